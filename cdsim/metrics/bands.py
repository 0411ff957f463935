"""The DORA performance bands (elite, high, medium, low), read from ``data/dora_bands.csv``.

Each row of the table is a published figure with its source; the ``rule`` and
``threshold`` columns turn it into a cut-off. Bands are tried from elite down; the first
whose rule holds is the band, and a value that passes none is ``low``.
"""

from __future__ import annotations

import math
import operator
from functools import cache

import pandas as pd

from cdsim.scenario.loader import data_dir

DEFAULT_SOURCE = "dora-2023"
BANDS = ("elite", "high", "medium", "low")
_RULES = {">=": operator.ge, "<": operator.lt, "<=": operator.le}


@cache
def band_table() -> pd.DataFrame:
    """The published band limits, one row per source, metric and band."""
    return pd.read_csv(data_dir() / "dora_bands.csv", dtype={"rule": "string"})


@cache
def sources() -> tuple[str, ...]:
    return tuple(dict.fromkeys(band_table()["source"]))


@cache
def _rules(source: str, metric: str) -> tuple[tuple[str, str | None, float], ...]:
    """(band, rule, threshold) rows of ``metric`` in ``source``, elite first: read once,
    so that classifying the cells of a large sweep costs microseconds each."""
    rows = band_table()
    rows = rows[(rows["source"] == source) & (rows["metric"] == metric)]
    return tuple(
        (row.band, None if pd.isna(row.rule) else str(row.rule), float(row.threshold))
        for row in rows.itertuples()
    )


def cut_offs(metric: str, source: str = DEFAULT_SOURCE) -> list[float]:
    """The thresholds between the bands of ``metric`` in ``source``, in increasing order
    (``[24.0, 168.0, 730.0]`` for the DORA 2023 lead time)."""
    return sorted({threshold for _, rule, threshold in _rules(source, metric) if rule})


def classify(metric: str, value: float, source: str = DEFAULT_SOURCE) -> str:
    """The band of ``value`` for ``metric`` ("" when the metric has no band or value is NaN)."""
    if source not in sources():
        raise ValueError(f"unknown band source {source!r}; expected one of: {', '.join(sources())}")
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    rules = _rules(source, metric)
    if not rules:
        return ""
    for band, rule, threshold in rules:
        if rule is None or _RULES[rule](value, threshold):
            return band
    return "low"
