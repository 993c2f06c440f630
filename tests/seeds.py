"""The plan texts the quote checks read (../shared/seeds): their absence fails a test, never skips it,
unless LXPM_ALLOW_NO_SEEDS=1 says this checkout knowingly has none."""

import functools
import os

import pytest

from geo.files import SEEDS_DIR
from geo.plan_texts import document_text
from geo.schema import DOCUMENTS

SEEDS_PRESENT = all(document_text(d) is not None for d in DOCUMENTS)
ALLOW_NO_SEEDS = os.environ.get("LXPM_ALLOW_NO_SEEDS") == "1"


def needs_seeds(test):
    """Mark a test that reads the plan texts."""
    if SEEDS_PRESENT:
        return test
    if ALLOW_NO_SEEDS:
        return pytest.mark.skip(reason=f"LXPM_ALLOW_NO_SEEDS=1 and no plan texts in {SEEDS_DIR}")(test)

    @functools.wraps(test)
    def missing(*args, **kwargs):
        pytest.fail(f"the plan texts are not in {SEEDS_DIR}: the quote checks cannot run")
    return missing
