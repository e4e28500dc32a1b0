"""Typed records of the archive, validated at the door.

Each ``load_*`` function takes the parsed YAML of one file and returns records, or raises
``ArchiveErrors`` listing every problem of that file, each naming the field (and the line
when it is known), what is wrong and how to fix it."""

from __future__ import annotations

import collections.abc
import difflib
import os
import re
import stat
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from .chars import HAN
from .errors import NOT_AN_ADDRESS, VALUE_ERRORS, ArchiveError, ArchiveErrors, DraftError, not_an_address, one_line
from .parse import ABBREVIATIONS, HAN_RE, MAX_SUMMARY, MAX_TITLE, MONTH_ABBREVIATIONS, ROLE_ORDER, without_controls

try:  # libyaml is in PyYAML's wheels; fall back to the pure-Python loader elsewhere.
    _Base = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Base = yaml.SafeLoader


_RESOLVER = yaml.resolver.Resolver()  # _Loader's: no resolver is added to it
_resolved: dict = {}  # (kind, value, implicit) -> tag: the same values recur in every file


_NUMBERS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


def _resolve(kind, value, implicit) -> str:
    """The tag YAML gives a node, remembered; but no value of the archive's files is a
    number, so what YAML 1.1 would read as one stays the text it is: a title '12:30' (which
    it reads as 750, minutes in base 60), '0123' (83, in octal), '0x1F' or '.inf', a year
    '2012' ('2012', as it is written: a date field reads it as a year)."""
    key = (kind, value, implicit)
    tag = _resolved.get(key)
    if tag is None:
        tag = _RESOLVER.resolve(kind, value, implicit)
        if tag in _NUMBERS:
            tag = "tag:yaml.org,2002:str"
        if len(_resolved) < 100_000:
            _resolved[key] = tag
    return tag


class DuplicateKeyError(yaml.constructor.ConstructorError):
    """A key written twice in one mapping: YAML would silently keep the last value. Its
    ``problem`` is the key; ``first_line``, YAML's number of the line where it is first."""

    first_line = 0


class _Loader(_Base):
    """An impossible date (2022-02-30) stays text, for the field check to report; a key
    written twice is an error (PyYAML would keep the last value without a word)."""

    def resolve(self, kind, value, implicit):
        return _resolve(kind, value, implicit)

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            first: dict = {}
            for key_node, _ in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.tag not in _SPECIAL_KEYS:
                    seen = first.setdefault((key_node.tag, key_node.value), key_node)
                    if seen is not key_node:
                        error = DuplicateKeyError(None, None, key_node.value, key_node.start_mark)
                        error.first_line = seen.start_mark.line + 1
                        raise error
        return super().construct_mapping(node, deep)


def _timestamp(loader, node):
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)

_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_SPECIAL_KEYS = ("tag:yaml.org,2002:merge", "tag:yaml.org,2002:value")
_SCALARS = {f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "timestamp")}


class _Unusual(Exception):
    """Something the quick construction leaves to PyYAML's own."""


def _load(text: str) -> Any:
    """``yaml.load(text, Loader=_Loader)``, four times faster for the files ingest writes
    (see ``_simple_block``) and a third faster for the rest: the document is composed by
    libyaml as there, but built by a direct walk for what archive files hold (mappings,
    lists, text and the plain scalars), each value made by PyYAML's own constructor for
    its tag. Anything else (other tags, merge keys, recursive or unhashable keys) and any
    error are handed to ``yaml.load``, so results and messages are exactly its own."""
    try:
        return _simple_block(text)
    except _Unusual:
        pass
    loader = _Loader(text)
    try:
        node = loader.get_single_node()  # syntax errors are raised here, as in yaml.load
        if node is None:
            return None
        try:
            return _construct(node, loader, {}, set())
        except Exception:  # _Unusual, or an error PyYAML will report its own way
            pass
    finally:
        loader.dispose()
    return yaml.load(text, Loader=_Loader)


# ------------------------------------------------- the block YAML that ingest writes, read directly
#
# ``yaml.safe_dump`` writes meta.yml as one line per key or list item: ``key: value``,
# ``key:`` then a nested block, ``- value``, ``- key: value``, with ``[]`` for an empty
# list. Read line by line, such a file loads four times faster than through libyaml (whose
# nodes and marks are Python objects). Anything else (a value folded over several lines,
# a block scalar, flow collections, anchors, tags, escapes, tabs, keys that are not plain
# words, plain values that YAML reads as numbers or times) raises _Unusual and goes the
# general way, and so does every error: what is read here is exactly what PyYAML reads.

_BOOLS = yaml.constructor.SafeConstructor.bool_values
_NOT_SIMPLE = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
"""Characters left to PyYAML: tabs, carriage returns, YAML's other line breaks (\x85,
\u2028, \u2029), the byte order mark and what it refuses as unprintable."""
_KEY_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?: +(.*))?\Z", re.S)
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def _simple_block(text: str) -> Any:
    if _NOT_SIMPLE.search(text):
        raise _Unusual
    lines: list[tuple[int, str]] = []
    for line in text.split("\n"):
        content = line.lstrip(" ")
        if not content or content[0] == "#":
            continue  # blank, or a comment (no value here spans lines)
        if line[-1] == " ":
            raise _Unusual
        lines.append((len(line) - len(content), content))
    if not lines:
        return None
    value, end = _simple_node(lines, 0, lines[0][0])
    if end != len(lines):  # a line no block could take: more indented than its own, or less than the first
        raise _Unusual
    return value


def _is_item(content: str) -> bool:
    return content[0] == "-" and (len(content) == 1 or content[1] == " ")


def _simple_node(lines: list[tuple[int, str]], i: int, indent: int) -> tuple[Any, int]:
    """The mapping or list whose first line is ``lines[i]``, at ``indent``; and the index
    of the first line after it."""
    if _is_item(lines[i][1]):
        return _simple_list(lines, i, indent)
    return _simple_mapping(lines, i, indent)


def _simple_list(lines: list[tuple[int, str]], i: int, indent: int) -> tuple[list, int]:
    items: list = []
    while i < len(lines) and lines[i][0] == indent and _is_item(lines[i][1]):
        content = lines[i][1]
        rest = content[1:].lstrip(" ")
        if not rest:  # '-' alone: the item is the block below it, or null
            if i + 1 < len(lines) and lines[i + 1][0] > indent:
                value, i = _simple_node(lines, i + 1, lines[i + 1][0])
            else:
                value, i = None, i + 1
        elif _KEY_LINE.match(rest):  # '- key: ...': a mapping whose keys line up with this one
            column = indent + len(content) - len(rest)
            lines[i] = (column, rest)
            value, i = _simple_mapping(lines, i, column)
        else:
            value, i = _simple_scalar(rest), i + 1
        items.append(value)
    return items, i


def _simple_mapping(lines: list[tuple[int, str]], i: int, indent: int) -> tuple[dict, int]:
    mapping: dict = {}
    while i < len(lines) and lines[i][0] == indent:
        match = _KEY_LINE.match(lines[i][1])
        if match is None:
            raise _Unusual
        key, rest = match.groups()
        if _plain_tag(key) != _STR or key in mapping:
            raise _Unusual  # yes, on, null... as keys (YAML reads them as other things); a key twice
        i += 1
        if rest:
            value = _simple_scalar(rest)
        elif i < len(lines) and (lines[i][0] > indent or (lines[i][0] == indent and _is_item(lines[i][1]))):
            value, i = _simple_node(lines, i, lines[i][0])
        else:
            value = None
        mapping[key] = value
    return mapping, i


_plain_tags: dict[str, str] = {}  # a plain scalar's tag, by its text (keys and values recur in every file)


def _plain_tag(value: str) -> str:
    tag = _plain_tags.get(value)
    if tag is None:
        tag = _resolve(yaml.ScalarNode, value, (True, False))
        if len(_plain_tags) < 100_000:
            _plain_tags[value] = tag
    return tag


def _simple_scalar(value: str) -> Any:
    first = value[0]
    if first == "'":
        inner = value[1:-1]
        if len(value) < 2 or value[-1] != "'" or "'" in inner.replace("''", ""):
            raise _Unusual
        return inner.replace("''", "'")
    if first == '"':
        inner = value[1:-1]
        if len(value) < 2 or value[-1] != '"' or '"' in inner or "\\" in inner:
            raise _Unusual
        return inner
    if first in "-?:,[]{}#&*!|>%@`":
        if value == "[]":
            return []
        if value == "{}":
            return {}
        raise _Unusual
    if ": " in value or " #" in value or value[-1] == ":":
        raise _Unusual
    tag = _plain_tag(value)
    if tag == _STR:
        return value
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return _BOOLS[value.lower()]
    if tag == "tag:yaml.org,2002:timestamp" and _DAY.match(value):
        try:  # as _timestamp: an impossible day stays text
            return date(int(value[:4]), int(value[5:7]), int(value[8:10]))
        except ValueError:
            return value
    raise _Unusual  # numbers, times: PyYAML's own constructors


def _construct(node: yaml.Node, loader: yaml.Loader, done: dict[int, Any], open_nodes: set[int]) -> Any:
    key = id(node)
    if key in done:  # an alias: the same object, as PyYAML gives
        return done[key]
    tag, kind = node.tag, type(node)
    if tag == _STR and kind is yaml.ScalarNode:
        value = node.value
    elif tag == _MAP and kind is yaml.MappingNode:
        if key in open_nodes:
            raise _Unusual
        open_nodes.add(key)
        value = {}
        for key_node, value_node in node.value:
            if key_node.tag in _SPECIAL_KEYS:
                raise _Unusual
            item = _construct(key_node, loader, done, open_nodes)
            if not isinstance(item, collections.abc.Hashable) or item in value:
                raise _Unusual
            value[item] = _construct(value_node, loader, done, open_nodes)
        open_nodes.discard(key)
    elif tag == _SEQ and kind is yaml.SequenceNode:
        if key in open_nodes:
            raise _Unusual
        open_nodes.add(key)
        value = [_construct(item, loader, done, open_nodes) for item in node.value]
        open_nodes.discard(key)
    elif tag in _SCALARS and kind is yaml.ScalarNode:
        value = loader.yaml_constructors[tag](loader, node)
    else:
        raise _Unusual
    done[key] = value
    return value


# Matched whole (fullmatch): "$" lets a newline at the end through, and a slug so written made
# a folder whose name ends in one, and links that led nowhere.
SHA256_RE = re.compile(r"[0-9a-f]{64}")
URL_RE = re.compile(r"https?://[^\s<>\"']+")
SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_SLUG = 80
"""The longest slug: a page's folder is named after it, and a file system refuses a name
of more than 255 bytes (those made from terms and names are cut here too)."""


def slug_problem(value: Any) -> str | None:
    """What is wrong with ``value`` as a slug an editor wrote, or None."""
    if not isinstance(value, str) or not SLUG_RE.fullmatch(value):
        return f"{value!r} is not a slug; use lowercase letters, digits and hyphens"
    if len(value) > MAX_SLUG:
        return f"'{value[:20]}…' is {len(value)} characters long, more than the {MAX_SLUG} a page's address can have"
    return None
INVOLVEMENT = ("presiding", "attending", "speaking", "inspecting", "mentioned")
CATEGORIES = (
    "slogan", "campaign", "policy", "institution", "event", "meeting", "responsibility-system", "other",
)
CONFIDENCE = ("high", "medium", "low")


# --------------------------------------------------------------------------- YAML


def read_file(path: str | Path) -> bytes | None:
    """The bytes of the archive's file ``path``, None if there is none; a folder, a named
    pipe or a device (which would make the build wait for ever) or an unreadable file in its
    place is the editor's problem, in a line. Opened without waiting (a pipe with no writer
    would block the open itself), then read only if it is a regular file."""
    try:
        fd = os.open(path, os.O_RDONLY | _OPEN_NOW | _NO_LINK)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if _NO_LINK and os.path.islink(path):
            raise ArchiveErrors([ArchiveError(Path(path), LINK)]) from None
        raise ArchiveErrors([ArchiveError(Path(path), f"cannot be read ({exc.strerror or exc})")]) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise ArchiveErrors([ArchiveError(Path(path), "is a folder, not a file: put the file in its place")])
        if not stat.S_ISREG(mode):
            raise ArchiveErrors([ArchiveError(Path(path), NOT_A_FILE)])
        with os.fdopen(fd, "rb") as fh:
            fd = -1  # closed with ``fh``
            return fh.read()
    except OSError as exc:
        raise ArchiveErrors([ArchiveError(Path(path), f"cannot be read ({exc.strerror or exc})")]) from None
    finally:
        if fd >= 0:
            os.close(fd)


_OPEN_NOW = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
# The archive holds its files themselves: a symbolic link in it would publish whatever it
# points to (a file outside the repository), and git keeps the link, not the file.
_NO_LINK = getattr(os, "O_NOFOLLOW", 0)
LINK = ("is a symbolic link, not a file: the archive keeps its files themselves (git would keep only the link): put "
        "the file itself in its place")
FOLDER_LINK = ("is a symbolic link to a folder, not a folder: the archive keeps its articles themselves (git would keep "
               "only the link): move the folder itself here, or delete the link if it is left from a move")
STRAY_LINK = ("is a symbolic link, which leads to no folder: articles/ holds one folder per article: delete the link")
NOT_A_FILE = ("is not a regular file but a special one (a named pipe, a device), which the build would wait on "
              "for ever: put the file itself in its place")


NOT_UTF8 = "not UTF-8 text; save the file as UTF-8"
TOO_DEEP = ("invalid YAML: lists or fields are nested hundreds of levels deep, one inside another; no field of the "
            "archive holds more than a few levels: check the indentation")


