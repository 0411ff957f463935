"""The source figure (CI vs Continuous Delivery vs Continuous Deployment), redrawn with data.

Four stations on one line joined by AUTOMATED arrows; above them one bar per practice
(integration ends after Build; delivery has an APPROVE DEPLOY gate drawn as a person,
deployment an AUTOMATIC DEPLOY gate drawn as a gear) and, on each bar, that practice's
simulated DORA four keys. Everything is drawn with matplotlib patches: no image is used.

The drawing uses data coordinates in inches of the default 16 x 9 figure, with an equal
aspect ratio, so icons stay round when the figure is resized.
"""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import (
    Circle,
    FancyArrow,
    FancyArrowPatch,
    FancyBboxPatch,
    Polygon,
    Rectangle,
)

from cdsim.i18n import normalize_lang, practice_name, t
from cdsim.metrics.bands import DEFAULT_SOURCE
from cdsim.metrics.definitions import FOUR_KEYS
from cdsim.practices.names import PRACTICES
from cdsim.presentation.cells import summary_cell

from . import style
from ._common import replications, target_axes, unless_empty
from .icons import draw_gear, gate_icon

WIDTH, HEIGHT = 16.0, 9.0
STATIONS = ("source_control", "build", "staging", "production")
STATION_X = {"source_control": 0.75, "build": 5.25, "staging": 9.65, "production": 14.4}
STATION_Y = 2.75
STATION_R = 0.27
BAR_X0 = 1.1
BAR_END = {"integration": 5.8, "delivery": 15.35, "deployment": 15.35}
BAR_Y = {"integration": 7.3, "delivery": 5.85, "deployment": 4.4}
BAR_H = 1.0
HEAD = 0.4
CHIP_X0, CHIP_W = 5.95, 1.8  # four metric chips from x = 5.95 to 13.15
GATE_X = 13.75
GATES = {"delivery": "gate.approve", "deployment": "gate.automatic"}
DETAIL_WRAP = {"source_control": 34, "build": 34, "staging": 38, "production": 17}


def _commit_icon(ax: Axes, lang: str) -> None:
    x0, y0, w, h, fold = 0.38, 7.55, 0.74, 0.85, 0.2
    doc = Polygon(
        [(x0, y0), (x0 + w, y0), (x0 + w, y0 + h - fold), (x0 + w - fold, y0 + h), (x0, y0 + h)],
        closed=True,
        facecolor="white",
        edgecolor=style.LINE_GREY,
        lw=2,
        zorder=4,
    )
    doc.set_gid("commit-icon")
    ax.add_patch(doc)
    ax.text(
        x0 + w / 2,
        y0 + h * 0.42,
        t("flow.commit", lang),
        ha="center",
        va="center",
        fontsize=style.SMALL_SIZE - 3,  # fits the icon at the explorer's 80 dpi too
        color=style.MUTED_INK,
        fontweight="bold",
        zorder=5,
    )
    # the commit travels down to Source Control
    ax.add_patch(
        FancyArrowPatch(
            (STATION_X["source_control"], y0),
            (STATION_X["source_control"], STATION_Y + STATION_R + 0.05),
            arrowstyle="-|>,head_width=0.35,head_length=0.5",
            mutation_scale=20,
            lw=3,
            color=style.LINE_GREY,
            zorder=3,
        )
    )


# ------------------------------------------------------------------------------ parts


def _bar(ax: Axes, practice: str, lang: str, greyed: bool = False) -> None:
    y, h, x1 = BAR_Y[practice], BAR_H, BAR_END[practice]
    pts = [
        (BAR_X0, y - h / 2),
        (x1 - HEAD, y - h / 2),
        (x1, y),
        (x1 - HEAD, y + h / 2),
        (BAR_X0, y + h / 2),
    ]
    bar = Polygon(pts, closed=True, facecolor=style.BAR_GREY, edgecolor="none", zorder=1)
    bar.set_gid(f"bar:{practice}")
    ax.add_patch(bar)
    stripe = Rectangle(
        (BAR_X0, y - h / 2),
        0.16,
        h,
        facecolor=style.NO_DATA_COLOR if greyed else style.practice_color(practice),
        edgecolor="none",
        zorder=2,
    )
    stripe.set_gid(f"stripe:{practice}")
    ax.add_patch(stripe)
    title = practice_name(practice, lang).upper()
    # two lines when the name is long, so it stays within the title area (x < 5.4)
    if len(title) > 18:
        title = "\n".join(title.split(" ", 1))
    ax.text(
        BAR_X0 + 0.4,
        y,
        title,
        ha="left",
        va="center",
        fontsize=style.ANNOTATION_SIZE + 1,
        fontweight="bold",
        color=style.MUTED_INK if greyed else style.INK,
        zorder=3,
        gid=f"bar-title:{practice}",
        linespacing=1.15,
    )
    if practice == "integration":  # the rest of the way is a manual release: a dashed ghost
        ghost = FancyBboxPatch(
            (x1 + 0.15, y - h / 2),
            CHIP_X0 + 4 * CHIP_W - x1 - 0.1,
            h,
            boxstyle="round,pad=0,rounding_size=0.1",
            facecolor="none",
            edgecolor="#9A9A9A",
            lw=1.5,
            ls=(0, (4, 3)),
            zorder=1,
        )
        ghost.set_gid("manual-release")
        ax.add_patch(ghost)


