"""A legend control that lists only what is drawn, each label once; it comes and goes with its
feature group and folds under its title."""

from __future__ import annotations

import html
from dataclasses import dataclass, replace

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
    more: tuple[tuple[str, str, str, float], ...] = ()  # further (shape, color, dash, weight) of the label

    def symbols(self) -> tuple[tuple[str, str, str, float], ...]:
        """Every symbol the entry stands for, each once."""
        return ((self.shape, self.color, self.dash, self.weight), *self.more)


def one_entry_per_style(entries: list[LegendEntry]) -> list[LegendEntry]:
    """Each label once, in first-seen order: a label drawn as a point and a line (or in several
    symbols) is one entry showing each of its symbols once."""
    merged: dict[str, LegendEntry] = {}
    for entry in entries:
        first = merged.get(entry.label)
        if first is None:
            merged[entry.label] = entry
            continue
        extra = tuple(s for s in entry.symbols() if s not in first.symbols())
        merged[entry.label] = replace(first, more=first.more + extra)
    return list(merged.values())


def _swatch(entry: LegendEntry) -> str:
    if entry.more:
        symbols = "".join(_swatch(LegendEntry(entry.label, *s)) for s in entry.symbols())
        return f"<span class='legend-swatches'>{symbols}</span>"
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
    """The legend's HTML (text escaped), each label once (one_entry_per_style)."""
    entries = one_entry_per_style(entries)
    rows = "".join(f"<div class='legend-row'>{_swatch(e)} {html.escape(e.label)}</div>" for e in entries)
    foot = f"<div class='legend-foot'>{html.escape(footer)}</div>" if footer else ""
    return (f"<div class='map-legend'><div class='legend-title'>{html.escape(title)}</div>{rows}{foot}</div>")


def legend_group(title: str, entries: list[LegendEntry], footer: str = "",
                 name: str = "legend", fold_below_px: int = 0) -> folium.FeatureGroup:
    """A feature group whose only job is to show the legend while it is on the map (folded at first
    on a map narrower than fold_below_px)."""
    group = folium.FeatureGroup(name=name, control=False)
    group.add_child(ScriptCall("lxpmLegend", {"content": legend_html(title, entries, footer),
                                              "fold_below_px": fold_below_px}))
    return group
