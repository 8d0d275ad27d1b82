"""Translations beside their source: which pages, records and strings a language is missing,
which are out of date, and which still hold English.

    python tools/translations.py            # every language of extra.languages in mkdocs.yml
    python tools/translations.py es         # one language

A translation is docs/<code>/<the same path> (pages and records keep their file names and
ids). docs/<code>/_translations.yml records, for each file, a fingerprint of the English text
it was translated from (`python tools/translations.py es --mark FILE...` writes it after you
translate or review a file): when the English changes, the file is listed as out of date.
Exit status 1 when a file is missing (the tests fail on that too).
"""
from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from macros import yamlio  # noqa: E402

DOCS = ROOT / "docs"
SKIP = {"_data/README.md"}
# Common English words that are not Spanish words ("has" is left out: "has visto"): one of them
# on a Spanish page is English left over.
ENGLISH = set("""the and you your with they them this that what when will would should could have
been from into about which there their our out just only also than then because before after
while where who how why not can't don't won't it's you're i'm we're let's get got keep make
takes take need needs help here these those every day days page pages write read start step
steps back next please thank thanks sorry other others person people friend friends family
""".split())
ALLOWED = re.compile(r"\b(Find A Helpline|The Trevor Project|love is respect|Samaritans|Lifeline|Hotline|"
                     r"No Contact Program|START|BIFF|Brief, Informative, Friendly, Firm|et al\.)", re.I)


def sources() -> list[str]:
    """The files a translation must have: every page and record of docs/ (not assets, not
    other languages)."""
    langs = {p.name for p in DOCS.iterdir() if p.is_dir() and (p / "_data").is_dir()}
    out = []
    for p in sorted(DOCS.rglob("*")):
        rel = p.relative_to(DOCS).as_posix()
        if p.is_file() and p.suffix in {".md", ".yml"} and rel.split("/")[0] not in langs | {"assets"} and rel not in SKIP:
            out.append(rel)
    return out


def fingerprint(rel: str) -> str:
    return hashlib.sha1((DOCS / rel).read_bytes()).hexdigest()[:12]


def marks(code: str) -> dict:
    """{file: fingerprint}. A fingerprint of digits only reads as a number in YAML: as text."""
    path = DOCS / code / "_translations.yml"
    return {k: str(v) for k, v in ((yamlio.load(path) or {}) if path.exists() else {}).items()}


def english_left(text: str) -> list[str]:
    """English words in a Spanish text (outside code, links' targets and names kept as they are)."""
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{[#.][^}]*\}|\{[a-z_]+\}", " ", text, flags=re.S)
    text = re.sub(r"^- .*<https://[^>]+>\s*$", " ", text, flags=re.M)  # a reference: titles keep their language
    text = re.sub(r"\]\([^)]*\)|<[^>]+>|https?://\S+|`[^`]*`", " ", text)
    text = ALLOWED.sub(" ", text)
    text = re.sub(r"^(\s*[a-z_]+:|---|title:|description:)", " ", text, flags=re.M)  # YAML keys
    text = re.sub(r"\([A-Z][^()]*\d{4}[a-z]?\)", " ", text)  # citations (Author, 2010)
    # ids and paths kept as they are (what-matters-to-you, guide/why-it-helps.md, look-back)
    text = re.sub(r"\b[a-z0-9]+(?:[-/_.][a-z0-9]+)+\b", " ", text)
    text = re.sub(r"\b(id|who|exercise|exercises|worksheet|worksheets|script|scripts|situations|read_more|guide|before):"
                  r"\s*(\[[^\]]*\]|[^,}\n]+)", " ", text)
    return sorted({w for w in re.findall(r"[A-Za-z']+", text) if w.lower() in ENGLISH})


def report(code: str) -> dict:
    done = marks(code)
    missing, outdated, english = [], [], {}
    for rel in sources():
        target = DOCS / code / rel
        if not target.exists():
            missing.append(rel)
            continue
        if rel in done and done[rel] != fingerprint(rel):
            outdated.append(rel)
        words = english_left(target.read_text(encoding="utf-8"))
        if words:
            english[rel] = words
    extra = [p.relative_to(DOCS / code).as_posix() for p in sorted((DOCS / code).rglob("*"))
             if p.is_file() and p.suffix in {".md", ".yml"} and p.name != "_translations.yml"
             and p.relative_to(DOCS / code).as_posix() not in set(sources())]
    return {"missing": missing, "outdated": outdated, "english": english, "extra": extra}


def main(argv: list[str]) -> int:
    languages = [l["code"] for l in yamlio.load(ROOT / "mkdocs.yml")["extra"].get("languages", [])[1:]]
    if "--mark" in argv:
        code = argv[0]
        current = marks(code)
        for rel in argv[argv.index("--mark") + 1:]:
            rel = Path(rel).as_posix().split(f"docs/{code}/")[-1].split("docs/")[-1]
            current[rel] = fingerprint(rel)
        lines = ["# The English text each translation was made from (tools/translations.py --mark)."]
        lines += [f'{k}: "{v}"' if v.isdigit() else f"{k}: {v}" for k, v in sorted(current.items())]
        (DOCS / code / "_translations.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        return 0
    status = 0
    for code in ([a for a in argv if not a.startswith("-")] or languages):
        r = report(code)
        print(f"{code}: {len(r['missing'])} missing, {len(r['outdated'])} out of date, "
              f"{len(r['english'])} with English left, {len(r['extra'])} with no English source")
        for rel in r["missing"]:
            print(f"  missing      docs/{code}/{rel}")
        for rel in r["outdated"]:
            print(f"  out of date  docs/{code}/{rel} (docs/{rel} changed since)")
        for rel, words in r["english"].items():
            print(f"  English?     docs/{code}/{rel}: {', '.join(words[:12])}")
        for rel in r["extra"]:
            print(f"  no source    docs/{code}/{rel}")
        status |= 1 if r["missing"] or r["extra"] else 0
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
