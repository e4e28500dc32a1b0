"""Accession through the real command, `scripts/ingest.py FILE...`, run as a subprocess in a
temporary folder holding an `archive/`."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from lgnews.records import load_meta, read_yaml

from .conftest import INGEST_INTERRUPTED

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
RAW = FIXTURES / "raw"
SEED = FIXTURES / "seed.txt"
SEED_ID = "2022-04-30-louxing-district-held-the-2022-work-safety-retreat-meeting"
ID_RE = re.compile(r"^\d{4}-\d{2}-\d{2}-[a-z0-9-]+$")
BROKEN = ["empty.txt", "binary.bin", "no_date_header.txt", "header_bad_date.txt", "title_only.txt",
          "mixed_encodings.txt", "no_title.txt", "truncated_utf8.txt", "utf16.txt", "html_page.txt",
          "chinese_original.txt"]


def ingest(cwd: Path, *files: Path | str, archive: Path | None = None) -> subprocess.CompletedProcess:
    args = [sys.executable, str(ROOT / "scripts" / "ingest.py"), *map(str, files)]
    if archive is not None:
        args += ["--archive", str(archive)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, timeout=120)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file and folder under ``folder`` with the SHA-256 of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
        for p in sorted(folder.rglob("*"))
    }


def article_ids(archive: Path) -> list[str]:
    articles = archive / "articles"
    return sorted(p.name for p in articles.iterdir()) if articles.is_dir() else []


def write_article(path: Path, title: str, body: str, published: str = "2022-06-01") -> Path:
    path.write_text(f"{title}\n\n{published} 0 By\n\n{body}\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def seeded_archive(tmp_path_factory) -> Path:
    """An archive holding the seed, ingested once; tests get a copy (see ``seeded``)."""
    work = tmp_path_factory.mktemp("seeded")
    (work / "archive").mkdir()
    result = ingest(work, SEED)
    assert result.returncode == 0, result.stderr
    return work / "archive"


@pytest.fixture
def seeded(tmp_path, seeded_archive) -> Path:
    """Like ``workdir``, with the seed already archived."""
    shutil.copytree(seeded_archive, tmp_path / "work" / "archive")
    return tmp_path / "work"


@pytest.fixture
def workdir(tmp_path) -> Path:
    """The folder the command runs in: it holds only archive/ (inputs live beside it)."""
    (tmp_path / "work" / "archive").mkdir(parents=True)
    return tmp_path / "work"


@pytest.mark.parametrize(("name", "expected_id"), [
    ("seed.txt", SEED_ID),
    ("raw/bom_crlf.txt", "2022-06-09-lengshuijiang-city-carried-out-the-2022-flood-control"),
    ("raw/gb18030.txt", "2022-08-30-lou-xing-qu-carried-out-the-special-inspection-of-campus"),
])
def test_stores_the_exact_bytes_and_a_draft_meta_that_loads(workdir, name, expected_id):
    source = FIXTURES / name
    result = ingest(workdir, source)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert article_ids(workdir / "archive") == [expected_id]
    assert ID_RE.match(expected_id)
    folder = workdir / "archive" / "articles" / expected_id
    assert sorted(p.name for p in folder.iterdir()) == ["meta.yml", "source.txt"]
    stored = (folder / "source.txt").read_bytes()
    assert stored == source.read_bytes()
    digest = hashlib.sha256(stored).hexdigest()
    assert digest == hashlib.sha256(source.read_bytes()).hexdigest()
    meta_path = folder / "meta.yml"
    text = meta_path.read_text(encoding="utf-8")
    meta = load_meta(meta_path, read_yaml(meta_path, text), text=text)
    assert meta.sha256 == digest
    assert expected_id == f"{meta.published.isoformat()}-{expected_id[11:]}"
    assert meta.machine_translated is True
    assert f"archived as archive/articles/{expected_id}/" in result.stdout
    # An encoding other than UTF-8 is named, for the editor to check the guess.
    assert result.stdout.rstrip().endswith("; read as GB18030)" if "gb18030" in name else "(review its meta.yml)")


def test_seed_meta_holds_what_the_parser_extracted(workdir):
    assert ingest(workdir, SEED).returncode == 0
    meta_path = workdir / "archive" / "articles" / SEED_ID / "meta.yml"
    text = meta_path.read_text(encoding="utf-8")
    meta = load_meta(meta_path, read_yaml(meta_path, text), text=text)
    assert meta.title == "Louxing District held the 2022 Work safety retreat Meeting"
    assert str(meta.published) == "2022-04-30" and str(meta.event_date) == "2022-02-11"
    assert meta.source == "Louxing Rong Media Center"
    assert meta.credits == {"reporter": ["Li Yi"], "editor_in_chief": ["Wen Zhibin"],
                            "reviewer": ["Huang Miao", "Zeng Zhenhua"], "editor": ["Xiao Hui"]}
    assert len(meta.people) == 10
    assert meta.encoding == "utf-8"


def test_every_trait_fixture_is_archived_with_valid_meta(workdir):
    files = sorted(p for p in RAW.iterdir() if p.name not in BROKEN)
    result = ingest(workdir, *files)
    assert result.returncode == 0, result.stderr
    ids = article_ids(workdir / "archive")
    assert len(ids) == len(files)
    for article_id in ids:
        assert ID_RE.match(article_id), article_id
        meta_path = workdir / "archive" / "articles" / article_id / "meta.yml"
        text = meta_path.read_text(encoding="utf-8")
        load_meta(meta_path, read_yaml(meta_path, text), text=text)


def test_archive_option(tmp_path):
    archive = tmp_path / "elsewhere" / "archive"
    result = ingest(tmp_path, SEED, archive=archive)
    assert result.returncode == 0, result.stderr
    assert (archive / "articles" / SEED_ID / "source.txt").read_bytes() == SEED.read_bytes()


def test_the_same_content_twice_is_not_added_again_and_is_no_failure(seeded, tmp_path):
    """A file already archived, byte for byte, is said and skipped; it was a failure (exit 1,
    and make's "Error 1"), though there was nothing to do: a command run again after Ctrl+C,
    as ingest itself advises, or on a folder of downloads that grows, always failed."""
    workdir = seeded
    before = snapshot(workdir / "archive")
    copy = tmp_path / "renamed copy.txt"
    copy.write_bytes(SEED.read_bytes())
    result = ingest(workdir, copy)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        f"{copy}: already archived as archive/articles/{SEED_ID}/ (same SHA-256); not added again"]
    assert snapshot(workdir / "archive") == before


def test_the_same_content_twice_in_one_call(workdir):
    result = ingest(workdir, SEED, SEED)
    assert (result.returncode, result.stderr) == (0, "")
    assert article_ids(workdir / "archive") == [SEED_ID]
    assert result.stdout.splitlines()[1:] == [f"{SEED}: already archived as archive/articles/{SEED_ID}/ "
                                              "(same SHA-256); not added again",
                                              "ingest: 1 archived, 1 already archived, 0 refused"]


def test_same_title_and_date_get_distinct_ids(workdir, tmp_path):
    first = write_article(tmp_path / "a.txt", "Lianyuan City held a work meeting", "On May 30, the first meeting.")
    second = write_article(tmp_path / "b.txt", "Lianyuan City held a work meeting", "On May 31, another meeting.")
    result = ingest(workdir, first, second)
    assert result.returncode == 0, result.stderr
    base = "2022-06-01-lianyuan-city-held-a-work-meeting"
    assert article_ids(workdir / "archive") == [base, f"{base}-2"]
    articles = workdir / "archive" / "articles"
    assert (articles / base / "source.txt").read_bytes() == first.read_bytes()
    assert (articles / f"{base}-2" / "source.txt").read_bytes() == second.read_bytes()
    third = write_article(tmp_path / "c.txt", "Lianyuan City held a work meeting", "On June 1, a third one.")
    assert ingest(workdir, third).returncode == 0
    assert article_ids(workdir / "archive") == [base, f"{base}-2", f"{base}-3"]


def test_an_existing_article_folder_is_never_modified(workdir, tmp_path):
    first = write_article(tmp_path / "a.txt", "Cili County held a meeting", "On May 30, a meeting was held.")
    assert ingest(workdir, first).returncode == 0
    folder = workdir / "archive" / "articles" / "2022-06-01-cili-county-held-a-meeting"
    reviewed = folder / "meta.yml"
    reviewed.write_text(reviewed.read_text(encoding="utf-8") + "summary: Reviewed by an editor.\n", encoding="utf-8")
    before = snapshot(folder)
    # A later article with the same id base, the same file again, and a changed file of the same name.
    second = write_article(tmp_path / "b.txt", "Cili County held a meeting", "On May 31, another meeting.")
    assert ingest(workdir, second).returncode == 0
    assert "already archived" in ingest(workdir, first).stdout
    write_article(first, "Cili County held a meeting", "On May 30, a meeting was held. Corrected.")
    assert ingest(workdir, first).returncode == 0
    assert snapshot(folder) == before
    assert len(article_ids(workdir / "archive")) == 3


@pytest.mark.parametrize("name", BROKEN)
def test_a_bad_file_gives_one_line_and_leaves_the_archive_unchanged(seeded, name):
    workdir = seeded
    before = snapshot(workdir / "archive")
    path = RAW / name
    result = ingest(workdir, path)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"{path}: ") and len(lines[0]) > len(f"{path}: ") + 5
    assert "Traceback" not in result.stderr + result.stdout
    assert snapshot(workdir / "archive") == before


def test_bad_files_do_not_stop_the_valid_ones(workdir, tmp_path):
    before = snapshot(workdir / "archive")
    missing = tmp_path / "missing.txt"
    bad = [RAW / name for name in BROKEN] + [missing, tmp_path]
    valid = [SEED, RAW / "gb18030.txt"]
    result = ingest(workdir, bad[0], valid[0], *bad[1:], valid[1])
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == len(bad)
    for path, line in zip(bad, lines, strict=True):
        assert line.startswith(f"{path}: "), line
    assert f"{missing}: no such file" in lines
    assert f"{tmp_path}: is a folder, not an article file" in lines
    ids = article_ids(workdir / "archive")
    assert ids == sorted([SEED_ID, "2022-08-30-lou-xing-qu-carried-out-the-special-inspection-of-campus"])
    assert set(snapshot(workdir / "archive")) > set(before)
    assert f"ingest: 2 archived, {len(bad)} refused" in result.stdout


@pytest.mark.parametrize("year", [date.today().year + 2, 1899])  # (2099 would have been accepted in 2098)
def test_a_date_the_build_refuses_is_refused_at_ingest(seeded, tmp_path, year):
    """The build refuses such a year: ingest used to archive the file, under a folder named
    after the wrong date, which an editor must not rename."""
    path = tmp_path / "future.txt"
    path.write_text(f"Future meeting\n\n{year}-06-17 0 By\n\nThe county met.\n", encoding="utf-8")
    before = snapshot(seeded / "archive")
    result = ingest(seeded, path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{path}: the header date {year}-06-17: the year {year} cannot be an article's (from 1900 to "
        f"{date.today().year + 1}); correct the date in the file"]
    assert snapshot(seeded / "archive") == before


UNSAFE_TITLES = [
    "../../../etc/passwd", "/", "..", "../..", "a/b\\c/../d", "..\\..\\windows\\system32",
    "娄星区召开安全生产工作会议", "“”！？……", ".hidden", "~/.ssh", "CON", "-- -- --",
]


def test_unsafe_titles_still_give_safe_ids(workdir, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    sources = [write_article(inputs / f"{i}.txt", title, f"On May 30, Louxing District held meeting {i}.")
               for i, title in enumerate(UNSAFE_TITLES)]
    result = ingest(workdir, *sources)
    assert result.returncode == 0, result.stderr
    ids = dict(re.findall(r"^(.*): archived as archive/articles/([^/]+)/", result.stdout, re.M))
    assert len(ids) == len(sources) == len(set(ids.values()))
    articles = workdir / "archive" / "articles"
    for source in sources:
        article_id = ids[str(source)]
        assert ID_RE.match(article_id), article_id
        assert ".." not in article_id and "/" not in article_id and "\\" not in article_id
        folder = articles / article_id
        assert folder.resolve().parent == articles.resolve()
        assert (folder / "source.txt").read_bytes() == source.read_bytes()
    assert sorted(article_ids(workdir / "archive")) == sorted(ids.values())
    assert sorted(p.name for p in workdir.iterdir()) == ["archive"]  # nothing written elsewhere
    assert ids[str(sources[6])] == "2022-06-01-lou-xing-qu-zhao-kai-an-quan-sheng-chan-gong-zuo-hui-yi"
    assert ids[str(sources[0])] == "2022-06-01-etc-passwd"
    assert ids[str(sources[1])] == "2022-06-01-article"


@pytest.mark.parametrize(("credit_line", "said"), [
    # A credit line in words the parser does not know gave a draft with 'credits: {}' and
    # 'source: null', the line left in the reading edition, and no hint of it.
    ("\nWords by Liu Hui for the Miluo Rong Media Center",
     "no credit line was recognized at its end: write its credits and source in meta.yml yourself"),
    # '(Liu Hui) Producer: Peng Li Editor: …': the reporter, the editor and the source are
    # read, and the producer, a label the parser does not know, is in neither the credits nor
    # the text: the editor is told, not left to find it missing.
    ("(Liu Hui) Producer: Peng Li Editor: Xu Jing Source: Miluo Rong Media Center",
     "part of the credit line is neither credits nor text (“Producer: Peng Li”): if it credits someone, add them to "
     "meta.yml yourself"),
])
def test_ingest_says_what_of_the_credit_line_it_could_not_read(workdir, tmp_path, credit_line, said):
    raw = tmp_path / "odd.txt"
    raw.write_text("Miluo held a meeting\n2023-05-02 0 By\n\nOn May 1, the city held a meeting on flood control."
                   f"{credit_line}\n", encoding="utf-8")
    result = ingest(workdir, raw)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(f"(review its meta.yml; {said})"), result.stdout
    result = ingest(workdir, SEED)
    assert result.stdout.strip().endswith("(review its meta.yml)"), result.stdout


@pytest.mark.parametrize(("published", "opening", "said"), [
    # "On June 5" in an article of 2 June: last June, almost a year before. Said, as it is as
    # likely a slip or a plan as last year's event.
    ("2023-06-02", "On June 5, the county met.", "; the text gives the event's day without a year, taken to be "
                                                 "2022-06-05, 362 days before publication: check event_date)"),
    ("2023-01-05", "On December 28, the county met.", ")"),  # the last days of the year before: as expected
    ("2023-06-02", "On June 5, 2022, the county met.", ")"),  # the year is written
    # A day no calendar has gave no date and no word (a review of dates)
    ("2023-06-02", "On April 31, the county met.", "; the text gives “April 31”, which is no day of the calendar, and "
                                                   "no date was read from it: if it is the event's day, write "
                                                   "event_date yourself)"),
    ("2023-06-02", "On 2023-02-30 the county met. In May 40 villages joined.", "; the text gives “2023-02-30”, which "
     "is no day of the calendar, and no date was read from it: if it is the event's day, write event_date yourself)"),
])
def test_ingest_asks_to_check_an_event_date_far_before_publication(workdir, tmp_path, published, opening, said):
    raw = tmp_path / "june.txt"
    raw.write_text(f"Miluo held a meeting\n{published} 0 By\n\n{opening} Leaders attended.(Li Yi) Editor: Xiao Hui "
                   "Source: Miluo Rong Media Center\n", encoding="utf-8")
    result = ingest(workdir, raw)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("(review its meta.yml" + said), result.stdout


def test_an_event_date_in_a_year_the_build_refuses_is_left_empty_and_said(workdir, tmp_path):
    """"On December 28" in an article of 5 January 1900 is 28 December 1899: ingest wrote it in
    meta.yml, and every build after it was refused (the first year is 1900)."""
    raw = tmp_path / "old.txt"
    raw.write_text("Miluo held a meeting\n1900-01-05 0 By\n\nOn December 28, the county met. Leaders attended.(Li Yi) "
                   "Editor: Xiao Hui Source: Miluo Rong Media Center\n", encoding="utf-8")
    result = ingest(workdir, raw)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(
        "(review its meta.yml; the text's event date, 1899-12-28, is left out of meta.yml, as the year 1899 cannot be "
        f"an article's (from 1900 to {date.today().year + 1}): write event_date yourself if you know it)"), result.stdout
    meta = (workdir / "archive" / "articles" / "1900-01-05-miluo-held-a-meeting" / "meta.yml").read_text("utf-8")
    assert "\nevent_date: null\n" in meta, meta


def test_a_name_with_spaces_or_an_apostrophe_from_make_gets_the_fix(workdir, tmp_path):
    """`make ingest FILE=Downloads/news article (1).txt` gave three "cannot read" lines, one per
    piece of the name; a name with an apostrophe gave shlex's "No closing quotation"."""
    (tmp_path / "news article (1).txt").write_text("x", encoding="utf-8")
    result = ingest(workdir, f"--files-from-make={tmp_path}/news article (1).txt")
    assert result.returncode == 2 and result.stderr.splitlines() == [
        f"ingest: FILE={tmp_path}/news article (1).txt: '{tmp_path}/news article (1).txt' is one file, whose name has "
        f"spaces: put it in quotes, FILE='\"{tmp_path}/news article (1).txt\"'"]
    result = ingest(workdir, f"--files-from-make={tmp_path}/Xi's talk.txt")
    assert result.returncode == 2 and result.stderr.splitlines() == [
        f"ingest: FILE={tmp_path}/Xi's talk.txt: a quotation mark is not closed: put a name with spaces or brackets in "
        "quotes, FILE='\"news (1).txt\"'; rename a file whose name holds a quotation mark or an apostrophe (Xi's "
        "talk.txt) first"]
    assert not (workdir / "archive" / "articles").exists() or not any((workdir / "archive" / "articles").iterdir())


@pytest.mark.parametrize("umask", [0o022, 0o002])
def test_an_article_folder_has_the_permissions_of_any_folder_the_editor_makes(workdir, tmp_path, umask):
    """Ingest made the article's folder readable by its owner alone (drwx------, whatever the
    umask: it was made as a temporary folder, then renamed): on a shared machine, or a
    server that publishes from a checkout as another user, no one else could read it.
    `make new-article` folders were drwxr-xr-x."""
    raw = write_article(tmp_path / "a.txt", "Changsha County held a flood meeting", "On June 1, the county met.")
    previous = os.umask(umask)
    try:
        result = ingest(workdir, raw)
    finally:
        os.umask(previous)
    assert result.returncode == 0, result.stderr
    folder, = (workdir / "archive" / "articles").iterdir()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o777 & ~umask
    assert {stat.S_IMODE(f.stat().st_mode) for f in folder.iterdir()} == {0o644 & ~umask}  # (as write_new makes files)


def test_a_file_not_found_gets_what_the_editor_most_likely_meant(workdir, tmp_path):
    """Every file not found was "cannot read: No such file or directory": a pattern that
    matches nothing, a folder misspelt, a name relative to another folder than the one
    ingest runs in, and ~ between quotes (which is not the home folder) alike."""
    result = ingest(workdir, "--files-from-make=Downloads/*.text '~/Downloads/a.txt' \"~/b c.txt\" missing.txt "
                             f"{tmp_path}/Dowloads/a.txt")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[:5] == [
        f"Downloads/*.text: no file matches this pattern (a path is read from the folder {workdir})",
        "~/Downloads/a.txt: no such file: between quotes, ~ is not your home folder (nor is it in a terminal); put it "
        "outside them: FILE='~/\"Downloads/news (1).txt\"'",
        "~/b c.txt: no such file: between quotes, ~ is not your home folder (nor is it in a terminal); put it outside "
        "them: FILE='~/\"Downloads/news (1).txt\"'",
        f"missing.txt: no such file (a path is read from the folder {workdir})",
        f"{tmp_path}/Dowloads/a.txt: no such folder: {tmp_path}/Dowloads"]


def test_a_title_with_full_width_punctuation_is_normalized_in_meta_and_verbatim_in_the_source(workdir, tmp_path):
    """'Louxing District：held ...，focusing on key points！' went to meta.yml, and so to every
    page and list, with the full-width marks the reading edition replaces."""
    raw = tmp_path / "title.txt"
    raw.write_text("Louxing District：held the 2022 “Work safety” retreat Meeting，focusing on key points！\n\n"
                   "2022-04-30 0 By\n\nOn February 11, the district met.(Li Yi) Source: Louxing Rong Media Center\n",
                   encoding="utf-8")
    result = ingest(workdir, raw)
    assert result.returncode == 0, result.stderr
    [folder] = (workdir / "archive" / "articles").iterdir()
    assert folder.name == "2022-04-30-louxing-district-held-the-2022-work-safety-retreat-meeting"
    meta_path = folder / "meta.yml"
    text = meta_path.read_text(encoding="utf-8")
    meta = load_meta(meta_path, read_yaml(meta_path, text), text=text)
    assert meta.title == "Louxing District: held the 2022 “Work safety” retreat Meeting, focusing on key points!"
    assert (folder / "source.txt").read_bytes() == raw.read_bytes()


def test_ingest_outside_the_project_folder_archives_nothing(tmp_path):
    """`scripts/ingest.py FILE` typed in another folder (docs/, the Downloads folder) made an
    archive/ there: the article was "archived" where no build reads it (and, under docs/,
    published as a loose file)."""
    result = ingest(tmp_path, SEED)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"ingest: there is no archive/ folder in {tmp_path}: run ingest from the "
                                          "project folder (where you type make); nothing was archived"]
    assert list(tmp_path.iterdir()) == []


