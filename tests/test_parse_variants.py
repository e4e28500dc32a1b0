"""The parse stage on variants of the family's sentences and credit lines that it read wrong
or not at all: each case gave less (or other) than it says, before its fix."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from lgnews.parse import Person, decode_source, extract_people, find_event_date, parse_article, parse_credit_block

RAW = Path(__file__).resolve().parent / "fixtures" / "raw"


def test_an_article_with_every_variant():
    """A session's article: its span written day first, two chairing and three attending
    after 'by', a title naming its bureau in words of its own, an executive producer among
    the credits, and two sentences below the credit line. Before, it gave the span's last
    day (from a later sentence), one person without a title, no credits, and the credit line
    in the text."""
    article = parse_article(decode_source((RAW / "span_passive_and_producer.txt").read_bytes())[0])
    assert article.event_date == date(2022, 1, 15)
    congress = "deputy directors of the Standing Committee of the County People's Congress"
    assert article.people == [
        Person("Zeng Xianghua", (congress,), ("presiding",)), Person("Lu Wenbin", (congress,), ("presiding",)),
        *(Person(name, (), ("attending",)) for name in ("Hu Zhiqiang", "Tan Yuping", "Yi Guohui")),
        Person("Liao Jianjun", ("Director of the County Emergency Management Bureau",), ("speaking",)),
    ]
    assert (article.credits, article.source, article.unread_credits) == (
        {"reporter": ["Deng Li"], "correspondent": ["Chen Ping"], "editor": ["Xiao Hui"]},
        "Shaoyang Rong Media Center", ["Executive Producer: Peng Li"])
    assert article.paragraphs[0].endswith("and elected the new leadership of the county.")
    assert article.paragraphs[1:] == [
        "The session closed on the afternoon of 18 January after the election of the new leadership.",
        "All deputies pledged to carry out the decisions of the session and to promote the high-quality development "
        "of Shaoyang."]

# --------------------------------------------------------------------------- people


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The meeting was co-chaired by Wang Jun and Li Hua.",
     [Person("Wang Jun", (), ("presiding",)), Person("Li Hua", (), ("presiding",))]),
    ("The meeting was chaired by Wang Jun and Li Hua, deputy heads of the county.",
     [Person(name, ("deputy heads of the county",), ("presiding",)) for name in ("Wang Jun", "Li Hua")]),
    ("The meeting was presided over by Wang Jun, secretary of the County Party Committee, and Li Hua, county head.",
     [Person("Wang Jun", ("secretary of the County Party Committee",), ("presiding",)),
      Person("Li Hua", ("county head",), ("presiding",))]),
    ("The forum, jointly presided over by Wang Jun, Li Hua and Zhao Min, studied the plan.",
     [Person(name, (), ("presiding",)) for name in ("Wang Jun", "Li Hua", "Zhao Min")]),
    # A title in the singular is the last name's.
    ("The meeting was chaired by Wang Jun and Li Hua, head of the county.",
     [Person("Wang Jun", (), ("presiding",)), Person("Li Hua", ("head of the county",), ("presiding",))]),
    # What closes the names is no one's title.
    ("The meeting was co-chaired by Wang Jun, Li Hua and other leaders of the county.",
     [Person("Wang Jun", (), ("presiding",)), Person("Li Hua", (), ("presiding",))]),
    ("The meeting was chaired by Wang Jun and Party members of the county.", [Person("Wang Jun", (), ("presiding",))]),
])
def test_everyone_chairing_after_by_presides(sentence, expected):
    """'The meeting was co-chaired by Wang Jun and Li Hua.' gave Wang Jun alone: only the first
    name after 'by' was read (and 'Li Hua' was the title of the first in 'presided over by Wang
    Jun, secretary ..., and Li Hua, county head' where a title followed)."""
    assert extract_people(sentence) == expected


@pytest.mark.parametrize("verb", ["was present", "attended the meeting", "were also present"])
def test_a_name_just_before_a_verb_after_by_is_not_chairing(verb):
    """'chaired by Wang Jun and Li Hua was present': Li Hua is the verb's subject."""
    people = extract_people(f"The meeting was chaired by Wang Jun and Li Hua {verb}.")
    assert [p.name for p in people if "presiding" in p.involvement] == ["Wang Jun"]


@pytest.mark.parametrize(("sentence", "chairing"), [
    # After 'was chaired by', the last names after 'and' are the subject of what follows them.
    ("The meeting was chaired by Wang Jun, and Li Hua, deputy head of the county, made a report.", ["Wang Jun"]),
    ("The meeting was chaired by Wang Jun and Li Hua, deputy head of the county, made a report.", ["Wang Jun"]),
    ("The meeting was chaired by Wang Jun, and Li Hua, deputy head of the county, attended.", ["Wang Jun"]),
    # Not after ', chaired by': what follows is the forum's; nor before 'and' and a verb.
    ("The forum, chaired by Wang Jun and Li Hua, deputy heads of the county, studied the plan.",
     ["Wang Jun", "Li Hua"]),
    ("The meeting was jointly chaired by Wang Jun and Li Hua, and studied the plan.", ["Wang Jun", "Li Hua"]),
    # Where or when after the last name, or after their titles, is no verb of theirs.
    ("The meeting was co-chaired by Wang Jun and Li Hua in the county hall.", ["Wang Jun", "Li Hua"]),
    ("The meeting was co-chaired by Wang Jun and Li Hua, deputy heads of the county, in the county hall.",
     ["Wang Jun", "Li Hua"]),
])
def test_who_chairs_and_who_does_what_follows(sentence, chairing):
    assert [p.name for p in extract_people(sentence) if "presiding" in p.involvement] == chairing


@pytest.mark.parametrize("sentence", ["The meeting was presided over by Liu Yue and attended by all township heads.",
                                      "The drill was led by Wang Fang and attended by the fire brigade."])
def test_and_after_a_surname_is_no_given_name(sentence):
    """'presided over by Liu Yue and attended by ...' gave a person 'Yue and', attending: a
    surname and the word after it before 'attended' were read as a name."""
    assert all(p.name.split()[1][0].isupper() for p in extract_people(sentence))


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The meeting was attended by Wang Jun, Li Hua and Zhao Min.",
     [Person(name, (), ("attending",)) for name in ("Wang Jun", "Li Hua", "Zhao Min")]),
    # What they are together before their names is no one's title.
    ("The meeting was attended by district leaders Wang Jun, Li Hua and Zhao Min.",
     [Person(name, (), ("attending",)) for name in ("Wang Jun", "Li Hua", "Zhao Min")]),
    ("The meeting was attended by county leaders such as Wang Jun and Li Hua.",
     [Person(name, (), ("attending",)) for name in ("Wang Jun", "Li Hua")]),
    # A title before the first name is its own, as in 'Vice Mayor Xiong Bo attended'; titles
    # after the names as after 'chaired by'.
    ("The meeting was attended by Vice Mayor Xiong Bo and Li Ming.",
     [Person("Xiong Bo", ("Vice Mayor",), ("attending",)), Person("Li Ming", (), ("attending",))]),
    ("The meeting was attended by Wang Jun, deputy head of the county, Li Hua and other leaders.",
     [Person("Wang Jun", ("deputy head of the county",), ("attending",)), Person("Li Hua", (), ("attending",))]),
    ("The meeting was presided over by Liu Yue and attended by Wang Jun and Li Hua.",
     [Person("Liu Yue", (), ("presiding",)), Person("Wang Jun", (), ("attending",)),
      Person("Li Hua", (), ("attending",))]),
    ("The meeting, attended by Wang Jun and Li Hua, studied the plan.",
     [Person(name, (), ("attending",)) for name in ("Wang Jun", "Li Hua")]),
    # The same title before the one presiding.
    ("The meeting was chaired by County Party Secretary Zhang Wei.",
     [Person("Zhang Wei", ("County Party Secretary",), ("presiding",))]),
])
def test_everyone_a_meeting_is_attended_by_attends(sentence, expected):
    """'The meeting was attended by Wang Jun, Li Hua and Zhao Min.' gave no one: a list was
    read only before its verb ('Wang Jun, Li Hua and Zhao Min attended')."""
    assert extract_people(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The meeting was attended by Party members and village cadres.",
    "The meeting was attended by district leaders and heads of departments.",
    "The meeting was attended by more than 200 people, Wang Jun said.",
    "The meeting was attended by Village cadres.",
    "The meeting was attended by the Work Safety Committee Wang Jun.",  # names no office
    "The meeting was attended by all Party members, Li Hua and Zhao Min.",
    "The meeting was organised by Wang Jun and Li Hua.",
])
def test_no_one_attends_by_a_group_or_words_that_are_no_title(sentence):
    assert [p for p in extract_people(sentence) if "attending" in p.involvement] == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Director of the Emergency Management Bureau Li Qiang attended the meeting.",
     Person("Li Qiang", ("Director of the Emergency Management Bureau",), ("attending",))),
    ("Deputy Director of the Work Safety Committee Office Wang Fang presided over the meeting.",
     Person("Wang Fang", ("Deputy Director of the Work Safety Committee Office",), ("presiding",))),
    ("Deputy Director of the Louxing District Emergency Management Bureau Wang Fang stressed the need to act.",
     Person("Wang Fang", ("Deputy Director of the Louxing District Emergency Management Bureau",), ("speaking",))),
    ("Secretary of the Party Working Committee of Lianbin Street Li Qiang inspected the work.",
     Person("Li Qiang", ("Secretary of the Party Working Committee of Lianbin Street",), ("inspecting",))),
    # What holds the office first: after "the", or a title's word.
    ("At the meeting, the Emergency Management Bureau director Li Qiang stressed the need to act.",
     Person("Li Qiang", ("Emergency Management Bureau director",), ("speaking",))),
    ("County Emergency Management Bureau Director Li Qiang made a speech.",
     Person("Li Qiang", ("County Emergency Management Bureau Director",), ("speaking",))),
    ("The meeting was attended by Director of the Emergency Management Bureau Li Qiang.",
     Person("Li Qiang", ("Director of the Emergency Management Bureau",), ("attending",))),
])
def test_a_title_naming_what_holds_it_in_words_of_its_own_is_read(sentence, expected):
    """'Director of the Emergency Management Bureau Li Qiang attended' gave Li Qiang no title,
    and 'Deputy Director of the Work Safety Committee Office Wang Fang presided' no one: each
    word of a title before a name had to be an office's, a place's or one of a few others."""
    assert extract_people(sentence) == [expected]


