"""The one schema module: every layer's file, columns, types, id and geometry rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import shapely

from geo.crs import WGS84
from geo.documents import read_documents


class DataFileError(Exception):
    """A data file is missing or malformed; the message names the file and the problem."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


KINDS = ("str", "int", "float", "bool", "list")


@dataclass(frozen=True)
class LayerSchema:
    """What a layer file must hold."""

    name: str
    file: str
    id_column: str
    columns: dict[str, str]
    geometry_types: frozenset[str]
    optional: frozenset[str] = field(default_factory=frozenset)
    closed_values: dict[str, tuple[str, ...]] = field(default_factory=dict)
    null_geometry: bool = False
    """Whether a feature may have no geometry (a record the plan gives no place to)."""

    @property
    def column_names(self) -> list[str]:
        return list(self.columns)


POLYGONAL = frozenset({"Polygon", "MultiPolygon"})
LINEAR = frozenset({"LineString", "MultiLineString"})
ANY_GEOMETRY = frozenset({"Point", "MultiPoint"}) | LINEAR | POLYGONAL

# Bounds every WGS-84 feature of the project must fall in: the map's reach around
# the plan area (a wrong CRS, e.g. metres or swapped axes, falls far outside).
REGION_BOUNDS = (85.0, 25.0, 120.0, 46.0)

PROVINCES = ("甘肃省", "青海省")

COUNTIES = LayerSchema(
    name="counties",
    file="counties.geojson",
    id_column="adcode",
    columns={
        "adcode": "str",
        "name_zh": "str",
        "plan_name_zh": "str",
        "name_en": "str",
        "province": "str",
        "prefecture": "str",
        "prefecture_adcode": "str",
        "plan_unit": "str",
        "area_km2": "float",
    },
    geometry_types=POLYGONAL,
    closed_values={"province": PROVINCES},
)

PLAN_UNITS = LayerSchema(
    name="plan_units",
    file="plan_units.geojson",
    id_column="unit_id",
    columns={
        "unit_id": "str",
        "name_zh": "str",
        "plan_name_zh": "str",
        "name_en": "str",
        "province": "str",
        "prefecture": "str",
        "whole_city": "bool",
        "member_adcodes": "list",
        "area_km2": "float",
    },
    geometry_types=POLYGONAL,
    closed_values={"province": PROVINCES},
)

CONTEXT_LEVELS = ("province", "prefecture", "county")

CONTEXT = LayerSchema(
    name="context",
    file="context.geojson",
    id_column="id",
    columns={
        "id": "str",
        "level": "str",
        "adcode": "str",
        "name_zh": "str",
        "name_en": "str",
        "province": "str",
        "prefecture": "str",
        "in_plan_area": "bool",
    },
    geometry_types=POLYGONAL,
    closed_values={"level": CONTEXT_LEVELS},
)

RIVERS = LayerSchema(
    name="rivers",
    file="rivers.geojson",
    id_column="id",
    columns={
        "id": "str",
        "name_zh": "str",
        "name_en": "str",
        "named": "bool",
        "control_points": "list",
        "segments": "list",
    },
    geometry_types=LINEAR,
)

LAKES = LayerSchema(
    name="lakes",
    file="lakes.geojson",
    id_column="id",
    columns={"id": "str", "name_zh": "str", "name_en": "str", "area_km2": "float"},
    geometry_types=POLYGONAL,
)

GEODATA_LAYERS: dict[str, LayerSchema] = {
    s.name: s for s in (COUNTIES, PLAN_UNITS, CONTEXT, RIVERS, LAKES)
}


def _kind_ok(value: object, kind: str) -> bool:
    if kind == "str":
        return isinstance(value, str)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "float":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "list":
        return isinstance(value, list)
    raise ValueError(f"unknown column kind {kind!r}")


def validate(gdf: gpd.GeoDataFrame, schema: LayerSchema, path: Path | str) -> gpd.GeoDataFrame:
    """Check a layer against its schema; raise DataFileError naming the file and problem."""
    missing = [c for c in schema.columns if c not in gdf.columns and c not in schema.optional]
    if missing:
        raise DataFileError(path, f"missing column(s) {', '.join(missing)}")
    if gdf.crs is None or not gdf.crs.equals(WGS84):
        raise DataFileError(path, f"CRS is {gdf.crs}, expected {WGS84}")
    if len(gdf) == 0:
        raise DataFileError(path, "no features")
    for column, kind in schema.columns.items():
        if column not in gdf.columns:
            continue
        bad = [i for i, v in enumerate(gdf[column]) if not _kind_ok(v, kind)]
        if bad:
            row = bad[0]
            raise DataFileError(
                path,
                f"column {column!r} must hold {kind} values; feature {row} has "
                f"{gdf[column].iloc[row]!r}",
            )
        allowed = schema.closed_values.get(column)
        if allowed:
            outside = sorted(set(gdf[column]) - set(allowed))
            if outside:
                raise DataFileError(path, f"column {column!r} has values outside {allowed}: {outside}")
    ids = gdf[schema.id_column]
    dupes = sorted(set(ids[ids.duplicated()]))
    if dupes:
        raise DataFileError(path, f"duplicate {schema.id_column}: {dupes[:5]}")
    drawn = gdf.geometry.notna().to_numpy() if schema.null_geometry else slice(None)
    _check_geometries(gdf.geometry[drawn], ids[drawn], schema, path)
    return gdf


