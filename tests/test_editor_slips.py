"""Slips an editor makes that the build took the wrong way (session 27's editor review):
each is told in one line that says what to do, and nothing is written; or, where the slip
is harmless to the build but not to readers, a warning."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from .conftest import run
from .test_errors import SEED_META, WRITTEN, build_fails, edit, line_of, write_article

GLOSSARY = "archive/glossary.yml"
DASH_ADVICE = ("if a new entry starts on this line or a few above it, begin its first line with '- ' as the others "
               "begin; if not, keep one of the two")


def test_a_forgotten_dash_says_to_begin_the_new_entry_with_one(proj):
    """A glossary entry whose '- ' was forgotten joined the entry above: the message said
    'keep one of them', and an editor who did so deleted an entry."""
    lines = (proj / GLOSSARY).read_text(encoding="utf-8").splitlines()
    line = line_of(proj, GLOSSARY, r'^- term: "party and government leadership')
    above = max(n for n in range(1, line) if lines[n - 1].startswith("- term:"))  # the entry it joined
    edit(proj, GLOSSARY, '- term: "party and government leadership', '  term: "party and government leadership')
    assert build_fails(proj) == [
        f"{GLOSSARY}:{line}: 'term' is written twice in one entry (first on line {above}): {DASH_ADVICE}"]


def test_a_note_without_its_dash_in_meta_yml(proj):
    """The same slip in an article's annotations."""
    text = (proj / SEED_META).read_text(encoding="utf-8")
    notes = [n for n, t in enumerate(text.splitlines(), 1) if t.startswith("- phrase:")]
    assert len(notes) >= 2, "the seed has several notes"
    lines = text.splitlines()
    lines[notes[1] - 1] = "  " + lines[notes[1] - 1][2:]
    (proj / SEED_META).write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert build_fails(proj) == [
        f"{SEED_META}:{notes[1]}: 'phrase' is written twice in one entry (first on line {notes[0]}): {DASH_ADVICE}"]


def test_two_forgotten_dashes_get_the_same_advice(proj):
    """With a second dash forgotten further down, the first was told 'keep one of them'
    again: the file with the first dash put back still did not read."""
    lines = (proj / SEED_META).read_text(encoding="utf-8").splitlines()
    notes = [n for n, t in enumerate(lines, 1) if t.startswith("- phrase:")]
    assert len(notes) >= 3, "the seed has several notes"
    for n in notes[1:3]:
        lines[n - 1] = "  " + lines[n - 1][2:]
    (proj / SEED_META).write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert build_fails(proj) == [
        f"{SEED_META}:{notes[1]}: 'phrase' is written twice in one entry (first on line {notes[0]}): {DASH_ADVICE}"]


def test_a_field_truly_written_twice_keeps_the_first_advice(proj):
    edit(proj, SEED_META, "\ntags:", "\nsource: Louxing District\ntags:")
    (message,) = build_fails(proj)
    assert message.endswith("'source' is written twice (first on line "
                            f"{line_of(proj, SEED_META, '^source:')}); keep one of them, with every value it needs")


def test_a_summary_on_two_lines_is_not_called_an_unknown_field(proj):
    """The second line of an unquoted summary, with a ': ' in it, was reported as an unknown
    field named after half the sentence, which an editor renamed or deleted."""
    edit(proj, SEED_META, "\ntags:",
         "\nsummary: The district held a meeting.\nLiu Zhigang presided: he said safety matters.\ntags:")
    line = line_of(proj, SEED_META, "^Liu Zhigang presided")
    assert build_fails(proj) == [
        f"{SEED_META}:{line}: Liu Zhigang presided: this line is not a field (no field's name has a space): if it "
        "goes on from the value of the line above, write that whole value on one line, in quotation marks"]


