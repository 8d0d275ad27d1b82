"""The files that install, test and publish the project: requirements and GitHub workflows."""
from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _names(path: Path) -> set[str]:
    """The distributions a requirements file pins (not the files it includes)."""
    out = set()
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            out.add(_norm(re.split(r"[=<>!~\[; ]", line, maxsplit=1)[0]))
    return out


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _imports_of_the_build() -> set[str]:
    """Top-level modules that macros/ imports anywhere (at the top or inside a function)."""
    found = set()
    for path in (ROOT / "macros").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {m for m in found if m not in sys.stdlib_module_names and m != "macros" and m != "__future__"}


def _with_dependencies(names: set[str]) -> set[str]:
    """The distributions named and every one they need, as installed here."""
    seen, todo = set(), list(names)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        for req in requires:
            if "extra ==" in req:
                continue
            todo.append(_norm(re.split(r"[=<>!~\[; (]", req, maxsplit=1)[0]))
    return seen


def test_requirements_txt_installs_what_the_build_imports_and_nothing_only_tests_use():
    """`pip install -r requirements.txt` is enough to build (PDFs too); test-only packages
    belong in requirements-test.txt."""
    runtime = _names(ROOT / "requirements.txt")
    distributions = metadata.packages_distributions()
    imported = {m: {_norm(d) for d in distributions.get(m, [m])} for m in _imports_of_the_build()}
    installed = _with_dependencies(runtime)
    missing = sorted(m for m, dists in imported.items() if not dists & installed)
    assert not missing, f"the build imports {missing}, which requirements.txt does not install"

    settings = (ROOT / "mkdocs.yml").read_text()
    used = {d for dists in imported.values() for d in dists}
    used |= {"mkdocs-material"} if re.search(r"^\s+name: material\b", settings, re.M) else set()
    used |= {"pymdown-extensions"} if "pymdownx." in settings else set()
    used |= {"mkdocs-macros-plugin"} if re.search(r"^\s+- macros\b", settings, re.M) else set()
    unused = sorted(runtime - used)
    assert not unused, f"requirements.txt installs {unused}, which the build never uses: move them to requirements-test.txt"


WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


@pytest.mark.skipif(not shutil.which("check-jsonschema", path=str(Path(sys.executable).parent)) and not shutil.which("check-jsonschema"),
                    reason="check-jsonschema is in requirements-test.txt")
def test_workflows_are_valid_github_workflows():
    exe = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent)) or shutil.which("check-jsonschema")
    run = subprocess.run([exe, "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_site_is_published_only_after_the_tests_pass():
    """deploy.yml: the job that uploads the site needs (directly or through another job) a job
    that runs the tests, so a push that breaks a test never reaches the published site."""
    from macros import yamlio
    deploy = yamlio.load(ROOT / ".github" / "workflows" / "deploy.yml")
    jobs = deploy["jobs"]

    def runs_tests(job) -> bool:
        if str(job.get("uses", "")).endswith("workflows/test.yml"):
            return True
        return any("make test" in str(step.get("run", "")) for step in job.get("steps", []))

    def needs(name) -> set[str]:
        direct = jobs[name].get("needs", [])
        direct = [direct] if isinstance(direct, str) else direct
        return set(direct).union(*(needs(n) for n in direct)) if direct else set()

    publishers = [n for n, job in jobs.items()
                  if any("upload-pages-artifact" in str(s.get("uses", "")) or "deploy-pages" in str(s.get("uses", ""))
                         for s in job.get("steps", []))]
    assert publishers
    for name in publishers:
        assert any(runs_tests(jobs[n]) for n in needs(name)), f"deploy.yml: job '{name}' publishes without the tests"
    test = yamlio.load(ROOT / ".github" / "workflows" / "test.yml")
    assert "workflow_call" in (test.get("on") or test.get(True) or {}), "test.yml must be callable from deploy.yml"
