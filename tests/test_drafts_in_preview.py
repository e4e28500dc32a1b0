"""An article still being written under `make serve`: `make new-article` writes a skeleton
whose text and comments the build refuses (they would be published), and the preview used to
refuse every generation while it was there, so that nothing else an editor saved showed until
the article was finished. The preview (`build.py --preview`) now leaves such an article out,
with a warning; `make site` and `make check` still refuse it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import lgnews.model as model
import lgnews.share as share
from lgnews.errors import DraftError
from lgnews.model import load_archive

from .conftest import ROOT, SEED_ID, copy_project


def _script(project: Path, name: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / name), *args], cwd=project, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.fixture
def drafted(tmp_path) -> tuple[Path, Path]:
    """A project whose pages were generated, then a new article begun with `make new-article`."""
    project = copy_project(tmp_path / "project")
    assert _script(project, "build.py", "--quiet").returncode == 0
    made = _script(project, "new_article.py", "--title", "Flood drill held", "--published", "2024-01-10")
    assert made.returncode == 0, made.stderr
    article = project / made.stdout.strip().splitlines()[-1]
    assert article.name == "article.md"
    return project, article


def test_the_preview_leaves_an_article_being_written_out_and_says_so(drafted):
    project, article = drafted
    meta = project / "archive" / "articles" / SEED_ID / "meta.yml"
    text = meta.read_text(encoding="utf-8")
    assert "retreat Meeting\n" in text
    meta.write_text(text.replace("retreat Meeting\n", "retreat Meeting (edited)\n", 1), encoding="utf-8")  # shown
    previewed = _script(project, "build.py", "--quiet", "--preview")
    assert previewed.returncode == 0, previewed.stderr
    rel = article.relative_to(project).as_posix()
    assert re.fullmatch(rf"warning: {re.escape(rel)}:\d+: still has the text 'make new-article' put in it \('Write "
                        r"the article here, \.\.\.'\): replace it with the article \(left out of the preview until "
                        r"then; `make site` refuses it\)\n", previewed.stderr), previewed.stderr
    docs = project / "docs"
    assert not (docs / "articles" / article.parent.name).exists()
    assert "retreat Meeting (edited)" in (docs / "articles" / SEED_ID / "index.md").read_text(encoding="utf-8")
    # Saved again, nothing changed: a preview has nothing to do (a generation of everything on
    # each save, at 10,000 articles 10 s, while the article is written).
    again = _script(project, "build.py", "--preview")
    assert again.returncode == 0 and "nothing changed" in again.stdout, again.stdout
    assert again.stderr == ("warning: articles still being written are left out of the preview, as the generation "
                            "before this one said; `make check` names them, and `make site` refuses them\n")
    # The run that publishes is not taken in by what the preview wrote (its fingerprint would
    # have said "nothing changed"): it refuses the draft, as before.
    built = _script(project, "build.py", "--quiet")
    assert built.returncode == 1 and f"{rel}:" in built.stderr and "nothing was written" in built.stderr
    checked = _script(project, "build.py", "--check")
    assert checked.returncode == 1 and f"{rel}:" in checked.stderr
    # Once written, the article is in the preview, with no warning.
    article.write_text("---\ntitle: Flood drill held\npublished: 2024-01-10\ntags: []\n---\n\n"
                       "The county held a flood drill on 9 January.\n", encoding="utf-8")
    previewed = _script(project, "build.py", "--quiet", "--preview")
    assert (previewed.returncode, previewed.stderr) == (0, "")
    assert (docs / "articles" / article.parent.name / "index.md").is_file()
    assert _script(project, "build.py", "--quiet").returncode == 0


def test_a_draft_does_not_hide_another_problem(drafted):
    """Any other problem stops the preview, as before; the draft is said with it, as a
    warning still (it was counted among the problems: "2 problem(s)", and an editor took the
    draft for one more thing to fix: an editor's review)."""
    project, article = drafted
    meta = project / "archive" / "articles" / SEED_ID / "meta.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("published: 2022-04-30", "published: 30/04/2022"),
                    encoding="utf-8")
    previewed = _script(project, "build.py", "--quiet", "--preview")
    assert previewed.returncode == 1
    lines = previewed.stderr.splitlines()
    assert [line for line in lines if "still has the text 'make new-article'" in line][0].startswith("warning: ")
    assert [line for line in lines if not line.startswith("warning: ")] == [
        next(line for line in lines if "is not a date" in line), "build: 1 problem(s) in archive/; nothing was written"]


def test_drafts_parsed_by_other_processes_are_still_drafts(drafted, monkeypatch):
    """At scale the articles are parsed by forked processes, which send their problems back
    as plain values: the mark of a draft goes with them."""
    project, article = drafted
    monkeypatch.setattr(model, "PARALLEL_FROM", 2)
    monkeypatch.setattr(share, "workers", lambda: 2)
    archive = load_archive(project / "archive", drafts_aside=True)
    assert [type(e) for e in archive.drafts] == [DraftError]
    assert article.parent.name not in {a.id for a in archive.articles}
    with pytest.raises(model.ArchiveErrors) as refused:
        load_archive(project / "archive")
    assert [type(e) for e in refused.value.errors] == [DraftError]