def test_a_second_line_that_reads_like_a_field_is_still_a_second_line(proj):
    """'The people: they attended in full.' on the line after a summary was told "did you
    mean 'people'?": renaming it would have made half a sentence a list of people."""
    edit(proj, SEED_META, "\ntags:", "\nsummary: The district held a meeting.\nThe people: they attended in full.\ntags:")
    line = line_of(proj, SEED_META, "^The people:")
    assert build_fails(proj) == [
        f"{SEED_META}:{line}: The people: this line is not a field (no field's name has a space): if it goes on from "
        "the value of the line above, write that whole value on one line, in quotation marks (or, if it is the field "
        "'people', write its name alone before the ':')"]


def test_a_misspelled_field_still_gets_its_suggestion(proj):
    edit(proj, SEED_META, "\ntags:", "\nsumary: The district held a meeting.\ntags:")
    (message,) = build_fails(proj)
    assert "unknown field 'sumary' in article metadata" in message and message.endswith("did you mean 'summary'?")


GLOSSARY_ENTRY = """
- term: "three responsibility persons"
{fields}  definition: "The three officials answerable for each reservoir's safety."
  category: responsibility-system
  confidence: {confidence}
  sources: []
"""


@pytest.mark.parametrize(("fields", "confidence", "expected"), [
    ('  zh: "three responsibility persons"\n', "medium",
     "[{i}].zh: 'three responsibility persons' holds no Chinese character: write the name in Chinese characters "
     "(as 区安委会), or leave 'zh' out while it is not known"),
    ('  pinyin: "sān gè zérèn rén"\n', "low",
     "[{i}].pinyin: a pinyin with no Chinese term: write the Chinese it spells in 'zh', or leave 'pinyin' out too"),
    ("", "high",
     "[{i}].confidence: 'high' says the Chinese term is documented, but 'zh' gives none: write it in 'zh' with a "
     "source, or choose medium or low"),
    # A zh deleted beside its pinyin, in an entry of high confidence: one slip, one line (it
    # was two: an editor's review).
    ('  pinyin: "sān gè zérèn rén"\n', "high",
     "[{i}].pinyin: a pinyin with no Chinese term: write the Chinese it spells in 'zh', or leave 'pinyin' out too"),
    # The characters pasted as the pinyin were shown as the pinyin, marked as Latin letters
    # (an editor's review).
    ('  zh: "三个责任人"\n  pinyin: "三个责任人"\n', "high",
     "[{i}].pinyin: '三个责任人' holds Chinese characters: write the characters in 'zh', and here their sound in "
     "Latin letters with tone marks (as 'qū ānwěihuì')"),
], ids=["english-as-chinese", "pinyin-alone", "high-without-chinese", "zh-deleted-beside-its-pinyin",
        "chinese-as-pinyin"])
def test_a_glossary_entry_without_its_chinese_is_refused(proj, fields, confidence, expected):
    """An English phrase as the 'Chinese' was published marked lang="zh", beside 'Confidence:
    high'; a pinyin alone spelt nothing the page showed."""
    index = (proj / GLOSSARY).read_text(encoding="utf-8").count("\n- term:") + 1
    with (proj / GLOSSARY).open("a", encoding="utf-8") as fh:
        fh.write(GLOSSARY_ENTRY.format(fields=fields, confidence=confidence))
    (message,) = build_fails(proj)
    line = message.split(":")[1]
    assert message == f"{GLOSSARY}:{line}: " + expected.format(i=index - 1), message


@pytest.mark.parametrize("zh", ["三个责任人", "兩個責任人（試行）", "𰻞𰻞面", "〇"], ids=["simplified", "traditional",
                                                                                 "extension-g", "ling"])
def test_an_entry_with_its_chinese_and_pinyin_builds(proj, zh):
    with (proj / GLOSSARY).open("a", encoding="utf-8") as fh:
        fh.write(GLOSSARY_ENTRY.format(fields=f'  zh: "{zh}"\n  pinyin: "sān gè zérèn rén"\n', confidence="high"))
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    page = (proj / "docs" / "glossary" / "three-responsibility-persons" / "index.md").read_text(encoding="utf-8")
    assert zh in page


