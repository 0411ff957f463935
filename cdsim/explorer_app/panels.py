"""The explorer's chart tabs: which charts, and drawing one as a PNG image."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from cdsim.experiments import Comparison

DISPLAY_DPI = 60
"""Resolution of the chart images: the 16 x 9 inch figures become 960 x 540 pixels."""


CHARTS: tuple[str, ...] = (
    "comparison",
    "scorecard",
    "lead_time",
    "failure",
    "frequency",
    "time_breakdown",
    "flow",
)
"""The chart tabs (names of ``cdsim.charts.CHARTS``) in screen order; the first is on
screen when the explorer opens."""


def chart_function(name: str) -> Callable[[Comparison, str], Any] | None:
    """The function ``(result, lang) -> Figure`` of chart ``name`` in cdsim.charts, or None."""
    try:
        from cdsim.charts import CHARTS as GALLERY
    except ImportError:
        return None
    return GALLERY.get(name)


def draw_chart(name: str, result: Comparison, lang: str):
    """Draw chart ``name`` of ``result`` in ``lang``; returns a matplotlib Figure."""
    function = chart_function(name)
    if function is None:
        raise LookupError(f"cdsim.charts has no chart called {name!r}")
    out = function(result, lang)
    return out if hasattr(out, "savefig") else out.figure


def figure_png(figure, dpi: int = DISPLAY_DPI) -> bytes:
    """The PNG bytes of a matplotlib Figure (no pyplot, no GUI)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
