"""Errors an editor sees: one line each, naming the file and what is wrong."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .chars import BIDI, CONTROLS

_UNSHOWABLE_RE = re.compile(f"[{CONTROLS}\n\r\u2028\u2029{BIDI}]")

VALUE_ERRORS = (ValueError, TypeError, OverflowError, LookupError, AttributeError)
"""What PyYAML raises, not as one of its own errors, for a value it parsed but cannot make:
a date that does not exist ('2022-02-30', where a loader reads dates), a value that is not
what its tag says ('!!int 0xZZ', '!!float abc', '!!bool maybe', '!!timestamp abc', an
empty '!!int'). Caught around a load only: what PyYAML's constructors raise."""


NOT_AN_ADDRESS = ("is not an address a browser can open: check it (a full-width ／, ？, ： or 。 typed for / ? : . "
                  "makes it invalid)")
"""Said of a link or a source's address that urllib cannot read ('http://www.gov.cn／zwgk'), or
that holds the full-width form of one of an address's marks ('https：//', 'a？b=1')."""

FULL_WIDTH_MARKS_RE = re.compile("(?<=[A-Za-z0-9/.])[／？：。＃＆＝＠]")
"""What a Chinese input method types in place of / ? : . # & = @, after a Latin letter, a
digit, '/' or '.': in an address, a slip that makes a broken link ('https：//' even reads as
a page of the site, 'example.com/a？b=1' as a path). After a Chinese word it is the word's
own (a Chinese Wikipedia title's '：', a question's '？'), and stays."""


def not_an_address(address: str) -> bool:
    """Whether ``address`` (a link, a source's URL) is a slip no browser opens as meant."""
    if FULL_WIDTH_MARKS_RE.search(address):
        return True
    try:
        _ = urlsplit(address).port  # reading the port checks the host and the port
    except ValueError:  # 'http://[x', a port that is no number
        return True
    return False


def one_line(text: str) -> str:
    """``text`` as one line a terminal shows as it is: a line end, an escape sequence or a
    control of the direction of text, from a file's name or content, is written as Python
    writes it in a string (\\n, \\x1b, \\u202e) instead of being obeyed."""
    if text.isprintable():
        return text
    return _UNSHOWABLE_RE.sub(lambda m: repr(m.group())[1:-1], text)


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
        message = self.message if len(self.message) < LONG_QUOTE else _LONG_QUOTE_RE.sub(_cut, self.message)
        return one_line(f"{where}: {message}")


class DraftError(ArchiveError):
    """The problem of an article still being written: what `make new-article` put in it is
    still there, or its text is not yet written. The preview sets such an article aside, with
    a warning, rather than stop showing every other change; a build refuses it."""


LONG_QUOTE = 300
_LONG_QUOTE_RE = re.compile(rf"(?<!\w)(?:'[^'\n]{{{LONG_QUOTE},}}'|\"[^\"\n]{{{LONG_QUOTE},}}\")(?!\w)")
"""A value quoted whole in a message: 'tags: [[[[...' of 10,000 characters made a line of 10 KB.
Only quotation marks that stand apart from words: the apostrophe of "district's" or "article's"
ends no quotation."""


def _cut(m: re.Match) -> str:
    quoted = m.group()
    return f"{quoted[:80]}…{quoted[0]} ({len(quoted) - 2:,} characters)"


class ArchiveErrors(Exception):
    """Every problem found in one run, reported together."""

    def __init__(self, errors: list[ArchiveError], drafts: list[ArchiveError] = ()):
        self.errors = sorted(errors, key=lambda e: (e.path, e.line or 0, e.message))
        self.drafts = list(drafts)  # the preview's articles still being written: no problem of the run
        super().__init__("\n".join(map(str, self.errors)))
