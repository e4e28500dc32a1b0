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
    # A label's word left in a known label's value, without its colon: said, not a name.
    ("(Li Yi) Editor: Xiao Hui Intern Li Na Source: Miluo Rong Media Center", {"reporter": ["Li Yi"]},
     ["Editor: Xiao Hui Intern Li Na"]),
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
