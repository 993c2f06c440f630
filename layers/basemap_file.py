"""An office's own tile basemaps, from a TOML file (LXPM_BASEMAPS, else basemaps.toml at the project
root): XYZ or WMTS KVP URL templates, their datum, an optional label layer. Read and checked whole: a
file with any problem adds nothing and names its first problem in one line."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from layers.tile_basemaps import OFFLINE, STATIC_BASEMAPS, TIANDITU, TileBasemap

BASEMAPS_ENV = "LXPM_BASEMAPS"
DEFAULT_FILE = "basemaps.toml"
CRS = {"wgs84": False, "gcj02": True}
"""The datums a file may name, and whether the layers shift to GCJ-02 to sit on the tiles. 天地图 and
most government servers use CGCS2000, which is WGS-84 within centimetres: wgs84."""
ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,31}")
WMTS_NAMES = {"tilematrix": "z", "tilerow": "y", "tilecol": "x"}
"""WMTS template variables, written as Leaflet's ({TileMatrix} → {z}); any case."""
TEMPLATE_VARIABLES = {"s", "x", "y", "-y", "z", "r"}
REQUIRED_KEYS = {"id", "url", "crs"}
OPTIONAL_KEYS = {"name_zh", "name_en", "attribution", "subdomains", "max_zoom", "overlay_url"}
MAX_TEXT = 200
MAX_BASEMAPS = 20
ZOOM_RANGE = (1, 22)