@pytest.mark.parametrize("sentence", [
    "Yesterday Emergency Management Bureau Director Li Qiang made a speech.",
    "At the invitation of the County Party Committee Li Qiang made a speech.",
    "On behalf of the Emergency Management Bureau Li Qiang made a speech.",
    "Head of the safety campaign Li Qiang made a speech.",  # what holds it is no body
    "The Work Safety Committee Zhang Wei presided over the meeting.",  # no office
])
def test_words_before_a_name_that_are_no_title_give_it_none(sentence):
    assert all(p.roles == () for p in extract_people(sentence))


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(("body", "expected"), [
    ("From 15 to 18 January, the first session of the 17th County People's Congress was held.", date(2022, 1, 15)),
    ("The session was held from 15 to 18 January 2021 in the county hall.", date(2021, 1, 15)),
    ("From 15-18 January, the session was held.", date(2022, 1, 15)),
    ("On 15–18 January, the session was held.", date(2022, 1, 15)),
    ("From the 15th to the 18th of January, the session was held.", date(2022, 1, 15)),
    # A span that opens the text needs no "On" or "From".
    ("15-18 January, the first session of the 17th County People's Congress was held.", date(2022, 1, 15)),
    ("January 15 to 18, the first session was held.", date(2022, 1, 15)),
    # Not a span of days, not a day at all, nor a plan.
    ("From 8 to 10 percent in May, the output grew. On April 2, the county met.", date(2022, 4, 2)),
    ("From 3 to 5 May Road, the street was closed. On April 2, the county met.", date(2022, 4, 2)),
    ("From 15 to 18 January 2023, the session will be held. On April 2, the county met.", date(2022, 4, 2)),
    ("15 May, the county will act. On April 2, the county met.", date(2022, 4, 2)),
])
def test_the_first_day_of_a_span_written_day_first_is_the_events(body, expected):
    """'From 15 to 18 January' gave no date, where 'From January 15 to 18' gave the 15th."""
    assert find_event_date(body, date(2022, 4, 30)) == expected


