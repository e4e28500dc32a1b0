"""The generator: archive/ -> model -> pages and data in docs/ (run by scripts/build.py)."""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

from .config import load_config
from .errors import ArchiveErrors
from .model import build_site, load_archive
from .progress import progress_for
from .render import Renderer
from .write import outputs_present, plan, read_inputs_fingerprint, write_outputs

PACKAGE = Path(__file__).resolve().parent


def inputs_fingerprint(config) -> str:
    """What the output depends on: every file of archive/ and of the generator (path, size,
    modification time) and the settings. Equal fingerprints mean nothing to do."""
    digest = hashlib.sha256(f"{config.site_url}\n{config.site_name}\n".encode())
    for folder in (config.archive, PACKAGE):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                stat = path.stat()
                digest.update(f"{path.relative_to(folder)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def generate(root: Path, *, check: bool = False, quiet: bool = False, out=sys.stdout) -> int:
    """Run the pipeline; return the exit status (0 ok, 1 errors or stale output)."""
    started = time.perf_counter()
    config = load_config(root)
    progress = progress_for(out, quiet)
    fingerprint = inputs_fingerprint(config)
    if not check and read_inputs_fingerprint(config.docs) == fingerprint and outputs_present(config.docs):
        if not quiet:
            print(f"build: nothing changed in archive/ or the generator; 0 files written "
                  f"in {time.perf_counter() - started:.2f} s", file=out)
        return 0
    try:
        archive = load_archive(config.archive, progress)
    except ArchiveErrors as exc:
        for error in exc.errors:
            print(_relative(str(error), root), file=sys.stderr)
        print(f"build: {len(exc.errors)} problem(s) in archive/; nothing was written", file=sys.stderr)
        return 1
    site = build_site(archive)
    outputs = {o.path: o.content.encode("utf-8") for o in Renderer(site, config.site_url, config.site_name).render_all()}
    if check:
        to_write, to_delete, conflicts = plan(config.docs, outputs)
        stale = to_write + to_delete + conflicts
        for rel in stale:
            print(f"stale: docs/{rel}", file=out)
        print(f"build --check: {len(stale)} generated file(s) out of date" if stale
              else "build --check: generated files are up to date", file=out)
        return 1 if stale else 0
    try:
        report = write_outputs(config.docs, outputs, progress, inputs=fingerprint)
    except ArchiveErrors as exc:
        for error in exc.errors:
            print(_relative(str(error), root), file=sys.stderr)
        return 1
    if not quiet:
        if site.candidates:
            shown = ", ".join(f"“{c.phrase}” ({len(c.articles)})" for c in site.candidates[:8])
            print(f"candidate terms (quoted, not in the glossary): {shown}"
                  + (f" and {len(site.candidates) - 8} more" if len(site.candidates) > 8 else "")
                  + "; see docs/glossary/candidate-terms/", file=out)
        print(f"build: {len(site.articles)} article(s), {len(outputs)} generated file(s): "
              f"{len(report.written)} written, {report.unchanged} unchanged, {len(report.deleted)} deleted "
              f"in {time.perf_counter() - started:.2f} s", file=out)
    return 0


def _relative(message: str, root: Path) -> str:
    prefix = str(root.resolve()) + "/"
    return message.replace(prefix, "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate the site's pages and data from archive/ into docs/.")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if generated files are stale")
    parser.add_argument("--quiet", action="store_true", help="print only problems")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: current)")
    args = parser.parse_args(argv)
    return generate(args.root.resolve(), check=args.check, quiet=args.quiet)
