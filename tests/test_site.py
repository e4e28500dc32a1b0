"""The built site, as a reader and a data user get it: a real generate + `mkdocs build
--strict` in a temporary copy (see conftest.built_site), with assertions on HTML and JSON."""

from __future__ import annotations

import hashlib
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

from .conftest import ROOT, SEED_ID, copy_project, generate_and_build, run, zh_span

SEED_SOURCE = ROOT / "archive" / "articles" / SEED_ID / "source.txt"


class Page(HTMLParser):
    """The parts of a page the tests look at: text, abbr tooltips, links, ids."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.abbrs: list[tuple[str, str]] = []
        self.links: list[tuple[str, str]] = []
        self.ids: set[str] = set()
        self.text_parts: list[str] = []
        self.title = ""
        self._stack: list[tuple[str, dict]] = []
        self._abbr: list[str] | None = None
        self._link: list[str] | None = None
        self._in_title = False
        self._skip = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "title":
            self._in_title = True
        if tag == "abbr":
            self._abbr = [attrs.get("title") or ""]
        if tag == "a":
            self._link = [attrs.get("href") or ""]
            if attrs.get("title") and "headerlink" not in (attrs.get("class") or ""):  # a term's tooltip
                self._abbr = [attrs["title"]]

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        if tag == "title":
            self._in_title = False
        if tag == "abbr" and self._abbr:
            self.abbrs.append((self._abbr[0], "".join(self._abbr[1:])))
            self._abbr = None
        if tag == "a" and self._abbr and self._link:
            self.abbrs.append((self._abbr[0], "".join(self._abbr[1:])))
            self._abbr = None
        if tag == "a" and self._link:
            self.links.append((self._link[0], "".join(self._link[1:]).strip()))
            self._link = None

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._skip:
            return
        self.text_parts.append(data)
        if self._abbr is not None:
            self._abbr.append(data)
        if self._link is not None:
            self._link.append(data)

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.text_parts))


def page(site: Path, url: str) -> Page:
    return Page((site / url / "index.html").read_text(encoding="utf-8"))


def load_json(site: Path, name: str):
    return json.loads((site / "data" / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_record(built_site):
    return next(a for a in load_json(built_site, "articles.json") if a["id"] == SEED_ID)


# --------------------------------------------------------------------------- the seed's record


def test_seed_record_golden(seed_record):
    assert seed_record["url"] == f"articles/{SEED_ID}/"
    assert seed_record["title"] == "Louxing District held the 2022 Work safety retreat Meeting"
    assert seed_record["published"] == "2022-04-30"
    assert seed_record["event_date"] == "2022-02-11"
    assert seed_record["source"] == "Louxing Rong Media Center"
    assert seed_record["credits"] == {
        "reporter": ["Li Yi"], "editor_in_chief": ["Wen Zhibin"],
        "reviewer": ["Huang Miao", "Zeng Zhenhua"], "editor": ["Xiao Hui"],
    }
    assert seed_record["sha256"] == hashlib.sha256(SEED_SOURCE.read_bytes()).hexdigest()
    assert (seed_record["archived_file"], seed_record["encoding"]) == (f"archive/articles/{SEED_ID}/source.txt", "utf-8")
    assert seed_record["machine_translated"] is True
    people = {p["name"]: p for p in seed_record["people"]}
    assert people["Liu Zhigang"]["roles"] == [
        "deputy secretary of the District Committee", "Head of the District",
        "Director of the District Safety Committee"]
    attendees = [n for n, p in people.items() if "attending" in p["involvement"]]
    assert len(attendees) == 9
    assert people["Dang Jianguo"]["as_written"] == "Party jianguo"
    assert people["Liu Zhigang"]["url"] == "people/liu-zhigang/"
    assert seed_record["original_url"] is None and seed_record["summary"] is None


def test_a_person_without_an_involvement_is_mentioned_in_the_data_as_on_their_page(tmp_path):
    """A person whose 'involvement:' was left out had [] in articles.json (which the data page
    says is one or more) and 'mentioned' on their page and in people.json."""
    project = copy_project(tmp_path / "project")
    meta = project / "archive" / "articles" / SEED_ID / "meta.yml"
    text = meta.read_text(encoding="utf-8")
    meta.write_text(text.replace("- name: Liu Chihui\n  roles: []\n  involvement:\n  - attending\n",
                                 "- name: Liu Chihui\n  roles: []\n"), encoding="utf-8")
    run([sys.executable, "scripts/build.py", "--quiet"], project)
    data = json.loads((project / "docs" / "data" / "articles.json").read_text(encoding="utf-8"))
    liu = next(p for a in data if a["id"] == SEED_ID for p in a["people"] if p["name"] == "Liu Chihui")
    assert liu["involvement"] == ["mentioned"]
    schema = json.loads((ROOT / "docs" / "schemas" / "articles.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)


def test_an_articles_original_and_summary_are_in_its_record(tmp_path):
    """The Chinese original's address and the editor's summary were on the article's page
    (and in its link previews and feeds) but not in data/articles.json. The translation's
    address and the original's are two fields: one given for the other sends a re-user of
    the data to the wrong page."""
    project = copy_project(tmp_path / "project")
    meta = project / "archive" / "articles" / SEED_ID / "meta.yml"
    meta.write_text(meta.read_text(encoding="utf-8") + "original_url: https://example.org/zh/1\n"
                    "source_url: https://example.org/en/1\n"
                    "summary: Louxing's work-safety meeting of 2022.\n", encoding="utf-8")
    run([sys.executable, "scripts/build.py", "--quiet"], project)
    record = next(a for a in json.loads((project / "docs" / "data" / "articles.json").read_text(encoding="utf-8"))
                  if a["id"] == SEED_ID)
    assert record["original_url"] == "https://example.org/zh/1"
    assert record["source_url"] == "https://example.org/en/1"
    assert record["summary"] == "Louxing's work-safety meeting of 2022."
    # The page links both where "not recorded" and "not found yet" were.
    page_md = (project / "docs" / "articles" / SEED_ID / "index.md").read_text(encoding="utf-8")
    assert '<dt>Source page:</dt> <dd><a href="https://example.org/en/1"' in page_md
    assert '<dt>Chinese original:</dt> <dd><a href="https://example.org/zh/1"' in page_md
    assert "not recorded" not in page_md and "not found yet" not in page_md


def test_seed_reading_edition(seed_record):
    paragraphs = seed_record["paragraphs"]
    assert len(paragraphs) >= 5
    text = " ".join(paragraphs)
    assert not re.search(r"[a-z]\.[A-Z]", text), "glued sentences left"
    assert "Editor in Chief" not in text and "Source:" not in text and "(Li Yi)" not in text
    assert paragraphs[0].startswith("On February 11, Liu Zhigang")
    assert "JiBao" in text, "the reading edition keeps the translation's wording"


def test_exports_match_their_schemas(built_site):
    for name in ("articles", "glossary", "timeline", "people", "organizations", "tags"):
        schema = json.loads((ROOT / "docs" / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
        jsonschema.validate(load_json(built_site, f"{name}.json"), schema)
        assert (built_site / "schemas" / f"{name}.schema.json").exists(), "schemas are published beside the data"


@pytest.mark.parametrize("name, slip", [
    ("timeline", lambda d: d[0].update(url="javascript:alert(1)")),  # a link that runs code
    ("timeline", lambda d: d[0].pop("event")),
    ("articles", lambda d: d[0].pop("tags")),  # always written: a consumer may rely on it
    ("articles", lambda d: d[0]["people"][0].pop("involvement")),
    ("glossary", lambda d: d[0].pop("slug")),
    ("people", lambda d: d[0].update(zh_confirmed="yes")),
    ("articles", lambda d: d[0]["people"][0]["involvement"].append("chairing")),  # not one the archive allows
    ("glossary", lambda d: d[0].update(category="slogans")),
    # Formats and references, which only the types were checked for (a review of the data).
    ("articles", lambda d: d[0].update(published="2022-13-45")),
    ("articles", lambda d: d[0].update(source_url="x")),
    ("articles", lambda d: d[0]["tags"].append("Not a slug")),
    ("glossary", lambda d: next(e for e in d if e["occurrences"])["occurrences"][0].update(article="")),
    ("glossary", lambda d: d[0].update(slug="")),
    ("people", lambda d: d[0]["appearances"][0].update(date="2022-00-10")),
    # The fields issue 3 names: an occurrence's context, an appearance's roles (even none).
    ("glossary", lambda d: next(e for e in d if e["occurrences"])["occurrences"][0].pop("context")),
    ("people", lambda d: d[0]["appearances"][0].pop("roles")),
    ("timeline", lambda d: d[0].update(date="2020-00")),
    ("timeline", lambda d: d[0]["articles"].append("not an id")),
    # Rules between two fields.
    ("people", lambda d: d[0].update(zh=None, zh_confirmed=True)),
    ("people", lambda d: d[0].update(zh="刘志刚", zh_confirmed=None)),
    ("timeline", lambda d: next(e for e in d if e["kind"] == "event").update(event=None)),
    ("timeline", lambda d: next(e for e in d if e["kind"] != "event").update(event="an-event")),
    ("tags", lambda d: d[0].update(count=0, url="tags/x/")),
    ("tags", lambda d: d[0].update(count=3, url=None)),
    ("organizations", lambda d: next(o for o in d if o["description"]).update(curated=False)),
    ("glossary", lambda d: d[0]["sources"].append("ftp://example.org/a")),
    ("articles", lambda d: d[0]["credits"].update(reporter=[])),
    ("articles", lambda d: d[0]["credits"].update(photographer=["Li Yi"])),
    # A list the generator writes without repeats (a data review of session 32).
    ("articles", lambda d: d[0]["tags"].append(d[0]["tags"][0])),
    ("articles", lambda d: d[0]["terms"].append(d[0]["terms"][0])),
    ("glossary", lambda d: d[0]["see_also"].append(d[0]["see_also"][0])),
    ("timeline", lambda d: next(e for e in d if e["articles"])["articles"].append(
        next(e for e in d if e["articles"])["articles"][0])),
])
def test_the_schemas_refuse_what_the_generator_never_writes(built_site, name, slip):
    """A data user checks a copy against the schemas: they accepted an export without fields
    the generator always writes, and a timeline address that runs code."""
    schema = json.loads((ROOT / "docs" / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
    data = load_json(built_site, f"{name}.json")
    slip(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_timeline_entries_of_curated_events_carry_the_id_articles_use(built_site, seed_record):
    """An article's `events` are ids of curated events: the timeline had no id to find them by."""
    timeline = load_json(built_site, "timeline.json")
    events = {entry["event"]: entry for entry in timeline if entry["kind"] == "event"}
    assert None not in events and all(entry["event"] is None for entry in timeline if entry["kind"] != "event")
    assert seed_record["events"] and all(SEED_ID in events[event]["articles"] for event in seed_record["events"])