def test_an_organizations_chinese_name_must_be_chinese(proj):
    with (proj / "archive" / "organizations.yml").open("a", encoding="utf-8") as fh:
        fh.write('\n- name: "Shuangfeng County Emergency Management Bureau"\n  zh: "Emergency Bureau"\n')
    (message,) = build_fails(proj)
    assert message.startswith("archive/organizations.yml:") and message.endswith(
        "zh: 'Emergency Bureau' holds no Chinese character: write the name in Chinese characters (as 区安委会), "
        "or leave 'zh' out while it is not known"), message


def test_an_archived_source_over_the_size_limit_still_builds_and_is_said(proj):
    """Ingest took articles of up to 1,000,000 bytes before the limit was lowered to 200,000:
    an archive holding one stopped building, and the source cannot be edited (a review)."""
    import hashlib

    from .test_errors import SEED_ID

    folder = proj / "archive" / "articles" / SEED_ID
    seed = (folder / "source.txt").read_text(encoding="utf-8")
    header, body = seed.split("\n", 1)[1].split("0 By\n", 1)
    text, credit = body.rsplit("(Li Yi)", 1)
    data = f"Louxing District held a long meeting\n{header}0 By\n{text * 70}(Li Yi){credit}".encode()
    assert 200_000 < len(data) < 1_000_000
    long_id = SEED_ID.replace("the-2022-work-safety-retreat-meeting", "a-long-meeting")
    (proj / "archive" / "articles" / long_id).mkdir()
    (proj / "archive" / "articles" / long_id / "source.txt").write_bytes(data)
    meta = (folder / "meta.yml").read_text(encoding="utf-8")
    meta = meta.replace("title: Louxing District held the 2022 Work safety retreat Meeting",
                        "title: Louxing District held a long meeting")
    meta = meta.replace(hashlib.sha256(seed.encode()).hexdigest(), hashlib.sha256(data).hexdigest())
    (proj / "archive" / "articles" / long_id / "meta.yml").write_text(meta, encoding="utf-8")
    result = run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert result.stderr.splitlines() == [
        f"warning: archive/articles/{long_id}/source.txt holds over 200,000 bytes, the most ingest now "
        "takes for one article: its page may weigh over the 1 MiB a page should. If the file holds several "
        "articles, remove its folder, split the file and ingest each part"], result.stderr
    assert (proj / "docs" / "articles" / long_id / "index.md").is_file()


def test_an_article_md_over_the_size_limit_is_refused(proj):
    """An ingested file is refused over 200,000 bytes; a pasted article.md had no limit, and
    a 7 MB page was published."""
    body = "The county carried out the flood work in place.\n\n" * 4_200
    path = write_article(proj, body)
    size = (proj / path).stat().st_size
    assert size > 200_000
    assert build_fails(proj) == [f"{path}: is {size:,} bytes; the limit for one article is 200,000: split it "
                                 "into several articles"]


def test_an_article_md_under_the_limit_builds(proj):
    write_article(proj, "The county carried out the flood work in place.\n\n" * 100)
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert (proj / "docs" / "articles" / Path(WRITTEN).parent.name / "index.md").is_file()


@pytest.mark.parametrize("text", ["", "\n\n", "---\ntitle: Notes\n---\n\n"], ids=["empty", "blank", "front-only"])
def test_an_empty_page_of_the_editors_is_warned_of(proj, text):
    """An empty page saved in docs/ was published blank, in the menu, without a word."""
    (proj / "docs" / "notes.md").write_text(text, encoding="utf-8")
    result = run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert result.stderr.splitlines() == [
        "warning: docs/notes.md: the page is empty, and is published as a blank page in the menu: write its text, "
        "or delete the file"]