def _not_run(ax: Axes, practice: str, lang: str) -> None:
    """A practice the result does not hold: its bar says so, greyed, with no numbers."""
    y = BAR_Y[practice]
    ax.text(
        CHIP_X0 + 2 * CHIP_W,
        y,
        t("chart.comparison.not_run", lang),
        ha="center",
        va="center",
        fontsize=style.ANNOTATION_SIZE,
        fontstyle="italic",
        color=style.MUTED_INK,
        zorder=3,
        gid=f"not-run:{practice}",
    )


def _chips(ax: Axes, summary: pd.DataFrame, practice: str, lang: str, with_ci: bool) -> None:
    y = BAR_Y[practice]
    for k, metric in enumerate(FOUR_KEYS):
        cx = CHIP_X0 + (k + 0.5) * CHIP_W
        cell = summary_cell(summary, practice, metric)
        value, ci = cell.value_text(lang), cell.ci_text(lang)
        label_y, value_y = (y + 0.3, y - 0.02) if with_ci else (y + 0.2, y - 0.13)
        ax.text(
            cx,
            label_y,
            t(f"metric.{metric}.short", lang),
            ha="center",
            va="center",
            fontsize=style.SMALL_SIZE - 2,
            color=style.MUTED_INK,
            zorder=3,
            gid=f"label:{practice}:{metric}",
        )
        ax.text(
            cx,
            value_y,
            value,
            ha="center",
            va="center",
            fontsize=style.ANNOTATION_SIZE + 2,
            fontweight="bold",
            color=style.INK,
            zorder=3,
            gid=f"value:{practice}:{metric}",
        )
        if with_ci and ci:
            ax.text(
                cx,
                y - 0.32,
                ci,
                ha="center",
                va="center",
                fontsize=style.SMALL_SIZE - 1,
                color=style.MUTED_INK,
                zorder=3,
                gid=f"ci:{practice}:{metric}",
            )
        if k:
            ax.plot(
                [cx - CHIP_W / 2] * 2,
                [y - 0.38, y + 0.38],
                color="white" if practice != "integration" else "#E0E0E0",
                lw=2,
                zorder=2,
            )


def _gate(ax: Axes, practice: str, lang: str) -> None:
    top = BAR_Y[practice] + BAR_H / 2
    if practice in GATES:
        gate_icon(ax, practice, GATE_X, top + 0.02)
        ax.text(
            GATE_X - 0.5,
            top + 0.2,
            t(GATES[practice], lang).upper(),
            ha="right",
            va="center",
            fontsize=style.SMALL_SIZE - 1,
            fontweight="bold",
            color=style.MUTED_INK,
            zorder=3,
            gid=f"gate:{practice}",
        )
    else:
        ax.text(
            CHIP_X0 + 4 * CHIP_W + 0.25,
            BAR_Y[practice],
            t("gate.release", lang).upper(),
            ha="left",
            va="center",
            fontsize=style.SMALL_SIZE - 1,
            fontweight="bold",
            color="#8A8A8A",
            fontstyle="italic",
            zorder=3,
            gid=f"gate:{practice}",
        )


