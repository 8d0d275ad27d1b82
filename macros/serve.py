"""`make serve` (mkdocs serve --dirty): after an edit, rebuild only the pages it changed, and look
for edits often, so the browser reloads in about a second.

- `GeneratedFile` (`generated_files`): a generated page counts as changed only when its built
  file is gone.
- `expire_changed_pages`: removes the built pages whose text changed (generated pages by their
  text; hand-written pages that call macros when any record changed; everything when the
  settings, templates, engine or set of pages changed).
- `poll_often`: MkDocs' file watcher polls every 0.5 s; here every 0.1 s.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from mkdocs.structure.files import File, InclusionLevel

from .templates import OVERRIDES

ROOT = OVERRIDES.parent


class GeneratedFile(File):
    def is_modified(self) -> bool:
        return not os.path.isfile(self.abs_dest_path)


def generated_files(config, pages: dict) -> list[GeneratedFile]:
    """The generated pages (macros/generate.py) as MkDocs files, outside the nav."""
    return [GeneratedFile.generated(config, src, content=text, inclusion=InclusionLevel.NOT_IN_NAV)
            for src, text in pages.items()]


def _digest(*parts) -> str:
    h = hashlib.sha1()
    for part in parts:
        h.update(part if isinstance(part, bytes) else str(part).encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def expire_changed_pages(config, files, made, previous: dict) -> dict:
    """Delete the built pages whose content changed, so MkDocs rebuilds just those. Returns the
    digests to pass in next time."""
    data_dir = Path(config.docs_dir) / "_data"
    code = [p for folder in ("overrides", "macros") for p in sorted((ROOT / folder).rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts]
    everything = _digest(Path(config.config_file_path).read_bytes(), *(p.read_bytes() for p in code),
                         *(f.src_uri for f in files), *(f.src_uri for f in made))
    data = _digest(*(p.read_bytes() for p in sorted(data_dir.rglob("*")) if p.is_file()))
    now = {f.src_uri: _digest(f.content_bytes) for f in made}
    if previous.get("*") != everything:
        stale = [f.abs_dest_path for f in files if f.is_documentation_page()] + [f.abs_dest_path for f in made]
    else:
        stale = [f.abs_dest_path for f in made if previous.get(f.src_uri) != now[f.src_uri]]
        if previous.get("data") != data:
            stale += [f.abs_dest_path for f in files if f.is_documentation_page()
                      and "{{" in Path(f.abs_src_path).read_text(encoding="utf-8")]
    for path in stale:
        if os.path.isfile(path):
            os.remove(path)
    return dict(now, **{"*": everything, "data": data})


def poll_often(server):
    """Private to MkDocs' LiveReloadServer (no setting for it): the observer's `_timeout` and
    `_watched_paths`. Another MkDocs or watchdog version: its defaults stay (0.5 s)."""
    try:
        server.observer._timeout = 0.1
        for path in list(server._watched_paths):
            server.unwatch(path)
            server.watch(path)
    except (AttributeError, KeyError):
        pass
    return server
