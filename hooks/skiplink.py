"""MkDocs hook: "Skip to content" leads to the page's title.

Material points its skip link at the first entry of the table of contents. A generated page
has no Markdown title (the theme writes its <h1>, see overrides/partials/content.html), so
the link went past the title and what comes before the first section: on an article, its
dates, source and credits. Where the theme (or, on an article, the generator) wrote that
title (id "lg-title"), the skip link leads to it."""

import re

_SKIP = re.compile(r'<a href="[^"]*" class="md-skip">')


def on_post_page(output, page, config):
    if 'id="lg-title"' not in output:
        return output
    return _SKIP.sub('<a href="#lg-title" class="md-skip">', output, count=1)
