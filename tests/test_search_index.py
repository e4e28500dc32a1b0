"""What the search index holds, read from Pagefind's own fragments (one per indexed page, the
text a result is made from): the pages a reader looks for, without the lists that repeat
them, and without the parts of an article that repeat other pages. Above a size, an article
is indexed by its title, first paragraph and editors' notes (the budget of a first query)."""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

import pytest
import yaml

from lgnews import render
from lgnews.build import generate

from .conftest import ROOT, SEED_ID, add_article, copy_project, run

FIRST = "presided over the 2022 Work safety conference"      # paragraph 1 of the seed
LATER = "put an end to paralysis and blindness"                # paragraph 3
NOTE = "Most likely the official Dang Jianguo"                 # an editors' note
MARKDOWN_ID = "2023-06-05-changsha-publishes-its-flood-season-plan"  # written in Markdown, in the lede site


def fragments(site: Path) -> dict[str, str]:
    """URL -> indexed text of every page in the Pagefind index."""
    pages = {}
    for path in (site / "pagefind" / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes())
        data = data[len(b"pagefind_dcd"):] if data.startswith(b"pagefind_dcd") else data
        record = json.loads(data)
        pages[record["url"]] = record["content"]
    return pages


@pytest.fixture(scope="module")
def indexed(built_site):
    return fragments(built_site)


def test_articles_entries_and_people_are_indexed_lists_are_not(indexed):
    assert f"/articles/{SEED_ID}/" in indexed
    assert "/glossary/power-list/" in indexed
    assert "/people/liu-zhigang/" in indexed
    for listing in ["/articles/", "/articles/2022/", "/articles/2022/04/", "/timeline/2022/"]:
        assert listing not in indexed, f"{listing} lists articles and must not be in the index"
    # Nor the indexes of the entries (a search for 打非治违 gave the home page and the glossary,
    # people and organizations indexes, as jumbles of table cells, around the entry itself).
    for index in ["/", "/glossary/", "/people/", "/organizations/", "/tags/"]:
        assert index not in indexed, f"{index} lists entries that have their own pages"


def test_a_tag_is_found_by_its_name_not_by_its_list_of_articles(indexed):
    """A search for "Hunan Province", the label of a tag the seed carries, found nothing: tag
    pages were out of the index altogether. Their list of articles still is (each article
    has its own page), and so are the words every tag's page has. (Pagefind leaves out a
    <nav>, so the pager of a long list, by itself.)"""
    text = indexed["/tags/hunan/"]
    assert "Hunan Province" in text
    assert "Louxing District held" not in text, "the list of articles is not part of the tag's text"
    assert "newest first" not in text


def test_pages_for_editors_and_maintainers_are_not_indexed(indexed):
    """A reader searching "Dang Jianguo" or "安全" got the editors' guide or the performance page
    among the articles; the data page, for readers who reuse the data, is still found."""
    assert "/editors/" not in indexed and "/performance/" not in indexed
    assert "/glossary/candidate-terms/" not in indexed
    assert "/data/" in indexed


def test_article_is_indexed_in_full_without_what_repeats_other_pages(indexed):
    text = indexed[f"/articles/{SEED_ID}/"]
    assert FIRST in text and LATER in text and NOTE in text
    assert "Editor in Chief: Wen Zhibin" not in text, "the verbatim source repeats the reading edition"
    assert "c6ea5eefa642" not in text, "provenance and citation are not searched"
    # ... but its dates are: a search for the day it was published found other pages only.
    assert "Published: 30 April 2022 Event date: 11 February 2022" in text
    assert "Li Yi" not in text and "Machine-translated" not in text, "the credits are found through people's pages"
    assert "Terms explained" not in text, "'In this article' links to pages that have their own entry"
    # A note's number is not a word of the text: an excerpt read "Party jianguo[1] and other leaders".
    assert "Party jianguo and other leaders" in text and "[1]" not in text


def test_a_person_is_indexed_without_the_list_of_articles(indexed):
    """A person's page is found by the name and roles, not by the titles of every article
    that names them (at scale those titles made "safety" match thousands of person pages)."""
    text = indexed["/people/liu-zhigang/"]
    assert "Liu Zhigang" in text
    assert "Louxing District held" not in text, "the list of articles is not part of the person's text"
    # What a result shows of a person: who they are, not the note every person's page has.
    assert ("Named in 1 article (2022), as deputy secretary of the District Committee; Head of the District; "
            "Director of the District Safety Committee, taking part by presiding and speaking.") in text
    assert "newest first" not in text and "Appearances" not in text
    # Nor by the bodies that published their articles, which have pages of their own.
    assert "In articles from" not in text and "Louxing Rong Media Center" not in text


def test_glossary_entry_is_indexed_without_its_occurrences(indexed):
    text = indexed["/glossary/power-list/"]
    assert "权力清单" in text
    assert "Louxing District held" not in text, "the list of articles is not part of the entry's text"


