"""The content itself: complete, distinct, plain, checked against the records' schema."""
import re
from pathlib import Path

import pytest
import yaml

from macros import readability
from macros.content import load_site
from macros.strings_keys import KEYS

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
GUIDE_PARTS = ["what-is-no-contact", "when-people-use-it", "why-it-helps", "what-it-costs", "the-science",
               "the-rules", "warning-signs", "when-it-may-not-fit", "what-to-expect", "coping",
               "professional-help", "safety"]


@pytest.fixture(scope="module")
def site():
    extra = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=_Loader)["extra"]
    return load_site(ROOT, extra, KEYS)


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: True)


def test_every_part_of_the_article_has_a_guide_page():
    for part in GUIDE_PARTS:
        page = DOCS / "guide" / f"{part}.md"
        assert page.is_file(), part
        text = page.read_text()
        assert "{ .nc-summary }" in text, f"{part}: opens with a two-line summary"
        assert "## What to do next" in text, f"{part}: ends with what to do next"
    rules = (DOCS / "guide" / "the-rules.md").read_text()
    assert len(re.findall(r"^## ", rules, re.M)) >= 8, "the seven rules each have a heading"
    assert "safety_warning()" in rules, "the safety warning stands before the advice on telling them"
    signs = (DOCS / "guide" / "warning-signs.md").read_text()
    assert len(re.findall(r"^(?:\d+\.|-|###) ", signs, re.M)) >= 13, "the thirteen warning signs"


def test_floors_of_content(site):
    assert len(site.scripts) >= 12
    assert len(site.exercises) >= 12
    assert len(site.worksheets) >= 13
    assert sum(len(p["days"]) for p in site.phases) >= 60


def test_sixty_distinct_days(site):
    days = site.tracks[60]
    assert len(days) == 60
    for field in ("reading", "action", "prompt", "title"):
        texts = [" ".join(d[field].split()).lower() for d in days]
        assert len(set(texts)) == 60, f"two days share their {field}"


def test_thirty_day_track_is_drawn_from_the_same_records(site):
    ids30 = {d["id"] for d in site.tracks[30]}
    ids60 = {d["id"] for d in site.tracks[60]}
    assert ids30 < ids60
    assert site.tracks[30][0]["id"] == site.tracks[60][0]["id"], "both start on the same first day"
    assert site.tracks[30][-1]["id"] == site.tracks[60][-1]["id"], "both end on the same last day"


def test_every_situation_has_exercises(site):
    for sid in site.situations:
        assert sum(sid in e["situations"] for e in site.exercises.values()) >= 2, sid


def test_scripts_to_the_person_are_marked_for_the_safety_gate(site):
    to_person = {k for k, s in site.scripts.items() if s["to_person"]}
    assert {"tell-partner", "tell-family", "tell-friend", "tell-coworker"} <= to_person


def _reader_facing():
    files = sorted((DOCS / "guide").glob("*.md")) + sorted(DOCS.glob("*.md")) + sorted((DOCS / "program").glob("*.md"))
    files += sorted((DOCS / "_data").rglob("*.yml"))
    skip = {"references.md", "strings.yml", "adapting.md"}
    return [f for f in files if f.name not in skip]


@pytest.mark.parametrize("path", _reader_facing(), ids=lambda p: str(p.relative_to(DOCS)))
def test_reading_grade_8_or_lower(path):
    grade = readability.grade(readability.plain_text_of_file(path))
    assert grade <= 8, f"{path.name}: Flesch-Kincaid grade {grade}"


def test_readability_counts_a_hard_text_as_hard():
    hard = ("Notwithstanding considerable methodological heterogeneity, longitudinal investigations "
            "consistently demonstrate substantial associations between relationship dissolution and "
            "subsequent psychological maladjustment.")
    assert readability.grade(readability.plain_text_of_markdown(hard)) > 12


def test_no_crisis_number_is_typed_into_content():
    numbers = re.compile(r"\b(988|911|999|112|116 ?123|1-800|0808)\b")
    for path in list(DOCS.rglob("*.md")) + list((DOCS / "_data").rglob("*.yml")):
        if path.name in {"adapting.md"}:
            continue
        assert not numbers.search(path.read_text()), f"{path}: crisis numbers belong in mkdocs.yml"


def test_every_string_key_is_used_by_the_code():
    code = "".join(p.read_text() for p in list((ROOT / "macros").glob("*.py")) + list((ROOT / "overrides").rglob("*.html"))
                   + list((DOCS / "assets" / "js").glob("*.js")) if p.name != "strings_keys.py")
    unused = [k for k in KEYS if not re.search(rf"""["'.]{k}\b""", code)]
    assert not unused, f"strings nobody uses: {unused}"


def _words(text):
    stop = set("the a an and or to of you your it is in on for that this with they them be are can as at if not "
               "do what one may more when who about from have has was will".split())
    return {w for w in re.findall(r"[a-z']+", text.lower()) if w not in stop and len(w) > 2}


def test_no_two_days_of_the_longest_track_say_nearly_the_same(site):
    """Every day of a 90-day track brings something new: no pair of days shares more than a
    quarter of its words (reading and action), which near-copies do."""
    days = [d for p in site.phases for d in p["days"]]
    assert len(days) >= 90
    words = {d["id"]: _words(d["reading"] + " " + d["action"]) for d in days}
    ids = list(words)
    close = [(round(len(words[a] & words[b]) / len(words[a] | words[b]), 2), a, b)
             for i, a in enumerate(ids) for b in ids[i + 1:]
             if len(words[a] & words[b]) / len(words[a] | words[b]) > 0.25]
    assert not close, sorted(close, reverse=True)[:5]
