"""The Today page: the track at a glance, today's step in one tap when saving is on, nothing
stored without opt-in, and nothing that moves when the script fills the page in."""
from datetime import date, timedelta

import pytest

from conftest import LAYOUT_SHIFT
from macros.pages import day_src, html_of

pytestmark = pytest.mark.browser


def storage(page):
    return page.evaluate("() => Object.keys(localStorage).length + Object.keys(sessionStorage).length")


def start(page, days_ago, length):
    page.select_option("#nc-track", str(length))
    page.fill("#nc-start", (date.today() - timedelta(days=days_ago)).isoformat())
    page.click("#nc-today-form button[type=submit]")


def test_the_grid_marks_today_and_the_check_ins(web, nc):
    short = min(nc.tracks)
    page = web().open("today.html")
    start(page, 4, short)
    grid = page.locator(f"[data-nc-cal='{short}']")
    assert grid.is_visible() and grid.locator("tbody tr").count() == -(-short // 7), "weeks as rows"
    today = grid.locator("a[aria-current=date]")
    assert today.count() == 1
    assert today.get_attribute("href").endswith(html_of(day_src(short, 5)))
    cell = grid.locator("td[data-nc-cal-day='5']")
    assert nc.strings.today_grid_today in cell.inner_text(), "today is marked in words, not by colour alone"
    for n in nc.milestones_of(short):
        assert "nc-cal__checkin" in grid.locator(f"td[data-nc-cal-day='{n}']").get_attribute("class"), n
    for length in nc.tracks:
        if length != short:
            assert page.locator(f"[data-nc-cal='{length}']").is_hidden(), "only the chosen track's grid"


def test_done_days_and_slips_show_only_with_saving_on(web, nc):
    short = min(nc.tracks)
    w = web()
    page = w.open("today.html")
    start(page, 4, short)
    page.click(".nc-today__slip")
    cell = page.locator(f"[data-nc-cal='{short}'] td[data-nc-cal-day='5']")
    assert "↺" in cell.inner_text() and nc.strings.today_grid_slip in cell.locator("a").inner_text(), "a slip, shown as a slip"
    assert storage(page) == 0, "nothing stored without opt-in"
    page.locator("[data-nc-storage] input[type=checkbox]").check()
    start(page, 4, short)
    page.click(".nc-today__mark")
    page.reload()
    cell = page.locator(f"[data-nc-cal='{short}'] td[data-nc-cal-day='5']")
    assert "✓" in cell.inner_text() and nc.strings.today_grid_done in cell.locator("a").inner_text()
    page.locator("[data-nc-storage] button").click()
    assert storage(page) == 0


def test_todays_step_is_one_tap_from_home_with_saving_on(web, nc):
    longest = max(nc.tracks)
    w = web(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = w.open("privacy.html")
    page.locator("[data-nc-storage] input[type=checkbox]").check()
    page = w.open("today.html")
    start(page, 4, longest)
    page = w.open("index.html")
    page.click(".nc-door__action--today")
    page.wait_for_url("**/today.html")
    button = page.locator(".nc-today__open")
    assert button.is_visible(), "no input needed"
    assert button.bounding_box()["y"] < 844, "in the first screen"
    button.click()
    page.wait_for_url("**/" + html_of(day_src(longest, 5)))


def test_the_grid_works_without_javascript(web, nc):
    page = web(java_script_enabled=False).open("today.html")
    for length in nc.tracks:
        assert page.locator(f"[data-nc-cal='{length}'] a").count() == length


@pytest.mark.parametrize("path", ["today.html", "start.html", "index.html", "sos.html"])
def test_no_layout_shift_when_the_scripts_fill_in(web, path):
    page = web(viewport={"width": 390, "height": 844}).open(path)
    assert page.evaluate(LAYOUT_SHIFT) == 0
