"""The basemaps this server offers: the offline one, an office's own from its basemaps file, 天地图 with a
key and the public services; a bad file is one line in the log and on the page, and adds nothing."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path

import streamlit as st

from geo.files import ROOT
from layers.basemap_file import BasemapFile, BasemapFileError, basemaps_path, read_basemaps
from layers.tile_basemaps import TileBasemap, available_basemaps

log = logging.getLogger("dashboard.basemaps")


@st.cache_resource(show_spinner=False, max_entries=8)
def _read(path: str, signature: tuple) -> tuple[BasemapFile, str]:
    """A file's basemaps, or none and its problem; once per version of the file (its signature), so a
    problem is logged once, and an edited file is read again on the next run."""
    try:
        found = read_basemaps(Path(path))
    except BasemapFileError as exc:
        log.error("basemaps file not used: %s", exc)
        return BasemapFile(), str(exc)
    log.info("basemaps file %s: %s", path, ", ".join(b.key for b in found.basemaps))
    return found, ""


def _signature(path: Path) -> tuple:
    try:
        stat = path.stat()
    except OSError:
        return ()
    return stat.st_mtime_ns, stat.st_size


def basemap_choices(environ: Mapping[str, str] | None = None,
                    root: Path = ROOT) -> tuple[dict[str, TileBasemap | None], str]:
    """The basemaps a user may choose (offline first), and the basemaps file's problem ('' when none)."""
    env = os.environ if environ is None else environ
    path = basemaps_path(env, root)
    found, problem = _read(str(path), _signature(path)) if path is not None else (BasemapFile(), "")
    return available_basemaps(dict(env), found.basemaps, found.public), problem
