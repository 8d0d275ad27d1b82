"""Benchmarks for the site. Not a pytest test: `make bench` runs it as a script.

    .venv/bin/python tools/benchmark.py            # full run (5 builds per measure), writes BENCHMARKS.md
    .venv/bin/python tools/benchmark.py --quick    # 2 runs per measure, for development
    .venv/bin/python tools/benchmark.py --only build,serve --no-write

Measures, each on a throw-away copy of the project (never on the working tree):

  build   full `mkdocs build --strict` (NC_PDF=false): time and peak memory, against a stock
          Material site with the same number of pages and words per page
  engine  the same, against stock Material building this site's own Markdown (every page as
          the engine makes it, with the same Markdown extensions): the engine's own cost
  tracks  build time for 30-, 60- and 90-day tracks, with the number of pages
  serve   `mkdocs serve`: time from saving a content file to the page showing the change
  pages   per page type: bytes and requests in headless Chromium (first visit, and a second
          visit with a warm cache), and Lighthouse (mobile) scores, median of 3 runs
  pdf     worksheet and workbook PDFs: macros.pdf.write_all, timed directly

It prints one table per measure and a summary of the goals, and rewrites the "Latest run"
section of BENCHMARKS.md (the hand-written intro above it is kept).
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import html
import http.server
import json
import os
import platform
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS, MKDOCS, PROJECT_PARTS, ROOT, copy_project, load, pages  # noqa: E402

REPORT = ROOT / "BENCHMARKS.md"
LATEST = "## Latest run"
LIGHTHOUSE = "lighthouse@12.2.3"
TRACK_LENGTHS = [30, 60, 90]
SERVE_REPEATS = 3
PAGE_TYPES = [  # (page type, path in the built site)
    ("Home", "index.html"),
    ("Guide page", "guide/the-rules.html"),
    ("Day page", "program/30-days/day-07.html"),
    ("Track overview", "program/30-days/index.html"),
    ("Script", "scripts/tell-partner.html"),
    ("Exercise", "exercises/grounding.html"),
    ("SOS", "sos.html"),
    ("Worksheet", "worksheets/my-reasons.html"),
    ("Help", "help.html"),
    ("Today", "today.html"),
    ("Find your path", "start.html"),
    ("Day page, Spanish", "es/program/30-days/day-07.html"),
]
FIRST_VISIT = "program/30-days/day-07.html"   # the page the weight goals are about
REPEAT_VISIT = "program/30-days/day-08.html"  # the next day, with the cache warm
LIGHTHOUSE_RUNS = 3
GOALS = {"build_ratio": 1.3, "engine_ratio": 1.15, "reload_s": 1.0, "score": 100, "pdf_s": 10.0,
         "first_kib": 90, "repeat_kib": 15, "cls": 0.0}
LOREM = ("you are not alone it is fine to take time each day small steps help when the urge comes "
         "write down what you feel call a friend go for a walk breathe slowly notice the room rest "
         "drink water the feeling will pass plan your day keep your reasons close ask for help sleep "
         "eat well move your body name the feeling be kind to yourself today counts").split()


# ---------------------------------------------------------------------------
# Helpers: processes, tables, the machine
# ---------------------------------------------------------------------------

def env_with(**values) -> dict:
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", **values)


class Run(NamedTuple):
    s: float    # wall-clock seconds
    cpu: float  # CPU seconds (user + system): less sensitive than wall time to other processes
    mib: int    # peak resident memory


def run_measured(cmd: list[str], env: dict, cwd: Path) -> tuple[Run, int, str]:
    """Run a command; return its Run figures, exit code and stderr tail. os.wait4 gives the
    resource usage of that one child, so neither psutil nor /usr/bin/time is needed."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        err.seek(0)
        tail = err.read().decode(errors="replace")[-2000:]
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024), code, tail


def mkdocs_build(project: Path, out: Path, pdf: bool = False, strict: bool = True, extra_env: dict | None = None) -> Run:
    """A build of `project` into `out` (strict unless told). Raises when the build fails."""
    cmd = [str(MKDOCS), "build", *(["--strict"] if strict else []), "-f", str(project / "mkdocs.yml"), "-d", str(out)]
    run, code, tail = run_measured(cmd, env_with(NC_PDF="true" if pdf else "false", **(extra_env or {})), project)
    if code != 0:
        raise RuntimeError(f"mkdocs build failed in {project}:\n{tail}")
    return run


def median(values):
    return statistics.median(values) if values else float("nan")


