"""Names a user may write for places, counties and cities, matched to the gazetteer and the counties."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

ETHNIC = "(?:回族|土族|撒拉族|藏族|保安族|东乡族|蒙古族)"
_AUTONOMOUS_COUNTY = re.compile(ETHNIC + "+自治县$")
_AUTONOMOUS_PREFECTURE = re.compile(ETHNIC + "+自治州$")
COUNTY_SUFFIXES = ("县", "区", "市")
SUGGEST_CUTOFF = 0.5


def normalise(text: str) -> str:
    """Compare form of a name: NFKC (full-width to half-width), no outer blanks, case-folded."""
    return unicodedata.normalize("NFKC", text).strip().casefold()


def normalise_series(values: pd.Series) -> pd.Series:
    """normalise() over a column of text."""
    return values.astype(str).str.normalize("NFKC").str.strip().str.casefold()


def suggest(value: str, choices: tuple[str, ...]) -> str | None:
    """The closest choice to the value, or None when nothing is close."""
    found = difflib.get_close_matches(normalise(value), choices, n=1, cutoff=SUGGEST_CUTOFF)
    return found[0] if found else None


def county_aliases(name: str) -> set[str]:
    """A county's name, without its 县/区/市, and the autonomous county's short name (大通, 东乡)."""
    names = {name}
    if name.endswith(COUNTY_SUFFIXES) and len(name) > 2:
        names.add(name[:-1])
    if name.endswith("自治县"):
        short = _AUTONOMOUS_COUNTY.sub("", name) or name.removesuffix("族自治县")
        names |= {short, short + "县"}
    return names


def prefecture_aliases(name: str) -> set[str]:
    """A prefecture's name, without 市, and the autonomous prefecture's short names (临夏, 临夏州)."""
    names = {name}
    if name.endswith("市"):
        names.add(name[:-1])
    if name.endswith("自治州"):
        short = _AUTONOMOUS_PREFECTURE.sub("", name)
        names |= {short, short + "州"}
    return names


def _unambiguous(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """Alias -> target, leaving out aliases that would name two targets."""
    seen: dict[str, set] = {}
    for alias, target in pairs:
        seen.setdefault(normalise(alias), set()).add(target)
    return {a: next(iter(ts)) for a, ts in seen.items() if len(ts) == 1}


@dataclass(frozen=True)
class Names:
    """Lookups from a normalised user name to a point or a unit, with the names to suggest."""

    place_points: dict[str, tuple[float, float]]   # place name -> (lon, lat)
    county_seats: dict[str, tuple[float, float]]   # county alias -> its seat (lon, lat)
    counties: dict[str, str]                       # county alias -> adcode
    cities: dict[str, str]                         # city alias -> prefecture name
    place_choices: tuple[str, ...]
    county_choices: tuple[str, ...]
    city_choices: tuple[str, ...]
    display: dict[str, str]                        # normalised choice -> name to show


def build_names(places: gpd.GeoDataFrame, counties: gpd.GeoDataFrame) -> Names:
    """The lookups from the gazetteer (places) and the 39 counties."""
    seats = places[places["kind"] == "seat"]
    seat_at = {r.name_zh: (r.geometry.x, r.geometry.y) for r in seats.itertuples()}
    county_pairs = [(alias, r.adcode) for r in counties.itertuples()
                    for name in {r.name_zh, r.plan_name_zh} for alias in county_aliases(name)]
    county_by_alias = _unambiguous(county_pairs)
    name_of = dict(zip(counties["adcode"], counties["name_zh"]))
    city_pairs = [(alias, p) for p in counties["prefecture"].unique() for alias in prefecture_aliases(p)]
    # A county-level city written as the city (临夏市, 同仁市) stands for its prefecture.
    city_pairs += [(r.name_zh, r.prefecture) for r in counties.itertuples() if r.name_zh.endswith("市")]
    place_points = {normalise(r.name_zh): (r.geometry.x, r.geometry.y) for r in places.itertuples()}
    place_points.update({normalise(r.name_en): (r.geometry.x, r.geometry.y) for r in places.itertuples()
                         if normalise(r.name_en) not in place_points})
    display = {normalise(n): n for n in [*places["name_zh"], *counties["name_zh"],
                                         *counties["prefecture"]]}
    display.update({normalise(a): p for a, p in city_pairs if normalise(a) not in display})
    return Names(
        place_points=place_points,
        county_seats={a: seat_at[name_of[c]] for a, c in county_by_alias.items() if name_of[c] in seat_at},
        counties=county_by_alias,
        cities=_unambiguous(city_pairs),
        place_choices=tuple(normalise(n) for n in places["name_zh"]),
        county_choices=tuple(normalise(n) for n in counties["name_zh"]),
        city_choices=tuple(sorted({normalise(a) for a, _ in city_pairs})),
        display=display,
    )


def suggestion(value: str, choices: tuple[str, ...], names: Names) -> str | None:
    """The name to suggest for an unknown value, as it should be written."""
    found = suggest(value, choices)
    return names.display.get(found, found) if found else None
