"""Between sessions (issue 30), in every language: the private self-check scores the PHQ-4
right and brings help on a high score or a worry about safety, keeps nothing without opt-in
and nothing after erase; the notes page prints on one page of A4 and of US Letter, filled from
saved data or blank (with or without JavaScript), under a discreet title; the trusted person's
calendar file has plain titles only; and nothing moves when the scripts start."""
import io
import re

import pytest
from pypdf import PdfReader

from conftest import LAYOUT_SHIFT
from macros.pages import self_check_days

pytestmark = pytest.mark.browser



def keys(page):
    return page.evaluate("() => Object.keys(localStorage).concat(Object.keys(sessionStorage))")


def answer(page, values, safety=None):
    """Tick the four answers (None leaves one blank) and the safety answer, then ask for the result."""
    for i, v in enumerate(values, 1):
        if v is not None:
            page.check(f"[data-nc-selfcheck] input[name=q{i}][value='{v}']")
    if safety:
        page.check(f"[data-nc-selfcheck] input[name=safety][value={safety}]")
    page.click("[data-nc-selfcheck] button[type=submit]")


# (answers, total, worry, low mood, band, a pair at 3 or more, crisis help)
KNOWN = [
    ((0, 0, 0, 0), 0, 0, 0, "none", False, False),
    ((1, 0, 0, 1), 2, 1, 1, "none", False, False),
    ((1, 1, 0, 1), 3, 2, 1, "mild", False, False),
    ((0, 2, 2, 1), 5, 2, 3, "mild", True, False),
    ((3, 0, 2, 1), 6, 3, 3, "moderate", True, False),
    ((2, 2, 2, 2), 8, 4, 4, "moderate", True, False),
    ((3, 3, 2, 1), 9, 6, 3, "severe", True, True),
    ((3, 3, 3, 3), 12, 6, 6, "severe", True, True),
]
BAND_KEY = {"none": "check_band_none", "mild": "check_band_mild", "moderate": "check_band_moderate",
            "severe": "check_band_severe"}


def test_the_self_check_scores_known_answers(web, lang):
    st = lang.nc.strings
    page = web().open(lang.prefix + "self-check.html")
    help_box = page.locator("[data-nc-check-help]")
    assert help_box.is_hidden(), "the help block waits for an answer (with JavaScript)"
    look = page.locator("input[name=q1]").first.evaluate("e => [getComputedStyle(e).appearance, getComputedStyle(e).borderRadius]")
    assert look != ["none", "0px"], "one answer per question: the choices look like round radio buttons, not tick boxes"
    for values, total, worry, mood, band, flag, crisis in KNOWN:
        answer(page, values)
        out = page.locator(".nc-check__result")
        assert out.get_attribute("data-nc-total") == str(total), values
        assert out.get_attribute("data-nc-band") == band, values
        text = out.inner_text()
        assert st.fill("check_score", total=total, anxiety=worry, mood=mood) in text, values
        assert st[BAND_KEY[band]] in text, values
        assert (st.check_flag in text) == flag, values
        assert st.check_not_diagnosis in text
        assert help_box.is_visible() == crisis, f"{values}: crisis help only on a severe score"
    page.reload()
    answer(page, (None, None, 1, 1))
    assert page.locator(".nc-check__result").inner_text().strip() == st.check_missing


@pytest.mark.parametrize("safety", ["yes", "unsure"])
def test_a_worry_about_safety_brings_the_crisis_help(web, lang, safety):
    nc = lang.nc
    page = web().open(lang.prefix + "self-check.html")
    answer(page, (None, None, None, None), safety=safety)
    help_box = page.locator("[data-nc-check-help]")
    assert help_box.is_visible(), "the safety answer alone brings help, with no score"
    assert nc.strings.check_help_below in page.locator(".nc-check__result").inner_text(), "and the result says where"
    answer(page, (0, 0, 0, 0), safety=safety)
    assert help_box.is_visible(), "a score of 0 does not hide it"
    text = help_box.inner_text()
    for line in nc.settings["crisis_lines"]:
        assert line["name"] in text, f"{line['name']}: the crisis lines come from the settings"
    links = [a.get_attribute("href") for a in help_box.locator("a").all()]
    assert any(h.endswith("worksheets/crisis-plan.html") for h in links), "the crisis plan"
    assert any(h.endswith("guide/professional-help.html") for h in links), "talk to a professional"
    assert nc.strings.check_professional in text
    answer(page, (0, 0, 0, 0), safety="no")
    assert help_box.is_hidden()


