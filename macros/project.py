"""The project as one build sees it (`Project`): the checked content and settings (`site`, a
macros.content.Site), the one Jinja environment for the project's own templates (`env`), the
page language, and whether PDFs are made.

The hook makes one in on_config (`load_project`) and keeps it on MkDocs' config under KEY, not
under `extra` (mkdocs-macros would show it to every page as a variable). The page macros
(macros/__init__.py) read it from there (`project_of`); the build steps get it passed.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from .content import Site
from .language_check import check_site, is_main
from .templates import OVERRIDES, environment

KEY = "nc_project"


@dataclass(repr=False)
class Project:
    site: Site
    env: jinja2.Environment
    lang: str = "en"
    parts: object = field(default=None)  # the theme's page parts (render.with_parts), made once a build

    def __repr__(self) -> str:
        return f"<Project of {self.site!r}>"

    @property
    def pdf(self) -> bool:
        return self.site.settings["pdf"]

    def render(self, template: str, here: str = "index.md", **context) -> str:
        return self.env.get_template(template).render(here=here, settings=self.site.settings,
                                                      strings=self.site.strings, **context)

    def macro(self, template: str, name: str):
        """A macro of a template, to call from Python (the partials' crisis lines)."""
        return getattr(self.env.get_template(template).module, name)


def load_project(root: Path, extra: dict, docs: Path, lang: str = "en", config_file: Path | None = None) -> Project:
    """Check every setting and record (all mistakes at once: content.ContentError), and remind.
    The first language's build checks every language first (macros/language_check.py)."""
    every = config_file is not None and is_main(root, config_file, extra)
    project = Project(check_site(root, extra, docs=docs, every_language=every), environment(OVERRIDES), lang)
    remind(project)
    return project


def remind(project: Project) -> None:
    """Reminders for the clinic (a crisis line's check falls due): in the build's log, and as
    a warning on the run's page on GitHub Actions. Not errors."""
    for notice in project.site.notices:
        logging.getLogger("mkdocs.plugins.nc").info(f"Reminder: {notice}")
        if os.environ.get("GITHUB_ACTIONS"):
            print(f"::warning title=Check due::{notice}")


def project_of(config) -> Project:
    try:
        return config[KEY]
    except KeyError:
        raise RuntimeError("The site's hook did not run: list macros/hooks.py under `hooks:` in mkdocs.yml") from None