def test_a_page_with_text_is_not_warned_of(proj):
    (proj / "docs" / "notes.md").write_text("---\ntitle: Notes\n---\n\nWhat we keep.\n", encoding="utf-8")
    assert run([sys.executable, "scripts/build.py", "--quiet"], proj).stderr == ""


@pytest.mark.parametrize(("rel", "old", "new", "expected"), [
    (GLOSSARY, '    - "Municipal Party Committee"\n', '- "Municipal Party Committee"\n',
     "indented 0 space(s), unlike the lines around it: indent it 4 spaces, like the line above it, "
     "'- \"Municipal Committee\"'"),
    (GLOSSARY, '  zh: "区委"', '   zh: "区委"',
     "indented 3 space(s), unlike the lines around it: indent it 2 spaces, like the line below it, "
     "'pinyin: \"qūwěi\"'"),
    (SEED_META, "\n  note:", "\n note:",
     "indented 1 space(s), unlike the lines around it: indent it 2 spaces, like the field after the '- ' on the "
     "line above it, '- phrase: "),
    (SEED_META, "\n  - Head of the District", "\n - Head of the District",
     "indented 1 space(s), unlike the lines around it: indent it 2 spaces, like the line above it, "
     "'- deputy secretary of the District Committee'"),
], ids=["alias-at-the-margin", "field-too-far-in", "note-too-far-out", "role-too-far-out"])
def test_a_line_out_of_line_is_named_with_the_indentation_to_give_it(proj, rel, old, new, expected):
    """YAML said "did not find expected '-' indicator" (of the line after an alias moved to
    the margin) or "did not find expected key": neither which line nor what to do."""
    edit(proj, rel, old, new)
    line = next(n for n, t in enumerate((proj / rel).read_text(encoding="utf-8").splitlines(), 1)
                if t == new.strip("\n") or (new.startswith("\n") and t.startswith(new.strip("\n"))))
    (message,) = build_fails(proj)
    assert message.startswith(f"{rel}:{line}: invalid YAML: this line is {expected}"), message


@pytest.mark.parametrize("roles", ["[]", "[deputy head]"])
def test_a_list_written_on_its_line_one_space_out_is_named_with_the_indentation_to_give_it(proj, roles):
    """' roles: []' under a person was told to quote '[]', which left the file broken (and,
    for '[deputy head]', would have made the list a text): the slip is the indentation (an
    editor's review)."""
    edit(proj, SEED_META, "- name: Liu Chihui\n  roles: []", f"- name: Liu Chihui\n roles: {roles}")
    line = line_of(proj, SEED_META, f"^ roles: {re.escape(roles)}$")
    (message,) = build_fails(proj)
    assert message == (
        f"{SEED_META}:{line}: invalid YAML: this line is indented 1 space(s), unlike the lines around it: indent it "
        "2 spaces, like the field after the '- ' on the line above it, '- name: Liu Chihui'"), message


@pytest.mark.parametrize(("rel", "old", "new"), [
    ("archive/events.yml", '- id: "three-year-work-safety-rectification-campaign"', '- id: " "'),
    ("archive/glossary.yml", '- term: "cracking down on illegal activities and preventing violations"', '- term: "  "'),
    ("archive/people.yml", '- name: "Dang Jianguo"', '- name: " "'),
    ("archive/organizations.yml", '- name: "Louxing District Committee of the CPC"', '- name: "\\u0000"'),
    ("archive/tags.yml", '- slug: "work-safety"', '- slug: "  "'),
    # A source's address of blanks: the source vanished, and the entry said "None cited".
    ("archive/glossary.yml", '    - url: "http://english.www.gov.cn/policies/latest_releases/2015/03/24/'
     'content_281475076967042.htm"', '    - url: "   "'),
], ids=["event", "term", "person", "organization", "tag", "source"])
def test_an_entry_whose_name_is_blank_is_refused_not_dropped(proj, rel, old, new):
    """A name or an id of spaces (or of a control character) dropped the whole entry without a
    word: the build succeeded, and the event, the term, the person left the site and its data
    (a review). An empty one ("") was already refused."""
    line = line_of(proj, rel, "^" + old.replace("(", r"\("))
    edit(proj, rel, old, new)
    errors = build_fails(proj)
    assert f"{rel}:{line}: " in errors[0] and errors[0].endswith("is empty; write some text"), errors


