"""Hostile input: articles of the family whose title, body, credits and source carry HTML,
Markdown, attribute lists, Jinja, snippet markers, footnotes, abbreviations and entities,
plus an editor's meta.yml carrying the same, are archived, generated and built once for the
module; every output is then checked: the text is shown literally and does nothing.

The raw files are in tests/fixtures/hostile/ (one per payload family); the checks parse the
HTML with html.parser, the feeds with xml.etree and the data with json."""

from __future__ import annotations

import html as html_lib
import json
import os
import posixpath
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from lgnews.parse import decode_source, parse_article
from lgnews.render import DATA_EXPORTS
from lgnews.write import read_manifest

from .conftest import FIXTURES, SEED_ID, copy_project, run

HOSTILE = FIXTURES / "hostile"
FAMILIES = sorted(p.stem for p in HOSTILE.glob("*.txt"))
SITE_NAME = "Chinese Local News in English"
DECOY = "DECOY-SNIPPET-CONTENT-5c1e"
WRITTEN_ID = "2023-01-02-a-written-article"
WRITTEN_BODY = """\
The text has **bold** and <script>alert("md")</script> and <img src=x onerror="alert(2)">.

{{ 7*7 }} and a [web page](https://example.org/).

--8<-- "decoy.md"

A paragraph with an attribute list.
{#pwned-md .pwned-md}

*[HTML]: pwned

A tooltip probe, and a [titled link](https://example.org/t "<img src=x onerror=alert(5)>").
"""
# A glossary entry an editor pasted markup into: its first sentence is the tooltip of every
# use of the term, and Material builds a tooltip from a title as HTML.
PROBE_TERM = "tooltip probe"
PROBE_DEFINITION = ('A probe <img src=x onerror=alert(3)> & *stars*, 7*7 and snake_case, with '
                    '[a titled link](https://example.org/d "<img src=y onerror=alert(4)>"). A second sentence.')
PROBE_TOOLTIP = 'A probe <img src=x onerror=alert(3)> & stars, 7*7 and snake_case, with a titled link.'
TITLE_PROBES = ("html", "markdown")  # families whose title an editor extends with the probe term
README_MARKERS = ("make site   # set up .venv", "## Quick start", "Quick start")
# The editor's payload: one meta.yml value carrying every family at once.
EDITOR = ('<script>alert("ed")</script> <img src=x onerror=alert(1)> <iframe src=//evil.example></iframe> '
          '[x](javascript:alert(1)) ![x](javascript:alert(2)) {: onclick="alert(1)" } {#pwned-ed .pwned-ed} '
          '{{ 7*7 }} {% raw %} --8<-- "decoy.md" [^1] *[HTML]: pwned-ed &lt;b&gt; </title>')

# Tags the reading edition, the provenance table and the notes may contain; anything else
# there came from the article's text.
READING_TAGS = {"p", "abbr", "a", "span", "sup"}
# An editor's source for some families: it also started lines (the timeline's "X publishes
# the article.", now "Published by X."), where block syntax would act.
EDITOR_SOURCE = {"markdown": '??? danger "pwned details" Center', "footnotes": '!!! danger "pwned admonition"'}
# Curated text printed alone on a line: an organization's description, a person's note
# (inside an admonition), where "???" or "!!!" would open a block.
CURATED_BLOCK = {"description": "??? danger", "note": "??? note", "zh": "!!! danger 中心"}
CURATED_PERSON = "Zhao Curated"  # named in the markdown family's meta.yml, with a note in people.yml
CURATED_ALIAS = f"Zhao {EDITOR}"  # and another spelling, which the person's page lists
FORBIDDEN_TAGS = {"iframe", "object", "embed", "frame", "frameset", "base", "applet", "img", "math", "textarea",
                  "style", "form", "button", "input", "video", "audio", "source", "link"}
# Identifiers the payloads would create: attribute lists, headings (toc ids), footnotes.
PAYLOAD_IDS = {"pwned-id", "pwned-cls", "pwned-block", "pwned-heading", "pwned-id2", "pwned-cls2", "pwned-src",
               "pwned-ed", "heading-injected", "another-heading", "setext-heading", "heading-in-the-text",
               "footnote", "footnote-ref", "footnote-backref"}
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background", "cite"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}


# --------------------------------------------------------------------------- a small DOM


@dataclass(eq=False)
class Node:
    tag: str
    attrs: dict[str, str | None]
    parent: Node | None = None
    children: list[Node | str] = field(default_factory=list)

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Node]:
        out = []
        for node in self.iter():
            if tag is not None and node.tag != tag:
                continue
            if all(_has(node, k.rstrip("_"), v) for k, v in attrs.items()):
                out.append(node)
        return out

    def find(self, tag: str | None = None, **attrs: str) -> Node | None:
        found = self.find_all(tag, **attrs)
        return found[0] if found else None

    def text(self, skip=lambda n: False) -> str:
        parts: list[str] = []

        def walk(node: Node) -> None:
            for child in node.children:
                if isinstance(child, str):
                    parts.append(child)
                elif child.tag not in ("script", "style", "template") and not skip(child):
                    block = child.tag not in {"a", "abbr", "span", "strong", "em", "code", "sup", "b", "i", "mark",
                                              "small", "kbd", "sub", "u", "s", "q", "cite", "time"}
                    if block:
                        parts.append(" ")
                    walk(child)
                    if block:
                        parts.append(" ")

        walk(self)
        return "".join(parts)

    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()


def _has(node: Node, key: str, value: str) -> bool:
    if key == "cls":
        return value in node.classes()
    return node.attrs.get(key) == value


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, dict(attrs), self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse_html(html: str) -> Node:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --------------------------------------------------------------------------- inertness


