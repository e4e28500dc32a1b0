"""Nothing lost: atomic writes, writes only of what changed, deletes only of what the
generator made, `--check`, and the archived sources' checksums."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
import time
from pathlib import Path

import pytest
import yaml

import lgnews.write as write
from lgnews.build import MOVED_ADVICE, generate

from .conftest import FIXTURES, ROOT, SEED_ID, counting_forks, meet, run

MANIFEST = ".generated-manifest.json"
SEED_PAGE = f"articles/{SEED_ID}/index.md"
EXTRA = FIXTURES / "raw" / "attendee_list.txt"


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every path under ``folder`` with its bytes (None for a folder)."""
    return {p.relative_to(folder).as_posix(): (None if p.is_dir() else p.read_bytes())
            for p in sorted(folder.rglob("*"))}


def stats(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def temp_files(folder: Path) -> list[str]:
    return [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.name.endswith(".tmp")
            or p.name.startswith(".ingest-")]


def build(project: Path, *args: str, check: bool = True):
    return run([sys.executable, "scripts/build.py", *args], project, check=check)


def ingest_extra(project: Path) -> str:
    result = run([sys.executable, "scripts/ingest.py", str(EXTRA)], project)
    return re.search(r"archived as archive/articles/([^/]+)/", result.stdout)[1]


def set_title(project: Path, title: str, article: str = SEED_ID) -> None:
    meta = project / "archive" / "articles" / article / "meta.yml"
    text = meta.read_text(encoding="utf-8")
    meta.write_text(re.sub(r"^title: .*$", f"title: {title}", text, count=1, flags=re.M), encoding="utf-8")


# --------------------------------------------------------------------------- atomic writes


def test_atomic_write_keeps_the_old_file_when_interrupted(tmp_path, monkeypatch):
    target = tmp_path / "page.md"
    target.write_bytes(b"old content\n")

    def interrupted(src, dst):
        raise KeyboardInterrupt  # as if the process were stopped between write and rename

    monkeypatch.setattr(write.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write.atomic_write(target, b"new content, much longer than the old one\n" * 1000)
    assert target.read_bytes() == b"old content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.md"], "a temporary file was left behind"


def test_a_page_that_cannot_be_replaced_is_named_as_the_editor_knows_it(project, monkeypatch, capsys):
    """A page made immutable (chattr +i) was said as 'cannot write docs/articles/<id>/
    .index.md.17166-1.tmp', a name the editor never saw."""
    assert generate(project, quiet=True) == 0
    set_title(project, "Louxing District held the 2022 Work safety retreat Meeting again")
    real = os.replace
    target = SEED_PAGE

    def immutable(src, dst):
        if str(dst).endswith(target):
            raise PermissionError(1, "Operation not permitted", src, None, dst)  # as os.replace says it
        return real(src, dst)

    monkeypatch.setattr(write.os, "replace", immutable)
    capsys.readouterr()
    assert generate(project, quiet=True) == 1
    said = capsys.readouterr().err.splitlines()
    assert len(said) == 1 and said[0].startswith(f"build: cannot write docs/{target}: Operation not permitted; "), said
    assert not temp_files(project / "docs")


@pytest.mark.parametrize("fail_at", [1, 5, -1])
def test_interrupted_generation_leaves_whole_files_and_recovers(project, monkeypatch, capsys, fail_at):
    """A run stopped mid-way (the n-th rename fails; -1: the manifest's, after the pages)
    says so in one line, leaves every page either as it was or as it will be, no temporary
    file, and the next run completes."""
    assert generate(project, quiet=True) == 0
    docs = project / "docs"
    before = tree(docs)
    extra = ingest_extra(project)
    set_title(project, "Louxing District held the 2022 Work safety retreat Meeting again")
    real = os.replace
    calls: list[str] = []

    def flaky(src, dst):
        calls.append(str(dst))
        pages_written = any(not c.endswith(MANIFEST) for c in calls[:-1])
        if len(calls) == fail_at or (fail_at == -1 and str(dst).endswith(MANIFEST) and pages_written):
            raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(write.os, "replace", flaky)
    capsys.readouterr()
    assert generate(project, quiet=True) == 1
    said = capsys.readouterr().err.splitlines()
    assert len(said) == 1 and said[0].startswith("build: cannot write docs/") and \
        ": No space left on device; once that is mended, run the build again" in said[0], said
    monkeypatch.setattr(write.os, "replace", real)
    assert not temp_files(docs), temp_files(docs)
    monkeypatch.chdir(project)
    fresh = _fresh_outputs(project)
    for rel, data in tree(docs).items():
        if data is None or rel == MANIFEST:
            continue
        assert data in (before.get(rel), fresh.get(rel)), f"docs/{rel} is neither the old nor the new file"
    # The next run finishes the job, whatever the interruption left.
    result = build(project, check=False)
    assert result.returncode == 0, result.stderr
    assert f"articles/{extra}/index.md" in {k for k in tree(docs)}
    assert build(project, "--check", check=False).returncode == 0


@pytest.mark.parametrize("fail_at", ["after its page", "at the manifest"])
def test_a_page_of_an_interrupted_run_goes_with_its_article(project, monkeypatch, capsys, fail_at):
    """The manifest lists a run's new pages before they are renamed into place: stopped after
    them, and the article then removed, the next run deletes its pages as the generator's
    (without that first manifest, they would be pages that carry the generator's mark
    where it makes none, which the build refuses to touch: a test audit's mutant)."""
    assert generate(project, quiet=True) == 0
    docs = project / "docs"
    extra = ingest_extra(project)
    real = os.replace
    calls: list[str] = []

    def flaky(src, dst):
        page_before = any(c.endswith(f"articles/{extra}/index.md") for c in calls)
        calls.append(str(dst))
        pages_written = any(not c.endswith(MANIFEST) for c in calls[:-1])
        if (fail_at == "after its page" and page_before) or (
                fail_at == "at the manifest" and str(dst).endswith(MANIFEST) and pages_written):
            raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(write.os, "replace", flaky)
    assert generate(project, quiet=True) == 1
    monkeypatch.setattr(write.os, "replace", real)
    capsys.readouterr()
    assert (docs / "articles" / extra / "index.md").exists(), "the interrupted run had renamed the article's page"
    shutil.rmtree(project / "archive" / "articles" / extra)
    result = build(project, check=False)
    assert result.returncode == 0, result.stderr
    assert not (docs / "articles" / extra).exists()
    # Nor an empty folder made for a page the run did not rename ("docs/people/<name>: ... move
    # it elsewhere in docs/" said --check of twelve).
    assert build(project, "--check", check=False).returncode == 0


def _fresh_outputs(project: Path) -> dict[str, bytes]:
    from lgnews.config import load_config
    from lgnews.model import build_site, load_archive
    from lgnews.render import Renderer

    config = load_config(project)
    site = build_site(load_archive(config.archive))
    return {o.path: o.content.encode("utf-8")
            for o in Renderer(site, config.site_url, config.site_name, config.repo_url).render_all()}


def test_interrupted_ingest_leaves_no_partial_folder(project, tmp_path, monkeypatch):
    import lgnews.ingest as ingest

    before = tree(project / "archive")

    def interrupted(src, dst):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(ingest.os, "rename", interrupted)
    status = ingest.main([str(EXTRA), "--archive", str(project / "archive"), "--quiet"])
    assert status == 1
    assert tree(project / "archive") == before


# --------------------------------------------------------------------------- only what changed


def test_second_run_writes_nothing(project):
    first = build(project)
    assert re.search(r"\b[1-9]\d* written", first.stdout), first.stdout
    # The run says where its time went (make bench reports it).
    assert re.search(r" in [\d.]+ s \(parsing [\d.]+ s, model [\d.]+ s, rendering [\d.]+ s, writing [\d.]+ s\)$",
                     first.stdout.strip().splitlines()[-1]), first.stdout
    docs = project / "docs"
    before, contents = stats(docs), tree(docs)
    second = build(project)
    assert re.search(r"\b0 (files )?written", second.stdout), second.stdout
    assert stats(docs) == before, "a no-op run rewrote files"
    # Also when the archive's files were touched but not changed (the full pipeline runs).
    for path in (project / "archive").rglob("*"):
        os.utime(path)
    third = build(project)
    assert re.search(r"\b0 (files )?written", third.stdout), third.stdout
    pages = lambda d: {k: v for k, v in d.items() if k != MANIFEST}  # noqa: E731 (it records the inputs)
    assert pages(stats(docs)) == pages(before) and pages(tree(docs)) == pages(contents)


def test_the_same_outputs_written_again_leave_the_manifest_as_it_was(tmp_path):
    """Only touched, never written again, when nothing in it changed (a mutation review: a
    manifest rewritten by every run passed every test)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    outputs = {"tags/index.md": b"<!-- Generated -->\n# Tags\n", "tags/x/index.md": b"<!-- Generated -->\n# X\n"}
    write.write_outputs(docs, outputs, inputs="abc")
    before = (docs / MANIFEST).stat()
    report = write.write_outputs(docs, outputs, inputs="abc")
    assert report.written == [] and report.deleted == []
    after = (docs / MANIFEST).stat()
    assert after.st_ino == before.st_ino and after.st_mtime_ns >= before.st_mtime_ns
    write.write_outputs(docs, outputs, inputs="abd")  # what it records changed: written again
    assert (docs / MANIFEST).stat().st_ino != before.st_ino and '"abd"' in (docs / MANIFEST).read_text()


def test_a_change_rewrites_only_the_pages_it_affects(project):
    build(project)
    docs = project / "docs"
    before = stats(docs)
    meta = project / "archive" / "articles" / SEED_ID / "meta.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace(
        "note: Garbled. Probably 树牢", "note: Garbled, surely. Probably 树牢"), encoding="utf-8")
    result = build(project)
    changed = {rel for rel, st in stats(docs).items() if before.get(rel) != st}
    assert SEED_PAGE in changed and "data/articles.json" in changed
    assert "glossary/power-list/index.md" not in changed, "an unaffected page was rewritten"
    assert re.search(rf"\b{len(changed - {MANIFEST})} written", result.stdout), (changed, result.stdout)


# --------------------------------------------------------------------------- deletes only what it generated


def test_removed_article_leaves_no_stale_page_and_editor_pages_are_kept(project):
    docs = project / "docs"
    notes = docs / "notes.md"
    notes.write_text("# Notes\n\nAn editor's page.\n", encoding="utf-8")
    kept = {p: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ino) for p in (notes,)}
    extra = ingest_extra(project)
    build(project)
    page = docs / "articles" / extra / "index.md"
    assert page.exists()
    import shutil

    shutil.rmtree(project / "archive" / "articles" / extra)
    result = build(project)
    assert not page.exists() and not page.parent.exists(), "a stale page (or its folder) was left"
    assert not any(extra in rel for rel in tree(docs)), [rel for rel in tree(docs) if extra in rel]
    assert extra not in (docs / MANIFEST).read_text(encoding="utf-8")
    assert re.search(r"\b[1-9]\d* deleted", result.stdout), result.stdout
    for path, (data, mtime, inode) in kept.items():
        assert (path.read_bytes(), path.stat().st_mtime_ns, path.stat().st_ino) == (data, mtime, inode)


def test_editor_page_in_the_way_is_refused_and_nothing_is_written(project):
    docs = project / "docs"
    page = docs / SEED_PAGE
    page.parent.mkdir(parents=True)
    page.write_text("---\ntitle: My own page\n---\n\nAn editor wrote this.\n", encoding="utf-8")
    before = tree(docs)
    result = build(project, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if SEED_PAGE in line]
    assert len(lines) == 1 and "not generated" in lines[0] and lines[0].startswith(f"docs/{SEED_PAGE}: "), \
        result.stderr
    assert tree(docs) == before, "a refused run wrote or deleted files"


def test_a_lost_manifest_does_not_make_the_generator_refuse_its_own_files(project):
    """Without the manifest, the generator recognises what it wrote (pages by the mark in their
    front matter, however long it is; data and feeds by being its own outputs) and rebuilds."""
    build(project)
    docs = project / "docs"
    before = tree(docs)
    (docs / MANIFEST).unlink()
    result = build(project, check=False)
    assert result.returncode == 0, result.stderr
    after = tree(docs)
    assert {k: v for k, v in after.items() if k != MANIFEST} == {k: v for k, v in before.items() if k != MANIFEST}
    assert (docs / MANIFEST).exists()


def test_with_the_manifest_lost_the_pages_of_a_removed_article_are_deleted_not_refused(project):
    """The manifest lost (deleted, or docs/ copied without it) and an article removed: its
    page, its people's and its month's, all the generator's, were refused as pages an editor
    had saved in the generated folders (ten lines, and nothing written), and `--check` said
    so too. They are the generator's, marked as such: they go, as with the manifest."""
    docs = project / "docs"
    extra = ingest_extra(project)
    build(project)
    gone = [rel for rel in tree(docs) if extra in rel]
    assert gone
    (docs / MANIFEST).unlink()
    import shutil

    shutil.rmtree(project / "archive" / "articles" / extra)
    check = build(project, "--check", check=False)
    assert check.returncode == 1 and "to move or rename" not in check.stdout + check.stderr, check.stderr
    assert any(line.startswith(f"stale: docs/articles/{extra}/index.md") for line in check.stdout.splitlines()), \
        check.stdout
    result = build(project, check=False)
    assert result.returncode == 0, result.stderr
    assert not [rel for rel in tree(docs) if extra in rel]
    assert not (docs / "articles" / extra).exists()
    assert f"the page articles/{extra}/ is gone" in result.stderr
    assert build(project, "--check").returncode == 0
    # An editor's page among them is still refused, and nothing is deleted.
    build(project)
    (docs / MANIFEST).unlink()
    notes = docs / "people" / "li-yi" / "notes.md"
    notes.write_text("# My notes\n", encoding="utf-8")
    before = tree(docs)
    refused = build(project, check=False)
    assert refused.returncode == 1 and "docs/people/li-yi/notes.md" in refused.stderr, refused.stderr
    assert tree(docs) == before


def test_a_generated_page_put_back_where_no_article_is_is_named_even_when_nothing_changed(project):
    """A marked page copied back into a generated folder (a backup of docs/articles/ unpacked
    over it) with nothing else changed: the quick way said there was nothing to do, and the
    stale page was published. With a manifest, which lists every page the generator makes,
    such a page is not one of them: an editor's copy, perhaps with their work in it, so it is
    named, not deleted (with the manifest lost, it goes: see above)."""
    import shutil

    docs = project / "docs"
    build(project)
    copy = docs / "articles" / "2000-01-01-an-old-copy"
    shutil.copytree(docs / "articles" / SEED_ID, copy)
    before = tree(docs)
    for args in ((), ("--check",)):
        result = build(project, *args, check=False)
        assert result.returncode == 1
        assert result.stderr.splitlines()[0] == (
            "docs/articles/2000-01-01-an-old-copy: carries the generator's mark, as a copy of a generated page does "
            "(or one put back from a backup), but the generator makes no page there: docs/articles/ is written by "
            "the generator and ignored by git, so what is saved in it is never published: move it elsewhere in "
            "docs/ (for example docs/2000-01-01-an-old-copy/), or delete it if it holds nothing of yours"), result.stderr
        assert tree(docs) == before
    shutil.rmtree(copy)
    assert build(project, "--check").returncode == 0


def test_an_editors_copy_of_a_generated_page_is_kept_and_named_not_deleted(project):
    """An editor copied a tag's page to docs/tags/my-notes.md and wrote in it: the run deleted
    it as one of its own leftovers ("1 deleted"), and the work was lost."""
    docs = project / "docs"
    build(project)
    notes = docs / "tags" / "my-notes.md"
    notes.write_bytes(next((docs / "tags").glob("*/index.md")).read_bytes() + b"\nMy notes on the tags.\n")
    result = build(project, check=False)
    assert result.returncode == 1 and notes.read_bytes().endswith(b"My notes on the tags.\n")
    assert result.stderr.startswith("docs/tags/my-notes.md: carries the generator's mark"), result.stderr
    assert "move it elsewhere in docs/ (for example docs/my-notes.md)" in result.stderr


@pytest.mark.parametrize("page", ["index.md", "editors.md", "stylesheets/extra.css"])
def test_a_manifest_that_lists_an_editors_page_does_not_delete_it(project, page):
    """A manifest edited (or merged badly) to list docs/index.md: the next run deleted the home
    page as a generated file gone from the outputs, and `make clean` deleted any page so
    listed. The generator deletes only in the places it writes."""
    docs = project / "docs"
    build(project)
    kept = (docs / page).read_bytes()
    data = json.loads((docs / MANIFEST).read_bytes())
    data["files"][page] = hashlib.sha256(kept).hexdigest()
    data["inputs"] = None  # a full run
    (docs / MANIFEST).write_text(json.dumps(data))
    build(project)
    assert (docs / page).read_bytes() == kept
    assert build(project, "--check").returncode == 0
    data = json.loads((docs / MANIFEST).read_bytes())
    data["files"][page] = "0" * 64
    (docs / MANIFEST).write_text(json.dumps(data))
    assert page not in write.clean(docs)
    assert (docs / page).read_bytes() == kept


def test_a_generated_page_edited_by_hand_and_then_deleted_is_said(project):
    """An editor wrote in a person's page, and the person later left the archive: the page
    was deleted without the warning a page generated again over an editor's change gets."""
    docs = project / "docs"
    extra = ingest_extra(project)
    build(project)
    page = next(rel for rel in tree(docs) if rel.startswith(f"articles/{extra}/"))
    time.sleep(0.01)
    with open(docs / page, "ab") as fh:
        fh.write(b"\nAn editor's line.\n")
    import shutil

    shutil.rmtree(project / "archive" / "articles" / extra)
    check = build(project, "--check", check=False)
    assert f"stale: docs/{page} (edited by hand: " in check.stdout, check.stdout
    result = build(project)
    assert not (docs / page).exists()
    assert (f"warning: docs/{page} was edited by hand, and is deleted, as what it showed is no longer in archive/: "
            "a generated page's changes are lost") in result.stderr, result.stderr


def test_a_stale_generated_page_put_back_with_its_old_time_is_generated_again(project):
    """A generated page restored from a backup keeps its old modification time (cp -p,
    rsync -a, an unpacked archive), earlier than the manifest: the quick way took it as
    unchanged, so it stayed stale for good, and `--check` said all was up to date."""
    docs = project / "docs"
    build(project)
    page = docs / SEED_PAGE
    old, old_times = page.read_bytes(), (page.stat().st_atime_ns, page.stat().st_mtime_ns)
    set_title(project, "A title changed since the backup")
    build(project)
    page.write_bytes(old)
    os.utime(page, ns=old_times)  # what cp -p does
    assert page.stat().st_mtime_ns < (docs / MANIFEST).stat().st_mtime_ns
    check = build(project, "--check", check=False)
    assert check.returncode == 1 and f"stale: docs/{SEED_PAGE}" in check.stdout, check.stdout
    build(project)
    assert b"A title changed since the backup" in page.read_bytes()


@pytest.mark.parametrize("damage", ['{"files": 5}', "[1, 2]", "{"])
def test_a_damaged_manifest_is_a_lost_one(project, damage):
    """A manifest edited by hand or cut short: '{"files": 5}' stopped every later build with a
    traceback on the quick way (nothing changed?); the other reading took it as none."""
    build(project)
    docs = project / "docs"
    before = tree(docs)
    (docs / MANIFEST).write_text(damage, encoding="utf-8")
    result = build(project, check=False)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    after = tree(docs)
    assert {k: v for k, v in after.items() if k != MANIFEST} == {k: v for k, v in before.items() if k != MANIFEST}


@pytest.mark.parametrize("stray", ["glossary/an-essay.md", "tags/notes/index.md"])
def test_editor_page_in_a_generated_folder_is_refused_and_nothing_is_written(project, stray):
    """docs/glossary/, docs/tags/... are the generator's and git ignores them: a page an editor
    saves there would build here and never be published. The build says so and writes nothing."""
    build(project)
    docs = project / "docs"
    page = docs / stray
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text("# On terms\n\nAn editor's essay.\n", encoding="utf-8")
    set_title(project, "Louxing District held the 2022 Work safety retreat Meeting (revised)")
    before = tree(docs)
    result = build(project, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    top, name = stray.split("/")[0], stray.split("/")[1]
    moved = name if stray.count("/") == 1 else name + "/"  # a file, or the folder that holds it
    assert result.stderr.splitlines()[0] == (
        f"docs/{top}/{name}: docs/{top}/ is written by the generator and ignored by git, so what is saved in it is "
        f"never published: move it elsewhere in docs/ (for example docs/{moved})"), result.stderr
    # Like every refused run, it ends by saying so (it ended with the problem alone).
    assert result.stderr.splitlines()[-1] == "build: 1 problem(s) in docs/; nothing was written", result.stderr
    assert tree(docs) == before, "a refused run wrote or deleted files"


@pytest.mark.parametrize("stray", [f"articles/{SEED_ID}/notes.md", f"articles/{SEED_ID}/photo.png",
                                   "glossary/power-list/extra/index.md", "_generated/mine.md"])
def test_a_file_saved_deep_in_a_generated_folder_is_refused(project, stray):
    """Beside a generated page (an image next to an article, notes in a term's folder) a file
    was never reported: MkDocs copied it into the preview, and git, which ignores the
    generated folders, never published it."""
    build(project)
    docs = project / "docs"
    (docs / stray).parent.mkdir(parents=True, exist_ok=True)
    (docs / stray).write_bytes(b"# Mine\n")
    top, rest = stray.split("/", 1)
    shown = stray if stray.count("/") < 3 else stray.rsplit("/", 1)[0]  # a file, or the folder that holds it
    moved = rest if shown == stray else shown.split("/", 1)[1] + "/"
    expected = (f"docs/{shown}: docs/{top}/ is written by the generator and ignored by git, so what is saved in it "
                f"is never published: move it elsewhere in docs/ (for example docs/{moved})")
    for args in [(), ("--check",)]:  # the quick "nothing changed" exit included
        result = build(project, *args, check=False)
        assert result.returncode == 1 and "Traceback" not in result.stderr, (args, result.stderr)
        assert expected in result.stderr.splitlines(), (args, result.stderr)


def test_a_folder_at_a_generated_page_or_a_file_at_a_generated_folder_is_one_line(project):
    """A folder saved where the generator writes a page, or a file where it writes a folder,
    ended the build in a traceback (IsADirectoryError, NotADirectoryError)."""
    build(project)
    docs = project / "docs"
    page = docs / "glossary" / "power-list" / "index.md"
    page.unlink()
    page.mkdir()
    before = tree(docs)
    for args in [(), ("--check",)]:
        result = build(project, *args, check=False)
        assert result.returncode == 1 and "Traceback" not in result.stderr, (args, result.stderr)
        assert ("docs/glossary/power-list/index.md: is a folder where the generator writes a page: move what is in "
                "it elsewhere in docs/, then remove the folder") in result.stderr.splitlines(), result.stderr
    assert tree(docs) == before
    page.rmdir()
    for path in sorted((docs / "tags").rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()
    (docs / "tags").rmdir()
    (docs / "tags").write_text("my notes on tags\n", encoding="utf-8")
    before = tree(docs)
    result = build(project, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.splitlines() == [
        "docs/tags: is a file where the generator writes the folder docs/tags/: move it elsewhere in docs/, or "
        "remove it", "build: 1 problem(s) in docs/; nothing was written"], result.stderr
    assert tree(docs) == before
    (docs / "tags").unlink()
    assert build(project, check=False).returncode == 0


def test_editor_page_in_a_generated_folder_is_reported_when_nothing_else_changed(project):
    """The same page saved while archive/ is unchanged: the quick "nothing changed" exit used
    to skip the check (and --check did not make it), so the page showed in the preview and
    was never published."""
    build(project)
    docs = project / "docs"
    (docs / "tags" / "notes.md").write_text("# My tag notes\n", encoding="utf-8")
    expected = ("docs/tags/notes.md: docs/tags/ is written by the generator and ignored by git, so what is saved "
                "in it is never published: move it elsewhere in docs/ (for example docs/notes.md)")
    for args in [(), ("--check",)]:
        result = build(project, *args, check=False)
        assert result.returncode == 1, (args, result.stdout, result.stderr)
        assert expected in result.stderr.splitlines(), (args, result.stderr)
    (docs / "tags" / "notes.md").rename(docs / "notes.md")
    quick = build(project)
    assert "nothing changed" in quick.stdout and build(project, "--check").returncode == 0


def test_editor_page_with_the_address_of_a_generated_section_is_refused(project):
    """docs/timeline.md and the generated docs/timeline/index.md are both built to timeline/:
    MkDocs let the generated page replace the editor's without a word."""
    build(project)

    def files() -> dict[str, bytes]:
        return {str(p.relative_to(project / "docs")): p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}

    before = files()
    (project / "docs" / "timeline.md").write_text("# Timeline notes\n", encoding="utf-8")
    expected = ("docs/timeline.md: has the address of the generated page docs/timeline/index.md (both would be "
                "timeline/ on the site, and the generated one replaces it): rename it")
    result = build(project, check=False)
    assert result.returncode == 1 and expected in result.stderr.splitlines(), result.stderr
    assert files() == {**before, "timeline.md": b"# Timeline notes\n"}  # nothing written
    checked = build(project, "--check", check=False)
    assert checked.returncode == 1 and expected in checked.stderr.splitlines(), checked.stderr
    # The summary does not say all is well above an error.
    assert checked.stdout.splitlines()[-1] == ("build --check: generated files are up to date; 1 page(s) in docs/ "
                                               "to move or rename (above)")
    (project / "docs" / "timeline.md").rename(project / "docs" / "timeline-notes.md")
    assert build(project).returncode == 0


# --------------------------------------------------------------------------- --check


def test_check_names_stale_files_and_passes_when_fresh(project):
    build(project)
    fresh = build(project, "--check")
    assert fresh.returncode == 0 and "up to date" in fresh.stdout
    set_title(project, "Louxing District held the 2022 Work safety retreat Meeting (revised)")
    before = tree(project / "docs")
    stale = build(project, "--check", check=False)
    assert stale.returncode == 1
    assert f"stale: docs/{SEED_PAGE}" in stale.stdout.splitlines(), stale.stdout
    assert "stale: docs/data/articles.json" in stale.stdout.splitlines()
    # What to do, on its last line: the one a commit hook's output ends with.
    assert re.fullmatch(r"build --check: \d+ generated file\(s\) out of date: `make site` or `make serve` "
                        r"generates them again", stale.stdout.splitlines()[-1]), stale.stdout
    assert tree(project / "docs") == before, "--check wrote files"
    build(project)
    assert build(project, "--check").returncode == 0


def test_check_names_the_page_of_a_removed_article(project):
    extra = ingest_extra(project)
    build(project)
    import shutil

    shutil.rmtree(project / "archive" / "articles" / extra)
    stale = build(project, "--check", check=False)
    assert stale.returncode == 1
    # Said as the loss of an address, as the run that deletes it says (only "stale" was said: a review)
    assert f"stale: docs/articles/{extra}/index.md (to be deleted: the page articles/{extra}/ is gone, as " \
           f"archive/articles/{extra}/ is: links to it from elsewhere now lead nowhere; if the folder was renamed, " \
           f"give it back its name{MOVED_ADVICE})" in stale.stdout.splitlines(), stale.stdout


# --------------------------------------------------------------------------- sources are never modified


def _raw_articles(archive: Path) -> list[Path]:
    return sorted(p.parent for p in (archive / "articles").glob("*/source.txt"))


def test_every_stored_source_matches_its_recorded_sha256():
    folders = _raw_articles(ROOT / "archive")
    assert folders, "no archived source.txt found"
    for folder in folders:
        meta = yaml.safe_load((folder / "meta.yml").read_text(encoding="utf-8"))
        recorded = meta.get("sha256")
        assert recorded, f"{folder.name}/meta.yml records no sha256"
        assert hashlib.sha256((folder / "source.txt").read_bytes()).hexdigest() == recorded, \
            f"archive/articles/{folder.name}/source.txt was modified"


def test_ingest_records_the_sha256_of_the_exact_bytes(project):
    extra = ingest_extra(project)
    folder = project / "archive" / "articles" / extra
    assert (folder / "source.txt").read_bytes() == EXTRA.read_bytes()
    meta = yaml.safe_load((folder / "meta.yml").read_text(encoding="utf-8"))
    assert meta["sha256"] == hashlib.sha256(EXTRA.read_bytes()).hexdigest()


@pytest.mark.parametrize("change", ["byte", "crlf", "appended", "truncated"])
def test_build_refuses_a_modified_source(project, change):
    build(project)
    source = project / "archive" / "articles" / SEED_ID / "source.txt"
    data = source.read_bytes()
    source.write_bytes({
        "byte": data.replace(b"Louxing", b"Louxin9", 1),
        "crlf": data.replace(b"\n", b"\r\n"),
        "appended": data + b"\n",
        "truncated": data[:-1],
    }[change])
    docs = tree(project / "docs")
    result = build(project, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith(f"archive/articles/{SEED_ID}/source.txt: ")]
    assert len(lines) == 1 and "sha256" in lines[0].lower(), result.stderr
    assert tree(project / "docs") == docs


# --------------------------------------------------------------------------- the command


def test_the_command_says_everything_and_exits_with_the_status_through_pipes(project):
    """scripts/build.py leaves without taking the model apart (os._exit): what it printed
    still reaches a pipe, block-buffered as in CI, and its exit status is the run's."""
    import subprocess

    environment = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}

    def command(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "scripts/build.py", *args], cwd=project, capture_output=True,
                              text=True, env=environment)

    first = command()
    assert first.returncode == 0 and re.search(r"^build: 1 article\(s\), \d+ generated file\(s\)", first.stdout, re.M), \
        first.stdout + first.stderr
    assert command("--check").stdout == "build --check: generated files are up to date\n"
    closed = subprocess.run([sys.executable, "scripts/build.py", "--check"], cwd=project, env=environment,
                            stdout=subprocess.DEVNULL, preexec_fn=lambda: os.close(1))
    assert closed.returncode == 0, "with its output closed, the command still says its status"
    (project / "archive" / "articles" / SEED_ID / "meta.yml").touch()  # something to do, and to say
    gone = subprocess.Popen([sys.executable, "scripts/build.py"], cwd=project, env=environment,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    gone.stdout.close()  # a reader that stopped reading, as `| head` does
    assert "Traceback" not in gone.stderr.read().decode() and gone.wait() == 1
    meta = project / "archive" / "articles" / SEED_ID / "meta.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("published: 2022-04-30", "published: 2022-04-31"),
                    encoding="utf-8")
    broken = command()
    assert broken.returncode == 1 and broken.stdout == ""
    assert broken.stderr.splitlines()[-1] == "build: 1 problem(s) in archive/; nothing was written", broken.stderr
    assert f"archive/articles/{SEED_ID}/meta.yml" in broken.stderr


def test_clean_removes_what_the_generator_wrote_and_nothing_else(project):
    """`make clean` (write.clean) deletes the generated pages and the manifest; an editor's
    page, even one next to generated folders, stays byte for byte."""
    docs = project / "docs"
    editor = docs / "about-the-project.md"
    editor.write_text("# About\n\nAn editor's page.\n", encoding="utf-8")
    editors_own = {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    build(project)
    listed = set(write.read_manifest(docs))
    assert listed
    removed = write.clean(docs)
    assert set(removed) == {rel for rel in listed}
    assert {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()} == editors_own


def test_a_folder_where_a_generated_file_was_is_left_alone(tmp_path):
    """An editor's folder made at the name of a page the generator had written (and no longer
    writes) crashed both the next build and `make clean`: unlink() on a folder."""
    docs = tmp_path / "docs"
    write.write_outputs(docs, {"tags/index.md": b"kept\n", "feed.json": b"gone\n"})
    (docs / "feed.json").unlink()
    (docs / "feed.json").mkdir()
    (docs / "feed.json" / "notes.md").write_text("An editor's notes.\n", encoding="utf-8")
    report = write.write_outputs(docs, {"tags/index.md": b"kept\n"})
    assert report.deleted == []
    assert write.clean(docs) == ["tags/index.md"]
    assert (docs / "feed.json" / "notes.md").read_text(encoding="utf-8") == "An editor's notes.\n"


def test_a_hand_edit_of_a_generated_page_is_undone_and_said(project):
    """The edit was silently lost at the next build ("1 written"), and --check called the
    page only "stale"."""
    build(project)
    page = project / "docs" / SEED_PAGE
    original = page.read_bytes()
    page.write_bytes(original.replace(b"Reading edition", b"Reading edition (corrected)"))
    advice = ("a generated page's changes are lost; make them in archive/ (the article's meta.yml, glossary.yml...), "
              "which the page is made from")
    checked = build(project, "--check", check=False)
    assert checked.returncode == 1
    assert f"stale: docs/{SEED_PAGE} (edited by hand: {advice})" in checked.stdout.splitlines(), checked.stdout
    result = build(project)
    assert result.stderr.splitlines() == [
        f"warning: docs/{SEED_PAGE} was edited by hand, and is generated again as it was: {advice}"]
    assert page.read_bytes() == original
    again = build(project)
    assert again.stderr == ""  # said once: the page is the generator's again
    # ...and the run after takes the quick path again (the manifest, touched, is newer than the
    # restored page): before, every later run parsed and rendered the whole archive.
    assert "nothing changed in archive/ or the generator; 0 files written" in again.stdout, again.stdout
    assert build(project, "--check", check=False).returncode == 0  # build and check agree


def test_a_page_edited_while_a_run_writes_is_generated_again_by_the_next(project, monkeypatch, capsys):
    """An editor's save of a generated page, between a run's plan and its manifest, was
    vouched for by that manifest: the page stayed edited for good, and --check passed (an
    incremental-build review)."""
    build(project)
    meta = project / "archive" / "articles" / SEED_ID / "meta.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace(
        "note: Garbled. Probably 树牢", "note: Garbled, surely. Probably 树牢"), encoding="utf-8")
    page = project / "docs" / "glossary" / "power-list" / "index.md"
    original = page.read_bytes()
    real = write._write_files

    def saving_meanwhile(prefix, rels, outputs, progress=None, **kwargs):
        real(prefix, rels, outputs, progress, **kwargs)
        assert "glossary/power-list/index.md" not in rels  # (a page the run does not write)
        page.write_bytes(original + b"\nAn editor's line\n")

    monkeypatch.setattr(write, "_write_files", saving_meanwhile)
    assert generate(project, quiet=True) == 0
    monkeypatch.setattr(write, "_write_files", real)
    capsys.readouterr()
    checked = build(project, "--check", check=False)
    assert checked.returncode == 1 and "stale: docs/glossary/power-list/index.md" in checked.stdout, checked.stdout
    build(project)
    assert page.read_bytes() == original
    assert build(project, "--check", check=False).returncode == 0


def test_a_page_the_run_wrote_edited_before_its_manifest_is_generated_again(tmp_path, monkeypatch):
    """The same, for a page the run itself had just written (a review of the first version)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    page = "tags/a/index.md"
    write.write_outputs(docs, {page: b"<!-- Generated -->\nA1\n"}, inputs="fp0")
    real = write._changed_during

    def saving_meanwhile(*args):
        (docs / page).write_bytes(b"<!-- Generated -->\nAn editor's line\n")
        return real(*args)

    monkeypatch.setattr(write, "_changed_during", saving_meanwhile)
    write.write_outputs(docs, {page: b"<!-- Generated -->\nA2\n"}, inputs="fp1")
    monkeypatch.setattr(write, "_changed_during", real)
    inputs, present = write.read_manifest_state(docs)
    assert inputs is None and write.plan(docs, {page: b"<!-- Generated -->\nA2\n"})[0] == [page]


def test_an_empty_folder_left_by_a_run_stopped_while_deleting_is_removed(tmp_path):
    """Ctrl+C between deleting a page and its folder left the folder empty: the next run
    dropped the page from its manifest, and every run after it refused the folder as an
    editor's, to move (a review of interruptions)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    a, b = "tags/a/index.md", "tags/b/index.md"
    write.write_outputs(docs, {a: b"<!-- Generated -->\nA\n", b: b"<!-- Generated -->\nB\n"}, inputs="fp0")
    (docs / a).unlink()  # deleted, its folder not yet
    for _ in range(2):
        write.write_outputs(docs, {b: b"<!-- Generated -->\nB\n"}, inputs="fp1")
        assert not (docs / "tags" / "a").exists()
    assert write.review(docs, {b: b"<!-- Generated -->\nB\n"}, write.read_manifest(docs))[1:] == ([], [], [])
    # Empty folders within it too, removed from the bottom up (a review: they stayed, and
    # --check said for ever that a run would bring docs/ up to date)
    (docs / "tags" / "c" / "d" / "e").mkdir(parents=True)
    write.write_outputs(docs, {b: b"<!-- Generated -->\nB\n"}, inputs="fp1")
    assert not (docs / "tags" / "c").exists()
    # Nor what a file manager saved there (.DS_Store): the folder of a page deleted goes with it (a third review)
    (docs / "tags" / "b" / ".DS_Store").write_bytes(b"x")
    write.write_outputs(docs, {"tags/g/index.md": b"<!-- Generated -->\nG\n"}, inputs="fp2")
    assert not (docs / "tags" / "b").exists()
    b = "tags/g/index.md"
    # Not a folder holding a dot file of an editor's or a link: a stray, as before; nor one that
    # is a link, whose empty folders outside docs/ were removed (a third review)
    outside = tmp_path / "outside"
    (outside / "sub").mkdir(parents=True)
    for name, make in ((".notes", lambda p: p.write_bytes(b"x")), ("link", lambda p: p.symlink_to(".."))):
        (docs / "tags" / "f").mkdir()
        make(docs / "tags" / "f" / name)
        with pytest.raises(write.ArchiveErrors, match="tags/f"):
            write.write_outputs(docs, {b: b"<!-- Generated -->\nG\n"}, inputs="fp2")
        shutil.rmtree(docs / "tags" / "f")
    (docs / "tags" / "f").symlink_to(outside)
    with pytest.raises(write.ArchiveErrors, match="tags/f"):
        write.write_outputs(docs, {b: b"<!-- Generated -->\nG\n"}, inputs="fp2")
    assert (outside / "sub").is_dir()


def test_pages_rewritten_by_a_run_stopped_before_its_manifest_are_not_taken_for_an_editors(tmp_path, monkeypatch):
    """A run stopped after putting its pages in place, before its manifest: their old digests
    were still recorded, and the next run warned that each had been edited by hand (301
    warnings after a change of the article template was stopped and undone: a review)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    pages = {f"tags/t{n}/index.md": b"<!-- Generated -->\nold\n" for n in range(3)}
    write.write_outputs(docs, pages, inputs="fp0")

    def stopped(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(write, "_changed_during", stopped)
    with pytest.raises(KeyboardInterrupt):
        write.write_outputs(docs, dict.fromkeys(pages, b"<!-- Generated -->\nnew\n"), inputs="fp1")
    monkeypatch.undo()
    report = write.write_outputs(docs, pages, inputs="fp0")  # the change undone
    assert report.edited == [] and sorted(report.written) == sorted(pages)
    assert all((docs / rel).read_bytes() == data for rel, data in pages.items())


def test_a_manifest_that_cannot_be_written_before_the_renames_leaves_every_page_as_it_was(tmp_path, monkeypatch):
    """The manifest is recorded once the pages are written, before they are put in place: a
    full disk then leaves docs/ as it was, and says that no page changed."""
    docs = tmp_path / "docs"
    docs.mkdir()
    pages = {f"tags/t{n}/index.md": b"<!-- Generated -->\nold\n" for n in range(3)}
    write.write_outputs(docs, pages, inputs="fp0")
    before = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}

    def full(*args):
        raise OSError(28, "No space left on device", str(docs / write.MANIFEST))

    monkeypatch.setattr(write, "_write_manifest", full)
    with pytest.raises(write.NothingWritten):
        write.write_outputs(docs, {**dict.fromkeys(pages, b"<!-- Generated -->\nnew\n"), "tags/u/index.md": b"u"})
    assert {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()} == before


def test_a_generated_page_replaced_by_a_link_is_written_again(tmp_path):
    """A link at a generated page's path, to an editor's page, was taken for the page as the
    generator left it (the times of the file it leads to): the glossary's address showed the
    editor's notes, and --check passed (a review of interruptions)."""
    docs = tmp_path / "docs"
    (docs / "notes").mkdir(parents=True)
    mine = docs / "notes" / "mine.md"
    mine.write_bytes(b"# My notes\n")
    page, data = "glossary/index.md", b"<!-- Generated -->\nThe glossary\n"
    write.write_outputs(docs, {page: data}, inputs="fp0")
    time.sleep(0.05)
    (docs / page).unlink()
    (docs / page).symlink_to("../notes/mine.md")
    inputs, present = write.read_manifest_state(docs)
    assert inputs == "fp0" and not present()
    assert write.plan(docs, {page: data})[0] == [page]
    write.write_outputs(docs, {page: data}, inputs="fp0")
    assert not (docs / page).is_symlink() and (docs / page).read_bytes() == data
    assert mine.read_bytes() == b"# My notes\n"
    # A link to a copy of the page as it is: replaced all the same (a review: it stayed, and the
    # copy's later edits were published)
    mine.write_bytes(data)
    (docs / page).unlink()
    (docs / page).symlink_to("../notes/mine.md")
    write.write_outputs(docs, {page: data}, inputs="fp0")
    assert not (docs / page).is_symlink()


# --------------------------------------------------------------------------- writing in processes


def _writing_in_two_processes(tmp_path: Path, monkeypatch, also=None) -> tuple[Path, dict[str, bytes], Path]:
    """Many files to write, shared between this process and a forked one; each write is
    noted (pid and path) in a log, and ``also`` runs before it."""
    import lgnews.share as share

    monkeypatch.setattr(write, "WRITE_PARALLEL_FROM", 2)
    monkeypatch.setattr(share, "workers", lambda: 2)
    log = tmp_path / "writes.log"
    real = write._write_temporary

    met = tmp_path / "met"
    met.mkdir()

    def noting(tmp, data, durable):
        if MANIFEST in tmp:  # (written by this process alone, before and after the pages)
            return real(tmp, data, durable)
        meet(met, 2)  # both processes take some pages, however the machine schedules them
        if also:
            also()
        real(tmp, data, durable)
        folder, name = os.path.split(tmp)
        page = os.path.join(folder, re.fullmatch(r"\.(.+)\.[0-9]+-[0-9]+\.tmp", name)[1])
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()} {page}\n")

    monkeypatch.setattr(write, "_write_temporary", noting)
    docs = tmp_path / "docs"
    docs.mkdir()
    outputs = {f"articles/article-{i:03d}/index.md": f"page {i}\n".encode() for i in range(80)}
    outputs["data/articles.json"] = b"[]\n"
    return docs, outputs, log


