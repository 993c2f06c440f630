"""Streamlit AppTest of the ledger panel and the unit filter: the ledger of the page's filter, the
progress of an uploaded ledger, and the unit widgets following the one URL value."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
from streamlit.testing.v1 import AppTest

from app.ledger_panel import selection_of
from app.shareable_state import AppState
from geo.catalogue import load_catalogue
from geo.ledger import ANY, LEAD, Selection
from geo.ledger.workbook import ledger_file

TIMEOUT = 60


def _panel_script(unit: str = "", cities: tuple = ()) -> None:
    import streamlit as st

    from app.cached_data import load_all
    from app.ledger_panel import ledger_panel, shown_progress
    from app.shareable_state import AppState
    from app.upload_panel import upload_panel
    from geo.filters import Filters, filter_catalogue

    data = load_all()
    state = AppState(unit=unit, cities=cities)
    upload_panel("zh", data["places"], data["counties"])
    progress = shown_progress(data["places"], data["counties"], data["catalogue"])
    st.session_state["progress"] = progress
    ledger_panel(state, filter_catalogue(data["catalogue"], Filters(unit=unit, cities=cities)), data)


def test_the_panel_offers_the_ledger_of_the_filter():
    at = AppTest.from_function(_panel_script, kwargs={"unit": "lead:兰州市政府", "cities": ("兰州市",)},
                               default_timeout=TIMEOUT).run()
    assert not at.exception and not at.error
    assert at.caption[0].value.startswith("当前筛选（兰州市 · 兰州市政府（牵头））涉及 8 项任务")
    assert [b.label for b in at.get("download_button")][-2:] == ["下载台账（Excel）", "下载台账（CSV）"]
    assert at.session_state["progress"] is None


def test_an_uploaded_ledger_colours_and_counts():
    book = openpyxl.load_workbook(io.BytesIO(ledger_file(load_catalogue(), Selection(), "zh", "xlsx", date.today())))
    book.active["L3"], book.active["L4"] = "已完成", "滞后"  # 二(一)1 and 二(一)2
    data = io.BytesIO()
    book.save(data)
    at = AppTest.from_function(_panel_script, default_timeout=TIMEOUT).run()
    at.get("file_uploader")[0].set_value(("l.xlsx", data.getvalue(), "application/octet-stream"))
    at.run()
    assert not at.exception and not at.error
    progress = at.session_state["progress"]
    assert set(progress.values()) == {"completed", "lagging"}
    by_city, by_unit = (d.value for d in at.dataframe[-2:])
    assert list(by_city.columns) == ["市州", "已完成", "在建", "前期", "未启动", "滞后", "未填报", "合计"]
    lanzhou = by_city.set_index("市州").loc["兰州市"]
    assert (lanzhou["已完成"], lanzhou["滞后"]) == (1, 0)
    assert by_unit.set_index("牵头单位").loc["西宁市政府", "滞后"] == 1
    at.toggle(key="w_progress_colour").set_value(False).run()
    assert at.session_state["progress"] is None  # the map back in its category colours


def test_the_ledger_follows_the_filter():
    catalogue = load_catalogue()
    plain = selection_of(AppState(unit="any:青海省林草局", cities=("西宁市",)), catalogue)
    assert plain == Selection("青海省林草局", ANY, ("西宁市",))
    narrowed = selection_of(AppState(categories=("ecology",)), catalogue[catalogue["category"] == "ecology"])
    assert narrowed.record_ids == frozenset(catalogue[catalogue["category"] == "ecology"]["id"])
    assert selection_of(AppState(unit="lead:兰州市政府"), catalogue).role == LEAD


def _unit_script() -> None:
    import streamlit as st

    from app.cached_data import load_all
    from app.unit_filter import city_government_buttons, unit_filter

    st.session_state.setdefault("w_unit", "")
    st.session_state.setdefault("w_cities", ["白银市"])
    city_government_buttons(st.session_state, "zh")
    unit_filter(load_all()["catalogue"], "zh")


def test_the_unit_widgets_set_the_one_value_and_follow_it():
    at = AppTest.from_function(_unit_script, default_timeout=TIMEOUT).run()
    assert not at.exception
    at.button(key="w_unit_city_白银市").click().run()
    assert at.session_state["w_unit"] == "lead:白银市政府"
    assert at.selectbox(key="w_unit_name").value == "白银市政府" and at.toggle(key="w_unit_lead").value
    at.toggle(key="w_unit_lead").set_value(False).run()
    assert at.session_state["w_unit"] == "any:白银市政府"
    at.selectbox(key="w_unit_name").set_value("甘肃省交通运输厅").run()
    assert at.session_state["w_unit"] == "any:甘肃省交通运输厅"
    at.selectbox(key="w_unit_name").set_value("").run()
    assert at.session_state["w_unit"] == ""
