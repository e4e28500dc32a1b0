"""Search as a reader uses it: typing into the header box (Pagefind in Material's search
box), in English, Chinese and pinyin, on a desktop and on a phone, with the keyboard."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest
from conftest import DESKTOP, PHONE, SEED, _open_tab, search, search_results, tab_until, type_query
from test_browser_accessibility import violations
from test_browser_dark import CONTRAST

pytestmark = pytest.mark.browser

TERM_DA_FEI = "glossary/cracking-down-on-illegal-activities-and-preventing-violations/"


@pytest.fixture(scope="module")
def search_tab(browser, site_url):
    """One page for the ranking tests: Pagefind loads once, each test types a query."""
    context, tab = _open_tab(browser, site_url, DESKTOP)
    tab.goto(SEED)
    yield tab
    context.close()


# Glossary entries and people rank first for their names (English, Chinese); pinyin and
# the Chinese of other entries find them among the first three.
@pytest.mark.parametrize(("query", "expected", "within"), [
    ("three principles", "glossary/three-principles/", 1),
    ("Liu Zhigang", "people/liu-zhigang/", 1),
    ("打非治违", TERM_DA_FEI, 1),
    ("da fei zhi wei", TERM_DA_FEI, 3),
    ("dǎ fēi zhì wéi", TERM_DA_FEI, 3),
    ("人民至上", "glossary/people-first-life-is-supreme/", 3),
    # A search review: what a reader typed found other pages first, or nothing.
    ("30 April 2022", SEED, 2),  # the day it was published (the provenance was out of the index)
    ("11 February 2022", SEED, 2),  # the day of the meeting it reports
    # The same days typed in figures (a date as a Chinese or an ISO reader writes it found the
    # data page's example, or nothing).
    ("2022-04-30", SEED, 2),
    ("2022年4月30日", SEED, 2),
    ("4/30/2022", SEED, 2),
    ("2022-02-11", SEED, 1),
    ("Emergency management", "tags/emergency-management/", 1),  # a tag's name
    ("Meetings", "tags/meetings/", 2),  # (after the entry "retreat meeting")
    ("Louxing District", "tags/louxing/", 2),  # (after the district's committee, whose name it is)
    # An entry's other written forms, metadata for the search box (namedFirst), do not weigh in
    # Pagefind's ranking: they put every entry with "safety" in one above the organization and
    # the tag (7th). The tag ties with the three-year campaign's entry (titles of the same
    # weight, "safety" once in each): which comes 5th follows the length of other pages (60
    # words more on the data page swapped them), so the tag is held to the first six.
    ("safety", "organizations/louxing-district-safety-committee/", 3),
    ("safety", "tags/work-safety/", 6),
])
def test_search_ranks_the_entry_first(search_tab, query, expected, within):
    results = search(search_tab, query)
    assert expected in results[:within], f"{query!r}: {expected} not in the first {within} of {results}"
    assert not search_tab.errors and not search_tab.external


def test_part_of_the_chinese_a_definition_gives_finds_the_entry(search_tab):
    """A reader's review: 委员会 ("committee") found no page, though four entries' definitions
    give 安全生产委员会: Pagefind keeps a run of Chinese as one word and finds it from its start
    only, and the inner words were indexed for an entry's own Chinese alone."""
    results = search(search_tab, "委员会")
    assert {f"glossary/{level}-safety-committee/" for level in ("district", "county", "city", "provincial")} <= \
        set(results), results


def test_every_glossary_entry_is_found_first_by_its_chinese_and_its_pinyin(search_tab, built_site):
    """The issue: "The Chinese and pinyin of every glossary entry are searchable", not only
    the two entries above: each entry's Chinese, its pinyin as written (with tones) and as
    typed on a keyboard without them find it first."""
    entries = json.loads((built_site / "data" / "glossary.json").read_text(encoding="utf-8"))
    missed = []
    for entry in entries:
        pinyin = entry.get("pinyin") or ""
        toneless = "".join(c for c in unicodedata.normalize("NFD", pinyin) if not unicodedata.combining(c))
        for query in {entry.get("zh"), pinyin, toneless} - {None, ""}:
            results = search(search_tab, query)
            if results[:1] != [f"glossary/{entry['slug']}/"]:
                missed.append(f"{query!r}: {results[:3]}")
    assert len(entries) >= 12 and not missed, missed


@pytest.mark.parametrize(("query", "before"), [
    ("people first", ["glossary/people-first-life-is-supreme/", SEED]),
])
def test_the_data_page_ranks_below_the_pages_its_examples_quote(search_tab, query, before):
    """The data page's examples quote the seed, and it came second for "people first" and
    first for "source line", above the article; it is still found (and first for "schema").
    ("source line" now finds it first again, and rightly: of all the pages, only it holds
    those words side by side, and pages that do come first.)"""
    results = search(search_tab, query)
    assert "data/" in results, results
    assert all(page in results[:results.index("data/")] for page in before), results
    assert search(search_tab, "schema")[0] == "data/"
    assert search(search_tab, "source line")[:2] == ["data/", SEED]


HAN_WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


@pytest.mark.parametrize("query", ["安全", "安委", "人民至上", "区委", "委员会", "three principles", "people first"])
def test_excerpts_read_as_text(search_tab, query):
    """Excerpts show the page's words: not the strings of Chinese fragments indexed so that
    part of a Chinese term finds it (安委 finds 区安委会), nor one of them before the Chinese
    that holds it ("人民至上 人民至上、生命至上"), and not a label run into its value
    ("Chinesenot known")."""
    assert search(search_tab, query)
    excerpts = search_tab.page.locator(".lg-search-result__excerpt").all_inner_texts()
    assert excerpts and all(excerpts), excerpts
    # What matched is still marked where fragments were left out: highlighted, in the colour
    # of the excerpt and not underlined (blue and underlined, it read as a link of its own).
    marks = search_tab.page.locator(".lg-search-result__excerpt mark")
    assert marks.count() > 0
    style = marks.first.evaluate("""m => { const s = getComputedStyle(m), p = getComputedStyle(m.parentElement);
        return [s.color === p.color, s.textDecorationLine, s.backgroundColor]; }""")
    assert style[0] and style[1] == "none" and style[2] not in ("rgba(0, 0, 0, 0)", "transparent"), style
    for text in excerpts:
        run = longest = 0
        for word in text.split():
            run = run + 1 if HAN_WORD.fullmatch(word) else 0
            longest = max(longest, run)
        assert longest < 3, f"{query!r}: a string of Chinese fragments in the excerpt {text!r}"
        words = [w.strip(".,;:") for w in text.split()]
        repeated = [(a, b) for a, b in zip(words, words[1:], strict=False) if HAN_WORD.fullmatch(a) and a in b]
        assert not repeated, f"{query!r}: a Chinese fragment before the word that holds it in {text!r}"
        assert not re.search(r"[“‘(] | [”’)]", text), f"{query!r}: a quotation mark apart from its words in {text!r}"
        assert not re.search(r"(Chinese|Pinyin|Category|Confidence|Also written)(?=[^\s:])", text), text
    # Chinese is marked as Chinese (a screen reader read 安委会 with an English voice), in the
    # excerpts and their marks alike; nothing else is.
    wrong = search_tab.page.evaluate(r"""() => {
        const out = [], han = /[\u3400-\u9fff]/;
        const walker = document.createTreeWalker(document.querySelector('.md-search-result'), NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const lang = n.parentElement.closest('[lang]').getAttribute('lang');
          if (han.test(n.textContent) !== (lang === 'zh')) out.push([n.textContent, lang]);
        }
        return out; }""")
    assert not wrong, wrong


def test_results_say_where_every_article_using_a_term_is_listed(tab):
    tab.goto(SEED)
    hint = tab.page.locator("[data-lg-search-hint]")
    assert not hint.is_visible()
    search(tab, "safety")
    assert hint.is_visible() and "glossary" in hint.inner_text()
    assert "Chinese" not in hint.inner_text()
    search(tab, "安全")  # the articles are in English: a reader is told what Chinese finds
    assert "The articles are English translations: Chinese finds the glossary's terms" in hint.inner_text()
    # Not under a search that found no article nor entry: a credited name's page alone, or
    # nothing (it read as an answer to another question: a reader's review).
    for query, found in (("Huang Miao", 1), ("xyzzyq", 0)):
        search(tab, query)
        assert tab.page.locator(".md-search-result__item").count() == found, query
        assert not hint.is_visible(), query
    search(tab, "safety")
    hint.locator("a").click()
    tab.page.wait_for_url(tab.base + "glossary/")
    assert not tab.errors and not tab.external


