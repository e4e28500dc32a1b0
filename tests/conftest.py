"""Shared fixtures: the project copied into a temporary folder, generated and built with a
real `mkdocs build --strict`, so tests read the HTML a reader gets."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import settings

# In CI the property tests replay a fixed set of examples, so a landing never hangs on a new
# random find; on a developer's machine they explore new inputs on every run.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_ID = "2022-04-30-louxing-district-held-the-2022-work-safety-retreat-meeting"

# `python -c INGEST_INTERRUPTED FILE...`: ingest, with Ctrl+C pressed as the second file is
# taken (a KeyboardInterrupt where the real one would come from).
INGEST_INTERRUPTED = ("import sys, lgnews.ingest as ingest\n"
                      "real, calls = ingest._ingest, []\n"
                      "def interrupted(*args):\n"
                      "    calls.append(1)\n"
                      "    if len(calls) == 2:\n"
                      "        raise KeyboardInterrupt\n"
                      "    return real(*args)\n"
                      "ingest._ingest = interrupted\n"
                      "sys.exit(ingest.main(sys.argv[1:]))\n")


def copy_project(dest: Path, *, with_articles: bool = True) -> Path:
    """A copy of the project without build output or generated pages (as the benchmark
    makes it: lgnews.bench.copy_project)."""
    from lgnews.bench import copy_project as bench_copy

    bench_copy(dest, ROOT)
    if not with_articles:
        shutil.rmtree(dest / "archive" / "articles")
        (dest / "archive" / "articles").mkdir()
    return dest


def run(cmd: list[str], cwd: Path, check: bool = True, timeout: float | None = None,
        **env: str) -> subprocess.CompletedProcess:
    """``cmd`` in ``cwd``; ``timeout``: seconds, for a command that could wait for ever."""
    # The code of this checkout, whatever the venv's editable install points at (a second
    # clone sharing a venv ran the first one's generator: a test audit).
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000",
                   "PYTHONPATH": str(ROOT), **env}
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=environment, timeout=timeout)
    if check and result.returncode != 0:
        raise AssertionError(f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


def generate_and_build(project: Path, **env: str) -> Path:
    """scripts/build.py, `mkdocs build --strict`, then the Pagefind index, as `make site`
    does; returns site/."""
    run([sys.executable, "scripts/build.py", "--quiet"], project, **env)
    run([sys.executable, "-m", "mkdocs", "build", "--strict"], project, **env)
    run([sys.executable, "-m", "pagefind", "--site", "site", "--silent"], project, **env)
    return project / "site"


@pytest.fixture(scope="session")
def built_project(tmp_path_factory) -> Path:
    """The project as it is, generated and built once per test session."""
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    generate_and_build(project)
    return project


@pytest.fixture(scope="session")
def built_site(built_project) -> Path:
    return built_project / "site"


@pytest.fixture
def project(tmp_path) -> Path:
    """A fresh, unbuilt copy of the project for a test that changes things."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """The project with its pages generated, once for a module's tests; each works on a copy
    of it (``proj``), so a failing run can be shown to leave the existing pages alone."""
    project = copy_project(tmp_path_factory.mktemp("generated") / "project")
    run([sys.executable, "scripts/build.py", "--quiet"], project)
    return project


@pytest.fixture
def proj(generated, tmp_path) -> Path:
    """A copy of the generated project (``generated``) for a test that changes things."""
    return Path(shutil.copytree(generated, tmp_path / "project", symlinks=True))


def meet(folder: Path, processes: int, wait: float = 60.0) -> None:
    """Hold the calling process, on its first call, until ``processes`` processes have called
    (each leaves its pid in ``folder``), or ``wait`` seconds have passed: work shared among
    processes then reaches every one of them, however the machine schedules them (a forked
    process may start after the others have taken everything)."""
    mine = folder / str(os.getpid())
    if mine.exists():
        return
    mine.touch()
    deadline = time.monotonic() + wait
    while len(os.listdir(folder)) < processes and time.monotonic() < deadline:
        time.sleep(0.002)


def counting_forks(monkeypatch) -> list[int]:
    """Make ``os.fork`` note the pid of each process forked (in this process), for a test
    that checks which processes there were, and that none is left behind."""
    forked: list[int] = []
    real_fork = os.fork

    def fork():
        pid = real_fork()
        if pid:
            forked.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    return forked


def zh_span(chinese: str) -> str:
    """A run of Chinese as the pages mark it (``render.zh_lang``): as Chinese, with its inner
    words for the search where it has any."""
    from lgnews.render import zh_words

    words = zh_words(chinese)
    extra = f' data-pagefind-index-attrs="data-zh-words" data-zh-words="{words}"' if words else ""
    return f'<span lang="zh"{extra}>{chinese}</span>'


def add_article(archive: Path, article_id: str, front: str, body: str = "A text.") -> Path:
    """An article an editor wrote in Markdown (article.md), added to ``archive``: ``front``
    is its front matter's lines after the title and date, which the id gives."""
    folder = archive / "articles" / article_id
    folder.mkdir()
    path = folder / "article.md"
    path.write_text(f"---\ntitle: {article_id[11:].replace('-', ' ').capitalize()}\npublished: {article_id[:10]}\n"
                    f"{front}---\n\n{body}\n", encoding="utf-8")
    return path
