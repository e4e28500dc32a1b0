"""MkDocs hook: a flat sidebar for the generated sections.

The archive's sections (Articles, Glossary, People, Organizations, Tags, Timeline) keep all
their pages out of the navigation (`not_in_nav` in mkdocs.yml), so in the navigation each is
a section holding nothing but its index page. Material renders such a section as a
collapsible group with its own toggle, title and empty list on every page of the site: about
3 KB per page, 30 MB at 10,000 articles. A section whose only child is one page is replaced by
that page, which Material renders as a plain link. Sections with real children (an editor's
folder of pages) are left as they are. The flattened sections, the archive itself, come
right after the home page, before the pages editors wrote about the site."""

from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page


def _flatten(item):
    if isinstance(item, Section):
        if len(item.children) == 1 and isinstance(item.children[0], Page):
            page = item.children[0]
            page.parent = item.parent
            return page
        item.children = [_flatten(child) for child in item.children]
    return item


def on_nav(nav, config, files):
    flattened = [(item, _flatten(item)) for item in nav.items]
    archive = [new for old, new in flattened if new is not old]
    rest = [new for old, new in flattened if new is old]
    nav.items = rest[:1] + archive + rest[1:] if rest else archive
    return nav
