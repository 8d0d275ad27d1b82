/* Runs before the theme's bundle, on every page.
 *
 * 1. Storage guard: nothing is written to this browser until the reader opts in (Privacy or
 *    Today page). The theme remembers things such as the colour scheme through __md_set:
 *    that becomes a no-op until the opt-in.
 * 2. Search on demand: the theme starts its search worker and fetches the search index on
 *    every page. Here both wait until the reader opens search (focus or click on the search
 *    box, or its keyboard shortcut), so a first visit on a slow, metered phone does not
 *    download an index nobody asked for. On the web the index comes by XMLHttpRequest; in a
 *    folder copy (file://) by a script in <head>; the worker is a Worker (or the iframe shim).
 */
(function () {
  "use strict";
  var FLAG = "nc.optin";
  function optedIn() {
    try { return window.localStorage.getItem(FLAG) === "1"; } catch (e) { return false; }
  }
  var themeSet = window.__md_set;
  window.__md_set = function (key, value, storage, scope) {
    if (!optedIn() || typeof themeSet !== "function") return;
    return themeSet(key, value, storage, scope);
  };
  window.ncStorage = {
    optedIn: optedIn,
    optIn: function () { window.localStorage.setItem(FLAG, "1"); },
    get: function (key, fallback) {
      if (!optedIn()) return fallback;
      try {
        var raw = window.localStorage.getItem("nc." + key);
        return raw === null ? fallback : JSON.parse(raw);
      } catch (e) { return fallback; }
    },
    set: function (key, value) {
      if (!optedIn()) return false;
      try { window.localStorage.setItem("nc." + key, JSON.stringify(value)); return true; } catch (e) { return false; }
    },
    wipe: function () {
      try { window.localStorage.clear(); } catch (e) { /* nothing stored */ }
      try { window.sessionStorage.clear(); } catch (e) { /* nothing stored */ }
    }
  };

  /* ------------------------------------------------------------ search on demand */
  var wanted = false, waiting = [];
  var INDEX = /search\/search_index\.js(on)?(\?|#|$)/, WORKER = /workers\/search\.[^/]*\.js/;
  function want() {
    if (wanted) { return; }
    wanted = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }
  window.ncSearch = { wanted: function () { return wanted; }, open: want };

  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.ncIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (xhr.ncIndex && !wanted) { waiting.push(function () { send.apply(xhr, args); }); return; }
    return send.apply(xhr, args);
  };

  var headAppend = document.head.appendChild;
  document.head.appendChild = function (node) {
    if (!wanted && node && node.tagName === "SCRIPT" && INDEX.test(node.src || "")) {
      waiting.push(function () { headAppend.call(document.head, node); });
      return node;
    }
    return headAppend.call(this, node);
  };

  var RealWorker = window.Worker;
  if (RealWorker) {
    window.Worker = function (url, options) {
      if (wanted || !WORKER.test(String(url))) { return new RealWorker(url, options); }
      var real = null, queue = [], listeners = [], onmessage = null, self = this;
      this.postMessage = function (message) { if (real) { real.postMessage(message); } else { queue.push(message); } };
      this.addEventListener = function (type, fn, opts) {
        if (real) { real.addEventListener(type, fn, opts); } else { listeners.push([type, fn, opts]); }
      };
      this.removeEventListener = function (type, fn, opts) {
        if (real) { real.removeEventListener(type, fn, opts); }
        listeners = listeners.filter(function (l) { return l[0] !== type || l[1] !== fn; });
      };
      this.terminate = function () { if (real) { real.terminate(); } waiting = waiting.filter(function (g) { return g !== go; }); };
      Object.defineProperty(this, "onmessage", {
        get: function () { return onmessage; },
        set: function (fn) { onmessage = fn; if (real) { real.onmessage = fn; } }
      });
      var go = function () {
        real = new RealWorker(url, options);
        listeners.forEach(function (l) { real.addEventListener(l[0], l[1], l[2]); });
        if (onmessage) { real.onmessage = onmessage; }
        queue.splice(0).forEach(function (m) { real.postMessage(m); });
        self.real = real;
      };
      waiting.push(go);
    };
  }

  /* What counts as opening search: the search box, its toggle, the theme's shortcuts. */
  function isSearch(el) {
    return !!(el && el.closest && el.closest(".md-search, label[for='__search'], [data-md-toggle='search']"));
  }
  document.addEventListener("focusin", function (ev) { if (isSearch(ev.target)) { want(); } }, true);
  document.addEventListener("pointerdown", function (ev) { if (isSearch(ev.target)) { want(); } }, true);
  document.addEventListener("click", function (ev) { if (isSearch(ev.target)) { want(); } }, true);
  document.addEventListener("change", function (ev) { if (ev.target && ev.target.id === "__search") { want(); } }, true);
  document.addEventListener("keydown", function (ev) {
    var typing = ev.target && /^(INPUT|TEXTAREA|SELECT)$/.test(ev.target.tagName) && !isSearch(ev.target);
    if (!typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey && /^[fs/]$/.test(ev.key)) { want(); }
  }, true);
})();
