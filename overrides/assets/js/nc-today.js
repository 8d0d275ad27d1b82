/* The Today page: which day it is, days done, slips, and a calendar file.
 * Works for the visit without storing anything; with the reader's opt-in it keeps the
 * choice in this browser only (window.ncStorage, wiped by the one "erase" button). */
(function () {
  "use strict";
  var DAY = 86400000;

  function parseDate(value) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || "");
    return m ? new Date(+m[1], +m[2] - 1, +m[3]) : null;
  }
  function midnight(d) { return new Date(d.getFullYear(), d.getMonth(), d.getDate()); }
  function iso(d) {
    var p = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + p(d.getMonth() + 1) + "-" + p(d.getDate());
  }
  function daysBetween(a, b) { return Math.round((midnight(b) - midnight(a)) / DAY); }

  /* Which day of the track a start date gives today: 1..length, or <1 before, >length after. */
  function dayNumber(start, now) { return daysBetween(start, now) + 1; }

  var icsText = window.nc.ics.text, fold = window.nc.ics.fold;
  function compact(d) { return iso(d).replace(/-/g, ""); }

  /* The program's name as a file name or an id: "Harbour Clinic" -> "harbour-clinic". */
  function slug(text) {
    return String(text).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "program";
  }

  /* One event a day, each linking to that day's page unless discreet. The product id, the
   * ids and the file name come from the site's name in the settings (data.product). */
  function calendar(track, length, start, reminder, discreet, data, base) {
    var now = new Date();
    var stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
    /* In discreet mode nothing in the file names the program: titles, product id and ids. */
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0",
                 "PRODID:" + (discreet ? "-//Calendar//EN" : "-//" + icsText(data.product) + "//Today page//EN"),
                 "CALSCALE:GREGORIAN"];
    var discreetTitle = data.discreet_title;
    track.days.forEach(function (day) {
      var date = new Date(start.getFullYear(), start.getMonth(), start.getDate() + day.n - 1);
      lines.push("BEGIN:VEVENT");
      lines.push("UID:" + (discreet ? "d-" : "day-") + length + "-" + compact(start) + "-" + day.n + "@" + (discreet ? "local" : slug(data.product)));
      lines.push("DTSTAMP:" + stamp);
      if (reminder) {
        var hm = reminder.replace(":", "");
        lines.push("DTSTART:" + compact(date) + "T" + hm + "00");
        lines.push("DURATION:PT15M");
      } else {
        var next = new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1);
        lines.push("DTSTART;VALUE=DATE:" + compact(date));
        lines.push("DTEND;VALUE=DATE:" + compact(next));
      }
      lines.push("SUMMARY:" + icsText(discreet ? discreetTitle : day.label + ": " + day.title));
      if (!discreet) { lines.push("URL:" + new URL(day.url, base).href); }
      if (reminder) {
        lines.push("BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:PT0M",
                   "DESCRIPTION:" + icsText(discreet ? discreetTitle : day.label), "END:VALARM");
      }
      lines.push("END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }


  function start(root, store, t) {
    var $ = function (sel) { return root.querySelector(sel); };
    var data = JSON.parse(document.getElementById("nc-tracks").textContent);
    var state = store.get("today", null) || { track: "", start: "", done: [], slips: [] };
    var trackSel = $("#nc-track"), startIn = $("#nc-start"), out = $(".nc-today__result");
    var remember = function () { store.set("today", state); };
    root.querySelector("form").removeAttribute("hidden");
    root.querySelector(".nc-today__log").removeAttribute("hidden");
    if (state.track) { trackSel.value = state.track; }
    startIn.value = state.start || iso(new Date());

    /* The grid of the chosen track: today (aria-current and the word, not colour alone),
     * the days marked done and the slips, which are only ever shown as slips. */
    function mark(n) {
      var grids = root.querySelectorAll("[data-nc-cal]");
      Array.prototype.forEach.call(grids, function (g) {
        var shown = g.getAttribute("data-nc-cal") === trackSel.value;
        if (shown) { g.removeAttribute("hidden"); } else { g.setAttribute("hidden", ""); }
        if (!shown) { return; }
        var start = parseDate(startIn.value);
        var done = state.done.filter(function (d) { return d.track === trackSel.value; }).map(function (d) { return d.n; });
        var slips = start ? state.slips.map(function (s) { return dayNumber(start, parseDate(s.date)); }) : [];
        Array.prototype.forEach.call(g.querySelectorAll("[data-nc-cal-day]"), function (cell) {
          var day = +cell.getAttribute("data-nc-cal-day"), link = cell.querySelector("a");
          var stateEl = cell.querySelector(".nc-cal__state"), words = [];
          cell.classList.toggle("nc-cal__today", day === n);
          if (day === n) { link.setAttribute("aria-current", "date"); words.push(t("today_grid_today")); } else { link.removeAttribute("aria-current"); }
          var marks = [];
          if (done.indexOf(day) !== -1) { marks.push("✓"); words.push(t("today_grid_done")); }
          if (slips.indexOf(day) !== -1) { marks.push("↺"); words.push(t("today_grid_slip")); }
          stateEl.textContent = (day === n ? t("today_grid_today") + " " : "") + marks.join(" ");
          var extra = link.querySelector(".nc-cal__said");
          if (!extra) { extra = document.createElement("span"); extra.className = "nc-visually-hidden nc-cal__said"; link.appendChild(extra); }
          extra.textContent = words.length ? ", " + words.join(", ") : "";
        });
      });
    }

    function render() {
      var track = data.tracks[trackSel.value], start = parseDate(startIn.value);
      out.textContent = "";
      if (!track || !start) { mark(0); return; }
      var length = track.days.length, n = dayNumber(start, new Date());
      mark(n);
      var p = function (text, cls) {
        var el = document.createElement("p");
        el.textContent = text;
        if (cls) { el.className = cls; }
        out.appendChild(el);
        return el;
      };
      if (n < 1) {
        p(t("today_before", { n: 1 - n }), "nc-today__day");
      } else if (n > length) {
        p(t("today_done", { length: length }), "nc-today__day");
        var review = document.createElement("a");
        review.href = data.final_review;
        review.textContent = t("final_review_link");
        out.appendChild(review);
      } else {
        p(t("today_is", { n: n, length: length }), "nc-today__day");
        var day = track.days[n - 1];
        var link = document.createElement("a");
        link.href = day.url;
        link.className = "md-button md-button--primary nc-today__open";
        link.textContent = t("today_open") + ": " + day.title;
        out.appendChild(link);
        var next = track.milestones.filter(function (m) { return m >= n; })[0];
        if (next) { p(t("today_next_milestone", { n: next })); }
      }
      var since = Math.max(0, daysBetween(start, new Date()));
      p(t("today_since_start", { n: since }), "nc-today__since-start");
      var last = state.slips.length ? parseDate(state.slips[state.slips.length - 1].date) : start;
      p(t("today_since_contact", { n: Math.max(0, daysBetween(last, new Date())) }), "nc-today__since-contact");
      p(t("today_days_done", { n: state.done.filter(function (d) { return d.track === trackSel.value; }).length }), "nc-today__done");
    }

    $("#nc-today-form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      state.track = trackSel.value;
      state.start = startIn.value;
      remember();
      render();
    });
    $(".nc-today__mark").addEventListener("click", function () {
      var n = dayNumber(parseDate(startIn.value), new Date());
      if (!state.done.some(function (d) { return d.track === trackSel.value && d.n === n; })) {
        state.done.push({ track: trackSel.value, n: n });
      }
      remember();
      render();
    });
    $(".nc-today__slip").addEventListener("click", function () {
      var note = $("#nc-slip-note");
      state.slips.push({ date: iso(new Date()), note: note.value.trim() });
      note.value = "";
      remember();
      render();
      $(".nc-today__slip-status").textContent = t("today_slip_saved");
    });
    $(".nc-calendar__download").addEventListener("click", function () {
      var track = data.tracks[trackSel.value], start = parseDate(startIn.value);
      if (!track || !start) { return; }
      var text = calendar(track, track.days.length, start, $("#nc-reminder").value,
                          $("#nc-discreet").checked, data, window.location.href);
      var a = document.createElement("a");
      a.href = "data:text/calendar;charset=utf-8," + encodeURIComponent(text);
      a.download = $("#nc-discreet").checked ? data.discreet_file : track.file;  // each language names its files
      document.body.appendChild(a);
      a.click();
      document.body.removeChild(a);
    });
    trackSel.addEventListener("change", render);
    document.addEventListener("nc:optin", remember);
    document.addEventListener("nc:wiped", function () { state = { track: trackSel.value, start: startIn.value, done: [], slips: [] }; render(); });
    render();
  }

  var root = document.querySelector("[data-nc-today]");
  if (root) { start(root, window.ncStorage, window.nc.t); }
})();