def _check_geometries(geoms: gpd.GeoSeries, ids, schema: LayerSchema, path: Path | str) -> None:
    """Every geometry present, non-empty, of an allowed type, valid and inside the region."""
    if geoms.empty:
        return
    if geoms.isna().any() or geoms.is_empty.any():
        row = int((geoms.isna() | geoms.is_empty).to_numpy().nonzero()[0][0])
        raise DataFileError(path, f"feature {ids.iloc[row]!r} has no geometry")
    wrong_type = ~geoms.geom_type.isin(schema.geometry_types)
    if wrong_type.any():
        row = int(wrong_type.to_numpy().nonzero()[0][0])
        raise DataFileError(
            path,
            f"feature {ids.iloc[row]!r} is a {geoms.iloc[row].geom_type}, "
            f"expected one of {sorted(schema.geometry_types)}",
        )
    invalid = ~shapely.is_valid(geoms.to_numpy())
    if invalid.any():
        row = int(invalid.nonzero()[0][0])
        reason = shapely.is_valid_reason(geoms.iloc[row])
        raise DataFileError(path, f"feature {ids.iloc[row]!r} has an invalid geometry: {reason}")
    minx, miny, maxx, maxy = geoms.total_bounds
    bx0, by0, bx1, by1 = REGION_BOUNDS
    if minx < bx0 or miny < by0 or maxx > bx1 or maxy > by1:
        raise DataFileError(
            path,
            f"coordinates ({minx:.3f}, {miny:.3f}, {maxx:.3f}, {maxy:.3f}) fall outside the "
            f"region {REGION_BOUNDS}: not WGS-84 lon/lat of this area?",
        )


# ---------------------------------------------------------------- catalogue of the two plans

_DOCUMENT_SET = read_documents()
DOCUMENTS = {d.id: d.title_zh for d in _DOCUMENT_SET.documents}
"""Every document the catalogue may cite, from data/catalogue/documents.toml (geo.documents)."""
DOCUMENT_FILES = {d.id: d.file for d in _DOCUMENT_SET.documents}
MAX_QUOTE_CHARS = 130

CATEGORY_PREFIXES = {
    "structure": "st-", "ecology": "ec-", "transport": "tr-", "energy": "en-",
    "information": "in-", "water": "wa-", "industry": "id-", "opening": "op-", "culture": "cu-",
}
SUBTYPES: dict[str, tuple[str, ...]] = {
    "structure": ("belt", "metro_circle", "commuting_circle", "central_city", "node_city", "node_town", "new_city",
                  "platform"),
    "ecology": ("protection_belt", "river_corridor", "mountain_corridor", "barrier", "governance_zone",
                "park", "wetland", "reservoir", "sand_control", "pollution_control", "restoration"),
    "transport": ("railway", "highway", "road", "airport", "hub", "logistics"),
    "energy": ("power_grid", "power_plant", "hydropower", "renewable_base", "oil_gas", "coal"),
    "information": ("data_centre", "network", "platform"),
    "water": ("water_diversion", "irrigation", "reservoir", "flood_control", "water_supply"),
    "industry": ("development_zone", "industrial_base", "industrial_park"),
    "opening": ("bonded_zone", "port", "logistics_hub", "cooperation_zone", "trade_platform"),
    "culture": ("heritage", "tourism"),
}
CATEGORIES = tuple(CATEGORY_PREFIXES)
PLACE_KINDS = ("seat", "town", "airport", "station", "hub", "dam", "reservoir", "park", "wetland",
               "zone", "site", "mountain", "lake")
COORD_SOURCES = ("geonames", "airportsdata", "cpca", "seat", "river", "interior")
GEOMETRY_RULES = ("at", "points", "through", "units", "river", "unlocated")
"""How a record gets its geometry; `unlocated`: the plan gives no place, so it has none."""

PLACES = LayerSchema(
    name="places",
    file="places.geojson",
    id_column="id",
    columns={
        "id": "str",
        "name_zh": "str",
        "name_en": "str",
        "kind": "str",
        "county_adcode": "str",
        "county": "str",
        "prefecture": "str",
        "in_plan_area": "bool",
        "coord_source": "str",
        "source_ref": "str",
        "approximate": "bool",
        "note": "str",
        "bank_river": "str",
        "bank_county": "str",
    },
    geometry_types=frozenset({"Point"}),
    closed_values={"kind": PLACE_KINDS, "coord_source": COORD_SOURCES},
)

CATALOGUE = LayerSchema(
    name="catalogue",
    file="catalogue.geojson",
    id_column="id",
    columns={
        "id": "str",
        "name_zh": "str",
        "name_en": "str",
        "category": "str",
        "subtype": "str",
        "verb": "str",
        "schematic": "bool",
        "geometry_rule": "str",
        "places": "list",
        "docs": "list",
        "sources": "list",
        "cities": "list",
        "counties": "list",
        "county_adcodes": "list",
        "attribution": "list",
        "outside": "list",
        "schematic_passage": "list",
        "located": "bool",
        "unlocated_reason": "str",
        "note": "str",
    },
    geometry_types=ANY_GEOMETRY,
    closed_values={"category": CATEGORIES, "geometry_rule": GEOMETRY_RULES},
    null_geometry=True,
)

CATALOGUE_LAYERS: dict[str, LayerSchema] = {s.name: s for s in (PLACES, CATALOGUE)}
