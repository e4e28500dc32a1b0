"""The pages as a browser loads them: nothing from other hosts, no console errors, term
tooltips, the 404 page under the site's subpath, feeds and structured data in the head,
print, and screenshots for a person to look at."""

from __future__ import annotations

import html
import importlib.util
import json
import re
from pathlib import Path

import pytest
from conftest import DESKTOP, PHONE, READER_PAGES, SEED, search, serve_seed_changed, tab_until

pytestmark = pytest.mark.browser

# Beyond the five reader pages: a glossary entry, a person, a year of the timeline, the
# articles index and a page an editor wrote.
MORE_PAGES = ["glossary/three-principles/", "people/liu-zhigang/", "timeline/2021/", "articles/", "data/"]


@pytest.mark.parametrize("path", [*READER_PAGES.values(), *MORE_PAGES])
def test_page_loads_only_from_the_site_without_errors(tab, path):
    tab.goto(path)
    assert tab.external == [], f"requests to other hosts: {tab.external}"
    assert tab.errors == [], tab.errors
    assert all(url.startswith(tab.base) or url.startswith("data:") for url in tab.requests), tab.requests
    # Nothing whose size grows with the archive loads with a page (Material fetches the
    # sitemap for any link[rel=alternate]; the search index loads only when searching).
    assert not [u for u in tab.requests if u.endswith("sitemap.xml") or "/pagefind/" in u], tab.requests


