"""Filters over the catalogue: by city, county, category, mode, document and text (pure functions)."""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from geo.documents import read_documents
from geo.ledger.join import ROLES, ledger_of

_DOCUMENTS = read_documents()
DOC_CHOICES = ("all", *_DOCUMENTS.ids, "both")
"""all: any record; a document's id (plan2018, impl2022, … from documents.toml): records it cites;
both: records both documents of the default pair cite."""

COMPARISON_CLASSES = (f"{_DOCUMENTS.default_from}_only", f"{_DOCUMENTS.default_to}_only", "both")


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
    unit: str = ""  # "lead:兰州市政府" or "any:甘肃省交通运输厅" (unit_choice): records of the 2022 tasks of a unit


UNIT_SEPARATOR = ":"


def unit_choice(role: str, unit: str) -> str:
    """The unit filter's value: a role (lead, any) and a unit as the ledger writes it."""
    return f"{role}{UNIT_SEPARATOR}{unit}"


def split_unit_choice(value: str) -> tuple[str, str]:
    """(role, unit) of a unit filter value; ("", "") when it is none."""
    role, _, unit = value.partition(UNIT_SEPARATOR)
    return (role, unit) if role in ROLES and unit else ("", "")


def comparison_class(docs: list[str], from_doc: str = _DOCUMENTS.default_from,
                     to_doc: str = _DOCUMENTS.default_to) -> str:
    """Where a record appears: in the earlier document only, the later only, or both (default pair:
    2018 → 2022); a record citing neither counts with the later document (as before)."""
    has_from, has_to = from_doc in docs, to_doc in docs
    if has_from and has_to:
        return "both"
    return f"{from_doc}_only" if has_from else f"{to_doc}_only"


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
    if filters.doc in _DOCUMENTS.ids:
        keep &= catalogue["docs"].map(lambda ds: filters.doc in ds)
    elif filters.doc == "both":
        keep &= catalogue["docs"].map(lambda ds: comparison_class(ds) == "both")
    keep &= _text_match(catalogue, filters.text)
    role, unit = split_unit_choice(filters.unit)
    if unit:
        keep &= catalogue["id"].isin(ledger_of(catalogue).records_of_unit(unit, role))
    return catalogue[keep]


def counts_by_category(frame: pd.DataFrame, categories: tuple[str, ...]) -> pd.Series:
    """How many records of each category (every category listed, zeros included)."""
    return frame["category"].value_counts().reindex(list(categories), fill_value=0)
