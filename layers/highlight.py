"""The highlight of the record chosen in the table."""

from __future__ import annotations

import folium

from layers import styles
from layers.geojson_layer import ID, GeoJsonLayer, Source
from layers.labels import t


def highlight_group(records: Source, record_id: str, lang: str, pane: str | None = None
                    ) -> folium.FeatureGroup:
    """A bright outline (or ring) under the chosen record of a catalogue_collection."""
    group = folium.FeatureGroup(name=t("layer_highlight", lang), control=False)
    GeoJsonLayer(records, style={**styles.HIGHLIGHT_ITEM, "radius": styles.HIGHLIGHT_RADIUS},
                 interactive=False, match=(ID, [record_id]), pane=pane).add_to(group)
    return group
