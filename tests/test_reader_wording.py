"""Sentences the generator writes for a reader, as English reads them: who a person is, at
the top of their page and in a list of namesakes ("Named in 1 article of 2022: attending."
read as a form), and the timeline's entry for a publication ("<Source> publishes the
article.", present tense among past events)."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date

import jsonschema
import pytest

from lgnews.model import build_site, load_archive
from lgnews.render import Renderer, environment

from .conftest import ROOT, SEED_ID, add_article


def lead(**given) -> str:
    """The person_lead macro's sentence for a lead like render.person_lead's."""
    values = {"articles": 1, "years": (2022, 2022), "credited": False, "roles": [], "more_roles": 0,
              "taking_part": [], "credits": []}
    template = environment().from_string('{% from "_macros.j2" import person_lead %}{{ person_lead(lead) }}')
    return template.render(lead={**values, **given})


@pytest.mark.parametrize("given, sentence", [
    ({"taking_part": [("attending", 1)]}, "Named in 1 article (2022), taking part by attending."),
    ({"articles": 3, "years": (2021, 2023), "taking_part": [("presiding", 3), ("speaking", 3), ("attending", 3)]},
     "Named in 3 articles, from 2021 to 2023, taking part by presiding, speaking and attending."),
    ({"credited": True, "credits": [("reporting", 1)]}, "Credited in 1 article (2022) for reporting."),
    ({"credited": True, "credits": [("editing (editor in chief)", 1)]},
     "Credited in 1 article (2022) for editing (editor in chief)."),
    ({"credited": True, "articles": 2, "years": (2021, 2022), "credits": [("reporting", 1), ("editing", 1)]},
     "Credited in 2 articles, from 2021 to 2022, for reporting (1 article) and editing (1 article)."),
    ({"roles": [("deputy secretary of the District Committee", 1), ("Head of the District", 1)],
      "taking_part": [("presiding", 1)]},
     "Named in 1 article (2022), as deputy secretary of the District Committee; Head of the District, taking part "
     "by presiding."),
    ({"articles": 4, "years": (2020, 2023), "roles": [("mayor", 4)], "more_roles": 2},
     "Named in 4 articles, from 2020 to 2023, as mayor and 2 other roles."),
    ({"articles": 2, "years": (2022, 2023), "taking_part": [("speaking", 1)]},
     "Named in 2 articles, from 2022 to 2023, taking part by speaking (1 article)."),
    # A title one article gives, of a person most others credit: said as one article's, and the
    # credits beside it (a people review: "Named in 53 articles, from 2020 to 2023, as deputy
    # head of the district", of a reporter).
    ({"articles": 53, "years": (2020, 2023), "roles": [("deputy head of the district", 1)],
      "taking_part": [("presiding", 1)], "credits": [("reporting", 52)]},
     "Named in 53 articles, from 2020 to 2023, as deputy head of the district (1 article), taking part by presiding "
     "(1 article); credited for reporting (52 articles)."),
])
def test_a_persons_lead_reads_as_a_sentence(given, sentence):
    assert lead(**given) == sentence


def test_the_timeline_says_who_published_an_article(tmp_path):
    """In the past, as the other entries are told, and by a source the archive does not
    know ("The source publishes the article." before)."""
    archive = shutil.copytree(ROOT / "archive", tmp_path / "archive")
    folder = archive / "articles" / "2023-05-02-no-source"
    folder.mkdir()
    (folder / "article.md").write_text("---\ntitle: No source\npublished: 2023-05-02\n---\n\nA meeting was held.\n",
                                       encoding="utf-8")
    folder = archive / "articles" / "2023-05-03-translated-no-source"
    folder.mkdir()
    (folder / "article.md").write_text("---\ntitle: Translated\npublished: 2023-05-03\nmachine_translated: true\n---\n\n"
                                       "A meeting was held.\n", encoding="utf-8")
    site = build_site(load_archive(archive))
    published = {e.articles[0].id: e.description for e in site.timeline if e.kind == "published"}
    assert published == {
        "2022-04-30-louxing-district-held-the-2022-work-safety-retreat-meeting":
            "Machine translation of a report by Louxing Rong Media Center.",
        # Written by an editor (no source, not a translation): the editors', not an unknown
        # source's (an editor's review: its citation said "unknown source" too).
        "2023-05-02-no-source": "Written by the archive's editors.",
        "2023-05-03-translated-no-source": "Published by an unknown source.",
    }
    renderer = Renderer(site, "https://example.org/", "Archive")
    cites = {a.id: re.search(r'<p class="cite">(.*?)\. Archived', renderer.render_article(a).content)[1]
             for a in site.articles}
    assert cites == {
        "2022-04-30-louxing-district-held-the-2022-work-safety-retreat-meeting":
            "“Louxing District held the 2022 Work safety retreat Meeting” (machine translation from Chinese of a report "
            "by Louxing Rong Media Center), 30 April 2022",
        "2023-05-02-no-source": "“No source”, written by the archive's editors, 2 May 2023",
        "2023-05-03-translated-no-source": "“Translated” (machine translation from Chinese), unknown source, 3 May 2023",
    }


def test_the_seeds_pages_read_so(built_site):
    timeline = (built_site / "timeline" / "2022" / "index.html").read_text(encoding="utf-8")
    assert "Machine translation of a report by Louxing Rong Media Center." in timeline
    assert "publishes the article" not in timeline
    # The seed says "On February 11": the year is not in its text (it read "dated in its text").
    assert "The event the article reports, dated by the article (published 30 April 2022)." in timeline
    index = (built_site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert 'a day it gives without a year ("On February 11") is taken to be the last such day up to the ' \
        "article's publication" in index.replace("&quot;", '"').replace("&#39;", "'")
    person = (built_site / "people" / "wang-qian" / "index.html").read_text(encoding="utf-8")
    assert '<p class="person-lead">Named in 1 article (2022), taking part by attending.</p>' in person


def test_the_home_page_hedges_the_chinese_of_an_entry_not_sure_of_it(built_site):
    """"Terms to know" gave the Chinese of an entry of medium confidence as fact (a
    fact-checker's review): its page says the original may have used another term."""
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert '(probably <span lang="zh">党政领导责任、部门监管责任、属地管理责任、企业主体责任</span>)' in home
    assert '(<span lang="zh">人民至上、生命至上</span>)' in home  # high confidence: as it is


def test_a_persons_page_says_who_published_the_articles_that_name_them(tmp_path):
    """A reader's review at 1,000 articles: "Named in 12 articles… as Head of the County",
    and nothing on the page said which county. The bodies that published the articles say
    where: the three most frequent, with a link to each, and how many others."""
    from lgnews import render

    archive = shutil.copytree(ROOT / "archive", tmp_path / "archive")
    sources = ["Xiangyin County Rong Media Center"] * 3 + ["Hunan Daily"] * 2 + ["Loudi News", "Miluo Today"]
    for n, source in enumerate(sources, start=1):
        add_article(archive, f"2023-05-{n:02d}-inspection-{n}",
                    f"source: {source}\npeople:\n- name: Bai Aiwei\n  roles: [Head of the County]\n",
                    "Bai Aiwei inspected the mines.")
    site = build_site(load_archive(archive))
    person = next(p for p in site.people if p.name == "Bai Aiwei")
    page = render.Renderer(site, "https://example.org/", "Test").render_person(person)[0].content
    assert ('<p class="person-sources"><strong>In articles from:</strong> '
            '<a href="../../organizations/xiangyin-county-rong-media-center/">Xiangyin County Rong Media Center</a> '
            '(3 articles), <a href="../../organizations/hunan-daily/">Hunan Daily</a> (2 articles), '
            '<a href="../../organizations/loudi-news/">Loudi News</a> (1 article) and 1 other source</p>') in page
    liu = next(p for p in site.people if p.name == "Liu Zhigang")
    page = render.Renderer(site, "https://example.org/", "Test").render_person(liu)[0].content
    assert ('<strong>In articles from:</strong> <a href="../../organizations/louxing-rong-media-center/">Louxing '
            'Rong Media Center</a> (1 article)</p>') in page


def test_an_ingested_article_without_a_source_is_no_article_of_the_editors(tmp_path):
    """Published in English (not machine-translated) and with no source, an ingested article
    was said to be written by the archive's editors: only one written in Markdown is."""
    archive = shutil.copytree(ROOT / "archive", tmp_path / "archive")
    meta = archive / "articles" / SEED_ID / "meta.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("source: Louxing Rong Media Center\n", "")
                    .replace("machine_translated: true", "machine_translated: false"), encoding="utf-8")
    site = build_site(load_archive(archive))
    (entry,) = [e for e in site.timeline if e.kind == "published"]
    assert entry.description == "Published by an unknown source."
    page = Renderer(site, "https://example.org/", "Archive").render_article(site.articles[0]).content
    assert "<dt>Translation:</dt> <dd>Published in English.</dd>" in page
    assert "”, unknown source, 30 April 2022. Archived" in page and "editors" not in page.split('class="cite"')[1]


