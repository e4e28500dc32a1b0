"""Render stage: the Site model -> the text of every generated file, keyed by path under docs/.

Pure: no file is read or written here. Page layouts live in ``templates/*.j2``. Every value
a template prints is escaped for Markdown *and* HTML unless it is explicitly marked safe
(``Markup``), so text from scraped articles can never become HTML, a link, an attribute
list, an include marker or a footnote, on the page, in the tooltips or in the search index."""

from __future__ import annotations

import codecs
import html
import itertools
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import format_datetime
from functools import cached_property, lru_cache, partial
from pathlib import Path
from typing import Any, TypeVar

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from markupsafe import Markup

from . import mdbody
from .chars import BIDI, CONTROLS, HAN, NONCHARACTERS
from .errors import ArchiveError, ArchiveErrors
from .model import (
    CREDIT_INVOLVEMENT,
    MONTH_NAMES,
    Article,
    Organization,
    PersonRecord,
    SharedName,
    Site,
    TimelineEntry,
    article_order,
    format_date,
)
from .records import Term, match_key
from .titles import title_value
from .write import GENERATED_NOTE

# Lengths of the pages of every list that grows with the archive. Longer pages mean fewer
# pages (each carries about 12 KB of theme around its content and costs MkDocs a few
# milliseconds); at these lengths the longest list page stays near 100 KB at 10,000 articles.
ARTICLES_PER_PAGE = 100
OCCURRENCES_PER_PAGE = 200
APPEARANCES_PER_PAGE = 200
INDEX_PER_PAGE = 200
TIMELINE_PER_PAGE = 100
FEED_SIZE = 30
CANDIDATES_SHOWN = 500  # the editors' worklist of candidate terms: its most frequent, on one page

# Search (Pagefind) indexes the pages a reader looks for: articles, glossary entries, people,
# organizations and the site's own pages. Lists of them (archives by date, tags, the timeline
# by year, further pages of occurrences and appearances) are not indexed: they repeat words
# of the pages they list, and every indexed page makes the first download of every query
# bigger (see docs/performance.md).
NOT_INDEXED = {"exclude": True}
# Above this many articles, search indexes an article's title, first paragraph and editors'
# notes instead of its whole reading edition: Pagefind keeps every position of every word,
# and at 10,000 articles the index chunk of a word found in every article (such as
# "safety") alone would exceed the budget of a first query (300 KB).
NOINDEX_PAGES = ("glossary/candidate-terms/index.md",)
"""The generated pages that ask search engines not to index them (``robots: noindex``), which
the sitemap leaves out: the preview builds them every time (see preview.plan_build)."""
FULL_TEXT_SEARCH_LIMIT = 5000
HOME_LATEST = 8
ROLE_LABELS = {
    "reporter": "Reporter", "correspondent": "Correspondent", "editor_in_chief": "Editor in chief",
    "reviewer": "Reviewer", "editor": "Editor", "supervisor": "Supervisor",
}

# --------------------------------------------------------------------------- escaping

_ESCAPES = {c: f"&#{ord(c)};" for c in "\\`*_{}[]<>#+!|~^=$"}
_ESCAPES.update({"&": "&amp;", '"': "&quot;", "'": "&#39;"})
_ESCAPE_RE = re.compile("|".join(map(re.escape, _ESCAPES)))
# "???" opens a pymdownx.details block, like "!!!" an admonition ("!" is escaped anyway).
# Python-Markdown deletes \x02 and \x03 (the marks of its placeholders) before it reads a page:
# seen through, as it will ("0\x03. 0" became a numbered list).
_LINE_START_RE = re.compile(r"^([\s\x02\x03]*)([-+=>:?]|\d+(?=[\d\x02\x03]*[.)]))")


_escaped: dict[str, str] = {}
ESCAPED_KEPT = 500_000
"""How many escaped values ``esc`` remembers (then it forgets them all and starts again):
names, titles and dates are printed on many pages (a person's name on every page that
lists them)."""


def esc(value: Any) -> str:
    """Escape text for a Markdown page: inert as Markdown, HTML, attribute lists, snippet
    markers and footnotes alike, in inline Markdown and in raw HTML. Whitespace collapses."""
    key = value if type(value) is str else str(value)
    try:
        return _escaped[key]
    except KeyError:
        pass
    text = " ".join(key.split())
    text = _ESCAPE_RE.sub(_escape_match, text)
    text = _LINE_START_RE.sub(_escape_line_start, text)
    if len(_escaped) >= ESCAPED_KEPT:  # a long-lived process (mkdocs serve) starts afresh
        _escaped.clear()
    _escaped[key] = text
    return text


def _escape_match(m: re.Match) -> str:
    return _ESCAPES[m.group()]


def _escape_line_start(m: re.Match) -> str:
    return m.group(1) + "".join(f"&#{ord(c)};" for c in m.group(2))


def esc_block(value: str) -> Markup:
    """Escape multi-line verbatim text for a <pre> in a raw HTML block: newlines become
    character references so the block stays on one line and Markdown never sees it."""
    # Tabs too: Python-Markdown expands them to spaces before it reads the page. A line may
    # end in CR LF or CR, as a browser reads it: one line break each (a CR left before the
    # reference would be a second one).
    lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    text = "&#10;".join(_ESCAPE_RE.sub(_escape_match, line).replace("\t", "&#9;") for line in lines)
    return Markup(_SHOWN_CONTROL_RE.sub(_show_control, text) if not text.isprintable() else text)


_SHOWN_CONTROL_RE = re.compile(f"[{CONTROLS}{BIDI}{NONCHARACTERS}]")


def _show_control(m: re.Match) -> str:
    """An invisible character of a verbatim source, shown rather than obeyed (an unclosed
    right-to-left override turned the rest of the line around): the symbol Unicode has for a
    control character (␛ for escape), else its code point."""
    code = ord(m.group())
    symbol = chr(0x2400 + code) if code < 0x20 else "\u2421" if code == 0x7f else f"⟨U+{code:04X}⟩"
    return f'<span class="control" title="U+{code:04X}, an invisible character">{symbol}</span>'


trusted = partial(str.__new__, Markup)
"""``Markup(text)`` for a text the generator made (a link, a paragraph's HTML): the same
value without Markup's own constructor, which looks for an ``__html__`` method first and
costs twice as much (it made a million of them at 10,000 articles)."""


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return value
    if value is None:
        raise ValueError("a template printed None: pass a value or test for it")
    return esc(value)


# --------------------------------------------------------------------------- environment


@dataclass
class Output:
    """One generated file: its path under docs/ and its content."""

    path: str
    content: str


def relative(target: str, page_path: str) -> str:
    """A link from the Markdown file ``page_path`` to ``target`` (both under docs/, in
    POSIX form without '.' or '..'): posixpath.relpath, without its cost on every link."""
    here, up, first = _folders(page_path)
    if not target.startswith(first):
        return up + target  # no folder in common (most links)
    there = target.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


@lru_cache(maxsize=1024)
def _folders(page_path: str) -> tuple[tuple[str, ...], str, str]:
    """The folders of ``page_path``, the way up to docs/ from them, and the first one with
    its slash (or a string no path starts with): the same for every link of a page."""
    here = tuple(page_path.split("/")[:-1])
    return here, "../" * len(here), here[0] + "/" if here else "\0"


def page_file(url: str) -> str:
    """'articles/x/' -> 'articles/x/index.md'."""
    return url.rstrip("/") + "/index.md" if url else "index.md"


def href(target: str, page_path: str, anchor: str = "") -> str:
    """The address of ``target`` (a page's URL such as 'people/li-yi/', or a file such as
    'feed.xml') as the page whose Markdown file is ``page_path`` links to it once built:
    every generated page is a folder's index.md, served as the folder's URL."""
    _, up, first = _folders(page_path)
    if target[-1:] == "/" and not target.startswith(first):
        rel = up + target  # what the line below gives when there is no folder in common
    elif target.endswith((".json", ".xml")):
        rel = relative(target, page_path)
    else:
        rel = relative(page_file(target), page_path)[: -len("index.md")] or "./"
    return rel + (f"#{anchor}" if anchor else "")


@pass_context
def _link(context, url: str, text: Any, anchor: str = "", current: str = "", title: str = "") -> Markup:
    """A link as raw HTML. Generated pages are written as raw HTML blocks between Markdown
    headings: Python-Markdown passes them through instead of parsing every list item, table
    cell and link (six times faster for a table, two and a half for a list), so the
    addresses are the built ones, not the .md files. ``title``, a title attribute's value
    already escaped (``title_value``), is its tooltip."""
    _, up, first = _folders(context["page_path"])
    if not anchor and url[-1:] == "/" and not url.startswith(first):
        # The most common link (href's first case): the way up, then the target, escaped once
        # per target ("../" never needs it, so escaping the whole gives the same).
        try:
            address = up + _safe_targets[url]
        except KeyError:
            address = up + _safe_target(url)
    else:
        address = href(url, context["page_path"], anchor)
        if not _URL_SAFE_RE.fullmatch(address):  # addresses are made of slugs: seldom anything to escape
            address = html.escape(address)
    attrs = f' aria-current="{current}"' if current else ""  # ("page", "true": a link to where the reader is)
    if title:
        attrs += f' title="{title}"'
    if not isinstance(text, Markup):  # Chinese in a title or a name marked as Chinese, as in the text
        text = _chinese_marked(str(text), esc(text))
    return trusted(f'<a href="{address}"{attrs}>{text}</a>')


_URL_SAFE_RE = re.compile(r"[\w./#%~:?=+,;@!$()*-]*", re.ASCII)
_safe_targets: dict[str, str] = {}  # a link's target as its address writes it


