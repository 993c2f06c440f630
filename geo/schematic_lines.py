"""Schematic lines as the map draws them: straight on the web map (Web Mercator) between places."""

from __future__ import annotations

import math

import numpy as np
from shapely.geometry import LineString, Point

EARTH_RADIUS_M = 6378137.0
"""Leaflet's spherical Mercator (EPSG:3857) radius."""
MAX_STEP_DEG = 0.25
"""Largest step between stored vertices: a lon/lat chord of 0.25° lies within 0.7 m of the Mercator
segment the map draws between them (finer than the files' 1e-5° grid), so the stored line is the
drawn line; a 13° chord would lie 1.8 km off."""


def _to_mercator(lon: float, lat: float) -> tuple[float, float]:
    return (EARTH_RADIUS_M * math.radians(lon),
            EARTH_RADIUS_M * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


def _from_mercator(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    lon = np.degrees(x / EARTH_RADIUS_M)
    lat = np.degrees(2 * np.arctan(np.exp(y / EARTH_RADIUS_M)) - math.pi / 2)
    return lon, lat


def drawn_line(points: list[Point], max_step: float = MAX_STEP_DEG) -> LineString:
    """The line a web map draws through the points in order (straight in Web Mercator, a rhumb
    line), with vertices at most max_step degrees apart so that any renderer draws the same line."""
    if len(points) < 2:
        raise ValueError("a line needs at least two places")
    coords: list[tuple[float, float]] = [(points[0].x, points[0].y)]
    for a, b in zip(points, points[1:]):
        steps = max(1, math.ceil(max(abs(b.x - a.x), abs(b.y - a.y)) / max_step))
        (xa, ya), (xb, yb) = _to_mercator(a.x, a.y), _to_mercator(b.x, b.y)
        t = np.arange(1, steps + 1) / steps
        lon, lat = _from_mercator(xa + (xb - xa) * t, ya + (yb - ya) * t)
        lon[-1], lat[-1] = b.x, b.y  # the named place itself, exactly
        coords += list(zip(lon.tolist(), lat.tolist()))
    return LineString(coords)