def test_seed_terms_exported(seed_record):
    terms = " | ".join(seed_record["terms"]).lower()
    for t in ["three principles", "people first", "cracking down", "strengthening law enforcement",
              "power list", "three-year campaign"]:
        assert t in terms


# --------------------------------------------------------------------------- the seed's page


@pytest.fixture(scope="module")
def seed_page(built_site):
    return page(built_site, f"articles/{SEED_ID}")


def test_seed_page_title_provenance_and_label(built_site, seed_page):
    assert seed_page.title.startswith("Louxing District held the 2022 Work safety retreat Meeting")
    text = seed_page.text
    for fact in ["30 April 2022", "11 February 2022", "Louxing Rong Media Center", "Li Yi", "Wen Zhibin",
                 "Huang Miao", "Zeng Zhenhua", "Xiao Hui", "Machine-translated from Chinese"]:
        assert fact in text, fact
    # The provenance reads as a list of facts, two reviewers as two names.
    assert "Reporter: Li Yi Editor in chief: Wen Zhibin Reviewer: Huang Miao, Zeng Zhenhua Editor: Xiao Hui" in text
    # The publication date leads to the articles of its month; it led to the article's own
    # line on the timeline, which led back here (a reader's review of session 32). The event
    # date leads to the timeline.
    assert ("../2022/04/", "30 April 2022") in seed_page.links

    # An editor's note can be read where its phrase is: its marker's tooltip (the note, as an
    # attribute's text), as well as in the list under the reading edition.
    html = (built_site / "articles" / SEED_ID / "index.html").read_text(encoding="utf-8")
    marker = re.search(r'<a href="#note-2" aria-label="Editor\'s note 2" title="([^"]*)">\[2\]</a>', html)
    assert marker and marker[1].startswith("Most likely the official Dang Jianguo (党建国). The machine translation "
                                           "rendered the surname 党 (Dang) as the word &quot;Party&quot;."), marker
    assert (f"../../timeline/2022/#event-{SEED_ID}", "11 February 2022") in seed_page.links


def test_seed_page_verbatim_source_and_checksum(built_site, seed_page):
    html = (built_site / "articles" / SEED_ID / "index.html").read_text(encoding="utf-8")
    digest = hashlib.sha256(SEED_SOURCE.read_bytes()).hexdigest()
    assert digest in html
    match = re.search(r'<pre class="verbatim-text"><code>(.*?)</code></pre>', html, re.S)
    assert match, "no verbatim block"
    import html as html_lib
    assert html_lib.unescape(match.group(1)) == SEED_SOURCE.read_text(encoding="utf-8")
    assert "<details" in html and "Verbatim source" in html
    # The archived file itself can be had, byte for byte, from the repository.
    raw = f"https://github.com/lgnews-archive/archive/raw/HEAD/archive/articles/{SEED_ID}/source.txt"
    assert (raw, "source.txt") in seed_page.links
    assert "Cite this page" in html and f"articles/{SEED_ID}/" in seed_page.text
    # The citation names the archive and says the title is a machine translation, of a report
    # by the source the credit line names: 30 April is the translation's date, not the media
    # center's (it read "..., Louxing Rong Media Center, 30 April 2022").
    assert ("“Louxing District held the 2022 Work safety retreat Meeting” (machine translation from Chinese of a "
            "report by Louxing Rong Media Center), 30 April 2022. Archived in Chinese Local News in English: "
            ) in seed_page.text
    # The provenance says what the archive does not know: where the translation was found, and
    # the Chinese original.
    assert "Source page: not recorded" in seed_page.text and "Chinese original: not found yet" in seed_page.text