def test_many_files_are_written_by_several_processes(tmp_path, monkeypatch):
    docs, outputs, log = _writing_in_two_processes(tmp_path, monkeypatch)
    report = write.write_outputs(docs, outputs)
    written = {p: d for p, d in tree(docs).items() if d is not None and p != MANIFEST}
    assert written == outputs and sorted(report.written) == sorted(outputs)
    writers = [line.split(" ", 1) for line in log.read_text(encoding="utf-8").splitlines()
               if not line.endswith(MANIFEST)]
    assert sorted(path for _, path in writers) == sorted(str(docs / rel) for rel in outputs), "each file once"
    assert {pid for pid, _ in writers} >= {str(os.getpid())} and len({pid for pid, _ in writers}) == 2
    assert not temp_files(docs)
    assert write.plan(docs, outputs) == ([], [], []), "the manifest vouches for every file"


def test_a_failed_writing_process_leaves_the_work_to_this_one(tmp_path, monkeypatch):
    parent = os.getpid()

    def dies_if_forked():
        if os.getpid() != parent:
            os._exit(3)  # as if killed

    docs, outputs, log = _writing_in_two_processes(tmp_path, monkeypatch, dies_if_forked)
    forked = counting_forks(monkeypatch)
    write.write_outputs(docs, outputs)
    assert len(forked) == 1
    assert {p: d for p, d in tree(docs).items() if d is not None and p != MANIFEST} == outputs
    assert not temp_files(docs)
    assert write.plan(docs, outputs) == ([], [], [])


