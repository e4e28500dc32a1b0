"""The generator's shortcuts give exactly what the long way gives: the cache of parsed
articles (``.cache/lgnews/``), parsing in several processes, the quick YAML construction,
the phrase matcher's lowercase scan, and the run that stops at an unchanged fingerprint."""

from __future__ import annotations

import dataclasses
import os
import random
import re
import shutil
import subprocess
import sys
import textwrap
import time
from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import lgnews.build as build
import lgnews.model as model
import lgnews.records as records
import lgnews.share as share
from lgnews.errors import ArchiveErrors
from lgnews.ingest import IngestError, ingest_file, known_hashes
from lgnews.model import ArticleCache, PhraseMatcher, Texts, build_site, load_archive
from lgnews.records import _load, _Loader
from lgnews.render import Renderer, render_data_file

from .conftest import FIXTURES, ROOT, SEED_ID, counting_forks, meet, run

# --------------------------------------------------------------------------- helpers


BROKEN_FIXTURES = {"chinese_original.txt", "empty.txt", "header_bad_date.txt", "html_page.txt", "mixed_encodings.txt",
                   "no_date_header.txt", "no_title.txt", "title_only.txt", "truncated_utf8.txt", "utf16.txt"}


def _archive(tmp_path: Path) -> Path:
    """The project's archive with every valid raw fixture ingested (UTF-8, GB18030, BOM and
    CRLF line ends among them) and a Markdown article."""
    archive = tmp_path / "archive"
    shutil.copytree(ROOT / "archive", archive)
    hashes = known_hashes(archive / "articles")
    refused = set()
    for raw in sorted((FIXTURES / "raw").glob("*.txt")):
        try:
            ingest_file(raw, archive, hashes)
        except IngestError:
            refused.add(raw.name)
    # The fixtures of broken files, and these only: one that stopped being ingested would leave
    # the cache's tests with fewer articles, and still passing.
    assert refused == BROKEN_FIXTURES
    folder = archive / "articles" / "2023-03-02-a-markdown-article"
    folder.mkdir()
    (folder / "article.md").write_text(textwrap.dedent("""\
        ---
        title: A Markdown article
        published: 2023-03-02
        source: Test Rong Media Center
        ---
        On February 27, Wang Jun, secretary of the County Committee, presided over the meeting
        on the Power List.

        Chen Li, Zhao Min and other leaders attended.
        """), encoding="utf-8")
    assert len(list((archive / "articles").iterdir())) >= 10
    return archive


def _articles(archive: model.Archive) -> dict[str, model.Article]:
    return {a.id: a for a in archive.articles}


