"""axe-core (axe-playwright-python, bundled: nothing fetched) on the pages a reader meets
first, at phone and desktop widths, and on the search with its results open: no serious or
critical violation."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import DESKTOP, PHONE, READER_PAGES, SEED, tab_until

pytestmark = pytest.mark.browser

AXE = Axe()
BLOCKING = {"serious", "critical"}


def violations(page) -> list[str]:
    found = AXE.run(page).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at " + ", ".join(str(n["target"]) for n in v["nodes"][:5])
        for v in found if v["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("path", READER_PAGES.values(), ids=READER_PAGES.keys())
def test_no_serious_axe_violations_desktop(tab, path):
    tab.goto(path)
    assert violations(tab.page) == []


@pytest.mark.parametrize("path", ["", SEED], ids=["home", "seed article"])
def test_no_serious_axe_violations_phone(phone_tab, path):
    phone_tab.goto(path)
    assert violations(phone_tab.page) == []


# The contrast of an element's text on the first background behind it that is not clear.
CONTRAST = r"""el => {
  const rgb = s => s.match(/[0-9.]+/g).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(c => c / 255).map(c => c <= .03928 ? c / 12.92 : ((c + .055) / 1.055) ** 2.4)
    .reduce((sum, c, i) => sum + c * [.2126, .7152, .0722][i], 0);
  let back = [255, 255, 255];
  for (let n = el; n; n = n.parentElement) {
    const c = rgb(getComputedStyle(n).backgroundColor);
    if (c.length < 4 || c[3] === 1) { back = c; break; }
  }
  const [hi, lo] = [lum(rgb(getComputedStyle(el).color)), lum(back)].sort((a, b) => b - a);
  return Math.round((hi + .05) / (lo + .05) * 100) / 100;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_link_the_keyboard_or_the_pointer_is_on_keeps_the_contrast_text_needs(tab, dark_tab, scheme):
    """A focused or hovered link takes the accent colour: Material's indigo was 4.25:1 on white
    and 3.35:1 on the dark scheme's grey provenance box, on 33 of the 45 stops of the seed's
    page (an accessibility review). Links of the sidebar, the provenance box, the notes' marks
    and the text, focused, then under the pointer."""
    tab = tab if scheme == "light" else dark_tab
    page = tab.page
    tab.goto(SEED)
    page.add_style_tag(content="* { transition: none !important; }")  # Material fades the colour in
    links = page.locator(".md-sidebar--primary a.md-nav__link, .md-content a[href]").filter(visible=True)
    low = []
    for i in range(min(links.count(), 60)):
        link = links.nth(i)
        for act in (link.focus, link.hover):
            act()
            ratio = link.evaluate(CONTRAST)
            if ratio < 4.5:
                low.append((act.__name__, link.inner_text()[:30], ratio))
        page.mouse.move(0, 0)
    assert links.count() > 30 and low == []


def test_no_serious_axe_violations_with_search_results_open(tab):
    page = tab.page
    tab.goto()
    page.locator("#lg-search-query").click()
    page.keyboard.type("Zhengzhou")
    page.wait_for_function("document.querySelector('[data-lg-search]').getAttribute('data-lg-search-done') === 'Zhengzhou'")
    page.wait_for_timeout(500)  # let the panel's opening transition finish
    assert violations(page) == []


@pytest.mark.parametrize("path", ["editors/", "performance/", "data/"])
def test_no_serious_axe_violations_on_the_maintainers_pages(tab, path):
    """The editors' guide, the performance page and the data page are read too: their code's
    comments and names were grey on grey (4.47:1, under the 4.5:1 text needs)."""
    tab.goto(path)
    assert violations(tab.page) == []


@pytest.mark.parametrize("width", [360, 390])
@pytest.mark.parametrize("path", ["editors/", "performance/"])
def test_no_serious_axe_violations_on_a_phone_where_tables_scroll_sideways(phone_tab, path, width):
    """On a phone the guide's and the performance page's wide tables scroll sideways in
    Material's frame, and their long lines of code in their boxes, which the keyboard could
    not reach (axe: scrollable-region-focusable; Material makes a code block a stop of the
    Tab key only where the pointer can hover)."""
    phone_tab.page.set_viewport_size({"width": width, "height": PHONE["height"]})
    phone_tab.goto(path)
    assert violations(phone_tab.page) == []


SCROLLING_TABLES = """() => [...document.querySelectorAll('.md-typeset__scrollwrap')]
    .filter(f => f.scrollWidth > f.clientWidth + 1)
    .map(f => ({tabindex: f.getAttribute('tabindex'), role: f.getAttribute('role'), name: f.getAttribute('aria-label')}))"""


def test_a_table_that_scrolls_sideways_is_a_named_stop_of_the_tab_key(phone_tab):
    """Each table that scrolls sideways is a stop of the Tab key, a region named after the
    heading it is under (and which of its tables it is), framed while the keyboard is on it;
    the arrow keys scroll it. A table that fits is no stop."""
    page = phone_tab.page
    phone_tab.goto("performance/")
    frames = page.evaluate(SCROLLING_TABLES)
    assert len(frames) >= 3, frames
    assert all(f["tabindex"] == "0" and f["role"] == "region" and f["name"] for f in frames), frames
    names = [f["name"] for f in frames]
    assert len(set(names)) == len(names), names
    assert names[0] == "Table under “Targets”"
    assert "Table 1 of 5 under “100 synthesized articles (101 in the archive)”" in names
    tab_until(page, "document.activeElement.classList.contains('md-typeset__scrollwrap')", 200, "a table's frame")
    focused = page.evaluate("""() => { const f = document.activeElement, s = getComputedStyle(f);
        return {name: f.getAttribute('aria-label'), outline: s.outlineStyle, width: parseFloat(s.outlineWidth),
                left: f.scrollLeft}; }""")
    assert focused["name"] == "Table under “Targets”", focused
    assert focused["outline"] == "solid" and focused["width"] >= 2, focused
    assert focused["left"] == 0
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.activeElement.scrollLeft > 0", timeout=5_000)
    # Made wide enough (a phone turned, a window widened), the table fits: no stop, no region.
    page.set_viewport_size(DESKTOP)
    page.wait_for_function("() => !document.querySelector('.md-typeset__scrollwrap').hasAttribute('tabindex')",
                           timeout=5_000)
    first = page.locator(".md-typeset__scrollwrap").first
    assert first.get_attribute("role") is None and first.get_attribute("aria-label") is None
    assert phone_tab.errors == []


def test_no_serious_axe_violations_on_the_404_page(tab):
    tab.goto("no-such-page/", status=404)
    assert violations(tab.page) == []


def test_skip_to_content_leads_to_the_articles_title(tab):
    """The first Tab reaches "Skip to content"; following it lands on the article's title,
    above its dates, source and credits (Material's own link went past them)."""
    tab.goto(SEED)
    page = tab.page
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    assert skip.evaluate("a => a === document.activeElement"), "the first Tab does not reach the skip link"
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash === '#lg-title'")
    title = page.locator("#lg-title")
    assert title.inner_text().strip() == "Louxing District held the 2022 Work safety retreat Meeting"
    assert title.evaluate("h => h.compareDocumentPosition(document.querySelector('.provenance')) & "
                          "Node.DOCUMENT_POSITION_FOLLOWING")


@pytest.mark.parametrize(("path", "status", "title"), [
    ("tags/work-safety/", 200, "Tag: Work safety"),
    ("timeline/events/zhengzhou-7-20-rainstorm/", 200, None),
    ("no-such-page/", 404, "Page not found"),
])
def test_a_page_without_contents_has_a_skip_link_too(tab, path, status, title):
    """Material writes "Skip to content" only where a page has a table of contents: a tag's
    list, an event's page and the 404 page had none, and the keyboard went through the header
    and the navigation first (WCAG 2.4.1)."""
    tab.goto(path, status=status)
    page = tab.page
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    assert skip.evaluate("a => a === document.activeElement"), "the first Tab does not reach the skip link"
    assert skip.inner_text().strip() == "Skip to content"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # the next stop is in the page's content, past the navigation
    assert page.evaluate("!!document.activeElement.closest('.md-content')"), page.evaluate(
        "document.activeElement.outerHTML.slice(0, 120)")
    if title:
        assert page.locator("h1").first.inner_text().strip().startswith(title)


@pytest.mark.parametrize(("path", "current"), [("glossary/", "page"), ("glossary/power-list/", "true")])
def test_the_navigations_link_to_where_the_reader_is_is_marked_by_more_than_its_colour(tab, path, current):
    """The current page's link in the sidebar differed from the others by its colour alone
    (2.3:1 in light), and said nothing to a screen reader (WCAG 1.4.1, 1.3.1)."""
    tab.goto(path)
    links = tab.page.locator(".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link")
    marked = [(links.nth(i).inner_text().strip(), links.nth(i).get_attribute("aria-current"),
               links.nth(i).evaluate("a => getComputedStyle(a).fontWeight")) for i in range(links.count())]
    here = [m for m in marked if m[1]]
    assert [(name, aria) for name, aria, _ in here] == [("Glossary", current)], marked
    assert here[0][2] == "700" and all(weight != "700" for _, aria, weight in marked if not aria), marked


def test_the_verbatim_sources_control_is_not_read_out_with_its_checksum(tab):
    """A screen reader read the 64 figures of the checksum each time it reached the control
    that opens the verbatim source; the checksum is read in the citation below it."""
    from playwright.sync_api import expect

    tab.goto(SEED)
    summary = tab.page.locator("details.verbatim > summary")
    expect(summary).to_have_accessible_name("The text exactly as it was archived")
    assert "SHA-256 c6ea5eef" in " ".join(summary.inner_text().split())  # still shown
    expect(tab.page.locator("p.cite")).to_contain_text("SHA-256 of the archived source: c6ea5eef")


HIDDEN_BY_THE_HEADER = """() => { const el = document.activeElement, r = el.getBoundingClientRect();
  const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
  const button = document.querySelector('.md-top'), b = button.getBoundingClientRect();
  const under = !button.hidden && getComputedStyle(button).visibility !== 'hidden' && r.top < b.bottom && b.top < r.bottom && r.left < b.right && b.left < r.right;
  return r.height > 0 && (r.top < header || under) ? (el.textContent || el.tagName).trim().slice(0, 40) : null; }"""


@pytest.mark.parametrize("which", ["desktop", "phone"])
@pytest.mark.parametrize("path", [SEED, "timeline/"])
def test_tabbing_backwards_never_leaves_the_focus_under_the_header(tab, phone_tab, which, path):
    """Shift+Tab up an article scrolled each link to the very top of the window, under the
    header that stays there: 12 of its 60 stops were hidden on a desktop, 14 on a phone
    (WCAG 2.4.11). Then just below it, under "Back to top", which shows as the page goes up:
    38 of 60 stops on a phone, the link "Louxing District" wholly."""
    tab = tab if which == "desktop" else phone_tab
    page = tab.page
    tab.goto(path)
    page.locator(".md-content a[href]").last.focus()
    hidden, stops = [], 0
    while stops < 120 and page.evaluate("!!document.activeElement.closest('.md-content')"):
        page.keyboard.press("Shift+Tab")
        stops += 1
        if page.evaluate("!!document.activeElement.closest('.md-main')"):
            hidden.append(page.evaluate(HIDDEN_BY_THE_HEADER))
    assert stops > 20, stops  # the walk went up the page
    assert [h for h in hidden if h] == []


@pytest.mark.parametrize("key", ["n", ".", "p", ","])
def test_a_letter_or_a_mark_pressed_on_a_page_does_not_leave_it(tab, key):
    """Material went to the previous or the next page on "p", ",", "n" and "." (and search
    took "s" and "f"): single keys that a speech-control user's words press (WCAG 2.1.4)."""
    tab.goto("glossary/")
    page = tab.page
    assert page.locator('link[rel="next"]').count() and page.locator('link[rel="prev"]').count()
    page.locator("h1").click()
    page.keyboard.press(key)
    page.wait_for_timeout(400)
    assert page.url == tab.base + "glossary/"


def test_the_hidden_back_to_top_button_is_no_stop_of_the_tab_key(tab):
    """Material's "Back to top", hidden until the reader scrolls back up, was an invisible stop
    of the Tab key on every page that had not been scrolled."""
    page = tab.page
    tab.goto("people/dang-jianguo/")
    stops = []
    for _ in range(80):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.className || document.activeElement.tagName"))
        if stops[-1] == "BODY" or "md-footer" in page.evaluate("document.activeElement.closest('footer') ? "
                                                              "'md-footer' : ''"):
            break
    assert not [stop for stop in stops if "md-top" in stop], stops
    # Shown (after scrolling down, then a little up), it is a button the keyboard reaches.
    tab.goto(SEED)
    page.mouse.wheel(0, 4000)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -300)
    page.wait_for_function("!document.querySelector('.md-top').hidden")
    page.locator(".md-top").focus()
    assert page.evaluate("document.activeElement.classList.contains('md-top')")


