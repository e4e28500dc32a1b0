"""Every list that grows with the archive is split into pages of a fixed length, and the pages
of a list, read in order, give each entry exactly once, with links from each page to the next
and the previous. Rendered from a synthesized archive with small page lengths, so that the
seed project's own lists (one article) are not the only case."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
from collections import defaultdict
from itertools import pairwise

import pytest

from lgnews import bench, render
from lgnews.ingest import ingest_file
from lgnews.model import build_site, load_archive

from .conftest import ROOT

N = 40
SIZE = 7
HREF_RE = re.compile(r'<a href="([^"#]*)(?:#[^"]*)?">')
PAGE_RE = re.compile(r"^(.*/)page-(\d+)/index\.md$")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("paginated")
    archive = tmp / "archive"
    shutil.copytree(ROOT / "archive", archive)
    hashes: dict[str, str] = {}
    for item in bench.synthesize(N):
        path = tmp / item.name
        path.write_bytes(item.data)
        ingest_file(path, archive, hashes)
    for meta in (archive / "articles").glob("*/meta.yml"):
        text = meta.read_text(encoding="utf-8")
        meta.write_text(text.replace("\ntags: []\n", "\ntags:\n- meetings\n"), encoding="utf-8")
    site = build_site(load_archive(archive))
    with pytest.MonkeyPatch.context() as patch:
        for name in ("ARTICLES_PER_PAGE", "OCCURRENCES_PER_PAGE", "APPEARANCES_PER_PAGE",
                     "INDEX_PER_PAGE", "TIMELINE_PER_PAGE", "FEED_SIZE"):
            patch.setattr(render, name, SIZE)
        rendered = render.Renderer(site, "https://example.org/", "Test").render_all()
    return _Outputs((site, {o.path: o.content for o in rendered}))


class _Outputs(tuple):
    """(site, {path: content}), shown briefly in a failure's traceback: the site's own repr
    runs through every article, term and person, and pytest prints a test's arguments."""

    def __repr__(self) -> str:
        return f"<site and {len(self[1])} rendered outputs>"


