"""Finishing touches on every built page: pure functions, HTML text in, HTML text out."""
import base64
import hashlib
import re


_SECTION_NAV = re.compile(r'<nav class="md-nav" data-md-level="\d+" aria-labelledby="__nav_([\d_]+)_label"[^>]*>\s*'
                          r'<label class="md-nav__title" for="__nav_\1">\s*<span class="md-nav__icon md-icon"></span>\s*([^<]+?)\s*</label>')


def tidy_theme_html(page_html: str) -> str:
    """Four spots in the theme's markup that the HTML validator rejects; the behaviour stays."""
    page_html = re.sub(r'(<label[^>]*?) tabindex=""', r"\1", page_html)
    page_html = re.sub(r'(<input[^>]*type="(?:checkbox|radio)"[^>]*?) autocomplete="off"', r"\1", page_html)
    page_html = re.sub(r'(<input[^>]*?) autocomplete="off"([^>]*type="(?:checkbox|radio)")', r"\1\2", page_html)
    page_html = page_html.replace(' autocorrect="off"', "")
    # Toggles the theme hides with CSS (.md-toggle); a `hidden` attribute breaks their labels.
    page_html = re.sub(r'(<input class="md-nav__toggle md-toggle"[^>]*?) hidden', r"\1", page_html)
    # The search box is a dialog; give it a name (axe and Lighthouse: aria-dialog-name): the
    # theme's own word for search in the page's language, from its search options bar.
    name = re.search(r'<nav class="md-search__options" aria-label="([^"]*)"', page_html)
    page_html = page_html.replace('data-md-component="search" role="dialog">',
                                  f'data-md-component="search" role="dialog" aria-label="{name.group(1) if name else "Search"}">', 1)
    # A section whose index page is its link has an empty label, so its nav had no name and
    # two such navs shared one (axe: landmark-unique): name each nav by its section title.
    page_html = _SECTION_NAV.sub(lambda m: m.group(0).replace(f'aria-labelledby="__nav_{m.group(1)}_label"',
                                                              f'aria-label="{m.group(2).strip()}"', 1), page_html)
    if 'id="__toc"' not in page_html:
        page_html = page_html.replace('<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">')
    return page_html


_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.S)


def add_csp(page_html: str) -> str:
    """A Content-Security-Policy that allows only the site's own files, and the theme's few
    inline scripts by their hash."""
    hashes = sorted({"'sha256-" + base64.b64encode(hashlib.sha256(m.group(1).encode()).digest()).decode() + "'"
                     for m in _INLINE_SCRIPT.finditer(page_html)})
    policy = ("default-src 'self'; script-src 'self' " + " ".join(hashes) +
              "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
              "connect-src 'self'; worker-src 'self' blob:; frame-src 'self'; object-src 'none'; "
              "base-uri 'self'; form-action 'none'")
    meta = (f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
            '<meta name="referrer" content="no-referrer">')
    return page_html.replace('<meta charset="utf-8">', '<meta charset="utf-8">' + meta, 1)


_LOC = re.compile(r"(<loc>([^<]*)</loc>)")


def sitemap_with_alternates(sitemap: str, own_url: str, languages: list[tuple[str, str, set]]) -> str:
    """A site's sitemap.xml with, under each page's address, the same page in every language
    that has it (hreflang annotations, as search engines read them from a sitemap).

    `own_url` is this language's site_url; `languages` holds (code, site_url, the set of page
    paths that language built, such as "help.html" or "" for its home page), this one
    included. Pages are kept in the <head> free of hreflang links: the theme fetches a
    sitemap.xml beside every alternate link it finds, which for a page's address is a 404."""
    def annotate(m):
        url = m.group(2)
        if not url.startswith(own_url):
            return m.group(1)
        path = url[len(own_url):]
        links = [f'<xhtml:link rel="alternate" hreflang="{code}" href="{root}{path}"/>'
                 for code, root, paths in languages if path in paths]
        return m.group(1) + ("".join(links) if len(links) > 1 else "")
    out = _LOC.sub(annotate, sitemap)
    if out != sitemap:
        out = out.replace('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
                          '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                          'xmlns:xhtml="http://www.w3.org/1999/xhtml">', 1)
    return out
