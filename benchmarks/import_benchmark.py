"""Benchmark: reading a 20,000-row × 8-column XLSX project list, python-calamine against openpyxl.

Run: .venv/bin/python benchmarks/import_benchmark.py [--rows 20000] [--repeat 3]
(needs requirements-dev.txt: openpyxl writes the workbook and is the reader compared against).
Writes the workbook in a temporary folder, then prints the best of --repeat times for: the importer's
XLSX reader (geo/project_list: zip and extent checks + calamine), calamine alone, openpyxl's read-only
reader (as the importer used before) and the whole import (read, validate, locate).
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.counties import load_counties  # noqa: E402
from geo.gazetteer import load_places  # noqa: E402
from geo.project_list import import_projects  # noqa: E402
from geo.project_list.read import read_table  # noqa: E402

HEADER = ["名称", "类别", "市州", "经度", "纬度", "地点", "县区", "备注"]


def write_workbook(path: Path, rows: int) -> None:
    """A project list of the given rows, 8 columns, as XLSX (written with openpyxl)."""
    import openpyxl

    pick = random.Random(14)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("项目")
    sheet.append(HEADER)
    for i in range(rows):
        sheet.append([f"项目{i}", "交通", "兰州市", round(102.5 + pick.random() * 1.5, 5),
                      round(35.8 + pick.random() * 0.8, 5), "", "", f"第 {i} 项"])
    book.save(path)


def best(run: Callable[[], object], repeat: int) -> float:
    """The shortest of repeat runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def calamine_only(data: bytes) -> list:
    import python_calamine

    with python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)) as book:
        return book.get_sheet_by_index(0).to_python(skip_empty_area=False)


def openpyxl_only(data: bytes) -> list:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        sheet.reset_dimensions()
        return list(sheet.iter_rows(values_only=True))
    finally:
        book.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "projects.xlsx"
        write_workbook(path, args.rows)
        data = path.read_bytes()
    print(f"workbook: {args.rows:,} rows × {len(HEADER)} columns, {len(data) / 1024:.0f} KB")
    results = {
        "importer's XLSX reader (checks + calamine)": best(lambda: read_table(data, "projects.xlsx"), args.repeat),
        "python-calamine alone": best(lambda: calamine_only(data), args.repeat),
    }
    results["openpyxl read-only (the reader before)"] = best(lambda: openpyxl_only(data), args.repeat)
    places, counties = load_places(), load_counties()
    results["whole import (read, validate, locate)"] = best(
        lambda: import_projects(data, "projects.xlsx", places, counties), args.repeat)
    # The CSV paths a test once timed (speed targets live here, not in tests): 20,000 good rows,
    # and 20,000 rows that each fail.
    good = "\n".join(["name,city,lon,lat"] + [f"p{i},兰州市,103.8,36.06" for i in range(args.rows)]).encode()
    bad = "\n".join(["name,city,lon,lat,place"] + [f"p{i},城{i},x{i},{i},地{i}" for i in range(args.rows)]).encode()
    results["whole import, CSV, every row good"] = best(
        lambda: import_projects(good, "good.csv", places, counties), args.repeat)
    results["whole import, CSV, every row bad"] = best(
        lambda: import_projects(bad, "bad.csv", places, counties), args.repeat)
    for name, seconds in results.items():
        print(f"{name:<45} {seconds:7.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
