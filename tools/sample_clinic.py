"""A worked example of a complete fork: makes a sample clinic from this checkout, changing
only YAML and Markdown, the way docs/adapting.md tells a clinic to.

    python tools/sample_clinic.py DEST      # a copy of this checkout in DEST, adapted
    cd DEST && make test                     # the whole suite must pass on it

The sample clinic ("Harbour Clinic", a made-up clinic in Australia):
- its own name, contact details and colours, and a clinical review date;
- the crisis lines and emergency number of Australia only (a sample: a real clinic checks
  each line itself and writes the day it checked);
- tracks of 21 and 45 days;
- one exercise removed (the days that used it point at another, and links to it are gone);
- one worksheet added (a sleep log);
- five interface strings in its own words;
- English only: the Spanish site is dropped (its line in extra.languages, mkdocs.es.yml and
  docs/es/), as a clinic that serves one language would.
CI runs the full suite on this sample as well as on the project (.github/workflows/test.yml).
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "Harbour Clinic"
PROGRAM = "Harbour Clinic: Clear Space"
COLORS = {"primary": "#00594f", "accent": "#8a3b12"}
TRACKS = [21, 45]
REMOVED = "screen-time-plan"      # the exercise the clinic does not use
INSTEAD = "new-routine-plan"      # what its days use instead
STRINGS = {                       # five strings in the clinic's own words
    "exit_label": "Leave this site",
    "sos_label": "I want to contact them",
    "help_label": "Get help",
    "footer_not_therapy": "This site is for self-help. It is not therapy, and it is not an emergency service.",
    "today_show": "Show today's step",
}
SETTINGS = f'''  clinic:
    name: {NAME}
    email: help@harbour-clinic.example
    phone: "02 5550 0100"
    address: 1 Harbour Street, Sydney NSW
    url: https://harbour-clinic.example/
  colors:
    primary: "{COLORS["primary"]}"
    accent: "{COLORS["accent"]}"
  exit:
    url: https://www.example.com/weather
  emergency:
    - region: Australia
      number: "000"
  crisis_lines:
    - name: Lifeline
      region: Australia
      call: "13 11 14"
      hours: 24 hours, every day
      for: Anyone having a hard time or thinking about suicide
      url: https://www.lifeline.org.au/
      source: https://www.lifeline.org.au/
      checked: "{date.today().isoformat()}"
    - name: 1800RESPECT
      region: Australia
      call: "1800 737 732"
      hours: 24 hours, every day
      for: Domestic, family and sexual violence
      url: https://www.1800respect.org.au/
      source: https://www.1800respect.org.au/
      checked: "{date.today().isoformat()}"
  review:
    date: "{date.today().isoformat()}"
    by: Clinical psychologist, Harbour Clinic
'''
SLEEP_LOG = """title: Sleep log
discreet_title: Night notes
purpose: See how sleep and the pull to reach out go together.
instructions: Each morning, write when you went to bed, when you woke up and how the night went.
clinician:
  purpose: A simple sleep diary; poor sleep often goes with stronger urges and low mood.
  when: Any week of the program, most of all in the first two weeks.
  in_session: Look for nights that go with strong urges or contact, and plan the evening before them.
blocks:
  - type: table
    columns: [Date, Went to bed, Woke up, {label: How the night went, width: 3}]
    rows: 14
  - type: lines
    label: What I notice
    lines: 4
"""


def copy_checkout(dest: Path) -> None:
    """The files of this checkout (as git knows them, if it is a git checkout)."""
    try:
        names = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, check=True,
                               capture_output=True, text=True).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        names = [p.relative_to(ROOT).as_posix() for p in ROOT.rglob("*") if p.is_file()
                 and not {".git", ".venv", "site", "__pycache__"} & set(p.relative_to(ROOT).parts)]
    for name in names:
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)


def _sub(text: str, pattern: str, new: str, where: str) -> str:
    out, n = re.subn(pattern, lambda m: new, text, count=1, flags=re.M | re.S)
    if n != 1:
        raise SystemExit(f"sample_clinic: could not find {where}; update tools/sample_clinic.py")
    return out


def adapt(dest: Path) -> None:
    cfg = dest / "mkdocs.yml"
    text = cfg.read_text(encoding="utf-8")
    text = _sub(text, r"^site_name: .*?$", f"site_name: {json.dumps(PROGRAM)}", "site_name")
    text = _sub(text, r"^  clinic:\n.*?(?=^  program:)", SETTINGS, "extra.clinic ... extra.crisis_lines")
    text = _sub(text, r"^    tracks:[ \t]*\[[^\]]*\]", f"    tracks: [{', '.join(map(str, TRACKS))}]", "tracks")
    text = _sub(text, r"^  languages:.*?\n(?=^  \S)", "  languages:\n    - {code: en, name: English, config: mkdocs.yml}\n",
                "extra.languages")
    cfg.write_text(text, encoding="utf-8")
    (dest / "mkdocs.es.yml").unlink(missing_ok=True)
    shutil.rmtree(dest / "docs" / "es", ignore_errors=True)

    data = dest / "docs" / "_data"
    (data / "exercises" / f"{REMOVED}.yml").unlink(missing_ok=True)  # missing_ok: adapting twice is harmless
    for path in list((dest / "docs").rglob("*.md")) + list(data.rglob("*.yml")):
        old = path.read_text(encoding="utf-8")
        new = old.replace(f"exercise: {REMOVED}", f"exercise: {INSTEAD}")
        # A link to the removed exercise keeps its words and loses the link.
        new = re.sub(rf"\[([^\]]+)\]\((?:\.\./)*exercises/{REMOVED}\.md\)", r"\1", new)
        if new != old:
            path.write_text(new, encoding="utf-8")
    (data / "worksheets" / "sleep-log.yml").write_text(SLEEP_LOG, encoding="utf-8")

    strings = data / "strings.yml"
    text = strings.read_text(encoding="utf-8")
    for key, value in STRINGS.items():
        text = _sub(text, rf"^{key}:.*?$", f"{key}: {json.dumps(value)}", f"strings key {key}")
    strings.write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    dest = Path(argv[0]).resolve()
    if dest.exists() and any(dest.iterdir()):
        print(f"sample_clinic: {dest} is not empty")
        return 2
    dest.mkdir(parents=True, exist_ok=True)
    copy_checkout(dest)
    adapt(dest)
    print(f"A sample clinic is in {dest}. Run `make test` there.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
