"""The built site in each language of extra.languages: every page in every language, each page
linking the same page in the others, each language with its own search index and PDFs."""
import json
import posixpath
import re
from html import escape

import pytest

import gzip

from conftest import LANG_CODES, build, copy_project, pages, warnings_of

pytestmark = pytest.mark.skipif(len(LANG_CODES) < 2, reason="this site has one language")


def rel_pages(site, lang, langs):
    """A language's built pages, by their address inside that language."""
    root = lang.at(site)
    others = {l.prefix.rstrip("/") for l in langs.values() if l.prefix and l is not lang}
    return {p.relative_to(root).as_posix() for p in pages(root) if p.relative_to(root).parts[0] not in others}


def test_every_page_is_in_every_language(site, langs):
    first, *others = langs.values()
    ours = rel_pages(site, first, langs)
    assert len(ours) > 100
    for other in others:
        theirs = rel_pages(site, other, langs)
        assert ours == theirs, f"{other.code}: missing {sorted(ours - theirs)[:5]}, extra {sorted(theirs - ours)[:5]}"


def test_each_page_says_its_language_and_links_the_same_page_in_the_others(site, langs):
    for lang in langs.values():
        for rel in sorted(rel_pages(site, lang, langs)):
            page = lang.at(site, rel)
            html = page.read_text()
            assert re.search(rf'<html lang="{lang.code}"', html), f"{lang.prefix}{rel}: <html lang>"
            bar = html[html.index('class="nc-safety'):]
            bar = bar[:bar.index("</nav>")]
            for other in langs.values():
                if other is lang:
                    continue
                link = re.search(rf'<a href="([^"]+)" class="nc-lang" hreflang="{other.code}" lang="{other.code}">', bar)
                assert link, f"{lang.prefix}{rel}: no link to the {other.name} site in the safety bar"
                target = posixpath.normpath(posixpath.join(posixpath.dirname(f"{lang.prefix}{rel}"), link.group(1)))
                assert target == f"{other.prefix}{rel}", f"{lang.prefix}{rel}: links {target}, not the same page"
                assert (site / target).is_file()
            assert '<link rel="alternate"' not in html, f"{lang.prefix}{rel}: the theme would fetch a sitemap beside it"


def test_each_language_has_its_own_search_index(site, langs):
    for lang in langs.values():
        index = json.loads(lang.at(site, "search/search_index.json").read_text())
        locations = [d["location"] for d in index["docs"]]
        assert index["config"]["lang"][0] == lang.code
        assert not [l for l in locations if l.startswith(("../", "es/", "/"))
                    and not l.startswith(lang.prefix)], f"{lang.code}: its index holds another language's pages"
        titles = {d["location"]: d["title"] for d in index["docs"]}
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", lang.at(site, "help.html").read_text(), re.S).group(1)
        assert titles.get("help.html") == re.sub(r"<[^>]+>", "", h1).strip(), f"{lang.code}: the help page's own title"


def test_each_language_has_its_worksheet_pdfs(site, langs):
    """As many PDFs in every language (each sheet and the workbook, two editions, two sizes),
    named in that language's words (tests/site/test_pdfs.py checks the names)."""
    first, *others = langs.values()
    ours = sorted(p.name for p in first.at(site, "worksheets/pdf").glob("*.pdf"))
    assert len(ours) == (len(first.nc.worksheets) + 1) * 4
    for other in others:
        assert len(list(other.at(site, "worksheets/pdf").glob("*.pdf"))) == len(ours), other.code


def test_pages_in_another_language_use_its_words(site, langs):
    """A day page in each language carries that language's strings and settings."""
    for lang in langs.values():
        st = lang.nc.strings
        html = lang.at(site, "today.html").read_text()
        for key in ("skip_to_content", "exit_label", "help_label"):
            assert escape(st[key], quote=False) in html, f"{lang.prefix}today.html: {key} {st[key]!r}"


