"""Behaviour no other test held: each test here was written after a deliberate bug in
lgnews/ (a mutation) left the whole suite green. The docstring of each says what bug it
now catches. They assert what a reader, an editor or the data gets: the parsed record, the
page, the error message."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from lgnews.errors import ArchiveErrors
from lgnews.model import build_site, load_archive
from lgnews.parse import DateMention, normalize_punctuation, parse_article
from lgnews.render import Pager, Renderer

from .conftest import ROOT, SEED_ID, run
from .test_errors import edit, line_of

SEED_META = Path("articles") / SEED_ID / "meta.yml"
WRITTEN_ID = "2023-01-02-a-second-look-at-the-district"


def _archive(tmp_path: Path) -> Path:
    archive = tmp_path / "archive"
    shutil.copytree(ROOT / "archive", archive)
    return archive


def _write_article(archive: Path, article_id: str, front: str, body: str) -> Path:
    folder = archive / "articles" / article_id
    folder.mkdir()
    path = folder / "article.md"
    path.write_text(f"---\n{front.strip()}\n---\n\n{body}", encoding="utf-8")
    return path


def _errors(archive: Path) -> list[str]:
    with pytest.raises(ArchiveErrors) as caught:
        load_archive(archive)
    return [str(e).replace(str(archive) + "/", "archive/") for e in caught.value.errors]




# --------------------------------------------------------------------------- the parsed record


def test_the_header_byline_credits_the_reporter_when_the_text_credits_no_one():
    """Mutation: parse.py ignoring the author of the date header ("2022-04-30 0 By Li Yi").
    Many articles of the family are credited only there."""
    text = "Xinhua County held a flood meeting\n\n2022-04-30 0 By Li Yi\n\nOn April 28, the county met. It was long.\n"
    assert parse_article(text).credits == {"reporter": ["Li Yi"]}
    # A credit in the text wins over the byline; a site's account name is no person.
    assert parse_article(text + "(Reporter Hu Jingwen)\n").credits == {"reporter": ["Hu Jingwen"]}
    assert parse_article(text.replace("By Li Yi", "By admin")).credits == {}


def test_a_month_is_not_listed_beside_a_day_of_it_the_text_gives():
    """Mutation: parse.find_dates listing "April 2022" as well as "April 2" (2022) when the
    text mentions both: the month adds nothing, and the month alone is kept only when no day
    of it is mentioned."""
    article = parse_article("A meeting\n\n2022-04-30 0 By\n\nOn April 2, the district met. Since April 2022 the "
                            "campaign has run, as it did in March 2021.\n")
    assert article.dates == [DateMention("2021-03", "March 2021"), DateMention("2022-04-02", "April 2")]


def test_full_width_dashes_and_ellipses_read_as_english_ones():
    """Mutation: parse.FULL_WIDTH turning "——" into a dash glued to both words."""
    assert normalize_punctuation("safety first——life first……") == "safety first — life first…"


def test_a_phrase_quoted_twice_in_one_article_is_one_candidate_term_of_one_article(tmp_path):
    """Mutation: parse.find_quoted keeping repeats. The candidate terms page then said an
    article that quotes a phrase twice was two articles."""
    archive = _archive(tmp_path)
    _write_article(archive, WRITTEN_ID, "title: A second look at the district\npublished: 2023-01-02",
                   "The district speaks of “grid governance” often. Again, “grid governance” was the theme.\n")
    site = build_site(load_archive(archive))
    written = next(a for a in site.articles if a.id == WRITTEN_ID)
    assert written.quoted == ["grid governance"]
    page = next(o.content for o in Renderer(site, "https://example.org/", "Archive").render_all()
                if o.path == "glossary/candidate-terms/index.md")
    assert "<li>“grid governance” — 1 article, e.g." in page


# --------------------------------------------------------------------------- the editor's errors


def test_an_involvement_not_on_the_list_is_refused_with_the_list(tmp_path):
    """Mutation: records.load_meta accepting any involvement ("presided" for "presiding"):
    the person's page then showed the typo as how they took part."""
    archive = _archive(tmp_path)
    edit(archive, SEED_META, "  involvement:\n  - presiding\n", "  involvement:\n  - presided\n")
    line = line_of(archive, SEED_META, r"^  - presided$")
    assert _errors(archive) == [
        f"archive/{SEED_META}:{line}: people[0].involvement[0]: 'presided' is not allowed; choose from presiding, "
        "attending, speaking, inspecting, mentioned"]


