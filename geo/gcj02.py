"""Conversion between WGS-84 and GCJ-02 (the datum of AMap tiles and boundaries)."""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

# Krasovsky 1940 ellipsoid, as the published GCJ-02 algorithm uses.
_A = 6378245.0
_EE = 0.00669342162296594323


def _offset(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """GCJ-02 minus WGS-84 offset (degrees) at WGS-84 points inside China."""
    x = lon - 105.0
    y = lat - 35.0
    pi = np.pi
    dlat = (
        -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x))
        + (20.0 * np.sin(6.0 * x * pi) + 20.0 * np.sin(2.0 * x * pi)) * 2.0 / 3.0
        + (20.0 * np.sin(y * pi) + 40.0 * np.sin(y / 3.0 * pi)) * 2.0 / 3.0
        + (160.0 * np.sin(y / 12.0 * pi) + 320 * np.sin(y * pi / 30.0)) * 2.0 / 3.0
    )
    dlon = (
        300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
        + (20.0 * np.sin(6.0 * x * pi) + 20.0 * np.sin(2.0 * x * pi)) * 2.0 / 3.0
        + (20.0 * np.sin(x * pi) + 40.0 * np.sin(x / 3.0 * pi)) * 2.0 / 3.0
        + (150.0 * np.sin(x / 12.0 * pi) + 300.0 * np.sin(x / 30.0 * pi)) * 2.0 / 3.0
    )
    radlat = lat / 180.0 * pi
    magic = 1 - _EE * np.sin(radlat) ** 2
    sqrtmagic = np.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrtmagic) * pi)
    dlon = (dlon * 180.0) / (_A / sqrtmagic * np.cos(radlat) * pi)
    return dlon, dlat


def wgs84_to_gcj02(coords: np.ndarray) -> np.ndarray:
    """Convert an (n, 2) array of WGS-84 lon/lat to GCJ-02."""
    coords = np.asarray(coords, dtype=float)
    dlon, dlat = _offset(coords[:, 0], coords[:, 1])
    return np.column_stack([coords[:, 0] + dlon, coords[:, 1] + dlat])


def gcj02_to_wgs84(coords: np.ndarray, iterations: int = 4) -> np.ndarray:
    """Convert an (n, 2) array of GCJ-02 lon/lat to WGS-84 (fixed-point inverse, < 1 mm)."""
    target = np.asarray(coords, dtype=float)
    guess = target.copy()
    for _ in range(iterations):
        guess = guess - (wgs84_to_gcj02(guess) - target)
    return guess


def geometry_to_wgs84(geometry: BaseGeometry) -> BaseGeometry:
    """Convert a shapely geometry from GCJ-02 to WGS-84."""
    return shapely.transform(geometry, gcj02_to_wgs84)


def geometry_to_gcj02(geometry: BaseGeometry) -> BaseGeometry:
    """Convert a shapely geometry from WGS-84 to GCJ-02 (only for drawing over AMap tiles)."""
    return shapely.transform(geometry, wgs84_to_gcj02)
