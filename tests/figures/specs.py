"""Figure specs the figure tests share: every preset at a small size."""

from figures.spec import FigureSpec
from geo.registry import EXPORTED_PRESETS as PRESETS

SMALL = {"width": 800, "height": 450, "scale": 1.0}
PRESET_SPECS = [FigureSpec(v, city="兰州市" if v == "city" else "", **SMALL) for v in PRESETS]
