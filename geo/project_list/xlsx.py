"""Read the first sheet of an XLSX workbook (python-calamine) as text cells, rejecting what would not fit."""

from __future__ import annotations

import io
import math
import posixpath
import re
import zipfile
from datetime import date, datetime, time, timedelta
from xml.etree import ElementTree

from geo.project_list.issues import ImportRejected

MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
"""An XLSX is a zip: this bounds what 10 MB may expand to (a zip bomb is rejected unread)."""
MAX_SHEET_CELLS = 5_000_000
"""Cells of the sheet's area from A1 to its last cell, blank ones included. calamine holds that area
whole (32 bytes a cell), so a 5 KB file with one value in XFD1048576 would ask for 550 GB and abort
the server: such a sheet is rejected unread. 20,001 rows × 200 columns is 4 million."""

_CELL_REF = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?c r="([A-Z]{1,3})([1-9][0-9]{0,6})"')
_CELL_STARTS = tuple(b"<c" + end for end in (b" ", b">", b"/", b"\t", b"\n", b"\r"))
_PREFIXED_CELL = re.compile(rb"<[A-Za-z_][\w.-]*:c[\s/>]")
"""Every way a cell's start tag may begin: <c or <x:c (OpenXML SDK files use a prefix)."""


def _reject_unreadable() -> None:
    raise ImportRejected("XLSX 工作簿无法读取（文件损坏或不是 Excel 工作簿）。",
                         "The XLSX workbook cannot be read (damaged, or not an Excel workbook).")


def _reject_expanding() -> None:
    raise ImportRejected("工作簿解压后过大，拒绝读取。", "The workbook expands to too much data; not read.")


def _open_zip(data: bytes) -> zipfile.ZipFile:
    """The workbook's zip, after checking what it expands to."""
    try:
        book = zipfile.ZipFile(io.BytesIO(data))
        size = sum(info.file_size for info in book.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ImportRejected("文件不是有效的 .xlsx 工作簿。", "The file is not a valid .xlsx workbook.") from None
    if size > MAX_UNZIPPED_BYTES:
        _reject_expanding()
    return book


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _first_sheet_part(book: zipfile.ZipFile) -> str:
    """The zip member of the workbook's first sheet, found as calamine finds it (workbook.xml and its rels)."""
    workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
    sheet = next(e for e in workbook.iter() if _local(e.tag) == "sheet")
    rel_id = next(v for k, v in sheet.attrib.items() if _local(k) == "id")
    rels = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    target = next(e.get("Target", "") for e in rels.iter() if _local(e.tag) == "Relationship" and e.get("Id") == rel_id)
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def sheet_extent(xml: bytes) -> tuple[int, int] | None:
    """(rows, columns) from A1 to the sheet's last cell; None when a cell tag lacks the usual r="A1" first."""
    refs = _CELL_REF.findall(xml)
    cells = sum(xml.count(start) for start in _CELL_STARTS)
    if b":c" in xml:
        cells += len(_PREFIXED_CELL.findall(xml))
    if len(refs) != cells:
        return None
    if not refs:
        return 0, 0
    letters, numbers = zip(*refs)
    return max(map(int, numbers)), _column_number(max(set(letters), key=lambda c: (len(c), c)))


def _checked_extent(data: bytes) -> int:
    """Rows of the first sheet; a sheet too big to hold, or written in a form not checked, is rejected."""
    with _open_zip(data) as book:
        try:
            xml = book.read(_first_sheet_part(book))
        except (KeyError, StopIteration, ElementTree.ParseError, zipfile.BadZipFile, OSError, ValueError, EOFError):
            _reject_unreadable()
    extent = sheet_extent(xml)
    if extent is None:
        _reject_unreadable()
    rows, columns = extent
    if rows * columns > MAX_SHEET_CELLS:
        _reject_expanding()
    return rows


def cell_text(value: object) -> str:
    """A cell as text: integral floats without '.0', dates in ISO form, empty cells ''."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value)


def first_sheet_rows(data: bytes, max_rows: int) -> tuple[list[list[str]], bool]:
    """The first sheet's rows from row 1 (at most max_rows, blank rows kept) and whether it has more rows."""
    import python_calamine

    rows = _checked_extent(data)
    try:
        with python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)) as book:
            # skip_empty_area=False: the first row read is row 1, so row numbers stay the sheet's own.
            values = book.get_sheet_by_index(0).to_python(skip_empty_area=False, nrows=max_rows)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # calamine raises several kinds on a damaged workbook, a Rust panic among them
        _reject_unreadable()
    return [[v if v.__class__ is str else cell_text(v) for v in row] for row in values], rows > max_rows
