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


def test_the_file_under_a_near_name_is_named(proj):
    """As the other lists of archive/ are: moved.yaml is read by no one (the editors' guide
    names moved.yml)."""
    (proj / "archive" / "moved.yaml").write_text("- from: articles/2020-01-01-gone/\n  note: x\n", encoding="utf-8")
    assert build_fails(proj) == ["archive/moved.yml: missing: rename moved.yaml to moved.yml"]


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
    # An address on another site (a review: it led to this site's home page, or its data/)
    ([{"from": "articles/a/", "to": "https://www.gov.cn/"}], "[0].to: 'https://www.gov.cn/' is not an address of this site"),
    ([{"from": "https://example.org/other/articles/a/", "note": "x"}], "is not an address of this site"),
    ({"from": "articles/a/"}, "expected a list of moved pages"),
    # A part of an address longer than a file's name can be (it failed while writing: a review)
    ([{"from": "articles/" + "a" * 256 + "/", "note": "x"}], "is not the address of a page of the site"),
])
def test_a_moved_entry_is_checked(data, message):
    with pytest.raises(ArchiveErrors) as caught:
        load_moved(Path("archive/moved.yml"), data, "https://example.org/sub/")
    assert message in str(caught.value), str(caught.value)


def test_a_to_that_is_no_address_is_said_once():
    """It was said, and then again as an entry with neither 'to:' nor 'note:' (a review)."""
    with pytest.raises(ArchiveErrors) as caught:
        load_moved(Path("archive/moved.yml"), [{"from": "articles/a/", "to": "Big Page"}], "https://example.org/")
    assert [e.message for e in caught.value.errors] == [
        "[0].to: 'Big Page' is not the address of a page of the site; write it as the site shows it, for example "
        "'articles/2023-06-02-changsha-held-a-meeting/'"]


def test_addresses_are_read_as_the_site_shows_them():
    [entry] = load_moved(Path("moved.yml"), [{"from": "https://example.org/articles/a/index.html",
                                              "to": "/glossary/b#top"}], "https://example.org/")
    assert (entry.source, entry.target, entry.note) == ("articles/a/", "glossary/b/#top", None)
    [entry] = load_moved(Path("moved.yml"), [{"from": "articles/a/index.md#p3", "to": "data.md"}])
    assert (entry.source, entry.target) == ("articles/a/", "data/")
    assert re.fullmatch(r"[a-z/]+", entry.source)


# A second review of the feature ---------------------------------------------------------


def test_the_full_published_address_of_a_page_is_read(proj):
    """The site lives under a path (https://…github.io/archive/): the address copied from the
    browser was read as 'archive/articles/…/' and refused."""
    rename_seed(proj)
    moved(proj, f"- from: https://lgnews-archive.github.io/archive/articles/{OLD}/\n"
                f"  to: https://lgnews-archive.github.io/archive/articles/{SEED_ID}/#p2\n")
    assert run([sys.executable, "scripts/build.py", "--quiet"], proj).stderr == ""
    page = (proj / "docs" / "articles" / OLD / "index.md").read_text(encoding="utf-8")
    assert f'"redirect":"../../articles/{SEED_ID}/#p2"' in page and f'href="../{SEED_ID}/#p2"' in page


@pytest.mark.parametrize(("text", "message"), [
    # A page the previous run left in docs/ that this one does not make (a tag no article carries)
    ("- from: tags/old-tag/\n  to: tags/unused-tag/\n",
     "archive/moved.yml:2: [0].to: 'tags/unused-tag/' is no page of the site"),
    # A chain: its end is the page to give (it was accepted or not by the entries' order)
    ("- from: articles/2020-01-01-b/\n  to: articles/2020-01-01-a/\n"
     f"- from: articles/2020-01-01-a/\n  to: articles/{SEED_ID}/\n",
     "archive/moved.yml:2: [0].to: 'articles/2020-01-01-a/' is itself listed as gone (entry [1]): give the page "
     "readers should find in the end"),
    ("- from: articles/months.json\n  note: x\n", "archive/moved.yml:1: [0].from: 'articles/months.json' is not the "
                                                   "address of a page of the site"),
    # A place the page does not have (a review: the browser was sent there all the same)
    (f"- from: articles/2020-01-01-b/\n  to: articles/{SEED_ID}/#no-such-place\n",
     f"archive/moved.yml:2: [0].to: 'articles/{SEED_ID}/#no-such-place' leads to no place of the page"),
])
def test_an_entry_that_leads_to_no_lasting_page_is_refused(proj, text, message):
    (proj / "docs" / "tags" / "unused-tag").mkdir(parents=True, exist_ok=True)
    (proj / "docs" / "tags" / "unused-tag" / "index.md").write_text("<!-- Generated -->\n", encoding="utf-8")
    moved(proj, text)
    [said] = build_fails(proj)
    assert said.startswith(message), said