def _same(a, b) -> bool:
    """Equal, with the same types throughout (a date is not a datetime, a tuple not a list)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(map(_same, a, b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(v, b[k]) for k, v in a.items())
    if dataclasses.is_dataclass(a):
        return all(_same(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a) if f.name != "scans")
    return a == b


def _assert_same_archives(one: model.Archive, other: model.Archive) -> None:
    a, b = _articles(one), _articles(other)
    assert list(a) == list(b)
    for article_id in a:
        assert _same(a[article_id], b[article_id]), article_id


def _outputs(archive: model.Archive) -> dict[str, str]:
    site = build_site(archive)
    return {o.path: o.content for o in Renderer(site, "http://example.org/", "Archive").render_all()}


def _meta(archive: Path, article_id: str = SEED_ID) -> Path:
    return archive / "articles" / article_id / "meta.yml"


# --------------------------------------------------------------------------- the cache


def test_cached_articles_are_the_parsed_ones_and_make_the_same_pages(tmp_path):
    archive = _archive(tmp_path)
    uncached = load_archive(archive)
    first_cache = ArticleCache(tmp_path / "cache")
    first = load_archive(archive, cache=first_cache)
    first_cache.save()
    assert first_cache.misses == len(uncached.articles) and first_cache.hits == 0
    second_cache = ArticleCache(tmp_path / "cache")
    second = load_archive(archive, cache=second_cache)
    assert second_cache.hits == len(uncached.articles) and second_cache.misses == 0
    _assert_same_archives(uncached, first)
    _assert_same_archives(uncached, second)
    kinds = {a.kind for a in second.articles}
    assert kinds == {"raw", "markdown"}
    assert {a.meta.encoding for a in second.articles} >= {"utf-8", "gb18030"}
    assert _outputs(second) == _outputs(load_archive(archive))


def _run_with_cache(archive: Path, folder: Path) -> tuple[model.Archive, dict[str, str]]:
    """As scripts/build.py does: load, build the site, keep what was found, save."""
    cache = ArticleCache(folder)
    loaded = load_archive(archive, cache=cache)
    site = build_site(loaded)
    cache.update_scans(site.articles)
    cache.save()
    return loaded, {o.path: o.content for o in Renderer(site, "http://example.org/", "Archive").render_all()}


def test_kept_scans_give_the_same_site(tmp_path):
    archive = _archive(tmp_path)
    expected = _outputs(load_archive(archive))
    first, outputs = _run_with_cache(archive, tmp_path / "cache")
    assert outputs == expected
    assert all(a.scans is not None for a in first.articles)
    again = load_archive(archive, cache=ArticleCache(tmp_path / "cache"))
    kept = {a.id: a.scans for a in again.articles}
    assert all(kept.values()), "the scans were not kept"
    assert _outputs(again) == expected
    # The glossary changes: the scans kept no longer apply, the pages follow the glossary.
    glossary = archive / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace('    - "power lists"\n', '    - "power lists"\n    - "Louxing"\n'),
                        encoding="utf-8")
    expected = _outputs(load_archive(archive))
    changed, outputs = _run_with_cache(archive, tmp_path / "cache")
    assert outputs == expected
    assert all(a.scans[0] != kept[a.id][0] for a in changed.articles)
    _, outputs = _run_with_cache(archive, tmp_path / "cache")
    assert outputs == expected
    # Scans that do not fit the text are not used.
    damaged = load_archive(archive, cache=ArticleCache(tmp_path / "cache"))
    for article in damaged.articles:
        article.scans = (article.scans[0], [[0, 3]] * len(article.paragraphs), [], [])
    assert _outputs(damaged) == expected


def test_a_changed_meta_yml_is_read_again(tmp_path):
    archive = _archive(tmp_path)
    cache = ArticleCache(tmp_path / "cache")
    load_archive(archive, cache=cache)
    cache.save()
    meta = _meta(archive)
    meta.write_text(re.sub(r"^title: .*$", "title: A corrected title", meta.read_text(encoding="utf-8"),
                           count=1, flags=re.M), encoding="utf-8")
    cache = ArticleCache(tmp_path / "cache")
    loaded = _articles(load_archive(archive, cache=cache))
    assert loaded[SEED_ID].title == "A corrected title"
    assert cache.misses == 1 and cache.hits == len(loaded) - 1
    cache.save()
    _assert_same_archives(load_archive(archive), load_archive(archive, cache=ArticleCache(tmp_path / "cache")))


def test_problems_are_found_even_when_the_files_were_cached(tmp_path):
    archive = _archive(tmp_path)
    cache = ArticleCache(tmp_path / "cache")
    load_archive(archive, cache=cache)
    cache.save()
    # A source edited (its bytes no longer match meta.yml's sha256), a tag no longer allowed.
    source = next(p for p in sorted((archive / "articles").glob("*/source.txt")) if p.parent.name != SEED_ID)
    source.write_bytes(source.read_bytes() + b"\nOne more line.\n")
    tags = archive / "tags.yml"
    tags.write_text(tags.read_text(encoding="utf-8").replace('slug: "louxing"', 'slug: "louxing-district"'),
                    encoding="utf-8")
    with pytest.raises(ArchiveErrors) as uncached:
        load_archive(archive)
    with pytest.raises(ArchiveErrors) as cached:
        load_archive(archive, cache=ArticleCache(tmp_path / "cache"))
    assert [str(e) for e in cached.value.errors] == [str(e) for e in uncached.value.errors]
    assert any("sha256" in str(e) for e in cached.value.errors)


def test_a_tag_removed_from_tags_yml_is_reported_for_a_cached_article(tmp_path):
    archive = _archive(tmp_path)
    cache = ArticleCache(tmp_path / "cache")
    load_archive(archive, cache=cache)
    cache.save()
    tags = archive / "tags.yml"
    tags.write_text(tags.read_text(encoding="utf-8").replace('slug: "louxing"', 'slug: "louxing-district"'),
                    encoding="utf-8")
    with pytest.raises(ArchiveErrors) as caught:
        load_archive(archive, cache=ArticleCache(tmp_path / "cache"))
    assert any("tag 'louxing' is not in archive/tags.yml" in str(e) for e in caught.value.errors)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "other version", "a folder"])
def test_a_damaged_cache_is_ignored(tmp_path, damage):
    archive = _archive(tmp_path)
    folder = tmp_path / "cache"
    cache = ArticleCache(folder)
    expected = load_archive(archive, cache=cache)
    cache.save()
    files = sorted(folder.glob("*.marshal"))
    assert files
    for path in files:
        data = path.read_bytes()
        if damage == "garbage":
            path.write_bytes(bytes(random.Random(1).randrange(256) for _ in range(len(data))))
        elif damage == "truncated":
            path.write_bytes(data[: len(data) // 2])
        elif damage == "empty":
            path.write_bytes(b"")
        elif damage == "a folder":
            path.unlink()
            path.mkdir()
    version = "another parser" if damage == "other version" else None
    cache = ArticleCache(folder, version)
    loaded = load_archive(archive, cache=cache)
    assert cache.hits == 0
    _assert_same_archives(expected, loaded)
    cache.save()  # never raises, whatever is in the way
    if damage != "a folder":
        again = ArticleCache(folder, version)
        _assert_same_archives(expected, load_archive(archive, cache=again))
        assert again.misses == 0


def test_a_corrupt_entry_is_a_miss(tmp_path):
    archive = _archive(tmp_path)
    cache = ArticleCache(tmp_path / "cache")
    expected = load_archive(archive, cache=cache)
    for shard in cache._shards.values():
        for article_id, (key, data, scans) in list(shard.items()):
            shard[article_id] = (key, data[: len(data) // 3], scans)
    cache.save()
    cache = ArticleCache(tmp_path / "cache")
    _assert_same_archives(expected, load_archive(archive, cache=cache))
    assert cache.hits == 0


def test_the_code_that_loads_articles_is_part_of_the_key(tmp_path):
    """A change to any module that loads an article empties the cache: mdbody.py, which
    converts the articles written in Markdown, was left out, and a changed converter served
    the old paragraphs."""
    package = tmp_path / "lgnews"
    shutil.copytree(model.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    version = model.code_version(package)
    assert version == model.code_version(package) and len(version) == 64
    for name in model.LOADING_CODE:
        original = (package / name).read_bytes()
        (package / name).write_bytes(original + b"\n# changed\n")
        assert model.code_version(package) != version, name
        (package / name).write_bytes(original)
    assert model.code_version(package) == version


def test_loading_articles_uses_no_other_module_of_the_package(tmp_path):
    """Every module of lgnews that loading a raw and a Markdown article imports is in
    LOADING_CODE (run in a fresh interpreter, so that only what loading needs is imported)."""
    archive = _archive(tmp_path)
    script = ("import sys; from pathlib import Path; from lgnews.model import load_archive; "
              f"archive = load_archive(Path({str(archive)!r})); assert any(a.kind == 'markdown' for a in archive.articles); "
              "print(' '.join(sorted(m.split('.')[1] + '.py' for m in sys.modules if m.startswith('lgnews.'))))")
    used = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()
    assert "mdbody.py" in used and set(used) <= set(model.LOADING_CODE), used


def test_a_cache_that_cannot_be_written_changes_nothing(tmp_path):
    archive = _archive(tmp_path)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    cache = ArticleCache(blocker / "cache")
    loaded = load_archive(archive, cache=cache)
    cache.save()  # cannot create the folder: ignored
    _assert_same_archives(load_archive(archive), loaded)


def test_articles_removed_from_the_archive_leave_the_cache(tmp_path):
    archive = _archive(tmp_path)
    cache = ArticleCache(tmp_path / "cache")
    load_archive(archive, cache=cache)
    cache.save()
    for folder in sorted((archive / "articles").iterdir())[1:]:
        shutil.rmtree(folder)
    cache = ArticleCache(tmp_path / "cache")
    load_archive(archive, cache=cache)
    cache.save()
    stored = [article_id for path in (tmp_path / "cache").glob("*.marshal")
              for article_id in ArticleCache(tmp_path / "cache")._read(int(path.stem.split("-")[1]))]
    assert stored == [p.name for p in (archive / "articles").iterdir()]


def test_parsing_in_processes_gives_the_same_articles(tmp_path, monkeypatch):
    archive = _archive(tmp_path)
    expected = load_archive(archive)
    monkeypatch.setattr(model, "PARALLEL_FROM", 2)
    # Two workers even when the test session has threads of its own running (the generator
    # forks only from a single-threaded process; these threads are idle).
    monkeypatch.setattr(share, "workers", lambda: 2)
    read_here: list[str] = []  # files read by this process before the workers parse them
    real_load = model._load

    def counting_load(directory, *args, **kwargs):
        if kwargs.get("parse", True) is False:
            read_here.append(directory.name)
        return real_load(directory, *args, **kwargs)

    monkeypatch.setattr(model, "_load", counting_load)
    cache = ArticleCache(tmp_path / "cache")
    parallel = load_archive(archive, cache=cache)
    _assert_same_archives(expected, parallel)
    assert read_here == [], "with nothing cached, the files are read by the workers only"
    assert cache.misses == len(expected.articles)
    # The workers also found the glossary terms, events and organizations: as build_site does.
    assert all(a.scans is not None for a in parallel.articles)
    scans = {a.id: a.scans for a in parallel.articles}
    assert _outputs(parallel) == _outputs(load_archive(archive))
    assert all(a.scans is scans[a.id] for a in parallel.articles), "build_site scanned again"
    cache.save()
    again = ArticleCache(tmp_path / "cache")
    _assert_same_archives(expected, load_archive(archive, cache=again))
    assert again.hits == len(expected.articles)
    assert len(read_here) == len(expected.articles), "with a cache, each article is looked up once"
    # Problems found by a worker are reported as the single process reports them.
    _meta(archive).write_text("title: [unclosed\n", encoding="utf-8")
    with pytest.raises(ArchiveErrors) as parallel:
        load_archive(archive)
    monkeypatch.setenv("LGNEWS_WORKERS", "1")
    with pytest.raises(ArchiveErrors) as single:
        load_archive(archive)
    assert [str(e) for e in parallel.value.errors] == [str(e) for e in single.value.errors]


_render_task = build._render_task
MEET: tuple[Path, int] = (Path(), 1)  # (folder, processes): set by the test that renders in processes


def _render_task_noting_the_process(tasks: list, index: int) -> list[tuple[str, bytes]]:
    """A rendering task that also says which process ran it (under a key no file has), and
    waits, the first time in each process, until every process has one (``MEET``)."""
    meet(*MEET)
    return [(f"pid:{index}", str(os.getpid()).encode()), *_render_task(tasks, index)]


def _renderer(tmp_path: Path) -> tuple[Renderer, dict[str, bytes]]:
    renderer = Renderer(build_site(load_archive(_archive(tmp_path))), "http://example.org/", "Archive")
    return renderer, {o.path: o.content.encode("utf-8") for o in renderer.render_all()}


@pytest.mark.parametrize("workers", [2, 3])
def test_rendering_in_processes_gives_the_same_files_in_the_same_order(tmp_path, monkeypatch, workers):
    """build.render_outputs shares the rendering tasks among this process and forked ones:
    the files are those of Renderer.render_all, byte for byte and in the same order."""
    renderer, expected = _renderer(tmp_path)
    (tmp_path / "met").mkdir()
    monkeypatch.setattr(sys.modules[__name__], "MEET", (tmp_path / "met", workers))
    monkeypatch.setattr(build, "RENDER_PARALLEL_FROM", 2)
    monkeypatch.setattr(share, "workers", lambda: workers)
    monkeypatch.setattr(build, "_render_task", _render_task_noting_the_process)
    labels = []
    rendered = build.render_outputs(renderer, lambda items, label: labels.append(label) or items)
    by_task = {int(path[4:]): int(data) for path, data in rendered.items() if path.startswith("pid:")}
    parallel = {path: data for path, data in rendered.items() if not path.startswith("pid:")}
    assert list(parallel) == list(expected) and parallel == expected
    # Every task was rendered once, by this process or a forked one, and every process took
    # some (each waited in its first task for the others to have one; how many more each
    # took depends on the machine's scheduler: not asserted).
    assert sorted(by_task) == list(range(len(renderer.tasks())))
    counts = Counter(by_task.values())
    assert len(counts) == workers and os.getpid() in counts, counts
    # The few long tasks (data files, archives, timeline...) are taken first.
    order = build._big_first(renderer.tasks())
    kinds = [renderer.tasks()[i][0] for i in order]
    first_article = next(n for n, (task, args) in enumerate(renderer.tasks()[i] for i in order)
                         if args and args[0] == renderer.render_article)
    assert render_data_file in kinds[:first_article] and renderer.render_timeline in kinds[:first_article]
    assert sorted(order) == list(range(len(order)))
    assert labels == ["Rendering pages"]
    # Without processes to fork (as under `mkdocs serve`), the same, rendered here.
    monkeypatch.setattr(share, "workers", lambda: 1)
    here = build.render_outputs(renderer)
    assert {path: data for path, data in here.items() if not path.startswith("pid:")} == expected
    assert {data for path, data in here.items() if path.startswith("pid:")} == {str(os.getpid()).encode()}


def test_a_failed_render_process_leaves_the_work_to_this_one(tmp_path, monkeypatch, capsys):
    """If a forked process dies or fails, everything is rendered here (the same files, or
    the template's error raised here) and the run says so; no process is left behind, and
    if this process's share fails, the others are stopped, not waited for."""
    renderer, expected = _renderer(tmp_path)
    monkeypatch.setattr(build, "RENDER_PARALLEL_FROM", 2)
    monkeypatch.setattr(share, "workers", lambda: 3)
    parent = os.getpid()
    forked = counting_forks(monkeypatch)

    def left_behind() -> list[int]:
        alive = []
        for pid in forked:
            try:
                os.waitpid(pid, os.WNOHANG)
                alive.append(pid)  # still ours: not waited for
            except ChildProcessError:
                pass
        return alive

    # Each process waits in its first task until the others have one: the forked ones do
    # get tasks, however the machine schedules them.
    for name in ("dies", "fails"):
        (tmp_path / name).mkdir()

    def dies(tasks, index):
        meet(tmp_path / "dies", 3)
        if os.getpid() != parent:
            os._exit(3)  # as if killed (out of memory, say)
        return _render_task(tasks, index)

    monkeypatch.setattr(build, "_render_task", dies)
    assert build.render_outputs(renderer) == expected
    assert re.fullmatch(r"build: rendering in 3 processes failed \(.+\); rendering in this one\n",
                        capsys.readouterr().err)
    assert len(forked) == 2 and not left_behind()

    def fails(tasks, index):
        meet(tmp_path / "fails", 3)
        if os.getpid() != parent:
            raise RuntimeError("a template failed")
        return _render_task(tasks, index)

    forked.clear()
    monkeypatch.setattr(build, "_render_task", fails)  # in this process, it would be raised
    assert build.render_outputs(renderer) == expected
    assert "build: rendering in 3 processes failed" in capsys.readouterr().err
    assert len(forked) == 2 and not left_behind()

    def fails_here_while_the_others_hang(tasks, index):
        if os.getpid() != parent:
            time.sleep(120)  # stopped by this process, not waited for
        raise RuntimeError("a template failed here")

    forked.clear()
    monkeypatch.setattr(build, "_render_task", fails_here_while_the_others_hang)
    started = time.monotonic()
    with pytest.raises(RuntimeError, match="a template failed here"):
        build.render_outputs(renderer)
    assert time.monotonic() - started < 60
    assert len(forked) == 2 and not left_behind()


def test_parsing_without_processes_to_be_had_happens_here(tmp_path, monkeypatch, capsys):
    """Where the work cannot be shared (no shared counter: its lock is a POSIX semaphore,
    which some systems lack; or no process left to fork), the articles are parsed in this
    process: the same archive, every article parsed here; and the run says why it takes
    longer, as it does for rendering (it said nothing)."""
    import multiprocessing

    archive = _archive(tmp_path)
    expected = load_archive(archive)
    monkeypatch.setattr(model, "PARALLEL_FROM", 2)
    monkeypatch.setattr(share, "workers", lambda: 2)
    parsed_here: list[str] = []
    real_load = model._load
    monkeypatch.setattr(model, "_load", lambda directory, *args, **kwargs: (
        parsed_here.append(directory.name), real_load(directory, *args, **kwargs))[1])

    def no_semaphores(*args, **kwargs):
        raise ImportError("This platform lacks a functioning sem_open implementation")

    def no_process():
        raise OSError(11, "Resource temporarily unavailable")

    context = multiprocessing.get_context("fork")
    for name, target, refusal in (("no counter", context, ("Value", no_semaphores)),
                                  ("no process", os, ("fork", no_process))):
        with monkeypatch.context() as patch:
            patch.setattr(target, *refusal)
            parsed_here.clear()
            capsys.readouterr()
            _assert_same_archives(expected, load_archive(archive, cache=ArticleCache(tmp_path / f"cache-{name}")))
            assert sorted(parsed_here) == sorted(a.id for a in expected.articles), name
            assert re.fullmatch(r"build: parsing in 2 processes failed \((no shared counter|no process): .+\); "
                                r"parsing in this one\n", capsys.readouterr().err), name


def test_rendering_without_a_shared_counter_happens_here(tmp_path, monkeypatch, capsys):
    """Where the processes' shared counter cannot be had (its lock is a POSIX semaphore,
    which some systems lack), the run says so and renders everything in this process."""
    import multiprocessing

    renderer, expected = _renderer(tmp_path)
    monkeypatch.setattr(build, "RENDER_PARALLEL_FROM", 2)
    monkeypatch.setattr(share, "workers", lambda: 2)

    def no_semaphores(*args, **kwargs):
        raise ImportError("This platform lacks a functioning sem_open implementation")

    monkeypatch.setattr(multiprocessing.get_context("fork"), "Value", no_semaphores)
    forked: list[int] = []
    monkeypatch.setattr(os, "fork", lambda: forked.append(1) or pytest.fail("forked without a counter"))
    assert build.render_outputs(renderer) == expected
    assert capsys.readouterr().err == ("build: rendering in 2 processes failed (no shared counter: This platform "
                                       "lacks a functioning sem_open implementation); rendering in this one\n")
    assert not forked


def test_build_writes_the_cache_and_a_second_build_uses_it(project):
    run([sys.executable, "scripts/build.py", "--quiet"], project)
    cache_files = sorted((project / ".cache" / "lgnews").glob("*.marshal"))
    assert cache_files
    before = {p.name: p.read_bytes() for p in cache_files}
    set_title = _meta(project / "archive")
    set_title.write_text(set_title.read_text(encoding="utf-8").replace("title: ", "title: Revised ", 1),
                         encoding="utf-8")
    run([sys.executable, "scripts/build.py", "--quiet"], project)
    page = (project / "docs" / "articles" / SEED_ID / "index.md").read_text(encoding="utf-8")
    assert "Revised " in page
    after = {p.name: p.read_bytes() for p in (project / ".cache" / "lgnews").glob("*.marshal")}
    assert after.keys() == before.keys() and after != before
    assert b"Revised " in b"".join(after.values())
    # --no-cache builds the same pages.
    docs = {p: p.read_bytes() for p in (project / "docs").rglob("*.md")}
    shutil.rmtree(project / ".cache")
    run([sys.executable, "scripts/build.py", "--quiet", "--no-cache", "--check"], project)
    assert not (project / ".cache").exists()
    assert docs == {p: p.read_bytes() for p in (project / "docs").rglob("*.md")}
    # Even when nothing changed: it does not stop at "nothing changed" (a way to rebuild
    # all when in doubt), and rewrites nothing that is the same.
    assert "nothing changed" in run([sys.executable, "scripts/build.py"], project).stdout
    out = run([sys.executable, "scripts/build.py", "--no-cache"], project).stdout
    assert re.search(r"^build: \d+ article\(s\), \d+ generated file\(s\): 0 written, \d+ unchanged", out, re.M), out
    assert not (project / ".cache").exists()


# --------------------------------------------------------------------------- the no-op run


def test_a_run_with_nothing_to_do_imports_neither_parser_nor_templates(project):
    run([sys.executable, "scripts/build.py", "--quiet"], project)
    result = run([sys.executable, "-X", "importtime", "scripts/build.py"], project)
    assert "nothing changed" in result.stdout
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    assert "lgnews.build" in imported
    assert not imported & {"lgnews.parse", "lgnews.model", "lgnews.render", "jinja2", "charset_normalizer"}


def test_the_fingerprint_sees_a_changed_file(project):
    from lgnews.build import inputs_fingerprint
    from lgnews.config import load_config

    config = load_config(project)
    before = inputs_fingerprint(config)
    assert inputs_fingerprint(config) == before
    meta = _meta(project / "archive")
    meta.write_text(meta.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert inputs_fingerprint(config) != before
    (project / "archive" / "articles" / SEED_ID / ".meta.yml.swp").write_bytes(b"x")
    changed = inputs_fingerprint(config)
    os.utime(meta, ns=(meta.stat().st_atime_ns, meta.stat().st_mtime_ns + 1_000_000))
    assert inputs_fingerprint(config) != changed


def test_the_fingerprint_covers_the_generators_own_code_and_templates(project, monkeypatch, tmp_path):
    """After an upgrade of the generator (a template, a module), `make generate` must render
    again: "nothing changed" would leave every page as the old code made it."""
    from lgnews.config import load_config

    package = tmp_path / "lgnews"
    shutil.copytree(build.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(build, "PACKAGE", package)
    config = load_config(project)
    before = build.inputs_fingerprint(config)
    assert build.inputs_fingerprint(config) == before
    template = package / "templates" / "article.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    after_template = build.inputs_fingerprint(config)
    assert after_template != before, "a template changed, and the fingerprint did not"
    module = package / "render.py"
    os.utime(module, ns=(module.stat().st_atime_ns, module.stat().st_mtime_ns + 1_000_000))
    assert build.inputs_fingerprint(config) != after_template, "a module changed, and the fingerprint did not"


def test_the_fingerprint_covers_every_library_the_generator_imports():
    """Upgrading a library the pages depend on regenerates them: python-slugify, which makes
    the addresses of people and tags, was missing, so after an upgrade `make generate` said
    "nothing changed" while `make check` found pages out of date."""
    import ast

    imported = set()
    for source in Path(build.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {"lgnews"}
    assert "slugify" in third_party  # (the scan sees the imports)
    # (tqdm draws progress, Playwright measures the benchmark, watchdog watches for the
    # preview's saves, and MkDocs's server is the preview's: none of them makes a page)
    assert third_party - {"tqdm", "playwright", "watchdog", "mkdocs"} <= set(build.LIBRARIES), \
        third_party - set(build.LIBRARIES)
    assert "text_unidecode" in build.LIBRARIES  # slugify's transliteration, imported by slugify


def test_the_fingerprint_sees_an_empty_folder_a_page_renamed_and_the_settings(project, monkeypatch):
    """What used to leave 'nothing changed' while the full run (and `make check`) failed: an
    empty article folder, and an editor's page renamed away from a Markdown article's link.
    The repository's address (each article's download link) is a setting like the others."""
    from lgnews.build import inputs_fingerprint
    from lgnews.config import load_config

    run([sys.executable, "scripts/build.py", "--quiet"], project)
    config = load_config(project)
    seen = {inputs_fingerprint(config)}

    def changed() -> bool:
        value = inputs_fingerprint(load_config(project))
        new = value not in seen
        seen.add(value)
        return new

    (project / "archive" / "articles" / "2023-06-06-new").mkdir()
    assert changed()
    (project / "archive" / "articles" / "2023-06-06-new").rmdir()
    page = project / "docs" / "about.md"
    page.write_text("# About\n", encoding="utf-8")
    assert not changed(), "no article is written in Markdown: nothing links to docs/ by name"
    written = project / "archive" / "articles" / "2023-06-07-a-plan"
    written.mkdir()
    (written / "article.md").write_text("---\ntitle: A plan\npublished: 2023-06-07\n---\n\nSee [us](about.md).\n",
                                        encoding="utf-8")
    assert changed()
    page.write_text("# About us\n\nMore.\n", encoding="utf-8")  # an edit of a page changes nothing generated
    assert not changed()
    page.rename(project / "docs" / "about-us.md")
    assert changed()
    # What a text editor leaves beside a page is not the site's.
    for backup in ("about-us.md~", "#about-us.md#", "about-us.md.bak"):
        (project / "docs" / backup).write_text("x", encoding="utf-8")
    assert not changed()
    # What the generator writes in docs/ is not an input.
    (project / "docs" / "tags" / "extra.json").write_text("{}", encoding="utf-8")
    (project / "docs" / ".generated-manifest.json").touch()
    assert not changed()
    (project / "docs" / "tags" / "extra.json").unlink()
    monkeypatch.setenv("REPO_URL", "https://github.com/a-fork/archive")
    assert changed()


# --------------------------------------------------------------------------- YAML


YAML_CASES = [
    "", "# only a comment\n", "title: x\npublished: 2022-04-30\n", "a: 2022-02-30\nb: 2022-04-30 10:00:00\n",
    "a: [1, 2.5, .inf, null, ~, true, no, 0x1f, 0o7, 1_000, 12:30:45, +12, 0777]\n",
    "a: &x {b: 1}\nc: *x\n", "base: &b {x: 1}\nd:\n  <<: *b\n  y: 2\n", "a: !!binary aGVsbG8=\n", "a: !foo bar\n",
    "? [a, b]\n: 1\n", "? {a: 1}\n: 1\n", "a: !!str 12\nb: !!int '7'\n", "a: &r [*r]\n", "&r {a: *r}\n",
    "a: b: c\n", "- a\n- b: [1, {c: d}]\n", "a: !!set {x, y}\n", "a: !!omap [x: 1]\n", "= : 1\n",
    "a: !!str {x: 1}\n", "a: 1\na: 2\n", "x: !!int 'nope'\n", "? !!python/tuple [1, 2]\n: 3\n", "a: 'it''s'\n",
    "people:\n- name: Li Yi\n  roles: []\n  involvement:\n  - attending\n", "a: |\n  two\n  lines\n",
]


def _outcome(load, text):
    try:
        return "ok", load(text)
    except Exception as exc:  # noqa: BLE001 - the comparison is the point
        return "error", type(exc).__name__, str(exc)


@pytest.mark.parametrize("text", YAML_CASES + [p.read_text(encoding="utf-8") for p in sorted((ROOT / "archive").rglob("*.yml"))])
def test_quick_yaml_loading_is_pyyaml_loading(text):
    expected = _outcome(lambda t: yaml.load(t, Loader=_Loader), text)
    got = _outcome(_load, text)
    assert repr(got) == repr(expected)
    if expected[0] == "ok" and isinstance(expected[1], dict) and "c" in expected[1] and "a" in expected[1]:
        assert (got[1]["a"] is got[1]["c"]) == (expected[1]["a"] is expected[1]["c"])


# Values of the kinds meta.yml holds, and the strings that trip YAML up: words it reads as
# booleans, null, numbers or times, indicators, quotes, comment marks, line breaks.
TRICKY = st.sampled_from([
    "yes", "No", "on", "OFF", "true", "null", "~", "", " ", "0", "1_000", "0x1f", "012", "1.5", ".nan", "12:30",
    "2022-04-30", "2022-02-30", "2022-04-30 10:00", "- x", "-x", "? x", ": x", "a: b", "a:b", "a #b", "a#b", "#x",
    "'q'", "it's", '"q"', 'say "x"', "back\\slash", "[a]", "{a}", "&a", "*a", "!a", "|", ">", "%x", "@x", "`x",
    "a\tb", "a\nb", "a\n\nb", "\u2028", "\x85", "\ufeff", "\x07", "long " * 30, "Liu Zhigang", "娄星区", "“7·20”",
])
SCALARS = st.one_of(TRICKY, st.text(max_size=20), st.booleans(), st.none(), st.dates(), st.integers())
KEYS = st.one_of(st.sampled_from(["title", "people", "roles", "yes", "on", "null", "a b", "x:", "-", "1"]),
                 st.text(max_size=8))
DOCUMENTS = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                        st.dictionaries(KEYS, inner, max_size=4)), max_leaves=20)
SLIPS = [" ", "  ", "-", "- ", ":", ": ", "#", " #", "'", '"', "\n", "\n  ", "\n- ", "x", "\t", "[]", "&a"]
EDITS = st.sampled_from(SLIPS)


def _same_yaml(a, b) -> bool:
    """Equal, and of the same types all the way down (True is not 1, a date is not text)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same_yaml(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same_yaml(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def _check_simple_block(text: str) -> bool:
    """The direct reading gives what PyYAML gives, or leaves the file to it (it must for
    every file PyYAML refuses). True if it read the file."""
    try:
        expected = ("ok", yaml.load(text, Loader=_Loader))
    except yaml.YAMLError:
        expected = ("error",)
    try:
        got = records._simple_block(text)
    except records._Unusual:
        return False
    assert expected[0] == "ok", f"read what PyYAML refuses: {text!r}"
    assert _same_yaml(got, expected[1]), (text, got, expected[1])
    return True


@settings(max_examples=400, deadline=None)
@given(document=DOCUMENTS, width=st.sampled_from([20, 80, 100, 1000]), flow=st.sampled_from([False, None]))
def test_simple_block_yaml_reads_what_pyyaml_reads(document, width, flow):
    for unicode in (True, False):
        _check_simple_block(yaml.safe_dump(document, allow_unicode=unicode, sort_keys=False, width=width,
                                           default_flow_style=flow))


@settings(max_examples=400, deadline=None)
@given(document=DOCUMENTS, edits=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 3), EDITS),
                                          min_size=1, max_size=4))
def test_simple_block_yaml_on_hand_edited_files(document, edits):
    """What an editor's slip makes of a file (characters added or removed anywhere) is read
    the same, refused by PyYAML with its own message, or left to it."""
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)
    for at, cut, insert in edits:
        at %= len(text) + 1
        text = text[:at] + insert + text[at + cut:]
    _check_simple_block(text)


SIMPLE_META = """\
# a comment, as ingest writes one
title: 'Quoted: title'
published: 2022-04-30
event_date: 2022-02-30
machine_translated: true
source: null
credits:
  reporter:
  - Li Yi
people:
- name: Liu Zhigang
  roles: []
  involvement:
  - presiding
-   name: "Xu Diren"
    roles:
      - Head of the District
annotations:
- phrase: it's
  note: 'say ''x'''
tags:
"""


# Lines on which YAML reads a value otherwise than as the text after the key (each is
# checked inside SIMPLE_META's lists and mappings too).
SIMPLE_TRAPS = [
    "yes: 1", "On: x", "null: x", "~: x", "a: b #c", "a: b ", "a: 'b' ", "a: x\u2028y", "a: x\x85y", "a:\tb",
    "a: b\n  c", "a: b\n  - c", "a:\n  b\n  c: d", "a: - b", "- - a", "a: b: c", "a: b:", "a: 'b", "a: 'b'c'",
    'a: "b\\"', 'a: "b""', "a: [b]", "a: {b: c}", "a: &x b", "a: *x", "a: !x b", "a: |\n  b", "a: >\n  b",
    "a: 12", "a: 0x1f", "a: 1.5", "a: .inf", "a: 12:30", "a: 2022-04-30 10:00:00", "a: 2022-4-3", "a: Yes", "a: ~",
    "a: NULL", "a: off", "a: ,b", "a: b,", "---\na: b", "a: b\n...", "%YAML 1.1\n---\na: b", "\ufeffa: b", "a: b\r\nc: d",
    " a: b\nc: d", "a: b\n c: d", "- a\n  - b", "-\n- a", "- \n  a: b", "a:\n-\n  - b", "a: #\n  - b",
]


@pytest.mark.parametrize("trap", SIMPLE_TRAPS)
def test_simple_block_yaml_traps(trap):
    _check_simple_block(trap + "\n")
    for line in range(len(SIMPLE_META.splitlines())):  # the same line inside a real file, at its indentation
        lines = SIMPLE_META.splitlines()
        indent = " " * (len(lines[line]) - len(lines[line].lstrip(" ")))
        lines[line] = "\n".join(indent + part for part in trap.split("\n"))
        _check_simple_block("\n".join(lines) + "\n")


def test_simple_block_yaml_on_every_one_character_slip():
    """Every edit of SIMPLE_META by one of EDITS at any place, or one character removed."""
    read = 0
    for at in range(len(SIMPLE_META) + 1):
        for insert in SLIPS:
            read += _check_simple_block(SIMPLE_META[:at] + insert + SIMPLE_META[at:])
        read += _check_simple_block(SIMPLE_META[:at] + SIMPLE_META[at + 1:])
    assert read > len(SIMPLE_META)  # most slips still leave a file read directly


def test_simple_block_yaml_reads_the_files_ingest_writes():
    """The direct reading is used (not left to PyYAML) for the archive's meta.yml and for
    files like those ingest and editors write: quoted values, an impossible day, an empty
    list, null, list items indented or not."""
    read = [path for path in sorted((ROOT / "archive" / "articles").rglob("meta.yml"))
            if _check_simple_block(path.read_text(encoding="utf-8"))]
    assert read, "the seed's meta.yml was left to PyYAML"
    assert _check_simple_block(SIMPLE_META)
    data = records._simple_block(SIMPLE_META)
    assert data["people"][1] == {"name": "Xu Diren", "roles": ["Head of the District"]}
    assert data["event_date"] == "2022-02-30" and data["annotations"][0]["note"] == "say 'x'"
    assert data["tags"] is None and data["source"] is None and data["machine_translated"] is True
    assert data["title"] == "Quoted: title" and data["people"][0]["roles"] == []


# --------------------------------------------------------------------------- phrase matching


def _reference(matcher: PhraseMatcher, text: str) -> list:
    """What PhraseMatcher.find gave before its lowercase scan: the case-insensitive regex."""
    out = []
    for m in matcher.regex.finditer(text):
        target = matcher.lookup(m.group())
        if target is not None:
            out.append((m.start(), m.end(), target))
    return out


PHRASES = [
    {"power list": "P", "7·20 heavy rain disaster": "Z", "three principles": "T", "Kelvin": "K", "is": "I",
     "safe": "S", "people first, life is supreme": "F"},
    {"Straße": "S", "ſafe": "F", "çava": "C", "x": "X"},  # letters with a case outside ASCII: the regex only
]
WORDS = ["power", "list", "Power-List", "POWER  LIST", "three", "principles", "Kelvin", "KELVIN", "is", "IS", "ſafe",
         "safe", "SAFE", "safes", "Straße", "STRASSE", "çava", "ÇAVA", "x", "X", "7·20", "heavy", "rain", "disaster",
         "people", "first,", "life", "supreme", "\u212aelvin", "İs", "ıs", "“power list”", "power‐list"]
SEPARATORS = [" ", "-", "“", "”", "\"", "'", " \"", "\n", "\t", "·", ".", ",", "\x00", "—", "’", "é", "中"]


def _random_text(rnd: random.Random) -> str:
    return "".join(rnd.choice(WORDS) + rnd.choice(SEPARATORS) for _ in range(rnd.randint(0, 12)))


@pytest.mark.parametrize("phrases", PHRASES)
def test_phrase_matching_finds_what_the_case_insensitive_regex_finds(phrases):
    matcher = PhraseMatcher(phrases)
    rnd = random.Random(20240501)
    texts = [_random_text(rnd) for _ in range(3000)]
    expected = [_reference(matcher, t) for t in texts]
    assert [list(matcher.find(t)) for t in texts] == expected
    for start in range(0, len(texts), 37):
        chunk = texts[start : start + 37]
        assert matcher.find_all(chunk) == expected[start : start + 37]
        halves = Texts.concat([Texts(chunk[:5]), Texts([]), Texts(chunk[5:])])
        assert matcher.find_all(halves) == expected[start : start + 37]


def test_phrase_matching_on_the_real_archive_matches_the_regex():
    archive = load_archive(ROOT / "archive")
    matcher = PhraseMatcher({name: t for t in archive.terms for name in t.names})
    for article in archive.articles:
        assert matcher.find_all(article.paragraphs) == [_reference(matcher, p) for p in article.paragraphs]


def test_the_workers_matchers_look_for_what_the_model_looks_for():
    """The processes that parse the articles scan them with matchers built from the archive
    (model._matchers), and build_site builds its own: if the two ever looked for different
    phrases, every article would be scanned again, with nothing to show for it but time."""
    from lgnews import model

    archive = load_archive(ROOT / "archive")
    _, fingerprint = model._matchers(archive.terms, archive.events, archive.organizations)
    site = build_site(archive)
    assert site.articles and all(a.scans is not None and a.scans[0] == fingerprint for a in site.articles)


def test_every_field_of_an_articles_metadata_is_kept_in_the_cache(tmp_path):
    """The cache keeps an article as a tuple of its fields, written out in model.py: a field
    added to ArticleMeta and not to that tuple made every article that has it fail the
    cache's check (its record reads back otherwise), so that it was parsed again on every
    run, without a word (a maintainer's review). Each field, changed, is kept as changed."""
    article = next(a for a in load_archive(ROOT / "archive").articles if a.id == SEED_ID)
    raw = (article.path / "source.txt").read_bytes()
    samples = {str: "Changed.", bool: None, dict: {"reporter": ["Wang Qian"]}}
    for f in dataclasses.fields(records.ArticleMeta):
        value = getattr(article.meta, f.name)
        if isinstance(value, bool):
            changed = not value
        elif hasattr(value, "toordinal"):
            changed = value.replace(day=1)
        elif isinstance(value, list):
            changed = value[:1] if len(value) > 1 else pytest.fail(f"the seed's {f.name}: give a sample")
        else:
            changed = samples.get(type(value) if value is not None else str)
        assert changed != value, f.name
        meta = dataclasses.replace(article.meta, **{f.name: changed})
        edited = dataclasses.replace(article, meta=meta)
        record = model._verified_record(edited, raw)
        assert record is not None, f"ArticleMeta.{f.name} is not kept in the cache's record (model._encode_article)"
        again = model._decode_article(model.marshal.loads(record), article.path, raw, article.sha256)
        assert getattr(again.meta, f.name) == changed, f.name
