"""An editor's day, one save and one ordinary (cached, incremental) generation after another,
leaves docs/ exactly as a generation from scratch of the archive as it ends up: the same
generated files, byte for byte, none left over, and the editors' own pages untouched. What a
reader would otherwise get: a page with an old title, a term page that still lists an
article that no longer uses the term, the page of a deleted article still published."""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import sys
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lgnews.build as build
import lgnews.model as model
import lgnews.share as share
import lgnews.write as write
from lgnews.build import generate
from lgnews.write import MANIFEST, read_manifest

from .conftest import SEED_ID, copy_project, counting_forks, run

# --------------------------------------------------------------------------- the project

# Articles made from the seed (another date, title and day of the meeting), and one written
# in Markdown: the cache keeps each kind under its own key.
FLOOD = "2022-06-15-louxing-district-held-the-2022-flood-prevention-meeting"
CONFERENCE = "2023-03-20-louxing-district-held-the-2023-work-safety-conference"
WRITTEN = "2023-03-02-a-markdown-article"
FIRE = "2021-11-05-louxing-district-held-the-2021-fire-safety-meeting"  # added by an edit

MARKDOWN_ARTICLE = """\
---
title: A Markdown article
published: 2023-03-02
source: Louxing Rong Media Center
tags:
- louxing
---
On February 27, the District Safety Committee met on the power list.

Liu Zhigang and other leaders attended.
"""


def _articles(project: Path) -> Path:
    return project / "archive" / "articles"


def _replace(path: Path, old: str, new: str) -> None:
    """``old`` replaced by ``new`` in the file at ``path``, as an editor's save; nothing if the
    file is gone (the article was deleted) or no longer holds ``old`` (already changed)."""
    if not path.is_file():
        return
    text = path.read_text(encoding="utf-8")
    if old in text:
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _reseal(folder: Path) -> None:
    """meta.yml's sha256 made that of the edited source.txt, as it must be for the build."""
    digest = hashlib.sha256((folder / "source.txt").read_bytes()).hexdigest()
    meta = folder / "meta.yml"
    meta.write_text(re.sub(r"^sha256: .*$", f"sha256: {digest}", meta.read_text(encoding="utf-8"), flags=re.M),
                    encoding="utf-8")


def _edit_source(article_id: str, old: str, new: str):
    def edit(project: Path) -> None:
        folder = _articles(project) / article_id
        if (folder / "source.txt").is_file() and old in (folder / "source.txt").read_text(encoding="utf-8"):
            _replace(folder / "source.txt", old, new)
            _reseal(folder)
    return edit


def _add_from_seed(project: Path, article_id: str, title: str, meeting_day: str) -> None:
    """A raw article made from the seed's folder: its date and title, in source.txt and
    meta.yml, and the day of its meeting in the text (not the seed's text word for word,
    which the build would warn of as one article published twice)."""
    seed, folder = _articles(project) / SEED_ID, _articles(project) / article_id
    if folder.exists():
        return
    published = article_id[:10]
    lines = (seed / "source.txt").read_text(encoding="utf-8").split("\n")
    lines[0] = title
    text = "\n".join(lines).replace("2022-04-30 0 By", f"{published} 0 By", 1)
    text = text.replace("On February 11,", f"On {meeting_day},", 1)
    meta = (seed / "meta.yml").read_text(encoding="utf-8")
    meta = re.sub(r"^title: .*$", f"title: {title}", meta, count=1, flags=re.M)
    meta = re.sub(r"^published: .*$", f"published: {published}", meta, count=1, flags=re.M)
    meta = re.sub(r"^event_date: .*$", "event_date: null", meta, count=1, flags=re.M)
    folder.mkdir()
    (folder / "source.txt").write_text(text, encoding="utf-8")
    (folder / "meta.yml").write_text(meta, encoding="utf-8")
    _reseal(folder)


