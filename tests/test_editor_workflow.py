"""The editors' workflow, end to end, following only docs/editors.md.

In a temporary copy of the project, an editor ingests a raw article and reviews its
meta.yml, writes a Markdown article with `make new-article`, adds a glossary term and a free
page; then the site is generated and built as `make site` does, and each of them must be in
the built HTML: the article pages, the term's page and its links from the articles, the free
page and its entry in the navigation."""

from __future__ import annotations

import html as html_lib
import json
import re
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, copy_project, generate_and_build, run, zh_span

GUIDE = ROOT / "docs" / "editors.md"
VENV = Path(sys.executable).parent.parent

RAW_ARTICLE = """\
Changsha County held a flood prevention and drought relief work meeting

2023-06-02 0 By

On May 30, Zhang Wei, deputy secretary of the County Committee and head of the county, presided over the county flood prevention and drought relief work meeting, deploying the work of flood prevention in the main flood season.Li Ming, Zhao Qiang and other leaders attended.The meeting stressed that we must adhere to “people first, life is supreme”, strengthen duty on duty, and do a good job of emergency rescue preparation.Zhang Wei pointed out that the whole county should carry out hidden danger investigation in towns and villages, and resolutely prevent casualties.
(Reporter Wang Lei, correspondent Chen Jing) Source: Changsha Rong Media Center
"""

MD_TITLE = "Changsha publishes its flood season plan"
MD_DATE = "2023-06-05"
MD_ID = "2023-06-05-changsha-publishes-its-flood-season-plan"
MD_BODY = """\
Changsha County has published its emergency plan for the main flood season, which runs from
June to September this year.

The plan names a duty officer for each town and sets out how villages near the Liuyang
River are to be warned and evacuated.

- During the Main Flood Seasons, towns must keep the bottom line. <b>Not bold</b>
- The plan follows [the power list](glossary/power-list/) and the [data](data.md).

![Map of the county](images/map.svg)

# Timetable

The plan runs until September.

## Duty officers & <b>towns</b>

Each town names one.
"""

NEW_TERM = """
- term: "main flood season"
  aliases:
    - "main flood period"
  zh: "主汛期"
  pinyin: "zhǔ xùnqī"
  definition: "The part of the year when floods are most likely, when flood-control offices keep staff on duty day and night. When it starts and ends depends on the river basin and the year."
  category: other
  confidence: medium
  sources: []
"""
TERM_SLUG = "main-flood-season"

FREE_PAGE = """\
# About the project

Who edits the archive, and how articles are chosen. Start with the [glossary](glossary/index.md).
"""


def make(project: Path, *args: str) -> str:
    """`make <args>` in the project, with the test's virtualenv standing in for .venv
    (`-o` keeps make from reinstalling it); returns the output."""
    result = run(["make", "--no-print-directory", f"VENV={VENV}", "-o", f"{VENV}/.installed", "-o", f"{VENV}/.installed-runtime", *args], project)
    return result.stdout


