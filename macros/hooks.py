"""MkDocs hook: check the content, add the pages made from records, lock down each page.

Registered in mkdocs.yml under `hooks:`. It stays thin: the checks live in content.py, the
page text in render.py (through the macros each page stub calls), the PDFs in pdf.py.
"""
import base64
import hashlib
import json
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import pdf_enabled, render  # noqa: E402
from macros.content import ContentError  # noqa: E402
from macros.site import site_for  # noqa: E402

# ---------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------


@event_priority(100)  # before the macros plugin, so a mistake is reported as itself
def on_config(config):
    try:
        site = site_for(config)
    except ContentError as exc:
        raise PluginError(f"Content check failed: {exc}") from None
    config.extra["nc_strings"] = site.strings
    config.extra["nc_emergency"] = render.emergency_text(site.settings)
    return config


def on_files(files, config):
    site = site_for(config)
    for src, title, body, searchable in _pages(site):
        files.append(File.generated(config, src, content=_stub(title, body, searchable),
                                    inclusion=InclusionLevel.NOT_IN_NAV))
    files.append(File.generated(config, "assets/css/clinic.css", content=_clinic_css(site.settings)))
    return files


def on_post_page(output, page, config):
    return add_csp(tidy_theme_html(output))


def on_post_build(config):
    not_found = Path(config["site_dir"]) / "404.html"
    if not_found.exists():
        not_found.write_text(add_csp(tidy_theme_html(not_found.read_text(encoding="utf-8"))), encoding="utf-8")
    if not pdf_enabled(config):
        return
    from macros import pdf
    pdf.write_all(site_for(config), Path(config["site_dir"]) / "worksheets" / "pdf",
                  Path(config["docs_dir"]) / "assets" / "css" / "nc-sheet.css", config["theme"]["language"])

# ---------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------


def _pages(site):
    """(src path, title, macro call, searchable) for every page made from the records.
    Day pages are searchable in the longest track only: the shorter tracks hold the same
    days, and indexing them twice would double the search index every page loads."""
    longest = max(site.tracks)
    for length, days in site.tracks.items():
        yield render.track_src(length), render.fmt(site.strings, "track_title", length=length), f"track_overview({length})", True
        for d in days:
            yield (render.day_src(length, d["n"]), render.day_title(site, length, d["n"]),
                   f"day_page({length}, {d['n']})", length == longest)
    for kind, table, macro in (("exercises", site.exercises, "exercise_page"),
                               ("scripts", site.scripts, "script_page"),
                               ("worksheets", site.worksheets, "worksheet_page")):
        for rid, rec in table.items():
            yield render.record_src(kind, rid), rec["title"], f"{macro}({json.dumps(rid)})", True


def _stub(title, call, searchable=True):
    search = "" if searchable else "search:\n  exclude: true\n"
    return f"---\ntitle: {json.dumps(title)}\n{search}---\n\n{{{{ {call} }}}}\n"


def _clinic_css(settings):
    c = settings["colors"]
    return (":root,[data-md-color-scheme=default]{"
            f"--md-primary-fg-color:{c['primary']};--md-primary-fg-color--dark:{c['primary']};"
            f"--md-accent-fg-color:{c['accent']};--nc-accent:{c['accent']};--md-typeset-a-color:{c['primary']}}}\n"
            "[data-md-color-scheme=slate]{"
            f"--md-primary-fg-color:{c['primary']};--md-primary-fg-color--dark:{c['primary']};--nc-accent:{c['accent']}}}\n")


def tidy_theme_html(page_html: str) -> str:
    """Four spots in the theme's markup that the HTML validator rejects; the behaviour stays."""
    page_html = re.sub(r'(<label[^>]*?) tabindex=""', r"\1", page_html)
    page_html = re.sub(r'(<input[^>]*type="(?:checkbox|radio)"[^>]*?) autocomplete="off"', r"\1", page_html)
    page_html = re.sub(r'(<input[^>]*?) autocomplete="off"([^>]*type="(?:checkbox|radio)")', r"\1\2", page_html)
    page_html = page_html.replace(' autocorrect="off"', "")
    # Toggles the theme hides with CSS (.md-toggle); a `hidden` attribute breaks their labels.
    page_html = re.sub(r'(<input class="md-nav__toggle md-toggle"[^>]*?) hidden', r"\1", page_html)
    # The search box is a dialog; give it a name (axe and Lighthouse: aria-dialog-name).
    page_html = page_html.replace('data-md-component="search" role="dialog">',
                                  'data-md-component="search" role="dialog" aria-label="Search">', 1)
    if 'id="__toc"' not in page_html:
        page_html = page_html.replace('<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">')
    return page_html


_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.S)


def add_csp(page_html: str) -> str:
    """A Content-Security-Policy that allows only the site's own files, and the theme's few
    inline scripts by their hash."""
    hashes = sorted({"'sha256-" + base64.b64encode(hashlib.sha256(m.group(1).encode()).digest()).decode() + "'"
                     for m in _INLINE_SCRIPT.finditer(page_html)})
    policy = ("default-src 'self'; script-src 'self' " + " ".join(hashes) +
              "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
              "connect-src 'self'; worker-src 'self' blob:; frame-src 'self'; object-src 'none'; "
              "base-uri 'self'; form-action 'none'")
    meta = (f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
            '<meta name="referrer" content="no-referrer">')
    return page_html.replace('<meta charset="utf-8">', '<meta charset="utf-8">' + meta, 1)
