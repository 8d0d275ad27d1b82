"""A clinic adapts the site by editing YAML and Markdown only (tools/sample_clinic.py, the
worked example of a fork) and gets its own site: its name, colours, crisis lines, track
lengths, exercises, worksheets and wording, and nothing of this checkout's own."""
import sys
from html import escape

from pypdf import PdfReader

from conftest import ROOT, build, copy_project, language_list, settings_of, warnings_of, yamlio

sys.path.insert(0, str(ROOT / "tools"))
import sample_clinic as clinic  # noqa: E402
from macros.templates import tel  # noqa: E402


def test_a_clinic_gets_its_own_site(tmp_path):
    ours = settings_of()
    project = copy_project(tmp_path / "clinic")
    clinic.adapt(project)
    out = tmp_path / "site"
    proc = build(project, out, pdf=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert not warnings_of(proc)

    home = (out / "index.html").read_text()
    assert escape(clinic.PROGRAM) in home and clinic.STRINGS["exit_label"] in home
    assert 'href="tel:0255500100"' in home and "mailto:help@harbour-clinic.example" in home, "clinic contact in the footer"
    assert 'href="tel:000"' in home, "the clinic's emergency number, tap to call"
    assert clinic.COLORS["primary"] in (out / "assets/css/site.css").read_text()

    help_page = (out / "help.html").read_text()
    assert "Lifeline" in help_page and "13 11 14" in help_page
    for line in ours["crisis_lines"]:
        if line["name"] not in {"Lifeline", "1800RESPECT"}:
            assert escape(line["name"], quote=False) not in help_page and escape(line["name"], quote=False) not in home
    for e in ours["emergency"]:
        assert f'href="tel:{e["number"]}"' not in home or e["number"] == "000"

    for length in clinic.TRACKS:
        assert len(list((out / f"program/{length}-days").glob("day-*.html"))) == length
    for length in ours["program"]["tracks"]:
        if length not in clinic.TRACKS:
            assert not (out / f"program/{length}-days").exists()
    assert not (out / f"exercises/{clinic.REMOVED}.html").exists()
    assert f"{clinic.REMOVED}.html" not in (out / "exercises/index.html").read_text()
    assert (out / "worksheets/sleep-log.html").is_file()
    assert "sleep-log.html" in (out / "worksheets/index.html").read_text()
    review = "Clinical psychologist, Harbour Clinic"
    for page in ("index.html", "program/21-days/day-03.html", "worksheets/sleep-log.html"):
        assert review in (out / page).read_text(), f"{page}: the clinic's review in the footer"

    # The languages it keeps: each with the clinic's own lines and name, nothing upstream's,
    # nothing of what it removed.
    upstream_lines = {(l["name"], l.get("call")) for e in language_list()
                      for l in yamlio.load_config(ROOT / e["config"])["extra"]["crisis_lines"]}
    upstream_numbers = {n["number"] for e in language_list() for n in yamlio.load_config(ROOT / e["config"])["extra"]["emergency"]}
    kept = [e for e in language_list(project)[1:]]
    assert [e["code"] for e in kept] == [e["code"] for e in language_list()[1:]], "the sample keeps every language"
    for entry in kept:
        prefix = out / entry["code"]
        help_es = (prefix / "help.html").read_text()
        assert clinic.NAME_ES in (prefix / "index.html").read_text()
        assert "13 11 14" in help_es and 'href="tel:000"' in help_es
        for name, call in upstream_lines:
            if name in {"Lifeline", "1800RESPECT"}:  # the clinic's own (a fork running this test)
                continue
            assert escape(name, quote=False) not in help_es, f"{entry['code']}: upstream's {name}"
            if call:
                assert f'href="{tel(call)}"' not in help_es, f"{entry['code']}: upstream's {call}"
        for number in upstream_numbers - {"000"}:
            assert f'href="tel:{number}"' not in help_es
        assert not (prefix / f"exercises/{clinic.REMOVED}.html").exists()
        assert not list(prefix.rglob(f"{clinic.REMOVED}*")), "no page or PDF of the removed exercise"
        assert (prefix / "worksheets/sleep-log.html").is_file()
        assert clinic.STRINGS_ES["exit_label"] in help_es
    assert not list(out.rglob(f"{clinic.REMOVED}*"))

    pdf = PdfReader(out / "worksheets/pdf/sleep-log-a4.pdf")
    assert len(pdf.pages) == 1
    text = " ".join(pdf.pages[0].extract_text().split())
    assert clinic.NAME in text and review in text, "the clinic and its review on paper"


def test_the_english_only_sample_drops_spanish_in_one_step(tmp_path):
    project = copy_project(tmp_path / "clinic")
    clinic.adapt(project, english_only=True)
    assert [e["code"] for e in language_list(project)] == [language_list()[0]["code"]]
    out = tmp_path / "site"
    proc = build(project, out, pdf=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert not warnings_of(proc)
    for entry in language_list()[1:]:
        assert not (out / entry["code"]).exists()
        assert f'hreflang="{entry["code"]}"' not in (out / "help.html").read_text()


def test_the_sample_clinic_script_makes_a_complete_fork(tmp_path):
    dest = tmp_path / "fork"
    assert clinic.main([str(dest)]) == 0
    for part in ("Makefile", "mkdocs.yml", "tests/conftest.py", "requirements.txt", ".ci/run", "macros/hooks.py"):
        assert (dest / part).is_file(), part
    assert "Harbour Clinic" in (dest / "mkdocs.yml").read_text()
