"""The generator: archive/ -> model -> pages and data in docs/ (run by scripts/build.py).

A run whose inputs have not changed since the last one stops after comparing a fingerprint
of them, before the parser, the model or the templates are even imported. Otherwise
articles whose files did not change come from the cache of parsed articles
(``.cache/lgnews/``, see ``model.ArticleCache``), and only pages whose content changed are
written."""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import re
import stat
import sys
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote

import yaml

from .config import ConfigError, load_config
from .errors import VALUE_ERRORS, ArchiveErrors, one_line
from .ids import ARTICLE_ID_RE
from .write import GENERATED_TOPS, UNPUBLISHED, atomic_write, read_manifest_state

PACKAGE = Path(__file__).resolve().parent
CACHE = Path(".cache") / "lgnews"
"""The cache of parsed articles, relative to the project root (git-ignored)."""


LIBRARIES = ("jinja2", "markupsafe", "markdown", "yaml", "charset_normalizer", "orjson", "slugify",
             "text_unidecode")
"""The libraries whose output the pages depend on: upgrading one regenerates them. (slugify
makes the addresses of people, organizations and tags, with text_unidecode's
transliteration; tqdm only draws progress bars, playwright only measures the benchmark.)"""


EDITOR_BACKUPS = ("~", "#", ".swp", ".swo", ".tmp", ".bak")
"""What text editors save beside a file (page.md~, #page.md#, .page.md.swp): not the site's."""


def is_editors_scrap(name: str) -> bool:
    """Whether the file ``name`` is hidden or what a text editor saves beside a file."""
    return name.startswith((".", "#")) or name.endswith(EDITOR_BACKUPS)


def list_files(folder: str, prefix: str, out: list[str], *, names_only: bool = False,
             skip: frozenset = frozenset()) -> None:
    """``path\\0size\\0mtime`` of every file under ``folder`` (sorted by path), and ``path/``
    of every folder (an empty one too), without ``__pycache__`` and the names in ``skip``
    (at the top); with ``names_only``, only the paths, without dot files. One
    ``os.scandir`` per folder, one stat per file. A symbolic link that leads to itself is
    listed as a file (reading it names it), and one to a folder that holds it as a folder,
    not entered (it would be listed again, and again)."""
    try:
        with os.scandir(folder) as it:
            entries = sorted((e.name, e) for e in it)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name, entry in entries:
        if name in skip or (names_only and is_editors_scrap(name)):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:  # too many levels of symbolic links
            out.append(f"{prefix}{name}\n")
            continue
        # A link is listed with where it leads: replacing a file or a folder by a link to a
        # copy of it (the same sizes and times) is a change, and the loader refuses links.
        link = f"\0-> {_readlink(entry.path)}" if not names_only and entry.is_symlink() else ""
        if is_dir:
            if name != "__pycache__":
                out.append(f"{prefix}{name}/{link}\n")
                if not (entry.is_symlink() and _holds(os.path.realpath(entry.path), folder)):
                    list_files(entry.path, f"{prefix}{name}/", out, names_only=names_only)
        elif entry.is_file():
            if names_only:
                out.append(f"{prefix}{name}\n")
            else:
                info = entry.stat()
                out.append(f"{prefix}{name}\0{info.st_size}\0{info.st_mtime_ns}{link}\n")
        elif link:  # a link that leads nowhere
            out.append(f"{prefix}{name}{link}\n")


def _readlink(path: str) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "?"


_kept: list[str] | None = None  # the warnings being kept (``_keeping``), to be said again


def warn(text: str) -> None:
    """A warning for the editor, as one line (a file's name or an article's words can hold a
    line end or a control character) on standard error."""
    line = one_line(f"warning: {text}")
    if _kept is not None:
        _kept.append(line)
    print(line, file=sys.stderr)


@contextmanager
def _keeping():
    """Keep the warnings said inside: the archive's slips, which a run with nothing to do
    says again (``WARNINGS``), as long as they are there."""
    global _kept
    _kept = kept = []
    try:
        yield kept
    finally:
        _kept = None


WARNINGS = CACHE / "warnings.json"
"""The archive's slips the last generation warned of, with the fingerprint of its inputs: a
run with nothing to do said only "nothing changed", and an editor who ran `make site` again
to check saw no warning."""


def _save_warnings(config, fingerprint: str, lines: list[str]) -> None:
    path = config.root / WARNINGS
    try:
        if not lines:
            path.unlink(missing_ok=True)
            return
        atomic_write(path, json.dumps({"inputs": fingerprint, "warnings": lines}).encode("utf-8"), durable=False)
    except OSError:
        pass  # only a convenience: the next full run, or `make check`, says them


def _say_warnings_again(config, fingerprint: str) -> None:
    """The warnings of the generation that made docs/ of these very inputs."""
    try:
        saved = json.loads((config.root / WARNINGS).read_text(encoding="utf-8"))
        lines = saved["warnings"] if saved.get("inputs") == fingerprint else []
    except (OSError, ValueError, AttributeError, KeyError, TypeError):
        return
    for line in lines if isinstance(lines, list) else []:
        if isinstance(line, str):
            print(one_line(line), file=sys.stderr)


def _holds(target: str, folder: str) -> bool:
    """Whether the folder ``target`` (a real path) is ``folder`` or one of the folders it is in."""
    return (os.path.realpath(folder) + os.sep).startswith(target.rstrip(os.sep) + os.sep)


def archive_listing(config) -> list[str]:
    """Every file and folder of archive/, as ``list_files`` gives them."""
    listing: list[str] = [f"\0-> {_readlink(str(config.archive))}\n"] if os.path.islink(config.archive) else []
    list_files(str(config.archive), "", listing)
    return listing


ARTICLE_FILES = frozenset({"source.txt", "meta.yml", "article.md"})
"""What an article's folder holds; the generator reads nothing else there."""


def unread_article_files(listing: list[str]) -> list[str]:
    """The files and folders in an article's folder (``articles/<id>/...`` in an
    ``archive_listing``) that are not part of the article: an editor who saves notes.txt,
    a corrected copy of the source or an image there would otherwise never learn that the
    site does not show it. Not dot files and what text editors leave beside a file, nor
    what an error already names (a folder where source.txt should be, meta.yaml where
    meta.yml is missing)."""
    found: list[tuple[str, str]] = []
    has_meta: set[str] = set()
    for line in listing:
        parts = line.split("\0", 1)[0].rstrip("\n").split("/")
        if parts[0] != "articles" or len(parts) < 3 or not parts[2]:
            continue
        folder, name = parts[1], parts[2]
        if not ARTICLE_ID_RE.match(folder):  # not an article's folder: an error says so
            continue
        if name in ARTICLE_FILES:
            if name == "meta.yml" and len(parts) == 3:
                has_meta.add(folder)
            continue
        if (len(parts) == 3 or (len(parts) == 4 and parts[3] == "")) and not is_editors_scrap(name):
            found.append((folder, name + ("/" if len(parts) == 4 else "")))
    return [f"articles/{folder}/{name}" for folder, name in found
            if folder in has_meta or not name.lower().startswith("meta.")]


UNREAD_ADVICE = ("is not part of the article, which is made from its source.txt and meta.yml (or its article.md) "
                 "only: the site does not show it. Move it out of archive/articles/ (an image for an article "
                 "written in Markdown goes in docs/images/); a note on the text goes under annotations: in "
                 "meta.yml")



