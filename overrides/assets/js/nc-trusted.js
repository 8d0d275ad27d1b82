/* The trusted person's calendar file (trusted-person page): one event, repeated, with the
 * title the reader picks (plain by default). Nothing in the file names the program, the
 * clinic, the reader or the code word, and it holds no link; nothing is stored or sent. */
(function () {
  "use strict";
  var form = document.querySelector("[data-nc-trusted]");
  if (!form || !window.nc) { return; }
  var t = window.nc.t;
  var esc = window.nc.ics.text, fold = window.nc.ics.fold;
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function ymd(d) { return d.getFullYear() + pad(d.getMonth() + 1) + pad(d.getDate()); }
  function random() { return Math.random().toString(36).slice(2, 10); }

  /* start: Date (local day), time "HH:MM", every: days between, count, title. */
  function calendar(start, time, every, count, title) {
    var stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Calendar//EN", "CALSCALE:GREGORIAN",
                 "BEGIN:VEVENT", "UID:" + ymd(start) + "-" + random() + "@local", "DTSTAMP:" + stamp,
                 "DTSTART:" + ymd(start) + "T" + time.replace(":", "") + "00", "DURATION:PT15M",
                 "RRULE:FREQ=DAILY;INTERVAL=" + every + ";COUNT=" + count,
                 "SUMMARY:" + esc(title),
                 "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:PT0M", "DESCRIPTION:" + esc(title), "END:VALARM",
                 "END:VEVENT", "END:VCALENDAR"];
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  var startIn = form.querySelector("#nc-trusted-start");
  if (!startIn.value) {
    var now = new Date();
    startIn.value = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(startIn.value);
    var time = form.querySelector("#nc-trusted-time").value || "19:00";
    var count = Math.max(1, Math.min(90, parseInt(form.querySelector("#nc-trusted-count").value, 10) || 1));
    var title = form.querySelector("#nc-trusted-title").value.trim() || t("trusted_ics_default");
    if (!m) { return; }
    var text = calendar(new Date(+m[1], +m[2] - 1, +m[3]), time, +form.querySelector("#nc-trusted-every").value, count, title);
    var a = document.createElement("a");
    a.href = "data:text/calendar;charset=utf-8," + encodeURIComponent(text);
    a.download = t("trusted_ics_file");
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
  });
})();
