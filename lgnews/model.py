"""Model stage: the whole archive as one cross-referenced Site, built before anything renders.

``load_archive`` reads and validates every file of ``archive/`` and reports all problems of a
run together; ``build_site`` resolves what the articles mention (glossary terms, events,
people, organizations, dates) and the links back, all in memory and near-linear in the
size of the archive."""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import stat
import sys
import unicodedata
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Generic, TypeVar

from .errors import ArchiveError, ArchiveErrors, DraftError, ParseError
from .ids import ARTICLE_ID_RE
from .parse import (
    ARCHIVED_SOURCE_BYTES,
    MAX_SOURCE_BYTES,
    SENTENCE_BOUNDARY_RE,
    DateMention,
    ParsedArticle,
    decode_source,
    extract_people,
    find_dates,
    find_event_date,
    find_quoted,
    normalize_punctuation,
    parse_article,
    unglue,
    without_controls,
)
from .records import (
    FOLDER_LINK,
    STRAY_LINK,
    Annotation,
    ArticleMeta,
    CuratedOrganization,
    CuratedPerson,
    Event,
    PersonMention,
    Source,
    Tag,
    Term,
    decode_text,
    key_lines,
    load_events,
    load_glossary,
    load_meta,
    load_organizations,
    load_people,
    load_tags,
    match_key,
    phrase_key,
    plain_apostrophes,
    read_file,
    read_yaml,
    reserved_slug,
    skeleton_comment_lines,
    slugify,
)

T = TypeVar("T")

CREDIT_INVOLVEMENT = {
    "reporter": "reporting",
    "correspondent": "reporting (correspondent)",
    "editor_in_chief": "editing (editor in chief)",
    "reviewer": "reviewing",
    "editor": "editing",
    "supervisor": "supervising",
}
ID_RE = ARTICLE_ID_RE
PLACEHOLDER = "Write the article here, in Markdown, replacing these two paragraphs."
"""The first words of the text ``make new-article`` puts in a new article: an article that
still has them is not published."""
FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?---[ \t]*\n?(?P<body>.*)\Z", re.S)


# --------------------------------------------------------------------------- matching


# Characters that may have a case other than ASCII letters: anything outside ASCII but
# punctuation, CJK and the middle dot (none of which has a case). Text without them reads
# the same to a case-insensitive regex and, lowercased, to a case-sensitive one.
_CASELESS = "\u00b7\u2010-\u2027\u2030-\u205e\u3000-\u303f\u4e00-\u9fff"
_CASED_RE = re.compile(f"[^\\x00-\\x7f{_CASELESS}]")
_NOT_AFTER_WORD = r"(?<![\w·][\s\S])"  # after a phrase's first character: none before it
_KEYS: dict[str, str] = {}  # PhraseMatcher.key of texts seen: names and matched phrases repeat
_KEYS_MAX = 200_000


class PhraseMatcher(Generic[T]):
    """Finds any of many phrases in text: case-insensitive, on word boundaries, quoted or
    not, hyphen or space alike, with an optional plural ending. One compiled regex whose
    alternatives share prefixes (a trie), so a scan costs about one pass over the text."""

    _SEP = "\x00"

    def __init__(self, phrases: dict[str, T]):
        self.targets: dict[str, T] = {}
        self._found: dict[str, T | None] = {}  # matched text -> target: the texts repeat
        trie: dict = {}
        for phrase, target in phrases.items():
            key = self.key(phrase)
            if not key:
                continue
            self.targets.setdefault(key, target)
            node = trie
            for unit in key.replace(" ", self._SEP):
                node = node.setdefault(unit, {})
            node[""] = True
        self.regex = (
            re.compile(rf"(?<![\w·])(?:{self._trie_pattern(trie)})(?:e?s)?(?![\w·])", re.I) if trie else None
        )
        # The same, for text whose letters are all ASCII, lowercased first: case-sensitive,
        # with the word-boundary check after the first character, so that the regex engine
        # can skip ahead to the characters that may start a phrase. About twice as fast.
        self._lowered = (
            re.compile(rf"(?:{self._trie_pattern(trie, _NOT_AFTER_WORD)})(?:e?s)?(?![\w·])")
            if trie and not any(_CASED_RE.search(key) for key in self.targets) else None
        )

    @staticmethod
    def key(text: str) -> str:
        key = _KEYS.get(text)
        if key is None:
            key = phrase_key(text)
            if len(_KEYS) < _KEYS_MAX:
                _KEYS[text] = key
        return key

    # Between two words: a run of spaces, hyphens and quotation marks with at least one space or
    # hyphen in it, taken whole (possessive: a key's word never starts with one of them, see
    # records.phrase_key). Written as three overlapping runs, it made the engine try every way
    # of cutting a long run of spaces and quotes: a build took minutes on one crafted article.
    _BETWEEN = "(?=[\"“”‘’']*[\\s\\-])[\\s\"“”‘’'\\-]*+"

    def _unit_pattern(self, unit: str) -> str:
        if unit == "'":  # within a word (people's): a typographic apostrophe alike
            return "['’‘]"
        return self._BETWEEN if unit == self._SEP else re.escape(unit)

    def _trie_pattern(self, node: dict, after_first: str = "") -> str:
        alternatives = []
        optional = False
        for unit, child in sorted(node.items(), key=lambda kv: kv[0]):
            if unit == "":
                optional = True
                continue
            run = [self._unit_pattern(unit), after_first]
            while len(child) == 1 and "" not in child:  # a run of characters no other phrase shares: a loop,
                (unit, child), = child.items()  # not a call per character (a long phrase ran out of stack)
                run.append(self._unit_pattern(unit))
            alternatives.append("".join(run) + self._trie_pattern(child))
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if optional else body

    def lookup(self, matched: str) -> T | None:
        try:
            return self._found[matched]
        except KeyError:
            pass
        key = self.key(matched)
        target = None
        for candidate in (key, key[:-1], key[:-2]):
            if candidate in self.targets:
                target = self.targets[candidate]
                break
        self._found[matched] = target
        return target

    def find(self, text: str) -> Iterable[tuple[int, int, T]]:
        """(start, end, target) of every phrase found in ``text``, in order."""
        return self.find_all([text])[0]

    def find_all(self, texts: list[str] | Texts) -> list[list[tuple[int, int, T]]]:
        """``find`` of each text, in one scan of all of them (see ``Texts``)."""
        if not isinstance(texts, Texts):
            texts = Texts(texts)
        found: list[list[tuple[int, int, T]]] = [[] for _ in texts.texts]
        if self.regex is None or not texts.texts:
            return found
        if texts.joined is None:  # a text holds a NUL itself: one by one
            for index, text in enumerate(texts.texts):
                found[index] = self._scan(text, self.regex, text)
            return found
        if self._lowered is not None and texts.lowered is not None:
            matches = self._scan(texts.joined, self._lowered, texts.lowered)
        else:
            matches = self._scan(texts.joined, self.regex, texts.joined)
        if len(found) == 1:
            found[0] = matches
            return found
        lengths = texts.texts
        index, offset, next_offset = 0, 0, len(lengths[0]) + 1
        for start, end, target in matches:
            while start >= next_offset:
                index += 1
                offset, next_offset = next_offset, next_offset + len(lengths[index]) + 1
            found[index].append((start - offset, end - offset, target))
        return found

    def _scan(self, text: str, regex: re.Pattern, scanned: str) -> list[tuple[int, int, T]]:
        known, lookup = self._found, self.lookup
        out = []
        for m in regex.finditer(scanned):
            start, end = m.span()
            matched = text[start:end]
            target = known[matched] if matched in known else lookup(matched)
            if target is not None:
                out.append((start, end, target))
        return out


class Texts:
    """Texts prepared for ``PhraseMatcher.find_all``, which scans them as one: joined by
    a NUL (no phrase can span it, and it bounds words as the ends of a text do), and
    lowercased when their only letters with a case are ASCII ones (lowercasing then keeps
    every offset). Prepared once, they serve every matcher."""

    __slots__ = ("texts", "joined", "lowered")

    def __init__(self, texts: list[str]):
        self.texts = list(texts)
        joined = "\x00".join(self.texts)
        self.joined = joined if joined.count("\x00") == len(self.texts) - 1 else None
        self.lowered = joined.lower() if self.joined is not None and _caseless(joined) else None

    @classmethod
    def concat(cls, parts: list[Texts]) -> Texts:
        """The texts of all the parts, in order (without joining them again)."""
        parts = [p for p in parts if p.texts]
        combined = cls.__new__(cls)
        combined.texts = [t for p in parts for t in p.texts]
        combined.joined = combined.lowered = None
        if all(p.joined is not None for p in parts):
            combined.joined = "\x00".join(p.joined for p in parts)
            if all(p.lowered is not None for p in parts):
                combined.lowered = "\x00".join(p.lowered for p in parts)
        return combined


def _caseless(text: str) -> bool:
    """Whether the only letters of ``text`` that have a case are ASCII ones."""
    if text.isascii():
        return True
    stripped = text.replace("“", "").replace("”", "").replace("‘", "").replace("’", "").replace("—", "")
    return stripped.isascii() or not _CASED_RE.search(stripped)


# --------------------------------------------------------------------------- records


@dataclass(eq=False)
class Span:
    """A marked stretch of one paragraph: a glossary term or an annotated phrase."""

    start: int
    end: int
    term: Term | None = None
    note: int | None = None  # 1-based number of the annotation
    first: bool = False  # the first occurrence of the term in the article


