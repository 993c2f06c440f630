"""Sub-layers of the plan catalogue: which records each toggle of the layer control holds."""

from __future__ import annotations

from dataclasses import dataclass

import folium
import geopandas as gpd

from layers.geojson_layer import Source
from layers.plan_items import records_layer


@dataclass(frozen=True)
class Sublayer:
    """A toggle of the layer control: a group heading, names and the records it selects."""

    key: str
    group: str  # a labels.TEXT key of the group heading
    name_zh: str
    name_en: str
    categories: tuple[str, ...]
    subtypes: tuple[str, ...] = ()  # empty: every subtype of the categories
    default: bool = True  # shown when the URL does not say

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en

    def select(self, catalogue: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        """The records of this sub-layer."""
        rows = catalogue[catalogue["category"].isin(self.categories)]
        if self.subtypes:
            rows = rows[rows["subtype"].isin(self.subtypes)]
        return rows


def sublayer_members(sublayers: tuple[Sublayer, ...], catalogue: gpd.GeoDataFrame) -> dict[str, frozenset[str]]:
    """The record ids of each sub-layer (cache this: it is data)."""
    return {s.key: frozenset(s.select(catalogue)["id"]) for s in sublayers}


def sublayer_group(sublayer: Sublayer, lang: str, source: Source, ids: list[str],
                   pane: str | None = None) -> folium.FeatureGroup:
    """A FeatureGroup of the given records of a catalogue_collection (served: only ids are sent)."""
    group = folium.FeatureGroup(name=sublayer.name(lang))
    if ids:
        records_layer(source, sorted(ids), pane).add_to(group)
    return group
