/* The private self-check (self-check page): the PHQ-4 (Kroenke, Spitzer, Williams & Löwe 2009),
 * scored here in the browser, never sent. Items 1-2 are worry (GAD-2), 3-4 low mood (PHQ-2);
 * each 0-3, total 0-12. The paper's ranges: 0-2 none, 3-5 mild, 6-8 moderate, 9-12 severe; a
 * pair scoring 3 or more is a sign to talk to a professional. A severe score, or "yes" or "not
 * sure" to the safety question (not part of the PHQ-4), shows the help block: the crisis plan,
 * the crisis lines, a professional. A result is kept only when the reader has turned saving on
 * and presses Save (window.ncStorage "checks": date and the three scores, never the safety
 * answer); erase removes it with everything else. */
(function () {
  "use strict";
  var root = document.querySelector("[data-nc-selfcheck]");
  if (!root || !window.nc) { return; }
  var t = window.nc.t, store = window.ncStorage;
  var form = root.querySelector("form"), out = root.querySelector(".nc-check__result");
  var save = root.querySelector(".nc-check__save"), saved = root.querySelector(".nc-check__saved");
  var help = document.querySelector("[data-nc-check-help]");
  var last = null;

  function answer(name) {
    var el = form.querySelector("input[name='" + name + "']:checked");
    return el ? +el.value : null;
  }
  /* {anxiety, mood, total}, or null until all four are answered. */
  function score() {
    var a = [answer("q1"), answer("q2"), answer("q3"), answer("q4")];
    if (a.indexOf(null) !== -1) { return null; }
    return { anxiety: a[0] + a[1], mood: a[2] + a[3], total: a[0] + a[1] + a[2] + a[3] };
  }
  function band(total) {
    return total <= 2 ? "none" : total <= 5 ? "mild" : total <= 8 ? "moderate" : "severe";
  }
  var WORDS = { none: t("check_band_none"), mild: t("check_band_mild"),
                moderate: t("check_band_moderate"), severe: t("check_band_severe") };
  function iso(d) {
    var p = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + p(d.getMonth() + 1) + "-" + p(d.getDate());
  }
  function para(text) {
    var p = document.createElement("p");
    p.textContent = text;
    out.appendChild(p);
    return p;
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    out.textContent = "";
    saved.textContent = "";
    var s = score(), safety = form.querySelector("input[name='safety']:checked");
    var worried = !!safety && safety.value !== "no";
    last = s;
    if (s) {
      var b = band(s.total);
      out.setAttribute("data-nc-band", b);
      out.setAttribute("data-nc-total", s.total);
      para(t("check_score", s)).className = "nc-check__score";
      para(WORDS[b]);
      if (s.anxiety >= 3 || s.mood >= 3) { para(t("check_flag")); }
      para(t("check_not_diagnosis"));
    } else {
      out.removeAttribute("data-nc-band");
      out.removeAttribute("data-nc-total");
      para(t("check_missing"));
    }
    var needHelp = worried || (!!s && s.total >= 9);
    if (help) { help.classList.toggle("nc-on", needHelp); }
    if (needHelp) { out.insertBefore(para(t("check_help_below")), out.firstChild).className = "nc-check__below"; }
    /* Saving: only a full score, only with the reader's opt-in. */
    if (s && store && store.optedIn()) {
      save.removeAttribute("hidden");
      save.querySelector("button").removeAttribute("hidden");
    } else {
      save.setAttribute("hidden", "");
      if (s) { para(t("check_save_off")); }
    }
  });

  save.querySelector("button").addEventListener("click", function () {
    if (!last || !store) { return; }
    var list = store.get("checks", []) || [];
    list.push({ date: iso(new Date()), total: last.total, anxiety: last.anxiety, mood: last.mood });
    if (store.set("checks", list)) {
      saved.textContent = t("check_saved");
      this.setAttribute("hidden", "");
    }
  });
})();
