"""Interface strings (docs/_data/strings.yml): loaded and checked once, filled in one way.

`{name}` in a string is a slot the site fills in. The same rule fills slots in Python
(`fill`, the `fill` filter of the templates) and in the page scripts (`t()` in nc.js).
"""
from __future__ import annotations

import re
from pathlib import Path

from . import yamlio
from .errors import Problems

SLOT = re.compile(r"\{([a-z][a-z0-9_]*)\}")
USE_IN_TEMPLATES = re.compile(r"\bstrings\.([A-Za-z0-9_]+)")
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
USE_IN_SCRIPTS = re.compile(r"""\bt\(\s*["']([A-Za-z0-9_]+)["']""")


class UnknownString(Exception):
    """A page or a template asked for a strings key that does not exist."""


class Strings(dict):
    """The strings as a mapping; an unknown key is an error that names it (in a Jinja
    template `strings.no_such_key` stops the build instead of printing nothing)."""

    def __getattr__(self, key):
        if key.startswith("_"):
            raise AttributeError(key)
        try:
            return self[key]
        except KeyError:
            raise UnknownString(_unknown(key)) from None

    def __missing__(self, key):
        raise UnknownString(_unknown(key))

    def fill(self, key: str, **values) -> str:
        return fill(self[key], **values)

    def subset(self, keys) -> dict:
        return {k: self[k] for k in sorted(keys) if k in self}


def _unknown(key: str) -> str:
    return (f"there is no interface string '{key}'. Fix: use a key from docs/_data/strings.yml "
            "(macros/strings_keys.py lists them), or add it to both")


def slots(text: str) -> set:
    return set(SLOT.findall(text))


def fill(text: str, **values) -> str:
    """Put `values` into the `{slots}` of `text`; a slot without a value stays as it is."""
    return SLOT.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), text)


def load_strings(path: Path, keys: dict, problems: Problems) -> Strings:
    """Every key of `keys` with its slots, each with non-empty text."""
    try:
        data = yamlio.load(path)
    except FileNotFoundError:
        problems.add(path, "file not found", fix="restore it from the upstream project")
        return Strings()
    except Exception as exc:  # yaml.YAMLError
        problems.add(path, f"this is not valid YAML ({exc})", fix="check the indentation and put text with a colon in quotes")
        return Strings()
    if not isinstance(data, dict):
        problems.add(path, "the strings file is empty", fix="restore it from the upstream project")
        return Strings()
    out = Strings()
    for key, value in data.items():
        if key not in keys:
            problems.add(path, "unknown key", field=key,
                         fix="remove it or correct its spelling; macros/strings_keys.py lists the keys")
            continue
        if not isinstance(value, str) or not value.strip():
            problems.add(path, "each string must be non-empty text", field=key,
                         fix="write the text after the colon, in quotes if it has a colon")
            continue
        value = " ".join(value.split()) if "\n" in value.strip() else value.strip()
        if slots(value) != set(keys[key]):
            want = sorted("{" + k + "}" for k in keys[key]) or "none"
            problems.add(path, f"the text must keep the slots {want}", field=key,
                         fix="put back the words in curly braces exactly as they were")
            continue
        out[key] = value
    for key in sorted(set(keys) - set(data)):
        problems.add(path, "this key is missing", field=key,
                     fix="copy the line from the upstream docs/_data/strings.yml and translate it")
    return out


def check_uses(files, known, problems: Problems, pattern=USE_IN_TEMPLATES) -> None:
    """Every `strings.key` in the Jinja of pages and templates must be a known key."""
    for path in files:
        text = Path(path).read_text(encoding="utf-8")
        for m in (m for block in _JINJA.finditer(text) for m in pattern.finditer(text, block.start(), block.end())):
            key = m.group(1)
            if key in known or key in dir(Strings):
                continue
            line = text.count("\n", 0, m.start()) + 1
            problems.add(path, f"line {line} uses the string '{key}', which does not exist",
                         field=f"strings.{key}",
                         fix="use a key from docs/_data/strings.yml, or add it there and to macros/strings_keys.py")
