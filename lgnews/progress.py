"""Progress bars for long runs on a terminal; silent when output is not a terminal (CI)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")
MIN_ITEMS = 200  # below this a run is quick enough not to need a bar


def progress_for(stream, quiet: bool = False) -> Callable[[Iterable[T], str], Iterable[T]]:
    interactive = not quiet and hasattr(stream, "isatty") and stream.isatty()

    def wrap(items: Iterable[T], label: str) -> Iterable[T]:
        if not interactive or len(items) < MIN_ITEMS:  # type: ignore[arg-type]
            return items
        from tqdm import tqdm

        return tqdm(items, desc=label, unit="file", leave=False, file=stream)

    return wrap
