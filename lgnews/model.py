"""Model stage: the whole archive as one cross-referenced Site, built before anything renders.

``load_archive`` reads and validates every file of ``archive/`` and reports all problems of a
run together; ``build_site`` resolves what the articles mention (glossary terms, events,
people, organizations, dates) and the links back, all in memory and near-linear in the
size of the archive."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Generic, TypeVar

from .errors import ArchiveError, ArchiveErrors, ParseError
from .parse import (
    DateMention,
    ParsedArticle,
    decode_source,
    extract_people,
    find_dates,
    find_event_date,
    find_quoted,
    parse_article,
)
from .records import (
    ArticleMeta,
    CuratedOrganization,
    CuratedPerson,
    Event,
    PersonMention,
    Source,
    Tag,
    Term,
    load_events,
    load_glossary,
    load_meta,
    load_organizations,
    load_people,
    load_tags,
    match_key,
    read_yaml,
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
ID_RE = re.compile(r"^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$")
FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?---[ \t]*\n?(?P<body>.*)\Z", re.S)


# --------------------------------------------------------------------------- matching


_KEY_SPACES_RE = re.compile(r"[\s\-]+")
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

    @staticmethod
    def key(text: str) -> str:
        key = _KEYS.get(text)
        if key is None:
            key = _KEY_SPACES_RE.sub(" ", match_key(text).replace("‐", "-")).strip()
            if len(_KEYS) < _KEYS_MAX:
                _KEYS[text] = key
        return key

    def _trie_pattern(self, node: dict) -> str:
        alternatives = []
        optional = False
        for unit, child in sorted(node.items(), key=lambda kv: kv[0]):
            if unit == "":
                optional = True
                continue
            head = r"[\s\"“”‘’'\-]*[\s\-][\s\"“”‘’']*" if unit == self._SEP else re.escape(unit)
            alternatives.append(head + self._trie_pattern(child))
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
        if self.regex is None:
            return
        found, lookup = self._found, self.lookup
        for m in self.regex.finditer(text):
            matched = m.group()
            target = found[matched] if matched in found else lookup(matched)
            if target is not None:
                yield m.start(), m.end(), target


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
    dates: list[DateMention] = field(default_factory=list)
    quoted: list[str] = field(default_factory=list)
    # Resolved by build_site:
    terms: list[Term] = field(default_factory=list)
    spans: list[list[Span]] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    people: list[tuple[PersonRecord, str, tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)
    credits: dict[str, list[PersonRecord]] = field(default_factory=dict)
    organizations: list[Organization] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    previous: Article | None = None
    next: Article | None = None

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
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass(eq=False)
class Occurrence:
    article: Article
    paragraph: int
    context: str
    anchor: str


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
    appearances: list[Appearance] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"people/{self.slug}/"

    @property
    def article_count(self) -> int:
        return len({id(a.article) for a in self.appearances})

    @property
    def roles_summary(self) -> list[str]:
        """Every title the articles give, then every part taken, each once."""
        return list(dict.fromkeys(
            [r for a in self.appearances for r in a.roles] + [h for a in self.appearances for h in a.involvement]))


@dataclass(eq=False)
class Organization:
    name: str
    slug: str
    zh: str | None = None
    description: str | None = None
    aliases: list[str] = field(default_factory=list)
    articles: list[tuple[Article, str]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"organizations/{self.slug}/"


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


# --------------------------------------------------------------------------- loading


def load_archive(root: Path, progress=None) -> Archive:
    """Read and validate all of ``archive/``; raise ArchiveErrors listing every problem."""
    errors: list[ArchiveError] = []

    def curated(name: str, loader, *args):
        path = root / name
        if not path.exists():
            return []
        try:
            return loader(path, read_yaml(path), *args)
        except ArchiveErrors as exc:
            errors.extend(exc.errors)
            return None  # invalid: do not check other files against it

    tags = curated("tags.yml", load_tags)
    terms = curated("glossary.yml", load_glossary)
    events = curated("events.yml", load_events, None if terms is None else {t.term for t in terms}) or []
    people = curated("people.yml", load_people) or []
    organizations = curated("organizations.yml", load_organizations) or []
    tag_names = None if tags is None else {t.slug for t in tags}
    tags, terms = tags or [], terms or []
    articles = []
    folder = root / "articles"
    entries = sorted(p for p in folder.iterdir() if not p.name.startswith(".")) if folder.is_dir() else []
    for directory in progress(entries, "Loading articles") if progress else entries:
        try:
            articles.append(load_article(directory, tag_names))
        except ArchiveErrors as exc:
            errors.extend(exc.errors)
    if errors:
        raise ArchiveErrors(errors)
    return Archive(articles, terms, events, people, organizations, tags)


def load_article(directory: Path, tag_names: set[str] | None = None) -> Article:
    """One article folder: ``source.txt`` + ``meta.yml`` (ingested) or ``article.md``."""
    if not directory.is_dir():
        raise ArchiveErrors([ArchiveError(directory, "not a folder; articles/ holds one folder per article")])
    if not ID_RE.match(directory.name):
        raise ArchiveErrors([ArchiveError(directory, "the folder name is not an article id "
                                                     "(YYYY-MM-DD-slug in lowercase letters, digits and hyphens)")])
    source, meta_path, markdown = directory / "source.txt", directory / "meta.yml", directory / "article.md"
    if source.exists() and markdown.exists():
        raise ArchiveErrors([ArchiveError(directory, "has both source.txt and article.md; keep one of them")])
    if markdown.exists():
        return _load_markdown_article(directory, markdown, tag_names)
    if not source.exists():
        raise ArchiveErrors([ArchiveError(directory, "has no source.txt or article.md; add one, or remove the folder")])
    if not meta_path.exists():
        raise ArchiveErrors([ArchiveError(meta_path, "missing; every source.txt needs its meta.yml (ingest writes it)")])
    raw = source.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    meta_text = _read_text(meta_path)
    meta = load_meta(meta_path, read_yaml(meta_path, meta_text), tags=tag_names, text=meta_text)
    if meta.sha256 and meta.sha256 != digest:
        raise ArchiveErrors([ArchiveError(source, "its bytes no longer match the sha256 recorded in meta.yml; "
                                                  "source files are never edited: restore it with 'git checkout'")])
    try:
        text, _ = decode_source(raw)
        parsed = parse_article(text)
    except ParseError as exc:
        raise ArchiveErrors([ArchiveError(source, str(exc))]) from None
    article = Article(
        id=directory.name, path=directory, kind="raw", meta=meta, source_text=text, sha256=digest,
        paragraphs=parsed.paragraphs, dates=parsed.dates, quoted=parsed.quoted,
    )
    _check_annotations(article, meta_path)
    return article


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ArchiveErrors([ArchiveError(path, "not UTF-8 text; save the file as UTF-8")]) from None


def _load_markdown_article(directory: Path, path: Path, tag_names: set[str] | None) -> Article:
    raw = path.read_bytes()
    text = _read_text(path).replace("\r\n", "\n")
    m = FRONT_MATTER_RE.match(text)
    if not m:
        raise ArchiveErrors([ArchiveError(path, "no front matter: start the file with '---', the metadata "
                                                "(title, published, ...), and '---' again", line=1)])
    front = "\n" + (m["yaml"] or "")  # the opening '---' is line 1: keep line numbers those of the file
    data = read_yaml(path, front)
    meta = load_meta(path, data, tags=tag_names, text=front)
    if not isinstance(data, dict) or "machine_translated" not in data:
        meta.machine_translated = False
    body = m["body"].strip("\n")
    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
    flat = " ".join(paragraphs)
    if meta.event_date is None:
        meta.event_date = find_event_date(flat, meta.published)
    if not meta.people:
        meta.people = [PersonMention(p.name, p.roles, p.involvement) for p in extract_people(flat)]
    article = Article(
        id=directory.name, path=directory, kind="markdown", meta=meta, source_text=text,
        sha256=hashlib.sha256(raw).hexdigest(), paragraphs=paragraphs, body_markdown=body,
        dates=find_dates(flat, meta.published), quoted=find_quoted(flat),
    )
    _check_annotations(article, path)
    return article


def _check_annotations(article: Article, path: Path) -> None:
    errors = []
    placed = place_annotations(article.paragraphs, article.meta.annotations)
    for i, note in enumerate(article.meta.annotations):
        if not any(note.phrase in p for p in article.paragraphs):
            errors.append(ArchiveError(path, f"annotations[{i}].phrase: {note.phrase!r} is not in the article's "
                                             "reading edition; copy the words exactly as the article page shows them"))
        elif i + 1 not in placed:
            errors.append(ArchiveError(path, f"annotations[{i}].phrase: {note.phrase!r} overlaps the phrase of an "
                                             "earlier note wherever it occurs; choose words no other note covers"))
    if errors:
        raise ArchiveErrors(errors)


def place_annotations(paragraphs: list[str], annotations) -> dict[int, tuple[int, int, int]]:
    """Where each note (numbered from 1) marks the text: (paragraph, start, end) of the first
    occurrence of its phrase that no earlier note's phrase overlaps. Marks never overlap, so
    the reading edition shows every character once."""
    placed: dict[int, tuple[int, int, int]] = {}
    for n, note in enumerate(annotations, start=1):
        for index, paragraph in enumerate(paragraphs):
            at = paragraph.find(note.phrase)
            while at >= 0 and any(i == index and s < at + len(note.phrase) and at < e for i, s, e in placed.values()):
                at = paragraph.find(note.phrase, at + 1)
            if at >= 0:
                placed[n] = (index, at, at + len(note.phrase))
                break
    return placed


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


# --------------------------------------------------------------------------- building


def build_site(archive: Archive) -> Site:
    """Resolve every cross-reference of the archive; the result is everything render needs."""
    articles = sorted(archive.articles, key=lambda a: (a.published, a.id), reverse=True)
    for newer, older in zip(articles, articles[1:], strict=False):
        older.next, newer.previous = newer, older
    term_matcher = PhraseMatcher({name: t for t in archive.terms for name in t.names})
    event_matcher = PhraseMatcher({alias: e for e in archive.events for alias in e.aliases})
    occurrences: dict[str, list[Occurrence]] = defaultdict(list)
    event_articles: dict[str, list[Article]] = defaultdict(list)
    tags_by_slug = {t.slug: t for t in archive.tags}
    tag_articles: dict[str, list[Article]] = defaultdict(list)
    term_keys = set(term_matcher.targets)
    candidates: dict[str, Candidate] = {}

    for article in articles:
        _resolve_terms(article, term_matcher, occurrences)
        article.events = _unique(e for p in article.paragraphs for _, _, e in event_matcher.find(p))
        for event in article.events:
            event_articles[event.id].append(article)
        article.tags = [tags_by_slug[t] for t in article.meta.tags if t in tags_by_slug]
        for tag in article.tags:
            tag_articles[tag.slug].append(article)
        for phrase in article.quoted:
            key = PhraseMatcher.key(phrase)
            if key in term_keys or term_matcher.lookup(phrase) or event_matcher.lookup(phrase):
                continue
            candidates.setdefault(key, Candidate(phrase, [])).articles.append(article)

    people = _build_people(articles, archive.people)
    organizations = _build_organizations(articles, archive.organizations)
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
    )


def _unique(items: Iterable[T]) -> list[T]:
    return list({id(x): x for x in items}.values())


def _resolve_terms(article: Article, matcher: PhraseMatcher[Term], occurrences) -> None:
    seen: set[str] = set()
    placed = place_annotations(article.paragraphs, article.meta.annotations)
    article.spans = []
    for index, paragraph in enumerate(article.paragraphs):
        spans = [Span(start, end, note=n) for n, (i, start, end) in placed.items() if i == index]
        for start, end, term in matcher.find(paragraph):
            if any(s.start < end and start < s.end for s in spans):
                continue
            first = term.slug not in seen
            spans.append(Span(start, end, term=term, first=first))
            if first:
                seen.add(term.slug)
                article.terms.append(term)
                occurrences[term.slug].append(
                    Occurrence(article, index + 1, _context(paragraph, start, end), f"term-{term.slug}")
                )
        article.spans.append(sorted(spans, key=lambda s: s.start))


def _context(paragraph: str, start: int, end: int, width: int = 70) -> str:
    left = paragraph[max(0, start - width) : start]
    right = paragraph[end : end + width]
    if start - width > 0:
        left = "…" + left.split(" ", 1)[-1] if " " in left else "…" + left
    if end + width < len(paragraph):
        right = right.rsplit(" ", 1)[0] + "…" if " " in right else right + "…"
    return left + paragraph[start:end] + right


def _build_people(articles: list[Article], curated: list[CuratedPerson]) -> list[PersonRecord]:
    canonical: dict[str, CuratedPerson] = {}
    for person in curated:
        for name in (person.name, *person.aliases):
            canonical[match_key(name)] = person
    records: dict[str, PersonRecord] = {}
    keys: dict[str, str] = {}  # record key of each name as written: names repeat a lot

    def record(name: str) -> PersonRecord:
        key = keys.get(name)
        if key is None:
            known = canonical.get(match_key(name))
            key = keys[name] = known.name if known else name
        if key not in records:
            known = canonical.get(match_key(name))
            records[key] = PersonRecord(
                name=key, slug="", zh=known.zh if known else None,
                aliases=list(known.aliases) if known else [], note=known.note if known else None,
            )
        return records[key]

    for article in sorted(articles, key=lambda a: (a.published, a.id)):
        article.people = []
        for mention in article.meta.people:
            person = record(mention.name)
            person.appearances.append(Appearance(article, mention.roles, mention.involvement or ("mentioned",),
                                                 mention.name))
            article.people.append((person, mention.name, mention.roles, mention.involvement))
        article.credits = {}
        for role, names in article.meta.credits.items():
            for name in names:
                person = record(name)
                person.appearances.append(Appearance(article, (), (CREDIT_INVOLVEMENT[role],), name))
                article.credits.setdefault(role, []).append(person)
    people = sorted(records.values(), key=lambda p: (p.name.lower(), p.name))
    _assign_slugs(people)
    return people


def _assign_slugs(items: list) -> None:
    used: set[str] = set()
    for item in items:
        base = slugify(item.name)
        slug, n = base, 2
        while slug in used or slug in {"index", "page"}:
            slug, n = f"{base}-{n}", n + 1
        item.slug = slug
        used.add(slug)


def _build_organizations(articles: list[Article], curated: list[CuratedOrganization]) -> list[Organization]:
    orgs = {c.name: Organization(c.name, "", c.zh, c.description, list(c.aliases)) for c in curated}
    matcher = PhraseMatcher({name: orgs[c.name] for c in curated for name in (c.name, *c.aliases)})
    for article in sorted(articles, key=lambda a: (a.published, a.id)):
        found: list[tuple[Organization, str]] = []
        source = article.meta.source
        if source:
            org = matcher.lookup(source) or orgs.setdefault(source, Organization(source, ""))
            found.append((org, "source"))
        texts = [article.title, *article.paragraphs,
                 *(r for p in article.meta.people for r in p.roles)]
        for text in texts:
            for _, _, org in matcher.find(text):
                if not any(o is org for o, _ in found):
                    found.append((org, "named"))
        article.organizations = []
        for org, how in found:
            org.articles.append((article, how))
            article.organizations.append(org)
    result = sorted((o for o in orgs.values()), key=lambda o: o.name.lower())
    _assign_slugs(result)
    return result


def format_date(value: str) -> str:
    """'2020-04' -> 'April 2020'; '2022-02-11' -> '11 February 2022'; '2021' -> '2021'."""
    parts = value.split("-")
    if len(parts) == 1:
        return value
    month = date(2000, int(parts[1]), 1).strftime("%B")
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


def _build_timeline(articles: list[Article], events: list[Event], event_articles) -> list[TimelineEntry]:
    entries = []
    for event in events:
        entries.append(TimelineEntry(
            date=event.date, precision=event.precision, title=event.title, description=event.description,
            kind="event", anchor=event.id, sources=event.sources,
            articles=sorted(event_articles.get(event.id, []), key=lambda a: (a.published, a.id)), event=event,
        ))
    for article in articles:
        source = article.meta.source or "The source"
        sources = [Source(article.meta.source_url, source)] if article.meta.source_url else []
        entries.append(TimelineEntry(
            date=article.published.isoformat(), precision="day", title=f"Published: {article.title}",
            description=f"{source} publishes the article.", kind="published",
            anchor=f"published-{article.id}", sources=sources, articles=[article],
        ))
        if article.meta.event_date:
            entries.append(TimelineEntry(
                date=article.meta.event_date.isoformat(), precision="day", title=article.title,
                description=f"The event the article reports, dated in its text (published {format_date(article.published.isoformat())}).",
                kind="article-event", anchor=f"event-{article.id}", sources=sources, articles=[article],
            ))
    order = {"event": 0, "article-event": 1, "published": 2}
    return sorted(entries, key=lambda e: (e.date, order[e.kind], e.anchor))