@pytest.fixture(scope="module")
def edited(tmp_path_factory) -> Path:
    """The project after the editor's work, generated and built."""
    tmp = tmp_path_factory.mktemp("editor")
    project = copy_project(tmp / "project")

    # 1. A raw article: `make ingest FILE=...`, then review meta.yml (a tag, an annotation).
    raw = tmp / "changsha.txt"
    raw.write_text(RAW_ARTICLE, encoding="utf-8")
    out = make(project, "ingest", f"FILE={raw}")
    archived = re.findall(r"archived as archive/articles/(2023-06-02-changsha-county-[a-z0-9-]+)/", out)
    assert len(archived) == 1, out
    (tmp / "raw-id").write_text(archived[0], encoding="utf-8")
    meta = project / "archive" / "articles" / archived[0] / "meta.yml"
    text = meta.read_text(encoding="utf-8")
    assert "tags: []" in text and "annotations: []" in text
    text = text.replace("tags: []", "tags:\n- hunan\n- emergency-management")
    text = text.replace("annotations: []", "annotations:\n- phrase: duty on duty\n"
                                           "  note: Probably 值班值守, keeping staff on duty around the clock.")
    meta.write_text(text, encoding="utf-8")

    # 2. A Markdown article: `make new-article TITLE=... DATE=...`, then write its body.
    out = make(project, "new-article", f"TITLE={MD_TITLE}", f"DATE={MD_DATE}")
    printed = [line for line in out.splitlines() if line.endswith("article.md")]
    assert printed == [f"archive/articles/{MD_ID}/article.md"], out
    article = project / printed[0]
    front, _, _ = article.read_text(encoding="utf-8").rpartition("\n---\n")
    example = "# source: The media center that published the article"
    assert example in front, front
    front = front.replace(example, "source: Changsha Rong Media Center")
    front = front.replace("tags: []", "tags: [hunan]")
    front = front.replace("# annotations:\n#   - phrase: words exactly as they appear in the text\n"
                          "#     note: what the words mean",
                          "annotations:\n  - phrase: keep the bottom line\n"
                          "    note: An official phrase, meaning do not let the worst happen.")
    assert "keep the bottom line" in front, front
    front = without_skeleton_comments(front + "\n")  # as the guide says: readers would see them
    article.write_text(f"{front}---\n\n{MD_BODY}", encoding="utf-8")
    (project / "docs" / "images").mkdir()  # its image, saved in docs/ as the guide says
    (project / "docs" / "images" / "map.svg").write_bytes((ROOT / "docs" / "assets" / "logo.svg").read_bytes())

    # 3. A glossary term, appended to archive/glossary.yml.
    with (project / "archive" / "glossary.yml").open("a", encoding="utf-8") as fh:
        fh.write(NEW_TERM)

    # 4. A free page in docs/.
    (project / "docs" / "about-the-project.md").write_text(FREE_PAGE, encoding="utf-8")
    # ...and one in a folder of its own, as the guide describes.
    (project / "docs" / "guides").mkdir()
    (project / "docs" / "guides" / "sources.md").write_text("---\ntitle: Our sources\n---\n\nWhere articles come "
                                                            "from.\n", encoding="utf-8")

    generate_and_build(project)
    return project


@pytest.fixture(scope="module")
def raw_id(edited) -> str:
    """The id ingest gave the raw article (date and slug of its title)."""
    return (edited.parent / "raw-id").read_text(encoding="utf-8")


def html(project: Path, url: str) -> str:
    path = project / "site" / url / "index.html"
    assert path.exists(), f"{url} was not built"
    return path.read_text(encoding="utf-8")


def nav_links(page: str) -> set[str]:
    """Targets of the links in the site navigation of a built page."""
    return set(re.findall(r'<a href="([^"]*)" class="md-nav__link[^"]*"', page))


# --------------------------------------------------------------------------- the guide


@pytest.mark.parametrize("step", [
    "make ingest FILE=", "meta.yml", "make new-article TITLE=", "archive/glossary.yml", "archive/events.yml",
    "archive/people.yml", "annotations:", "archive/tags.yml", "docs/about-the-project.md", "make serve",
    "scripts/build.py --check",
])
def test_the_guide_explains_each_step(step):
    assert step in GUIDE.read_text(encoding="utf-8")


def test_the_guide_is_a_page_of_the_site_linked_from_the_home_page_not_the_readers_menu(edited):
    """Readers found the editors' guide and the performance page among the archive's sections
    in the menu of every page; they are linked from the home page instead."""
    assert "Editors&#39; guide" in html(edited, "editors") or "Editors' guide" in html(edited, "editors")
    home = html(edited, "")
    for page in ("editors/", "performance/"):
        for where in (home, html(edited, f"articles/{MD_ID}")):
            assert not [link for link in nav_links(where) if link.endswith(page)], page
        assert f'href="{page}"' in home[home.find('id="behind-the-archive"'):], page


# --------------------------------------------------------------------------- the raw article


