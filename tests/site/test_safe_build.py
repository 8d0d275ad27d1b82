"""A failed build never touches the published site, and says what went wrong: a clinic's
typo must never publish a half-broken site. Each case seeds an old site folder first."""
import os

import pytest

from conftest import build, copy_project, edit, warnings_of


def seed(out):
    """A published site from an earlier build."""
    (out / "worksheets" / "pdf").mkdir(parents=True)
    (out / "index.html").write_text("the published site")
    (out / "worksheets" / "pdf" / "workbook-a4.pdf").write_bytes(b"%PDF-1.7 old")


def broken_link(p):
    page = p / "docs/help.md"
    page.write_text(page.read_text() + "\n\nSee [this page](no-such-page.md).\n")


def macro_error(p):
    page = p / "docs/help.md"
    page.write_text("{{ no_such_macro() }}\n\n" + page.read_text())


def content_error(p):
    path = sorted((p / "docs/_data/exercises").glob("*.yml"))[0]
    edit(path, "minutes:", "minutes: five\nold_minutes:")


def template_error(p):
    edit(p / "overrides/nc/day.md", "{{ day.title }}", "{{ day.titel }}")


CASES = {
    "a broken link (strict)": (broken_link, ["no-such-page.md", "strict"]),
    "a macro error in a page": (macro_error, ["help.md", "'no_such_macro' is undefined"]),
    "a content error": (content_error, ["Content check failed", "field 'minutes'", "Fix:"]),
    "an error in a page template": (template_error, ["titel"]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_failed_build_leaves_the_published_site_as_it_was(tmp_path, case):
    mutate, expected = CASES[case]
    project = copy_project(tmp_path / "p")
    mutate(project)
    out = tmp_path / "site"
    seed(out)
    proc = build(project, out, pdf=False)
    assert proc.returncode != 0, f"{case}: the build went on"
    said = proc.stderr + proc.stdout
    for bit in expected:
        assert bit in said, f"{case}: {bit!r} not in:\n{said[-1500:]}"
    if case == "a broken link (strict)":  # MkDocs fails a strict build only once it has finished
        assert "Building the" not in said, "a strict build that has failed builds no further language"
    assert (out / "index.html").read_text() == "the published site", "the old site is untouched"
    assert (out / "worksheets/pdf/workbook-a4.pdf").read_bytes() == b"%PDF-1.7 old", "its PDFs are still there"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")], "no half-built folder left behind"


def test_a_passing_build_replaces_the_site(tmp_path):
    project = copy_project(tmp_path / "p")
    out = tmp_path / "site"
    seed(out)
    proc = build(project, out, pdf=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert not warnings_of(proc)
    assert "the published site" not in (out / "index.html").read_text()
    assert not (out / "worksheets/pdf/workbook-a4.pdf").exists(), "the new site replaced the old one whole"
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o777 & ~umask, "the same rights as a folder MkDocs makes"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")]


def test_content_errors_are_shown_as_the_clinic_sees_them(tmp_path):
    project = copy_project(tmp_path / "p")
    content_error(project)
    proc = build(project, tmp_path / "site", pdf=False)
    message = proc.stderr.split("Content check failed:")[-1][:300]
    assert "docs/_data/exercises/" in message and str(tmp_path) not in message
