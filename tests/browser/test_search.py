"""The site's search finds the words readers type, in every language: each page below has
`keywords` (a record's field, or a hand-written page's front matter), and typing each of them
into the real search box, in headless Chromium, lists that page among the results shown.

The cases name pages, not words: the words are read from this checkout's records and pages,
so a fork that changes them is tested on its own words, and a page a fork removed (or left
without keywords) is skipped."""
import re

import pytest

from conftest import LANG_CODES
from macros import yamlio
from macros.pages import day_src, html_of

pytestmark = pytest.mark.browser

# Pages readers look for with words the page itself may not use (kids, ex, relapse, stalking,
# restraining order; recaída, acoso, orden de protección...).
PAGES = ["scripts/low-contact-coparent", "scripts/tell-partner", "scripts/tell-family", "scripts/workplace-request",
         "scripts/housing-request", "exercises/slow-breathing", "exercises/urge-surfing", "exercises/plan-for-firsts",
         "exercises/contact-attempt", "program/slipped", "guide/safety", "guide/the-science", "help",
         "days/stop-checking"]   # a day: its page in the longest track (the only one indexed)
WORDS_PER_PAGE = 3   # the first ones: enough for a dozen pages to stay quick
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def address_of(lang, page: str) -> str:
    """Where a case's page is inside its language's site (a day: in the longest track)."""
    kind, _, rid = page.partition("/")
    if kind == "days":
        longest = max(lang.nc.tracks)
        n = next(d["n"] for d in lang.nc.tracks[longest] if d["id"] == rid)
        return html_of(day_src(longest, n))
    return page + ".html"


def keywords_of(lang, page: str) -> list[str] | None:
    """A page's keywords in one language, or None when this checkout has no such page."""
    kind, _, rid = page.partition("/")
    if kind == "days":
        day = next((d for d in lang.nc.tracks[max(lang.nc.tracks)] if d["id"] == rid), None)
        return None if day is None else list(day.get("keywords") or [])
    records = {"scripts": lang.nc.scripts, "exercises": lang.nc.exercises, "worksheets": lang.nc.worksheets}
    if kind in records and rid:
        record = records[kind].get(rid)
        return None if record is None else list(record.get("keywords") or [])
    src = lang.docs / f"{page}.md"
    if not src.is_file():
        return None
    front = _FRONT.match(src.read_text(encoding="utf-8"))
    return list((yamlio.loads(front.group(1)) or {}).get("keywords") or []) if front else []


# The pages the results list shows (the theme renders the first ten, more on scrolling).
SHOWN = """() => [...document.querySelectorAll('.md-search-result__list a.md-search-result__link')]
                 .map(a => new URL(a.href).pathname)"""
FOUND = """want => [...document.querySelectorAll('.md-search-result__list a.md-search-result__link')]
                 .some(a => new URL(a.href).pathname === want)"""


def search(page, word: str) -> None:
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    page.keyboard.type(word, delay=15)


@pytest.mark.parametrize("target", PAGES)
@pytest.mark.parametrize("code", LANG_CODES)
def test_typing_a_readers_word_finds_the_page(web, langs, code, target):
    lang = langs[code]
    words = keywords_of(lang, target)
    if words is None:
        pytest.skip(f"{code}: this checkout has no page {target}")
    assert words, f"docs/{lang.prefix}{target}: no keywords, so readers' words for it find nothing"
    w = web()
    page = w.open(lang.prefix + "index.html")
    missed = []
    want = "/" + lang.prefix + address_of(lang, target)
    for word in words[:WORDS_PER_PAGE]:
        search(page, word)
        try:
            page.wait_for_function(FOUND, arg=want, timeout=8000)
        except Exception:
            missed.append(f"{word!r} lists {page.evaluate(SHOWN)[:10]}")
    assert not missed, f"{want} ({target}) is not among the results for: " + "; ".join(missed)


def test_a_word_no_page_has_finds_nothing(web, langs):
    """The check above can fail: a made-up word lists no page."""
    w = web()
    page = w.open("index.html")
    search(page, "zqxjvwk")
    page.wait_for_selector(".md-search-result__meta", timeout=8000)
    page.wait_for_timeout(500)
    assert page.locator(".md-search-result__list a.md-search-result__link").count() == 0
