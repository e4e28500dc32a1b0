"""A title attribute that stays text when Material makes it a tooltip.

Material's tooltips (content.tooltips) build the tooltip from an element's title with its
own little JSX, which appends a string as HTML: the title's value, once the browser has read
its entities, becomes markup. A glossary definition, an editor's link title or any text that
ends up in a title is escaped once, as an attribute must be (``&lt;img …&gt;``), so the
browser read it back as ``<img …>`` and the tooltip ran it on hover or on focus.

A title whose value (as the browser reads it) holds a ``<`` is written so that it reads as
``&lt;``: the tooltip then shows the character, not an element. Other titles are left byte
for byte. (Without scripts, the browser's own tooltip would show ``&lt;`` for such a title:
a ``<`` in a title is rare, and shown as text either way.)

The generator writes its own titles so (``title_value``, ``inert_titles`` on the HTML of an
article written in Markdown), and hooks/titles.py mends every page MkDocs builds: the
generated pages stay safe under a theme or builder that runs no hook (Zensical runs none),
and the pages editors write, and the theme's own titles, are mended where the hook runs."""

from __future__ import annotations

import html
import re

_TITLE = re.compile(r"""title=(?:"([^"]*)"|'([^']*)')""")  # (from its letters: fast to find in a page)
_LESS_THAN = re.compile(r"<|&(?:lt|LT)|&#0*60(?![0-9])|&#[xX]0*3[cC](?![0-9a-fA-F])")
"""The ways an attribute can write '<' (most titles hold none: they are left at once)."""


def title_value(text: str) -> str:
    """``text`` as the value of a title attribute (between double quotes) that a tooltip
    shows as text."""
    return html.escape(text.replace("<", "&lt;"), quote=True)


def _inert(m: re.Match) -> str:
    value = m[1] if m[1] is not None else m[2]
    if not _LESS_THAN.search(value) or not m.string[m.start() - 1].isspace():  # (not data-title=)
        return m[0]
    read = html.unescape(value)  # what the browser hands to the tooltip
    if "<" not in read:
        return m[0]
    return f'title="{title_value(read)}"'


def inert_titles(page_html: str) -> str:
    """``page_html`` with every title attribute that would read as markup made to read as
    text (see the module's docstring)."""
    if " title=" not in page_html:
        return page_html
    return _TITLE.sub(_inert, page_html)
