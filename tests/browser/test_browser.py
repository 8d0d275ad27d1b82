"""The real pages in headless Chromium: quick exit, privacy, scripts, SOS timer, check-in,
Today. Words, addresses and tracks are read from this checkout's settings and strings."""
import re
from datetime import date, timedelta

import pytest

from conftest import pages
from macros.pages import day_src, html_of

pytestmark = pytest.mark.browser


def storage(page):
    return page.evaluate("""() => ({local: Object.keys(localStorage), session: Object.keys(sessionStorage)})""")


@pytest.fixture(scope="module")
def exit_url(nc):
    return nc.settings["exit"]["url"]


@pytest.fixture(scope="module")
def to_person(nc):
    """A script to the person with blanks to fill in and more than one version."""
    return next(k for k, s in nc.scripts.items() if s["to_person"] and len(s["variants"]) > 1
                and "{" in s["variants"][0]["text"])


def short_day(nc, n):
    return html_of(day_src(min(nc.tracks), n))


def test_smoke_home_renders_with_exit_visible(web, nc):
    from conftest import settings_of, ROOT
    from macros import yamlio
    w = web()
    page = w.open("index.html")
    assert yamlio.load(ROOT / "mkdocs.yml")["site_name"] in page.title()
    assert page.locator("[data-nc-exit]").is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-nc-exit')"), "exit is first in keyboard order"


def test_exit_by_click_replaces_history(web, exit_url):
    w = web()
    page = w.open("guide/index.html")
    page.click("[data-nc-exit]")
    page.wait_for_url(exit_url)
    assert w.foreign == [exit_url]
    page.go_back()
    assert "guide/index" not in page.url, "the site page is not the Back target"


def test_back_after_exit_shows_the_earlier_page_whole(web, exit_url):
    w = web()
    page = w.open("guide/index.html")
    page.locator("article a[href$='.html']:not([href^='http'])").first.click()
    page.wait_for_load_state()
    assert not page.url.endswith("guide/index.html")
    page.click("[data-nc-exit]")
    page.wait_for_url(exit_url)
    page.go_back()
    assert page.url.endswith("guide/index.html")
    assert page.locator("article h1").is_visible(), "the page is not left blank"
    assert page.locator("[data-nc-exit-overlay]").is_hidden()


def test_exit_stays_visible_when_scrolled_on_a_phone(web):
    w = web(viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True)
    page = w.open("help.html")
    page.mouse.wheel(0, 4000)
    page.wait_for_timeout(200)
    box = page.locator("[data-nc-exit]").bounding_box()
    assert box and 0 <= box["y"] < 80, box
    top = page.evaluate("""() => { const r = document.querySelector('[data-nc-exit]').getBoundingClientRect();
        const el = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        return !!el.closest('[data-nc-exit]'); }""")
    assert top, "nothing covers the exit button"


def test_exit_by_pressing_shift_three_times(web, nc, exit_url):
    w = web()
    page = w.open("sos.html")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert page.locator("[data-nc-exit-status]").inner_text() == nc.strings.exit_shift_one
    page.keyboard.press("Shift")
    page.wait_for_url(exit_url)


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


def test_exit_without_javascript_is_a_plain_link(web, exit_url):
    w = web(java_script_enabled=False)
    page = w.open("help.html")
    page.click("[data-nc-exit]")
    page.wait_for_url(exit_url)


def test_every_page_zero_foreign_requests_zero_cookies_nothing_stored(web, site):
    w = web()
    for path in pages(site):
        page = w.open(path.relative_to(site).as_posix())
        page.wait_for_load_state("load")
    assert w.foreign == [], w.foreign[:5]
    assert w.context.cookies() == []
    assert storage(page) == {"local": [], "session": []}