def _prepare(project: Path) -> None:
    """The repository's archive (the seed) and three more articles."""
    _add_from_seed(project, FLOOD, "Louxing District held the 2022 Flood prevention Meeting", "June 10")
    _add_from_seed(project, CONFERENCE, "Louxing District held the 2023 Work safety conference", "March 16")
    (_articles(project) / WRITTEN).mkdir()
    (_articles(project) / WRITTEN / "article.md").write_text(MARKDOWN_ARTICLE, encoding="utf-8")


# --------------------------------------------------------------------------- the edits


def _meta(article_id: str, old: str, new: str):
    return lambda project: _replace(_articles(project) / article_id / "meta.yml", old, new)


def _curated(name: str, old: str, new: str):
    return lambda project: _replace(project / "archive" / name, old, new)


def _added_once(name: str, after: str, line: str):
    """``line`` added after ``after`` in an archive list, if it is not there yet: an editor adds
    an alias once (the build refuses one listed twice, a slip: see test_errors)."""
    def edit(project: Path) -> None:
        if line not in (project / "archive" / name).read_text(encoding="utf-8"):
            _replace(project / "archive" / name, after, after + line)
    return edit


def _append(name: str, text: str):
    def edit(project: Path) -> None:
        path = project / "archive" / name
        if text not in path.read_text(encoding="utf-8"):
            with path.open("a", encoding="utf-8") as fh:
                fh.write(text)
    return edit


def _delete(article_id: str):
    return lambda project: shutil.rmtree(_articles(project) / article_id, ignore_errors=True)


EDITOR_PAGE = "notes/reading-the-archive.md"


def _editor_page(project: Path) -> None:
    page = project / "docs" / EDITOR_PAGE
    if page.exists():
        return
    page.parent.mkdir(exist_ok=True)
    page.write_text("# Reading the archive\n\nThe articles are machine translations; the glossary explains "
                    "their terms.\n", encoding="utf-8")


EDITS = {
    "retitle": _meta(FLOOD, "title: Louxing District held the 2022 Flood prevention Meeting",
                     "title: Louxing District held the 2022 Flood prevention and drought relief Meeting"),
    # A person's role (roles are searched for organizations) and a person's name.
    "role": _meta(CONFERENCE, "  - Director of the District Safety Committee\n", ""),
    "rename": _meta(CONFERENCE, "- name: Party jianguo", "- name: Dang Jianguo"),
    # A glossary term that no article used appears in the text; one that it used disappears.
    "term appears": _edit_source(CONFERENCE, "and other leaders attended.",
                                 "and other leaders attended.The notice of the provincial Safety Committee was read."),
    "term disappears": _edit_source(CONFERENCE, "The “power list” of law enforcement", "The duties of law enforcement"),
    "markdown": lambda project: _replace(_articles(project) / WRITTEN / "article.md", "attended.\n",
                                         "attended.\n\nThey kept to the “three principles”.\n"),
    "add": lambda project: _add_from_seed(project, FIRE, "Louxing District held the 2021 Fire safety Meeting",
                                          "November 2"),
    "delete": _delete(FLOOD),
    "alias added": _added_once("glossary.yml", '    - "retreat meetings"\n', '    - "work safety conference"\n'),
    "alias removed": _curated("glossary.yml", '    - "7·20"\n', ""),
    "person": _append("people.yml", '\n- name: "Liu Zhigang"\n  zh: "刘志刚"\n  zh_confirmed: false\n'
                                    '  note: "Head of Louxing District in 2022."\n'),
    "event": _append("events.yml", '\n- id: "louxing-work-safety-conference-2022"\n  date: "2022-02-11"\n'
                                   '  title: "Louxing District holds its 2022 work safety conference"\n'
                                   '  description: "The district reviewed the lessons of the Zhengzhou disaster."\n'
                                   '  aliases:\n    - "2022 Work safety conference"\n'),
    "tag": _curated("tags.yml", 'title: "Hunan Province"', 'title: "Hunan"'),
    "editor page": _editor_page,
}
REVERT = "revert"  # undoes the last edit not yet undone, as `git checkout` of the files would
SLIP = "slip"  # a slip the build refuses (writing nothing), mended before the next run: see _slip
STEPS = [*EDITS, REVERT, SLIP]


