"""One summary cell, read one way: a metric's mean, its 95% interval and its DORA band,
and how each is written (value with its unit, interval, band name).

Every place that shows a result (the terminal table, the charts, the explorer's
scorecard) reads a cell through :func:`summary_cell` and writes it with :meth:`Cell.value_text`
and :meth:`Cell.ci_text`, so that one number is never shown two ways.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from cdsim.i18n import (
    UNIT_DIVISOR,
    auto_decimals,
    band_name,
    format_hours,
    format_number,
    format_percent,
    format_rate,
    hours_unit,
    is_missing,
    percent_decimals,
    t,
    unit_decimals,
)
from cdsim.metrics.definitions import metric_kind


def format_metric(metric: str, value: float, lang: str = "en") -> str:
    """A metric's value with its unit: ``4.1/day``, ``16 h``, ``12%``, ``58``."""
    kind = metric_kind(metric)
    if kind == "hours":
        return format_hours(value, lang)
    if kind == "fraction":
        return format_percent(value, lang)
    if kind == "per_day":
        return format_rate(value, lang)
    if is_missing(value):
        return t("na", lang)
    if kind == "count" and float(value).is_integer():
        return format_number(value, lang, 0)
    return format_number(value, lang, auto_decimals(value))


def clip_interval(metric: str, low: float, high: float) -> tuple[float, float]:
    """Clip a confidence interval to the values ``metric`` can take: never below 0, and
    never above 1 for a share such as the change failure rate (a t interval from few
    replications can reach past them)."""
    lo, hi = float(low), float(high)
    fraction = metric_kind(metric) == "fraction"
    if not math.isnan(lo):
        lo = max(lo, 0.0)
        if fraction:
            lo = min(lo, 1.0)
    if not math.isnan(hi):
        hi = max(hi, 0.0)
        if fraction:
            hi = min(hi, 1.0)
    return lo, hi


def format_ci(metric: str, value: float, low: float, high: float, lang: str = "en") -> str:
    """A 95% interval in the unit of ``value``: ``"[2.9–3.6]"``; empty if unknown.

    The ends are written in the unit (minutes, hours, days, %, per day) and with the
    decimals that ``format_metric(metric, value, lang)`` uses; the unit is not repeated,
    except ``%``. The ends are clipped with :func:`clip_interval`.
    """
    if is_missing(low) or is_missing(high):
        return ""
    low, high = clip_interval(metric, low, high)
    ref = float(high) if is_missing(value) else float(value)
    kind = metric_kind(metric)
    suffix = ""
    if kind == "hours":
        unit = hours_unit(ref)
        div = UNIT_DIVISOR[unit]
        ref, lo, hi = ref / div, low / div, high / div
        decimals = unit_decimals(ref, unit)
    elif kind == "fraction":
        ref, lo, hi = ref * 100, low * 100, high * 100
        decimals = percent_decimals(ref)
        suffix = "%"
    else:
        lo, hi = low, high
        decimals = auto_decimals(ref if ref != 0 else hi)
    return f"[{format_number(lo, lang, decimals)}–{format_number(hi, lang, decimals)}{suffix}]"


@dataclass(frozen=True)
class Cell:
    """One practice's metric in a summary: mean over replications, clipped 95% interval,
    number of replications, DORA band (``""`` when the metric has none)."""

    metric: str
    mean: float
    ci_low: float
    ci_high: float
    n: int
    band: str

    @property
    def missing(self) -> bool:
        """No value (NaN, or no row in the summary)."""
        return is_missing(self.mean)

    @property
    def has_ci(self) -> bool:
        """An interval is worth showing: more than one replication, both ends known."""
        return self.n > 1 and not (
            self.missing or is_missing(self.ci_low) or is_missing(self.ci_high)
        )

    def value_text(self, lang: str = "en") -> str:
        return format_metric(self.metric, self.mean, lang)

    def ci_text(self, lang: str = "en") -> str:
        """The interval, or ``""`` when :attr:`has_ci` is false or when the interval is
        narrower than the last digit shown: ``11/day [11–11]`` says nothing, so it is left
        out (the notes under tables and figures say so)."""
        if not self.has_ci:
            return ""
        text = format_ci(self.metric, self.mean, self.ci_low, self.ci_high, lang)
        low, _, high = text.strip("[]%").partition("–")
        return "" if low == high else text

    def text(self, lang: str = "en") -> str:
        """Value and interval on one line: ``16 h [12–19]``."""
        return f"{self.value_text(lang)} {self.ci_text(lang)}".strip()

    def band_text(self, lang: str = "en") -> str:
        """The band's name, or ``""`` for a metric without band."""
        return band_name(self.band, lang) if self.band else ""


def missing_cell(metric: str) -> Cell:
    return Cell(metric, math.nan, math.nan, math.nan, 0, "")


def summary_cell(summary: pd.DataFrame, practice: str, metric: str, **keys) -> Cell:
    """Read ``metric`` of ``practice`` from a summary table (``compare(...).summary`` or a
    sweep table; ``keys`` pick a sweep's point, e.g. ``**{"build.runners": 2}``).

    A missing row gives a :func:`missing_cell`; the interval is clipped to what the
    metric can be (:func:`clip_interval`).
    """
    # numpy masks and one positional row: a pandas boolean index per cell made the
    # explorer's scorecard (36 cells) take a tenth of a second
    mask = (summary["practice"].to_numpy() == practice) & (summary["metric"].to_numpy() == metric)
    for key, value in keys.items():
        mask &= summary[key].to_numpy() == value
    hits = np.flatnonzero(mask)
    if not len(hits):
        return missing_cell(metric)
    row = summary.iloc[int(hits[0])]
    n = row.get("n", 1)
    band = row.get("band", "")
    low, high = clip_interval(
        metric,
        math.nan if is_missing(row.get("ci_low")) else float(row["ci_low"]),
        math.nan if is_missing(row.get("ci_high")) else float(row["ci_high"]),
    )
    return Cell(
        metric=metric,
        mean=math.nan if is_missing(row["mean"]) else float(row["mean"]),
        ci_low=low,
        ci_high=high,
        n=1 if is_missing(n) else int(n),
        band=band if isinstance(band, str) else "",
    )


__all__ = [
    "Cell",
    "clip_interval",
    "format_ci",
    "format_metric",
    "missing_cell",
    "summary_cell",
]
