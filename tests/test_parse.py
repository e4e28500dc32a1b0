"""Unit tests of the parse stage: one fixture per trait of the article family
(tests/fixtures/raw/<trait>.*), a golden test of the seed, and the refusals."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import asdict
from datetime import date
from pathlib import Path

import pytest

from lgnews.errors import ParseError
from lgnews.parse import (
    MAX_SOURCE_BYTES,
    ROLE_ORDER,
    ParsedArticle,
    Person,
    decode_source,
    extract_people,
    find_dates,
    find_event_date,
    normalize_punctuation,
    parse_article,
    rebuild_paragraphs,
    split_credits,
    split_names,
    split_sentences,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures"
RAW = FIXTURES / "raw"
GLUED = re.compile(r"[a-z0-9”\"')][.!?][“\"(]?[A-Z]")
CREDIT_WORDS = ("Editor in Chief", "Editor:", "audit:", "Source:", "Reviewed by", "Supervised by", "Reporter",
                "correspondent", "Correspondent")
FOOTER_WORDS = ("Leave a Reply", "email", "Comment", "Website", "Post navigation", "Previous Post", "Next Post")


def parse_fixture(name: str) -> ParsedArticle:
    text, _ = decode_source((RAW / name).read_bytes())
    return parse_article(text)


def reading(article: ParsedArticle) -> str:
    return " ".join(article.paragraphs)


def people(article: ParsedArticle) -> dict[str, Person]:
    return {p.name: p for p in article.people}


def assert_clean_reading_edition(article: ParsedArticle) -> None:
    text = reading(article)
    assert not GLUED.search(text), GLUED.search(text)
    for word in CREDIT_WORDS + FOOTER_WORDS:
        assert word not in text, word
    assert all(p == p.strip() and "  " not in p and "\n" not in p and "\r" not in p for p in article.paragraphs)
    assert list(article.credits) == [role for role in ROLE_ORDER if role in article.credits]


# --------------------------------------------------------------------------- the seed


def test_seed_golden_record():
    """The seed's whole ParsedArticle, as reviewed: any change to it must be deliberate."""
    article = parse_article(decode_source((FIXTURES / "seed.txt").read_bytes())[0])
    golden = json.loads((FIXTURES / "seed_parsed.json").read_text(encoding="utf-8"))
    record = asdict(article)
    record["published"] = article.published.isoformat()
    record["event_date"] = article.event_date.isoformat()
    record["people"] = [{"name": p.name, "roles": list(p.roles), "involvement": list(p.involvement)}
                        for p in article.people]
    assert record == golden


def test_the_generator_parses_the_seed_without_its_metadata():
    """The generator takes people and the event date from meta.yml: parsing without them
    gives the same text, dates and quotations, and no people or event date."""
    text = decode_source((FIXTURES / "seed.txt").read_bytes())[0]
    full, light = parse_article(text), parse_article(text, metadata=False)
    assert full.people and full.event_date
    assert light.people == [] and light.event_date is None
    assert (light.title, light.published, light.source, light.credits, light.paragraphs, light.dates, light.quoted) \
        == (full.title, full.published, full.source, full.credits, full.paragraphs, full.dates, full.quoted)


def test_seed_record_reads_as_the_issue_says():
    article = parse_article(decode_source((FIXTURES / "seed.txt").read_bytes())[0])
    assert article.title == "Louxing District held the 2022 Work safety retreat Meeting"
    assert article.published == date(2022, 4, 30)
    assert article.event_date == date(2022, 2, 11)
    assert article.source == "Louxing Rong Media Center"
    assert article.credits == {
        "reporter": ["Li Yi"],
        "editor_in_chief": ["Wen Zhibin"],
        "reviewer": ["Huang Miao", "Zeng Zhenhua"],
        "editor": ["Xiao Hui"],
    }
    liu = people(article)["Liu Zhigang"]
    assert liu.roles == ("deputy secretary of the District Committee", "Head of the District",
                         "Director of the District Safety Committee")
    assert "presiding" in liu.involvement
    attendees = [p.name for p in article.people if "attending" in p.involvement]
    assert attendees == ["Liu Chihui", "Xu Diren", "Luo Wenwei", "Wang Qian", "Gao Ying", "Tang Aihua",
                         "Zhou Junhua", "Xiao Minhai", "Party jianguo"]
    assert len(article.paragraphs) >= 5
    assert_clean_reading_edition(article)
    text = reading(article)
    assert "with JiBao years" in text and "To tree on" in text and "Party jianguo" in text  # verbatim
    assert "people first, life is supreme" in article.quoted
    assert "three principles" in article.quoted


# --------------------------------------------------------------------------- traits


def test_glued_sentences():
    article = parse_fixture("glued_sentences.txt")
    assert article.title == "Shuangfeng County deployed spring ploughing and agricultural production"
    assert article.published == date(2023, 3, 18)
    assert article.event_date == date(2023, 3, 15)
    assert_clean_reading_edition(article)
    text = reading(article)
    for joint in ("of this year. Peng Jianxin", 'the "biggest of the country". All townships',
                  "use of farmland. So far", "cooperative. The meeting stressed", "450,000 mu. Village cadres",
                  "practical difficulties! Leading cadres"):
        assert joint in text, joint
    assert "the No.2 warehouse" in text  # "No.2" is not a sentence end
    assert article.paragraphs[-1].endswith("strive for a bumper harvest throughout the year.")
    assert article.credits == {"reporter": ["Xie Lanfang"], "editor_in_chief": ["Yang Weidong"],
                               "reviewer": ["Ouyang Ping"], "editor": ["Tan Xiaoli"]}
    assert article.source == "Shuangfeng Rong Media Center"
    peng = people(article)["Peng Jianxin"]
    assert peng.roles == ("member of the Standing Committee of the County Committee", "deputy county head")
    assert peng.involvement == ("attending", "speaking")


@pytest.mark.parametrize(("sentence", "involvement"), [
    ("Liu Zhigang, head of the District, stressed that safety comes first.", ("speaking",)),
    ("Liu Zhigang stressed that safety comes first.", ("speaking",)),
    ("Liu Zhigang went to the Lianbin Street to inspect the work.", ("inspecting",)),
    ("Liu Zhigang, head of the District, went to the Lianbin Street to inspect the work.", ("inspecting",)),
    # A verb of a relative clause is not the person's (a reviewer's example).
    ("Liu Zhigang, director of the District Emergency Management Bureau, which required all townships to act, "
     "attended the meeting.", ("attending",)),
])
def test_how_a_person_takes_part_is_read_alike_with_or_without_their_roles(sentence, involvement):
    """"NAME stressed" found a speaker and "NAME, roles, stressed" nobody; "NAME went to"
    found nobody and "NAME, roles, went to" an inspection: the verbs were in two lists."""
    article = parse_article(f"Louxing held a meeting\n2023-05-02 0 By\n\nOn May 1, the district met. {sentence}\n")
    assert people(article)["Liu Zhigang"].involvement == involvement