def decode_text(path: Path, data: bytes) -> str:
    """The bytes of a UTF-8 text file as ``path.read_text(encoding="utf-8-sig")`` reads
    them: without the byte order mark Windows editors put first, and any line ending
    becomes \\n."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ArchiveErrors([ArchiveError(path, NOT_UTF8)]) from None
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def read_yaml(path: Path, text: str | None = None) -> Any:
    """Load one YAML file; a syntax error, a key written twice or a text value cut short by
    a comment becomes an ArchiveError with its line."""
    if text is None:
        data = read_file(path)
        if data is None:
            raise ArchiveErrors([ArchiveError(path, "missing")])
        text = decode_text(path, data)
    try:
        data = _load(text)
    except RecursionError:  # read by functions that call themselves for each level (PyYAML's too)
        raise ArchiveErrors([ArchiveError(path, TOO_DEEP)]) from None
    except VALUE_ERRORS as exc:  # '!!int 0xZZ' (an impossible date is kept as text here)
        row, said = unreadable_value(text, exc, _Loader)
        raise ArchiveErrors([ArchiveError(path, f"invalid YAML: {said}",
                                          line=file_lines(text)(row + 1) if row is not None else None)]) from None
    except DuplicateKeyError as exc:
        line = file_lines(text)
        if _dash_forgotten(text, exc.problem_mark):
            raise ArchiveErrors([ArchiveError(path, f"'{exc.problem}' is written twice in one entry (first on line "
                                                    f"{line(exc.first_line)}): if a new entry starts on this line or "
                                                    "a few above it, begin its first line with '- ' as the others "
                                                    "begin; if not, keep one of the two",
                                              line=line(exc.problem_mark.line + 1))]) from None
        raise ArchiveErrors([ArchiveError(path, f"'{exc.problem}' is written twice (first on line "
                                                f"{line(exc.first_line)}); keep one of them, with every value it "
                                                "needs", line=line(exc.problem_mark.line + 1))]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        line = file_lines(text)(mark.line + 1) if mark else None
        wide = full_width_colon(text, mark.line if mark else None)
        if wide is not None:  # YAML read the line as a name without a value, and gave up further down
            row, said = wide
            raise ArchiveErrors([ArchiveError(path, f"invalid YAML: {said}", line=file_lines(text)(row + 1))]) from None
        # Where YAML gives up is not always where the mistake is: for these two it is on
        # the line where what it was reading started.
        started = getattr(exc, "context_mark", None)
        context = getattr(exc, "context", None)
        if started is not None and context == "while scanning a quoted scalar":
            unclosed = file_lines(text)(started.line + 1)
        else:  # a line whose quotation mark another one, further down, closed: if closing it mends the file
            unclosed = _unclosed_quote(text, line)
            if unclosed is not None and not _parses(_with_quote_closed(text, unclosed)):
                unclosed = None
        if unclosed is not None:  # YAML read on to the next quotation mark, or to the end
            raise ArchiveErrors([ArchiveError(path, "invalid YAML: a quotation mark opened on this line is never "
                                                    "closed: close it (a quotation mark inside the value is "
                                                    "doubled, '' in single quotes, or written \\\" in double ones)",
                                              line=unclosed)]) from None
        if started is not None and context == "while scanning a simple key" and "':'" in problem:
            raise ArchiveErrors([ArchiveError(path, "invalid YAML: this line has no ':' after its name: write "
                                                    "'name: value' (a value holding ': ' goes in quotation marks)",
                                              line=file_lines(text)(started.line + 1))]) from None
        bracket = unclosed_bracket(text, exc)
        if bracket is not None:
            opened, closing, row = bracket
            raise ArchiveErrors([ArchiveError(path, f"invalid YAML: the '{opened}' opened on this line is never "
                                                    f"closed: end it with '{closing}' (a value holding a comma or "
                                                    "a bracket goes in quotation marks)",
                                              line=file_lines(text)(row + 1))]) from None
        outdented = _outdented_field(text, line)
        if outdented is not None:  # the mistake is a few lines above where YAML gives up
            raise ArchiveErrors([ArchiveError(path, outdented[1], line=outdented[0])]) from None
        pasted = _entry_too_far_in(text, line)
        if pasted is not None:  # before the hints, which take its first line for something else
            raise ArchiveErrors([ArchiveError(path, f"invalid YAML: {pasted[1]}", line=pasted[0])]) from None
        hint = yaml_hint(text, problem, line)
        misaligned = _misaligned(text, line) if hint == GENERIC_HINT else None
        if misaligned is not None:  # where YAML gives up is not where the line out of place is
            raise ArchiveErrors([ArchiveError(path, f"invalid YAML: {misaligned[1]}", line=misaligned[0])]) from None
        raise ArchiveErrors([ArchiveError(path, f"invalid YAML: {problem}; {hint}", line=line)]) from None
    if ("&" in text or "*" in text) and _ANCHOR_START.search(text):
        marked = _anchored_values(text)
        if marked:
            raise ArchiveErrors([ArchiveError(path, message, line=line) for line, message in marked])
    if _COMMENT_AFTER.search(text):
        cut = [ArchiveError(path, f"the value {value!r} is followed by ' #', which YAML reads as the start of a "
                                  "comment: the rest of the line is dropped. Put the whole value in quotes if the "
                                  "'#' belongs to it, or move the comment to a line of its own", line=line)
               for line, value in _text_cut_by_comment(text)]
        if cut:
            raise ArchiveErrors(cut)
    return data


_QUOTED_VALUE_RE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s:#"'][^:#]*:\s+)?(["'])(.*)$""")


_FLOW = {"while parsing a flow sequence": ("[", "]"), "while parsing a flow mapping": ("{", "}")}
"""What YAML says it was reading when a list written on one line ('aliases: [A, B') is not
closed, and its brackets: it gives up on a later line, where the mistake is not."""


_FULL_WIDTH_COLON_RE = re.compile(r"[ \t]*(?:-[ \t]+)?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*：")


def full_width_colon(text: str, row: int | None) -> tuple[int, str] | None:
    """Where a field is written with a full-width colon ('source：Liuyang Daily', typed with
    a Chinese input method) at YAML's error (``row``, from 0) or up to three lines above it:
    its line (from 0) and what to say of it; None if there is none. (The archive's files and
    mkdocs.yml.)"""
    if row is None or "：" not in text:
        return None
    lines = text.splitlines()
    for at in range(min(row, len(lines) - 1), max(row - 3, 0) - 1, -1):
        m = _FULL_WIDTH_COLON_RE.match(lines[at])
        if m:
            name = m.group(1)
            return at, (f"the colon after '{name}' is the full-width '：' of a Chinese input method: write ':' and a "
                        f"space ('{name}: ...')")
    return None


def unreadable_value(text: str, exc: Exception, loader=None) -> tuple[int | None, str]:
    """For ``exc``, one of VALUE_ERRORS raised while ``loader`` (PyYAML's safe loader by
    default) read ``text``: the line (from 0) of the first value it cannot make, if one is
    found, and what to say of it. The text's nodes are composed (which never makes a value)
    and each scalar is made alone, in the file's order: the first that fails is the one."""
    loader_class = loader or getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        composer = loader_class(text)
        try:
            found = _unmade_scalar(composer, composer.get_single_node(), text)
        finally:
            composer.dispose()
    except Exception:  # noqa: BLE001 - a text YAML cannot compose: nothing more to say than the error
        found = None
    if found is None:
        return None, f"a value cannot be read ({one_line(str(exc))})"
    node, written = found
    if written.startswith("!!"):
        tag = written.split()[0]
        return node.start_mark.line, (f"'{written}' is not what its '{tag}' says: correct the value, or leave out "
                                      f"the '{tag}'")
    if node.tag == "tag:yaml.org,2002:timestamp":
        return node.start_mark.line, (f"'{written}' is not a date that exists: correct it, or put it in quotation "
                                      "marks to keep it as it is written")
    return node.start_mark.line, f"'{written}' cannot be read ({one_line(str(exc))})"


def _written_at(text: str, node) -> str:
    """A scalar as its line writes it, from where its node starts (its tag, if it has one:
    '!!int 0xZZ') to the end of the line or a comment; its value if that is not found. (The
    C loader's marks have a line and a column only.)"""
    lines = _YAML_BREAKS.split(text.replace("\r\n", "\n").replace("\r", "\n"))  # as YAML counts lines
    start, end = node.start_mark, node.end_mark
    if start.line < len(lines):
        written = lines[start.line][start.column:] if end.line > start.line else \
            lines[start.line][start.column:end.column]
        written = re.sub(r"^&\S+\s+", "", re.split(r"\s#", written, maxsplit=1)[0]).strip()  # (an anchor)
        if written:
            return written
    return " ".join(str(node.value).split())


def _unmade_scalar(loader, root, text: str) -> tuple[Any, str] | None:
    """The first scalar node under ``root`` (keys too, in the file's order) that ``loader``
    cannot make, with the value as the file writes it (its tag too); None if every one is
    made."""
    stack = [root] if root is not None else []
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:  # an alias: the same node again
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            try:
                loader.construct_object(node, deep=True)
            except VALUE_ERRORS:
                return node, _written_at(text, node)
            except Exception:  # noqa: BLE001 - not the error looked for
                pass
        elif isinstance(node, yaml.MappingNode):
            stack.extend(reversed([n for pair in node.value for n in pair]))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
    return None


def unclosed_bracket(text: str, exc: yaml.YAMLError) -> tuple[str, str, int] | None:
    """When YAML's error ``exc`` in ``text`` comes of a '[' or '{' never closed on its line:
    the bracket, its closing one and the line it opened on (YAML's count, from 0); else None.
    (For the archive's files and for mkdocs.yml.)"""
    started, context = getattr(exc, "context_mark", None), getattr(exc, "context", None)
    if started is None or context not in _FLOW or not _left_open(text, started, *_FLOW[context]):
        return None
    return (*_FLOW[context], started.line)


def _left_open(text: str, mark, opened: str, closing: str) -> bool:
    """Whether the '[' (or '{') YAML was reading from ``mark`` has no closing bracket on its
    line: not a quotation mark or a comma astray inside a list that is closed."""
    line = text.split("\n")[mark.line]
    return line[mark.column:].startswith(opened) and closing not in line[mark.column:]


def _dash_forgotten(text: str, mark) -> bool:
    """Whether the key written twice at ``mark`` is the first of a list's new entry whose
    '- ' was forgotten (its fields then joined the entry above): with '- ' in place of the
    two spaces before it, the file reads, or stops only at a key written twice further down."""
    lines = text.split("\n")
    row, column = mark.line, mark.column
    if column < 2 or lines[row][column - 2 : column] != "  ":
        return False
    lines[row] = lines[row][: column - 2] + "- " + lines[row][column:]
    try:
        _load("\n".join(lines))
    except DuplicateKeyError as exc:  # the same slip further down (a dash forgotten twice), or another
        return exc.problem_mark.line > row
    except (yaml.YAMLError, RecursionError, *VALUE_ERRORS):  # (a probe: any other failure is no)
        return False
    return True


def _with_quote_closed(text: str, line: int) -> str:
    lines = text.split("\n")
    quote = _QUOTED_VALUE_RE.match(lines[line - 1]).group(1)
    lines[line - 1] = lines[line - 1].rstrip() + quote
    return "\n".join(lines)


def _parses(text: str) -> bool:
    try:
        _load(text)
    except (yaml.YAMLError, RecursionError, *VALUE_ERRORS):
        return False
    return True


def _unclosed_quote(text: str, line: int | None) -> int | None:
    """The first line before ``line`` whose value opens a quotation mark it does not close
    (YAML allows a quoted value over several lines, which neither ingest nor the guide
    writes: when reading fails, such a line is the likely mistake)."""
    if not line:
        return None
    for number, content in enumerate(text.split("\n")[:line], start=1):
        m = _QUOTED_VALUE_RE.match(content)
        if m is None:
            continue
        quote, rest = m.groups()
        rest = rest.replace("\\\\", "").replace('\\"', "") if quote == '"' else rest.replace("''", "")
        if quote not in rest:
            return number
    return None


def _outdented_field(text: str, line: int | None) -> tuple[int, str] | None:
    """(its line, the message) when YAML fails at ``line`` below a field moved to the margin,
    out of the list or mapping it belongs to: a credit role out of ``credits:``
    ('editor_in_chief:' then '  reviewer:'), a person's 'roles:' or 'involvement:' out of
    ``people:``, an annotation's 'note:' out of ``annotations:``."""
    if not line:
        return None
    lines = text.split("\n")
    if line > len(lines) or not (lines[line - 1][:1].isspace() or lines[line - 1].startswith("-")):
        return None
    for number in range(line - 1, 0, -1):
        candidate = lines[number - 1]
        if not candidate.strip() or candidate.lstrip().startswith("#") or candidate[:1].isspace():
            continue
        key = candidate.split(":", 1)[0].strip()
        if key in ROLE_ORDER and candidate.rstrip().endswith(":"):
            return number, OUTDENTED_ROLE.format(key)
        return (number, OUTDENTED[key]) if key in OUTDENTED and ":" in candidate else None
    return None


OUTDENTED_ROLE = ("'{}:' starts at the margin, which ends 'credits:', while the lines after it are still indented: "
                  "indent it like the other credit roles")
OUTDENTED = {
    **{key: f"'{key}:' starts at the margin, which ends 'people:': indent it two spaces, like the other fields of "
            "its person (under its '- name:')" for key in ("roles", "involvement")},
    **{key: f"'{key}:' starts at the margin, which ends 'annotations:': indent it two spaces, like the other "
            "field of its note (under its '- phrase:')" for key in ("phrase", "note")},
}
"""What to say of a field of a person or an annotation written at the margin of meta.yml."""


_VALUE_START = re.compile(r"""[ \t]*(?:- +)?(?:[A-Za-z_][\w-]*: +)?(?=[\[\]{}&*!|>@`%"'])(.*?)[ \t]*\Z""")
"""A line whose value (of a key, or a list item) starts with a character YAML gives a meaning."""
_INDICATOR_MEANING = {"[": "the start of a list", "{": "the start of a mapping", '"': "a quoted part",
                      "'": "a quoted part"}


def _quoted(value: str) -> str:
    """``value`` in quotes that YAML reads as exactly that text: the kind it does not hold."""
    if '"' in value and "'" not in value:
        return f"'{value}'"
    if "'" in value and '"' not in value:
        return f'"{value}"'
    return yaml.safe_dump(value, allow_unicode=True, width=10_000).split("\n...")[0].strip()


def _indicator_hint(lines: list[str], line: int | None) -> str | None:
    """The fix when the value on ``line`` starts with a character YAML reads as syntax
    ('[Video] Changsha meeting', '"River chief" system announced', '*Urgent*')."""
    if not line or line > len(lines):
        return None
    m = _VALUE_START.match(lines[line - 1])
    # (Nor a list or a mapping written whole on its line, "roles: []", "[deputy head]": the
    # slip is elsewhere, an indentation most often; quoting it made it text: a review.)
    if m is None or (m.group(1)[:1] in "\"'[{" and _closes(m.group(1))):
        return None
    value = m.group(1)
    meaning = _INDICATOR_MEANING.get(value[0], "something other than text")
    start = "a quotation mark" if value[0] in "\"'" else f"'{value[0]}'"
    return f"the value starts with {start}, which YAML reads as {meaning}: put the whole value in quotes: {_quoted(value)}"


