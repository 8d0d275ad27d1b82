"""Each further language of extra.languages against the first: every page and record there,
the same ids and placeholders, no English left over. (A fork with one language runs none of
these: they are collected once per further language.)"""
import re
import sys

import pytest

from conftest import LANG_CODES, ROOT

sys.path.insert(0, str(ROOT / "tools"))
import translations  # noqa: E402

OTHERS = LANG_CODES[1:]


@pytest.fixture(params=OTHERS)
def pair(request, langs):
    """(the first language, a further language)"""
    return next(iter(langs.values())), langs[request.param]


@pytest.mark.parametrize("code", OTHERS)
def test_every_page_and_record_is_translated(code):
    r = translations.report(code)
    assert not r["missing"], f"docs/{code}/ has no translation of: {r['missing']} (copy each from docs/ and translate it)"
    assert not r["extra"], f"docs/{code}/ has files with no English source: {r['extra']}"


@pytest.mark.parametrize("code", OTHERS)
def test_no_english_is_left(code):
    english = translations.report(code)["english"]
    assert not english, "English words left: " + "; ".join(f"docs/{code}/{k}: {', '.join(v[:8])}" for k, v in english.items())


def test_english_left_is_found():
    assert translations.english_left("Escribe tu nombre. Then write what you need.") == ["Then", "need", "what", "write", "you"]
    assert translations.english_left("Llama a [Find A Helpline](https://findahelpline.com/) {{ crisis_lines() }}") == []


def test_records_keep_their_ids_and_tracks(pair):
    first, other = pair
    a, b = first.nc, other.nc
    assert [p["id"] for p in a.phases] == [p["id"] for p in b.phases]
    assert [d["id"] for p in a.phases for d in p["days"]] == [d["id"] for p in b.phases for d in p["days"]]
    assert {n: [d["id"] for d in days] for n, days in a.tracks.items()} == \
           {n: [d["id"] for d in days] for n, days in b.tracks.items()}
    for kind in ("exercises", "scripts", "worksheets", "situations"):
        assert sorted(getattr(a, kind)) == sorted(getattr(b, kind)), f"{other.code}: the {kind} differ from {first.code}'s"
    assert set(a.strings) == set(b.strings)


def test_scripts_keep_their_placeholders(pair):
    """A message template in another language has the same {placeholders} to fill in."""
    first, other = pair
    for sid, script in first.nc.scripts.items():
        ours = set(re.findall(r"\{[a-z_]+\}", str(script)))
        theirs = set(re.findall(r"\{[a-z_]+\}", str(other.nc.scripts[sid])))
        assert ours == theirs, f"docs/{other.code} script {sid}: placeholders {sorted(theirs)} instead of {sorted(ours)}"


def test_pages_keep_their_macros(pair):
    """The same macros on each page ({{ crisis_lines() }}, {{ safety_warning() }}...), so no
    crisis line or warning is lost in translation."""
    first, other = pair
    for path in first.docs.glob("**/*.md"):
        rel = path.relative_to(first.docs)
        if rel.parts[0] in {o for o in OTHERS} or rel.as_posix() in translations.SKIP:
            continue
        ours = sorted(re.findall(r"\{\{\s*(\w+)\(", path.read_text()))
        theirs = sorted(re.findall(r"\{\{\s*(\w+)\(", (other.docs / rel).read_text()))
        assert ours == theirs, f"docs/{other.code}/{rel}: macros {theirs} instead of {ours}"