def test_ingested_article_page(edited, raw_id):
    page = html(edited, f"articles/{raw_id}")
    assert "Changsha County held a flood prevention and drought relief work meeting" in page
    # The glued sentences are separated in the reading edition.
    assert "main flood season</abbr></a>. Li Ming" in page or re.search(r"flood season\W*(</\w+>)*\. Li Ming", page)
    # The term keeps the quotation marks of the text around its link and tooltip.
    assert re.search(r"“(<[^>]+>)+people first, life is supreme(</[^>]+>)+”", page), "the quoted term"
    # Credits and source from the credit line; the credit line is not in the reading edition.
    for name in ("Wang Lei", "Chen Jing"):
        assert re.search(rf'<a href="../../people/[a-z-]+/">{name}</a>', page), name
    assert "Changsha Rong Media Center" in page
    reading = page.split('class="reading-edition"', 1)[1].split("</div>", 1)[0]
    assert "Reporter Wang Lei" not in reading
    # The reviewed meta.yml: the annotation and the tags.
    assert 'class="annotated" id="noteref-1">duty on duty</span>' in page
    assert f'Probably {zh_span("值班值守")}' in page  # the Chinese of a note is marked as Chinese


def test_ingested_article_is_on_the_timeline(edited, raw_id):
    assert f"published-{raw_id}" in html(edited, "timeline/2023")
    assert f"event-{raw_id}" in html(edited, "timeline/2023")  # "On May 30" resolved to 2023-05-30


def test_ingested_people_have_pages(edited, raw_id):
    page = html(edited, "people/zhang-wei")
    assert f"articles/{raw_id}/" in page


# --------------------------------------------------------------------------- the Markdown article


def test_markdown_article_page(edited):
    page = html(edited, f"articles/{MD_ID}")
    assert MD_TITLE in page
    assert "names a duty officer for each town" in page
    assert "Write the article here" not in page
    assert "Written in English by the archive" in page
    assert "Changsha Rong Media Center" in page


@pytest.mark.parametrize("listing", ["articles", "articles/2023", "tags/hunan"])
def test_new_articles_are_linked_from_the_lists(edited, raw_id, listing):
    """The article lists link each new article (not print the Markdown of a link as text)."""
    page = html(edited, listing)
    for article_id in (raw_id, MD_ID):
        assert re.search(rf'<a href="(\.\./)*(articles/)?{article_id}/">', page), f"{listing} does not link {article_id}"


def without_skeleton_comments(text: str) -> str:
    """An article.md made by `make new-article` without its front matter's comments, as the
    build asks: the lines that are only a comment, and the comments after a field."""
    text = re.sub(r"^#.*\n", "", text, flags=re.M)
    return re.sub(r"(?m)^([a-z_]+:.*?)\s+# .*$", r"\1", text)


def test_markdown_article_front_matter_is_valid_as_created(tmp_path):
    project = copy_project(tmp_path / "project", with_articles=False)
    out = make(project, "new-article", "TITLE=A title: with a colon, and an apostrophe's", "DATE=2024-02-29")
    path = project / out.strip().splitlines()[-1]
    assert path.name == "article.md" and path.parent.name == "2024-02-29-a-title-with-a-colon-and-an-apostrophes"
    # As created, its text is the skeleton's: the build refuses to publish it, and says where.
    skeleton = path.read_text(encoding="utf-8")
    line = skeleton.splitlines().index(next(t for t in skeleton.splitlines() if t.startswith("Write the article"))) + 1
    refused = run([sys.executable, "scripts/build.py", "--quiet"], project, check=False)
    rel = path.relative_to(project).as_posix()
    assert refused.returncode == 1 and refused.stderr.splitlines()[0] == (
        f"{rel}:{line}: still has the text 'make new-article' put in it ('Write the article here, ...'): "
        "replace it with the article"), refused.stderr
    body = skeleton.index("Write the article")
    path.write_text(skeleton[:body] + "The county opened a new bridge.\n", encoding="utf-8")
    # Its front matter's comments would be published with the rest of the file, as its source.
    refused = run([sys.executable, "scripts/build.py", "--quiet"], project, check=False)
    first = next(i for i, t in enumerate(skeleton.splitlines(), 1) if t.startswith("# Optional fields"))
    assert refused.returncode == 1 and refused.stderr.splitlines()[0] == (
        f"{rel}:{first}: still has 21 of the comments 'make new-article' wrote in its front matter, this line the "
        "first: readers see the whole file as the article's source; delete them, keeping the fields you use "
        "without their '# '"), refused.stderr
    path.write_text(without_skeleton_comments(skeleton[:body]) + "The county opened a new bridge.\n", encoding="utf-8")
    run([sys.executable, "scripts/build.py", "--quiet"], project)
    page = (project / "docs" / "articles" / path.parent.name / "index.md").read_text(encoding="utf-8")
    # The source on the article's page: its front matter, as the file holds it, with no comment.
    source = html_lib.unescape(page.split('<pre class="verbatim-text"><code>', 1)[1].split("</code></pre>", 1)[0])
    front_matter = source.split("---\n")[1]
    assert front_matter.startswith("title: ") and "published: 2024-02-29" in front_matter, source
    assert "#" not in front_matter, front_matter
    front = json.loads(page.split("\n---\n", 1)[0].removeprefix("---\n"))
    assert html_lib.unescape(front["title"]) == "A title: with a colon, and an apostrophe's", front
    # Never overwrites: the same title and date give a new folder.
    again = project / make(project, "new-article", "TITLE=A title: with a colon, and an apostrophe's",
                           "DATE=2024-02-29").strip().splitlines()[-1]
    assert again.parent.name == path.parent.name + "-2"
    assert again.read_text(encoding="utf-8") == skeleton


