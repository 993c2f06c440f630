"""Other projects of the plans, one toggle per category."""

from layers.labels import CATEGORY_LABELS
from layers.sublayers import Sublayer

OTHER_CATEGORIES = ("energy", "information", "water", "industry", "opening", "culture")

SUBLAYERS = tuple(
    Sublayer(f"cat_{c}", "group_projects", CATEGORY_LABELS[c][0], CATEGORY_LABELS[c][1], (c,))
    for c in OTHER_CATEGORIES
)
