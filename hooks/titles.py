"""MkDocs hook: a title attribute stays text when Material makes it a tooltip.

Material's tooltips (content.tooltips) build the tooltip from an element's title with its
own little JSX, which appends a string as HTML: the title's value, once the browser has read
its entities, becomes markup. A glossary definition, an editor's link title or any text that
ends up in a title is escaped once, as an attribute must be (``&lt;img …&gt;``), so the
browser read it back as ``<img …>`` and the tooltip ran it on hover or on focus.

In every page, a title whose value (as the browser reads it) holds a ``<`` is written so
that it reads as ``&lt;``: the tooltip then shows the character, not an element. Other titles
are left byte for byte. (Without scripts, the browser's own tooltip would show ``&lt;`` for
such a title: a ``<`` in a title is rare, and shown as text either way.)"""

import html
import re

_TITLE = re.compile(r"""(\stitle=)(?:"([^"]*)"|'([^']*)')""")


def _inert(m: re.Match) -> str:
    value = m[2] if m[2] is not None else m[3]
    if "<" not in value and "&" not in value:
        return m[0]
    read = html.unescape(value)  # what the browser hands to the tooltip
    if "<" not in read:
        return m[0]
    return f'{m[1]}"{html.escape(read.replace("<", "&lt;"), quote=True)}"'


def inert_titles(page_html: str) -> str:
    """``page_html`` with every title attribute that would read as markup made to read as
    text (see the module's docstring)."""
    if " title=" not in page_html:
        return page_html
    return _TITLE.sub(_inert, page_html)


def on_post_page(output, page, config):
    return inert_titles(output)
