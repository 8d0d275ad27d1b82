"""Worksheet PDFs and the workbook, in A4 and US Letter, with WeasyPrint.

- The sheets are the same markup as the worksheet pages (overrides/nc/worksheet.html),
  printed with the project's own lean stylesheet (overrides/assets/css/nc-sheet.css). Their fields
  are PDF form fields, named from their labels: a client can fill a sheet in a PDF reader.
- A one-page sheet fills its page: it is laid out once, the space left under it is measured,
  and it is laid out again with that space shared out as more ruled lines and table rows.
- The workbook is a booklet: a cover with the crisis numbers, the contents with page numbers,
  how to use it, the track's days, then the sheets (the same pages as the sheet PDFs) in the
  order the settings give, each page numbered.
- A sheet that prints on more pages than its record says (`pages:`) stops the build.
- Every PDF comes in two editions: the standard copy (the sheet's title, the clinic in the
  footer, named from the title) and the discreet copy (its `discreet_title`, a footer with only
  the licence, fields, anchors, file name and PDF title that name nothing of the program, the
  clinic or the topic; the crisis numbers stay). The discreet sheet is laid out with the
  standard sheet's lines and rows, and again only when its title takes another line.
"""
from __future__ import annotations

import datetime as dt
import io
import math
from pathlib import Path

from .errors import Problems
from .pages import EDITIONS, pdf_name

SIZES = {"a4": "A4", "letter": "letter"}
MARGIN_MM = 12
PAGE_MM = {"a4": 297.0, "letter": 279.4}
PX_PER_MM = 96 / 25.4
LINE_MM = 8                  # ruled lines and table rows, as the stylesheet draws them
SLACK_MM = 1.5               # left free under a grown sheet, so rounding never adds a page
GROWS = ("lines", "table", "boxes")


# ---------------------------------------------------------------------------
# Documents
# ---------------------------------------------------------------------------

def sheet_document(build, rid: str, size: str, lang: str, fit: dict | None = None, discreet: bool = False) -> str:
    return build.render("nc/pdf.html", part="sheet", ws=build.site.worksheets[rid], size=SIZES[size],
                        css="", lang=lang, fit=fit or {}, discreet=discreet)


def front_document(build, size: str, lang: str, contents: list, discreet: bool = False) -> str:
    """The workbook's first pages: cover, contents (title, page), how to use it, the days."""
    site = build.site
    first = min(site.tracks)
    return build.render("nc/pdf.html", part="front", size=SIZES[size], css="", lang=lang, contents=contents,
                        length=first, days=site.tracks[first], book=site.workbook, today=dt.date.today().isoformat(),
                        discreet=discreet)


def numbers_document(build, size: str, total: int) -> str:
    return build.render("nc/pdf.html", part="numbers", size=SIZES[size], css="", lang="en", total=total, discreet=False)


def workbook_order(site) -> list:
    """The sheets of the workbook: those the settings put first (extra.workbook.first), then
    the others in the order the longest track first uses them, then the rest by file name."""
    order = [r for r in site.settings["workbook"]["first"] if r in site.worksheets]
    uses = []
    for d in site.tracks[site.longest]:
        uses += d.get("worksheets", []) + [site.exercises[d["exercise"]]["worksheet"] or ""]
    for rid in uses + list(site.worksheets):
        if rid and rid not in order:
            order.append(rid)
    return [site.worksheets[r] for r in order]


# ---------------------------------------------------------------------------
# Filling the page
# ---------------------------------------------------------------------------

def _boxes(page):
    stack = [page._page_box]
    while stack:
        box = stack.pop()
        yield box
        stack.extend(getattr(box, "children", []))


def free_mm(page, size: str) -> float:
    """The height left under the sheet's footer, down to the bottom margin."""
    footer = next(b for b in _boxes(page) if b.element is not None and b.element.get("class") == "nc-sheet__footer"
                  and b.element_tag == "p")
    bottom = (footer.position_y + footer.margin_height()) / PX_PER_MM
    return PAGE_MM[size] - MARGIN_MM - bottom


