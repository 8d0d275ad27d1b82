"""MkDocs hook: each event a few lines that hand the work to the engine.

- on_config: check every setting and record (all mistakes at once) and publish the result.
- on_files: add the pages of the page table (macros/pages.py) and the one stylesheet.
- on_env: let the theme's templates call the project's partials (macros/theme.py).
- on_post_page: the finishing touches (macros/postprocess.py).
- on_post_build: the PDFs (macros/pdf.py).
- A `mkdocs build` writes into a fresh folder beside the site folder and puts it in place only
  when the whole build passed, so a failed build never touches the published site.

Registered in mkdocs.yml under `hooks:`.
"""
from __future__ import annotations

import gzip
import hashlib
import logging
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel
ROOT = Path(__file__).resolve().parent.parent


class E:
    """The engine's modules. MkDocs loads this hook once per process, so `mkdocs serve`
    loads the engine afresh before each rebuild: an edit under macros/ shows without a
    restart (mkdocs.yml watches macros/ and overrides/)."""

    @classmethod
    def load(cls, fresh: bool = False):
        if str(ROOT) not in sys.path:  # MkDocs puts sys.path back after loading a hook
            sys.path.insert(0, str(ROOT))
        if fresh:
            for name in [m for m in sys.modules if m == "macros" or m.startswith("macros.")]:
                del sys.modules[name]
        import macros.content
        import macros.pages
        import macros.pdf
        import macros.postprocess
        import macros.site
        import macros.templates
        import macros.theme
        cls.content, cls.pages, cls.pdf = macros.content, macros.pages, macros.pdf
        cls.postprocess, cls.site, cls.templates, cls.theme = macros.postprocess, macros.site, macros.templates, macros.theme


E.load()

# mkdocs-macros asks git a dozen questions at every build (the `git` variable, which no page
# here uses): a dozen processes, a tenth of a second of each build.
try:
    import mkdocs_macros.context as _macros_context
    _macros_context.get_git_info = lambda: {"status": False, "date": None}
except ImportError:  # another version: leave it be
    pass

log = logging.getLogger("mkdocs.plugins.nc")


class _State:
    """MkDocs loads this hook once per process: the state lives as long as `mkdocs serve`."""
    command = None     # build, serve or gh-deploy (on_startup)
    dirty = False
    digests: dict = {}  # `mkdocs serve --dirty`: what each generated page held last time
    nested = 0         # > 0 while the main build builds another language's site inside its own
    staging = None     # the fresh folder a build writes into
    target = None      # the site folder it replaces when the build passed
    passed = False


# ---------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------


def on_startup(command, dirty):
    _State.command, _State.dirty = command, dirty


@event_priority(100)  # before the macros plugin, which reads what this publishes
def on_config(config):
    E.load(fresh=_State.command == "serve")
    try:
        site = E.content.load_site(Path(config.config_file_path).parent, config.extra, docs=Path(config.docs_dir))
    except E.content.ContentError as exc:
        raise PluginError(f"Content check failed: {exc}") from None
    for notice in site.notices:
        log.info(f"Reminder: {notice}")
        if os.environ.get("GITHUB_ACTIONS"):
            print(f"::warning title=Check due::{notice}")
    config.extra["nc"] = E.site.Build(site, E.templates.environment(ROOT / "overrides"))
    if _State.command == "build" and not _State.dirty and not _State.nested:
        _stage(config)
    return config


def on_files(files, config):
    build = E.site.build_of(config)
    made = []
    for page in E.pages.page_table(build.site, build.pdf):
        text = E.pages.render_page(build.env, build.site, page)
        made.append(_Generated.generated(config, page.src, content=text, inclusion=InclusionLevel.NOT_IN_NAV))
    before = list(files)
    for f in made:
        files.append(f)
    files.append(File.generated(config, "assets/css/site.css", content=_site_css(config, build.site.settings)))
    main_docs = ROOT / "docs"
    if Path(config.docs_dir).resolve() != main_docs.resolve():  # another language: a clinic's own
        for path in sorted((main_docs / "assets").rglob("*")):  # images in docs/assets/ (a logo)
            rel = path.relative_to(main_docs).as_posix()
            if path.is_file() and not (Path(config.docs_dir) / rel).is_file():
                if files.get_file_from_path(rel):  # the theme's default (favicon.svg): the clinic's wins
                    files.remove(files.get_file_from_path(rel))
                files.append(File(rel, str(main_docs), config.site_dir, config.use_directory_urls))
    if _State.command == "serve" and _State.dirty:
        _expire_changed_pages(config, before, made)
    return files