@pytest.mark.parametrize(("typed", "searched"), [
    ("2022-04-30", "30 April 2022"),
    ("2022/4/30", "30 April 2022"),
    ("2022.04.30", "30 April 2022"),
    ("30.04.2022", "30 April 2022"),  # the day first, as most of the world writes it
    ("4/30/2022", "30 April 2022"),  # the month first, as Americans write it
    ("5/5/2022", "5 May 2022"),
    ("4/5/2022", "4/5/2022"),  # 4 May or April 5: left as typed
    ("2022年4月30日", "30 April 2022"),
    ("2022年4月30日安全", "30 April 2022 安全"),
    ("2022 年 4 月", "April 2022"),
    ("2022-04", "April 2022"),
    ("safety 2022-04-30 Louxing", "safety 30 April 2022 Louxing"),
    ("2024-02-29", "29 February 2024"),
    ("2023-02-29", "2023-02-29"),  # no such day
    ("2022-13-01", "2022-13-01"),
    ("7-20", "7-20"),  # the Zhengzhou rainstorm of 20 July, as the glossary names it
    ("2021-2025", "2021-2025"),  # a five-year plan's years
    ("2022-04-30-louxing", "2022-04-30-louxing"),  # the start of an article's address
    ("x2022-04-30", "x2022-04-30"),
    ("2022-04-305", "2022-04-305"),
    ("04/2022", "April 2022"),
    # A day and a month either way round, left as typed: its month and year were read as a
    # month ("2/11/2022" was searched as "2/November 2022": a search review).
    ("2/11/2022", "2/11/2022"), ("12/10/2022", "12/10/2022"), ("3/12/2021", "3/12/2021"),
    # Numbers, not dates (a review of the feature): a decimal, a document's number, a year
    # no article has, a month after a point.
    ("1000.5", "1000.5"), ("No. 2021-5 hidden dangers", "No. 2021-5 hidden dangers"), ("1850-04-30", "1850-04-30"),
    ("2021.04", "2021.04"),
    # Full-width figures and separators (a Chinese keyboard) and typographic dashes; as typed
    # when they make no date.
    ("２０２２－０４－３０", "30 April 2022"), ("２０２２年４月３０日", "30 April 2022"), ("2022–04–30", "30 April 2022"),
    ("２０２２／４／３０ 安全", "30 April 2022 安全"), ("７－２０", "７－２０"), ("2021–2025", "2021–2025"),
    ("２０２２", "2022"), ("２０２２年", "2022年"),  # a year alone: searched, and offered its page, as typed in ASCII
    ("2022\u221204\u221230", "30 April 2022"), ("2022\u201104\u201130", "30 April 2022"),  # minus signs, hyphens
])
def test_a_date_typed_in_figures_is_searched_as_the_pages_write_it(tab, typed, searched):
    tab.goto("")
    assert tab.page.evaluate("q => document.querySelector('[data-lg-search]').lgDatesAsWritten(q)", typed) == searched


def test_the_status_says_how_a_date_in_figures_was_searched(search_tab):
    """The box keeps what the reader typed; the count says what was searched, and the page a
    result opens marks the date as it is written there."""
    results = search(search_tab, "2022-04-30")
    assert SEED in results[:2], results
    page = search_tab.page
    assert page.input_value("#lg-search-query") == "2022-04-30"
    assert re.fullmatch(rf"{len(results)} matching pages? for \u201c30 April 2022\u201d",
                        page.text_content("#lg-search-status")), page.text_content("#lg-search-status")
    link = page.get_attribute(f".md-search-result__link[href*='{SEED}']", "href")
    assert "h=30+April+2022" in link, link
    # Only the pages that hold the date: the data page, whose "April 2020" and "2022" are in
    # other dates, was counted too.
    assert set(results) == set(search(search_tab, '"30 April 2022"')), results
    assert not any("data/" in r for r in results), results
    # A quoted date is echoed without its own quotation marks.
    search(search_tab, '"2022-04-30"')
    assert page.text_content("#lg-search-status").endswith(" for \u201c30 April 2022\u201d")
    # A day and a month that could be either way round are searched as typed, and the count
    # says why they may find nothing ("4/5/2022" found nothing without a word: a review).
    search(search_tab, "4/5/2022")
    assert page.text_content("#lg-search-status").endswith(
        ": \u201c4/5/2022\u201d could be 4 May 2022 or 5 April 2022; write the month\u2019s name to search one of them")
    search(search_tab, "４／５／２０２２")  # typed with a Chinese keyboard
    assert page.text_content("#lg-search-status").endswith(
        ": \u201c4/5/2022\u201d could be 4 May 2022 or 5 April 2022; write the month\u2019s name to search one of them")
    search(search_tab, "safety 05.04.2022")
    assert "\u201c05.04.2022\u201d could be 5 April 2022 or 4 May 2022" in page.text_content("#lg-search-status")
    # A query with no date in figures is counted as before.
    results = search(search_tab, "30 April 2022")
    assert re.fullmatch(rf"{len(results)} matching pages?", page.text_content("#lg-search-status"))


@pytest.mark.parametrize("query", ["district committee", "Louxing District", "people first"])
def test_pages_that_hold_the_words_side_by_side_come_first(search_tab, query):
    """Pagefind ranks each word of a query alone: "Tang Tao" found, at 10,000 articles, 58
    pages of "Taoyuan" and of other Tangs before the first article naming him. The pages
    the quoted words find come first, in Pagefind's order."""
    def pages(results):  # (a timeline result opens the event that best answers its query)
        return [r.split("#")[0] for r in results]

    side_by_side = set(pages(search(search_tab, f'"{query}"')))
    count = search_tab.page.text_content("#lg-search-status")
    assert int(count.split()[0]) <= 10, count  # all of them on the first page, which search() reads
    results = pages(search(search_tab, query))
    held = [r in side_by_side for r in results]
    assert any(held) and not all(held), (query, results, side_by_side)
    assert held == sorted(held, reverse=True), f"{query!r}: {list(zip(results, held, strict=True))}"


@pytest.mark.parametrize(("hook", "query", "also"), [
    # searched as a phrase too: words side by side first
    ("lgAsPhrase", "Tang Tao", '"Tang Tao"'), ("lgAsPhrase", "  work   safety ", '"work safety"'),
    ("lgAsPhrase", "safety", None), ("lgAsPhrase", '"Tang Tao"', None), ("lgAsPhrase", "“Tang Tao”", None),
    ("lgAsPhrase", "娄星 区委", None),
    # a quoted query, searched without its quotation marks too: the order of its words
    ("lgUnquoted", '"retreat meeting"', "retreat meeting"), ("lgUnquoted", "“Tang Tao” Louxing", "Tang Tao Louxing"),
    ("lgUnquoted", "retreat meeting", None), ("lgUnquoted", '"安全"', None), ("lgUnquoted", '""', None),
])
def test_which_queries_are_also_searched_otherwise(tab, hook, query, also):
    tab.goto("")
    assert tab.page.evaluate(f"q => document.querySelector('[data-lg-search]').{hook}(q)", query) == also


def test_the_phrase_moves_its_pages_up_in_pagefinds_order(tab):
    tab.goto("")
    order = tab.page.evaluate("([r, e]) => document.querySelector('[data-lg-search]').lgPhraseFirst(r, e)",
                              [["person", "taoyuan1", "taoyuan2", "article1", "article2"], ["article2", "person", "article1"]])
    # The pages moved up are the quoted search's own results, whose places are the phrase's.
    assert order == ["quoted:person", "quoted:article1", "quoted:article2", "taoyuan1", "taoyuan2"]
    # A date alone: only the pages that hold it, if there are any.
    only = tab.page.evaluate("([r, e]) => document.querySelector('[data-lg-search]').lgPhraseFirst(r, e, true)",
                             [["data", "article", "timeline"], ["article"]])
    assert only == ["quoted:article"]
    none = tab.page.evaluate("([r, e]) => document.querySelector('[data-lg-search]').lgPhraseFirst(r, e, true)",
                             [["data", "article"], []])
    assert none == [], "a day no page holds finds none (the pages of its words apart were counted: a review)"


@pytest.mark.parametrize(("query", "alone"), [
    ("30 April 2022", True), ("April 2022", True), ("5 may 2022", True), ("safety 30 April 2022", False),
    ("April", False), ("2022", False),
])
def test_which_queries_are_a_date_alone(tab, query, alone):
    tab.goto("")
    assert tab.page.evaluate("q => document.querySelector('[data-lg-search]').lgDateOnly(q)", query) is alone


def test_a_timeline_result_opens_the_event_that_holds_the_words_side_by_side(search_tab):
    """"work safety meeting" moved the timeline page up for its event of 21 January 2022,
    which holds the three words side by side, but showed and opened the event of April 2020,
    which holds them apart, more often (a reader's review)."""
    search(search_tab, "work safety meeting")
    card = search_tab.page.locator(".md-search-result__link[href*='timeline/']").first
    assert re.search(r"work safety meeting", card.inner_text(), re.I), card.inner_text()
    assert "2020" not in card.get_attribute("href").split("#")[1], card.get_attribute("href")


# The box as a site of over 5,000 articles marks it (hooks/searchscope.py), before search.js builds it.
LEDE_ONLY = """new MutationObserver((_, watch) => {
  const box = document.querySelector("[data-lg-search]");
  if (box) { box.setAttribute("data-lg-lede-only", ""); watch.disconnect(); }
}).observe(document, {childList: true, subtree: true});"""


def test_above_5000_articles_what_is_searched_is_said_above_the_results(browser, site_url):
    """Under the results, the notice that articles are searched by their opening was never
    seen: at 10,000 articles it lay below 269 results, off the screen (a reader's review)."""
    context, tab = _open_tab(browser, site_url, DESKTOP)
    try:
        tab.page.add_init_script(LEDE_ONLY)
        tab.goto(SEED)
        scope = tab.page.locator("[data-lg-search-scope]")
        assert scope.count() == 1 and not scope.is_visible()
        search(tab, "safety")
        assert scope.is_visible() and scope.inner_text() == (
            "Articles are searched by their title, opening paragraph and editors' notes, not their whole text.")
        status, first = tab.page.locator("#lg-search-status"), tab.page.locator(".md-search-result__link").first
        assert status.bounding_box()["y"] < scope.bounding_box()["y"] < first.bounding_box()["y"]
        assert "opening" not in tab.page.locator("[data-lg-search-hint]").inner_text()
        assert not tab.errors
    finally:
        context.close()


MANY_RESULTS = """
import * as pagefind from "./pagefind.js?as-built";
export const options = pagefind.options, init = pagefind.init;
export async function search(query, more) {
  const found = await pagefind.search(query, more);
  return found && {...found, results: Array.from({length: 1234}, (_, i) => found.results[i % found.results.length])};
}
"""


