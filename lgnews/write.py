"""Write stage: the only code that changes docs/.

Writes are atomic (a temporary file in the same folder, then a rename), a file is written
only when its content changed (so ``mkdocs serve`` does not loop and a no-op run rewrites
nothing), and the generator deletes only files it wrote before, as recorded in
``docs/.generated-manifest.json`` (or, when that is lost, pages that carry the generator's
mark), and the temporary files of a run that was killed. It never overwrites a file it did
not generate.

Durability: the manifest, which vouches for the pages, is written last and fsync'ed, after
the pages it lists are on disk (each fsync'ed when there are a few, else all flushed by
one ``os.sync``: an fsync per page made writing 10,000 pages take most of a minute)."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import itertools
import json
import os
import re
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ArchiveError, ArchiveErrors

MANIFEST = ".generated-manifest.json"
FSYNC_EACH_UP_TO = 64
"""Pages written with an fsync each; more are flushed by one sync before the manifest."""


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    deleted: list[str] = field(default_factory=list)
    edited: list[str] = field(default_factory=list)  # written again over an editor's change
    edited_deleted: list[str] = field(default_factory=list)  # deleted with an editor's change
    deleted_moved: list[str] = field(default_factory=list)  # those of ``deleted`` that archive/moved.yml kept


MOVED_MARK = b"Source: archive/moved.yml -->"
"""What the page kept at an address archive/moved.yml lists holds near its top (moved.md.j2)."""


def kept_by_moved(docs: Path, rel: str) -> bool:
    """Whether the generated page ``rel`` is one archive/moved.yml kept at an address that is
    gone (its deletion means that entry was removed, not that an article or a term was)."""
    try:
        head = _read(docs / rel, 1000)
    except (OSError, _NotAFile):
        return False
    return head is not None and MOVED_MARK in head


def atomic_write(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` so that a reader sees the old file or the new one,
    never half of one, even if the process is killed mid-write. ``durable``: on disk before
    the rename, so that not even a power cut leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_replace(str(path), data, durable)


_temp_names = itertools.count()


def _write_replace(path: str, data: bytes, durable: bool) -> None:
    folder, name = os.path.split(path)
    tmp = os.path.join(folder, f".{name}.{os.getpid()}-{next(_temp_names)}.tmp")
    try:
        _write_temporary(tmp, data, durable)
        os.replace(tmp, path)
    except BaseException:
        _discard([tmp])
        raise


def _discard(paths) -> None:
    """Remove the temporary files ``paths`` that are there (a failed write's)."""
    for path in paths:
        try:
            os.unlink(path)
        except OSError:
            pass


def write_new(path: Path | str, data: bytes, durable: bool = True) -> None:
    """Write ``data`` to ``path``, a file that must not exist yet (in a folder of one's own,
    not yet in place: no reader can see it half written). ``durable``: on disk on return."""
    _write_and_close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644),
                     data, durable)


def _write_and_close(fd: int, data: bytes, durable: bool) -> None:
    """All of ``data`` to the open file ``fd`` (a write may take only part), on disk if
    ``durable``; ``fd`` is closed whatever happens."""
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        if durable:
            os.fsync(fd)
    finally:
        os.close(fd)


def _flush_to_disk(paths: list[str]) -> None:
    """Make the files just written durable: one sync of everything (far cheaper than one
    fsync per file), or an fsync per file where there is no sync."""
    if hasattr(os, "sync"):
        os.sync()
        return
    for path in paths:  # pragma: no cover - not POSIX
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


ARCHIVE_SECTIONS = frozenset({"articles", "glossary", "organizations", "people", "tags", "timeline"})
"""The folders of pages the generator writes, out of the navigation (mkdocs.yml's
``not_in_nav``) but for their index."""
UNPUBLISHED = "_generated"
"""The folder of docs/ that holds what the generator writes for the hooks and the home page's
includes, and that mkdocs.yml's exclude_docs leaves out of the site."""
GENERATED_TOPS = ARCHIVE_SECTIONS | {"data", UNPUBLISHED, "feed.xml", "feed.json"}
"""What the generator writes at the top of docs/ (besides its manifest)."""


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


GENERATED_NOTE = "Generated by scripts/build.py from archive/: edit the archive, not this file."
"""The note at the top of every generated page (render writes it, in an HTML comment): with
the front matter's ``"generated": true``, how a page is known as the generator's without the
manifest (``_marked``)."""


def _looks_generated(path: Path) -> bool:
    """A file at one of the generator's addresses that it wrote itself, for when the manifest
    is lost: a page whose front matter says ``generated: true`` (every generated page's
    does), or any other of its outputs (data, feeds): editors write pages, in Markdown."""
    if path.suffix != ".md":
        return True
    return _marked(path)


