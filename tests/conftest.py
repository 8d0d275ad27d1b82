"""Shared fixtures. Tests read what they expect from the settings and strings of the checkout
they run in (`nc`), so `make test` passes on any valid fork: a clinic's CI is its safety net.

- `nc`: the checked settings, strings and tracks of this checkout (macros.content.load_site)
- `langs`, `lang`: each language of extra.languages (its settings, docs folder, checked content,
  and where its pages are in the built site); `lang` runs a test once per language
- `site`: one strict build of this checkout per session (with PDFs)
- `server`, `browser`, `web`: the built site on a local server, in headless Chromium
- `copy_project(dest)`, `build(project, out)`: throw-away copies and their builds
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from macros import yamlio  # noqa: E402
from macros.content import load_site  # noqa: E402

MKDOCS = Path(sys.executable).parent / "mkdocs"
# The browser: Debian's chromium here; on GitHub's Ubuntu runners the workflow sets
# NC_BROWSER to the preinstalled Google Chrome (Ubuntu's chromium is a snap that does not run
# reliably there).
CHROMIUM = os.environ.get("NC_BROWSER") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
PROJECT_PARTS = ["mkdocs.yml", "docs", "overrides", "macros"]


# The layout shift of a page, as Chromium measures it (not counting shifts after input).
LAYOUT_SHIFT = """() => new Promise(done => {
  let total = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
    .observe({type: 'layout-shift', buffered: true});
  setTimeout(() => done(total), 500);
})"""


def settings_of(project: Path = ROOT) -> dict:
    """`extra:` of a project's mkdocs.yml, read the way the build reads it."""
    return yamlio.load(project / "mkdocs.yml")["extra"]


def load(project: Path = ROOT):
    return load_site(project, settings_of(project))


@dataclass
class Lang:
    """One language of the site: `prefix` is where its pages are in the built site ("" for the
    first language, "es/" for Spanish), `docs` its pages' folder, `nc` its checked content."""
    code: str
    name: str
    prefix: str
    config: dict
    docs: Path
    nc: object

    def at(self, site: Path, rel: str = "") -> Path:
        return site / self.prefix / rel if rel else site / self.prefix


def language_list(project: Path = ROOT) -> list[dict]:
    """extra.languages of a project ({code, name, config}), the first at the site's root; a
    site with one language may leave it out."""
    langs = settings_of(project).get("languages") or []
    if langs:
        return langs
    code = (yamlio.load(project / "mkdocs.yml").get("theme") or {}).get("language", "en")
    return [{"code": code, "name": code, "config": "mkdocs.yml"}]


def load_language(project: Path, entry: dict, first: bool) -> Lang:
    config = yamlio.load_config(project / entry["config"])
    docs = project / config.get("docs_dir", "docs")
    return Lang(entry["code"], entry["name"], "" if first else entry["code"] + "/", config, docs,
                load_site(project, config.get("extra", {}), docs=docs))


LANG_CODES = [entry["code"] for entry in language_list()]
LANG_PREFIXES = ["" if i == 0 else f"{code}/" for i, code in enumerate(LANG_CODES)]
# Each language's pages folder (docs/, docs/es/...), known before the tests are collected.
LANG_DOCS = {e["code"]: ROOT / yamlio.load_config(ROOT / e["config"]).get("docs_dir", "docs") for e in language_list()}


def own_files(docs: Path) -> list[Path]:
    """The pages and records of one language: its folder's Markdown and YAML, not the assets
    and not another language's folder inside it."""
    docs = docs.resolve()
    others = {d.resolve() for d in LANG_DOCS.values() if docs in d.resolve().parents}  # docs/es inside docs/
    out = []
    for p in sorted(docs.rglob("*")):
        if p.suffix not in {".md", ".yml"} or not p.is_file() or "assets" in p.relative_to(docs).parts:
            continue
        if not any(o in p.resolve().parents for o in others) and p.name != "_translations.yml":
            out.append(p)
    assert out, f"no pages or records in {docs}"
    return out


