"""The real pages in headless Chromium: quick exit, privacy, scripts, SOS timer, Today."""
import re
from datetime import date, timedelta

import pytest

from conftest import pages

pytestmark = pytest.mark.browser
EXIT = "https://www.bbc.co.uk/weather"


def storage(page):
    return page.evaluate("""() => ({local: Object.keys(localStorage), session: Object.keys(sessionStorage)})""")


def test_smoke_home_renders_with_exit_visible(web):
    w = web()
    page = w.open("index.html")
    assert "No Contact Program" in page.title()
    exit_link = page.locator("[data-nc-exit]")
    assert exit_link.is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-nc-exit')"), "exit is first in keyboard order"


def test_exit_by_click_replaces_history(web):
    w = web()
    page = w.open("guide/the-rules.html")
    page.click("[data-nc-exit]")
    page.wait_for_url(EXIT)
    assert w.foreign == [EXIT]
    page.go_back()
    assert "the-rules" not in page.url, "the site page is not the Back target"


def test_back_after_exit_shows_the_earlier_page_whole(web):
    w = web()
    page = w.open("guide/index.html")
    page.click("text=The seven rules")
    page.wait_for_url("**/the-rules.html")
    page.click("[data-nc-exit]")
    page.wait_for_url(EXIT)
    page.go_back()
    assert page.url.endswith("guide/index.html")
    assert page.locator("article h1").is_visible(), "the page is not left blank"
    assert page.locator("[data-nc-exit-overlay]").is_hidden()


def test_exit_stays_visible_when_scrolled_on_a_phone(web):
    w = web(viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True)
    page = w.open("guide/safety.html")
    page.mouse.wheel(0, 4000)
    page.wait_for_timeout(200)
    box = page.locator("[data-nc-exit]").bounding_box()
    assert box and 0 <= box["y"] < 80, box
    top = page.evaluate("""() => { const r = document.querySelector('[data-nc-exit]').getBoundingClientRect();
        const el = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        return !!el.closest('[data-nc-exit]'); }""")
    assert top, "nothing covers the exit button"


def test_exit_by_pressing_shift_three_times(web):
    w = web()
    page = w.open("sos.html")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert "1 more time" in page.locator("[data-nc-exit-status]").inner_text()
    page.keyboard.press("Shift")
    page.wait_for_url(EXIT)


def test_two_shift_presses_then_a_pause_do_not_exit(web):
    w = web()
    page = w.open("sos.html")
    page.clock.install()
    page.reload()
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.clock.fast_forward(6000)
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url.endswith("sos.html")


def test_exit_without_javascript_is_a_plain_link(web):
    w = web(java_script_enabled=False)
    page = w.open("help.html")
    page.click("[data-nc-exit]")
    page.wait_for_url(EXIT)


def test_every_page_zero_foreign_requests_zero_cookies_nothing_stored(web, site):
    w = web()
    for path in pages(site):
        rel = path.relative_to(site).as_posix()
        page = w.open(rel)
        page.wait_for_load_state("load")
    assert w.foreign == [], w.foreign[:5]
    assert w.context.cookies() == []
    assert storage(page) == {"local": [], "session": []}


def test_storage_only_after_opt_in_and_empty_after_wipe(web):
    w = web()
    page = w.open("program/30-days/day-03.html")
    page.locator(".nc-checkin input[value='7']").first.check()
    page.locator("label[for='__palette_1']").click()
    assert storage(page) == {"local": [], "session": []}, "nothing stored without opt-in"
    page = w.open("privacy.html")
    page.locator("[data-nc-storage] input[type=checkbox]").check()
    page = w.open("program/30-days/day-03.html")
    page.locator(".nc-checkin input[value='7']").first.check()
    assert any(k.startswith("nc.checkin") for k in storage(page)["local"])
    page.reload()
    assert page.locator(".nc-checkin input[value='7']").first.is_checked(), "saved after opt-in"
    page = w.open("privacy.html")
    page.locator("[data-nc-storage] button").click()
    assert storage(page) == {"local": [], "session": []}
    assert "Erased" in page.locator("[data-nc-storage] [role=status]").inner_text()


XSS = "<img src=x onerror=alert(1)>"


def test_script_fields_take_text_never_markup_and_copy(web, browser, server):
    w = web(permissions=["clipboard-read", "clipboard-write"])
    page = w.open("scripts/tell-partner.html")
    script = page.locator("[data-nc-script]")
    assert script.is_hidden(), "the safety check comes first"
    assert page.locator("[data-nc-gate]").is_visible()
    page.click(".nc-gate__open")
    assert script.is_visible()
    images_before = page.locator("img").count()
    fields = page.locator("[data-nc-field]")
    assert fields.count() >= 2
    for i in range(fields.count()):
        fields.nth(i).fill(XSS)
    shown = page.locator(".nc-message:not([hidden]) .nc-message__text")
    assert shown.count() == 1
    assert XSS in shown.inner_text()
    assert page.locator("img").count() == images_before
    assert w.dialogs == []
    page.locator("input[name=variant]").nth(1).check()
    text = page.locator(".nc-message:not([hidden]) .nc-message__text").inner_text()
    page.click(".nc-copy")
    page.wait_for_function("document.querySelector('.nc-status').textContent.length > 0")
    assert page.evaluate("navigator.clipboard.readText()") == text
    assert XSS in text


def test_scripts_not_to_the_person_show_at_once(web):
    page = web().open("scripts/tell-support-people.html")
    assert page.locator("[data-nc-gate]").count() == 0
    assert page.locator("[data-nc-script]").is_visible()


