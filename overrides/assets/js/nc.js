/* No Contact Program: the behaviour every page needs, small and dependency-free.
 * - Quick exit: click, or Shift three times; hides the page at once and replaces history.
 * - "Practise the exit" on the home and start pages.
 * - Storage controls: opt in, and one button that wipes everything the site stored.
 * - Print buttons.
 * The other scripts load only on the pages that use them (macros/theme.py): nc-script.js
 * (message scripts), nc-sos.js (pause timer, saved reasons), nc-day.js (check-in),
 * nc-filter.js (exercise filter), nc-today.js, nc-start.js. Each uses window.nc from here.
 * Every feature works in part without JavaScript: the pages are plain HTML first. */
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
  /* Calendar files (RFC 5545), for the Today page and the trusted person's page: a text
   * value escaped, and a long line folded. */
  var ics = {
    text: function (value) {
      return String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
    },
    fold: function (line) {
      var out = [], rest = line;
      while (rest.length > 73) { out.push(rest.slice(0, 73)); rest = " " + rest.slice(73); }
      out.push(rest);
      return out.join("\r\n");
    }
  };
  /* For the page scripts that load after this one (nc-today.js...). */
  window.nc = { t: t, show: show, $: $, $$: $$, store: store, ics: ics };

  /* ---------------------------------------------------------------- quick exit */
  /* The GOV.UK "Exit this page" pattern: click, or Shift three times (the count expires 5 s
   * after the last press), with a screen-reader message after each press. Only a press of
   * Shift on its own counts: Shift held for a capital letter, Shift+Tab, Shift+arrow keys or
   * Shift+click never do, and any other key starts the count again. */
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
    var shiftDown = false, shiftWithOther = false;
    var isShift = function (ev) { return ev.key === "Shift" || ev.keyCode === 16; };
    var reset = function () {
      clearTimeout(timer);
      if (presses) {
        presses = 0;
        exitLink.removeAttribute("data-nc-presses");
        if (status) { status.textContent = ""; }
      }
    };
    document.addEventListener("keydown", function (ev) {
      if (isShift(ev)) {
        if (!ev.repeat) { shiftDown = true; shiftWithOther = false; }
        return;
      }
      if (shiftDown || ev.shiftKey) { shiftWithOther = true; }
      reset();
    }, true);
    var shiftClick = function (ev) { if (ev.shiftKey || shiftDown) { shiftWithOther = true; } };
    document.addEventListener("pointerdown", shiftClick, true);
    document.addEventListener("mousedown", shiftClick, true);
    window.addEventListener("blur", function () { shiftDown = false; shiftWithOther = false; });
    document.addEventListener("keyup", function (ev) {
      if (!isShift(ev)) { if (ev.shiftKey) { shiftWithOther = true; } return; }
      var alone = shiftDown && !shiftWithOther && !ev.isComposing;
      shiftDown = false;
      shiftWithOther = false;
      if (!alone) { return; }
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
    }, true);
    /* Back from the exit page (the browser's back-forward cache): the page whole, the count at 0. */
    window.addEventListener("pageshow", function () {
      document.documentElement.classList.remove("nc-exiting");
      show(overlay, false);
      shiftDown = false;
      reset();
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
  /* Which part of the box shows is set by the stylesheet before the first paint: opened from
   * a folder (file://), nothing can be saved and the box says why instead. */
  $$("[data-nc-storage]").forEach(function (box) {
    var check = $("input[type=checkbox]", box), wipe = $("button", box), msg = $("[role=status]", box);
    if (store.fromFolder) { return; }
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

})();
