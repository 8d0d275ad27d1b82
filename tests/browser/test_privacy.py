"""The safety promises as a reader meets them, in every language: typing never trips the
quick exit; what is saved belongs to this site alone (two copies on one origin, as GitHub
Pages serves a clinic's fork beside another site); erase removes exactly this site's keys;
a copy opened from a folder stores nothing and says why."""
import functools
import http.server
import os
import threading
from datetime import date, timedelta

import pytest

from conftest import Page, _Quiet
from macros.pages import day_src, html_of

pytestmark = pytest.mark.browser

SHIFTED = set('ABCDEFGHIJKLMNOPQRSTUVWXYZÁÉÍÓÚÑ!"#$%&()*+:<>?@^_{|}~¿¡')


def type_as_a_person(page, text):
    """Type as a person does: Shift held down for each capital letter or shifted sign, and
    let go after it (Playwright's keyboard.type sends capitals without Shift)."""
    for ch in text:
        if ch in SHIFTED:
            page.keyboard.down("Shift")
            page.keyboard.insert_text(ch) if not ch.isascii() else page.keyboard.press(ch)
            page.keyboard.up("Shift")
        else:
            page.keyboard.type(ch)


def storage(page):
    return page.evaluate("() => ({local: Object.assign({}, localStorage), session: Object.assign({}, sessionStorage)})")


def short_day(nc, n):
    return html_of(day_src(min(nc.tracks), n))


def to_person_script(nc):
    return next(k for k, s in nc.scripts.items() if s["to_person"] and "{" in s["variants"][0]["text"])


TEXT = "Dear Sam, I said NO. OK?"


def fields(lang):
    """Each kind of text field a reader types in: (page, what opens the field, the field)."""
    nc = lang.nc
    yield "script", f"scripts/{to_person_script(nc)}.html", ".nc-gate__open", "[data-nc-field]"
    yield "slip note", "today.html", "start", "#nc-slip-note"
    yield "reasons", "sos.html", "optin", "#nc-reasons-text"
    yield "search", "help.html", None, "input.md-search__input"


@pytest.mark.parametrize("kind", ["script", "slip note", "reasons", "search"])
def test_typing_capitals_in_any_field_never_exits(web, lang, kind):
    _, path, opener, field = next(f for f in fields(lang) if f[0] == kind)
    w = web()
    page = w.open(lang.prefix + path)
    if opener == "start":
        page.select_option("#nc-track", str(min(lang.nc.tracks)))
        page.fill("#nc-start", (date.today() - timedelta(days=2)).isoformat())
        page.click("#nc-today-form button[type=submit]")
    elif opener == "optin":
        page.evaluate("() => window.ncStorage.optIn()")
        page.reload()
    elif opener:
        page.click(opener)
    box = page.locator(field).first
    box.click()
    type_as_a_person(page, TEXT)
    page.wait_for_timeout(300)
    assert page.url == w.base + lang.prefix + path, f"typing in the {kind} field left the page"
    assert box.input_value() == TEXT
    # Shift with other keys: selecting with Shift+arrows, Shift+Tab, Shift+click
    for key in ("Shift+ArrowLeft", "Shift+ArrowLeft", "Shift+Home", "Shift+Tab", "Shift+Tab", "Shift+Tab"):
        page.keyboard.press(key)
    page.locator("main h1").first.click(modifiers=["Shift"])
    page.locator("main h1").first.click(modifiers=["Shift"])
    page.locator("main h1").first.click(modifiers=["Shift"])
    page.wait_for_timeout(300)
    assert page.url == w.base + lang.prefix + path
    assert page.locator("[data-nc-exit]").get_attribute("data-nc-presses") is None
    # ... and three presses of Shift alone still exit, from inside the field too
    box.click()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(lang.nc.settings["exit"]["url"])


def test_a_key_between_lone_shift_presses_starts_the_count_again(web, nc):
    page = web().open("help.html")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("a")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url.endswith("/help.html")
    assert page.locator("[data-nc-exit]").get_attribute("data-nc-presses") == "1"


# ------------------------------------------------------------ two copies on one origin

@pytest.fixture(scope="module")
def one_origin(site, tmp_path_factory):
    """Two copies of the built site on one origin, at /a/ and /b/, as GitHub Pages serves
    the project sites of one account, and a page at /other/ that is not ours."""
    root = tmp_path_factory.mktemp("origin")
    os.symlink(site, root / "a")
    os.symlink(site, root / "b")
    (root / "other").mkdir()
    (root / "other" / "index.html").write_text("<!doctype html><title>Other</title><p>Another site", encoding="utf-8")
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


