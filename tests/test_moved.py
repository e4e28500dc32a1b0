"""archive/moved.yml: a published address that is gone (an article's folder renamed or
removed, a glossary entry merged) keeps a page that leads readers on, or says why it went.
Before, the build warned that links to it "now lead nowhere", and readers found the 404 page."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from lgnews.build import MOVED_ADVICE
from lgnews.errors import ArchiveErrors
from lgnews.records import load_moved

from .conftest import SEED_ID, run
from .test_errors import build_fails

OLD = f"{SEED_ID}-first"


def moved(project: Path, text: str) -> None:
    (project / "archive" / "moved.yml").write_text(text, encoding="utf-8")


def rename_seed(project: Path) -> None:
    """The seed's folder as if it had been published as OLD and renamed since."""
    articles = project / "archive" / "articles"
    (articles / SEED_ID).rename(articles / OLD)
    run([sys.executable, "scripts/build.py", "--quiet"], project)
    (articles / OLD).rename(articles / SEED_ID)


def test_a_renamed_article_leads_readers_on_from_its_old_address(proj):
    rename_seed(proj)
    said = run([sys.executable, "scripts/build.py", "--quiet"], proj).stderr
    assert said.strip() == (f"warning: the page articles/{OLD}/ is gone, as archive/articles/{OLD}/ is: links to it "
                            "from elsewhere now lead nowhere; if the folder was renamed, give it back its name"
                            + MOVED_ADVICE)
    # As the warning says: the old address listed, with the page it leads to
    moved(proj, f"- from: articles/{OLD}/\n  to: /articles/{SEED_ID}\n")
    said = run([sys.executable, "scripts/build.py", "--quiet"], proj).stderr
    assert said == ""
    page = (proj / "docs" / "articles" / OLD / "index.md").read_text(encoding="utf-8")
    assert '"title":"This page has moved"' in page and '"robots":"noindex"' in page
    assert f'"redirect":"../../articles/{SEED_ID}/"' in page
    assert (f'is now at <a href="../{SEED_ID}/">Louxing District held the 2022 Work safety retreat Meeting</a>.'
            in page), page
    # The site: the browser goes on to the new address; neither search nor the sitemap has the old one
    run([sys.executable, "-m", "mkdocs", "build", "--strict"], proj)
    built = (proj / "site" / "articles" / OLD / "index.html").read_text(encoding="utf-8")
    assert f'<meta http-equiv="refresh" content="0; url=../../articles/{SEED_ID}/">' in built
    assert '<meta name="robots" content="noindex">' in built and "data-pagefind-body" not in built
    assert OLD not in (proj / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' not in (proj / "site" / "articles" / SEED_ID / "index.html").read_text(
        encoding="utf-8")


def test_a_withdrawn_page_says_why_as_text(proj):
    moved(proj, '- from: glossary/old-term/\n  note: "Merged into <b>another</b> entry."\n')
    assert run([sys.executable, "scripts/build.py", "--quiet"], proj).stderr == ""
    page = (proj / "docs" / "glossary" / "old-term" / "index.md").read_text(encoding="utf-8")
    assert "# This page was withdrawn" in page and "redirect" not in page
    assert "<p>Merged into &#60;b&#62;another&#60;/b&#62; entry.</p>" in page


@pytest.mark.parametrize(("text", "message"), [
    (f"- from: articles/{SEED_ID}/\n  to: glossary/\n",
     f"archive/moved.yml:1: [0].from: 'articles/{SEED_ID}/' is a page of the site: remove this entry (the page is "
     "back, or the address is another page's)"),
    ("- from: articles/2020-01-01-gone/\n  to: articles/2020-01-02-nowhere/\n",
     "archive/moved.yml:2: [0].to: 'articles/2020-01-02-nowhere/' is no page of the site: give the address of the "
     "page readers should find instead, as the site shows it"),
])
def test_an_entry_that_leads_nowhere_or_hides_a_page_is_refused(proj, text, message):
    moved(proj, text)
    assert build_fails(proj) == [message]


def test_a_page_editors_wrote_is_a_place_to_lead_to(proj):
    moved(proj, "- from: articles/2020-01-01-gone/\n  to: data/\n")
    assert run([sys.executable, "scripts/build.py", "--quiet"], proj).stderr == ""
    assert '"redirect":"../../data/"' in (proj / "docs" / "articles" / "2020-01-01-gone" / "index.md").read_text(
        encoding="utf-8")


@pytest.mark.parametrize(("data", "message"), [
    ([{"from": "data.md"}], "[0].from: 'data/' is not the address of a generated page"),
    ([{"from": "index.md"}], "[0].from: 'index.md' is not the address of a page of the site"),
    ([{"from": "articles/../../etc/"}], "[0].from: 'articles/../../etc/' is not the address of a page of the site"),
    ([{"from": "articles/Big Name/"}], "[0].from: 'articles/Big Name/' is not the address of a page of the site"),
    ([{"from": "articles/a/"}], "[0]: 'articles/a/' has neither 'to:' (the page readers are led to) nor 'note:'"),
    ([{"from": "articles/a/", "to": "articles/a"}], "[0].to: 'articles/a/' is the address it moves from"),
    ([{"from": "articles/a/", "note": "x"}, {"from": "/articles/a", "note": "y"}],
     "[1].from: 'articles/a/' is listed twice (its first entry is [0]): keep one"),
    ([{"from": "articles/a/", "too": "articles/b/"}], "unknown field 'too'"),
    ({"from": "articles/a/"}, "expected a list of moved pages"),
])
def test_a_moved_entry_is_checked(data, message):
    with pytest.raises(ArchiveErrors) as caught:
        load_moved(Path("archive/moved.yml"), data)
    assert message in str(caught.value), str(caught.value)


def test_addresses_are_read_as_the_site_shows_them():
    [entry] = load_moved(Path("moved.yml"), [{"from": "https://example.org/articles/a/index.html",
                                              "to": "/glossary/b#top"}])
    assert (entry.source, entry.target, entry.note) == ("articles/a/", "glossary/b/", None)
    [entry] = load_moved(Path("moved.yml"), [{"from": "articles/a/index.md", "to": "data.md"}])
    assert (entry.source, entry.target) == ("articles/a/", "data/")
    assert re.fullmatch(r"[a-z/]+", entry.source)
