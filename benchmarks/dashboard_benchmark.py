"""Benchmark: the dashboard's first map paint and filter change against floors measured in the same run.

Run: .venv/bin/python benchmarks/dashboard_benchmark.py [--changes 12] [--before DIR] [--quick]

In headless Debian chromium on loopback, new browser profile for each load, 1366×768:
- floors: Streamlit's one-line page (navigation to its text), a one-radio app (click to its text:
  the change floor) and the naive folium page (benchmarks/naive_app.py: st_folium, full geometry);
- this app (and, with --before, another checkout of it, e.g. a git worktree of an older commit).
For each map page: the first paint right after the server accepts connections (cold), the warm first
paint (median of 3), the same with the CPU throttled 4× (Emulation.setCPUThrottlingRate, median of 2),
with the browser cache kept, the filter change (click to the map's last DOM change; median and max),
and the payload of the first load (the websocket's bytes, counted by a loopback proxy, and the
map data, both as they cross the wire). The paint is the moment
the map shows its 39 counties (path.leaflet-interactive, in the page or in any frame). Ratios are
printed against the floors of the same run: absolute times drift on shared machines.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import threading
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
FLOOR_LABELS = ("全部", "2022 实施方案")  # benchmarks/floor_app.py's radio
VIEWPORT = {"width": 1366, "height": 768}
COUNTIES = 39
THROTTLE = 4
POLL_S = 0.02
TIMEOUT_S = 120.0
SETTLED_S = 0.25  # no DOM change in the map for this long: the update is over


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(script: str, stock: bool = False, root: Path = ROOT, wait: bool = True) -> tuple[subprocess.Popen, str]:
    """Serve a script of a checkout (root) on a free loopback port: with its .streamlit/config.toml, or
    with Streamlit's stock settings (stock=True: started outside the project, so no config is read).
    wait: return once the server accepts a connection (else at once)."""
    port = _port()
    cwd = STOCK_DIR if stock else root
    cwd.mkdir(exist_ok=True)
    # The dashboard as scripts/serve starts it (its port opens once it is ready), where the checkout has it.
    served = script == "dashboard.py" and (root / "app" / "serve.py").is_file()
    command = ["-m", "app.serve"] if served else ["-m", "streamlit", "run", str(root / script)]
    proc = subprocess.Popen([sys.executable, *command, "--server.port", str(port), "--server.address", "127.0.0.1",
                             "--server.headless", "true", "--browser.gatherUsageStats", "false"], cwd=cwd,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    if wait:
        accepting(url)
    return proc, url


def accepting(url: str, timeout_s: float = 120.0) -> None:
    """Return as soon as the server accepts a connection (its port is open), then once it answers."""
    host, port = url.rsplit("//", 1)[1].split(":")
    deadline = time.perf_counter() + timeout_s
    while time.perf_counter() < deadline:
        try:
            socket.create_connection((host, int(port)), timeout=1).close()
            return
        except OSError:
            time.sleep(0.02)
    raise RuntimeError(f"{url} did not start")


def rss_mb(proc: subprocess.Popen) -> float:
    for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


PROBE = f"""
(() => {{
  // In every frame: when the map first shows the counties, and when the map's DOM last changed; in the
  // page: when the user's click happened. Epoch milliseconds, comparable across frames.
  const now = () => performance.timeOrigin + performance.now();
  const probe = window.__lxpmBench = window.__lxpmBench || {{drawnAt: null, lastMutation: null, clickAt: null}};
  const inMap = (r) => {{
    const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
    return !!(el && el.closest && el.closest('.leaflet-container'));
  }};
  const seen = (records) => {{
    const t = now();
    if (records.some(inMap)) {{ probe.lastMutation = t; }}
    if (probe.drawnAt === null && document.querySelectorAll('path.leaflet-interactive').length >= {COUNTIES}) {{
      probe.drawnAt = t;
    }}
  }};
  // A frame's first about:blank document keeps its window when it navigates: watch each document.
  const attach = () => {{
    if (probe.doc === document) {{ return; }}
    probe.doc = document;
    new MutationObserver(seen).observe(document, {{childList: true, subtree: true, attributes: true}});
    document.addEventListener('click', () => {{ probe.clickAt = now(); }}, true);
  }};
  attach();
  setInterval(attach, 20);
}})();
"""
STATE = "() => [document.querySelectorAll('path.leaflet-interactive').length, window.__rebuildMark || '', " \
        "{...window.__lxpmBench, doc: null}]"
TEXT_PROBE = """
(() => {
  const probe = window.__lxpmText = {at: null, want: 'hello'};
  new MutationObserver(() => {
    if (probe.at === null && document.body && document.body.textContent.includes(probe.want)) {
      probe.at = performance.timeOrigin + performance.now();
    }
  }).observe(document, {childList: true, subtree: true, characterData: true});
})();
"""


def map_state(page):
    """(frame, drawn paths, mark, probe) of the frame that shows the map, or None while not drawn."""
    for frame in page.frames:
        try:
            state = frame.evaluate(STATE)
        except Exception:  # frames come and go while Streamlit renders
            continue
        if state and state[0] >= COUNTIES:
            return frame, state[0], state[1], state[2]
    return None


def wait_for_map(page, t0: float):
    while True:
        state = map_state(page)
        if state is not None:
            return state
        if time.perf_counter() - t0 > TIMEOUT_S:
            raise RuntimeError("the map did not draw")
        time.sleep(POLL_S)


def new_page(browser, throttle: int = 1, probe: str = PROBE):
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(probe)
    page = context.new_page()
    if throttle > 1:
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    return context, page


def first_paint(browser, url: str, again: bool = False, throttle: int = 1) -> dict:
    """Seconds from navigation start to the drawn map (measured in the page), and the bytes of the
    first load; again: load the page once before in the same profile (a returning user's cache)."""
    context, page = new_page(browser, throttle)
    if again:
        page.goto(url)
        wait_for_map(page, time.perf_counter())
        time.sleep(0.5)
        page.close()
        page = context.new_page()
    got = {"ws": 0, "data_wire": 0}
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: got.__setitem__(
        "ws", got["ws"] + len(payload))))

    def finished(request):
        if "/app/static/web/" in request.url:
            sizes = request.sizes()
            got["data_wire"] += sizes["responseBodySize"] + sizes["responseHeadersSize"]

    page.on("requestfinished", finished)
    page.goto(url, wait_until="commit")
    _, _, _, probe = wait_for_map(page, time.perf_counter())
    start_at = page.evaluate("() => performance.timeOrigin")
    time.sleep(2.0)  # what follows the map (below the fold) arrives too: the whole first load
    context.close()
    return {"paint": (probe["drawnAt"] - start_at) / 1000, **got}