def test_the_skeletons_examples_uncommented_unedited_are_refused(tmp_path):
    """Removing the '# ' in front of the skeleton's optional lines without editing them
    published example.org as the article's source and the skeleton's sentence as its summary
    (and a real outlet's name as its source: the skeleton now describes the source instead)."""
    project = copy_project(tmp_path / "project", with_articles=False)
    path = project / make(project, "new-article", "TITLE=Bridge opened", "DATE=2024-03-01").strip().splitlines()[-1]
    skeleton = path.read_text(encoding="utf-8")
    text = re.sub(r"^# (source_url|original_url|summary|source):", r"\1:", skeleton, flags=re.M)
    text = text[:text.index("Write the article")] + "The county opened a new bridge.\n"
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    rel = path.relative_to(project).as_posix()

    def at(key: str) -> str:
        return f"{rel}:{next(i for i, t in enumerate(lines, 1) if t.startswith(key + ':'))}: {key}: is still the " \
               "example of `make new-article`'s skeleton"
    refused = run([sys.executable, "scripts/build.py", "--quiet"], project, check=False)
    assert refused.returncode == 1, refused.stderr
    said = refused.stderr.splitlines()
    for key in ("source", "source_url", "original_url", "summary"):
        assert any(line.startswith(at(key)) and line.endswith("write this article's own, or put the '# ' back in "
                                                               "front of the line") for line in said), said
    # Edited, they are the article's.
    text = text.replace("https://example.org/page-of-the-article", "https://news.example.cn/bridge.html")
    text = text.replace("The media center that published the article", "Changsha Rong Media Center")
    text = re.sub(r"^(original_url|summary):.*\n", "", text, flags=re.M)
    path.write_text(without_skeleton_comments(text), encoding="utf-8")
    run([sys.executable, "scripts/build.py", "--quiet"], project)


def test_the_skeletons_example_people_and_credits_uncommented_unedited_are_refused(tmp_path):
    """Uncommenting the skeleton's people and credits published an example official, 'Wang Lei
    (deputy head of the County; presiding)', who joined the page of a real reporter Wang Lei."""
    project = copy_project(tmp_path / "project", with_articles=False)
    path = project / make(project, "new-article", "TITLE=Bridge opened", "DATE=2024-03-01").strip().splitlines()[-1]
    skeleton = path.read_text(encoding="utf-8")
    start, end = skeleton.index("# credits:"), skeleton.index("# annotations:")
    text = skeleton[:start] + re.sub(r"^# ", "", skeleton[start:end], flags=re.M) + skeleton[end:]
    text = text[:text.index("Write the article")] + "The county opened a new bridge.\n"
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    rel = path.relative_to(project).as_posix()
    refused = run([sys.executable, "scripts/build.py", "--quiet"], project, check=False)
    assert refused.returncode == 1, refused.stderr
    assert refused.stderr.splitlines()[:-1] == [
        f"{rel}:{lines.index('credits:') + 1}: credits: are still the example of `make new-article`'s skeleton "
        "(Wang Lei, Chen Jing): write this article's own, or put the '# ' back in front of its lines",
        f"{rel}:{lines.index('  - name: Wang Lei') + 1}: people[0]: is still the example of `make new-article`'s "
        "skeleton (Wang Lei, deputy head of the County, presiding): write the people this article names, or put "
        "the '# ' back in front of its lines"], refused.stderr
    # A Wang Lei of the article's own, and its own credits, are the article's.
    text = text.replace("[deputy head of the County]", "[head of the County]").replace("[Chen Jing]", "[Li Yi]")
    path.write_text(without_skeleton_comments(text), encoding="utf-8")
    run([sys.executable, "scripts/build.py", "--quiet"], project)


