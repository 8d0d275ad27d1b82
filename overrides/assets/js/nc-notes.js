/* The notes page: one sheet to bring to a session, made here from what the reader saved on
 * this device (window.ncStorage: "today" from the Today page, "checks" from the self-check,
 * "notes" typed on this page). Each row has a box to leave it out of the print. Without saved
 * data (or without JavaScript) the sheet stays a blank form to fill by hand. Nothing is sent. */
(function () {
  "use strict";
  var root = document.querySelector("[data-nc-notes]");
  if (!root || !window.nc) { return; }
  var t = window.nc.t, store = window.ncStorage;
  var $ = function (sel) { return root.querySelector(sel); };
  var BLANK = { slips: $("[data-nc-notes-slips] tbody").rows.length, checks: $("[data-nc-notes-checks] tbody").rows.length };
  var KEEP = 6;  /* rows ticked at first: the latest six of each, so the sheet fits one page */

  function parse(value) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || "");
    return m ? new Date(+m[1], +m[2] - 1, +m[3]) : null;
  }
  function iso(d) {
    var p = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + p(d.getMonth() + 1) + "-" + p(d.getDate());
  }
  function days(a, b) { return Math.round((new Date(b.getFullYear(), b.getMonth(), b.getDate()) - a) / 86400000); }

  /* Fills a table's body: one row per item (cells from cellsOf), then blank rows up to the
   * form's own number; each filled row gets its "keep" box. */
  function fill(table, items, blank, cellsOf) {
    var body = table.tBodies[0], cols = table.tHead.rows[0].cells.length;
    body.textContent = "";
    var rows = Math.max(items.length, blank);
    for (var i = 0; i < rows; i += 1) {
      var tr = body.insertRow(), item = items[i];
      var cells = item ? cellsOf(item) : [];
      for (var c = 0; c < cols - 1; c += 1) { tr.insertCell().textContent = cells[c] === undefined ? "" : String(cells[c]); }
      var keep = tr.insertCell();
      keep.className = "nc-notes__keep nc-js-only";
      if (!item) { continue; }
      var box = document.createElement("input");
      box.type = "checkbox";
      box.checked = i >= items.length - KEEP;
      box.setAttribute("aria-label", t("notes_keep_row", { date: item.date }));
      box.addEventListener("change", (function (row, b) {
        return function () { row.classList.toggle("nc-notes__out", !b.checked); };
      })(tr, box));
      if (!box.checked) { tr.classList.add("nc-notes__out"); }
      keep.appendChild(box);
    }
  }

  function render() {
    var today = (store && store.get("today", null)) || null;
    var checks = (store && store.get("checks", [])) || [];
    var notes = (store && store.get("notes", null)) || {};
    var slips = today && today.slips ? today.slips : [];
    var any = !!(today && today.start) || checks.length > 0 || slips.length > 0 || !!(notes.helped || notes.talk);
    $(".nc-notes__status").textContent = any ? t("notes_filled") : t("notes_empty");
    ["date", "track", "day", "done"].forEach(function (id) { $("#nc-notes-" + id).value = ""; });
    if (any) { $("#nc-notes-date").value = iso(new Date()); }
    var start = today ? parse(today.start) : null, length = today ? +today.track : 0;
    if (start && length) {
      var n = days(start, new Date()) + 1;
      $("#nc-notes-track").value = t("track_title", { length: length });
      if (n >= 1 && n <= length) { $("#nc-notes-day").value = t("day_of", { n: n, length: length }); }
      $("#nc-notes-done").value = String((today.done || []).filter(function (d) { return String(d.track) === String(today.track); }).length);
    }
    fill($("[data-nc-notes-slips]"), slips, BLANK.slips, function (s) { return [s.date, s.note || ""]; });
    fill($("[data-nc-notes-checks]"), checks, BLANK.checks, function (c) { return [c.date, c.total, c.anxiety, c.mood]; });
    $("#nc-notes-helped").value = notes.helped || "";
    $("#nc-notes-talk").value = notes.talk || "";
    ["helped", "talk"].forEach(copy);
  }

  /* On paper a filled box prints as its whole text (a text box prints only what shows). */
  function copy(id) {
    var box = $("#nc-notes-" + id), out = $("[data-nc-copy-of='nc-notes-" + id + "']");
    out.textContent = box.value;
    if (box.value.trim()) { out.removeAttribute("hidden"); } else { out.setAttribute("hidden", ""); }
    box.classList.toggle("nc-notes__write--filled", !!box.value.trim());
  }

  /* What the reader types here is kept only with saving on. */
  ["helped", "talk"].forEach(function (id) {
    $("#nc-notes-" + id).addEventListener("input", function () {
      copy(id);
      if (store && store.optedIn()) {
        store.set("notes", { helped: $("#nc-notes-helped").value, talk: $("#nc-notes-talk").value });
      }
    });
  });
  document.addEventListener("nc:wiped", render);
  render();
})();