class WireCounter:
    """A loopback TCP proxy in front of a server that counts the bytes the server sends on the page's
    websocket, as they cross the wire (compressed, when the server compresses its messages)."""

    def __init__(self, url: str) -> None:
        self.target = url.rsplit("//", 1)[1].split(":")
        self.ws_bytes = 0
        self.loop = asyncio.new_event_loop()
        self.port = _port()
        ready = threading.Event()
        threading.Thread(target=self._run, args=(ready,), daemon=True).start()
        ready.wait()
        self.url = f"http://127.0.0.1:{self.port}"

    def _run(self, ready: threading.Event) -> None:
        asyncio.set_event_loop(self.loop)
        self.server = self.loop.run_until_complete(asyncio.start_server(self._client, "127.0.0.1", self.port))
        ready.set()
        self.loop.run_forever()

    async def _client(self, reader, writer) -> None:
        upstream_reader, upstream_writer = await asyncio.open_connection(self.target[0], int(self.target[1]))
        first = await reader.read(65536)
        websocket = b"/_stcore/stream" in first.split(b"\r\n", 1)[0]
        upstream_writer.write(first)

        async def pipe(src, dst, count: bool) -> None:
            try:
                while data := await src.read(65536):
                    if count:
                        self.ws_bytes += len(data)
                    dst.write(data)
                    await dst.drain()
            except (ConnectionError, asyncio.CancelledError):
                pass
            finally:
                if not self.loop.is_closed():
                    dst.close()

        await asyncio.gather(pipe(reader, upstream_writer, False), pipe(upstream_reader, writer, websocket))

    async def _shutdown(self) -> None:
        self.server.close()
        tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def close(self) -> None:
        asyncio.run_coroutine_threadsafe(self._shutdown(), self.loop).result(timeout=10)
        self.loop.call_soon_threadsafe(self.loop.stop)


