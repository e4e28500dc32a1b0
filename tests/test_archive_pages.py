"""The archive's year and month pages (lgnews/templates/articles.md.j2) as a reader finds
them: a month page says which year it is in and which way its neighbouring months lie.
Rendered from the seed archive with a few synthesized articles, so that a month has
months with articles before and after it."""

from __future__ import annotations

import posixpath
import re
import shutil

import pytest

from lgnews import bench, render
from lgnews.ingest import ingest_file
from lgnews.model import build_site, format_date, load_archive

from .conftest import ROOT


def _synthesized_site(tmp, n: int):
    """The site of the seed's archive and ``n`` synthesized articles, ingested in ``tmp``."""
    archive = tmp / "archive"
    shutil.copytree(ROOT / "archive", archive)
    for item in bench.synthesize(n):
        path = tmp / item.name
        path.write_bytes(item.data)
        ingest_file(path, archive, {})
    return build_site(load_archive(archive))


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    """(the months with articles, oldest first; {path: content} of the archive pages)."""
    site = _synthesized_site(tmp_path_factory.mktemp("archives"), 8)
    pages = {o.path: o.content for o in render.Renderer(site, "https://example.org/", "Test").render_article_archives()}
    return sorted({a.published.strftime("%Y/%m") for a in site.articles}), pages


def _line(page: str, label: str) -> str:
    return page.split(f"<strong>{label}</strong>")[1].split("</p>")[0]


def test_a_month_marks_its_year_among_the_years(archives):
    """The year page bolds its year in "By year:"; a month page left its year a link like
    any other, and a reader could not see which year the month was in."""
    months, pages = archives
    for month in months:
        years = _line(pages[f"articles/{month}/index.md"], "By year:")
        # (aria-current on the link, where a screen reader says it, not on the bold around it)
        marked = re.findall(r'<strong><a href="([^"]+)" aria-current="true">(\d{4})</a></strong>', years)
        # Still a link, to the year's page: this page is the month's, not the year's (the year
        # is current, as a screen reader says it, but not "the page").
        assert marked == [("../", month[:4])], (month, years)
        assert 'aria-current="page"' not in years, (month, years)
    assert '<strong aria-current="page">' in _line(pages[f"articles/{months[0][:4]}/index.md"], "By year:")


def test_a_month_names_its_neighbours_as_older_and_newer(archives):
    """"← February 2021" on the page of April 2022 read as the calendar's previous month:
    it is the previous month that has articles, so it says "Older" (and the next, "Newer"),
    as an article's own pager does."""
    months, pages = archives
    assert len(months) > 2
    labels = {m: format_date(m.replace("/", "-")) for m in months}
    for at, month in enumerate(months):
        # (Only the two, across years: the year's page is the bold link of "By year:".)
        line = _line(pages[f"articles/{month}/index.md"], "Other months:")
        links = re.findall(r'<a href="[^"]+">(.*?)</a>', line)
        # The arrows are drawn, not read: a screen reader said "left arrow" before "Older".
        expected = ([f'<span aria-hidden="true">←</span> Older: {labels[months[at - 1]]}'] if at else [])
        expected += [f'Newer: {labels[months[at + 1]]} <span aria-hidden="true">→</span>'] if at + 1 < len(months) else []
        assert links == expected, (month, line)
        # Under the year's months, just above the list: between the rows of years and months,
        # a phone showed three blocks of links before the first article (a reader's review).
        page = pages[f"articles/{month}/index.md"]
        assert page.index("By month:") < page.index("Other months:") < page.index('<ul class="article-list">')


def test_the_end_of_a_years_or_a_months_list_leads_on_to_the_next(archives):
    """The years and months were linked only above the list: a reader at the end of a year's
    articles, or of its timeline, scrolled back up to go on (a phone review)."""
    months, pages = archives
    years = sorted({m[:4] for m in months})
    assert len(years) > 1
    for at, year in enumerate(years):
        last = max((p for p in pages if re.fullmatch(rf"articles/{year}/(page-\d+/)?index\.md", p)),
                   key=lambda p: (len(p), p))
        bottom = pages[last].rsplit('<ul class="article-list">', 1)[1]
        assert re.findall(r'<nav class="pager lg-around" aria-label="Other years"><p>(.*?)</p></nav>', bottom) == [
            "&nbsp;· ".join(([f'<a href="{posixpath.relpath(f"articles/{years[at - 1]}/", posixpath.dirname(last))}/">'
                              f'<span aria-hidden="true">←</span> Older: {years[at - 1]}</a>'] if at else [])
                            + ([f'<a href="{posixpath.relpath(f"articles/{years[at + 1]}/", posixpath.dirname(last))}/">'
                                f'Newer: {years[at + 1]} <span aria-hidden="true">→</span></a>']
                               if at + 1 < len(years) else []))], last
    for month in months:
        bottom = pages[f"articles/{month}/index.md"].rsplit('<ul class="article-list">', 1)[1]
        assert '<nav class="pager lg-around" aria-label="Other months">' in bottom, month


def test_the_end_of_a_timeline_year_leads_on_to_the_next():
    site = build_site(load_archive(ROOT / "archive"))
    pages = {o.path: o.content for o in render.Renderer(site, "https://example.org/", "Test").render_timeline()}
    years = sorted(p.split("/")[1] for p in pages if re.fullmatch(r"timeline/\d{4}/index\.md", p))
    assert len(years) > 2
    middle = pages[f"timeline/{years[1]}/index.md"]
    bottom = middle.rsplit("## ", 1)[1]
    assert (f'<nav class="pager lg-around" aria-label="Other years"><p><a href="../{years[0]}/"><span aria-hidden="true">←</span> '
            f'Older: {years[0]}</a>&nbsp;· <a href="../{years[2]}/">Newer: {years[2]} <span aria-hidden="true">→</span>'
            "</a></p></nav>") in bottom


def test_an_articles_date_leads_to_the_page_of_its_month_that_lists_it(tmp_path, monkeypatch):
    """The date led to its month's first page: in a month of more articles than a page
    holds, the article could be on the next (a review of session 32)."""
    site = _synthesized_site(tmp_path, 30)
    monkeypatch.setattr(render, "ARTICLES_PER_PAGE", 1)  # a month of two articles has two pages
    renderer = render.Renderer(site, "https://example.org/", "Test")
    pages = {o.path: o.content for o in renderer.render_article_archives()}
    checked = 0
    for article in site.articles:
        page = render.Renderer(site, "https://example.org/", "Test").render_article(article).content
        date = re.search(r'<dt class="lg-date">Published:</dt> <dd class="lg-date"><a href="([^"]+)">', page)[1]
        target = posixpath.normpath(posixpath.join(posixpath.dirname(render.page_file(article.url)), date))
        listing = pages[target + "/index.md"]
        assert f'href="../../{article.id}/"' in listing or f'href="../../../{article.id}/"' in listing, \
            (article.id, target)
        checked += target.count("/page-")
    assert checked, "some article is on a month's second page or later"
