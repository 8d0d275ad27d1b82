"""The content itself: complete, distinct, plain, safe, true to its sources. Every check reads
this checkout's own records and settings, so it holds on a fork with other content; most run
once for each language (`lang`)."""
import re
import sys
from pathlib import Path

import pytest

from conftest import LANG_DOCS, ROOT, own_files
from macros import yamlio

sys.path.insert(0, str(ROOT / "tools"))
import readability  # noqa: E402

DOCS = ROOT / "docs"
# Pages a reader in crisis may land on: plainest words (grade 6 or lower).
PLAINEST = {"sos.md", "help.md", "safety.md", "friends-and-family.md", "start.md", "start.yml", "crisis-plan.yml"}


def nav_pages(config: dict):
    """The Markdown pages in a language's nav."""
    def walk(items):
        for item in items:
            value = item if isinstance(item, str) else next(iter(item.values()))
            if isinstance(value, list):
                yield from walk(value)
            else:
                yield value
    return list(walk(config["nav"]))


def test_every_guide_page_opens_with_a_summary_and_ends_with_next_steps(lang):
    """Each guide page opens with a short summary and ends with the same closing section
    ("What to do next" in English) holding links onward."""
    guide = [p for p in nav_pages(lang.config) if p.startswith("guide/") and p not in {"guide/index.md", "guide/references.md"}]
    assert guide, "the nav lists the guide"
    endings = {}
    for rel in guide:
        text = (lang.docs / rel).read_text()
        assert "{ .nc-summary }" in text, f"{lang.code}/{rel}: opens with a two-line summary"
        last = text[text.rindex("\n## "):]
        endings[rel] = last.splitlines()[1]
        assert "](" in last, f"{lang.code}/{rel}: the closing section links onward"
    assert len(set(endings.values())) == 1, f"{lang.code}: the guide pages end with different sections: {endings}"
    if lang.code == "en":
        assert set(endings.values()) == {"## What to do next"}


def test_the_safety_warning_stands_before_advice_on_telling_them(lang):
    """Where a guide page links a message to the person, the safety warning comes first."""
    to_person = "|".join(re.escape(k) for k, s in lang.nc.scripts.items() if s["to_person"])
    for path in (lang.docs / "guide").glob("*.md"):
        text = path.read_text()
        link = re.search(rf"\]\((?:\.\./)*scripts/(?:{to_person})\.md", text)
        if link:
            before = text[:link.start()]
            assert "safety_warning()" in before or re.search(r"^!!! (danger|warning)", before, re.M), \
                f"{path.name}: a safety warning before the first message to the person"


def test_every_day_of_the_longest_track_is_its_own(lang):
    nc = lang.nc
    days = nc.tracks[max(nc.tracks)]
    for field in ("reading", "action", "prompt", "title"):
        texts = [" ".join(d[field].split()).lower() for d in days]
        assert len(set(texts)) == len(days), f"two days share their {field}"


def test_shorter_tracks_are_drawn_from_the_same_records(nc):
    lengths = sorted(nc.tracks)
    for short, long in zip(lengths, lengths[1:]):
        ids_short = {d["id"] for d in nc.tracks[short]}
        ids_long = {d["id"] for d in nc.tracks[long]}
        assert ids_short < ids_long
    firsts = {nc.tracks[n][0]["id"] for n in lengths}
    lasts = {nc.tracks[n][-1]["id"] for n in lengths}
    assert len(firsts) == 1 and len(lasts) == 1, "every track starts and ends on the same days"


def test_the_heavy_days_are_in_every_track(nc):
    """Sadness, an angry message, and finding professional help are not left to long tracks."""
    heavy = ["when-sadness-gets-heavy", "an-angry-message", "finding-professional-support"]
    written = {d["id"] for p in nc.phases for d in p["days"]}
    for length, days in nc.tracks.items():
        ids = {d["id"] for d in days}
        for rid in heavy:
            if rid in written:  # a fork may have written other days
                assert rid in ids, f"'{rid}' is missing from the {length}-day track"


