"""`make new-article` when the article cannot be created: one line naming the folder or the
file and why, never a traceback, and nothing half made (no empty folder, which the build
then refuses, no article.md cut short)."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import lgnews.new_article as new_article

from .conftest import ROOT


def _run(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "new_article.py"), "--title", "A plan",
                           "--published", "2023-06-05"], cwd=cwd, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_a_file_where_the_articles_folder_should_be_is_one_line(tmp_path):
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "articles").write_text("notes\n", encoding="utf-8")
    result = _run(tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["new-article: cannot create the folder archive/articles: File exists: a "
                                          "file stands where the folder should be; move it away"], result.stderr
    assert (tmp_path / "archive" / "articles").read_text(encoding="utf-8") == "notes\n"


def test_a_full_disk_leaves_no_folder_and_no_half_article(tmp_path, monkeypatch, capsys):
    (tmp_path / "archive" / "articles").mkdir(parents=True)
    real_open = Path.open

    def full(self, *args, **kwargs):
        handle = real_open(self, *args, **kwargs)
        if self.name == "article.md":
            handle.write("---\ntitle: A pl")  # the start of the file, then no room for the rest
            handle.close()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        return handle

    monkeypatch.setattr(Path, "open", full)
    status = new_article.main(["--title", "A plan", "--published", "2023-06-05", "--archive",
                               str(tmp_path / "archive")])
    assert status == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("new-article: cannot write ") and err[0].endswith(
        "/article.md: No space left on device; nothing was created"), err
    assert list((tmp_path / "archive" / "articles").iterdir()) == [], "a half-made article was left"


def _new(tmp_path: Path, title, published: str) -> subprocess.CompletedProcess:
    (tmp_path / "archive").mkdir(exist_ok=True)
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "new_article.py"), "--title", title,
                           "--published", published], cwd=tmp_path, capture_output=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_a_title_that_is_not_utf8_is_refused(tmp_path):
    """A title of bytes that are not UTF-8 (`make new-article TITLE=$'Bad \\xff bytes'`) made
    an article.md whose front matter held '\\uDCFF', which the build then refused."""
    result = _new(tmp_path, b"Bad \xff\xfe bytes", "2023-06-07")
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == [
        "new-article: the title is not UTF-8 text (the terminal sent other bytes): type it again, or paste it from a "
        "UTF-8 file"]
    assert not (tmp_path / "archive" / "articles").exists() or not any((tmp_path / "archive" / "articles").iterdir())


def test_a_date_in_full_width_figures_is_named_as_such(tmp_path):
    """`DATE=２０２３-06-05` (a Chinese input method) was told 'June 2023 has 30 days, not 5'."""
    result = _new(tmp_path, "A plan", "２０２３-06-05")
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == [
        "new-article: '２０２３-06-05' has full-width or other non-ASCII figures; write '2023-06-05'"]


def test_a_title_pasted_with_a_terminals_colour_code_is_refused(tmp_path):
    """new-article accepted 'Ab\\x1b[31m red'; the build then dropped the invisible ESC and
    published 'Ab[31m red' (a review of session 32)."""
    (tmp_path / "archive" / "articles").mkdir(parents=True)
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "new_article.py"), "--title", "Ab\x1b[31m red",
                             "--published", "2023-06-05"], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.splitlines() == ["new-article: the title holds a control character (U+001B, invisible: "
                                          "pasted from a terminal?): type the title again"], result.stderr
    assert list((tmp_path / "archive" / "articles").iterdir()) == []
    assert new_article.check_title("A\u200bplan") == "Aplan", "what the build drops silently is dropped here too"
