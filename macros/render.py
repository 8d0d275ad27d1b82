"""Records -> Markdown/HTML. Pure functions: (site data, ids, page path) -> str.

Links between pages are written as relative `.md` paths, so MkDocs checks every one of
them in a strict build and rewrites them for the web or for a folder copy.
"""
from __future__ import annotations

import html
import posixpath
import re

from .content import PLACEHOLDER, RESERVED, Site, placeholders_in
from .schedule import milestone_days

# ---------------------------------------------------------------------------
# Page paths (inside docs/); they are the site's permanent addresses
# ---------------------------------------------------------------------------


def track_dir(length: int) -> str:
    return f"program/{length}-days"


def day_src(length: int, n: int) -> str:
    return f"{track_dir(length)}/day-{n:02d}.md"


def track_src(length: int) -> str:
    return f"{track_dir(length)}/index.md"


def record_src(kind: str, rid: str) -> str:
    return f"{kind}/{rid}.md"


def rel(here: str, target: str) -> str:
    """A link from page `here` to page `target` (both paths inside docs/)."""
    anchor = ""
    if "#" in target:
        target, anchor = target.split("#", 1)
        anchor = "#" + anchor
    return posixpath.relpath(target, posixpath.dirname(here) or ".") + anchor


_MD_LINK = re.compile(r"\]\((?!https?:|mailto:|tel:|#|/|\.\./)([^)\s]+\.md(?:#[^)\s]*)?)\)")


def md(text: str, here: str) -> str:
    """Record text for page `here`: links written as paths inside docs/ become relative."""
    return _MD_LINK.sub(lambda m: "](" + rel(here, m.group(1)) + ")", text.strip())


def esc(text) -> str:
    return html.escape(str(text), quote=True)


def fmt(strings: dict, key: str, **values) -> str:
    return strings[key].format(**values)


# ---------------------------------------------------------------------------
# Crisis lines and safety
# ---------------------------------------------------------------------------


def emergency_text(settings: dict) -> str:
    return ", ".join(f"{e['number']} ({e['region']})" for e in settings["emergency"])


def _tel(number: str) -> str:
    digits = "".join(c for c in number if c.isdigit() or c == "+")
    return f'<a href="tel:{esc(digits)}">{esc(number)}</a>' if digits else esc(number)


def crisis_lines_html(site: Site) -> str:
    s, st = site.settings, site.strings
    out = [f'<div class="nc-lines">',
           f'<p class="nc-emergency"><strong>{esc(fmt(st, "emergency_intro", numbers=emergency_text(s)))}</strong></p>',
           '<ul class="nc-lines__list">']
    for line in s["crisis_lines"]:
        bits = [f'<strong class="nc-line__name">{esc(line["name"])}</strong> <span class="nc-line__region">({esc(line["region"])})</span>']
        if line.get("for"):
            bits.append(f'<span class="nc-line__for">{esc(line["for"])}</span>')
        ways = []
        if line.get("call"):
            ways.append(f'{esc(st["line_call"])}: {_tel(line["call"])}')
        if line.get("text"):
            ways.append(f'{esc(st["line_text"])}: {esc(line["text"])}')
        if line.get("tty"):
            ways.append(f'{esc(st["line_tty"])}: {_tel(line["tty"])}')
        if line.get("url"):
            ways.append(f'{esc(st["line_web"])}: <a href="{esc(line["url"])}" rel="noreferrer">{esc(line["url"].split("//", 1)[-1].rstrip("/"))}</a>')
        if ways:
            bits.append('<span class="nc-line__ways">' + " · ".join(ways) + "</span>")
        if line.get("hours"):
            bits.append(f'<span class="nc-line__hours">{esc(st["line_hours"])}: {esc(line["hours"])}</span>')
        bits.append(f'<span class="nc-line__checked">{esc(fmt(st, "line_checked", date=line["checked"]))}</span>')
        out.append("<li>" + "<br>".join(bits) + "</li>")
    out += ["</ul>", "</div>"]
    return "\n".join(out)


def safety_warning_md(site: Site) -> str:
    st = site.strings
    body = " ".join(st["safety_warning"].split())
    return f'!!! danger "{st["safety_warning_title"]}"\n    {body} [{st["help_label"]}]({{help}})\n'


def with_help_link(md: str, here: str) -> str:
    return md.replace("{help}", rel(here, "help.md"))


# ---------------------------------------------------------------------------
# Program
# ---------------------------------------------------------------------------


