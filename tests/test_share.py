"""Work shared with forked processes (lgnews/share.py): what the generator's parsing,
rendering and writing rely on."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

import lgnews.share as shared
from lgnews.share import ShareFailed, share

from .conftest import counting_forks, meet

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the generator shares work only where it can fork")


def _slow(tag: str):
    def work(index: int) -> tuple[str, int, int]:
        time.sleep(0.003)  # long enough for every process to take some
        return tag, index, os.getpid()

    return work


def _after(marker: Path):
    """This process's work: its first item waits (at most a minute) until ``marker`` exists,
    which the forked process makes when it takes an item: the forked process does take one,
    however late the machine starts it."""
    def work(index: int) -> tuple[str, int, int]:
        deadline = time.monotonic() + 60
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.002)
        return "here", index, os.getpid()

    return work


def test_every_item_is_done_once_by_one_of_the_processes(tmp_path):
    order = [5, 0, 3, 1, 4, 2, *range(6, 60)]
    log = tmp_path / "done.log"
    (tmp_path / "met").mkdir()

    def noted(tag: str):
        work = _slow(tag)

        def note(index: int):
            meet(tmp_path / "met", 3)  # every process takes some, however they are scheduled
            with open(log, "a", encoding="utf-8") as fh:
                fh.write(f"{index}\n")
            return work(index)

        return note

    done = share(order, noted("here"), noted("there"), 3)
    assert sorted(int(line) for line in log.read_text(encoding="utf-8").split()) == list(range(60)), "each once"
    assert sorted(done) == list(range(60))
    assert all(done[i][1] == i for i in done)
    pids = {pid for _, _, pid in done.values()}
    assert len(pids) == 3 and os.getpid() in pids
    assert {tag for tag, _, pid in done.values() if pid == os.getpid()} == {"here"}
    assert {tag for tag, _, pid in done.values() if pid != os.getpid()} == {"there"}


def test_an_error_of_this_process_is_raised_as_it_is_and_no_process_is_left(monkeypatch):
    forked = counting_forks(monkeypatch)

    def disk_full(index: int):
        raise OSError(28, "No space left on device")

    def hangs(index: int):
        time.sleep(120)

    started = time.monotonic()
    with pytest.raises(OSError, match="No space left"):
        share(list(range(10)), disk_full, hangs, 2)
    assert time.monotonic() - started < 60, "the other process was waited for, not stopped"
    assert len(forked) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(forked[0], os.WNOHANG)


def test_no_process_or_a_failed_one_is_said(tmp_path):
    def no_process():
        raise OSError(11, "Resource temporarily unavailable")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "fork", no_process)
        with pytest.raises(ShareFailed, match="no process: Resource temporarily unavailable"):
            share(list(range(10)), _slow("here"), _slow("there"), 2)

    def dies(index: int):
        (tmp_path / "taken").touch()
        os._exit(3)

    with pytest.raises(ShareFailed, match="a process (sent nothing|ended with status 3)"):
        share(list(range(40)), _after(tmp_path / "taken"), dies, 2)


def test_a_process_killed_holding_the_counter_does_not_hang_the_run(monkeypatch, tmp_path):
    """A POSIX semaphore is not released when its holder dies: the others give up waiting
    for it and say so (the caller then does the work itself)."""
    monkeypatch.setattr(shared, "LOCK_WAIT", 0.5)

    def dies_holding_the_lock(index: int):
        lock.acquire()
        (tmp_path / "taken").touch()
        os._exit(9)

    import multiprocessing

    real_value = multiprocessing.get_context("fork").Value
    lock = None

    def value(*args, **kwargs):
        nonlocal lock
        counter = real_value(*args, **kwargs)
        lock = counter.get_lock()
        return counter

    monkeypatch.setattr(multiprocessing.get_context("fork"), "Value", value)
    started = time.monotonic()
    with pytest.raises(ShareFailed, match="a process died holding the shared counter|a process sent nothing"):
        share(list(range(200)), _after(tmp_path / "taken"), dies_holding_the_lock, 2)
    assert time.monotonic() - started < 20
