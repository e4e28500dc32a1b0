"""Labels in credit lines: a label's words are never a person's name, a label inside a
parenthesis or in the middle of a line starts a role of its own, and a label the parser does
not know ("Author:", "Written by", "Intern") is said to the editor at ingest, as "Producer:"
is, not credited. Files of the family, one per edge case, in tests/fixtures/credit_labels/
(an editor's review ingested them: the drafted credits named "Tan Xiaoyu Reporter", "Written
by" and "Author Yi Xiaolan")."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from lgnews.parse import decode_source, parse_article
from lgnews.records import read_yaml

ROOT = Path(__file__).resolve().parents[1]
CASES = Path(__file__).resolve().parent / "fixtures" / "credit_labels"
BODY = "Miluo held a meeting\n2023-05-02 0 By\n\nOn May 1, the city held a meeting on flood control. It was useful.\n"
LAST = "On May 1, the city held a meeting on flood control. It was useful."
LABEL_WORDS = {"Reporter", "Correspondent", "Editor", "Author", "Written", "By", "Intern", "Producer", "Executive"}


def parse_case(name: str):
    return parse_article(decode_source((CASES / name).read_bytes())[0])


def label_words(credits: dict[str, list[str]]) -> list[str]:
    return [word for names in credits.values() for name in names for word in name.split()
            if word.capitalize() in LABEL_WORDS]


@pytest.mark.parametrize(("name", "credits", "source", "unread", "last_words"), [
    # '(Correspondent: Tan Xiaoyu Reporter: Peng Hui)': a correspondent "Tan Xiaoyu Reporter".
    ("colon_labels_in_parenthesis.txt", {"reporter": ["Peng Hui"], "correspondent": ["Tan Xiaoyu"]},
     "Xiangtan Yuhu Rong Media Center", [], "Liu Fang led the team."),
    # '(Written by Yi Xiaolan)': reporters "Written by" and "Yi Xiaolan". No role is written
    # so ("Written by" is no label the parser knows): said, as "Producer:" is.
    ("written_by_in_parenthesis.txt", {}, "Xiangtan Yuhu Rong Media Center", ["Written by Yi Xiaolan"],
     "trained 40 gas inspectors."),
    # '(Author: Yi Xiaolan)': a reporter "Author Yi Xiaolan". "Author:" is no label the parser
    # knows (test_parse says "Author: Li Yi" after a source): said.
    ("author_in_parenthesis.txt", {"editor": ["Gong Jie"]}, "Lianyuan Rong Media Center", ["Author: Yi Xiaolan"],
     "emergency management, attended."),
    # 'Text/Picture: Li Na Hu Bo First Instance: …' on a line of its own was not read at all:
    # "Text/Picture" is read as in a parenthesis ('(Text/Photo: Li Na Hu Bo)'), and the first
    # to third instance (一审 to 三审) are the reviewers CREDIT_LABELS already makes them.
    ("text_picture_and_instances.txt",
     {"reporter": ["Li Na", "Hu Bo"], "reviewer": ["Zeng Hua", "Liu Yang", "Chen Gang"]}, None, [],
     "Lengshuijiang City Fire Rescue Brigade."),
    # '…disputes.(Xinhua County Rong Media Center reporter Xie Ting correspondent Fang Yu)'
    # glued to the last paragraph: no credit read, and the parenthesis left in the text.
    ("media_center_parenthesis_glued.txt", {"reporter": ["Xie Ting"], "correspondent": ["Fang Yu"]},
     "Xinhua County Rong Media Center", [], "resolving conflicts and disputes."),
    # A reviewer's probes of the same article: once "Intern" and the roles split the
    # parenthesis, its qualifier ("Our", a bare "Intern" before "reporter") was a part of no
    # name, and the whole credit line was lost (no credits, no source; the line kept in the text).
    ("our_reporter_then_intern_in_parenthesis.txt", {"reporter": ["Li Yi"], "editor": ["Tan Bin"]},
     "Lianyuan Rong Media Center", ["Intern Wang Lei"], "before the Spring Festival."),
    ("intern_reporter_in_parenthesis.txt", {"reporter": ["Li Yi", "Wang Lei"], "editor": ["Tan Bin"]}, None, [],
     "before the Spring Festival."),
    ("reporter_and_photo_labels_in_parenthesis.txt", {"reporter": ["Liu Yang", "Tan Bin"], "editor": ["Zhang Xiao"]},
     "Lianyuan Rong Media Center", [], "before the Spring Festival."),
    # "Editor: Wang Fang (intern)": an editor, who was said as no name with "(intern)".
    ("editor_intern_in_brackets.txt", {"reporter": ["Liu Yang"], "editor": ["Wang Fang"]},
     "Lianyuan Rong Media Center", [], "before the Spring Festival."),
])
def test_a_credit_line_with_labels_gives_its_people_by_their_names(name, credits, source, unread, last_words):
    article = parse_case(name)
    assert (article.credits, article.source, article.unread_credits) == (credits, source, unread)
    assert article.paragraphs[-1].endswith(last_words)  # the credit line is out of the reading edition


@pytest.mark.parametrize(("ending", "credits", "unread"), [
    ("(Correspondent: Tan Xiaoyu Reporter: Peng Hui)", {"reporter": ["Peng Hui"], "correspondent": ["Tan Xiaoyu"]}, []),
    ("(Reporter: Li Yi Correspondent: Chen Jing) Editor: Xu Jing",
     {"reporter": ["Li Yi"], "correspondent": ["Chen Jing"], "editor": ["Xu Jing"]}, []),
    # An intern has no role of the archive's: said, the reporter beside them read.
    ("(Intern Li Na, reporter Wang Lei)", {"reporter": ["Wang Lei"]}, ["Intern Li Na"]),
    ("(Reporter Li Yi Intern Wang Lei) Source: Miluo Rong Media Center", {"reporter": ["Li Yi"]}, ["Intern Wang Lei"]),
    ("(Author: Yi Xiaolan) Editor: Xu Jing", {"editor": ["Xu Jing"]}, ["Author: Yi Xiaolan"]),
    ("(Executive Producer: Peng Li) Editor: Xu Jing", {"editor": ["Xu Jing"]}, ["Executive Producer: Peng Li"]),
    # A label's word left in a known label's value, without its colon: it and what follows it
    # said, not a name; the name before it is the label's still.
    ("(Li Yi) Editor: Xiao Hui Intern Li Na Source: Miluo Rong Media Center",
     {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]}, ["Editor: Intern Li Na"]),
    ("(Li Yi) Editor: Wang Art, Li Na", {"reporter": ["Li Yi"], "editor": ["Li Na"]}, ["Editor: Wang Art"]),
    # The words that qualify a role, split from it, are no part of their own: an intern
    # reporter is a reporter; a bare intern is said, as after a comma.
    ("(Reporter Li Yi Intern reporter Wang Lei) Editor: Tan Bin",
     {"reporter": ["Li Yi", "Wang Lei"], "editor": ["Tan Bin"]}, []),
    ("(Our reporter Li Yi Intern Wang Lei) Editor: Tan Bin", {"reporter": ["Li Yi"], "editor": ["Tan Bin"]},
     ["Intern Wang Lei"]),
    ("(All-media reporter Liu Yang Intern Li Na) Editor: Tan Bin", {"reporter": ["Liu Yang"], "editor": ["Tan Bin"]},
     ["Intern Li Na"]),
    ("(Photo Reporter Li Na) Editor: Xu Jing", {"reporter": ["Li Na"], "editor": ["Xu Jing"]}, []),
    ("(Text and Photo: Li Na) Editor: Xu Jing", {"reporter": ["Li Na"], "editor": ["Xu Jing"]}, []),
    # The words the parenthesis reads as the reporter's start a part, as a role does.
    ("(Reporter Li Yi Photo Wang Lei) Editor: Tan Bin", {"reporter": ["Li Yi", "Wang Lei"], "editor": ["Tan Bin"]},
     []),
    ("(Reporter: Liu Yang / Photo: Tan Bin) Editor: Xu Jing",
     {"reporter": ["Liu Yang", "Tan Bin"], "editor": ["Xu Jing"]}, []),
    ("(Text: Li Na / Photo: Wang Lei) Editor: Tan Bin", {"reporter": ["Li Na", "Wang Lei"], "editor": ["Tan Bin"]}, []),
    ("(Correspondent Li Yi Photos Wang Lei)", {"correspondent": ["Li Yi"], "reporter": ["Wang Lei"]}, []),
    # So does a label with its colon, known or not.
    ("(Reporter Li Yi Executive Producer: Peng Li)", {"reporter": ["Li Yi"]}, ["Executive Producer: Peng Li"]),
    # A name's last word before a label is no word of the label's ("Lei Photo:" was read as
    # one label, and the line credited no one).
    ("(Reporter Li Yi Wang Lei Photo: Chen Hao) Editor: Tan Bin",
     {"reporter": ["Li Yi", "Wang Lei", "Chen Hao"], "editor": ["Tan Bin"]}, []),
    ("(Reporter Li Yi Wang Lei Correspondent: Chen Hao)",
     {"reporter": ["Li Yi", "Wang Lei"], "correspondent": ["Chen Hao"]}, []),
    # "Duty Editor" (值班编辑) and the like: the qualifier is the label's, not a name's end
    # (an editor "Xiao Hui Duty").
    ("(Li Yi) Editor: Xiao Hui Duty Editor: Wang Fang", {"reporter": ["Li Yi"], "editor": ["Xiao Hui", "Wang Fang"]},
     []),
    # A word before a label that is no pinyin is the label's ("All-media Reporter:", 全媒体记者),
    # not a name's last: a review found "All media" and "Li Yi Staff" credited.
    ("(Reporter Li Yi All-media Reporter: Wang Lei) Source: Louxing Rong Media Center",
     {"reporter": ["Li Yi", "Wang Lei"]}, []),
    ("(Reporter Li Yi Staff Photographer: Chen Hao)", {"reporter": ["Li Yi"]}, ["Staff Photographer: Chen Hao"]),
    # The marks some sites put between labels are no markup: the names beside them are read.
    ("(Li Yi) Editor: Xiao Hui == Reviewer: Wang Fang", {"reporter": ["Li Yi"], "editor": ["Xiao Hui"],
                                                         "reviewer": ["Wang Fang"]}, []),
    ("(Li Yi) Editor: Xiao Hui >> Reviewer: Wang Fang", {"reporter": ["Li Yi"], "editor": ["Xiao Hui"],
                                                         "reviewer": ["Wang Fang"]}, []),
    ("(Li Yi) Editor: Xiao Hui # Reviewer: Wang Fang", {"reporter": ["Li Yi"], "editor": ["Xiao Hui"],
                                                        "reviewer": ["Wang Fang"]}, []),
    # An entity at a value's end ("Xiao Hui&nbsp;" credited an editor "nbsp"), a tag with a space.
    ("(Li Yi) Editor: Xiao Hui&nbsp; Source: Louxing Rong Media Center", {"reporter": ["Li Yi"]},
     ["Editor: Xiao Hui&nbsp;"]),
    ("(Li Yi) Editor: < b>Xiao Hui< /b>", {"reporter": ["Li Yi"]}, ["Editor: < b>Xiao Hui< /b>"]),
    # A name's last word before a two-word label is the name's when the names before are a word
    # short ("Lam", no pinyin); a word after whole names is the label's ("Page Editor:", a
    # place's reporter: "Loudi Reporter:").
    ("(Reporter Li Yi Wang Lam Photo: Chen Hao)", {"reporter": ["Li Yi", "Wang Lam", "Chen Hao"]}, []),
    ("(Reporter Li Yi Chan Kwok Photo: Chen Hao)", {"reporter": ["Li Yi", "Chan Kwok", "Chen Hao"]}, []),
    ("(Reporter Li Yi Page Editor: Chen Hao)", {"reporter": ["Li Yi"]}, ["Page Editor: Chen Hao"]),
    ("(Reporter Li Yi Loudi Reporter: Wang Lei)", {"reporter": ["Li Yi", "Wang Lei"]}, []),
    # The words of the last name are counted, after "and", "&", "/" or "、" (all were lost).
    ("(Reporter Li Yi and Wang Lei Photo: Chen Hao)", {"reporter": ["Li Yi", "Wang Lei", "Chen Hao"]}, []),
    ("(Reporter Li Yi/Wang Lei Photo: Chen Hao)", {"reporter": ["Li Yi", "Wang Lei", "Chen Hao"]}, []),
    ("(Reporter Li Yi、Wang Lei Editor: Chen Hao)", {"reporter": ["Li Yi", "Wang Lei"]}, ["Editor: Chen Hao"]),
    # A lone "<" is no tag.
    ("(Li Yi) Editor: Xiao Hui < Wang Lei", {"reporter": ["Li Yi"], "editor": ["Xiao Hui", "Wang Lei"]}, []),
    # "Page Editor:" (版面编辑) and "Night Editor:" in a line of labels are labels.
    ("(Li Yi) Editor in Chief: Wen Zhibin Page Editor: Xiao Hui",
     {"reporter": ["Li Yi"], "editor_in_chief": ["Wen Zhibin"], "editor": ["Xiao Hui"]}, []),
    ("(Li Yi) Editor: Xiao Hui Night Editor: Peng Li", {"reporter": ["Li Yi"], "editor": ["Xiao Hui", "Peng Li"]},
     []),
    ("(Reporter Li Yi Duty Editor: Wang Fang)", {"reporter": ["Li Yi"]}, ["Duty Editor: Wang Fang"]),
    # Markup, an entity or an address in a label's value: split at its marks, its pieces were
    # people ("b", "nbsp", "evil"), each with a page. Said, for the editor to write.
    ("(Li Yi) Editor in Chief: <b>Wen Zhibin</b> audit: Huang&nbsp;Miao, [Zeng Zhenhua](https://evil/x) "
     "Editor: {% raw %}Xiao Hui Source: Louxing Rong Media Center", {"reporter": ["Li Yi"]},
     ["Editor in Chief: <b>Wen Zhibin</b>", "audit: Huang&nbsp;Miao, [Zeng Zhenhua](https://evil/x)",
      "Editor: {% raw %}Xiao Hui"]),
    ("(Li Yi) Editor: Wang Fang (<b>intern</b>), Li Na", {"reporter": ["Li Yi"]},
     ["Editor: Wang Fang (<b>intern</b>), Li Na"]),
    # A role in the parenthesis, then no name: said, and the labels after it read.
    ("(Reporter Li Art) Editor: Wang Fang", {"editor": ["Wang Fang"]}, ["Reporter Li Art"]),
    # A bracket's label words after a name qualify the role: the name is the label's.
    ("(Li Yi) Editor: Wang Fang (intern)", {"reporter": ["Li Yi"], "editor": ["Wang Fang"]}, []),
    ("(Li Yi) Editor: Wang Fang（Intern）, Li Na", {"reporter": ["Li Yi"], "editor": ["Wang Fang", "Li Na"]}, []),
    ("Text/Picture: Li Na Hu Bo First Instance: Zeng Hua", {"reporter": ["Li Na", "Hu Bo"], "reviewer": ["Zeng Hua"]},
     []),
])
def test_a_label_starts_a_role_or_is_said_and_is_no_name(ending, credits, unread):
    article = parse_article(BODY.rstrip("\n") + "\n" + ending + "\n")
    assert (article.credits, article.unread_credits) == (credits, unread)
    assert article.paragraphs[-1] == LAST


@pytest.mark.parametrize("ending", ["(Written by Yi Xiaolan)", "(Author: Yi Xiaolan)", "(Intern Li Na)"])
def test_a_parenthesis_of_labels_not_known_only_credits_no_one(ending):
    """With nothing else in the credit line, it stays in the text (ingest then says no credit
    line was recognized), rather than credit "Written by" or "Author Yi Xiaolan"."""
    article = parse_article(BODY.rstrip("\n") + "\n" + ending + "\n")
    assert article.credits == {}
    assert article.paragraphs[-1] == ending


@pytest.mark.parametrize(("ending", "credits", "source"), [
    # The reporter's outlet after a comma is the source, not a reporter "Hunan Daily".
    ("(Li Yi, Hunan Daily)", {"reporter": ["Li Yi"]}, "Hunan Daily"),
    ("(Reporter Li Yi, Xinhua News Agency) Editor: Wang Fang", {"reporter": ["Li Yi"], "editor": ["Wang Fang"]},
     "Xinhua News Agency"),
    ("(Li Yi, CCTV)", {"reporter": ["Li Yi"]}, "CCTV"),
    # A source's last word is the source's, however it reads ("Evening News", "… and Planning").
    ("(Li Yi) Source: Changsha Evening News Editor: Li Na", {"reporter": ["Li Yi"], "editor": ["Li Na"]},
     "Changsha Evening News"),
    # ... before a label not known too; "Video Editor:" and "Art Editor:" are the labels'.
    ("(Li Yi) Source: Changsha Evening News Producer: Peng Li", {"reporter": ["Li Yi"]}, "Changsha Evening News"),
    ("(Li Yi) Source: Louxing Rong Media Center Video Editor: Xiao Hui", {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]},
     "Louxing Rong Media Center"),
    ("(Li Yi) Source: Lianyuan Bureau of Natural Resources and Planning Editor: Xiao Hui",
     {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]}, "Lianyuan Bureau of Natural Resources and Planning"),
    # The outlet before the roles is the source too; "Rong Media" alone (融媒) is no body, and
    # was a reporter (Rong is a surname); "Louxing Rong Media" made no credit line at all.
    ("(Rong Media reporter Li Yi) Editor: Xiao Hui", {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]}, None),
    ("(Louxing Rong Media reporter Li Yi) Editor: Xiao Hui", {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]},
     "Louxing Rong Media"),
    ("(Hunan Daily reporter Li Yi correspondent Wang Lei)", {"reporter": ["Li Yi"], "correspondent": ["Wang Lei"]},
     "Hunan Daily"),
    ("(Our News reporter Li Yi)", {"reporter": ["Li Yi"]}, None),  # "Our" is the reporter's, no outlet's
    # A source label after it is the article's source.
    ("(Li Yi, Hunan Daily) Source: Louxing Rong Media Center", {"reporter": ["Li Yi"]}, "Louxing Rong Media Center"),
    # Names after the comma are reporters still; a surname in capitals is no outlet.
    ("(Li Yi, Zhang Fang)", {"reporter": ["Li Yi", "Zhang Fang"]}, None),
    ("(Li Yi, LI NA)", {"reporter": ["Li Yi", "Li Na"]}, None),
])
def test_an_outlet_after_the_names_is_the_source(ending, credits, source):
    article = parse_article(BODY.rstrip("\n") + "\n" + ending + "\n")
    assert (article.credits, article.source) == (credits, source)
    assert article.paragraphs[-1] == LAST


@pytest.mark.parametrize("ending", ["(Reporter Li Yi Hunan Daily reporter Wang Lei)",
                                    "(Correspondent Li Yi Loudi Daily reporter Wang Lei) Editor: Xiao Hui"])
def test_an_outlet_is_no_source_with_the_names_before_it(ending):
    """"(Reporter Li Yi Hunan Daily reporter Wang Lei)" made a source "Reporter Li Yi Hunan
    Daily", and Li Yi was lost in silence (a review of the outlet before the roles)."""
    article = parse_article(BODY.rstrip("\n") + "\n" + ending + "\n")
    assert article.source is None
    assert "Li Yi" in [name for names in article.credits.values() for name in names], article.credits