def test_seed_page_has_a_tooltip_on_every_glossary_term(built_site, seed_page, seed_record):
    glossary = {g["term"]: g for g in load_json(built_site, "glossary.json")}
    where = {term: next(o["in"] for o in glossary[term]["occurrences"] if o["article"] == SEED_ID)
             for term in seed_record["terms"]}
    in_text = [term for term in seed_record["terms"] if where[term] == "text"]
    # Two are only in the title and the source line: listed after the text's, and glossed
    # where they are (issue 3: "a tooltip on every glossary term it contains"; the title and
    # the source line had none).
    assert {term: w for term, w in where.items() if w != "text"} == {
        "retreat meeting": "title", "Rong Media Center": "source"}
    assert seed_record["terms"][len(in_text):] == ["retreat meeting", "Rong Media Center"]
    html = (built_site / "articles" / SEED_ID / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<h1 id="lg-title">Louxing District held the 2022 <abbr title="The official name, '
                     r'安全生产[^"<>]*">Work safety</abbr> <abbr title="A meeting for '
                     r'talking through ideas[^"<>]*">retreat Meeting</abbr></h1>', html)
    assert html.count("<h1") == 1, "the theme writes no second title"
    # The source line is the link to its organization, and the link says what its term means:
    # an <abbr> inside it showed that to the pointer only (the keyboard's focus is the link's).
    assert re.search(r'<dt>Source:</dt> <dd><a href="../../organizations/louxing-rong-media-center/" '
                     r'title="Rong Media Center: A county- or district-level integrated media center[^"<>]*">'
                     r"Louxing Rong Media Center</a></dd>", html)
    tooltipped = {text.lower() for _, text in seed_page.abbrs}
    for term in seed_record["terms"]:
        names = [term, *glossary[term]["aliases"]]
        assert any(any(n.lower() in t for t in tooltipped) or t in n.lower() for n in names for t in tooltipped), term
    assert all(title for title, _ in seed_page.abbrs), "every tooltip has a definition"
    first_links = [href for href, _ in seed_page.links if "/glossary/" in href or href.startswith("../../glossary/")]
    assert len({h for h in first_links}) >= len(seed_record["terms"])
    # In the text itself, the first use of each term links to its entry (id term-<slug>), once.
    glossary = {g["term"]: g["url"].split("/")[1] for g in load_json(built_site, "glossary.json")}
    assert {i for i in seed_page.ids if i.startswith("term-")} == {f"term-{glossary[t]}" for t in in_text}


def test_a_tooltip_says_when_its_entry_is_uncertain(built_site, seed_page):
    """The tooltip of an entry of low confidence says so where the term is read (a reader's
    review: "three principles" read as settled fact everywhere but on its own page); the
    others do not."""
    glossary = {g["term"]: g for g in load_json(built_site, "glossary.json")}
    hedge = "(Uncertain: the original Chinese term is not confirmed.)"
    tips = {text.lower(): title for title, text in seed_page.abbrs}
    for term, low in (("three principles", True), ("retreat meeting", True),
                      ("strengthening law enforcement and preventing accidents", True),
                      ("power list", False), ("District Safety Committee", False)):
        assert (glossary[term]["confidence"] == "low") is low, term
        title = tips[term.lower()]
        assert title.endswith(hedge) is low, (term, title)
        assert title.count(hedge) <= 1


def test_seed_page_annotations_are_visible_and_text_unchanged(seed_page, built_site):
    text = seed_page.text
    assert "Party jianguo[2]" in text.replace(" [2]", "[2]")
    assert "Most likely the official Dang Jianguo" in text
    # "In this article": the nine who attended are listed once under the part they took,
    # not each followed by "(attending)"; a spelling is given after the name.
    assert ("attending: Liu Chihui, Xu Diren, Luo Wenwei, Wang Qian, Gao Ying, Tang Aihua, Zhou Junhua, Xiao Minhai, "
            "Dang Jianguo (written “Party jianguo”, name not confirmed)") in text
    assert "(attending)" not in text
    # The parts a titled person took follow the titles, as on the people's list: they had read
    # as two more titles in the brackets (a reader's review).
    assert "Liu Zhigang (deputy secretary of the District Committee; Head of the District; Director of the " \
           "District Safety Committee) — presiding, speaking · attending:" in text
    # Every note of meta.yml is in the list of notes, each with its way back to its phrase.
    count = len(re.findall(r"(?m)^- phrase:", (ROOT / "archive" / "articles" / SEED_ID / "meta.yml").read_text(
        encoding="utf-8")))
    assert count >= 11 and "Editors' notes" in text
    assert {f"note-{n}" for n in range(1, count + 1)} | {f"noteref-{n}" for n in range(1, count + 1)} <= set(seed_page.ids)
    assert f"note-{count + 1}" not in seed_page.ids


def test_seed_page_links_people_orgs_events_and_dates(seed_page):
    hrefs = [h for h, _ in seed_page.links]
    for target in ["people/liu-zhigang/", "people/dang-jianguo/", "organizations/louxing-rong-media-center/",
                   "timeline/2022/#event-" + SEED_ID, "tags/work-safety/"]:
        assert any(h.endswith(target) or target in h for h in hrefs), target


# --------------------------------------------------------------------------- knowledge pages


def test_glossary_entries_and_chinese(built_site):
    glossary = load_json(built_site, "glossary.json")
    by_zh = {g["zh"] for g in glossary}
    for zh in ["人民至上、生命至上", "打非治违", "安全生产专项整治三年行动", "权力清单"]:
        assert any(zh in (z or "") for z in by_zh), zh
    with_seed = [g for g in glossary if any(o["article"] == SEED_ID for o in g["occurrences"])]
    assert len(with_seed) >= 6
    # Each occurrence names the paragraph of the reading edition the term is in.
    seed = next(a for a in load_json(built_site, "articles.json") if a["id"] == SEED_ID)
    power = next(g for g in glossary if g["term"] == "power list")
    (occurrence,) = [o for o in power["occurrences"] if o["article"] == SEED_ID]
    assert "power list" in seed["paragraphs"][occurrence["paragraph"] - 1]
    # ... and quotes the words around it, as the entry's page does ([{article, context}]).
    assert "power list" in occurrence["context"] and occurrence["context"].strip("…") in seed["paragraphs"][occurrence["paragraph"] - 1]
    low = next(g for g in glossary if g["term"] == "three principles")
    assert low["confidence"] == "low"
    term_page = page(built_site, "glossary/three-principles")
    assert "The original Chinese term is not confirmed" in term_page.text
    assert "Appears in 1 article" in term_page.text
    assert any(SEED_ID in h and "#term-three-principles" in h for h, _ in term_page.links)
    # The excerpt is in double quotation marks: the article's own double marks become single.
    assert "): “We need to strictly implement the ‘three principles’ and improve the quality and standards of rectification.”" in term_page.text


