"""Errors an editor sees: one line each, naming the file and what is wrong."""

from __future__ import annotations


class ParseError(ValueError):
    """A raw file is not an article of the family; the message says why."""


class ArchiveError(Exception):
    """One problem with one file of the archive, shown as ``PATH: message``."""

    def __init__(self, path: str, message: str, line: int | None = None):
        self.path = str(path)
        self.message = message
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class ArchiveErrors(Exception):
    """Every problem found in one run, reported together."""

    def __init__(self, errors: list[ArchiveError]):
        self.errors = sorted(errors, key=lambda e: (e.path, e.line or 0, e.message))
        super().__init__("\n".join(map(str, self.errors)))
