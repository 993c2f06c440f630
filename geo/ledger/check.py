"""Read a filled-in ledger back, row by row, with the project-list importer's manners: row-level issues
(row, column, level, message), failing rows returned with an error column, nothing lost."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

import geo.ledger.columns as c
from geo.ledger.progress import allowed_values, status_of
from geo.ledger.tasks import Task
from geo.plan_texts import normalise
from geo.project_list.importer import ImportResult, annotated_table
from geo.project_list.issues import ERROR, FILE_ROW, WARNING, Issue, quoted
from geo.project_list.read import NoHeader, RawTable, read_file, read_table

PLAN_DATE = date(2022, 2, 7)
"""Progress cannot be dated before the plan was issued."""
EXCEL_EPOCH = date(1899, 12, 30)
EXCEL_SERIALS = (40_000, 80_000)  # a date typed into a number cell: 2009 … 2119
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T ]00:00(?::00)?)?$")
_FULL_WIDTH = str.maketrans("（）", "()")
VALID_COLUMNS = ("row", "task", "status", "note", "updated")


class NotALedger(NoHeader):
    """The table has no ledger header row (任务编号 and 进展): it is not a task ledger."""


@dataclass(frozen=True)
class LedgerCheck(ImportResult):
    """A filled ledger as read: an import result whose usable rows (`valid`) are progress reports
    (row, task, status: a key of progress.STATUSES, note, updated: ISO date or ""), so the
    importer's reports, issue tables and annotated file serve it as they are."""

    def task_status(self) -> dict[str, str]:
        """Each reported task's 进展 (its status key)."""
        return dict(zip(self.valid["task"], self.valid["status"]))


def task_key(text: str) -> str:
    """A 任务编号 as compared: no spaces, full-width parentheses made half-width."""
    return "".join(text.split()).translate(_FULL_WIDTH)


def parse_date(text: str) -> date | None:
    """A date as a spreadsheet gives it or a person types it (2024-03-31, 2024/3/31, 2024年3月31日,
    an Excel day number); None when it is not one."""
    text = text.strip()
    if text.isdigit() and EXCEL_SERIALS[0] <= int(text) <= EXCEL_SERIALS[1]:
        return EXCEL_EPOCH + timedelta(days=int(text))
    match = _DATE.match(text)
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def _columns(headers: tuple[str, ...]) -> tuple[dict[str, int], list[Issue]]:
    fields: dict[str, int] = {}
    issues = []
    for position, header in enumerate(headers):
        key = c.HEADER_FIELD.get(c.header_key(header))
        if key is None and header:
            issues.append(Issue(FILE_ROW, header, WARNING, f"未知列 {quoted(header)}，已忽略。",
                                f"Unknown column {quoted(header)}; ignored."))
        elif key is not None:
            fields.setdefault(key, position)
    return fields, issues