def test_without_javascript_the_help_and_the_hand_scoring_are_there(web, lang):
    page = web(java_script_enabled=False).open(lang.prefix + "self-check.html")
    assert page.locator("[data-nc-check-help]").is_visible()
    assert page.locator("[data-nc-selfcheck] input[type=radio]").count() == 4 * 4 + 3


def test_the_self_check_stores_nothing_without_opt_in_and_nothing_after_erase(web, lang):
    st = lang.nc.strings
    w = web()
    page = w.open(lang.prefix + "self-check.html")
    answer(page, (2, 1, 1, 0), safety="no")
    assert page.locator(".nc-check__save").is_hidden()
    assert st.check_save_off in page.locator(".nc-check__result").inner_text()
    assert keys(page) == [], "nothing stored without opt-in"
    page.locator("[data-nc-storage] input[type=checkbox]").check()
    answer(page, (2, 1, 1, 0), safety="yes")
    page.click(".nc-check__keep")
    assert page.locator(".nc-check__saved").inner_text() == st.check_saved
    saved = page.evaluate("() => window.ncStorage.get('checks', [])")
    assert len(saved) == 1 and {k: saved[0][k] for k in ("total", "anxiety", "mood")} == {"total": 4, "anxiety": 3, "mood": 1}
    assert "safety" not in str(saved) and "yes" not in str(saved), "the safety answer is never kept"
    page = w.open(lang.prefix + "notes.html")
    row = page.locator("[data-nc-notes-checks] tbody tr").first
    assert [c.inner_text() for c in row.locator("td").all()][1:4] == ["4", "3", "1"], "on the notes page"
    page.locator("[data-nc-storage] button").click()
    assert keys(page) == [], "erase removes the results with everything else"
    assert page.locator("[data-nc-notes-checks] tbody tr").first.locator("td").first.inner_text() == ""
    page = w.open(lang.prefix + "self-check.html")
    assert page.evaluate("() => window.ncStorage.get('checks', null)") is None


def test_the_today_grid_marks_the_self_check_days(web, nc):
    page = web().open("today.html")
    for length in nc.tracks:
        wanted = sorted(self_check_days(nc, length))
        assert 1 in wanted and length in wanted and len(wanted) >= 3, f"day 1, the middle and the end of {length}"
        grid = page.locator(f"[data-nc-cal='{length}']")
        marked = sorted(int(c.get_attribute("data-nc-cal-day")) for c in grid.locator("td:has(.nc-cal__mark--check)").all())
        assert marked == wanted, length
        said = grid.locator(f"td[data-nc-cal-day='{wanted[0]}'] a").text_content()
        assert nc.strings.today_grid_selfcheck in said, "said in words too"
    day1 = page.locator(f"[data-nc-cal='{min(nc.tracks)}'] td[data-nc-cal-day='1'] a").get_attribute("href")
    page = web().open(day1)
    page.click(f"text={nc.strings.self_check_link}")
    page.wait_for_url("**/self-check.html")


# ------------------------------------------------------------ the notes page

def pdf_of(page, size):
    data = page.pdf(format=size, print_background=False)
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages)


SLIPS = [{"date": "2026-11-03", "note": "Saw an old photo and texted first"},
         {"date": "2026-11-09", "note": "Answered a call from a blocked number"},
         {"date": "2026-11-14", "note": "Leave this one out"}]
CHECKS = [{"date": "2026-11-01", "total": 9, "anxiety": 5, "mood": 4},
          {"date": "2026-11-15", "total": 6, "anxiety": 3, "mood": 3},
          {"date": "2026-11-30", "total": 3, "anxiety": 2, "mood": 1}]


def save_data(page, length):
    page.evaluate("""([slips, checks, length]) => {
      window.ncStorage.optIn();
      window.ncStorage.set('today', {track: String(length), start: '2026-11-01', slips: slips,
                                     done: [{track: String(length), n: 1}, {track: String(length), n: 2}, {track: String(length), n: 3}]});
      window.ncStorage.set('checks', checks);
      window.ncStorage.set('notes', {helped: 'Walks with my sister\\nCalls\\nMusic\\nCooking\\nMy reasons list\\nEarly nights at last', talk: 'Sleep'});
    }""", [SLIPS, CHECKS, length])


