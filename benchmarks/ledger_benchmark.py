"""Benchmark: the task ledger out and back (issue 20's targets, printed, never asserted).

Run: .venv/bin/python benchmarks/ledger_benchmark.py [--repeat 3] [--no-server]
Prints:
- the whole plan's ledger written (XLSX and CSV), in a fresh process (the tasks read, the join built)
  and again; target ≤ 2 s;
- a filled ledger of every task checked on its own (read + row checks), and the record colours worked out;
- in a served dashboard (headless chromium on loopback): the server CPU (utime + stime from /proc) of
  uploading a filled ledger of every task until the map shows its progress colours, against the
  server CPU of one plain filter change measured beside it; target ≤ 1 s of server time.
Each upload is a different fill, so no cache answers it.
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.dashboard_benchmark import start  # noqa: E402
from benchmarks.load_benchmark import cpu_seconds  # noqa: E402
from geo.ledger import STATUSES  # noqa: E402
from layers.styles import PROGRESS_COLOURS  # noqa: E402

FRESH_WRITE = """
import sys, time
start = time.perf_counter()
from geo.catalogue import load_catalogue
from geo.ledger import Selection
from geo.ledger.workbook import ledger_file
imported = time.perf_counter()
catalogue = load_catalogue()
loaded = time.perf_counter()
data = ledger_file(catalogue, Selection(), "zh", sys.argv[1])
done = time.perf_counter()
print(f"{imported - start:.3f} {loaded - imported:.3f} {done - loaded:.3f} {len(data)}")
"""
PROGRESS_PATHS = """() => Array.from(document.querySelectorAll('.leaflet-lxpm-records-pane path'))
  .filter(p => {colours}.includes((p.getAttribute('stroke') || '').toLowerCase())
            || {colours}.includes((p.getAttribute('fill') || '').toLowerCase())).length"""
TIMEOUT_S = 90


def filled(seed: int) -> bytes:
    """The whole plan's ledger with every task's 进展, note and date filled (a different fill per seed)."""
    import openpyxl

    from geo.catalogue import load_catalogue
    from geo.ledger import Selection
    from geo.ledger.workbook import ledger_file

    book = openpyxl.load_workbook(io.BytesIO(ledger_file(load_catalogue(), Selection(), "zh", "xlsx", date.today())))
    sheet = book.active
    for i, row in enumerate(r for r in range(3, sheet.max_row + 1) if sheet.cell(r, 2).value):
        sheet.cell(row, 12).value = STATUSES[(i + seed) % len(STATUSES)].zh
        sheet.cell(row, 13).value = f"第 {seed} 次填报"
        sheet.cell(row, 14).value = f"2025-0{1 + seed % 9}-15"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_times(repeat: int) -> None:
    from geo.catalogue import load_catalogue
    from geo.ledger import Selection, check_ledger, ledger_of, read_tasks, record_status
    from geo.ledger.workbook import ledger_file

    for fmt in ("xlsx", "csv"):
        runs = [subprocess.run([sys.executable, "-c", FRESH_WRITE, fmt], cwd=ROOT, capture_output=True, text=True,
                               check=True).stdout.split() for _ in range(repeat)]
        imports, loads, writes, size = (min(float(r[k]) for r in runs) for k in range(4))
        print(f"whole plan's ledger, {fmt}, fresh process: write {writes:.3f} s (+ imports {imports:.2f} s, "
              f"catalogue {loads:.2f} s), {size / 1024:.0f} KB   [target ≤ 2 s]")
    catalogue = load_catalogue()
    for fmt in ("xlsx", "csv"):
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            ledger_file(catalogue, Selection(), "zh", fmt)
            times.append(time.perf_counter() - t0)
        print(f"whole plan's ledger, {fmt}, warm: {min(times):.3f} s")
    data, tasks = filled(1), read_tasks()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        check = check_ledger(data, "ledger.xlsx", tasks)
        record_status(ledger_of(catalogue), check.task_status())
        times.append(time.perf_counter() - t0)
    print(f"filled ledger of {len(check.valid)} tasks checked and its records' 进展 worked out: {min(times):.3f} s")


def _progress_paths(page) -> int:
    colours = "[" + ",".join(f"'{c.lower()}'" for k, c in PROGRESS_COLOURS.items() if k != "not_reported") + "]"
    for frame in page.frames:
        try:
            found = frame.evaluate(PROGRESS_PATHS.replace("{colours}", colours))
            if found:
                return found
        except Exception:  # frames come and go while Streamlit renders
            pass
    return 0


def _wait(predicate, what: str) -> None:
    deadline = time.time() + TIMEOUT_S
    while time.time() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise RuntimeError(f"timed out waiting for {what}")


def server_times(repeat: int) -> None:
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, map_frame

    proc, url = start("dashboard.py")
    uploads, changes = [], []
    try:
        with sync_playwright() as p, tempfile.TemporaryDirectory() as folder:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for i in range(repeat):
                page = browser.new_page(viewport={"width": 1366, "height": 768})
                page.goto(url)
                map_frame(page)
                time.sleep(2)  # the page's own follow-up runs settle
                before = cpu_seconds(proc.pid)
                page.get_by_text("2022 实施方案", exact=True).first.click()  # one plain filter change
                _wait(lambda: "doc=impl2022" in page.evaluate("location.href"), "the filter change")
                time.sleep(2)
                changes.append(cpu_seconds(proc.pid) - before)
                path = Path(folder) / f"ledger-{i}.xlsx"
                path.write_bytes(filled(i + 2))
                before = cpu_seconds(proc.pid)
                page.locator("[data-testid='stSidebar'] input[type='file']").set_input_files(str(path))
                _wait(lambda: _progress_paths(page) > 0, "the map in progress colours")
                time.sleep(2)  # runs the upload caused finish
                uploads.append(cpu_seconds(proc.pid) - before)
                page.close()
            browser.close()
    finally:
        proc.terminate()
        proc.wait()
    print(f"server CPU, one plain filter change (for scale): median {statistics.median(changes):.3f} s")
    print(f"server CPU, a filled ledger of every task uploaded, checked and drawn: median "
          f"{statistics.median(uploads):.3f} s, max {max(uploads):.3f} s over {repeat}   [target ≤ 1 s]")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-server", action="store_true", help="only the write and check times")
    args = parser.parse_args(argv)
    write_times(args.repeat)
    if not args.no_server:
        server_times(args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
