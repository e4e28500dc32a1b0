"""The archive's article ids: the name of an article's folder, ``<published date>-<slug of
the title>``. Here rather than in the model, so that the quick run with nothing to do can
tell an article's folder without importing the parser or the model."""

import re

ARTICLE_ID_RE = re.compile(r"\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\Z")
