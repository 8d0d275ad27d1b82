"""`make serve`: an edit to a record shows on every page that uses it, an edit to a template or
to the engine shows without a restart, and a settings change rebuilds every page
(mkdocs serve --dirty, with macros/serve.py deciding what changed)."""
import os
import socket
import subprocess
import time
import urllib.request

from conftest import MKDOCS, copy_project, edit
from macros import yamlio
from macros.pages import day_src, html_of


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url):
    try:
        return urllib.request.urlopen(url, timeout=5).read().decode()
    except OSError:
        return ""


def _until(check, limit=30):
    end = time.time() + limit
    while time.time() < end:
        if check():
            return True
        time.sleep(0.1)
    return False


def test_serve_shows_edits_to_records_pages_templates_engine_and_settings(tmp_path, nc):
    project = copy_project(tmp_path / "p")
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    env = dict(os.environ, NC_PDF="false", NO_MKDOCS_2_WARNING="1")
    log = open(tmp_path / "serve.log", "w")
    server = subprocess.Popen([str(MKDOCS), "serve", "--dirty", "--no-strict", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    longest = max(nc.tracks)
    day = nc.tracks[longest][4]
    exercise = day["exercise"]
    try:
        assert _until(lambda: nc.strings.exit_label in _get(base)), (tmp_path / "serve.log").read_text()[-2000:]
        record = project / f"docs/_data/exercises/{exercise}.yml"
        edit(record, "summary: ", "summary: Zebrafoo. ")
        assert _until(lambda: "Zebrafoo" in _get(f"{base}exercises/{exercise}.html"))
        assert "Zebrafoo" in _get(base + "exercises/index.html"), "a hand-written page that lists records"
        assert "Zebrafoo" in _get(base + html_of(day_src(longest, day["n"]))), "a day that uses the exercise"
        assert "Zebrafoo" not in _get(base + "help.html")

        page = project / "docs/help.md"
        edit(page, "\n# ", "\n# Quuxbar ")
        assert _until(lambda: "Quuxbar" in _get(base + "help.html"))

        template = project / "overrides/nc/day.md"
        edit(template, "{{ day.title }}", "{{ day.title }} Wobble")
        assert _until(lambda: "Wobble" in _get(base + html_of(day_src(longest, 2)))), "a template edit, no restart"

        engine = project / "macros/pages.py"
        edit(engine, 'return f"{site.strings.fill(\'day_of\', n=n, length=length)}: ', 'return f"Flubber {site.strings.fill(\'day_of\', n=n, length=length)}: ')
        assert _until(lambda: "Flubber" in _get(base + html_of(day_src(longest, 3)))), "an engine edit, no restart"

        exit_url = yamlio.load(project / "mkdocs.yml")["extra"]["exit"]["url"]
        edit(project / "mkdocs.yml", f"url: {exit_url}", "url: https://example.org/weather")
        assert _until(lambda: "https://example.org/weather" in _get(base + "guide/index.html")), \
            "a settings change rebuilds every page"
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
