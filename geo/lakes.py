"""Lakes of the map: GSHHS lake polygons in reach, 青海湖 named by the counties around it."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd

from geo.files import layer_path
from geo.geojson_files import read_layer
from geo.schema import LAKES

QINGHAI_LAKE = ("青海湖", "Qinghai Lake")
QINGHAI_LAKE_SHORE_COUNTIES = ("海晏县", "刚察县", "共和县")
"""A GSHHS lake is 青海湖 when it touches all three of these counties' AMap outlines."""


def name_lakes(lakes: gpd.GeoDataFrame, shore_counties: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Name the lake that touches every shore county 青海湖; the others stay unnamed."""
    lakes = lakes.copy()
    shores = [shore_counties.loc[shore_counties["name_zh"] == n].union_all()
              for n in QINGHAI_LAKE_SHORE_COUNTIES]
    named = lakes.geometry.apply(lambda g: all(g.intersects(s) for s in shores))
    if named.sum() != 1:
        raise ValueError(f"expected one lake touching {QINGHAI_LAKE_SHORE_COUNTIES}, found {named.sum()}")
    lakes["name_zh"] = named.map({True: QINGHAI_LAKE[0], False: ""})
    lakes["name_en"] = named.map({True: QINGHAI_LAKE[1], False: ""})
    return lakes


def load_lakes(data_dir: Path | None = None) -> gpd.GeoDataFrame:
    """The validated lakes layer."""
    return read_layer(layer_path(LAKES, data_dir), LAKES)
