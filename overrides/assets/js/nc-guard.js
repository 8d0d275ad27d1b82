/* Runs before the theme's bundle, on every page.
 *
 * 1. Storage guard: nothing is written to this browser until the reader opts in (Privacy or
 *    Today page), and what is written belongs to this site alone. Other sites may share its
 *    origin (GitHub Pages serves every project site of an account from one), so every key
 *    starts with the site's own root path, the theme's keys and ours alike:
 *    "/site-a/.nc.today", "/site-a/.__palette". The root is the first language's folder
 *    (overrides/partials/javascripts/base.html sets the theme's __md_scope to it), so the
 *    languages of one site share one opt-in and one set of saved data. Erase removes exactly
 *    those keys, never clear(). Opened from a folder (file://), nothing is stored at all: the
 *    browser may give every local file one store that any other file could read.
 * 2. Search on demand: the theme starts its search worker and fetches the search index on
 *    every page. Here both wait until the reader opens search (focus or click on the search
 *    box, or its keyboard shortcut), so a first visit on a slow, metered phone does not
 *    download an index nobody asked for. On the web the index comes by XMLHttpRequest; in a
 *    folder copy (file://) by a script in <head>; the worker is a Worker (or the iframe shim).
 */
(function () {
  "use strict";
  var scope = window.__md_scope || new URL(".", location);
  var ROOT = scope.pathname + ".";          /* this site's keys: "<root path>." + name */
  var OURS = ROOT + "nc.", THEME = ROOT + "__", FLAG = OURS + "optin";
  var fromFolder = location.protocol === "file:";
  function areas() {
    var out = [];
    try { out.push(window.localStorage); } catch (e) { /* storage blocked */ }
    try { out.push(window.sessionStorage); } catch (e) { /* storage blocked */ }
    return out;
  }
  function optedIn() {
    if (fromFolder) { return false; }
    try { return window.localStorage.getItem(FLAG) === "1"; } catch (e) { return false; }
  }
  var themeSet = window.__md_set;
  window.__md_set = function (key, value, storage, scope) {
    if (!optedIn() || typeof themeSet !== "function") return;
    return themeSet(key, value, storage, scope);
  };
  /* Keys of this site: ours and the theme's under this site's root. An earlier release
   * wrote ours without the root ("nc.today"); those are this site's only when it owns the
   * whole origin (its root is "/"). */
  function mine(key) {
    return key.indexOf(OURS) === 0 || key.indexOf(THEME) === 0 || (ROOT === "/." && /^nc\./.test(key));
  }
  window.ncStorage = {
    fromFolder: fromFolder,
    optedIn: optedIn,
    optIn: function () {
      if (fromFolder) { return false; }
      try { window.localStorage.setItem(FLAG, "1"); return true; } catch (e) { return false; }
    },
    get: function (key, fallback) {
      if (!optedIn()) return fallback;
      try {
        var raw = window.localStorage.getItem(OURS + key);
        return raw === null ? fallback : JSON.parse(raw);
      } catch (e) { return fallback; }
    },
    set: function (key, value) {
      if (!optedIn()) return false;
      try { window.localStorage.setItem(OURS + key, JSON.stringify(value)); return true; } catch (e) { return false; }
    },
    /* Removes every key of this site, in every language, and nothing else. */
    wipe: function () {
      areas().forEach(function (area) {
        var keys = [];
        for (var i = 0; i < area.length; i += 1) { keys.push(area.key(i)); }
        keys.filter(mine).forEach(function (key) { area.removeItem(key); });
      });
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