@dataclass(eq=False)
class Article:
    id: str
    path: Path
    kind: str  # "raw" (source.txt + meta.yml) or "markdown" (article.md)
    meta: ArticleMeta
    source_text: str
    sha256: str
    paragraphs: list[str]
    body_markdown: str | None = None
    # The title of source.txt, as the parser reads it, where meta.yml gives another: an editor's
    # correction (or an older parser's reading), shown on the page beside the editors'.
    title_as_published: str | None = None
    # So for the date, the source and the credits: what the parser reads of each in source.txt
    # where meta.yml reads otherwise ("published": a date; "source": text or None; "credits":
    # role -> names).
    as_published: dict | None = None
    # The encoding its archived bytes were read in (as Python names it): the one meta.yml
    # records, or else the one found when they were read ("utf-8-sig": UTF-8 with its mark).
    encoding: str = "utf-8"
    dates: list[DateMention] = field(default_factory=list)
    quoted: list[str] = field(default_factory=list)
    # Where the glossary terms, events and organizations are in the text (see _scan_article),
    # kept with the cached article so that an unchanged one is not scanned again.
    scans: tuple | None = None
    # Resolved by build_site:
    terms: list[Term] = field(default_factory=list)
    spans: list[list[Span]] = field(default_factory=list)
    # The terms in its title and its source line (by HEADINGS' names), each with its tooltip there.
    heading_spans: dict[str, list[Span]] = field(default_factory=dict)
    notes: list[Annotation] = field(default_factory=list)  # the editors' notes placed, in reading order
    events: list[Event] = field(default_factory=list)
    people: list[tuple[PersonRecord, str, tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)
    credits: dict[str, list[PersonRecord]] = field(default_factory=dict)
    organizations: list[Organization] = field(default_factory=list)
    source_organization: Organization | None = None  # the organization its source line names
    tags: list[Tag] = field(default_factory=list)
    previous: Article | None = None
    next: Article | None = None

    # (A short repr for each record that links to others: a test's failure shown by pytest
    # wrote out the whole site, link after link, and ran until stopped: a review.)
    def __repr__(self) -> str:
        return f"<Article {self.id}>"

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def published(self) -> date:
        return self.meta.published

    @property
    def url(self) -> str:
        return f"articles/{self.id}/"

    @property
    def meta_file(self) -> str:
        """The file in its folder that holds the editors' metadata (what a warning names)."""
        return "article.md" if self.kind == "markdown" else "meta.yml"

    @property
    def front_matter(self) -> str | None:
        """An editor-written article's front matter, with a line before it so that its lines are numbered as
        in article.md (None for an ingested article, whose metadata is all of meta.yml)."""
        if self.kind != "markdown":
            return None
        front = FRONT_MATTER_RE.match(self.source_text)
        return "\n" + (front["yaml"] or "") if front else ""


@dataclass(eq=False)
class Occurrence:
    """Where a term is first used in an article: in a paragraph of its text (numbered from
    1), else in its title, else in its source line (then ``paragraph`` is None)."""

    article: Article
    paragraph: int | None
    context: str
    anchor: str
    where: str = "text"  # "text", "title" or "source"


@dataclass(eq=False)
class Appearance:
    article: Article
    roles: tuple[str, ...]
    involvement: tuple[str, ...]
    as_written: str


@dataclass(eq=False)
class PersonRecord:
    name: str
    slug: str
    zh: str | None = None
    aliases: list[str] = field(default_factory=list)
    note: str | None = None
    zh_confirmed: bool = True
    appearances: list[Appearance] = field(default_factory=list)
    place: str | None = None  # the tag of a person people.yml tells from a namesake (see CuratedPerson)
    place_title: str | None = None  # that tag's title
    namesakes: list[PersonRecord] = field(default_factory=list)  # the others of the same name

    @property
    def label(self) -> str:
        """The name, and where a namesake is told apart, the place: "Wang Qian (Louxing District)"."""
        return f"{self.name} ({self.place_title or self.place})" if self.place else self.name

    def __repr__(self) -> str:
        return f"<PersonRecord {self.slug}>"

    @property
    def url(self) -> str:
        return f"people/{self.slug}/"

    @property
    def article_count(self) -> int:
        return len({id(a.article) for a in self.appearances})



@dataclass(eq=False)
class SharedName:
    """The address of a name that people.yml gives to namesakes told apart by their place,
    none of them without a place: the page that listed them all before they were told apart
    (``people/wang-qian/``) now says who they are, so that a link to it still leads on."""
    name: str
    slug: str
    people: list[PersonRecord] = field(repr=False)

    @property
    def url(self) -> str:
        return f"people/{self.slug}/"


@dataclass(eq=False)
class Organization:
    name: str
    slug: str
    zh: str | None = None
    description: str | None = None
    aliases: list[str] = field(default_factory=list)
    zh_confirmed: bool = True
    articles: list[tuple[Article, str]] = field(default_factory=list)
    local_aliases: list[str] = field(default_factory=list)  # its names only in articles tagged ``place``
    place: str | None = None
    terms: list[Term] = field(default_factory=list)  # the glossary entries its names hold
    curated: bool = False  # described by organizations.yml; else a source line's or an article's name only

    def __repr__(self) -> str:
        return f"<Organization {self.slug}>"

    @property
    def url(self) -> str:
        return f"organizations/{self.slug}/"


@dataclass(eq=False)
class LocalName:
    """A name that stands for one organization in the articles of each place ('District
    Committee': Louxing's in an article tagged louxing), and for none elsewhere."""

    orgs: dict[str, Organization]  # by place (a tag)

    def resolve(self, article: Article) -> Organization | None:
        return next((self.orgs[tag] for tag in article.meta.tags if tag in self.orgs), None)


@dataclass(eq=False)
class TimelineEntry:
    date: str
    precision: str
    title: str
    description: str
    kind: str  # "event" (curated), "article-event", "published"
    anchor: str
    sources: list[Source] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    event: Event | None = None

    @property
    def year(self) -> str:
        return self.date[:4]


@dataclass(eq=False)
class Candidate:
    phrase: str
    articles: list[Article]


@dataclass(eq=False)
class Site:
    articles: list[Article]  # newest first
    terms: list[Term]
    occurrences: dict[str, list[Occurrence]]  # by term slug
    events: list[Event]
    timeline: list[TimelineEntry]  # oldest first
    people: list[PersonRecord]
    organizations: list[Organization]
    tags: list[Tag]
    tag_articles: dict[str, list[Article]]
    candidates: list[Candidate]
    event_articles: dict[str, list[Article]] = field(default_factory=dict)
    # (index in people.yml, name, place): the people of people.yml that no article names, by
    # their name or an alias (with a place: no article with that tag): they have no page.
    unnamed_people: list[tuple[int, str, str | None]] = field(default_factory=list)
    # (index in organizations.yml, name, place): the bodies it describes that no article
    # names (a slip in a name, or a body renamed: its page says "0 articles", and its
    # articles' body has no description)
    unnamed_organizations: list[tuple[int, str, str | None]] = field(default_factory=list)
    # (article, name as written, the places of the namesakes it could be, whether it has the
    # tags of several): a mention of a name people.yml gives to people of several places, in
    # an article tagged with none of them or with several, which leads to none of them.
    unplaced_mentions: list[tuple[Article, str, list[str], bool]] = field(default_factory=list)
    shared_names: list[SharedName] = field(default_factory=list)  # the addresses of namesakes' shared name
    hidden_terms: list[tuple[Article, str, Term, bool, str]] = field(default_factory=list)  # (article, note's phrase,
    # term, whether the note holds the whole term (else it covers part of it), the term's words in the text)
    term_organizations: dict[str, list[Organization]] = field(default_factory=dict)  # by term slug

    def __repr__(self) -> str:
        return f"<Site of {len(self.articles)} articles>"

    @property
    def years(self) -> list[str]:
        return sorted({a.published.strftime("%Y") for a in self.articles}, reverse=True)


@dataclass(eq=False)
class Archive:
    articles: list[Article]
    terms: list[Term]
    events: list[Event]
    people: list[CuratedPerson]
    organizations: list[CuratedOrganization]
    tags: list[Tag]
    absent: list[str] = field(default_factory=list)  # the lists of archive/ that are not there (read as empty)
    unfinished: list[str] = field(default_factory=list)  # folders of archive/articles/ an ingest left behind
    drafts: list[ArchiveError] = field(default_factory=list)  # articles set aside as still being written


# --------------------------------------------------------------------------- loading


STAGING_PREFIX = ".ingest-"
"""Ingest fills a folder of this name, then renames it to the article's: one left behind is
an ingest stopped before its end (killed, or the machine down)."""


def load_archive(root: Path, progress=None, cache: ArticleCache | None = None, drafts_aside: bool = False) -> Archive:
    """Read and validate all of ``archive/``; raise ArchiveErrors listing every problem.
    With a ``cache``, an article whose files are byte for byte those of an earlier run is
    taken from it instead of being parsed and validated again. With ``drafts_aside`` (the
    preview), articles still being written (``DraftError``) are left out, their problems in
    ``Archive.drafts`` (or the ArchiveErrors' ``drafts``, with other problems)."""
    errors: list[ArchiveError] = []
    absent: list[str] = []

    def curated(name: str, loader, *args):
        return _curated_list(root, name, loader, args, errors, absent)

    tags = curated("tags.yml", load_tags)
    terms = curated("glossary.yml", load_glossary)
    events = curated("events.yml", load_events, *((None,) if terms is None else (
        {t.term for t in terms}, {match_key(a): t.term for t in terms for a in t.aliases}))) or []
    tag_names = None if tags is None else {t.slug for t in tags}
    people = curated("people.yml", load_people, tag_names) or []
    organizations = curated("organizations.yml", load_organizations, tag_names) or []
    tags, terms = tags or [], terms or []
    folder = root / "articles"
    _refuse_linked_folders((root, folder), errors)
    names = _listdir(folder)
    entries = [folder / name for name in names if not name.startswith(".")]
    unfinished = [name for name in names if name.startswith(STAGING_PREFIX)]
    # First what the cache holds; then the rest is parsed, by several processes if many.
    directories, loaded, misses = _cached_articles(entries, tag_names, cache, progress, errors)
    matchers = _matchers(terms, events, organizations) if misses else None
    _parse_missing(directories, loaded, misses, tag_names, cache, progress, matchers, errors)
    _same_source_twice(loaded, errors)
    drafts: list[ArchiveError] = []
    if errors and drafts_aside:  # set aside, whatever else is wrong (they counted among its problems)
        drafts = [e for e in errors if isinstance(e, DraftError)]
        errors = [e for e in errors if not isinstance(e, DraftError)]
    if errors:
        raise ArchiveErrors(errors, drafts)
    return Archive([a for a in loaded if a is not None], terms, events, people, organizations, tags,
                   absent, sorted(unfinished), drafts)


def _curated_list(root: Path, name: str, loader, args: tuple, errors: list[ArchiveError], absent: list[str]):
    """The entries of the editors' list ``name`` of archive/ (tags.yml, glossary.yml...),
    as ``loader`` validates them (given ``args`` after the file's path and data). A file
    that is not there is read as empty, and noted in ``absent`` (the run warns of it); None
    if it is in error, its problems added to ``errors``: no other file is checked against it."""
    path = root / name
    if not path.exists():
        # Read as empty (a new archive may not have it yet), but not in silence: the pages
        # of its entries go (the whole glossary, every person's note). Under another name
        # (glossary.yaml), it is an error: the editor meant it to be read.
        near = near_names(root, name)
        if near:
            errors.append(ArchiveError(path, f"missing: rename {near[0]} to {name}"))
            return None
        absent.append(name)
        return []
    try:
        data = read_yaml(path)
        if data is None:
            # Emptied by a slip (a bad save, a merge): every page of its entries would go
            # without a word, or another file be blamed for naming them (events.yml for
            # the glossary's terms). An archive without entries writes '[]'.
            errors.append(ArchiveError(path, f"is empty: if its entries were lost, restore them (git checkout "
                                             f"-- archive/{name}); if there are none, write an empty list in "
                                             "it ('[]')"))
            return None
        return loader(path, data, *args)
    except ArchiveErrors as exc:
        errors.extend(exc.errors)
        return None  # invalid: do not check other files against it


def near_names(root: Path, name: str) -> list[str]:
    """The files of ``root`` named as the editors' list ``name`` but for its ending or its
    capitals (glossary.yaml, Moved.yml): a file meant to be read under that name."""
    stem = name.rsplit(".", 1)[0].lower()
    return [n for n in _listdir(root) if n != name and n.lower().split(".", 1)[0] == stem]


def _refuse_linked_folders(folders: tuple[Path, ...], errors: list[ArchiveError]) -> None:
    """Raise ArchiveErrors (``errors`` found so far, and this one) if one of ``folders``
    (archive/, archive/articles/) is a symbolic link: git would keep the link, and the
    published site no article."""
    for linked in folders:
        if os.path.islink(linked):
            raise ArchiveErrors([*errors, ArchiveError(linked, FOLDER_LINK)])


def _cached_articles(entries: list[Path], tag_names: set[str] | None, cache: ArticleCache | None, progress,
                     errors: list[ArchiveError]) -> tuple[list[Path], list[Article | None], list[int]]:
    """(the article folders, their articles as ``cache`` holds them, the indexes of those it
    does not hold, to parse): a folder that is no article's is left out, its problem added
    to ``errors``. With nothing cached (a first run, a fresh clone), no file is read here:
    every folder is to parse, and checked as it is."""
    if cache is None or not cache.holds_entries():
        if cache is not None:
            cache.misses += len(entries)
        return entries, [None] * len(entries), list(range(len(entries)))
    directories: list[Path] = []
    loaded: list[Article | None] = []
    misses: list[int] = []  # the indexes of the articles to parse
    for directory in progress(entries, "Loading articles") if progress else entries:
        try:
            article = _cached_article(directory, tag_names, cache)
        except ArchiveErrors as exc:
            errors.extend(exc.errors)
            continue
        if article is None:
            misses.append(len(loaded))
        directories.append(directory)
        loaded.append(article)
    return directories, loaded, misses


def _cached_article(directory: Path, tag_names: set[str] | None, cache: ArticleCache) -> Article | None:
    """The article of ``directory`` as ``cache`` holds it, if its files have not changed
    since (None otherwise); ArchiveErrors if the folder cannot be an article's."""
    return _load(directory, tag_names, cache, parse=False)[0]


def _parse_missing(directories: list[Path], loaded: list[Article | None], misses: list[int],
                   tag_names: set[str] | None, cache: ArticleCache | None, progress, matchers: tuple | None,
                   errors: list[ArchiveError]) -> None:
    """Parse and validate the articles of ``directories`` at the indexes ``misses``, into
    ``loaded`` (and ``cache``): by forked processes too if there are many (which also look
    for ``matchers``' phrases, as ``build_site`` would), else here. The problems of an
    article are added to ``errors``, and its place in ``loaded`` stays None."""
    results = (_parse_in_processes([directories[i] for i in misses], tag_names, progress, matchers,
                                   records=cache is not None)
               if misses else None)
    for n, index in enumerate(progress(misses, "Parsing articles") if progress and results is None else misses):
        try:
            if results is None:
                article = _parsed_article(directories[index], tag_names, cache)
            else:
                article = _received_article(results[n], directories[index], cache)
        except ArchiveErrors as exc:
            errors.extend(exc.errors)
            continue
        loaded[index] = article


def _parsed_article(directory: Path, tag_names: set[str] | None, cache: ArticleCache | None) -> Article:
    """The article of ``directory``, parsed and validated here, then kept in ``cache``."""
    article, key, raw, digest = _load(directory, tag_names, None)
    if cache is not None:
        cache.put(article, key, raw, digest)
    return article


def _received_article(result, directory: Path, cache: ArticleCache | None) -> Article:
    """The article of ``directory`` as ``_parse_in_processes`` gives it, then kept in
    ``cache`` (when it came with a record the cache can hold)."""
    article, key, record = _received(result, directory)
    if cache is not None and record is not None:  # None: marshal cannot hold it, nor the cache
        cache.put_record(article, key, record)
    return article


def _same_source_twice(loaded: list[Article | None], errors: list[ArchiveError]) -> None:
    """Add to ``errors`` each article whose source has the bytes of an earlier one's: one
    article archived twice."""
    first: dict[str, Article] = {}
    for article in loaded:
        if article is not None and first.setdefault(article.sha256, article) is not article:
            errors.append(ArchiveError(article.path, f"has the same source as archive/articles/"
                                                     f"{first[article.sha256].id}/ (the same SHA-256): the article "
                                                     "is archived twice; remove one of the two folders"))


def _listdir(folder: Path) -> list[str]:
    """The names in ``folder``, sorted (none if it is not a folder)."""
    try:
        return sorted(os.listdir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return []


def load_article(directory: Path, tag_names: set[str] | None = None, cache: ArticleCache | None = None) -> Article:
    """One article folder: ``source.txt`` + ``meta.yml`` (ingested) or ``article.md``,
    loaded as ``load_archive`` loads each (without the checks that compare articles): from
    ``cache`` if it holds it as its files are now, else parsed and validated (and then kept
    in ``cache``). ArchiveErrors lists its problems."""
    article = _cached_article(directory, tag_names, cache) if cache is not None else None
    return article if article is not None else _parsed_article(directory, tag_names, cache)


def _load(directory: Path, tag_names: set[str] | None, cache: ArticleCache | None,
          parse: bool = True) -> tuple[Article | None, str, bytes, str]:
    """(the article, the cache key of its files, the bytes of its source, their SHA-256).
    The article is None if it is not in ``cache`` and not ``parse``."""
    _refuse_not_a_folder(directory)
    _refuse_misnamed_folder(directory)
    base = os.path.join(directory, "")  # plain strings: Path objects cost more than the reads here
    raw = read_file(base + "article.md")
    if raw is not None:
        return _load_article_md(directory, base, raw, tag_names, cache, parse)
    return _load_source_txt(directory, base, tag_names, cache, parse)


def _refuse_not_a_folder(directory: Path) -> None:
    """ArchiveErrors if ``directory``, an entry of archive/articles/, is a symbolic link or
    not a folder (a file)."""
    try:
        mode = os.lstat(directory).st_mode
    except OSError:
        mode = 0
    if stat.S_ISLNK(mode):  # a folder elsewhere would be published, and git keeps only the link
        raise ArchiveErrors([ArchiveError(directory, FOLDER_LINK if os.path.isdir(directory) else STRAY_LINK)])
    if not stat.S_ISDIR(mode):
        raise ArchiveErrors([ArchiveError(directory, "not a folder; articles/ holds one folder per article: move this "
                                                     "file out of archive/articles/")])


def _refuse_misnamed_folder(directory: Path) -> None:
    """ArchiveErrors if the name of the folder ``directory`` is not an article id, or does
    not start with a day of the calendar."""
    if not ID_RE.match(directory.name):
        raise ArchiveErrors([ArchiveError(directory, "the folder name is not an article id "
                                                     "(YYYY-MM-DD-slug in lowercase letters, digits and hyphens): "
                                                     "rename it so, or move it out of archive/articles/ (make ingest "
                                                     "and make new-article name the folders they make)")])
    try:
        date.fromisoformat(directory.name[:10])
    except ValueError:
        raise ArchiveErrors([ArchiveError(directory, f"the folder name starts with {directory.name[:10]}, which is "
                                                     "not a day of the calendar; name the folder after the "
                                                     "article's date of publication")]) from None


def _load_article_md(directory: Path, base: str, raw: bytes, tag_names: set[str] | None, cache: ArticleCache | None,
                     parse: bool) -> tuple[Article | None, str, bytes, str]:
    """``_load`` for an article written in Markdown: ``raw``, the bytes of its article.md
    (``base``: the folder's path, ending in a separator). ArchiveErrors if the folder also
    has a source.txt."""
    markdown = directory / "article.md"
    if os.path.exists(base + "source.txt"):
        raise ArchiveErrors([ArchiveError(directory, "has both source.txt and article.md; keep one of them")])
    digest = hashlib.sha256(raw).hexdigest()
    key = f"markdown {digest}"
    if cache is not None and (article := cache.get(directory, key, raw, digest, tag_names)) is not None:
        return article, key, raw, digest
    return (_load_markdown_article(directory, markdown, raw, digest, tag_names) if parse else None), key, raw, digest


def _load_source_txt(directory: Path, base: str, tag_names: set[str] | None, cache: ArticleCache | None,
                     parse: bool) -> tuple[Article | None, str, bytes, str]:
    """``_load`` for an ingested article: its source.txt and meta.yml (``base``: the
    folder's path, ending in a separator). ArchiveErrors if either is missing."""
    raw = read_file(base + "source.txt")
    if raw is None:
        raise ArchiveErrors([ArchiveError(directory, "has no source.txt or article.md; add one, "
                                                     "or remove the folder")])
    meta_bytes = _meta_bytes(directory, base)
    digest = hashlib.sha256(raw).hexdigest()
    key = f"raw {digest} {hashlib.sha256(meta_bytes).hexdigest()}"
    if cache is not None and (article := cache.get(directory, key, raw, digest, tag_names)) is not None:
        return article, key, raw, digest
    if not parse:
        return None, key, raw, digest
    return _ingested_article(directory, raw, digest, meta_bytes, tag_names), key, raw, digest


def _meta_bytes(directory: Path, base: str) -> bytes:
    """The bytes of the meta.yml of the folder ``directory`` (``base``: its path, ending in
    a separator); ArchiveErrors if it has none, naming a file of a near name (meta.yaml)."""
    meta_bytes = read_file(base + "meta.yml")
    if meta_bytes is None:
        near = [name for name in _listdir(directory) if name.lower().startswith("meta.") and name != "meta.yml"]
        raise ArchiveErrors([ArchiveError(directory / "meta.yml", "missing; every source.txt needs its meta.yml "
                                                                  "(ingest writes it)"
                                          + (f": rename {near[0]} to meta.yml" if near else ""))])
    return meta_bytes


def _ingested_article(directory: Path, raw: bytes, digest: str, meta_bytes: bytes,
                      tag_names: set[str] | None) -> Article:
    """The ingested article of ``directory``, parsed and validated: ``raw``, the bytes of its
    source.txt (whose SHA-256 is ``digest``), and ``meta_bytes``, those of its meta.yml."""
    source, meta_path = directory / "source.txt", directory / "meta.yml"
    meta_text = decode_text(meta_path, meta_bytes)
    meta = load_meta(meta_path, read_yaml(meta_path, meta_text), tags=tag_names, text=meta_text, ingested=True)
    if meta.sha256 != digest:
        raise ArchiveErrors([ArchiveError(source, "its bytes no longer match the sha256 recorded in meta.yml; "
                                                  "source files are never edited: restore it with 'git checkout -- <this file>', "
                                                  "or ingest the original file again, which puts its bytes back "
                                                  "(if it is the sha256 line of meta.yml that was edited, put that "
                                                  "line back instead)")])
    text, encoding, parsed = _parsed_source(source, raw, meta.encoding)
    article = Article(
        id=directory.name, path=directory, kind="raw", meta=meta, source_text=text, sha256=digest,
        paragraphs=parsed.paragraphs, quoted=parsed.quoted,
        # The days the text mentions are read against the editor's date of publication where it
        # corrects the header's (a republisher's): "On February 25" was read a year late.
        dates=parsed.dates if parsed.published == meta.published else find_dates(" ".join(parsed.paragraphs),
                                                                                  meta.published),
        # (Spacing aside: the reading of a title's punctuation may change, as "11,Liu" became "11, Liu".)
        title_as_published=parsed.title if "".join(parsed.title.split()) != "".join(meta.title.split()) else None,
        as_published=_as_published(parsed, meta), encoding=encoding,
    )
    _check_annotations(article, meta_path, meta_text)
    return article


def _as_published(parsed: ParsedArticle, meta: ArticleMeta) -> dict | None:
    """What the parser reads in source.txt as the date of publication, the source and the
    credits where meta.yml reads otherwise (spacing, and the order of a role's names, aside):
    an editor's corrections, or the readings of an older parser that ingested the article,
    which the article's page shows beside the editors' values. None if meta.yml follows
    the parser's reading in all three."""
    def spoken(text: str | None) -> str:
        return " ".join((text or "").split())

    def names(credits: dict) -> dict:
        return {role: [spoken(n) for n in people] for role, people in credits.items() if people}

    def same(credits: dict) -> dict:  # (the order of a role's names, and spacing, aside)
        return {role: sorted("".join(n.split()) for n in people) for role, people in credits.items() if people}

    found: dict = {}
    if parsed.published != meta.published:
        found["published"] = parsed.published
    if spoken(parsed.source) != spoken(meta.source):
        found["source"] = parsed.source
    if same(parsed.credits) != same(meta.credits):
        found["credits"] = names(parsed.credits)
    return found or None


def _parsed_source(source: Path, raw: bytes, encoding: str | None) -> tuple[str, str, ParsedArticle]:
    """(the text of the source.txt at ``source``, its bytes ``raw`` decoded from the
    ``encoding`` its meta.yml records, or the one found if it records none; that encoding;
    the text parsed); ArchiveErrors if it cannot be."""
    try:
        text, used = decode_source(raw, encoding, ARCHIVED_SOURCE_BYTES)  # (one archived when ingest took more)
        parsed = parse_article(text, metadata=False)
    except ParseError as exc:
        raise ArchiveErrors([ArchiveError(source, str(exc))]) from None
    return text, used, parsed


# --------------------------------------------------------------------------- parsing in processes


PARALLEL_FROM = 400
"""From this many articles to parse, they are shared among processes, one per core."""
_pool_tags: set[str] | None = None
_pool_matchers: tuple | None = None


def _matchers(terms: list[Term], events: list[Event], organizations: list[CuratedOrganization]) -> tuple:
    """The matchers build_site uses (so that the processes that parse the articles can find
    the same phrases: see _scan_article), and their fingerprint."""
    matchers = _site_matchers(terms, events, organizations, _curated_organizations(organizations))
    return matchers, _matchers_fingerprint(matchers)


def _site_matchers(terms: list[Term], events: list[Event], curated: list[CuratedOrganization],
                   orgs: dict[str, Organization]) -> tuple[PhraseMatcher, PhraseMatcher, PhraseMatcher]:
    """The glossary's terms (each name leads to its Term), the events' aliases (to their
    Event) and the organizations' names (see _organization_matcher)."""
    return (PhraseMatcher({name: t for t in terms for name in t.names}),
            PhraseMatcher({alias: e for e in events for alias in e.aliases}),
            _organization_matcher(curated, orgs))


def _parse_in_processes(directories: list[Path], tag_names: set[str] | None, progress=None,
                        matchers: tuple | None = None, records: bool = True) -> list | None:
    """What ``_parse_one`` gives for each folder, in order: parsed by this process and
    forked ones (see ``share.share``); None when there are too few to be worth it, or the
    work could not be shared (the caller parses)."""
    if len(directories) < PARALLEL_FROM:
        return None
    from .share import ShareFailed, share
    from .share import workers as cores

    workers = cores()
    if workers < 2:
        return None

    global _pool_tags, _pool_matchers
    _pool_tags, _pool_matchers = tag_names, matchers  # inherited by the forked processes

    def here(index: int):
        """An article this process parses stays an Article (no round trip through a record)."""
        try:
            article, key, raw, _ = _load(directories[index], tag_names, None)
        except ArchiveErrors as exc:
            return _sendable(exc)
        record = _verified_record(article, raw) if records else None  # (for the cache only)
        if matchers is not None:
            _scan_article(article, *matchers)
        return ("article", article, key, record)

    def there(index: int):
        return _parse_one(directories[index])

    try:
        done = share(list(range(len(directories))), here, there, workers, progress, "Parsing articles")
    except ShareFailed as exc:  # (said, as rendering says it: the run takes longer, and this is why)
        print(f"build: parsing in {workers} processes failed ({exc}); parsing in this one", file=sys.stderr)
        return None
    finally:
        _pool_tags = _pool_matchers = None
    return [done[i] for i in range(len(directories))]


def _parse_one(directory: Path):
    """In a worker process: one article, as marshalled data (or a pickle, for what marshal
    cannot hold), or its problems (``_sendable``)."""
    try:
        article, key, raw, _ = _load(directory, _pool_tags, None)
    except ArchiveErrors as exc:
        return _sendable(exc)
    data = _verified_record(article, raw)  # the cache's record: without the text if raw gives it
    if _pool_matchers is not None:
        _scan_article(article, *_pool_matchers)  # sets article.scans, for build_site
    if data is None:
        import pickle

        return ("pickle", key, pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL))
    return ("marshal", key, article.sha256, data, article.source_text, marshal.dumps(article.scans))


def _sendable(exc: ArchiveErrors) -> list[tuple]:
    """An article's problems as a worker sends them: (path, message, line, still a draft)."""
    return [(e.path, e.message, e.line, isinstance(e, DraftError)) for e in exc.errors]


def _received(result, directory: Path) -> tuple[Article, str, bytes | None]:
    """(the article parsed by this process or sent by a worker, its cache key, its record
    for the cache if there is one)."""
    if isinstance(result, list):
        raise ArchiveErrors([(DraftError if draft else ArchiveError)(path, message, line)
                             for path, message, line, draft in result])
    if result[0] == "article":  # parsed by this process: as it is
        return result[1], result[2], result[3]
    if result[0] == "pickle":
        import pickle

        return pickle.loads(result[2]), result[1], None
    _, key, digest, data, text, scans = result
    article = _decode_article(marshal.loads(data), directory, None, digest, text)
    article.scans = marshal.loads(scans)
    return article, key, data


_NO_EVENT_DATE_RE = re.compile(r"^event_date:[ \t]*(?:null|Null|NULL|~)[ \t]*(?:#.*)?$", re.M)
"""The front matter's word that its article has no event date: 'event_date: null' (or '~')."""


def _load_markdown_article(directory: Path, path: Path, raw: bytes, digest: str,
                           tag_names: set[str] | None) -> Article:
    if len(raw) > MAX_SOURCE_BYTES:
        raise ArchiveErrors([ArchiveError(path, f"is {len(raw):,} bytes; the limit for one article is "
                                                f"{MAX_SOURCE_BYTES:,}: split it into several articles")])
    text = decode_text(path, raw)
    m = FRONT_MATTER_RE.match(text)
    if not m and re.match(r"---[ \t]*\n", text):
        raise ArchiveErrors([ArchiveError(path, "the front matter is not closed: add a line '---' after the "
                                                "metadata (title, published, ...), before the article's text",
                                          line=1)])
    if not m:
        raise ArchiveErrors([ArchiveError(path, "no front matter: start the file with '---', the metadata "
                                                "(title, published, ...), and '---' again", line=1)])
    front = "\n" + (m["yaml"] or "")  # the opening '---' is line 1: keep line numbers those of the file
    data = read_yaml(path, front)
    meta = load_meta(path, data, tags=tag_names, text=front)
    if not isinstance(data, dict) or "machine_translated" not in data:
        meta.machine_translated = False
    from . import mdbody  # Python-Markdown: only for the articles written in Markdown

    body = without_controls(m["body"].strip("\n"))  # (line ends kept: a problem's line is the file's)
    if not body.strip():  # the skeleton's text deleted, the article not yet written: not published empty
        closing = m.end("yaml") if m["yaml"] else text.index("\n") + 1  # where the second '---' line starts
        raise ArchiveErrors([DraftError(path, "has no text after its front matter: write the article below the "
                                              "second '---' line", line=text.count("\n", 0, closing) + 1)])
    body_html = mdbody.convert(body)
    above = text.count("\n", 0, m.start("body")) + len(m["body"]) - len(m["body"].lstrip("\n"))
    problems = mdbody.link_problems(path, body, body_html)
    if problems:
        raise ArchiveErrors([ArchiveError(e.path, e.message, line=e.line + above if e.line else None)
                             for e in problems])
    paragraphs = [b.text for b in mdbody.text_blocks(body)]
    flat = " ".join(paragraphs)
    if PLACEHOLDER in flat:
        line = text.count("\n", 0, text.find(PLACEHOLDER[:40])) + 1 if PLACEHOLDER[:40] in text else None
        raise ArchiveErrors([DraftError(path, "still has the text 'make new-article' put in it ('Write the article "
                                              "here, ...'): replace it with the article", line=line)])
    left = skeleton_comment_lines(front)
    if left:  # the whole file is the article's source on its page: readers would read them
        raise ArchiveErrors([DraftError(path, f"still has {len(left)} of the comments 'make new-article' wrote in "
                                              "its front matter, this line the first: readers see the whole file "
                                              "as the article's source; delete them, keeping the fields you use "
                                              "without their '# '", line=left[0])])
    if meta.event_date is None and not _NO_EVENT_DATE_RE.search(front):
        # (Read from the text as ingest does, where the front matter does not give it;
        # 'event_date: null' says there is none: it was read from the text all the same. Not
        # 'event_date:' left blank, which YAML reads as null too: a placeholder emptied.)
        meta.event_date = find_event_date(flat, meta.published)
    if not meta.people:
        meta.people = [PersonMention(p.name, p.roles, p.involvement) for p in extract_people(flat)]
    article = Article(
        id=directory.name, path=directory, kind="markdown", meta=meta, source_text=text,
        sha256=digest, paragraphs=paragraphs, body_markdown=body,
        dates=find_dates(flat, meta.published), quoted=find_quoted(flat),
    )
    _check_annotations(article, path, front)
    return article


def _check_annotations(article: Article, path: Path, yaml_text: str) -> None:
    """Each note's phrase is in the reading edition, somewhere no earlier note covers.
    ``yaml_text``: the metadata as read (for the line of a phrase in error)."""
    problems = []
    placed = place_annotations(article.paragraphs, article.meta.annotations)
    for i, note in enumerate(article.meta.annotations):
        if not any(note.phrase in p for p in article.paragraphs):
            problems.append((i, f"annotations[{i}].phrase: {note.phrase!r} is not in the article's reading edition"
                                f"{_phrase_hint(note.phrase, article.paragraphs)}"))
        elif i + 1 not in placed:
            # The earlier note its first occurrence overlaps (the message said "an earlier note").
            index, at = next((k, p.find(note.phrase)) for k, p in enumerate(article.paragraphs) if note.phrase in p)
            other = _note_over(placed, index, at, at + len(note.phrase))
            which = (f"the phrase of annotations[{other - 1}], {article.meta.annotations[other - 1].phrase!r},"
                     if other else "the phrase of an earlier note")
            problems.append((i, f"annotations[{i}].phrase: {note.phrase!r} overlaps {which} wherever it occurs; "
                                "choose words no other note covers"))
    if problems:
        lines = key_lines(path, yaml_text)
        raise ArchiveErrors([ArchiveError(path, message, line=lines.get(("annotations", i, "phrase")))
                             for i, message in problems])


def _phrase_hint(phrase: str, paragraphs: list[str]) -> str:
    """What to do about a note's phrase that the reading edition does not hold, most often
    copied from source.txt, where sentences are glued ("day and night.The County"): the
    words as the reading edition has them, if it holds them so; or that they run from one
    of its paragraphs into the next, where the reading edition starts a new paragraph. (The
    parser's own ``unglue`` gives the words their spaces, as it gave the reading edition's.)"""
    spaced = " ".join(unglue(normalize_punctuation(phrase)).split())  # (a phrase copied before a change of the reading too)
    if spaced != phrase and any(spaced in p for p in paragraphs):
        return f", which reads {spaced!r}: copy the words as the article page shows them"
    if any(spaced in f"{a} {b}" for a, b in zip(paragraphs, paragraphs[1:], strict=False)):
        return (": it runs from one paragraph of the reading edition into the next, which a note's phrase cannot; "
                "choose words within one paragraph, as the article page shows them")
    return "; copy the words exactly as the article page shows them"


def place_annotations(paragraphs: list[str], annotations) -> dict[int, tuple[int, int, int]]:
    """Where each note (numbered from 1) marks the text: (paragraph, start, end) of the first
    occurrence of its phrase that no earlier note's phrase overlaps. Marks never overlap, so
    the reading edition shows every character once."""
    placed: dict[int, tuple[int, int, int]] = {}
    for n, note in enumerate(annotations, start=1):
        for index, paragraph in enumerate(paragraphs):
            at = paragraph.find(note.phrase)
            while at >= 0 and _note_over(placed, index, at, at + len(note.phrase)) is not None:
                at = paragraph.find(note.phrase, at + 1)
            if at >= 0:
                placed[n] = (index, at, at + len(note.phrase))
                break
    return placed


def _note_over(placed: dict[int, tuple[int, int, int]], index: int, start: int, end: int) -> int | None:
    """The first of the ``placed`` notes (numbered in order) whose mark overlaps
    ``start``-``end`` of paragraph ``index``, if any."""
    return next((n for n, (i, s, e) in placed.items() if i == index and s < end and start < e), None)


def meta_from_parsed(parsed: ParsedArticle) -> dict:
    """The draft meta.yml that ingest writes for a newly accessioned article."""
    return {
        "title": parsed.title,
        "published": parsed.published,
        "event_date": parsed.event_date,
        "source": parsed.source,
        "machine_translated": True,
        "credits": parsed.credits,
        "people": [
            {"name": p.name, "roles": list(p.roles), "involvement": list(p.involvement)} for p in parsed.people
        ],
        "annotations": [],
        "tags": [],
    }


# --------------------------------------------------------------------------- cache


CACHE_FORMAT = 2
CACHE_SHARDS = 64
PACKAGE = Path(__file__).resolve().parent


LOADING_CODE = ("chars.py", "errors.py", "ids.py", "parse.py", "records.py", "model.py", "mdbody.py", "titles.py")
"""The modules that load an article (tests/test_cache.py checks that no other is used)."""


def code_version(package: Path = PACKAGE) -> str:
    """What a cached article depends on besides its files: the code that loads articles
    (any change to it empties the cache), the libraries it reads them with, and the Python
    that wrote the cache."""
    import charset_normalizer
    import markdown
    import yaml

    libraries = f"{yaml.__version__} {markdown.__version__} {charset_normalizer.__version__}"
    digest = hashlib.sha256(f"{CACHE_FORMAT}\n{sys.version}\n{libraries}\n".encode())
    try:
        for name in LOADING_CODE:
            digest.update((package / name).read_bytes())
    except OSError:  # the code cannot be read (a zipped install?): a version no cache has
        digest.update(os.urandom(16))
    return digest.hexdigest()


class ArticleCache:
    """Articles parsed and validated by earlier runs, so that an unchanged one is not
    parsed again: ``.cache/lgnews/`` at the project root, 64 files of marshalled records.

    An entry is found by the article's id and used only if its key (the SHA-256 of the
    article's files) and the code version match, so a changed file or a changed parser
    simply misses. A file that cannot be read (corrupt, partial, of another version) is
    ignored; an entry is stored only if it reads back equal to the article; files are
    replaced atomically; any error writing is ignored. Only articles that loaded without
    a problem are stored: errors are always found by a real load.

    With an article go where build_site found glossary terms, events and organizations
    in it (``Article.scans``, see ``update_scans``), valid while the phrases looked for are
    the same."""

    def __init__(self, folder: Path, version: str | None = None):
        self.folder = folder
        self.version = version or code_version()
        self.hits = self.misses = 0
        self._shards: dict[int, dict] = {}
        self._used: dict[int, set[str]] = defaultdict(set)
        self._changed: set[int] = set()
        self._keys: dict[str, str] = {}  # article id -> key of the entry made or used this run
        self._scans: dict[str, str | None] = {}  # article id -> fingerprint of the scans stored

    def _shard(self, article_id: str) -> tuple[int, dict]:
        number = zlib.crc32(article_id.encode("utf-8")) % CACHE_SHARDS
        self._used[number].add(article_id)
        shard = self._shards.get(number)
        if shard is None:
            shard = self._shards[number] = self._read(number)
        return number, shard

    def _path(self, number: int) -> Path:
        return self.folder / f"articles-{number:02d}.marshal"

    def _read(self, number: int) -> dict:
        try:
            fmt, version, entries = marshal.loads(self._path(number).read_bytes())
            if fmt == CACHE_FORMAT and version == self.version and isinstance(entries, dict):
                return entries
        except Exception:  # missing, unreadable, truncated or foreign: start afresh
            pass
        return {}

    def get(self, directory: Path, key: str, raw: bytes, digest: str, tag_names: set[str] | None) -> Article | None:
        _, shard = self._shard(directory.name)
        entry = shard.get(directory.name)
        article = None
        if type(entry) is tuple and len(entry) == 3 and entry[0] == key:
            try:
                article = _decode_article(marshal.loads(entry[1]), directory, raw, digest)
                if entry[2] is not None:
                    scans = marshal.loads(entry[2])
                    if type(scans) is tuple and len(scans) == 5 and type(scans[0]) is str:
                        article.scans = scans
            except Exception:
                article = None
        # The tags allowed may have changed since: an article using one no longer allowed
        # is loaded for real, which reports it.
        if article is not None and (tag_names is None or all(t in tag_names for t in article.meta.tags)):
            self.hits += 1
            self._keys[article.id] = key
            self._scans[article.id] = article.scans[0] if article.scans else None
            return article
        self.misses += 1
        return None

    def holds_entries(self) -> bool:
        """Whether there is anything to look up (on a first run there is not)."""
        return any(self._path(number).exists() for number in range(CACHE_SHARDS))

    def put(self, article: Article, key: str, raw: bytes | None, digest: str) -> None:
        """Store ``article``, loaded from files whose key is ``key``; ``raw`` is the source
        read for it (None: not at hand, the text is stored), whose SHA-256 is ``digest``."""
        if digest != article.sha256:  # the source changed since: store nothing
            return
        data = _verified_record(article, raw)
        if data is not None:
            self.put_record(article, key, data)

    def put_record(self, article: Article, key: str, data: bytes) -> None:
        """Store ``article`` as ``data``, its record checked by ``_verified_record``."""
        number, shard = self._shard(article.id)
        shard[article.id] = (key, data, None)
        self._changed.add(number)
        self._keys[article.id] = key
        self._scans[article.id] = None

    def update_scans(self, articles: list[Article]) -> None:
        """Keep the scans build_site made for articles whose entries do not hold them yet."""
        for article in articles:
            if article.scans is None or self._scans.get(article.id, article.scans[0]) == article.scans[0]:
                continue
            number, shard = self._shard(article.id)
            entry = shard.get(article.id)
            if entry is None or entry[0] != self._keys.get(article.id):
                continue
            try:
                shard[article.id] = (entry[0], entry[1], marshal.dumps(article.scans))
            except ValueError:
                continue
            self._scans[article.id] = article.scans[0]
            self._changed.add(number)

    def save(self) -> None:
        """Write the files whose entries changed, leaving out articles not seen this run
        (a file none of whose articles was seen is removed)."""
        from .write import atomic_write  # (not loading code: see LOADING_CODE)

        for number in range(CACHE_SHARDS):
            if number not in self._shards:
                try:
                    self._path(number).unlink(missing_ok=True)
                except OSError:
                    pass
        for number, shard in self._shards.items():
            stale = [article_id for article_id in shard if article_id not in self._used[number]]
            for article_id in stale:
                del shard[article_id]
            if not stale and number not in self._changed:
                continue
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                atomic_write(self._path(number), marshal.dumps((CACHE_FORMAT, self.version, shard)), durable=False)
            except OSError:
                return  # a read-only or full disk: the next run parses again
        self._changed.clear()


def _plain_text(raw: bytes) -> str | None:
    """The text of UTF-8 bytes as decode_source gives it for most articles."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _day(value: date | None) -> int | None:
    if value is None:
        return None
    if type(value) is not date:
        raise TypeError("not a plain date")
    return value.toordinal()


def _verified_record(article: Article, raw: bytes | None) -> bytes | None:
    """``article`` marshalled, if it reads back the same (else None). Its text is left
    out when it is the plain UTF-8 reading of ``raw``."""
    try:
        data = marshal.dumps(_encode_article(article, raw))
        again = _decode_article(marshal.loads(data), article.path, raw, article.sha256)
    except (ValueError, TypeError):  # a value marshal cannot hold
        return None
    return data if _same_article(again, article) else None


def _encode_article(article: Article, raw: bytes | None) -> tuple:
    m = article.meta
    plain = raw is not None and _plain_text(raw) == article.source_text
    return (
        article.kind, article.paragraphs, article.body_markdown, [(d.date, d.text) for d in article.dates],
        article.quoted, None if plain else article.source_text,
        m.title, _day(m.published), _day(m.event_date), m.source, m.source_url, m.original_url,
        m.machine_translated, m.credits, [(p.name, p.roles, p.involvement) for p in m.people],
        [(a.phrase, a.note) for a in m.annotations], m.tags, m.summary, m.sha256, m.encoding,
        article.title_as_published, _encode_as_published(article.as_published), article.encoding,
    )


def _encode_as_published(found: dict | None):
    """``Article.as_published`` as marshal keeps it (its date as a day number)."""
    if not found:
        return None
    return {k: _day(v) if k == "published" else v for k, v in found.items()}


def _decode_as_published(found: dict | None) -> dict | None:
    if not found:
        return None
    return {k: date.fromordinal(v) if k == "published" else v for k, v in found.items()}


def _frozen(cls, **values):
    """A frozen dataclass instance made without its __init__ (several times faster)."""
    obj = object.__new__(cls)
    obj.__dict__.update(values)
    return obj


def _decode_article(record: tuple, directory: Path, raw: bytes | None, digest: str,
                    source_text: str | None = None) -> Article:
    """The article of a record made by ``_encode_article``; its text, if the record left it
    out, is ``source_text`` when given, else read from ``raw``."""
    (kind, paragraphs, body_markdown, dates, quoted, text, title, published, event_date, source, source_url,
     original_url, machine_translated, credits, people, annotations, tags, summary, sha256, encoding,
     title_as_published, as_published, used) = record
    meta = ArticleMeta(
        title=title, published=date.fromordinal(published),
        event_date=None if event_date is None else date.fromordinal(event_date), source=source,
        source_url=source_url, original_url=original_url, machine_translated=machine_translated,
        credits=credits,
        people=[_frozen(PersonMention, name=n, roles=r, involvement=i) for n, r, i in people],
        annotations=[_frozen(Annotation, phrase=p, note=n) for p, n in annotations],
        tags=tags, summary=summary, sha256=sha256, encoding=encoding,
    )
    return Article(
        id=directory.name, path=directory, kind=kind, meta=meta,
        source_text=text if text is not None else source_text if source_text is not None else _plain_text(raw),
        sha256=digest, paragraphs=paragraphs,
        body_markdown=body_markdown, dates=[_frozen(DateMention, date=d, text=t) for d, t in dates], quoted=quoted,
        title_as_published=title_as_published, as_published=_decode_as_published(as_published), encoding=used,
    )


def _same_article(a: Article, b: Article) -> bool:
    """Equal in every field. (After a marshal round trip equality means the same types too:
    marshal keeps int, bool, float, str, tuple and list apart, and refuses subclasses; and
    a date is never equal to a datetime.)"""
    return all(getattr(a, f.name) == getattr(b, f.name) for f in fields(Article) if f.name != "scans")


# --------------------------------------------------------------------------- building


def build_site(archive: Archive) -> Site:
    """Resolve every cross-reference of the archive; the result is everything render needs."""
    articles = _newest_first(archive.articles)
    orgs = _curated_organizations(archive.organizations)
    matchers = _site_matchers(archive.terms, archive.events, archive.organizations, orgs)
    term_matcher, event_matcher, org_matcher = matchers
    fingerprint = _matchers_fingerprint(matchers)
    found = {id(article): _scan_article(article, matchers, fingerprint) for article in articles}
    occurrences, event_articles, tag_articles, candidates, hidden = _resolve_articles(
        articles, found, archive.tags, term_matcher, event_matcher)
    unplaced: list[tuple[Article, str, list[str], bool]] = []
    people = _build_people(articles, archive.people, {t.slug: t.title for t in archive.tags}, unplaced)
    organizations = _build_organizations(articles, orgs, org_matcher, found)
    term_organizations = _term_organizations(organizations, term_matcher)
    timeline = _build_timeline(articles, archive.events, event_articles)
    return Site(
        articles=articles,
        terms=sorted(archive.terms, key=lambda t: t.term.lower()),
        occurrences=dict(occurrences),
        events=archive.events,
        timeline=timeline,
        people=people,
        organizations=organizations,
        tags=archive.tags,
        tag_articles=dict(tag_articles),
        candidates=sorted(candidates.values(), key=lambda c: (-len(c.articles), c.phrase.lower())),
        event_articles=dict(event_articles),
        unnamed_people=_unnamed(archive.people, people),
        unnamed_organizations=[(i, c.name, c.place) for i, c in enumerate(archive.organizations)
                               if not orgs[c.name].articles],
        unplaced_mentions=unplaced,
        shared_names=_shared_names(people),
        hidden_terms=hidden,
        term_organizations=dict(term_organizations),
    )


def article_order(article: Article) -> tuple[date, str]:
    """How articles are listed wherever they are: by publication date, then by id (the
    articles of one day in a fixed order)."""
    return article.published, article.id


def _newest_first(articles: list[Article]) -> list[Article]:
    """The articles, newest first (by date of publication, then id), each linked to the
    next (newer) and previous (older) one."""
    ordered = sorted(articles, key=article_order, reverse=True)
    for newer, older in zip(ordered, ordered[1:], strict=False):
        older.next, newer.previous = newer, older
    return ordered


def _curated_organizations(curated: list[CuratedOrganization]) -> dict[str, Organization]:
    """The organizations of organizations.yml, by name, as the site shows them (their
    articles not yet found)."""
    return {c.name: Organization(c.name, "", c.zh, c.description, list(c.aliases), zh_confirmed=c.zh_confirmed,
                                 local_aliases=list(c.local_aliases),
                                 place=c.place, curated=True) for c in curated}


def _organization_matcher(curated: list[CuratedOrganization], orgs: dict[str, Organization]) -> PhraseMatcher:
    """A matcher of the names of the organizations ``orgs`` (by name, from ``curated``): a
    name or alias leads to its organization; a local alias (a name each place gives its
    own, such as 'District Committee') to a LocalName, with the organization of
    each place that uses it."""
    local: dict[str, LocalName] = {}
    for c in curated:
        for alias in c.local_aliases:
            local.setdefault(match_key(alias), LocalName({})).orgs.setdefault(c.place, orgs[c.name])
    return PhraseMatcher({**{alias: local[match_key(alias)] for c in curated for alias in c.local_aliases},
                          **{name: orgs[c.name] for c in curated for name in (c.name, *c.aliases)}})


def _resolve_articles(articles: list[Article], found: dict[int, tuple[list, ...]], tags: list[Tag],
                      term_matcher: PhraseMatcher, event_matcher: PhraseMatcher) -> tuple:
    """Give each article its terms (and notes), events and tags, from what the matchers
    ``found`` in it (by the article's id()); return (the occurrences of each term, the
    articles of each event, of each tag, the candidate terms by key, the terms notes hide)."""
    occurrences: dict[str, list[Occurrence]] = defaultdict(list)
    event_articles: dict[str, list[Article]] = defaultdict(list)
    tags_by_slug = {t.slug: t for t in tags}
    tag_articles: dict[str, list[Article]] = defaultdict(list)
    term_keys = set(term_matcher.targets)
    candidates: dict[str, Candidate] = {}
    hidden: list[tuple[Article, str, Term, bool, str]] = []  # (..., inside the note, the words as written)
    for article in articles:
        terms_found, events_found, _, _ = found[id(article)]
        says: dict = {}  # what the article says of the words entries and events need (``_says``)
        _resolve_terms(article, terms_found, occurrences, term_matcher, says, hidden)
        _resolve_events(article, events_found, event_articles, event_matcher, says)
        _resolve_tags(article, tags_by_slug, tag_articles)
        _add_candidates(article, term_keys, term_matcher, event_matcher, candidates, says)
    return occurrences, event_articles, tag_articles, candidates, hidden


def _resolve_events(article: Article, events_found: list[list[tuple[int, int, Event]]],
                    event_articles: dict[str, list[Article]], event_matcher: PhraseMatcher, says: dict) -> None:
    """The article's events (each once, in the order found, an event named inside another's
    alias after it), and the article added to the articles of each."""
    article.events = _unique(
        e for paragraph, in_paragraph in zip(article.paragraphs, events_found, strict=False)
        for start, end, found in in_paragraph for e in (found, *_events_within(paragraph[start:end], event_matcher))
        if _says(article, e.context, says))
    for event in article.events:
        event_articles[event.id].append(article)


def _says(article: Article, context: re.Pattern | None, said: dict) -> bool:
    """Whether the article's title or text says what an entry or an event of ``only_with``
    needs to be found in it (a "7·20" is Zhengzhou's disaster only where Zhengzhou or Henan
    is named: another place has its own 7·20), ``said`` keeping the answers for the article."""
    if context is None:
        return True
    if context not in said:
        said[context] = context.search(article.title) is not None or any(
            context.search(paragraph) for paragraph in article.paragraphs)
    return said[context]


_WORD_SPAN_RE = re.compile(r"\S+")


def _events_within(phrase: str, event_matcher: PhraseMatcher) -> list[Event]:
    """The events named by a part of ``phrase``, an alias of an event the matcher found: "the
    investigation report of the “7·20” heavy rain disaster" is the report's, and names the
    disaster (an alias of its own, "7·20 heavy rain disaster") too. The matcher finds the
    longest alias only; the words of an alias are few."""
    words = [(m.start(), m.end()) for m in _WORD_SPAN_RE.finditer(phrase)]
    found = []
    for i, (start, _) in enumerate(words):
        for _, end in words[i:]:
            if (start, end) != (0, len(phrase)) and (event := event_matcher.lookup(phrase[start:end])) is not None:
                found.append(event)
    return found


def _resolve_tags(article: Article, tags_by_slug: dict[str, Tag], tag_articles: dict[str, list[Article]]) -> None:
    """The article's tags (those of its meta.yml that tags.yml has), and the article added
    to the articles of each."""
    article.tags = [tags_by_slug[t] for t in article.meta.tags if t in tags_by_slug]
    for tag in article.tags:
        tag_articles[tag.slug].append(article)


def _add_candidates(article: Article, term_keys: set[str], term_matcher: PhraseMatcher, event_matcher: PhraseMatcher,
                    candidates: dict[str, Candidate], says: dict) -> None:
    """Add the article to the candidate terms (by key) of ``candidates``: each phrase it
    quotes that neither the glossary (``term_keys``, the term and event matchers) nor an
    editor's note on this article explains."""
    noted = {PhraseMatcher.key(a.phrase) for a in article.meta.annotations} if article.meta.annotations else ()
    for phrase in article.quoted:
        key = PhraseMatcher.key(phrase)
        if key in noted:
            continue  # explained by an editor's note on this article
        found = [term_matcher.targets[key] if key in term_keys else term_matcher.lookup(phrase),
                 event_matcher.lookup(phrase)]
        # Explained by the glossary, but not by an entry this article cannot name: "7·20"
        # quoted in another place's article is its own (``only_with``), and worth an entry.
        if any(x is not None and _says(article, x.context, says) for x in found):
            continue
        candidates.setdefault(key, Candidate(phrase, [])).articles.append(article)