def _target(page: str, link: str) -> str:
    """The Markdown file a built link of ``page`` points to."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), link, "index.md"))


def _series(outputs: dict[str, str]) -> dict[str, int]:
    count: dict[str, int] = defaultdict(lambda: 1)
    for path in outputs:
        if m := PAGE_RE.match(path):
            count[m.group(1)] = max(count[m.group(1)], int(m.group(2)))
    return dict(count)


def _article_links(page: str, content: str) -> list[str]:
    return [t for t in (_target(page, h) for h in HREF_RE.findall(content)) if re.match(r"articles/\d{4}-\d\d-\d\d-", t)]


def test_every_growing_list_is_split_and_its_pages_link_in_order(outputs):
    _, pages = outputs
    series = _series(pages)
    kinds = {base.split("/")[0] for base in series}
    assert {"articles", "tags", "glossary", "people", "timeline"} <= kinds, kinds
    for base, count in series.items():
        paths = [base + "index.md"] + [f"{base}page-{n}/index.md" for n in range(2, count + 1)]
        for n, path in enumerate(paths, start=1):
            assert path in pages, f"{path} missing from a list of {count} pages"
            targets = {_target(path, h) for h in HREF_RE.findall(pages[path])}
            assert f"Page {n} of {count}" in pages[path]
            if n < count:
                assert paths[n] in targets, f"{path} does not link to the next page"
            if n > 1:
                assert paths[n - 2] in targets, f"{path} does not link to the previous page"
            # Each of the pager's words where it leads somewhere, to the page it names, and
            # nowhere else: no "Next page" off the last page, no "Last page" to the page after
            # this one. (The numbered links hold the first and last pages as well: the words'
            # own links are what is checked.)
            pager = pages[path].split('<nav class="pager"', 1)[1].split("</nav>", 1)[0]
            for words, shown, leads in (("Next page", n < count, paths[min(n, count - 1)]),
                                        ("Previous page", n > 1, paths[max(n - 2, 0)]),
                                        ("First page", n > 2, paths[0]), ("Last page", n < count - 1, paths[-1])):
                assert (words in pager) == shown, f"{path}: '{words}' {'missing' if shown else 'shown'}"
                if shown:
                    found = re.findall(rf'<a href="([^"]*)"[^>]*>(?:(?!</a>).)*?{words}', pager)
                    assert [_target(path, h) for h in found] == [leads], f"{path}: '{words}' leads to {found}"
            # Its arrows are drawn, not read ("left arrow Previous page").
            assert not re.search(r"(?<!aria-hidden=\"true\">)[«←→»]", pager), pager
            assert not {_target(path, h) for h in HREF_RE.findall(pager)} - set(paths), \
                f"{path}: its pager links to a page of the list that does not exist"


def test_tag_pages_list_every_tagged_article_once_newest_first(outputs):
    site, pages = outputs
    base = "tags/meetings/"
    count = _series(pages)[base]
    listed = []
    for n in range(1, count + 1):
        path = base + ("index.md" if n == 1 else f"page-{n}/index.md")
        links = _article_links(path, pages[path])
        assert 0 < len(links) <= SIZE
        listed += links
    tagged = [a for a in site.articles if any(t.slug == "meetings" for t in a.tags)]
    assert len(tagged) > 2 * SIZE
    assert listed == [a.url + "index.md" for a in tagged], "each tagged article once, newest first"


def test_a_persons_pages_list_their_articles_newest_first(outputs):
    site, pages = outputs
    person = max(site.people, key=lambda p: len(p.appearances))  # a reporter: one appearance an article
    # (Strings only in the asserts: an article's repr runs through the whole site.)
    expected = [url + "index.md" for _, _, url in sorted({(a.article.published, a.article.id, a.article.url)
                                                          for a in person.appearances}, reverse=True)]
    assert len(expected) >= 3
    base = person.url
    listed = []
    for n in range(1, _series(pages).get(base, 1) + 1):
        path = base + ("index.md" if n == 1 else f"page-{n}/index.md")
        content = pages[path].split('class="appearances-note"', 1)[1]
        listed += list(dict.fromkeys(_article_links(path, content)))  # (a role may link its article again)
    assert list(dict.fromkeys(listed)) == expected


def test_glossary_occurrences_are_split_across_pages(outputs):
    site, pages = outputs
    slug, found = max(site.occurrences.items(), key=lambda kv: len(kv[1]))
    assert len(found) > SIZE
    base = f"glossary/{slug}/"
    count = _series(pages)[base]
    assert count == -(-len(found) // SIZE)
    listed = []
    for n in range(1, count + 1):
        path = base + ("index.md" if n == 1 else f"page-{n}/index.md")
        listed += _article_links(path, pages[path].split("## Occurrences", 1)[1])
    assert listed == [o.article.url + "index.md" for o in found]


ANCHOR_HREF_RE = re.compile(r'<a href="([^"#]*)#([^"]+)">')
DEFINED_RE = re.compile(r'\{ #([\w-]+)(?: \.[\w-]+)* \}|\bid="([^"]+)"')  # '{ #anchor .class }' too


def test_links_to_a_timeline_entry_reach_the_page_that_holds_it(outputs):
    """A year's timeline is split into pages: the article pages, the home page, the event
    pages and the data export must point to the page an entry is on, not to the year's first."""
    site, pages = outputs
    defined = {path: {a or b for a, b in DEFINED_RE.findall(content)} for path, content in pages.items()}
    checked, missed = 0, []
    for path, content in pages.items():
        origin = "index.md" if path.startswith("_generated/") else path  # fragments are included in the home page
        for link, anchor in ANCHOR_HREF_RE.findall(content):
            target = _target(origin, link)
            if target.startswith("timeline/"):
                checked += 1
                if anchor not in defined[target]:
                    missed.append(f"{path} links {link}#{anchor}: not on {target}")
    assert not missed, f"{len(missed)} link(s) miss their entry, e.g. {missed[:3]}"
    assert checked > 2 * len(site.articles)  # every article links its publication and event dates
    assert any(re.search(r"^timeline/\d{4}/page-\d+/", _target("articles/x/index.md", link))
               for link, _ in ANCHOR_HREF_RE.findall("".join(pages[a.url + "index.md"] for a in site.articles)))
    import json

    exported = [entry["url"].split("#") for entry in json.loads(pages["data/timeline.json"])]
    assert [f"{page}#{anchor}" for page, anchor in exported if anchor not in defined[page + "index.md"]] == []


def test_every_article_that_mentions_a_curated_event_is_listed_on_its_pages(outputs):
    site, pages = outputs
    event_id, mentioned = max(site.event_articles.items(), key=lambda kv: len(kv[1]))
    assert len(mentioned) > 10  # more than the timeline shows beside the event
    base = f"timeline/events/{event_id}/"
    count = _series(pages)[base]
    listed = []
    for n in range(1, count + 1):
        path = base + ("index.md" if n == 1 else f"page-{n}/index.md")
        listed += _article_links(path, pages[path])
    newest_first = sorted(mentioned, key=lambda a: (a.published, a.id), reverse=True)
    assert listed == [a.url + "index.md" for a in newest_first]
    more = f'(<a href="events/{event_id}/">all {len(mentioned):,}</a>).</p>'
    assert more in pages["timeline/index.md"], "the timeline does not lead to the whole list"


def test_the_timeline_and_its_year_page_list_the_same_ten_newest_mentions_of_an_event(outputs):
    """The timeline's index listed an event's 10 newest articles, its year page 20 others,
    the oldest first, and both said "N more" of a page that lists them all."""
    site, pages = outputs
    event_id, mentioned = max(site.event_articles.items(), key=lambda kv: len(kv[1]))
    ten = [a.url for a in sorted(mentioned, key=lambda a: (a.published, a.id), reverse=True)[:10]]
    shown = {}
    for path, page in pages.items():
        if not path.startswith("timeline/") or path.startswith("timeline/events/"):
            continue
        m = re.search(rf'<p class="lg-mentioned">Mentioned in <a href="(?:\.\./)*events/{re.escape(event_id)}/">([\d,]+) articles</a>'
                      r", the newest: (.*?)</p>", page)
        if m:
            assert m[1] == f"{len(mentioned):,}", path
            shown[path] = [_target(path, href) for href in re.findall(r'<a href="([^"]+)">', m[2])]
    assert "timeline/index.md" in shown and len(shown) == 2, sorted(shown)  # the index and one year's page
    for path, links in shown.items():
        assert links[:10] == [url + "index.md" for url in ten], path
        assert links[10] == f"timeline/events/{event_id}/index.md", path