def test_a_blank_place_is_no_place(proj):
    """A person's `place: " "` was kept as a place with no name: the build warned that the
    person was 'the name of people archive/people.yml places in ,'."""
    edit(proj, "archive/people.yml", '  zh: "党建国"', '  zh: "党建国"\n  place: " "')
    result = run([sys.executable, "scripts/build.py"], proj)
    assert "places in ," not in result.stderr and "places in" not in result.stderr, result.stderr


@pytest.mark.parametrize(("rel", "old", "new", "said"), [
    (SEED_META, "published: 2022-04-30", "published: ２０２２-04-30",
     "published: '２０２２-04-30' has full-width or other non-ASCII figures; write '2022-04-30'"),
    (SEED_META, "event_date: 2022-02-11", "event_date: 2022-02-１１",
     "event_date: '2022-02-１１' has full-width or other non-ASCII figures; write '2022-02-11'"),
    ("archive/events.yml", 'date: "2020-04"', 'date: "２０２０－04"',
     "[1].date: '２０２０－04' has full-width or other non-ASCII figures; write '2020-04'"),
], ids=["published", "event_date", "timeline"])
def test_a_date_in_full_width_figures_is_named_as_such(proj, rel, old, new, said):
    """Figures typed with a Chinese input method: '２０２２-04-30' was refused with 'April
    2022 has 30 days, not 30', which names no mistake (Python's \\d reads them, the calendar
    does not)."""
    line = line_of(proj, rel, "^ *(- )?" + old)
    edit(proj, rel, old, new)
    assert build_fails(proj) == [f"{rel}:{line}: {said}"]


def test_yaml_nested_hundreds_of_levels_deep_is_one_line(proj):
    """Fields inside fields 600 levels deep (a paste gone wrong, or a hostile file) ended the
    build with a RecursionError and a traceback of 3,000 lines."""
    deep = "".join("  " * (i + 2) + "a:\n" for i in range(600)) + "  " * 602 + "b: 1\n"
    tags = proj / "archive" / "tags.yml"
    tags.write_text(tags.read_text(encoding="utf-8") + "\n- slug: x\n  title: y\n  description:\n" + deep,
                    encoding="utf-8")
    assert build_fails(proj) == [
        "archive/tags.yml: invalid YAML: lists or fields are nested hundreds of levels deep, one inside another; no "
        "field of the archive holds more than a few levels: check the indentation"]


def test_a_value_thousands_of_characters_long_is_cut_short_in_its_message(proj):
    """`tags: [[[[...]]]]` 5,000 levels deep was quoted whole in the advice: one 'line' of
    10 KB. The quoted value is cut to its start, with its length."""
    meta = proj / SEED_META
    text = meta.read_text(encoding="utf-8")
    start = text.index("\ntags:\n") + 1
    end = text.index("\n", text.index("\n- ", start) + 1)
    while text.startswith("- ", end + 1):
        end = text.index("\n", end + 1)
    meta.write_text(text[:start] + "tags: " + "[" * 5000 + "]" * 5000 + text[end:], encoding="utf-8")
    [error] = build_fails(proj)
    assert len(error) < 500 and "…' (10,000 characters)" in error, error


