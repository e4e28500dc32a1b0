"""Lighthouse scores of the built site: a benchmark, not a test (scores vary a little from
run to run). `make lighthouse` runs it after `make site`.

Serves site/ on 127.0.0.1 (under site_url's path, as GitHub Pages would), runs Lighthouse
from npm (`npx --yes lighthouse@12.2.3`, fetched once into npm's cache) with Debian's
Chromium on the home page and the seed article, mobile profile unless --desktop, and prints
the four scores per page, then what keeps a score below its target (performance 95, the
others 100).

    .venv/bin/python scripts/lighthouse.py [--desktop] [--runs 3] [--page PATH ...] [--json DIR]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from lgnews.serve import CHROMIUM, CHROMIUM_ARGS, INSTALL_CHROMIUM, SiteHandler, site_path

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = "lighthouse@12.2.3"
CHROME_FLAGS = " ".join(["--headless=new", *CHROMIUM_ARGS, "--disable-dev-shm-usage"])  # as the browser tests
SEED = "articles/2022-04-30-louxing-district-held-the-2022-work-safety-retreat-meeting/"
DEFAULT_PAGES = {"home": "", "seed article": SEED}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


class Handler(SiteHandler):
    """The site as GitHub Pages serves it (see lgnews.serve), and compressed with gzip when
    the browser accepts it, so the scores are those of the published site, not of an
    uncompressed test server."""

    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", "/")
    def send_head(self):
        path = urlsplit(self.path).path
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.endswith(self.COMPRESSIBLE):
            return super().send_head()
        fs_path = self.translate_path(self.path)
        if os.path.isdir(fs_path):
            if not path.endswith("/"):
                return super().send_head()  # the redirect to path/
            fs_path = os.path.join(fs_path, "index.html")
        if not os.path.isfile(fs_path):
            return super().send_head()  # 404
        body = gzip.compress(Path(fs_path).read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(fs_path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    prefix = site_path(site)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site), prefix=prefix))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}{prefix}"


def run_lighthouse(url: str, desktop: bool, out: Path) -> dict:
    cmd = ["npx", "--yes", LIGHTHOUSE, url, "--output=json", f"--output-path={out}", "--quiet",
           f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
    if desktop:
        cmd.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    result = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if result.returncode != 0 or not out.is_file():
        raise RuntimeError(f"lighthouse failed on {url} ({result.returncode}):\n{result.stderr[-3000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def scores(report: dict) -> dict[str, int]:
    return {c: round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}


def shortfalls(report: dict) -> list[str]:
    """The audits that cost points in a category below its target."""
    lines = []
    audits = report["audits"]
    for cat in CATEGORIES:
        category = report["categories"][cat]
        if round((category["score"] or 0) * 100) >= TARGETS[cat]:
            continue
        for ref in category["auditRefs"]:
            audit = audits[ref["id"]]
            score = audit.get("score")
            if ref.get("weight", 0) > 0 and score is not None and score < 1:
                value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                lines.append(f"  {cat}: {ref['id']} scored {round(score * 100)}{value}")
        if cat == "performance":
            for audit in audits.values():
                details = audit.get("details") or {}
                if details.get("type") == "opportunity" and (details.get("overallSavingsMs") or 0) > 0:
                    lines.append(f"  performance opportunity: {audit['id']} saves ~{round(details['overallSavingsMs'])} ms")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--desktop", action="store_true", help="Lighthouse's desktop profile (default: mobile)")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median score is shown")
    parser.add_argument("--page", action="append", metavar="PATH", help="a page path under the site (repeatable)")
    parser.add_argument("--json", type=Path, metavar="DIR", help="keep the JSON reports in DIR")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    if not (args.site / "index.html").is_file():
        print(f"lighthouse: no built site in {args.site}: run `make site` first", file=sys.stderr)
        return 2
    if not CHROMIUM.exists():
        print(f"lighthouse: needs Debian's Chromium at {CHROMIUM}: {INSTALL_CHROMIUM}", file=sys.stderr)
        return 2
    if not shutil.which("npx"):
        print("lighthouse: needs Node.js and npx (Debian: apt-get install -y nodejs npm)", file=sys.stderr)
        return 2

    pages = {p or "home": p for p in args.page} if args.page else DEFAULT_PAGES
    server, base = serve(args.site)
    rows, notes = [], []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for name, path in pages.items():
                runs = []
                for i in range(args.runs):
                    out = Path(tmp) / f"{re.sub(r'[^A-Za-z0-9]+', '-', name).strip('-')[:60]}-{i}.json"
                    report = run_lighthouse(base + path, args.desktop, out)
                    runs.append(report)
                    if args.json:
                        args.json.mkdir(parents=True, exist_ok=True)
                        shutil.copy(out, args.json / out.name)
                per_run = [scores(r) for r in runs]
                median = {c: round(statistics.median(s[c] for s in per_run)) for c in CATEGORIES}
                rows.append((name, median))
                for line in shortfalls(runs[-1]):
                    notes.append(f"{name}:{line}")
    except RuntimeError as error:
        print(f"lighthouse: {error}", file=sys.stderr)
        return 1
    finally:
        server.shutdown()

    profile = "desktop" if args.desktop else "mobile"
    print(f"Lighthouse {LIGHTHOUSE.split('@')[1]}, {profile} profile, {args.runs} run(s) per page, median:")
    width = max(len(n) for n, _ in rows)
    header = f"{'page':<{width}}  " + "  ".join(f"{c:>14}" for c in CATEGORIES)
    print(header)
    print("-" * len(header))
    for name, s in rows:
        print(f"{name:<{width}}  " + "  ".join(f"{s[c]:>14}" for c in CATEGORIES))
    print(f"targets: performance >= {TARGETS['performance']}, the others {TARGETS['accessibility']}")
    if notes:
        print("\nBelow target (last run):")
        print("\n".join(notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
