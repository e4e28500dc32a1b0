"""Browser fixtures: the site built once (tests/conftest.py's built_site: generator, `mkdocs
build --strict` and Pagefind in a temporary copy), served on 127.0.0.1 under its site_url's
path (/archive/ by default, so a link that assumes the site sits at the host's root fails),
and Debian's Chromium driven by Playwright. Nothing is downloaded: no `playwright install`."""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from lgnews.serve import CHROMIUM, CHROMIUM_ARGS, INSTALL_CHROMIUM, SiteHandler, site_path

SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"
SEED_ID = "2022-04-30-louxing-district-held-the-2022-work-safety-retreat-meeting"
SEED = f"articles/{SEED_ID}/"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# The pages a reader meets first, checked for accessibility, console errors and requests.
READER_PAGES = {"home": "", "seed article": SEED, "glossary": "glossary/", "timeline": "timeline/", "people": "people/"}


class ArchiveHandler(SiteHandler):
    """The site as GitHub Pages serves it (lgnews.serve), never cached by the browser."""

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """The built site served by a threaded http.server on a free port of 127.0.0.1."""
    prefix = site_path(built_site)
    handler = functools.partial(ArchiveHandler, directory=str(built_site), prefix=prefix)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}{prefix}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"The browser tests need Debian's Chromium at {CHROMIUM}, which is missing. "
            f"Run `make test` as root (it installs it), or `{INSTALL_CHROMIUM}`.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Tab:
    """A page in a fresh browser context that records what a test asserts on: console
    errors, uncaught exceptions, failed requests and requests to any host but 127.0.0.1
    (which are aborted, as if the network blocked them)."""

    page: object
    base: str
    external: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def goto(self, path: str = "", *, status: int = 200):
        response = self.page.goto(self.base + path, wait_until="load")
        assert response is not None and response.status == status, f"{path}: HTTP {response and response.status}"
        return response


def _open_tab(browser, base: str, viewport: dict, **context_options) -> tuple[object, Tab]:
    context = browser.new_context(viewport=viewport, **context_options)
    page = context.new_page()
    tab = Tab(page=page, base=base)

    def route(route):
        url = route.request.url
        host = urlsplit(url).hostname
        if host != "127.0.0.1":
            tab.external.append(url)
            route.abort("blockedbyclient")
        else:
            route.continue_()

    context.route("**/*", route)
    page.on("request", lambda request: tab.requests.append(request.url))
    page.on("console", lambda msg: msg.type == "error" and tab.errors.append(f"console: {msg.text} ({msg.location.get('url')})"))
    page.on("pageerror", lambda exc: tab.errors.append(f"uncaught: {exc}"))
    page.on("requestfailed", lambda request: urlsplit(request.url).hostname == "127.0.0.1"
            and not _left_behind_icon(request)
            and tab.errors.append(f"request failed: {request.url} ({request.failure})"))
    return context, tab


def _left_behind_icon(request) -> bool:
    """The tab's icon, which the browser asks for on its own once a page has loaded and drops
    when the page is left: on a busy machine it was still on its way when a test moved on
    (a full run failed on it once). Any other failure still counts."""
    return request.failure == "net::ERR_ABORTED" and urlsplit(request.url).path.endswith("/favicon.png")


def search(tab, query: str) -> list[str]:
    """Types `query` into the header's search box like a person; returns the result links,
    relative to the site's root, best first."""
    type_query(tab.page, query)
    return search_results(tab)


def type_query(page, query: str) -> None:
    """Types `query` into the header's search box like a person, and waits until the box has
    searched it (its results, or none, are shown)."""
    box = page.locator("#lg-search-query")
    box.click()
    box.fill("")
    page.keyboard.type(query, delay=10)
    page.wait_for_function(
        "q => document.querySelector('[data-lg-search]').getAttribute('data-lg-search-done') === q.trim()",
        arg=query, timeout=15_000)


def search_results(tab) -> list[str]:
    """The result links the search box shows, relative to the site's root, in order, without
    the query they carry for the page to highlight (?h=, see test_browser_search.py)."""
    hrefs = tab.page.eval_on_selector_all(
        ".md-search-result__link", "links => links.map(a => { const u = new URL(a.href); u.search = ''; return u.href; })")
    for href in hrefs:
        assert href.startswith(tab.base), f"{href} is outside the site ({tab.base})"
    return [href[len(tab.base):] for href in hrefs]


def tab_until(page, reached: str, presses: int, what: str) -> None:
    """Press Tab until the script ``reached`` (a JavaScript expression) is true, at most
    ``presses`` times; fail, saying that the Tab key never reaches ``what``, if it stays false."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate(reached):
            return
    raise AssertionError(f"the Tab key never reaches {what}")


def serve_seed_changed(tab, change) -> None:
    """Open the seed's page as the server sends it, changed by ``change`` (its HTML -> HTML)."""
    def serve(route):
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=change(route.fetch().text()))

    tab.page.route(tab.base + SEED, serve)
    tab.goto(SEED)


@pytest.fixture
def tab(browser, site_url):
    """A desktop-sized page (1280x900)."""
    context, tab = _open_tab(browser, site_url, DESKTOP)
    yield tab
    context.close()


@pytest.fixture
def phone_tab(browser, site_url):
    """A phone-sized page (390x844, touch)."""
    context, tab = _open_tab(browser, site_url, PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    yield tab
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def dark_tab(browser, site_url):
    """A desktop-sized page in a browser whose system prefers dark."""
    context, tab = _open_tab(browser, site_url, DESKTOP, color_scheme="dark")
    yield tab
    context.close()


@pytest.fixture
def dark_phone_tab(browser, site_url):
    """A phone-sized page (390x844, touch) in a browser whose system prefers dark."""
    context, tab = _open_tab(browser, site_url, PHONE, is_mobile=True, has_touch=True, device_scale_factor=2,
                             color_scheme="dark")
    yield tab
    context.close()