def test_chinese_in_an_articles_title_and_text_is_marked_as_chinese(tmp_path):
    """A screen reader read the Chinese of an article's title and text with the page's English
    voice: the glossary's and people's pages marked theirs, the articles did not (an
    accessibility review). Marked in the heading, the reading edition (ingested or written in
    Markdown) and the lists' links; a title of English alone is left as it was."""
    from lgnews.ingest import ingest_file

    archive = shutil.copytree(ROOT / "archive", tmp_path / "archive")
    raw = tmp_path / "flood.txt"
    raw.write_text("Louxing held the flood prevention (防汛) meeting\n2022-06-02 0 By\n\nOn June 1, Louxing "
                   "prepared for the main flood season (主汛期). The meeting ended.(Li Yi) Source: Louxing Rong Media "
                   "Center\n", encoding="utf-8")
    ingested = ingest_file(raw, archive, {})
    written = archive / "articles" / "2022-06-03-river-chiefs"
    written.mkdir()
    (written / "article.md").write_text("---\ntitle: River chiefs (河长) met\npublished: 2022-06-03\n---\n\n"
                                        "The river chiefs (河长制) met.\n\n| Post | Chinese |\n|---|---|\n"
                                        "| river chief | 河长 |\n", encoding="utf-8")
    site = build_site(load_archive(archive))
    renderer = Renderer(site, "https://example.org/", "Archive")
    pages = {a.id: renderer.render_article(a).content for a in site.articles}

    def zh_span(chinese):  # (without the inner words a glossary's Chinese gives the search)
        return f'<span lang="zh">{chinese}</span>'

    flood = pages[ingested]
    assert f"Louxing held the flood prevention ({zh_span('防汛')}) meeting</h1>" in flood
    assert f"the main flood season ({zh_span('主汛期')})." in flood
    river = pages["2022-06-03-river-chiefs"]
    assert f"River chiefs ({zh_span('河长')}) met</h1>" in river
    assert f"The river chiefs ({zh_span('河长制')}) met." in river and f"<td>{zh_span('河长')}</td>" in river
    # In the lists, a link's Chinese is marked too (not searched there: the lists are not).
    listing = "".join(o.content for o in renderer.render_all() if o.path.startswith("articles/2022/06"))
    assert 'River chiefs (<span lang="zh">河长</span>) met</a>' in listing
    seed = pages["2022-04-30-louxing-district-held-the-2022-work-safety-retreat-meeting"]
    assert 'lang="zh"' not in seed.split('<div class="reading-edition"')[1].split("</div>")[0]
    # The citation's title, and where the text is quoted elsewhere: an occurrence's words on a
    # glossary entry, a phrase no entry explains (a reader's review).
    assert f'<p class="cite">“Louxing held the flood prevention ({zh_span("防汛")}) meeting”' in flood