def test_a_term_only_in_the_title_or_the_source_line_is_counted(built_site, seed_page):
    """"retreat meeting" is only in the seed's title and "Rong Media Center" only in its source
    line: their entries still count the article, say where it uses them, and link there."""
    glossary = {g["term"]: g for g in load_json(built_site, "glossary.json")}
    assert glossary["retreat meeting"]["occurrences"] == [{
        "article": SEED_ID, "context": "Louxing District held the 2022 Work safety retreat Meeting",
        "in": "title", "paragraph": None}]
    assert glossary["Rong Media Center"]["occurrences"] == [{
        "article": SEED_ID, "context": "Louxing Rong Media Center", "in": "source", "paragraph": None}]
    title = page(built_site, "glossary/retreat-meeting")
    assert "Appears in 1 article." in title.text
    assert "Louxing District held the 2022 Work safety retreat Meeting (30 April 2022, in the title)" in title.text
    assert f"../../articles/{SEED_ID}/#lg-title" in [h for h, _ in title.links]
    source = page(built_site, "glossary/rong-media-center")
    assert "(30 April 2022, in the source line): “Louxing Rong Media Center”" in source.text
    assert f"../../articles/{SEED_ID}/#provenance" in [h for h, _ in source.links]
    assert {"lg-title", "provenance"} <= set(seed_page.ids)
    index = page(built_site, "glossary").text
    assert "retreat meeting务虚会meetinglow1 " in index and "Rong Media Center融媒体中心institutionhigh1 " in index


def test_the_public_text_does_not_use_the_projects_own_jargon(built_site):
    """'The seed' is what the project calls its first article; a reader does not know it."""
    for rel in ["glossary", "timeline", "people", "organizations", "articles", "tags", "data"]:
        for path in (built_site / rel).rglob("*"):
            if path.suffix in (".html", ".json"):
                assert not re.search(r"\bseed\b", path.read_text(encoding="utf-8"), re.I), path
    assert not re.search(r"\bseed\b", page(built_site, "").text, re.I)


def test_glossary_index_lists_every_entry_with_category(built_site):
    index = page(built_site, "glossary")
    glossary = load_json(built_site, "glossary.json")
    for g in glossary:
        assert g["term"] in index.text and g["category"].replace("-", " ") in index.text
    # The categories read as words, not as slugs.
    assert "responsibility system" in index.text and "responsibility-system" not in index.text


def test_what_confidence_means_is_said_once_and_each_entry_leads_there(built_site):
    """"Confidence: high" was given on every entry and in the index, and explained nowhere a
    reader looks (only medium and low had a box on their entry)."""
    raw = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    said = Page(re.search(r'<p id="confidence">.*?</p>', raw, re.S).group(0)).text
    for level in ("High", "Medium", "Low"):
        assert f"{level}:" in said, said
    for entry in ("three-principles", "district-safety-committee"):
        facts = (built_site / "glossary" / entry / "index.html").read_text(encoding="utf-8")
        assert '<dt><a href="../#confidence">Confidence</a>:</dt>' in facts, entry
    # A phone's first tap shows the definition, a second opens the entry: the index says so.
    assert "on a phone, tap it a second time to open the entry" in page(built_site, "glossary").text


def test_a_chinese_no_source_gives_reads_not_known_on_the_index_and_the_entry(built_site):
    """The index showed "—" where the entry said "not known" (and its pinyin "—")."""
    index = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    row = re.search(r"<tr><td><a href=\"three-principles/\">three principles</a></td>.*?</tr>", index).group(0)
    assert "<td>not known</td>" in row and "—" not in row
    entry = page(built_site, "glossary/three-principles")
    assert "Chinese: not known" in entry.text and "Pinyin: not known" in entry.text


def test_both_feeds_give_an_articles_tags_by_their_labels(built_site):
    """The JSON Feed gave the tags' slugs ("louxing", "hunan"), which a feed reader shows
    as they are, and RSS gave none."""
    import xml.etree.ElementTree as ET

    labels = ["Work safety", "Meetings", "Emergency management", "Louxing District", "Hunan Province"]
    item = json.loads((built_site / "feed.json").read_text(encoding="utf-8"))["items"][0]
    assert item["tags"] == labels
    rss = ET.parse(built_site / "feed.xml").getroot().find("channel/item")
    assert [c.text for c in rss.findall("category")] == labels


def test_both_feeds_date_an_article_on_its_day_in_the_americas_and_in_china(built_site):
    """Dated at midnight UTC, the seed of 30 April showed as 29 April in a reader west of
    Greenwich (a data review of session 32)."""
    import xml.etree.ElementTree as ET
    from datetime import datetime, timedelta, timezone
    from email.utils import parsedate_to_datetime

    rss = ET.parse(built_site / "feed.xml").getroot().find("channel/item/pubDate").text
    jsonfeed = json.loads((built_site / "feed.json").read_text(encoding="utf-8"))["items"][0]["date_published"]
    for when in (parsedate_to_datetime(rss), datetime.fromisoformat(jsonfeed)):
        for hours in (-10, -8, -5, 0, 8, 10):  # Hawaii, California, New York, London, China, Sydney
            assert when.astimezone(timezone(timedelta(hours=hours))).date().isoformat() == "2022-04-30", (when, hours)


def test_an_event_says_the_articles_that_mention_it_in_the_same_words_everywhere(built_site):
    """The timeline's front page said "Mentioned in 1 article", the year's page "Articles:"."""
    title = "Louxing District held the 2022 Work safety retreat Meeting"
    assert f"Mentioned in 1 article: {title}" in page(built_site, "timeline").text
    assert f"Mentioned in 1 article: {title}" in page(built_site, "timeline/2022").text
    assert "Articles:" not in page(built_site, "timeline/2022").text


