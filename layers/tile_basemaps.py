"""Optional tile basemaps (online): 天地图 with a key, AMap (GCJ-02), OSM, CartoDB."""

from __future__ import annotations

import os
from dataclasses import dataclass

import folium

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
    max_zoom: int = 18


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


def available_basemaps(environ: dict[str, str] | None = None) -> dict[str, TileBasemap | None]:
    """The basemaps a user may choose: offline first; 天地图 only when its key is set."""
    env = os.environ if environ is None else environ
    choices: dict[str, TileBasemap | None] = {OFFLINE: None}
    key = env.get(TIANDITU_KEY_ENV, "").strip()
    if key:
        choices[TIANDITU] = _tianditu(key)
    choices.update(STATIC_BASEMAPS)
    return choices


def add_tiles(m: folium.Map, basemap: TileBasemap) -> None:
    """Add a tile basemap's layers beneath everything else."""
    for url in basemap.urls:
        folium.TileLayer(tiles=url, attr=basemap.attribution, subdomains=basemap.subdomains,
                         max_zoom=basemap.max_zoom, control=False, overlay=False).add_to(m)
