"""What an editor sees when something is wrong, end to end through the scripts.

Every validation error names the file, the line (when known) or the field, what is wrong and
how to fix it; one run reports all of them; the run exits 1 without a traceback and writes
nothing. The messages quoted in docs/editors.md are the ones tested here."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from lgnews.build import MOVED_ADVICE
from lgnews.records import GUIDE_EXAMPLE_SOURCES

from .conftest import INGEST_INTERRUPTED, ROOT, SEED_ID, run

SEED_META = f"archive/articles/{SEED_ID}/meta.yml"


# --------------------------------------------------------------------------- helpers


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def edit(project: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(project: Path, rel: str, pattern: str) -> int:
    """1-based number of the first line of ``rel`` matching ``pattern``."""
    for n, line in enumerate((project / rel).read_text(encoding="utf-8").splitlines(), start=1):
        if re.search(pattern, line):
            return n
    raise AssertionError(f"{pattern!r} not in {rel}")


NO_GLOSSARY_PAGE = ("leads to no page of the site: glossary/ has no page 'glossary/nope/' (copy its address from the "
                    "preview's address bar: the part after the site's own)")


def build_fails(project: Path, *args: str, timeout: float | None = None) -> list[str]:
    """Run scripts/build.py expecting failure: exit 1, no traceback, docs/ untouched.
    Returns the lines of its error output."""
    before = snapshot(project / "docs")
    result = run([sys.executable, "scripts/build.py", *args], project, check=False, timeout=timeout)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert snapshot(project / "docs") == before, "a failed build changed docs/"
    lines = result.stderr.strip().splitlines()
    # (--check never writes: it says that a build stops there, not that "nothing was written")
    summary = (rf"build --check: {len(lines) - 1} problem\(s\) in archive/; `make site` stops at them until they are "
               r"fixed" if "--check" in args else rf"build: {len(lines) - 1} problem\(s\) in archive/; nothing was written")
    assert re.fullmatch(summary, lines[-1]), lines
    return lines[:-1]


WRITTEN = "archive/articles/2023-01-02-a-written-article/article.md"


def write_article(project: Path, body: str, front: str = "") -> str:
    """An article written in Markdown, 'A written article' of 2023-01-02, with ``front``'s
    fields besides its title and date; returns its path from the project's root."""
    path = project / WRITTEN
    path.parent.mkdir()
    path.write_text(f"---\ntitle: A written article\npublished: 2023-01-02\n{front}---\n\n{body}", encoding="utf-8")
    return WRITTEN


def one(lines: list[str], path: str, *needles: str) -> str:
    """The single error line about the file ``path`` containing every needle."""
    found = [line for line in lines if line.startswith(f"{path}:") and all(n in line for n in needles)]
    assert len(found) == 1, f"expected one line about {path} with {needles}, got:\n" + "\n".join(lines)
    return found[0]


# --------------------------------------------------------------------------- archive validation


def test_unknown_key_names_file_line_field_and_suggests_the_right_one(proj):
    edit(proj, SEED_META, "\nevent_date:", "\nevnt_date:")
    line = line_of(proj, SEED_META, r"^evnt_date:")
    lines = build_fails(proj)
    assert lines == [
        f"{SEED_META}:{line}: evnt_date: unknown field 'evnt_date' in article metadata; allowed fields are "
        "title, published, event_date, source, source_url, original_url, machine_translated, credits, people, "
        "annotations, tags, summary, sha256, encoding; did you mean 'event_date'?"
    ]


def test_malformed_date_says_how_to_write_it(proj):
    edit(proj, SEED_META, "published: 2022-04-30", "published: 2022-4-30")
    line = line_of(proj, SEED_META, r"^published:")
    message = one(build_fails(proj), SEED_META)
    assert message == (f"{SEED_META}:{line}: published: '2022-4-30' is not a date; "
                       "write it as YYYY-MM-DD, for example 2022-04-30")


def test_impossible_date(proj):
    """An impossible day is reported like any other bad date, not as a crash (YAML itself
    reads an unquoted 2022-02-30 as a date and fails)."""
    edit(proj, SEED_META, "event_date: 2022-02-11", "event_date: 2022-02-30")
    message = one(build_fails(proj), SEED_META)
    assert "meta.yml:7: event_date: 2022-02-30 is not a day of the calendar: February 2022 has 28 days, not 30" \
        in message, message


def test_a_date_with_a_time_of_day_is_refused_with_the_day_to_write(proj):
    """YAML reads '2022-04-30 10:15:00' (as copied from a source's header) as a time of day:
    it used to end in a traceback comparing it with the event date."""
    edit(proj, SEED_META, "published: 2022-04-30", "published: 2022-04-30 10:15:00")
    line = line_of(proj, SEED_META, r"^published:")
    assert one(build_fails(proj), SEED_META, "published") == (
        f"{SEED_META}:{line}: published: 2022-04-30 10:15:00 is a day and a time; write the day alone: 2022-04-30")
    edit(proj, SEED_META, "published: 2022-04-30 10:15:00", "published: 2022-04-30")
    edit(proj, "archive/events.yml", 'date: "2020-04"', "date: 2020-04-01 08:00:00")
    assert one(build_fails(proj), "archive/events.yml").endswith(
        "date: 2020-04-01 08:00:00 is a day and a time; write the day alone: 2020-04-01")


@pytest.mark.parametrize("typo", ["0203-04-30", "1022-04-30", "2202-04-30"])
def test_a_year_typo_is_refused(proj, typo):
    """0203 for 2023 used to end in a traceback; 1022 or 2202 published a medieval or a
    future article."""
    edit(proj, SEED_META, "published: 2022-04-30", f"published: {typo}")
    line = line_of(proj, SEED_META, r"^published:")
    last = date.today().year + 1
    assert one(build_fails(proj), SEED_META, "published") == (
        f"{SEED_META}:{line}: published: {typo}: the year {int(typo[:4])} cannot be an article's "
        f"(from 1900 to {last}); check the year")


def test_an_event_id_used_twice_names_the_first(proj):
    edit(proj, "archive/events.yml", '- id: "three-year-work-safety-rectification-campaign"',
         '- id: "da-fei-zhi-wei-campaign-2012"')
    line = line_of(proj, "archive/events.yml", r'^- id: "da-fei-zhi-wei-campaign-2012"')
    assert one(build_fails(proj), "archive/events.yml").endswith(
        "this event repeats the id 'da-fei-zhi-wei-campaign-2012' of the event on line "
        f"{line}: ids must be unique; give one of the two another id, or merge them into one")


@pytest.mark.parametrize("typo, year", [("0202-04", 202), ("2202-04", 2202)])
def test_a_year_typo_on_the_timeline_is_refused(proj, typo, year):
    """2202 for 2022 made the timeline a page for the year 2202."""
    edit(proj, "archive/events.yml", 'date: "2020-04"', f'date: "{typo}"')
    assert one(build_fails(proj), "archive/events.yml").endswith(
        f"date: {typo}: the year {year} is not a year of the timeline; check the year")


def test_a_plan_decades_ahead_is_on_the_timeline(proj):
    edit(proj, "archive/events.yml", 'date: "2020-04"', 'date: "2035"')
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert (proj / "docs" / "timeline" / "2035" / "index.md").is_file()


def test_yaml_truth_values_get_a_hint(proj):
    edit(proj, SEED_META, "machine_translated: true", 'machine_translated: "true"')
    assert one(build_fails(proj), SEED_META).endswith(
        "machine_translated: expected true or false, found the text 'true': write true or false without "
        "quotation marks")
    edit(proj, SEED_META, 'machine_translated: "true"', "machine_translated: true")
    edit(proj, SEED_META, "source: Louxing Rong Media Center", "source: yes")
    assert one(build_fails(proj), SEED_META).endswith(
        "source: expected text, found true (YAML reads yes, no, on, off, true and false as a truth value): "
        "put the text in quotation marks")


SEED_TITLE = "title: Louxing District held the 2022 Work safety retreat Meeting"


def test_a_title_or_summary_too_long_to_print_is_refused(proj):
    """A 200,000-character title went into <title>, the previews, the feeds and every list
    (ingest refuses a title line over 300 characters; an editor's was not checked)."""
    edit(proj, SEED_META, SEED_TITLE, "title: " + "Meeting " * 38 + "held")
    edit(proj, SEED_META, "\ntags:", "\nsummary: " + "The district met. " * 56 + "\ntags:")
    assert build_fails(proj) == [
        f"{SEED_META}:{line_of(proj, SEED_META, '^title:')}: title: is 308 characters long, more than the 300 a "
        "title may have: shorten it",
        f"{SEED_META}:{line_of(proj, SEED_META, '^summary:')}: summary: is 1,007 characters long, more than the "
        "1,000 a summary may have: shorten it"]


def test_yaml_anchors_and_aliases_are_one_line_each_and_say_what_they_are(proj):
    """A list marked '&a' and repeated as '*a' gave a line for every value repeated (78 lines
    for three lines of YAML), each saying the value 'starts with [' and that YAML 'kept
    another value'."""
    edit(proj, SEED_META, "\ntags:", '\nx0: &s "The meeting."\nx1: *s\nx2: &a ["a", "b"]\n'
                                     "x3: [*a, *a, *a]\nx4: [*a, *a]\ntags:")
    line = line_of(proj, SEED_META, "^x0:")
    assert build_fails(proj) == [
        f"{SEED_META}:{line}: the value '&s \"The meeting.\"' starts with '&', which YAML does not read as text (it "
        "kept 'The meeting.'): put the whole value in quotes: '&s \"The meeting.\"'",
        f"{SEED_META}:{line + 1}: the value '*s' starts with '*', which YAML does not read as text (it kept a repeat "
        "of another value): put the whole value in quotes: '*s'",
        f"{SEED_META}:{line + 2}: '&a' is a YAML anchor, which marks a value for repeating elsewhere in the file: "
        "write each value out in full (a text that starts with '&' or '*' goes in quotes)",
        *(f"{SEED_META}:{line + k}: '*a' is a YAML alias, which repeats a value marked elsewhere in the file: "
          "write each value out in full (a text that starts with '&' or '*' goes in quotes)" for k in (3, 4))]



@pytest.mark.parametrize(("title", "message"), [
    # YAML took "&Changsha" for an anchor and published the title "meeting", without a word.
    ("&Changsha meeting", "the value '&Changsha meeting' starts with '&', which YAML does not read as text (it kept "
                          "'meeting'): put the whole value in quotes: '&Changsha meeting'"),
    ("[Video] Changsha meeting", "invalid YAML: did not find expected key; the value starts with '[', which YAML "
                                 "reads as the start of a list: put the whole value in quotes: "
                                 "'[Video] Changsha meeting'"),
    ('"River chief" system announced', "invalid YAML: did not find expected key; the value starts with a quotation "
                                       "mark, which YAML reads as a quoted part: put the whole value in quotes: "
                                       "'\"River chief\" system announced'"),
    ("*Urgent* flood meeting", "the value starts with '*', which YAML reads as something other than text: put the "
                               "whole value in quotes: '*Urgent* flood meeting'"),
    # Colons in titles are common; the message was the generic "check indentation and quote values".
    ("Changsha: County held a meeting", "invalid YAML: mapping values are not allowed in this context; the value "
                                        "holds ': ', which YAML reads as the start of another field: put the whole "
                                        "value in quotes: title: 'Changsha: County held a meeting'"),
])
def test_a_value_starting_with_a_yaml_sign_says_to_quote_it(proj, title, message):
    edit(proj, SEED_META, SEED_TITLE, f"title: {title}")
    line = line_of(proj, SEED_META, "^title:")
    found = one(build_fails(proj), SEED_META, "quotes")
    assert found.startswith(f"{SEED_META}:{line}: ") and found.endswith(message), found
    edit(proj, SEED_META, f"title: {title}", "title: '[Video] Changsha meeting'")  # as the message says
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert '"title":"[Video] Changsha meeting"' in (proj / "docs" / "articles" / SEED_ID / "index.md").read_text(
        encoding="utf-8")


def test_tags_written_as_one_line_of_text_are_shown_as_a_list(proj):
    edit(proj, SEED_META, "tags:\n- work-safety\n- meetings\n- emergency-management\n- louxing\n- hunan\n",
         "tags: work-safety, meetings\n")
    assert one(build_fails(proj), SEED_META, "tags").endswith(
        "tags[0]: 'work-safety, meetings' is one tag with commas in it: write the tags as a list, "
        "[work-safety, meetings]")


@pytest.mark.parametrize("day", ["2022-05-11", "2022-05-01"])  # (the day after too: a test audit's mutant)
def test_event_date_after_publication(proj, day):
    edit(proj, SEED_META, "event_date: 2022-02-11", f"event_date: {day}")
    message = one(build_fails(proj), SEED_META, "event_date")
    assert message.endswith(f"event_date: {day} is after the publication date 2022-04-30; check both dates")


def test_an_event_on_the_day_of_publication_is_fine(proj):
    edit(proj, SEED_META, "event_date: 2022-02-11", "event_date: 2022-04-30")
    run([sys.executable, "scripts/build.py", "--quiet"], proj)


def test_missing_title(proj):
    edit(proj, SEED_META, "title: Louxing District held the 2022 Work safety retreat Meeting\n", "")
    message = one(build_fails(proj), SEED_META)
    assert message.endswith("title: missing required field 'title' in article metadata")


def test_empty_title(proj):
    edit(proj, SEED_META, "title: Louxing District held the 2022 Work safety retreat Meeting", "title:")
    line = line_of(proj, SEED_META, r"^title:")
    assert one(build_fails(proj), SEED_META) == (
        f"{SEED_META}:{line}: title: missing required field 'title' in article metadata")


def test_unknown_tag_points_to_the_allow_list(proj):
    edit(proj, SEED_META, "- work-safety\n", "- safety\n")
    line = line_of(proj, SEED_META, r"^- safety$")
    assert one(build_fails(proj), SEED_META) == (
        f"{SEED_META}:{line}: tags[0]: tag 'safety' is not in archive/tags.yml; use one of the allowed tags "
        "(did you mean 'work-safety'?) or add it there first")
    # Nothing near: the allowed tags are named (the editor had to open tags.yml to find them).
    edit(proj, SEED_META, "- safety\n", "- fireworks\n")
    assert one(build_fails(proj), SEED_META) == (
        f"{SEED_META}:{line}: tags[0]: tag 'fireworks' is not in archive/tags.yml; use one of the allowed tags "
        "(disasters, emergency-management, hunan, louxing, meetings, work-safety) or add it there first")


def test_an_unknown_tag_names_the_first_twelve_allowed_ones():
    """The guide says the message names the allowed tags, the first twelve: an archive of
    many tags does not print them all on the line."""
    from lgnews.records import Checker, _meta_tags

    checker = Checker(Path("meta.yml"))
    allowed = {f"place-{n:02d}" for n in range(15)}
    _meta_tags(checker, {"tags": ["fireworks"]}, allowed)
    first = ", ".join(sorted(allowed)[:12])
    assert [message for _, message in checker.errors] == [
        f"tag 'fireworks' is not in archive/tags.yml; use one of the allowed tags ({first}, …) or add it "
        "there first"]


def test_unknown_credit_role(proj):
    edit(proj, SEED_META, "  reporter:\n", "  reporters:\n")
    message = one(build_fails(proj), SEED_META)
    assert "credits.reporters: unknown credit role 'reporters'; roles are reporter, correspondent" in message
    assert message.endswith("did you mean 'reporter'?")


def test_annotation_phrase_not_in_the_text(proj):
    # The text says "Party jianguo": a capital J is not the same phrase.
    edit(proj, SEED_META, "annotations:\n", "annotations:\n- phrase: Party Jianguo\n  note: A note.\n")
    line = line_of(proj, SEED_META, r"^- phrase: Party Jianguo$")
    assert one(build_fails(proj), SEED_META) == (
        f"{SEED_META}:{line}: annotations[0].phrase: 'Party Jianguo' is not in the article's reading edition; "
        "copy the words exactly as the article page shows them")


def test_an_annotation_phrase_copied_from_the_source_gets_the_words_of_the_reading_edition(proj):
    """A phrase copied from source.txt, where the scrape glued sentences ("the year.Liu
    Chihui"), was only "not in the article's reading edition", which has "the year. Liu
    Chihui", or starts a new paragraph there ("attended.At the meeting"): the editor was left
    to find the difference."""
    edit(proj, SEED_META, "annotations:\n", "annotations:\n- phrase: the year.Liu Chihui\n  note: A note.\n"
                                            "- phrase: leaders attended.At the meeting\n  note: Another.\n"
                                            "- phrase: On February 11,Liu Zhigang\n  note: A third.\n")
    lines = build_fails(proj)
    assert one(lines, SEED_META, "annotations[0]").endswith(
        "annotations[0].phrase: 'the year.Liu Chihui' is not in the article's reading edition, which reads "
        "'the year. Liu Chihui': copy the words as the article page shows them")
    # A comma glued to a word, as a scrape writes it, or as the reading edition had it before
    # it spaced such commas (a note an editor wrote then: a review of that change).
    assert one(lines, SEED_META, "annotations[2]").endswith(
        "annotations[2].phrase: 'On February 11,Liu Zhigang' is not in the article's reading edition, which reads "
        "'On February 11, Liu Zhigang': copy the words as the article page shows them")
    assert one(lines, SEED_META, "annotations[1]").endswith(
        "annotations[1].phrase: 'leaders attended.At the meeting' is not in the article's reading edition: it runs "
        "from one paragraph of the reading edition into the next, which a note's phrase cannot; choose words within "
        "one paragraph, as the article page shows them")


# One slip in the seed's meta.yml -> the one line an editor reads: (the text replaced, its
# replacement, the line the message points to, the message after "<file>:<line>: ").
ONE_SLIP = {
    # YAML ends an unquoted value at ' #': 'Plan #2 ...' would silently become 'Plan'.
    "a comment that cuts a text value short": (
        "source: Louxing Rong Media Center", "source: Louxing Rong Media Center #2 desk", r"^source:",
        "the value 'Louxing Rong Media Center' is followed by ' #', which YAML reads as the start of a comment: "
        "the rest of the line is dropped. Put the whole value in quotes if the '#' belongs to it, or move the "
        "comment to a line of its own"),
    "machine_translated neither true nor false": (
        "machine_translated: true", "machine_translated: flase", r"^machine_translated:",
        "machine_translated: expected true or false, found 'flase'"),
    "a web address that is not one": (
        "source: Louxing Rong Media Center", "source: Louxing Rong Media Center\nsource_url: www.example.org/page",
        r"^source_url:",
        "source_url: 'www.example.org/page' is not a web address; write a full http:// or https:// URL"),
    "a credit role outside credits": (
        "credits:\n", "correspondent:\n- Zhang San\ncredits:\n", r"^correspondent:",
        "correspondent: 'correspondent' is a credit role: indent it under 'credits:', as in 'credits:' then "
        "'  correspondent: [Name]'"),
    # YAML gives up two lines below, at the next role still indented.
    "a credit role moved to the margin": (
        "  editor_in_chief:\n  - Wen Zhibin\n", "editor_in_chief:\n  - Wen Zhibin\n", r"^editor_in_chief:",
        "'editor_in_chief:' starts at the margin, which ends 'credits:', while the lines after it are still "
        "indented: indent it like the other credit roles"),
    # A person's or a note's field moved to the margin: said of that line, not of where YAML
    # gives up (the next '- name:'), nor as an "unknown field" of the article.
    "a person's field moved to the margin": (
        "- name: Liu Chihui\n  roles: []\n  involvement:\n", "- name: Liu Chihui\n  roles: []\ninvolvement:\n",
        r"^involvement:",
        "'involvement:' starts at the margin, which ends 'people:': indent it two spaces, like the other fields of "
        "its person (under its '- name:')"),
    "the last person's field moved to the margin": (
        "- name: Party jianguo\n  roles: []\n  involvement:\n  - attending\n",
        "- name: Party jianguo\n  roles: []\ninvolvement:\n- attending\n", r"^involvement:",
        "involvement: 'involvement:' starts at the margin, which ends 'people:': indent it two spaces, like the other "
        "fields of its person (under its '- name:')"),
    "a note moved to the margin": (
        "- phrase: To tree on\n  note:", "- phrase: To tree on\nnote:", r"^note:",
        "'note:' starts at the margin, which ends 'annotations:': indent it two spaces, like the other field of its "
        "note (under its '- phrase:')"),
    "a tag listed twice": (
        "- louxing\n", "- louxing\n- \"meetings\"\n", r'^- "meetings"',
        "tags[4]: tag 'meetings' is listed twice; keep one"),
    "a tag listed twice in a row": (
        "- louxing\n", "- louxing\n- \"louxing\"\n", r'^- "louxing"',
        "tags[4]: tag 'louxing' is listed twice; keep one"),
    "a person listed twice": (
        "people:\n", "people:\n- name: Liu  zhigang\n  involvement: [attending]\n", r"^- name: Liu Zhigang",
        "people[1].name: 'Liu Zhigang' is listed twice under people: merge this entry into the first one (their "
        "roles and involvement together)"),
    # One person, as names are compared: the two were listed twice in "In this article".
    "a person listed twice with another apostrophe": (
        "people:\n", "people:\n- name: Wang Xin'ai\n  involvement: [attending]\n- name: Wang Xin’ai\n"
        "  involvement: [attending]\n", r"^- name: Wang Xin’ai",
        "people[1].name: 'Wang Xin’ai' is listed twice under people: merge this entry into the first one (their "
        "roles and involvement together)"),
}


