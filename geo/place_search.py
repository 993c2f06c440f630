"""The offline search index: the plan's cities and counties, the gazetteer's places and the
catalogue's records, each findable by its Chinese name, English name or pinyin (pure functions).

Pinyin comes from data/search_pinyin.json, written by `python -m geo build` (pypinyin is a build
dependency only): toneless syllables run together in lower case, 兰州中川国际机场 ->
lanzhouzhongchuanguojijichang. A query matches an entry when it is a case-blind substring of the
entry's label "name_zh · name_en · pinyin", exactly as the dashboard's search box filters its options.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from geo.files import DATA_DIR
from geo.schema import DataFileError

PINYIN_FILE = "search_pinyin.json"
KINDS = ("city", "county", "place", "record")
"""Hit kinds, in the order hits of equal match are listed."""
SEPARATOR = " · "


@dataclass(frozen=True)
class Entry:
    """One searchable thing: its kind, its key (city name, adcode, place id or record id) and names."""

    kind: str
    key: str
    name_zh: str
    name_en: str
    pinyin: str
    city: str = ""  # a county's prefecture-level city

    @property
    def value(self) -> str:
        """The option value the search box holds: "kind:key"."""
        return f"{self.kind}:{self.key}"

    @property
    def label(self) -> str:
        """What the search box shows and filters on."""
        return SEPARATOR.join(p for p in (self.name_zh, self.name_en, self.pinyin) if p)


def load_pinyin(data_dir: Path | None = None) -> dict[str, str]:
    """The build's table of Chinese name -> pinyin."""
    path = (data_dir or DATA_DIR) / PINYIN_FILE
    if not path.is_file():
        raise DataFileError(path, "file not found (run `python -m geo build`)")
    try:
        table = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataFileError(path, f"not valid UTF-8 JSON: {exc}") from None
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise DataFileError(path, "not an object of name -> pinyin strings")
    return table


def build_index(counties: pd.DataFrame, places: pd.DataFrame, catalogue: pd.DataFrame,
                city_names_en: Mapping[str, str], pinyin: Mapping[str, str]) -> tuple[Entry, ...]:
    """Every entry: cities, counties, places, records. A county seat named like a city or county
    of the plan is that city's or county's entry, not a place of its own (one hit per name)."""
    cities = list(dict.fromkeys(counties.sort_values("adcode")["prefecture"]))
    entries = [Entry("city", c, c, city_names_en.get(c, ""), pinyin.get(c, "")) for c in cities]
    entries += [Entry("county", r.adcode, r.name_zh, r.name_en, pinyin.get(r.name_zh, ""), r.prefecture)
                for r in counties.sort_values("adcode").itertuples()]
    taken = {e.name_zh for e in entries}
    entries += [Entry("place", r.id, r.name_zh, r.name_en, pinyin.get(r.name_zh, ""))
                for r in places.sort_values("id").itertuples()
                if not (r.kind == "seat" and r.name_zh in taken)]
    entries += [Entry("record", r.id, r.name_zh, r.name_en, pinyin.get(r.name_zh, ""))
                for r in catalogue.sort_values("id").itertuples()]
    return tuple(entries)


def matches(entry: Entry, query: str) -> bool:
    """Whether the query (trimmed, case-blind) is part of the entry's label."""
    needle = query.strip().casefold()
    return bool(needle) and needle in entry.label.casefold()


def search(index: tuple[Entry, ...], query: str, limit: int = 20) -> list[Entry]:
    """The entries a query finds, best first: exact name, then name prefix, then the rest; by kind."""
    needle = query.strip().casefold()

    def rank(entry: Entry) -> tuple[int, int, int]:
        names = (entry.name_zh.casefold(), entry.name_en.casefold(), entry.pinyin)
        closeness = 0 if needle in names else 1 if any(n.startswith(needle) for n in names) else 2
        return closeness, KINDS.index(entry.kind), len(entry.name_zh)

    return sorted((e for e in index if matches(e, query)), key=rank)[:limit]
