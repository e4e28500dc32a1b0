"""`make serve`: the preview, kept quick at 10,000 articles (driven by hooks/regenerate.py).

Before each build the generator runs in a process of its own, so that it may fork and use
every core (MkDocs's server has threads: in its process the generator would use one) and
so that the memory it builds is given back when it ends.

`make serve` runs ``mkdocs serve --dirty``: MkDocs then builds only the pages whose file is
newer than what it built last. The generator rewrites only the pages whose content changed,
so changing one article rebuilds its page and the pages that list it, not 14,000 pages. What
a dirty build alone would get wrong is put right here:

- every page an editor writes is built on every build (they are few, and they may include
  what the generator writes: the home page's latest articles, the glossary's tooltips);
- everything is built when what every page shows may have changed: the navigation (a page
  of docs/ added, removed or renamed), mkdocs.yml, the theme's overrides or the hooks;
- the built page of a page that is gone (an article removed) is removed from the preview.

A page an editor retitles shows its new title in the other pages' navigation after the next
full build (a restart of `make serve`, or any of the changes above).

After each build Pagefind indexes the preview in the background: the browser reloads
without waiting for it, and search catches up a few seconds later."""

from __future__ import annotations

import atexit
import hashlib
import logging
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from .build import EDITED_ADVICE, GENERATED_TOPS, is_editors_scrap, list_files
from .render import NOINDEX_PAGES
from .searchscope import full_text
from .write import hand_edited, read_manifest, stray_errors

DIRTY_WARNING = "A 'dirty' build is being performed"
"""The start of the warning MkDocs logs before each dirty build: what it warns of (stale
navigation) is what this module puts right, so it is not repeated on every save."""

_state: dict = {"dirty": False, "fingerprint": None, "pages": None, "pagefind": None, "generated": False,
                "failed": False, "check_address": False, "generating": False}
"""Across builds (hooks are loaded again for each build; this module is not)."""


def start(dirty: bool) -> None:
    """At ``mkdocs serve``'s start: whether it builds dirty."""
    _state["dirty"] = dirty
    _state["check_address"] = True
    _settings_errors_in_one_line()
    if dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(_QuietDirty())
        logging.getLogger("mkdocs").info("Preview: each save rebuilds only the pages that changed (see \"Preview your changes\" in docs/editors.md)")


def check_address(dev_addr) -> None:
    """Before the first build: stop with one line if the preview's address is taken (another
    `make serve` still running): MkDocs's server found out only after the first build, with a
    40-line traceback ending in "Address already in use"."""
    if not _state["check_address"]:  # (not `mkdocs serve`, or not its first build)
        return
    _state["check_address"] = False
    host, port = dev_addr
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as MkDocs's server binds
            probe.bind((host, port))
    except OSError as exc:
        from mkdocs.exceptions import Abort

        raise Abort(f"serve: the preview cannot use {host}:{port} ({exc.strerror or exc}): if another `make serve` "
                    f"is running, stop it (Ctrl+C in its terminal), or preview on another port: make serve "
                    f"PORT={port + 1}") from None


def _settings_errors_in_one_line() -> None:
    """A save that leaves mkdocs.yml unreadable (a YAML slip, a setting MkDocs refuses) made
    MkDocs's server print a 40-line traceback before its own "An error happened during the
    rebuild". It is now one line saying that the settings are in error, and where: the error
    as MkDocs words it, which names the file, the line and the column of a YAML slip (and the
    lines MkDocs logs before it name the setting it refuses). Any other error of a rebuild
    keeps its traceback: that is a fault in the code, not in what an editor wrote. (MkDocs's
    server prints the traceback of the error of a rebuild with ``traceback.print_exc``.)"""
    from mkdocs import livereload
    from mkdocs.exceptions import ConfigurationError

    if isinstance(getattr(livereload, "traceback", None), _SettingsErrorsInOneLine):
        return
    livereload.traceback = _SettingsErrorsInOneLine(livereload.traceback, ConfigurationError)


