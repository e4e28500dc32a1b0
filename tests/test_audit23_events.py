"""A curated event an article names inside another event's alias is mentioned too (issue 3:
"A curated event that an article mentions (by alias) links to that article and back")."""

from __future__ import annotations

import shutil
from pathlib import Path

from lgnews.model import build_site, load_archive

from .conftest import ROOT, SEED_ID


def test_the_seed_is_on_the_timeline_of_the_7_20_rainstorm_it_names():
    """The seed studies "the investigation report of the “7·20” heavy rain disaster": the
    report's alias, which held the rainstorm's ("7·20", the issue's own example), so the
    rainstorm of 2021-07-20 listed no article and the seed's page did not list it."""
    site = build_site(load_archive(ROOT / "archive"))
    seed = next(a for a in site.articles if a.id == SEED_ID)
    assert [e.id for e in seed.events] == ["zhengzhou-7-20-investigation-report", "zhengzhou-7-20-rainstorm",
                                           "three-year-work-safety-rectification-campaign"]
    rainstorm = next(e for e in site.timeline if e.kind == "event" and e.anchor == "zhengzhou-7-20-rainstorm")
    assert rainstorm.articles == [seed]


def test_an_event_named_alone_or_only_in_another_word_is_not_doubled(tmp_path):
    """An alias alone is its event only; a phrase that holds none is no event's."""
    archive = tmp_path / "archive"
    shutil.copytree(ROOT / "archive", archive, ignore=shutil.ignore_patterns("articles"))
    (archive / "articles").mkdir()
    for slug, text in [("2022-05-01-rain", "The county recalled the 7·20 rainstorm in Zhengzhou."),
                       ("2022-05-02-report", "The county studied the 7·20 investigation report of Henan."),
                       ("2022-05-03-none", "The county studied the heavy rain report of 2020.")]:
        folder = archive / "articles" / slug
        folder.mkdir()
        (folder / "article.md").write_text(f"---\ntitle: {slug}\npublished: {slug[:10]}\n---\n\n{text}\n",
                                           encoding="utf-8")
    site = build_site(load_archive(archive))
    events = {a.id: [e.id for e in a.events] for a in site.articles}
    assert events == {"2022-05-01-rain": ["zhengzhou-7-20-rainstorm"],
                      "2022-05-02-report": ["zhengzhou-7-20-investigation-report", "zhengzhou-7-20-rainstorm"],
                      "2022-05-03-none": []}


def test_an_event_id_cannot_take_a_place_the_timeline_gives_an_article(tmp_path):
    """An event with the id 'published-<an article's id>' was accepted: the timeline's page
    then had two places of that name, and the article's "published" link led to the event."""
    import pytest

    from lgnews.model import ArchiveErrors
    from lgnews.records import TIMELINE_ANCHORS

    site = build_site(load_archive(ROOT / "archive"))
    own = {e.anchor for e in site.timeline if e.kind != "event"}  # an article's publication and event
    assert own and all(anchor.startswith(TIMELINE_ANCHORS) for anchor in own)  # what the check guards
    archive = Path(shutil.copytree(ROOT / "archive", tmp_path / "archive"))
    events = archive / "events.yml"
    text = events.read_text(encoding="utf-8")
    assert '- id: "zhengzhou-7-20-rainstorm"' in text
    events.write_text(text.replace('- id: "zhengzhou-7-20-rainstorm"', f'- id: "published-{SEED_ID}"', 1),
                      encoding="utf-8")
    with pytest.raises(ArchiveErrors) as refused:
        load_archive(archive)
    assert [str(e).replace(str(tmp_path), "") for e in refused.value.errors] == [
        f"/archive/events.yml:30: [2].id: 'published-{SEED_ID}' starts as the timeline's own places do (published-, "
        "event-, timeline-), the dates of an article or a year: the event would share its place on the page with one "
        "of those; choose another id"]