def test_a_file_name_with_spaces_and_brackets_is_ingested_as_the_guide_says(tmp_path):
    """The guide's `make ingest FILE='"Downloads/news article (1).txt"'` stopped on a shell
    syntax error: the Makefile's check that FILE is given put the name, brackets and all,
    inside a shell command of its own."""
    project = copy_project(tmp_path / "project", with_articles=False)
    raw = tmp_path / "Downloads" / "news article (1).txt"
    raw.parent.mkdir()
    raw.write_text(RAW_ARTICLE, encoding="utf-8")
    out = make(project, "ingest", f'FILE="{raw}"')
    assert re.search(r"archived as archive/articles/2023-06-02-changsha-county-[a-z0-9-]+/", out), out


def test_a_name_with_spaces_typed_without_quotes_to_make_gets_the_fix(tmp_path):
    """`make ingest FILE=../inbox/changsha flood.txt` said "../inbox/changsha: no such file"
    and nothing more: make took "flood.txt" for a goal of its own, which ingest never saw.
    Now make hands its other goals over, and ingest names the file and the quotes it needs."""
    project = copy_project(tmp_path / "project", with_articles=False)

    def refused(*typed: str) -> str:
        """What `make ingest <typed>` said, having failed and archived nothing."""
        result = run(["make", "--no-print-directory", f"VENV={VENV}", "-o", f"{VENV}/.installed", "-o",
                      f"{VENV}/.installed-runtime", "ingest", *typed], project, check=False)
        assert result.returncode != 0, result.stdout
        articles = project / "archive" / "articles"
        assert not articles.exists() or not any(articles.iterdir())
        return result.stderr

    raw = tmp_path / "inbox" / "changsha flood.txt"
    raw.parent.mkdir()
    raw.write_text(RAW_ARTICLE, encoding="utf-8")
    said = refused("FILE=../inbox/changsha", "flood.txt")
    assert ("ingest: FILE=../inbox/changsha flood.txt: '../inbox/changsha flood.txt' is one file, whose name has "
            "spaces: put it in quotes, FILE='\"../inbox/changsha flood.txt\"'") in said, said
    # Two names without quotes, both files: the second was left to make, which said only
    # "Nothing to be done for 'b.txt'" once the first was archived.
    for name, day in (("a.txt", "2023-06-03"), ("b.txt", "2023-06-04")):
        (project / name).write_text(RAW_ARTICLE.replace("2023-06-02", day), encoding="utf-8")
    said = refused("FILE=a.txt", "b.txt")
    assert ("ingest: FILE=a.txt b.txt: make took b.txt for a goal of its own, not a file to ingest: put all the names "
            "in quotes, FILE='a.txt b.txt'; nothing was archived") in said, said


def test_file_names_and_titles_are_data_for_make_never_commands(tmp_path):
    """A downloaded file's name with `...` in it, quoted as the guide says, ran the command
    between the backquotes; a title pasted from an article with $(shell ...) in it ran that
    (make expanded it); a '$5' in a title vanished. Several files and a pattern still work."""
    project = copy_project(tmp_path / "project", with_articles=False)
    folder = tmp_path / "Downloads"
    folder.mkdir()
    odd = folder / "news (1) `touch RAN-1` $(touch RAN-2) $(shell touch RAN-3).txt"
    odd.write_text(RAW_ARTICLE, encoding="utf-8")
    other = folder / "second.txt"
    other.write_text(RAW_ARTICLE.replace("2023-06-02", "2023-06-03"), encoding="utf-8")
    out = make(project, "ingest", f'FILE="{odd}" {folder}/sec*.txt')
    assert out.count("archived as archive/articles/2023-06-0") == 2, out
    out = make(project, "new-article", "TITLE=A $5 plan, $(shell touch RAN-4) and `touch RAN-5` it's", "DATE=2024-01-10")
    path = project / out.strip().splitlines()[-1]
    assert "title: A $5 plan, $(shell touch RAN-4) and `touch RAN-5` it's" in path.read_text(encoding="utf-8")
    ran = [p.name for root in (project, tmp_path, folder) for p in root.iterdir() if p.name.startswith("RAN-")]
    assert ran == [], "a command in a file name or a title was run"