def test_a_copy_of_the_site_opened_from_the_disk_is_read_by_its_links(browser, built_site):
    """The issue: the site works "offline from a copy of site/". Opened from the disk
    (file://), its links led to folders ("articles/"), which a browser shows as lists of
    files: the reader now goes from the home page to an article and on to the timeline by
    the links, with nothing loaded from anywhere but the copy, and is told why the search
    does not answer there."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    errors, elsewhere = [], []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.on("request", lambda request: request.url.startswith("file:") or elsewhere.append(request.url))
    try:
        page.goto((built_site / "index.html").as_uri())
        page.locator(".md-sidebar--primary").get_by_role("link", name="Articles", exact=True).click()
        page.wait_for_url("**/articles/index.html")
        assert page.locator("article h1").inner_text().startswith("Articles")
        page.locator("article a[href*='louxing-district-held']").first.click()
        page.wait_for_url(f"**/{SEED}index.html")
        assert page.locator("article h1").inner_text() == "Louxing District held the 2022 Work safety retreat Meeting"
        page.locator(".provenance a", has_text="11 February 2022").click()  # a link to a place in a page
        page.wait_for_url("**/timeline/2022/index.html#event-*")
        page.go_back()
        page.locator(".provenance a", has_text="30 April 2022").click()  # the articles of its month
        page.wait_for_url("**/articles/2022/04/index.html")
        page.keyboard.press("/")
        page.keyboard.type("safety")
        page.wait_for_function("document.getElementById('lg-search-status').textContent.includes('served by a web server')")
        assert not errors and not elsewhere, (errors, elsewhere)
    finally:
        context.close()


def test_seed_article_shows_term_tooltips(tab):
    page = tab.page
    tab.goto(SEED)
    terms = page.locator(".reading-edition a.term")
    listed = set(page.eval_on_selector_all(
        "a[href*='/glossary/']:not(.term)", "links => links.map(a => new URL(a.href).pathname)"))
    linked = set(terms.evaluate_all("links => links.map(a => new URL(a.href).pathname)"))
    assert terms.count() >= 5
    # Every glossary term in the text carries its definition as a tooltip...
    titles = terms.evaluate_all("links => links.map(a => a.title)")
    assert all(len(t) > 20 for t in titles), titles
    # ...and every term the article lists under "Terms explained" is marked in the text, but
    # the two it uses only in its title and its source line.
    explained = {p for p in listed if p.split("/glossary/", 1)[1]}  # entries, not the glossary index
    assert explained - linked == {"/archive/glossary/retreat-meeting/", "/archive/glossary/rong-media-center/"}
    # Hovering one shows Material's tooltip with the definition, whole, in text a reader can
    # read (Material's own is 10 px bold)...
    first = terms.first
    definition = first.get_attribute("title")
    first.hover()
    tooltip = page.locator(".md-tooltip2--active, .md-tooltip--active")
    tooltip.wait_for(state="visible", timeout=5_000)
    assert tooltip.inner_text().strip() == definition
    inner = tooltip.locator(".md-tooltip2__inner, .md-tooltip__inner").first
    assert float(inner.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")) >= 13
    assert inner.evaluate("el => getComputedStyle(el).fontWeight") == "400"
    # ...and so does the keyboard's focus on another (the definition was on an <abbr> inside
    # the link, which only a mouse could show).
    page.mouse.move(0, 0)
    second = terms.nth(1)
    second.focus()
    page.wait_for_function("t => [...document.querySelectorAll('.md-tooltip2--active, .md-tooltip--active')]"
                           ".some(e => e.innerText.trim() === t)", arg=titles[1], timeout=5_000)  # (Material
    # takes the title off the link when it makes the tooltip: as read before)
    assert tab.errors == [] and tab.external == []


def _assert_tooltip_shows_only_text(tab, text: str) -> None:
    """The open tooltip reads ``text`` (markup included, as text), holds no element made of
    it, and no handler of such an element ran."""
    page = tab.page
    tooltip = page.locator(".md-tooltip2--active, .md-tooltip--active")
    tooltip.wait_for(state="visible", timeout=5_000)
    assert tooltip.inner_text().strip() == text
    assert tooltip.locator("img, b").count() == 0
    page.wait_for_timeout(200)  # an image's error event comes a moment after it is made
    assert page.evaluate("window.pwned") is None


def test_markup_in_a_tooltip_is_shown_as_text_and_runs_nothing(tab):
    """Material builds a tooltip from a title as HTML, so a glossary definition carrying
    <img onerror> ran it when a reader hovered over or tabbed to the term. Here the seed's
    page is served with that definition on its first term, escaped as the generator writes a
    title and passed through hooks/titles.py as the build does: the tooltip shows the markup
    as text, and nothing runs."""
    spec = importlib.util.spec_from_file_location("titles", Path(__file__).parents[2] / "hooks" / "titles.py")
    titles = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(titles)
    hostile = 'Defined <img src=x onerror="window.pwned=1"> & <b>bold</b> here.'

    def change(original: str) -> str:
        first = re.search(r'<a class="term" [^>]*?title="([^"]*)"', original)
        return titles.inert_titles(original[:first.start(1)] + html.escape(hostile, quote=True)
                                   + original[first.end(1):])

    serve_seed_changed(tab, change)
    tab.page.locator(".reading-edition a.term").first.focus()
    _assert_tooltip_shows_only_text(tab, hostile)
    assert tab.errors == []


def test_a_long_title_cut_short_in_the_header_shows_its_markup_as_text(tab):
    """Material gives a title cut short with an ellipsis (the header's, a sidebar's entry) a
    tooltip made from the text as the page shows it: a title that reads '<img onerror>' (as
    text, escaped in the page) became an element when the pointer came to it. Here the seed's
    page is served with such a title in its header."""
    hostile = '<img src=x onerror="window.pwned=1"> ' + "a title long enough to be cut short " * 4
    page = tab.page
    title = "Louxing District held the 2022 Work safety retreat Meeting"

    def change(original: str) -> str:
        at = original.index('data-md-component="header-topic"')
        return original[:at] + original[at:].replace(title, html.escape(hostile), 1)

    serve_seed_changed(tab, change)
    page.mouse.wheel(0, 900)  # the header shows the page's title once its heading is scrolled past
    topic = page.locator('[data-md-component="header-topic"] .md-ellipsis')
    page.wait_for_function("el => el.getBoundingClientRect().top >= 0 && getComputedStyle(el).opacity !== '0'",
                           arg=topic.element_handle(), timeout=5_000)
    page.wait_for_function("el => el.title !== ''", arg=topic.element_handle(), timeout=5_000)
    topic.hover()
    _assert_tooltip_shows_only_text(tab, hostile.strip())
    # A title given as a property is mended at once: a tooltip opened in the same task (its
    # element already focused) reads it before any observer of the page could.
    assert page.evaluate("() => { const s = document.createElement('span'); s.title = '<b>x</b>';"
                         " return [s.getAttribute('title'), s.title]; }") == ["&lt;b>x&lt;/b>", "&lt;b>x&lt;/b>"]
    assert tab.errors == []


def test_escape_closes_a_terms_tooltip_where_the_pointer_or_the_focus_left_it(tab):
    """A term's tooltip stayed over the next line of text (another term in it) until the
    pointer or the focus moved on: Escape did nothing (WCAG 1.4.13)."""
    page = tab.page
    tab.goto(SEED)
    shown = "() => [...document.querySelectorAll('.md-tooltip2')].filter(e => getComputedStyle(e).opacity !== '0').length"
    term = page.locator(".reading-edition a.term").first
    term.hover()
    page.wait_for_function(f"({shown})() === 1")
    page.keyboard.press("Escape")
    page.wait_for_function(f"({shown})() === 0")
    box = term.bounding_box()
    page.mouse.move(box["x"] + 4, box["y"] + 4)  # still on the term: it stays closed
    page.wait_for_timeout(300)
    assert page.evaluate(shown) == 0
    page.mouse.move(0, 0)
    page.locator(".reading-edition a.term").nth(1).focus()  # the next term shows its own
    page.wait_for_function(f"({shown})() === 1")
    page.keyboard.press("Escape")
    page.wait_for_function(f"({shown})() === 0")
    assert page.evaluate("document.activeElement.classList.contains('term')"), "Escape moved the focus"
    assert tab.errors == []


def test_the_pointer_can_go_from_a_term_onto_its_tooltip_and_rest_there(tab):
    """Material closed a term's tooltip the moment the pointer left the term, and let the
    pointer through it: a long definition could not be read magnified or selected (WCAG
    1.4.13). Leaving in any other direction still closes it."""
    page = tab.page
    tab.goto(SEED)
    active = "() => document.querySelectorAll('.md-tooltip2--active').length"
    term = page.locator(".reading-edition a.term").first
    term.scroll_into_view_if_needed()
    box = term.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.wait_for_function(f"({active})() === 1")
    page.wait_for_timeout(450)  # Material's opening transition
    inner = page.locator(".md-tooltip2--active > .md-tooltip2__inner").bounding_box()
    assert inner["y"] > box["y"] + box["height"], "the tooltip is below the term"
    while y < inner["y"] + 10:  # down across the gap, a few pixels at a time
        y += 3
        page.mouse.move(x, y)
    page.wait_for_timeout(800)
    assert page.evaluate(active) == 1
    assert page.evaluate(f"document.elementFromPoint({x}, {y}).closest('.md-tooltip2') !== null")
    page.mouse.move(x, inner["y"] + inner["height"] + 60)  # off the tooltip: it closes
    page.wait_for_function(f"({active})() === 0")
    page.mouse.move(x, box["y"] + box["height"] / 2)  # on the term again, then up and away
    page.wait_for_function(f"({active})() === 1")
    page.mouse.move(x, box["y"] - 80)
    page.wait_for_function(f"({active})() === 0")
    assert tab.errors == []


def test_the_chinese_of_a_tooltip_is_marked_as_chinese(tab):
    """A definition's Chinese (区, 县委) was read by a screen reader with the English voice:
    the tooltip Material makes from a title had no lang, where the page's own Chinese has."""
    page = tab.page
    tab.goto(SEED)
    term = page.locator('.reading-edition a.term[href$="/district-committee/"]').first
    title = term.get_attribute("title")
    assert "区" in title
    term.hover()
    page.wait_for_function("document.querySelectorAll('.md-tooltip2--active').length === 1")
    tip = page.locator(".md-tooltip2--active .md-tooltip2__inner")
    assert "区" in tip.locator('span[lang="zh"]').all_inner_texts()
    assert tip.inner_text() == title  # the same text, only marked
    page.mouse.move(0, 0)
    page.wait_for_function("document.querySelectorAll('.md-tooltip2--active').length === 0")
    term.evaluate("(e, title) => new Promise(done => { const check = () => e.getAttribute('title') === title ?"
                  " done() : setTimeout(check, 50); check(); })", title)  # Material gives the title back
    assert tab.errors == []


def test_a_terms_tooltip_near_the_bottom_of_the_window_opens_above_it(tab):
    """Material puts a term's tooltip below it whatever the room: 40 px from the bottom of the
    window, a sliver of the definition showed."""
    page = tab.page
    tab.goto(SEED)
    term = page.locator(".reading-edition a.term").nth(8)
    tip = ("() => { const t = document.querySelector('.md-tooltip2--active'); if (!t) return null;"
           " const r = t.firstElementChild.getBoundingClientRect();"
           " return {top: r.top, bottom: r.bottom, above: t.classList.contains('md-tooltip2--top')}; }")
    for from_bottom, above in ((60, True), (500, False)):
        page.mouse.move(0, 0)
        page.wait_for_function("() => !document.querySelector('.md-tooltip2--active')")
        top = term.evaluate("e => e.getBoundingClientRect().top + window.scrollY")
        page.evaluate(f"window.scrollTo(0, {top} - window.innerHeight + {from_bottom})")
        term.hover()
        page.wait_for_function(f"() => ({tip})() !== null")
        page.wait_for_timeout(450)  # Material's opening transition
        shown = page.evaluate(tip)
        box = term.bounding_box()
        assert shown["above"] == above, shown
        assert 0 <= shown["top"] and shown["bottom"] <= page.viewport_size["height"], shown
        if above:
            assert shown["bottom"] <= box["y"], (shown, box)
        else:
            assert shown["top"] >= box["y"] + box["height"], (shown, box)
    assert tab.errors == []