_COLON_IN_VALUE = re.compile(r"(?P<key>[ \t]*(?:- +)?[A-Za-z_][\w-]*): +(?P<value>[^\s\"'#][^#]*?: .*)\Z")
"""A field whose value goes on with ': ' ('title: Changsha: a meeting')."""


def _closes(value: str) -> bool:
    """Whether a value that opens a quotation mark is that quoted text and nothing more."""
    try:
        return isinstance(yaml.safe_load("x: " + value), dict)
    except (yaml.YAMLError, RecursionError, *VALUE_ERRORS):
        return False


_YAML_BREAKS = re.compile("[\n\x85\u2028\u2029]")
"""What ends a line for YAML, whose marks count lines so: a value copied from a web page may
hold a line separator (U+2028) or a next line (U+0085), which a text editor does not show."""


def file_lines(text: str):
    """A function from YAML's number of a line of ``text`` (1-based) to the file's, as a text
    editor numbers lines: at newlines only. The same number unless the text holds a break
    that only YAML sees (U+2028, U+2029, U+0085)."""
    if text.isascii() or not any(c in text for c in "\x85\u2028\u2029"):
        return _same
    numbers = [1]  # the file's number of each of YAML's lines
    for m in _YAML_BREAKS.finditer(text):
        numbers.append(numbers[-1] + (m.group() == "\n"))
    return lambda line: numbers[min(line, len(numbers)) - 1]


def _same(line: int) -> int:
    return line
_ANCHOR_START = re.compile(r"(?m)^[ \t]*(?:- +)?(?:[A-Za-z_][\w-]*: +)?[&*]")
"""A value that may start with an anchor or an alias, which YAML silently takes away."""


def _anchored_values(text: str) -> list[tuple[int, str]]:
    """(line, what to tell the editor) for each line with a YAML anchor or alias: a value
    that starts with one ('&Changsha meeting' is read 'meeting', '*Urgent' repeats another
    value) is to be quoted; anchors and aliases written as such (a list marked '&a' and
    repeated as '*a') are to be written out, as every file of the archive is. One line each,
    however many times the file repeats what it marks."""
    lines, number = _YAML_BREAKS.split(text), file_lines(text)
    found: dict[int, str] = {}
    for event in yaml.parse(text, Loader=_Loader):
        anchor = getattr(event, "anchor", None)
        line = event.start_mark.line
        if anchor is None or line in found:
            continue
        m = _VALUE_START.match(lines[line])
        written = m.group(1) if m else ""
        alias = isinstance(event, yaml.AliasEvent)
        if written[:1] in ("&", "*") and (alias or isinstance(event, yaml.ScalarEvent)):
            kept = "a repeat of another value" if alias else repr(event.value)
            found[line] = (f"the value {written!r} starts with '{written[0]}', which YAML does not read as text "
                           f"(it kept {kept}): put the whole value in quotes: {_quoted(written)}")
        else:
            what = (f"'*{anchor}' is a YAML alias, which repeats a value marked elsewhere in the file" if alias
                    else f"'&{anchor}' is a YAML anchor, which marks a value for repeating elsewhere in the file")
            found[line] = f"{what}: write each value out in full (a text that starts with '&' or '*' goes in quotes)"
    return [(number(line + 1), message) for line, message in sorted(found.items())]


def yaml_hint(text: str, problem: str, line: int | None) -> str:
    """How to fix the YAML error ``problem`` reported at ``line`` (1-based) of ``text``."""
    lines = text.split("\n")
    if line and line <= len(lines) and "\t" in lines[line - 1] and not lines[line - 1].strip():
        return "this line looks blank, but holds a tab, which YAML does not allow: delete the line, tab and all"
    if "\t" in problem or (line and line <= len(lines) and "\t" in lines[line - 1]):
        if line and line <= len(lines) and re.match(r"[ ]*-\t", lines[line - 1]):  # '-<tab>value'
            return "a tab after the '-' of a list's item: YAML takes only spaces there; write '- ' and the value"
        return "a tab cannot indent YAML: use spaces (two per level)"
    empty = _under_empty(lines, line)
    if empty:
        return empty
    deeper = _indented_too_far(lines, line)
    if deeper:
        return deeper
    bare = _bare_item_with_fields(lines, line)
    if bare:
        return bare
    indicator = _indicator_hint(lines, line)
    if indicator:
        return indicator
    colon = _COLON_IN_VALUE.match(lines[line - 1]) if line and line <= len(lines) else None
    if colon and problem.startswith("mapping values are not allowed"):
        return (f"the value holds ': ', which YAML reads as the start of another field: put the whole value in "
                f"quotes: {colon['key'].strip()}: {_quoted(colon['value'].rstrip())}")
    return GENERIC_HINT


GENERIC_HINT = "check indentation and quote values containing ':' or '#'"


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


_FIELD_KEY_LINE = re.compile(r" *[a-z_][a-z0-9_]*:(?: |$)")
_ITEM_OF_FIELDS = re.compile(r" *- +[a-z_][a-z0-9_]*:(?: |$)")
"""A line that starts with a field's name as the archive writes them (in lowercase)."""


def _misaligned(text: str, line: int | None) -> tuple[int, str] | None:
    """(its line, the message) when one line near ``line``, where YAML gave up, is indented
    unlike its neighbours and the file reads once it is lined up with one of them: an alias
    moved to the margin ('- "main flood period"' under '  aliases:'), a field one space too
    far in or out. YAML's own words ("did not find expected key") say neither which line nor
    what to do."""
    lines = text.split("\n")
    if not line or line > len(lines):
        return None
    for number in range(line, max(line - 3, 0), -1):
        here = lines[number - 1]
        if not here.strip() or here.lstrip().startswith("#"):
            continue
        if not (here.lstrip(" ").startswith("- ") or _FIELD_KEY_LINE.match(here)):
            continue  # text wrapped onto a line of its own ('Note: see ...'), not a field out of place
        above = _line_above(lines, number)
        below = next((t for t in lines[number:] if t.strip() and not t.lstrip().startswith("#")), None)
        tried = {_indent(here)}
        for neighbour, where in ((above, "above"), (below, "below")):
            if neighbour is None:
                continue
            # A field of a list's item lines up with the first field after its '- ', the
            # item with the item before it.
            item = _ITEM_OF_FIELDS.match(neighbour) is not None  # ('- deputy head' is an item of text: no fields)
            for wanted in ((_indent(neighbour) + 2, _indent(neighbour)) if item else (_indent(neighbour),)):
                if wanted in tried:
                    continue
                tried.add(wanted)
                fixed = lines[:number - 1] + [" " * wanted + here.lstrip(" ")] + lines[number:]
                if _parses("\n".join(fixed)):
                    like = "the field after the '- ' on the line" if wanted != _indent(neighbour) else "the line"
                    return number, (f"this line is indented {_indent(here)} space(s), unlike the lines around it: "
                                    f"indent it {wanted} spaces, like {like} {where} it, {neighbour.strip()!r}")
    return None


def _entry_too_far_in(text: str, line: int | None) -> tuple[int, str] | None:
    """(its first line, the message) when a new entry of a list was pasted further in than
    the entry before it ('  - id: ...' under '- id: ...'), and the file reads once the whole
    entry is moved out. YAML gave up on one of its lines or the next, and the hints took it
    for one line out of place ('indent it 2 spaces, like ... terms:', which made it an item
    of the entry above) or for the items of an empty list ('sources: []')."""
    lines = text.split("\n")
    if not line or line > len(lines):
        return None
    for number in range(min(line, len(lines)), max(line - 3, 0), -1):
        here = lines[number - 1]
        if not _ITEM_OF_FIELDS.match(here):
            continue
        indent = _indent(here)
        # The entry before it: the last one above that starts further out, with the same field.
        before = next((t for t in reversed(lines[:number - 1]) if _ITEM_OF_FIELDS.match(t) and _indent(t) < indent),
                      None)
        if before is None or before.lstrip(" -").split(":", 1)[0] != here.lstrip(" -").split(":", 1)[0]:
            continue
        shift = indent - _indent(before)
        # The entry (its first line and those further in than it), else the entries pasted
        # with it (and those as far in as it).
        for deeper in (indent + 1, indent):
            end = number
            while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) >= deeper):
                end += 1
            while end > number and not lines[end - 1].strip():
                end -= 1
            moved = [t[shift:] if t.strip() else t for t in lines[number - 1:end]]
            if _parses("\n".join(lines[:number - 1] + moved + lines[end:])):
                which = f"lines {number} to {end}" if end > number else "its line"
                if deeper > indent or sum(1 for t in moved if t.startswith(" " * (indent - shift) + "- ")) == 1:
                    return number, (f"this entry is indented {shift} space(s) further in than the entry before it, "
                                     f"{before.strip()!r}: move the whole entry ({which}) {shift} space(s) to the left")
                return number, (f"the entries from this line on are indented {shift} space(s) further in than the "
                                f"entry before them, {before.strip()!r}: move them ({which}) {shift} space(s) to "
                                "the left")
    return None


def _line_above(lines: list[str], line: int) -> str | None:
    """The last line before ``line`` (1-based) that holds more than a comment."""
    return next((t for t in reversed(lines[:line - 1]) if t.strip() and not t.lstrip().startswith("#")), None)


_BARE_ITEM = re.compile(r"( *)- +([^\s:#'\"&*\[{|>!%@`-](?:[^:\s]|[ \t]+(?=[^\s#:]))*)\s*(?:#.*)?$")
"""A list's item that is a plain value ('- Liu Chihui'), a comment after it or not (a '#'
with no space before it is part of the value, as YAML reads it)."""
_MAPPING_ITEM = re.compile(r" *- +([^\s:#'\"][^:#]*?):(?: |$)")
_FIELD_NAME = re.compile(r" *(?:- +)?([^\s:#'\"][^:#]*?):(?: |$)")
_FIELD_ALONE = re.compile(r" *(?:- +)?[^\s#][^:#]*:\s*(?:#.*)?$")
"""A field with no value on its line: the items of its list follow ('aliases:')."""
_LIST_FIELDS = {"people": ("name",), "annotations": ("phrase", "note"), "sources": ("url", "title")}
"""The fields an item of the archive's lists of that name may be written without: the record's
own, which a plain value stands for, where the list's other items do not show them."""
_NAMING_FIELDS = ("id", "name", "term", "slug", "phrase", "url", "title")
"""Of several fields an item lacks, the one that names it, in this order."""
_DATE_LIKE = re.compile(r"['\"]?[0-9]{4}(?:-[0-9]{1,2}){0,2}['\"]?")


def _bare_item_with_fields(lines: list[str], line: int | None) -> str | None:
    """The fix when a list's item just above ``line`` is a plain value with fields indented
    under it, where the list's items are records: '- Liu Chihui' over '  roles: []' among
    '- name: …' items, a name written without its 'name:'. YAML stops at the next ':' or '[',
    and the hint for those ('put the whole value in quotes') led the editor astray (a review of
    the docs). The field is the one the item lacks (``_missing_field``). Not in a list of plain
    values (tags, aliases), nor one of one-field mappings (mkdocs.yml's extensions). Where the
    fields under it are the record's above, which a field with no value ends ('  aliases:'),
    it is an item of that field's list, at the margin, which ``_misaligned`` tells to move
    (reviews of this hint)."""
    if not line or line > len(lines):
        return None
    for number in range(line - 1, max(line - 5, 0), -1):  # (1-based) the lines above
        item = _BARE_ITEM.match(lines[number - 1])
        if item is None:
            continue
        column, value = len(item.group(1)), item.group(2)
        below = _record_fields(lines, number, column, 1)
        if not below:
            return None
        above = _line_above(lines, number) or ""
        if _FIELD_ALONE.match(above) and _indent(above) + len(above.lstrip()) - len(above.lstrip().lstrip("- ")) > column:
            if not set(below) & set(_record_fields(lines, number - 2, column, -1)):
                # (The record above has none of them: the fields go on with it.) Not the hint for
                # a value that starts with '[' either ('local_aliases: []' under it), but the one
                # for a line out of place (``_misaligned``), which follows the generic hint.
                return GENERIC_HINT
        key = _missing_field(lines, number - 1, column, value, below)
        if key is None:
            return None
        return (f"'{value}' on line {number} is a list's item written as a plain value, with fields under it "
                f"('{below[0]}:'): write it as a field, like the list's other items: '- {key}: {value}'")
    return None


def _record_fields(lines: list[str], start: int, column: int, step: int) -> list[str]:
    """The names of the fields of a record of a list at ``column``: from ``lines[start]``
    down (``step`` 1: those under an item) or up (-1: those of the record above, with the
    field after its '- '), to its end."""
    fields, inner = [], None
    k = start
    while 0 <= k < len(lines):
        text = lines[k]
        if text.strip() and not text.lstrip().startswith("#"):
            indent = _indent(text)
            if indent <= column:
                if step == -1 and indent == column and (m := _MAPPING_ITEM.match(text)):
                    fields.append(m.group(1))
                break
            inner = indent if inner is None else inner
            if indent == inner and (m := _FIELD_NAME.match(text)):
                fields.append(m.group(1))
        k += step
    return fields


def _missing_field(lines: list[str], at: int, column: int, value: str, below: list[str]) -> str | None:
    """The field the item ``lines[at]``, the plain ``value`` with the fields ``below`` under
    it, lacks: of the fields every other item of its list has, the one not under it. Where
    several are not, a date goes to 'date' and only a date does, then the one that names the
    record (``_NAMING_FIELDS``). The other items are read only if they are records (of two
    fields or more, or one with its value), and at least two if a plain value is among them; else the fields come from
    the list's name (``_LIST_FIELDS``). None where no one field is found. The list ends at a
    line indented less than ``column`` spaces, or as much but not an item (the field that
    holds the list)."""
    records: list[list[str]] = []
    bare, holder = False, ""
    for step in (-1, 1):
        k = at + step
        while 0 <= k < len(lines):
            text = lines[k]
            if text.strip() and not text.lstrip().startswith("#"):
                if _indent(text) < column or (_indent(text) == column and not text.lstrip().startswith("-")):
                    holder = text if step == -1 else holder
                    break
                if _indent(text) == column:
                    m = _MAPPING_ITEM.match(text)
                    if m:
                        fields = [m.group(1), *_record_fields(lines, k + 1, column, 1)]
                        # (One field with its value is a record too: '- name: Li Hua' in people.yml;
                        # one with none, what is under it its value: mkdocs.yml's '- toc:')
                        records.append(fields if len(fields) > 1 or text[m.end():].strip() else [])
                    else:
                        bare = True
            k += step
    m = re.fullmatch(r"\s*(?:- +)?([a-z_]+):\s*", holder)
    known = _LIST_FIELDS.get(m.group(1), ()) if m else ()
    choices = []
    if records and all(records) and (not bare or len(records) >= 2):
        choices.append([f for f in records[0] if all(f in r for r in records[1:])])
    if known and all(r and r[0] in known for r in records):  # (then, or else, the list's own fields)
        choices.append(list(known))
    for common in choices:
        missing = [f for f in common if f not in below]
        if "date" in missing:
            if _DATE_LIKE.fullmatch(value):
                return "date"
            missing.remove("date")
        if len(missing) == 1:
            return missing[0]
        named = next((f for f in _NAMING_FIELDS if f in missing), None)
        if named:
            return named
    return None