class _NotAFile(Exception):
    """Something other than a regular file at a page's address (a named pipe, a device)."""


def _read(path: Path | str, size: int = -1) -> bytes | None:
    """The bytes of the file ``path`` (its first ``size`` if given), None if there is none.
    Opened without waiting, and read only if it is a regular file: a named pipe at a page's
    address would make the open or the read wait for ever, a socket cannot be opened, a
    link that leads round in a loop cannot be followed (``_NotAFile``, all three). A folder
    raises IsADirectoryError, as ``open`` does."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return None
    except (IsADirectoryError, NotADirectoryError):
        raise
    except OSError as exc:  # a socket (ENXIO), a loop of links (ELOOP)
        if exc.errno in (errno.ENXIO, errno.ELOOP, getattr(errno, "EOPNOTSUPP", -1)):
            raise _NotAFile(str(path)) from None
        raise
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(mode):
            raise _NotAFile(str(path))
        if size >= 0:
            return os.read(fd, size)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read()
    finally:
        os.close(fd)


def _marked(path: Path) -> bool:
    """A Markdown file with the generator's mark: in its front matter (compact JSON, see
    render._front_matter), or the note at the top of a fragment, which has none. Not a
    regular file (a named pipe, whose open or read would wait for ever), or one that cannot be
    read: not marked, so it is named as a file the generator did not write."""
    try:
        head = _read(path, 65536)
    except (OSError, _NotAFile):
        return False
    if head is None:
        return False
    front = head.split(b"\n---", 1)[0] if head.startswith(b"---") else b""
    return b'"generated":true' in front or b"<!-- " + GENERATED_NOTE.encode() in head


def _load_manifest(docs: Path) -> dict | None:
    """The manifest, None if there is none, or none that can be read as one (cut short,
    edited by hand, a folder): then nothing is known to have been generated."""
    try:
        data = json.loads((docs / MANIFEST).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("files", {}), dict):
        return None
    # Only paths inside docs/: a manifest edited to list '../README.md' must not have
    # `make clean` (run as root in containers) delete a file of the repository. And only
    # where the generator writes: one listing 'index.md' or 'editors.md' must not have a run
    # or `make clean` delete the editors' own pages.
    data["files"] = {rel: digest for rel, digest in data.get("files", {}).items() if _generators(rel)}
    return data


def _generators(rel: object) -> bool:
    """Whether ``rel`` is a path of docs/ where the generator writes (``GENERATED_TOPS``)."""
    return _inside(rel) and rel.replace("\\", "/").split("/", 1)[0] in GENERATED_TOPS


def _inside(rel: object) -> bool:
    """Whether ``rel`` is a relative path that stays inside the folder it is relative to."""
    return (isinstance(rel, str) and bool(rel) and not rel.startswith(("/", "\\"))
            and ".." not in rel.replace("\\", "/").split("/") and ":" not in rel.split("/", 1)[0])


def read_manifest(docs: Path) -> dict[str, str]:
    data = _load_manifest(docs)
    return {str(k): str(v) for k, v in data.get("files", {}).items()} if data else {}


def plan(docs: Path, outputs: dict[str, bytes], digests: dict[str, str] | None = None,
         manifest: dict[str, str] | None = None) -> tuple[list[str], list[str], list[str]]:
    """(files to write, files to delete, conflicts with files an editor wrote).
    ``digests``: the SHA-256 of each output, if already known; ``manifest``: as read."""
    manifest = read_manifest(docs) if manifest is None else manifest
    written = _mtime(docs / MANIFEST)
    prefix = os.path.join(str(docs), "")
    to_write, conflicts = [], []
    for rel, data in outputs.items():
        path = prefix + rel
        recorded = manifest.get(rel)
        if recorded is None and os.path.isfile(path) and not _looks_generated(Path(path)):
            conflicts.append(rel)
            continue
        try:
            info = os.lstat(path)
        except OSError:
            info = None
        # A link where the page was is replaced by the page, whatever the file it leads to holds
        # (a review: one to a copy of the page stayed, and the copy's later edits were published).
        link = info is not None and stat.S_ISLNK(info.st_mode)
        if recorded == (digests[rel] if digests else _digest(data)) and info is not None and not link and \
                max(info.st_mtime_ns, info.st_ctime_ns) <= written:
            continue  # unchanged since we wrote it: no need even to read it
        try:
            if _read(path) == data and not link:
                continue
        except (IsADirectoryError, NotADirectoryError, _NotAFile):  # a folder (or a pipe) at its path, or a
            conflicts.append(rel)                                    # file at its folder's
            continue
        to_write.append(rel)
    to_delete = sorted(rel for rel in manifest if rel not in outputs and _is_file(prefix + rel))
    return to_write, to_delete, conflicts


def review(docs: Path, outputs: dict[str, bytes], manifest: dict[str, str], digests: dict[str, str] | None = None
           ) -> tuple[list[str], list[str], list[str], list[ArchiveError]]:
    """What bringing docs/ in line with ``outputs`` takes, for the run that writes and for
    ``--check``, which only says it: (files to write, files to delete (the leftovers of
    ``survey`` among them), conflicts, and the problems that stop a run: ``conflict_errors``
    and ``stray_errors``)."""
    linked = linked_folders(docs, itertools.chain(outputs, manifest))
    if linked:  # nothing is planned through a link: reading, writing or deleting would happen elsewhere
        return [], [], [], [ArchiveError(docs / folder, LINKED_FOLDER.format(folder=folder)) for folder in linked]
    to_write, to_delete, conflicts = plan(docs, outputs, digests, manifest)
    found, leftovers = survey(docs, outputs, manifest)
    problems = conflict_errors(docs, conflicts) + stray_errors(docs, outputs, manifest, found) + \
        clash_errors(docs, outputs, manifest)
    return to_write, sorted(set(to_delete).union(leftovers)), conflicts, problems


LINKED_FOLDER = ("is a symbolic link where the generator writes the folder docs/{folder}/: it would write and delete "
                 "its pages wherever the link leads, outside docs/: remove the link (what it leads to stays as it "
                 "is); the generator makes the folder itself")


def linked_folders(docs: Path, rels) -> list[str]:
    """The folders of docs/ that hold files the generator writes (``rels``) and are symbolic
    links (docs/tags -> elsewhere): writing its pages there, or deleting them (``clean``),
    would change files outside docs/, in another project or the archive itself."""
    prefix = os.path.join(str(docs), "")
    seen: set[str] = set()
    linked: list[str] = []
    for rel in rels:
        folder = rel.rpartition("/")[0]
        while folder and folder not in seen:
            seen.add(folder)
            if os.path.islink(prefix + folder):
                linked.append(folder)
            folder = folder.rpartition("/")[0]
    return sorted(linked)


def hand_edited(docs: Path, rels: list[str], manifest: dict[str, str]) -> list[str]:
    """Those of ``rels`` (files about to be written, or deleted) that are not as the generator
    wrote them: an editor changed a generated page, and regenerating (or deleting) it undoes
    the change. Only a file saved after the manifest was written (not every page a new
    generator rewrites)."""
    written = _mtime(docs / MANIFEST)
    edited = []
    for rel in rels:
        recorded = manifest.get(rel)
        if not recorded or _changed(docs / rel) <= written:  # new, not written yet, or as the generator left it
            continue
        try:
            found = _read(docs / rel)
        except (OSError, _NotAFile):  # not a page at all: a conflict, which ``plan`` names
            continue
        if found is not None and _digest(found) != recorded:
            edited.append(rel)
    return edited


def conflict_errors(docs: Path, conflicts: list[str]) -> list[ArchiveError]:
    """The problem with each of ``plan``'s conflicts, for the editor: a page of theirs where
    the generator writes one, a folder at a generated page's path, or a file at the path of
    a folder the generator writes in (said once for all the pages it stands in the way of)."""
    problems, said = [], set()
    for rel in conflicts:
        if os.path.isfile(docs / rel):
            problems.append(ArchiveError(docs / rel, "exists but was not generated; the generator will not overwrite "
                                                     "a page an editor wrote: move it, or remove it if it is a stale "
                                                     "copy"))
        elif os.path.isdir(docs / rel):
            problems.append(ArchiveError(docs / rel, "is a folder where the generator writes a page: move what is "
                                                     "in it elsewhere in docs/, then remove the folder"))
        elif os.path.exists(docs / rel):
            problems.append(ArchiveError(docs / rel, "is not a file (a named pipe, a socket or a device) where the "
                                                     "generator writes a page: remove it"))
        elif os.path.islink(docs / rel):
            problems.append(ArchiveError(docs / rel, "is a link that leads nowhere (or round in a loop) where the "
                                                     "generator writes a page: remove it"))
        elif (folder := _blocking_file(docs, rel)) is not None and folder not in said:
            said.add(folder)
            problems.append(ArchiveError(docs / folder, f"is a file where the generator writes the folder "
                                                        f"docs/{folder}/: move it elsewhere in docs/, or remove it"))
    return problems


def stray_errors(docs: Path, outputs: dict[str, bytes], manifest: dict[str, str],
                 found: list[str]) -> list[ArchiveError]:
    """The problem with each of the strays ``found`` (by ``survey``, or by the preview as
    they are saved), for the editor."""
    generated = {rel.split("/", 1)[0] for rel in itertools.chain(outputs, manifest) if "/" in rel}
    taken: set[str] | None = None  # the site's addresses of the pages in docs/, once needed

    def free(example: str) -> bool:
        """Whether an editor's page can go there: no file is there already (docs/tags/editors.md
        is not to replace the editors' guide), it is not in a generated folder, and no page
        has its address on the site (docs/timeline.md is the timeline's timeline/,
        docs/README.md the home page's)."""
        nonlocal taken
        path = example.rstrip("/")
        if os.path.lexists(docs / path) or path.split("/", 1)[0] in generated:
            return False
        if taken is None:
            taken = {page_address(rel) for rel in itertools.chain(outputs, manifest, _editor_pages(docs, generated))}
        return page_address(path if path.endswith(".md") else f"{path}/index.md") not in taken

    def elsewhere(rel: str) -> str:
        """Where in docs/ the stray could go: its path less the generated folder, if free."""
        top, rest = rel.split("/", 1)
        for example in (rest, f"{top}-{rest}", f"notes/{top}-{rest}"):
            if free(example):
                return f" (for example docs/{example})"
        return ""

    def stray(rel: str) -> ArchiveError:
        said = (f"docs/{rel.split('/')[0]}/ is written by the generator and ignored by git, so what is saved in it "
                f"is never published: move it elsewhere in docs/{elsewhere(rel)}")
        if _copies(docs, rel):
            said = f"{COPY_OF_A_PAGE}{said}, or delete it if it holds nothing of yours"
        return ArchiveError(docs / rel, said)

    return [stray(rel) for rel in found]


def clash_errors(docs: Path, outputs: dict[str, bytes], manifest: dict[str, str]) -> list[ArchiveError]:
    """The problem with each of ``clashes``, for the editor."""
    return [ArchiveError(docs / rel, f"has the address of the generated page docs/{rel[:-3]}/index.md (both would be "
                                     f"{rel[:-3]}/ on the site, and the generated one replaces it): rename it")
            for rel in clashes(docs, outputs, manifest)]


COPY_OF_A_PAGE = ("carries the generator's mark, as a copy of a generated page does (or one put back from a "
                  "backup), but the generator makes no page there: ")


def _copies(docs: Path, rel: str) -> bool:
    """Whether the stray ``rel`` (a folder if it ends with '/') is a page with the generator's
    mark, or a folder of nothing else."""
    if not rel.endswith("/"):
        return rel.endswith(".md") and _marked(docs / rel)
    files = [os.path.join(root, name) for root, _, names in os.walk(docs / rel) for name in names]
    return bool(files) and all(name.endswith(".md") and _marked(Path(name)) for name in files)


def page_address(rel: str) -> str:
    """Where MkDocs puts the page ``rel`` of docs/ (with directory URLs): editors.md and
    editors/index.md are both editors/, README.md and index.md both the folder's."""
    stem = rel.removesuffix(".md")
    folder, _, name = stem.rpartition("/")
    return folder if name in ("index", "README") else stem


def _editor_pages(docs: Path, generated: set[str]) -> list[str]:
    """The Markdown pages of docs/ outside the generated folders."""
    pages = []
    for root, folders, files in os.walk(docs):
        rel = os.path.relpath(root, docs).replace(os.sep, "/")
        if rel == ".":
            folders[:] = [f for f in folders if f not in generated]
            rel = ""
        pages += [f"{rel}/{name}".lstrip("/") for name in files if name.endswith(".md")]
    return pages


def clashes(docs: Path, outputs: dict[str, bytes], manifest: dict[str, str]) -> list[str]:
    """Pages an editor saved at the top of docs/ under the name of a generated section:
    MkDocs builds ``docs/timeline.md`` and ``docs/timeline/index.md`` to the same address,
    and the second silently wins."""
    found = set()
    for rel in itertools.chain(outputs, manifest):
        if rel.endswith("/index.md") and rel.count("/") == 1:
            twin = rel[: -len("/index.md")] + ".md"
            if twin not in outputs and os.path.isfile(docs / twin):
                found.add(twin)
    return sorted(found)


def survey(docs: Path, outputs: dict[str, bytes], manifest: dict[str, str]) -> tuple[list[str], list[str]]:
    """(strays, leftovers) of the folders the generator writes.

    A stray is what an editor saved there, at any depth (``docs/tags/notes.md``,
    ``docs/glossary/my-term/``, ``docs/articles/<id>/photo.png``), which git ignores and
    would never publish: a file that no output or manifest entry is and
    that does not carry the generator's mark, or a folder none is under that holds anything
    else than such marked pages (it is listed once: about one folder per page).

    A leftover is a folder that holds nothing (but empty folders), as a run stopped between
    deleting a page and its folder leaves it: with its name and a '/', which ``write_outputs``
    removes (it was a stray, which no run removed, and every run refused). And a page with the
    generator's mark that is neither an output nor in the manifest, when there is no manifest:
    one the generator wrote before its manifest was lost (deleted, or not copied with docs/),
    whose article, person or term has gone since.
    It would be published, stale; the generator deletes it. With a manifest, which lists
    every file the generator writes before writing it, such a page is a stray: an editor's
    copy of a generated page (its mark with it), to be moved, not deleted. Other dot files
    are neither; but the temporary files of a run that was killed (``_stale_temporary``),
    there and at the top of docs/, are leftovers too."""
    owned = set(outputs) | set(manifest)
    lost = not manifest
    held: set[str] = set()  # every folder that holds a generated file, at any depth
    for rel in owned:
        folder = rel.rpartition("/")[0]
        while folder and folder not in held:
            held.add(folder)
            folder = folder.rpartition("/")[0]
    found: list[str] = []
    left: list[str] = []

    def entries(folder: str) -> list[tuple[str, bool]]:
        try:
            with os.scandir(docs / folder) as it:
                found = [(entry.name, _is_dir(entry)) for entry in it]
        except (FileNotFoundError, NotADirectoryError):
            return []
        left.extend(f"{folder}/{name}" for name, is_dir in found if not is_dir and _stale_temporary(name))
        return sorted((name, is_dir) for name, is_dir in found if not name.startswith("."))

    def pages_alone(folder: str) -> list[str] | None:
        """The files under ``folder`` if all are marked pages (none, if it holds only empty
        folders), else None."""
        pages = []
        for name, is_dir in entries(folder):
            rel = f"{folder}/{name}"
            inner = pages_alone(rel) if is_dir else [rel] if name.endswith(".md") and _marked(docs / rel) else None
            if inner is None:
                return None
            pages += inner
        return pages

    def visit(folder: str) -> None:
        for name, is_dir in entries(folder):
            rel = f"{folder}/{name}"
            if is_dir:
                if rel in held:
                    visit(rel)
                elif rel not in owned:  # (a folder at a page's path is a conflict: see ``plan``)
                    pages = pages_alone(rel)
                    if pages == [] and _empty_tree(docs / rel):  # a run stopped between deleting a page and its folder
                        left.append(rel + "/")
                    elif pages is None or not lost:
                        found.append(rel + "/")
                    else:
                        left.extend(pages)
            elif rel not in owned:
                if lost and name.endswith(".md") and _marked(docs / rel):
                    left.append(rel)
                else:
                    found.append(rel)

    for top in sorted(folder for folder in held if "/" not in folder):
        visit(top)
    try:  # and those of the files at the top (feed.xml, the manifest)
        with os.scandir(docs) as it:
            left.extend(entry.name for entry in it if _stale_temporary(entry.name, top=True))
    except OSError:
        pass
    return found, left


_TEMPORARY = re.compile(r"\.(.+)\.([0-9]+)-[0-9]+\.tmp")
"""The name of a file being written (``_write_files``, ``_write_replace``): the file's, and
the number of the process that writes it."""


def _stale_temporary(name: str, top: bool = False) -> bool:
    """Whether ``name`` is the generator's temporary file, left by a run that was killed
    (its process is gone): with ``top``, only that of a file at the top of docs/."""
    match = _TEMPORARY.fullmatch(name)
    if match is None or (top and match[1] not in GENERATED_TOPS and match[1] != MANIFEST):
        return False
    pid = int(match[2])
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)  # no signal: whether the process is there
    except (ProcessLookupError, OverflowError):
        return True
    except OSError:  # there, another user's
        return False
    return False


