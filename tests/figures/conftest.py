"""The figure tests' data: every layer a figure draws, as the loaders return them."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def data(counties, plan_units, context, rivers, lakes, catalogue):
    return {"counties": counties, "plan_units": plan_units, "context": context, "rivers": rivers,
            "lakes": lakes, "catalogue": catalogue}
