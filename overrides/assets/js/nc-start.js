/* "Find your path" (start page): the answers show the matching paths in a live region.
 * Nothing is stored or sent: the answers live in the form and are gone when the reader
 * leaves (a page restored from the back-forward cache starts empty too). Without this
 * script the page lists every path. */
(function () {
  "use strict";
  var form = document.querySelector("[data-nc-path]");
  var result = document.querySelector("[data-nc-path-result]");
  var all = document.querySelector("[data-nc-paths]"), box = document.querySelector("[data-nc-path-box]");
  if (!form || !result || !all || !box) { return; }
  var empty = result.firstElementChild;
  var ways = Array.prototype.slice.call(all.querySelectorAll("[data-nc-when]"));

  function answers() {
    var out = {};
    Array.prototype.forEach.call(form.querySelectorAll("input:checked"), function (r) { out[r.name] = r.value; });
    return out;
  }
  function fits(when, picked) {
    return Object.keys(when).every(function (q) { return when[q].indexOf(picked[q]) !== -1; });
  }
  function update() {
    var picked = answers();
    result.textContent = "";
    if (!Object.keys(picked).length) { result.appendChild(empty); return; }
    ways.forEach(function (way) {
      var when = {};
      try { when = JSON.parse(way.getAttribute("data-nc-when") || "{}"); } catch (e) { when = {}; }
      if (!fits(when, picked)) { return; }
      var copy = way.cloneNode(true);
      copy.removeAttribute("id");
      Array.prototype.forEach.call(copy.querySelectorAll("[id]"), function (el) { el.removeAttribute("id"); });
      result.appendChild(copy);
    });
  }

  form.removeAttribute("hidden");
  box.removeAttribute("hidden");
  all.setAttribute("hidden", "");
  form.addEventListener("change", update);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  window.addEventListener("pageshow", function () { form.reset(); update(); });
  update();
})();
