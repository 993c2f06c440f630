"""Names in the language, one rule per kind: counties (full, on the map), prefecture-level cities,
records (full, in tooltips, on the map)."""

from __future__ import annotations

import geopandas as gpd

from geo.languages import pick
from geo.place_names import english_short, short_county_name

__all__ = ["english_short", "short_county_name"]  # re-exported: the name rules live in geo.place_names


def prefecture_name(city: str, lang: str, context: gpd.GeoDataFrame) -> str:
    """A prefecture-level city's name in the language (English from the context layer)."""
    hit = context[(context["level"] == "prefecture") & (context["name_zh"] == city)]
    return pick(city, str(hit["name_en"].iloc[0]) if not hit.empty else city, lang)


def name_column(lang: str) -> str:
    """The column that holds a record's (or a county's) full name in the language."""
    return pick("name_zh", "name_en", lang)


LABEL_ENDS = ("机场", "Airport")
"""A record's label ends with these words when its name has them (西宁曹家堡机场三期扩建工程 → 西宁曹家堡机场)."""


def county_name(row, lang: str) -> str:
    """A county's full name (tooltips): in English with the Chinese beside it."""
    return pick(row["name_zh"], f"{row['name_en']} ({row['name_zh']})", lang)


def county_label(row, lang: str) -> str:
    """A county's name on the map: short (民和县, Minhe)."""
    return pick(short_county_name(row["name_zh"]), english_short(row["name_en"]), lang)


def record_title(row, lang: str) -> str:
    """A record's name in tooltips and popups: in English with the Chinese beside it."""
    return pick(row["name_zh"], f"{row['name_en']} · {row['name_zh']}", lang)


def record_label(row, lang: str) -> str:
    """A record's name on the map: short county names, English without its parenthesis, cut after 机场."""
    text = pick(short_county_name(row["name_zh"]), row["name_en"].split(" (")[0], lang)
    for end in LABEL_ENDS:
        if end in text:
            text = text[:text.index(end) + len(end)]
    return text
