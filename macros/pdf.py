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
  clinic or the topic; the crisis numbers stay). Both copies come from one layout: the title
  and the footer hold both wordings in one place, one hidden (`show` picks the copy).
- Time: WeasyPrint writes each edition once, as the workbook, and each sheet's PDF is cut from
  it with pypdf (its pages, fields, title and language); the room measured under each sheet
  is kept between builds (NC_PDF_CACHE=off measures again); one font set per process.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import math
import os
import tempfile
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

def sheet_document(build, rid: str, size: str, lang: str, fit: dict | None = None, discreet: bool = False,
                   both: bool = False) -> str:
    return build.render("nc/pdf.html", part="sheet", ws=build.site.worksheets[rid], size=SIZES[size],
                        css="", lang=lang, fit=fit or {}, discreet=discreet, both=both)


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
    footer = next(b for b in _boxes(page) if b.element is not None and b.element_tag == "p"
                  and "nc-sheet__footer" in (b.element.get("class") or "").split())
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


# ---------------------------------------------------------------------------
# Faster: one font set per process, and the measured room kept between builds
# ---------------------------------------------------------------------------

_FONTS = None


def fonts():
    """One WeasyPrint font configuration for every document of a process (made in the process
    that uses it: each paper size runs in its own)."""
    global _FONTS
    if _FONTS is None:
        from weasyprint.text.fonts import FontConfiguration
        _FONTS = FontConfiguration()
    return _FONTS


def layout(html: str, css):
    from weasyprint import HTML
    return HTML(string=html).render(stylesheets=[css], font_config=fonts())


def _measured_file(html: str, css_text: str, size: str) -> Path | None:
    """Where the room measured under a sheet is kept between builds (the system's temporary
    folder), keyed by the sheet's markup, the stylesheet, the paper and WeasyPrint's version:
    any change measures again. NC_PDF_CACHE=off measures at every build."""
    if os.environ.get("NC_PDF_CACHE", "").lower() in ("off", "false", "0", "no"):
        return None
    import weasyprint
    key = hashlib.sha256("\0".join((html, css_text, size, weasyprint.__version__)).encode("utf-8")).hexdigest()
    return Path(tempfile.gettempdir()) / f"nc-pdf-room-{os.getuid() if hasattr(os, 'getuid') else 0}" / f"{key}.json"


def measured(html: str, css, size: str):
    """(pages, free mm under the sheet) of the sheet as its record draws it: from the cache,
    or laid out and kept."""
    path = _measured_file(html, getattr(css, "nc_text", ""), size)
    if path is not None and path.is_file():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return data["pages"], data["free"], None
        except (OSError, ValueError, KeyError):
            pass
    doc = layout(html, css)
    free = free_mm(doc.pages[-1], size)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps({"pages": len(doc.pages), "free": free}), encoding="utf-8")
        except OSError:
            pass
    return len(doc.pages), free, doc


def render_sheet_fit(build, rid: str, size: str, css, lang: str, discreet: bool = False, both: bool = False):
    """The sheet laid out to fill its page, and how: (document, fit, the free mm measured
    before it grew, or None when it did not grow)."""
    ws = build.site.worksheets[rid]
    html = sheet_document(build, rid, size, lang, discreet=discreet, both=both)
    pages, free, doc = measured(html, css, size)
    if ws["pages"] == 1 and pages == 1:
        fit = fit_blocks(ws, free)
        if fit:
            grown = layout(sheet_document(build, rid, size, lang, fit, discreet, both), css)
            if len(grown.pages) == 1:
                return grown, fit, free
    return (doc or layout(html, css)), {}, None


