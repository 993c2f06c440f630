"""Export any layer as GeoJSON or CSV text, for users and checks."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd

from geo.context import load_context
from geo.counties import load_counties
from geo.geojson_files import dumps, feature_collection
from geo.lakes import load_lakes
from geo.plan_units import load_plan_units
from geo.rivers import load_rivers
from geo.schema import GEODATA_LAYERS, LayerSchema

LOADERS: dict[str, Callable[[Path | None], gpd.GeoDataFrame]] = {
    "counties": load_counties,
    "plan_units": load_plan_units,
    "context": load_context,
    "rivers": load_rivers,
    "lakes": load_lakes,
}
SCHEMAS: dict[str, LayerSchema] = dict(GEODATA_LAYERS)
LAYER_NAMES = tuple(LOADERS)


def to_csv(gdf: gpd.GeoDataFrame, schema: LayerSchema) -> str:
    """A layer as CSV: list columns joined by ';', geometry as WKT (points also as lon/lat)."""
    table = gdf.drop(columns="geometry").copy()
    for column, kind in schema.columns.items():
        if kind == "list" and column in table:
            table[column] = table[column].map(
                lambda v: ";".join(json.dumps(x, ensure_ascii=False) if isinstance(x, dict) else str(x)
                                   for x in v))
    if (gdf.geom_type == "Point").all():
        table["lon"] = gdf.geometry.x.round(5)
        table["lat"] = gdf.geometry.y.round(5)
    else:
        table["wkt"] = gdf.geometry.to_wkt(rounding_precision=5)
    buffer = io.StringIO()
    table.sort_values(schema.id_column).to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def export_text(layer: str, fmt: str = "geojson", data_dir: Path | None = None) -> str:
    """The text of a layer in the given format."""
    gdf = LOADERS[layer](data_dir)
    schema = SCHEMAS[layer]
    if fmt == "csv":
        return to_csv(gdf, schema)
    return dumps(feature_collection(gdf, schema))
