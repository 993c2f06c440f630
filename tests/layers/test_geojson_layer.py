import folium
import pytest

from layers.counties import county_collection
from layers.geojson_layer import GeoJsonLayer, feature_collection
from layers.plan_items import catalogue_collection, presentation
from layers.plan_items import presented_layer
from geo.registry import SUBLAYERS, sublayer_members
from layers.sublayers import sublayer_group


def _render(element) -> str:
    m = folium.Map(tiles=None)
    element.add_to(m)
    return m.get_root().render()


def test_feature_collection_keeps_rows_and_properties(counties):
    collection = feature_collection(counties, {"id": list(counties["adcode"])})
    assert len(collection["features"]) == 39
    assert collection["features"][0]["properties"] == {"id": counties["adcode"].iloc[0]}
    assert collection["features"][0]["geometry"]["type"] in ("Polygon", "MultiPolygon")


def test_a_served_source_sends_only_its_url():
    layer = GeoJsonLayer("/app/static/web/counties-zh-0123.geojson", tooltip="tip")
    html = _render(layer)
    assert 'lxpmGeoJsonLayer(' in html and '"/app/static/web/counties-zh-0123.geojson"' in html
    assert '"coordinates"' not in html and "fetch(" not in html  # the code is the base map's, sent once
    assert len(layer._template.module.script(layer, {})) < 400


@pytest.mark.parametrize("standalone", [False, True], ids=["served", "standalone"])
def test_the_base_map_defines_the_drawing_code_once_before_any_layer(counties, plan_units, standalone):
    from layers.base_map import base_map
    from layers.counties import counties_group, plan_units_group
    from layers.offline_assets import VENDOR_DIR

    m = base_map(prefix=VENDOR_DIR.as_uri()) if standalone else base_map()
    counties_group(counties, "zh").add_to(m)
    plan_units_group(plan_units, "zh").add_to(m)
    html = m.get_root().render()
    # A served page links static/js/lxpm-map.js; a standalone page (a figure) carries its text.
    definition = "window.lxpmGeoJsonLayer = function" if standalone else '<script src="/app/static/js/lxpm-map.js">'
    assert html.count(definition) == 1
    assert html.index(definition) < html.index("lxpmGeoJsonLayer(feature_group")


def test_inline_text_cannot_close_the_script():
    collection = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"tip": "</script><script>alert(1)</script>"},
         "geometry": {"type": "Point", "coordinates": [103.8, 36.0]}}]}
    html = _render(GeoJsonLayer(collection, tooltip="tip"))
    assert "</script><script>alert(1)" not in html


def test_county_collection_styles_by_prefecture(counties):
    collection = county_collection(counties, "en")
    lanzhou = next(f for f in collection["features"] if f["properties"]["id"] == "620102")
    assert lanzhou["properties"]["sty"]["fillColor"] == "#fbb4ae"
    assert "Chengguan" in lanzhou["properties"]["tip"]


def test_a_sublayer_over_a_served_catalogue_sends_ids_not_features(catalogue):
    presented = presentation(catalogue, "zh", compare=False)
    rail = next(s for s in SUBLAYERS if "railway" in s.subtypes)
    ids = sorted(rail.select(presented)["id"])
    assert ids and sublayer_members(catalogue)[rail.key] == frozenset(ids)
    group = sublayer_group(rail, "zh", "/app/static/web/catalogue-zh.geojson", ids)
    html = _render(group)
    assert all(f'"{i}"' in html for i in ids)
    assert '"coordinates"' not in html and "「" not in html
    one = _render(sublayer_group(rail, "zh", "/app/static/web/catalogue-zh.geojson", ids[:1]))
    assert len(html) - len(one) < 40 * (len(ids) - 1)  # each more record costs its id, no more
    page = len(_render(folium.FeatureGroup()))
    inline = _render(presented_layer(rail.select(presented)))
    assert len(inline) - page > 3 * (len(html) - page)


def test_catalogue_collection_puts_points_last(catalogue):
    features = catalogue_collection(presentation(catalogue, "zh", compare=False))["features"]
    kinds = [f["geometry"]["type"] for f in features]
    assert kinds.index("Point") > max(i for i, k in enumerate(kinds) if k in ("LineString", "MultiLineString"))
    assert all("sty" in f["properties"] and "pop" in f["properties"] for f in features)
