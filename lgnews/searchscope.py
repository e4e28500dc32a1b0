"""What the search indexes of each article, as the generated pages say it.

Up to FULL_TEXT_SEARCH_LIMIT articles (render.py) Pagefind indexes each article's whole
reading edition; above it, only its title, first paragraph and editors' notes: the generator
marks such a reading edition ``data-search="lede"``. Read by hooks/searchscope.py (the
search box tells the reader) and by the preview (preview.py: a change of scope changes
every page's search box, so every page is built again)."""

from __future__ import annotations

from .ids import ARTICLE_ID_RE

LEDE_MARK = 'data-search="lede"'


def _article_page(src_uri: str) -> bool:
    """Whether ``src_uri`` is an article's page: articles/<id>/index.md."""
    parts = src_uri.split("/")
    return len(parts) == 3 and parts[0] == "articles" and parts[2] == "index.md" and bool(ARTICLE_ID_RE.match(parts[1]))


def full_text(files) -> bool:
    """Whether search indexes the articles' whole text (true without articles): read on one
    article page, as all are alike."""
    for file in files:
        if _article_page(file.src_uri) and file.abs_src_path:
            with open(file.abs_src_path, encoding="utf-8", errors="replace") as fh:
                return LEDE_MARK not in fh.read()
    return True