def _term_organizations(organizations: list[Organization],
                        term_matcher: PhraseMatcher) -> dict[str, list[Organization]]:
    """The terms of the glossary in each organization's names (org.terms), and the
    organizations of each term, by its slug: those an editor described only (every county's
    "Safety Committee" the articles name would make a term's page grow with the archive)."""
    term_organizations: dict[str, list[Organization]] = defaultdict(list)
    for org in organizations:  # "Louxing District Safety Committee" is a "District Safety Committee"
        org.terms = _unique(t for name in (org.name, *org.aliases, *org.local_aliases)
                            for _, _, t in term_matcher.find(name))
        for term in org.terms if org.curated else ():
            term_organizations[term.slug].append(org)
    return term_organizations


def _unnamed(curated: list[CuratedPerson], people: list[PersonRecord]) -> list[tuple[int, str, str | None]]:
    """(index in people.yml, name, place) of each curated person no article names."""
    named = {(p.name, p.place) for p in people}
    return [(i, p.name, p.place) for i, p in enumerate(curated) if (p.name, p.place) not in named]


def _matchers_fingerprint(matchers: tuple[PhraseMatcher, ...]) -> str:
    """The phrases the matchers look for (their regexes hold them all), and the pattern of
    bodies' names (``BODY_RE``), whose finds are kept with theirs."""
    text = "\n\x00".join([*(m.regex.pattern if m.regex is not None else "" for m in matchers), BODY_RE.pattern])
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _scan_texts(article: Article) -> tuple[Texts, Texts]:
    """The texts searched: the paragraphs (for terms and events), and the title, paragraphs
    and roles of the people (for organizations: ``_org_texts``)."""
    paragraphs = Texts(article.paragraphs)
    return paragraphs, Texts.concat([Texts([article.title]), paragraphs, Texts(_roles(article))])


