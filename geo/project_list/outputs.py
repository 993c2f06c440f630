"""The files an import gives back: the table as read with an error column, the imported rows as CSV or GeoJSON."""

from __future__ import annotations

import io
import json

import geopandas as gpd
import pandas as pd

from geo.project_list.importer import COORD_DECIMALS, ImportResult

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$"
"""A cell like -73.9 stays a number: only text that a spreadsheet would evaluate is quoted."""


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


def table_csv(frame: pd.DataFrame) -> bytes:
    """Any table as CSV (UTF-8 with BOM, formula-safe): the ledger writes its CSV with it."""
    return _csv(frame)


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
