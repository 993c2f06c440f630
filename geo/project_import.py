"""Bring your own projects: read a user's list, validate and locate every row, report, export."""

from __future__ import annotations

import difflib
import io
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.crs import WGS84
from geo.gcj02 import gcj02_to_wgs84
from geo.project_issues import ERROR, FILE_ROW, WARNING, ImportRejected, Issue, quoted
from geo.project_names import Names, build_names, normalise, normalise_series, suggestion
from geo.project_read import MAX_BYTES, MAX_COLUMNS, MAX_ROWS, RawTable, check_size, read_table
from geo.schema import REGION_BOUNDS

__all__ = [
    "MAX_BYTES", "MAX_COLUMNS", "MAX_ROWS", "FIELDS", "ImportRejected", "Issue", "ImportResult",
    "import_projects", "import_file", "annotated_csv", "imported_csv", "imported_geojson",
    "filter_imported", "report_lines",
]

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
LOCATED_BY = ("lonlat", "place", "county_seat")
ERROR_COLUMN = "error"
COLUMN_CUTOFF = 0.6
MAX_SUGGESTED = 500
"""Distinct unknown names that get a difflib suggestion; past that, matching would dominate the time."""
COORD_DECIMALS = 6
RESULT_COLUMNS = ("row", "name", "category", "city", "city_input", "county", "county_adcode",
                  "located_by", "warnings", "warnings_en")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$"
"""A cell like -73.9 stays a number: only text that a spreadsheet would evaluate is quoted."""

_ALIAS_FIELD = {normalise(a): f for f, aliases in FIELDS.items() for a in aliases}
_KNOWN_COLUMNS = tuple(_ALIAS_FIELD)


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
            issues.append(Issue(FILE_ROW, lack, ERROR, f"有{FIELD_LABELS[have][0]}列，但缺少{zh}列（{', '.join(FIELDS[lack])}）。",
                                f"A {FIELD_LABELS[have][1]} column but no {en} column ({', '.join(FIELDS[lack])})."))
    if not ({"lon", "lat"} & fields.keys()) and not ({"place", "county"} & fields.keys()):
        issues.append(Issue(FILE_ROW, "lon/lat", ERROR,
                            "缺少位置列：需要经度和纬度（lon/lat、经度/纬度），或地点（place/地点），或县区（county/县区）。",
                            "Missing a location: give lon and lat (lon/lat, 经度/纬度), a place (place/地点) "
                            "or a county (county/县区)."))
    return issues


# ---------------------------------------------------------------- rows


class _Rows:
    """Issues of the rows as they are found, and which rows have an error."""

    def __init__(self, index: pd.Index) -> None:
        self.issues: list[Issue] = []
        self.bad = pd.Series(False, index=index)

    def add(self, mask: pd.Series, column: str, level: str,
            message: Callable[..., tuple[str, str]], *values: pd.Series) -> None:
        """An issue on each masked row; message(*values of the row) gives its texts."""
        picked = mask.to_numpy(dtype=bool)
        rows = mask.index[picked]
        # Values are taken out in bulk: a pandas lookup per row would cost most of the import time.
        columns = [v.to_numpy(dtype=object)[picked] for v in values]
        for row, *args in zip(rows, *columns) if columns else ((row,) for row in rows):
            zh, en = message(*args)
            self.issues.append(Issue(int(row), column, level, zh, en))
        if level == ERROR and len(rows):
            self.bad.loc[rows] = True


def _lookup(values: pd.Series, table: dict[str, object]) -> pd.Series:
    return normalise_series(values).map(table)


def _suggestions(values: Iterable[str], choices: tuple[str, ...], names: Names) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for value in dict.fromkeys(values):
        found[value] = suggestion(value, choices, names) if len(found) < MAX_SUGGESTED else None
    return found


def _unknown_message(kind_zh: str, kind_en: str, hint: str | None, value: str, used: bool) -> tuple[str, str]:
    tail_zh = f"是否为 '{hint}'？" if hint else ""
    tail_en = f" Did you mean '{hint}'?" if hint else ""
    if not used:
        tail_zh += "（未用于定位）"
        tail_en += " (not used to locate the row)"
    return (f"未知{kind_zh} {quoted(value)}。{tail_zh}", f"Unknown {kind_en} {quoted(value)}.{tail_en}")