# --------------------------------------------------------------------------- credits

BODY = "Miluo held a meeting\n2023-05-02 0 By\n\nOn May 1, the city held a meeting on flood control. It was useful.\n"
TEXT = "On May 1, the city held a meeting on flood control. It was useful."
S1 = "The meeting also decided to hold a follow-up session in May."
S2 = "All towns must report their progress on flood control to the county by the end of June."


@pytest.mark.parametrize(("ending", "credits", "source", "unread", "below"), [
    (f"(Li Yi) Editor: Xu Jing Source: Miluo Rong Media Center\n{S1}\n{S2}",
     {"reporter": ["Li Yi"], "editor": ["Xu Jing"]}, "Miluo Rong Media Center", [], [S1, S2]),
    (f"(Li Yi) Editor: Xu Jing\n{S1} {S2}", {"reporter": ["Li Yi"], "editor": ["Xu Jing"]}, None, [], [f"{S1} {S2}"]),
    (f"Editor in Chief: Wen Zhibin\nAudit: Huang Miao Zeng Zhenhua\nEditor: Xiao Hui\n{S1}\n{S2}",
     {"editor_in_chief": ["Wen Zhibin"], "reviewer": ["Huang Miao", "Zeng Zhenhua"], "editor": ["Xiao Hui"]}, None,
     [], [S1, S2]),
    # A credit not known below it is said; a short line between two sentences is text, a
    # blog's line after the last one is not.
    (f"(Li Yi) Editor: Xu Jing\nProducer: Peng Li\n{S1}\nNext steps\n{S2}\nRelated",
     {"reporter": ["Li Yi"], "editor": ["Xu Jing"]}, None, ["Producer: Peng Li"], [S1, "Next steps", S2]),
])
def test_a_credit_line_above_several_sentences_is_read_and_the_sentences_kept(ending, credits, source, unread, below):
    """With more than one sentence below it (on a line or two), the credit line was no credit
    line: its credits and source were not read, and it stayed in the text."""
    article = parse_article(BODY.rstrip("\n") + "\n" + ending + "\n")
    assert (article.credits, article.source, article.unread_credits) == (credits, source, unread)
    assert article.paragraphs == [TEXT, *below]


