"""Parse stage: raw scraped bytes -> a ParsedArticle.

Everything here is a pure function of its input. The raw file is never changed: the
reading edition (sentences separated, paragraphs rebuilt, credits and blog footer removed,
full-width punctuation normalized) is derived from it, and so are the credits, the people
and the dates it mentions. See ``docs/editors.md`` for the article family this handles.
"""

from __future__ import annotations

import bisect
import calendar
import codecs
import itertools
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from .chars import BIDI, CONTROLS, FORMAT_ASTRAL, FORMAT_BMP, HAN, NONCHARACTERS, ZERO_WIDTH
from .errors import ParseError

MAX_SOURCE_BYTES = 200_000
"""Refuse raw files larger than this: no article of the family comes near it (the seed has
3,657 bytes). An article's page weighs about 3.5 times its source (the reading edition with a
tooltip on each use of a term, and the verbatim source): this keeps it near 700 KB, under the
1 MiB a page may weigh (under the previous limit, 1,000,000 bytes, a 931 KB article made a
page of 2.9 MB: a review of skewed archives)."""
ARCHIVED_SOURCE_BYTES = 1_000_000
"""The limit of an archived source.txt: that of ingest before it was lowered to
MAX_SOURCE_BYTES, so that an archive that built then builds still (the build warns of such a
source: ``build._model_warnings``)."""

MONTHS = {name: i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name: i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["Sept"] = 9

# Common romanised Chinese surnames. Used only where a name must be told apart from an
# ordinary capitalised phrase ("Head of the District" is not a person).
SURNAMES = frozenset(
    """
    Ai An Bai Ban Bao Bei Bi Bian Bo Cai Cao Cen Chai Chang Chao Chen Cheng Chi Chu Cong Cui
    Dai Dang Deng Di Diao Ding Dong Dou Du Duan Fan Fang Fei Feng Fu Gan Gao Ge Geng Gong Gou
    Gu Guan Guo Han Hao He Hong Hou Hu Hua Huang Huo Ji Jia Jian Jiang Jiao Jin Jing Ju Kang
    Ke Kong Kuang Lai Lan Lang Lei Li Lian Liang Liao Lin Ling Liu Long Lou Lu Lü Luo Lv Lyu Ma
    Mai Mao Mei Meng Mi Miao Min Ming Mo Mou Mu Nie Ning Niu Ou Ouyang Pan Pang Pei Peng Pu
    Qi Qian Qiao Qin Qiu Qu Quan Ran Rao Ren Rong Ruan Sang Shan Shang Shangguan Shao She Shen
    Sheng Shi Shu Si Sima Situ Song Su Sun Tan Tang Tao Teng Tian Tong Tu Wan Wang Wei Wen Weng
    Wu Xi Xia Xian Xiang Xiao Xie Xin Xiong Xu Xue Yan Yang Yao Ye Yi Yin Ying Yong You Yu Yuan
    Yue Yun Zang Zeng Zha Zhai Zhan Zhang Zhao Zhen Zheng Zhong Zhou Zhu Zhuang Zhuge Zhuo Zou
    Zuo
    """.split()
)

FULL_WIDTH = {
    "，": ", ", "。": ". ", "：": ": ", "；": "; ", "！": "! ", "？": "? ",
    "（": " (", "）": ") ", "、": ", ", "【": " [", "】": "] ", "《": "“", "》": "”",
    "「": "“", "」": "”", "　": " ", "……": "…", "——": " — ",
}
_FULL_WIDTH_RE = re.compile("|".join(map(re.escape, sorted(FULL_WIDTH, key=len, reverse=True))))
# Full-width digits, Latin letters, %, the quotation mark and the tilde read as their ASCII
# forms: ＂ has no side, as " has none ('activity! ＂Everyone talks about safety＂' in a title
# whose other quotation marks are "), and ～ joins a span ("3～5 days").
_FULL_WIDTH_ASCII = {cp: cp - 0xFEE0 for cp in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                                *range(0xFF41, 0xFF5B), 0xFF05, 0xFF02, 0xFF5E]}
_FULL_WIDTH_SEARCH_RE = re.compile(
    "[" + re.escape("".join(sorted(set("".join(FULL_WIDTH)) | {chr(cp) for cp in _FULL_WIDTH_ASCII}))) + "]"
)

_HEADER_DATE = r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
_HEADER_TIME = r"(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?"
HEADER_RE = re.compile(rf"^(?P<date>{_HEADER_DATE}){_HEADER_TIME}\s+(?P<comments>[0-9]+)\s+By\b\s*(?P<author>.*)$")

# A header typed with a Chinese input method ('２０２２－０４－３０　１０：２２　０　Ｂｙ') is read as
# its ASCII form; the source keeps it as it is. One character for one, so the match's places
# are the line's.
_HEADER_ASCII = {**_FULL_WIDTH_ASCII, 0xFF0D: "-", 0xFF1A: ":", 0x3000: " "}


def match_header(line: str) -> re.Match[str] | None:
    """The date header's match in ``line`` ('2022-04-30 10:22 0 By Wang'), in ASCII or in
    full-width characters; None when it is no header."""
    return HEADER_RE.match(line) or (None if line.isascii() else HEADER_RE.match(line.translate(_HEADER_ASCII)))


# Blog-footer noise: phrases of a reply form, and navigation lines that end the article
# when a line starts with them and reads as navigation (see ``_navigation_line``): "Related
# articles of the Work Safety Law were explained." is text. In English, and in Chinese where
# a republishing site left its own words untranslated ("上一篇：…", "发表回复 取消回复").
FOOTER_PHRASES = (
    "leave a reply", "leave a comment", "your email address will not be published",
    "required fields are marked", "cancel reply", "post comment", "save my name, email",
    "comments are closed",
    "发表回复", "发表评论", "取消回复", "您的电子邮箱地址不会被公开", "评论已关闭",
)
FOOTER_LINE_STARTS = (
    "post navigation", "previous post", "next post", "previous article", "next article",
    "related posts", "related articles", "share this:", "like this:", "you may also like",
    "上一篇", "下一篇", "相关文章", "相关阅读", "相关推荐", "文章导航", "分享到",
)

# A republishing site's notice on a line of its own right below the credit line: its disclaimer
# and its copyright were published as the article's last paragraphs (a review). With a colon
# or a sign after the word, as such notices are written: "Copyright protection of brands was…"
# is the article's own, as is any line of the text above the credit line ("All rights reserved
# for the rural collectives will be confirmed", a second review).
FOOTER_NOTICE_STARTS = (
    "disclaimer:", "disclaimer：", "copyright ©", "copyright (c)", "copyright©", "©", "all rights reserved",
    "免责声明", "版权声明", "版权所有",
)


