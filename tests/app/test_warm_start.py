"""Warm start: everything a first page fetches is published before the server listens."""

import gzip
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from functools import partial

import pytest

from app import warm_start
from geo.files import ROOT
from layers import published
from tests.browser.conftest import _free_port

EXPECTED = {"context-filled-wgs84", "context-lines-wgs84", "water-wgs84", "units-wgs84", "counties-zh-wgs84",
            "counties-en-wgs84", "catalogue-zh-category-wgs84", "catalogue-zh-compare-wgs84",
            "catalogue-en-category-wgs84", "catalogue-en-compare-wgs84"}
HASHED = re.compile(r"(.+)-[0-9a-f]{16}\.geojson")


def test_prepare_publishes_every_file_of_both_languages(tmp_path, monkeypatch):
    monkeypatch.setattr(published, "publish", partial(published.publish, directory=tmp_path, prefix="/w"))
    urls = warm_start.prepare()
    names = {HASHED.fullmatch(p.name).group(1) for p in tmp_path.iterdir()}
    assert names == EXPECTED
    assert sorted(urls) == sorted(f"/w/{p.name}" for p in tmp_path.iterdir())


def test_the_warm_start_runs_once_per_process(monkeypatch):
    calls = []
    monkeypatch.setattr(warm_start, "_WARMED", [])
    monkeypatch.setattr(warm_start, "prepare", lambda: calls.append("prepare") or ["/a", "/b"])
    monkeypatch.setattr(warm_start, "prepare_first_pages", lambda: calls.append("pages"))
    monkeypatch.setattr(warm_start, "warm", lambda urls: calls.append(tuple(urls)) or 7)
    assert warm_start.warm_everything() == (2, 7)
    assert warm_start.warm_everything() == (2, 7)  # app.serve warmed: the server's lifespan finds it done
    assert calls == ["prepare", "pages", ("/a", "/b")]


def _start(command: list[str], port: int, log) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, *command, "--server.port", str(port), "--server.headless", "true",
                             "--server.address", "127.0.0.1"],
                            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "TIANDITU_KEY": ""})


def _accepted(port: int, proc: subprocess.Popen, timeout_s: float = 90) -> None:
    """Return the moment the port accepts a connection."""
    deadline = time.time() + timeout_s
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            assert proc.poll() is None and time.time() < deadline, "the server did not start"
            time.sleep(0.02)


def _page(port: int) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=90) as answer:
        return answer.read().decode("utf-8")


def _clear_published() -> None:
    web = published.PUBLISHED_DIR
    for old in web.glob("*.geojson") if web.is_dir() else ():
        old.unlink()


@pytest.mark.browser
def test_a_page_asked_for_during_the_warm_start_waits_for_it(tmp_path):
    """streamlit run: the port may open first, but no page is served before the warm start is done."""
    _clear_published()
    port = _free_port()
    with open(tmp_path / "server.log", "w") as log:
        proc = _start(["-m", "streamlit", "run", str(ROOT / "dashboard.py")], port, log)
        try:
            _accepted(port, proc)
            page = _page(port)  # asked the moment the port accepts
            # The page starts the first page's map files: known only once that map is built.
            assert re.search(r'"/app/static/web/counties-zh-wgs84-[0-9a-f]{16}\.geojson"', page), page[-2000:]
            web = published.PUBLISHED_DIR
            assert {HASHED.fullmatch(p.name).group(1) for p in web.glob("*.geojson")} == EXPECTED
            # The map files come from memory, compressed once, and browsers keep them (app/static_files.py).
            name = next(web.glob("counties-zh-wgs84-*.geojson")).name
            request = urllib.request.Request(f"http://127.0.0.1:{port}/app/static/web/{name}",
                                             headers={"Accept-Encoding": "gzip"})
            with urllib.request.urlopen(request, timeout=10) as answer:
                assert answer.headers["Content-Encoding"] == "gzip"
                assert answer.headers["Cache-Control"] == "public, max-age=31536000, immutable"
                assert gzip.decompress(answer.read()) == (web / name).read_bytes()
        finally:
            proc.terminate()
            proc.wait(timeout=20)


@pytest.mark.browser
def test_served_the_port_opens_ready_and_the_log_says_so_in_one_line(tmp_path):
    """python -m app.serve (scripts/serve): warm first, then the port; a clean log with one ready line."""
    _clear_published()
    port = _free_port()
    with open(tmp_path / "server.log", "w") as log:
        proc = _start(["-m", "app.serve"], port, log)
        try:
            _accepted(port, proc)
            assert {HASHED.fullmatch(p.name).group(1) for p in published.PUBLISHED_DIR.glob("*.geojson")} == EXPECTED
            started = time.perf_counter()
            assert "lxpmMapFiles.early(" in _page(port)
            assert time.perf_counter() - started < 5, "the first page waited: the port opened before it was ready"
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    lines = [line for line in (tmp_path / "server.log").read_text().splitlines() if line.strip()]
    assert lines == [f"兰西城市群规划地图 · Lanzhou–Xining Plan Map ready: http://127.0.0.1:{port}"], lines
