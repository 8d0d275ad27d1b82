"""Mistakes in the settings or the content, told so a clinic can fix them.

Checks never stop at the first mistake: they add each one to a `Problems` list (file, record,
field, what is wrong, how to fix it) and the build reports them all at once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import jsonschema


def shown(path) -> str:
    """A path as the clinic sees it: relative to the folder the build runs in."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Problem:
    file: str
    problem: str
    record: str | None = None
    field: str | None = None
    fix: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.record:
            where += f", record '{self.record}'"
        if self.field:
            where += f", field '{self.field}'"
        text = f"{where}: {self.problem}"
        return text + (f". Fix: {self.fix}" if self.fix else "")


class ContentError(Exception):
    """One or more problems; the message lists every one of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        if len(self.problems) == 1:
            text = str(self.problems[0])
        else:
            text = f"{len(self.problems)} problems:\n" + "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(text)


class Problems:
    """Collects problems; `raise_if_any()` at the end of a check."""

    def __init__(self):
        self.items: list[Problem] = []

    def add(self, file, problem, *, record=None, field=None, fix=None) -> None:
        item = Problem(shown(file), problem, record, field, fix)
        if item not in self.items:
            self.items.append(item)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise ContentError(self.items)

    # -- JSON Schema --------------------------------------------------------------------------

    def check(self, data, schema_, file, record=None, prefix="") -> bool:
        """Check `data` against a JSON Schema; add one problem per wrong field. True if valid."""
        errors = list(_validator(schema_).iter_errors(data))
        for err in errors:
            # Drill into anyOf/oneOf/allOf to the field a person can fix, unless the schema
            # says what is wrong in its own words.
            while err.context and not _speaks(err):
                err = _best(err.context)
            name = _field_of(err)
            rec = record
            # In lists of records, name the record by its id, not its position.
            m = re.match(r"^(days|variants|blocks)\.(\d+)(?:\.(.*))?$", name)
            if m and isinstance(data, dict):
                items = data.get(m.group(1)) or []
                idx = int(m.group(2))
                item = items[idx] if idx < len(items) else None
                label = item.get("id") if isinstance(item, dict) and item.get("id") else f"{m.group(1)} #{idx + 1}"
                rec = label if not record else f"{record} / {label}"
                name = m.group(3) or "(the record)"
            if err.validator == "additionalProperties":  # one problem per unknown key
                base = name.rsplit(".", 1)[0] + "." if "." in name else ""
                for key in sorted(set(err.instance) - set(err.schema.get("properties", {}))):
                    self.add(file, "unknown field", record=rec, field=prefix + base + str(key), fix=_fix_of(err))
                continue
            message = "this field is missing" if err.validator == "required" else _message(err)
            self.add(file, message, record=rec, field=prefix + name, fix=_fix_of(err))
        return not errors


_WORDED = {"anyOf", "oneOf", "pattern", "const", "format"}


def _speaks(err) -> bool:
    """The schema words this kind of mistake itself (its `problem` text)."""
    return err.validator in _WORDED and isinstance(err.schema, dict) and "problem" in err.schema


_VALIDATORS: dict = {}


def _validator(schema_):
    """One validator per schema (the records of a kind share theirs)."""
    key = id(schema_)
    if key not in _VALIDATORS:
        _VALIDATORS[key] = (schema_, jsonschema.Draft202012Validator(schema_))
    return _VALIDATORS[key][1]


def _message(err) -> str:
    return err.schema["problem"] if _speaks(err) else err.message


def _field_of(error) -> str:
    parts = [str(p) for p in error.absolute_path]
    if error.validator == "required":
        missing = re.search(r"'([^']+)' is a required property", error.message)
        parts.append(missing.group(1) if missing else "?")
    elif error.validator == "additionalProperties":
        extra = re.findall(r"'([^']+)'", error.message)
        parts.append(extra[0] if extra else "?")
    return ".".join(parts) or "(top level)"


def _fix_of(error) -> str | None:
    if error.validator == "required":
        return "add this field"
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        return f"remove it or correct its spelling (known fields: {', '.join(allowed)})"
    hint = error.schema.get("fix") if isinstance(error.schema, dict) else None
    if hint:
        return hint
    if error.validator == "enum":
        return "use one of " + ", ".join(map(str, error.validator_value))
    return None


def _best(errors):
    """The most specific error: the deepest path, preferring a real field over `if/then`."""
    return sorted(errors, key=lambda e: (-len(e.absolute_path), e.validator in {"anyOf", "allOf", "if"}))[0]