def test_bom_crlf():
    raw = (RAW / "bom_crlf.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    text, encoding = decode_source(raw)
    assert encoding == "utf-8"
    assert "\r" not in text and not text.startswith("\ufeff")
    article = parse_article(text)
    assert article.title == "Lengshuijiang City carried out the 2022 flood control emergency drill"
    assert article.published == date(2022, 6, 9)
    assert article.event_date == date(2022, 6, 7)
    assert len(article.paragraphs) == 2
    assert article.paragraphs[1].startswith("Chen Guohua pointed out that the main flood season has arrived")
    assert_clean_reading_edition(article)
    assert article.credits == {"reporter": ["Tang Ling"], "editor_in_chief": ["Wu Jianhua"],
                               "reviewer": ["Hu Bo"], "editor": ["Ning Xue"]}
    assert article.source == "Lengshuijiang Rong Media Center"
    chen = people(article)["Chen Guohua"]
    assert chen.roles == ("deputy secretary of the Municipal Committee", "mayor")
    assert chen.involvement == ("presiding", "speaking")


def test_gb18030():
    raw = (RAW / "gb18030.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text, encoding = decode_source(raw)
    assert encoding == "gb18030"
    article = parse_article(text)
    assert article.title == "娄星区 carried out the special inspection of campus safety before the autumn semester"
    assert article.published == date(2022, 8, 30)
    assert article.event_date == date(2022, 8, 26)
    body = reading(article)
    assert "On August 26, 娄星区教育局 (the Louxing District Education Bureau)" in body
    assert "the “安全第一” (safety first) publicity" in body
    assert "娄星区第一中学 (Louxing District No.1 Middle School)" in body
    assert article.quoted == ["安全第一", "开学第一课"]
    assert_clean_reading_edition(article)
    assert article.credits == {"reporter": ["Peng Lu"], "editor_in_chief": ["He Jian"], "reviewer": ["Zeng Yan"],
                               "editor": ["Kuang Min"]}
    assert article.source == "Louxing Rong Media Center"
    huang = people(article)["Huang Jianping"]
    assert huang.roles == ("member of the Standing Committee of the District Committee",
                           "director of the Publicity Department")
    assert huang.involvement == ("inspecting", "speaking")


def test_credit_paren_reporter_correspondent():
    article = parse_fixture("credit_paren_reporter_correspondent.txt")
    assert article.credits == {"reporter": ["Hu Jingwen"], "correspondent": ["Liao Qiang", "Deng Yuting"]}
    assert list(article.credits) == ["reporter", "correspondent"]
    assert article.source == "Xinhua County Rong Media Center"
    assert_clean_reading_edition(article)
    assert article.paragraphs[-1].endswith("the role of the first secretaries stationed in villages.")
    assert article.event_date == date(2022, 7, 20)
    assert people(article)["Zeng Qinghua"] == Person("Zeng Qinghua", ("deputy secretary of the County Committee",),
                                                     ("presiding",))


def test_credit_reviewed_supervised():
    article = parse_fixture("credit_reviewed_supervised.txt")
    assert article.credits == {"correspondent": ["Su Wen"], "reviewer": ["Long Xiaoyan"], "editor": ["Xiang Yun"],
                               "supervisor": ["Mo Zhiqiang"]}
    assert list(article.credits) == ["correspondent", "reviewer", "editor", "supervisor"]
    assert article.source is None
    assert_clean_reading_edition(article)
    assert article.paragraphs[-1].endswith("make tourists feel at ease and satisfied.")
    xiang = people(article)["Xiang Hongbo"]
    assert xiang.roles == ("member of the Standing Committee of the County Committee", "deputy county head")
    assert xiang.involvement == ("inspecting", "speaking")


def test_credit_audit_multiple_names():
    article = parse_fixture("credit_audit_multiple_names.txt")
    assert article.credits == {
        "reporter": ["Tan Jie", "Cao Min"],
        "editor_in_chief": ["Liu Weiping"],
        "reviewer": ["Zhou Hong", "Ouyang Lixin", "Peng Fei"],
        "editor": ["Jiang Wen", "Li Na"],
    }
    assert article.source == "Lianyuan Rong Media Center"
    assert_clean_reading_edition(article)
    assert article.paragraphs[-1].endswith("the policies of tax reduction and fee reduction.")


def test_blog_footer():
    article = parse_fixture("blog_footer.txt")
    assert_clean_reading_edition(article)
    assert article.paragraphs[-1].endswith("promote the integration of tea and tourism.")
    assert article.source == "Anhua Rong Media Center"
    assert article.credits == {"reporter": ["Yin Hao"], "editor_in_chief": ["Xia Jun"], "reviewer": ["Gong Li"],
                               "editor": ["Qiu Ya"]}
    assert [p.name for p in article.people] == ["Xia Guoqing"]


def test_full_width_punctuation():
    raw = (RAW / "full_width_punctuation.txt").read_bytes()
    text, _ = decode_source(raw)
    assert "，" in text and "。" in text and "：" in text  # the source keeps them ...
    article = parse_article(text)
    body = reading(article)
    for mark in "，。：；（）":  # ... the reading edition does not
        assert mark not in body, mark
    assert_clean_reading_edition(article)
    assert article.paragraphs[0] == ("On May 24, Dongkou County held a deployment meeting on safety work in the flood "
                                     "season. Yang Xiaojun, secretary of the County Committee, presided over the "
                                     "meeting and delivered a speech.")
    assert "implement the “three lists” of responsibility, carry out inspections" in body
    assert "ensure “no deaths and no injuries”." in body
    assert "Yang Xiaojun stressed: we should resolutely overcome" in body
    assert article.quoted == ["three lists", "no deaths and no injuries"]
    assert article.event_date == date(2022, 5, 24)
    assert article.credits == {"reporter": ["Li Juan"], "editor_in_chief": ["Shu Hong"], "reviewer": ["Zhong Wei"],
                               "editor": ["Lu Yao"]}
    assert article.source == "Dongkou Rong Media Center"
    assert people(article)["Yang Xiaojun"].involvement == ("presiding", "speaking")


def test_full_width_normalization_rules():
    assert normalize_punctuation("He said：“We must act。”Then，we act") == "He said: “We must act.” Then, we act"
    assert normalize_punctuation("the“three lists”of") == "the “three lists” of"
    assert normalize_punctuation("（Li Juan）Editor") == " (Li Juan) Editor"
    assert normalize_punctuation("２０２２ reached ９５％") == "2022 reached 95%"
    assert normalize_punctuation("plain text, untouched.") == "plain text, untouched."


def test_event_date_new_year():
    article = parse_fixture("event_date_new_year.txt")
    assert article.published == date(2023, 1, 5)
    assert article.event_date == date(2022, 12, 28)
    assert [(d.date, d.text) for d in article.dates] == [
        ("2022-12-28", "December 28"), ("2022-12-31", "December 31"),
        ("2023-01-02", "January 2"), ("2023-01-03", "January 3"),
    ]
    assert_clean_reading_edition(article)
    assert people(article)["Liang Wenjie"] == Person("Liang Wenjie", ("deputy head of the District",),
                                                     ("inspecting",))


@pytest.mark.parametrize(("body", "published", "expected"), [
    ("On February 11, the meeting", date(2022, 4, 30), date(2022, 2, 11)),
    ("On the morning of December 31, the drill", date(2023, 1, 2), date(2022, 12, 31)),
    ("On April 30, the county", date(2022, 4, 30), date(2022, 4, 30)),  # the same day
    ("On May 2, the county", date(2022, 4, 30), date(2021, 5, 2)),  # never after publication
    ("On February 29, the county", date(2021, 3, 1), date(2020, 2, 29)),  # the last leap day
    ("On February 29, the county", date(2024, 2, 28), date(2020, 2, 29)),  # four years back (a test audit)
    ("On March 3, 2021, the county", date(2022, 4, 30), date(2021, 3, 3)),  # a year given
    # A year after publication is a plan; the event is the next date that is not.
    ("On May 1, 2023, the new rules apply. On February 11, the meeting", date(2022, 4, 30), date(2022, 2, 11)),
    ("On the morning of May 1 2000", date(1, 1, 1), None),  # found by the property test
    ("Recently, the county held", date(2022, 4, 30), None),
    ("Upon May 3 the county", date(2022, 4, 30), None),  # "On" is a word of its own
    ("On Sept. 5, the county", date(2022, 9, 30), date(2022, 9, 5)),  # the short month of the wires
    ("On Sept 5, the county", date(2022, 9, 30), date(2022, 9, 5)),
    # The day first, as some translations write it.
    ("On 11 February, the meeting", date(2022, 4, 30), date(2022, 2, 11)),
    ("On the morning of 31 December, the drill", date(2023, 1, 2), date(2022, 12, 31)),
    ("On the 3rd of March 2021, the county", date(2022, 4, 30), date(2021, 3, 3)),
    ("On 5 Sept. the county", date(2022, 9, 30), date(2022, 9, 5)),
    ("On 12 occasions in May, the county", date(2022, 9, 30), None),
    ("On 1 May people gathered", date(2022, 9, 30), date(2022, 5, 1)),
    # A day glued to a month's abbreviation (it gave none); not to a month that ends a sentence.
    ("On Mar.1, the county", date(2022, 4, 30), date(2022, 3, 1)),
    ("On Sept.5 the county", date(2022, 9, 30), date(2022, 9, 5)),
    ("It ends on May.10 towns joined", date(2022, 9, 30), None),
    # The day of the week before the date (it gave none).
    ("The meeting was held on Sunday, March 6, in the hall", date(2022, 4, 30), date(2022, 3, 6)),
    ("On the morning of Tuesday 8 March, the county", date(2022, 4, 30), date(2022, 3, 8)),
    # A date in numbers, the year first (it gave none); not one that is no date, nor a plan.
    ("On 2022-03-01, the county", date(2022, 4, 30), date(2022, 3, 1)),
    ("On 2022/3/1 the county", date(2022, 4, 30), date(2022, 3, 1)),
    ("On 2022-13-01, the county", date(2022, 4, 30), None),
    ("On 2022-05-01, the rules apply", date(2022, 4, 30), None),
    # The first day of a span (it gave none); "From" a day alone starts no event.
    ("From January 15 to 18, the first session", date(2022, 4, 30), date(2022, 1, 15)),
    ("The session was held from 15 January to 18 January", date(2022, 4, 30), date(2022, 1, 15)),
    # A span written with a tilde, as Chinese writes 15～18日 (～ is read as ~: it gave none).
    ("From 15~18 January, the session", date(2022, 4, 30), date(2022, 1, 15)),
    ("From January 15 ~ 18, the session", date(2022, 4, 30), date(2022, 1, 15)),
    ("From March 1, the new rules apply. On April 2, the county", date(2022, 4, 30), date(2022, 4, 2)),
    # "In the morning of", a translation's way with 上午 (it gave none: a reviewer's report);
    # "in" a month alone, or a day without the time of day, dates no event.
    ("In the morning of February 11, Liu Zhigang presided", date(2022, 4, 30), date(2022, 2, 11)),
    ("In the afternoon of 11 February, the county", date(2022, 4, 30), date(2022, 2, 11)),
    ("The drill held in the evening of December 31 went well", date(2023, 1, 2), date(2022, 12, 31)),
    ("Plans made in May 5, 2020 still hold", date(2022, 4, 30), None),
    ("It rained in April 2022, and on March 3 the county", date(2022, 4, 30), date(2022, 3, 3)),
    # A day the text says is to come, after publication, is a plan: not last year's day, an
    # event that never took place, but the next date that is the event's.
    ("On July 20, Louxing District will launch a campaign. On April 28, the county met", date(2022, 4, 30),
     date(2022, 4, 28)),
    ("The fair will be held on July 20", date(2022, 4, 30), None),
    ("From July 20, the county will check mines", date(2022, 4, 30), None),
    # Said in the past, a day after publication in the year is last year's, and a day given
    # in the past (a review: "the speech given on" lost its event date); a day to come in a
    # clause that "that" opens is not (a second review).
    ("On July 20, he said they will act", date(2022, 4, 30), date(2021, 7, 20)),
    ("The county will study the speech given on July 20", date(2022, 4, 30), date(2021, 7, 20)),
    ("It is reported that on July 20, Louxing District will hold a job fair. On April 28, the county met",
     date(2022, 4, 30), date(2022, 4, 28)),
    ("The job fair will be held in Louxing on July 20", date(2022, 4, 30), None),
    # So is one early in the next year (a review: it was the day a year before, 357 days back)
    ("On January 5, Louxing District will hold the new year job fair. On December 26, the county met",
     date(2022, 12, 28), date(2022, 12, 26)),
    # A day said to come that was, a year before, at most RECENT_DAYS (60) before publication
    # is that past day (a republished article); one further back is a plan, no event's day.
    ("On December 1, the county will inspect the mines.", date(2023, 1, 30), date(2022, 12, 1)),
    ("On December 1, the county will inspect the mines.", date(2023, 1, 31), None),
])
def test_event_date_resolution(body, published, expected):
    assert find_event_date(body, published) == expected


@pytest.mark.parametrize(("credit_line", "credits", "source"), [
    # Hyphenated labels. The editor in charge (责任编辑) is the responsible editor: it was read
    # as a second editor in chief.
    ("(Li Yi) Editor-in-Chief: Wen Zhibin Editor-in-charge: Xiao Hui Source: Louxing Rong Media Center",
     {"reporter": ["Li Yi"], "editor_in_chief": ["Wen Zhibin"], "editor": ["Xiao Hui"]}, "Louxing Rong Media Center"),
    ("(Li Yi) Editor in charge: Liu Fang Source: Louxing Rong Media Center",
     {"reporter": ["Li Yi"], "editor": ["Liu Fang"]}, "Louxing Rong Media Center"),
    # Labels each ending a sentence of their own: three blocks of the credit line.
    ("Editor in Chief: Li Yi. Reviewed by: Chen Jing. Source: Xinhua County Rong Media Center.",
     {"editor_in_chief": ["Li Yi"], "reviewer": ["Chen Jing"]}, "Xinhua County Rong Media Center"),
])
def test_credit_lines_written_otherwise(credit_line, credits, source):
    article = parse_article(f"T\n2022-05-01 0 By\nOn April 28, the county met. {credit_line}\n")
    assert (article.credits, article.source) == (credits, source)
    assert article.paragraphs == ["On April 28, the county met."]


def test_names_run_together_are_split_into_two_syllable_names_and_a_last_one():
    assert split_names("Chen Jing Li Yi Ming") == ["Chen Jing", "Li Yi", "Ming"]


def test_title_with_quotes():
    article = parse_fixture("title_with_quotes.txt")
    assert article.title == ('Chenxi County: "Double Reduction" lets schoolbags "lose weight"! '
                             'After-school service makes parents “worry-free”!')  # the source's ！ as in the text
    assert article.published == date(2022, 11, 10)
    assert article.event_date == date(2022, 11, 8)
    assert article.quoted == ["Double Reduction", "5+2"]
    assert_clean_reading_edition(article)
    assert article.credits["reporter"] == ["Shu Yan"]


def test_attendee_list():
    article = parse_fixture("attendee_list.txt")
    assert article.people == [
        Person("Xiang Dongsheng", ("secretary of the District Committee",), ("attending", "speaking")),
        *(Person(name, (), ("attending",)) for name in (
            "Qin Hailong", "Ouyang Min", "Tan Yuhua", "Mo Jianjun", "Fu Xiaoping", "Shu Lei", "Kang Ning", "Gu Yue")),
    ]
    assert article.credits == {"reporter": ["Ren Xiaofei"]}
    assert article.source == "Hecheng Rong Media Center"
    assert_clean_reading_edition(article)


@pytest.mark.parametrize("group", ["Party members attended the meeting.", "District leaders attended the meeting.",
                                   "Township heads attended.", "Department heads were present.",
                                   "Leading cadres participated.", "Many enterprises attended.",
                                   "Village cadres were present.", "Party committee attended.",
                                   "Li Ming and Party members attended the meeting."])
def test_a_group_is_no_person(group):
    """'Party members attended the meeting.' gave a person 'Party members': a list of names
    not led by a surname kept any two words whose second is not capitalised. A given name in
    pinyin after a surname translated as a word ("Party jianguo", 党建国) is still a name."""

    assert [p.name for p in extract_people(f"The county met. {group}")] == (["Li Ming"] if "Li" in group else [])
    assert [p.name for p in extract_people("Party jianguo and Party members attended.")] == ["Party jianguo"]


def test_the_last_name_after_a_serial_comma_attends():
    """'Ding Xiaohua, Yi Ming, and Kang Lin attended.' lost Kang Lin: the list was split at the
    comma before 'and', which left 'and Kang Lin', no name."""
    from lgnews.parse import extract_people

    assert extract_people("Ding Xiaohua, Yi Ming, and Kang Lin attended.") == [
        Person(name, (), ("attending",)) for name in ("Ding Xiaohua", "Yi Ming", "Kang Lin")]


@pytest.mark.parametrize("close", ["and other members of the Standing Committee attended the meeting.",
                                   "and other leaders of the District Party Committee attended the meeting.",
                                   "and other county-level leaders attended the meeting.", "and others attended.",
                                   "and other leaders attended.", ", etc. were present."])
def test_a_list_of_names_closed_by_others_attends(close):
    """'Gong Yuan, Hu Bin, Jiang Lihua and other members of the Standing Committee attended the
    meeting.' gave no one: after 'and other' only lowercase words were read (not 'Standing
    Committee', 'county-level'), 'and others' and ', etc.' not at all."""
    from lgnews.parse import extract_people

    sentence = f"The county met. Gong Yuan, Hu Bin, Jiang Lihua {close}".replace(" ,", ",")
    assert extract_people(sentence) == [Person(name, (), ("attending",)) for name in ("Gong Yuan", "Hu Bin", "Jiang Lihua")]


@pytest.mark.parametrize(("names", "shared"), [
    ("Liu Chihui, Luo Wenwei and Wang Qian", ["Liu Chihui", "Luo Wenwei", "Wang Qian"]),
    ("Liu Chihui, Luo Wenwei, Wang Qian", ["Liu Chihui", "Luo Wenwei", "Wang Qian"]),
    ("Liu Zhigang, head of the district, Luo Wenwei and Wang Qian", ["Luo Wenwei", "Wang Qian"]),
])
def test_a_title_in_the_plural_is_each_of_the_names_before_it(names, shared):
    """'Liu Chihui, Luo Wenwei and Wang Qian, deputy heads of the district, attended.' gave Liu
    Chihui the titles 'Luo Wenwei and Wang Qian' and 'deputy heads of the district', and no
    one else. The title is each one's, as written; a name's own title is its own only."""
    from lgnews.parse import extract_people

    people = extract_people(f"The county met. {names}, deputy heads of the district, attended.")
    assert [p for p in people if p.name in shared] == [
        Person(name, ("deputy heads of the district",), ("attending",)) for name in shared]
    assert all(p.roles == ("head of the district",) for p in people if p.name not in shared)
    # A title in the plural that does not close the list names more who attended.
    assert extract_people("Li Ming, Wang Qian, heads of towns and relevant departments attended.") == []


def test_presider_roles():
    article = parse_fixture("presider_roles.txt")
    assert article.people == [
        Person("Tang Guoqiang", ("secretary of the County Party Committee",
                                 "first secretary of the Party Committee of the County People's Armed Forces Department"),
               ("presiding", "speaking")),
        Person("Zou Yanhong", ("deputy secretary of the County Committee", "county head"), ("speaking",)),
        Person("Lei Zhenyu", ("chairman of the County CPPCC",), ("attending",)),
    ]
    assert article.event_date == date(2022, 5, 30)
    assert_clean_reading_edition(article)


def test_garbled_phrases():
    article = parse_fixture("garbled_phrases.txt")
    text = reading(article)
    # Garbled machine translation is kept verbatim: editors annotate it, the parser never rewrites it.
    for phrase in ("to catch the bull's nose, to grasp the tube, to catch the early catch small",
                   "with the monthly guarantee season to guarantee the year",
                   "To cast firmly the red line consciousness", "must be the account number pin",
                   "Lei Wenhua, Huang Kaiming, Often Lixin and other leaders attended"):
        assert phrase in text, phrase
    assert article.title == 'Suxian District carried out the work safety "four no two straight" open inspection'
    assert article.quoted == ["four no two straight", "look back"]
    assert [(p.name, p.involvement) for p in article.people] == [
        ("Lei Wenhua", ("attending",)), ("Huang Kaiming", ("attending",)), ("Often Lixin", ("attending",))]
    assert_clean_reading_edition(article)


def test_multi_paragraph():
    article = parse_fixture("multi_paragraph.txt")
    assert article.published == date(2022, 3, 9)  # header "2022-03-09 2 By": two comments
    assert [p[:40] for p in article.paragraphs] == [
        "On March 7, Yizhang County held the 2022",
        "Last year, the proportion of days with g",
        "This year, the county will focus on the ",
        "Kuang Zhiwei stressed that green waters ",
    ]
    assert "reached 95.6%, and the water quality" in article.paragraphs[1]
    assert article.credits == {"reporter": ["Wu Tingting", "Lei Ming"], "editor": ["Kuang Yi"]}
    assert article.source == "Yizhang Rong Media Center"
    assert people(article)["Kuang Zhiwei"] == Person(
        "Kuang Zhiwei", ("deputy secretary of the County Committee", "county head"), ("attending", "speaking"))
    assert_clean_reading_edition(article)


# --------------------------------------------------------------------------- pieces


@pytest.mark.parametrize(("value", "names"), [
    ("Huang Miao Zeng Zhenhua", ["Huang Miao", "Zeng Zhenhua"]),
    ("Zhou Hong Ouyang Lixin Peng Fei", ["Zhou Hong", "Ouyang Lixin", "Peng Fei"]),
    ("Huang Miao, Zeng Zhenhua", ["Huang Miao", "Zeng Zhenhua"]),
    ("Li Na and Jiang Wen", ["Li Na", "Jiang Wen"]),
    ("Xiao Hui", ["Xiao Hui"]),
    ("", []),
])
def test_split_names(value, names):
    assert split_names(value) == names


def test_split_credits_keeps_a_parenthesis_that_is_not_a_credit():
    body, credits, source, unread = split_credits(
        "The schools should be safe (for teachers and students).(safety first)")
    assert unread == []
    assert credits == {} and source is None
    assert body.endswith("(safety first)")


def test_a_translation_quoting_chinese_is_no_chinese_original():
    """The translation of the GB18030 fixture quotes 39 Chinese characters among 905 letters."""
    article = parse_fixture("gb18030.txt")
    assert "“安全第一” (safety first)" in article.paragraphs[0]


def test_rebuild_paragraphs_abbreviations_and_initials():
    paragraphs = rebuild_paragraphs("He met Mr.Wang at No. 1 Middle School.The U.S. delegation left.Then it rained.")
    assert paragraphs == ["He met Mr. Wang at No. 1 Middle School. The U.S. delegation left. Then it rained."]


def test_control_characters_are_dropped_from_the_derived_text():
    article = parse_article("Title \x01 one\ufffe\n2022-05-01 0 By\n\nOn April 28, Louxing\x7f held a meeting.\x0c\n")
    assert article.title == "Title one"
    assert article.paragraphs == ["On April 28, Louxing held a meeting."]


def test_header_with_time_and_comments():
    article = parse_article("A title\n2022-04-30 10:22 3 By\nOn April 29, it rained.\n")
    assert article.published == date(2022, 4, 30) and article.event_date == date(2022, 4, 29)


def test_a_day_of_a_year_before_1900_is_no_day_of_last_year():
    """"On May 30, 1899" was read as 30 May 2021, the last 30 May before publication: the
    dates' patterns read years from 1900 only, and took the day alone."""
    published = date(2022, 4, 30)
    for text in ("On May 30, 1899, the county met.", "On 30 May 1899 the county met."):
        assert parse_article(f"A title\n2022-04-30 0 By\n{text}\n").event_date is None
        assert find_dates(text, published) == []
    text = "The county, founded on May 30, 1899, met on April 2."
    assert parse_article(f"A title\n2022-04-30 0 By\n{text}\n").event_date == date(2022, 4, 2)
    assert [d.date for d in find_dates(text, published)] == ["2022-04-02"]
    # A number that is no year before 1900 still leaves the day read.
    assert [d.date for d in find_dates("On May 30, 2,000 people met.", published)] == ["2021-05-30"]


@pytest.mark.parametrize(("text", "dates"), [
    # A range's end is on or after its start: it was the last such day up to publication,
    # a year before the start (a review: "mentions 10 January 2021; 3 January 2022").
    ("The second round runs from January 3 to January 10.", ["2022-01-03", "2022-01-10"]),
    ("From December 20 to January 10, inspectors checked mines.", ["2021-12-20", "2022-01-10"]),
    ("From December 20, 2021 until January 10 the mines were shut.", ["2021-12-20", "2022-01-10"]),
    # Not two days that are no range.
    ("On January 3, the county met; on January 10 it met again.", ["2021-01-10", "2022-01-03"]),
    ("From December 20 to January 4 the mines were shut.", ["2021-12-20", "2022-01-04"]),
    # Not two days of the same year, a dash or "to" between them (a second review).
    ("The deadline was moved from December 28 to December 10.", ["2021-12-10", "2021-12-28"]),
    ("On January 3 — the December 5 plan was reviewed.", ["2021-12-05", "2022-01-03"]),
    # A day the text says is to come, later in the year than publication, is this year's.
    ("The inspection will be held on March 15.", ["2022-03-15"]),
    ("The rules will take effect on March 1.", ["2022-03-01"]),
    ("On January 10, Louxing District will launch a campaign.", ["2022-01-10"]),
    ("The campaign is to start from June 1.", ["2022-06-01"]),
    # Not a day of a sentence that says "will" of something else.
    ("On December 20, Liu Zhigang stressed that we will strengthen safety.", ["2021-12-20"]),
    ("On March 3, Louxing District held a meeting; it will meet again.", ["2021-03-03"]),
    ("The county will carry out checks. On March 3 it met.", ["2021-03-03"]),
    # Nor another verb's "will", nor a yearly day that "falls on" (a third review)
    ("Volunteers who will serve were trained on December 28.", ["2021-12-28"]),
    ("Households that are to be relocated were visited on December 29.", ["2021-12-29"]),
    ("Mao Zedong's birth, which falls on December 26, was marked.", ["2021-12-26"]),
    ("from the 20th of December to the 10th of January", ["2021-12-20", "2022-01-10"]),
    ("December 28-January 3", ["2021-12-28", "2022-01-03"]),
])
def test_the_end_of_a_range_of_days_is_not_before_its_start(text, dates):
    assert [d.date for d in find_dates(text, date(2022, 1, 5))] == dates


@pytest.mark.parametrize(("published", "text", "dates"), [
    # A range of more than half a year, within ten months: its end after its start
    (date(2021, 12, 10), "The fire prevention period is from October 1 to April 30.", ["2021-10-01", "2022-04-30"]),
    # An end before its start in the same year: a day brought forward, not a year later
    (date(2022, 4, 30), "The deadline was shortened from April 25 to April 10.", ["2022-04-10", "2022-04-25"]),
    (date(2022, 4, 30), "The opening will be brought forward from June 20 to June 10.", ["2022-06-10", "2022-06-20"]),
    # An end after its start stays: a year to date (a fourth review: 2021-11-30)
    (date(2022, 12, 10), "From January 1 to November 30, the district handled 300 cases.", ["2022-01-01", "2022-11-30"]),
    # Days to come with any verb ("take place"), not past ones
    (date(2022, 4, 30), "The race will take place on May 22.", ["2022-05-22"]),
    (date(2022, 4, 30), "Applications will be accepted from May 1 to May 15.", ["2022-05-01", "2022-05-15"]),
    # Not another verb's "will" (a fifth review)
    (date(2022, 4, 30), "Officials who will lead the work met on May 3 to discuss the plan.", ["2021-05-03"]),
    (date(2022, 4, 30), "The teams that will inspect the sites gathered on May 3.", ["2021-05-03"]),
    (date(2022, 4, 30), "Enterprises that are to relocate held a meeting on May 3.", ["2021-05-03"]),
    (date(2022, 4, 30), "He stressed that we will pay attention as announced on May 3.", ["2021-05-03"]),
    # The verb of the day with its object (a sixth review: "will hold a job fair on" was last year's)
    (date(2022, 4, 30), "The district will hold a job fair on May 20.", ["2022-05-20"]),
    (date(2022, 4, 30), "The new bridge will be opened to traffic on June 30.", ["2022-06-30"]),
    (date(2022, 4, 30), "Louxing will host the provincial games from August 8 to August 15.", ["2022-08-08", "2022-08-15"]),
    # A place's name or a year among those words, and the subject of "will" after a day
    # "from" it or after "the county" (each was last year's day)
    (date(2022, 4, 30), "The fair will be held in Louxing on May 20.", ["2022-05-20"]),
    (date(2022, 4, 30), "The district will hold the 2022 games on June 8.", ["2022-06-08"]),
    (date(2022, 4, 30), "From May 20, the county will carry out checks.", ["2022-05-20"]),
    (date(2022, 4, 30), "On May 20, the county will launch a campaign.", ["2022-05-20"]),
    # Not a day another verb's past says ("said", "met"), after "will" or after the day
    (date(2022, 4, 30), "We will work as he said on May 3.", ["2021-05-03"]),
    (date(2022, 4, 30), "On May 20, he said they will act.", ["2021-05-20"]),
    (date(2022, 4, 30), "On May 20, Liu Zhigang stressed we will act.", ["2021-05-20"]),
    # Nor a past day inside a sentence whose subject will act, nor after "told" or "given" (a
    # review of the first version: each was moved a year ahead)
    (date(2023, 1, 5), "Under the plan approved on December 20, the county will pave roads.", ["2022-12-20"]),
    (date(2023, 1, 5), "As he said on December 20, the work will go on.", ["2022-12-20"]),
    (date(2023, 1, 5), "On December 20, he told villagers they will receive subsidies.", ["2022-12-20"]),
    (date(2023, 1, 5), "The county said it will study the speech given on December 20.", ["2022-12-20"]),
    # A day that opens a clause after "that", a quotation mark or "Starting", and a subject of
    # any words before "will"; but a task ("the key is to") says no day to come (a second review)
    (date(2023, 1, 5), "It is reported that on January 10, Louxing District will hold a job fair.", ["2023-01-10"]),
    (date(2023, 1, 5), "“On January 10, we will open the bridge,” Liu Zhigang said.", ["2023-01-10"]),
    (date(2023, 1, 5), "Starting from February 1, the county will close the mines.", ["2023-02-01"]),
    (date(2023, 1, 5), "On January 10, the district party committee will meet.", ["2023-01-10"]),
    (date(2023, 1, 5), "On January 10, villagers will receive subsidies.", ["2023-01-10"]),
    (date(2023, 1, 5), "On the morning of January 10, the county will hold a job fair.", ["2023-01-10"]),
    # Not "will" of a relative clause, after "heard" or "says", nor the noun (a third review)
    (date(2023, 1, 5), "On December 20, the bridge whose deck will carry trucks opened to traffic.", ["2022-12-20"]),
    (date(2023, 1, 5), "On December 20, the reporter heard the county will build a new school.", ["2022-12-20"]),
    (date(2023, 1, 5), "On December 20, the notice says the county will strengthen supervision.", ["2022-12-20"]),
    (date(2023, 1, 5), "On December 20, the people's will was clearly expressed.", ["2022-12-20"]),
    # A day to come that was a few weeks before publication is that one: a republishing site
    # posts an article days or weeks late (a third review: it was moved 51 weeks ahead)
    (date(2023, 1, 5), "On December 20, the county met. On December 28, the county will hold a review.",
     ["2022-12-20", "2022-12-28"]),
    # A fourth review: "will also be held on"; a name that "will" after a day in mid-sentence
    # ("and on January 12, Louxing District will", "At 9:00 on …"); not "broke ground and will"
    (date(2023, 1, 5), "The Spring Festival temple fair will also be held on January 20.", ["2023-01-20"]),
    (date(2023, 1, 5), "The list of winners will also be made public on January 12.", ["2023-01-12"]),
    (date(2023, 1, 5), "At 9:00 on January 16, Louxing District will hold the opening ceremony.", ["2023-01-16"]),
    (date(2023, 1, 5), "The fair was announced on January 2, and on January 12, the county will hold it.",
     ["2023-01-02", "2023-01-12"]),
    (date(2023, 1, 5), "The county will make sure that on January 20 every village has a doctor.", ["2023-01-20"]),
    (date(2023, 3, 15), "On December 26, the project broke ground and will be completed in 2024.", ["2022-12-26"]),
    (date(2023, 1, 5), "On January 10, the county and the district will hold a job fair.", ["2023-01-10"]),
    # Not a deadline: "until" a day later in the year is this year's (a campaign to the year's end)
    (date(2023, 1, 5), "The campaign will last until December 31.", ["2023-12-31"]),
    (date(2023, 1, 5), "On December 20, the key is to implement the plan, Liu Zhigang said.", ["2022-12-20"]),
    # A day to come, or a deadline, early in the next year is next year's (a review: each was a
    # year back, "On January 5, … will hold" 357 days before publication); not half a year
    # ahead, nor where this year's day is a few weeks before publication
    (date(2022, 12, 28), "On January 5, Louxing District will hold the new year job fair.", ["2023-01-05"]),
    (date(2022, 12, 20), "The campaign started on December 18 and will last until January 15.",
     ["2022-12-18", "2023-01-15"]),
    (date(2022, 4, 5), "The campaign will last until March 31.", ["2022-03-31"]),
    (date(2022, 7, 10), "On January 20, the county will hold a job fair.", ["2022-01-20"]),
    (date(2023, 2, 10), "On January 20, the county will hold a job fair.", ["2023-01-20"]),
    (date(2022, 12, 20), "Reports are due by January 10.", ["2023-01-10"]),
    (date(2022, 12, 20), "The county will finish the work by January 10.", ["2023-01-10"]),
    # Not a deadline said in the past (a review of the first version: each was read a year ahead)
    (date(2023, 10, 15), "By March 31, the county had completed 80% of the work.", ["2023-03-31"]),
    (date(2023, 10, 15), "By January 31 of this year, 300 households had moved.", ["2023-01-31"]),
    (date(2023, 10, 15), "From January 1 through March 31, the bureau handled 300 cases.", ["2023-01-01", "2023-03-31"]),
    (date(2023, 8, 20), "The exhibition, which lasted until January 20, drew crowds.", ["2023-01-20"]),
    (date(2023, 11, 10), "Before April 1, the villages had cleared the roads.", ["2023-04-01"]),
    # Other ways of saying a deadline is to come (a second review: each was read a year back)
    (date(2023, 12, 20), "All townships must complete the self-inspection before January 15.", ["2024-01-15"]),
    (date(2023, 12, 20), "The inspection, which will last until January 15, covers all mines.", ["2024-01-15"]),
    (date(2023, 12, 20), "The rectification campaign runs until January 15.", ["2024-01-15"]),
    (date(2023, 12, 20), "Registration is open until January 5.", ["2024-01-05"]),
    (date(2023, 12, 20), "By January 10, every village must have a safety officer.", ["2024-01-10"]),
    (date(2023, 12, 20), "Before January 10, each township shall report its progress.", ["2024-01-10"]),
    (date(2023, 12, 20), "The county will continue the special campaign against illegal construction until January 31.",
     ["2024-01-31"]),
    (date(2023, 12, 20), "Before January 10, each township had reported its progress.", ["2023-01-10"]),
    # Nor a verb of the past between them (a third review: each was read a year ahead)
    (date(2023, 12, 20), "All units must report the hazards they found before January 15.", ["2023-01-15"]),
    (date(2023, 12, 20), "The county should have finished the work by January 15, the inspectors said.",
     ["2023-01-15"]),
    (date(2023, 12, 20), "The county plans to review the cases it handled before January 1.", ["2023-01-01"]),
    (date(2023, 12, 20), "By January 10, the townships that will be inspected had reported.", ["2023-01-10"]),
])
def test_a_range_ends_within_ten_months_of_its_start(published, text, dates):
    assert [d.date for d in find_dates(text, published)] == dates


def test_a_header_typed_in_full_width_characters_is_read():
    # Typed with a Chinese input method, the header was refused as no date header; the
    # source keeps it as it is, and the date and the reporter are read in ASCII.
    article = parse_article("A title\n２０２２－０４－３０　１０：２２　３　Ｂｙ Wang Lei\nOn April 29, it rained.\n")
    assert article.published == date(2022, 4, 30) and article.event_date == date(2022, 4, 29)
    assert article.credits["reporter"] == ["Wang Lei"]
    with pytest.raises(ParseError, match=r"^the header date '２０２２-04-31' is not a real date$"):
        parse_article("A title\n２０２２-04-31 0 By\nText.\n")
    with pytest.raises(ParseError, match=r"^no title: the first line is the date header$"):
        parse_article("２０２２－０４－３０ ０ Ｂｙ\nText.\n")

# --------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(("name", "reason"), [
    ("empty.txt", r"^empty file$"),
    ("binary.bin", r"^binary file \(contains NUL bytes\), not a text article$"),
    ("no_date_header.txt", r"^no date header: the line after the title should look like '2022-04-30 0 By', "
                           r"not 'On April 12, Taojiang County"),
    ("header_bad_date.txt", r"^the header date '2022-02-30' is not a real date$"),
    ("title_only.txt", r"^no date header: the line after the title should look like '2022-04-30 0 By', and the file has no line "
                       r"after the title$"),
    ("no_title.txt", r"^no title: the first line is the date header$"),
    ("mixed_encodings.txt", r"^mixed encodings: part of the file is UTF-8 and part is not; save it in one encoding$"),
    ("truncated_utf8.txt", r"^truncated: the file ends in the middle of a UTF-8 character"),
    ("utf16.txt", r"^UTF-16 text, not UTF-8: save the file as UTF-8 \(or GB18030\)$"),
    # A page saved from the browser was told it had no date header, and to save it again.
    ("html_page.txt", r"^a web page \(HTML\) saved from the browser, not the article's text: copy the title, the date "
                      r"line and the text from the page into a .txt file$"),
    # An untranslated original was archived and labelled a machine translation, its Chinese
    # punctuation rewritten and its credit line left in the text.
    ("chinese_original.txt", r"^the text is in Chinese, not an English translation: the archive keeps the articles' "
                             r"English translations; archive the translation instead$"),
])
def test_refusals(name, reason):
    with pytest.raises(ParseError, match=reason) as caught:
        parse_fixture(name)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(("text", "reason"), [
    ("   \n\ufeff\n  ", "empty file"),
    ("A title\n2022-04-30 0 By\n", "no article text after the date header"),
    ("A title\n2022-04-30 0 By\n(Li Yi) Editor: Xiao Hui Source: Louxing Rong Media Center", "no article text"),
    ("A title\n2022-13-01 0 By\nText.", "the header date '2022-13-01' is not a real date"),
    ("T" * 301 + "\n2022-04-30 0 By\nText.", "longer than 300 characters"),
])
def test_refusals_of_texts(text, reason):
    with pytest.raises(ParseError, match=re.escape(reason)):
        parse_article(text)


