"""Where the lead time goes: per practice, the mean lead time (log axis) and a stacked bar
of each component's share of it.

Components come from the summary metrics ``time_<component>_hours`` (mean per deployed
change), in pipeline order: Build queue, Build, rework, Staging queue, Staging, gate,
deploy queue, deploy, incident. Waiting components are hatched.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from cdsim.change import TIME_CATEGORIES
from cdsim.i18n import format_hours, format_number, format_plain, normalize_lang, practice_label, t
from cdsim.presentation.cells import summary_cell

from . import style
from ._common import LocaleFormatter, no_changes, nothing_to_show, practices_of, target_axes

MIN_LABEL_SHARE = 0.07
"""Segments narrower than this share of the bar get no percentage label."""


def component_hours(summary: pd.DataFrame) -> pd.DataFrame:
    """Mean hours per component (columns, pipeline order) for each practice (rows); NaN -> 0."""
    practices = practices_of(summary)
    data = {
        c: [summary_cell(summary, p, f"time_{c}_hours").mean for p in practices]
        for c in TIME_CATEGORIES
    }
    return pd.DataFrame(data, index=practices).fillna(0.0).clip(lower=0.0)


def plot_time_breakdown(
    summary: pd.DataFrame, lang: str = "en", ax: Axes | None = None, share: bool = False
):
    """Where the lead time goes, one bar per practice.

    With ``share=True``: stacked bars of each component's share of the practice's mean
    lead time. Otherwise: the mean lead time itself (the sum of the components) on a log
    axis, so that a practice whose changes take two hours and one whose take two weeks
    both have a bar you can read; the total is printed beside it.

    Parameters
    ----------
    summary : DataFrame
        ``compare(...).summary``.
    lang : {"en", "pt"}
        Language of every text.
    ax : Axes, optional
        Draw into this axes and return it.
    share : bool
        Shares of the lead time (stacked) instead of the total hours (log axis).

    Returns
    -------
    Figure, or the given Axes.
    """
    lang = normalize_lang(lang)
    fig, ax, owned = target_axes(ax)
    hours = component_hours(summary)
    totals = hours.sum(axis=1)
    if no_changes(summary) or not (totals > 0).any():
        nothing_to_show(ax, lang, "changes" if no_changes(summary) else "deployed")
        key = "chart.breakdown.share.title" if share else "chart.breakdown.total.title"
        style.set_title(ax, t(key, lang))
        return fig if owned else ax
    y = np.arange(len(hours))[::-1]  # first practice on top
    if share:
        _shares(ax, hours.div(totals.where(totals > 0), axis=0).fillna(0.0) * 100, y, lang)
    else:
        _totals(ax, totals, y, lang)
    ax.set_yticks(y, [practice_label(p, lang) for p in hours.index])
    ax.set_ylim(-0.6, len(hours) - 0.4)
    return fig if owned else ax


def _shares(ax: Axes, values: pd.DataFrame, y: np.ndarray, lang: str) -> None:
    left = np.zeros(len(values))
    for comp in TIME_CATEGORIES:
        widths = values[comp].to_numpy(dtype=float)
        color = style.COMPONENT_COLORS[comp]
        hatch = style.WAITING_HATCH if comp in style.WAITING_COMPONENTS else ""
        bars = ax.barh(
            y,
            widths,
            left=left,
            height=0.62,
            color=color,
            edgecolor="white",
            hatch=hatch,
            linewidth=1,
            label=t(f"time.{comp}", lang),
            zorder=2,
        )
        for bar, practice in zip(bars, values.index, strict=True):
            bar.set_gid(f"share:{practice}:{comp}")
        for xi, yi, w in zip(left, y, widths, strict=True):
            if w / 100 >= MIN_LABEL_SHARE:
                ax.text(
                    xi + w / 2,
                    yi,
                    f"{format_number(w, lang, 0)}%",
                    ha="center",
                    va="center",
                    fontsize=style.SMALL_SIZE,
                    fontweight="bold",
                    color=style.text_color_on(color),
                    bbox=dict(boxstyle="round,pad=0.15", fc=color, ec="none"),
                    zorder=4,
                )
        left += widths
    ax.set_xlim(0, 100)
    ax.xaxis.set_major_formatter(LocaleFormatter(lang))
    style.set_labels(ax, t("chart.breakdown.x_share", lang))
    style.set_title(ax, t("chart.breakdown.share.title", lang))


def _totals(ax: Axes, totals: pd.Series, y: np.ndarray, lang: str) -> None:
    positive = totals[totals > 0]
    low = float(positive.min()) / 3 if len(positive) else 0.1
    high = float(positive.max()) * 6 if len(positive) else 10.0
    for yi, practice in zip(y, totals.index, strict=True):
        total = float(totals[practice])
        bar = ax.barh(
            yi,
            total - low if total > low else 0.0,
            left=low,
            height=0.62,
            color=style.practice_color(practice),  # solid: hatching means waiting here
            edgecolor="white",
            zorder=2,
        )[0]
        bar.set_gid(f"total-bar:{practice}")
        ax.text(
            max(total, low) * 1.08,
            yi,
            format_hours(total, lang),
            ha="left",
            va="center",
            fontsize=style.ANNOTATION_SIZE,
            fontweight="bold",
            gid=f"total:{practice}",
        )
    ax.set_xscale("log")
    ax.set_xlim(low, high)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: format_plain(v, lang)))
    style.set_labels(ax, t("chart.breakdown.x_total", lang))
    style.set_title(ax, t("chart.breakdown.total.title", lang))


def component_legend_handles(lang: str) -> list[Patch]:
    """Legend patches for the time components, waiting ones hatched."""
    return [
        Patch(
            facecolor=style.COMPONENT_COLORS[c],
            edgecolor="white",
            hatch=style.WAITING_HATCH if c in style.WAITING_COMPONENTS else "",
            label=t(f"time.{c}", lang),
        )
        for c in TIME_CATEGORIES
    ]


def time_breakdown_figure(summary: pd.DataFrame, lang: str = "en"):
    """Mean lead time (left, log axis) and each component's share of it (right), one
    legend below.

    Returns
    -------
    Figure
    """
    lang = normalize_lang(lang)
    fig, (left, right) = style.new_figure(1, 2, sharey=False)
    plot_time_breakdown(summary, lang, ax=left)
    plot_time_breakdown(summary, lang, ax=right, share=True)
    right.set_yticklabels([])
    fig.legend(
        handles=component_legend_handles(lang),
        loc="outside lower center",
        ncols=3,
        fontsize=style.LEGEND_SIZE,
        frameon=False,
        title=t("time.waiting", lang),
        title_fontsize=style.SMALL_SIZE,
    )
    style.suptitle(fig, t("chart.breakdown.title", lang))
    return fig


__all__ = [
    "plot_time_breakdown",
    "time_breakdown_figure",
    "component_hours",
    "component_legend_handles",
]
