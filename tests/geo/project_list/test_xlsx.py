"""The XLSX reader: row numbers from row 1, empty cells as '', and sheets too big to hold rejected unread."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

import pytest

from geo.project_list.issues import ImportRejected
from geo.project_list.read import MAX_SHEET_ROWS, read_table
from geo.project_list.xlsx import MAX_SHEET_CELLS, cell_text, first_sheet_rows, sheet_extent


def _workbook(cells: dict[str, object]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    for ref, value in cells.items():
        book.active[ref] = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _with_sheet_data(data: bytes, sheet_data: bytes) -> bytes:
    """The workbook with its first sheet's <sheetData> replaced (cell forms openpyxl never writes)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                start, end = part.index(b"<sheetData"), part.index(b"</sheetData>") + len(b"</sheetData>")
                part = part[:start] + b"<sheetData>" + sheet_data + b"</sheetData>" + part[end:]
            target.writestr(info.filename, part)
    return out.getvalue()


def test_rows_start_at_row_1_and_empty_cells_are_blank():
    rows, more = first_sheet_rows(_workbook({"B3": "x", "D4": 2.0}), MAX_SHEET_ROWS)
    assert rows == [["", "", "", ""], ["", "", "", ""], ["", "x", "", ""], ["", "", "", "2"]]
    assert more is False


def test_cell_text():
    assert [cell_text(v) for v in (None, "", True, 103.5, 36.0, 7, datetime(2024, 5, 1))] == [
        "", "", "TRUE", "103.5", "36", "7", "2024-05-01T00:00:00"]


def test_a_far_cell_is_rejected_before_calamine_allocates_its_area():
    data = _workbook({"A1": "name", "XFD1048576": "x"})  # 5 KB; the area A1:XFD1048576 would be 550 GB
    assert sheet_extent(zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")) == (1048576, 16384)
    with pytest.raises(ImportRejected) as caught:
        read_table(data, "far.xlsx")
    assert "解压后过大" in caught.value.message_zh and "expands to too much" in caught.value.message_en


def test_an_area_within_the_limit_is_read():
    rows = MAX_SHEET_CELLS // 200
    table = read_table(_workbook({"A1": "name", "A2": "p", f"GR{rows}": "x"}), "wide.xlsx")
    assert table.cells.loc[2, 0] == "p"


@pytest.mark.parametrize("sheet_data", [
    b'<row><c><v>1</v></c></row>',                                     # a cell without r
    b"<row><c r='A1'><v>1</v></c></row>",                              # r in single quotes
    b'<row><c s="0" r="A1"><v>1</v></c></row>',                        # r not first
    b'<x:row><x:c r = "A1"><x:v>1</x:v></x:c></x:row>',                # spaces around =
])
def test_cells_in_forms_not_checked_are_rejected_as_unreadable(sheet_data):
    data = _with_sheet_data(_workbook({"A1": "name"}), sheet_data)
    with pytest.raises(ImportRejected) as caught:
        read_table(data, "odd.xlsx")
    assert "XLSX 工作簿无法读取" in caught.value.message_zh


def test_prefixed_cells_with_r_are_read():
    cells = b'<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>name</x:t></x:is></x:c></x:row>'
    cells += b'<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>p</x:t></x:is></x:c></x:row>'
    data = _with_sheet_data(_workbook({"A1": "name"}), cells)
    table = read_table(data, "prefixed.xlsx")
    assert table.headers == ("name",) and table.cells.loc[2, 0] == "p"


def test_rows_past_the_sheet_limit_are_left_with_a_warning():
    table = read_table(_workbook({"A1": "name", "A2": "p", f"A{MAX_SHEET_ROWS + 1}": "late"}), "long.xlsx")
    assert list(table.cells[0]) == ["p"]
    assert any("前 100,000 行" in i.message_zh for i in table.issues)