def test_the_home_page_is_a_place_to_lead_to_and_an_empty_file_lists_nothing(proj):
    moved(proj, "- from: articles/2020-01-01-gone/\n  to: /\n")
    assert run([sys.executable, "scripts/build.py", "--quiet"], proj).stderr == ""
    page = (proj / "docs" / "articles" / "2020-01-01-gone" / "index.md").read_text(encoding="utf-8")
    assert '"redirect":"../../"' in page and '<a href="../../">the home page</a>' in page
    # Emptied (the last entry removed, its comment kept): no page, and not refused as a lost file
    moved(proj, "# Published pages that are gone: their addresses lead readers on.\n")
    result = run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert result.stderr.splitlines() == [
        "warning: the page articles/2020-01-01-gone/ that archive/moved.yml kept is gone, as the file no longer "
        "lists it: links to it from elsewhere lead nowhere again; if that was not meant, list it again"]


def test_the_sites_own_links_to_an_address_that_is_gone_are_refused(proj):
    """The page kept at the address is for readers who come from elsewhere: a link of the
    site's own that leads there was let through once the address was listed."""
    rename_seed(proj)
    moved(proj, f"- from: articles/{OLD}/\n  to: articles/{SEED_ID}/\n")
    glossary = proj / "archive" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(text.replace('the Louxing work-safety article of April 2022 uses it."',
                                     f'the [Louxing work-safety article](articles/{OLD}/) of April 2022 uses it."', 1),
                        encoding="utf-8")
    [said] = build_fails(proj)
    assert said.endswith(f"the link to 'articles/{OLD}/' leads to an address archive/moved.yml lists as gone: link "
                         f"to 'articles/{SEED_ID}/' instead"), said


def test_the_preview_rebuilds_the_pages_of_moved_addresses_as_it_does_the_other_unindexed_ones(tmp_path):
    """Their front matter asks not to be indexed, which the sitemap reads only in the pages
    MkDocs builds: the preview's sitemap listed those it did not rebuild (a review)."""
    from lgnews.preview import _moved_files

    (tmp_path / "archive").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: T\nsite_url: https://example.org/sub/\n", encoding="utf-8")
    assert _moved_files(tmp_path) == set()
    moved(tmp_path, "- from: articles/2020-01-01-gone/\n  note: x\n- from: https://example.org/sub/tags/old\n  to: /\n")
    assert _moved_files(tmp_path) == {"articles/2020-01-01-gone/index.md", "tags/old/index.md"}
    moved(tmp_path, "- from: [\n")  # (said by the generator, not here)
    assert _moved_files(tmp_path) == set()


def test_the_guides_example_copied_as_it_is_publishes_nothing(proj):
    """The guide's example, copied as it stands, published a page saying that an article the
    archive never had was withdrawn (an editor's review)."""
    from .conftest import ROOT

    guide = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(# Published pages that are gone.*?)```", guide, re.S).group(1)
    moved(proj, example)
    assert build_fails(proj) == [
        "archive/moved.yml:2: [0].from: 'articles/2023-06-02-changsha-held-a-meeting-2/' is the example of "
        "docs/editors.md: write the address of the page that is gone",
        "archive/moved.yml:4: [1].from: 'articles/2023-07-01-a-notice-retracted-by-its-source/' is the example of "
        "docs/editors.md: write the address of the page that is gone"]
    assert not (proj / "docs" / "articles" / "2023-07-01-a-notice-retracted-by-its-source").exists()
