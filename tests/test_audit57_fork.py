"""A fork publishes to its own address: SITE_URL and REPO_URL, set once in the environment,
are the site's address and repository link everywhere (MkDocs's pages, sitemap and header,
the generator's feeds, canonical links and JSON-LD), and one set but empty is the default
for both, never an address for one and none for the other."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, generate_and_build

FORK_SITE = "https://a-fork.github.io/mirror/"
FORK_REPO = "https://github.com/a-fork/mirror"
DEFAULT_SITE = "https://lgnews-archive.github.io/archive/"
DEFAULT_REPO = "https://github.com/lgnews-archive/archive"


@pytest.fixture(scope="module")
def fork_site(tmp_path_factory) -> Path:
    from .conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("fork") / "project")
    return generate_and_build(project, SITE_URL=FORK_SITE, REPO_URL=FORK_REPO)


def _texts(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8", errors="replace")
            for p in sorted(site.rglob("*")) if p.is_file() and p.suffix in (".html", ".xml", ".json", ".txt")}


def test_the_forks_address_and_repository_are_the_sites_everywhere(fork_site):
    texts = _texts(fork_site)
    upstream = [rel for rel, text in texts.items() if "lgnews-archive" in text]
    assert not upstream, f"the upstream address is still in {upstream[:10]}"
    home = texts["index.html"]
    assert f'<link rel="canonical" href="{FORK_SITE}">' in home
    assert f'href="{FORK_REPO}"' in home, "the header's repository link is not the fork's"
    locs = re.findall(r"<loc>([^<]*)</loc>", texts["sitemap.xml"])
    assert locs and all(loc.startswith(FORK_SITE) for loc in locs), locs[:3]
    assert f"<link>{FORK_SITE}</link>" in texts["feed.xml"]
    assert json.loads(texts["feed.json"])["home_page_url"] == FORK_SITE
    article = next(text for rel, text in texts.items() if rel.startswith("articles/2022-04-30-") and
                   rel.endswith("/index.html"))
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', article, re.S).group(1))
    assert ld["url"].startswith(FORK_SITE), ld["url"]


def _make_env(project: Path, **env: str) -> dict[str, str]:
    """The environment `make` gives its commands (`make site`'s generator and MkDocs), with
    ``env`` in the caller's environment."""
    environment = {**os.environ, **env}
    environment.pop("MAKEFLAGS", None)
    result = subprocess.run(["make", "-s", "--no-print-directory", "--eval", "show-env: ; @env -0", "show-env"],
                            cwd=project, env=environment, capture_output=True, timeout=60, check=True)
    return dict(item.split("=", 1) for item in result.stdout.decode().split("\0") if "=" in item)


def _addresses(project: Path, env: dict[str, str]) -> tuple[tuple, tuple]:
    """(MkDocs's site_url and repo_url, the generator's), read with ``env``."""
    code = ("import sys, json; from pathlib import Path; from mkdocs.config import load_config; "
            "from lgnews.config import load_config as ours; c = load_config('mkdocs.yml'); o = ours(Path('.')); "
            "print(json.dumps([[c.site_url, c.repo_url], [o.site_url, o.repo_url]]))")
    result = subprocess.run([sys.executable, "-c", code], cwd=project, env={**env, "PYTHONPATH": str(ROOT)},
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    mkdocs, generator = json.loads(result.stdout)
    return tuple(mkdocs), tuple(generator)


@pytest.mark.parametrize("value", ["", " "])
def test_an_empty_site_url_is_the_default_for_mkdocs_and_the_generator_alike(project, value):
    """`SITE_URL= make site` (or a CI variable a fork never filled in) built the site with no
    address: a sitemap with no page, no canonical link, no repository link, while the
    generator's feeds and JSON-LD had the default address."""
    env = _make_env(project, SITE_URL=value, REPO_URL=value)
    mkdocs, generator = _addresses(project, env)
    assert mkdocs == (DEFAULT_SITE, DEFAULT_REPO)
    assert generator == (DEFAULT_SITE, DEFAULT_REPO)
    # A fork's address is handed over as it was given.
    env = _make_env(project, SITE_URL=FORK_SITE, REPO_URL=FORK_REPO)
    assert _addresses(project, env) == ((FORK_SITE, FORK_REPO), (FORK_SITE, FORK_REPO))


def test_an_env_list_of_one_name_is_a_variable_for_mkdocs_and_the_generator_alike(project):
    """`!ENV [SITE_URL]` names a variable and no default, as MkDocs reads it: the generator
    took the name for the default and gave every feed and JSON-LD address as 'SITE_URL/'."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^site_url: .*$", "site_url: !ENV [SITE_URL]", text), encoding="utf-8")
    env = {**os.environ, "SITE_URL": FORK_SITE}
    mkdocs, generator = _addresses(project, env)
    assert mkdocs[0] == generator[0] == FORK_SITE