def test_an_occurrence_of_a_term_opens_on_the_term_marked_with_its_sentence_readable(tab):
    """A glossary entry's occurrence leads to the term's first use in the article: the browser
    focused the term's link it arrived at, and the focus opened the tooltip over the next
    line, the sentence the reader came for, until Escape or a click."""
    page = tab.page
    tab.goto("glossary/three-principles/")
    page.locator(f"a[href*='{SEED}#term-three-principles']").first.click()
    page.wait_for_url("**#term-three-principles")
    page.wait_for_timeout(500)
    shown = "[...document.querySelectorAll('.md-tooltip2')].filter(e => getComputedStyle(e).opacity !== '0').length"
    assert page.evaluate(shown) == 0, "a tooltip opened on arrival"
    assert not page.evaluate("document.activeElement.classList.contains('term')")
    # The term is marked where the reader lands, in view below the header.
    target = page.locator("#term-three-principles")
    assert target.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    top = target.bounding_box()["y"]
    header = page.locator(".md-header").bounding_box()["height"]
    assert header <= top < page.viewport_size["height"] / 2, top
    # Tab goes on from there: to the term itself.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#term-three-principles') !== null")


def test_404_page_has_the_site_look_and_working_links(tab, screenshots):
    page = tab.page
    tab.goto("no-such-page/anywhere/", status=404)
    page.screenshot(path=str(screenshots / "404-desktop.png"))
    assert page.locator("article h1").inner_text().strip() == "Page not found"
    # A page may be gone for good (an article removed, an entry renamed): not only a typing error
    assert "removed from the archive or renamed" in page.locator("article").inner_text()
    # Styled: Material's stylesheet and ours applied (the header has the primary colour).
    header_bg = page.eval_on_selector(".md-header", "el => getComputedStyle(el).backgroundColor")
    assert header_bg not in ("", "rgba(0, 0, 0, 0)", "transparent")
    assert page.locator(".md-search__input").count() == 1
    links = page.eval_on_selector_all("article a[href]", "links => links.map(a => a.href)")
    assert len(links) >= 3
    for url in links:
        assert url.startswith(tab.base), url
        response = page.request.get(url)
        assert response.status == 200, url
    # The search works from the 404 page too, whatever its depth.
    assert search(tab, "Liu Zhigang")[0] == "people/liu-zhigang/"
    page.keyboard.press("Escape")
    page.locator("article a", has_text="Home page").click()
    page.wait_for_url(tab.base)
    assert tab.external == []
    assert all("404" in e for e in tab.errors), tab.errors  # the only error: the 404 itself


def test_head_links_feeds_structured_data_on_the_seed_article(tab):
    page = tab.page
    tab.goto(SEED)
    head = page.locator("head")
    rss = head.locator("link[rel~=alternate][type='application/rss+xml']")
    feed = head.locator("link[rel~=alternate][type='application/feed+json']")
    assert rss.count() == 1 and feed.count() == 1
    for link in (rss, feed):
        assert page.request.get(link.evaluate("l => l.href")).status == 200
    blocks = head.locator("script[type='application/ld+json']").all_inner_texts()
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Louxing District held the 2022 Work safety retreat Meeting"
    assert data["datePublished"].startswith("2022-04-30")
    assert data["sourceOrganization"] == {"@type": "Organization", "name": "Louxing Rong Media Center"}
    assert data["author"] == [{"@type": "Person", "name": "Li Yi"}]
    assert data["inLanguage"] == "en"
    assert data["isAccessibleForFree"] is True
    canonical = head.locator("link[rel=canonical]").get_attribute("href")
    assert canonical and canonical.endswith(SEED)
    og = {el.get_attribute("property"): el.get_attribute("content") for el in head.locator("meta[property^='og:']").all()}
    assert og["og:type"] == "article" and og["og:url"] == canonical and og["og:title"] and og["og:description"]
    assert page.request.get(tab.base + "sitemap.xml").status == 200


def test_seed_article_prints_cleanly(tab, screenshots):
    """Printed, the seed article (some 700 words) took five A4 pages: "In this article" gave
    a page of links, every name of the provenance its page's address, the checksum was
    there three times and the verbatim source was in the screen's large type."""
    page = tab.page
    tab.goto(SEED)
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".article-pager",
                     ".in-this-article", "h2#in-this-article"):
        assert not page.locator(selector).first.is_visible(), f"{selector} is printed"
    for selector in ("article h1", ".provenance", ".reading-edition", ".annotations", ".verbatim-text", "p.cite"):
        assert page.locator(selector).is_visible(), f"{selector} is not printed"
    # The provenance's people, source and dates print as names and dates, without the
    # addresses of the site's pages about them.
    after = page.eval_on_selector_all(".provenance a", "links => links.map(a => getComputedStyle(a, '::after').content)")
    assert len(after) >= 8 and set(after) == {"none"}, after
    # Where the archived file lies, outside the site, still prints.
    download = page.eval_on_selector("details.verbatim a[href*='source.txt']", "a => getComputedStyle(a, '::after').content")
    assert "source.txt" in download, download
    # Glossary terms in the reading edition do not: the text stays readable.
    assert page.eval_on_selector(".reading-edition a.term", "a => getComputedStyle(a, '::after').content") == "none"
    # The checksum once, in the citation.
    shown = page.eval_on_selector_all("code", "all => all.filter(c => /^[0-9a-f]{64}$/.test(c.textContent)"
                                      " && c.getClientRects().length).map(c => c.closest('p') && c.closest('p').className)")
    assert shown == ["cite"], shown
    # The verbatim source, kept as the record, in smaller type than the reading edition.
    size = "s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize)"
    assert page.evaluate(size, ".verbatim-text code") < 0.8 * page.evaluate(size, ".reading-edition p")
    pdf = page.pdf(path=str(screenshots / "seed-article-print.pdf"), format="A4")
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert 1 <= pages <= 3, f"{pages} pages of A4"
    page.screenshot(path=str(screenshots / "seed-article-print.png"), full_page=True)


