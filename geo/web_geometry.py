"""Geometry as sent to a browser: coordinates on a coarser grid than the stored files."""

from __future__ import annotations

import geopandas as gpd
import shapely

from geo.crs import WEB_COORDINATE_DECIMALS


def for_web(gdf: gpd.GeoDataFrame, decimals: int = WEB_COORDINATE_DECIMALS) -> gpd.GeoDataFrame:
    """A copy with every coordinate snapped to a 10^-decimals degree grid (validity kept)."""
    grid = 10.0 ** -decimals
    snapped = shapely.set_precision(gdf.geometry.to_numpy(), grid)
    # Through WKB, which drops the precision grid: later operations (e.g. label points) then give
    # the same result on this object and on a cached (pickled) copy of it.
    return gdf.set_geometry(shapely.from_wkb(shapely.to_wkb(snapped)), crs=gdf.crs)