class BasemapFileError(ValueError):
    """A basemaps file that cannot be used, with the one line that says why."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path, self.problem = str(path), problem


@dataclass(frozen=True)
class BasemapFile:
    """What a basemaps file adds: its basemaps, and whether the public tile services stay on offer."""

    basemaps: tuple[TileBasemap, ...] = ()
    public: bool = True


def basemaps_path(environ: Mapping[str, str], root: Path) -> Path | None:
    """The file to read: LXPM_BASEMAPS when set (it must exist), else basemaps.toml at the root if there."""
    named = environ.get(BASEMAPS_ENV, "").strip()
    if named:
        return Path(named)
    default = root / DEFAULT_FILE
    return default if default.is_file() else None


def leaflet_template(url: str, where: str) -> str:
    """The URL as Leaflet's template ({TileMatrix}/{TileRow}/{TileCol} → {z}/{y}/{x}); ValueError when it is
    not an http(s) URL with {z}, {x} and {y}, or names another variable."""
    if not isinstance(url, str) or not url.strip():
        raise ValueError(f"{where} must be a URL text")
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{where} must start with http:// or https:// and name a server, not {url[:80]!r}")
    if re.search(r"\s", url):
        raise ValueError(f"{where} holds a space")
    url = re.sub(r"\{(\w+)\}", lambda m: "{" + WMTS_NAMES.get(m.group(1).lower(), m.group(1)) + "}", url)
    found = set(re.findall(r"\{([^{}]*)\}", url))
    unknown = sorted(found - TEMPLATE_VARIABLES)
    if unknown:
        raise ValueError(f"{where} names unknown variables {', '.join('{' + v + '}' for v in unknown)}; "
                         "use {z}, {x}, {y} (or WMTS {TileMatrix}, {TileCol}, {TileRow}) and {s}")
    if not {"z", "x"} <= found or not found & {"y", "-y"}:
        raise ValueError(f"{where} lacks {{z}}, {{x}} or {{y}} (or WMTS {{TileMatrix}}, {{TileCol}}, {{TileRow}})")
    return url


def _text(entry: dict, key: str, where: str, default: str = "") -> str:
    value = entry.get(key, default)
    if not isinstance(value, str):
        raise ValueError(f"{where}: {key} must be a text")
    if len(value) > MAX_TEXT or re.search(r"[\x00-\x1f\x7f]", value):
        raise ValueError(f"{where}: {key} is longer than {MAX_TEXT} characters or holds a control character")
    return value.strip()


def basemap_of(entry: object, number: int, taken: set[str]) -> TileBasemap:
    """One [[basemap]] table as a tile basemap; ValueError naming the entry and its problem."""
    where = f"basemap {number}"
    if not isinstance(entry, dict):
        raise ValueError(f"{where} is not a table")
    missing = sorted(REQUIRED_KEYS - set(entry))
    unknown = sorted(set(entry) - REQUIRED_KEYS - OPTIONAL_KEYS)
    if missing or unknown:
        raise ValueError(f"{where}: " + "; ".join(
            ([f"missing {', '.join(missing)}"] if missing else [])
            + ([f"unknown key {', '.join(unknown)} (keys: {', '.join(sorted(REQUIRED_KEYS | OPTIONAL_KEYS))})"]
               if unknown else [])))
    key = entry["id"]
    if not isinstance(key, str) or not ID.fullmatch(key):
        raise ValueError(f"{where}: id must be 1–32 lower-case letters, digits, - or _ (a link's basemap=)")
    where = f"basemap {key!r}"
    if key in taken:
        raise ValueError(f"{where}: the id is taken (built in: {OFFLINE}, {TIANDITU}, {', '.join(STATIC_BASEMAPS)}; "
                         "or twice in the file)")
    crs = entry["crs"]
    if crs not in CRS:
        raise ValueError(f"{where}: unknown crs {str(crs)[:40]!r}; use wgs84 (天地图, CGCS2000) or gcj02 (AMap)")
    urls = [leaflet_template(entry["url"], f"{where}: url")]
    if "overlay_url" in entry:
        urls.append(leaflet_template(entry["overlay_url"], f"{where}: overlay_url"))
    subdomains = _text(entry, "subdomains", where)
    if not re.fullmatch(r"[A-Za-z0-9]*", subdomains):
        raise ValueError(f"{where}: subdomains must be letters and digits, one a subdomain (e.g. \"abc\", \"01234567\")")
    if any("{s}" in u for u in urls) and not subdomains:
        raise ValueError(f"{where}: the url has {{s}} but no subdomains are given (e.g. subdomains = \"abc\")")
    max_zoom = entry.get("max_zoom", 18)
    if isinstance(max_zoom, bool) or not isinstance(max_zoom, int) or not ZOOM_RANGE[0] <= max_zoom <= ZOOM_RANGE[1]:
        raise ValueError(f"{where}: max_zoom must be a whole number from {ZOOM_RANGE[0]} to {ZOOM_RANGE[1]}")
    name_zh, name_en = _text(entry, "name_zh", where), _text(entry, "name_en", where)
    if not (name_zh or name_en):
        raise ValueError(f"{where}: give name_zh or name_en (the sidebar's name)")
    attribution = _text(entry, "attribution", where) or urlsplit(urls[0]).hostname or key
    return TileBasemap(key, tuple(urls), attribution, subdomains=subdomains or "abc", gcj02=CRS[crs],
                       max_zoom=max_zoom, names=(name_zh or name_en, name_en or name_zh))


def parse_basemaps(text: str) -> BasemapFile:
    """The basemaps a file's text adds; ValueError with its first problem."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"not valid TOML: {exc}") from None
    unknown = sorted(set(document) - {"basemap", "public_basemaps"})
    if unknown:
        raise ValueError(f"unknown top-level key {', '.join(unknown)} (keys: [[basemap]] tables, public_basemaps)")
    public = document.get("public_basemaps", True)
    if not isinstance(public, bool):
        raise ValueError("public_basemaps must be true or false")
    entries = document.get("basemap", [])
    if not isinstance(entries, list) or not entries:
        raise ValueError("holds no [[basemap]] table")
    if len(entries) > MAX_BASEMAPS:
        raise ValueError(f"holds {len(entries)} basemaps; at most {MAX_BASEMAPS}")
    taken = {OFFLINE, TIANDITU, *STATIC_BASEMAPS}
    basemaps = []
    for number, entry in enumerate(entries, 1):
        basemaps.append(basemap_of(entry, number, taken))
        taken.add(basemaps[-1].key)
    return BasemapFile(tuple(basemaps), public)


def read_basemaps(path: Path) -> BasemapFile:
    """The basemaps a file adds; BasemapFileError (one line: the file and its first problem) otherwise."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise BasemapFileError(path, f"file not found (named by {BASEMAPS_ENV} or at the project root)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BasemapFileError(path, f"cannot be read ({getattr(exc, 'strerror', None) or type(exc).__name__})") from None
    try:
        return parse_basemaps(text)
    except ValueError as exc:
        raise BasemapFileError(path, " ".join(str(exc).split())) from None
