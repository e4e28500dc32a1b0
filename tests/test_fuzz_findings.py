"""Defects found by feeding the generator and ingest what an editor or a scraper could
produce (odd YAML values, links written the other Markdown way, symbolic links, very long
names): each case failed before its fix, with a traceback or with hostile text published."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SEED_ID, run
from .test_errors import build_fails, edit, line_of

SEED_META = f"archive/articles/{SEED_ID}/meta.yml"


def add_term(project: Path, entry: str) -> None:
    path = project / "archive" / "glossary.yml"
    path.write_text(path.read_text(encoding="utf-8") + "\n" + entry, encoding="utf-8")


@pytest.mark.parametrize("name", ["glossary.yml", "events.yml"])
def test_a_reference_link_that_runs_code_is_refused_in_a_definition_or_a_description(proj, name):
    """``[the notice][1]`` with ``[1]: javascript:alert(1)`` below it has neither '](' nor
    '<': its definition was not checked, and the term's page had a live javascript: link."""
    text = "See [the notice][1].\n\n    [1]: javascript:alert(1)\n"
    if name == "glossary.yml":
        add_term(proj, "- term: \"test term\"\n  definition: |\n    " + text
                 + "  category: other\n  confidence: low\n")
    else:
        path = proj / "archive" / "events.yml"
        path.write_text(path.read_text(encoding="utf-8") + "\n- id: \"test-event\"\n  date: \"2020\"\n  title: t\n"
                        "  description: |\n    " + text, encoding="utf-8")
    line = line_of(proj, f"archive/{name}", r"\[1\]: javascript")
    assert build_fails(proj) == [
        f"archive/{name}:{line}: the link to 'javascript:alert(1)' is not allowed: a link in the archive leads to a "
        "web page (https://...), an e-mail address (mailto:...) or a page of this site"]


@pytest.mark.parametrize("slug, message", [
    ("2012", None),
    ("[a, b]", "[{i}].slug: ['a', 'b'] is not a slug; use lowercase letters, digits and hyphens"),
    ("{a: b}", "[{i}].slug: {'a': 'b'} is not a slug; use lowercase letters, digits and hyphens"),
])
def test_a_slug_yaml_reads_as_a_number_or_a_list_gives_no_traceback(proj, slug, message):
    """``slug: 2012`` (YAML reads a number) stopped the build with a TypeError, and a list an
    unhashable one: the number is the address it looks like, the list is said."""
    add_term(proj, f"- term: \"test term\"\n  slug: {slug}\n  definition: \"A test.\"\n  category: other\n"
                   "  confidence: low\n")
    if message is None:
        run([sys.executable, "scripts/build.py", "--quiet"], proj)
        assert (proj / "docs" / "glossary" / "2012" / "index.md").is_file()
    else:
        line = line_of(proj, "archive/glossary.yml", r"^  slug: ")
        index = (proj / "archive" / "glossary.yml").read_text(encoding="utf-8").count("\n- term:") - 1  # the last
        assert build_fails(proj) == [f"archive/glossary.yml:{line}: " + message.replace("{i}", str(index))]


@pytest.mark.parametrize("encoding", ["undefined", "idna", "unicode_escape", "rot13", "utf-16", "mac-roman"])
def test_an_encoding_line_naming_a_codec_no_article_comes_in_is_one_line(proj, encoding):
    """Python's 'undefined' codec raises UnicodeError, not UnicodeDecodeError: 'encoding:
    undefined' in meta.yml stopped the build with a traceback. 'idna' and 'unicode_escape'
    read the seed's bytes, and its page told readers to open the file as IDNA; 'utf-16' was
    blamed on source.txt ("no date header") (a hostile-input review)."""
    edit(proj, SEED_META, "encoding: utf-8", f"encoding: {encoding}")
    assert build_fails(proj) == [
        f"archive/articles/{SEED_ID}/source.txt: {encoding!r}, the encoding its meta.yml records, is none that "
        "ingest finds (UTF-8, GB18030, Big5, CP1252, Latin-1): correct or remove the 'encoding:' line"]


def test_a_symbolic_link_that_leads_to_itself_is_one_line(proj):
    """meta.yml replaced by a link to itself: listing the archive (for the fingerprint of the
    inputs) stopped on it with a traceback, before the loader could name it."""
    meta = proj / SEED_META
    meta.unlink()
    meta.symlink_to("meta.yml")
    assert build_fails(proj) == [f"{SEED_META}: is a symbolic link, not a file: the archive keeps its files themselves "
                                 "(git would keep only the link): put the file itself in its place"]


