"""The dashboard's shareable state: one table of URL parameters drives parsing, writing and the
widgets' session keys, so adding a filter means adding one row."""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass, field, fields, replace

from geo.filters import DOC_CHOICES, Filters
from geo.place_names import NameLookup
from geo.registry import DEFAULT_LAYERS, LAYERS, TRANSPORT_MODES, layer_groups
from geo.schema import CATEGORIES
from layers import styles
from layers.labels import LANGUAGES

LIST_SEPARATOR = ","
MAX_TEXT = 60
UNSAFE_TEXT = re.compile(r"[\x00-\x1f<>]")
VIEW_MODES = ("one", "side")
"""One map, or the two documents' maps side by side (app/compare_view.py)."""
VIEW_BOUNDS = {"lat": (25.0, 46.0), "lon": (85.0, 120.0), "z": (styles.MIN_ZOOM, styles.MAX_ZOOM)}


@dataclass(frozen=True)
class AppState:
    """Everything a copied link reproduces; the filter fields carry geo.filters.Filters' names."""

    lang: str = "zh"
    basemap: str = "offline"
    cities: tuple[str, ...] = ()
    located_only: bool = False
    unit: str = ""  # a 2022 task unit and role: "lead:兰州市政府" (geo.filters.unit_choice)
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
    place: str = ""  # a gazetteer place id (data/places.geojson): the map focuses it
    view_mode: str = VIEW_MODES[0]


@dataclass(frozen=True)
class Vocabulary:
    """The values the data-dependent parameters may take (known from the data at run time)."""

    cities: tuple[str, ...]
    counties: tuple[str, ...]  # adcodes
    layers: tuple[str, ...] = LAYERS
    default_layers: tuple[str, ...] = DEFAULT_LAYERS
    basemaps: tuple[str, ...] = ()
    record_ids: frozenset[str] = field(default_factory=frozenset)
    place_ids: frozenset[str] = field(default_factory=frozenset)
    city_names: NameLookup | None = None  # any name the page shows → the city's Chinese name
    county_names: NameLookup | None = None  # any name the page shows → the county's adcode
    units: tuple[str, ...] = ()  # the unit filter's values: each unit with each role


@dataclass(frozen=True)
class Param:
    """One URL parameter: its key, the AppState field it sets, its kind and its allowed values."""

    key: str
    field: str
    kind: str  # "one" of allowed | "many" of allowed | "text" | "flag" | "layers" | "view"
    allowed: Callable[[Vocabulary], tuple[str, ...] | frozenset[str]] | None = None
    widget: bool = True  # a sidebar widget holds it under session key w_<field>
    names: Callable[[Vocabulary], NameLookup | None] | None = None  # other names a link may use for a value

    def session_key(self) -> str:
        return f"w_{self.field}"


PARAMS: tuple[Param, ...] = (
    Param("lang", "lang", "one", lambda v: LANGUAGES),
    Param("basemap", "basemap", "one", lambda v: v.basemaps),
    Param("city", "cities", "many", lambda v: v.cities, names=lambda v: v.city_names),
    Param("located", "located_only", "flag"),
    Param("unit", "unit", "one", lambda v: v.units),
    Param("county", "county", "one", lambda v: v.counties, names=lambda v: v.county_names),
    Param("cat", "categories", "many", lambda v: CATEGORIES),
    Param("mode", "modes", "many", lambda v: TRANSPORT_MODES),
    Param("doc", "doc", "one", lambda v: DOC_CHOICES),
    Param("q", "text", "text"),
    Param("compare", "compare", "flag"),
    Param("view", "view_mode", "one", lambda v: VIEW_MODES),
    Param("layers", "layers", "layers", lambda v: v.layers, widget=False),
    Param("sel", "selected", "one", lambda v: v.record_ids, widget=False),
    Param("place", "place", "one", lambda v: v.place_ids, widget=False),
)
VIEW_PARAMS = (Param("lat", "lat", "view", widget=False), Param("lon", "lon", "view", widget=False),
               Param("z", "zoom", "view", widget=False))
"""The map view: written into the URL by the map itself, so panning never reruns the app."""
LAYER_GROUPS = layer_groups()


def layer_session_key(group: str) -> str:
    """The session key of a group's layer toggles."""
    return f"w_layers_group_{group}"


def _split(raw: str) -> list[str]:
    return [v.strip() for v in raw.split(LIST_SEPARATOR) if v.strip()]


def _canonical(param: Param, value: str, vocab: Vocabulary) -> str:
    """The value itself, or the one it names in another of the page's languages (Xining, xiningshi → 西宁市)."""
    lookup = param.names(vocab) if param.names else None
    return (lookup.find(value) or value) if lookup is not None else value