def _blocking_file(docs: Path, rel: str) -> str | None:
    """The file saved at the path of one of the folders of ``rel`` (``docs/tags`` for
    tags/x/index.md), which stands in the way of the generated file, or None."""
    folder = rel.rpartition("/")[0]
    while folder:
        if os.path.isfile(docs / folder):
            return folder
        folder = folder.rpartition("/")[0]
    return None


def read_manifest_state(docs: Path):
    """(the inputs fingerprint the manifest records, a function telling whether every file
    it lists is there unchanged since it was written: a hand edit of a generated page makes
    the next build restore it), reading the manifest once."""
    data = _load_manifest(docs)
    if data is None:
        return None, lambda: False  # no manifest: nothing is known to be there
    inputs, files = data.get("inputs"), [str(k) for k in data.get("files", {})]

    def present() -> bool:
        """Every file listed is there, unchanged, and no editor's page has been saved among
        them or at one of their addresses (which a full run reports: see ``survey`` and
        ``clashes``)."""
        written = _mtime(docs / MANIFEST)
        prefix = os.path.join(str(docs), "")
        lstat, is_link = os.lstat, stat.S_ISLNK
        try:
            for rel in files:  # (see _changed; and a link where a page was is no page: see ``plan``)
                info = lstat(prefix + rel)
                if info.st_mtime_ns > written or info.st_ctime_ns > written or is_link(info.st_mode):
                    return False
        except OSError:
            return False
        if linked_folders(docs, files):
            return False  # the full run says what is wrong
        listed = dict.fromkeys(files, "")
        found, leftovers = survey(docs, {}, listed)
        return not found and not leftovers and not clashes(docs, {}, listed)

    return inputs, present