def test_counts_of_results_are_written_as_the_pages_write_figures(browser, site_url):
    """A reader's review, at 1,000 articles: "1160 matching pages" and "Show 10 more of 1150
    remaining", where every page writes 1,001. (Pagefind's answer is made 1,234 long here.)"""
    context, tab = _open_tab(browser, site_url, DESKTOP)
    try:
        tab.page.route(re.compile(r".*/pagefind/pagefind\.js$"), lambda route: route.fulfill(
            status=200, content_type="text/javascript", body=MANY_RESULTS))
        tab.goto(SEED)
        search(tab, "safety")
        assert tab.page.locator("#lg-search-status").inner_text().startswith("1,234 matching pages")
        assert tab.page.locator(".lg-search-more__button").inner_text() == "Show 10 more of 1,224 remaining"
        assert not tab.errors
    finally:
        context.close()


@pytest.mark.parametrize(("query", "page", "label"), [
    ("April 2022", "articles/2022/04/", "April 2022"),
    ("2022-04-30", "articles/2022/04/", "April 2022"),  # searched as "30 April 2022"
    ("work safety april 2022", "articles/2022/04/", "April 2022"),
    ("2022", "articles/2022/", "2022"),
    # Other ways of writing them (a review of the feature).
    ("apr. 2022", "articles/2022/04/", "April 2022"), ("April, 2022", "articles/2022/04/", "April 2022"),
    ("2022 April", "articles/2022/04/", "April 2022"), ("04/2022", "articles/2022/04/", "April 2022"),
    ("2022年", "articles/2022/", "2022"),
])
def test_a_month_or_a_year_searched_offers_its_page_of_the_archive(search_tab, query, page, label):
    """Search gives a month's articles in order of relevance, among other pages: "April 2021"
    gave 144 results at 10,000 articles, not the month's page, in order of date (a reader's
    review)."""
    search(search_tab, query)
    browse = search_tab.page.locator("[data-lg-search-browse]")
    browse.wait_for(state="visible", timeout=5_000)
    link = browse.locator("a")
    assert link.inner_text() == f"Every article published in {label}, in order of date \u2192"
    assert link.get_attribute("href") == search_tab.base + page
    status, first = search_tab.page.locator("#lg-search-status"), search_tab.page.locator(".md-search-result__link").first
    assert status.bounding_box()["y"] < browse.bounding_box()["y"] < first.bounding_box()["y"]
    # The arrow keys step through it, before the results, as Tab does.
    page = search_tab.page
    page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.closest('[data-lg-search-browse]') !== null")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.classList.contains('md-search-result__link')")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("() => document.activeElement.id") == "lg-search-query"


@pytest.mark.parametrize(("query", "asked"), [
    ("April 2031", "/articles/2031/04/"),  # no article of that month: no page
    ("2031", "/articles/2031/"),
    ("safety", None),
])
def test_no_page_of_the_archive_is_offered_where_there_is_none(search_tab, query, asked):
    search(search_tab, "April 2022")
    search_tab.page.locator("[data-lg-search-browse]").wait_for(state="visible", timeout=5_000)
    search(search_tab, query)
    search_tab.page.wait_for_timeout(200)
    assert search_tab.page.locator("[data-lg-search-browse]").is_hidden()
    assert not [u for u in search_tab.requests if u.endswith(asked or "/articles/2022/04/")], \
        "a month's page is not asked for to learn whether it exists"
    assert not search_tab.errors


def test_zhengzhou_finds_the_article_and_the_timeline(search_tab):
    results = search(search_tab, "Zhengzhou")
    assert any(r.startswith("timeline/") for r in results[:3]), results
    assert SEED in results, results
    # The timeline, a page of many events, opens at the event that matched, not at its top.
    # (the event whose section says "Zhengzhou" most often)
    assert any(r.startswith("timeline/#zhengzhou-7-20-") for r in results), results


@pytest.mark.parametrize(("query", "event"), [
    ("April 2022", "#meeting"),  # both words, against "April" three times
    ("April", "#campaign"),  # one word: the most matches
    ("campaign 2020", "#campaign"),
])
def test_the_timeline_opens_at_the_event_that_answers_every_word(tab, query, event):
    """The event with the most matches won even when it matched one word of the query only
    (a search review): "April 2022" opened an event of April 2020, whose section said April
    three times, not the one of April 2022."""
    tab.goto("")
    data = {"meta": {"kind": "Timeline"}, "content": "April 2020 campaign April April 2020 . April 2022 meeting",
            "sub_results": [{"url": "/timeline/", "locations": [0, 3, 4]},
                            {"url": "/timeline/#campaign", "locations": [0, 1, 2, 3, 4, 5]},
                            {"url": "/timeline/#meeting", "locations": [7, 8]}]}
    words = data["content"].split()
    for sub in data["sub_results"]:  # only the locations of the query's words, as Pagefind gives them
        sub["locations"] = [at for at in sub["locations"] if any(w.lower() in words[at].lower() for w in query.split())]
    best = tab.page.evaluate("([d, q]) => document.querySelector('[data-lg-search]').lgBestEvent(d, q)", [data, query])
    assert best == "/timeline/" + event


def test_a_quoted_phrase_marks_its_words_in_the_titles(search_tab):
    """'"three principles"' marked neither word of the title "three principles": its words
    kept their quotation marks."""
    search(search_tab, '"three principles"')
    title = search_tab.page.locator(".lg-search-result__title", has_text=re.compile("^three principles$", re.I))
    assert title.locator("mark").all_inner_texts() == ["three", "principles"], title.inner_html()


@pytest.mark.parametrize(("title", "query", "marks"), [
    ("Safety & Health week", "fish & chips", []),  # "&" is no word (it was marked)
    ("<b>2023</b> plan", "3 < 5", []),
    ("Dang Jianguo", "Dǎng Jiànguó", ["Dang", "Jianguo"]),  # tones aside (nothing was marked)
    ("Work safety", "work", ["Work"]),
])
def test_a_results_title_marks_the_words_of_the_query(tab, title, query, marks):
    tab.goto("")
    got = tab.page.evaluate("([t, q]) => document.querySelector('[data-lg-search]').lgTitleMarks(t, q)", [title, query])
    assert got == marks


def test_a_timeline_result_is_the_event_it_opens(search_tab):
    """The timeline's result opened the event whose section held the most matches, under
    the page's excerpt, taken from another event: it read as the rainstorm of July 2021 and
    opened the investigation report of January 2022. It now shows that event's heading and
    an excerpt of its own section."""
    page = search_tab.page
    search(search_tab, "Zhengzhou")
    result = page.locator(".md-search-result__link", has=page.locator(".lg-search-result__kind", has_text="Timeline"))
    href = result.first.get_attribute("href")
    title = result.first.locator(".lg-search-result__title").inner_text()
    excerpt = result.first.locator(".lg-search-result__excerpt").inner_text().strip("…")
    anchor = href.split("#", 1)[1]
    search_tab.goto("timeline/")
    section = page.evaluate("""a => { const h = document.getElementById(a); let text = '', n = h.nextElementSibling;
        while (n && !/^H[1-3]$/.test(n.tagName)) { text += ' ' + n.textContent; n = n.nextElementSibling; }
        return [h.textContent.replace('¶', '').trim(), text.replace(/\\s+/g, ' ')]; }""", anchor)
    assert title == section[0], (title, section[0])
    words = excerpt.split()
    assert " ".join(words[:4]) in section[1] and " ".join(words[-4:]) in section[1], (excerpt, section[1])


def test_results_show_title_and_highlighted_excerpt_and_open_the_page(tab, screenshots):
    tab.goto("glossary/")
    search(tab, "Liu Zhigang")
    tab.page.wait_for_timeout(400)  # the panel's opening transition
    tab.page.screenshot(path=str(screenshots / "search-desktop.png"))
    first = tab.page.locator(".md-search-result__link").first
    assert first.locator(".lg-search-result__title").inner_text().strip() == "Liu Zhigang"
    # The name is marked in the title; the excerpt goes on after it (a person's page holds
    # little else), with the matches marked where it has them (see test_excerpts_read_as_text).
    marks = first.locator(".lg-search-result__title mark").all_inner_texts()
    assert any(m.lower() in ("liu", "zhigang", "liu zhigang") for m in marks), marks
    assert "matching page" in tab.page.locator("#lg-search-status").inner_text()
    first.click()
    tab.page.wait_for_url(re.compile(re.escape(tab.base + "people/liu-zhigang/?h=Liu+Zhigang") + "$"))
    assert tab.page.locator("article h1").inner_text().strip() == "Liu Zhigang"
    assert not tab.errors and not tab.external


@pytest.mark.parametrize("query", ["safety", "District Safety Committee", "打非治违"])
def test_an_excerpt_does_not_repeat_the_title_above_it(search_tab, query):
    """Excerpts began with the end of their own title ("Work safety retreat Meeting. On
    February 11…"): the page's <h1> is the first text Pagefind indexes."""
    assert search(search_tab, query)
    page = search_tab.page
    titles = page.locator(".lg-search-result__title").all_inner_texts()
    excerpts = page.locator(".lg-search-result__excerpt").all_inner_texts()
    assert titles and len(titles) == len(excerpts)
    for title, excerpt in zip(titles, excerpts, strict=True):
        words = title.split()
        repeated = [" ".join(words[i:]) + "." for i in range(len(words)) if excerpt.startswith(" ".join(words[i:]) + ".")]
        assert not repeated, f"{excerpt!r} starts with {repeated[0]!r}, the end of its title {title!r}"
        assert excerpt.strip(), f"the excerpt of {title!r} is empty"


