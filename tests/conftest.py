"""Shared fixtures: one strict build of the real site per session, a local server for it,
headless Chromium (Debian's package, driven by Playwright), and throw-away project copies."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = Path(sys.executable).parent / "mkdocs"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
PROJECT_PARTS = ["mkdocs.yml", "docs", "overrides", "macros"]


def build(project: Path, out: Path, pdf: bool = True) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project folder into `out`; returns the finished process."""
    env = dict(os.environ, NC_PDF="true" if pdf else "false", NO_MKDOCS_2_WARNING="1")
    return subprocess.run([str(MKDOCS), "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(out)],
                          capture_output=True, text=True, env=env, cwd=project)


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build") / "site"
    proc = build(ROOT, out)
    assert proc.returncode == 0, proc.stderr[-3000:]
    warnings = [l for l in proc.stderr.splitlines() if l.startswith("WARNING")]
    assert not warnings, warnings
    return out


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts and p.name != "404.html")


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
    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: run `make test` (it installs it) or apt-get install chromium"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Page:
    """A fresh browser page that records every request to a host other than the site's own
    (and blocks it, so a test never leaves this machine)."""

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