# --------------------------------------------------------------------------- decoding


def test_decode_source_utf8_without_bom():
    assert decode_source(b"Title\r\n2022-04-30 0 By\rText") == ("Title\n2022-04-30 0 By\nText", "utf-8")


def test_decode_source_bom_crlf():
    text, encoding = decode_source(b"\xef\xbb\xbfTitle\r\n\r\n2022-04-30 0 By\r\n")
    assert (text, encoding) == ("Title\n\n2022-04-30 0 By\n", "utf-8")


def test_an_english_article_in_gb18030_is_not_read_as_big5():
    """Its few Chinese marks (quotation marks, a middle dot) are too little for the
    detector, which took “ and ” in GB18030 for Big5's ※ and §."""
    text = (FIXTURES / "seed.txt").read_text(encoding="utf-8")
    assert "“" in text and decode_source(text.encode("gb18030")) == (text, "gb18030")
    assert decode_source("the “三个必须” (three musts) · 安全".encode("gb18030"))[0] == "the “三个必须” (three musts) · 安全"


def _with_symbol(symbol: str, seed: str) -> str:
    return seed.replace("At the meeting", f"{symbol} At the meeting")


SEED_WITH_ONE_MARK = {
    # The seed with straight quotation marks: its one Chinese mark is the middle dot of "7·20" ...
    "middle dot": lambda seed: seed,
    # ... or, with "7-20", one full-width colon, parenthesis or indent (two ideographic spaces).
    "colon": lambda seed: seed.replace("7·20", "7-20").replace("Editor in Chief:", "Editor in Chief："),
    "parenthesis": lambda seed: seed.replace("7·20", "7-20").replace("(Li Yi)", "（Li Yi）"),
    "indent": lambda seed: seed.replace("7·20", "7-20").replace("\nOn February 11", "\n\u3000\u3000On February 11"),
    # ... or the middle dot and one of GB2312's symbols: a number in a circle, a shape, an
    # arrow, "No.", a section sign, a Roman numeral, a Greek letter.
    **{f"middle dot and {c}": functools.partial(_with_symbol, c) for c in "①●→№§Ⅱ★α"},
}


