/* Runs inside the iframe that stands in for a Web Worker on file:// (see shim.js). */
"use strict";
(function () {
  var url = document.currentScript.getAttribute("data-url");
  window.postMessage = function (s, n) { parent.postMessage(s, n || "*"); };
  window.importScripts = function () {
    return Array.prototype.slice.call(arguments).reduce(function (p, src) {
      return p.then(function () {
        return new Promise(function (resolve) {
          var t = document.createElement("script");
          t.src = src;
          t.onload = resolve;
          document.body.appendChild(t);
        });
      });
    }, Promise.resolve());
  };
  window.addEventListener("error", function (ev) {
    parent.dispatchEvent(new ErrorEvent("error", { filename: url, error: ev.error }));
  });
})();
