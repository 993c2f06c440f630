"""Load benchmark: N concurrent browser sessions against one server, this app and the floor app.

Run: .venv/bin/python benchmarks/load_benchmark.py [--sessions 20] [--changes 10] [--rounds 2] [--before DIR]
One headless chromium, one browser context per session. Each round, every session loads the page
(all at once), then makes its filter changes (a document radio, with a short random pause between
them). For each app and round it prints: errors, server CPU seconds per page load and per filter change
(utime + stime of the server process and its children from /proc, read around each phase), the p50
and p95 of a change's time (driver wall clock from the click to the page showing the result: under
load this measures the browsers as much as the server), and the server's memory at the end of the
round. The floor app (benchmarks/floor_app.py: one sidebar radio, one line of text) runs the same way,
on the same machine, in the same run, twice: with Streamlit's stock settings (the floor the targets
are set against) and with this project's server settings. Compare with them, not with absolute figures.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import async_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.dashboard_benchmark import DOC_LABELS, rss_mb, start  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

TIMEOUT_S = 180.0
POLL_S = 0.1
PAUSE_S = (0.2, 1.0)  # a user's pause between two changes
TICK = os.sysconf("SC_CLK_TCK")
# name -> (script, run with Streamlit's stock settings). The floor is stock Streamlit, as the
# issue measured it; "floor, our config" is the same app under this project's server settings
# (no file watching, no full garbage collection after each run), for comparison.
APPS = {"app": ("dashboard.py", False), "floor": ("benchmarks/floor_app.py", True),
        "floor, our config": ("benchmarks/floor_app.py", False)}
BEFORE = "app, before"
MAP_PATHS = "() => [document.querySelectorAll('path.leaflet-interactive').length]"  # the page's map, or a frame's
RUNS_PROBE = """
(() => {
  // Count the app's finished script runs: a click has been answered once the count has grown.
  window.__runsDone = 0;
  new MutationObserver(ms => ms.forEach(m => {
    if (m.target.getAttribute('data-test-script-state') === 'notRunning' && m.oldValue !== 'notRunning') {
      window.__runsDone += 1;
    }
  })).observe(document, {subtree: true, attributes: true, attributeOldValue: true,
                         attributeFilter: ['data-test-script-state']});
})();
"""
SCRIPT_STATE = "() => document.querySelector('[data-testid=stApp]')?.getAttribute('data-test-script-state')"


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process and its live descendants, with the children each has reaped."""
    tree = {}  # pid -> (parent pid, clock ticks)
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:  # gone meanwhile
                continue
            tree[int(entry.name)] = (int(fields[1]), sum(int(f) for f in fields[11:15]))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += tree.get(current, (0, 0))[1]
        todo += [child for child, (parent, _) in tree.items() if parent == current]
    return total / TICK


@dataclass
class Round:
    loads: int = 0
    clicks: int = 0
    changes: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    cpu_load: float = 0.0
    cpu_changes: float = 0.0
    rss: float = 0.0


async def map_state(page):
    """(frame, path count) of the drawn map, or None."""
    for frame in page.frames:
        try:
            state = await frame.evaluate(MAP_PATHS)
        except Exception:  # frames come and go while Streamlit renders
            continue
        if state and state[0] > 39:
            return frame, state[0]
    return None


async def until(check, what: str):
    """The first truthy value of the coroutine check(), polled until TIMEOUT_S."""
    deadline = time.perf_counter() + TIMEOUT_S
    while time.perf_counter() < deadline:
        value = await check()
        if value:
            return value
        await asyncio.sleep(POLL_S)
    raise TimeoutError(f"timed out waiting for {what}")


async def idle(page) -> bool:
    return await page.evaluate(SCRIPT_STATE) == "notRunning"


async def load(page, url: str, app: str) -> None:
    await page.goto(url, timeout=TIMEOUT_S * 1000)
    if app in ("app", BEFORE):
        await until(lambda: map_state(page), "the map")
        # The page is ready when its table is drawn (it follows the map once the map has painted).
        await page.locator("[data-testid=stDataFrame]").first.wait_for(timeout=TIMEOUT_S * 1000)
    else:
        await page.get_by_text("selected:").wait_for(timeout=TIMEOUT_S * 1000)
    await until(lambda: idle(page), "the first run to end")


async def change(page, app: str, label: str) -> tuple[float, str]:
    """Click a document option; seconds until the run it started has ended and the page shows it,
    and what was wrong with the result ('' when nothing)."""
    problem = ""
    runs, address = await page.evaluate("() => window.__runsDone"), page.url
    t0 = time.perf_counter()
    await page.locator("[data-testid=stRadio]").get_by_text(label, exact=True).first.click()
    if app in ("app", BEFORE):
        # A quick run can start and end within one render, so the page never shows 'running' and the
        # run counter misses it; the run has also written the new filter into the address by then.
        async def answered():
            ran = await page.evaluate("() => window.__runsDone") > runs or page.url != address
            return ran and await idle(page)
        await until(answered, "the run to end")
        await until(lambda: map_state(page), "the map")
        if "layers=&" in page.url + "&":  # answered, but wrongly (seen when pages render slowly)
            problem = "the change left every map layer switched off (layers= in the address)"
    else:
        # Its run can be too quick for the page ever to show 'running': wait for its text instead.
        await page.get_by_text(f"selected: {label}").wait_for(timeout=TIMEOUT_S * 1000)
        await until(lambda: idle(page), "the run to end")
    return time.perf_counter() - t0, problem