FOREIGN = {"theme": "dark", "nc.optin": "1", "/other/.__palette": '{"index":1}', "/.__palette": '{"index":1}'}


def opt_in(page):
    box = page.locator("[data-nc-storage] input[type=checkbox]")
    box.check()
    assert box.is_checked()


def save_reasons(page, text):
    page.fill("#nc-reasons-text", text)
    page.click("[data-nc-reasons] button")


def test_two_copies_on_one_origin_keep_apart_and_erase_only_their_own(browser, one_origin, langs):
    w = Page(browser, one_origin)
    try:
        page = w.open("other/index.html")
        page.evaluate("f => Object.entries(f).forEach(([k, v]) => localStorage.setItem(k, v))", FOREIGN)
        page = w.open("a/privacy.html")
        assert not page.locator("[data-nc-storage] input[type=checkbox]").is_checked(), \
            "another page's keys, even one named like ours, do not turn saving on"
        opt_in(page)
        page.locator("label[for='__palette_1']").click()  # the theme's colour scheme, stored by the theme
        page = w.open("a/sos.html")
        save_reasons(page, "Copy A reason")
        keys_a = [k for k in storage(page)["local"] if k not in FOREIGN]
        assert keys_a and all(k.startswith("/a/.") for k in keys_a), keys_a
        assert any(k.endswith("__palette") for k in keys_a), "the theme's key is this site's"

        # The other copy sees nothing of it.
        page = w.open("b/privacy.html")
        assert not page.locator("[data-nc-storage] input[type=checkbox]").is_checked()
        page = w.open("b/sos.html")
        assert page.locator("[data-nc-reasons] li").count() == 0
        assert page.locator("[data-nc-reasons] form").is_hidden()

        # Every language of a copy shares its opt-in and its saved data.
        for lang in langs.values():
            page = w.open("a/" + lang.prefix + "sos.html")
            items = page.locator("[data-nc-reasons] li")
            assert items.count() == 1 and items.first.inner_text() == "Copy A reason", lang.code

        # B saves its own, then erases from its Spanish (or other) pages: A and the foreign keys stay.
        page = w.open("b/privacy.html")
        opt_in(page)
        page = w.open("b/sos.html")
        save_reasons(page, "Copy B reason")
        page.locator("label[for='__palette_1']").click()
        last = list(langs.values())[-1]
        page = w.open("b/" + last.prefix + "privacy.html")
        page.locator("[data-nc-storage] button").click()
        assert page.locator("[data-nc-storage] [role=status]").inner_text() == last.nc.strings.wiped
        left = storage(page)["local"]
        assert not [k for k in left if k.startswith("/b/")], "erase removes all of this copy's keys"
        for k, v in FOREIGN.items():
            assert left.get(k) == v, f"erase left another site's key {k!r} alone"
        assert sorted(k for k in left if k.startswith("/a/")) == sorted(keys_a), "the other copy keeps its data"
        page = w.open("a/sos.html")
        assert page.locator("[data-nc-reasons] li").first.inner_text() == "Copy A reason"
    finally:
        w.close()


# ------------------------------------------------------------ a copy in a folder

def test_a_folder_copy_stores_nothing_and_says_why(browser, site, lang):
    w = Page(browser, site.as_uri() + "/")
    try:
        page = w.open(lang.prefix + "privacy.html")
        box = page.locator("[data-nc-storage]")
        assert lang.nc.strings.storage_file in box.inner_text()
        check = box.locator("input[type=checkbox]")
        if check.is_visible() and check.is_enabled():
            check.click()
        assert page.evaluate("() => window.ncStorage.optIn()") is False
        assert storage(page) == {"local": {}, "session": {}}
        page = w.open(lang.prefix + "today.html")
        assert lang.nc.strings.storage_file in page.locator("[data-nc-storage]").inner_text()
        short = min(lang.nc.tracks)
        page.select_option("#nc-track", str(short))
        page.fill("#nc-start", (date.today() - timedelta(days=4)).isoformat())
        page.click("#nc-today-form button[type=submit]")
        assert page.locator(".nc-today__day").inner_text() == lang.nc.strings.fill("today_is", n=5, length=short), \
            "Today still works for the visit"
        page.click(".nc-today__slip")
        page.locator("label[for='__palette_1']").click()
        assert storage(page) == {"local": {}, "session": {}}
    finally:
        w.close()
