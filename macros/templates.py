"""The one Jinja environment for the project's own templates (overrides/nc/, overrides/partials/).

- `.html` templates escape every value (autoescape); `.md` templates are Markdown, whose
  record text is Markdown on purpose: their HTML comes from `.html` macros they import.
- StrictUndefined: a misspelt variable stops the build instead of printing nothing.
- Filters: `rel` (a link from the page being made), `md` (record text for this page),
  `fill` (a string's {slots}, the same rule as the page scripts), `tel` (a tel: address),
  `squash` (one line), `host` (an address without https://).
"""
from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path

import jinja2
import jinja2.bccache
from markupsafe import Markup, escape

from .strings import SLOT, fill

OVERRIDES = Path(__file__).resolve().parent.parent / "overrides"


def rel(here: str, target: str) -> str:
    """A link from page `here` to page `target` (both paths inside docs/)."""
    anchor = ""
    if "#" in target:
        target, anchor = target.split("#", 1)
        anchor = "#" + anchor
    return posixpath.relpath(target, posixpath.dirname(here) or ".") + anchor


_MD_LINK = re.compile(r"\]\((?!https?:|mailto:|tel:|#|/|\.\./)([^)\s]+\.md(?:#[^)\s]*)?)\)")


def md(text: str, here: str) -> str:
    """Record text for page `here`: links written as paths inside docs/ become relative."""
    return _MD_LINK.sub(lambda m: "](" + rel(here, m.group(1)) + ")", str(text).strip())


def tel(number: str) -> str:
    """The tel: address of a phone number as people write it ("1-800-799-7233")."""
    return "tel:" + "".join(c for c in str(number) if c.isdigit() or c == "+")


def has_digits(number) -> bool:
    return any(c.isdigit() for c in str(number))


def squash(text) -> str:
    return " ".join(str(text).split())


def under(path: str, base: str) -> str:
    """A site path as a theme template links it: relative to the page's `base_url`."""
    return posixpath.join(base, path) if base else path


def host(url: str) -> str:
    return str(url).split("//", 1)[-1].rstrip("/")


@jinja2.pass_context
def _rel_filter(ctx, target):
    return rel(ctx["here"], target)


@jinja2.pass_context
def _md_filter(ctx, text):
    return md(text, ctx["here"])


def _fill_filter(text, **values):
    """A string with its {slots} filled. When a value is markup (a link made by a template),
    the words around it are escaped and the result is markup too."""
    if not any(isinstance(v, Markup) for v in values.values()):
        return fill(str(text), **values)
    out, last = [], 0
    for m in SLOT.finditer(str(text)):
        out.append(escape(str(text)[last:m.start()]))
        out.append(escape(values[m.group(1)]) if m.group(1) in values else escape(m.group(0)))
        last = m.end()
    out.append(escape(str(text)[last:]))
    return Markup("").join(out)


_BYTECODE = None  # the cache folder (Jinja's FileSystemBytecodeCache), False when off


class _KeyedCache(jinja2.BytecodeCache):
    """Jinja's cache keys a compiled template by its name and text only, yet the compiled code
    also depends on the environment that compiled it (autoescape, trim_blocks, delimiters, the
    filters it knew): with one key, an edit to those options, or a second environment reading
    the same file, got the old code. Here the key holds the options too."""

    def __init__(self, store: jinja2.BytecodeCache):
        self.store = store

    def load_bytecode(self, bucket):
        self.store.load_bytecode(bucket)

    def dump_bytecode(self, bucket):
        self.store.dump_bytecode(bucket)

    def clear(self):
        self.store.clear()

    def get_bucket(self, environment, name, filename, source):
        key = self.get_cache_key(name, filename) + "-" + self.get_cache_key(_options(environment, name))
        bucket = jinja2.bccache.Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket


def _options(env: jinja2.Environment, name: str) -> str:
    """What of an environment shapes the code it compiles a template to."""
    def kinds(table):
        return sorted((k, str(getattr(v, "jinja_pass_arg", ""))) for k, v in table.items())
    return repr([env.autoescape(name) if callable(env.autoescape) else env.autoescape,
                 env.trim_blocks, env.lstrip_blocks, env.keep_trailing_newline, env.newline_sequence,
                 env.block_start_string, env.block_end_string, env.variable_start_string,
                 env.variable_end_string, env.comment_start_string, env.comment_end_string,
                 env.line_statement_prefix, env.line_comment_prefix, env.optimized, env.is_async,
                 sorted(env.extensions), env.finalize is not None, kinds(env.filters), kinds(env.tests)])


def bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept between builds (Jinja's own cache, in the system's temporary
    folder, one per user), keyed by each template's name and text and the options of the
    environment that compiled it: a template is compiled again when either changed. Used by
    this environment and the theme's (on_env). NC_TEMPLATE_CACHE=off compiles every template
    at every build (the benchmark's cold build)."""
    global _BYTECODE
    if _BYTECODE is None and os.environ.get("NC_TEMPLATE_CACHE", "").lower() in ("off", "false", "0", "no"):
        _BYTECODE = False
    if _BYTECODE is None:
        try:
            _BYTECODE = jinja2.FileSystemBytecodeCache()
        except (OSError, RuntimeError):  # no writable temporary folder: compile every time
            _BYTECODE = False
    return _KeyedCache(_BYTECODE) if _BYTECODE else None


def environment(root: Path | str = OVERRIDES) -> jinja2.Environment:
    env = jinja2.Environment(
        bytecode_cache=bytecode_cache(),
        loader=jinja2.FileSystemLoader(str(root)),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=False, default=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(rel=_rel_filter, md=_md_filter, fill=_fill_filter, tel=tel, squash=squash, host=host, under=under)
    env.tests["phone"] = has_digits
    return env


def render(env: jinja2.Environment, name: str, **context) -> str:
    return env.get_template(name).render(**context)
