"""Step 3, finish: what the build adds or changes once the theme has made a page.

- `assets`: the finished assets, today one stylesheet (`site.css`: the clinic's colours, the
  worksheet styles in overrides/assets/css/nc-sheet.css, which the PDFs use too, and the site's
  own styles in overrides/assets/css/nc.css): one request on the critical path.
- `page`: each built page (and the 404 page): the theme HTML patches and the content security
  policy (macros/postprocess.py).
- `pdfs`: the worksheet PDFs and the workbook (macros/pdf.py) into <site>/worksheets/pdf/.
- `link_sitemaps`: once every language is built, each sitemap names the same page in the other
  languages (hreflang).
Nothing here needs MkDocs: text and folders in, text and files out.
"""
from __future__ import annotations

import gzip
import re
from pathlib import Path

from . import pdf, postprocess
from .templates import OVERRIDES

CSS = OVERRIDES / "assets" / "css"
SHEET_CSS = CSS / "nc-sheet.css"
STYLESHEET = "assets/css/site.css"  # mkdocs.yml lists it under extra_css


def site_css(project) -> str:
    return "\n".join([project.render("nc/colors.css.html", colors=project.site.settings["colors"]),
                      SHEET_CSS.read_text(encoding="utf-8"), (CSS / "nc.css").read_text(encoding="utf-8")])


def assets(project) -> dict[str, str]:
    return {STYLESHEET: site_css(project)}


def page(html: str) -> str:
    return postprocess.add_csp(postprocess.tidy_theme_html(html))


def pdfs(project, site_dir: Path) -> None:
    """Raises content.ContentError when a sheet does not fit the pages its record says."""
    if project.pdf:
        pdf.write_all(project, Path(site_dir) / "worksheets" / "pdf", SHEET_CSS, project.lang)


def link_sitemaps(sites: list[tuple[str, str, Path]]) -> None:
    """sites: (language code, the language's full address ending in /, its built folder).
    Search engines need full addresses, so the build calls this only when site_url is set."""
    maps = {code: (folder / "sitemap.xml").read_text(encoding="utf-8") for code, _, folder in sites}
    paths = {code: {loc[len(url):] for loc in re.findall(r"<loc>([^<]*)</loc>", maps[code]) if loc.startswith(url)}
             for code, url, _ in sites}
    table = [(code, url, paths[code]) for code, url, _ in sites]
    for code, url, folder in sites:
        text = postprocess.sitemap_with_alternates(maps[code], url, table)
        (folder / "sitemap.xml").write_text(text, encoding="utf-8")
        (folder / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