@pytest.mark.parametrize("variant", SEED_WITH_ONE_MARK.values(), ids=SEED_WITH_ONE_MARK)
def test_an_english_article_in_gb18030_with_one_chinese_mark_is_read_as_gb18030(variant):
    """With “ and ” gone, the detector took such a file for CP1252: "7¡¤20" in the reading
    edition, and "£º" or "£¨Li Yi£©" hid the whole credit line."""
    seed = (FIXTURES / "seed.txt").read_text(encoding="utf-8").replace("“", '"').replace("”", '"')
    text = variant(seed)
    read, encoding = decode_source(text.encode("gb18030"))
    assert (read, encoding) == (text, "gb18030")
    article = parse_article(read)
    assert article == parse_article(text)  # the record of the same text in UTF-8
    assert article.source == "Louxing Rong Media Center" and article.credits["reporter"] == ["Li Yi"]


@pytest.mark.parametrize(("text", "encodings"), [
    ("Louxing District held a meeting\n\n2022-04-30 0 By\n\nThe “power list” of the café was clarified.\n",
     ["cp1252"]),  # curly quotes are CP1252's only
    ("Résumés of the leaders\n\n2022-04-30 0 By\n\nThe district published the résumés of its cadres.\n",
     ["cp1252", "latin-1"]),
    # "éé" is a GB2312 pair (an ideograph), but no Chinese mark comes with it.
    ("The head was réélu\n\n2022-04-30 0 By\n\nThe head was réélu in March, Zoë said.\n", ["cp1252", "latin-1"]),
    ("A meeting at 20°C\n\n2022-04-30 0 By\n\nHe said «Bonjour» at 20°C and paid £5 for it.\n",
     ["cp1252", "latin-1"]),
])
def test_a_cp1252_or_latin1_article_is_still_read_as_cp1252(text, encodings):
    for encoding in encodings:
        assert decode_source(text.encode(encoding)) == (text, "cp1252")


def test_a_big5_article_is_still_read_as_big5():
    text = "臺北市政府舉行防汛會議。" * 20 + "\n婁星區：安全生產、防汛抗旱工作會議召開，市長講話。\n"
    assert decode_source(text.encode("big5")) == (text, "big5")


def test_decode_source_gb18030_chinese_heavy_text_is_not_mistaken_for_mixed():
    chinese = ("娄星区召开2022年安全生产务虚会。2月11日，区委副书记、区长、区安委会主任刘志刚主持召开2022年娄星区"
               "安全生产工作会议，分析研判当前安全生产形势，聚焦重点、补齐短板、强弱项、固优势，科学谋划全年安全生产工作。"
               "刘赤辉、徐迪仁、罗文伟、王倩、高颖、唐爱华、周俊华、肖敏海、党建国等领导出席。")
    text = "Louxing news\n\n2022-04-30 0 By\n\n" + chinese * 3
    assert decode_source(text.encode("gb18030")) == (text, "gb18030")


def test_decode_source_mixed():
    data = "娄星区 first part, in UTF-8: 河长办 and 娄星区.\n".encode() + "娄星区 second part: 立行立改 涟水河\n".encode("gb18030")
    with pytest.raises(ParseError, match="mixed encodings"):
        decode_source(data)


def test_decode_source_mixed_utf8_latin_letters_and_cp1252_quotes():
    """UTF-8's two-byte "·" and "ü" beside CP1252's quotation marks was read as CP1252: the
    page showed "7Â·20" (no longer the Zhengzhou entry's name) and "LÃ¼ Wei" (a review)."""
    data = ("Title\n2022-04-30 0 By\n\nThey studied the “".encode("cp1252") + "7·20".encode() +
            "” report with L".encode("cp1252") + "ü".encode() + " Wei.\n".encode("cp1252"))
    with pytest.raises(ParseError, match="^mixed encodings"):
        decode_source(data)
    # ... or beside a CP1252 letter, with no quotation mark (a review of the first version)
    data = b"Title\n2022-04-30 0 By\n\nThe 7" + "·20 report by Lü Wei was read at the café.\n".encode().replace(
        "é".encode(), "é".encode("cp1252"))
    with pytest.raises(ParseError, match="^mixed encodings"):
        decode_source(data)
    # GB18030 whose character's first byte is Â or Ã (娄 C2 A6, 路 C2 B7), alone between ASCII
    # bytes as a UTF-8 "·" is: no CP1252 quotation mark beside it, it is GB18030 (a review).
    for han in "娄路毛":
        text = f"Louxing ({han}) District held a meeting\n2022-04-30 0 By\n\nThe “7·20” report was read.\n"
        assert decode_source(text.encode("gb18030")) == (text, "gb18030"), han
    # CP1252 alone, its letters and marks as they are, reads as CP1252
    text = "Title\n2022-04-30 0 By\n\nCafé résumé “quoted” naïve © · 2022.\n"
    assert decode_source(text.encode("cp1252")) == (text, "cp1252")


def test_decode_source_binary():
    with pytest.raises(ParseError, match="binary file"):
        decode_source((RAW / "binary.bin").read_bytes())
    with pytest.raises(ParseError, match="binary file \\(control characters\\)"):
        decode_source(bytes(range(1, 32)) * 10)


@pytest.mark.parametrize("data", [
    "Title\n2022-04-30 0 By\nThe “power list”".encode()[:-1],  # cut in a UTF-8 character after UTF-8 text
    "Title\n2022-04-30 0 By\nOn May 24，".encode()[:-2],  # ... after ASCII only (not GB18030 either)
    "娄星区\n2022-04-30 0 By\n娄星区召开会议。".encode()[:-1],
    # ... after ASCII only, in bytes that also read as one GB18030 character (it was read so)
    b"Title\n2022-04-30 0 By\nThe county met.\n" + "中".encode()[:2],
])
def test_decode_source_truncated(data):
    with pytest.raises(ParseError, match="^truncated: the file ends in the middle of a UTF-8 character"):
        decode_source(data)


@pytest.mark.parametrize(("encoding", "name"), [
    ("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32", "UTF-32"),
])
def test_decode_source_wide_encodings(encoding, name):
    data = (FIXTURES / "seed.txt").read_text(encoding="utf-8").encode(encoding)
    with pytest.raises(ParseError, match=f"^{name} text, not UTF-8"):
        decode_source(data)