def inputs_fingerprint(config, archive: list[str] | None = None) -> str:
    """What the output depends on: every file and folder of archive/ (``archive``, its
    listing, if already made) and of the generator (path, size, modification time), the
    settings, the installed libraries it renders with, and, if an article is written in
    Markdown or a definition or an event may hold a link (they may link to them), the names
    of the files editors keep in docs/. Equal fingerprints mean nothing to do."""
    import importlib.util

    parts = [f"{config.site_url}\n{config.site_name}\n{config.repo_url}\n{sys.version}\n"]
    for name in LIBRARIES:
        spec = importlib.util.find_spec(name)
        try:
            info = os.stat(spec.origin) if spec and spec.origin else None
        except OSError:
            info = None
        parts.append(f"{name}\0{info and info.st_size}\0{info and info.st_mtime_ns}\n")
    parts.append(f"\1{config.archive.name}\n")
    parts += archive_listing(config) if archive is None else archive
    parts.append(f"\1{PACKAGE.name}\n")
    list_files(str(PACKAGE), "", parts)
    if any(part.split("\0", 1)[0].endswith("/article.md") for part in parts) or _has_links(config.archive):
        # Articles written in Markdown, glossary definitions and event descriptions may link
        # to any file of docs/: whether it is there is checked again when one is added,
        # removed or renamed (not when it is edited).
        parts.append("\1docs\n")
        list_files(str(config.docs), "", parts, names_only=True, skip=GENERATED_TOPS)
    return hashlib.sha256("".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


LINK_MARKS = ("](", "]:", "<")
"""What a Markdown text holding a link holds: [x](...), <https://...>, or [x][1] with its
address below it, '[1]: ...' (or an HTML tag, which the checks refuse)."""


def _has_links(archive: Path) -> bool:
    """Whether glossary.yml or events.yml may hold a link (Markdown's or an HTML tag), or
    moved.yml is there (it may lead to a page editors write)."""
    if os.path.isfile(archive / "moved.yml"):
        return True
    for name in ("glossary.yml", "events.yml"):
        path = archive / name
        if os.path.islink(path) or not os.path.isfile(path):  # a named pipe would be waited on for ever
            continue  # (the loader says what is wrong with it)
        try:
            text = path.read_bytes()
        except OSError:
            continue
        if any(mark.encode() in text for mark in LINK_MARKS):
            return True
    return False


_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
"""A page's front matter as MkDocs finds it (mkdocs.utils.meta): MkDocs drops what it
cannot read as fields without a word, and shows the whole block as the page's text."""


_UNCLOSED_FRONT_MATTER = re.compile(r"-{3}[ \t]*\n[a-z_][a-z0-9_-]*[ \t]*:(?=[ \t\n])")
"""The start of a page whose first line, '---', is followed by a field ('title: ...', keys are
written in lowercase): front matter, unless it is closed nowhere. A page may also start with
a rule, '---', then its text ('Note: ...')."""


def front_matter_error(path: Path, text: str):
    """What is wrong with the front matter of the editor's page ``path`` (None if nothing, or
    if it has none), with the line to look at."""
    from .errors import ArchiveError

    m = _FRONT_MATTER.match(text)
    if m is None:
        if _UNCLOSED_FRONT_MATTER.match(text):
            return ArchiveError(path, "the front matter is not closed, and shows as the page's text: add a line "
                                      "'---' after its last field", line=1)
        return None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # as MkDocs reads it: a bad date is an error
    try:
        fields = yaml.load(m.group(1), Loader=loader)
    except RecursionError:
        from .records import TOO_DEEP

        return ArchiveError(path, TOO_DEEP, line=2)
    except VALUE_ERRORS as exc:  # 'date: 2022-02-30', '!!int 0xZZ'
        from .records import unreadable_value

        row, said = unreadable_value(m.group(1), exc, loader)
        return ArchiveError(path, f"the front matter (between the '---' lines) is not read, and shows as the "
                                  f"page's text: {said}", line=row + 2 if row is not None else 2)
    except yaml.YAMLError:
        from .records import read_yaml  # only now: the quick no-op run imports no more than it needs

        try:
            read_yaml(path, "\n" + m.group(1))  # its lines numbered as in the page
        except ArchiveErrors as exc:
            error = exc.errors[0]
            return ArchiveError(path, f"the front matter (between the '---' lines) is not read, and shows as "
                                      f"the page's text: {error.message}", line=error.line)
        fields = None
    if isinstance(fields, dict):
        return None
    return ArchiveError(path, "the front matter (between the '---' lines) is not read, and shows as the page's "
                              "text: write it as fields, one a line ('title: About the archive'), or delete it",
                        line=2)


def _blank_page(text: str) -> bool:
    """Whether an editor's page has nothing to show: no text, or its front matter alone."""
    if not text.strip():
        return True
    m = _FRONT_MATTER.match(text)
    return m is not None and not text[m.end():].strip()


def editor_page_errors(docs: Path, front_matter: bool = True) -> list:
    """The pages editors keep in docs/ that are not UTF-8 (MkDocs stops on one with a
    traceback), and what is there in place of a file (a named pipe, which MkDocs would wait
    on for ever): reported first, as the archive's files are. With ``front_matter``, also the
    pages whose front matter MkDocs would not read (and show as their text), and a warning
    for each page with nothing to show (published blank, in the menu)."""
    from .errors import ArchiveError

    errors = []
    for folder, folders, files in os.walk(docs):
        folders[:] = sorted(f for f in folders if not f.startswith(".")
                            and not (folder == str(docs) and f in GENERATED_TOPS))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(folder) / name
            try:
                if not stat.S_ISREG(path.stat().st_mode):  # MkDocs would wait on it for ever
                    from .records import NOT_A_FILE  # only now: the quick no-op run imports no YAML

                    errors.append(ArchiveError(path, NOT_A_FILE))
                elif name.endswith(".md"):
                    # Read as MkDocs reads a page: a byte-order mark dropped, Windows line ends as
                    # "\n" (a CRLF page's broken front matter went unsaid).
                    text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
                    unread = front_matter and text.startswith("---") and front_matter_error(path, text)
                    if unread:
                        errors.append(unread)
                    elif front_matter and _blank_page(text):
                        warn(f"docs/{path.relative_to(docs).as_posix()}: the page is empty, and is published as a "
                             "blank page in the menu: write its text, or delete the file")
                    if front_matter and not unread and text.startswith("---"):
                        _warn_of_misspelt_fields(f"docs/{path.relative_to(docs).as_posix()}", text)
            except UnicodeDecodeError:
                from .records import NOT_UTF8

                errors.append(ArchiveError(path, NOT_UTF8))
            except OSError as exc:
                errors.append(ArchiveError(path, f"cannot be read: {exc.strerror or exc}"))
    return errors


PAGE_FIELDS = ("title", "description", "hide", "search", "template", "icon", "status", "subtitle", "tags",
               "robots")
"""The fields of a page's front matter that MkDocs, the theme or this site's templates read."""


def _warn_of_misspelt_fields(shown: str, text: str) -> None:
    """Warn of a field of an editor's page that is a slip for one the site reads ('titel:'):
    MkDocs keeps any field and uses none it does not know, without a word (an editor's review)."""
    import difflib

    m = _FRONT_MATTER.match(text)
    if m is None:
        return
    for number, line in enumerate(m.group(1).split("\n"), start=2):
        key = re.match(r"([A-Za-z_][\w-]*)[ \t]*:(?=[ \t]|$)", line)
        if key is None or key.group(1) in PAGE_FIELDS:
            continue
        near = difflib.get_close_matches(key.group(1).lower(), PAGE_FIELDS, n=1, cutoff=0.7)
        if near:
            warn(f"{shown}:{number}: the field '{key.group(1)}' is not one the site reads, and does nothing: did you "
                 f"mean '{near[0]}'?")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _model_warnings(site, archive, config) -> None:
    """The archive's slips that do not stop the build, each on one line (the model found them)."""
    from .parse import MAX_SOURCE_BYTES
    from .records import key_lines, read_file

    for article, name, places, several in site.unplaced_mentions:
        where = " and ".join(places)
        warn(f"archive/articles/{article.id}/{article.meta_file}: '{name}' is the name of people archive/people.yml "
             f"places in {where}, and the article has "
             + ("the tags of more than one: it leads to a page of the name alone, not to theirs. Give the "
                "namesakes places no article has together (a district, not its province)" if several else
                "none of those tags: it leads to a page of the name alone, not to theirs. Add the right place to "
                "the article's tags, or, for yet another person of that name, give people.yml an entry for the "
                "name without a place"))
    for article, phrase, term, holds, written in site.hidden_terms:
        # The words the text has, which an editor looks for: those of an alias, say.
        named = f"'{term.term}'" if written.casefold() == term.term.casefold() else f"'{term.term}' (here '{written}')"
        if holds:
            how = (f"holds the glossary term {named} and more words, so the term is not marked there: put the "
                   "note on the words beside the term, or on the term's words alone")
        else:
            how = (f"covers part of the glossary term {named}, which is therefore not marked there: put the "
                   "note on the whole term, or on words outside it")
        warn(f"archive/articles/{article.id}/{article.meta_file}: the note on '{phrase}' {how}")
    for article in site.articles:  # (the file's own bytes, as ingest counts them, of a text long enough)
        if article.kind == "raw" and len(article.source_text) > MAX_SOURCE_BYTES // 4 \
                and _size(article.path / "source.txt") > MAX_SOURCE_BYTES:
            warn(f"archive/articles/{article.id}/source.txt holds over {MAX_SOURCE_BYTES:,} bytes, the most "
                 "ingest now takes for one article: its page may weigh over the 1 MiB a page should. If the file "
                 "holds several articles, remove its folder, split the file and ingest each part")
    lines_of: dict[str, dict] = {}  # an article's, read once however many of its names are said
    for article, index, name in unwritten_people(site.articles):
        if article.id not in lines_of:
            lines_of[article.id] = key_lines(article.path / article.meta_file, article.front_matter)
        line = lines_of[article.id].get(("people", index, "name"))
        warn(f"archive/articles/{article.id}/{article.meta_file}" + (f":{line}" if line else "")
             + f": people[{index}].name: '{name}' is not in the article's text: names are written as the article "
             "writes them; check the spelling (an editor's identification of a garbled name goes in people.yml)")
    for article, index, j, role in unwritten_people(site.articles, roles=True):
        if article.id not in lines_of:
            lines_of[article.id] = key_lines(article.path / article.meta_file, article.front_matter)
        line = lines_of[article.id].get(("people", index, "roles", j))
        warn(f"archive/articles/{article.id}/{article.meta_file}" + (f":{line}" if line else "")
             + f": people[{index}].roles[{j}]: '{role}' is not in the article's text: the site quotes roles as the "
             "article states them; copy the role from the text, and say what you know of it in a note under "
             "annotations: on the words it explains")
    same_text_pairs = same_text(archive.articles)
    for article, first in same_text_pairs:  # (in the order of their folders: the oldest first)
        differ = " and ".join(what for what, same in (("titles", article.title == first.title),
                                                      ("dates", article.published == first.published)) if not same)
        how = f"the same text under two {differ}" if differ else "the same text, title and date"
        warn(f"archive/articles/{first.id}/ and archive/articles/{article.id}/ have {how}: if it is one article "
             "published twice, remove one of the two folders")
    for article, first in same_title_and_date(archive.articles, same_text_pairs):
        warn(f"archive/articles/{first.id}/ and archive/articles/{article.id}/ have the same title and date, in "
             "other words: readers see two lines alike in every list; if one is a revised copy of the other, remove "
             "one of the two folders, else give one a title that tells them apart in its meta.yml")
    archived = {a.sha256: a.id for a in archive.articles if a.kind == "raw"} if archive.unfinished else {}
    for name in archive.unfinished:
        # (Its file may have been ingested again since: then the folder is only to remove; a review.)
        try:
            raw = read_file(str(config.archive / "articles" / name / "source.txt"))
        except ArchiveErrors:  # (a folder or a link in its place: the folder is to remove all the same)
            raw = None
        again = archived.get(hashlib.sha256(raw).hexdigest()) if raw is not None else None
        if again:
            warn(f"archive/articles/{name}/ was left by an ingest stopped before its end; its file has been "
                 f"archived since, as archive/articles/{again}/: remove the folder (rm -r archive/articles/{name})")
        else:
            warn(f"archive/articles/{name}/ was left by an ingest stopped before its end: its file is not in the "
                 f"archive; remove the folder (rm -r archive/articles/{name}) and ingest the file again")
    for name in archive.absent:
        warn(f"archive/{name} is missing, so the archive has no {ABSENT_MEANS[name]}: if it was deleted or "
             f"moved by mistake, restore it (git checkout -- archive/{name}); if there are none, write an empty "
             "list in it ('[]')")
    if site.unnamed_people:  # a slip in a name or an alias: the person's page is gone
        lines = key_lines(config.archive / "people.yml")
        for index, name, place in site.unnamed_people:
            at = f":{lines[(index, 'name')]}" if (index, "name") in lines else ""
            if place:
                warn(f"archive/people.yml{at}: no article tagged '{place}' names '{name}' (by the name or "
                     "an alias): check the place and the articles' tags; a person no article names has no page")
            else:
                warn(f"archive/people.yml{at}: no article names '{name}' (by the name or an alias): check "
                     "them; a person no article names has no page")
    if site.unnamed_organizations:  # the same slip (its page says "0 articles")
        lines = key_lines(config.archive / "organizations.yml")
        for index, name, place in site.unnamed_organizations:
            at = f":{lines[(index, 'name')]}" if (index, "name") in lines else ""
            tagged = f" tagged '{place}'" if place else ""
            warn(f"archive/organizations.yml{at}: no article{tagged} names '{name}' (by the name or an alias), nor "
                 "credits it as its source: check them against the articles" + (" and their tags" if place else ""))


class _Stop(Exception):
    """Ends a run early, once the step that stops it has said why; ``status``: the run's exit status."""

    def __init__(self, status: int):
        super().__init__(status)
        self.status = status


class _Phases(dict):
    """The seconds each phase of a run took, by name in their order: each from the end of
    the one before, the first from when this was made."""

    def __init__(self) -> None:
        super().__init__()
        self._mark = time.perf_counter()

    def end(self, name: str) -> None:
        """The phase ``name`` ends now, and the next one starts."""
        self[name] = time.perf_counter() - self._mark
        self._mark = time.perf_counter()


def generate(root: Path, *, check: bool = False, quiet: bool = False, out=sys.stdout, cache: bool = True,
             preview: bool = False) -> int:
    """Run the pipeline; return the exit status (0 ok, 1 errors or stale output). ``preview``
    (`make serve`): an article still being written is left out, with a warning, rather than
    stop every other change from showing (see ``model.load_archive``'s ``drafts_aside``)."""
    started = time.perf_counter()
    try:
        config = _config(root)
        _refuse_unreadable_pages(config, root, check)
        fingerprint = _fingerprint(config)
        # (--no-cache parses and renders everything again, even when nothing changed.)
        done = _done_before(config, fingerprint, preview) if not check and cache else None
        if done is not None:
            if not quiet:
                print(f"build: nothing changed in archive/ or the generator; 0 files written "
                      f"in {time.perf_counter() - started:.2f} s", file=out)
            _say_warnings_again(config, done + fingerprint)
            if done == DRAFTS_ASIDE:  # (said again: `make serve` started anew says nothing else)
                warn("articles still being written are left out of the preview, as the generation before this "
                     "one said; `make check` names them, and `make site` refuses them")
            return 0
        # Something to do: only now the parser, the model and the templates.
        from .model import ArticleCache
        from .progress import progress_for

        progress = progress_for(out, quiet)
        article_cache = ArticleCache(config.root / CACHE) if cache else None
        archive, site, outputs, phases = _model_and_outputs(config, root, progress, article_cache, check, preview)
        _warn_drafts(archive.drafts, root)
        if archive.drafts:  # not the archive's whole site: only a preview of the same inputs has nothing to do
            fingerprint = DRAFTS_ASIDE + fingerprint
        with _keeping() as kept:
            _model_warnings(site, archive, config)
        drafts = {f"articles/{Path(d.path).parent.name}/" for d in archive.drafts}
        moved = _load_moved(config, root, check)
        broken = markdown_link_errors(site, outputs, config.docs, config.archive, drafts, moved)
        if broken:
            return _refused(broken, root, check=check)
        try:  # (after the links are checked: a link to an address that is gone is refused, as before)
            outputs.update(moved_pages(moved, site, outputs, config))
        except ArchiveErrors as exc:
            return _refused(exc.errors, root, check=check)
        if check:
            return _check_outputs(config, outputs, root, out, site)
        report = _write(config, outputs, progress, fingerprint, root)
        _save_warnings(config, fingerprint, kept)  # (--no-cache too: the next run may have nothing to do)
        _written_warnings(report, drafts, site)
        if article_cache is not None:
            article_cache.update_scans(site.articles)
            article_cache.save()
        phases.end("writing")
        if not quiet:
            _say_done(site, outputs, report, started, phases, out)
        return 0
    except _Stop as stop:
        return stop.status


def _warn_drafts(drafts, root: Path) -> None:
    """The preview's articles still being written, each with what is left to do in it."""
    for draft in drafts:
        warn(f"{_relative(str(draft), root)} (left out of the preview until then; `make site` refuses it)")


def _config(root: Path):
    """The project's settings (``config.load_config``); ``_Stop`` after saying in one line
    what is wrong with them."""
    try:
        return load_config(root)
    except ConfigError as exc:
        print(one_line(str(exc)), file=sys.stderr)
        raise _Stop(1) from None


def _refuse_unreadable_pages(config, root: Path, check: bool = False) -> None:
    """``_Stop`` after saying each page editors keep in docs/ that MkDocs could not read
    (``editor_page_errors``): the run writes nothing then."""
    unreadable = editor_page_errors(config.docs)
    if unreadable:
        raise _Stop(_refused(unreadable, root, " in docs/", check))


def _fingerprint(config) -> str:
    """The fingerprint of the run's inputs (``inputs_fingerprint``). The files of an
    article's folder that the site does not show are warned of here: on every run, even
    one with nothing to do, until they are moved."""
    listing = archive_listing(config)
    for rel in unread_article_files(listing):
        warn(f"archive/{rel} {UNREAD_ADVICE}")
    return inputs_fingerprint(config, listing)


DRAFTS_ASIDE = "drafts aside: "
"""Before the inputs' fingerprint in the manifest, when the preview left out articles still
being written: a preview of the same inputs has nothing to do, but a build that publishes
does all (and refuses them)."""


def _done_before(config, fingerprint: str, preview: bool = False) -> str | None:
    """If docs/ holds what a run made of inputs with this fingerprint, every file it wrote
    still there (there is nothing to do): what that run recorded before the fingerprint,
    ``DRAFTS_ASIDE`` for a preview that left out articles still being written (which only a
    preview takes as done), else ''. None if there is something to do."""
    recorded, present = read_manifest_state(config.docs)
    for before in ("", DRAFTS_ASIDE) if preview else ("",):
        if recorded == before + fingerprint:
            return before if present() else None
    return None


def _model_and_outputs(config, root: Path, progress, article_cache, check: bool, preview: bool = False) -> tuple:
    """(archive, site, outputs, phases): the archive loaded and validated, the site's model
    built from it, every generated file rendered, and the time each took. ``_Stop`` after
    saying the problems if the archive or the pages are refused; the articles that loaded
    are kept in ``article_cache`` then (unless ``check``), not to be parsed again once the
    problems are fixed."""
    from .model import build_site, load_archive
    from .render import Renderer

    phases = _Phases()
    with _few_collections():
        try:
            archive = load_archive(config.archive, progress, article_cache, drafts_aside=preview)
        except ArchiveErrors as exc:
            if article_cache is not None and not check:
                article_cache.save()  # the articles that loaded are not parsed again once it is fixed
            _warn_drafts(exc.drafts, root)
            raise _Stop(_refused(exc.errors, root, check=check)) from None
        phases.end("parsing")
        gc.freeze()
        site = build_site(archive)
        gc.freeze()
        phases.end("model")
        try:
            outputs = render_outputs(Renderer(site, config.site_url, config.site_name, config.repo_url), progress)
        except ArchiveErrors as exc:
            raise _Stop(_refused(exc.errors, root, "", check)) from None
        phases.end("rendering")
    return archive, site, outputs, phases


def _load_moved(config, root: Path, check: bool) -> list:
    """The entries of archive/moved.yml (``records.load_moved``), none if there is no such
    file (an archive whose pages never moved), or if it is empty; ``_Stop`` after saying what
    is wrong with it."""
    from .errors import ArchiveError
    from .model import near_names
    from .records import load_moved, read_yaml

    path = config.archive / "moved.yml"
    try:
        if not path.exists() and not path.is_symlink():
            near = near_names(config.archive, "moved.yml")
            if near:
                raise ArchiveErrors([ArchiveError(path, f"missing: rename {near[0]} to moved.yml")])
            return []
        return load_moved(path, read_yaml(path), config.site_url)
    except ArchiveErrors as exc:
        raise _Stop(_refused(exc.errors, root, check=check)) from None


def moved_pages(moved: list, site, outputs: dict[str, bytes], config) -> dict[str, bytes]:
    """A page at each address of archive/moved.yml (``moved``), saying where what was
    published there has gone (and taking the browser there), or that it was withdrawn;
    ArchiveErrors if an address it moves from is a page the site has (the page is back, or
    the entry's address is another page's), or one it leads to is none: not a page of
    ``outputs``, nor one editors write in docs/, nor another address the file lists as gone
    (a chain, whose end is the page to give)."""
    if not moved:
        return {}
    import html

    from .errors import ArchiveError
    from .records import MOVED_SECTIONS, key_lines
    from .render import Renderer

    path = config.archive / "moved.yml"
    lines = key_lines(path)
    sources = {entry.source: entry for entry in moved}
    renderer = Renderer(site, config.site_url, config.site_name, config.repo_url)
    targets = _LinkTargets(site, outputs, config.docs)  # (the anchors of a page, read once)
    pages, errors = {}, []
    for entry in moved:
        page = entry.source + "index.md"
        if page in outputs:
            errors.append(ArchiveError(path, f"[{entry.index}].from: '{entry.source}' is a page of the site: remove "
                                             "this entry (the page is back, or the address is another page's)",
                                       line=lines.get((entry.index, "from"))))
            continue
        target, title = entry.target, None
        if target is not None:
            address = target.split("#")[0]
            generated = outputs.get(address + "index.md")
            if address in sources:
                problem = (f"is itself listed as gone (entry [{sources[address].index}]): give the page readers "
                           "should find in the end")
            elif generated is not None:
                problem, title = None, html.unescape(json.loads(generated.split(b"\n", 2)[1])["title"])
                anchor = target.partition("#")[2]
                if anchor:  # (a place the page does not have: a review)
                    problem = _anchor_problem(targets, address + "index.md", address, anchor)
            elif address == "" or (address.split("/", 1)[0] not in MOVED_SECTIONS and (
                    (config.docs / (address + "index.md")).is_file()
                    or (config.docs / (address.rstrip("/") + ".md")).is_file())):
                problem, title = None, "the home page" if address == "" else address  # (a page editors write)
            else:
                problem = ("is no page of the site: give the address of the page readers should find instead, as "
                           "the site shows it")
            if problem:
                errors.append(ArchiveError(path, f"[{entry.index}].to: '{target}' {problem}",
                                           line=lines.get((entry.index, "to"))))
                continue
        front = {"title": "This page has moved" if target is not None else "This page was withdrawn",
                 "search": {"exclude": True}, "robots": "noindex"}
        if target is not None:  # (the way up from the old address, then the new one)
            front["redirect"] = "../" * entry.source.count("/") + target
        url, _, anchor = (target or "").partition("#")
        pages[page] = renderer.page("moved.md.j2", page, front, target=target, url=url, anchor=anchor,
                                    target_title=title, note=entry.note).content.encode("utf-8")
    if errors:
        raise ArchiveErrors(errors)
    return pages


def _check_outputs(config, outputs: dict[str, bytes], root: Path, out, site=None) -> int:
    """``--check``: name each generated file that is out of date (to write, to delete, or
    edited by hand) and each page of docs/ in the generator's way, writing nothing; the
    exit status, 1 if there is any. A page whose address is lost with it is said as such, as
    the run that deletes it says (the pre-commit hook said only "stale": a review)."""
    from .write import hand_edited, kept_by_moved, read_manifest, review

    manifest = read_manifest(config.docs)
    to_write, to_delete, conflicts, misplaced = review(config.docs, outputs, manifest)
    stale = to_write + to_delete + conflicts
    edited = set(hand_edited(config.docs, to_write + to_delete, manifest))
    moved, known = _addresses(site) if site is not None and to_delete else (None, None)
    deleted = set(to_delete)
    for rel in stale:
        gone = (UNLISTED.format(folder=rel.removesuffix("index.md")) if kept_by_moved(config.docs, rel)
                else _gone_page(rel, moved, known)) if rel in deleted and moved is not None else None
        print(one_line(f"stale: docs/{rel}" + (f" (edited by hand: {EDITED_ADVICE})" if rel in edited else "")
                       + (f" (to be deleted: {gone})" if gone else "")), file=out)
    for error in misplaced:
        print(_relative(str(error), root), file=sys.stderr)
    summary = (f"{len(stale)} generated file(s) out of date: `make site` or `make serve` generates them again"
               if stale else "generated files are up to date")
    if misplaced:
        summary += f"; {len(misplaced)} page(s) in docs/ to move or rename (above)"
    print(f"build --check: {summary}", file=out)
    return 1 if stale or misplaced else 0


def _write(config, outputs: dict[str, bytes], progress, fingerprint: str, root: Path):
    """Write ``outputs`` into docs/ with their fingerprint (``write.write_outputs``); its
    report. ``_Stop`` after saying why if nothing could be written (pages an editor saved
    where the generator writes) or not all (a full disk, a read-only folder)."""
    from .write import NothingWritten, write_outputs

    try:
        return write_outputs(config.docs, outputs, progress, inputs=fingerprint)
    except ArchiveErrors as exc:  # pages an editor saved where the generator writes: it writes nothing
        raise _Stop(_refused(exc.errors, root, " in docs/")) from None
    except OSError as exc:  # a full disk, a read-only folder, a file where a folder should be
        where = _relative(str(exc.filename), root) if exc.filename else "docs/"
        then = ("no page was changed (all are written, or none)" if isinstance(exc, NothingWritten)
                else "the pages written before it are recorded, and are brought up to date")
        print(f"build: cannot write {where}: {exc.strerror or exc}; once that is mended, run the build again: {then}",
              file=sys.stderr)
        raise _Stop(1) from None


def _written_warnings(report, drafts: set[str] = frozenset(), site=None) -> None:
    """Warn of the generated pages the write found edited by hand (written again as they
    were), and of the article and glossary pages it deleted: their addresses are for good,
    so their loss is said, whatever the cause (but for the pages of ``drafts``, articles the
    preview leaves out while they are written again, which it says itself), and of the pages
    of people and organizations whose name became another's alias (an editor's review)."""
    for rel in report.edited:
        warn(f"docs/{rel} was edited by hand, and is generated again as it was: {EDITED_ADVICE}")
    for rel in report.edited_deleted:
        warn(f"docs/{rel} was edited by hand, and is deleted, as what it showed is no longer in archive/: "
             f"{EDITED_ADVICE}")
    moved, known = _addresses(site) if site is not None and report.deleted else (None, None)
    for rel in report.deleted:
        if rel in report.deleted_moved:
            warn(UNLISTED.format(folder=rel.removesuffix("index.md")))
            continue
        gone = None if rel.removesuffix("index.md") in drafts else _gone_page(rel, moved, known, bool(drafts))
        if gone:
            warn(gone)


UNLISTED = ("the page {folder} that archive/moved.yml kept is gone, as the file no longer lists it: links to it from "
            "elsewhere lead nowhere again; if that was not meant, list it again")


def _addresses(site) -> tuple[dict[str, tuple[str, str | None, str]], tuple[set[str], set[str]]]:
    """What ``_gone_page`` reads of ``site``: the addresses names have moved from
    (``_moved_pages``), and the tags' slugs and the events' ids there are."""
    return _moved_pages(site), ({t.slug for t in site.tags}, {e.id for e in site.events})


def _moved_pages(site) -> dict[str, tuple[str, str | None, str]]:
    """The address each alias of a person or an organization would have as a name of its own
    -> (the alias, whose name it is, the page it leads to now); and that of each glossary
    entry's term, where its slug gives it another -> (the term, None, its page)."""
    from .records import slugify

    moved = {}
    for term in site.terms:  # an entry given the slug of its old name leaves its name's address
        if term.slug != slugify(term.term):
            moved.setdefault(f"glossary/{slugify(term.term)}/", (term.term, None, f"glossary/{term.slug}/"))
    for term in site.terms:  # an entry merged into another, its term now an alias (a review of editors' changes)
        for alias in term.aliases:
            moved.setdefault(f"glossary/{slugify(alias)}/", (alias, f"the entry '{term.term}'", f"glossary/{term.slug}/"))
    for kind, entries in (("people", site.people), ("organizations", site.organizations)):
        for entry in entries:
            for alias in entry.aliases:  # (a local alias is a name of another body in another place's articles)
                moved.setdefault(f"{kind}/{slugify(alias)}/", (alias, entry.name, entry.url))
    return moved


MOVED_ADVICE = ("; to lead readers on from the old address (to another page, or to a word on why it is gone), list it "
                "in archive/moved.yml")
"""What every warning of a published page gone ends with (docs/editors.md, "Move or withdraw a page")."""


def _gone_page(rel: str, moved: dict[str, tuple[str, str | None, str]] | None = None,
               known: tuple[set[str], set[str]] | None = None, drafts_aside: bool = False) -> str | None:
    """``_gone_reason``, and how to lead readers on (``MOVED_ADVICE``); or, for the page of
    a tag or an event that comes back once an article has it again, ``_comes_back``."""
    back = _comes_back(rel, known, drafts_aside)
    if back:
        return back
    reason = _gone_reason(rel, moved, known)
    return reason + MOVED_ADVICE if reason else None


def _comes_back(rel: str, known: tuple[set[str], set[str]] | None, drafts_aside: bool) -> str | None:
    """What the loss of ``rel`` means if it is the page of a tag no article has any more, or
    of an event no article mentions any more, both still listed (``known``): the page comes
    back once an article has it again (it went with "1 deleted" alone: an editor's review).
    Not with the advice of archive/moved.yml, whose entry would then stop the build (a
    review). In a preview that leaves drafts out (``drafts_aside``), one of them may have it:
    said, and not kept quiet, as the page is deleted all the same, and no later run says so."""
    if not known:
        return None
    parts = rel.split("/")
    aside = " in the articles the preview shows (one being written, left out, may have it)" if drafts_aside else ""
    if len(parts) == 3 and parts[0] == "tags" and parts[2] == "index.md" and parts[1] in known[0]:
        return (f"the page tags/{parts[1]}/ is gone, as no article has the tag '{parts[1]}' any more{aside}: links "
                "to it from elsewhere lead nowhere until one has it again")
    if len(parts) == 4 and parts[:2] == ["timeline", "events"] and parts[3] == "index.md" and parts[2] in known[1]:
        return (f"the page timeline/events/{parts[2]}/ is gone, as no article mentions the event '{parts[2]}' any "
                f"more{aside}: links to it from elsewhere lead nowhere until one does again (its place on the "
                f"timeline, #{parts[2]}, stays)")
    return None


def _gone_reason(rel: str, moved: dict[str, tuple[str, str | None, str]] | None = None,
                 known: tuple[set[str], set[str]] | None = None) -> str | None:
    """What the loss of the deleted generated file ``rel`` means, if it is the page of an
    article, a glossary entry, a person or an organization whose name became another's
    alias, or a tag or an event whose slug or id (``known``: the tags' slugs and the events'
    ids there are now) is gone from its file (links to it now lead nowhere), and how to keep
    its address; None for any other file (a person's page goes when a misspelt name is
    mended: nothing to say; a tag's or an event's whose last article no longer has it:
    ``_comes_back``)."""
    parts = rel.split("/")
    if len(parts) == 3 and parts[0] == "articles" and parts[2] == "index.md" and ARTICLE_ID_RE.match(parts[1]):
        return (f"the page articles/{parts[1]}/ is gone, as archive/articles/{parts[1]}/ is: links to it "
                "from elsewhere now lead nowhere; if the folder was renamed, give it back its name")
    folder = rel.removesuffix("index.md")
    if moved and folder in moved and moved[folder][1] is None:  # the entry's own slug took it elsewhere
        term, _, url = moved[folder]
        return (f"the page {folder} is gone, as the entry '{term}' is at {url}, its 'slug:': links to the old "
                "address from elsewhere now lead nowhere")
    if moved and folder in moved:  # a name made another's alias took its page to the other's address
        alias, name, url = moved[folder]
        # (A glossary entry renamed, its old term kept among its aliases as the guide says, is
        # one too: its page keeps its address with the old one as its slug. Not one merged
        # into another, whose page would then move: a review of editors' changes.)
        renamed = (f"; if the entry was only renamed, give it 'slug: {parts[1]}' to keep its address"
                   if parts[0] == "glossary" else "")
        return (f"the page {folder} is gone, as '{alias}' is now a name of {name}, whose page is {url}: links to "
                f"the old address from elsewhere now lead nowhere{renamed}")
    if len(parts) == 3 and parts[0] == "glossary" and parts[2] == "index.md":
        return (f"the page glossary/{parts[1]}/ is gone, as no entry of archive/glossary.yml has the slug "
                f"'{parts[1]}' any more: links to it from elsewhere now lead nowhere; if its term was renamed, "
                f"give the entry 'slug: {parts[1]}' to keep its address")
    # A tag's slug or an event's id renamed (a review of editors' changes: only "1 deleted" said it).
    # (Not every page of a file found missing or empty, which is said once, as such.)
    if known and known[0] and len(parts) == 3 and parts[0] == "tags" and parts[2] == "index.md" \
            and parts[1] not in known[0]:
        return (f"the page tags/{parts[1]}/ is gone, as no tag of archive/tags.yml has the slug '{parts[1]}' any "
                "more: links to it from elsewhere now lead nowhere; a tag's slug is its address: to rename a tag, "
                "change its 'title:' and keep its 'slug:'")
    if known and known[1] and len(parts) == 4 and parts[:2] == ["timeline", "events"] and parts[3] == "index.md" \
            and parts[2] not in known[1]:
        return (f"the page timeline/events/{parts[2]}/ is gone, as no event of archive/events.yml has the id "
                f"'{parts[2]}' any more: links to it, and to the timeline's entry (#{parts[2]}), from elsewhere now "
                "lead nowhere; an event's id is its address: to correct an event, keep its 'id:'")
    return None


def _say_done(site, outputs: dict[str, bytes], report, started: float, phases: _Phases, out) -> None:
    """The run's closing lines on ``out``: the phrases quoted in articles that the glossary
    may lack, then what was written and where the time went."""
    if site.candidates:
        shown = ", ".join(f"“{c.phrase}” ({len(c.articles)})" for c in site.candidates[:8])
        print(f"candidate terms (quoted, not in the glossary): {shown}"
              + (f" and {len(site.candidates) - 8} more" if len(site.candidates) > 8 else "")
              + "; see docs/glossary/candidate-terms/", file=out)
    print(f"build: {len(site.articles)} article(s), {len(outputs)} generated file(s): "
          f"{len(report.written)} written, {report.unchanged} unchanged, {len(report.deleted)} deleted "
          f"in {time.perf_counter() - started:.2f} s ("
          + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in phases.items()) + ")", file=out)


