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
from geo.ledger import columns as c
from geo.ledger.join import ledger_of
from geo.ledger.progress import STATUSES, allowed_values
from geo.ledger.rows import Selection, ledger_frame, select
from geo.project_list.outputs import table_csv

WIDTHS = {"seq": 5, "task": 9, "heading": 14, "content": 46, "lead": 16, "support": 24, "cities": 10,
          "counties": 12, "records": 20, "plan2018": 12, "notes": 16, "progress": 9, "progress_note": 20,
          "updated": 11}
"""Column widths in Excel's units (about one Latin character; a Chinese character takes two)."""
LINE_HEIGHT = 14.5  # points per wrapped line at the body's font size
MAX_ROW_HEIGHT = 409  # Excel's limit
A4 = 9
SHEET_NAME = ("台账", "Ledger")
FONT = "等线"  # Excel's and WPS' default CJK font (Microsoft YaHei and others stand in elsewhere)
TITLE_ROW, HEADER_ROW, FIRST_ROW = 0, 1, 2


def display_width(text: str) -> int:
    """Columns a text takes: wide (CJK) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def lines_needed(text: str, width: int) -> int:
    """Wrapped lines of a cell of that width (its own line breaks counted)."""
    return sum(max(1, math.ceil(display_width(part) / max(width - 1, 1))) for part in str(text).split("\n"))


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
    sheet.set_row(HEADER_ROW, LINE_HEIGHT * max(lines_needed(h, w) for h, w in zip(header, widths)) + 4)
    for i, text in enumerate(header):
        sheet.write_string(HEADER_ROW, i, text, head)
    for r, values in enumerate(frame.itertuples(index=False), start=FIRST_ROW):
        cells = ["" if v is None else str(v) for v in values]
        height = max(lines_needed(text, w) for text, w in zip(cells, widths))
        sheet.set_row(r, min(MAX_ROW_HEIGHT, LINE_HEIGHT * height + 3))
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
    sheet.set_row(source_row, LINE_HEIGHT * lines_needed(source_text(lang), sum(widths)) + 6)
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