def _indent(text: str, by: str = "    ") -> str:
    return "\n".join(by + l if l.strip() else "" for l in text.strip().splitlines())


def _scale(name: str, legend: str, lo: int = 0, hi: int = 10) -> str:
    opts = "".join(
        f'<label class="nc-scale__opt"><input type="radio" name="{name}" value="{i}"><span>{i}</span></label>'
        for i in range(lo, hi + 1))
    return f'<fieldset class="nc-scale"><legend>{esc(legend)}</legend><div class="nc-scale__row">{opts}</div></fieldset>'


def milestones_of(site: Site, length: int) -> dict:
    """Day number -> milestone for a track; none when the clinic turned check-ins off."""
    return milestone_days(site.milestones, length) if site.settings["program"].get("milestones", True) else {}


def day_md(site: Site, length: int, n: int) -> str:
    st = site.strings
    days = site.tracks[length]
    day = days[n - 1]
    here = day_src(length, n)
    phase = day["phase"]
    ms = milestones_of(site, length).get(n)
    ex = site.exercises[day["exercise"]]
    out = [
        f"# {day['title']}",
        "",
        f'<div class="nc-dayhead" data-nc-day="{n}" data-nc-length="{length}">',
        f'<p class="nc-dayhead__of">{esc(fmt(st, "day_of", n=n, length=length))}</p>',
        f'<p class="nc-dayhead__phase">{esc(st["phase_label"])}: {esc(phase["title"])} · {esc(st["stage_label"])}: {esc(phase["stage"])}</p>',
        f'<progress class="nc-progress" max="{length}" value="{n}" aria-label="{esc(fmt(st, "progress_label", length=length))}">{n} / {length}</progress>',
        "</div>",
        "",
    ]
    if ms:
        qs = "".join(f"\n    - {md(q, here)}" for q in ms.get("questions", []))
        out += [f'!!! success "{st["milestone_label"]}: {ms["title"]}"', _indent(md(ms["text"], here)) + ("\n" + qs if qs else ""), ""]
    out += [f"## {st['reading_heading']}", "", md(day["reading"], here), ""]
    if day.get("read_more"):
        out += [f"[{st['read_more']}]({rel(here, day['read_more'])})", ""]
    out += [f"## {st['action_heading']}", "", md(day["action"], here), "",
            f"## {st['exercise_heading']}", "",
            f"[**{ex['title']}**]({rel(here, record_src('exercises', ex['id']))}) · {fmt(st, 'minutes', minutes=ex['minutes'])}  ",
            md(ex["summary"], here), "",
            f"## {st['prompt_heading']}", "", md(day["prompt"], here), "",
            '<div class="nc-writelines" aria-hidden="true"></div>', "",
            f"## {st['checkin_heading']}", "",
            '<div class="nc-checkin">',
            _scale(f"urge-{n}", st["checkin_urge"]),
            _scale(f"mood-{n}", st["checkin_mood"]),
            "</div>", ""]
    uses = [f"- [{site.worksheets[w]['title']}]({rel(here, record_src('worksheets', w))})" for w in day.get("worksheets", [])]
    uses += [f"- [{site.scripts[s]['title']}]({rel(here, record_src('scripts', s))})" for s in day.get("scripts", [])]
    if uses:
        out += [f"## {st['uses_heading']}", "", *uses, ""]
    nav = []
    if n > 1:
        nav.append(f'[← {st["previous_day"]}]({rel(here, day_src(length, n - 1))}){{ .nc-daynav__prev }}')
    else:
        nav.append(f'[← {st["get_ready_link"]}]({rel(here, "program/get-ready.md")}){{ .nc-daynav__prev }}')
    nav.append(f'[{st["overview_link"]}]({rel(here, track_src(length))})')
    if n < length:
        nav.append(f'[{st["next_day"]} →]({rel(here, day_src(length, n + 1))}){{ .nc-daynav__next }}')
    else:
        nav.append(f'[{st["final_review_link"]} →]({rel(here, "program/final-review.md")}){{ .nc-daynav__next }}')
    out += ['<nav class="nc-daynav" markdown>', " ".join(nav), "</nav>", "",
            '<div class="nc-daylinks" markdown>',
            f"[{st['sos_nudge']}]({rel(here, 'sos.md')})  ",
            f"[{st['slipped_link']}]({rel(here, 'program/slipped.md')})",
            "</div>", ""]
    return "\n".join(out)


def day_title(site: Site, length: int, n: int) -> str:
    return f"{fmt(site.strings, 'day_of', n=n, length=length)}: {site.tracks[length][n - 1]['title']}"