@pytest.mark.parametrize("shared", [False, True])
def test_a_page_that_cannot_be_written_leaves_every_page_as_it_was(project, monkeypatch, capsys, shared):
    """A folder that could not be written in (its permissions) stopped the run half-way: the
    article's new title was on the 24 pages written before it, the old one on the 30 after,
    and `make serve` showed both. Now all the pages are written first under temporary names,
    then put in place: one that cannot be written leaves docs/ exactly as it was."""
    import lgnews.share as share

    assert generate(project, quiet=True) == 0
    docs = project / "docs"
    before = tree(docs)
    set_title(project, "Louxing District held its 2022 work safety meeting")
    if shared:  # the pages shared between two processes, as at scale
        monkeypatch.setattr(write, "WRITE_PARALLEL_FROM", 2)
        monkeypatch.setattr(share, "workers", lambda: 2)
    real = write._write_temporary

    def refused(tmp, data, durable):
        if f"{os.sep}people{os.sep}" in tmp:  # a folder written after others
            raise PermissionError(13, "Permission denied", tmp)
        real(tmp, data, durable)

    monkeypatch.setattr(write, "_write_temporary", refused)
    capsys.readouterr()
    assert generate(project, quiet=True) == 1
    said = capsys.readouterr().err.splitlines()
    assert len(said) == 1, said
    assert re.fullmatch(r"build: cannot write docs/people/[a-z-]+/index\.md: Permission denied; once that is mended, "
                        r"run the build again: no page was changed \(all are written, or none\)", said[0]), said
    assert tree(docs) == before
    monkeypatch.setattr(write, "_write_temporary", real)
    assert generate(project, quiet=True) == 0
    assert "its 2022 work safety meeting" in (docs / SEED_PAGE).read_text(encoding="utf-8")


