"""A clean start: Streamlit's notices that mean nothing for a page imported before its runtime exists.

`st.App` imports the page (and so this package) before the runtime starts. Streamlit checks each
@st.cache_data's parameters when the decorated function is defined, and with no runtime yet it warns
"No runtime found, using MemoryCacheStorageManager": at run time the runtime's own storage is used. A
newcomer reads the notice as a fault. It is dropped while no runtime exists; every other message,
and this one once the runtime runs, still prints."""

from __future__ import annotations

import logging

CACHE_LOGGER = "streamlit.runtime.caching.cache_data_api"
NOTICE = "No runtime found, using MemoryCacheStorageManager"


class BeforeRuntimeNotice(logging.Filter):
    """Drops the no-runtime cache notice while no runtime exists."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.getMessage() != NOTICE:
            return True
        from streamlit import runtime  # imported late: this module loads before Streamlit does

        return runtime.exists()


def install() -> None:
    """Add the filter to Streamlit's cache logger (once)."""
    logger = logging.getLogger(CACHE_LOGGER)
    if not any(isinstance(f, BeforeRuntimeNotice) for f in logger.filters):
        logger.addFilter(BeforeRuntimeNotice())