def test_a_file_where_the_articles_folder_should_be_is_said_as_such(workdir):
    """It was 'could not be processed (FileExistsError: ...); please report this file', as if
    the article were at fault."""
    (workdir / "archive" / "articles").write_text("notes\n", encoding="utf-8")
    result = ingest(workdir, SEED)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"{SEED}: cannot write to archive/articles/: a file stands where the "
                                          "folder should be: move it away"]
    assert (workdir / "archive" / "articles").read_text(encoding="utf-8") == "notes\n"


def test_ctrl_c_is_one_line_and_leaves_whole_folders(workdir, tmp_path):
    """Ctrl+C while ingesting 400 files printed a KeyboardInterrupt traceback from inside the
    parser, and no word of what had been archived. Here the second of three files is
    interrupted as it is read."""
    files = [write_article(tmp_path / f"a{i}.txt", f"Meeting number {i} was held", f"Text {i} of the meeting.")
             for i in range(3)]
    result = subprocess.run([sys.executable, "-c", INGEST_INTERRUPTED, *map(str, files)], cwd=workdir, capture_output=True,
                            text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert result.returncode == 130, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "ingest: interrupted after 1 of 3 file(s) archived and 0 refused; every folder of the archive is whole. Run "
        "the same command again for the rest: the files already archived are then skipped"]
    assert len(article_ids(workdir / "archive")) == 1
    again = ingest(workdir, *files)
    assert again.returncode == 0 and "ingest: 2 archived, 1 already archived, 0 refused" in again.stdout, \
        again.stdout + again.stderr
    assert len(article_ids(workdir / "archive")) == 3


