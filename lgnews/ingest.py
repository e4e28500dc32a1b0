"""Accession: store raw article files in archive/ byte for byte, with draft metadata.

For each file: decode and parse it (refusing what is not an article of the family), then
create ``archive/articles/<id>/`` holding ``source.txt`` (the exact original bytes) and a
draft ``meta.yml`` for an editor to review. The folder appears whole or not at all: it is
written under a temporary name and renamed into place. An article already archived is not
added again; the only change ingest makes to one is to put back what it had and lost: its
``source.txt``, changed since, from the same original bytes; its ``meta.yml``, deleted or
left with nothing an editor wrote (only comments), as ingest first wrote it; or the ``sha256``
line of its ``meta.yml``, deleted (``_restore``)."""

from __future__ import annotations

import argparse
import glob
import hashlib
import os
import re
import secrets
import shlex
import shutil
import sys
from pathlib import Path

import yaml

from .errors import ParseError, one_line
from .model import STAGING_PREFIX, meta_from_parsed
from .parse import (
    ARCHIVED_SOURCE_BYTES,
    MAX_SOURCE_BYTES,
    days_not_in_the_calendar,
    decode_source,
    event_date_mention,
    match_header,
    parse_article,
)
from .progress import progress_for
from .records import slugify, title_key, year_problem
from .write import FSYNC_EACH_UP_TO, atomic_write, write_new

META_HEADER = """\
# Draft metadata extracted by `make ingest` from source.txt (which is never edited).
# Review it against the verbatim text and correct it here: title, dates, credits, people.
# Attach notes to garbled phrases under `annotations:` (- phrase: ..., note: ...) and pick
# tags from archive/tags.yml. See the editors' guide (docs/editors.md).
"""
MAX_SLUG = 60
SHA_LINE_RE = re.compile(r"^sha256:\s*['\"]?([0-9a-f]{64})", re.M)
ENCODING_LINE_RE = re.compile(r"^encoding:\s*['\"]?([\w-]+)", re.M)


class IngestError(Exception):
    pass


def known_hashes(articles: Path) -> dict[str, str]:
    """SHA-256 of every stored source -> its article id: read from meta.yml (cheap), or
    computed from source.txt when an editor removed it from meta.yml."""
    hashes = {}
    if not articles.is_dir():
        return hashes
    for source in sorted(articles.glob("[!.]*/source.txt")):  # (not what a stopped ingest left)
        meta = source.with_name("meta.yml")
        try:
            m = SHA_LINE_RE.search(meta.read_text(encoding="utf-8", errors="replace")) if meta.exists() else None
            digest = m.group(1) if m else hashlib.sha256(source.read_bytes()).hexdigest()
        except OSError:
            continue
        hashes.setdefault(digest, source.parent.name)
    return hashes


