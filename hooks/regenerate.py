"""MkDocs hook: under `mkdocs serve`, regenerate docs/ from archive/ before each build and
watch archive/. The generator writes only files whose content changed, so a rebuild that
changes nothing triggers no further rebuild. MkDocs loads hooks by path: the logic lives in
the lgnews package."""

from pathlib import Path

from lgnews.build import generate

_serving = False
ROOT = Path(__file__).resolve().parents[1]


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_pre_build(config):
    if _serving:
        generate(ROOT, quiet=True)


def on_serve(server, config, builder):
    server.watch(str(ROOT / "archive"))
    return server