SAME_TEXT_MIN = 200
"""The characters of text from which two articles with the same are one published twice."""


def same_text(articles) -> list[tuple]:
    """(article, earlier) of each article whose text is word for word an earlier one's
    (in the archive's order): one article published twice, retitled (ingest refuses the
    same bytes, and the same text under the same date and title, but cannot compare a new
    file with every article of the archive)."""
    first: dict[bytes, object] = {}  # the digest of the words -> the first article with them
    found = []
    for article in articles:
        # (Not an article an editor wrote in Markdown, whose links the paragraphs leave out,
        # nor a short notice, whose words two notices may share.)
        if article.kind != "raw" or sum(map(len, article.paragraphs)) < SAME_TEXT_MIN:
            continue
        # Word for word, however the text is split into paragraphs: a copy from a site that
        # kept the paragraphs the other run together was not found (a review). (A paragraph's
        # spaces are single already: splitting the words again took 0.5 s at 10,000 articles.)
        words = " ".join(article.paragraphs)
        earlier = first.setdefault(hashlib.sha256(words.encode("utf-8")).digest(), article)
        if earlier is not article:
            found.append((article, earlier))
    return found


def same_title_and_date(articles, same_text_pairs=()) -> list[tuple]:
    """(article, earlier) of each article with an earlier one's title and date (case and
    spaces aside) and other words: each list showed two lines alike (a review). Pairs
    ``same_text`` found already are said once, by it."""
    from .records import title_key

    said = {(article.id, earlier.id) for article, earlier in same_text_pairs}
    first: dict[tuple, object] = {}
    found = []
    for article in articles:
        earlier = first.setdefault((title_key(article.title), article.published), article)
        if earlier is not article and (article.id, earlier.id) not in said:
            found.append((article, earlier))
    return found


