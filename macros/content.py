"""Load and check the settings and every content record, in one pass that reports every
mistake at once (file, record, field, fix).

`load_site(root, extra)` returns a `Site`: plain data that the page table, the templates,
the macros and the PDF writer read. Nothing here knows about MkDocs, so it moves to another
engine as it is.
"""
from __future__ import annotations

import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import schema, yamlio
from .errors import ContentError, Problems, shown  # noqa: F401  (re-exported for callers)
from .schedule import ScheduleError, build_track, milestone_days
from .settings import check_settings
from .strings import USE_IN_TEMPLATES, Strings, check_uses, load_strings
from .strings_keys import KEYS

DATA = "_data"   # the records, inside a docs folder (docs/_data, docs/es/_data)
PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")
RESERVED = {"clinic_name", "clinic_phone"}
KINDS = ("exercises", "scripts", "worksheets")


@dataclass(repr=False)
class Site:
    """Everything the pages are made from, checked."""
    root: Path
    docs: Path                                       # the pages' folder (docs/, or docs/es/ for Spanish)
    settings: dict
    strings: Strings
    phases: list = field(default_factory=list)       # [{id, title, ..., days: [...]}]
    milestones: list = field(default_factory=list)
    exercises: dict = field(default_factory=dict)    # id -> record (with "id" and "file")
    situations: dict = field(default_factory=dict)
    scripts: dict = field(default_factory=dict)
    placeholders: dict = field(default_factory=dict)
    worksheets: dict = field(default_factory=dict)
    tracks: dict = field(default_factory=dict)       # length -> [day record, ...]
    workbook: dict = field(default_factory=dict)     # the workbook's own pages (workbook.yml)
    start: dict = field(default_factory=dict)        # "Find your path" (start.yml)
    workbook_files: dict = field(default_factory=dict)  # edition -> file stem of the workbook's PDFs
    notices: list = field(default_factory=list)      # reminders for the clinic (not errors)
    broken: dict = field(default_factory=lambda: {kind: set() for kind in KINDS})  # ids with mistakes

    def __repr__(self) -> str:
        return (f"<Site {self.root}: tracks {list(self.tracks)}, {len(self.exercises)} exercises, "
                f"{len(self.scripts)} scripts, {len(self.worksheets)} worksheets>")

    @property
    def longest(self) -> int:
        return max(self.tracks)

    def milestones_of(self, length: int) -> dict:
        """Day number -> check-in for a track; none when the clinic turned check-ins off."""
        if not self.settings["program"].get("milestones", True):
            return {}
        return milestone_days(self.milestones, length)

    def table(self, kind: str) -> dict:
        return {"exercises": self.exercises, "scripts": self.scripts, "worksheets": self.worksheets}[kind]

    @property
    def emergency_text(self) -> str:
        return ", ".join(f"{e['number']} ({e['region']})" for e in self.settings["emergency"])


# ---------------------------------------------------------------------------
# Reading files
# ---------------------------------------------------------------------------

def _read_yaml(path: Path, problems: Problems):
    try:
        return yamlio.load(path)
    except FileNotFoundError:
        problems.add(path, "file not found", fix="restore the file from the upstream project")
    except Exception as exc:  # yaml.YAMLError (C or Python parser)
        mark = getattr(exc, "problem_mark", None)
        line = f" near line {mark.line + 1}" if mark else ""
        problems.add(path, f"this is not valid YAML{line} ({getattr(exc, 'problem', None) or exc})",
                     fix="check the indentation and put text with a colon in quotes")
    return None


