"""The build's speed-ups change nothing a reader gets: hooks/rawblocks.py (generated pages'
raw HTML kept away from Python-Markdown's HTML parser) and hooks/navcache.py (the sidebar of
generated pages rendered once per depth). The same project built without them gives the same
pages, and every raw block the generator writes is one the hook takes out."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SEED_ID, copy_project, run

SPEEDUPS = ("  - hooks/rawblocks.py\n", "  - hooks/navcache.py\n")


def _load_rawblocks():
    spec = importlib.util.spec_from_file_location("rawblocks", ROOT / "hooks" / "rawblocks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _normalized(html: str) -> str:
    return re.sub(r"\s+", " ", html).replace(" >", ">")


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory, built_project):
    """The built project again, with the two speed-up hooks removed from mkdocs.yml."""
    project = copy_project(tmp_path_factory.mktemp("plain") / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for line in SPEEDUPS:
        assert line in text, f"{line.strip()} is not in mkdocs.yml"
        text = text.replace(line, "")
    config.write_text(text, encoding="utf-8")
    run([sys.executable, "scripts/build.py", "--quiet"], project)
    run([sys.executable, "-m", "mkdocs", "build", "--strict"], project)
    return project / "site"


def test_speedups_do_not_change_any_page(built_site, plain_site):
    pages = sorted(p.relative_to(plain_site) for p in plain_site.rglob("*.html"))
    assert Path("articles", SEED_ID, "index.html") in pages and len(pages) > 40
    for page in pages:
        fast = (built_site / page).read_text(encoding="utf-8")
        slow = (plain_site / page).read_text(encoding="utf-8")
        assert _normalized(fast) == _normalized(slow), f"{page} differs with the speed-up hooks"


def test_every_raw_block_of_the_generator_is_taken_out(built_project):
    rawblocks = _load_rawblocks()
    docs = built_project / "docs"
    checked = 0
    for path in docs.rglob("index.md"):
        text = path.read_text(encoding="utf-8")
        if '"generated":true' not in text.split("\n---\n", 1)[0]:
            continue
        body = text.split("\n---\n", 1)[1]
        markdown, blocks = rawblocks.split_blocks(body)
        left = re.sub(r"<!--.*?-->", "", markdown, flags=re.S)
        # A heading stays Markdown (it makes the table of contents); the link in a timeline
        # entry's heading to its article is inline HTML, which Python-Markdown passes cheaply.
        left = re.sub(r"^#{1,6} .*$", "", left, flags=re.M)
        assert not re.search(r"<(li|tr|td|dd|p|div|a)\b", left), \
            f"{path.relative_to(docs)}: raw HTML left for Python-Markdown:\n{left[:500]}"
        assert rawblocks.restore_blocks(markdown, blocks).rstrip("\n") == body.rstrip("\n")
        checked += 1
    assert checked > 40


def test_a_block_that_asks_for_markdown_or_does_not_close_stays_markdown():
    """A block with a `markdown` attribute wants its content converted: taken out as raw
    HTML, a reader would see "*kept*" with its asterisks instead of emphasis. The block is
    whole (opens and closes, no blank line inside), as one the hook would otherwise take."""
    rawblocks = _load_rawblocks()
    asks = '<div class="x" markdown>\n*kept*\n</div>'
    source = (f'{asks}\n\n<p>one</p>\n\n'
              '<span>inline</span>\n\n<ul>\n<li>open</li>\n\nnot closed')
    markdown, blocks = rawblocks.split_blocks(source)
    assert blocks == ["<p>one</p>"]
    assert asks in markdown and "<span>inline</span>" in markdown and "<ul>" in markdown


def test_an_editors_link_to_an_anchor_inside_a_generated_block_is_checked(tmp_path):
    """The paragraph and note anchors of an article are inside blocks MkDocs does not convert;
    a link from an editor's page to one of them still passes `--strict`, and a link to an
    anchor that does not exist still fails it."""
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "reading-notes.md"
    page.write_text(f"# Reading notes\n\nSee [paragraph 3](articles/{SEED_ID}/index.md#p3) and "
                    f"[the first note](articles/{SEED_ID}/index.md#note-1).\n", encoding="utf-8")
    run([sys.executable, "scripts/build.py", "--quiet"], project)
    run([sys.executable, "-m", "mkdocs", "build", "--strict"], project)
    page.write_text(f"# Reading notes\n\nSee [nothing](articles/{SEED_ID}/index.md#p99).\n", encoding="utf-8")
    result = run([sys.executable, "-m", "mkdocs", "build", "--strict"], project, check=False)
    assert result.returncode != 0 and "p99" in result.stderr + result.stdout
