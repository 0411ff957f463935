"""Helpers shared by the chart modules: reading result tables, choosing the target axes."""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import Formatter

from cdsim.i18n import format_number, is_missing, practice_label, t
from cdsim.presentation.cells import summary_cell
from cdsim.presentation.tables import practices_of

from . import style


def replications(summary: pd.DataFrame) -> int:
    """Number of replications behind a summary (largest ``n``), at least 1."""
    if "n" not in summary or summary.empty:
        return 1
    n = pd.to_numeric(summary["n"], errors="coerce").max()
    return int(n) if not is_missing(n) and n >= 1 else 1


EMPTY_REASONS = ("changes", "deployed", "deploys", "values")
"""Why a chart may have nothing to show: ``chart.empty.<reason>`` in the translation table."""


def nothing_to_show(ax: Axes, lang: str, reason: str = "changes") -> None:
    """Turn ``ax`` into a panel that says there is nothing to show, and why.

    A run with no change in its measured window (``team.commits_per_day = 0``, a tiny
    ``days``) is allowed; its charts say so instead of failing or drawing empty axes.
    """
    ax.set_axis_off()
    ax.text(
        0.5,
        0.5,
        f"{t('chart.empty.title', lang)}\n{textwrap.fill(t(f'chart.empty.{reason}', lang), 46)}",
        ha="center",
        va="center",
        transform=ax.transAxes,
        fontsize=style.LABEL_SIZE,
        color=style.MUTED_INK,
        gid="nothing-to-show",
    )


def no_changes(summary: pd.DataFrame) -> bool:
    """Whether no practice of ``summary`` had a change committed in its measured window."""
    if len(summary) == 0 or "metric" not in summary:
        return True
    rows = summary[summary["metric"] == "changes_committed"]
    if rows.empty:
        return False  # a summary without that metric: nothing says it is empty
    return bool((pd.to_numeric(rows["mean"], errors="coerce").fillna(0.0) <= 0).all())


def unless_empty(summary: pd.DataFrame, text: str, lang: str) -> str:
    """``text``, or, when no change was committed, a line that says there is nothing to
    show (a figure that still stands, its numbers all n/a, says so in its note)."""
    if no_changes(summary):
        return f"{t('chart.empty.title', lang)}: {t('chart.empty.changes', lang)}"
    return text


def target_axes(ax: Axes | None, figsize=style.FIGSIZE):
    """Return ``(fig, ax, owned)``: a new figure and axes when ``ax`` is None."""
    if ax is not None:
        return ax.figure, ax, False
    fig, new_ax = style.new_figure(figsize=figsize)
    return fig, new_ax, True


def in_window(table: pd.DataFrame) -> pd.DataFrame:
    """Rows counted in the metrics (``in_window`` true), or all rows if the column is absent."""
    if "in_window" in table:
        return table[table["in_window"].astype(bool)]
    return table


def first_replication(table: pd.DataFrame) -> pd.DataFrame:
    """Rows of the lowest replication number (the one shown in single-run charts)."""
    if "replication" not in table or table.empty:
        return table
    return table[table["replication"] == table["replication"].min()]


def summary_bars(
    ax: Axes,
    summary: pd.DataFrame,
    metric: str,
    lang: str,
    scale: float,
    gid: str,
    show_band: bool = False,
) -> list:
    """Bars of one summary metric per practice, CI whiskers when n > 1, value labels.

    ``scale`` converts the metric to the axis unit (e.g. 100 for %); each bar gets the gid
    ``"{gid}:{practice}"`` and its label ``"{gid}-label:{practice}"``.
    """
    practices = practices_of(summary)
    x = np.arange(len(practices))
    values = [summary_cell(summary, p, metric) for p in practices]
    heights = [0.0 if v.missing else v.mean * scale for v in values]
    bars = ax.bar(
        x,
        heights,
        width=0.6,
        color=[style.practice_color(p) for p in practices],
        edgecolor="white",
        linewidth=1.5,
        zorder=2,
    )
    for bar, p in zip(bars, practices, strict=True):
        bar.set_gid(f"{gid}:{p}")
        bar.set_hatch(style.PRACTICE_HATCHES.get(p, ""))
    top = max([h for h in heights] + [0.0])
    for xi, v in zip(x, values, strict=True):
        if v.has_ci:
            ax.errorbar(
                xi,
                v.mean * scale,
                yerr=[[v.mean * scale - v.ci_low * scale], [v.ci_high * scale - v.mean * scale]],
                color="#222222",
                capsize=10,
                lw=2,
                capthick=2,
                zorder=3,
            )
            top = max(top, v.ci_high * scale)
    label_y = []
    for xi, v in zip(x, values, strict=True):
        y = (v.ci_high if v.has_ci else (0 if v.missing else v.mean)) * scale
        label_y.append((xi, y, v))
    pad = top * 0.03 if top > 0 else 0.03
    for xi, y, v in label_y:
        text = v.value_text(lang)
        if v.has_ci:
            text += "\n" + v.ci_text(lang)
        if show_band and v.band:
            text += "\nDORA: " + v.band_text(lang)
        ax.text(
            xi,
            y + pad,
            text,
            ha="center",
            va="bottom",
            fontsize=style.ANNOTATION_SIZE,
            fontweight="bold",
            gid=f"{gid}-label:{practices[int(xi)]}",
        )
    ax.set_xticks(x, [practice_label(p, lang) for p in practices])
    ax.set_xlim(-0.6, len(practices) - 0.4)
    ax.set_ylim(0, (top if top > 0 else 1) * 1.3)
    return list(bars)


class LocaleFormatter(Formatter):
    """Tick formatter with the language's decimal separator and just enough decimals.

    The number of decimals follows the spacing of the ticks (1, 0.5 -> one decimal ...).
    """

    def __init__(self, lang: str, scale: float = 1.0):
        self.lang = lang
        self.scale = scale
        self.decimals = 0

    def set_locs(self, locs):
        super().set_locs(locs)
        vals = np.asarray([v * self.scale for v in locs if np.isfinite(v)], dtype=float)
        steps = np.diff(np.unique(np.round(vals, 9)))
        step = float(steps.min()) if steps.size else (abs(float(vals[0])) if vals.size else 1.0)
        self.decimals = 0
        while self.decimals < 3 and abs(step * 10**self.decimals % 1 - 0.5) < 0.5 - 1e-6:
            self.decimals += 1

    def __call__(self, x, pos=None):
        return format_number(x * self.scale, self.lang, self.decimals)
