"""Read and write layer files as GeoJSON: validated on read, deterministic on write."""

from __future__ import annotations

import json
import math
from pathlib import Path

import geopandas as gpd
import shapely
from shapely.geometry import mapping, shape

from geo.crs import COORDINATE_DECIMALS, WGS84
from geo.schema import DataFileError, LayerSchema, validate


def read_layer(path: Path | str, schema: LayerSchema) -> gpd.GeoDataFrame:
    """Load a layer file into a validated GeoDataFrame (WGS-84)."""
    path = Path(path)
    if not path.is_file():
        raise DataFileError(path, f"file not found (layer {schema.name!r}; run `python -m geo build`)")
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataFileError(path, f"not valid UTF-8 JSON: {exc}") from None
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        raise DataFileError(path, "not a GeoJSON FeatureCollection")
    features = doc.get("features")
    if not isinstance(features, list):
        raise DataFileError(path, "'features' is not a list")
    rows, geoms = [], []
    for i, feature in enumerate(features):
        if not isinstance(feature, dict) or not isinstance(feature.get("properties"), dict):
            raise DataFileError(path, f"feature {i} has no properties object")
        try:
            geoms.append(shape(feature["geometry"]) if feature.get("geometry") else None)
        except Exception as exc:  # shapely raises several types for bad GeoJSON geometry
            raise DataFileError(path, f"feature {i} has a malformed geometry: {exc}") from None
        rows.append(feature["properties"])
    gdf = gpd.GeoDataFrame(rows, geometry=geoms, crs=WGS84)
    gdf = validate(gdf, schema, path)
    return gdf[[*[c for c in schema.columns if c in gdf.columns], "geometry"]]


def _clean(value: object) -> object:
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return round(value, 3)
    if hasattr(value, "item"):  # numpy scalar
        return _clean(value.item())
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def feature_collection(gdf: gpd.GeoDataFrame, schema: LayerSchema) -> dict:
    """A layer as a GeoJSON dict: features sorted by id, coordinates on a 1e-5 degree grid."""
    gdf = gdf.sort_values(schema.id_column, kind="stable")
    grid = 10.0 ** -COORDINATE_DECIMALS
    features = []
    for _, row in gdf.iterrows():
        props = {c: _clean(row[c]) for c in schema.columns if c in gdf.columns}
        geom = None if row.geometry is None else mapping(shapely.set_precision(row.geometry, grid))
        features.append({"type": "Feature", "properties": props, "geometry": geom})
    return {"type": "FeatureCollection", "features": features}


def _round_coords(obj: object) -> object:
    if isinstance(obj, float):
        return round(obj, COORDINATE_DECIMALS)
    if isinstance(obj, (list, tuple)):
        return [_round_coords(v) for v in obj]
    return obj


def dumps(collection: dict) -> str:
    """Serialise a FeatureCollection with one feature a line, stable across runs."""
    lines = []
    for feature in collection["features"]:
        if feature["geometry"] is not None:  # a record the plan gives no place has none
            feature = dict(feature, geometry=dict(
                feature["geometry"], coordinates=_round_coords(feature["geometry"]["coordinates"])
            ))
        lines.append(json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


def write_layer(gdf: gpd.GeoDataFrame, schema: LayerSchema, path: Path | str) -> Path:
    """Validate a layer and write it deterministically."""
    path = Path(path)
    validate(gdf, schema, path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(feature_collection(gdf, schema)), encoding="utf-8")
    return path
