"""What the languages of one site must agree on, checked before anything is built, so a fork
that keeps a second language cannot publish it half adapted.

`check_site(root, extra, docs)` checks the main language and, when it is the first of
`extra.languages`, every other language too, and raises one ContentError that lists every
problem of every language:

- **Safety facts.** Each language's crisis lines and emergency numbers serve the same
  countries as the main settings (the `country` code on each line and number). A clinic that
  swaps the lines in mkdocs.yml and leaves mkdocs.es.yml as it was is told, in one message
  that names both files, before a Spanish reader is told to call another country's lines.
- **Removals.** A record of a language whose original is gone from docs/_data (the clinic
  removed an exercise) is named with the fix, and it counts as removed while that language is
  checked, so the same run names every page and record of that language that still uses it.
- **Everything else** each language's own check finds (macros/content.py).
"""
from __future__ import annotations

from pathlib import Path

from . import yamlio
from .content import DATA, KINDS, ContentError, Site, load_site
from .errors import Problem, Problems

MAIN_FILE = "mkdocs.yml"


ANYWHERE = "any"  # a service for every country (Find A Helpline) fits any language's list


def countries(entries) -> list[str]:
    """The country codes a list of crisis lines or emergency numbers serves, in order (a
    service for every country left out)."""
    out = []
    for entry in entries or []:
        code = entry.get("country") if isinstance(entry, dict) else None
        if isinstance(code, str) and code != ANYWHERE and code not in out:
            out.append(code)
    return out


def disagreements(main: dict, other: dict, other_file: str, main_file: str = MAIN_FILE) -> list[Problem]:
    """Where a language's crisis lines or emergency numbers serve other countries than the
    main settings' (both as plain `extra:` mappings)."""
    out = []
    for key, what in (("crisis_lines", "crisis lines"), ("emergency", "emergency numbers")):
        ours, theirs = countries(main.get(key)), countries(other.get(key))
        if not ours or not theirs or set(ours) == set(theirs):
            continue  # a missing list or a missing code is the schema's problem, told already
        extra_ = [c for c in theirs if c not in ours]
        missing = [c for c in ours if c not in theirs]
        said = []
        if extra_:
            said.append(f"serve {', '.join(extra_)}, which {main_file} no longer covers")
        if missing:
            said.append(f"miss {', '.join(missing)}, which {main_file} covers")
        names = [e.get("name") or e.get("number") for e in other.get(key) or []
                 if isinstance(e, dict) and e.get("country") in extra_]
        shown = f" ({'; '.join(str(n) for n in names)})" if names else ""
        out.append(Problem(
            other_file,
            f"this language's {what} {' and '.join(said)}{shown}: its readers would be told to call "
            f"lines of another country than the site serves",
            field=f"extra.{key}",
            fix=f"list {what} for {', '.join(ours)} here too, as in {main_file} (each with its country code; "
                f"in this language where a line answers in it), or drop this language: remove it from "
                f"extra.languages in {main_file} and delete {other_file}"))
    return out


def orphans(main_docs: Path, docs: Path) -> dict[str, set[str]]:
    """Records of a language (docs/<code>/_data/<kind>/<id>.yml) whose original is gone."""
    out = {}
    for kind in KINDS:
        folder = docs / DATA / kind
        if folder.is_dir():
            gone = {p.stem for p in folder.glob("*.yml") if not (main_docs / DATA / kind / p.name).is_file()}
            if gone:
                out[kind] = gone
    return out


def languages_of(extra: dict) -> list[dict]:
    return [l for l in (extra or {}).get("languages") or [] if isinstance(l, dict)]


def is_main(root, config_file, extra: dict) -> bool:
    """Whether a settings file is the first language's (or the only one): its build and its
    check cover every language."""
    langs = languages_of(extra)
    return not langs or (Path(root) / str(langs[0].get("config", ""))).resolve() == Path(config_file).resolve()


def check_site(root, extra: dict, docs: Path | str | None = None, every_language: bool = True) -> Site:
    """The checked site of one language's settings. With `every_language` (the main
    language's build or check), every further language is checked too, and one ContentError
    names every problem of every language."""
    root = Path(root)
    docs = Path(docs) if docs else root / "docs"
    problems = Problems()
    site = None
    try:
        site = load_site(root, extra, docs=docs)
    except ContentError as exc:
        problems.items.extend(exc.problems)
    for lang in languages_of(extra)[1:] if every_language else []:
        config_file = root / str(lang.get("config") or "")
        if not lang.get("config") or not config_file.is_file():
            continue  # load_site names a missing language file
        try:
            config = yamlio.load_config(config_file)
        except Exception as exc:  # noqa: BLE001 (any YAML error)
            problems.add(config_file, f"this is not valid YAML ({exc})",
                         fix="check the indentation and put text with a colon in quotes")
            continue
        other_docs = root / config.get("docs_dir", "docs")
        other_extra = config.get("extra") or {}
        for p in disagreements(extra or {}, other_extra, str(lang["config"])):
            problems.items.append(p)
        left = orphans(docs, other_docs)
        for kind, ids in sorted(left.items()):
            for rid in sorted(ids):
                problems.add(other_docs / DATA / kind / f"{rid}.yml",
                             f"this translation has no original: docs/{DATA}/{kind}/{rid}.yml is gone",
                             record=rid,
                             fix=f"delete this file and its mark in {(other_docs / '_translations.yml').relative_to(root).as_posix()} "
                                 f"(and fix the pages named below), or put the original back")
        try:
            load_site(root, other_extra, docs=other_docs, without=left)
        except ContentError as exc:
            for p in exc.problems:
                if p not in problems.items:
                    problems.items.append(p)
    problems.raise_if_any()
    return site
