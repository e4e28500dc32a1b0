"""MkDocs hook: the built site leaves out what Material copies for features it does not use.

Material's search plugin is not used (Pagefind searches the site, see mkdocs.yml), yet the
theme copies its search worker and the lunr language files (1.2 MB) into every build; and
the source maps of its scripts and stylesheets (1.1 MB) are for debugging the theme, not
for readers. Published, they count against GitHub Pages' 1 GB for nothing."""

import shutil
from pathlib import Path

UNUSED_WITHOUT_SEARCH_PLUGIN = ("assets/javascripts/lunr", "assets/javascripts/workers")


def on_post_build(config):
    site = Path(config.site_dir)
    if "search" not in config.plugins:
        for folder in UNUSED_WITHOUT_SEARCH_PLUGIN:
            shutil.rmtree(site / folder, ignore_errors=True)
    for source_map in (site / "assets").rglob("*.map"):
        source_map.unlink()
