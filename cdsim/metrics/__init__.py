"""Metrics: the DORA four keys and more, confidence intervals, and the DORA bands."""

from cdsim.metrics.bands import BANDS, classify
from cdsim.metrics.definitions import (
    BANDED_METRICS,
    FOUR_KEYS,
    METRIC_KINDS,
    METRICS,
    metric_kind,
)
from cdsim.metrics.dora import run_metrics
from cdsim.metrics.stats import mean_ci

__all__ = [
    "BANDED_METRICS",
    "BANDS",
    "FOUR_KEYS",
    "METRICS",
    "METRIC_KINDS",
    "classify",
    "mean_ci",
    "metric_kind",
    "run_metrics",
]
