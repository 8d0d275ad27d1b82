"""`make serve`: an edit to a record shows on every page that uses it, and only there is
work redone (mkdocs serve --dirty with macros/hooks.py deciding what changed)."""
import os
import socket
import subprocess
import time
import urllib.request

from conftest import MKDOCS, copy_project


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


def test_serve_shows_a_record_edit_on_its_page_the_index_and_the_days(tmp_path):
    project = copy_project(tmp_path / "p")
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    env = dict(os.environ, NC_PDF="false", NO_MKDOCS_2_WARNING="1")
    log = open(tmp_path / "serve.log", "w")
    server = subprocess.Popen([str(MKDOCS), "serve", "--dirty", "--no-strict", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        assert _until(lambda: "Exit this page" in _get(base)), (tmp_path / "serve.log").read_text()[-2000:]
        day = next(n for n in range(1, 61) if "grounding.html" in _get(f"{base}program/60-days/day-{n:02d}.html"))
        record = project / "docs/_data/exercises/grounding.yml"
        record.write_text(record.read_text().replace("summary: ", "summary: Zebrafoo. ", 1))
        assert _until(lambda: "Zebrafoo" in _get(base + "exercises/grounding.html"))
        assert "Zebrafoo" in _get(base + "exercises/index.html"), "a hand-written page that lists records"
        assert "Zebrafoo" in _get(f"{base}program/60-days/day-{day:02d}.html"), "a day that uses the exercise"
        assert "Zebrafoo" not in _get(base + "guide/the-rules.html")
        page = project / "docs/guide/coping.md"
        page.write_text(page.read_text().replace("\n# ", "\n# Quuxbar ", 1))
        assert _until(lambda: "Quuxbar" in _get(base + "guide/coping.html"))
        settings = project / "mkdocs.yml"
        settings.write_text(settings.read_text().replace("exit_label", "exit_label").replace(
            "url: https://www.bbc.co.uk/weather", "url: https://example.org/weather"))
        assert _until(lambda: "https://example.org/weather" in _get(base + "guide/the-rules.html")), \
            "a settings change rebuilds every page"
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
