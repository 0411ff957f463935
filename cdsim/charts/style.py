"""Shared look of every cdsim chart: colours, line styles, font sizes, figure size.

Colours are colour-blind safe: the practices and the DORA bands take theirs from
:mod:`cdsim.presentation.colors` (Okabe-Ito; ColorBrewer RdBu), the time components use Paul
Tol's "muted" palette.
Each practice also has its own marker and line style, so charts still read in grey.
Font sizes are meant for a classroom projector at the default 16 x 9 inch figure size.
"""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from cdsim.presentation.colors import (  # noqa: F401  (the charts use them as style.*)
    BAND_COLORS,
    NO_DATA_COLOR,
    PRACTICE_COLORS,
    practice_color,
    text_color_on,
)

# --- practices (Okabe-Ito colours in cdsim.presentation.colors) ----------------------------
PRACTICE_MARKERS: dict[str, str] = {"integration": "o", "delivery": "s", "deployment": "^"}
PRACTICE_LINESTYLES: dict[str, object] = {
    "integration": "-",
    "delivery": (0, (6, 2)),
    "deployment": (0, (2, 1.2)),
}
PRACTICE_HATCHES: dict[str, str] = {"integration": "", "delivery": "//", "deployment": ".."}

# --- where the time goes (Paul Tol "muted") ------------------------------------------------
COMPONENT_COLORS: dict[str, str] = {
    "build_queue": "#88CCEE",
    "build": "#332288",
    "rework": "#CC6677",
    "staging_queue": "#DDCC77",
    "staging": "#117733",
    "gate": "#AA4499",
    "deploy_queue": "#44AA99",
    "deploy": "#882255",
    "incident": "#999933",
}
WAITING_COMPONENTS: frozenset[str] = frozenset(
    {"build_queue", "staging_queue", "gate", "deploy_queue"}
)
WAITING_HATCH = "//"

# --- neutral tones for the redrawn source figure --------------------------------------------
INK = "#2B2B2B"
MUTED_INK = "#555555"
LINE_GREY = "#4A4A4A"
BAR_GREY = "#E4E7EB"
STATION_DOT = "#29A3D6"
PRODUCTION_DOT = "#1A9E5C"
ACCENT = "#6A5ACD"  # the "automated" labels and gear of the source figure

# --- sizes -----------------------------------------------------------------------------------
FIGSIZE: tuple[float, float] = (16.0, 9.0)
"""Default figure size in inches (16:9, like a projector)."""
DPI = 120
"""Resolution used when saving PNG files (16 x 9 in -> 1920 x 1080 px)."""

TITLE_SIZE = 24
PANEL_TITLE_SIZE = 19
LABEL_SIZE = 17
TICK_SIZE = 15
LEGEND_SIZE = 14
ANNOTATION_SIZE = 15
SMALL_SIZE = 13


def new_figure(nrows: int = 1, ncols: int = 1, figsize=FIGSIZE, **kwargs):
    """Create a constrained-layout ``Figure`` and its axes without pyplot state.

    Returns
    -------
    (Figure, Axes or ndarray of Axes)
    """
    fig = Figure(figsize=figsize, layout="constrained")
    fig.get_layout_engine().set(h_pad=0.12, w_pad=0.12, hspace=0.06, wspace=0.06)
    axes = fig.subplots(nrows, ncols, **kwargs)
    return fig, axes


def style_axes(ax: Axes, grid_axis: str | None = "y") -> Axes:
    """Apply projector-friendly tick sizes, a light grid and open spines to ``ax``."""
    ax.tick_params(labelsize=TICK_SIZE, length=5)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if grid_axis:
        ax.grid(True, axis=grid_axis, color="#DDDDDD", linewidth=0.8)
        ax.set_axisbelow(True)
    return ax


def set_title(ax: Axes, text: str, size: int = PANEL_TITLE_SIZE) -> None:
    """Bold, left-aligned panel title."""
    ax.set_title(text, fontsize=size, fontweight="bold", loc="left", pad=12)


def set_labels(ax: Axes, xlabel: str | None = None, ylabel: str | None = None) -> None:
    """Axis labels at the projector label size."""
    if xlabel is not None:
        ax.set_xlabel(xlabel, fontsize=LABEL_SIZE)
    if ylabel is not None:
        ax.set_ylabel(ylabel, fontsize=LABEL_SIZE)


def suptitle(fig: Figure, text: str) -> None:
    """Figure-level title at the projector title size."""
    fig.suptitle(text, fontsize=TITLE_SIZE, fontweight="bold")
