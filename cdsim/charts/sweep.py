"""A sweep chart: one metric against a varied parameter, one line per practice, 95% CI bands.

Input is the tidy table of :func:`cdsim.sweep` (the varied keys, ``practice``, ``metric``,
``mean``, ``ci_low``, ``ci_high``, ``n``, ``band``). The first varied key (or ``x``) goes on
the horizontal axis; when more keys were varied, each combination of the others gets its
own panel, all sharing the vertical axis.
"""

from __future__ import annotations

import math
import numbers

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch
from matplotlib.ticker import FixedLocator, FuncFormatter, NullFormatter

from cdsim.i18n import format_number, format_percent, normalize_lang, practice_name, t
from cdsim.metrics.definitions import metric_kind
from cdsim.presentation.tables import key_label, metric_label

from . import style
from ._common import nothing_to_show, practices_of, target_axes

SUMMARY_COLUMNS: tuple[str, ...] = ("practice", "metric", "mean", "ci_low", "ci_high", "n", "band")
"""Columns of a sweep table that are not varied keys."""

LOG_RATIO = 20.0
"""An axis goes to log scale when its positive values span this factor or more."""

MAX_COLUMNS = 3
"""Panels per row when more than one key was varied."""


def varied_keys(table: pd.DataFrame) -> list[str]:
    """The varied scenario keys of a sweep table, in the order they were given."""
    return [c for c in table.columns if c not in SUMMARY_COLUMNS]


def _axis_label(metric: str, lang: str) -> str:
    kind = metric_kind(metric)
    unit = {"hours": t("unit.hours", lang), "fraction": "%", "per_day": t("unit.per_day", lang)}
    name = metric_label(metric, lang)
    return f"{name} ({unit[kind]})" if kind in unit else name


def _is_number(value: object) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _tick_text(value: float, lang: str) -> str:
    if value == 0 or not math.isfinite(value):
        return format_number(value, lang, 0)
    magnitude = abs(value)
    decimals = 0 if magnitude >= 10 else max(0, min(4, 1 - math.floor(math.log10(magnitude))))
    text = format_number(value, lang, decimals)
    sep = "," if normalize_lang(lang) == "pt" else "."
    if sep in text:
        text = text.rstrip("0").rstrip(sep)
    return text


def _wants_log(values: np.ndarray) -> bool:
    finite = values[np.isfinite(values)]
    positive = finite[finite > 0]
    if positive.size < 2 or positive.size < finite.size:
        return False
    return positive.max() / positive.min() >= LOG_RATIO


def _value_text(value: object, lang: str) -> str:
    return _tick_text(float(value), lang) if _is_number(value) else str(value)


def plot_sweep(
    table: pd.DataFrame,
    metric: str = "lead_time_median_hours",
    x: str | None = None,
    lang: str = "en",
    ax: Axes | None = None,
):
    """Plot ``metric`` against a varied key, one line per practice, with 95% CI bands.

    Parameters
    ----------
    table : DataFrame
        ``cdsim.sweep(...)`` output.
    metric : str
        A metric name of the table (``cdsim.METRICS``).
    x : str, optional
        The varied key on the horizontal axis; default: the first varied key. Numeric
        values make a numeric axis (log scale when they span 20 times or more), other
        values (``"delay"``, ``"board"``) one position each, in the order of the sweep.
    lang : {"en", "pt"}
        Language of every text.
    ax : Axes, optional
        Draw into this axes and return it; only when one key was varied.

    Returns
    -------
    Figure, or the given Axes.

    Raises
    ------
    ValueError
        No varied key, an unknown ``x``, no rows for ``metric``, or ``ax`` given for a
        sweep that needs several panels.
    """
    lang = normalize_lang(lang)
    keys = varied_keys(table)
    if not keys:
        raise ValueError("the table has no varied key column; pass the output of cdsim.sweep")
    x = keys[0] if x is None else x
    if x not in keys:
        raise ValueError(f"x={x!r} is not a varied key; the table varies: {', '.join(keys)}")
    rows = table[table["metric"] == metric]
    if rows.empty:
        raise ValueError(f"the table has no rows for metric {metric!r}")
    if pd.to_numeric(rows["mean"], errors="coerce").isna().all():
        fig, ax, owned = target_axes(ax)
        nothing_to_show(ax, lang, "values")
        style.set_title(ax, metric_label(metric, lang))
        return fig if owned else ax
    others = [k for k in keys if k != x]
    panels = rows[others].drop_duplicates().itertuples(index=False) if others else [()]
    panels = [tuple(p) for p in panels]
    if ax is not None and len(panels) > 1:
        raise ValueError("several keys were varied: this chart needs its own figure (ax=None)")

    x_values = list(dict.fromkeys(rows[x].tolist()))
    numeric = all(_is_number(v) for v in x_values)
    positions = (
        {v: float(v) for v in x_values}
        if numeric
        else {v: float(i) for i, v in enumerate(x_values)}
    )
    log_x = numeric and _wants_log(np.array(list(positions.values()), dtype=float))
    y_all = pd.to_numeric(rows["mean"], errors="coerce").to_numpy(dtype=float)
    kind = metric_kind(metric)
    log_y = kind in ("hours", "per_day") and _wants_log(y_all)

    owned = ax is None
    if owned:
        ncols = min(MAX_COLUMNS, len(panels))
        nrows = math.ceil(len(panels) / ncols)
        fig, axes = style.new_figure(nrows, ncols, sharey=True, squeeze=False)
        axes_list = list(axes.flat)
        for spare in axes_list[len(panels) :]:
            spare.set_visible(False)
    else:
        fig, axes_list = ax.figure, [ax]

    drew_ci = False
    for panel_ax, panel in zip(axes_list, panels, strict=False):
        mask = np.ones(len(rows), dtype=bool)
        for key, value in zip(others, panel, strict=True):
            mask &= (rows[key] == value).to_numpy()
        drew_ci |= _draw_panel(panel_ax, rows[mask], x, positions, metric, lang)
        _style_panel(panel_ax, x, x_values, positions, numeric, log_x, log_y, metric, lang)
        if owned and not panel_ax.get_subplotspec().is_first_col():
            panel_ax.set_ylabel("")  # the panels share one vertical axis
        if others:
            title = ", ".join(
                f"{key_label(k, lang)} = {_value_text(v, lang)}"
                for k, v in zip(others, panel, strict=True)
            )
            style.set_title(panel_ax, title, size=style.LABEL_SIZE)

    handles, labels = axes_list[0].get_legend_handles_labels()
    if drew_ci:
        handles.append(Patch(facecolor="#888888", alpha=0.25, label=t("ci95", lang)))
        labels.append(t("ci95", lang))
    title = metric_label(metric, lang)
    if owned:
        if others:
            style.suptitle(fig, title)
        else:
            style.set_title(axes_list[0], title)
        if log_y:
            axes_list[0].set_ylim(*_log_limits(rows))
        else:
            axes_list[0].set_ylim(bottom=0)
        # below the panels, never on the data
        legend = fig.legend(
            handles,
            labels,
            loc="outside lower center",
            ncols=len(handles),
            fontsize=style.LEGEND_SIZE,
            frameon=False,
        )
        legend.set_gid("legend")
        fig.set_gid(f"sweep:{metric}")
        return fig
    legend = ax.legend(
        handles,
        labels,
        loc="upper left",
        bbox_to_anchor=(1.02, 1.0),
        fontsize=style.LEGEND_SIZE,
        frameon=False,
    )
    legend.set_gid("legend")
    return ax