def _under_empty(lines: list[str], line: int | None) -> str | None:
    """The fix when ``line`` gives items or fields to a value the line before says is empty:
    'annotations: []' or 'credits: {}' (as ingest writes them) with the editor's additions
    below."""
    if not line or line > len(lines):
        return None
    before = _line_above(lines, line)
    if before is None:
        return None
    here = lines[line - 1]
    deeper = len(here) - len(here.lstrip(" ")) > len(before) - len(before.lstrip(" "))
    if before.rstrip().endswith("[]") and (deeper or here.lstrip().startswith("-")):
        return (f"the line before says the list is empty ({before.strip()!r}): remove the '[]' "
                "to give the list its items")
    if before.rstrip().endswith("{}") and deeper:
        return (f"the line before says the mapping is empty ({before.strip()!r}): remove the '{{}}' "
                "to give it its fields")
    return None


_FIELD_LINE = re.compile(r"( *)(- +)?[A-Za-z_][\w-]*:(?: +(\S.*))?$")
_FIELD_NAME_LINE = re.compile(r" *[a-z_]+:(?: |$)")
"""A line that starts as the archive's fields do (all lowercase): 'Note: ...' further in
is more likely text wrapped onto a second line than a field."""


def _indented_too_far(lines: list[str], line: int | None) -> str | None:
    """The fix when the field on ``line`` is indented further than the field above it, which
    has its value on its own line ('   roles: []' under '- name: Chen Lijun'): YAML takes
    it for more of that value, and then stops at its ':'."""
    if not line or line > len(lines) or not _FIELD_NAME_LINE.match(lines[line - 1]):
        return None
    above = _line_above(lines, line)
    m = _FIELD_LINE.match(above.rstrip()) if above else None
    if m is None or not m.group(3):
        return None
    column = len(m.group(1)) + len(m.group(2) or "")
    indent = len(lines[line - 1]) - len(lines[line - 1].lstrip(" "))
    if indent <= column:
        return None
    return (f"this line is indented further ({indent} spaces) than the field above it, {above.strip()!r}, which has "
            f"its value: indent it {column} spaces, like that field (if the line goes on with that value instead, "
            "put the whole value in quotes)")


_COMMENT_AFTER = re.compile(r"\S[ \t]+#")
"""A '#' after a value on its line: a comment, which may have cut a text value short."""


def _text_cut_by_comment(text: str) -> list[tuple[int, str]]:
    """(line, value) of every unquoted text value that a comment follows on its line. In
    ``summary: Plan #2 for the flood season`` YAML reads 'Plan' and drops the rest; a date,
    a number or a list followed by a comment keeps its value and is left alone."""
    node = yaml.compose(text, Loader=_Loader)
    lines, number = _YAML_BREAKS.split(text), file_lines(text)
    found = []
    stack = [node] if node is not None else []
    while stack:
        n = stack.pop()
        if isinstance(n, yaml.MappingNode):
            stack.extend(value for _, value in n.value)
        elif isinstance(n, yaml.SequenceNode):
            stack.extend(n.value)
        elif isinstance(n, yaml.ScalarNode) and not n.style and n.tag == _STR:  # plain: None, or "" from libyaml
            end = n.end_mark
            if end.line < len(lines) and lines[end.line][end.column:].lstrip(" \t").startswith("#"):
                found.append((number(end.line + 1), n.value))
    return sorted(found)


def _described(value: Any) -> str:
    """What YAML read, in an editor's words ('found the text 'floods'', not 'found str')."""
    if isinstance(value, str):
        shown = " ".join(value.split())
        return f"the text {shown[:60] + '…' if len(shown) > 60 else shown!r}"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a truth value)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, date):
        return f"the date {value.isoformat()}"
    if isinstance(value, list):
        return "a list (lines starting with '- ')"
    if isinstance(value, dict):
        return "fields ('name: value' lines)"
    return "nothing" if value is None else "something else"


def key_lines(path: Path, text: str | None = None) -> dict[tuple, int]:
    """Map each key path (("people", 0, "name")) to its 1-based line; used only for errors."""
    lines: dict[tuple, int] = {}
    try:
        text = text if text is not None else path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=_Loader)
    except (yaml.YAMLError, OSError, UnicodeDecodeError):
        return lines
    number = file_lines(text)

    def walk(n: Any, prefix: tuple) -> None:
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                key = prefix + (k.value,)
                lines[key] = number(k.start_mark.line + 1)
                walk(v, key)
        elif isinstance(n, yaml.SequenceNode):
            for i, v in enumerate(n.value):
                lines[prefix + (i,)] = number(v.start_mark.line + 1)
                walk(v, prefix + (i,))

    if node is not None:
        walk(node, ())
    return lines


class Checker:
    """Collects the problems of one file; each names the field and the fix."""

    def __init__(self, path: Path, text: str | None = None):
        self.path = path
        self.yaml_text = text
        self.errors: list[tuple[tuple, str]] = []
        self._drafts: set[int] = set()  # which of ``errors`` are those of an article still being written
        # Of a list ``text_list`` left an empty item out of: the index in the file of each
        # item it returned, so that a problem found later with item k is said where it is.
        self._positions: dict[tuple, list[int]] = {}

    def _in_file(self, where: tuple) -> tuple:
        positions = self._positions.get(where[:-1]) if where and isinstance(where[-1], int) else None
        return where[:-1] + (positions[where[-1]],) if positions and where[-1] < len(positions) else where

    def error(self, where: tuple, message: str) -> None:
        self.errors.append((self._in_file(where), message))

    def draft_error(self, where: tuple, message: str) -> None:
        """A problem of an article still being written (``DraftError``): what `make new-article`
        put in it, left as it was."""
        self._drafts.add(len(self.errors))
        self.error(where, message)

    def reported(self, where: tuple) -> bool:
        """Whether a problem was already recorded for exactly this field."""
        where = self._in_file(where)
        return any(place == where for place, _ in self.errors)

    def raise_if_any(self) -> None:
        if not self.errors:
            return
        lines = key_lines(self.path, self.yaml_text)
        out = []
        for n_error, (where, message) in enumerate(self.errors):
            line = None
            for n in range(len(where), 0, -1):
                if where[:n] in lines:
                    line = lines[where[:n]]
                    break
            label = ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in where).replace(".[", "[")
            kind = DraftError if n_error in self._drafts else ArchiveError
            out.append(kind(self.path, f"{label}: {message}" if label else message, line))
        raise ArchiveErrors(out)

    # Field helpers: each returns the cleaned value, or None after recording an error.

    def mapping(self, data: Any, where: tuple, allowed: dict[str, bool], what: str,
                misplaced: dict[str, str] | None = None, listed: list[str] | None = None) -> dict | None:
        """``misplaced``: for a field that belongs elsewhere, how to move it (said instead of
        'unknown field'); ``listed``: the fields a message names (default: all allowed)."""
        if not isinstance(data, dict):
            first = next(iter(allowed))
            fix = (f": write it as fields, one a line, starting with '{first}: {' '.join(data.split())}'"
                   if isinstance(data, str) and data.strip() and allowed[first] else "")
            self.error(where, f"expected a mapping of fields ({', '.join(allowed)}) for {what}, "
                              f"found {_described(data)}{fix}")
            return None
        for key in data:
            if key is None or isinstance(key, (bool, date)):  # '~:', 'yes:', '2022-05-01:' (figures stay text: _Loader)
                how = ("has no name before its ':' (YAML reads '~' and 'null' as none)" if key is None else
                       f"is named {_described(key)}, as YAML reads it (yes, no, on, off and dates are not text)")
                self.error(where, f"a field of {what} {how}: name it as one of the allowed fields, "
                                  f"{', '.join(listed or allowed)}")
                continue
            if misplaced and key not in allowed and key in misplaced:
                self.error(where + (key,), misplaced[key])
            elif key not in allowed:
                hint = difflib.get_close_matches(str(key), listed or list(allowed), n=1)
                if isinstance(key, str) and " " in key.strip():
                    # No field's name has a space: a value went on to a second line, and a
                    # ': ' in it made that line look like a field of its own.
                    meant = f" (or, if it is the field '{hint[0]}', write its name alone before the ':')" if hint else ""
                    self.error(where + (key,), "this line is not a field (no field's name has a space): if it "
                                               "goes on from the value of the line above, write that whole "
                                               f"value on one line, in quotation marks{meant}")
                    continue
                suggestion = f"; did you mean '{hint[0]}'?" if hint else ""
                self.error(where + (key,), f"unknown field '{key}' in {what}; "
                                           f"allowed fields are {', '.join(listed or allowed)}{suggestion}")
        for key, required in allowed.items():
            if required and (key not in data or data[key] in (None, "")):
                self.error(where + (key,), f"missing required field '{key}' in {what}")
        return data

    def text(self, value: Any, where: tuple, *, required: bool = False, single_line: bool = True) -> str | None:
        if value is None or value == "":
            if required and not self.reported(where):  # a missing field is said once
                self.error(where, "is empty; write some text")
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, bool):  # YAML reads yes, no, on, off, true and false so
            self.error(where, f"expected text, found {str(value).lower()} (YAML reads yes, no, on, off, true and "
                              "false as a truth value): put the text in quotation marks")
            return None
        if not isinstance(value, str):
            # ("title: [Video]": a value in brackets is a list too, which was not said: a review)
            found = ("a list (lines starting with '- ', or a value in brackets, [like this]): if it is text, put "
                     "the whole value in quotation marks" if isinstance(value, list) else _described(value))
            self.error(where, f"expected text, found {found}")
            return None
        value = without_controls(value).strip()
        if single_line and ("  " in value or not value.isprintable()):
            value = " ".join(value.split())  # any run of whitespace (Unicode too) as one space
        if not value:  # blanks only ("   "): as empty, said if required, and never "" for a value
            return self.text(None, where, required=required)
        return value

    def text_list(self, value: Any, where: tuple) -> list[str]:
        """The items that are text (an empty one is said and left out); a problem said later
        of the k-th of them is said of its place in the file."""
        if value is None:
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.error(where, f"expected a list of text, found {_described(value)}")
            return []
        out, positions = [], []
        for i, item in enumerate(value):
            cleaned = self.text(item, where + (i,), required=True)
            if cleaned:
                out.append(cleaned)
                positions.append(i)
        if len(positions) < len(value):
            self._positions[where] = positions
        return out

    def day(self, value: Any, where: tuple) -> date | None:
        """A day (None when missing, which the caller's check of required fields says)."""
        if value is None or value == "":
            return None
        if isinstance(value, datetime):  # YAML reads "2022-04-30 10:15:00" as a time of day
            self.error(where, f"{value.isoformat(' ')} is a day and a time; write the day alone: {value.date()}")
            return None
        day, problem = read_day(value)
        if problem:
            self.error(where, problem)
        return day

    def partial_date(self, value: Any, where: tuple) -> tuple[str, str] | None:
        """A date at day, month or year precision: returns (iso text, precision). None when
        missing, which the caller's check of required fields says (once)."""
        if value is None or value == "":
            return None
        if isinstance(value, datetime):
            self.error(where, f"{value.isoformat(' ')} is a day and a time; write the day alone: {value.date()}")
            return None
        if isinstance(value, date):
            value = value.isoformat()
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        wide = wide_figures_problem(value, r"[0-9]{4}(?:-[0-9]{2}){0,2}", "YYYY-MM-DD, YYYY-MM or YYYY",
                                    lambda text: _calendar_ok((text + "-01-01")[:10]) and _timeline_year(text))
        if wide:
            self.error(where, wide)
            return None
        if isinstance(value, str):
            value = value.strip()
            for precision, pattern in (("year", r"[0-9]{4}"), ("month", r"[0-9]{4}-[0-9]{2}"),
                                       ("day", r"[0-9]{4}-[0-9]{2}-[0-9]{2}")):
                if re.fullmatch(pattern, value):
                    day = (value + "-01-01")[:10] if precision != "day" else value
                    try:
                        date.fromisoformat(day)
                    except ValueError:
                        reason = no_such_day(day, "the date")
                        if precision == "month":
                            reason = reason.split(";")[0] + "; check the month"
                        self.error(where, f"{value} is not a {'day' if precision == 'day' else 'month'} of the "
                                          f"calendar: {reason}")
                        return None
                    year = int(value[:4])
                    if not _timeline_year(value):
                        self.error(where, f"{value}: the year {year} is not a year of the timeline; "
                                          "check the year")
                        return None
                    return value, precision
        self.error(where, f"{value!r} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY (quoted), e.g. \"2020-04\"")
        return None

    def url(self, value: Any, where: tuple, *, required: bool = False) -> str | None:
        text = self.text(value, where, required=required)
        # (A slip first: 'https：//www.gov.cn' is no web address either, but the slip is what to mend.)
        if text is not None and not_an_address(text):  # 'http://www.gov.cn／zwgk', 'https://a.cn/a？b=1'
            self.error(where, f"{text!r} {NOT_AN_ADDRESS}")
            return None
        if text is not None and not URL_RE.fullmatch(text):
            self.error(where, f"{text!r} is not a web address; write a full http:// or https:// URL")
            return None
        return text

    def chinese(self, value: Any, where: tuple) -> str | None:
        """A ``zh:`` field: text holding at least one Chinese character (an English phrase
        there was shown to readers as the Chinese term, marked as Chinese)."""
        text = self.text(value, where)
        if text is not None and not HAN_RE.search(text):
            self.error(where, f"{text!r} holds no Chinese character: write the name in Chinese characters "
                              "(as 区安委会), or leave 'zh' out while it is not known")
            return None
        return text

    def pinyin(self, value: Any, where: tuple) -> str | None:
        """A ``pinyin:`` field: Latin letters, no Chinese character (the characters pasted in
        it were shown as the pinyin, marked as Latin: an editor's review)."""
        text = self.text(value, where)
        if text is not None and HAN_RE.search(text):
            self.error(where, f"{text!r} holds Chinese characters: write the characters in 'zh', and here their "
                              "sound in Latin letters with tone marks (as 'qū ānwěihuì')")
            return None
        return text

    def choice(self, value: Any, where: tuple, choices: tuple[str, ...], *, default: str | None = None) -> str | None:
        if value is None:
            if default is None:
                self.error(where, f"missing; choose one of {', '.join(choices)}")
            return default
        if value not in choices:
            self.error(where, f"{value!r} is not allowed; choose one of {', '.join(choices)}")
            return default
        return value

    def boolean(self, value: Any, where: tuple, default: bool) -> bool:
        if value is None:
            return default
        if not isinstance(value, bool):
            if isinstance(value, str) and value.strip().lower() in {"true", "false", "yes", "no"}:
                self.error(where, f"expected true or false, found the text {value!r}: write true or false "
                                  "without quotation marks")
            else:
                self.error(where, f"expected true or false, found {value!r}")
            return default
        return value

    def sources(self, value: Any, where: tuple) -> list[Source]:
        out: list[Source] = []
        if value is None:
            return out
        if not isinstance(value, list):
            self.error(where, "expected a list of sources, each '- url: https://...' with an optional 'title:'")
            return out
        for i, item in enumerate(value):
            if isinstance(item, str):
                item = {"url": item}
            item = self.mapping(item, where + (i,), {"url": True, "title": False}, "a source")
            if item is None:
                continue
            url = self.url(item.get("url"), where + (i, "url"), required=True)  # (blank: said, not dropped)
            if url in GUIDE_EXAMPLE_SOURCES:
                self.error(where + (i, "url"), f"'{url}' is the example of docs/editors.md: write the address of "
                                               "the page the facts come from, or 'sources: []' if there is none")
            elif url:
                out.append(Source(url, self.text(item.get("title"), where + (i, "title")) or url))
        return out


