"""Which knob matters most: the ranking of a sensitivity analysis, as bars.

Input is the table of :func:`cdsim.sensitivity.sensitivity` (``practice``, ``metric``,
``key``, ``low``, ``high``, ``rank``, ``mu_star``, ``mu_star_conf``, ``mu``, ``sigma``,
``trajectories``). One panel per practice; in each, one bar per scenario key, the key
that moves the metric most on top. A bar's length is the Morris mean absolute effect
(mu*): how much the metric changes, on average, when that key moves across its whole
range; the whisker is its 95% bootstrap interval. A bar's colour says whether the metric
mostly rises (solid) or falls (hatched) as the key grows.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator

from cdsim.i18n import UNIT_DIVISOR, format_number, hours_unit, normalize_lang, practice_name, t
from cdsim.i18n.numbers import UNIT_KEY
from cdsim.metrics.definitions import metric_kind
from cdsim.presentation.sensitivity import effect_text, range_text
from cdsim.presentation.tables import key_label, metric_label

from . import style

TOP_KEYS = 10
"""Keys shown per panel at most (the highest ranked)."""


def plot_sensitivity(table: pd.DataFrame, metric: str = "lead_time_median_hours", lang: str = "en"):
    """The keys that move ``metric`` most, one panel per practice of ``table``.

    Parameters
    ----------
    table : DataFrame
        ``cdsim.sensitivity.sensitivity(...).table``.
    metric : str
        A metric of the table.
    lang : {"en", "pt"}
        Language of every text.

    Returns
    -------
    Figure

    Raises
    ------
    ValueError
        The table has no rows for ``metric``.
    """
    lang = normalize_lang(lang)
    rows = table[table["metric"] == metric]
    if rows.empty:
        raise ValueError(f"the table has no rows for metric {metric!r}")
    practices = list(dict.fromkeys(rows["practice"]))
    keys = min(TOP_KEYS, rows.groupby("practice", sort=False).size().max())
    height = max(style.FIGSIZE[1], 2.0 + len(practices) * (0.6 + 0.55 * keys))
    fig, axes = style.new_figure(
        len(practices), 1, figsize=(style.FIGSIZE[0], height), squeeze=False
    )
    for ax, practice in zip(axes.flat, practices, strict=True):
        mine = rows[rows["practice"] == practice].copy()
        mine["_order"] = pd.to_numeric(mine["mu_star"], errors="coerce").fillna(-1.0)
        mine = mine.sort_values("_order", ascending=False, kind="stable").head(TOP_KEYS)
        _panel(ax, mine, metric, practice, lang)
    style.suptitle(fig, t("chart.sensitivity.title", lang, metric=metric_label(metric, lang)))
    fig.supxlabel(t("chart.sensitivity.x", lang), fontsize=style.LABEL_SIZE)
    fig.set_gid(f"sensitivity:{metric}")
    return fig


def _panel(ax, rows: pd.DataFrame, metric: str, practice: str, lang: str) -> None:
    style.style_axes(ax, grid_axis="x")
    n = len(rows)
    y = np.arange(n)[::-1]  # rank 1 on top
    mu_star = pd.to_numeric(rows["mu_star"], errors="coerce").to_numpy(dtype=float)
    conf = pd.to_numeric(rows["mu_star_conf"], errors="coerce").to_numpy(dtype=float)
    mu = pd.to_numeric(rows["mu"], errors="coerce").to_numpy(dtype=float)
    color = style.practice_color(practice)
    shown = np.nan_to_num(mu_star, nan=0.0)
    bars = ax.barh(y, shown, color=color, alpha=0.9, height=0.6, zorder=2)
    for bar, m, key in zip(bars, mu, rows["key"], strict=True):
        bar.set_gid(f"bar:{practice}:{key}")
        if math.isfinite(m) and m < 0:  # the metric falls as the key grows
            bar.set_facecolor("white")
            bar.set_edgecolor(color)
            bar.set_hatch("//")
            bar.set_linewidth(2)
    ok = np.isfinite(conf) & np.isfinite(mu_star)
    if ok.any():
        ax.errorbar(
            shown[ok], y[ok], xerr=conf[ok], fmt="none", ecolor=style.INK, capsize=4, zorder=3
        )
    top = np.nanmax(np.r_[shown + np.nan_to_num(conf), 0.0])
    for yi, value, half in zip(y, mu_star, np.nan_to_num(conf), strict=True):
        ax.text(
            (0 if not math.isfinite(value) else value + half) + top * 0.01,
            yi,
            " " + effect_text(metric, value, lang),
            va="center",
            ha="left",
            fontsize=style.SMALL_SIZE,
            color=style.INK,
        )
    labels = [
        f"{key_label(k, lang)}\n{range_text(lo, hi, lang)}"
        for k, lo, hi in zip(rows["key"], rows["low"], rows["high"], strict=True)
    ]
    ax.set_yticks(y, labels, fontsize=style.SMALL_SIZE)
    right = top * 1.35 if top > 0 else 1.0
    ax.set_xlim(0, right)
    if metric_kind(metric) == "hours":
        # Round ticks in one unit for the whole axis (2, 4, 6 days, not 4.2, 8.3 days).
        unit = hours_unit(right)
        per_unit = UNIT_DIVISOR[unit]
        ticks = MaxNLocator(5, steps=[1, 2, 5, 10]).tick_values(0, right / per_unit) * per_unit
        ax.set_xticks(ticks[ticks <= right])
        ax.xaxis.set_major_formatter(lambda v, _p: _tick_text(v / per_unit, unit, lang))
    else:
        ax.xaxis.set_major_locator(MaxNLocator(5))
        ax.xaxis.set_major_formatter(lambda v, _p: effect_text(metric, v, lang) if v else "0")
    style.set_title(ax, practice_name(practice, lang))


def _tick_text(value: float, unit: str, lang: str) -> str:
    """A round tick in ``unit``: "0", "1 day", "2 days", "2.5 h"."""
    if not value:
        return "0"
    decimals = 0 if float(value).is_integer() else 1
    key = "unit.day" if unit == "days" and value == 1 else UNIT_KEY[unit]
    return f"{format_number(value, lang, decimals)} {t(key, lang)}"


__all__ = ["plot_sensitivity"]