def script_signatures(dom: Node) -> set[tuple]:
    """Each script element as (attributes, content); JSON-LD content is compared separately."""
    out = set()
    for s in dom.find_all("script"):
        attrs = tuple(sorted((k, v or "") for k, v in s.attrs.items()))
        content = "".join(c for c in s.children if isinstance(c, str))
        if s.attrs.get("type") == "application/ld+json":
            content = "<json-ld>"
        out.add((attrs, content))
    return out


def assert_inert(dom: Node, allowed_scripts: set[tuple], where: str) -> None:
    """Nothing on the page came alive: no foreign script, no event handler, no script URL,
    no embedded frame or image, no id, class or tooltip taken from the payloads."""
    extra = script_signatures(dom) - allowed_scripts
    assert not extra, f"{where}: script elements a clean page does not have: {extra}"
    for node in dom.iter():
        if node.tag == "#document":
            continue
        assert node.tag not in FORBIDDEN_TAGS or (node.tag == "link" and node.parent.tag == "head") \
            or (node.tag in ("form", "input", "button") and _in_site_chrome(node)) \
            or (node.tag == "img" and _in_site_chrome(node) and re.fullmatch(r"(\.\./)*(/[\w./-]*/)?assets/logo\.svg", node.attrs.get("src", ""))), \
            f"{where}: <{node.tag} {node.attrs}> element in the page"
        for name, value in node.attrs.items():
            assert not name.startswith("on"), f"{where}: event handler {name}={value!r} on <{node.tag}>"
            value = value or ""
            if name in URL_ATTRS:
                squashed = re.sub(r"[\s\x00-\x1f]+", "", value).lower()
                assert not squashed.startswith(("javascript:", "vbscript:", "data:")), \
                    f"{where}: <{node.tag} {name}={value!r}>"
            if name in ("id", "class", "name", "for"):
                taken = set(value.split()) & PAYLOAD_IDS or value.startswith(("fn:", "fnref:"))
                assert not taken, f"{where}: <{node.tag} {name}={value!r}> taken from the text"
            # (An editor's note is its marker's tooltip: the payloads of the notes are there as
            # text, made inert for Material's tooltips; no other tooltip is made of them.)
            note_marker = node.tag == "a" and node.parent is not None and "note-marker" in node.parent.classes()
            if name == "title" and not note_marker:
                assert "pwned" not in value, f"{where}: <{node.tag} title={value!r}> taken from the text"
            if name == "title" and note_marker:
                assert "<" not in value, f"{where}: a note's tooltip Material would read as HTML: {value!r}"
            assert not name.startswith("data-x"), f"{where}: attribute {name} from an attribute list"
        if "admonition-title" in node.classes() or node.tag == "summary" or "footnote" in node.classes():
            assert "pwned" not in node.text(), f"{where}: an admonition, details or footnote built from the text"
        if node.tag == "details":  # the site's only collapsible is the verbatim source
            assert node.classes() == ["verbatim", "quote"], f"{where}: <details {node.attrs}> built from the text"


def _in_site_chrome(node: Node) -> bool:
    """The theme's own search form and toggles live outside the article content."""
    while node.parent is not None:
        node = node.parent
        if node.tag == "article":
            return False
    return True


# --------------------------------------------------------------------------- the build


@dataclass
class Hostile:
    family: str
    id: str
    title: str  # the raw title, as parsed
    paragraphs: list[str]
    source: str | None
    source_text: str
    annotation: str
    person: str = f"Wang {EDITOR}"
    reporter: str = f"Li {EDITOR} Yi"
    role: str = f"head of {EDITOR}"

    @property
    def url(self) -> str:
        return f"articles/{self.id}/"

    @property
    def description(self) -> str:
        first = self.paragraphs[0] if self.paragraphs else self.title
        return first if len(first) <= 200 else first[:197].rsplit(" ", 1)[0] + "…"


@dataclass
class Build:
    project: Path
    site: Path
    articles: dict[str, Hostile]
    short_definitions: set[str]
    clean_scripts: set[tuple]

    def html(self, url: str) -> str:
        return (self.site / url / "index.html").read_text(encoding="utf-8") if not url.endswith(".html") \
            else (self.site / url).read_text(encoding="utf-8")

    def dom(self, url: str) -> Node:
        return parse_html(self.html(url))