def on_env(env, config, files):
    env.bytecode_cache = E.templates.bytecode_cache()
    env.globals["nc"] = E.theme.ThemeParts(E.site.build_of(config), ROOT / "overrides" / "assets" / "js",
                                           config.theme["language"])
    return env


def on_post_page(output, page, config):
    return E.postprocess.add_csp(E.postprocess.tidy_theme_html(output))


def on_post_build(config):
    not_found = Path(config.site_dir) / "404.html"
    if not_found.exists():
        not_found.write_text(E.postprocess.add_csp(E.postprocess.tidy_theme_html(not_found.read_text(encoding="utf-8"))),
                             encoding="utf-8")
    build = E.site.build_of(config)
    if build.pdf:
        try:
            E.pdf.write_all(build, Path(config.site_dir) / "worksheets" / "pdf",
                          ROOT / "overrides" / "assets" / "css" / "nc-sheet.css", config.theme["language"])
        except E.content.ContentError as exc:
            raise PluginError(f"PDF check failed: {exc}") from None
    if _State.nested:
        return
    if _State.command != "serve":
        _build_other_languages(config, build)
        _link_languages_in_sitemaps(config, build)
    _State.passed = _State.staging is not None and not _warnings.count


def on_shutdown():
    _finish_staging()


def on_serve(server, config, builder):
    """Look for edits every 0.1 s instead of MkDocs' 0.5 s, so `make serve` reloads in
    well under a second (its file watcher polls; the folders are small)."""
    try:
        server.observer._timeout = 0.1
        for path in list(server._watched_paths):
            server.unwatch(path)
            server.watch(path)
    except (AttributeError, KeyError):  # another MkDocs or watchdog version: keep its defaults
        pass
    return server


# ---------------------------------------------------------------------------
# Other languages: one build each, inside the main build (its own pages, search index, PDFs)
# ---------------------------------------------------------------------------


def _build_other_languages(config, build):
    """Each further language of extra.languages: its own settings file (which INHERITs
    mkdocs.yml), built into <site>/<code>/ before the main build counts as passed."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    for lang in build.site.settings["languages"][1:]:
        log.info(f"Building the {lang['name']} site ({lang['config']}) into {lang['code']}/")
        other = load_config(config_file=str(ROOT / lang["config"]), site_dir=str(Path(config.site_dir) / lang["code"]),
                            strict=config.strict, site_url=_site_url_of(config, lang["code"]))
        _State.nested += 1
        try:
            mkdocs_build(other)
        finally:
            _State.nested -= 1


def _site_url_of(config, code: str) -> str | None:
    """A further language's address: <site_url><code>/ (its canonical links and sitemap), or
    none while site_url is unset."""
    return f"{config.site_url.rstrip('/')}/{code}/" if config.site_url else None


def _link_languages_in_sitemaps(config, build):
    """Once every language is built: each sitemap names the same page in the other languages
    (hreflang). Search engines need full addresses, so only when site_url is set."""
    languages = build.site.settings["languages"]
    if not config.site_url or len(languages) < 2:
        return
    root = Path(config.site_dir)
    sites = [(languages[0]["code"], config.site_url if config.site_url.endswith("/") else config.site_url + "/", root)]
    sites += [(lang["code"], _site_url_of(config, lang["code"]), root / lang["code"]) for lang in languages[1:]]
    maps = {code: (folder / "sitemap.xml").read_text(encoding="utf-8") for code, _, folder in sites}
    paths = {code: {loc[len(url):] for loc in re.findall(r"<loc>([^<]*)</loc>", maps[code]) if loc.startswith(url)}
             for code, url, _ in sites}
    table = [(code, url, paths[code]) for code, url, _ in sites]
    for code, url, folder in sites:
        text = E.postprocess.sitemap_with_alternates(maps[code], url, table)
        (folder / "sitemap.xml").write_text(text, encoding="utf-8")
        (folder / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


# ---------------------------------------------------------------------------
# A build never touches the published site until it has passed
# ---------------------------------------------------------------------------


class _WarningCount(logging.Handler):
    """Counts the warnings a strict build fails on (MkDocs counts them the same way)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


