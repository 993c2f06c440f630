"""Links that name a city or county as the page shows it, in any of its languages (English, pinyin, any
case): no notice, the filter applied, and the address rewritten to the canonical form."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser.conftest import ARTIFACTS, map_frame, wait_until, watched_page

pytestmark = pytest.mark.browser


def _query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.evaluate("location.href")).query)


@pytest.mark.parametrize("link, cities, county, shown", [
    ("lang=en&city=Xining", "西宁市", None, "Xining"),
    ("city=xining", "西宁市", None, "西宁市"),
    ("city=LanZhou,haidongshi", "兰州市,海东市", None, "兰州市 海东市"),
    ("lang=en&city=xiningshi&county=Huangzhong%20District", "西宁市", "630106", "Xining Huangzhong District"),
    ("city=Xining&county=huangzhongqu", "西宁市", "630106", "西宁市 湟中区"),
])
def test_a_link_names_a_place_in_any_language_the_page_shows(server_url, browser, link, cities, county, shown):
    county_label = "County" if "lang=en" in link else "县区"
    with watched_page(browser, 1366, 768) as (page, watch):
        page.goto(f"{server_url}/?{link}")
        map_frame(page)
        wait_until(lambda: _query(page).get("city") == [cities], 30, f"the address to say city={cities}")
        assert _query(page).get("county") == ([county] if county else None)
        assert page.get_by_text("Invalid link parameter").count() == 0 and page.get_by_text("链接参数无效").count() == 0
        sidebar = page.locator("[data-testid='stSidebar']")
        chosen = sidebar.locator("[data-testid='stMultiSelect']").first.inner_text()
        if county:
            chosen += " " + sidebar.locator("[data-testid='stSelectbox']").filter(has_text=county_label).locator(
                "input").input_value()
        assert all(name in chosen for name in shown.split()), chosen  # the sidebar names them in the page's language
        if link.startswith("lang=en&city=Xining"):
            page.screenshot(path=str(ARTIFACTS / "link-english-name-1366.png"))
        assert watch.outside == []