GUIDE_EXAMPLE_SOURCES = frozenset({"https://example.org/a-page-that-supports-the-definition",
                                   "https://example.org/source"})
"""The sources of the glossary entry and the event that docs/editors.md gives as examples:
copied as they are, they would be published as the facts' sources."""


GUIDE_EXAMPLE_MOVED = frozenset({"articles/2023-06-02-changsha-held-a-meeting-2/",
                                 "articles/2023-07-01-a-notice-retracted-by-its-source/"})
"""The old addresses of the entries of archive/moved.yml that docs/editors.md gives as
examples: copied as they are, a page saying it was withdrawn would be published."""


FIRST_YEAR = 1900
"""The earliest year of an article's dates (a typo such as 0203 for 2023 is refused)."""


SKELETON_EXAMPLES = {
    "source": "The media center that published the article",
    "source_url": "https://example.org/page-of-the-article",
    "original_url": "https://example.org/chinese-original",
    "summary": "One sentence describing the article for search engines, link previews and the feeds.",
}
"""The example values of the optional fields in the skeleton `make new-article` writes
(commented out there): uncommented but not edited, they would be published as the article's."""
SKELETON_PERSON = {"name": "Wang Lei", "roles": ["deputy head of the County"], "involvement": ["presiding"]}
SKELETON_CREDITS = {"reporter": ["Wang Lei"], "editor": ["Chen Jing"]}
"""The skeleton's example person and credits: a real-looking name, refused only as the
skeleton gives them, every field unchanged (a Wang Lei of the article's own is fine)."""
SKELETON_ANNOTATION = {"phrase": "words exactly as they appear in the text", "note": "what the words mean"}
SKELETON_DATE = "YYYY-MM-DD"
"""The skeleton's example annotation and the placeholder of its event date."""

SKELETON_COMMENTS = f"""\
# Optional fields: remove the "# " in front of the ones you use. See the editors' guide,
# "Write an article in Markdown" (docs/editors.md).
# When the reported event happened, such as 2022-04-28:
# event_date: {SKELETON_DATE}
# Only for a report of another outlet that you translated, not for an article of your own:
# source: {SKELETON_EXAMPLES["source"]}
# source_url: {SKELETON_EXAMPLES["source_url"]}
# original_url: {SKELETON_EXAMPLES["original_url"]}
# summary: {SKELETON_EXAMPLES["summary"]}
# credits:
#   reporter: [{", ".join(SKELETON_CREDITS["reporter"])}]
#   editor: [{", ".join(SKELETON_CREDITS["editor"])}]
# people:
#   - name: {SKELETON_PERSON["name"]}
#     roles: [{", ".join(SKELETON_PERSON["roles"])}]
#     involvement: [{", ".join(SKELETON_PERSON["involvement"])}]
# annotations:
#   - phrase: {SKELETON_ANNOTATION["phrase"]}
#     note: {SKELETON_ANNOTATION["note"]}
# machine_translated: true     # only if the text is a machine translation
tags: []                       # tags from archive/tags.yml, e.g. [meetings, hunan]
"""
"""The front matter `make new-article` writes below the title and date: the optional fields,
commented out, with what to do with them. Readers see an article's whole file as its source,
so the build refuses a file that still holds these comments (``skeleton_comment_lines``)."""

_SKELETON_COMMENTS = frozenset(line[i:].strip() for line in SKELETON_COMMENTS.splitlines()
                               for i, char in enumerate(line) if char == "#")
_LONGEST_COMMENT = max(len(c) for c in _SKELETON_COMMENTS) + 40  # (with the spaces after it)


def skeleton_comment_lines(front: str) -> list[int]:
    """The numbers of the lines of ``front`` (a front matter, its first line numbered 1) that
    hold a comment of the skeleton `make new-article` writes, as it wrote it: the end of the
    line, from a '#', is one of the skeleton's comments (only a line's last characters are
    looked at: no comment of the skeleton is longer)."""
    out = []
    for number, line in enumerate(front.split("\n"), start=1):
        if "#" not in line:
            continue
        tail = line[-_LONGEST_COMMENT:]
        if any(char == "#" and tail[i:].strip() in _SKELETON_COMMENTS for i, char in enumerate(tail)):
            out.append(number)
    return out


def _joined_items(c: Checker, where: tuple, name: str) -> bool:
    """Whether ``name`` is two names joined by ' - ' ("Chen Jing - Li Na"), said at ``where``:
    most often an item of a list indented one space further than the one above, which YAML
    reads as the rest of that one (a person of that name, with a page, and not a word: an
    editor's review). No name has a hyphen between spaces."""
    parts = [n.strip() for n in name.split(" - ")]
    if len(parts) > 1 and all(_ONE_NAME_RE.fullmatch(n) for n in parts):
        c.error(where, f"{name!r} reads as one name: give each name a '- ' item of its own (a line '- {parts[1]}' "
                       "indented further than the '- ' above it is read as the rest of that item: line the two up)")
        return True
    return False


def _check_name(c: Checker, where: tuple, name: str, advice: str = "") -> bool:
    """Whether ``name`` can be a person's: it has a letter or digit (else its page would be
    people/item/), and it is one name, not several in a line ('Li Yi, Chen Jing' would be a
    person, with a page); if not, the error is said at ``where``."""
    if not any(ch.isalnum() for ch in name):
        c.error(where, f"{name!r} is not a name: write the person's name{advice}")
        return False
    if _joined_items(c, where, name):
        return False
    names = [n.strip() for n in _SEVERAL_NAMES_RE.split(name)]
    if len(names) > 1 and all(_ONE_NAME_RE.fullmatch(n) for n in names):
        how = (f"write them as a list: {where[1]}: [{', '.join(names)}]" if where[0] == "credits"
               else "give each an entry of its own ('- name: ...')")
        c.error(where, f"{name!r} is several names in one: {how}")
        return False
    return True


_SEVERAL_NAMES_RE = re.compile(r"\s*(?:[,;，；、]|\s(?:and|&)\s)\s*")
"""What separates names written on one line: a comma, a semicolon (Chinese ones too), the
list comma 、, 'and' or '&'."""
_ONE_NAME_RE = re.compile(r"(?![a-z])[^\W\d_](?:[^\W\d_]|[ .'’-]){0,39}")
"""What each part must look like for a line to be taken for several names: letters (any
script), spaces, dots, hyphens and apostrophes, 40 at most, not starting in lower case;
anything else ('&lt;b&gt;', 'deputy director', a title with a number) is one odd name,
shown as written."""


TIMELINE_AHEAD = 50
"""How many years ahead of this one the timeline reaches: an event may be a plan's date."""


def wide_figures(text: str) -> str | None:
    """``text`` with its figures in ASCII when some are not ('２０２２-04-30', typed with a
    Chinese input method, or '٢٠٢٢'): Python's \\d and int() read them, date.fromisoformat does
    not, and the message said 'April 2022 has 30 days, not 30'. None when all are ASCII."""
    if text.isascii() or not any(c.isdigit() and not c.isascii() for c in text):
        return None
    import unicodedata

    return "".join(str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() else
                   "-" if c in "\uff0d\u2010\u2011\u2012\u2013\u2212" else c for c in text)


def wide_figures_problem(value: Any, shape: str, form: str, fine) -> str | None:
    """Why ``value``, a date of the ``shape`` (a regular expression) once its figures are
    ASCII, is refused when they are not; None if it is no such date. The date in ASCII is
    the advice only when ``fine`` takes it: '２０２２-02-30' is told to use the figures 0-9
    (in the ``form`` given), not to write '2022-02-30', which would be refused again."""
    ascii_figures = wide_figures(value.strip()) if isinstance(value, str) else None
    if not ascii_figures or not re.fullmatch(shape, ascii_figures):
        return None
    advice = repr(ascii_figures) if fine(ascii_figures) else f"it in the figures 0-9, as {form}"
    return f"{value.strip()!r} has full-width or other non-ASCII figures; write {advice}"


def _timeline_year(text: str) -> bool:
    """Whether the year of ``text`` (YYYY...) can be the timeline's. A typo (0203 or 2203 for
    2023) cannot: its years have four digits, and a plan may look decades ahead ("by 2035"),
    not centuries."""
    return 1000 <= int(text[:4]) <= date.today().year + TIMELINE_AHEAD


def _calendar_ok(day: str) -> bool:
    try:
        date.fromisoformat(day)
    except ValueError:
        return False
    return True


def read_day(value: Any, check: str = "the date in the source") -> tuple[date | None, str | None]:
    """The day ``value`` is (a date, or text written YYYY-MM-DD), or why it is none: (None,
    the message). ``check``: what to check when the day is not in the calendar."""
    wide = wide_figures_problem(value, r"[0-9]{4}-[0-9]{2}-[0-9]{2}", "YYYY-MM-DD",
                                lambda text: read_day(text, check)[0] is not None)
    if wide:
        return None, wide
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value.strip()):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            return None, f"{value.strip()} is not a day of the calendar: {no_such_day(value.strip(), check)}"
    if isinstance(value, date):
        problem = year_problem(value)
        return (None, f"{value.isoformat()}: {problem}; check the year") if problem else (value, None)
    return None, f"{value!r} is not a date; write it as YYYY-MM-DD, for example 2022-04-30"


def year_problem(value: date) -> str | None:
    """Why ``value`` cannot be an article's date (a year before FIRST_YEAR or after next
    year's: a typo), or None. Ingest and new_article refuse what the build would."""
    last = date.today().year + 1
    if not FIRST_YEAR <= value.year <= last:
        return f"the year {value.year} cannot be an article's (from {FIRST_YEAR} to {last})"
    return None


def no_such_day(text: str, check: str = "the date in the source") -> str:
    """Why YYYY-MM-DD ``text`` is no day: 'there is no month 13', 'February 2023 has 28 days'."""
    import calendar

    year, month, day = int(text[:4]), int(text[5:7]), int(text[8:10])
    if not 1 <= month <= 12:
        return f"there is no month {month}; check the month and the day"
    if year < 1:
        return "there is no year 0; check the year"
    days = calendar.monthrange(year, month)[1]
    return f"{calendar.month_name[month]} {year} has {days} days, not {day}; check {check}"


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Source:
    url: str
    title: str


@dataclass(frozen=True)
class PersonMention:
    name: str
    roles: tuple[str, ...] = ()
    involvement: tuple[str, ...] = ()


@dataclass(frozen=True)
class Annotation:
    phrase: str
    note: str


@dataclass
class ArticleMeta:
    title: str
    published: date
    event_date: date | None = None
    source: str | None = None
    source_url: str | None = None
    original_url: str | None = None
    machine_translated: bool = True
    credits: dict[str, list[str]] = field(default_factory=dict)
    people: list[PersonMention] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    summary: str | None = None
    sha256: str | None = None
    encoding: str | None = None

    @property
    def by_the_editors(self) -> bool:
        """Written in English by the archive's editors: no translation, and no file ingested
        (whose sha256 this is), whatever source it credits."""
        return not self.machine_translated and not self.sha256


INGEST_FIELDS = ("sha256", "encoding")
"""Fields ingest writes about the archived file: an article written in Markdown has none."""
META_FIELDS = {
    "title": True, "published": True, "event_date": False, "source": False, "source_url": False,
    "original_url": False, "machine_translated": False, "credits": False, "people": False,
    "annotations": False, "tags": False, "summary": False, "sha256": False, "encoding": False,
}


def _none_as_empty(value: Any, empty: list | dict) -> Any:
    """``empty`` for a field written with nothing ('people:'), '[]' or '{}'; anything else as
    it is, for the caller to check: 'people: 0' or 'credits: no' is a slip, not an empty list."""
    return empty if value is None or (isinstance(value, (list, dict)) and not value) else value


