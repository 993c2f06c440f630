"""The curated records by id, for tests that check a resolved record against its definition."""

from geo.catalogue_sources import read_items


def items_by_id() -> dict[str, dict]:
    """Every curated record, keyed by id."""
    return {item["id"]: item for item in read_items()}