def _records(folder: Path, schema_, problems: Problems, broken: set) -> dict:
    """The valid records of a folder; the ids of those with mistakes go into `broken` (their
    mistakes are reported once, not again at every place that uses them)."""
    if not folder.is_dir():
        problems.add(folder, "folder not found", fix="restore it from the upstream project")
        return {}
    out = {}
    for path in sorted(folder.glob("*.y*ml")):
        rid = path.stem
        if not re.fullmatch(schema.ID["pattern"], rid):
            problems.add(path, "the file name is not a valid id", fix=schema.ID["fix"])
            continue
        data = _read_yaml(path, problems)
        if not isinstance(data, dict):
            if data is not None:
                problems.add(path, "the file is empty or not a record", record=rid,
                             fix="copy the example record from docs/_data/README.md")
            broken.add(rid)
        elif problems.check(data, schema_, path, rid):
            out[rid] = dict(data, id=rid, file=str(path))
        else:
            broken.add(rid)
    return out


def _normalise_worksheet(w: dict) -> dict:
    """Defaults filled in, so the templates need no special cases."""
    w.setdefault("pages", 1)
    w.setdefault("warning", None)
    w.setdefault("clinician", None)
    blocks = []
    for b in w["blocks"]:
        b = dict(b)
        b.setdefault("label", None)
        if b["type"] == "table":
            b["columns"] = [c if isinstance(c, dict) else {"label": c} for c in b["columns"]]
            b["columns"] = [dict(c, width=c.get("width", 1)) for c in b["columns"]]
        elif b["type"] == "boxes":
            b.setdefault("lines", 3)
        elif b["type"] == "fields":
            b.setdefault("columns", 2)
        elif b["type"] == "crisis_lines":
            b.setdefault("compact", False)
        blocks.append(b)
    w["blocks"] = blocks
    return w


# ---------------------------------------------------------------------------
# Loading the whole site
# ---------------------------------------------------------------------------

def load_site(root, extra: dict, string_keys: dict | None = None, docs: Path | str | None = None,
              without: dict | None = None) -> Site:
    """Check everything; raise ContentError listing every problem found. `docs`: the pages'
    folder (default root/docs), with its records in docs/_data. `without`: ids of records to
    treat as removed ({kind: {id}}: a translation whose original is gone, macros/language_check.py)."""
    root = Path(root)
    docs = Path(docs) if docs else root / "docs"
    data = docs / DATA
    problems = Problems()
    settings, notices = check_settings(extra, problems)
    strings = load_strings(data / "strings.yml", string_keys or KEYS, problems)
    site = Site(root=root, docs=docs, settings=settings, strings=strings, notices=notices)
    for i, lang in enumerate(settings.get("languages") or []):
        if isinstance(lang, dict) and lang.get("config") and not (root / lang["config"]).is_file():
            problems.add(root / "mkdocs.yml", f"the settings file {lang['config']} of language '{lang.get('code')}' "
                         "does not exist", field=f"extra.languages[{i}].config",
                         fix=f"create {lang['config']} (copy mkdocs.es.yml as a start), or remove this language from the list")

    site.situations = _read_yaml(data / "situations.yml", problems) or {}
    if not problems.check(site.situations, schema.SITUATIONS, data / "situations.yml"):
        site.situations = {}
    site.workbook = _read_yaml(data / "workbook.yml", problems) or {}
    if not problems.check(site.workbook, schema.WORKBOOK, data / "workbook.yml"):
        site.workbook = {}
    site.start = _read_yaml(data / "start.yml", problems) or {}
    if problems.check(site.start, schema.START, data / "start.yml"):
        _check_start(site.start, data / "start.yml", problems)
    else:
        site.start = {}
    site.placeholders = _read_yaml(data / "placeholders.yml", problems) or {}
    if not problems.check(site.placeholders, schema.PLACEHOLDERS, data / "placeholders.yml"):
        site.placeholders = {}

    site.exercises = _records(data / "exercises", schema.EXERCISE, problems, site.broken["exercises"])
    site.scripts = _records(data / "scripts", schema.SCRIPT, problems, site.broken["scripts"])
    site.worksheets = {rid: _normalise_worksheet(w) for rid, w in
                       _records(data / "worksheets", schema.WORKSHEET, problems, site.broken["worksheets"]).items()}
    for kind, ids in (without or {}).items():
        for rid in ids:
            site.table(kind).pop(rid, None)
    for table in (site.exercises, site.scripts):
        for rec in table.values():
            for key in ("worksheet", "before"):
                rec.setdefault(key, None)

    phases_ok = _load_phases(site, data, problems)
    site.milestones = _read_yaml(data / "program" / "milestones.yml", problems) or []
    if not problems.check(site.milestones, schema.MILESTONES, data / "program" / "milestones.yml"):
        site.milestones = []

    _check_references(site, problems)
    pdf_files(site, problems)
    check_uses(_template_and_page_files(root, docs), strings, problems, USE_IN_TEMPLATES)
    if phases_ok and "program" in settings and isinstance(settings["program"].get("tracks"), list):
        for length in settings["program"]["tracks"]:
            try:
                site.tracks[length] = build_track(site.phases, length)
            except ScheduleError as exc:
                problems.add("mkdocs.yml", str(exc), field="extra.program.tracks",
                             fix=f"use a shorter track, or add days to {exc.phase_file}")
    problems.raise_if_any()
    return site


