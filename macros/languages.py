"""Step 5, languages: each further language of `extra.languages` is a site of its own (its own
settings file, which INHERITs mkdocs.yml, its own docs folder, pages, search index and PDFs),
built into <site>/<code>/ by the main build, after the main language and before the main build
counts as passed (macros/publish.py). Then every sitemap names the other languages' pages.

- `build_others`: one MkDocs build per further language (each goes through the same steps).
- `site_url_of`: a further language's own address, <site_url><code>/.
- `add_shared_images`: a clinic's own images in docs/assets/ (a logo, its favicon.svg) reach every
  language; the site's CSS and JavaScript come from the theme folder (overrides/assets/).
"""
from __future__ import annotations

import logging
from pathlib import Path

from . import finish

log = logging.getLogger("mkdocs.plugins.nc")


def site_url_of(config, code: str) -> str | None:
    """A further language's address: <site_url><code>/ (its canonical links and sitemap), or
    none while site_url is unset."""
    return f"{config.site_url.rstrip('/')}/{code}/" if config.site_url else None


FURTHER = "nc_further_language"  # set on a further language's config: the main build builds it


def is_further(config) -> bool:
    """A further language's build, inside the main one (no staging, no languages of its own)."""
    return bool(config.get(FURTHER))


def build_others(config, project, root: Path) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    languages = project.site.settings["languages"]
    if not languages or Path(config.config_file_path).resolve() != (root / languages[0]["config"]).resolve():
        return  # `mkdocs build -f mkdocs.es.yml`: that language alone, at the root
    for lang in languages[1:]:
        log.info(f"Building the {lang['name']} site ({lang['config']}) into {lang['code']}/")
        other = load_config(config_file=str(root / lang["config"]), site_dir=str(Path(config.site_dir) / lang["code"]),
                            strict=config.strict, site_url=site_url_of(config, lang["code"]))
        other[FURTHER] = True
        mkdocs_build(other)
    if config.site_url and len(languages) > 1:
        first = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
        finish.link_sitemaps([(languages[0]["code"], first, Path(config.site_dir))]
                             + [(lang["code"], site_url_of(config, lang["code"]), Path(config.site_dir) / lang["code"])
                                for lang in languages[1:]])


def add_shared_images(files, config, main_docs: Path) -> None:
    """A further language's build (docs/<code>/): the files of docs/assets/ its own folder does
    not have. A clinic's file replaces the theme's default of the same name (favicon.svg)."""
    from mkdocs.structure.files import File

    docs = Path(config.docs_dir)
    if docs.resolve() == main_docs.resolve():
        return
    for path in sorted((main_docs / "assets").rglob("*")):
        rel = path.relative_to(main_docs).as_posix()
        if path.is_file() and not (docs / rel).is_file():
            if files.get_file_from_path(rel):
                files.remove(files.get_file_from_path(rel))
            files.append(File(rel, str(main_docs), config.site_dir, config.use_directory_urls))
