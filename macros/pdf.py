"""Worksheet PDFs and the workbook, in A4 and US Letter, with WeasyPrint.

The sheets are the same markup as the worksheet pages (overrides/nc/worksheet.html), printed
with the project's own lean stylesheet (docs/assets/css/nc-sheet.css), not the theme's. A
sheet that prints on more pages than its record declares (`pages:`) stops the build.
"""
from __future__ import annotations

from pathlib import Path

from .errors import Problems
from .pages import pdf_name

SIZES = {"a4": "A4", "letter": "letter"}


def sheet_document(build, rid: str, size: str, css: str, lang: str) -> str:
    return build.render("nc/pdf.html", part="sheet", ws=build.site.worksheets[rid], size=SIZES[size], css=css, lang=lang)


def workbook_document(build, size: str, css: str, lang: str) -> str:
    site = build.site
    first = next(iter(site.tracks))
    return build.render("nc/pdf.html", part="workbook", size=SIZES[size], css=css, lang=lang,
                        sheets=workbook_order(site), length=first, days=site.tracks[first])


def workbook_order(site) -> list:
    """The sheets of the workbook: those the settings put first, then the rest in file order."""
    first = [site.worksheets[r] for r in site.settings["workbook"]["first"] if r in site.worksheets]
    return first + [w for w in site.worksheets.values() if w not in first]


def write_all(build, out_dir: Path, css_file: Path, lang: str = "en") -> list[Path]:
    from weasyprint import HTML  # imported here: `mkdocs serve` with NC_PDF=false never loads it

    site = build.site
    css = css_file.read_text(encoding="utf-8")
    out_dir.mkdir(parents=True, exist_ok=True)
    problems = Problems()
    written = []
    for size in SIZES:
        for rid, w in site.worksheets.items():
            path = out_dir / pdf_name(rid, size)
            doc = HTML(string=sheet_document(build, rid, size, css, lang)).render()
            if len(doc.pages) > w["pages"]:
                problems.add(w["file"], f"the sheet prints on {len(doc.pages)} pages of {SIZES[size]}, "
                                        f"but `pages:` says {w['pages']}", record=rid, field="pages",
                             fix=f"write `pages: {len(doc.pages)}`, or take out some lines or rows")
            doc.write_pdf(path)
            written.append(path)
        path = out_dir / pdf_name("workbook", size)
        HTML(string=workbook_document(build, size, css, lang)).write_pdf(path)
        written.append(path)
    problems.raise_if_any()
    return written
