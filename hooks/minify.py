"""MkDocs hook: drop the indentation Material's templates leave in every page.

The theme's HTML is indented by its Jinja templates: on an article page a sixth of the
bytes are spaces at the start of lines. Each run of whitespace that contains a line break
becomes a single line break, which a browser renders exactly as before (HTML collapses
whitespace), except inside elements where whitespace is content: <pre>, <textarea>, and
<script>/<style> are left as they are."""

import re

_KEEP = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
_INDENT = re.compile(r"\n\s+")


def minify(html: str) -> str:
    parts = _KEEP.split(html)
    # re.split with two groups yields: text, whole kept element, its tag name, text, ...
    out = []
    for i in range(0, len(parts), 3):
        out.append(_INDENT.sub("\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)


def on_post_page(output, page, config):
    return minify(output)
