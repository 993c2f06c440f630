"""streamlit-folium's component registered with the running server.

`st.App` imports the page's modules before any script run, and Streamlit registers a custom
component only when it is declared inside a run: streamlit_folium, imported then, was never
registered and its frame answered 404."""

from __future__ import annotations

import streamlit_folium
from streamlit.runtime import Runtime


def register_map_component() -> None:
    """Make the server serve st_folium's frontend, once (needs a running server)."""
    component = streamlit_folium._component_func
    if Runtime.exists():
        registry = Runtime.instance().component_registry
        if registry.get_component_path(component.name) is None:
            registry.register_component(component)