def test_the_printed_verbatim_source_says_where_its_checksum_is(tab):
    """Printed, the checksum is in the citation only: the verbatim source's summary, which
    shows it on screen, is not printed. The sentence under "Verbatim source" said "whose
    checksum this is" with no checksum beside it; it says where the checksum is, on paper as
    on screen."""
    page = tab.page
    tab.goto(SEED)
    hashes = """sel => [...document.querySelectorAll(sel)]
        .filter(c => /^[0-9a-f]{64}$/.test(c.textContent) && c.getClientRects().length).length"""
    for media in ("screen", "print"):
        page.emulate_media(media=media)
        page.evaluate("() => { document.querySelector('details.verbatim').open = true; }")
        sentence = page.locator("details.verbatim > p", has_text="checksum")
        assert sentence.count() == 1 and sentence.is_visible(), media
        text = " ".join(sentence.inner_text().split())
        beside = page.evaluate(hashes, "details.verbatim code")
        assert beside == (1 if media == "screen" else 0), (media, beside)
        # Where it points, the checksum is printed.
        assert "checksum the citation below gives" in text, text
        assert page.evaluate(hashes, "p.cite code") == 1, media
        assert "this is" not in text, text


def test_an_index_prints_its_table_without_an_address_in_every_cell(tab, screenshots):
    """Printed, the glossary's index gave each term's full address inside its narrow column,
    and the table ran over three pages; and the verbatim source kept its arrow."""
    page = tab.page
    tab.goto("glossary/")
    page.emulate_media(media="print")
    cells = page.eval_on_selector_all("table td a", "links => links.map(a => getComputedStyle(a, '::after').content)")
    assert cells and set(cells) == {"none"}, cells
    page.pdf(path=str(screenshots / "glossary-index-print.pdf"), format="A4")
    tab.goto(SEED)
    page.emulate_media(media="print")
    # The verbatim source's summary, a control to open it, with its arrow, is not printed.
    assert page.locator("details.verbatim > summary").count() == 1
    assert not page.locator("details.verbatim > summary").is_visible()
    # Links outside tables still print where they lead.
    after = page.eval_on_selector("details.verbatim a[href*='source.txt']", "a => getComputedStyle(a, '::after').content")
    assert "source.txt" in after, after


def test_a_timeline_year_prints_its_entries_without_the_ways_to_other_pages(tab, screenshots):
    """Printed, a year of the timeline gave its years and months (and a list's pages) each
    with its full address, and each entry's heading its article's address at heading size:
    seven pages of paper for one of text."""
    page = tab.page
    tab.goto("timeline/2022/")
    assert page.locator("p.jump").first.is_visible()
    page.emulate_media(media="print")
    assert page.locator("p.jump").count() >= 1
    assert not any(p.is_visible() for p in page.locator("p.jump, nav.pager").all())
    heading = page.locator("article h2 a[href*='articles/']").first
    assert heading.evaluate("a => getComputedStyle(a, '::after').content") == "none"
    # A link in an entry's text still prints where it leads.
    assert tab.base + "articles/" in page.eval_on_selector(
        "article p a[href*='articles/']:not(.headerlink)", "a => getComputedStyle(a, '::after').content")
    page.pdf(path=str(screenshots / "timeline-year-print.pdf"), format="A4")


@pytest.mark.parametrize("name,path", [("home", ""), ("seed-article", SEED)])
@pytest.mark.parametrize("size,viewport", [("phone", PHONE), ("desktop", DESKTOP)])
def test_screenshots(browser, site_url, screenshots, name, path, size, viewport):
    context = browser.new_context(viewport=viewport, device_scale_factor=1, is_mobile=size == "phone",
                                  has_touch=size == "phone")
    page = context.new_page()
    try:
        page.goto(site_url + path, wait_until="load")
        page.screenshot(path=str(screenshots / f"{name}-{size}.png"), full_page=True)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], f"{name} scrolls sideways at {viewport['width']} px ({width} px wide)"
    finally:
        context.close()


def _painted(page, selector: str, painter: str = "lg-icon") -> bool:
    """The icon at ``selector`` is visible, icon-sized, and a drawing: its picture differs
    both from the same place without the class that paints it (so something is painted)
    and from the same place painted without the drawing's mask (so it is a shape, not a
    square of colour)."""
    page.locator(selector).wait_for(state="visible", timeout=5_000)
    icon = page.locator(selector).element_handle()  # still this element once its class is gone
    box = icon.bounding_box()
    assert box and box["width"] >= 16 and box["height"] >= 16, (selector, box)
    drawn = icon.screenshot(animations="disabled")
    icon.evaluate("el => el.style.setProperty('--lg-icon', 'none')")
    solid = icon.screenshot(animations="disabled")
    icon.evaluate("(el, painter) => { el.style.removeProperty('--lg-icon'); el.classList.remove(painter); }", painter)
    bare = icon.screenshot(animations="disabled")
    icon.evaluate("(el, painter) => el.classList.add(painter)", painter)
    return drawn != bare and drawn != solid


def test_icons_are_drawn_by_the_stylesheet(tab, phone_tab):
    """The header's, search box's and back-to-top button's icons are empty <svg> elements the
    stylesheet paints (1.1 KB less on every page), and the repository link's icon is drawn
    by it too: each shows where Material puts its own."""
    page = phone_tab.page
    phone_tab.goto(SEED)
    assert page.eval_on_selector_all("svg", "all => all.filter(s => s.childElementCount).length") == 0
    assert _painted(page, "label.md-header__button[for=__drawer] .lg-icon--menu")
    assert _painted(page, "label.md-header__button[for=__search] .lg-icon--search")
    page.locator("label.md-header__button[for=__search]").tap()
    assert _painted(page, ".md-search__icon .lg-icon--back")
    search(phone_tab, "safety")  # the clear button shows once there is a query
    page.wait_for_function("() => getComputedStyle(document.querySelector('.md-search__options .md-icon')).opacity === '1'")
    assert _painted(page, ".md-search__options .lg-icon--close")
    page = tab.page
    tab.goto(SEED)
    assert _painted(page, ".md-search__icon .lg-icon--search")
    assert _painted(page, ".md-header__source .lg-repo-icon", "lg-repo-icon")
    page.mouse.wheel(0, 4000)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -300)
    assert _painted(page, ".md-top .lg-icon--up")
    assert tab.errors == [] and phone_tab.errors == []


