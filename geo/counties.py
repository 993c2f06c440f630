"""The 39 county-level units of the plan area."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo.crs import EQUAL_AREA
from geo.files import layer_path
from geo.geojson_files import read_layer
from geo.schema import COUNTIES


def area_km2(geometries: gpd.GeoSeries) -> pd.Series:
    """Areas in km² on the equal-area projection."""
    return geometries.to_crs(EQUAL_AREA).area / 1e6


def load_counties(data_dir: Path | None = None) -> gpd.GeoDataFrame:
    """The validated counties layer."""
    return read_layer(layer_path(COUNTIES, data_dir), COUNTIES)
