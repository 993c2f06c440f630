"""The side-by-side view in headless chromium with no network but loopback: both maps drawn from
the app's own files, panning one pans the other, the change list focuses a record."""

import time

import pytest

from layers.styles import LEGEND_FOLD_BELOW_PX
from tests.browser.conftest import ARTIFACTS, map_frame, watched_page
from tests.browser.test_dashboard_browser import _wait

pytestmark = pytest.mark.browser

SHOTS = ARTIFACTS / "compare.png"
SIDES = (".lxpm-map-root > .folium-map:nth-of-type(1)", ".lxpm-map-root > .folium-map:nth-of-type(2)")
"""The left and the right map's elements (the page's map component mounts both in one root)."""


def _dual_frame(page, timeout_s: float = 60.0):
    """The page's frame once both maps (in the page) have drawn their county polygons."""
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        for frame in page.frames:
            try:
                if frame.evaluate("""() => !!(window.lxpmCompareLeft && window.lxpmCompareRight
                        && window.lxpmCompareLeft.getContainer().querySelectorAll('path').length > 39
                        && window.lxpmCompareRight.getContainer().querySelectorAll('path').length > 39)"""):
                    return frame
            except Exception:  # frames come and go while Streamlit renders
                pass
        time.sleep(0.2)
    raise AssertionError("the two maps did not draw within the time limit")


def _centre(frame, name: str) -> tuple[float, float, int]:
    return tuple(frame.evaluate(f"() => {{ const c = window.{name}.getCenter(); "
                                f"return [c.lat, c.lng, window.{name}.getZoom()]; }}"))


def test_side_by_side_maps_offline_and_linked(server_url, page_and_watch):
    page, watch = page_and_watch
    page.goto(server_url + "/?city=兰州市")
    page.get_by_text("并排对比").first.click()
    frame = _dual_frame(page)
    # each map draws only its document's records: the two sets differ for Lanzhou
    records = "() => [lxpmCompareLeft.getContainer().querySelectorAll('path').length, " \
              "lxpmCompareRight.getContainer().querySelectorAll('path').length]"
    left, right = frame.evaluate(records)
    assert left > 39 and right > 39
    # panning one map pans the other (Leaflet.Sync)
    frame.evaluate("() => window.lxpmCompareLeft.setView([36.06, 103.83], 9, {animate: false})")
    _wait(lambda: abs(_centre(frame, "lxpmCompareRight")[0] - 36.06) < 0.01, what="the right map to follow")
    lat, lon, zoom = _centre(frame, "lxpmCompareRight")
    assert abs(lon - 103.83) < 0.01 and zoom == 9
    frame.evaluate("() => window.lxpmCompareRight.panBy([200, 0], {animate: false})")
    _wait(lambda: abs(_centre(frame, "lxpmCompareLeft")[1] - _centre(frame, "lxpmCompareRight")[1]) < 1e-6
          and _centre(frame, "lxpmCompareLeft")[1] > 103.84, what="the left map to follow")
    # the change list: counts on top and the rows
    page.get_by_text("两份文件之间").first.wait_for()
    assert page.get_by_text("延续（两者皆有）").count() >= 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS), full_page=False)
    assert watch.outside == [], watch.outside
    assert not [e for e in watch.errors if "sync" in e.lower() or "lxpmCompare" in e], watch.errors


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080), (390, 844)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_each_side_by_side_map_has_its_legend_and_layer_control(server_url, browser, size):
    with watched_page(browser, *size) as (page, watch):
        page.goto(server_url + "/?city=Lanzhou&view=side&lang=en")
        frame = _dual_frame(page)
        for div in SIDES:
            _wait(lambda: frame.locator(f"{div} .legend-control").count() == 1, what=f"{div}'s legend")
            assert frame.locator(f"{div} .leaflet-control-layers").count() == 1, div
        legends = frame.evaluate("""(sides) => sides.map(d => {
            const legend = document.querySelector(d + ' .legend-control');
            return {folded: legend.classList.contains('collapsed'), rows: legend.querySelectorAll('.legend-row').length,
                    text: legend.textContent, width: document.querySelector(d).clientWidth};
        })""", list(SIDES))
        for legend in legends:  # the single map's rule: folded on a map narrower than LEGEND_FOLD_BELOW_PX
            assert legend["folded"] == (legend["width"] < LEGEND_FOLD_BELOW_PX) and legend["rows"] > 9, legend
        # each legend lists what its own map draws: the two documents draw different records for Lanzhou
        assert legends[0]["text"] != legends[1]["text"]
        # a layer control switches its own map's layers only
        left = frame.locator(f"{SIDES[0]} .leaflet-control-layers")
        left.hover()
        left.locator("label", has_text="Counties (by prefecture)").locator("input").uncheck()
        counted = "(d) => document.querySelectorAll(d + ' .leaflet-lxpm-counties-pane path').length"
        _wait(lambda: frame.evaluate(counted, SIDES[0]) == 0, what="the left map's counties off")
        assert frame.evaluate(counted, SIDES[1]) >= 39
        frame.locator(f"{SIDES[0]} .legend-control .legend-title").click()  # unfolds
        page.mouse.move(1, 1)
        frame.evaluate("(d) => document.querySelector(d).scrollIntoView({block: 'center'})", SIDES[0])
        page.screenshot(path=str(ARTIFACTS / f"side-by-side-{size[0]}x{size[1]}.png"))
        assert watch.outside == [], watch.outside
        assert not [e for e in watch.errors if "LayerControl" in e or "lxpm" in e], watch.errors


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080), (390, 844)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_view_switch_is_two_short_options_on_one_line(server_url, browser, size, lang):
    with watched_page(browser, *size) as (page, watch):
        page.goto(f"{server_url}/?lang={lang}")
        one = "One map" if lang == "en" else "单幅地图"
        switch = page.locator("[data-testid='stRadio']").filter(has_text=one)
        switch.wait_for(timeout=60_000)
        map_frame(page)  # the page's run has drawn the map: the layout has settled
        options = switch.locator("[role=radiogroup] label")
        texts = options.all_inner_texts()
        boxes = options.evaluate_all("labels => labels.map(l => { const r = l.getBoundingClientRect();"
                                     " return {y: r.y, height: r.height}; })")  # both at one instant
        assert len(boxes) == 2 and texts[1].endswith("2018 ↔ 2022"), texts
        assert boxes[0]["height"] < 32 and boxes[1]["height"] < 32, boxes  # one line each: no wrapping
        assert abs(boxes[0]["y"] - boxes[1]["y"]) < 2, boxes  # side by side, on one row
        if size != (1920, 1080):
            switch.screenshot(path=str(ARTIFACTS / f"view-switch-{lang}-{size[0]}.png"))
