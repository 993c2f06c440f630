"""Locate the rows of a user's table (lon/lat, a gazetteer place or a county seat), with their issues."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.gcj02 import gcj02_to_wgs84
from geo.project_list.issues import ERROR, WARNING, Issue, quoted
from geo.project_list.names import Names, normalise_series, suggestion
from geo.schema import REGION_BOUNDS

LOCATED_BY = ("lonlat", "place", "county_seat")
MAX_SUGGESTED = 500
"""Distinct unknown names that get a difflib suggestion; past that, matching would dominate the time."""

Column = Callable[[str], pd.Series]
"""A field's text per row ('' where the table has no such column)."""


class RowIssues:
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


@dataclass
class Located:
    """Where each row is: WGS-84 x, y (NaN when not located) and how it was located ('' when not)."""

    x: pd.Series
    y: pd.Series
    by: pd.Series

    def set(self, mask: pd.Series, points: pd.Series, how: str) -> None:
        """Place the masked rows at their (lon, lat) tuples."""
        if mask.any():
            self.x[mask] = points[mask].map(lambda p: p[0])
            self.y[mask] = points[mask].map(lambda p: p[1])
            self.by[mask] = how


def county_index(counties: gpd.GeoDataFrame, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Position of the county each point is in, -1 outside the plan area."""
    out = np.full(len(x), -1, dtype=np.int64)
    for position, geometry in enumerate(counties.geometry):
        todo = np.flatnonzero(out < 0)  # a point on a shared border goes to the first county
        if not len(todo):
            break
        shapely.prepare(geometry)
        out[todo[shapely.intersects_xy(geometry, x[todo], y[todo])]] = position
    return out


def lookup(values: pd.Series, table: dict[str, object]) -> pd.Series:
    """Each value's entry in a table keyed by normalised names (NaN when unknown)."""
    return normalise_series(values).map(table)


def _suggestions(values: Iterable[str], choices: tuple[str, ...], names: Names) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for value in dict.fromkeys(values):
        found[value] = suggestion(value, choices, names) if len(found) < MAX_SUGGESTED else None
    return found


def unknown_name(r: RowIssues, values: pd.Series, unknown: pd.Series, used: pd.Series, column: str,
                 kind: tuple[str, str], choices: tuple[str, ...], names: Names) -> None:
    """Errors for unknown names a row needs (warnings for those it does not), with a suggestion."""
    if not unknown.any():
        return
    hints = _suggestions(values[unknown], choices, names)
    for needed, level in ((True, ERROR), (False, WARNING)):
        r.add(unknown & (used == needed), column, level,
              lambda v, n=needed: _unknown_message(kind, hints[v], v, n), values)


def _unknown_message(kind: tuple[str, str], hint: str | None, value: str, used: bool) -> tuple[str, str]:
    tail_zh = f"是否为 '{hint}'？" if hint else ""
    tail_en = f" Did you mean '{hint}'?" if hint else ""
    if not used:
        tail_zh += "（未用于定位）"
        tail_en += " (not used to locate the row)"
    return f"未知{kind[0]} {quoted(value)}。{tail_zh}", f"Unknown {kind[1]} {quoted(value)}.{tail_en}"


def _numbers(text: pd.Series) -> pd.Series:
    values = pd.to_numeric(text.where(text != ""), errors="coerce")
    return values.where(np.isfinite(values.to_numpy(dtype=float)))


def by_lonlat(r: RowIssues, at: Located, col: Column, present: dict[str, str], counties: gpd.GeoDataFrame,
              gcj02: bool) -> pd.Series:
    """Locate rows by their lon/lat; return which rows gave any coordinate."""
    lon_text = col("lon").str.normalize("NFKC").str.strip()
    lat_text = col("lat").str.normalize("NFKC").str.strip()
    has_lon, has_lat = lon_text != "", lat_text != ""
    lon, lat = _numbers(lon_text), _numbers(lat_text)
    lon_col, lat_col = present.get("lon", "lon"), present.get("lat", "lat")
    both = f"{lon_col}/{lat_col}"
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
    swapped = pd.Series(False, index=lon.index)
    if outside.any():
        swapped[outside] = county_index(counties, lat[outside].to_numpy(float), lon[outside].to_numpy(float)) >= 0
    r.add(swapped, both, ERROR, lambda a, b: (
        f"经纬度可能颠倒：({a:g}, {b:g}) 交换后为 ({b:g}, {a:g})，位于规划范围内。请交换经度与纬度。",
        f"Longitude and latitude look swapped: ({a:g}, {b:g}) swapped is ({b:g}, {a:g}), "
        "inside the plan area. Swap the two columns."), lon, lat)
    r.add(outside & ~swapped, both, ERROR, lambda a, b: (
        f"坐标 ({a:g}, {b:g}) 超出本区域（经度 {x0:g}–{x1:g}，纬度 {y0:g}–{y1:g}）。"
        "请确认是经纬度（WGS-84 或 GCJ-02）。",
        f"Coordinates ({a:g}, {b:g}) are outside the region (lon {x0:g}–{x1:g}, lat {y0:g}–{y1:g}). "
        "Are they longitude/latitude (WGS-84 or GCJ-02)?"), lon, lat)
    if in_region.any():
        coords = np.column_stack([lon[in_region].to_numpy(float), lat[in_region].to_numpy(float)])
        if gcj02:
            coords = gcj02_to_wgs84(coords)
        at.x[in_region], at.y[in_region] = coords[:, 0], coords[:, 1]
        at.by[in_region] = "lonlat"
    return has_lon | has_lat


def by_place(r: RowIssues, at: Located, place: pd.Series, wanted: pd.Series, column: str, names: Names) -> None:
    """Locate the wanted rows at their gazetteer place (a county name falls back to its seat)."""
    place_xy = lookup(place, names.place_points)
    seat_xy = lookup(place, names.county_seats)
    unknown = (place != "") & place_xy.isna() & seat_xy.isna()
    unknown_name(r, place, unknown, wanted, column, ("地点", "place"), names.place_choices, names)
    at.set(wanted & place_xy.notna(), place_xy, "place")
    at.set(wanted & place_xy.isna() & seat_xy.notna(), seat_xy, "county_seat")


def by_county(r: RowIssues, at: Located, county: pd.Series, wanted: pd.Series, column: str, names: Names) -> None:
    """Locate the wanted rows at their county's seat."""
    seat_xy = lookup(county, names.county_seats)
    unknown = (county != "") & seat_xy.isna()
    unknown_name(r, county, unknown, wanted, column, ("县区", "county"), names.county_choices, names)
    at.set(wanted & seat_xy.notna(), seat_xy, "county_seat")


def locate(r: RowIssues, col: Column, present: dict[str, str], names: Names, counties: gpd.GeoDataFrame,
           gcj02: bool, unreadable: pd.Series) -> Located:
    """Every row's point: lon/lat when given, else its place, else its county's seat."""
    index = r.bad.index
    at = Located(pd.Series(np.nan, index=index), pd.Series(np.nan, index=index),
                 pd.Series("", index=index, dtype=object))
    gave_lonlat = by_lonlat(r, at, col, present, counties, gcj02)
    place, county = col("place").str.strip(), col("county").str.strip()
    by_place(r, at, place, ~gave_lonlat & (place != ""), present.get("place", "place"), names)
    by_county(r, at, county, ~gave_lonlat & (place == "") & (county != ""), present.get("county", "county"), names)
    r.add(~gave_lonlat & (place == "") & (county == "") & ~unreadable, "", ERROR, lambda: (
        "没有位置：请填写经纬度、地点或县区。", "No location: give lon/lat, a place or a county."))
    return at
