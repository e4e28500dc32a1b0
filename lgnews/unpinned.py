"""Uninstall from the running Python's environment what constraints.txt no longer pins.

`pip install` adds and upgrades, and never removes: a package a commit dropped from the
requirements stayed in an existing .venv, where tests/test_setup.py found it installed but
unpinned, and `make lock`, which its message advised, could not remove it. The Makefile runs
this after each install (`python -m lgnews.unpinned constraints.txt`). Standard library only.
"""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

# pip itself, and the project, installed from its own folder (not pinned: not from the index)
KEPT = frozenset({"pip", "lgnews"})
_PIN_RE = re.compile(r"^([A-Za-z0-9_.-]+)(?:\[[^]]*\])?==", re.M)


def canonical(name: str) -> str:
    """A package's name as pip compares names (PEP 503): "Jinja2", "jinja2" alike."""
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned(constraints: str) -> set[str]:
    """The packages a constraints file pins (``name==version`` lines), by canonical name."""
    return {canonical(match[1]) for match in _PIN_RE.finditer(constraints)}


def leftovers(installed: Iterable[str], pins: set[str]) -> list[str]:
    """Of the ``installed`` packages, those ``pins`` does not name, pip and the project aside."""
    return sorted({name for name in installed if canonical(name) not in pins | KEPT}, key=canonical)


def main(argv: list[str]) -> int:
    path = Path(argv[0] if argv else "constraints.txt")
    installed = [dist.metadata["Name"] for dist in importlib.metadata.distributions() if dist.metadata["Name"]]
    gone = leftovers(installed, pinned(path.read_text(encoding="utf-8")))
    if not gone:
        return 0
    print(f"{path} no longer pins {', '.join(gone)}: uninstalling", file=sys.stderr)
    return subprocess.call([sys.executable, "-m", "pip", "uninstall", "--yes", "--quiet", *gone])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
