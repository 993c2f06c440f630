"""Benchmark: this dashboard against a naive baseline, in headless Debian chromium on loopback.

Run: .venv/bin/python benchmarks/dashboard_benchmark.py [--changes 12] [--app-only]
Prints, for Streamlit's one-line page (for scale), this app and the naive baseline: cold and warm
time to first map paint (new browser profile) and with the browser cache kept, the median and worst
time from a filter change to the map's last DOM change, websocket bytes, map data fetched (bytes on
the wire), server memory, and the ratios. Times are measured inside the browser.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

STOCK_DIR = Path(tempfile.gettempdir()) / "lxpm-stock-streamlit"  # holds no .streamlit/config.toml
DOC_LABELS = ("全部", "2022 实施方案")  # the radio options the filter change alternates between
POLL_S = 0.02
TIMEOUT_S = 90.0


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(script: str, stock: bool = False, root: Path = ROOT) -> tuple[subprocess.Popen, str]:
    """Serve a script of a checkout (root) on a free loopback port: with its .streamlit/config.toml, or
    with Streamlit's stock settings (stock=True: started outside the project, so no config is read)."""
    port = _port()
    cwd = STOCK_DIR if stock else root
    cwd.mkdir(exist_ok=True)
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(root / script),
                             "--server.port", str(port), "--server.address", "127.0.0.1",
                             "--server.headless", "true", "--browser.gatherUsageStats", "false"], cwd=cwd,
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


PROBE = """
(() => {
  // In every frame: when the map first shows more than 39 paths, and when its DOM last changed;
  // in the page: when the user's click happened. Epoch milliseconds, comparable across frames.
  const now = () => performance.timeOrigin + performance.now();
  const probe = window.__lxpmBench = window.__lxpmBench || {drawnAt: null, lastMutation: null, clickAt: null};
  const seen = () => {
    const t = now();
    probe.lastMutation = t;
    if (probe.drawnAt === null && window.map && document.querySelectorAll('path').length > 39) {
      probe.drawnAt = t;
    }
  };
  // A frame's first about:blank document keeps its window when it navigates: watch each document.
  const attach = () => {
    if (probe.doc === document) { return; }
    probe.doc = document;
    new MutationObserver(seen).observe(document, {childList: true, subtree: true, attributes: true});
    document.addEventListener('click', () => { probe.clickAt = now(); }, true);
  };
  attach();
  setInterval(attach, 20);
})();
"""
SETTLED_S = 0.25  # no DOM change in the map for this long: the update is over


def map_state(page):
    """(frame, number of drawn paths, mark, probe) of the map iframe, or None while not drawn."""
    for frame in page.frames:
        try:
            state = frame.evaluate("() => window.map ? [document.querySelectorAll('path').length,"
                                   " window.__rebuildMark || '', {...window.__lxpmBench, doc: null}] : null")
        except Exception:
            continue
        if state and state[0] > 39:
            return frame, state[0], state[1], state[2]
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


def _new_page(browser):
    context = browser.new_context(viewport={"width": 1500, "height": 1100})
    context.add_init_script(PROBE)
    return context, context.new_page()


def first_paint(browser, url: str, again: bool = False) -> dict:
    """Seconds from navigation start to the drawn map (measured in the page), and the bytes it took;
    again: load the page once before, in the same browser profile (a returning user's cache)."""
    context, page = _new_page(browser)
    if again:
        page.goto(url)
        wait_for_map(page, time.perf_counter())
        time.sleep(0.5)
        page.close()
        page = context.new_page()
    got = {"ws": 0, "data_wire": 0, "assets_wire": 0}
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: got.__setitem__(
        "ws", got["ws"] + len(payload))))

    def finished(request):
        if "/app/static/" not in request.url:
            return
        sizes = request.sizes()
        wire = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        if "/app/static/web/" in request.url:
            got["data_wire"] += wire
        else:
            got["assets_wire"] += wire

    page.on("requestfinished", finished)
    page.goto(url)
    _, _, _, probe = wait_for_map(page, time.perf_counter())
    start = page.evaluate("() => performance.timeOrigin")
    time.sleep(0.5)  # let the last responses finish
    context.close()
    return {"paint": (probe["drawnAt"] - start) / 1000, **got}


TEXT_PROBE = """
(() => {
  const probe = window.__lxpmText = {at: null};
  new MutationObserver(() => {
    if (probe.at === null && document.body && document.body.textContent.includes('hello')) {
      probe.at = performance.timeOrigin + performance.now();
    }
  }).observe(document, {childList: true, subtree: true, characterData: true});
})();
"""