def _mtime(path: Path | str) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except (FileNotFoundError, NotADirectoryError):
        return -1


def _changed(path: Path | str) -> int:
    """When the file at ``path`` last changed (-1 if there is none): the later of its
    modification time, which a copy can set to any time (``cp -p``, ``rsync -a``, a backup
    unpacked), and its status change time, which only the system sets (a generated page
    put back from a backup has its old modification time, earlier than the manifest's)."""
    try:
        info = os.lstat(path)  # (a link's own: a page replaced by a link to another file is read, a review)
    except OSError:  # none
        return -1
    return max(info.st_mtime_ns, info.st_ctime_ns)


def _write_manifest(docs: Path, files: dict[str, str], inputs: str | None) -> None:
    manifest = {"note": "Files generated by scripts/build.py; it deletes only these.", "inputs": inputs,
                "files": dict(sorted(files.items()))}
    data = (json.dumps(manifest, indent=0, sort_keys=True) + "\n").encode()
    if not (docs / MANIFEST).exists() or (docs / MANIFEST).read_bytes() != data:
        atomic_write(docs / MANIFEST, data)
    else:
        os.utime(docs / MANIFEST)  # never older than the files it lists


def write_outputs(docs: Path, outputs: dict[str, bytes], progress=None, inputs: str | None = None) -> WriteReport:
    """Bring docs/ in line with ``outputs``; refuse (changing nothing) if that would
    overwrite a file the generator did not write."""
    # Pages changed from here on, by someone else than this run, are not vouched for by the
    # manifest it writes at its end (see ``_changed_during``).
    started = time.time_ns() - CLOCK_MARGIN_NS
    digests = {rel: _digest(data) for rel, data in outputs.items()}
    old = read_manifest(docs)
    to_write, to_delete, _, problems = review(docs, outputs, old, digests)
    if problems:
        raise ArchiveErrors(problems)
    report = WriteReport(unchanged=len(outputs) - len(to_write), edited=hand_edited(docs, to_write, old),
                         edited_deleted=hand_edited(docs, to_delete, old))

    def record() -> None:
        # The files recorded before they are put in place, with no digest: a run interrupted
        # half-way leaves a manifest that owns every new file it wrote, so the next run updates
        # them instead of refusing them as an editor's pages, and vouches for none of those it
        # rewrote, which the next run would otherwise take for pages edited by hand (a review:
        # 301 warnings after an interrupted run). (No inputs fingerprint: the next run is full.)
        _write_manifest(docs, {**old, **dict.fromkeys(to_write, "")}, None)

    prefix = os.path.join(str(docs), "")
    _write_files(prefix, to_write, outputs, progress, before_renames=record)
    wrote = time.time_ns()  # (after the file times of every page written: the kernel's clock is behind)
    report.written.extend(to_write)
    for rel in sorted(to_delete, key=lambda rel: rel.endswith("/")):  # (files first, then the empty folders)
        if rel.endswith("/"):  # a folder of empty folders (``survey``)
            _remove_empty_tree(docs, docs / rel.rstrip("/"))
            continue
        if kept_by_moved(docs, rel):
            report.deleted_moved.append(rel)
        (docs / rel).unlink()
        report.deleted.append(rel)
        _prune_empty(docs, (docs / rel).parent)
    for rel in old.keys() - outputs.keys() - set(to_delete):  # gone already: its folder too, if empty (a review)
        _prune_empty(docs, (docs / rel).parent)
    late = _changed_during(prefix, outputs, set(to_write), started, wrote)
    if late:  # read again by the next run, which is a full one (no inputs fingerprint)
        digests, inputs = {**digests, **dict.fromkeys(late, "")}, None
    _write_manifest(docs, digests, inputs)
    return report


