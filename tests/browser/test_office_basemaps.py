"""An office's own tile server, as a basemaps file names it: the map asks that server (a small tile server on
127.0.0.1 here) for its tiles and nothing outside the machine; a bad file leaves the dashboard running on the
offline basemap, with one line in the log and on the page."""

from __future__ import annotations

import io
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

import pytest
from PIL import Image

from tests.browser.conftest import ARTIFACTS, dashboard_server, map_frame, wait_until, watched_page

pytestmark = pytest.mark.browser
TILE = re.compile(r"^/(base|labels)/(\d+)/(\d+)/(\d+)\.png$")


class TileServer(ThreadingHTTPServer):
    """Generated PNG tiles at /base/{z}/{x}/{y}.png and /labels/…; the paths asked, in order."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _TileHandler)
        self.asked: list[str] = []
        self.pngs = {}
        for layer, colour in (("base", (214, 230, 200, 255)), ("labels", (0, 0, 0, 0))):
            out = io.BytesIO()
            Image.new("RGBA", (256, 256), colour).save(out, "PNG")
            self.pngs[layer] = out.getvalue()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _TileHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
        self.server.asked.append(self.path)
        match = TILE.match(self.path)
        body = self.server.pngs[match.group(1)] if match else b"no such tile"
        self.send_response(200 if match else 404)
        self.send_header("Content-Type", "image/png" if match else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def tile_server():
    server = TileServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


NAMES = ("<img src=x onerror=\"window.__xss=2\">", "![x](http://evil.example/x.png) [登录](http://evil.example/)")
ATTRIBUTION = "© 本单位瓦片 <img src=x onerror=\"window.__xss=1\"> [登录](http://evil.example/)"


@pytest.fixture(scope="module")
def office_server(tile_server, tmp_path_factory):
    path = tmp_path_factory.mktemp("office") / "basemaps.toml"
    path.write_text(f"""
[[basemap]]
id = "intranet"
name_zh = "政务网底图"
name_en = "Intranet basemap"
url = "{tile_server.url}/base/{{z}}/{{x}}/{{y}}.png"
overlay_url = "{tile_server.url}/labels/{{z}}/{{x}}/{{y}}.png"
crs = "wgs84"
attribution = '{ATTRIBUTION}'
max_zoom = 12

