"""A new editor-written article: ``archive/articles/<id>/article.md`` with valid front matter.

``make new-article TITLE="..." DATE=YYYY-MM-DD`` runs this. The id is made the way ingest
makes it (publication date + slug of the title, with -2, -3... when taken), so nothing
existing is ever overwritten; the new file's path is printed for the editor to open."""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from datetime import date
from pathlib import Path

import yaml

from .errors import one_line
from .ingest import id_base, make_id
from .model import PLACEHOLDER
from .parse import MAX_TITLE, without_controls
from .records import SKELETON_COMMENTS, read_day

USAGE = 'make new-article TITLE="The title" DATE=YYYY-MM-DD'

BODY = f"""\
{PLACEHOLDER} Leave an empty line
between paragraphs. Official terms that are in the glossary are marked and linked by the build.

Check the result with `make serve`: the build refuses an article that still has these two
paragraphs. See the editors' guide (docs/editors.md).
"""


class NewArticleError(Exception):
    """A problem with the command line; the message is one line for the editor."""


def check_title(title: str | None) -> str:
    if title is None or not title.strip():
        raise NewArticleError(f"missing title: {USAGE}")
    if "\n" in title.strip() or "\r" in title.strip():
        raise NewArticleError("the title must be one line")
    if any("\udc80" <= c <= "\udcff" for c in title):  # bytes that are not UTF-8, as Python passes them on
        raise NewArticleError("the title is not UTF-8 text (the terminal sent other bytes): type it again, or paste it "
                              "from a UTF-8 file")
    control = next((c for c in title if unicodedata.category(c) == "Cc" and not c.isspace()), None)
    if control is not None:  # '\x1b[31m' pasted from a terminal: the build would drop the ESC and keep '[31m'
        raise NewArticleError(f"the title holds a control character (U+{ord(control):04X}, invisible: pasted from a "
                              "terminal?): type the title again")
    title = without_controls(title)  # (zero-width and direction marks, as the build drops them)
    if not any(c.isalnum() for c in title):
        # The folder would be named '<date>-article', after none of the title's words.
        raise NewArticleError(f"the title {title.strip()!r} has no letter or digit; write the article's title in words")
    title = re.sub(r"\s+", " ", title).strip()
    if len(title) > MAX_TITLE:  # the build would refuse the file this makes
        raise NewArticleError(f"the title is {len(title):,} characters long, more than the {MAX_TITLE:,} a title may "
                              "have: shorten it")
    return title


def check_date(value: str | None) -> date:
    if value is None or not value.strip():
        raise NewArticleError(f"missing publication date: {USAGE}")
    day, problem = read_day(value.strip(), "DATE")
    if problem:
        raise NewArticleError(problem)
    return day


def front_matter(title: str, published: date) -> str:
    head = yaml.safe_dump({"title": title, "published": published}, allow_unicode=True, sort_keys=False,
                          width=1000)
    return f"---\n{head}{SKELETON_COMMENTS}---\n\n{BODY}"


def create_article(archive: Path, title: str, published: date) -> Path:
    """Create the article folder and its article.md; return the path of the file."""
    if not archive.is_dir():
        raise NewArticleError(f"no {archive}/ folder here; run this from the project folder")
    articles = archive / "articles"
    try:
        articles.mkdir(exist_ok=True)
    except OSError as exc:  # a file of that name, a read-only or full disk
        raise NewArticleError(f"cannot create the folder {articles}: {_reason(exc)}") from None
    while True:
        folder = articles / make_id(published.isoformat(), title, articles)
        try:
            folder.mkdir()  # fails if it exists: never reuse (or overwrite) an article
        except FileExistsError:
            continue
        except OSError as exc:
            raise NewArticleError(f"cannot create the folder {folder}: {_reason(exc)}") from None
        break
    path = folder / "article.md"
    try:
        with path.open("x", encoding="utf-8") as fh:
            fh.write(front_matter(title, published))
    except BaseException as exc:  # (Ctrl+C too) no half-written article, no empty folder: nothing at all
        path.unlink(missing_ok=True)
        folder.rmdir()
        if isinstance(exc, OSError):
            raise NewArticleError(f"cannot write {path}: {_reason(exc)}; nothing was created") from None
        raise
    return path


def _reason(exc: OSError) -> str:
    if isinstance(exc, (FileExistsError, NotADirectoryError)):
        return f"{exc.strerror or exc}: a file stands where the folder should be; move it away"
    return str(exc.strerror or exc)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Create an editor-written Markdown article with valid front matter.")
    parser.add_argument("--title", help="the article's title")
    parser.add_argument("--published", metavar="YYYY-MM-DD", help="the date of publication")
    parser.add_argument("--archive", type=Path, default=Path("archive"), help="archive folder (default: archive)")
    args = parser.parse_args(argv)
    try:
        title = check_title(args.title)
        published = check_date(args.published)
        path = create_article(args.archive, title, published)
    except NewArticleError as exc:
        print(one_line(f"new-article: {exc}"), file=sys.stderr)
        return 2
    print(path)
    first = path.parent.with_name(id_base(published.isoformat(), title))
    if first != path.parent and first.exists():  # the same command run twice, most likely
        print(one_line(f"new-article: {first}/ has this date and title already: this is a second article, "
                       f"{path.parent.name}; if you meant to write the first, remove the new one (rm -r "
                       f"{path.parent})"), file=sys.stderr)
    print("new-article: created; write the article below its front matter, then preview it with `make serve`",
          file=sys.stderr)
    return 0
