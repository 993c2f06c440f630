"""The ledger as a file: an XLSX made for printing and passing round (title row, frozen header, wrapped
columns, A4 landscape, the source line at the foot) or a UTF-8-BOM CSV of the same table."""

from __future__ import annotations

import io
import math
import unicodedata
from datetime import date

import pandas as pd
import xlsxwriter

from geo.languages import pick
import geo.ledger.columns as c
from geo.ledger.join import ledger_of
from geo.ledger.progress import STATUSES, allowed_values
from geo.ledger.rows import Selection, ledger_frame, select
from geo.project_list.outputs import table_csv

WIDTHS = {"seq": 4, "task": 8, "heading": 12, "content": 38, "lead": 13, "support": 18, "cities": 9,
          "counties": 10, "records": 16, "plan2018": 10, "notes": 12, "progress": 7, "progress_note": 14,
          "updated": 10}
"""Column widths in Excel's units (about one Latin character; a Chinese character takes two): ~180 in
all, so A4 landscape fitted to the page width prints the 10-point text at about 8 points."""
LINE_HEIGHT = 13.8  # points per line of 10-point 等线, as Excel spaces it
CHAR_PX, UNIT_PX, PAD_PX = 13.4, 7, 6  # a 10-point Chinese character; a width unit; the cell's padding
MAX_ROW_HEIGHT = 409  # Excel's limit
A4 = 9
SHEET_NAME = ("台账", "Ledger")
FONT = "等线"  # Excel's and WPS' default CJK font (Microsoft YaHei and others stand in elsewhere)
TITLE_ROW, HEADER_ROW, FIRST_ROW = 0, 1, 2


def display_width(text: str) -> int:
    """Columns a text takes: wide (CJK) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def lines_needed(text: str, width: int) -> int:
    """Wrapped lines of a cell of that width in Excel's units (its own line breaks counted)."""
    per_line = max(2.0, 2 * (UNIT_PX * width + 5 - PAD_PX) / CHAR_PX)  # in display_width units
    return sum(max(1, math.ceil(display_width(part) / per_line)) for part in str(text).split("\n"))


def row_height(cells: list[str], widths: list[int]) -> float:
    """A row's height in points: its tallest cell's wrapped lines. Set, not left to the program: a
    program that does not fit rows on opening (LibreOffice) would show one line of each cell."""
    return min(MAX_ROW_HEIGHT, LINE_HEIGHT * max(lines_needed(t, w) for t, w in zip(cells, widths)) + 4)


def title_text(description: str, lang: str, today: date) -> str:
    """The title row: the ledger, the filter and the date."""
    return f"{pick(*c.TITLE, lang)} · {description} · {today.isoformat()}"


def source_text(lang: str) -> str:
    """The source line at the foot."""
    return pick(*c.SOURCE_LINE, lang).format(allowed=allowed_values(lang))


def ledger_csv(frame: pd.DataFrame) -> bytes:
    """The ledger's table as CSV: header and rows (UTF-8 with BOM, formula-safe), for other programs."""
    return table_csv(frame)


def ledger_xlsx(frame: pd.DataFrame, description: str, lang: str, today: date) -> bytes:
    """The ledger as an XLSX workbook laid out for printing on A4 landscape."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False})
    book.set_properties({"title": pick(*c.TITLE, lang), "comments": source_text(lang)})
    base = {"font_name": FONT, "font_size": 10, "text_wrap": True, "valign": "top", "border": 1}
    title = book.add_format({"font_name": FONT, "bold": True, "font_size": 14, "valign": "vcenter"})
    head = book.add_format({**base, "bold": True, "bg_color": "#e8e4d8", "valign": "vcenter", "align": "center"})
    body = book.add_format(base)
    fill = book.add_format({**base, "bg_color": "#fffbe6"})  # the cells the user fills in
    dated = book.add_format({**base, "bg_color": "#fffbe6", "num_format": "yyyy-mm-dd"})
    foot = book.add_format({"font_name": FONT, "font_size": 9, "text_wrap": True, "valign": "top", "italic": True})
    sheet = book.add_worksheet(pick(*SHEET_NAME, lang))
    last = len(c.KEYS) - 1
    widths = [WIDTHS[k] for k in c.KEYS]
    for i, width in enumerate(widths):
        sheet.set_column(i, i, width)
    sheet.merge_range(TITLE_ROW, 0, TITLE_ROW, last, title_text(description, lang, today), title)
    sheet.set_row(TITLE_ROW, 26)
    header = list(frame.columns)
    sheet.set_row(HEADER_ROW, row_height(header, widths))
    for i, text in enumerate(header):
        sheet.write_string(HEADER_ROW, i, text, head)
    for r, values in enumerate(frame.itertuples(index=False), start=FIRST_ROW):
        cells = ["" if v is None else str(v) for v in values]
        sheet.set_row(r, row_height(cells, widths))
        for i, (key, text) in enumerate(zip(c.KEYS, cells)):
            style = dated if key == "updated" else fill if key in c.FILLED_IN else body
            if key == "seq":
                sheet.write_number(r, i, int(text), body)
            else:
                sheet.write_string(r, i, text, style)
    end = FIRST_ROW + len(frame) - 1
    if len(frame):
        progress = c.KEYS.index("progress")
        sheet.data_validation(FIRST_ROW, progress, end, progress, {
            "validate": "list", "source": [pick(s.zh, s.en, lang) for s in STATUSES], "error_type": "warning",
            "input_title": pick("进展", "Progress", lang), "input_message": allowed_values(lang)})
    source_row = end + 2
    sheet.merge_range(source_row, 0, source_row, last, source_text(lang), foot)
    sheet.set_row(source_row, row_height([source_text(lang)], [sum(widths)]))
    sheet.freeze_panes(FIRST_ROW, 0)
    sheet.set_landscape()
    sheet.set_paper(A4)
    sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    sheet.repeat_rows(HEADER_ROW)
    sheet.fit_to_pages(1, 0)
    sheet.center_horizontally()
    sheet.print_area(TITLE_ROW, 0, source_row, last)
    sheet.set_footer(pick("&L&8兰西城市群“十四五”实施方案任务台账&R&8第 &P 页，共 &N 页",
                          "&L&8Lanzhou–Xining implementation plan: task ledger&R&8Page &P of &N", lang))
    book.close()
    return buffer.getvalue()


FORMATS = ("xlsx", "csv")
MEDIA_TYPES = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               "csv": "text/csv"}


def ledger_file(catalogue: pd.DataFrame, selection: Selection, lang: str, fmt: str = "xlsx",
                today: date | None = None) -> bytes:
    """The ledger of a selection as a file: what the dashboard's download and
    `python -m geo ledger` both write."""
    frame = ledger_frame(select(ledger_of(catalogue), selection), catalogue, lang)
    if fmt == "csv":
        return ledger_csv(frame)
    return ledger_xlsx(frame, selection.describe(lang), lang, today or date.today())


def file_name(fmt: str, today: date | None = None) -> str:
    """The ledger's file name: lanxi-ledger-2026-12-04.xlsx."""
    return f"lanxi-ledger-{(today or date.today()).isoformat()}.{fmt}"