def test_a_long_list_has_its_pager_above_it_too(outputs):
    _, pages = outputs
    page = pages["articles/page-2/index.md"]
    assert page.count('<nav class="pager"') == 2
    assert page.index('<nav class="pager"') < page.index('<ul class="article-list">') < page.rindex('<nav class="pager"')


def test_every_page_of_a_long_list_says_which_page_it_is_above_the_list(outputs):
    """A reader who opens page 7 of a tag, a person or a glossary entry learns it before
    the list (not after 100 items), and its title says it too (the browser's tab, search
    engines, the history)."""
    _, pages = outputs
    series = _series(pages)
    assert {base.split("/")[0] for base in series} >= {"articles", "tags", "glossary", "people", "timeline"}
    for base, count in series.items():
        for n in range(1, count + 1):
            path = base + ("index.md" if n == 1 else f"page-{n}/index.md")
            page = pages[path]
            assert page.count('<nav class="pager"') == 2, path
            between = page[page.index('<nav class="pager"'):page.rindex('<nav class="pager"')]
            assert f"Page {n} of {count}" in between and any(item in between for item in ("<li", "<tr", "\n## ")), path
            title = re.search(r'"title":"([^"]*)"', page)[1]
            assert title.endswith(f", page {n}") == (n > 1), (path, title)
            heading = re.search(r"^# (.*)$", page, re.M)  # where the page writes its own
            assert heading is None or heading[1].endswith(f", page {n}") == (n > 1), (path, heading[0])


def test_article_lists_and_feeds_are_newest_first(outputs):
    """The archive's pages, read in order, and the feeds give the newest articles first: by
    their dates, not by the order the model happens to keep."""
    import json

    site, pages = outputs
    by_page = {a.url + "index.md": a for a in site.articles}
    count = _series(pages)["articles/"]
    listed = []
    for n in range(1, count + 1):
        path = "articles/" + ("index.md" if n == 1 else f"page-{n}/index.md")
        listed += [by_page[t] for t in _article_links(path, pages[path]) if t in by_page]
    assert len(listed) == len(site.articles)
    assert [a.published for a in listed] == sorted((a.published for a in site.articles), reverse=True)
    newest = sorted((a.published for a in site.articles), reverse=True)[:SIZE]
    feed = json.loads(pages["feed.json"])["items"]
    assert [item["date_published"][:10] for item in feed] == [d.isoformat() for d in newest]
    # The RSS feed too: a reader that keeps a feed's order showed the oldest of them on top,
    # and the channel's lastBuildDate is the newest article's date, its first item's.
    from email.utils import parsedate_to_datetime
    from xml.etree import ElementTree

    channel = ElementTree.fromstring(pages["feed.xml"]).find("channel")
    dates = [parsedate_to_datetime(item.findtext("pubDate")).date() for item in channel.iter("item")]
    assert dates == newest
    assert channel.findtext("lastBuildDate") == channel.find("item").findtext("pubDate")


def test_a_month_links_the_months_before_and_after_it_and_its_year(outputs):
    site, pages = outputs
    months = sorted({a.published.strftime("%Y/%m") for a in site.articles})
    assert len(months) > 3
    for at, month in enumerate(months):
        path = f"articles/{month}/index.md"
        targets = {_target(path, h) for h in HREF_RE.findall(pages[path].split("<strong>Other months:</strong>")[1]
                                                              .split("</p>")[0])}
        expected = {f"articles/{months[at - 1]}/index.md"} if at else set()
        expected |= {f"articles/{months[at + 1]}/index.md"} if at + 1 < len(months) else set()
        assert targets == expected, month


def test_the_search_box_learns_which_months_have_a_page(outputs):
    """search.js offers a month's page when a month is searched, if it has one."""
    site, pages = outputs
    months = json.loads(pages["articles/months.json"])
    assert months == sorted({a.published.strftime("%Y/%m") for a in site.articles})
    assert all(f"articles/{m}/index.md" in pages for m in months)


def test_a_month_lists_the_other_months_of_its_year(outputs):
    """June to November was a trip through the year's page (a reader's review)."""
    site, pages = outputs
    months = sorted({a.published.strftime("%Y/%m") for a in site.articles})
    for month in months:
        path = f"articles/{month}/index.md"
        row = pages[path].split("<strong>By month:</strong>")[1].split("</p>")[0]
        same_year = [m for m in months if m[:4] == month[:4]]
        assert [_target(path, h) for h in HREF_RE.findall(row)] == [f"articles/{m}/index.md" for m in same_year
                                                                   if m != month], month
        assert row.count('aria-current="page"') == 1, month
        # A line breaks after a separator, never before it ("·" began lines on a phone).
        assert " · " not in row and row.count("&nbsp;· ") == len(same_year) - 1, row


