"""`make serve` regenerates when archive/ changes, and settles: no rebuild loop; what it
generates is what `make site` generates, so `make check` agrees after a preview. It builds
dirty (only what changed), yet shows every change: lgnews/preview.py."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from types import SimpleNamespace

import pytest

from lgnews import preview

from .conftest import SEED_ID, run


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def test_the_preview_gives_the_editors_pages_the_glossary_it_has_just_generated(project):
    """Under `make serve` the glossary of the tooltips was read with the settings, before the
    hook regenerated it: one save behind, and none at all in a fresh clone's first preview.
    (A build with the preview's hooks on, from a project with nothing generated yet.)"""
    site = project / "preview"
    result = run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)], project,
                 LGNEWS_SERVING="1", PREVIEW_SITE_URL="http://127.0.0.1:8000/")
    assert "Traceback" not in result.stderr, result.stderr
    assert '<abbr title="' in (site / "editors" / "index.html").read_text(encoding="utf-8")
    # The first generation says what it did (at 10,000 articles it takes a while): the
    # preview ran it quietly, without its progress or its closing line.
    assert "build: 1 article(s)" in result.stdout, result.stdout


def test_serve_with_nothing_generated_and_a_problem_in_the_archive_stops_with_one_line(project):
    """On a fresh clone (or after `make clean`) with a slip in archive/, `make serve` printed
    the slip twice, then a 40-line traceback from MkDocs (the home page's lists had never
    been generated), and served nothing. Now: the slip once, and what to do."""
    meta = project / "archive" / "articles" / SEED_ID / "meta.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("published: 2022-04-30", "published: 2022-13-45"),
                    encoding="utf-8")
    result = run([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{_free_port()}"],
                 project, check=False, timeout=120)
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "Traceback" not in out, out
    assert out.count("published: 2022-13-45 is not a day of the calendar") == 1, out
    assert ("serve: no pages have been generated yet, so there is nothing to preview: fix the problem above, then "
            "run `make serve` again") in out


def test_serve_on_an_address_in_use_stops_with_one_line_before_building(project):
    """A second `make serve` (the first one still running in another terminal) built the
    whole site, then printed a 40-line traceback ending in "Address already in use"."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
                     project, check=False, timeout=120)
    out = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in out, out
    said = [line for line in out.splitlines() if f"127.0.0.1:{port}" in line]
    assert len(said) == 1 and said[0].startswith(f"serve: the preview cannot use 127.0.0.1:{port} ("), out
    assert said[0].endswith(f"or preview on another port: make serve PORT={port + 1}"), out
    assert not (project / "docs" / "articles" / SEED_ID).exists(), "it generated the pages first"


@pytest.mark.slow
def test_serve_regenerates_on_archive_change_without_loop(project):
    run([sys.executable, "scripts/build.py", "--quiet"], project)
    port = _free_port()
    log = project / "serve.log"
    # As `make serve` runs it: MkDocs serves the preview at the root of the local address.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PREVIEW_SITE_URL": f"http://127.0.0.1:{port}/"}
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, stdout=out, stderr=subprocess.STDOUT, env=env,
        )
    try:
        base = f"http://127.0.0.1:{port}/"
        deadline = time.time() + 240
        while "Glossary" not in _get(base + "glossary/") and time.time() < deadline:
            time.sleep(0.5)
        assert "Glossary" in _get(base + "glossary/"), log.read_text()
        glossary = project / "archive" / "glossary.yml"
        glossary.write_text(glossary.read_text(encoding="utf-8") + (
            "\n- term: grid management\n  definition: A way of dividing a district into small cells, each with "
            "staff responsible for it.\n  category: policy\n  confidence: medium\n"), encoding="utf-8")
        deadline = time.time() + 240
        while "grid management" not in _get(base + "glossary/") and time.time() < deadline:
            time.sleep(0.5)
        assert "grid management" in _get(base + "glossary/"), "the change to archive/ was not picked up"
        # An article's new title: on its page, and on the home page, a page of the editors'
        # that includes the list of the latest articles (which a dirty build alone leaves stale).
        meta = project / "archive" / "articles" / SEED_ID / "meta.yml"
        meta.write_text(meta.read_text(encoding="utf-8").replace(
            "title: ", "title: Retitled in the preview, ", 1), encoding="utf-8")
        deadline = time.time() + 240
        while "Retitled in the preview" not in _get(base + f"articles/{SEED_ID}/") and time.time() < deadline:
            time.sleep(0.5)
        assert "Retitled in the preview" in _get(base + f"articles/{SEED_ID}/"), log.read_text()
        deadline = time.time() + 60
        while "Retitled in the preview" not in _get(base) and time.time() < deadline:
            time.sleep(0.5)
        assert "Retitled in the preview" in _get(base), "the home page kept the old title"
        # The sidebar of a page rebuilt after a save names the sections (it read 'None' for
        # every section whose page the dirty build had not read again).
        sidebar = _get(base + f"articles/{SEED_ID}/")
        assert not re.search(r">\s*None\s*<", sidebar), "a section of the sidebar is named None"
        assert re.search(r">\s*Glossary\s*<", sidebar) and re.search(r">\s*People\s*<", sidebar)
        # The preview settles: no new build for 8 s (a loop never does: it fails at the
        # deadline), after few builds for one change. Polled, so a slow machine still
        # finishing a build is waited for rather than failed.
        deadline, quiet_since = time.time() + 180, time.time()
        builds = log.read_text().count("Building documentation")
        while time.time() - quiet_since < 8 and time.time() < deadline:
            time.sleep(0.5)
            now = log.read_text().count("Building documentation")
            if now != builds:
                builds, quiet_since = now, time.time()
        assert time.time() - quiet_since >= 8, f"still rebuilding after 3 minutes: {builds} builds\n{log.read_text()}"
        # The first build, then one for each of the two changes: not another for the pages the
        # generator wrote during that build, which it already took in (each save was built,
        # and the browser reloaded, twice).
        assert builds <= 3, f"too many builds for two changes: {builds}\n{log.read_text()}"
        # A save in a generated page is said at once (it was said only at the next build,
        # which had put the page back), and builds nothing; the generator's own writing, above,
        # was never taken for an editor's.
        assert "is a generated page" not in log.read_text(), log.read_text()
        page = project / "docs" / "glossary" / "index.md"
        generated = page.read_bytes()
        page.write_bytes(generated + b"\nAn editor's line.\n")
        deadline = time.time() + 60
        while "is a generated page" not in log.read_text() and time.time() < deadline:
            time.sleep(0.5)
        said = [line for line in log.read_text().splitlines() if "is a generated page" in line]
        assert len(said) == 1 and "docs/glossary/index.md is a generated page: the preview does not show this save, " \
            "and the next build puts the page back as it was" in said[0], log.read_text()
        page.write_bytes(generated)  # as it was: nothing to say
        time.sleep(3)
        assert log.read_text().count("is a generated page") == 1, log.read_text()
        assert log.read_text().count("Building documentation") == builds, "a save in a generated page was built"
        # Search works in the preview too: Pagefind indexed it, in the background.
        deadline = time.time() + 120
        while not _get(base + "pagefind/pagefind-entry.json") and time.time() < deadline:
            time.sleep(0.5)
        assert '"languages"' in _get(base + "pagefind/pagefind-entry.json"), "the preview has no search index"
        assert "Traceback" not in log.read_text()
        # The preview regenerated docs/ with the published address, not the preview's: the
        # check an editor runs before committing (and the pre-commit hook) finds nothing stale.
        checked = run([sys.executable, "scripts/build.py", "--check"], project, check=False)
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert f"127.0.0.1:{port}" not in (project / "docs" / "feed.xml").read_text(encoding="utf-8")
        # A page saved in another encoding: the generator's line, and the preview goes on
        # without that page (MkDocs stopped on it with a traceback).
        (project / "docs" / "about.md").write_bytes("# About\n\nCaf\u00e9\n".encode("latin-1"))
        deadline = time.time() + 240
        while "docs/about.md: not UTF-8 text" not in log.read_text() and time.time() < deadline:
            time.sleep(0.5)
        time.sleep(3)
        assert "docs/about.md: not UTF-8 text; save the file as UTF-8" in log.read_text(), log.read_text()
        (project / "docs" / "about.md").write_text("# About\n\nCafé and tea\n", encoding="utf-8")
        deadline = time.time() + 240
        while "Café and tea" not in _get(base + "about/") and time.time() < deadline:
            time.sleep(0.5)
        assert "Café and tea" in _get(base + "about/"), log.read_text()
        assert "Preview: the problem is fixed" in log.read_text(), "the fix of a problem it said went unsaid"
        # A new page of the editors' is in the navigation of every page, generated ones too.
        assert 'href="../../about/"' in _get(base + f"articles/{SEED_ID}/"), "a generated page's navigation is stale"
        # A change to the theme's overrides shows without a restart (MkDocs does not watch them).
        main_html = project / "overrides" / "main.html"
        main_html.write_text(main_html.read_text(encoding="utf-8").replace(
            "{% block extrahead %}", "{% block extrahead %}<!-- overridden in the preview -->", 1), encoding="utf-8")
        deadline = time.time() + 240
        while "overridden in the preview" not in _get(base + "about/") and time.time() < deadline:
            time.sleep(0.5)
        assert "overridden in the preview" in _get(base + "about/"), log.read_text()
        # An article removed: its page is gone from the preview.
        shutil.rmtree(project / "archive" / "articles" / SEED_ID)
        deadline = time.time() + 240
        while _get(base + f"articles/{SEED_ID}/") and time.time() < deadline:
            time.sleep(0.5)
        assert not _get(base + f"articles/{SEED_ID}/"), "the removed article's page is still served"
        assert "A 'dirty' build" not in log.read_text(), "MkDocs's warning, which does not apply here, is repeated"
        assert "Traceback" not in log.read_text() and "appear stuck" not in log.read_text(), log.read_text()
        # A slip in mkdocs.yml: one line that names it and where (MkDocs's server printed a
        # 40-line traceback), and the preview comes back once the settings are mended.
        settings = project / "mkdocs.yml"
        good = settings.read_text(encoding="utf-8")
        settings.write_text(good + "extra_css: [stylesheets/extra.css\n", encoding="utf-8")
        deadline = time.time() + 120
        while "appear stuck" not in log.read_text() and time.time() < deadline:
            time.sleep(0.5)
        slip = log.read_text()
        assert "Traceback" not in slip, slip
        said = [line for line in slip.splitlines() if "serve: the settings (mkdocs.yml) cannot be used" in line]
        assert len(said) == 1 and f'"{settings}", line {good.count(chr(10)) + 2}' in said[0], slip
        settings.write_text(good.replace("site_name: ", "site_name: Mended ", 1), encoding="utf-8")
        deadline = time.time() + 240
        while "Mended " not in _get(base + "about/") and time.time() < deadline:
            time.sleep(0.5)
        assert "Mended " in _get(base + "about/"), log.read_text()
    finally:
        server.terminate()
        server.wait(timeout=20)


# --------------------------------------------------------------------------- the dirty build's plan


def _files(root, names: list[str]):
    from mkdocs.structure.files import File, Files

    docs, site = root / "docs", root / "site"
    for name in names:
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        if not (docs / name).exists():
            (docs / name).write_text("# A page\n", encoding="utf-8")
    files = Files([File(name, str(docs), str(site), use_directory_urls=True) for name in names])
    for file in files:  # built once, after it was written: not modified, for MkDocs, until written again
        if not os.path.exists(file.abs_dest_path):
            os.makedirs(os.path.dirname(file.abs_dest_path), exist_ok=True)
            with open(file.abs_dest_path, "w", encoding="utf-8") as fh:
                fh.write("<html></html>")
            stamp = os.path.getmtime(file.abs_src_path) + 10
            os.utime(file.abs_dest_path, (stamp, stamp))
    return files


def _marked(files) -> list[str]:
    return sorted(f.src_uri for f in files if f.is_modified())


def test_a_dirty_preview_builds_the_editors_pages_and_everything_when_every_page_may_change(tmp_path, monkeypatch):
    root = tmp_path
    (root / "mkdocs.yml").write_text("site_name: A\n", encoding="utf-8")
    (root / "hooks").mkdir()
    (root / "hooks" / "a.py").write_text("", encoding="utf-8")
    monkeypatch.setattr(preview, "_state", {**preview._state, "dirty": True, "fingerprint": None})
    pages = ["index.md", "data.md", f"articles/{SEED_ID}/index.md", "people/li-yi/index.md"]
    pages.append("glossary/index.md")  # a section's first page: in the navigation of every page
    # A page the sitemap leaves out, as its front matter says, which MkDocs reads only when
    # it builds the page (a review found it in the preview's sitemap)
    pages.append("glossary/candidate-terms/index.md")
    preview.plan_build(root, files := _files(root, pages))
    assert _marked(files) == sorted(pages), "the first build builds everything"
    preview.plan_build(root, files := _files(root, pages))
    assert _marked(files) == ["data.md", "glossary/candidate-terms/index.md", "glossary/index.md", "index.md"], \
        "then the editors' pages, the navigation's, those search engines are asked not to index, and generated " \
        "ones that changed"
    (root / "docs" / "people" / "li-yi" / "index.md").write_text("# Li Yi, again\n", encoding="utf-8")
    os.utime(root / "docs" / "people" / "li-yi" / "index.md", (4e9, 4e9))
    preview.plan_build(root, files := _files(root, pages))
    assert _marked(files) == ["data.md", "glossary/candidate-terms/index.md", "glossary/index.md", "index.md",
                              "people/li-yi/index.md"]
    for change in (lambda: pages.append("about.md"),  # a new page in the navigation
                   lambda: (root / "mkdocs.yml").write_text("site_name: B\n", encoding="utf-8"),
                   lambda: (root / "hooks" / "a.py").write_text("# changed\n", encoding="utf-8"),
                   # Search reads the articles' ledes only (at 5,001 articles): every page's search
                   # box says so (a review found most pages of the preview with the old box).
                   lambda: (root / "docs" / "articles" / SEED_ID / "index.md").write_text(
                       '<div class="reading-edition" data-search="lede">\n', encoding="utf-8")):
        change()
        preview.plan_build(root, files := _files(root, pages))
        assert _marked(files) == sorted(pages)
        preview.plan_build(root, files := _files(root, pages))
        assert f"articles/{SEED_ID}/index.md" not in _marked(files)
    # Not dirty (`mkdocs serve` without --dirty): MkDocs builds everything anyway; nothing is marked.
    monkeypatch.setitem(preview._state, "dirty", False)
    preview.plan_build(root, files := _files(root, pages + ["new.md"]))
    assert not any("is_modified" in vars(f) for f in files)


def test_a_dirty_preview_removes_the_pages_of_pages_gone(tmp_path, monkeypatch):
    monkeypatch.setattr(preview, "_state", {**preview._state, "dirty": True, "pages": None})
    pages = ["index.md", f"articles/{SEED_ID}/index.md", "articles/2022-05-01-another/index.md"]
    site = tmp_path / "site"
    preview.remove_gone(_files(tmp_path, pages), str(site))
    assert (site / "articles" / SEED_ID / "index.html").exists()
    preview.remove_gone(_files(tmp_path, [p for p in pages if SEED_ID not in p]), str(site))
    assert not (site / "articles" / SEED_ID).exists(), "its page, and its emptied folder, are removed"
    assert (site / "articles" / "2022-05-01-another" / "index.html").exists() and (site / "index.html").exists()


def test_the_previews_search_indexing_leaves_no_ended_process_behind(tmp_path):
    """Pagefind, run in the background after each preview build, stayed in the system's
    table once it had ended (a zombie) until the next save collected it."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html><body><main>Louxing safety meeting</main></body></html>",
                                     encoding="utf-8")
    preview.index_search(str(site))
    pid = preview._state["pagefind"].pid
    deadline = time.time() + 60
    while os.path.exists(f"/proc/{pid}") and time.time() < deadline:
        time.sleep(0.2)
    assert not os.path.exists(f"/proc/{pid}"), "the ended indexing process was not collected"