def test_make_serve_generates_as_the_preview(tmp_path, monkeypatch):
    """The preview's generations are the ones that set drafts aside; no other run does."""
    import lgnews.preview as preview

    ran: list[list[str]] = []
    monkeypatch.setattr(preview.subprocess, "run", lambda args, **kwargs: ran.append(args) or
                        subprocess.CompletedProcess(args, 0))
    monkeypatch.setitem(preview._state, "generated", False)
    assert preview.regenerate(tmp_path) == 0
    assert ran and "--preview" in ran[0] and ran[0][1] == str(tmp_path / "scripts" / "build.py")


def test_what_leads_to_a_draft_or_was_published_before_holds_nothing_back(drafted):
    """A review of the first version: a finished article linking to the draft's page stopped
    the preview ("leads to no page of the site"); an article published, then made a draft
    again, was said to be "gone, as archive/articles/<id>/ is" while its folder was there; and
    the skeleton's example values, uncommented as the guide says, stopped it as well."""
    project, article = drafted
    linking = project / "archive" / "articles" / "2024-01-12-drill-reviewed" / "article.md"
    linking.parent.mkdir()
    linking.write_text("---\ntitle: Drill reviewed\npublished: 2024-01-12\ntags: []\n---\n\nSee the "
                       f"[drill](articles/{article.parent.name}/).\n", encoding="utf-8")
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("# source: The media center", "source: The media center"), encoding="utf-8")
    previewed = _script(project, "build.py", "--quiet", "--preview")
    assert previewed.returncode == 0, previewed.stderr
    assert "source: is still the example of `make new-article`'s skeleton" in previewed.stderr
    assert (project / "docs" / "articles" / "2024-01-12-drill-reviewed" / "index.md").is_file()
    # An article published, then a draft again: its page leaves the preview, with the draft's warning only.
    seed = project / "archive" / "articles" / SEED_ID
    (seed / "article.md").write_text("---\ntitle: Louxing rewritten\npublished: 2022-04-30\ntags: []\n---\n\n"
                                     "Write the article here, in Markdown, replacing these two paragraphs.\n",
                                     encoding="utf-8")
    for name in ("source.txt", "meta.yml"):
        (seed / name).unlink()
    previewed = _script(project, "build.py", "--quiet", "--preview")
    assert previewed.returncode == 0, previewed.stderr
    assert not (project / "docs" / "articles" / SEED_ID).exists()
    assert f"{SEED_ID}/article.md" in previewed.stderr, previewed.stderr
    # Its tags' and events' pages go from the preview (no other article has them), and that is
    # said, with the drafts' part in it: kept quiet, it was never said (the pages were gone
    # from the manifest by the next run: a review). Its own page is not said to be gone.
    gone = [line for line in previewed.stderr.splitlines() if " is gone" in line]
    assert any(line.startswith("warning: the page tags/louxing/ ") for line in gone), gone
    assert all(line.startswith(("warning: the page tags/", "warning: the page timeline/events/"))
               and "any more in the articles the preview shows (one being written, left out, may have it)"
               in line for line in gone), gone
    # The build that publishes refuses both drafts, and so does the check.
    built = _script(project, "build.py", "--quiet")
    assert built.returncode == 1 and "build: 2 problem(s) in archive/" in built.stderr, built.stderr
    assert f"{SEED_ID}/article.md" in built.stderr and f"{article.parent.name}/article.md" in built.stderr


def test_the_check_is_never_a_preview(tmp_path):
    result = _script(tmp_path, "build.py", "--check", "--preview")
    assert result.returncode == 2 and "not allowed with argument" in result.stderr


def test_the_skeletons_placeholders_uncommented_are_a_drafts_too(drafted):
    """The date's placeholder and the example annotation, uncommented before they are
    written, are the skeleton's like its other examples: they left the preview stopped ('is
    not a date', 'is not in the text')."""
    project, article = drafted
    text = article.read_text(encoding="utf-8")
    for line in ("# event_date: YYYY-MM-DD", "# annotations:", "#   - phrase: words exactly", "#     note: what the"):
        assert line in text
        text = text.replace(line, line[2:], 1)
    article.write_text(text, encoding="utf-8")
    previewed = _script(project, "build.py", "--quiet", "--preview")
    assert previewed.returncode == 0, previewed.stderr
    assert "event_date: is still the placeholder of `make new-article`'s skeleton ('YYYY-MM-DD')" in previewed.stderr
    assert ("annotations[0]: is still the example of `make new-article`'s skeleton ('words exactly as they appear "
            "in the text')") in previewed.stderr
    assert "is not a date" not in previewed.stderr and "(left out of the preview until then" in previewed.stderr
    built = _script(project, "build.py", "--quiet")
    assert built.returncode == 1 and "event_date: is still the placeholder" in built.stderr, built.stderr
    # Written, they are the article's own.
    article.write_text(article.read_text(encoding="utf-8").replace("YYYY-MM-DD", "2024-01-09"), encoding="utf-8")
    previewed = _script(project, "build.py", "--quiet", "--preview")
    assert "event_date" not in previewed.stderr and "annotations[0]" in previewed.stderr
