"""The figure command line: `python -m figures figure VIEW --out F.png`, `… deck --out F.pptx`."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from time import perf_counter

import geopandas as gpd

from figures.render import FigureRenderError
from figures.view_cli import add_view_arguments
from geo.registry import EXPORTED_PRESETS as PRESETS
from geo.schema import DataFileError
from layers.labels import LANGUAGES

VIEW = "view"
"""The figure of a filter over a map view (the dashboard's 'export what I see')."""
EXIT_BAD_INPUT = 2
EXIT_RENDER_FAILED = 1


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit code 2."""

    def error(self, message: str) -> None:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


def parse_size(text: str) -> tuple[int, int]:
    """'1920x1080' → (1920, 1080)."""
    match = re.fullmatch(r"\s*(\d{2,5})\s*[x×X]\s*(\d{2,5})\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"size must be WIDTHxHEIGHT in pixels, e.g. 1920x1080, not {text!r}")
    return int(match.group(1)), int(match.group(2))


def load_figure_data() -> dict[str, gpd.GeoDataFrame]:
    """Every layer a figure draws, as the loaders return them."""
    from geo.catalogue import load_catalogue
    from geo.context import load_context
    from geo.counties import load_counties
    from geo.lakes import load_lakes
    from geo.plan_units import load_plan_units
    from geo.rivers import load_rivers

    return {"counties": load_counties(), "plan_units": load_plan_units(), "context": load_context(),
            "rivers": load_rivers(), "lakes": load_lakes(), "catalogue": load_catalogue()}


def out_path(text: str, suffix: str) -> Path:
    path = Path(text)
    if path.suffix.lower() != suffix:
        raise ValueError(f"--out must name a {suffix} file, not {text!r}")
    if not path.parent.is_dir():
        raise ValueError(f"--out: folder {str(path.parent)!r} does not exist")
    return path


def _figure(args: argparse.Namespace) -> int:
    from figures.render import render_figure
    from figures.spec import FigureSpec, check_spec
    from figures.texts import figure_texts
    from figures.view_cli import given_view_options

    if args.view == VIEW:
        return _view_figure(args)
    if given_view_options(args):
        raise ValueError(f"{', '.join(given_view_options(args))}: only for the view figure, not {args.view}")
    if args.view == "city" and not args.city:
        raise ValueError("the city view needs --city, a prefecture-level city such as 兰州市")
    if args.view != "city" and args.city:
        raise ValueError(f"--city is only for the city view, not {args.view}")
    out = out_path(args.out, ".png")
    width, height = args.size
    spec = FigureSpec(args.view, args.lang, city=args.city or "", width=width, height=height,
                      scale=args.scale)
    check_spec(spec)
    start = perf_counter()
    data = load_figure_data()
    figure_texts(spec, data)  # an unknown city fails here, before the browser starts
    png = render_figure(spec, data)
    out.write_bytes(png)
    print(f"{args.view}{' ' + args.city if args.city else ''}: {out} "
          f"({round(width * args.scale)}×{round(height * args.scale)} px) in {perf_counter() - start:.1f} s",
          file=sys.stderr)
    return 0


def _view_figure(args: argparse.Namespace) -> int:
    """`figure view …`: the PNG of a filter over a map view (or the plan area)."""
    from figures.render import render_figure
    from figures.texts import figure_texts
    from figures.view_cli import view_choice, view_spec

    out = out_path(args.out, ".png")
    view_choice(args)  # a partial or out-of-range view fails before the data is read
    start = perf_counter()
    data = load_figure_data()
    spec = view_spec(args, data)
    title = figure_texts(spec, data).title
    out.write_bytes(render_figure(spec, data))
    print(f"view {title}: {out} ({round(spec.width * spec.scale)}×{round(spec.height * spec.scale)} px, "
          f"{len(spec.record_ids)} records) in {perf_counter() - start:.1f} s", file=sys.stderr)
    return 0


def _deck(args: argparse.Namespace) -> int:
    from figures.deck import build_deck, deck_specs
    from figures.spec import check_spec
    from figures.view_cli import filter_deck, given_view_options

    out = out_path(args.out, ".pptx")
    width, height = args.size
    start = perf_counter()
    data = load_figure_data()
    filtered = bool(args.city or given_view_options(args))  # a filter: its deck, overview and cities
    specs = filter_deck(args, data) if filtered else deck_specs(data["counties"], args.lang, width, height, args.scale)
    for spec in specs:
        check_spec(spec)

    def progress(spec, seconds: float) -> None:
        print(f"  slide {spec.view}{' ' + spec.city if spec.city else ''}: {seconds:.1f} s", file=sys.stderr)

    out.write_bytes(build_deck(specs, data, progress, changes=args.changes))
    print(f"deck: {out} ({len(specs)} slides) in {perf_counter() - start:.1f} s", file=sys.stderr)
    return 0


def parser() -> argparse.ArgumentParser:
    """The argument parser of `python -m figures`."""
    from figures.deck import DECK_SCALE

    p = _Parser(prog="python -m figures", description="Briefing figures of the plan as PNG or a PPTX deck.")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    f = sub.add_parser("figure", help="one preset view, or a filter over a map view ('view'), as a PNG")
    f.add_argument("view", metavar="VIEW", choices=(*PRESETS, VIEW), help=f"one of {', '.join((*PRESETS, VIEW))}")
    f.add_argument("--out", required=True, help="the .png file to write")
    f.add_argument("--size", type=parse_size, default=(1920, 1080), help="WIDTHxHEIGHT in CSS px (1920x1080)")
    f.add_argument("--scale", type=float, default=2.0, help="device pixels per CSS px (2: a 3840×2160 PNG)")
    f.add_argument("--lang", choices=LANGUAGES, default="zh")
    f.add_argument("--city", help="the city view's prefecture-level city, e.g. 兰州市 or Lanzhou "
                                   "(the view figure: cities of the filter, comma-separated)")
    add_view_arguments(f)
    f.set_defaults(run=_figure)
    d = sub.add_parser("deck", help="every preset view, one per 16:9 slide, as a .pptx; with filter options, "
                                    "the filter's deck: the plan area, then one slide per --city")
    d.add_argument("--out", required=True, help="the .pptx file to write")
    d.add_argument("--size", type=parse_size, default=(1920, 1080), help="WIDTHxHEIGHT of each picture")
    d.add_argument("--scale", type=float, default=DECK_SCALE, help=f"device pixels per CSS px ({DECK_SCALE})")
    d.add_argument("--lang", choices=LANGUAGES, default="zh")
    d.add_argument("--city", help="the filter's cities, comma-separated: one slide each after the overview")
    d.add_argument("--changes", action="store_true",
                   help="after each city's slide, its '2018 → 2022' slide: the two documents side by side")
    add_view_arguments(d, with_view=False)
    d.set_defaults(run=_deck)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the command line: bad input is one line and exit 2; a browser failure one line and exit 1."""
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except (ValueError, DataFileError) as exc:
        print(f"python -m figures {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except FigureRenderError as exc:
        print(f"python -m figures {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_RENDER_FAILED