def _stations(ax: Axes, lang: str) -> None:
    for i, name in enumerate(STATIONS):
        x = STATION_X[name]
        ring = Circle(
            (x, STATION_Y),
            STATION_R,
            facecolor="white",
            edgecolor=style.LINE_GREY,
            lw=2.5,
            zorder=4,
        )
        ring.set_gid(f"station:{name}")
        ax.add_patch(ring)
        dot = style.PRODUCTION_DOT if name == "production" else style.STATION_DOT
        ax.add_patch(
            Circle(
                (x, STATION_Y), STATION_R * 0.5, facecolor=dot, edgecolor=style.INK, lw=1, zorder=5
            )
        )
        lx = x - STATION_R
        ax.text(
            lx,
            STATION_Y - STATION_R - 0.42,
            t(f"station.{name}", lang).upper(),
            ha="left",
            va="baseline",
            fontsize=style.ANNOTATION_SIZE,
            fontweight="bold",
            color=style.INK,
            gid=f"station-name:{name}",
        )
        lines = textwrap.wrap(t(f"station.{name}.detail", lang), DETAIL_WRAP[name])
        for k, line in enumerate(lines):  # one text per line: same baselines everywhere
            ax.text(
                lx,
                STATION_Y - STATION_R - 0.8 - 0.28 * k,
                line,
                ha="left",
                va="baseline",
                fontsize=style.SMALL_SIZE,
                color=style.MUTED_INK,
                gid=f"station-detail:{name}:{k}",
            )
        if i + 1 < len(STATIONS):
            x_next = STATION_X[STATIONS[i + 1]]
            arrow = FancyArrow(
                x + STATION_R + 0.08,
                STATION_Y,
                x_next - x - 2 * STATION_R - 0.2,
                0,
                width=0.09,
                head_width=0.3,
                head_length=0.25,
                length_includes_head=True,
                facecolor="white",
                edgecolor=style.LINE_GREY,
                lw=2,
                zorder=3,
            )
            arrow.set_gid(f"arrow:{name}")
            ax.add_patch(arrow)
            if name != "staging":  # the last hop is the gate, drawn on the bars
                gx = x + STATION_R + 0.55
                draw_gear(ax, gx, STATION_Y + 0.36, 0.11, style.ACCENT, zorder=4)
                ax.text(
                    gx + 0.18,
                    STATION_Y + 0.36,
                    t("flow.automated", lang).upper(),
                    ha="left",
                    va="center",
                    fontsize=style.SMALL_SIZE - 1,
                    fontweight="bold",
                    color=style.ACCENT,
                    gid=f"automated:{name}",
                )


def plot_comparison(
    summary: pd.DataFrame, lang: str = "en", ax: Axes | None = None, context: str = ""
):
    """Redraw the CI / Continuous Delivery / Continuous Deployment figure with simulated keys.

    Practices that the summary does not hold (``cdsim run`` simulates one) keep their bar,
    greyed, marked "not run".

    Parameters
    ----------
    summary : DataFrame
        ``compare(...).summary`` (columns practice, metric, mean, ci_low, ci_high, n, band).
    lang : {"en", "pt"}
        Language of every text.
    ax : Axes, optional
        Draw into this axes (made equal-aspect, axis off) and return it.
    context : str, optional
        A line that says which scenario and experiment the numbers come from
        (:func:`cdsim.presentation.scenario_text.context_line`), printed at the foot.

    Returns
    -------
    Figure, or the given Axes.
    """
    lang = normalize_lang(lang)
    fig, ax, owned = target_axes(ax)
    ax.set_xlim(0, WIDTH)
    ax.set_ylim(0, HEIGHT)
    ax.set_aspect("equal")
    ax.axis("off")
    n = replications(summary)
    with_ci = n > 1
    ax.text(
        0.35,
        8.72,
        t("chart.comparison.title", lang),
        ha="left",
        va="center",
        fontsize=style.TITLE_SIZE,
        fontweight="bold",
        color=style.INK,
        gid="title",
    )
    _commit_icon(ax, lang)
    held = set(summary["practice"]) if len(summary) else set()
    for practice in PRACTICES:
        _bar(ax, practice, lang, greyed=practice not in held)
        if practice in held:
            _chips(ax, summary, practice, lang, with_ci)
        else:
            _not_run(ax, practice, lang)
        _gate(ax, practice, lang)
    _stations(ax, lang)
    note = (
        t("chart.comparison.note_ci", lang, n=n)
        if with_ci
        else t("chart.comparison.note_single", lang)
    )
    source = summary.attrs.get("band_source", DEFAULT_SOURCE)
    lines = [context] if context else []
    lines += [note + " " + t(f"bands.source.{source}", lang)]
    lines += [unless_empty(summary, t("chart.comparison.note_integration", lang), lang)]
    ax.text(
        0.35,
        0.3,
        "\n".join(textwrap.fill(line, 175) for line in lines),
        ha="left",
        va="center",
        fontsize=style.SMALL_SIZE - 1,
        color=style.MUTED_INK,
        gid="note",
    )
    if owned:
        fig.get_layout_engine().set(w_pad=0.05, h_pad=0.05)
        return fig
    return ax


__all__ = ["plot_comparison"]