def test_with_a_site_address_each_language_has_its_own_and_the_sitemaps_link_them(tmp_path, langs):
    """With site_url set: each further language lives at <site_url><code>/ (its canonical
    links and sitemap say so), and every sitemap names each page in every language."""
    project = copy_project(tmp_path / "p")
    cfg = project / "mkdocs.yml"
    url = "https://clinic.example/help/"
    cfg.write_text(re.sub(r"^site_url:.*$", f'site_url: "{url}"', cfg.read_text(encoding="utf-8"), count=1, flags=re.M),
                   encoding="utf-8")
    out = tmp_path / "site"
    proc = build(project, out, pdf=False)
    assert proc.returncode == 0 and not warnings_of(proc), proc.stderr[-2000:]
    roots = {lang.code: url + lang.prefix for lang in langs.values()}
    for lang in langs.values():
        help_page = lang.at(out, "help.html").read_text()
        assert f'<link rel="canonical" href="{roots[lang.code]}help.html">' in help_page
        sitemap = lang.at(out, "sitemap.xml").read_text()
        assert gzip.decompress(lang.at(out, "sitemap.xml.gz").read_bytes()).decode() == sitemap
        entries = re.findall(r"<url>(.*?)</url>", sitemap, re.S)
        assert len(entries) > 100
        for entry in entries:
            loc = re.search(r"<loc>([^<]*)</loc>", entry).group(1)
            assert loc.startswith(roots[lang.code]), loc
            path = loc[len(roots[lang.code]):]
            links = dict(re.findall(r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/>', entry))
            assert links == {code: root + path for code, root in roots.items()}, f"{lang.code} {loc}: {links}"


def shown_settings(config: dict) -> dict:
    """The settings a reader sees as words or goes to on every page: the site's and the
    clinic's name, the exit page, the colour toggle's labels (each a list of values)."""
    extra, theme = config.get("extra") or {}, config.get("theme") or {}
    return {"site_name": [config.get("site_name")],
            "extra.clinic.name": [(extra.get("clinic") or {}).get("name")],
            "extra.exit.url": [(extra.get("exit") or {}).get("url")],
            "theme.palette toggle name": [(p.get("toggle") or {}).get("name") for p in theme.get("palette") or []]}


def test_each_language_sets_the_words_its_settings_show(langs):
    """A further language that leaves one of these to mkdocs.yml shows the first language's
    words on every page (its mkdocs.<code>.yml sets them)."""
    first, *others = langs.values()
    theirs = shown_settings(first.config)
    for other in others:
        for key, values in shown_settings(other.config).items():
            same = [v for v in values if v and v in theirs[key]]
            assert not same, f"{other.code}: {key} is {same[0]!r}, as in {first.code}: set it in its own settings"


def test_no_first_language_setting_shows_on_another_languages_pages(site, langs):
    """The first language's names, exit page, toggle labels and search box name appear on no
    page of another language (its footer's attribution may name the original project)."""
    first, *others = langs.values()
    dialog = re.compile(r'data-md-component="search" role="dialog" aria-label="([^"]*)"')
    theirs_dialog = dialog.search(first.at(site, "index.html").read_text()).group(1)
    theirs = [v for values in shown_settings(first.config).values() for v in values if v]
    sheet = sorted(p.relative_to(first.at(site)).as_posix() for p in first.at(site, "worksheets").glob("*.html")
                   if p.name != "index.html")[0]
    for other in others:
        mine = shown_settings(other.config)
        for rel in ("index.html", "today.html", "help.html", "sos.html", sheet):
            html = other.at(site, rel).read_text()
            html = re.sub(r'<p class="nc-footer__licence">.*?</p>', "", html, flags=re.S)
            where = f"{other.prefix}{rel}"
            for value in theirs:
                assert escape(value) not in html, f"{where}: {value!r} from {first.code}'s settings"
            assert escape(mine["extra.clinic.name"][0], quote=False) in html, f"{where}: clinic name"
            assert f'href="{escape(mine["extra.exit.url"][0])}"' in html, f"{where}: exit page"
            label = dialog.search(html).group(1)
            assert label and label != theirs_dialog, f"{where}: the search box is named {label!r}, as in {first.code}"
