/* The SOS page: the pause timer and the reasons saved on this device (after opt-in). */
(function () {
  "use strict";
  var nc = window.nc, t = nc.t, show = nc.show, $ = nc.$, $$ = nc.$$, store = nc.store;
  /* ---------------------------------------------------------------- SOS pause timer */
  var timerBox = $("[data-nc-timer]");
  if (timerBox) {
    var minutes = parseInt(timerBox.getAttribute("data-nc-timer"), 10) || 10;
    var startBtn = $(".nc-timer__start", timerBox), stopBtn = $(".nc-timer__stop", timerBox);
    var clock = $(".nc-timer__clock", timerBox), said = $(".nc-timer__status", timerBox);
    var end = 0, tick = null;
    var draw = function () {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      var m = Math.floor(left / 60), s = left % 60;
      clock.textContent = m + ":" + (s < 10 ? "0" : "") + s;
      if (left % 60 === 0 && left > 0) { said.textContent = clock.textContent; }
      if (left === 0) {
        clearInterval(tick);
        tick = null;
        said.textContent = t("sos_timer_done");
        show(stopBtn, false);
        show(startBtn, true);
      }
    };
    show($(".nc-timer__controls", timerBox), true);
    startBtn.addEventListener("click", function () {
      end = Date.now() + minutes * 60 * 1000;
      show(startBtn, false);
      show(stopBtn, true);
      show(clock, true);
      said.textContent = "";
      draw();
      tick = setInterval(draw, 250);
    });
    stopBtn.addEventListener("click", function () {
      clearInterval(tick);
      tick = null;
      show(stopBtn, false);
      show(startBtn, true);
    });
  }

  /* ---------------------------------------------------------------- saved reasons (SOS) */
  var reasons = $("[data-nc-reasons]");
  if (reasons) {
    var list = $("ul", reasons), area = $("textarea", reasons), save = $("button", reasons), empty = $(".nc-reasons__empty", reasons);
    var drawReasons = function () {
      var saved = store.get("reasons", []);
      list.textContent = "";
      saved.forEach(function (r) { var li = document.createElement("li"); li.textContent = r; list.appendChild(li); });
      show(empty, saved.length === 0);
      show($("form", reasons), store.optedIn());
    };
    save.addEventListener("click", function () {
      var items = area.value.split("\n").map(function (s) { return s.trim(); }).filter(Boolean);
      store.set("reasons", items);
      drawReasons();
    });
    area.value = store.get("reasons", []).join("\n");
    document.addEventListener("nc:optin", drawReasons);
    document.addEventListener("nc:wiped", drawReasons);
    drawReasons();
  }
})();