def fit_blocks(ws: dict, free: float) -> dict:
    """Block number -> {n, mm}: more lines and rows (at least 8 mm apart) so that the sheet's
    ruled space, boxes and tables share `free` mm, in proportion to their size."""
    blocks = [(i, b) for i, b in enumerate(ws["blocks"], 1) if b["type"] in GROWS]
    if free <= SLACK_MM or not blocks:
        return {}
    free -= SLACK_MM

    def height(b):  # the block's write-in height, lines (or rows) stacked above each other
        stacked = math.ceil(len(b["items"]) / 2) if b["type"] == "boxes" else 1
        return (b["rows"] if b["type"] == "table" else b["lines"]) * stacked

    total = sum(height(b) for _, b in blocks)
    out = {}
    for i, b in blocks:
        n = b["rows"] if b["type"] == "table" else b["lines"]
        stacked = height(b) // n
        room = n * LINE_MM + free * height(b) / total / stacked   # mm for one box or the block
        more = max(n, int(room // LINE_MM))
        out[i] = {"n": more, "mm": round(room / more - 0.005, 2)}
    return out


def render_sheet(build, rid: str, size: str, css, lang: str, discreet: bool = False):
    """The sheet laid out to fill its page (one-page sheets). `css`: the parsed stylesheet."""
    return render_sheet_fit(build, rid, size, css, lang, discreet)[0]


def render_sheet_fit(build, rid: str, size: str, css, lang: str, discreet: bool = False):
    """The sheet laid out to fill its page, and how: (document, fit, the free mm measured
    before it grew, or None when it did not grow)."""
    from weasyprint import HTML

    ws = build.site.worksheets[rid]
    doc = HTML(string=sheet_document(build, rid, size, lang, discreet=discreet)).render(stylesheets=[css])
    if ws["pages"] == 1 and len(doc.pages) == 1:
        free = free_mm(doc.pages[0], size)
        fit = fit_blocks(ws, free)
        if fit:
            grown = HTML(string=sheet_document(build, rid, size, lang, fit, discreet)).render(stylesheets=[css])
            if len(grown.pages) == 1:
                return grown, fit, free
    return doc, {}, None


def render_discreet(build, rid: str, size: str, css, lang: str, standard) -> object:
    """The discreet copy of a sheet, laid out with the standard copy's lines and rows (one
    layout instead of two): its title and footer are other words, so only a title that takes
    more or fewer lines moves the page; then it is fitted again from the difference."""
    from weasyprint import HTML

    doc, fit, free = standard
    ws = build.site.worksheets[rid]
    if not fit:
        return render_sheet(build, rid, size, css, lang, discreet=True)
    same = HTML(string=sheet_document(build, rid, size, lang, fit, True)).render(stylesheets=[css])
    if len(same.pages) == 1:
        moved = free_mm(same.pages[0], size) - free_mm(doc.pages[0], size)
        if abs(moved) < 1:
            return same
        refit = fit_blocks(ws, free + moved)
        again = HTML(string=sheet_document(build, rid, size, lang, refit, True)).render(stylesheets=[css])
        if len(again.pages) == 1:
            return again
    return render_sheet(build, rid, size, css, lang, discreet=True)


# ---------------------------------------------------------------------------
# Writing them all
# ---------------------------------------------------------------------------

def write_all(build, out_dir: Path, css_file: Path, lang: str = "en") -> list[Path]:
    """Every sheet and the workbook, in both sizes: A4 and Letter in two processes where the
    machine can fork (each size takes about as long as the other)."""
    import multiprocessing

    out_dir.mkdir(parents=True, exist_ok=True)
    problems = Problems()
    if "fork" in multiprocessing.get_all_start_methods() and (multiprocessing.cpu_count() or 1) > 1:
        ctx = multiprocessing.get_context("fork")
        results = ctx.Queue()
        procs = [ctx.Process(target=_write_size_to, args=(results, build, size, out_dir, css_file, lang))
                 for size in SIZES]
        for p in procs:
            p.start()
        found = [results.get() for _ in procs]
        for p in procs:
            p.join()
        for items in found:
            if isinstance(items, str):  # the child failed: its traceback
                raise RuntimeError(f"PDF writing failed:\n{items}")
            problems.items += [i for i in items if i not in problems.items]
    else:
        for size in SIZES:
            problems.items += _write_size(build, size, out_dir, css_file, lang)
    problems.raise_if_any()
    site = build.site
    stems = [w["files"] for w in site.worksheets.values()] + [site.workbook_files]
    return [out_dir / pdf_name(files[edition], size) for size in SIZES for edition in EDITIONS for files in stems]


def _write_size_to(results, *args):
    import traceback
    try:
        results.put(_write_size(*args))
    except BaseException:  # noqa: BLE001  (reported by the parent)
        results.put(traceback.format_exc())


def _write_size(build, size: str, out_dir: Path, css_file: Path, lang: str) -> list:
    from weasyprint import CSS, HTML  # imported here: `mkdocs serve` with NC_PDF=false never loads it

    site = build.site
    css = CSS(string=css_file.read_text(encoding="utf-8"))
    problems = Problems()
    docs = {edition: {} for edition in EDITIONS}
    for rid, w in site.worksheets.items():
        standard = render_sheet_fit(build, rid, size, css, lang)
        docs["standard"][rid] = standard[0]
        docs["discreet"][rid] = render_discreet(build, rid, size, css, lang, standard)
        for edition in EDITIONS:
            doc = docs[edition][rid]
            if len(doc.pages) > w["pages"]:
                problems.add(w["file"], f"the sheet{' (discreet copy)' if edition == 'discreet' else ''} prints on "
                                        f"{len(doc.pages)} pages of {SIZES[size]}, but `pages:` says {w['pages']}",
                             record=rid, field="pages",
                             fix=f"write `pages: {len(doc.pages)}`, or take out some lines or rows")
            doc.write_pdf(out_dir / pdf_name(w["files"][edition], size))
    for edition in EDITIONS:
        (out_dir / pdf_name(site.workbook_files[edition], size)).write_bytes(
            _workbook(build, size, css, lang, workbook_order(site), docs[edition], edition == "discreet"))
    return problems.items


def _workbook(build, size, css, lang, order, docs, discreet=False) -> bytes:
    """The front pages, then every sheet's own pages, numbered. The contents' page numbers
    come from the page counts and the front pages' headings (laid out twice, since the
    contents' own length may move them)."""
    from pypdf import PdfReader, PdfWriter
    from weasyprint import HTML

    def contents(front):
        """(title, page) of the front pages after the contents, then of every sheet."""
        out = []
        if front is not None:
            marks = [(m[0], m[1][0] + 1) for m in front.make_bookmark_tree()]  # (label, (page, x, y), ...)
            out = [(label, page) for label, page in marks if page > 2]
        page = (len(front.pages) if front is not None else 0) + 1
        for ws in order:
            out.append((ws["discreet_title"] if discreet else ws["title"], page))
            page += len(docs[ws["id"]].pages)
        return out

    front = HTML(string=front_document(build, size, lang, contents(None), discreet)).render(stylesheets=[css])
    front = HTML(string=front_document(build, size, lang, contents(front), discreet)).render(stylesheets=[css])
    pages = front.pages + [p for ws in order for p in docs[ws["id"]].pages]
    book = PdfReader(io.BytesIO(front.copy(pages).write_pdf()))
    numbers = PdfReader(io.BytesIO(HTML(string=numbers_document(build, size, len(pages))).write_pdf()))
    writer = PdfWriter(clone_from=book)
    for page, number in zip(writer.pages[1:], numbers.pages[1:]):
        page.merge_page(number)
    strings = build.site.strings
    writer.add_metadata({"/Title": strings.workbook_discreet_title if discreet
                         else f"{build.site.settings['clinic']['name']}: {strings.workbook}"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
