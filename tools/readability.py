"""Reading level of the site's own text: plain text out of Markdown or YAML records.

`python tools/readability.py FILE...` prints the reading level of each file (the guide, day
records, scripts, exercises) in its language: the Flesch-Kincaid grade of English (the tests
want 8 or lower, 6 on crisis pages) and the Fernández-Huerta ease of Spanish (70 or more, 75
on crisis pages). A worksheet's note for clinicians (`clinician:`) is not reader-facing: left out.
"""
import re
import sys
from pathlib import Path
from typing import Callable, NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from macros import yamlio  # noqa: E402  (the project's one YAML loader)

_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_HTML = re.compile(r"<[^>]+>")
_ATTR = re.compile(r"\{[:#.][^}]*\}")
_MARKS = re.compile(r"^\s*(#{1,6}|[-*+]|\d+\.|>|!!!|\?\?\?\+?|///)\s*", re.M)
_REFS = re.compile(r"\([A-Z][A-Za-z' -]+(?:et al\.)?(?:,? (?:and|&) [A-Z][a-z]+)?,? \d{4}[a-z]?\)")
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def plain_text_of_markdown(text: str) -> str:
    """Strip front matter, Jinja, links, HTML and list/heading marks; keep the words."""
    text = _FRONT.sub("", text)
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = _JINJA.sub(" ", text)
    text = _LINK.sub(r"\1", text)
    text = _HTML.sub(" ", text)
    text = _ATTR.sub(" ", text)
    text = _REFS.sub(" ", text)
    text = _PLACEHOLDER.sub("them", text)
    # Join wrapped lines into paragraphs and list items; a heading, a list item or a
    # paragraph without a full stop still ends a sentence for a reader.
    units: list[str] = []
    fresh = True
    for line in text.splitlines():
        if not line.strip():
            fresh = True
            continue
        if fresh or _MARKS.match(line):
            units.append(_MARKS.sub("", line).strip())
        else:
            units[-1] += " " + line.strip()
        fresh = False
    units = [re.sub(r"[*_`|]", " ", u).strip() for u in units]
    units = [u if u[-1:] in ".!?:" else u + "." for u in units if u]
    return "\n".join(units)


def strings_of(data) -> list[str]:
    """Every string value in a YAML record (ids and links too short to matter)."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
               return [s for k, v in data.items() if k not in {"id", "guide", "url", "source", "clinician", "keywords"}
                for s in strings_of(v)]
    if isinstance(data, list):
        return [s for v in data for s in strings_of(v)]
    return []


def plain_text_of_file(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    if path.suffix in {".yml", ".yaml"}:
        raw = "\n\n".join(strings_of(yamlio.loads(raw)))
    return plain_text_of_markdown(raw)


def grade(text: str) -> float:
    """Flesch-Kincaid grade (English): the tests want 8 or lower."""
    import textstat
    textstat.set_lang("en_US")
    return float(textstat.flesch_kincaid_grade(text))


def ease_es(text: str) -> float:
    """Fernández-Huerta reading ease (Spanish, 0-100, higher is easier): the tests want 70 or more."""
    import textstat
    textstat.set_lang("es")
    try:
        return float(textstat.fernandez_huerta(text))
    finally:
        textstat.set_lang("en_US")


class Measure(NamedTuple):
    name: str
    score: Callable[[str], float]
    higher_is_easier: bool
    limit: float      # every reader-facing text
    plainest: float   # pages a reader in crisis may land on


# How each language's text is measured, and what passes. A language not listed here is not
# measured (add it with a formula textstat knows for it).
MEASURES = {
    "en": Measure("Flesch-Kincaid grade", grade, False, 8, 6),
    "es": Measure("Fernández-Huerta ease", ease_es, True, 70, 75),
}


def language_of(path: Path) -> str:
    """docs/<code>/... is that language's; everything else is English."""
    return next((part for part in Path(path).parts if part in MEASURES and part != "en"), "en")


def check(text: str, code: str, plainest: bool = False) -> tuple[bool, str]:
    """Whether a text reads plainly enough in its language, and a line saying how it scored."""
    m = MEASURES.get(code)
    if m is None:
        return True, f"no reading measure for '{code}'"
    value, limit = m.score(text), (m.plainest if plainest else m.limit)
    ok = value >= limit if m.higher_is_easier else value <= limit
    return ok, f"{m.name} {value:.1f} ({'at least' if m.higher_is_easier else 'at most'} {limit:g})"


def main(argv: list[str]) -> int:
    """`python tools/readability.py FILE...`: each file's reading level in its language (the
    Flesch-Kincaid grade of English, the Fernández-Huerta ease of Spanish under docs/es/)."""
    ok = True
    for name in argv:
        passed, line = check(plain_text_of_file(Path(name)), language_of(Path(name)))
        ok &= passed
        print(f"{'ok  ' if passed else 'HARD'}  {name}: {line}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
