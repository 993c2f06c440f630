"""The compare fixture (tests/fixtures/compare): three documents, their tiny texts and records,
built into a catalogue the way the build does (unlocated records: no gazetteer place needed)."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd

from geo.catalogue import build_catalogue
from geo.catalogue_sources import read_items
from geo.documents import DocumentSet, read_documents
from geo.gazetteer import county_polygons

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "compare"
SOURCES = FIXTURE / "catalogue"
SEEDS = FIXTURE / "seeds"
DOCUMENTS = SOURCES / "documents.toml"


def fixture_documents() -> DocumentSet:
    return read_documents(DOCUMENTS)


def fixture_catalogue(counties, context, places, rivers) -> gpd.GeoDataFrame:
    return build_catalogue(read_items(SOURCES), places, county_polygons(counties, context), rivers)