def track_overview_md(site: Site, length: int) -> str:
    st = site.strings
    here = track_src(length)
    ms = milestones_of(site, length)
    out = [f"# {fmt(st, 'track_title', length=length)}", "",
           fmt(st, "track_overview_intro", length=length).strip(), "",
           f"[{st['get_ready_link']}]({rel(here, 'program/get-ready.md')}) · "
           f"[{fmt(st, 'start_track', length=length)}]({rel(here, day_src(length, 1))}){{ .md-button .md-button--primary }}", ""]
    phase = None
    for d in site.tracks[length]:
        if d["phase"] is not phase:
            phase = d["phase"]
            out += ["", f"## {phase['title']}", "", f"*{st['stage_label']}: {phase['stage']}.* {md(phase['summary'], here)}", "",
                    f"| {st['overview_day']} | {st['overview_title']} | {st['overview_milestone']} |",
                    "|---:|---|---|"]
        m = ms.get(d["n"])
        out.append(f"| {d['n']} | [{d['title']}]({rel(here, day_src(length, d['n']))}) | {m['title'] if m else ''} |")
    out += ["", f"[{st['final_review_link']}]({rel(here, 'program/final-review.md')})", ""]
    return "\n".join(out)


def track_list_md(site: Site, here: str) -> str:
    st = site.strings
    out = []
    for length in site.tracks:
        out.append(f"- [{fmt(st, 'track_title', length=length)}]({rel(here, track_src(length))}): "
                   f"[{fmt(st, 'start_track', length=length)}]({rel(here, day_src(length, 1))})")
    return "\n".join(out) + "\n"


def phase_list_md(site: Site, here: str) -> str:
    return "\n".join(f"{i}. **{p['title']}** ({p['stage']}). {md(p['summary'], here)}"
                     for i, p in enumerate(site.phases, 1)) + "\n"


def milestone_questions_md(site: Site, at, here: str) -> str:
    for m in site.milestones:
        if m["at"] == at:
            return "\n".join(f"- {md(q, here)}" for q in m.get("questions", [])) + "\n"
    return ""


# ---------------------------------------------------------------------------
# Exercises
# ---------------------------------------------------------------------------


def exercise_md(site: Site, rid: str) -> str:
    st = site.strings
    ex = site.exercises[rid]
    here = record_src("exercises", rid)
    sits = ", ".join(f"[{site.situations[s]['label']}]({rel(here, 'exercises/index.md')}#{s})" for s in ex["situations"])
    out = [f"# {ex['title']}", "",
           md(ex["summary"], here), "{ .nc-summary }", "",
           f'<p class="nc-meta">{esc(fmt(st, "minutes", minutes=ex["minutes"]))}</p>', "",
           f"## {st['when_heading']}", "", md(ex["when"], here), "", sits, "",
           f"## {st['steps_heading']}", ""]
    out += [f"{i}. {md(step, here)}" for i, step in enumerate(ex["steps"], 1)]
    out += ["", f"## {st['afterwards_heading']}", "", md(ex["afterwards"], here), ""]
    if ex.get("worksheet"):
        w = site.worksheets[ex["worksheet"]]
        out += [f"## {st['worksheet_heading']}", "", f"[{w['title']}]({rel(here, record_src('worksheets', w['id']))}): {w['purpose'].strip()}", ""]
    out += ['<div class="nc-daylinks" markdown>', f"[{st['sos_nudge']}]({rel(here, 'sos.md')})", "</div>", ""]
    return "\n".join(out)


def exercise_index_md(site: Site) -> str:
    st = site.strings
    here = "exercises/index.md"
    opts = "".join(f'<option value="{esc(k)}">{esc(v["label"])}</option>' for k, v in site.situations.items())
    out = [f'<form class="nc-filter" hidden><label for="nc-filter">{esc(st["filter_label"])}</label> '
           f'<select id="nc-filter"><option value="">{esc(st["filter_all"])}</option>{opts}</select></form>', ""]
    for sid, sit in site.situations.items():
        items = [e for e in site.exercises.values() if sid in e["situations"]]
        out += [f'<section class="nc-situation" id="{sid}" markdown>', "", f"## {sit['label']}", "", sit["text"].strip(), ""]
        out += [f"- [{e['title']}]({rel(here, record_src('exercises', e['id']))}) · {fmt(st, 'minutes', minutes=e['minutes'])}: {e['summary'].strip()}" for e in items]
        out += ["", "</section>", ""]
    return "\n".join(out)