def text_paint(browser, url: str) -> float:
    """Seconds from navigation start to Streamlit's one-line page showing its text."""
    context = browser.new_context()
    context.add_init_script(TEXT_PROBE)
    page = context.new_page()
    page.goto(url)
    page.get_by_text("hello").wait_for()
    elapsed = page.evaluate("() => (window.__lxpmText.at - performance.timeOrigin) / 1000")
    context.close()
    return elapsed


def filter_changes(browser, url: str, changes: int) -> tuple[list[float], list[float]]:
    """For each click on a document filter: seconds from the click to the map's last DOM change
    (measured in the browser), and the driver's wall clock from issuing the click to seeing it."""
    context, page = _new_page(browser)
    page.goto(url)
    wait_for_map(page, time.perf_counter())
    time.sleep(1.0)
    in_page, wall = [], []
    for i in range(changes):
        frame, paths, _, _ = wait_for_map(page, time.perf_counter())
        frame.evaluate(f"() => {{ window.__rebuildMark = 'before-{i}'; }}")
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
        wall.append(time.perf_counter() - t0)
        while True:  # wait until the map's DOM has settled
            time.sleep(SETTLED_S)
            probe = state[0].evaluate("() => ({...window.__lxpmBench, doc: null})")
            quiet = state[0].evaluate("() => performance.timeOrigin + performance.now()") - probe["lastMutation"]
            if quiet >= SETTLED_S * 1000:
                break
        clicked = page.evaluate("() => window.__lxpmBench.clickAt")
        in_page.append((probe["lastMutation"] - clicked) / 1000)
    context.close()
    return in_page, wall


def measure(browser, script: str, changes: int) -> dict:
    """Every figure of one app, on a fresh server."""
    proc, url = start(script)
    try:
        cold = first_paint(browser, url)
        warm_runs = [first_paint(browser, url) for _ in range(3)]
        returning = [first_paint(browser, url, again=True) for _ in range(3)]
        in_page, wall = filter_changes(browser, url, changes)
        return {"cold": cold["paint"], "warm": statistics.median(r["paint"] for r in warm_runs),
                "returning": statistics.median(r["paint"] for r in returning),
                **{k: warm_runs[-1][k] for k in ("ws", "data_wire", "assets_wire")},
                "map_bytes": warm_runs[-1]["ws"] + warm_runs[-1]["data_wire"],
                "change_median": statistics.median(in_page), "change_max": max(in_page),
                "change_wall": statistics.median(wall), "rss": rss_mb(proc)}
    finally:
        proc.terminate()
        proc.wait()


ROWS = [("cold first map paint (s)", "cold", "{:.2f}"), ("warm first map paint (s)", "warm", "{:.2f}"),
        ("  same, browser cache kept (s)", "returning", "{:.2f}"),
        ("filter change, median (s)", "change_median", "{:.3f}"),
        ("filter change, max (s)", "change_max", "{:.3f}"),
        ("  same, driver wall clock (s)", "change_wall", "{:.3f}"),
        ("websocket bytes, first load", "ws", "{:,.0f}"),
        ("map data fetched, wire", "data_wire", "{:,.0f}"),
        ("map payload (ws + data wire)", "map_bytes", "{:,.0f}"),
        ("leaflet assets, wire", "assets_wire", "{:,.0f}"),
        ("server memory RSS (MB)", "rss", "{:.0f}")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--changes", type=int, default=12)
    parser.add_argument("--app-only", action="store_true", help="skip the naive baseline (quick look)")
    parser.add_argument("--app-script", default="dashboard.py", help="the app to measure (a variant)")
    args = parser.parse_args()
    results = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        hello, hello_url = start("benchmarks/hello_app.py")
        text_paint(browser, hello_url)
        results["hello"] = statistics.median(text_paint(browser, hello_url) for _ in range(3))
        hello.terminate()
        apps = (("app", args.app_script), ("naive", "benchmarks/naive_app.py"))
        for name, script in apps[:1] if args.app_only else apps:
            results[name] = measure(browser, script, args.changes)
            print(f"{name}: measured", file=sys.stderr, flush=True)
        browser.close()
    a = results["app"]
    n = results.get("naive", {k: float("nan") for k in a})
    print(f"Streamlit one-line page (for scale), navigation to text: {results['hello']:.2f} s")
    print(f"{'':32}{'this app':>12}{'naive':>12}{'naive/app':>12}")
    for label, key, fmt in ROWS:
        ratio = n[key] / a[key] if a[key] else float("nan")
        print(f"{label:32}{fmt.format(a[key]):>12}{fmt.format(n[key]):>12}{ratio:>12.2f}")
    print(f"Paint and change times are measured in the browser (navigation start or click to the map's"
          f" DOM change); {args.changes} changes each. Targets: warm paint <= 1.5 s, change <= 0.300 s,"
          f" map payload <= 600 KB.")


if __name__ == "__main__":
    main()
