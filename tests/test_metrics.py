"""Every metric of docs/model.md ("What is measured"), pinned on small tables made by hand.

The tables are built the way a run builds them (``changes_table``, ``deployments_table``,
``incidents_table`` of cdsim/records.py, so the ``in_window`` columns are the model's own)
and every expected value below is worked out by hand in the comments, from the definitions
in docs/model.md and docs/results.md. The table holds what the definitions turn on: rows
exactly on both edges of the window, rows before and after it, failed deploys, redeploys,
a change committed in the window but not deployed, a change committed before the window
but deployed in it, and incidents outside the window with long restores.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from cdsim.change import TIME_CATEGORIES, Change
from cdsim.metrics.definitions import KINDS, METRICS, metric_kind, metrics_of_kind
from cdsim.metrics.dora import run_metrics
from cdsim.metrics.stats import mean_ci, t_quantile_975
from cdsim.records import (
    DeploymentRow,
    IncidentRow,
    Window,
    changes_table,
    deployments_table,
    incidents_table,
)

# The window: from hour 24 (end of the warm-up) to hour 72 (the horizon): two days.
WINDOW = Window(24.0, 72.0)


def change(
    change_id: int,
    commit: float,
    production: float = math.nan,
    sent_back: int = 0,
    **spent: float,
) -> Change:
    """A change committed at ``commit``, live at ``production`` (NaN: not yet), sent back
    ``sent_back`` times, whose lead time went to the parts given in ``spent`` (hours)."""
    c = Change(change_id, 0, 100.0, commit, False, (0.5, 0.5, 0.5, 0.5))
    c.production_hours = production
    c.deploy_id = -1 if math.isnan(production) else 0
    c.rework_count = sent_back
    for part, hours in spent.items():
        c.spent_hours[TIME_CATEGORIES.index(part)] = hours
    return c


def deploy(deploy_id, start, batch, failed=False, redeploy=False) -> DeploymentRow:
    return DeploymentRow(
        deploy_id=deploy_id,
        start_hours=start,
        end_hours=start + 0.5,
        batch_size=batch,
        culprits=int(failed),
        failed=failed,
        cause="defect" if failed else "",
        manual=False,
        redeploy=redeploy,
    )


def incident(incident_id, start, restored) -> IncidentRow:
    return IncidentRow(
        incident_id=incident_id,
        deploy_id=incident_id,
        start_hours=start,
        detected_hours=start,
        restored_hours=restored,
        batch_size=1,
        action="rollback",
    )


CHANGES = [
    # committed before the window, deployed in it: in the throughput, not in the lead time
    change(0, commit=10.0, production=30.0, sent_back=5, build=20.0),
    # committed exactly at the window's start (counted), lead 1
    change(1, commit=24.0, production=25.0, build=1.0),
    change(2, commit=30.0, production=32.0, sent_back=1, gate=2.0),  # lead 2
    change(3, commit=40.0, production=43.0, build=1.0, gate=2.0),  # lead 3
    change(4, commit=50.0, production=60.0, sent_back=2, rework=10.0),  # lead 10
    change(5, commit=60.0, sent_back=1),  # committed in the window, never deployed
    # committed exactly at the horizon: not counted; live exactly at the horizon: not either
    change(6, commit=72.0, production=72.0, sent_back=3),
    # committed in the window, live after it: a lead time of 30, not in the throughput
    change(7, commit=70.0, production=100.0, incident=30.0),
    # committed before the window, live exactly at its start: in the throughput
    change(8, commit=0.0, production=24.0, build=24.0),
]
DEPLOYS = [
    deploy(0, start=20.0, batch=10, failed=True),  # before the window
    deploy(1, start=24.0, batch=2),  # exactly at the start: counted
    deploy(2, start=30.0, batch=4, failed=True),
    deploy(3, start=35.0, batch=3, redeploy=True),
    deploy(4, start=50.0, batch=1, failed=True, redeploy=True),
    deploy(5, start=60.0, batch=2),
    deploy(6, start=72.0, batch=5, failed=True),  # exactly at the horizon: not counted
]
INCIDENTS = [
    incident(0, start=22.0, restored=122.0),  # before the window: a 100-hour restore
    incident(1, start=31.0, restored=32.0),  # 1 h
    incident(2, start=52.0, restored=55.0),  # 3 h
    incident(3, start=60.0, restored=68.0),  # 8 h
    incident(4, start=72.0, restored=122.0),  # at the horizon: a 50-hour restore, not counted
]

# Worked out by hand. Window: 48 hours = 2 days.
# Changes committed in the window: 1, 2, 3, 4, 5, 7 (6 changes); deployed: 1, 2, 3, 4, 7
# with lead times 1, 2, 3, 10, 30 (median 3, mean 46/5 = 9.2, p90 below).
# Deploys in the window: 1..5 (5, of which 2 and 4 failed; 3 and 4 are redeploys).
# Incidents in the window: 1, 2, 3 with restores 1, 3, 8 (median 3, mean 4).
EXPECTED = {
    "deploys_per_day": 5 / 2,  # failed deploys count: they are deploys
    "lead_time_median_hours": 3.0,
    "lead_time_mean_hours": 9.2,
    # 90th percentile, linear between order statistics (numpy's default, Hyndman-Fan 7):
    # position 0.9 * (5 - 1) = 3.6 -> 10 + 0.6 * (30 - 10) = 22
    "lead_time_p90_hours": 22.0,
    "change_failure_rate": 2 / 5,  # redeploys are deploys
    "release_failure_rate": 1 / 3,  # first deploys 1, 2, 5; deploy 2 failed
    "time_to_restore_median_hours": 3.0,
    "time_to_restore_mean_hours": 4.0,
    "batch_size_mean": (2 + 4 + 3 + 1 + 2) / 5,
    # live in the window, whenever committed: changes 0, 1, 2, 3, 4, 8 -> 6 in 2 days
    "throughput_per_day": 6 / 2,
    # committed in the window: sent back at least once 2, 4, 5 -> 3 of 6; 4 times in all
    "rework_rate": 3 / 6,
    "rework_per_change": 4 / 6,
    # per deployed change committed in the window (1, 2, 3, 4, 7), mean hours per part
    "time_build_queue_hours": 0.0,
    "time_build_hours": (1 + 0 + 1 + 0 + 0) / 5,
    "time_rework_hours": (0 + 0 + 0 + 10 + 0) / 5,
    "time_staging_queue_hours": 0.0,
    "time_staging_hours": 0.0,
    "time_gate_hours": (0 + 2 + 2 + 0 + 0) / 5,
    "time_deploy_queue_hours": 0.0,
    "time_deploy_hours": 0.0,
    "time_incident_hours": (0 + 0 + 0 + 0 + 30) / 5,
    "deploys": 5,
    "failed_deploys": 2,
    "redeploys": 2,
    "incidents": 3,
    "changes_committed": 6,
    "changes_deployed": 5,
    "completion": 5 / 6,
}


# Function-scoped (the tables take a millisecond): mutmut runs, for a mutant, the tests that
# called the mutated function, and a module-scoped fixture calls it in the first test only.
@pytest.fixture
def tables():
    return (
        changes_table(CHANGES, WINDOW),
        deployments_table(DEPLOYS, WINDOW),
        incidents_table(INCIDENTS, WINDOW),
    )


@pytest.fixture
def metrics(tables):
    return run_metrics(*tables, WINDOW)


def test_every_metric_is_pinned_here():
    """A new metric must get its hand-worked value in EXPECTED (and so a definition)."""
    assert set(EXPECTED) == set(METRICS)


def test_the_metrics_come_in_the_declared_order(metrics):
    assert list(metrics.index) == list(METRICS)
    assert metrics.dtype == float and metrics.name == "value"


def test_every_metric_has_its_kind():
    """The kind says how a value is shown and what it can be (definitions.py): the rates
    are fractions, the times hours, the counts counts; an unknown name is a plain number."""
    assert metric_kind("change_failure_rate") == "fraction"
    assert metric_kind("lead_time_median_hours") == "hours"
    assert metric_kind("time_gate_hours") == "hours"
    assert metric_kind("deploys_per_day") == "per_day"
    assert metric_kind("redeploys") == "count"
    assert metric_kind("batch_size_mean") == "number"
    assert metric_kind("no_such_metric") == "number"
    assert metrics_of_kind("fraction") == (
        "change_failure_rate",
        "release_failure_rate",
        "rework_rate",
        "completion",
    )
    assert metrics_of_kind("per_day") == ("deploys_per_day", "throughput_per_day")
    assert {k for m in METRICS for k in [metric_kind(m)]} <= set(KINDS)


@pytest.mark.parametrize("metric", list(EXPECTED))
def test_metric_on_the_hand_made_tables(metrics, metric):
    assert metrics[metric] == pytest.approx(EXPECTED[metric], rel=1e-12, abs=1e-12), metric


def test_the_window_is_two_days_and_half_open():
    """Window [start, end): an instant equal to the start is in, one equal to the end out."""
    assert WINDOW.days == 2.0
    assert WINDOW.contains([23.999, 24.0, 71.999, 72.0]).tolist() == [False, True, True, False]
    assert Window(0.0, 36.0).days == 1.5


def test_changes_are_in_the_window_by_commit_time(tables):
    """docs/results.md: a change is ``in_window`` when committed after the warm-up and before
    the horizon, whenever it reached production (changes 0 and 8, committed before the
    window but deployed in it, are out; 5, never deployed, and 7, deployed after the
    horizon, are in)."""
    changes = tables[0]
    assert changes.loc[changes["in_window"], "change_id"].tolist() == [1, 2, 3, 4, 5, 7]


def test_deploys_and_incidents_are_in_the_window_by_start_time(tables):
    _, deployments, incidents = tables
    assert deployments.loc[deployments["in_window"], "deploy_id"].tolist() == [1, 2, 3, 4, 5]
    assert incidents.loc[incidents["in_window"], "incident_id"].tolist() == [1, 2, 3]


def test_lead_time_and_restore_time_are_spans(tables):
    """lead time = production - commit (NaN when not deployed); restore = restored - start."""
    changes, _, incidents = tables
    assert changes["lead_time_hours"].tolist()[:5] == [20.0, 1.0, 2.0, 3.0, 10.0]
    assert math.isnan(changes["lead_time_hours"][5])
    assert incidents["restore_hours"].tolist() == [100.0, 1.0, 3.0, 8.0, 50.0]
    # where the time went: NaN for a change not in production, the booked hours otherwise
    assert math.isnan(changes.loc[5, "rework_hours"])
    assert changes.loc[4, "rework_hours"] == 10.0 and changes.loc[4, "build_hours"] == 0.0


def test_median_and_mean_are_not_the_same_statistic(metrics):
    """The tables are built so that every median differs from its mean: reporting one for
    the other cannot pass."""
    assert metrics["lead_time_median_hours"] != metrics["lead_time_mean_hours"]
    assert metrics["time_to_restore_median_hours"] != metrics["time_to_restore_mean_hours"]
    assert metrics["change_failure_rate"] != metrics["release_failure_rate"]


def test_empty_tables_measure_nothing():
    """No change, deploy or incident: the counts and per-day rates are 0, every other metric
    is NaN (nothing to measure), never 0 (which would read as a perfect score)."""
    values = run_metrics(
        changes_table([], WINDOW),
        deployments_table([], WINDOW),
        incidents_table([], WINDOW),
        WINDOW,
    )
    zero = {
        "deploys_per_day",
        "throughput_per_day",
        "deploys",
        "failed_deploys",
        "redeploys",
        "incidents",
        "changes_committed",
        "changes_deployed",
    }
    assert list(values.index) == list(METRICS)
    for metric in METRICS:
        if metric in zero:
            assert values[metric] == 0.0, metric
        else:
            assert math.isnan(values[metric]), metric


def test_rows_outside_the_window_measure_nothing_either():
    """Tables whose rows all lie outside the window give the same answer as empty ones."""
    outside = [change(0, commit=5.0, production=6.0, sent_back=2, build=1.0)]
    values = run_metrics(
        changes_table(outside, WINDOW),
        deployments_table([deploy(0, start=80.0, batch=1, failed=True)], WINDOW),
        incidents_table([incident(0, start=90.0, restored=91.0)], WINDOW),
        WINDOW,
    )
    assert values["deploys"] == 0 and values["incidents"] == 0
    assert values["changes_committed"] == 0 and values["throughput_per_day"] == 0
    for metric in (
        "change_failure_rate",
        "release_failure_rate",
        "time_to_restore_median_hours",
        "lead_time_median_hours",
        "rework_rate",
        "batch_size_mean",
        "completion",
        "time_build_hours",
    ):
        assert math.isnan(values[metric]), metric


def test_a_window_with_only_redeploys_has_no_release_failure_rate():
    """release_failure_rate is over first deploys only: with none, it is NaN, while the
    change failure rate still counts the redeploys."""
    values = run_metrics(
        changes_table([], WINDOW),
        deployments_table([deploy(0, 30.0, 2, failed=True, redeploy=True)], WINDOW),
        incidents_table([], WINDOW),
        WINDOW,
    )
    assert values["change_failure_rate"] == 1.0 and values["redeploys"] == 1
    assert math.isnan(values["release_failure_rate"])


def test_one_incident_is_its_own_median_and_mean():
    values = run_metrics(
        changes_table([], WINDOW),
        deployments_table([deploy(0, 30.0, 1, failed=True)], WINDOW),
        incidents_table([incident(0, 30.5, 33.0)], WINDOW),
        WINDOW,
    )
    assert values["time_to_restore_median_hours"] == values["time_to_restore_mean_hours"] == 2.5


def test_run_metrics_agree_with_the_definitions_on_a_simulated_run(default_scenario):
    """The same definitions, written again with plain pandas from docs/model.md, on the
    tables of a real (small) run: the two computations agree to rounding."""
    from cdsim import simulate

    scenario = default_scenario.with_values({"days": 15.0, "warmup_days": 2.0})
    run = simulate(scenario, "delivery", seed=4)
    ch, dep, inc, w = run.changes, run.deployments, run.incidents, run.window
    days = (w.end_hours - w.start_hours) / 24
    committed = ch[(ch["commit_hours"] >= w.start_hours) & (ch["commit_hours"] < w.end_hours)]
    done = committed.dropna(subset=["production_hours"])
    d = dep[(dep["start_hours"] >= w.start_hours) & (dep["start_hours"] < w.end_hours)]
    i = inc[(inc["start_hours"] >= w.start_hours) & (inc["start_hours"] < w.end_hours)]
    live = ch["production_hours"].between(w.start_hours, w.end_hours, inclusive="left")
    lead = done["production_hours"] - done["commit_hours"]
    by_hand = {
        "deploys_per_day": len(d) / days,
        "lead_time_median_hours": lead.median(),
        "lead_time_mean_hours": lead.mean(),
        "lead_time_p90_hours": np.quantile(lead, 0.9),
        "change_failure_rate": d["failed"].sum() / len(d),
        "throughput_per_day": live.sum() / days,
        "rework_rate": (committed["rework_count"] >= 1).sum() / len(committed),
        "batch_size_mean": d["batch_size"].sum() / len(d),
        "completion": len(done) / len(committed),
    }
    if len(i):
        restore = i["restored_hours"] - i["start_hours"]
        by_hand["time_to_restore_median_hours"] = restore.median()
        by_hand["time_to_restore_mean_hours"] = restore.mean()
    values = run.metrics()
    assert len(d) > 5 and len(done) > 50  # enough to tell the statistics apart
    for metric, value in by_hand.items():
        assert values[metric] == pytest.approx(value, rel=1e-9), metric
    assert values["lead_time_median_hours"] != pytest.approx(values["lead_time_mean_hours"])
    pd.testing.assert_series_equal(
        run.metrics(), run_metrics(run.changes, run.deployments, run.incidents, run.window)
    )


# ------------------------------------------------------- the mean and its interval


def test_the_t_quantile_is_the_table_then_cornish_fisher():
    """t_{0.975, df}: the tabulated four-decimal values up to df = 30, then the Cornish-Fisher
    expansion of Abramowitz & Stegun 26.7.5 to the 1/df^2 term, whose error is under 1e-4
    (checked against scipy over df = 31..400)."""
    from scipy import stats

    assert t_quantile_975(1) == 12.7062 and t_quantile_975(30) == 2.0423  # the table's own
    assert math.isnan(t_quantile_975(0))
    z = 1.959964
    for df in range(31, 401):
        series = z + (z**3 + z) / (4 * df) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)
        assert t_quantile_975(df) == pytest.approx(series, rel=1e-12)
        assert abs(t_quantile_975(df) - stats.t.ppf(0.975, df)) < 1e-4


def test_mean_ci_of_nothing_finite_has_n_zero():
    """Only finite values count: NaN, infinity and None are left out, and with none left
    the mean is NaN over n = 0 replications (not 1)."""
    mean, low, high, n = mean_ci([math.nan, math.inf, None])
    assert n == 0 and math.isnan(mean) and math.isnan(low) and math.isnan(high)
    assert mean_ci([1, 2, None, 3])[0::3] == (2.0, 3)
    assert mean_ci(np.array([4]))[:] == (4.0, 4.0, 4.0, 1)
