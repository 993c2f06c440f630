"""Streamlit AppTest of upload_panel: report, download and returned rows; never an exception."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from geo.files import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "imports"
TIMEOUT = 60


def _script(lang: str = "zh", broken: bool = False) -> None:
    import streamlit as st

    from geo.counties import load_counties
    from geo.gazetteer import load_places
    from app.upload_panel import upload_panel, uploaded_rows

    counties = None if broken else load_counties()
    places = load_places()
    upload_panel(lang, places, counties)
    rows = uploaded_rows(places, counties)
    st.session_state["imported"] = None if rows is None else list(rows["name"])


def _app(**kwargs) -> AppTest:
    return AppTest.from_function(_script, kwargs=kwargs, default_timeout=TIMEOUT)


def test_nothing_uploaded_shows_the_uploader_and_returns_none():
    at = _app().run()
    assert not at.exception
    uploader = at.get("file_uploader")[0]
    assert uploader.label == "导入项目清单"
    assert at.checkbox(key="w_upload_gcj02").value is False
    assert at.session_state["imported"] is None


def test_a_file_with_problems_is_reported_and_its_valid_rows_returned():
    at = _app(lang="en").run()
    at.get("file_uploader")[0].set_value(("list.csv", (FIXTURES / "non_numeric.csv").read_bytes(), "text/csv"))
    at.run()
    assert not at.exception and not at.error
    assert at.warning[0].value == "Read 2 rows: 1 usable, 1 errors, 0 warnings."
    issues = at.dataframe[0].value
    assert list(issues.columns) == ["Row", "Column", "Level", "Message"]
    assert issues.iloc[0].tolist() == ["row 3", "lon", "error", "Longitude '东经103.8' is not a number."]
    assert at.get("download_button")
    assert at.session_state["imported"] == ["好项目"]


def test_payload_names_come_back_as_plain_text():
    at = _app().run()
    at.get("file_uploader")[0].set_value(("x.csv", (FIXTURES / "payloads.csv").read_bytes(), "text/csv"))
    at.run()
    assert not at.exception
    assert at.success[0].value == "读取 5 行：可用 5 行，错误 0 条，警告 0 条。"
    assert at.session_state["imported"][0] == "<script>alert(1)</script>"


def test_a_rejected_file_gives_an_error_and_none():
    at = _app().run()
    at.get("file_uploader")[0].set_value(("junk.csv", (FIXTURES / "junk.bin").read_bytes(), "text/csv"))
    at.run()
    assert not at.exception
    assert at.error[0].value.startswith("文件未导入：无法读取")
    assert at.session_state["imported"] is None


@pytest.mark.parametrize("lang, text", [("zh", "导入时出现意外错误"), ("en", "An unexpected error")])
def test_an_unexpected_failure_is_an_error_message_not_an_exception(lang, text):
    at = _app(lang=lang, broken=True).run()
    unique = f"name,lon,lat\nbroken-{lang},103.8,36.0\n".encode()  # not in st.cache_data from other tests
    at.get("file_uploader")[0].set_value(("broken.csv", unique, "text/csv"))
    at.run()
    assert not at.exception
    assert at.error[0].value.startswith(text)
    assert at.session_state["imported"] is None


def test_a_filled_task_ledger_is_checked_as_a_ledger_not_a_project_list():
    import io
    from datetime import date

    import openpyxl

    from geo.catalogue import load_catalogue
    from geo.ledger import Selection
    from geo.ledger.workbook import ledger_file

    book = openpyxl.load_workbook(io.BytesIO(ledger_file(load_catalogue(), Selection(cities=("白银市",)), "zh",
                                                         "xlsx", date.today())))
    book.active["L3"], book.active["L4"] = "在建", "不知道"
    data = io.BytesIO()
    book.save(data)
    at = _app().run()
    at.get("file_uploader")[0].set_value(("台账.xlsx", data.getvalue(), "application/octet-stream"))
    at.run()
    assert not at.exception
    assert at.warning[0].value.endswith("可用 1 行，错误 1 条，警告 0 条。")
    assert at.caption[0].value == "已读取台账：进展见地图下方。"
    assert at.session_state["imported"] is None  # no project rows on the map
    assert "未知进展 '不知道'" in at.dataframe[0].value.iloc[0, 3]