def test_on_a_narrow_screen_the_keyboard_opens_the_menu_and_never_tabs_into_it_closed(browser, site_url):
    """At 390 px (a phone, or a zoomed desktop window) the menu is off the screen: its links
    took a dozen invisible Tab stops, and its button (a label) could not be reached."""
    from conftest import PHONE, _open_tab

    context, tab = _open_tab(browser, site_url, PHONE)
    try:
        tab.goto(SEED)
        page = tab.page
        stops = []
        for _ in range(12):
            page.keyboard.press("Tab")
            stops.append(page.evaluate(
                "() => { const e = document.activeElement; const r = e.getBoundingClientRect();"
                " return {menu: !!e.closest('.md-sidebar--primary'), button: e.hasAttribute('data-lg-menu'),"
                " visible: r.right > 0 && r.left < innerWidth} }"))
        assert not any(s["menu"] for s in stops), stops
        assert all(s["visible"] for s in stops), stops
        assert any(s["button"] for s in stops), "the menu button is not reached by Tab"
        button = page.locator("[data-lg-menu]")
        button.focus()
        assert button.get_attribute("aria-expanded") == "false"
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.activeElement.closest('.md-sidebar--primary') !== null")
        assert button.get_attribute("aria-expanded") == "true"
        # It slides onto the screen.
        page.wait_for_function("() => document.querySelector('.md-sidebar--primary a[href]')"
                               ".getBoundingClientRect().left >= 0")
        page.keyboard.press("Escape")
        page.wait_for_function("() => document.activeElement.hasAttribute('data-lg-menu')")
        assert button.get_attribute("aria-expanded") == "false"
        assert not page.locator("#__drawer").is_checked()
        scrolled = page.evaluate("() => scrollY")
        page.keyboard.press("Space")  # as a button does, without scrolling the page
        page.wait_for_function("() => document.activeElement.closest('.md-sidebar--primary') !== null")
        assert page.locator("#__drawer").is_checked() and page.evaluate("() => scrollY") == scrolled
        # Tab past its last link closed it: the focus went on to the page's links under the
        # menu and its overlay, out of sight.
        links = page.locator(".md-sidebar--primary a[href]").count()
        tab_until(page, "!document.activeElement.closest('.md-sidebar--primary')", links + 3, "past the menu")
        page.wait_for_function("() => !document.getElementById('__drawer').checked")
        assert button.get_attribute("aria-expanded") == "false"
        assert page.evaluate("() => { const r = document.activeElement.getBoundingClientRect();"
                             " return r.right > 0 && r.left < innerWidth }"), "the focus is off the screen"
    finally:
        context.close()