def _annotation_phrase(paragraphs: list[str]) -> str:
    """The paragraph richest in markup characters (a whole paragraph is in the text)."""
    return max(paragraphs, key=lambda p: ("power list" not in p, sum(c in "<>{}[]*&#!-`|" for c in p)))


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> Build:
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    files = [HOSTILE / f"{f}.txt" for f in FAMILIES]
    result = run([sys.executable, "scripts/ingest.py", *map(str, files)], project)
    ids = dict(re.findall(r"^(.+?): archived as archive/articles/([^/\s]+)/", result.stdout, re.M))
    articles: dict[str, Hostile] = {}
    for family, path in zip(FAMILIES, files, strict=True):
        article_id = ids[str(path)]
        raw = path.read_bytes()
        text, _ = decode_source(raw)
        parsed = parse_article(text)
        folder = project / "archive" / "articles" / article_id
        meta = yaml.safe_load((folder / "meta.yml").read_text(encoding="utf-8"))
        hostile = Hostile(family, article_id, parsed.title, parsed.paragraphs, parsed.source, text,
                          _annotation_phrase(parsed.paragraphs))
        # An editor's review, carrying the payloads in values an editor writes.
        if family in EDITOR_SOURCE:
            meta["source"] = hostile.source = EDITOR_SOURCE[family]
        if family in TITLE_PROBES:  # a glossary term in a hostile title: glossed there, the rest text
            meta["title"] = hostile.title = f"{hostile.title} and the {PROBE_TERM}"
        meta["tags"] = ["louxing"]
        meta["credits"] = {"reporter": [hostile.reporter], "editor": ["Xiao Hui"]}
        meta["people"] = [{"name": hostile.person, "roles": [hostile.role], "involvement": ["attending"]}]
        if family == "markdown":
            meta["people"].append({"name": CURATED_PERSON, "involvement": ["attending"]})
        meta["annotations"] = [{"phrase": hostile.annotation, "note": f"note {EDITOR}"}]
        (folder / "meta.yml").write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")
        articles[family] = hostile
    # An article an editor writes in Markdown, pasting the payloads into its text.
    written = project / "archive" / "articles" / WRITTEN_ID
    written.mkdir()
    (written / "article.md").write_text(f"---\ntitle: A written article\npublished: 2023-01-02\n---\n\n{WRITTEN_BODY}",
                                        encoding="utf-8")
    with (project / "archive" / "organizations.yml").open("a", encoding="utf-8") as fh:
        fh.write("\n" + yaml.safe_dump([{"name": EDITOR_SOURCE["markdown"], "zh": CURATED_BLOCK["zh"],
                                          "description": CURATED_BLOCK["description"]}], allow_unicode=True))
    with (project / "archive" / "people.yml").open("a", encoding="utf-8") as fh:
        fh.write("\n" + yaml.safe_dump([{"name": CURATED_PERSON, "note": CURATED_BLOCK["note"],
                                          "aliases": [CURATED_ALIAS]}], allow_unicode=True))
    with (project / "archive" / "glossary.yml").open("a", encoding="utf-8") as fh:
        fh.write("\n" + yaml.safe_dump([{"term": PROBE_TERM, "definition": PROBE_DEFINITION, "category": "other",
                                          "confidence": "medium"}], allow_unicode=True))
    run([sys.executable, "scripts/build.py", "--quiet"], project)
    # Decoys an include marker would pull in, where pymdownx.snippets looks for them (saved
    # after the generator's run, which refuses files of an editor's in its folders).
    for name in ("decoy.md", "decoy"):
        (project / "docs" / "_generated" / name).write_text(f"{DECOY}\n", encoding="utf-8")
    run([sys.executable, "-m", "mkdocs", "build", "--strict"], project)
    run([sys.executable, "-m", "pagefind", "--site", "site", "--silent"], project)
    site = project / "site"
    from lgnews.records import load_glossary, read_yaml

    glossary = project / "archive" / "glossary.yml"
    short = {t.tooltip for t in load_glossary(glossary, read_yaml(glossary))}
    clean = script_signatures(parse_html((site / "articles" / SEED_ID / "index.html").read_text(encoding="utf-8")))
    return Build(project, site, articles, short, clean)


def allowed_scripts(build: Build, url: str) -> set[tuple]:
    """The seed article's script elements, as they read on the page at ``url``: relative
    addresses differ with the depth, and the 404 page uses the site's absolute path."""
    if url == "404.html":
        from lgnews.config import load_config

        prefix = base = urlsplit(load_config(build.project).site_url).path  # "/archive/"
    else:
        depth = url.strip("/").count("/") + 1 if url.strip("/") else 0
        prefix = "../" * depth
        base = prefix.rstrip("/") or "."
    out = set()
    for attrs, content in build.clean_scripts:
        attrs = tuple((k, v.replace("../../", prefix, 1) if k == "src" else v) for k, v in attrs)
        content = content.replace('"base": "../.."', f'"base": "{base}"')
        content = content.replace('"../../assets/', f'"{prefix}assets/')
        content = content.replace('new URL("../.."', f'new URL("{base}"')
        out.add((attrs, content))
    return out


def resolve(page_url: str, href: str) -> str:
    """A link on the page at ``page_url`` (a site path like 'articles/x/') -> site path."""
    path = urlsplit(href).path
    joined = posixpath.normpath(posixpath.join(page_url, unquote(path)))
    joined = "" if joined == "." else joined
    return joined.removesuffix("index.html").rstrip("/") + "/" if joined else ""


# --------------------------------------------------------------------------- sanity


def test_fixtures_carry_their_payloads(build):
    """The parser keeps the payloads in the title, the text and the source (else the other
    tests would prove nothing)."""
    a = build.articles
    assert "<script>alert(1)</script>" in a["html"].title
    assert any("<iframe" in p for p in a["html"].paragraphs) and "<script>" in a["html"].source
    assert any("[click me](javascript:alert(1))" in p for p in a["links"].paragraphs)
    assert "javascript:" in a["links"].source
    assert any(p.startswith("{: .pwned-block") for p in a["attr_list"].paragraphs)
    assert "{#pwned-src}" in a["attr_list"].source
    assert "{{ 7*7 }}" in a["jinja"].title and "{{ 7*7 }}" in a["jinja"].source
    assert '--8<-- "README.md"' in a["snippets"].paragraphs and a["snippets"].source.startswith("--8<--")
    assert ';--8<-- "decoy.md"' in a["snippets"].paragraphs
    assert "[^1]: pwned footnote text" in a["footnotes"].paragraphs
    assert "*[HTML]: pwned-abbr-definition" in a["abbr"].paragraphs
    assert "&lt;script&gt;" in a["entities"].title
    assert "</title>" in a["title"].title
    assert "!!! danger \"pwned admonition\"" in a["markdown"].paragraphs


def test_clean_page_passes_the_checks(build):
    """The checks accept the seed article, built in the same site."""
    url = f"articles/{SEED_ID}/"
    assert_inert(build.dom(url), allowed_scripts(build, url), url)


