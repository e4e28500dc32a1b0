"""Issue 3, "People and organizations": the bodies an article names in full (its text, its
title, the titles of its people) are in the organizations index even when no editor has
described them in archive/organizations.yml, marked as not yet described; a name a curated
entry covers is that entry; ordinary sentences give none."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import jsonschema
import pytest

from lgnews import render
from lgnews.model import body_names, build_site, load_archive

from .conftest import ROOT, SEED_ID, run

TWO_BODIES = (
    "On 3 March, the Shuangfeng County Emergency Management Bureau and the Loudi Municipal Safety Committee "
    "inspected the town's mines. The Louxing District Committee sent a team.")


@pytest.mark.parametrize("text, names", [
    (TWO_BODIES, ["Shuangfeng County Emergency Management Bureau", "Loudi Municipal Safety Committee",
                  "Louxing District Committee"]),
    ("Louxing District Market Supervision Administration fined two shops.",
     ["Louxing District Market Supervision Administration"]),
    ("Shuangfeng County People's Court and Louxing District People’s Procuratorate",
     ["Shuangfeng County People's Court", "Louxing District People’s Procuratorate"]),
    ("the Louxing District Party and Government Office", ["Louxing District Party and Government Office"]),
    ("Director of Loudi City Louxing District Safety Committee Office Liu Zhigang",
     ["Louxing District Safety Committee Office"]),
    # Two bodies joined by "and" are two, not one long name.
    ("Louxing District Safety Committee and Emergency Management Bureau", ["Louxing District Safety Committee"]),
    ("Louxing District Committee of the CPC", ["Louxing District Committee"]),
    # A headline's words and a person after the name are no part of it.
    ("Louxing District Safety Committee Holds Its First Meeting", ["Louxing District Safety Committee"]),
    ("Loudi Municipal Safety Committee Director Liu Zhigang and Xinhua County Fire Brigade",
     ["Loudi Municipal Safety Committee", "Xinhua County Fire Brigade"]),
    ("Shuangfeng County Fire Rescue Brigade Wins Praise", ["Shuangfeng County Fire Rescue Brigade"]),
    # The people a body serves name it (a review of the first version: no entry)
    ("Members of the Lianbin Street Residents Committee attended.", ["Lianbin Street Residents Committee"]),
    ("The Shuangfeng County Villagers Committee met.", ["Shuangfeng County Villagers Committee"]),
    ("The Louxing District Citizens Service Center opened.", ["Louxing District Citizens Service Center"]),
])
def test_a_body_is_its_full_proper_name(text, names):
    assert body_names(text) == names


@pytest.mark.parametrize("text", [
    "The County held a meeting on work safety.",
    "The County Committee held a meeting on work safety.",
    "Each District Committee reported, and the district committee and government attended.",
    "the district committee and government",
    "shuangfeng county emergency management bureau inspected the mines.",
    "In Louxing District Party members studied the report.",
    "In District Committee meetings, leaders spoke.",
    "Zhengzhou, Henan Province, suffered a heavy rain disaster.",
    "Louxing District held the 2022 Work safety retreat Meeting",
    "Louxing District Committee and Government",  # Louxing District Committee only
    # Cut short, the name would be another body: "Loudi Municipal Commission" is not the one meant.
    "Loudi Municipal Commission for Discipline Inspection said so.",
    "Loudi Municipal Bureau Of Commerce",
    # A headline's people and their thanks (a review: a body "Dakeshan Town Villagers Thank
    # Fire Brigade" had a page)
    "Dakeshan Town Villagers Thank Fire Brigade",
    "Dakeshan Town Welcomes Provincial Inspection Team",
    "Lianbin Street Sends Warm Hearts Service Team",
    "Louxing District Residents Thank Rescue Team",
])
def test_an_ordinary_sentence_names_no_body(text):
    assert [n for n in body_names(text) if n != "Louxing District Committee"] == []


def test_a_long_run_of_capitalised_words_is_scanned_in_linear_time():
    """A text of 360,000 capitalised words, with places, levels and body nouns in runs: a scan
    that backtracked over every name for every word would hold a build for hours (a
    quadratic scan took minutes on a tenth of it). Run in a child process, stopped after
    60 s: done in linear time it takes a fraction of a second."""
    code = ("from lgnews.model import body_names\n"
            "n = 40_000\n"
            "text = 'Aa County ' + 'Bb and ' * n + 'Cc County Bureau ' * n + 'Dd District Ee Ff ' * n + 'x'\n"
            "print(len(body_names(text)) > 0)\n")
    result = run([sys.executable, "-c", code], ROOT, check=False, timeout=60)
    assert result.stdout.strip() == "True", result.stderr


def _archive(tmp_path: Path, articles: dict[str, str], organizations: str = "") -> Path:
    archive = tmp_path / "archive"
    shutil.copytree(ROOT / "archive", archive)
    if organizations:
        with (archive / "organizations.yml").open("a", encoding="utf-8") as fh:
            fh.write(organizations)
    for slug, text in articles.items():
        folder = archive / "articles" / slug
        folder.mkdir()
        (folder / "article.md").write_text(text, encoding="utf-8")
    return archive


NEW_ID = "2022-05-03-the-county-inspected-mines"
NEW_ARTICLE = f"""---
title: Mines inspected in Shuangfeng
published: 2022-05-03
tags: [louxing]
people:
- name: Wang Jun
  roles: [director of the Xinhua County Fire Brigade]