def load_meta(path: Path, data: Any, *, tags: set[str] | None = None, text: str | None = None,
              ingested: bool = False) -> ArticleMeta:
    """Validate the metadata of one article (meta.yml or an article.md front matter).

    ``ingested``: the meta.yml of an archived source.txt, whose sha256 the build checks the
    source against, so it must be there. Every field is checked before anything is raised:
    all of the file's problems are said at once, in the order of the checks below."""
    c = Checker(path, text)
    data = _meta_mapping(c, path, data)
    if data is None:
        c.raise_if_any()
    title, summary = _meta_title_and_summary(c, data)
    published, event_date = _meta_dates(c, data)
    raw_credits = _meta_collection(c, data, "credits", {}, "expected a mapping of role to names, e.g. "
                                                           "'reporter: [Li Yi]'")
    credits = _meta_credits(c, raw_credits)
    raw_people = _meta_collection(c, data, "people", [], "expected a list of people, each '- name: ...' with "
                                                         "optional 'roles:' and 'involvement:'")
    people = _meta_people(c, raw_people)
    annotations = _meta_annotations(c, _meta_collection(c, data, "annotations", [], "expected a list, each "
                                                        "'- phrase: <words of the text>' with 'note: <your note>'"))
    article_tags = _meta_tags(c, data, tags)
    sha = _meta_sha256(c, data, ingested)
    _skeleton_leftovers(c, data, raw_credits, raw_people)
    meta = ArticleMeta(
        title=title or "",
        published=published,
        event_date=event_date,
        source=c.text(data.get("source"), ("source",)),
        source_url=c.url(data.get("source_url"), ("source_url",)),
        original_url=c.url(data.get("original_url"), ("original_url",)),
        machine_translated=c.boolean(data.get("machine_translated"), ("machine_translated",), True),
        credits={role: credits[role] for role in ROLE_ORDER if role in credits},
        people=people,
        annotations=annotations,
        tags=article_tags,
        summary=summary,
        sha256=sha,
        encoding=c.text(data.get("encoding"), ("encoding",)),
    )
    c.raise_if_any()  # after every field is checked: all of the file's problems at once
    return meta


def _meta_mapping(c: Checker, path: Path, data: Any) -> dict | None:
    """The metadata as a mapping (of no fields if nothing is written), or None if it is not
    one (said). Unknown fields and missing required ones are said, a credit role written at
    the margin as one to indent under 'credits:'; the fields a message lists leave out, for
    an article.md, those ingest writes."""
    if data is None:
        data = {}
    return c.mapping(data, (), META_FIELDS, "article metadata", misplaced={
        **{role: f"'{role}' is a credit role: indent it under 'credits:', as in 'credits:' then '  {role}: [Name]'"
           for role in ROLE_ORDER}, **OUTDENTED}, listed=[f for f in META_FIELDS if path.name != "article.md" or f not in INGEST_FIELDS])


def _meta_title_and_summary(c: Checker, data: dict) -> tuple[str | None, str | None]:
    """The title (required) and the summary as one line of text each, neither longer than
    the site shows whole (a title is copied into <title>, previews, the feeds and every list)."""
    title = c.text(data.get("title"), ("title",), required=True)
    summary = c.text(data.get("summary"), ("summary",))
    for field_name, value, most in (("title", title, MAX_TITLE), ("summary", summary, MAX_SUMMARY)):
        if value and len(value) > most:  # copied into <title>, previews and the feeds (and every list, a title)
            c.error((field_name,), f"is {len(value):,} characters long, more than the {most:,} a {field_name} may "
                                   "have: shorten it")
    return title, summary


def _meta_dates(c: Checker, data: dict) -> tuple[date | None, date | None]:
    """The dates of publication and of the event, the event's not after the publication."""
    published = c.day(data.get("published"), ("published",))  # missing: reported by mapping()
    if data.get("event_date") == SKELETON_DATE:
        c.draft_error(("event_date",), f"is still the placeholder of `make new-article`'s skeleton ({SKELETON_DATE!r}): "
                                       "write the date of the event the article reports, such as 2022-04-28, or put "
                                       "the '# ' back in front of the line")
        event_date = None
    else:
        event_date = c.day(data.get("event_date"), ("event_date",))
    if published and event_date and event_date > published:
        c.error(("event_date",), f"{event_date} is after the publication date {published}; check both dates")
    return published, event_date


def _meta_collection(c: Checker, data: dict, key: str, empty: list | dict, expected: str) -> list | dict:
    """The field ``key``, a list or a mapping as ``empty`` is; written with nothing, as
    ``empty``. Anything else is said (``expected``: what it should be) and read as empty."""
    value = _none_as_empty(data.get(key), empty)
    if not isinstance(value, type(empty)):
        c.error((key,), expected)
        return type(empty)()
    return value


def _meta_credits(c: Checker, raw: dict) -> dict[str, list[str]]:
    """The credits, role -> names, of the roles known (another is said, with the one it
    may be a slip for), each name checked as a person's name; a role without names left out."""
    credits: dict[str, list[str]] = {}
    for role, names in raw.items():
        if role not in ROLE_ORDER:
            hint = difflib.get_close_matches(str(role), ROLE_ORDER, n=1)
            c.error(("credits", role), f"unknown credit role '{role}'; roles are {', '.join(ROLE_ORDER)}"
                                      + (f"; did you mean '{hint[0]}'?" if hint else ""))
            continue
        listed = c.text_list(names, ("credits", role))
        for j, name in enumerate(listed):
            _check_name(c, ("credits", role, j), name, " as the article gives it")
        if listed:
            credits[role] = listed
    return credits


def _meta_people(c: Checker, raw: list) -> list[PersonMention]:
    """The people the article names, each '- name: ...' with its roles and involvement, in
    the order written; a name is listed once (as names are compared, case and spacing aside)."""
    people = []
    named: set[str] = set()
    for i, person in enumerate(raw):
        if isinstance(person, str):  # '- attending' that lost its indentation under the person above
            _person_written_alone(c, raw, i, person)
            continue
        mention = _meta_person(c, i, person, named)
        if mention is not None:
            people.append(mention)
    return people


def _person_written_alone(c: Checker, raw: list, i: int, person: str) -> None:
    """Say that the item ``i`` of the people, ``person``, is text where a person's fields
    are: a role or an involvement that lost its indentation under the person above (if
    there is one), or a name without its 'name:'."""
    above = any(isinstance(p, dict) for p in raw[:i])  # (several lines may have lost it)
    c.error(("people", i), f"'{person}' is written alone in the list of people, where each person is "
                           "'- name: ...': " + ("if it is a role or an involvement of the person above, "
                                                "indent it under that person's 'roles:' or 'involvement:'; "
                                                "if it is a person, write " if above else "write ")
                           + f"'- name: {person}'")


def _meta_person(c: Checker, i: int, person: Any, named: set[str]) -> PersonMention | None:
    """The item ``i`` of the people as a mention, or None if it has no usable name (said).
    ``named``: the names of the people before it, as compared, to which its own is added."""
    person = c.mapping(person, ("people", i), {"name": True, "roles": False, "involvement": False}, "a person")
    if person is None:
        return None
    name = c.text(person.get("name"), ("people", i, "name"), required=True)  # (blank: said, not dropped)
    involvement = c.text_list(person.get("involvement"), ("people", i, "involvement"))
    for j, how in enumerate(involvement):
        if how not in INVOLVEMENT:
            c.error(("people", i, "involvement", j), f"{how!r} is not allowed; choose from {', '.join(INVOLVEMENT)}")
    if name and not _check_name(c, ("people", i, "name"), name, " as the article gives it"):
        name = None
    if not name:
        return None
    # As names are compared (match_key), less the quotes: cheap, per person. "Li Xin'ai" and
    # "Li Xin’ai" are one person, listed twice in the article's "In this article".
    key = " ".join(plain_apostrophes(name).split()).lower()
    if key in named:
        c.error(("people", i, "name"), f"'{name}' is listed twice under people: merge this entry into the "
                                       "first one (their roles and involvement together)")
    named.add(key)
    return PersonMention(name, tuple(c.text_list(person.get("roles"), ("people", i, "roles"))), tuple(involvement))


def _meta_annotations(c: Checker, raw: list) -> list[Annotation]:
    """The editor's notes, each on a phrase of the text; one without both is left out (said)."""
    annotations = []
    for i, note in enumerate(raw):
        if note == SKELETON_ANNOTATION:  # not looked for in the text: it is not there
            c.draft_error(("annotations", i), f"is still the example of `make new-article`'s skeleton "
                                              f"({SKELETON_ANNOTATION['phrase']!r}): write a note on words of this "
                                              "article, or put the '# ' back in front of its lines")
            continue
        note = c.mapping(note, ("annotations", i), {"phrase": True, "note": True}, "an annotation")
        if note is None:
            continue
        phrase = c.text(note.get("phrase"), ("annotations", i, "phrase"), required=True)
        body = c.text(note.get("note"), ("annotations", i, "note"), required=True)
        if phrase and body:
            annotations.append(Annotation(phrase, body))
    return annotations


def _meta_tags(c: Checker, data: dict, tags: set[str] | None) -> list[str]:
    """The article's tags as written, each once and, with ``tags`` (those of tags.yml), an
    allowed one: another is said with the one it may be a slip for, 'floods, hunan' as a list."""
    article_tags = c.text_list(data.get("tags"), ("tags",))
    for i, tag in enumerate(article_tags):
        if tag in article_tags[:i]:
            c.error(("tags", i), f"tag '{tag}' is listed twice; keep one")
    if tags is not None:
        for i, tag in enumerate(article_tags):
            if tag not in tags and "," in tag:  # tags: floods, hunan
                listed = ", ".join(t.strip() for t in tag.split(",") if t.strip())
                c.error(("tags", i), f"'{tag}' is one tag with commas in it: write the tags as a list, "
                                     f"[{listed}]")
            elif tag not in tags:
                hint = difflib.get_close_matches(tag, sorted(tags), n=1)
                allowed = sorted(tags)
                named = (f" (did you mean '{hint[0]}'?)" if hint else
                         f" ({', '.join(allowed[:12])}{', …' if len(allowed) > 12 else ''})" if allowed else "")
                c.error(("tags", i), f"tag '{tag}' is not in archive/tags.yml; use one of the allowed tags"
                                     + named + " or add it there first")
    return article_tags


def _meta_sha256(c: Checker, data: dict, ingested: bool) -> Any:
    """The SHA-256 ingest recorded of source.txt, as written (said if it is not one, or if
    it is missing from an ingested article's meta.yml, whose source the build checks with it)."""
    sha = data.get("sha256")
    if sha is not None and (not isinstance(sha, str) or not SHA256_RE.fullmatch(sha)):
        c.error(("sha256",), "is not a SHA-256 (64 lowercase hex digits); it is written by ingest: do not edit it")
    elif sha is None and ingested:  # among the other problems, not in a second round once they are fixed
        c.error(("sha256",), "missing; ingest records it, and the build checks source.txt against it: put the line "
                             "back ('git diff -- <this file>' shows it; or ingest the original file again, which "
                             "writes it)")
    return sha


def _skeleton_leftovers(c: Checker, data: dict, raw_credits: dict, raw_people: list) -> None:
    """Say each example of `make new-article`'s skeleton left as it is (uncommented, not
    edited): a field's, the credits', a person's (``raw_*``: those fields as read)."""
    for key, example in SKELETON_EXAMPLES.items():
        if data.get(key) == example:
            c.draft_error((key,), f"is still the example of `make new-article`'s skeleton ({example!r}): write "
                                  "this article's own, or put the '# ' back in front of the line")
    if raw_credits == SKELETON_CREDITS:
        names = ", ".join(name for names in SKELETON_CREDITS.values() for name in names)
        c.draft_error(("credits",), f"are still the example of `make new-article`'s skeleton ({names}): write "
                                    "this article's own, or put the '# ' back in front of its lines")
    for i, person in enumerate(raw_people):
        if person == SKELETON_PERSON:
            example = ", ".join([SKELETON_PERSON["name"], *SKELETON_PERSON["roles"], *SKELETON_PERSON["involvement"]])
            c.draft_error(("people", i), f"is still the example of `make new-article`'s skeleton ({example}): "
                                         "write the people this article names, or put the '# ' back in front of its "
                                         "lines")


@dataclass
class Term:
    term: str
    slug: str
    aliases: list[str]
    zh: str | None
    pinyin: str | None
    definition: str
    category: str
    confidence: str
    sources: list[Source]
    see_also: list[str]
    featured: bool = False
    only_with: list[str] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [self.term, *self.aliases]

    @cached_property
    def context(self) -> re.Pattern | None:
        """What an article must also say for the entry to be found in it (``only_with``)."""
        return context_pattern(self.only_with)

    @cached_property
    def names_anywhere(self) -> list[str]:
        """The names that are the entry's wherever they are written: all of them, or, with
        ``only_with``, those that hold one of its words ("Zhengzhou 7·20 rainstorm", not
        "7·20")."""
        return [n for n in self.names if self.context is None or self.context.search(n)]

    @cached_property
    def short_definition(self) -> str:
        """The first sentence of the definition as plain text, for tooltips (every use of
        the term on every page prints it: computed once)."""
        return first_sentence(self.definition)

    @cached_property
    def tooltip(self) -> str:
        """What a reader sees over each use of the term: the first sentence, and, for an entry
        of low confidence, that it is uncertain (said on its page, and now where it is read
        too: the first sentence alone read as settled fact)."""
        return self.short_definition + (f" {LOW_CONFIDENCE_TIP}" if self.confidence == "low" else "")


def context_pattern(words: list[str]) -> re.Pattern | None:
    """A pattern that finds any of ``words`` as a word of a text, whatever its case (Chinese
    within other Chinese too: it has no spaces between words)."""
    if not words:
        return None
    parts = [(r"(?<!\w)" if w[:1].isascii() and w[:1].isalnum() else "") + re.escape(w)
             + (r"(?!\w)" if w[-1:].isascii() and w[-1:].isalnum() else "") for w in words]
    return re.compile("|".join(parts), re.IGNORECASE)


LOW_CONFIDENCE_TIP = "(Uncertain: the original Chinese term is not confirmed.)"
"""Added to the tooltip of an entry of low confidence."""

TOOLTIP_MAX = 400
"""The longest first sentence a definition may have: it is the term's tooltip, shown whole
(it used to be cut at 240 characters, mid-clause)."""


