"""The theme's templates stay readable by Zensical, Material's successor (README, "Material's
end of life, and Zensical"). Its template engine, MiniJinja, has Jinja's syntax but not
Python's methods: with `base_url.endswith("/")` in 404.html, `page.url.startswith(...)` in
main.html and `.get("robots")` in the sitemap, a Zensical build of this site stopped at the
first of them, and `page.file`, which its pages do not have, took the search index's mark
off every page without a word."""

from __future__ import annotations

import re

import pytest

from .conftest import ROOT

TEMPLATES = sorted(p for p in (ROOT / "overrides").rglob("*") if p.suffix in {".html", ".xml"})

# What templates may call: macros (Material's `lang.t`) and Jinja's own functions.
PYTHON_METHOD = re.compile(
    r"\.(startswith|endswith|get|items|keys|values|split|rsplit|join|lower|upper|strip|lstrip|rstrip|replace"
    r"|format|count|find|index|append|update|pop)\(")
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def test_the_templates_are_found():
    assert {"main.html", "404.html", "sitemap.xml", "search.html"} <= {p.name for p in TEMPLATES}


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_template_calls_no_python_method_and_reads_no_mkdocs_file(template):
    text = template.read_text(encoding="utf-8")
    for tag in TAG.findall(text):
        assert not PYTHON_METHOD.search(tag), f"{template.name}: {tag!r} calls a method Zensical's templates lack"
        assert not re.search(r"\bpage\.file\b", tag), f"{template.name}: {tag!r}: Zensical's pages have no file"


@pytest.mark.parametrize("tag, bad", [
    ('{% set root = base_url if base_url.endswith("/") else base_url ~ "/" %}', True),
    ("{%- set robots = ((page.meta or {}).get(\"robots\") or \"\") | string %}", True),
    ('{% if page and page.file and not search.exclude %}', True),
    ("{% if page.url[:prefix | length] == prefix %}", False),
    ("{{ lang.t('header') }}", False),
])
def test_the_check_tells_a_method_from_a_macro(tag, bad):
    assert bool(PYTHON_METHOD.search(tag) or re.search(r"\bpage\.file\b", tag)) is bad


def test_the_container_keeps_the_place_zensicals_skip_link_leads_to():
    """Zensical's "Skip to content" leads to #__skip, an anchor in the container this theme
    overrides: without it, the link led nowhere on every page."""
    assert '<a id="__skip" tabindex="-1"></a>' in (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
