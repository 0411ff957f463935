"""The explorer's chart tabs: which charts, and drawing one as a PNG image."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import matplotlib

from cdsim.experiments import Comparison

DISPLAY_DPI = 80
"""Resolution of the chart images: the 16 x 9 inch figures become 1280 x 720 pixels.

The page scales the image to its column (about 900 px wide on a 1366 px laptop, 1340 px
on a 1920 px projector), so it is drawn a little larger than a laptop shows it and about
as large as a projector does. How large its labels look depends on the column's width,
not on this resolution: the charts' fonts are sized for a 16 x 9 inch figure.
"""
PNG_OPTIONS = {"compress_level": 1}
"""Fast zlib: the image goes to a browser on this machine or the classroom network; a
tenth larger, half the encoding time."""
DISPLAY_RC = {"text.hinting": "no_hinting"}
"""Text drawn without font hinting: a fifth less time to render a chart, and no visible
difference once the browser scales the image (the gallery's files keep matplotlib's
defaults)."""


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
    with matplotlib.rc_context(DISPLAY_RC):
        figure.savefig(buffer, format="png", dpi=dpi, pil_kwargs=PNG_OPTIONS)
    return buffer.getvalue()
