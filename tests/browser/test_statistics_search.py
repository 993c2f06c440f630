"""The statistics panel and the search box in a real browser: a clicked bar filters, a chosen hit
focuses, and nothing leaves loopback."""

import re

import pytest

from geo.catalogue import load_catalogue
from geo.filters import Filters, filter_catalogue

from tests.browser.conftest import ARTIFACTS, map_frame, wait_until

pytestmark = pytest.mark.browser
CHARTS = "[data-testid='stVegaLiteChart']"


def _shown(page) -> int:
    """The number of records the counts line says are shown."""
    match = re.search(r"显示 (\d+) 共", page.locator("[data-testid='stMarkdown']").all_inner_texts().__str__())
    return int(match.group(1)) if match else -1


def _expect(page, what: str, **filters) -> None:
    """Wait until the page shows exactly the records these filters keep."""
    n = len(filter_catalogue(load_catalogue(), Filters(**filters)))
    wait_until(lambda: _shown(page) == n, what=f"{what}: {n} records shown")


def _open_panel(page) -> None:
    page.locator("[data-testid='stExpander'] summary").first.click()
    page.wait_for_selector(f"{CHARTS} svg path[aria-label]", timeout=30_000)


def test_the_panel_draws_offline_and_a_clicked_bar_sets_the_filter(server_url, page_and_watch):
    page, watch = page_and_watch
    page.set_viewport_size({"width": 1600, "height": 1000})
    page.goto(server_url)
    map_frame(page)
    _open_panel(page)
    assert page.locator(CHARTS).count() == 3
    page.screenshot(path=str(ARTIFACTS / "statistics-panel.png"))
    # A segment of the 西宁市 bar (the city chart's bars are labelled by Vega with their values).
    page.locator(CHARTS).nth(0).locator("path[aria-label*='西宁市']").first.click()
    _expect(page, "the clicked city as the filter", cities=("西宁市",))
    page.wait_for_selector(f"{CHARTS} svg path[aria-label]", timeout=30_000)
    page.locator(CHARTS).nth(1).locator("path[aria-label*='交通']").first.click()
    _expect(page, "the clicked category joining it", cities=("西宁市",), categories=("transport",))
    page.wait_for_selector(f"{CHARTS} svg path[aria-label]", timeout=30_000)
    page.locator(CHARTS).nth(2).locator("path[aria-label*='2022']").first.click()
    _expect(page, "the clicked document joining them", cities=("西宁市",), categories=("transport",),
            doc="impl2022")
    wait_until(lambda: page.get_by_role("radio", name="2022 实施方案", exact=True).is_checked(), what="the sidebar's document")
    assert watch.outside == []
    assert watch.errors == []


def _choose(page, typed: str, option_text: str) -> None:
    box = page.locator("[data-testid='stSelectbox']").filter(has_text="查找地点").first
    box.click()
    page.keyboard.type(typed)
    option = page.locator("[role='option']").filter(has_text=option_text).first
    option.wait_for(timeout=10_000)
    option.click()


def test_a_search_hit_focuses_through_the_filters(server_url, page_and_watch):
    record = load_catalogue().set_index("name_zh").loc["兰州中川国际机场三期改扩建工程"]
    page, watch = page_and_watch
    page.goto(server_url)
    map_frame(page)
    _choose(page, "chengguan", "城关区")
    _expect(page, "the county hit as the filter", cities=("兰州市",), county="620102")
    page.screenshot(path=str(ARTIFACTS / "search-county.png"))
    _choose(page, "Lanzhou West railway", "兰州西站")  # a place: the map helper follows `place`
    _choose(page, "lanzhouzhongchuanguojijichangsanqi", "三期")  # a record, typed in pinyin
    # A county filter that would hide the record is reset; then the map highlights it.
    kept = "620102" in record["county_adcodes"]
    _expect(page, "the record's filters", cities=("兰州市",), county="620102" if kept else "")
    frame = map_frame(page)
    wait_until(lambda: frame.evaluate("() => Array.from(document.querySelectorAll('path'))"
                                 ".some(p => p.getAttribute('stroke') === '#ffff33')"), what="the highlight")
    assert watch.outside == []
    assert watch.errors == []