def wire_payload(browser, url: str) -> int:
    """Bytes the server sends on the page's websocket during a first load (map painted, then 2 s)."""
    counter = WireCounter(url)
    try:
        context, page = new_page(browser)
        page.goto(counter.url, wait_until="commit")
        wait_for_map(page, time.perf_counter())
        time.sleep(2.0)
        context.close()
        return counter.ws_bytes
    finally:
        counter.close()


def text_paint(browser, url: str, throttle: int = 1) -> float:
    """Seconds from navigation start to Streamlit's one-line page showing its text."""
    context, page = new_page(browser, throttle, TEXT_PROBE)
    page.goto(url, wait_until="commit")
    page.get_by_text("hello").wait_for()
    elapsed = page.evaluate("() => (window.__lxpmText.at - performance.timeOrigin) / 1000")
    context.close()
    return elapsed


def map_changes(browser, url: str, changes: int) -> list[float]:
    """For each click on a document filter: seconds from the click to the map's last DOM change."""
    context, page = new_page(browser)
    page.goto(url)
    wait_for_map(page, time.perf_counter())
    time.sleep(2.0)
    times = []
    for i in range(changes):
        frame, paths, _, _ = wait_for_map(page, time.perf_counter())
        frame.evaluate(f"() => {{ window.__rebuildMark = 'before-{i}'; }}")
        t0 = time.perf_counter()
        page.locator("[data-testid=stRadio]").get_by_text(
            DOC_LABELS[(i + 1) % 2], exact=True).first.click()
        while True:
            state = map_state(page)
            if state and (state[1] != paths or state[2] != f"before-{i}"):
                break
            if time.perf_counter() - t0 > TIMEOUT_S:
                raise RuntimeError("the map did not update")
            time.sleep(POLL_S)
        while True:  # wait until the map's DOM has settled
            time.sleep(SETTLED_S)
            probe = state[0].evaluate("() => ({...window.__lxpmBench, doc: null})")
            quiet = state[0].evaluate("() => performance.timeOrigin + performance.now()") - probe["lastMutation"]
            if quiet >= SETTLED_S * 1000:
                break
        clicked = page.evaluate("() => window.__lxpmBench.clickAt")
        times.append((probe["lastMutation"] - clicked) / 1000)
    context.close()
    return times


CLICK_PROBE = TEXT_PROBE + """
document.addEventListener('click', () => { window.__lastClick = performance.timeOrigin + performance.now(); }, true);
"""


def measure_map_page(browser, script: str, root: Path, changes: int) -> dict:
    """Every figure of one map page, on a fresh server (its first page requested the moment it accepts one)."""
    proc, url = start(script, root=root, wait=False)
    try:
        accepting(url)
        cold = first_paint(browser, url)
        warm = [first_paint(browser, url) for _ in range(3)]
        throttled = [first_paint(browser, url, throttle=THROTTLE) for _ in range(2)]
        returning = [first_paint(browser, url, again=True) for _ in range(2)]
        change = map_changes(browser, url, changes) if changes else [float("nan")]
        ws_wire = wire_payload(browser, url)
        return {"cold": cold["paint"], "warm": statistics.median(r["paint"] for r in warm),
                "throttled": statistics.median(r["paint"] for r in throttled),
                "returning": statistics.median(r["paint"] for r in returning),
                "ws": warm[-1]["ws"], "ws_wire": ws_wire, "data_wire": warm[-1]["data_wire"],
                "payload": ws_wire + warm[-1]["data_wire"],
                "change_median": statistics.median(change), "change_max": max(change), "rss": rss_mb(proc)}
    finally:
        proc.terminate()
        proc.wait()