CLOCK_MARGIN_NS = 100_000_000
"""How much earlier than the system's clock a run's start is taken to be: a file's times are
the kernel's coarser clock, a few milliseconds behind."""


def _changed_during(prefix: str, outputs: dict[str, bytes], written: set[str], started: int, wrote: int) -> list[str]:
    """The pages that changed while this run planned and wrote and are not what it made of
    them: a generated page an editor saved (or another generator wrote) since the run
    ``started``, or, of the pages it wrote (``written``), since it ``wrote`` them. The manifest,
    written after them, would have vouched for them as the generator's own: a review saw
    such a page kept, --check pass and every later run trust it. (Only the few pages changed
    since are read.)"""
    late = []
    for rel in outputs:
        since = wrote - CLOCK_MARGIN_NS if rel in written else started  # (the last pages written are read again)
        path = prefix + rel
        try:
            info = os.stat(path)
            if (info.st_mtime_ns > since or info.st_ctime_ns > since) and _read(path) != outputs[rel]:
                late.append(rel)
        except (OSError, _NotAFile):
            late.append(rel)
    return late


WRITE_PARALLEL_FROM = 2000
"""From this many files to write, they are shared among processes, one per core: creating
a file is mostly the kernel's work, which two processes do in about two thirds of the time."""


class NothingWritten(OSError):
    """A file could not be written, and so none was: docs/ is as it was (``_write_files``)."""


