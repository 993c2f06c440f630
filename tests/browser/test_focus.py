"""The map follows the user: a link's focus framed, a legible default at common window sizes, a table
row panned to, a place focused, the legend's labels once, and a phone's view of a shared link."""

import time
from urllib.parse import urlparse

import pytest

from layers import styles
from tests.browser.conftest import ARTIFACTS, Watch, map_frame
from tests.browser.test_dashboard_browser import _wait

pytestmark = pytest.mark.browser

VIEW = """() => { const m = window.lxpmMap, c = m.getCenter(), b = m.getBounds();
  return {lat: c.lat, lon: c.lng, z: m.getZoom(), key: m.lxpmFocusKey,
          bounds: [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]}; }"""


@pytest.fixture
def sized_page(browser):
    """A page of a given window size that records outside requests and console errors."""
    contexts = []

    def make(width: int, height: int, phone: bool = False):
        context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone)
        contexts.append(context)
        page, watch = context.new_page(), Watch()
        context.on("request", lambda r: watch.outside.append(r.url) if not r.url.startswith(("data:", "blob:", "about:"))
                   and urlparse(r.url).hostname not in ("127.0.0.1", "localhost") else None)
        page.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: watch.errors.append(str(e)))
        return page, watch

    yield make
    for context in contexts:
        context.close()


def _framed(frame, key_prefix: str) -> dict:
    """The view once the focus with this key has been framed (the map's own auto view)."""
    _wait(lambda: str(frame.evaluate("() => window.lxpmMap.lxpmFocusKey")).startswith(key_prefix)
          and frame.evaluate("() => window.lxpmMap.lxpmAuto === true"), timeout_s=60,
          what=f"the focus {key_prefix}")
    time.sleep(0.5)
    return frame.evaluate(VIEW)


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_default_view_holds_every_county(server_url, sized_page, counties, size):
    page, watch = sized_page(*size)
    page.goto(server_url)
    frame = map_frame(page)
    view = _framed(frame, "")
    assert view["key"] == ""
    west, south, east, north = counties.total_bounds
    s, w, n, e = view["bounds"]
    assert s <= south and w <= west and n >= north and e >= east, (view, counties.total_bounds)
    assert "lat=" not in page.evaluate("location.search")  # a view the map framed itself stays out of the link
    # The map fills the window's height below a compact header, and none of it lies below the
    # window's edge (a click there would scroll the page under the mouse).
    top, bottom = page.evaluate("() => { const r = document.querySelector("
                                "'.lxpm-map-root').getBoundingClientRect();"
                                " return [r.top, r.bottom]; }")
    assert top <= 0.25 * size[1] and size[1] - 60 <= bottom <= size[1], (top, bottom, size)
    page.screenshot(path=str(ARTIFACTS / f"focus-default-{size[0]}.png"))
    assert watch.outside == [] and watch.errors == []


def test_a_city_link_frames_the_city_and_masks_the_rest(server_url, sized_page, counties):
    page, watch = sized_page(1366, 768)
    page.goto(server_url)
    overview = _framed(map_frame(page), "")["z"]
    page.goto(server_url + "/?city=兰州市")
    frame = map_frame(page)
    view = _framed(frame, "area:")
    west, south, east, north = counties[counties["prefecture"] == "兰州市"].total_bounds
    assert south < view["lat"] < north and west < view["lon"] < east, view
    assert view["z"] > overview
    assert frame.evaluate("() => document.querySelectorAll('.leaflet-lxpm-mask-pane path').length") == 1
    assert frame.evaluate("() => document.querySelectorAll('.leaflet-lxpm-selected-pane path').length") >= 1

    # A filter that keeps the focus does not move the map, and the user's own view stays theirs.
    frame.evaluate("() => window.lxpmMap.setView([36.2, 103.3], 10)")
    page.locator("[data-testid='stMultiSelect']").nth(1).click()
    page.keyboard.type("交通")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    _wait(lambda: "cat=transport" in page.evaluate("decodeURIComponent(location.search)"), what="the filter")
    time.sleep(1.5)
    kept = frame.evaluate(VIEW)
    assert abs(kept["lat"] - 36.2) < 1e-6 and abs(kept["lon"] - 103.3) < 1e-6 and kept["z"] == 10
    assert watch.outside == [] and watch.errors == []