@pytest.mark.parametrize("ending", [
    # An interview: the labels name no one.
    "Reporter: How will the county keep its mines safe this summer?\nLi Ming: We will check every mine again.\n"
    f"{S1}",
    # A source alone credits no one.
    f"Source: the county's statistics bureau, 2022\n{S1}\n{S2}",
])
def test_a_line_with_a_label_above_sentences_that_credits_no_one_is_text(ending):
    article = parse_article(BODY.rstrip("\n") + "\n" + ending + "\n")
    assert (article.credits, article.source) == ({}, None)
    assert " ".join(article.paragraphs) == " ".join([TEXT, *ending.split("\n")])


@pytest.mark.parametrize(("ending", "credits", "unread"), [
    ("Editor: Xiao Hui Executive Producer: Peng Li", {"editor": ["Xiao Hui"]}, ["Executive Producer: Peng Li"]),
    ("(Li Yi) Editor: Xiao Hui Senior Video Producer: Peng Li Source: Miluo Rong Media Center",
     {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]}, ["Senior Video Producer: Peng Li"]),
    # The same words before a label known: the label's, which keeps its role.
    ("Editor: Xiao Hui Executive Editor: Peng Li", {"editor": ["Xiao Hui", "Peng Li"]}, []),
    ("(Li Yi) Reviewed by: Wang Fang Copy Editor: Peng Li", {"reporter": ["Li Yi"], "reviewer": ["Wang Fang"],
                                                           "editor": ["Peng Li"]}, []),
    # First on the line: a credit line ("Executive" made it no label at the line's start).
    ("Executive Editor: Peng Li", {"editor": ["Peng Li"]}, []),
])
def test_a_word_that_qualifies_a_label_is_the_labels_not_the_name_before_it(ending, credits, unread):
    """'Editor: Xiao Hui Executive Producer: Peng Li' credited an editor 'Xiao Hui Executive',
    and said 'Producer: Peng Li' was left unread."""
    article = parse_article(BODY + ending + "\n")
    assert (article.credits, article.unread_credits) == (credits, unread)
    assert article.paragraphs == [TEXT]


