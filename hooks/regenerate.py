"""MkDocs hook: under `mkdocs serve`, regenerate docs/ from archive/ before each build and
watch archive/. The generator writes only files whose content changed, so a rebuild that
changes nothing triggers no further rebuild. MkDocs loads hooks by path (and reloads them
with the config on every rebuild, hence the environment variable): the logic lives in the
lgnews package."""

import os
import subprocess
import sys
from pathlib import Path

from lgnews.build import generate

ROOT = Path(__file__).resolve().parents[1]
SERVING = "LGNEWS_SERVING"


def on_startup(command, dirty):
    if command == "serve":
        os.environ[SERVING] = "1"


def on_pre_build(config):
    if os.environ.get(SERVING):
        generate(ROOT, quiet=True)


def on_post_build(config):
    # The preview gets a search index too (make site runs Pagefind after the build).
    if os.environ.get(SERVING):
        subprocess.run([sys.executable, "-m", "pagefind", "--site", config.site_dir, "--silent"], check=False)


def on_serve(server, config, builder):
    server.watch(str(ROOT / "archive"))
    return server
