"""Invisible characters from a scraped file or an editor's paste: controls of the direction of
text (an unclosed right-to-left override turned the date and source printed after a title
around, on every list), control characters (raw in <title>, the lists, the cite line), and
escape sequences in an error line (obeyed by the editor's terminal). They never reach a page
or a message as themselves: the derived text drops them, the verbatim source shows them as
symbols, and a message writes them as escapes."""

from __future__ import annotations

import re
import sys

import pytest

from lgnews.errors import ArchiveError, one_line
from lgnews.parse import parse_article, without_controls
from lgnews.render import esc_block

from .conftest import SEED_ID, run

RLO, PDI, ESC = "\u202e", "\u2069", "\x1b"
RAW = (f"Louxing held a {RLO}safety meeting\n2023-01-03 0 By\n\n"
       f"On January 2, the {ESC}[31mmeeting\x01 was held in Louxing{RLO}.\n"
       "(Li Yi) Source: Louxing Rong Media Center\n")
UNSEEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_the_parsed_text_has_no_invisible_controls():
    parsed = parse_article(RAW)
    assert parsed.title == "Louxing held a safety meeting"
    assert not any(UNSEEN.search(p) for p in parsed.paragraphs), parsed.paragraphs
    assert "the [31mmeeting was held in Louxing." in parsed.paragraphs[0]


def test_what_editors_write_loses_them_and_keeps_its_line_ends():
    assert without_controls(f"Louxing{RLO} \x01meeting{PDI}\nsecond\tline") == "Louxing meeting\nsecond\tline"
    assert without_controls("人民至上 “people first”") == "人民至上 “people first”"


@pytest.mark.parametrize(("title", "paragraph", "name"), [
    ("Louxing\u200b meeting\ufeff held", "On January 2, Li\u2060 Yi and Wang\u200d Qian met in Lou\u200bxing.",
     "Li\u200b Yi\u200c"),
    # A scraped page's soft hyphens (U+00AD, &shy;) inside a word hid a glossary term from the
    # reading edition ('District Safety Com\xadmittee' was not linked).
    ("Louxing meet\u00ading held", "On January 2, Li Yi\u00ad chaired the District Safety Com\u00admittee.",
     "Li Yi\u00ad"),
])
def test_zero_width_characters_are_dropped_from_what_is_derived_and_written(title, paragraph, name):
    """A zero-width space or a byte-order mark inside a title or a name made a second
    'Louxing meeting' or 'Li Yi' that looked the same, and a title of them alone showed an
    empty heading."""
    parsed = parse_article(f"{title}\n2023-01-03 0 By\n\n{paragraph}\n")
    invisible = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
    assert parsed.title == invisible.sub("", title) and "  " not in parsed.title
    assert parsed.paragraphs[0] == invisible.sub("", paragraph)
    assert without_controls(name) == "Li Yi"


def test_every_format_character_is_dropped_from_what_is_derived_and_written():
    """A right-to-left mark (U+200F) after a source's name made a second body of that name
    that looked the same, and a title of it and a zero-width space alone was accepted, an
    empty heading: the lists left out the marks of direction, the tag characters and other
    characters of category Cf (a fuzzing review). All of them are dropped."""
    import unicodedata

    from lgnews.chars import BIDI, FORMAT, ZERO_WIDTH

    listed = re.compile(f"[{BIDI}{ZERO_WIDTH}{FORMAT}]")
    cf = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"]
    assert [f"U+{ord(c):04X}" for c in cf if not listed.match(c)] == []
    marks = "".join(cf)
    parsed = parse_article(f"Louxing{marks} meeting\n2023-01-03 0 By\n\nOn January 2, Li Yi{marks} spoke.\n"
                           f"(Li Yi) Source: Louxing Rong Media Center\u200f\n")
    assert (parsed.title, parsed.paragraphs, parsed.source) == (
        "Louxing meeting", ["On January 2, Li Yi spoke."], "Louxing Rong Media Center")
    assert without_controls(f"Li{marks} Yi") == "Li Yi"


