#!/usr/bin/env python3
"""Benchmark: synthesize N articles, build them in a temporary copy, print a table per stage.

    make bench                               # N = 100 and 1000
    make bench BENCH_ARGS="--n 10000"        # the 10,000-article run
    .venv/bin/python scripts/bench.py --n 100 --n 10000 --keep bench-output
"""

import sys

from lgnews.bench import main

if __name__ == "__main__":
    sys.exit(main())
