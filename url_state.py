"""The dashboard's shareable state: parse and write the URL's query parameters (pure functions)."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from geo.filters import DOC_CHOICES
from geo.schema import CATEGORIES
from layers import styles
from layers.transport import MODES

LIST_SEPARATOR = ","
MAX_TEXT = 60
VIEW_BOUNDS = {"lat": (25.0, 46.0), "lon": (85.0, 120.0), "z": (styles.MIN_ZOOM, styles.MAX_ZOOM)}


@dataclass(frozen=True)
class AppState:
    """Everything a copied link reproduces."""

    lang: str = "zh"
    basemap: str = "offline"
    cities: tuple[str, ...] = ()
    county: str = ""
    categories: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()
    doc: str = "all"
    text: str = ""
    compare: bool = False
    layers: tuple[str, ...] = ()
    lat: float = styles.DEFAULT_CENTER[0]
    lon: float = styles.DEFAULT_CENTER[1]
    zoom: int = styles.DEFAULT_ZOOM
    selected: str = ""


@dataclass(frozen=True)
class Vocabulary:
    """The values each parameter may take (known from the data at run time)."""

    cities: tuple[str, ...]
    counties: tuple[str, ...]  # adcodes
    layers: tuple[str, ...]
    default_layers: tuple[str, ...]
    basemaps: tuple[str, ...]
    record_ids: frozenset[str] = field(default_factory=frozenset)


def _split(raw: str) -> list[str]:
    return [v.strip() for v in raw.split(LIST_SEPARATOR) if v.strip()]


def _choices(raw: str, allowed: tuple[str, ...], name: str, notices: list[str]) -> tuple[str, ...]:
    values = _split(raw)
    bad = [v for v in values if v not in allowed]
    if bad:
        notices.append(f"{name}={','.join(bad)}")
    return tuple(v for v in values if v in allowed)


def _number(raw: str, name: str, notices: list[str]) -> float | None:
    try:
        value = float(raw)
    except ValueError:
        notices.append(f"{name}={raw}")
        return None
    lo, hi = VIEW_BOUNDS[name]
    if not math.isfinite(value) or not lo <= value <= hi:
        notices.append(f"{name}={raw}")
        return None
    return value


def parse(params: Mapping[str, str], vocab: Vocabulary) -> tuple[AppState, list[str]]:
    """The state a URL asks for, and a notice for every parameter that fell back to its default."""
    notices: list[str] = []
    state = AppState(layers=vocab.default_layers)
    get = lambda k: str(params.get(k, "")).strip()  # noqa: E731
    single = {"lang": ("lang", ("zh", "en")), "basemap": ("basemap", vocab.basemaps),
              "county": ("county", vocab.counties), "doc": ("doc", DOC_CHOICES),
              "sel": ("selected", tuple(vocab.record_ids))}
    for key, (attr, allowed) in single.items():
        if get(key):
            if get(key) in allowed:
                state = replace(state, **{attr: get(key)})
            else:
                notices.append(f"{key}={get(key)}")
    lists = {"city": ("cities", vocab.cities), "cat": ("categories", CATEGORIES), "mode": ("modes", MODES)}
    for key, (attr, allowed) in lists.items():
        if get(key):
            state = replace(state, **{attr: _choices(get(key), allowed, key, notices)})
    if get("q"):
        text = get("q")
        if len(text) > MAX_TEXT or re.search(r"[\x00-\x1f<>]", text):
            notices.append("q")
        else:
            state = replace(state, text=text)
    if get("compare"):
        if get("compare") in ("0", "1"):
            state = replace(state, compare=get("compare") == "1")
        else:
            notices.append(f"compare={get('compare')}")
    if "layers" in params:
        state = replace(state, layers=_choices(get("layers"), vocab.layers, "layers", notices))
    view = {k: _number(get(k), k, notices) for k in ("lat", "lon", "z") if get(k)}
    if view.get("lat") is not None and view.get("lon") is not None:
        state = replace(state, lat=view["lat"], lon=view["lon"])
    if view.get("z") is not None:
        state = replace(state, zoom=int(round(view["z"])))
    return state, notices


def to_params(state: AppState, vocab: Vocabulary) -> dict[str, str]:
    """The query parameters of a state; defaults are left out so links stay short."""
    default = AppState(layers=vocab.default_layers)
    out: dict[str, str] = {}
    for key, attr in (("lang", "lang"), ("basemap", "basemap"), ("county", "county"),
                      ("doc", "doc"), ("q", "text"), ("sel", "selected")):
        value = getattr(state, attr)
        if value != getattr(default, attr):
            out[key] = value
    for key, attr in (("city", "cities"), ("cat", "categories"), ("mode", "modes"), ("layers", "layers")):
        value = getattr(state, attr)
        if value != getattr(default, attr):
            out[key] = LIST_SEPARATOR.join(value)
    if state.compare:
        out["compare"] = "1"
    return out
