"""The dashboard as a person uses it, in headless chromium with no network but loopback."""

import re
import time
from urllib.parse import unquote

import pytest

from geo.catalogue import load_catalogue
from layers.styles import PREFECTURE_COLOURS
from tests.browser.conftest import ARTIFACTS, map_frame, wait_until

pytestmark = pytest.mark.browser

COUNT_COUNTIES = """() => Array.from(document.querySelectorAll('path'))
  .filter(p => {colours}.includes((p.getAttribute('fill') || '').toLowerCase())).length"""


def _county_count(frame) -> int:
    colours = "[" + ",".join(f"'{c.lower()}'" for c in PREFECTURE_COLOURS.values()) + "]"
    return frame.evaluate(COUNT_COUNTIES.replace("{colours}", colours))


def _table_rows(page, timeout_s: float = 30) -> int:
    """The count line's number of records shown (it follows the map once the map has painted)."""
    deadline = time.time() + timeout_s
    while True:
        for t in page.locator("[data-testid='stMarkdownContainer']").all_inner_texts():
            if "显示" in t and "共" in t:
                return int(t.split("显示")[1].split("共")[0].strip())
        if time.time() > deadline:
            raise AssertionError("no count line on the page")
        time.sleep(0.2)


def _url(page) -> str:
    """The page's address as the user would copy it (Streamlit updates it with history.pushState)."""
    return unquote(page.evaluate("location.href"))


_wait = wait_until


def test_dashboard_offline_filter_keeps_view(server_url, page_and_watch):
    page, watch = page_and_watch
    page.goto(server_url)
    frame = map_frame(page)
    _wait(lambda: _county_count(frame) == 39, what="39 counties")
    assert _county_count(frame) == 39
    before_rows = _table_rows(page)
    before_paths = frame.evaluate("() => document.querySelectorAll('path').length")

    # The user pans and zooms; the map must keep that view through a filter change that keeps the
    # focus (a city would be a new focus: tests/browser/test_focus.py).
    frame.evaluate("() => { window.lxpmMap.setView([36.6, 101.8], 9); window.__mounted = 'first'; }")
    page.get_by_text("类别").first.wait_for()
    page.locator("[data-testid='stMultiSelect']").nth(1).click()
    page.keyboard.type("交通")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    _wait(lambda: _table_rows(page) < before_rows, what="the table to shrink")
    _wait(lambda: frame.evaluate("() => document.querySelectorAll('path').length") != before_paths,
          what="the map to redraw")
    view = frame.evaluate("() => [window.lxpmMap.getCenter().lat, window.lxpmMap.getCenter().lng, window.lxpmMap.getZoom()]")
    assert abs(view[0] - 36.6) < 1e-6 and abs(view[1] - 101.8) < 1e-6 and view[2] == 9
    assert frame.evaluate("() => window.__mounted") == "first", "the map was rebuilt"
    assert _county_count(frame) == 39
    assert "cat=transport" in _url(page)
    _wait(lambda: "lat=36.6000&lon=101.8000&z=9" in _url(page), what="the view in the URL")
    page.screenshot(path=str(ARTIFACTS / "dashboard-xining.png"), full_page=True)
    assert watch.outside == []
    assert watch.errors == []


def _settle(frame, quiet_s: float = 0.6) -> None:
    """Wait until the map's view has stopped changing."""
    view = "() => [window.lxpmMap.getCenter().lat, window.lxpmMap.getCenter().lng, window.lxpmMap.getZoom()].join()"
    last, since = None, time.time()
    deadline = time.time() + 30
    while time.time() < deadline:
        now = frame.evaluate(view)
        if now != last:
            last, since = now, time.time()
        elif time.time() - since >= quiet_s:
            return
        time.sleep(0.1)
    raise AssertionError("the map's view kept changing")


