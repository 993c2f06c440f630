"""Render figure pages to PNG in a local headless browser (Playwright), with no network.

The browser is Debian's Chromium when there is one, else an installed Chrome or Edge (found by
browser_lookup); a browser is never downloaded.
"""

from __future__ import annotations

import asyncio
import tempfile
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import geopandas as gpd

from figures.browser_lookup import LocalBrowser, find_browser, no_browser_message
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run",
               "--proxy-server=http://127.0.0.1:9",
               "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"]
READY_TIMEOUT_MS = 30_000
READY_CHECK = "window.figureReady === true"
"""The one expression the renderer waits on: static/figures/page_ready.js sets the flag."""
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")


class FigureRenderError(RuntimeError):
    """The browser could not start or the figure page never became ready."""


class FigureBrowser:
    """One headless browser for one or many figures: `with FigureBrowser() as b: b.png(...)`.

    executable: a Chromium-family browser to use; by default the first find_browser finds.
    """

    def __init__(self, executable: str | None = None, timeout_ms: int = READY_TIMEOUT_MS) -> None:
        self.executable = executable
        self.timeout_ms = timeout_ms
        self.blocked: list[str] = []  # every non-local request a page tried (and was refused)
        self._playwright = None
        self._browser = None

    def __enter__(self) -> "FigureBrowser":
        from playwright.sync_api import Error, sync_playwright

        browser = self._local_browser()
        self._playwright = sync_playwright().start()
        try:
            self._browser = self._playwright.chromium.launch(**browser.launch_options(), args=LAUNCH_ARGS,
                                                             headless=True)
        except Error as exc:
            self._playwright.stop()
            raise FigureRenderError(f"{browser.name} at {browser.path} did not start: "
                                    f"{str(exc).splitlines()[0]}") from exc
        return self

    def _local_browser(self) -> LocalBrowser:
        if self.executable is not None:
            if not Path(self.executable).is_file():
                raise FigureRenderError(f"no browser at {self.executable}: {no_browser_message('en')}")
            return LocalBrowser("Chromium", Path(self.executable))
        found = find_browser()
        if found is None:
            raise FigureRenderError(no_browser_message("en"))
        return found

    def __exit__(self, *exc_info) -> None:
        if self._browser is not None:
            self._browser.close()
        if self._playwright is not None:
            self._playwright.stop()

    def _refuse(self, route) -> None:
        url = route.request.url
        if url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    @contextmanager
    def page(self, html: str, width: int, height: int, scale: float) -> Iterator[object]:
        """A Playwright page showing the HTML, once it has set window.figureReady."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        with tempfile.TemporaryDirectory(prefix="lxpm-figure-") as tmp:
            path = Path(tmp) / "figure.html"
            path.write_text(html, encoding="utf-8")
            context = self._browser.new_context(viewport={"width": width, "height": height},
                                                device_scale_factor=scale)
            try:
                context.route("**/*", self._refuse)
                page = context.new_page()
                errors: list[str] = []
                page.on("pageerror", lambda exc: errors.append(str(exc)))
                page.goto(path.as_uri(), wait_until="load", timeout=self.timeout_ms)
                try:
                    page.wait_for_function(READY_CHECK, timeout=self.timeout_ms)
                except PlaywrightTimeout as exc:
                    detail = f"; page errors: {' | '.join(errors)}" if errors else ""
                    raise FigureRenderError(
                        f"the figure page was not ready within {self.timeout_ms / 1000:g} s "
                        f"(window.figureReady never became true){detail}") from exc
                yield page
            finally:
                context.close()

    def png(self, html: str, width: int, height: int, scale: float) -> bytes:
        """The page as a PNG of (width × scale) × (height × scale) pixels."""
        with self.page(html, width, height, scale) as page:
            return page.screenshot(type="png", full_page=False)


def _loop_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def _render_png(html: str, width: int, height: int, scale: float) -> bytes:
    with FigureBrowser() as browser:
        return browser.png(html, width, height, scale)


def render_png(html: str, width: int, height: int, scale: float) -> bytes:
    """Render one figure page to PNG in a fresh headless browser."""
    if _loop_running():  # Playwright's sync API refuses a thread with a running event loop
        with ThreadPoolExecutor(max_workers=1) as pool:
            return pool.submit(_render_png, html, width, height, scale).result()
    return _render_png(html, width, height, scale)


def render_figure(spec, data: dict[str, gpd.GeoDataFrame], browser: FigureBrowser | None = None) -> bytes:
    """A FigureSpec drawn and rendered to PNG (in the given browser, or a fresh one)."""
    from figures.figure import figure_html

    html = figure_html(spec, data)
    if browser is not None:
        return browser.png(html, spec.width, spec.height, spec.scale)
    return render_png(html, spec.width, spec.height, spec.scale)
