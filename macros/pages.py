"""The one page table: every page made from the records, declared once.

`page_table(site)` lists them (address, title, searchable, template, the data the template
needs); `render_page` turns one into Markdown with front matter. Pure functions: the MkDocs
hook adds the results as files, and another engine could write them to disk instead.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from .content import Site, placeholders_in, slug  # noqa: F401  (slug: for callers)
from .strings import fill
from .templates import render

# ---------------------------------------------------------------------------
# Page addresses (inside docs/): the site's permanent URLs
# ---------------------------------------------------------------------------


def track_dir(length: int) -> str:
    return f"program/{length}-days"


def day_src(length: int, n: int) -> str:
    return f"{track_dir(length)}/day-{n:02d}.md"


def track_src(length: int) -> str:
    return f"{track_dir(length)}/index.md"


def record_src(kind: str, rid: str) -> str:
    return f"{kind}/{rid}.md"


def html_of(src: str) -> str:
    """The built page of a source path (the site uses `use_directory_urls: false`)."""
    return src[:-3] + ".html"


def pdf_name(stem: str, size: str) -> str:
    """A PDF's file name: its stem (a record's `files`, see content.pdf_files) and the paper."""
    return f"{stem}-{size.lower()}.pdf"


EDITIONS = ("standard", "discreet")
SIZES = ("a4", "letter")


def pdf_links(files: dict, default: str) -> dict:
    """A sheet's or the workbook's PDFs for its page: {editions: [{edition, a4, letter}], the
    default edition first}."""
    order = [default] + [e for e in EDITIONS if e != default]
    return {"editions": [dict({size: pdf_name(files[e], size) for size in SIZES}, edition=e) for e in order]}


# ---------------------------------------------------------------------------
# The table
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    src: str                      # path inside docs/, such as program/30-days/day-07.md
    title: str
    template: str                 # under overrides/, such as nc/day.md
    context: dict = field(default_factory=dict, compare=False, hash=False)
    searchable: bool = True
    keywords: tuple = ()          # the record's `keywords`: words readers type into search


def page_table(site: Site, pdf: bool) -> list[Page]:
    """Every generated page. Day pages are searchable in the longest track only: the shorter
    tracks hold the same days, and indexing them twice would double the search index."""
    out = []
    for length, days in site.tracks.items():
        out.append(Page(track_src(length), site.strings.fill("track_title", length=length), "nc/track.md",
                        track_context(site, length)))
        for d in days:
            out.append(Page(day_src(length, d["n"]), day_title(site, length, d["n"]), "nc/day.md",
                            day_context(site, length, d["n"]), searchable=length == site.longest,
                            keywords=tuple(d.get("keywords") or ())))
    for rid, ex in site.exercises.items():
        out.append(Page(record_src("exercises", rid), ex["title"], "nc/exercise.md", exercise_context(site, rid),
                        keywords=tuple(ex.get("keywords") or ())))
    for rid, sc in site.scripts.items():
        out.append(Page(record_src("scripts", rid), sc["title"], "nc/script.md", script_context(site, rid),
                        keywords=tuple(sc.get("keywords") or ())))
    for rid, w in site.worksheets.items():
        out.append(Page(record_src("worksheets", rid), w["title"], "nc/worksheet-page.md",
                        worksheet_context(site, rid, pdf), keywords=tuple(w.get("keywords") or ())))
    return out


def render_page(env, site: Site, page: Page) -> str:
    """The page's Markdown: front matter (title, search words, search, no macros: the text is
    final), then the template's output."""
    meta = f"---\ntitle: {json.dumps(page.title, ensure_ascii=False)}\nrender_macros: false\n"
    if page.keywords:
        meta += f"keywords: {json.dumps(list(page.keywords), ensure_ascii=False)}\n"
    if not page.searchable:
        meta += "search:\n  exclude: true\n"
    body = render(env, page.template, here=page.src, settings=site.settings, strings=site.strings, **page.context)
    return meta + "---\n\n" + body


# ---------------------------------------------------------------------------
# What each template needs
# ---------------------------------------------------------------------------


def day_title(site: Site, length: int, n: int) -> str:
    return f"{site.strings.fill('day_of', n=n, length=length)}: {site.tracks[length][n - 1]['title']}"


def day_context(site: Site, length: int, n: int) -> dict:
    day = site.tracks[length][n - 1]
    return {
        "day": day, "n": n, "length": length, "phase": day["phase"],
        "milestone": site.milestones_of(length).get(n),
        "self_check": n in self_check_days(site, length),
        "exercise": site.exercises[day["exercise"]],
        "uses": [("worksheets", site.worksheets[w]) for w in day.get("worksheets", [])]
                + [("scripts", site.scripts[s]) for s in day.get("scripts", [])],
        "previous": day_src(length, n - 1) if n > 1 else None,
        "next": day_src(length, n + 1) if n < length else None,
        "overview": track_src(length),
    }


def track_context(site: Site, length: int) -> dict:
    milestones = site.milestones_of(length)
    groups = []
    for d in site.tracks[length]:
        if not groups or groups[-1]["phase"] is not d["phase"]:
            groups.append({"phase": d["phase"], "days": []})
        groups[-1]["days"].append({"day": d, "src": day_src(length, d["n"]), "milestone": milestones.get(d["n"])})
    return {"length": length, "groups": groups, "first": day_src(length, 1)}


def exercise_context(site: Site, rid: str) -> dict:
    ex = site.exercises[rid]
    return {"ex": ex, "situations": [(s, site.situations[s]) for s in ex["situations"]],
            "worksheet": site.worksheets.get(ex.get("worksheet"))}