def test_a_header_typed_in_full_width_figures_is_archived_as_it_is(workdir, tmp_path):
    """'２０２２－０４－３０　０　Ｂｙ', typed with a Chinese input method, was refused as no date
    header. The source keeps it byte for byte; meta.yml gets the date in ASCII, and the same
    text scraped again with another comment count is still known."""
    raw = tmp_path / "wide.txt"
    raw.write_text("Taojiang County held a flood meeting\n\n２０２２－０４－３０　０　Ｂｙ\n\n"
                   "On April 29, the county met.(Li Yi) Source: Taojiang Rong Media Center\n", encoding="utf-8")
    result = ingest(workdir, raw)
    assert result.returncode == 0, result.stderr
    [folder] = (workdir / "archive" / "articles").iterdir()
    assert folder.name == "2022-04-30-taojiang-county-held-a-flood-meeting"
    assert (folder / "source.txt").read_bytes() == raw.read_bytes()
    meta_path = folder / "meta.yml"
    text = meta_path.read_text(encoding="utf-8")
    meta = load_meta(meta_path, read_yaml(meta_path, text), text=text)
    assert meta.published.isoformat() == "2022-04-30" and meta.event_date.isoformat() == "2022-04-29"
    again = tmp_path / "wide again.txt"
    again.write_text(raw.read_text(encoding="utf-8").replace("　０　Ｂｙ", "　１２　Ｂｙ"), encoding="utf-8")
    result = ingest(workdir, again)
    assert result.returncode == 0
    assert f"already archived as archive/articles/{folder.name}/ (the same words;" in result.stdout