# --------------------------------------------------------------------------- the runs


def _editors_paths(project: Path, kept: set[str]) -> list[str]:
    """The editors' pages of docs/: ``kept``, those of the repository, and the one an edit
    saves, if it is there. (Named, not found as what the manifest leaves out: a file the
    generator wrote without listing it would pass for an editor's.)"""
    return sorted(rel for rel in kept | {EDITOR_PAGE} if (project / "docs" / rel).is_file())


def _inputs(project: Path, kept: set[str]) -> dict[str, bytes]:
    """What the editors keep: every file of archive/, and their pages in docs/."""
    files = {path.relative_to(project).as_posix(): path.read_bytes()
             for path in sorted((project / "archive").rglob("*")) if path.is_file()}
    files.update({f"docs/{rel}": (project / "docs" / rel).read_bytes() for rel in _editors_paths(project, kept)})
    return files


def _restore(project: Path, files: dict[str, bytes], kept: set[str]) -> None:
    """The editors' files put back as they were in ``files``: only those that differ are
    written or deleted (an emptied article folder goes too)."""
    now = _inputs(project, kept)
    for rel in sorted(set(now) - set(files), reverse=True):
        (project / rel).unlink()
        folder = (project / rel).parent
        while folder != project and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    for rel, data in files.items():
        if now.get(rel) != data:
            (project / rel).parent.mkdir(parents=True, exist_ok=True)
            (project / rel).write_bytes(data)


def _generate(project: Path, *, check: bool = False, refused: bool = False, own_process: bool = False) -> str:
    """scripts/build.py's run, in this process (as quick as a test needs), or in its own
    (``own_process``, as `make generate` runs it); with ``check``, its check without the
    cache (--check --no-cache: every article parsed again). What it printed. ``refused``:
    the run must fail."""
    if own_process:
        result = run([sys.executable, "scripts/build.py", "--quiet"], project, check=False)
        status, printed = result.returncode, result.stdout + result.stderr
    else:
        out = io.StringIO()
        status, printed = generate(project, check=check, quiet=True, out=out, cache=not check), out.getvalue()
    if refused:
        assert status == 1, "the build did not refuse the slip"
    else:
        assert status == 0 or check, f"the build failed ({status}): {printed}"
    return printed


class Snapshot(NamedTuple):
    files: dict[str, bytes]  # every file of docs/, by path
    folders: set[str]
    manifest: dict


def _snapshot(docs: Path) -> Snapshot:
    files = {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}
    folders = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_dir()}
    return Snapshot(files, folders, json.loads(files[MANIFEST]))


def _editors_pages(project: Path, kept: set[str]) -> dict[str, tuple[bytes, int]]:
    """The pages (and assets) editors keep in docs/, with their times: the generator never
    writes one, so neither changes."""
    docs = project / "docs"
    return {rel: ((docs / rel).read_bytes(), (docs / rel).stat().st_mtime_ns) for rel in _editors_paths(project, kept)}


def _unaccounted(project: Path, kept: set[str]) -> list[str]:
    """The files of docs/ that are neither the editors' nor listed in the manifest."""
    docs = project / "docs"
    known = set(read_manifest(docs)) | {MANIFEST} | set(_editors_paths(project, kept))
    return sorted(rel for p in docs.rglob("*") if p.is_file() and (rel := p.relative_to(docs).as_posix()) not in known)