def _read(param: Param, raw: str, vocab: Vocabulary, notices: list[str]) -> object | None:
    """The value of one parameter, or None (with a notice) when it is bad."""
    allowed = param.allowed(vocab) if param.allowed else ()
    if param.kind == "one":
        if (value := _canonical(param, raw, vocab)) in allowed:
            return value
    elif param.kind in ("many", "layers"):
        values = [_canonical(param, v, vocab) for v in _split(raw)]
        bad = [raw_v for raw_v, v in zip(_split(raw), values) if v not in allowed]
        if bad:
            notices.append(f"{param.key}={','.join(bad)}")
        return tuple(dict.fromkeys(v for v in values if v in allowed))
    elif param.kind == "text":
        if len(raw) <= MAX_TEXT and not UNSAFE_TEXT.search(raw):
            return raw
        notices.append(param.key)
        return None
    elif param.kind == "flag":
        if raw in ("0", "1"):
            return raw == "1"
    elif param.kind == "view":
        try:
            value = float(raw)
        except ValueError:
            value = math.nan
        lo, hi = VIEW_BOUNDS[param.key]
        if math.isfinite(value) and lo <= value <= hi:
            return value
    notices.append(f"{param.key}={raw}")
    return None


def parse(params: Mapping[str, str], vocab: Vocabulary) -> tuple[AppState, list[str]]:
    """The state a URL asks for, and a notice for every parameter that fell back to its default."""
    notices: list[str] = []
    values: dict[str, object] = {}
    get = lambda k: str(params.get(k, "")).strip()  # noqa: E731
    for param in PARAMS:
        # An empty `layers=` means no layers; any other empty parameter means its default.
        if get(param.key) or (param.kind == "layers" and param.key in params):
            value = _read(param, get(param.key), vocab, notices)
            if value is not None:
                values[param.field] = value
    view = {p.field: _read(p, get(p.key), vocab, notices) for p in VIEW_PARAMS if get(p.key)}
    if view.get("lat") is not None and view.get("lon") is not None:
        values.update(lat=view["lat"], lon=view["lon"])
    if view.get("zoom") is not None:
        values["zoom"] = int(round(view["zoom"]))
    return replace(AppState(layers=vocab.default_layers), **values), notices


def _written(param: Param, value: object) -> str:
    if param.kind in ("many", "layers"):
        return LIST_SEPARATOR.join(value)
    if param.kind == "flag":
        return "1" if value else "0"
    return str(value)


def to_params(state: AppState, vocab: Vocabulary) -> dict[str, str]:
    """The query parameters of a state; defaults are left out so links stay short."""
    default = AppState(layers=vocab.default_layers)
    return {p.key: _written(p, getattr(state, p.field)) for p in PARAMS
            if getattr(state, p.field) != getattr(default, p.field)}


def filters_of(state: AppState) -> Filters:
    """The catalogue filters the state asks for (the fields share their names)."""
    return Filters(**{f.name: getattr(state, f.name) for f in fields(Filters)})


def session_values(state: AppState) -> dict[str, object]:
    """The widgets' session values of a state."""
    values = {p.session_key(): (list(v) if isinstance(v := getattr(state, p.field), tuple) else v)
              for p in PARAMS if p.widget}
    values.update({layer_session_key(g): [k for k in keys if k in state.layers] for g, keys in LAYER_GROUPS.items()})
    values["selected"] = state.selected
    values["place"] = state.place
    return values


def state_of(session: Mapping[str, object], vocab: Vocabulary) -> AppState:
    """The state the widgets hold."""
    values = {p.field: (tuple(v) if isinstance(v := session[p.session_key()], list) else v)
              for p in PARAMS if p.widget}
    values["text"] = str(values["text"]).strip()
    chosen = {k for g in LAYER_GROUPS for k in (session.get(layer_session_key(g)) or ())}
    values["layers"] = tuple(k for k in vocab.layers if k in chosen)
    values["selected"] = session.get("selected", "")
    values["place"] = session.get("place", "")
    return replace(AppState(), **values)


# ------------------------------------------------------------------ the session and the address bar

def init_session(session: MutableMapping[str, object], query: Mapping[str, str], vocab: Vocabulary,
                 log: logging.Logger) -> None:
    """On a session's first run: widgets start from the URL; bad parameters become a notice."""
    if "initialised" in session:
        return
    state, notices = parse(query, vocab)
    for notice in notices:
        log.warning("bad URL parameter, default used: %s", notice)
    session.update({"initialised": True, "notices": notices, "view": (state.lat, state.lon, state.zoom),
                    **session_values(state)})


LAST_STATE = "last_state"


def restore_lost_widgets(session: MutableMapping[str, object], log: logging.Logger) -> list[str]:
    """Bring back, from the last run's state, any widget value Streamlit dropped (it forgets the values
    of widgets a run did not draw; under load a run can be cut short before the sidebar); the keys."""
    last = session.get(LAST_STATE)
    if not isinstance(last, AppState):
        return []
    lost = {k: v for k, v in session_values(last).items() if k not in session}
    session.update(lost)
    if lost:
        log.warning("widget values restored from the last run: %s", ", ".join(sorted(lost)))
    return sorted(lost)


def write_url(state: AppState, vocab: Vocabulary, query: MutableMapping[str, str]) -> None:
    """Mirror the state into the URL, leaving the map view (kept by the map itself) alone."""
    wanted = to_params(state, vocab)
    view_keys = {p.key for p in VIEW_PARAMS}
    for key in list(query):
        if key not in view_keys and key not in wanted:
            del query[key]
    for key, value in wanted.items():
        if query.get(key) != value:
            query[key] = value