@pytest.mark.parametrize("checkout_autocrlf", ["true", "false"])
def test_git_stores_and_checks_out_a_raw_source_byte_for_byte(tmp_path, checkout_autocrlf):
    """A raw source's line endings are its bytes: with core.autocrlf (Git for Windows' default)
    git turned a source's CRLF into LF on commit and its LF into CRLF on checkout, and the build
    then refused the article (its bytes no longer matched its sha256). The project's
    .gitattributes keeps every source.txt as it is."""
    env = {**os.environ, "HOME": str(tmp_path), "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}

    def git(*args: str, cwd: Path) -> str:
        return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True).stdout.decode()

    repo = tmp_path / "repo"
    sources = {"2023-10-21-windows": b"Title\r\n2023-10-21 09:00 By\r\nOn October 1, the county met.\r\n",
               "2023-10-22-unix": b"Title\n2023-10-22 09:00 By\nOn October 2, the county met.\n",
               "2023-10-23-mixed": b"Title\r\n2023-10-23 09:00 By\nOn October 3, the county met.\r\n"}
    for name, raw in sources.items():
        (repo / "archive" / "articles" / name).mkdir(parents=True)
        (repo / "archive" / "articles" / name / "source.txt").write_bytes(raw)
    shutil.copy(ROOT / ".gitattributes", repo / ".gitattributes")
    git("init", "-q", cwd=repo)
    git("-c", "core.autocrlf=true", "add", "-A", cwd=repo)
    git("-c", "core.autocrlf=true", "commit", "-q", "-m", "sources", cwd=repo)
    git("-c", f"core.autocrlf={checkout_autocrlf}", "clone", "-q", str(repo), "clone", cwd=tmp_path)
    for name, raw in sources.items():
        path = f"archive/articles/{name}/source.txt"
        assert (tmp_path / "clone" / path).read_bytes() == raw, path
        assert subprocess.run(["git", "show", f"HEAD:{path}"], cwd=repo, env=env, check=True,
                              capture_output=True).stdout == raw, path