def id_base(published: str, title: str) -> str:
    """``<published>-<slug of the title>``. The slug is ASCII letters, digits and hyphens
    only (Chinese is transliterated), so an id is always a safe folder name and URL,
    whatever the title holds."""
    slug = re.sub(r"[^a-z0-9]+", "-", slugify(title).lower()).strip("-") if any(c.isalnum() for c in title) else ""
    if len(slug) > MAX_SLUG:
        cut = slug.rfind("-", 0, MAX_SLUG + 1)
        slug = slug[: cut if cut > MAX_SLUG // 2 else MAX_SLUG].strip("-")  # at a word boundary
    return f"{published}-{slug or 'article'}"


def make_id(published: str, title: str, articles: Path) -> str:
    """``id_base``, with ``-2``, ``-3``... when the folder exists."""
    base = id_base(published, title)
    candidate, n = base, 2
    while (articles / candidate).exists():
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def dump_meta(data: dict, header: str = META_HEADER) -> str:
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def ingest_file(path: Path, archive: Path, hashes: dict[str, str]) -> str:
    """Accession one file; return its new id. Raises IngestError with the reason, or Restored
    when the file was archived already and what records it has been put back."""
    return _ingest(path, archive, hashes)[0]


SURPRISING_GAP = 92
"""Days between publication and an event whose year the text does not give, beyond which
ingest asks for a check: 'On June 5' in an article of 2 June is taken as last June."""


def _ingest(path: Path, archive: Path, hashes: dict[str, str], durable: bool = False
            ) -> tuple[str, str, list[str]]:
    """(the new id, the encoding the file was read in, what the editor should check first in its meta.yml).
    ``durable``: the files on disk before the folder appears (``write.write_new``)."""
    if path.is_dir():
        raise IngestError("is a folder, not an article file")
    if not os.path.lexists(path):
        raise IngestError(_not_found(path))
    try:
        if path.exists() and not path.is_file():
            raise IngestError("is not a regular file (a device or a pipe?), not an article file")
        # (Up to what the build takes of an archived article, so that one archived before the
        # limit was lowered is known, and put back, by its bytes or its words: said as too
        # long, ingest had refused what the build told the editor to do: a review.)
        if path.stat().st_size > ARCHIVED_SOURCE_BYTES:
            raise IngestError(f"file is {path.stat().st_size:,} bytes; the limit for one article is {MAX_SOURCE_BYTES:,}")
        raw = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}") from None
    try:
        text, encoding = decode_source(raw, limit=ARCHIVED_SOURCE_BYTES)
        parsed = parse_article(text)
    except ParseError as exc:  # (a file too long is said so first: no archived article is other than an article)
        raise IngestError(_too_long(raw) or str(exc)) from None
    problem = year_problem(parsed.published)
    if problem:  # the folder would be named after it, for good
        raise IngestError(_too_long(raw)
                          or f"the header date {parsed.published.isoformat()}: {problem}; correct the date in the file")
    digest = hashlib.sha256(raw).hexdigest()
    if digest in hashes:
        existing = archive / "articles" / hashes[digest] / "source.txt"
        if _damaged(existing, digest):
            _restore(existing, raw)
            raise Restored(hashes[digest], f"{existing}, which had been changed, to these original bytes (its "
                                           "meta.yml is kept)")
        meta = existing.with_name("meta.yml")
        lost, held = _lost_meta(meta)
        if lost:  # no field an editor wrote is in it: write them as ingest first did
            data, unusable = _first_meta(parsed, digest, encoding)
            _restore(meta, _meta_again(held, data).encode("utf-8"))
            checks = "".join("; " + check for check in _checks(parsed, unusable))
            raise Restored(hashes[digest], f"{meta}, which was {lost}, as ingest first wrote it: review it{checks} "
                                           f"(if it was committed, 'git diff -- {meta}' shows what it held)")
        kept = _text_without_sha_line(meta)
        if kept is not None:
            _restore(meta, (kept + ("\n" if kept and not kept.endswith("\n") else "") + f"sha256: {digest}\n").encode())
            raise Restored(hashes[digest], f"the sha256 line of {meta}, which had been deleted (the rest of the "
                                           "file is kept)")
        raise AlreadyArchived(hashes[digest])
    articles = archive / "articles"
    base = id_base(parsed.published.isoformat(), parsed.title)
    twin = _same_text(text, articles, base)
    if twin:  # (as the same bytes are: nothing to do, which is no failure)
        raise AlreadyArchived(twin, "the same words; only the bytes differ: line endings or breaks, a byte order "
                                    "mark, the encoding or the comment count")
    too_long = _too_long(raw)
    if too_long:  # a new article: the limit of one (see MAX_SOURCE_BYTES)
        raise IngestError(too_long)
    try:
        articles.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file of that name, a read-only disk
        where = "a file stands where the folder should be: move it away" if isinstance(
            exc, (FileExistsError, NotADirectoryError)) else exc.strerror or str(exc)
        raise IngestError(f"cannot write to {articles}/: {where}") from None
    article_id = make_id(parsed.published.isoformat(), parsed.title, articles)
    meta, unusable = _first_meta(parsed, digest, encoding)
    try:
        # A name of its own, made as any folder is, so that the article's folder has the
        # permissions the editor's umask gives (tempfile.mkdtemp's are the owner's alone:
        # on a shared machine, no one else could read the article).
        staging = articles / f"{STAGING_PREFIX}{os.getpid()}-{secrets.token_hex(4)}"
        staging.mkdir()
    except OSError as exc:
        raise IngestError(f"cannot write to {articles}: {exc.strerror or exc}") from None
    try:
        # On disk before the folder is renamed into place: after a power cut the article's
        # folder holds its whole source.txt and meta.yml, never files not yet written (empty).
        write_new(staging / "source.txt", raw, durable)
        write_new(staging / "meta.yml", dump_meta(meta).encode("utf-8"), durable)
        os.rename(staging, articles / article_id)  # the folder appears whole or not at all
        if durable:
            _sync_folder(articles)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise IngestError(f"cannot write {articles / article_id}: {exc.strerror or exc}") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    hashes[digest] = article_id
    checks = _checks(parsed, unusable)
    alike = _same_title(parsed.title, articles, base, article_id) if article_id != base else None
    if alike:  # the lists would show two lines alike (a review)
        checks.append(f"an article with the same date and title, in other words, is archived as {alike}/: if this "
                      "is a revised copy of it, remove one of the two folders; if they are two articles, give one a "
                      "title that tells them apart in meta.yml")
    return article_id, encoding, checks


