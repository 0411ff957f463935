"""Where the lead time goes: per practice, a stacked bar of mean hours per component.

Components come from the summary metrics ``time_<component>_hours`` (mean per deployed
change), in pipeline order: Build queue, Build, rework, Staging queue, Staging, gate,
deploy queue, deploy, incident. Waiting components are hatched.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch

from cdsim.change import TIME_CATEGORIES
from cdsim.i18n import (
    format_hours,
    format_number,
    normalize_lang,
    practice_label,
    t,
)
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
    """Horizontal stacked bars: mean hours per component of lead time, one bar per practice.

    Parameters
    ----------
    summary : DataFrame
        ``compare(...).summary``.
    lang : {"en", "pt"}
        Language of every text.
    ax : Axes, optional
        Draw into this axes and return it.
    share : bool
        Show each component as a percentage of the practice's lead time instead of hours.

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
        key = "chart.breakdown.share.title" if share else "chart.breakdown.hours.title"
        style.set_title(ax, t(key, lang))
        return fig if owned else ax
    style.style_axes(ax, grid_axis="x")
    values = hours.div(totals.where(totals > 0), axis=0).fillna(0.0) * 100 if share else hours
    y = np.arange(len(values))[::-1]  # first practice on top
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
            bar.set_gid(f"{'share' if share else 'segment'}:{practice}:{comp}")
        if share:
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
    span = float(left.max()) if len(left) and left.max() > 0 else 1.0
    if share:
        ax.set_xlim(0, 100)
        ax.xaxis.set_major_formatter(LocaleFormatter(lang))
        style.set_labels(ax, t("chart.breakdown.x_share", lang))
        style.set_title(ax, t("chart.breakdown.share.title", lang))
    else:
        for yi, practice in zip(y, values.index, strict=True):
            total = float(totals[practice])
            text = t("chart.breakdown.total", lang, value=format_hours(total, lang))
            ax.text(
                total + span * 0.015,
                yi,
                text,
                ha="left",
                va="center",
                fontsize=style.ANNOTATION_SIZE,
                fontweight="bold",
                gid=f"total:{practice}",
            )
        ax.set_xlim(0, span * 1.3)
        ax.xaxis.set_major_formatter(LocaleFormatter(lang))
        style.set_labels(ax, t("chart.breakdown.x_hours", lang))
        style.set_title(ax, t("chart.breakdown.hours.title", lang))
    ax.set_yticks(y, [practice_label(p, lang) for p in values.index])
    ax.set_ylim(-0.6, len(values) - 0.4)
    return fig if owned else ax


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
    """Mean hours (left) and share of lead time (right) per component, one legend below.

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
