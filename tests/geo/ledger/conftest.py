"""The committed catalogue and its ledger, loaded once for the ledger's tests."""

from __future__ import annotations

import pytest

from geo.catalogue import load_catalogue
from geo.ledger import ledger_of


@pytest.fixture(scope="session")
def catalogue():
    return load_catalogue()


@pytest.fixture(scope="session")
def ledger(catalogue):
    return ledger_of(catalogue)