_COMMAS_RE = re.compile(r"\s*[,，、]\s*")


def unwritten_people(articles, roles: bool = False) -> list[tuple]:
    """(article, index, name) of each person a article's metadata lists whose name is not in
    its text, as written (case, spacing and the kind of apostrophe aside): a slip of the editor's, which would give
    the misspelt name a page of its own. With ``roles``, (article, index, j, role) of each role
    of a person whose name is there that is not: the site quotes roles as the article states
    them ("Roles are quoted as each article states them", on a person's page), and a role an
    editor added or rewrote was published as the article's words."""
    from .records import plain_apostrophes

    def fold(text: str) -> str:
        # Lowercased, one space between words, an apostrophe one, typographic or typed ("Li
        # Xin’ai" is "Li Xin'ai"), and a comma one, however spaced or written ("Tianping Town
        # ，Xinhua County": the parser writes a role's parts back with ", ").
        return " ".join(_COMMAS_RE.sub(", ", plain_apostrophes(text)).lower().split())

    def finder(text: str):
        folded = None  # lowercased, one space between words: only for words not found as they are

        def written(words: str) -> bool:
            nonlocal folded
            if _written(words, text):
                return True
            if folded is None:
                folded = fold(text)
            return _written(fold(words), folded)

        return written

    found = []
    for article in articles:
        if not article.meta.people:
            continue
        written = finder(" ".join([article.meta.title, *article.paragraphs]))
        for index, person in enumerate(article.meta.people):
            if not written(person.name):
                if not roles:
                    found.append((article, index, person.name))
            elif roles:
                found += [(article, index, j, role) for j, role in enumerate(person.roles) if not written(role)]
    return found


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _written(name: str, text: str) -> bool:
    """Whether ``name`` is in ``text`` as a name: not the start of a longer word ('Gao Yin'
    is not written in 'Gao Ying'). Only Latin letters and digits count as the same word:
    Chinese runs its words together."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if not (at and _latin(text[at - 1]) and _latin(name[0])) and \
                not (end < len(text) and _latin(text[end]) and _latin(name[-1])):
            return True
        at = text.find(name, at + 1)
    return False


ABSENT_MEANS = {"glossary.yml": "glossary entries", "events.yml": "key events", "people.yml": "notes on people",
                "organizations.yml": "notes on organizations", "tags.yml": "tags"}
EDITED_ADVICE = ("a generated page's changes are lost; make them in archive/ (the article's meta.yml, "
                 "glossary.yml...), which the page is made from")
FROM_THE_ROOT = (": write a page's address from the site's root, such as 'glossary/power-list/', 'articles/<id>/' "
                 "or 'data.md'")


def markdown_link_errors(site, outputs: dict[str, bytes], docs: Path, archive: Path | None = None,
                         drafts: set[str] = frozenset(), moved: list = ()) -> list:
    """A link the generator converts that leads to no page of the site, or that runs code:
    in an article written in Markdown, a glossary entry's definition or an event's
    description. (MkDocs checks the links of the pages editors write in docs/; these are
    converted by the generator, so the generator checks them, and names the file and the
    line that holds them.) ``drafts``: the addresses of articles the preview leaves out while
    they are written, whose pages links may lead to. ``moved``: archive/moved.yml's entries,
    whose addresses a link is told to leave for the page they lead to."""
    from .render import page_file

    targets = _LinkTargets(site, outputs, docs, drafts)
    targets.gone = {entry.source: entry.target for entry in moved}
    errors = []
    for article in site.articles:
        if article.kind == "markdown" and article.body_markdown:
            errors += _link_errors(targets, article.path / "article.md", article.body_markdown, article.source_text,
                                   page=page_file(article.url))
    if archive is not None:
        errors += _curated_link_errors(targets, site, archive)
    return errors


def _curated_link_errors(targets: _LinkTargets, site, archive: Path) -> list:
    """The problems of the links of the glossary's definitions (glossary.yml), then of the
    events' descriptions (events.yml): a file is read, for the lines, only if one of its
    texts has a link; links that run code are refused there too."""
    errors = []
    for name, texts in (("glossary.yml", [t.definition for t in site.terms]),
                        ("events.yml", [e.description for e in site.events])):
        marked = [text for text in texts if any(mark in text for mark in LINK_MARKS)]
        if marked:
            source = (archive / name).read_text(encoding="utf-8")
            for text in marked:
                # Where the text is in the file, if its first words are there as written (not
                # folded by YAML): a link's line is looked for from there, not in an entry above.
                start = max(0, source.find(text.split("\n", 1)[0][:60]))
                errors += _link_errors(targets, archive / name, text, source, unsafe=True, start=start)
    return errors


class _LinkTargets:
    """What the links the generator converts can lead to: the generated files (``outputs``,
    path under docs/ -> bytes), the files editors keep in ``docs``, and the pages of the
    tags no article has yet (which are not generated). The anchors of a page, and the
    manifest of the files generated before, are read once, when a link first needs them."""

    def __init__(self, site, outputs: dict[str, bytes], docs: Path, drafts: set[str] = frozenset()):
        self.outputs = outputs
        self.docs = docs
        self.drafts = drafts
        from .render import event_page

        self.unused_tags = {f"tags/{t.slug}/": t.slug for t in site.tags if not site.tag_articles.get(t.slug)}
        self.unmentioned_events = {event_page(e.id): e.id for e in site.events if not site.event_articles.get(e.id)}
        self._site = site
        self._moved: dict[str, tuple[str, str, str]] | None = None
        self.gone: dict[str, str | None] = {}  # archive/moved.yml: an address gone -> where it leads, if anywhere
        self._anchors: dict[str, set[str]] = {}  # of the generated pages that links lead into
        self._editors_anchors: dict[str, set[str]] = {}  # of the editors' pages: found as MkDocs makes most of them
        self._generated_before: dict[str, str] | None = None

    def in_docs(self, rel: str) -> bool:
        """Whether ``rel`` is a file of docs/ that stays: an editor's, not one the generator
        wrote before and is about to delete (the page of an article just removed). Without
        the manifest (lost, or not copied with docs/), a page at one of the generator's
        addresses that bears its mark is such a page too: ``write.survey`` deletes it as a
        leftover in the same run, and a link to it was let through."""
        path = self.docs / rel
        if not path.is_file():
            return False
        if self.generated_before(rel):
            return False
        from .write import _looks_generated

        return not (not self._generated_before and rel.split("/", 1)[0] in GENERATED_TOPS and _looks_generated(path))

    def generated_before(self, rel: str) -> bool:
        """Whether the last run generated ``rel`` (its manifest lists it)."""
        if self._generated_before is None:
            from .write import read_manifest

            self._generated_before = read_manifest(self.docs)
        return rel in self._generated_before

    def moved(self, address: str) -> tuple[str, str | None, str] | None:
        """(the alias, whose name it is, its page) if ``address`` is the page an alias of a
        person or an organization would have as a name of its own, or (the term, None, its
        page) if it is the address a glossary entry's term would have but for its slug (see
        ``_moved_pages``)."""
        if self._moved is None:
            self._moved = _moved_pages(self._site)
        return self._moved.get(address)

    def anchors(self, generated: str) -> set[str]:
        """The anchors of the generated page ``generated`` (path under docs/)."""
        if generated not in self._anchors:
            from .mdbody import page_anchors

            self._anchors[generated] = page_anchors(self.outputs[generated].decode("utf-8"))
        return self._anchors[generated]

    def editors_anchors(self, rel: str) -> set[str]:
        """The anchors of the editor's page ``rel`` of docs/ (none if it cannot be read)."""
        if rel not in self._editors_anchors:
            from .mdbody import page_anchors

            try:
                self._editors_anchors[rel] = page_anchors((self.docs / rel).read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                self._editors_anchors[rel] = set()
        return self._editors_anchors[rel]


def _link_line(source: str, written: str, nth: int = 0, start: int = 0) -> int | None:
    """The line of ``source`` (a file's text) that holds the link to ``written`` (its
    ``nth`` after the first, for a target written more than once), as the target of a
    Markdown link if it is one ('(' before it), else wherever it is, from ``start`` (where
    the text that holds it starts in the file); None if it is not found."""
    for needle in (f"({written}", written):
        at = start - 1
        for _ in range(nth + 1):
            at = source.find(needle, at + 1)
            if at < 0:
                break
        if at >= 0:
            return source.count("\n", 0, at) + 1
    return None


def _link_errors(targets: _LinkTargets, path: Path, text: str, source: str, unsafe: bool = False,
                 start: int = 0, page: str | None = None) -> list:
    """The problems of the links of ``text`` (Markdown), found in ``source``, the text of
    the file at ``path``, from ``start`` on (for the line of each); with ``unsafe``, also
    links that run code or images from elsewhere (an article.md's are refused when it is
    read). ``page``: the generated page that shows the text alone (an article's), whose
    anchors a link to a place of its own ('#p3') must lead to."""
    from .errors import ArchiveError
    from .mdbody import convert, link_problems, own_anchors, site_links

    body_html = convert(text)
    found = (link_problems(path, text, body_html, line=lambda target: _link_line(source, target, 0, start),
                           where="the archive")
             if unsafe else [])
    seen: Counter = Counter()  # each target's links so far: a second one is on a line of its own
    for written, address, anchor in site_links(body_html):
        problem = _link_problem(targets, path, source, written, address, anchor)
        if problem is not None:
            found.append(ArchiveError(path, f"the link to '{written}' {problem}",
                                      line=_link_line(source, written, seen[written], start)))
        seen[written] += 1
    if page is not None and page in targets.outputs:
        for written in own_anchors(body_html):
            if unquote(written[1:]) not in targets.anchors(page) and written != "#top":  # (a browser's own)
                found.append(ArchiveError(path, f"the link to '{written}' leads to no place of this article's page: "
                                                f"it has no anchor '{written}' (its paragraphs and headings are '#p1', "
                                                "'#p2', ... in order); correct the part after '#', or remove it",
                                          line=_link_line(source, written, seen[written], start)))
            seen[written] += 1
    return found


def _link_problem(targets: _LinkTargets, path: Path, source: str, written: str, address: str,
                  anchor: str) -> str | None:
    """What is wrong with the link to ``written`` (a page's ``address`` under docs/, and the
    ``anchor`` after '#'), said after "the link to '...'"; None if it leads to a page or a
    file of the site."""
    if address == ".." or address.startswith("../"):  # above docs/: the project's files, not the site's
        return f"leads outside the site{FROM_THE_ROOT}"
    if address.startswith(f"{UNPUBLISHED}/") or "/." in f"/{address}":  # in docs/, left out of the site
        return ("leads to a file of docs/ that is not published (MkDocs leaves out the generator's "
                "_generated/ and every name starting with '.'); link to a page of the site")
    if address == "" or address.endswith("/"):
        return _page_link_problem(targets, path, source, written, address, anchor)
    if address in targets.outputs or targets.in_docs(address):  # a file: an image, a document
        return None
    folder, _, name = address.rpartition("/")
    if name in ("index.html", "index.htm", "index.md"):  # a page's file ('articles/<id>/index.html')
        if not folder:
            return "leads to no file of the site: the home page's address is 'index.md'; link to that"
        # What is wrong with the page itself, if anything ('#p99', a slip in its name), else its address.
        return (_page_link_problem(targets, path, source, written, f"{folder}/", anchor)
                or f"leads to no file of the site: the page's address is '{folder}/' (without '{name}'); link to that")
    if address.split("/", 1)[0] in GENERATED_TOPS:  # what is saved there is never published
        return (f"leads to no file of the site: correct the link (a page's address ends in '/', as "
                f"'articles/<id>/'; {address.split('/', 1)[0]}/ holds what the build makes, and a file of your own "
                "saved there is not published: save it in another folder of docs/, such as docs/images/)")
    return f"leads to no file of the site: save the file as docs/{address}, or correct the link"


def _page_link_problem(targets: _LinkTargets, path: Path, source: str, written: str, address: str,
                       anchor: str) -> str | None:
    """What is wrong with a link to the page at ``address`` ('' or ending in '/'), or None:
    a generated page must have the ``anchor``; an editor's page is MkDocs's to check, and
    a missing anchor of it only warned of (as found here, MkDocs may make others); the
    page of a tag no article has yet is not there until one has it."""
    candidates = [address + "index.md"] + ([address[:-1] + ".md"] if address else [])
    generated = next((c for c in candidates if c in targets.outputs), None)
    if generated is not None:
        return _anchor_problem(targets, generated, address, anchor)
    written_page = next((c for c in candidates if targets.in_docs(c)), None)
    if written_page is not None:
        _warn_of_editors_anchor(targets, written_page, path, source, written, address, anchor)
        return None
    if address in targets.drafts:  # an article the preview leaves out while it is written
        return None
    tag = targets.unused_tags.get(address)
    if tag is not None:
        return (f"leads to the page of the tag '{tag}', which no article has yet (a tag has a page "
                "once an article has it): link to 'tags/' until then")
    event = targets.unmentioned_events.get(address)
    if event is not None:  # (it was told to copy the address from the preview, which has no such page: a review)
        from .render import timeline_pages

        place = timeline_pages(targets._site).get(event, "timeline/")
        return (f"leads to the page of the articles that mention the event '{event}', which no article mentions "
                f"yet (the page is made once one does): link to its place on the timeline, '{place}#{event}', "
                "until then")
    return _no_such_page(targets, address)


def _no_such_page(targets: _LinkTargets, address: str) -> str:
    """Why no page is at ``address``: a slip in an address written from the site's root
    ('glossary/hidden-danger/' for 'glossary/hidden-dangers/') is given the nearest page of
    its folder; an address elsewhere, the way to write one."""
    if address in targets.gone:  # (its page says so to readers who come from elsewhere, not to the site's own)
        target = targets.gone[address]
        return ("leads to an address archive/moved.yml lists as gone: " + (f"link to '{target}' instead"
                                                                           if target is not None else "remove the link"))
    folder = address.rstrip("/").rpartition("/")[0]
    if not folder:
        return f"leads to no page of the site{FROM_THE_ROOT}"
    import difflib

    moved = targets.moved(address)
    if moved:  # the page of a name that is another's alias ('people/party-jianguo/'): not the nearest spelling
        alias, name, url = moved
        if name is None:  # a glossary entry with a slug of its own
            return f"leads to no page of the site: the entry '{alias}' is at '{url}', its 'slug:'"
        renamed = ""
        if address.startswith("glossary/") and targets.generated_before(address + "index.md"):
            # A published entry renamed, its old term kept as an alias: the links were mended one by
            # one before the warning said to give it its old address (an editor's review).
            renamed = (f"; if the entry was only renamed, give it 'slug: {address.split('/')[1]}' to keep its "
                       "published address, which this link leads to")
        return f"leads to no page of the site: '{alias}' is a name of {name}, whose page is '{url}'{renamed}"
    prefix, depth = folder + "/", address.count("/")
    pages = [out[: -len("index.md")] for out in targets.outputs
             if out.startswith(prefix) and out.endswith("/index.md") and out.count("/") == depth]
    near = difflib.get_close_matches(address, pages, n=1, cutoff=0.8)
    name = address.rstrip("/").rpartition("/")[2]
    if folder == "articles" and ARTICLE_ID_RE.match(name):
        # An article's id: most often one removed (or its folder renamed), for which the
        # nearest spelling, another article, was the only advice (a review of editors' changes).
        return (f"leads to no page of the site: no folder of archive/articles/ is named '{name}' (an article "
                "removed, or its folder renamed?)" + (f"; if the address has a slip, did you mean '{near[0]}'?"
                                                      if near else ""))
    if near:
        return f"leads to no page of the site: did you mean '{near[0]}'?"
    if pages:
        return (f"leads to no page of the site: {prefix} has no page '{address}' (copy its address from the "
                "preview's address bar: the part after the site's own)")
    return f"leads to no page of the site{FROM_THE_ROOT}"


def _anchor_problem(targets: _LinkTargets, generated: str, address: str, anchor: str) -> str | None:
    """What is wrong with the ``anchor`` of a link to the generated page ``generated`` (at
    ``address``): None if there is none, or the page has it."""
    if not anchor or unquote(anchor) in targets.anchors(generated):
        return None
    return (f"leads to no place of the page {address}: it has no anchor "
            f"'#{anchor}'; correct the part after '#', or remove it")


def _warn_of_editors_anchor(targets: _LinkTargets, rel: str, path: Path, source: str, written: str, address: str,
                            anchor: str) -> None:
    """Warn if the link to ``written``, in the file at ``path``, has an ``anchor`` that the
    editor's page ``rel`` (at ``address``) does not seem to have: it is only a warning, as
    the anchors are MkDocs's to make."""
    if anchor and unquote(anchor) not in targets.editors_anchors(rel):
        at = _link_line(source, written)
        page = f"the page {address}" if address else "the home page"
        warn(f"{os.path.relpath(path, targets.docs.parent)}{f':{at}' if at else ''}: the link to "
             f"'{written}' leads to a place '#{anchor}' that {page} does not seem to "
             "have (no heading or id of that name): follow the link in the preview to check it")


RENDER_PARALLEL_FROM = 2000
"""From this many rendering tasks (about one per article, person, term and organization),
they are shared among processes, one per core."""


def render_outputs(renderer, progress=None, out=None) -> dict[str, bytes]:
    """Every generated file (path under docs/ -> bytes), as ``renderer.render_all()`` gives
    them and in the same order. With enough to do and more than one core, forked processes
    render a share of the tasks each (rendering is pure: each works from the model it
    inherited) and send back bytes, while this process renders its own share; only this
    process writes. If a process cannot be had or fails, everything is rendered here (and
    ``out``, stderr by default, is told), so that an error in a template is raised here."""
    from .render import unique_outputs
    from .share import workers as cores

    tasks = renderer.tasks()
    workers = cores() if len(tasks) >= RENDER_PARALLEL_FROM else 1
    if workers > 1:
        # Compile every template once, here, before the fork: the forked processes inherit
        # them instead of each compiling its own.
        for name in renderer.env.list_templates(extensions=["j2"]):  # (not an editor's backup file)
            renderer.env.get_template(name)
        rendered = _render_in_processes(tasks, workers, progress, out or sys.stderr)
        if rendered is not None:
            return rendered
    return unique_outputs([pair for index in range(len(tasks)) for pair in _render_task(tasks, index)])


def _render_task(tasks: list, index: int) -> list[tuple[str, bytes]]:
    """The outputs of one rendering task, encoded."""
    task, args = tasks[index]
    return [(o.path, o.content.encode("utf-8")) for o in task(*args)]


def _render_in_processes(tasks: list, workers: int, progress, out) -> dict[str, bytes] | None:
    """Share ``tasks`` among this process and ``workers - 1`` forked ones (see
    ``share.share``), the few big ones (the data files, the archives, the timeline...)
    first; None if that could not be done (the run says so)."""
    from .render import unique_outputs
    from .share import ShareFailed, share

    def render(index: int) -> list[tuple[str, bytes]]:
        return _render_task(tasks, index)

    try:
        rendered = share(_big_first(tasks), render, render, workers, progress, "Rendering pages")
    except ShareFailed as exc:
        print(f"build: rendering in {workers} processes failed ({exc}); rendering in this one", file=out)
        return None
    return unique_outputs([pair for index in range(len(tasks)) for pair in rendered[index]])


def _big_first(tasks: list) -> list[int]:
    """The indexes of ``tasks``, those of the rare kinds first (a data file, the archives,
    the timeline: few tasks, each long), then the many small ones (an article, a person)."""
    counts = Counter(task for task, _ in tasks)
    rare = [i for i, (task, _) in enumerate(tasks) if counts[task] * 20 < len(tasks)]
    kept = set(rare)
    return rare + [i for i in range(len(tasks)) if i not in kept]


@contextmanager
def _few_collections():
    """The run builds a few million objects that live until its end and makes little
    garbage: the cyclic garbage collector, which would walk them all again and again (a
    third of the time of a run), runs rarely, and not at all over what is frozen (the
    archive, then the site, once built). Restored after, for a caller that goes on (the
    MkDocs hook)."""
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], 50_000), *threshold[1:])
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)


