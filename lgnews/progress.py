"""Progress bars for long runs on a terminal; silent when output is not a terminal (CI)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import TypeVar

T = TypeVar("T")
MIN_ITEMS = 200  # below this a run is quick enough not to need a bar


def progress_for(stream, quiet: bool = False) -> Callable[[Iterable[T], str], Iterable[T]]:
    interactive = not quiet and hasattr(stream, "isatty") and stream.isatty()

    def wrap(items: Iterable[T], label: str) -> Iterable[T]:
        if not interactive or len(items) < MIN_ITEMS:  # type: ignore[arg-type]
            return items
        return _bar()(items, desc=label, unit="file", leave=False, file=stream)

    return wrap


@cache
def _bar():
    """tqdm without its monitor thread (which tqdm starts with the first bar and keeps
    after it): the generator forks processes to parse and render only when no other
    thread runs, so the thread would make every run on a terminal use one core."""
    from tqdm import tqdm

    class Bar(tqdm):
        monitor_interval = 0

    return Bar