@pytest.mark.parametrize("slip", ONE_SLIP)
def test_one_slip_in_meta_yml_gives_one_line(proj, slip):
    old, new, pattern, message = ONE_SLIP[slip]
    edit(proj, SEED_META, old, new)
    line = line_of(proj, SEED_META, pattern)
    assert one(build_fails(proj), SEED_META) == f"{SEED_META}:{line}: {message}"


def test_a_comment_after_a_date_or_a_quoted_value_is_fine(proj):
    edit(proj, SEED_META, "event_date: 2022-02-11", "event_date: 2022-02-11  # checked against the text")
    edit(proj, SEED_META, "source: Louxing Rong Media Center", "source: 'Louxing Rong Media Center #2'  # desk")
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert "Louxing Rong Media Center #2" in (proj / "docs" / "data" / "articles.json").read_text(encoding="utf-8")


def test_a_field_written_twice(proj):
    """YAML would keep the last of two 'tags:' without a word, dropping the first list."""
    text = (proj / SEED_META).read_text(encoding="utf-8")
    (proj / SEED_META).write_text(text + "tags: [meetings]\n", encoding="utf-8")
    first = line_of(proj, SEED_META, r"^tags:")
    again = len(text.splitlines()) + 1
    assert one(build_fails(proj), SEED_META) == (
        f"{SEED_META}:{again}: 'tags' is written twice (first on line {first}); keep one of them, with every "
        "value it needs")


def test_items_under_an_empty_list(proj):
    """The draft says 'annotations: []'; items written under it need the '[]' gone."""
    edit(proj, SEED_META, "annotations:\n", "annotations: []\n")  # the items that follow are now under '[]'
    message = one(build_fails(proj), SEED_META, "invalid YAML")
    assert message.endswith("the line before says the list is empty ('annotations: []'): remove the '[]' to "
                            "give the list its items"), message


def test_fields_under_an_empty_mapping(proj):
    """Ingest writes 'credits: {}' when a file has no credit line; the credits an editor writes
    under it need the '{}' gone (not the advice to indent them less, which leads to the
    advice to indent them more)."""
    edit(proj, SEED_META, "credits:\n", "credits: {}\n")
    message = one(build_fails(proj), SEED_META, "invalid YAML")
    assert message.endswith("the line before says the mapping is empty ('credits: {}'): remove the '{}' to "
                            "give it its fields"), message


def test_what_yaml_read_is_said_in_an_editors_words(proj):
    """'found str' and 'found list' were Python's names for what YAML read."""
    tags = proj / "archive" / "tags.yml"
    tags.write_text("- floods\n" + tags.read_text(encoding="utf-8"), encoding="utf-8")
    edit(proj, SEED_META, "source: Louxing Rong Media Center", "source:\n- Louxing Rong Media Center")
    lines = build_fails(proj)
    assert one(lines, "archive/tags.yml") == (
        "archive/tags.yml:1: [0]: expected a mapping of fields (slug, title, description) for a tag, found the text "
        "'floods': write it as fields, one a line, starting with 'slug: floods'")
    assert one(lines, SEED_META).endswith("source: expected text, found a list (lines starting with '- ', or a value "
                                          "in brackets, [like this]): if it is text, put the whole value in quotation "
                                          "marks")


def test_a_title_in_brackets_is_told_to_be_quoted(proj):
    """'title: [Video]' is a list to YAML: the message said so, in lines starting with '- ',
    and not how to keep the brackets (a review)."""
    edit(proj, SEED_META, "title: Louxing District held", "title: [Video] Louxing District held")
    edit(proj, SEED_META, "title: [Video] Louxing District held the 2022 Work safety retreat Meeting", "title: [Video]")
    line = line_of(proj, SEED_META, r"^title: \[Video\]$")
    assert build_fails(proj) == [
        f"{SEED_META}:{line}: title: expected text, found a list (lines starting with '- ', or a value in brackets, "
        "[like this]): if it is text, put the whole value in quotation marks"]


def test_a_tab_in_yaml(proj):
    edit(proj, SEED_META, "  reporter:\n", "\treporter:\n")
    message = one(build_fails(proj), SEED_META, "invalid YAML")
    assert message.endswith("a tab cannot indent YAML: use spaces (two per level)"), message


def test_an_unclosed_quotation_mark_is_reported_where_it_opens(proj):
    """YAML reads on to the end of the file: the error named the last line."""
    edit(proj, SEED_META, "title: Louxing District held", 'title: "Louxing District held')
    line = line_of(proj, SEED_META, r"^title:")
    assert one(build_fails(proj), SEED_META) == (
        f"{SEED_META}:{line}: invalid YAML: a quotation mark opened on this line is never closed: close it (a "
        "quotation mark inside the value is doubled, '' in single quotes, or written \\\" in double ones)")


def test_a_quoted_value_over_two_lines_is_not_blamed_for_another_mistake(tmp_path):
    """YAML allows a quoted value to go on to the next line: a tab further down is reported
    as a tab, not as that quotation mark."""
    from lgnews.errors import ArchiveErrors
    from lgnews.records import read_yaml

    path = tmp_path / "glossary.yml"
    with pytest.raises(ArchiveErrors) as caught:
        read_yaml(path, 'definition: "A long\n  definition"\nsources:\n\t- x\n')
    assert [str(e) for e in caught.value.errors] == [
        f"{path}:4: invalid YAML: found character that cannot start any token; a tab cannot indent YAML: use spaces "
        "(two per level)"]
    # After a list's '-', nothing is indented: the tab is said as what it is.
    with pytest.raises(ArchiveErrors) as caught:
        read_yaml(path, "tags:\n-\twork-safety\n")
    assert [str(e) for e in caught.value.errors] == [
        f"{path}:2: invalid YAML: found character that cannot start any token; a tab after the '-' of a list's "
        "item: YAML takes only spaces there; write '- ' and the value"]


def test_a_missing_colon_is_reported_on_its_line(proj):
    edit(proj, SEED_META, "source: Louxing", "source Louxing")
    line = line_of(proj, SEED_META, r"^source Louxing")
    assert one(build_fails(proj), SEED_META) == (
        f"{SEED_META}:{line}: invalid YAML: this line has no ':' after its name: write 'name: value' (a value "
        "holding ': ' goes in quotation marks)")


def test_a_full_width_colon_after_a_name_is_said_as_such(tmp_path):
    """'source：Liuyang Daily', as a Chinese keyboard types it, was told it had no ':' after its
    name, on a line where the editor could see one (an editor's walkthrough)."""
    from lgnews.errors import ArchiveErrors
    from lgnews.records import read_yaml

    path = tmp_path / "meta.yml"
    for text, line in (("title: A meeting\nsource：Liuyang Daily\n", 2), ("people:\n- name：Wang Qian\n  roles: []\n", 2)):
        with pytest.raises(ArchiveErrors) as caught:
            read_yaml(path, text)
        name = "source" if "source" in text else "name"
        assert [str(e) for e in caught.value.errors] == [
            f"{path}:{line}: invalid YAML: the colon after '{name}' is the full-width '：' of a Chinese input method: "
            f"write ':' and a space ('{name}: ...')"]


@pytest.mark.parametrize("slug", ["district-committee", "candidate-terms", "page-2"])
def test_two_glossary_entries_given_one_address_are_named(proj, slug):
    """Two entries whose slug is the same, or an entry given the address of the glossary's
    own pages (its candidate terms, its index's pages): the glossary's line and what to do,
    not the generator's "two generated pages have this address"."""
    rel = "archive/glossary.yml"
    edit(proj, rel, '- term: "District Safety Committee"\n',
         f'- term: "District Safety Committee"\n  slug: {slug}\n')
    line = line_of(proj, rel, r'^- term: "District Safety Committee"')
    index = [t for t in (proj / rel).read_text(encoding="utf-8").splitlines() if t.startswith("- term:")].index(
        '- term: "District Safety Committee"')
    # Said on the 'slug:' line, where the address was written (it was said on the term's).
    assert one(build_fails(proj), rel) == (
        f"{rel}:{line + 1}: [{index}].slug: its page address glossary/{slug}/ is already taken; set a different "
        "'slug:'")


def test_a_list_on_one_line_left_open_is_reported_on_its_line(proj):
    """'aliases: [A, B' was said one line further down, in YAML's words ("did not find
    expected ',' or ']'")."""
    rel = "archive/organizations.yml"
    text = (proj / rel).read_text(encoding="utf-8")
    (proj / rel).write_text(text.replace("  aliases:\n", "  aliases: [the bureau, the office\n  other:\n", 1),
                            encoding="utf-8")
    line = line_of(proj, rel, r"^  aliases: \[the bureau")
    assert one(build_fails(proj), rel) == (
        f"{rel}:{line}: invalid YAML: the '[' opened on this line is never closed: end it with ']' (a value "
        "holding a comma or a bracket goes in quotation marks)")
    # A list that is closed, with a quotation mark astray in it: not said to be open.
    (proj / rel).write_text(text.replace("  aliases:\n", "  aliases: ['Louxing's bureau', the office]\n", 1),
                            encoding="utf-8")
    assert "never closed" not in one(build_fails(proj), rel)


def test_glossary_entry_written_twice(proj):
    rel = "archive/glossary.yml"
    text = (proj / rel).read_text(encoding="utf-8")
    first = line_of(proj, rel, r"^- term: \"?power list")
    entry = text.splitlines()[first - 1:]
    end = next(n for n, t in enumerate(entry[1:], start=1) if t.startswith("- "))
    (proj / rel).write_text(text + "\n".join(entry[:end]) + "\n", encoding="utf-8")
    again = len(text.splitlines()) + 1
    assert one(build_fails(proj), rel) == (
        f"{rel}:{again}: [{_index(proj, rel, again)}].term: this entry repeats the entry 'power list' "
        f"(line {first}): delete one of the two, or merge them into one")


def _index(project: Path, rel: str, line: int) -> int:
    """The index in the list of ``rel`` of the entry that starts at ``line``."""
    return sum(1 for t in (project / rel).read_text(encoding="utf-8").splitlines()[:line - 1] if t.startswith("- "))


@pytest.mark.parametrize(("name", "slug"), [("Power-List", "power-list-2"), ("Power-Lists", None),
                                          ("Power - List", "power-list-3")])
def test_glossary_entry_the_text_cannot_tell_from_another(proj, name, slug):
    """'Power-List' after 'power list' (or 'Power-Lists' after its alias 'power lists'):
    matching ignores hyphens, so the first entry took every mention and the second was
    published with a page saying it appears in 0 articles (or was told to take a different
    slug, which did that)."""
    rel = "archive/glossary.yml"
    first = line_of(proj, rel, r"^- term: \"?power list")
    text = (proj / rel).read_text(encoding="utf-8")
    (proj / rel).write_text(text + f'- term: "{name}"\n' + (f"  slug: {slug}\n" if slug else "")
                            + '  definition: "X."\n  category: policy\n  confidence: low\n', encoding="utf-8")
    again = len(text.splitlines()) + 1
    assert build_fails(proj) == [
        f"{rel}:{again}: [{_index(proj, rel, again)}].term: '{name}' is read in articles as the entry 'power list' "
        f"(line {first}) is: matching ignores capitals, quotation marks and hyphens, so the earlier entry takes every "
        "mention and this one is never found; merge the two, or make one an alias of the other"]


def test_glossary_entries_a_plural_tells_apart_are_both_kept(proj):
    """'custom' and 'customs' are two terms, and the matcher finds each as written (it looks
    a matched phrase up as it is before trying it without a plural ending)."""
    rel = "archive/glossary.yml"
    text = (proj / rel).read_text(encoding="utf-8")
    (proj / rel).write_text(text + "".join(f'- term: "{t}"\n  definition: "X."\n  category: policy\n  confidence: low\n'
                                           for t in ("custom", "customs")), encoding="utf-8")
    write_article(proj, "The customs office kept a custom of the county.\n")
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    record = next(a for a in json.loads((proj / "docs" / "data" / "articles.json").read_text(encoding="utf-8"))
                  if a["id"] == "2023-01-02-a-written-article")
    assert record["terms"] == ["customs", "custom"]


def test_glossary_alias_of_another_entry_names_its_line(proj):
    rel = "archive/glossary.yml"
    first = line_of(proj, rel, r"^- term: \"?power list")
    text = (proj / rel).read_text(encoding="utf-8")
    (proj / rel).write_text(text + '- term: "register of powers"\n  aliases:\n    - "Power List"\n  definition: "X."\n'
                            '  category: policy\n  confidence: low\n', encoding="utf-8")
    alias = len(text.splitlines()) + 3
    message = one(build_fails(proj), rel)
    assert message.startswith(f"{rel}:{alias}: ") and message.endswith(
        f"aliases[0]: 'Power List' is also a name of the entry 'power list' (line {first}); a name may belong to one "
        "entry only: remove it from one of them"), message


def test_a_local_alias_is_shared_by_places_not_within_one(proj):
    """Each district's committee may be its articles' "District Committee"; two bodies of one
    place may not, nor may a name that stands for one body everywhere."""
    rel = "archive/organizations.yml"
    text = (proj / rel).read_text(encoding="utf-8").rstrip("\n")
    (proj / rel).write_text(text + '\n- name: "Shuangfeng County Committee of the CPC"\n  local_aliases: '
                            '["District Committee"]\n  place: "hunan"\n', encoding="utf-8")
    run([sys.executable, "scripts/build.py", "--quiet"], proj)  # another place: allowed
    (proj / rel).write_text(text + '\n- name: "Louxing Party School"\n  local_aliases: ["District Committee"]\n'
                            '  place: "louxing"\n', encoding="utf-8")
    assert one(build_fails(proj), rel).endswith(
        ".local_aliases[0]: 'District Committee' is already the local alias of 'Louxing District Committee of the "
        "CPC' in the articles tagged louxing: remove one of them")
    (proj / rel).write_text(text + '\n- name: "Safety Office"\n  aliases: ["District Safety Committee"]\n',
                            encoding="utf-8")
    assert one(build_fails(proj), rel).endswith(
        ".aliases[0]: 'District Safety Committee' is a local alias of 'Louxing District Safety Committee' (in the "
        "articles tagged louxing): a name an organization has everywhere cannot be another's local alias; remove "
        "one of them")


def test_local_aliases_need_a_place_that_is_a_tag(proj):
    rel = "archive/organizations.yml"
    edit(proj, rel, '  place: "louxing"\n', '  place: "louxin"\n')
    assert one(build_fails(proj), rel, "place").endswith(
        "place: 'louxin' is not a tag of archive/tags.yml; did you mean 'louxing'?")
    edit(proj, rel, '  place: "louxin"\n', "")
    assert one(build_fails(proj), rel, "local_aliases").endswith(
        "local_aliases: local aliases need a 'place:', the tag of the articles in which they stand for this "
        "organization (for example place: louxing)")


def test_a_tag_may_not_take_the_address_of_a_page_of_the_tags_list(proj):
    """tags/page-2/ is the second page of the list of tags."""
    rel = "archive/tags.yml"
    text = (proj / rel).read_text(encoding="utf-8")
    (proj / rel).write_text(text.rstrip("\n") + '\n- slug: "page-2"\n  title: "Second"\n', encoding="utf-8")
    assert one(build_fails(proj), rel).endswith(
        ".slug: its page address tags/page-2/ is taken by the list of tags; choose another slug")


@pytest.mark.parametrize("rel, added, first, message", [
    ("archive/people.yml", '- name: "Dang Jian"\n  aliases: ["party Jianguo"]\n', r'^- name: "Dang Jianguo"',
     "[{i}].aliases[0]: 'party Jianguo' is also a name of the person 'Dang Jianguo' (line {first}); a name may "
     "belong to one person only: remove it from one of them (if they are two people who share a name, give each "
     "a 'place:', the tag of the articles that name them (for example place: louxing))"),
    ("archive/people.yml", '- name: "Dang  Jianguo"\n  note: "Another note."\n', r'^- name: "Dang Jianguo"',
     "[{i}].name: this person repeats the person 'Dang Jianguo' (line {first}): delete one of the two, or merge "
     "them into one; if they are two people who share a name, give each a 'place:', the tag of the articles that "
     "name them (for example place: louxing)"),

    ("archive/organizations.yml", '- name: "Louxing Rong Media Center"\n  description: "Another."\n',
     r'^- name: "Louxing Rong Media Center"',
     "[{i}].name: this organization repeats the organization 'Louxing Rong Media Center' (line {first}): delete "
     "one of the two, or merge them into one"),
    ("archive/organizations.yml", '- name: "Party Office"\n  aliases: ["Louxing District Committee"]\n',
     r'^- name: "Louxing District Committee of the CPC"',
     "[{i}].aliases[0]: 'Louxing District Committee' is also a name of the organization 'Louxing District "
     "Committee of the CPC' (line {first}); a name may belong to one organization only: remove it from one of them"),
    ("archive/tags.yml", '- slug: "work-safety"\n  title: "Flooding"\n', r'^- slug: "work-safety"',
     "[{i}].slug: this tag repeats the tag 'work-safety' (line {first}): delete one of the two, or merge them "
     "into one"),
])
def test_a_curated_name_belongs_to_one_entry(proj, rel, added, first, message):
    """A second entry with the same name, or an alias another entry has, used to win silently:
    the curated person's page (its Chinese name and note) disappeared, an organization's
    description was replaced, a tag's title changed."""
    text = (proj / rel).read_text(encoding="utf-8")
    (proj / rel).write_text(text.rstrip("\n") + "\n" + added, encoding="utf-8")
    start = len(text.rstrip("\n").splitlines()) + 1
    at = start + (1 if "aliases" in message.split(":")[0] else 0)
    expected = f"{rel}:{at}: " + message.format(i=_index(proj, rel, start), first=line_of(proj, rel, first))
    assert one(build_fails(proj), rel) == expected


def test_glossary_field_missing_is_said_once(proj):
    rel = "archive/glossary.yml"
    edit(proj, rel, "  definition:", "  defintion:")
    lines = [line for line in build_fails(proj) if line.startswith(rel)]
    assert len(lines) == 2, lines  # the unknown field, and the missing one: not also 'is empty'
    assert any("unknown field 'defintion'" in line and "did you mean 'definition'?" in line for line in lines)
    assert any(line.endswith("missing required field 'definition' in a glossary entry") for line in lines)


def test_markdown_front_matter_not_closed(proj):
    folder = proj / "archive" / "articles" / "2023-02-01-written-article"
    folder.mkdir()
    (folder / "article.md").write_text("---\ntitle: A written article\npublished: 2023-02-01\n\nText.\n",
                                       encoding="utf-8")
    rel = "archive/articles/2023-02-01-written-article/article.md"
    assert one(build_fails(proj), rel) == (
        f"{rel}:1: the front matter is not closed: add a line '---' after the metadata (title, published, ...), "
        "before the article's text")