def _roles(article: Article) -> list[str]:
    return [r for p in article.meta.people for r in p.roles]


def _org_texts(article: Article) -> list[str]:
    """The texts searched for organizations, as ``_scan_texts`` orders them."""
    return [article.title, *article.paragraphs, *_roles(article)]


def _scan_article(article: Article, matchers: tuple[PhraseMatcher, ...], fingerprint: str) -> tuple[list, ...]:
    """What each matcher finds in the article's texts, and the bodies' names (``body_spans``)
    in those searched for organizations: from ``article.scans`` when they were made by
    matchers looking for the same phrases (as the cache keeps them), else scanned now (and
    kept in ``article.scans``: where each find starts and ends, text by text). Done where the
    article is parsed, in the processes that share that work, and kept in the cache."""
    cached = article.scans
    if cached is not None and cached[0] == fingerprint:
        try:
            return _rebuild_scans(article, matchers, cached[1:])
        except (ValueError, TypeError, IndexError, LookupError):
            pass  # not what this code would have kept: scan again
    paragraphs, all_texts = _scan_texts(article)
    term_matcher, event_matcher, org_matcher = matchers
    found = (term_matcher.find_all(paragraphs), event_matcher.find_all(paragraphs), org_matcher.find_all(all_texts))
    bodies = [body_spans(text) for text in all_texts.texts]
    article.scans = (fingerprint, *([[x for start, end, _ in text for x in (start, end)] for text in per_text]
                                    for per_text in found),
                     [[x for span in spans for x in span] for spans in bodies])
    return (*found, bodies)