def _click_a_county(server_url, page_and_watch, counties, size):
    page, watch = page_and_watch
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(server_url + "/?layers=counties")  # only the counties: nothing above them to catch the click
    frame = map_frame(page)
    _wait(lambda: _county_count(frame) == 39, what="39 counties")
    page.locator("[data-testid='stDataFrame']").wait_for(timeout=60_000)  # the page's run has ended
    _settle(frame)  # the first view fits the plan area to the frame once it has its size
    guinan = counties[counties["name_zh"] == "贵南县"].geometry.iloc[0].representative_point()
    x, y = frame.evaluate(f"() => {{ const p = window.lxpmMap.latLngToContainerPoint([{guinan.y}, {guinan.x}]);"
                          " return [p.x, p.y]; }")
    under = frame.evaluate(f"() => document.elementFromPoint({x}, {y}).outerHTML.slice(0, 160)")
    box = page.locator(".lxpm-map-root").bounding_box()
    assert box["y"] + y < size[1], "the county is below the window's edge"
    page.mouse.click(box["x"] + x, box["y"] + y)  # a person's click: the mouse at a point of the window
    _wait(lambda: "county=632525" in _url(page), what=f"the county to become the filter (clicked {under})")
    _wait(lambda: "海南藏族自治州" in page.locator("[data-testid='stMultiSelect']").first.inner_text(),
          what="the city filter to show the county's prefecture")
    assert watch.outside == [] and watch.errors == []


# (1280, 500): the map's minimum height reaches below the window's edge; a click must not scroll
# the page under the mouse (Leaflet focuses the map on mousedown) and so miss the county.
@pytest.mark.parametrize("size", [(1280, 720), (1500, 1100), (1280, 500)])
def test_clicking_a_county_makes_it_the_filter(server_url, page_and_watch, counties, size):
    _click_a_county(server_url, page_and_watch, counties, size)


def test_a_chosen_record_is_highlighted(server_url, page_and_watch, catalogue):
    page, watch = page_and_watch
    record = catalogue[catalogue["id"] == "tr-lanzhou-zhongchuan-airport"]
    drawn = catalogue[catalogue["located"]]  # an unlocated record has nothing to highlight
    record_id = record["id"].iloc[0] if not record.empty else drawn["id"].iloc[0]
    page.goto(f"{server_url}/?sel={record_id}")
    frame = map_frame(page)
    _wait(lambda: frame.evaluate("() => Array.from(document.querySelectorAll('path'))"
                                 ".some(p => p.getAttribute('stroke') === '#ffff33')"),
          what="the highlight")
    assert watch.outside == [] and watch.errors == []


def test_a_copied_link_reproduces_filters_and_view(server_url, page_and_watch):
    page, watch = page_and_watch
    page.goto(f"{server_url}/?city=定西市&lang=en&lat=35.3&lon=104.2&z=9")
    frame = map_frame(page)
    _wait(lambda: frame.evaluate("() => window.lxpmMap.getZoom()") == 9, what="the linked zoom")
    center = frame.evaluate("() => [window.lxpmMap.getCenter().lat, window.lxpmMap.getCenter().lng]")
    assert abs(center[0] - 35.3) < 0.01 and abs(center[1] - 104.2) < 0.01
    assert "Dingxi" in page.locator("[data-testid='stMultiSelect']").first.inner_text()
    assert page.get_by_text("Lanzhou–Xining Urban Agglomeration Plan Map").count() == 1
    assert watch.outside == [] and watch.errors == []


def test_layers_stack_in_their_panes_whatever_order_their_data_arrives(server_url, page_and_watch):
    page, watch = page_and_watch
    page.goto(server_url)
    frame = map_frame(page)
    _wait(lambda: _county_count(frame) == 39, what="39 counties")
    _wait(lambda: frame.evaluate("() => document.querySelectorAll('.leaflet-lxpm-records-pane path').length") > 50,
          what="the plan's records")
    panes = frame.evaluate("""() => ['context', 'water', 'counties', 'units', 'records'].map(k => {
        const pane = document.querySelector('.leaflet-lxpm-' + k + '-pane');
        return [k, Number(pane.style.zIndex), pane.querySelectorAll('path').length];
    })""")
    assert [p[0] for p in sorted(panes, key=lambda p: p[1])] == ["context", "water", "counties", "units", "records"]
    assert all(count > 0 for _, _, count in panes), panes
    assert frame.evaluate("() => document.querySelectorAll('.leaflet-overlay-pane path').length") == 0
    assert watch.outside == [] and watch.errors == []