def test_glossary_see_also_that_does_not_exist(proj):
    rel = "archive/glossary.yml"
    edit(proj, rel, '    - "District Safety Committee"\n', '    - "District Safty Committee"\n')
    see_also = line_of(proj, rel, r"District Safty Committee") - 1  # the `see_also:` key above the item
    assert (proj / rel).read_text(encoding="utf-8").splitlines()[see_also - 1].strip() == "see_also:"
    message = one(build_fails(proj), rel)
    assert message == (f"{rel}:{see_also}: [1].see_also: 'District Safty Committee' is not a term of the "
                       "glossary; did you mean 'District Safety Committee'?")


def test_glossary_see_also_of_a_renamed_term_suggests_its_new_name(proj):
    """A term renamed, its old name kept as an alias: the entries that still named it in
    'see_also' were told it is no term, with no hint (the old name is not close to the new)."""
    rel = "archive/glossary.yml"
    edit(proj, rel, '- term: "District Safety Committee"\n  aliases:\n',
         '- term: "Work Safety Committee of the District"\n  aliases:\n    - "District Safety Committee"\n')
    errors = build_fails(proj)
    assert errors and all(e.endswith("see_also: 'District Safety Committee' is not a term of the glossary; did you "
                                     "mean 'Work Safety Committee of the District'?") for e in errors), errors


def test_a_glossary_error_does_not_blame_the_events_that_use_its_terms(proj):
    """One typo in glossary.yml must give one error, not also an error for every event whose
    `terms:` name a (perfectly valid) entry of that file."""
    edit(proj, "archive/glossary.yml", '    - "District Safety Committee"\n', '    - "District Safty Committee"\n')
    lines = build_fails(proj)
    assert [line for line in lines if line.startswith("archive/events.yml")] == [], "\n".join(lines)


def test_event_date_precision_wording(proj):
    edit(proj, "archive/events.yml", 'date: "2020-04"', 'date: "April 2020"')
    message = one(build_fails(proj), "archive/events.yml", "April 2020")
    assert message.endswith("'April 2020' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY (quoted), e.g. \"2020-04\"")


def test_events_without_an_id_are_not_also_said_to_share_one(proj):
    rel = "archive/events.yml"
    edit(proj, rel, '- id: "da-fei-zhi-wei-campaign-2012"\n  date:', "- date:")
    edit(proj, rel, '- id: "zhengzhou-7-20-rainstorm"\n  date:', "- date:")
    lines = [line for line in build_fails(proj) if line.startswith(rel)]
    assert len(lines) == 2 and all(line.endswith("id: missing required field 'id' in an event") for line in lines), lines


def test_impossible_event_dates_say_why(proj):
    rel = "archive/events.yml"
    edit(proj, rel, 'date: "2020-04"', 'date: "2021-02-30"')
    line = line_of(proj, rel, r'date: "2021-02-30"')
    assert one(build_fails(proj), rel) == (f"{rel}:{line}: [1].date: 2021-02-30 is not a day of the calendar: "
                                           "February 2021 has 28 days, not 30; check the date")
    edit(proj, rel, 'date: "2021-02-30"', 'date: "2021-13"')
    assert one(build_fails(proj), rel).endswith("2021-13 is not a month of the calendar: there is no month 13; "
                                                "check the month")


def test_a_misspelt_event_term_gets_a_suggestion(proj):
    rel = "archive/events.yml"
    edit(proj, rel, '    - "cracking down on illegal activities and preventing violations"',
         '    - "cracking down on illegal activity and preventing violations"')
    assert one(build_fails(proj), rel).endswith(
        "'cracking down on illegal activity and preventing violations' is not a term of archive/glossary.yml; "
        "did you mean 'cracking down on illegal activities and preventing violations'?")


def test_an_alias_two_events_share_is_refused(proj):
    """The phrase found only the first event's articles, and the second's list missed them in silence."""
    rel = "archive/events.yml"
    edit(proj, rel, '    - "7·20 investigation report"', '    - "7·20 Heavy Rain"')
    line = line_of(proj, rel, r'^    - "7·20 Heavy Rain"$')
    assert one(build_fails(proj), rel).endswith(
        f"{rel}:{line}: [4].aliases[1]: '7·20 Heavy Rain' is also an alias of the event 'zhengzhou-7-20-rainstorm'; an alias may name "
        "one event only: remove it from one of them")


def test_an_unknown_field_of_a_markdown_article_lists_the_fields_an_editor_writes(proj):
    rel = write_article(proj, "Text.\n", front="soruce: X\n")
    message = one(build_fails(proj), rel)
    assert message.endswith("unknown field 'soruce' in article metadata; allowed fields are title, published, "
                            "event_date, source, source_url, original_url, machine_translated, credits, people, "
                            "annotations, tags, summary; did you mean 'source'?"), message


def test_invalid_yaml_names_file_and_line(proj):
    rel = "archive/people.yml"
    edit(proj, rel, '  zh: "党建国"', '  zh: "党建国')  # unclosed quote
    line = line_of(proj, rel, r'^  zh: "党建国$')
    lines = build_fails(proj)
    message = one(lines, rel)
    assert re.fullmatch(rf"archive/people\.yml:{line}: invalid YAML: a quotation mark opened on this line is never "
                        r"closed: .+", message), message
    edit(proj, rel, '  zh: "党建国', '  zh: "党建国"')
    edit(proj, rel, '  zh: "党建国"', '  zh: "党建国"\n zh2: x')  # an indentation slip: the line and the fix
    message = one(build_fails(proj), rel)
    assert message == (f"archive/people.yml:{line_of(proj, rel, '^ zh2: x')}: invalid YAML: this line is indented 1 "
                       "space(s), unlike the lines around it: indent it 2 spaces, like the line above it, "
                       "'zh: \"党建国\"'"), message


def test_invalid_yaml_line_is_the_broken_line(proj):
    rel = "archive/events.yml"
    edit(proj, rel, '  date: "2020-04"\n', '  date: "2020-04"\n   title: [broken\n')
    line = line_of(proj, rel, r"title: \[broken")
    message = one(build_fails(proj), rel, "invalid YAML")
    assert int(message.split(":")[1]) in (line, line + 1), message


def test_a_broken_tags_file_does_not_blame_every_article(proj):
    """An error in tags.yml is one error, not also one for every tag of every article."""
    edit(proj, "archive/tags.yml", '- slug: "meetings"\n', '- slug: "meetings"\n   title: [broken\n')
    lines = build_fails(proj)
    one(lines, "archive/tags.yml", "invalid YAML")
    assert [line for line in lines if "is not in archive/tags.yml" in line] == [], "\n".join(lines)


def test_all_errors_of_a_run_are_reported_together(proj):
    edit(proj, SEED_META, "\nevent_date:", "\nevnt_date:")
    edit(proj, SEED_META, "- work-safety\n", "- safety\n")
    edit(proj, "archive/glossary.yml", '    - "District Safety Committee"\n', '    - "District Safty Committee"\n')
    edit(proj, "archive/people.yml", '  zh: "党建国"', '  zh: "党建国')
    lines = build_fails(proj)
    one(lines, SEED_META, "evnt_date")
    one(lines, SEED_META, "tag 'safety'")
    one(lines, "archive/glossary.yml", "District Safty Committee")
    one(lines, "archive/people.yml", "invalid YAML")


def test_errors_in_two_articles_are_reported_together(proj):
    raw = proj / "archive" / "articles" / SEED_ID
    other = proj / "archive" / "articles" / "2022-05-01-a-second-article"
    other.mkdir()
    (other / "article.md").write_text("---\ntitle: A second article\npublished: 2022-5-1\n---\n\nText.\n",
                                      encoding="utf-8")
    edit(proj, SEED_META, "\nevent_date:", "\nevnt_date:")
    lines = build_fails(proj)
    one(lines, str((raw / "meta.yml").relative_to(proj)), "evnt_date")
    one(lines, "archive/articles/2022-05-01-a-second-article/article.md", "'2022-5-1' is not a date")


def test_check_mode_reports_errors_too(proj):
    edit(proj, SEED_META, "published: 2022-04-30", "published: 30/04/2022")
    one(build_fails(proj, "--check"), SEED_META, "is not a date")


