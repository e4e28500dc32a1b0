"""MkDocs hook: the sidebar of generated pages is rendered once per kind of place.

Material renders the whole navigation for every page. A page the generator wrote is never in
the navigation (`not_in_nav`), so nothing in its sidebar depends on the page but the relative
addresses of the navigation's pages, and those depend only on how deep the page is and on the
longest folder it shares with a page of the navigation (a page in articles/2022/ links to
articles/ as "../", one in people/li-yi/ as "../../articles/"). `lgnews_nav_key(page)` gives
that pair; the `lgnews_once(key)` call block renders its body the first time a key is seen in a
build and repeats that output afterwards. overrides/main.html uses both for the primary
sidebar of generated pages; without this hook the template renders the sidebar every time, as
Material does. tests/test_build_hooks.py checks that the pages are the same either way."""

_prefixes: set[str] = set()


def _folders(url: str) -> list[str]:
    parts = url.strip("/").split("/") if url.strip("/") else []
    return ["/".join(parts[:n]) + "/" for n in range(1, len(parts) + 1)]


def on_nav(nav, config, files):
    _prefixes.clear()
    for page in nav.pages:
        _prefixes.update(_folders(page.url))
    return nav


def nav_key(page) -> str:
    url = page.url
    shared = max((p for p in _folders(url) if p in _prefixes), key=len, default="")
    return f"{url.count('/')} {shared}"


def on_env(env, config, files):
    rendered: dict[str, str] = {}

    def once(key, caller):
        if key not in rendered:
            rendered[key] = caller()
        return rendered[key]

    env.globals["lgnews_once"] = once
    env.globals["lgnews_nav_key"] = nav_key
    return env
