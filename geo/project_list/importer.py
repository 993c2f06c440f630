"""Import a user's project list: map its columns, validate and locate every row, keep the usable ones."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.crs import WGS84
from geo.project_list.issues import ERROR, FILE_ROW, WARNING, Issue, quoted
from geo.project_list.names import Names, build_names, normalise
from geo.project_list.read import RawTable, read_file, read_table
from geo.project_list.rows import Located, RowIssues, county_index, locate, lookup, unknown_name
from geo.languages import list_separator

FIELDS: dict[str, tuple[str, ...]] = {
    "name": ("name", "name_zh", "名称", "项目名称"),
    "category": ("category", "类别"),
    "city": ("city", "市州", "城市"),
    "lon": ("lon", "lng", "longitude", "经度"),
    "lat": ("lat", "latitude", "纬度"),
    "place": ("place", "地点"),
    "county": ("county", "县区"),
}
"""Each field and the column names it is read from (compared after normalise())."""

FIELD_LABELS = {"name": ("名称", "name"), "category": ("类别", "category"), "city": ("市州", "city"),
                "lon": ("经度", "longitude"), "lat": ("纬度", "latitude"), "place": ("地点", "place"),
                "county": ("县区", "county")}
ERROR_COLUMN = "error"
COLUMN_CUTOFF = 0.6
COORD_DECIMALS = 6
RESULT_COLUMNS = ("row", "name", "category", "city", "city_input", "county", "county_adcode",
                  "located_by", "warnings", "warnings_en")

_ALIAS_FIELD = {normalise(a): f for f, aliases in FIELDS.items() for a in aliases}
_KNOWN_COLUMNS = tuple(_ALIAS_FIELD)
_LEVEL_ZH = {ERROR: "错误", WARNING: "警告"}


@dataclass(frozen=True)
class ImportResult:
    """An imported list: the usable rows on the map, every issue, and the table as read + error column."""

    valid: gpd.GeoDataFrame
    issues: list[Issue]
    table: pd.DataFrame
    rows_read: int
    fmt: str

    @property
    def errors(self) -> int:
        """How many error issues."""
        return sum(i.level == ERROR for i in self.issues)

    @property
    def warnings(self) -> int:
        """How many warning issues."""
        return sum(i.level == WARNING for i in self.issues)


# ---------------------------------------------------------------- columns


def _map_columns(headers: tuple[str, ...], cells: pd.DataFrame) -> tuple[dict[str, list[int]], list[Issue]]:
    """Field -> column positions (first wins, later ones fill its blanks); warnings for odd columns."""
    fields: dict[str, list[int]] = {}
    issues = []
    for position, header in enumerate(headers):
        field = _ALIAS_FIELD.get(normalise(header))
        if not header:
            if cells[position].astype(str).str.strip().ne("").any():
                issues.append(Issue(FILE_ROW, f"#{position + 1}", WARNING,
                                    f"第 {position + 1} 列没有列名，已忽略。",
                                    f"Column {position + 1} has no name; ignored."))
        elif field is None:
            close = difflib.get_close_matches(normalise(header), _KNOWN_COLUMNS, n=1, cutoff=COLUMN_CUTOFF)
            if close:
                issues.append(Issue(FILE_ROW, header, WARNING,
                                    f"未知列 {quoted(header)}，是否为 '{close[0]}'？此列已忽略。",
                                    f"Unknown column {quoted(header)}: did you mean '{close[0]}'? Ignored."))
            else:
                issues.append(Issue(FILE_ROW, header, WARNING, f"未知列 {quoted(header)}，已忽略。",
                                    f"Unknown column {quoted(header)}; ignored."))
        elif field in fields:
            first = fields[field][0]
            fields[field].append(position)
            mine, theirs = cells[position].astype(str).str.strip(), cells[first].astype(str).str.strip()
            if ((mine != "") & (theirs != "") & (mine != theirs)).any():
                issues.append(Issue(
                    FILE_ROW, header, WARNING,
                    f"列 {quoted(header)} 与 {quoted(headers[first])} 是同一字段；两者都有值时采用 {quoted(headers[first])}。",
                    f"Columns {quoted(header)} and {quoted(headers[first])} are the same field; "
                    f"where both have a value, {quoted(headers[first])} is used."))
        else:
            fields[field] = [position]
    return fields, issues


def _misspelt(headers: tuple[str, ...], field: str) -> str | None:
    """An unknown header that is probably the field's column."""
    for header in headers:
        if header and normalise(header) not in _ALIAS_FIELD:
            close = difflib.get_close_matches(normalise(header), _KNOWN_COLUMNS, n=1, cutoff=COLUMN_CUTOFF)
            if close and _ALIAS_FIELD[close[0]] == field:
                return header
    return None


