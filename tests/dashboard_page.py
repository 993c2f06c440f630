"""The dashboard in Streamlit's AppTest, as a browser's session sees it."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from app.below_fold import PAINTED
from geo.files import ROOT

APP = str(ROOT / "dashboard.py")


def dashboard_app(timeout: float = 60, painted: bool = True) -> AppTest:
    """The dashboard page; painted: as after its map has painted in the browser (AppTest runs no
    browser code: the map component's report is set here), else the session's first run."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    if painted:
        at.session_state[PAINTED] = True
    return at
