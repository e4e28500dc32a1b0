"""Write stage: the only code that changes docs/.

Writes are atomic (a temporary file in the same folder, then a rename), a file is written
only when its content changed (so ``mkdocs serve`` does not loop and a no-op run rewrites
nothing), and the generator deletes only files it wrote before, as recorded in
``docs/.generated-manifest.json``. It never overwrites a file it did not generate.

Durability: the manifest, which vouches for the pages, is written last and fsync'ed, after
the pages it lists are on disk (each fsync'ed when there are a few, else all flushed by
one ``os.sync``: an fsync per page made writing 10,000 pages take most of a minute)."""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import stat
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


def atomic_write(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` so that a reader sees the old file or the new one,
    never half of one, even if the process is killed mid-write. ``durable``: on disk before
    the rename, so that not even a power cut leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_replace(str(path), data, durable)


_temp_names = itertools.count()


def _write_replace(path: str, data: bytes, durable: bool) -> None:
    folder, name = os.path.split(path)
    while True:  # a name no other file has (one left by a killed run may be there)
        tmp = os.path.join(folder, f".{name}.{os.getpid()}-{next(_temp_names)}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
            break
        except FileExistsError:
            continue
    try:
        _write_and_close(fd, data, durable)
        os.chmod(tmp, 0o644)  # whatever the umask
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


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


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _looks_generated(path: Path) -> bool:
    """A file at one of the generator's addresses that it wrote itself, for when the manifest
    is lost: a page whose front matter says ``generated: true`` (every generated page's
    does), or any other of its outputs (data, feeds): editors write pages, in Markdown."""
    if path.suffix != ".md":
        return True
    return _marked(path)


def _marked(path: Path) -> bool:
    """A Markdown file with the generator's mark: in its front matter (compact JSON, see
    render._front_matter), or the note at the top of a fragment, which has none. Not a
    regular file (a named pipe, whose open or read would wait for ever), or one that cannot be
    read: not marked, so it is named as a file the generator did not write."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        head = os.read(fd, 65536)
    except OSError:
        return False
    finally:
        os.close(fd)
    front = head.split(b"\n---", 1)[0] if head.startswith(b"---") else b""
    return b'"generated":true' in front or b"<!-- Generated by scripts/build.py" in head


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
    # `make clean` (run as root in containers) delete a file of the repository.
    data["files"] = {rel: digest for rel, digest in data.get("files", {}).items() if _inside(rel)}
    return data


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
        if recorded == (digests[rel] if digests else _digest(data)) and -1 < _changed(path) <= written:
            continue  # unchanged since we wrote it: no need even to read it
        try:
            with open(path, "rb") as fh:
                if fh.read() == data:
                    continue
        except FileNotFoundError:
            pass
        except (IsADirectoryError, NotADirectoryError):  # a folder at its path, or a file at its folder's
            conflicts.append(rel)
            continue
        to_write.append(rel)
    to_delete = sorted(rel for rel in manifest if rel not in outputs and _is_file(prefix + rel))
    return to_write, to_delete, conflicts


def review(docs: Path, outputs: dict[str, bytes], manifest: dict[str, str], digests: dict[str, str] | None = None
           ) -> tuple[list[str], list[str], list[str], list[ArchiveError]]:
    """What bringing docs/ in line with ``outputs`` takes, for the run that writes and for
    ``--check``, which only says it: (files to write, files to delete, the leftovers of
    ``survey`` among them, conflicts, and the problems that stop a run: ``conflict_errors``
    and ``stray_errors``)."""
    linked = linked_folders(docs, itertools.chain(outputs, manifest))
    if linked:  # nothing is planned through a link: reading, writing or deleting would happen elsewhere
        return [], [], [], [ArchiveError(docs / folder, LINKED_FOLDER.format(folder=folder)) for folder in linked]
    to_write, to_delete, conflicts = plan(docs, outputs, digests, manifest)
    found, leftovers = survey(docs, outputs, manifest)
    problems = conflict_errors(docs, conflicts) + stray_errors(docs, outputs, manifest, found)
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
    """Those of ``rels`` (files about to be written) that are not as the generator wrote
    them: an editor changed a generated page, and regenerating it undoes the change. Only
    a file saved after the manifest was written (not every page a new generator rewrites)."""
    written = _mtime(docs / MANIFEST)
    edited = []
    for rel in rels:
        recorded = manifest.get(rel)
        if not recorded or _changed(docs / rel) <= written:  # new, not written yet, or as the generator left it
            continue
        try:
            with open(docs / rel, "rb") as fh:
                if _digest(fh.read()) != recorded:
                    edited.append(rel)
        except FileNotFoundError:
            pass
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
        elif (folder := _blocking_file(docs, rel)) is not None and folder not in said:
            said.add(folder)
            problems.append(ArchiveError(docs / folder, f"is a file where the generator writes the folder "
                                                        f"docs/{folder}/: move it elsewhere in docs/, or remove it"))
    return problems


def stray_errors(docs: Path, outputs: dict[str, bytes], manifest: dict[str, str],
                 found: list[str] | None = None) -> list[ArchiveError]:
    """The problem with each of ``strays`` (``found``, if already known) and ``clashes``,
    for the editor."""
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

    return [
        ArchiveError(docs / rel, f"docs/{rel.split('/')[0]}/ is written by the generator and ignored by git, so "
                                 f"what is saved in it is never published: move it elsewhere in docs/{elsewhere(rel)}")
        for rel in (strays(docs, outputs, manifest) if found is None else found)
    ] + [
        ArchiveError(docs / rel, f"has the address of the generated page docs/{rel[:-3]}/index.md (both would be "
                                 f"{rel[:-3]}/ on the site, and the generated one replaces it): rename it")
        for rel in clashes(docs, outputs, manifest)
    ]


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


def strays(docs: Path, outputs: dict[str, bytes], manifest: dict[str, str]) -> list[str]:
    """What an editor saved in a folder the generator writes, at any depth
    (``docs/tags/notes.md``, ``docs/glossary/my-term/``, ``docs/articles/<id>/photo.png``):
    git ignores those folders, so it would never be published. See ``survey``."""
    return survey(docs, outputs, manifest)[0]


def survey(docs: Path, outputs: dict[str, bytes], manifest: dict[str, str]) -> tuple[list[str], list[str]]:
    """(strays, leftovers) of the folders the generator writes.

    A stray is what an editor saved there: a file that no output or manifest entry is and
    that does not carry the generator's mark, or a folder none is under that holds anything
    else than such marked pages (it is listed once: about one folder per page).

    A leftover is a page with the generator's mark that is neither an output nor in the
    manifest: one the generator wrote before its manifest was lost (deleted, or not copied
    with docs/), whose article, person or term has gone since. It would be published, stale;
    the generator deletes it. Dot files (a killed run's temporary files) are neither."""
    owned = set(outputs) | set(manifest)
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
                return sorted((entry.name, entry.is_dir()) for entry in it if not entry.name.startswith("."))
        except (FileNotFoundError, NotADirectoryError):
            return []

    def pages_alone(folder: str) -> list[str] | None:
        """The files under ``folder`` if there are some and all are marked pages, else None."""
        pages = []
        for name, is_dir in entries(folder):
            rel = f"{folder}/{name}"
            inner = pages_alone(rel) if is_dir else [rel] if name.endswith(".md") and _marked(docs / rel) else None
            if inner is None:
                return None
            pages += inner
        return pages or None

    def visit(folder: str) -> None:
        for name, is_dir in entries(folder):
            rel = f"{folder}/{name}"
            if is_dir:
                if rel in held:
                    visit(rel)
                elif rel not in owned:  # (a folder at a page's path is a conflict: see ``plan``)
                    pages = pages_alone(rel)
                    if pages is None:
                        found.append(rel + "/")
                    else:
                        left.extend(pages)
            elif rel not in owned:
                if name.endswith(".md") and _marked(docs / rel):
                    left.append(rel)
                else:
                    found.append(rel)

    for top in sorted(folder for folder in held if "/" not in folder):
        visit(top)
    return found, left


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
        them or at one of their addresses (which a full run reports: see ``strays`` and
        ``clashes``)."""
        written = _mtime(docs / MANIFEST)
        prefix = os.path.join(str(docs), "")
        stat = os.stat
        try:
            for rel in files:  # (see _changed)
                info = stat(prefix + rel)
                if info.st_mtime_ns > written or info.st_ctime_ns > written:
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
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
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
    digests = {rel: _digest(data) for rel, data in outputs.items()}
    old = read_manifest(docs)
    to_write, to_delete, _, problems = review(docs, outputs, old, digests)
    if problems:
        raise ArchiveErrors(problems)
    report = WriteReport(unchanged=len(outputs) - len(to_write), edited=hand_edited(docs, to_write, old))
    if any(rel not in old for rel in to_write):
        # Record the new files before writing them: a run interrupted half-way leaves a
        # manifest that owns every file it wrote, so the next run updates them instead of
        # refusing them as an editor's pages. (No inputs fingerprint: the next run is full.)
        _write_manifest(docs, {**old, **{rel: "" for rel in to_write if rel not in old}}, None)
    prefix = os.path.join(str(docs), "")
    few = len(to_write) <= FSYNC_EACH_UP_TO  # else one sync for all: far cheaper than an fsync each
    _write_files(prefix, to_write, outputs, few, progress)
    report.written.extend(to_write)
    if to_write and not few:
        _flush_to_disk([prefix + rel for rel in to_write])
    for rel in to_delete:
        (docs / rel).unlink()
        report.deleted.append(rel)
        _prune_empty(docs, (docs / rel).parent)
    _write_manifest(docs, digests, inputs)
    return report


WRITE_PARALLEL_FROM = 2000
"""From this many files to write, they are shared among processes, one per core: creating
a file is mostly the kernel's work, which two processes do in about two thirds of the time."""


def _write_files(prefix: str, rels: list[str], outputs: dict[str, bytes], durable: bool, progress=None) -> None:
    """Write each of ``rels`` (paths under ``prefix``) atomically, shared among this
    process and forked ones when there are many (each inherits ``outputs``: nothing is
    copied). If the work cannot be shared, or a forked process fails, every file is
    written (again) here: writing one twice gives the same file."""
    folders: set[str] = set()

    def write(index: int) -> None:
        path = prefix + rels[index]
        folder = os.path.dirname(path)
        if folder not in folders:
            os.makedirs(folder, exist_ok=True)
            folders.add(folder)
        _write_replace(path, outputs[rels[index]], durable)

    from .share import workers as cores

    workers = cores() if len(rels) >= WRITE_PARALLEL_FROM else 1
    if workers > 1:
        from .share import ShareFailed, share

        try:
            # Never killed mid-write (which would leave a temporary file behind): waited for.
            share(list(range(len(rels))), write, write, workers, progress, "Writing pages", stop=False)
            return
        except ShareFailed:
            pass
    for index in progress(range(len(rels)), "Writing pages") if progress else range(len(rels)):
        write(index)


def _prune_empty(docs: Path, folder: Path) -> None:
    while folder != docs and docs in folder.parents:
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