def _seed_source_edited(proj: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The seed's archived source.txt, with a space added at its end, and a copy of its
    original bytes."""
    source = proj / "archive" / "articles" / SEED_ID / "source.txt"
    original = tmp_path / "original.txt"
    original.write_bytes(source.read_bytes())
    with source.open("ab") as fh:
        fh.write(b" ")
    return source, original


def test_edited_source_txt(proj, tmp_path):
    source, original = _seed_source_edited(proj, tmp_path)
    assert build_fails(proj) == [
        f"archive/articles/{SEED_ID}/source.txt: its bytes no longer match the sha256 recorded in meta.yml; "
        "source files are never edited: restore it with 'git checkout -- <this file>', or ingest the original "
        "file again, which puts its bytes back (if it is the sha256 line of meta.yml that was edited, put that line "
        "back instead)"
    ]
    # An article not committed yet has nothing for git to restore: ingesting the original
    # again puts its bytes back (it used to be refused as "already archived").
    meta = (source.parent / "meta.yml").read_bytes()
    result = run([sys.executable, "scripts/ingest.py", str(original)], proj)
    assert result.stdout == (f"{original}: restored archive/articles/{SEED_ID}/source.txt, which had been changed, "
                             "to these original bytes (its meta.yml is kept)\n")
    assert source.read_bytes() == original.read_bytes() and (source.parent / "meta.yml").read_bytes() == meta
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    # With the copy intact, the same file is refused as before.
    again = run([sys.executable, "scripts/ingest.py", str(original)], proj, check=False)
    assert again.returncode == 0 and "already archived" in again.stdout
    # Among several files, the closing count says which were restored ("2 archived" counted it).
    with source.open("ab") as fh:
        fh.write(b" ")
    other = tmp_path / "other.txt"
    other.write_bytes(original.read_bytes().replace(b"On February 11", b"On February 12", 1).replace(
        b"\n", b" (second)\n", 1))
    both = run([sys.executable, "scripts/ingest.py", str(original), str(other)], proj)
    assert both.stdout.splitlines()[-1] == "ingest: 1 archived, 1 restored, 0 refused", both.stdout


def test_ctrl_c_after_a_restore_counts_it(proj, tmp_path):
    """The line Ctrl+C leaves says what was restored before it, as the closing count does."""
    source, original = _seed_source_edited(proj, tmp_path)
    other = tmp_path / "other.txt"
    other.write_bytes(original.read_bytes().replace(b"On February 11", b"On February 12", 1))
    result = run([sys.executable, "-c", INGEST_INTERRUPTED, str(original), str(other)], proj, check=False)
    assert result.returncode == 130, result.stderr
    assert result.stderr.splitlines()[-1].startswith(
        "ingest: interrupted after 0 of 2 file(s) archived, 1 restored and 0 refused; every folder of the archive "
        "is whole."), result.stderr
    assert source.read_bytes() == original.read_bytes()


def test_deleted_sha256_line_is_refused_not_a_way_round_the_check(proj):
    """Without the sha256 line, an edited source.txt went through: its page showed the edited
    text and a new checksum, as if it were the original."""
    meta = proj / "archive" / "articles" / SEED_ID / "meta.yml"
    lines = meta.read_text(encoding="utf-8").splitlines(keepends=True)
    meta.write_text("".join(line for line in lines if not line.startswith("sha256:")), encoding="utf-8")
    with (meta.parent / "source.txt").open("ab") as fh:
        fh.write(b" Edited.")
    assert build_fails(proj) == [
        f"{SEED_META}: sha256: missing; ingest records it, and the build checks source.txt against it: put the "
        "line back ('git diff -- <this file>' shows it; or ingest the original file again, which writes it)"]


def test_a_deleted_sha256_line_is_written_again_by_ingesting_the_original(proj, tmp_path):
    """An article not committed yet has no copy of its sha256 line in git: ingesting the
    original file again said only "already archived". It now writes the line again, and
    leaves the editor's other lines as they are."""
    meta = proj / "archive" / "articles" / SEED_ID / "meta.yml"
    source = meta.parent / "source.txt"
    original = tmp_path / "original.txt"
    original.write_bytes(source.read_bytes())
    lines = meta.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = "".join(line for line in lines if not line.startswith("sha256:")) + "summary: Mine, not ingest's."
    meta.write_text(kept, encoding="utf-8")
    result = run([sys.executable, "scripts/ingest.py", str(original)], proj)
    assert result.stdout == (f"{original}: restored the sha256 line of archive/articles/{SEED_ID}/meta.yml, which "
                             "had been deleted (the rest of the file is kept)\n")
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    assert meta.read_text(encoding="utf-8") == kept + f"\nsha256: {digest}\n"
    assert source.read_bytes() == original.read_bytes()
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    again = run([sys.executable, "scripts/ingest.py", str(original)], proj, check=False)
    assert again.returncode == 0 and "already archived" in again.stdout


@pytest.mark.parametrize("content, lost", [(None, "missing"), ("", "empty"), ("# emptied by mistake\n\n", "empty"),
                                            ("\ufeff", "empty"), ("\t# emptied by mistake\n\t\n", "empty")],
                         ids=["deleted", "empty", "comment-only", "bom-only", "indented-comment"])
def test_a_lost_meta_yml_is_written_again_by_ingesting_the_original(proj, tmp_path, content, lost):
    """The build says a missing meta.yml is one "ingest writes", but ingesting the original
    again said only "already archived", and wrote back no more than the sha256 line of an
    emptied one: the editor had to remove the article's folder first. Nothing an editor wrote
    is in such a file, so ingest now writes it as it first did."""
    meta = proj / "archive" / "articles" / SEED_ID / "meta.yml"
    source = meta.parent / "source.txt"
    original = tmp_path / "original.txt"
    original.write_bytes(source.read_bytes())
    if content is None:
        meta.unlink()
    else:
        meta.write_text(content, encoding="utf-8")
    result = run([sys.executable, "scripts/ingest.py", str(original)], proj)
    assert result.stdout.splitlines() == [
        f"{original}: restored archive/articles/{SEED_ID}/meta.yml, which was {lost}, as ingest first wrote it: "
        f"review it (if it was committed, 'git diff -- archive/articles/{SEED_ID}/meta.yml' shows what it held)"]
    written = meta.read_text(encoding="utf-8")
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    assert "\ntitle: Louxing District held the 2022 Work safety retreat Meeting\npublished: 2022-04-30\n" in written
    assert f"\nsha256: {digest}\n" in written and "\n  - Li Yi\n" in written
    # Under the comments it held (an editor's are kept), else ingest's own.
    assert written.startswith("# emptied by mistake\ntitle: " if content and "#" in content else
                              "# Draft metadata extracted by `make ingest`"), written[:80]
    assert source.read_bytes() == original.read_bytes()
    run([sys.executable, "scripts/build.py", "--quiet"], proj)  # a whole meta.yml, as the build wants it
    again = run([sys.executable, "scripts/ingest.py", str(original)], proj, check=False)
    assert again.returncode == 0 and "already archived" in again.stdout and meta.read_text(encoding="utf-8") == written


def test_a_lost_meta_yml_written_again_comes_with_what_to_check_first(proj, tmp_path):
    """What ingest asks the editor to check first in the meta.yml it writes is asked again
    when it writes it again."""
    original = tmp_path / "uncredited.txt"
    original.write_text("Louxing held a meeting\n2022-05-02 0 By\n\nOn May 1, the district met on safety. It "
                        "asked every township to check its mines.\n", encoding="utf-8")
    first = run([sys.executable, "scripts/ingest.py", str(original)], proj).stdout
    check = "no credit line was recognized at its end: write its credits and source in meta.yml yourself"
    assert check in first, first
    meta = proj / "archive" / "articles" / "2022-05-02-louxing-held-a-meeting" / "meta.yml"
    meta.unlink()
    again = run([sys.executable, "scripts/ingest.py", str(original)], proj).stdout
    assert f"which was missing, as ingest first wrote it: review it; {check} (if it was committed" in again, again


def test_a_meta_yml_saved_under_another_name_is_not_written_again_by_ingest(proj, tmp_path):
    """A meta.yaml holds the editor's lines: ingest writes no meta.yml beside it (the build
    says to rename it)."""
    meta = proj / "archive" / "articles" / SEED_ID / "meta.yml"
    original = tmp_path / "original.txt"
    original.write_bytes((meta.parent / "source.txt").read_bytes())
    meta.rename(meta.with_name("meta.yaml"))
    result = run([sys.executable, "scripts/ingest.py", str(original)], proj, check=False)
    assert result.returncode == 0 and "already archived" in result.stdout, result.stdout
    assert not meta.exists()


@pytest.mark.parametrize("content", ["", "# emptied by mistake\n"], ids=["empty", "comment-only"])
def test_an_emptied_meta_yml_names_every_missing_line_at_once(proj, content):
    """The missing sha256 used to be reported only once title and published were back: a
    second round of the build for the editor."""
    (proj / "archive" / "articles" / SEED_ID / "meta.yml").write_text(content, encoding="utf-8")
    assert sorted(build_fails(proj)) == [
        f"{SEED_META}: published: missing required field 'published' in article metadata",
        f"{SEED_META}: sha256: missing; ingest records it, and the build checks source.txt against it: put the "
        "line back ('git diff -- <this file>' shows it; or ingest the original file again, which writes it)",
        f"{SEED_META}: title: missing required field 'title' in article metadata"]


@pytest.mark.parametrize("written, message", [
    ("[the glossary](glossary/no-such-term/)",
     "the link to 'glossary/no-such-term/' leads to no page of the site: glossary/ has no page "
     "'glossary/no-such-term/' (copy its address from the preview's address bar: the part after the site's own)"),
    # A slip in an address written from the root: the nearest page of its folder.
    ("[the dangers](glossary/hidden-dangrs/)",
     "the link to 'glossary/hidden-dangrs/' leads to no page of the site: did you mean 'glossary/hidden-dangers/'?"),
    # The page a glossary entry's alias would have: the entry's (a review of editors' changes)
    ("[the dangers](glossary/hidden-danger/)",
     "the link to 'glossary/hidden-danger/' leads to no page of the site: 'hidden danger' is a name of the entry "
     "'hidden dangers', whose page is 'glossary/hidden-dangers/'"),
    # An article's address: most often one removed, not a slip (another article was the only
    # advice: a review of editors' changes).
    (f"[the meeting](articles/{SEED_ID[:-1]}/)",
     f"the link to 'articles/{SEED_ID[:-1]}/' leads to no page of the site: no folder of archive/articles/ is named "
     f"'{SEED_ID[:-1]}' (an article removed, or its folder renamed?); if the address has a slip, did you mean "
     f"'articles/{SEED_ID}/'?"),
    ("[the meeting](articles/2021-01-05-a-meeting-removed/)",
     "the link to 'articles/2021-01-05-a-meeting-removed/' leads to no page of the site: no folder of "
     "archive/articles/ is named '2021-01-05-a-meeting-removed' (an article removed, or its folder renamed?)"),
    # The page a name would have, where it is another's alias: that one's page, not the
    # nearest spelling ('people/tang-aihua/' for 'people/party-jianguo/': an editor's review).
    ("[Party jianguo](people/party-jianguo/)",
     "the link to 'people/party-jianguo/' leads to no page of the site: 'Party jianguo' is a name of Dang Jianguo, "
     "whose page is 'people/dang-jianguo/'"),
    ("[the page](nope/)",
     "the link to 'nope/' leads to no page of the site: write a page's address from the site's "
     "root, such as 'glossary/power-list/', 'articles/<id>/' or 'data.md'"),
    ("[the glossary](../../glossary/index.md)",
     "the link to '../../glossary/index.md' leads outside the site: write a page's address from the site's "
     "root, such as 'glossary/power-list/', 'articles/<id>/' or 'data.md'"),
    # The project's own files exist above docs/, but are not pages of the site.
    ("[the read-me](../README.md)",
     "the link to '../README.md' leads outside the site: write a page's address from the site's "
     "root, such as 'glossary/power-list/', 'articles/<id>/' or 'data.md'"),
    ("![a map](images/map.png)",
     "the link to 'images/map.png' leads to no file of the site: save the file as docs/images/map.png, or correct "
     "the link"),
    # A page's own file, as a browser shows it: the generated folder is no place to save it
    # (the message said to save the file as docs/articles/<id>/index.html: a review).
    (f"[the seed](articles/{SEED_ID}/index.html)",
     f"the link to 'articles/{SEED_ID}/index.html' leads to no file of the site: the page's address is "
     f"'articles/{SEED_ID}/' (without 'index.html'); link to that"),
    # What is wrong with the page itself is said, not its address (a review of the above).
    (f"[the seed](articles/{SEED_ID}/index.html#p99)",
     f"the link to 'articles/{SEED_ID}/index.html#p99' leads to no place of the page articles/{SEED_ID}/: it has no "
     "anchor '#p99'; correct the part after '#', or remove it"),
    ("[the list](glossary/power-lst/index.html)",
     "the link to 'glossary/power-lst/index.html' leads to no page of the site: did you mean 'glossary/power-list/'?"),
    ("[home](index.html)",
     "the link to 'index.html' leads to no file of the site: the home page's address is 'index.md'; link to that"),
    ("[the data](data/nope.json)",
     "the link to 'data/nope.json' leads to no file of the site: correct the link (a page's address ends in '/', as "
     "'articles/<id>/'; data/ holds what the build makes, and a file of your own saved there is not published: save "
     "it in another folder of docs/, such as docs/images/)"),
    # Files of docs/ that MkDocs leaves out of the site: the links were published broken.
    ("[the terms](_generated/abbreviations.json)",
     "the link to '_generated/abbreviations.json' leads to a file of docs/ that is not published (MkDocs leaves "
     "out the generator's _generated/ and every name starting with '.'); link to a page of the site"),
    ("[the list](.generated-manifest.json)",
     "the link to '.generated-manifest.json' leads to a file of docs/ that is not published (MkDocs leaves "
     "out the generator's _generated/ and every name starting with '.'); link to a page of the site"),
    # A slip after '#' led to the top of the page, in silence.
    ("[the definition](glossary/power-list/#definiton)",
     "the link to 'glossary/power-list/#definiton' leads to no place of the page glossary/power-list/: it has no "
     "anchor '#definiton'; correct the part after '#', or remove it"),
    # A place of the article's own page that it does not have was not checked at all (a review).
    ("[the second paragraph](#p9)",
     "the link to '#p9' leads to no place of this article's page: it has no anchor '#p9' (its paragraphs and "
     "headings are '#p1', '#p2', ... in order); correct the part after '#', or remove it"),
    ("[the source](#verbatim-sorce)",
     "the link to '#verbatim-sorce' leads to no place of this article's page: it has no anchor '#verbatim-sorce' "
     "(its paragraphs and headings are '#p1', '#p2', ... in order); correct the part after '#', or remove it"),
    # A tag of tags.yml that no article has yet has no page.
    ("[disasters](tags/disasters/)",
     "the link to 'tags/disasters/' leads to the page of the tag 'disasters', which no article has yet (a tag has a "
     "page once an article has it): link to 'tags/' until then"),
    # Nor an event no article mentions yet: it was told to copy the address from the preview,
    # where there is no such page (an editor's review).
    ("[the campaign](timeline/events/da-fei-zhi-wei-campaign-2012/)",
     "the link to 'timeline/events/da-fei-zhi-wei-campaign-2012/' leads to the page of the articles that mention the "
     "event 'da-fei-zhi-wei-campaign-2012', which no article mentions yet (the page is made once one does): link to "
     "its place on the timeline, 'timeline/2012/#da-fei-zhi-wei-campaign-2012', until then"),
    ("[click](javascript:alert(1))",
     "the link to 'javascript:alert(1)' is not allowed: a link in an article leads to a web page (https://...), "
     "an e-mail address (mailto:...) or a page of this site"),
    ("![a map](https://example.org/map.png)",
     "the image 'https://example.org/map.png' is on another site: the archive's pages load nothing from other "
     "sites; save the image in docs/ and link to it from the site's root (e.g. images/photo.jpg)"),
])
def test_a_link_a_markdown_article_cannot_have(proj, written, message):
    """Named in the article's own file, at its line: MkDocs would have named the generated
    page (which editors do not edit), or not seen the link at all."""
    rel = write_article(proj, f"The county met.\n\nSee {written} for more.\n")
    assert one(build_fails(proj), rel) == f"{rel}:8: {message}"
    assert build_fails(proj, "--check")


def test_a_link_written_with_an_entity_is_named_at_its_line_as_written(proj):
    """'jav&#x09;ascript:' in a reference-style link was refused with a tab in the message
    and no line: the file has the entity, not the tab (a review)."""
    rel = write_article(proj, "A [reference][x] link.\n\n[x]: jav&#x09;ascript:alert(1)\n")
    assert one(build_fails(proj), rel) == (
        f"{rel}:8: the link to 'jav\\x09ascript:alert(1)' is not allowed: a link in an article leads to a web page "
        "(https://...), an e-mail address (mailto:...) or a page of this site")


def test_a_link_to_a_place_an_editors_page_seems_not_to_have_is_a_warning(proj):
    """An article.md's link to data.md#nope was published without a word, where the same slip
    into a generated page stops the build. An editor's page's anchors are MkDocs's: found as
    it makes most of them, a miss is a warning, not a refusal."""
    write_article(proj, "The county met. See [the feeds](data.md#feeds), [the data](data.md#nope) and "
                        "[the schema](data/#text-from-the-articles).\n")
    result = run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert result.stderr.splitlines() == [
        "warning: archive/articles/2023-01-02-a-written-article/article.md:6: the link to 'data.md#nope' leads to a "
        "place '#nope' that the page data/ does not seem to have (no heading or id of that name): follow the link in "
        "the preview to check it"]


def test_a_broken_link_written_twice_is_said_at_each_of_its_lines(proj):
    """Both were said at the first one's line."""
    rel = write_article(proj, "The county met. See [the terms](glossary/nope/).\n\nAgain: [terms](glossary/nope/).\n")
    assert [line for line in build_fails(proj) if line.startswith(rel)] == [
        f"{rel}:{n}: the link to 'glossary/nope/' {NO_GLOSSARY_PAGE}" for n in (6, 8)]


def test_a_place_the_articles_page_does_not_have_written_twice_is_said_at_each_of_its_lines(proj):
    rel = write_article(proj, "The county met. See [the note](#p9).\n\nAgain: [it](#p9).\n")
    assert [line for line in build_fails(proj) if line.startswith(rel)] == [
        f"{rel}:{n}: the link to '#p9' leads to no place of this article's page: it has no anchor '#p9' (its "
        "paragraphs and headings are '#p1', '#p2', ... in order); correct the part after '#', or remove it"
        for n in (6, 8)]


def test_a_link_to_a_place_the_home_page_seems_not_to_have_names_the_home_page(proj):
    """It read "that the page  does not seem to have": the home page's address is empty."""
    write_article(proj, "The county met. See [the latest](index.md#nope).\n")
    result = run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert result.stderr.splitlines() == [
        "warning: archive/articles/2023-01-02-a-written-article/article.md:6: the link to 'index.md#nope' leads to a "
        "place '#nope' that the home page does not seem to have (no heading or id of that name): follow the link in "
        "the preview to check it"]


def test_links_into_generated_pages_reach_their_anchors(proj):
    """A heading, a paragraph, a timeline entry: each is an anchor an article can link to
    (that the built pages have exactly these anchors is test_site's
    test_the_anchors_the_generator_checks_are_those_of_the_built_pages)."""
    targets = ["glossary/power-list/#definition", f"articles/{SEED_ID}/#p2", f"articles/{SEED_ID}/#verbatim-source",
               f"timeline/2022/#event-{SEED_ID}", "timeline/2022/#zhengzhou-7-20-investigation-report"]
    links = " ".join(f"[link {n}]({target})" for n, target in enumerate(targets))
    write_article(proj, f"The county met. See {links}.\n")
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    page = (proj / "docs" / "articles" / "2023-01-02-a-written-article" / "index.md").read_text(encoding="utf-8")
    assert '<a href="../../glossary/power-list/#definition">link 0</a>' in page
    assert f'<a href="../{SEED_ID}/#p2">link 1</a>' in page


def test_an_editors_page_that_is_not_utf8_is_named_before_mkdocs_stops_on_it(proj):
    """MkDocs printed a traceback of 15 lines for it."""
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    (proj / "docs" / "cafe.md").write_bytes("# Café\n".encode("latin-1"))
    before = snapshot(proj / "docs")
    result = run([sys.executable, "scripts/build.py"], proj, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == ["docs/cafe.md: not UTF-8 text; save the file as UTF-8",
                                          "build: 1 problem(s) in docs/; nothing was written"]
    assert snapshot(proj / "docs") == before


@pytest.mark.parametrize(("front", "line", "message"), [
    ("title: About: the archive", 3, "invalid YAML: mapping values are not allowed in this context; the value holds "
                                     "': ', which YAML reads as the start of another field: put the whole value in "
                                     "quotes: title: 'About: the archive'"),
    ("# the title comes later", 2, "write it as fields, one a line ('title: About the archive'), or delete it"),
    ("- title", 2, "write it as fields, one a line ('title: About the archive'), or delete it"),
    # PyYAML's own ValueError, not a YAML error: a traceback (a review of session 32).
    ("title: About\ndate: 2022-02-30", 4, "'2022-02-30' is not a date that exists: correct it, or put it in "
                                          "quotation marks to keep it as it is written"),
    ("title: About\nweight: !!int 0xZZ", 4, "'!!int 0xZZ' is not what its '!!int' says: correct the value, or "
                                            "leave out the '!!int'"),
])
def test_an_editors_page_whose_front_matter_mkdocs_would_not_read(proj, front, line, message):
    """MkDocs drops front matter it cannot read without a word, and the page showed it as a
    heading ('title: About: the archive') under a strict build that passed."""
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    (proj / "docs" / "about.md").write_text(f"---\n\n{front}\n---\n\n# About\n\nThe archive.\n", encoding="utf-8")
    before = snapshot(proj / "docs")
    result = run([sys.executable, "scripts/build.py"], proj, check=False)
    assert result.returncode == 1 and snapshot(proj / "docs") == before
    assert result.stderr.splitlines() == [
        f"docs/about.md:{line}: the front matter (between the '---' lines) is not read, and shows as the page's "
        f"text: {message}", "build: 1 problem(s) in docs/; nothing was written"]
    (proj / "docs" / "about.md").write_text("---\ntitle: 'About: the archive'\n---\n\n# About\n", encoding="utf-8")
    run([sys.executable, "scripts/build.py", "--quiet"], proj)


@pytest.mark.parametrize("kind", ["Windows line ends", "a byte-order mark"])
def test_an_editors_page_saved_on_windows_is_read_as_mkdocs_reads_it(proj, kind):
    """MkDocs reads a page with its byte-order mark dropped and its line ends as "\\n": the
    same broken front matter was said in a page with "\\n" line ends, and not in these."""
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    text = "---\ntitle: About: the archive\n---\n\n# About\n"
    data = text.replace("\n", "\r\n").encode() if kind == "Windows line ends" else b"\xef\xbb\xbf" + text.encode()
    (proj / "docs" / "about.md").write_bytes(data)
    result = run([sys.executable, "scripts/build.py"], proj, check=False)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith(
        "docs/about.md:2: the front matter (between the '---' lines) is not read, and shows as the page's text: "
        "invalid YAML: mapping values are not allowed")


def test_an_editors_page_whose_front_matter_is_not_closed(proj):
    """Without its second '---', the front matter of a page in docs/ was published as the
    page's first lines, a rule then "title: About us", under a strict build that passed (an
    article.md's was refused). A page that starts with a rule, then its text, is left be."""
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    (proj / "docs" / "about.md").write_text("---\ntitle: About us\n\n# About\n\nThe archive.\n", encoding="utf-8")
    before = snapshot(proj / "docs")
    result = run([sys.executable, "scripts/build.py"], proj, check=False)
    assert result.returncode == 1 and snapshot(proj / "docs") == before
    assert result.stderr.splitlines() == [
        "docs/about.md:1: the front matter is not closed, and shows as the page's text: add a line '---' after its "
        "last field", "build: 1 problem(s) in docs/; nothing was written"]
    for text in ("---\n\nThe archive, under a rule.\n", "---\nNote: the archive, under a rule.\n",
                 "---\nhttps://example.org/ is where the archive began.\n"):
        (proj / "docs" / "about.md").write_text(text, encoding="utf-8")
        run([sys.executable, "scripts/build.py", "--quiet"], proj)


@pytest.mark.parametrize("what", ["glossary", "event"])
def test_the_guides_example_source_is_not_published(proj, what):
    """The glossary entry and the event of docs/editors.md, copied as they are, published
    the guide's example.org address as the facts' source."""
    guide = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")
    examples = {"glossary": "https://example.org/a-page-that-supports-the-definition",
                "event": "https://example.org/source"}
    assert set(examples.values()) == GUIDE_EXAMPLE_SOURCES and all(url in guide for url in examples.values())
    url = examples[what]
    if what == "glossary":
        name = "archive/glossary.yml"
        entry = (f"\n- term: grid management\n  definition: Cells of a district, each with its staff.\n"
                 f"  category: policy\n  confidence: medium\n  sources:\n    - url: \"{url}\"\n")
    else:
        name = "archive/events.yml"
        entry = (f"\n- id: grid-management-2023\n  date: 2023-03-01\n  title: Grid management begins\n"
                 f"  description: The district is divided into cells.\n  sources:\n    - url: \"{url}\"\n")
    path = proj / name
    path.write_text(path.read_text(encoding="utf-8") + entry, encoding="utf-8")
    [line] = build_fails(proj)
    assert line.startswith(f"{name}:") and line.endswith(
        f"url: '{url}' is the example of docs/editors.md: write the address of the page the facts come from, or "
        "'sources: []' if there is none"), line


def test_a_place_of_organizations_yml_is_said_in_its_warning(proj):
    """A body of one place, whose article lost the place's tag: the article names it, but
    not where the body is (the warning said no article named it)."""
    edit(proj, SEED_META, "- louxing\n", "")
    said = run([sys.executable, "scripts/build.py", "--quiet"], proj).stderr
    assert "no article tagged 'louxing' names 'Louxing District Committee of the CPC' (by the name or an alias), " \
           "nor credits it as its source: check them against the articles and their tags" in said, said


@pytest.mark.parametrize(("rel", "old", "new", "message", "gone"), [
    # A slip in an alias of people.yml deleted the person's page without a word.
    ("archive/people.yml", '"Party jianguo"', '"Party jiangou"', "no article names 'Dang Jianguo' (by the name or "
     "an alias): check them; a person no article names has no page", "people/dang-jianguo"),
    # A body of organizations.yml renamed ("Centre" for "Center") gave a page that said "0
    # articles" without a word, and the articles' media center lost its description (an
    # editor's review).
    ("archive/organizations.yml", '"Louxing Rong Media Center"', '"Louxing Rong Media Centre"', "no article names "
     "'Louxing Rong Media Centre' (by the name or an alias), nor credits it as its source: check them against the "
     "articles", None),
])
def test_an_entry_no_article_names_is_a_warning(proj, rel, old, new, message, gone):
    text = (proj / rel).read_text(encoding="utf-8")
    line = text[:text.index(old)].count("\n") + 1  # the entry's name, or the line of its alias
    line = next(n for n in range(line, 0, -1) if text.splitlines()[n - 1].startswith("- name:"))
    edit(proj, rel, old, new)
    result = run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert result.stderr.splitlines() == [f"warning: {rel}:{line}: {message}"]
    assert gone is None or not (proj / "docs" / gone).exists()
    checked = run([sys.executable, "scripts/build.py", "--check"], proj)  # what an editor runs before committing
    assert message in checked.stderr
    edit(proj, rel, new, old)
    result = run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert gone is None or (proj / "docs" / gone / "index.md").is_file()
    # The page the slip made for the name, as a name of its own, goes again, and is said.
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("warning: the page ") and \
        f"is now a name of {'Dang Jianguo' if gone else 'Louxing Rong Media Center'}, whose page is" in result.stderr


def test_a_file_the_article_is_not_made_from_is_a_warning(proj):
    """An editor saved notes.txt and a corrected copy of the source beside an article, and an
    images/ folder, and the site showed none of them without a word."""
    folder = proj / "archive" / "articles" / SEED_ID
    (folder / "notes.txt").write_text("Check the names with the county's website.\n", encoding="utf-8")
    (folder / "source-corrected.txt").write_text("Louxing District held...\n", encoding="utf-8")
    (folder / "images").mkdir()
    (folder / "images" / "photo.jpg").write_bytes(b"\xff\xd8")
    (folder / "meta.yml~").write_text("title: a text editor's backup\n", encoding="utf-8")  # not the editor's doing
    (folder / ".meta.yml.swp").write_bytes(b"")
    result = run([sys.executable, "scripts/build.py", "--quiet"], proj)
    advice = ("is not part of the article, which is made from its source.txt and meta.yml (or its article.md) "
              "only: the site does not show it. Move it out of archive/articles/ (an image for an article "
              "written in Markdown goes in docs/images/); a note on the text goes under annotations: in meta.yml")
    warnings = [f"warning: archive/articles/{SEED_ID}/{name} {advice}"
                for name in ("images/", "notes.txt", "source-corrected.txt")]
    assert result.stderr.splitlines() == warnings
    assert (proj / "docs" / "articles" / SEED_ID / "index.md").is_file()  # a warning: the build goes on
    again = run([sys.executable, "scripts/build.py"], proj)  # nothing changed: said again all the same
    assert again.stderr.splitlines() == warnings and "nothing changed" in again.stdout
    assert run([sys.executable, "scripts/build.py", "--check"], proj).stderr.splitlines() == warnings
    for name in ("notes.txt", "source-corrected.txt"):
        (folder / name).unlink()
    shutil.rmtree(folder / "images")
    assert run([sys.executable, "scripts/build.py", "--quiet"], proj).stderr == ""


def test_a_folder_of_drafts_among_the_articles_is_one_error_and_no_warning(proj):
    """Reported twice: as a file the article is not made from, and as a folder name that is
    not an article id; and a file at the top of articles/ did not say what to do."""
    (proj / "archive" / "articles" / "drafts").mkdir()
    (proj / "archive" / "articles" / "drafts" / "x.txt").write_text("draft\n", encoding="utf-8")
    (proj / "archive" / "articles" / "notes.txt").write_text("to do\n", encoding="utf-8")
    assert build_fails(proj) == [
        "archive/articles/drafts: the folder name is not an article id (YYYY-MM-DD-slug in lowercase letters, "
        "digits and hyphens): rename it so, or move it out of archive/articles/ (make ingest and make new-article "
        "name the folders they make)",
        "archive/articles/notes.txt: not a folder; articles/ holds one folder per article: move this file out of "
        "archive/articles/"]

def test_bad_article_folders(proj):
    articles = proj / "archive" / "articles"
    (articles / "My article").mkdir()
    (articles / "2023-01-01-empty").mkdir()
    shutil.copytree(articles / SEED_ID, articles / "2023-02-30-no-such-day")
    (articles / "2023-01-02-no-front-matter").mkdir()
    (articles / "2023-01-02-no-front-matter" / "article.md").write_text("Just text.\n", encoding="utf-8")
    lines = build_fails(proj)
    assert one(lines, "archive/articles/My article").endswith(
        "rename it so, or move it out of archive/articles/ (make ingest and make new-article name the folders "
        "they make)")
    assert one(lines, "archive/articles/2023-01-01-empty").endswith(
        "has no source.txt or article.md; add one, or remove the folder")
    assert one(lines, "archive/articles/2023-02-30-no-such-day").endswith(
        "the folder name starts with 2023-02-30, which is not a day of the calendar; name the folder after the "
        "article's date of publication")
    assert one(lines, "archive/articles/2023-01-02-no-front-matter/article.md") == (
        "archive/articles/2023-01-02-no-front-matter/article.md:1: no front matter: start the file with '---', "
        "the metadata (title, published, ...), and '---' again")


def test_markdown_front_matter_error_gives_the_line_of_the_file(proj):
    """The line number of an error in an article.md front matter counts the lines of the
    file, where the opening '---' is line 1."""
    folder = proj / "archive" / "articles" / "2023-02-01-written-article"
    folder.mkdir()
    (folder / "article.md").write_text(
        "---\ntitle: A written article\npublished: 2023-02-01\nsumary: A typo.\n---\n\nText.\n", encoding="utf-8")
    rel = "archive/articles/2023-02-01-written-article/article.md"
    message = one(build_fails(proj), rel, "sumary")
    assert message.startswith(f"{rel}:4: sumary: unknown field 'sumary'"), message
    assert message.endswith("did you mean 'summary'?")


# --------------------------------------------------------------------------- ingest


@pytest.fixture
def raw_files(tmp_path) -> dict[str, Path]:
    folder = tmp_path / "incoming"
    folder.mkdir()
    files = {
        "empty": b"",
        "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        "no-date": b"A county meeting on safety\n\nThe county held a meeting.\n",
        "good": (
            b"Ningxiang City held a work safety meeting\n\n2023-03-15 0 By\n\n"
            b"On March 14, Deng Hui, mayor of the city, presided over the meeting.The meeting stressed safety."
            b"(Reporter Wang Lei, correspondent Chen Jing) Source: Ningxiang Rong Media Center\n"
        ),
    }
    out = {}
    for name, data in files.items():
        path = folder / f"{name}.txt"
        path.write_bytes(data)
        out[name] = path
    return out


def ingest(project: Path, *files: Path) -> subprocess.CompletedProcess:
    return run([sys.executable, "scripts/ingest.py", *map(str, files)], project, check=False)


def test_ingest_refuses_bad_files_one_line_each_and_archives_the_good_one(proj, raw_files):
    before = snapshot(proj / "archive")
    result = ingest(proj, raw_files["empty"], raw_files["binary"], raw_files["no-date"], raw_files["good"])
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    refused = [line for line in result.stderr.splitlines() if line.startswith(str(raw_files["empty"].parent))]
    assert refused == [
        f"{raw_files['empty']}: empty file",
        f"{raw_files['binary']}: binary file (contains NUL bytes), not a text article",
        f"{raw_files['no-date']}: no date header: the line after the title should look like '2022-04-30 0 By', "
        "not 'The county held a meeting.'",
    ]
    assert "ingest: 1 archived, 3 refused" in result.stdout + result.stderr
    archived = re.findall(rf"^{re.escape(str(raw_files['good']))}: archived as archive/articles/([^/]+)/ "
                          r"\(review its meta\.yml\)$", result.stdout, re.M)
    assert archived == ["2023-03-15-ningxiang-city-held-a-work-safety-meeting"], result.stdout
    new_id = archived[0]
    after = snapshot(proj / "archive")
    added = {k: v for k, v in after.items() if k not in before}
    assert sorted(added) == [f"articles/{new_id}/meta.yml", f"articles/{new_id}/source.txt"]
    assert {k: after[k] for k in before} == before, "ingest changed files that were already archived"
    assert (proj / "archive" / "articles" / new_id / "source.txt").read_bytes() == raw_files["good"].read_bytes()


def test_ingest_of_only_bad_files_changes_nothing(proj, raw_files):
    before = snapshot(proj / "archive")
    result = ingest(proj, raw_files["empty"], raw_files["binary"], raw_files["no-date"])
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len([line for line in result.stderr.splitlines() if line.startswith(str(raw_files["empty"].parent))]) == 3
    assert snapshot(proj / "archive") == before
    assert not [p for p in (proj / "archive" / "articles").iterdir() if p.name.startswith(".")], "staging left behind"


def test_ingest_same_file_twice(proj, raw_files):
    assert ingest(proj, raw_files["good"]).returncode == 0
    before = snapshot(proj / "archive")
    result = ingest(proj, raw_files["good"])
    assert result.returncode == 0
    assert result.stdout.strip() == (
        f"{raw_files['good']}: already archived as archive/articles/2023-03-15-ningxiang-city-held-a-work-safety-meeting/"
        " (same SHA-256); not added again")
    assert snapshot(proj / "archive") == before


@pytest.mark.parametrize("resaved", ["windows", "bom", "gb18030", "comments", "paragraphs"])
def test_the_same_text_saved_again_is_already_archived(proj, raw_files, tmp_path, resaved):
    """The same article with other line endings, a byte order mark or in another encoding
    was archived a second time (as ...-2/), and the site published it twice; so was the
    same page scraped again once readers had commented on it (the header's count)."""
    text = raw_files["good"].read_text(encoding="utf-8").replace("the meeting.", "the meeting (宁乡市).")
    first = tmp_path / "first.txt"
    first.write_text(text, encoding="utf-8")
    assert ingest(proj, first).returncode == 0
    again = tmp_path / "again.txt"
    again.write_bytes({"windows": text.replace("\n", "\r\n").encode("utf-8"),
                       "bom": b"\xef\xbb\xbf" + text.encode("utf-8"),
                       "gb18030": text.encode("gb18030"),
                       "comments": text.replace(" 0 By", " 12 By", 1).encode("utf-8"),
                       # A site that kept the paragraph machine translation glued to the one before
                       "paragraphs": text.replace(".The meeting", ".\nThe meeting").encode("utf-8")}[resaved])
    assert again.read_bytes() != text.encode("utf-8")
    before = snapshot(proj / "archive")
    result = ingest(proj, again)
    # Nothing to do, as for the same bytes: no failure (it ended with exit status 1, and a
    # batch counted it as refused: an editor's review).
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.strip() == (
        f"{again}: already archived as archive/articles/2023-03-15-ningxiang-city-held-a-work-safety-meeting/ (the "
        "same words; only the bytes differ: line endings or breaks, a byte order mark, the encoding or the comment "
        "count); not added again")
    assert snapshot(proj / "archive") == before


def test_what_a_stopped_ingest_left_is_said_and_does_not_block_the_file(proj, raw_files):
    """An ingest killed before its rename leaves its .ingest-* folder: the build skipped it
    without a word, and ingesting the file again was refused as "already archived as
    archive/articles/.ingest-…/", so the article never appeared."""
    left = proj / "archive" / "articles" / ".ingest-zz"
    left.mkdir()
    shutil.copyfile(raw_files["good"], left / "source.txt")
    other = proj / "archive" / "articles" / ".ingest-yy"
    other.mkdir()
    (other / "source.txt").write_bytes(raw_files["good"].read_bytes() + b"\nAnother line.\n")
    result = ingest(proj, raw_files["good"])
    assert result.returncode == 0, result.stderr
    built = run([sys.executable, "scripts/build.py", "--quiet"], proj)
    # The one whose file was ingested again since is only to remove (it said the file was not
    # in the archive, and to ingest it again: a review of interruptions)
    assert built.stderr.splitlines() == [
        "warning: archive/articles/.ingest-yy/ was left by an ingest stopped before its end: its file is not in the "
        "archive; remove the folder (rm -r archive/articles/.ingest-yy) and ingest the file again",
        "warning: archive/articles/.ingest-zz/ was left by an ingest stopped before its end; its file has been "
        "archived since, as archive/articles/2023-03-15-ningxiang-city-held-a-work-safety-meeting/: remove the "
        "folder (rm -r archive/articles/.ingest-zz)"], built.stderr
    assert (proj / "docs" / "articles" / "2023-03-15-ningxiang-city-held-a-work-safety-meeting" / "index.md").is_file()


def test_an_article_folder_copied_by_hand_is_refused(proj):
    articles = proj / "archive" / "articles"
    shutil.copytree(articles / SEED_ID, articles / f"{SEED_ID}-2")
    assert one(build_fails(proj), f"archive/articles/{SEED_ID}-2") == (
        f"archive/articles/{SEED_ID}-2: has the same source as archive/articles/{SEED_ID}/ (the same SHA-256): the "
        "article is archived twice; remove one of the two folders")


# --------------------------------------------------------------------------- new-article


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--published", "2023-06-05"], 'new-article: missing title: make new-article TITLE="The title" DATE=YYYY-MM-DD'),
        (["--title", "  ", "--published", "2023-06-05"],
         'new-article: missing title: make new-article TITLE="The title" DATE=YYYY-MM-DD'),
        (["--title", "A title"],
         'new-article: missing publication date: make new-article TITLE="The title" DATE=YYYY-MM-DD'),
        (["--title", "A title", "--published", "5 June 2023"],
         "new-article: '5 June 2023' is not a date; write it as YYYY-MM-DD, for example 2022-04-30"),
        (["--title", "A title", "--published", "2023-02-29"],
         "new-article: 2023-02-29 is not a day of the calendar: February 2023 has 28 days, not 29; check DATE"),
        # The build refuses such a year, and the folder would have been named after it.
        (["--title", "A title", "--published", "2099-01-01"],
         f"new-article: 2099-01-01: the year 2099 cannot be an article's (from 1900 to {date.today().year + 1}); "
         "check the year"),
        # The folder would have been named '2023-06-05-article'.
        (["--title", "!!! ?", "--published", "2023-06-05"],
         "new-article: the title '!!! ?' has no letter or digit; write the article's title in words"),
        # The file was made, and the build then refused it.
        (["--title", "A" * 301, "--published", "2023-06-05"],
         "new-article: the title is 301 characters long, more than the 300 a title may have: shorten it"),
    ],
    ids=["no-title", "blank-title", "no-date", "bad-date", "impossible-date", "far-year", "no-words", "long-title"],
)
def test_new_article_refuses_with_one_line(proj, args, message):
    before = snapshot(proj / "archive")
    result = run([sys.executable, "scripts/new_article.py", *args], proj, check=False)
    assert result.returncode == 2
    assert result.stderr.strip() == message
    assert result.stdout == ""
    assert snapshot(proj / "archive") == before


