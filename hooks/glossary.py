"""MkDocs hook: the glossary tooltips on the editors' pages. Python-Markdown's abbr extension
takes a glossary (name -> definition) as configuration; the generator writes it from
archive/glossary.yml to docs/_generated/abbreviations.json, and this hook hands it over, so
every occurrence of a term on an editor's page gets an <abbr title> that Material shows as a
tooltip (content.tooltips). Configuring it once is far cheaper than appending the
definitions to every page as Markdown, which the abbr extension would re-read per page.

Generated pages (front matter `generated: true`) get no glossary: the generator marks the
terms of every article itself, those written in Markdown included (lgnews/mdbody.py), and
repeating the definitions on every list and index page made the site bigger and the build
slower (MkDocs builds a new Markdown converter for each page from this configuration, so the
choice can be made page by page).

A term that is the whole text of a link (``[power list](glossary/power-list/index.md)``)
gives its definition to the link: a link takes the keyboard's focus, and Material shows a
link's title on focus as on hover, where an <abbr> inside it shows only under a mouse."""

import json
import re
from pathlib import Path

_glossary: dict[str, str] = {}


def on_pre_build(config):
    # Read before each build, after hooks/regenerate.py (listed before this hook) has
    # generated the pages: under `make serve`, read when the settings are, the glossary was
    # one save behind (and missing from a fresh clone's first preview).
    global _glossary
    path = Path(config.docs_dir) / "_generated" / "abbreviations.json"
    _glossary = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    config.mdx_configs.setdefault("abbr", {})["glossary"] = _glossary


def on_page_markdown(markdown, page, config, files):
    wanted = not page.meta.get("generated")
    config.mdx_configs.setdefault("abbr", {})["glossary"] = _glossary if wanted else {}
    return markdown


_LINKED_TERM = re.compile(r'<a ((?:(?!title=)[^>])*)><abbr title="([^"]*)">([^<]*)</abbr></a>')


def on_page_content(html, page, config, files):
    if page.meta.get("generated"):
        return html
    return _LINKED_TERM.sub(r'<a \1 title="\2">\3</a>', html)