def _safe_target(url: str) -> str:
    safe = url if _URL_SAFE_RE.fullmatch(url) else html.escape(url)
    if len(_safe_targets) >= ESCAPED_KEPT:  # a long-lived process (mkdocs serve) starts afresh
        _safe_targets.clear()
    _safe_targets[url] = safe
    return safe


def _url_link(url: str, text: str | None = None) -> Markup:
    """An external link in raw HTML: the address as an attribute, the text escaped."""
    return Markup(f'<a href="{html.escape(url, quote=True)}" rel="noopener">{esc(text or url)}</a>')


_CJK_RUN_RE = re.compile(f"[{HAN}]+")


def zh_words(text: str) -> str:
    """Every run of Chinese characters with its inner parts (for a run of up to 8
    characters, every substring of two or more; for a longer run, every suffix), so that
    Pagefind, which keeps a run of Chinese as one word, also finds a search for 治违 or 安委会
    on an English page."""
    words: list[str] = []
    for run in _CJK_RUN_RE.findall(text):
        if len(run) <= 8:
            words += [run[i:j] for i in range(len(run)) for j in range(i + 2, len(run) + 1)]
        else:
            words += [run[i:] for i in range(len(run) - 1)]
    return " ".join(dict.fromkeys(words))


def _search_words(text: str) -> str:
    """The attributes that give Pagefind the inner words of the Chinese in ``text``
    (``zh_words``), or nothing if it has none."""
    words = zh_words(text)
    return f' data-pagefind-index-attrs="data-zh-words" data-zh-words="{esc(words)}"' if words else ""


def _zh(text: str, weight: float = 10, lang: str = "zh") -> Markup:
    """A Chinese name or its pinyin as a span that Pagefind weighs like a title."""
    extra = _search_words(text) if lang == "zh" else ""
    return Markup(f'<span lang="{lang}" data-pagefind-weight="{weight}"{extra}>{esc(text)}</span>')


_CJK = f"\u3000-\u303f{HAN}\uff00-\uffef"  # with CJK punctuation and full-width forms
_ZH_RUN_RE = re.compile(f"[{_CJK}](?:[{_CJK}0-9·]*[{_CJK}])?")
_TAG_OR_TARGET_RE = re.compile(r"(<[^>]*>|\]\([^)]*\)|`[^`]*`)")


def zh_lang(value: Any) -> Markup:
    """Text (escaped here unless it is already markup) with each run of Chinese in it marked
    as Chinese, for a screen reader's voice and a font's glyphs: "Dang Jianguo (党建国)".
    Tags, the targets of Markdown links and code are left as they are."""
    text = str(value) if isinstance(value, Markup) else esc(value)
    parts = _TAG_OR_TARGET_RE.split(text)
    return Markup("".join(part if i % 2 else _ZH_RUN_RE.sub(_zh_run, part) for i, part in enumerate(parts)))


def zh_marked(value: Any) -> Markup:
    """``zh_lang`` without the search's inner words: for text that repeats what is indexed
    elsewhere (an occurrence's words, a citation's title), which a screen reader read with an
    English voice."""
    text = str(value) if isinstance(value, Markup) else esc(value)
    if text.isascii():
        return Markup(text)
    parts = _TAG_OR_TARGET_RE.split(text)
    return Markup("".join(part if i % 2 else _ZH_RUN_RE.sub(_zh_plain, part) for i, part in enumerate(parts)))


def _zh_plain(match: re.Match) -> str:
    """A run of Chinese marked as Chinese, without the search's inner words (``_zh_run``): in
    an article's text and title, and in the lists' links."""
    return f'<span lang="zh">{match[0]}</span>'


def _zh_run(match: re.Match) -> str:
    """A run of Chinese marked as Chinese, with its inner words for the search (``zh_words``):
    Pagefind keeps 安全生产委员会 as one word, which a search for 委员会 did not find."""
    return f'<span lang="zh"{_search_words(match[0])}>{match[0]}</span>'


@lru_cache(maxsize=1024)
def _editor_html(text: str) -> str:
    """Markdown an editor wrote in archive/ (a definition, an event's description) as HTML,
    read as an article.md is (``mdbody``): HTML in it shown as typed, links as written, its
    text escaped again as any text the generator prints (an include marker stays text)."""
    return "\n".join("".join(seg.raw if seg.tag is not None else esc_inline(seg.text) for seg in block.segments)
                     for block in mdbody.blocks(mdbody.convert(text)))


@pass_context
def _editor_markdown(context, text: str) -> Markup:
    """An editor's Markdown as a raw HTML block of this page: its links to the site's pages,
    written from the site's root as in an article.md (``glossary/power-list/``), made
    relative to the page (build.markdown_link_errors checks that they lead somewhere)."""
    return Markup(mdbody.rewrite_links(_editor_html(text), _resolver(context["page_path"])))


def _resolver(page_path: str) -> Callable[[str, str], str]:
    """For ``mdbody.rewrite_links``: the address, from the page ``page_path``, of a page of
    the site or of a file (an image, data) that an editor's link gives from the site's root."""
    def resolve(address: str, anchor: str) -> str:
        if address == "" or address.endswith("/"):  # a page
            return href(address, page_path, anchor)
        return relative(address, page_path) + (f"#{anchor}" if anchor else "")  # a file

    return resolve


_dates: dict[date | str, str] = {}  # a few thousand dates, printed on many pages


def _date(value: date | str) -> str:
    try:
        return _dates[value]
    except KeyError:
        pass
    text = _dates[value] = format_date(value.isoformat() if isinstance(value, date) else value)
    return text


# Characters YAML does not accept in a document, or reads as line breaks (NEL, LS, PS,
# BOM): written as \u escapes, which JSON and YAML read alike.
_YAML_UNSAFE_RE = re.compile("[^\t\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029]")


try:  # a JSON encoder several times faster than json's (0.07 s for articles.json at 10,000 articles, not 0.42)
    import orjson
except ImportError:  # pragma: no cover - it is in requirements.txt
    orjson = None


def compact_json(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, separators=(",", ":"))``, byte for byte: by
    orjson, whose output for what the exports hold (dicts with text keys, lists, text,
    whole numbers, booleans, None) is exactly that; by json for what orjson refuses (a
    lone surrogate, a number beyond 64 bits)."""
    utf8 = _compact_json_utf8(data)
    return utf8.decode("utf-8") if utf8 is not None else json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _compact_json_utf8(data: Any) -> bytes | None:
    """``compact_json(data)`` in UTF-8 as orjson writes it, or None where it cannot."""
    if orjson is not None:
        try:
            return orjson.dumps(data)
        except TypeError:  # orjson.JSONEncodeError
            pass
    return None


def _front_matter(data: dict) -> Markup:
    """Front matter as one JSON object: JSON is YAML (a flow mapping), and writing it is
    an order of magnitude cheaper than yaml.safe_dump, which dominated generation time."""
    text = compact_json(data)
    return Markup(_YAML_UNSAFE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


def _quoted(text: str) -> Markup:
    """Text in double quotation marks, escaped; the double marks it holds become single ones
    (“implement the ‘three principles’”, not “implement the “three principles””)."""
    # str.replace, not str.translate: translate looks up every character of a text that is
    # not ASCII in its table (10 µs a context, 0.6 s for the glossary's 68,810 occurrences).
    return trusted(f"“{esc(str(text).replace('“', '‘').replace('”', '’'))}”")


def _join(value: Iterable, d: str = "") -> str:
    """Jinja's ``join`` filter, as it is without autoescaping (``str(d).join(map(str,
    value))``), minus its checks for async and markup (0.3 s of a person's pages)."""
    return d.join(map(str, value))


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("lgnews", "templates"),
        autoescape=False,
        undefined=StrictUndefined,
        finalize=_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates are files of the package: no stat of each on every page
    )
    env.globals.update(url_link=_url_link, zh=_zh, generated_note=GENERATED_NOTE, role_labels=ROLE_LABELS, spelt=spelling_note,
                       read_otherwise=READ_OTHERWISE, none_read=NONE_READ,
                       event_page=event_page, marked=marked, spelled_otherwise=spelled_otherwise,
                       roles_column=roles_column)
    env.filters.update(
        date=_date,
        link=_link,  # {{ url|link(text) }}: a filter, which Jinja calls directly (a function it
        # calls through the context, twice as slow: links are most of what a page prints)
        trusted=trusted,
        editor_markdown=_editor_markdown,
        esc_block=esc_block,
        front_matter=_front_matter,
        plural=lambda n, word, many=None: f"{n:,} {word if n == 1 else (many or word + 's')}",
        thousands="{:,}".format,  # a count as the pagers write it: 1,001
        join=_join,
        label=lambda value: value.replace("-", " "),  # a value of a list (responsibility-system) as words
        quoted=_quoted,
        zh_lang=zh_lang,
        zh=zh_marked,
    )
    return env


# --------------------------------------------------------------------------- pagination