class _SettingsErrorsInOneLine:
    def __init__(self, module, error_class):
        self._module, self._error_class = module, error_class

    def __getattr__(self, name):
        return getattr(self._module, name)

    def print_exc(self, *args, **kwargs) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, self._error_class):
            print("serve: the settings (mkdocs.yml) cannot be used, so the preview was not rebuilt: "
                  + " ".join(str(error).split()), file=sys.stderr)
        else:
            self._module.print_exc(*args, **kwargs)


class _QuietDirty(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(DIRTY_WARNING)


def regenerate(root: Path) -> int:
    """Run the generator (scripts/build.py) in a process of its own; its exit status. What it
    has to say goes to this terminal: on the first run, its progress and summary too (a first
    generation of thousands of articles takes a while), then only problems (--quiet)."""
    quiet = ["--quiet"] if _state["generated"] else []
    _state["generated"] = _state["generating"] = True
    try:
        status = subprocess.run([sys.executable, str(root / "scripts" / "build.py"), *quiet, "--preview", "--root",
                                 str(root)], check=False).returncode
    finally:
        _state["generating"] = False
    if status == 0 and _state["failed"]:  # the problem it said on each save: said to be gone
        logging.getLogger("mkdocs").info("Preview: the problem is fixed; the pages are up to date again")
    _state["failed"] = status != 0
    return status


def is_generated(src_uri: str) -> bool:
    return src_uri.split("/", 1)[0] in GENERATED_TOPS


def whole_site_inputs(root: Path, files) -> str:
    """A fingerprint of what every page shows besides its own content: the list of the
    editors' pages (the navigation), mkdocs.yml, the files of overrides/ and hooks/, and what
    the search box says search reads (at 5,001 articles, every page's box changes: a review
    found 2,966 pages of the preview with the old box)."""
    parts = sorted(f.src_uri for f in files.documentation_pages() if not is_generated(f.src_uri))
    parts.append(f"full text: {full_text(files)}")
    try:
        parts.append(hashlib.sha256((root / "mkdocs.yml").read_bytes()).hexdigest())
    except OSError:
        parts.append("no mkdocs.yml")
    for folder in ("overrides", "hooks"):
        list_files(str(root / folder), f"{folder}/", parts)  # path, size and time of each file
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def plan_build(root: Path, files) -> None:
    """Before a dirty build: make MkDocs build every editor's page, and every page at all
    when the navigation, the settings, the theme or the hooks changed (a File says it is
    modified when its instance is told so)."""
    if not _state["dirty"]:
        return
    fingerprint = whole_site_inputs(root, files)
    everything = fingerprint != _state["fingerprint"]
    _state["fingerprint"] = fingerprint
    noindex = set(NOINDEX_PAGES) | _moved_files(root)
    for file in files:
        # (A page that asks not to be indexed too: the sitemap reads it in the page's front
        # matter, which MkDocs reads only for the pages it builds, and listed it: a review.)
        if everything or (file.is_documentation_page() and (not is_generated(file.src_uri)
                                                            or _in_navigation(file.src_uri)
                                                            or file.src_uri in noindex)):
            file.is_modified = _modified


def _moved_files(root: Path) -> set[str]:
    """The pages kept at the addresses archive/moved.yml lists, which ask not to be indexed
    too (a review: the preview's sitemap listed them); none if the file cannot be read (the
    generator says why)."""
    from .config import ConfigError, load_config
    from .errors import ArchiveErrors
    from .records import load_moved, read_yaml

    path = root / "archive" / "moved.yml"
    if not path.is_file():
        return set()
    try:  # (read as the generator reads it, with the site's own address: a review)
        return {entry.source + "index.md" for entry in load_moved(path, read_yaml(path), load_config(root).site_url)}
    except (ArchiveErrors, ConfigError, OSError):  # (its problems are the generator's to say, once)
        return set()


def _in_navigation(src_uri: str) -> bool:
    """A generated page the navigation lists: a section's first page (articles/index.md...).
    Built every time, as the editors' pages are: the navigation of a page takes each page's
    title from its file, which MkDocs reads only for the pages it builds, so the sidebar of
    every page rebuilt after a save read 'None' for Articles, Glossary, People..."""
    return src_uri.count("/") == 1 and src_uri.endswith("/index.md")


def _modified() -> bool:
    return True


def watch(server, docs_dir: str, root: Path) -> None:
    """Have ``server`` (MkDocs's) rebuild when an editor saves in docs/ or archive/, or a
    maintainer in overrides/ or hooks/ (which MkDocs does not watch by itself), but not
    for what the generator writes during a build (the generated folders and files of docs/,
    its manifest), which that very build already takes in: each save was built twice, and
    the browser reloaded twice. Nor for an editor's swap and backup files (``.meta.yml.swp``,
    ``meta.yml~``). MkDocs's own watch of docs/ is replaced; if its server is not as this
    expects (another MkDocs), it is kept and the folders are given to it, and a save is
    built twice as before."""
    folders = [str(root / name) for name in WATCHED if (root / name).is_dir()]
    if not all(hasattr(server, name) for name in ("_rebuild_cond", "_want_rebuild", "observer", "unwatch")):
        for folder in folders:
            server.watch(folder)
        return
    import watchdog.events

    docs = os.path.abspath(docs_dir)
    edits = _EditedPages(Path(docs))

    def wanted(path: str | None) -> bool:
        if not path:
            return False
        name = os.path.basename(path)
        if is_editors_scrap(name):  # (#page.md# and .page.md.swp come and go as an editor types)
            return False
        rel = os.path.relpath(path, docs)
        return rel.startswith("..") or rel.split(os.sep, 1)[0] not in GENERATED_TOPS

    def callback(event) -> None:
        if event.is_directory:
            return
        paths = (event.src_path, getattr(event, "dest_path", None))
        if not any(wanted(path) for path in paths):
            edits.saw(os.path.relpath(path, docs) for path in paths if path)
            return
        with server._rebuild_cond:
            server._want_rebuild = True
            server._rebuild_cond.notify_all()

    handler = watchdog.events.FileSystemEventHandler()
    handler.on_any_event = callback
    try:
        server.unwatch(docs)
    except KeyError:
        pass
    for folder in (docs, *folders):
        server.observer.schedule(handler, folder, recursive=True)
    logging.getLogger("mkdocs").info("Preview: watching docs/, archive/, overrides/ and hooks/ for changes (not the "
                                     "pages the generator writes)")


class _EditedPages:
    """Saves in the pages the generator writes, which the preview passes over: each is
    checked once the saves have paused for ``EDIT_CHECK_DELAY`` seconds and no generation
    is running, and one that is not as the generator wrote it (an editor's, not the
    generator's own writing) is said at once, rather than at the next build, which puts
    the page back as it was."""

    def __init__(self, docs: Path):
        self.docs = docs
        self.pending: set[str] = set()
        self.lock = threading.Lock()
        self.timer: threading.Timer | None = None
        self.due = 0.0  # when the saves will have paused long enough

    def saw(self, rels) -> None:
        """Saves at ``rels`` (paths in docs/): looked at once saves pause. One timer at a
        time, whatever the number of saves (a first generation writes 14,000 pages)."""
        with self.lock:
            self.pending.update(rel.replace(os.sep, "/") for rel in rels
                                if not rel.startswith("..") and not is_editors_scrap(os.path.basename(rel)))
            if not self.pending:
                return
            self.due = time.monotonic() + EDIT_CHECK_DELAY
            if self.timer is None:
                self._wait(EDIT_CHECK_DELAY)

    def _wait(self, seconds: float) -> None:
        self.timer = threading.Timer(seconds, self.check)
        self.timer.daemon = True
        self.timer.start()

    def check(self) -> None:
        with self.lock:
            left = self.due - time.monotonic()
            if left > 0 or _state["generating"]:  # saves still coming, or pages being generated
                self._wait(max(left, 0.1))
                return
            rels, self.pending, self.timer = sorted(self.pending), set(), None
        manifest = read_manifest(self.docs)
        for rel in edited_generated_pages(self.docs, rels, manifest):
            logging.getLogger("mkdocs").warning(
                f"Preview: docs/{rel} is a generated page: the preview does not show this save, and the next "
                f"build puts the page back as it was ({EDITED_ADVICE})")
        # A file of the editor's among them (docs/tags/notes.md): said at once too, not at the
        # next save in archive/, whose generation refuses it. (Not the generator's temporary
        # files, gone by now, nor any other dot file, which the generator passes over too.)
        new = [rel for rel in rels if "/" in rel and rel not in manifest  # (a file at a folder's place: the build says it)
               and not any(part.startswith(".") for part in rel.split("/")) and os.path.isfile(self.docs / rel)]
        for error in stray_errors(self.docs, {}, manifest, new) if manifest else []:
            logging.getLogger("mkdocs").warning(f"Preview: docs/{os.path.relpath(error.path, self.docs)}: "
                                                f"{error.message}")


EDIT_CHECK_DELAY = 1.0
"""Seconds after the last save in a generated page before it is looked at (an editor's
program may save in several steps; the generator's own writing is over by then)."""


def edited_generated_pages(docs: Path, rels: list[str], manifest: dict[str, str]) -> list[str]:
    """Those of ``rels`` (paths in ``docs``) that are generated pages (in ``manifest``) saved
    since the generator wrote them, with other content."""
    return hand_edited(docs, [rel for rel in rels if rel in manifest], manifest)


WATCHED = ("archive", "overrides", "hooks")
"""The project's folders a save in which rebuilds the preview, besides docs/ and mkdocs.yml."""


def remove_gone(files, site_dir: str) -> None:
    """Before a dirty build: remove from the preview the built pages of pages that are gone."""
    pages = {f.dest_uri for f in files.documentation_pages()}
    before, _state["pages"] = _state["pages"], pages
    if not _state["dirty"] or before is None:
        return
    for dest in sorted(before - pages):
        path = os.path.join(site_dir, dest)
        try:
            os.remove(path)
        except OSError:
            continue
        folder = os.path.dirname(path)
        while os.path.normpath(folder) != os.path.normpath(site_dir):
            try:
                os.rmdir(folder)
            except OSError:
                break
            folder = os.path.dirname(folder)


INDEXING_NICENESS = 10
"""How much lower than the preview's own the priority of the background indexing is: the
next save's generation and build come first."""


def index_search(site_dir: str) -> None:
    """Run Pagefind over the preview in the background (stopping one still running), at a
    lower priority."""
    running = _state["pagefind"]
    if running is not None and running.poll() is None:
        running.terminate()
        running.wait()
    indexing = _state["pagefind"] = subprocess.Popen([sys.executable, "-m", "pagefind", "--site", site_dir, "--silent"])
    if hasattr(os, "setpriority"):  # (before it starts Pagefind's own program, which inherits it)
        try:
            os.setpriority(os.PRIO_PROCESS, indexing.pid, min(19, os.getpriority(os.PRIO_PROCESS, 0) + INDEXING_NICENESS))
        except OSError:
            pass
    # Collected as soon as it ends, not at the next save: until then an ended process stays in
    # the system's table (a zombie).
    threading.Thread(target=indexing.wait, daemon=True).start()


@atexit.register
def _stop_indexing() -> None:
    running = _state["pagefind"]
    if running is not None and running.poll() is None:
        running.terminate()
        running.wait()
