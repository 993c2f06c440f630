"""Map data the dashboard serves as static files: written once under a content-hashed name, so the
page fetches (and the browser caches) each one instead of receiving it again on every rerun. The
coordinates are compact (layers/compact_coordinates.py): the page's script restores them."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from layers.compact_coordinates import compact
from layers.offline_assets import STATIC_DIR

PUBLISHED_DIR = STATIC_DIR / "web"
"""Generated at run time, not committed (see .gitignore); Streamlit serves it at URL_PREFIX."""
URL_PREFIX = "/app/static/web"
DIGEST_CHARS = 16


@dataclass(frozen=True)
class Publication:
    """A named FeatureCollection serialised (compact coordinates), ready to be written and fetched."""

    name: str
    payload: bytes
    filename: str  # name-<content hash>.geojson, worked out once (publish runs on every rerun)

    def collection(self) -> dict:
        """The collection as served (compact coordinates: to draw it inline when it cannot be served)."""
        return json.loads(self.payload)


def publication(name: str, collection: dict) -> Publication:
    """Serialise a FeatureCollection deterministically under a plain name (letters, digits, '-')."""
    if not name or not all(c.isalnum() or c == "-" for c in name):
        raise ValueError(f"bad publication name: {name!r}")
    payload = json.dumps(compact(collection), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Publication(name, payload, f"{name}-{hashlib.sha256(payload).hexdigest()[:DIGEST_CHARS]}.geojson")


def publish(item: Publication, directory: Path = PUBLISHED_DIR, prefix: str = URL_PREFIX) -> str:
    """Write the file unless it is there, drop older versions of the same name; its URL."""
    target = directory / item.filename
    if not target.is_file():
        directory.mkdir(parents=True, exist_ok=True)
        # Written whole, then renamed: another server process never serves half a file.
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(item.payload)
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        version = re.compile(rf"{re.escape(item.name)}-[0-9a-f]{{{DIGEST_CHARS}}}")
        for old in directory.glob(f"{item.name}-*.geojson"):
            if old.name != item.filename and version.fullmatch(old.stem):
                old.unlink(missing_ok=True)
    return f"{prefix}/{item.filename}"


def is_published(url: str, directory: Path = PUBLISHED_DIR, prefix: str = URL_PREFIX) -> bool:
    """Whether the file a published URL names is there to be served."""
    name = url[len(prefix) + 1:] if url.startswith(prefix + "/") else ""
    return bool(name) and "/" not in name and (directory / name).is_file()