async def changes_of(page, app: str, count: int, rng: random.Random, result: Round) -> None:
    for i in range(count):
        await asyncio.sleep(rng.uniform(*PAUSE_S))
        result.clicks += 1
        try:
            elapsed, problem = await change(page, app, DOC_LABELS[(i + 1) % 2])
            result.changes.append(elapsed)
            result.errors += [problem] if problem else []
        except Exception as exc:  # one failed change is an error, not the end of the run
            result.errors.append(f"change: {exc}"[:200])
    shown = await page.locator("[data-testid=stException]").count()
    result.errors += ["an exception shown on the page"] * shown


async def run_round(browser, proc, url: str, app: str, sessions: int, changes: int, seed: int) -> Round:
    result = Round()
    contexts = [await browser.new_context(viewport={"width": 1500, "height": 1100}) for _ in range(sessions)]
    for c in contexts:
        await c.add_init_script(RUNS_PROBE)
    pages = [await c.new_page() for c in contexts]
    for p in pages:
        p.on("pageerror", lambda e: result.errors.append(f"page error: {e}"[:200]))
    before = cpu_seconds(proc.pid)
    outcomes = await asyncio.gather(*(load(p, url, app) for p in pages), return_exceptions=True)
    after_loads = cpu_seconds(proc.pid)
    loaded = [p for p, o in zip(pages, outcomes) if not isinstance(o, BaseException)]
    result.errors += [f"load: {o}"[:200] for o in outcomes if isinstance(o, BaseException)]
    result.loads = len(loaded)
    await asyncio.gather(*(changes_of(p, app, changes, random.Random(seed + i), result)
                           for i, p in enumerate(loaded)))
    result.cpu_load = (after_loads - before) / max(result.loads, 1)
    result.cpu_changes = (cpu_seconds(proc.pid) - after_loads) / max(result.clicks, 1)
    for c in contexts:
        await c.close()
    await asyncio.sleep(3.0)  # let the server drop the closed sessions
    result.rss = rss_mb(proc)
    return result


async def measure(browser, app: str, sessions: int, changes: int, rounds: int,
                  before: Path | None = None) -> list[Round]:
    script, stock = APPS[app] if app in APPS else APPS["app"]
    proc, url = start(script, stock, before if app == BEFORE else ROOT)
    try:
        results = []
        for r in range(rounds):
            results.append(await run_round(browser, proc, url, app, sessions, changes, seed=1000 * r))
            print(f"{app}: round {r + 1} done", file=sys.stderr, flush=True)
        return results
    finally:
        proc.terminate()
        proc.wait()


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else float("nan")


def report(results: dict[str, list[Round]], sessions: int, changes: int) -> None:
    print(f"{sessions} concurrent sessions x {changes} filter changes, one chromium; {os.cpu_count()} cores")
    print(f"{'':18}{'round':>6}{'loads':>7}{'answered':>9}{'errors':>8}{'CPU/load s':>12}"
          f"{'CPU/change ms':>15}{'p50 s':>8}{'p95 s':>8}{'RSS MB':>8}")
    for app, rounds in results.items():
        for i, r in enumerate(rounds, 1):
            print(f"{app:18}{i:>6}{r.loads:>7}{len(r.changes):>9}{len(r.errors):>8}{r.cpu_load:>12.2f}"
                  f"{r.cpu_changes * 1000:>15.0f}{percentile(r.changes, 50):>8.2f}"
                  f"{percentile(r.changes, 95):>8.2f}{r.rss:>8.0f}")
            for e in dict.fromkeys(r.errors):
                print(f"{'':24}error: {e}")
    app = results["app"][-1]
    if BEFORE in results:
        old = results[BEFORE][-1]
        print(f"last round, before / floor: CPU per change {old.cpu_changes / results['floor'][-1].cpu_changes:.1f}x,"
              f" CPU per page load {old.cpu_load / results['floor'][-1].cpu_load:.1f}x")
    for name in ("floor", "floor, our config"):
        floor = results[name][-1]
        print(f"last round, this app / {name}: CPU per change {app.cpu_changes / floor.cpu_changes:.1f}x,"
              f" CPU per page load {app.cpu_load / floor.cpu_load:.1f}x")
    print(f"one core, busy with this app's server alone, takes about {1 / app.cpu_changes:.1f} changes/s"
          f" and {1 / app.cpu_load:.1f} page loads/s")


async def main_async(args) -> None:
    results = {}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for app in ([BEFORE] if args.before else []) + list(APPS):
            results[app] = await measure(browser, app, args.sessions, args.changes, args.rounds, args.before)
        await browser.close()
    report({app: results[app] for app in (BEFORE, "app", "floor", "floor, our config") if app in results},
           args.sessions, args.changes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--changes", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--before", type=Path, default=None,
                        help="another checkout of this app (e.g. a git worktree of an older commit) to "
                             "measure in the same run, as 'app, before'")
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