def _log_limits(rows: pd.DataFrame) -> tuple[float, float]:
    """Vertical limits of a log axis: around the means, the CI bands clipped at the edges."""
    values = pd.to_numeric(rows["mean"], errors="coerce").to_numpy(dtype=float)
    highs = pd.to_numeric(rows["ci_high"], errors="coerce").to_numpy(dtype=float)
    positive = values[np.isfinite(values) & (values > 0)]
    top = np.nanmax(np.r_[positive, highs[np.isfinite(highs)]])
    return float(positive.min()) / 2.0, float(top) * 1.5


def _draw_panel(
    ax: Axes, rows: pd.DataFrame, x: str, positions: dict, metric: str, lang: str
) -> bool:
    drew_ci = False
    for practice in practices_of(rows):
        mine = rows[rows["practice"] == practice].copy()
        mine["_pos"] = [positions[v] for v in mine[x]]
        mine = mine.sort_values("_pos", kind="stable")
        pos = mine["_pos"].to_numpy(dtype=float)
        mean = pd.to_numeric(mine["mean"], errors="coerce").to_numpy(dtype=float)
        color = style.practice_color(practice)
        (line,) = ax.plot(
            pos,
            mean,
            color=color,
            lw=3,
            linestyle=style.PRACTICE_LINESTYLES.get(practice, "-"),
            marker=style.PRACTICE_MARKERS.get(practice, "o"),
            markersize=9,
            label=practice_name(practice, lang),
            zorder=3,
        )
        line.set_gid(f"line:{practice}")
        low = pd.to_numeric(mine["ci_low"], errors="coerce").to_numpy(dtype=float)
        high = pd.to_numeric(mine["ci_high"], errors="coerce").to_numpy(dtype=float)
        n = pd.to_numeric(mine["n"], errors="coerce").fillna(0).to_numpy()
        low = np.maximum(low, 0.0)  # every metric is a count, rate, time or share: >= 0
        if metric_kind(metric) == "fraction":
            high = np.minimum(high, 1.0)
        ok = np.isfinite(low) & np.isfinite(high) & (n > 1)
        if ok.any():
            band = ax.fill_between(
                pos,
                np.where(ok, low, np.nan),
                np.where(ok, high, np.nan),
                color=color,
                alpha=0.2,
                linewidth=0,
                zorder=2,
            )
            band.set_gid(f"ci:{practice}")
            drew_ci = True
    return drew_ci


def _style_panel(ax, x, x_values, positions, numeric, log_x, log_y, metric, lang) -> None:
    style.style_axes(ax, grid_axis="both")
    style.set_labels(ax, xlabel=key_label(x, lang), ylabel=_axis_label(metric, lang))
    if log_x:
        ax.set_xscale("log")
    if numeric:
        ax.xaxis.set_major_locator(FixedLocator([positions[v] for v in x_values]))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: _tick_text(v, lang)))
    else:
        ax.xaxis.set_major_locator(FixedLocator([positions[v] for v in x_values]))
        ax.xaxis.set_major_formatter(
            FuncFormatter(
                lambda v, _p: str(x_values[round(v)]) if 0 <= round(v) < len(x_values) else ""
            )
        )
        ax.set_xlim(-0.5, len(x_values) - 0.5)
    ax.xaxis.set_minor_formatter(NullFormatter())
    if log_y:
        ax.set_yscale("log")
    if metric_kind(metric) == "fraction":
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: format_percent(v, lang)))
    else:
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: _tick_text(v, lang)))
    ax.yaxis.set_minor_formatter(NullFormatter())


__all__ = ["plot_sweep", "varied_keys", "SUMMARY_COLUMNS"]
