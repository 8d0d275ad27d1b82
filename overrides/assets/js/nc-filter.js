/* The exercise index: show the exercises for one situation. */
(function () {
  "use strict";
  var nc = window.nc, t = nc.t, show = nc.show, $ = nc.$, $$ = nc.$$, store = nc.store;
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
})();