def _from_scratch(project: Path, kept: set[str], where: Path) -> Snapshot:
    """docs/ as a first generation, without the cache, of ``project``'s archive and editors'
    pages makes it, in a new copy of the project and a process of its own."""
    fresh = copy_project(where)
    shutil.rmtree(fresh / "archive")
    shutil.copytree(project / "archive", fresh / "archive")
    for rel in _editors_paths(project, kept):
        (fresh / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(project / "docs" / rel, fresh / "docs" / rel)
    run([sys.executable, "scripts/build.py", "--quiet", "--no-cache"], fresh)
    return _snapshot(fresh / "docs")


def _differences(got: Snapshot, expected: Snapshot) -> list[str]:
    found = [f"left over: docs/{rel}" for rel in sorted(set(got.files) - set(expected.files))]
    found += [f"missing: docs/{rel}" for rel in sorted(set(expected.files) - set(got.files))]
    found += [f"stale: docs/{rel}" for rel in sorted(set(got.files) & set(expected.files))
              if rel != MANIFEST and got.files[rel] != expected.files[rel]]
    found += [f"empty folder left: docs/{rel}/" for rel in sorted(got.folders - expected.folders)]
    # The manifest as a whole but its "inputs": the fingerprint of the run's inputs, which
    # holds the modification time of every file of archive/ and of the generator, and so is
    # never the same in two copies of a project.
    if {k: v for k, v in got.manifest.items() if k != "inputs"} != \
            {k: v for k, v in expected.manifest.items() if k != "inputs"}:
        found.append("the manifest lists other files or digests")
    if not got.manifest.get("inputs"):
        found.append("the manifest records no fingerprint: the next run cannot be skipped")
    return found


def _slip(project: Path) -> None:
    """Two slips saved at once, a tag tags.yml does not allow in a meta.yml and a broken
    quote in glossary.yml: the run refuses them and writes nothing (it keeps in the cache
    the articles that loaded), then both files are put back as they were."""
    meta, glossary = _articles(project) / CONFERENCE / "meta.yml", project / "archive" / "glossary.yml"
    kept = {path: path.read_bytes() for path in (meta, glossary)}
    before = _snapshot(project / "docs")
    meta.write_bytes(kept[meta].replace(b"- hunan\n", b"- hunan\n- hunnan\n", 1))
    glossary.write_bytes(kept[glossary].replace(b'- term: "power list"', b'- term: "power list', 1))
    _generate(project, refused=True)
    assert _snapshot(project / "docs") == before, "a refused run changed docs/"
    for path, data in kept.items():
        path.write_bytes(data)


def replay(project: Path, steps: list[str], reference: Path, own_process: bool = False) -> None:
    """Generate ``project`` (the repository's project, with ``_prepare``'s articles), then
    make each of ``steps`` and generate after each as an editor would; after each, the
    generator's own check from scratch (--check --no-cache) finds nothing out of date and
    the editors' pages are as they were; at the end, docs/ is what a first generation of
    the same archive makes in a new copy (``reference``). ``own_process``: each generation
    in a process of its own, as `make generate` and the preview run it."""
    docs = project / "docs"
    kept = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}  # nothing generated yet
    _prepare(project)
    _generate(project)
    editors = _editors_pages(project, kept)
    undo: list[dict[str, bytes]] = []
    for done, step in enumerate(steps, 1):
        if step == REVERT:
            if undo:
                _restore(project, undo.pop(), kept)
        elif step == SLIP:
            _slip(project)
        else:
            undo.append(_inputs(project, kept))
            EDITS[step](project)
        _generate(project, own_process=own_process)
        where = f"after {steps[:done]}"
        check = _generate(project, check=True)
        assert "generated files are up to date" in check, f"{where}: {check}"
        now = _editors_pages(project, kept)
        if step in ("editor page", REVERT):  # the page it saved, or took away, as it left it
            editors = {rel: page for rel, page in editors.items() if rel != EDITOR_PAGE}
            editors.update({rel: page for rel, page in now.items() if rel == EDITOR_PAGE})
        assert now == editors, f"{where}: an editor's page was changed or deleted"
        assert not _unaccounted(project, kept), f"{where}: files neither generated nor the editors'"
    differences = _differences(_snapshot(docs), _from_scratch(project, kept, reference))
    assert not differences, f"after {steps}:\n" + "\n".join(differences)