---

{TWO_BODIES}

The County held a meeting. In Louxing District Party members studied the report. The District
Committee chaired it; the district committee and government attended.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    archive = _archive(tmp_path_factory.mktemp("found"), {NEW_ID: NEW_ARTICLE})
    site = build_site(load_archive(archive))
    pages = {o.path: o.content for o in render.Renderer(site, "https://example.org/", "Test").render_all()}
    return site, pages


def _text(page: str) -> str:
    """A page's words as a reader reads them (tags out, entities read)."""
    import html

    return html.unescape(re.sub(r"<[^>]+>", "", page))


def test_an_article_lists_the_bodies_it_names_that_no_editor_described(built):
    site, pages = built
    article = next(a for a in site.articles if a.id == NEW_ID)
    assert [o.name for o in article.organizations] == [
        "Louxing District Committee of the CPC",  # "Louxing District Committee" and "District Committee": its names
        "Shuangfeng County Emergency Management Bureau", "Loudi Municipal Safety Committee",
        "Xinhua County Fire Brigade"]  # in a person's title
    line = next(line for line in pages[f"articles/{NEW_ID}/index.md"].splitlines()
                if line.startswith("<p><strong>Organizations:</strong>"))
    assert ('<a href="../../organizations/shuangfeng-county-emergency-management-bureau/">Shuangfeng County '
            'Emergency Management Bureau</a>') in line
    assert '<a href="../../organizations/loudi-municipal-safety-committee/">Loudi Municipal Safety Committee</a>' in line
    # The seed names none: its organizations are the curated ones, as before.
    seed = next(a for a in site.articles if a.id == SEED_ID)
    assert all(o.curated for o in seed.organizations)
    assert len([o for o in site.organizations if o.name.startswith("Louxing District Committee")]) == 1


def test_an_undescribed_body_has_a_page_that_says_so_and_how_an_editor_describes_it(built):
    _, pages = built
    page = _text(pages["organizations/shuangfeng-county-emergency-management-bureau/index.md"])
    assert "Not yet described by an editor." in page
    assert "the editors' guide says how to describe it" in page and "archive/" not in page, "no file path for readers"
    assert "Named in or credited on 1 article." in page and "Mines inspected in Shuangfeng" in page
    # What the count counts (a reader took it for every article about the body: a people review)
    assert ("Counted are the articles that write its name in full; one that names it only in other words (\"the "
            "district government\") is not.") in page
    curated = _text(pages["organizations/louxing-district-safety-committee/index.md"])
    assert "Not yet described" not in curated
    assert ("Counted are the articles that write its name in full, and those tagged with its place that write a "
            "short name for it;") in curated
    # Its page leads to the glossary entry for its kind; the entry lists the bodies editors
    # described only (every county's safety committee would make it grow with the archive).
    # (A city's committee is the city's entry, with the city's Chinese: 市安委会, not 区安委会.)
    body = pages["organizations/loudi-municipal-safety-committee/index.md"]
    assert '<a href="../../glossary/city-safety-committee/">City Safety Committee</a>' in body
    assert "organizations/louxing-district-safety-committee/" in pages["glossary/district-safety-committee/index.md"]
    assert "organizations/loudi-municipal-safety-committee/" not in pages["glossary/city-safety-committee/index.md"]


