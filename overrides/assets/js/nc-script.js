/* Message scripts: the safety check first, fill in the blanks, pick a version, copy.
 * What the reader types is only ever text, and it stays on the page. */
(function () {
  "use strict";
  var nc = window.nc, t = nc.t, show = nc.show, $ = nc.$, $$ = nc.$$, store = nc.store;
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
})();