def table(title: str, header: list[str], rows: list[list], note: str = "") -> str:
    """A Markdown table, printed as it is written to BENCHMARKS.md."""
    lines = [f"### {title}", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    if note:
        lines += ["", note]
    return "\n".join(lines) + "\n"


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "unknown"
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError):
        pass

    def version(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip() or "?"
        except (OSError, subprocess.SubprocessError):
            return "not found"

    return {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus (nproc)": len(os.sched_getaffinity(0)),
        "cpu": cpu,
        "memory": mem,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "mkdocs": metadata.version("mkdocs"),
        "mkdocs-material": metadata.version("mkdocs-material"),
        "mkdocs-macros-plugin": metadata.version("mkdocs-macros-plugin"),
        "weasyprint": metadata.version("weasyprint"),
        "chromium": version([CHROMIUM, "--version"]),
        "node": version(["node", "--version"]),
        "commit": version(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
        + (" (the site has uncommitted changes)" if version(["git", "-C", str(ROOT), "status", "--porcelain", "--",
                                                              *PROJECT_PARTS]) not in ("?", "not found") else ""),
    }


def page_text_words(page: Path) -> int:
    """Words of a built page's article (the content, not the theme's header, nav and footer)."""
    text = page.read_text(encoding="utf-8")
    m = re.search(r'<article class="md-content__inner[^"]*"[^>]*>(.*?)</article>', text, re.S)
    body = m.group(1) if m else text
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    body = html.unescape(re.sub(r"<[^>]+>", " ", body))
    return len(re.findall(r"[A-Za-z0-9][A-Za-z0-9'’-]*", body))


def set_tracks(project: Path, lengths: list[int]) -> None:
    cfg = project / "mkdocs.yml"
    text, n = re.subn(r"(?m)^(\s*tracks:\s*)\[[^\]]*\]", lambda m: m.group(1) + str(lengths), cfg.read_text())
    if n != 1:
        raise RuntimeError("mkdocs.yml: could not find `tracks: [...]` under extra.program")
    cfg.write_text(text)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------------------
# 1. Full build against a stock Material site
# ---------------------------------------------------------------------------

def make_stock_site(dest: Path, n_pages: int, words_per_page: int) -> Path:
    """A plain Material site: `n_pages` Markdown pages of lorem-like words, search plugin only."""
    rng = random.Random(11)
    docs = dest / "docs"
    docs.mkdir(parents=True)
    (dest / "mkdocs.yml").write_text("site_name: Stock site\ntheme:\n  name: material\n  font: false\n"
                                     "plugins:\n  - search\n")
    for i in range(n_pages):
        name = "index.md" if i == 0 else f"page-{i:03d}.md"
        parts, left, para = [f"# Page {i}\n"], words_per_page, 0
        while left > 0:
            n = min(left, 60)
            if para and para % 3 == 0:
                parts.append(f"## Part {para // 3}\n")
            words = [rng.choice(LOREM) for _ in range(n)]
            parts.append(" ".join(words).capitalize() + ".\n")
            left -= n
            para += 1
        (docs / name).write_text("\n".join(parts))
    return dest


def first_language_only(project: Path) -> Path:
    """Keep only the first language of extra.languages: measures 1, 1b, 2 and 3 compare one
    site with one stock site (each further language is one more build of the same size,
    measured as a whole in table 1)."""
    cfg = project / "mkdocs.yml"
    text = cfg.read_text(encoding="utf-8")
    new = re.sub(r"^(  languages:[^\n]*\n    - [^\n]*\n)(?:    - [^\n]*\n)*", r"\1", text, count=1, flags=re.M)
    cfg.write_text(new, encoding="utf-8")
    return project


def bench_build(tmp: Path, runs: int) -> dict:
    every = copy_project(tmp / "every-language")
    project = first_language_only(copy_project(tmp / "project"))
    out = tmp / "project-site"
    ours = [mkdocs_build(project, out)]  # one build first, to size the stock site
    built = pages(out)
    words = round(statistics.mean(page_text_words(p) for p in built))

    stock = make_stock_site(tmp / "stock", len(built), words)
    stock_out = tmp / "stock-site"
    theirs = [mkdocs_build(stock, stock_out)]
    for _ in range(runs - 1):  # alternate, so a busy spell on the machine weighs on both sides
        ours.append(mkdocs_build(project, out))
        theirs.append(mkdocs_build(stock, stock_out))
    whole = [mkdocs_build(every, tmp / "every-site") for _ in range(max(1, runs // 2))]
    cold = [mkdocs_build(project, out, extra_env={"NC_TEMPLATE_CACHE": "off"}) for _ in range(max(1, runs // 2))]
    stock_pages = pages(stock_out)
    stock_words = round(statistics.mean(page_text_words(p) for p in stock_pages))

    r = {
        "runs": runs, "pages": len(built), "words": words, "stock_pages": len(stock_pages), "stock_words": stock_words,
        "ours_s": median([b.s for b in ours]), "ours_cpu": median([b.cpu for b in ours]),
        "ours_mib": median([b.mib for b in ours]), "ours_all": [b.s for b in ours],
        "stock_s": median([b.s for b in theirs]), "stock_cpu": median([b.cpu for b in theirs]),
        "stock_mib": median([b.mib for b in theirs]), "stock_all": [b.s for b in theirs],
    }
    r["ratio"] = r["ours_s"] / r["stock_s"]
    r["cpu_ratio"] = r["ours_cpu"] / r["stock_cpu"]
    r["mem_ratio"] = r["ours_mib"] / r["stock_mib"]
    r.update(every_pages=len(pages(tmp / "every-site")), every_s=median([b.s for b in whole]),
             every_cpu=median([b.cpu for b in whole]), every_mib=median([b.mib for b in whole]),
             every_all=[b.s for b in whole])
    r.update(cold_s=median([b.s for b in cold]), cold_cpu=median([b.cpu for b in cold]),
             cold_mib=median([b.mib for b in cold]), cold_all=[b.s for b in cold])
    return r


def table_build(r: dict) -> str:
    def runs(xs):
        return ", ".join(f"{x:.2f}" for x in xs)
    rows = [["This site (NC_PDF=false)", r["pages"], r["words"], f"{r['ours_s']:.2f}", f"{r['ours_cpu']:.2f}",
             r["ours_mib"], runs(r["ours_all"])],
            ["Stock Material, same size", r["stock_pages"], r["stock_words"], f"{r['stock_s']:.2f}",
             f"{r['stock_cpu']:.2f}", r["stock_mib"], runs(r["stock_all"])],
            ["**Ratio**", "", "", f"**{r['ratio']:.2f}×**", f"{r['cpu_ratio']:.2f}×", f"{r['mem_ratio']:.2f}×", ""],
            ["This site, every language (what `make build` does, PDFs off)", r["every_pages"], "",
             f"{r['every_s']:.2f}", f"{r['every_cpu']:.2f}", r["every_mib"], runs(r["every_all"])],
            ["This site, every template compiled afresh (NC_TEMPLATE_CACHE=off)", r["pages"], r["words"],
             f"{r['cold_s']:.2f}", f"{r['cold_cpu']:.2f}", r["cold_mib"], runs(r["cold_all"])]]
    note = (f"Median of {r['runs']} runs each (the two sites alternate) of `mkdocs build --strict`, timed as a "
            "whole process (start-up and imports included). CPU s is user + system time of the build process, "
            "which another busy process on the machine disturbs less than wall time. Peak memory is the build "
            "process's maximum resident set size. Words are the average words of the built pages' article text. "
            "The stock site has only `site_name`, `theme: {name: material, font: false}` and the search plugin; "
            "its automatic nav lists every page. The first rows and the ratio are the first language's site "
            "alone; the next row builds every language of extra.languages, as `make build` does. The site's "
            "builds keep compiled templates (theirs and Material's) in Jinja's bytecode cache between builds "
            "(macros/templates.py), so a template is compiled again only when its text changed; the last row "
            "turns that off, as on a fresh machine's first build. Goal: time ratio ≤ 1.3×.")
    return table("1. Full build: this site against a stock Material site",
                 ["Site", "Pages", "Words/page", "Build s (median)", "CPU s", "Peak MiB", "Each run, s"], rows, note)


# ---------------------------------------------------------------------------
# 1b. The engine's own cost: stock Material building this site's own Markdown
# ---------------------------------------------------------------------------

DUMP_HOOK = r'''
import json, os
from pathlib import Path
from mkdocs.plugins import event_priority
OUT = Path(os.environ["NC_DUMP"])

@event_priority(-100)  # after the macros plugin: the Markdown as MkDocs turns it into HTML
def on_page_markdown(markdown, page, config, files):
    path = OUT / "docs" / page.file.src_uri
    path.parent.mkdir(parents=True, exist_ok=True)
    meta = {"title": page.title}
    if page.meta.get("search"):
        meta["search"] = page.meta["search"]
    path.write_text("---\n" + json.dumps(meta) + "\n---\n\n" + markdown, encoding="utf-8")
    return markdown
'''


def make_same_markdown_site(tmp: Path) -> Path:
    """A stock Material site of this site's own pages, as Markdown after the engine made them,
    with the same Markdown extensions and nav; no hook, no macros, no offline plugin."""
    import yaml
    from macros import yamlio
    project = first_language_only(copy_project(tmp / "dump-project"))
    dest = tmp / "same-markdown"
    (project / "dump_hook.py").write_text(DUMP_HOOK)
    cfg = project / "mkdocs.yml"
    cfg.write_text(cfg.read_text().replace("hooks:\n  - macros/hooks.py", "hooks:\n  - macros/hooks.py\n  - dump_hook.py"))
    mkdocs_build(project, tmp / "dump-site", pdf=False, extra_env={"NC_DUMP": str(dest)})
    ours = yamlio.load(project / "mkdocs.yml")
    stock = {"site_name": "Stock site", "theme": {"name": "material", "font": False},
             "plugins": ["search"], "markdown_extensions": ours["markdown_extensions"], "nav": ours["nav"],
             "exclude_docs": "_data/\n", "use_directory_urls": False}
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(stock, sort_keys=False))
    return dest


def bench_engine(tmp: Path, runs: int) -> dict:
    project = first_language_only(copy_project(tmp / "project"))
    same = make_same_markdown_site(tmp)
    ours, theirs = [], []
    for _ in range(runs):
        ours.append(mkdocs_build(project, tmp / "ours-site"))
        theirs.append(mkdocs_build(same, tmp / "same-site", strict=False))
    r = {"runs": runs, "pages": len(pages(tmp / "ours-site")), "stock_pages": len(pages(tmp / "same-site")),
         "ours_s": median([b.s for b in ours]), "ours_cpu": median([b.cpu for b in ours]), "ours_all": [b.s for b in ours],
         "stock_s": median([b.s for b in theirs]), "stock_cpu": median([b.cpu for b in theirs]),
         "stock_all": [b.s for b in theirs]}
    r["ratio"] = r["ours_s"] / r["stock_s"]
    r["cpu_ratio"] = r["ours_cpu"] / r["stock_cpu"]
    return r


def table_engine(r: dict) -> str:
    runs = lambda xs: ", ".join(f"{x:.2f}" for x in xs)  # noqa: E731
    rows = [["This site (NC_PDF=false)", r["pages"], f"{r['ours_s']:.2f}", f"{r['ours_cpu']:.2f}", runs(r["ours_all"])],
            ["Stock Material, this site's Markdown", r["stock_pages"], f"{r['stock_s']:.2f}", f"{r['stock_cpu']:.2f}",
             runs(r["stock_all"])],
            ["**Ratio**", "", f"**{r['ratio']:.2f}×**", f"{r['cpu_ratio']:.2f}×", ""]]
    note = (f"Median of {r['runs']} runs each, alternating. The stock site holds every page of this site as the "
            "engine made it (a hook of the benchmark writes each page's Markdown after the macros), with the same "
            "Markdown extensions and nav, built by Material with the search plugin only: no hook, no macros, no "
            "offline plugin, no CSP, no strict link checks. What is left is the engine's own cost: checking the "
            "content, the page table and templates, the macros plugin, the theme partials, the offline plugin and "
            "the finishing touches. This site's build keeps compiled templates between builds (Jinja's bytecode "
            "cache), which stock Material does not; table 1's last row is a build without it. Goal: ≤ 1.15×.")
    return table("1b. The engine's own cost: stock Material building the same Markdown",
                 ["Site", "Pages", "Build s (median)", "CPU s", "Each run, s"], rows, note)


# ---------------------------------------------------------------------------
# 2. Build time against track length
# ---------------------------------------------------------------------------

def line_fit(xs: list[float], ys: list[float]) -> tuple[float, float, float, float]:
    """Least-squares line y = fixed + slope * x: (fixed, slope, R², worst relative distance of a point)."""
    mx, my = statistics.mean(xs), statistics.mean(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    fixed = my - slope * mx
    ss_tot = sum((y - my) ** 2 for y in ys)
    r2 = 1 - sum((y - (fixed + slope * x)) ** 2 for x, y in zip(xs, ys)) / ss_tot if ss_tot else 1.0
    off = max(abs(y - (fixed + slope * x)) / y for x, y in zip(xs, ys))
    return fixed, slope, r2, off


def bench_tracks(tmp: Path, runs: int) -> dict:
    projects, builds = {}, {length: [] for length in TRACK_LENGTHS}
    for length in TRACK_LENGTHS:
        projects[length] = first_language_only(copy_project(tmp / f"track-{length}"))
        set_tracks(projects[length], [length])
    for _ in range(runs):  # round-robin over the lengths, so background load weighs on all alike
        for length in TRACK_LENGTHS:
            builds[length].append(mkdocs_build(projects[length], tmp / f"track-{length}-site"))
    rows = [{"length": n, "pages": len(pages(tmp / f"track-{n}-site")), "s": median([b.s for b in builds[n]]),
             "cpu": median([b.cpu for b in builds[n]])} for n in TRACK_LENGTHS]
    # The fit uses CPU time: the work done, whatever else the machine was doing.
    fixed, slope, r2, off = line_fit([r["pages"] for r in rows], [r["cpu"] for r in rows])
    steps = [(b["cpu"] - a["cpu"]) / (b["pages"] - a["pages"]) * 100 for a, b in zip(rows, rows[1:])]
    return {"runs": runs, "rows": rows, "slope100": slope * 100, "fixed": fixed, "r2": r2, "off": off, "steps": steps}


def table_tracks(r: dict) -> str:
    rows = []
    for i, row in enumerate(r["rows"]):
        step = f"{r['steps'][i - 1]:.2f}" if i else "–"
        rows.append([f"tracks: [{row['length']}]", row["pages"], f"{row['s']:.2f}", f"{row['s'] / row['pages'] * 100:.2f}",
                     f"{row['cpu']:.2f}", step])
    note = (f"Median of {r['runs']} runs each (the lengths take turns), NC_PDF=false. A straight line through the "
            f"three CPU times: {r['fixed']:.2f} s fixed (start-up, theme, the pages that do not depend on the track) "
            f"+ **{r['slope100']:.2f} CPU s per 100 pages**, R² = {r['r2']:.3f}, no point more than "
            f"{r['off'] * 100:.1f}% off the line. The last column is the CPU cost of each extra 100 pages between "
            "two rows: when it does not rise with the track length, cost grows linearly with pages.")
    return table("2. Build time against track length",
                 ["Setting", "Pages", "Build s", "s per 100 pages (whole build)", "CPU s", "CPU s per 100 extra pages"],
                 rows, note)


# ---------------------------------------------------------------------------
# 3. Edit-to-reload with `mkdocs serve`
# ---------------------------------------------------------------------------

def _get(url: str, timeout: float = 5) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError):
        return None


def bench_serve(tmp: Path, repeats: int = SERVE_REPEATS) -> dict:
    project = copy_project(tmp / "serve")
    record = project / "docs" / "_data" / "exercises" / "grounding.yml"
    port = free_port()
    url = f"http://127.0.0.1:{port}/exercises/grounding.html"
    log_path = tmp / "serve.log"
    log = log_path.open("wb")
    # The same command as `make serve`.
    cmd = [str(MKDOCS), "serve", "--dirty", "--no-strict", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")]
    server = subprocess.Popen(cmd, env=env_with(NC_PDF="false"), cwd=project, stdout=log, stderr=subprocess.STDOUT)
    reloads = lambda: log_path.read_text(errors="replace").count("Reloading browsers")  # noqa: E731
    try:
        start = time.perf_counter()
        while _get(url) is None:
            if server.poll() is not None or time.perf_counter() - start > 180:
                raise RuntimeError("mkdocs serve did not come up:\n" + log_path.read_text(errors="replace")[-2000:])
            time.sleep(0.2)
        first_build = time.perf_counter() - start
        time.sleep(1.0)  # let the watcher settle

        page_s, reload_s = [], []
        for i in range(repeats):
            word = f"benchword{i}x{random.randrange(10**6)}"
            before = reloads()
            text = record.read_text()
            text = re.sub(r"(?m)^(summary: .*?)\s*$", lambda m: f"{m.group(1)} {word}", text, count=1)
            with record.open("w") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
            t0 = time.perf_counter()
            seen = reloaded = None
            while seen is None or reloaded is None:
                now = time.perf_counter() - t0
                if now > 60:
                    raise RuntimeError(f"the edit did not show within 60 s (seen={seen}, reloaded={reloaded}):\n"
                                       + log_path.read_text(errors="replace")[-2000:])
                if seen is None and word in (_get(url) or ""):
                    seen = time.perf_counter() - t0
                if reloaded is None and reloads() > before:
                    reloaded = time.perf_counter() - t0
                time.sleep(0.02)
            page_s.append(seen)
            reload_s.append(reloaded)
            time.sleep(1.0)
        return {"first_build": first_build, "page_all": page_s, "reload_all": reload_s,
                "page_s": median(page_s), "reload_s": median(reload_s)}
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def table_serve(r: dict) -> str:
    rows = [["Page shows the edit", f"**{r['page_s']:.2f}**", ", ".join(f"{x:.2f}" for x in r["page_all"])],
            ["Server says \"Reloading browsers\"", f"{r['reload_s']:.2f}", ", ".join(f"{x:.2f}" for x in r["reload_all"])]]
    note = (f"`mkdocs serve --dirty --no-strict` (as `make serve`) on a copy, NC_PDF=false; first build and start-up took {r['first_build']:.1f} s. "
            "Each repeat appends a word to `summary` in docs/_data/exercises/grounding.yml and polls "
            "/exercises/grounding.html every 20 ms. The first row is the time from the saved file to the page "
            "holding the word; the second is when live reload tells an open browser to reload. They match because "
            "`mkdocs serve` holds requests until a rebuild has finished. With --dirty it rebuilds only the pages "
            "whose text the edit changed (macros/serve.py decides which), plus the search index. "
            f"Median of {len(r['page_all'])}. Goal: ≤ 1 s.")
    return table("3. Edit to reload with `mkdocs serve`", ["Time from save", "Median s", "Each, s"], rows, note)


# ---------------------------------------------------------------------------
# 4. Page weight in Chromium and Lighthouse scores
# ---------------------------------------------------------------------------

class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _Gzip(_Quiet):
    """Serves text files gzip-compressed when the browser asks, with the caching headers of
    GitHub Pages (Cache-Control: max-age=600, Last-Modified, 304 on a revalidation), so the
    page weights and Lighthouse see what a reader would get."""

    TEXT = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self):
        import email.utils
        import gzip
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in self.TEXT or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().do_GET()
        mtime = int(path.stat().st_mtime)
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                if email.utils.parsedate_to_datetime(since).timestamp() >= mtime:
                    self.send_response(304)
                    self.end_headers()
                    return
            except (TypeError, ValueError):
                pass
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(mtime))
        self.end_headers()
        self.wfile.write(body)


def _kind(path: str, own: set[str]) -> str:
    rel = path.lstrip("/")
    if rel.startswith("assets/javascripts/workers/"):
        return "search"
    if rel.startswith(("assets/stylesheets/", "assets/javascripts/")):
        return "theme"
    if rel in own:
        return "own"
    if rel.startswith("search/"):
        return "search"
    return "other"


def _visit(page, url: str, own: set, responses: list) -> dict:
    """Load `url` in `page` until the network is idle; the bytes each kind of file took."""
    responses.clear()
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    sizes = {"html": 0, "own": 0, "theme": 0, "search": 0, "other": 0}
    count = wire = 0
    for resp in responses:
        if not resp.url.startswith("http"):
            continue
        count += 1
        try:
            n = len(resp.body())
        except Exception:  # noqa: BLE001 (a redirect, a 304 or an aborted request has no body)
            n = 0
        try:
            req = resp.request.sizes()
            wire += max(req.get("responseBodySize", 0), 0) + max(req.get("responseHeadersSize", 0), 0)
        except Exception:  # noqa: BLE001
            pass
        kind = "html" if resp.request.resource_type == "document" else _kind(urllib.parse.urlsplit(resp.url).path, own)
        sizes[kind] += n
    return dict(sizes, requests=count, total=sum(sizes.values()), wire=wire)


def measure_weights(site: Path, base: str) -> dict:
    from playwright.sync_api import sync_playwright

    theme_assets = ROOT / "overrides" / "assets"
    own = {"assets/" + str(p.relative_to(theme_assets)) for p in theme_assets.rglob("*") if p.suffix in {".css", ".js"}}
    own.add("assets/css/site.css")  # generated by the build (macros/finish.py)
    results = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for label, path in PAGE_TYPES:
                context = browser.new_context()  # empty cache for every page
                responses = []
                context.on("response", lambda resp: responses.append(resp))
                results[path] = _visit(context.new_page(), base + path, own, responses)
                context.close()
            context = browser.new_context()  # a second visit: the next day, with the cache warm
            responses = []
            context.on("response", lambda resp: responses.append(resp))
            page = context.new_page()
            _visit(page, base + FIRST_VISIT, own, responses)
            results["repeat"] = _visit(page, base + REPEAT_VISIT, own, responses)
            context.close()
        finally:
            browser.close()
    return results


def lighthouse(url: str, out: Path) -> dict:
    """Lighthouse's mobile scores (0-100) for a URL, or {"error": ...}."""
    cmd = ["npx", "--yes", LIGHTHOUSE, url, "--quiet",
           "--chrome-flags=--headless=new --no-sandbox --disable-gpu", "--output=json", f"--output-path={out}",
           "--only-categories=performance,accessibility,best-practices,seo"]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=dict(os.environ, CHROME_PATH=CHROMIUM))
    except (OSError, subprocess.SubprocessError) as exc:
        return {"error": f"{type(exc).__name__}: {exc}"[:120]}
    if proc.returncode != 0 or not out.exists():
        last = (proc.stderr.strip().splitlines() or [f"exit code {proc.returncode}"])[-1]
        return {"error": last[:120]}
    report = json.loads(out.read_text())
    if report.get("runtimeError"):
        return {"error": report["runtimeError"].get("message", "runtime error")[:120]}
    cats = report["categories"]
    scores = {k: (None if cats[k]["score"] is None else round(cats[k]["score"] * 100))
              for k in ("performance", "accessibility", "best-practices", "seo")}
    audits = report.get("audits", {})
    scores["fcp_s"] = audits.get("first-contentful-paint", {}).get("numericValue", 0) / 1000
    scores["lcp_s"] = audits.get("largest-contentful-paint", {}).get("numericValue", 0) / 1000
    scores["cls"] = audits.get("cumulative-layout-shift", {}).get("numericValue", 0)
    a11y_ids = {ref["id"] for ref in cats["accessibility"]["auditRefs"]}
    failing = sorted(aid for aid in a11y_ids if audits.get(aid, {}).get("score") not in (None, 1))
    scores["a11y_failing"] = failing
    return scores


def bench_pages(tmp: Path, use_lighthouse: bool = True) -> dict:
    out = tmp / "pages-site"
    build_s = mkdocs_build(copy_project(tmp / "pages"), out, pdf=True).s
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Gzip, directory=str(out)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    try:
        missing = [p for _, p in PAGE_TYPES if not (out / p).is_file()]
        if missing:
            raise RuntimeError(f"pages missing from the build: {missing}")
        weights = measure_weights(out, base)
        scores = {}
        for _, path in PAGE_TYPES:
            if not use_lighthouse:
                scores[path] = {"error": "skipped (--no-lighthouse)"}
                continue
            runs = [lighthouse(base + path, tmp / f"lh-{path.replace('/', '_')}-{i}.json") for i in range(LIGHTHOUSE_RUNS)]
            good = [r for r in runs if "error" not in r]
            if not good:
                scores[path] = runs[0]
                continue
            scores[path] = {k: statistics.median([r[k] for r in good]) if isinstance(good[0][k], (int, float))
                            and good[0][k] is not None else good[0][k] for k in good[0]}
            scores[path]["a11y_failing"] = sorted({a for r in good for a in r["a11y_failing"]})
            scores[path]["each_performance"] = [r["performance"] for r in good]
    finally:
        httpd.shutdown()
    return {"build_s": build_s, "weights": weights, "scores": scores}


def table_pages(r: dict) -> str:
    kb = lambda n: f"{n / 1024:.1f}"  # noqa: E731
    rows = []
    for label, path in PAGE_TYPES:
        w = r["weights"][path]
        rows.append([label, f"`{path}`", kb(w["html"]), kb(w["own"]), kb(w["theme"]), kb(w["search"]), kb(w["other"]),
                     f"**{kb(w['total'])}**", kb(w.get("wire", 0)), w["requests"]])
    w = r["weights"]["repeat"]
    rows.append(["Next day, cache warm", f"`{REPEAT_VISIT}`", kb(w["html"]), kb(w["own"]), kb(w["theme"]), kb(w["search"]),
                 kb(w["other"]), f"**{kb(w['total'])}**", kb(w.get("wire", 0)), w["requests"]])
    weight = table("4a. Page weight in Chromium (empty cache)",
                   ["Page type", "Path", "HTML KiB", "Own CSS/JS KiB", "Theme KiB", "Search index KiB", "Other KiB",
                    "Total KiB", "Sent gzip KiB", "Requests"],
                   rows, "Headless Chromium (Playwright, Debian's chromium) loading each page from a local http.server "
                         f"of the default build (with PDFs; it took {r['build_s']:.1f} s), until the network is idle. "
                         "Sizes are response bodies as unpacked; 'Sent gzip' is what "
                         "crossed the wire (bodies and headers): the local server gzips text files and sends the caching "
                         "headers of GitHub Pages (max-age=600, Last-Modified, 304). Own = overrides/assets JS and the generated "
                         "site.css; Theme = Material's assets/stylesheets and assets/javascripts; Search index = "
                         "search/ and the search worker (they load only when the reader opens search, so 0 here); "
                         "Other = favicon and the like. The last row: the next day's page after the first, in the same "
                         "browser (cache warm). Goals: first visit to a day page ≤ 90 KiB, repeat visit ≤ 15 KiB.")
    rows = []
    for label, path in PAGE_TYPES:
        s = r["scores"][path]
        if "error" in s:
            rows.append([label, f"`{path}`", "error", "", "", "", "", "", s["error"]])
            continue
        fmt = lambda v: "–" if v is None else (f"**{v}**" if v < 100 else str(v))  # noqa: E731
        rows.append([label, f"`{path}`", fmt(s["performance"]), fmt(s["accessibility"]), fmt(s["best-practices"]),
                     fmt(s["seo"]), f"{s['fcp_s']:.1f}", f"{s['lcp_s']:.1f}", f"{s['cls']:.3f}",
                     ", ".join(map(str, s.get("each_performance", []))), ", ".join(s["a11y_failing"]) or "–"])
    scores = table("4b. Lighthouse (mobile), median of 3 runs",
                   ["Page type", "Path", "Performance", "Accessibility", "Best practices", "SEO", "FCP s", "LCP s",
                    "Layout shift", "Performance, each run", "Accessibility audits failed"], rows,
                   f"`npx {LIGHTHOUSE}` with CHROME_PATH={CHROMIUM}, default mobile emulation and simulated "
                   "throttling (slow 4G, 4× CPU), same local server, gzipping text files as static hosts do. "
                   "Scores under 100 are in bold. Goals: 100 for performance and accessibility, layout shift 0.")
    return weight + "\n" + scores


# ---------------------------------------------------------------------------
# 5. PDFs
# ---------------------------------------------------------------------------

def bench_pdf(tmp: Path, runs: int) -> dict:
    from pypdf import PdfReader

    sys.path.insert(0, str(ROOT))
    from macros import pdf
    from macros.project import Project
    from macros.templates import environment

    site = load(ROOT)
    project = Project(site, environment())
    css = ROOT / "overrides" / "assets" / "css" / "nc-sheet.css"
    times, written = [], []
    for i in range(runs):
        out = tmp / f"pdf-{i}"
        t0 = time.perf_counter()
        written = pdf.write_all(project, out, css)
        times.append(time.perf_counter() - t0)
    n_pages = sum(len(PdfReader(str(p)).pages) for p in written)
    workbook = [p for p in written if p.name.startswith("workbook")]
    return {"runs": runs, "s": median(times), "all": times, "files": len(written), "pages": n_pages,
            "worksheets": len(site.worksheets), "bytes": sum(p.stat().st_size for p in written),
            "workbook_pages": [len(PdfReader(str(p)).pages) for p in workbook]}


def table_pdf(r: dict) -> str:
    rows = [[r["worksheets"], r["files"], r["pages"], ", ".join(map(str, r["workbook_pages"])),
             f"{r['bytes'] / 1024 / 1024:.1f}", f"**{r['s']:.2f}**", ", ".join(f"{x:.2f}" for x in r["all"])]]
    note = (f"`macros.pdf.write_all(build, outdir, nc-sheet.css)` called directly, median of {r['runs']} runs: "
            "every worksheet (fillable, laid out twice so it fills its page) and the workbook, in A4 and US Letter, "
            "the two sizes in two processes. Each run pays for loading WeasyPrint and the fonts in its processes. "
            "Goal: ≤ 10 s.")
    return table("5. Worksheet and workbook PDFs",
                 ["Worksheets", "PDF files", "PDF pages", "Workbook pages (A4, Letter)", "MiB", "Seconds (median)",
                  "Each run, s"], [rows[0]], note)


# ---------------------------------------------------------------------------
# Summary, report, main
# ---------------------------------------------------------------------------

def goals(results: dict) -> list[list[str]]:
    rows = []

    def add(name, target, value, met):
        rows.append([name, target, value, "met" if met else "**missed**"])

    if "build" in results:
        r = results["build"]
        add("Build time vs stock Material", f"≤ {GOALS['build_ratio']}×",
            f"{r['ratio']:.2f}× (CPU {r['cpu_ratio']:.2f}×)",
            r["ratio"] <= GOALS["build_ratio"])
    if "engine" in results:
        r = results["engine"]
        add("Engine's own cost: vs stock Material on the same Markdown", f"≤ {GOALS['engine_ratio']}×",
            f"{r['ratio']:.2f}× (CPU {r['cpu_ratio']:.2f}×)", r["ratio"] <= GOALS["engine_ratio"])
    if "tracks" in results:
        r = results["tracks"]
        add("Build cost grows linearly with pages", "each track length within 5% of one straight line",
            f"{r['slope100']:.2f} CPU s per 100 pages; worst point {r['off'] * 100:.1f}% off", r["off"] <= 0.05)
    if "serve" in results:
        r = results["serve"]
        add("Edit to reload (`mkdocs serve`)", f"≤ {GOALS['reload_s']:.0f} s",
            f"{r['page_s']:.2f} s (reload signal {r['reload_s']:.2f} s)",
            r["page_s"] <= GOALS["reload_s"])
    if "pages" in results:
        w = results["pages"]["weights"]
        first, repeat = w[FIRST_VISIT]["wire"] / 1024, w["repeat"]["wire"] / 1024
        add("First visit to a day page, over the wire", f"≤ {GOALS['first_kib']} KiB", f"{first:.1f} KiB",
            first <= GOALS["first_kib"])
        add("Repeat visit (the next day, cache warm)", f"≤ {GOALS['repeat_kib']} KiB", f"{repeat:.1f} KiB",
            repeat <= GOALS["repeat_kib"])
        scores = results["pages"]["scores"]
        shifts = [s.get("cls") for s in scores.values() if "error" not in s]
        if shifts:
            add("Layout shift, every page type (Lighthouse)", "0", f"max {max(shifts):.3f}", max(shifts) <= GOALS["cls"])
        for cat in ("performance", "accessibility"):
            vals = [s.get(cat) for s in scores.values()]
            if any(v is None for v in vals):
                add(f"Lighthouse {cat}, every page", "100", "not measured (see 4b)", False)
            else:
                at_100 = sum(v == 100 for v in vals)
                add(f"Lighthouse {cat}, every page", "100", f"min {min(vals)}, {at_100}/{len(vals)} at 100",
                    min(vals) >= GOALS["score"])
    if "pdf" in results:
        r = results["pdf"]
        add("All worksheet and workbook PDFs", f"≤ {GOALS['pdf_s']:.0f} s", f"{r['s']:.2f} s", r["s"] <= GOALS["pdf_s"])
    return rows


def write_report(sections: list[str], info: dict, load_start, load_end, args, seconds: float) -> None:
    intro = REPORT.read_text(encoding="utf-8").split(LATEST)[0].rstrip() if REPORT.exists() else "# Benchmarks"
    busy = load_start[0] > 0.5
    lines = [intro, "", LATEST, "",
             "Written by `make bench` (`tools/benchmark.py`); do not edit this section by hand.", "",
             "| Machine | |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in info.items()]
    lines += [f"| load average at start (1, 5, 15 min) | {', '.join(f'{x:.2f}' for x in load_start)} |",
              f"| load average at end | {', '.join(f'{x:.2f}' for x in load_end)} |",
              f"| command | `{' '.join(['tools/benchmark.py', *args])}`; took {seconds / 60:.1f} min |", ""]
    if busy:
        lines += [f"> **Note:** the load average was {load_start[0]:.2f} (1 min) and {load_start[1]:.2f} (5 min) when "
                  "the run started, before any benchmark ran: another process may have shared the CPU. Where the "
                  "wall and CPU seconds in tables 1 and 2 match, the builds had a core to themselves.", ""]
    lines += sections
    REPORT.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")


MEASURES = ["build", "engine", "tracks", "serve", "pages", "pdf"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5, help="builds per measured case (default 5; medians are reported)")
    ap.add_argument("--quick", action="store_true", help="2 runs per case, for development")
    ap.add_argument("--only", default=",".join(MEASURES), help=f"comma-separated subset of {','.join(MEASURES)}")
    ap.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (page weights are still measured)")
    ap.add_argument("--no-write", action="store_true", help="print only; leave BENCHMARKS.md alone")
    args = ap.parse_args(argv)
    runs = 2 if args.quick else args.runs
    only = [m.strip() for m in args.only.split(",") if m.strip()]
    unknown = set(only) - set(MEASURES)
    if unknown:
        ap.error(f"unknown measure(s): {', '.join(sorted(unknown))}")

    load_start = os.getloadavg()
    started = time.perf_counter()
    info = machine()
    print(f"Benchmarks, {runs} run(s) per case, on {info['cpus (nproc)']} CPU(s) ({info['cpu']}), {info['memory']}; "
          f"load average {load_start[0]:.2f}\n", flush=True)

    runners = {
        "build": (lambda tmp: bench_build(tmp, runs), table_build),
        "engine": (lambda tmp: bench_engine(tmp, runs), table_engine),
        "tracks": (lambda tmp: bench_tracks(tmp, runs), table_tracks),
        "serve": (lambda tmp: bench_serve(tmp), table_serve),
        "pages": (lambda tmp: bench_pages(tmp, not args.no_lighthouse), table_pages),
        "pdf": (lambda tmp: bench_pdf(tmp, runs), table_pdf),
    }
    results, sections, failed = {}, [], []
    with tempfile.TemporaryDirectory(prefix="nc-bench-") as tmpdir:
        for name in MEASURES:
            if name not in only:
                continue
            print(f"... {name}", file=sys.stderr, flush=True)
            t0, load_before = time.perf_counter(), os.getloadavg()[0]
            run, render = runners[name]
            try:
                results[name] = run(Path(tmpdir) / name)
                section = render(results[name])
            except Exception as exc:  # noqa: BLE001 (one failing measure must not lose the others)
                traceback.print_exc()
                failed.append(name)
                section = f"### {name}\n\nFailed: `{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}`\n"
            load = os.getloadavg()[0]
            section += f"\n_Load average (1 min) when this measure started and ended: {load_before:.2f}, {load:.2f}._\n"
            print(section, flush=True)
            print(f"({name}: {time.perf_counter() - t0:.0f} s)\n", file=sys.stderr, flush=True)
            sections.append(section)

    summary = table("Goals", ["Goal", "Target", "Measured", "Result"], goals(results))
    print(summary, flush=True)
    sections.insert(0, summary)
    seconds = time.perf_counter() - started
    print(f"Took {seconds / 60:.1f} min.", flush=True)
    if not args.no_write:
        write_report(sections, info, load_start, os.getloadavg(), sys.argv[1:] if argv is None else argv, seconds)
        print(f"Wrote {REPORT.relative_to(ROOT)}.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