def first_sentence(definition: str) -> str:
    """The first sentence of a definition (Markdown) as plain text: the words its page shows
    (emphasis and links read as the page reads them, so '7*7' and 'snake_case' stay, and an
    entity is its character)."""
    from . import mdbody

    plain = " ".join(" ".join(block.text.split()) for block in mdbody.blocks(mdbody.convert(definition))).strip()
    for stop in _TOOLTIP_STOP_RE.finditer(plain):
        # Not before a word in lower case ("asked “why?” and left", "goes on... and on"), nor
        # after an abbreviation ("No. 1", "Dr.", "etc."), a letter of one ("e.g.", "U.S.") or a
        # month's before its day ("Jun. 5"), which cut a tooltip short. Chinese after a stop
        # starts a sentence.
        word, after = stop["word"] or "", plain[stop.end() : stop.end() + 1]
        if after.islower() or stop["stop"] == "." and (
                len(word) == 1 or word in _NOT_STOPS or word.title() in _NOT_STOPS
                or word.title() in MONTH_ABBREVIATIONS and after.isdigit()):
            continue
        return plain[: stop.end()].rstrip()
    return plain


_TOOLTIP_STOP_RE = re.compile(rf"(?P<word>[^\W\d_]+)?(?P<stop>[.!?])[”\"’')]*(?:\s+|(?=[{HAN}]))")
_NOT_STOPS = ABBREVIATIONS - MONTH_ABBREVIATIONS

_APOSTROPHES_RE = re.compile("['’‘]")


def slugify(text: str) -> str:
    """The address of a name or a term: "Li Xin'ai" and "Li Xin’ai" are both li-xinai (the
    library made li-xin-ai of the one and li-xinai of the other)."""
    from slugify import slugify as _slugify

    return _slugify(_APOSTROPHES_RE.sub("", text), max_length=MAX_SLUG, word_boundary=True) or "item"


def _only_with(c: Checker, value: Any, where: tuple) -> list[str]:
    """The words of an entry's or an event's ``only_with``: a list, each its own item. One
    written "Henan, Zhengzhou" was one phrase that no article says, and hid the entry from
    every article, in silence (a review)."""
    words = c.text_list(value, where)
    if isinstance(value, str) and ("," in value or "，" in value):  # (an item of a list may be a phrase with one)
        parts = [part.strip() for part in re.split("[,，]", value) if part.strip()]
        c.error(where, f"{value.strip()!r} is one text with commas, which an article must say as it is: for any "
                       f"of several words, write a list, only_with: [{', '.join(parts)}]")
    return words


def _meant_term(name: str, terms: set[str], aliased: dict[str, str]) -> str:
    """"; did you mean 'X'?" after a ``name`` that is no term of the glossary: the entry it is
    an alias of (``aliased``, as ``match_key`` writes it; a renamed term's old name is usually
    kept so), else the nearest term; or "" if none is near."""
    hint = [aliased[match_key(name)]] if match_key(name) in aliased else difflib.get_close_matches(
        name, sorted(terms), n=1)
    return f"; did you mean '{hint[0]}'?" if hint else ""


def load_glossary(path: Path, data: Any) -> list[Term]:
    c = Checker(path)
    if data is None:
        return []
    if not isinstance(data, list):
        c.error((), "expected a list of entries, each starting with '- term: ...'")
        c.raise_if_any()
    fields = {"term": True, "slug": False, "aliases": False, "zh": False, "pinyin": False, "definition": True,
              "category": True, "confidence": True, "sources": False, "see_also": False, "featured": False,
              "only_with": False}
    terms: list[Term] = []
    places: list[int] = []  # the index in the file of each entry of ``terms``
    for i, item in enumerate(data):
        item = c.mapping(item, (i,), fields, "a glossary entry")
        if item is None:
            continue
        term = c.text(item.get("term"), (i, "term"), required=True)
        if not term:
            continue
        slug = item.get("slug") or slugify(term)
        if isinstance(slug, int) and not isinstance(slug, bool):  # slug: 2012, which YAML reads as a number
            slug = str(slug)
        problem = slug_problem(slug)
        if problem:
            c.error((i, "slug"), problem)
            slug = ""  # said: no address to compare with the others'
        terms.append(Term(
            term=term,
            slug=slug,
            aliases=c.text_list(item.get("aliases"), (i, "aliases")),
            zh=c.chinese(item.get("zh"), (i, "zh")),
            pinyin=c.pinyin(item.get("pinyin"), (i, "pinyin")),
            definition=c.text(item.get("definition"), (i, "definition"), required=True, single_line=False) or "",
            category=c.choice(item.get("category"), (i, "category"), CATEGORIES, default="other"),
            confidence=c.choice(item.get("confidence"), (i, "confidence"), CONFIDENCE, default="low"),
            sources=c.sources(item.get("sources"), (i, "sources")),
            see_also=c.text_list(item.get("see_also"), (i, "see_also")),
            featured=c.boolean(item.get("featured"), (i, "featured"), False),
            only_with=_only_with(c, item.get("only_with"), (i, "only_with")),
        ))
        places.append(i)
    names = {t.term for t in terms}
    aliased = {match_key(a): t.term for t in terms for a in t.aliases}
    entries = [(i, "term", t.term, t.aliases) for i, t in zip(places, terms, strict=True)]
    repeated = _one_owner_per_name(c, path, entries, "entry")
    _read_alike(c, path, entries, repeated)
    seen_slugs: set[str] = set()
    for i, t in zip(places, terms, strict=True):
        if t.pinyin and not t.zh and not c.reported((i, "zh")):
            c.error((i, "pinyin"), "a pinyin with no Chinese term: write the Chinese it spells in 'zh', or leave "
                                   "'pinyin' out too")
        if t.confidence == "high" and not t.zh and not c.reported((i, "zh")) and not c.reported((i, "pinyin")):
            # (said once: a zh deleted beside its pinyin is one slip, and the pinyin's line says it)
            c.error((i, "confidence"), "'high' says the Chinese term is documented, but 'zh' gives none: write it "
                                       "in 'zh' with a source, or choose medium or low")
        if len(first := first_sentence(t.definition)) > TOOLTIP_MAX:
            c.error((i, "definition"), f"its first sentence, the term's tooltip, is {len(first)} characters long: "
                                       f"end it within {TOOLTIP_MAX} (the whole definition is on the term's page)")
        for j, alias in enumerate(t.aliases):
            if alias in t.aliases[:j]:  # (the page listed it twice, and glossary.json broke its own schema)
                c.error((i, "aliases", j), f"'{alias}' is listed twice; remove one")
        for j, other in enumerate(t.see_also):
            if other in t.see_also[:j]:
                c.error((i, "see_also", j), f"'{other}' is listed twice; remove one")
            elif other == t.term:
                c.error((i, "see_also", j), f"'{other}' is this entry itself (its page would link to itself); remove it")
            elif other not in names:
                c.error((i, "see_also"), f"'{other}' is not a term of the glossary{_meant_term(other, names, aliased)}")
        if i in repeated or not t.slug:
            continue  # its page address clashes for the same reason, or is not one: said once
        if t.slug in seen_slugs or reserved_slug(t.slug):  # said where the address comes from: its slug, or its term
            c.error((i, "slug" if data[i].get("slug") else "term"),
                    f"its page address glossary/{t.slug}/ is already taken; set a different 'slug:'")
        seen_slugs.add(t.slug)
    c.raise_if_any()
    return terms


RESERVED_SLUGS = {"index", "candidate-terms", "page"}
_PAGE_RE = re.compile(r"page-\d+")


def reserved_slug(slug: str) -> bool:
    """An address a section's own pages take: its index, its candidate terms, and the pages
    of its lists (``page-2``...)."""
    return slug in RESERVED_SLUGS or _PAGE_RE.fullmatch(slug) is not None
_QUOTES_RE = re.compile(r"[“”\"‘’«»「」『』]")
_INNER_APOSTROPHE_RE = re.compile(r"(?<=\w)[’‘](?=\w)")


def plain_apostrophes(text: str) -> str:
    """An apostrophe within a word (O’Brien, Xin’ai) as typed: "'"."""
    return _INNER_APOSTROPHE_RE.sub("'", text) if "’" in text or "‘" in text else text


def title_key(title: str) -> str:
    """How two articles' titles are the same for the archive's lists: case and spacing aside
    (the build's warning and ingest's message compare them so)."""
    return " ".join(title.casefold().split())


def match_key(text: str) -> str:
    """How names are compared: case, quotes and spacing do not count, and an apostrophe
    within a word (O’Brien, people's) is one, typographic or typed."""
    text = plain_apostrophes(text)
    return re.sub(r"\s+", " ", _QUOTES_RE.sub("", text)).strip().lower()


_PHRASE_SPACES_RE = re.compile(r"[\s\-]+")
_OUTER_APOSTROPHE_RE = re.compile(r"(?<!\w)'|'(?!\w)")


def phrase_key(text: str) -> str:
    """How a phrase is found in an article (``model.PhraseMatcher``): as ``match_key``, a
    hyphen is a space, and an apostrophe is kept only within a word (people's, written ' or
    ’ alike), as the other quotation marks are not kept at all."""
    key = _PHRASE_SPACES_RE.sub(" ", match_key(text).replace("\u2010", "-"))
    return _PHRASE_SPACES_RE.sub(" ", _OUTER_APOSTROPHE_RE.sub("", key)).strip() if "'" in key else key.strip()


def _read_alike(c: Checker, path: Path, entries: list[tuple[int, str, str, list[str]]], repeated: set[int]) -> None:
    """Glossary entries whose names an article's text cannot tell apart (the same
    ``phrase_key``: 'main flood season', 'Main Flood-Season'): the first takes every mention
    and the other is never found. (A plural is told apart: the matcher looks a matched
    phrase up as it is first, so 'custom' and 'customs' can both be entries.) Those are added to ``repeated``
    (their page addresses are not said to clash as well)."""
    owners: dict[str, tuple[int, str]] = {}  # phrase key -> (index in ``entries``, the name's match_key)
    lines: dict[tuple, int] = {}
    for j, (i, key, name, aliases) in enumerate(entries):
        if i in repeated:
            continue
        for where, other in [((i, key), name)] + [((i, "aliases", k), a) for k, a in enumerate(aliases)]:
            text = phrase_key(other)
            if not text:
                continue
            clash = owners[text] if text in owners and owners[text][0] != j else None
            if clash is None:
                owners.setdefault(text, (j, match_key(other)))
                continue
            if clash[1] == match_key(other):
                continue  # the same name: said by _one_owner_per_name
            first = entries[clash[0]]
            if not lines:
                lines.update(key_lines(path))
            line = lines.get((first[0],))
            c.error(where, f"'{other}' is read in articles as the entry '{first[2]}'"
                           + (f" (line {line})" if line else "") + " is: matching ignores capitals, quotation marks "
                           "and hyphens, so the earlier entry takes every mention and this one is never found; "
                           "merge the two, or make one an alias of the other")
            repeated.add(i)
            break


@dataclass
class Event:
    id: str
    date: str
    precision: str
    title: str
    description: str
    sources: list[Source]
    aliases: list[str]
    terms: list[str]
    only_with: list[str] = field(default_factory=list)

    @cached_property
    def context(self) -> re.Pattern | None:
        """What an article must also say for the event to be found in it (``only_with``)."""
        return context_pattern(self.only_with)


TIMELINE_ANCHORS = ("published-", "event-", "timeline-")
"""How the timeline's own places (anchors) start: an article's publication and the event it
reports (``published-<article id>``, ``event-<article id>``), a year (``timeline-2022``). An
event's place is its id."""


def load_events(path: Path, data: Any, term_names: set[str] | None,
                aliased: dict[str, str] | None = None) -> list[Event]:
    """The events of ``path``; their ``terms`` must be among ``term_names`` (when given): one
    that is not, but is an alias (``aliased``: the alias as ``match_key`` writes it -> its
    term), a renamed term's old name, is said with the new one."""
    c = Checker(path)
    if data is None:
        return []
    if not isinstance(data, list):
        c.error((), "expected a list of events, each starting with '- id: ...'")
        c.raise_if_any()
    fields = {"id": True, "date": True, "title": True, "description": True, "sources": False,
              "aliases": False, "terms": False, "only_with": False}
    events: list[Event] = []
    ids: dict[str, int] = {}  # id -> place of its event in the file
    lines: dict[tuple, int] = {}  # the file's lines, read when a repeated id is said
    alias_owners: dict[str, str] = {}  # alias as compared -> the id of the event it names
    for i, item in enumerate(data):
        item = c.mapping(item, (i,), fields, "an event")
        if item is None:
            continue
        event_id = c.text(item.get("id"), (i, "id"), required=True)
        if event_id and slug_problem(event_id):
            c.error((i, "id"), slug_problem(event_id))
        elif event_id and event_id.startswith(TIMELINE_ANCHORS):
            c.error((i, "id"), f"'{event_id}' starts as the timeline's own places do ({', '.join(TIMELINE_ANCHORS)}), "
                               "the dates of an article or a year: the event would share its place on the page with "
                               "one of those; choose another id")
        if event_id and event_id in ids:
            if not lines:  # read once, however many ids are repeated
                lines.update(key_lines(path))
            first = lines.get((ids[event_id], "id"))
            c.error((i, "id"), f"this event repeats the id '{event_id}' of the event "
                               + (f"on line {first}" if first else "above")
                               + ": ids must be unique; give one of the two another id, or merge them into one")
        ids.setdefault(event_id, i)
        when = c.partial_date(item.get("date"), (i, "date"))
        terms = c.text_list(item.get("terms"), (i, "terms"))
        for j, t in enumerate(terms):
            if term_names is not None and t not in term_names:
                c.error((i, "terms", j), f"'{t}' is not a term of archive/glossary.yml"
                                         f"{_meant_term(t, term_names, aliased or {})}")
        aliases = c.text_list(item.get("aliases"), (i, "aliases"))
        for k, alias in enumerate(aliases):
            owner = alias_owners.setdefault(match_key(alias), event_id or "")
            if owner != (event_id or ""):  # the phrase would find one of the two only, in silence
                c.error((i, "aliases", k), f"'{alias}' is also an alias of the event '{owner}'; an alias may name "
                                           "one event only: remove it from one of them")
        if event_id and when:
            events.append(Event(
                id=event_id, date=when[0], precision=when[1],
                title=c.text(item.get("title"), (i, "title"), required=True) or "",
                description=c.text(item.get("description"), (i, "description"), required=True, single_line=False) or "",
                sources=c.sources(item.get("sources"), (i, "sources")),
                aliases=aliases,
                terms=terms,
                only_with=_only_with(c, item.get("only_with"), (i, "only_with")),
            ))
    c.raise_if_any()
    return sorted(events, key=lambda e: (e.date, e.id))


