"""streamlit-folium's component registered with the running server.

`st.App` imports the page's modules before any script run, and Streamlit registers a custom
component only when it is declared inside a run: streamlit_folium, imported then, was never
registered and its frame answered 404. Registering it again is harmless."""

from __future__ import annotations

import streamlit_folium
from streamlit.runtime import Runtime


def register_map_component() -> None:
    """Make the server serve st_folium's frontend (idempotent; needs a running server)."""
    if Runtime.exists():
        Runtime.instance().component_registry.register_component(streamlit_folium._component_func)
