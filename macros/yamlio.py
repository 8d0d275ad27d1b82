"""The one YAML loader of the project: the build, the tests and the tools all read YAML here.

- libyaml (CSafeLoader) when PyYAML has it: about 10x faster, and the same parser everywhere
  (the pure-Python and the C parser disagree on a few edge cases).
- Dates stay text (`2026-11-01` is the string "2026-11-01"): an impossible date such as
  `2026-13-01` is then reported by the settings check with its file, field and fix, instead
  of stopping the YAML parser with a traceback.
- `!ENV [NAME, default]` as MkDocs reads it in mkdocs.yml, so the settings check sees what
  the build sees.
"""
from __future__ import annotations

import os
from pathlib import Path

import yaml

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class Loader(_BASE):  # type: ignore[misc, valid-type]
    """SafeLoader without the date resolver, with MkDocs' `!ENV` tag."""


Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for first, resolvers in _BASE.yaml_implicit_resolvers.items()
}


def _env(loader, node):
    """`!ENV NAME` or `!ENV [NAME, OTHER, default]`: the first variable set, else the default
    (the same rules as MkDocs: a variable's text is typed like a plain YAML value)."""
    default = None
    if isinstance(node, yaml.ScalarNode):
        names = [loader.construct_scalar(node)]
    else:
        children = node.value
        if len(children) > 1:
            default = loader.construct_object(children[-1])
            children = children[:-1]
        names = [loader.construct_scalar(child) for child in children]
    for name in names:
        if name in os.environ:
            value = os.environ[name]
            tag = loader.resolve(yaml.ScalarNode, value, (True, False))
            return loader.construct_object(yaml.ScalarNode(tag, value))
    return default


Loader.add_constructor("!ENV", _env)
Loader.add_constructor("!relative", lambda loader, node: loader.construct_scalar(node))


def loads(text: str):
    """Parse YAML text (raises yaml.YAMLError on a mistake)."""
    return yaml.load(text, Loader=Loader)


def load(path: Path | str):
    """Parse a YAML file (raises FileNotFoundError or yaml.YAMLError)."""
    return loads(Path(path).read_text(encoding="utf-8"))


def load_config(path: Path | str) -> dict:
    """A settings file as MkDocs reads it: `INHERIT: parent.yml` first loads the parent, then
    this file on top (mappings merged key by key, everything else replaced)."""
    path = Path(path)
    data = load(path) or {}
    parent = data.pop("INHERIT", None)
    if not parent:
        return data
    return _merge(load_config(path.parent / parent), data)


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out
