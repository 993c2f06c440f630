"""A dashboard server on 127.0.0.1 and headless Debian chromium that can reach nothing else."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

from geo.files import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    # Every non-loopback request fails: hosts resolve to nothing and any other address goes
    # to a closed loopback proxy. Loopback itself bypasses the proxy.
    "--proxy-server=http://127.0.0.1:9",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
ARTIFACTS = ROOT / "artifacts"
SERVER_START_TIMEOUT_S = 60


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def dashboard_server(env: dict[str, str] | None = None, log_name: str = "streamlit-test.log") -> Iterator[str]:
    """`streamlit run dashboard.py` on a free loopback port (with env added to the environment; its log in
    artifacts/log_name) while the block runs; its URL."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/setup_browser.sh (scripts/test does)")
    port = _free_port()
    log = open(ARTIFACTS.mkdir(exist_ok=True) or ARTIFACTS / log_name, "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"),
         "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
        env={**os.environ, "TIANDITU_KEY": "", "LXPM_BASEMAPS": "", **(env or {})})
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + SERVER_START_TIMEOUT_S
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as r:
                if r.status == 200:
                    break
        except OSError:
            time.sleep(0.3)
    else:
        proc.terminate()
        pytest.fail("the dashboard server did not start")
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()


@pytest.fixture(scope="session")
def server_url():
    """The dashboard on a free loopback port for the session (no basemaps file, no 天地图 key)."""
    with dashboard_server() as url:
        yield url


@dataclass
class Watch:
    """Requests to anything but loopback (and every request), and console errors, seen by a page."""

    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)  # every request, loopback included


@pytest.fixture(scope="module")
def browser():
    """One chromium per test module: Playwright's sync API allows one driver at a time per thread,
    and other modules (the figure exports) start their own."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@contextmanager
def watched_page(browser, width: int = 1500, height: int = 1100) -> Iterator[tuple[object, Watch]]:
    """A page in a new browser context of that window size, and what it asks outside the machine."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    watch = Watch()

    def on_request(request):
        watch.requests.append(request.url)
        host = urlparse(request.url).hostname
        if not request.url.startswith(("data:", "blob:", "about:")) and host not in ("127.0.0.1", "localhost"):
            watch.outside.append(request.url)

    context.on("request", on_request)
    page.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: watch.errors.append(str(e)))
    try:
        yield page, watch
    finally:
        context.close()


@pytest.fixture
def page_and_watch(browser):
    with watched_page(browser) as (page, watch):
        yield page, watch


def map_frame(page, timeout_s: float = 60.0):
    """The frame that holds the map (the page's own: the map is mounted in it) once it has drawn its
    county polygons; its `window.lxpmMap` is the Leaflet map."""
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        for frame in page.frames:
            try:
                if frame.evaluate("() => !!(window.lxpmMap"
                                  " && window.lxpmMap.getContainer().querySelectorAll('path').length > 39)"):
                    return frame
            except Exception:  # frames come and go while Streamlit renders
                pass
        time.sleep(0.2)
    raise AssertionError("the map did not draw within the time limit")


def wait_until(predicate, timeout_s: float = 30.0, what: str = "condition") -> None:
    """Poll predicate() every 0.2 s until it is true; fail naming what was awaited."""
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")