def test_a_sha256_line_that_is_not_a_digest_is_named_as_such(tmp_path):
    """Mutation: records.load_meta not checking the sha256 line's form: the editor was then
    told that source.txt had changed, and sent to the wrong file."""
    archive = _archive(tmp_path)
    meta = archive / SEED_META
    text = meta.read_text(encoding="utf-8")
    digest = re.search(r"^sha256: ([0-9a-f]{64})$", text, re.M)[1]
    line = line_of(archive, SEED_META, r"^sha256: ")
    # In capitals, a digit too many or too few (a test audit: 65 digits passed the check).
    for written in (digest.upper(), digest + "0", digest[:-1]):
        meta.write_text(text.replace(f"sha256: {digest}", f"sha256: {written}"), encoding="utf-8")
        assert _errors(archive) == [
            f"archive/{SEED_META}:{line}: sha256: is not a SHA-256 (64 lowercase hex digits); it is written by ingest: "
            "do not edit it"], written


@pytest.mark.parametrize("slug", ["../../escape", "Power List", "power_list"])
def test_a_glossary_slug_that_is_no_address_is_refused(tmp_path, slug):
    """Mutation: records.load_glossary accepting any 'slug:'. A slug is the entry's page
    address (docs/glossary/<slug>/): '../../escape' was rendered to glossary/../../escape/index.md,
    outside docs/ altogether."""
    archive = _archive(tmp_path)
    edit(archive, "glossary.yml", '- term: "District Committee"\n', f'- term: "District Committee"\n  slug: "{slug}"\n')
    line = line_of(archive, "glossary.yml", r"^  slug: ")
    assert _errors(archive) == [
        f"archive/glossary.yml:{line}: [1].slug: {slug!r} is not a slug; use lowercase letters, digits and hyphens"]


def test_an_image_from_another_site_by_a_protocol_relative_address_is_refused(tmp_path):
    """Mutation: mdbody.link_problems seeing only images with a scheme: '//host/x.png' loaded
    an image from another host on the article's page, which the site never does."""
    archive = _archive(tmp_path)
    path = _write_article(archive, WRITTEN_ID, "title: A second look at the district\npublished: 2023-01-02",
                          "The district met.\n\n![The map](//example.org/map.png)\n")
    assert _errors(archive) == [
        f"archive/articles/{WRITTEN_ID}/article.md:{line_of(path.parent, path.name, 'map.png')}: the image '//example.org/map.png' is "
        "on another site: the archive's pages load nothing from other sites; save the image in docs/ and link to it "
        "from the site's root (e.g. images/photo.jpg)"]


def test_the_names_a_text_lacks_are_said_with_the_file_read_once(tmp_path, monkeypatch, capsys):
    """Each name of meta.yml the text does not have read the whole file again for its line:
    1,600 such names took 69 s to say (a fuzzing review). They are said with one reading."""
    import lgnews.build as build
    import lgnews.records as records

    archive = _archive(tmp_path)
    meta = archive / SEED_META
    added = "".join(f"- name: Person Number{i}\n  roles: []\n" for i in range(3))
    meta.write_text(meta.read_text(encoding="utf-8").replace("people:\n", "people:\n" + added, 1), encoding="utf-8")
    loaded = load_archive(archive)
    site = build_site(loaded)
    reads, real = [], records.key_lines
    monkeypatch.setattr(records, "key_lines", lambda *args: reads.append(args[0]) or real(*args))
    build._model_warnings(site, loaded, type("Config", (), {"archive": archive})())
    said = [line for line in capsys.readouterr().err.splitlines() if "Person Number" in line]
    assert said == [f"warning: archive/{SEED_META}:{21 + 2 * i}: people[{i}].name: 'Person Number{i}' is not in the "
                    "article's text: names are written as the article writes them; check the spelling (an editor's "
                    "identification of a garbled name goes in people.yml)" for i in range(3)]
    assert reads == [meta]


