"""The project-list importer: a user's CSV, XLSX or GeoJSON list of projects, checked row by row.

Reading order: issues (what an import reports) -> read (bytes to text cells; xlsx for workbooks)
-> names (place, county and city names) -> rows (locating each row) -> importer (validation, the
usable rows) -> outputs (files given back) and report (issues as text). The names below are its
public face; callers import from here.
"""

from geo.project_list.importer import (
    ERROR_COLUMN, FIELDS, ImportResult, filter_imported, import_file, import_projects, validate_table)
from geo.project_list.issues import ImportRejected, Issue
from geo.project_list.outputs import annotated_csv, imported_csv, imported_geojson
from geo.project_list.read import MAX_BYTES, MAX_COLUMNS, MAX_ROWS
from geo.project_list.report import issue_row_label, issues_frame, report_lines, summary_line
from geo.project_list.rows import LOCATED_BY

__all__ = [
    "MAX_BYTES", "MAX_COLUMNS", "MAX_ROWS", "FIELDS", "LOCATED_BY", "ERROR_COLUMN", "ImportRejected", "Issue",
    "ImportResult", "import_projects", "import_file", "validate_table", "annotated_csv", "imported_csv",
    "imported_geojson", "filter_imported", "report_lines", "summary_line", "issue_row_label", "issues_frame",
]
