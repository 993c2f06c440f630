"""A rendered map in the parts the page's map component runs: base and rerun parts apart, stable keys,
every file it loads, the data it fetches."""

from __future__ import annotations

import folium
import pytest
from branca.element import Element, MacroElement, Template

from layers.base_map import base_map
from layers.counties import counties_group, county_labels_group
from layers.geojson_layer import GeoJsonLayer
from layers.layer_control import GroupedLayers
from layers.map_parts import map_parts
from layers.render_cache import stable_ids

COUNTIES_URL = "/app/static/web/counties-zh-wgs84-0123456789abcdef.geojson"


def _parts(counties, ids: list[str]):
    with stable_ids():
        m = base_map(sync_view=True)
        counties_group(COUNTIES_URL, "zh").add_to(m)
        group = folium.FeatureGroup(name="records")
        GeoJsonLayer("/app/static/web/catalogue.geojson", match=("id", ids)).add_to(group)
        labels = county_labels_group(counties, "zh")
        return map_parts(m, [group, labels, GroupedLayers({"g": [group]})])


def test_the_base_and_the_rerun_parts_are_apart(counties):
    parts = _parts(counties, ["a"])
    assert parts.map_names == ("map_00000000000000000000000000000001",)
    assert f'var {parts.map_names[0]} = L.map(' in parts.base_script
    assert COUNTIES_URL in parts.base_script and "catalogue.geojson" not in parts.base_script
    assert "catalogue.geojson" in parts.dynamic_script and "L.control.groupedLayers" in parts.dynamic_script
    assert f"var {parts.map_names[0]}" not in parts.dynamic_script
    for name in parts.dynamic_names:  # each top-level rerun element is a global the page can remove
        assert f"var {name} = " in parts.dynamic_script
    assert parts.base_html == f'<div class="folium-map" id="{parts.map_names[0]}" ></div>'


def test_keys_change_only_with_their_part(counties):
    first, same, other = _parts(counties, ["a"]), _parts(counties, ["a"]), _parts(counties, ["b"])
    assert (first.base_key, first.dynamic_key) == (same.base_key, same.dynamic_key)
    assert other.base_key == first.base_key and other.dynamic_key != first.dynamic_key


def test_files_to_load_and_data_to_fetch(counties):
    parts = _parts(counties, ["a"])
    assert parts.js[0] == "/app/static/vendor/leaflet/dist/leaflet.js"
    assert "/app/static/js/lxpm-map.js" in parts.js and any("groupedlayercontrol" in u for u in parts.js)
    assert parts.css[0] == "/app/static/vendor/leaflet/dist/leaflet.css"
    assert parts.prefetch == (COUNTIES_URL, "/app/static/web/catalogue.geojson")


def test_the_spec_leaves_out_the_base_the_page_has(counties):
    parts = _parts(counties, ["a"])
    full, short = parts.spec(), parts.spec(with_base=False)
    assert full["base"]["script"] == parts.base_script and full["base"]["key"] == parts.base_key
    assert short["base"]["script"] == "" and short["base"]["html"] == "" and short["base"]["key"] == parts.base_key
    assert short["dynamic"] == full["dynamic"]


class _InlineHeader(MacroElement):
    _template = Template("{% macro header(this, kwargs) %}<script>window.x = 1;</script>{% endmacro %}")


def test_header_content_the_component_cannot_carry_is_refused():
    m = folium.Map(tiles=None)
    _InlineHeader().add_to(m)
    with pytest.raises(ValueError, match="header content"):
        map_parts(m)


def test_style_sheets_of_elements_go_to_the_page_head():
    data = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "a"}, "geometry": {"type": "Point", "coordinates": [103.8, 36.0]}}]}
    with stable_ids():
        parts = map_parts(folium.Map(tiles=None), [folium.GeoJson(data, tooltip=folium.GeoJsonTooltip(["name"]))])
    with stable_ids():
        plain = map_parts(folium.Map(tiles=None))
    assert parts.styles and all("<style" not in css for css in parts.styles)
    assert parts.spec()["assets"]["styles"] == list(parts.styles)
    assert plain.base_key == parts.base_key  # a rerun layer with style sheets of its own leaves the base as it is


def test_two_maps_of_one_figure():
    figure = folium.Figure()
    left, right = folium.Map(tiles=None), folium.Map(tiles=None)
    figure.add_child(left)
    figure.add_child(right)
    figure.add_child(Element("<p>"))
    parts = map_parts(figure)
    assert parts.map_names == (left.get_name(), right.get_name())
    assert left.get_name() in parts.base_html and right.get_name() in parts.base_html
