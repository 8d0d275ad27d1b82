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
def test_every_worksheet_prints_on_its_declared_pages(web, site, nc, size):
    w = web()
    sheets = worksheet_pages(site)
    assert len(sheets) == len(nc.worksheets)
    for sheet in sheets:
        page = w.open(f"worksheets/{sheet.name}")
        expected = int(page.locator(".nc-sheet").get_attribute("data-nc-pages"))
        pdf = page.pdf(format=size, print_background=False)
        assert page_count(pdf) == expected, f"{sheet.name} on {size}"
        text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
        assert nc.strings.exit_label not in text and nc.strings.sos_label not in text, f"{sheet.name}: site chrome on paper"
        assert nc.strings.footer_licence.split()[0] in text, f"{sheet.name}: licence footer"


@pytest.mark.browser
def test_day_pages_print_on_one_or_two_pages(web, site, nc):
    w = web()
    short = min(nc.tracks)
    for n in (1, 7, 15, short):
        page = w.open(html_of(day_src(short, n)))
        for size in ("A4", "Letter"):
            assert 1 <= page_count(page.pdf(format=size)) <= 2, f"day {n} on {size}"


def test_pdfs_for_every_worksheet_and_the_workbook(site, nc):
    out = site / "worksheets" / "pdf"
    sheets = worksheet_pages(site)
    for sheet in sheets:
        rid = sheet.stem
        title = sheet.read_text().split('class="nc-sheet__title">', 1)[1].split("<", 1)[0]
        for size, dims in (("a4", A4), ("letter", LETTER)):
            reader = PdfReader(out / f"{rid}-{size}.pdf")
            assert len(reader.pages) == 1, f"{rid}-{size}"
            box = reader.pages[0].mediabox
            assert (round(float(box.width)), round(float(box.height))) == dims
            text = reader.pages[0].extract_text()
            assert title.replace("&#x27;", "'").split()[0] in text
            assert nc.settings["clinic"]["name"] in text, "clinic name in the footer"
        assert f'href="pdf/{rid}-a4.pdf"' in sheet.read_text(), "the page links its PDF"
    for size, dims in (("a4", A4), ("letter", LETTER)):
        book = PdfReader(out / f"workbook-{size}.pdf")
        assert len(book.pages) >= len(sheets) + 2, "cover, program overview, every worksheet"
        assert (round(float(book.pages[0].mediabox.width)), round(float(book.pages[0].mediabox.height))) == dims


@pytest.mark.browser
def test_worksheet_tables_fit_the_paper_width(web, site):
    """On paper nothing may be cut off at the right edge (a table scrolls only on screens)."""
    w = web(viewport={"width": 700, "height": 1000})
    for sheet in worksheet_pages(site):
        page = w.open(f"worksheets/{sheet.name}")
        page.emulate_media(media="print")
        overflow = page.evaluate("""() => {
            const sheet = document.querySelector('.nc-sheet').getBoundingClientRect();
            return [...document.querySelectorAll('.nc-sheet *')]
              .filter(e => e.getBoundingClientRect().right > sheet.right + 1 || e.scrollWidth > e.clientWidth + 1)
              .map(e => e.tagName + '.' + e.className).slice(0, 3); }""")
        assert overflow == [], f"{sheet.name}: {overflow}"