def _rebuild_scans(article: Article, matchers: tuple[PhraseMatcher, ...], kept: tuple) -> tuple[list, ...]:
    org_texts = _org_texts(article)
    texts = (article.paragraphs, article.paragraphs, org_texts)
    if len(kept) != 4:
        raise ValueError("not four scans")
    out = []
    for matcher, positions, in_texts in zip(matchers, kept[:3], texts, strict=True):
        if len(positions) != len(in_texts):
            raise ValueError("not one list per text")
        per_text = []
        for text, flat in zip(in_texts, positions, strict=True):
            found = []
            for i in range(0, len(flat), 2):
                start, end = flat[i], flat[i + 1]
                target = matcher.lookup(text[start:end])
                if target is None or not 0 <= start < end <= len(text):
                    raise ValueError("not a phrase")
                found.append((start, end, target))
            per_text.append(found)
        out.append(per_text)
    if len(kept[3]) != len(org_texts):
        raise ValueError("not one list per text")
    bodies = []
    for text, flat in zip(org_texts, kept[3], strict=True):
        spans = [(flat[i], flat[i + 1]) for i in range(0, len(flat), 2)]
        if not all(0 <= start < end <= len(text) for start, end in spans):
            raise ValueError("not a name")
        bodies.append(spans)
    out.append(bodies)
    return tuple(out)