def test_a_pager_jumps_to_any_part_of_a_long_list():
    """First, previous, next and last step one page at a time: a pager also offers the
    pages around this one and, in a long list, every 10th (or 20th, 50th...), so that page
    50 of 101 is two clicks from the first."""
    window = lambda number, count: render.Pager(number, count, "tags/hunan/").window()  # noqa: E731
    assert window(2, 9) == list(range(1, 10)), "a short list: every page"
    assert window(50, 101) == [1, None, 10, None, 20, None, 30, None, 40, None, 48, 49, 50, 51, 52, None,
                               60, None, 70, None, 80, None, 90, None, 100, 101]
    assert window(1, 390)[:6] == [1, 2, 3, None, 50, None] and window(1, 390)[-1] == 390
    # A "…" for one page alone hid page 11 of 12 (a reader's review): its number is shown.
    assert window(1, 12) == [1, 2, 3, None, 10, 11, 12]
    assert window(6, 12) == [1, None, 4, 5, 6, 7, 8, 9, 10, 11, 12]
    for count in (10, 101, 390, 2000, 12345):
        for number in (1, 2, count // 2, count - 1, count):
            pages = window(number, count)
            shown = [k for k in pages if k is not None]
            assert shown == sorted(set(shown)) and {1, count, number} <= set(shown)
            assert len(shown) <= 20, (number, count, pages)
            assert not any(a is None and b is None for a, b in pairwise(pages))
            gaps = [k for a, k in pairwise(shown) if k - a > 1]
            assert len(gaps) == pages.count(None), "a gap is marked where pages are left out, and only there"
            assert all(k - a > 2 for a, k in pairwise(shown) if k - a > 1), "a '…' for a single page"


JUMPS_RE = re.compile(r'<p class="pager-jumps">By (year|letter): (.*?)</p>')


def _jumps(path: str, page: str) -> tuple[str, list[tuple[str, str, bool]]] | None:
    """What a page's "By year" (or "By letter") row offers: (by, [(year or letter, the page
    it leads to and the anchor there, as 'tags/x/page-2/index.md#year-2016', bold: this page
    holds it, which a screen reader hears as "current")])."""
    m = JUMPS_RE.search(page)
    if not m:
        return None
    offered = []
    for part in m[2].split("&nbsp;· "):  # (a line breaks after the dot, not before it)
        link = re.search(r'href="([^"#]*)#([^"]*)"', part)
        assert link, f"{path}: every year or letter is a link to where it begins: {part}"
        offered.append((re.sub(r"<[^>]+>", "", part), f"{_target(path, link[1]) if link[1] else path}#{link[2]}",
                        part.startswith("<strong><a ") and 'aria-current="true">' in part))
    return m[1], offered


def test_a_long_list_leads_to_the_page_where_each_year_or_letter_begins(outputs):
    """A reader after 2020 in a term's 38 pages of occurrences, or after the Ws among the
    people (whose pager showed five of its thirteen pages), had to guess and step (a reader's
    review at 10,000 articles). Above the list, a row leads to the page where each year (or
    letter) begins, and marks those the page holds; not under it too."""
    site, pages = outputs
    lists = {f"tags/{tag.slug}/": ("year", [str(a.published.year) for a in site.tag_articles.get(tag.slug, [])])
             for tag in site.tags}
    lists |= {f"glossary/{term.slug}/": ("year", [str(o.article.published.year) for o in site.occurrences.get(term.slug, [])])
              for term in site.terms}
    lists["people/"] = ("letter", [p.name[:1].upper() for p in site.people])
    checked = set()
    for base, (by, keys) in lists.items():
        count = -(-len(keys) // SIZE)
        offered = list(dict.fromkeys(k for k in keys if k.isdigit() or "A" <= k <= "Z"))
        for n in range(1, count + 1):
            path = base + ("index.md" if n == 1 else f"page-{n}/index.md")
            found = _jumps(path, pages[path])
            if count == 1 or len(offered) < 2:
                assert found is None, path
                continue
            assert found[0] == by and [key for key, _, _ in found[1]] == offered, (path, found)
            here = set(keys[(n - 1) * SIZE : n * SIZE])
            for key, target, bold in found[1]:
                first = keys.index(key) // SIZE + 1
                anchor = f"{by}-{key.lower()}"
                assert target == base + ("index.md" if first == 1 else f"page-{first}/index.md") + "#" + anchor, \
                    (path, key, target)
                assert bold == (key in here), (path, key, bold)
                # The jump lands on the entry where the key begins (the nth of its page), not
                # at the top of a page of 200.
                landing = pages[target.split("#")[0]]
                entries = re.findall(r"\n<(?:li|tr)(?: id=\"([^\"]+)\")?>", landing.split('class="pager-jumps"')[1])
                assert entries.index(anchor) == keys.index(key) % SIZE, (path, key)
                assert landing.count(f' id="{anchor}"') == 1, (target, anchor)
            page = pages[path]
            assert page.count('class="pager-jumps"') == 1, path
            assert page.index('class="pager-jumps"') < page.rindex('<nav class="pager"'), path
            checked.add((base.split("/")[0], by))
    assert checked == {("tags", "year"), ("glossary", "year"), ("people", "letter")}, checked


def test_an_organizations_an_events_and_a_persons_pages_offer_their_years(outputs, monkeypatch):
    """The other lists newest first offer their years too."""
    site, pages = outputs
    series = _series(pages)
    for folder in ("organizations", "timeline/events"):
        bases = [b for b in series if b.startswith(folder + "/") and b.count("/") == folder.count("/") + 2]
        assert bases, folder
        assert all(_jumps(b + "index.md", pages[b + "index.md"])[0] == "year" for b in bases), folder
    # (No one appears in more than seven of the 40 articles: a person's pages of one appearance.)
    person = next(p for p in site.people if len({a.article.published.year for a in p.appearances}) > 1)
    monkeypatch.setattr(render, "APPEARANCES_PER_PAGE", 1)
    first = render.Renderer(site, "https://example.org/", "Test").render_person(person)[0]
    years = [str(a.article.published.year) for a in render.newest_first(person.appearances)]
    assert [key for key, _, _ in _jumps(first.path, first.content)[1]] == list(dict.fromkeys(years))


def test_a_long_lists_pager_links_the_pages_it_offers(outputs):
    _, pages = outputs
    for base, count in _series(pages).items():
        if count <= 2:
            continue
        for n in range(1, count + 1):
            path = base + ("index.md" if n == 1 else f"page-{n}/index.md")
            page = pages[path]
            offered = re.findall(r'<p class="pager-pages">(.*?)</p>', page)
            assert len(offered) == 2, path
            targets = {_target(path, h) for h in HREF_RE.findall(offered[0])}
            expected = {base + ("index.md" if k == 1 else f"page-{k}/index.md")
                        for k in render.Pager(n, count, base).window() if k not in (None, n)}
            assert targets == expected, path
            current = n if base != "people/" else "[^<]+"  # the people index names its pages (below)
            assert re.search(f'<strong aria-current="page">{current}</strong>', offered[0]), path


def test_every_page_of_a_long_list_says_which_entries_it_holds(outputs):
    """'Page 6 of 11' told a reader nothing of how long the list is, nor where in it they
    were: each pager gives the entries its page holds and their number in all."""
    _, pages = outputs
    for base, count in _series(pages).items():
        totals = set()
        for n in range(1, count + 1):
            path = base + ("index.md" if n == 1 else f"page-{n}/index.md")
            span = re.search(rf"Page {n} of {count} \((\d[\d,]*)(?:–(\d[\d,]*))? of (\d[\d,]*)\)", pages[path])
            assert span, path
            first, last, total = (int((g or span[1]).replace(",", "")) for g in span.groups())
            assert first == (n - 1) * SIZE + 1 and last == min(n * SIZE, total), (path, span[0])
            totals.add(total)
        assert len(totals) == 1, base


def test_the_people_index_says_which_names_each_page_holds(outputs):
    """The people index is alphabetical, and its pager said only '1 2 3 4 5': to find a name a
    reader had to guess pages. Each page is offered by the surnames it runs from and to, read
    here from the names each page lists."""
    _, pages = outputs
    count = _series(pages)["people/"]
    assert count > 2
    paths = ["people/" + ("index.md" if n == 1 else f"page-{n}/index.md") for n in range(1, count + 1)]

    def names(path: str) -> list[str]:
        found = re.findall(r'<tr(?: id="[^"]*")?><td><a href="[^"]*">([^<]+)</a></td>', pages[path])
        assert found, path
        return found

    def word(name: str) -> str:
        return name.split()[0].casefold()

    listed = [names(path) for path in paths]
    labels = {}
    for n, path in enumerate(paths):
        first, last = listed[n][0], listed[n][-1]
        # A surname the page before ends with, or the page after starts with, is not enough
        # to tell the two apart: the whole name is given there.
        whole_start = n > 0 and word(listed[n - 1][-1]) == word(first)
        whole_end = n + 1 < count and word(listed[n + 1][0]) == word(last)
        if word(first) == word(last) and (whole_start or whole_end):  # one surname: both whole
            whole_start = whole_end = True
        start = first if whole_start else first.split()[0]
        end = last if whole_end else last.split()[0]
        labels[path] = start if start == end else f"{start}–{end}"
    assert len(set(labels.values())) == count, labels
    for n, path in enumerate(paths, start=1):
        offered = re.findall(r'<p class="pager-pages">Go to (.*?)</p>', pages[path])[0]
        assert f'<strong aria-current="page">{labels[path]}</strong>' in offered, path
        links = {_target(path, href): text for href, text in re.findall(r'<a href="([^"]*)">([^<]*)</a>', offered)}
        assert links and all(labels[target] == text for target, text in links.items()), (path, links)
        # The pages on either side are always offered.
        assert {paths[k] for k in (n - 2, n) if 0 <= k < count} <= set(links), (path, links)
    assert render.name_ranges([("Bai Lin", "Guo Yuli"), ("Guo Yunqiang", "Guo Zhen"), ("Guo Zhi", "Lu Fang"),
                               ("Ma Jun", "Zou Li")]) == ["Bai–Guo Yuli", "Guo Yunqiang–Guo Zhen", "Guo Zhi–Lu", "Ma–Zou"]
    assert render.name_ranges([("Guo Yunqiang", "Guo Yuli"), ("Li Na", "Li Yi")]) == ["Guo", "Li"]
    # A page of one surname that goes on from the page before: both ends whole, never
    # "Lu Fang–Lu", which reads backwards; surnames compared as the index sorts them.
    assert render.name_ranges([("Bai Lu", "Lu Fang"), ("Lu Gang", "Lu Zhi")]) == ["Bai–Lu Fang", "Lu Gang–Lu Zhi"]
    assert render.name_ranges([("Bai Lu", "lu Fang"), ("Lu Gang", "Ma Li")]) == ["Bai–lu Fang", "Lu Gang–Ma"]
    assert render.name_ranges([("Lu Fang", "Lu Fang")]) == ["Lu"]


def test_a_years_timeline_is_entered_by_month(outputs):
    """A year of several pages had no way to its August but guessing the page: each page of a
    year links the first entry of each of its months, on whichever page that is."""
    site, pages = outputs
    by_year = render.timeline_by_year(site)
    year, entries = max(by_year.items(), key=lambda kv: len(kv[1]))
    count = _series(pages)[f"timeline/{year}/"]
    assert count > 1
    expected, seen = [], set()
    for entry in entries:
        month = entry.date[5:7] if entry.precision != "year" else ""
        if month and month not in seen:
            seen.add(month)
            expected.append((render.MONTH_NAMES[int(month) - 1], entry.anchor))
    assert len(expected) > 1
    holder = {anchor: path[:-len("index.md")] for path, page in pages.items() if path.startswith(f"timeline/{year}/")
              for anchor in re.findall(r"\{ #([^ ]+)(?: \.[\w-]+)* \}", page)}
    for n in range(1, count + 1):
        path = f"timeline/{year}/" + ("index.md" if n == 1 else f"page-{n}/index.md")
        line = pages[path].split("<strong>Months:</strong>")[1].split("</p>")[0]
        links = re.findall(r'<a href="([^"#]*)#([^"]+)">([^<]+)</a>', line)
        assert [(name, anchor) for _, anchor, name in links] == expected, path
        for href, anchor, _ in links:
            assert _target(path, href) == holder[anchor] + "index.md" and f"{{ #{anchor} " in pages[holder[anchor] + "index.md"]


@pytest.mark.parametrize("base", ["glossary/", "organizations/"])
def test_a_later_page_of_a_list_leads_back_to_its_first_at_the_top(outputs, base):
    """Page 2 of a glossary entry's occurrences (or an organization's articles, or a person's
    appearances: the same template text) began with the list; the way back to the definition
    was at the very bottom, after 200 entries."""
    _, pages = outputs
    series = [b for b, count in _series(pages).items() if b.startswith(base) and b != base and count > 1]
    assert series, base
    for first in series:
        page = pages[first + "page-2/index.md"]
        back = page.index("<p>Back to ")
        assert back < page.index('<nav class="pager"'), first
        assert _target(first + "page-2/index.md", HREF_RE.search(page, back)[1]) == first + "index.md"


def test_every_page_of_the_people_index_has_the_same_columns_and_a_name_its_chinese(outputs):
    """A Chinese column of '—' for all but one of 200 people, and on that page only: the
    columns changed from one page of the index to the next. A Chinese name is now given
    beside the name it belongs to."""
    site, pages = outputs
    count = _series(pages)["people/"]
    with_zh = 0
    for n in range(1, count + 1):
        chunk = site.people[(n - 1) * SIZE:n * SIZE]
        page = pages["people/" + ("index.md" if n == 1 else f"page-{n}/index.md")]
        assert "<thead><tr><th>Name</th><th>Articles</th><th>Roles and part taken</th></tr></thead>" in page, n
        rows = re.findall(r"<tr(?: id=\"[^\"]*\")?><td>(.*?)</tr>", page)
        assert len(rows) == len(chunk) and all(len(re.findall(r"<td\b", "<td>" + r)) == 3 for r in rows), n
        for person, row in zip(chunk, rows, strict=True):
            name_cell = row.split("</td>", 1)[0]
            if person.zh:
                with_zh += 1
                assert f'<span lang="zh">{person.zh}</span>' in name_cell, name_cell
                assert ("(not confirmed)" in name_cell) == (not person.zh_confirmed), name_cell
            else:
                assert 'lang="zh"' not in name_cell, name_cell
    assert with_zh


def test_counts_are_written_as_the_pagers_write_them():
    """Pagers said "(1,001 of 1,001)" above "1001 articles" and "(2280)": one way of writing a
    count on every page."""
    from lgnews.render import environment

    env = environment()
    page = env.from_string('{{ n|plural("article") }} · {{ 1|plural("article") }} · ({{ n|thousands }})').render(n=1001)
    assert page == "1,001 articles · 1 article · (1,001)"


def test_an_articles_older_and_newer_links_lead_to_the_articles_before_and_after_it(outputs):
    """Each article page leads to the article published just before it ("Older") and just
    after it ("Newer"), and the oldest and the newest have one of the two only; between
    them, to all of its month's articles (an article led to no page of the archive's)."""
    site, pages = outputs
    by_date = sorted(site.articles, key=lambda a: (a.published, a.id))  # (the archive's order: oldest first)
    ids = [a.id for a in by_date]
    for k in (0, len(ids) // 2, len(ids) - 1):
        path = f"articles/{ids[k]}/index.md"
        pager = pages[path].split('<nav class="article-pager"', 1)[1].split("<p>", 1)[1].split("</p></nav>", 1)[0]
        parts = pager.split(" | ")
        older = parts.pop(0) if "Older:" in parts[0] else ""
        newer = parts.pop() if "Newer:" in parts[-1] else ""
        assert ("Older:" in older) == (k > 0) and ("Newer:" in newer) == (k < len(ids) - 1), (k, pager)
        month = by_date[k].published
        assert parts == [f'<a href="../{month:%Y}/{month:%m}/">All of {month:%B %Y}</a>'], (k, pager)
        assert _target(path, f"../{month:%Y}/{month:%m}/") in pages
        if k > 0:
            assert _target(path, HREF_RE.findall(older)[0]) == f"articles/{ids[k - 1]}/index.md", (k, pager)
        if k < len(ids) - 1:
            assert _target(path, HREF_RE.findall(newer)[0]) == f"articles/{ids[k + 1]}/index.md", (k, pager)
        # At the end of the page, after the citation, where a reader who has read it all looks
        # for a way on (it stood in "In this article", above the source and the citation).
        assert pages[path].index('<p class="cite">') < pages[path].index('<nav class="article-pager"'), k
        assert pages[path].rstrip().endswith("</nav>"), k


def test_no_line_of_a_pager_starts_with_its_separator(outputs):
    """On a phone the pager wrapped before "· Last page »": a line began with the dot. The
    line breaks after it, as in the rows of years and letters; after a step of the first row
    (an inline block, after which Chromium breaks even before "&nbsp;"), the dot is in the
    step's unbreakable span (tests/browser/test_browser_pages.py looks at the lines)."""
    _, pages = outputs
    seen = 0
    for path, page in pages.items():
        for nav in re.findall(r'<nav class="pager"[^>]*>(.*?)</nav>', page):  # every row: pages, names, years
            seen += 1
            steps = re.findall(r'<span class="pager-step"><a [^>]*>(?:(?!</a>).)*</a>&nbsp;·</span> ', nav)
            assert " · " not in nav and nav.count("&nbsp;· ") + len(steps) == nav.count("·"), (path, nav)
    assert seen > 10


def test_an_organizations_pages_list_its_articles_newest_first(outputs):
    """As every other list does (a mutation that listed them in the archive's order, oldest
    first, with the jumps by year backwards, went unnoticed)."""
    site, pages = outputs
    org = max(site.organizations, key=lambda o: len(o.articles))
    expected = [url + "index.md" for _, _, url in sorted({(a.published, a.id, a.url) for a, _ in org.articles},
                                                         reverse=True)]
    assert len(expected) >= 3
    listed = []
    for n in range(1, _series(pages).get(org.url, 1) + 1):
        path = org.url + ("index.md" if n == 1 else f"page-{n}/index.md")
        listed += _article_links(path, pages[path].split('<ul class="article-list">', 1)[1])
    assert list(dict.fromkeys(listed)) == expected


def test_candidate_terms_are_listed_most_used_first(outputs):
    """The page shows the first 500 only: the phrases most articles quote are the editors'
    worklist (a mutation that listed the least used first passed)."""
    site, pages = outputs
    counts = [len(c.articles) for c in site.candidates]
    assert len(set(counts)) > 1 and counts == sorted(counts, reverse=True), counts[:20]
    page = pages["glossary/candidate-terms/index.md"]
    first = site.candidates[0]
    assert page.index(first.phrase) < page.index(site.candidates[-1].phrase)


def test_the_longest_article_allowed_has_a_page_under_1_mib(tmp_path):
    """No page may weigh over 1 MiB. An article's page holds its text twice, and a tooltip on
    each use of a term: a 931 KB article, under the size limit then, made a page of 2.9 MB (a
    review of skewed archives). The seed's text, as dense in terms as any, repeated to the
    limit: its page, once the theme's 10 KiB or so are around it, is still well under 1 MiB."""
    from lgnews.parse import MAX_SOURCE_BYTES

    archive = tmp_path / "archive"
    shutil.copytree(ROOT / "archive", archive)
    seed = (ROOT / "tests" / "fixtures" / "seed.txt").read_text(encoding="utf-8")
    header, body = seed.split("\n", 1)[1].split("0 By\n", 1)  # (after the title)
    text, credit = body.rsplit("(Li Yi)", 1)

    def article(repeats: int) -> bytes:
        return f"Louxing District held a long meeting\n{header}0 By\n{text * repeats}(Li Yi){credit}".encode()

    data = article((MAX_SOURCE_BYTES - len(article(0))) // len(text.encode("utf-8")))
    assert MAX_SOURCE_BYTES - len(text.encode("utf-8")) < len(data) <= MAX_SOURCE_BYTES
    (tmp_path / "long.txt").write_bytes(data)
    article_id = ingest_file(tmp_path / "long.txt", archive, {})
    rendered = render.Renderer(build_site(load_archive(archive)), "https://example.org/", "Test").render_all()
    page = next(o.content for o in rendered if o.path == f"articles/{article_id}/index.md")
    assert page.count("<abbr ") > 1_000  # (the tooltips are there)
    assert len(page.encode("utf-8")) < 1024 * 1024 - 100 * 1024, len(page.encode("utf-8"))


# What each list shows, in what order, where the seed's archive alone (one article) cannot
# tell: a mutation review found each of these free to break with every test passing.

def test_the_home_page_lists_the_newest_articles_newest_first(outputs):
    site, pages = outputs
    shown = re.findall(r'<a href="articles/(\d{4}-\d\d-\d\d)-[^"]*/">', pages["_generated/home-latest.md"])
    assert shown == sorted((a.published.isoformat() for a in site.articles), reverse=True)[:render.HOME_LATEST]


def test_an_organization_marks_only_the_articles_it_is_the_source_of(outputs):
    site, pages = outputs
    by_id = {a.id: a for a in site.articles}
    marked = unmarked = 0
    for path, page in pages.items():
        m = re.match(r"organizations/([^/]+)/(?:page-\d+/)?index\.md$", path)
        if not m:
            continue
        for item in re.findall(r"<li[^>]*>(.*?)</li>", page):
            article = by_id[re.search(r'href="(?:\.\./)+articles/([^/"]+)/"', item).group(1)]
            source = article.source_organization.slug if article.source_organization else None
            assert ("(source of the article)" in item) == (source == m.group(1)), (path, item)
            marked += source == m.group(1)
            unmarked += source != m.group(1)
    assert marked >= 40 and unmarked >= 40, (marked, unmarked)  # (both kinds are there)


def _first_cells(pages: dict[str, str], base: str) -> list[str]:
    """The text of the first cell of each row of the tables of a list's pages, in order."""
    count = _series(pages).get(base, 1)
    paths = [base + "index.md"] + [f"{base}page-{n}/index.md" for n in range(2, count + 1)]
    return [re.sub(r"<[^>]+>", "", cell) for path in paths for cell in re.findall(r"<tr[^>]*><td>(.*?)</td>", pages[path])]


def test_the_glossary_and_organizations_indexes_are_alphabetical_whatever_the_case(outputs):
    site, pages = outputs
    terms = _first_cells(pages, "glossary/")
    assert len(terms) == len(site.terms) and any(t[0].islower() for t in terms), terms
    assert terms == sorted(terms, key=str.lower)
    exported = [t["term"] for t in json.loads(pages["data/glossary.json"])]
    assert exported == sorted(exported, key=str.lower)
    names = [re.sub(r"\s*\(not yet described\)$", "", n) for n in _first_cells(pages, "organizations/")]
    curated = {o.name for o in site.organizations if o.curated}
    assert curated & set(names) and set(names) - curated, names  # (editors' and found ones, mixed)
    assert names == sorted(names, key=str.lower)


def test_the_glossary_export_gives_each_terms_pinyin_and_chinese(outputs):
    site, pages = outputs
    exported = {t["term"]: t for t in json.loads(pages["data/glossary.json"])}
    assert all(exported[t.term]["pinyin"] == t.pinyin and exported[t.term]["zh"] == t.zh for t in site.terms)
    assert sum(bool(t.pinyin) for t in site.terms) >= 10


def test_the_years_run_newest_first_as_the_lists_do(outputs):
    _, pages = outputs
    row = pages["articles/index.md"].split("By year:", 1)[1].split("</p>", 1)[0]
    years = re.findall(r">(\d{4})</a>", row)
    assert len(years) >= 5 and years == sorted(years, reverse=True), years


def test_an_articles_event_date_is_not_said_again_as_a_mention(tmp_path):
    from .conftest import add_article

    archive = tmp_path / "archive"
    shutil.copytree(ROOT / "archive", archive)
    add_article(archive, "2023-03-20-two-meetings", "event_date: 2023-03-03\n",
                "On March 3, 2023, the county met on flood control. On March 10, 2023, it met again.")
    site = build_site(load_archive(archive))
    article = next(a for a in site.articles if a.id == "2023-03-20-two-meetings")
    assert {d.date for d in article.dates} == {"2023-03-03", "2023-03-10"}  # (the event's day is mentioned too)
    page = next(o.content for o in render.Renderer(site, "https://example.org/", "Test").render_all()
                if o.path == f"articles/{article.id}/index.md")
    line = page.split("<strong>Dates:</strong>", 1)[1].split("</p>", 1)[0]
    assert ">3 March 2023</a>; mentions 10 March 2023" in line and "mentions 3 March" not in line, line


def test_the_tooltips_of_editors_pages_take_a_term_in_lower_case_too(outputs):
    """The site-wide tooltips match case-sensitively (Python-Markdown's abbr): each name as
    written, capitalised and in lower case, so that "the district safety committee" on an
    editor's page explains itself."""
    terms = outputs[0].terms
    tips = render.abbreviations(terms)
    committee = next(t for t in terms if t.term == "District Safety Committee")
    for written in ("District Safety Committee", "district safety committee"):
        assert tips[written] == committee.tooltip
    slogan = next(t for t in terms if t.term[0].islower())
    assert tips[slogan.term[:1].upper() + slogan.term[1:]] == slogan.tooltip