@pytest.mark.parametrize(("ending", "unread"), [
    # A tag cut short at the line's end: an editor "p", "Xiao Hui br" (a review).
    ("(Li Yi) Editor: Xiao Hui < /p", ["Editor: Xiao Hui < /p"]),
    ("(Li Yi) Editor: Xiao Hui < br", ["Editor: Xiao Hui < br"]),
])
def test_a_tag_cut_short_is_markup(ending, unread):
    article = parse_article(BODY.rstrip("\n") + "\n" + ending + "\n")
    assert (article.credits, article.unread_credits) == ({"reporter": ["Li Yi"]}, unread)


def test_a_parenthesis_source_label_is_the_source():
    """'(Reporter: Li Yi Source: Lianyuan Rong Media Center)': split before its labels, the
    source is no unread label of the parenthesis (the line was not read at all before)."""
    article = parse_article(BODY.rstrip("\n") + "\n(Reporter: Li Yi Source: Lianyuan Rong Media Center)\n")
    assert (article.credits, article.source, article.unread_credits) == (
        {"reporter": ["Li Yi"]}, "Lianyuan Rong Media Center", [])
    assert article.paragraphs[-1] == LAST


@pytest.mark.parametrize(("ending", "credits"), [
    ("(Reporter Li Art)", {}),
    # The labels after it are read, the parenthesis staying the text's (the whole line was
    # left in the reading edition, "(Xinhua) Editor: …" too)
    ("(safety first) Editor: Xu Jing", {"editor": ["Xu Jing"]}),
    ("(the reporter said so) Editor: Xu Jing", {"editor": ["Xu Jing"]}),
    ("(Xinhua 2022-02-11) Editor: Xu Jing", {"editor": ["Xu Jing"]}),
    ("(Changsha 10:23) Editor: Xu Jing Source: Hunan Daily", {"editor": ["Xu Jing"]}),
])
def test_a_parenthesis_of_no_names_is_no_credit_line(ending, credits):
    """A role followed by no name is said only before known labels; a sentence is the text's."""
    article = parse_article(BODY.rstrip("\n") + "\n" + ending + "\n")
    assert (article.credits, article.unread_credits) == (credits, [])
    assert article.paragraphs[-1] == ending[: ending.index(")") + 1]
    assert article.source == ("Hunan Daily" if "Source" in ending else None)


