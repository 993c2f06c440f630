"""The one lookup of a city or county by any name the page shows: Chinese, English (full or short) or
pinyin, in any case; used by the dashboard's links and by every command line (pure functions)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

ETHNIC_GROUPS = ("保安族", "东乡族", "撒拉族", "回族", "土族", "藏族", "蒙古族")
_IGNORED = re.compile(r"[\s'’·\-_]+")


def short_county_name(name_zh: str) -> str:
    """A county name without the ethnic groups of an autonomous county (民和回族土族自治县 → 民和县)."""
    if not name_zh.endswith("自治县"):
        return name_zh
    base = name_zh.removesuffix("自治县")
    changed = True
    while changed:
        changed = False
        for group in ETHNIC_GROUPS:
            if base.endswith(group) and len(base) - len(group) >= 2:
                base, changed = base.removesuffix(group), True
    return base.removesuffix("族") + "县"


def english_short(name_en: str) -> str:
    """An English place name without its kind (Chengguan District → Chengguan; Linxia Hui … → Linxia)."""
    return name_en.split(" ")[0]


def name_key(text: str) -> str:
    """What two spellings of one name share: width-folded, case-blind, without spaces, hyphens or apostrophes."""
    return _IGNORED.sub("", unicodedata.normalize("NFKC", str(text))).casefold()


@dataclass(frozen=True)
class NameLookup:
    """Names (by name_key) → the canonical value (a city's Chinese name, a county's adcode)."""

    names: Mapping[str, str]
    kind: str  # "city" | "county": for messages

    def find(self, text: str) -> str | None:
        """The canonical value a name stands for, or None (unknown, or shared by two places)."""
        return self.names.get(name_key(text)) if text and text.strip() else None


def _lookup(aliases: Iterable[tuple[str, str]], kind: str) -> NameLookup:
    """A lookup of (alias, value) pairs; an alias two values share (Linxia: a city and a county) is left out,
    unless it is one of them's own canonical value."""
    found: dict[str, set[str]] = {}
    canonical: dict[str, str] = {}
    for alias, value in aliases:
        if alias:
            found.setdefault(name_key(alias), set()).add(value)
            if alias == value:
                canonical[name_key(alias)] = value
    names = {k: next(iter(v)) for k, v in found.items() if len(v) == 1}
    return NameLookup({**names, **canonical}, kind)


def plan_cities(counties: pd.DataFrame) -> tuple[str, ...]:
    """The prefecture-level cities of the plan area, in adcode order."""
    return tuple(dict.fromkeys(counties.sort_values("adcode")["prefecture"]))


def city_lookup(counties: pd.DataFrame, context: pd.DataFrame, pinyin: Mapping[str, str]) -> NameLookup:
    """The plan's cities by Chinese name, English name (Haibei Autonomous Prefecture, Haibei) and pinyin."""
    cities = plan_cities(counties)
    prefectures = context[(context["level"] == "prefecture") & context["name_zh"].isin(cities)]
    english = dict(zip(prefectures["name_zh"], prefectures["name_en"]))
    aliases = []
    for city in cities:
        en = english.get(city, "")
        aliases += [(city, city), (en, city), (english_short(en), city), (pinyin.get(city, ""), city)]
    return _lookup(aliases, "city")


def county_lookup(counties: pd.DataFrame, pinyin: Mapping[str, str]) -> NameLookup:
    """The plan's counties by adcode, Chinese name (full or short: 民和县), English name (Minhe Autonomous
    County, Minhe) and pinyin."""
    aliases = []
    for row in counties.sort_values("adcode").itertuples():
        names = (row.adcode, row.name_zh, short_county_name(row.name_zh), row.name_en, english_short(row.name_en),
                 pinyin.get(row.name_zh, ""))
        aliases += [(name, row.adcode) for name in names]
    return _lookup(aliases, "county")


def resolve(lookup: NameLookup, text: str, choices: Iterable[str]) -> str:
    """The canonical value of a name; ValueError naming the choices when it is unknown."""
    found = lookup.find(text)
    if found is None:
        raise ValueError(f"unknown {lookup.kind} {text.strip()!r}: choose one of {', '.join(choices)} "
                         "(Chinese, English or pinyin)")
    return found