# ---------------------------------------------------------------------------
# Scripts
# ---------------------------------------------------------------------------


def fill_defaults(text: str, site: Site) -> str:
    """The message as it reads before the reader types: [their name] and clinic values."""
    clinic = site.settings["clinic"]

    def one(m):
        name = m.group(1)
        if name == "clinic_name":
            return clinic["name"]
        if name == "clinic_phone":
            return clinic.get("phone") or f"[{site.placeholders.get('clinic_phone', {}).get('default', 'clinic phone')}]"
        return f"[{site.placeholders[name]['default']}]"
    return PLACEHOLDER.sub(one, text)


def clinic_filled(text: str, site: Site) -> str:
    """The template for the browser: clinic values in, reader placeholders kept."""
    clinic = site.settings["clinic"]
    text = text.replace("{clinic_name}", clinic["name"])
    if clinic.get("phone"):
        text = text.replace("{clinic_phone}", clinic["phone"])
    return text


def script_md(site: Site, rid: str) -> str:
    st = site.strings
    sc = site.scripts[rid]
    here = record_src("scripts", rid)
    out = [f"# {sc['title']}", "", md(sc["summary"], here), "{ .nc-summary }", ""]
    if sc["to_person"]:
        out += ['<section class="nc-gate" data-nc-gate markdown>', "",
                f"## {st['safety_check_title']}", "",
                f"**{' '.join(st['safety_check_questions'].split())}**", "",
                f"- {' '.join(st['safety_check_yes'].split())} [{st['help_label']}]({rel(here, 'help.md')})",
                f"- {' '.join(st['safety_check_no'].split())}", "",
                f'<button type="button" class="md-button nc-gate__open" hidden>{esc(st["safety_show_script"])}</button>', "",
                "</section>", ""]
    out += ['<section class="nc-script" data-nc-script markdown>', "",
            f"## {st['when_heading']}", "", md(sc["when"], here), ""]
    if sc.get("before"):
        out += [f"## {st['before_heading']}", "", md(sc["before"], here), ""]
    fields = placeholders_in(sc)
    out += [f"## {st['message_heading']}", ""]
    form = ['<form class="nc-fill" autocomplete="off">']
    if fields:
        form.append(f'<fieldset><legend>{esc(st["fill_heading"])}</legend>')
        for f in fields:
            ph = site.placeholders[f]
            form.append(f'<p><label for="f-{f}">{esc(ph["label"])}</label><br>'
                        f'<input type="text" id="f-{f}" data-nc-field="{f}" data-nc-default="[{esc(ph["default"])}]"></p>')
        form.append(f'<p class="nc-note">{esc(st["fill_note"])}</p></fieldset>')
    if len(sc["variants"]) > 1:
        form.append(f'<fieldset class="nc-variants"><legend>{esc(st["variant_label"])}</legend>')
        for i, v in enumerate(sc["variants"]):
            checked = " checked" if i == 0 else ""
            form.append(f'<label><input type="radio" name="variant" value="{esc(v["id"])}"{checked}> {esc(v["label"])}</label>')
        form.append("</fieldset>")
    form.append("</form>")
    out += form + [""]
    for i, v in enumerate(sc["variants"]):
        template = clinic_filled(v["text"].strip(), site)
        out.append(f'<div class="nc-message" data-nc-variant="{esc(v["id"])}">'
                   f'<p class="nc-message__label">{esc(v["label"])}</p>'
                   f'<pre class="nc-message__text" aria-live="polite" data-nc-template="{esc(template)}">'
                   f'{esc(fill_defaults(v["text"].strip(), site))}</pre></div>')
    out += ["", f'<p class="nc-actions"><button type="button" class="md-button md-button--primary nc-copy" hidden>{esc(st["copy_button"])}</button> '
            f'<button type="button" class="md-button nc-print" hidden>{esc(st["print_button"])}</button> '
            f'<span class="nc-status" role="status" aria-live="polite"></span></p>', ""]
    if sc.get("after"):
        out += [f"## {st['after_heading']}", ""] + [f"- {md(a, here)}" for a in sc["after"]] + [""]
    out += ["</section>", ""]
    return "\n".join(out)


def script_index_md(site: Site) -> str:
    here = "scripts/index.md"
    groups = [(True, "To the person"), (False, "To other people, and to yourself")]
    out = []
    for to_person, heading in groups:
        items = [s for s in site.scripts.values() if s["to_person"] == to_person]
        if items:
            out += [f"## {heading}", ""]
            out += [f"- [{s['title']}]({rel(here, record_src('scripts', s['id']))}): {s['summary'].strip()}" for s in items]
            out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------------------