# --------------------------------------------------------------------------- the article page


@pytest.mark.parametrize("family", FAMILIES)
def test_article_page_is_inert(build, family):
    a = build.articles[family]
    assert_inert(build.dom(a.url), allowed_scripts(build, a.url), a.url)


@pytest.mark.parametrize("family", FAMILIES)
def test_article_reading_edition_is_the_text(build, family):
    a = build.articles[family]
    dom = build.dom(a.url)
    edition = dom.find("div", cls="reading-edition")
    assert edition is not None
    paragraphs = [p for p in edition.children if isinstance(p, Node)]
    shown = [p.text(skip=lambda n: "note-marker" in n.classes()) for p in paragraphs]
    assert shown == a.paragraphs
    tags = {n.tag for n in edition.iter()} - {"div"}
    assert tags <= READING_TAGS, f"markup from the text in the reading edition: {tags - READING_TAGS}"
    for link in edition.find_all("a"):
        href = link.attrs.get("href") or ""
        assert href.startswith(("#note-", "../../glossary/")), href


@pytest.mark.parametrize("family", FAMILIES)
def test_article_page_shows_everything_literally(build, family):
    a = build.articles[family]
    dom = build.dom(a.url)
    body = norm(dom.find("body").text())
    assert norm(a.title) in body
    h1 = dom.find_all("h1")
    assert [norm(h.text()) for h in h1] == [a.title]
    if a.source:
        assert norm(a.source) in body
    for value in (a.reporter, a.person, a.role, f"note {EDITOR}"):
        assert norm(value) in body, f"{value!r} not shown literally"
    for literal in ("<script>alert(\"ed\")</script>", "{{ 7*7 }}", "{% raw %}", '--8<-- "decoy.md"', "*[HTML]:",
                    "[x](javascript:alert(1))", "{#pwned-ed .pwned-ed}", "&lt;b&gt;", "</title>"):
        assert literal in body
    assert DECOY not in body
    for marker in README_MARKERS:
        assert marker not in body, "README.md was included"
    verbatim = dom.find("pre", cls="verbatim-text")
    assert verbatim is not None and verbatim.text() == a.source_text


def test_an_article_written_in_markdown_keeps_its_markdown_not_its_html(build):
    url = f"articles/{WRITTEN_ID}/"
    dom = build.dom(url)
    assert_inert(dom, allowed_scripts(build, url), url)
    edition = dom.find("div", cls="reading-edition")
    shown = norm(edition.text())
    for literal in ('<script>alert("md")</script>', '<img src=x onerror="alert(2)">', "{{ 7*7 }}",
                    '--8<-- "decoy.md"', "{#pwned-md .pwned-md}", "*[HTML]: pwned"):
        assert literal in shown, literal
    assert {n.tag for n in edition.iter()} <= {"div", "p", "strong", "em", "ul", "li", "a", "abbr", "code", "pre",
                                               "span"}
    # A span only as the place of a glossary term's first use (which the glossary links to).
    assert [n.attrs for n in edition.find_all("span")] == [{"id": "term-tooltip-probe"}]
    assert [n.text() for n in edition.find_all("strong")] == ["bold"]
    assert {a.attrs.get("href") for a in edition.find_all("a")} == {
        "https://example.org/", "https://example.org/t", "../../glossary/tooltip-probe/"}


def test_jinja_is_not_evaluated(build):
    a = build.articles["jinja"]
    body = norm(build.dom(a.url).find("body").text())
    assert "result was {{ 7*7 }}" in body and "result was 49" not in body
    assert "{% for x in range(3) %}loop{% endfor %}" in body and "looploop" not in body
    assert "{{ config.site_name }}" in body and "{{ page.title }}" in body


def test_snippets_are_not_included(build):
    """No include marker pulled in a file: not the decoy beside the generated snippets, not
    README.md, anywhere in site/."""
    for path in build.site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".txt"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert DECOY not in text, f"{path.relative_to(build.site)} includes the decoy"
            assert "make site   # set up .venv" not in text, f"{path.relative_to(build.site)} includes README.md"


# --------------------------------------------------------------------------- head: title, meta, JSON-LD


def _meta(dom: Node, **attrs: str) -> str | None:
    node = dom.find("meta", **attrs)
    return node.attrs.get("content") if node is not None else None


def test_an_editors_page_title_with_quotes_and_tags_is_text_in_its_opengraph(tmp_path):
    """An editor's page titled 'A "quoted" <b>page</b>' broke its own <head>: its title and
    description went into the OpenGraph attributes unescaped (the generator's pages escape
    theirs in their front matter; an editor's front matter is as typed)."""
    from .conftest import generate_and_build

    project = copy_project(tmp_path / "project")
    (project / "docs" / "notes.md").write_text(
        '---\ntitle: A "quoted" <b>page</b> & more\ndescription: Tom\'s "notes" <i>here</i>\n---\n\n# Notes\n\nText.\n',
        encoding="utf-8")
    dom = parse_html((generate_and_build(project) / "notes" / "index.html").read_text(encoding="utf-8"))
    assert _meta(dom, property="og:title") == 'A "quoted" page & more'
    assert _meta(dom, property="og:description") == 'Tom\'s "notes" here'


@pytest.mark.parametrize("family", FAMILIES)
def test_title_description_and_opengraph(build, family):
    a = build.articles[family]
    dom = build.dom(a.url)
    titles = dom.find_all("title")
    assert len(titles) == 1
    assert titles[0].text() == f"{a.title} - {SITE_NAME}"
    assert _meta(dom, name="description") == a.description
    assert _meta(dom, property="og:title") == a.title
    assert _meta(dom, property="og:description") == a.description
    assert _meta(dom, property="og:type") == "article"
    head = dom.find("head")
    assert {n.tag for n in head.iter()} <= {"head", "meta", "title", "link", "script"}
    seed = build.dom(f"articles/{SEED_ID}/").find("head")
    assert len(head.find_all("meta")) == len(seed.find_all("meta"))
    assert len(head.find_all("link")) == len(seed.find_all("link"))