def test_a_byline_of_a_label_and_a_name_is_no_name():
    """'By Reporter Li Yi' on the header's line credited a reporter "Reporter Li Yi"."""
    article = parse_article(BODY.replace(" By\n", " By Reporter Li Yi\n"))
    assert label_words(article.credits) == []


def test_ingest_says_the_label_it_did_not_read(tmp_path):
    """The real command: meta.yml credits no "Author Yi Xiaolan", and the editor is told what
    was left unread, as for "Producer: Peng Li"."""
    work = tmp_path / "work"
    (work / "archive").mkdir(parents=True)
    command = [sys.executable, str(ROOT / "scripts" / "ingest.py"), str(CASES / "author_in_parenthesis.txt")]
    result = subprocess.run(command, cwd=work, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
    assert "part of the credit line is neither credits nor text (“Author: Yi Xiaolan”)" in result.stdout
    [meta] = (work / "archive" / "articles").glob("*/meta.yml")
    assert read_yaml(meta)["credits"] == {"editor": ["Gong Jie"]}


def test_ingest_reads_a_parenthesis_with_a_qualified_role_and_an_intern(tmp_path):
    """The real command on '(Our reporter Li Yi Intern Wang Lei) Editor: Tan Bin Source: …':
    it said no credit line was recognized, and drafted no credits and no source."""
    work = tmp_path / "work"
    (work / "archive").mkdir(parents=True)
    command = [sys.executable, str(ROOT / "scripts" / "ingest.py"),
               str(CASES / "our_reporter_then_intern_in_parenthesis.txt")]
    result = subprocess.run(command, cwd=work, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
    assert "no credit line was recognized" not in result.stdout
    assert "part of the credit line is neither credits nor text (“Intern Wang Lei”)" in result.stdout
    [meta] = (work / "archive" / "articles").glob("*/meta.yml")
    assert read_yaml(meta)["credits"] == {"reporter": ["Li Yi"], "editor": ["Tan Bin"]}
    assert read_yaml(meta)["source"] == "Lianyuan Rong Media Center"


@pytest.mark.parametrize(("ending", "credits", "source", "unread"), [
    # A label the parser does not know before the known ones: said, and the known ones read
    # (the whole line was no credit line, and stayed in the text).
    ("Author: Li Yi Editor in Chief: Wen Zhibin Editor: Xiao Hui Source: Louxing Rong Media Center",
     {"editor_in_chief": ["Wen Zhibin"], "editor": ["Xiao Hui"]}, "Louxing Rong Media Center", ["Author: Li Yi"]),
    # A stop inside the source's address or name is no sentence's end: every credit was lost.
    ("(Li Yi) Editor: Xiao Hui Source: www.louxing.gov.cn", {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]},
     "www.louxing.gov.cn", []),
    ("(Li Yi) Editor: Xiao Hui Source: Hunan Daily Co., Ltd", {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]},
     "Hunan Daily Co., Ltd", []),
    # An address after the source's name is said (for source_url), not part of the name.
    ("(Li Yi) Editor: Xiao Hui Source: Louxing Rong Media Center http://www.louxing.gov.cn/news/123.html",
     {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]}, "Louxing Rong Media Center",
     ["http://www.louxing.gov.cn/news/123.html"]),
    # An address, an email or a figure after a label's names is no part of a name (a second
    # review: "Xiao Hui www louxing gov cn", "Xiao Hui v" were credited); Chinese is said.
    ("(Li Yi) Editor: Xiao Hui www.louxing.gov.cn", {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]}, None,
     ["www.louxing.gov.cn"]),
    ("(Li Yi) Editor: Xiao Hui xiaohui@louxing.gov.cn", {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]}, None,
     ["xiaohui@louxing.gov.cn"]),
    ("(Li Yi) Editor: Xiao Hui v1.2", {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]}, None, ["v1.2"]),
    # A figure and what follows it are said, the names before it read (a third review: the
    # whole value was said, and the editor lost).
    ("(Li Yi) Editor: Xiao Hui, Wang Fang 2022-02-11 10:23", {"reporter": ["Li Yi"], "editor": ["Xiao Hui", "Wang Fang"]},
     None, ["2022-02-11 10:23"]),
    ("Photo: Wang Lei (3 photos) Editor: Xu Jing", {"reporter": ["Wang Lei"], "editor": ["Xu Jing"]}, None,
     ["(3 photos)"]),
    ("Correspondent: Li Yi (Louxing No.2 People's Hospital) Editor: Xiao Hui",
     {"editor": ["Xiao Hui"]}, None, ["Correspondent: Li Yi (Louxing No.2 People's Hospital)"]),
    ("(Correspondent Li Yi, No.1 Middle School) Editor: Xiao Hui", {"correspondent": ["Li Yi"], "editor": ["Xiao Hui"]},
     None, ["No.1 Middle School"]),
    ("(Li Yi) Editor: Xiao Hui Source: Louxing No.1 Middle School", {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]},
     "Louxing No.1 Middle School", []),
    ("(Li Yi) Editor: Xiao Hui (肖辉)", {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]}, None, []),
    ("Production: Li Yi Editor: Xiao Hui", {"editor": ["Xiao Hui"]}, None, ["Production: Li Yi"]),
    # Other figures, and a figure after a word that ends no name, say the whole value: the
    # words before it were credited ("Xiao Hui Views", "Li Yi Tel", "Xiao", "Louxing"; a
    # fourth review).
    ("(Li Yi) Editor: Xiao Hui Views 1024", {"reporter": ["Li Yi"]}, None, ["Editor: Xiao Hui Views 1024"]),
    ("(Li Yi) Editor: Xiao Hui Updated 2022-02-11", {"reporter": ["Li Yi"]}, None,
     ["Editor: Xiao Hui Updated 2022-02-11"]),
    ("Reporter: Li Yi Tel 0738-8321234 Editor: Xiao Hui", {"editor": ["Xiao Hui"]}, None,
     ["Reporter: Li Yi Tel 0738-8321234"]),
    ("(Li Yi) Editor: Xiao Hui&#160;", {"reporter": ["Li Yi"]}, None, ["Editor: Xiao Hui&#160;"]),
    ("Correspondent: Li Yi, Louxing 1st Middle School Editor: Xiao Hui", {"editor": ["Xiao Hui"]}, None,
     ["Correspondent: Li Yi, Louxing 1st Middle School"]),
    # A date, a time or a telephone number in the reporter's parenthesis: said, the name read
    # (the whole credit line was lost: a fifth review)
    ("(Li Yi 2022-02-11) Editor: Xiao Hui", {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]}, None, ["2022-02-11"]),
    ("(Reporter Li Yi 0738-8321234) Editor: Xiao Hui", {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]}, None,
     ["0738-8321234"]),
    # A mobile number, eleven digits with no hyphen (the whole value was said)
    ("(Li Yi) Editor: Xiao Hui 13907381234", {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]}, None, ["13907381234"]),
    ("(Li Yi) Editor: Xiao Hui 139073812345", {"reporter": ["Li Yi"]}, None, ["Editor: Xiao Hui 139073812345"]),
    ("(Li Yi 2月11日) Editor: Xiao Hui", {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]}, None, ["2月11日"]),
    ("(Reporter Li Yi, correspondent Wang Lei 2022-02-11) Editor: Xiao Hui",
     {"reporter": ["Li Yi"], "correspondent": ["Wang Lei"], "editor": ["Xiao Hui"]}, None, ["2022-02-11"]),
    # An address or a company in capitals (a stop before a capital ended a sentence there)
    ("(Li Yi) Editor: Xiao Hui Source: Louxing Rong Media Center WWW.LOUXING.GOV.CN",
     {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]}, "Louxing Rong Media Center", ["WWW.LOUXING.GOV.CN"]),
    ("(Li Yi) Editor: Xiao Hui Source: Hunan Daily Co.Ltd", {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]},
     "Hunan Daily Co.Ltd", []),
    ("(Li Yi) Editor: Xiao Hui Source: Louxing Rong Media Center (www.louxing.gov.cn)",
     {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]}, "Louxing Rong Media Center", ["www.louxing.gov.cn"]),
    ("(Li Yi) Editor: Xiao Hui 来源：娄星融媒体中心", {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]}, None,
     ["来源: 娄星融媒体中心"]),
    # A label in small letters glued to the last sentence, as the seed writes "audit:" (a stop
    # before a small letter was taken to be inside a word, and the line was lost).
    ("audit: Huang Miao Editor: Xiao Hui Source: Miluo Rong Media Center",
     {"reviewer": ["Huang Miao"], "editor": ["Xiao Hui"]}, "Miluo Rong Media Center", []),
    # Labels written "… by:" (the first three lost the credit line; after a value, "Produced
    # by" was an editor's name)
    ("Photo by: Li Yi Editor: Xiao Hui", {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]}, None, []),
    ("Text and photos by: Li Yi Editor: Xiao Hui", {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]}, None, []),
    ("Photographed by: Li Yi Editor: Xiao Hui", {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]}, None, []),
    ("Proofread by: Li Yi Editor: Xiao Hui", {"editor": ["Xiao Hui"]}, None, ["Proofread by: Li Yi"]),
    ("(Li Yi) Editor: Xiao Hui Produced by: Peng Li", {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]}, None,
     ["Produced by: Peng Li"]),
    ("(Li Yi) Source: Hunan Daily Written by: Peng Li", {"reporter": ["Li Yi"]}, "Hunan Daily", ["Written by: Peng Li"]),
    # A parenthesis with an outlet's name only is the source (it credited reporters "Louxing
    # Rong" and "Media Center"); "Rong Media" alone names no body
    ("(Louxing Rong Media Center) Editor: Xiao Hui", {"editor": ["Xiao Hui"]}, "Louxing Rong Media Center", []),
    ("(Hunan Daily) Editor: Xiao Hui", {"editor": ["Xiao Hui"]}, "Hunan Daily", []),
    ("(Xinhua News Agency) Editor: Xiao Hui", {"editor": ["Xiao Hui"]}, "Xinhua News Agency", []),
    ("(Rong Media) Editor: Xiao Hui", {"editor": ["Xiao Hui"]}, None, []),
    # Names with an outlet after them: the reporters, and the outlet the source (a review of the
    # first version: the reporters were lost; a second: the outlet was a reporter); an outlet's
    # name in two words of pinyin is no reporter's
    ("(Li Yi Hunan Daily) Editor: Xiao Hui", {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]}, "Hunan Daily", []),
    ("(Li Yi Wang Qian Louxing Rong Media Center) Editor: Xiao Hui",
     {"reporter": ["Li Yi", "Wang Qian"], "editor": ["Xiao Hui"]}, "Louxing Rong Media Center", []),
    ("(Shao Yang Daily) Editor: Xiao Hui", {"editor": ["Xiao Hui"]}, "Shao Yang Daily", []),
    ("(Lian Yuan Rong Media Center) Editor: Xiao Hui", {"editor": ["Xiao Hui"]}, "Lian Yuan Rong Media Center", []),
    ("(Xin Hua News Agency) Editor: Xiao Hui", {"editor": ["Xiao Hui"]}, "Xin Hua News Agency", []),
    ("(Xiao Xiang Morning News) Editor: Xiao Hui", {"editor": ["Xiao Hui"]}, "Xiao Xiang Morning News", []),
    # Alone on its line, the outlet is the source
    ("(Louxing Rong Media Center)", {}, "Louxing Rong Media Center", []),
    # A republishing site's notices below the credit line are no paragraphs of the article.
    ("(Li Yi) Editor: Xiao Hui\nDisclaimer: This article is reprinted from the Internet; the copyright belongs to "
     "the original author. If there is any infringement, please contact us to delete it.",
     {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]}, None, []),
    ("(Li Yi) Editor: Xiao Hui\nCopyright © 2023 Louxing District People's Government. All rights reserved. "
     "Webmaster: Zhao Lin", {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]}, None, []),
])
def test_a_credit_line_is_read_past_what_a_republishing_site_adds(ending, credits, source, unread):
    """What a family review ingested: each of these lost the credit line, or put a site's
    notice into the reading edition."""
    article = parse_article(BODY.rstrip("\n").replace("useful.", "useful." + ending.split("\n")[0]) + "\n"
                            + "\n".join(ending.split("\n")[1:]) + "\n")
    assert (article.credits, article.source, article.unread_credits) == (credits, source, unread)
    assert article.paragraphs[-1] == LAST