def test_a_server_not_as_expected_is_given_the_folders_to_watch(tmp_path):
    """Another MkDocs, whose server has not the parts preview.watch replaces: it keeps its own
    watch of docs/ and is given archive/, overrides/ and hooks/ (those that exist)."""
    for name in ("archive", "hooks"):
        (tmp_path / name).mkdir()

    class Server:
        def __init__(self):
            self.watched = []

        def watch(self, path):
            self.watched.append(path)

    server = Server()
    preview.watch(server, str(tmp_path / "docs"), tmp_path)
    assert server.watched == [str(tmp_path / "archive"), str(tmp_path / "hooks")]


def test_the_test_server_reads_an_address_as_a_browser_sent_it(tmp_path):
    """lgnews/serve.py (which serves the built site to the browser tests and to `make lighthouse`)
    decoded the address twice: a page whose name holds "%41" was looked for as "A"."""
    from lgnews.serve import SiteHandler

    handler = SiteHandler.__new__(SiteHandler)  # (no request: only the address's reading)
    handler.directory, handler.prefix = str(tmp_path), "/archive/"
    assert handler.translate_path("/archive/a%2541.txt") == str(tmp_path / "a%41.txt")
    assert handler.translate_path("/archive/%E5%AE%89%E5%85%A8/") == str(tmp_path / "安全") + "/"
    assert handler.translate_path("/arch%69ve/x.html") == str(tmp_path / "x.html")
    assert handler.translate_path("/other/x.html").startswith(str(tmp_path / ".not-under-the-prefix"))


