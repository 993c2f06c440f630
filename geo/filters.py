"""Filters over the catalogue: by city, county, category, mode, document and text (pure functions)."""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

DOC_CHOICES = ("all", "plan2018", "impl2022", "both")
"""all: any record; plan2018 / impl2022: records the document cites; both: records both cite."""

COMPARISON_CLASSES = ("plan2018_only", "impl2022_only", "both")


@dataclass(frozen=True)
class Filters:
    """What the user asked to see; empty tuples mean no restriction."""

    cities: tuple[str, ...] = ()
    county: str = ""  # adcode
    categories: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()  # transport subtypes
    doc: str = "all"
    text: str = ""
    located_only: bool = False  # the city filter keeps only records located in (位于) the city


def comparison_class(docs: list[str]) -> str:
    """Where a record appears: in the 2018 plan only, the 2022 plan only, or both."""
    has_2018, has_2022 = "plan2018" in docs, "impl2022" in docs
    if has_2018 and has_2022:
        return "both"
    return "plan2018_only" if has_2018 else "impl2022_only"


def in_cities(attribution: list[dict], cities: set[str], located_only: bool = False) -> bool:
    """Whether a record has a reason for one of the cities (located in it, when located_only)."""
    return any(e["city"] in cities and (e["relation"] == "located" or not located_only)
               for e in attribution)


def _text_match(frame: pd.DataFrame, text: str) -> pd.Series:
    needle = text.strip().casefold()
    if not needle:
        return pd.Series(True, index=frame.index)
    haystack = (frame["name_zh"] + " " + frame["name_en"]).str.casefold()
    return haystack.str.contains(needle, regex=False)


def filter_catalogue(catalogue: gpd.GeoDataFrame, filters: Filters) -> gpd.GeoDataFrame:
    """The records that pass every filter."""
    keep = pd.Series(True, index=catalogue.index)
    if filters.cities:
        keep &= catalogue["attribution"].map(
            lambda entries: in_cities(entries, set(filters.cities), filters.located_only))
    if filters.county:
        keep &= catalogue["county_adcodes"].map(lambda cs: filters.county in cs)
    if filters.categories:
        keep &= catalogue["category"].isin(filters.categories)
    if filters.modes:
        keep &= (catalogue["category"] != "transport") | catalogue["subtype"].isin(filters.modes)
    if filters.doc in ("plan2018", "impl2022"):
        keep &= catalogue["docs"].map(lambda ds: filters.doc in ds)
    elif filters.doc == "both":
        keep &= catalogue["docs"].map(lambda ds: comparison_class(ds) == "both")
    keep &= _text_match(catalogue, filters.text)
    return catalogue[keep]


def counts_by_category(frame: pd.DataFrame, categories: tuple[str, ...]) -> pd.Series:
    """How many records of each category (every category listed, zeros included)."""
    return frame["category"].value_counts().reindex(list(categories), fill_value=0)
