"""Briefing figures rendered in headless Chromium: PNG size, layout, fonts (browser)."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from figures.figure import figure_html
from figures.spec import FigureSpec
from figures.texts import figure_texts
from tests.figures.specs import PRESET_SPECS, SMALL


@pytest.fixture(scope="module")
def browser():
    from figures.render import FigureBrowser

    with FigureBrowser() as b:
        yield b
        assert b.blocked == [], f"figures must not reach the network: {b.blocked}"


def _distinct_colours(png: bytes) -> int:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return len(image.getcolors(maxcolors=1 << 24))


@pytest.mark.browser
@pytest.mark.parametrize("spec", [*PRESET_SPECS, FigureSpec("fig1", "en", **SMALL),
                                  FigureSpec("current", layers=("counties", "rail", "nodes"), **SMALL)],
                         ids=lambda s: f"{s.view}-{s.lang}")
def test_each_view_exports_a_png_of_the_requested_size(spec, data, browser):
    from figures.render import render_figure

    png = render_figure(spec, data, browser)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size == (800, 450)
    assert _distinct_colours(png) > 500, "the figure looks blank"


@pytest.mark.browser
@pytest.mark.parametrize("spec", PRESET_SPECS, ids=lambda s: s.view)
def test_page_is_laid_out_before_the_shot(spec, data, browser):
    texts = figure_texts(spec, data)
    with browser.page(figure_html(spec, data), spec.width, spec.height, spec.scale) as page:
        assert page.evaluate("window.figureReady") is True
        assert page.inner_text(".figure-title") == texts.title
        assert page.inner_text(".legend-title") == "图例"
        assert page.locator(".legend-row").count() >= 5
        assert "资料来源" in page.inner_text(".figure-sources")
        layout = page.evaluate("""() => {
          const r = s => document.querySelector(s).getBoundingClientRect();
          const panel = r('.figure-panel'), legend = r('.map-legend'), map = r('.folium-map');
          const labels = [...document.querySelectorAll('[data-priority]')]
            .filter(e => getComputedStyle(e).visibility !== 'hidden').map(e => e.getBoundingClientRect());
          let overlaps = 0;
          labels.forEach((a, i) => labels.slice(i + 1).forEach(b => {
            if (a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top) overlaps++; }));
          return {legendFits: legend.bottom <= panel.bottom && legend.right <= panel.right + 1,
                  mapArea: map.width * map.height, overlaps, labels: labels.length,
                  scale: !!document.querySelector('.leaflet-control-scale-line'),
                  north: !!document.querySelector('.north-arrow')};
        }""")
    assert layout["legendFits"], "the legend overflows its panel"
    assert layout["mapArea"] > 0.5 * spec.width * spec.height
    assert layout["overlaps"] == 0 and layout["labels"] > 0
    assert layout["scale"] and layout["north"]


@pytest.mark.browser
def test_chinese_text_is_drawn_with_a_cjk_font(data, browser):
    spec = PRESET_SPECS[0]
    with browser.page(figure_html(spec, data), spec.width, spec.height, spec.scale) as page:
        cdp = page.context.new_cdp_session(page)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        for selector in (".figure-title", ".legend-row", ".county-label", ".figure-sources"):
            node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
            fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
            families = {f["familyName"] for f in fonts}
            assert families & {"WenQuanYi Micro Hei", "Noto Sans CJK SC"}, (selector, families)


@pytest.mark.browser
def test_default_size_is_a_3840x2160_png(data):
    from figures.render import render_figure

    spec = FigureSpec("fig1")
    assert (spec.width, spec.height, spec.scale) == (1920, 1080, 2.0)
    png = render_figure(spec, data)  # its own browser, as the dashboard's button will
    assert Image.open(io.BytesIO(png)).size == (3840, 2160)
    assert _distinct_colours(png) > 1000