def test_a_checksum_wraps_into_even_halves_or_not_at_all(tab):
    """The SHA-256 is shown three times on an article page (provenance, verbatim source,
    citation; twice on a phone). At any width it is on one line, or on lines of even length (32 and 32; 21,
    22 and 21 on the narrowest phones): one hex digit alone on a second line (as in the
    provenance on a 1,280-pixel screen before) reads as another value."""
    page = tab.page
    tab.goto(SEED)
    per_line = """() => [...document.querySelectorAll('code')]
        .filter(c => /^[0-9a-f]{64}$/.test(c.textContent) && c.getClientRects().length)
        .map(c => { const text = c.firstChild, lines = {};
            for (let i = 0; i < text.length; i++) {
                const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1);
                const top = Math.round(r.getBoundingClientRect().top); lines[top] = (lines[top] || 0) + 1; }
            return Object.keys(lines).sort((a, b) => a - b).map(top => lines[top]); })"""
    # The lines of the summary above the verbatim source and of the citation, as the visible
    # characters on each: no line holds only a bracket or a full stop left behind by the hash.
    lines_of = ("() => [document.querySelector('details.verbatim > summary'), document.querySelector('p.cite')]"
                f".map({LINES_OF})")
    seen = set()
    try:
        for width in range(320, 1700, 20):
            page.set_viewport_size({"width": width, "height": 800})
            shown = page.evaluate(per_line)
            # A phone leaves it out of the provenance (see the test of the first screen).
            assert len(shown) == (3 if width >= 720 else 2), (width, shown)
            assert all(sum(lines) == 64 and max(lines) - min(lines) <= 1 for lines in shown), (width, shown)
            seen.update(len(lines) for lines in shown)
            for lines in page.evaluate(lines_of):
                assert all(len(line) > 2 for line in lines), (width, lines)
                assert not any(line.endswith("SHA-") for line in lines), (width, lines)
    finally:
        page.set_viewport_size(DESKTOP)
    assert {1, 2} <= seen, "some widths wrap it and some do not"


@pytest.mark.parametrize("path, label", [("glossary/", "Confidence: "), ("people/", "Roles and part taken: "),
                                         ("people/liu-zhigang/", "Took part as: "), ("organizations/", "Articles: "),
                                         ("people/li-yi/", "Took part as: ")])  # (no roles: no "Roles: —" line)
def test_wide_tables_fit_a_phone_row_by_row(tab, path, label):
    """On a 390-pixel phone the glossary's and the people's tables hid their last columns off
    screen (a person's "Part", the glossary's article counts): each row is now a block whose
    cells say which column they are. On a desktop they are tables with their header."""
    page = tab.page
    cells = """() => [...document.querySelectorAll('.lg-stack td')].map(td => ({
        right: td.getBoundingClientRect().right, text: td.textContent,
        label: getComputedStyle(td, '::before').content, shown: getComputedStyle(td).display !== 'none'}))"""
    try:
        page.set_viewport_size(PHONE)
        tab.goto(path)
        shown = page.evaluate(cells)
        assert shown, "no table"
        assert max(c["right"] for c in shown) <= PHONE["width"], [c for c in shown if c["right"] > PHONE["width"]]
        assert f'"{label}"' in {c["label"] for c in shown}
        assert not page.locator(".lg-stack thead").is_visible()
        # Most people and bodies have no Chinese name: no "Chinese: —" line under each, nor
        # "Roles: —" under each of a reporter's articles (a reader's review).
        assert not [c for c in shown if c["text"] == "—" and c["shown"]]
    finally:
        page.set_viewport_size(DESKTOP)
    tab.goto(path)
    assert page.locator(".lg-stack thead").is_visible()
    on_desktop = page.evaluate(cells)
    assert {c["label"] for c in on_desktop} == {"none"}
    assert all(c["shown"] for c in on_desktop)  # a table's row keeps every cell
    if path == "people/":  # a Chinese name beside the name it belongs to, not a column of "—"
        assert not any(c["text"] == "—" for c in on_desktop)
        assert any(c["text"].startswith("Dang Jianguo 党建国") for c in on_desktop), on_desktop


@pytest.mark.parametrize("path", ["", "editors/"])
def test_after_skip_to_content_the_keyboard_reaches_the_content_not_the_titles_permalink(tab, path):
    """On the home page the first Tab after "Skip to content" landed on the title's ¶, a link
    to the page itself (a reader's review); a section's ¶ is still there to copy."""
    page = tab.page
    tab.goto(path)
    assert page.locator("article h1 .headerlink").count() == 1
    assert not page.locator("article h1 .headerlink").is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.className, document.activeElement.closest('h1') !== null]")
    assert focused[0] != "headerlink" and not focused[1], focused
    assert page.locator("article h2 .headerlink").count() > 0


def test_no_heading_has_a_line_for_its_permalink_alone(tab):
    """The hidden ¶ after a heading that filled its line wrapped onto a line of its own: a blank
    line under "April 2020: Three-year campaign…" on a phone, and under two timeline headings
    on a tablet."""
    page = tab.page
    below = """() => [...document.querySelectorAll('.md-typeset :is(h1, h2, h3)')].flatMap(h => {
        const link = h.querySelector('.headerlink'), words = [...h.childNodes].filter(n => n !== link);
        if (!link || !words.length) return [];
        const text = document.createRange(); text.setStartBefore(words[0]); text.setEndAfter(words[words.length - 1]);
        const bottom = Math.max(...[...text.getClientRects()].map(r => r.bottom));
        return link.getBoundingClientRect().top >= bottom - 2 ? [h.textContent.trim().slice(0, 50)] : []; })"""
    try:
        for width in (390, 768):
            page.set_viewport_size({"width": width, "height": 900})
            for path in ("timeline/", "timeline/2022/"):
                tab.goto(path)
                assert page.evaluate(below) == [], (width, path)
                assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        page.set_viewport_size(DESKTOP)


def test_a_headings_permalink_never_makes_a_phone_page_scroll_sideways(tab):
    """The hidden ¶ after a heading whose last word ends at the right edge stood past it: the
    page scrolled sideways by a few pixels on a phone (long timeline headings at 10,000
    articles). Headings ending at every position of the line are tried."""
    page = tab.page
    overflowing = """() => {
        const article = document.querySelector('.md-typeset'), out = [];
        const h = document.createElement('h2');
        h.id = 'lg-test-heading';
        article.appendChild(h);
        for (let n = 1; n <= 160; n++) {
            h.innerHTML = 'Kaifu District convened the special meeting ' + 'x'.repeat(n)
                + '<a class="headerlink" href="#lg-test-heading" title="Permanent link">&para;</a>';
            if (document.documentElement.scrollWidth > document.documentElement.clientWidth) out.push(n);
        }
        h.remove();
        return out; }"""
    try:
        page.set_viewport_size({"width": 390, "height": 900})
        tab.goto("timeline/")
        assert page.evaluate(overflowing) == []
    finally:
        page.set_viewport_size(DESKTOP)