def test_cutting_a_long_value_never_pairs_an_apostrophe_with_a_quotation_mark():
    """The apostrophe of "district's" was taken for the end of a quotation that began at the
    apostrophe of "article's" (a review): the message came out garbled."""
    from lgnews.errors import ArchiveError

    phrase = "the district's work " + "x" * 300
    said = str(ArchiveError("meta.yml", f'annotations[0].phrase: "{phrase}" is not in the article\'s reading '
                                         "edition; copy it", 3))
    assert said.endswith("…\" (320 characters) is not in the article's reading edition; copy it"), said
    long_note = "the editor's note " + "y" * 400 + " and the article's text"
    assert str(ArchiveError("meta.yml", long_note, 3)) == f"meta.yml:3: {long_note}"
    # Each side is checked: a quotation mark before a word's "s" ends no quotation, and the
    # apostrophe after one (district's) starts none.
    opened = "the note 'see the district" + "z" * 400 + "'s work"
    assert str(ArchiveError("meta.yml", opened, 3)) == f"meta.yml:3: {opened}"
    plural = "the district's " + "z" * 400 + " work and the counties' plans"
    assert str(ArchiveError("meta.yml", plural, 3)) == f"meta.yml:3: {plural}"


@pytest.mark.parametrize(("typed", "said"), [
    ("２０２２-04-30", "'２０２２-04-30' has full-width or other non-ASCII figures; write '2022-04-30'"),
    # Advice only when it is a date: '2022／04／30' or '2022年4月30日' would be refused again.
    ("２０２２／０４／３０", "'２０２２／０４／３０' is not a date; write it as YYYY-MM-DD, for example 2022-04-30"),
    ("２０２２年４月３０日", "'２０２２年４月３０日' is not a date; write it as YYYY-MM-DD, for example 2022-04-30"),
    ("２０２２-02-30", "'２０２２-02-30' has full-width or other non-ASCII figures; write it in the figures 0-9, as "
                     "YYYY-MM-DD"),
    # Nor when its year cannot be an article's: '2099-01-01' would be refused again.
    ("２０９９-01-01", "'２０９９-01-01' has full-width or other non-ASCII figures; write it in the figures 0-9, as "
                     "YYYY-MM-DD"),
])
def test_the_advice_for_full_width_figures_is_a_date(typed, said):
    from lgnews.records import read_day

    assert read_day(typed) == (None, said)


def test_an_articles_year_runs_from_1900_to_next_year():
    """An article dated just after New Year, by a source a day ahead, is still an article's."""
    from datetime import date

    from lgnews.records import read_day

    last = date.today().year + 1
    assert read_day(f"{last}-01-01") == (date(last, 1, 1), None)
    assert read_day("1900-01-01") == (date(1900, 1, 1), None)
    assert read_day(f"{last + 1}-01-01")[1] == (f"{last + 1}-01-01: the year {last + 1} cannot be an article's "
                                                f"(from 1900 to {last}); check the year")
    assert read_day("1899-12-31")[1] == f"1899-12-31: the year 1899 cannot be an article's (from 1900 to {last}); " \
                                        "check the year"


def test_a_timelines_date_in_full_width_figures_gets_advice_only_when_it_is_a_date():
    """The timeline's dates (day, month or year) are told the same as an article's: the date
    in ASCII is the advice only when the calendar has it."""
    from lgnews.records import Checker

    checker = Checker(Path("archive/events.yml"))
    assert checker.partial_date("２０２２-04", (1, "date")) is None
    assert checker.partial_date("２０２２-02-30", (2, "date")) is None
    assert checker.partial_date("２０２０", (3, "date")) is None  # a year alone
    # A year the timeline refuses (2202 for 2022) is not the advice either.
    assert checker.partial_date("２２０２", (4, "date")) is None
    assert checker.partial_date("０２０２-04", (5, "date")) is None
    figures = "has full-width or other non-ASCII figures; write it in the figures 0-9, as YYYY-MM-DD, YYYY-MM or YYYY"
    assert [message for _, message in checker.errors] == [
        "'２０２２-04' has full-width or other non-ASCII figures; write '2022-04'",
        f"'２０２２-02-30' {figures}",
        "'２０２０' has full-width or other non-ASCII figures; write '2020'",
        f"'２２０２' {figures}",
        f"'０２０２-04' {figures}"]