def _write_files(prefix: str, rels: list[str], outputs: dict[str, bytes], progress=None,
                 before_renames: Callable[[], None] | None = None) -> None:
    """Write each of ``rels`` (paths under ``prefix``) so that docs/ has all of them or none:
    first every file under a temporary name beside its place, then, once all are written
    and on disk (an fsync each for a few, else one sync for all: far cheaper), each renamed
    into place. If one cannot be written (a
    full disk, a folder that cannot be written in), the temporary files, and the folders
    made for them, are removed, and no page has changed: before, the pages written until
    then were new and the others old (an article's new title on 24 pages, the old on 30).
    The work is shared among this process and forked ones when there are many (each
    inherits ``outputs``: nothing is copied); if it cannot be shared, or a forked process
    fails, all of it is done (again) here, where an error can be reported. ``before_renames``
    is called once every file is written, before the first is put in place."""
    run = os.getpid()  # in every temporary name, so that each step finds the files of the other

    def temporary(index: int) -> str:
        folder, name = os.path.split(prefix + rels[index])
        return os.path.join(folder, f".{name}.{run}-{index}.tmp")

    made: set[str] = set()

    def said_of_the_page(exc: OSError, index: int) -> None:
        """``exc`` said of the page, not of its temporary name, which the editor never saw."""
        if exc.filename == temporary(index):
            exc.filename, exc.filename2 = prefix + rels[index], None

    def write(index: int) -> None:
        folder = os.path.dirname(prefix + rels[index])
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        try:
            _write_temporary(temporary(index), outputs[rels[index]], len(rels) <= FSYNC_EACH_UP_TO)
        except OSError as exc:
            said_of_the_page(exc, index)
            raise

    try:
        _shared(rels, write, progress, "Writing pages")
    except BaseException as exc:
        _discard(map(temporary, range(len(rels))))
        for rel in rels:
            _prune_empty(Path(prefix), Path(prefix + rel).parent)
        if isinstance(exc, OSError):
            raise NothingWritten(exc.errno, exc.strerror, exc.filename) from exc
        raise
    try:
        if len(rels) > FSYNC_EACH_UP_TO:
            _flush_to_disk([temporary(index) for index in range(len(rels))])  # on disk before the renames
        if before_renames is not None and rels:
            try:
                before_renames()
            except OSError as exc:  # (the manifest on a full disk: no page is in place yet)
                raise NothingWritten(exc.errno, exc.strerror, exc.filename) from exc
        for index in range(len(rels)):  # here alone: 14,000 renames take 0.07 s
            try:
                os.replace(temporary(index), prefix + rels[index])
            except OSError as exc:  # (a page made immutable)
                said_of_the_page(exc, index)
                raise
    except BaseException:  # (a rename that fails: each page is the old one or the new, none is left half-way)
        _discard(map(temporary, range(len(rels))))
        for rel in rels:  # nor the folder made for a page not renamed: an empty one is a stray to --check
            _prune_empty(Path(prefix), Path(prefix + rel).parent)
        raise