def _county_index(counties: gpd.GeoDataFrame, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Position of the county each point is in, -1 outside the plan area."""
    out = np.full(len(x), -1, dtype=np.int64)
    for position, geometry in enumerate(counties.geometry):
        todo = np.flatnonzero(out < 0)  # a point on a shared border goes to the first county
        if not len(todo):
            break
        shapely.prepare(geometry)
        out[todo[shapely.intersects_xy(geometry, x[todo], y[todo])]] = position
    return out


def _numbers(text: pd.Series) -> pd.Series:
    values = pd.to_numeric(text.where(text != ""), errors="coerce")
    return values.where(np.isfinite(values.to_numpy(dtype=float)))


def _locate(r: _Rows, col: Callable[[str], pd.Series], present: dict[str, bool],
            names: Names, counties: gpd.GeoDataFrame, gcj02: bool,
            unreadable: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """x, y (WGS-84) and located_by of every row, with the issues of the location columns."""
    index = r.bad.index
    x = pd.Series(np.nan, index=index)
    y = pd.Series(np.nan, index=index)
    by = pd.Series("", index=index, dtype=object)
    lon_text = col("lon").str.normalize("NFKC").str.strip()
    lat_text = col("lat").str.normalize("NFKC").str.strip()
    has_lon, has_lat = lon_text != "", lat_text != ""
    lon, lat = _numbers(lon_text), _numbers(lat_text)
    lon_col, lat_col = present.get("lon", "lon"), present.get("lat", "lat")
    r.add(has_lon & ~has_lat, lat_col, ERROR, lambda: ("缺少纬度。", "Latitude is missing."))
    r.add(has_lat & ~has_lon, lon_col, ERROR, lambda: ("缺少经度。", "Longitude is missing."))
    r.add(has_lon & lon.isna(), lon_col, ERROR,
          lambda v: (f"经度 {quoted(v)} 不是数字。", f"Longitude {quoted(v)} is not a number."), lon_text)
    r.add(has_lat & lat.isna(), lat_col, ERROR,
          lambda v: (f"纬度 {quoted(v)} 不是数字。", f"Latitude {quoted(v)} is not a number."), lat_text)
    numeric = lon.notna() & lat.notna()
    x0, y0, x1, y1 = REGION_BOUNDS
    in_region = numeric & lon.between(x0, x1) & lat.between(y0, y1)
    outside = numeric & ~in_region
    swapped = pd.Series(False, index=index)
    if outside.any():
        swapped[outside] = _county_index(counties, lat[outside].to_numpy(), lon[outside].to_numpy()) >= 0
    r.add(swapped, f"{lon_col}/{lat_col}", ERROR, lambda a, b: (
        f"经纬度可能颠倒：({a:g}, {b:g}) 交换后为 ({b:g}, {a:g})，位于规划范围内。请交换经度与纬度。",
        f"Longitude and latitude look swapped: ({a:g}, {b:g}) swapped is ({b:g}, {a:g}), "
        "inside the plan area. Swap the two columns."), lon, lat)
    r.add(outside & ~swapped, f"{lon_col}/{lat_col}", ERROR, lambda a, b: (
        f"坐标 ({a:g}, {b:g}) 超出本区域（经度 {x0:g}–{x1:g}，纬度 {y0:g}–{y1:g}）。"
        "请确认是经纬度（WGS-84 或 GCJ-02）。",
        f"Coordinates ({a:g}, {b:g}) are outside the region (lon {x0:g}–{x1:g}, lat {y0:g}–{y1:g}). "
        "Are they longitude/latitude (WGS-84 or GCJ-02)?"), lon, lat)
    if in_region.any():
        coords = np.column_stack([lon[in_region].to_numpy(float), lat[in_region].to_numpy(float)])
        if gcj02:
            coords = gcj02_to_wgs84(coords)
        x[in_region], y[in_region] = coords[:, 0], coords[:, 1]
        by[in_region] = "lonlat"

    by_lonlat = has_lon | has_lat
    place, county = col("place").str.strip(), col("county").str.strip()
    place_col, county_col = present.get("place", "place"), present.get("county", "county")
    place_xy = _lookup(place, names.place_points)
    place_seat = _lookup(place, names.county_seats)
    use_place = ~by_lonlat & (place != "")
    known_place = place_xy.notna() | place_seat.notna()
    unknown_place = (place != "") & ~known_place
    if unknown_place.any():
        hints = _suggestions(place[unknown_place], names.place_choices, names)
        for used, level in ((True, ERROR), (False, WARNING)):
            r.add(unknown_place & (use_place == used), place_col, level,
                  lambda v, u=used: _unknown_message("地点", "place", hints[v], v, u), place)
    for mask, points, how in ((use_place & place_xy.notna(), place_xy, "place"),
                              (use_place & place_xy.isna() & place_seat.notna(), place_seat, "county_seat")):
        if mask.any():
            x[mask] = points[mask].map(lambda p: p[0])
            y[mask] = points[mask].map(lambda p: p[1])
            by[mask] = how

    seat_xy = _lookup(county, names.county_seats)
    use_county = ~by_lonlat & (place == "") & (county != "")
    unknown_county = (county != "") & seat_xy.isna()
    if unknown_county.any():
        hints = _suggestions(county[unknown_county], names.county_choices, names)
        for used, level in ((True, ERROR), (False, WARNING)):
            r.add(unknown_county & (use_county == used), county_col, level,
                  lambda v, u=used: _unknown_message("县区", "county", hints[v], v, u), county)
    mask = use_county & seat_xy.notna()
    if mask.any():
        x[mask] = seat_xy[mask].map(lambda p: p[0])
        y[mask] = seat_xy[mask].map(lambda p: p[1])
        by[mask] = "county_seat"
    r.add(~by_lonlat & (place == "") & (county == "") & ~unreadable, "", ERROR, lambda: (
        "没有位置：请填写经纬度、地点或县区。", "No location: give lon/lat, a place or a county."))
    return x, y, by


def _issue_texts(issues: list[Issue], levels: tuple[str, ...], lang: str) -> dict[int, str]:
    texts: dict[int, list[str]] = defaultdict(list)
    for issue in issues:
        if issue.level in levels:
            texts[issue.row].append(issue.message(lang))
    sep = "；" if lang == "zh" else "; "
    return {row: sep.join(parts) for row, parts in texts.items()}


def _empty_valid() -> gpd.GeoDataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype="int64" if c == "row" else object) for c in RESULT_COLUMNS})
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries([], crs=WGS84), crs=WGS84)


def _annotate(raw: RawTable, issues: list[Issue]) -> pd.DataFrame:
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


_LEVEL_ZH = {ERROR: "错误", WARNING: "警告"}


def validate_table(raw: RawTable, names: Names, counties: gpd.GeoDataFrame, *, gcj02: bool = False) -> ImportResult:
    """Validate and locate every row of a table as read."""
    fields, issues = _map_columns(raw.headers, raw.cells)
    issues += list(raw.issues)
    file_errors = _missing_columns(fields, raw.headers)
    issues += file_errors
    cells = raw.cells
    if cells.empty:
        file_errors.append(Issue(FILE_ROW, "", ERROR, "表格没有数据行。", "The table has no data rows."))
        issues.append(file_errors[-1])
    if file_errors:
        issues.sort(key=lambda i: i.row)
        return ImportResult(_empty_valid(), issues, _annotate(raw, issues), len(cells), raw.fmt)

    empty = pd.Series("", index=cells.index, dtype=object)
    present = {f: raw.headers[ps[0]] for f, ps in fields.items()}

    def col(field: str) -> pd.Series:
        if field not in fields:
            return empty
        values = cells[fields[field][0]].astype(str)
        for position in fields[field][1:]:
            values = values.where(values.str.strip() != "", cells[position].astype(str))
        return values

    r = _Rows(cells.index)
    for issue in raw.issues:
        if issue.level == ERROR and issue.row in r.bad.index:
            r.bad.loc[issue.row] = True
    unreadable = r.bad.copy()
    name = col("name").str.strip()
    r.add(name == "", present["name"], ERROR, lambda: ("名称为空。", "The name is empty."))
    x, y, located_by = _locate(r, col, present, names, counties, gcj02, unreadable)

    city_input = col("city").str.strip()
    city_known = _lookup(city_input, names.cities)
    unknown_city = (city_input != "") & city_known.isna()
    if unknown_city.any():
        hints = _suggestions(city_input[unknown_city], names.city_choices, names)
        r.add(unknown_city, present.get("city", "city"), ERROR,
              lambda v: _unknown_message("市州", "city", hints[v], v, True), city_input)

    ok = ~r.bad
    where = pd.Series(-1, index=cells.index, dtype="int64")
    where[ok] = _county_index(counties, x[ok].to_numpy(float), y[ok].to_numpy(float))
    inside = where >= 0
    r.add(ok & ~inside, "", WARNING, lambda a, b: (
        f"位置 ({a:.5f}, {b:.5f}) 在规划范围（39 个县区）之外。",
        f"The location ({a:.5f}, {b:.5f}) is outside the plan area (the 39 counties)."), x, y)
    pos = where.clip(lower=0).to_numpy()
    prefecture = pd.Series(counties["prefecture"].to_numpy()[pos], index=cells.index).where(inside, "")
    county_name = pd.Series(counties["name_zh"].to_numpy()[pos], index=cells.index).where(inside, "")
    adcode = pd.Series(counties["adcode"].to_numpy()[pos], index=cells.index).where(inside, "")
    mismatch = ok & inside & city_known.notna() & (city_known != prefecture)
    r.add(mismatch, present.get("city", "city"), WARNING, lambda given, p: (
        f"市州 {quoted(given)} 与位置所在的 '{p}' 不符；按位置采用 '{p}'。",
        f"City {quoted(given)} differs from '{p}', where the location is; '{p}' is used."), city_input, prefecture)

    key = pd.DataFrame({"n": name, "x": x.round(COORD_DECIMALS - 1), "y": y.round(COORD_DECIMALS - 1)})[ok]
    duplicate = key.duplicated(keep="first").reindex(cells.index, fill_value=False)
    if duplicate.any():
        first = pd.Series(key.index, index=key.index).groupby([key["n"], key["x"], key["y"]]).transform("first")
        r.add(duplicate, present["name"], WARNING, lambda f: (
            f"与第 {int(f)} 行重复（名称和位置相同），已忽略。",
            f"Duplicate of row {int(f)} (same name and location); ignored."), first.reindex(cells.index))
    keep = ok & ~duplicate

    issues += r.issues
    issues.sort(key=lambda i: i.row)
    warn_zh = _issue_texts(r.issues, (WARNING,), "zh")
    warn_en = _issue_texts(r.issues, (WARNING,), "en")
    rows = cells.index[keep.to_numpy()]
    city_out = prefecture.where(inside, city_known.fillna("")).astype(object)
    valid = gpd.GeoDataFrame({
        "row": rows.to_numpy(dtype="int64"),
        "name": name[keep].to_numpy(object),
        "category": col("category").str.strip()[keep].to_numpy(object),
        "city": city_out[keep].to_numpy(object),
        "city_input": city_input[keep].to_numpy(object),
        "county": county_name[keep].to_numpy(object),
        "county_adcode": adcode[keep].to_numpy(object),
        "located_by": located_by[keep].to_numpy(object),
        "warnings": np.array([warn_zh.get(int(i), "") for i in rows], dtype=object),
        "warnings_en": np.array([warn_en.get(int(i), "") for i in rows], dtype=object),
    }, geometry=shapely.points(x[keep].to_numpy(float), y[keep].to_numpy(float)), crs=WGS84)
    return ImportResult(valid, issues, _annotate(raw, issues), len(cells), raw.fmt)


# ---------------------------------------------------------------- entry points


def import_projects(data: bytes, filename: str, places: gpd.GeoDataFrame, counties: gpd.GeoDataFrame,
                    *, gcj02: bool = False) -> ImportResult:
    """Read and validate a project list; raise ImportRejected when the whole file is unusable."""
    return validate_table(read_table(data, filename), build_names(places, counties), counties, gcj02=gcj02)


def import_file(path: Path | str, places: gpd.GeoDataFrame, counties: gpd.GeoDataFrame,
                *, gcj02: bool = False) -> ImportResult:
    """import_projects() of a file on disk; a missing, unreadable or too big file is ImportRejected."""
    path = Path(path)
    try:
        check_size(path.stat().st_size)
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ImportRejected(f"无法打开文件：{reason}。", f"Cannot open the file: {reason}.") from None
    return import_projects(data, path.name, places, counties, gcj02=gcj02)


# ---------------------------------------------------------------- outputs


def _defused(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells starting like a formula get a leading quote, so spreadsheets show them as text."""
    columns = {}
    for position in range(frame.shape[1]):  # by position: a user's headers may repeat
        values = frame.iloc[:, position]
        if not pd.api.types.is_numeric_dtype(values):
            values = values.astype(str).where(values.notna(), "")
            risky = values.str.startswith(FORMULA_STARTS) & ~values.str.match(PLAIN_NUMBER)
            values = values.where(~risky, "'" + values)
        columns[position] = values
    out = pd.DataFrame(columns, index=frame.index)
    out.columns = frame.columns
    return out


def _csv(frame: pd.DataFrame) -> bytes:
    buffer = io.StringIO()
    _defused(frame).to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8-sig")


def annotated_csv(result: ImportResult) -> bytes:
    """The file as read with an error column (UTF-8 with BOM, formula-safe) for the user to fix."""
    return _csv(result.table)


def imported_csv(valid: gpd.GeoDataFrame) -> bytes:
    """The imported rows as CSV with lon/lat (UTF-8 with BOM, formula-safe)."""
    table = pd.DataFrame(valid.drop(columns="geometry"))
    table["lon"] = valid.geometry.x.round(COORD_DECIMALS) if len(valid) else pd.Series(dtype=float)
    table["lat"] = valid.geometry.y.round(COORD_DECIMALS) if len(valid) else pd.Series(dtype=float)
    return _csv(table)


def imported_geojson(valid: gpd.GeoDataFrame) -> bytes:
    """The imported rows as a GeoJSON FeatureCollection (WGS-84); values are plain JSON strings."""
    features = []
    for record, point in zip(valid.drop(columns="geometry").to_dict("records"), valid.geometry):
        props = {k: (int(v) if k == "row" else str(v)) for k, v in record.items()}
        features.append({"type": "Feature", "properties": props, "geometry": {
            "type": "Point", "coordinates": [round(point.x, COORD_DECIMALS), round(point.y, COORD_DECIMALS)]}})
    doc = {"type": "FeatureCollection", "features": features}
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def filter_imported(gdf: gpd.GeoDataFrame, cities: tuple[str, ...], county_adcode: str) -> gpd.GeoDataFrame:
    """The imported rows in the chosen cities and county, like the plan's projects; empty means any."""
    keep = pd.Series(True, index=gdf.index)
    if cities:
        keep &= gdf["city"].isin(cities)
    if county_adcode:
        keep &= gdf["county_adcode"] == county_adcode
    return gdf[keep]


_LEVEL_TEXT = {("zh", ERROR): "错误", ("zh", WARNING): "警告", ("en", ERROR): "error", ("en", WARNING): "warning"}


def summary_line(result: ImportResult, lang: str) -> str:
    """One line: rows read, usable, errors, warnings."""
    if lang == "zh":
        return (f"读取 {result.rows_read} 行：可用 {len(result.valid)} 行，"
                f"错误 {result.errors} 条，警告 {result.warnings} 条。")
    return (f"Read {result.rows_read} rows: {len(result.valid)} usable, "
            f"{result.errors} errors, {result.warnings} warnings.")


def issue_row_label(row: int, lang: str) -> str:
    """'第 5 行' / 'row 5'; the file itself for FILE_ROW."""
    if row == FILE_ROW:
        return "文件" if lang == "zh" else "file"
    return f"第 {row} 行" if lang == "zh" else f"row {row}"


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