def test_search_is_keyboard_accessible(tab):
    page = tab.page
    tab.goto(SEED)
    page.keyboard.press("/")  # Material's shortcut opens the search
    assert page.evaluate("document.activeElement.id") == "lg-search-query"
    assert page.locator("#__search").is_checked()
    page.keyboard.type("three principles")
    page.wait_for_function("document.querySelector('[data-lg-search]').getAttribute('data-lg-search-done') === 'three principles'")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused and focused.endswith("glossary/three-principles/?h=three+principles")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "lg-search-query"
    # Down past the last result stays on the last thing the list offers, without an error.
    offered = page.locator(".md-search-result__link, .lg-search-more__button").count()
    for _ in range(offered + 3):
        page.keyboard.press("ArrowDown")
    last = page.evaluate("document.activeElement.className")
    assert "md-search-result__link" in last or "lg-search-more__button" in last, last
    assert tab.errors == []
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()
    # A letter is the page's (a speech-control user says words): only "/" opens the search.
    for letter in "sS":
        page.keyboard.press(letter)
        assert not page.locator("#__search").is_checked(), letter
        assert page.evaluate("document.activeElement.id") != "lg-search-query", letter
    page.keyboard.press("/")
    page.keyboard.type("Liu Zhigang")
    page.wait_for_function("document.querySelector('[data-lg-search]').getAttribute('data-lg-search-done') === 'Liu Zhigang'")
    page.keyboard.press("Enter")  # opens the first result
    page.wait_for_url(re.compile(re.escape(tab.base + "people/liu-zhigang/?h=") + "Liu"))


def test_a_result_opens_its_page_with_the_query_highlighted(tab):
    """Search highlighting (Material's search.highlight, which the issue asks for): the page
    a result opens marks the query's words in its text, an English word where a word starts
    with it ("rain" marks "rainstorm"), Chinese wherever it is."""
    page = tab.page
    tab.goto()
    search(tab, "Zhengzhou rain")
    page.locator(".md-search-result__link", has=page.locator(".lg-search-result__kind", has_text="Article")).first.click()
    page.wait_for_url(re.compile(re.escape(tab.base + SEED + "?h=Zhengzhou+rain") + "$"))
    marks = page.locator("article mark[data-md-highlight]").all_text_contents()
    assert "Zhengzhou" in marks and "rain" in marks, marks
    assert all(m.lower().startswith(("zhengzhou", "rain")) for m in marks), marks
    assert page.locator("article mark[data-md-highlight]").first.is_visible()
    assert page.locator("header mark, nav mark").count() == 0  # the page's text, not the site's header or menus
    page.wait_for_load_state("networkidle")  # (a page left while its icon loads: a request aborted)
    tab.goto(TERM_DA_FEI + "?h=%E6%89%93%E9%9D%9E%E6%B2%BB%E8%BF%9D")
    assert "打非治违" in page.locator("article mark[data-md-highlight]").all_text_contents()
    # Without the query, nothing is marked.
    page.wait_for_load_state("networkidle")  # (a page left while its icon loads: a request aborted)
    tab.goto(SEED)
    assert page.locator("article mark[data-md-highlight]").count() == 0
    assert not tab.errors and not tab.external


def test_the_page_a_result_opens_marks_the_words_however_the_query_wrote_them(tab):
    """With tone marks or without them, in quotation marks, with a hyphen, "7.20" for "7·20":
    the page marked nothing (a search review)."""
    page = tab.page
    for address, query, wanted in [
        (SEED, "D%C7%8Eng+Ji%C3%A0ngu%C3%B3", {"dang", "jianguo"}),  # Dǎng Jiànguó
        (TERM_DA_FEI, "da+fei+zhi+wei", {"dǎ", "fēi", "zhì", "wéi"}),
        (SEED, "%22special+rectification%22", {"special", "rectification"}),
        (SEED, "special-rectification", {"special", "rectification"}),
        (SEED, "7.20", {"7·20"}),
        # The same word but for its ending, as Pagefind's stemmer found the page by it
        (SEED, "rectifications", {"rectification"}),
        (SEED, "responsibilities+inspections", {"responsibility", "inspection"}),
        (SEED, "committees", {"committee"}),  # stems the rough stemmer cut differently
    ]:
        page.wait_for_load_state("networkidle")  # (a page left while its icon loads: a request aborted)
        tab.goto(f"{address}?h={query}")
        marks = {m.lower() for m in page.locator("article mark[data-md-highlight]").all_text_contents()}
        assert wanted <= marks, (query, marks)
    page.wait_for_load_state("networkidle")
    tab.goto(f"{SEED}?h=dangers+meeting")  # a name of four letters is no other form of a word
    marks = {m.lower() for m in page.locator("article mark[data-md-highlight]").all_text_contents()}
    assert "dangers" in marks and "dang" not in marks, marks
    assert "Dang" in page.locator("article").inner_text()  # there, and left unmarked
    assert not tab.errors and not tab.external


@pytest.mark.parametrize(("word", "text", "marked"), [
    ("Dǎng", "Dang", True), ("da", "dǎ", True), ("Lü", "Lü", True), ("7.20", "7·20", True), ("7·20", "7.20", True),
    # Letters that are no pinyin vowel's tones are themselves (a review: "España" marked nothing).
    ("España", "España", True), ("Göteborg", "Göteborg", True), ("Zoë", "Zoë", True), ("Zoë", "Zoe", False),
    ("a+b", "a+b", True), ("safety", "safe", False), ("ê", "e", True),
])
def test_a_highlighted_word_is_found_with_or_without_pinyins_tones(tab, word, text, marked):
    tab.goto("")
    assert tab.page.evaluate("([w, t]) => document.querySelector('[data-lg-search]').lgToneless(w, t)",
                             [word, text]) is marked


@pytest.mark.parametrize(("word", "found", "same"), [
    ("committees", "committee", True), ("making", "make", True), ("mining", "mines", True), ("rating", "rate", True),
    ("families", "family", True), ("meetings", "meeting", True), ("responsibilities", "responsibility", True),
    # A stem that starts another is another word (a review: "committee" marked "committed")
    ("committee", "committed", False), ("committee", "commit", False), ("county", "count", False),
    ("jianguo", "jiang", False), ("police", "policy", False), ("planning", "plant", False),
    ("secretary", "secretariat", False),
])
def test_a_highlighted_word_marks_its_other_forms_only(tab, word, found, same):
    tab.goto("")
    assert tab.page.evaluate("([w, f]) => document.querySelector('[data-lg-search]').lgSameWord(w, f)",
                             [word, found]) is same


def test_an_excerpt_widened_for_its_chinese_keeps_what_pagefind_centred_on(search_tab):
    """"安全 safety": the widened excerpt of an entry drew its cut to an earlier match and lost
    the Chinese it was found by; "county head" ended on 安全生产委, no word (a review). (Now
    "short form", beside the same Chinese: the entry's first sentence no longer says "county".)"""
    page = search_tab.page
    for query, url, wanted in [("安全 safety", "glossary/special-rectification/", "安全"),
                               ("short form", "glossary/district-safety-committee/", "安全生产委员会")]:
        results = search(search_tab, query)
        assert url in [r.split("#")[0] for r in results], results
        excerpt = page.locator(f".md-search-result__link[href*='{url}'] .lg-search-result__excerpt").first.inner_text()
        assert wanted in excerpt, (query, excerpt)
        assert "安全生产委…" not in excerpt and not excerpt.rstrip("…").endswith("("), excerpt
    # The page's own word after its inner words is marked whole, not in part ("娄星区融媒体")
    search(search_tab, "娄星区")
    marks = page.locator(".md-search-result__link[href*='organizations/louxing-rong-media-center/'] "
                         ".lg-search-result__excerpt mark").all_inner_texts()
    assert marks and all(m in ("娄星区", "娄星区融媒体中心") for m in marks), marks


def test_escape_after_enter_stays_on_the_page(tab):
    """Enter waits for the search of what the box holds; Escape pressed meanwhile closes the
    box, and the page a result would have opened is not opened (a review)."""
    page = tab.page
    tab.goto("glossary/")
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions",
             {"offline": False, "latency": 800, "downloadThroughput": -1, "uploadThroughput": -1})
    box = page.locator("#lg-search-query")
    box.click()
    box.fill("Liu Zhigang")
    box.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_function("document.querySelector('[data-lg-search]').getAttribute('data-lg-search-done') === "
                           "'Liu Zhigang'", timeout=30_000)
    page.wait_for_timeout(1_000)
    assert page.url.endswith("/glossary/"), page.url


def test_hyphenated_words_are_searched_as_the_words(search_tab, tab):
    """"work-safety" was one word to Pagefind, "worksafety", found on the few pages that
    write the hyphen: the tag "Work safety" was not among them (a search review)."""
    hyphenated = search(search_tab, "work-safety")
    assert search_tab.page.text_content("#lg-search-status").endswith(" for \u201cwork safety\u201d")
    assert set(hyphenated) == set(search(search_tab, "work safety"))
    tab.goto("")
    for typed, searched in [("work-safety", "work safety"), ("three-year campaign", "three year campaign"),
                            ("7-20", "7-20"), ("2021-2025", "2021-2025"), ("Lü-Wei", "Lü Wei")]:
        assert tab.page.evaluate("q => document.querySelector('[data-lg-search]').lgUnhyphenated(q)", typed) == searched


def test_enter_opens_the_first_result_of_what_the_box_holds(search_tab):
    """Enter pressed within the typing pause opened the first result of the query before
    (a search review); on a page just opened, before the first results, it did nothing."""
    page = search_tab.page
    search(search_tab, "power list")
    box = page.locator("#lg-search-query")
    box.fill("Liu Zhigang")
    box.press("Enter")
    page.wait_for_url(re.compile(r".*/people/liu-zhigang/\?h=Liu\+Zhigang$"), timeout=15_000)