def _unique(items: Iterable[T]) -> list[T]:
    return list({id(x): x for x in items}.values())


HEADINGS = (("title", "lg-title"), ("source", "provenance"))
"""Where else than in its text a term may be used in an article, with the anchor of that
place on the article page: the title (the page's heading), the source (its provenance)."""


def _resolve_terms(article: Article, found_all: list[list[tuple[int, int, Term]]], occurrences,
                   term_matcher: PhraseMatcher, says: dict, hidden: list | None = None) -> None:
    """The article's spans (its notes, and its terms where no note is), terms and notes;
    ``hidden`` gets (article, the note's phrase, the term, whether the note holds all of it,
    the term's words as the text writes them) where a note hides a term."""
    seen: set[str] = set()  # the terms marked in the text so far
    counted: set[str] = set()  # the terms found so far, marked or under a note: the article's terms
    said: set[tuple[str, str]] = set()
    placed = place_annotations(article.paragraphs, article.meta.annotations)
    order = sorted(placed, key=lambda n: placed[n][:2])  # notes are numbered as they are read
    shown = {n: k for k, n in enumerate(order, start=1)}
    article.notes = [article.meta.annotations[n - 1] for n in order]
    article.spans = []
    code = None
    if article.kind == "markdown" and article.body_markdown and any(found_all):
        from . import mdbody

        code = mdbody.code_ranges(article.body_markdown)
    for index, (paragraph, found) in enumerate(zip(article.paragraphs, found_all, strict=True)):
        spans = [Span(start, end, note=shown[n]) for n, (i, start, end) in placed.items() if i == index]
        notes = spans[:]  # the matches of one scan never overlap one another: only notes can
        for start, end, term in found:
            if term.context is not None and not _says(article, term.context, says):
                continue
            if code and index < len(code) and any(s < end and start < e for s, e in code[index]):
                continue  # in code, shown as typed: no use of the term
            start = _with_opening_quote(paragraph, start, end)
            note = next((s for s in notes if s.start < end and start < s.end), None) if notes else None
            if note is not None:  # the note's span stands; the term is not marked under it
                # A note on the term explains it: on its words (less a plural's ending or the
                # quotation marks around it) as well as on its very span.
                if hidden is not None and (note.start, note.end) != (start, end):
                    phrase = article.notes[note.note - 1].phrase
                    if (phrase, term.slug) not in said and phrase_key(phrase) not in map(phrase_key, term.names):
                        said.add((phrase, term.slug))
                        hidden.append((article, phrase, term, note.start <= start and end <= note.end,
                                       paragraph[start:end].strip("“”\"'‘’")))
                # Still a term of the article, and an occurrence the glossary lists, at the note.
                anchor = f"noteref-{note.note}"
            else:
                first = term.slug not in seen
                spans.append(Span(start, end, term=term, first=first))
                if not first:
                    continue
                seen.add(term.slug)
                anchor = f"term-{term.slug}"
            if term.slug not in counted:
                counted.add(term.slug)
                article.terms.append(term)
                occurrences[term.slug].append(Occurrence(article, index + 1, _context(paragraph, start, end), anchor))
        article.spans.append(sorted(spans, key=lambda s: s.start))
    # A term used only in the title or the source line ("retreat meeting", "Rong Media
    # Center") is in the article too: listed with its terms, counted in the glossary. Every
    # term there is marked, with its tooltip, as the text's are.
    # Two short texts an article: cheap enough not to keep with the scans.
    headings = [article.title, article.meta.source or ""]
    article.heading_spans = {}
    for (where, anchor), text, found in zip(HEADINGS, headings, term_matcher.find_all(headings), strict=True):
        found = [f for f in found if f[2].context is None or _says(article, f[2].context, says)]
        if found:
            article.heading_spans[where] = [Span(_with_opening_quote(text, start, end), end, term=term)
                                            for start, end, term in found]
        for _, _, term in found:
            if term.slug not in counted:
                counted.add(term.slug)
                article.terms.append(term)
                occurrences[term.slug].append(Occurrence(article, None, text, anchor, where))