@pytest.mark.parametrize("name", ["source.txt", "meta.yml", "../../glossary.yml"])
def test_a_symbolic_link_in_the_archive_is_refused_not_followed(proj, tmp_path, name):
    """A source.txt that was a link to a file outside the repository was followed: what the
    link led to was published (and git kept only the link)."""
    path = (proj / "archive" / "articles" / SEED_ID / name).resolve()
    outside = tmp_path / "elsewhere"
    outside.write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(outside)
    rel = path.relative_to(proj).as_posix()
    assert build_fails(proj) == [f"{rel}: is a symbolic link, not a file: the archive keeps its files themselves "
                                 "(git would keep only the link): put the file itself in its place"]


def test_an_article_folder_that_is_a_symbolic_link_is_refused_not_followed(proj, tmp_path):
    """A link in articles/ to an article's folder elsewhere was followed (O_NOFOLLOW covers
    the last part of a path only): the folder outside the repository was published."""
    folder = proj / "archive" / "articles" / SEED_ID
    outside = tmp_path / "elsewhere"
    shutil.copytree(folder, outside)
    shutil.rmtree(folder)
    folder.symlink_to(outside)
    assert build_fails(proj) == [f"archive/articles/{SEED_ID}: is a symbolic link to a folder, not a folder: the "
                                 "archive keeps its articles themselves (git would keep only the link): move the "
                                 "folder itself here, or delete the link if it is left from a move"]


@pytest.mark.parametrize("leads_to", ["a file", "nowhere"])
def test_a_link_in_articles_that_leads_to_no_folder_is_told_to_go(proj, tmp_path, leads_to):
    """A link to a file, or a broken one, was told to 'move the folder itself here'; a broken
    one added after a build was not seen at all (the archive's listing skipped it)."""
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    target = tmp_path / "notes.txt"
    if leads_to == "a file":
        target.write_text("x", encoding="utf-8")
    (proj / "archive" / "articles" / "2023-01-02-notes").symlink_to(target)
    assert build_fails(proj) == ["archive/articles/2023-01-02-notes: is a symbolic link, which leads to no folder: "
                                 "articles/ holds one folder per article: delete the link"]


@pytest.mark.parametrize("name", ["archive", "archive/articles"])
def test_an_archive_that_is_a_symbolic_link_is_refused(proj, tmp_path, name):
    """archive/ or archive/articles/ as a link to a folder elsewhere built, though git keeps
    only the link: the published site would have had none of its articles."""
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    outside = tmp_path / "elsewhere"
    shutil.copytree(proj / name, outside, copy_function=shutil.copy2)
    shutil.rmtree(proj / name)
    (proj / name).symlink_to(outside)
    assert build_fails(proj) == [f"{name}: is a symbolic link to a folder, not a folder: the archive keeps its "
                                 "articles themselves (git would keep only the link): move the folder itself here, "
                                 "or delete the link if it is left from a move"]


def test_a_symbolic_link_to_a_folder_above_is_not_listed_again_and_again(proj):
    """A link in an article's folder to archive/articles/ (a shortcut an editor made) was
    followed into itself until the system refused, with a traceback."""
    (proj / "archive" / "articles" / SEED_ID / "all").symlink_to("..")
    result = run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert result.stderr.startswith(f"warning: archive/articles/{SEED_ID}/all/ is not part of the article"), \
        result.stderr


def test_a_very_long_glossary_term_is_found_without_running_out_of_stack(proj):
    """The matcher's pattern was built by one call per character of a phrase: a term (or an
    alias, an event's alias, an organization's name) of about a thousand characters, a
    paragraph pasted by mistake, stopped the build with a RecursionError."""
    term = "work safety " + "and more words " * 100
    add_term(proj, f"- term: \"{term.strip()}\"\n  definition: \"A test.\"\n  category: other\n  confidence: low\n")
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert (proj / "docs" / "glossary").is_dir()


def test_the_matcher_pattern_is_the_same_as_one_call_per_character():
    """The loop over a run of characters builds the pattern the recursion built (and the
    cache of scanned articles depends on it)."""
    from lgnews.model import PhraseMatcher

    matcher = PhraseMatcher({"a b": 1, "a": 2, "ab c": 3, "abc": 4, "x-y z": 5, "“q”": 6})
    assert matcher.regex.pattern == (
        r"""(?<![\w·])(?:(?:a(?:(?:(?=["“”‘’']*[\s\-])[\s"“”‘’'\-]*+b|b(?:(?=["“”‘’']*[\s\-])[\s"“”‘’'\-]*+c|c)))?|q|"""
        r"""x(?=["“”‘’']*[\s\-])[\s"“”‘’'\-]*+y(?=["“”‘’']*[\s\-])[\s"“”‘’'\-]*+z))(?:e?s)?(?![\w·])""")
    assert [(s, e, t) for s, e, t in matcher.find("An ab c, then x-y z.")] == [(3, 7, 3), (14, 19, 5)]