def test_a_full_disk_while_writing_in_processes_is_raised_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    """The error of this process's own share is the run's error; the other process is not
    killed mid-write (which would leave its temporary file in docs/), it finishes or fails
    and cleans up."""
    parent = os.getpid()
    calls = []

    def full_disk_here():
        if os.getpid() == parent:
            calls.append(1)
            if len(calls) == 5:
                raise OSError(28, "No space left on device")

    real_replace = os.replace

    def slow_rename_there(src, dst):
        if os.getpid() != parent:
            time.sleep(0.01)  # its temporary file written, not yet renamed, most of the time
        real_replace(src, dst)

    docs, outputs, log = _writing_in_two_processes(tmp_path, monkeypatch, full_disk_here)
    monkeypatch.setattr(write.os, "replace", slow_rename_there)
    forked = counting_forks(monkeypatch)
    with pytest.raises(OSError, match="No space left"):
        write.write_outputs(docs, outputs)
    assert len(forked) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(forked[0], os.WNOHANG)
    assert not temp_files(docs), temp_files(docs)


@pytest.mark.parametrize(("saved", "suggested"), [("data/index.md", "data-index.md"), ("tags/editors.md", "tags-editors.md"),
                                                  ("glossary/data.md", "glossary-data.md"),
                                                  ("glossary/timeline.md", "glossary-timeline.md"),
                                                  ("tags/people/", "tags-people/"),
                                                  ("tags/README.md", "tags-README.md"),
                                                  ("tags/editors/", "tags-editors/")])