def test_the_site_name_fits_the_header_of_a_phone(tab):
    """It was cut to "Chinese Local News in Engl…" on a 390-pixel phone."""
    page = tab.page
    name = "() => { const e = document.querySelector('.md-header__topic .md-ellipsis'); return [e.scrollWidth, e.clientWidth]; }"
    try:
        for width in (360, 375, 390, 412, 430):
            page.set_viewport_size({"width": width, "height": 800})
            tab.goto("")
            needed, shown = page.evaluate(name)
            assert needed <= shown, (width, needed, shown)
    finally:
        page.set_viewport_size(DESKTOP)
    tab.goto("")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header__topic .md-ellipsis')).fontSize") == "18px"


def test_the_people_index_keeps_each_name_on_one_line(tab):
    """"Dang / Jianguo" was broken over two lines while the column of article counts took
    the width."""
    page = tab.page
    tab.goto("people/")
    heights = page.evaluate("""() => [...document.querySelectorAll('.lg-people td:first-child a')].map(a =>
        [a.textContent, a.getClientRects().length])""")
    assert heights and all(lines == 1 for _, lines in heights), [h for h in heights if h[1] != 1]


def test_the_people_index_gives_the_roles_the_width_and_the_count_its_figures(tab):
    """The column made narrow for the counts was the roles' on the pages where no one had
    a Chinese name (most of them, in an archive of thousands): a word a line."""
    page = tab.page
    tab.goto("people/")
    count, roles = 2, 3
    widths = page.evaluate(f"""() => {{ const row = document.querySelector('.lg-people tbody tr');
        const cell = n => row.querySelector(':scope > td:nth-child(' + n + ')');
        return [cell({count}).getBoundingClientRect().width, getComputedStyle(cell({count})).textAlign,
                cell({roles}).getBoundingClientRect().width]; }}""")
    assert widths[0] <= 120 and widths[1] == "right" and widths[2] >= 250, widths


@pytest.mark.parametrize("path, text", [
    (SEED, ".reading-edition p"),
    ("glossary/three-year-campaign-of-special-rectification-of-work-safety/", "h2#definition + p"),
])
def test_a_phone_shows_the_text_on_its_first_screen(phone_tab, path, text):
    """The provenance of an article (and the facts of a glossary entry) gave each value a
    line below its label: on a 390 by 844 phone the article's first paragraph started at
    1,001 pixels, below the first screen. Each value now runs on after its label, and at
    least three lines of the text show before any scrolling."""
    page = phone_tab.page
    phone_tab.goto(path)
    box = page.eval_on_selector(text, "p => { const r = p.getBoundingClientRect(); return [r.top, "
                                      "parseFloat(getComputedStyle(p).lineHeight)]; }")
    top, line = box
    assert top + 3 * line <= PHONE["height"], (path, top, line)
    # A label and its value are on one line: "Published: 30 April 2022".
    facts = ".provenance" if path == SEED else ".term-facts"
    rows = page.eval_on_selector_all(f"{facts} dt", """dts => dts.filter(dt => dt.getClientRects().length).map(dt => {
        const dd = dt.nextElementSibling;
        return [dt.textContent, Math.round(dt.getBoundingClientRect().top) === Math.round(dd.getClientRects()[0].top)]; })""")
    assert rows and all(same for _, same in rows), rows


def test_small_links_are_big_enough_to_tap_on_a_phone(phone_tab):
    """An editor's note marker ([1], a 16 by 15 pixel superscript) and a list's "Next page →"
    (17 pixels high, "Last page »" broken over two lines) were hard to hit with a finger:
    each is now a target of at least 24 pixels (WCAG 2.5.8), and the lines of text around a
    marker do not move."""
    page = phone_tab.page
    phone_tab.goto(SEED)
    marker = page.locator(".note-marker a").first
    marker.scroll_into_view_if_needed()
    box = marker.bounding_box()
    assert box["height"] >= 24 and box["width"] >= 24, box
    # The whole box is the link: a tap near its edge still reaches it.
    for x, y in ((box["x"] + 2, box["y"] + 2), (box["x"] + box["width"] - 2, box["y"] + box["height"] - 2)):
        assert page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('.note-marker a') !== null", [x, y])
    line = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.reading-edition p')).lineHeight)")
    # The paragraph holding it is a whole number of lines high: no line is pushed apart.
    height = page.evaluate("() => document.querySelector('.note-marker').closest('p').getBoundingClientRect().height")
    assert abs(height - round(height / line) * line) < 1, (height, line)
    # A list's pager, as lgnews/templates/_macros.j2 writes it, on phones: no line starts
    # with a dot (a reader's review at 375 pixels: "· Last page »" began a line).
    from lgnews.render import Pager, environment

    macro = environment().from_string('{% from "_macros.j2" import pager_nav with context %}{{ pager_nav(pager)|trusted }}')
    for width in (320, 360, 375, 390, 414):
        page.set_viewport_size({"width": width, "height": 700})
        for number, count in ((2, 40), (1, 9), (5, 9)):
            pager = Pager(number, count, "tags/work-safety/", size=100, total=822)
            page.evaluate("""html => { document.querySelectorAll('article nav.pager').forEach(n => n.remove());
                document.querySelector('article').insertAdjacentHTML('beforeend', html); }""",
                          str(macro.render(pager=pager, page_path="tags/work-safety/index.md")))
            links = page.eval_on_selector_all("nav.pager p:first-child a", """links => links.map(a =>
                [a.textContent, a.getBoundingClientRect().height, a.getClientRects().length])""")
            assert links and all(height >= 24 and rects == 1 for _, height, rects in links), links
            starts = page.evaluate("""() => {
                const p = document.querySelector('nav.pager p'), walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
                const chars = [];  // every visible character with its box, in order
                for (let n = walker.nextNode(); n; n = walker.nextNode())
                  for (let i = 0; i < n.data.length; i++) {
                    const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
                    const box = r.getBoundingClientRect();
                    if (box.width > 0 && n.data[i].trim()) chars.push([n.data[i], Math.round(box.top), box.left]);
                  }
                return chars.filter((c, i) => i > 0 && c[1] > chars[i - 1][1]).map(c => c[0]); }""")
            assert "·" not in starts, (width, number, count, starts)
    page.set_viewport_size(PHONE)