[[basemap]]
id = "payload"
name_zh = '{NAMES[0]}'
name_en = '{NAMES[1]}'
url = "{tile_server.url}/base/{{z}}/{{x}}/{{y}}.png"
crs = "gcj02"
""", encoding="utf-8")
    with dashboard_server({"LXPM_BASEMAPS": str(path)}, "streamlit-office.log") as url:
        yield url


def _basemap_shown(page) -> str:
    return page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox'] input").first.input_value()


def _tiles_shown(frame, base: str) -> int:
    return frame.evaluate("(base) => Array.from(document.querySelectorAll('img.leaflet-tile-loaded'))"
                          ".filter(i => i.src.startsWith(base)).length", base)


def test_the_map_takes_its_tiles_from_the_office_server_and_asks_nothing_else(office_server, tile_server,
                                                                              browser):
    with watched_page(browser, 1366, 768) as (page, watch):
        page.goto(office_server + "/?basemap=intranet&lang=en")
        frame = map_frame(page)
        wait_until(lambda: _tiles_shown(frame, tile_server.url + "/base/") >= 4, 60, "base tiles from the server")
        wait_until(lambda: _tiles_shown(frame, tile_server.url + "/labels/") >= 4, 60, "label tiles above them")
        page.get_by_text("loads its tiles from 127.0.0.1").first.wait_for(timeout=30_000)
        # every request went to the dashboard or the tile server, and nowhere else
        ports = {urlparse(office_server).port, tile_server.server_address[1]}
        others = [u for u in watch.requests if urlparse(u).scheme in ("http", "https", "ws", "wss")
                  and (urlparse(u).hostname != "127.0.0.1" or urlparse(u).port not in ports)]
        assert watch.outside == [] and others == [], others
        tiles = [p for p in tile_server.asked if TILE.match(p)]
        assert tiles and len(tiles) == len(tile_server.asked), tile_server.asked
        zooms = {int(TILE.match(p).group(2)) for p in tiles}
        assert zooms <= set(range(5, 13)), zooms
        # the attribution is text: none of its HTML or Markdown became an element
        attribution = frame.locator(".leaflet-control-attribution")
        assert "<img src=x" in attribution.inner_text() and "[登录](http://evil.example/)" in attribution.inner_text()
        assert frame.evaluate("() => document.querySelectorAll('.leaflet-control-attribution img, "
                              ".leaflet-control-attribution a[href*=evil]').length") == 0
        assert frame.evaluate("() => window.__xss === undefined") and page.evaluate("() => window.__xss === undefined")
        assert _basemap_shown(page) == "Intranet basemap"
        # the file's names are text in the sidebar's list
        page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").first.click()
        options = page.locator("[role=option]")
        wait_until(lambda: options.count() >= 3, 10, "the basemap list")
        assert options.all_inner_texts()[:3] == ["Offline vector basemap", "Intranet basemap", NAMES[1]]
        assert page.evaluate("() => document.querySelectorAll('img[src=x], a[href*=evil], img[src*=evil]').length") == 0
        page.keyboard.press("Escape")
        page.screenshot(path=str(ARTIFACTS / "office-basemap-1366.png"))


@pytest.fixture(scope="module")
def bad_file_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad") / "[重新登录](http:evil.example)"
    folder.mkdir()
    path = folder / "basemaps.toml"
    path.write_text('[[basemap]]\nid = "intranet"\nname_zh = "政务网"\nurl = "http://tiles.example/{z}/{x}/{y}.png"\n'
                    'crs = "![x](http://evil.example/x.png)"\n', encoding="utf-8")
    with dashboard_server({"LXPM_BASEMAPS": str(path)}, "streamlit-bad-basemaps.log") as url:
        yield url, path


def test_a_bad_basemaps_file_leaves_the_dashboard_running_offline_with_one_line(bad_file_server, browser):
    url, path = bad_file_server
    with watched_page(browser, 1366, 768) as (page, watch):
        page.goto(url + "/?basemap=intranet")
        frame = map_frame(page)
        notice = page.get_by_text("底图配置文件有误")
        notice.first.wait_for(timeout=30_000)
        text = notice.first.inner_text().replace("\u2060", "")  # the invisible joiners that keep addresses text
        assert str(path) in text and "unknown crs '![x](http://evil.example/x.png)'" in text  # shown as typed
        assert page.evaluate("() => Array.from(document.querySelectorAll('a[href*=evil], img[src*=evil]')).map(e => e.outerHTML)") == []
        assert frame.evaluate("() => document.querySelectorAll('img.leaflet-tile').length") == 0  # offline basemap
        assert _basemap_shown(page) == "离线矢量底图"
        assert watch.outside == []
        page.screenshot(path=str(ARTIFACTS / "bad-basemaps-1366.png"))
    log = (ARTIFACTS / "streamlit-bad-basemaps.log").read_text(encoding="utf-8")
    lines = [line for line in log.splitlines() if "basemaps file not used" in line]
    assert len(lines) == 1 and str(path) in lines[0] and "unknown crs" in lines[0], log
    assert "Traceback" not in log


def test_a_gcj02_basemap_from_the_file_shifts_the_layers_onto_its_tiles(office_server, tile_server, browser):
    with watched_page(browser, 1920, 1080) as (page, watch):
        page.goto(office_server + "/?basemap=payload")
        frame = map_frame(page)
        wait_until(lambda: _tiles_shown(frame, tile_server.url + "/base/") >= 4, 60, "tiles from the server")
        data = [u for u in watch.requests if "/app/static/web/" in u]
        assert data and all("-wgs84" not in u for u in data), data  # every layer in its GCJ-02 variant
        assert any("counties-zh-gcj02" in u for u in data), data
        assert watch.outside == []