def show(doc, ws: dict, edition: str) -> None:
    """Make a sheet laid out with both copies' words (sheet_document(both=True)) the standard
    or the discreet copy, before it is written: the other copy's title and footer hidden, the
    fields, anchors and bookmark named as that copy names them (a discreet copy's fields must
    not carry the sheet's id, which names its topic)."""
    rid, stem = ws["id"], ws["files"]["discreet"]
    sid = stem if edition == "discreet" else rid
    shown_class, hidden_class = ("nc-ed__discreet", "nc-ed__standard") if edition == "discreet" else \
        ("nc-ed__standard", "nc-ed__discreet")
    title = ws["discreet_title"] if edition == "discreet" else ws["title"]
    for page in doc.pages:
        for box in _boxes(page):
            element = box.element
            if element is None:
                continue
            classes = (element.get("class") or "").split()
            if shown_class in classes:
                box.style["visibility"] = "visible"
            elif hidden_class in classes:
                box.style["visibility"] = "hidden"
            name = element.get("name")
            if name is not None:
                first = element.get("data-nc-name")
                if first is None:
                    element.set("data-nc-name", name)
                    element.set("data-nc-title", element.get("title") or "")
                    first = name
                element.set("name", sid + first[len(rid):] if first.startswith(rid + "-") else first)
                label = element.get("data-nc-title")
                if label.startswith(ws["title"] + ": "):
                    element.set("title", title + label[len(ws["title"]):])
        if not hasattr(page, "nc_anchors"):
            page.nc_anchors, page.nc_bookmarks = dict(page.anchors), list(page.bookmarks)

        def renamed(name):
            for prefix in ("sheet-", "b-", "f-"):
                if name == prefix + rid or name.startswith(prefix + rid + "-"):
                    return prefix + sid + name[len(prefix + rid):]
            return name
        page.anchors = {renamed(k): v for k, v in page.nc_anchors.items()}
        page.bookmarks = [(level, title if label == ws["title"] else label, *rest)
                          for level, label, *rest in page.nc_bookmarks]


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
    from weasyprint import CSS  # imported here: `mkdocs serve` with NC_PDF=false never loads it

    site = build.site
    css_text = css_file.read_text(encoding="utf-8")
    css = CSS(string=css_text, font_config=fonts())
    css.nc_text = css_text  # the measured-room cache's key
    problems = Problems()
    docs = {edition: {} for edition in EDITIONS}
    for rid, w in site.worksheets.items():
        both = render_sheet_fit(build, rid, size, css, lang, both=True)[0]   # one layout, both copies
        docs["standard"][rid] = docs["discreet"][rid] = both
        for edition in EDITIONS:
            doc = docs[edition][rid]
            if len(doc.pages) > w["pages"]:
                problems.add(w["file"], f"the sheet{' (discreet copy)' if edition == 'discreet' else ''} prints on "
                                        f"{len(doc.pages)} pages of {SIZES[size]}, but `pages:` says {w['pages']}",
                             record=rid, field="pages",
                             fix=f"write `pages: {len(doc.pages)}`, or take out some lines or rows")
    for edition in EDITIONS:
        for rid, w in site.worksheets.items():
            show(docs[edition][rid], w, edition)
        book, ranges, data = _workbook(build, size, css, lang, workbook_order(site), docs[edition], edition == "discreet")
        (out_dir / pdf_name(site.workbook_files[edition], size)).write_bytes(data)
        for rid, (start, end) in ranges.items():
            w = site.worksheets[rid]
            title = w["discreet_title"] if edition == "discreet" else w["title"]
            (out_dir / pdf_name(w["files"][edition], size)).write_bytes(_cut(book, start, end, title))
    return problems.items


def _cut(book, start: int, end: int, title: str) -> bytes:
    """One sheet's PDF: its pages of the workbook (before their page numbers), with its fields,
    its title and language, and one bookmark. Cut, not written again: WeasyPrint writes each
    edition once (the workbook), which is most of the time a PDF takes."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter()
    writer.append(book, pages=(start, end), import_outline=False)
    lang = book.trailer["/Root"].get("/Lang")
    if lang:
        writer._root_object[NameObject("/Lang")] = TextStringObject(str(lang))
    writer.add_metadata({"/Title": title})
    writer.add_outline_item(title, 0)
    cut = io.BytesIO()
    writer.write(cut)
    return cut.getvalue()


def _workbook(build, size, css, lang, order, docs, discreet=False):
    """The front pages, then every sheet's own pages, numbered. The contents' page numbers
    come from the page counts and the front pages' headings (laid out twice, since the
    contents' own length may move them). Returns the book before its page numbers (a
    PdfReader, to cut the sheets from), each sheet's pages in it ({id: (start, end)}), and the
    workbook's bytes."""
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

    front = layout(front_document(build, size, lang, contents(None), discreet), css)
    front = layout(front_document(build, size, lang, contents(front), discreet), css)
    pages = front.pages + [p for ws in order for p in docs[ws["id"]].pages]
    ranges, start = {}, len(front.pages)
    for ws in order:
        ranges[ws["id"]] = (start, start + len(docs[ws["id"]].pages))
        start = ranges[ws["id"]][1]
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
    return book, ranges, out.getvalue()