def _missing_columns(fields: dict[str, list[int]], headers: tuple[str, ...]) -> list[Issue]:
    """File-level errors: no name column, or no way to locate a row."""
    issues = []
    if "name" not in fields:
        hint_zh = hint_en = ""
        if (typo := _misspelt(headers, "name")) is not None:
            hint_zh, hint_en = f"列 {quoted(typo)} 是否为 'name'？", f" Is column {quoted(typo)} meant to be 'name'?"
        issues.append(Issue(FILE_ROW, "name", ERROR,
                            f"缺少名称列（name、名称 或 项目名称）。{hint_zh}",
                            f"Missing the name column (name, 名称 or 项目名称).{hint_en}"))
    for have, lack in (("lon", "lat"), ("lat", "lon")):
        if have in fields and lack not in fields:
            zh, en = FIELD_LABELS[lack]
            aliases = ", ".join(FIELDS[lack])
            issues.append(Issue(FILE_ROW, lack, ERROR, f"有{FIELD_LABELS[have][0]}列，但缺少{zh}列（{aliases}）。",
                                f"A {FIELD_LABELS[have][1]} column but no {en} column ({aliases})."))
    if not ({"lon", "lat"} & fields.keys()) and not ({"place", "county"} & fields.keys()):
        issues.append(Issue(FILE_ROW, "lon/lat", ERROR,
                            "缺少位置列：需要经度和纬度（lon/lat、经度/纬度），或地点（place/地点），或县区（county/县区）。",
                            "Missing a location: give lon and lat (lon/lat, 经度/纬度), a place (place/地点) "
                            "or a county (county/县区)."))
    return issues


def _issue_texts(issues: list[Issue], levels: tuple[str, ...], lang: str) -> dict[int, str]:
    texts: dict[int, list[str]] = defaultdict(list)
    for issue in issues:
        if issue.level in levels:
            texts[issue.row].append(issue.message(lang))
    sep = list_separator(lang)
    return {row: sep.join(parts) for row, parts in texts.items()}


def _empty_valid() -> gpd.GeoDataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype="int64" if c == "row" else object) for c in RESULT_COLUMNS})
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries([], crs=WGS84), crs=WGS84)


def annotated_table(raw: RawTable, issues: list[Issue]) -> pd.DataFrame:
    """The table as read, header names restored, plus the error column (file errors on every row)."""
    table = raw.cells.set_axis(list(raw.headers), axis=1)
    every_row = [f"[{_LEVEL_ZH[i.level]} {i.level}] {i.message_zh} / {i.message_en}"
                 for i in issues if i.row == FILE_ROW and i.level == ERROR]
    per_row: dict[int, list[str]] = defaultdict(list)
    for issue in issues:
        if issue.row != FILE_ROW:
            where = f"{issue.column}: " if issue.column else ""
            per_row[issue.row].append(f"[{_LEVEL_ZH[issue.level]} {issue.level}] {where}"
                                      f"{issue.message_zh} / {issue.message_en}")
    name = ERROR_COLUMN
    while name in table.columns:
        name = f"{name}_"
    texts = [" | ".join(every_row + per_row.get(int(row), [])) for row in table.index]
    return table.assign(**{name: texts})



def _reader(cells: pd.DataFrame, fields: dict[str, list[int]]) -> Callable[[str], pd.Series]:
    """A field's text per row: its first column, blanks filled from its repeated columns."""
    empty = pd.Series("", index=cells.index, dtype=object)

    def col(field: str) -> pd.Series:
        if field not in fields:
            return empty
        values = cells[fields[field][0]].astype(str)
        for position in fields[field][1:]:
            values = values.where(values.str.strip() != "", cells[position].astype(str))
        return values
    return col


def _in_counties(counties: gpd.GeoDataFrame, at: Located, ok: pd.Series) -> pd.DataFrame:
    """Per row: inside (the plan area), prefecture, county and adcode of its point ('' outside)."""
    where = pd.Series(-1, index=ok.index, dtype="int64")
    where[ok] = county_index(counties, at.x[ok].to_numpy(float), at.y[ok].to_numpy(float))
    inside = where >= 0
    pos = where.clip(lower=0).to_numpy()
    frame = pd.DataFrame({"inside": inside}, index=ok.index)
    for out, column in (("prefecture", "prefecture"), ("county", "name_zh"), ("adcode", "adcode")):
        frame[out] = pd.Series(counties[column].to_numpy()[pos], index=ok.index, dtype=object).where(inside, "")
    return frame


def _duplicates(r: RowIssues, name: pd.Series, at: Located, ok: pd.Series, column: str) -> pd.Series:
    """Rows repeating an earlier row's name and location (warned; the first is kept)."""
    key = pd.DataFrame({"n": name, "x": at.x.round(COORD_DECIMALS - 1), "y": at.y.round(COORD_DECIMALS - 1)})[ok]
    duplicate = key.duplicated(keep="first").reindex(ok.index, fill_value=False)
    if duplicate.any():
        first = pd.Series(key.index, index=key.index).groupby([key["n"], key["x"], key["y"]]).transform("first")
        r.add(duplicate, column, WARNING, lambda f: (
            f"与第 {int(f)} 行重复（名称和位置相同），已忽略。",
            f"Duplicate of row {int(f)} (same name and location); ignored."), first.reindex(ok.index))
    return duplicate