def test_decode_source_oversized():
    with pytest.raises(ParseError, match="the limit for one article is 200,000"):
        decode_source(b"a" * (MAX_SOURCE_BYTES + 1))
    assert decode_source(b"a" * MAX_SOURCE_BYTES)[1] == "utf-8"


def test_decode_source_empty():
    for data in (b"", b" \r\n\t "):
        with pytest.raises(ParseError, match="^empty file$"):
            decode_source(data)


@pytest.mark.parametrize(("text", "expected"), [
    ("On April 2, the district met. On December 28 it had planned the campaign; since April 2020 the campaign has "
     "run, and on March 3, 2019 the first inspection took place.",
     [("2019-03-03", "March 3, 2019"), ("2020-04", "April 2020"), ("2021-12-28", "December 28"),
      ("2022-04-02", "April 2")]),
    # The day first, as some translations write it; not "4 May" of "Level 4 May be raised",
    # nor a day glued to a number ("2011 May" is no day 11).
    ("On 2 April the district met. On the 28th of December it had planned the campaign; by 4 May 2024 it ends. "
     "Level 4 May be raised. In 2011 May 5 was chosen.",
     [("2021-05-05", "May 5"), ("2021-12-28", "28th of December"), ("2022-04-02", "2 April"),
      ("2024-05-04", "4 May 2024")]),
    # A number before a month's name is a day after "on", "since", "from"... or with an
    # ordinal or a year; not a road's, a decree's, a medal's or a count's.
    ("Since 1 May the county has checked. Decree No. 5 of June 2023 applies on No. 3 March Road, in the 1 August "
     "Building and to the Grade 3 May Fourth Youth Medal; it had 30 August visitors.",
     [("2021-05-01", "1 May"), ("2023-06", "June 2023")]),
    # A deadline later in the year of publication is that day, not the same day a year before
    # (it was 2021-05-31); a day before publication stays as it is.
    ("The campaign will last until May 31 and end by 30 June, as planned. It started on April 2 and ran until April 20.",
     [("2022-04-02", "April 2"), ("2022-04-20", "April 20"), ("2022-05-31", "May 31"), ("2022-06-30", "30 June")]),
    # A day or a year glued to a month's abbreviation, not to a month that ends a sentence.
    ("On Mar.1, the county met; since Jun.2021 it has checked. It ends in May.10 towns joined.",
     [("2021-06", "Jun.2021"), ("2022-03-01", "Mar.1")]),
])
def test_dates_the_text_mentions(text, expected):
    """Every date an article mentions, at its precision: a day resolved against the publication
    date (the year before for a later month, but a deadline's), a day with its own year, and a
    month."""
    from lgnews.parse import DateMention, find_dates

    assert find_dates(text, date(2022, 4, 30)) == [DateMention(*pair) for pair in expected]


def test_a_wrong_recorded_encoding_is_blamed_not_the_file():
    """latin-1 reads any bytes: the control characters it makes of UTF-8 Chinese were
    reported as a binary file, which sent the editor to the wrong file."""
    data = ("Louxing District held a meeting\n\n" + "安全生产委员会召开会议。" * 40 + "\n").encode("utf-8")
    assert decode_source(data)[1] == "utf-8"
    with pytest.raises(ParseError) as caught:
        decode_source(data, "latin-1")
    assert str(caught.value) == ("read as latin-1, the encoding its meta.yml records, it is full of control "
                                 "characters: correct or remove the 'encoding:' line")
    with pytest.raises(ParseError, match="^binary file"):  # with nothing recorded, the file is to blame
        decode_source(b"\x01\x02\x03\x04 text " * 20)


def test_a_recorded_utf_8_is_not_blamed_for_a_file_of_control_characters():
    """With the 'encoding: utf-8' line ingest always writes, a file full of control characters
    was said to be the encoding line's fault: the file is (a hostile-input review)."""
    data = b"\x01\x02\x03\x04 text " * 20
    for recorded in ("utf-8", "UTF8", "ascii"):
        with pytest.raises(ParseError, match="^binary file"):
            decode_source(data, recorded)


@pytest.mark.parametrize(("recorded", "read_as"), [("ascii", "utf-8"), ("UTF8", "utf-8"), ("utf_8_sig", "utf-8"),
                                                   ("GBK", "GBK"), ("gb18030", "gb18030"), ("cp1252", "cp1252")])
def test_the_encodings_ingest_finds_are_read_as_recorded(recorded, read_as):
    """ASCII is UTF-8 (the page said the file was "in the ASCII encoding, not UTF-8")."""
    assert decode_source(b"Title\n2022-04-30 0 By\n\nText.\n", recorded) == ("Title\n2022-04-30 0 By\n\nText.\n",
                                                                                  read_as)


BODY = "Miluo held a meeting\n2023-05-02 0 By\n\nOn May 1, the city held a meeting on flood control. It was useful.\n"


@pytest.mark.parametrize(("credit_line", "credits"), [
    # An editor's review found these left in the reading edition, or garbled, by ingest.
    ("(Liu Hui) Editor: Xu Jing Review: Wang Fang Source: Miluo Rong Media Center",
     {"reporter": ["Liu Hui"], "reviewer": ["Wang Fang"], "editor": ["Xu Jing"]}),  # was an editor "Xu Jing Review"
    ("(Liu Hui) Responsible editor: Peng Li Editor: Xu Jing Source: Miluo Rong Media Center",
     {"reporter": ["Liu Hui"], "editor": ["Peng Li", "Xu Jing"]}),  # was no credit at all
    ("(Correspondent Liu Hui Reporter Zhao Yang) Editor: Xu Jing Source: Miluo Rong Media Center",
     {"reporter": ["Zhao Yang"], "correspondent": ["Liu Hui"], "editor": ["Xu Jing"]}),  # was "Liu Hui Reporter"
    ("(Reporter Zhao Yang, correspondent Liu Hui) Editor: Xu Jing Source: Miluo Rong Media Center",
     {"reporter": ["Zhao Yang"], "correspondent": ["Liu Hui"], "editor": ["Xu Jing"]}),
    # A maintainer's review: "Second" and "Final" were glued to the name before them.
    ("(Liu Hui) Editor: Xu Jing First Review: Peng Li Second Review: Wang Fang Final Review: Zhao Yang "
     "Source: Miluo Rong Media Center",
     {"reporter": ["Liu Hui"], "reviewer": ["Peng Li", "Wang Fang", "Zhao Yang"], "editor": ["Xu Jing"]}),
    ("(Liu Hui) Editor: Xu Jing Second trial: Wang Fang Third trial: Zhao Yang Source: Miluo Rong Media Center",
     {"reporter": ["Liu Hui"], "reviewer": ["Wang Fang", "Zhao Yang"], "editor": ["Xu Jing"]}),
    ("(Liu Hui) Editor: Xu Jing second review: Wang Fang Final Reviewers: Zhao Yang, Li Yi Source: Miluo Rong "
     "Media Center",
     {"reporter": ["Liu Hui"], "reviewer": ["Wang Fang", "Zhao Yang", "Li Yi"], "editor": ["Xu Jing"]}),
])


def test_credit_lines_in_other_words(credit_line, credits):
    article = parse_article(BODY + credit_line + "\n")
    assert article.credits == credits
    assert article.source == "Miluo Rong Media Center"
    assert article.paragraphs[-1].endswith("It was useful.")


@pytest.mark.parametrize("qualifier", ["Our", "Intern", "Special", "All-media", "Our newspaper"])
def test_a_word_before_the_role_in_a_parenthesis_keeps_the_credit_line(qualifier):
    """Splitting '(Correspondent Liu Hui Reporter Zhao Yang)' before its second role also split
    '(Our reporter Li Yi)' into 'Our' and 'reporter Li Yi': 'Our' is no name, so the whole
    credit line was refused and left in the reading edition. Such a parenthesis is read at its
    commas only, as before."""
    article = parse_article(BODY + f"({qualifier} reporter Li Yi) Editor: Xu Jing Source: Miluo Rong Media Center\n")
    assert article.credits == {"reporter": ["Li Yi"], "editor": ["Xu Jing"]}  # was ['Our reporter', 'Li Yi']
    assert article.source == "Miluo Rong Media Center"
    assert article.paragraphs[-1].endswith("It was useful.")


def test_a_footers_phrase_above_the_credit_line_is_the_articles():
    """Nothing but the credit line below it: still the article's last sentence."""
    article = parse_article(BODY.replace("It was useful.", "It was useful.Comments are closed on the plan.")
                            + "(Li Yi) Editor: Xu Jing\n")
    assert article.paragraphs[-1].endswith("It was useful. Comments are closed on the plan.")
    assert article.credits == {"reporter": ["Li Yi"], "editor": ["Xu Jing"]}


MONTHS = ["December", "November", "October", "September", "August", "July", "June", "May", "April", "March",
          "February", "January"]


@pytest.mark.parametrize("credit", ["\n(Reporter Li Yi) Editor: Xu Jing", ""], ids=["credited", "uncredited"])
def test_a_long_footer_below_a_short_article_is_all_footer(credit):
    """The rule that keeps a footer's phrase inside the text had counted the footer's own
    lines as the article's: below 120 words, a reply form and a sidebar of eight years of
    archive links stayed in the reading edition as 121 paragraphs, with 96 "dates", and the
    credit line above them was lost (a review of this session's change). A footer's lines
    end no sentence, or are its reply form's: only sentences of the article keep a phrase in."""
    article = ("On April 28, Louxing District held a meeting on work safety. " * 12).strip()
    reply = ("\nLeave a Reply\nYour email address will not be published. Required fields are marked *\nComment *\n"
             "Name *\nEmail *\nWebsite\nSave my name, email, and website in this browser for the next time I "
             "comment.\nPost Comment\n")
    sidebar = ("\nRecent Posts\n" + "\n".join(f"County holds meeting number {i} on flood control" for i in range(5))
               + "\nRelated articles\n" + "\n".join(f"Louxing checks {i} mines before the rains" for i in range(12))
               + "\nArchives\n" + "\n".join(f"{m} {y}" for y in range(2022, 2014, -1) for m in MONTHS)
               + "\nCategories\nNews\nMeta\nLog in\nEntries feed\nComments feed\nWordPress.org\n")
    parsed = parse_article("Louxing meeting\n2022-04-30 0 By\n\n" + article + credit + "\n" + reply + sidebar)
    assert " ".join(parsed.paragraphs) == article
    assert parsed.credits == ({"reporter": ["Li Yi"], "editor": ["Xu Jing"]} if credit else {})
    assert [d.date for d in parsed.dates] == ["2022-04-28"]


READERS = ("\nPost navigation\nPrevious Post: Anhua County carried out the autumn forest fire prevention inspection\n"
           "2 thoughts on “Anhua held a tea conference”\nWang Lei says:\nNovember 17, 2022 at 9:15 am\nGood news for "
           "the tea farmers of Anhua. I hope the prices stay high next year.\nReply\nLi Na says:\nNovember 18, 2022 at "
           "10:02 am\nAnhua dark tea is the best in Hunan. We drink it every day at home.\nReply\nLeave a Reply Cancel "
           "reply\nYour email address will not be published. Required fields are marked *\n")


@pytest.mark.parametrize("credit, times", [("\n(Reporter Li Yi) Editor: Xu Jing", 1), ("", 6)],
                         ids=["credited-short", "uncredited-long"])
def test_readers_comments_below_an_article_are_the_footers(credit, times):
    """Readers' comments are sentences: counted as the article's going on, they kept the
    footer from "Post navigation" on in the reading edition, their dates among the article's
    (a review of this session's change). Below the credit line, or fewer words of sentences
    than the article's above, the footer starts at its first phrase or line of navigation."""
    article = ("On November 12, Anhua County held a conference on the dark tea industry. " * times).strip()
    parsed = parse_article("Anhua held a tea conference\n2022-11-16 0 By\n\n" + article + credit + "\n" + READERS)
    assert " ".join(parsed.paragraphs) == article
    assert parsed.credits == ({"reporter": ["Li Yi"], "editor": ["Xu Jing"]} if credit else {})
    assert [d.date for d in parsed.dates] == ["2022-11-12"]


@pytest.mark.parametrize("footer", [
    " Leave a Reply Your email address will not be published. Required fields are marked *",
    "Leave a Reply Cancel reply Your email address will not be published.",  # no space before it
    " Comments are closed.",
    " Post navigation Previous Post: Miluo inspected schools Next Post: Miluo held a flood drill",
    " Leave a Reply\nYour email address will not be published.\n",
])
@pytest.mark.parametrize("last", ["Source: Miluo Rong Media Center", "Editor: Xu Jing"], ids=["source", "editor"])
def test_a_footer_flattened_on_to_the_credit_line_is_the_footer(footer, last):
    """A scraper that flattens the text flattens the footer too: on the credit line's own line,
    the source was read as "Miluo Rong Media Center Leave a Reply Your email address will not be
    published", and made an organization of the archive (a reviewer's report)."""
    credit = "(Li Yi) Editor: Xu Jing " + last if last.startswith("Source") else "(Li Yi) " + last
    clean = parse_article(BODY + credit + "\n")
    article = parse_article(BODY + credit + footer + "\n")
    assert (article.paragraphs, article.credits, article.source, article.unread_credits) == (
        clean.paragraphs, {"reporter": ["Li Yi"], "editor": ["Xu Jing"]},
        "Miluo Rong Media Center" if last.startswith("Source") else None, [])


@pytest.mark.parametrize("heading", ["1 thought on “Miluo held a meeting”", "2 Responses to \"Miluo held a meeting\"",
                                     "One comment on “Miluo held a meeting”"])