_warnings = _WarningCount()


def _stage(config):
    target = Path(config.site_dir).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-building-", dir=target.parent))
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(staging, 0o777 & ~umask)  # a site folder a web server can read, like one MkDocs makes
    _State.staging, _State.target, _State.passed = staging, target, False
    config.site_dir = str(staging)
    if config.strict:
        logging.getLogger("mkdocs").addHandler(_warnings)


def _finish_staging():
    staging, target = _State.staging, _State.target
    if staging is None:
        return
    logging.getLogger("mkdocs").removeHandler(_warnings)
    _State.staging = None
    if not _State.passed:
        shutil.rmtree(staging, ignore_errors=True)
        if target.exists():
            print(f"The build failed, so {target} was left as it was.", file=sys.stderr)
        return
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}-old-{os.getpid()}")
        target.rename(old)
    staging.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    log.info(f"The site is in {target}")


# ---------------------------------------------------------------------------
# `make serve` (mkdocs serve --dirty): rebuild only the pages an edit changed
# ---------------------------------------------------------------------------


class _Generated(File):
    """A page made from the records. With `mkdocs serve --dirty` it counts as changed only
    when its built file is gone: _expire_changed_pages removes the ones whose text changed."""

    def is_modified(self) -> bool:
        return not os.path.isfile(self.abs_dest_path)


def _digest(*parts) -> str:
    h = hashlib.sha1()
    for part in parts:
        h.update(part if isinstance(part, bytes) else str(part).encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def _expire_changed_pages(config, files, made):
    """Delete the built pages whose content changed, so MkDocs rebuilds just those. Generated
    pages are compared by their text; hand-written pages that call macros are rebuilt when any
    record changes; a change to the settings, the templates, the engine or the set of pages
    rebuilds everything."""
    previous = _State.digests
    data_dir = Path(config.docs_dir) / "_data"
    code = [p for folder in ("overrides", "macros") for p in sorted((ROOT / folder).rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts]
    everything = _digest(Path(config.config_file_path).read_bytes(), *(p.read_bytes() for p in code),
                         *(f.src_uri for f in files), *(f.src_uri for f in made))
    data = _digest(*(p.read_bytes() for p in sorted(data_dir.rglob("*")) if p.is_file()))
    now = {f.src_uri: _digest(f.content_bytes) for f in made}
    if previous.get("*") != everything:
        stale = [f.abs_dest_path for f in files if f.is_documentation_page()] + [f.abs_dest_path for f in made]
    else:
        stale = [f.abs_dest_path for f in made if previous.get(f.src_uri) != now[f.src_uri]]
        if previous.get("data") != data:
            stale += [f.abs_dest_path for f in files if f.is_documentation_page()
                      and "{{" in Path(f.abs_src_path).read_text(encoding="utf-8")]
    _State.digests = dict(now, **{"*": everything, "data": data})
    for path in stale:
        if os.path.isfile(path):
            os.remove(path)


def _site_css(config, settings):
    """One stylesheet for the pages (one request on the critical path): the clinic's colours,
    the worksheet styles (overrides/assets/css/nc-sheet.css, which the PDFs use too) and the
    site's own styles (overrides/assets/css/nc.css)."""
    css = ROOT / "overrides" / "assets" / "css"
    return "\n".join([E.site.build_of(config).render("nc/colors.css.html", colors=settings["colors"]),
                      (css / "nc-sheet.css").read_text(encoding="utf-8"),
                      (css / "nc.css").read_text(encoding="utf-8")])
