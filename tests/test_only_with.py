"""An entry or an event that another place's article would name by mistake ("7·20" is a
date: Shuangfeng's landslide of 20 July 2022 was its own "7·20") is found only in articles
that also say one of its ``only_with`` words (a fact-checker's review: a Shuangfeng flood
article was listed under the Zhengzhou disaster of 2021, on the timeline and in the glossary)."""

from __future__ import annotations

import json
import shutil

import pytest

from lgnews.model import build_site, load_archive
from lgnews.records import context_pattern
from lgnews.render import abbreviations

from .conftest import ROOT

SHUANGFENG = ('Participants reviewed the handling of the "7·20" landslide in the county last year and the '
              "July 20 rainstorm that hit its townships.")


def _site(tmp_path, texts: dict[str, str]):
    archive = tmp_path / "archive"
    shutil.copytree(ROOT / "archive", archive, ignore=shutil.ignore_patterns("articles"))
    (archive / "articles").mkdir()
    return _site_in(archive, texts)


def _site_in(archive, texts: dict[str, str]):
    for slug, text in texts.items():
        folder = archive / "articles" / slug
        folder.mkdir()
        (folder / "article.md").write_text(f"---\ntitle: {json.dumps(slug)}\npublished: {slug[:10]}\n---\n\n{text}\n",
                                           encoding="utf-8")
    return build_site(load_archive(archive))


def test_another_places_7_20_is_not_the_zhengzhou_disaster(tmp_path):
    site = _site(tmp_path, {"2023-08-10-shuangfeng": SHUANGFENG,
                            "2023-08-11-zhengzhou": SHUANGFENG.replace("in the county", "in Zhengzhou"),
                            "2023-08-12-henan": "Officials recalled the 7·20 rainstorm. 河南 was hit hardest."})
    found = {a.id: ([t.slug for t in a.terms], [e.id for e in a.events]) for a in site.articles}
    assert found == {
        "2023-08-10-shuangfeng": ([], []),
        "2023-08-11-zhengzhou": (["zhengzhou-7-20-rainstorm-disaster"], ["zhengzhou-7-20-rainstorm"]),
        "2023-08-12-henan": (["zhengzhou-7-20-rainstorm-disaster"], ["zhengzhou-7-20-rainstorm"]),
    }
    rainstorm = next(e for e in site.timeline if e.kind == "event" and e.anchor == "zhengzhou-7-20-rainstorm")
    assert [a.id for a in rainstorm.articles] == ["2023-08-11-zhengzhou", "2023-08-12-henan"]
    shuangfeng = next(a for a in site.articles if a.id == "2023-08-10-shuangfeng")
    assert not any(s.term for spans in shuangfeng.spans for s in spans)  # no tooltip on its "7·20"
    # Its quoted "7·20" is a candidate term: no entry explains it there (a review).
    assert [a.id for c in site.candidates if c.phrase == "7·20" for a in c.articles] == ["2023-08-10-shuangfeng"]


def test_the_word_may_be_in_the_title(tmp_path):
    site = _site(tmp_path, {"2023-08-10-zhengzhou-remembers": SHUANGFENG.replace("in the county", "there")})
    assert [e.id for e in site.articles[0].events] == ["zhengzhou-7-20-rainstorm"]


def test_a_word_is_a_whole_word():
    pattern = context_pattern(["Henan", "郑州"])
    assert pattern.search("the HENAN floods") and pattern.search("在郑州市")
    assert not pattern.search("Henanese") and not pattern.search("Shenanigans")


def test_editors_pages_get_no_tooltip_for_a_name_that_needs_a_word():
    """The tooltips of editors' pages (abbreviations) have no context to check: they keep
    only the names that hold one of the words."""
    site = build_site(load_archive(ROOT / "archive"))
    tips = abbreviations(site.terms)
    assert "Zhengzhou 7·20 heavy rain disaster" in tips and "2021 Henan floods" in tips
    assert "7·20" not in tips and "July 20 rainstorm" not in tips
    assert "power list" in tips  # an entry without only_with keeps all its names


def test_only_with_must_be_text(tmp_path):
    from lgnews.model import ArchiveErrors

    archive = tmp_path / "archive"
    shutil.copytree(ROOT / "archive", archive)
    glossary = archive / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    assert 'only_with: ["Zhengzhou", "Henan", "郑州", "河南"]' in text
    glossary.write_text(text.replace('only_with: ["Zhengzhou", "Henan", "郑州", "河南"]', "only_with: {a: 1}"),
                        encoding="utf-8")
    with pytest.raises(ArchiveErrors) as caught:
        load_archive(archive)
    assert "only_with: expected a list of text" in str(caught.value)


def test_an_item_of_only_with_may_be_a_phrase_with_a_comma(tmp_path):
    """Refused as one text ('only_with: "Henan, Zhengzhou"', test_errors), a comma is the
    article's own words in an item of a list: "Zhengzhou, Henan"."""
    archive = tmp_path / "archive"
    shutil.copytree(ROOT / "archive", archive, ignore=shutil.ignore_patterns("articles"))
    (archive / "articles").mkdir()
    glossary = archive / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(text.replace('only_with: ["Zhengzhou", "Henan", "郑州", "河南"]',
                                     'only_with: ["Zhengzhou, Henan"]'), encoding="utf-8")
    site = _site_in(archive, {"2023-08-10-a": 'The "7·20" rainstorm of Zhengzhou, Henan was studied.',
                              "2023-08-11-b": 'The "7·20" rainstorm of Zhengzhou was studied.'})
    found = {a.id: [t.slug for t in a.terms] for a in site.articles}
    assert found == {"2023-08-10-a": ["zhengzhou-7-20-rainstorm-disaster"], "2023-08-11-b": []}
