"""MkDocs hook: under `mkdocs serve`, regenerate docs/ from archive/ before each build and
watch archive/. The generator writes only files whose content changed, so a rebuild that
changes nothing triggers no further rebuild. MkDocs loads hooks by path (and reloads them
with the config on every rebuild, hence the environment variable): the logic lives in the
lgnews package."""

import os
import subprocess
import sys
from pathlib import Path

from lgnews.build import editor_page_errors, generate

ROOT = Path(__file__).resolve().parents[1]
SERVING = "LGNEWS_SERVING"
_unreadable: set[str] = set()
"""Under serve, the editors' pages that are not UTF-8 (the generator has said so in a line
each): the preview is built without them, where MkDocs would stop on one with a traceback."""


def on_startup(command, dirty):
    if command == "serve":
        os.environ[SERVING] = "1"


def on_pre_build(config):
    if os.environ.get(SERVING) and generate(ROOT, quiet=True) != 0:
        _unreadable.update(os.path.normpath(e.path) for e in editor_page_errors(Path(config.docs_dir)))


def on_files(files, config):
    for file in [f for f in files if f.abs_src_path and os.path.normpath(f.abs_src_path) in _unreadable]:
        files.remove(file)
    _unreadable.clear()
    return files


def on_post_build(config):
    # The preview gets a search index too (make site runs Pagefind after the build).
    if os.environ.get(SERVING):
        subprocess.run([sys.executable, "-m", "pagefind", "--site", config.site_dir, "--silent"], check=False)


def on_serve(server, config, builder):
    server.watch(str(ROOT / "archive"))
    return server