def validate_table(raw: RawTable, names: Names, counties: gpd.GeoDataFrame, *, gcj02: bool = False) -> ImportResult:
    """Validate and locate every row of a table as read."""
    fields, issues = _map_columns(raw.headers, raw.cells)
    issues += list(raw.issues)
    file_errors = _missing_columns(fields, raw.headers)
    cells = raw.cells
    if cells.empty:
        file_errors.append(Issue(FILE_ROW, "", ERROR, "表格没有数据行。", "The table has no data rows."))
    if file_errors:
        issues = sorted(issues + file_errors, key=lambda i: i.row)
        return ImportResult(_empty_valid(), issues, annotated_table(raw, issues), len(cells), raw.fmt)

    col = _reader(cells, fields)
    present = {f: raw.headers[ps[0]] for f, ps in fields.items()}
    r = RowIssues(cells.index)
    unreadable = pd.Series(cells.index.isin([i.row for i in raw.issues if i.level == ERROR]), index=cells.index)
    r.bad |= unreadable
    name = col("name").str.strip()
    r.add(name == "", present["name"], ERROR, lambda: ("名称为空。", "The name is empty."))
    at = locate(r, col, present, names, counties, gcj02, unreadable)
    city_input = col("city").str.strip()
    city_known = lookup(city_input, names.cities)
    unknown_name(r, city_input, (city_input != "") & city_known.isna(), pd.Series(True, index=cells.index),
                 present.get("city", "city"), ("市州", "city"), names.city_choices, names)

    ok = ~r.bad
    where = _in_counties(counties, at, ok)
    r.add(ok & ~where["inside"], "", WARNING, lambda a, b: (
        f"位置 ({a:.5f}, {b:.5f}) 在规划范围（39 个县区）之外。",
        f"The location ({a:.5f}, {b:.5f}) is outside the plan area (the 39 counties)."), at.x, at.y)
    mismatch = ok & where["inside"] & city_known.notna() & (city_known != where["prefecture"])
    r.add(mismatch, present.get("city", "city"), WARNING, lambda given, p: (
        f"市州 {quoted(given)} 与位置所在的 '{p}' 不符；按位置采用 '{p}'。",
        f"City {quoted(given)} differs from '{p}', where the location is; '{p}' is used."),
        city_input, where["prefecture"])
    keep = ok & ~_duplicates(r, name, at, ok, present["name"])

    issues = sorted(issues + r.issues, key=lambda i: i.row)
    warn_zh = _issue_texts(r.issues, (WARNING,), "zh")
    warn_en = _issue_texts(r.issues, (WARNING,), "en")
    rows = cells.index[keep.to_numpy()]
    city = where["prefecture"].where(where["inside"], city_known.fillna("")).astype(object)
    valid = gpd.GeoDataFrame({
        "row": rows.to_numpy(dtype="int64"),
        "name": name[keep].to_numpy(object),
        "category": col("category").str.strip()[keep].to_numpy(object),
        "city": city[keep].to_numpy(object),
        "city_input": city_input[keep].to_numpy(object),
        "county": where["county"][keep].to_numpy(object),
        "county_adcode": where["adcode"][keep].to_numpy(object),
        "located_by": at.by[keep].to_numpy(object),
        "warnings": np.array([warn_zh.get(int(i), "") for i in rows], dtype=object),
        "warnings_en": np.array([warn_en.get(int(i), "") for i in rows], dtype=object),
    }, geometry=shapely.points(at.x[keep].to_numpy(float), at.y[keep].to_numpy(float)), crs=WGS84)
    return ImportResult(valid, issues, annotated_table(raw, issues), len(cells), raw.fmt)


# ---------------------------------------------------------------- entry points


def import_projects(data: bytes, filename: str, places: gpd.GeoDataFrame, counties: gpd.GeoDataFrame,
                    *, gcj02: bool = False) -> ImportResult:
    """Read and validate a project list; raise ImportRejected when the whole file is unusable."""
    return validate_table(read_table(data, filename), build_names(places, counties), counties, gcj02=gcj02)


def import_file(path: Path | str, places: gpd.GeoDataFrame, counties: gpd.GeoDataFrame,
                *, gcj02: bool = False) -> ImportResult:
    """import_projects() of a file on disk; a missing, unreadable or too big file is ImportRejected."""
    return import_projects(read_file(path), Path(path).name, places, counties, gcj02=gcj02)


def filter_imported(gdf: gpd.GeoDataFrame, cities: tuple[str, ...], county_adcode: str) -> gpd.GeoDataFrame:
    """The imported rows in the chosen cities and county, like the plan's projects; empty means any."""
    keep = pd.Series(True, index=gdf.index)
    if cities:
        keep &= gdf["city"].isin(cities)
    if county_adcode:
        keep &= gdf["county_adcode"] == county_adcode
    return gdf[keep]