def test_gate_reads_first_without_javascript(web):
    page = web(java_script_enabled=False).open("scripts/tell-family.html")
    gate_y = page.locator("[data-nc-gate]").bounding_box()["y"]
    script_y = page.locator("[data-nc-script]").bounding_box()["y"]
    assert gate_y < script_y
    assert "[their name]" in page.locator(".nc-message__text").first.inner_text()


def test_sos_timer_counts_down_ten_minutes(web):
    w = web()
    page = w.open("sos.html")
    page.clock.install()
    page.reload()
    page.click(".nc-timer__start")
    assert page.locator(".nc-timer__clock").inner_text() == "10:00"
    page.clock.run_for(61_000)
    assert page.locator(".nc-timer__clock").inner_text() == "8:59"
    page.clock.run_for(9 * 60_000)
    assert "Ten minutes" in page.locator(".nc-timer__status").inner_text()


def test_sos_page_without_javascript_still_reads(web):
    page = web(java_script_enabled=False).open("sos.html")
    assert page.locator(".nc-timer__controls").is_hidden()
    assert "ten minutes" in page.locator("article").inner_text().lower()
    assert page.locator(".nc-lines").is_visible()


def test_exercise_filter_by_situation(web):
    page = web().open("exercises/index.html")
    page.select_option("#nc-filter", "firsts")
    visible = page.locator(".nc-situation:visible")
    assert visible.count() == 1 and visible.get_attribute("id") == "firsts"


def _start(page, days_ago):
    page.fill("#nc-start", (date.today() - timedelta(days=days_ago)).isoformat())
    page.select_option("#nc-track", "30")
    page.click("#nc-today-form button[type=submit]")


def test_today_shows_the_day_slip_keeps_it_and_opt_in_persists(web):
    w = web()
    page = w.open("today.html")
    _start(page, 4)
    assert "day 5 of 30" in page.locator(".nc-today__day").inner_text()
    assert page.locator(".nc-today__open").get_attribute("href").endswith("program/30-days/day-05.html")
    page.click(".nc-today__slip")
    assert "day 5 of 30" in page.locator(".nc-today__day").inner_text(), "a slip keeps the day"
    assert "last contact: 0" in page.locator(".nc-today__since-contact").inner_text()
    assert "started: 4" in page.locator(".nc-today__since-start").inner_text()
    assert storage(page)["local"] == [], "nothing stored without opt-in"
    page.reload()
    assert page.locator(".nc-today__day").count() == 0 or "day 5" not in page.locator(".nc-today__result").inner_text()
    page.locator("[data-nc-storage] input[type=checkbox]").check()
    _start(page, 4)
    page.reload()
    assert "day 5 of 30" in page.locator(".nc-today__day").inner_text(), "kept after opt-in"
    page.locator("[data-nc-storage] button").click()
    assert storage(page) == {"local": [], "session": []}


@pytest.mark.parametrize("discreet", [False, True])
def test_calendar_file_parses_with_one_event_a_day(web, discreet):
    from icalendar import Calendar
    w = web(accept_downloads=True)
    page = w.open("today.html")
    page.select_option("#nc-track", "60")
    page.fill("#nc-start", "2026-12-01")
    page.fill("#nc-reminder", "20:30")
    if discreet:
        page.check("#nc-discreet")
    with page.expect_download() as info:
        page.click(".nc-calendar__download")
    text = open(info.value.path(), encoding="utf-8").read()
    cal = Calendar.from_ical(text)
    events = cal.walk("VEVENT")
    assert len(events) == 60
    first = events[0]
    assert str(first["DTSTART"].dt)[:16] == "2026-12-01 20:30"
    titles = {str(e["SUMMARY"]) for e in events}
    if discreet:
        assert titles == {"Daily reflection"}
        assert not re.search(r"no.?contact", text.lower()) and "URL" not in text
    else:
        assert "Day 1 of 60" in str(first["SUMMARY"])
        assert str(events[6]["URL"]).endswith("program/60-days/day-07.html")


def test_offline_copy_from_a_folder_works_with_search(browser, site):
    from conftest import Page
    w = Page(browser, site.as_uri() + "/")
    try:
        page = w.open("index.html")
        page.click("[data-nc-exit]", trial=True)
        page.locator("input.md-search__input").click()
        page.keyboard.type("grounding", delay=50)
        page.wait_for_selector(".md-search-result__item", timeout=10000)
        assert page.locator(".md-search-result__item").count() > 0
        page.locator(".md-search-result__item a").first.click()
        page.wait_for_load_state()
        assert page.url.startswith("file://")
        page = w.open("guide/index.html")
        page.click("text=The seven rules")
        assert page.url.endswith("guide/the-rules.html")
        assert w.foreign == []
    finally:
        w.close()


def test_sos_reasons_are_kept_only_after_opt_in(web):
    w = web()
    page = w.open("sos.html")
    assert page.locator("[data-nc-reasons] form").is_hidden(), "no writing box before opt-in"
    assert page.locator(".nc-reasons__empty").is_visible()
    page = w.open("privacy.html")
    page.locator("[data-nc-storage] input[type=checkbox]").check()
    page = w.open("sos.html")
    page.fill("#nc-reasons-text", "They read my messages\nI sleep again")
    page.click("[data-nc-reasons] button")
    page.reload()
    items = page.locator("[data-nc-reasons] li")
    assert items.count() == 2 and items.first.inner_text() == "They read my messages"
    page = w.open("privacy.html")
    page.locator("[data-nc-storage] button").click()
    page = w.open("sos.html")
    assert page.locator("[data-nc-reasons] li").count() == 0
