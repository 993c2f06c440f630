"""Read a user's table (CSV, XLSX or GeoJSON bytes) into text cells, rejecting what cannot be read."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from geo.project_list.issues import ERROR, FILE_ROW, WARNING, ImportRejected, Issue
from geo.project_list.xlsx import first_sheet_rows

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
MAX_COLUMNS = 200
MAX_SHEET_ROWS = 5 * MAX_ROWS
"""Rows of a sheet looked at, blank ones included (styled empty rows can run to a million)."""

DELIMITERS = (",", "\t", ";")
LON_HEADER, LAT_HEADER = "lon", "lat"
"""The columns a GeoJSON point's coordinates are read into."""

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
BINARY_CONTROL_SHARE = 0.01
"""Text with a NUL, or with more than this share of control characters, is a binary file (a stray
vertical tab from a spreadsheet cell is not)."""
_MB = 1024 * 1024


@dataclass(frozen=True)
class RawTable:
    """A table as read: header texts, cells as unstripped text, reading issues.

    cells has positional columns 0..len(headers)-1 and is indexed by the source row number:
    the spreadsheet row for CSV and XLSX (the header is row 1), the feature number for GeoJSON.
    """

    headers: tuple[str, ...]
    cells: pd.DataFrame
    issues: tuple[Issue, ...]
    fmt: str


def check_size(size: int) -> None:
    """Reject a file of more than MAX_BYTES."""
    if size > MAX_BYTES:
        raise ImportRejected(
            f"文件过大（{size / _MB:.1f} MB），上限为 {MAX_BYTES // _MB} MB。请拆分后分批导入。",
            f"The file is too big ({size / _MB:.1f} MB); the limit is {MAX_BYTES // _MB} MB. "
            "Split it and import the parts.")


