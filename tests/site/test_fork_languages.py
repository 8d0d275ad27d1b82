"""A clinic's fork that keeps more than one language, tried the way the guide tells a clinic
to adapt it: the languages cannot disagree on the countries their crisis lines serve, a
removal is named in every language in one run, and dropping a language is one step. Each
test follows this checkout's settings (its languages, lines and records); with one language
the tests of a second one skip."""
import re
import shutil
import subprocess
import sys

import pytest

from conftest import LANG_CODES, yamlio, ROOT, build, copy_project, language_list, load_language, warnings_of

pytestmark = pytest.mark.skipif(len(LANG_CODES) < 2, reason="this checkout has one language")

ELSEWHERE = '''  emergency:
    - region: Nowhere Land
      country: ZZ
      number: "555"
  crisis_lines:
    - name: Nowhere Crisis Line
      region: Nowhere Land
      country: ZZ
      call: "555 0100"
      source: https://example.org/
      checked: "2026-11-01"
'''


def check(project):
    return subprocess.run([sys.executable, "-m", "macros.check"], cwd=project, capture_output=True, text=True)


def with_lines_elsewhere(path):
    """A settings file with its emergency numbers and crisis lines (two neighbouring lists)
    swapped for those of another country."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = {re.match(r"  ([a-z_]+):", l).group(1): i for i, l in enumerate(lines) if re.match(r"  [a-z_]+:", l)}
    assert "emergency" in at and "crisis_lines" in at, f"{path.name}: no emergency and crisis_lines lists of its own"
    start, last = sorted((at["emergency"], at["crisis_lines"]))
    end = min([i for i in at.values() if i > last] + [len(lines)])
    assert not [k for k, i in at.items() if start < i < last], f"{path.name}: emergency and crisis_lines are not neighbours"
    path.write_text("".join(lines[:start]) + ELSEWHERE + "".join(lines[end:]), encoding="utf-8")


def swap_main_lines(project):
    """Step 3 of the guide done in mkdocs.yml only."""
    with_lines_elsewhere(project / "mkdocs.yml")
    return [e["config"] for e in language_list(project)[1:]]


def test_a_language_left_with_the_old_lines_stops_check_and_build(tmp_path):
    project = copy_project(tmp_path / "fork")
    others = swap_main_lines(project)
    proc = check(project)
    assert proc.returncode == 1
    for config in others:
        said = [l for l in proc.stderr.splitlines() if l.lstrip(" -").startswith(config) and "crisis_lines" in l]
        assert said, proc.stderr
        assert "mkdocs.yml" in said[0] and "ZZ" in said[0] and "Fix:" in said[0], said[0]
        assert "drop this language" in said[0]
    out = tmp_path / "site"
    out.mkdir()
    (out / "old.html").write_text("the published site")
    proc = build(project, out, pdf=False)
    assert proc.returncode != 0
    assert any(c in proc.stderr and "crisis_lines" in proc.stderr for c in others), proc.stderr[-2000:]
    assert (out / "old.html").read_text() == "the published site", "a failed build leaves the old site"


def test_every_language_with_its_own_lines_builds(tmp_path):
    """The fix the message gives: the same countries in each language's file."""
    project = copy_project(tmp_path / "fork")
    others = swap_main_lines(project)
    for config in others:
        with_lines_elsewhere(project / config)
    proc = check(project)
    assert proc.returncode == 0, proc.stderr


def used_everywhere(project):
    """An exercise that a day uses, with a translation in every language."""
    langs = [load_language(project, e, i == 0) for i, e in enumerate(language_list(project))]
    main = langs[0].nc
    for phase in main.phases:
        for day in phase["days"]:
            rid = day["exercise"]
            if all(rid in l.nc.exercises for l in langs):
                return rid, langs
    pytest.skip("no exercise is used in every language")


def test_a_removal_is_named_in_every_language_in_one_run_and_the_fixes_work(tmp_path):
    project = copy_project(tmp_path / "fork")
    rid, langs = used_everywhere(project)
    (langs[0].docs / "_data" / "exercises" / f"{rid}.yml").unlink()
    proc = check(project)
    assert proc.returncode == 1
    said = proc.stderr
    for lang in langs:
        users = [p for p in sorted(lang.docs.rglob("*.yml")) + sorted(lang.docs.rglob("*.md"))
                 if not any(o.docs in p.parents for o in langs if o.docs != lang.docs and lang.docs in o.docs.parents)
                 and (f"exercise: {rid}" in p.read_text(encoding="utf-8") or f"exercises/{rid}.md" in p.read_text(encoding="utf-8"))
                 and p.name != "_translations.yml" and p.stem != rid]
        assert users, f"{lang.code}: nothing uses {rid}"
        for p in users:
            assert p.relative_to(project).as_posix() in said, f"{p} is not named:\n{said}"
        if lang is not langs[0]:
            orphan = (lang.docs / "_data" / "exercises" / f"{rid}.yml").relative_to(project).as_posix()
            line = next((l for l in said.splitlines() if orphan in l), "")
            assert "no original" in line and "Fix: delete this file" in line, said

    # Follow the messages: every day that used it points at another exercise, every link to
    # it keeps its words, the orphaned translations and their marks go.
    instead = next(e for e in langs[0].nc.exercises if e != rid)
    for line in said.splitlines():
        m = re.match(r"\s*-\s*([^,:]+?)(?:,|:)", line)
        if not m:
            continue
        path = project / m.group(1)
        if path.name == f"{rid}.yml":
            path.unlink()
            marks = path.parents[2] / "_translations.yml"
            if marks.is_file():
                marks.write_text("".join(l for l in marks.read_text(encoding="utf-8").splitlines(keepends=True)
                                         if not l.startswith(f"_data/exercises/{rid}.yml:")), encoding="utf-8")
        elif path.is_file():
            text = path.read_text(encoding="utf-8").replace(f"exercise: {rid}", f"exercise: {instead}")
            text = re.sub(rf"\[([^\]]+)\]\((?:\.\./)*exercises/{rid}\.md(#[^)]*)?\)", r"\1", text)
            path.write_text(text, encoding="utf-8")
    proc = check(project)
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "site"
    proc = build(project, out, pdf=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert not warnings_of(proc)
    for lang in langs:
        assert not (out / lang.prefix / "exercises" / f"{rid}.html").exists(), lang.code


def test_dropping_a_language_is_one_step_and_leaves_nothing_of_it(tmp_path):
    """docs/adapting.md, "Drop a language": its line in extra.languages, its settings file
    and its folder."""
    project = copy_project(tmp_path / "fork")
    for entry in language_list(project)[1:]:
        docs = project / yamlio.load_config(project / entry["config"]).get("docs_dir", "docs")
        path = project / "mkdocs.yml"
        text = path.read_text(encoding="utf-8")
        new, n = re.subn(rf"^\s*- \{{code: {entry['code']},[^\n]*\n", "", text, count=1, flags=re.M)
        assert n == 1, f"no line for {entry['code']} in extra.languages"
        path.write_text(new, encoding="utf-8")
        (project / entry["config"]).unlink()
        shutil.rmtree(docs)
    out = tmp_path / "site"
    proc = build(project, out, pdf=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert not warnings_of(proc)
    for entry in language_list()[1:]:
        assert not (out / entry["code"]).exists()
    home = (out / "index.html").read_text(encoding="utf-8")
    for entry in language_list()[1:]:
        assert f'hreflang="{entry["code"]}"' not in home and f'href="{entry["code"]}/' not in home, entry["code"]
