"""Step 1, generate: the pages made from the records (each day of each track, the track
overviews, every exercise, script and worksheet page), each as Markdown with its front matter
and final text, from the one page table (macros/pages.py). Pure: nothing here needs MkDocs.

The build adds them to MkDocs' files (macros/hooks.py, on_files) with the finished assets
(macros/finish.py). The same code writes them to a folder, for a look, a diff or another engine:

    python -m macros.generate OUT [mkdocs.yml]

writes OUT/<page>.md and OUT/assets/css/site.css for the first language and OUT/<code>/... for
each further one (the site's own layout). tests/site/test_generate.py compares it to the build.
"""
from __future__ import annotations

import sys
from pathlib import Path

from . import finish, yamlio
from .content import ContentError
from .pages import page_table, render_page
from .project import Project, load_project


def pages(project: Project) -> dict[str, str]:
    """Every generated page: its path inside the docs folder -> its Markdown."""
    site = project.site
    return {page.src: render_page(project.env, site, page) for page in page_table(site, project.pdf)}


def everything(project: Project) -> dict[str, str]:
    """The generated pages and the finished assets, as the build publishes them."""
    return {**pages(project), **finish.assets(project)}


def load(config_file: Path) -> Project:
    """The project of one settings file, read with the project's own YAML loader (INHERIT and
    !ENV as MkDocs reads them)."""
    settings = yamlio.load_config(config_file)
    theme = settings.get("theme") or {}
    return load_project(config_file.parent, settings.get("extra") or {},
                        docs=config_file.parent / settings.get("docs_dir", "docs"), lang=theme.get("language", "en"))


def write(out: Path, config_file: Path) -> list[Path]:
    """Every language's generated pages and assets under `out`, as the site lays them out."""
    config_file = config_file.resolve()
    project = load(config_file)
    written = _write(out, everything(project))
    for lang in project.site.settings["languages"][1:]:
        other = config_file.parent / lang["config"]
        if other.resolve() != config_file:
            written += _write(out / lang["code"], everything(load(other)))
    return written


def _write(folder: Path, files: dict[str, str]) -> list[Path]:
    out = []
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        written = write(Path(argv[0]), Path(argv[1] if len(argv) > 1 else "mkdocs.yml"))
    except ContentError as exc:
        print(f"Content check failed: {exc}", file=sys.stderr)
        return 1
    print(f"{len(written)} files written to {argv[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