def _checks(parsed, unusable: str | None) -> list[str]:
    """What the editor should look at first in the meta.yml ingest wrote for ``parsed``
    (``unusable``: why the text's event date was left out of it, if it was)."""
    checks = []
    if not parsed.credits and parsed.source is None:  # the credit line is written in a way the parser does not know
        checks.append("no credit line was recognized at its end: write its credits and source in meta.yml yourself")
    for unread in parsed.unread_credits:  # a label not known ("Producer: Wang Qian"), among known credits
        shown = unread if len(unread) <= 80 else unread[:79] + "…"
        if unread.startswith(("http://", "https://", "www.")) and " " not in unread:  # after a name
            scheme = "" if unread.startswith("http") else " (with http:// or https:// before it)"
            checks.append(f"the credit line gives an address (“{shown}”): if it is the page the article was "
                          f"taken from, write it as source_url in meta.yml{scheme}")
            continue
        checks.append(f"part of the credit line is neither credits nor text (“{shown}”): if it credits "
                      "someone, add them to meta.yml yourself")
    if unusable:
        checks.append(f"the text's event date, {parsed.event_date.isoformat()}, is left out of meta.yml, as "
                      f"{unusable}: write event_date yourself if you know it")
    flat = " ".join(parsed.paragraphs)
    for written in days_not_in_the_calendar(flat):
        checks.append(f"the text gives “{written}”, which is no day of the calendar, and no date was read from it: "
                      "if it is the event's day, write event_date yourself")
    event = event_date_mention(flat, parsed.published)
    gap = (parsed.published - event[0]).days if event and not event[1] else 0
    if gap > SURPRISING_GAP:
        checks.append(f"the text gives the event's day without a year, taken to be {event[0].isoformat()}, "
                      f"{gap} days before publication: check event_date")
    return checks


def _first_meta(parsed, digest: str, encoding: str) -> tuple[dict, str | None]:
    """The meta.yml ingest writes for an article (parsed from the file whose SHA-256 is
    ``digest``, read in ``encoding``), and why the text's event date was left out of it, if
    it was ("On December 31" of a 1900 article: the build would refuse it)."""
    meta = meta_from_parsed(parsed)
    unusable = meta["event_date"] and year_problem(meta["event_date"]) or None
    if unusable:
        meta["event_date"] = None
    meta["sha256"] = digest
    meta["encoding"] = encoding
    return meta, unusable