def test_no_page_asks_for_a_file_the_site_does_not_have(web, langs, nc):
    """Every file a page asks for exists (the theme, for one, fetches a sitemap.xml beside
    each <link rel=alternate> it finds): home, a day page and Help, in each language."""
    w = web()
    for lang in langs.values():
        for rel in ("index.html", short_day(nc, 1), "help.html"):
            w.open(lang.prefix + rel).wait_for_load_state("networkidle")
    assert w.missing == []


def test_storage_only_after_opt_in_and_empty_after_wipe(web, nc):
    w = web()
    day = short_day(nc, 3)
    page = w.open(day)
    page.locator(".nc-checkin input[value='7']").first.check()
    page.locator("label[for='__palette_1']").click()
    assert storage(page) == {"local": [], "session": []}, "nothing stored without opt-in"
    page = w.open("privacy.html")
    page.locator("[data-nc-storage] input[type=checkbox]").check()
    page = w.open(day)
    page.locator(".nc-checkin input[value='7']").first.check()
    assert any(k.startswith("/.nc.checkin") for k in storage(page)["local"]), "keys start with the site's root path"
    page.reload()
    assert page.locator(".nc-checkin input[value='7']").first.is_checked(), "saved after opt-in"
    page = w.open("privacy.html")
    page.locator("[data-nc-storage] button").click()
    assert storage(page) == {"local": [], "session": []}
    assert page.locator("[data-nc-storage] [role=status]").inner_text() == nc.strings.wiped


def test_a_very_strong_pull_or_a_very_low_mood_shows_the_way_to_help(web, nc):
    page = web().open(short_day(nc, 2))
    help_line = page.locator("[data-nc-checkin-help]")
    assert help_line.inner_text().strip() == "", "no help line until the reader needs it"
    page.locator(".nc-checkin input[name^='urge'][value='5']").check()
    assert help_line.inner_text().strip() == ""
    page.locator(".nc-checkin input[name^='urge'][value='9']").check()
    assert nc.strings.sos_label in help_line.inner_text()
    assert help_line.locator("a[href$='sos.html']").count() == 1 and help_line.locator("a[href$='help.html']").count() == 1
    page.locator(".nc-checkin input[name^='urge'][value='3']").check()
    assert help_line.inner_text().strip() == ""
    page.locator(".nc-checkin input[name^='mood'][value='1']").check()
    assert nc.strings.help_label in help_line.inner_text()
    assert storage(page) == {"local": [], "session": []}, "stored nowhere"


def test_the_help_line_reads_without_javascript(web, nc):
    page = web(java_script_enabled=False).open(short_day(nc, 2))
    assert page.locator("[data-nc-checkin-help] a[href$='sos.html']").is_visible()


XSS = "<img src=x onerror=alert(1)>"


def test_script_fields_take_text_never_markup_and_copy(web, to_person):
    w = web(permissions=["clipboard-read", "clipboard-write"])
    page = w.open(f"scripts/{to_person}.html")
    script = page.locator("[data-nc-script]")
    assert script.is_hidden(), "the safety check comes first"
    assert page.locator("[data-nc-gate]").is_visible()
    page.click(".nc-gate__open")
    assert script.is_visible()
    images_before = page.locator("img").count()
    fields = page.locator("[data-nc-field]")
    assert fields.count() >= 1
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


def test_scripts_not_to_the_person_show_at_once(web, nc):
    other = next(k for k, s in nc.scripts.items() if not s["to_person"])
    page = web().open(f"scripts/{other}.html")
    assert page.locator("[data-nc-gate]").count() == 0
    assert page.locator("[data-nc-script]").is_visible()


