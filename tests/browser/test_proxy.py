"""The dashboard through nginx (deploy/nginx.conf.template) in front of two replicas
(scripts/serve_replicas), each run from its own copy of the app, as on two machines."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest

from geo.files import ROOT
from tests.browser.conftest import map_frame, wait_until

pytestmark = pytest.mark.browser

START_TIMEOUT_S = 120
WEB_FILE = re.compile(r"/app/static/web/[A-Za-z0-9-]+-[0-9a-f]{16}\.geojson$")
LOG_LINE = re.compile(r'"GET (?P<path>\S+) [^"]*" (?P<status>\d+) \d+ upstream=\[(?P<upstreams>[^\]]*)\] '
                      r'upstream_status=\[(?P<statuses>[^\]]*)\]')
NOT_COPIED = shutil.ignore_patterns(".venv", ".git", "artifacts", "__pycache__", ".pytest_cache", "web")


@dataclass
class Proxy:
    url: str
    run_dir: Path
    apps: list[Path]  # replica i runs from apps[i - 1] and listens on replica_ports[i - 1]
    replica_ports: list[int]

    def log(self) -> list[dict]:
        """The proxy's access log, one dict per request (path, status, upstreams, statuses)."""
        text = (self.run_dir / "access.log").read_text()
        return [{"path": m["path"], "status": m["status"], "upstreams": m["upstreams"].split(", "),
                 "statuses": m["statuses"].split(", ")} for m in LOG_LINE.finditer(text)]

    def written(self, app: Path) -> list[str]:
        return sorted(p.name for p in (app / "static" / "web").glob("*.geojson"))


def _free_ports(count: int) -> int:
    """A port p with p, p+1, …, p+count-1 free on loopback."""
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            first = s.getsockname()[1]
        if first + count > 65535:
            continue
        try:
            for port in range(first, first + count):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", port))
            return first
        except OSError:
            continue
    raise RuntimeError("no free loopback ports")


def _up(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as r:
            return r.status == 200
    except OSError:
        return False


@pytest.fixture
def proxy(tmp_path):
    """scripts/serve_replicas with two replicas, each from its own fresh copy (no static/web yet)."""
    apps = [tmp_path / "app-1", tmp_path / "app-2"]
    for app in apps:
        shutil.copytree(ROOT, app, ignore=NOT_COPIED)
    port = _free_ports(3)
    run_dir = tmp_path / "run"
    proc = subprocess.Popen(["bash", str(ROOT / "scripts" / "serve_replicas"), "--port", str(port)],
                            env={**os.environ, "TIANDITU_KEY": "", "LXPM_RUN_DIR": str(run_dir),
                                 "LXPM_REPLICA_ROOTS": " ".join(map(str, apps))},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + START_TIMEOUT_S
    while not (_up(url + "/_stcore/health") and (run_dir / "nginx.pid").exists()):
        if proc.poll() is not None or time.time() > deadline:
            proc.kill()
            pytest.fail(f"serve_replicas did not start:\n{proc.stdout.read()}")
        time.sleep(0.3)
    yield Proxy(url, run_dir, apps, [port + 1, port + 2])
    proc.send_signal(signal.SIGTERM)  # its trap stops the replicas and nginx
    proc.wait(timeout=30)
    for replica_port in (port, port + 1, port + 2):
        assert not _up(f"http://127.0.0.1:{replica_port}/_stcore/health"), "a process outlived the script"


def _paths(frame) -> int:
    return frame.evaluate("() => document.querySelectorAll('path').length")


def test_reload_takes_the_map_files_from_the_browser_cache(proxy, page_and_watch):
    page, watch = page_and_watch
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    sent, from_cache = {}, set()
    cdp.on("Network.requestWillBeSent", lambda e: sent.__setitem__(e["requestId"], e["request"]["url"]))
    cdp.on("Network.requestServedFromCache", lambda e: from_cache.add(e["requestId"]))
    cdp.on("Network.responseReceived", lambda e: from_cache.add(e["requestId"])
           if e["response"].get("fromDiskCache") else None)
    responses = []
    page.on("response", lambda r: responses.append(r) if WEB_FILE.search(r.url) else None)

    page.goto(proxy.url)
    frame = map_frame(page)
    assert responses, "the map fetched no data file"
    for r in responses:
        assert r.status == 200, r.url
        assert r.headers["cache-control"] == "public, max-age=31536000, immutable", r.url
        assert r.headers.get("content-encoding") == "gzip", r.url
    fetched = {r.url for r in responses}

    before = _paths(frame)
    page.get_by_text("2022 实施方案", exact=True).first.click()
    wait_until(lambda: _paths(frame) != before, 60, "the map to redraw after the filter change")
    wait_until(lambda: "doc=" in page.evaluate("location.href"), 60, "the filter in the address")

    proxied_before = [e for e in proxy.log() if WEB_FILE.search(e["path"])]
    sent.clear()
    from_cache.clear()
    page.reload()
    frame = map_frame(page)
    time.sleep(1.0)  # let any late request show
    again = {rid: url for rid, url in sent.items() if WEB_FILE.search(url)}
    assert set(again.values()) == fetched, "the reloaded page did not use the same map files"
    assert set(again) <= from_cache, "a map file was fetched again instead of taken from the cache"
    assert [e for e in proxy.log() if WEB_FILE.search(e["path"])] == proxied_before, \
        "the proxy saw a request for a map file on the reload"
    assert "doc=" in page.evaluate("location.href")
    assert watch.outside == []
    assert watch.errors == []


def test_a_replica_that_served_no_session_serves_every_map_file(proxy, page_and_watch):
    page, watch = page_and_watch
    # Warm start: each replica wrote every map file before it listened.
    before = [proxy.written(app) for app in proxy.apps]
    assert before[0] and before[0] == before[1], before
    # A replica that has none yet (one started from a new release, say): take them away from both;
    # the replica that gets the session writes them again on its run, the other has none.
    for app in proxy.apps:
        for old in (app / "static" / "web").glob("*.geojson"):
            old.unlink()
    statuses = {}
    page.on("response", lambda r: statuses.__setitem__(r.url, r.status) if WEB_FILE.search(r.url) else None)
    page.goto(proxy.url)
    frame = map_frame(page)
    wait_until(lambda: _paths(frame) > 39, 60, "the map")

    # The replica with the session wrote the files again (each replica has its own static/web); the
    # other has served no session since and has none.
    wrote = {f"127.0.0.1:{p}": proxy.written(app) for p, app in zip(proxy.replica_ports, proxy.apps)}
    assert sorted(len(names) > 0 for names in wrote.values()) == [False, True], wrote
    session, other = sorted(wrote, key=lambda addr: not wrote[addr])

    assert statuses and set(statuses.values()) == {200}, statuses
    files = [e for e in proxy.log() if WEB_FILE.search(e["path"])]
    assert {e["path"] for e in files} == {urlparse(u).path for u in statuses}
    assert all(e["status"] == "200" for e in files)
    asked_other_first = [e for e in files if e["upstreams"][0] == other]
    assert asked_other_first, f"no map file request reached {other}: {files}"
    for e in asked_other_first:
        assert e["statuses"] == ["404", "200"] and e["upstreams"] == [other, session], e
    assert watch.outside == []
    assert watch.errors == []