def test_new_article_takes_a_title_as_long_as_the_build_does(proj):
    """300 characters are a title; the 301st is refused (above), as the build refuses it."""
    title = "The county met " + "a" * 285
    result = run([sys.executable, "scripts/new_article.py", "--title", title, "--published", "2023-06-05"], proj)
    assert len(title) == 300 and result.returncode == 0, result.stderr
    assert f"title: {title}" in (proj / result.stdout.strip()).read_text(encoding="utf-8").replace("'", "")


def test_new_article_run_twice_says_it_made_a_second_article(proj):
    """The same title and date again made '<id>-2' without a word: an editor who ran the
    command twice wrote in one of two articles, and the other was refused as a skeleton."""
    args = [sys.executable, "scripts/new_article.py", "--title", "The county met", "--published", "2023-06-05"]
    first = run(args, proj)
    assert first.stdout == "archive/articles/2023-06-05-the-county-met/article.md\n"
    assert "this is a second article" not in first.stderr
    second = run(args, proj)
    assert second.stdout == "archive/articles/2023-06-05-the-county-met-2/article.md\n"
    assert second.stderr.splitlines()[0] == (
        "new-article: archive/articles/2023-06-05-the-county-met/ has this date and title already: this is a second "
        "article, 2023-06-05-the-county-met-2; if you meant to write the first, remove the new one (rm -r "
        "archive/articles/2023-06-05-the-county-met-2)")


def test_an_article_md_saved_with_a_byte_order_mark_is_read_as_without(proj):
    """Windows Notepad puts one first: the file was refused as having no front matter."""
    folder = proj / "archive" / "articles" / "2023-02-01-written-article"
    folder.mkdir()
    (folder / "article.md").write_bytes(
        b"\xef\xbb\xbf---\r\ntitle: A written article\r\npublished: 2023-02-01\r\n---\r\n\r\nThe county met.\r\n")
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    page = (proj / "docs" / "articles" / "2023-02-01-written-article" / "index.md").read_text(encoding="utf-8")
    assert '"title":"A written article"' in page and "The county met." in page


def test_a_folder_where_a_file_should_be_is_one_line(proj):
    articles = proj / "archive" / "articles"
    shutil.copytree(articles / SEED_ID, articles / "2023-03-01-copied")
    (articles / "2023-03-01-copied" / "meta.yml").unlink()
    (articles / "2023-03-01-copied" / "meta.yml").mkdir()
    (proj / "archive" / "people.yml").unlink()
    (proj / "archive" / "people.yml").mkdir()
    lines = build_fails(proj)
    assert one(lines, "archive/articles/2023-03-01-copied/meta.yml") == (
        "archive/articles/2023-03-01-copied/meta.yml: is a folder, not a file: put the file in its place")
    assert one(lines, "archive/people.yml") == "archive/people.yml: is a folder, not a file: put the file in its place"


def test_a_meta_file_under_another_name_is_named(proj):
    folder = proj / "archive" / "articles" / SEED_ID
    (folder / "meta.yml").rename(folder / "meta.yaml")
    assert one(build_fails(proj), f"archive/articles/{SEED_ID}/meta.yml") == (
        f"archive/articles/{SEED_ID}/meta.yml: missing; every source.txt needs its meta.yml (ingest writes it): "
        "rename meta.yaml to meta.yml")


def test_a_renamed_or_deleted_archive_file_is_named(proj):
    """archive/glossary.yml renamed to glossary.yaml, events.yml deleted: the build went on
    and deleted every glossary page without a word, and blamed events.yml's terms on the
    glossary."""
    build = run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert build.returncode == 0
    (proj / "archive" / "glossary.yml").rename(proj / "archive" / "glossary.yaml")
    (proj / "archive" / "events.yml").unlink()
    assert build_fails(proj) == ["archive/glossary.yml: missing: rename glossary.yaml to glossary.yml"]
    assert (proj / "docs" / "glossary" / "power-list" / "index.md").is_file()  # (build_fails: docs/ untouched)
    # A list that is not there at all is read as empty (a new archive), and said.
    (proj / "archive" / "glossary.yaml").rename(proj / "archive" / "glossary.yml")
    result = run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert result.stderr.splitlines() == [
        "warning: archive/events.yml is missing, so the archive has no key events: if it was deleted or moved by "
        "mistake, restore it (git checkout -- archive/events.yml); if there are none, write an empty list in it "
        "('[]')"]


@pytest.mark.parametrize("content", ["", "\n\n", "# Curated people.\n"])
def test_an_emptied_archive_file_is_named_not_read_as_no_entries(proj, content):
    """An emptied people.yml (a bad save) deleted every curated person's page and said only
    '3 deleted'; an emptied glossary.yml was blamed on events.yml, which names its terms.
    '[]' is how an archive says it has none."""
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    for name in ("people.yml", "glossary.yml"):
        kept = (proj / "archive" / name).read_bytes()
        (proj / "archive" / name).write_text(content, encoding="utf-8")
        assert build_fails(proj) == [
            f"archive/{name}: is empty: if its entries were lost, restore them (git checkout -- archive/{name}); "
            "if there are none, write an empty list in it ('[]')"]
        (proj / "archive" / name).write_bytes(kept)
    assert (proj / "docs" / "people" / "dang-jianguo" / "index.md").is_file()  # (build_fails: docs/ untouched)
    (proj / "archive" / "people.yml").write_text("# No one yet.\n[]\n", encoding="utf-8")
    result = run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert result.returncode == 0 and "people.yml" not in result.stderr, result.stderr


def test_an_article_archived_again_under_another_title_is_said(proj):
    """The seed republished with a new title was archived a second time without a word
    (ingest refuses the same bytes, and the same text under the same title)."""
    seed = (proj / "archive" / "articles" / SEED_ID / "source.txt").read_bytes()
    first_line = seed.split(b"\n", 1)[0]
    retitled = proj / "retitled.txt"
    retitled.write_bytes(seed.replace(first_line, b"Louxing District deploys work safety for the year", 1))
    ingested = run([sys.executable, "scripts/ingest.py", str(retitled)], proj)
    assert "archived as archive/articles/2022-04-30-louxing-district-deploys-work-safety-for-the-year/" in \
        ingested.stdout + ingested.stderr, ingested.stdout + ingested.stderr
    result = run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert result.stderr.splitlines() == [
        "warning: archive/articles/2022-04-30-louxing-district-deploys-work-safety-for-the-year/ and "
        f"archive/articles/{SEED_ID}/ have the same text under two titles: if it is one article published twice, "
        "remove one of the two folders"], result.stderr
    # Another article that shares paragraphs but not all of them is not the same text.
    retitled_meta = proj / "archive" / "articles" / "2022-04-30-louxing-district-deploys-work-safety-for-the-year"
    shutil.rmtree(retitled_meta)
    retitled.write_bytes(seed.replace(first_line, b"Louxing District deploys work safety for the year", 1)
                         .replace(b"On February 11", b"On February 12", 1))
    run([sys.executable, "scripts/ingest.py", str(retitled)], proj)
    assert run([sys.executable, "scripts/build.py", "--quiet"], proj).stderr == ""


def test_an_article_copied_with_other_bytes_is_said_in_a_sentence(proj):
    """Under the same title and date, the warning read "have the same text under two : if it
    is one article…"."""
    articles = proj / "archive" / "articles"
    shutil.copytree(articles / SEED_ID, articles / f"{SEED_ID}-2")
    source = articles / f"{SEED_ID}-2" / "source.txt"
    source.write_bytes(source.read_bytes().replace(b" 0 By", b" 5 By", 1))
    meta = articles / f"{SEED_ID}-2" / "meta.yml"
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    meta.write_text(re.sub(r"sha256: [0-9a-f]{64}", f"sha256: {digest}", meta.read_text(encoding="utf-8")),
                    encoding="utf-8")
    result = run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert result.stderr.splitlines() == [
        f"warning: archive/articles/{SEED_ID}/ and archive/articles/{SEED_ID}-2/ have the same text, title and "
        "date: if it is one article published twice, remove one of the two folders"], result.stderr


def test_an_article_with_the_title_and_date_of_another_is_said(proj):
    """The seed with one word changed, ingested: every list showed two lines alike (the title
    and the date), and neither ingest nor the build said a word (a reader's review)."""
    seed = (proj / "archive" / "articles" / SEED_ID / "source.txt").read_bytes()
    revised = proj / "revised.txt"
    revised.write_bytes(seed.replace(b"On February 11", b"On February 12", 1))
    ingested = run([sys.executable, "scripts/ingest.py", str(revised)], proj)
    assert (f"an article with the same date and title, in other words, is archived as {SEED_ID}/: if this is a "
            "revised copy of it, remove one of the two folders; if they are two articles, give one a title that "
            "tells them apart in meta.yml") in ingested.stdout, ingested.stdout
    result = run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert result.stderr.splitlines() == [
        f"warning: archive/articles/{SEED_ID}/ and archive/articles/{SEED_ID}-2/ have the same title and date, in "
        "other words: readers see two lines alike in every list; if one is a revised copy of the other, remove one "
        "of the two folders, else give one a title that tells them apart in its meta.yml"], result.stderr
    # Retitled as the warning says, the article is said no more.
    edit(proj, f"archive/articles/{SEED_ID}-2/meta.yml", "title: ", "title: Revised copy of ")
    assert run([sys.executable, "scripts/build.py", "--quiet"], proj).stderr == ""
    # A title that only makes the same folder name is another (a review: ingest said "the same
    # date and title" of titles that differ after the 60 characters of a folder's name)
    other = proj / "other.txt"
    other.write_bytes(seed.replace(b"Meeting", b"Meeting!", 1).replace(b"On February 11", b"On February 13", 1))
    ingested = run([sys.executable, "scripts/ingest.py", str(other)], proj)
    assert f"archived as archive/articles/{SEED_ID}-3/" in ingested.stdout, ingested.stdout
    assert "same date and title" not in ingested.stdout, ingested.stdout


def test_a_build_that_cannot_write_says_so_in_one_line(proj):
    """A file named docs where the folder should be (or a full disk, a read-only folder) ended
    in a traceback: FileExistsError from deep in the writer."""
    shutil.rmtree(proj / "docs")
    (proj / "docs").write_text("", encoding="utf-8")
    result = run([sys.executable, "scripts/build.py", "--quiet"], proj, check=False)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "build: cannot write docs: File exists; once that is mended, run the build again: the pages written before "
        "it are recorded, and are brought up to date"], result.stderr