_CLOSING = {"“": "”", "‘": "’", '"': '"'}


def _with_opening_quote(text: str, start: int, end: int) -> int:
    """Where a found phrase starts, moved back over the quotation mark just before it when
    the phrase holds the closing one: the term is “7·20” heavy rain disaster, not 7·20”
    heavy rain disaster (the matcher reads quotes inside a phrase as spacing)."""
    if not start or text[start - 1] not in _CLOSING:
        return start
    opening = text[start - 1]
    closing, found = _CLOSING[opening], text[start:end]
    unpaired = found.count(closing) % 2 == 1 if opening == closing else closing in found and opening not in found
    return start - 1 if unpaired else start


def _context(paragraph: str, start: int, end: int, width: int = 70) -> str:
    """The words around paragraph[start:end]: up to ``width`` characters on each side, cut at
    a word ("…" where cut), or where a sentence starts or ends within them."""
    lo = max(0, start - width)
    left = paragraph[lo:start]
    begins = None
    if "." in left or "?" in left or "!" in left:  # most windows have no stop
        # (two characters past the term's start: a sentence may start with a quotation mark)
        begins = next(reversed(list(SENTENCE_BOUNDARY_RE.finditer(paragraph, lo, start + 2))), None)
    if begins is not None:
        left = paragraph[begins.end() : start]
    elif lo > 0:
        left = "…" + left.split(" ", 1)[-1] if " " in left else "…" + left
    right = paragraph[end : end + width]
    ends = None
    if "." in right or "?" in right or "!" in right:
        ends = SENTENCE_BOUNDARY_RE.search(paragraph, end, end + width + 1)
    if ends is not None:
        right = paragraph[end : ends.end()].rstrip()
    elif end + width < len(paragraph):
        right = right.rsplit(" ", 1)[0] + "…" if " " in right else right + "…"
    return left + paragraph[start:end] + right


def _build_people(articles: list[Article], curated: list[CuratedPerson],
                  place_titles: dict[str, str] | None = None,
                  unplaced: list[tuple[Article, str, list[str], bool]] | None = None) -> list[PersonRecord]:
    """A record per person the articles name or credit: the curated person a name (or an
    alias) stands for, else one per name. Where people.yml tells namesakes apart by their
    place, a name stands for the one whose place the article is tagged with; else for the
    entry of that name without a place, if there is one, else for the name alone (and
    the mention goes to ``unplaced``)."""
    canonical: dict[str, list[CuratedPerson]] = {}
    for person in curated:
        for name in (person.name, *person.aliases):
            canonical.setdefault(match_key(name), []).append(person)
    records: dict[tuple[str, str | None], PersonRecord] = {}
    keys: dict[str, tuple[str, str | None]] = {}  # record key of each name as written: names repeat a lot
    unlisted: set[tuple[str, str | None]] = set()  # the keys of names no entry of people.yml gives

    def resolve(name: str, article: Article) -> CuratedPerson | None:
        candidates = canonical.get(match_key(name))
        if not candidates:
            return None
        here = [p for p in candidates if p.place is not None and p.place in article.meta.tags]
        if len(here) == 1:
            return here[0]
        everywhere = next((p for p in candidates if p.place is None), None)
        if everywhere is None and unplaced is not None:
            unplaced.append((article, name, [p.place for p in (here or candidates)], bool(here)))
        return everywhere

    def record(name: str, article: Article) -> PersonRecord:
        key = keys.get(name)
        if key is None:
            known = resolve(name, article)
            # A name no entry of people.yml gives is one person however it is cased or its
            # apostrophe typed, as an entry's is: "LI YI" and "Li Yi", "Li Xin’ai" and "Li Xin'ai".
            key = (known.name, known.place) if known else (match_key(name), None)
            if not known:
                unlisted.add(key)
            candidates = canonical.get(match_key(name), ())
            if not any(p.place for p in candidates):  # the same person whatever the article's tags
                keys[name] = key
            if key not in records:
                records[key] = PersonRecord(
                    name=known.name if known else plain_apostrophes(name), slug="", zh=known.zh if known else None,
                    aliases=list(known.aliases) if known else [], note=known.note if known else None,
                    zh_confirmed=known.zh_confirmed if known else True,
                    place=key[1], place_title=(place_titles or {}).get(key[1]) if key[1] else None,
                )
        return records[key]

    for article in sorted(articles, key=article_order):
        article.people = []
        named: dict[int, int] = {}  # id of a person -> their entry in article.people
        for mention in article.meta.people:
            person = record(mention.name, article)
            at = named.get(id(person))
            if at is not None:
                # Two spellings of one person in one article ("Liu Zhi-gang" and "LIU Zhigang", once
                # people.yml makes the first an alias): one appearance, with the roles and parts of
                # both, as written first (it was two rows of their page, two links of the article's).
                _, written, roles, how = article.people[at]
                roles = tuple(dict.fromkeys((*roles, *mention.roles)))
                how = tuple(dict.fromkeys((*how, *mention.involvement)))
                article.people[at] = (person, written, roles, how)
                appearance = person.appearances[-1]
                appearance.roles, appearance.involvement = roles, how or ("mentioned",)
                continue
            named[id(person)] = len(article.people)
            person.appearances.append(Appearance(article, mention.roles, mention.involvement or ("mentioned",),
                                                 mention.name))
            article.people.append((person, mention.name, mention.roles, mention.involvement))
        article.credits = {}
        for role, names in article.meta.credits.items():
            for name in names:
                person = record(name, article)
                person.appearances.append(Appearance(article, (), (CREDIT_INVOLVEMENT[role],), name))
                article.credits.setdefault(role, []).append(person)
    for key in unlisted:
        person = records[key]
        person.name = _usual_spelling([plain_apostrophes(a.as_written) for a in person.appearances])
    # Addresses are handed out to the people of people.yml first, in its order, then to the
    # others: names in words alone first ("Wang Qian", "Li Xin'ai"), then the spellings with
    # hyphens or stops ("Wang-Qian"), each in the order the archive first names them
    # (``records`` is in that order): numbered where one is taken. A name in words alone
    # keeps its address when a spelling with a hyphen is added, even in an article
    # published earlier.
    listed = {(person.name, person.place): n for n, person in enumerate(curated)}
    _assign_slugs(sorted(records.values(), key=lambda p: (listed.get((p.name, p.place), len(listed)),
                                                          not _plain_spelling(p.name))),
                  lambda p: f"{p.name} {p.place}" if p.place else p.name)
    people = sorted(records.values(), key=lambda p: (alphabetical(p.name), p.name, p.place or ""))
    by_name: dict[str, list[PersonRecord]] = defaultdict(list)  # several only where people.yml places them
    for person in people:
        by_name[person.name].append(person)
    for same in by_name.values():
        if len(same) > 1:
            for person in same:
                person.namesakes = [other for other in same if other is not person]
    return people


def _shared_names(people: list[PersonRecord]) -> list[SharedName]:
    """A page at the address of each name people.yml gives a place (``people`` in order),
    where no one else has that address: no person of that name without a place (who has
    it), nor another name of the same address. Its people are those of that name with a
    page, one only if the archive names only one of them."""
    taken = {p.slug for p in people}
    placed: dict[str, list[PersonRecord]] = {}
    for person in people:
        if person.place:
            placed.setdefault(person.name, []).append(person)
    claims = defaultdict(list)  # "Wang Qian" and "Wang-Qian" both claim wang-qian: neither has it
    for name in placed:
        claims[_slug_base(name)].append(name)
    return [SharedName(names[0], slug, sorted(placed[names[0]], key=lambda p: p.label.lower()))
            for slug, names in claims.items()
            if len(names) == 1 and slug not in taken and not reserved_slug(slug)]


def _usual_spelling(spellings: list[str]) -> str:
    """The spelling of a name to show, of those it is written in (in the order the archive
    writes them): the one written most as a name is ("Li Yi" rather than "LI YI", "ZHANG Wei",
    "Li yi" or "li yi"; "Bureau of Commerce" rather than "BUREAU OF COMMERCE" or "Bureau Of
    Commerce"), then the one written most often, then the first written."""
    counts = Counter(spellings)
    first = {spelling: n for n, spelling in reversed(list(enumerate(spellings)))}
    return min(counts, key=lambda s: (*_unlike_a_name(s), -counts[s], first[s]))


_SMALL_WORDS = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "the", "to"})


def _unlike_a_name(spelling: str) -> tuple[int, int, int, int]:
    """How far ``spelling`` is from how a name is written, for ``_usual_spelling`` (the
    smaller, the closer): its words in capitals throughout, whether it starts in a small
    letter, its words but the small ones ("of") that start in a small letter, and its small
    words after the first that start with a capital."""
    words = spelling.split()
    return (sum(len(w) > 1 and w.isupper() for w in words), not spelling[:1].isupper(),
            sum(not w[:1].isupper() for w in words if w.lower() not in _SMALL_WORDS),
            sum(w[:1].isupper() for w in words[1:] if w.lower() in _SMALL_WORDS))


