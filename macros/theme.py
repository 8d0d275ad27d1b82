"""What the theme's templates call (overrides/main.html): the project's partials, rendered by
the project's own Jinja environment (escaped, strict), and the page scripts each page needs.

The hook puts one `ThemeParts` into the theme's Jinja globals as `nc`.
"""
from __future__ import annotations

import posixpath
from pathlib import Path

from markupsafe import Markup

from .strings import USE_IN_SCRIPTS

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
]
GUARD = "nc-guard.js"  # the storage guard: before the theme's bundle, on every page


class ThemeParts:
    def __init__(self, build, js_dir: Path, lang: str = "en"):
        self.build, self.site = build, build.site
        self._made = {}
        self.lang = lang
        langs = build.site.settings["languages"]
        self.main = langs[0]["code"] if langs else lang
        self.others = [l for l in langs if l["code"] != lang]
        self.keys = {name: sorted(set(USE_IN_SCRIPTS.findall((js_dir / name).read_text(encoding="utf-8"))))
                     for name, _ in SCRIPTS + [(GUARD, None)]}

    def _render(self, name, base, **extra) -> Markup:
        return Markup(self.build.render(name, base=base, **extra))

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
        theme's bundle, the first script that would store anything)."""
        names = self.scripts_for(getattr(page, "content", None))
        keys = {k for n in names + [GUARD] for k in self.keys[n]}
        return self._render("partials/nc-scripts.html", base, part="before", scripts=[GUARD],
                            script_strings=self.site.strings.subset(keys))

    def after_theme(self, page, base: str) -> Markup:
        return self._render("partials/nc-scripts.html", base, part="after",
                            scripts=self.scripts_for(getattr(page, "content", None)), script_strings={})