@pytest.mark.parametrize("family", FAMILIES)
def test_json_ld(build, family):
    a = build.articles[family]
    scripts = build.dom(a.url).find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    content = "".join(c for c in scripts[0].children if isinstance(c, str))
    assert "<" not in content, "a '<' in JSON-LD can close the script element"
    data = json.loads(content)
    # The title whole, or cut at a word's end with an ellipsis (it was cut mid-word: "…ta").
    assert data["headline"] == a.title if len(a.title) <= 110 else (
        len(data["headline"]) <= 110 and data["headline"].endswith("…")
        and a.title.startswith(data["headline"][:-1]) and a.title[len(data["headline"]) - 1] == " "), data["headline"]
    assert data["author"] == [{"@type": "Person", "name": a.reporter}]
    if a.source:
        assert data["sourceOrganization"]["name"] == a.source


@pytest.mark.parametrize("family", FAMILIES)
def test_tooltips(build, family):
    """Tooltips come from the glossary only; a term inside hostile text still gets its own."""
    a = build.articles[family]
    dom = build.dom(a.url)
    edition = dom.find("div", cls="reading-edition")
    tips = dom.find_all("abbr") + edition.find_all("a", cls="term")  # a term's first use: the link holds it
    for tip in tips:  # (a title reads as text once more: see test_no_title_becomes_markup_in_a_tooltip)
        assert html_lib.unescape(tip.attrs.get("title")) in build.short_definitions, tip.attrs
    if any("power list" in p for p in a.paragraphs):
        assert any(norm(x.text()) == "power list" for x in tips if x.attrs.get("title"))


@pytest.mark.parametrize("family", TITLE_PROBES)
def test_a_term_in_a_hostile_title_is_glossed_and_the_rest_stays_text(build, family):
    """The title is the page's heading, written by the generator with a tooltip on each
    glossary term in it: the term is marked, the markup around it stays text."""
    a = build.articles[family]
    (h1,) = build.dom(a.url).find_all("h1")
    assert norm(h1.text()) == norm(a.title)
    tips = [(html_lib.unescape(n.attrs.get("title") or ""), n.text()) for n in h1.iter() if n.tag == "abbr"]
    assert tips == [(PROBE_TOOLTIP, PROBE_TERM)]
    assert {n.tag for n in h1.iter()} == {"h1", "abbr"}


def test_the_generated_pages_titles_are_text_before_any_hook(build):
    """The generator writes its titles so, not leaving it to hooks/titles.py: a builder that
    runs no MkDocs hook (Zensical runs none) published the probe's titles as markup."""
    titles = []
    for rel in read_manifest(build.project / "docs"):
        if rel.endswith(".md"):
            text = (build.project / "docs" / rel).read_text(encoding="utf-8")
            titles += [(rel, html_lib.unescape(value)) for value in re.findall(r' title="([^"]*)"', text)]
    assert [(rel, title) for rel, title in titles if "<" in title] == []
    written = f"articles/{WRITTEN_ID}/index.md"
    assert (written, PROBE_TOOLTIP.replace("<", "&lt;")) in titles  # the term's first use in the written article
    assert (written, "&lt;img src=x onerror=alert(5)>") in titles  # the editor's link title


# --------------------------------------------------------------------------- feeds and data


def test_no_title_becomes_markup_in_a_tooltip(build):
    """Material's tooltips insert a title, as the browser reads it, as HTML: a glossary
    definition or an editor's link title carrying <img onerror> ran it on hover or focus.
    No title on any page reads as markup, and the probe's tooltip still says what the
    definition says (its first sentence, as plain text)."""
    probes = []
    for path in sorted(build.site.rglob("*.html")):
        for node in parse_html(path.read_text(encoding="utf-8")).iter():
            title = node.attrs.get("title")
            if title is None:
                continue
            assert "<" not in title, f"{path.relative_to(build.site)}: <{node.tag} title={title!r}>"
            if "onerror" in title:
                probes.append((path.relative_to(build.site).as_posix(), node.tag, html_lib.unescape(title)))
    written = f"articles/{WRITTEN_ID}/index.html"
    assert (written, "a", PROBE_TOOLTIP) in probes, probes  # the term's first use in the written article
    assert (written, "a", "<img src=x onerror=alert(5)>") in probes, probes  # the editor's link title
    assert (f"glossary/{PROBE_TERM.replace(' ', '-')}/index.html", "a", "<img src=y onerror=alert(4)>") in probes


@pytest.mark.parametrize("family", FAMILIES)
def test_rss_feed(build, family):
    a = build.articles[family]
    root = ET.parse(build.site / "feed.xml").getroot()
    items = [i for i in root.iter("item") if i.findtext("link", "").endswith(f"/{a.url}")]
    assert len(items) == 1
    assert items[0].findtext("title") == a.title
    # A title is text, which some readers take for HTML: '&' and '<' are written as the
    # references most readers show as text (&lt; once escaped was markup to them).
    raw = (build.site / "feed.xml").read_text(encoding="utf-8")
    written = a.title.replace("&", "&#x26;").replace("<", "&#x3C;").replace(">", "&#x3E;")
    assert f"<title>{written}</title>" in raw
    # A description is HTML to a feed reader: the scraped text is escaped in it, so a reader
    # shows '<b>' as written instead of making the rest bold (or a link of an <a href>).
    assert items[0].findtext("description") == html_lib.escape(a.description)
    # Who published it, as its page says (a re-publisher of the feed lost it: a review).
    records = json.loads((build.site / "data" / "articles.json").read_text(encoding="utf-8"))
    (record,) = [r for r in records if r["url"] == a.url]
    assert items[0].findtext("{http://purl.org/dc/elements/1.1/}creator") == record["source"]


