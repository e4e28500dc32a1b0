"""MkDocs hook: the site-wide glossary tooltips. Python-Markdown's abbr extension takes a
glossary (name -> definition) as configuration; the generator writes it from
archive/glossary.yml to docs/_generated/abbreviations.json, and this hook hands it over, so
every occurrence of a term on every page gets an <abbr title> that Material shows as a
tooltip (content.tooltips). Configuring it once is far cheaper than appending the
definitions to every page as Markdown, which the abbr extension would re-read per page."""

import json
from pathlib import Path


def on_config(config):
    path = Path(config.docs_dir) / "_generated" / "abbreviations.json"
    glossary = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    config.mdx_configs.setdefault("abbr", {})["glossary"] = glossary
    return config
