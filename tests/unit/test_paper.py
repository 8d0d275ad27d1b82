"""Paper a client can carry safely (issue 29): the discreet edition's titles and file names are
checked when the site loads, in each language, and a clinic can make it the default. These
run without a build: they load the records (tests/site/test_pdfs.py reads the PDFs)."""
import copy
import re

import pytest

from conftest import copy_project, settings_of
from macros.content import ContentError, avoided_words, load_site, says, slug
from macros.errors import Problems
from macros.pages import EDITIONS, pdf_links, pdf_name, workbook_links, worksheet_context
from macros.settings import check_settings


def test_file_names_are_words_of_the_language():
    assert slug("Mi plan de seguridad para irme") == "mi-plan-de-seguridad-para-irme"
    assert slug("Notas del día: ¿qué pasó?") == "notas-del-dia-que-paso"
    assert slug("Guilt and doubt: a thought record") == "guilt-and-doubt-a-thought-record"
    assert pdf_name("notas-del-dia", "a4") == "notas-del-dia-a4.pdf"


def test_words_are_found_whole_in_any_case_and_with_or_without_accents():
    assert says("Mi plan de SEGURIDAD", ["seguridad"]) == ["seguridad"]
    assert says("Línea de ayuda", ["linea"]) == ["linea"]
    assert says("Next steps", ["ex"]) == [], "a word inside another word is not the word"
    assert says("Notes for No Contact Program", ["No Contact Program"]) == ["No Contact Program"]


def test_every_sheet_of_every_language_has_two_file_names_that_say_nothing_of_the_topic(lang):
    nc = lang.nc
    avoid = avoided_words(nc)
    assert nc.settings["clinic"]["name"] in avoid and len(avoid) > 10
    names = []
    for rid, w in nc.worksheets.items():
        assert set(w["files"]) == set(EDITIONS), rid
        assert w["files"]["standard"] == slug(w["title"]), rid
        assert w["files"]["discreet"] == slug(w["discreet_title"]), rid
        assert not says(w["discreet_title"], avoid), f"{rid}: {w['discreet_title']}"
        names += list(w["files"].values())
    names += list(nc.workbook_files.values())
    assert not says(nc.strings.workbook_discreet_title, avoid)
    assert len(names) == len(set(names)), "every PDF of a language has its own name"


def _project(tmp_path):
    return copy_project(tmp_path / "p")


def _problems(project):
    with pytest.raises(ContentError) as err:
        load_site(project, settings_of(project))
    return str(err.value)


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_sheet_without_a_discreet_title_names_the_file_the_field_and_the_fix(tmp_path):
    project = _project(tmp_path)
    record = project / "docs/_data/worksheets/daily-check-in.yml"
    text = record.read_text(encoding="utf-8")
    record.write_text(re.sub(r"^discreet_title: .*\n", "", text, flags=re.M), encoding="utf-8")
    message = _problems(project)
    assert "daily-check-in.yml" in message and "'discreet_title'" in message
    assert "discreet_title: " in message, "the fix says what to write"


def test_a_discreet_title_that_names_the_topic_or_the_clinic_stops_the_build(tmp_path):
    project = _project(tmp_path)
    record = project / "docs/_data/worksheets/safety-plan.yml"
    text = record.read_text(encoding="utf-8")
    record.write_text(re.sub(r"^discreet_title: .*\n", "discreet_title: My safety notes\n", text, flags=re.M),
                      encoding="utf-8")
    record = project / "docs/_data/worksheets/my-reasons.yml"
    name = settings_of(project)["clinic"]["name"]
    text = record.read_text(encoding="utf-8")
    record.write_text(re.sub(r"^discreet_title: .*\n", f"discreet_title: Notes from {name}\n", text, flags=re.M),
                      encoding="utf-8")
    message = _problems(project)
    assert "safety-plan.yml" in message and "says 'safety'" in message
    assert "my-reasons.yml" in message and f"says '{name}'" in message
    assert "discreet_avoid" in message, "the fix points to the list of words"


def test_two_pdfs_with_one_name_stop_the_build(tmp_path):
    project = _project(tmp_path)
    first = project / "docs/_data/worksheets/daily-check-in.yml"
    second = project / "docs/_data/worksheets/weekly-check-in.yml"
    plain = re.search(r"^discreet_title: (.*)$", first.read_text(encoding="utf-8"), re.M).group(1)
    text = second.read_text(encoding="utf-8")
    second.write_text(re.sub(r"^discreet_title: .*\n", f"discreet_title: {plain.upper()}!\n", text, flags=re.M),
                      encoding="utf-8")
    message = _problems(project)
    assert "weekly-check-in.yml" in message and f"{slug(plain)}-a4.pdf" in message


def test_the_clinic_chooses_which_copy_comes_first(nc):
    for default in EDITIONS:
        links = pdf_links({"standard": "a", "discreet": "b"}, default)
        assert [e["edition"] for e in links["editions"]] == [default] + [e for e in EDITIONS if e != default]
        assert links["editions"][0]["a4"] == ("a-a4.pdf" if default == "standard" else "b-a4.pdf")
    site = copy.copy(nc)
    site.settings = dict(nc.settings, worksheets={"default": "discreet"})
    rid = next(iter(nc.worksheets))
    assert worksheet_context(site, rid, True)["pdf"]["editions"][0]["edition"] == "discreet"
    assert workbook_links(site, True)["editions"][0]["a4"] == pdf_name(nc.workbook_files["discreet"], "a4")
    assert worksheet_context(site, rid, False)["pdf"] is None


@pytest.mark.parametrize("value, ok", [("discreet", True), ("standard", True), ("hidden", False), (True, False)])
def test_the_default_copy_is_a_checked_setting(value, ok):
    extra = copy.deepcopy(settings_of())
    extra["worksheets"] = {"default": value}
    problems = Problems()
    settings, _ = check_settings(extra, problems)
    found = [p for p in problems.items if p.field == "extra.worksheets.default"]
    assert bool(found) != ok, found
    if ok:
        assert settings["worksheets"]["default"] == value
    else:
        assert "standard" in found[0].fix and "discreet" in found[0].fix
    problems = Problems()
    extra.pop("worksheets", None)
    assert check_settings(extra, problems)[0]["worksheets"]["default"] == "standard", "standard when left out"