@pytest.mark.parametrize("family", FAMILIES)
def test_json_feed(build, family):
    a = build.articles[family]
    text = (build.site / "feed.json").read_text(encoding="utf-8")
    assert "<" not in text
    items = [i for i in json.loads(text)["items"] if i["url"].endswith(f"/{a.url}")]
    assert len(items) == 1
    assert items[0]["title"] == a.title
    assert items[0]["content_text"] == "\n\n".join(a.paragraphs)
    assert items[0]["summary"] == a.description
    records = json.loads((build.site / "data" / "articles.json").read_text(encoding="utf-8"))
    (record,) = [r for r in records if r["url"] == a.url]
    assert items[0].get("authors") == ([{"name": record["source"]}] if record["source"] else None)


@pytest.mark.parametrize("family", FAMILIES)
def test_data_exports(build, family):
    a = build.articles[family]
    data = {}
    for name in DATA_EXPORTS:
        text = (build.site / "data" / f"{name}.json").read_text(encoding="utf-8")
        # (and no '>' or '&': the data page promises all three as \u escapes, for pasting into HTML)
        assert not {"<", ">", "&"} & set(text), f"data/{name}.json has a raw '<', '>' or '&'"
        data[name] = json.loads(text)
    record = next(r for r in data["articles"] if r["id"] == a.id)
    assert record["title"] == a.title
    assert record["paragraphs"] == a.paragraphs
    assert record["source"] == a.source
    assert record["credits"]["reporter"] == [a.reporter]
    assert record["annotations"] == [{"phrase": a.annotation, "note": f"note {EDITOR}"}]
    assert record["people"][0]["name"] == a.person and record["people"][0]["roles"] == [a.role]
    assert any(e["title"] == f"Published: {a.title}" for e in data["timeline"])
    people = {p["name"] for p in data["people"]}
    assert a.person in people and a.reporter in people


# --------------------------------------------------------------------------- pages that list the article


@pytest.mark.parametrize("family", FAMILIES)
def test_pages_listing_the_article(build, family):
    """Every people, organization, timeline, tag and glossary page the article links to
    lists it under its raw title, and is inert; so are the archive pages and the home page."""
    a = build.articles[family]
    dom = build.dom(a.url)
    listing = {"", "articles/", "articles/2022/", "articles/2022/05/", "tags/louxing/", "timeline/2022/"}
    for link in dom.find("article").find_all("a"):
        href = link.attrs.get("href") or ""
        if href.startswith(("#", "http")):
            continue
        target = resolve(a.url, href)
        if target.split("/")[0] in ("people", "organizations", "timeline", "tags", "glossary"):
            listing.add(target)
    kinds = {t.split("/")[0] for t in listing}
    assert {"people", "timeline", "tags"} <= kinds
    assert ("organizations" in kinds) == bool(a.source)
    for url in sorted(listing):
        page = build.dom(url)
        assert_inert(page, allowed_scripts(build, url), url or "index.html")
        links = [n for n in page.find("article").find_all("a")
                 if resolve(url, n.attrs.get("href") or "") == a.url]
        if url != "":  # the home page shows only the newest articles
            assert links, f"{url} does not link to the article"
        texts = {norm(n.text()) for n in links}
        assert not links or texts == {a.title}, f"{url or 'index.html'}: the article's links read {texts}"
    timeline = norm(build.dom("timeline/2022/").find("article").text())
    assert (f"Machine translation of a report by {a.source}." if a.source else "Published by an unknown source.") \
        in timeline
    assert f"Published: {a.title}" in timeline
    occurrences = [u for u in listing if u.startswith("glossary/")]
    for url in occurrences:
        body = norm(build.dom(url).find("article").text())
        assert norm(a.title) in body


def test_curated_text_alone_on_a_line_stays_text(build):
    """An organization's description and Chinese name, a person's note: printed alone on a
    line (the note inside an admonition), "??? danger" must not open a collapsible block."""
    from lgnews.records import slugify

    pages = {f"organizations/{slugify(EDITOR_SOURCE['markdown'])}/": [CURATED_BLOCK["description"]],
             f"people/{slugify(CURATED_PERSON)}/": [CURATED_BLOCK["note"], f"Also written: {norm(CURATED_ALIAS)}"]}
    for url, texts in pages.items():
        dom = build.dom(url)
        assert_inert(dom, allowed_scripts(build, url), url)
        shown = {norm(n.text()) for n in dom.find("article").iter()}
        for text in texts:
            assert text in shown, f"{url}: {text!r} is not shown as written"


def test_every_page_is_inert(build):
    for path in sorted(build.site.rglob("*.html")):
        rel = path.relative_to(build.site).as_posix()
        if rel.startswith("pagefind/"):
            continue
        url = rel if rel == "404.html" else rel.removesuffix("index.html")
        assert_inert(parse_html(path.read_text(encoding="utf-8")), allowed_scripts(build, url), rel)


def test_links_of_the_hostile_site_resolve(build):
    """Ids and anchors made from hostile titles still link up (our checker and lychee)."""
    from .test_links import broken_links, lychee, site_url_of

    site_url = site_url_of(build.project)
    problems = broken_links(build.site, site_url)
    assert not problems, "\n".join(problems[:50])
    result = lychee(build.site, site_url)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr


