"""One loaded, checked `Site` per build, shared by the macros and the MkDocs hook."""
from pathlib import Path

from .content import load_site
from .strings_keys import KEYS

_CACHE: dict = {}
# Kept for the life of a `mkdocs serve` process (this module is imported once, while the
# config and the hook module are loaded afresh for every rebuild).
SERVE_STATE: dict = {}


def project_root(config) -> Path:
    return Path(config["config_file_path"]).resolve().parent


def site_for(config):
    key = id(config)
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = load_site(project_root(config), config["extra"], KEYS)
    return _CACHE[key]
