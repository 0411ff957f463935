"""Metrics: the DORA four keys and more, confidence intervals, and the DORA bands."""

from cdsim.metrics.bands import classify
from cdsim.metrics.dora import BANDED_METRICS, METRICS, run_metrics
from cdsim.metrics.stats import mean_ci

__all__ = ["BANDED_METRICS", "METRICS", "classify", "mean_ci", "run_metrics"]
