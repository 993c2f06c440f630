"""The 2022 plan's 责任单位 paragraphs parsed into lead and supporting units, names normalised by the
vocabulary file (data/catalogue/impl2022_units.toml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geo.files import CATALOGUE_SOURCE_DIR
from geo.schema import DataFileError
from geo.toml_files import read_toml

UNITS_FILE = CATALOGUE_SOURCE_DIR / "impl2022_units.toml"

VERBATIM, BOTH, PROVINCE, SHARED, EXPANDED, REPAIRED, INFERRED = (
    "verbatim", "both_provinces", "after_province", "shared_suffix", "expansion", "repaired", "inferred")
HOW = (VERBATIM, BOTH, PROVINCE, SHARED, EXPANDED, REPAIRED, INFERRED)
"""How a unit was read from its paragraph: as written, or by which declared rule."""

LEAD_MARK, SUPPORT_END = "牵头", "按职责分工负责"
_SPLIT = re.compile(r"[、，]|及")
_DEPARTMENTS_SUFFIX = "等部门"
_GOVERNMENT = "政府"
_PLACEHOLDER = "\x00"


@dataclass(frozen=True)
class UnitRef:
    """One unit a paragraph names: the name the ledger writes, how it was read, the words it came from."""

    name: str
    how: str
    source: str


@dataclass(frozen=True)
class Vocabulary:
    """The vocabulary file: provinces, departments, repairs, expansions, city governments, other units."""

    provinces: tuple[tuple[str, str], ...]
    both: str
    inferred: str
    inferred_en: str
    departments: dict[str, str]
    repairs: dict[str, tuple[str, tuple[tuple[str, str, str], ...]]]  # text -> (note, (province, name, en))
    expansions: dict[str, tuple[tuple[str, str], ...]]
    cities: dict[str, tuple[str, str]]  # prefecture -> (government, en)
    others: dict[str, str]

    def english(self) -> dict[str, str]:
        """Every unit name the ledger may write, with its English name."""
        names = {self.inferred: self.inferred_en, **self.others}
        for province, province_en in self.provinces:
            names.update({province + d: f"{province_en} {en}" for d, en in self.departments.items()})
        for note, units in self.repairs.values():
            names.update({p + n: f"{dict(self.provinces)[p]} {en}" for p, n, en in units})
        for units in self.expansions.values():
            names.update(dict(units))
        names.update(dict(self.cities.values()))
        return names

    def government_of(self, prefecture: str) -> str:
        """A plan-area city's government as the ledger writes it."""
        return self.cities[prefecture][0]


def _pairs(raw: object, path: Path, what: str, size: int) -> tuple[tuple[str, ...], ...]:
    if not isinstance(raw, list) or not all(isinstance(r, list) and len(r) == size and all(
            isinstance(v, str) and v for v in r) for r in raw):
        raise DataFileError(path, f"{what} must be a list of [{size} non-empty strings]")
    return tuple(tuple(r) for r in raw)


def parse_vocabulary(raw: dict, path: Path) -> Vocabulary:
    """The vocabulary from the parsed TOML, checked."""
    try:
        provinces = _pairs(raw["provinces"], path, "provinces", 2)
        repairs = {r["text"]: (r["note"], _pairs(r["units"], path, f"repair {r['text']}", 3))
                   for r in raw.get("repair", [])}
        expansions = {e["text"]: _pairs(e["units"], path, f"expansion {e['text']}", 2)
                      for e in raw.get("expansion", [])}
        cities = {c["prefecture"]: (c["government"], c["en"]) for c in raw.get("city", [])}
        vocabulary = Vocabulary(provinces, raw["both_provinces"], raw["inferred"], raw["inferred_en"],
                                dict(raw["department"]), repairs, expansions, cities, dict(raw.get("other", {})))
    except (KeyError, TypeError) as exc:
        raise DataFileError(path, f"missing or malformed key {exc}") from None
    known = {p for p, _ in provinces}
    bad = [p for _, units in repairs.values() for p, _, _ in units if p not in known]
    if bad:
        raise DataFileError(path, f"repair names unknown province(s) {bad}")
    return vocabulary


@lru_cache(maxsize=4)
def read_vocabulary(path: Path | None = None) -> Vocabulary:
    """The vocabulary file (default: data/catalogue/impl2022_units.toml)."""
    path = Path(path or UNITS_FILE)
    return parse_vocabulary(read_toml(path, DataFileError), path)


class UnitsError(ValueError):
    """A 责任单位 paragraph names a unit the vocabulary does not know."""


def _department(token: str, context: tuple[str, ...], v: Vocabulary) -> tuple[list[UnitRef], tuple[str, ...]]:
    """Units of a province-level department token, and the province context it leaves."""
    names = [p for p, _ in v.provinces]
    if token.startswith(v.both):
        provinces, rest, how = tuple(names), token[len(v.both):], BOTH
    elif any(token.startswith(p) for p in names):
        province = next(p for p in names if token.startswith(p))
        provinces, rest, how = (province,), token[len(province):], VERBATIM
    elif token.startswith("省") and context:
        provinces, rest, how = context, token[1:], PROVINCE
    else:
        raise UnitsError(f"unknown unit {token!r}")
    if rest in v.repairs:
        note, units = v.repairs[rest]
        return [UnitRef(p + n, REPAIRED, token) for p, n, _ in units if p in provinces], provinces
    if rest not in v.departments:
        raise UnitsError(f"unknown department {rest!r} in {token!r}")
    if how == VERBATIM:
        return [UnitRef(token, VERBATIM, token)], provinces
    return [UnitRef(p + rest, how, token) for p in provinces], provinces


def parse_units(text: str, v: Vocabulary | None = None) -> tuple[tuple[UnitRef, ...], tuple[UnitRef, ...]]:
    """(lead, supporting) units of a 责任单位 paragraph's text ("X牵头，Y等部门按职责分工负责")."""
    v = v or read_vocabulary()
    lead_text, mark, support_text = text.partition(LEAD_MARK)
    if not mark:
        raise UnitsError(f"no {LEAD_MARK} in {text!r}")
    support_text = support_text.lstrip("，").removesuffix(SUPPORT_END)
    context: tuple[str, ...] = ()
    parts = []
    for part in (lead_text, support_text):
        refs: list[UnitRef] = []
        phrases = list(v.expansions)
        for i, phrase in enumerate(phrases):  # a phrase holds 、: kept whole as one placeholder token
            part = part.replace(phrase, f"{_PLACEHOLDER}{i}")
        tokens = [t.removesuffix(_DEPARTMENTS_SUFFIX).strip() for t in _SPLIT.split(part)]
        tokens = [t for t in tokens if t]
        for i, token in enumerate(tokens):
            if token.startswith(_PLACEHOLDER):
                phrase = phrases[int(token[1:])]
                refs += [UnitRef(name, EXPANDED, phrase) for name, _ in v.expansions[phrase]]
            elif token == v.inferred:
                refs.append(UnitRef(token, INFERRED, token))
            elif token in v.others:
                refs.append(UnitRef(token, VERBATIM, token))
            elif token in {g for g, _ in v.cities.values()}:
                refs.append(UnitRef(token, VERBATIM, token))
            elif token.endswith(("市", "州")) and i + 1 < len(tokens) and tokens[i + 1].endswith(_GOVERNMENT):
                refs.append(UnitRef(token + _GOVERNMENT, SHARED, token))
            else:
                found, context = _department(token, context, v)
                refs += found
        parts.append(tuple(dict.fromkeys(refs)))
    return parts[0], parts[1]
