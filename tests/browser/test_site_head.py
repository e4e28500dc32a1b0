"""Checks of every built page's HTML that need no browser: feeds linked from every head, no
resource from another host, the search box on every page and the Pagefind bundle beside
it, a sitemap. (The browser tests check what a browser actually requests.)"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

pytestmark = pytest.mark.slow

# Attributes through which a page makes the browser fetch something.
FETCHING = {("script", "src"), ("link", "href"), ("img", "src"), ("img", "srcset"), ("iframe", "src"),
            ("source", "src"), ("source", "srcset"), ("video", "src"), ("audio", "src"), ("embed", "src"),
            ("object", "data"), ("input", "src")}
LINK_RELS_THAT_FETCH = {"stylesheet", "icon", "preload", "prefetch", "preconnect", "dns-prefetch",
                        "modulepreload", "manifest", "apple-touch-icon"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_head = False
        self.head_links: list[dict] = []
        self.fetches: list[str] = []
        self.search_boxes = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "head":
            self.in_head = True
        if tag == "link" and self.in_head:
            self.head_links.append(a)
        if "data-lg-search" in a:  # the box, which javascripts/search.js fills in
            self.search_boxes += 1
        for (t, attr) in FETCHING:
            if tag == t and a.get(attr):
                if tag == "link" and not (set((a.get("rel") or "").split()) & LINK_RELS_THAT_FETCH):
                    continue
                for part in a[attr].split(","):
                    self.fetches.append(part.strip().split(" ")[0])

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.relative_to(site).parts)


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_every_page_links_both_feeds_and_loads_nothing_from_other_hosts(built_site):
    found = pages(built_site)
    assert len(found) > 20
    for path in found:
        page = parse(path)
        name = path.relative_to(built_site)
        types = {link.get("type"): link.get("href") for link in page.head_links
                 if "alternate" in (link.get("rel") or "").split()}
        assert "application/rss+xml" in types and "application/feed+json" in types, f"{name}: feeds not linked"
        if name.name != "404.html":  # 404's links start from site_url's path, checked in the browser
            for kind, target in (("rss", types["application/rss+xml"]), ("json", types["application/feed+json"])):
                resolved = (path.parent / target).resolve()
                assert resolved.is_file(), f"{name}: {kind} feed {target} does not exist"
        assert page.search_boxes == 1, f"{name}: {page.search_boxes} search boxes"
        scripts = [url for url in page.fetches if url.endswith("javascripts/search.js")]
        assert len(scripts) == 1 and (path.parent / scripts[0]).resolve().is_file() or name.name == "404.html", \
            f"{name}: the script that builds the search box is not loaded"
        for url in page.fetches:
            host = urlsplit(urljoin("http://127.0.0.1/archive/", url)).hostname
            assert host == "127.0.0.1", f"{name} fetches {url} from another host"


def test_stylesheets_and_scripts_fetch_nothing_from_other_hosts(built_site):
    for path in [*built_site.rglob("*.css")]:
        text = path.read_text(encoding="utf-8")
        assert "@import url(http" not in text and "url(http" not in text.replace("url(http://www.w3.org", ""), path
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, path


def test_sitemap_and_search_bundle_exist(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "articles/2022-04-30-louxing-district-held-the-2022-work-safety-retreat-meeting/" in sitemap
    assert (built_site / "pagefind" / "pagefind.js").is_file()
    assert not (built_site / "search" / "search_index.json").exists(), "Material's search plugin must not run"
