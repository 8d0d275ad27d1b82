"""Load and check the settings and every content record; errors name file, record, field, fix.

`load_site(root, extra)` returns a `Site`: plain data that the renderers and the hook use.
Nothing here knows about MkDocs, so it moves to another engine as it is.
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema
import yaml

from . import schema
from .schedule import ScheduleError, build_track

DATA = Path("docs") / "_data"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: about 10x faster


class ContentError(Exception):
    """A mistake in the settings or the content, told so a clinic can fix it."""

    def __init__(self, file, problem, *, record=None, field_=None, fix=None):
        file = shown(file)
        self.file, self.record, self.field, self.problem, self.fix = file, record, field_, problem, fix
        where = str(file)
        if record:
            where += f", record '{record}'"
        if field_:
            where += f", field '{field_}'"
        text = f"{where}: {problem}"
        if fix:
            text += f". Fix: {fix}"
        super().__init__(text)


def shown(path):
    """A path as the clinic sees it: relative to the project folder the build runs in."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


@dataclass
class Site:
    settings: dict
    strings: dict
    phases: list = field(default_factory=list)       # [{id, title, ..., days: [...]}]
    milestones: list = field(default_factory=list)
    exercises: dict = field(default_factory=dict)    # id -> record (with "id")
    situations: dict = field(default_factory=dict)
    scripts: dict = field(default_factory=dict)
    placeholders: dict = field(default_factory=dict)
    worksheets: dict = field(default_factory=dict)
    tracks: dict = field(default_factory=dict)       # length -> [day record, ...]


# ---------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------

def _read_yaml(path: Path):
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(path, "file not found", fix="restore the file from the upstream project") from None
    try:
        return yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" near line {mark.line + 1}" if mark else ""
        raise ContentError(path, f"this is not valid YAML{line} ({getattr(exc, 'problem', exc)})",
                           fix="check the indentation and put text with a colon in quotes") from None


def _field_of(error) -> str:
    parts = [str(p) for p in error.absolute_path]
    if error.validator == "required":
        missing = re.search(r"'([^']+)' is a required property", error.message)
        parts.append(missing.group(1) if missing else "?")
    elif error.validator == "additionalProperties":
        extra = re.findall(r"'([^']+)'", error.message)
        parts.append(extra[0] if extra else "?")
    return ".".join(parts) or "(top level)"


def _fix_of(error) -> str | None:
    if error.validator == "required":
        return "add this field"
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        return f"remove it or correct its spelling (known fields: {', '.join(allowed)})"
    hint = error.schema.get("fix") if isinstance(error.schema, dict) else None
    if hint:
        return hint
    if error.validator == "enum":
        return "use one of " + ", ".join(map(str, error.validator_value))
    return None


def _best(errors):
    """The most specific error: the deepest path, preferring a real field over `if/then`."""
    return sorted(errors, key=lambda e: (-len(e.absolute_path), e.validator in {"anyOf", "allOf", "if"}))[0]


def check(data, schema_, file, record=None, prefix=""):
    errors = list(jsonschema.Draft202012Validator(schema_).iter_errors(data))
    if not errors:
        return
    err = _best(errors)
    # Drill into anyOf/oneOf/allOf to report the field a person can fix.
    while err.context:
        err = _best(err.context)
    name = _field_of(err)
    rec = record
    # For lists of records, name the record by its id, not its position.
    m = re.match(r"^(days|variants|blocks)\.(\d+)(?:\.(.*))?$", name)
    if m and isinstance(data, dict):
        items = data.get(m.group(1)) or []
        idx = int(m.group(2))
        item = items[idx] if idx < len(items) else None
        label = item.get("id") if isinstance(item, dict) and item.get("id") else f"{m.group(1)} #{idx + 1}"
        rec = label if not record else f"{record} / {label}"
        name = m.group(3) or "(the record)"
    raise ContentError(file, err.message if err.validator != "required" else "this field is missing",
                       record=rec, field_=prefix + name, fix=_fix_of(err))