def read_file(path: Path | str) -> bytes:
    """A user's file's bytes; a missing, unreadable or too big file is ImportRejected."""
    path = Path(path)
    try:
        check_size(path.stat().st_size)
        with path.open("rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ImportRejected(f"无法打开文件：{reason}。", f"Cannot open the file: {reason}.") from None


def _reject_rows(count: int | None) -> None:
    got = f"{count:,} 行，" if count is not None else ""
    got_en = f"{count:,} rows; " if count is not None else ""
    raise ImportRejected(f"行数过多（{got}上限为 {MAX_ROWS:,} 行）。请拆分后分批导入。",
                         f"Too many rows ({got_en}the limit is {MAX_ROWS:,}). Split the file and import the parts.")


def _reject_columns(count: int) -> None:
    raise ImportRejected(f"列数过多（{count} 列，上限为 {MAX_COLUMNS} 列）。",
                         f"Too many columns ({count}; the limit is {MAX_COLUMNS}).")


def sniff(data: bytes, filename: str = "") -> str:
    """The format of the bytes: by content first (zip, JSON object), then by the file's ending."""
    ending = filename.rsplit(".", 1)[-1].casefold() if "." in filename else ""
    if data.startswith(_ZIP_MAGIC):
        return "xlsx"
    if data.startswith(_OLE_MAGIC) or ending == "xls":
        raise ImportRejected("不支持旧版 Excel（.xls）文件。请在 Excel 中另存为 .xlsx 或 CSV（UTF-8）。",
                             "Old Excel (.xls) files are not supported. Save it as .xlsx or CSV (UTF-8).")
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{") or ending in ("geojson", "json"):
        return "geojson"
    if ending == "xlsx":
        raise ImportRejected("文件不是有效的 .xlsx 工作簿。", "The file is not a valid .xlsx workbook.")
    return "csv"


def decode(data: bytes) -> str:
    """Text of the bytes: UTF-16 with a BOM, UTF-8 (with or without BOM), else GB18030 (covers GBK)."""
    if data.startswith(_UTF16_BOMS):
        encodings: tuple[str, ...] = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\0" in text or len(_CONTROL.findall(text)) > BINARY_CONTROL_SHARE * len(text):
            break
        return text
    raise ImportRejected(
        "无法读取：文件不是文本表格（可能是二进制文件或编码无法识别）。请上传 CSV（UTF-8 或 GBK）、XLSX 或 GeoJSON。",
        "Cannot read the file: it is not a text table (binary, or an unknown encoding). "
        "Upload CSV (UTF-8 or GBK), XLSX or GeoJSON.")


def _blank(record: list[str]) -> bool:
    return not any(c.strip() for c in record)


def _trim(record: list[str]) -> list[str]:
    end = len(record)
    while end and not record[end - 1].strip():
        end -= 1
    return record[:end]


HeaderTest = Callable[[list[str]], bool]
"""Whether a record is the header row (default: the first non-blank record is)."""


class NoHeader(ImportRejected):
    """No record of the table is the header its reader looks for (e.g. not a task ledger)."""


def _table(records: list[list[str]], fmt: str, issues: list[Issue] | None = None,
           keep_blank: bool = False, header: HeaderTest | None = None) -> RawTable:
    """Header = first non-blank record (or the first that passes `header`, records above it are
    skipped); blank records are skipped (unless kept) but keep their numbers."""
    issues = list(issues or [])
    start = next((i for i, r in enumerate(records) if not _blank(r) and (header is None or header(r))), None)
    if start is None and header is not None:
        raise NoHeader("表格中没有所需的表头行。", "No row of the table is the header looked for.")
    if start is None:
        raise ImportRejected("文件为空：没有表头，也没有数据。", "The file is empty: no header and no data.")
    headers = [h.replace("\ufeff", "").strip() for h in _trim(records[start])]
    width = len(headers)
    if width > MAX_COLUMNS:
        _reject_columns(width)
    rows, numbers = [], []
    for number, record in enumerate(records[start + 1:], start=start + 2):
        if _blank(record) and not keep_blank:
            continue
        if len(record) < width:
            record = record + [""] * (width - len(record))
        elif len(record) > width:
            extra = [c for c in record[width:] if c.strip()]
            if extra:
                issues.append(Issue(number, "", WARNING,
                                    f"此行比表头多 {len(extra)} 个单元格（无列名），已忽略。",
                                    f"{len(extra)} cell(s) beyond the header (no column name); ignored."))
            record = record[:width]
        rows.append(record)
        numbers.append(number)
    if len(rows) > MAX_ROWS:
        _reject_rows(len(rows))
    cells = pd.DataFrame(rows, index=pd.Index(numbers, name="row", dtype="int64"),
                         columns=range(width), dtype=object)
    return RawTable(tuple(headers), cells, tuple(issues), fmt)


def _read_csv(data: bytes, header: HeaderTest | None = None) -> RawTable:
    text = decode(data)
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(DELIMITERS, key=first.count)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:
        raise ImportRejected("CSV 无法解析（引号不配对或单元格过长）。请在表格软件中重新导出为 CSV。",
                             "The CSV cannot be parsed (unbalanced quotes or an over-long cell). "
                             "Export it again from your spreadsheet.") from None
    return _table(records, "csv", header=header)


def _read_xlsx(data: bytes, header: HeaderTest | None = None) -> RawTable:
    rows, more = first_sheet_rows(data, MAX_SHEET_ROWS)
    records: list[list[str]] = []
    filled = 0
    for row in rows:
        # Rows as long as their last cell, not as the sheet's widest row.
        record = _trim(row)
        if len(record) > MAX_COLUMNS:
            _reject_columns(len(record))
        records.append(record)
        filled += bool(record)
        if filled > MAX_ROWS + 1:  # header + rows
            _reject_rows(None)
    issues = []
    if more:
        issues.append(Issue(FILE_ROW, "", WARNING, f"只读取了工作表的前 {MAX_SHEET_ROWS:,} 行。",
                            f"Only the first {MAX_SHEET_ROWS:,} rows of the sheet were read."))
    return _table(records, "xlsx", issues, header=header)


def _json_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _point(geometry: object) -> tuple[str, str, str]:
    """(lon, lat, problem) of a GeoJSON geometry; problem is '' for a point or no geometry."""
    if geometry is None:
        return "", "", ""
    if not isinstance(geometry, dict):
        return "", "", "invalid"
    kind = geometry.get("type")
    coords = geometry.get("coordinates")
    if kind != "Point":
        return "", "", str(kind)
    ok = (isinstance(coords, list) and len(coords) >= 2
          and all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in coords[:2]))
    if not ok:
        return "", "", "invalid"
    return str(coords[0]), str(coords[1]), ""


def _features(doc: object) -> list:
    if isinstance(doc, dict) and doc.get("type") == "FeatureCollection" and isinstance(doc.get("features"), list):
        return doc["features"]
    if isinstance(doc, dict) and doc.get("type") == "Feature":
        return [doc]
    raise ImportRejected("JSON 文件不是 GeoJSON 要素集合（FeatureCollection）。",
                         "The JSON file is not a GeoJSON FeatureCollection.")


def _read_geojson(data: bytes) -> RawTable:
    try:
        doc = json.loads(decode(data))
    except (ValueError, RecursionError):
        raise ImportRejected("GeoJSON 无法解析：不是有效的 JSON。", "The GeoJSON cannot be parsed: not valid JSON.") from None
    features = _features(doc)
    if len(features) > MAX_ROWS:
        _reject_rows(len(features))
    props = [f.get("properties") if isinstance(f, dict) else None for f in features]
    props = [p if isinstance(p, dict) else {} for p in props]
    keys = list(dict.fromkeys(str(k) for p in props for k in p))
    if len(keys) > MAX_COLUMNS:
        _reject_columns(len(keys))
    with_geometry = any(isinstance(f, dict) and f.get("geometry") is not None for f in features)
    headers = ([LON_HEADER, LAT_HEADER] if with_geometry else []) + keys
    issues, records = [], [headers]
    for number, (feature, prop) in enumerate(zip(features, props), start=1):
        values = {str(k): _json_cell(v) for k, v in prop.items()}
        lon = lat = ""
        if not isinstance(feature, dict):
            issues.append(Issue(number, "", ERROR, "不是 GeoJSON 要素（Feature）。", "Not a GeoJSON Feature."))
        else:
            lon, lat, problem = _point(feature.get("geometry"))
            if problem:
                issues.append(Issue(number, "geometry", ERROR,
                                    f"几何类型 {problem} 无效：仅支持点（Point）。",
                                    f"Geometry {problem} is not supported: only Point."))
        geometry_cells = [lon, lat] if with_geometry else []
        records.append(geometry_cells + [values.get(k, "") for k in keys])
    if not features:
        raise ImportRejected("GeoJSON 中没有要素。", "The GeoJSON holds no features.")
    if _blank(headers):
        raise ImportRejected("GeoJSON 的要素既没有属性，也没有点坐标。",
                             "The GeoJSON features have no properties and no points.")
    # Every feature is a row, blank or not, numbered 1.. (the header record above is not in the file).
    table = _table(records, "geojson", issues, keep_blank=True)
    return RawTable(table.headers, table.cells.set_axis(table.cells.index - 1), table.issues, "geojson")


def read_table(data: bytes, filename: str = "", header: HeaderTest | None = None) -> RawTable:
    """Read the bytes of a CSV, XLSX or GeoJSON file; raise ImportRejected when impossible. With a
    header test, the header is the first row passing it (NoHeader when none does; GeoJSON has none)."""
    check_size(len(data))
    if not data.strip():
        raise ImportRejected("文件为空。", "The file is empty.")
    fmt = sniff(data, filename)
    if header is not None:
        if fmt == "geojson":
            raise NoHeader("GeoJSON 文件没有表头行。", "A GeoJSON file has no header row.")
        return {"csv": _read_csv, "xlsx": _read_xlsx}[fmt](data, header)
    reader = {"csv": _read_csv, "xlsx": _read_xlsx, "geojson": _read_geojson}[fmt]
    return reader(data)