def test_telling_comes_before_blocking_in_every_track(nc):
    for length, days in nc.tracks.items():
        order = [d["id"] for d in days]
        if "to-tell-or-not" in order and "block-and-mute" in order:
            assert order.index("to-tell-or-not") < order.index("block-and-mute"), length


def test_the_slip_exercise_goes_with_days_about_slips(nc):
    for p in nc.phases:
        for d in p["days"]:
            if d["exercise"] == "self-compassion":
                text = (d["title"] + d["reading"] + d["action"]).lower()
                assert re.search(r"slip|reach(ed)? out|hard on yourself|blame|critic|mistake|guilt", text), d["id"]


def test_stages_are_worded_as_what_many_people_feel(nc):
    for p in nc.phases:
        assert p["stage"][:1].islower(), f"{p['id']}: the stage completes '{nc.strings.stage_label}: ...'"


def test_every_situation_has_an_exercise(nc):
    for sid in nc.situations:
        assert any(sid in e["situations"] for e in nc.exercises.values()), sid


def _reader_facing():
    """(language, file) for every reader-facing page and record of every language."""
    skip = {"references.md", "strings.yml", "adapting.md", "README.md"}
    out = []
    for code, docs in LANG_DOCS.items():
        for f in own_files(docs):
            rel = f.relative_to(docs)
            if f.name not in skip and (rel.parts[0] in {"guide", "program", "_data"} or len(rel.parts) == 1):
                out.append((code, f))
    return out


@pytest.mark.parametrize("code,path", _reader_facing(), ids=lambda v: v if isinstance(v, str) else str(v.relative_to(DOCS)))
def test_reading_level(code, path):
    """Grade 8 or lower in English (6 on crisis pages); a Fernández-Huerta ease of 70 or more
    in Spanish (75 on crisis pages)."""
    ok, line = readability.check(readability.plain_text_of_file(path), code, plainest=path.name in PLAINEST)
    assert ok, f"{path.relative_to(ROOT)}: {line}"


def test_readability_counts_a_hard_text_as_hard():
    hard = ("Notwithstanding considerable methodological heterogeneity, longitudinal investigations "
            "consistently demonstrate substantial associations between relationship dissolution and "
            "subsequent psychological maladjustment.")
    assert readability.grade(readability.plain_text_of_markdown(hard)) > 12


def test_readability_counts_a_hard_spanish_text_as_hard():
    hard = ("No obstante la considerable heterogeneidad metodológica, las investigaciones longitudinales "
            "demuestran sistemáticamente asociaciones sustanciales entre la disolución de relaciones "
            "interpersonales y la consiguiente desadaptación psicológica.")
    ok, line = readability.check(readability.plain_text_of_markdown(hard), "es")
    assert not ok, line


def test_no_crisis_or_emergency_number_is_typed_into_content(lang):
    """Numbers come from the settings, whatever the country: none of a language's numbers
    appears in its pages or records."""
    extra = lang.nc.settings
    numbers = {e["number"] for e in extra["emergency"]}
    numbers |= {str(line[k]) for line in extra["crisis_lines"] for k in ("call", "tty") if line.get(k)}
    digits = {re.sub(r"\D", "", n) for n in numbers if len(re.sub(r"\D", "", n)) >= 3}
    for path in own_files(lang.docs):
        if path.name == "adapting.md":
            continue
        text = path.read_text()
        for d in digits:
            pattern = r"(?<![\d/.-])(?<!\d,)" + r"[\s-]?".join(d) + r"(?![\d/.-])"  # not part of 2,000
            assert not re.search(pattern, text), f"{path}: the number {d} belongs in mkdocs.yml"


