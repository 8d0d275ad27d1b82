"""The worksheet PDFs and the workbook a clinician hands out: the right paper, pages that are
used, crisis numbers on paper, form fields a client can fill in, a booklet with contents and
page numbers, in each language. Read with pypdf, rendered to images with pypdfium2."""
import re
import unicodedata

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from macros.pages import pdf_name
from macros.pdf import workbook_order

SIZES = {"a4": (595, 842), "letter": (612, 792)}


def sheets_with(nc, kind):
    return [rid for rid, w in nc.worksheets.items() if any(b["type"] == kind for b in w["blocks"])]


def fields_by_page(reader):
    """{page index: [(name, accessible name, type)]} of a PDF's form fields."""
    out = {}
    for i, page in enumerate(reader.pages):
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/Subtype") != "/Widget":
                continue
            out.setdefault(i, []).append((str(a.get("/T", "")), str(a.get("/TU", "")), str(a.get("/FT", ""))))
    return out


def ink_rows(pdf_path, page=0, scale=2.0):
    """The rows of a rendered page that hold ink, and the page height in pixels."""
    image = pdfium.PdfDocument(str(pdf_path))[page].render(scale=scale).to_pil().convert("L")
    w, h = image.size
    px = image.load()
    return [y for y in range(h) if any(px[x, y] < 200 for x in range(0, w, 2))], h


@pytest.mark.parametrize("size", list(SIZES))
def test_every_sheet_has_its_pdf_on_the_right_paper_with_title_and_clinic(site, lang, size):
    site, nc = lang.at(site), lang.nc
    for rid, w in nc.worksheets.items():
        reader = PdfReader(site / "worksheets/pdf" / pdf_name(rid, size))
        assert len(reader.pages) == w["pages"], f"{rid}-{size}"
        box = reader.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == SIZES[size]
        text = reader.pages[0].extract_text()
        assert w["title"].split()[0] in text
        assert nc.settings["clinic"]["name"] in text, "clinic name in the footer"
        assert f'href="pdf/{pdf_name(rid, size)}"' in (site / f"worksheets/{rid}.html").read_text(), "the page links its PDF"


@pytest.mark.parametrize("size", list(SIZES))
def test_one_page_sheets_use_the_whole_page(site, lang, size):
    site, nc = lang.at(site), lang.nc
    """No blank band taller than 12% of the page, and the sheet reaches the bottom margin."""
    for rid, w in nc.worksheets.items():
        if w["pages"] != 1:
            continue
        rows, height = ink_rows(site / "worksheets/pdf" / pdf_name(rid, size))
        gaps = [(b - a) / height for a, b in zip(rows, rows[1:])]
        assert max(gaps) <= 0.12, f"{rid}-{size}: a blank band of {max(gaps):.0%} of the page"
        margin = 12 / (297 if size == "a4" else 279.4)
        assert rows[-1] / height >= 1 - margin - 0.02, f"{rid}-{size}: the sheet stops at {rows[-1] / height:.0%} of the page"


def test_fillable_fields_named_from_their_labels_on_the_right_page(site, lang):
    site, nc = lang.at(site), lang.nc
    for rid, w in nc.worksheets.items():
        reader = PdfReader(site / "worksheets/pdf" / pdf_name(rid, "a4"))
        fields = fields_by_page(reader)
        assert fields, f"{rid}: no form fields"
        assert set(fields) <= set(range(w["pages"]))
        flat = [f for page in fields.values() for f in page]
        assert all(tu.strip() for _, tu, _ in flat), f"{rid}: a field without an accessible name"
        assert len({name for name, _, _ in flat}) == len(flat), f"{rid}: two fields share a name"
        for b in w["blocks"]:
            if b["type"] == "lines" and b.get("label"):
                assert any(" ".join(tu.split()) == " ".join(b["label"].split()) for _, tu, _ in flat), \
                    f"{rid}: no field named '{b['label']}'"
            if b["type"] == "checklist":
                boxes = [tu for _, tu, ft in flat if ft == "/Btn"]
                assert all(" ".join(item.split()) in boxes for item in b["items"]), f"{rid}: the checklist's boxes"
            if b["type"] == "table":
                label = b["columns"][0] if isinstance(b["columns"][0], str) else b["columns"][0]["label"]
                assert any(tu == nc.strings.fill("sheet_cell", column=label, row=1) for _, tu, _ in flat), rid


def test_crisis_numbers_are_printed_on_the_sheets_that_need_them(site, lang):
    site, nc = lang.at(site), lang.nc
    numbers = [e["number"] for e in nc.settings["emergency"]] + [l["call"] for l in nc.settings["crisis_lines"] if l["call"]]
    wanted = sheets_with(nc, "crisis_lines")
    assert set(wanted) >= {r for r in ("crisis-plan", "safety-plan", "support-plan") if r in nc.worksheets}
    for rid in wanted:
        text = " ".join(p.extract_text() for p in PdfReader(site / "worksheets/pdf" / pdf_name(rid, "a4")).pages)
        for n in numbers:
            assert n in text, f"{rid}: {n} is not on paper"
    cover = PdfReader(site / "worksheets/pdf" / pdf_name("workbook", "a4")).pages[0].extract_text()
    for n in numbers:
        assert n in cover, f"workbook cover: {n}"
    assert nc.settings["clinic"]["name"] in cover and re.search(r"\d{4}-\d{2}-\d{2}", cover), "clinic and build date"


@pytest.mark.parametrize("size", list(SIZES))
def test_the_workbook_is_a_booklet(site, lang, size):
    site, nc = lang.at(site), lang.nc
    reader = PdfReader(site / "worksheets/pdf" / pdf_name("workbook", size))
    pages = [unicodedata.normalize("NFKC", p.extract_text()) for p in reader.pages]  # ligatures: "ﬁ" is "fi"
    total = len(pages)
    order = workbook_order(nc)
    assert [w["id"] for w in order[:len(nc.settings["workbook"]["first"])]] == \
        [r for r in nc.settings["workbook"]["first"] if r in nc.worksheets], "safety first, as the settings say"
    assert {w["id"] for w in order} == set(nc.worksheets), "every sheet, once"
    for i, text in enumerate(pages[1:], start=2):
        assert f"{i} / {total}" in text, f"page {i} has its number"
    contents = pages[1]
    numbers = []
    for w in order:
        m = re.search(re.escape(w["title"]) + r"\s*(\d+)", contents)
        assert m, f"{w['title']} is in the contents"
        page = int(m.group(1))
        numbers.append(page)
        assert pages[page - 1].lstrip().startswith(w["title"]), f"{w['title']}: the contents say page {page}"
    assert numbers == sorted(numbers), "the sheets come in the workbook's order"
    assert nc.workbook["title"] in " ".join(pages[:4]), "a page on how to use the workbook"
    fields = fields_by_page(reader)
    names = [n for page in fields.values() for n, _, _ in page]
    assert len(names) == len(set(names)), "fields of different sheets never share a name"
