"""Reproducible builds: two clean copies of the project, generated and built with the same
SOURCE_DATE_EPOCH, give byte-identical site/ trees: every page, the feeds, the data, the
sitemap (and its gzip), the assets and the Pagefind index."""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT, copy_project, generate_and_build

EPOCH = "1651363200"  # 2022-05-01, not the fixture's default: the date must come from here


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _describe(rel: str, a: bytes | None, b: bytes | None) -> str:
    if a is None or b is None:
        return f"{rel}: only in the {'second' if a is None else 'first'} build"
    if rel.endswith(".gz"):
        try:
            inner = "same" if gzip.decompress(a) == gzip.decompress(b) else "different"
        except OSError:
            inner = "unreadable"
        return f"{rel}: gzip bytes differ (header bytes 4-8, mtime: {a[4:8].hex()} vs {b[4:8].hex()}; content {inner})"
    at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return (f"{rel}: {len(a)} vs {len(b)} bytes, first difference at byte {at}: "
            f"{a[max(0, at - 40):at + 40]!r} vs {b[max(0, at - 40):at + 40]!r}")


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> tuple[Path, Path]:
    sites = []
    # Two machines: the hash seed (set and dict orders), the time zone and the locale differ.
    for name, env in (("first", {"PYTHONHASHSEED": "1", "TZ": "UTC", "LC_ALL": "C.UTF-8"}),
                      ("second", {"PYTHONHASHSEED": "2", "TZ": "Asia/Shanghai", "LC_ALL": "C"})):
        project = copy_project(tmp_path_factory.mktemp(name) / "project")
        sites.append(generate_and_build(project, SOURCE_DATE_EPOCH=EPOCH, **env))
    return sites[0], sites[1]


def test_two_clean_builds_are_byte_identical(two_builds):
    first, second = map(_files, two_builds)
    differing = [_describe(rel, first.get(rel), second.get(rel))
                 for rel in sorted(set(first) | set(second)) if first.get(rel) != second.get(rel)]
    assert not differing, f"{len(differing)} file(s) differ between two builds of the same commit:\n" + \
        "\n".join(differing)


def test_the_comparison_covers_every_output(two_builds):
    first = _files(two_builds[0])
    for rel in ("index.html", "sitemap.xml", "sitemap.xml.gz", "feed.xml", "feed.json", "data/articles.json",
                "404.html"):
        assert rel in first, f"{rel} was not built"
    assert any(rel.startswith("pagefind/") for rel in first), "no Pagefind index to compare"
    assert any(rel.startswith("articles/") and rel.endswith("/index.html") for rel in first)


def test_dates_come_from_source_date_epoch(two_builds):
    """The sitemap's gzip header and dates are the commit's, not the build machine's clock."""
    site = two_builds[0]
    data = (site / "sitemap.xml.gz").read_bytes()
    assert int.from_bytes(data[4:8], "little") in (0, int(EPOCH)), "gzip header holds the build time"
    digest = hashlib.sha256(gzip.decompress(data)).hexdigest()
    assert digest == hashlib.sha256((site / "sitemap.xml").read_bytes()).hexdigest()


def test_make_takes_the_date_of_the_last_commit(tmp_path):
    """Two clones of one commit build the same site because `make` hands MkDocs and the
    generator SOURCE_DATE_EPOCH from the commit (sitemap dates, the sitemap's gzip header),
    not from the clock: the test above sets it itself, and would pass without the Makefile."""
    shutil.copy2(ROOT / "Makefile", tmp_path / "Makefile")
    env = {**os.environ, "GIT_AUTHOR_DATE": "@1651363200 +0000", "GIT_COMMITTER_DATE": "@1651363200 +0000",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    env.pop("MAKEFLAGS", None)
    for command in (["git", "init", "-q"], ["git", "add", "Makefile"], ["git", "commit", "-q", "-m", "x"]):
        subprocess.run(command, cwd=tmp_path, env=env, check=True, capture_output=True, timeout=60)
    shown = subprocess.run(["make", "-s", "--no-print-directory", "--eval", "show: ; @echo \"$$SOURCE_DATE_EPOCH\"",
                            "show"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert shown.stdout.strip() == "1651363200", shown.stdout + shown.stderr
