"""Work shared among this process and forked ones: parsing the articles, rendering the pages.

Each process takes the next item not yet taken (a counter in shared memory) until none is
left, so all of them finish at about the same time whatever each item costs. A forked
process sends what it did through a pipe, pickled, when it has done its share; this process
keeps what it did itself as it is (no copy). Pipes beat a ProcessPoolExecutor here: its
results take an extra copy, and a thread of this process, to arrive (rendering 10,000
articles took 7.5-7.9 s with the pool, 5.7-6.1 s with pipes).

Whatever happens, every child is waited for and every pipe closed before ``share``
returns or raises; if a child fails, or this process's own share raises, the children
still working are stopped rather than waited for (unless the work must not be cut short:
see ``stop``)."""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Callable, Iterable
from typing import Any


class _Sized:
    """An iterator of known length (for a progress bar)."""

    def __init__(self, items: Iterable, length: int):
        self.items, self.length = items, length

    def __len__(self) -> int:
        return self.length

    def __iter__(self):
        return iter(self.items)


def workers() -> int:
    """How many processes may share work: the cores this process may use (at most 8;
    ``LGNEWS_WORKERS`` sets the number), if it can fork safely (no other thread: under
    ``mkdocs serve`` everything stays in this process)."""
    import multiprocessing
    import threading

    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return 1
    if os.environ.get("LGNEWS_WORKERS", "").isdigit():
        return max(1, int(os.environ["LGNEWS_WORKERS"]))
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    return min(cores, 8)


class ShareFailed(Exception):
    """The work could not be shared (no shared counter, no process, a child that failed):
    the caller does it all in this process. The message says why."""


class _Stuck(Exception):
    """The shared counter's lock was not released: a process was killed holding it (a
    POSIX semaphore has no owner to release it then)."""


LOCK_WAIT = 30.0
"""Seconds to wait for the counter's lock (held for microseconds) before taking its holder
for dead."""


def share(order: list[int], here: Callable[[int], Any], there: Callable[[int], Any], workers: int,
          progress=None, label: str = "", *, stop: bool = True) -> dict[int, Any]:
    """``{index: result}`` for every index of ``order``, taken in that order by this process,
    which calls ``here(index)``, and ``workers - 1`` forked ones, which call ``there(index)``
    (whose results must pickle). Raises ShareFailed if the work could not be shared; what
    ``here`` raises is raised. With ``stop`` false, children are never killed, only waited
    for: work that a kill would leave half done (a temporary file not yet renamed or
    removed) finishes, or fails and cleans up after itself."""
    import multiprocessing

    try:  # how many of ``order`` are taken; its lock is a POSIX semaphore, which a system may lack
        taken = multiprocessing.get_context("fork").Value("q", 0)
    except (OSError, ImportError) as exc:
        raise ShareFailed(f"no shared counter: {exc}") from None
    lock = taken.get_lock()

    def claimed():
        while True:
            if not lock.acquire(timeout=LOCK_WAIT):
                raise _Stuck
            try:
                position = taken.value
                taken.value = position + 1
            finally:
                lock.release()
            if position >= len(order):
                return
            yield order[position]

    children: list[tuple[int, int]] = []  # (pid, read end of its pipe)
    results: dict[int, Any] = {}
    received = 0
    problem = None
    try:
        for _ in range(1, workers):
            try:
                read_end, write_end = os.pipe()
            except OSError as exc:
                problem = f"no pipe: {exc.strerror or exc}"
                break
            try:
                pid = os.fork()
            except OSError as exc:
                os.close(read_end)
                os.close(write_end)
                problem = f"no process: {exc.strerror or exc}"
                break
            if pid == 0:  # the child: do its share, send it, and leave without cleaning up
                status = 1
                try:
                    os.close(read_end)
                    for _, other in children:  # the earlier children's pipes are not its own
                        os.close(other)
                    done = {index: there(index) for index in claimed()}
                    with os.fdopen(write_end, "wb") as pipe:
                        pickle.dump(done, pipe, protocol=pickle.HIGHEST_PROTOCOL)
                    status = 0
                finally:
                    os._exit(status)
            os.close(write_end)
            children.append((pid, read_end))
        if problem is None:  # (what ``here`` raises, this process's own error, is raised)
            mine = _Sized(claimed(), len(order) // workers)  # about how many this process will take
            try:
                for index in progress(mine, label) if progress else mine:
                    results[index] = here(index)
            except _Stuck:
                problem = "a process died holding the shared counter"
            for _pid, read_end in children:
                try:
                    with os.fdopen(os.dup(read_end), "rb") as pipe:
                        results.update(pickle.load(pipe))
                    received += 1
                except Exception as exc:  # a child that died mid-way leaves a truncated pickle
                    problem = f"a process sent nothing ({type(exc).__name__})"
                    break
    finally:
        # Children still working are not needed any more (this process failed, or a
        # sibling did): stop them rather than wait for their whole share.
        unfinished = problem is not None or received < len(children)
        for pid, read_end in children:
            os.close(read_end)  # (a child still writing to its pipe gets EPIPE, and ends)
            if unfinished and stop:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            try:
                status = os.waitpid(pid, 0)[1]
            except ChildProcessError:  # already reaped (SIGCHLD ignored by whoever runs us)
                continue
            if status != 0 and problem is None and not unfinished:
                problem = f"a process ended with status {os.waitstatus_to_exitcode(status)}"
    if problem is None and len(results) != len(order):
        problem = f"{len(order) - len(results)} item(s) were not done"
    if problem is not None:
        raise ShareFailed(problem)
    return results
