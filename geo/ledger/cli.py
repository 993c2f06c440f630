"""`python -m geo ledger`: write the task ledger, or check a filled one."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from geo.languages import pick

log = logging.getLogger("geo.ledger")


def add_parser(sub: argparse._SubParsersAction) -> None:
    """The `ledger` command's arguments."""
    from geo.ledger.workbook import FORMATS

    p = sub.add_parser("ledger", help="write the 2022 plan's task ledger (XLSX or CSV), or --check a filled one")
    p.add_argument("--out", type=Path, help="file to write")
    p.add_argument("--format", choices=FORMATS, help="xlsx (default) or csv (UTF-8 with BOM); default: by --out's ending")
    p.add_argument("--unit", default="", help="only the tasks of this unit, as the ledger writes it (甘肃省交通运输厅)")
    p.add_argument("--city", nargs="+", default=[], help="only the tasks in these prefecture-level cities")
    p.add_argument("--lead-only", action="store_true", help="with --unit: only the tasks it leads")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the headers and notes")
    p.add_argument("--check", type=Path, metavar="FILE", help="check a filled ledger instead of writing one")
    p.set_defaults(run=run)


def _check(args: argparse.Namespace) -> int:
    """0: some rows are usable; 1: none; 2: the file was rejected."""
    from geo import project_list
    from geo.ledger import check_file, read_tasks

    try:
        result = check_file(args.check, read_tasks())
    except project_list.ImportRejected as exc:
        print(f"{args.check}: {exc.message(args.lang)}", file=sys.stderr)
        return 2
    except Exception as exc:  # a user's file must never end in a traceback
        log.debug("ledger check %s failed", args.check, exc_info=True)
        print(f"{args.check}: {pick('无法读取文件', 'cannot read the file', args.lang)} ({type(exc).__name__})",
              file=sys.stderr)
        return 2
    for line in project_list.report_lines(result, args.lang):
        print(line)
    return 0 if len(result.valid) else 1


def _write(args: argparse.Namespace) -> int:
    from geo.catalogue import load_catalogue
    from geo.counties import load_counties
    from geo.ledger import ANY, LEAD, Selection, ledger_of, select
    from geo.ledger.workbook import ledger_file

    if args.out is None:
        print("error: give --out FILE (or --check FILE)", file=sys.stderr)
        return 2
    catalogue = load_catalogue(args.data_dir)
    ledger = ledger_of(catalogue)
    known_cities = list(dict.fromkeys(load_counties(args.data_dir).sort_values("adcode")["prefecture"]))
    bad = [c for c in args.city if c not in known_cities]
    if bad:
        print(f"error: unknown city {', '.join(bad)}; the plan's cities are {', '.join(known_cities)}",
              file=sys.stderr)
        return 2
    if args.unit and args.unit not in ledger.units():
        print(f"error: unknown unit {args.unit}; write it as the ledger does (e.g. 甘肃省交通运输厅)", file=sys.stderr)
        return 2
    fmt = args.format or ("csv" if args.out.suffix.casefold() == ".csv" else "xlsx")
    selection = Selection(args.unit, LEAD if args.lead_only else ANY, tuple(args.city))
    args.out.write_bytes(ledger_file(catalogue, selection, args.lang, fmt))
    print(f"wrote {args.out}: {len(select(ledger, selection))} tasks ({selection.describe(args.lang)})")
    return 0


def run(args: argparse.Namespace) -> int:
    """Write the ledger, or check a filled one."""
    return _check(args) if args.check else _write(args)