def _write_temporary(tmp: str, data: bytes, durable: bool) -> None:
    """Write ``data`` to the new file ``tmp``, a temporary name (one that a process which
    failed left there is replaced); on disk if ``durable``."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(tmp, flags, 0o644)
    except FileExistsError:
        os.unlink(tmp)
        fd = os.open(tmp, flags, 0o644)
    _write_and_close(fd, data, durable)
    os.chmod(tmp, 0o644)  # whatever the umask


def _shared(rels: list[str], step, progress=None, label: str = "") -> None:
    """``step(index)`` for each index of ``rels``, shared among processes when there are many
    (``WRITE_PARALLEL_FROM``); done here alone if it cannot be shared, or a process failed.
    ``label``: what a progress bar says."""
    from .share import workers as cores

    workers = cores() if len(rels) >= WRITE_PARALLEL_FROM else 1
    if workers > 1:
        from .share import ShareFailed, share

        try:
            # Never killed mid-step (which would leave a temporary file behind): waited for.
            share(list(range(len(rels))), step, step, workers, progress, label, stop=False)
            return
        except ShareFailed:
            pass  # (not said: a write that failed there fails here too, and is said then, alone)
    indexes = range(len(rels))
    for index in progress(indexes, label) if progress else indexes:
        step(index)


def _is_dir(entry: os.DirEntry) -> bool:
    """Whether a folder's entry is a folder (or a link to one); not a link that cannot be
    followed (round in a loop)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