# --------------------------------------------------------------------------- broken files

RAW = FIXTURES / "raw"
VALID = RAW / "attendee_list.txt"  # an article of the family no other test here has archived
_ZH = (RAW / "full_width_punctuation.txt").read_bytes()
_EN = ("Louxing held a meeting\n\n2022-05-01 0 By\n\nOn April 28, Louxing held a meeting on work safety. "
       "The “power list” was studied.\n(Li Yi) Source: Louxing Rong Media Center “").encode()


def _oversized() -> bytes:
    """Over what the build takes of an archived source (more than ingest takes now)."""
    from lgnews.parse import ARCHIVED_SOURCE_BYTES

    seed = (FIXTURES / "seed.txt").read_bytes()
    sentence = b" The meeting stressed work safety."
    return seed + sentence * ((ARCHIVED_SOURCE_BYTES - len(seed)) // len(sentence) + 2)


# case -> (the file's bytes, a word the one-line message must contain)
BROKEN = {
    "binary": (lambda: (RAW / "binary.bin").read_bytes(), "binary"),
    "empty": (lambda: b"", "empty"),
    "blank": (lambda: b"  \n\t\n\r\n", "empty"),
    # cut in the middle of a UTF-8 multibyte sequence: in a Chinese-heavy file, and in an
    # English file whose only non-ASCII characters are quotation marks
    "truncated_zh": (lambda: _ZH[: _ZH.index("，".encode()) + 1], "truncated"),
    "truncated_end": (lambda: _ZH.rstrip()[:-1] if _ZH.rstrip()[-1] >= 0x80 else _ZH + "。".encode()[:2], "truncated"),
    "truncated_en": (lambda: _EN[:-1], "truncated"),
    "no_date_header": (lambda: (RAW / "no_date_header.txt").read_bytes(), "date header"),
    "title_only": (lambda: (RAW / "title_only.txt").read_bytes(), "date header"),
    "no_title": (lambda: (RAW / "no_title.txt").read_bytes(), "title"),
    "bad_date": (lambda: (RAW / "header_bad_date.txt").read_bytes(), "not a real date"),
    "mixed_encodings": (lambda: (RAW / "mixed_encodings.txt").read_bytes(), "mixed encodings"),
    "unknown_encoding": (lambda: bytes(range(0x80, 0x100)) * 4, "encoding"),
    "utf16": (lambda: (FIXTURES / "seed.txt").read_text(encoding="utf-8").encode("utf-16"), "utf-16"),
    "oversized": (_oversized, "limit"),
}


def snapshot(root: Path, *folders: str) -> dict[str, bytes | None]:
    """Every path under the folders, with its bytes (None for a folder)."""
    out: dict[str, bytes | None] = {}
    for name in folders:
        for path in sorted((root / name).rglob("*")):
            rel = path.relative_to(root).as_posix()
            out[rel] = None if path.is_dir() else path.read_bytes()
    return out


def _no_traceback(result) -> None:
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout, result.stderr


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_ingest_refuses_a_broken_file_and_takes_the_valid_one(project, tmp_path, case):
    make, word = BROKEN[case]
    bad = tmp_path / f"{case}.txt"
    bad.write_bytes(make())
    before = snapshot(project, "archive", "docs")
    result = run([sys.executable, "scripts/ingest.py", str(bad), str(VALID)], project, check=False)
    _no_traceback(result)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if str(bad) in line]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"{bad}: "), lines[0]
    assert word in lines[0].removeprefix(f"{bad}: ").lower(), lines[0]
    after = snapshot(project, "archive", "docs")
    added = sorted(set(after) - set(before))
    assert {k: v for k, v in after.items() if k not in added} == before, "ingest changed what was there"
    [folder] = [k for k in added if after[k] is None]
    assert added == [folder, f"{folder}/meta.yml", f"{folder}/source.txt"], added
    assert after[f"{folder}/source.txt"] == VALID.read_bytes()


def test_ingest_reports_every_broken_file_in_one_run(project, tmp_path):
    files = []
    for case, (make, _) in sorted(BROKEN.items()):
        files.append(tmp_path / f"{case}.txt")
        files[-1].write_bytes(make())
    files += [tmp_path / "missing.txt", tmp_path]
    before = snapshot(project, "archive", "docs")
    result = run([sys.executable, "scripts/ingest.py", *map(str, files)], project, check=False)
    _no_traceback(result)
    assert result.returncode == 1
    problems = [line for line in result.stderr.splitlines() if not line.startswith("ingest: ")]
    for path in files:
        assert sum(line.startswith(f"{path}: ") for line in problems) == 1, (path, result.stderr)
    assert len(problems) == len(files), result.stderr
    assert snapshot(project, "archive", "docs") == before


def test_ingest_makes_ids_of_path_like_titles(project, tmp_path):
    raw = tmp_path / "path-title.txt"
    raw.write_text("../../../../etc/passwd and ..\\..\\boot.ini\n2022-05-01 0 By\n\n"
                   "On April 28, Louxing held a meeting on work safety.\n(Li Yi) Source: Louxing Rong Media Center",
                   encoding="utf-8")
    before = set(snapshot(project, "."))
    result = run([sys.executable, "scripts/ingest.py", str(raw)], project)
    _no_traceback(result)
    added = sorted(set(snapshot(project, ".")) - before)
    assert len(added) == 3 and all(k.startswith("archive/articles/2022-05-01-") for k in added), added
    folder = Path(added[0]).name
    from lgnews.model import ID_RE

    assert ID_RE.match(folder) and ".." not in folder


