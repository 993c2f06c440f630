"""What follows the map: drawn once the page has painted its map, so the first screen waits for
nothing below the fold. The data grid's, the charts' and the uploader's code is then asked for after
the map has painted (Streamlit's frontend loads an element's code when the element first renders, and
shows the elements of a run together once all of it has arrived)."""

from __future__ import annotations

import streamlit as st

PAINTED = "map_painted"


def mark_painted() -> None:
    """The page has drawn its map (the map component said so): the next runs draw everything."""
    st.session_state[PAINTED] = True


def below_fold_ready() -> bool:
    """Whether this session's page has painted its map (what follows it may now be drawn)."""
    return bool(st.session_state.get(PAINTED))
