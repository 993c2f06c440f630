"""Optional tile basemaps: 天地图 with a key, AMap (GCJ-02), OSM, CartoDB, and an office's own from a file
(layers/basemap_file.py)."""

from __future__ import annotations

import html
import os
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

import folium

from layers import styles
from layers.labels import pick, t

TIANDITU_KEY_ENV = "TIANDITU_KEY"
OFFLINE = "offline"
TIANDITU = "tianditu"


@dataclass(frozen=True)
class TileBasemap:
    """A tile source: URL templates (base and optional labels), attribution, datum."""

    key: str
    urls: tuple[str, ...]
    attribution: str
    subdomains: str = "abc"
    gcj02: bool = False
    max_zoom: int = 18  # the deepest zoom the server has tiles for; closer, Leaflet enlarges them
    names: tuple[str, str] = ("", "")  # (zh, en) of a basemap from a file; the built-ins' are texts

    def hosts(self) -> tuple[str, ...]:
        """The servers its tiles come from (a subdomain's {s} as *: t*.tianditu.gov.cn)."""
        return tuple(dict.fromkeys(urlsplit(u).netloc.replace("{s}", "*") for u in self.urls))


def _tianditu(key: str) -> TileBasemap:
    wmts = ("https://t{s}.tianditu.gov.cn/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
            "&LAYER={layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={{z}}&TILEROW={{y}}"
            "&TILECOL={{x}}&tk={key}")
    return TileBasemap(TIANDITU, (wmts.format(s="{s}", layer="vec", key=key),
                                    wmts.format(s="{s}", layer="cva", key=key)),
                       "© 天地图 Tianditu (国家地理信息公共服务平台)", subdomains="01234567")


STATIC_BASEMAPS = {
    "amap": TileBasemap("amap", ("https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1"
                                 "&style=8&x={x}&y={y}&z={z}",),
                        "© 高德地图 AMap (GCJ-02)", subdomains="1234", gcj02=True),
    "osm": TileBasemap("osm", ("https://tile.openstreetmap.org/{z}/{x}/{y}.png",),
                       "© OpenStreetMap contributors", subdomains="abc", max_zoom=19),
    "cartodb": TileBasemap("cartodb", ("https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}.png",),
                           "© OpenStreetMap contributors © CARTO", subdomains="abcd"),
}


def available_basemaps(environ: dict[str, str] | None = None, own: Iterable[TileBasemap] = (),
                       public: bool = True) -> dict[str, TileBasemap | None]:
    """The basemaps a user may choose: offline first, then an office's own (from its file), then 天地图
    (only when its key is set) and the public services unless the file turns them off."""
    env = os.environ if environ is None else environ
    choices: dict[str, TileBasemap | None] = {OFFLINE: None}
    choices.update({b.key: b for b in own})
    key = env.get(TIANDITU_KEY_ENV, "").strip()
    if key:
        choices[TIANDITU] = _tianditu(key)
    if public:
        choices.update(STATIC_BASEMAPS)
    return choices


def basemap_name(key: str, basemap: TileBasemap | None, lang: str) -> str:
    """A basemap's name in the language: a file's own name, else the built-in text."""
    if basemap is not None and any(basemap.names):
        return pick(*basemap.names, lang)
    return t(f"basemap_{key}", lang)


def add_tiles(m: folium.Map, basemap: TileBasemap) -> None:
    """Add a tile basemap's layers (the base, then any label layer) beneath everything else; the
    attribution is shown as text (Leaflet would read it as HTML)."""
    for url in basemap.urls:
        folium.TileLayer(tiles=url, attr=html.escape(basemap.attribution), subdomains=basemap.subdomains,
                         max_native_zoom=basemap.max_zoom, max_zoom=max(basemap.max_zoom, styles.MAX_ZOOM),
                         control=False, overlay=False).add_to(m)