_PLAIN_NAME_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*(?: [^\W_]+(?:['’][^\W_]+)*)*")


def _plain_spelling(name: str) -> bool:
    """Whether ``name`` is written in words and single spaces alone (an apostrophe within a
    word, an accent, any letter counts): "Wang Qian", "Li Xin'ai", "Lǚ Wei", not "Wang-Qian" or
    "Changsha (Rong) Media Center", which make the same address as a plain spelling does."""
    return _PLAIN_NAME_RE.fullmatch(name) is not None


def _slug_base(name: str) -> str:
    base = slugify(name)
    return base + "-named" if reserved_slug(f"{base}-2") else base  # "Page": page-2... are the index's pages


def _assign_slugs(items: list, named=lambda item: item.name, used: set[str] | None = None) -> None:
    """A page address for each of ``items`` from its name (``named(item)``): the slug of
    the name, numbered from 2 where one is taken (here or in ``used``, which gets them)."""
    used = set() if used is None else used
    for item in items:
        base = _slug_base(named(item))
        slug, n = base, 2
        while slug in used or reserved_slug(slug):  # "Page 2" is not the index's second page
            slug, n = f"{base}-{n}", n + 1
        item.slug = slug
        used.add(slug)


def _build_organizations(articles: list[Article], orgs: dict[str, Organization],
                         matcher: PhraseMatcher[Organization | LocalName], found_in: dict[int, tuple]) -> list[Organization]:
    """``orgs``: the curated organizations by name; ``found_in``: the scans of each article
    (``_scan_article``, by id of the article), of which what ``matcher`` finds in its title,
    paragraphs and roles, and the bodies' names there. Added to them: each
    source, and each body those texts name in full (``body_spans``) that no curated name
    or alias covers (a local alias only in its place's articles): an organization no
    editor has described (not ``curated``), one for each name however it is cased."""
    others: dict[str, Organization] = {}  # by match_key of the name
    spellings: dict[str, list[str]] = defaultdict(list)  # the names of each of ``others`` as written

    def other(name: str) -> Organization:
        key = match_key(name)
        spellings[key].append(name)
        org = others.get(key)
        if org is None:
            org = others[key] = Organization(name, "")
        return org

    def known(name: str, article: Article) -> Organization | None:
        org = matcher.lookup(name)
        return org.resolve(article) if isinstance(org, LocalName) else org

    for article in sorted(articles, key=article_order):
        found: list[tuple[Organization, str]] = []
        source = article.meta.source
        if source:
            org = known(source, article)
            found.append((org or other(source), "source"))
        _, _, named, bodies = found_in[id(article)]
        for found_in_text in named:
            for _, _, org in found_in_text:
                if isinstance(org, LocalName) and (org := org.resolve(article)) is None:
                    continue  # another place's body, which the archive does not know
                if not any(o is org for o, _ in found):
                    found.append((org, "named"))
        for text, spans in zip(_org_texts(article), bodies, strict=True):
            for name in (text[start:end] for start, end in spans):
                hit = matcher.lookup(name)
                if isinstance(hit, LocalName) and (hit := hit.resolve(article)) is None:
                    continue  # another place's name for its body (as above)
                org = hit or other(name)
                if not any(o is org for o, _ in found):
                    found.append((org, "named"))
        article.organizations = []
        article.source_organization = found[0][0] if source else None
        for org, how in found:
            org.articles.append((article, how))
            article.organizations.append(org)
    for key, org in others.items():  # shown as usually written
        org.name = _usual_spelling(spellings[key])
    curated = sorted(orgs.values(), key=lambda o: o.name.lower())
    # Names in words alone before those with hyphens, brackets or stops that make the same
    # address ("Changsha (Rong) Media Center"), each in alphabetical order.
    uncurated = sorted(others.values(), key=lambda o: (not _plain_spelling(o.name), o.name.lower(), o.name))
    used: set[str] = set()
    _assign_slugs(curated, used=used)  # first: a curated body keeps its address whatever the articles name
    _assign_slugs(uncurated, used=used)
    return sorted(curated + uncurated, key=lambda o: o.name.lower())


@lru_cache(maxsize=65536)
def alphabetical(name: str) -> str:
    """``name`` as an index orders it: in any case, a letter with a mark as the letter
    ("Lü Wei" among the "Lu" names, before "Luo Wenwei"; it came after every "Lu…")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))


# --------------------------------------------------------------------------- bodies no editor has described

_BODY_LEVELS = "County|District|City|Municipal|Province|Provincial|Town|Township|Subdistrict|Street"
_BODY_HEADS = ("Bureau|Committee|Commission|Department|Office|Government|Congress|Center|Centre|Brigade|Station|"
               "Administration|Court|Procuratorate|Federation|Association|Corps|Team|Group|Agency|Authority|"
               "Detachment|Squad|Branch|Headquarters|League")
# Capitalised words that are no part of a body's name: a sentence's or a headline's own words
# ("The County held...", "Each District Committee", "... Committee Holds Its Meeting") and the
# titles before a person's name ("... Committee Director Liu Zhigang").
_BODY_STOPS = (
    "The|A|An|This|That|These|Those|It|Its|Their|Our|His|Her|Each|Every|All|Both|Any|Some|Other|Another|Whole|"
    "Entire|Same|Said|Such|In|On|At|By|To|From|With|Into|Under|Over|As|Of|For|And|Or|But|Nor|So|Then|Also|When|"
    "While|After|Before|During|Since|Until|Is|Are|Was|Were|Be|Been|Has|Have|Had|Will|Would|Shall|Should|Can|Could|"
    "May|Might|Must|Do|Does|Did|Not|No|If|Here|There|Where|What|Which|Who|How|Why|New|Held|Holds|Hold|Holding|"
    "Convened|Convenes|Convene|Carried|Carries|Carry|Out|Launched|Launches|Launch|Visited|Visits|Visit|Inspected|"
    "Inspects|Inspect|Attended|Attends|Attend|Met|Meets|Meet|Meeting|Deployed|Deploys|Deploy|Promoted|Promotes|"
    "Promote|Organized|Organizes|Organised|Organises|Conducted|Conducts|Conduct|Studied|Studies|Study|Presided|"
    "Presides|Signed|Signs|Went|Goes|Go|Set|Sets|Leads|Led|Director|Deputy|Secretary|Head|Chairman|Chairwoman|"
    "Chair|Mayor|Governor|Member|Members|Leader|Leaders|Comrade|Mr|Ms|Mrs|Dr|"
    # a headline's verbs of thanks and help ("Dakeshan Town Villagers Thank Fire Brigade" was a
    # body: a review); not the people who give them, who name bodies ("Residents Committee")
    "Thank|Thanks|Thanked|Praise|Praises|Praised|Helped|Receives|Received|Welcomed|Salute|Salutes|Saluted|"
    "Donates|Donated|Joined|Wins|Won|Welcomes|Helps|Sends")
_BODY_PLACE = r"[A-Z][a-z]+(?:['’-][a-z]+)*"  # Shuangfeng, Xi'an
_BODY_WORD = r"[A-Z][A-Za-z]*(?:['’][a-z]+|-[A-Za-z]+)*"  # Safety, People's, Urban-Rural, CPC
BODY_RE = re.compile(
    rf"""(?P<place>[A-Z](?<![\w'’-].)[a-z]+(?:['’-][a-z]+)*)\ (?:{_BODY_LEVELS})  # a place, its level: "Shuangfeng County"
    (?:\ (?:(?:and|of|for)\ )?                                 # capitalised words, and "and", "of", "for"
       (?!(?:{_BODY_STOPS})\b)(?!{_BODY_PLACE}\ (?:{_BODY_LEVELS})\b)  # (another place: another body)
       {_BODY_WORD})*
    \ (?:{_BODY_HEADS})(?![\w-])                               # ... the last of them the noun of a body
    (?!\ (?:[Oo]f|[Ff]or)\ [A-Z])                              # the whole name ("Commission for Discipline ...")
    """, re.VERBOSE)
"""The full proper name of a body: a place and its level, capitalised words, and a noun of a
body last ("Shuangfeng County Emergency Management Bureau", "Loudi Municipal Safety
Committee"). Conservative: no lowercase word but "and", "of", "for" within, no name whose
last noun is followed by the rest of it ("of Commerce"). Backtracks only over the words of
one name (another place ends it), so a text is scanned in linear time; it starts with a
capital letter, which the scan looks for first (a place that is a word of ``_NOT_PLACES`` is
refused after the match: no name can start inside that one)."""
_NOT_PLACES = frozenset(f"{_BODY_STOPS}|{_BODY_LEVELS}|{_BODY_HEADS}".split("|"))  # "The County", "County Office"
_BODY_AND_RE = re.compile(rf" (?:{_BODY_HEADS}) and ")


def body_names(text: str) -> list[str]:
    """The names of bodies (BODY_RE) in ``text``, in order (``body_spans``)."""
    return [text[start:end] for start, end in body_spans(text)]


def body_spans(text: str) -> list[tuple[int, int]]:
    """Where each name of a body (BODY_RE) starts and ends in ``text``, in order; "X Committee
    and Y Bureau" is two bodies, not one: a name is cut where "and" follows a noun of a body."""
    spans = []
    for m in BODY_RE.finditer(text):
        if m["place"] in _NOT_PLACES:
            continue
        cut = _BODY_AND_RE.search(m.group())
        spans.append((m.start(), m.start() + cut.start() + len(cut.group()) - len(" and ") if cut else m.end()))
    return spans


MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")


@lru_cache(maxsize=8192)
def format_date(value: str) -> str:
    """'2020-04' -> 'April 2020'; '2022-02-11' -> '11 February 2022'; '2021' -> '2021'
    (in English whatever the locale; the same few thousand dates recur on many pages)."""
    parts = value.split("-")
    if len(parts) == 1:
        return value
    number = int(parts[1])
    if not 1 <= number <= 12:
        raise ValueError(f"no month {number} in {value!r}")
    month = MONTH_NAMES[number - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


def published_by(meta: ArticleMeta) -> str:
    """Who published an article, as the timeline says it: an article the editors wrote (no
    source, not a translation, not ingested) is theirs, not an unknown source's. A machine
    translation is said to be one, as its citation says: the date is the translation's, on the
    site it was found on, not the day the source published its report (a reader's review)."""
    if meta.source and meta.machine_translated:
        return f"Machine translation of a report by {meta.source}."
    if meta.source:
        return f"Published by {meta.source}."
    return "Written by the archive's editors." if meta.by_the_editors else "Published by an unknown source."


def _build_timeline(articles: list[Article], events: list[Event], event_articles) -> list[TimelineEntry]:
    entries = []
    for event in events:
        entries.append(TimelineEntry(
            date=event.date, precision=event.precision, title=event.title, description=event.description,
            kind="event", anchor=event.id, sources=event.sources,
            articles=sorted(event_articles.get(event.id, []), key=article_order), event=event,
        ))
    for article in articles:
        source = article.meta.source or "The source"
        sources = [Source(article.meta.source_url, source)] if article.meta.source_url else []
        entries.append(TimelineEntry(
            date=article.published.isoformat(), precision="day", title=f"Published: {article.title}",
            description=published_by(article.meta), kind="published",
            anchor=f"published-{article.id}", sources=sources, articles=[article],
        ))
        if article.meta.event_date:
            entries.append(TimelineEntry(
                date=article.meta.event_date.isoformat(), precision="day", title=article.title,
                description=f"The event the article reports, dated by the article (published {format_date(article.published.isoformat())}).",
                kind="article-event", anchor=f"event-{article.id}", sources=sources, articles=[article],
            ))
    order = {"event": 0, "article-event": 1, "published": 2}
    return sorted(entries, key=lambda e: (e.date, order[e.kind], e.anchor))
