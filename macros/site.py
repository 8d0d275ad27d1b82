"""What one build publishes for every part of the site: the checked content and settings
(`Site`), the one Jinja environment, and whether PDFs are made. The hook makes it in
`on_config` and puts it in `config.extra["nc"]`; the macros, the theme's templates (through
macros/theme.py) and the PDF writer read it from there."""
from __future__ import annotations

from dataclasses import dataclass

import jinja2

from .content import Site


@dataclass(repr=False)
class Build:
    site: Site
    env: jinja2.Environment

    def __repr__(self) -> str:  # short: mkdocs-macros writes every variable to its debug log
        return f"<Build of {self.site!r}>"

    @property
    def pdf(self) -> bool:
        return self.site.settings["pdf"]

    def render(self, template: str, here: str = "index.md", **context) -> str:
        return self.env.get_template(template).render(here=here, settings=self.site.settings,
                                                      strings=self.site.strings, **context)

    def macro(self, template: str, name: str):
        """A macro of a template, to call from Python (the partials' crisis lines)."""
        return getattr(self.env.get_template(template).module, name)


def build_of(config) -> Build:
    try:
        return config["extra"]["nc"]
    except KeyError:
        raise RuntimeError("The site's hook did not run: list macros/hooks.py under `hooks:` in mkdocs.yml") from None
