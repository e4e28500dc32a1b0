"""Work shared with forked processes (lgnews/share.py): what the generator's parsing,
rendering and writing rely on."""

from __future__ import annotations

import os
import time

import pytest

from lgnews.share import ShareFailed, share


def _slow(tag: str):
    def work(index: int) -> tuple[str, int, int]:
        time.sleep(0.003)  # long enough for every process to take some
        return tag, index, os.getpid()

    return work


def test_every_item_is_done_once_by_one_of_the_processes():
    order = [5, 0, 3, 1, 4, 2, *range(6, 60)]
    done = share(order, _slow("here"), _slow("there"), 3)
    assert sorted(done) == list(range(60))
    assert all(done[i][1] == i for i in done)
    pids = {pid for _, _, pid in done.values()}
    assert len(pids) == 3 and os.getpid() in pids
    assert {tag for tag, _, pid in done.values() if pid == os.getpid()} == {"here"}
    assert {tag for tag, _, pid in done.values() if pid != os.getpid()} == {"there"}


def test_an_error_of_this_process_is_raised_as_it_is_and_no_process_is_left():
    forked: list[int] = []
    real_fork = os.fork

    def fork():
        pid = real_fork()
        if pid:
            forked.append(pid)
        return pid

    def disk_full(index: int):
        raise OSError(28, "No space left on device")

    def hangs(index: int):
        time.sleep(120)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "fork", fork)
        started = time.monotonic()
        with pytest.raises(OSError, match="No space left"):
            share(list(range(10)), disk_full, hangs, 2)
    assert time.monotonic() - started < 60, "the other process was waited for, not stopped"
    assert len(forked) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(forked[0], os.WNOHANG)


def test_no_process_or_a_failed_one_is_said():
    def no_process():
        raise OSError(11, "Resource temporarily unavailable")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "fork", no_process)
        with pytest.raises(ShareFailed, match="no process: Resource temporarily unavailable"):
            share(list(range(10)), _slow("here"), _slow("there"), 2)

    def dies(index: int):
        os._exit(3)

    with pytest.raises(ShareFailed, match="a process (sent nothing|ended with status 3)"):
        share(list(range(40)), _slow("here"), dies, 2)