def test_a_newline_in_a_title_or_a_file_name_stays_in_the_value(tmp_path):
    """A newline in TITLE or FILE split make's recipe in two: the second line was run as a
    command of its own (by `make -i`, or after the first succeeded). Now the value, newline
    and all, reaches the script, which refuses the title and reads the names."""
    project = copy_project(tmp_path / "project", with_articles=False)
    refused = run(["make", "--no-print-directory", f"VENV={VENV}", "-o", f"{VENV}/.installed", "-o", f"{VENV}/.installed-runtime", "-i", "new-article",
                   "TITLE=Two\ntouch RAN-1", "DATE=2024-01-10"], project, check=False)
    assert "new-article: the title must be one line" in refused.stderr, refused.stderr
    raw = tmp_path / "first.txt"
    raw.write_text(RAW_ARTICLE, encoding="utf-8")
    out = make(project, "ingest", f"FILE={raw}\n")
    assert "archived as archive/articles/2023-06-02-changsha-county-" in out, out
    refused = run(["make", "--no-print-directory", f"VENV={VENV}", "-o", f"{VENV}/.installed", "-o", f"{VENV}/.installed-runtime", "-i", "ingest",
                   f"FILE={raw}\ntouch RAN-2"], project, check=False)
    assert "touch: no such file" in refused.stderr, refused.stderr
    assert [p.name for p in project.iterdir() if p.name.startswith("RAN-")] == []


def test_file_text_is_read_as_a_shell_would_read_names_without_running_anything(tmp_path, monkeypatch):
    """What `make ingest FILE=...` hands over: quotes keep a name with spaces whole, a pattern
    is expanded, ~ is the home folder, and `...` or $(...) are part of a name."""
    from lgnews.ingest import make_files

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in ("a.txt", "b.txt", "news (1).txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert make_files("'news (1).txt' *.txt ~/Downloads/c.txt `x` $(y) '~/d.txt' \"\"") == [
        Path("news (1).txt"), Path("a.txt"), Path("b.txt"), Path("news (1).txt"),
        tmp_path / "home" / "Downloads" / "c.txt", Path("`x`"), Path("$(y)"), Path("~/d.txt")]
    monkeypatch.setenv("HOME", str(tmp_path / "my home"))
    assert make_files("~/c.txt") == [tmp_path / "my home" / "c.txt"]
    with pytest.raises(ValueError):
        make_files("'news (1).txt")


def test_a_title_that_begins_with_a_dash_is_a_title_not_an_option(tmp_path):
    """`make new-article TITLE=-Breaking`: a title of one word after a dash was read as an
    option, and the editor got argparse's usage message instead of an article."""
    project = copy_project(tmp_path / "project", with_articles=False)
    out = make(project, "new-article", "TITLE=-Breaking", "DATE=2024-01-10")
    path = project / out.strip().splitlines()[-1]
    assert path.parent.name == "2024-01-10-breaking"
    assert "title: -Breaking" in path.read_text(encoding="utf-8").splitlines()


# --------------------------------------------------------------------------- the glossary term


def test_new_term_has_its_page_listing_both_articles(edited, raw_id):
    page = html(edited, f"glossary/{TERM_SLUG}")
    assert "main flood season" in page and "主汛期" in page and "zhǔ xùnqī" in page
    assert f"articles/{raw_id}/" in page
    assert f"articles/{MD_ID}/" in page
    assert f'href="{TERM_SLUG}/"' in html(edited, "glossary")


def test_new_term_is_linked_and_explained_in_the_articles(edited, raw_id):
    raw = html(edited, f"articles/{raw_id}")
    assert re.search(rf'<span id="term-{TERM_SLUG}"><a class="term" href="../../glossary/{TERM_SLUG}/" '
                     r'title="The part of the year when floods are most likely[^"]*">main flood season</a>',
                     raw), "the raw article does not link the new term"
    md = html(edited, f"articles/{MD_ID}")
    assert re.search(rf'<p id="p1">[^<]*<span id="term-{TERM_SLUG}"><a class="term" href="../../glossary/{TERM_SLUG}/" '
                     r'title="The part of the year when floods are most likely[^"]*">main flood season</a>',
                     md), "the Markdown article does not link the new term's first use"


