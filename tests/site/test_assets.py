"""docs/ holds content only: the site's own CSS and JavaScript live in the theme folder
(overrides/assets/), which publishes them at assets/... in every language's site; a clinic's
own images in docs/assets/ (a logo, its favicon.svg) reach every language and replace the
defaults of the same name."""
from conftest import LANG_PREFIXES, ROOT, build, copy_project, warnings_of


def test_docs_holds_no_code():
    code = [p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").rglob("*") if p.suffix in {".js", ".css"}]
    assert not code, f"site code inside docs/ (it belongs in overrides/assets/): {code}"


def test_theme_assets_in_every_language_and_a_clinic_image_replaces_the_default(tmp_path):
    project = copy_project(tmp_path / "project")
    clinic_icon = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><title>clinic</title></svg>\n'
    (project / "docs" / "assets").mkdir(exist_ok=True)
    (project / "docs" / "assets" / "favicon.svg").write_text(clinic_icon)
    (project / "docs" / "assets" / "logo.svg").write_text(clinic_icon)
    out = tmp_path / "site"
    proc = build(project, out, pdf=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert not warnings_of(proc), warnings_of(proc)
    own = [p.relative_to(ROOT / "overrides").as_posix() for p in (ROOT / "overrides" / "assets").rglob("*")
           if p.is_file() and p.name != "favicon.svg"]
    for prefix in LANG_PREFIXES:
        for rel in own:
            assert (out / prefix / rel).read_bytes() == (ROOT / "overrides" / rel).read_bytes(), f"{prefix}{rel}"
        assert (out / prefix / "assets" / "favicon.svg").read_text() == clinic_icon, f"{prefix}: the clinic's icon"
        assert (out / prefix / "assets" / "logo.svg").read_text() == clinic_icon, f"{prefix}: the clinic's logo"
