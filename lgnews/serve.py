"""Serving a built site on 127.0.0.1 the way GitHub Pages serves a project site: under the
path of its site_url only, with the site's own 404 page for anything else. Used by the
browser tests and by `make lighthouse`."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium: what the browser tests, the benchmark and Lighthouse drive (never a downloaded browser)."""
INSTALL_CHROMIUM = "sudo apt-get update && sudo apt-get install -y chromium fonts-wqy-microhei"
"""The one command that installs it (and the font its screenshots of Chinese need), as the
Makefile's `browser` says it too; as root, `make test` runs it itself."""
# Headless as root, with nothing that phones home (without the background-networking flags
# Chromium reaches for Google hosts, which the no-third-party test would catch).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def site_path(site: Path) -> str:
    """The path the site was built for (site_url's path), from the home page's sitemap entry."""
    locs = [el.text or "" for el in ET.parse(site / "sitemap.xml").iter() if el.tag.endswith("loc")]
    path = urlsplit(min(locs, key=len)).path if locs else "/"
    return path if path.endswith("/") else path + "/"


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves `directory` under `prefix` only: any other path is a 404, answered with the
    site's own 404.html. Quiet."""

    prefix = "/"

    def __init__(self, *args, prefix: str, **kwargs):
        self.prefix = prefix
        super().__init__(*args, **kwargs)

    def translate_path(self, path: str) -> str:
        raw = urlsplit(path).path
        if not (unquote(raw) + "/").startswith(self.prefix):
            return os.path.join(self.directory, ".not-under-the-prefix", "missing")
        # The rest goes on still quoted: the library unquotes it (once more, "%2541" was "A").
        rest = raw[len(self.prefix):] if raw.startswith(self.prefix) else quote(unquote(raw)[len(self.prefix):])
        return super().translate_path("/" + rest)

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):
        pass