def test_choosing_a_table_row_highlights_its_record(server_url, page_and_watch):
    page, watch = page_and_watch
    page.goto(server_url + "/?q=中川")
    frame = map_frame(page)
    grid = page.locator("[data-testid='stDataFrame']")
    grid.wait_for(timeout=30_000)
    grid.scroll_into_view_if_needed()  # below the map, which fills the window
    box = grid.bounding_box()
    row_px = 35  # Streamlit's data grid: header and rows are 35 px high; the row marker is the first column
    page.mouse.click(box["x"] + 18, box["y"] + row_px + row_px / 2)
    page.get_by_text("已在地图上高亮").wait_for(timeout=30_000)
    _wait(lambda: frame.evaluate("() => Array.from(document.querySelectorAll('.leaflet-lxpm-highlight-pane path'))"
                                 ".some(p => p.getAttribute('stroke') === '#ffff33')"),
          what="the highlight")
    assert "sel=" in _url(page)
    assert watch.outside == [] and watch.errors == []


def test_the_csv_download_holds_the_filtered_projects(server_url, page_and_watch):
    import csv
    import io

    page, watch = page_and_watch
    page.goto(server_url + "/?city=白银市")
    map_frame(page)
    shown = _table_rows(page)
    assert 0 < shown < len(load_catalogue())
    page.locator("[data-testid='stDataFrame']").wait_for(timeout=30_000)  # the layout has settled
    with page.expect_download(timeout=30_000) as download:
        page.get_by_role("button", name="CSV · 下载筛选结果").click()
    data = open(download.value.path(), "rb").read()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == shown
    assert all("白银市" in "".join(r.values()) for r in rows)
    assert watch.outside == [] and watch.errors == []


def test_the_map_tools_work_offline(server_url, page_and_watch):
    """Fullscreen, measure and the coordinates under the cursor, from the app's own files."""
    page, watch = page_and_watch
    page.goto(server_url)
    frame = map_frame(page)
    for selector in (".leaflet-control-zoom-fullscreen", ".leaflet-control-measure", ".lxpm-coordinates"):
        frame.locator(selector).wait_for(timeout=10_000)
    assert frame.locator(".leaflet-control-zoom-fullscreen").get_attribute("title") == "全屏"

    # The coordinates follow the cursor: those of the point under it (within a pixel or two).
    for x, y in ((300, 250), (700, 450)):
        frame.locator(".lxpm-map-root > .folium-map").hover(position={"x": x, "y": y})
        want = frame.evaluate(f"() => {{ const p = window.lxpmMap.containerPointToLatLng([{x}, {y}]); return [p.lng, p.lat]; }}")
        text = frame.locator(".lxpm-coordinates").inner_text()
        shown = [float(v) for v in re.findall(r"(?:经度|纬度) (-?\d+\.\d{4})°", text)]
        pixel = 360 / 256 / 2 ** frame.evaluate("() => window.lxpmMap.getZoom()")  # degrees of longitude
        assert len(shown) == 2 and all(abs(s - w) < 3 * pixel for s, w in zip(shown, want)), (text, want)

    # Measure a line across the map: the result is in 公里, and the map did not move.
    view = frame.evaluate("() => [window.lxpmMap.getCenter().lat, window.lxpmMap.getCenter().lng]")
    frame.locator(".leaflet-control-measure").hover()
    frame.locator(".leaflet-control-measure .js-start").click()
    for x, y in ((250, 300), (550, 300), (550, 500)):
        frame.locator(".lxpm-map-root > .folium-map").click(position={"x": x, "y": y})
    results = frame.locator(".leaflet-control-measure .js-results")
    _wait(lambda: "公里" in results.inner_text() and "平方公里" in results.inner_text(), what="the measure")
    assert frame.evaluate("() => [window.lxpmMap.getCenter().lat, window.lxpmMap.getCenter().lng]") == view
    page.screenshot(path=str(ARTIFACTS / "dashboard-tools.png"))
    frame.locator(".leaflet-control-measure .js-cancel").click()

    # The browser's own fullscreen (Streamlit's component frame allows it), of the map alone.
    frame.locator(".leaflet-control-zoom-fullscreen").click()
    _wait(lambda: frame.evaluate("() => document.fullscreenElement === window.lxpmMap.getContainer()"),
          what="fullscreen")
    assert frame.locator(".leaflet-control-zoom-fullscreen").get_attribute("title") == "退出全屏"
    frame.locator(".leaflet-control-zoom-fullscreen").click()
    _wait(lambda: frame.evaluate("() => document.fullscreenElement === null && !window.lxpmMap._isFullscreen"),
          what="leaving fullscreen")
    assert watch.outside == []
    assert watch.errors == []
