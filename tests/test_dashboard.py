"""Streamlit AppTest of the dashboard shell: widgets, state, URL, messages."""

import pytest
from streamlit.testing.v1 import AppTest

from geo.catalogue import load_catalogue

from app.map_view import clicked_county
from app.plain_text import read_as_text
from geo.files import ROOT
from tests.dashboard_page import dashboard_app

APP = str(ROOT / "dashboard.py")

TIMEOUT = 60
ALL = len(load_catalogue())


@pytest.fixture
def app():
    return dashboard_app(TIMEOUT)


def _markdown(at) -> str:
    return " ".join(m.value for m in at.markdown)


def test_default_page_shows_title_counts_and_table(app):
    at = app.run()
    assert not at.exception
    assert at.markdown[0].value.endswith("兰西城市群规划地图")
    assert f"显示 **{ALL}** 共 {ALL}" in _markdown(at)
    # The table comes in the page's own run (no timed second run: it lost widget values under load).
    assert len(at.dataframe) == 1 and len(at.dataframe[0].value) == ALL
    assert not at.warning


def test_city_filter_updates_counts_table_and_url(app):
    at = app.run()
    at.multiselect(key="w_cities").set_value(["西宁市"]).run()
    shown = len(at.dataframe[0].value)
    assert 0 < shown < ALL
    assert f"显示 **{shown}** 共 {ALL}" in _markdown(at)
    assert at.query_params["city"] in ("西宁市", ["西宁市"])
    assert all("西宁市" in c for c in at.dataframe[0].value["市州"])


def test_language_switch_changes_every_label(app):
    at = app.run()
    at.radio(key="w_lang").set_value("en").run()
    assert at.markdown[0].value.endswith("Lanzhou–Xining Urban Agglomeration Plan Map")
    assert "Name" in at.dataframe[0].value.columns
    assert at.query_params["lang"] in ("en", ["en"])


def test_url_reproduces_the_filters(app):
    app.query_params.update({"city": "兰州市", "cat": "transport", "lang": "en", "doc": "plan2018"})
    at = app.run()
    assert at.multiselect(key="w_cities").value == ["兰州市"]
    assert at.multiselect(key="w_categories").value == ["transport"]
    table = at.run().dataframe[0].value
    assert len(table) > 0 and set(table["Category"]) == {"Transport"}


def test_bad_parameters_fall_back_with_a_visible_notice(app):
    app.query_params.update({"city": "北京市", "z": "abc", "lang": "xx"})
    at = app.run()
    assert not at.exception
    warnings = " ".join(read_as_text(w.value) for w in at.warning)
    assert "city=北京市" in warnings and "z=abc" in warnings and "lang=xx" in warnings
    assert at.multiselect(key="w_cities").value == []


def test_empty_result_shows_a_message_not_an_error(app):
    at = app.run()
    at.text_input(key="w_text").set_value("没有这样的项目 zzz").run()
    assert not at.exception
    assert any("没有符合" in i.value for i in at.info)
    assert len(at.dataframe[0].value) == 0


def test_missing_data_file_is_a_clear_message(app, tmp_path, monkeypatch):
    data_dir = tmp_path / "[登录](evil.example)"  # a folder named by the environment: shown as text
    monkeypatch.setenv("LXPM_DATA_DIR", str(data_dir))
    import importlib

    import streamlit as st

    import geo.files
    importlib.reload(geo.files)
    st.cache_data.clear()
    st.cache_resource.clear()
    try:
        at = dashboard_app(TIMEOUT).run()
        assert not at.exception
        assert any("file not found" in e.value for e in at.error)
        assert all(str(data_dir) in read_as_text(e.value) and "[登录](evil" not in e.value for e in at.error)
    finally:
        monkeypatch.delenv("LXPM_DATA_DIR")
        importlib.reload(geo.files)
        st.cache_data.clear()
        st.cache_resource.clear()


def test_a_clicked_county_is_found_by_its_id(counties):
    assert clicked_county("620102", counties) == ("兰州市", "620102")
    assert clicked_county("630106", counties) == ("西宁市", "630106")
    assert clicked_county("tr-lanzhou-hezuo-railway", counties) is None  # a record, not a county
    assert clicked_county("", counties) is None
    assert clicked_county(None, counties) is None


@pytest.mark.browser
def test_export_button_makes_a_png_download(app):
    at = app.run()
    at.selectbox(key="w_export_view").set_value("fig1")
    at.selectbox(key="w_export_size").set_value("1280x720")
    # The make button is a component (it reads the map view); a click sends this value.
    at.session_state["w_export_buttons"] = {"action": "png", "click": "1", "lat": None, "lon": None, "z": None}
    at.run(timeout=120)
    assert not at.exception and not at.error
    name, png = at.session_state["export_png"]
    assert name == "lanxi-fig1.png" and png[:8] == b"\x89PNG\r\n\x1a\n"
    import io

    from PIL import Image
    assert Image.open(io.BytesIO(png)).size == (2560, 1440)


def test_amap_basemap_shifts_layers_and_says_it_is_online(app):
    app.query_params.update({"basemap": "amap"})
    at = app.run()
    assert not at.exception
    assert any("瓦片来自 webrd0*.is.autonavi.com" in read_as_text(i.value) for i in at.info)


def test_map_data_is_sent_inline_when_static_web_cannot_be_written(app, monkeypatch, caplog):
    import layers.published

    def refuse(item, *args, **kwargs):
        raise PermissionError(13, "Permission denied", "static/web")

    monkeypatch.setattr(layers.published, "publish", refuse)
    with caplog.at_level("WARNING", logger="dashboard"):
        at = app.run()
    assert not at.exception and not at.error
    assert f"显示 **{ALL}** 共 {ALL}" in _markdown(at)
    assert any("sent inline" in r.getMessage() for r in caplog.records)


def test_layer_toggles_follow_the_url_and_write_it_back(app):
    app.query_params.update({"layers": "counties,rail"})
    at = app.run()
    assert not at.exception
    groups = {b.key: b.value for b in at.get("button_group")}
    assert groups["w_layers_group_base"] == ["counties"]
    assert [k for v in groups.values() for k in v] == ["counties", "rail"]
    at.get("button_group")[0].select("units").run()
    assert not at.exception
    assert at.query_params["layers"] in ("counties,units,rail", ["counties,units,rail"])


def test_amap_gets_its_own_map_files_shifted_to_gcj02():
    from app.cached_data import map_data

    wgs, gcj = map_data("counties", False, "zh"), map_data("counties", True, "zh")
    assert wgs.filename.startswith("counties-zh-wgs84-") and gcj.filename.startswith("counties-zh-gcj02-")

    from layers.compact_coordinates import expand

    def first_point(item):
        geometry = expand(item.collection())["features"][0]["geometry"]
        ring = geometry["coordinates"][0] if geometry["type"] == "Polygon" else geometry["coordinates"][0][0]
        return ring[0]

    (lon_w, lat_w), (lon_g, lat_g) = first_point(wgs), first_point(gcj)
    assert 0.001 < lon_g - lon_w < 0.003 and -0.001 < lat_g - lat_w < 0.0005  # GCJ-02 here: ~200 m east


def test_no_stray_string_in_the_app_script_reaches_the_page():
    """Streamlit's magic writes any bare string of the main script onto the page."""
    import ast

    tree = ast.parse((ROOT / "dashboard.py").read_text(encoding="utf-8"))
    stray = [n.lineno for n in tree.body[1:] if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)]
    assert stray == []
