"""MkDocs hook: a flat sidebar for the generated sections.

The archive's sections (Articles, Glossary, People, Organizations, Tags, Timeline) keep all
their pages out of the navigation (`not_in_nav` in mkdocs.yml), so in the navigation each is
a section holding nothing but its index page. Material renders such a section as a
collapsible group with its own toggle, title and empty list on every page of the site: about
3 KB per page, 30 MB at 10,000 articles. A section whose only child is one page is replaced by
that page, which Material renders as a plain link. Other sections (an editor's folder of
pages, even of one page) are left as they are. The archive's sections come right after the
home page, before the pages editors wrote about the site."""

import re

from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from lgnews.write import ARCHIVE_SECTIONS


def _archive_index(item) -> Page | None:
    """The index page of one of the archive's sections, if ``item`` is such a section."""
    if isinstance(item, Section) and len(item.children) == 1 and isinstance(item.children[0], Page):
        page = item.children[0]
        folder, _, name = page.file.src_uri.partition("/")
        if folder in ARCHIVE_SECTIONS and name == "index.md":
            return page
    return None


def on_nav(nav, config, files):
    archive, rest = [], []
    for item in nav.items:
        page = _archive_index(item)
        if page is not None:
            page.parent = item.parent
            archive.append(page)
        else:
            rest.append(item)
    nav.items = rest[:1] + archive + rest[1:] if rest else archive
    return nav


_ACTIVE = re.compile(r'(<a href="[^"]*" class="md-nav__link md-nav__link--active")>')


def on_post_page(output, page, config):
    """On a page of one of the archive's sections (a term, an article, a year of the
    timeline), which the navigation does not list, the section's link (Glossary, Articles,
    Timeline) shows where the reader is: marked as Material marks the current page's link.
    Material's mark of the current page's own link was its colour alone, which a screen
    reader does not say (WCAG 1.3.1): it is also aria-current (and bold, extra.css)."""
    section = page.url.split("/", 1)[0]
    if section not in ARCHIVE_SECTIONS or page.url == f"{section}/":
        return _ACTIVE.sub(r'\1 aria-current="page">', output, count=1)
    href = get_relative_url(f"{section}/", page.url)
    href = href if href.endswith("/") else href + "/"
    return output.replace(f'<a href="{href}" class="md-nav__link">',
                          f'<a href="{href}" class="md-nav__link lg-nav__link--here" aria-current="true">', 1)
