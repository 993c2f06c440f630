"""Benchmark: this dashboard against a naive baseline, in headless Debian chromium on loopback.

Run: .venv/bin/python benchmarks/dashboard_benchmark.py [--changes 12]
Prints cold and warm time to first map paint, the one-line Streamlit page for scale, the median
time from a filter change to the updated map, websocket bytes for the map, server memory, ratios.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

DOC_LABELS = ("全部", "2022 实施方案")  # the radio options the filter change alternates between
POLL_S = 0.02
TIMEOUT_S = 90.0


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(script: str) -> tuple[subprocess.Popen, str]:
    port = _port()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / script),
                             "--server.port", str(port), "--server.address", "127.0.0.1",
                             "--server.headless", "true"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(url + "/_stcore/health", timeout=1)
            return proc, url
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{script} did not start")


def rss_mb(proc: subprocess.Popen) -> float:
    for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def map_state(page):
    """(frame, number of drawn paths, mark) of the map iframe, or None while it is not drawn."""
    for frame in page.frames:
        try:
            state = frame.evaluate("() => window.map ? [document.querySelectorAll('path').length,"
                                   " window.__bench || ''] : null")
        except Exception:
            continue
        if state and state[0] > 39:
            return frame, state[0], state[1]
    return None


def wait_for_map(page, t0: float):
    """The drawn map's state, polling until TIMEOUT_S."""
    while True:
        state = map_state(page)
        if state is not None:
            return state
        if time.perf_counter() - t0 > TIMEOUT_S:
            raise RuntimeError("the map did not draw")
        time.sleep(POLL_S)


def first_paint(browser, url: str) -> tuple[float, int]:
    """Seconds from navigation to the drawn map, and websocket bytes received meanwhile."""
    context = browser.new_context(viewport={"width": 1500, "height": 1100})
    page = context.new_page()
    received = [0]
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: received.__setitem__(
        0, received[0] + len(payload))))
    t0 = time.perf_counter()
    page.goto(url)
    wait_for_map(page, t0)
    elapsed = time.perf_counter() - t0
    context.close()
    return elapsed, received[0]


def text_paint(browser, url: str) -> float:
    context = browser.new_context()
    page = context.new_page()
    t0 = time.perf_counter()
    page.goto(url)
    page.get_by_text("hello").wait_for()
    elapsed = time.perf_counter() - t0
    context.close()
    return elapsed


def filter_changes(browser, url: str, changes: int) -> tuple[list[float], int]:
    """Seconds from clicking a document filter to the redrawn map, for each change."""
    context = browser.new_context(viewport={"width": 1500, "height": 1100})
    page = context.new_page()
    received = [0]
    page.goto(url)
    wait_for_map(page, time.perf_counter())
    time.sleep(1.0)
    page.on("websocket", lambda ws: None)
    times = []
    for i in range(changes):
        frame, paths, _ = wait_for_map(page, time.perf_counter())
        frame.evaluate(f"() => {{ window.__bench = 'before-{i}'; }}")
        label = DOC_LABELS[(i + 1) % 2]
        t0 = time.perf_counter()
        page.get_by_text(label, exact=True).first.click()
        while True:
            state = map_state(page)
            if state and (state[1] != paths or state[2] != f"before-{i}"):
                break
            if time.perf_counter() - t0 > TIMEOUT_S:
                raise RuntimeError("the map did not update")
            time.sleep(POLL_S)
        times.append(time.perf_counter() - t0)
        time.sleep(0.3)
    context.close()
    return times, received[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--changes", type=int, default=12)
    args = parser.parse_args()
    results = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        hello, hello_url = start("benchmarks/hello_app.py")
        text_paint(browser, hello_url)
        results["hello"] = statistics.median(text_paint(browser, hello_url) for _ in range(3))
        hello.terminate()
        for name, script in (("app", "dashboard.py"), ("naive", "benchmarks/naive_app.py")):
            proc, url = start(script)
            cold, cold_bytes = first_paint(browser, url)
            warm_runs = [first_paint(browser, url) for _ in range(3)]
            warm = statistics.median(t for t, _ in warm_runs)
            changes, _ = filter_changes(browser, url, args.changes)
            print(f"{name}: measured", file=sys.stderr, flush=True)
            results[name] = {"cold": cold, "warm": warm, "bytes": warm_runs[-1][1],
                             "change_median": statistics.median(changes), "change_max": max(changes),
                             "rss": rss_mb(proc)}
            proc.terminate()
            proc.wait()
        browser.close()
    a, n = results["app"], results["naive"]
    print(f"Streamlit one-line page (for scale): {results['hello']:.2f} s")
    print(f"{'':28}{'this app':>12}{'naive':>12}{'naive/app':>12}")
    rows = [("cold first map paint (s)", "cold", "{:.2f}"), ("warm first map paint (s)", "warm", "{:.2f}"),
            ("filter change, median (s)", "change_median", "{:.3f}"),
            ("filter change, max (s)", "change_max", "{:.3f}"),
            ("websocket bytes, first load", "bytes", "{:,.0f}"), ("server memory RSS (MB)", "rss", "{:.0f}")]
    for label, key, fmt in rows:
        print(f"{label:28}{fmt.format(a[key]):>12}{fmt.format(n[key]):>12}{n[key] / a[key]:>12.2f}")
    print(f"filter changes measured: {args.changes} each; targets: warm paint <= 1.5 s, "
          f"change <= 0.300 s, map payload <= 600 KB")


if __name__ == "__main__":
    main()
