"""MkDocs hook: the search box says what it searches.

Up to FULL_TEXT_SEARCH_LIMIT articles (lgnews/render.py) Pagefind indexes each article's
whole reading edition; above it, to keep a first query small, only its title, first
paragraph and editors' notes: the generator marks such a reading edition
``data-search="lede"``. A reader who finds nothing for a word further down an article must
be told so, not left to conclude that no article says it. This hook reads which the
generator did (on one article page: all are alike) and tells the search box's template
(overrides/partials/search.html) through ``config.extra.lg_search_full_text``."""

from __future__ import annotations

from lgnews.ids import ARTICLE_ID_RE

LEDE_MARK = 'data-search="lede"'


def _article_page(src_uri: str) -> bool:
    """Whether ``src_uri`` is an article's page: articles/<id>/index.md."""
    parts = src_uri.split("/")
    return len(parts) == 3 and parts[0] == "articles" and parts[2] == "index.md" and bool(ARTICLE_ID_RE.match(parts[1]))


def full_text(files) -> bool:
    """Whether search indexes the articles' whole text (true without articles)."""
    for file in files:
        if _article_page(file.src_uri) and file.abs_src_path:
            with open(file.abs_src_path, encoding="utf-8", errors="replace") as fh:
                return LEDE_MARK not in fh.read()
    return True


def on_files(files, config):
    config.extra["lg_search_full_text"] = full_text(files)
    return files
