"""The dashboard as a person uses it, in headless chromium with no network but loopback."""

import time

import pytest

from layers.styles import PREFECTURE_COLOURS
from tests.browser.conftest import ARTIFACTS, map_frame

pytestmark = pytest.mark.browser

COUNT_COUNTIES = """() => Array.from(document.querySelectorAll('path'))
  .filter(p => {colours}.includes((p.getAttribute('fill') || '').toLowerCase())).length"""


def _county_count(frame) -> int:
    colours = "[" + ",".join(f"'{c.lower()}'" for c in PREFECTURE_COLOURS.values()) + "]"
    return frame.evaluate(COUNT_COUNTIES.replace("{colours}", colours))


def _table_rows(page) -> int:
    text = page.locator("[data-testid='stMarkdownContainer']").all_inner_texts()
    for t in text:
        if "显示" in t and "共" in t:
            return int(t.split("显示")[1].split("共")[0].strip())
    raise AssertionError("no count line on the page")


def _wait(predicate, timeout_s=30.0, what="condition"):
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def test_dashboard_offline_filter_keeps_view(server_url, page_and_watch):
    page, watch = page_and_watch
    page.goto(server_url)
    frame = map_frame(page)
    _wait(lambda: _county_count(frame) == 39, what="39 counties")
    assert _county_count(frame) == 39
    before_rows = _table_rows(page)
    before_paths = frame.evaluate("() => document.querySelectorAll('path').length")

    # The user pans and zooms; the map must keep that view through a filter change.
    frame.evaluate("() => { window.map.setView([36.6, 101.8], 9); window.__mounted = 'first'; }")
    page.get_by_text("市州").first.wait_for()
    page.locator("[data-testid='stMultiSelect']").first.click()
    page.keyboard.type("西宁市")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    _wait(lambda: _table_rows(page) < before_rows, what="the table to shrink")
    _wait(lambda: frame.evaluate("() => document.querySelectorAll('path').length") != before_paths,
          what="the map to redraw")
    view = frame.evaluate("() => [window.map.getCenter().lat, window.map.getCenter().lng, window.map.getZoom()]")
    assert abs(view[0] - 36.6) < 1e-6 and abs(view[1] - 101.8) < 1e-6 and view[2] == 9
    assert frame.evaluate("() => window.__mounted") == "first", "the map was rebuilt"
    assert _county_count(frame) == 39
    assert "city=" in page.url
    page.screenshot(path=str(ARTIFACTS / "dashboard-xining.png"), full_page=True)
    assert watch.outside == []
    assert watch.errors == []
