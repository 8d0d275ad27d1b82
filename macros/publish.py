"""Step 4, publish: a `mkdocs build` writes into a fresh folder beside the site folder and puts
it in place only when the whole build passed (every language, every PDF, no warning under
--strict), so a failed build never touches the published site.

`Staging.start(config)` points the build at the fresh folder; `Staging.finish(passed)` swaps it
in (or throws it away). The hook calls them from on_config and on_shutdown.
"""
from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.utils import CountHandler

log = logging.getLogger("mkdocs.plugins.nc")


class Staging:
    def __init__(self, config):
        self.target = Path(config.site_dir).resolve()
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self.folder = Path(tempfile.mkdtemp(prefix=f".{self.target.name}-building-", dir=self.target.parent))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self.folder, 0o777 & ~umask)  # a site folder a web server can read, like one MkDocs makes
        self.warnings = CountHandler()  # what a strict build fails on, counted as MkDocs counts it
        self.warnings.setLevel(logging.WARNING)
        self.strict = bool(config.strict)
        if self.strict:
            logging.getLogger("mkdocs").addHandler(self.warnings)

    @classmethod
    def start(cls, config) -> "Staging":
        staging = cls(config)
        config.site_dir = str(staging.folder)
        return staging

    @property
    def clean(self) -> bool:
        return not (self.strict and sum(n for _, n in self.warnings.get_counts()))

    def finish(self, passed: bool) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        target = self.target
        if not (passed and self.clean):
            shutil.rmtree(self.folder, ignore_errors=True)
            if target.exists():
                print(f"The build failed, so {target} was left as it was.", file=sys.stderr)
            return
        old = None
        if target.exists():
            old = target.with_name(f".{target.name}-old-{os.getpid()}")
            target.rename(old)
        self.folder.rename(target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        log.info(f"The site is in {target}")
