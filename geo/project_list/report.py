"""An import's issues as text: one line per issue, the summary line, the issues table."""

from __future__ import annotations

import pandas as pd

from geo.project_list.importer import ImportResult
from geo.project_list.issues import ERROR, FILE_ROW, WARNING
from geo.languages import pick

_LEVEL_TEXT = {("zh", ERROR): "错误", ("zh", WARNING): "警告", ("en", ERROR): "error", ("en", WARNING): "warning"}


def summary_line(result: ImportResult, lang: str) -> str:
    """One line: rows read, usable, errors, warnings."""
    return pick(f"读取 {result.rows_read} 行：可用 {len(result.valid)} 行，"
                f"错误 {result.errors} 条，警告 {result.warnings} 条。",
                f"Read {result.rows_read} rows: {len(result.valid)} usable, "
                f"{result.errors} errors, {result.warnings} warnings.", lang)


def issue_row_label(row: int, lang: str) -> str:
    """'第 5 行' / 'row 5'; the file itself for FILE_ROW."""
    if row == FILE_ROW:
        return pick("文件", "file", lang)
    return pick(f"第 {row} 行", f"row {row}", lang)


def report_lines(result: ImportResult, lang: str) -> list[str]:
    """One line per issue (row | column | level | message), then the summary line."""
    lines = [" | ".join((issue_row_label(i.row, lang), i.column or "—", _LEVEL_TEXT[(lang, i.level)],
                         i.message(lang))) for i in result.issues]
    return [*lines, summary_line(result, lang)]


def issues_frame(result: ImportResult, lang: str, headers: tuple[str, str, str, str]) -> pd.DataFrame:
    """The issues as a table with the given column headers (row, column, level, message)."""
    return pd.DataFrame({
        headers[0]: [issue_row_label(i.row, lang) for i in result.issues],
        headers[1]: [i.column for i in result.issues],
        headers[2]: [_LEVEL_TEXT[(lang, i.level)] for i in result.issues],
        headers[3]: [i.message(lang) for i in result.issues],
    })
