import html as html_lib

import folium

from layers.plan_items import is_study, items_layer, popup_html, style_of
from layers.styles import COMPARISON_COLOURS, STUDY_DASH


def _render(layer) -> str:
    m = folium.Map(tiles=None)
    layer.add_to(m)
    return m.get_root().render()


def test_items_layer_renders_every_record_with_citation(catalogue):
    rows = catalogue[(catalogue["category"] == "transport") & catalogue["located"]]
    html = _render(items_layer(rows, "zh", compare=False))
    for _, row in rows.head(5).iterrows():
        assert row["id"] in html
    assert "2018规划" in html or "2022实施方案" in html


def test_empty_selection_gives_no_layer(catalogue):
    assert items_layer(catalogue.iloc[0:0], "zh", compare=False) is None


def test_popup_holds_name_category_cities_verb_and_quote(catalogue):
    row = catalogue[catalogue["verb"] != ""].iloc[0]
    html = popup_html(row, "en")
    assert html_lib.escape(row["name_en"]) in html
    assert row["verb"] in html
    assert row["sources"][0]["section"] in html
    assert "Category" in html and "Cities" in html


def test_popup_escapes_text(catalogue):
    row = catalogue.iloc[0].copy()
    row["name_zh"] = "<script>alert(1)</script>"
    assert "<script>" not in popup_html(row, "zh")


def test_study_verbs_are_dashed(catalogue):
    lines = catalogue[catalogue.geometry.geom_type.isin(["LineString", "MultiLineString"])]
    study = lines[lines["verb"].map(is_study)]
    build = lines[~lines["verb"].map(is_study)]
    if not study.empty:
        assert style_of(study.iloc[0], compare=False)["dashArray"] == STUDY_DASH
    assert "dashArray" not in style_of(build[build["subtype"] == "railway"].iloc[0], compare=False)


def test_comparison_mode_colours_by_document(catalogue):
    for _, row in catalogue[catalogue["located"]].head(20).iterrows():
        assert style_of(row, compare=True).get("fillColor", style_of(row, compare=True).get("color")) \
            in COMPARISON_COLOURS.values()


def test_multipoints_are_drawn_as_separate_points(catalogue):
    rows = catalogue[catalogue.geometry.geom_type == "MultiPoint"]
    assert not rows.empty
    html = _render(items_layer(rows, "zh", compare=False))
    assert '"MultiPoint"' not in html


def test_unlocated_records_are_listed_but_never_drawn(catalogue):
    import pandas as pd

    from layers.plan_items import catalogue_collection, presentation

    row = catalogue.iloc[[0]].copy()
    row["id"], row["located"] = "en-unlocated-test", False
    row = row.set_geometry([None], crs=catalogue.crs)
    drawn = catalogue[catalogue["located"]].iloc[0:3]
    presented = presentation(pd.concat([drawn, row]), "zh", compare=False)
    assert list(presented["id"]) == list(drawn["id"])
    ids = {f["properties"]["id"] for f in catalogue_collection(presented)["features"]}
    assert "en-unlocated-test" not in ids
    assert items_layer(row, "zh", compare=False) is None


def test_popup_gives_the_reason_and_relation_per_city(catalogue):
    from layers.plan_items import reason_text

    row = catalogue.set_index("id").loc["st-xining-haidong-metro-circle"]
    row["id"] = "st-xining-haidong-metro-circle"
    zh, en = popup_html(row, "zh"), popup_html(row, "en")
    assert "西宁市 · <b>覆盖</b>" in zh and "城东区（组成单元）" in zh
    assert "<b>covers</b>" in en and "城东区（member unit）" in en
    assert "临夏" not in zh
    assert reason_text("passes 西宁市; crosses 7 km", "zh") == "经过 西宁市；穿越 7 km"
    assert reason_text("along 12 km", "en") == "along 12 km"


def test_popup_of_a_line_names_what_lies_outside(catalogue):
    row = catalogue.set_index("id").loc["tr-lanzhou-zhangye-railway"]
    html = popup_html(row, "en")
    assert "passes through" in html and "Outside the plan area" in html and "武威市" in html
