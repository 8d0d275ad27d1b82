/* Storage guard, loaded in <head> right after the theme's storage helpers.
 * Nothing is written to this browser until the reader opts in (Privacy page or Today page).
 * The theme remembers things such as the colour scheme through __md_set: that becomes a
 * no-op until the opt-in. */
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
})();
