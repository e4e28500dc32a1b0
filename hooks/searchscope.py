"""MkDocs hook: the search box says what it searches.

Above FULL_TEXT_SEARCH_LIMIT articles (lgnews/render.py) search indexes only each article's
title, first paragraph and editors' notes. A reader who finds nothing for a word further
down an article must be told so, not left to conclude that no article says it. This hook
reads which the generator did (lgnews/searchscope.py) and tells the search box's template
(overrides/partials/search.html) through ``config.extra.lg_search_full_text``."""

from __future__ import annotations

from lgnews.searchscope import full_text


def on_files(files, config):
    config.extra["lg_search_full_text"] = full_text(files)
    return files