def test_the_index_marks_the_bodies_no_editor_described(built):
    _, pages = built
    rows = {re.sub(r"<[^>]+>", "", row.split("</td>")[0]): row
            for row in re.findall(r"<tr><td>.*?</tr>", pages["organizations/index.md"])}
    assert "(not yet described)" in rows["Shuangfeng County Emergency Management Bureau (not yet described)"]
    assert "Louxing District Safety Committee" in rows  # curated: not marked
    assert "no editor has described yet: their pages list the articles that name them" in _text(
        pages["organizations/index.md"])
    assert "archive/" not in _text(pages["organizations/index.md"]), "no file path for readers"


def test_an_undescribed_body_is_exported_without_a_description(built):
    site, _ = built
    records = {o["name"]: o for o in render.DATA_EXPORTS["organizations"](site)}
    schema = json.loads((ROOT / "docs" / "schemas" / "organizations.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(list(records.values()), schema)
    body = records["Loudi Municipal Safety Committee"]
    assert body["description"] is None and body["zh"] is None and body["curated"] is False
    assert records["Louxing District Safety Committee"]["curated"] is True
    assert body["url"] == "organizations/loudi-municipal-safety-committee/"
    assert body["articles"] == [{"article": NEW_ID, "as": "named"}]


def test_a_curated_name_alias_or_local_alias_is_its_entry_never_a_second_one(tmp_path):
    """Curated: the Loudi committee by an alias, and a local alias that is a full name."""
    archive = _archive(tmp_path, {NEW_ID: NEW_ARTICLE}, organizations=(
        '\n- name: "Loudi Municipal Work Safety Committee"\n  aliases: ["Loudi Municipal Safety Committee"]\n'
        '\n- name: "Shuangfeng County Emergency Bureau"\n  local_aliases: ["Shuangfeng County Emergency Management '
        'Bureau"]\n  place: "louxing"\n'))
    site = build_site(load_archive(archive))
    article = next(a for a in site.articles if a.id == NEW_ID)
    assert [(o.name, o.curated) for o in article.organizations] == [
        ("Shuangfeng County Emergency Bureau", True), ("Loudi Municipal Work Safety Committee", True),
        ("Louxing District Committee of the CPC", True), ("Xinhua County Fire Brigade", False)]
    # Neither curated entry has a description: only `curated` tells them from a found body.
    exported = {o["name"]: o for o in render.DATA_EXPORTS["organizations"](site)}
    assert [(exported[name]["description"], exported[name]["curated"]) for name in
            ("Loudi Municipal Work Safety Committee", "Xinhua County Fire Brigade")] == [(None, True), (None, False)]
    names = {o.name for o in site.organizations}
    assert "Loudi Municipal Safety Committee" not in names
    assert "Shuangfeng County Emergency Management Bureau" not in names
    # Out of its place, a local alias is no body the archive knows: not listed under its own name either.
    meta = archive / "articles" / NEW_ID / "article.md"
    meta.write_text(meta.read_text(encoding="utf-8").replace("tags: [louxing]", "tags: []"), encoding="utf-8")
    site = build_site(load_archive(archive))
    article = next(a for a in site.articles if a.id == NEW_ID)
    assert "Shuangfeng County Emergency Bureau" not in {o.name for o in article.organizations}


def test_an_undescribed_body_never_takes_a_curated_ones_address(tmp_path):
    """"People's" and "Peoples" make one address: the curated body keeps it, whatever the
    order of their names."""
    text = NEW_ARTICLE.replace("The County held", "Shuangfeng County People's Court sat. The County held")
    archive = _archive(tmp_path, {NEW_ID: text}, organizations=(
        '\n- name: "Shuangfeng County Peoples Court"\n  description: "The county court."\n'))
    site = build_site(load_archive(archive))
    slugs = {o.name: o.slug for o in site.organizations}
    assert slugs["Shuangfeng County Peoples Court"] == "shuangfeng-county-peoples-court"
    assert slugs["Shuangfeng County People's Court"] == "shuangfeng-county-peoples-court-2"
    assert len(set(slugs.values())) == len(slugs)


@pytest.mark.parametrize("published", ["2022-06-01", "2021-06-01"])
def test_an_undescribed_body_keeps_its_address_and_its_usual_spelling(tmp_path, published):
    """A source written "Changsha (Rong) Media Center" in an article added later took the
    address of "Changsha Rong Media Center", which moved to -2 without a word; one written in
    capitals, published before the others, gave the body its capitals on every page."""
    def article(day: str, source: str, title: str) -> str:
        return f"---\ntitle: {title}\npublished: {day}\nsource: {source}\ntags: []\n---\n\nA text.\n"

    archive = _archive(tmp_path, {
        "2022-05-01-first": article("2022-05-01", "Changsha Rong Media Center", "First"),
        "2022-05-02-second": article("2022-05-02", "Changsha Rong Media Center", "Second"),
        f"{published}-added": article(published, "Changsha (Rong) Media Center", "Added"),
        f"{published[:-1]}2-capitals": article(published[:-1] + "2", "CHANGSHA RONG MEDIA CENTER", "Capitals"),
    })
    site = build_site(load_archive(archive))
    slugs = {o.name: o.slug for o in site.organizations if "Changsha" in o.name or "CHANGSHA" in o.name}
    assert slugs == {"Changsha Rong Media Center": "changsha-rong-media-center",
                     "Changsha (Rong) Media Center": "changsha-rong-media-center-2"}
    usual = next(o for o in site.organizations if o.slug == "changsha-rong-media-center")
    assert len(usual.articles) == 3


def test_an_undescribed_bodys_articles_are_listed_in_pages(tmp_path, monkeypatch):
    articles = {f"2022-06-{day:02d}-inspection-{day}": NEW_ARTICLE.replace("2022-05-03", f"2022-06-{day:02d}")
                .replace("Mines inspected", f"Mines inspected ({day})") for day in range(1, 8)}
    site = build_site(load_archive(_archive(tmp_path, articles)))
    monkeypatch.setattr(render, "APPEARANCES_PER_PAGE", 3)
    body = next(o for o in site.organizations if o.name == "Loudi Municipal Safety Committee")
    pages = {o.path: _text(o.content) for o in render.Renderer(site, "https://example.org/", "Test")
             .render_organization(body)}
    assert sorted(pages) == [f"organizations/{body.slug}/{p}index.md" for p in ("", "page-2/", "page-3/")]
    listed = [t for page in pages.values() for t in re.findall(r"Mines inspected \((\d)\)", page)]
    assert sorted(listed) == [str(day) for day in range(1, 8)]


def test_a_county_or_a_citys_committee_is_its_own_entry_with_its_own_chinese(tmp_path):
    """'County Committee' and 'Municipal Safety Committee' were the district's entries, whose
    Chinese is 区委 and 区安委会: in most of a county archive's articles the glossary gave the
    wrong Chinese for the body named (two reviews of session 32)."""
    text = ("---\ntitle: Flood season work in Xinhua\npublished: 2022-05-04\n---\n\n"
            "Zhang Wei, secretary of the County Party Committee, presided. The County Safety Committee and the "
            "Municipal Party Committee sent inspectors, as the City Safety Committee asked. The Xinhua Converged "
            "Media Center reported.\n")
    site = build_site(load_archive(_archive(tmp_path, {"2022-05-04-flood-season-work-in-xinhua": text})))
    article = next(a for a in site.articles if a.id == "2022-05-04-flood-season-work-in-xinhua")
    terms = {t.term: t.zh for t in article.terms}
    assert terms == {"County Committee": "县委", "County Safety Committee": "县安委会", "City Committee": "市委",
                     "City Safety Committee": "市安委会", "Rong Media Center": "融媒体中心"}, terms
    seed = next(a for a in site.articles if a.id == SEED_ID)
    assert {"District Committee", "District Safety Committee"} <= {t.term for t in seed.terms}