@dataclass
class Pager:
    number: int
    count: int
    base: str  # URL of page 1, e.g. "glossary/power-list/"
    size: int = 0  # entries a page holds (the last may hold fewer)
    total: int = 0  # entries in all
    labels: Sequence[str] = ()  # what each page holds, for an index in alphabetical order ("Bai–Guo")
    # (a year or a letter, the first and last pages of its entries, the place of its first
    # entry on its first page, from 0)
    jumps: Sequence[tuple[str, int, int, int]] = ()
    jumps_by: str = ""  # what the jumps are: "year", "letter"

    def jump_id(self, key: str) -> str:
        """The id of the entry where ``key`` (a year, a letter) begins: 'year-2016', 'letter-m'."""
        return f"{self.jumps_by}-{key.lower()}"

    def marked(self, items: Sequence) -> Iterable[tuple[Markup, Any]]:
        """(' id="year-2016"', item) for the entry of this page's ``items`` where a year or a
        letter of the jumps begins, so that a jump lands on it, not at the top of a page of
        200; (nothing, item) for the others. (A template loops over these pairs: an id looked
        up for each of a list's rows was a tenth of the time of rendering the lists.)"""
        begins = {at: key for key, first, _, at in self.jumps if first == self.number}
        if not begins:
            return zip(itertools.repeat(_NO_ID), items)
        return [(Markup(f' id="{self.jump_id(begins[at])}"') if at in begins else _NO_ID, item)
                for at, item in enumerate(items)]

    @property
    def span(self) -> str:
        """Which of the entries this page holds: '501–600 of 1,001'."""
        first, last = (self.number - 1) * self.size + 1, min(self.number * self.size, self.total)
        return f"{first:,}–{last:,} of {self.total:,}" if last > first else f"{first:,} of {self.total:,}"

    def url(self, number: int) -> str:
        return self.base if number == 1 else f"{self.base}page-{number}/"

    @property
    def path(self) -> str:
        return page_file(self.url(self.number))

    @property
    def previous(self) -> str | None:
        return self.url(self.number - 1) if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.url(self.number + 1) if self.number < self.count else None

    def window(self, around: int = 2, marks: int = 12) -> list[int | None]:
        """The page numbers a pager offers to jump to, None where some are left out: the
        first and the last, those around this one, and, in a long list, every 10th (or
        20th, 50th, 100th...: at most ``marks`` of them), so that the middle of 100 pages
        is two clicks away, not fifty. A "…" stands for two pages or more: it hid a page
        alone between two shown, which a reader then could not reach from here."""
        if self.count <= 2 * around + 5:
            return list(range(1, self.count + 1))
        step = next(s for s in _STEPS if self.count // s <= marks)
        shown = {1, self.count, *range(max(1, self.number - around), min(self.count, self.number + around) + 1),
                 *range(step, self.count, step)}
        out: list[int | None] = []
        for k in sorted(shown):
            if out and k - out[-1] == 2:  # (out[-1] is a page: each None is followed by one)
                out.append(k - 1)
            elif out and k - out[-1] > 2:
                out.append(None)
            out.append(k)
        return out


_STEPS = [m * 10**e for e in range(1, 12) for m in (1, 2, 5)]
_NO_ID = Markup("")


def marked(pager: Pager | None, items: Sequence) -> Iterable[tuple[Markup, Any]]:
    """``pager.marked(items)``, or every item unmarked where the list has no pager."""
    return pager.marked(items) if pager is not None else zip(itertools.repeat(_NO_ID), items)


LEAD_ROLES = 6
"""How many of a person's roles the first lines of their page give (the newest first)."""


def roles_column(person: PersonRecord) -> str:
    """A person's roles and the parts they took, as the people index gives them: the newest
    LEAD_ROLES titles, as their page's first lines do, and how many others (a name in
    hundreds of machine translations collects a title for every wording: the row, and its
    page, grew with the archive), then each part taken (presiding, reporting: a few words)."""
    appearances = newest_first(person.appearances)
    titles = list(dict.fromkeys(r for a in appearances for r in a.roles))
    parts = dict.fromkeys(h for a in appearances for h in a.involvement)
    more = len(titles) - LEAD_ROLES
    shown = "; ".join(titles[:LEAD_ROLES]) + (f" (and {more:,} other {'role' if more == 1 else 'roles'})" if more > 0 else "")
    # The titles, then the parts taken after a dash: "deputy head of the district; reporting;
    # presiding" read as three of a kind (a people review).
    return " — ".join(filter(None, [shown, ", ".join(parts)]))


def newest_first(appearances: Sequence) -> list:
    """A person's appearances as their page lists them (and their lead reads them)."""
    return sorted(appearances, key=lambda a: article_order(a.article), reverse=True)


def person_lead(appearances: Sequence) -> dict:
    """Who a person is, as the articles say it, for the top of their page (and what search
    shows of it): how many articles name them, over which years, and their roles, the
    newest first, then how they took part. ``credited``: only the credits name them (a
    reporter, an editor), not the text. Each role and each way of taking part comes with how
    many of the articles give it: "Named in 53 articles …, as deputy head of the district"
    said of the reporter of 52 of them what one article says (a people review)."""
    articles = {a.article.id: a.article for a in appearances}
    years = sorted({a.published.year for a in articles.values()})
    # One role however its articles capitalise it ("deputy secretary of the District Committee"
    # and "… district committee" were two), as the first to name it writes it.
    first_written: dict[str, str] = {}
    role_articles: dict[str, set[str]] = {}
    way_articles: dict[str, set[str]] = {}
    for a in appearances:
        for r in a.roles:
            role_articles.setdefault(first_written.setdefault(r.casefold(), r), set()).add(a.article.id)
        for w in a.involvement:
            way_articles.setdefault(w, set()).add(a.article.id)
    roles = [(r, len(ids)) for r, ids in role_articles.items()]
    ways = [(w, len(ids)) for w, ids in way_articles.items()]
    credited = bool(ways) and not roles and all(w in _CREDITS for w, _ in ways)
    return {"articles": len(articles), "years": (years[0], years[-1]) if years else None, "credited": credited,
            "roles": roles[:LEAD_ROLES], "more_roles": max(0, len(roles) - LEAD_ROLES),
            "taking_part": [(w, n) for w, n in ways if w not in _CREDITS and w != "mentioned"],
            "credits": [(w, n) for w, n in ways if w in _CREDITS]}


_CREDITS = frozenset(CREDIT_INVOLVEMENT.values())

PERSON_SOURCES = 3
"""How many of the sources of a person's articles their page names (the most frequent)."""


def person_sources(appearances: Sequence) -> list[tuple[Organization, int]]:
    """The bodies that published the articles naming a person, with how many each, the most
    first: where the person is ("Head of the County" says which county only with them)."""
    articles = {a.article.id: a.article for a in appearances}.values()
    counts = Counter(a.source_organization for a in articles if a.source_organization is not None)
    return sorted(counts.items(), key=lambda x: (-x[1], x[0].name.lower(), x[0].name))


def spelled_otherwise(written: str, name: str) -> bool:
    """Whether an article writes a person's name otherwise than the name shown, beyond case,
    spacing and the kind of apostrophe ("Party jianguo" for Dang Jianguo; not "ZHANG WEI"
    for Zhang Wei): what pages and exports say as the name "as written"."""
    return written != name and match_key(written) != match_key(name)


READ_OTHERWISE = Markup("(as the build reads the verbatim source below; the archive's editors read it otherwise)")
"""After what the build reads in source.txt where meta.yml reads otherwise (the title, the date,
the source, the credits): an editor's correction, or a reading the parser has changed since the
article was ingested; either way, what the source gives as read, and that the editors differ."""


NONE_READ = Markup("none that the build can read in the verbatim source below: given by the archive's editors")
"""Where the build reads no source or no credits in source.txt and meta.yml gives them: an
editor filled in what the build could not read (as ingest asks when it finds no credit line)."""


def spelling_note(person: PersonRecord, written: str) -> str | None:
    """'written “…”' where an article writes a person's name otherwise than the name shown
    (``spelled_otherwise``), in the list of its people and beside its credits. A name read from
    its Chinese, which an editor inferred (zh_confirmed: false, "Party jianguo" as 党建国, Dang
    Jianguo), is said to be unconfirmed beside the spelling, as the person's page says it."""
    if not spelled_otherwise(written, person.name):
        return None
    return f"written “{written}”" + (", name not confirmed" if not person.zh_confirmed else "")


def people_in_article(people: Sequence) -> tuple[list, list]:
    """The people of an article for its "In this article": those the text gives a title
    (each as (person, what is said of them: the name as written, their titles; the parts they
    took), shown as the people's list shows them: "Liu Zhigang (Head of the District) —
    presiding, speaking"; the parts had read as more titles in the brackets), then the others
    by the part they took ("attending: Liu Chihui, Xu Diren…", not "(attending)" after each
    of nine names). A part only one person took stays with that person. ``people``: (person,
    name as written, roles, parts taken)."""
    def part(how: tuple) -> tuple:
        return tuple(how or ("mentioned",))

    groups: dict[tuple, list] = {}
    for person, written, roles, how in people:
        if not roles:
            groups.setdefault(part(how), []).append((person, spelling_note(person, written)))
    shared = {how for how, members in groups.items() if len(members) > 1}
    named = [(person, [s for s in (spelling_note(person, written),) if s] + list(roles), list(how or ()))
             for person, written, roles, how in people if roles or part(how) not in shared]
    return named, [(", ".join(how), members) for how, members in groups.items() if how in shared]


def by_month(articles: Sequence[Article]) -> dict[str, list[Article]]:
    """``articles`` by the month of their publication ("2022/04"), in their order."""
    months: dict[str, list[Article]] = {}
    for a in articles:
        months.setdefault(a.published.strftime("%Y/%m"), []).append(a)
    return months


def month_pages(month: str, articles: Sequence[Article]) -> Iterable[tuple[Pager, Sequence[Article]]]:
    """The pages of a month's archive ("2022/04"): those the archive writes, and those an
    article's "Published" line leads to (``Renderer.month_page``)."""
    return paginate(articles, ARTICLES_PER_PAGE, f"articles/{month}/")


def paginate(items: Sequence, size: int, base: str, labels: Callable[[list[Sequence]], Sequence[str]] | None = None,
             jumps: tuple[str, Callable[[Any], str | None]] | None = None) -> Iterable[tuple[Pager, Sequence]]:
    """``items`` in pages of ``size``: (pager, the page's items). ``labels``: what each
    page's items are called in the pager, from the items of every page (see
    ``Pager.labels``). ``jumps``: what the pager offers to jump to ("year" or "letter") and
    the year or letter of an item, for a list sorted by it (see ``jump_pages``)."""
    count = max(1, -(-len(items) // size))
    chunks = [items[(n - 1) * size : n * size] for n in range(1, count + 1)]
    named = tuple(labels(chunks)) if labels and count > 1 else ()
    by, starts = (jumps[0], jump_pages(chunks, jumps[1])) if jumps and count > 1 else ("", ())
    for n, chunk in enumerate(chunks, start=1):
        yield Pager(n, count, base, size, len(items), named, starts, by), chunk


def jump_pages(chunks: list[Sequence], key: Callable[[Any], str | None]) -> tuple[tuple[str, int, int, int], ...]:
    """(key, the first and the last page of its items, the place of its first item on its
    first page), in the list's order, for the pages of a list sorted by ``key`` (the year of
    a list newest first, the initial of an index): a reader goes to 2020 in a term's 38
    pages of occurrences, or to the Ws of the people, in one click, and sees which years or
    letters a page holds. Items of a key of None are not offered. Only a page whose first and
    last items differ is read item by item: a few pages, however long the list."""
    pages: dict[str, list[int]] = {}
    for n, chunk in enumerate(chunks, start=1):
        if not chunk:
            continue
        top, bottom = key(chunk[0]), key(chunk[-1])
        for at, item in enumerate(chunk if top != bottom else chunk[:1]):
            k = key(item)
            if k is not None:
                pages.setdefault(k, [n, n, at])[1] = n
    return tuple((k, first, last, at) for k, (first, last, at) in pages.items()) if len(pages) > 1 else ()


def _published_year(item: Any) -> str:
    """The year of an article, or of an article's occurrence or appearance, or of an
    organization's (article, how) pair."""
    article = item[0] if isinstance(item, tuple) else getattr(item, "article", item)
    return str(article.published.year)


def _initial(item: Any) -> str | None:
    """The letter a person's or an organization's name begins with, for an index in the
    order of the names (lower-cased): A to Z only."""
    first = item.name[:1].upper()
    return first if "A" <= first <= "Z" else None


BY_YEAR = ("year", _published_year)
BY_LETTER = ("letter", _initial)


def name_ranges(names: list[tuple[str, str]]) -> list[str]:
    """The pages of an alphabetical index, by the first and last names of each (``names``):
    their first words ('Bai–Guo', or 'Guo' for a page of Guos alone), but a whole name where
    the page before ends, or the page after starts, with the same first word ('Bai–Lu Fang',
    'Lu Gang–Ye'): which page holds Lu Hua is then plain."""
    def word(name: str) -> str:
        return (name.split() or [""])[0]

    def same(a: str, b: str) -> bool:  # as the index sorts: "Lu" and "lu" are one surname
        return word(a).casefold() == word(b).casefold()

    out = []
    for n, (first, last) in enumerate(names):
        whole_first = n > 0 and same(names[n - 1][1], first)
        whole_last = n + 1 < len(names) and same(names[n + 1][0], last)
        if same(first, last) and (whole_first or whole_last):  # "Lu Fang–Lu Zhi", not "Lu Fang–Lu"
            whole_first = whole_last = True
        a, b = (first if whole_first else word(first)), (last if whole_last else word(last))
        out.append(a if a == b else f"{a}–{b}")
    return out


# --------------------------------------------------------------------------- pages


_Content = TypeVar("_Content", str, bytes)


def unique_outputs(pairs: list[tuple[str, _Content]]) -> dict[str, _Content]:
    """The outputs by path; two pages rendered to the same file (one would silently replace
    the other) are an error: ArchiveErrors, which the generator reports as one line each."""
    outputs = dict(pairs)
    if len(outputs) != len(pairs):
        seen: set[str] = set()
        twice = sorted({path for path, _ in pairs if path in seen or seen.add(path)})
        raise ArchiveErrors([ArchiveError(Path("docs") / path, "two generated pages have this address, and one "
                                                               "would replace the other; please report this")
                             for path in twice])
    return outputs


class Renderer:
    def __init__(self, site: Site, site_url: str, site_name: str, repo_url: str | None = None):
        self.site = site
        self.site_url = site_url.rstrip("/") + "/"
        self.site_name = site_name
        self.repo_url = repo_url
        self.env = environment()

    @cached_property
    def _terms_by_name(self) -> dict[str, Term]:
        return {t.term: t for t in self.site.terms}

    @cached_property
    def month_page(self) -> dict[str, str]:
        """The page of its month's archive that lists each article (by id): a month of more
        than ARTICLES_PER_PAGE articles has several (as ``render_article_archives`` pages them,
        in the order of ``site.articles``)."""
        return {a.id: pager.url(pager.number) for month, items in by_month(self.site.articles).items()
                for pager, chunk in month_pages(month, items) for a in chunk}

    @cached_property
    def timeline_page(self) -> dict[str, str]:
        """The page of the timeline that holds each entry (see ``timeline_pages``)."""
        return timeline_pages(self.site)

    def page(self, template: str, path: str, front: dict, *, link_from: str | None = None, **context: Any) -> Output:
        """Render one template to the file ``path``; links are relative to ``link_from``
        (the page a fragment is included into) or else to ``path`` itself."""
        front = {**front, "generated": True}  # every page it writes (hooks/ read the mark)
        content = self.env.get_template(template).render(
            page_path=link_from or path, front=front, site=self.site, site_url=self.site_url,
            site_name=self.site_name, timeline_page=self.timeline_page, **context
        )
        while "\n\n\n" in content:  # at most one blank line (str.replace: a regular expression
            content = content.replace("\n\n\n", "\n\n")  # took a fifth of rendering)
        return Output(path, content)

    def render_all(self) -> list[Output]:
        """Every generated file, in the order of ``tasks``, as text: what the build renders
        (``build.render_outputs``, which shares the same tasks among processes), with the
        same check that no two pages have one address (``unique_outputs``)."""
        outputs = [output for task, args in self.tasks() for output in task(*args)]
        unique_outputs([(o.path, o.content) for o in outputs])
        return outputs

    def tasks(self) -> list[tuple[Callable[..., list[Output]], tuple]]:
        """The work of ``render_all`` as independent tasks, each giving a list of outputs:
        in this order, their outputs are those of ``render_all``. Most are small (one
        article, one person, one glossary entry, one data file), so that processes can
        share them out evenly (``build.render_outputs``)."""
        site = self.site
        return [
            *((render_data_file, (name, records, site)) for name, records in DATA_EXPORTS.items()),
            *((self._one, (self.render_article, a)) for a in site.articles),
            (self.render_article_archives, ()),
            (self.render_glossary_index, ()),
            *((self.render_term, (t,)) for t in site.terms),
            (self.render_people_index, ()),
            *((self.render_person, (p,)) for p in site.people),
            *((self._one, (self.render_shared_name, n)) for n in site.shared_names),
            (self.render_organizations_index, ()),
            *((self.render_organization, (o,)) for o in site.organizations),
            (self.render_timeline, ()),
            (self.render_tags, ()),
            (self.render_fragments, ()),
            (render_feeds, (site, self.site_url, self.site_name)),
        ]

    @staticmethod
    def _one(render: Callable[..., Output], *args: Any) -> list[Output]:
        return [render(*args)]

    # Articles -------------------------------------------------------------

    def render_article(self, article: Article) -> Output:
        path = page_file(article.url)
        meta = article.meta
        front = {
            "title": html.escape(article.title),
            "description": html.escape(_summary(article)),
            "article": True,
            "og_type": "article",
            "jsonld": article_jsonld(article, self.site_url),
        }
        lede_only = len(self.site.articles) > FULL_TEXT_SEARCH_LIMIT
        if article.kind == "markdown":  # an editor's Markdown, converted here (lgnews/mdbody.py)
            paragraphs, blocks = [], render_markdown_blocks(article, path)
            if lede_only:
                blocks = _lede_marked(blocks, mdbody.lede(article.body_markdown or ""))
        else:
            paragraphs, blocks = [render_paragraph(article, i, path) for i in range(len(article.paragraphs))], None
        archived = archived_name(article)
        # The archived file itself, byte for byte, as the repository serves it (the site
        # shows its text; a copy from a browser is not guaranteed to be the same bytes).
        download = (f"{self.repo_url}/raw/HEAD/archive/articles/{article.id}/{archived}"
                    if self.repo_url and self.repo_url.startswith(("https://", "http://")) else None)
        # Its month's page (the one that lists it), for its date and at the end of the page.
        month = article.published.strftime("%Y/%m")
        return self.page("article.md.j2", path, front, article=article, meta=meta, archived=archived,
                         encoding=archived_encoding(article),
                         download=download, month=(self.month_page[article.id], format_date(month.replace("/", "-"))),
                         title=render_heading(article, "title"),
                         source=render_heading(article, "source"),
                         source_plain=" ".join((article.meta.source or "").split("\n")),
                         source_tooltip=heading_tooltip(article, "source"), people=people_in_article(article.people),
                         paragraphs=paragraphs, blocks=blocks,
                         lede_only=lede_only)

    def render_article_archives(self) -> list[Output]:
        outputs = []
        articles = self.site.articles
        by_year: dict[str, list[Article]] = {}
        for a in articles:
            by_year.setdefault(a.published.strftime("%Y"), []).append(a)
        months = by_month(articles)
        months_of: dict[str, list[str]] = {}
        for key in months:
            months_of.setdefault(key[:4], []).append(key)
        years = [(y, len(by_year[y])) for y in self.site.years]
        for pager, chunk in paginate(articles, ARTICLES_PER_PAGE, "articles/"):
            outputs.append(self.page("articles.md.j2", pager.path,
                                     {"title": "Articles" if pager.number == 1 else f"Articles, page {pager.number}",
                                      "search": NOT_INDEXED},
                                     heading="Articles", articles=chunk, pager=pager, years=years, months=[],
                                     intro=True))
        # Each year's months, oldest first, with their counts: on the year's pages and its months'.
        months_in = {year: [(k, format_date(k.replace("/", "-")), len(months[k])) for k in sorted(keys)]
                     for year, keys in months_of.items()}
        year_keys = sorted(by_year)  # oldest first, for the years before and after each
        for year, items in by_year.items():
            for pager, chunk in paginate(items, ARTICLES_PER_PAGE, f"articles/{year}/"):
                title = f"Articles from {year}" + (f", page {pager.number}" if pager.number > 1 else "")
                outputs.append(self.page("articles.md.j2", pager.path, {"title": title, "search": NOT_INDEXED},
                                         heading=f"Articles from {year}", this_year=year, articles=chunk,
                                         pager=pager, years=years, months=months_in[year], intro=False,
                                         other_years=_around(year_keys, year, "articles/")))
        keys = sorted(months)  # oldest first
        # The months that have a page, for the search box, which offers a month's page when
        # one is searched (docs/javascripts/search.js): a few hundred bytes, read on such a
        # search only, where asking for the page itself answered 404 for a month without one.
        outputs.append(Output("articles/months.json", _json(keys)))
        for at, month in enumerate(keys):
            label = format_date(month.replace("/", "-"))
            # The months with articles just before and after this one: (key, label) or None.
            around = [(k, format_date(k.replace("/", "-"))) if k else None
                      for k in (keys[at - 1] if at else None, keys[at + 1] if at + 1 < len(keys) else None)]
            for pager, chunk in month_pages(month, months[month]):
                title = f"Articles from {label}" + (f", page {pager.number}" if pager.number > 1 else "")
                # The year's other months too: June to November was a trip through the year's page.
                outputs.append(self.page("articles.md.j2", pager.path, {"title": title, "search": NOT_INDEXED},
                                         heading=f"Articles from {label}", articles=chunk, pager=pager,
                                         years=years, months=months_in[month[:4]], this_month=month, intro=False,
                                         around=around, year=month[:4]))
        return outputs

    # Glossary -------------------------------------------------------------

    def render_glossary_index(self) -> list[Output]:
        site = self.site
        return [
            self.page("glossary.md.j2", "glossary/index.md", {"title": "Glossary", "search": NOT_INDEXED},
                      terms=site.terms, occurrences=site.occurrences),
            self.page("candidates.md.j2", NOINDEX_PAGES[0],
                      # The editors' worklist of phrases scraped from the articles: not for
                      # search engines, which would take it for a glossary entry.
                      {"title": "Candidate terms", "search": {"exclude": True}, "robots": "noindex"},
                      candidates=site.candidates[:CANDIDATES_SHOWN], total=len(site.candidates)),
        ]

    def render_term(self, term: Term) -> list[Output]:
        site = self.site
        outputs = []
        found = site.occurrences.get(term.slug, [])
        events = [e for e in site.events if term.term in e.terms]
        see_also = [self._terms_by_name[name] for name in term.see_also if name in self._terms_by_name]
        for pager, chunk in paginate(found, OCCURRENCES_PER_PAGE, f"glossary/{term.slug}/", jumps=BY_YEAR):
            front = {"title": html.escape(term.term if pager.number == 1 else f"{term.term}, page {pager.number}"),
                     "description": html.escape(term.tooltip)}
            if pager.number > 1:
                front["search"] = NOT_INDEXED
            elif found:  # (an entry no article uses is weighed as any page: ranked first for its
                front["search"] = {"boost": 10}  # words, it came before the articles a reader looked for)
            outputs.append(self.page("term.md.j2", pager.path, front, term=term, occurrences=chunk,
                                     total=len(found), pager=pager, events=events, see_also=see_also))
        return outputs

    # People and organizations --------------------------------------------

    def render_people_index(self) -> list[Output]:
        return self._index_pages("people.md.j2", "People", "people/", self.site.people, "people",
                                 lambda chunks: name_ranges([(c[0].name, c[-1].name) for c in chunks]), BY_LETTER)

    def render_person(self, person: PersonRecord) -> list[Output]:
        appearances = newest_first(person.appearances)
        # Its first line ("Named in 4 articles, from 2021 to 2023, as mayor..."), made once: on
        # the page, and what link previews and search engines show of it (not the site's
        # description).
        lead = str(self.env.get_template("_macros.j2").module.person_lead(person_lead(appearances)))
        said = html.unescape(lead)
        sources = person_sources(appearances)
        return self._listing_pages("person.md.j2", person.label, person.url, appearances, 10, "appearances",
                                   description=html.escape(clip(f"{person.label}: {said[:1].lower()}{said[1:]}", 200)),
                                   person=person, lead=lead, sources=sources[:PERSON_SOURCES],
                                   more_sources=len(sources) - len(sources[:PERSON_SOURCES]))

    def render_shared_name(self, shared: SharedName) -> Output:
        """The page at a name's own address once people.yml has told its namesakes apart
        (see ``SharedName``): who they are, with a link to each."""
        people = [(p, person_lead(newest_first(p.appearances))) for p in shared.people]
        return self.page("namesakes.md.j2", page_file(shared.url),
                         {"title": html.escape(shared.name), "search": NOT_INDEXED}, shared=shared, people=people)

    def render_organizations_index(self) -> list[Output]:
        return self._index_pages("organizations.md.j2", "Organizations", "organizations/", self.site.organizations,
                                 "organizations", jumps=BY_LETTER)

    def render_organization(self, org: Organization) -> list[Output]:
        items = sorted(org.articles, key=lambda x: article_order(x[0]), reverse=True)
        return self._listing_pages("organization.md.j2", org.name, org.url, items, 5, "items", org=org)

    def _index_pages(self, template: str, title: str, base: str, items: Sequence, name: str,
                     labels: Callable[[list[Sequence]], Sequence[str]] | None = None, jumps=None) -> list[Output]:
        """An index (people, organizations) in pages of INDEX_PER_PAGE entries, none of them
        searched: each entry has its own page, which search finds (an index's excerpt is a
        jumble of table cells, ahead of the page the reader looks for)."""
        return [
            self.page(template, pager.path,
                      {"title": title + (f", page {pager.number}" if pager.number > 1 else ""), "search": NOT_INDEXED},
                      **{name: chunk}, pager=pager, total=len(items))
            for pager, chunk in paginate(items, INDEX_PER_PAGE, base, labels, jumps)
        ]

    def _listing_pages(self, template: str, title: str, base: str, items: Sequence, boost: int, name: str,
                       description: str | None = None, **context: Any) -> list[Output]:
        """A person's or an organization's page and the further pages of its appearances
        (APPEARANCES_PER_PAGE each): the first weighed ``boost`` in search (and described by
        ``description``, if given), the others not searched."""
        outputs = []
        for pager, chunk in paginate(items, APPEARANCES_PER_PAGE, base, jumps=BY_YEAR):
            front = {"title": html.escape(title if pager.number == 1 else f"{title}, page {pager.number}")}
            if description and pager.number == 1:
                front["description"] = description
            front["search"] = {"boost": boost} if pager.number == 1 else NOT_INDEXED
            outputs.append(self.page(template, pager.path, front, **{name: chunk}, total=len(items), pager=pager,
                                     **context))
        return outputs

    # Timeline -------------------------------------------------------------

    def render_timeline(self) -> list[Output]:
        outputs = []
        by_year = timeline_by_year(self.site)
        years = [(y, len(v)) for y, v in sorted(by_year.items())]
        curated = [e for e in self.site.timeline if e.kind == "event"]
        outputs.append(self.page("timeline.md.j2", "timeline/index.md", {"title": "Timeline"},
                                 years=years, curated=curated,
                                 terms_by_name=self._terms_by_name))
        for entry in curated:  # every article that mentions a curated event, newest first
            mentioned = sorted(self.site.event_articles.get(entry.anchor, []), key=article_order,
                               reverse=True)
            if not mentioned:
                continue
            for pager, chunk in paginate(mentioned, APPEARANCES_PER_PAGE, event_page(entry.anchor), jumps=BY_YEAR):
                title = f"{entry.title}: the articles" + (f", page {pager.number}" if pager.number > 1 else "")
                outputs.append(self.page("event.md.j2", pager.path, {"title": html.escape(title),
                                                                     "search": NOT_INDEXED},
                                         entry=entry, articles=chunk, total=len(mentioned), pager=pager))
        pages = list(timeline_year_pages(by_year))
        months = month_starts(pages)
        for year, pager, chunk in pages:
            title = f"Timeline: {year}" + (f", page {pager.number}" if pager.number > 1 else "")
            # No table of contents (hooks/articletoc.py): it listed the page's hundred entries (a
            # third of its bytes, and on a phone a menu of a hundred links); the months above the
            # list lead into it.
            outputs.append(self.page("timeline_year.md.j2", pager.path, {"title": title, "search": NOT_INDEXED,
                                                                          "hide": ["toc"]},
                                     year=year, entries=chunk, pager=pager, years=years, months=months[year],
                                     terms_by_name=self._terms_by_name,
                                     around=_around([y for y, _ in years], year, "timeline/")))
        return outputs

    # Tags -------------------------------------------------------------------

    def render_tags(self) -> list[Output]:
        outputs = [self.page("tags.md.j2", "tags/index.md", {"title": "Tags", "search": NOT_INDEXED}, tags=self.site.tags,
                             tag_articles=self.site.tag_articles)]
        for tag in self.site.tags:
            items = self.site.tag_articles.get(tag.slug, [])
            if not items:  # a tag no article has yet: no page, which nothing would lead to
                continue
            for pager, chunk in paginate(items, ARTICLES_PER_PAGE, f"tags/{tag.slug}/", jumps=BY_YEAR):
                title = f"Tag: {tag.title}" + (f", page {pager.number}" if pager.number > 1 else "")
                # The first page is found by the tag's name and description (pagefind.yml
                # leaves its list of articles out of the index, as a person's); the others not.
                front = {"title": html.escape(title), "search": {"boost": 10} if pager.number == 1 else NOT_INDEXED}
                outputs.append(self.page("tag.md.j2", pager.path, front, tag=tag,
                                         articles=chunk, pager=pager, total=len(items)))
        return outputs

    # Home-page fragments and tooltips ---------------------------------------

    def render_fragments(self) -> list[Output]:
        site = self.site
        featured = [t for t in site.terms if t.featured] or site.terms[:5]
        curated = [e for e in site.timeline if e.kind == "event"][-4:]
        latest_dated = [e for e in site.timeline if e.kind != "published"][-6:]
        glimpse = sorted({id(e): e for e in curated + latest_dated}.values(), key=lambda e: e.date)
        return [
            Output("_generated/abbreviations.json", _json(abbreviations(site.terms))),
            self.page("home_latest.md.j2", "_generated/home-latest.md", {}, articles=site.articles[:HOME_LATEST],
                      link_from="index.md"),
            self.page("home_terms.md.j2", "_generated/home-terms.md", {}, terms=featured, link_from="index.md"),
            self.page("home_timeline.md.j2", "_generated/home-timeline.md", {}, entries=glimpse,
                      link_from="index.md"),
        ]


def abbreviations(terms) -> dict[str, str]:
    """The site-wide tooltips: every name of every term (as written, capitalized and in
    lower case: abbreviations match case-sensitively) -> its short definition; not a name
    that is the term's only in articles that say its ``only_with`` words ("7·20")."""
    out: dict[str, str] = {}
    for term in terms:
        for name in term.names_anywhere:
            for variant in (name, name[:1].upper() + name[1:], name.lower()):
                out.setdefault(variant, term.tooltip)
    return out


def _summary(article: Article) -> str:
    """What a page's description, the feeds and search results say of an article: its
    ``summary``, or the start of its first paragraph."""
    if article.meta.summary:
        return article.meta.summary
    return clip(_first_paragraph(article), 200)


def _first_paragraph(article: Article) -> str:
    """The first paragraph of an article's text; of one written in Markdown, its first
    paragraph, not its first block ("# Background" was the description of an article that
    opened with a heading, a list's items run together of one that opened with a list)."""
    if article.kind == "markdown" and article.body_markdown:
        first = mdbody.lede(article.body_markdown)
        if first is not None:
            return article.paragraphs[first]
    return article.paragraphs[0] if article.paragraphs else article.title


def clip(text: str, limit: int) -> str:
    """``text`` at most ``limit`` characters long: cut at a word's end, with "…" saying so."""
    return text if len(text) <= limit else text[:limit - 3].rsplit(" ", 1)[0] + "…"


def render_paragraph(article: Article, index: int, page_path: str) -> Markup:
    """One paragraph of the reading edition as HTML: escaped text, glossary terms with their
    short definition as a tooltip (the first occurrence a link to its entry, the others
    <abbr>), annotated phrases marked with a numbered note."""
    text = article.paragraphs[index]
    spans = article.spans[index] if index < len(article.spans) else []
    out, pos = [], 0
    depth = "../" * page_path.count("/")
    for span in spans:
        out.append(esc_text(text[pos : span.start]))
        opening, closing = _span_tags(span, depth)
        out.append(opening + esc_text(text[span.start : span.end]) + closing + _note_marker(span, article.notes))
        pos = span.end
    out.append(esc_text(text[pos:]))
    return trusted("".join(out))


def render_heading(article: Article, where: str) -> Markup:
    """The article's title or source line (``where``, as in ``model.HEADINGS``) as HTML on one
    line: escaped text, each glossary term in it with its short definition as a tooltip
    (<abbr>: the link to its entry is at its first use in the text, or in "Terms explained")."""
    text = article.title if where == "title" else article.meta.source or ""
    out, pos = [], 0
    for span in article.heading_spans.get(where, ()):
        opening, closing = _span_tags(span, "")
        out.append(esc_text(text[pos : span.start]) + opening + esc_text(text[span.start : span.end]) + closing)
        pos = span.end
    out.append(esc_text(text[pos:]))
    return trusted(" ".join("".join(out).split("\n")))


def heading_tooltip(article: Article, where: str) -> str:
    """The tooltip of a link whose text is the article's title or source line (``where``),
    as a title attribute's value: what each glossary term in it means ("Rong Media Center:
    A county- or district-level …"), or "" if it has none. The source line is the link to
    its organization: a term's <abbr> inside it showed its meaning to the pointer only, as
    the keyboard's focus goes to the link (an accessibility review)."""
    text = article.title if where == "title" else article.meta.source or ""
    return title_value(" ".join(f"{' '.join(text[span.start : span.end].split())}: {span.term.tooltip}"
                                for span in article.heading_spans.get(where, ()) if span.term is not None))


def _span_tags(span, depth: str, in_link: bool = False) -> tuple[str, str]:
    """The markup around a marked stretch of text: a term's tooltip (its first use also a
    link to its entry, but inside a link, where it keeps only the anchor) or an annotated
    phrase."""
    if span.term is None:
        return f'<span class="annotated" id="noteref-{span.note}">', "</span>"
    term = span.term
    title = title_value(term.tooltip)
    if span.first and not in_link:  # the link holds the tooltip: shown on focus too, not on hover alone
        # The anchor the glossary's occurrences lead to is around the link, not on it: a browser
        # focuses a link it arrives at, and the focus opened the tooltip over the very sentence
        # the reader came to read.
        return (f'<span id="term-{term.slug}"><a class="term" href="{depth}glossary/{term.slug}/" title="{title}">',
                "</a></span>")
    ident = f' id="term-{term.slug}"' if span.first else ""
    return f'<abbr{ident} title="{title}">', "</abbr>"


def _note_marker(span, notes: Sequence) -> str:
    """The numbered marker after an annotated phrase, linking to its note (none for a term),
    with the note as its tooltip: read where the phrase is, as a term's definition is (the
    notes, an article's ``notes``, are listed under the reading edition too)."""
    n = span.note
    if not n:
        return ""
    title = f' title="{title_value(notes[n - 1].note)}"' if n <= len(notes) else ""
    return f'<sup class="note-marker"><a href="#note-{n}" aria-label="Editor\'s note {n}"{title}>[{n}]</a></sup>'


def render_markdown_blocks(article: Article, page_path: str) -> list[Markup]:
    """The reading edition of an article written in Markdown, block by block: the HTML
    Python-Markdown made of it (``mdbody``), its text escaped again as any text the generator
    prints, its links to the site's pages made relative to this page, each block with text
    numbered (``id="pN"``) and the model's spans marked as ``render_paragraph`` marks them."""
    body_html = mdbody.rewrite_links(mdbody.convert(article.body_markdown or ""), _resolver(page_path))
    out, index = [], 0
    for block in mdbody.blocks(body_html):
        if block.text.strip():
            spans = article.spans[index] if index < len(article.spans) else []
            index += 1
            marked = _mark_block(block, spans, index, page_path, article.notes)
        else:
            marked = "".join(s.raw for s in block.segments)
        out.append(trusted(marked.replace("\n", "&#10;")))  # one line: Markdown never reads into it
    return out


def _lede_marked(blocks: list[Markup], first: int | None) -> list[Markup]:
    """``blocks`` (``render_markdown_blocks``) with the first paragraph (``mdbody.lede``, the
    ``first`` of the paragraphs: its block is numbered ``p<first + 1>``) marked as the one
    search indexes above ``FULL_TEXT_SEARCH_LIMIT`` (pagefind.yml). Counted by position
    among the blocks, the first paragraph of an article that opens with a heading was left
    out of the index, and its lists and later headings were indexed (a maintainer's review)."""
    if first is None:
        return blocks
    opening = f'<p id="p{first + 1}"'
    return [trusted('<p class="lg-lede" ' + block[3:]) if block.startswith(opening) else block for block in blocks]


_NO_MARKS = {"code", "pre"}  # text shown as typed: nothing marked inside
_NO_LINKS = {"a"}  # no link inside a link: a term there gets its tooltip only


def _mark_block(block, spans: list, number: int, page_path: str, notes: Sequence = ()) -> str:
    """One block of an article written in Markdown (a paragraph, a heading, an item...) as
    the page prints it: its first tag numbered ``id="p<number>"``, its text escaped again,
    and the model's ``spans`` marked in it (see ``_span_inserts``)."""
    segments = block.segments
    inserts, after_close = _span_inserts(segments, spans, _open_elements(segments), "../" * page_path.count("/"), notes)
    return _joined_block(segments, inserts, after_close, number)


def _segment_at(segments, position: int, end: bool = False) -> tuple[int, int]:
    """Where the character ``position`` of a block's text is: (its segment of text, the
    offset in it); with ``end``, a position at the end of a segment is in that segment. The
    last segment, offset 0, if no segment holds it."""
    for i, seg in enumerate(segments):
        if seg.tag is None and (seg.start <= position < seg.start + len(seg.text)
                                or end and seg.start < position <= seg.start + len(seg.text)):
            return i, position - seg.start
    return len(segments) - 1, 0


def _span_inserts(segments, spans: list, open_at: list[set[str]], depth: str, notes: Sequence = (),
                  ) -> tuple[dict[int, list[tuple[int, int, str]]], dict[int, list[str]]]:
    """The HTML that marks ``spans`` in a block's segments: by segment, (offset, order, html)
    of each span's opening (order 1) and of its closing with its note's marker (order 0: a
    span that ends where another starts is closed first); and by segment, the markers that
    go after the code or link their span ends in. A span within one segment of text, not in
    code, is wrapped, as in a paragraph of an ingested article; any other (across markup, or
    in code) gets only the anchor the glossary and the notes link to, where it starts."""
    inserts: dict[int, list[tuple[int, int, str]]] = {}  # segment -> (offset, order, html)
    after_close: dict[int, list[str]] = {}  # segment of a text -> markers to put after its no-mark/no-link element
    for span in spans:
        (i, a), (j, b) = _segment_at(segments, span.start), _segment_at(segments, span.end, end=True)
        if i == j and not open_at[i] & _NO_MARKS:  # wrapped, as in a paragraph of an ingested article
            opening, closing = _span_tags(span, depth, in_link=bool(open_at[i] & _NO_LINKS))
        else:  # across markup, or in code: only the anchor
            opening, closing = _span_anchor(span), ""
        inserts.setdefault(i, []).append((a, 1, opening))
        marker = _note_marker(span, notes)
        if marker and open_at[j] & (_NO_MARKS | _NO_LINKS):
            after_close.setdefault(j, []).append(marker)  # after the code or the link
            marker = ""
        if closing or marker:
            inserts.setdefault(j, []).append((b, 0, closing + marker))
    return inserts, after_close


def _span_anchor(span) -> str:
    """The empty element a span that cannot be wrapped leaves where it starts, for the
    glossary's occurrences (a term's first use only) or the note (an annotated phrase) to
    link to."""
    ident = f"term-{span.term.slug}" if span.term is not None else f"noteref-{span.note}"
    return f'<span id="{ident}"></span>' if span.term is None or span.first else ""


def _joined_block(segments, inserts: dict[int, list[tuple[int, int, str]]], after_close: dict[int, list[str]],
                  number: int) -> str:
    """A block's HTML, segment by segment: tags as they are (the first numbered), text
    escaped with ``inserts`` put in it, and the markers of ``after_close`` held back until
    the code or link they follow is closed."""
    out: list[str] = []
    stack: list[tuple[str, list[str]]] = []  # open elements, with the markers waiting for their end
    opened = False
    for k, seg in enumerate(segments):
        if seg.tag is not None:
            if seg.closing:
                _close_element(seg, stack, out)
                continue
            raw = seg.raw
            if not opened:  # the block's first tag carries its number
                opened = True
                raw = re.sub(r"^<([a-zA-Z0-9]+)", rf'<\1 id="p{number}"', raw, count=1) if " id=" not in raw else raw
            out.append(raw)
            if seg.tag not in mdbody.VOID and not raw.endswith("/>"):
                stack.append((seg.tag, []))
            continue
        out.extend(_text_with_inserts(seg, inserts.get(k, [])))
        if k in after_close:
            _after_holder(after_close[k], stack, out)
    return "".join(out)


def _close_element(seg, stack: list[tuple[str, list[str]]], out: list[str]) -> None:
    """Write the closing tag ``seg``: the elements opened since its own are closed with it,
    and the markers they held back follow it, unless an element that holds markers back is
    still open (they wait for its end). A closing tag nothing opened is written as it is."""
    while stack:
        name, waiting = stack.pop()
        if name == seg.tag:
            out.append(seg.raw)
            if waiting and not _held(stack):
                out.extend(waiting)
            elif waiting:
                stack[-1][1].extend(waiting)
            return
    out.append(seg.raw)


def _text_with_inserts(seg, inserts: list[tuple[int, int, str]]) -> list[str]:
    """A segment of text, escaped again, with the HTML of ``inserts`` (offset, order, html)
    put in it at their offsets (at one offset, by order); whitespace between tags, where
    nothing starts or ends, is kept as it is, the inserts after it."""
    cuts = sorted(inserts, key=lambda x: (x[0], x[1]))
    if not seg.text.strip():  # whitespace between tags: nothing starts or ends in it
        return [seg.raw, *(piece for _, _, piece in cuts)]
    read = html.unescape(seg.raw)  # as long as seg.text: only whitespace differs
    out, pos = [], 0
    for offset, _, piece in cuts:
        out.append(esc_text(read[pos:offset]))
        out.append(piece)
        pos = offset
    out.append(esc_text(read[pos:]))
    return out


def _after_holder(markers: list[str], stack: list[tuple[str, list[str]]], out: list[str]) -> None:
    """Hold ``markers`` back until the innermost open code or link is closed, or write them
    now if none is open."""
    holder = next((frame for frame in reversed(stack) if frame[0] in (_NO_MARKS | _NO_LINKS)), None)
    if holder is not None:
        holder[1].extend(markers)
    else:
        out.extend(markers)


def _held(stack: list[tuple[str, list[str]]]) -> bool:
    """Whether an element that holds markers back is still open."""
    return any(name in (_NO_MARKS | _NO_LINKS) for name, _ in stack)


def _open_elements(segments) -> list[set[str]]:
    """For each segment, the elements open where it stands."""
    open_: list[str] = []
    out = []
    for seg in segments:
        out.append(set(open_))
        if seg.tag is None or seg.tag in mdbody.VOID or seg.raw.endswith("/>"):
            continue
        if seg.closing:
            if seg.tag in open_:
                del open_[len(open_) - 1 - open_[::-1].index(seg.tag)]
        else:
            open_.append(seg.tag)
    return out


def esc_inline(text: str) -> str:
    """Escape for raw HTML inside the reading edition (no whitespace folding)."""
    return _ESCAPE_RE.sub(_escape_match, text)


def esc_text(text: str) -> str:
    """``esc_inline``, with each run of Chinese in the text marked as Chinese (``zh_lang``):
    in an article's title and text, a screen reader read 防汛 with the English voice of the
    page (an accessibility review). Text all ASCII (most of it) is not searched. Without the
    inner words a glossary's Chinese gives the search (``_zh_run``): they grow with the square
    of a run's length, and a passage of Chinese in an article made its HTML six times larger."""
    return _chinese_marked(text, esc_inline(text))


def _chinese_marked(text: str, escaped: str) -> str:
    """``escaped``, the escaped ``text``, with each run of Chinese marked (``_zh_plain``); text
    all ASCII is not searched."""
    return escaped if text.isascii() else _ZH_RUN_RE.sub(_zh_plain, escaped)


# --------------------------------------------------------------------------- structured data


def article_jsonld(article: Article, site_url: str) -> dict:
    meta = article.meta
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": clip(article.title, 110),  # (Google reads 110 characters of it)
        "datePublished": article.published.isoformat(),
        "inLanguage": "en",
        "isAccessibleForFree": True,
        "url": f"{site_url}{article.url}",
        "mainEntityOfPage": f"{site_url}{article.url}",
    }
    if meta.source:
        data["sourceOrganization"] = {"@type": "Organization", "name": meta.source}
    if meta.original_url or meta.source_url:
        original = {"@type": "NewsArticle", "url": meta.original_url or meta.source_url}
        if meta.original_url:
            original["inLanguage"] = "zh"
            data["translationOfWork"] = original
        data["isBasedOn"] = original
    if meta.event_date:
        data["contentReferenceTime"] = meta.event_date.isoformat()
    authors = [n for role in ("reporter", "correspondent") for n in meta.credits.get(role, [])]
    if authors:
        data["author"] = [{"@type": "Person", "name": n} for n in authors]
    return data


def article_record(article: Article) -> dict:
    """The article's object in data/articles.json (see docs/schemas/articles.schema.json)."""
    meta = article.meta
    return {
        "id": article.id,
        "url": article.url,
        "title": article.title,
        "published": article.published.isoformat(),
        "event_date": meta.event_date.isoformat() if meta.event_date else None,
        "source": meta.source,
        "source_url": meta.source_url,
        "original_url": meta.original_url,
        "summary": meta.summary,
        "credits": {role: list(names) for role, names in meta.credits.items()},
        "people": [
            # No involvement written: the person is mentioned, as their page says.
            {"name": person.name, "url": person.url, "roles": list(roles), "involvement": list(how or ("mentioned",)),
             **({"as_written": written} if spelled_otherwise(written, person.name) else {})}
            for person, written, roles, how in article.people
        ],
        "terms": [t.term for t in article.terms],
        "events": [e.id for e in article.events],
        "dates": [d.date for d in article.dates],
        "tags": list(meta.tags),
        "annotations": [{"phrase": a.phrase, "note": a.note} for a in meta.annotations],
        "paragraphs": list(article.paragraphs),
        "sha256": article.sha256,
        "archived_file": f"archive/articles/{article.id}/{archived_name(article)}",
        "encoding": archived_encoding(article),
        "machine_translated": meta.machine_translated,
        "as_published": _as_published_record(article),
    }


def _around(keys: list, key, base: str) -> tuple[tuple[str, str] | None, tuple[str, str] | None]:
    """The pages of the keys just before and after ``key`` in ``keys`` (years, oldest first):
    (address, label) each, or None at either end."""
    at = [str(k) for k in keys].index(str(key))

    def page(i: int) -> tuple[str, str] | None:
        return (f"{base}{keys[i]}/", str(keys[i])) if 0 <= i < len(keys) else None

    return page(at - 1), page(at + 1)


def archived_name(article: Article) -> str:
    """The file of the article's folder whose bytes ``sha256`` is: the source as received, or
    the Markdown an editor wrote."""
    return "source.txt" if article.kind == "raw" else "article.md"


def archived_encoding(article: Article) -> str:
    """The encoding of the archived file's bytes, as a reader of them needs it: the one the
    build read them in (GB18030, Big5: a download read as UTF-8 is garbled), by its standard
    name ('utf8' written in meta.yml is UTF-8). (It is one that parse.decode_source accepts:
    a name ``codecs`` knows, UTF-8 with its mark or ASCII given as UTF-8.)"""
    return codecs.lookup(article.encoding).name


def _as_published_record(article: Article) -> dict | None:
    """What the build reads in source.txt where meta.yml reads otherwise, as the article's page
    gives it ("Title as published", "Date as published", …): only the fields that differ."""
    found = {"title": article.title_as_published} if article.title_as_published else {}
    for key, value in (article.as_published or {}).items():
        found[key] = value.isoformat() if key == "published" else value
    return found or None


def _json(data: Any) -> str:
    # ensure_ascii=False keeps Chinese readable; "<" is still escaped so no consumer that
    # pastes the JSON into HTML can be tricked into opening a tag.
    # Compact: at 10,000 articles indentation alone adds 10 MB to the exports and doubles
    # the time Python's encoder takes (its C fast path does not indent).
    # In orjson's bytes when it wrote them: bytes are searched with memchr, a text that holds
    # Chinese character by character (0.1 s less for articles.json at 10,000 articles).
    utf8 = _compact_json_utf8(data)
    if utf8 is not None:
        return (utf8.replace(b"<", b"\\u003c").replace(b">", b"\\u003e").replace(b"&", b"\\u0026") + b"\n").decode("utf-8")
    text = compact_json(data)  # what orjson refuses: Python's encoder
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"


def render_data_file(name: str, records: Callable[[Site], list[dict]], site: Site) -> list[Output]:
    """One open-data export, data/<name>.json (see docs/data.md): ``records(site)``."""
    return [Output(f"data/{name}.json", _json(records(site)))]


def _article_records(site: Site) -> list[dict]:
    return [article_record(a) for a in sorted(site.articles, key=article_order)]


def _glossary_records(site: Site) -> list[dict]:
    return [
        {
            "term": t.term, "slug": t.slug, "aliases": t.aliases, "zh": t.zh, "pinyin": t.pinyin,
            "definition": t.definition, "category": t.category, "confidence": t.confidence,
            "sources": [s.url for s in t.sources], "see_also": t.see_also, "url": f"glossary/{t.slug}/",
            "occurrences": [{"article": o.article.id, "context": o.context, "in": o.where, "paragraph": o.paragraph}
                            for o in site.occurrences.get(t.slug, [])],
        }
        for t in site.terms
    ]


def timeline_by_year(site: Site) -> dict[str, list[TimelineEntry]]:
    by_year: dict[str, list[TimelineEntry]] = {}
    for entry in site.timeline:
        by_year.setdefault(entry.year, []).append(entry)
    return by_year


def timeline_year_pages(by_year: dict[str, list[TimelineEntry]]) -> Iterable[tuple[str, Pager, Sequence]]:
    """Each year's timeline in pages of TIMELINE_PER_PAGE entries: (year, pager, entries)."""
    for year, entries in by_year.items():
        for pager, chunk in paginate(entries, TIMELINE_PER_PAGE, f"timeline/{year}/"):
            yield year, pager, chunk


def month_starts(pages: Sequence[tuple[str, Pager, Sequence[TimelineEntry]]]) -> dict[str, list[tuple[str, str, str]]]:
    """For each year of the timeline, each month that has an entry: (its name, the page that
    holds its first entry, that entry's anchor), so that a year of several pages can be
    entered at a month. Entries dated by the year alone have no month."""
    months: dict[str, list[tuple[str, str, str]]] = {}
    for year, pager, chunk in pages:
        found = months.setdefault(year, [])
        for entry in chunk:
            month = entry.date[5:7] if entry.precision != "year" else ""
            if month.isdigit() and (not found or found[-1][0] != MONTH_NAMES[int(month) - 1]):
                found.append((MONTH_NAMES[int(month) - 1], pager.url(pager.number), entry.anchor))
    return months


def timeline_pages(site: Site) -> dict[str, str]:
    """The address of the page of the timeline that holds each entry (by anchor): the pages
    ``Renderer.render_timeline`` writes."""
    return {entry.anchor: pager.url(pager.number)
            for _, pager, chunk in timeline_year_pages(timeline_by_year(site)) for entry in chunk}


def event_page(event_id: str) -> str:
    """The pages that list every article mentioning a curated event."""
    return f"timeline/events/{event_id}/"


def _timeline_records(site: Site) -> list[dict]:
    pages = timeline_pages(site)
    return [
        {
            "date": e.date, "precision": e.precision, "title": e.title, "description": e.description,
            "kind": e.kind, "event": e.event.id if e.event else None,
            "sources": [s.url for s in e.sources], "articles": [a.id for a in e.articles],
            "url": f"{pages[e.anchor]}#{e.anchor}",
        }
        for e in site.timeline
    ]


def _people_records(site: Site) -> list[dict]:
    return [
        {
            "name": p.name, "zh": p.zh, "zh_confirmed": p.zh_confirmed if p.zh else None, "aliases": p.aliases,
            "place": p.place, "note": p.note or None, "url": p.url,
            "appearances": [
                {"article": a.article.id, "date": a.article.published.isoformat(), "roles": list(a.roles)}
                for a in sorted(p.appearances, key=lambda a: article_order(a.article))
            ],
        }
        for p in site.people
    ]


def _organization_records(site: Site) -> list[dict]:
    return [
        {
            "name": o.name, "zh": o.zh, "zh_confirmed": o.zh_confirmed if o.zh else None, "description": o.description,
            "curated": o.curated, "aliases": o.aliases,
            "local_aliases": o.local_aliases, "place": o.place, "url": o.url,
            "articles": [{"article": article.id, "as": how}
                         for article, how in sorted(o.articles, key=lambda x: article_order(x[0]))],
        }
        for o in site.organizations
    ]


def _tag_records(site: Site) -> list[dict]:
    tagged = site.tag_articles
    return [
        {
            "slug": t.slug, "title": t.title, "description": t.description,
            "url": f"tags/{t.slug}/" if tagged.get(t.slug) else None,  # a tag no article has has no page
            "count": len(tagged.get(t.slug, [])),  # which articles: their "tags" in articles.json
        }
        for t in site.tags
    ]


DATA_EXPORTS: dict[str, Callable[[Site], list[dict]]] = {
    "articles": _article_records, "glossary": _glossary_records, "timeline": _timeline_records,
    "people": _people_records, "organizations": _organization_records, "tags": _tag_records,
}
"""The open-data exports: data/<name>.json from the records each function gives."""


_XML_INVALID_RE = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


_RSS_PLAIN = {"&": "&#x26;", "<": "&#x3C;", ">": "&#x3E;"}


def _rss_plain(text: str) -> Markup:
    """Text for an element of RSS that readers take as text or as HTML, as each likes (a
    title, a category): "&", "<" and ">" as the hexadecimal references that the RSS Advisory
    Board's profile finds read as text by the most readers. Escaped once, as ``finalize``
    does, a title '<b>Louxing</b>' was bold in a reader that takes titles for HTML."""
    return Markup(re.sub("[&<>]", lambda m: _RSS_PLAIN[m.group()], _XML_INVALID_RE.sub("", str(text))))


def render_feeds(site: Site, site_url: str, site_name: str) -> list[Output]:
    """RSS 2.0 and JSON Feed 1.1 of the newest articles; dates come from the articles, so
    the same archive always gives the same bytes."""
    items = site.articles[:FEED_SIZE]
    env = environment()
    # XML 1.0 has no control characters (but tab and newlines): one in a title would make
    # the whole feed unreadable, so they are dropped.
    env.finalize = lambda v: v if isinstance(v, Markup) else html.escape(_XML_INVALID_RE.sub("", str(v)), quote=True)

    # The sources give a date, not a time: noon UTC, which is that day from UTC-11 to UTC+11
    # (midnight UTC was the day before in a reader west of Greenwich: all of the Americas).
    def noon(d: date) -> datetime:
        return datetime(d.year, d.month, d.day, 12, tzinfo=UTC)

    def when(d: date) -> str:
        return format_datetime(noon(d))

    rss = env.get_template("feed.xml.j2").render(
        plain=_rss_plain,
        # An RSS description is HTML: the summary, scraped text, is escaped as HTML here, and
        # that HTML as XML by ``finalize`` (once only, a '<b>' in it would be bold in a reader).
        site_url=site_url, site_name=site_name, items=items, when=when, summary=lambda a: html.escape(_summary(a)),
        updated=when(items[0].published) if items else None,
    )
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": site_name,
        "home_page_url": site_url,
        "feed_url": f"{site_url}feed.json",
        "language": "en",
        "items": [
            {
                "id": f"{site_url}{a.url}", "url": f"{site_url}{a.url}", "title": a.title,
                "content_text": "\n\n".join(a.paragraphs), "summary": _summary(a),
                "date_published": noon(a.published).isoformat().replace("+00:00", "Z"), "tags": [t.title for t in a.tags],
                # Who published it, as the page credits it (a feed's re-publisher lost it).
                **({"authors": [{"name": a.meta.source}]} if a.meta.source else {}),
            }
            for a in items
        ],
    }
    return [Output("feed.xml", rss), Output("feed.json", _json(feed))]
