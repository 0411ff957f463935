"""The icons of the redrawn source figure, drawn with matplotlib patches: a gear (an
automatic step), a person (a manual approval) and the gate badges made of them."""

from __future__ import annotations

import math

from matplotlib.axes import Axes
from matplotlib.patches import Circle, FancyBboxPatch, Polygon, Wedge

from . import style


def draw_gear(ax: Axes, cx: float, cy: float, r: float, color: str, teeth: int = 8, **kw):
    """Draw a gear of outer radius ``r`` centred at (cx, cy); returns the tooth polygon."""
    pts = []
    n = teeth * 4
    for k in range(n):
        ang = 2 * math.pi * (k - 0.5) / n
        rad = r if (k % 4) in (1, 2) else r * 0.74
        pts.append((cx + rad * math.cos(ang), cy + rad * math.sin(ang)))
    body = Polygon(pts, closed=True, facecolor=color, edgecolor=color, lw=0.5, **kw)
    ax.add_patch(body)
    ax.add_patch(
        Circle((cx, cy), r * 0.32, facecolor="white", edgecolor="none", zorder=body.zorder + 0.1)
    )
    return body


def draw_person(ax: Axes, cx: float, cy: float, r: float, color: str, **kw):
    """Draw a simple person (head and shoulders) fitting a circle of radius ``r``."""
    z = kw.pop("zorder", 5)
    head = Circle((cx, cy + 0.38 * r), 0.3 * r, facecolor=color, edgecolor="none", zorder=z, **kw)
    body = Wedge(
        (cx, cy - 0.62 * r), 0.62 * r, 0, 180, facecolor=color, edgecolor="none", zorder=z, **kw
    )
    ax.add_patch(head)
    ax.add_patch(body)
    return head


def gate_icon(ax: Axes, practice: str, cx: float, cy: float) -> None:
    """The gate's icon: a person approving (delivery) or a gear (deployment)."""
    r = 0.3
    if practice == "delivery":  # speech-bubble square with a person and a check mark
        box = FancyBboxPatch(
            (cx - r * 1.25, cy - r),
            2.5 * r,
            2 * r,
            boxstyle="round,pad=0.02,rounding_size=0.08",
            facecolor="white",
            edgecolor=style.MUTED_INK,
            lw=2,
            zorder=6,
        )
        box.set_gid("gate-icon:delivery")
        ax.add_patch(box)
        draw_person(ax, cx - r * 0.5, cy - 0.05, r * 0.75, style.MUTED_INK, zorder=7)
        ax.plot(
            [cx + 0.08, cx + 0.2, cx + 0.42],
            [cy + 0.0, cy - 0.13, cy + 0.16],
            color=style.PRODUCTION_DOT,
            lw=3.5,
            solid_capstyle="round",
            zorder=7,
        )
    else:  # round bubble with a gear
        bubble = Circle(
            (cx, cy), r * 1.05, facecolor="white", edgecolor=style.MUTED_INK, lw=2, zorder=6
        )
        bubble.set_gid("gate-icon:deployment")
        ax.add_patch(bubble)
        draw_gear(ax, cx, cy, r * 0.78, style.ACCENT, zorder=7)


__all__ = ["draw_gear", "draw_person", "gate_icon"]