def test_the_suggested_place_for_a_page_in_a_generated_folder_is_free(project, saved, suggested):
    """An editor's docs/data/index.md was told 'for example docs/index.md', and
    docs/tags/editors.md 'docs/editors.md': doing as told replaced the home page or the
    editors' guide. docs/glossary/timeline.md was told 'docs/timeline.md', which has the
    address of the timeline, and docs/tags/people/notes.md a place in people/, generated.
    docs/tags/README.md was told docs/README.md, the home page's address (MkDocs then
    refused the build), and docs/tags/editors/ docs/editors/, the guide's."""
    build(project)
    docs = project / "docs"
    (docs / saved / "notes.md" if saved.endswith("/") else docs / saved).parent.mkdir(exist_ok=True)
    (docs / saved / "notes.md" if saved.endswith("/") else docs / saved).write_text("# My notes\n", encoding="utf-8")
    result = build(project, check=False)
    assert result.returncode == 1
    assert (f"docs/{saved.rstrip('/')}: docs/{saved.split('/')[0]}/ is written by the generator and ignored by git, so what is "
            f"saved in it is never published: move it elsewhere in docs/ (for example docs/{suggested})"
            ) in result.stderr.splitlines(), result.stderr
    assert not (docs / suggested).exists()


def test_what_the_generator_writes_is_ignored_by_git_and_kept_out_of_the_navigation():
    """The generated folders are named in the generator, .gitignore (never committed),
    mkdocs.yml's not_in_nav and the navigation hook: one added to the generator only would
    have been committed, or listed page by page in the sidebar."""
    import importlib.util

    from lgnews.build import GENERATED_TOPS

    lines = [line for line in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines() if line.startswith("/docs/")]
    ignored = {line.strip("/") for line in lines}
    # Without a trailing "/": a pattern with one matches only a folder, and a symbolic link put
    # in a generated folder's place (which the generator refuses) could be committed.
    assert not [line for line in lines if line.endswith("/")]
    assert ignored == {f"docs/{top}" for top in GENERATED_TOPS} | {"docs/.generated-manifest.json", "docs/.*.tmp"}
    spec = importlib.util.spec_from_file_location("navigation", ROOT / "hooks" / "navigation.py")
    navigation = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(navigation)
    folders = {top for top in GENERATED_TOPS if "." not in top and not top.startswith("_")}
    assert navigation.ARCHIVE_SECTIONS == folders - {"data"}
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=loader)
    hidden = set(config["not_in_nav"].split())
    assert {f"/{section}/**" for section in navigation.ARCHIVE_SECTIONS} <= hidden


