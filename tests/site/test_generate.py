"""The build in named steps: `python -m macros.generate OUT` writes, without MkDocs, exactly the
generated pages and finished assets the build itself makes (the same code), every language;
hooks.py stays a thin adapter; every step module says its job."""
import ast
import json
import subprocess
import sys

from conftest import ROOT, language_list

# What the build's own hook adds to MkDocs' files (on_config, then on_files), without building.
FILES_THE_BUILD_MAKES = """
import json, sys
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
config = load_config(sys.argv[1])
config = config.plugins.on_config(config)
files = config.plugins.on_files(get_files(config), config=config)
print(json.dumps({f.src_uri: f.content_string for f in files if f.generated_by}))
"""


def test_the_generate_command_writes_what_the_build_makes(tmp_path):
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "macros.generate", str(out), str(ROOT / "mkdocs.yml")],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    for i, lang in enumerate(language_list()):
        made = subprocess.run([sys.executable, "-c", FILES_THE_BUILD_MAKES, str(ROOT / lang["config"])], cwd=ROOT,
                              capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", **_env()})
        assert made.returncode == 0, made.stderr
        built = json.loads(made.stdout)
        folder = out if i == 0 else out / lang["code"]
        written = {p.relative_to(folder).as_posix() for p in folder.rglob("*")
                   if p.is_file() and (i or p.relative_to(folder).parts[0] not in {l["code"] for l in language_list()})}
        assert any(src.endswith(".md") for src in built) and "assets/css/site.css" in built
        assert written == set(built), f"{lang['code']}: only in the command {sorted(written - set(built))[:5]}, " \
                                      f"only in the build {sorted(set(built) - written)[:5]}"
        for src, text in built.items():
            assert (folder / src).read_text(encoding="utf-8") == text, f"{lang['code']}: {src} differs"


def _env():
    import os
    return {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}


STEPS = ["generate", "render", "finish", "publish", "languages", "serve", "project"]


def test_hooks_is_a_thin_adapter_and_every_step_says_its_job():
    hooks = (ROOT / "macros" / "hooks.py").read_text()
    assert len(hooks.splitlines()) <= 120, "hooks.py: events that hand the work to the steps, nothing more"
    for step in STEPS:
        assert f"engine.{step}." in hooks or step == "project" and "engine.project" in hooks, f"hooks.py never runs {step}"
        doc = ast.get_docstring(ast.parse((ROOT / "macros" / f"{step}.py").read_text()))
        assert doc and len(doc.split()) >= 12, f"macros/{step}.py: say in its docstring what the step does"
    assert "env.globals" not in hooks, "the theme's templates read prepared data (theme_parts), not Python objects"
    assert "nc." not in (ROOT / "overrides" / "main.html").read_text(), "main.html prints theme_parts; it calls nothing"


def test_a_further_language_built_on_its_own_is_that_language_alone(tmp_path):
    """`mkdocs build -f mkdocs.es.yml` builds the Spanish site at the root, once (it used to
    build Spanish again into es/)."""
    langs = language_list()
    if len(langs) < 2:
        return
    from conftest import MKDOCS
    out = tmp_path / "site"
    proc = subprocess.run([str(MKDOCS), "build", "--strict", "-f", str(ROOT / langs[1]["config"]), "-d", str(out)],
                          cwd=ROOT, capture_output=True, text=True, env={**_env(), "NC_PDF": "false", "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert (out / "index.html").exists() and not any((out / lang["code"]).exists() for lang in langs)