def test_only_the_last_word_of_a_highlighted_query_marks_the_words_it_starts(tab):
    """"Dang Jianguo" marked "dang" in "hidden dangers" on the page it opened: only the last
    word may be typed in part; the others are whole words, with an ending of their own."""
    page = tab.page
    tab.goto(SEED + "?h=Dang+Jianguo")
    marks = page.locator("article mark[data-md-highlight]").all_text_contents()
    assert "Dang" in marks and "Jianguo" in marks, marks
    assert {m.lower() for m in marks} <= {"dang", "jianguo"}, marks
    assert "dangers" in page.locator("article").inner_text()  # there, and left unmarked
    page.wait_for_load_state("networkidle")
    tab.goto(SEED + "?h=Dang+J")  # a name being typed: "Dang" is not the last word typed
    marks = page.locator("article mark[data-md-highlight]").all_text_contents()
    assert marks and {m.lower() for m in marks} == {"dang"}, marks
    page.wait_for_load_state("networkidle")
    tab.goto(SEED + "?h=meeting+safe")  # a whole word with its ending, the last word's start
    marks = {m.lower() for m in page.locator("article mark[data-md-highlight]").all_text_contents()}
    assert "meetings" in marks and "safety" in marks, marks
    assert not tab.errors and not tab.external


def test_a_highlighted_query_is_only_ever_text(tab):
    """Anyone can write ?h= into a link: it is only looked for in the page's text, never
    put in as markup, and a page it is not found on is left as it was."""
    page = tab.page
    tab.goto(SEED)
    before = page.locator("article").inner_html()
    page.wait_for_load_state("networkidle")  # (a page left while its icon loads: a request aborted)
    tab.goto(SEED + "?h=%3Cimg%20src%3Dx%20onerror%3Dwindow.hit%3D1%3E%20%22%3E%3Cb%3E((((a%2B)%2B)%2B)%24")
    assert page.locator("article").inner_html() == before
    assert page.evaluate("window.hit") is None
    page.wait_for_load_state("networkidle")  # (a page left while its icon loads: a request aborted)
    tab.goto(SEED + "?h=Liu%20%3Cb%3E")
    marked = page.locator("article mark[data-md-highlight]")
    assert marked.count() > 0 and set(marked.all_text_contents()) == {"Liu"}
    assert page.locator("article b").count() == 0
    assert not tab.errors and not tab.external


SUGGESTION = "[data-lg-search-suggest]"


@pytest.mark.parametrize(("query", "suggested"), [
    ("Zheng", "Zhengzhou"), ("three princ", "three principles"), ("liu zhi", "liu zhigang"),
    ("Zhengzhou", ""),  # a whole word: nothing to complete
    ("Zheng ", ""),  # a word ended with a space: the next one is not guessed
    ("打非", ""),  # Chinese: no words to complete
    # A word the results hold as typed, as often as any longer one: not the start of another
    # ("Tang Tao" was completed to "Tang Taoyuan" at 10,000 articles).
    ("work", ""), ("committee", ""),
    ("Zhengzhou Zheng", ""),  # not a word typed before it ("Tang Ta" was completed to "Tang Tang")
])
def test_search_suggests_the_likeliest_completion_of_the_word_being_typed(search_tab, query, suggested):
    """Search suggestions (Material's search.suggest, which the issue asks for): the
    likeliest completion of the last word, in grey behind what is typed."""
    page = search_tab.page
    type_query(page, query)
    assert page.locator(SUGGESTION).inner_text() == suggested
    if suggested:
        assert page.locator(SUGGESTION).is_visible()
        assert page.locator(SUGGESTION).get_attribute("aria-hidden") == "true"  # the results are what is announced


def test_the_right_arrow_key_accepts_the_suggestion(tab, dark_phone_tab):
    """On a desktop in the light, and on a phone in the dark."""
    for each in (tab, dark_phone_tab):
        page = each.page
        each.goto(SEED)
        if each is dark_phone_tab:  # a phone shows the box once its button in the header is tapped
            page.locator("label.md-header__button[for=__search]").tap()
        search(each, "Zheng")
        assert page.locator(SUGGESTION).inner_text() == "Zhengzhou"
        page.wait_for_timeout(500)  # the panel's opening transition
        assert violations(page) == []
        assert page.locator(SUGGESTION).evaluate(CONTRAST) >= 4.5  # a grey that can be read
        page.keyboard.press("ArrowRight")
        assert page.input_value("#lg-search-query") == "Zhengzhou"
        assert page.locator(SUGGESTION).inner_text() == ""  # gone as soon as the text changes
        page.wait_for_function("document.querySelector('[data-lg-search]').getAttribute('data-lg-search-done') === 'Zhengzhou'")
        assert SEED in search_results(each)
        # The Right arrow key anywhere but at the end of the text only moves the caret.
        search(each, "Zheng")
        page.keyboard.press("Home")
        page.keyboard.press("ArrowRight")
        assert page.input_value("#lg-search-query") == "Zheng"
        # Clearing the box clears the suggestion with it.
        page.keyboard.press("End")
        page.locator("button[type=reset]").click()
        page.wait_for_function("document.getElementById('lg-search-query').value === ''")
        assert page.locator(SUGGESTION).inner_text() == ""
        assert not each.errors and not each.external


def test_a_slow_answer_never_replaces_the_answer_to_a_newer_query(tab):
    """A reader types on while the results of what they typed first are still loading (a
    slow connection): when those arrive, last, they are dropped, so the list and its count
    stay those of the words in the box."""
    page = tab.page
    tab.goto(SEED)
    held, holding = [], [True]

    def hold(route):  # the first query's result data waits here until released
        if holding[0]:
            held.append(route)
        else:
            route.continue_()

    page.route("**/pagefind/fragment/**", hold)
    page.locator("#lg-search-query").click()
    page.keyboard.type("three principles", delay=10)
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the first query never asked for its results' data"
    holding[0] = False
    page.wait_for_timeout(300)  # the rest of the first page of results is asked for, and held
    newer = search(tab, "schema")
    status = page.locator("#lg-search-status").inner_text()
    assert newer and "glossary/three-principles/" not in newer, newer
    last = held[-1].request.url
    with page.expect_request_finished(lambda request: request.url == last):
        for route in held:
            route.continue_()
    page.wait_for_timeout(500)  # what the late answer would do, it has done by now
    assert search_results(tab) == newer
    assert page.locator("#lg-search-status").inner_text() == status
    assert page.get_attribute("[data-lg-search]", "data-lg-search-done") == "schema"
    assert not tab.errors


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_closed_search_results_are_out_of_the_tab_order(tab, phone_tab, device):
    """After Escape, Tab went to the hidden results, one by one, with nothing on screen."""
    page = (tab if device == "desktop" else phone_tab).page
    (tab if device == "desktop" else phone_tab).goto(SEED)
    page.keyboard.press("/")
    page.keyboard.type("safety")
    page.wait_for_function("document.querySelector('[data-lg-search]').getAttribute('data-lg-search-done') === 'safety'")
    assert page.locator(".md-search-result__link").count() > 0
    page.keyboard.press("Escape")
    for _ in range(3):
        page.keyboard.press("Tab")
        inside = page.evaluate("!!document.activeElement.closest('.md-search__output')")
        assert not inside, "Tab reached a result of the closed search box"


def test_slash_opens_the_search_from_the_light_dark_toggle(tab):
    """The toggle is a radio button: "/" on it did nothing, as in a field of text, and it is
    where Escape leaves the focus after a search reached by Tab (a reader's review)."""
    page = tab.page
    tab.goto(SEED)
    page.locator("[name=__palette]").first.focus()
    page.keyboard.press("/")
    assert page.locator("#__search").is_checked()
    assert page.evaluate("document.activeElement.id") == "lg-search-query"
    page.keyboard.type("safety")
    assert page.locator("#lg-search-query").input_value() == "safety"


def test_escape_gives_the_focus_back_where_it_was(tab):
    """Escape blurred the search box: the keyboard's place fell back to the page's start, and
    the next Tab went to the header's repository link, far from where the reader was."""
    page = tab.page
    tab.goto(SEED)
    page.locator("a.term").first.focus()
    term = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("/")
    page.keyboard.type("safety")
    page.wait_for_function("document.querySelector('[data-lg-search]').getAttribute('data-lg-search-done') === 'safety'")
    page.keyboard.press("ArrowDown")  # into the results, then out with Escape
    # The result the keyboard is on is framed (Material marks it with a faint tint only).
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()
    assert page.evaluate("document.activeElement.getAttribute('href')") == term


def test_search_on_a_phone(phone_tab, screenshots):
    page = phone_tab.page
    phone_tab.goto(SEED)
    panel = page.locator(".md-search__inner")
    assert panel.bounding_box()["width"] == 0  # closed: only the header's magnifier shows
    page.locator("label.md-header__button[for=__search]").tap()
    page.wait_for_function("document.activeElement && document.activeElement.id === 'lg-search-query'")
    page.wait_for_function("document.querySelector('.md-search__inner').getBoundingClientRect().width >= 380")
    results = search(phone_tab, "three principles")
    assert results[0] == "glossary/three-principles/"
    assert page.locator(".md-search-result__link").first.is_visible()
    page.wait_for_timeout(400)  # the panel's opening transition
    page.screenshot(path=str(screenshots / "search-phone.png"))
    page.locator(".md-search-result__link").first.tap()
    page.wait_for_url(re.compile(re.escape(phone_tab.base + "glossary/three-principles/?h=three+principles") + "$"))



PANEL = """() => { const r = document.querySelector('.md-search__inner').getBoundingClientRect();
  const close = document.querySelector('.md-search__form label[for=__search]').getBoundingClientRect();
  return {left: r.left, width: r.width, page: document.documentElement.scrollWidth, close: close.right}; }"""
LOCK = "() => [document.body.hasAttribute('data-md-scrolllock'), window.scrollY]"