def test_a_years_timeline_entries_are_headed_as_the_timelines_own(phone_tab):
    """A year's entries were section headings (25 pixels: three lines each on a phone, an
    article's title as a big link); they are now the size of the entries of the timeline's
    first page."""
    page = phone_tab.page
    phone_tab.goto("timeline/")
    own = page.eval_on_selector("article h3", "h => getComputedStyle(h).fontSize")
    phone_tab.goto("timeline/2022/")
    sizes = page.eval_on_selector_all("article h2[id]", "hs => hs.map(h => getComputedStyle(h).fontSize)")
    assert sizes and set(sizes) == {own}, (own, sizes)


def test_running_text_keeps_a_readable_measure_where_a_page_hides_its_contents(tab):
    """The home page hides its table of contents, and its lines ran to 150 characters on a
    1,280-pixel screen; they are now no longer than an article's."""
    page = tab.page
    tab.goto(SEED)
    article = page.eval_on_selector(".reading-edition p", "p => p.getBoundingClientRect().width")
    tab.goto("")
    widths = page.eval_on_selector_all("article > p", "ps => ps.map(p => p.getBoundingClientRect().width)")
    assert widths and max(widths) <= article + 16, (article, widths)


def test_an_entrys_confidence_leads_to_its_explanation_shown_as_the_target(tab):
    """The explanation is the last paragraph of the glossary's index: the browser cannot
    scroll it to the top, and nothing showed which paragraph the link meant."""
    page = tab.page
    tab.goto("glossary/three-principles/")
    page.locator(".term-facts dt a", has_text="Confidence").click()
    page.wait_for_url(tab.base + "glossary/#confidence")
    target = page.locator("#confidence")
    assert target.is_visible() and "Medium:" in target.inner_text()
    assert target.evaluate("p => getComputedStyle(p).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")


def test_code_in_the_guides_tables_breaks_between_words_or_after_a_slash(tab):
    """The editors' guide's table of files broke its names inside a word, "archive/events.y"
    over "ml" on a desktop and "archive/ar" over "ticles/<id>/" on a phone (Material's code
    breaks anywhere, and the table squeezed its column to that). A line of code in a table
    now ends where text may break (a space, a hyphen, a "/", after a bracket or a comma), and
    the table of files fits a 360-pixel phone."""
    page = tab.page
    lines = """() => [...document.querySelectorAll('.md-typeset td code')].filter(c => c.getClientRects().length)
        .map(c => { const lines = [], text = c.textContent; let top = null;
            for (let i = 0; i < text.length; i++) {
                const r = document.createRange(); r.setStart(c.firstChild, i); r.setEnd(c.firstChild, i + 1);
                const at = Math.round(r.getBoundingClientRect().top);
                if (top === null || Math.abs(at - top) > 4) { lines.push(''); top = at; }
                lines[lines.length - 1] += text[i]; }
            return lines; })"""
    try:
        for width in (1280, 360):
            page.set_viewport_size({"width": width, "height": 800})
            tab.goto("editors/")
            shown = page.evaluate(lines)
            assert any(code == ["archive/organizations.yml"] for code in shown), shown
            broken = [code for code in shown if any(not re.search(r"[\s/\-\])},;:]$", line) for line in code[:-1])]
            assert broken == [], (width, broken)
            files = page.locator(".md-typeset__scrollwrap").first
            assert files.evaluate("s => s.scrollWidth <= s.clientWidth"), width
            assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        page.set_viewport_size(DESKTOP)


# The lines of an element as the visible characters on each (text and code a few pixels
# apart on one line count as one line).
LINES_OF = """el => { const lines = [], walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let middle = null;
    for (let node; (node = walker.nextNode());) for (let i = 0; i < node.length; i++) {
        if (!node.data[i].trim()) continue;
        const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
        const box = r.getBoundingClientRect(), at = (box.top + box.bottom) / 2;
        if (middle === null || Math.abs(at - middle) > box.height / 2) { lines.push(''); middle = at; }
        lines[lines.length - 1] += node.data[i]; }
    return lines; }"""


def test_a_count_and_a_closing_bracket_stay_with_what_they_follow_on_a_phone(tab):
    """On a 360-pixel phone the timeline's "Years:" line broke "(2" from "entries)", and the
    404 page left ")." alone on its last line, after the key to press."""
    page = tab.page
    try:
        for width in range(320, 481, 8):
            page.set_viewport_size({"width": width, "height": 800})
            tab.goto("timeline/")
            years = page.locator("p.jump", has_text="Years:")
            lines = years.evaluate(LINES_OF)
            # Each line ends at a year's count: "2012(1entry)·", never "2012(1" or "2012".
            assert all(re.search(r"\((\d+entry|\d+entries)\)·?$", line) for line in lines), (width, lines)
            tab.goto("no-such-page/", status=404)
            last = page.locator("article p").last.evaluate(LINES_OF)[-1]
            assert last.endswith("/).") and len(last) > len("/)."), (width, last)
    finally:
        page.set_viewport_size(DESKTOP)


def test_a_long_title_leaves_the_reading_edition_near_the_top_of_a_phone(tab, phone_tab):
    """A machine-translated title of a dozen words and more took five lines of Material's
    2em on a phone, and with the provenance pushed the reading edition below the first
    screen (a reader's review of session 32). A phone sets titles smaller than a desktop."""
    sizes = {}
    for name, t in (("desktop", tab), ("phone", phone_tab)):
        t.goto(SEED)
        sizes[name] = t.page.evaluate("parseFloat(getComputedStyle(document.querySelector('article h1')).fontSize)")
    assert sizes["phone"] <= 0.85 * sizes["desktop"], sizes
    title = ("Lianyuan City held the 2016 Work safety summary and commendation conference and the deployment "
             "meeting of the special rectification of hidden dangers")  # 22 words, as the archive's longer titles
    serve_seed_changed(phone_tab, lambda page: re.sub(r'(<h1 id="lg-title">).*?(</h1>)', lambda m: m[1] + title + m[2],
                                                      page, count=1, flags=re.S))
    assert phone_tab.page.locator("article h1").inner_text() == title
    top = phone_tab.page.evaluate("document.querySelector('.reading-edition p').getBoundingClientRect().top")
    assert top < 844, f"the reading edition begins at {top:.0f} px, below the phone's first screen"


