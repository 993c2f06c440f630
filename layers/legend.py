"""A legend control that lists only what is drawn; it comes and goes with its feature group."""

from __future__ import annotations

import html
from dataclasses import dataclass

import folium

from layers.map_scripts import ScriptCall


@dataclass(frozen=True)
class LegendEntry:
    """One legend row: a label and how its symbol looks."""

    label: str
    shape: str  # "point" | "line" | "area"
    color: str
    dash: str = ""
    weight: float = 3.0


def _swatch(entry: LegendEntry) -> str:
    c = html.escape(entry.color)
    if entry.shape == "point":
        return f"<svg width='22' height='14'><circle cx='11' cy='7' r='5' fill='{c}' stroke='#fff'/></svg>"
    if entry.shape == "line":
        dash = f" stroke-dasharray='{html.escape(entry.dash)}'" if entry.dash else ""
        width = min(entry.weight, 8)
        return (f"<svg width='22' height='14'><line x1='1' y1='7' x2='21' y2='7' stroke='{c}' "
                f"stroke-width='{width}' stroke-opacity='0.8'{dash}/></svg>")
    return (f"<svg width='22' height='14'><rect x='2' y='2' width='18' height='10' fill='{c}' "
            f"fill-opacity='0.3' stroke='{c}'/></svg>")


def legend_html(title: str, entries: list[LegendEntry], footer: str = "") -> str:
    """The legend's HTML (text escaped)."""
    rows = "".join(f"<div class='legend-row'>{_swatch(e)} {html.escape(e.label)}</div>" for e in entries)
    foot = f"<div class='legend-foot'>{html.escape(footer)}</div>" if footer else ""
    return (f"<div class='map-legend'><div class='legend-title'>{html.escape(title)}</div>{rows}{foot}</div>")


def legend_group(title: str, entries: list[LegendEntry], footer: str = "",
                 name: str = "legend") -> folium.FeatureGroup:
    """A feature group whose only job is to show the legend while it is on the map."""
    group = folium.FeatureGroup(name=name, control=False)
    group.add_child(ScriptCall("lxpmLegend", {"content": legend_html(title, entries, footer)}))
    return group
