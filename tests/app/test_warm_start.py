"""Warm start: everything a first page fetches is published before the server listens."""

import gzip
import os
import re
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


@pytest.mark.browser
def test_the_server_publishes_before_it_answers_its_first_request():
    web = published.PUBLISHED_DIR
    for old in web.glob("*.geojson") if web.is_dir() else ():
        old.unlink()
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"),
                             "--server.port", str(port), "--server.headless", "true"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "TIANDITU_KEY": ""})
    try:
        deadline = time.time() + 90
        while True:
            try:  # the first request of all: the health check
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1):
                    break
            except OSError:
                assert time.time() < deadline, "the server did not start"
                time.sleep(0.2)
        assert {HASHED.fullmatch(p.name).group(1) for p in web.glob("*.geojson")} == EXPECTED
        # The map files come from memory, compressed once, and browsers keep them (app/static_files.py).
        name = next(web.glob("counties-zh-wgs84-*.geojson")).name
        request = urllib.request.Request(f"http://127.0.0.1:{port}/app/static/web/{name}",
                                         headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=10) as answer:
            assert answer.headers["Content-Encoding"] == "gzip"
            assert answer.headers["Cache-Control"] == "public, max-age=31536000, immutable"
            assert gzip.decompress(answer.read()) == (web / name).read_bytes()
        component = f"http://127.0.0.1:{port}/component/streamlit_folium.st_folium/index.html"
        with urllib.request.urlopen(component, timeout=10) as page:  # the map's own frame is served
            assert page.status == 200 and b"<html" in page.read().lower()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
