"""Property tests of the parse stage: any input gives a parsed article or a clear refusal
(ParseError), never a crash; well-formed articles of the family always parse."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lgnews.errors import ParseError
from lgnews.parse import SURNAMES, ParsedArticle, decode_source, parse_article

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
GLUED = re.compile(r"[a-z]\.[A-Z]")
CREDIT_LABELS = ("Editor in Chief", "audit:", "Editor:", "Source:", "Reviewed by", "Supervised by")

# Text built from the pieces articles are made of, so that the parser's paths are reached
# (headers, credit labels, full-width marks, names, quotes), mixed with arbitrary characters.
PIECES = st.sampled_from([
    "\n", "\r\n", "\r", " ", ".", ",", "(", ")", ":", "“", "”", '"', "，", "。", "：", "（", "）", "\ufeff",
    "2022-04-30 0 By", "2023-01-05 12 By", "2022-02-30 0 By", "0000-00-00 0 By", "On February 11, ",
    "On December 28", "On the morning of May 3, 2021", "Liu Zhigang", "Party jianguo", ", deputy secretary of the ",
    " presided over", " and other leaders attended", " attended and delivered a speech", " pointed out that ",
    "(Li Yi)", "(Reporter Hu Jingwen, correspondent Liao Qiang Deng Yuting)", " Editor in Chief: ", " audit: ",
    "Huang Miao Zeng Zhenhua", " Editor: ", " Source: Louxing Rong Media Center", "Reviewed by: ",
    "Supervised by: ", "Leave a Reply", "Post navigation", "Your email address will not be published.",
    "year.Liu", "娄星区", "No.2", "U.S.", "Mr.", "\x00", "\x07", "\u2028", "２０２２",
])
FRAGMENTS = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=60).map("".join)
HEADER = st.sampled_from(["\n2022-04-30 0 By\n", "\r\n\r\n2023-01-05 3 By\r\n\r\n", "\n2022-04-30 10:22 0 By admin\n",
                          "\n\ufeff2021-03-01 0 By Li Yi\n", "\n2022-02-30 0 By\n", "\n"])
# Mostly a title and a header line followed by anything, so the parse gets past the header.
ARTICLE_LIKE_TEXT = st.one_of(
    FRAGMENTS,
    st.builds(lambda title, header, body: title + header + body, st.text(min_size=1, max_size=30), HEADER, FRAGMENTS),
    st.builds(lambda title, header, body: title + header + body, st.text(min_size=1, max_size=30), HEADER, FRAGMENTS),
)


def parse_or_refuse(text: str) -> ParsedArticle | None:
    try:
        article = parse_article(text)
    except ParseError as exc:
        assert str(exc) and "\n" not in str(exc)
        return None
    assert isinstance(article, ParsedArticle)
    assert article.title and isinstance(article.published, date)
    assert article.event_date is None or article.event_date <= article.published
    assert article.paragraphs and all(p.strip() == p and p for p in article.paragraphs)
    # The generator parses without the metadata meta.yml holds: everything else is the same.
    light = parse_article(text, metadata=False)
    assert (light.people, light.event_date) == ([], None)
    assert replace(light, people=article.people, event_date=article.event_date) == article
    return article


@SETTINGS
@given(st.text(max_size=2000))
def test_any_text_parses_or_is_refused(text):
    parse_or_refuse(text)


@SETTINGS
@given(ARTICLE_LIKE_TEXT)
def test_any_article_like_text_parses_or_is_refused(text):
    parse_or_refuse(text)


@SETTINGS
@given(st.one_of(st.binary(max_size=2000), ARTICLE_LIKE_TEXT.map(lambda t: t.encode("utf-8")),
                 ARTICLE_LIKE_TEXT.map(lambda t: t.encode("gb18030", errors="replace"))))
def test_any_bytes_decode_and_parse_or_are_refused(data):
    try:
        text, encoding = decode_source(data)
    except ParseError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert isinstance(text, str) and "\r" not in text and encoding
    parse_or_refuse(text)


# --------------------------------------------------------------------------- well-formed articles

NAMES = sorted(SURNAMES)
GIVEN = st.sampled_from(["Zhigang", "Chihui", "Miao", "Zhenhua", "Hui", "Yi", "Jianxin", "Lanfang", "Wei"])
PERSON = st.builds(lambda s, g: f"{s} {g}", st.sampled_from(NAMES), GIVEN)
WORD = st.sampled_from(["safety", "production", "the", "county", "work", "meeting", "responsibility", "rural",
                        "revitalization", "of", "and", "to", "inspection", "leaders", "measures", "flood"])
SENTENCE = st.builds(
    lambda first, words, end: first + " " + " ".join(words) + end,
    st.sampled_from(["The", "All", "We", "Village", "It", "Grain", "The meeting pointed out that",
                     "Liu Zhigang stressed that", "At the meeting,", "In 2021,"]),
    st.lists(WORD, min_size=2, max_size=25),
    st.sampled_from([".", "!", "."]),
)
GLUE = st.sampled_from(["", " ", "", "\n\n"])  # glued, spaced, glued, a new paragraph
CREDIT = st.one_of(
    st.none(),
    st.builds(lambda r, e, a1, a2, ed, src: f"({r}) Editor in Chief: {e} audit: {a1} {a2} Editor: {ed} Source: {src}",
              PERSON, PERSON, PERSON, PERSON, PERSON, st.sampled_from(["Louxing Rong Media Center",
                                                                        "Xinhua County Rong Media Center"])),
    st.builds(lambda r, c: f"(Reporter {r}, correspondent {c}) Source: Cili Rong Media Center", PERSON, PERSON),
    st.builds(lambda r, s: f"Reviewed by: {r} Supervised by: {s}", PERSON, PERSON),
)


@st.composite
def well_formed_articles(draw):
    published = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2035, 12, 31)))
    title = draw(st.sampled_from([
        "Louxing District held the 2022 Work safety retreat Meeting", 'Chenxi County: "Double Reduction" works!',
        "娄星区 held a meeting", "Xinhua County held the rural revitalization work promotion meeting",
    ]))
    sentences = draw(st.lists(SENTENCE, min_size=1, max_size=12))
    body = sentences[0]
    for sentence in sentences[1:]:
        body += draw(GLUE) + sentence
    credit = draw(CREDIT)
    if credit:
        body += draw(st.sampled_from(["", " ", "\n\n"])) + credit
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    text = newline.join([title, "", f"{published.isoformat()} {draw(st.integers(0, 99))} By", "", body, ""])
    return text, title, published, credit


@SETTINGS
@given(well_formed_articles())
def test_well_formed_articles_parse(case):
    text, title, published, credit = case
    data = text.encode("utf-8")
    decoded, _ = decode_source(data)
    article = parse_article(decoded)
    assert article.title == title
    assert article.published == published
    reading = " ".join(article.paragraphs)
    assert not GLUED.search(reading), GLUED.search(reading)
    for paragraph in article.paragraphs:
        for label in CREDIT_LABELS:
            assert label not in paragraph
    if credit and credit.startswith("("):
        assert article.credits.get("reporter")
    if credit and credit.startswith("Reviewed"):
        assert article.credits.get("reviewer") and article.credits.get("supervisor")
    light = parse_article(decoded, metadata=False)
    assert (light.people, light.event_date) == ([], None)
    assert replace(light, people=article.people, event_date=article.event_date) == article