def test_files_of_one_date_and_title_are_each_read_once(tmp_path, monkeypatch):
    """Each file is compared with the articles archived under the same date and title (a copy
    saved again has other bytes but the same words). In one command, each of those was read
    and decoded again for every file after it: 1,000 such files took 96 s, 500 took 20 s (a
    review of skewed archives). Each is read once now, and a copy of one is still found."""
    from lgnews import ingest as ingest_module

    read = []
    compared = ingest_module._compared_words
    monkeypatch.setattr(ingest_module, "_compared_words", lambda text: read.append(1) or compared(text))
    body = ("Louxing District held a meeting on flood prevention today. Attendees studied report "
            "number {n}, and the district asked each town to act.")
    files = [write_article(tmp_path / f"n{n}.txt", "A flood prevention meeting was held", body.format(n=n))
             for n in range(30)]
    copy = tmp_path / "copy.txt"  # the fifth file's words, saved again with Windows line endings
    copy.write_bytes(files[4].read_bytes().replace(b"\n", b"\r\n"))
    assert ingest_module.main([*map(str, files), str(copy), "--archive", str(tmp_path / "archive"), "--quiet"]) == 0
    assert len(article_ids(tmp_path / "archive")) == 30
    assert len(read) <= 2 * 31, len(read)  # itself, and the one archived just before it (each once)


