"""A table of runs summarised: mean, 95% interval and DORA band of every metric per group.

:func:`summarise` is what :func:`cdsim.compare` and :func:`cdsim.sweep` return as their
summary; a streamed sweep calls it once per finished point (``cdsim/sweeping.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from cdsim.metrics.bands import DEFAULT_SOURCE, classify
from cdsim.metrics.definitions import BANDED_METRICS, METRICS, metric_kind
from cdsim.metrics.stats import mean_ci

SUMMARY_COLUMNS = ("metric", "mean", "ci_low", "ci_high", "n", "band")
"""The columns of a summary after its group columns."""


def summarise(
    runs: pd.DataFrame,
    by: Sequence[str] = ("practice",),
    band_source: str = DEFAULT_SOURCE,
) -> pd.DataFrame:
    """Mean and 95% CI of every metric per group; DORA band for the four keys."""
    rows = []
    for keys, group in runs.groupby(list(by), sort=False):
        keys = keys if isinstance(keys, tuple) else (keys,)
        for metric in METRICS:
            mean, low, high, n = mean_ci(group[metric])
            # every metric is >= 0, and rates are <= 1: the interval is clipped to that
            low = max(low, 0.0)
            if metric_kind(metric) == "fraction":
                high = min(high, 1.0)
            band = classify(metric, mean, band_source) if metric in BANDED_METRICS else ""
            rows.append(
                {
                    **dict(zip(by, keys, strict=True)),
                    "metric": metric,
                    "mean": mean,
                    "ci_low": low,
                    "ci_high": high,
                    "n": n,
                    "band": band,
                }
            )
    table = pd.DataFrame(rows, columns=[*by, *SUMMARY_COLUMNS])
    table.attrs["band_source"] = band_source  # which published table the bands come from
    return table


__all__ = ["SUMMARY_COLUMNS", "summarise"]
