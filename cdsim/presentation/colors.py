"""The colours that carry meaning wherever a result is shown (charts, the explorer's
scorecard, pages): one per practice and one per DORA band.

Colour-blind safe: the practices use the Okabe-Ito palette, the DORA bands a blue-to-red
diverging scale (ColorBrewer RdBu). The rest of the charts' look is in
:mod:`cdsim.charts.style`.
"""

from __future__ import annotations

PRACTICE_COLORS: dict[str, str] = {
    "integration": "#E69F00",  # orange
    "delivery": "#0072B2",  # blue
    "deployment": "#009E73",  # bluish green
}
BAND_COLORS: dict[str, str] = {
    "elite": "#2166AC",
    "high": "#92C5DE",
    "medium": "#F4A582",
    "low": "#B2182B",
}
NO_DATA_COLOR = "#D9D9D9"
UNKNOWN_PRACTICE_COLOR = "#777777"


def practice_color(practice: str) -> str:
    """The colour of a practice; grey for an unknown one."""
    return PRACTICE_COLORS.get(practice, UNKNOWN_PRACTICE_COLOR)


def band_color(band: str) -> str:
    """The colour of a DORA band; light grey for no band."""
    return BAND_COLORS.get(band, NO_DATA_COLOR)


def text_color_on(background: str) -> str:
    """Black or white, whichever reads better on the ``#RRGGBB`` ``background`` (WCAG
    relative luminance)."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    hex_ = background.lstrip("#")
    r, g, b = (channel(int(hex_[i : i + 2], 16) / 255) for i in (0, 2, 4))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "white" if luminance < 0.3 else "black"


__all__ = [
    "BAND_COLORS",
    "NO_DATA_COLOR",
    "PRACTICE_COLORS",
    "band_color",
    "practice_color",
    "text_color_on",
]