@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_the_notes_page_prints_on_one_page_with_saved_data(web, lang, size):
    nc = lang.nc
    w = web()
    page = w.open(lang.prefix + "notes.html")
    assert page.title() == nc.strings.notes_heading, "a discreet title: the tab and a saved PDF say only Notes"
    save_data(page, min(nc.tracks))
    page.reload()
    assert page.locator(".nc-notes__status").inner_text() == nc.strings.notes_filled
    assert page.locator("#nc-notes-track").input_value() == nc.strings.fill("track_title", length=min(nc.tracks))
    assert page.locator("#nc-notes-done").input_value() == "3"
    slips = page.locator("[data-nc-notes-slips] tbody tr")
    slips.nth(2).locator("input[type=checkbox]").uncheck()   # the reader leaves one out
    pages, text = pdf_of(page, size)
    assert pages == 1, f"{size}: {pages} pages"
    flat = " ".join(text.split())
    for kept in ("Saw an old photo and texted first", "Answered a call from a blocked number", "Walks with my sister",
                 "Early nights at last",
                 "2026-11-15", nc.strings.notes_slips, nc.strings.notes_helped):
        assert kept in flat, f"{kept!r} on paper"
    assert "Leave this one out" not in flat, "a row the reader left out is not printed"
    assert nc.strings.notes_keep not in flat and nc.strings.notes_filled not in flat, "screen-only parts stay off paper"
    assert nc.settings["clinic"]["name"] not in flat and not re.search(r"no.?contact", flat.lower()), "nothing names the program"


@pytest.mark.parametrize("js", [True, False], ids=["javascript", "no-javascript"])
@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_the_notes_page_prints_as_a_blank_form_without_saved_data(web, lang, size, js):
    nc = lang.nc
    page = web(java_script_enabled=js).open(lang.prefix + "notes.html")
    assert page.locator("[data-nc-notes-slips] tbody tr").count() >= 4, "rows to write in"
    assert all(c.inner_text() == "" for c in page.locator("[data-nc-notes] td").all())
    pages, text = pdf_of(page, size)
    assert pages == 1, f"{size}: {pages} pages"
    flat = " ".join(text.split())
    for heading in (nc.strings.notes_date, nc.strings.notes_track, nc.strings.notes_slips, nc.strings.notes_checks,
                    nc.strings.notes_helped, nc.strings.notes_talk):
        assert heading in flat, f"{heading!r}: the blank form has its labels"
    assert nc.strings.notes_empty not in flat


# ------------------------------------------------------------ the trusted person

def test_the_trusted_person_calendar_file_has_discreet_titles(web, lang):
    from icalendar import Calendar
    nc = lang.nc
    page = web(accept_downloads=True).open(lang.prefix + "trusted-person.html")
    page.fill("#nc-trusted-start", "2026-12-07")
    page.fill("#nc-trusted-time", "19:30")
    page.select_option("#nc-trusted-every", "2")
    page.fill("#nc-trusted-count", "10")
    with page.expect_download() as info:
        page.click("[data-nc-trusted] button[type=submit]")
    name = info.value.suggested_filename
    text = open(info.value.path(), encoding="utf-8").read()
    events = Calendar.from_ical(text).walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert str(event["SUMMARY"]) == nc.strings.trusted_ics_default
    assert str(event["DTSTART"].dt)[:16] == "2026-12-07 19:30"
    rule = event["RRULE"]
    assert rule["FREQ"] == ["DAILY"] and rule["INTERVAL"] == [2] and rule["COUNT"] == [10]
    assert name == nc.strings.trusted_ics_file
    assert "URL" not in text and "DESCRIPTION:" + nc.strings.trusted_ics_default in text
    assert nc.settings["clinic"]["name"] not in text and not re.search(r"no.?contact|contacto.?cero", (text + name).lower())


def test_the_friends_and_family_page_links_to_the_trusted_person_page(web, lang):
    page = web().open(lang.prefix + "friends-and-family.html")
    assert page.locator("main a[href='trusted-person.html']").count() >= 1


@pytest.mark.parametrize("path", ["self-check.html", "notes.html", "trusted-person.html"])
def test_no_layout_shift_on_the_between_sessions_pages(web, path):
    page = web(viewport={"width": 390, "height": 844}).open(path)
    assert page.evaluate(LAYOUT_SHIFT) == 0
