"""The map mounted in the page by a component of our own (Streamlit Components v2: no iframe).

static/components/lxpm_map/lxpm_map.js draws the parts of a rendered folium map (layers/map_parts.py):
it loads the files in parallel, builds the base once per page and replaces only the layers that
change on a rerun. The base's script is sent once a session; the page asks for it again (need_base)
when it has not got it. The component reports a click on a feature and, when asked, its first paint."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from layers.map_parts import MapParts
from layers.offline_assets import own_text

COMPONENT_JS = "components/lxpm_map/lxpm_map.js"
MAP_FILES_JS = "components/lxpm_map/map_files.js"
"""Under static/: the map's file loader. The page's head may have started it (app/first_screen.py); it is
sent with the component too, so the map loads its files whatever page it is on."""
MAIN_MAP_GLOBAL = "lxpmMap"
"""The page's global that holds the main map (tests, the export's view, the benchmark read it)."""
COMPARE_MAP_GLOBALS = ("lxpmCompareLeft", "lxpmCompareRight")

_mount = st.components.v2.component("lxpm_map", js=own_text(MAP_FILES_JS) + "\n" + own_text(COMPONENT_JS),
                                    isolate_styles=False)


def _base_sent_key(key: str) -> str:
    return f"{key}__base_sent"


def forget_base(key: str) -> None:
    """The page says it has not got this map's base: the next run sends it."""
    st.session_state.pop(_base_sent_key(key), None)


def clicked_id(value: object) -> str | None:
    """The id of the feature a click reported, from the component's value in session state (its
    `click` event: {id, n}); None for anything else."""
    click = value.get("click") if isinstance(value, dict) else getattr(value, "click", None)
    identifier = click.get("id") if isinstance(click, dict) else None
    return identifier if isinstance(identifier, str) else None


def show_map(parts: MapParts, key: str, expose_as: tuple[str, ...], on_click: Callable[[], None] | None = None,
             on_painted: Callable[[], None] | None = None) -> None:
    """Mount (or update) the map: on_click runs when a feature is clicked, on_painted once the map
    has drawn its data (asked only while on_painted is given)."""
    sent = _base_sent_key(key)
    with_base = st.session_state.get(sent) != parts.base_key
    data = {**parts.spec(with_base), "expose_as": list(expose_as), "report_paint": on_painted is not None}
    callbacks = {"on_need_base_change": lambda: forget_base(key)}
    if on_click is not None:
        callbacks["on_click_change"] = on_click
    if on_painted is not None:
        callbacks["on_painted_change"] = on_painted
    _mount(key=key, data=data, **callbacks)
    st.session_state[sent] = parts.base_key
