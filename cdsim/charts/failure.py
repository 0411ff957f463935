"""Change failure rate per practice (with 95% CIs), and failure rate against batch size.

The second chart is the batch-size lesson: if each change independently carries a defect
that escapes to production with probability p, a deploy of k changes fails with probability
1 - (1 - p)^k. Simulated first deploys (redeploys after a rollback left out), grouped by
batch size, are drawn over that curve, one per practice.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter

from cdsim.i18n import format_number, normalize_lang, practice_name, t

from . import style
from ._common import (
    LocaleFormatter,
    in_window,
    no_changes,
    nothing_to_show,
    practices_of,
    replications,
    summary_bars,
    target_axes,
)


def plot_change_failure_rate(summary: pd.DataFrame, lang: str = "en", ax: Axes | None = None):
    """Bars of change failure rate per practice, with 95% CI whiskers when n > 1.

    Parameters
    ----------
    summary : DataFrame
        ``compare(...).summary``.
    lang : {"en", "pt"}
        Language of every text.
    ax : Axes, optional
        Draw into this axes and return it.

    Returns
    -------
    Figure, or the given Axes.
    """
    lang = normalize_lang(lang)
    fig, ax, owned = target_axes(ax)
    key = "chart.cfr.title" if replications(summary) > 1 else "chart.cfr.title_single"
    if no_changes(summary):
        nothing_to_show(ax, lang, "changes")
        style.set_title(ax, t(key, lang))
        return fig if owned else ax
    style.style_axes(ax)
    summary_bars(ax, summary, "change_failure_rate", lang, 100.0, "cfr")
    ax.set_yticks([v for v in range(0, 101, 20) if v <= ax.get_ylim()[1]])
    ax.yaxis.set_major_formatter(LocaleFormatter(lang))
    style.set_labels(ax, None, t("chart.cfr.y", lang))
    style.set_title(ax, t(key, lang))
    return fig if owned else ax


def first_deploys(deployments: pd.DataFrame) -> pd.DataFrame:
    """Deploys in the window that are first attempts: no redeploy after a rollback.

    A redeploy carries changes whose defects may already have been found, or hidden by a
    rollback, so it does not follow the batch-size law; the chart leaves redeploys out.
    """
    d = in_window(deployments)
    if "redeploy" in d:
        d = d[~d["redeploy"].astype(bool)]
    return d


def defect_failed(deploys: pd.DataFrame) -> pd.Series:
    """True for deploys that failed because of an escaped defect (not a manual error)."""
    return deploys["cause"].fillna("").astype(str).str.contains("defect")


def escaped_defect_rate(deployments: pd.DataFrame) -> float:
    """Per-change probability p of carrying a defect into production, over first deploys:
    escaped defects / changes."""
    d = first_deploys(deployments)
    changes = pd.to_numeric(d["batch_size"], errors="coerce").sum()
    culprits = pd.to_numeric(d["culprits"], errors="coerce").sum()
    return float(culprits / changes) if changes > 0 else math.nan


def batch_failure_points(deployments: pd.DataFrame, practice: str) -> pd.DataFrame:
    """Share of a practice's first deploys that failed on a defect, by batch size (log2 bins).

    Returns
    -------
    DataFrame with ``batch_size`` (mean in the bin), ``failure_rate`` and ``deploys``.
    """
    d = first_deploys(deployments[deployments["practice"] == practice])
    d = d[pd.to_numeric(d["batch_size"], errors="coerce") > 0]
    if d.empty:
        return pd.DataFrame(columns=["batch_size", "failure_rate", "deploys"])
    size = d["batch_size"].astype(float)
    bins = np.floor(np.log2(size)).astype(int)
    failed = defect_failed(d).astype(float)
    grouped = d.assign(_bin=bins, _size=size, _failed=failed).groupby("_bin")
    return pd.DataFrame(
        {
            "batch_size": grouped["_size"].mean(),
            "failure_rate": grouped["_failed"].mean(),
            "deploys": grouped.size(),
        }
    ).reset_index(drop=True)


def plot_failure_vs_batch(deployments: pd.DataFrame, lang: str = "en", ax: Axes | None = None):
    """Failure rate against changes per deploy: simulated points over 1 - (1 - p)^k.

    Only first deploys (no redeploys after a rollback) and failures caused by an escaped
    defect count; each practice gets its own p (escaped defects per change) and curve.

    Parameters
    ----------
    deployments : DataFrame
        ``compare(...).deployments``; only ``in_window`` deploys are used.
    lang : {"en", "pt"}
        Language of every text.
    ax : Axes, optional
        Draw into this axes and return it.

    Returns
    -------
    Figure, or the given Axes.
    """
    lang = normalize_lang(lang)
    fig, ax, owned = target_axes(ax)
    practices = practices_of(deployments)
    all_points = {p: batch_failure_points(deployments, p) for p in practices}
    if not any(len(pts) for pts in all_points.values()):
        nothing_to_show(ax, lang, "deploys")
        style.set_title(ax, t("chart.batch.title", lang))
        return fig if owned else ax
    style.style_axes(ax, grid_axis="both")
    kmax = 2.0
    counts = [int(pts["deploys"].max()) for pts in all_points.values() if len(pts)]
    biggest = max(counts) if counts else 1
    for pts in all_points.values():
        if len(pts):
            kmax = max(kmax, float(pts["batch_size"].max()))
    k = np.geomspace(1, kmax * 1.6, 200)
    handles = []
    for practice, pts in all_points.items():
        color = style.practice_color(practice)
        marker = style.PRACTICE_MARKERS.get(practice, "o")
        if len(pts):
            sizes = 60 + 540 * np.sqrt(pts["deploys"].to_numpy(float) / biggest)
            sc = ax.scatter(
                pts["batch_size"],
                pts["failure_rate"] * 100,
                s=sizes,
                color=color,
                marker=marker,
                edgecolor="black",
                linewidth=1,
                alpha=0.85,
                zorder=3,
            )
            sc.set_gid(f"points:{practice}")
        p = escaped_defect_rate(deployments[deployments["practice"] == practice])
        label = practice_name(practice, lang)
        if not math.isnan(p):
            (curve,) = ax.plot(k, (1 - (1 - p) ** k) * 100, color=color, lw=2, ls="--", zorder=2)
            curve.set_gid(f"curve:{practice}")
            label += f" (p = {format_number(p, lang, 4)})"
        handles.append(
            Line2D(
                [],
                [],
                ls="--",
                lw=2,
                marker=marker,
                markersize=11,
                color=color,
                markeredgecolor="black",
                label=label,
            )
        )
    ax.set_xscale("log")
    ax.set_xlim(0.8, kmax * 1.6)
    ax.set_ylim(-4, 108)
    ax.set_yticks(range(0, 101, 20))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: format_number(v, lang, 0)))
    ax.yaxis.set_major_formatter(LocaleFormatter(lang))
    style.set_labels(ax, t("chart.batch.x", lang), t("chart.batch.y", lang))
    style.set_title(ax, t("chart.batch.title", lang))
    ax.legend(
        handles=handles,
        loc="upper left",
        fontsize=style.LEGEND_SIZE,
        framealpha=0.95,
        title=t("chart.batch.legend", lang),
        title_fontsize=style.SMALL_SIZE,
    )
    return fig if owned else ax


def failure_figure(summary: pd.DataFrame, deployments: pd.DataFrame, lang: str = "en"):
    """Both failure charts side by side: CFR per practice and failure rate vs batch size.

    Returns
    -------
    Figure
    """
    lang = normalize_lang(lang)
    fig, (left, right) = style.new_figure(1, 2, width_ratios=[1, 1.35])
    plot_change_failure_rate(summary, lang, ax=left)
    plot_failure_vs_batch(deployments, lang, ax=right)
    style.suptitle(fig, t("chart.failure.title", lang))
    return fig


__all__ = [
    "plot_change_failure_rate",
    "plot_failure_vs_batch",
    "failure_figure",
    "escaped_defect_rate",
    "batch_failure_points",
    "first_deploys",
]