def _load_phases(site: Site, data: Path, problems: Problems) -> bool:
    folder = data / "program" / "phases"
    files = sorted(folder.glob("*.y*ml"))
    if not files:
        problems.add(folder, "no phase files", fix="add at least one phase file such as 1-first-days.yml")
        return False
    ok = True
    seen_days: dict = {}
    for path in files:
        phase = _read_yaml(path, problems)
        if phase is None or not problems.check(phase, schema.PHASE, path, path.stem):
            ok = False
            continue
        phase = dict(phase, id=re.sub(r"^\d+-", "", path.stem), file=str(path))
        for day in phase["days"]:
            if day["id"] in seen_days:
                problems.add(path, f"this id is also used in {shown(seen_days[day['id']])}", record=day["id"],
                             field="id", fix="give each day its own id")
                ok = False
            seen_days.setdefault(day["id"], path)
        site.phases.append(phase)
    return ok


def _check_start(start: dict, file: Path, problems: Problems) -> None:
    """A path may only ask for answers that exist (the track lengths are the `length` question)."""
    answers = {q["id"]: {a["id"] for a in q["answers"]} for q in start["questions"]}
    for p in start["paths"]:
        for qid, wanted in (p.get("when") or {}).items():
            if qid == "length":
                continue
            if qid not in answers:
                problems.add(file, f"no question has the id '{qid}'", record=p["id"], field=f"when.{qid}",
                             fix="use one of " + ", ".join(sorted(answers)))
            for a in wanted:
                if qid in answers and a not in answers[qid]:
                    problems.add(file, f"the question '{qid}' has no answer '{a}'", record=p["id"], field=f"when.{qid}",
                                 fix="use one of " + ", ".join(sorted(answers[qid])))


def _pages_of(docs: Path) -> list[Path]:
    """The Markdown pages of a docs folder (not its records, not another language's pages)."""
    others = {p.name for p in docs.iterdir() if p.is_dir() and (p / DATA).is_dir()}
    return [p for p in docs.rglob("*.md")
            if "_data" not in p.relative_to(docs).parts and p.relative_to(docs).parts[0] not in others]


def _template_and_page_files(root: Path, docs: Path) -> list[Path]:
    files = _pages_of(docs)
    overrides = root / "overrides"
    if overrides.is_dir():
        files += [p for p in overrides.rglob("*") if p.suffix in {".html", ".md"}]
    return sorted(files)


# ---------------------------------------------------------------------------
# References between records and pages
# ---------------------------------------------------------------------------

_RECORD_LINK = re.compile(r"\]\(((?:\.\./)*(?:[a-z0-9-]+/)*(exercises|worksheets|scripts)/([a-z0-9-]+)\.md)[#)]")


