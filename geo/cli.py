"""The geo command line."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from geo.files import DATA_DIR
from geo.ledger import cli as ledger_cli
from geo.schema import DataFileError
from geo.languages import pick

log = logging.getLogger("geo")


def _build(args: argparse.Namespace) -> int:
    from geo.build import pipeline

    if args.check:
        problems = pipeline.check(args.data_dir)
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            return 1
        print(f"build check: every derived file in {args.data_dir} matches a fresh build")
        return 0
    for path in pipeline.build(args.data_dir):
        print(f"wrote {path}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from geo import export

    text = export.export_text(args.layer, args.format, args.data_dir)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8-sig" if args.format == "csv" else "utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _validate(args: argparse.Namespace) -> int:
    """Report every problem of a project list: 0 some rows usable, 1 none, 2 file rejected."""
    from geo import project_list
    from geo.counties import load_counties
    from geo.gazetteer import load_places

    places, counties = load_places(args.data_dir), load_counties(args.data_dir)
    try:
        result = project_list.import_file(args.file, places, counties, gcj02=args.gcj02)
    except project_list.ImportRejected as exc:
        print(f"{args.file}: {exc.message(args.lang)}", file=sys.stderr)
        return 2
    except Exception as exc:  # a user's file must never end in a traceback
        log.debug("validate %s failed", args.file, exc_info=True)
        problem = pick("无法读取文件", "cannot read the file", args.lang)
        print(f"{args.file}: {problem} ({type(exc).__name__})", file=sys.stderr)
        return 2
    for line in project_list.report_lines(result, args.lang):
        print(line)
    return 0 if len(result.valid) else 1


def _compare(args: argparse.Namespace) -> int:
    """Print or write the change list between two documents; a bad city or document: exit 2."""
    from geo import compare
    from geo.catalogue import load_catalogue
    from geo.context import load_context
    from geo.counties import load_counties
    from geo.documents import read_documents
    from geo.filters import Filters, filter_catalogue
    from geo.geojson_files import read_layer
    from geo.place_names import city_lookup, plan_cities, resolve
    from geo.place_search import load_pinyin
    from geo.schema import CATALOGUE

    documents = read_documents(args.documents)
    try:
        pair = compare.pair_of(documents, args.from_doc, args.to_doc)
    except (KeyError, ValueError) as exc:
        print(f"error: bad --from/--to {exc}; documents are {', '.join(documents.ids)}", file=sys.stderr)
        return 2
    counties = load_counties(args.data_dir)
    lookup = city_lookup(counties, load_context(args.data_dir), load_pinyin(args.data_dir))
    try:
        cities = tuple(resolve(lookup, c, plan_cities(counties)) for c in args.city)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    records = read_layer(args.catalogue, CATALOGUE) if args.catalogue else load_catalogue(args.data_dir)
    table = compare.change_list(filter_catalogue(records, Filters(cities=cities)), documents, pair)
    if table.empty:
        print(f"no record of {pair.from_id} or {pair.to_id} for this filter", file=sys.stderr)
    text = compare.FORMATS[args.format](table, pair)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8-sig" if args.format == "csv" else "utf-8")
    else:
        sys.stdout.write(text)
    return 0


def parser() -> argparse.ArgumentParser:
    """The argument parser of `python -m geo`."""
    from geo import export

    p = argparse.ArgumentParser(prog="python -m geo", description=__doc__)
    p.add_argument("--data-dir", type=Path, default=DATA_DIR, help="folder of the data files")
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="derive every file in data/ from the pinned packages")
    b.add_argument("--check", action="store_true",
                   help="exit non-zero when the committed files differ from a fresh build")
    b.set_defaults(run=_build)
    e = sub.add_parser("export", help="write a layer as GeoJSON or CSV")
    e.add_argument("layer", choices=export.LAYER_NAMES)
    e.add_argument("--format", choices=("geojson", "csv"), default="geojson")
    e.add_argument("--out", help="file to write (default: standard output)")
    e.set_defaults(run=_export)
    v = sub.add_parser("validate", help="check a project list (CSV, XLSX, GeoJSON) as the dashboard imports it")
    v.add_argument("file", type=Path)
    v.add_argument("--gcj02", action="store_true", help="the coordinates are GCJ-02 (AMap): convert to WGS-84")
    v.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the report")
    v.set_defaults(run=_validate)
    c = sub.add_parser("compare", help="the change list between two plan documents (default 2018 → 2022)")
    c.add_argument("--city", nargs="+", default=[], help="prefecture-level cities in Chinese, English or pinyin (default: all)")
    c.add_argument("--format", choices=("csv", "md", "json"), default="csv")
    c.add_argument("--out", help="file to write (default: standard output); CSV is UTF-8 with BOM")
    c.add_argument("--from", dest="from_doc", help="the earlier document's id (default: documents.toml)")
    c.add_argument("--to", dest="to_doc", help="the later document's id (default: documents.toml)")
    c.add_argument("--documents", type=Path, help="a documents file (default: data/catalogue/documents.toml)")
    c.add_argument("--catalogue", type=Path, help="a catalogue GeoJSON (default: the data folder's)")
    c.set_defaults(run=_compare)
    ledger_cli.add_parser(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the command line; errors in data files become one clear message and exit code 2."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except DataFileError as exc:
        log.error("%s", exc)
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:  # a source record that cannot be resolved (build)
        log.error("%s", exc)
        print(f"error: {exc}", file=sys.stderr)
        return 2
