"""MkDocs hook: generated pages' raw HTML blocks skip Python-Markdown's HTML parser.

The generator writes its pages as raw HTML blocks between Markdown headings (lgnews/render.py).
Python-Markdown passes such blocks through unchanged, but only after its HTML parser (pure
Python) has read every tag of them, the largest part of converting a generated page. This hook
takes those blocks out of the Markdown before conversion, leaving an HTML comment in their
place, and puts them back into the converted HTML: the output is the same, byte for byte
(tests/test_build_hooks.py builds the site with and without this hook and compares), only faster.
Without the hook (another renderer reading mkdocs.yml), the pages convert as usual.

Only pages the generator wrote (front matter `generated: true`) are touched, and only blocks
it writes: a paragraph-separated block that opens with one of its block tags at the start of
a line and closes the same tag at its end, without a `markdown` attribute."""

from __future__ import annotations

import re

_BLOCK_RE = re.compile(r"\A<(div|p|ul|ol|table|nav|details|dl)[\s>][^\n]*")
_MARK = "<!--lgnews-raw:{}-->"
_MARK_RE = re.compile(r"<!--lgnews-raw:(\d+)-->")
_ID_RE = re.compile(r'\s(?:id|name)="([^"]+)"')

_stash: dict[str, list[str]] = {}


def split_blocks(markdown: str) -> tuple[str, list[str]]:
    """The Markdown with every raw HTML block of the generator replaced by a marker, and the
    blocks in marker order."""
    blocks: list[str] = []
    parts = markdown.split("\n\n")
    for i, part in enumerate(parts):
        m = _BLOCK_RE.match(part)
        if m and " markdown" not in m.group(0) and part.rstrip().endswith(f"</{m.group(1)}>"):
            parts[i] = _MARK.format(len(blocks))
            blocks.append(part.rstrip("\n"))
    return "\n\n".join(parts), blocks


def restore_blocks(html: str, blocks: list[str]) -> str:
    return _MARK_RE.sub(lambda m: blocks[int(m.group(1))], html)


def on_page_markdown(markdown, page, config, files):
    if not page.meta.get("generated"):
        return markdown
    markdown, blocks = split_blocks(markdown)
    if blocks:
        _stash[page.file.src_uri] = blocks
    return markdown


def on_page_content(html, page, config, files):
    blocks = _stash.pop(page.file.src_uri, None)
    if not blocks:
        return html
    # MkDocs learns a page's anchors while converting it; the ids inside the blocks it did
    # not see (a paragraph's #p3, an editors' note) are added, so that an editor's link to
    # one is checked like any other (validation: anchors).
    if page.present_anchor_ids is not None:
        page.present_anchor_ids.update(m for block in blocks for m in _ID_RE.findall(block))
    return restore_blocks(html, blocks)
