"""MkDocs hook: the adapter from MkDocs' events to the build's steps (modules under macros/, each
with a docstring that says its job), and nothing more. A build runs them in this order:
on_config: project (check every setting and record), publish (`mkdocs build` writes into a fresh
folder) -> on_files: generate (pages from the records), finish (the stylesheet) ->
on_page_context: render (the parts around each page, as data) -> on_post_page: finish (HTML
patches, CSP) -> on_post_build: finish (PDFs), languages (each further language through these
same steps into <site>/<code>/) -> on_shutdown: publish (swap in only if all passed). `make
serve`: serve (rebuild only what an edit changed). Without MkDocs: `python -m macros.generate OUT`.
Private internals used for want of a public setting (reasons where used): mkdocs-macros'
get_git_info (render.skip_macros_git_info), the dev server's observer (serve.poll_often).
"""
import importlib
import sys
import types
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
STEPS = ("content", "project", "generate", "render", "finish", "publish", "languages", "serve")
engine = types.SimpleNamespace()  # the step modules


def load_engine(fresh: bool = False) -> None:
    """`mkdocs serve` loads the steps afresh before each rebuild: an edit under macros/ shows at once."""
    if str(ROOT) not in sys.path:  # MkDocs puts sys.path back after loading a hook
        sys.path.insert(0, str(ROOT))
    if fresh:
        for name in [m for m in sys.modules if m == "macros" or m.startswith("macros.")]:
            del sys.modules[name]
    for name in STEPS:
        setattr(engine, name, importlib.import_module(f"macros.{name}"))


load_engine()
engine.render.skip_macros_git_info()


class _State:  # lives as long as the process (all of `mkdocs serve`)
    command, dirty = None, False  # build, serve or gh-deploy (on_startup)
    staging, passed = None, False
    digests: dict = {}            # `make serve`: what each generated page held last time


def on_startup(command, dirty):
    _State.command, _State.dirty = command, dirty


@event_priority(100)  # before the macros plugin, whose page macros read the project
def on_config(config):
    load_engine(fresh=_State.command == "serve")
    whole = _State.command != "serve" and not engine.languages.is_further(config)  # every language: checked, built
    try:
        project = engine.project.load_project(Path(config.config_file_path).parent, config.extra, Path(config.docs_dir),
                                              config.theme["language"], Path(config.config_file_path) if whole else None)
    except engine.content.ContentError as exc:
        raise PluginError(f"Content check failed: {exc}") from None
    config[engine.project.KEY] = project
    if whole and _State.command == "build" and not _State.dirty:
        _State.staging, _State.passed = engine.publish.Staging.start(config), False
    return config


def on_files(files, config):
    project = engine.project.project_of(config)
    before = list(files)
    made = engine.serve.generated_files(config, engine.generate.pages(project))
    for f in made:
        files.append(f)
    for rel, text in engine.finish.assets(project).items():
        files.append(File.generated(config, rel, content=text))
    engine.languages.add_shared_images(files, config, ROOT / "docs")
    if _State.command == "serve" and _State.dirty:
        _State.digests = engine.serve.expire_changed_pages(config, before, made, _State.digests)
    return files


def on_env(env, config, files):
    return engine.render.theme_environment(env)


def on_page_context(context, page, config, nav):
    return engine.render.with_parts(context, engine.project.project_of(config), page)


def on_template_context(context, template_name, config):  # 404.html: a page the theme makes
    return engine.render.with_parts(context, engine.project.project_of(config), None, template_name)


def on_post_page(output, page, config):
    return engine.finish.page(output)


def on_post_template(output_content, template_name, config):
    return engine.finish.page(output_content) if template_name.endswith(".html") else output_content


def on_post_build(config):
    if _State.staging is not None and not _State.staging.clean:
        return  # a strict build with a warning has failed already: no PDFs, no further languages
    project = engine.project.project_of(config)
    try:
        engine.finish.pdfs(project, Path(config.site_dir))
    except engine.content.ContentError as exc:
        raise PluginError(f"PDF check failed: {exc}") from None
    if _State.command != "serve" and not engine.languages.is_further(config):
        engine.languages.build_others(config, project, ROOT)
        _State.passed = True


def on_shutdown():
    if _State.staging is not None:
        _State.staging.finish(_State.passed)
        _State.staging = None


def on_serve(server, config, builder):
    return engine.serve.poll_often(server)
