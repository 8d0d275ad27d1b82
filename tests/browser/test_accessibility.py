"""WCAG 2.2 AA checks with axe-core on every page type, in both colour schemes and every
language, and the layout at 320 px width (the equivalent of 400% zoom on a 1280 px screen)."""
import pytest

pytestmark = pytest.mark.browser

from conftest import LANG_PREFIXES, load
from macros.pages import day_src, html_of, track_src

_nc = load()
PAGE_TYPES = {
    "home": "index.html",
    "guide": "guide/index.html",
    "day": html_of(day_src(min(_nc.tracks), 7)),
    "overview": html_of(track_src(max(_nc.tracks))),
    "script": f"scripts/{next(k for k, s in _nc.scripts.items() if s['to_person'])}.html",
    "exercise": f"exercises/{next(iter(_nc.exercises))}.html",
    "exercise index": "exercises/index.html",
    "sos": "sos.html",
    "worksheet": f"worksheets/{next(k for k, w in _nc.worksheets.items() if any(b['type'] == 'table' for b in w['blocks']))}.html",
    "help": "help.html",
    "today": "today.html",
    "privacy": "privacy.html",
    "friends and family": "friends-and-family.html",
    "start": "start.html",
    "self-check": "self-check.html",
    "notes (session summary)": "notes.html",
    "trusted person": "trusted-person.html",
    "adapting (code blocks)": "adapting.html",
}
# WCAG 2.2 AA and axe's best practices (landmarks, unique names, headings...)
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


# Every page type in both colour schemes; in each further language, in the light scheme (the
# words change, the colours do not).
RUNS = [(prefix, scheme) for prefix in LANG_PREFIXES for scheme in (["light", "dark"] if not prefix else ["light"])]


@pytest.mark.parametrize("prefix,scheme", RUNS, ids=[f"{p or 'first'}-{s}" for p, s in RUNS])
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_axe_reports_no_violations(web, kind, prefix, scheme):
    from axe_playwright_python.sync_playwright import Axe
    # axe scrolls each element into view as it checks it, and the theme's header swaps in the
    # page title with a fade as the page scrolls: axe then reads a half-faded title as low
    # contrast, now and then. Transitions off for this run (the page's own policy would block
    # the style that turns them off, so it is bypassed in this test only).
    page = web(color_scheme=scheme, bypass_csp=True).open(prefix + PAGE_TYPES[kind])
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")
    if kind == "script":
        page.click(".nc-gate__open")
    if kind == "start":
        page.locator("input[name=danger]").first.check()
    if kind == "self-check":  # with the result and the help block showing
        for i in range(1, 5):
            page.check(f"input[name=q{i}][value='3']")
        page.check("input[name=safety][value=yes]")
        page.click("[data-nc-selfcheck] button[type=submit]")
        page.wait_for_timeout(300)  # the button's hover colours finish their transition
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    violations = results.response["violations"]
    summary = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    assert not violations, summary


@pytest.mark.parametrize("prefix", LANG_PREFIXES, ids=[p or "first" for p in LANG_PREFIXES])
@pytest.mark.parametrize("kind", ["home", "day", "script", "worksheet", "today", "start", "self-check",
                                  "notes (session summary)", "trusted person"])
def test_no_sideways_scrolling_at_320_px(web, kind, prefix):
    page = web(viewport={"width": 320, "height": 640}).open(prefix + PAGE_TYPES[kind])
    if kind == "script":
        page.click(".nc-gate__open")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"{kind}: {overflow}px of sideways scrolling at 320 px"
    assert page.locator("[data-nc-exit]").is_visible()


def test_every_control_reachable_by_keyboard_on_a_script_page(web):
    page = web().open(PAGE_TYPES["script"])
    page.keyboard.press("Tab")
    seen = []
    for _ in range(80):
        seen.append(page.evaluate("(document.activeElement.className || '') + '|' + (document.activeElement.getAttribute('data-nc-field') || '')"))
        if "nc-gate__open" in seen[-1]:
            page.keyboard.press("Enter")
        page.keyboard.press("Tab")
    text = " ".join(seen)
    assert "nc-exit" in seen[0]
    from macros.content import placeholders_in
    script = _nc.scripts[PAGE_TYPES["script"].split("/")[1][:-5]]
    assert "nc-gate__open" in text and "nc-copy" in text
    assert all(f"|{name}" in text for name in placeholders_in(script)), "every blank to fill in"