def _meta_again(held: str, data: dict) -> str:
    """What ingest writes again in a lost meta.yml that held ``held`` (see _lost_meta): the
    fields it first wrote, under the comments the file still holds (an editor's are kept),
    else its own."""
    # Each comment at the start of its line, and blank lines empty: an indented comment, or a
    # tab, above the first field would not be YAML.
    kept = "\n".join(line.strip() for line in held.splitlines()).strip("\n")
    if not kept or kept == META_HEADER.strip():
        return dump_meta(data)
    return dump_meta(data, header=kept + "\n")


def _lost_meta(meta: Path) -> tuple[str | None, str]:
    """("missing" or "empty", what it holds) when an archived article's ``meta`` holds
    nothing an editor wrote (deleted, or emptied: nothing but comments and blank lines),
    which ingesting the file again writes anew; else (None, "")."""
    try:
        text = meta.read_text(encoding="utf-8").lstrip("\ufeff")  # (a byte-order mark is no field)
    except FileNotFoundError:
        if os.path.lexists(meta) or any(n.name.lower().startswith("meta.") for n in meta.parent.iterdir()):
            return None, ""  # a broken link, or a meta.yaml to rename: the build says so
        return "missing", ""
    except (OSError, ValueError):  # not text, a folder: the build says what is wrong with it
        return None, ""
    lost = all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())
    return ("empty", text) if lost else (None, "")


