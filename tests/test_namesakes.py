"""Two people who share a name: archive/people.yml tells them apart by their place (a tag),
and each gets a page of their own, instead of one page merging the Wang Qian of Louxing
District with the Wang Qian of another county."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from lgnews.errors import ArchiveErrors
from lgnews.model import build_site, load_archive
from lgnews.render import Renderer

from .conftest import ROOT, SEED_ID, add_article

MILUO_TAG = '\n- slug: "miluo"\n  title: "Miluo City"\n  description: "News from Miluo City."\n'
NAMESAKES = ('\n- name: "Wang Qian"\n  place: "louxing"\n  zh: "王倩"\n'
             '\n- name: "Wang Qian"\n  place: "miluo"\n  note: "Head of Miluo\'s emergency management bureau."\n')


def _article(archive: Path, article_id: str, title: str, tags: str) -> None:
    folder = archive / "articles" / article_id
    folder.mkdir()
    (folder / "article.md").write_text(
        f"---\ntitle: {title}\npublished: {article_id[:10]}\ntags: {tags}\n"
        "people:\n- name: Wang Qian\n  involvement: [speaking]\n---\n\nWang Qian spoke about the floods.\n",
        encoding="utf-8")


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, encoding="utf-8")


@pytest.fixture
def archive(tmp_path) -> Path:
    archive = Path(shutil.copytree(ROOT / "archive", tmp_path / "archive"))
    _append(archive / "tags.yml", MILUO_TAG)
    _append(archive / "people.yml", NAMESAKES)
    _article(archive, "2023-05-02-floods-in-miluo", "Floods in Miluo", "[miluo]")
    _article(archive, "2023-06-01-a-provincial-meeting", "A provincial meeting", "[hunan]")
    return archive


def test_each_namesake_has_the_articles_tagged_with_their_place(archive):
    site = build_site(load_archive(archive))
    wangs = {p.slug: p for p in site.people if p.name == "Wang Qian"}
    assert set(wangs) == {"wang-qian-louxing", "wang-qian-miluo", "wang-qian"}
    assert [a.article.id for a in wangs["wang-qian-louxing"].appearances] == [SEED_ID]
    assert [a.article.id for a in wangs["wang-qian-miluo"].appearances] == ["2023-05-02-floods-in-miluo"]
    # An article tagged with neither place: neither of them, but the name as written.
    assert [a.article.id for a in wangs["wang-qian"].appearances] == ["2023-06-01-a-provincial-meeting"]
    assert wangs["wang-qian-louxing"].zh == "王倩" and wangs["wang-qian-miluo"].note.startswith("Head of Miluo")
    assert wangs["wang-qian"].zh is None and wangs["wang-qian"].note is None
    assert wangs["wang-qian-louxing"].label == "Wang Qian (Louxing District)"
    assert wangs["wang-qian-miluo"].label == "Wang Qian (Miluo City)" and wangs["wang-qian"].label == "Wang Qian"
    seed = next(a for a in site.articles if a.id == SEED_ID)
    assert any(person is wangs["wang-qian-louxing"] for person, *_ in seed.people)
    assert not site.unnamed_people
    # The editor is told of the article tagged with neither place (see below).
    assert [(a.id, name, places, several) for a, name, places, several in site.unplaced_mentions] == [
        ("2023-06-01-a-provincial-meeting", "Wang Qian", ["louxing", "miluo"], False)]


def test_pages_and_data_tell_the_namesakes_apart(archive):
    site = build_site(load_archive(archive))
    outputs = {o.path: o.content for o in Renderer(site, "https://example.org/", "Test", "").render_all()}
    louxing = outputs["people/wang-qian-louxing/index.md"]
    assert '"title":"Wang Qian (Louxing District)"' in louxing.split("---")[1]
    assert "Named in 1 article (2022)" in louxing and "王倩" in louxing
    assert "Floods in Miluo" not in louxing
    # Each page leads to the others of that name, and the page of the name alone to both.
    assert ('Not to be confused with <a href="../wang-qian/">Wang Qian</a> or '
            '<a href="../wang-qian-miluo/">Wang Qian (Miluo City)</a>.') in louxing
    assert ('Not to be confused with <a href="../wang-qian-louxing/">Wang Qian (Louxing District)</a> or '
            '<a href="../wang-qian-miluo/">Wang Qian (Miluo City)</a>.') in outputs["people/wang-qian/index.md"]
    assert "confused" not in outputs["people/li-yi/index.md"]
    index = outputs["people/index.md"]
    for label in ("Wang Qian (Louxing District)", "Wang Qian (Miluo City)"):
        assert f">{label}</a>" in index, label
    # The seed's page links its own Wang Qian, by the name the article gives.
    assert '<a href="../../people/wang-qian-louxing/">Wang Qian</a>' in outputs[f"articles/{SEED_ID}/index.md"]
    people = {(p["name"], p["place"]): p for p in json.loads(outputs["data/people.json"])}
    assert people[("Wang Qian", "miluo")]["url"] == "people/wang-qian-miluo/"
    assert people[("Wang Qian", None)]["appearances"] == [{"article": "2023-06-01-a-provincial-meeting",
                                                           "date": "2023-06-01", "roles": []}]
    assert people[("Li Yi", None)]["place"] is None


def test_a_namesake_no_article_names_is_said(archive):
    _append(archive / "people.yml", '\n- name: "Wang Qian"\n  place: "disasters"\n')
    site = build_site(load_archive(archive))
    assert [(name, place) for _, name, place in site.unnamed_people] == [("Wang Qian", "disasters")]


def test_an_article_with_the_places_of_two_namesakes_links_neither_and_says_so(archive):
    """The seed is tagged louxing and hunan (Louxing is in Hunan): with a Wang Qian placed in
    each, which one it names is for the editor to say."""
    _append(archive / "people.yml", '\n- name: "Wang Qian"\n  place: "hunan"\n')
    site = build_site(load_archive(archive))
    seed = next(a for a in site.articles if a.id == SEED_ID)
    wang = next(person for person, written, *_ in seed.people if written == "Wang Qian")
    assert wang.place is None and wang.slug == "wang-qian"
    assert [(a.id, name, places, several) for a, name, places, several in site.unplaced_mentions] == [
        (SEED_ID, "Wang Qian", ["louxing", "hunan"], True)]


def test_an_article_with_none_of_the_namesakes_places_is_said_too(archive):
    """An editor ingested an article from Miluo and had not tagged it yet: its Wang Qian
    silently became a third one."""
    _article(archive, "2023-07-01-untagged", "Untagged", "[]")
    site = build_site(load_archive(archive))
    assert [(a.id, places, several) for a, _, places, several in site.unplaced_mentions] == [
        ("2023-06-01-a-provincial-meeting", ["louxing", "miluo"], False),
        ("2023-07-01-untagged", ["louxing", "miluo"], False)]
    # Yet another Wang Qian, listed without a place, takes such mentions, and nothing is said.
    _append(archive / "people.yml", '\n- name: "Wang Qian"\n  note: "The provincial official."\n')
    site = build_site(load_archive(archive))
    assert not site.unplaced_mentions
    other = next(p for p in site.people if p.name == "Wang Qian" and p.place is None)
    assert other.note == "The provincial official." and len(other.appearances) == 2


@pytest.mark.parametrize("added, message", [
    ('\n- name: "Wang Qian"\n  place: "miluo"\n',
     "this person repeats the person 'Wang Qian' (line {line}): delete one of the two, or merge them into one; "
     "both are placed in 'miluo': if they are two people who share a name, give each the place of the articles "
     "that name them"),
    ('\n- name: "Wang Q."\n  place: "louxing"\n  aliases: ["Wang Qian"]\n',
     "'Wang Qian' is also a name of the person 'Wang Qian' (line {line})"),
    ('\n- name: "Wang Jun"\n  place: "miluo city"\n',
     "'miluo city' is not a tag of archive/tags.yml; did you mean 'miluo'?"),
    ('\n- name: "Wang Jun"\n  place: "changsha"\n',
     "'changsha' is not a tag of archive/tags.yml: a place is one of its tags (its slug); add the place to tags.yml "
     "first"),
])
def test_one_person_of_a_name_in_each_place(archive, added, message):
    text = (archive / "people.yml").read_text(encoding="utf-8")
    lines = text.splitlines()
    place = "miluo" if "miluo" in added and "city" not in added else "louxing"
    line = next(n for n, (a, b) in enumerate(zip(lines, lines[1:], strict=False), start=1)
                if a == '- name: "Wang Qian"' and b == f'  place: "{place}"')
    _append(archive / "people.yml", added)
    with pytest.raises(ArchiveErrors) as caught:
        load_archive(archive)
    found = [str(e) for e in caught.value.errors]
    assert len(found) == 1 and message.format(line=line) in found[0], found
    assert found[0].startswith(str(archive / "people.yml") + ":")


def test_the_editor_is_told_which_article_to_tag_better(tmp_path):
    from .conftest import copy_project, run

    project = copy_project(tmp_path / "project")
    _append(project / "archive" / "tags.yml", MILUO_TAG)
    _append(project / "archive" / "people.yml", NAMESAKES + '\n- name: "Wang Qian"\n  place: "hunan"\n')
    result = run([sys.executable, "scripts/build.py", "--quiet"], project)
    assert result.stderr.splitlines() == [
        f"warning: archive/articles/{SEED_ID}/meta.yml: 'Wang Qian' is the name of people archive/people.yml "
        "places in louxing and hunan, and the article has the tags of more than one: it leads to a page of the name "
        "alone, not to theirs. Give the namesakes places no article has together (a district, not its province)",
    ] + [f"warning: archive/people.yml:{line}: no article tagged '{place}' names 'Wang Qian' (by the name or an "
         "alias): check the place and the articles' tags; a person no article names has no page"
         for line, place in zip(_lines_of(project, '- name: "Wang Qian"'), ["louxing", "miluo", "hunan"],
                                strict=True)]
    assert (project / "docs" / "people" / "wang-qian" / "index.md").is_file()


def _lines_of(project: Path, text: str) -> list[int]:
    lines = (project / "archive" / "people.yml").read_text(encoding="utf-8").splitlines()
    return [n for n, line in enumerate(lines, start=1) if line == text]


def test_the_articles_data_tells_namesakes_apart_by_their_page(archive):
    """data/articles.json gave a person's name only: with three Wang Qians in people.json, a
    consumer could not tell which one an article names (short of its appearances)."""
    from lgnews.render import article_record

    site = build_site(load_archive(archive))
    urls = {a.id: [p["url"] for p in article_record(a)["people"] if p["name"] == "Wang Qian"] for a in site.articles}
    assert urls[SEED_ID] == ["people/wang-qian-louxing/"]
    assert urls["2023-05-02-floods-in-miluo"] == ["people/wang-qian-miluo/"]
    assert urls["2023-06-01-a-provincial-meeting"] == ["people/wang-qian/"]


def test_the_address_of_the_name_still_leads_to_the_namesakes_once_they_are_told_apart(archive):
    """Before people.yml placed them, every Wang Qian was on people/wang-qian/: a reader's
    bookmark, a search engine or another site may still link there. Once no Wang Qian is
    left without a place, that address lists who they are, with a link to each."""
    shutil.rmtree(archive / "articles" / "2023-06-01-a-provincial-meeting")  # the mention of no place
    site = build_site(load_archive(archive))
    assert {p.slug for p in site.people if p.name == "Wang Qian"} == {"wang-qian-louxing", "wang-qian-miluo"}
    assert [(s.name, s.url, [p.slug for p in s.people]) for s in site.shared_names] == [
        ("Wang Qian", "people/wang-qian/", ["wang-qian-louxing", "wang-qian-miluo"])]
    outputs = {o.path: o.content for o in Renderer(site, "https://example.org/", "Test", "").render_all()}
    page = outputs["people/wang-qian/index.md"]
    front, body = page.split("---")[1:3]
    assert json.loads(front) == {"title": "Wang Qian", "search": {"exclude": True}, "generated": True}
    assert "2 people in the archive are named Wang Qian" in body
    assert ('<li><a href="../wang-qian-louxing/">Wang Qian (Louxing District)</a>: Named in 1 article (2022), '
            'taking part by attending.</li>') in body
    assert ('<li><a href="../wang-qian-miluo/">Wang Qian (Miluo City)</a>: Named in 1 article (2023), taking part by '
            'speaking.</li>') in body
    # Not a person: the index and the data list the two people only.
    assert 'href="wang-qian/"' not in outputs["people/index.md"]
    assert [p["url"] for p in json.loads(outputs["data/people.json"]) if p["name"] == "Wang Qian"] == [
        "people/wang-qian-louxing/", "people/wang-qian-miluo/"]


def test_the_name_of_a_person_without_a_place_keeps_its_address(archive):
    """A Wang Qian with no place (the fixture's provincial meeting) is the page of the name:
    no list of namesakes takes it over."""
    site = build_site(load_archive(archive))
    assert not site.shared_names
    assert next(p for p in site.people if p.slug == "wang-qian").place is None


def test_a_name_whose_address_another_name_took_gets_no_list(archive):
    """"Wang-Qian" (another spelling, another record) has the address people/wang-qian/ by its
    own right: it is not replaced by the list of the placed Wang Qians."""
    shutil.rmtree(archive / "articles" / "2023-06-01-a-provincial-meeting")
    folder = archive / "articles" / "2023-08-01-another-spelling"
    folder.mkdir()
    (folder / "article.md").write_text(
        "---\ntitle: Another spelling\npublished: 2023-08-01\npeople:\n- name: Wang-Qian\n---\n\nWang-Qian spoke.\n",
        encoding="utf-8")
    site = build_site(load_archive(archive))
    assert next(p for p in site.people if p.slug == "wang-qian").name == "Wang-Qian"
    assert not site.shared_names


def test_the_address_of_the_name_leads_on_when_only_one_namesake_is_named(archive):
    """people.yml places two Wang Qians, and only the Louxing one is named by an article: the
    name's old address gave a 404, where the guide promised the list of namesakes."""
    for folder in ("2023-06-01-a-provincial-meeting", "2023-05-02-floods-in-miluo"):
        shutil.rmtree(archive / "articles" / folder)
    site = build_site(load_archive(archive))
    assert [(s.url, [p.slug for p in s.people]) for s in site.shared_names] == [
        ("people/wang-qian/", ["wang-qian-louxing"])]
    page = {o.path: o.content for o in Renderer(site, "https://example.org/", "Test", "").render_all()}[
        "people/wang-qian/index.md"]
    assert "The archive tells people named Wang Qian apart by place. The one its articles name has a page" in page
    assert '<a href="../wang-qian-louxing/">Wang Qian (Louxing District)</a>' in page


def test_a_persons_lead_is_escaped_once(archive):
    """The lead ("Named in 1 article (2023), as …") became a macro, whose text the page's
    escaping escaped again: "People's Congress" read "People&#39;s Congress"."""
    import html as html_module

    folder = archive / "articles" / "2023-05-02-floods-in-miluo"
    (folder / "article.md").write_text(
        "---\ntitle: Floods in Miluo\npublished: 2023-05-02\ntags: [miluo]\npeople:\n- name: Wang Qian\n"
        "  roles: [\"vice chairman of the District People's Congress & co\"]\n---\n\nWang Qian spoke.\n",
        encoding="utf-8")
    shutil.rmtree(archive / "articles" / "2023-06-01-a-provincial-meeting")
    site = build_site(load_archive(archive))
    outputs = {o.path: o.content for o in Renderer(site, "https://example.org/", "Test", "").render_all()}
    for path in ("people/wang-qian-miluo/index.md", "people/wang-qian/index.md"):
        lead = re.search(r"Named in 1 article \(2023\), as ([^<]*)\.<", outputs[path])[1]
        assert html_module.unescape(lead) == "vice chairman of the District People's Congress & co", (path, lead)


def test_two_placed_names_of_one_address_leave_it_to_neither(archive):
    """"Wang Qian" of Louxing and "Wang-Qian" of Miluo both claimed people/wang-qian/: the
    build stopped ("two generated pages have this address")."""
    text = (archive / "people.yml").read_text(encoding="utf-8")
    (archive / "people.yml").write_text(text.replace('- name: "Wang Qian"\n  place: "miluo"',
                                                     '- name: "Wang-Qian"\n  place: "miluo"'), encoding="utf-8")
    (archive / "articles" / "2023-05-02-floods-in-miluo" / "article.md").write_text(
        "---\ntitle: Floods in Miluo\npublished: 2023-05-02\ntags: [miluo]\npeople:\n- name: Wang-Qian\n---\n\n"
        "Wang-Qian spoke.\n", encoding="utf-8")
    shutil.rmtree(archive / "articles" / "2023-06-01-a-provincial-meeting")
    site = build_site(load_archive(archive))
    assert {p.slug for p in site.people if p.name in ("Wang Qian", "Wang-Qian")} == {"wang-qian-louxing",
                                                                                    "wang-qian-miluo"}
    assert site.shared_names == []
    paths = [o.path for o in Renderer(site, "https://example.org/", "Test", "").render_all()]
    assert len(paths) == len(set(paths))


def test_a_name_with_either_apostrophe_is_one_person(archive):
    """"Li Xin'ai" in one article and "Li Xin’ai" in another were two people, li-xinai and
    li-xinai-2 (and the second page changed hands as articles came)."""
    for n, name in enumerate(["Li Xin’ai", "Li Xin'ai"], start=1):
        folder = archive / "articles" / f"2023-08-0{n}-apostrophe"
        folder.mkdir()
        (folder / "article.md").write_text(
            f"---\ntitle: Apostrophe {n}\npublished: 2023-08-0{n}\npeople:\n- name: \"{name}\"\n---\n\n{name} spoke.\n",
            encoding="utf-8")
    site = build_site(load_archive(archive))
    li = [p for p in site.people if p.slug.startswith("li-xinai")]
    assert [(p.slug, p.name) for p in li] == [("li-xinai", "Li Xin'ai")]
    assert sorted(a.as_written for a in li[0].appearances) == ["Li Xin'ai", "Li Xin’ai"]


@pytest.mark.parametrize("published", ["2024-01-05", "2020-01-05"])
def test_a_newcomer_whose_name_makes_the_same_address_does_not_take_it(archive, published):
    """A later article credited "WANG QIAN": it sorted before "Wang Qian" and took the address
    people/wang-qian/, and the page that links (and readers' bookmarks) led to moved to
    people/wang-qian-2/ without a word. Then an article published before the others, added
    later ("Li yi" in a backdated article), took the address of the person the archive had
    named first. The name spelled as the address reads keeps it, whatever the order."""
    before = next(p for p in build_site(load_archive(archive)).people if p.slug == "wang-qian")
    assert before.name == "Wang Qian" and before.place is None
    add_article(archive, f"{published}-a-later-article", "credits:\n  reporter: [Wang-Qian]\n")
    site = build_site(load_archive(archive))
    by_slug = {p.slug: p.name for p in site.people}
    assert by_slug["wang-qian"] == "Wang Qian"
    assert by_slug["wang-qian-2"] == "Wang-Qian"
    assert [p.name for p in site.people if p.name.lower().replace("-", " ") == "wang qian" and not p.place] == \
        ["Wang Qian", "Wang-Qian"]  # the index's order is still by name


@pytest.mark.parametrize("published", ["2024-01-05", "2020-01-05"])
@pytest.mark.parametrize("newcomer", ["WANG QIAN", "wang qian", "Wang qian"])
def test_a_name_however_cased_is_one_person_shown_as_usually_written(archive, newcomer, published):
    """A name no entry of people.yml gives, written in capitals or small letters in another
    article, was a second person with a page of its own, and the one that took the other's
    address when it was published earlier. It is the same name, as it is for people.yml's
    entries: one person, shown as it is usually written, each appearance as it was."""
    add_article(archive, f"{published}-a-later-article", f"credits:\n  reporter: [{newcomer}]\n")
    site = build_site(load_archive(archive))
    wangs = [p for p in site.people if p.slug.startswith("wang-qian") and not p.place]
    assert [(p.slug, p.name) for p in wangs] == [("wang-qian", "Wang Qian")]
    assert newcomer in {a.as_written for a in wangs[0].appearances}


def test_the_people_index_is_in_alphabetical_order_whatever_the_case(archive):
    """A name written in small letters went after Z (a mutation review)."""
    add_article(archive, "2024-02-01-order", "credits:\n  reporter: [bai Lin, Zhao Yun, Bai Min]\n")
    names = [p.name for p in build_site(load_archive(archive)).people]
    assert names.index("bai Lin") < names.index("Bai Min") < names.index("Zhao Yun")
    assert names == sorted(names, key=str.lower)


@pytest.mark.parametrize(("spellings", "shown"), [
    (["LI YI", "Li Yi"], "Li Yi"), (["li yi", "Li yi", "Li Yi"], "Li Yi"), (["LI YI"], "LI YI"),
    (["ZHANG Wei", "ZHANG Wei", "Zhang Wei"], "Zhang Wei"), (["MCDONALD Li", "McDonald Li"], "McDonald Li"),
    (["Li Xin'ai", "LI XIN'AI"], "Li Xin'ai"),
    (["LOUXING DISTRICT BUREAU OF CIVIL AFFAIRS", "Louxing District Bureau of Civil Affairs"],
     "Louxing District Bureau of Civil Affairs"),
    (["Xiangyin County Bureau Of Commerce", "Xiangyin County Bureau of Commerce"], "Xiangyin County Bureau of Commerce"),
    (["LOUXING DISTRICT COMMITTEE OF THE CPC", "Louxing District Committee of the CPC"],
     "Louxing District Committee of the CPC"),
    (["Li yi", "Li yi", "LI YI"], "Li yi"),  # the most written of equals
])
def test_the_spelling_shown_is_the_one_written_as_a_name(spellings, shown):
    """A review: words such as "of" made every spelling of a body's name "no name", so its
    capitals won ("LOUXING DISTRICT BUREAU OF CIVIL AFFAIRS"), and one word in capitals
    ("ZHANG Wei") counted as a name."""
    from lgnews.model import _usual_spelling

    assert _usual_spelling(spellings) == shown


def test_a_name_in_words_alone_keeps_its_address_from_a_later_plain_spelling(archive):
    """A review: "Li Xin'ai" (an apostrophe) lost li-xinai to a later article's "Li Xinai",
    which was taken for the name spelled as its address: both are names in words alone, and
    the first named keeps it."""
    for n, name in enumerate(["Li Xin'ai", "Li Xin'ai", "Li Xinai"], start=1):
        add_article(archive, f"2023-09-0{n}-apostrophe", f'credits:\n  reporter: ["{name}"]\n')
    by_slug = {p.slug: p.name for p in build_site(load_archive(archive)).people if p.slug.startswith("li-xinai")}
    assert by_slug == {"li-xinai": "Li Xin'ai", "li-xinai-2": "Li Xinai"}


def test_a_name_written_in_other_capitals_is_not_said_as_written(archive):
    """After one person was made of "ZHANG WEI" and "Zhang Wei", every credit in capitals
    said '(written “ZHANG WEI”)' on the article and the person's page, and in the export:
    a difference of case tells a reader nothing. A name written otherwise still says so."""
    from lgnews.render import Renderer, article_record

    for n, name in enumerate(["Zhang Wei", "ZHANG WEI"], start=1):
        add_article(archive, f"2023-10-0{n}-capitals", f"people:\n- name: {name}\n  roles: [mayor]\n", f"{name} spoke.")
    site = build_site(load_archive(archive))
    zhang = next(p for p in site.people if p.name == "Zhang Wei")
    assert {a.as_written for a in zhang.appearances} == {"Zhang Wei", "ZHANG WEI"}
    capitals = next(a for a in site.articles if a.id == "2023-10-02-capitals")
    assert "as_written" not in article_record(capitals)["people"][0]
    renderer = Renderer(site, "https://example.org/", "Test")
    assert "written “" not in renderer.render_person(zhang)[0].content
    assert "written “" not in renderer.render_article(capitals).content
    seed = next(a for a in site.articles if a.id == SEED_ID)  # "Party jianguo", Dang Jianguo
    assert {"name": "Dang Jianguo", "as_written": "Party jianguo"}.items() <= next(
        p for p in article_record(seed)["people"] if p["name"] == "Dang Jianguo").items()
