"""Worksheet PDFs and the workbook, in A4 and US Letter, with WeasyPrint.

The sheets are the same HTML as on the worksheet pages (render.worksheet_html), printed with
the project's own lean stylesheet (docs/assets/css/nc-sheet.css), not the theme's.
"""
from __future__ import annotations

from pathlib import Path

from . import render

SIZES = {"a4": "A4", "letter": "letter"}


def _document(body: str, size: str, css: str, title: str, lang: str = "en") -> str:
    return (f'<!doctype html><html lang="{render.esc(lang)}"><head><meta charset="utf-8"><title>{render.esc(title)}</title>'
            f"<style>@page {{ size: {SIZES[size]}; margin: 12mm; }}\n{css}</style></head>"
            f'<body class="nc-pdf">{body}</body></html>')


def overview_html(site, length: int) -> str:
    st = site.strings
    rows = "".join(f"<tr><td>{d['n']}</td><td>{render.esc(d['title'])}</td><td>{render.esc(d['phase']['title'])}</td>"
                   f'<td class="nc-tick"></td></tr>' for d in site.tracks[length])
    return (f'<div class="nc-sheet nc-overview"><h1 class="nc-sheet__title">{render.esc(render.fmt(st, "track_title", length=length))}</h1>'
            f'<table class="nc-table nc-table--overview"><thead><tr><th scope="col">{render.esc(st["overview_day"])}</th>'
            f'<th scope="col">{render.esc(st["overview_title"])}</th><th scope="col">{render.esc(st["overview_phase"])}</th>'
            f'<th scope="col">✓</th></tr></thead><tbody>{rows}</tbody></table>'
            f'<p class="nc-sheet__footer">{render.esc(render.fmt(st, "worksheet_footer", clinic=site.settings["clinic"]["name"], licence=st["footer_licence"]))}</p></div>')


def workbook_html(site) -> str:
    st = site.strings
    first = next(iter(site.tracks))
    cover = (f'<div class="nc-cover"><h1>{render.esc(site.settings["clinic"]["name"])}</h1>'
             f'<p>{render.esc(st["workbook"])}</p><p>{render.esc(site.settings["attribution"])}</p></div>')
    parts = [cover, overview_html(site, first)] + [render.worksheet_html(site, rid) for rid in site.worksheets]
    return "\n".join(parts)


def write_all(site, out_dir: Path, css_file: Path, lang: str = "en") -> list[Path]:
    from weasyprint import HTML  # imported here: `mkdocs serve` with NC_PDF=false never loads it

    css = css_file.read_text(encoding="utf-8")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for size in SIZES:
        for rid, w in site.worksheets.items():
            path = out_dir / render.pdf_name(rid, size)
            HTML(string=_document(render.worksheet_html(site, rid), size, css, w["title"], lang)).write_pdf(path)
            written.append(path)
        path = out_dir / render.pdf_name("workbook", size)
        HTML(string=_document(workbook_html(site), size, css, st_title(site), lang)).write_pdf(path)
        written.append(path)
    return written


def st_title(site) -> str:
    return f'{site.settings["clinic"]["name"]}: {site.strings["workbook"]}'
