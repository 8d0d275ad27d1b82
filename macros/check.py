"""Check the settings and every record without building: `python -m macros.check`.

`make build` and `make serve` run it first. It reads mkdocs.yml with the project's own YAML
loader, so even a mistake MkDocs' loader would stop on with a traceback (an impossible date
such as 2026-13-01 written without quotes) gets its file, field and fix.
"""
from __future__ import annotations

import sys
from pathlib import Path

from . import yamlio
from .content import ContentError
from .language_check import check_site, is_main, languages_of


def main(argv: list[str]) -> int:
    config = Path(argv[0] if argv else "mkdocs.yml").resolve()
    try:
        settings = yamlio.load_config(config)
        extra = settings.get("extra", {})
    except Exception as exc:  # not valid YAML
        print(f"{config.name}: this is not valid YAML ({exc}). Fix: check the indentation and put text "
              "with a colon in quotes", file=sys.stderr)
        return 1
    try:
        langs = languages_of(extra)
        main = is_main(config.parent, config, extra)
        site = check_site(config.parent, extra, docs=config.parent / settings.get("docs_dir", "docs"), every_language=main)
    except ContentError as exc:
        print(f"Content check failed: {exc}", file=sys.stderr)
        return 1
    for notice in site.notices:
        print(f"Reminder: {notice}", file=sys.stderr)
    checked = f" in {len(langs)} languages" if main and len(langs) > 1 else ""
    print(f"Settings and content checked{checked}: no problems ({sum(len(p['days']) for p in site.phases)} days, "
          f"{len(site.exercises)} exercises, {len(site.scripts)} scripts, {len(site.worksheets)} worksheets).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