def test_a_markdown_article_is_read_like_an_ingested_one(edited):
    """Its terms are found however they are written, its notes are marked, its blocks are
    numbered, its links to the site's pages lead there, and HTML in it stays text. (It used
    to go to MkDocs as Markdown: only exact-case terms got a tooltip, no first use was linked,
    the notes list linked to markers that did not exist, and raw HTML was passed through.)"""
    md = html(edited, f"articles/{MD_ID}")
    edition = md[md.index('<div class="reading-edition"'):md.index('<ol class="annotations">')]
    assert re.search(r'<ul id="p3">.*<abbr title="The part of the year[^"]*">Main Flood Seasons</abbr>', edition, re.S)
    assert re.search(r'<span class="annotated" id="noteref-1">keep the bottom line</span><sup class="note-marker">'
                     r'<a href="#note-1"', edition)
    assert 'id="note-1"' in md and 'href="#noteref-1"' in md
    assert '<a href="../../glossary/power-list/">the <abbr' in edition and '<a href="../../data/">data</a>' in edition
    assert "&#60;b&#62;Not bold&#60;/b&#62;" in edition and "<b>" not in edition
    assert '<img alt="Map of the county" src="../../images/map.svg">' in edition
    # The article's own heading comes under the page's "Reading edition" (h2), numbered.
    assert '<h3 id="p4">Timetable</h3>' in edition and "<h1" not in edition
    # And the table of contents lists its headings under "Reading edition", by level.
    toc = md[md.index('data-md-component="toc"'):]
    toc = toc[:toc.index("</nav>\n</div>")]
    assert re.search(r'href="#reading-edition".*?href="#p4"[^>]*>\s*<span[^>]*>\s*Timetable\s*</span>'
                     r'.*?<nav class="md-nav" aria-label="Timetable">.*?href="#p6"[^>]*>\s*<span[^>]*>\s*'
                     r'Duty officers &amp; &#60;b&#62;towns&#60;/b&#62;\s*</span>.*?href="#editors-notes"', toc, re.S), toc
    assert (edited / "site" / "images" / "map.svg").is_file()
    record = next(a for a in json.loads((edited / "site" / "data" / "articles.json").read_text(encoding="utf-8"))
                  if a["id"] == MD_ID)
    assert record["paragraphs"][2] == ("During the Main Flood Seasons, towns must keep the bottom line. <b>Not bold</b> "
                                       "The plan follows the power list and the data.")


# --------------------------------------------------------------------------- the free page


def test_free_pages_are_where_the_guide_says_in_the_navigation(edited):
    """Home, the archive's sections, the editors' pages by file name, then a folder's pages in
    a section named after it. A folder of one page used to be taken for one of the archive's
    sections and listed among them, as a plain link."""
    home = html(edited, "")
    nav = home[home.find("md-nav--primary"):home.find("md-sidebar--secondary")]
    names = [" ".join(n.split()) for n in re.findall(r'<span class="md-ellipsis">\s*([^<]*?)\s*</span>', nav)]
    top = [n for n in names if n not in ("Latest articles", "Terms to know", "On the timeline", "Reuse",
                                        "Behind the archive")]
    assert top == ["Home", "Home", "Articles", "Glossary", "Organizations", "People", "Tags", "Timeline",
                   "About the project", "Data", "Guides", "Our sources"], top
    guides = nav[nav.index("Guides"):]
    assert "md-nav__icon" in guides[:200], "Guides is a section (with its toggle), not a plain link"


def test_free_page_is_built_and_in_the_navigation(edited):
    page = html(edited, "about-the-project")
    assert "About the project" in page and "Who edits the archive" in page
    assert 'href="../glossary/"' in page
    assert "about-the-project/" in nav_links(html(edited, ""))
    assert "../../about-the-project/" in nav_links(html(edited, f"articles/{MD_ID}"))
    # Nothing generated was edited to get there.
    assert not (edited / "docs" / "about-the-project.md").read_text(encoding="utf-8").count("Generated by")
