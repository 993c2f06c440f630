"""The side-by-side view in headless chromium with no network but loopback: both maps drawn from
the app's own files, panning one pans the other, the change list focuses a record."""

import time

import pytest

from tests.browser.conftest import ARTIFACTS
from tests.browser.test_dashboard_browser import _wait

pytestmark = pytest.mark.browser

SHOTS = ARTIFACTS / "compare.png"


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