def test_gate_reads_first_without_javascript(web, nc, to_person):
    page = web(java_script_enabled=False).open(f"scripts/{to_person}.html")
    gate_y = page.locator("[data-nc-gate]").bounding_box()["y"]
    script_y = page.locator("[data-nc-script]").bounding_box()["y"]
    assert gate_y < script_y
    for button in (".nc-gate__open", ".nc-copy", ".nc-print", "[data-nc-exit-practice]"):
        assert page.locator(button).count() == 0 or page.locator(button).first.is_hidden(), f"{button} shows but cannot work"
    home = web(java_script_enabled=False).open("index.html")
    assert home.locator("[data-nc-exit-practice]").is_hidden(), "Practise the exit shows but cannot work"
    first = next(iter(f for f in nc.placeholders if "{" + f + "}" in nc.scripts[to_person]["variants"][0]["text"]))
    assert f"[{nc.placeholders[first]['default']}]" in page.locator(".nc-message__text").first.inner_text()


def test_sos_timer_counts_down_ten_minutes(web, nc):
    w = web()
    page = w.open("sos.html")
    page.clock.install()
    page.reload()
    assert page.locator(".nc-timer__start").is_visible() and page.locator(".nc-timer__stop").is_hidden()
    page.click(".nc-timer__start")
    assert page.locator(".nc-timer__start").is_hidden() and page.locator(".nc-timer__stop").is_visible()
    assert page.locator(".nc-timer__clock").inner_text() == "10:00"
    page.clock.run_for(61_000)
    assert page.locator(".nc-timer__clock").inner_text() == "8:59"
    page.clock.run_for(9 * 60_000)
    assert page.locator(".nc-timer__status").inner_text() == nc.strings.sos_timer_done


def test_sos_page_without_javascript_still_reads(web):
    page = web(java_script_enabled=False).open("sos.html")
    assert page.locator(".nc-timer__controls").is_hidden()
    assert page.locator(".nc-lines").first.is_visible()


def test_exercise_filter_by_situation(web, nc):
    situation = list(nc.situations)[-1]
    page = web().open("exercises/index.html")
    page.select_option("#nc-filter", situation)
    visible = page.locator(".nc-situation:visible")
    assert visible.count() == 1 and visible.get_attribute("id") == situation


def _start(page, days_ago, length):
    page.fill("#nc-start", (date.today() - timedelta(days=days_ago)).isoformat())
    page.select_option("#nc-track", str(length))
    page.click("#nc-today-form button[type=submit]")


def test_today_shows_the_day_slip_keeps_it_and_opt_in_persists(web, nc):
    short = min(nc.tracks)
    day5 = nc.strings.fill("today_is", n=5, length=short)
    w = web()
    page = w.open("today.html")
    _start(page, 4, short)
    assert page.locator(".nc-today__day").inner_text() == day5
    assert page.locator(".nc-today__open").get_attribute("href").endswith(short_day(nc, 5))
    page.click(".nc-today__slip")
    assert page.locator(".nc-today__day").inner_text() == day5, "a slip keeps the day"
    assert page.locator(".nc-today__since-contact").inner_text() == nc.strings.fill("today_since_contact", n=0)
    assert page.locator(".nc-today__since-start").inner_text() == nc.strings.fill("today_since_start", n=4)
    assert storage(page)["local"] == [], "nothing stored without opt-in"
    page.reload()
    assert day5 not in page.locator(".nc-today__result").inner_text()
    page.locator("[data-nc-storage] input[type=checkbox]").check()
    _start(page, 4, short)
    page.reload()
    assert page.locator(".nc-today__day").inner_text() == day5, "kept after opt-in"
    page.locator("[data-nc-storage] button").click()
    assert storage(page) == {"local": [], "session": []}


