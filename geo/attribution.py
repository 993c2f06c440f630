"""Which counties and cities a catalogue record belongs to, and why, by the record's own definition."""

from __future__ import annotations

from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd
import shapely
import shapely.ops
from pyproj import Geod
from shapely.geometry.base import BaseGeometry

BANK_KM = 6.0
"""A dam or reservoir on a border river lies within this distance of the border its two banks'
counties share (points are often a nearby town: see the places' notes)."""
MIN_CROSSING_KM = 1.0
"""A line or river stretch belongs to a county it runs inside for at least this length."""
RELATIONS = ("located", "covers", "passes")
"""位于: the record lies within the city; 覆盖: an area spanning several cities; 途经: a line through it."""
REASON_KINDS = ("member", "contains", "bank", "along", "passes", "named")
"""member: a unit of the record; contains: the county holds the point; bank: the other bank of the
border river a dam or reservoir stands on; along: a river stretch runs inside it for N km; passes:
a place the text names, that the line is drawn through, lies in it; named: an unlocated record
whose text names the city. (A schematic line's chord crossing a county is no reason: see passage.)"""

_GEOD = Geod(ellps="WGS84")


@dataclass(frozen=True)
class Attribution:
    """A record's plan-area counties with their reasons and relation, and what lies outside as text."""

    entries: list[dict]
    outside: list[str]
    passage: list[dict] = field(default_factory=list)
    """示意线经过: plan counties a schematic line's drawn chord runs inside, not attributed."""


def geodesic_km(geom: BaseGeometry) -> float:
    """Length of a (multi)line on the WGS-84 ellipsoid, in km."""
    return _GEOD.geometry_length(geom) / 1000.0 if not geom.is_empty else 0.0


def crossing_km(line: BaseGeometry, counties: gpd.GeoDataFrame) -> pd.Series:
    """km of the line inside each county that it meets (index: the counties' index)."""
    near = counties.iloc[counties.sindex.query(line, predicate="intersects")]
    pieces = shapely.intersection(near.geometry.to_numpy(), line)
    return pd.Series([geodesic_km(p) for p in pieces], index=near.index, dtype=float)


