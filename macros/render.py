"""Step 2, render: what the theme shows around each page's content, prepared as data before the
theme renders the page. MkDocs and Material render the Markdown and the theme; the project adds
four parts to each page, each a partial under overrides/partials/ rendered by the project's own
escaped, strict Jinja environment: the strings and storage guard before the theme's scripts, the
page scripts after them, the safety bar (with the links to the other languages) and the footer.

`PageParts.of(page, base)` gives them as a dict; the hook puts it into the page's template
context as `theme_parts` (on_page_context, on_template_context for the 404 page), and
overrides/main.html only prints them: no Python is called from the theme's templates. The
theme's own Jinja environment gets the project's compiled-template cache (`theme_environment`).
"""
from __future__ import annotations

import posixpath
from pathlib import Path

from markupsafe import Markup

from .strings import USE_IN_SCRIPTS
from .templates import OVERRIDES, bytecode_cache

SCRIPTS_DIR = OVERRIDES / "assets" / "js"

# Page scripts (overrides/assets/js/): each loads only on the pages that hold its marker, and gets
# only the strings it uses (the keys of its t("...") calls). None: every page.
SCRIPTS = [
    ("nc.js", None),
    ("nc-script.js", "data-nc-script"),
    ("nc-sos.js", ("data-nc-timer", "data-nc-reasons")),
    ("nc-day.js", "data-nc-day"),
    ("nc-filter.js", 'class="nc-filter"'),
    ("nc-today.js", "data-nc-today"),
    ("nc-start.js", "data-nc-path"),
    ("nc-check.js", "data-nc-selfcheck"),
    ("nc-notes.js", "data-nc-notes"),
    ("nc-trusted.js", "data-nc-trusted"),
]
GUARD = "nc-guard.js"  # the storage guard: before the theme's bundle, on every page


def skip_macros_git_info() -> None:
    """mkdocs-macros asks git a dozen questions at every build (its `git` page variable, which no
    page here uses): a dozen processes, a tenth of a second a build. It has no setting to skip
    them, so its private `get_git_info` is replaced. Another version: left as it is."""
    try:
        import mkdocs_macros.context as macros_context
        macros_context.get_git_info = lambda: {"status": False, "date": None}
    except ImportError:
        pass


def with_parts(context: dict, project, page, template: str = "") -> dict:
    """A page's template context with its `theme_parts` (page None: a page the theme makes,
    such as 404.html; the theme's other templates, such as sitemap.xml, get none)."""
    if page is not None or template.endswith(".html"):
        if project.parts is None:
            project.parts = PageParts(project, project.lang)
        context["theme_parts"] = project.parts.of(page, context["base_url"])
    return context


def theme_environment(env):
    """The theme's Jinja environment keeps its compiled templates between builds too."""
    env.bytecode_cache = bytecode_cache()
    return env


class PageParts:
    def __init__(self, project, lang: str = "en", js_dir: Path = SCRIPTS_DIR):
        self.project, self.site = project, project.site
        self._made = {}
        self.lang = lang
        langs = self.site.settings["languages"]
        self.main = langs[0]["code"] if langs else lang
        self.others = [l for l in langs if l["code"] != lang]
        self.keys = {name: sorted(set(USE_IN_SCRIPTS.findall((js_dir / name).read_text(encoding="utf-8"))))
                     for name, _ in SCRIPTS + [(GUARD, None)]}

    def of(self, page, base: str) -> dict:
        """The parts of one page (page None: a page the theme makes, such as 404.html)."""
        return {"before_theme": self.before_theme(page, base), "after_theme": self.after_theme(page, base),
                "safety_bar": self.safety_bar(base, page), "footer": self.footer(base)}

    def _render(self, name, base, **extra) -> Markup:
        return Markup(self.project.render(name, base=base, **extra))

    def safety_bar(self, base: str, page=None) -> Markup:
        bar = self._same("partials/nc-safety-bar.html", base)
        return Markup(bar.replace("<!--nc-languages-->", self.languages(page, base)))

    def alternates(self, page, base: str) -> list:
        """The same page in each other language: (code, name, address from this page)."""
        path = (getattr(page, "url", None) or "index.html") if page is not None else "index.html"
        out = []
        for lang in self.others:
            if self.lang == self.main:       # from the root site into <code>/
                href = f"{lang['code']}/{path}"
            elif lang["code"] == self.main:  # from <this code>/ back to the root
                href = f"../{path}"
            else:                            # between two other languages
                href = f"../{lang['code']}/{path}"
            out.append((lang["code"], lang["name"], posixpath.join(base, href) if base else href))
        return out

    def languages(self, page, base: str) -> Markup:
        if not self.others:
            return Markup("")
        return self._render("partials/nc-languages.html", base, alternates=self.alternates(page, base))

    def footer(self, base: str) -> Markup:
        return self._same("partials/nc-footer.html", base)

    def _same(self, name, base) -> Markup:
        """A partial that is the same on every page at the same depth: made once per depth."""
        key = (name, base)
        if key not in self._made:
            self._made[key] = self._render(name, base)
        return self._made[key]

    def scripts_for(self, content: str | None) -> list[str]:
        def used(marker):
            markers = (marker,) if isinstance(marker, str) else marker
            return any(m in content for m in markers) if content else False
        return [name for name, marker in SCRIPTS if marker is None or used(marker)]

    def before_theme(self, page, base: str) -> Markup:
        """The strings the page's scripts use, and the storage guard (it must run before the
        theme's bundle, the first script that would store anything). Made once for each set of
        scripts and depth."""
        names = tuple(self.scripts_for(getattr(page, "content", None)))
        key = ("before", names, base)
        if key not in self._made:
            keys = {k for n in names + (GUARD,) for k in self.keys[n]}
            self._made[key] = self._render("partials/nc-scripts.html", base, part="before", scripts=[GUARD],
                                           script_strings=self.site.strings.subset(keys))
        return self._made[key]

    def after_theme(self, page, base: str) -> Markup:
        names = tuple(self.scripts_for(getattr(page, "content", None)))
        key = ("after", names, base)
        if key not in self._made:
            self._made[key] = self._render("partials/nc-scripts.html", base, part="after", scripts=list(names),
                                           script_strings={})
        return self._made[key]