def test_make_clean_deletes_nothing_outside_docs_whatever_the_manifest_says(project):
    """A manifest edited to list '../README.md' had `make clean` (root, in containers) delete
    the repository's README and an archive file."""
    build(project)
    docs = project / "docs"
    data = json.loads((docs / MANIFEST).read_text(encoding="utf-8"))
    data["files"]["../README.md"] = "0" * 64
    data["files"]["../archive/people.yml"] = "0" * 64
    # Under a generated folder, then out of docs/ (a mutation review: only the ".." guard stops these).
    data["files"]["articles/../../README.md"] = "0" * 64
    data["files"]["tags/../../archive/tags.yml"] = "0" * 64
    data["files"][str(project / "mkdocs.yml")] = "0" * 64
    (docs / MANIFEST).write_text(json.dumps(data), encoding="utf-8")
    write.clean(docs)
    assert (project / "README.md").exists() and (project / "archive" / "people.yml").exists()
    assert (project / "mkdocs.yml").exists() and (project / "archive" / "tags.yml").exists()
    assert not (docs / "articles").exists(), "the generated pages are still cleaned"


def test_a_page_is_written_readable_by_all_whatever_the_umask(tmp_path):
    """Under a umask of 077 the pages were written 0600: the web server of a deployment that
    runs as another user could not read them."""
    from lgnews.write import atomic_write

    old = os.umask(0o077)
    try:
        atomic_write(tmp_path / "page.md", b"# Page\n")
    finally:
        os.umask(old)
    assert (tmp_path / "page.md").stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("linked", ["tags", "articles/" + SEED_ID])
