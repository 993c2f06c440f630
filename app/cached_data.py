"""The dashboard's cached data adapters: layers loaded once per server, and the map files the page
fetches (one per layer and variant, content-hashed under static/web/).

Held as shared resources, not copied per call: unpickling the frames on every call cost each run
~40 ms. Nothing may change them in place (pandas' copy-on-write keeps derived frames apart);
tests/app/test_shared_data.py drives the page and checks they are still what was loaded."""

from __future__ import annotations

import hashlib
import json
import hashlib
import logging
from collections.abc import Iterable

import geopandas as gpd
import streamlit as st

from geo import plan_data
from geo.place_names import NameLookup, city_lookup, county_lookup
from geo.place_search import load_pinyin
from geo.registry import sublayer_members
from geo.schema import DataFileError
from layers.basemap_layers import context_collection, water_collection
from layers.counties import county_collection, county_label_points, unit_outline_collection
from layers.geojson_layer import Source
from layers.names import prefecture_name
from layers.plan_items import catalogue_collection, presentation
from layers import published
from layers.published import Publication, publication
from layers.tile_basemaps import TileBasemap

log = logging.getLogger("dashboard.data")
def ids_key(ids: Iterable[str]) -> str:
    """A short key of record ids. Streamlit hashes a cached function's arguments on every call, and a tuple
    of a few hundred ids cost it ~1 ms a call: cached functions take this key, and the ids unhashed."""
    return hashlib.sha256(json.dumps(list(ids), ensure_ascii=False).encode("utf-8")).hexdigest()


def is_gcj02(basemap: TileBasemap | None) -> bool:
    """Whether the layers must be shifted to GCJ-02 to sit on this basemap's tiles."""
    return basemap is not None and basemap.gcj02


@st.cache_resource(show_spinner=False)
def load_all() -> dict[str, gpd.GeoDataFrame]:
    """Every layer, loaded and validated once per server."""
    return plan_data.load_all()


@st.cache_resource(show_spinner=False)
def web_layers(gcj02: bool) -> dict[str, gpd.GeoDataFrame]:
    """What the browser draws (see geo.plan_data.web_layers)."""
    return plan_data.web_layers(load_all(), gcj02)


@st.cache_resource(show_spinner=False)
def county_labels(gcj02: bool, lang: str) -> list[tuple[float, float, str]]:
    """Where and how each county's name is written on the map."""
    return county_label_points(web_layers(gcj02)["counties"], lang)


Progress = tuple[tuple[str, str], ...]
"""A filled ledger's 进展 per record, (record id, status key) sorted: () when none is shown."""
CACHED_VARIANTS = 64  # languages × colourings × datums, and the progress of recent uploads


@st.cache_resource(show_spinner=False, max_entries=CACHED_VARIANTS)
def presented_catalogue(lang: str, compare: bool, gcj02: bool, progress: Progress = ()) -> gpd.GeoDataFrame:
    """Every drawn record with its tooltip, popup and style, once per language and colouring."""
    return presentation(web_layers(gcj02)["catalogue"], lang, compare, dict(progress) if progress else None)


def colouring_name(compare: bool, progress: Progress) -> str:
    """The colouring's part of a map file's name (a progress colouring by its content's digest)."""
    if progress:
        return "progress-" + hashlib.sha256(repr(progress).encode("utf-8")).hexdigest()[:12]
    return "compare" if compare else "category"


@st.cache_resource(show_spinner=False, max_entries=CACHED_VARIANTS)
def map_data(layer: str, gcj02: bool, lang: str = "", compare: bool = False, filled: bool = True,
             progress: Progress = ()) -> Publication:
    """One layer's GeoJSON for the page to fetch: made once per server and variant."""
    web, crs = web_layers(gcj02), "gcj02" if gcj02 else "wgs84"
    if layer == "context":
        return publication(f"context-{'filled' if filled else 'lines'}-{crs}",
                           context_collection(web["context"], filled))
    if layer == "water":
        return publication(f"water-{crs}", water_collection(web["rivers"], web["lakes"]))
    if layer == "counties":
        return publication(f"counties-{lang}-{crs}", county_collection(web["counties"], lang))
    if layer == "units":
        return publication(f"units-{crs}", unit_outline_collection(web["unit_outlines"]))
    return publication(f"catalogue-{lang}-{colouring_name(compare, progress)}-{crs}",
                       catalogue_collection(presented_catalogue(lang, compare, gcj02, progress)))


def served(item: Publication) -> Source:
    """The URL the page fetches the data from; the data inline when it cannot be written."""
    try:
        return published.publish(item)  # looked up on each call: tests replace it
    except OSError as exc:
        log.warning("cannot write %s under static/web (%s): the map data is sent inline", item.name, exc)
        return item.collection()


@st.cache_resource(show_spinner=False)
def members() -> dict[str, frozenset[str]]:
    """The record ids of each sub-layer."""
    return sublayer_members(load_all()["catalogue"])


@st.cache_resource(show_spinner=False)
def prefecture_names(lang: str) -> dict[str, str]:
    """Each plan-area prefecture's name in the language."""
    data = load_all()
    return {p: prefecture_name(p, lang, data["context"]) for p in data["counties"]["prefecture"].unique()}


@st.cache_resource(show_spinner=False)
def name_lookups() -> tuple[NameLookup, NameLookup]:
    """The cities and the counties by any name the page shows (links read them); without the pinyin
    file, by Chinese and English names only."""
    data = load_all()
    try:
        pinyin = load_pinyin()
    except DataFileError as exc:
        log.warning("links accept no pinyin names: %s", exc)
        pinyin = {}
    return city_lookup(data["counties"], data["context"], pinyin), county_lookup(data["counties"], pinyin)
