"""The text of an article an editor wrote (``article.md``), converted here rather than by
MkDocs, so that it is treated as an ingested article's: its glossary terms found however
they are written and the first use of each linked, its editors' notes marked where their
phrase is, each block numbered (``#pN``) and exported, and no HTML in it interpreted.

Python-Markdown converts the body with raw HTML turned off (``<b>`` shows as typed) and
without attribute lists (which could set any attribute, an event handler included). Each
top-level block of the result (a paragraph, a list, a quotation, a table, a code block, a
heading) is one paragraph of the reading edition. ``Block.text`` is what the model scans:
the block's characters as a reader sees them, so that a position in it can be found again
in the block's HTML (``segments``) to mark what the model found there."""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

import markdown

from .errors import NOT_AN_ADDRESS, ArchiveError, not_an_address
from .titles import inert_titles


@dataclass(frozen=True)
class Segment:
    """A piece of a block's HTML: a tag, or text (``raw`` as written in the HTML, ``text`` as
    read, starting at ``start`` in the block's text)."""

    raw: str
    tag: str | None = None  # the tag's name, for a tag
    closing: bool = False
    text: str = ""
    start: int = 0


@dataclass(frozen=True)
class Block:
    text: str
    segments: tuple[Segment, ...]


_TAG_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
_TARGET_RE = re.compile(r'(<(?:a\b[^>]*?\bhref|img\b[^>]*?\bsrc)=")([^"]*)(")')  # a link's or an image's
VOID = {"br", "hr", "img", "wbr"}
SCHEMES = ("http", "https", "mailto")


def _converter() -> markdown.Markdown:
    # (fenced_code: a block between ``` lines, as the editors' guide and free pages write
    # them, was one line of inline code, its language word shown as text)
    md = markdown.Markdown(extensions=["tables", "def_list", "sane_lists", "fenced_code"], output_format="html")
    md.preprocessors.deregister("html_block")  # raw HTML stays text, escaped
    md.inlinePatterns.deregister("html")
    return md


_HEADING_RE = re.compile(r"<(/?)h([1-6])\b")


@lru_cache(maxsize=256)
def convert(body: str) -> str:
    """The body as HTML, links as the editor wrote them (``rewrite_links`` places them).
    Its headings go two levels down: the page's title is its h1 and "Reading edition" an
    h2, so an article's '# Timetable' is an h3. Remembered: the model, the renderer and
    the check of the links each need it."""
    # A link's title is one a tooltip shows as text (lgnews/titles.py).
    return inert_titles(_HEADING_RE.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + 2, 6)}", _converter().convert(body)))


def blocks(body_html: str) -> list[Block]:
    """The top-level blocks of ``body_html``, each with its text and its segments."""
    out: list[Block] = []
    depth, start = 0, None
    for m in _TAG_RE.finditer(body_html):
        closing, name = m.group(1) == "/", m.group(2).lower()
        if name in VOID or m.group(0).endswith("/>"):
            if depth == 0:
                out.append(_block(body_html[m.start():m.end()]))
            continue
        if not closing:
            if depth == 0:
                start = m.start()
            depth += 1
        else:
            depth -= 1
            if depth == 0 and start is not None:
                out.append(_block(body_html[start:m.end()]))
                start = None
    return out


CODE = frozenset({"code", "pre"})
"""The elements whose text is shown as typed: no glossary term is found in them."""


@lru_cache(maxsize=256)
def text_blocks(body_markdown: str) -> tuple[Block, ...]:
    """The blocks of an article written in Markdown that hold text: its paragraphs, as the
    model numbers them (the model, its scans and the renderer each read them; remembered)."""
    return tuple(block for block in blocks(convert(body_markdown)) if block.text.strip())


def lede(body_markdown: str) -> int | None:
    """Which of ``text_blocks`` is the article's first paragraph (a heading, a list or a
    table may come before it), or None if it has none: what its description says, and
    what search indexes of it above a size."""
    return next((i for i, block in enumerate(text_blocks(body_markdown))
                 if block.segments and block.segments[0].tag == "p"), None)


def code_ranges(body_markdown: str) -> list[list[tuple[int, int]]]:
    """Where code is in the text of each block of an article written in Markdown, the blocks
    numbered as its paragraphs are (those with text): (start, end) in the block's text. A
    term there is no use of it (`hidden dangers register`, a file's name, was the first use
    of "hidden dangers", and took its link; a review)."""
    out = []
    for block in text_blocks(body_markdown):
        ranges, depth = [], 0
        for seg in block.segments:
            if seg.tag in CODE:
                depth += -1 if seg.closing else 1
            elif seg.tag is None and depth > 0 and seg.text:
                ranges.append((seg.start, seg.start + len(seg.text)))
        out.append(ranges)
    return out


def _block(raw: str) -> Block:
    pieces: list[tuple[str, str | None, bool]] = []  # (raw, tag name or None for text, closing)
    pos = 0
    for m in _TAG_RE.finditer(raw):
        if m.start() > pos:
            pieces.append((raw[pos:m.start()], None, False))
        pieces.append((m.group(0), m.group(2).lower(), m.group(1) == "/"))
        pos = m.end()
    if pos < len(raw):
        pieces.append((raw[pos:], None, False))
    # The text a reader sees: entities read, each whitespace character a space (one for one,
    # so that positions hold); whitespace between tags counts as one space, none at the ends.
    texts = []
    for piece, tag, _ in pieces:
        if tag is not None:
            texts.append("")
            continue
        read = re.sub(r"\s", " ", html.unescape(piece))
        texts.append(" " if not read.strip() else read)
    filled = [i for i, t in enumerate(texts) if t.strip()]
    for i, t in enumerate(texts):
        if t and not t.strip() and (not filled or i < filled[0] or i > filled[-1]):
            texts[i] = ""
    segments, offset = [], 0
    for (piece, tag, closing), text in zip(pieces, texts, strict=True):
        segments.append(Segment(piece, tag, closing, text, offset))
        offset += len(text)
    return Block("".join(texts), tuple(segments))