def test_an_article_over_the_size_limit_is_refused_unless_archived_before(tmp_path):
    """Ingest takes articles of up to 200,000 bytes (their pages stay under 1 MiB). One
    archived before the limit was lowered, when it was 1,000,000, is still known by its bytes
    and by its words: the build tells the editor to ingest the original again to put it back,
    which was refused as too long (a review)."""
    import yaml

    archive = tmp_path / "archive"
    shutil.copytree(ROOT / "archive", archive)
    seed = SEED.read_text(encoding="utf-8")
    header, body = seed.split("\n", 1)[1].split("0 By\n", 1)
    text, credit = body.rsplit("(Li Yi)", 1)

    def article(title: str, repeats: int) -> bytes:
        return f"{title}\n{header}0 By\n{text * repeats}(Li Yi){credit}".encode()

    # Archived before: its folder as ingest wrote it then (at the old limit).
    old = article("Louxing District held a long meeting", 70)
    assert 200_000 < len(old) < 1_000_000
    first = ingest(tmp_path, write_article(tmp_path / "small.txt", "Louxing District held a long meeting",
                                           "The meeting was held.", "2022-04-30"), archive=archive)
    folder = archive / "articles" / first.stdout.split("archived as ")[1].split(" ")[0].split("/")[-2]
    meta = yaml.safe_load((folder / "meta.yml").read_text(encoding="utf-8"))
    (folder / "source.txt").write_bytes(old)
    meta["sha256"] = hashlib.sha256(old).hexdigest()
    (folder / "meta.yml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")

    (tmp_path / "old.txt").write_bytes(old)
    (tmp_path / "old_crlf.txt").write_bytes(old.replace(b"\n", b"\r\n"))
    (tmp_path / "new.txt").write_bytes(article("Louxing District held another long meeting", 70))
    (folder / "source.txt").write_bytes(old.replace(b"meeting", b"meetinG", 1))  # changed since
    result = ingest(tmp_path, "old.txt", "old_crlf.txt", "new.txt", archive=archive)
    assert result.stdout.splitlines()[:2] == [
        f"old.txt: restored {folder}/source.txt, which had been changed, to these original bytes (its meta.yml is "
        "kept)",
        f"old_crlf.txt: already archived as {archive}/articles/{folder.name}/ (the same words; only the bytes differ: "
        "line endings or breaks, a byte order mark, the encoding or the comment count); not added again"]
    assert result.stderr.splitlines()[0] == f"new.txt: file is {(tmp_path / 'new.txt').stat().st_size:,} bytes; the limit for one article is " \
                                            "200,000"
    assert (folder / "source.txt").read_bytes() == old
    assert len(article_ids(archive)) == 2


def test_a_file_over_the_size_limit_is_said_too_long_before_what_else_is_wrong(tmp_path):
    """A file over the limit, with no date header, was told of the header: the editor mended
    it, to be told it is too long (a third review). And nothing is made for it in the archive."""
    archive = tmp_path / "archive"
    archive.mkdir()
    big = tmp_path / "big.txt"
    big.write_text("A title\n\n" + "The county met on work safety. " * 8_000, encoding="utf-8")
    result = ingest(tmp_path, big, archive=archive)
    assert result.stderr.splitlines()[0] == (f"{big}: file is {big.stat().st_size:,} bytes; the limit for one article is "
                                             "200,000")
    assert list(archive.iterdir()) == []