@pytest.mark.parametrize("line, said", [
    ("~: x", "has no name before its ':' (YAML reads '~' and 'null' as none)"),
    ("yes: x", "is named true (a truth value), as YAML reads it (yes, no, on, off and dates are not text)"),
    ("2022-05-01: x", "is named the date 2022-05-01, as YAML reads it (yes, no, on, off and dates are not text)"),
])
def test_a_field_whose_name_yaml_reads_as_no_text_is_said_plainly(tmp_path, line, said):
    """'~: x' in meta.yml gave "None: unknown field 'None'", and 'yes: x' "[True]: unknown
    field 'True'" (a fuzzing review)."""
    archive = _archive(tmp_path)
    meta = archive / SEED_META
    meta.write_text(meta.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    assert _errors(archive) == [f"archive/{SEED_META}: a field of article metadata {said}: name it as one of the "
                                "allowed fields, title, published, event_date, source, source_url, original_url, "
                                "machine_translated, credits, people, annotations, tags, summary, sha256, encoding"]


# --------------------------------------------------------------------------- pages a reader gets


@pytest.fixture(scope="module")
def person_page(tmp_path_factory) -> str:
    """Liu Zhigang's page, with a second article, of another year, that names him without
    saying how he took part."""
    archive = _archive(tmp_path_factory.mktemp("person"))
    _write_article(archive, WRITTEN_ID,
                   "title: A second look at the district\npublished: 2023-01-02\npeople:\n- name: Liu Zhigang",
                   "The district looked back on its safety work.\n")
    site = build_site(load_archive(archive))
    person = next(p for p in site.people if p.name == "Liu Zhigang")
    return next(o.content for o in Renderer(site, "https://example.org/", "Archive").render_person(person)
                if o.path == f"people/{person.slug}/index.md")


def test_a_person_named_over_several_years_is_said_to_be_so(person_page):
    """Mutation: render.person_lead giving the first year as the last."""
    assert re.search(r'<p class="person-lead">Named in 2 articles, from 2022 to 2023, as ', person_page), \
        re.search(r'<p class="person-lead">.*?</p>', person_page)[0]


def test_a_person_listed_without_an_involvement_is_mentioned(person_page):
    """Mutation: model._build_people leaving an appearance without an involvement blank in
    the person's table. Also: model.format_date writing the day with a leading zero."""
    row = re.search(r"<tr><td class=\"date\">[^<]*</td><td><a href=\"[^\"]*\">A second look at the district</a>"
                    r".*?</tr>", person_page)
    assert row, person_page
    assert row[0].startswith('<tr><td class="date">2 January 2023</td>') and row[0].endswith(
        "<td class=\"lg-none\">—</td><td>mentioned</td></tr>"), row[0]


def test_a_pager_of_a_list_of_some_tens_of_pages_leaves_pages_out():
    """Mutation: render.Pager.window offering every page up to some fifty pages: the rule
    (the first and last, those around this one, every 10th) holds from ten pages."""
    assert Pager(15, 30, "tags/hunan/").window() == [1, None, 10, None, 13, 14, 15, 16, 17, None, 20, None, 30]
    assert Pager(1, 10, "tags/hunan/").window() == [1, 2, 3, None, 10]


def test_the_people_index_gives_a_persons_newest_roles_and_counts_the_others(tmp_path):
    """The people index's row of a person gave every title the articles give them: a name in
    hundreds of machine translations collects a title for each wording, and the row, and its
    page of 200 rows, grew with the archive. It gives six, the newest article's first, as the
    person's page does, and how many others; then the parts they took."""
    archive = _archive(tmp_path)
    newer = "".join(f"  - newer title {k}\n" for k in range(1, 6))
    _write_article(archive, WRITTEN_ID, "title: A second look at the district\npublished: 2023-01-02\npeople:\n"
                   "- name: Liu Zhigang\n  roles:\n" + newer, "Liu Zhigang looked at the district again.\n")

    def row() -> str:
        site = build_site(load_archive(archive))
        index = Renderer(site, "https://example.org/", "Test", "").render_people_index()[0].content
        return next(line for line in index.splitlines() if ">Liu Zhigang</a>" in line)

    assert row().endswith("<td>newer title 1; newer title 2; newer title 3; newer title 4; newer title 5; deputy "
                          "secretary of the District Committee (and 2 other roles) — mentioned, presiding, "
                          "speaking</td></tr>"), row()
    path = archive / "articles" / WRITTEN_ID / "article.md"
    path.write_text(path.read_text(encoding="utf-8").replace("  - newer title 5\n", ""), encoding="utf-8")
    assert "newer title 4; deputy secretary of the District Committee; Head of the District (and 1 other role) — " \
           "mentioned" in row(), row()


def test_a_glossary_entry_no_article_uses_yet_says_so_without_an_empty_list():
    """An entry kept for articles to come (County Committee: the seed is a district's) said
    "Appears in 0 articles." above an empty list (a reader's review)."""
    site = build_site(load_archive(ROOT / "archive"))
    pages = {o.path: o.content for o in Renderer(site, "https://example.org/", "Test", "").render_all()}
    unused = pages["glossary/county-committee/index.md"].split("## Occurrences", 1)[1]
    assert "<p>No article of the archive uses this term yet: the entry is ready for those that will.</p>" in unused
    assert "<ul" not in unused and "0 articles" not in unused
    used = pages["glossary/district-committee/index.md"].split("## Occurrences", 1)[1]
    assert "<p>Appears in 1 article.</p>" in used and '<ul class="occurrences">' in used


# --------------------------------------------------------------------------- writing only what changed


def test_a_run_after_the_manifest_is_lost_or_a_page_touched_rewrites_nothing(project):
    """Mutation: write.plan rewriting a page whose bytes are those it would write, when it
    cannot trust the manifest (lost, or the file is newer than it): every page was written
    again after `git clean` of the manifest, or a page merely opened and saved."""
    def stats(folder: Path) -> dict[str, tuple[int, int]]:
        return {p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
                for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".generated-manifest.json"}

    run([sys.executable, "scripts/build.py"], project)
    docs = project / "docs"
    page = docs / "articles" / SEED_ID / "index.md"
    future = page.stat().st_mtime_ns + 10**9
    os.utime(page, ns=(future, future))  # saved unchanged by an editor
    before = stats(docs)
    touched = run([sys.executable, "scripts/build.py"], project)
    assert re.search(r"\b0 written", touched.stdout), touched.stdout
    (docs / ".generated-manifest.json").unlink()
    lost = run([sys.executable, "scripts/build.py"], project)
    assert re.search(r"\b0 written", lost.stdout), lost.stdout
    assert stats(docs) == before, "pages were rewritten with the bytes they already had"


@pytest.mark.parametrize("rel, key, first, value", [
    ("events.yml", "id", "da-fei-zhi-wei-campaign-2012", "../../escape"),
    ("events.yml", "id", "da-fei-zhi-wei-campaign-2012", "Zhengzhou Rainstorm"),
    ("tags.yml", "slug", "work-safety", "../../escape"),
    ("tags.yml", "slug", "work-safety", "Work Safety"),
])
def test_an_event_id_or_a_tag_slug_that_is_no_address_is_refused(tmp_path, rel, key, first, value):
    """Mutations: records.load_events accepting any 'id:', records.load_tags any 'slug:'. An
    event's id is its anchor on the timeline and, once articles mention it, the address of its
    page (timeline/events/<id>/); a tag's slug is the address tags/<slug>/: '../../escape'
    would put either outside its folder."""
    archive = _archive(tmp_path)
    edit(archive, rel, f'- {key}: "{first}"', f'- {key}: "{value}"')
    line = line_of(archive, rel, rf'^- {key}: "{re.escape(value)}"')
    assert _errors(archive) == [
        f"archive/{rel}:{line}: [0].{key}: {value!r} is not a slug; use lowercase letters, digits and hyphens"]


@pytest.mark.parametrize("field, block, value, message", [
    ("credits", r"^credits:\n(?:  .*\n)*", "0",
     "expected a mapping of role to names, e.g. 'reporter: [Li Yi]'"),
    ("people", r"^people:\n(?:[- ] .*\n)*", "false",
     "expected a list of people, each '- name: ...' with optional 'roles:' and 'involvement:'"),
    ("annotations", r"^annotations:\n(?:[- ] .*\n)*", "''",
     "expected a list, each '- phrase: <words of the text>' with 'note: <your note>'"),
])
def test_a_list_written_as_a_number_or_a_truth_value_is_refused(tmp_path, field, block, value, message):
    """'credits: 0', 'people: false' and "annotations: ''" were read as "none", and the
    article's credits, people or notes went from its page without a word."""
    archive = _archive(tmp_path)
    meta = archive / SEED_META
    meta.write_text(re.sub(block, f"{field}: {value}\n", meta.read_text(encoding="utf-8"), count=1, flags=re.M),
                    encoding="utf-8")
    line = line_of(archive, SEED_META, rf"^{field}: ")
    assert _errors(archive) == [f"archive/{SEED_META}:{line}: {field}: {message}"]


def test_a_blank_name_of_a_person_is_refused(tmp_path):
    """'- name: " "' dropped the person, roles and part taken, without a word."""
    archive = _archive(tmp_path)
    edit(archive, SEED_META, "- name: Liu Chihui\n", "- name: ' '\n")
    line = line_of(archive, SEED_META, r"^- name: ' '$")
    assert _errors(archive) == [f"archive/{SEED_META}:{line}: people[1].name: is empty; write some text"]


LONG_SLUG = "a" * 256


@pytest.mark.parametrize("rel, old, new, key", [
    ("glossary.yml", '- term: "District Committee"\n', f'- term: "District Committee"\n  slug: "{LONG_SLUG}"\n',
     "[1].slug"),
    ("events.yml", '- id: "da-fei-zhi-wei-campaign-2012"', f'- id: "{LONG_SLUG}"', "[0].id"),
    ("tags.yml", '- slug: "work-safety"', f'- slug: "{LONG_SLUG}"', "[0].slug"),
])
def test_a_slug_too_long_for_a_folder_is_refused_in_one_line(tmp_path, rel, old, new, key):
    """A glossary slug, an event id or a tag slug of 256 letters passed the checks and the
    build ended in a traceback (OSError: File name too long) when it wrote the page."""
    archive = _archive(tmp_path)
    edit(archive, rel, old, new)
    line = line_of(archive, rel, rf'^-? *\w+: "{LONG_SLUG}"')
    assert _errors(archive) == [
        f"archive/{rel}:{line}: {key}: 'aaaaaaaaaaaaaaaaaaaa…' is 256 characters long, more than the 80 a page's "
        "address can have"]


# --------------------------------------------------------------------------- the built page


def test_headings_of_a_markdown_article_of_one_level_are_siblings_in_the_table_of_contents(project):
    """Mutation: hooks/articletoc.py nesting a heading under the one before it of the same
    level: "Duties" was listed inside "Timetable"."""
    folder = project / "archive" / "articles" / WRITTEN_ID
    folder.mkdir()
    (folder / "article.md").write_text(
        "---\ntitle: A second look at the district\npublished: 2023-01-02\n---\n\nThe district met.\n\n"
        "# Timetable\n\nFirst the towns.\n\n## In the towns\n\nThen the villages.\n\n# Duties\n\nEach officer.\n",
        encoding="utf-8")
    run([sys.executable, "scripts/build.py", "--quiet"], project)
    run([sys.executable, "-m", "mkdocs", "build", "--strict"], project)
    page = (project / "site" / "articles" / WRITTEN_ID / "index.html").read_text(encoding="utf-8")
    toc = page[page.index('data-md-component="toc"'):]
    toc = toc[:toc.index("</nav>\n</div>")]
    shown = [" ".join(t.split()) for t in re.findall(r'<span class="md-ellipsis">([^<]*)</span>', toc)]
    at = shown.index("Reading edition")
    assert shown[at + 1:at + 4] == ["Timetable", "In the towns", "Duties"], shown
    timetable = toc[toc.index('aria-label="Timetable"'):]
    nested = timetable[:timetable.index("</nav>")]  # the list of what is under "Timetable"
    assert "In the towns" in nested and "Duties" not in nested, nested


# --------------------------------------------------------------------------- the data and the page's metadata


def _jsonld(html_text: str) -> dict:
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html_text, re.S)
    assert len(found) == 1, found
    return json.loads(found[0])


