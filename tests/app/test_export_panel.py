"""The export panel: 'what I see' reads the map view with the click; in the browser, a panned export
differs from the plan-area export of the same filter and shows the panned area; the filter's slides."""

from __future__ import annotations

from io import BytesIO

import numpy as np
import pytest
from PIL import Image

from app.export_panel import clicked_view
from app.plain_text import read_as_text
from tests.browser.conftest import ARTIFACTS, browser, map_frame, page_and_watch, server_url  # noqa: F401
from tests.browser.test_dashboard_browser import _wait
from tests.dashboard_page import dashboard_app

PAN = (36.25, 103.55, 9)


def test_a_click_carries_a_usable_view():
    assert clicked_view({"lat": 36.25, "lon": 103.55, "z": 9}) == ((36.25, 103.55), 9.0, "")
    assert clicked_view({"lat": "36.25", "lon": 103.55, "z": 9})[0] is None
    assert clicked_view({"lat": None, "lon": None, "z": None})[2] == "latitude None out of range 25.0–46.0"
    assert "zoom 30 out of range" in clicked_view({"lat": 36.0, "lon": 103.0, "z": 30})[2]


WAIT_S = 120.0  # a figure or the slides take a while on a loaded machine


def _buttons(page):
    """The export buttons' frame (a component: it reads the map view when clicked)."""
    frame = None

    def found():
        nonlocal frame
        # Through the iframe element: Playwright's list of frames may not hold a frame attached late.
        element = page.query_selector("iframe[title$='lxpm_view_export']")
        frame = element.content_frame() if element else None
        return frame is not None and frame.locator("button[data-action=png]").count() == 1
    _wait(found, WAIT_S, "the export buttons")
    return frame


def _choose(page, label: str, option: str) -> None:
    box = page.locator("[data-testid='stSelectbox']").filter(has_text=label)
    box.scroll_into_view_if_needed()
    for _ in range(3):  # a rerun may redraw the box while it opens
        box.locator("button[aria-label='Open']").click()
        choice = page.locator("[role=option]").filter(has_text=option)
        try:
            choice.first.click(timeout=5000)
            break
        except Exception:
            page.keyboard.press("Escape")
    _wait(lambda: box.locator("input").input_value() == option, timeout_s=30, what=f"{label}: {option}")


def _download(page, label: str) -> bytes:
    button = page.get_by_role("button", name=label)
    _wait(lambda: button.count() == 1, WAIT_S, label)
    with page.expect_download() as download:
        button.click()
    with open(download.value.path(), "rb") as f:
        return f.read()


def _pixels(png: bytes, size=(640, 360)) -> np.ndarray:
    return np.asarray(Image.open(BytesIO(png)).convert("L").resize(size), dtype=float)


