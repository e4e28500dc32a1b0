"""MkDocs hook: under `mkdocs serve`, regenerate docs/ from archive/ before each build and
watch archive/, overrides/ and hooks/ (lgnews/preview.py's ``watch``). The generator writes
only files whose content changed, so a rebuild that changes nothing triggers no further
rebuild. `make serve` builds dirty (only what changed):
lgnews/preview.py makes that exact for this site and indexes the preview for search. MkDocs
loads hooks by path (and loads them again with the config on every rebuild, hence the
environment variable): the logic lives in the lgnews package."""

import os
from pathlib import Path

from mkdocs.exceptions import Abort

from lgnews import preview
from lgnews.build import editor_page_errors
from lgnews.write import read_manifest

ROOT = Path(__file__).resolve().parents[1]
SERVING = "LGNEWS_SERVING"
_unreadable: set[str] = set()
"""Under serve, the editors' pages MkDocs cannot read (not UTF-8, unreadable, a named pipe in
place of a page: the generator has said so in a line each): the preview is built without
them, where MkDocs would stop on one with a traceback or wait for ever."""


def on_startup(command, dirty):
    if command == "serve":
        os.environ[SERVING] = "1"
        preview.start(dirty)


def on_config(config):
    if os.environ.get(SERVING):
        preview.check_address(config.dev_addr)
    return config


def on_pre_build(config):
    if os.environ.get(SERVING) and preview.regenerate(ROOT) != 0:
        if not read_manifest(Path(config.docs_dir)):
            # Nothing generated yet (a fresh clone, after `make clean`): no last good pages to
            # preview, and the home page's lists would stop MkDocs with a traceback.
            raise Abort("serve: no pages have been generated yet, so there is nothing to preview: fix the "
                        "problem above, then run `make serve` again")
        # (A page whose front matter MkDocs cannot read is previewed as MkDocs shows it.)
        _unreadable.update(os.path.normpath(e.path)
                           for e in editor_page_errors(Path(config.docs_dir), front_matter=False))


def on_files(files, config):
    for file in [f for f in files if f.abs_src_path and os.path.normpath(f.abs_src_path) in _unreadable]:
        files.remove(file)
    _unreadable.clear()
    if os.environ.get(SERVING):
        preview.plan_build(ROOT, files)
        preview.remove_gone(files, config.site_dir)
    return files


def on_post_build(config):
    # The preview gets a search index too (make site runs Pagefind after the build).
    if os.environ.get(SERVING):
        preview.index_search(config.site_dir)


def on_serve(server, config, builder):
    preview.watch(server, config.docs_dir, ROOT)
    return server
