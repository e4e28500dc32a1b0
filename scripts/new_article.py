#!/usr/bin/env python3
"""Create an editor-written Markdown article: scripts/new_article.py --title "..." --published YYYY-MM-DD"""

import sys

from lgnews.new_article import main

if __name__ == "__main__":
    sys.exit(main())