def _row_issues(number: int, cell, tasks: dict[str, Task], seen: dict[str, int], today: date,
                headers: dict[str, str]) -> tuple[list[Issue], dict | None]:
    """The issues of one data row and its progress record (None when the row is not usable or empty)."""
    task_text, status_text = cell("task"), cell("progress")
    note, updated = cell("progress_note"), cell("updated")
    if not task_text and not (status_text or note or updated):
        return [], None  # the source line, a blank or a note row: nothing to report
    issues: list[Issue] = []

    def add(column: str, level: str, zh: str, en: str) -> None:
        issues.append(Issue(number, headers[column], level, zh, en))
    key = task_key(task_text)
    task = tasks.get(key)
    if not task_text:
        add("task", ERROR, "任务编号为空。", "The task number is empty.")
    elif task is None:
        close = difflib.get_close_matches(key, list(tasks), n=1, cutoff=0.6)
        hint_zh, hint_en = (f"是否为 '{close[0]}'？", f" Did you mean '{close[0]}'?") if close else ("", "")
        add("task", ERROR, f"未知任务编号 {quoted(task_text)}。{hint_zh}",
            f"Unknown task number {quoted(task_text)}.{hint_en}")
    elif key in seen:
        add("task", WARNING, f"与第 {seen[key]} 行任务编号相同，本行已忽略。",
            f"Same task number as row {seen[key]}; this row is ignored.")
        return issues, None
    content = cell("content")
    if task is not None and content and normalise(content) != normalise(task.content):
        add("content", WARNING, "内容与方案原文不一致，已按任务编号采用原文。",
            "The content differs from the plan's text; the plan's text is kept for this task number.")
    status = status_of(status_text) if status_text else None
    if status_text and status is None:
        add("progress", ERROR, f"未知进展 {quoted(status_text)}，可填：{allowed_values('zh')}。",
            f"Unknown progress {quoted(status_text)}; allowed: {allowed_values('en')}.")
    elif not status_text and (note or updated):
        add("progress", WARNING, "填写了进展说明或更新日期，但进展为空；本行未计入。",
            "A progress note or date but no progress; the row is not counted.")
    when = parse_date(updated) if updated else None
    if updated and when is None:
        add("updated", ERROR, f"更新日期 {quoted(updated)} 无法识别，请写作 2024-03-31。",
            f"Update date {quoted(updated)} is not a date; write it as 2024-03-31.")
    elif when is not None and not PLAN_DATE <= when <= today:
        add("updated", ERROR, f"更新日期 {when.isoformat()} 不在 {PLAN_DATE.isoformat()} 与今天之间。",
            f"Update date {when.isoformat()} is not between {PLAN_DATE.isoformat()} and today.")
    if task is not None:
        seen.setdefault(key, number)
    if any(i.level == ERROR for i in issues) or status is None:
        return issues, None
    return issues, {"row": number, "task": task.id, "status": status, "note": note,
                    "updated": when.isoformat() if when else ""}


def check_table(raw: RawTable, tasks: tuple[Task, ...], today: date | None = None) -> LedgerCheck:
    """Check every row of a ledger table as read."""
    today = today or date.today()
    fields, issues = _columns(raw.headers)
    issues += list(raw.issues)
    by_key = {t.id: t for t in tasks}
    headers = {k: raw.headers[fields[k]] if k in fields else c.header_of(k, "zh") for k in c.KEYS}
    seen: dict[str, int] = {}
    records, read = [], 0
    empty = pd.Series("", index=raw.cells.index, dtype=object)
    values = {k: (raw.cells[fields[k]].astype(str).str.strip() if k in fields else empty) for k in c.KEYS}
    for number in raw.cells.index:
        found, record = _row_issues(int(number), lambda k: values[k][number], by_key, seen, today, headers)
        read += bool(found or record or values["task"][number])
        issues += found
        if record:
            records.append(record)
    issues = sorted(issues, key=lambda i: i.row)
    valid = pd.DataFrame(records, columns=list(VALID_COLUMNS))
    return LedgerCheck(valid, issues, annotated_table(raw, issues), read, raw.fmt)


def check_ledger(data: bytes, filename: str, tasks: tuple[Task, ...], today: date | None = None) -> LedgerCheck:
    """Read and check a filled ledger (XLSX or CSV); NotALedger when it has no ledger header row,
    ImportRejected when it cannot be read at all."""
    try:
        raw = read_table(data, filename, header=c.is_header)
    except NoHeader:
        raise NotALedger("文件不是任务台账：找不到含“任务编号”和“进展”的表头行。",
                         "The file is not a task ledger: no header row with 任务编号 (Task no.) and "
                         "进展 (Progress).") from None
    return check_table(raw, tasks, today)


def check_file(path: Path | str, tasks: tuple[Task, ...], today: date | None = None) -> LedgerCheck:
    """check_ledger() of a file on disk; a missing, unreadable or too big file is ImportRejected."""
    return check_ledger(read_file(path), Path(path).name, tasks, today)
