"""Reading level of the site's own text: plain text out of Markdown or YAML records.

`python tools/readability.py FILE...` prints the Flesch-Kincaid grade of each file (the
guide, day records, scripts, exercises). The tests hold every reader-facing text to grade 8
or lower. A worksheet's note for clinicians (`clinician:`) is not reader-facing: left out.
"""
import re
import sys
from pathlib import Path

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
        return [s for k, v in data.items() if k not in {"id", "guide", "url", "source", "clinician"}
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


def spanish(path: Path) -> bool:
    return "es" in path.parts


def main(argv: list[str]) -> int:
    """`python tools/readability.py FILE...`: the grade of English files (8 or lower passes)
    and the Fernández-Huerta ease of Spanish files under docs/es/ (70 or more passes)."""
    ok = True
    for name in argv:
        text = plain_text_of_file(Path(name))
        if spanish(Path(name)):
            e = ease_es(text)
            ok &= e >= 70
            print(f"{e:5.1f}  {name}  (Fernández-Huerta ease, 70 or more)")
        else:
            g = grade(text)
            ok &= g <= 8
            print(f"{g:5.1f}  {name}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
