"""The DORA four keys and the extras of the design, computed from one run's tables.

Everything is measured over the window (after the warm-up, before the horizon):
deploys and incidents that *started* in it, changes *committed* in it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cdsim.change import TIME_CATEGORIES
from cdsim.metrics.definitions import METRICS
from cdsim.records import Window


def run_metrics(
    changes: pd.DataFrame, deployments: pd.DataFrame, incidents: pd.DataFrame, window: Window
) -> pd.Series:
    """All of :data:`METRICS` for one run. NaN where there is nothing to measure."""
    days = window.days
    deploys = deployments[deployments["in_window"]]
    first_deploys = deploys[~deploys["redeploy"]]
    restored = incidents[incidents["in_window"]]["restore_hours"]
    committed = changes[changes["in_window"]]
    done = committed[committed["production_hours"].notna()]
    lead = done["lead_time_hours"].to_numpy()
    live_in_window = window.contains(changes["production_hours"].to_numpy())

    values = {
        "deploys_per_day": len(deploys) / days,
        "lead_time_median_hours": _quantile(lead, 0.5),
        "lead_time_mean_hours": float(lead.mean()) if len(lead) else np.nan,
        "lead_time_p90_hours": _quantile(lead, 0.9),
        "change_failure_rate": deploys["failed"].mean() if len(deploys) else np.nan,
        # first attempts only: a release (or any deploy) before any rollback and redeploy
        "release_failure_rate": first_deploys["failed"].mean() if len(first_deploys) else np.nan,
        "time_to_restore_median_hours": _quantile(restored.to_numpy(), 0.5),
        "time_to_restore_mean_hours": restored.mean() if len(restored) else np.nan,
        "batch_size_mean": deploys["batch_size"].mean() if len(deploys) else np.nan,
        "throughput_per_day": int(live_in_window.sum()) / days,
        "rework_rate": (committed["rework_count"] > 0).mean() if len(committed) else np.nan,
        "rework_per_change": committed["rework_count"].mean() if len(committed) else np.nan,
    }
    for name in TIME_CATEGORIES:
        column = done[f"{name}_hours"]
        values[f"time_{name}_hours"] = column.mean() if len(column) else np.nan
    values.update(
        deploys=len(deploys),
        failed_deploys=int(deploys["failed"].sum()),
        redeploys=int(deploys["redeploy"].sum()),
        incidents=len(restored),
        changes_committed=len(committed),
        changes_deployed=len(done),
        completion=len(done) / len(committed) if len(committed) else np.nan,
    )
    return pd.Series({k: float(values[k]) for k in METRICS}, name="value", dtype=float)


def _quantile(values: np.ndarray, q: float) -> float:
    return float(np.quantile(values, q)) if len(values) else np.nan