def test_a_line_of_the_article_that_starts_like_a_notice_is_the_articles():
    text = BODY + "Copyright protection of local brands was discussed at length.\n(Li Yi) Editor: Xiao Hui\n"
    article = parse_article(text)
    assert article.paragraphs[-1] == "Copyright protection of local brands was discussed at length."
    assert article.credits == {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]}


def test_a_sites_copyright_as_the_texts_last_line_is_no_paragraph_without_a_credit_line_too():
    """With no credit line above it, the site's copyright line was the article's last
    paragraph, and linked the government it names as a body of the article (a people review).
    A photograph's credit below the text stays the article's."""
    article = parse_article(BODY + "Copyright © 2023 Louxing District People's Government. All rights reserved.\n")
    assert article.paragraphs[-1] == LAST and article.credits == {}
    assert parse_article(BODY + "© 2023 Louxing News. All rights reserved.\n").paragraphs[-1] == LAST
    for own in ("© Photo by Li Yi", "All rights reserved for the collectives will be confirmed by May, he said."):
        assert parse_article(BODY + own + "\n").paragraphs[-1] == own


def test_ingest_proposes_the_address_after_the_source_for_source_url(tmp_path):
    raw = tmp_path / "raw.txt"
    raw.write_text(BODY.rstrip("\n") + "(Li Yi) Editor: Xiao Hui Source: Louxing Rong Media Center "
                   "http://www.louxing.gov.cn/news/123.html\n", encoding="utf-8")
    work = tmp_path / "work"
    (work / "archive").mkdir(parents=True)
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "ingest.py"), str(raw)], cwd=work,
                            capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
    assert ("the credit line gives an address (“http://www.louxing.gov.cn/news/123.html”): if it is the page the "
            "article was taken from, write it as source_url in meta.yml)") in result.stdout
    [meta] = (work / "archive" / "articles").glob("*/meta.yml")
    assert read_yaml(meta)["source"] == "Louxing Rong Media Center"


