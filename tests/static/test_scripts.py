"""Our own browser code (static/js, static/css) as code: it parses in Chromium, defines every function
the Python side calls, and works on a standalone page; and no layer keeps code in a Python string."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from layers.offline_assets import OWN_CSS, OWN_JS, STATIC_DIR, VENDOR_DIR
from tests.browser.conftest import browser  # noqa: F401  (the fixture: one chromium for this module)

ROOT = Path(__file__).resolve().parents[2]
JS_FILES = sorted((STATIC_DIR / "js").glob("*.js"))
CSS_FILES = sorted((STATIC_DIR / "css").glob("*.css"))
LEAFLET = VENDOR_DIR / "leaflet" / "dist" / "leaflet.js"
# The figure modules are moving to a package of their own (issue 10); their scripts go with them.
LAYER_MODULES = [p for p in sorted((ROOT / "layers").glob("*.py")) if not p.name.startswith("figure")]


def _called_functions() -> set[str]:
    """Every lxpm* function a layer module calls through ScriptCall."""
    return {name for p in LAYER_MODULES
            for name in re.findall(r"""["'](lxpm[A-Z]\w*)["']""", p.read_text(encoding="utf-8"))}


def _blank_page_with_leaflet(browser):  # noqa: F811
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.set_content("<!DOCTYPE html><html><head><meta charset='utf-8'></head><body></body></html>")
    page.add_script_tag(path=str(LEAFLET))
    return page, errors


def test_our_files_are_the_ones_the_pages_load():
    assert JS_FILES and CSS_FILES
    assert {p.relative_to(STATIC_DIR).as_posix() for p in JS_FILES} == set(OWN_JS.values())
    assert {p.relative_to(STATIC_DIR).as_posix() for p in CSS_FILES} == set(OWN_CSS.values())


def test_no_layer_module_holds_browser_code_in_a_string():
    for path in LAYER_MODULES:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"function\s*\(", text), f"{path.name}: JavaScript belongs in static/js"
        assert not re.search(r"<style>(?!\{\{)[^<]*\{", text), f"{path.name}: CSS belongs in static/css"
        assert "L.control(" not in text and "L.DomUtil" not in text, path.name


@pytest.mark.browser
@pytest.mark.parametrize("path", JS_FILES, ids=lambda p: p.name)
def test_each_script_parses_and_runs_in_chromium(browser, path):  # noqa: F811
    page, errors = _blank_page_with_leaflet(browser)
    text = path.read_text(encoding="utf-8")
    syntax = page.evaluate("text => { try { new Function(text); return null; } catch (e) { return String(e); } }",
                           text)
    assert syntax is None, f"{path.name}: {syntax}"
    page.add_script_tag(content=text)
    assert errors == []
    page.close()


@pytest.mark.browser
def test_every_function_the_layers_call_is_defined(browser):  # noqa: F811
    called = _called_functions()
    assert {"lxpmGeoJsonLayer", "lxpmNorthArrow", "lxpmCoordinates"} <= called  # the scan finds them
    page, errors = _blank_page_with_leaflet(browser)
    for path in JS_FILES:
        page.add_script_tag(content=path.read_text(encoding="utf-8"))
    missing = page.evaluate("names => names.filter(n => typeof window[n] !== 'function')", sorted(called))
    assert missing == [] and errors == []
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("path", CSS_FILES, ids=lambda p: p.name)
def test_each_stylesheet_parses_every_rule(browser, path):  # noqa: F811
    page, errors = _blank_page_with_leaflet(browser)
    text = path.read_text(encoding="utf-8")
    page.add_style_tag(content=text)
    rules = page.evaluate("() => document.styleSheets[document.styleSheets.length - 1].cssRules.length")
    # Flat stylesheets (no @media blocks): one rule per closing brace; a rule the parser drops is missing.
    written = re.sub(r"/\*.*?\*/", "", text, flags=re.S).count("}")
    assert rules > 0 and rules == written, f"{path.name}: {rules} of {written} rules parsed"
    assert errors == []
    page.close()


@pytest.mark.browser
def test_a_standalone_page_carries_our_code_and_draws(browser, counties, tmp_path):  # noqa: F811
    """A figure's page: vendored files by file://, our code inline, every control and label drawn."""
    from layers.base_map import base_map
    from layers.counties import counties_group, county_labels_group
    from layers.legend import LegendEntry, legend_group

    m = base_map(prefix=VENDOR_DIR.as_uri(), tools=True)
    counties_group(counties, "zh").add_to(m)
    county_labels_group(counties, "zh").add_to(m)
    legend_group("图例", [LegendEntry("县区", "area", "#fbb4ae")]).add_to(m)
    html = m.get_root().render()
    assert "/app/static" not in html
    page_file = tmp_path / "standalone.html"
    page_file.write_text(html + f"<script>window.map = {m.get_name()};</script>", encoding="utf-8")
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(page_file.as_uri())
    page.wait_for_function("() => window.map && document.querySelectorAll('path').length >= 39")
    found = page.evaluate("""() => ['.north-arrow', '.legend-control', '.county-label', '.lxpm-coordinates',
        '.leaflet-control-zoom-fullscreen', '.leaflet-control-measure']
        .filter(s => !document.querySelector(s))""")
    assert found == [], f"not drawn: {found}"
    style = page.evaluate("""() => [getComputedStyle(document.querySelector('.legend-control')).overflowY,
        document.querySelector('.leaflet-container').style.background,
        document.querySelector('.leaflet-lxpm-counties-pane').style.zIndex]""")
    assert style[0] == "auto" and "244, 241, 234" in style[1] and style[2] == "370"
    assert errors == []
    page.close()