def _footer_pattern(phrase: str) -> str:
    """"leave a reply" -> "Leave a [Rr]eply|LEAVE A REPLY": a capital first letter keeps the
    scan fast (capitals are rare), and footers start with one."""
    first, *rest = phrase.split(" ")
    words = [re.escape(first[0].upper() + first[1:])]
    words += [f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" if w[:1].isalpha() else re.escape(w) for w in rest]
    upper = re.escape(phrase.upper())
    return " ".join(words) + ("|" + upper if upper != " ".join(words) else "")  # (Chinese has no capitals)


FOOTER_RE = re.compile("|".join(map(_footer_pattern, FOOTER_PHRASES)))
# The heading of readers' comments below a blog's article ("1 thought on “…”", "3 Responses to
# "…""): a line as long as the article's title, which the navigation's rule took for text.
_COMMENTS_HEADING_RE = re.compile(r"(?:[0-9]{1,6}|one)\s+(?:thoughts?|responses?|comments?|replies)\s+(?:on|to)\s*"
                                  r"(?:“[^”\n]*”|\"[^\"\n]*\"|‘[^’\n]*’|«[^»\n]*»)\s*:?\s*$", re.IGNORECASE)
"""A heading is the whole line, ending at its title's closing quotation mark: "120 comments on
“the draft rules” were received" is a sentence of the article."""
# A footer flattened on to the credit line's own line, as a scraper flattens the text ("…
# Source: Louxing Rong Media Center Leave a Reply Your email address …"): its phrases, and its
# navigation, which starts no line there.
_GLUED_FOOTER_RE = re.compile("|".join([FOOTER_RE.pattern,
                                        *map(_footer_pattern, [p for p in FOOTER_LINE_STARTS if p.isascii()])]))
GLUED_FOOTER_WINDOW = 3000
"""How far from the text's end a footer flattened on to the credit line's line is looked for."""

_PHOTO = r"(?:Text|Photos?|Photography|Pictures?|Video)"
CREDIT_LABELS = [
    # (pattern, role); longest first so "Editor in Chief" wins over "Editor". In any case:
    # "Editor in chief", "Chief editor", "audit", "SOURCE".
    (r"Editor[- ]in[- ]Chief|Chief Editor", "editor_in_chief"),
    # "Second Review:", "Final trial:" (三审, the third reading of a Chinese newsroom's review).
    (r"(?:First|Second|Third|Final)[- ](?:Review(?:ers?|ed by)?|Trials?|Audit|Instance)|"
     r"Reviewed by|Reviewers?|Review|Audit(?:ed by)?", "reviewer"),
    (r"Supervised by|Supervisors?", "supervisor"),
    # "Editor in charge" is 责任编辑, the responsible editor, as "Responsible Editor" is.
    (r"Responsible Editors?|Editor[- ]in[- ]Charge|Edited by|Editors?", "editor"),
    (r"Reported by|Reporters?", "reporter"),
    # "Text/Picture:" (文/图), read as the same words in a parenthesis are ("(Text/Photo: Li Na)"):
    # written with capitals, as a label starts; "the text:" in small letters is a sentence's.
    # "Photo by:", "Text and photos by:", "Photographed by:" too (the credit line was lost).
    (rf"(?-i:{_PHOTO}(?:\s*(?:/|&|and)\s*(?i:{_PHOTO}))*|Photographed)(?:\s+by)?", "reporter"),
    (r"Correspondents?", "correspondent"),
    (r"Source", "source"),
]
# A label is found from its colon backwards: colons are rare, so this stays fast (and the
# look-behind, which starts it at a word only, keeps the case-insensitive search so).
_LABEL_BEFORE_RE = re.compile(
    r"(?<![A-Za-z0-9])(?:" + "|".join(f"(?P<g{i}>{pat})" for i, (pat, _) in enumerate(CREDIT_LABELS)) + r")\s*$",
    re.IGNORECASE,
)
_COLON_RE = re.compile("[:：]")
# A syllable of pinyin: an initial (or none), then a final. A given name written in lowercase
# is one to three of them ("jianguo"); an English word seldom is ("members", "cadres").
_PINYIN_SYLLABLE = (r"(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?"
                    r"(?:[iu]?ang|i?ong|[ie]ng|[iu]?an|uai|i?ao|ai|ei|ou|en|er|in|un|ia|ie|iu|ua|uo|ui|ue|ve|[aoeiuv])")
_PINYIN_GIVEN_NAME_RE = re.compile(f"(?:{_PINYIN_SYLLABLE}){{1,3}}")

# The words that may qualify a label, known or not ("Executive Producer:", "Executive Editor:",
# "Deputy Chief Editor:"): the label's, not a last word of the name before it ("Editor: Xiao
# Hui Executive Producer: Peng Li" named an editor "Xiao Hui Executive").
# "Duty Editor:" (值班编辑) named an editor "Xiao Hui Duty", "Page Editor:" (版面编辑) "Wen
# Zhibin Page".
LABEL_QUALIFIERS = frozenset("Executive Deputy Associate Assistant Senior Managing Chief General Art Copy Photo Video "
                             "Technical Duty Layout Desk Acting News Night Page Planning Content".split())
SOURCE_ENDINGS = frozenset("News Planning Content".split())
"""Qualifiers that also end the names of outlets and bureaus ("Source: Changsha Evening News
Editor: …", "… Natural Resources and Planning Editor: …"): after a source, the source's."""
_LABEL_QUALIFIER = "(?:" + "|".join(sorted(LABEL_QUALIFIERS)) + ")"
_QUALIFIER_SEARCH_RE = re.compile(f"{_LABEL_QUALIFIER}[ \t]")
"""Looked for once in a credit line (1 µs) before each label is checked for them (0.6 µs a label)."""
# A word or two may qualify a role: "Our reporter", "Intern reporter", "All-media reporter",
# "Photo reporter" (摄影记者: a reporter, not a photo by "Reporter Li Na").
_PAREN_ROLE_RE = re.compile(
    rf"^(?:(?:[A-Za-z-]+\s+){{0,2}}?"
    rf"(?P<role>Reporters?|reporters?|Correspondents?|correspondents?|{_PHOTO}(?:\s*(?:/|&|and)\s*{_PHOTO})*)"
    r"(?![A-Za-z])(?!\s+(?:[Rr]eporters?|[Cc]orrespondents?)(?![A-Za-z]))"
    r"(?:\s+by)?\s*[:：]?\s*)?(?P<names>.*)$",
    re.S,
)
# A given name may hold an apostrophe before a syllable starting with a, o or e ("Xin'ai",
# "Ke'er", typographic ’ too); not "Zhigang's", a possessive.
_APOSTROPHE = r"(?:['’][aoe][a-z]{0,12})"
# The words of a credit's label, known or not, which are no syllable of a name: "(Correspondent:
# Tan Xiaoyu Reporter: Peng Hui)", "(Author: Yi Xiaolan)", "(Written by Yi Xiaolan)" and "(Intern
# Li Na, reporter Wang Lei)" credited "Tan Xiaoyu Reporter", "Author Yi Xiaolan", "Written by" and
# "Intern Li Na".
CREDIT_LABEL_WORDS = frozenset(
    """
    Reporter Reporters Reported Correspondent Correspondents Editor Editors Edited Responsible Charge
    Review Reviewer Reviewers Reviewed Audit Audited Trial Trials Instance Supervised Supervisor Supervisors
    Source Text Photo Photos Photography Photographed Picture Pictures Photographer Photographers Author Authors Written
    Intern Interns Producer Producers Proofread Proofreader Proofreaders
    """.split()
) | LABEL_QUALIFIERS
_LABEL_WORD = "(?i:" + "|".join(sorted(CREDIT_LABEL_WORDS)) + r")(?![A-Za-zü])"
_LABEL_WORD_RE = re.compile(rf"(?<![A-Za-zü]){_LABEL_WORD}")
CREDIT_NAME_RE = re.compile(rf"(?!{_LABEL_WORD})[A-Z][a-zü]+"
                            rf"(?: (?!{_LABEL_WORD})[A-Za-z][a-zü]*{_APOSTROPHE}?){{1,2}}")
NAME_TOKEN_RE = re.compile(rf"[A-Z][a-zü]+{_APOSTROPHE}?|[a-zü]+{_APOSTROPHE}?|[A-Z]{{2,}}(?![A-Za-zü])")
ROLE_ORDER = ["reporter", "correspondent", "editor_in_chief", "reviewer", "editor", "supervisor"]
MAX_CREDIT_BLOCKS = 6

SENTENCE_END_RE = re.compile(r"[.!?。！？](?:[”\"’')\]]*)")
# A full stop glued to the next sentence ("the year.Liu Chihui"): found by the stop, then the
# character before it is checked, which keeps the scan linear and fast. A straight quotation
# mark after the stop is taken with it: it may close the sentence ('well."Li Na asked') or
# open the next ('the year."Safety first," he said'), which only the marks before it tell.
GLUED_RE = re.compile(r"[.!?](?P<quote>\"(?=[A-Z]))?(?=[“\"‘(]?[A-Z])")
_GLUE_AFTER = frozenset("abcdefghijklmnopqrstuvwxyz0123456789%)]”’\"")
MONTH_ABBREVIATIONS = frozenset("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
ABBREVIATIONS = frozenset("Mr Mrs Ms Dr No Nos St Co Ltd Inc Jr Sr vs etc Gov Dept".split()) | MONTH_ABBREVIATIONS
# An acronym glued to the next sentence ("the CPC.Liu Chihui"): two capitals or more before the
# stop (not "U.S." nor an abbreviation in capitals, "CO.LTD"), a capitalised word after it.
_WORD_BEFORE_RE = re.compile(r"[A-Za-z]{1,12}$")  # searched in a window that ends at the stop
_CAPITALISED_RE = re.compile(r"[“\"‘(]?[A-Z][a-z]")
# A sentence ends at . ! ? (and closing quotes) before a capital or a digit, but not after an
# abbreviation or an initial ("No. 1", "U.S. delegation"): one fixed-width look-behind per
# abbreviation length keeps it a single linear scan. A month's abbreviation is one only before
# a day or a year ("Sept. 5", not "hosted by Wang Jun. Liu Zhigang"); a single digit is no
# initial after a word ("raised to Level 4. Liu Zhigang", not "as follows: 1. Strengthen").


def _not_after(words: frozenset[str]) -> str:
    return "".join(rf"(?<!\b(?:{'|'.join(sorted(a for a in words if len(a) == n))})\.)"
                   for n in sorted({len(a) for a in words}))


_NOT_AFTER_ABBREVIATION = _not_after(ABBREVIATIONS - MONTH_ABBREVIATIONS)
SENTENCE_BOUNDARY_RE = re.compile(
    rf"(?:[!?]|\.(?<!\b[^\W\d]\.)(?:(?<=[A-Za-z] \d\.)|(?<!\b\d\.)){_NOT_AFTER_ABBREVIATION}"
    rf"(?:{_not_after(MONTH_ABBREVIATIONS)}|(?!\s+[0-9])))[”\"’')]*\s+(?=[“\"‘(]?[A-Z0-9])"
)
PARAGRAPH_MARKER_RE = re.compile(
    r"^(?:At (?:the|this) (?:meeting|conference|symposium|event)|During the (?:meeting|conference)|"
    r"The (?:meeting|conference) (?:pointed out|stressed|emphasized|emphasised|required|noted|called|demanded|held|heard|studied|deployed|requested)|"
    r"[A-Z][a-z]+ [A-Z][a-z]+ (?:pointed out|stressed|emphasized|emphasised|said|noted|required|demanded|asked|added|called|urged|stated|put forward|requested|concluded)|"
    r"(?:First|Second|Third|Fourth|Fifth)(?:ly)?,|Finally,|Lastly,|In addition,|Meanwhile,|It is (?:reported|understood|learned))"
)
# Strong markers start a paragraph; weak ones ("We should ...") after two sentences.
_MARKER_RE = re.compile(
    f"(?P<strong>{PARAGRAPH_MARKER_RE.pattern[1:]})|(?P<weak>(?:We|You|All|Each|Every) (?:should|must|need|will|have to)\\b|"
    "(?:To|It is necessary to) )"
)
MAX_PARAGRAPH_CHARS = 700

NAME = rf"[A-Z][a-zü]{{0,7}}(?:yang|ma|tu|ge|guan)? [A-Za-z][a-zü]{{1,12}}{_APOSTROPHE}?"
_NAME_FULL_RE = re.compile(NAME)
# The same, without backtracking, for scanning whole texts (surnames are checked after).
_NAME_SCAN = rf"[A-Z][a-zü]{{0,11}}+ [A-Za-z][a-zü]{{1,12}}+{_APOSTROPHE}?+"
_ATTEND_VERB = r"(?:attended|were present|was present|participated)"
# What may close a list of names before its verb: "and other leaders", "and other members of
# the Standing Committee", "and other county-level leaders", "and others", ", etc." (no comma:
# a clause after one is no longer the list's).
_AND_OTHERS = r"(?:,?\s+and\s+(?:others|(?:other|some|relevant)\s[^.;:(),]{0,80}?)|,?\s+etc\.)"
# (The names after the first are repeated without a possessive "*+": with it, Debian 12's
# Python, 3.11.2, resumed after the comma of a name that failed, and read "The meeting,
# attended" as a list of names; 3.11.7 does not.)
ATTENDEES_RE = re.compile(
    rf"(?P<list>{_NAME_SCAN}(?:\s*[,，、]\s*{_NAME_SCAN})*(?:,?\s+and\s+{_NAME_SCAN})?)"
    rf"(?P<others>{_AND_OTHERS})?\s+(?:{_ATTEND_VERB}|(?P<accompanied>accompanied(?!\s+by\b)))"
)
"""A list of names before its verb: "A, B and other leaders attended"; and "District leaders Wang
Qian and Chen Hao accompanied the inspection", whose names inspect (``_INSPECTING``)."""
OFFICES = ("secretary head director mayor chairman chairwoman chair member deputy chief minister leader governor "
           "president commissioner commissar captain manager principal commander inspector representative "
           "magistrate officer chairperson procurator prosecutor dean").split()
ROLE_WORDS = re.compile(r"\b(?:" + "|".join(OFFICES) + r")\b", re.IGNORECASE)


def _plural(office: str) -> str:
    if office.endswith("man"):
        return office[:-3] + "men"
    return office[:-1] + "ies" if office.endswith("y") else office + "s"


PLURAL_OFFICES = frozenset(map(_plural, OFFICES))
"""A title in the plural may be each of the names before it: "Luo Wenwei and Wang Qian, deputy
heads of the district". Its words are looked up in a set: a search of the title for them as a
pattern (in any case, so with no literal to start it) cost 9 µs a title."""
# A speech at a meeting of the family is also a report, a deployment (部署) or a summing-up
# (总结): "Wang Jun, county head, made a deployment" named no one; and so is announcing a
# campaign's launch (宣布启动: "Zhou Ming, executive deputy mayor, announced the launch").
_SPEAKING = (r"delivered a speech|made a speech|made an important speech|gave a speech|spoke|addressed|"
             r"told (?:reporters|the reporters?|journalists|this reporter)|"
             r"pointed out|stressed|emphasized|emphasised|said|noted|required|demanded|called for|urged|"
             r"put forward|asked|requested|concluded|made (?:a |an )?(?:work |special )?(?:report|deployment)s?|"
             r"made arrangements|(?:gave|delivered) a (?:work )?report|reported on|deployed|arranged|"
             r"summed up|summarized|summarised|read out|announced")
# An inspection is also gone "deep into" a place (深入), led as a team's head ("led the team",
# "led an inspection team"), or accompanied (陪同: "District leaders Wang Qian and Chen Hao
# accompanied the inspection"; not "accompanied by", whose names follow).
_INSPECTING = (r"inspected|visited|investigated|went to|went deep into|"
               r"led (?:a|an|the) (?:[a-z]+ )?(?:team|group(?! of))|accompanied(?!\s+by\b)")
# How a person takes part, by the verb after their name (and roles): one table, which the
# scans below are built from, so that "NAME stressed" and "NAME, roles, stressed" agree.
_ACTIONS = {
    "presiding": r"presided over|presided|chaired|hosted",
    "attending": r"attended|was present|participated in",
    "speaking": _SPEAKING,
    "inspecting": _INSPECTING,
}
_ACTION_RE = "|".join(f"(?P<{k}>{v})" for k, v in _ACTIONS.items())
# "NAME, roles..., presided over": the name is found first (a capital letter starts it, so
# the scan is fast); the roles and the action are then read from the rest of the clause.
_CLAUSE_RE = re.compile(r"[^.;:()]{0,400}")
_ACTION_AFTER_ROLES_RE = re.compile(rf",?\s+(?:{_ACTION_RE})\b")
_RELATIVE_RE = re.compile(r"\s*(?:which|who|whose|that|where)\b")
_OTHER_VERB_AFTER_ROLES_RE = re.compile(
    r",\s+(?=(?:also\s+|then\s+)?(?:[a-z]+ed|made|gave|read|spoke|put|took|went|led|held|met|set|heard|sent|won)\b)")
"""After a name and its titles, a verb not among ``_ACTIONS``: "Tan Hui, secretary of the Party
Working Committee of Lianbin Street, read out the decision" still names Tan Hui and his title."""
_TITLE_STARTS = frozenset("the vice executive standing acting former first second general chief party county district "
                          "city town township village provincial municipal".split())
"""Words a title after a name may start with besides an office or a name ("deputy head…",
"the head of…", "CPC Louxing District Committee secretary"): the comma parts after a speaker's
name that start otherwise ("30 Party member households joined", "while the village head
nodded"), or hold a verb (``_VERB_IN_TITLE_RE``: "the village head will visit"), are the
sentence's own."""
_VERB_IN_TITLE_RE = re.compile(r"\b(?:will|would|is|are|was|were|has|have|had|can|could|should|must|shall|said|says|"
                               r"led|spoke|went|gave|took|made|met|held|saw|told|began|came|[a-z]{3,}ed)\b")
"""A verb, which no title after a speaker's name holds: "the county head approved the plan"."""
_SAID_BY_RE = re.compile(rf"[\"”]\s*(?:said|says|added|explained)\s+(?P<name>{_NAME_SCAN})(?:(?P<comma>,\s+)|(?=[.;!?]))")
_ACCORDING_TO_RE = re.compile(rf"(?<![\w-])[Aa]ccording to\s+(?P<name>{_NAME_SCAN})(?:(?P<comma>,\s+)|(?=[.;!?]))")
"""The speaker named after the verb of saying, right after a quotation: "…,” said Zhou Junhua,
head of the bureau." (not "He said Liu Zhigang, the head of the district, will lead", whose
Liu Zhigang is not the speaker); and "According to Gao Ying, …"."""
_NAME_AND_RE = re.compile(rf"(?P<name>{NAME}) and $")
"""The first of two names before their titles: "Luo Wenwei and Wang Qian, deputy heads of the
district, attended"."""
_AND_CLAUSE_STARTS = (", and ", "; and ", ", while ")
"""A clause joined to the one before by "and": "the city met, and Deng Qiang, vice mayor, attended"."""
_MORE_ACTIONS_RE = re.compile(rf"\band\s+(?:also\s+|then\s+)?(?:{_ACTION_RE})\b")
# One scan finds both: a name followed by a comma (roles follow), or by an action.
# (Attending is read from lists of names: ATTENDEES_RE.)
_NAME_SCAN_RE = re.compile(
    rf"(?P<name>{_NAME_SCAN})(?:(?P<comma>,\s+)|\s+(?:also\s+)?(?:"
    + "|".join(f"(?P<{k}>{v})" for k, v in _ACTIONS.items() if k != "attending") + r")\b)"
)
# The passive: "The meeting was chaired by Liu Yue, Secretary of the County Party Committee."
# Each " by " is found first, then the verb before it checked and the names after it read: a
# pattern of the verbs (with no literal to start it) cost 50 µs an article, this 3 µs.
# The titles are the parts after a comma that name an office or a place, up to a verb ("...
# Committee and attended by", "deputy head of the county, studied the plan"); more names may
# follow ("co-chaired by Wang Jun and Li Hua"): see ``_named_by``.
_BY_NAME_RE = re.compile(rf" by (?P<name>{_NAME_SCAN})")
_PRESIDED = tuple(_ACTIONS["presiding"].split("|"))
_PASSIVE_VERBS = (*_PRESIDED, "attended", "accompanied", "led")
# At a sentence's start too: "Accompanied by Wang Qian, Li Jianguo inspected the mine."
_PASSIVE_VERBS_ANY_CASE = (*_PASSIVE_VERBS, *(v[:1].upper() + v[1:] for v in _PASSIVE_VERBS))
_PASSIVE_HOW = {"attended": "attending", "accompanied": "inspecting", "led": "inspecting"}
"""How a passive's people take part, by its verb: presiding but for these."""
_LED_RE = re.compile(r"\b(?:teams?|delegations?|(?<!leading )groups?(?! of\b(?! the\b)))\b")
"""What a passive "led by" leads for its people to inspect, in the sentence before it: "the third
inspection team of Yuhu District, led by Zhang Jun, director of the District Education Bureau,
visited 12 schools", "the inspection group of the Provincial Work Safety Committee, led by";
not "growth led by exports", nor "a group of villagers led by"."""
LED_WINDOW = 100
"""How far before "led by" the team is looked for, in its sentence: a window, not the sentence
from its start, keeps the scan linear in a text with no full stop."""
_TITLES_END_RE = re.compile(r"\s+(?:and\s+)?(?:was|were|is|are|attended)\b")
_PLACE_AFTER_NAME_RE = re.compile(r"(?P<name>\S+ \S+) (?:in|at|on|during|from)\b")
"""Where or when after the last name of a passive: "co-chaired by Wang Jun and Li Hua in the hall"."""
_NAMES_END_RE = re.compile(r"(?:^|\s+)and\s+(?:others?|some|relevant)\b.*|^etc\b.*", re.S)
"""What closes the names of a passive: "and other leaders", "and others", "etc"."""
_OTHERS_RE = re.compile(r"(?:^|,?\s+)and\s+(?:other|some|relevant)\b.*$", re.S)
_CLAUSE_STARTS = frozenset([", ", ". ", ": ", "; ", "! ", "? "])
# A sentence that ends inside its quotation starts the next clause too: 'well." Li Na asked',
# 'said: “Safety first.” Liu Zhigang, head of the district, presided'.
_QUOTED_CLAUSE_STARTS = frozenset([f"{stop}{quote} " for stop in ".!?," for quote in "\"”"])
"""('"We must act," Zhou Junhua said' named no one: the comma that ends a quotation too.)"""
_ALL_CLAUSE_STARTS = _CLAUSE_STARTS | _QUOTED_CLAUSE_STARTS
ROLE_SPLIT_RE = re.compile(r",\s*|\s+and\s+")

# Dates: the month name is found first (a capital letter), its boundary checked after.
# The family writes the month first ("On February 11"); some translations write the day
# first ("On 11 February", "on the 11th of February"): in the event's date, the groups of
# that order end in 2.
_MONTH_WORD = r"(?P<month>[ADFJMNOS][a-z]{2,8})"
_NOT_A_PLACE = r"(?!\s+(?:Road|Street|Avenue|Lane|Building|Square|Bridge|Fourth)\b)"
"""After a month written day first: not "3 March Road", "the 1 August Building", "3 May Fourth"."""


_DAY_OF = r"(?:(?P<ordinal>st|nd|rd|th)\s+of|(?:st|nd|rd|th)?)\s+"
"""After a day written before its month: "the 3rd of March" (an ordinal before "of":
"Decree No. 5 of June 2023" is no day), "3 March"."""
_TO_DAY = r"(?:\s*[-–—~]\s*|\s+(?:to|until|till|through)\s+(?:the\s+)?)[0-9]{1,2}(?:st|nd|rd|th)?"
"""The last day of a span whose month follows, or precedes, its two days: "15 to 18 January"."""
_DAY_FIRST = (rf"(?P<day2>[0-9]{{1,2}})(?:(?:st|nd|rd|th)?(?P<span>{_TO_DAY}))?{_DAY_OF}"
              rf"(?P<month2>[ADFJMNOS][a-z]{{2,8}})\b\.?{_NOT_A_PLACE}")
"""A day written before its month, or the first of a span ("From 15 to 18 January", "15-18
January": the span's first day is the event's)."""


def _year(name: str) -> str:
    return rf"(?:,?\s+(?P<{name}>(?:19|20)[0-9]{{2}})\b)?"


_EARLIER_YEAR_RE = re.compile(r",?\s+1[0-8][0-9]{2}\b")
"""A year before 1900 after a day ("On May 30, 1899"), which the dates' patterns do not read:
the day is then that year's, not the last May 30 before publication."""


_NUMERIC_DATE = r"(?P<iso_year>(?:19|20)[0-9]{2})(?P<sep>[-/.])(?P<iso_month>[0-9]{1,2})(?P=sep)(?P<iso_day>[0-9]{1,2})\b"
"""A date in numbers, the year first: "On 2022-03-01", "On 2022/3/1"."""
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
"""A day of the week before the date: "held on Sunday, March 6"."""
_AFTER_MONTH_WORD = r"(?:\.?\s+|(?P<glued>\.))"
"""Between a month's name and its day: a space, or a stop with or without one ("Mar. 1", "Mar.1":
an abbreviation only, see ``_glued_to_a_month``)."""
_SPAN_END_RE = re.compile(r"\s*(?:to|until|till|through|-|–|—|~)\s*[0-9A-Z]")
"""After "From <date>", the end of the span, which makes the date an event's first day ("From
January 15 to 18, the first session ..."). Without it, "From March 1, the new rules apply"
dates rules or a plan, not the event."""
# "On" or "From" (a span's first day), or "In the morning of" (a translation's "上午"): one set
# of letters first keeps the scan quick (an alternation of the words made it four times
# slower); the word is checked after. (Ingest reads it, and the build an article.md's only.)
EVENT_DATE_RE = re.compile(
    rf"[OoFfIi](?:n|rom)\s+(?P<daytime>the\s+(?:morning|afternoon|evening|night)\s+of\s+)?{_WEEKDAY}(?:the\s+(?=[0-9]))?"
    rf"(?:{_MONTH_WORD}{_AFTER_MONTH_WORD}(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?\b|{_DAY_FIRST}|{_NUMERIC_DATE})"
    rf"{_year('year')}"
)
_LEADING_SPAN_RE = re.compile(
    rf"(?:{_DAY_FIRST}|{_MONTH_WORD}\.?\s+(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?(?P<span_>{_TO_DAY})\b){_year('year')}"
)
"""A span that opens the text, with no "On" or "From": "15-18 January, the first session of ...",
"January 15 to 18, ...". (A single day there is not read: "5 May" may open a sentence of
another day's plan.)"""
# The dates a text mentions: each month's name is found (one scan, quick: it starts with a
# capital letter), then a day read before it ("11 February", "the 3rd of March") or a day or
# a year after it ("February 11", "April 2020"). (A second scan for the days written first,
# which starts at any digit, made the parser 30% slower.)
_MONTH_SCAN_RE = re.compile(r"[ADFJMNOS](?:an|eb|ar|pr|ay|un|ul|ug|ep|ct|ov|ec)[a-z]{0,6}\b")
_DAY_BEFORE_RE = re.compile(rf"(?<![0-9A-Za-z])(?P<day>[0-9]{{1,2}}){_DAY_OF}$")
_AFTER_DAY_FIRST_RE = re.compile(rf"\.?{_NOT_A_PLACE}{_year('year')}")
_AFTER_MONTH_RE = re.compile(rf"{_AFTER_MONTH_WORD}(?:(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?\b{_year('year')}"
                             r"|(?P<month_year>(?:19|20)[0-9]{2})\b)")
_DEADLINE_WORDS = frozenset("until till by before through".split())
"""The words a deadline follows ("will last until Mar. 31"): a day after publication, in its year,
is that day, not the same day a year before."""
_DATE_WORDS_BEFORE = frozenset("on since from by until till before after to of and or between through monday tuesday "
                               "wednesday thursday friday saturday sunday".split())
"""The words a date written day first follows ("since 1 May", "on 4 May the county..."): a
number before a month's name is a day only so, or with an ordinal ("the 3rd of March") or a
year ("5 May 2024"). Not "No. 3 March Road", "Level 4 May be raised", "had 30 August visitors"."""


# A day said to come: "will be held on March 15", "is to start from June 1" before it, or "On
# January 10, Louxing District will launch", "From July 20, the county will" around it. A day
# later in the year than publication is then that day, not the same day a year before (a
# review). The verb after "will", and a few words that are no past verb's ("will take place
# on", "will hold a job fair on", "will be held in Louxing on", "will hold the 2022 games on"):
# not a relative clause's "will" ("Officials who will lead the work met on May 3"), nor another
# verb's ("we will pay attention as announced on", "as he said on"), nor a yearly day that
# "falls on"; and not "On December 20, Liu Zhigang stressed that we will …": the subject's own
# "will" only.
_PAST_VERBS = ("was|were|had|has|have|did|said|says|met|held|made|took|gave|began|led|spoke|came|went|told|given|set|"
               "sent|found|built|paid|chosen|taken|written|shown|seen|saw|known|knew|done|begun|heard|learnt|broke|"
               "won|rose|grew|fell|became|bought|kept|left|lost|ran|sold|stood|brought|thought|caught|taught|wrote|"
               "chose|spent|put|got|read")
_NOT_PAST = rf"(?!(?:{_PAST_VERBS})\b)"
_NOT_PAST_NOR_RELATIVE = rf"(?!(?:{_PAST_VERBS}|that|who|which|whose|where|when|how)\b)"
_FUTURE_BEFORE_RE = re.compile(
    r"(?<!\bwho )(?<!\bthat )(?<!\bwhich )\b(?:will|shall|(?:is|are)(?: scheduled| due| expected)? to)\s+"
    r"(?:(?:officially|formally|also|then|again|jointly|first|still|likewise)\s+)?(?:be\s+)?"
    r"(?:(?:officially|formally|also|then|again|jointly|first)\s+)?[a-z]+"
    r"(?:\s+(?:place|off|up|out|forward|back|over|effect|into\s+(?:force|effect)))?"
    rf"(?:\s+{_NOT_PAST}[A-Za-z0-9][a-z0-9]*(?<!ed)){{0,3}}\s+(?:on|from|in)\s+(?:the\s+)?$")
_DEADLINE_TO_COME_RE = re.compile(
    r"(?:\b(?:will|shall|must|should|(?:is|are)\s+(?:scheduled\s+|expected\s+|set\s+)?to|needs?\s+to|plans?\s+to)"
    r"\s+(?:(?!(?i:have|has|had|been|was|were|did|they|it|we|he|she|i|you|who|which|that|last)\b)[A-Za-z'-]+\s+){0,7}"
    r"|\b(?:runs?|lasts?|continues?|remains?|(?:is|are)\s+(?:open|valid|in\s+force|due))\s+(?:[a-z]+\s+){0,2})"
    r"(?:until|till|by|before|through)\s+(?:the\s+)?$")
"""A deadline the text says is to come: "will last until", "must complete the self-inspection
before", "which will last until", "runs until", "is open until", "are due by"; not one said in
the past ("By March 31, the county had completed", "which lasted until", "had been extended
until", "should have finished the work by"), nor one of a clause of its own between the verb
and the day ("must report the hazards they found before", "plans to review the cases it
handled before"): reviews."""
_DEADLINE_OPENS_RE = re.compile(r"(?:^|[.!?;:]\s+|\n|[“\"(]\s*)$")
_FUTURE_AFTER_DEADLINE_RE = re.compile(
    r",?\s+(?:(?!(?:that|which|who)\b)[A-Za-z'-]+\s+){0,5}?(?:will|shall|must|should|(?:is|are)\s+to|needs?\s+to)\s"
    r"(?!\s*have\s+(?:been|[a-z]+ed)\b)")
"""After a deadline that opens its sentence, the verb that says it is to come: "By January 10,
every village must have", "Before January 10, each township shall report"."""
_FUTURE_AFTER_NAME_RE = re.compile(r",?\s+(?:the\s+)?(?:[A-Z][A-Za-z'-]*\s+){1,5}(?:will|is to|are to)\s")
"""A name, the subject of "will" after the day: "On January 10, Louxing District will", "and on
January 12, Louxing District will"."""
_FUTURE_AFTER_RE = re.compile(
    rf",?\s+(?:(?:the|a|an|all)\s+)?(?:{_NOT_PAST_NOR_RELATIVE}[A-Za-z][A-Za-z'-]*(?<!ed)\s+){{0,3}}"
    rf"(?!and\b){_NOT_PAST_NOR_RELATIVE}[A-Za-z][A-Za-z'-]*(?<!ed)\s+will\s+(?!(?:was|is|were|are)\b)")
"""Any other subject of "will", after a day that opens its clause: "From May 20, the county
government will", "On May 20, villagers will", "the county and the district will"; not "he
told villagers they will", "Liu Zhigang stressed that we will", "the project broke ground and
will". ("Is to" after a name only: "the key is to implement" states a task.)"""
_DAY_WORDS_RE = re.compile(r"(?i:\b(?:on|from)\s+(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?)$")
"""The words before a day that opens its clause: "On", "From", "On the morning of"."""
_OPENS_RE = re.compile(r"(?:^|[.!?;:,]\s+|\n|\b(?:that|and|then|[Mm]eanwhile)\s+|[“\"(]\s*)"
                       r"(?:(?:[Ss]tarting|[Bb]eginning)\s+)?$")
"""What a day that opens its clause follows: "It is reported that on January 10", "“On
January 10, we will", "Starting from February 1"."""


def _said_to_come(text: str, at: int, end: int) -> bool:
    """Whether the day written at ``at``..``end`` is one the text says is to come: after "will"
    and its verb, or opening a clause whose subject "will" ("On January 10, the county will";
    not "Under the plan approved on December 20, the county will": that day is past)."""
    if _FUTURE_BEFORE_RE.search(text[max(0, at - 60):at]):
        return True
    day_words = _DAY_WORDS_RE.search(text, max(0, at - 40), at)
    if day_words is None:
        return False
    return bool(_FUTURE_AFTER_NAME_RE.match(text, end)) or (
        bool(_OPENS_RE.search(text, max(0, day_words.start() - 40), day_words.start()))
        and bool(_FUTURE_AFTER_RE.match(text, end)))


def _deadline_to_come(text: str, at: int, end: int) -> bool:
    """Whether the deadline written at ``at``..``end`` ("until January 15") is one the text says
    is to come: a verb of the future or of the present before it, or, where "By" or "Before"
    opens the sentence, one after it."""
    if _DEADLINE_TO_COME_RE.search(text[max(0, at - 80):at]):
        return True
    word = text.rfind(" ", 0, at - 1) + 1  # the deadline's word ("By"), which opens the sentence
    return bool(_DEADLINE_OPENS_RE.search(text[max(0, word - 3):word])) and bool(
        _FUTURE_AFTER_DEADLINE_RE.match(text, end))


def _word_before(text: str, at: int) -> str:
    before = text[max(0, at - 12):at].split()
    return before[-1].lower().rstrip(",") if before else ""


def _day_first_is_a_date(text: str, day: re.Match, after: re.Match) -> bool:
    return bool(day["ordinal"] or after["year"]) or _word_before(text, day.start()) in _DATE_WORDS_BEFORE


QUOTED_RE = re.compile(r"[“\"]([^“”\"\n]{2,80}?)[”\"]")


@dataclass(frozen=True)
class Person:
    """A person as the article names them: the name as written, the titles the text gives
    them, and how they take part (presiding, attending, speaking, ...)."""

    name: str
    roles: tuple[str, ...] = ()
    involvement: tuple[str, ...] = ()


@dataclass(frozen=True)
class DateMention:
    date: str  # YYYY-MM-DD or YYYY-MM
    text: str


@dataclass(frozen=True)
class ParsedArticle:
    title: str
    published: date
    event_date: date | None
    source: str | None
    credits: dict[str, list[str]]
    people: list[Person]
    paragraphs: list[str]
    dates: list[DateMention] = field(default_factory=list)
    quoted: list[str] = field(default_factory=list)
    # What the credit line holds that is read neither as credits nor as text: a label the
    # parser does not know, beside known credits or a source ("Producer: Wang Qian", "(Author:
    # Yi Xiaolan)"), for ingest to say.
    unread_credits: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- decoding

_CONTROL_RE = re.compile(f"[{CONTROLS}]")


RECORDED_ENCODINGS = frozenset(["utf-8", "utf-8-sig", "ascii", "gb18030", "gbk", "gb2312", "big5", "cp1252",
                                "iso8859-1"])
"""The encodings an ``encoding:`` line may name, as ``codecs.lookup`` names them: those ingest
finds (``_decode_legacy``), GB18030's subsets, and ASCII, which is read as UTF-8."""
UTF8_NAMES = frozenset(["utf-8", "utf-8-sig", "ascii"])


def decode_source(data: bytes, known: str | None = None, limit: int = MAX_SOURCE_BYTES) -> tuple[str, str]:
    """Decode raw bytes into text with ``\\n`` line endings; return (text, encoding).

    UTF-8 (with or without BOM) first; otherwise a legacy Chinese encoding detected by
    charset-normalizer. ``known``: the encoding found when the file was archived (meta.yml
    records it), used as it is, so that an archived text reads the same whatever the
    detector would guess today. Raises ParseError for what is not text."""
    if not data.strip():
        raise ParseError("empty file")
    if len(data) > limit:
        raise ParseError(f"file is {len(data):,} bytes; the limit for one article is {limit:,}")
    wide = _wide_encoding(data)
    if wide:
        raise ParseError(f"{wide} text, not UTF-8: save the file as UTF-8 (or GB18030)")
    if b"\x00" in data:
        raise ParseError("binary file (contains NUL bytes), not a text article")
    encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    try:
        named = codecs.lookup(known).name if known else None
    except (LookupError, ValueError):  # ValueError: a NUL in the name
        raise ParseError(f"cannot be read as {known}, the encoding its meta.yml records; if the file is "
                         "right, correct or remove the 'encoding:' line") from None
    if named is not None and named not in RECORDED_ENCODINGS:
        # Python reads text in many codecs that no scraped article comes in ('idna', 'rot13',
        # 'unicode_escape', which would turn a backslash and letters into other characters).
        raise ParseError(f"{known!r}, the encoding its meta.yml records, is none that ingest finds (UTF-8, "
                         "GB18030, Big5, CP1252, Latin-1): correct or remove the 'encoding:' line")
    if named is not None and named not in UTF8_NAMES:
        try:
            text, encoding = data.decode(known), known
        except UnicodeError:
            raise ParseError(f"cannot be read as {known}, the encoding its meta.yml records; if the file is "
                             "right, correct or remove the 'encoding:' line") from None
    else:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            # Valid UTF-8 up to an incomplete character at the very end: cut off. (Even after
            # ASCII alone: those last bytes may also read as one GB18030 character, but a
            # Chinese article has its Chinese throughout, not in its last two bytes.)
            if exc.reason == "unexpected end of data":
                raise ParseError("truncated: the file ends in the middle of a UTF-8 character "
                                 "(an incomplete download or copy?); get the whole file again") from None
            text, encoding = _decode_legacy(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = len(_CONTROL_RE.findall(text))  # category Cc, less \n and \t
    if controls > max(2, len(text) // 200):
        if named is not None and named not in UTF8_NAMES:  # (read as UTF-8, it is the file that is wrong)
            raise ParseError(f"read as {known}, the encoding its meta.yml records, it is full of control "
                             "characters: correct or remove the 'encoding:' line")
        raise ParseError("binary file (control characters), not a text article")
    return text, "utf-8" if encoding == "utf-8-sig" else encoding


def _wide_encoding(data: bytes) -> str | None:
    """"UTF-16" or "UTF-32" when the bytes are text in one of them (by BOM, or by the NUL
    bytes that ASCII characters leave in every other byte), else None."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    sample = data[:4096]
    if sample.count(0) < len(sample) // 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if len(sample) >= 8 and max(even, odd) >= 0.9 * (even + odd) and max(even, odd) >= len(sample) // 4:
        return "UTF-16"
    return None


_NON_ASCII_RUN_RE = re.compile(rb"[\x80-\xff]+")


def _looks_mixed(data: bytes) -> bool:
    """Part UTF-8, part another encoding: some runs of non-ASCII bytes are valid UTF-8
    holding three-byte characters (Chinese), others are not valid UTF-8 at all. A run of
    GB18030 Chinese is very rarely valid UTF-8 as a whole, so a few such runs in a long
    GB18030 text do not count."""
    utf8 = other = 0
    for run in _NON_ASCII_RUN_RE.findall(data):
        try:
            decoded = run.decode("utf-8")
        except UnicodeDecodeError:
            other += 1
            continue
        if any(ord(ch) >= 0x800 for ch in decoded):
            utf8 += 1
    return bool(utf8 and other and utf8 * 5 >= utf8 + other)


# A character of Latin-1's upper half in UTF-8, alone between ASCII bytes: "·" (C2 B7), "ü" (C3 BC).
_UTF8_LATIN_RE = re.compile(rb"(?<![\x80-\xff])[\xc2\xc3][\x80-\xbf](?![\x80-\xff])")
# A character of CP1252 alone between ASCII bytes: its punctuation (curly quotes, dashes, "…")
# or a letter ("é"); not a letter before a symbol (0xA0-0xBF), as UTF-8's Â and Ã are.
_CP1252_ALONE_RE = re.compile(rb"(?<![\x80-\xff])[\x80-\x9f\xc0-\xff](?![\x80-\xff])")


def _mostly_ascii(data: bytes) -> bool:
    return sum(len(run) for run in _NON_ASCII_RUN_RE.findall(data)) * 5 < len(data)


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


# An English text whose only non-ASCII bytes are GB2312 pairs (both bytes 0xA1-0xFE) that
# read as Chinese punctuation, full-width forms or ideographs, with at least one mark.
_GB2312_PAIRS_RE = re.compile(rb"(?:[\x00-\x7f]++|[\xa1-\xfe][\xa1-\xfe])*+")
# What GB2312's rows of symbols hold besides punctuation: § ¤ ± ÷, Greek and Cyrillic letters,
# №, Roman numerals (Ⅱ), arrows (→), mathematical signs, numbers in circles (①), box
# drawing, shapes (● ■ ★) and the bracketed ideographs (㈠).
_NOT_GB_MARK_OR_HAN_RE = re.compile(
    "[^\x00-\x7f\u00a4\u00a7\u00a8\u00b0\u00b1\u00b7\u00d7\u00f7\u0391-\u03c9\u0401-\u0451"
    "\u2010-\u2027\u2030-\u2033\u203b\u2103\u2116\u2160-\u217f\u2190-\u21ff\u2200-\u22ff"
    "\u2460-\u24ff\u2500-\u257f\u25a0-\u25ff\u2600-\u26ff\u3000-\u303f\u3220-\u32ff\u4e00-\u9fff\uff00-\uffef]"
)
_GB_MARK_RE = re.compile("[\u00b7\u2014\u2018\u2019\u201c\u201d\u2026\u3000-\u303f\uff00-\uffef]")


def _chinese_marks_in_gb18030(data: bytes) -> bool:
    """Whether ``data`` is an English text with a few Chinese marks in GB18030 (“，。：·（）
    or an ideographic space), which the detector may take for CP1252: "，" is "£¬" there.
    Every non-ASCII byte is one of a GB2312 pair, and the pairs read as Chinese punctuation,
    full-width forms or ideographs, one at least a mark. A CP1252 text does not look so: its
    curly quotes (0x93, 0x94) are below 0xA1, and its accented letters stand alone between
    ASCII ones ("é" then "s" is no pair); pairs such as "éé" alone read as ideographs only."""
    if not (_mostly_ascii(data) and _GB2312_PAIRS_RE.fullmatch(data)):
        return False
    text = data.decode("gb18030")
    return not _NOT_GB_MARK_OR_HAN_RE.search(text) and bool(_GB_MARK_RE.search(text))


def _decode_legacy(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    if _looks_mixed(data):
        raise ParseError("mixed encodings: part of the file is UTF-8 and part is not; save it in one encoding")
    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16", "cp1252", "latin_1"]).best()
    if best is None:
        raise ParseError("cannot detect the text encoding (expected UTF-8 or GB18030)")
    encoding = best.encoding.replace("_", "-")
    if encoding in {"cp1252", "latin-1"} and _chinese_marks_in_gb18030(data):
        # A few marks are too short a sample for the detector: "，" reads "£¬" in CP1252.
        encoding = "gb18030"
    elif encoding in {"gbk", "gb2312"}:
        encoding = "gb18030"  # GB18030 is the superset: decode with it.
    elif encoding == "big5" and _mostly_ascii(data) and _decodes(data, "gb18030"):
        # An English article with a few Chinese marks (“ ” · 、) is too short a sample for
        # the detector, which may take GB18030's quotation marks for Big5's ※ and §. Both
        # read the bytes; the archive is of mainland news, whose encoding is GB18030. (A
        # text mostly in Chinese gives the detector enough to tell the two apart.)
        encoding = "gb18030"
    if encoding in {"cp1252", "latin-1"} and _UTF8_LATIN_RE.search(data) and _CP1252_ALONE_RE.search(data):
        # "7Â·20", "LÃ¼ Wei": a UTF-8 "·" or "ü" (two bytes, the first Â or Ã in CP1252) beside
        # a character of CP1252's own, a byte alone (a quotation mark, "é"), which no real CP1252
        # text writes (a hostile-input review). (Read as CP1252, the page was garbled. A GB18030
        # text whose Chinese is a lone 路 or 毛 (C2 B7, C3 AB) with no Chinese mark, and a GBK
        # character whose second byte is ASCII (昇, 95 4E), is refused too: saved as UTF-8, it is
        # read; the detector took it for CP1252 before, and garbled it.)
        raise ParseError("mixed encodings: some characters are in UTF-8 ('·', 'ü') and others are not; save the "
                         "file as UTF-8")
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        raise ParseError(f"cannot decode the file as {encoding}") from None


# --------------------------------------------------------------------------- parsing

# Control characters (but tab and line ends) and the non-characters U+FFFE/U+FFFF mean
# nothing in an article and are not allowed in XML: the derived text has none. An article's
# text has a space for each (a vertical tab or a form feed stands between two words; a bell
# inside a word splits it: "Li\x07u" reads "Li u"); what editors write drops them.
_UNWANTED_RE = re.compile(f"[{CONTROLS}{NONCHARACTERS}]")
# The controls of the direction of text (embeddings, overrides, isolates): one left open in
# a title turned the date and source printed after it right to left, on every list. An
# article of this archive, in English or Chinese, never needs them; nor the zero-width and
# the other format characters, which made names and titles that look the same differ (chars.py).
# (Those of the BMP in one class, looked up in a table, with all beyond it, which are rare: a
# class of each format character beyond U+FFFF is matched range by range, at twice the cost.)
_DROPPED_RE = re.compile(f"[{BIDI}{ZERO_WIDTH}{FORMAT_BMP}\U00010000-\U0010ffff]")
_DROPPED_ASTRAL_RE = re.compile(f"[{FORMAT_ASTRAL}]")


def _drop(m: re.Match) -> str:
    char = m.group()
    return "" if char < "\U00010000" or _DROPPED_ASTRAL_RE.match(char) else char


def _dropped(text: str) -> str:
    """``text`` without the controls of direction, the zero-width and the format characters."""
    return _DROPPED_RE.sub(_drop, text)


MAX_TITLE = 300
"""The longest title, in characters: a title is printed in every list that holds its article."""
MAX_SUMMARY = 1000
"""The longest summary an editor writes: one or two sentences, for link previews and the feeds."""


def without_controls(text: str) -> str:
    """``text`` less what is not text: control characters (but tab and line ends), the
    non-characters U+FFFE/U+FFFF, the controls of the direction of text, the zero-width
    and the other format characters. For what editors write (meta.yml, the curated lists, article.md): they are
    invisible in an editor's window."""
    if text.isprintable():
        return text
    return _dropped(_UNWANTED_RE.sub("", text))


_HTML_START_RE = re.compile(r"<(?:!doctype\s+html|html[\s>]|head[\s>]|meta\s|body[\s>]|\?xml\s)", re.I)
"""The first line of a page saved from a browser, where a title should be."""
HAN_RE = re.compile(f"[{HAN}]")
_LATIN_RE = re.compile("[A-Za-z]")
"""A translation quotes the odd Chinese name or term; an original has more Chinese characters
than it has Latin letters."""


MAX_AUTHOR_WORDS = 6
"""The most words of the author a date header names ("2022-04-30 0 By Wang Lei"): more, with a
sentence's stop, is the article's text, which a scraper that flattened the lines put on the
header's line ("By Louxing District Rong Media Center reporter Wang Lei" is a byline)."""
_STOP_IN_TEXT_RE = re.compile(r"[.!?。！？](?:\s|$)")
_HEADER_IN_LINE_RE = re.compile(rf"\s(?={_HEADER_DATE}{_HEADER_TIME}\s+[0-9]+\s+By\b)")


def _header_after_title(line: str) -> int | None:
    """Where a date header starts in the title's line ("Louxing held a meeting 2022-04-30 0
    By"), if the line has text before it; None if it has none."""
    ascii_line = line if line.isascii() else line.translate(_HEADER_ASCII)
    m = _HEADER_IN_LINE_RE.search(ascii_line)
    return m.end() if m and line[: m.start()].strip() else None


def parse_article(text: str, *, metadata: bool = True) -> ParsedArticle:
    """Parse one decoded article of the family. Raises ParseError with a reason.

    Without ``metadata`` the people and the event date, which ingest proposes and meta.yml
    then holds, are not looked for (``people`` is empty, ``event_date`` None): the generator
    takes them from meta.yml and needs only the text, its dates and its quotations."""
    if not text.isprintable():  # (line ends are not printable: most texts come this way, and most have nothing)
        text = _dropped(_UNWANTED_RE.sub(" ", text))
    lines = text.split("\n")
    non_empty = [(i, s) for i, line in enumerate(lines) if (s := line.strip())]
    if not non_empty:
        raise ParseError("empty file")
    # Full-width punctuation normalized as in the text ("District：held ...，focusing！"); the
    # source keeps it.
    title = " ".join(normalize_punctuation(non_empty[0][1]).split())
    if _HTML_START_RE.match(title):
        raise ParseError("a web page (HTML) saved from the browser, not the article's text: copy the title, the date "
                         "line and the text from the page into a .txt file")
    if match_header(title):
        raise ParseError("no title: the first line is the date header")
    glued = _header_after_title(non_empty[0][1])
    if len(non_empty) < 2 and not glued:
        raise ParseError("no date header: the line after the title should look like '2022-04-30 0 By', and the "
                         "file has no line after the title")
    header_index, header = non_empty[1] if len(non_empty) > 1 else (None, "")
    match = match_header(header)
    if not match and glued:  # the title and the date header on one line, as a scraper flattened them
        title = " ".join(normalize_punctuation(non_empty[0][1][:glued]).split())
        header_index, header = non_empty[0][0], non_empty[0][1][glued:].strip()
        match = match_header(header)
    if not match:
        raise ParseError(
            f"no date header: the line after the title should look like '2022-04-30 0 By', not {header[:60]!r}"
        )
    published = _to_date(match["date"])
    if published is None:
        raise ParseError(f"the header date {header[match.start('date'):match.end('date')]!r} is not a real date")
    if len(title) > MAX_TITLE:
        raise ParseError(f"the title line is longer than {MAX_TITLE} characters: is the first line really a title?")
    body = "\n".join(lines[header_index + 1 :])
    author = match["author"].strip()
    if len(author.split()) > MAX_AUTHOR_WORDS and _STOP_IN_TEXT_RE.search(author):  # the text, flattened on to it
        body, author = author + "\n" + body, ""
    body = body[: footer_start(body)]
    body = normalize_punctuation(body)
    body, credits, source, unread = split_credits(body)
    if author and not credits.get("reporter") and CREDIT_NAME_RE.fullmatch(author):
        credits["reporter"] = [author]
    paragraphs = rebuild_paragraphs(body)
    if not any(ch.isalnum() for p in paragraphs for ch in p):
        raise ParseError("no article text after the date header")
    flat = " ".join(paragraphs)
    if HAN_RE.search(flat) and len(HAN_RE.findall(flat)) > len(_LATIN_RE.findall(flat)):
        raise ParseError("the text is in Chinese, not an English translation: the archive keeps the articles' English "
                         "translations; archive the translation instead")
    return ParsedArticle(
        title=title,
        published=published,
        event_date=find_event_date(flat, published) if metadata else None,
        source=source,
        credits={role: credits[role] for role in ROLE_ORDER if credits.get(role)},
        people=extract_people(flat) if metadata else [],
        paragraphs=paragraphs,
        dates=find_dates(flat, published),
        quoted=find_quoted(flat),
        unread_credits=unread,
    )


def _to_date(value: str) -> date | None:
    try:
        y, m, d = (int(x) for x in value.split("-"))
        return date(y, m, d)
    except ValueError:
        return None


def footer_start(body: str) -> int:
    """Where blog-footer noise ("Leave a Reply", "Post navigation", ...) starts, or len(body).
    It starts at a line of a blog's navigation, or at a phrase of a reply form standing as a
    sentence of its own ("Leave a Reply", "Comments are closed."; "Comments are closed on the
    list, which ..." is the article's): right below the article's credit line, whatever
    follows (readers' comments too); else where neither the credit line nor more than a few
    of the article's sentences are below it, or fewer of them than above it. A footer's own
    lines are no sentences of the article: its reply form, its navigation, lists of titles
    and dates (no stop at their end). Taken for the footer, a phrase inside the text had cut
    nine tenths of it away; everything is read once (a file may hold thousands of phrases)."""
    glued = _footer_after_credits(body)
    if glued is not None:
        return glued
    phrases = [m.start() for m in FOOTER_RE.finditer(body) if _phrase_stands_alone(body, m)]
    lines, offset, notices = [], 0, []
    for line in body.split("\n"):
        head = line.lstrip()
        if (head[:24].lower().startswith(FOOTER_LINE_STARTS) and _navigation_line(line.strip())
                or _COMMENTS_HEADING_RE.match(head)):
            lines.append(offset)
        elif head[:24].lower().startswith(FOOTER_NOTICE_STARTS):
            notices.append(offset)
        offset += len(line) + 1
    # A site's notice right below the credit line; elsewhere, the article's ("© Photo by …"
    # under a picture). (The first three only: the credit line looked for above each of
    # thousands took minutes.)
    notice = next((at for at in notices[:3] if _credits_at_end(body[:at]) is not None), len(body))
    if notice == len(body) and notices and _RIGHTS_LINE_RE.match(last := body[notices[-1]:].strip()) \
            and "\n" not in last:
        notice = notices[-1]  # the text's last line, a site's copyright ("Copyright © 2023 …", no credit line above)
    return min(notice, _footer_of(body, phrases, lines))


_RIGHTS_LINE_RE = re.compile(r"(?i:copyright\s*(?:©|\(c\))|©.*(?:copyright|rights reserved))|版权所有", re.IGNORECASE)
"""A site's copyright: "Copyright © 2023 …", "© 2023 Louxing News. All rights reserved."; not
"© Photo by Li Yi" under a picture, nor "All rights reserved for the collectives will be
confirmed", a sentence (a review)."""


def _footer_of(body: str, phrases: list[int], lines: list[int]) -> int:
    """``footer_start`` of the footer's ``phrases`` and ``lines`` found in ``body``."""
    if not phrases and not lines:
        return len(body)
    credits = _credits_at_end(body)
    # The words of the article's sentences from each of them on (read once: a file may hold
    # thousands of the phrases).
    sentences = [(at, len(sentence.split())) for at, sentence in _sentences_outside_footers(body, set(lines))]
    words_from = list(itertools.accumulate(reversed([n for _, n in sentences])))[::-1] + [0]
    starts = [at for at, _ in sentences]
    candidates = sorted(phrases + lines)
    first = candidates[0]
    if (credits is None or credits < first) and _credits_at_end(body[:first]) is not None:
        return first  # the article's credit line, then the footer
    for start in candidates:
        if credits is not None and credits >= start:
            continue  # the credit line is below: the article goes on
        i = bisect.bisect_left(starts, start)
        if words_from[i] <= MAX_SENTENCE_WORDS_IN_FOOTER or words_from[i] < words_from[0] - words_from[i]:
            return start
    return len(body)


def _footer_after_credits(body: str) -> int | None:
    """Where a footer starts that follows the credit line on its own line ("… Editor: Xiao Hui
    Source: Louxing Rong Media Center Leave a Reply …"): its source had been read as
    "Louxing Rong Media Center Leave a Reply Your email address will not be published", an
    organization of the archive. Looked for near the text's end only, in a window of each
    phrase's own (linear)."""
    lo = max(0, len(body) - GLUED_FOOTER_WINDOW)
    for m in _GLUED_FOOTER_RE.finditer(body, lo):
        line_start = body.rfind("\n", 0, m.start()) + 1
        if not body[line_start:m.start()].strip():
            continue  # a line of its own: the rules of footer_start
        # A credit line that ends right where the phrase starts, on its line.
        if _credits_at_end(body[max(line_start, m.start() - 600):m.start()], above=False) is not None:
            return m.start()
    return None


def _credits_at_end(text: str, above: bool = True) -> int | None:
    """Where the credit line that ends ``text`` starts, if it credits someone or a source
    (``above``: or a credit line above a few of the article's sentences, ``_credit_line_above``)."""
    text = text.rstrip()
    start = _credit_start(text) if above else _tail_credit_start(text)
    if start is None:
        return None
    found, source, _, _ = parse_credit_block(text[start:])
    return start if found or source is not None else None


_STOP_CHARS = ".!?。！？\n"


def _phrase_stands_alone(body: str, m: re.Match) -> bool:
    """Whether the sentence of a footer phrase is the footer's ("Leave a Reply Cancel reply",
    "Comments are closed."), not the article's ("Comments are closed on the list, which takes
    effect on May 6."): a few words besides the phrases. (A window of 200 characters: linear.)"""
    lo = max(0, m.start() - 200)
    before = body[lo:m.start()]
    before = before[max(before.rfind(c) for c in _STOP_CHARS) + 1:]  # (all of it where no stop is)
    after = body[m.end():m.end() + 200]
    ends = [i for i in (after.find(c) for c in _STOP_CHARS) if i >= 0]
    after = after[:min(ends)] if ends else after
    rest = FOOTER_RE.sub(" ", after)
    return len(before.split()) + len(rest.split()) <= 3


MAX_SENTENCE_WORDS_IN_FOOTER = 30
"""The most words of sentences (no phrase of a reply form in them) below a footer's start: a
copyright line, "Proudly powered by WordPress." More is the article going on."""
_SENTENCE_RE = re.compile(r"(?:^|(?<=[.!?。！？]))[^\n.!?。！？]*[.!?。！？]+")


def _sentences_outside_footers(body: str, navigation: set[int]) -> Iterator[tuple[int, str]]:
    """(offset, text) of each sentence of ``body`` (ended by a stop) that holds no phrase of a
    reply form and is on no line of a blog's navigation (at the offsets ``navigation``)."""
    offset = 0
    for line in body.split("\n"):
        if offset not in navigation:
            for m in _SENTENCE_RE.finditer(line):
                if not FOOTER_RE.search(m.group()):
                    yield offset + m.start(), m.group()
        offset += len(line) + 1


MAX_NAVIGATION_WORDS = 8
"""The most words of a blog's line below an article ("Related articles", "Posted in News")."""
_SENTENCE_END = (".", "!", "?", "。", "！", "？")


def _short_line(line: str) -> bool:
    """Whether ``line`` is a few words that end no sentence, as a blog's own lines are."""
    return len(line.split()) <= MAX_NAVIGATION_WORDS and not line.endswith(_SENTENCE_END)


def _navigation_line(line: str) -> bool:
    """Whether ``line``, which starts with a navigation phrase, is a blog's navigation: the
    phrase as a label ("Previous post: <a title of any length>", "Share this:"), or a short
    line ("Related articles"). "Related articles of the Work Safety Law were explained to the
    workers." is the article's own sentence: it cut off the text and the credits below it."""
    lower = line.lower()
    phrase = next(p for p in FOOTER_LINE_STARTS if lower.startswith(p))
    return phrase.endswith(":") or line[len(phrase):].lstrip().startswith((":", "：")) or _short_line(line)


_SPACES_RE = re.compile(" {2,}")
_SPACE_BEFORE_CLOSER_RE = re.compile(r"([,.;:!?]) (?=[”’)\]])")
# The space a full-width bracket left before a stop or a comma ("（河南省），" -> "(Henan) ,"),
# and none after an ellipsis that ends a sentence ("attended……At the meeting").
_SPACE_AFTER_CLOSER_RE = re.compile(r"(?<=[)\]]) (?=[,.;:!?](?:\s|$))")
_ELLIPSIS_GLUED_RE = re.compile(r"…(?=[“\"(]?[A-Z])")
# A comma with no space after it before a word ("On February 11,Liu Zhigang,deputy secretary"):
# the people of the sentence were not found. Not between figures ("1,000").
_COMMA_GLUED_RE = re.compile(r",(?=[A-Za-z])")
_OPEN_QUOTE_GLUED_RE = re.compile(r"“(?<=[A-Za-z0-9,.;:!?]“)")
_CLOSE_QUOTE_GLUED_RE = re.compile(r"”(?=[A-Za-z0-9])")


def normalize_punctuation(text: str) -> str:
    """Full-width punctuation to its ASCII form (reading edition only); quotation marks,
    commas and an ellipsis glued to words ("the“three lists”of", "11,Liu", "attended…At")
    get their spaces."""
    if _FULL_WIDTH_SEARCH_RE.search(text):
        text = _FULL_WIDTH_RE.sub(lambda m: FULL_WIDTH[m.group()], text).translate(_FULL_WIDTH_ASCII)
        text = _SPACE_BEFORE_CLOSER_RE.sub(r"\1", text)
        text = _SPACE_AFTER_CLOSER_RE.sub("", text)
    if "…" in text:
        text = _ELLIPSIS_GLUED_RE.sub("… ", text)
    if "," in text:
        text = _COMMA_GLUED_RE.sub(", ", text)
    if "“" in text:
        text = _OPEN_QUOTE_GLUED_RE.sub(" “", text)
    if "”" in text:
        text = _CLOSE_QUOTE_GLUED_RE.sub("” ", text)
    if "\t" in text:
        text = text.replace("\t", " ")
    if "  " in text:
        text = _SPACES_RE.sub(" ", text)
    return text


def _raw_paragraphs(body: str) -> list[str]:
    paragraphs = []
    for line in body.split("\n"):
        line = line.strip()
        if line:
            # Collapse runs of spaces and odd whitespace; most lines need nothing.
            paragraphs.append(" ".join(line.split()) if "  " in line or not line.isprintable() else line)
    return paragraphs


# --------------------------------------------------------------------------- credits


def split_credits(body: str) -> tuple[str, dict[str, list[str]], str | None, list[str]]:
    """Remove the credit line(s) from the end of the body; return (body, credits, source,
    what was left unread: see ``parse_credit_block``). The article's own sentences found
    below a credit line stay in the body, after the text above it."""
    credits: dict[str, list[str]] = {}
    source = None
    unread: list[str] = []
    below: list[str] = []
    text = body.rstrip()
    for _ in range(MAX_CREDIT_BLOCKS):
        start = _credit_start(text)
        if start is None:
            break
        found, found_source, skipped, sentences = parse_credit_block(text[start:])
        if not found and found_source is None and (after := _labels_after_a_parenthesis(text, start)) is not None:
            start = after  # the parenthesis is the text's ("(Xinhua)", "(safety first)"), the labels after it read
            found, found_source, skipped, sentences = parse_credit_block(text[start:])
        if not found and found_source is None:
            break
        unread[:0] = skipped
        below[:0] = sentences
        for role, names in found.items():
            credits.setdefault(role, [])
            credits[role] = names + [n for n in credits[role] if n not in names]
        source = source or found_source
        text = text[:start].rstrip()
    return "\n".join([text, *below]) if below else text, credits, source, unread


def _labels_after_a_parenthesis(text: str, start: int) -> int | None:
    """Where known labels start right after a parenthesis at ``start`` that is no credit, on
    its line ("(Xinhua) Editor: Xiao Hui", "(Changsha 10:23) Editor: …": the credit line was
    left in the text)."""
    close = text.find(")", start)
    if not text.startswith("(", start) or close < 0 or "\n" in text[start:close]:
        return None
    after = close + 1
    while after < len(text) and text[after] in " \t":
        after += 1
    end = text.find("\n", after)
    labels = _find_labels(text[after : end if end >= 0 else len(text)])
    return after if labels and labels[0][0] == 0 else None


def _find_labels(block: str) -> list[tuple[int, int, str]]:
    """Credit labels in ``block``: (start, end after the colon, role), in order."""
    labels = []
    qualified = None  # whether the block has a word that may qualify a label
    for colon in _COLON_RE.finditer(block):
        at = colon.start()
        window_start = max(0, at - 24)
        m = _LABEL_BEFORE_RE.search(block, window_start, at)
        if not m:
            continue
        start = m.start()
        if start > 0 and block[start - 1].isalnum():
            continue
        if qualified is None:
            qualified = _QUALIFIER_SEARCH_RE.search(block) is not None
        after_source = bool(labels) and labels[-1][2] == "source"
        while qualified and start > 1 and block[start - 1] in " \t":  # "Executive Editor:"
            word = max(block.rfind(" ", 0, start - 1), block.rfind("\t", 0, start - 1), block.rfind("\n", 0, start - 1))
            qualifier = block[word + 1 : start - 1]
            if qualifier not in LABEL_QUALIFIERS or after_source and qualifier in SOURCE_ENDINGS:
                break
            start = word + 1
        role = CREDIT_LABELS[int(m.lastgroup[1:])][1]
        if role == "editor_in_chief" and block[start : m.start()].split()[:1] in (["Deputy"], ["Associate"],
                                                                                 ["Assistant"]):
            role = "editor"  # "Deputy Chief Editor" (副总编辑) is not the editor in chief
        labels.append((start, colon.end(), role))
    return labels


MAX_TEXT_BELOW_CREDITS = 1200
"""The most characters of the article's own sentences below its credit line: a few sentences."""


def _credit_start(text: str) -> int | None:
    """Where the credit block at the end of ``text`` starts, if there is one: at its end, or
    on a line above a few of the article's sentences (``_credit_line_above``)."""
    start = _tail_credit_start(text)
    return start if start is not None else _credit_line_above(text)


def _credit_line_above(text: str) -> int | None:
    """Where a credit line starts that has lines below it ending in a sentence of the article
    ("(Li Yi) Editor: Xu Jing" then "The meeting also decided ... . All towns must ...": the
    last sentence is the text's end, not a credit, so ``_tail_credit_start`` finds none). Its
    labels must credit people by their names only: "Reporter: How will the county act?" (an
    interview) is the article's."""
    end = text.rfind("\n")
    while end > 0 and len(text) - end <= MAX_TEXT_BELOW_CREDITS:
        line_start = text.rfind("\n", 0, end) + 1
        if ":" in text[line_start:end] and (start := _tail_credit_start(text[:end])) is not None:
            credits, _, _, _ = parse_credit_block(text[start:end])
            if credits and all(CREDIT_NAME_RE.fullmatch(n) for names in credits.values() for n in names):
                return start
        end = line_start - 1
    return None


# A stop inside an address or a name ends no sentence ("Source: www.louxing.gov.cn", "Hunan
# Daily Co., Ltd", "No.1 Middle School", "3.5"): the credit line was looked for after it, and
# every credit was lost (``_stop_in_a_word``). A stop before a small letter is in a word unless
# the word runs into a label's colon: a label glued to the text's last sentence ("level.audit:
# Huang Miao") starts the credit line. Before a capital, it ends a sentence glued to the next
# ("year.Liu", "gov.cn.Source:"), but in an address or a company's name in capitals
# ("WWW.LOUXING.GOV.CN", "Co.Ltd"). (A few characters around each stop are read, no more: an
# address pattern run over the whole word took seconds on a long one.) ``_ADDRESS_RE``: an
# address or an email after a credit's names, said rather than read as names.
_ADDRESS_RE = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.[a-z]{2,}|\S+\.(?:com|cn|net|org|gov|edu|io|hk|tw|html?|shtml|"
                         r"php|aspx?)(?![\w-])", re.IGNORECASE)
_WORD_AFTER_A_STOP = 60
"""How far a word after a stop is read for a colon."""
_WORD_AFTER_A_STOP_RE = re.compile(r"[A-Za-z]{1,6}(?![A-Za-z])")
_ADDRESS_ENDINGS = frozenset("com cn net org gov edu io hk tw ltd inc".split())


def _stop_in_a_word(text: str, end: int) -> bool:
    """Whether the stop that ends at ``end`` is inside a word: a comma or a figure after it,
    or a small letter and then no colon before the word's end."""
    after = text[end : end + 1]
    if after in (",", "，") or after.isdigit():
        return True
    if after.isupper():  # an address or a company's name in capitals ("WWW.LOUXING.GOV.CN", "Rednet.Cn", "Co.Ltd")
        if _label_follows(text, end):  # "at www.louxing.gov.cn.Editor: Xiao Hui"
            return False
        back = max(0, end - _WORD_AFTER_A_STOP)
        word_start = max(text.rfind(" ", back, end), text.rfind("\n", back, end), back - 1) + 1
        before = text[word_start:end].lower()
        following = _WORD_AFTER_A_STOP_RE.match(text, end)
        return (before.startswith(("www.", "http")) or "@" in before
                or (following is not None and following[0].lower() in _ADDRESS_ENDINGS))
    if not after.islower():
        return False
    return not _label_follows(text, end)


def _label_follows(text: str, end: int) -> bool:
    """Whether the word from ``end`` runs into a colon as a credit's label does ("audit:",
    "Editor:"; not the port of "WWW.LOUXING.GOV.CN:8080")."""
    for at in range(end, min(len(text), end + _WORD_AFTER_A_STOP)):
        char = text[at]
        if char.isspace():
            return False
        if char in ":：":
            return bool(_LABEL_BEFORE_RE.search(text, end, at) or _UNKNOWN_LABEL_WORD_RE.fullmatch(text, end, at))
    return False


# A label the parser does not know, of a newsroom's credits, and a name, before the known labels
# on their line ("Author: Li Yi Editor in Chief: …"): the credit line starts with it (it was no
# credit line, and stayed in the text), and it is said, not read. Not any words with a colon: a
# subheading ("Next Step: Key Tasks Ahead") is the article's.
# (The words of one word, which also end a sentence glued to them, ``_label_follows``; then
# the others that start a credit line.)
_NEWSROOM_LABEL_WORDS = (r"Authors?|Writers?|Producers?|Production|Proofread(?:ing|ers?)?|Photographers?|Design(?:ers?)?|"
                         r"Editing|Copywriting|Dubbing|Translators?|Interns?")
_UNKNOWN_LABEL_WORD_RE = re.compile(f"(?i:{_NEWSROOM_LABEL_WORDS})")
_UNKNOWN_LABEL_FIRST_RE = re.compile(
    rf"(?i:{_NEWSROOM_LABEL_WORDS}|Written by|Executive\s+Producers?|Produced by|Proofread(?:ing|ers?)?(?:\s*by)?|"
    r"Camera(?:man|men)?|Typesetting|Layout|Design(?:ers?|ed by)?|Posters?|Copywrit(?:ing|ers?)|"
    r"Narrat(?:ion|ors?)|Voice|Translat(?:or|ors|ed by|ion)|Planners?|Planning|Coordinators?|"
    r"Compil(?:er|ers|ed by)|Contributors?)[ \t]*[:：][ \t]*(?:[A-Z][A-Za-z'-]*[ \t]*){1,4}")


_NAME_LIST_SPLIT_RE = re.compile(r"[,，、;；/&]|\band\b")


def _plain_letters(word: str) -> str:
    return word.lower().replace("'", "").replace("’", "").replace("-", "").replace("ü", "v")


_VALUE_WORD_RE = re.compile(r"[A-Za-z\u00c0-\u024f'’-]+")
_SMALL_WORDS = frozenset("of and the for de".split())


def _names_only_line(text: str, labels: list[tuple[int, int, str]]) -> bool:
    """Whether the labels of ``text`` from the first on its line give names only (or a source's
    name): a line of credits, not of the article ("Source: the district statistics bureau,
    output rose", "Reporter: What are the plans", "Text: Louxing District Work Safety
    Responsibility List" were taken for credits)."""
    end = text.find("\n", labels[0][0])
    end = len(text) if end < 0 else end
    on_line = [label for label in labels if label[0] < end]
    for i, (_, value_from, role) in enumerate(on_line):
        value = text[value_from : on_line[i + 1][0] if i + 1 < len(on_line) else end].strip()
        if "?" in value or "？" in value:
            return False
        words = _VALUE_WORD_RE.findall(_without_trailing_figures(value)[0])
        if role == "source":  # a body's name: capitalised words, "of" and "and" aside
            if not words or len(words) > 12 or any(w[0].islower() and w not in _SMALL_WORDS for w in words):
                return False
        # names: capitalised words, of pinyin or of names of three words at most between the
        # separators ("Huang Miao Zeng Zhenhua", "John Smith, Wong Kar"; not "Louxing District
        # Work Safety Responsibility List")
        elif not words or any(w[0].islower() and w != "and" for w in words) or not (
                all(_PINYIN_GIVEN_NAME_RE.fullmatch(_plain_letters(w)) for w in words if w != "and")
                or all(len(_VALUE_WORD_RE.findall(group)) <= 3 for group in _NAME_LIST_SPLIT_RE.split(value))):
            return False
    return True


def _tail_credit_start(text: str) -> int | None:
    """Where the credit block that ends ``text`` starts, if there is one: after the last
    sentence, a stop inside a word aside; or, if that finds none, after the last stop."""
    region = max(0, len(text) - 600)
    tail_from = last_stop = region
    for m in SENTENCE_END_RE.finditer(text, region):
        if m.end() < len(text):
            last_stop = m.end()
            if not _stop_in_a_word(text, m.end()):
                tail_from = m.end()
    found = _credit_tail(text, tail_from)
    return found if found is not None or last_stop == tail_from else _credit_tail(text, last_stop)


def _credit_tail(text: str, tail_from: int) -> int | None:
    """Where the credit block starts in ``text`` from ``tail_from``, if it is one."""
    # A sentence end inside a parenthesised credit such as "(Li Yi.)" is not one.
    tail = text[tail_from:]
    if len(tail) > 500 or not tail.strip():
        return None
    stripped = tail.lstrip()
    offset = tail_from + (len(tail) - len(stripped))
    if stripped.startswith("("):
        return offset
    labels = _find_labels(stripped)
    if labels and (labels[0][0] == 0 or _UNKNOWN_LABEL_FIRST_RE.fullmatch(stripped[: labels[0][0]].strip())):
        return offset
    # Known labels that start a line below a line of the text with no stop (a subheading,
    # "Next Step: Key Tasks Ahead", or a caption): the credit line is that line.
    line = stripped.rfind("\n", 0, labels[0][0]) if labels else -1
    if line >= 0 and not stripped[line + 1 : labels[0][0]].strip() and _names_only_line(stripped, labels):
        return offset + line + 1
    # The credit may follow the last sentence on the same line without punctuation.
    if labels and stripped[: labels[0][0]].strip().endswith(")"):
        paren = stripped.rfind("(", 0, labels[0][0])
        if paren >= 0:
            return offset + paren
    return None


# "(Reporter Zhao Yang, correspondent Liu Hui)", or without the comma: split before a role too,
# and before one with its colon ("(Correspondent: Tan Xiaoyu Reporter: Peng Hui)"), before the
# words the parenthesis reads as the reporter's, capitalised ("(Reporter Li Yi Photo Wang Lei)"),
# before an intern, whom no role credits ("(Reporter Li Yi Intern Wang Lei)": said, not read),
# and before any label with its colon ("(Reporter Li Yi Executive Producer: Peng Li)": said).
# A label may be of two words ("All-media Reporter:", "Page Editor:"); but the first may be a
# name's last ("Lei" of "(Reporter Li Yi Wang Lei Photo: Chen Hao)", which read as one label
# lost every name of the line): ``_paren_parts`` gives it back to the names when they are
# left a word short of whole names without it.
# (From a run of spaces' first only: from each, 20,000 spaces took 3 s.)
_PAREN_COMMAS_RE = re.compile(r"[,，;；]")
_PAREN_PARTS_RE = re.compile(rf"([,，;；]|(?<!\s)\s+(?=(?:[Rr]eporters?|[Cc]orrespondents?|[Ii]nterns?|{_PHOTO})[\s:：]"
                             r"|(?:[A-Z][A-Za-z-]*\s+)?[A-Z][A-Za-z-]*\s*[:：]))")
# A part so split that is a word or two of no name: the qualifier of the role after it ("Our",
# "All-media", "Intern" of "Intern reporter Wang Lei", "Text and" of "Text and Photo: Li Na").
_PAREN_QUALIFIER_RE = re.compile(r"\S+(?:\s+\S+)?")
# The reporters' own media center before their roles in a parenthesis, their source: "(Xinhua
# County Rong Media Center reporter Xie Ting correspondent Fang Yu)" was read as no credit line.
# (Or another outlet's: "(Hunan Daily reporter Li Yi)"; and "(Rong Media reporter Li Yi)", 融媒,
# credited a reporter "Rong Media", Rong being a surname, and "(Louxing Rong Media reporter Li
# Yi)" was no credit line.)
# (Its words are no role's nor "Our": "(Reporter Li Yi Hunan Daily reporter Wang Lei)" made a
# source "Reporter Li Yi Hunan Daily", and lost Li Yi; a review.)
_OUTLET_WORDS = r"Media(?:\s+Cent(?:er|re))?|Daily|News|Newspaper|Radio|Television|TV|Station|Press|Agency|Network"
"""The last word of an outlet's name ("Hunan Daily", "Xinhua News Agency", "… Rong Media Center")."""
_PAREN_OUTLET_RE = re.compile(rf"\s*(?P<source>(?:(?!(?:{_LABEL_WORD}|(?i:our)(?![A-Za-z])))[A-Z][A-Za-z-]*\s+){{1,6}}"
                              rf"(?:{_OUTLET_WORDS}))\s+(?=(?:[Rr]eporters?|[Cc]orrespondents?)[\s:：])")
# A parenthesis that holds an outlet's name only: "(Louxing Rong Media Center) Editor: …"
# credited reporters "Louxing Rong" and "Media Center", "(Hunan Daily)" a reporter "Hunan Daily".
_PAREN_OUTLET_ONLY_RE = re.compile(r"\s*(?P<source>(?:(?!(?i:reporters?|correspondents?|editors?|photos?|text|our)\b)"
                                   rf"[A-Z][A-Za-z-]*\s+){{0,6}}(?:{_OUTLET_WORDS}))\s*")
_OUTLET_WORD_RE = re.compile(_OUTLET_WORDS)
_OUTLET_DESCRIPTORS = frozenset("Rong Morning Evening Weekly Metropolis Legal Economic Business".split())
"""Words before an outlet's noun that no place's name is ("Xiao Xiang Morning News")."""
# A source labelled at a parenthesis's end, after its names: split off as a label, it was no name.
_PAREN_SOURCE_RE = re.compile(r"(?:^|(?<!\s)\s+|[,，;；]\s*)Source\s*[:：]\s*(?P<source>[^:：]+?)\s*$")
# The reporter's outlet after the names, a comma between: "(Li Yi, Hunan Daily)" credited a
# reporter "Hunan Daily". It is the source, as a media center before the roles is.
_PAREN_OUTLET_AFTER_RE = re.compile(
    rf"[,，]\s*(?P<source>(?:[A-Z][A-Za-z-]*\s+){{0,5}}(?:{_OUTLET_WORDS}|Times|Post)|[A-Z]{{2,6}})\s*$")
# A label the parser does not know, then names, in a parenthesis: "Author: Yi Xiaolan",
# "Executive Producer: Peng Li", "Written by Yi Xiaolan", "Intern Li Na" (a label's word).
_PAREN_LABEL_NOT_KNOWN_RE = re.compile(
    rf"(?:[A-Za-z-]+\s+){{0,2}}?(?:[A-Za-z-]+\s*[:：]|[A-Za-z-]+\s+by|{_LABEL_WORD})\s*(?P<names>[^:：]+)"
)
# A label's words in brackets after a name, which qualify the role: "Editor: Wang Fang (intern)"
# (before, an editor "Wang Fang intern"; then none, and Wang Fang said as no name).
_LABEL_WORDS_PAREN_RE = re.compile(rf"\s*[(（]\s*{_LABEL_WORD}(?:[\s-]+{_LABEL_WORD})*\s*[)）]")
_NAME_GROUPS_RE = re.compile(r"\s*(?:[,，、;；/&\n]|\band\b)\s*")


_TWO_WORD_LABEL_RE = re.compile(rf"(?P<first>(?!{_LABEL_WORD})[A-Z][A-Za-z-]*)\s+{_LABEL_WORD}\s*[:：]")


def _paren_parts(inner: str) -> list[str]:
    """``inner``, a parenthesis of credits, split at commas and before its roles; a word or two
    before a role, which are no name, are kept with it: "(Our reporter Li Yi Intern Wang Lei)"
    is "Our reporter Li Yi" and "Intern Wang Lei", "(Reporter Li Yi Intern reporter Wang Lei)"
    "Reporter Li Yi" and "Intern reporter Wang Lei" (an intern reporter is a reporter). Split
    there, "Our" or a bare "Intern" was read as no name, and the whole parenthesis as none."""
    pieces = _PAREN_PARTS_RE.split(inner)
    parts: list[str] = []
    carried = ""
    for i in range(0, len(pieces), 2):
        part = carried + pieces[i]
        carried = ""
        if parts and not pieces[i - 1].strip() and (two := _TWO_WORD_LABEL_RE.match(part)):
            # "Reporter Li Yi Wang" + "Lei Photo: Chen Hao": names are two words each (a surname,
            # a given name), and an odd one left means "Lei" ends a name. "Reporter Li Yi" +
            # "Page Editor: …", "All-media Reporter: …": whole names before, the word is the label's.
            role = _PAREN_ROLE_RE.match(parts[-1].strip())
            # (the words of the last name, after "and", "&", "/" or "、": "Li Yi and Wang")
            last = [g for g in _NAME_GROUPS_RE.split(role["names"]) if g.strip()]
            if last and len(last[-1].split()) % 2 == 1:
                parts[-1] += " " + two["first"]
                part = part[two.end("first") :].lstrip()
        sep = pieces[i + 1] if i + 1 < len(pieces) else None
        if sep is not None and not sep.strip() and _PAREN_QUALIFIER_RE.fullmatch(part.strip()):
            names = split_names(part)
            if not (_only_names(names) and all(name.split()[0] in SURNAMES for name in names)):
                carried = part + sep
                continue
        parts.append(part)
    return parts + [carried] if carried else parts


def _only_names(names: list[str]) -> bool:
    """Whether ``names`` (of a credit) are some, and each a person's name ("Li Yi")."""
    return bool(names) and all(CREDIT_NAME_RE.fullmatch(n) for n in names)


def _paren_credits(parts: list[str], split_at_roles: bool = False) -> tuple[dict[str, list[str]], list[str]] | None:
    """The credits of a parenthesis split into ``parts`` (role and names each), and its parts
    that are a label not known with names ("Author: Yi Xiaolan", for ingest to say); or None
    if a part is neither. (An empty part, between a comma and a role, is none.) Split before
    its roles too, a part without a role must be names with known surnames: the words that
    qualify a role ("All-media reporter", "Our newspaper reporter") look like one."""
    credits: dict[str, list[str]] = {}
    unread: list[str] = []
    role = "reporter"
    for part in [part for part in parts if part.strip()] or [""]:
        m = _PAREN_ROLE_RE.match(part.strip())
        label = None if m["role"] else _PAREN_LABEL_NOT_KNOWN_RE.fullmatch(part.strip())
        if label and _only_names(split_names(label["names"])):  # no role, and not a name's: the label's
            unread.append(" ".join(part.split()))
            continue
        if m["role"]:  # names without a role have the role before them: "correspondent Chen Jing, Zhou Min"
            role = "correspondent" if m["role"].lower().startswith("correspondent") else "reporter"
        names = split_names(m["names"])
        if not _only_names(names):
            return None
        if split_at_roles and not m["role"] and any(name.split()[0] not in SURNAMES for name in names):
            return None
        credits.setdefault(role, []).extend(names)
    return credits, unread


_HAN_OR_LETTER_RE = re.compile(r"[^\W_]")


def _footer(text: str) -> bool:
    """Whether the lines of ``text`` below a credit line are a blog's ("Related", "Posted in
    News", "0 Comments", "Tags: safety"): each of a few words, none ending a sentence. "The
    meeting closed." is the article's own last sentence."""
    return all(_short_line(line) for line in (line.strip() for line in text.split("\n")) if line)


# A blog's own labels below an article, whose values look like names ("Tags: Work Safety").
_BLOG_LABELS = frozenset(["tags", "tag", "tagged", "categories", "category", "filed under", "posted in", "share",
                          "share this", "views", "post views", "comments", "related"])


def _credits_not_read(text: str) -> list[str]:
    """The lines of ``text`` that read as a credit of a label not known ("Producer: Peng Li",
    "责任编辑：王倩"): a label, then names or Chinese."""
    found = []
    for line in (line.strip() for line in text.split("\n")):
        label, colon, value = line.partition(":") if ":" in line else line.partition("：")
        if not colon or not label.strip() or len(label.split()) > 4 or label.strip().lower() in _BLOG_LABELS:
            continue
        if HAN_RE.search(value) or _only_names(split_names(value)):
            found.append(" ".join(line.split()))
    return found


def _sentences_below(text: str, said: list[str]) -> list[str]:
    """The lines of ``text``, below a credit line, that are the article's own ("The meeting
    also decided to hold a follow-up session in May."): up to its last sentence, a short line
    too ("Next steps", between two sentences); not a blog's short lines after it, nor the
    credits not known that are ``said``."""
    lines = [line for line in (line.strip() for line in text.split("\n")) if line and " ".join(line.split()) not in said]
    last = max((i for i, line in enumerate(lines) if not _short_line(line)), default=-1)
    return lines[: last + 1]


# A capitalised word before a colon, after a label's value: a label the parser does not know,
# which ends the value ("Editor: Xiao Hui Proofreader: Peng Li" names no "Xiao Hui Proofreader"),
# also as "X by:" ("Editor: Xiao Hui Produced by: Li Yi" named an editor "Produced by").
_LABEL_NOT_KNOWN_RE = re.compile(rf"\s(?:{_LABEL_QUALIFIER}\s+)*[A-Z][A-Za-z-]*(?:\s+by)?\s?:")
# After a source, whose name a qualifier may end ("Source: Changsha Evening News Producer: …").
_LABEL_NOT_KNOWN_AFTER_SOURCE_RE = re.compile(
    r"\s(?:(?:" + "|".join(sorted(LABEL_QUALIFIERS - SOURCE_ENDINGS)) + r")\s+)*[A-Z][A-Za-z-]*(?:\s+by)?\s?:")


_PAREN_LINE_RE = re.compile(r"\s*\(([^()\n]*)\)\s*")
_SOURCE_PAREN_RE = re.compile(r"(?P<source>[^()]*?)\s*\((?P<inner>[^()\n]*)\)")
_NAME_SEPARATORS_RE = re.compile(r"[\s,，、;；]+")


def _names_before_an_outlet(words: list[str]) -> tuple[list[str], list[str]]:
    """The names of people that start ``words`` (an outlet's name after them, as in "Li Yi Wang
    Qian Hunan Daily"), and the outlet's words: a name is a surname and a given name in pinyin
    with at least two of the outlet's words after it, the first neither "Rong" nor an outlet's
    noun: not "Shao Yang Daily", "Lian Yuan Rong Media Center", "Xin Hua News Agency"."""
    names = []
    while (len(words) > 3 and _surnamed(" ".join(words[:2])) and _PINYIN_GIVEN_NAME_RE.fullmatch(words[1].lower())
           and words[2] not in _OUTLET_DESCRIPTORS and not _OUTLET_WORD_RE.fullmatch(words[2])):
        names.append(" ".join(words[:2]))
        words = words[2:]
    return names, words


def _surnamed_names(text: str) -> list[str] | None:
    """The names ``text`` is made of, each starting with a known surname ("Li Yi, Wang
    Qian"), or None if it holds anything else: below a credit line, "(The End)", "(Hunan
    Daily)" or "(Responsible Editor)" are no reporters."""
    names = split_names(text)
    if not names or any(name.split()[0] not in SURNAMES for name in names):
        return None
    return names if "".join(names).replace(" ", "").lower() == _NAME_SEPARATORS_RE.sub("", text).lower() else None


def parse_credit_block(block: str) -> tuple[dict[str, list[str]], str | None, list[str], list[str]]:
    """The credits and the source of a credit line, what of it is read as neither (a label
    not known, in the parenthesis of names, between it and the known labels or on a line of
    its own below them, "Producer: Peng Li", for ingest to say), and the article's sentences
    below it (which were lost)."""
    credits: dict[str, list[str]] = {}
    source = None
    block = block.strip()
    ends_line = False
    paren_unread: list[str] = []  # "(Author: Yi Xiaolan)": a label not known in the parenthesis
    if block.startswith("("):
        close = block.find(")")
        if close < 0:
            return {}, None, [], []
        inner, block = block[1:close], block[close + 1 :]
        ends_line = block.lstrip(" \t").startswith("\n")
        block = block.strip()
        emptied, inner_given = False, inner
        if _FIGURE_RE.search(inner):  # "(Correspondent Li Yi, No.1 Middle School)": its part with a figure said
            kept = []
            for part in _PAREN_COMMAS_RE.split(inner):
                part, figures = _without_trailing_figures(part)
                if figures:  # "(Li Yi 2022-02-11)": the date said, the name read
                    paren_unread.append(figures)
                if _FIGURE_RE.search(part):
                    paren_unread.append(" ".join(part.split()))
                elif part.strip():
                    kept.append(part)
            inner = ", ".join(kept)
            # ("(2022-02-11) Editor: …": the labels after it are read; not "(compared with 2021)",
            # the article's own words)
            emptied = not kept and all(_FIGURES_ONLY_RE.fullmatch(part) for part in _PAREN_COMMAS_RE.split(inner_given))
        if outlet := _PAREN_OUTLET_RE.match(inner):  # "(Xinhua County Rong Media Center reporter Xie Ting …)"
            # ("Rong Media" alone, 融媒 with no place, names no body: the reporter's kind, as "Our" is.)
            source = outlet["source"] if " ".join(outlet["source"].split()).lower() != "rong media" else None
            inner = inner[outlet.end() :]
        elif outlet := _PAREN_OUTLET_ONLY_RE.fullmatch(inner):
            # ("(Li Yi Hunan Daily)": the reporter's name, then the outlet, which is the source)
            names, outlet_words = _names_before_an_outlet(outlet["source"].split())
            source = " ".join(outlet_words) if " ".join(outlet_words).lower() != "rong media" else None
            inner, emptied = ", ".join(names), not names
        if labelled := _PAREN_SOURCE_RE.search(inner):  # "(Reporter: Li Yi Source: Lianyuan Rong Media Center)"
            source, inner = labelled["source"], inner[: labelled.start()]
        elif ((outlet := _PAREN_OUTLET_AFTER_RE.search(inner)) and inner[: outlet.start()].strip()
              and outlet["source"].capitalize() not in SURNAMES):  # "(Li Yi, CCTV)", not "(Li Yi, WANG)"
            source, inner = outlet["source"], inner[: outlet.start()]
        # Split at commas and before a role ("Correspondent Liu Hui Reporter Zhao Yang"), its
        # qualifier kept with it ("Our reporter"); where that leaves a part that is no name,
        # at commas only.
        named = _paren_credits(_paren_parts(inner), split_at_roles=True)
        if named is None:
            named = _paren_credits(_PAREN_COMMAS_RE.split(inner))
        first = _PAREN_ROLE_RE.match(inner.strip()) if named is None else None
        if first and first["role"] and not _a_sentence(first["names"]):
            # A role, then no name ("(Reporter Li Art) Editor: Wang Fang Source: …"): said,
            # and the labels right after it read (they were lost, and the line kept in the text).
            labels = _find_labels(block)
            if labels and labels[0][0] == 0:
                named = {}, [" ".join(inner.split())]
        if named is None and emptied:
            named = {}, []
        if named is None:  # "(safety first)" closing a sentence is not a credit: names only
            return {}, None, [], []
        credits.update(named[0])
        paren_unread = named[1] + paren_unread
    labels = _find_labels(block)
    if not labels:
        # Lines below a parenthesis that ends its line: a blog's footer, or a credit the
        # parser does not know (said); else the parenthesis is no credit line. Nor is one of
        # labels not known only ("(Written by Yi Xiaolan)"): ingest says none was recognized.
        if not block and (credits or source):  # ("(Louxing Rong Media Center)" alone: the source)
            return credits, source, paren_unread, []
        if credits and ends_line and _footer(block):
            return credits, source, paren_unread + _credits_not_read(block), []
        return {}, None, [], []
    if labels[0][0] != 0 and not credits and not _UNKNOWN_LABEL_FIRST_RE.fullmatch(block[: labels[0][0]].strip()):
        return {}, None, [], []
    # After a parenthesis of names, a label not known ("Producer: Wang Qian") does not undo
    # them, nor the labels known after it: the credit line is read from the first of these.
    skipped = " ".join(block[: labels[0][0]].split())
    unread = paren_unread + ([skipped] if _HAN_OR_LETTER_RE.search(skipped) else [])  # not a separator: "(Li Yi) | …"
    sentences: list[str] = []
    for i, (_, end, role) in enumerate(labels):
        last = i + 1 == len(labels)
        value = block[end : labels[i + 1][0] if not last else len(block)].strip()
        below = ""
        if last or role == "source":
            # The last value, and a source, are the rest of their line: lines below them
            # are a blog's footer ("Editor: Xiao Hui\n\nRelated"), a credit not known (said),
            # or the article's own sentences (kept).
            value, _, below = value.partition("\n")
        other = ((_LABEL_NOT_KNOWN_AFTER_SOURCE_RE if role == "source" else _LABEL_NOT_KNOWN_RE).search(value)
                 if ":" in value else None)
        if other:  # said, not read as more of the value: "Editor: Xiao Hui Proofreader: Peng Li"
            unread.append(" ".join(value[other.start() :].split()))
            value = value[: other.start()]
        paren = _PAREN_LINE_RE.fullmatch(below) if below else None
        reporters = _surnamed_names(paren[1]) if paren else None
        if reporters:  # a second credit line's own parenthesis of names: "(Li Yi) Editor: Xu Jing"
            _credit(credits, "reporter", reporters)
            below = ""
        if below:
            said = _credits_not_read(below)
            unread += said
            sentences += _sentences_below(below, said)
        # Addresses after a label's names or its source ("Editor: Xiao Hui www.louxing.gov.cn",
        # "Source: Louxing Rong Media Center (http://…)"): said (ingest proposes one for
        # source_url), not read as more of the names ("Xiao Hui www louxing gov cn").
        addresses = _TRAILING_ADDRESSES_RE.search(value) if "." in value or "@" in value else None
        if addresses:
            unread += [a.rstrip(")）.,;") for a in addresses[1].split() if _ADDRESS_RE.search(a)]
            value = value[: addresses.start()]
        # (Looked for before "Xiao Hui&nbsp;" loses its ';'.) Any other figure is no name's
        # either ("Xiao Hui Views 1024" credited "Xiao Hui Views"): the value is said.
        markup = " ".join(value.split()) if role != "source" and _MARKUP_RE.search(value) else None
        # A date, a time, a telephone number, a version or a count of photos after the names
        # ("Xiao Hui 2022-02-11 10:23", "Wang Lei (3 photos)"): said, the names before it read.
        if role != "source" and not markup and _FIGURE_RE.search(value):
            value, figures = _without_trailing_figures(value)
            if figures:
                unread.append(figures)
            if _FIGURE_RE.search(value):
                markup = " ".join(value.split())
        value = value.strip().rstrip(".;,")
        if role == "source":
            # The reporter's parenthesis after the source ("Source: Louxing Rong Media Center (Li
            # Yi) Editor: …"), and the bracket that closes a parenthesis the source is in ("(…)
            # (Source: X)"), are not the source's: they made an organization of the archive.
            paren = _SOURCE_PAREN_RE.fullmatch(value)
            reporters = _surnamed_names(paren["inner"]) if paren else None
            if reporters:
                _credit(credits, "reporter", reporters)
                value = paren["source"]
            elif value.endswith(")") and "(" not in value:
                value = value[:-1].rstrip()
            source = value or None
            continue
        if markup:
            # Markup, an entity or an address in a label's value ("<b>Wen Zhibin</b>",
            # "Huang&nbsp;Miao", "[Zeng Zhenhua](https://…)"): split at its marks, its pieces
            # were people ("b", "nbsp", "evil") with pages of their own. Said, not read: the
            # editor writes the names in meta.yml (a hostile-input review).
            unread.append(" ".join(block[labels[i][0] : end].split()) + " " + markup)
            continue
        # Chinese in a value of names, which are read in pinyin: said, not dropped without a
        # word ("Editor: Xiao Hui 来源：娄星融媒体中心" lost its untranslated source).
        if not value.isascii():  # (not a name's own Chinese after it: "Xiao Hui (肖辉)")
            unread += [" ".join(run.split()) for run in _HAN_IN_VALUE_RE.findall(_CHINESE_AFTER_NAME_RE.sub("", value))]
        value = _LABEL_WORDS_PAREN_RE.sub("", value)  # "Editor: Wang Fang (intern)": an editor
        groups = []
        for group in (g.strip() for g in _NAME_GROUPS_RE.split(value.strip()) if g.strip()):
            word = None if _a_sentence(group) else _LABEL_WORD_RE.search(group)
            if word and _only_names(split_names(group[: word.start()])):  # "Xiao Hui Intern Li Na"
                groups += [group[: word.start()].strip(), group[word.start() :]]
            else:
                groups.append(group)
        said = [g for g in groups if _a_sentence(g) or _LABEL_WORD_RE.search(g)]
        if said:
            # Sentences, not names: said as not read, the names beside them kept. Alone
            # ("Correspondent: Chen Jing reports that the plan is finished.", the text's last
            # sentence), the label is no credit line, and the text keeps it (it was taken for
            # two names, and lost). So is a label's word without its colon, and what follows
            # it ("Editor: Xiao Hui Intern Li Na" credited an editor "Xiao Hui Intern": Xiao
            # Hui is the editor, "Intern Li Na" said).
            unread.append(" ".join(block[labels[i][0] : end].split()) + " " + ", ".join(said))
        names = [n for g in groups if g not in said for n in split_names(g)]
        if names:
            _credit(credits, role, names)
    return credits, source, unread, sentences


# Addresses at the end of a label's value, after its names or its source's name (a source that
# is only an address, "Source: www.louxing.gov.cn", is kept as the source).
_TRAILING_ADDRESSES_RE = re.compile(rf"(?<=[^\s\]])[\s,;(（]+((?:{_ADDRESS_RE.pattern})(?:[\s,;()（）]+(?:{_ADDRESS_RE.pattern}))*)"
                                    r"[\s,;.)）]*$", re.IGNORECASE)
def _without_trailing_figures(value: str) -> tuple[str, str]:
    """``value`` without a date, a time, a telephone number, a version or a count of photos
    after its names ("Xiao Hui 2022-02-11 10:23"), and what was cut ("" if nothing): not after
    a word that ends no name ("Tel 0738-…", "Updated 2022-02-11"), where the figure stays."""
    figures = _TRAILING_FIGURES_RE.search(value)
    if not figures or not _PINYIN_GIVEN_NAME_RE.fullmatch((value[: figures.start()].split() or [""])[-1].lower()):
        return value, ""
    return value[: figures.start()], " ".join(value[figures.start() :].strip(" ,;，；").split())


_FIGURE_RE = re.compile(r"[0-9]")
_FIGURES_ONLY_RE = re.compile(r"[\s0-9:/.\-年月日]+")
_TRAILING_FIGURES_RE = re.compile(
    r"(?<=[A-Za-z])[\s,;，；]*(?:(?:[0-9]{4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?|[0-9]{1,2}月[0-9]{1,2}日|[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?|"
    r"[(（]?[0-9]{3,4}-[0-9]{7,8}[)）]?|1[3-9][0-9]{9}(?![0-9])|[vV][0-9]+(?:\.[0-9]+)*|[(（][0-9]+\s+(?:photos?|pictures?|images?)[)）])"
    r"[\s,;，；]*)+$")
_HAN_IN_VALUE_RE = re.compile(rf"[{HAN}](?:[{HAN}：:，、· ]*[{HAN}])?")
_MARKUP_RE = re.compile(r"[\[\]{}]|<\s*[a-z/!]|<[A-Z]|<\s*[A-Za-z!][^<>]{0,60}>|&#?\w+;|://|(?i:www)\.")
"""What no credit's names hold: a tag, even cut short ("< /p", "< br"; not "< Wang Lei"), an
entity, brackets (a Markdown link, a template, "[Print]"), an address. (Not the marks some
sites put between labels: "| Editor:", "==", ">>", "***", "#".)"""


def _credit(credits: dict[str, list[str]], role: str, names: list[str]) -> None:
    """Credit ``names`` with ``role``, each once, after those it already has."""
    have = credits.setdefault(role, [])
    have.extend(n for n in names if n not in have)


def _a_sentence(group: str) -> bool:
    """Whether a credit's value between commas (or "and") is words of a sentence, not names:
    two words or more in small letters ("reports that the plan", "Thank you very much"). A
    name's syllables are capitalised, but for one written apart ("Wen Zhi bin", "Zhang Xiao
    hong"), and names run together are names however many ("Zhou Hong Ouyang Lixin Peng Fei")."""
    return sum(w[:1].islower() for w in group.split()) >= 2


def split_names(value: str) -> list[str]:
    """Split "Huang Miao Zeng Zhenhua" or "Huang Miao, Zeng Zhenhua" into names.

    Romanised Chinese names are a surname followed by a given name written as one word,
    so a run of capitalised words is read two at a time; a known surname starts a name
    where the count is odd."""
    names: list[str] = []
    for group in _NAME_GROUPS_RE.split(value.strip()):
        tokens = _cased(NAME_TOKEN_RE.findall(group))
        if not tokens:
            continue
        if len(tokens) % 2 == 0 and all(t[0].isupper() for t in tokens[::2]):
            names += [f"{tokens[i]} {tokens[i + 1]}" for i in range(0, len(tokens), 2)]
            continue
        current: list[str] = []
        for token in tokens:
            if token in SURNAMES and current and len(current) >= 2:
                names.append(" ".join(current))
                current = []
            current.append(token)
        if current:
            names.append(" ".join(current))
    return names


def _cased(tokens: list[str]) -> list[str]:
    """A name's words in capitals as a name is written ("LIU Fang", "WANG QIAN": a surname in
    capitals is a common way to write it, and a credit line written so was not read at all):
    a surname, and a word right after a surname in capitals ("WANG QIAN"). Other words in
    capitals are none of a name's ("(Li Yi, CCTV)", "Wang Lin CCTV": Lin is a surname too),
    and are left out, as before."""
    out: list[str] = []
    capital_surname = False  # the word before was a surname written in capitals
    for i, token in enumerate(tokens):
        if token.isupper():
            word = token.capitalize()
            # A surname with a given name after it ("HE" ending "Gao Ying HE" is none), or the
            # given name after a surname in capitals; "CCTV" after "Wang Lin" is no part of a name.
            if not (capital_surname or word in SURNAMES and i + 1 < len(tokens)):
                capital_surname = False
                continue
            capital_surname = not capital_surname
            token = word
        else:
            capital_surname = False
        out.append(token)
    return out


# --------------------------------------------------------------------------- reading edition


def unglue(paragraph: str) -> str:
    """"the year.Liu Chihui" -> "the year. Liu Chihui" (not "U.S." nor "No.2")."""
    return _unglued(paragraph)[0]


def _unglued(paragraph: str) -> tuple[str, list[int]]:
    """``unglue``'s text, and where in it the spaces it put in are (in order)."""
    spaces: list[int] = []

    def fix(m: re.Match) -> str:
        at = m.start()
        if not at:
            return m.group()
        if paragraph[at - 1] in _GLUE_AFTER or (
            "A" <= paragraph[at - 1] <= "Z" and _acronym_before(paragraph, at)
            and _CAPITALISED_RE.match(paragraph, m.end() - len(m["quote"] or ""))
        ):
            shift = len(spaces)
            # An odd number of straight quotation marks before this one: it closes a quotation.
            if m["quote"] and not paragraph.count('"', 0, at) % 2:
                spaces.append(at + 1 + shift)
                return m.group()[0] + ' "'
            spaces.append(m.end() + shift)
            return m.group() + " "
        return m.group()

    return GLUED_RE.sub(fix, paragraph), spaces


def _acronym_before(text: str, at: int) -> bool:
    """Whether the word that ends at ``at`` is an acronym ("CPC", "NPC"), not an abbreviation."""
    word = _WORD_BEFORE_RE.search(text, max(0, at - 12), at)
    return bool(word) and len(word.group()) >= 2 and word.group().isupper() and \
        word.group().title() not in ABBREVIATIONS


def split_sentences(paragraph: str) -> list[tuple[str, bool | None]]:
    """Each sentence, and whether it was glued to the one before ("the year.Liu Chihui"):
    None after a closing quotation mark, which ``normalize_punctuation`` has already spaced
    ("principles.”We"), so that whether it was glued is no longer known."""
    paragraph, spaces = _unglued(paragraph)
    sentences = []
    start = 0
    glued: bool | None = False
    k = 0  # the first space put in that is not before this boundary (both come in order)
    for m in SENTENCE_BOUNDARY_RE.finditer(paragraph):
        sentences.append((paragraph[start : m.end()].strip(), glued))
        while k < len(spaces) and spaces[k] < m.start():
            k += 1
        glued = True if k < len(spaces) and spaces[k] < m.end() else None if "”" in m.group() else False
        start = m.end()
    sentences.append((paragraph[start:].strip(), glued))
    return [(s, glued) for s, glued in sentences if s]


# A quotation with a stop in it, closed: only then may a sentence start inside a quotation.
_QUOTED_STOP_RE = re.compile(r"“[^“”]*[.!?][^“”]*”")


def _inside_quotations(sentences: list[str]) -> list[bool]:
    """For each sentence, whether it starts inside a quotation: a “ opened before it and
    closed by it or a later one ('stressed: “Safety is ... .We must act now.”'). A quotation
    never closed (translations drop the odd ”) is not one: it would hold back every break."""
    depths = []  # the depth of quotation after each sentence
    depth = 0
    for sentence in sentences:
        depth = max(0, depth + sentence.count("“") - sentence.count("”"))
        depths.append(depth)
    lowest = depths[:]  # the lowest depth from each sentence on
    for i in range(len(lowest) - 2, -1, -1):
        lowest[i] = min(lowest[i], lowest[i + 1])
    return [i > 0 and depths[i - 1] > 0 and lowest[i] < depths[i - 1] for i in range(len(sentences))]


def rebuild_paragraphs(body: str) -> list[str]:
    """Separate glued sentences and regroup them into readable paragraphs."""
    paragraphs: list[str] = []
    for raw in _raw_paragraphs(body):
        current: list[str] = []
        length = 0
        marked = split_sentences(raw)
        sentences = [sentence for sentence, _ in marked]
        quoted = _inside_quotations(sentences) if "“" in raw and _QUOTED_STOP_RE.search(raw) else None
        # Where the scraper glued the site's paragraphs together ("the year.Liu Chihui"), a
        # sentence after a space ("them. We need to") was in the same paragraph as the one
        # before it: a weak marker starts a paragraph only after a glued stop (or one that
        # cannot be told). One glued stop alone is no such text: a slip, not the site's way.
        glued_text = sum(glued is True for _, glued in marked) >= 2
        for i, (sentence, glued) in enumerate(marked):
            marker = _MARKER_RE.match(sentence)
            strong = marker and marker["strong"]
            weak = marker and marker["weak"] and (glued is not False or not glued_text)
            if current and (
                ((strong or (weak and (len(current) >= 2 or length > 400))) and not (quoted and quoted[i]))
                or length + len(sentence) > MAX_PARAGRAPH_CHARS
            ):
                paragraphs.append(" ".join(current))
                current, length = [], 0
            current.append(sentence)
            length += len(sentence) + 1
        if current:
            paragraphs.append(" ".join(current))
    return paragraphs


# --------------------------------------------------------------------------- dates


def _calendar_day(year: int, month: int, day: int) -> date | None:
    """The date, or None where the calendar has no such day (29 February in a common year)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


RECENT_DAYS = 60
"""How many days before publication a day said to come may still be: its past reading wins."""
NEXT_YEAR_DAYS = 183
"""How far into the next year a day said to come, or a deadline, may be read: a day of January
in an article of December is next January's; one of June in an article of April, last June's."""


def resolve_day(month: int, day: int, published: date, year: int | None = None, ahead: bool = False,
                recent: bool = False, next_year: bool = False) -> date | None:
    """The latest date with this month and day not after ``published`` (or in ``year``).
    ``ahead``, for a deadline ("will last until Mar. 31") or a day said to come: the date later
    in the year of publication, if it is one; but with ``recent``, for a day said to come, not
    where the same day a year before is a few weeks before publication. Else, with
    ``next_year``, for a day the text says is to come (a deadline too: "will last until"), the
    day early in the next year (``NEXT_YEAR_DAYS``), unless this year's is a few weeks before
    publication; not a deadline said in the past ("By March 31, the county had completed",
    "which lasted until January 20": a review)."""
    if year is not None:
        return _calendar_day(year, month, day)
    if ahead and (month, day) > (published.month, published.day):
        candidate = _calendar_day(published.year, month, day)
        before = _calendar_day(published.year - 1, month, day)
        # (Not a day a few weeks before publication: a republishing site posts an article days
        # or weeks after it appeared, and "On December 28, we will check again" in an article
        # posted on 5 January is most likely last December's; a review.)
        if candidate is not None and (not recent or before is None or (published - before).days > RECENT_DAYS):
            return candidate
    elif next_year and (month, day) < (published.month, published.day):
        # Early next year: "On January 5, the district will hold a job fair" in an article of
        # 28 December, "until January 15" in one of 20 December (a review: a year before, 357
        # days before publication); but not where this year's day is a few weeks before it.
        after = _calendar_day(published.year + 1, month, day)
        before = _calendar_day(published.year, month, day)
        if after is not None and (after - published).days <= NEXT_YEAR_DAYS and (
                before is None or (published - before).days > RECENT_DAYS):
            return after
    for y in range(published.year, max(published.year - 8, 0), -1):
        candidate = _calendar_day(y, month, day)
        if candidate is not None and candidate <= published:
            return candidate
    return None


def _word_start(text: str, at: int) -> bool:
    return at == 0 or not text[at - 1].isalpha()


def _glued_to_a_month(m: re.Match, month: str) -> bool:
    """Whether ``m`` reads a day glued to a month's name by a stop that ends a sentence, not an
    abbreviation ("in May.10 towns joined"): "Mar.1" is a date."""
    return bool(m["glued"]) and month not in MONTH_ABBREVIATIONS


def find_event_date(text: str, published: date) -> date | None:
    found = event_date_mention(text, published)
    return found[0] if found else None


def event_date_mention(text: str, published: date) -> tuple[date, bool] | None:
    """The date of the reported event, and whether the text writes its year."""
    lead = _LEADING_SPAN_RE.match(text)
    if lead and (lead["span"] or lead["span_"]) and (found := _event_day(lead, published)):
        return found
    for m in EVENT_DATE_RE.finditer(text):
        if not _word_start(text, m.start()) or _glued_to_a_month(m, m["month"]):
            continue
        word = text[m.start() : m.start() + 2].lower()
        if word not in ("on", "fr", "in") or (word == "fr" and not m["span"] and not _SPAN_END_RE.match(text, m.end())):
            continue
        if word == "in" and not m["daytime"]:  # "in May 2020" is a month, not the event's day
            continue
        day_at = m.start() + (4 if word == "fr" else 2)
        while text[day_at].isspace():
            day_at += 1
        if found := _event_day(m, published, ahead=_said_to_come(text, day_at, m.end())):
            return found
    return None


def _event_day(m: re.Match, published: date, ahead: bool = False) -> tuple[date, bool] | None:
    """The day an EVENT_DATE_RE or _LEADING_SPAN_RE match reads, and whether it has its year;
    None if it is no day, or a plan: a date after publication, written with its year or said
    to come ("On July 20, the district will launch", "will be held on July 20": it was last
    year's day, an event that never took place)."""
    if m.re is EVENT_DATE_RE and m["iso_year"]:
        month, day, year = int(m["iso_month"]), int(m["iso_day"]), int(m["iso_year"])
    else:
        month = MONTHS.get(m["month"] or m["month2"])
        if not month:
            return None
        day, year = int(m["day"] or m["day2"]), int(m["year"]) if m["year"] else None
        if year is None and _EARLIER_YEAR_RE.match(m.string, m.end()):
            return None  # a day of a year before 1900: no event an article reports
    resolved = resolve_day(month, day, published, year, ahead=ahead and year is None, recent=True,
                           next_year=ahead and year is None)
    return (resolved, year is not None) if resolved and resolved <= published else None


# Between the two days of a range ("from December 20 to January 10", "from the 20th of
# December to the 10th of January", "December 28-January 3"): its end, written without a
# year and read before its start, is the first such day after the start, within ten months
# ("from October 1 to April 30" of the fire season), else the last one before it ("brought
# forward from June 20 to June 10", "shortened from April 25 to April 10"). It had been the
# latest such day up to publication: a year before its start (a review). An end read after
# its start stays ("From January 1 to November 30, the district handled 300 cases"). A dash
# between spaces is punctuation ("On April 26 — the March 5 plan"), not a range.
_RANGE_TO_RE = re.compile(r"\s*(?:to|till|until|through|~|～)\s*(?:the\s+)?|[-–—]", re.IGNORECASE)
_RANGE_LONGEST = timedelta(days=300)


def _range_end(month: int, day: int, start: date) -> date | None:
    """The day of this month and day that ends a range from ``start``."""
    days = (_calendar_day(year, month, day) for year in (start.year, start.year + 1, start.year + 4))  # (+4: 29 February)
    after = next((d for d in days if d is not None and d >= start), None)
    if after is not None and after - start <= _RANGE_LONGEST:
        return after
    days = (_calendar_day(year, month, day) for year in (start.year, start.year - 1, start.year - 4))
    return next((d for d in days if d is not None and d < start), after)


def find_dates(text: str, published: date) -> list[DateMention]:
    found: dict[str, DateMention] = {}
    months: list[tuple[str, str]] = []
    start: tuple[int, date] | None = None  # where the last date read ends, and its day
    for m in _MONTH_SCAN_RE.finditer(text):
        month = MONTHS.get(m.group())
        if not month or not _word_start(text, m.start()):
            continue
        day = _DAY_BEFORE_RE.search(text, max(0, m.start() - 16), m.start())
        if day:  # "11 February", "the 3rd of March 2021"; not "No. 3 March Road", "2011 May"
            after = _AFTER_DAY_FIRST_RE.match(text, m.end())
            if not after or not _day_first_is_a_date(text, day, after):
                day = None
        if day:
            year, number, said = after["year"], day["day"], text[day.start():after.end()]
            at = day.start()
        else:
            after = _AFTER_MONTH_RE.match(text, m.end())
            if not after or _glued_to_a_month(after, m.group()):
                continue
            if after["month_year"]:
                months.append((f"{int(after['month_year']):04d}-{month:02d}", text[m.start():after.end()]))
                continue
            year, number, said = after["year"], after["day"], text[m.start():after.end()]
            at = m.start()
        if not year and _EARLIER_YEAR_RE.match(text, after.end()):
            continue  # "May 30, 1899": no day of the last year
        deadline = not year and _word_before(text, at) in _DEADLINE_WORDS
        to_come = not year and not deadline and _said_to_come(text, at, after.end())
        resolved = resolve_day(month, int(number), published, int(year) if year else None, ahead=deadline or to_come,
                               recent=to_come,
                               next_year=to_come or (deadline and _deadline_to_come(text, at, after.end())))
        if resolved and not year and start and start[1] > resolved and _RANGE_TO_RE.fullmatch(text, start[0], at):
            resolved = _range_end(month, int(number), start[1])
        if resolved:
            found.setdefault(resolved.isoformat(), DateMention(resolved.isoformat(), said.strip()))
            start = (after.end(), resolved)
    # In figures, the year first ("On 2022-08-15", "2022/8/16"), and in Chinese ("9月5日",
    # "2022年9月7日"): the event's day of the first was read, and neither was a mention (a review).
    numeric = [m for m in _NUMERIC_DAY_RE.finditer(text) if not (m.start() and text[m.start() - 1] in _NOT_BEFORE_FIGURES)]
    for m in [*numeric, *(_CHINESE_DAY_RE.finditer(text) if "月" in text else ())]:
        year = m["year"]
        resolved = resolve_day(int(m["month"]), int(m["day"]), published, int(year) if year else None)
        if resolved:
            found.setdefault(resolved.isoformat(), DateMention(resolved.isoformat(), m.group().strip()))
    for key, mention in months:
        if not any(k.startswith(key) for k in found):
            found.setdefault(key, DateMention(key, mention))
    return sorted(found.values(), key=lambda d: d.date)


_NUMERIC_DAY_RE = re.compile(r"(?P<year>(?:19|20)[0-9]{2})(?P<sep>[-/.])(?P<month>[0-9]{1,2})(?P=sep)"
                             r"(?P<day>[0-9]{1,2})(?![0-9]|[./-][0-9])")
"""A day in figures, the year first: "2022-08-15", "2022/8/16", "2022.8.16"; not a part of a
longer run of figures, an address or a version, which one of ``_NOT_BEFORE_FIGURES`` starts
(checked after the match: a look behind in the pattern made the scan twice as slow)."""
_NOT_BEFORE_FIGURES = frozenset("0123456789./-" + string.ascii_letters)
_CHINESE_DAY_RE = re.compile(r"(?:(?P<year>(?:19|20)[0-9]{2})\s*年\s*)?(?<![0-9])(?P<month>[0-9]{1,2})\s*月\s*"
                             r"(?P<day>[0-9]{1,2})\s*[日号]")
"""A day in Chinese: "9月5日", "2022年9月7日" (号, the spoken 日)."""


_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_NO_DAY_RE = re.compile(
    rf"(?<![A-Za-z])(?P<month>{_MONTH_NAMES})(?:\.|(?<!Jun))\s+(?P<day>[0-9]{{1,2}})"
    rf"(?:st|nd|rd|th)?(?![0-9A-Za-z]|[.-][0-9]|\s+(?!this\b|was\b|is\b|has\b)[a-z]+s\b)"
    rf"|(?<![0-9A-Za-z.])(?P<day2>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{_MONTH_NAMES})(?![A-Za-z])"
    rf"|(?<![0-9A-Za-z./-])(?P<iso_year>(?:19|20)[0-9]{{2}})(?P<sep>[-/.])(?P<iso_month>0?[1-9]|1[0-2])(?P=sep)"
    r"(?P<iso_day>[0-9]{1,2})(?![0-9]|[.-][0-9A-Za-z])")
"""A day written with its month, for ``days_not_in_the_calendar``: its name in full or
shortened ("April 31", "Apr 31", "Sept. 31"; not "Jun 31" without a stop, where Jun is more
likely a given name), or in figures with a month of the year ("2023-02-30", "2023.2.30",
"2023-02-30/31"; not "2023.13.1" or "2019/20/21", a version or a span of seasons): reviews."""


def days_not_in_the_calendar(text: str) -> list[str]:
    """The dates the text writes that no calendar has, as written: "February 30", "April 31",
    "2022-02-30" (a slip of the translation or of the scrape, which the dates' readings pass
    over). Not a day above 31 after a month ("in May 40 villages joined"), nor a month above 12
    in figures, which are no dates (``_NO_DAY_RE``)."""
    found = []
    for m in _NO_DAY_RE.finditer(text):
        if m["iso_year"] and _word_before(text, m.start()) in ("version", "ver.", "v", "release"):
            continue  # ("Version 2023.2.30" of an app)
        if m["iso_year"]:
            year, month, day = int(m["iso_year"]), int(m["iso_month"]), int(m["iso_day"])
        else:
            year, month, day = 2000, MONTHS[m["month"] or m["month2"]], int(m["day"] or m["day2"])  # (a leap year)
            if day > 31:
                continue
        if _calendar_day(year, month, day) is None and m.group() not in found:
            found.append(m.group())
    return found


# --------------------------------------------------------------------------- people


_COMMA_RE = re.compile(r"\s*,\s*")
# ", and" before ",": a list's last name after a serial comma ("Yi Ming, and Kang Lin") is
# not "and Kang Lin", which was no name.
_LIST_SPLIT_RE = re.compile(r",?\s+and\s+|\s*[,，、]\s*")


def split_roles(text: str) -> list[str]:
    """"deputy secretary of the County Committee and county head" -> two roles; "director of
    the Safety and Emergency Management Bureau" stays one. A comma or "and" starts a new
    role only when both sides name an office."""
    roles: list[str] = []
    for chunk in _COMMA_RE.split(text.strip(" ,")):
        pieces = ROLE_SPLIT_RE.split(chunk)
        current = pieces[0]
        for piece in pieces[1:]:
            if ROLE_WORDS.search(piece) and ROLE_WORDS.search(current):
                roles.append(current)
                current = piece
            else:
                current += " and " + piece
        if roles and not ROLE_WORDS.search(current):
            roles[-1] += ", " + current  # "secretary of Tianping Town, Xinhua County"
        elif current.strip():
            roles.append(current)
    return [r.strip(" ,") for r in roles if r.strip(" ,")]


def _clause_start(text: str, at: int) -> bool:
    if at and text[at - 1] in ('"', "“"):  # after an opening quotation mark: 'He said, "Wang Qian presided'
        at -= 1
    return at == 0 or text[at - 2 : at] in _CLAUSE_STARTS or text[at - 3 : at] in _QUOTED_CLAUSE_STARTS


_TITLE_WORDS = frozenset("of the and party committee county city district town township village province provincial "
                         "municipal prefecture government bureau office department congress people's general vice "
                         "first executive standing cpc".split())
"""The words of a title that are not an office: what holds it ("County Party", "Bureau")."""
_PLACE_WORDS = frozenset("city county district town township village province municipality prefecture municipal "
                         "provincial".split())
"""The words after a place's name in a title: "Miluo City", "Shaoyang Municipal Party Secretary"."""
MAX_TITLE_WORDS = 8
"""The most words of a title before a name: "Secretary of the Shaoyang Municipal Party Committee" has 7."""
_HOLDER_ENDS = _PLACE_WORDS | frozenset(
    "bureau office committee commission department administration center centre station team group association "
    "federation court procuratorate institute school hospital company corporation council league branch division "
    "section brigade detachment corps zone park authority agency union academy college university government congress "
    "cppcc street subdistrict community".split())
"""The last word of what holds an office when its other words are neither offices nor places
("Emergency Management Bureau", "Work Safety Committee Office", "Lianbin Street")."""
_NOT_GIVEN_NAMES = _TITLE_WORDS | _HOLDER_ENDS | frozenset(m.lower() for m in MONTHS if len(m) > 3)
"""Words no given name is: "Wang Village", a month ("Long March"), and the end of a place's
name written in two words of pinyin ("Cadres of Gao Xi Village attended", "Staff of Tian Xin Street participated" made
people "Xi Village" and "Xin Street": a review)."""
_HOLDER_JOINS = frozenset(["of", "the", "and", "for"])
_CAPITALISED_WORD_RE = re.compile(r"[A-Z][A-Za-z'’-]*")
MAX_LONG_TITLE_WORDS = 12
"""The most words of such a title: "Deputy Director of the Louxing District Emergency Management Bureau" has 9."""


def _title_word(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` may be part of a title written before a name: an office, a word of
    what holds it, or a place's name ("Miluo" of "Miluo City"). Not "As", "Yesterday", "In",
    a name ("Mayor Zhang Wei's deputy")."""
    parts = words[i].split("-")  # Director-General
    if all(ROLE_WORDS.fullmatch(w) or w.lower() in _TITLE_WORDS for w in parts):
        return True
    return words[i][0].isupper() and words[i].isalpha() and i + 1 < len(words) and words[i + 1].lower() in _PLACE_WORDS


def _office(word: str) -> bool:
    return any(ROLE_WORDS.fullmatch(w) for w in word.split("-"))  # Director-General


def _names_an_office(words: list[str]) -> bool:
    """Whether a title ends in its office ("County Party Secretary"), or names the office before
    what holds it ("Secretary of the District Party Committee"): not "Work Safety Committee"."""
    of = words.index("of") if "of" in words else 0
    return _office(words[-1]) or (of > 0 and _office(words[of - 1]))


def _title_and_lead(text: str, at: int) -> tuple[str | None, tuple[str, int, list[str]] | None]:
    """The title written before the name at ``at``, from the start of its clause ("County Party
    Secretary" of "County Party Secretary Zhang Wei presided", "Miluo City mayor" of "Miluo City
    mayor Wang Qian led a team"), or None if the words there are not a title: it names an
    office (``_names_an_office``), and each of its words is an office's, of what holds it or a
    place's name. And the person named before it, with "and" and their own title: (name,
    where, [title] or []), or None. "District Head Liu Zhigang and Deputy District Head Gao Ying
    accompanied": Gao Ying's title was "District Head Liu Zhigang and Deputy District Head",
    and Liu Zhigang was named nowhere (a review)."""
    window_start = max(0, at - 120)
    window = text[window_start:at]
    # (Or where a quotation ended its sentence: "“Yes,” Vice Mayor Liu Zhigang said" named no one.)
    marks = _ALL_CLAUSE_STARTS if '"' in window or "”" in window else _CLAUSE_STARTS
    start = max(window.rfind(mark) + len(mark) if mark in window else -1 for mark in marks)
    if start < 0:
        if at > 120:
            return None, None
        start = 0
    words = window[start:]
    if words.startswith(("and ", "And ")):  # the clause's own "and": "…,” and Vice Mayor Liu Zhigang presided"
        words = words[4:]
        start += 4
    if words.startswith(('"', "“")):  # a quotation's: 'He said, "District Head Wang Qian presided'
        words = words[1:]
        start += 1
    and_at = words.rfind(" and ")
    if and_at > 0:
        before = words[:and_at].split()
        name = " ".join(before[-2:])
        office = _a_title(before[:-2]) if len(before) > 2 else None
        if _a_name(name) and (len(before) == 2 or office and before[-3] not in ("of", "the", "and")):
            at_name = window_start + start + words.rfind(name, 0, and_at)
            return _a_title(words[and_at + 5 :].split()), (name, at_name, [office] if office else [])
    return _a_title(words.split()), None


def _surnamed(words: str) -> bool:
    """Whether ``words`` are written as a name ("Li Hua"), the first a known surname, and a given
    name in lowercase one of pinyin ("Li hua"; not "He said", "He also")."""
    if not _NAME_FULL_RE.fullmatch(words):
        return False
    surname, given = words.split()
    return surname in SURNAMES and (not given.islower() or bool(
        _PINYIN_GIVEN_NAME_RE.fullmatch(given.split("'")[0].split("’")[0].replace("ü", "v"))))  # ("Wang lüe")


def _titled_name(text: str) -> tuple[str, str] | None:
    """(the name, the title) of "District Head Liu Zhigang": a title written before a
    surnamed name, and nothing after it; else None."""
    words = text.split()
    if len(words) < 3 or not _surnamed(" ".join(words[-2:])):
        return None
    office = _a_title(words[:-2])
    return (" ".join(words[-2:]), office) if office else None


def _a_title(words: list[str]) -> str | None:
    """``words`` as a title written before a name ("County Party Secretary", "the Vice Mayor"),
    or None: see ``_title_and_lead``. What holds the office may be named in words of its own,
    capitalised and ending in what it is (``_holder``): after the office and "of" ("Director of
    the Emergency Management Bureau"), or before the office ("the Emergency Management Bureau
    director", "County Emergency Management Bureau Director"), where what starts the words is
    "the" or a title's word: not "Yesterday" nor "As" ("Yesterday Emergency Management Bureau
    Director" is not read, nor then "Emergency Management Bureau Director" alone)."""
    the = bool(words) and words[0] in ("The", "the")
    if the:
        words = words[1:]
    if not 1 <= len(words) <= MAX_LONG_TITLE_WORDS or not _names_an_office(words):
        return None
    if len(words) <= MAX_TITLE_WORDS and all(_title_word(words, i) for i in range(len(words))):
        return " ".join(words)
    if "of" in words:  # the office first
        of = words.index("of")
        office, holder = words[:of], words[of + 1 :]
        if holder[:1] == ["the"]:
            holder = holder[1:]
        if _office(office[-1]) and all(_title_word(office, i) for i in range(of)) and _holder(holder):
            return " ".join(words)
        return None
    last = max((i for i, w in enumerate(words) if w.lower() in _HOLDER_ENDS), default=-1)
    holder, office = words[: last + 1], words[last + 1 :]
    if office and (the or _title_word(words, 0)) and _holder(holder) and all(
            _title_word(office, i) for i in range(len(office))):
        return " ".join(words)
    return None


def _holder(words: list[str]) -> bool:
    """Whether ``words`` name what holds an office: capitalised words, or "of", "the", "and",
    "for" between them, that end in what it is ("Work Safety Committee Office")."""
    return bool(words) and words[-1].lower() in _HOLDER_ENDS and words[0][0].isupper() and all(
        w in _HOLDER_JOINS or _CAPITALISED_WORD_RE.fullmatch(w) for w in words)


def _a_group(words: list[str]) -> bool:
    """Whether ``words``, before a list of names, say what they are all together ("district
    leaders", "the county leaders such as"): titles in the plural, no one's title."""
    if words and words[0] in ("The", "the"):
        words = words[1:]
    if words[-2:] == ["such", "as"] or words[-1:] == ["including"]:
        words = words[: -2 if words[-1] == "as" else -1]
    return 1 <= len(words) <= MAX_TITLE_WORDS and not PLURAL_OFFICES.isdisjoint(w.lower() for w in words) and all(
        w.lower() in PLURAL_OFFICES or _title_word(words, i) for i, w in enumerate(words))


def _more_actions(text: str, at: int) -> list[str]:
    """Further actions of the same person in the same sentence: "presided over the meeting
    and delivered a speech"."""
    end = text.find(". ", at, at + 200)  # (not further: in a text without a stop, to its end each time)
    end = min(len(text), at + 200) if end < 0 else end
    return [k for m in _MORE_ACTIONS_RE.finditer(text, at, end) for k in _ACTIONS if m.group(k)]


_ATTEND_WORDS = ("attended", "present", "participated", "accompanied")


_ATTENDING_WERE_RE = re.compile(
    r"\b[Aa]ttending(?:\s+(?:the|this)\s+(?:meeting|conference|event|symposium|forum|activity|ceremony))?"
    r"\s+(?:were|was|are|is|(?:also\s+)?included)\s+(?:(?:the\s+)?(?:[a-z]+[ -])?leaders\s+)?"
    rf"(?P<list>{_NAME_SCAN}(?:\s*[,，、]\s*{_NAME_SCAN})*(?:,?\s+and\s+{_NAME_SCAN})?)"
)
"""A list of names after the verb: "Attending the meeting were Liu Chihui, Xu Diren and Luo
Wenwei", "Also attending were county leaders Li Hua and Chen Ming"."""


def _list_names(names_text: str) -> list[str]:
    """The names of a list (``ATTENDEES_RE``'s): a name starts with a known surname, or has a
    given name in pinyin after a surname translated as a word ("Party jianguo", 党建国); in a
    list led by a surname, a name may be two capitalised words ("Often Lixin", 常立新). Not a
    group written like a name: "Party members", "Village cadres", "District leaders". A given
    name in lowercase is one in pinyin: not "and" of "presided over by Liu Yue and attended"
    ("Yue and")."""
    names = [n.strip() for n in _LIST_SPLIT_RE.split(names_text) if n.strip()]
    led = bool(names) and names[0].split()[0] in SURNAMES
    return [n for n in names if len(words := n.split()) == 2 and (
        (words[1][0].isupper() and (led or words[0] in SURNAMES) and words[1].lower() not in _NOT_GIVEN_NAMES)
        or (words[1].islower() and _PINYIN_GIVEN_NAME_RE.fullmatch(words[1])))]


ATTENDEE_WINDOW = 2000
"""How far before an attend verb its list of names is looked for at most: in a text without
full stops, each verb's list was looked for from the text's start (18 s for 290 KB of
"Wang Jun and Li Hua attended …"). The seed's list, the longest of its family, is 300."""


def _sentence_start(text: str, at: int, floor: int = 0) -> int:
    """Where the sentence that holds ``at`` starts: after the last full stop before it, but
    not the stop of "etc." ("Ding Xiaohua, Yi Ming, etc. were present"); not before
    ``floor``, from which a sentence with no stop in reach starts at a word."""
    stop = text.rfind(". ", floor, at)
    while stop >= 3 and text[stop - 3 : stop] == "etc":
        stop = text.rfind(". ", floor, stop)
    if stop < 0 and floor > 0:
        return text.find(" ", floor, at) + 1 or floor
    return stop + 1


def _attendee_lists(text: str) -> list[re.Match]:
    """ATTENDEES_RE matches, looked for only in the sentences that have an attend verb."""
    spans: list[tuple[int, int]] = []
    for word in _ATTEND_WORDS:
        at = text.find(word)
        while at >= 0:
            start = _sentence_start(text, at, max(0, at - ATTENDEE_WINDOW))
            span = (start, min(len(text), at + len(word) + 30))
            if not spans or spans[-1] != span:
                spans.append(span)
            at = text.find(word, at + 1)
    matches: dict[int, re.Match] = {}
    for start, end in sorted(set(spans)):
        for m in ATTENDEES_RE.finditer(text, start, end):
            matches.setdefault(m.start(), m)
    return [matches[k] for k in sorted(matches)]


_WORD_RE = re.compile(r"[^\s,.;:()]+")


_PREDICATE_RE = re.compile(r"(?:also\s+|then\s+)?(?:" + "|".join(_ACTIONS.values()) +
                           r"|[a-z]+ed|made|gave|spoke|said|put|took|went|led|held|met|set|heard|sent)\b")
"""What follows the names and titles of a passive as the verb of some of them: "... and Li Hua,
deputy head of the county, made a report" (not "..., in the county hall")."""
_FINITE_RE = re.compile(r"\b(?:was|were|is|are|be|been)\s+(?:[a-z]+\s+|co-)?$")
"""Before the verb of a finite passive: "was chaired by", "was jointly presided over by", "were
co-chaired by"; not ", chaired by"."""


def _passive_by(text: str) -> list[tuple[str, int, int, str | None, str, bool]]:
    """The first name after "presided over by", "chaired by", "attended by", "accompanied by",
    "led by" (a team's: ``_LED_RE``)...: the name, where it starts and ends, the title before
    it (``_a_title``: "attended by Vice Mayor Xiong Bo") or None, how the passive's people take
    part, and whether the passive is finite (``_FINITE_RE``). Before the name may be what the
    names are together ("attended by district leaders Wang Jun, Li Hua ...")."""
    found = []
    at = text.find(" by ")
    while at >= 0:
        if not text.endswith(_PASSIVE_VERBS_ANY_CASE, 0, at):
            at = text.find(" by ", at + 4)
            continue
        written = next(v for v in _PASSIVE_VERBS_ANY_CASE if text.endswith(v, 0, at))
        verb = written.lower()
        # What is led is a team: before it ("the inspection team, led by"); or when the verb
        # starts the sentence, the sentence's subject after the names and their titles ("Led by
        # Wang Jun, deputy head of the county, the inspection team visited"; not "Led by Wang
        # Jun, the meeting studied the work of the team", nor a team of the sentence before).
        if written == "Led":
            team = " ".join(" ".join(part.split()[:5]) for part in
                            text[at : at + LED_WINDOW].split(". ", 1)[0].split(", ")[1:])
        else:
            team = text[max(0, at - LED_WINDOW) : at].rsplit(". ", 1)[-1]
        if verb == "led" and (text[at - 4 : at - 3].isalpha() or not _LED_RE.search(team)):
            at = text.find(" by ", at + 4)  # "called by", "controlled by"; or what is led is no team
            continue
        how = _PASSIVE_HOW.get(verb, "presiding")
        finite = _FINITE_RE.search(text, max(0, at - len(verb) - 24), at - len(verb)) is not None
        if (m := _BY_NAME_RE.match(text, at)) and m["name"].split()[0] in SURNAMES:
            found.append((m["name"], m.start("name"), m.end("name"), None, how, finite))
        else:
            words = list(_WORD_RE.finditer(text, at + 4, min(len(text), at + 164)))
            for i in range(1 if words and words[0].start() == at + 4 else len(words),
                           min(len(words) - 1, MAX_LONG_TITLE_WORDS + 2)):
                if words[i].start() - words[i - 1].end() > 1 or text[words[i - 1].end()] != " ":
                    break  # no punctuation between the title and the name
                name = f"{words[i].group()} {words[i + 1].group()}"
                if words[i + 1].start() == words[i].end() + 1 and _a_name(name):
                    before = [w.group() for w in words[:i]]
                    title = _a_title(before)
                    if title or _a_group(before):
                        found.append((name, words[i].start(), words[i + 1].end(), title, how, finite))
                    break
        at = text.find(" by ", at + 4)
    return found


def _a_name(words: str) -> bool:
    """Whether ``words`` are a person's name: two words, the first a known surname, the second
    no word of a title ("Li Hua", not "Wang Village")."""
    return _surnamed(words) and words.split()[1].lower() not in _NOT_GIVEN_NAMES


def _named_by(text: str, name: str, start: int, end: int, finite: bool) -> list[tuple[str, int, list[str]]]:
    """The people a passive names from its first ``name`` (at ``start``, up to ``end``: see
    ``_passive_by``), each with where it is and its titles: "chaired by Liu Yue, Secretary of
    the County Party Committee", "co-chaired by Wang Jun and Li Hua", "presided over by Wang
    Jun, county head, and Li Hua, deputy county head". A title in the plural is each of the
    names since the last title ("Wang Jun and Li Hua, deputy heads of the county"); one in the
    singular the last name's. The names and titles end at a part that is neither ("...
    studied the plan", "and other leaders"), or at a verb ("... and attended by"). Names just
    before a verb are its subject, not the passive's ("chaired by Wang Jun and Li Hua
    attended"); so are the last names after "and", with their titles, before what follows a
    ``finite`` passive ("was chaired by Wang Jun, and Li Hua, deputy head of the county, made
    a report"; not "The forum, chaired by Wang Jun and Li Hua, studied the plan")."""
    clause = _CLAUSE_RE.match(text, end).group()
    verb = _TITLES_END_RE.search(clause)
    rest = clause[: verb.start() if verb else len(clause)]
    followed = bool(verb) and not verb.group().lstrip().startswith("and")  # by a verb of another subject?
    people: list[tuple[str, int, list[str]]] = [(name, start, [])]
    untitled = 1  # the names since the last title
    titled: list[tuple[str, int, list[str]]] = []  # whose title is being read
    group, after_and, direct = 1, False, False  # the last names read: where they start, after "and"; the part's last
    offset = end
    for i, part in enumerate(rest.split(",")):
        at, offset = offset, offset + len(part) + 1
        piece = part.strip()
        direct = False
        if i == 0 and not piece:  # "NAME, ..."
            continue
        closed = _NAMES_END_RE.search(piece)
        if closed:  # "Li Hua and other leaders": the last names
            piece = piece[: closed.start()]
        names = (piece[4:] if piece.startswith("and ") else piece).split(" and ")
        if not _a_name(names[-1]) and (where := _PLACE_AFTER_NAME_RE.match(names[-1])) and _a_name(where["name"]):
            names[-1] = where["name"]  # "and Li Hua in the county hall": the last name
            closed = closed or where
        if piece and all(_a_name(name) for name in names) and (i > 0 or piece.startswith("and ")):
            group, after_and, direct = len(people), piece.startswith("and ") or len(names) > 1, True
            people += [(name, at + part.find(name), []) for name in names]
            untitled += len(names)
            titled = []
            if closed:
                followed = False
                break
            continue
        if i == 0 or not piece or not (ROLE_WORDS.search(piece) or piece[:1].isupper()) \
                or any(_a_name(" ".join(pair)) for pair in zip(piece.split(), piece.split()[1:], strict=False)):
            followed = followed or bool(_PREDICATE_RE.match(piece))
            break
        if not titled:
            plural = untitled > 1 and not PLURAL_OFFICES.isdisjoint(piece.lower().split())
            titled = people[-untitled:] if plural else people[-1:]
            untitled = 0
        for person in titled:
            person[2].append(piece)
        if closed:
            followed = False
            break
    if followed and (direct and verb or finite and after_and):
        people = people[:group]
    return people


# A name's Chinese in brackets right after it ("Liu Zhigang (刘志刚), deputy secretary"): the
# patterns of names, titles and actions did not see past it, and the person was lost.
_CHINESE_AFTER_NAME_RE = re.compile(rf"(?<=[A-Za-z])\s*[(（]\s*[{HAN}·]{{2,4}}\s*[)）]")


def extract_people(text: str) -> list[Person]:
    """People named in the text, with the titles and the part the text gives them."""
    if "(" in text or "（" in text:
        # (A space where the bracket was glued to the next word: "(刘志刚)presided".)
        text = _CHINESE_AFTER_NAME_RE.sub(lambda m: " " if text[m.end() : m.end() + 1].isalnum() else "", text)
    found: dict[str, tuple[int, dict[str, None], dict[str, None]]] = {}  # first seen, roles, how

    def add(name: str, at: int, roles: list[str] = (), how: list[str] = ()) -> None:
        name = " ".join(name.split())
        seen = found.get(name)
        if seen is None:
            seen = found[name] = (at, {}, {})
        elif at < seen[0]:
            seen = found[name] = (at, seen[1], seen[2])
        seen[1].update(dict.fromkeys(roles))
        seen[2].update(dict.fromkeys(how))

    # "Liu Zhigang, deputy secretary ..., Head of the District ..., presided over"
    scanned = list(_NAME_SCAN_RE.finditer(text))
    consumed = no_action_until = 0
    for m in scanned:
        if not m["comma"]:
            continue
        if m.start() < consumed or not _surnamed(m["name"]):
            continue
        # Several people may share the action: "A, role, B, role, and other leaders attended".
        group: list[tuple[str, int, list[str], bool]] = [(m["name"], m.start(), [], False)]  # and whether after "and"
        title = None  # written before the name: "Vice Mayor Ouyang Hong, who is in charge of ..., attended"
        lead_titled = None  # and a person before it: "District Head Liu Zhigang and Deputy District Head Gao Ying, …"
        if not _clause_start(text, m.start()) and not text.endswith(_AND_CLAUSE_STARTS, 0, m.start()):
            # "Luo Wenwei and Wang Qian, deputy heads of the district, attended": the first name, before "and".
            lead = _NAME_AND_RE.search(text, max(0, m.start() - 40), m.start())
            if lead and _a_name(lead["name"]) and _clause_start(text, lead.start()):
                group = [(lead["name"], lead.start(), [], False), (m["name"], m.start(), [], True)]
            elif not _a_name(m["name"]):
                continue
            else:
                title, lead_titled = _title_and_lead(text, m.start())
                if title is None:
                    continue

        clause = _CLAUSE_RE.match(text, m.end()).group()
        # Text already searched without finding an action is not searched again (with an
        # overlap for an action cut by the end of that search): the scan stays linear.
        searched_from = max(3, no_action_until - m.end() - 40)
        action = None
        for hit in _ACTION_AFTER_ROLES_RE.finditer(clause, searched_from):
            # Not the verb of a relative clause: "NAME, director of the Bureau, which required
            # all townships to act, attended": the Bureau required, NAME attended.
            if not _RELATIVE_RE.match(clause, clause.rfind(",", 0, hit.start() + 1) + 1):
                action = hit
                break
        if action:
            how = [k for k in _ACTIONS if action.group(k)]
        else:
            # Another verb, after titles that name an office: the person and their titles, not how they took part.
            action = _OTHER_VERB_AFTER_ROLES_RE.search(clause, searched_from)
            if not action or not _a_name(m["name"]) or not (title or ROLE_WORDS.search(clause, 0, action.start())):
                no_action_until = m.end() + len(clause)
                continue
            how = []
        how += _more_actions(text, m.end() + action.end())
        if lead_titled:
            add(*lead_titled, how)
        offset = m.end()
        accompanied = False  # "Liu Zhigang, accompanied by Tang Aihua, …, went deep into": he went, untitled
        for chunk in clause[: action.start()].split(","):
            candidate = chunk.strip()
            after_and = candidate.startswith("and ")
            if after_and:
                candidate = candidate[4:]
            if candidate.startswith("accompanied by "):
                accompanied = True
                break  # the rest is another's: "accompanied by Tang Aihua, deputy head of the district"
            first, *others = _OTHERS_RE.sub("", candidate).split(" and ")
            titled = _titled_name(first)
            if _surnamed(candidate):
                group.append((candidate, offset, [], after_and))
            elif titled and all(map(_surnamed, others)):
                # Another person, with their title before their name: "District Party Secretary
                # Liu Chihui, District Head Liu Zhigang and other leaders attended" (the title and
                # the name were the first person's role); and those after "and" with them.
                name, office = titled
                group.append((name, offset + chunk.find(name), [office], after_and))
                group += [(n, offset + chunk.find(n), [], True) for n in others]
            elif " and " in candidate and all(  # "Luo Wenwei and Wang Qian, deputy heads of the district"
                    map(_surnamed, candidate.split(" and "))):
                group += [(n, offset + chunk.find(n), [], j > 0) for j, n in enumerate(candidate.split(" and "))]
            elif chunk.strip() and not _RELATIVE_RE.match(chunk):  # "which required ...": not a title
                group[-1][2].append(chunk.strip())
            offset += len(chunk) + 1
        # A title in the plural is the names' before it when it closes their list: after "and", or
        # set off by commas ("A, B and C, deputy heads of the district, attended"). Not "Li Ming,
        # Wang Qian, heads of towns and departments attended", where it names more who attended.
        untitled: list[tuple[str, int]] = []
        for i, (name, at, chunks, after_and) in enumerate(group):
            before = [title] if title and i == 0 else []
            if not chunks:
                if before or (accompanied and len(group) == 1):
                    add(name, at, before, how)
                else:
                    untitled.append((name, at))
                continue
            roles_text = _OTHERS_RE.sub("", ", ".join(chunks))
            office = ROLE_WORDS.search(roles_text)
            plural = (untitled or not office) and (after_and or i + 1 < len(group) or action.group().startswith(",")) \
                and not PLURAL_OFFICES.isdisjoint(roles_text.lower().replace(",", " ").split())
            if len(roles_text) >= 3 and (plural or office):
                roles = split_roles(roles_text)
                add(name, at, [*before, *roles], how)
                for shared in untitled if plural else []:
                    add(*shared, roles, how)
            elif before:  # "Vice Mayor Ouyang Hong, in charge of emergency management, attended"
                add(name, at, before, how)
            untitled = []
        consumed = m.end() + action.end()
    for m in _attendee_lists(text):
        names = _list_names(m["list"])
        # A title before the list is its first name's ("Vice Mayor Xiong Bo attended"); a name
        # alone is the subject of what follows too ("Yan Huaqing attended and delivered a speech").
        title, lead_titled = (None, None) if _clause_start(text, m.start()) else _title_and_lead(text, m.start())
        how = ["inspecting" if m["accompanied"] else "attending",
               *(_more_actions(text, m.end()) if len(names) == 1 and not m["others"] else [])]
        if lead_titled:  # "District Head Liu Zhigang and Deputy District Head Gao Ying accompanied"
            add(*lead_titled, how)
        for name in names:
            if len(name.split()) == 2:
                at = m.start() + m["list"].find(name)
                add(name, at, [title] if title and at == m.start() else [], how)
    # (Two scans, the second only where the words are: one pattern for both, which no
    # character starts, took 60 µs an article.)
    speakers = [*_SAID_BY_RE.finditer(text), *(_ACCORDING_TO_RE.finditer(text) if "ccording to" in text else ())]
    for m in speakers:
        # "“We must act,” said Zhou Junhua, head of the District Emergency Management Bureau.",
        # "According to Gao Ying, deputy head of the district, the county has 30 mines": the
        # speaker, after the verb, was named nowhere (a people review).
        if not _a_name(m["name"]):
            continue
        titles = []
        if m["comma"]:
            clause = _CLAUSE_RE.match(text, m.end()).group()
            for chunk in clause.split(","):
                words = chunk.split()
                if not ROLE_WORDS.search(chunk) or not words or _VERB_IN_TITLE_RE.search(chunk) or not (
                        words[0][0].isupper() or words[0].lower() in OFFICES or words[0].lower() in _TITLE_STARTS) \
                        or any(_a_name(" ".join(words[k : k + 2])) for k in range(len(words) - 1)):
                    break  # ("…, the village head will visit", "…, 30 Party member households joined")
                titles.append(chunk.strip())
        add(m["name"], m.start("name"), split_roles(", ".join(titles)) if titles else [], ["speaking"])
    if "ttending" in text:  # "Attending the meeting were Liu Chihui, Xu Diren and Luo Wenwei."
        for m in _ATTENDING_WERE_RE.finditer(text):
            for name in _list_names(m["list"]):
                add(name, m.start("list") + m["list"].find(name), [], ["attending"])
    for m in scanned:
        if m["comma"] or not _surnamed(m["name"]):
            continue
        at_clause_start = _clause_start(text, m.start())
        title, lead_titled = (None, None) if at_clause_start else _title_and_lead(text, m.start())
        if title is None and not at_clause_start and not (lead_titled and text.endswith(" and ", 0, m.start())):
            continue  # ("Liu Chihui and Liu Zhigang presided over": both, untitled; they were lost)
        how = [k for k in ("presiding", "speaking", "inspecting") if m.group(k)] + _more_actions(text, m.end())
        if lead_titled:  # "District Head Liu Zhigang and Deputy District Head Gao Ying presided over"
            add(*lead_titled, how)
        add(m["name"], m.start(), [title] if title else [], how)
    for first, start, end, title, passive, finite in _passive_by(text):
        for name, at, titles in _named_by(text, first, start, end, finite):
            roles_text = ", ".join(titles)
            roles = split_roles(roles_text) if ROLE_WORDS.search(roles_text) else []
            add(name, at, [title, *roles] if title and at == start else roles, [passive])
    ordered = sorted(found.items(), key=lambda item: item[1][0])
    return [Person(name, tuple(roles), tuple(how)) for name, (_, roles, how) in ordered]


def find_quoted(text: str) -> list[str]:
    """Phrases the article puts in quotation marks, in order, without repeats."""
    return list(dict.fromkeys(q.strip() for q in QUOTED_RE.findall(text) if q.strip()))