def test_a_generated_folder_replaced_by_a_link_is_refused_and_nothing_outside_docs_changes(project, tmp_path,
                                                                                         linked):
    """docs/tags made a symbolic link (to keep the pages elsewhere, or to a folder of the
    archive): the generator wrote and deleted its pages wherever the link led, and
    `make clean` deleted the files there."""
    build(project)
    docs = project / "docs"
    elsewhere = tmp_path / "elsewhere"
    (docs / linked).rename(elsewhere)
    (elsewhere / "theirs.md").write_text("# Not the generator's\n", encoding="utf-8")
    (docs / linked).symlink_to(elsewhere, target_is_directory=True)
    set_title(project, "A title that changes every page of the tag")
    outside, inside = tree(elsewhere), tree(docs)
    refused = build(project, check=False)
    assert refused.returncode == 1
    lines = refused.stderr.strip().splitlines()
    assert lines[0].startswith(f"docs/{linked}: is a symbolic link where the generator writes the folder "
                               f"docs/{linked}/: "), refused.stderr
    assert "remove the link" in lines[0] and "Traceback" not in refused.stderr
    assert lines[-1] == "build: 1 problem(s) in docs/; nothing was written"
    assert tree(elsewhere) == outside and tree(docs) == inside
    checked = build(project, "--check", check=False)
    assert checked.returncode == 1 and f"docs/{linked}: is a symbolic link" in checked.stderr
    write.clean(docs)
    assert tree(elsewhere) == outside, "make clean deleted files through the link"
    assert not (docs / "feed.xml").exists(), "the generated pages are still cleaned"
    (docs / linked).unlink()
    build(project)
    assert (docs / linked / "index.md").is_file() and not (docs / linked).is_symlink()


