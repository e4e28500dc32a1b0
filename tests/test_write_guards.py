"""Guards of the writer that the other tests did not reach: how an editor's page is told
from a generated one when the manifest is lost, and the order of an atomic write's steps."""

from __future__ import annotations

import errno

import pytest

import lgnews.write as write

from .test_write import MANIFEST, SEED_PAGE, build, temp_files, tree


def test_an_editors_page_that_mentions_the_generators_mark_is_not_taken_for_generated(project):
    """With the manifest lost, a page is the generator's only if its front matter carries the
    mark (or it begins with the generator's note). An editor's page saved at a generated
    page's address, whose text only talks about '"generated":true', was overwritten as the
    generator's own, and the editor's work was lost."""
    build(project)
    docs = project / "docs"
    (docs / MANIFEST).unlink()
    page = docs / SEED_PAGE
    page.write_text('---\ntitle: My own page\n---\n\nAn editor wrote this. Generated pages say\n'
                    '`"generated":true` in their front matter; this one was not generated.\n', encoding="utf-8")
    before = tree(docs)
    result = build(project, check=False)
    assert result.returncode == 1, result.stderr
    lines = [line for line in result.stderr.splitlines() if SEED_PAGE in line]
    assert len(lines) == 1 and lines[0].startswith(f"docs/{SEED_PAGE}: exists but was not generated"), \
        result.stderr
    assert tree(docs) == before, "a refused run wrote or deleted files"


def test_an_atomic_write_puts_the_file_in_place_only_once_it_holds_all_its_data(tmp_path, monkeypatch):
    """A reader (MkDocs serving, a browser) opening the page at the moment it is replaced must
    find the old page or the whole new one: renamed into place before being written, the page
    was empty or half written for a moment, and for good if the write then failed (a full
    disk), with the old page gone."""
    target = tmp_path / "page.md"
    target.write_bytes(b"old content\n")
    data = b"new content, much longer than the old one\n" * 1000
    real_replace = write.os.replace
    seen: list[bytes] = []

    def replace(src, dst):
        seen.append(open(src, "rb").read())  # what a reader would find at the page's address
        real_replace(src, dst)

    monkeypatch.setattr(write.os, "replace", replace)
    write.atomic_write(target, data)
    assert seen == [data], "the file was put in place before it held all of its data"
    assert target.read_bytes() == data

    def full_disk(fd, view):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(write.os, "write", full_disk)
    with pytest.raises(OSError):
        write.atomic_write(target, b"a newer page\n")
    assert target.read_bytes() == data, "a failed write lost the page that was there"
    assert temp_files(tmp_path) == [], "a temporary file was left behind"
