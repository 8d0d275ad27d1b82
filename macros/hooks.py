"""MkDocs hook: check the content, add the pages made from records, lock down each page.

Registered in mkdocs.yml under `hooks:`. It stays thin: the checks live in content.py, the
page text in render.py (through the macros each page stub calls), the PDFs in pdf.py.
"""
import base64
import hashlib
import json
import os
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import pdf_enabled, render  # noqa: E402
from macros.content import ContentError  # noqa: E402
from macros.site import SERVE_STATE, site_for  # noqa: E402

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


def on_startup(command, dirty):
    SERVE_STATE["dirty"] = dirty and command == "serve"


def on_serve(server, config, builder):
    """Look for edits every 0.1 s instead of MkDocs' 0.5 s, so `make serve` reloads in
    well under a second (its file watcher polls; the docs folder is small)."""
    try:
        server.observer._timeout = 0.1
        for path in list(server._watched_paths):
            server.unwatch(path)
            server.watch(path)
    except (AttributeError, KeyError):  # another MkDocs or watchdog version: keep its defaults
        pass
    return server


def on_files(files, config):
    site = site_for(config)
    made = []
    for src, title, body, searchable, produce in _pages(site, pdf_enabled(config)):
        made.append((_Generated.generated(config, src, content=_stub(title, body, searchable),
                                          inclusion=InclusionLevel.NOT_IN_NAV), title, produce))
    files_before = [f for f in files]
    for f, _, _ in made:
        files.append(f)
    files.append(File.generated(config, "assets/css/site.css", content=_site_css(config, site.settings)))
    if SERVE_STATE.get("dirty"):
        _expire_changed_pages(config, files_before, made)
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


def _pages(site, pdf):
    """(src path, title, macro call, searchable, producer) for every page made from the
    records; the producer gives the page's Markdown (the same the macro returns).
    Day pages are searchable in the longest track only: the shorter tracks hold the same
    days, and indexing them twice would double the search index every page loads."""
    longest = max(site.tracks)
    for length, days in site.tracks.items():
        yield (render.track_src(length), render.fmt(site.strings, "track_title", length=length),
               f"track_overview({length})", True, lambda length=length: render.track_overview_md(site, length))
        for d in days:
            yield (render.day_src(length, d["n"]), render.day_title(site, length, d["n"]),
                   f"day_page({length}, {d['n']})", length == longest,
                   lambda length=length, n=d["n"]: render.day_md(site, length, n))
    for kind, table, macro, fn in (("exercises", site.exercises, "exercise_page", render.exercise_md),
                                   ("scripts", site.scripts, "script_page", render.script_md),
                                   ("worksheets", site.worksheets, "worksheet_page",
                                    lambda site_, rid: render.worksheet_md(site_, rid, pdf))):
        for rid, rec in table.items():
            yield (render.record_src(kind, rid), rec["title"], f"{macro}({json.dumps(rid)})", True,
                   lambda fn=fn, rid=rid: fn(site, rid))


class _Generated(File):
    """A page made from the records. With `mkdocs serve --dirty` it counts as changed only
    when its built file is gone: _expire_changed_pages removes the ones whose text changed."""

    def is_modified(self) -> bool:
        return not os.path.isfile(self.abs_dest_path)


def _digest(*parts) -> str:
    h = hashlib.sha1()
    for part in parts:
        h.update(str(part).encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def _expire_changed_pages(config, files, made):
    """For `mkdocs serve --dirty`: delete the built pages whose content changed, so MkDocs
    rebuilds just those. Generated pages are compared by their text; hand-written pages
    that call macros are rebuilt when any record changes; a change to the settings, the
    templates or the set of pages rebuilds everything."""
    root = Path(config["config_file_path"]).parent
    data_dir = Path(config["docs_dir"]) / "_data"
    everything = _digest(Path(config["config_file_path"]).read_text(encoding="utf-8"),
                         *(p.read_bytes() for p in sorted((root / "overrides").rglob("*")) if p.is_file()),
                         *(f.src_uri for f in files), *(f.src_uri + t for f, t, _ in made))
    data = _digest(*(p.read_bytes() for p in sorted(data_dir.rglob("*")) if p.is_file()))
    previous = SERVE_STATE.setdefault("digests", {})
    stale = []
    if previous.get("*") != everything:
        stale = [f.abs_dest_path for f in files if f.is_documentation_page()] + [f.abs_dest_path for f, _, _ in made]
    else:
        for f, title, produce in made:
            digest = _digest(title, produce())
            if previous.get(f.src_uri) != digest:
                stale.append(f.abs_dest_path)
            previous[f.src_uri] = digest
        if previous.get("data") != data:
            stale += [f.abs_dest_path for f in files if f.is_documentation_page()
                      and "{{" in Path(f.abs_src_path).read_text(encoding="utf-8")]
    if previous.get("*") != everything:
        for f, title, produce in made:
            previous[f.src_uri] = _digest(title, produce())
    previous["*"], previous["data"] = everything, data
    for path in stale:
        if os.path.isfile(path):
            os.remove(path)


def _stub(title, call, searchable=True):
    search = "" if searchable else "search:\n  exclude: true\n"
    return f"---\ntitle: {json.dumps(title)}\n{search}---\n\n{{{{ {call} }}}}\n"


def _site_css(config, settings):
    """One stylesheet for the pages (one request on the critical path): the clinic's colours,
    the worksheet styles (docs/assets/css/nc-sheet.css, which the PDFs use too) and the
    site's own styles (docs/assets/css/nc.css)."""
    css = Path(config["docs_dir"]) / "assets" / "css"
    return "\n".join([_clinic_css(settings), (css / "nc-sheet.css").read_text(encoding="utf-8"),
                      (css / "nc.css").read_text(encoding="utf-8")])


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
