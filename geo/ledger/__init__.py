"""The 2022 plan's task ledger (任务台账): each task with its 责任单位, out to Excel and back with progress.

Reading order: units (the 责任单位 paragraphs parsed by the vocabulary file) -> tasks (the numbered
tasks, their text and paragraph) -> join (which records each task holds, computed from the records'
own 2022 citations) -> columns and rows (the ledger's table for a selection) -> workbook (XLSX, CSV)
-> progress and check (a filled ledger read back) -> reported (its progress onto records, counts).
The names below are its public face; callers import from here.
"""

from geo.ledger.check import LedgerCheck, NotALedger, check_file, check_ledger, parse_date
from geo.ledger.columns import COLUMNS, headers
from geo.ledger.join import ANY, LEAD, ROLES, Ledger, TaskFacts, ledger_of
from geo.ledger.progress import STATUSES, allowed_values, status_of
from geo.ledger.reported import COUNT_KEYS, NOT_REPORTED, counts, record_status
from geo.ledger.rows import Selection, ledger_frame, select
from geo.ledger.tasks import Task, read_tasks
from geo.ledger.units import read_vocabulary
from geo.ledger.workbook import ledger_csv, ledger_xlsx

__all__ = [
    "ANY", "LEAD", "ROLES", "COLUMNS", "COUNT_KEYS", "NOT_REPORTED", "STATUSES", "Ledger", "LedgerCheck",
    "NotALedger", "Selection", "Task", "TaskFacts", "allowed_values", "check_file", "check_ledger", "counts",
    "headers", "ledger_csv", "ledger_frame", "ledger_of", "ledger_xlsx", "parse_date", "read_tasks",
    "read_vocabulary", "record_status", "select", "status_of",
]