def test_a_tap_on_a_terms_link_shows_its_meaning_and_a_second_tap_follows_it(phone_tab):
    """On a phone, a tap on a term's first use (a link to its entry) went to the entry at
    once: most of the seed's terms are used once, so a phone's reader never saw what they
    mean without leaving the article (a phone review)."""
    page = phone_tab.page
    phone_tab.goto(SEED)
    assert page.evaluate("matchMedia('(hover: none)').matches")
    term = page.locator(".reading-edition a.term").nth(2)
    term.scroll_into_view_if_needed()
    href, definition = term.get_attribute("href"), term.get_attribute("title")
    assert definition.endswith(" (Tap the term again for its entry.)"), definition
    term.tap()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5_000)
    assert tooltip.inner_text().strip() == definition
    assert page.url.endswith(SEED)  # still on the article
    box = term.bounding_box()  # a tap elsewhere (above the term: the tooltip is below it) closes it...
    page.touchscreen.tap(10, box["y"] - 30)
    page.wait_for_function("!document.querySelector('.md-tooltip2--active')", timeout=5_000)
    term.tap()  # ...and the next tap on it shows it again
    tooltip.wait_for(state="visible", timeout=5_000)
    with page.expect_navigation():
        term.tap()
    assert page.url.endswith(href.lstrip("./").split("../")[-1]) and "/glossary/" in page.url, (page.url, href)
    assert phone_tab.errors == []


def test_a_click_on_a_terms_link_follows_it_at_once_with_a_mouse(tab):
    page = tab.page
    tab.goto(SEED)
    term = page.locator(".reading-edition a.term").first
    assert not term.get_attribute("title").endswith("again for its entry.)")
    with page.expect_navigation():
        term.click()
    assert "/glossary/" in page.url


def test_a_headings_permalink_is_no_stop_of_the_keyboard_nor_read_out(tab):
    """Each ¶ was a Tab stop named "¶" (44 of 137 on a timeline's year page), read as part of
    its heading, and one whose heading ends at the column's edge took the focus out of sight
    (an accessibility review)."""
    page = tab.page
    tab.goto("timeline/")
    links = page.locator(".md-typeset .headerlink")
    assert links.count() > 3
    assert links.evaluate_all("ls => ls.filter(a => a.tabIndex !== -1 || a.getAttribute('aria-hidden') !== 'true')"
                              ".length") == 0
    stops = set()
    for _ in range(200):
        page.keyboard.press("Tab")
        stops.add(page.evaluate("document.activeElement.className"))
        if page.evaluate("document.activeElement.closest('footer') !== null"):
            break
    assert "headerlink" not in stops
    # The mouse still finds it, to copy a section's address.
    heading = page.locator("h2:has(> .headerlink)").first
    heading.hover()
    assert heading.locator(".headerlink").evaluate("a => getComputedStyle(a).visibility") == "visible"


def test_a_phone_shows_no_permalinks_a_tap_would_land_on(phone_tab):
    page = phone_tab.page
    phone_tab.goto("timeline/")
    assert page.locator(".md-typeset .headerlink").count() > 3
    assert page.locator(".md-typeset .headerlink").evaluate_all(
        "ls => ls.filter(a => getComputedStyle(a).display !== 'none').length") == 0


def test_a_word_longer_than_a_phones_line_breaks_in_a_stacked_table(tab):
    page = tab.page
    try:
        page.set_viewport_size({"width": 360, "height": 740})
        tab.goto("people/liu-zhigang/")
        cell = page.locator(".lg-stack td").nth(1)
        cell.evaluate("td => { td.querySelector('a').textContent = 'Supercalifragilistic'.repeat(6); }")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        # (the table scrolls in its frame: its cells grew as wide as the word, and cut it off)
        assert cell.evaluate("td => td.getBoundingClientRect().right") <= 360
    finally:
        page.set_viewport_size(DESKTOP)


def test_a_term_in_a_title_or_an_editors_page_is_read_from_the_keyboard(tab):
    """A term shown by an <abbr> could be read with a mouse only: in an article's title (the
    seed's "retreat Meeting") and on the editors' pages (an accessibility review). In the
    text, its first use, a link, is the keyboard's stop: the later uses are not."""
    page = tab.page
    tab.goto(SEED)
    title_term = page.locator("h1 abbr[title]").first
    definition = title_term.get_attribute("title")
    tab_until(page, "document.activeElement.matches('h1 abbr')", 40, "a term of the title")
    page.wait_for_function("t => [...document.querySelectorAll('.md-tooltip2--active')]"
                           ".some(e => e.innerText.trim() === t)", arg=definition, timeout=5_000)
    # The source line's term ("Rong Media Center") is in the link to its organization: the
    # link's focus shows what it means.
    source = page.locator(".provenance a[title^='Rong Media Center: ']")
    assert source.count() == 1 and source.locator("abbr").count() == 0
    meaning = source.get_attribute("title")
    # (Marked first: Material takes the title off a link as it shows its tooltip, which on a
    # busy machine it had done by the time the focus was checked, and the keys went past it.)
    source.evaluate("a => { a.dataset.lgSource = 'yes' }")
    tab_until(page, "document.activeElement.matches('.provenance a[data-lg-source]')", 40, "the source's link")
    page.wait_for_function("t => [...document.querySelectorAll('.md-tooltip2--active')]"
                           ".some(e => e.innerText.trim() === t)", arg=meaning, timeout=5_000)
    assert page.locator(".reading-edition abbr[tabindex]").count() == 0
    assert page.locator(".reading-edition abbr").count() > 0
    tab.goto("data/")
    assert page.locator(".md-typeset abbr[title]").count() > 0
    assert page.locator(".md-typeset abbr[title]:not([tabindex='0'])").count() == 0


def test_on_a_touch_screen_enter_on_a_terms_link_follows_it_at_once(phone_tab):
    """Only a finger's first tap is held to show the meaning: Enter on the focused link, or a
    screen reader's activation, was swallowed once (a review of this session's change)."""
    page = phone_tab.page
    phone_tab.goto(SEED)
    term = page.locator(".reading-edition a.term").nth(2)
    term.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/glossary/" in page.url
    phone_tab.goto(SEED)
    with page.expect_navigation():  # a click with no finger (a screen reader's) follows it too
        page.locator(".reading-edition a.term").nth(2).evaluate("a => a.click()")
    assert "/glossary/" in page.url
    # Nor after a finger came down on it and its press was cancelled (held, or a scroll).
    phone_tab.goto(SEED)
    with page.expect_navigation():
        page.locator(".reading-edition a.term").nth(2).evaluate(
            "a => { a.dispatchEvent(new PointerEvent('pointerdown', {pointerType: 'touch', bubbles: true}));"
            " a.dispatchEvent(new PointerEvent('pointercancel', {pointerType: 'touch', bubbles: true})); a.click(); }")
    assert "/glossary/" in page.url
