"""Lead time for changes per practice: empirical CDFs on a log time axis, the limits of the
DORA bands in use marked."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import FixedLocator, FuncFormatter, LogLocator, NullFormatter

from cdsim.i18n import format_hours, format_number, normalize_lang, practice_name, t
from cdsim.metrics.bands import DEFAULT_SOURCE, cut_offs

from . import style
from ._common import LocaleFormatter, in_window, nothing_to_show, practices_of, target_axes

LIMIT_NAMES: dict[float, str] = {
    1.0: "limit.hour",
    24.0: "limit.day",
    168.0: "limit.week",
    730.0: "limit.month",
    4380.0: "limit.six_months",
}
"""How a band limit in hours is named on the chart (1 month = 730 h, 6 months = 4380 h)."""


def lead_times_hours(changes: pd.DataFrame, practice: str) -> np.ndarray:
    """Sorted lead times (hours) of a practice's deployed, in-window changes, all replications."""
    rows = in_window(changes[changes["practice"] == practice])
    values = pd.to_numeric(rows["lead_time_hours"], errors="coerce").dropna()
    return np.sort(values[values > 0].to_numpy(dtype=float))


def _hours_tick(lang: str):
    def fmt(x: float, _pos=None) -> str:
        if x <= 0:
            return ""
        decimals = 0 if x >= 1 else int(np.ceil(-np.log10(x)))
        return format_number(x, lang, decimals)

    return fmt


def plot_lead_time(
    changes: pd.DataFrame,
    lang: str = "en",
    ax: Axes | None = None,
    band_source: str = DEFAULT_SOURCE,
):
    """Empirical CDF of lead time per practice on a log hours axis, DORA limits marked.

    Parameters
    ----------
    changes : DataFrame
        ``compare(...).changes`` (stacked run tables with ``practice`` and ``replication``);
        only ``in_window`` changes that reached production are drawn.
    lang : {"en", "pt"}
        Language of every text.
    ax : Axes, optional
        Draw into this axes and return it.
    band_source : str
        The band table whose lead-time limits are marked (those of the result).

    Returns
    -------
    Figure, or the given Axes.
    """
    lang = normalize_lang(lang)
    fig, ax, owned = target_axes(ax)
    if not any(lead_times_hours(changes, p).size for p in practices_of(changes)):
        reason = "deployed" if len(in_window(changes)) else "changes"
        nothing_to_show(ax, lang, reason)
        style.set_title(ax, t("chart.lead_time.title", lang))
        return fig if owned else ax
    style.style_axes(ax, grid_axis="y")
    lo, hi = 0.3, 6000.0
    for practice in practices_of(changes):
        lt = lead_times_hours(changes, practice)
        label = practice_name(practice, lang)
        if lt.size == 0:
            ax.plot(
                [],
                [],
                color=style.practice_color(practice),
                label=f"{label} ({t('no_data', lang)})",
            )
            continue
        y = np.arange(1, lt.size + 1) / lt.size * 100
        (line,) = ax.step(
            np.r_[lt[0], lt],
            np.r_[0, y],
            where="post",
            lw=3.2,
            color=style.practice_color(practice),
            linestyle=style.PRACTICE_LINESTYLES.get(practice, "-"),
            label=f"{label} (n = {lt.size})",
        )
        line.set_gid(f"ecdf:{practice}")
        lo, hi = min(lo, lt[0] / 1.5), max(hi, lt[-1] * 1.5)
    limits = cut_offs("lead_time_median_hours", band_source)
    for hours in limits:
        ax.axvline(hours, color="#555555", lw=1.4, ls=(0, (3, 3)), zorder=0, gid=f"limit:{hours:g}")
    ax.axhline(50, color="#999999", lw=1, zorder=0)
    ax.set_xscale("log")
    ax.set_xlim(lo, hi)
    ax.set_ylim(0, 102)
    ax.xaxis.set_major_locator(LogLocator(base=10))
    ax.xaxis.set_major_formatter(FuncFormatter(_hours_tick(lang)))
    ax.xaxis.set_minor_formatter(NullFormatter())
    top = ax.secondary_xaxis("top")
    top.xaxis.set_major_locator(FixedLocator(limits))
    top.xaxis.set_minor_locator(FixedLocator([]))
    top.xaxis.set_major_formatter(FuncFormatter(lambda x, _p: _limit_label(x, lang)))
    top.tick_params(labelsize=style.TICK_SIZE, length=6, colors="#333333")
    top.set_xlabel(t("limit.dora", lang), fontsize=style.LABEL_SIZE - 2, color="#333333")
    ax.yaxis.set_major_formatter(LocaleFormatter(lang))
    ax.text(
        lo * 1.15,
        51.5,
        t("median", lang),
        fontsize=style.SMALL_SIZE,
        color="#777777",
        va="bottom",
        ha="left",
    )
    style.set_labels(ax, t("chart.lead_time.x", lang), t("chart.lead_time.y", lang))
    style.set_title(ax, t("chart.lead_time.title", lang))
    ax.legend(
        loc="lower right",
        fontsize=style.LEGEND_SIZE,
        framealpha=0.95,
        title=t("practice", lang),
        title_fontsize=style.LEGEND_SIZE,
    )
    return fig if owned else ax


def _limit_label(hours: float, lang: str) -> str:
    for value, key in LIMIT_NAMES.items():
        if abs(value - hours) < 1e-6 * value:
            return t(key, lang)
    return format_hours(hours, lang)