# --------------------------------------------------------------------------- the tests

SEQUENCES = {
    # Articles: a title, a person's role and name, the text, one added, one deleted and back.
    "articles": ["add", "retitle", "term appears", "role", "delete", "term disappears", "rename", REVERT,
                 "markdown"],
    # The curated lists, an editor's page and a slip (refused, then mended) among them, then
    # the last two undone.
    "curated lists": ["alias added", "person", "editor page", SLIP, "event", "tag", "alias removed", REVERT, REVERT],
    # Both kinds at once, and back to the start by undoing every edit.
    "mixed then all undone": ["editor page", "delete", "alias added", "rename", "term appears", "tag",
                              REVERT, REVERT, REVERT, REVERT, REVERT, REVERT],
    # An article added while the glossary and the people change around it, then deleted.
    "added under changing lists": ["alias removed", "add", "person", "event", "retitle", "alias added", "markdown",
                                   "delete", REVERT],
}


@pytest.mark.parametrize("steps", SEQUENCES.values(), ids=SEQUENCES.keys())
def test_incremental_generations_end_as_a_generation_from_scratch(steps, tmp_path):
    """Each edit followed by an ordinary generation: a stale page or cache entry, or a file
    left over, would be published until someone emptied .cache/ and docs/ by hand."""
    replay(copy_project(tmp_path / "project"), steps, tmp_path / "reference")


def test_incremental_generations_each_in_a_process_of_its_own(tmp_path):
    """The same as `make generate` runs: nothing carried over in memory from one run to the
    next, the cache read back from .cache/ each time."""
    replay(copy_project(tmp_path / "project"), SEQUENCES["articles"], tmp_path / "reference", own_process=True)


def test_incremental_generations_shared_among_processes(tmp_path, monkeypatch):
    """The same with the articles parsed, and the pages rendered and written, by forked
    processes, as in an archive of thousands of articles: the scans a worker makes go into
    the cache by another road."""
    monkeypatch.setattr(model, "PARALLEL_FROM", 2)
    monkeypatch.setattr(build, "RENDER_PARALLEL_FROM", 1)
    monkeypatch.setattr(write, "WRITE_PARALLEL_FROM", 1)
    monkeypatch.setattr(share, "workers", lambda: 2)  # (the session's idle threads aside)
    forked = counting_forks(monkeypatch)
    replay(copy_project(tmp_path / "project"), SEQUENCES["added under changing lists"], tmp_path / "reference")
    assert forked, "nothing was shared among processes"


def test_every_edit_changes_the_pages(tmp_path):
    """Each edit is one the generated pages show (else the sequences above would test
    nothing): docs/ differs from what the project without it generates."""
    base = copy_project(tmp_path / "base")
    _prepare(base)
    _generate(base)
    before = _snapshot(base / "docs").files
    for name, edit in EDITS.items():
        project = Path(shutil.copytree(base, tmp_path / "edited" / re.sub(r"\W", "-", name), symlinks=True))
        edit(project)
        assert _inputs(project, set()) != _inputs(base, set()), f"{name}: the edit changed no file"
        _generate(project)
        after = _snapshot(project / "docs").files
        if name != "editor page":  # (its own page only: it is not generated)
            assert {k: v for k, v in after.items() if k != MANIFEST} != \
                {k: v for k, v in before.items() if k != MANIFEST}, f"{name}: no generated file changed"


@settings(max_examples=5, deadline=None)
@given(steps=st.lists(st.sampled_from(STEPS), min_size=2, max_size=6))
def test_any_sequence_of_edits_ends_as_a_generation_from_scratch(steps, tmp_path_factory):
    """The same, in orders nobody chose."""
    where = tmp_path_factory.mktemp("sequence")
    replay(copy_project(where / "project"), steps, where / "reference")
