"""Our static files served from memory: compressed once, cached by browsers as their names allow,
and nothing outside static/ or of another kind."""

import asyncio
import gzip

import pytest

from app import static_files
from app.static_files import FOREVER, REVALIDATE, StaticFiles, lookup, prepare, response_of, static_file, warm

MAP_FILE = "web/counties-zh-wgs84-0123456789abcdef.geojson"


@pytest.fixture
def root(tmp_path, monkeypatch):
    monkeypatch.setattr(static_files, "_PREPARED", {})
    (tmp_path / "web").mkdir()
    (tmp_path / MAP_FILE).write_text('{"type":"FeatureCollection","features":[]}' * 100, encoding="utf-8")
    (tmp_path / "js").mkdir()
    (tmp_path / "js" / "map.js").write_text("window.x = 1;" * 200, encoding="utf-8")
    (tmp_path / "js" / ".hidden.js").write_text("secret", encoding="utf-8")
    (tmp_path / "page.html").write_text("<p>", encoding="utf-8")
    (tmp_path.parent / "outside.js").write_text("outside", encoding="utf-8")
    return tmp_path


def _get(app, path: str, headers: dict[str, str] | None = None, method: str = "GET"):
    sent, passed = [], []

    async def downstream(scope, receive, send):
        passed.append(scope["path"])

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": method, "path": path,
             "headers": [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]}
    asyncio.run(StaticFiles(downstream, root=app)(scope, None, send))
    if passed:
        return None
    return sent[0]["status"], {k.decode(): v.decode() for k, v in sent[0]["headers"]}, sent[1]["body"]


def test_a_map_file_is_sent_compressed_and_kept_for_a_year(root):
    status, headers, body = _get(root, f"/app/static/{MAP_FILE}", {"Accept-Encoding": "gzip, br"})
    assert status == 200 and headers["content-encoding"] == "gzip"
    assert gzip.decompress(body) == (root / MAP_FILE).read_bytes()
    assert headers["cache-control"] == FOREVER and headers["content-type"] == "application/geo+json"
    assert int(headers["content-length"]) == len(body)


def test_without_gzip_the_plain_bytes_and_with_its_etag_nothing(root):
    status, headers, body = _get(root, f"/app/static/{MAP_FILE}")
    assert status == 200 and "content-encoding" not in headers and body == (root / MAP_FILE).read_bytes()
    status, _, body = _get(root, f"/app/static/{MAP_FILE}", {"If-None-Match": headers["etag"]})
    assert status == 304 and body == b""


def test_a_script_without_a_content_hash_is_revalidated(root):
    status, headers, _ = _get(root, "/app/static/js/map.js", {"Accept-Encoding": "gzip"})
    assert status == 200 and headers["cache-control"] == REVALIDATE
    assert headers["content-type"].startswith("text/javascript")


def test_head_sends_the_headers_only(root):
    status, headers, body = _get(root, f"/app/static/{MAP_FILE}", method="HEAD")
    assert status == 200 and body == b"" and int(headers["content-length"]) > 0


@pytest.mark.parametrize("path", ["/app/static/../outside.js", "/app/static/js/../../outside.js",
                                  "/app/static/js/.hidden.js", "/app/static/page.html",
                                  "/app/static/js/missing.js", "/_stcore/health", "/app/static/web"])
def test_anything_else_goes_on_to_streamlit(root, path):
    assert _get(root, path) is None


def test_a_changed_file_is_prepared_again(root):
    first = lookup(root, "js/map.js")
    (root / "js" / "map.js").write_text("window.y = 2;" * 300, encoding="utf-8")
    second = lookup(root, "js/map.js")
    assert second.raw != first.raw and second.etag != first.etag
    assert len([k for k in static_files._PREPARED if k[1] == "js/map.js"]) == 1


def test_warm_prepares_the_named_map_files_and_every_script_before_any_request(root):
    other = root / "web" / "counties-en-wgs84-fedcba9876543210.geojson"  # published, not named
    other.write_text("{}", encoding="utf-8")
    assert warm([f"/app/static/{MAP_FILE}", "/app/static/page.html", "/elsewhere/x.js"], root) == 2
    assert {k[1] for k in static_files._PREPARED} == {MAP_FILE, "js/map.js"}


def test_a_small_file_is_not_compressed():
    small = prepare("js/tiny.js", b"x = 1;")
    assert small.gzipped is None
    status, body, headers = response_of(small, "gzip", "")
    assert status == 200 and body == b"x = 1;" and "content-encoding" not in dict(headers)


def test_static_file_refuses_paths_out_of_root(root):
    assert static_file(root, "../outside.js") is None
    assert static_file(root, "js/map.js") == (root / "js" / "map.js").resolve()
