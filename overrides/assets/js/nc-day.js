/* A day page's check-in: the scales (kept only after opt-in) and the help line. */
(function () {
  "use strict";
  var nc = window.nc, t = nc.t, show = nc.show, $ = nc.$, $$ = nc.$$, store = nc.store;
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