def test_readers_comments_under_their_heading_are_the_footers(heading):
    """Below the credit line, readers' comments under their heading ("1 thought on “…”") with no
    navigation above them stayed in the reading edition, their dates among the article's (a
    reviewer's report): the heading is a line of the footer."""
    credit = "(Li Yi) Editor: Xu Jing Source: Miluo Rong Media Center\n"
    comments = (f"\n{heading}\n\nWang Ming says:\nMay 2, 2023 at 10:12 am\n\nGood meeting. Safety first! "
                "We should all thank the city for holding it so soon before the rains.\n\nReply\n\nLeave a Reply\n")
    clean = parse_article(BODY + credit)
    article = parse_article(BODY + credit + comments)
    assert (article.paragraphs, article.credits, article.source) == (clean.paragraphs, clean.credits, clean.source)
    assert [d.date for d in article.dates] == ["2023-05-01"]


@pytest.mark.parametrize("sentence", [
    "3 thoughts on the plan were put forward by the towns.",
    "120 comments on “the draft rules” were received, and the committee adopted 36 of them.",
    "One response to “three lists” was a new inspection team.",
])
@pytest.mark.parametrize("credit", ["(Li Yi) Editor: Xu Jing\n", ""], ids=["credited", "uncredited"])
def test_a_sentence_that_counts_comments_is_the_articles(sentence, credit):
    """Only a heading's own line, ending at its title's quotation mark: a sentence of the
    article that counts comments on the draft rules was cut off with all below it, in an
    article with no credit line (a review of this change)."""
    text = BODY.replace("It was useful.", "It was useful.\n" + sentence + "\nThe city thanked them.")
    article = parse_article(text + credit)
    assert article.paragraphs[-2:] == [sentence, "The city thanked them."]


@pytest.mark.parametrize(("credit_line", "credits"), [
    ("(Reporter Zhang Wei, correspondent LIU Fang) Source: Miluo Rong Media Center",
     {"reporter": ["Zhang Wei"], "correspondent": ["Liu Fang"]}),
    ("(Reporter ZHANG Wei) Source: Miluo Rong Media Center", {"reporter": ["Zhang Wei"]}),
    ("(LIU Fang) Editor: XIAO Hui Source: Miluo Rong Media Center", {"reporter": ["Liu Fang"], "editor": ["Xiao Hui"]}),
    ("(WANG QIAN) Editor in Chief: Wen Zhibin audit: HUANG Miao ZENG Zhenhua Source: Miluo Rong Media Center",
     {"reporter": ["Wang Qian"], "editor_in_chief": ["Wen Zhibin"], "reviewer": ["Huang Miao", "Zeng Zhenhua"]}),
])
def test_a_surname_written_in_capitals_is_read_in_a_credit_line(credit_line, credits):
    """"LIU Fang", a common way to write a Chinese name, made the whole credit line unread: no
    credits, no source, the line left in the reading edition (an editor's review)."""
    article = parse_article(BODY + credit_line + "\n")
    assert (article.credits, article.source) == (credits, "Miluo Rong Media Center")
    assert article.paragraphs[-1].endswith("It was useful.")


def test_capitals_that_are_no_name_stay_out_of_a_credit():
    """Only a surname in capitals, and the word after it: "CCTV" is read as before, as no name."""
    from lgnews.parse import split_names

    assert split_names("Li Yi, CCTV") == ["Li Yi"]
    assert split_names("HUNAN Li Yi") == ["Li Yi"]
    # Nor after a given name that is also a surname (Lin, Lei, Ying): only after a surname in
    # capitals ("Wang Lin CCTV" was credited as "Wang Lin Cctv": a review of this change).
    assert split_names("Wang Lin CCTV") == ["Wang Lin"]
    assert split_names("Wang Lei (CCTV)") == ["Wang Lei"]
    assert split_names("Gao Ying HE") == ["Gao Ying"]
    assert split_names("WANG QIAN, LIU Fang") == ["Wang Qian", "Liu Fang"]


@pytest.mark.parametrize(("raw", "read"), [
    ("in Zhengzhou（Henan Province），and", "in Zhengzhou (Henan Province), and"),
    ("said（Li Yi）。Next", "said (Li Yi). Next"),
    ("the【key points】，then", "the [key points], then"),
    ("and other leaders attended……At the meeting", "and other leaders attended… At the meeting"),
    ("On February 11,Liu Zhigang,deputy secretary", "On February 11, Liu Zhigang, deputy secretary"),
    ("1,000 people and 2,500 yuan", "1,000 people and 2,500 yuan"),  # figures keep their commas
    ("a list of (items) . Next", "a list of (items) . Next"),  # ASCII as typed: only what the full-width left
])
def test_punctuation_a_translation_left_glued_or_spaced_reads_as_english(raw, read):
    """A space the full-width brackets left before a comma or a stop ("(Henan Province) ,"), an
    ellipsis and a comma glued to the next word (a reviewer's report)."""
    assert normalize_punctuation(raw) == read


def test_the_people_of_a_sentence_with_commas_glued_are_found():
    """"On February 11,Liu Zhigang,deputy secretary of the District Committee,presided over …":
    Liu Zhigang lost his titles and his part in the meeting."""
    article = parse_article("Louxing held a meeting\n2022-04-30 0 By\n\nOn February 11,Liu Zhigang,deputy secretary "
                            "of the District Committee,presided over the meeting.(Li Yi) Editor: Xu Jing\n")
    (person,) = article.people
    assert (person.name, person.roles, person.involvement) == (
        "Liu Zhigang", ("deputy secretary of the District Committee",), ("presiding",))


@pytest.mark.parametrize("text", [
    "Miluo held a meeting 2023-05-02 0 By\n\nOn May 1, the city held a meeting on flood control. It was useful.\n",
    "Miluo held a meeting\n2023-05-02 0 By On May 1, the city held a meeting on flood control. It was useful.\n",
    "Miluo held a meeting ２０２３－０５－０２　０　Ｂｙ\nOn May 1, the city held a meeting on flood control. It was useful.\n",
], ids=["title-and-header", "header-and-text", "full-width"])
def test_lines_a_scraper_flattened_into_the_header_are_read_apart(text):
    """The title and the date header on one line were refused as "no date header ... not 'On
    May 1, ...'"; the text on the header's line, as "no article text after the date header"
    (its words read as the author's name: a reviewer's report)."""
    article = parse_article(text + "(Li Yi) Editor: Xu Jing\n")
    clean = parse_article(BODY + "(Li Yi) Editor: Xu Jing\n")
    assert (article.title, article.published, article.paragraphs, article.credits) == (
        clean.title, clean.published, clean.paragraphs, clean.credits)


def test_an_author_on_the_header_line_is_still_the_reporter():
    """A name after "By" is the author's, as before, and a long byline without a stop is no
    text (it became the first paragraph: a review of this change)."""
    article = parse_article("Miluo held a meeting\n2023-05-02 0 By Li Yi\n\nOn May 1, the city met.\n")
    assert article.credits == {"reporter": ["Li Yi"]} and article.paragraphs == ["On May 1, the city met."]
    article = parse_article("Miluo held a meeting\n2023-05-02 0 By Miluo City Rong Media Center reporter Wang Lei\n\n"
                            "On May 1, the city met.\n")
    assert article.paragraphs == ["On May 1, the city met."]


@pytest.mark.parametrize(("credit_line", "credits", "source"), [
    ("Source: Miluo Rong Media Center (Li Yi) Editor: Xu Jing", {"reporter": ["Li Yi"], "editor": ["Xu Jing"]},
     "Miluo Rong Media Center"),
    ("(Reporter Zhao Yang, correspondent Liu Hui) (Source: Miluo Rong Media Center)",
     {"reporter": ["Zhao Yang"], "correspondent": ["Liu Hui"]}, "Miluo Rong Media Center"),
    ("(Li Yi) Source: Xinhua News Agency (Hunan)", {"reporter": ["Li Yi"]}, "Xinhua News Agency (Hunan)"),
])
def test_a_source_keeps_only_its_own_words(credit_line, credits, source):
    """The reporter's parenthesis after the source, or the bracket of a parenthesis the source
    is in, were read as part of the source, and made organizations of the archive
    ("Miluo Rong Media Center (Li Yi)", "Miluo Rong Media Center)": a reviewer's report)."""
    article = parse_article(BODY + credit_line + "\n")
    assert (article.credits, article.source) == (credits, source)
    assert article.paragraphs[-1].endswith("It was useful.")


def test_a_footer_left_in_chinese_is_the_footer():
    """A republishing site's own words, left untranslated below the credit line ("上一篇：…",
    "发表回复 取消回复"), stayed in the reading edition, and were said to the editor as a credit
    not read (a review of this session's change)."""
    footer = ("\n上一篇：安化县开展秋季森林防火检查\n下一篇：桃江县召开竹产业推进会\n发表回复 取消回复\n"
              "您的电子邮箱地址不会被公开。 必填项已用*标注\n评论 *\n发表评论\n")
    text = BODY + "(Li Yi) Editor: Xu Jing Source: Miluo Rong Media Center\n"
    article = parse_article(text + footer)
    assert (article.paragraphs, article.credits, article.source, article.unread_credits) == (
        parse_article(text).paragraphs, {"reporter": ["Li Yi"], "editor": ["Xu Jing"]}, "Miluo Rong Media Center", [])


def test_a_footers_phrase_within_a_sentence_of_the_article_is_no_footer():
    """"Comments are closed on the list, which takes effect on May 6." above the list of the
    article's 30 companies (lines of no stop) cut the list away without a word: a phrase
    starts a footer only as a sentence of its own, or nearly ("Comments are closed.")."""
    companies = [f"Louxing Number {i} Building Materials Company Limited" for i in range(1, 31)]
    parsed = parse_article("Louxing published a list\n2022-05-06 0 By\n\nOn May 5, Louxing published its list. Comments "
                           "are closed on the list, which takes effect on May 6.\n" + "\n".join(companies) + "\n")
    assert parsed.paragraphs[-1] == companies[-1]
    assert parse_article("Louxing published a list\n2022-05-06 0 By\n\nOn May 5, Louxing published its list.\n"
                         "Comments are closed.\n" + "\n".join(companies) + "\n").paragraphs == [
        "On May 5, Louxing published its list."]


def test_a_label_before_a_sentence_is_no_credit():
    """"Correspondent: Chen Jing reports that the plan is finished and signed by all the heads
    of the towns." ending the text gave two correspondents of eight and seven words, and the
    sentence left the reading edition (a fuzzing review). Words of a sentence (two or more in
    small letters) are no names: after a lone label they are the article's; among other
    credits, they are said, and the names beside them kept."""
    sentence = "Correspondent: Chen Jing reports that the plan is now finished and signed by all the heads of the towns."
    article = parse_article(BODY + sentence + "\n")
    assert article.credits == {} and article.paragraphs[-1].endswith(sentence)
    for short in ("Reporter: Thank you very much.", "Correspondent: Chen Jing reports it was useful."):
        article = parse_article(BODY + short + "\n")
        assert article.credits == {} and article.paragraphs[-1].endswith(short), short
    # A given name's syllables written apart, one in small letters, are a name (a differential
    # check of this session's parser: 'Wen Zhi bin' had been dropped from the credits).
    article = parse_article(BODY + "(Li Yi) Editor in Chief: Wen Zhi bin Editor: Zhang Xiao hong\n")
    assert article.credits == {"reporter": ["Li Yi"], "editor_in_chief": ["Wen Zhi bin"], "editor": ["Zhang Xiao hong"]}
    assert article.unread_credits == []
    article = parse_article(BODY + "(Li Yi) Editor: the county paper, which printed the notice in full Source: "
                                   "Miluo Rong Media Center\n")
    assert (article.credits, article.source) == ({"reporter": ["Li Yi"]}, "Miluo Rong Media Center")
    assert article.unread_credits == ["Editor: the county paper, which printed the notice in full"]
    # The names beside such words are kept.
    article = parse_article(BODY + "(Li Yi) Supervised by: Mo Zhiqiang, with the support of the county office\n")
    assert article.credits == {"reporter": ["Li Yi"], "supervisor": ["Mo Zhiqiang"]}
    assert article.unread_credits == ["Supervised by: with the support of the county office"]
    # Names run together are names: "Huang Miao Zeng Zhenhua", "Ou Yang Ping Ni Jun".
    assert parse_article(BODY + "Audit: Huang Miao Zeng Zhenhua\n").credits == {"reviewer": ["Huang Miao", "Zeng Zhenhua"]}
    assert parse_article(BODY + "Audit: Ou Yang Ping Ni Jun\n").unread_credits == []


def test_a_parenthesis_of_commas_is_no_credit():
    # (No reporter of its empty parts; the label after it is read, as after any parenthesis
    # of no names.)
    article = parse_article(BODY + "(, ) Editor: Xu Jing\n")
    assert article.credits == {"editor": ["Xu Jing"]} and article.paragraphs[-1].endswith("(, )")


@pytest.mark.parametrize("footer", ["Related", "Posted in News", "Tags: Louxing, work safety", "0 Comments",
                                    "Post Views: 25"])
@pytest.mark.parametrize("credit_line", [
    "(Liu Hui)",
    "(Reporter Zhao Yang, correspondent Liu Hui)",
    "Reviewed by: Wang Fang Supervised by: Zhao Yang",
    "(Liu Hui) Editor in Chief: Peng Li audit: Wang Fang Li Yi Editor: Xu Jing",
    "(Liu Hui) Editor: Xu Jing Source: Miluo Rong Media Center",
])
def test_blog_footer_lines_below_the_credit_line_are_neither_credits_nor_text(credit_line, footer):
    """A footer line above 'Leave a Reply' was read as one more name of the last label
    (a supervisor 'Related', and a person's page for it), or, below '(Li Yi)', made the
    credit line no credit line: its credits were lost and it stayed in the text."""
    without = parse_article(BODY + credit_line + "\n")
    article = parse_article(BODY + credit_line + f"\n\n{footer}\n\nLeave a Reply\n\nYour email address will not "
                            "be published. Required fields are marked *\n")
    assert article.credits and (article.credits, article.source) == (without.credits, without.source)
    assert article.paragraphs == without.paragraphs == [BODY.split("\n")[-2]]


