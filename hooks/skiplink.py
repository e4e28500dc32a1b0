"""MkDocs hook: "Skip to content" on every page, leading to the page's title.

Material points its skip link at the first entry of the table of contents. A generated page
has no Markdown title (the theme writes its <h1>, see overrides/partials/content.html), so
the link went past the title and what comes before the first section: on an article, its
dates, source and credits. Where the theme (or, on an article, the generator) wrote that
title (id "lg-title"), the skip link leads to it.

A page without a table of contents (a tag's list, an event's page, the 404 page) had no skip
link at all: a keyboard went through a dozen stops of the header and the navigation first
(WCAG 2.4.1). It gets one, to its title or to the start of its content (main.html's
"__skip")."""

import re

_SKIP = re.compile(r'<a href="[^"]*" class="md-skip">')
_NO_SKIP = re.compile(r'<div data-md-component="skip">\s*</div>')


def with_skip_link(output: str) -> str:
    target = "#lg-title" if 'id="lg-title"' in output else "#__skip"
    if _SKIP.search(output):
        return _SKIP.sub(f'<a href="{target}" class="md-skip">', output, count=1) if target == "#lg-title" else output
    return _NO_SKIP.sub(f'<div data-md-component="skip"><a href="{target}" class="md-skip">Skip to content</a></div>',
                        output, count=1)


def on_post_page(output, page, config):
    return with_skip_link(output)


def on_post_template(output_content, template_name, config):
    return with_skip_link(output_content) if template_name == "404.html" else output_content