@pytest.mark.browser
def test_export_what_i_see_is_the_panned_view(server_url, page_and_watch):  # noqa: F811
    from concurrent.futures import ThreadPoolExecutor
    from dataclasses import replace

    from playwright.sync_api import Error as PlaywrightError

    from figures.cli import load_figure_data
    from figures.render import render_figure
    from figures.spec import FigureSpec
    from geo.filters import Filters, filter_catalogue
    from geo.registry import DEFAULT_LAYERS

    page, watch = page_and_watch
    page.goto(f"{server_url}/?city=兰州市")
    frame = map_frame(page)
    # A filter chosen in the page: from now on Streamlit's own copy of the address (what a rerun sends
    # as st.query_params) lacks the view the map writes into it, so the buttons must read the view.
    page.locator("[data-testid='stMultiSelect']").nth(1).click()
    page.keyboard.type("交通")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    _wait(lambda: "cat=transport" in page.evaluate("location.search"), WAIT_S, "the category in the URL")
    lat, lon, zoom = PAN
    in_url = "() => { const p = new URLSearchParams(location.search); return [p.get('lat'), p.get('lon'), p.get('z')]; }"

    def panned() -> bool:  # pan again if the map's start-up restore of the URL's view came after the pan
        nonlocal frame
        frame = map_frame(page)  # the frame found before the filter change may have been replaced
        try:
            frame.evaluate(f"() => {{ const c = lxpmMap.getCenter(); if (Math.abs(c.lat - {lat}) > 1e-6 || "
                           f"lxpmMap.getZoom() !== {zoom}) lxpmMap.setView([{lat}, {lon}], {zoom}); }}")
        except PlaywrightError:  # replaced while we asked
            return False
        return page.evaluate(in_url) == ["36.2500", "103.5500", "9"]
    try:
        _wait(panned, timeout_s=30, what="the view in the URL")
    except AssertionError as exc:
        raise AssertionError(f"{exc}: {page.evaluate('location.search')}, map at "
                             f"{frame.evaluate('() => [lxpmMap.getCenter(), lxpmMap.getZoom()]')}") from None
    _choose(page, "尺寸", "1280x720")

    _buttons(page).click("button[data-action=png]")
    seen = _download(page, "下载 PNG · lanxi-seen.png")
    made = page.get_by_text("已导出：").inner_text()
    assert "兰州市 · 交通 — 地图中心 36.25°N 103.55°E，缩放级别 9" in made, made

    _choose(page, "视图", "当前筛选与图层")
    _buttons(page).click("button[data-action=png]")
    whole = _download(page, "下载 PNG · lanxi-current.png")
    assert "地图中心" not in page.get_by_text("已导出：").inner_text()
    assert Image.open(BytesIO(seen)).size == Image.open(BytesIO(whole)).size == (2560, 1440)

    # What the panned PNG shows: the same filter drawn here over the pan, not over the plan area.
    data = load_figure_data()
    filters = Filters(cities=("兰州市",), categories=("transport",))
    spec = FigureSpec("current", "zh", width=1280, height=720, layers=DEFAULT_LAYERS, filters=filters,
                      record_ids=tuple(filter_catalogue(data["catalogue"], filters)["id"]))
    with ThreadPoolExecutor(max_workers=1) as pool:  # this thread's Playwright drives the page
        here_panned = pool.submit(render_figure, replace(spec, center=(lat, lon), zoom=zoom), data).result()
    off_pan = np.abs(_pixels(seen) - _pixels(here_panned)).mean()
    off_whole = np.abs(_pixels(seen) - _pixels(whole)).mean()
    assert off_pan < 2.0 < off_whole, (off_pan, off_whole)
    (ARTIFACTS / "export-view-seen.png").write_bytes(seen)

    _buttons(page).click("button[data-action=deck]")
    deck = _download(page, "下载 PPTX · lanxi-兰州市.pptx")
    from pptx import Presentation

    slides = Presentation(BytesIO(deck)).slides
    assert len(slides) == 2  # the overview and 兰州市
    for slide in slides:
        title = next(s for s in slide.shapes if s.has_text_frame and s.text_frame.text).text_frame.paragraphs[0].text
        assert title == "兰州市 · 交通"
        assert "资料来源" in slide.notes_slide.notes_text_frame.text
    assert watch.outside == []
    assert watch.errors == []


@pytest.mark.browser
@pytest.mark.parametrize("view, made", [
    ({"lat": 36.25, "lon": 103.55, "z": 9}, "已导出：兰州市 · 交通 — 地图中心 36.25°N 103.55°E，缩放级别 9"),
    ({"lat": 80.0, "lon": 103.55, "z": 9}, "已导出：兰州市 · 交通"),  # unusable: the plan area, with a warning
])
def test_the_click_s_view_and_the_url_s_filter_make_the_picture(view, made):
    from streamlit.testing.v1 import AppTest

    from geo.files import ROOT

    at = dashboard_app(120)
    at.query_params.update({"city": "兰州市", "cat": "transport"})
    at.run()
    at.selectbox(key="w_export_size").set_value("1280x720")
    at.session_state["w_export_buttons"] = {"action": "png", "click": "1", **view}
    at.run()
    assert not at.exception and not at.error
    assert at.session_state["export_png"][0] == "lanxi-seen.png"
    assert [read_as_text(c.value) for c in at.caption if c.value.startswith("已导出")] == [made]
    assert [w.value.startswith("读到的地图视图无效") for w in at.warning] == ([True] if view["lat"] == 80.0 else [])


@pytest.mark.browser
@pytest.mark.parametrize("query", [{"view": "side"}, {"compare": "1"}])
def test_the_slides_of_a_comparison_add_each_city_s_change_slide(query):
    from pptx import Presentation

    at = dashboard_app(240)
    at.query_params.update({"city": "Xining", "cat": "transport", **query})
    at.run()
    assert any("2018 → 2022" in c.value for c in at.caption)
    at.selectbox(key="w_export_size").set_value("1280x720")
    at.session_state["w_export_buttons"] = {"action": "deck", "click": "1", "lat": None, "lon": None, "z": None}
    at.run()
    assert not at.exception and not at.error
    name, deck = at.session_state["export_pptx"]
    titles = [next(s for s in slide.shapes if s.has_text_frame and s.text_frame.text).text_frame.paragraphs[0].text
              for slide in Presentation(BytesIO(deck)).slides]
    assert name == "lanxi-西宁市.pptx"
    assert titles == ["西宁市 · 交通", "西宁市 · 交通", "西宁市 · 2018 规划 → 2022 实施方案"], titles