@pytest.mark.parametrize("discreet", [False, True])
def test_calendar_file_parses_with_one_event_a_day(web, nc, discreet):
    from icalendar import Calendar
    longest = max(nc.tracks)
    w = web(accept_downloads=True)
    page = w.open("today.html")
    page.select_option("#nc-track", str(longest))
    page.fill("#nc-start", "2026-12-01")
    page.fill("#nc-reminder", "20:30")
    if discreet:
        page.check("#nc-discreet")
    with page.expect_download() as info:
        page.click(".nc-calendar__download")
    name = info.value.suggested_filename
    text = open(info.value.path(), encoding="utf-8").read()
    cal = Calendar.from_ical(text)
    events = cal.walk("VEVENT")
    assert len(events) == longest
    first = events[0]
    assert str(first["DTSTART"].dt)[:16] == "2026-12-01 20:30"
    titles = {str(e["SUMMARY"]) for e in events}
    program = nc.settings["clinic"]["name"]
    if discreet:
        assert titles == {nc.settings["calendar"]["discreet_title"]}
        assert program not in text and "URL" not in text and not re.search(r"no.?contact", (text + name).lower())
    else:
        assert nc.strings.fill("day_of", n=1, length=longest) in str(first["SUMMARY"])
        assert str(events[6]["URL"]).endswith(html_of(day_src(longest, 7)))
        assert program in str(cal["PRODID"]), "the product id names this site, from the settings"
        slug = re.sub(r"[^a-z0-9]+", "-", program.lower()).strip("-")
        assert all(str(e["UID"]).endswith("@" + slug) for e in events), \
            f"the event ids name this site ({slug}, from the settings), so two programs' events never clash"


SEARCH_FILES = ("search_index", "workers/search.")


def test_search_loads_only_when_the_reader_opens_it(web, nc):
    word = next(iter(nc.exercises.values()))["title"].split()[-1].lower()
    w = web()
    asked = []
    w.page.on("request", lambda r: asked.append(r.url))
    page = w.open(short_day(nc, 7))
    page.wait_for_load_state("networkidle")
    assert not [u for u in asked if any(f in u for f in SEARCH_FILES)], "no index before anyone searches"
    page.locator("input.md-search__input").click()
    page.keyboard.type(word, delay=50)
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    assert [u for u in asked if "search_index" in u], "the index loads when search opens"


def test_offline_copy_from_a_folder_works_with_search(browser, site, nc):
    from conftest import Page
    word = next(iter(nc.exercises.values()))["title"].split()[-1].lower()
    w = Page(browser, site.as_uri() + "/")
    asked = []
    w.page.on("request", lambda r: asked.append(r.url))
    try:
        page = w.open("index.html")
        page.wait_for_timeout(500)
        assert not [u for u in asked if any(f in u for f in SEARCH_FILES)], "no index before anyone searches"
        page.click("[data-nc-exit]", trial=True)
        page.locator("input.md-search__input").click()
        page.keyboard.type(word, delay=50)
        page.wait_for_selector(".md-search-result__item", timeout=10000)
        assert page.locator(".md-search-result__item").count() > 0
        page.locator(".md-search-result__item a").first.click()
        page.wait_for_load_state()
        assert page.url.startswith("file://")
        page = w.open("guide/index.html")
        page.locator("article a[href$='.html']").first.click()
        page.wait_for_load_state()
        assert page.url.startswith("file://") and "guide/index.html" not in page.url
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


def test_each_language_exits_in_its_own_words_and_switches_to_the_same_page(web, langs):
    """In every language: Shift speaks that language's words and exits; the language link
    in the bar opens the same page in the other language, by keyboard."""
    for lang in langs.values():
        w = web()
        page = w.open(lang.prefix + "sos.html")
        page.keyboard.press("Shift")
        page.keyboard.press("Shift")
        assert page.locator("[data-nc-exit-status]").inner_text() == lang.nc.strings.exit_shift_one
        page.keyboard.press("Shift")
        page.wait_for_url(lang.nc.settings["exit"]["url"])
        for other in langs.values():
            if other is lang:
                continue
            page = w.open(lang.prefix + "help.html")
            page.locator(f"a.nc-lang[hreflang='{other.code}']").focus()
            with page.expect_navigation():
                page.keyboard.press("Enter")
            assert page.url.endswith("/" + other.prefix + "help.html"), page.url
            assert page.evaluate("document.documentElement.lang") == other.code