STOP = """() => { const e = document.activeElement, r = e.getBoundingClientRect();
  return {text: e.textContent.trim().slice(0, 40), role: e.getAttribute('role'),
          seen: r.width > 0 && r.right > 0 && r.left < innerWidth && r.bottom > 0 && r.top < innerHeight
                && getComputedStyle(e).visibility === 'visible'}; }"""


@pytest.mark.parametrize("path", ["timeline/", ""], ids=["timeline", "home"])
def test_on_a_narrow_screen_the_contents_of_a_page_the_navigation_lists_are_reached_by_the_keyboard(phone_tab, path):
    """In the menu of the timeline (the home page, the data page), the Tab key went past the
    page's own entry, a label it never reached, into the links of its table of contents: a
    panel out of sight, while the menu's list scrolled away and looked empty."""
    page = phone_tab.page
    phone_tab.goto(path)
    page.locator("[data-lg-menu]").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.closest('.md-sidebar--primary') !== null")
    page.wait_for_timeout(300)  # the menu's sliding in
    stops = []
    for _ in range(12):
        stops.append(page.evaluate(STOP))
        if stops[-1]["role"] == "button":
            break
        page.keyboard.press("Tab")
    assert all(stop["seen"] for stop in stops), stops
    assert stops[-1]["role"] == "button", f"the page's own entry is not reached: {stops}"
    entry = page.locator(".md-sidebar--primary label.md-nav__link[for=__toc]")
    assert entry.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Tab")  # past the closed panel, not into it
    after = page.evaluate(STOP)
    assert after["seen"] and not page.evaluate("() => !!document.activeElement.closest('.md-nav--secondary')"), after
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert entry.get_attribute("aria-expanded") == "true"
    assert page.evaluate("() => document.activeElement.closest('.md-nav--secondary') !== null"), \
        "Enter did not take the focus into the contents"
    page.wait_for_timeout(300)  # the panel's sliding in
    first = page.evaluate(STOP)
    assert first["seen"], first
    # On through the panel's links, and out of the menu: never to the entries under the panel.
    inside = "() => document.activeElement.closest('.md-nav--secondary') !== null"
    for _ in range(page.locator(".md-sidebar--primary .md-nav--secondary a[href]").count() + 1):
        if not page.evaluate(inside):
            break
        page.keyboard.press("Tab")
    assert not page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')"), page.evaluate(STOP)
    # The menu closed with its panel: opened again, it starts at its entries.
    page.wait_for_function("() => !document.getElementById('__drawer').checked")
    assert entry.get_attribute("aria-expanded") == "false"
    page.locator("[data-lg-menu]").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.closest('.md-sidebar--primary') !== null")
    page.wait_for_timeout(300)  # the menu's sliding in
    assert page.evaluate(STOP)["seen"]
    entry.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    page.keyboard.press("Shift+Tab")  # the panel's way back, a button too
    assert page.evaluate(STOP)["role"] == "button" and page.evaluate(STOP)["seen"]
    page.keyboard.press("Enter")
    assert entry.get_attribute("aria-expanded") == "false"
    assert page.evaluate("() => document.activeElement.getAttribute('for')") == "__toc"
    assert phone_tab.errors == []


