"""The task ledger as a person uses it: a city's government as lead in one click, the ledger downloaded,
filled in a spreadsheet program (each 进展, some bad rows, empty rows, a second sheet), uploaded
through the import panel, and its progress on the map, in the legend and in the counts."""

from __future__ import annotations

import io
import time
from datetime import date

import openpyxl
import pytest

from geo.catalogue import load_catalogue
from geo.ledger import LEAD, STATUSES, Selection
from geo.ledger.workbook import ledger_file
from layers.styles import PROGRESS_COLOURS
from tests.browser.conftest import ARTIFACTS, map_frame, wait_until

pytestmark = pytest.mark.browser

WAIT_S = 60
PROGRESS, NOTE, UPDATED, TASK = 12, 13, 14, 2
RECORD_COLOURS = """() => Array.from(document.querySelectorAll('.leaflet-lxpm-records-pane path'))
  .flatMap(p => [p.getAttribute('stroke'), p.getAttribute('fill')]).filter(Boolean).map(c => c.toLowerCase())"""


def _fill(data: bytes) -> tuple[bytes, int]:
    """What a person does in Excel or WPS: each task a 进展 (every value at least once), three bad rows
    added (a bad value, a bad date, an unknown task), two empty rows inserted, a second sheet added;
    and how many rows are usable."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book.active
    tasks = [r for r in range(3, sheet.max_row + 1) if sheet.cell(r, TASK).value]
    for i, row in enumerate(tasks):
        sheet.cell(row, PROGRESS).value = STATUSES[i % len(STATUSES)].zh
        sheet.cell(row, UPDATED).value = "2025-09-30"
        sheet.cell(row, NOTE).value = "<b>按计划推进</b>"
    end = tasks[-1] + 1
    sheet.insert_rows(end, 3)
    for offset, (task, progress, updated) in enumerate([("七(四)2", "快好了", ""), ("七(三)3", "在建", "下个月"),
                                                        ("九(九)9", "在建", "")]):
        sheet.cell(end + offset, TASK).value = task
        sheet.cell(end + offset, PROGRESS).value = progress
        sheet.cell(end + offset, UPDATED).value = updated
    sheet.insert_rows(5, 2)
    book.create_sheet("说明")["A1"] = "另一张表"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), len(tasks)


def _cells(data: bytes) -> list[list]:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    return [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]


def test_ledger_out_and_progress_back_onto_the_map(server_url, page_and_watch, tmp_path):
    page, watch = page_and_watch
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(server_url + "/?city=海东市")
    map_frame(page)

    # the city's own government as lead: one click from the city filter
    page.locator("[data-testid='stSidebar']").get_by_role("button", name="海东市政府牵头").click()
    wait_until(lambda: "unit=lead" in page.evaluate("decodeURIComponent(location.href)"), WAIT_S, "the unit in the link")
    assert "unit=lead:海东市政府" in page.evaluate("decodeURIComponent(location.href)")

    # the ledger of this filter, as the command line writes it
    button = page.get_by_role("button", name="下载台账（Excel）")
    button.scroll_into_view_if_needed()
    page.get_by_text("当前筛选（海东市 · 海东市政府（牵头））").wait_for(timeout=WAIT_S * 1000)
    page.screenshot(path=str(ARTIFACTS / "ledger-panel.png"))
    with page.expect_download(timeout=WAIT_S * 1000) as download:
        button.click()
    data = open(download.value.path(), "rb").read()
    expected = ledger_file(load_catalogue(), Selection("海东市政府", LEAD, ("海东市",)), "zh", "xlsx", date.today())
    assert _cells(data) == _cells(expected)
    assert openpyxl.load_workbook(io.BytesIO(data)).active["A1"].value.startswith(
        "兰州—西宁城市群发展“十四五”实施方案 任务台账 · 海东市 · 海东市政府（牵头）")

    # filled in and uploaded through the import panel
    upload = tmp_path / "台账<img src=x onerror=alert(1)>.xlsx"
    filled, usable = _fill(data)
    assert usable >= len(STATUSES)
    upload.write_bytes(filled)
    page.locator("[data-testid='stSidebar'] input[type='file']").set_input_files(str(upload))
    page.get_by_text("已读取台账：进展见地图下方。").wait_for(timeout=WAIT_S * 1000)
    summary = page.locator("[data-testid='stSidebar']").get_by_text(f"可用 {usable} 行")
    assert "错误 3 条" in summary.inner_text()

    # the map colours the records by progress, with its legend
    frame = map_frame(page)
    wanted = {PROGRESS_COLOURS[s.key] for s in STATUSES}
    wait_until(lambda: wanted & set(frame.evaluate(RECORD_COLOURS)), WAIT_S, "records in progress colours")
    legend = frame.evaluate("() => document.querySelector('.map-legend').textContent")
    assert "进展（2022 任务台账）" in legend and "已完成 · " in legend
    frame.locator(".legend-control.collapsed .legend-title").click()  # folded on a laptop-wide map: open it
    time.sleep(1)
    page.screenshot(path=str(ARTIFACTS / "ledger-progress-map.png"))

    # the counts per city and per unit, the file name shown as text
    counts = page.get_by_text("各市州任务数（按进展）")
    counts.scroll_into_view_if_needed()
    page.get_by_text("已读取台账：台账<img src=x onerror=alert(1)>.xlsx").wait_for(timeout=WAIT_S * 1000)
    page.get_by_text("各牵头单位任务数（按进展）").wait_for(timeout=WAIT_S * 1000)
    time.sleep(1)
    page.screenshot(path=str(ARTIFACTS / "ledger-progress-counts.png"))
    assert page.locator("img[src='x']").count() == 0
    assert watch.outside == [] and watch.errors == []