@pytest.mark.parametrize("separator", ["\u2028", "\x85"])
def test_a_line_separator_in_a_value_does_not_hide_the_values_below_it(proj, separator):
    """YAML ends a line at U+2028 (a line separator, in text copied from a web page) and
    U+0085 as well as at a newline, and the checks of a value's first characters and of a
    comment after it looked YAML's line number up among the file's newline-separated lines:
    past the end of the file (a traceback), or at another line (the comment went unsaid)."""
    edit(proj, SEED_META, "title: Louxing District held the 2022 Work safety retreat Meeting",
         f"title: \"Louxing{separator}{separator}District held the 2022 Work safety retreat Meeting\"")
    meta = proj / SEED_META
    text = meta.read_text(encoding="utf-8")
    meta.write_text(text + "summary: &x Plan\n", encoding="utf-8")
    [line] = build_fails(proj)
    assert line.endswith("the value '&x Plan' starts with '&', which YAML does not read as text (it kept 'Plan'): "
                         "put the whole value in quotes: '&x Plan'"), line
    meta.write_text(text + "summary: Plan #2 for the flood season\n", encoding="utf-8")
    [line] = build_fails(proj)
    assert "the value 'Plan' is followed by ' #'" in line, line


@pytest.mark.parametrize("body", ["", "\n   \n\n"])
def test_an_article_md_without_text_is_not_published_empty(proj, body):
    """The skeleton's paragraphs deleted, the article not written yet: the build published
    an article with an empty reading edition, without a word (the skeleton's own text is
    refused, so that an article is never published by mistake)."""
    folder = proj / "archive" / "articles" / "2023-06-05-a-written-article"
    folder.mkdir()
    (folder / "article.md").write_text("---\ntitle: A written article\npublished: 2023-06-05\n---\n" + body,
                                       encoding="utf-8")
    assert build_fails(proj) == [
        "archive/articles/2023-06-05-a-written-article/article.md:4: has no text after its front matter: write the "
        "article below the second '---' line"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("where, folder", [
    (SEED_META, "archive/"),
    ("archive/glossary.yml", "archive/"),
    ("docs/images/map.png", "docs/"),
])
def test_a_named_pipe_in_place_of_a_file_is_one_line_not_a_build_that_waits_for_ever(proj, where, folder):
    """A named pipe where meta.yml, glossary.yml or an editor's image should be: reading it
    waited for a writer that never came, and the build never ended (MkDocs, copying one from
    docs/, would too)."""
    path = proj / where
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    message = (f"{where}: is not a regular file but a special one (a named pipe, a device), which the build would "
               "wait on for ever: put the file itself in its place")
    if folder == "archive/":
        assert build_fails(proj, timeout=60) == [message]
    else:
        result = run([sys.executable, "scripts/build.py"], proj, check=False, timeout=60)
        assert (result.returncode, result.stderr) == (1, f"{message}\nbuild: 1 problem(s) in docs/; nothing was written\n")


@pytest.mark.parametrize("separator", ["\u2028", "\x85"])
@pytest.mark.parametrize("slip, where", [
    ("summary: &x Plan\n", "^summary: &x Plan"),  # the checks of values YAML reads otherwise
    ("source: Another Media Center\n", "^source: Another"),  # a key written twice
    ("just some words\n", "^just some words"),  # invalid YAML
    (None, "^event_date: "),  # the check of a field, which looks its line up by key
])
def test_errors_below_a_line_separator_give_the_line_a_text_editor_shows(proj, separator, slip, where):
    """YAML counts U+2028 and U+0085 as line ends, a text editor does not: an error below a
    title pasted with one pointed one line further down the file for each, so the editor
    looked at the wrong line."""
    edit(proj, SEED_META, "title: Louxing District held the 2022 Work safety retreat Meeting",
         f"title: \"Louxing{separator}{separator}District held the 2022 Work safety retreat Meeting\"")
    meta = proj / SEED_META
    if slip is None:
        edit(proj, SEED_META, "event_date: 2022-02-11", "event_date: 2022-02-30")
    else:
        meta.write_text(meta.read_text(encoding="utf-8") + slip, encoding="utf-8")
    lines = meta.read_text(encoding="utf-8").split("\n")  # as a text editor numbers them
    line = next(n for n, text in enumerate(lines, start=1) if re.search(where, text))
    [error] = build_fails(proj)
    assert error.startswith(f"{SEED_META}:{line}: "), error
    if slip and slip.startswith("source:"):
        first = next(n for n, text in enumerate(lines, start=1) if text.startswith("source: Louxing"))
        assert f"'source' is written twice (first on line {first})" in error, error


@pytest.mark.parametrize(("text", "said"), [
    # Where the bracket opened, not where YAML gave up: its advice there was wrong (a review:
    # "put the whole value in quotes: '>-'" for the next setting's '>-').
    ("site_name: [Archive\n", "mkdocs.yml:1: invalid YAML: the '[' opened on this line is never closed: end it "
     "with ']', or put the whole value in quotation marks if the bracket is part of it"),
    ("site_name: [Chinese Local News\nsite_description: >-\n  An archive.\n",
     "mkdocs.yml:1: invalid YAML: the '[' opened on this line is never closed"),
    ("theme:\n  palette: {scheme: slate\n  name: material\n", "mkdocs.yml:2: invalid YAML: the '{' opened"),
    ("- a list\n", "mkdocs.yml: not a mapping of settings"),
    # A Chinese keyboard's colon, said as in the archive's files (where YAML gives up, a line on).
    ("site_name：Chinese Local News\nsite_url: https://a.org/\n", "mkdocs.yml:1: invalid YAML: the colon after "
     "'site_name' is the full-width '：' of a Chinese input method: write ':' and a space ('site_name: ...')"),
    # With what to do, as for the archive's files.
    ("site_name: Local News: in English\n", "mkdocs.yml:1: invalid YAML: mapping values are not allowed here; the "
     "value holds ': ', which YAML reads as the start of another field: put the whole value in quotes: site_name: "
     "'Local News: in English'"),
    # Not on a line whose value is a tag: quoted whole, '!ENV [...]' would be text.
    ('site_url: !ENV [SITE_URL, "https://a.org/"] x: y\n', "mkdocs.yml:1: invalid YAML: expected <block end>, but "
     "found '<scalar>'; check the brackets and the indentation"),
    # PyYAML's ValueError and RecursionError, not YAML errors: tracebacks (a review of session 32).
    ("site_name: News\nextra:\n  updated: 2022-02-30\n", "mkdocs.yml:3: invalid YAML: '2022-02-30' is not a date "
     "that exists: correct it, or put it in quotation marks to keep it as it is written"),
    ("site_name: News\nextra:\n  - !!float abc\n", "mkdocs.yml:3: invalid YAML: '!!float abc' is not what its "
     "'!!float' says"),
    # The value YAML could not make, not a line that looks like one: a date in a text above
    # it, a date inside a list on one line (a review of the change).
    ("site_name: News\nextra:\n  note: |\n    2022-02-30 was no day\n  updated: 2022-02-30\n",
     "mkdocs.yml:5: invalid YAML: '2022-02-30' is not a date that exists"),
    ("site_name: News\nextra:\n  dates: [2022-01-01, 2022-02-30]\n",
     "mkdocs.yml:3: invalid YAML: '2022-02-30' is not a date that exists"),
    # An !ENV without names: a traceback, then a message without its line.
    ("site_name: News\nsite_url: !ENV []\n", "mkdocs.yml:2: invalid YAML: !ENV takes a variable's name, or a list "
     "of names and a default value last"),
    ("site_name: News\nsite_url: !ENV [[SITE_URL], 'https://a.org/']\n", "mkdocs.yml:2: invalid YAML: !ENV takes"),
    ("nav:\n" + "  " * 3 + "[" * 5000 + "]" * 5000 + "\n", "mkdocs.yml: invalid YAML: lists or settings are nested "
     "hundreds of levels deep"),
])
def test_a_broken_mkdocs_yml_is_one_line(proj, text, said):
    """A slip in mkdocs.yml stopped the generator (every make target) with a traceback."""
    (proj / "mkdocs.yml").write_text(text, encoding="utf-8")
    result = run([sys.executable, "scripts/build.py"], proj, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith(said) and len(result.stderr.splitlines()) == 1, result.stderr


def test_the_build_run_outside_the_project_says_where_it_looked_and_what_to_do(tmp_path):
    """Run from another folder (or with a wrong --root), the build said only 'mkdocs.yml:
    cannot be read (No such file or directory)', without the folder it looked in."""
    elsewhere = tmp_path / "not-the-project"
    elsewhere.mkdir()
    result = run([sys.executable, str(ROOT / "scripts" / "build.py")], elsewhere, check=False)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"mkdocs.yml: not found in {elsewhere}: run this in the project's folder (the one that holds mkdocs.yml and "
        "archive/), or name that folder with --root"]