def _records(folder: Path, schema_) -> dict:
    if not folder.is_dir():
        raise ContentError(folder, "folder not found", fix="restore it from the upstream project")
    out = {}
    for path in sorted(folder.glob("*.y*ml")):
        rid = path.stem
        if not re.fullmatch(schema.ID["pattern"], rid):
            raise ContentError(path, "the file name is not a valid id", fix=schema.ID["fix"])
        data = _read_yaml(path)
        if not isinstance(data, dict):
            raise ContentError(path, "the file is empty or not a record", record=rid,
                               fix="copy the example record from docs/_data/README.md")
        check(data, schema_, path, rid)
        out[rid] = dict(data, id=rid, file=str(path))
    return out


# ---------------------------------------------------------------------------
# Settings and strings
# ---------------------------------------------------------------------------

def plain(value):
    """Settings as plain JSON-like data: mappings to dicts, YAML dates to YYYY-MM-DD text."""
    import datetime
    from collections.abc import Mapping
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()[:10]
    return value


def contrast(hex_a: str, hex_b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours (1 to 21)."""
    def lum(h):
        rgb = [int(h[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    hi, lo = sorted((lum(hex_a), lum(hex_b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def check_settings(extra, file="mkdocs.yml") -> dict:
    extra = plain(extra)
    check(extra, schema.SETTINGS, file, prefix="extra.")
    primary = extra["colors"]["primary"]
    ratio = contrast(primary, "#ffffff")
    if ratio < 4.5:
        raise ContentError(file, f"white text on {primary} has a contrast of {ratio:.1f}:1, below the 4.5:1 that "
                                 "readers with low vision need (WCAG AA)", field_="extra.colors.primary",
                           fix="pick a darker colour (the header text and the links use it)")
    return extra


def load_strings(path: Path, keys: dict | None = None) -> dict:
    """Interface text. `keys` maps every key the templates use to the {slots} it must keep."""
    data = _read_yaml(path)
    if not isinstance(data, dict):
        raise ContentError(path, "the strings file is empty", fix="restore it from the upstream project")
    for key, value in data.items():
        if not isinstance(value, str) or not value.strip():
            raise ContentError(path, "each string must be non-empty text", field_=key,
                               fix="write the text after the colon, in quotes if it has a colon")
        if keys is not None and key not in keys:
            raise ContentError(path, "unknown key", field_=key,
                               fix="remove it or correct its spelling; macros/strings_keys.py lists the keys")
        if keys is not None and _slots(value) != set(keys[key]):
            raise ContentError(path, f"the text must keep the slots {sorted('{' + k + '}' for k in keys[key]) or 'none'}",
                               field_=key, fix="put back the words in curly braces exactly as they were")
    if keys is not None:
        missing = sorted(set(keys) - set(data))
        if missing:
            raise ContentError(path, "this key is missing", field_=missing[0],
                               fix="copy the line from the upstream docs/_data/strings.yml and translate it")
    return data


def _slots(text: str) -> set:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


# ---------------------------------------------------------------------------
# Loading the whole site
# ---------------------------------------------------------------------------

PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")
RESERVED = {"clinic_name", "clinic_phone"}


def load_site(root: Path, extra: dict, string_keys: dict | None = None) -> Site:
    root = Path(root)
    data = root / DATA
    settings = check_settings(extra)
    strings = load_strings(data / "strings.yml", string_keys)
    site = Site(settings=settings, strings=strings)

    site.situations = _read_yaml(data / "situations.yml")
    check(site.situations, schema.SITUATIONS, data / "situations.yml")
    site.placeholders = _read_yaml(data / "placeholders.yml")
    check(site.placeholders, schema.PLACEHOLDERS, data / "placeholders.yml")

    site.exercises = _records(data / "exercises", schema.EXERCISE)
    site.scripts = _records(data / "scripts", schema.SCRIPT)
    site.worksheets = _records(data / "worksheets", schema.WORKSHEET)

    phase_files = sorted((data / "program" / "phases").glob("*.y*ml"))
    if not phase_files:
        raise ContentError(data / "program" / "phases", "no phase files",
                           fix="add at least one phase file such as 1-first-days.yml")
    seen_days = {}
    for path in phase_files:
        phase = _read_yaml(path)
        check(phase, schema.PHASE, path, path.stem)
        phase = dict(phase, id=re.sub(r"^\d+-", "", path.stem), file=str(path))
        for day in phase["days"]:
            if day["id"] in seen_days:
                raise ContentError(path, f"this id is also used in {shown(seen_days[day['id']])}", record=day["id"],
                                   field_="id", fix="give each day its own id")
            seen_days[day["id"]] = path
        site.phases.append(phase)

    site.milestones = _read_yaml(data / "program" / "milestones.yml") or []
    check(site.milestones, schema.MILESTONES, data / "program" / "milestones.yml")

    _check_references(site, root)

    for length in settings["program"]["tracks"]:
        try:
            site.tracks[length] = build_track(site.phases, length)
        except ScheduleError as exc:
            raise ContentError("mkdocs.yml", str(exc), field_="extra.program.tracks",
                               fix=f"use a shorter track, or add days to {exc.phase_file}") from None
    return site


_RECORD_LINK = re.compile(r"\]\((?:\.\./)*(exercises|worksheets|scripts)/([a-z0-9-]+)\.md")


def _check_references(site: Site, root: Path) -> None:
    def need(kind, table, rid, file, record, field_):
        if rid not in table:
            raise ContentError(file, f"no {kind} has the id '{rid}'", record=record, field_=field_,
                               fix=f"use one of the ids in docs/_data/{kind}s/ ({', '.join(sorted(table))}) "
                                   f"or add the file docs/_data/{kind}s/{rid}.yml")

    for ex in site.exercises.values():
        for s in ex["situations"]:
            if s not in site.situations:
                raise ContentError(ex["file"], f"no situation has the id '{s}'", record=ex["id"],
                                   field_="situations", fix="use one of " + ", ".join(site.situations))
        if "worksheet" in ex:
            need("worksheet", site.worksheets, ex["worksheet"], ex["file"], ex["id"], "worksheet")
    for phase in site.phases:
        for day in phase["days"]:
            need("exercise", site.exercises, day["exercise"], phase["file"], day["id"], "exercise")
            for w in day.get("worksheets", []):
                need("worksheet", site.worksheets, w, phase["file"], day["id"], "worksheets")
            for s in day.get("scripts", []):
                need("script", site.scripts, s, phase["file"], day["id"], "scripts")
            if "read_more" in day:
                target = root / "docs" / day["read_more"].split("#")[0]
                if not target.is_file():
                    raise ContentError(phase["file"], f"the page '{day['read_more']}' does not exist",
                                       record=day["id"], field_="read_more",
                                       fix="give a page path inside docs/, such as guide/the-rules.md")
    # Links written inside record text to another record's page.
    tables = {"exercises": site.exercises, "worksheets": site.worksheets, "scripts": site.scripts}
    files = [(r["file"], r["id"]) for t in tables.values() for r in t.values()] + [(p["file"], None) for p in site.phases]
    for file, rid in files:
        text = Path(file).read_text(encoding="utf-8")
        for m in _RECORD_LINK.finditer(text):
            kind, target = m.group(1), m.group(2)
            if target != "index" and target not in tables[kind]:
                line = text.count("\n", 0, m.start()) + 1
                raise ContentError(file, f"line {line} links to {kind}/{target}.md, which does not exist",
                                   record=rid, field_="text", fix=f"link to another page, or add docs/_data/{kind}/{target}.yml")
    for sc in site.scripts.values():
        ids = [v["id"] for v in sc["variants"]]
        if len(ids) != len(set(ids)):
            raise ContentError(sc["file"], "two versions share an id", record=sc["id"], field_="variants",
                               fix="give each version its own id")
        for v in sc["variants"]:
            for name in PLACEHOLDER.findall(v["text"]):
                if name not in site.placeholders and name not in RESERVED:
                    raise ContentError(sc["file"], f"the placeholder {{{name}}} does not exist",
                                       record=sc["id"], field_=f"variants.{v['id']}.text",
                                       fix="use one listed in docs/_data/placeholders.yml "
                                           f"({', '.join(sorted(site.placeholders))}) or add it there")


def placeholders_in(script: dict) -> list[str]:
    """The placeholders a script uses, in order of first use, without the reserved ones."""
    seen = []
    for v in script["variants"]:
        for name in PLACEHOLDER.findall(v["text"]):
            if name not in seen and name not in RESERVED:
                seen.append(name)
    return seen