def test_every_string_key_is_used_by_the_code():
    """Real uses only: `strings.key` in templates and pages, t("key") in page scripts, and
    strings.key, .fill("key") or .get("key") on the strings in Python (a key that merely looks
    like a record field, such as `minutes`, no longer counts)."""
    from macros.strings import USE_IN_SCRIPTS, USE_IN_TEMPLATES
    from macros.strings_keys import KEYS
    in_python = re.compile(r"""\b(?:strings|st)\.(?:fill|get)\(\s*["']([A-Za-z0-9_]+)["']|\b(?:strings|st)\.([A-Za-z0-9_]+)""")
    used = set()
    for p in [p for p in (ROOT / "overrides").rglob("*") if p.suffix in {".html", ".md"}] + list(DOCS.rglob("*.md")):
        used |= set(USE_IN_TEMPLATES.findall(p.read_text()))
    for p in (ROOT / "overrides" / "assets" / "js").glob("*.js"):
        used |= set(USE_IN_SCRIPTS.findall(p.read_text()))
    for p in (ROOT / "macros").glob("*.py"):
        if p.name != "strings_keys.py":
            used |= {a or b for a, b in in_python.findall(p.read_text())}
    unused = [k for k in KEYS if k not in used]
    assert not unused, f"strings nobody uses: {unused}"


def test_scripts_name_every_string_they_use_literally():
    """Each page script gets only the strings its t("...") calls name: a key built at run
    time would arrive empty."""
    for js in (ROOT / "overrides" / "assets" / "js").glob("*.js"):
        text = js.read_text()
        assert not re.search(r"""(?<!function )\bt\(\s*[^"'\s)]""", text), f"{js.name}: t() with a key that is not a literal"


def _words(text):
    return {w for w in re.findall(r"[^\W\d_']+", text.lower()) if len(w) > 2}


def test_no_two_days_say_nearly_the_same(lang):
    """Every day written brings something new: no pair of days shares more than a quarter of
    its words (reading and action), which near-copies do. Words found in a fifth of the days
    or more ("the", "you", "que"...) do not count, whatever the language."""
    days = [d for p in lang.nc.phases for d in p["days"]]
    words = {d["id"]: _words(d["reading"] + " " + d["action"]) for d in days}
    from collections import Counter
    common = {w for w, n in Counter(w for ws in words.values() for w in ws).items() if n >= len(days) / 5}
    words = {k: ws - common for k, ws in words.items()}
    ids = list(words)
    close = [(round(len(words[a] & words[b]) / len(words[a] | words[b]), 2), a, b)
             for i, a in enumerate(ids) for b in ids[i + 1:]
             if len(words[a] & words[b]) / len(words[a] | words[b]) > 0.25]
    assert not close, sorted(close, reverse=True)[:5]


def test_every_reference_has_a_doi_or_a_stable_link(lang):
    refs = lang.docs / "guide" / "references.md"
    items = [l for l in refs.read_text().splitlines() if l.startswith("- ")]
    assert items
    for item in items:
        assert re.search(r"<https://[^>]+>\s*$", item), f"no DOI or stable link: {item[:80]}"


def test_every_citation_in_the_text_is_on_the_references_page(lang):
    refs = (lang.docs / "guide" / "references.md").read_text()
    cited = set()
    for path in own_files(lang.docs):
        if path.name == "references.md":
            continue
        for m in re.finditer(r"\(([A-Z][A-Za-z'-]+)(?: et al\.| (?:&|and|y) [A-Z][A-Za-z'-]+)?,? (\d{4})\)", path.read_text()):
            cited.add((m.group(1), m.group(2)))
    missing = [f"{a} {y}" for a, y in sorted(cited) if not re.search(rf"^- {a}\b[^\n]*\({y}\)", refs, re.M)]
    assert not missing, missing


def test_stanley_and_brown_only_where_the_crisis_plan_is(lang):
    for path in own_files(lang.docs):
        if path.name in {"references.md", "crisis-plan.yml"}:
            continue
        assert "Stanley" not in path.read_text(), f"{path}: the suicide safety-planning study is cited for the crisis plan only"