@pytest.fixture(scope="session")
def langs() -> dict:
    """Every language of this checkout, by code, the first (the site's root) first."""
    return {e["code"]: load_language(ROOT, e, i == 0) for i, e in enumerate(language_list())}


@pytest.fixture(params=LANG_CODES)
def lang(request, langs) -> Lang:
    """Runs a test once for each language."""
    return langs[request.param]


def lang_of(page: Path, site: Path, langs: dict) -> Lang:
    """The language a built page belongs to (by its folder)."""
    top = page.relative_to(site).parts[0]
    return next((l for l in langs.values() if l.prefix and top == l.prefix.rstrip("/")), next(iter(langs.values())))


@pytest.fixture(scope="session")
def nc(langs):
    """This checkout's checked content (its first language): nc.settings, nc.strings, nc.tracks..."""
    return next(iter(langs.values())).nc


def build(project: Path, out: Path, pdf: bool = True) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project folder into `out`; returns the finished process."""
    env = dict(os.environ, NC_PDF="true" if pdf else "false", NO_MKDOCS_2_WARNING="1")
    return subprocess.run([str(MKDOCS), "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(out)],
                          capture_output=True, text=True, env=env, cwd=project)


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for extra in ROOT.glob("mkdocs.*.yml"):  # the settings of other languages
        shutil.copy2(extra, dest / extra.name)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


def warnings_of(proc) -> list[str]:
    return [line for line in proc.stderr.splitlines() if line.startswith("WARNING")]


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build") / "site"
    proc = build(ROOT, out)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert not warnings_of(proc), warnings_of(proc)
    return out


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts and p.name != "404.html")


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace text in a file; fail loudly when the text is not there (a test that edits
    nothing would pass for the wrong reason)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def set_tracks(project: Path, lengths) -> None:
    """Set extra.program.tracks in a project's mkdocs.yml (flow `[30, 60]` or block list)."""
    import re
    path = project / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    new, n = re.subn(r"^(\s*tracks:)[ \t]*(\[[^\]]*\]|\n(?:\s*-\s*\d+[^\n]*\n)+)",
                     lambda m: f"{m.group(1)} [{', '.join(map(str, lengths))}]" + ("" if m.group(2).startswith("[") else "\n"),
                     text, count=1, flags=re.M)
    assert n == 1, "no `tracks:` under extra.program in mkdocs.yml"
    path.write_text(new, encoding="utf-8")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(site):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    assert Path(CHROMIUM).exists(), ("no browser: run `make test` (it installs Debian's chromium), "
                                     "or set NC_BROWSER to a Chrome or Chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Page:
    """A fresh browser page that records every request to a host other than the site's own
    (and blocks it, so a test never leaves this machine), and every request of its own that
    failed."""

    def __init__(self, browser, base, **context_args):
        self.context = browser.new_context(**context_args)
        self.page = self.context.new_page()
        self.base = base
        self.foreign: list[str] = []
        self.dialogs: list[str] = []
        own = base.split("/")[2] if base.startswith("http") else None

        def route(r):
            url = r.request.url
            local = url.startswith(("data:", "blob:", "file:")) or (own and url.split("/")[2] == own)
            if local:
                r.continue_()
            else:
                self.foreign.append(url)
                r.fulfill(status=200, content_type="text/html", body="<title>elsewhere</title>elsewhere")

        self.context.route("**/*", route)
        self.missing: list[str] = []  # the site's own files that answered 400 or more
        self.context.on("response", lambda r: r.status >= 400 and self.missing.append(f"{r.status} {r.url}"))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def open(self, path=""):
        self.page.goto(self.base + path)
        return self.page

    def close(self):
        self.context.close()


@pytest.fixture
def web(browser, server):
    made = []

    def make(**kwargs):
        p = Page(browser, server, **kwargs)
        made.append(p)
        return p
    yield make
    for p in made:
        p.close()
