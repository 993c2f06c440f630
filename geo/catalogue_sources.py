"""Read the hand-curated catalogue sources (data/catalogue/*.toml) and check their vocabulary."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from geo.documents import DOCUMENTS_FILE, read_documents
from geo.files import CATALOGUE_SOURCE_DIR
from geo.schema import (CATEGORY_PREFIXES, DOCUMENTS, GEOMETRY_RULES, MAX_QUOTE_CHARS, PLACE_KINDS,
                        SUBTYPES, DataFileError)
from geo.toml_files import read_toml

RECORD_FILES = ("structure.toml", "ecology.toml", "transport.toml", "projects.toml")
"""The first record files; any other *.toml beside them that holds [[item]] tables is one too."""
LINKS = ("renamed", "merged")
"""How a later document names an item an earlier one names differently (a source's `link`)."""
LOCATORS = ("geonames", "icao", "adcode", "seat", "on_river", "interior")
BANK_KINDS = ("dam", "reservoir")
"""Places that stand on a river and so may belong to both banks' counties (`bank`)."""


@dataclass(frozen=True)
class PlaceSource:
    """A place as curated: names, kind, county and how to locate it in a dataset."""

    name_zh: str
    name_en: str
    kind: str
    county: str
    locator: str
    ref: str
    note: str
    file: str
    approximate: bool = False
    toward: str = ""  # on_river: the place whose nearest river point is taken (default: the county seat)
    bank_river: str = ""  # a dam or reservoir on a river that forms its county's border: that river
    bank_county: str = ""  # and the county of the other bank


def _read_toml(path: Path) -> dict:
    return read_toml(path, DataFileError)


def read_places(source_dir: Path | None = None) -> list[PlaceSource]:
    """Every curated place; a name defined twice must be defined identically."""
    folder = (source_dir or CATALOGUE_SOURCE_DIR) / "places"
    by_name: dict[str, PlaceSource] = {}
    for path in sorted(folder.glob("*.toml")):
        for i, raw in enumerate(_read_toml(path).get("place", [])):
            where = f"place {i} ({raw.get('name_zh', '?')})"
            missing = [k for k in ("name_zh", "name_en", "kind", "county", "locate") if not raw.get(k)]
            if missing:
                raise DataFileError(path, f"{where}: missing {', '.join(missing)}")
            if raw["kind"] not in PLACE_KINDS:
                raise DataFileError(path, f"{where}: kind {raw['kind']!r} not in {PLACE_KINDS}")
            locate = dict(raw["locate"]) if isinstance(raw["locate"], dict) else raw["locate"]
            toward = locate.pop("toward", "") if isinstance(locate, dict) and "on_river" in locate else ""
            if not isinstance(locate, dict) or len(locate) != 1 or next(iter(locate)) not in LOCATORS:
                raise DataFileError(path, f"{where}: locate must be one of {LOCATORS} (on_river may add "
                                    f"toward), got {raw['locate']!r}")
            (locator, ref), = locate.items()
            if not isinstance(raw.get("approximate", False), bool):
                raise DataFileError(path, f"{where}: approximate must be true or false")
            bank = raw.get("bank", {})
            if bank and (raw["kind"] not in BANK_KINDS or not isinstance(bank, dict)
                         or set(bank) != {"river", "county"} or not all(bank.values())):
                raise DataFileError(path, f"{where}: bank = {{ river, county }} is only for a "
                                    f"{' or '.join(BANK_KINDS)} on a border river, got {bank!r}")
            place = PlaceSource(raw["name_zh"], raw["name_en"], raw["kind"], raw["county"], locator,
                                str(ref), raw.get("note", ""), path.name, raw.get("approximate", False),
                                toward, bank.get("river", ""), bank.get("county", ""))
            known = by_name.get(place.name_zh)
            if known and (known.kind, known.county, known.locator, known.ref) != (
                    place.kind, place.county, place.locator, place.ref):
                raise DataFileError(path, f"{where}: defined differently in {known.file}")
            by_name.setdefault(place.name_zh, place)
    return [by_name[n] for n in sorted(by_name)]


def _check_source(s: dict, doc_ids: tuple[str, ...]) -> list[str]:
    """Problems of one citation: its document, section, quote, and optional verb and link."""
    problems = []
    if s.get("doc") not in doc_ids:
        problems.append(f"source doc {s.get('doc')!r} not in {doc_ids}")
    if not s.get("section") or not s.get("quote"):
        return problems + ["source needs section and quote"]
    quote = "".join(s["quote"].split())
    if len(quote) > MAX_QUOTE_CHARS:
        problems.append(f"quote longer than {MAX_QUOTE_CHARS} characters")
    if "verb" in s and (not isinstance(s["verb"], str) or s["verb"] not in quote):
        problems.append(f"source verb {s['verb']!r} does not occur in its quote")
    if "link" in s and s["link"] not in LINKS:
        problems.append(f"source link {s['link']!r} not in {LINKS}")
    if ("link" in s) != bool(str(s.get("link_note", "")).strip()):
        problems.append("a source link needs a link_note saying what the document calls the item, and vice versa")
    return problems


def item_names(item: dict) -> list[str]:
    """The names a quote may name the record by: its name_zh and its declared aliases."""
    names = [item.get("name_zh", ""), *item.get("aliases", [])]
    return ["".join(str(n).split()) for n in names if isinstance(n, str) and n.strip()]


def quote_names_item(item: dict, quote: str) -> bool:
    """Whether the quote holds the record's name or one of its aliases (white space aside)."""
    flat = "".join(quote.split())
    return any(name in flat for name in item_names(item))


def check_item(item: dict, doc_ids: tuple[str, ...] | None = None) -> list[str]:
    """Problems of one record's vocabulary and shape (empty when it is well formed)."""
    doc_ids = doc_ids or tuple(DOCUMENTS)
    problems = []
    for key in ("id", "name_zh", "name_en", "category", "subtype"):
        if not isinstance(item.get(key), str) or not item.get(key):
            problems.append(f"missing {key}")
    category = item.get("category")
    if category not in CATEGORY_PREFIXES:
        problems.append(f"category {category!r} not in {tuple(CATEGORY_PREFIXES)}")
    else:
        if not str(item.get("id", "")).startswith(CATEGORY_PREFIXES[category]):
            problems.append(f"id must start with {CATEGORY_PREFIXES[category]!r}")
        if item.get("subtype") not in SUBTYPES[category]:
            problems.append(f"subtype {item.get('subtype')!r} not in {SUBTYPES[category]}")
    rules = [r for r in GEOMETRY_RULES if r in item]
    if len(rules) != 1:
        problems.append(f"needs exactly one geometry key of {GEOMETRY_RULES}, has {rules}")
    if "unlocated" in item and (not isinstance(item["unlocated"], str) or not item["unlocated"].strip()):
        problems.append("unlocated must say why the record has no place (a non-empty string)")
    if "cities" in item:
        cities = item["cities"]
        if "unlocated" not in item:
            problems.append("cities may be given only on an unlocated record")
        elif not isinstance(cities, list) or not all(isinstance(c, str) and c for c in cities):
            problems.append("cities must be a list of prefecture-level names")
    aliases = item.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        problems.append("aliases must be a list of names")
        aliases = []
    sources = item.get("source", [])
    if not sources:
        problems.append("no [[item.source]]")
    for s in sources:
        problems += _check_source(s, doc_ids)
        if s.get("quote") and not quote_names_item(item, str(s["quote"])):
            problems.append(f"quote {s['quote']!r} names neither {item.get('name_zh')!r} nor an alias")
    unused = [a for a in aliases if not any("".join(a.split()) in "".join(str(s.get("quote", "")).split())
                                            for s in sources)]
    if unused:
        problems.append(f"aliases {unused} occur in none of its quotes")
    if any("link" in s for s in sources[:1]):
        problems.append("the first source is the item's own name: only a later citation may carry a link")
    verb = item.get("verb", "")
    if verb and not any(verb in "".join(s.get("quote", "").split()) for s in sources):
        problems.append(f"verb {verb!r} occurs in none of its quotes")
    return problems


def read_items(source_dir: Path | None = None) -> list[dict]:
    """Every curated record, checked against the documents file beside them (documents.toml, else
    the project's); the first malformed one raises DataFileError."""
    folder = source_dir or CATALOGUE_SOURCE_DIR
    own = folder / DOCUMENTS_FILE.name
    doc_ids = read_documents(own if own.is_file() else None).ids
    others = sorted(p.name for p in folder.glob("*.toml") if p.name not in (*RECORD_FILES, DOCUMENTS_FILE.name))
    items, seen = [], {}
    for name in (*RECORD_FILES, *others):
        path = folder / name
        for raw in _read_toml(path).get("item", []):
            problems = check_item(raw, doc_ids)
            if problems:
                raise DataFileError(path, f"item {raw.get('id', '?')}: {'; '.join(problems)}")
            if raw["id"] in seen:
                raise DataFileError(path, f"item id {raw['id']} also in {seen[raw['id']]}")
            seen[raw["id"]] = name
            items.append(raw)
    return items
