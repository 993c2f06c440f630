"""Pinyin of every name the search box finds, written once at build time (data/search_pinyin.json),
so the dashboard searches pinyin without pypinyin."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from pypinyin import lazy_pinyin

from geo.catalogue import load_catalogue
from geo.counties import load_counties
from geo.gazetteer import load_places
from geo.place_search import PINYIN_FILE

_NOT_LETTER = re.compile(r"[^a-z0-9]+")


def search_pinyin(name_zh: str) -> str:
    """Toneless pinyin syllables run together, lower case, letters and digits only (兰州站 -> lanzhouzhan)."""
    return _NOT_LETTER.sub("", "".join(lazy_pinyin(name_zh)).lower())


def pinyin_table(names: Iterable[str]) -> dict[str, str]:
    """Each distinct Chinese name and its pinyin, sorted by name."""
    return {name: search_pinyin(name) for name in sorted(set(names))}


def searchable_names(data_dir: Path) -> list[str]:
    """Every Chinese name the search index holds: cities, counties, places and records."""
    counties = load_counties(data_dir)
    return [*counties["prefecture"], *counties["name_zh"], *load_places(data_dir)["name_zh"],
            *load_catalogue(data_dir)["name_zh"]]


def write_search_pinyin(out_dir: Path) -> Path:
    """Write the pinyin table of the layers already built in out_dir."""
    path = out_dir / PINYIN_FILE
    path.write_text(json.dumps(pinyin_table(searchable_names(out_dir)), ensure_ascii=False, indent=0,
                               sort_keys=True) + "\n", encoding="utf-8")
    return path
