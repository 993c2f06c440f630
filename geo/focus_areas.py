"""The outline and bounds of what the map focuses: a county, a city (its counties' union) or the plan area."""

from __future__ import annotations

import geopandas as gpd
from shapely.geometry.base import BaseGeometry

from geo.crs import WEB_COORDINATE_DECIMALS

Bounds = tuple[tuple[float, float], tuple[float, float]]
"""((south, west), (north, east)), WGS-84 degrees, as Leaflet's fitBounds takes them."""


def area_outline(counties: gpd.GeoDataFrame, adcodes: list[str], tolerance: float) -> BaseGeometry:
    """The union of the given counties, simplified by tolerance (degrees) and rounded for the web."""
    chosen = counties[counties["adcode"].isin(adcodes)]
    if chosen.empty:
        raise ValueError(f"no county among {adcodes}")
    union = chosen.geometry.union_all().simplify(tolerance, preserve_topology=True)
    return gpd.GeoSeries([union]).set_precision(10 ** -WEB_COORDINATE_DECIMALS).iloc[0]


def bounds_of(geometry: BaseGeometry) -> Bounds:
    """A geometry's bounds as ((south, west), (north, east))."""
    west, south, east, north = geometry.bounds
    return (south, west), (north, east)


def city_adcodes(counties: gpd.GeoDataFrame, cities: tuple[str, ...]) -> list[str]:
    """The adcodes of the counties of the given prefecture-level cities."""
    return sorted(counties.loc[counties["prefecture"].isin(cities), "adcode"])
