"""`make serve` regenerates when archive/ changes, and settles: no rebuild loop; what it
generates is what `make site` generates, so `make check` agrees after a preview."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from .conftest import run


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


@pytest.mark.slow
def test_serve_regenerates_on_archive_change_without_loop(project):
    run([sys.executable, "scripts/build.py", "--quiet"], project)
    port = _free_port()
    log = project / "serve.log"
    # As `make serve` runs it: MkDocs serves the preview at the root of the local address.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PREVIEW_SITE_URL": f"http://127.0.0.1:{port}/"}
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, stdout=out, stderr=subprocess.STDOUT, env=env,
        )
    try:
        base = f"http://127.0.0.1:{port}/"
        deadline = time.time() + 240
        while "Glossary" not in _get(base + "glossary/") and time.time() < deadline:
            time.sleep(0.5)
        assert "Glossary" in _get(base + "glossary/"), log.read_text()
        glossary = project / "archive" / "glossary.yml"
        glossary.write_text(glossary.read_text(encoding="utf-8") + (
            "\n- term: grid management\n  definition: A way of dividing a district into small cells, each with "
            "staff responsible for it.\n  category: policy\n  confidence: medium\n"), encoding="utf-8")
        deadline = time.time() + 240
        while "grid management" not in _get(base + "glossary/") and time.time() < deadline:
            time.sleep(0.5)
        assert "grid management" in _get(base + "glossary/"), "the change to archive/ was not picked up"
        # The preview settles: no new build for 8 s (a loop never does: it fails at the
        # deadline), after few builds for one change. Polled, so a slow machine still
        # finishing a build is waited for rather than failed.
        deadline, quiet_since = time.time() + 180, time.time()
        builds = log.read_text().count("Building documentation")
        while time.time() - quiet_since < 8 and time.time() < deadline:
            time.sleep(0.5)
            now = log.read_text().count("Building documentation")
            if now != builds:
                builds, quiet_since = now, time.time()
        assert time.time() - quiet_since >= 8, f"still rebuilding after 3 minutes: {builds} builds\n{log.read_text()}"
        assert builds <= 4, f"too many builds for one change: {builds}"
        assert "Traceback" not in log.read_text()
        # The preview regenerated docs/ with the published address, not the preview's: the
        # check an editor runs before committing (and the pre-commit hook) finds nothing stale.
        checked = run([sys.executable, "scripts/build.py", "--check"], project, check=False)
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert f"127.0.0.1:{port}" not in (project / "docs" / "feed.xml").read_text(encoding="utf-8")
        # A page saved in another encoding: the generator's line, and the preview goes on
        # without that page (MkDocs stopped on it with a traceback).
        (project / "docs" / "about.md").write_bytes("# About\n\nCaf\u00e9\n".encode("latin-1"))
        deadline = time.time() + 240
        while "docs/about.md: not UTF-8 text" not in log.read_text() and time.time() < deadline:
            time.sleep(0.5)
        time.sleep(3)
        assert "docs/about.md: not UTF-8 text; save the file as UTF-8" in log.read_text(), log.read_text()
        (project / "docs" / "about.md").write_text("# About\n\nCafé and tea\n", encoding="utf-8")
        deadline = time.time() + 240
        while "Café and tea" not in _get(base + "about/") and time.time() < deadline:
            time.sleep(0.5)
        assert "Café and tea" in _get(base + "about/"), log.read_text()
        assert "Traceback" not in log.read_text() and "appear stuck" not in log.read_text(), log.read_text()
    finally:
        server.terminate()
        server.wait(timeout=20)