def _watched(docs, root):
    """MkDocs's server as preview.watch finds it, and a function that tells it of a save in
    ``docs`` (a path in docs/, and where it was renamed to, if it was)."""
    handlers = []
    server = SimpleNamespace(_rebuild_cond=threading.Condition(), _want_rebuild=False, unwatch=lambda folder: None,
                             observer=SimpleNamespace(schedule=lambda handler, folder, recursive: handlers.append(handler)))
    preview.watch(server, str(docs), root)

    def save(src: str, dest: str | None = None) -> None:
        handlers[0].on_any_event(SimpleNamespace(is_directory=False, src_path=str(docs / src),
                                                 **({"dest_path": str(docs / dest)} if dest else {})))

    return server, save


def test_the_preview_does_not_rebuild_for_what_a_text_editor_saves_beside_a_page(tmp_path):
    """Emacs's '#page.md#' and an editor's 'page.md.bak' or 'page.md.tmp' in docs/ each made
    the preview rebuild the site (only '.x' and 'x~' were passed over); the page saved in the
    end, or renamed from such a file, still does."""
    docs = tmp_path / "docs"
    docs.mkdir()
    server, save = _watched(docs, tmp_path)

    def rebuilds(src: str, dest: str | None = None) -> bool:
        server._want_rebuild = False
        save(src, dest)
        return server._want_rebuild

    assert [rebuilds(name) for name in ("#about.md#", "about.md.bak", "about.md.tmp", ".about.md.swp", "about.md~")] \
        == [False] * 5
    assert rebuilds("about.md") and rebuilds("about.md.tmp", "about.md")
    assert not rebuilds("tags/x.md")  # what the generator writes, which the build already takes in