def link_problems(path, body: str, body_html: str, line=None, where: str = "an article") -> list[ArchiveError]:
    """Links and images that cannot be in an article (or ``where`` else the Markdown is): a
    link that runs code or opens something other than a web page or an e-mail
    (``javascript:``, ``data:``), and an image from another site (pages load nothing from
    other hosts). ``line(target)``: the line of the file to name, by default of ``body``."""
    find = line or (lambda target: _line(body, target))
    problems = []
    for m in _TARGET_RE.finditer(body_html):
        read = html.unescape(m.group(2))
        # Named as written where the file has it, its control characters shown by their codes
        # ('jav&#x09;ascript:' was said with a tab in it, and with no line: the file has the entity).
        raw = m.group(2)
        line = lambda _, read=read, raw=raw: find(read) or find(raw)  # noqa: E731
        target = _CONTROL_RE.sub(lambda c: f"\\x{ord(c[0]):02x}", read)
        if not_an_address(read):  # 'https：//example.com', 'http://www.gov.cn／zwgk', 'http://[x'
            problems.append(ArchiveError(path, f"the link to '{target}' {NOT_AN_ADDRESS}", line=line(target)))
            continue
        scheme = urlsplit(read).scheme.lower()
        if m.group(1).startswith("<img"):
            if scheme or read.startswith("//"):
                problems.append(ArchiveError(path, f"the image '{target}' is on another site: the archive's pages "
                                                   "load nothing from other sites; save the image in docs/ and link "
                                                   "to it from the site's root (e.g. images/photo.jpg)",
                                             line=line(target)))
        elif scheme and scheme not in SCHEMES:
            problems.append(ArchiveError(path, f"the link to '{target}' is not allowed: a link in {where} leads "
                                               "to a web page (https://...), an e-mail address (mailto:...) or "
                                               "a page of this site", line=line(target)))
    return problems


_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


def _line(body: str, text: str) -> int | None:
    """The line of ``text`` in the body (1 = the body's first), for an error message."""
    at = body.find(text)
    return body.count("\n", 0, at) + 1 if at >= 0 else None


def site_target(target: str) -> tuple[str, str] | None:
    """A link an editor wrote to a page of the site, from the site's root
    (``glossary/power-list/``, ``data.md``, ``articles/<id>/#p2``): (the page's address, such
    as 'data/', and its anchor). None for a web address, an e-mail or an anchor alone, and for
    what is no address at all (``link_problems`` refuses it)."""
    if not_an_address(target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = posixpath.normpath(parts.path.lstrip("/"))
    if path in (".", ""):
        return "", parts.fragment
    if path == "index.md" or path.endswith("/index.md"):
        path = path[: -len("index.md")]
    elif path.endswith(".md"):
        path = path[:-3] + "/"
    elif not posixpath.splitext(path)[1] and not path.endswith("/"):
        path += "/"
    return path.lstrip("/"), parts.fragment


def rewrite_links(body_html: str, resolve) -> str:
    """``body_html`` with each link to a page of the site (or image) replaced by
    ``resolve(address, anchor)``: its address as the page that shows the article links to it."""
    def one(m: re.Match) -> str:
        found = site_target(html.unescape(m.group(2)))
        if found is None:
            return m.group(0)
        return m.group(1) + html.escape(resolve(*found), quote=True) + m.group(3)

    return _TARGET_RE.sub(one, body_html)


def site_links(body_html: str) -> list[tuple[str, str, str]]:
    """(the target as written, its page's address, the anchor) for each link to a page of
    the site, or image of it."""
    out = []
    for m in _TARGET_RE.finditer(body_html):
        written = html.unescape(m.group(2))
        found = site_target(written)
        if found is not None:
            out.append((written, *found))
    return out


def own_anchors(body_html: str) -> list[str]:
    """The links to a place of the page itself ('#p3', '#reading-edition'), as written."""
    return [written for m in _TARGET_RE.finditer(body_html)
            if (written := html.unescape(m.group(2))).startswith("#") and len(written) > 1]


_ANCHOR_ID_RE = re.compile(r'\sid="([^"]*)"')
_MD_HEADING_RE = re.compile(r"^#{1,6}[ \t]+(.*?)[ \t#]*$", re.M)
_HEADING_ID_RE = re.compile(r"\{[^{}]*#([^\s{}]+)[^{}]*\}$")


def page_anchors(page: str) -> set[str]:
    """The anchors of a generated page (its Markdown): the ids of its HTML, and those its
    headings get (written after the heading as '{ #id }', or made from its words as
    MkDocs's table of contents makes them: 'Reading edition' is 'reading-edition')."""
    from markdown.extensions.toc import slugify

    anchors = {html.unescape(ident) for ident in _ANCHOR_ID_RE.findall(page)}
    anchors.add("lg-title")  # the title's, on every page (the skip link's target)
    for heading in _MD_HEADING_RE.findall(page):
        given = _HEADING_ID_RE.search(heading)
        if given:
            anchors.add(given.group(1))
            continue
        slug = base = slugify(html.unescape(_TAG_RE.sub("", heading)), "-")
        n = 0
        while slug in anchors:  # as the table of contents tells two alike apart
            n += 1
            slug = f"{base}_{n}"
        anchors.add(slug)
    return anchors
