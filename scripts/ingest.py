#!/usr/bin/env python3
"""Accession raw article files into archive/: scripts/ingest.py FILE..."""

import sys

from lgnews.ingest import main

if __name__ == "__main__":
    sys.exit(main())