def test_the_articles_own_lines_before_the_credit_line_stay_the_articles():
    """What a second review found cut from the text: a subheading with a colon before the
    credit line, a line starting like a site's notice with no credit line above it, and
    the credits after a long last sentence holding a stop inside a word."""
    subheading = parse_article(BODY + "Next Step: Key Tasks Ahead\nEditor: Xiao Hui Source: Miluo Rong Media Center\n")
    assert "Next Step: Key Tasks Ahead" in " ".join(subheading.paragraphs)
    assert "Next Step: Key Tasks Ahead" not in " ".join(subheading.unread_credits)
    assert (subheading.credits, subheading.source) == ({"editor": ["Xiao Hui"]}, "Miluo Rong Media Center")
    # A credit line below a line with no stop, with names as credit lines write them
    for credit_line, credits, source in [
            ("audit: Huang Miao Zeng Zhenhua Liu Hui Editor: Xiao Hui",
             {"reviewer": ["Huang Miao", "Zeng Zhenhua", "Liu Hui"], "editor": ["Xiao Hui"]}, None),
            ("Reporter: Li Yi, Wang Lei Editor: Xiao Hui.", {"reporter": ["Li Yi", "Wang Lei"], "editor": ["Xiao Hui"]},
             None),
            ("Editor: Xiao Hui Source: Publicity Department of Louxing District Committee", {"editor": ["Xiao Hui"]},
             "Publicity Department of Louxing District Committee"),
            # Names not in pinyin (a sixth review: the whole line was lost)
            ("Reporter: Wong Kar Editor: John Smith", {"reporter": ["Wong Kar"], "editor": ["John Smith"]}, None)]:
        article = parse_article(BODY + "The meeting ended with a pledge\n" + credit_line + "\n")
        assert (article.credits, article.source) == (credits, source), credit_line
        assert article.paragraphs[-1].endswith("The meeting ended with a pledge"), article.paragraphs
    # A sentence ending in an address, the credit line glued to it
    glued = parse_article(BODY.rstrip("\n").replace("useful.", "useful. Details are at www.louxing.gov.cn.Editor: Xiao "
                                                   "Hui Source: Hunan Daily Co., Ltd.") + "\n")
    assert (glued.credits, glued.source) == ({"editor": ["Xiao Hui"]}, "Hunan Daily Co., Ltd")
    # An address with a port in capitals: its colon is no label's
    port = parse_article(BODY.rstrip("\n") + " Editor: Xiao Hui Source: WWW.LOUXING.GOV.CN:8080\n")
    assert port.credits == {"editor": ["Xiao Hui"]} and port.paragraphs[-1] == LAST
    # The article's own parenthesis with a figure stays the article's
    own = parse_article(BODY.rstrip("\n") + " Accidents fell by 10% (compared with 2021) Editor: Xiao Hui\n")
    assert "(compared with 2021)" in own.paragraphs[-1]
    # A line of the text that starts with a label's word is the text's, not a credit line
    for line in ["Source: the district statistics bureau, output rose 5 percent year on year",
                 "Review: the district inspected 120 enterprises and rectified 300 hazards",
                 "Reporter: What are the plans for next year",
                 "Text: Louxing District Work Safety Responsibility List"]:
        article = parse_article(BODY + "The main data are as follows\n" + line + "\nEditor: Xiao Hui\n")
        assert line in " ".join(article.paragraphs), (line, article.paragraphs, article.unread_credits)
        assert article.source is None and "reporter" not in article.credits, (line, article.credits)
    # A site's notice below the credit line, under a line of the text that starts like one
    captioned = parse_article(BODY + "© Photo by Miluo Rong Media Center\nThe meeting ended.\n(Li Yi) Editor: Xiao Hui\n"
                              "Copyright © 2022 Miluo News. All rights reserved.\n")
    assert captioned.paragraphs[-1] == "The meeting ended." and "© Photo by Miluo Rong Media Center" in captioned.paragraphs
    for notice in ["All rights reserved for the rural collectives will be confirmed by the end of the year, he said.",
                   "Disclaimer: the figures are provisional, the county said."]:
        article = parse_article(BODY + notice + "\nThe county will report again in June.\n")
        assert article.paragraphs[-2:] == [notice, "The county will report again in June."]
    long = "On May 2, the county raised its budget by 3.5 percent for Hunan Daily Co., Ltd and others" + " and" * 100
    article = parse_article(f"Miluo held a meeting\n2023-05-02 0 By\n\n{long} (Li Yi) Editor: Xiao Hui\n")
    assert article.credits == {"reporter": ["Li Yi"], "editor": ["Xiao Hui"]}
    assert article.paragraphs[-1] == long