@pytest.mark.parametrize("last", ["(Photo by Zhang Wei)\nThe meeting also arranged the work of flood prevention for "
                                  "the next stage.", "(Li Yi)\nThe meeting closed."])
def test_a_sentence_below_a_parenthesis_is_the_articles_not_a_footer(last):
    """Lines below a parenthesis that ends its line were all taken for a blog's footer: the
    article's last sentence vanished from the reading edition, and its photographer became
    a reporter."""
    article = parse_article(BODY.rstrip("\n") + "\n" + last + "\n(Li Yi) Editor: Xu Jing Source: Miluo Rong Media Center\n")
    assert article.credits == {"reporter": ["Li Yi"], "editor": ["Xu Jing"]}
    assert article.paragraphs[-1].endswith(last.split("\n")[1])


@pytest.mark.parametrize(("ending", "credits", "unread"), [
    # A name on a line of its own, between two labels, is the first label's.
    ("Editor in Chief: Wen Zhibin\nAudit: Huang Miao\n          Zeng Zhenhua\nEditor: Xiao Hui",
     {"editor_in_chief": ["Wen Zhibin"], "reviewer": ["Huang Miao", "Zeng Zhenhua"], "editor": ["Xiao Hui"]}, []),
    ("(Li Yi) Editor: Xiao Hui\nLi Ming Source: Miluo Rong Media Center",
     {"reporter": ["Li Yi"], "editor": ["Xiao Hui", "Li Ming"]}, []),
    # A credit the parser does not know, on a line of its own, is said, not silently dropped.
    ("(Li Yi)\nProducer: Peng Li", {"reporter": ["Li Yi"]}, ["Producer: Peng Li"]),
    ("(Li Yi) Editor: Xiao Hui\nProducer: Peng Li", {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]},
     ["Producer: Peng Li"]),
    ("(Li Yi)\n责任编辑：王倩", {"reporter": ["Li Yi"]}, ["责任编辑: 王倩"]),  # the text's colon made plain
    # Nor taken into the value of the known label before it ('Xiao Hui Proofreader', the
    # source '… Center Author: Li Yi').
    ("Editor: Xiao Hui Proofreader: Peng Li", {"editor": ["Xiao Hui"]}, ["Proofreader: Peng Li"]),
    ("(Li Yi) Source: Louxing Rong Media Center Author: Li Yi\nEditor: Xiao Hui",
     {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]}, ["Author: Li Yi"]),
    # A separator between the parenthesis and the labels is nothing to say.
    ("(Li Yi) | Editor: Xiao Hui | Source: Miluo Rong Media Center", {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]},
     []),
    ("(Li Yi), Editor: Xiao Hui", {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]}, []),
    # Nor is a blog's own label, whose values look like names.
    ("(Li Yi)\nTags: Work Safety, Louxing District", {"reporter": ["Li Yi"]}, []),
    ("(Li Yi) Editor: Xiao Hui\nCategories: Local News", {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]}, []),
])
def test_what_a_credit_line_holds_on_its_lines_is_read_or_said(ending, credits, unread):
    article = parse_article(BODY.rstrip("\n") + "\n" + ending + "\n")
    assert (article.credits, article.unread_credits) == (credits, unread)
    source = re.search(r"Source: (\w+ Rong Media Center)", ending)  # no more than that: not '… Author: Li Yi'
    assert article.source == (source[1] if source else None)
    assert article.paragraphs[-1].endswith("It was useful.")


@pytest.mark.parametrize(("credit_line", "credits", "source"), [
    ("Editor: Xiao Hui", {"editor": ["Xiao Hui"]}, None),
    ("(Li Yi) Source: Louxing Rong Media Center", {"reporter": ["Li Yi"]}, "Louxing Rong Media Center"),
])
def test_a_sentence_below_the_last_credit_label_is_the_articles(credit_line, credits, source):
    """The lines below the last label were read as a blog's footer or a credit not known: a
    sentence there was lost, with nothing said."""
    last = "The meeting also decided to hold a follow-up session in May."
    article = parse_article(BODY.rstrip("\n") + f"\n{credit_line}\n{last}\n")
    assert (article.credits, article.source, article.unread_credits) == (credits, source, [])
    assert article.paragraphs[-2:] == ["On May 1, the city held a meeting on flood control. It was useful.", last]


@pytest.mark.parametrize(("parenthesis", "credits"), [
    ("(Reporter Zhao Yang, correspondent Liu Hui, Peng Li)", {"reporter": ["Zhao Yang"],
                                                              "correspondent": ["Liu Hui", "Peng Li"]}),
    ("（Reporter Zhao Yang，correspondent Liu Hui、Peng Li）", {"reporter": ["Zhao Yang"],
                                                              "correspondent": ["Liu Hui", "Peng Li"]}),
    ("(Correspondent Liu Hui, Peng Li)", {"correspondent": ["Liu Hui", "Peng Li"]}),
    ("(Liu Hui, Peng Li)", {"reporter": ["Liu Hui", "Peng Li"]}),
])
def test_a_name_without_a_role_in_a_parenthesis_has_the_role_before_it(parenthesis, credits):
    """'(Reporter Wang Lei, correspondent Chen Jing, Zhou Min)' made Zhou Min a reporter."""
    article = parse_article(BODY + parenthesis + " Source: Miluo Rong Media Center\n")
    assert (article.credits, article.source) == (credits, "Miluo Rong Media Center")
    assert article.paragraphs[-1].endswith("It was useful.")


def test_a_sentence_glued_to_an_acronym_is_a_sentence_of_its_own():
    """'of the CPC.Liu Chihui' and 'the NPC.Liu Zhigang stressed' were not split: the paragraph
    ran on, and Liu Zhigang, whose sentence no longer started a clause, was not speaking."""
    article = parse_article(
        "Louxing District held a work safety meeting\n2022-04-30 0 By\n\nOn February 11, Liu Zhigang, Head of the "
        "District, presided over the meeting to study the spirit of the 20th National Congress of the CPC.Liu Chihui, "
        "Xu Diren and other leaders attended.At the meeting, participants studied the report of the NPC.Liu Zhigang "
        "stressed that safety comes first.XYZ CO.LTD was named, and the U.S.Embassy.(Li Yi)\n")
    assert article.paragraphs == [
        "On February 11, Liu Zhigang, Head of the District, presided over the meeting to study the spirit of the 20th "
        "National Congress of the CPC. Liu Chihui, Xu Diren and other leaders attended.",
        "At the meeting, participants studied the report of the NPC.",
        "Liu Zhigang stressed that safety comes first. XYZ CO.LTD was named, and the U.S.Embassy.",  # abbreviations
    ]
    assert people(article)["Liu Zhigang"].involvement == ("presiding", "speaking")
    assert people(article)["Liu Chihui"].involvement == ("attending",)


def test_a_straight_quotation_mark_glued_to_the_next_sentence_closes_its_own():
    """'well."Li Na asked' was split as 'well. "Li Na asked': the closing mark opened the next
    sentence, and Li Na, whose sentence then started with it, was not asking."""
    article = parse_article(
        'Louxing held a meeting\n2022-04-30 0 By\n\nOn April 2, Liu Zhigang stressed: "We must do it well."Li Na '
        'asked all units to "do the work well."In 2020, the district met.The year."Safety first," he said.\n')
    assert article.paragraphs == [
        'On April 2, Liu Zhigang stressed: "We must do it well."',
        'Li Na asked all units to "do the work well." In 2020, the district met. The year. "Safety first," he said.']
    assert people(article)["Li Na"].involvement == ("speaking",)


def test_a_name_after_a_closing_quotation_mark_starts_its_sentence():
    """'He said:“Safety first.”Liu Zhigang, head of the district, presided over the meeting.'
    gave no one: a name after a quotation was not at the start of a clause."""
    article = parse_article("Louxing held a meeting\n2022-04-30 0 By\n\nOn April 2, the district met. He said:“Safety "
                            "first.”Liu Zhigang, head of the district, presided over the meeting.\n")
    assert article.people == [Person("Liu Zhigang", ("head of the district",), ("presiding",))]


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_a_name_with_an_apostrophe_is_one_name(apostrophe):
    """'Li Xin'ai' was credited as 'Li Xin ai', and 'Wang Ke'er' presiding and speaking was
    nobody; 'Liu Zhigang's' is still no name of its own."""
    a = apostrophe
    article = parse_article(
        f"Louxing held a meeting\n2022-04-30 0 By\n\nOn February 11, Wang Ke{a}er, Head of the District, presided "
        f"over the meeting.Liu Chihui and Xu Xi{a}an attended.Wang Ke{a}er stressed that Liu Zhigang{a}s plan works."
        f"(Li Xin{a}ai) Editor in Chief: Wen Zhibin audit: Huang Miao Zeng Zhen{a}an Source: Louxing Rong Media "
        "Center\n")
    assert article.credits == {"reporter": [f"Li Xin{a}ai"], "editor_in_chief": ["Wen Zhibin"],
                               "reviewer": ["Huang Miao", f"Zeng Zhen{a}an"]}
    assert article.people == [
        Person(f"Wang Ke{a}er", ("Head of the District",), ("presiding", "speaking")),
        Person("Liu Chihui", (), ("attending",)),
        Person(f"Xu Xi{a}an", (), ("attending",)),
    ]


@pytest.mark.parametrize("label", ["Editor in chief", "Chief editor", "Chief Editor", "editor in chief",
                                   "EDITOR-IN-CHIEF"])
def test_the_editor_in_chief_label_is_read_in_any_case(label):
    """'Editor in chief:' and 'Chief editor:' were no label: the whole credit line, '(Liu Hui)'
    and the source too, was no credit and stayed in the text."""
    article = parse_article(BODY + f"(Liu Hui) {label}: Peng Li audit: Wang Fang Source: Miluo Rong Media Center\n")
    assert article.credits == {"reporter": ["Liu Hui"], "editor_in_chief": ["Peng Li"], "reviewer": ["Wang Fang"]}
    assert article.source == "Miluo Rong Media Center"
    assert article.paragraphs[-1].endswith("It was useful.")


def test_a_label_not_known_after_a_parenthesis_keeps_the_credits_around_it():
    """One label the parser does not know, first after '(Liu Hui)', made the whole line no
    credit line: the reporter, the editor and the source were lost, and it stayed in the text."""
    article = parse_article(BODY + "(Liu Hui) Producer: Peng Li Editor: Xu Jing Source: Miluo Rong Media Center\n")
    assert article.credits == {"reporter": ["Liu Hui"], "editor": ["Xu Jing"]}
    assert article.source == "Miluo Rong Media Center"
    assert article.paragraphs[-1].endswith("It was useful.")
    # In neither the credits nor the text: ingest tells the editor what was left unread.
    assert article.unread_credits == ["Producer: Peng Li"]
    assert parse_article(BODY + "(Liu Hui) Editor: Xu Jing Source: Miluo Rong Media Center\n").unread_credits == []


@pytest.mark.parametrize("before", ["The meeting was hosted by Wang Jun.", "The response was raised to Level 4."])
def test_a_sentence_after_a_name_like_a_month_or_a_number_starts_a_paragraph(before):
    """'Jun' (June) and '4' (an initial?) were taken for abbreviations: 'hosted by Wang Jun.Liu
    Zhigang stressed' and 'raised to Level 4.Liu Zhigang stressed' were one sentence."""
    article = parse_article(f"Louxing held a meeting\n2022-06-20 0 By\n\nOn June 18, the district met on floods.{before}"
                            "Liu Zhigang stressed that all towns must act now.\n")
    assert article.paragraphs == [f"On June 18, the district met on floods. {before}",
                                  "Liu Zhigang stressed that all towns must act now."]
    assert people(article)["Liu Zhigang"].involvement == ("speaking",)


@pytest.mark.parametrize("text", ["On Sept. 5, the county met.", "Since Jun. 2021, it has rained.",
                                  "As follows: 1. Strengthen the leadership.", "He met Mr. Wang at No. 1 Middle School."])
def test_a_month_before_a_day_or_a_year_and_a_numbered_item_are_no_sentence_end(text):
    assert split_sentences(text) == [(text, False)]


def test_no_paragraph_starts_inside_a_quotation():
    """'stressed: “Safety is ... at all times.We must take responsibility and act now.”' was cut
    before 'We must', a new paragraph starting inside the quotation."""
    article = parse_article(
        "Louxing held a meeting\n2022-04-30 0 By\n\nOn February 11, Liu Zhigang, Head of the District, presided over "
        "the meeting.Liu Zhigang stressed：“Safety is the lifeline of development.It must be kept in mind at all "
        "times.We must take responsibility and act now.”At the meeting, the heads of towns made speeches.We must act "
        "on “safety first.We must not wait.(Li Yi)\n")
    assert article.paragraphs == [
        "On February 11, Liu Zhigang, Head of the District, presided over the meeting.",
        "Liu Zhigang stressed: “Safety is the lifeline of development. It must be kept in mind at all times. We must "
        "take responsibility and act now.”",
        # A quotation never closed holds back no paragraph.
        "At the meeting, the heads of towns made speeches. We must act on “safety first.",
        "We must not wait.",
    ]


