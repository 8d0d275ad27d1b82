"""A sample clinic adapts the site by editing settings and content only, and gets its own
site: its name, colour, crisis lines, track lengths, exercises, worksheets and wording."""
import re

from pypdf import PdfReader

from conftest import build, copy_project

CLINIC_LINES = '''  crisis_lines:
    - name: Riverside Crisis Line
      region: Riverside
      call: "0800 123 456"
      hours: 8am to midnight
      source: https://riverside.example/crisis
      checked: 2026-11-20
  program:'''

SLEEP_LOG = """title: Sleep log
purpose: Notice how sleep and the pull to reach out go together.
instructions: Each morning, write when you slept and how the night went.
blocks:
  - type: table
    columns: [Date, Went to bed, Woke up, How the night went]
    rows: 14
"""


def adapt(project):
    cfg = project / "mkdocs.yml"
    text = cfg.read_text()
    text = text.replace("site_name: No Contact Program", "site_name: Riverside Clinic Program")
    text = text.replace("    name: No Contact Program", "    name: Riverside Clinic")
    text = text.replace('    phone: ""', '    phone: "0161 555 0100"').replace('    email: ""', "    email: help@riverside.example")
    text = text.replace('primary: "#34577a"', 'primary: "#005a5a"')
    text = text.replace("tracks: [30, 60]", "tracks: [28, 45]")
    text = re.sub(r"  crisis_lines:.*?\n  program:", CLINIC_LINES, text, flags=re.S)
    cfg.write_text(text)
    # Remove an exercise, and point the days that used it at another one.
    (project / "docs/_data/exercises/slow-breathing.yml").unlink()
    for record in (project / "docs/_data").rglob("*.yml"):
        record.write_text(record.read_text().replace("exercise: slow-breathing", "exercise: grounding")
                          .replace("exercises/slow-breathing.md", "exercises/grounding.md"))
    (project / "docs/_data/worksheets/sleep-log.yml").write_text(SLEEP_LOG)
    strings = project / "docs/_data/strings.yml"
    strings.write_text(strings.read_text().replace("exit_label: Exit this page", "exit_label: Leave now"))


def test_a_clinic_gets_its_own_site(tmp_path):
    project = copy_project(tmp_path / "clinic")
    adapt(project)
    out = tmp_path / "site"
    proc = build(project, out, pdf=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert not [l for l in proc.stderr.splitlines() if l.startswith("WARNING")]

    home = (out / "index.html").read_text()
    assert "Riverside Clinic Program" in home and "Leave now" in home
    assert "Exit this page" not in home
    assert 'href="tel:01615550100"' in home and "mailto:help@riverside.example" in home, "clinic contact in the footer"
    assert "#005a5a" in (out / "assets/css/site.css").read_text()

    help_page = (out / "help.html").read_text()
    assert "Riverside Crisis Line" in help_page and "0800 123 456" in help_page
    for default in ("Samaritans", "988 Suicide", "thehotline.org"):
        assert default not in help_page and default not in home

    assert len(list((out / "program/28-days").glob("day-*.html"))) == 28
    assert len(list((out / "program/45-days").glob("day-*.html"))) == 45
    assert not (out / "program/30-days").exists()
    assert not (out / "exercises/slow-breathing.html").exists()
    assert "slow-breathing" not in (out / "exercises/index.html").read_text()
    assert (out / "worksheets/sleep-log.html").is_file()
    assert "sleep-log.html" in (out / "worksheets/index.html").read_text()

    pdf = PdfReader(out / "worksheets/pdf/sleep-log-a4.pdf")
    assert len(pdf.pages) == 1
    assert "Riverside Clinic" in pdf.pages[0].extract_text()
