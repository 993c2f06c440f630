"""Shared fixtures: the committed data layers, loaded once per session."""

from __future__ import annotations

import pytest

from geo.context import load_context
from geo.counties import load_counties
from geo.lakes import load_lakes
from geo.plan_units import load_plan_units
from geo.rivers import load_rivers


@pytest.fixture(scope="session")
def counties():
    return load_counties()


@pytest.fixture(scope="session")
def plan_units():
    return load_plan_units()


@pytest.fixture(scope="session")
def context():
    return load_context()


@pytest.fixture(scope="session")
def rivers():
    return load_rivers()


@pytest.fixture(scope="session")
def lakes():
    return load_lakes()


@pytest.fixture(scope="session")
def places():
    from geo.gazetteer import load_places
    return load_places()


@pytest.fixture(scope="session")
def catalogue():
    from geo.catalogue import load_catalogue
    return load_catalogue()


@pytest.fixture(scope="session")
def county_polygons(counties, context):
    from geo.gazetteer import county_polygons as build
    return build(counties, context)