@pytest.mark.parametrize("opened_by", ["/", "tap"])
def test_on_a_phone_the_search_is_one_screen_wide_and_the_page_scrolls_after_it(phone_tab, opened_by):
    """Opened from a keyboard (a tablet's, a phone's), the panel was 1,262 pixels wide, its
    close button and results off the screen; closed with Escape, the page no longer
    scrolled. The script set Material's toggle without telling Material's script."""
    page = phone_tab.page
    phone_tab.goto("glossary/")
    page.evaluate("window.scrollTo(0, 600)")
    page.wait_for_function("window.scrollY >= 500")
    if opened_by == "tap":
        page.locator("label.md-header__button[for=__search]").tap()
        page.wait_for_function("document.activeElement && document.activeElement.id === 'lg-search-query'")
    else:
        page.keyboard.press(opened_by)
    page.keyboard.type("liu", delay=10)
    page.wait_for_function("document.querySelector('[data-lg-search]').getAttribute('data-lg-search-done') === 'liu'")
    page.wait_for_timeout(300)  # the panel's opening transition
    panel = page.evaluate(PANEL)
    assert panel["left"] >= 0 and panel["width"] <= PHONE["width"] and panel["page"] <= PHONE["width"], panel
    assert 0 < panel["close"] <= PHONE["width"], panel
    assert page.evaluate(LOCK)[0], "the page behind the open panel scrolls"
    page.keyboard.press("Escape")
    page.wait_for_function("!document.body.hasAttribute('data-md-scrolllock')")
    assert page.evaluate("getComputedStyle(document.body).position") != "fixed", "the page is still held in place"
    assert not page.evaluate("document.getElementById('__search').checked")
    assert not phone_tab.errors


def test_on_a_phone_the_search_button_works_from_the_keyboard(phone_tab):
    """The magnifier was a label the Tab key never reached, unlike the menu button."""
    page = phone_tab.page
    phone_tab.goto(SEED)
    button = page.locator("[data-lg-search-button]")
    tab_until(page, "document.activeElement.hasAttribute('data-lg-search-button')", 6, "the search button")
    assert button.get_attribute("aria-label") == "Search" and button.get_attribute("role") == "button"
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'lg-search-query'")
    page.wait_for_function("document.querySelector('.md-search__inner').getBoundingClientRect().width >= 380")
    page.keyboard.type("committee", delay=10)
    page.wait_for_function(
        "document.querySelector('[data-lg-search]').getAttribute('data-lg-search-done') === 'committee'")
    # Fewer results left than a page of them: the button says how many, not "6 more of 6".
    # ("safety" did so until the glossary's 14th entry made it 21 pages.)
    found = int(re.match(r"(\d+) matching pages", page.locator("#lg-search-status").inner_text()).group(1))
    assert 10 < found <= 20, found  # one more page of results: the case the button's words were wrong in
    assert page.locator(".lg-search-more__button").inner_text() == f"Show the last {found - 10}"
    assert not phone_tab.errors


def test_on_a_phone_the_closed_search_is_no_stop_of_the_tab_key(phone_tab):
    """Shift+Tab from the page went to the panel's "Close search" button, out of sight, then
    to its field, which opened the full-screen panel over the page."""
    page = phone_tab.page
    phone_tab.goto(SEED)
    page.locator("article a").first.focus()
    stops = []
    for _ in range(8):
        page.keyboard.press("Shift+Tab")
        stops.append(page.evaluate("(document.activeElement.getAttribute('aria-label') || document.activeElement.id"
                                   " || document.activeElement.tagName) + (document.activeElement.closest("
                                   "'.md-search__inner') ? ' (in the closed panel)' : '')"))
        assert not page.locator("#__search").is_checked(), f"the search opened: {stops}"
    assert not [stop for stop in stops if "closed panel" in stop], stops
    assert "Search" in stops, stops  # the header's button is on the way
    assert not phone_tab.errors


def test_on_a_phone_the_way_out_of_the_search_panel_is_a_button(phone_tab, tab):
    """The arrow that closes the full-screen panel was a label that Tab never reached and a
    screen reader did not announce: no way out but Escape, which a touch screen lacks."""
    page = phone_tab.page
    phone_tab.goto(SEED)
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-lg-search-button')"):
            break
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'lg-search-query'")
    page.keyboard.type("safety", delay=10)
    page.wait_for_function("document.querySelector('[data-lg-search]').getAttribute('data-lg-search-done') === 'safety'")
    page.keyboard.press("Tab")
    closer = page.evaluate("[document.activeElement.getAttribute('role'), document.activeElement.getAttribute('aria-label'),"
                           " document.activeElement.getAttribute('for')]")
    assert closer == ["button", "Close search", "__search"]
    page.keyboard.press("Enter")
    assert not page.locator("#__search").is_checked()
    assert page.evaluate("document.activeElement.hasAttribute('data-lg-search-button')"), "the focus is lost"
    page.wait_for_function("!document.body.hasAttribute('data-md-scrolllock')")
    assert not phone_tab.errors
    # On a wide screen the label is the magnifier inside the header's field: no button there.
    tab.goto(SEED)
    assert tab.page.locator(".md-search__form label[for=__search]").get_attribute("role") is None


def kinds_by_page(tab, query: str) -> dict[str, str]:
    """The results of ``query``, best first: each page and the kind its result shows ("" if none)."""
    results = search(tab, query)
    kinds = tab.page.eval_on_selector_all(
        ".md-search-result__link",
        "links => links.map(a => (a.querySelector('.lg-search-result__kind') || {}).textContent || '')")
    return dict(zip(results, kinds, strict=True))


def test_each_result_says_what_kind_of_page_it_is(tab):
    """A glossary entry and an organization of nearly the same name, a person and the
    article that names them looked alike among the results."""
    tab.goto("glossary/")
    by_page = kinds_by_page(tab, "Liu Zhigang")
    assert by_page["people/liu-zhigang/"] == "Person"
    assert by_page[SEED] == "Article"
    assert by_page["glossary/district-safety-committee/"] == "Glossary entry"
    first = tab.page.locator(".md-search-result__link").first
    assert first.locator(".lg-search-result__title").inner_text().strip() == "Liu Zhigang"  # the title alone
    # Readable: the label was 11 px (in capitals, but small on a phone).
    assert first.locator(".lg-search-result__kind").evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 12
    kinds = list(kinds_by_page(tab, "Louxing District Safety Committee").values())
    assert "Organization" in kinds and "Glossary entry" in kinds, kinds
    by_page = kinds_by_page(tab, "Hunan Province")  # a tag's label
    assert by_page.get("tags/hunan/") == "Tag", by_page
    titles = tab.page.locator(".lg-search-result__title").all_inner_texts()
    assert titles[list(by_page).index("tags/hunan/")].strip() == "Hunan Province", titles  # not "Tag: Hunan Province"
    by_page = kinds_by_page(tab, "schema")  # the page that describes the data exports
    assert by_page.get("data/") == "Open data", by_page
    assert not tab.errors

def test_pagefind_loads_on_first_focus_and_a_query_stays_small(tab):
    page = tab.page
    tab.goto()
    page.wait_for_timeout(200)
    assert not [u for u in tab.requests if "/pagefind/" in u], "Pagefind must load only when the search is used"
    responses = []
    page.on("response", lambda r: "/pagefind/" in r.url and responses.append(r))
    search(tab, "Zhengzhou")
    sizes = {r.url: len(r.body()) for r in responses}
    assert any(u.endswith("/pagefind/pagefind.js") for u in sizes), sizes
    assert all(u.startswith(tab.base + "pagefind/") for u in sizes), sizes
    assert not any("pagefind-ui" in u for u in sizes), "the search uses Pagefind's JS API, not its UI bundle"
    assert sum(sizes.values()) < 300_000, sizes
    assert not tab.errors and not tab.external


def test_an_excerpt_in_chinese_is_as_long_as_one_in_english(search_tab):
    """The inner words of the Chinese, indexed for the search and left out of an excerpt,
    took most of its words: the seed's excerpt for 安全 was "牢安全防线 守住安全底线…"."""
    for query in ["安全", "委员会"]:
        assert search(search_tab, query)
        excerpts = search_tab.page.locator(".lg-search-result__excerpt").all_inner_texts()
        short = [e for e in excerpts if len(e.split()) < 5]
        assert not short, (query, short)


WORDS = [f"w{i}" for i in range(40)]


@pytest.mark.parametrize(("marked", "shown"), [
    ([20], ["…w8", *WORDS[9:31], "w31…"]),  # as evenly from each end as the match lets
    ([2], ["…w2", *WORDS[3:25], "w25…"]),
    ([38], ["…w15", *WORDS[16:38], "w38…"]),
    ([], [*WORDS[:23], "w23…"]),
    # Matches further apart than an excerpt: from a few words before the first (the
    # excerpt grew to 40 words, from the first match to the last: a review)
    ([6, 35], ["…w2", *WORDS[3:25], "w25…"]),
])
def test_an_excerpt_is_cut_to_24_words_around_its_match(tab, marked, shown):
    words = [f"<mark>{w}</mark>" if i in marked else w for i, w in enumerate(WORDS)]
    tab.goto("")
    tidied = tab.page.evaluate("e => document.querySelector('[data-lg-search]').lgTidyExcerpt(e)", " ".join(words))
    assert tidied.replace("<mark>", "").replace("</mark>", "").split() == shown


def test_an_excerpt_cut_after_a_sentence_starts_without_an_ellipsis(tab):
    words = ["One.", *WORDS[:30], "<mark>x</mark>", *WORDS[:9]]
    tab.goto("")
    tidied = tab.page.evaluate("e => document.querySelector('[data-lg-search]').lgTidyExcerpt(e)", " ".join(words))
    assert tidied.split()[0] == "…w7"
    words = [*WORDS[:7], "end.", *WORDS[:12], "<mark>x</mark>", *WORDS[:20]]
    tidied = tab.page.evaluate("e => document.querySelector('[data-lg-search]').lgTidyExcerpt(e)", " ".join(words))
    assert tidied.split()[0] == "w0", tidied  # the cut falls after "end."


