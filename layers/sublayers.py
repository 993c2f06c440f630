"""A sub-layer of the registry drawn as a feature group of catalogue records."""

from __future__ import annotations

import folium

from geo.registry import Sublayer
from layers.geojson_layer import Source
from layers.labels import t
from layers.plan_items import records_layer


def sublayer_group(sublayer: Sublayer, lang: str, source: Source, ids: list[str],
                   pane: str | None = None) -> folium.FeatureGroup:
    """A FeatureGroup of the given records of a catalogue_collection (served: only ids are sent)."""
    group = folium.FeatureGroup(name=t(f"sublayer_{sublayer.key}", lang))
    if ids:
        records_layer(source, sorted(ids), pane).add_to(group)
    return group
