#!/usr/bin/env python3
"""Generate pages and data from archive/ into docs/. `--check` exits 1 when they are stale."""

import os
import sys

from lgnews.build import main

if __name__ == "__main__":
    try:
        status = main()
    except BrokenPipeError:  # a reader that stopped reading (`| head`): no traceback, status 1
        status = 1
    except KeyboardInterrupt:  # Ctrl+C (under `make serve` too): every file written is whole
        print("build: interrupted; the pages written so far are whole, and the next run brings docs/ up to date",
              file=sys.stderr)
        status = 130
    # Leave without taking the model apart: its millions of objects, linked in cycles, would
    # be collected one by one at exit (a second at 10,000 articles). Every file is written
    # and closed by now; only the standard streams may hold output.
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:  # None when the command was started with it closed
                stream.flush()
        except OSError:  # a reader that stopped reading (`| head`): not all was said
            status = status or 1
    os._exit(0 if status is None else status if isinstance(status, int) else 1)
