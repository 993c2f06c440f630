"""The command line's view of a filter: `python -m figures figure view --lat … --lon … --zoom … [--city …]
[--cat …]` and `python -m figures deck --city …` (a deck of the filter), as the dashboard exports them."""

from __future__ import annotations

import argparse

import geopandas as gpd

from figures.spec import FigureSpec, check_spec, check_view
from figures.views import resolve_city
from geo.filters import DOC_CHOICES, Filters, filter_catalogue
from geo.place_names import county_lookup
from geo.place_search import load_pinyin
from geo.registry import DEFAULT_LAYERS, LAYERS, TRANSPORT_MODES
from geo.schema import CATEGORIES

VIEW_OPTIONS = ("lat", "lon", "zoom", "county", "cat", "mode", "doc", "q", "located_only", "layers", "compare")
"""The options only the view figure and the filter deck take (besides --city)."""


def add_view_arguments(p: argparse.ArgumentParser, with_view: bool = True) -> None:
    """The map view and filter options, as the dashboard's URL names them."""
    if with_view:
        p.add_argument("--lat", type=float, help="the view figure's map centre, latitude (WGS-84)")
        p.add_argument("--lon", type=float, help="the view figure's map centre, longitude (WGS-84)")
        p.add_argument("--zoom", type=float, help="the view figure's zoom level, as the dashboard's z")
    p.add_argument("--county", help="a county of the plan area: adcode, or its name in Chinese, English or pinyin")
    p.add_argument("--cat", help=f"categories, comma-separated: {','.join(CATEGORIES)}")
    p.add_argument("--mode", help=f"transport modes, comma-separated: {','.join(TRANSPORT_MODES)}")
    p.add_argument("--doc", choices=DOC_CHOICES, help="plan document: all (default), plan2018, impl2022, both")
    p.add_argument("--q", help="a name search, as the dashboard's search box")
    p.add_argument("--located-only", dest="located_only", action="store_true",
                   help="--city keeps only records located in the cities")
    p.add_argument("--layers", help=f"layers shown, comma-separated (default: the dashboard's): {','.join(LAYERS)}")
    p.add_argument("--compare", action="store_true", help="colour records by plan document (comparison mode)")


def given_view_options(args: argparse.Namespace) -> list[str]:
    """The view and filter options the command line was given."""
    return [f"--{k.replace('_', '-')}" for k in VIEW_OPTIONS if getattr(args, k, None) not in (None, False)]


def _items(text: str | None, allowed: tuple[str, ...], option: str) -> tuple[str, ...]:
    values = tuple(v.strip() for v in (text or "").split(",") if v.strip())
    bad = [v for v in values if v not in allowed]
    if bad:
        raise ValueError(f"{option}: unknown {', '.join(bad)}; choose from {', '.join(allowed)}")
    return values


def _county(text: str | None, counties: gpd.GeoDataFrame) -> str:
    if not text or not text.strip():
        return ""
    found = county_lookup(counties, load_pinyin()).find(text)
    if found is None:
        raise ValueError(f"--county: unknown county {text.strip()!r}; give an adcode or a name of the plan area "
                         "(Chinese, English or pinyin)")
    return found


def view_filters(args: argparse.Namespace, data: dict[str, gpd.GeoDataFrame]) -> Filters:
    """The filter the options ask for (cities and county by any name the page shows); ValueError on a bad value."""
    cities = tuple(resolve_city(c, data["counties"], data["context"])
                   for c in (args.city or "").split(",") if c.strip())
    return Filters(cities=cities, county=_county(args.county, data["counties"]),
                   categories=_items(args.cat, CATEGORIES, "--cat"), modes=_items(args.mode, TRANSPORT_MODES, "--mode"),
                   doc=args.doc or "all", text=(args.q or "").strip(), located_only=args.located_only)


def view_choice(args: argparse.Namespace) -> tuple[tuple[float, float] | None, float | None]:
    """(centre, zoom) of --lat/--lon/--zoom, or (None, None) for the plan area; all three or none."""
    lat, lon, zoom = (getattr(args, k, None) for k in ("lat", "lon", "zoom"))  # the deck has no view
    given = [v is not None for v in (lat, lon, zoom)]
    if not any(given):
        return None, None
    if not all(given):
        raise ValueError("give --lat, --lon and --zoom together (or none, for the whole plan area)")
    check_view(lat, lon, zoom)
    return (lat, lon), zoom


def view_spec(args: argparse.Namespace, data: dict[str, gpd.GeoDataFrame]) -> FigureSpec:
    """The figure of the filter and map view the options ask for."""
    filters = view_filters(args, data)
    center, zoom = view_choice(args)
    layers = DEFAULT_LAYERS if args.layers is None else _items(args.layers, LAYERS, "--layers")
    width, height = args.size
    spec = FigureSpec("current", args.lang, width=width, height=height, scale=args.scale, center=center, zoom=zoom,
                      layers=layers, record_ids=tuple(filter_catalogue(data["catalogue"], filters)["id"]),
                      compare=args.compare, filters=filters)
    check_spec(spec)
    return spec


def filter_deck(args: argparse.Namespace, data: dict[str, gpd.GeoDataFrame]) -> list[FigureSpec]:
    """The slides of the filter the deck options ask for: the plan area, then one per --city."""
    from figures.deck import filter_deck_specs

    spec = view_spec(args, data)
    specs = filter_deck_specs(data, spec.filters, spec.layers, spec.record_ids, args.lang, args.compare,
                              width=spec.width, height=spec.height, scale=spec.scale)
    for s in specs:
        check_spec(s)
    return specs
