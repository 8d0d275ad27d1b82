"""The front door and "Find your path": four large actions on a phone's first screen, paths
that put safety first, nothing stored, every path listed without JavaScript, and the exit
explained and practised (GOV.UK "Exit this page" messages and timing)."""
import re

import pytest

from conftest import load

pytestmark = pytest.mark.browser
_nc = load()


def storage(page):
    return page.evaluate("() => [Object.keys(localStorage).length, Object.keys(sessionStorage).length]")


def result_links(page):
    return page.locator("[data-nc-path-result] a").evaluate_all("els => els.map(a => a.getAttribute('href'))")


def answer(page, **picks):
    for name, value in picks.items():
        page.check(f"[data-nc-path] input[name={name}][value='{value}']")


def test_home_shows_four_large_actions_in_a_phones_first_screen(web, nc):
    page = web(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True).open("index.html")
    actions = page.locator(".nc-door__action")
    assert actions.count() == 4
    wanted = ["today.html", "sos.html", "help.html", "start.html"]
    for i, target in enumerate(wanted):
        a = actions.nth(i)
        box = a.bounding_box()
        assert a.get_attribute("href").endswith(target)
        assert box["height"] >= 44, f"{target}: {box['height']} px tall"
        assert box["width"] >= 390 - 2 * 24, f"{target}: full width on a phone"
        assert box["y"] + box["height"] <= 844, f"{target} is below the first screen"
    assert actions.nth(2).inner_text() == nc.strings.help_label


def test_home_actions_without_javascript(web):
    page = web(java_script_enabled=False).open("index.html")
    assert page.locator(".nc-door__action").count() == 4


LINK = re.compile(r"\]\(([^)#]+?)\.md(?:#[^)]*)?\)")


def links_of(path) -> list[str]:
    """The pages a path of docs/_data/start.yml links to, as built addresses."""
    return [m + ".html" for step in path["steps"] for m in LINK.findall(step)]


def first_answers() -> dict:
    return {q["id"]: q["answers"][0]["id"] for q in _nc.start["questions"]}


SAFETY = _nc.start["paths"][0]  # docs/_data/start.yml: "Keep the safety path first"


def test_the_safety_path_comes_first_and_hides_every_path_that_needs_no_danger(web):
    """The start page's answers and ids come from this checkout's start.yml. Picking the
    safety path's answer puts its first link first, whatever else is picked, and no path that
    asks for the other answers (such as telling the person, with a script) shows."""
    assert SAFETY.get("when"), "the first path of start.yml is the safety path, shown on some answers"
    page = web().open("start.html")
    for key, values in SAFETY["when"].items():
        for value in values:
            excluded = [p for p in _nc.start["paths"][1:]
                        if key in (p.get("when") or {}) and value not in p["when"][key]]
            for other in excluded or [None]:
                picks = dict(first_answers(), **{k: v[0] for k, v in ((other or {}).get("when") or {}).items()})
                picks[key] = value
                answer(page, **picks)
                links = result_links(page)
                assert links[0].endswith(links_of(SAFETY)[0]), (picks, links)
                if other:
                    shown = {l for p in _nc.start["paths"] if p is not other for l in links_of(p)}
                    for target in set(links_of(other)) - shown:
                        assert not any(l.endswith(target) for l in links), f"{other['id']} shows with {key}={value}"


@pytest.mark.parametrize("path_id", [p["id"] for p in _nc.start["paths"] if p.get("when")])
def test_each_path_shows_when_its_answers_are_picked(web, path_id):
    path = next(p for p in _nc.start["paths"] if p["id"] == path_id)
    page = web().open("start.html")
    picks = {k: v[0] for k, v in path["when"].items()}
    answer(page, **picks)
    links = result_links(page)
    for target in links_of(path):
        assert any(l.endswith(target) for l in links), f"{path_id}: {target} not in {links}"


def test_the_track_question_follows_the_settings(web, nc):
    page = web().open("start.html")
    if len(nc.tracks) > 1:
        longest = max(nc.tracks)
        answer(page, length=str(longest))
        assert any(l.endswith(f"program/{longest}-days/index.html") for l in result_links(page))
        assert page.locator("[data-nc-path] input[name=length]").count() == len(nc.tracks)


def test_answers_are_neither_stored_nor_kept(web):
    w = web()
    page = w.open("start.html")
    answer(page, **first_answers())
    assert storage(page) == [0, 0]
    assert w.foreign == []
    page.reload()
    assert page.locator("[data-nc-path] input:checked").count() == 0, "leaving the page forgets the answers"


def test_every_path_is_listed_without_javascript(web):
    page = web(java_script_enabled=False).open("start.html")
    assert page.locator("[data-nc-path]").is_hidden()
    ways = page.locator("[data-nc-paths] .nc-path__way")
    assert ways.count() == len(_nc.start["paths"]) + len(_nc.tracks)
    assert ways.first.is_visible()


def test_the_exit_is_explained_and_practised_without_leaving(web, nc):
    w = web()
    for path in ("index.html", "start.html"):
        page = w.open(path)
        box = page.locator(".nc-exitbox")
        assert nc.strings.exit_label in box.inner_text() and "Shift" in box.inner_text()
        assert box.locator("a[href$='privacy.html']").count() == 1
    page.click("[data-nc-exit-practice]")
    overlay = page.locator("[data-nc-exit-overlay]")
    assert overlay.is_visible() and nc.strings.exit_practice_overlay in overlay.inner_text()
    assert page.locator("article").evaluate("el => getComputedStyle(el).visibility") == "hidden"
    page.wait_for_timeout(400)
    page.keyboard.press("Enter")
    assert overlay.is_hidden()
    assert page.url.endswith("start.html") and w.foreign == [], "the practice never leaves the site"
    assert page.locator(".nc-exit-practice__status").inner_text() == nc.strings.exit_practice_done


def test_shift_presses_are_announced_and_expire_after_five_seconds(web, nc):
    page = web().open("help.html")
    page.clock.install()
    page.reload()
    status = page.locator("[data-nc-exit-status]")
    page.keyboard.press("Shift")
    assert status.inner_text() == nc.strings.fill("exit_shift_more", count=2)
    page.keyboard.press("Shift")
    assert status.inner_text() == nc.strings.exit_shift_one
    page.clock.run_for(4900)
    assert status.inner_text() == nc.strings.exit_shift_one, "still counting before 5 seconds"
    page.clock.run_for(200)
    assert status.inner_text() == nc.strings.exit_expired
    page.keyboard.press("Shift")
    assert status.inner_text() == nc.strings.fill("exit_shift_more", count=2), "the count starts again"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_look_follows_the_clinics_colours_with_visible_focus(web, nc, scheme):
    def rgb(hex_):
        return f"rgb({int(hex_[1:3], 16)}, {int(hex_[3:5], 16)}, {int(hex_[5:7], 16)})"
    page = web(color_scheme=scheme).open("index.html")
    primary = nc.settings["colors"]["primary"]
    today = page.locator(".nc-door__action--today")
    assert today.evaluate("e => getComputedStyle(e).backgroundColor") == rgb(primary)
    bar = page.locator(".nc-safety-bar").evaluate("e => getComputedStyle(e).backgroundColor")
    assert bar not in ("rgb(31, 42, 51)", "rgba(0, 0, 0, 0)"), "the bar takes the clinic's colour"
    today.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    style = today.evaluate("e => [getComputedStyle(e).outlineStyle, getComputedStyle(e).outlineWidth]")
    assert style[0] == "solid" and float(style[1][:-2]) >= 2, f"a visible focus outline: {style}"
