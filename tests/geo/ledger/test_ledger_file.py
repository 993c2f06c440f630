"""The ledger out: its columns and rows for a city and for a unit, and the XLSX's print layout."""

from __future__ import annotations

import io
from datetime import date

import openpyxl

from geo.ledger import ANY, LEAD, Selection, ledger_frame, select
from geo.ledger.columns import COLUMNS, headers
from geo.ledger.workbook import ledger_file

TODAY = date(2026, 12, 4)



def test_the_columns_in_both_languages(ledger, catalogue):
    zh = ledger_frame(select(ledger, Selection()), catalogue, "zh")
    en = ledger_frame(select(ledger, Selection()), catalogue, "en")
    assert list(zh.columns) == ["序号", "任务编号", "任务", "内容", "牵头单位", "配合单位", "涉及市州", "涉及区县",
                                "相关项目", "2018 规划出处", "备注", "进展", "进展说明", "更新日期"]
    assert list(en.columns) == [en_ for _, _, en_ in COLUMNS] == headers("en")
    assert len(zh) == 57 and list(zh["序号"]) == list(range(1, 58))
    assert (zh[["进展", "进展说明", "更新日期"]] == "").all().all()


def test_a_city_ledger_holds_the_tasks_in_that_city(ledger, catalogue):
    frame = ledger_frame(select(ledger, Selection(cities=("海东市",))), catalogue, "zh")
    assert len(frame) and frame["涉及市州"].str.contains("海东市").all()
    row = frame.set_index("任务编号").loc["二(二)2"]
    assert row["任务"] == "培育发展西宁—海东都市圈"
    assert row["牵头单位"] == "西宁市政府、海东市政府"
    assert row["配合单位"].startswith("青海省交通运输厅、青海省生态环境厅")
    assert "G0612西宁南绕城东延" in row["内容"]
    assert "、" in row["相关项目"] and "乐都区" in row["涉及区县"]
    assert "二(一)1" not in set(frame["任务编号"])  # 兰州's own task


def test_a_unit_ledger_by_role(ledger, catalogue):
    lead = ledger_frame(select(ledger, Selection("青海省林草局", LEAD)), catalogue, "zh")
    anyrole = ledger_frame(select(ledger, Selection("青海省林草局", ANY)), catalogue, "zh")
    assert set(lead["任务编号"]) == {"三(一)1", "三(一)2", "三(一)3"}
    assert set(lead["任务编号"]) < set(anyrole["任务编号"])
    assert anyrole["牵头单位"].str.contains("青海省林草局").sum() == 3
    assert (anyrole["牵头单位"] + anyrole["配合单位"]).str.contains("青海省林草局").all()


def test_flags_are_shown_in_the_notes(ledger, catalogue):
    frame = ledger_frame(select(ledger, Selection()), catalogue, "zh").set_index("任务编号")
    assert "按内容归属" in frame.loc["二(三)2", "备注"]
    assert "省民(宗)委" in frame.loc["二(三)2", "备注"] and "甘肃省民委、青海省民宗委" in frame.loc["二(三)2", "备注"]
    assert "无本任务的责任单位段落" in frame.loc["四(二)2", "备注"]
    assert "（推定）" in frame.loc["四(一)1", "配合单位"] and "有关市州政府" in frame.loc["四(一)1", "备注"]
    assert frame.loc["四(一)3", "任务"].startswith("〔")


def test_the_workbook_is_laid_out_for_printing(catalogue):
    data = ledger_file(catalogue, Selection(cities=("兰州市",)), "zh", "xlsx", TODAY)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet["A1"].value == "兰州—西宁城市群发展“十四五”实施方案 任务台账 · 兰州市 · 2026-12-04"
    assert [c.value for c in sheet[2]] == headers("zh")
    assert sheet.freeze_panes == "A3"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows == "$2:$2"
    assert sheet.column_dimensions["D"].width > 3 * sheet.column_dimensions["B"].width  # 内容 wide
    assert sheet["D3"].alignment.wrap_text and sheet.row_dimensions[3].height > 40
    foot = sheet.cell(sheet.max_row, 1).value
    assert foot.startswith("资料来源：《兰州—西宁城市群发展“十四五”实施方案》")
    validation = sheet.data_validations.dataValidation[0]
    assert "已完成" in validation.formula1 and str(validation.sqref).startswith("L3")


def test_english_headers_and_csv(catalogue):
    data = ledger_file(catalogue, Selection("甘肃省发展改革委", LEAD), "en", "csv", TODAY)
    assert data.startswith("\ufeffNo.,Task no.,Task,Content".encode())
    sheet = openpyxl.load_workbook(io.BytesIO(ledger_file(catalogue, Selection(), "en", "xlsx", TODAY))).active
    assert sheet["A1"].value.startswith("Task ledger") and sheet.title == "Ledger"
