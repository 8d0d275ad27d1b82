"""A worked example of a complete fork: makes a sample clinic from this checkout, changing
only YAML and Markdown, the way docs/adapting.md tells a clinic to.

    python tools/sample_clinic.py DEST      # a copy of this checkout in DEST, adapted
    cd DEST && make test                     # the whole suite must pass on it

The sample clinic ("Harbour Clinic", a made-up clinic in Australia that serves readers in
English and Spanish), following the guide step by step:
- its own name, contact details and colours, and a clinical review date;
- the crisis lines and emergency number of Australia only, in both languages' settings
  (mkdocs.yml and mkdocs.es.yml; a sample: a real clinic checks each line itself and writes
  the day it checked);
- tracks of 21 and 45 days;
- one exercise removed in both languages (the days that used it point at another, links to
  it are gone, and its Spanish translation and mark go too);
- one worksheet added (a sleep log), with its Spanish translation;
- five interface strings in its own words, in both languages.
`python tools/sample_clinic.py DEST --english-only` makes the same clinic with the Spanish site
dropped (its line in extra.languages, mkdocs.es.yml and docs/es/), as a clinic that serves
one language would.
CI runs the full suite on this sample as well as on the project (.ci/run, .github/workflows/test.yml).
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
STRINGS_ES = {                    # the same five in Spanish
    "exit_label": "Salir de este sitio",
    "sos_label": "Quiero escribirle",
    "help_label": "Pedir ayuda",
    "footer_not_therapy": "Este sitio es de autoayuda. No es terapia ni un servicio de emergencia.",
    "today_show": "Ver el paso de hoy",
}
NAME_ES = "Clínica Harbour"
PROGRAM_ES = "Clínica Harbour: Espacio Claro"
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
      country: AU
      number: "000"
  crisis_lines:
    - name: Lifeline
      region: Australia
      country: AU
      call: "13 11 14"
      hours: 24 hours, every day
      for: Anyone having a hard time or thinking about suicide
      url: https://www.lifeline.org.au/
      source: https://www.lifeline.org.au/
      checked: "{date.today().isoformat()}"
    - name: 1800RESPECT
      region: Australia
      country: AU
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
SETTINGS_ES = f'''  clinic:
    name: {NAME_ES}
  review:
    date: "{date.today().isoformat()}"
    by: Psicóloga clínica, {NAME_ES}
  exit:
    url: https://www.example.com/tiempo
  emergency:
    - region: Australia
      country: AU
      number: "000"
  crisis_lines:
    - name: Lifeline
      region: Australia
      country: AU
      call: "13 11 14"
      hours: Las 24 horas, todos los días
      for: Cualquier persona que lo esté pasando mal o que piense en el suicidio
      languages: Inglés
      url: https://www.lifeline.org.au/
      source: https://www.lifeline.org.au/
      checked: "{date.today().isoformat()}"
    - name: 1800RESPECT
      region: Australia
      country: AU
      call: "1800 737 732"
      hours: Las 24 horas, todos los días
      for: Violencia doméstica, familiar y sexual
      languages: Inglés
      url: https://www.1800respect.org.au/
      source: https://www.1800respect.org.au/
      checked: "{date.today().isoformat()}"
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


SLEEP_LOG_ES = """title: Registro del sueño
discreet_title: Notas de la noche
purpose: Ver cómo van juntos el sueño y las ganas de escribirle.
instructions: Cada mañana, anota a qué hora te acostaste, a qué hora te despertaste y cómo fue la noche.
clinician:
  purpose: Un diario del sueño sencillo; dormir mal suele ir con más ganas de contactar y con ánimo bajo.
  when: Cualquier semana del programa, sobre todo las dos primeras.
  in_session: Busquen las noches que van con ganas fuertes o con contacto, y planeen la tarde anterior.
blocks:
  - type: table
    columns: [Fecha, Me acosté, Me desperté, {label: Cómo fue la noche, width: 3}]
    rows: 14
  - type: lines
    label: Lo que noto
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