def test_chinese_quoted_from_an_article_on_other_pages_is_marked_as_chinese(tmp_path):
    from lgnews.ingest import ingest_file

    archive = shutil.copytree(ROOT / "archive", tmp_path / "archive")
    raw = tmp_path / "zh.txt"
    raw.write_text("Shuangfeng County held a deployment meeting\n2023-06-02 0 By\n\nOn May 30, Shuangfeng County "
                   "held a meeting on hidden dangers in 安全生产.Zhang Wei, member of the Standing Committee of the "
                   "County Committee, attended and spoke.The meeting asked all towns to carry out the “三管三必须” "
                   "requirement.\n(Reporter Wang Lei) Source: Shuangfeng Rong Media Center\n", encoding="utf-8")
    ingest_file(raw, archive, {})
    site = build_site(load_archive(archive))
    renderer = Renderer(site, "https://example.org/", "Archive")
    pages = {o.path: o.content for o in renderer.render_all()}
    dangers = pages["glossary/hidden-dangers/index.md"]
    assert 'hidden dangers in <span lang="zh">安全生产</span>' in dangers
    assert '“<span lang="zh">三管三必须</span>”' in pages["glossary/candidate-terms/index.md"]


def test_an_archived_file_not_in_utf8_says_its_encoding_on_its_page_and_in_the_data(tmp_path):
    """A file archived in GB18030 downloaded from the article's link, or by the data's
    sha256, read as UTF-8 garbled: nothing said what it was in, nor which file the sha256
    is of (a data consumer's review)."""
    from lgnews.ingest import ingest_file
    from lgnews.render import article_record

    archive = shutil.copytree(ROOT / "archive", tmp_path / "archive")
    new = ingest_file(ROOT / "tests" / "fixtures" / "raw" / "gb18030.txt", archive, {})
    site = build_site(load_archive(archive))
    records = {a.id: article_record(a) for a in site.articles}
    assert {k: records[new][k] for k in ("archived_file", "encoding")} == {
        "archived_file": f"archive/articles/{new}/source.txt", "encoding": "gb18030"}
    assert {k: records[SEED_ID][k] for k in ("archived_file", "encoding")} == {
        "archived_file": f"archive/articles/{SEED_ID}/source.txt", "encoding": "utf-8"}
    schema = json.loads((ROOT / "docs" / "schemas" / "articles.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(list(records.values()), schema)
    renderer = Renderer(site, "https://example.org/", "Archive", repo_url="https://github.com/o/archive")
    pages = {a.id: renderer.render_article(a).content for a in site.articles}
    assert "Its text is in the GB18030 encoding, not UTF-8: open it as GB18030." in pages[new]
    assert "encoding" not in pages[SEED_ID].split('class="verbatim')[1].split("</pre>")[0].split("<pre")[0]
    # The encoding the build read the bytes in, whatever meta.yml says of it: none (the build
    # finds GB18030 itself), or UTF-8 by another of its names (a review: the first gave
    # "utf-8", the second "Its text is in the UTF8 encoding, not UTF-8").
    from lgnews import model

    for rel, old_line, new_line in [(new, "encoding: gb18030\n", ""), (SEED_ID, "encoding: utf-8\n", "encoding: utf8\n")]:
        meta = archive / "articles" / rel / "meta.yml"
        text = meta.read_text(encoding="utf-8")
        assert old_line in text, (rel, text)
        meta.write_text(text.replace(old_line, new_line), encoding="utf-8")
    site = build_site(load_archive(archive))
    records = {a.id: article_record(a) for a in site.articles}
    assert (records[new]["encoding"], records[SEED_ID]["encoding"]) == ("gb18030", "utf-8")
    for a in load_archive(archive).articles:  # the cache keeps it: its record reads back the same
        raw = (a.path / "source.txt").read_bytes()
        assert model._verified_record(a, raw) is not None, a.id
    renderer = Renderer(site, "https://example.org/", "Archive", repo_url="https://github.com/o/archive")
    pages = {a.id: renderer.render_article(a).content for a in site.articles}
    assert "Its text is in the GB18030 encoding" in pages[new] and "Its text is in" not in pages[SEED_ID]


READ = "(as the build reads the verbatim source below; the archive's editors read it otherwise)"
"""What the page says after what the build reads in source.txt where meta.yml reads otherwise."""


def test_a_date_source_or_credit_the_editors_corrected_is_shown_as_published(tmp_path):
    """A review of corrections: only a corrected title was shown as one. A publication date,
    a source or credits corrected in meta.yml replaced what source.txt says, on the page and
    everywhere else, with no sign, and a note could not say it (the date and credit lines are
    not in the reading edition). The page now gives each as published, corrected by the
    archive's editors; the cache keeps them (its record reads back the same)."""
    from lgnews import model

    archive = shutil.copytree(ROOT / "archive", tmp_path / "archive")
    meta = archive / "articles" / SEED_ID / "meta.yml"
    text = meta.read_text(encoding="utf-8")
    for line in ("published: 2022-04-30\n", "source: Louxing Rong Media Center\n", "  reporter:\n  - Li Yi\n"):
        assert line in text, line

    def page(meta_text):
        meta.write_text(meta_text, encoding="utf-8")
        (article,) = load_archive(archive).articles
        record = model._verified_record(article, (archive / "articles" / SEED_ID / "source.txt").read_bytes())
        assert record is not None, "the article's cache record does not read back the same"
        site = build_site(load_archive(archive))
        return article, Renderer(site, "https://example.org/", "Archive").render_article(site.articles[0]).content

    article, html = page(text)
    assert article.as_published is None and "as published:</dt>" not in html
    from lgnews.render import article_record

    assert article_record(build_site(load_archive(archive)).articles[0])["as_published"] is None
    article, html = page(text.replace("published: 2022-04-30\n", "published: 2022-05-03\n")
                         .replace("source: Louxing Rong Media Center\n", "source: Loudi Rong Media Center\n")
                         .replace("  reporter:\n  - Li Yi\n", "  reporter:\n  - Li Yiming\n"))
    assert article.as_published == {
        "published": date(2022, 4, 30), "source": "Louxing Rong Media Center",
        "credits": {"reporter": ["Li Yi"], "editor_in_chief": ["Wen Zhibin"], "reviewer": ["Huang Miao", "Zeng Zhenhua"],
                    "editor": ["Xiao Hui"]}}
    assert f"<dt>Date as published:</dt> <dd>30 April 2022 {READ}</dd>" in html
    assert f"<dt>Source as published:</dt> <dd>Louxing Rong Media Center {READ}</dd>" in html
    assert ("<dt>Credits as published:</dt> <dd>Reporter: Li Yi; Editor in chief: Wen Zhibin; Reviewer: Huang Miao, "
            f"Zeng Zhenhua; Editor: Xiao Hui {READ}</dd>") in html
    assert "Li Yiming" in html and "3 May 2022" in html  # the corrections themselves, where they were
    # The data says it too, as its schema allows.
    from lgnews.render import article_record

    (record,) = [article_record(a) for a in build_site(load_archive(archive)).articles]
    assert record["as_published"] == {
        "published": "2022-04-30", "source": "Louxing Rong Media Center", "credits": article.as_published["credits"]}
    assert record["published"] == "2022-05-03" and record["source"] == "Loudi Rong Media Center"
    schema = json.loads((ROOT / "docs" / "schemas" / "articles.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate([record], schema)
    # A source removed; spacing alone is no correction.
    article, html = page(text.replace("source: Louxing Rong Media Center\n", "")
                         .replace("  - Li Yi\n", "  - '  Li   Yi '\n"))
    assert article.as_published == {"source": "Louxing Rong Media Center"}
    assert f"<dt>Source as published:</dt> <dd>Louxing Rong Media Center {READ}</dd>" in html
    assert "Credits as published" not in html and "Date as published" not in html
    # Where the build reads none (ingest asks the editors to give them), the row says so.
    site = build_site(load_archive(archive))
    site.articles[0].as_published = {"source": None, "credits": {}}
    html = Renderer(site, "https://example.org/", "Archive").render_article(site.articles[0]).content
    none_read = "none that the build can read in the verbatim source below: given by the archive's editors"
    assert f"<dt>Source as published:</dt> <dd>{none_read}</dd>" in html
    assert f"<dt>Credits as published:</dt> <dd>{none_read}</dd>" in html
    # Nor is the order of a role's names, or a name's spacing ("Zeng Zhen hua").
    article, html = page(text.replace("  - Huang Miao\n  - Zeng Zhenhua\n", "  - Zeng Zhen hua\n  - Huang Miao\n"))
    assert article.as_published is None, article.as_published


def test_a_credit_written_otherwise_than_the_persons_name_says_so(tmp_path):
    """A review of corrections: a credited name made an alias in people.yml ("Li Yi" of Li
    Yiming) was shown as "Reporter: Li Yiming", the article's spelling gone, while the list of
    its people says "(written “…”)" and the data keeps "Li Yi". The credit says it too."""
    archive = shutil.copytree(ROOT / "archive", tmp_path / "archive")
    people = archive / "people.yml"
    people.write_text(people.read_text(encoding="utf-8") + '\n- name: "Li Yiming"\n  aliases:\n    - "Li Yi"\n',
                      encoding="utf-8")
    site = build_site(load_archive(archive))
    html = Renderer(site, "https://example.org/", "Archive").render_article(site.articles[0]).content
    assert re.search(r"<dt>Reporter:</dt> <dd><a [^>]*>Li Yiming</a> \(written “Li Yi”\)</dd>", html), \
        re.search(r"<dt>Reporter:</dt>.*", html).group(0)
    # Spelt as the person's name, or in other capitals, nothing is said.
    assert re.search(r"<dt>Editor in chief:</dt> <dd><a [^>]*>Wen Zhibin</a></dd>", html)


def test_a_title_the_editors_corrected_is_shown_beside_the_title_as_published(tmp_path):
    """A title corrected in meta.yml was shown as if the source had it: corrections are visible
    (an editor's review). The page says the title as published, and that the editors
    corrected it; the cache keeps it (its record reads back the same)."""
    from lgnews import model

    archive = shutil.copytree(ROOT / "archive", tmp_path / "archive")
    meta = archive / "articles" / SEED_ID / "meta.yml"
    original = "Louxing District held the 2022 Work safety retreat Meeting"
    text = meta.read_text(encoding="utf-8")
    assert f"title: {original}\n" in text

    def page(meta_text):
        meta.write_text(meta_text, encoding="utf-8")
        (article,) = load_archive(archive).articles
        record = model._verified_record(article, (archive / "articles" / SEED_ID / "source.txt").read_bytes())
        assert record is not None, "the article's cache record does not read back the same"
        renderer = Renderer(build_site(load_archive(archive)), "https://example.org/", "Archive")
        return article, renderer.render_article(build_site(load_archive(archive)).articles[0]).content

    article, html = page(text)
    assert article.title_as_published is None and "Title as published" not in html
    article, html = page(text.replace(f"title: {original}\n", "title: Louxing District held its 2022 work safety "
                                      "planning meeting\n"))
    assert article.title_as_published == original
    assert f"<dt>Title as published:</dt> <dd>“{original}” {READ}</dd>" in html
    assert '<h1 id="lg-title">Louxing District held its 2022' in html
    # Its inner quotation marks are single ones inside the row's double ones.
    site = build_site(load_archive(archive))
    site.articles[0].title_as_published = "Louxing held the “three defences” meeting"
    html = Renderer(site, "https://example.org/", "Archive").render_article(site.articles[0]).content
    assert f"<dd>“Louxing held the ‘three defences’ meeting” {READ}</dd>" in html
    # Spacing alone is no correction (nor is the space the reading of a title puts after a
    # comma, in a title ingested before it did).
    for spaced in (f"'  {original.replace(' ', '  ')}'", original.replace("the 2022 ", "the2022 ")):
        article, html = page(text.replace(f"title: {original}\n", f"title: {spaced}\n"))
        assert article.title_as_published is None and "Title as published" not in html


def test_no_tooltip_of_the_glossary_speaks_of_the_glossary_itself():
    """A tooltip is read over the article's words: what the glossary holds besides ("a
    county's and a city's are entries of their own") is for its page, not for the first
    sentence a reader sees in the text (a reader's review)."""
    import yaml

    from lgnews.records import load_glossary

    path = ROOT / "archive" / "glossary.yml"
    terms = load_glossary(path, yaml.safe_load(path.read_text(encoding="utf-8")))
    assert len(terms) > 20
    housekeeping = re.compile(r"\b(?:entry|entries|glossary)\b", re.IGNORECASE)
    assert [t.term for t in terms if housekeeping.search(t.tooltip)] == []


def test_an_entry_of_medium_confidence_without_chinese_does_not_speak_of_its_chinese():
    """An entry with no Chinese ("Chinese: not known") and of medium confidence said it was not
    certain the article used "exactly this Chinese term" (an editor's review)."""
    from dataclasses import replace

    from lgnews import render

    site = build_site(load_archive(ROOT / "archive"))
    term = next(t for t in site.terms if t.zh and t.confidence == "medium")
    renderer = render.Renderer(site, "https://example.org/", "Test")
    with_zh = renderer.render_term(term)[0].content
    assert "not certain that the original article used exactly this Chinese term" in with_zh
    without = renderer.render_term(replace(term, zh=None, pinyin=None))[0].content
    assert "Chinese term" not in without.replace("Chinese term the original article used is not known", "")
    assert "the Chinese term the original article used is not known" in without
    assert "<dt>Chinese:</dt> <dd>not known</dd>" in without