def _refused(errors: list, root: Path, where: str = " in archive/", check: bool = False) -> int:
    """Say each problem on a line of its own, then that nothing was written (or, for
    ``--check``, which never writes, that a build would stop there); exit status 1."""
    for error in errors:
        print(_relative(str(error), root), file=sys.stderr)
    if check:
        print(f"build --check: {len(errors)} problem(s){where}; `make site` stops at them until they are fixed",
              file=sys.stderr)
    else:
        print(f"build: {len(errors)} problem(s){where}; nothing was written", file=sys.stderr)
    return 1


def _relative(message: str, root: Path) -> str:
    prefix = str(root.resolve()) + "/"
    return message.replace(prefix, "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate the site's pages and data from archive/ into docs/.")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="write nothing; exit 1 if generated files are stale")
    parser.add_argument("--quiet", action="store_true", help="print only problems")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: current)")
    mode.add_argument("--preview", action="store_true",
                        help="as make serve runs it: an article still being written (what make new-article put in it "
                             "is still there) is left out, with a warning, instead of stopping the run")
    parser.add_argument("--no-cache", action="store_true",
                        help=f"parse every article and render every page again, neither reading nor writing {CACHE}/")
    args = parser.parse_args(argv)
    return generate(args.root.resolve(), check=args.check, quiet=args.quiet, cache=not args.no_cache,
                    preview=args.preview)
