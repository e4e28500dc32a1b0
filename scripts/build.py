#!/usr/bin/env python3
"""Generate pages and data from archive/ into docs/. `--check` exits 1 when they are stale."""

import sys

from lgnews.build import main

if __name__ == "__main__":
    sys.exit(main())