def _check_references(site: Site, problems: Problems) -> None:
    def need(kind, rid, file, record, field_):
        table = site.table(kind + "s")
        folder = shown(site.docs / DATA / (kind + "s"))
        if rid not in table and rid not in site.broken[kind + "s"]:
            known = ", ".join(sorted(table)) or "none yet"
            problems.add(file, f"no {kind} has the id '{rid}'", record=record, field=field_,
                         fix=f"use one of the ids in {folder}/ ({known}) or add the file {folder}/{rid}.yml")

    for ex in site.exercises.values():
        for s in ex["situations"]:
            if site.situations and s not in site.situations:
                problems.add(ex["file"], f"no situation has the id '{s}'", record=ex["id"],
                             field="situations", fix="use one of " + ", ".join(site.situations))
        if ex.get("worksheet"):
            need("worksheet", ex["worksheet"], ex["file"], ex["id"], "worksheet")
    for phase in site.phases:
        for day in phase["days"]:
            need("exercise", day["exercise"], phase["file"], day["id"], "exercise")
            for w in day.get("worksheets", []):
                need("worksheet", w, phase["file"], day["id"], "worksheets")
            for s in day.get("scripts", []):
                need("script", s, phase["file"], day["id"], "scripts")
            if "read_more" in day:
                target = site.docs / day["read_more"].split("#")[0]
                if not target.is_file():
                    problems.add(phase["file"], f"the page '{day['read_more']}' does not exist",
                                 record=day["id"], field="read_more",
                                 fix="give a page path inside docs/, such as guide/the-rules.md")
    for i, rid in enumerate(site.settings.get("workbook", {}).get("first", [])):
        if rid not in site.worksheets and rid not in site.broken["worksheets"]:
            problems.add("mkdocs.yml", f"no worksheet has the id '{rid}'", field=f"extra.workbook.first.{i}",
                         fix=f"use one of {', '.join(sorted(site.worksheets))}, or remove it from the list")

    # Links to a record's page, in record text (written from docs/) and in hand-written pages
    # (written relative to the page): one pass, so removing a record names every place at once.
    sources = [(r["file"], r["id"], "") for kind in KINDS for r in site.table(kind).values()]
    sources += [(p["file"], None, "") for p in site.phases]
    sources += [(str(site.docs / DATA / name), None, "") for name in ("program/milestones.yml", "start.yml")]
    docs = site.docs
    sources += [(str(p), None, p.parent.relative_to(docs).as_posix()) for p in _pages_of(docs)]
    for file, rid, folder in sources:
        try:
            text = Path(file).read_text(encoding="utf-8")
        except OSError:
            continue
        for m in _RECORD_LINK.finditer(text):
            link = m.group(1)
            target = posixpath.normpath(posixpath.join(folder, link)) if folder else posixpath.normpath(link)
            kind, name = target.split("/")[0], posixpath.basename(target)[:-3]
            if kind not in KINDS or target.count("/") != 1 or name == "index":
                continue
            if name not in site.table(kind) and name not in site.broken[kind]:
                line = text.count("\n", 0, m.start()) + 1
                problems.add(file, f"line {line} links to {link}, which does not exist", record=rid,
                             field="text" if rid or not file.endswith(".md") else None,
                             fix=f"link to another page, or add {shown(site.docs / DATA / kind)}/{name}.yml")

    for sc in site.scripts.values():
        ids = [v["id"] for v in sc["variants"]]
        if len(ids) != len(set(ids)):
            problems.add(sc["file"], "two versions share an id", record=sc["id"], field="variants",
                         fix="give each version its own id")
        for v in sc["variants"]:
            for name in PLACEHOLDER.findall(v["text"]):
                if name not in site.placeholders and name not in RESERVED:
                    problems.add(sc["file"], f"the placeholder {{{name}}} does not exist",
                                 record=sc["id"], field=f"variants.{v['id']}.text",
                                 fix="use one listed in docs/_data/placeholders.yml "
                                     f"({', '.join(sorted(site.placeholders))}) or add it there")


# ---------------------------------------------------------------------------
# The PDFs' file names, and the discreet edition's words
# ---------------------------------------------------------------------------

