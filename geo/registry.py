"""The one registry of what the map can show: groups -> sub-layers -> categories and subtypes, the
base layers, the default layers and the briefing presets. The dashboard, the URL, the figures, the
deck and the exports all read it; their texts are keyed by these names (see layers/labels.py)."""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from geo.schema import SUBTYPES

TRANSPORT_MODES: tuple[str, ...] = SUBTYPES["transport"]
"""The transport filter's choices: the schema's transport subtypes."""

GROUPS: tuple[str, ...] = ("base", "structure", "ecology", "transport", "projects")
"""Headings of the layer control and the sidebar, in order (text key: group_<name>)."""

BASE_LAYERS: tuple[str, ...] = ("counties", "units", "labels")
"""The plan area's own layers in group 'base' (text key: layer_<name>)."""


@dataclass(frozen=True)
class Sublayer:
    """A toggle of the layer control: its group and the catalogue records it holds (text key: sublayer_<key>)."""

    key: str
    group: str
    categories: tuple[str, ...]
    subtypes: tuple[str, ...] = ()  # empty: every subtype of the categories
    default: bool = False  # shown when the URL does not say

    def holds(self, category: str, subtype: str) -> bool:
        """Whether a record of this category and subtype belongs here."""
        return category in self.categories and (not self.subtypes or subtype in self.subtypes)

    def select(self, catalogue: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        """The records of this sub-layer."""
        rows = catalogue[catalogue["category"].isin(self.categories)]
        if self.subtypes:
            rows = rows[rows["subtype"].isin(self.subtypes)]
        return rows


OTHER_CATEGORIES = ("energy", "information", "water", "industry", "opening", "culture")
"""Categories shown one toggle each under 'projects'."""

# The default tells the plan's story at a glance: the plan area, 一带双圈多节点 and the transport
# network; the rest is one click away.
SUBLAYERS: tuple[Sublayer, ...] = (
    Sublayer("belt_circles", "structure", ("structure",), ("belt", "metro_circle", "commuting_circle"), default=True),
    Sublayer("nodes", "structure", ("structure",), ("central_city", "node_city", "node_town", "new_city"),
             default=True),
    Sublayer("platforms", "structure", ("structure",), ("platform",)),
    Sublayer("eco_frame", "ecology", ("ecology",), ("protection_belt", "river_corridor", "mountain_corridor")),
    Sublayer("eco_zones", "ecology", ("ecology",), ("barrier", "governance_zone")),
    Sublayer("eco_projects", "ecology", ("ecology",),
             ("park", "wetland", "reservoir", "sand_control", "pollution_control", "restoration")),
    Sublayer("rail", "transport", ("transport",), ("railway",), default=True),
    Sublayer("roads", "transport", ("transport",), ("highway", "road"), default=True),
    Sublayer("air_hubs", "transport", ("transport",), ("airport", "hub", "logistics"), default=True),
    *(Sublayer(f"cat_{c}", "projects", (c,)) for c in OTHER_CATEGORIES),
)
SUBLAYER_BY_KEY: dict[str, Sublayer] = {s.key: s for s in SUBLAYERS}

LAYERS: tuple[str, ...] = (*BASE_LAYERS, *(s.key for s in SUBLAYERS))
"""Every toggle, as the URL's `layers` parameter names them."""
DEFAULT_LAYERS: tuple[str, ...] = (*BASE_LAYERS, *(s.key for s in SUBLAYERS if s.default))


def group_of(layer: str) -> str:
    """The group a toggle belongs to."""
    return "base" if layer in BASE_LAYERS else SUBLAYER_BY_KEY[layer].group


def layer_groups() -> dict[str, tuple[str, ...]]:
    """Each group's toggles, in registry order."""
    return {g: tuple(k for k in LAYERS if group_of(k) == g) for g in GROUPS}


def sublayer_of(category: str, subtype: str) -> str:
    """The key of the one sub-layer that holds records of this category and subtype."""
    hits = [s.key for s in SUBLAYERS if s.holds(category, subtype)]
    if len(hits) != 1:
        raise KeyError(f"{category}/{subtype} is held by {len(hits)} sub-layers: {hits}")
    return hits[0]


def sublayer_members(catalogue: gpd.GeoDataFrame) -> dict[str, frozenset[str]]:
    """The record ids of each sub-layer (cache this: it is data)."""
    return {s.key: frozenset(s.select(catalogue)["id"]) for s in SUBLAYERS}


def select_sublayers(catalogue: gpd.GeoDataFrame, keys: tuple[str, ...]) -> gpd.GeoDataFrame:
    """The records of the given sub-layers, each once, in catalogue order."""
    parts = [SUBLAYER_BY_KEY[k].select(catalogue) for k in keys if k in SUBLAYER_BY_KEY]
    if not parts:
        return catalogue.iloc[0:0]
    return catalogue.loc[catalogue.index.isin(pd.concat(parts).index)]


# ------------------------------------------------------------------ briefing presets

FILL_KINDS = ("plain", "circles", "city")
"""How strongly a preset fills areas (the scales live in layers/styles.py)."""


@dataclass(frozen=True)
class Preset:
    """A briefing figure: its base drawing, its sub-layers and which point records get a name label
    (text keys: <key>_title, <key>_subtitle)."""

    key: str
    base: str  # "prefectures" (counties by prefecture) | "plain" (plan area) | "city" | "current"
    sublayers: tuple[str, ...] = ()
    label_subtypes: tuple[str, ...] = ()  # LABEL_ALL: every point record
    fill: str = "plain"

    def labels(self, subtype: str) -> bool:
        """Whether point records of the subtype get a name label."""
        return subtype in self.label_subtypes or self.label_subtypes == LABEL_ALL


LABEL_ALL = ("*",)
PRESETS: dict[str, Preset] = {
    "fig1": Preset("fig1", "prefectures"),
    # The plan's Figure 3 is 一带双圈多节点: the belt, the circles and the nodes (the platforms, several
    # of them as large as a city, are in the city views).
    "fig3": Preset("fig3", "plain", ("belt_circles", "nodes"), ("central_city", "node_city", "node_town", "new_city"),
                   "circles"),
    # The plan's Figure 4: barriers, the Yellow River protection belt, the corridors, the six governance
    # zones (the ecological projects, many along the same rivers, are in the city views).
    "fig4": Preset("fig4", "plain", ("eco_frame", "eco_zones")),
    "fig5": Preset("fig5", "plain", tuple(s.key for s in SUBLAYERS if s.group == "transport"), ("airport",)),
    "city": Preset("city", "city", (), LABEL_ALL, "city"),
    "current": Preset("current", "current"),
}
EXPORTED_PRESETS: tuple[str, ...] = ("fig1", "fig3", "fig4", "fig5", "city")
DECK_OVERVIEWS: tuple[str, ...] = ("fig1", "fig3", "fig4", "fig5")
"""The deck's first slides; a 'city' slide follows for each prefecture-level city."""
"""The presets the command line and the deck export ('current' needs the dashboard's state)."""