@pytest.mark.parametrize(("sentence", "expected"), [
    # The title before the name, as English news writes it (the family puts it after).
    ("On March 3, County Party Secretary Zhang Wei presided over the meeting and delivered a speech.",
     Person("Zhang Wei", ("County Party Secretary",), ("presiding", "speaking"))),
    ("Miluo City mayor Wang Qian led a team to inspect flood prevention work.",
     Person("Wang Qian", ("Miluo City mayor",), ("inspecting",))),
    ("At the meeting, the Deputy Director Li Ming stressed the need for inspections.",
     Person("Li Ming", ("Deputy Director",), ("speaking",))),
    ("Director-General Zhang Wei presided over the meeting.", Person("Zhang Wei", ("Director-General",), ("presiding",))),
    # The office before what holds it, and a place's name before Municipal: these gave no one, or no title.
    ("Secretary of the District Party Committee Huang Jun made a speech.",
     Person("Huang Jun", ("Secretary of the District Party Committee",), ("speaking",))),
    ("Shaoyang Municipal Party Secretary Yan Huaqing delivered a speech.",
     Person("Yan Huaqing", ("Shaoyang Municipal Party Secretary",), ("speaking",))),
    # Attending: the title was lost, and what the one attending did besides.
    ("Vice Mayor Xiong Bo attended the meeting.", Person("Xiong Bo", ("Vice Mayor",), ("attending",))),
    ("County Magistrate Luo Jian was present.", Person("Luo Jian", ("County Magistrate",), ("attending",))),
    ("Shaoyang Municipal Party Secretary Yan Huaqing attended and delivered a speech.",
     Person("Yan Huaqing", ("Shaoyang Municipal Party Secretary",), ("attending", "speaking"))),
    ("Mayor Zhang Wei's deputy Li Ming attended the meeting.", Person("Li Ming", (), ("attending",))),
    # Words before a name that are no title give it none.
    ("At the meeting, Wang Lei stressed the need for inspections.", Person("Wang Lei", (), ("speaking",))),
])
def test_a_title_before_a_name_is_read(sentence, expected):
    """"County Party Secretary Zhang Wei presided over the meeting" gave no one at all: a
    name was read only at the start of a clause, or followed by its titles."""
    from lgnews.parse import extract_people

    assert extract_people(sentence) == [expected]


@pytest.mark.parametrize(("sentence", "roles"), [
    ("The meeting was chaired by Liu Yue, Secretary of the County Party Committee.",
     ("Secretary of the County Party Committee",)),
    ("The meeting was presided over by Liu Yue, secretary of Tianping Town, Xinhua County, and attended by Li Ming.",
     ("secretary of Tianping Town, Xinhua County",)),
    ("The meeting, presided over by Liu Yue, deputy head of the county, studied the plan.", ("deputy head of the county",)),
    ("The meeting was presided over by Liu Yue.", ()),
])
def test_the_one_presiding_after_by_presides(sentence, roles):
    """'The meeting was chaired by Liu Yue, Secretary of the County Party Committee.' gave no
    one: only a name before the verb presided."""
    from lgnews.parse import extract_people

    assert extract_people(sentence)[0] == Person("Liu Yue", roles, ("presiding",))


def test_a_title_before_a_list_of_names_is_its_first_names():
    """What the list does besides attending is not said to be each one's."""
    from lgnews.parse import extract_people

    assert extract_people("Vice Mayor Xiong Bo and Li Ming attended and spoke.") == [
        Person("Xiong Bo", ("Vice Mayor",), ("attending",)), Person("Li Ming", (), ("attending",))]


@pytest.mark.parametrize("sentence", [
    "The Work Safety Committee Zhang Wei presided over the meeting.",  # ends in no office
    "After the general inspections of the county by Secretary Zhang Wei presided the work.",  # too long a clause
    # A word that starts the sentence, or a name, is no part of a title ("As General Secretary").
    "As General Secretary Xi Jinping pointed out, safety comes first.",
    "Yesterday Secretary Zhang Wei presided over the meeting.",
    "Later the county head Li Ming spoke.",
    "Mayor Zhang Wei's deputy Li Ming spoke.",
])
def test_words_before_a_name_that_are_no_title_give_no_one(sentence):
    from lgnews.parse import extract_people

    assert extract_people(sentence) == []


def test_blog_navigation_lines_end_the_article_without_a_reply_form():
    """'Post navigation', 'Previous post: …' end the text even where no 'Leave a Reply'
    comes first (it cut the text before them in every fixture)."""
    article = parse_article(
        "Louxing held a meeting\n2022-04-30 0 By\n\nOn April 2, the district met to plan the year's work on safety. "
        "It asked every township to check its mines.\nPost navigation\nPrevious post: The county held a long "
        "meeting on the safety of its roads in the spring of this year to plan the work.\n")
    assert article.paragraphs == ["On April 2, the district met to plan the year's work on safety. It asked every "
                                  "township to check its mines."]


@pytest.mark.parametrize("start", ["Related articles of", "Previous article of", "Next article of"])
def test_a_sentence_that_starts_like_blog_navigation_is_the_articles(start):
    """'Related articles of the Work Safety Law were explained to the workers.' ended the
    article: that paragraph and everything after it, credits included, were lost."""
    sentence = f"{start} the Work Safety Law were explained to the workers."
    article = parse_article(f"Louxing held a meeting\n2022-04-30 0 By\n\nOn April 2, the district met on safety.\n"
                            f"{sentence}\nThe meeting closed.\n(Li Yi) Editor: Xu Jing\n")
    assert article.paragraphs == ["On April 2, the district met on safety.", sentence, "The meeting closed."]
    assert article.credits == {"reporter": ["Li Yi"], "editor": ["Xu Jing"]}
    # Navigation still ends it: short, or a label before a title of any length.
    for navigation in ("Related articles", "Next article: The county held a long meeting on the safety of its "
                                           "roads in the spring of this year to plan the work."):
        assert parse_article(f"T\n2022-04-30 0 By\n\nOn April 2, the district met.\n{navigation}\nThe county "
                             "met.\n").paragraphs == ["On April 2, the district met."]


LONG = " ".join(f"The district checked {n} mines and found {n} hidden dangers." for n in range(2, 24))
"""Sentences enough to be more than a footer's words (parse.MAX_FOOTER_WORDS)."""


@pytest.mark.parametrize("inside", [
    "It was useful.Comments are closed on the draft plan, which the public may read at the district office.",
    "It was useful.\n\nLeave a comment or a suggestion on the district's website, the notice said.",
    "It was useful.\nRelated articles:",
], ids=["glued", "a-paragraph", "a-navigation-line"])
@pytest.mark.parametrize("credits", [True, False], ids=["credited", "long"])
def test_a_footers_words_inside_the_text_do_not_cut_it(inside, credits):
    """A phrase of a blog's footer, or a line of its navigation, with the article's credit
    line below it (or more than a few of its sentences) is the article's: taken for the
    footer, it cut the seed's text to 66 of its 650 words, with its credits (a fuzzing
    review). With only a footer's lines below, such a line still ends it (see above)."""
    text = BODY.replace("It was useful.", inside + "\n" + LONG) + ("(Li Yi) Editor: Xu Jing\n" if credits else "")
    article = parse_article(text)
    assert article.paragraphs[-1].endswith("found 23 hidden dangers."), article.paragraphs
    assert article.credits == ({"reporter": ["Li Yi"], "editor": ["Xu Jing"]} if credits else {})
    # The same text ended by a blog's footer loses the footer alone.
    footer = "\nLeave a Reply\nYour email address will not be published. Required fields are marked *\n"
    assert parse_article(text + footer).paragraphs == article.paragraphs


def test_the_headers_by_line_does_not_replace_the_reporter_the_credit_line_names():
    """'2022-04-30 0 By Wang Qian' names who posted it; '(Reporter Li Yi)' who reported it."""
    article = parse_article("Louxing held a meeting\n2022-04-30 0 By Wang Qian\n\nOn April 2, the district met to "
                            "plan the year's work on safety.\n(Reporter Li Yi) Source: Louxing Rong Media Center\n")
    assert article.credits["reporter"] == ["Li Yi"]
    alone = parse_article("Louxing held a meeting\n2022-04-30 0 By Wang Qian\n\nOn April 2, the district met to "
                          "plan the year's work on safety.\n")
    assert alone.credits["reporter"] == ["Wang Qian"]  # with no credit line, the by-line is the reporter


def test_in_glued_text_a_sentence_after_a_space_stays_in_its_paragraph():
    """The scraper glued the site's paragraphs together ("meetings.We"); sentences the
    translation spaced ("jurisdiction. We need") were in one paragraph. The seed's "three
    principles" sentence had been cut from the rectification it is about."""
    glued = ("On February 11, the district met. It studied a report.We must focus on problems. We need to act on "
             "the tasks assigned. We need to implement the “three principles”.We should build capacity. We must train.")
    assert rebuild_paragraphs(glued) == [
        "On February 11, the district met. It studied a report.",
        "We must focus on problems. We need to act on the tasks assigned. We need to implement the “three principles”.",
        "We should build capacity. We must train.",
    ]
    # After a closing quotation mark (spaced before the paragraphs are rebuilt), whether it
    # was glued is not known: a weak marker may start a paragraph there, as before.
    quoted = ("The district met.It studied a report.We must focus on problems. We need to act on the tasks assigned. "
              "We need to implement the “three principles.”We should build capacity. We must train.")
    assert parse_article(f"A meeting\n2022-04-30 0 By\n\n{quoted}\n").paragraphs == [
        "The district met. It studied a report.",
        "We must focus on problems. We need to act on the tasks assigned. We need to implement the “three principles.”",
        "We should build capacity. We must train.",
    ]
    # One glued stop alone is no text glued by the scraper: divided as text with none is (the
    # weak markers of all its other sentences were lost).
    assert rebuild_paragraphs(glued.replace(".W", ". W", 1)) == rebuild_paragraphs(glued.replace(".W", ". W"))
    # Text the scraper did not glue is divided as before: a weak marker after two sentences.
    assert rebuild_paragraphs(glued.replace(".W", ". W")) == [
        "On February 11, the district met. It studied a report.",
        "We must focus on problems. We need to act on the tasks assigned.",
        "We need to implement the “three principles”. We should build capacity.",
        "We must train.",
    ]


def test_a_name_with_u_umlaut_is_read_whole():
    """Names were read in ASCII letters only: "Reporter: Lü Wei" credited a reporter 'Wei',
    "(Lü Wei) Editor: Xu Jing" lost every credit, and "Lü Wei, ..., presided" no one."""
    assert split_credits("Text.\nReporter: Lü Wei Editor: Xu Jing")[1] == {"reporter": ["Lü Wei"], "editor": ["Xu Jing"]}
    assert split_credits("Text.\n(Lü Wei) Editor: Xu Jing")[1] == {"reporter": ["Lü Wei"], "editor": ["Xu Jing"]}
    found = extract_people("Lü Wei, deputy head of the county, presided over the meeting. Lü Xiaoyu attended.")
    assert [(p.name, p.roles, p.involvement) for p in found] == [
        ("Lü Wei", ("deputy head of the county",), ("presiding",)), ("Lü Xiaoyu", (), ("attending",))]
    for text in ("Lü Wei and Wang Qian, deputy heads of the county, attended the meeting.",
                 "The meeting was presided over by Lü Wei, head of the county."):
        assert "Lü Wei" in [p.name for p in extract_people(text)], text


@pytest.mark.parametrize("stop", [",", ";", "."])
def test_a_source_ends_before_a_stop_that_follows_it(stop):
    """"Source: Louxing Rong Media Center, Editor: Xiao Hui" gave the source with its comma
    when a test audit's mutant kept it: no test had the case."""
    body, credits, source, _ = split_credits(f"Text.\nSource: Louxing Rong Media Center{stop} Editor: Xiao Hui")
    assert (source, credits) == ("Louxing Rong Media Center", {"editor": ["Xiao Hui"]})


@pytest.mark.parametrize(("text", "dates"), [
    # In figures, the year first, and in Chinese: the event's day of the first was read, and
    # none was a mention (a review of dates)
    ("On 2022-08-15, the county met. The inspection of 2022/8/16 went well.",
     [("2022-08-15", "2022-08-15"), ("2022-08-16", "2022/8/16")]),
    ("On 9月5日 the county met. On 2022年9月7日 it met again.", [("2022-09-05", "9月5日"), ("2022-09-07", "2022年9月7日")]),
    # Not a day no calendar has, nor figures of a longer run, an address or a version
    ("See 2022-13-05, v1.2022.3.4, 20221-3-4, x2022-3-4 and call 2022-8-1234.", []),
])
def test_days_written_in_figures_or_in_chinese_are_mentions(text, dates):
    assert [(d.date, d.text) for d in find_dates(text, date(2022, 9, 30))] == dates


def test_days_no_calendar_has_are_found_and_nothing_else():
    """What ingest asks the editor to look at: dates garbled by the translation or the scrape;
    not a version, a span of seasons, nor "Jun" as a given name (a review of the first version)."""
    from lgnews.parse import days_not_in_the_calendar

    text = ("On February 30, the county met; on April 31 and on 2022-02-30 it rained, and on the 31st of September. "
            "In May 40 villages joined. He Jun 31 was there. Version 2023.13.1 of the app, the 2019/20/21 seasons, "
            "February 29 and 2022-13-05. And on Apr 31, on Jun. 31, on 2023.2.30 and in the 2023-02-30/31 period. "
            "Not in Apr 31 villages, version 2019.2.30 or the file 2023.02.30.pdf.")
    assert days_not_in_the_calendar(text) == ["February 30", "April 31", "2022-02-30", "31st of September", "Apr 31",
                                              "Jun. 31", "2023.2.30", "2023-02-30"]