def test_on_a_narrow_screen_the_menu_gives_the_contents_of_a_page_the_navigation_does_not_list(phone_tab):
    """On a phone an article (a glossary entry, a person...) had no table of contents at all:
    Material gives it in the menu for the pages of its navigation only."""
    tab = phone_tab
    tab.goto(SEED)
    page = tab.page
    page.locator("label.md-header__button[for=__drawer]").tap()
    contents = page.locator("[data-lg-contents]")
    contents.wait_for(state="visible")
    assert contents.locator(".lg-contents__title").inner_text() == "On this page"
    assert contents.locator("a").evaluate_all("links => links.map(a => [a.getAttribute('href'), a.textContent])") == [
        ["#reading-edition", "Reading edition"], ["#editors-notes", "Editors' notes"],
        ["#in-this-article", "In this article"], ["#verbatim-source", "Verbatim source"],
        ["#cite-this-page", "Cite this page"]]
    contents.locator("a[href='#verbatim-source']").tap()
    page.wait_for_function("() => location.hash === '#verbatim-source' && !document.getElementById('__drawer').checked")
    assert tab.errors == []
    # A page of the navigation has Material's own, once. (Left only once this page has loaded
    # everything: a request still on its way, the icon, fails when the page is left.)
    page.wait_for_load_state("networkidle")
    tab.goto("data/")
    page.locator("label.md-header__button[for=__drawer]").tap()
    page.wait_for_function("() => document.querySelector('.md-sidebar--primary a[href]').getBoundingClientRect().left >= 0")
    assert page.locator("[data-lg-contents]").count() == 0
    assert page.locator(".md-sidebar--primary .md-nav--secondary a[href^='#']").count() > 0
    assert tab.errors == []