def script_context(site: Site, rid: str) -> dict:
    sc = site.scripts[rid]
    return {"sc": sc,
            "fields": [(name, site.placeholders[name]) for name in placeholders_in(sc)],
            "variants": [{"id": v["id"], "label": v["label"], "template": clinic_filled(v["text"], site),
                          "shown": fill_defaults(v["text"], site)} for v in sc["variants"]]}


def worksheet_context(site: Site, rid: str, pdf: bool) -> dict:
    ws = site.worksheets[rid]
    return {"ws": ws, "pdf": pdf_links(ws["files"], site.settings["worksheets"]["default"]) if pdf else None}


def workbook_links(site: Site, pdf: bool) -> dict | None:
    """The workbook's PDFs for the worksheet index."""
    return pdf_links(site.workbook_files, site.settings["worksheets"]["default"]) if pdf else None


def fill_defaults(text: str, site: Site) -> str:
    """A message as it reads before the reader types: [their name], and the clinic's details."""
    clinic = site.settings["clinic"]
    values = {name: f"[{ph['default']}]" for name, ph in site.placeholders.items()}
    values["clinic_name"] = clinic["name"]
    values["clinic_phone"] = clinic["phone"] or f"[{site.placeholders.get('clinic_phone', {}).get('default', 'clinic phone')}]"
    return fill(text.strip(), **values)


def clinic_filled(text: str, site: Site) -> str:
    """The message for the page script: the clinic's details in, the reader's blanks kept."""
    clinic = site.settings["clinic"]
    values = {"clinic_name": clinic["name"]}
    if clinic["phone"]:
        values["clinic_phone"] = clinic["phone"]
    return fill(text.strip(), **values)


# ---------------------------------------------------------------------------
# For the pages written by hand (the macros in __init__.py)
# ---------------------------------------------------------------------------


def today_data(site: Site) -> dict:
    """The Today page script's data: each track's days with their titles and addresses."""
    tracks = {}
    for length, days in site.tracks.items():
        tracks[str(length)] = {
            "days": [{"n": d["n"], "title": d["title"], "label": site.strings.fill("day_of", n=d["n"], length=length),
                      "url": html_of(day_src(length, d["n"]))} for d in days],
            "milestones": sorted(site.milestones_of(length)),
            # The calendar file's name, in this language's words (strings.calendar_file)
            "file": site.strings.fill("calendar_file", product=slug(site.settings["clinic"]["name"]), length=length)}
    return {"tracks": tracks, "final_review": "program/final-review.html",
            "discreet_title": site.settings["calendar"]["discreet_title"],
            "discreet_file": site.strings.calendar_file_discreet,
            "product": site.settings["clinic"]["name"]}


def start_data(site: Site) -> dict:
    """The questions and paths of "Find your path": start.yml, then a question on the length
    of the program and a path for each track, made from the settings."""
    st = site.strings
    lengths = list(site.tracks)
    questions = list(site.start.get("questions", []))
    paths = list(site.start.get("paths", []))
    if len(lengths) > 1:
        questions.append({"id": "length", "legend": st.start_length_legend, "hint": None,
                          "answers": [{"id": str(n), "label": st.fill("track_title", length=n)} for n in lengths]})
    for n in lengths:
        paths.append({"id": f"track-{n}", "when": {"length": [str(n)]} if len(lengths) > 1 else {},
                      "title": st.fill("track_title", length=n),
                      "steps": [st.fill("start_track_step", length=n, overview=track_src(n), first=day_src(n, 1))]})
    for q in questions:
        q.setdefault("hint", None)
    return {"questions": questions, "paths": [dict(p, when=p.get("when") or {}) for p in paths]}


def track_days(site: Site) -> str:
    """The track lengths as a page says them: "30 or 60", "21, 45 or 60", "28"."""
    lengths = [str(n) for n in site.tracks]
    if len(lengths) == 1:
        return lengths[0]
    return site.strings.fill("list_or", items=", ".join(lengths[:-1]), last=lengths[-1])


def self_check_days(site: Site, length: int) -> set:
    """The days that offer the private self-check: the day of each check-in record marked
    `self_check: true` (day 1, the midpoint, the last day upstream), or, where a stronger
    check-in took that day in a short track, the nearest check-in."""
    kept = site.milestones_of(length)
    out = set()
    for m in site.milestones:
        if not m.get("self_check") or m["at"] == "weekly" or not kept:
            continue
        day = -(-length // 2) if m["at"] == "midpoint" else length if m["at"] == "last" else m["at"]
        if day <= length:
            out.add(min(kept, key=lambda d: (abs(d - day), d)))
    return out


def today_grids(site: Site) -> list:
    """Each track as weeks of days, for the Today page's grid."""
    out = []
    for length, days in site.tracks.items():
        checkins = site.milestones_of(length)
        cells = [{"n": d["n"], "title": d["title"], "url": html_of(day_src(length, d["n"])),
                  "label": site.strings.fill("day_of", n=d["n"], length=length), "checkin": d["n"] in checkins,
                  "selfcheck": d["n"] in self_check_days(site, length)}
                 for d in days]
        out.append({"length": length, "weeks": [cells[i:i + 7] for i in range(0, len(cells), 7)],
                    "selfcheck": any(c["selfcheck"] for c in cells)})
    return out


def situations_with_exercises(site: Site) -> list:
    return [(sid, sit, [e for e in site.exercises.values() if sid in e["situations"]]) for sid, sit in site.situations.items()]
