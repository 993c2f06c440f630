"""The app's own static files (static/: the map data, our scripts and styles, the vendored Leaflet),
served from memory and gzip-compressed once per file, not once per request.

Streamlit's static route compresses every response again, and a first page load fetches ~1.4 MB of
map data: that recompression was most of the server's CPU per page load. Content-hashed map files
(layers/published.py) are also marked immutable, so a returning browser does not ask again; other
files carry an ETag and are revalidated. Anything not handled here goes on to Streamlit unchanged."""

from __future__ import annotations

import gzip
import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from layers.offline_assets import STATIC_DIR, STREAMLIT_PREFIX, own_prefix
from layers.published import DIGEST_CHARS, PUBLISHED_DIR

log = logging.getLogger("dashboard.static")
URL_PREFIX = own_prefix(STREAMLIT_PREFIX) + "/"
CONTENT_TYPES = {".geojson": "application/geo+json", ".js": "text/javascript; charset=utf-8",
                 ".css": "text/css; charset=utf-8"}
"""The kinds served here; images, fonts and pages go to Streamlit's own route."""
WEB = PUBLISHED_DIR.relative_to(STATIC_DIR).as_posix()
IMMUTABLE = re.compile(rf"{WEB}/[A-Za-z0-9-]+-[0-9a-f]{{{DIGEST_CHARS}}}\.geojson")
"""A published map file: a new content gets a new name (layers/published.py)."""
FOREVER = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
GZIP_LEVEL = 9
MIN_GZIP_BYTES = 1024


@dataclass(frozen=True)
class Prepared:
    """One file's bytes, plain and compressed, with its validator."""

    raw: bytes
    gzipped: bytes | None
    etag: str
    content_type: str
    cache_control: str


def prepare(relative: str, data: bytes) -> Prepared:
    """The response parts of a file under static/ (relative: its path there, '/'-separated)."""
    suffix = Path(relative).suffix
    packed = gzip.compress(data, GZIP_LEVEL, mtime=0) if len(data) >= MIN_GZIP_BYTES else None
    return Prepared(data, packed if packed is not None and len(packed) < len(data) else None,
                    f'"{hashlib.sha256(data).hexdigest()[:32]}"', CONTENT_TYPES[suffix],
                    FOREVER if IMMUTABLE.fullmatch(relative) else REVALIDATE)


def static_file(root: Path, relative: str) -> Path | None:
    """The file a relative URL path names under root, if it is one we serve (no way out of root)."""
    if Path(relative).suffix not in CONTENT_TYPES or any(p.startswith(".") for p in relative.split("/")):
        return None
    base = root.resolve()
    path = (base / relative).resolve()
    return path if path.is_relative_to(base) and path.is_file() else None


_PREPARED: dict[tuple[str, str, int, int], Prepared] = {}  # (root, path, mtime ns, size) -> file


def lookup(root: Path, relative: str) -> Prepared | None:
    """A file of ours under root, prepared on first use (or again once it changed); None if not ours."""
    path = static_file(root, relative)
    if path is None:
        return None
    try:
        stat = path.stat()
        key = (str(root), relative, stat.st_mtime_ns, stat.st_size)
        if key not in _PREPARED:
            for old in [k for k in _PREPARED if k[:2] == key[:2]]:
                del _PREPARED[old]
            _PREPARED[key] = prepare(relative, path.read_bytes())
        return _PREPARED[key]
    except OSError as exc:  # gone meanwhile: Streamlit's route answers
        log.warning("static file %s unreadable: %s", relative, exc)
        return None


def warm(urls: list[str], root: Path = STATIC_DIR) -> int:
    """Prepare, before any request asks (the warm start), the published files these URLs name and
    every script and style of ours (a few hundred KB); how many."""
    named = [url[len(URL_PREFIX):] for url in urls if url.startswith(URL_PREFIX)]
    own = [p.relative_to(root).as_posix() for p in sorted(root.rglob("*"))
           if p.suffix in (".js", ".css") and not p.is_relative_to(root / WEB)]
    return sum(lookup(root, relative) is not None for relative in dict.fromkeys(named + own))


class StaticFiles:
    """ASGI middleware: GET and HEAD of our static files, answered from memory."""

    def __init__(self, app, root: Path = STATIC_DIR) -> None:
        self.app, self.root = app, root

    async def __call__(self, scope, receive, send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        found = (lookup(self.root, path[len(URL_PREFIX):])
                 if path.startswith(URL_PREFIX) and scope.get("method") in ("GET", "HEAD") else None)
        if found is None:
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        status, body, extra = response_of(found, headers.get("accept-encoding", ""),
                                          headers.get("if-none-match", ""))
        await send({"type": "http.response.start", "status": status,
                    "headers": [(k.encode("latin-1"), v.encode("latin-1")) for k, v in extra]})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})


def response_of(file: Prepared, accept_encoding: str, if_none_match: str) -> tuple[int, bytes, list]:
    """Status, body and headers for a request with these Accept-Encoding and If-None-Match."""
    headers = [("etag", file.etag), ("cache-control", file.cache_control), ("vary", "Accept-Encoding")]
    if file.etag in [tag.strip() for tag in if_none_match.split(",")]:
        return 304, b"", headers
    gzipped = file.gzipped is not None and "gzip" in accept_encoding.lower()
    body = file.gzipped if gzipped else file.raw
    headers += [("content-type", file.content_type), ("content-length", str(len(body)))]
    return 200, body, headers + ([("content-encoding", "gzip")] if gzipped else [])