SYSTEM_FILES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})
"""What a file manager saves in a folder it showed (macOS, Windows): nobody's page."""


def _left_behind(name: str) -> bool:
    """Whether a file of that name in a folder of empty folders goes with it: a killed run's
    temporary file, or what a file manager saved there."""
    return name in SYSTEM_FILES or _stale_temporary(name)


def _empty_tree(folder: Path) -> bool:
    """Whether ``folder`` holds nothing but empty folders (or the temporary files of a killed
    run, or what a file manager saved there, removed with it): not a link itself (a review:
    what it led to outside docs/ was removed), nor holding a link, a dot file of an editor's
    or a file of any other kind, which make it a stray (a review)."""
    if os.path.islink(folder):
        return False
    try:
        with os.scandir(folder) as it:
            found = list(it)
    except OSError:
        return False
    for entry in found:
        if entry.is_symlink():
            return False
        if entry.is_dir(follow_symlinks=False):
            if not _empty_tree(Path(entry.path)):
                return False
        elif not _left_behind(entry.name):
            return False
    return True


def _remove_empty_tree(docs: Path, folder: Path) -> None:
    """Remove ``folder``, found empty (``_empty_tree``), its empty folders first; then its
    parents, if they are left empty."""
    if os.path.islink(folder):
        return
    for top, _folders, files in os.walk(folder, topdown=False):
        for name in files:  # (the temporary files of a killed run, a file manager's)
            if _left_behind(name):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(top, name))
        with contextlib.suppress(OSError):
            os.rmdir(top)
    _prune_empty(docs, folder.parent)


def _prune_empty(docs: Path, folder: Path) -> None:
    """Remove ``folder`` and its parents under ``docs`` while they are empty, or hold only
    what a file manager saved there (``SYSTEM_FILES``: a removed article's folder kept by its
    .DS_Store was refused by the next run as an editor's: a review)."""
    while folder != docs and docs in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            try:
                names = os.listdir(folder)
            except OSError:
                return
            if not names or not SYSTEM_FILES.issuperset(names) or os.path.islink(folder):
                return
            for name in names:
                with contextlib.suppress(OSError):
                    os.unlink(folder / name)
            try:
                folder.rmdir()
            except OSError:
                return
        folder = folder.parent


def _is_file(path: str) -> bool:
    """Whether ``path`` is a file (or a link) the generator may delete: a folder of that name
    is not one it wrote."""
    return os.path.isfile(path) or os.path.islink(path)


def clean(docs: Path) -> list[str]:
    """Delete every file the generator wrote (and the manifest); nothing else."""
    removed = []
    files = sorted(read_manifest(docs))
    linked = tuple(f"{folder}/" for folder in linked_folders(docs, files))
    for rel in files:
        if rel.startswith(linked):  # through a link: another folder's file, not one the generator wrote here
            continue
        path = docs / rel
        if _is_file(str(path)):
            path.unlink()
            removed.append(rel)
            _prune_empty(docs, path.parent)
    (docs / MANIFEST).unlink(missing_ok=True)
    return removed