def _archive_broken(project: Path, case: str) -> str:
    """A folder of the archive holding the broken file as its source.txt; returns its path."""
    import hashlib

    data = BROKEN[case][0]()
    folder = project / "archive" / "articles" / f"2022-05-01-broken-{case.replace('_', '-')}"
    folder.mkdir()
    (folder / "source.txt").write_bytes(data)
    (folder / "meta.yml").write_text(f"title: Broken\npublished: 2022-05-01\n"
                                     f"sha256: {hashlib.sha256(data).hexdigest()}\n", encoding="utf-8")
    return f"{folder.relative_to(project).as_posix()}/source.txt"


def _bad_folder(project: Path, name: str) -> str:
    folder = project / "archive" / "articles" / name
    folder.mkdir()
    (folder / "source.txt").write_bytes((FIXTURES / "seed.txt").read_bytes())
    (folder / "meta.yml").write_text("title: A title\npublished: 2022-05-01\n", encoding="utf-8")
    return folder.relative_to(project).as_posix()


BAD_FOLDERS = ["2022-05-01-a..b", "2022-05-01-..", "Not An Id", "2022-5-1-short-date", "2022-05-01-UPPER"]


def _generated(project: Path) -> None:
    run([sys.executable, "scripts/build.py", "--quiet"], project)


def _build_refuses(project: Path, expected: dict[str, str]):
    """Build with broken things in archive/: exit 1, one line each naming the file and the
    problem, no traceback, archive/ and docs/ exactly as they were."""
    before = snapshot(project, "archive", "docs")
    result = run([sys.executable, "scripts/build.py"], project, check=False)
    _no_traceback(result)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stderr.splitlines()
    for where, word in expected.items():
        found = [m for m in map(re.compile(rf"{re.escape(where)}(?::\d+)?: (.+)").fullmatch, lines) if m]
        assert len(found) == 1, (where, result.stderr)
        assert word in found[0][1].lower(), found[0][0]
    assert len([line for line in lines if not line.startswith("build: ")]) == len(expected), result.stderr
    assert snapshot(project, "archive", "docs") == before, "a refused build changed archive/ or docs/"
    return result


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_build_refuses_a_broken_source(project, case):
    _generated(project)
    where = _archive_broken(project, case)
    _build_refuses(project, {where: BROKEN[case][1]})


@pytest.mark.parametrize("name", BAD_FOLDERS)
def test_build_refuses_a_folder_that_is_not_an_id(project, name):
    _generated(project)
    where = _bad_folder(project, name)
    _build_refuses(project, {where: "not an article id"})


def test_build_reports_every_problem_together(project):
    _generated(project)
    expected = {_archive_broken(project, case): word for case, (_, word) in BROKEN.items()}
    expected.update({_bad_folder(project, name): "not an article id" for name in BAD_FOLDERS})
    (project / "archive" / "articles" / "stray.txt").write_text("x", encoding="utf-8")
    expected["archive/articles/stray.txt"] = "not a folder"
    meta = project / "archive" / "articles" / SEED_ID / "meta.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("- louxing\n", "- ../../etc\n"), encoding="utf-8")
    expected[f"archive/articles/{SEED_ID}/meta.yml"] = "tags"
    _build_refuses(project, expected)


def test_path_like_title_stays_text(project):
    """A title that looks like a path is text: the page lives at the folder's id, nothing is
    written outside docs/, and the title is shown as written."""
    meta = project / "archive" / "articles" / SEED_ID / "meta.yml"
    title = "../../../../../tmp/evil/index.md/../x"
    text = meta.read_text(encoding="utf-8")
    meta.write_text(re.sub(r"^title: .*$", f"title: '{title}'", text, count=1, flags=re.M), encoding="utf-8")
    outside = {k: v for k, v in snapshot(project, ".").items() if not (k.startswith(("docs/", ".cache/")) or k == ".cache")}
    result = run([sys.executable, "scripts/build.py"], project)
    _no_traceback(result)
    assert {k: v for k, v in snapshot(project, ".").items() if not (k.startswith(("docs/", ".cache/")) or k == ".cache")} == outside
    page = project / "docs" / "articles" / SEED_ID / "index.md"
    assert yaml.safe_load(page.read_text(encoding="utf-8").split("---")[1])["title"] == title
    assert not Path("/tmp/evil").exists()


# Shapes of text on which a pattern of the parser once backtracked over a whole word, or ran a
# check per line: seconds for 2 KB, minutes for a megabyte (a review). Each is parsed in a
# process of its own, stopped after a minute: a file of the limit's size takes well under a
# second (make bench measures the parser's speed; this only catches a parser that hangs).
HANGS = {
    "dotted_word": "A" * 200_000 + ".b Editor: Xiao Hui\n",
    "dots": "a." * 100_000 + "\n",
    "dotted_words": "safety.production.Louxing." * 8_000 + "\n",
    "notice_lines": "Disclaimer: x.\n" * 20_000,
    "copyright_lines": "© 2022 Louxing.\n" * 20_000,
    "long_address": "Source: www." + "a." * 100_000 + "cn\n",
    "will_on": "The county will be held on March 5 and " * 5_000 + "\n",
}


@pytest.mark.parametrize("shape", sorted(HANGS))
def test_the_parser_does_not_hang_on_a_long_word_or_many_lines(shape):
    text = "Miluo held a meeting\n2023-05-02 0 By\n\nOn May 1, the county met. " + HANGS[shape]
    code = "import sys; from lgnews.parse import parse_article; parse_article(sys.stdin.read())"
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run([sys.executable, "-c", code], input=text, capture_output=True, text=True, timeout=60,
                            cwd=root, env={**os.environ, "PYTHONPATH": str(root)})
    assert result.returncode == 0, result.stderr[-2000:]
