"""A filled ledger read back: each 进展 value, bad ones, edits a spreadsheet program makes."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest

from geo.catalogue import load_catalogue
from geo.ledger import STATUSES, Selection, check_ledger, headers, parse_date, read_tasks
from geo.ledger.workbook import ledger_file
from geo.project_list import ImportRejected, annotated_csv, report_lines
from geo.project_list.issues import ERROR, WARNING

TODAY = date(2026, 12, 4)
TASKS = read_tasks()
PROGRESS, NOTE, UPDATED, TASK, CONTENT = 12, 13, 14, 2, 4  # columns of the sheet (1-based)


@pytest.fixture(scope="module")
def blank():
    return ledger_file(load_catalogue(), Selection(), "zh", "xlsx", TODAY)


def fill(blank: bytes, values: dict[int, dict[int, str]], edit=None) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(blank))
    sheet = book.active
    for row, cells in values.items():
        for column, value in cells.items():
            sheet.cell(row, column).value = value
    if edit:
        edit(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_each_declared_value_in_either_language_is_read(blank):
    values = {3 + i: {PROGRESS: s.zh if i % 2 else s.en.upper(), UPDATED: "2024-03-31", NOTE: f"说明{i}"}
              for i, s in enumerate(STATUSES)}
    result = check_ledger(fill(blank, values), "ledger.xlsx", TASKS, TODAY)
    assert not result.issues
    assert list(result.valid["status"]) == [s.key for s in STATUSES]
    assert list(result.valid["task"]) == [t.id for t in TASKS[:5]]
    assert list(result.valid["updated"]) == ["2024-03-31"] * 5


BAD = [
    ({TASK: "九(九)9", PROGRESS: "在建"}, TASK, ERROR, "未知任务编号"),
    ({PROGRESS: "快完成了"}, PROGRESS, ERROR, "可填：已完成、在建、前期、未启动、滞后"),
    ({PROGRESS: "在建", UPDATED: "2024年13月1日"}, UPDATED, ERROR, "无法识别"),
    ({PROGRESS: "在建", UPDATED: "2021-12-31"}, UPDATED, ERROR, "不在"),
    ({PROGRESS: "在建", CONTENT: "改过的内容"}, CONTENT, WARNING, "内容与方案原文不一致"),
    ({NOTE: "只写了说明"}, PROGRESS, WARNING, "进展为空"),
]


@pytest.mark.parametrize("cells,column,level,message", BAD, ids=[b[3] for b in BAD])
def test_bad_rows_get_their_issue(blank, cells, column, level, message):
    result = check_ledger(fill(blank, {3: cells}), "ledger.xlsx", TASKS, TODAY)
    issue, = result.issues
    assert (issue.row, issue.level) == (3, level) and message in issue.message_zh
    assert issue.column == headers("zh")[column - 1]  # the file's own header
    usable = level == WARNING and CONTENT == column
    assert len(result.valid) == int(usable)
    table = annotated_csv(result).decode("utf-8-sig")
    assert table.splitlines()[0].endswith(",error") and message in table  # the row comes back marked


def test_a_spreadsheet_programs_edits_are_read(blank):
    def edit(book):
        sheet = book.active
        sheet.insert_rows(5, 3)  # empty rows in the middle
        book.create_sheet("Sheet2")["A1"] = "其他内容"
    data = fill(blank, {3: {PROGRESS: "已完成"}, 4: {PROGRESS: "滞后", UPDATED: "2025/6/30"}}, edit)
    result = check_ledger(data, "ledger.xlsx", TASKS, TODAY)
    assert not result.issues and list(result.valid["status"]) == ["completed", "lagging"]
    assert result.rows_read == len(TASKS)  # the source line at the foot is no row


def test_a_date_cell_and_full_width_parentheses(blank):
    import datetime

    data = fill(blank, {3: {PROGRESS: "前期", UPDATED: datetime.datetime(2025, 1, 2), TASK: "二（一）1"}})
    result = check_ledger(data, "ledger.xlsx", TASKS, TODAY)
    assert not result.issues and result.valid.iloc[0]["updated"] == "2025-01-02"


@pytest.mark.parametrize("text,expected", [("2024-03-31", date(2024, 3, 31)), ("2024/3/1", date(2024, 3, 1)),
                                           ("2024年3月1日", date(2024, 3, 1)), ("2024.03.01", date(2024, 3, 1)),
                                           ("45382", date(2024, 3, 31)), ("2024-03-31T00:00:00", date(2024, 3, 31)),
                                           ("31/03/2024", None), ("2024-02-30", None), ("soon", None)])
def test_dates(text, expected):
    assert parse_date(text) == expected


def test_a_csv_ledger_is_read_too():
    import csv

    data = ledger_file(load_catalogue(), Selection(cities=("兰州市",)), "en", "csv", TODAY).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(data)))
    rows[1][-3:] = ["Under way", "", "2025-01-01"]
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    result = check_ledger(out.getvalue().encode("utf-8-sig"), "ledger.csv", TASKS, TODAY)
    assert list(result.valid["status"]) == ["under_way"]


@pytest.mark.parametrize("data,name", [(b"PK\x03\x04broken", "x.xlsx"), (b"name,lon,lat\nA,103,36\n", "p.csv"),
                                       (b'{"type": "FeatureCollection", "features": []}', "x.geojson")])
def test_a_file_that_is_no_ledger_is_rejected(data, name):
    with pytest.raises(ImportRejected):
        check_ledger(data, name, TASKS, TODAY)


def test_the_report_has_one_line_per_problem_and_a_summary(blank):
    result = check_ledger(fill(blank, {3: {PROGRESS: "x"}, 4: {PROGRESS: "在建"}}), "l.xlsx", TASKS, TODAY)
    lines = report_lines(result, "en")
    assert lines[0].startswith("row 3 | 进展 | error | Unknown progress 'x'; allowed: Completed")
    assert lines[-1] == f"Read {len(TASKS)} rows: 1 usable, 1 errors, 0 warnings."