def slug(text: str) -> str:
    """Words as a file name in their own language: lower case, accents dropped, hyphens
    ("Mi plan de crisis" -> mi-plan-de-crisis, "Notas del día" -> notas-del-dia)."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "-", folded.lower()).strip("-")


def avoided_words(site: Site) -> list[str]:
    """What a discreet copy must never say: the words of strings.discreet_avoid (the topic, in
    this language) and the clinic's name."""
    words = [w.strip() for w in str(site.strings.get("discreet_avoid", "")).split(",") if w.strip()]
    name = site.settings.get("clinic", {}).get("name")
    return words + ([name] if name else [])


def says(text: str, words: list[str]) -> list[str]:
    """The words of `words` that `text` holds as whole words (any case, with or without accents)."""
    plain = " " + slug(text).replace("-", " ") + " "
    return [w for w in words if slug(w) and " " + slug(w).replace("-", " ") + " " in plain]


def pdf_files(site: Site, problems: Problems) -> None:
    """Each sheet's PDF file stems, by edition (`files`), and the workbook's
    (`site.workbook_files`): the standard copy is named from its title, the discreet copy from
    its `discreet_title`, both in the language of the records, so a Spanish page offers Spanish
    file names. The discreet title is required and must say nothing of the program, the clinic
    or the topic; every name in a language's PDF folder is different."""
    avoid = avoided_words(site)
    taken: dict = {}

    def claim(stem, file, record, field_):
        if stem in taken:
            other = taken[stem]
            problems.add(file, f"its PDF would be named {stem}-a4.pdf, like that of {other[1] or shown(other[0])} "
                               f"({other[2]})", record=record, field=field_,
                         fix="give it a title that differs in more than capitals, accents or punctuation")
        taken.setdefault(stem, (file, record, field_))

    def neutral(text, file, record, field_, fix):
        for word in says(text, avoid):
            problems.add(file, f"the discreet title '{text}' says '{word}', which tells what the paper is for",
                         record=record, field=field_, fix=fix)

    strings_file = site.docs / DATA / "strings.yml"
    book_title = site.strings.get("workbook_discreet_title") or ""
    site.workbook_files = {"standard": slug(site.strings.get("workbook_file") or "") or "workbook",
                           "discreet": slug(book_title) or "notes"}
    neutral(book_title, strings_file, None, "workbook_discreet_title",
            "write a plain name such as `My notes`, with none of the words of `discreet_avoid`")
    claim(site.workbook_files["standard"], strings_file, None, "workbook_file")
    claim(site.workbook_files["discreet"], strings_file, None, "workbook_discreet_title")
    for rid, w in site.worksheets.items():
        discreet = w.get("discreet_title")
        if not discreet:
            problems.add(w["file"], "this sheet has no discreet title (the title of its discreet copy)", record=rid,
                         field="discreet_title", fix="add a line such as `discreet_title: Week at a glance`: a plain "
                         "name that says nothing of the program, the clinic or what the sheet is for "
                         "(docs/_data/README.md, \"The discreet edition\")")
        else:
            neutral(discreet, w["file"], rid, "discreet_title",
                    "choose words that say nothing of the program, the clinic or what the sheet is for, such as "
                    "`Week at a glance` (`discreet_avoid` in strings.yml lists the words to leave out)")
        w["files"] = {"standard": slug(w["title"]) or rid, "discreet": slug(discreet or "") or f"{rid}-discreet"}
        claim(w["files"]["standard"], w["file"], rid, "title")
        if discreet:
            claim(w["files"]["discreet"], w["file"], rid, "discreet_title")


def placeholders_in(script: dict) -> list[str]:
    """The placeholders a script uses, in order of first use, without the reserved ones."""
    seen = []
    for v in script["variants"]:
        for name in PLACEHOLDER.findall(v["text"]):
            if name not in seen and name not in RESERVED:
                seen.append(name)
    return seen