def test_a_renamed_article_folder_warns_that_its_address_is_gone(proj):
    """The folder name is the article's address for good: renaming it moved the page without a
    word ("1 deleted" in the summary was all)."""
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    articles = proj / "archive" / "articles"
    (articles / SEED_ID).rename(articles / f"{SEED_ID}-x")
    result = run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert result.stderr.splitlines() == [
        f"warning: the page articles/{SEED_ID}/ is gone, as archive/articles/{SEED_ID}/ is: links to it from "
        "elsewhere now lead nowhere; if the folder was renamed, give it back its name" + MOVED_ADVICE]
    assert (proj / "docs" / "articles" / f"{SEED_ID}-x" / "index.md").is_file()
    (articles / f"{SEED_ID}-x").rename(articles / SEED_ID)  # the name given back: the other address goes
    assert f"warning: the page articles/{SEED_ID}-x/ is gone" in run(
        [sys.executable, "scripts/build.py", "--quiet"], proj).stderr
    assert run([sys.executable, "scripts/build.py", "--quiet"], proj).stderr == ""


def test_a_renamed_glossary_term_warns_that_its_address_is_gone(proj):
    """An entry's slug is made from its term: renaming the term without 'slug:' moved its page,
    which the data page promises is for good, without a word."""
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    glossary = proj / "archive" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    renamed = text.replace('"District Safety Committee"', '"District Work Safety Committee"')
    glossary.write_text(renamed, encoding="utf-8")
    result = run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert result.stderr.splitlines() == [
        "warning: the page glossary/district-safety-committee/ is gone, as no entry of archive/glossary.yml has the "
        "slug 'district-safety-committee' any more: links to it from elsewhere now lead nowhere; if its term was "
        "renamed, give the entry 'slug: district-safety-committee' to keep its address" + MOVED_ADVICE]
    # As the warning says: the entry gets its address back, under its new term.
    glossary.write_text(renamed.replace('- term: "District Work Safety Committee"\n',
                                        '- term: "District Work Safety Committee"\n  slug: district-safety-committee\n'),
                        encoding="utf-8")
    # The page of one build under the new term goes in its turn: said as such, and not with
    # the advice to give the entry that address, which would undo the slug just given (an
    # editor's review).
    assert run([sys.executable, "scripts/build.py", "--quiet"], proj).stderr.splitlines() == [
        "warning: the page glossary/district-work-safety-committee/ is gone, as the entry 'District Work Safety "
        "Committee' is at glossary/district-safety-committee/, its 'slug:': links to the old address from "
        "elsewhere now lead nowhere" + MOVED_ADVICE]
    page = proj / "docs" / "glossary" / "district-safety-committee" / "index.md"
    assert '"title":"District Work Safety Committee"' in page.read_text(encoding="utf-8")
    assert not (proj / "docs" / "glossary" / "district-work-safety-committee").exists()


def test_a_renamed_tag_slug_or_event_id_warns_that_its_address_is_gone(proj):
    """A tag's slug and an event's id are their pages' addresses: renaming either moved the
    page with only "1 deleted" in the summary (a review of editors' changes)."""
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    edit(proj, "archive/tags.yml", '- slug: "meetings"\n', '- slug: "council-meetings"\n')
    edit(proj, SEED_META, "- meetings\n", "- council-meetings\n")
    edit(proj, "archive/events.yml", '- id: "zhengzhou-7-20-rainstorm"\n', '- id: "zhengzhou-rainstorm-2021"\n')
    result = run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert sorted(result.stderr.splitlines()) == [
        "warning: the page tags/meetings/ is gone, as no tag of archive/tags.yml has the slug 'meetings' any more: "
        "links to it from elsewhere now lead nowhere; a tag's slug is its address: to rename a tag, change its "
        "'title:' and keep its 'slug:'" + MOVED_ADVICE,
        "warning: the page timeline/events/zhengzhou-7-20-rainstorm/ is gone, as no event of archive/events.yml has "
        "the id 'zhengzhou-7-20-rainstorm' any more: links to it, and to the timeline's entry "
        "(#zhengzhou-7-20-rainstorm), from elsewhere now lead nowhere; an event's id is its address: to correct an "
        "event, keep its 'id:'" + MOVED_ADVICE]
    assert (proj / "docs" / "tags" / "council-meetings" / "index.md").is_file()
    assert (proj / "docs" / "timeline" / "events" / "zhengzhou-rainstorm-2021" / "index.md").is_file()
    # A tag no article has any more, still in tags.yml, and an event no article mentions any
    # more, still in events.yml: their pages go, and come back once one does. It went with
    # "1 deleted" alone (an editor's review).
    edit(proj, SEED_META, "- council-meetings\n", "")
    edit(proj, "archive/events.yml", 'only_with: ["Zhengzhou", "Henan", "郑州", "河南"]', 'only_with: ["Xinjiang"]')
    result = run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert sorted(result.stderr.splitlines()) == [
        "warning: the page tags/council-meetings/ is gone, as no article has the tag 'council-meetings' any more: "
        "links to it from elsewhere lead nowhere until one has it again",
        "warning: the page timeline/events/zhengzhou-rainstorm-2021/ is gone, as no article mentions the event "
        "'zhengzhou-rainstorm-2021' any more: links to it from elsewhere lead nowhere until one does again (its place "
        "on the timeline, #zhengzhou-rainstorm-2021, stays)"]
    # (Not with the advice of archive/moved.yml, whose entry would stop the build once the page is back: a review.)
    assert not (proj / "docs" / "tags" / "council-meetings").exists()
    assert not (proj / "docs" / "timeline" / "events" / "zhengzhou-rainstorm-2021").exists()


def test_a_glossary_entry_merged_into_another_warns_where_its_page_went(proj):
    """An entry removed and its term made another's alias was told to give an entry its
    address as 'slug:', which, given to the entry that took it, moved that one's page (a
    review of editors' changes)."""
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    glossary = proj / "archive" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    start = text.index('- term: "special rectification"')
    text = text[:start] + text[text.index("\n- term:", start) + 1:]
    text = text.replace('- term: "work safety"\n  aliases:\n', '- term: "work safety"\n  aliases:\n'
                                                                '    - "special rectification"\n')
    glossary.write_text(text, encoding="utf-8")
    result = run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert result.stderr.splitlines() == [
        "warning: the page glossary/special-rectification/ is gone, as 'special rectification' is now a name of the "
        "entry 'work safety', whose page is glossary/work-safety/: links to the old address from elsewhere now lead "
        "nowhere; if the entry was only renamed, give it 'slug: special-rectification' to keep its address"
        + MOVED_ADVICE]


def test_a_name_made_an_alias_warns_that_its_page_is_gone(proj):
    """A person's or an organization's page moved to another address without a word when its
    name became another's alias ("1 deleted" was all: an editor's review). A page that goes
    because a misspelt name was mended is not said (a tag no article carries any more is:
    test_a_renamed_tag_slug_or_event_id_warns_that_its_address_is_gone)."""
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    archive = proj / "archive"
    with (archive / "people.yml").open("a", encoding="utf-8") as fh:
        fh.write('\n- name: "Wang Qianru"\n  aliases:\n    - "Wang Qian"\n')
    organizations = archive / "organizations.yml"
    organizations.write_text(organizations.read_text(encoding="utf-8").replace(
        '- name: "Louxing Rong Media Center"\n  aliases:\n',
        '- name: "Louxing District Rong Media Center"\n  aliases:\n    - "Louxing Rong Media Center"\n'),
        encoding="utf-8")
    edit(proj, SEED_META, "- meetings\n", "")
    edit(proj, SEED_META, "- name: Liu Chihui", "- name: Liu Chihiu")  # (warned as a name not in the text)
    result = run([sys.executable, "scripts/build.py", "--quiet"], proj)
    gone = sorted(line for line in result.stderr.splitlines() if " is gone" in line)
    assert gone == [
        "warning: the page organizations/louxing-rong-media-center/ is gone, as 'Louxing Rong Media Center' is now a "
        "name of Louxing District Rong Media Center, whose page is organizations/louxing-district-rong-media-center/: "
        "links to the old address from elsewhere now lead nowhere" + MOVED_ADVICE,
        "warning: the page people/wang-qian/ is gone, as 'Wang Qian' is now a name of Wang Qianru, whose page is "
        "people/wang-qianru/: links to the old address from elsewhere now lead nowhere" + MOVED_ADVICE,
        "warning: the page tags/meetings/ is gone, as no article has the tag 'meetings' any more: links to it from "
        "elsewhere lead nowhere until one has it again"], result.stderr
    assert (proj / "docs" / "people" / "wang-qianru" / "index.md").is_file()
    assert not (proj / "docs" / "people" / "liu-chihui").exists() and not (proj / "docs" / "tags" / "meetings").exists()


def test_a_local_alias_is_no_name_a_page_moved_from():
    """An organization's local alias ('District Committee', its name in Louxing's articles
    only) is another body's name elsewhere: the page of that body, gone when its article went,
    was said to have become Louxing's committee (a review of this change)."""
    from types import SimpleNamespace

    from lgnews.build import _moved_pages

    committee = SimpleNamespace(name="Louxing District Committee of the CPC", aliases=["Louxing District Committee"],
                                local_aliases=["District Committee"],
                                url="organizations/louxing-district-committee-of-the-cpc/")
    dang = SimpleNamespace(name="Dang Jianguo", aliases=["Party jianguo"], url="people/dang-jianguo/")
    assert _moved_pages(SimpleNamespace(terms=[], people=[dang], organizations=[committee])) == {
        "people/party-jianguo/": ("Party jianguo", "Dang Jianguo", "people/dang-jianguo/"),
        "organizations/louxing-district-committee/": ("Louxing District Committee",
                                                      "Louxing District Committee of the CPC",
                                                      "organizations/louxing-district-committee-of-the-cpc/")}


def test_ctrl_c_is_one_line_not_a_traceback(proj, tmp_path):
    """Ctrl+C during a generation (under `make serve` too) printed thirty lines of traceback."""
    wrapper = tmp_path / "interrupted.py"
    wrapper.write_text("import runpy, sys\nimport lgnews.build\n\n\ndef interrupted(*args, **kwargs):\n"
                       "    raise KeyboardInterrupt\n\n\nlgnews.build.generate = interrupted\n"
                       "sys.argv = ['scripts/build.py']\nrunpy.run_path('scripts/build.py', run_name='__main__')\n",
                       encoding="utf-8")
    result = run([sys.executable, str(wrapper)], proj, check=False)
    assert result.returncode == 130
    assert result.stderr.splitlines() == [
        "build: interrupted; the pages written so far are whole, and the next run brings docs/ up to date"]


def test_a_blank_title_is_refused_like_a_missing_one(proj):
    """title: "   " built a page whose heading and <title> fell back to the site's name, and
    lists showed an empty link."""
    edit(proj, SEED_META, "title: Louxing District held the 2022 Work safety retreat Meeting", 'title: "   "')
    assert build_fails(proj) == [f"{SEED_META}:5: title: is empty; write some text"]


POWER_LIST_END = "a list of powers and responsibilities.\""


def test_a_definition_is_markdown_with_links_from_the_root_and_html_as_typed(proj):
    """A definition's links were left for MkDocs, which read them from the generated page
    (glossary/power-list/ led nowhere, and a broken one was blamed on that page), and its HTML
    was published live."""
    edit(proj, "archive/glossary.yml", POWER_LIST_END,
         "a list of powers and responsibilities. See [three principles](glossary/three-principles/), "
         "<b>bold</b> and --8<-- \\\"decoy.md\\\".\"")
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    page = (proj / "docs" / "glossary" / "power-list" / "index.md").read_text(encoding="utf-8")
    assert ('See <a href="../three-principles/">three principles</a>, &#60;b&#62;bold&#60;/b&#62; and '
            '--8&#60;-- &quot;decoy.md&quot;.') in page


def test_a_link_to_a_renamed_entrys_published_page_is_told_to_keep_its_address(proj):
    """An entry renamed, its old term kept as an alias as the guide says: each link to its
    published page was told where the page now is, and the editor mended them one by one
    before the warning said to give the entry its old address as 'slug:' (an editor's review).
    A page never published is told where the page is, as before."""
    edit(proj, "archive/glossary.yml", POWER_LIST_END,
         "a list of powers and responsibilities. See [retreat meeting](glossary/retreat-meeting/).\"")
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    edit(proj, "archive/glossary.yml", '- term: "retreat meeting"\n', '- term: "retreat work meeting"\n')
    text = (proj / "archive" / "glossary.yml").read_text(encoding="utf-8")
    start = text.index('- term: "retreat work meeting"')
    aliases = text.index("  aliases:\n", start)
    assert aliases < text.index("\n- term:", start), "the entry has aliases"
    (proj / "archive" / "glossary.yml").write_text(
        text[:aliases] + '  aliases:\n    - "retreat meeting"\n' + text[aliases + len("  aliases:\n"):],
        encoding="utf-8")
    line = line_of(proj, "archive/glossary.yml", r"^  definition: \"A public list")
    assert build_fails(proj) == [
        f"archive/glossary.yml:{line}: the link to 'glossary/retreat-meeting/' leads to no page of the site: 'retreat "
        "meeting' is a name of the entry 'retreat work meeting', whose page is 'glossary/retreat-work-meeting/'; if "
        "the entry was only renamed, give it 'slug: retreat-meeting' to keep its published address, which this link "
        "leads to"]
    (proj / "docs" / ".generated-manifest.json").unlink()  # (as if never published)
    for page in (proj / "docs" / "glossary" / "retreat-meeting").iterdir():
        page.unlink()
    assert build_fails(proj) == [
        f"archive/glossary.yml:{line}: the link to 'glossary/retreat-meeting/' leads to no page of the site: 'retreat "
        "meeting' is a name of the entry 'retreat work meeting', whose page is 'glossary/retreat-work-meeting/'"]


@pytest.mark.parametrize("manifest_lost", [False, True])
def test_a_link_to_a_page_that_goes_is_refused_on_this_run_and_the_next(proj, manifest_lost):
    """A link to a generated page that a change removes (a glossary entry taken out, an article
    deleted) passed: the page's old file was still in docs/, deleted only once the run had
    been checked, and was taken for an editor's page. The site published a dead link, and the
    next run, finding nothing changed, said nothing. So again when the manifest, which lists
    the generated pages, was lost (docs/* copied without its dot files): the old page, marked
    as generated and deleted as a leftover in the same run, was still taken for an editor's."""
    edit(proj, "archive/glossary.yml", POWER_LIST_END,
         "a list of powers and responsibilities. See [retreat meeting](glossary/retreat-meeting/).\"")
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    if manifest_lost:
        (proj / "docs" / ".generated-manifest.json").unlink()
    path = proj / "archive" / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index('- term: "retreat meeting"')
    path.write_text(text[:start] + text[text.index("- term:", start + 1):], encoding="utf-8")
    line = line_of(proj, "archive/glossary.yml", r"^  definition: \"A public list")
    expected = [f"archive/glossary.yml:{line}: the link to 'glossary/retreat-meeting/' leads to no page of the site: "
                "glossary/ has no page 'glossary/retreat-meeting/' (copy its address from the preview's address bar: "
                "the part after the site's own)"]
    assert build_fails(proj) == expected
    assert build_fails(proj) == expected, "the next run said nothing changed"


@pytest.mark.parametrize("link, message", [
    ("[nope](glossary/nope/)", f"the link to 'glossary/nope/' {NO_GLOSSARY_PAGE}"),
    ("[x](javascript:alert(1))", "the link to 'javascript:alert(1)' is not allowed: a link in the archive leads to "
                                 "a web page (https://...), an e-mail address (mailto:...) or a page of this site"),
])
def test_a_bad_link_in_a_definition_names_glossary_yml_and_its_line(proj, link, message):
    edit(proj, "archive/glossary.yml", POWER_LIST_END, f"a list of powers and responsibilities. See {link}.\"")
    line = line_of(proj, "archive/glossary.yml", r"^  definition: \"A public list")
    assert build_fails(proj) == [f"archive/glossary.yml:{line}: {message}"]


def test_one_broken_link_in_two_definitions_is_said_at_each_definitions_line(proj):
    """Its line was looked for in the whole of glossary.yml: the second definition's link was
    said at the first one's line."""
    edit(proj, "archive/glossary.yml", "The Communist Party of China's committee of a district (区);",
         "The Communist Party of China's committee of a district (区, see [nope](glossary/nope/));")
    edit(proj, "archive/glossary.yml", POWER_LIST_END, "a list of powers and responsibilities. See [nope](glossary/nope/).\"")
    lines = [line_of(proj, "archive/glossary.yml", pattern)
             for pattern in (r"^  definition: \"The Communist Party", r"^  definition: \"A public list")]
    assert build_fails(proj) == [
        f"archive/glossary.yml:{line}: the link to 'glossary/nope/' {NO_GLOSSARY_PAGE}" for line in lines]


def test_a_tooltip_is_a_whole_sentence_so_a_long_one_is_refused(proj):
    """The tooltip was cut at 240 characters, mid-clause ("...the territory where a business
    is…"): it is now the whole first sentence, which must be short enough to read as one."""
    edit(proj, "archive/glossary.yml", "so that officials do not act beyond what is listed.",
         "so that officials do not act beyond what is listed" + ", and so on" * 20 + ".")
    line = line_of(proj, "archive/glossary.yml", r"^  definition: \"A public list")
    text = (proj / "archive" / "glossary.yml").read_text(encoding="utf-8")
    index = text[:text.index('  definition: "A public list')].count("\n- term:") - 1
    assert build_fails(proj) == [
        f"archive/glossary.yml:{line}: [{index}].definition: its first sentence, the term's tooltip, is 432 characters "
        "long: end it within 400 (the whole definition is on the term's page)"]


def test_several_names_on_one_line_are_refused_not_made_one_person(proj):
    """`reporter: Li Yi, Chen Jing` made a person 'Li Yi, Chen Jing', with a page of their own
    (people/li-yi-chen-jing/), as did 'and' between two names under people."""
    edit(proj, SEED_META, "  reporter:\n  - Li Yi", "  reporter: Li Yi, Chen Jing")
    edit(proj, SEED_META, "- name: Liu Chihui", "- name: Liu Chihui and Xu Diren")
    credit = line_of(proj, SEED_META, r"^  reporter: Li Yi, Chen Jing")
    person = line_of(proj, SEED_META, r"^- name: Liu Chihui and Xu Diren")
    assert build_fails(proj) == [
        f"{SEED_META}:{credit}: credits.reporter[0]: 'Li Yi, Chen Jing' is several names in one: write them as a list: "
        "reporter: [Li Yi, Chen Jing]",
        f"{SEED_META}:{person}: people[1].name: 'Liu Chihui and Xu Diren' is several names in one: give each an "
        "entry of its own ('- name: ...')"]


@pytest.mark.parametrize(("rel", "old", "new", "first", "where", "joined"), [
    # Under credits, one space further than the item above: a person with a page, without a
    # word (an editor's review).
    (SEED_META, "  - Huang Miao\n  - Zeng Zhenhua", "  - Huang Miao\n   - Zeng Zhenhua", r"^  - Huang Miao$",
     "credits.reviewer[0]", ("Huang Miao", "Zeng Zhenhua")),
    # Under a person's aliases in people.yml: an alias no article writes, and only the warning
    # that no article names the person (a review).
    ("archive/people.yml", '    - "Party jianguo"\n', '    - Party jianguo\n     - Dang Jian-guo\n',
     r"^    - Party jianguo$", "[0].aliases[0]", ("Party jianguo", "Dang Jian-guo")),
], ids=["credit", "alias"])
def test_an_item_indented_further_than_the_one_above_is_not_joined_to_it(proj, rel, old, new, first, where, joined):
    """'   - Zeng Zhenhua' one space further than '  - Huang Miao' above it: YAML reads one item,
    'Huang Miao - Zeng Zhenhua'."""
    edit(proj, rel, old, new)
    line = line_of(proj, rel, first)
    one, two = joined
    assert build_fails(proj) == [
        f"{rel}:{line}: {where}: '{one} - {two}' reads as one name: give each name a '- ' item of its own (a line "
        f"'- {two}' indented further than the '- ' above it is read as the rest of that item: line the two up)"]