@dataclass
class CuratedPerson:
    name: str
    zh: str | None
    aliases: list[str]
    note: str | None
    # A tag (a place: louxing): this is the person of that name in the articles tagged with
    # it. Two people who share a name are two entries, each with its place.
    place: str | None = None
    zh_confirmed: bool = True  # false: the Chinese is an editor's inference, said wherever it is shown


NAMESAKES = ("if they are two people who share a name, give each a 'place:', the tag of the articles "
             "that name them (for example place: louxing)")


def load_people(path: Path, data: Any, tag_names: set[str] | None = None) -> list[CuratedPerson]:
    """``tag_names``: the tags of tags.yml (None if it could not be read), which a ``place``
    must be one of."""
    c = Checker(path)
    if data is None:
        return []
    if not isinstance(data, list):
        c.error((), "expected a list of people, each starting with '- name: ...'")
        c.raise_if_any()
    people = []
    places: list[int] = []
    fields = {"name": True, "zh": False, "zh_confirmed": False, "aliases": False, "note": False, "place": False}
    for i, item in enumerate(data):
        item = c.mapping(item, (i,), fields, "a person")
        if item is None:
            continue
        name = c.text(item.get("name"), (i, "name"), required=True)
        place = _place(c, item, i, tag_names)
        if name and not _check_name(c, (i, "name"), name):
            name = None
        if name:
            aliases = c.text_list(item.get("aliases"), (i, "aliases"))
            for j, alias in enumerate(aliases):  # (an alias joined to the next by its indentation, too: a review)
                _joined_items(c, (i, "aliases", j), alias)
            people.append(CuratedPerson(name, c.chinese(item.get("zh"), (i, "zh")), aliases,
                                        c.text(item.get("note"), (i, "note")), place,
                                        c.boolean(item.get("zh_confirmed"), (i, "zh_confirmed"), True)))
            places.append(i)
    # A name belongs to one person in each place (and one person where no place is given).
    for where in dict.fromkeys(p.place for p in people):
        hint = NAMESAKES if where is None else (f"both are placed in '{where}': if they are two people who share "
                                                "a name, give each the place of the articles that name them")
        _one_owner_per_name(c, path, [(i, "name", p.name, p.aliases) for i, p in zip(places, people, strict=True)
                                      if p.place == where], "person", hint=hint)
    c.raise_if_any()
    return people


def _place(c: Checker, item: dict, i: int, tag_names: set[str] | None) -> str | None:
    """The entry's ``place:``, a tag of tags.yml (checked when they are known)."""
    place = c.text(item.get("place"), (i, "place"))
    if place and tag_names is not None and place not in tag_names:
        hint = difflib.get_close_matches(place, sorted(tag_names), n=1)
        c.error((i, "place"), f"'{place}' is not a tag of archive/tags.yml"
                              + (f"; did you mean '{hint[0]}'?" if hint else
                                 ": a place is one of its tags (its slug); add the place to tags.yml first"))
    return place


@dataclass
class CuratedOrganization:
    name: str
    aliases: list[str]
    zh: str | None
    description: str | None
    # Names that stand for it only in the articles about its place ("District Committee" is
    # Louxing's in an article tagged louxing, another district's elsewhere).
    local_aliases: list[str] = field(default_factory=list)
    place: str | None = None  # a tag
    zh_confirmed: bool = True  # false: the Chinese is an editor's inference, said wherever it is shown


def load_organizations(path: Path, data: Any, tag_names: set[str] | None = None) -> list[CuratedOrganization]:
    """``tag_names``: the tags of tags.yml (None if it could not be read), which a ``place``
    must be one of."""
    c = Checker(path)
    if data is None:
        return []
    if not isinstance(data, list):
        c.error((), "expected a list of organizations, each starting with '- name: ...'")
        c.raise_if_any()
    out = []
    places: list[int] = []
    fields = {"name": True, "aliases": False, "local_aliases": False, "place": False, "zh": False,
              "zh_confirmed": False, "description": False}
    for i, item in enumerate(data):
        item = c.mapping(item, (i,), fields, "an organization")
        if item is None:
            continue
        name = c.text(item.get("name"), (i, "name"), required=True)
        local = c.text_list(item.get("local_aliases"), (i, "local_aliases"))
        place = _place(c, item, i, tag_names)
        if local and not place:
            c.error((i, "local_aliases"), "local aliases need a 'place:', the tag of the articles in which they "
                                          "stand for this organization (for example place: louxing)")
        if name:
            out.append(CuratedOrganization(name, c.text_list(item.get("aliases"), (i, "aliases")),
                                           c.chinese(item.get("zh"), (i, "zh")),
                                           c.text(item.get("description"), (i, "description"), single_line=False),
                                           local, place,
                                           c.boolean(item.get("zh_confirmed"), (i, "zh_confirmed"), True)))
            places.append(i)
    _one_owner_per_name(c, path, [(i, "name", o.name, o.aliases) for i, o in zip(places, out, strict=True)],
                        "organization")
    # A local alias may be shared by the bodies of several places (each district has its
    # "District Committee"), but not by two of one place, nor be a name another entry has
    # everywhere: said at the later of the two entries.
    everywhere: dict[str, str] = {}  # name as compared -> its organization
    local: dict[str, dict[str | None, str]] = {}  # local alias as compared -> place -> its organization
    for i, o in zip(places, out, strict=True):
        for where, name in [((i, "name"), o.name), *(((i, "aliases", k), a) for k, a in enumerate(o.aliases))]:
            owners = local.get(match_key(name))
            if owners:
                place, owner = next(iter(owners.items()))
                c.error(where, f"'{name}' is a local alias of '{owner}' (in the articles tagged {place}): a name "
                               "an organization has everywhere cannot be another's local alias; remove one of them")
        for k, alias in enumerate(o.local_aliases):
            key = match_key(alias)
            if key in everywhere:
                c.error((i, "local_aliases", k), f"'{alias}' is a name of '{everywhere[key]}' everywhere: it cannot "
                                                 "also be a local alias; remove one of them")
            elif o.place in local.get(key, {}):
                c.error((i, "local_aliases", k), f"'{alias}' is already the local alias of '{local[key][o.place]}' "
                                                 f"in the articles tagged {o.place}: remove one of them")
            local.setdefault(key, {}).setdefault(o.place, o.name)
        for name in (o.name, *o.aliases):
            everywhere.setdefault(match_key(name), o.name)
    c.raise_if_any()
    return out


@dataclass
class Tag:
    slug: str
    title: str
    description: str | None


def load_tags(path: Path, data: Any) -> list[Tag]:
    c = Checker(path)
    if data is None:
        return []
    if not isinstance(data, list):
        c.error((), "expected a list of tags, each starting with '- slug: ...'")
        c.raise_if_any()
    out = []
    places: list[int] = []
    for i, item in enumerate(data):
        item = c.mapping(item, (i,), {"slug": True, "title": True, "description": False}, "a tag")
        if item is None:
            continue
        slug = c.text(item.get("slug"), (i, "slug"), required=True)
        if slug and slug_problem(slug):
            c.error((i, "slug"), slug_problem(slug))
        elif slug and reserved_slug(slug):
            c.error((i, "slug"), f"its page address tags/{slug}/ is taken by the list of tags; choose another slug")
        if slug:
            out.append(Tag(slug, c.text(item.get("title"), (i, "title")) or slug,
                           c.text(item.get("description"), (i, "description"))))
            places.append(i)
    _one_owner_per_name(c, path, [(i, "slug", t.slug, []) for i, t in zip(places, out, strict=True)], "tag")
    c.raise_if_any()
    return out


@dataclass
class Moved:
    """A page that was published at ``source`` (an address of the site, 'articles/<id>/') and
    is gone: ``target``, the address readers are led to ('' for the home page; a '#place'
    may follow it), or None for a page withdrawn; and ``note``, what the page at the old
    address says of it. ``index``: its place in the file."""
    source: str
    target: str | None
    note: str | None
    index: int


MOVED_SECTIONS = ("articles", "glossary", "organizations", "people", "tags", "timeline")
"""The folders of the generated pages, whose addresses archive/moved.yml may lead on."""
_ADDRESS_RE = re.compile(r"(?:[a-z0-9][a-z0-9-]{0,199}/){1,6}")
"""An address of the site, as its pages have them: a few folders of lowercase letters, digits
and hyphens (no file: 'articles/months.json' is none)."""
_ANCHOR_RE = re.compile(r"[A-Za-z0-9_:.-]{1,200}")


_PREVIEW_HOSTS = ("127.0.0.1", "localhost")
"""Where `make serve` shows the site, at the root: a full address copied from the preview."""


def _address(c: Checker, value: Any, where: tuple, required: bool, site_url: str, to: bool = False) -> str | None:
    """A page's address as archive/moved.yml gives it ('articles/<id>/', with or without its
    first or last '/', its file 'index.md' or 'index.html', or the page's full address on the
    site, whose own address is ``site_url``, or in the preview), as the site writes it; for
    ``to``, '' for the home page, and a '#place' of the page kept. An address on another site
    is none (a review: 'https://www.gov.cn/' led to this site's home page)."""
    from urllib.parse import urlsplit

    text = c.text(value, where, required=required)
    if not text:
        return None
    address, _, anchor = text.strip().split("?", 1)[0].partition("#")
    full = re.match(r"[A-Za-z][A-Za-z0-9+.-]*://([^/]*)", address)
    if full:  # (the site's own path after the host: 'https://…github.io/archive/articles/<id>/')
        site = urlsplit(site_url)
        host, path = full[1].lower(), address[full.end():] or "/"
        own = "/" + site.path.strip("/") + "/" if site.path.strip("/") else "/"
        if host == (site.netloc or "").lower() and (path.rstrip("/") + "/").startswith(own):
            address = path[len(own) - 1:]
        elif host.split(":")[0] in _PREVIEW_HOSTS:
            address = path
        else:
            c.error(where, f"{text!r} is not an address of this site ({site_url}): write the address of one of its "
                           "pages, for example 'articles/2023-06-02-changsha-held-a-meeting/'")
            return None
    address = address.lstrip("/")
    address = re.sub(r"(?:^|(?<=/))index\.(?:html|md)$", "", address)
    address = address[:-3] if address.endswith(".md") else address  # (a page's file: 'data.md' is 'data/')
    address = address if not address or address.endswith("/") else address + "/"
    if (to and address == "") or _ADDRESS_RE.fullmatch(address):
        if not anchor or not to:  # (the place in a page that is gone: the page is)
            return address
        if to and _ANCHOR_RE.fullmatch(anchor):
            return f"{address}#{anchor}"
    c.error(where, f"{text!r} is not the address of a page of the site; write it as the site shows it, "
                   "for example 'articles/2023-06-02-changsha-held-a-meeting/'"
                   + (" (a place of the page after '#': letters, digits, '-', '_', '.' or ':')" if anchor and to else ""))
    return None


def load_moved(path: Path, data: Any, site_url: str = "") -> list[Moved]:
    """archive/moved.yml: the addresses of published pages that are gone, each with the page
    it leads to ('to:') or what became of it ('note:'), or both. Empty (or only comments),
    there are none. ``site_url``: the site's own address ('https://…/archive/')."""
    c = Checker(path)
    if data is None:
        return []
    if not isinstance(data, list):
        c.error((), "expected a list of moved pages, each starting with '- from: <the old address>'")
        c.raise_if_any()
    out: list[Moved] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(data):
        item = c.mapping(item, (i,), {"from": True, "to": False, "note": False}, "a moved page")
        if item is None:
            continue
        source = _address(c, item.get("from"), (i, "from"), True, site_url)
        target = _address(c, item.get("to"), (i, "to"), False, site_url, to=True)
        note = c.text(item.get("note"), (i, "note"), single_line=False)
        if source is None or (target is None and item.get("to") not in (None, "")):
            continue  # (said)
        if source.split("/", 1)[0] not in MOVED_SECTIONS:
            c.error((i, "from"), f"'{source}' is not the address of a generated page (those under "
                                 f"{', '.join(s + '/' for s in MOVED_SECTIONS)}): a page editors write in docs/ is "
                                 "moved by hand")
        elif source in GUIDE_EXAMPLE_MOVED:  # (copied as they are, they published a page of their own: a review)
            c.error((i, "from"), f"'{source}' is the example of docs/editors.md: write the address of the page that "
                                 "is gone")
        elif target is not None and target.split("#")[0] == source:
            c.error((i, "to"), f"'{target}' is the address it moves from: give the page it is now at")
        elif source in seen:
            c.error((i, "from"), f"'{source}' is listed twice (its first entry is [{seen[source]}]): keep one")
        elif target is None and not note:
            c.error((i,), f"'{source}' has neither 'to:' (the page readers are led to) nor 'note:' (why the page was "
                          "withdrawn): give one")
        else:
            seen[source] = i
            out.append(Moved(source, target, note, i))
    c.raise_if_any()
    return out


def _one_owner_per_name(c: Checker, path: Path, entries: list[tuple[int, str, str, list[str]]],
                        kind: str, hint: str = "") -> set[int]:
    """Each name or alias of a curated list (the glossary, people, organizations, tags)
    belongs to one entry: a later entry with the same name, or an alias another entry has,
    would silently take that entry's place (its page, its note, the mentions in the
    articles). ``entries``: (index in the file, the key of its name, its name, its aliases),
    in file order. Returns the indexes of the entries that repeat an earlier one."""
    owners: dict[str, int] = {}  # name as compared -> position in ``entries``
    lines: dict[tuple, int] = {}

    def entry(j: int) -> str:
        if not lines:
            lines.update(key_lines(path))
        i, _, name, _ = entries[j]
        line = lines.get((i,))
        return f"'{name}'" + (f" (line {line})" if line else "")

    repeated: set[int] = set()
    for j, (i, key, name, aliases) in enumerate(entries):
        same = owners.get(match_key(name))
        if same is not None and match_key(entries[same][2]) == match_key(name):
            c.error((i, key), f"this {kind} repeats the {kind} {entry(same)}: delete one of the two, or merge "
                              "them into one" + (f"; {hint}" if hint else ""))
            repeated.add(i)
            continue  # its names clash for the same reason: said once
        for where, other in [((i, key), name)] + [((i, "aliases", k), a) for k, a in enumerate(aliases)]:
            owner = owners.setdefault(match_key(other), j)
            if owner != j:
                c.error(where, f"'{other}' is also a name of the {kind} {entry(owner)}; a name may belong to one "
                               f"{kind} only: remove it from one of them" + (f" ({hint})" if hint else ""))
    return repeated