def test_a_title_of_zero_width_characters_alone_is_empty(project):
    meta = project / "archive" / "articles" / SEED_ID / "meta.yml"
    text = meta.read_text(encoding="utf-8")
    meta.write_text(re.sub(r"^title: .*$", lambda _: 'title: "\\u200b \\ufeff"', text, count=1, flags=re.M), encoding="utf-8")
    result = run([sys.executable, "scripts/build.py"], project, check=False)
    assert result.returncode == 1
    assert f"archive/articles/{SEED_ID}/meta.yml:5: title: is empty; write some text" in result.stderr


def test_the_verbatim_source_shows_them_as_symbols():
    shown = esc_block(f"a{ESC}b{RLO}c\x7f")
    assert UNSEEN.search(shown) is None
    assert shown == ('a<span class="control" title="U+001B, an invisible character">␛</span>b'
                     '<span class="control" title="U+202E, an invisible character">⟨U+202E⟩</span>c'
                     '<span class="control" title="U+007F, an invisible character">␡</span>')


def test_a_message_is_one_line_a_terminal_shows_as_it_is():
    error = ArchiveError(f"docs/tags/odd\nname{ESC}[2J.md", f"the link to 'javascript:{ESC}]0;TITLE\x07' {RLO}is")
    assert str(error) == "docs/tags/odd\\nname\\x1b[2J.md: the link to 'javascript:\\x1b]0;TITLE\\x07' \\u202eis"
    assert one_line("安全生产 “three principles”\tok") == "安全生产 “three principles”\tok"


def test_an_ingested_article_and_an_editors_title_reach_the_pages_without_them(project, tmp_path):
    raw = tmp_path / "raw.txt"
    raw.write_text(RAW, encoding="utf-8")
    out = run([sys.executable, "scripts/ingest.py", str(raw)], project).stdout
    article_id = re.search(r"archived as archive/articles/([^/]+)/", out)[1]
    meta = project / "archive" / "articles" / SEED_ID / "meta.yml"
    text = meta.read_text(encoding="utf-8")
    title = f'title: "Louxing \\x01held {RLO}a meeting"'  # YAML's \x01 is the control character
    meta.write_text(re.sub(r"^title: .*$", lambda _: title, text, count=1, flags=re.M), encoding="utf-8")
    run([sys.executable, "scripts/build.py", "--quiet"], project)
    docs = project / "docs"
    page = (docs / "articles" / article_id / "index.md").read_text(encoding="utf-8")
    verbatim = page[page.index('<pre class="verbatim-text">'):]
    assert UNSEEN.search(page) is None
    assert "Louxing held a safety meeting" in page[:page.index('<pre class="verbatim-text">')]
    assert 'title="U+202E, an invisible character">⟨U+202E⟩</span>safety meeting' in verbatim
    assert '<span class="control" title="U+001B, an invisible character">␛</span>&#91;31mmeeting' in verbatim
    seed = (docs / "articles" / SEED_ID / "index.md").read_text(encoding="utf-8")
    assert UNSEEN.search(seed) is None
    assert '"title":"Louxing held a meeting"' in seed.split("\n---", 1)[0].replace(": ", ":")
    for listing in [docs / "articles" / "index.md", *(docs / "timeline").rglob("*.md"), docs / "feed.xml",
                    docs / "feed.json", docs / "data" / "articles.json"]:
        assert UNSEEN.search(listing.read_text(encoding="utf-8")) is None, listing


def test_a_warning_about_a_file_is_one_line_a_terminal_shows_as_it_is(project):
    """Warnings printed by the generator went out as written: a file saved in an article's
    folder under a name with a line end and an escape sequence split the warning in two and
    coloured the editor's terminal."""
    (project / "archive" / "articles" / SEED_ID / f"notes\n{ESC}[31mred.txt").write_text("x", encoding="utf-8")
    result = run([sys.executable, "scripts/build.py", "--quiet"], project)
    assert result.stderr.splitlines() == [
        f"warning: archive/articles/{SEED_ID}/notes\\n\\x1b[31mred.txt is not part of the article, which is made "
        "from its source.txt and meta.yml (or its article.md) only: the site does not show it. Move it out of "
        "archive/articles/ (an image for an article written in Markdown goes in docs/images/); a note on the text "
        "goes under annotations: in meta.yml"]