@pytest.mark.parametrize(("value", "said"), [
    ("!!int 0xZZ", "'!!int 0xZZ' is not what its '!!int' says: correct the value, or leave out the '!!int'"),
    ("!!float abc", "'!!float abc' is not what its '!!float' says"),
    # Raised by PyYAML as a KeyError, an AttributeError, an IndexError (a review of the change).
    ("!!bool maybe", "'!!bool maybe' is not what its '!!bool' says"),
    ("!!timestamp abc", "'!!timestamp abc' is not what its '!!timestamp' says"),
    ("!!int", "'!!int' is not what its '!!int' says"),
])
def test_a_value_not_what_its_tag_says_is_one_line(proj, value, said):
    """PyYAML raises a ValueError of its own for it, which escaped as a traceback."""
    edit(proj, SEED_META, "\ntags:", f"\nsummary: {value}\ntags:")
    (message,) = build_fails(proj)
    assert message.startswith(f"{SEED_META}:{line_of(proj, SEED_META, '^summary:')}: invalid YAML: {said}"), message


def test_an_impossible_date_in_meta_yml_is_still_said_as_a_date(proj):
    """The archive's loader keeps '2022-02-30' as text, so the check of the field says it."""
    edit(proj, SEED_META, "published: 2022-04-30", "published: 2022-02-30")
    (message,) = build_fails(proj)
    assert message.startswith(f"{SEED_META}:{line_of(proj, SEED_META, '^published:')}: "), message
    assert "2022-02-30" in message and "Traceback" not in message


def test_a_forgotten_dash_beside_a_value_not_what_its_tag_says_is_one_line(proj):
    """The probe that tells a forgotten dash read the file again and met the tagged value:
    a traceback."""
    edit(proj, GLOSSARY, '- term: "party and government leadership', '  term: "party and government leadership')
    text = (proj / GLOSSARY).read_text(encoding="utf-8")
    at = text.rindex("\n  category: ")  # after the entry that lost its dash: YAML meets the value in the probe only
    assert at > text.index('  term: "party and government leadership')
    (proj / GLOSSARY).write_text(text[:at] + "\n  category: !!int 0xZZ" + text[text.index("\n", at + 1):],
                                 encoding="utf-8")
    messages = build_fails(proj)
    assert len(messages) == 1 and messages[0].startswith(f"{GLOSSARY}:"), messages


@pytest.mark.parametrize("title", ["12:30", "0123", "0x1F", ".inf", "6.50", "2022"])
def test_a_title_yaml_would_read_as_a_number_is_kept_as_written(proj, title):
    """YAML 1.1 reads 'title: 12:30' as 750 (minutes in base 60), '0123' as 83 (octal),
    '0x1F' as 31, '.inf' as inf, '6.50' as 6.5: the page's heading was '750', without a word. No field of
    the archive is a number, so each stays the text it is."""
    edit(proj, SEED_META, "title: Louxing District held the 2022 Work safety retreat Meeting", f"title: {title}")
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    page = (proj / "docs" / "articles" / SEED_META.split("/")[2] / "index.md").read_text(encoding="utf-8")
    assert f'<h1 id="lg-title">{title}</h1>' in page


def test_a_misspelt_field_of_an_editors_page_is_warned_of(proj):
    """'titel: About us' in a page of docs/ passed without a word, and the page took its
    heading for a title (an editor's review). A field of one's own is let be."""
    (proj / "docs" / "about.md").write_text("---\ntitel: About us\nowner: the editors\nsearch:\n  exclude: true\n"
                                            "Descripton: Who we are\n---\n\n# About the project\n", encoding="utf-8")
    result = run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        "warning: docs/about.md:2: the field 'titel' is not one the site reads, and does nothing: did you mean "
        "'title'?",
        "warning: docs/about.md:6: the field 'Descripton' is not one the site reads, and does nothing: did you mean "
        "'description'?"], result.stderr