# Worksheets (the same HTML goes on the page and into the PDF)
# ---------------------------------------------------------------------------


def _block_html(b: dict) -> str:
    label = f'<p class="nc-block__label">{esc(b["label"])}</p>' if b.get("label") else ""
    t = b["type"]
    if t == "lines":
        body = '<div class="nc-lines-write">' + '<div class="nc-rule"></div>' * b["lines"] + "</div>"
    elif t == "fields":
        body = '<div class="nc-fields">' + "".join(
            f'<div class="nc-field"><span>{esc(i)}</span><span class="nc-field__line"></span></div>' for i in b["items"]) + "</div>"
    elif t == "checklist":
        body = '<ul class="nc-check">' + "".join(f'<li><span class="nc-box" aria-hidden="true"></span>{esc(i)}</li>' for i in b["items"]) + "</ul>"
    elif t == "table":
        head = "".join(f"<th scope=\"col\">{esc(c)}</th>" for c in b["columns"])
        row = "<tr>" + "<td></td>" * len(b["columns"]) + "</tr>"
        body = (f'<div class="nc-table-wrap" tabindex="0" role="region" aria-label="{esc(b.get("label") or ", ".join(b["columns"]))}">'
                f'<table class="nc-table"><thead><tr>{head}</tr></thead><tbody>{row * b["rows"]}</tbody></table></div>')
    elif t == "boxes":
        lines = b.get("lines", 3)
        body = '<div class="nc-boxes">' + "".join(
            f'<div class="nc-boxes__box"><p>{esc(i)}</p>' + '<div class="nc-rule"></div>' * lines + "</div>" for i in b["items"]) + "</div>"
    else:  # scale
        body = '<div class="nc-scale-print">' + "".join(f"<span>{i}</span>" for i in range(b["from"], b["to"] + 1)) + "</div>"
        label = f'<p class="nc-block__label">{esc(b["label"])}</p>'
    return f'<div class="nc-block nc-block--{t}">{label}{body}</div>'


def worksheet_html(site: Site, rid: str) -> str:
    st = site.strings
    w = site.worksheets[rid]
    parts = [f'<div class="nc-sheet" data-nc-pages="{w.get("pages", 1)}" id="sheet-{rid}">',
             f'<h1 class="nc-sheet__title">{esc(w["title"])}</h1>',
             f'<p class="nc-sheet__purpose"><strong>{esc(st["purpose_label"])}:</strong> {esc(w["purpose"].strip())}</p>',
             f'<p class="nc-sheet__instructions"><strong>{esc(st["instructions_label"])}:</strong> {esc(" ".join(w["instructions"].split()))}</p>']
    if w.get("warning"):
        parts.append(f'<p class="nc-sheet__warning">{esc(" ".join(w["warning"].split()))}</p>')
    parts += [_block_html(b) for b in w["blocks"]]
    footer = fmt(st, "worksheet_footer", clinic=site.settings["clinic"]["name"], licence=st["footer_licence"])
    parts += [f'<p class="nc-sheet__footer">{esc(footer)}</p>', "</div>"]
    return "\n".join(parts)


def pdf_name(rid: str, size: str) -> str:
    return f"{rid}-{size.lower()}.pdf"


def worksheet_md(site: Site, rid: str, pdf: bool) -> str:
    st = site.strings
    links = [f'<button type="button" class="md-button nc-print" hidden>{esc(st["print_sheet"])}</button>']
    if pdf:
        links += [f'<a class="md-button" href="pdf/{pdf_name(rid, "a4")}">{esc(st["pdf_a4"])}</a>',
                  f'<a class="md-button" href="pdf/{pdf_name(rid, "letter")}">{esc(st["pdf_letter"])}</a>']
    return worksheet_html(site, rid) + "\n\n" + f'<p class="nc-sheet-links">{" ".join(links)}</p>\n'


def worksheet_index_md(site: Site, pdf: bool) -> str:
    st = site.strings
    here = "worksheets/index.md"
    out = [f"- [{w['title']}]({rel(here, record_src('worksheets', w['id']))}): {w['purpose'].strip()}" for w in site.worksheets.values()]
    if pdf:
        out += ["", f'<p class="nc-sheet-links"><a class="md-button md-button--primary" href="pdf/{pdf_name("workbook", "a4")}">{esc(st["workbook"])} · {esc(st["pdf_a4"])}</a> '
                f'<a class="md-button" href="pdf/{pdf_name("workbook", "letter")}">{esc(st["workbook"])} · {esc(st["pdf_letter"])}</a></p>']
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------
# Interactive pieces (plain HTML first; docs/assets/js/ adds the behaviour)
# ---------------------------------------------------------------------------


