"""Long runs show their progress on a terminal and stay quiet otherwise (as in CI): the
progress bars of ingesting and generating hundreds of articles, seen through a real
pseudo-terminal and through a pipe."""

from __future__ import annotations

import fcntl
import io
import json
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import textwrap
from pathlib import Path

from lgnews import bench, progress
from lgnews.write import clean

from .conftest import run

N = 260  # over progress.MIN_ITEMS articles, so that every stage is long enough for a bar


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_bar_on_a_terminal_and_nothing_elsewhere():
    items = list(range(progress.MIN_ITEMS + 50))
    terminal = _Terminal()
    assert list(progress.progress_for(terminal)(items, "Rendering pages")) == items
    assert "Rendering pages" in terminal.getvalue() and f"/{len(items)}" in terminal.getvalue()

    for stream, quiet in ((io.StringIO(), False), (_Terminal(), True)):  # not a terminal; --quiet
        assert progress.progress_for(stream, quiet)(items, "Rendering pages") is items
        assert stream.getvalue() == ""
    few = items[: progress.MIN_ITEMS - 1]  # a short run needs no bar
    assert progress.progress_for(terminal)(few, "Writing pages") is few


def test_a_bar_leaves_no_thread_behind():
    """The generator parses and renders in forked processes only from a process with no
    other thread: a bar's monitor thread (tqdm starts one by default, and it outlives the
    bar) would make every run on a terminal parse and render on one core. Checked in a
    fresh interpreter, where no earlier bar has left one."""
    code = textwrap.dedent(f"""\
        import io, threading
        from lgnews import progress

        class Terminal(io.StringIO):
            def isatty(self):
                return True

        counts = [threading.active_count()]
        for n, _ in enumerate(progress.progress_for(Terminal())(list(range({progress.MIN_ITEMS + 50})), "Parsing")):
            if n == 10:
                counts.append(threading.active_count())
        counts.append(threading.active_count())
        print(counts)
        """)
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env=_environment()).stdout
    counts = json.loads(shown)
    assert len(counts) == 3 and counts == [counts[0]] * 3, f"threads before, during and after a bar: {counts}"


def _in_terminal(cmd: list[str], cwd: Path) -> tuple[int, str]:
    """Run ``cmd`` with its output on a pseudo-terminal; its exit status and what it showed."""
    main, secondary = pty.openpty()
    # A terminal 120 columns wide (a new pseudo-terminal has no size, and a bar 0 columns
    # wide shows nothing).
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = {**_environment(), "NO_MKDOCS_2_WARNING": "1", "TERM": "xterm"}
    proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=secondary, stderr=secondary, env=env)
    os.close(secondary)
    shown = bytearray()
    try:
        while True:
            ready, _, _ = select.select([main], [], [], 120)
            if not ready:
                raise AssertionError(f"{cmd} showed nothing for two minutes")
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the terminal closed: the process has ended
                break
            if not chunk:
                break
            shown += chunk
    except BaseException:
        proc.kill()
        raise
    finally:
        os.close(main)
    return proc.wait(), shown.decode("utf-8", "replace")


def _environment() -> dict[str, str]:
    """This environment without tqdm's own settings (TQDM_DISABLE would hide every bar)."""
    return {k: v for k, v in os.environ.items() if not k.startswith("TQDM_")}


def _synthesized(folder: Path, seed: int) -> list[str]:
    folder.mkdir()
    paths = []
    for item in bench.synthesize(N, seed=seed):
        (folder / item.name).write_bytes(item.data)
        paths.append(str(folder / item.name))
    return paths


def test_ingest_and_build_show_progress_on_a_terminal_only(project):
    status, shown = _in_terminal([sys.executable, "scripts/ingest.py", *_synthesized(project / "in-a", 1)], project)
    assert status == 0, shown
    assert "Ingesting" in shown and f"/{N}" in shown, shown

    piped = run([sys.executable, "scripts/ingest.py", *_synthesized(project / "in-b", 2)], project)
    assert "Ingesting" not in piped.stdout + piped.stderr and "\r" not in piped.stdout + piped.stderr

    status, shown = _in_terminal([sys.executable, "scripts/build.py"], project)
    assert status == 0, shown
    for bar in ("Parsing articles", "Writing pages"):
        assert bar in shown, f"no {bar!r} bar:\n{shown[-2000:]}"
    assert f"build: {2 * N + 1} article(s)" in shown.rstrip().splitlines()[-1]  # the summary still ends the run

    clean(project / "docs")
    piped = run([sys.executable, "scripts/build.py", "--no-cache"], project)
    output = piped.stdout + piped.stderr
    assert "Parsing articles" not in output and "Writing pages" not in output and "\r" not in output, output
    assert f"build: {2 * N + 1} article(s)" in output