def test_a_name_without_a_letter_is_refused(proj):
    """A person named '!!!' got the page people/item/."""
    edit(proj, SEED_META, "- name: Liu Chihui", "- name: '!!!'")
    edit(proj, SEED_META, "  - Li Yi", "  - '—'")
    line = line_of(proj, SEED_META, r"^- name: '!!!'")
    credit = line_of(proj, SEED_META, r"^  - '—'")
    assert build_fails(proj) == [
        f"{SEED_META}:{credit}: credits.reporter[0]: '—' is not a name: write the person's name as the article "
        "gives it",
        f"{SEED_META}:{line}: people[1].name: '!!!' is not a name: write the person's name as the article gives it"]


def test_a_quoted_phrase_an_editor_has_annotated_is_no_candidate_term(proj):
    """The candidate terms list quoted phrases nothing explains: one with an editor's note on
    it is explained, and was still listed."""
    candidates = proj / "docs" / "glossary" / "candidate-terms" / "index.md"
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert "<li>“quality” — 1 article" in candidates.read_text(encoding="utf-8")
    edit(proj, SEED_META, "annotations:\n", "annotations:\n- phrase: quality\n  note: Probably “quality and standards”.\n")
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    text = candidates.read_text(encoding="utf-8")
    assert "“quality”" not in text and "<li>“in place” — 1 article" in text


def test_a_note_that_hides_part_of_a_glossary_term_warns(proj):
    """A note on "people first" took the place of the term "people first, life is supreme",
    which was then neither marked nor counted in the article, without a word."""
    edit(proj, SEED_META, "annotations:\n", "annotations:\n- phrase: people first\n  note: A slogan.\n")
    result = run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert result.stderr.splitlines() == [
        f"warning: {SEED_META}: the note on 'people first' covers part of the glossary term 'people first, life is "
        "supreme', which is therefore not marked there: put the note on the whole term, or on words outside it"]
    # A note on the term and more: the advice is not to put it on the whole term, which it is.
    edit(proj, SEED_META, "- phrase: people first\n", "- phrase: “people first, life is supreme” the concept\n")
    result = run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert result.stderr.splitlines() == [
        f"warning: {SEED_META}: the note on '“people first, life is supreme” the concept' holds the glossary term "
        "'people first, life is supreme' and more words, so the term is not marked there: put the note on the words "
        "beside the term, or on the term's words alone"]


def test_a_note_hiding_a_term_written_as_an_alias_names_the_words_of_the_text(proj):
    """The warning named the entry ("District Safety Committee") where the text has one of
    its aliases: an editor who looked for those words in the paragraph did not find them."""
    write_article(proj, "The District Work Safety Committee met again.\n",
                  front="annotations:\n- phrase: District Work\n  note: The district's.\n")
    result = run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert result.stderr.splitlines() == [
        "warning: archive/articles/2023-01-02-a-written-article/article.md: the note on 'District Work' covers part "
        "of the glossary term 'District Safety Committee' (here 'District Work Safety Committee'), which is "
        "therefore not marked there: put the note on the whole term, or on words outside it"]


def test_which_note_warning_is_given_follows_where_the_note_lies_not_its_words(proj):
    """The warning told "holds the term and more words" whenever the note's words held the
    term's, even where the note lay across the end of one occurrence of it (the term
    written twice in a row): the note covers part of that one, as the warning now says."""
    write_article(proj, "They said people first, life is supreme people first, life is supreme again.\n",
                  front="annotations:\n- phrase: supreme people first, life is supreme\n  note: Said twice.\n")
    result = run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert result.stderr.splitlines() == [
        "warning: archive/articles/2023-01-02-a-written-article/article.md: the note on 'supreme people first, life "
        "is supreme' covers part of the glossary term 'people first, life is supreme', which is therefore not marked "
        "there: put the note on the whole term, or on words outside it"]


def test_a_note_on_the_terms_own_words_is_no_warning(proj):
    """A note on 'power list' where the text has 'power lists', or on '“three principles”'
    with its quotation marks, was told it covered part of the term, or held it and more
    words: it is a note on the term, which it explains."""
    write_article(proj, "The power lists were drawn up under the “three principles” again.\n",
                  front="annotations:\n- phrase: power list\n  note: Lists.\n- phrase: “three principles”\n"
                        "  note: Three.\n")
    result = run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert result.stderr == ""
    # The note takes the term's place in the text; the article still uses the term. Both
    # stayed out of its "Terms explained", its data and the terms' lists of occurrences.
    article_id = "2023-01-02-a-written-article"
    page = (proj / "docs" / "articles" / article_id / "index.md").read_text(encoding="utf-8")
    explained = page.split("<strong>Terms explained:</strong>", 1)[1].split("</p>", 1)[0]
    assert "glossary/power-list/" in explained and "glossary/three-principles/" in explained
    assert 'class="term"' not in page.split('id="verbatim-source"')[0]  # nothing marked under the notes
    record = next(a for a in json.loads((proj / "docs" / "data" / "articles.json").read_text(encoding="utf-8"))
                  if a["id"] == article_id)
    assert record["terms"] == ["power list", "three principles"]
    entry = (proj / "docs" / "glossary" / "power-list" / "index.md").read_text(encoding="utf-8")
    assert f'href="../../articles/{article_id}/#noteref-1"' in entry


def test_a_page_a_definition_links_to_is_missed_when_it_goes(proj):
    """A definition linking to data.md, and then docs/data.md deleted: the generator said
    "nothing changed" (it looked at the names of docs/ only when an article was written in
    Markdown), the strict build passed, and the site published the broken link."""
    edit(proj, "archive/events.yml", "reuse the name.\"", "reuse the name. See [the data](data.md).\"")
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    (proj / "docs" / "data.md").unlink()
    [message] = build_fails(proj)
    assert message.startswith("archive/events.yml:") and "the link to 'data.md' leads to no page of the site" \
        in message, message


@pytest.mark.parametrize("where", ["article", "definition", "source"])
@pytest.mark.parametrize("bad", ["http://www.gov.cn／zwgk／2022", "https：//www.gov.cn/zwgk/", "https://www.gov.cn/a？b=1",
                                 "http://www.gov。cn/"])
def test_a_link_with_a_full_width_slash_is_one_line(proj, where, bad):
    """'http://www.gov.cn／zwgk／' (a full-width slash, easy to type with a Chinese input
    method) stopped the build with a traceback from urllib: in an article.md while it was
    loaded, in a definition while it was rendered. A glossary source took it as an address.
    The other full-width marks were published as broken links: 'https：//' was even said to
    be a page of the site that is missing."""
    if where == "article":
        rel = write_article(proj, f"See [the notice]({bad}).\n")
    elif where == "definition":
        edit(proj, "archive/events.yml", "reuse the name.\"", f"reuse the name. See [the notice]({bad}).\"")
        rel = "archive/events.yml"
    else:
        edit(proj, "archive/glossary.yml", '- url: "http://www.gov.cn/zwgk/2012-04/17/content_2115334.htm"',
             f'- url: "{bad}"')
        rel = "archive/glossary.yml"
    [message] = build_fails(proj)
    assert message.startswith(f"{rel}:") and "is not an address a browser can open: check it (a full-width ／" \
        in message, message


def test_a_slip_after_an_empty_item_is_named_where_it_is(proj):
    """'reviewer: ["", "Huang Miao", "Zeng Zhenhua, Wen Zhibin"]': the two names in one were
    said to be reviewer[1], on Huang Miao's line (the empty item was counted out)."""
    edit(proj, SEED_META, "  reviewer:\n  - Huang Miao\n  - Zeng Zhenhua\n",
         "  reviewer:\n  - ''\n  - Huang Miao\n  - Zeng Zhenhua, Wen Zhibin\n")
    line = line_of(proj, SEED_META, r"^  - Zeng Zhenhua, Wen Zhibin")
    lines = build_fails(proj)
    assert f"{SEED_META}:{line}: credits.reviewer[2]: 'Zeng Zhenhua, Wen Zhibin' is several names in one: write " \
        "them as a list: reviewer: [Zeng Zhenhua, Wen Zhibin]" in lines, lines


def test_a_clash_after_an_empty_alias_is_named_where_it_is(proj):
    """An empty alias, then one that is another entry's: the clash was said of the alias one
    place up, on its line (the empty one was counted out of the list)."""
    edit(proj, "archive/glossary.yml", '    - "district Party committee"\n    - "CPC district committee"\n',
         '    - ""\n    - "district Party committee"\n'
         '    - "cracking down on illegal activities and controlling violations"\n')
    text = (proj / "archive" / "glossary.yml").read_text(encoding="utf-8").splitlines()
    line = max(n for n, t in enumerate(text, 1) if t == '    - "cracking down on illegal activities and controlling violations"')
    lines = build_fails(proj)
    clash = [message for message in lines if "is also a name of the entry" in message]
    assert len(clash) == 1 and clash[0].startswith(f"archive/glossary.yml:{line}: [1].aliases[3]: "), lines


def test_an_event_description_is_read_and_checked_like_a_definition(proj):
    """An event's description goes through the same reading as a definition: its links from
    the site's root lead where they say on the timeline, and a broken one names events.yml."""
    edit(proj, "archive/events.yml", "reuse the name.\"", "reuse the name. See [the term](glossary/power-list/).\"")
    run([sys.executable, "scripts/build.py", "--quiet"], proj)
    timeline = (proj / "docs" / "timeline" / "index.md").read_text(encoding="utf-8")
    assert 'reuse the name. See <a href="../glossary/power-list/">the term</a>.' in timeline
    edit(proj, "archive/events.yml", "(glossary/power-list/)", "(glossary/nope/)")
    line = line_of(proj, "archive/events.yml", r"glossary/nope/")
    assert build_fails(proj) == [
        f"archive/events.yml:{line}: the link to 'glossary/nope/' {NO_GLOSSARY_PAGE}"]


def test_the_links_the_generator_converts_are_said_article_then_glossary_then_events(proj):
    """The links of an article.md, of a definition and of an event's description are
    checked in that order, each problem said at its line and in the order of the text; a
    place an editor's page seems not to have is a warning, said as its link is checked."""
    rel = write_article(proj, "The county met. See [the data](data.md#nope), [a page](nope/) and "
                              "[a file](nope.pdf).\n")
    edit(proj, "archive/events.yml", "reuse the name.\"", "reuse the name. See [the term](glossary/nope/).\"")
    edit(proj, "archive/glossary.yml", "which is how the Louxing work-safety article of April 2022 uses it.\"",
         "which is how the Louxing work-safety article of April 2022 uses it. See [the tag](tags/disasters/) and "
         "[outside](../README.md).\"")
    glossary = line_of(proj, "archive/glossary.yml", r"tags/disasters/")
    events = line_of(proj, "archive/events.yml", r"glossary/nope/")
    result = run([sys.executable, "scripts/build.py", "--quiet"], proj, check=False)
    assert result.returncode == 1 and not result.stdout, result.stdout + result.stderr
    root = "write a page's address from the site's root, such as 'glossary/power-list/', 'articles/<id>/' or 'data.md'"
    assert result.stderr.splitlines() == [
        f"warning: {rel}:6: the link to 'data.md#nope' leads to a place '#nope' that the page data/ does not seem to "
        "have (no heading or id of that name): follow the link in the preview to check it",
        f"{rel}:6: the link to 'nope/' leads to no page of the site: {root}",
        f"{rel}:6: the link to 'nope.pdf' leads to no file of the site: save the file as docs/nope.pdf, or correct "
        "the link",
        f"archive/glossary.yml:{glossary}: the link to 'tags/disasters/' leads to the page of the tag 'disasters', "
        "which no article has yet (a tag has a page once an article has it): link to 'tags/' until then",
        f"archive/glossary.yml:{glossary}: the link to '../README.md' leads outside the site: {root}",
        f"archive/events.yml:{events}: the link to 'glossary/nope/' {NO_GLOSSARY_PAGE}",
        "build: 5 problem(s) in archive/; nothing was written"]


@pytest.mark.parametrize("name", ["Liu Chihui, deputy director", "Li &lt;b&gt;, Yi", "Li Yi, 2nd", "Anderson Li",
                                  "Li Yi"])
def test_a_line_that_is_not_a_list_of_names_stays_one_name(name):
    """Only a line whose every part looks like a name is taken for several: a role after a
    comma, an entity in scraped text or a number is one (odd) name, kept as written."""
    from lgnews.records import Checker, _check_name
    checker = Checker(Path("meta.yml"))
    assert _check_name(checker, ("people", 0, "name"), name) and checker.errors == []


def test_names_in_chinese_joined_by_a_list_comma_are_several():
    from lgnews.records import Checker, _check_name
    checker = Checker(Path("meta.yml"))
    assert not _check_name(checker, ("credits", "reporter", 0), "李毅、陈静")
    assert checker.errors == [(("credits", "reporter", 0), "'李毅、陈静' is several names in one: write them as a "
                                                          "list: reporter: [李毅, 陈静]")]


def test_an_involvement_that_lost_its_indentation_is_not_a_person(proj):
    """'- attending' moved to the margin under a person's 'involvement:' is, to YAML, an item
    of the list of people: it was published as a person called 'attending', with a page, and
    the person above lost the involvement, without a word."""
    edit(proj, SEED_META, "- name: Liu Chihui\n  roles: []\n  involvement:\n  - attending",
         "- name: Liu Chihui\n  roles: []\n  involvement:\n- attending")
    line = line_of(proj, SEED_META, r"^- attending")
    assert build_fails(proj) == [
        f"{SEED_META}:{line}: people[2]: 'attending' is written alone in the list of people, where each person "
        "is '- name: ...': if it is a role or an involvement of the person above, indent it under that person's "
        "'roles:' or 'involvement:'; if it is a person, write '- name: attending'"]


def test_every_line_that_lost_its_indentation_is_told_it_may_belong_to_the_person_above(proj):
    """Of two involvements moved to the margin, the second was told to make itself a person:
    only the item just before it was looked at, and that was the first stray line."""
    edit(proj, SEED_META, "  involvement:\n  - presiding\n  - speaking\n", "  involvement:\n- presiding\n- speaking\n")
    lines = build_fails(proj)
    assert len(lines) == 2 and all("if it is a role or an involvement of the person above, indent it under that "
                                   "person's 'roles:' or 'involvement:'" in line for line in lines), lines
    assert "people[2]: 'speaking' is written alone" in lines[1], lines


def test_names_written_as_a_list_of_people_are_told_the_form_of_a_person(proj):
    """'people: [Liu Chihui, Li Yi]' was told of 'a line of its own' and of 'the person
    above', neither of which it has."""
    text = (proj / SEED_META).read_text(encoding="utf-8")
    start = text.index("people:\n")
    lines = text[start:].split("\n")
    block = next(n for n, t in enumerate(lines[1:], 1) if t and not t.startswith(("-", " ")))
    (proj / SEED_META).write_text(text[:start] + "people: [Liu Chihui]\n" + "\n".join(lines[block:]),
                                  encoding="utf-8")
    line = line_of(proj, SEED_META, r"^people: \[Liu Chihui\]")
    assert build_fails(proj) == [
        f"{SEED_META}:{line}: people[0]: 'Liu Chihui' is written alone in the list of people, where each person is "
        "'- name: ...': write '- name: Liu Chihui'"]


def test_a_role_the_text_does_not_have_is_said(proj):
    """A review of corrections: a role an editor added or rewrote in meta.yml ("Secretary of the
    District Party Committee") was published as the article's own words, on a person's page
    that says "Roles are quoted as each article states them". Said as a warning, with its line;
    a role as the text writes it (case and spacing aside) is not."""
    edit(proj, SEED_META, "  - Head of the District\n", "  - Head of the  district\n")
    assert run([sys.executable, "scripts/build.py", "--quiet"], proj).stderr == ""
    edit(proj, SEED_META, "  - Head of the  district\n", "  - Mayor of Loudi\n")
    line = line_of(proj, SEED_META, r"^  - Mayor of Loudi")
    assert run([sys.executable, "scripts/build.py", "--quiet"], proj).stderr.splitlines() == [
        f"warning: {SEED_META}:{line}: people[0].roles[1]: 'Mayor of Loudi' is not in the article's text: the site "
        "quotes roles as the article states them; copy the role from the text, and say what you know of it in a note "
        "under annotations: on the words it explains"]


def test_a_role_the_parser_wrote_back_with_its_commas_is_in_the_text():
    """A review: a role read from "secretary of Tianping Town ，Xinhua County" is written back
    by the parser as "secretary of Tianping Town, Xinhua County", and was warned of, though no
    editor had touched it. A comma is one however spaced or written; other words still count."""
    from types import SimpleNamespace as NS

    from lgnews.build import unwritten_people

    def article(text, roles):
        return NS(meta=NS(title="A meeting", people=[NS(name="Wang Qian", roles=roles)]), paragraphs=[text])

    for text in ("Wang Qian, secretary of Tianping Town ，Xinhua County, presided.",
                 "Wang Qian, secretary of Tianping Town 、Xinhua County, presided.",
                 "Wang Qian, secretary of Tianping Town , Xinhua County, presided."):
        assert unwritten_people([article(text, ("secretary of Tianping Town, Xinhua County",))], roles=True) == [], text
    text = "Wang Qian, secretary of Tianping Town ，Xinhua County, presided."
    (found,) = unwritten_people([article(text, ("secretary of Xinhua County",))], roles=True)
    assert found[1:] == (0, 0, "secretary of Xinhua County")


def test_a_person_whose_name_the_text_does_not_have_is_said(proj):
    """'Liu Chihui' mistyped 'Liu Chihiu' in meta.yml was published without a word, as a
    person of their own with a page; an annotation's phrase is checked against the text, and
    an editor expects names to be too. Said as a warning: the build goes on."""
    edit(proj, SEED_META, "- name: Liu Chihui", "- name: Liu Chihiu")
    line = line_of(proj, SEED_META, r"^- name: Liu Chihiu")
    result = run([sys.executable, "scripts/build.py", "--quiet"], proj)
    assert result.stderr.splitlines() == [
        f"warning: {SEED_META}:{line}: people[1].name: 'Liu Chihiu' is not in the article's text: names are written "
        "as the article writes them; check the spelling (an editor's identification of a garbled name goes in "
        "people.yml)"]
    # Run again with nothing changed, it is said again (it said only "nothing changed", and an
    # editor who ran `make site` again to check saw no warning: an editor's review).
    again = run([sys.executable, "scripts/build.py"], proj)
    assert "nothing changed" in again.stdout and again.stderr == result.stderr
    # What keeps them, damaged, is passed over (the run has nothing else to do).
    kept = proj / ".cache" / "lgnews" / "warnings.json"
    for damaged in ("{", "[]", '{"inputs": 1}', '{"inputs": null, "warnings": "x"}'):
        kept.write_text(damaged, encoding="utf-8")
        again = run([sys.executable, "scripts/build.py"], proj)
        assert "nothing changed" in again.stdout and again.stderr == "", damaged
    # After a run with --no-cache, which has the next run do nothing too (the warning was lost).
    kept.unlink()
    assert run([sys.executable, "scripts/build.py", "--no-cache"], proj).stderr == result.stderr
    again = run([sys.executable, "scripts/build.py"], proj)
    assert "nothing changed" in again.stdout and again.stderr == result.stderr
    # A name cut short is not written either, though its letters are ('Liu Chihu' of 'Liu Chihui').
    edit(proj, SEED_META, "- name: Liu Chihiu", "- name: Liu Chihu")
    assert "people[1].name: 'Liu Chihu' is not in the article's text" in run(
        [sys.executable, "scripts/build.py", "--quiet"], proj).stderr
    edit(proj, SEED_META, "- name: Liu Chihu", "- name: liu  CHIHUI")  # case and spacing aside, it is
    assert run([sys.executable, "scripts/build.py", "--quiet"], proj).stderr == ""
    assert run([sys.executable, "scripts/build.py", "--quiet"], proj).stderr == ""  # and not said again
    # In an article written in Markdown, the line of its front matter too (it had none).
    write_article(proj, "Li Yi spoke.\n", front="people:\n- name: Li Yii\n")
    assert run([sys.executable, "scripts/build.py", "--quiet"], proj).stderr.splitlines() == [
        "warning: archive/articles/2023-01-02-a-written-article/article.md:5: people[0].name: 'Li Yii' is not in "
        "the article's text: names are written as the article writes them; check the spelling (an editor's "
        "identification of a garbled name goes in people.yml)"]
    # Nor does the kind of apostrophe: the text's "Xin’ai" is the name "Xin'ai" (it was said).
    (proj / WRITTEN).write_text("---\ntitle: A written article\npublished: 2023-01-02\npeople:\n- name: Li Xin'ai\n"
                                "---\n\nLi Xin’ai spoke.\n", encoding="utf-8")
    assert run([sys.executable, "scripts/build.py", "--quiet"], proj).stderr == ""


