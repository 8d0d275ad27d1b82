"""The clinic's settings (`extra:` in mkdocs.yml): checked once, defaults filled in one place.

`check_settings(extra, problems)` returns plain data (dicts, lists, text, numbers, booleans)
that every part of the site reads: the page templates, the macros, the PDF writer and the
page scripts. Nothing else reads `config.extra` directly.
"""
from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Mapping

from . import schema
from .errors import Problems

FILE = "mkdocs.yml"

# Values a clinic may leave out. Everything else is required (the schema says which).
DEFAULTS = {
    "program": {"milestones": True},
    "calendar": {"discreet_title": "Daily reflection"},
    "worksheets": {"default": "standard"},
    "workbook": {"first": []},
    "pdf": True,
    "generator": False,
    "languages": [],
}
LINE_OPTIONAL = ("call", "text", "tty", "hours", "for", "languages", "url")
REVIEW_DAYS = 365          # a clinical review or a crisis line's check holds this long
NOTICE_DAYS = 30           # the build reminds the clinic this long before that


def plain(value):
    """Settings as plain data: mappings to dicts, dates to YYYY-MM-DD text."""
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return value


def _merge(defaults: dict, given: dict) -> dict:
    out = copy.deepcopy(defaults)
    for key, value in given.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def contrast(hex_a: str, hex_b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours (1 to 21)."""
    def lum(h):
        rgb = [int(h[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    hi, lo = sorted((lum(hex_a), lum(hex_b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def as_bool(value):
    """`pdf: !ENV [NC_PDF, true]` gives a boolean or, from some shells, text."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"true", "1", "yes", "on"}:
        return True
    if text in {"false", "0", "no", "off", ""}:
        return False
    return None


def _date(text):
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def check_settings(extra, problems: Problems, today: dt.date | None = None) -> tuple[dict, list[str]]:
    """The checked settings with defaults, and reminders to show (not errors)."""
    today = today or dt.date.today()
    given = plain(extra or {})
    settings = _merge(DEFAULTS, given)
    notices: list[str] = []
    if not problems.check(settings, schema.SETTINGS, FILE, prefix="extra."):
        # The schema found mistakes: still check the colours and dates that are well formed,
        # so a clinic sees every mistake in one run. Nothing is filled in.
        _check_colors(settings, problems)
        _check_dates(settings, problems, today, notices)
        return settings, notices

    for line in settings["crisis_lines"]:
        for key in LINE_OPTIONAL:
            line.setdefault(key, None)
    for key in ("email", "phone", "address", "url"):
        settings["clinic"].setdefault(key, "")
    settings.setdefault("review", None)
    settings["pdf"] = as_bool(settings["pdf"])
    if settings["pdf"] is None:
        problems.add(FILE, f"'{given['pdf']}' is not true or false", field="extra.pdf",
                     fix="write true or false (NC_PDF=false turns the PDFs off for one build)")
    _check_colors(settings, problems)
    _check_dates(settings, problems, today, notices)
    return settings, notices


def _dict(value) -> dict:
    return value if isinstance(value, dict) else {}


def _check_colors(settings, problems: Problems) -> None:
    """Each colour that is a #rrggbb value against white (WCAG AA); a malformed one is the
    schema's problem, reported already."""
    for key, use in (("primary", "the header, the buttons and the links use it, with white text"),
                     ("accent", "text and lines on white use it")):
        colour = _dict(settings.get("colors")).get(key)
        if not isinstance(colour, str) or not re.fullmatch(r"#[0-9a-fA-F]{6}", colour):
            continue
        ratio = contrast(colour, "#ffffff")
        if ratio < 4.5:
            problems.add(FILE, f"{colour} and white have a contrast of {ratio:.1f}:1, below the 4.5:1 that "
                               "readers with low vision need (WCAG AA)", field=f"extra.colors.{key}",
                         fix=f"pick a darker colour ({use})")


def _check_dates(settings, problems: Problems, today: dt.date, notices: list[str]) -> None:
    """The days each crisis line and the clinical review were checked: real, not in the
    future, and a reminder when one is due. Entries the schema rejected are skipped."""
    lines = settings.get("crisis_lines")
    dated = [(f"extra.crisis_lines.{i}.checked", line["checked"], line.get("name", f"crisis line {i + 1}"))
             for i, line in enumerate(lines if isinstance(lines, list) else [])
             if isinstance(line, dict) and isinstance(line.get("checked"), str)]
    review = _dict(settings.get("review"))
    if isinstance(review.get("date"), str):
        dated.append(("extra.review.date", review["date"], "the clinical review"))
    for field, text, what in dated:
        if not re.fullmatch(schema.DATE["pattern"], text):  # not YYYY-MM-DD: the schema said so
            continue
        day = _date(text)
        if day is None:
            problems.add(FILE, f"'{text}' is not a real date", field=field,
                         fix="write a date that exists, as YYYY-MM-DD in quotes, such as \"2026-11-01\"")
        elif day > today:
            problems.add(FILE, f"{text} is in the future", field=field,
                         fix="write the day you checked it (today or earlier)")
        else:
            limit = review.get("renew_after_days", REVIEW_DAYS) if field == "extra.review.date" else REVIEW_DAYS
            if not isinstance(limit, int) or isinstance(limit, bool):
                continue
            due = day + dt.timedelta(days=limit)
            if due - today <= dt.timedelta(days=NOTICE_DAYS):
                notices.append(f"{what} was checked on {text}: check it again by {due.isoformat()} "
                               f"and update {field} in {FILE} (the tests fail after that day)")