def test_ingest_has_the_source_and_its_metadata_on_disk_before_the_folder_appears(project, monkeypatch):
    """The staging folder's source.txt and meta.yml were renamed into place without being
    written to disk first: after a power cut the article's folder could hold empty files,
    and a source.txt that no longer hashes to its sha256."""
    import lgnews.ingest as ingest

    events: list[str] = []
    real_fsync, real_rename = ingest.os.fsync, ingest.os.rename

    def fsync(fd):
        events.append("fsync " + os.path.basename(os.readlink(f"/proc/self/fd/{fd}")))
        return real_fsync(fd)

    def rename(src, dst):
        events.append("rename")
        return real_rename(src, dst)

    monkeypatch.setattr(ingest.os, "fsync", fsync)
    monkeypatch.setattr(ingest.os, "rename", rename)
    assert ingest.main([str(EXTRA), "--archive", str(project / "archive"), "--quiet"]) == 0
    assert events[:3] == ["fsync source.txt", "fsync meta.yml", "rename"], events
    assert events[3:] == ["fsync articles"], "the rename itself is not made durable"


def test_a_named_pipe_in_a_generated_folder_is_named_not_waited_for(proj):
    """A named pipe saved where the generator writes made every run (the quick one with
    nothing to do too) wait for ever on its open (a review of session 32)."""
    os.mkfifo(proj / "docs" / "tags" / "notes.md")
    result = run([sys.executable, "scripts/build.py"], proj, check=False, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith("docs/tags/notes.md: docs/tags/ is written by the generator"), \
        result.stderr


def _pipe(path: Path) -> None:
    os.mkfifo(path)


def _socket(path: Path) -> None:
    import socket

    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    sock.close()  # (the file stays)


def _loop(path: Path) -> None:
    path.symlink_to(path.name)  # a link to itself


@pytest.mark.parametrize(("make", "said"), [
    (_pipe, "is not a file (a named pipe, a socket or a device) where the generator writes a page: remove it"),
    (_socket, "is not a file (a named pipe, a socket or a device) where the generator writes a page: remove it"),
    (_loop, "is a link that leads nowhere (or round in a loop) where the generator writes a page: remove it"),
])
def test_what_is_not_a_file_at_a_generated_pages_own_address_is_named(proj, make, said):
    """A named pipe at the address of a page the generator wrote (the manifest lists it):
    the run, and --check, waited for ever reading it to compare; a socket or a loop of links
    there gave --check a traceback (two reviews of session 32)."""
    page = proj / "docs" / "tags" / "index.md"
    page.unlink()
    make(page)
    for args in ([], ["--check"]):
        result = run([sys.executable, "scripts/build.py", *args], proj, check=False, timeout=60)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stdout.splitlines()[0] == "stale: docs/tags/index.md", result.stdout
    result = run([sys.executable, "scripts/build.py"], proj, check=False, timeout=60)
    assert result.stderr.splitlines()[0] == f"docs/tags/index.md: {said}", result.stderr


def test_the_temporary_files_of_a_killed_run_are_removed_by_the_next(project):
    """A run killed while writing left its temporary files for good: in the generated folders
    (harmless, but never cleaned up) and at the top of docs/ (docs/.feed.xml.<pid>-<n>.tmp),
    where git did not ignore them, so `git add -A` would commit them."""
    import subprocess

    docs = project / "docs"
    build(project)
    dead = subprocess.Popen(["true"])
    dead.wait()
    stale = [f"articles/{SEED_ID}/.index.md.{dead.pid}-7.tmp", f".feed.xml.{dead.pid}-12.tmp",
             f".{MANIFEST}.{dead.pid}-0.tmp"]
    alive = [f"articles/{SEED_ID}/.index.md.1-3.tmp"]  # process 1 is running: a run at work, perhaps
    editors = [".notes.123-4.tmp"]  # not one of the generator's files
    for rel in stale + alive + editors:
        (docs / rel).write_bytes(b"half a pa")
    ignored = subprocess.run(["git", "check-ignore", "--no-index", *(f"docs/{rel}" for rel in stale)], cwd=ROOT,
                             capture_output=True, text=True)
    assert ignored.stdout.split() == [f"docs/{rel}" for rel in stale], ignored
    check = build(project, "--check", check=False)
    assert check.returncode == 1
    assert sorted(line for line in check.stdout.splitlines() if line.startswith("stale:")) == \
        sorted(f"stale: docs/{rel}" for rel in stale)
    build(project)
    assert [rel for rel in stale if (docs / rel).exists()] == []
    assert all((docs / rel).exists() for rel in alive + editors)
    assert build(project, "--check").returncode == 0


@pytest.mark.parametrize("count", [write.FSYNC_EACH_UP_TO, write.FSYNC_EACH_UP_TO + 1])
def test_many_pages_are_on_disk_before_the_first_is_renamed(tmp_path, monkeypatch, count):
    """Each of a few pages is made durable as it is written; many are, all at once, by one
    sync: before the first rename, or a crash could leave a page's name on an empty file (a
    test audit: the sync could go, unseen)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    events: list[str] = []
    real_sync, real_replace, real_fsync = write.os.sync, write.os.replace, write.os.fsync
    monkeypatch.setattr(write.os, "sync", lambda: events.append("sync") or real_sync())
    monkeypatch.setattr(write.os, "fsync", lambda fd: events.append("fsync") or real_fsync(fd))
    monkeypatch.setattr(write.os, "replace", lambda src, dst: events.append(
        "manifest" if str(dst).endswith(write.MANIFEST) else "rename") or real_replace(src, dst))
    monkeypatch.setattr(write, "WRITE_PARALLEL_FROM", 10 ** 6)  # here, where the calls are seen
    write.write_outputs(docs, {f"tags/t{n}/index.md": f"# Tag {n}\n".encode() for n in range(count)}, inputs="x")
    # The pages written, then the manifest that lists them, then the renames that put them in place
    before = events[:events.index("rename")]
    pages = before[:before.index("manifest")]
    if count > write.FSYNC_EACH_UP_TO:
        assert pages.count("sync") == 1 and "fsync" not in pages[:pages.index("sync")], events
    else:
        assert pages[:count] == ["fsync"] * count and "sync" not in events, events
    assert events.count("rename") == count
