"""Words a language's pages must not use, with the word to use instead: terms most readers of
that language do not know, and calques of the English underneath. The check reads this
checkout's pages, records and settings, and runs only for the languages the site has."""
import html
import re

import pytest

from conftest import LANG_CODES, LANG_DOCS, ROOT, language_list, own_files

# language: {phrase to avoid: what to write instead}
AVOID = {
    "es": {
        # "advocate": "intercesora" is the Puerto Rican legal term; most Mexican and Central
        # American readers do not know it, and it is the action of every safety gate.
        "persona intercesora": "defensora o defensor de víctimas (explained once on Help)",
        "personas intercesoras": "defensoras y defensores de víctimas",
        "intercesor o": "defensora o defensor de víctimas",
        "subir el peligro": "aumentar el peligro",
        "subir el riesgo": "aumentar el riesgo",
        "puertas traseras": "contactos a escondidas, otras vías",
        "puerta trasera": "otra vía",
        "puerta de atrás": "formas discretas",
        "lazo traumático": "vínculo traumático (the term readers search for)",
        "te ahorcó": "te apretó el cuello o intentó estrangularte",
        "entre nosotros": "entre tú y yo (two women would write 'nosotras')",
    },
}
CODES = [code for code in LANG_CODES if code in AVOID]


def _pattern(phrase: str) -> re.Pattern:
    return re.compile(r"\b" + r"\s+".join(map(re.escape, phrase.split())) + r"\b", re.I)


def _found(text: str, code: str) -> list[str]:
    return [f"{phrase!r} (write: {instead})" for phrase, instead in AVOID[code].items() if _pattern(phrase).search(text)]


def test_the_phrase_check_finds_a_phrase_across_a_line_break():
    assert _found("habla con una persona\n    Intercesora antes", "es")
    assert not _found("habla con una defensora o defensor de víctimas", "es")


@pytest.mark.skipif(not CODES, reason="no language of this site has phrases to avoid")
@pytest.mark.parametrize("code", CODES)
def test_no_page_record_or_setting_uses_a_phrase_to_avoid(code):
    config = next(ROOT / e["config"] for e in language_list() if e["code"] == code)
    files = own_files(LANG_DOCS[code]) + ([config] if config.name != "mkdocs.yml" else [])
    bad = [f"{f.relative_to(ROOT)}: {', '.join(found)}" for f in files if (found := _found(f.read_text(encoding="utf-8"), code))]
    assert not bad, "\n".join(bad)


@pytest.mark.skipif(not CODES, reason="no language of this site has phrases to avoid")
def test_no_built_page_uses_a_phrase_to_avoid(site, langs):
    for code in CODES:
        lang = langs[code]
        others = {l.prefix.rstrip("/") for l in langs.values() if l.prefix and l is not lang}
        bad = []
        for page in sorted(lang.at(site).rglob("*.html")):
            if "assets" in page.parts or page.relative_to(lang.at(site)).parts[0] in others:
                continue
            text = html.unescape(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8")))
            if found := _found(text, code):
                bad.append(f"{page.relative_to(site)}: {', '.join(found)}")
        assert not bad, "\n".join(bad[:20])
