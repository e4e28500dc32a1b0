"""axe-core (axe-playwright-python, bundled: nothing fetched) on the pages a reader meets
first, at phone and desktop widths, and on the search with its results open: no serious or
critical violation."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import READER_PAGES, SEED

pytestmark = pytest.mark.browser

AXE = Axe()
BLOCKING = {"serious", "critical"}


def violations(page) -> list[str]:
    found = AXE.run(page).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at " + ", ".join(str(n["target"]) for n in v["nodes"][:5])
        for v in found if v["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("path", READER_PAGES.values(), ids=READER_PAGES.keys())
def test_no_serious_axe_violations_desktop(tab, path):
    tab.goto(path)
    assert violations(tab.page) == []


@pytest.mark.parametrize("path", ["", SEED], ids=["home", "seed article"])
def test_no_serious_axe_violations_phone(phone_tab, path):
    phone_tab.goto(path)
    assert violations(phone_tab.page) == []


def test_no_serious_axe_violations_with_search_results_open(tab):
    page = tab.page
    tab.goto()
    page.locator("#lg-search-query").click()
    page.keyboard.type("Zhengzhou")
    page.wait_for_function("document.querySelector('[data-lg-search]').getAttribute('data-lg-search-done') === 'Zhengzhou'")
    page.wait_for_timeout(500)  # let the panel's opening transition finish
    assert violations(page) == []


def test_no_serious_axe_violations_on_the_404_page(tab):
    tab.goto("no-such-page/", status=404)
    assert violations(tab.page) == []
