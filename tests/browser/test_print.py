"""Paper: every worksheet prints on one page of A4 and of US Letter from the browser, and the
build's PDFs have the right pages, size, title and clinic name."""
import io

import pytest
from pypdf import PdfReader

from macros.pages import day_src, html_of

A4 = (595, 842)
LETTER = (612, 792)


def worksheet_pages(site):
    return [p for p in sorted((site / "worksheets").glob("*.html")) if p.name != "index.html"]


def page_count(pdf_bytes):
    return len(PdfReader(io.BytesIO(pdf_bytes)).pages)


@pytest.mark.browser
@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_every_worksheet_prints_on_its_declared_pages(web, site, lang, size):
    """In every language: a translation that runs longer must still fit its pages."""
    w, nc, site = web(), lang.nc, lang.at(site)
    sheets = worksheet_pages(site)
    assert len(sheets) == len(nc.worksheets)
    for sheet in sheets:
        page = w.open(f"{lang.prefix}worksheets/{sheet.name}")
        expected = int(page.locator(".nc-sheet").get_attribute("data-nc-pages"))
        pdf = page.pdf(format=size, print_background=False)
        assert page_count(pdf) == expected, f"{sheet.name} on {size}"
        text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
        assert nc.strings.exit_label not in text and nc.strings.sos_label not in text, f"{sheet.name}: site chrome on paper"
        assert nc.strings.footer_licence.split()[0] in text, f"{sheet.name}: licence footer"
        rid = sheet.stem
        if nc.worksheets[rid]["clinician"]:
            assert page.locator(".nc-clinician").count() == 1, f"{sheet.name}: the note for clinicians on the page"
            assert nc.strings.clinician_heading not in text, f"{sheet.name}: the note for clinicians is not printed"


@pytest.mark.browser
def test_day_pages_print_on_one_or_two_pages(web, site, nc):
    w = web()
    short = min(nc.tracks)
    for n in (1, 7, 15, short):
        page = w.open(html_of(day_src(short, n)))
        for size in ("A4", "Letter"):
            assert 1 <= page_count(page.pdf(format=size)) <= 2, f"day {n} on {size}"


@pytest.mark.browser
def test_worksheet_tables_fit_the_paper_width(web, site, lang):
    """On paper nothing may be cut off at the right edge (a table scrolls only on screens)."""
    w = web(viewport={"width": 700, "height": 1000})
    for sheet in worksheet_pages(lang.at(site)):
        page = w.open(f"{lang.prefix}worksheets/{sheet.name}")
        page.emulate_media(media="print")
        overflow = page.evaluate("""() => {
            const sheet = document.querySelector('.nc-sheet').getBoundingClientRect();
            return [...document.querySelectorAll('.nc-sheet *')]
              .filter(e => e.getBoundingClientRect().right > sheet.right + 1 || e.scrollWidth > e.clientWidth + 1)
              .map(e => e.tagName + '.' + e.className).slice(0, 3); }""")
        assert overflow == [], f"{sheet.name}: {overflow}"