def measure_floors(browser, changes: int) -> dict:
    """Streamlit's one-line page (plain and throttled) and the one-radio app's change, stock settings."""
    hello, url = start("benchmarks/hello_app.py", stock=True)
    try:
        text_paint(browser, url)  # the first page of a server pays for its start
        plain = statistics.median(text_paint(browser, url) for _ in range(3))
        throttled = statistics.median(text_paint(browser, url, THROTTLE) for _ in range(2))
    finally:
        hello.terminate()
        hello.wait()
    floor, url = start("benchmarks/floor_app.py", stock=True)
    try:
        context, page = new_page(browser, probe=CLICK_PROBE)
        page.goto(url)
        page.get_by_text("selected:").wait_for()
        time.sleep(1.0)
        times = []
        for i in range(max(changes, 3)):
            label = FLOOR_LABELS[(i + 1) % 2]
            page.evaluate(f"() => {{ const p = window.__lxpmText; p.at = null; p.want = {f'selected: {label}'!r}; }}")
            page.locator("[data-testid=stRadio]").get_by_text(label, exact=True).first.click()
            page.get_by_text(f"selected: {label}").wait_for()
            time.sleep(0.2)
            times.append((page.evaluate("() => window.__lxpmText.at") - page.evaluate("() => window.__lastClick")) / 1000)
        context.close()
    finally:
        floor.terminate()
        floor.wait()
    return {"hello": plain, "hello_throttled": throttled, "floor_change": statistics.median(times)}


ROWS = [("cold first map paint (s)", "cold", "{:.2f}"),
        ("warm first map paint (s)", "warm", "{:.2f}"),
        ("  same, CPU throttled 4x (s)", "throttled", "{:.2f}"),
        ("  same, browser cache kept (s)", "returning", "{:.2f}"),
        ("filter change, median (s)", "change_median", "{:.3f}"),
        ("filter change, max (s)", "change_max", "{:.3f}"),
        ("websocket messages, first load", "ws", "{:,.0f}"),
        ("  same, on the wire", "ws_wire", "{:,.0f}"),
        ("map data fetched, wire", "data_wire", "{:,.0f}"),
        ("payload (ws + data, wire)", "payload", "{:,.0f}"),
        ("server memory RSS (MB)", "rss", "{:.0f}")]


def report(floors: dict, pages: dict[str, dict]) -> None:
    names = list(pages)
    print(f"Floors (stock Streamlit, same run): one-line page {floors['hello']:.2f} s, throttled 4x"
          f" {floors['hello_throttled']:.2f} s; one-radio app's change {floors['floor_change']:.3f} s")
    print(f"{'':34}" + "".join(f"{n:>14}" for n in names))
    for label, key, fmt in ROWS:
        print(f"{label:34}" + "".join(f"{fmt.format(pages[n][key]):>14}" for n in names))
    print("Ratios")
    ratios = [("warm paint / one-line page", lambda r: r["warm"] / floors["hello"]),
              ("throttled paint / one-line page throttled", lambda r: r["throttled"] / floors["hello_throttled"]),
              ("cold paint / warm paint", lambda r: r["cold"] / r["warm"]),
              ("change / one-radio app's change", lambda r: r["change_median"] / floors["floor_change"])]
    if "naive" in pages:
        ratios.append(("naive warm paint / this page's", lambda r: pages["naive"]["warm"] / r["warm"]))
        ratios.append(("naive throttled paint / this page's", lambda r: pages["naive"]["throttled"] / r["throttled"]))
    for label, of in ratios:
        print(f"{label:44}" + "".join(f"{of(pages[n]):>10.2f}x" for n in names))
    print("Targets (issue 18): warm and throttled paint <= 1.6x the one-line page (goal 1.4x); naive/app >= 1.25x;"
          " cold <= 1.3x warm; payload <= 400 KB; change median <= 0.25 s and <= 1.3x the one-radio app's.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--changes", type=int, default=12)
    parser.add_argument("--before", type=Path, default=None,
                        help="another checkout of this app (e.g. a git worktree of an older commit), measured too")
    parser.add_argument("--quick", action="store_true", help="skip the naive page")
    parser.add_argument("--app-script", default="dashboard.py", help="the app to measure (a variant)")
    args = parser.parse_args()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        floors = measure_floors(browser, args.changes)
        print("floors: measured", file=sys.stderr, flush=True)
        pages = {}
        runs = [("this app", args.app_script, ROOT)]
        if args.before:
            runs.append(("before", "dashboard.py", args.before.resolve()))
        if not args.quick:
            runs.append(("naive", "benchmarks/naive_app.py", ROOT))
        for name, script, root in runs:
            pages[name] = measure_map_page(browser, script, root, args.changes)
            print(f"{name}: measured", file=sys.stderr, flush=True)
        browser.close()
    report(floors, pages)


if __name__ == "__main__":
    main()