def test_the_preview_says_a_save_in_a_generated_page_once_the_generator_is_done(tmp_path, monkeypatch, caplog):
    """A save in a generated page builds nothing (the build puts the page back as it was);
    it was said only at the next build, long after. Now at once: but not for the
    generator's own writing, nor before a generation under way has ended."""
    from lgnews.write import write_outputs

    docs = tmp_path / "docs"
    docs.mkdir()
    write_outputs(docs, {"glossary/index.md": b"# Glossary\n", "tags/index.md": b"# Tags\n"})
    monkeypatch.setattr(preview, "EDIT_CHECK_DELAY", 0.05)
    server, save = _watched(docs, tmp_path)
    # The checks' timers, waited for rather than slept on (half a second was not always
    # enough on a loaded machine, and a check not yet run passed the tests that expect none).
    timers: list[threading.Timer] = []
    real_timer = threading.Timer
    monkeypatch.setattr(threading, "Timer", lambda *a: timers.append(real_timer(*a)) or timers[-1])

    def settle(once: bool = False) -> None:
        """Until every check started has run, and those they started (``once``: those started
        now only, which a generation under way starts again and again)."""
        last = len(timers)
        seen = 0
        while seen < (last if once else len(timers)):
            timers[seen].join(10)
            assert not timers[seen].is_alive()
            seen += 1

    def saved(rel: str, data: bytes, once: bool = False) -> list[str]:
        (docs / rel).write_bytes(data)
        caplog.clear()
        save(rel)
        settle(once)
        return [r.getMessage() for r in caplog.records if "generated page" in r.getMessage()]

    time.sleep(0.05)  # (a save later than the manifest, as an editor's always is)
    with caplog.at_level("WARNING", logger="mkdocs"):
        assert saved("glossary/index.md", b"# Glossary\n\nMine.\n") == [
            "Preview: docs/glossary/index.md is a generated page: the preview does not show this save, and the next "
            "build puts the page back as it was (a generated page's changes are lost; make them in archive/ (the "
            "article's meta.yml, glossary.yml...), which the page is made from)"]
        assert not server._want_rebuild
        assert saved("glossary/index.md", b"# Glossary\n") == []  # put back as it was
        # The generator's own writing: the manifest is written after the pages.
        assert saved("tags/index.md", b"# Tags\n") == []
        write_outputs(docs, {"glossary/index.md": b"# Glossary\n", "tags/index.md": b"# All the tags\n"})
        assert saved("tags/index.md", b"# All the tags\n") == []
        # During a generation, a save is looked at once it is over.
        monkeypatch.setitem(preview._state, "generating", True)
        assert saved("tags/index.md", b"# Tags, edited\n", once=True) == []
        preview._state["generating"] = False
        settle()
        assert [r.getMessage()[:50] for r in caplog.records] == ["Preview: docs/tags/index.md is a generated page: t"]
    # A file of the editor's saved among the generated pages: said at once, where it was said
    # only at the next save in archive/ (and the page was not previewed meanwhile).
    with caplog.at_level("WARNING", logger="mkdocs"):
        caplog.clear()
        (docs / "tags" / "my-notes.md").write_text("# My notes\n", encoding="utf-8")
        save("tags/my-notes.md")
        (docs / "tags" / ".my-notes.md.1234-0.tmp").write_text("x", encoding="utf-8")  # a dot file: passed over
        save("tags/.my-notes.md.1234-0.tmp")
        settle()
        assert [r.getMessage() for r in caplog.records] == [
            "Preview: docs/tags/my-notes.md: docs/tags/ is written by the generator and ignored by git, so what is "
            "saved in it is never published: move it elsewhere in docs/ (for example docs/my-notes.md)"]
        assert not server._want_rebuild
        # A file saved where a generated folder goes (docs/data): said by the build, which has
        # its own message for it; here it stopped the check with a ValueError.
        failed = []
        monkeypatch.setattr(threading, "excepthook", lambda args: failed.append(args.exc_type))
        caplog.clear()
        (docs / "data").write_text("notes\n", encoding="utf-8")
        save("data")
        settle()
        assert failed == [] and [r.getMessage() for r in caplog.records] == []
    # A generation's 14,000 saves start one timer, not a thread each.
    started = []
    monkeypatch.setattr(threading, "Timer", lambda *a: started.append(a) or SimpleNamespace(daemon=False,
                                                                                           start=lambda: None))
    for n in range(1000):
        save(f"tags/{n}.md")
    assert len(started) == 1
