"""Every metric cdsim reports: its name and its kind. The one place they are declared.

The kind says what a value is, and so how it is shown and what it can be:

- ``per_day``: a rate per day of the measured window (``4.1/day``);
- ``hours``: a duration in hours (shown in minutes, hours or days);
- ``fraction``: a share between 0 and 1 (shown as a percentage);
- ``count``: a whole number of things in the window;
- ``number``: any other number (a mean batch size, say).
"""

from __future__ import annotations

from cdsim.change import TIME_CATEGORIES

FOUR_KEYS: tuple[str, ...] = (
    "deploys_per_day",
    "lead_time_median_hours",
    "change_failure_rate",
    "time_to_restore_median_hours",
)
"""The DORA four keys, each placed in a DORA band."""
BANDED_METRICS = FOUR_KEYS  # the public name: the metrics that get a band

METRIC_KINDS: dict[str, str] = {
    "deploys_per_day": "per_day",
    "lead_time_median_hours": "hours",
    "lead_time_mean_hours": "hours",
    "lead_time_p90_hours": "hours",
    "change_failure_rate": "fraction",
    "release_failure_rate": "fraction",
    "time_to_restore_median_hours": "hours",
    "time_to_restore_mean_hours": "hours",
    "batch_size_mean": "number",
    "throughput_per_day": "per_day",
    "rework_rate": "fraction",
    "rework_per_change": "number",
    **{f"time_{part}_hours": "hours" for part in TIME_CATEGORIES},
    "deploys": "count",
    "failed_deploys": "count",
    "redeploys": "count",
    "incidents": "count",
    "changes_committed": "count",
    "changes_deployed": "count",
    "completion": "fraction",
}
"""Every metric of a run, in table order, with its kind."""

METRICS: tuple[str, ...] = tuple(METRIC_KINDS)
KINDS: tuple[str, ...] = ("per_day", "hours", "fraction", "count", "number")


def metric_kind(metric: str) -> str:
    """The kind of ``metric`` (see the module's docstring); ``number`` for an unknown name."""
    return METRIC_KINDS.get(metric, "number")


def metrics_of_kind(kind: str) -> tuple[str, ...]:
    return tuple(name for name, k in METRIC_KINDS.items() if k == kind)


__all__ = [
    "BANDED_METRICS",
    "FOUR_KEYS",
    "KINDS",
    "METRICS",
    "METRIC_KINDS",
    "metric_kind",
    "metrics_of_kind",
]