def unit_members(name: str, counties: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The counties a unit name stands for: one county by its full name, else a whole prefecture."""
    rows = counties[counties["name_zh"] == name]
    if len(rows) > 1:
        raise ValueError(f"unit {name!r} names {len(rows)} counties: "
                         f"{', '.join(rows['prefecture'] + rows['name_zh'])}")
    if rows.empty:
        rows = counties[counties["prefecture"] == name]
    if rows.empty:
        raise ValueError(f"unit {name!r} is neither a county nor a prefecture in reach")
    return rows


def _outside_name(row: pd.Series) -> str:
    return f"{row['prefecture']}{row['name_zh']}"


def _entry(row: pd.Series, reason: str) -> dict:
    return {"adcode": row["adcode"], "county": row["name_zh"], "city": row["prefecture"], "reason": reason}


def _with_relation(entries: list[dict], outside_cities: set[str], spread_relation: str) -> list[dict]:
    """Relation per entry: located when the whole record lies in one city, else spread_relation."""
    cities = {e["city"] for e in entries} | outside_cities
    relation = "located" if len(cities) == 1 else spread_relation
    return [{**e, "relation": relation} for e in entries]


def _collect(hits: list[tuple[pd.Series, str]]) -> tuple[list[dict], list[str], set[str]]:
    """(plan entries with merged reasons, outside names, outside prefectures) of (county, reason) hits."""
    reasons: dict[str, list[str]] = {}
    rows: dict[str, pd.Series] = {}
    for row, reason in hits:
        rows.setdefault(row["adcode"], row)
        reasons.setdefault(row["adcode"], [])
        if reason not in reasons[row["adcode"]]:
            reasons[row["adcode"]].append(reason)
    entries, outside, outside_cities = [], [], set()
    for adcode in sorted(rows):
        row = rows[adcode]
        if row["in_plan_area"]:
            entries.append(_entry(row, "; ".join(reasons[adcode])))
        else:
            outside.append(_outside_name(row))
            outside_cities.add(row["prefecture"])
    return entries, outside, outside_cities


def attribute_units(names: list[str], counties: gpd.GeoDataFrame) -> Attribution:
    """Exactly the member counties; a unit with no county in the plan area stays as text."""
    hits, outside_names, outside_cities = [], [], set()
    for name in names:
        members = unit_members(name, counties)
        if members["in_plan_area"].any():
            hits += [(row, "member") for _, row in members.iterrows()]
        else:
            is_county = len(members) == 1 and members["name_zh"].iloc[0] == name
            outside_names.append(_outside_name(members.iloc[0]) if is_county else name)
            outside_cities |= set(members["prefecture"])
    entries, outside, partial_cities = _collect(hits)
    return Attribution(_with_relation(entries, outside_cities | partial_cities, "covers"),
                       outside_names + outside)


def attribute_points(places: list[pd.Series], counties: gpd.GeoDataFrame) -> Attribution:
    """The county that holds each point (its declared county must agree), and for a dam or
    reservoir on a border river the county of the other bank."""
    hits, far = [], []
    for place in places:
        holding = counties.iloc[counties.sindex.query(place.geometry, predicate="within")]
        if holding.empty:
            far.append(place["county"])
            continue
        row = holding.iloc[0]
        if place["county_adcode"] and row["adcode"] != place["county_adcode"]:
            raise ValueError(f"place {place['name_zh']} lies in {_outside_name(row)} ({row['adcode']}) "
                             f"on full-resolution boundaries, not in its county {place['county']}")
        hits.append((row, "contains"))
        hits += [(other, f"bank {place['bank_river']}") for other in _other_bank(place, row, counties)]
    entries, outside, _ = _collect(hits)
    return Attribution([{**e, "relation": "located"} for e in entries], outside + far)


def _other_bank(place: pd.Series, holding: pd.Series, counties: gpd.GeoDataFrame) -> list[pd.Series]:
    """The county across the border river from a dam or reservoir (its place's `bank_county`), which
    must border the holding county within BANK_KM of the point."""
    name = place.get("bank_county", "")
    if not isinstance(name, str) or not name:
        return []
    rows = counties[counties["name_zh"] == name]
    if len(rows) != 1:
        raise ValueError(f"place {place['name_zh']}: bank county {name!r} names {len(rows)} counties")
    other = rows.iloc[0]
    near = bank_distance_km(place.geometry, holding.geometry, other.geometry)
    if near > BANK_KM:
        raise ValueError(f"place {place['name_zh']}: the {holding['name_zh']}–{name} border lies "
                         f"{near:.1f} km from it (more than {BANK_KM} km): not a border-river point")
    return [other]


def bank_distance_km(point: BaseGeometry, holding: BaseGeometry, other: BaseGeometry) -> float:
    """km from the point to the border the two counties share (inf when they share none)."""
    border = shapely.intersection(holding.boundary, other.boundary)
    if border.is_empty:
        return float("inf")
    a, b = shapely.ops.nearest_points(point, border)
    return _GEOD.inv(a.x, a.y, b.x, b.y)[2] / 1000.0


def attribute_river(line: BaseGeometry, counties: gpd.GeoDataFrame) -> Attribution:
    """A river stretch (the river's own line, not a chord): the counties it runs inside for
    MIN_CROSSING_KM or more."""
    km = crossing_km(line, counties)
    hits = [(counties.loc[i], f"along {round(k)} km") for i, k in km.items() if k >= MIN_CROSSING_KM]
    entries, outside, outside_cities = _collect(hits)
    return Attribution(_with_relation(entries, outside_cities, "passes"), outside)


def attribute_schematic_line(line: BaseGeometry, places: list[pd.Series], counties: gpd.GeoDataFrame
                             ) -> Attribution:
    """A schematic line between places the text names: exactly the counties of those places; the
    plan counties its drawn chord runs inside for MIN_CROSSING_KM or more are its passage, apart."""
    hits, far = [], []
    for place in places:
        if not place["county_adcode"]:
            far.append(place["county"])
            continue
        holding = counties[counties["adcode"] == place["county_adcode"]]
        hits.append((holding.iloc[0], f"passes {place['name_zh']}"))
    entries, outside, outside_cities = _collect(hits)
    named = {e["adcode"] for e in entries}
    km = crossing_km(line, counties)
    passage = [{"adcode": row["adcode"], "county": row["name_zh"], "city": row["prefecture"],
                "reason": f"crosses {round(k)} km"}
               for i, k in sorted(km.items(), key=lambda ik: counties.loc[ik[0], "adcode"])
               if k >= MIN_CROSSING_KM and (row := counties.loc[i])["in_plan_area"]
               and row["adcode"] not in named]
    return Attribution(_with_relation(entries, outside_cities | set(far), "passes"),
                       outside + [f for f in dict.fromkeys(far) if f not in outside], passage)


def attribute_named_cities(cities: list[str]) -> Attribution:
    """An unlocated record: the cities its text names, no county."""
    entries = [{"adcode": "", "county": "", "city": c, "reason": "named"} for c in cities]
    return Attribution(_with_relation(entries, set(), "covers"), [])