@pytest.mark.parametrize("excerpt, shown", [
    ("Chinese <mark>人民至上</mark> 人民至上、生命至上 Pinyin", "Chinese <mark>人民至上</mark>、生命至上 Pinyin"),
    ("Chinese: 娄星区委 <mark>区委.</mark> 娄星区委 x", "Chinese: 娄星<mark>区委</mark> x"),
    # Fragments held by fragments: the match reaches the word that is shown.
    ("民至上 <mark>至上</mark> 人民至上、生命至上", "人民<mark>至上</mark>、生命至上"),
    ("x 人民 人民至 人民至上 民至 民至上 至上 生命 生命至上", "x 人民至上 生命至上"),
    ("a 甲乙 丙丁 b", "a 甲乙 丙丁 b"),  # distinct words stay
    # Of the same word twice, the page's own is kept, after its inner words, with its stop
    ("form of <mark>安全</mark> 安全生产委员会 安全生产委员会, a committee", "form of <mark>安全</mark>生产委员会, a committee"),
    ("implement the “ <mark>three</mark> principles ” and", "implement the “<mark>three</mark> principles” and"),
    ("back in ’98 it", "back in ’98 it"),  # an apostrophe is not a closing quotation mark
])
def test_how_an_excerpt_is_tidied(tab, excerpt, shown):
    tab.goto("")
    assert tab.page.evaluate("e => document.querySelector('[data-lg-search]').lgTidyExcerpt(e)", excerpt) == shown


@pytest.mark.parametrize(("excerpt", "shown"), [
    # Pagefind's excerpt: the page's text with "<" and ">" escaped, and <mark> around matches.
    ("a &lt;script&gt; and <mark>R&D</mark>", "a <script> and R&D"),
    ("written &amp; and &amp;amp; and &#0; and &nbsp; here", "written &amp; and &amp;amp; and &#0; and &nbsp; here"),
])
def test_an_excerpt_shows_the_pages_characters(tab, excerpt, shown):
    """An article whose text holds '&amp;' or '&#0;' as written showed '&' and '\ufffd' in its
    search result, while its page (and the result's title) showed them as written."""
    tab.goto("")
    assert tab.page.evaluate("([e, t]) => document.querySelector('[data-lg-search]').lgExcerptText(e, t)",
                             [excerpt, "A title"]) == shown


@pytest.mark.parametrize(("excerpt", "text", "marks"), [
    ("the form of <mark>安全生产委员会,</mark> a committee", "the form of 安全生产委员会, a committee", ["安全生产委员会"]),
    ("translates <mark>安全，</mark>here", "translates 安全，here", ["安全"]),
    ("for work <mark>safety.</mark> The", "for work safety. The", ["safety"]),
    ("a <mark>R&D</mark> office", "a R&D office", ["R&D"]),
    ("a lone <mark>.</mark> mark", "a lone . mark", ["."]),  # nothing but a stop: kept as it was
])
def test_a_stop_after_a_match_is_not_marked(tab, excerpt, text, marks):
    """A reader's review: a search for 安全 marked "安全," with its comma."""
    tab.goto("")
    got = tab.page.evaluate("([e, t]) => { const box = document.querySelector('[data-lg-search]');"
                            " return [box.lgExcerptText(e, t), box.lgExcerptMarks(e, t)]; }", [excerpt, "A title"])
    assert got == [text, marks]


@pytest.mark.parametrize("query", ["Beijing", "benchmark", "orchid", "safety Beijing"])
def test_a_word_the_archive_does_not_hold_finds_nothing(search_tab, query):
    """Pagefind cuts a word it cannot find back to the longest start of it that it can
    ("Beijing" to "be") and gave those pages as matches, with "be" marked."""
    assert search(search_tab, query) == []
    assert search_tab.page.locator("#lg-search-status").inner_text() == \
        "No matching pages: check the spelling, or try fewer words"
    assert not search_tab.errors


def test_no_result_says_what_to_try(search_tab):
    """A search review: a misspelt word ("saftey") got "No matching pages" and nothing else.
    The reader is told, in the status line a screen reader announces, to check the spelling,
    and is given the lists to browse; not under results."""
    page = search_tab.page
    none = page.locator("[data-lg-search-none]")
    assert search(search_tab, "saftey") == []
    status = page.locator("#lg-search-status")
    assert status.get_attribute("role") == "status"
    assert status.inner_text() == "No matching pages: check the spelling, or try fewer words"
    assert none.is_visible()
    assert none.inner_text().startswith("Every official term, person, organization and dated event also has its list")
    links = none.locator("a").evaluate_all("links => links.map(a => [a.textContent, a.href])")
    assert [(text, href[len(search_tab.base):]) for text, href in links] == [
        ("the glossary", "glossary/"), ("people", "people/"), ("organizations", "organizations/"),
        ("the timeline", "timeline/")]
    assert search(search_tab, "safety")
    assert not none.is_visible()
    assert not search_tab.errors


# A search review: the glossary entry of a term that is also words of articles came last.
@pytest.mark.parametrize(("query", "expected"), [
    # Pagefind gives a quoted query's pages all one score, in the order of its index.
    ('"retreat meeting"', "glossary/retreat-meeting/"),
    ('"people first"', "glossary/people-first-life-is-supreme/"),
    # Pagefind's phrase search misses this entry, which the phrase step then put last.
    ("Rong Media Center", "glossary/rong-media-center/"),
    ('"Rong Media Center"', "glossary/rong-media-center/"),
])
def test_a_terms_entry_stays_first_whatever_the_phrase_steps_do(search_tab, query, expected):
    results = search(search_tab, query)
    assert results[:1] == [expected], f"{query!r}: {results}"
    assert not search_tab.errors


NAMED_FIRST = """([found, named, query]) => {
  const result = ([id, title, aliases]) => ({ id, data: () => Promise.resolve({ meta: { title, aliases } }) });
  return document.querySelector('[data-lg-search]').lgNamedFirst(found.map(id => ({ id })), named.map(result), query);
}"""
"""namedFirst on results given by their ids, and entries by (id, title, other forms)."""


@pytest.mark.parametrize(("found", "named", "query", "order"), [
    # the entry whose other form is the query (spelt alike) moves to the top; the rest keep their order
    (["a1", "a2", "work-safety", "a3"],
     [["org", "Louxing Safety Committee", ""], ["work-safety", "work safety", "safety production · safety in production"],
      ["other", "Safety Production Month", ""]], "Safety  production", ["work-safety", "a1", "a2", "a3"]),
    # not among the results (a phrase step left it out): added first
    (["a1", "a2"], [["rong", "Rong Media Center", "Converged Media Center"]], '"Rong Media Center"', ["rong", "a1", "a2"]),
    # named only in part, or fourth among the entries: nothing moves
    (["a1", "rong"], [["rong", "Rong Media Center", ""]], "Rong Media", ["a1", "rong"]),
    (["a1", "rong"], [["x", "x", ""], ["y", "y", ""], ["z", "z", ""], ["rong", "Rong Media Center", ""]],
     "Rong Media Center", ["a1", "rong"]),
])
def test_an_entry_named_by_the_query_or_another_form_of_its_name_comes_first(tab, found, named, query, order):
    """Among the entries and organizations found apart, the first three are looked at: one
    whose name, or one of whose other forms, is the query (spelt alike) moves to the top, and
    is added if the other steps left it out; the others keep their order."""
    tab.goto("")
    assert tab.page.evaluate(NAMED_FIRST, [found, named, query]) == order


def test_the_pages_of_a_quoted_query_take_the_order_of_its_words(tab):
    tab.goto("")
    order = tab.page.evaluate("([e, r]) => document.querySelector('[data-lg-search]').lgRankedAs(e, r)",
                              [["a1", "a2", "entry", "only-quoted"], ["entry", "x", "a2", "a1"]])
    # ranked as the words alone rank them; one the words alone did not find, after, as it was
    assert order == ["entry", "a2", "a1", "only-quoted"]


@pytest.mark.parametrize(("query", "expected"), [
    ("meetings", SEED),  # the text says "meeting": Pagefind's stemming still finds it
    ("Louxin", SEED),  # a word still being typed
    ("responsibilities", SEED),
    ("Zhigang", "people/liu-zhigang/"),
    ("working", SEED),  # the text says "work"
    ("safety production", SEED),
    ("studied", "timeline/"),
])
def test_words_found_by_their_stem_or_their_start_still_find_their_pages(search_tab, query, expected):
    results = search(search_tab, query)
    assert any(r.split("#")[0] == expected for r in results), results


@pytest.mark.parametrize(("query", "shown"), [
    ("Anli", ["person", "late2", "late25"]),  # the first page all "and": those further down that answer
    ("and", "all"),  # the first page answers: every result, as Pagefind ranks them
    ("Beijing", []),  # none answers, within the results read: no page matches
])
def test_when_the_first_results_all_came_from_a_word_cut_back_those_further_down_are_read(tab, query, shown):
    """Pagefind's stemmer cuts given names ("Anli" to "an", the start of "and"): "Anli" said
    no page matched, while the page of Cui Anli came 53rd, under pages of "and" (a search
    review of 300 synthesized articles). The next results are read a page of ten at a time,
    until ten answer, and no further than the sixtieth (each is a download)."""
    tab.goto("")
    ids, read = tab.page.evaluate("""q => {
        const read = [];
        const page = (id, text) => ({id, data: () => { read.push(id); return Promise.resolve({content: text, locations: [0]}); }});
        const found = [];
        for (let i = 0; i < 30; i++) found.push(page('and' + i, 'and the rest'));
        found.push(page('person', 'Anli. Named in 3 articles'));
        for (let i = 0; i < 90; i++) found.push(page('late' + i, i === 2 || i === 25 || i === 80 ? 'Anli again' : 'and more'));
        return document.querySelector('[data-lg-search]').lgAnswering(found, q).then(ids => [ids, read.length]);
    }""", query)
    everything = [f"and{i}" for i in range(30)] + ["person"] + [f"late{i}" for i in range(90)]
    assert ids == (everything if shown == "all" else shown)
    assert read == {"Anli": 60, "and": 10, "Beijing": 60}[query]