def test_an_entry_no_article_uses_is_not_ranked_above_the_articles(built_site, indexed):
    """A search for "safety" listed the entries for a city's, a county's and a province's
    safety committee, which no article uses ("Articles: 0"), above the one article (a
    reader's review): only an entry in use has its title weighed above an article's."""
    def title(slug: str) -> str:
        page = (built_site / "glossary" / slug / "index.html").read_text(encoding="utf-8")
        return re.search(r'<h1 id="lg-title"[^>]*>', page).group()

    assert title("district-safety-committee") == '<h1 id="lg-title" data-pagefind-weight="10.0">'
    assert title("city-safety-committee") == '<h1 id="lg-title">'
    assert "/glossary/city-safety-committee/" in indexed, "still found, as any page"


def test_a_bodys_links_to_the_glossary_are_not_its_text(indexed):
    """A search for "glossary" listed every body and event under its label "In the glossary:"
    (the entries have their own pages), and never the glossary."""
    text = indexed["/organizations/louxing-district-safety-committee/"]
    assert "Louxing District Safety Committee" in text
    assert "In the glossary" not in text


def test_a_key_events_list_of_articles_is_not_its_text(indexed):
    """The timeline's key events, found by their own words, not by the titles of the newest
    articles that mention them: at 1,000 articles, "Xiangyin" and "Yuhua editor" listed the
    Zhengzhou rainstorm (a reader's review)."""
    text = indexed["/timeline/"]
    assert "Zhengzhou" in text
    assert "Mentioned in" not in text and "Louxing District held" not in text


@pytest.fixture(scope="module")
def lede_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("lede") / "project")
    add_article(project / "archive", MARKDOWN_ID, "",
                "# Timetable\n\nChangsha published its plan for the main flood season on 4 June.\n\n"
                "- sandbags stocked\n- pumps checked\n\n## Later steps\n\nThe drills follow in July.")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(render, "FULL_TEXT_SEARCH_LIMIT", 0)
        assert generate(project, quiet=True) == 0
    run([sys.executable, "-m", "mkdocs", "build", "--strict"], project)
    run([sys.executable, "-m", "pagefind", "--site", "site", "--silent"], project)
    return project / "site"


def test_above_the_limit_an_article_is_found_by_title_first_paragraph_and_notes(lede_site):
    text = fragments(lede_site)[f"/articles/{SEED_ID}/"]
    assert "Louxing District held the 2022 Work safety retreat Meeting" in text
    assert FIRST in text and NOTE in text
    assert LATER not in text
    assert "Party jianguo and other leaders" in text and "[1]" not in text
    page = (lede_site / "articles" / SEED_ID / "index.html").read_text(encoding="utf-8")
    assert LATER in page, "the page itself still shows the whole reading edition"


def test_above_the_limit_an_article_in_markdown_is_found_by_its_first_paragraph(lede_site):
    """The first paragraph of an editor's Markdown that opens with a heading was left out (the
    rule counted the heading as the first), and its list and later heading were indexed."""
    text = fragments(lede_site)[f"/articles/{MARKDOWN_ID}/"]
    assert "Changsha published its plan for the main flood season" in text
    for later in ("sandbags", "pumps", "Later steps", "drills", "Timetable"):
        assert later not in text, later
    page = (lede_site / "articles" / MARKDOWN_ID / "index.html").read_text(encoding="utf-8")
    assert "sandbags stocked" in page and "The drills follow in July." in page


HINT_LEDE = "Articles are searched by their title, opening paragraph and editors' notes, not their whole text."


SEARCH_BOX = re.compile(r'<div class="md-search lg-search" data-lg-search data-lg-root="[./]*"( data-lg-lede-only)?></div>')


def test_above_the_limit_the_search_box_says_what_it_searches(lede_site):
    """Without it a reader took "No matching pages" for a word further down every article
    to mean that no article says it. The page marks its box; the script that builds the box
    then says so under the results."""
    for page in (lede_site / "index.html", lede_site / "articles" / SEED_ID / "index.html"):
        box = SEARCH_BOX.search(page.read_text(encoding="utf-8"))
        assert box and box.group(1), page
    script = (lede_site / "javascripts" / "search.js").read_text(encoding="utf-8")
    assert 'hasAttribute("data-lg-lede-only")' in script and HINT_LEDE.replace("'", "\\'") in script


def test_below_the_limit_it_says_nothing_of_the_kind(built_site):
    page = (built_site / "articles" / SEED_ID / "index.html").read_text(encoding="utf-8")
    box = SEARCH_BOX.search(page)
    assert box and not box.group(1)


def test_the_notice_on_an_undescribed_body_is_not_indexed():
    """Its words, the same on every such body's page, made "editors guide" find 35
    organizations and were the excerpt of each (a search review)."""
    template = (ROOT / "lgnews" / "templates" / "organization.md.j2").read_text(encoding="utf-8")
    assert '<p class="lg-undescribed">' in template
    excluded = yaml.safe_load((ROOT / "pagefind.yml").read_text(encoding="utf-8"))["exclude_selectors"]
    assert "p.lg-undescribed" in excluded
