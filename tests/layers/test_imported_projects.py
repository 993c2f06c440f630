"""The imported-projects layer: user text reaches the page only escaped."""

import csv
import html
import io
import json
import re

import folium
import pytest

from geo import project_list as pi
from layers import styles
from layers.imported_projects import imported_group, popup_html, tooltip_html

PAYLOADS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "\"><svg onload=alert(1)>", "</script><script>alert(2)</script>"]


@pytest.fixture(scope="module")
def imported(places, counties):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["name", "category", "city", "lon", "lat"])
    writer.writerows([payload, payload, "兰州", 103.8 + i / 100, 36.0] for i, payload in enumerate(PAYLOADS))
    writer.writerow(["北京的项目", "", "", 116.4, 39.9])
    result = pi.import_projects(buffer.getvalue().encode("utf-8"), "x.csv", places, counties)
    assert result.errors == 0 and len(result.valid) == len(PAYLOADS) + 1
    return result.valid


def _rendered(valid, lang: str) -> str:
    m = folium.Map()
    imported_group(valid, lang).add_to(m)
    return m.get_root().render()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_payloads_appear_only_escaped_in_the_rendered_map(imported, lang):
    page = _rendered(imported, lang)
    for payload in PAYLOADS:
        assert payload not in page
    # Folium's JSON encoding turns & < > into \u0026 \u003c \u003e; decoded, the texts are escaped HTML.
    decoded = page.replace("\\u0026", "&").replace("\\u003c", "<").replace("\\u003e", ">")
    for payload in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>"):
        assert payload not in decoded
        assert html.escape(payload) in decoded
    assert not re.search(r"<img[^>]*onerror", decoded)


def test_tooltip_and_popup_escape_every_user_value(imported):
    for _, row in imported.iterrows():
        for text in (tooltip_html(row, "en"), popup_html(row, "zh")):
            assert "<script" not in text and "<img" not in text and "<svg" not in text
            assert html.escape(row["name"]) in text


def test_popup_shows_city_county_location_and_warnings(imported):
    first = imported.iloc[0]
    text = popup_html(first, "en")
    assert "兰州市" in text and "City as given: 兰州" in text and "coordinates" in text
    assert f"Source row: {first['row']}" in text
    beijing = imported[imported["name"] == "北京的项目"].iloc[0]
    assert "outside the plan area" in popup_html(beijing, "en")
    assert "规划范围" in popup_html(beijing, "zh")


def test_group_draws_one_circle_per_row_with_its_style(imported):
    group = imported_group(imported, "zh")
    assert group.layer_name == "导入的项目"
    geojson = next(iter(group._children.values()))
    assert isinstance(geojson, folium.GeoJson)
    features = geojson.data["features"]
    assert len(features) == len(imported)
    assert {f["geometry"]["type"] for f in features} == {"Point"}
    assert set(features[0]["properties"]) == {"id", "warned", "tip", "pop"}  # no raw user value
    styles_used = [geojson.style_function(f) for f in features]
    assert styles_used.count(styles.IMPORTED_WARNED_STYLE) == 1
    assert styles_used.count(styles.IMPORTED_POINT_STYLE) == len(imported) - 1
    json.dumps(geojson.data)


def test_imported_style_is_distinct_from_the_plan_colours():
    plan = {*styles.CATEGORY_COLOURS.values(), *styles.TRANSPORT_COLOURS.values(),
            *styles.COMPARISON_COLOURS.values(), *styles.PREFECTURE_COLOURS.values()}
    assert styles.IMPORTED_POINT_STYLE["fillColor"] not in plan


def test_empty_rows_give_an_empty_group(imported):
    group = imported_group(imported.iloc[0:0], "en")
    assert group.layer_name == "Imported projects" and not group._children
