"""MkDocs hook: a title attribute stays text when Material makes it a tooltip (see
lgnews/titles.py, which the generator also applies to the titles it writes). Here, every
page MkDocs builds: the pages editors write, and the titles the theme writes."""

from lgnews.titles import inert_titles


def on_post_page(output, page, config):
    return inert_titles(output)