def test_timeline_page_grouped_by_year_with_precision(built_site):
    timeline = page(built_site, "timeline")
    assert "April 2020" in timeline.text and "20 July 2021" in timeline.text
    year = page(built_site, "timeline/2022")
    assert "11 February 2022" in year.text and "21 January 2022" in year.text
    assert f"event-{SEED_ID}" in year.ids and f"published-{SEED_ID}" in year.ids
    # Without a table of contents, hidden or in the phone's menu: it listed every entry of the
    # page (at 1,000 articles, 28 KB of a 92 KB page and a menu of 100 links: a reader's review).
    html = (built_site / "timeline" / "2022" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<nav class="md-nav md-nav--secondary" aria-label="Table of contents">\s*</nav>', html)
    assert not re.search(r'class="md-nav__link"[^>]*>\s*<span class="md-ellipsis">\s*11 February 2022', html)
    assert 'href="#__toc"' not in html and 'for="__toc"' not in html
    # The home page hides its own too, and keeps it in the phone's menu.
    assert 'for="__toc"' in (built_site / "index.html").read_text(encoding="utf-8")
    # A key event links the glossary entry of its campaign or slogan (the timeline linked none).
    entry = "cracking down on illegal activities and preventing violations"
    assert (f"../glossary/{entry.replace(' ', '-')}/", entry) in timeline.links
    assert (f"../../glossary/{entry.replace(' ', '-')}/", entry) in page(built_site, "timeline/2012").links
    entries = load_json(built_site, "timeline.json")
    for date in ["2020-04", "2021-07-20", "2021-08-02", "2022-01-21", "2022-02-11", "2022-04-30"]:
        entry = next(e for e in entries if e["date"] == date)
        assert entry["sources"] or entry["kind"] != "event"


def test_no_page_skips_a_heading_level(built_site):
    """Screen readers list a page by its headings: a year of the timeline went from its title
    (h1) straight to its entries (h3)."""
    skipped = []
    for path in sorted(built_site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        content = html[html.find("<article"):html.find("</article>")]
        levels = [int(n) for n in re.findall(r"<h([1-6])[\s>]", content)]
        for before, after in zip([0, *levels], levels, strict=False):  # each level and the one before it
            if after > before + 1:
                skipped.append(f"{path.relative_to(built_site)}: h{before} then h{after}")
                break
    assert len(list(built_site.rglob("*.html"))) > 50
    assert not skipped, skipped


def test_every_page_has_one_article_and_no_stray_tag_in_its_text(built_site):
    """The performance page's "each page's <article>", written into its Markdown as it was,
    opened three <article> elements never closed, and the word was gone from the sentence."""
    wrong = []
    for path in sorted(built_site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        if html.count("<article") != 1 or html.count("</article>") != 1:
            wrong.append(f"{path.relative_to(built_site)}: {html.count('<article')} <article>")
    assert not wrong, wrong


def test_people_index_and_person_page(built_site):
    people = load_json(built_site, "people.json")
    assert len(people) >= 15
    # Each appearance is {article, date, roles}, as issue 3 has it: roles as the text gives
    # them, [] for an attendee the text gives none.
    by_name = {p["name"]: p for p in people}
    assert by_name["Liu Zhigang"]["appearances"] == [{"article": SEED_ID, "date": "2022-04-30", "roles": [
        "deputy secretary of the District Committee", "Head of the District", "Director of the District Safety Committee"]}]
    assert by_name["Li Yi"]["appearances"] == [{"article": SEED_ID, "date": "2022-04-30", "roles": []}]
    index = page(built_site, "people")
    assert "Liu Zhigang" in index.text and "Head of the District" in index.text
    # A reader is told that one name's page may gather namesakes (a Jiang Hui editing in one
    # district and attending in two others read as one person).
    assert "two people who share a name share a page until an editor tells them apart" in index.text
    liu = page(built_site, "people/liu-zhigang")
    assert "Director of the District Safety Committee" in liu.text and "30 April 2022" in liu.text
    dang = page(built_site, "people/dang-jianguo")
    assert "党建国" in dang.text and "Party jianguo" in dang.text and "Editor's note" in dang.text
    # A person's page says at once who they are (it was a heading and a table of one row).
    assert liu.text.index("Named in 1 article (2022), as deputy secretary of the District Committee") \
        < liu.text.index("1 appearance. Roles are quoted")
    # A reporter or an editor is credited, not named in the text (it read "Named in 1 article
    # of 2022 (editing (editor in chief))"); the part someone took reads as English (it was
    # "Named in 1 article of 2022: attending.").
    assert "Credited in 1 article (2022) for reporting." in page(built_site, "people/li-yi").text
    assert "Credited in 1 article (2022) for editing (editor in chief)." in page(built_site, "people/wen-zhibin").text
    assert "Named in 1 article (2022), taking part by attending." in page(built_site, "people/wang-qian").text
    # The first line is also what a link preview or a search engine shows of the page (it
    # was the site's description, the same for every person: a reader's review of session 32).
    html = (built_site / "people" / "liu-zhigang" / "index.html").read_text(encoding="utf-8")
    said = ("Liu Zhigang: named in 1 article (2022), as deputy secretary of the District Committee; Head of the "
            "District; Director of the District Safety Committee, taking part by presiding and speaking.")
    assert f'<meta name="description" content="{said}">' in html
    assert f'<meta property="og:description" content="{said}">' in html


def test_a_person_page_gives_the_spelling_only_where_an_article_writes_the_name_otherwise(built_site):
    """Each row repeated the person's name in an "As written" column, the same on every row
    but where the machine translation garbled it: the spelling now follows the article's
    title where it differs, and nowhere else."""
    title = "Louxing District held the 2022 Work safety retreat Meeting"
    dang = page(built_site, "people/dang-jianguo")
    assert f"{title} (written “Party jianguo”)" in dang.text
    assert "where an article spells the name differently, its spelling is given after the article's title" in dang.text
    liu_html = (built_site / "people" / "liu-zhigang" / "index.html").read_text(encoding="utf-8")
    liu = page(built_site, "people/liu-zhigang")
    assert "written “" not in liu.text and "spelling" not in liu.text and "As written" not in liu.text
    assert "<th>Published</th><th>Article</th><th>Roles</th><th>Took part as</th>" in liu_html
    row = re.search(r"<tr><td class=\"date\">.*?</tr>", liu_html).group(0)
    assert row.count("<td") == 4 and "presiding, speaking" in row, row
    # A person no article gives a role (a reporter) has no column of dashes (a reader's review).
    li_html = (built_site / "people" / "li-yi" / "index.html").read_text(encoding="utf-8")
    assert "<th>Published</th><th>Article</th><th>Took part as</th>" in li_html
    row = re.search(r"<tr><td class=\"date\">.*?</tr>", li_html).group(0)
    assert row.count("<td") == 3 and row.endswith("<td>reporting</td></tr>") and "—" not in row, row


def test_organizations_index(built_site):
    index = page(built_site, "organizations")
    for name in ["Louxing Rong Media Center", "Louxing District Safety Committee"]:
        assert name in index.text


def test_an_organizations_local_names_are_given_as_names_that_stand_for_it_not_as_quotes(built_site):
    """"Called in articles about Louxing District: ... District Work Safety Committee" read as
    a quotation, and no article says that: the names are those that, in an article about the
    place, stand for this body."""
    org = page(built_site, "organizations/louxing-district-safety-committee")
    assert ("Short names that stand for it in articles about Louxing District: District Safety Committee · "
            "District Work Safety Committee") in org.text
    assert "Called in" not in org.text


def test_an_organization_and_the_glossary_entry_for_its_kind_link_each_other(built_site):
    """"Louxing District Safety Committee" and the entry "District Safety Committee" were two
    pages, side by side in search, with no link between them."""
    org = page(built_site, "organizations/louxing-district-safety-committee")
    assert ("../../glossary/district-safety-committee/", "District Safety Committee") in org.links
    entry = page(built_site, "glossary/district-safety-committee")
    assert ("../../organizations/louxing-district-safety-committee/", "Louxing District Safety Committee") \
        in entry.links
    assert not [link for link in page(built_site, "glossary/power-list").links if "organizations/" in link[0] and link[0] != "../../organizations/"]


def test_organizations_and_tags_are_exported(built_site):
    """The data page said they were "not exported yet"."""
    orgs = {o["name"]: o for o in load_json(built_site, "organizations.json")}
    committee = orgs["Louxing District Committee of the CPC"]
    assert committee["url"] == "organizations/louxing-district-committee-of-the-cpc/"
    assert committee["place"] == "louxing" and "District Committee" in committee["local_aliases"]
    assert committee["articles"] == [{"article": SEED_ID, "as": "named"}]
    assert orgs["Louxing Rong Media Center"]["articles"] == [{"article": SEED_ID, "as": "source"}]
    # An editor's entry, described or not, is told from a name only the articles give.
    assert committee["curated"] is True and orgs["Louxing Rong Media Center"]["curated"] is True
    tags = {t["slug"]: t for t in load_json(built_site, "tags.json")}
    assert tags["louxing"]["count"] == 1 and tags["louxing"]["url"] == "tags/louxing/"
    assert tags["disasters"]["url"] is None and tags["disasters"]["count"] == 0


def test_a_chinese_name_an_editor_inferred_is_shown_as_not_confirmed(built_site):
    """The indexes gave 党建国 and 专委会 as facts, while the pages' notes said they were guesses."""
    people = (built_site / "people" / "index.html").read_text(encoding="utf-8")
    assert '<span lang="zh">党建国</span> (not confirmed)' in people
    person = (built_site / "people" / "dang-jianguo" / "index.html").read_text(encoding="utf-8")
    assert ">党建国</span> (not confirmed: an editor's inference)</p>" in person
    orgs = (built_site / "organizations" / "index.html").read_text(encoding="utf-8")
    assert '<span lang="zh">专委会</span> (not confirmed)' in orgs
    # The usual names of bodies of government are given as facts, as the glossary rates them.
    assert '<span lang="zh">娄星区安委会</span></td>' in orgs  # no caveat
    assert '<span lang="zh">娄星区委</span></td>' in orgs
    exported = {p["name"]: p for p in load_json(built_site, "people.json")}
    assert exported["Dang Jianguo"]["zh_confirmed"] is False and exported["Liu Zhigang"]["zh_confirmed"] is None
    # And why: the note the person's page gives, which the export left out (a review of the data)
    assert exported["Dang Jianguo"]["note"].startswith("The machine translation turned the surname 党 (Dang)")
    assert exported["Liu Zhigang"]["note"] is None
    exported = {o["name"]: o for o in load_json(built_site, "organizations.json")}
    assert exported["special safety committees"]["zh_confirmed"] is False
    assert exported["Louxing District Safety Committee"]["zh_confirmed"] is True
    assert exported["Louxing District Committee of the CPC"]["zh_confirmed"] is True
    # No Chinese, nothing confirmed: null, not true.
    people = load_json(built_site, "people.json")
    assert any(p["zh"] is None for p in people)
    assert all((p["zh_confirmed"] is None) == (p["zh"] is None) for p in people + list(exported.values()))


def test_the_place_tag_says_where_louxing_is_with_its_chinese_marked(built_site):
    """A reader new to China learned nowhere that Louxing is a district of Loudi, in Hunan;
    the Chinese in a tag's description is marked as Chinese, as it is elsewhere."""
    for url in ["tags/louxing", "tags"]:
        html = (built_site / url / "index.html").read_text(encoding="utf-8")
        assert re.search(r"the urban district of Loudi \(" + re.escape(zh_span("娄底")) + r"\), a prefecture-level "
                         r"city in central Hunan Province", html), url


def test_generated_pages_are_marked_and_not_in_the_sidebar(built_site, built_project):
    md = (built_project / "docs" / "articles" / SEED_ID / "index.md").read_text(encoding="utf-8")
    assert "Generated by scripts/build.py" in md
    home = (built_site / "index.html").read_text(encoding="utf-8")
    nav = home[home.find("md-sidebar--primary") : home.find("md-sidebar--secondary")]
    links = re.findall(r'href="([^"]*)"', nav)
    for section in ["articles/", "glossary/", "timeline/", "people/", "organizations/", "tags/", "data/"]:
        assert section in links, section
    assert not any(SEED_ID in link or "glossary/power-list" in link for link in links), \
        "article and entry pages are reached through the indexes, never a sidebar of every page"


def test_sidebar_is_flat_and_lists_the_archive_first(built_site):
    """The archive's sections hold only their index page in the navigation: each is one plain
    link (no empty collapsible group), right after the home page."""
    article = (built_site / "articles" / SEED_ID / "index.html").read_text(encoding="utf-8")
    nav = article[article.find("md-sidebar--primary") : article.find("md-sidebar--secondary")]
    assert "md-nav__item--nested" not in nav
    titles = re.findall(r'class="md-nav__link[^"]*"[^>]*>\s*<span class="md-ellipsis">\s*([^<]+?)\s*</span>', nav)
    assert titles[1:7] == ["Articles", "Glossary", "Organizations", "People", "Tags", "Timeline"], titles
    assert "Data" in titles[7:]
    assert "Editors' guide" not in titles and "Performance" not in titles, "pages for editors, not readers"


def test_pages_lose_indentation_but_code_keeps_it(built_site):
    article = (built_site / "articles" / SEED_ID / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"\n[ \t]+<", article), "theme indentation left in the page"
    guide = (built_site / "editors" / "index.html").read_text(encoding="utf-8")
    # An indented code block of the editors' guide: its line breaks and indentation are content.
    assert re.search(r"<pre[^>]*><code>credits:\n  reviewer:\n  - Huang Miao\n", guide), \
        "whitespace inside <pre> must be kept"


def test_home_page_includes_generated_lists(built_site):
    home = Page((built_site / "index.html").read_text(encoding="utf-8"))
    assert (f"articles/{SEED_ID}/", "Louxing District held the 2022 Work safety retreat Meeting") in home.links
    assert ("glossary/people-first-life-is-supreme/", "people first, life is supreme") in home.links
    assert "](" not in home.text, "a Markdown link was escaped instead of rendered"
    assert "people first, life is supreme" in home.text
    # The introduction's own example of a term is marked like the others (it was cut by a
    # line break of the Markdown, which the glossary's matching does not cross).
    intro = (built_site / "index.html").read_text(encoding="utf-8")
    # It is a link, whose title is the tooltip: a keyboard's focus shows it, and a tap opens the
    # entry, as the paragraph after it says (it was an <abbr>, for a mouse only).
    assert re.search(r'such as\s+“<a href="glossary/people-first-life-is-supreme/" title="[^"]+">people first, '
                     r'life is supreme</a>” mean little', intro)
    assert "All articles" in home.text
    # A term's Chinese is given once: the definitions that quote it are not preceded by it again.
    terms = home.text[home.text.index("cracking down on illegal activities"):]
    assert "(打非治违): A" not in terms and terms[:terms.index("The whole glossary")].count("打非治违") == 1
    # What "On the timeline" holds, which mixed the editors' key events with the latest the
    # articles report without saying so (a reader's review).
    timeline = home.text[home.text.index("On the timeline"):home.text.index("The whole timeline")]
    assert "The latest of the events the editors describe and of the events the articles report, by the date of " \
           "the event, oldest first; the timeline gives each one's sources." in timeline
    # An article's event says when the article came out: beside "Latest articles", its title
    # under another date read as a slip (a reader's review at 1,000 articles).
    assert "11 February 2022: Louxing District held the 2022 Work safety retreat Meeting (reported on 30 April " \
           "2022)" in " ".join(timeline.split())
    assert "Zhengzhou 7·20 extreme rainstorm (reported" not in timeline


# --------------------------------------------------------------------------- small archives


def test_empty_archive_builds(tmp_path):
    project = copy_project(tmp_path / "p", with_articles=False)
    site = generate_and_build(project)
    assert json.loads((site / "data" / "articles.json").read_text(encoding="utf-8")) == []
    assert "No articles yet" in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "glossary" / "power-list" / "index.html").exists()


def test_the_site_leaves_out_the_theme_files_it_does_not_use(built_site):
    """Material's search worker and lunr (1.2 MB) and the theme's source maps (1.1 MB) were
    published though nothing loads them: Pagefind searches the site."""
    assets = built_site / "assets"
    assert not (assets / "javascripts" / "lunr").exists() and not (assets / "javascripts" / "workers").exists()
    assert not list(built_site.rglob("*.map"))
    assert list((assets / "javascripts").glob("bundle.*.min.js")) and list((assets / "stylesheets").glob("main.*.css"))


@pytest.mark.parametrize(("page", "section"), [
    ("glossary/three-principles/", "Glossary"),
    (f"articles/{SEED_ID}/", "Articles"),
    ("articles/2022/", "Articles"),
    ("people/liu-zhigang/", "People"),
    ("timeline/2022/", "Timeline"),
])
def test_a_page_outside_the_navigation_marks_its_section(built_site, page, section):
    """No link of the sidebar was marked on a term's, an article's or a person's page: the
    reader could not see which part of the site they were in."""
    html = (built_site / page / "index.html").read_text(encoding="utf-8")
    marked = re.findall(r'<a href="([^"]*)" class="md-nav__link lg-nav__link--here" aria-current="true">\s*'
                        r'(?:<span class="md-ellipsis">\s*)?([^<]+?)\s*<', html)
    assert [name for _, name in marked] == [section], marked
    target = (built_site / page / marked[0][0] / "index.html").resolve()
    assert target == (built_site / section.lower() / "index.html").resolve()


def test_chinese_in_running_text_is_marked_as_chinese(built_site):
    """Editors' notes, definitions and the timeline quote Chinese inside English: without
    lang="zh" a screen reader read 党建国 with an English voice."""
    article = (built_site / "articles" / SEED_ID / "index.html").read_text(encoding="utf-8")
    notes = article[article.index('<ol class="annotations">'):]
    assert f'Dang Jianguo ({zh_span("党建国")})' in notes
    entry = (built_site / "glossary" / "cracking-down-on-illegal-activities-and-preventing-violations" /
             "index.html").read_text(encoding="utf-8")
    definition = entry[entry.index('id="definition"'):entry.index('id="occurrences"')]
    assert f'{zh_span("打非治违")}' in definition
    assert f'{zh_span("国办发明电〔2012〕10号")}' in definition
    timeline = (built_site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert f'{zh_span("国办发明电〔2012〕10号")}' in timeline


@pytest.mark.parametrize(("text", "marked"), [
    ("Dang Jianguo (党建国), not Party", 'Dang Jianguo (<span lang="zh" data-pagefind-index-attrs="data-zh-words" '
                                        'data-zh-words="党建 党建国 建国">党建国</span>), not Party'),
    ("<b>x</b> 安委〔2020〕3号", '&#60;b&#62;x&#60;/b&#62; <span lang="zh" data-pagefind-index-attrs="data-zh-words" '
                                'data-zh-words="安委">安委〔2020〕3号</span>'),  # as esc() writes
    # A word alone is no run to split: nothing for the search beyond it.
    ("Louxing (娄) and 见", 'Louxing (<span lang="zh">娄</span>) and <span lang="zh">见</span>'),
])
def test_zh_lang_marks_runs_of_chinese_and_escapes_text(text, marked):
    from lgnews.render import zh_lang

    assert str(zh_lang(text)) == marked
    from markupsafe import Markup

    # Markup is left as it is but for the runs; a link's target keeps its Chinese.
    assert str(zh_lang(Markup('<a title="安全" href="x">安全</a> [见](http://e.org/安全) `安全`'))) == \
        f'<a title="安全" href="x">{zh_span("安全")}</a> [<span lang="zh">见</span>](http://e.org/安全) `安全`'


def test_chinese_beyond_the_basic_block_is_marked_and_searchable_as_the_rest():
    """A name with a character of extension B (𠮷, as in 𠮷祥) had lang="zh" on its other
    characters only, and its search words lost the character, as they lost 〇 (a year, 二〇二二
    年, was searched as 二 and 二二年): render.py kept its own, shorter ranges of Chinese rather
    than chars.HAN, which tells a name as Chinese."""
    from lgnews.render import zh_lang, zh_words

    assert str(zh_lang("Ji Xiang (𠮷祥)")) == ('Ji Xiang (<span lang="zh" data-pagefind-index-attrs="data-zh-words" '
                                             'data-zh-words="𠮷祥">𠮷祥</span>)')
    assert zh_words("𠮷祥村") == "𠮷祥 𠮷祥村 祥村"
    assert zh_words("二〇二二年").split()[:2] == ["二〇", "二〇二"]  # one run: 〇 did not split it


def test_the_scripts_tell_chinese_as_the_generator_does():
    """search.js and tooltips.js mark Chinese (lang="zh") and read Chinese queries with a
    copy of chars.HAN, JavaScript's way of writing it: a copy that differs leaves the
    characters it lacks unmarked, in tooltips and search results."""
    from lgnews.chars import HAN

    def js(char: str) -> str:  # as the scripts' text writes it, in a string: "\\\\u3400", "\\\\u{20000}"
        escape = f"u{{{ord(char):x}}}" if ord(char) > 0xFFFF else f"u{ord(char):04x}"
        return "\\\\" + escape

    expected = "".join(js(c) if c != "-" else "-" for c in HAN)
    for name in ("search.js", "tooltips.js"):
        script = (ROOT / "docs" / "javascripts" / name).read_text(encoding="utf-8")
        assert f'var HAN_CLASS = "{expected}";' in script, name
        assert "u3400-" not in script.replace(expected, ""), f"{name} has another copy of the ranges"


def test_a_year_of_the_archives_marks_itself_among_the_years(built_site):
    """In "By year:", the page's own year was a link to itself, like the others."""
    page = (built_site / "articles" / "2022" / "index.html").read_text(encoding="utf-8")
    assert '<strong>By year:</strong> <span class="nowrap"><strong aria-current="page">2022</strong> (1)</span>' in page
    assert '<a href="2022/">2022</a>' in (built_site / "articles" / "index.html").read_text(encoding="utf-8")
    # The timeline's year pages, too (a screen reader said "2022" there with nothing to tell it apart).
    timeline = (built_site / "timeline" / "2022" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../2021/">2021</a> · <strong aria-current="page">2022</strong>' in timeline


def test_the_anchors_the_generator_checks_are_those_of_the_built_pages(built_project):
    """Links from an article written in Markdown into a generated page are checked against
    the page's anchors as the generator reads them from its Markdown: they must be the ids
    the built page has (a missing one would refuse a good link; an extra one let a broken
    link through)."""
    import json

    from lgnews.mdbody import page_anchors

    docs, site = built_project / "docs", built_project / "site"
    pages = [rel for rel in json.loads((docs / ".generated-manifest.json").read_text(encoding="utf-8"))["files"]
             if rel.endswith("index.md") and not rel.startswith("_generated/")]
    assert len(pages) > 40
    for rel in pages:
        built = (site / rel[: -len(".md")]).with_suffix(".html").read_text(encoding="utf-8")
        content = built[built.index("<article"):built.index("</article>")]
        ids = set(re.findall(r'\sid="([^"]*)"', content))
        theirs = {"lg-title", "__skip"}  # the title's and the skip link's, which no editor's link has to reach
        assert page_anchors((docs / rel).read_text(encoding="utf-8")) - theirs == ids - theirs, rel


def test_the_anchors_of_headings_alike_are_told_apart_as_the_table_of_contents_does():
    """No generated page has two headings alike yet: the anchors read from the Markdown must
    still be those Python-Markdown gives ('the-plan', 'the-plan_1'), and the title's is on
    every page (the skip link's target)."""
    import markdown

    from lgnews.mdbody import page_anchors

    text = "## The plan\n\nA.\n\n## The plan\n\nB.\n\n## The plan\n\n## Given { #mine }\n"
    made = set(re.findall(r'\sid="([^"]*)"', markdown.markdown(text, extensions=["toc", "attr_list"])))
    assert made == {"the-plan", "the-plan_1", "the-plan_2", "mine"}
    assert page_anchors(text) == made | {"lg-title"}


def test_facts_read_label_colon_value_as_text(built_site):
    """Search excerpts are a page's text without its tags: a term's facts read "Pinyin
    quánlì qīngdān Category policy", labels run into values, and an article's "Source Louxing
    Rong Media Center Reporter Li Yi"."""
    def text(page: Path, start: str) -> str:
        html = page.read_text(encoding="utf-8")
        dl = html[html.index(start):]
        dl = dl[:dl.index("</dl>")]
        return " ".join(re.sub(r"<[^>]+>", " ", dl).split())

    entry = text(built_site / "glossary" / "people-first-life-is-supreme" / "index.html", '<div class="term-facts">')
    assert re.search(r"Chinese: 人民至上、生命至上 Pinyin: rénmín zhìshàng, shēngmìng zhìshàng Category: \w+", entry), entry
    article = text(built_site / "articles" / SEED_ID / "index.html", "<dl")
    assert article.startswith("Published: 30 April 2022 Event date: 11 February 2022 Source: Louxing Rong Media "
                              "Center Reporter: Li Yi Editor in chief: Wen Zhibin"), article
    assert " Translation: Machine-translated from Chinese." in article and " SHA-256: " in article


def test_the_candidate_terms_are_not_for_search_engines(built_site):
    """The editors' worklist of quoted phrases was offered to search engines, which would
    list it as if it were a glossary entry; the glossary itself is offered."""
    robots = '<meta name="robots" content="noindex">'
    assert robots in (built_site / "glossary" / "candidate-terms" / "index.html").read_text(encoding="utf-8")
    assert robots not in (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    # Nor listed in the sitemap, which asks search engines to index what it lists.
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert "glossary/candidate-terms/" not in sitemap and "/glossary/</loc>" in sitemap


def test_the_sitemap_does_not_say_every_page_changed_today(built_site):
    """MkDocs dates every page of its sitemap with the day of the build: each publication
    told search engines that every article had just changed. The sitemap gives no date."""
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"/articles/{SEED_ID}/</loc>" in sitemap
    assert "<lastmod>" not in sitemap, sitemap[:600]


def test_the_schemas_closed_lists_are_the_archives():
    """The schemas list the involvements and categories an editor may write: the same as the
    checks of the archive, so that neither refuses what the other allows."""
    from lgnews.records import CATEGORIES, INVOLVEMENT

    articles = json.loads((ROOT / "docs" / "schemas" / "articles.schema.json").read_text(encoding="utf-8"))
    glossary = json.loads((ROOT / "docs" / "schemas" / "glossary.schema.json").read_text(encoding="utf-8"))
    person = articles["items"]["properties"]["people"]["items"]["properties"]
    assert person["involvement"]["items"]["enum"] == list(INVOLVEMENT)
    assert glossary["items"]["properties"]["category"]["enum"] == list(CATEGORIES)


def test_every_module_knows_the_same_credit_roles():
    """The credit roles are listed where they are read (parse), counted as a person's part
    (model), labelled (render) and allowed (the schema): a role added to one list only was
    accepted in meta.yml and then stopped the build with a KeyError."""
    from lgnews.model import CREDIT_INVOLVEMENT
    from lgnews.parse import ROLE_ORDER
    from lgnews.render import ROLE_LABELS

    schema = json.loads((ROOT / "docs" / "schemas" / "articles.schema.json").read_text(encoding="utf-8"))
    fields = schema["items"]["properties"]
    allowed = fields["credits"]["propertyNames"]["enum"]
    # (and the credits the build reads where the metadata gives others: as_published)
    as_published = fields["as_published"]["properties"]["credits"]["propertyNames"]["enum"]
    assert list(CREDIT_INVOLVEMENT) == list(ROLE_LABELS) == ROLE_ORDER == allowed == as_published


def test_an_entry_says_when_it_cites_no_source(built_site):
    """Four entries had no Sources section at all, one of them of high confidence, which the
    glossary says means "documented": a reader could not tell whether any source had been
    looked for (a reader's review). An entry with sources lists them."""
    bare = page(built_site, "glossary/district-safety-committee")
    assert "Sources¶ None cited. This entry is the editors' own explanation" in bare.text, bare.text
    cited = page(built_site, "glossary/power-list")
    assert "Sources" in cited.text and "None cited" not in cited.text
    assert "english.www.gov.cn" in (built_site / "glossary" / "power-list" / "index.html").read_text(encoding="utf-8")


def test_the_only_months_page_has_no_row_of_months(built_site):
    """With one month in the archive, its page said "Months: all of 2022" beside "By month:
    April 2022 (1)" (a reader's review): the year's page is the bold link under "By year"."""
    month = page(built_site, "articles/2022/04")
    assert "Months:" not in month.text and "all of 2022" not in month.text
    assert "By year: 2022 (1)" in month.text and "By month: April 2022 (1)" in month.text, month.text
