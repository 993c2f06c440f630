"""Map data as served: GeoJSON whose coordinates are integers on the web grid (10^-decimals degrees),
each line or ring's points given as differences from the point before. The same features in about
60 % of the gzip-compressed bytes; lxpmExpand (static/js/lxpm-map.js) restores plain GeoJSON."""

from __future__ import annotations

from geo.crs import WEB_COORDINATE_DECIMALS

MARK = "lxpm_delta"
"""The collection's key holding the scale (10^decimals): its coordinates are compact."""
_DEPTH = {"Point": 0, "MultiPoint": 1, "LineString": 1, "MultiLineString": 2, "Polygon": 2, "MultiPolygon": 3}
"""Nesting of point lists in each geometry type (0: one point)."""


def _points(points: list, scale: int) -> list[int]:
    flat, last_x, last_y = [], 0, 0
    for x, y, *_ in points:
        ix, iy = round(x * scale), round(y * scale)
        flat += [ix - last_x, iy - last_y]
        last_x, last_y = ix, iy
    return flat


def _compact(coordinates: list, depth: int, scale: int) -> list:
    if depth == 0:
        return [round(coordinates[0] * scale), round(coordinates[1] * scale)]
    if depth == 1:
        return _points(coordinates, scale)
    return [_compact(part, depth - 1, scale) for part in coordinates]


def _recoded(collection: dict, recode, scale: int) -> list[dict]:
    """The features with each geometry's coordinates recoded (geometries without coordinates as they are)."""
    features = []
    for feature in collection["features"]:
        geometry = feature.get("geometry")
        if geometry and geometry.get("type") in _DEPTH:
            geometry = {"type": geometry["type"],
                        "coordinates": recode(geometry["coordinates"], _DEPTH[geometry["type"]], scale)}
        features.append({**feature, "geometry": geometry})
    return features


def compact(collection: dict, decimals: int = WEB_COORDINATE_DECIMALS) -> dict:
    """The FeatureCollection with compact coordinates."""
    scale = 10 ** decimals
    return {**collection, MARK: scale, "features": _recoded(collection, _compact, scale)}


def _expand(coordinates: list, depth: int, scale: int) -> list:
    if depth == 0:
        return [coordinates[0] / scale, coordinates[1] / scale]
    if depth == 1:
        points, x, y = [], 0, 0
        for i in range(0, len(coordinates), 2):
            x, y = x + coordinates[i], y + coordinates[i + 1]
            points.append([x / scale, y / scale])
        return points
    return [_expand(part, depth - 1, scale) for part in coordinates]


def expand(collection: dict) -> dict:
    """Plain GeoJSON again (what lxpmExpand does in the browser); a plain collection as it is."""
    scale = collection.get(MARK)
    if not scale:
        return collection
    plain = {k: v for k, v in collection.items() if k != MARK}
    return {**plain, "features": _recoded(collection, _expand, scale)}