def test_the_seeds_record_lists_the_events_and_dates_it_mentions(built_site):
    """Mutation: render.article_record exporting no events: data/articles.json is how a
    reuser finds which curated events an article mentions (the schema allows an empty list)."""
    records = json.loads((built_site / "data" / "articles.json").read_text(encoding="utf-8"))
    seed = next(r for r in records if r["id"] == SEED_ID)
    assert sorted(seed["events"]) == ["three-year-work-safety-rectification-campaign",
                                      "zhengzhou-7-20-investigation-report", "zhengzhou-7-20-rainstorm"]
    assert seed["dates"] == ["2022-02-11"]


def test_the_article_pages_structured_data_gives_the_event_date_and_the_original(built_site, tmp_path):
    """Mutations: render.article_jsonld dropping contentReferenceTime (the day of the event
    the article reports), or isBasedOn when meta.yml gives only the republishing page's
    address (source_url)."""
    html_text = (built_site / "articles" / SEED_ID / "index.html").read_text(encoding="utf-8")
    seed = _jsonld(html_text)
    assert seed["datePublished"] == "2022-04-30" and seed["contentReferenceTime"] == "2022-02-11"
    # A link preview dates the article too (Open Graph); a page that is no article is not dated.
    assert '<meta property="article:published_time" content="2022-04-30">' in html_text
    assert "article:published_time" not in (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "isBasedOn" not in seed  # the seed's meta.yml gives no address

    archive = _archive(tmp_path)
    edit(archive, SEED_META, "source: Louxing Rong Media Center\n",
          "source: Louxing Rong Media Center\nsource_url: https://example.org/louxing/2022-04-30.html\n")
    site = build_site(load_archive(archive))
    page = Renderer(site, "https://example.org/archive/", "Archive").render_article(site.articles[0]).content
    front = json.loads(page.split("\n---\n", 1)[0].removeprefix("---\n"))
    assert front["jsonld"]["isBasedOn"] == {"@type": "NewsArticle", "url": "https://example.org/louxing/2022-04-30.html"}
    assert "translationOfWork" not in front["jsonld"]  # the republished English page is no original in Chinese


def test_a_name_an_organization_has_everywhere_cannot_be_a_later_ones_local_alias(tmp_path):
    """Mutation: records.load_organizations checking only one order (a name everywhere
    after a local alias): a local alias after the name everywhere took the mentions of the
    first organization in that place's articles without a word."""
    archive = _archive(tmp_path)
    orgs = archive / "organizations.yml"
    index = len(yaml.safe_load(orgs.read_text(encoding="utf-8")))
    orgs.write_text(orgs.read_text(encoding="utf-8").rstrip("\n") + '\n- name: "Louxing Party School"\n'
                    '  local_aliases: ["Louxing Rong Media Center"]\n  place: "louxing"\n', encoding="utf-8")
    line = line_of(archive, "organizations.yml", r'^  local_aliases: \["Louxing Rong Media Center"\]')
    assert _errors(archive) == [
        f"archive/organizations.yml:{line}: [{index}].local_aliases[0]: 'Louxing Rong Media Center' is a name of "
        "'Louxing Rong Media Center' everywhere: it cannot also be a local alias; remove one of them"]


# --------------------------------------------------------------------------- the glossary hook


def test_a_generated_page_has_the_tooltips_the_generator_gave_it_and_no_others(built_project):
    """Mutation: hooks/glossary.py handing the glossary to Python-Markdown on generated pages
    too: it then marked "7·20" inside the timeline's headings ("Zhengzhou 7·20 extreme
    rainstorm"), where the generator marks nothing, and made every page bigger."""
    docs, site = built_project / "docs", built_project / "site"
    checked = 0
    for md in sorted(docs.rglob("*.md")):
        text = md.read_text(encoding="utf-8")
        if '"generated":true' not in text.split("\n---\n", 1)[0]:
            continue
        rel = md.relative_to(docs)
        page = site / (rel.parent if rel.name == "index.md" else rel.with_suffix("")) / "index.html"
        built = page.read_text(encoding="utf-8")
        assert built.count("<abbr") == text.count("<abbr"), f"{rel}: tooltips the generator did not write"
        checked += 1
    assert checked > 40, checked
    timeline = (site / "timeline" / "2021" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<h2 class="lg-entry" id="zhengzhou-7-20-rainstorm">20 July 2021 — Zhengzhou 7·20 extreme rainstorm<',
                     timeline)


# --------------------------------------------------------------------------- what a search result or a feed shows


def _description_and_feeds(archive: Path, article_id: str = SEED_ID) -> tuple[str, str, str]:
    """An article's page description, its RSS description and its JSON Feed summary, each as
    the text a reader sees (a page's front matter and an RSS description hold HTML)."""
    import html as html_lib
    import xml.etree.ElementTree as ET

    site = build_site(load_archive(archive))
    outputs = {o.path: o.content for o in Renderer(site, "https://example.org/", "Archive").render_all()}
    front = json.loads(outputs[f"articles/{article_id}/index.md"].split("\n---\n", 1)[0].removeprefix("---\n"))
    url = f"https://example.org/articles/{article_id}/"
    rss = next(i.findtext("description") for i in ET.fromstring(outputs["feed.xml"]).iter("item")
               if i.findtext("link") == url)
    summary = next(i["summary"] for i in json.loads(outputs["feed.json"])["items"] if i["url"] == url)
    return html_lib.unescape(front["description"]), html_lib.unescape(rss), summary


def test_an_editors_summary_is_what_search_results_and_feeds_show(tmp_path):
    """Mutation: render._summary ignoring meta.yml's 'summary:' (the guide's way to replace
    the machine translation's first paragraph)."""
    archive = _archive(tmp_path)
    summary = "Louxing District reviews its work-safety campaign & sets the tasks for 2022."
    edit(archive, SEED_META, "machine_translated: true\n", f"machine_translated: true\nsummary: {summary}\n")
    assert _description_and_feeds(archive) == (summary, summary, summary)


def test_a_long_first_paragraph_is_cut_at_a_word_for_the_description(tmp_path):
    """Mutation: render._summary cutting the first paragraph mid-word ("…continued insp…")."""
    archive = _archive(tmp_path)
    first = "Safety inspections continued " * 10
    _write_article(archive, WRITTEN_ID, "title: A second look at the district\npublished: 2023-01-02", first + "\n")
    description, rss, summary = _description_and_feeds(archive, WRITTEN_ID)
    assert description == rss == summary
    assert description == ("Safety inspections continued " * 6 + "Safety inspections").strip() + "…"


@pytest.mark.parametrize("opening", ["# Background\n\n", "- sandbags stocked\n- pumps checked\n\n",
                                     "| Body | Task |\n|---|---|\n| Office | Drills |\n\n"])
def test_a_markdown_articles_description_is_its_first_paragraph_not_its_first_block(tmp_path, opening):
    """An article an editor wrote in Markdown that opens with a heading (the guide's own
    example), a list or a table was described as "Background" (or the items run together)
    on its page, in search results and in the feeds."""
    archive = _archive(tmp_path)
    first = "Changsha published its plan for the main flood season on 4 June."
    _write_article(archive, WRITTEN_ID, "title: A second look at the district\npublished: 2023-01-02",
                   opening + first + "\n\nLater text.\n")
    assert _description_and_feeds(archive, WRITTEN_ID) == (first, first, first)


def test_a_fenced_code_block_of_a_markdown_article_keeps_its_lines(tmp_path):
    """A block between ``` lines (as the editors' guide writes its examples) was one line of
    inline code, its language word shown as the first word."""
    archive = _archive(tmp_path)
    _write_article(archive, WRITTEN_ID, "title: A second look at the district\npublished: 2023-01-02",
                   "The roster:\n\n```text\nLine one <b>\nLine two\n```\n\nAfter it.\n")
    site = build_site(load_archive(archive))
    page = {o.path: o.content for o in Renderer(site, "https://example.org/", "Archive").render_all()}[
        f"articles/{WRITTEN_ID}/index.md"]
    assert re.search(r'<pre id="p2"><code class="language-text">Line one &#60;b&#62;&#10;Line two&#10;</code></pre>',
                     page), page[page.find("The roster"):][:400]


def test_a_term_in_code_is_no_use_of_it(tmp_path):
    """`hidden dangers register`, a file's name in code, was the first use of "hidden
    dangers": an empty anchor inside the code, the text's own use only a tooltip (no link to
    the entry anywhere in the text), and the code listed as the glossary's occurrence."""
    archive = _archive(tmp_path)
    _write_article(archive, WRITTEN_ID, "title: A second look at the district\npublished: 2023-01-02",
                   "The file `hidden dangers register` is kept by the office.\n\n"
                   "The office checks hidden dangers every week.\n\n    hidden dangers, in a block of code\n")
    site = build_site(load_archive(archive))
    page = {o.path: o.content for o in Renderer(site, "https://example.org/", "Archive").render_all()}[
        f"articles/{WRITTEN_ID}/index.md"]
    assert "<code>hidden dangers register</code>" in page
    assert re.search(r'<p id="p2">The office checks <span id="term-hidden-dangers"><a class="term" '
                     r'href="../../glossary/hidden-dangers/" title="[^"]+">hidden dangers</a></span> every week', page)
    assert "<code>hidden dangers, in a block of code" in page
    glossary = json.loads({o.path: o.content for o in Renderer(site, "https://example.org/", "Archive")
                           .render_all()}["data/glossary.json"])
    [entry] = [g for g in glossary if g["slug"] == "hidden-dangers"]
    assert [(o["paragraph"], o["context"]) for o in entry["occurrences"] if o["article"] == WRITTEN_ID] == [
        (2, "The office checks hidden dangers every week.")]


def test_a_persons_roles_are_one_however_their_articles_capitalise_them():
    """"deputy secretary of the district committee; deputy secretary of the District
    Committee" led a person's page: one article wrote it in capitals, another not."""
    from types import SimpleNamespace

    from lgnews.render import person_lead

    def appearance(article_id, year, roles):
        return SimpleNamespace(article=SimpleNamespace(id=article_id, published=date(year, 1, 1)), roles=roles,
                               involvement=("attending",))
    lead = person_lead([appearance("b", 2023, ("deputy secretary of the district committee",)),
                        appearance("a", 2022, ("deputy secretary of the District Committee", "head of the district"))])
    assert lead["roles"] == [("deputy secretary of the district committee", 2), ("head of the district", 1)]


# --------------------------------------------------------------------------- make new-article


def test_every_optional_field_a_new_article_offers_is_valid_once_uncommented(tmp_path):
    """Mutation: a slip in records.SKELETON_COMMENTS (an involvement the build refuses, a credit
    role it does not know): an editor who follows the skeleton's own advice ("remove the
    '# ' in front of the ones you use") got an error for it."""
    from lgnews.new_article import create_article

    archive = _archive(tmp_path)
    path = create_article(archive, "The county opens a bridge", date(2022, 5, 1))
    text = path.read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    uncommented = re.sub(r"^# (?=[a-z_]+:|\s)", "", front, flags=re.M)
    assert uncommented.count("\n") == front.count("\n") and "# summary:" not in uncommented
    body = "\n---\n\nWang Lei said these are words exactly as they appear in the text.\n"
    path.write_text(uncommented + body, encoding="utf-8")
    # The example values are refused as they stand (an editor must write the article's)...
    assert [e.split(": ", 2)[1] for e in _errors(archive)] == ["event_date", "source", "source_url", "original_url",
                                                                "summary", "credits", "people[0]", "annotations[0]"]
    # ...and valid in the same shape once written.
    own = {"event_date: YYYY-MM-DD": "event_date: 2022-04-28", "The media center that published the article": "Changsha Rong Media Center",
           "https://example.org/page-of-the-article": "https://news.example.cn/bridge.html",
           "https://example.org/chinese-original": "https://news.example.cn/zh/bridge.html",
           "One sentence describing the article": "The county opens a bridge over the Lianshui",
           "editor: [Chen Jing]": "editor: [Chen Jin]", "[deputy head of the County]": "[deputy head of the county]",
           "note: what the words mean": "note: what the words mean here"}
    for example, value in own.items():
        uncommented = uncommented.replace(example, value)
    # (The skeleton's comments, which readers would see in the article's source, deleted.)
    uncommented = re.sub(r"(?m)^(#.*\n|([a-z_]+:.*?)\s+# .*$)", lambda m: m[2] or "", uncommented)
    path.write_text(uncommented + body, encoding="utf-8")
    site = build_site(load_archive(archive))
    article = next(a for a in site.articles if a.id == path.parent.name)
    meta = article.meta
    assert (meta.event_date, meta.source, meta.source_url, meta.original_url) == (
        date(2022, 4, 28), "Changsha Rong Media Center", "https://news.example.cn/bridge.html",
        "https://news.example.cn/zh/bridge.html")
    assert meta.summary.startswith("The county opens a bridge over the Lianshui") and meta.machine_translated is True
    assert meta.credits == {"reporter": ["Wang Lei"], "editor": ["Chen Jin"]}
    assert [(p.name, p.roles, p.involvement) for p in meta.people] == [
        ("Wang Lei", ("deputy head of the county",), ("presiding",))]
    assert [(n.phrase, n.note) for n in meta.annotations] == [
        ("words exactly as they appear in the text", "what the words mean here")]
