/* No Contact Program: small, dependency-free behaviour for the pages.
 * - Quick exit: click, or Shift three times; hides the page at once and replaces history.
 * - Storage controls: opt in, and one button that wipes everything the site stored.
 * - Message scripts: fill in, pick a version, copy, print. Input is only ever text.
 * - Exercise filter, SOS pause timer, day check-in, Today page and calendar file.
 * Every feature works in part without this file: the pages are plain HTML first. */
(function () {
  "use strict";
  var store = window.ncStorage;
  var $ = function (sel, root) { return (root || document).querySelector(sel); };
  var $$ = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };
  var strings = {};
  try { strings = JSON.parse(($("#nc-strings") || {}).textContent || "{}"); } catch (e) { strings = {}; }
  function t(key, values) {
    var text = strings[key] || key;
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(String(values[k])); });
    return text;
  }
  function show(el, on) { if (el) { if (on) { el.removeAttribute("hidden"); } else { el.setAttribute("hidden", ""); } } }
  /* For the page scripts that load after this one (nc-today.js...). */
  window.nc = { t: t, show: show };

  /* ---------------------------------------------------------------- quick exit */
  /* The GOV.UK "Exit this page" pattern: click, or Shift three times (the count expires 5 s
   * after the last press), with a screen-reader message after each press. */
  var overlay = $("[data-nc-exit-overlay]"), overlayText = $("[data-nc-exit-overlay-text]");
  function exitNow(href) {
    document.documentElement.classList.add("nc-exiting");
    if (overlayText) { overlayText.textContent = t("exit_loading"); }
    show(overlay, true);
    document.title = t("exit_loading");
    window.location.replace(href);
  }
  var exitLink = $("[data-nc-exit]");
  if (exitLink) {
    exitLink.addEventListener("click", function (ev) {
      ev.preventDefault();
      exitNow(exitLink.href);
    });
    var presses = 0, timer = null, status = $("[data-nc-exit-status]");
    document.addEventListener("keyup", function (ev) {
      if (ev.key !== "Shift") { return; }
      presses += 1;
      clearTimeout(timer);
      if (presses >= 3) { presses = 0; exitNow(exitLink.href); return; }
      var left = 3 - presses;
      if (status) { status.textContent = left === 1 ? t("exit_shift_one") : t("exit_shift_more", { count: left }); }
      exitLink.setAttribute("data-nc-presses", String(presses));
      timer = setTimeout(function () {
        presses = 0;
        exitLink.removeAttribute("data-nc-presses");
        if (status) { status.textContent = t("exit_expired"); }
      }, 5000);
    });
    window.addEventListener("pageshow", function () {
      document.documentElement.classList.remove("nc-exiting");
      show(overlay, false);
    });
  }

  /* "Practise the exit": what the exit does, without leaving the site. */
  $$("[data-nc-exit-practice]").forEach(function (button) {
    var said = button.parentNode.querySelector("[role=status]");
    var back = function (ev) {
      if (!document.documentElement.classList.contains("nc-exiting")) { return; }
      if (ev) { ev.preventDefault(); }  /* the key that ends the practice must not press the button again */
      document.documentElement.classList.remove("nc-exiting");
      show(overlay, false);
      document.removeEventListener("keydown", back, true);
      if (overlay) { overlay.removeEventListener("click", back); }
      if (said) { said.textContent = t("exit_practice_done"); }
      button.focus();
    };
    show(button, true);
    button.addEventListener("click", function () {
      if (!overlay) { return; }
      if (overlayText) { overlayText.textContent = t("exit_practice_overlay"); }
      document.documentElement.classList.add("nc-exiting");
      show(overlay, true);
      if (said) { said.textContent = ""; }
      overlay.setAttribute("tabindex", "-1");
      overlay.focus();
      setTimeout(function () {
        document.addEventListener("keydown", back, true);
        overlay.addEventListener("click", back);
      }, 300);
    });
  });

  /* ---------------------------------------------------------------- storage controls */
  $$("[data-nc-storage]").forEach(function (box) {
    var check = $("input[type=checkbox]", box), wipe = $("button", box), msg = $("[role=status]", box);
    show($("form", box), true);
    function refresh() {
      check.checked = store.optedIn();
      msg.textContent = store.optedIn() ? t("storage_on") : t("storage_off");
    }
    check.addEventListener("change", function () {
      if (check.checked) { store.optIn(); document.dispatchEvent(new CustomEvent("nc:optin")); } else { store.wipe(); }
      refresh();
    });
    wipe.addEventListener("click", function () {
      store.wipe();
      refresh();
      msg.textContent = t("wiped");
      document.dispatchEvent(new CustomEvent("nc:wiped"));
    });
    refresh();
  });

  /* ---------------------------------------------------------------- print buttons */
  $$(".nc-print").forEach(function (b) {
    show(b, true);
    b.addEventListener("click", function () { window.print(); });
  });

  /* ---------------------------------------------------------------- message scripts */
  var gate = $("[data-nc-gate]"), script = $("[data-nc-script]");
  if (gate && script) {
    var open = $(".nc-gate__open", gate);
    show(script, false);
    show(open, true);
    open.addEventListener("click", function () {
      show(script, true);
      show(open, false);
      var h = $("h2", script);
      if (h) { h.setAttribute("tabindex", "-1"); h.focus(); }
    });
  }
  if (script) {
    var fields = $$("[data-nc-field]", script);
    var messages = $$(".nc-message", script);
    var current = function () {
      var picked = $("input[name=variant]:checked", script);
      return picked ? picked.value : (messages[0] && messages[0].getAttribute("data-nc-variant"));
    };
    var fill = function () {
      var values = {};
      fields.forEach(function (f) {
        var v = f.value.trim();
        values[f.getAttribute("data-nc-field")] = v || f.getAttribute("data-nc-default");
      });
      messages.forEach(function (m) {
        var pre = $(".nc-message__text", m);
        var text = pre.getAttribute("data-nc-template").replace(/\{([a-z][a-z0-9_]*)\}/g, function (all, name) {
          return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : all;
        });
        pre.textContent = text;  /* text, never markup */
        show(m, m.getAttribute("data-nc-variant") === current());
      });
    };
    fields.forEach(function (f) { f.addEventListener("input", fill); });
    $$("input[name=variant]", script).forEach(function (r) { r.addEventListener("change", fill); });
    fill();
    var copy = $(".nc-copy", script), status = $(".nc-status", script);
    if (copy) {
      show(copy, true);
      copy.addEventListener("click", function () {
        var visible = messages.filter(function (m) { return !m.hasAttribute("hidden"); })[0];
        var text = visible ? $(".nc-message__text", visible).textContent : "";
        var done = function () { status.textContent = t("copied"); };
        var fallback = function () {
          var area = document.createElement("textarea");
          area.value = text;
          area.setAttribute("readonly", "");
          area.style.position = "fixed";
          area.style.opacity = "0";
          document.body.appendChild(area);
          area.select();
          var ok = false;
          try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
          document.body.removeChild(area);
          status.textContent = ok ? t("copied") : t("copy_failed");
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done, fallback);
        } else {
          fallback();
        }
      });
    }
  }

  /* ---------------------------------------------------------------- exercise filter */
  var filter = $(".nc-filter");
  if (filter) {
    show(filter, true);
    var select = $("select", filter);
    var apply = function () {
      $$(".nc-situation").forEach(function (s) { show(s, !select.value || s.id === select.value); });
    };
    select.addEventListener("change", apply);
    if (window.location.hash && $(".nc-situation" + window.location.hash.replace(/[^#a-z0-9-]/g, ""))) {
      select.value = window.location.hash.slice(1);
    }
    apply();
  }

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

  /* ---------------------------------------------------------------- day check-in */
  /* A very strong pull (8 or more) or a very low mood (2 or less) shows the way to the SOS
   * page and to help, in a live region. Nothing about it is stored. Without this script the
   * line is always there. */
  var head = $("[data-nc-day]"), helpBox = $("[data-nc-checkin-help]");
  var helpLine = helpBox ? helpBox.firstElementChild : null;
  var showHelp = function () {
    if (!helpBox || !helpLine) { return; }
    var urge = $(".nc-checkin input[name^='urge']:checked"), mood = $(".nc-checkin input[name^='mood']:checked");
    var needed = (urge && +urge.value >= 8) || (mood && +mood.value <= 2);
    if (needed && !helpLine.parentNode) { helpBox.appendChild(helpLine); }
    if (!needed && helpLine.parentNode) { helpBox.removeChild(helpLine); }
  };
  if (helpLine) { helpBox.removeChild(helpLine); }
  if (head) {
    var key = "checkin." + head.getAttribute("data-nc-length") + "." + head.getAttribute("data-nc-day");
    var saved = store.get(key, {});
    $$(".nc-checkin input[type=radio]").forEach(function (r) {
      var group = r.name.split("-")[0];
      if (String(saved[group]) === r.value) { r.checked = true; }
      r.addEventListener("change", function () {
        showHelp();
        var now = store.get(key, {});
        now[group] = r.value;
        store.set(key, now);
      });
    });
    showHelp();
  }
})();
