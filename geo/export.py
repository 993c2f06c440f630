"""Export any layer as GeoJSON or CSV text, for users and checks."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd

from geo.catalogue import load_catalogue
from geo.context import load_context
from geo.gazetteer import load_places
from geo.counties import load_counties
from geo.geojson_files import dumps, feature_collection
from geo.lakes import load_lakes
from geo.plan_units import load_plan_units
from geo.rivers import load_rivers
from geo.schema import CATALOGUE, GEODATA_LAYERS, PLACES, LayerSchema


def _category(name: str) -> Callable[[Path | None], gpd.GeoDataFrame]:
    def load(data_dir: Path | None = None) -> gpd.GeoDataFrame:
        catalogue = load_catalogue(data_dir)
        return catalogue[catalogue["category"] == name]
    return load


LOADERS: dict[str, Callable[[Path | None], gpd.GeoDataFrame]] = {
    "counties": load_counties,
    "plan_units": load_plan_units,
    "context": load_context,
    "rivers": load_rivers,
    "lakes": load_lakes,
    "places": load_places,
    "projects": load_catalogue,
    "structure": _category("structure"),
    "ecology": _category("ecology"),
    "transport": _category("transport"),
}
SCHEMAS: dict[str, LayerSchema] = {
    **GEODATA_LAYERS, "places": PLACES,
    **{k: CATALOGUE for k in ("projects", "structure", "ecology", "transport")},
}
LAYER_NAMES = tuple(LOADERS)


def _cell(value: object) -> str:
    if isinstance(value, dict) and {"doc", "section", "quote"} <= set(value):
        return f"{value['doc']} {value['section']}「{value['quote']}」"
    if isinstance(value, dict) and {"city", "county", "reason", "relation"} <= set(value):
        where = f"{value['city']}{value['county']}" + (f" ({value['adcode']})" if value["adcode"] else "")
        return f"{where}: {value['relation']} · {value['reason']}"
    if isinstance(value, dict) and {"city", "county", "adcode", "reason"} == set(value):  # 示意线经过
        return f"{value['city']}{value['county']} ({value['adcode']}): {value['reason']}"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def to_csv(gdf: gpd.GeoDataFrame, schema: LayerSchema) -> str:
    """A layer as CSV: list columns joined by ';', geometry as WKT (points also as lon/lat)."""
    table = gdf.drop(columns="geometry").copy()
    for column, kind in schema.columns.items():
        if kind == "list" and column in table:
            table[column] = table[column].map(lambda v: "; ".join(_cell(x) for x in v))
    drawn = gdf.geometry.notna()  # unlocated records have no geometry: empty cells
    if drawn.any() and (gdf.geom_type[drawn] == "Point").all():
        table["lon"] = gdf.geometry.x.round(5)
        table["lat"] = gdf.geometry.y.round(5)
    else:
        table["wkt"] = gdf.geometry.to_wkt(rounding_precision=5)
    buffer = io.StringIO()
    table.sort_values(schema.id_column).to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def catalogue_csv(records: gpd.GeoDataFrame) -> bytes:
    """Catalogue records as CSV in UTF-8 with a BOM, so Excel shows the Chinese text."""
    return to_csv(records, CATALOGUE).encode("utf-8-sig")


def catalogue_geojson(records: gpd.GeoDataFrame) -> bytes:
    """Catalogue records as GeoJSON (WGS-84)."""
    return dumps(feature_collection(records, CATALOGUE)).encode("utf-8")


def export_text(layer: str, fmt: str = "geojson", data_dir: Path | None = None) -> str:
    """The text of a layer in the given format."""
    gdf = LOADERS[layer](data_dir)
    schema = SCHEMAS[layer]
    if fmt == "csv":
        return to_csv(gdf, schema)
    return dumps(feature_collection(gdf, schema))