def storage_controls_html(site: Site) -> str:
    st = site.strings
    return (f'<div class="nc-storage" data-nc-storage>'
            f'<p class="nc-storage__nojs">{esc(st["storage_off"])}</p>'
            f'<form hidden><p><label><input type="checkbox" name="optin"> {esc(st["storage_optin"])}</label></p>'
            f'<p><button type="button" class="md-button nc-wipe">{esc(st["wipe_button"])}</button></p>'
            f'<p role="status" aria-live="polite"></p></form></div>')


def sos_timer_html(site: Site, minutes: int = 10) -> str:
    st = site.strings
    return (f'<div class="nc-timer" data-nc-timer="{minutes}">'
            f'<p class="nc-timer__clock" hidden aria-hidden="true">{minutes}:00</p>'
            f'<p class="nc-timer__controls" hidden>'
            f'<button type="button" class="md-button md-button--primary nc-timer__start">{esc(st["sos_timer_start"])}</button> '
            f'<button type="button" class="md-button nc-timer__stop" hidden>{esc(st["sos_timer_stop"])}</button></p>'
            f'<p class="nc-timer__status" role="status" aria-live="polite"></p></div>')


def saved_reasons_html(site: Site) -> str:
    st = site.strings
    return (f'<div class="nc-reasons" data-nc-reasons><ul></ul>'
            f'<p class="nc-reasons__empty">{esc(st["sos_reasons_empty"])}</p>'
            f'<form hidden><p><label for="nc-reasons-text">{esc(st["sos_reasons_heading"])}</label><br>'
            f'<textarea id="nc-reasons-text" rows="4"></textarea></p>'
            f'<p><button type="button" class="md-button">{esc(st["sos_reasons_save"])}</button></p></form></div>')


def today_html(site: Site) -> str:
    """The Today page's form and the data its script needs (day titles and addresses)."""
    import json
    st = site.strings
    tracks = {}
    for length, days in site.tracks.items():
        ms = sorted(milestones_of(site, length))
        tracks[str(length)] = {
            "days": [{"n": d["n"], "title": d["title"], "label": fmt(st, "day_of", n=d["n"], length=length),
                      "url": day_src(length, d["n"]).replace(".md", ".html")} for d in days],
            "milestones": ms}
    data = {"tracks": tracks, "final_review": "program/final-review.html",
            "discreet_title": site.settings.get("calendar", {}).get("discreet_title", "Daily reflection")}
    opts = "".join(f'<option value="{l}">{esc(fmt(st, "track_title", length=l))}</option>' for l in site.tracks)
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return (f'<script type="application/json" id="nc-tracks">{payload}</script>'
            f'<div class="nc-today" data-nc-today><form id="nc-today-form" hidden>'
            f'<p><label for="nc-track">{esc(st["today_track"])}</label><br><select id="nc-track">{opts}</select></p>'
            f'<p><label for="nc-start">{esc(st["today_start"])}</label><br><input type="date" id="nc-start" required></p>'
            f'<p><button type="submit" class="md-button md-button--primary">{esc(st["today_show"])}</button></p>'
            f'<div class="nc-today__result" aria-live="polite"></div>'
            f'<p><button type="button" class="md-button nc-today__mark">{esc(st["today_mark_done"])}</button></p>'
            f'<p><label for="nc-slip-note">{esc(st["today_slip_note"])}</label><br><textarea id="nc-slip-note" rows="2"></textarea><br>'
            f'<button type="button" class="md-button nc-today__slip">{esc(st["today_slip"])}</button> '
            f'<span class="nc-today__slip-status" role="status"></span></p>'
            f'<fieldset class="nc-calendar"><legend>{esc(st["calendar_heading"])}</legend>'
            f'<p><label for="nc-reminder">{esc(st["calendar_reminder"])}</label><br><input type="time" id="nc-reminder"></p>'
            f'<p><label><input type="checkbox" id="nc-discreet"> {esc(st["calendar_discreet"])}</label></p>'
            f'<p><button type="button" class="md-button nc-calendar__download">{esc(st["calendar_download"])}</button></p>'
            f'</fieldset></form></div>')