@pytest.mark.parametrize(("line", "credits"), [
    ("Deputy Chief Editor: Wang Lei", {"editor": ["Wang Lei"]}),
    ("Associate Editor-in-Chief: Wang Lei", {"editor": ["Wang Lei"]}),
    ("Chief Editor: Wang Lei", {"editor_in_chief": ["Wang Lei"]}),
    ("Executive Editor-in-Chief: Wang Lei", {"editor_in_chief": ["Wang Lei"]}),
])
def test_a_deputy_chief_editor_is_an_editor_not_the_editor_in_chief(line, credits):
    """'Deputy Chief Editor' (副总编辑) credited the editor in chief."""
    assert parse_credit_block(line)[0] == credits


@pytest.mark.parametrize(("header", "published"), [
    ("2023-5-2 0 By", date(2023, 5, 2)), ("2023-05-2 10:22 0 By", date(2023, 5, 2)),
    ("2023-12-09 0 By Li Yi", date(2023, 12, 9)),
])
def test_a_header_date_without_its_zeros_is_read(header, published):
    """Republishing sites print the day, and some the month, without a leading zero (a
    mutation review: a header read with two digits only passed every test)."""
    assert parse_article(f"Miluo held a meeting\n{header}\n\n{TEXT}\n").published == published


@pytest.mark.parametrize("between", ["", f"{S1}\n{S2}\n"], ids=["adjacent", "sentences-between"])
def test_of_two_credit_lines_each_giving_a_source_the_last_one_is_the_articles(between):
    """The credit line at the very end is the article's own; one above it, with a source of
    its own, is that of a quoted item or an earlier version (a mutation review: either could
    win). The parenthesis of names that starts the second line is read too (Li Yi was lost
    without a word when the lines were adjacent)."""
    article = parse_article(BODY.rstrip("\n") + f"\n(Wang Fang) Source: Xinhua\n{between}(Li Yi) Editor: Xu Jing "
                                                "Source: Miluo Rong Media Center\n")
    assert article.source == "Miluo Rong Media Center"
    assert article.credits == {"reporter": ["Wang Fang", "Li Yi"], "editor": ["Xu Jing"]}
    assert article.paragraphs == [TEXT] + ([S1, S2] if between else [])


@pytest.mark.parametrize("block", ["Editor: Xu Jing\n(The End)", "Editor: Xu Jing\n(Hunan Daily)",
                                   "Reporter: Xu Jing Editor: Xu Jing\n(Responsible Editor)",
                                   "Source: Louxing Rong Media Center\n(Changsha News)\nEditor: Xu Jing"])
def test_a_parenthesis_below_a_credit_line_that_names_no_one_credits_no_one(block):
    """A review of the reading of a second credit line's names: any parenthesis of two
    capitalised words below a credit line was a reporter ("The End", "Hunan Daily"); names
    starting with a known surname only are."""
    credits, _, _, _ = parse_credit_block(block)
    assert credits.get("reporter", []) in ([], ["Xu Jing"]) and "Xu Jing" in credits["editor"]