def test_a_table_row_pans_to_its_record_and_opens_its_popup(server_url, sized_page, catalogue):
    page, watch = sized_page(1500, 1100)
    page.goto(server_url + "/?q=中川")
    frame = map_frame(page)
    overview = _framed(frame, "")
    grid = page.locator("[data-testid='stDataFrame']")
    grid.wait_for(timeout=60_000)
    grid.scroll_into_view_if_needed()  # below the map, which fills the window
    box = grid.bounding_box()
    row_px = 35  # the grid's header and rows are 35 px high; the row marker is the first column
    page.mouse.click(box["x"] + 18, box["y"] + row_px + row_px / 2)
    page.get_by_text("已在地图上高亮").wait_for(timeout=60_000)
    frame = map_frame(page)  # the same map (kept through reruns), looked up again in case its frame moved
    view = _framed(frame, "sel:")
    record_id = view["key"].removeprefix("sel:")
    west, south, east, north = catalogue[catalogue["id"] == record_id].total_bounds
    s, w, n, e = view["bounds"]
    assert s <= south and w <= west and n >= north and e >= east  # the record is in view
    assert view["z"] > overview["z"]
    _wait(lambda: frame.locator(".leaflet-popup").count() == 1, what="the record's popup")
    assert "sel=" + record_id in page.evaluate("decodeURIComponent(location.search)")
    assert watch.outside == [] and watch.errors == []


def test_a_place_link_focuses_the_place(server_url, sized_page, places):
    place = places[places["id"] == "airport-lanzhou-zhongchuan-international-airport"].iloc[0]
    page, watch = sized_page(1366, 768)
    page.goto(f"{server_url}/?place={place['id']}")
    frame = map_frame(page)
    view = _framed(frame, "place:")
    assert abs(view["lat"] - place.geometry.y) < 1e-3 and abs(view["lon"] - place.geometry.x) < 1e-3
    assert view["z"] == styles.FOCUS_POINT_ZOOM
    assert place["name_zh"] in frame.locator(".lxpm-focus-label").inner_text()
    assert watch.outside == [] and watch.errors == []


def test_the_legend_holds_no_repeated_label(server_url, sized_page):
    page, watch = sized_page(1920, 1080)
    page.goto(server_url + "/?layers=counties,belt_circles,nodes,platforms,eco_frame,eco_zones,eco_projects,"
              "rail,roads,air_hubs,cat_energy,cat_water,cat_industry")
    frame = map_frame(page)
    _wait(lambda: frame.locator(".legend-control .legend-row").count() > 20, what="the legend")
    labels = [t.strip() for t in frame.locator(".legend-control .legend-row").all_inner_texts()]
    assert len(labels) == len(set(labels)), labels
    assert frame.locator(".legend-control.collapsed").count() == 0  # open on a wide map
    assert watch.outside == [] and watch.errors == []


def test_a_shared_link_on_a_phone(server_url, sized_page, counties):
    page, watch = sized_page(390, 844, phone=True)
    page.goto(server_url + "/?city=兰州市")
    frame = map_frame(page)
    view = _framed(frame, "area:")
    west, south, east, north = counties[counties["prefecture"] == "兰州市"].total_bounds
    assert south < view["lat"] < north and west < view["lon"] < east
    s, w, n, e = view["bounds"]
    assert s <= south + 0.02 and w <= west + 0.02 and n >= north - 0.02 and e >= east - 0.02  # the whole city
    assert frame.locator(".legend-control.collapsed").count() == 1
    frame.locator(".legend-control .legend-title").click()
    assert frame.locator(".legend-control.collapsed").count() == 0
    page.screenshot(path=str(ARTIFACTS / "focus-phone.png"))
    # The page scrolls past the map (the map leaves room beside it to swipe the page).
    scrolled = page.evaluate("""() => {
        const map = document.querySelector('.lxpm-map-root');
        let box = map.parentElement;
        while (box && !(box.scrollHeight > box.clientHeight + 10 && getComputedStyle(box).overflowY !== 'visible')) {
            box = box.parentElement;
        }
        if (!box) { return null; }
        box.scrollTop = box.scrollHeight;
        return [map.getBoundingClientRect().bottom, map.getBoundingClientRect().height, innerHeight];
    }""")
    assert scrolled is not None and scrolled[1] < 0.8 * scrolled[2] and scrolled[0] < scrolled[2] / 2, scrolled
    assert watch.outside == [] and watch.errors == []