def test_results_further_down_are_not_read_for_a_query_overtaken(tab):
    """A reader typing on asks another question: each start of a word the index does not hold
    ("Bei", "Beij") read sixty results for nothing. Once overtaken, no further page is read."""
    tab.goto("")
    read = tab.page.evaluate("""() => {
        const read = [];
        const page = id => ({id, data: () => { read.push(id); return Promise.resolve({content: 'be here', locations: [0]}); }});
        const found = [];
        for (let i = 0; i < 90; i++) found.push(page('be' + i));
        // overtaken after the second page was read
        return document.querySelector('[data-lg-search]').lgAnswering(found, 'Beijing', 1).then(() => read.length);
    }""")
    assert read == 20


@pytest.mark.parametrize(("matched", "query", "answered"), [
    (["be"], "Beijing", False),  # cut back to "be"
    (["the."], "theory", False),
    (["there"], "theory", False),  # the start of "theory" found in a longer word
    (["safety", "be", "safety,"], "safety Beijing", False),
    (["be", "being"], "benchmark", False),
    (["Louxing"], "Louxin", True),  # still being typed
    (["meeting."], "meetings", True),  # a plural's stem
    (["city"], "cities", True),
    (["responsibility"], "responsibilities", True),
    (["rectification"], "rectifying", True),  # their stems differ; the word is the same
    (["perform"], "performance", True),
    (["dǎ", "fēi"], "da fei", True),  # tone marks
    (["Liu"], "Liu Zhigang", True),  # a query word not matched is not a stray match
    ([], "Beijing", True),
    (["be"], "安全", True),  # Chinese is left to Pagefind
    # The same word but for its ending, as Pagefind's stemmer has it.
    (["Work"], "working", True),
    (["runs"], "running", True),
    (["carry"], "carried", True),
    (["study"], "studied", True),
    (["plan"], "planning", True),
    # A matched phrase answers through any of its words, or all of them joined.
    (["safety", "work-safety"], "safety production", True),
    (["three-year"], "threeyear", True),
    (["“7·20”"], "720", True),
    (["year"], "year's", True),  # not the s
    (["Louxing's"], "Louxing", True),
])
def test_which_matched_words_answer_a_query(tab, matched, query, answered):
    tab.goto("")
    assert tab.page.evaluate("([m, q]) => document.querySelector('[data-lg-search]').lgAnswersQuery(m, q)",
                             [matched, query]) is answered


@pytest.mark.parametrize(("excerpt", "shown"), [
    # Cut at both ends: Pagefind gives the words around the match.
    ("Chinese: 娄星区安委会 Short names that <mark>stand</mark>", "Chinese: 娄星区安委会 Short names that stand…"),
    ("and the <mark>safety</mark> of every town", "…and the safety of every town…"),
    ("— <mark>Zhengzhou</mark> 7·20 extreme rainstorm. Extreme rain fell", "…— Zhengzhou 7·20 extreme rainstorm. "
                                                                         "Extreme rain fell…"),
    ("安全生产 <mark>专项</mark> 整治", "安全生产 专项 整治…"),  # Pagefind cuts Chinese between words
    ("《娄底日报》<mark>报道</mark>。", "《娄底日报》报道。"),
    ("<mark>报道</mark>《娄底日报》", "报道《娄底日报》"),
    ("Émile <mark>went</mark>.", "Émile went."),
    ("Confidence: <mark>high</mark> Category:", "Confidence: high Category:…"),
    # Whole sentences: nothing is added.
    ("<mark>Safety</mark> in production: accident prevention and inspections.", "Safety in production: accident "
                                                                                 "prevention and inspections."),
    ("“Three principles” were <mark>stressed</mark>.”", "“Three principles” were stressed.”"),
])
def test_an_excerpt_cut_inside_a_sentence_says_so(tab, excerpt, shown):
    """Excerpts ended mid-phrase ("Short names that stand") as if that were the text."""
    tab.goto("")
    assert tab.page.evaluate("([e, t]) => document.querySelector('[data-lg-search]').lgExcerptShown(e, t)",
                             [excerpt, "A title"]) == shown


def test_every_results_excerpt_ends_a_sentence_or_says_it_is_cut(search_tab):
    assert search(search_tab, "safety")
    excerpts = search_tab.page.locator(".lg-search-result__excerpt").all_inner_texts()
    assert excerpts and all(re.search(r"[.!?:;。！？：；”\"’)）»…]$", e.strip()) for e in excerpts), excerpts
    assert any(e.strip().endswith("…") for e in excerpts), excerpts


def test_a_glossary_entry_or_an_organization_is_shown_by_what_it_is(search_tab):
    """Their excerpts read "Chinese: 区安委会 Pinyin: qū ānwěihuì Category: institution
    Confidence: high…": the facts came first on their pages. The definition (the
    description) now does, and search shows it."""
    page = search_tab.page
    search(search_tab, "safety")
    shown = page.eval_on_selector_all(".md-search-result__link", """links => links.map(a => [
        (a.querySelector('.lg-search-result__kind') || {}).textContent,
        a.querySelector('.lg-search-result__title').textContent,
        a.querySelector('.lg-search-result__excerpt').textContent])""")
    entries = {title: excerpt for kind, title, excerpt in shown if kind in ("Glossary entry", "Organization")}
    assert entries["District Safety Committee"].startswith("The work-safety committee of a district"), entries
    assert entries["Louxing District Safety Committee"].startswith("Louxing's committee for work safety"), entries
    assert not [t for t, e in entries.items() if re.match(r"…?(Chinese|Pinyin|Category):", e)], entries


def test_a_page_opened_from_a_result_shows_its_first_match(phone_tab):
    """On a phone the page opened at its top, a screen or more above the words the reader
    searched for (a reader's review of session 32): where no match is on the screen, the
    first is brought into view; where the title shows one, the page stays at its top."""
    page = phone_tab.page
    phone_tab.goto(SEED + "?h=mitigation")  # only in the reading edition's seventh paragraph
    top = page.evaluate("document.querySelector('article mark[data-md-highlight]').getBoundingClientRect().top")
    assert 0 < top < PHONE["height"], top
    page.wait_for_load_state("networkidle")
    phone_tab.goto(SEED + "?h=Louxing")  # in the title
    assert page.evaluate("window.scrollY") == 0
    assert not phone_tab.errors and not phone_tab.external


@pytest.mark.parametrize("fixture", ["tab", "phone_tab"])
def test_back_from_a_result_the_search_is_as_it_was_left(fixture, request):
    """Back from a page opened from the results, the box was closed and empty: a phone's
    reader typed the query again, and tapped "Show more" again (a phone review)."""
    tab = request.getfixturevalue(fixture)
    page = tab.page
    tab.goto(SEED)
    if fixture == "phone_tab":
        page.locator("[data-lg-search-button]").tap()
    type_query(page, "safety")
    first = search_results(tab)
    assert len(first) == 10
    page.locator(".lg-search-more__button").click()
    page.wait_for_function("document.querySelectorAll('.md-search-result__link').length > 10")
    shown = search_results(tab)
    with page.expect_navigation():
        page.locator(".md-search-result__link").nth(12).click()
    assert "?h=safety" in page.url
    page.go_back()
    page.wait_for_function("document.querySelector('[data-lg-search]').getAttribute('data-lg-search-done') === 'safety'"
                           " && document.querySelectorAll('.md-search-result__link').length > 10", timeout=15_000)
    assert page.locator("#lg-search-query").input_value() == "safety"
    assert page.locator("#lg-search-query").is_visible()
    assert search_results(tab) == shown
    if fixture == "tab":  # a reload is no way back: the search is not brought back (a review)
        page.reload()
        page.wait_for_load_state()
        page.wait_for_timeout(300)
        assert not page.evaluate("document.getElementById('__search').checked")
        assert page.evaluate("history.state && history.state.lgSearch") is None
        return
    # Closed on that page, it is forgotten: back again from another page, it stays closed.
    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('__search').checked")
    tab.goto("glossary/")
    page.go_back()
    page.wait_for_load_state()
    page.wait_for_timeout(300)
    assert not page.evaluate("document.getElementById('__search').checked")
    assert page.locator("#lg-search-query").input_value() == ""
    # (pages left while they load have their requests cut short: no error of the site's)
    assert [e for e in tab.errors if "net::ERR_ABORTED" not in e] == []


def test_a_result_opened_in_another_tab_or_a_query_typed_anew_is_not_brought_back(tab):
    """The query was kept for a result opened with Ctrl (the reader stays on the page), and,
    once restored, kept as it was after the reader typed another (a review)."""
    page = tab.page
    tab.goto(SEED)
    type_query(page, "safety")
    page.locator(".md-search-result__link").first.click(modifiers=["Control"])
    page.wait_for_timeout(300)
    assert page.evaluate("history.state && history.state.lgSearch") is None
    with page.expect_navigation():
        page.locator(".md-search-result__link").first.click()
    page.go_back()
    page.wait_for_function("document.querySelector('[data-lg-search]').getAttribute('data-lg-search-done') === 'safety'")
    assert page.evaluate("history.state.lgSearch.query") == "safety"
    type_query(page, "Liu Zhigang")
    assert page.evaluate("history.state && history.state.lgSearch") is None
    for other in tab.page.context.pages[1:]:
        other.close()
