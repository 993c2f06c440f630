"""Rendering a Folium map compiles each element's rendered script as a new Jinja template, and names
elements by random ids, so every rerun of the dashboard compiled about a hundred templates from text that
differed only by those ids. Ids counted from zero within one map build, and compiled templates kept by
their source, make a rerun of an unchanged map compile nothing."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import branca.element
from jinja2 import Template

TEMPLATE_CACHE_SIZE = 4096
_builds = threading.local()  # Streamlit runs each session's script in a thread of its own
_random_id = branca.element.Element._generate_id


def _generate_id(cls) -> str:
    if getattr(_builds, "count", None) is None:
        return _random_id()
    _builds.count += 1
    return f"{_builds.count:032x}"


@functools.lru_cache(maxsize=TEMPLATE_CACHE_SIZE)
def _template(source: str) -> Template:
    return Template(source)


def install() -> None:
    """Make branca name elements by the build's count (inside stable_ids) and reuse compiled templates."""
    branca.element.Element._generate_id = classmethod(_generate_id)
    branca.element.Template = _template


@contextmanager
def stable_ids() -> Iterator[None]:
    """Within this block (one map build and render in this thread) element ids are counted from zero."""
    if branca.element.Template is not _template:
        install()
    _builds.count = 0
    try:
        yield
    finally:
        _builds.count = None
