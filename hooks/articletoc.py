"""MkDocs hook: the headings of an article written in Markdown are in its table of contents.

The generator converts such an article's text itself (lgnews/mdbody.py) and writes it as the
raw HTML of the page's reading edition, where MkDocs does not look for headings: '# Timetable'
became an <h3> that the table of contents left out. This hook adds each heading of the
reading edition under "Reading edition", nested by level, before "Editors' notes". Pages that
have none (every ingested article, whose reading edition is paragraphs) are left as they are.

A generated page whose front matter hides its table of contents (`hide: [toc]`: a year of the
timeline) gets none at all: Material still wrote it out, hidden, and in the phone's menu,
where it listed the year's hundred entries (a third of the page's bytes). A page of the
editors' that hides it (the home page) keeps it in the phone's menu, as Material gives it."""

from __future__ import annotations

import html
import re

from mkdocs.structure.toc import AnchorLink

_EDITION_RE = re.compile(r'<div class="reading-edition"[^>]*>(.*?)\n</div>', re.S)
_HEADING_RE = re.compile(r'<h([3-6]) id="(p\d+)">(.*?)</h\1>', re.S)
_MARKER_RE = re.compile(r'<sup class="note-marker">.*?</sup>', re.S)
_TAG_RE = re.compile(r"<[^>]*>")


def headings(page_html: str) -> list[tuple[int, str, str]]:
    """(level, id, title as HTML) of each heading of the reading edition: the title keeps
    its escapes and loses its tags (a term's link, a note's marker), its spaces folded."""
    edition = _EDITION_RE.search(page_html)
    if edition is None or "<h" not in edition.group(1):
        return []
    found = []
    for level, ident, inner in _HEADING_RE.findall(edition.group(1)):
        title = " ".join(_TAG_RE.sub("", _MARKER_RE.sub("", inner)).split())
        if html.unescape(title).strip():
            found.append((int(level), ident, title))
    return found


def add_headings(toc, found: list[tuple[int, str, str]]) -> None:
    parent = next((item for item in toc if item.id == "reading-edition"), None)
    if parent is None or not found:
        return
    added: list[AnchorLink] = []
    open_: list[AnchorLink] = []
    for level, ident, title in found:
        entry = AnchorLink(title, ident, level)
        while open_ and open_[-1].level >= level:
            open_.pop()
        (open_[-1].children if open_ else added).append(entry)
        open_.append(entry)
    parent.children[:0] = added


def on_page_content(html, page, config, files):
    if page.meta.get("generated") and "toc" in (page.meta.get("hide") or ()):
        page.toc.items = []
    elif page.meta.get("generated") and page.meta.get("article"):
        add_headings(page.toc, headings(html))
    return html