def _sync_folder(folder: Path) -> None:
    """Have the rename of a folder in ``folder`` on disk (where the system can: POSIX)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _too_long(raw: bytes) -> str | None:
    """Why ``raw`` is too long for a new article, if it is."""
    if len(raw) > MAX_SOURCE_BYTES:
        return f"file is {len(raw):,} bytes; the limit for one article is {MAX_SOURCE_BYTES:,}"
    return None


def _same_text(text: str, articles: Path, base: str) -> str | None:
    """The archived article with the same words as ``text``, if any: saved again with other
    line endings, a byte order mark or in another encoding, a file has other bytes. Such a
    twin has the same date and title, so the same ``id_base``: only those folders are read.
    The header's comment count is not compared: scraped again a day later, the same article
    has another."""
    words = _words_digest(_compared_words(text))
    name, n = base, 2
    while (articles / name).is_dir():  # as make_id numbers them: not a listing of the whole archive
        try:
            if _archived_words(articles / name) == words:
                return name
        except (OSError, ParseError):
            pass
        name, n = f"{base}-{n}", n + 1
    return None


_ARCHIVED_WORDS: dict[Path, tuple[tuple[int, int, int], bytes]] = {}
"""The digest of the words of each archived article ``_same_text`` read, by folder, with the
size and times of its ``source.txt`` and ``meta.yml`` then. Ingesting many files of the same
date and title in one command read and decoded every earlier one again for each: 96 s for
1,000, 20 s for 500 (a review of skewed archives)."""


def _archived_words(folder: Path) -> bytes:
    """The digest of the compared words of the article archived in ``folder``."""
    source, meta = folder / "source.txt", folder / "meta.yml"
    held, about = source.stat(), meta.stat()
    key = (held.st_size, held.st_mtime_ns, about.st_mtime_ns)
    seen = _ARCHIVED_WORDS.get(folder)
    if seen is not None and seen[0] == key:
        return seen[1]
    m = ENCODING_LINE_RE.search(meta.read_text(encoding="utf-8", errors="replace"))
    digest = _words_digest(_compared_words(decode_source(source.read_bytes(), m.group(1) if m else None,
                                                         ARCHIVED_SOURCE_BYTES)[0]))
    _ARCHIVED_WORDS[folder] = (key, digest)
    return digest


def _words_digest(words: list[str]) -> bytes:
    return hashlib.sha256("\n".join(words).encode("utf-8", "surrogatepass")).digest()


def _same_title(title: str, articles: Path, base: str, new: str) -> str | None:
    """The archived article of the same date whose meta.yml gives ``title`` (case and spaces
    aside), as the build compares them: among the folders of the same ``id_base``, up to the
    ``new`` one. Not one whose title only makes the same folder name ("… the flood control
    tasks" and "… the fire prevention tasks", cut to the same 60 characters; a review)."""
    wanted = title_key(title)
    name, n = base, 2
    while name != new and (articles / name).is_dir():
        try:
            meta = yaml.safe_load((articles / name / "meta.yml").read_text(encoding="utf-8"))
        except (OSError, ValueError, yaml.YAMLError):
            meta = None
        if isinstance(meta, dict) and title_key(str(meta.get("title", ""))) == wanted:
            return name
        name, n = f"{base}-{n}", n + 1
    return None


def _compared_words(text: str) -> list[str]:
    """The words of ``text`` without the header's comment count ('2022-04-30 0 By')."""
    lines = text.splitlines()
    filled = [i for i, line in enumerate(lines) if line.strip()][:2]
    if len(filled) == 2:
        header = lines[filled[1]].strip()
        match = match_header(header)
        if match:
            lines[filled[1]] = header[: match.start("comments")] + header[match.end("comments") :]
    return _GLUED_STOP_RE.sub(" ", " ".join(lines)).split()


# A sentence glued to the one before it ("year.Liu"), as machine translation leaves them: the
# same words as a copy that starts a paragraph there (which was archived again as new).
_GLUED_STOP_RE = re.compile(r"(?<=[a-z0-9”\"')][.!?。！？])(?=[A-Z“\"])|(?<=[。！？])(?=\S)")


def _not_found(path: Path) -> str:
    """Why there is no file at ``path``, with what the editor most likely meant."""
    name = str(path)
    if name.startswith("~"):  # left as it is between quotes, as a terminal leaves it
        return ("no such file: between quotes, ~ is not your home folder (nor is it in a terminal); put it "
                "outside them: FILE='~/\"Downloads/news (1).txt\"'")
    where = "" if path.is_absolute() else f" (a path is read from the folder {Path.cwd()})"
    if _PATTERN_RE.search(name):
        return f"no file matches this pattern{where}"
    folder = next((f for f in reversed(path.parents) if str(f) != "." and not f.is_dir()), None)
    return f"no such folder: {folder}{where}" if folder else f"no such file{where}"


class AlreadyArchived(Exception):
    """The file is in the archive already (as ``article_id``), byte for byte or its text
    (``how`` says which): nothing to do, which is no failure (a command run again after
    Ctrl+C, or on a folder of downloads that grows, ends well)."""

    def __init__(self, article_id: str, how: str = "same SHA-256"):
        super().__init__(article_id)
        self.article_id = article_id
        self.how = how


class Restored(Exception):
    """The file was archived already, but what records it had been changed: its stored copy
    has the original bytes again, or its meta.yml the sha256 line that ingest wrote
    (``what``: which, for the editor)."""

    def __init__(self, article_id: str, what: str):
        super().__init__(article_id)
        self.article_id = article_id
        self.what = what


def _damaged(source: Path, digest: str) -> bool:
    """Whether the stored ``source`` no longer has the bytes whose SHA-256 is ``digest``."""
    try:
        return hashlib.sha256(source.read_bytes()).hexdigest() != digest
    except FileNotFoundError:
        return True
    except OSError:
        return False


_SHA_KEY_RE = re.compile(r"^sha256\s*:", re.M)


def _text_without_sha_line(meta: Path) -> str | None:
    """The text of the article's ``meta`` if it has lost its ``sha256:`` line (an editor
    deleted it; git has no copy of it while the article is not committed), to which ingest
    adds it again at the end; None if the line is there."""
    try:
        text = meta.read_text(encoding="utf-8")
    except (OSError, ValueError):  # none, or not text: the build says what is wrong with it
        return None
    return None if _SHA_KEY_RE.search(text) else text


def _restore(path: Path, data: bytes) -> None:
    """Put ``data`` back as what an archived article's file at ``path`` holds."""
    try:
        atomic_write(path, data)
    except OSError as exc:
        raise IngestError(f"cannot restore {path}: {exc.strerror or exc}") from None


_PATTERN_RE = re.compile(r"[*?[]")


_TILDE_RE = re.compile(r"~[^\s/'\"\\]*")


def _home_folders(text: str) -> str:
    """``text`` with each ~ or ~user that starts a word outside quotes replaced by that home
    folder (quoted), as a shell does: '"~/a.txt"' stays as it is."""
    out: list[str] = []
    quote = None
    i = 0
    while i < len(text):
        c = text[i]
        if quote is None and c == "~" and (i == 0 or text[i - 1].isspace()):
            prefix = _TILDE_RE.match(text, i).group()
            home = os.path.expanduser(prefix)
            out.append(shlex.quote(home) if home != prefix else prefix)
            i += len(prefix)
            continue
        if c == "\\" and quote != "'" and i + 1 < len(text):
            out.append(text[i:i + 2])
            i += 2
            continue
        if quote is None and c in "'\"":
            quote = c
        elif c == quote:
            quote = None
        out.append(c)
        i += 1
    return "".join(out)


def make_files(text: str) -> list[Path]:
    """The files of `make ingest FILE=...`, as data: quoted as a shell quotes them (a name with
    spaces in quotes) and a pattern such as Downloads/*.txt expanded, but nothing run (the
    shell would run `...` or $(...) in a downloaded file's name). ValueError if a quote is
    not closed. A name that starts with ~ is in the home folder, as the shell would have it."""
    files: list[Path] = []
    for word in shlex.split(_home_folders(text)):
        if not word:  # FILE='""'
            continue
        expanded = sorted(glob.glob(word)) if _PATTERN_RE.search(word) and not os.path.lexists(word) else []
        files += [Path(name) for name in expanded] or [Path(word)]
    return files


def _spaced_name(files: list[Path]) -> str | None:
    """The name of a file that ``files`` holds in pieces, none of them a file: the name with
    spaces of `make ingest FILE=Downloads/news (1).txt`, written without quotes."""
    if len(files) > 50:
        return None
    for i in range(len(files)):
        for j in range(i + 2, len(files) + 1):
            if any(os.path.lexists(f) for f in files[i:j]):
                break
            joined = " ".join(map(str, files[i:j]))
            if os.path.isfile(joined):
                return joined
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Store raw article files in archive/ with draft metadata.")
    parser.add_argument("files", nargs="*", type=Path, metavar="FILE")
    parser.add_argument("--archive", type=Path, help="archive folder (default: archive, which must exist)")
    parser.add_argument("--quiet", action="store_true", help="print only problems")
    parser.add_argument("--files-from-make", metavar="TEXT", default="",
                        help="more files, as typed after `make ingest FILE=`: names separated by spaces, in quotes if they hold one, and patterns such as Downloads/*.txt")
    parser.add_argument("--goals-from-make", metavar="TEXT", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        from_make = make_files(args.files_from_make)
    except ValueError:  # shlex's "No closing quotation"
        print(one_line(f"ingest: FILE={args.files_from_make}: a quotation mark is not closed: put a name with spaces "
                       "or brackets in quotes, FILE='\"news (1).txt\"'; rename a file whose name holds a quotation "
                       "mark or an apostrophe (Xi's talk.txt) first"), file=sys.stderr)
        return 2
    spaced, typed = _spaced_name(from_make), args.files_from_make
    goals = args.goals_from_make.split()
    if not spaced and from_make and goals:
        # The rest of a name with spaces typed without quotes: make took FILE=Downloads/news
        # as the file, and "article.txt" as a goal of its own (``--goals-from-make``: make's
        # goals but ingest).
        joined = _spaced_name(from_make[-1:] + [Path(g) for g in goals])
        if joined:
            spaced, typed = joined, " ".join([typed, *goals])
    if spaced:
        print(one_line(f"ingest: FILE={typed}: '{spaced}' is one file, whose name has spaces: put it "
                       f"in quotes, FILE='\"{spaced}\"'"), file=sys.stderr)
        return 2
    # Several names without quotes (FILE=a.txt b.txt): make took b.txt for a goal, and would
    # only say "Nothing to be done for 'b.txt'" once a.txt was archived.
    left = [goal for goal in goals if os.path.isfile(goal)]
    if left:
        typed = " ".join([args.files_from_make, *left])
        print(one_line(f"ingest: FILE={typed}: make took {', '.join(left)} for a goal of its own, not a file to "
                       f"ingest: put all the names in quotes, FILE='{typed}'; "
                       "nothing was archived"), file=sys.stderr)
        return 2
    args.files += from_make
    if not args.files:
        parser.error("no FILE given")
    if args.archive is None and not Path("archive").is_dir():  # not the project's folder: one made here is no one's
        print(one_line(f"ingest: there is no archive/ folder in {Path.cwd()}: run ingest from the project "
                       "folder (where you type make); nothing was archived"), file=sys.stderr)
        return 2
    args.archive = args.archive or Path("archive")  # (another, named with --archive, is made if need be)
    hashes = known_hashes(args.archive / "articles")
    # Each file on disk before its folder appears, as an editor ingests them (an fsync costs
    # ~1.5 ms: thousands at once, a benchmark's, are left to the system, as write.py does).
    durable = len(args.files) <= FSYNC_EACH_UP_TO
    failed = restored = already = 0
    archived = 0
    try:
        for path in progress_for(sys.stderr, args.quiet)(args.files, "Ingesting"):
            try:
                article_id, encoding, checks = _ingest(path, args.archive, hashes, durable)
            except Restored as done:
                if not args.quiet:
                    print(one_line(f"{path}: restored {done.what}"))
                restored += 1
                continue
            except AlreadyArchived as done:
                if not args.quiet:
                    print(one_line(f"{path}: already archived as {args.archive}/articles/{done.article_id}/ "
                                   f"({done.how}); not added again"))
                already += 1
                continue
            except IngestError as exc:
                reason = str(exc)
            except Exception as exc:  # a bug must not hide the other files, nor print a traceback
                reason = f"could not be processed ({type(exc).__name__}: {exc}); please report this file"
            else:
                if not args.quiet:
                    # An encoding other than UTF-8 was detected: said, so that a wrong guess (a
                    # garbled reading edition) is caught at once.
                    read_as = "" if encoding == "utf-8" else f"; read as {encoding.upper()}"
                    print(one_line(f"{path}: archived as {args.archive}/articles/{article_id}/ (review its meta.yml"
                                   f"{read_as}{''.join('; ' + check for check in checks)})"))
                archived += 1
                continue
            failed += 1
            # One line per refused file on stderr: PATH: reason.
            print(one_line(f"{path}: {' '.join(reason.split())}"), file=sys.stderr)
    except KeyboardInterrupt:  # Ctrl+C: one line, no traceback (each article's folder appears whole, or not at all)
        print(f"ingest: interrupted after {archived} of {len(args.files)} file(s) archived"
              + (f", {restored} restored" if restored else "") + (f", {already} already archived" if already else "")
              + f" and {failed} refused; every folder of the archive is whole. Run the same command again for the "
              "rest: the files already archived are then skipped", file=sys.stderr)
        return 130
    if len(args.files) > 1 and not args.quiet:
        print(f"ingest: {archived} archived, " + (f"{restored} restored, " if restored else "")
              + (f"{already} already archived, " if already else "") + f"{failed} refused")
    return 1 if failed else 0