def adapt(dest: Path, english_only: bool = False) -> None:
    cfg = dest / "mkdocs.yml"
    text = cfg.read_text(encoding="utf-8")
    text = _sub(text, r"^site_name: .*?$", f"site_name: {json.dumps(PROGRAM)}", "site_name")
    text = _sub(text, r"^  clinic:\n.*?(?=^  program:)", SETTINGS, "extra.clinic ... extra.crisis_lines")
    text = _sub(text, r"^    tracks:[ \t]*\[[^\]]*\]", f"    tracks: [{', '.join(map(str, TRACKS))}]", "tracks")
    if english_only:  # "Drop a language" in docs/adapting.md: one line, one file, one folder
        text = re.sub(r"^    - \{code: es,[^\n]*\n", "", text, count=1, flags=re.M)
        (dest / "mkdocs.es.yml").unlink(missing_ok=True)
        shutil.rmtree(dest / "docs" / "es", ignore_errors=True)
    cfg.write_text(text, encoding="utf-8")

    es = dest / "mkdocs.es.yml"
    if es.is_file():  # step 3 in every language: the Spanish site's own lines for Australia
        text = es.read_text(encoding="utf-8")
        text = _sub(text, r"^site_name: .*?$", f"site_name: {json.dumps(PROGRAM_ES, ensure_ascii=False)}", "site_name (es)")
        text = _sub(text, r"^  clinic:\n.*?(?=^  calendar:)", SETTINGS_ES, "extra.clinic ... extra.crisis_lines (es)")
        es.write_text(text, encoding="utf-8")

    for docs in [dest / "docs"] + ([dest / "docs" / "es"] if es.is_file() else []):
        data = docs / "_data"
        (data / "exercises" / f"{REMOVED}.yml").unlink(missing_ok=True)  # missing_ok: adapting twice is harmless
        for path in list(docs.glob("*.md")) + [p for p in docs.glob("*/**/*.md") if p.relative_to(docs).parts[0] != "es"] \
                + [p for p in data.rglob("*.yml")]:
            old = path.read_text(encoding="utf-8")
            new = old.replace(f"exercise: {REMOVED}", f"exercise: {INSTEAD}")
            # A link to the removed exercise keeps its words and loses the link.
            new = re.sub(rf"\[([^\]]+)\]\((?:\.\./)*exercises/{REMOVED}\.md\)", r"\1", new)
            if new != old:
                path.write_text(new, encoding="utf-8")
        english = docs == dest / "docs"
        (data / "worksheets" / "sleep-log.yml").write_text(SLEEP_LOG if english else SLEEP_LOG_ES, encoding="utf-8")
        strings = data / "strings.yml"
        text = strings.read_text(encoding="utf-8")
        for key, value in (STRINGS if english else STRINGS_ES).items():
            text = _sub(text, rf"^{key}:.*?$", f"{key}: {json.dumps(value, ensure_ascii=False)}", f"strings key {key}")
        strings.write_text(text, encoding="utf-8")
    marks = dest / "docs" / "es" / "_translations.yml"
    if marks.is_file():  # the removed exercise's mark goes with its translation
        marks.write_text("".join(l for l in marks.read_text(encoding="utf-8").splitlines(keepends=True)
                                 if not l.startswith(f"_data/exercises/{REMOVED}.yml:")), encoding="utf-8")


def main(argv: list[str]) -> int:
    english_only = "--english-only" in argv
    argv = [a for a in argv if a != "--english-only"]
    if len(argv) != 1:
        print(__doc__)
        return 2
    dest = Path(argv[0]).resolve()
    if dest.exists() and any(dest.iterdir()):
        print(f"sample_clinic: {dest} is not empty")
        return 2
    dest.mkdir(parents=True, exist_ok=True)
    copy_checkout(dest)
    adapt(dest, english_only)
    print(f"A sample clinic is in {dest}. Run `make test` there.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