def test_an_event_without_a_date_is_said_once(proj):
    """An event whose 'date:' line was deleted got two lines: 'None is not a date' (a word of
    Python's) and 'missing required field'."""
    rel = "archive/events.yml"
    text = (proj / rel).read_text(encoding="utf-8")
    first_date = re.search(r"^  date: .*\n", text, re.M)
    (proj / rel).write_text(text[:first_date.start()] + text[first_date.end():], encoding="utf-8")
    lines = build_fails(proj)
    assert len(lines) == 1 and lines[0].startswith(f"{rel}:") and lines[0].endswith(
        "[0].date: missing required field 'date' in an event"), lines


def test_a_field_indented_too_far_is_said_so(proj):
    """'   roles: []' (three spaces) under '- name: Liu Chihui' got 'the value starts with '['
    ...: put the whole value in quotes', which does not help: the slip is the indentation."""
    edit(proj, SEED_META, "- name: Liu Chihui\n  roles: []", "- name: Liu Chihui\n   roles: []")
    line = line_of(proj, SEED_META, r"^   roles: \[\]")
    assert build_fails(proj) == [
        f"{SEED_META}:{line}: invalid YAML: mapping values are not allowed in this context; this line is indented further (3 "
        "spaces) than the field above it, '- name: Liu Chihui', which has its value: indent it 2 spaces, like that "
        "field (if the line goes on with that value instead, put the whole value in quotes)"]


@pytest.mark.parametrize(("before", "after", "field"), [
    ("- name: Liu Chihui\n  roles: []", "- Liu Chihui\n  roles: []", "roles"),
    ("- name: Liu Zhigang\n  roles:\n", "- Liu Zhigang\n  roles:\n", "roles"),
    ("- phrase: To tree on\n", "- To tree on\n", "note"),
    # The first of its list: told its list's field, not that of the list before it (a review)
    ("- phrase: Party jianguo\n", "- Party jianguo\n", "note"),
])
def test_an_item_written_without_its_first_field_is_told_which(proj, before, after, field):
    """'- Liu Chihui' with 'roles:' under it (a name written without 'name:') was told to put
    '[]' in quotes, or to check indentation, which do not help (a review of the docs)."""
    edit(proj, SEED_META, before, after)
    value = after.split("\n")[0][2:]
    line = line_of(proj, SEED_META, "^" + re.escape(after.split("\n")[0]) + "$")
    key = before.split(":")[0][2:]
    assert build_fails(proj) == [
        f"{SEED_META}:{line + 1}: invalid YAML: mapping values are not allowed in this context; '{value}' on line "
        f"{line} is a list's item written as a plain value, with fields under it ('{field}:'): write it as a field, "
        f"like the list's other items: '- {key}: {value}'"]


def test_a_field_under_a_list_of_plain_values_is_told_to_move(proj):
    """A field indented under the last item of a list of plain values (the tags) is one
    indented too far, not an item written without its field (a review of the hint above)."""
    edit(proj, SEED_META, "- hunan\nsha256:", "- hunan\n  sha256:")
    line = line_of(proj, SEED_META, r"^  sha256:")
    assert build_fails(proj) == [
        f"{SEED_META}:{line}: invalid YAML: this line is indented 2 space(s), unlike the lines around it: indent it 0 "
        "spaces, like the line above it, '- hunan'"]


@pytest.mark.parametrize("below", [
    "",
    # With 'local_aliases: []' under the alias: told to put '[]' in quotes, which does not
    # help (a review of the hint above)
    "  local_aliases: []\n",
])
def test_an_alias_at_the_margin_is_told_to_move_not_to_become_a_name(proj, below):
    """An alias that lost its indentation under 'aliases:' was told to become '- name: …',
    which the build then took as a new organization, the old one's Chinese and description
    lost to it (a review of the hint above)."""
    rel = "archive/organizations.yml"
    edit(proj, rel, '  aliases:\n    - "Louxing Rong Media Centre"\n',
         '  aliases:\n- Louxing Rong Media Centre\n' + below)
    line = line_of(proj, rel, r"^- Louxing Rong Media Centre$")
    assert build_fails(proj) == [
        f"{rel}:{line}: invalid YAML: this line is indented 0 space(s), unlike the lines around it: indent it 2 "
        "spaces, like the line above it, 'aliases:'"]


def test_a_people_list_written_without_any_name_field_is_told_name():
    """Every person of the list written bare: no other item shows the field, which the
    archive's list of people has (it was told to put '[]' in quotes: a review)."""
    from lgnews.records import yaml_hint

    text = "title: T\npeople:\n- Liu Zhigang\n  roles: []\n- Gao Ying\n  roles: []\n"
    assert yaml_hint(text, "mapping values are not allowed in this context", 4) == (
        "'Liu Zhigang' on line 3 is a list's item written as a plain value, with fields under it ('roles:'): write "
        "it as a field, like the list's other items: '- name: Liu Zhigang'")
    # Two written so among the others; one after a person whose last field was left empty (a third review)
    text = ("people:\n- name: A B\n  roles: []\n- Liu Chihui\n  roles: []\n- Xu Diren\n  roles: []\n"
            "- name: C D\n  roles: []\n")
    assert yaml_hint(text, "mapping values are not allowed in this context", 5).endswith("'- name: Liu Chihui'")
    text = "people:\n- name: A B\n  roles: []\n  involvement:\n- Xu Diren\n  roles: []\n"
    assert yaml_hint(text, "mapping values are not allowed in this context", 6).endswith("'- name: Xu Diren'")
    # A source's title over its 'url:': the field it lacks, not the one the other items start with
    # (it was told the generic hint: a review)
    text = "sources:\n- The 2020 plan\n  url: http://example.com/a\n- url: http://example.com/b\n"
    assert yaml_hint(text, "mapping values are not allowed in this context", 3).endswith(
        "with fields under it ('url:'): write it as a field, like the list's other items: '- title: The 2020 plan'")
    # Events written with 'date:' first: an id is no date (it was told '- date: flood-2023'), a date is
    events = ('- date: "2023-01"\n  id: a\n  title: A\n  description: D\n- {}\n  title: B\n  description: E\n'
              '- date: "2023-02"\n  id: c\n  title: C\n  description: F\n')
    assert yaml_hint(events.format("flood-2023"), "mapping values are not allowed in this context", 6).endswith(
        "'- id: flood-2023'")
    assert yaml_hint(events.format("2023-03"), "mapping values are not allowed in this context", 6).endswith(
        "'- date: 2023-03'")
    # Among entries of one field with its value ('- name: …' in people.yml: the first version lost the hint)
    text = '- name: Wang Qian\n- Liu Zhigang\n  zh: "刘志刚"\n'
    assert yaml_hint(text, "mapping values are not allowed in this context", 3).endswith("'- name: Liu Zhigang'")
    # Not in a list of one-field mappings with other keys (mkdocs.yml's extensions): no one field to name
    extensions = "markdown_extensions:\n- toc:\n    permalink: true\n- admonition\n- footnotes\n    backlink_title: B\n"
    assert yaml_hint(extensions, "mapping values are not allowed in this context", 6) == (
        "check indentation and quote values containing ':' or '#'")


def test_text_wrapped_onto_a_line_that_starts_like_a_field_is_not_told_to_move(proj):
    """A note wrapped onto a second line that starts 'Note: ...' was told to be indented like
    a field, which would have made it an unknown field."""
    edit(proj, SEED_META, "annotations:\n", "annotations:\n- phrase: quality\n  note: Probably a slip,\n"
                                             "    Note: see the Chinese original.\n")
    line = line_of(proj, SEED_META, r"^    Note: see")
    assert build_fails(proj) == [
        f"{SEED_META}:{line}: invalid YAML: mapping values are not allowed in this context; check indentation and "
        "quote values containing ':' or '#'"]


def test_a_tab_on_a_line_that_looks_blank_is_said_so(proj):
    rel = "archive/tags.yml"
    text = (proj / rel).read_text(encoding="utf-8")
    lines = text.split("\n")
    at = next(i for i, t in enumerate(lines) if i > 2 and t.startswith("- "))
    lines.insert(at, "  \t")
    (proj / rel).write_text("\n".join(lines), encoding="utf-8")
    [message] = build_fails(proj)
    assert message.startswith(f"{rel}:{at + 1}: invalid YAML: ") and message.endswith(
        "this line looks blank, but holds a tab, which YAML does not allow: delete the line, tab and all"), message


def test_problems_are_listed_by_file_and_line_whatever_order_they_were_found_in():
    """Problems found by several processes, or by checks of different fields, came out in the
    order they were found: two runs could list them differently."""
    from lgnews.errors import ArchiveError, ArchiveErrors

    found = ArchiveErrors([ArchiveError("b.yml", "x", 3), ArchiveError("a.yml", "y", 12), ArchiveError("a.yml", "z", 2),
                           ArchiveError("a.yml", "w")])
    assert str(found).splitlines() == ["a.yml: w", "a.yml:2: z", "a.yml:12: y", "b.yml:3: x"]


def test_only_raw_articles_of_some_length_are_compared_for_the_same_text():
    """Two Markdown articles whose only paragraph is a link to one notice each ("The full text
    is attached: [the PDF](…)") read alike once their links are left out; so do two short
    notices: neither is one article published twice."""
    from types import SimpleNamespace

    from lgnews.build import SAME_TEXT_MIN, same_text

    def article(kind, text, title="A"):
        return SimpleNamespace(kind=kind, paragraphs=[text], title=title, published="2023-01-01", id=title)

    long = "x" * SAME_TEXT_MIN
    assert same_text([article("markdown", long, "A"), article("markdown", long, "B")]) == []
    assert same_text([article("raw", "The full text is attached.", "A"), article("raw", "The full text is attached.",
                                                                                  "B")]) == []
    first, second = article("raw", long, "A"), article("raw", long, "B")
    assert same_text([first, second]) == [(second, first)]
    # However its words are split into paragraphs (a review: a copy that kept the paragraphs)
    words = " ".join(["word"] * SAME_TEXT_MIN)
    first, second = article("raw", words, "A"), article("raw", words, "B")
    second.paragraphs = [words[:100].rstrip(), words[100:].lstrip()]
    assert same_text([first, second]) == [(second, first)]
    second.paragraphs = [words[:100].rstrip(), "other " + words[100:].lstrip()]
    assert same_text([first, second]) == []


@pytest.mark.parametrize(("address", "slip"), [
    ("https：//www.gov.cn/zwgk/", True), ("https://www.gov.cn/a？b=1", True), ("http://www.gov。cn/", True),
    ("http://www.gov.cn／zwgk／2022", True), ("http://[x", True),
    # Each of an address's marks, after a letter, a figure, '/' or '.'.
    ("https://www.gov.cn/a＃p3", True), ("https://a.cn/?x=1＆y=2", True), ("https://a.cn/?x＝1", True),
    ("mailto:office＠example.org", True), ("http://www.gov.cn/／zwgk", True), ("http://www.gov.cn.／zwgk", True),
    # A Chinese word's own marks: a Chinese Wikipedia title, a question, a search for two words.
    ("https://zh.wikipedia.org/wiki/星球大战：原力觉醒", False), ("https://baike.example.cn/wiki/什么是安全生产？", False),
    ("https://www.baidu.com/s?wd=娄星区＆安全", False), ("http://例子.中国/", False), ("http://[::1]:8000/", False),
])
def test_a_full_width_mark_is_a_slip_after_latin_text_only(address, slip):
    from lgnews.errors import not_an_address

    assert not_an_address(address) is slip


def test_a_link_to_a_place_the_article_has_builds(proj):
    """The places an article's own page has: its paragraphs and headings in order, and the
    page's own headings."""
    write_article(proj, "The county met. See [the source](#verbatim-source), [below](#p2), [the top](#top) and "
                        "[back up](#).\n\n## The plan\n\nRoads will be [mended](#p1).\n")
    result = run([sys.executable, "scripts/build.py"], proj)
    assert "leads to no place" not in result.stderr, result.stderr


@pytest.mark.parametrize(("rel", "entry"), [
    ("archive/events.yml", '  - id: "flood-2023"\n    date: 2023-06-01\n    title: "Flood season"\n'
                           '    description: "It rained."\n'),
    # After an entry whose last line is 'sources: []': the hint took the entry for that list's items.
    ("archive/glossary.yml", '  - term: "main flood season"\n    definition: "The months when floods are likeliest."\n'
                             '    category: campaign\n    confidence: medium\n    sources: []\n'),
    ("archive/people.yml", '  - name: "Zhao Minggui"\n    note: "Head of a county."\n\n'),
])
def test_an_entry_pasted_further_in_than_the_others_is_said_whole(proj, rel, entry):
    """A new entry pasted two spaces too far in: the build named a line of the entry above
    it ('indent it 2 spaces, like the line above it, terms:', which made the new entry an item
    of that entry's list), or took it for the items of an empty list, or said only YAML's
    'did not find expected key' (an editor's review)."""
    path = proj / rel
    text = path.read_text(encoding="utf-8")
    before = [line for line in text.splitlines() if line.startswith("- ")][-1]
    first = len(text.splitlines()) + 1
    path.write_text(text + entry, encoding="utf-8")
    last = first + len(entry.strip().splitlines()) - 1
    assert build_fails(proj) == [
        f"{rel}:{first}: invalid YAML: this entry is indented 2 space(s) further in than the entry before it, "
        f"{before!r}: move the whole entry (lines {first} to {last}) 2 space(s) to the left"]
    # Moved out, the entry reads.
    path.write_text(text + "".join(line[2:] + "\n" for line in entry.splitlines()), encoding="utf-8")
    run([sys.executable, "scripts/build.py", "--quiet"], proj)


def test_items_under_an_empty_list_are_still_said_so(proj):
    """The items of 'sources: []' written under it are no entry pasted too far in: their
    field is not the entries' ('url', not 'term')."""
    path = proj / "archive" / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    entry = '\n- term: "main flood season"\n  definition: "The months when floods are likeliest."\n  sources: []\n'
    path.write_text(text + entry + '    - url: "https://example.org/"\n      title: "A page"\n', encoding="utf-8")
    line = len((text + entry).splitlines()) + 1
    [said] = build_fails(proj)
    assert said.startswith(f"archive/glossary.yml:{line}: invalid YAML:") and "the line before says the list is empty" in said


def test_a_note_overlapping_an_earlier_one_names_it(proj):
    """'overlaps the phrase of an earlier note' did not say which of the article's notes, and
    the guide had no row for it (an editor's review)."""
    edit(proj, SEED_META, "\ntags:\n", "\n- phrase: jianguo and other leaders\n  note: Overlaps.\ntags:\n")
    line = line_of(proj, SEED_META, r"^- phrase: jianguo and other leaders")
    index = len(re.findall(r"(?m)^- phrase:", (proj / SEED_META).read_text(encoding="utf-8"))) - 1
    assert one(build_fails(proj), SEED_META) == (
        f"{SEED_META}:{line}: annotations[{index}].phrase: 'jianguo and other leaders' overlaps the phrase of "
        "annotations[0], 'Party jianguo', wherever it occurs; choose words no other note covers")


def test_entries_pasted_further_in_together_are_said_together(proj):
    """Two new entries pasted two spaces too far in: moving the first alone reads no better,
    and YAML's own words were said (a review of the change)."""
    path = proj / "archive" / "people.yml"
    text = path.read_text(encoding="utf-8")
    before = [line for line in text.splitlines() if line.startswith("- ")][-1]
    first = len(text.splitlines()) + 1
    path.write_text(text + '  - name: "Zhao Minggui"\n    note: "Head of a county."\n'
                           '  - name: "Qian Li"\n    note: "Head of another."\n', encoding="utf-8")
    assert build_fails(proj) == [
        f"archive/people.yml:{first}: invalid YAML: the entries from this line on are indented 2 space(s) further in "
        f"than the entry before them, {before!r}: move them (lines {first} to {first + 3}) 2 space(s) to the left"]


def test_glossary_slug_with_a_newline_at_its_end_is_refused(proj):
    """`slug: "retreat-meeting-x\\n"` (or a YAML `>` block) passed the check ('$' lets a last
    newline through): the entry's folder was named with a newline, and its links led nowhere."""
    rel = "archive/glossary.yml"
    edit(proj, rel, '- term: "retreat meeting"\n', '- term: "retreat meeting"\n  slug: "retreat-meeting-x\\n"\n')
    message = one(build_fails(proj), rel)
    assert message.endswith("slug: 'retreat-meeting-x\\n' is not a slug; use lowercase letters, digits and hyphens")


@pytest.mark.parametrize(("old", "new", "said"), [
    # The page listed it twice, and data/glossary.json broke its own schema (unique items).
    ('    - "District Safety Committee"\n', '    - "District Safety Committee"\n    - "District Safety Committee"\n',
     "see_also[1]: 'District Safety Committee' is listed twice; remove one"),
    ('  aliases:\n    - "Louxing District Committee"\n',
     '  aliases:\n    - "Louxing District Committee"\n    - "Louxing District Committee"\n',
     "aliases[1]: 'Louxing District Committee' is listed twice; remove one"),
])
def test_glossary_repeats_in_a_list_are_refused(proj, old, new, said):
    rel = "archive/glossary.yml"
    edit(proj, rel, old, new)
    assert one(build_fails(proj), rel).endswith(said)


def test_glossary_see_also_of_the_entry_itself_is_refused(proj):
    """Its page linked to itself under "See also"."""
    rel = "archive/glossary.yml"
    text = (proj / rel).read_text(encoding="utf-8")
    entry = text[text.index('- term: "District Safety Committee"') :]
    entry = entry[: entry.index("\n- term:")]
    assert "  see_also:\n" in entry
    (proj / rel).write_text(text.replace(entry, entry.replace("  see_also:\n", '  see_also:\n    - "District Safety '
                                                                              'Committee"\n', 1)), encoding="utf-8")
    assert one(build_fails(proj), rel).endswith(
        "'District Safety Committee' is this entry itself (its page would link to itself); remove it")


def test_only_with_written_as_one_text_with_commas_is_refused(proj):
    """`only_with: "Henan, Zhengzhou"` was one phrase that no article says: the entry was
    found in no article, and nothing said why."""
    rel = "archive/glossary.yml"
    edit(proj, rel, 'only_with: ["Zhengzhou", "Henan", "郑州", "河南"]', 'only_with: "Henan, Zhengzhou"')
    assert one(build_fails(proj), rel).endswith(
        "only_with: 'Henan, Zhengzhou' is one text with commas, which an article must say as it is: for any of "
        "several words, write a list, only_with: [Henan, Zhengzhou]")


def test_an_events_term_renamed_suggests_its_new_name(proj):
    """The guide says the build suggests the new term wherever the old one is named; events'
    `terms` got no hint (the old name is not close to the new one)."""
    rel = "archive/glossary.yml"
    edit(proj, rel, '- term: "Zhengzhou 7·20 rainstorm disaster"\n  aliases:\n',
         '- term: "Henan floods of July 2021"\n  slug: zhengzhou-7-20-rainstorm-disaster\n  aliases:\n'
         '    - "Zhengzhou 7·20 rainstorm disaster"\n')
    lines = build_fails(proj)
    assert len(lines) == 3 and all(line.startswith("archive/events.yml") and line.endswith(
        "'Zhengzhou 7·20 rainstorm disaster' is not a term of archive/glossary.yml; did you mean 'Henan floods of July "
        "2021'?") for line in lines), lines
