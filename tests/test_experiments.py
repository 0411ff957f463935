"""Experiments: common random numbers, reproducibility, parallel runs, confidence intervals."""

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import cdsim
from cdsim.metrics.stats import mean_ci, t_quantile_975

SMALL = {"days": 20.0, "warmup_days": 2.0}


@pytest.fixture(scope="module")
def small(default_scenario):
    return default_scenario.with_values(SMALL)


def test_every_practice_sees_the_same_commits(small):
    """Common random numbers: the same seed gives every practice the same developers'
    commits, sizes and defects."""
    columns = ["change_id", "author", "size_lines", "defect", "commit_hours"]
    tables = [cdsim.simulate(small, p, seed=5).changes[columns] for p in cdsim.PRACTICES]
    pd.testing.assert_frame_equal(tables[0], tables[1])
    pd.testing.assert_frame_equal(tables[0], tables[2])
    other = cdsim.simulate(small, "delivery", seed=6).changes
    assert not np.array_equal(other["commit_hours"][:10], tables[0]["commit_hours"][:10])


@pytest.fixture
def compared(default_scenario):
    """compare() itself, on a short scenario: 2 replications of the three practices (made
    per test: mutmut maps a module-scoped fixture's calls to the first test only)."""
    scenario = default_scenario.with_values({"days": 8.0, "warmup_days": 1.0})
    return cdsim.compare(scenario, replications=2, seed=5, jobs=1)


def run_of(res, table: str, practice: str, replication: int) -> pd.DataFrame:
    frame = getattr(res, table)
    rows = frame[(frame["practice"] == practice) & (frame["replication"] == replication)]
    return rows.drop(columns=["practice", "replication"]).reset_index(drop=True)


def test_compare_gives_every_practice_the_same_commits(compared):
    """Common random numbers through compare: in replication r, every practice sees the
    same developers, commits, sizes and defects (and the same per-defect detector draws,
    which show as the same changes caught at build, the first detector of every practice)."""
    columns = ["change_id", "author", "size_lines", "defect", "commit_hours"]
    for r in range(compared.replications):
        runs = {p: run_of(compared, "changes", p, r) for p in cdsim.PRACTICES}
        first = runs["integration"]
        assert len(first) > 50
        for practice in ("delivery", "deployment"):
            pd.testing.assert_frame_equal(runs[practice][columns], first[columns])
            caught = runs[practice]["caught_in"] == "build"
            assert (caught == (first["caught_in"] == "build")).all(), practice


def test_compare_replications_are_distinct_runs(compared):
    """Replication 1 is not replication 0 again: other commits at other times, other
    metrics, for every practice."""
    for practice in cdsim.PRACTICES:
        a = run_of(compared, "changes", practice, 0)
        b = run_of(compared, "changes", practice, 1)
        n = min(len(a), len(b))
        assert not np.allclose(a["commit_hours"][:n], b["commit_hours"][:n]), practice
        runs = compared.runs[compared.runs["practice"] == practice].set_index("replication")
        assert runs.loc[0, "lead_time_mean_hours"] != runs.loc[1, "lead_time_mean_hours"]


def test_compare_run_r_of_a_practice_is_simulate_with_replication_r(compared):
    """Each run of compare is (scenario, practice, seed, replication) and nothing else: its
    metrics and tables are those of simulate(...) called with the same four."""
    for practice in cdsim.PRACTICES:
        for r in range(compared.replications):
            run = cdsim.simulate(compared.scenario, practice, seed=compared.seed, replication=r)
            row = compared.runs[
                (compared.runs["practice"] == practice) & (compared.runs["replication"] == r)
            ]
            assert len(row) == 1
            metrics = row.iloc[0][list(cdsim.METRICS)].astype(float)
            pd.testing.assert_series_equal(metrics, run.metrics(), check_names=False)
            pd.testing.assert_frame_equal(
                run_of(compared, "deployments", practice, r), run.deployments
            )


def test_same_seed_same_numbers_serial_or_parallel(small):
    serial = cdsim.compare(small, replications=4, seed=3, jobs=1)
    parallel = cdsim.compare(small, replications=4, seed=3, jobs=2)
    for name in ("summary", "runs", "changes", "deployments", "incidents"):
        pd.testing.assert_frame_equal(getattr(serial, name), getattr(parallel, name))


def test_compare_tables_have_the_documented_shape(small):
    res = cdsim.compare(small, replications=3, seed=1, jobs=1)
    assert list(res.summary.columns) == [
        "practice",
        "metric",
        "mean",
        "ci_low",
        "ci_high",
        "n",
        "band",
    ]
    assert len(res.runs) == 3 * 3
    assert list(res.runs.columns[:2]) == ["practice", "replication"]
    assert list(res.changes.columns[:2]) == ["practice", "replication"]
    assert res.summary["practice"].unique().tolist() == list(cdsim.PRACTICES)
    assert (res.summary["ci_low"].dropna() >= 0).all()
    rates = res.summary[res.summary["metric"] == "change_failure_rate"]
    assert (rates["ci_high"] <= 1).all()
    finite = res.summary.dropna(subset=["mean"])
    assert (finite["ci_low"] <= finite["mean"]).all() and (
        finite["mean"] <= finite["ci_high"]
    ).all()
    banded = res.summary[res.summary["metric"].isin(cdsim.BANDED_METRICS)]
    assert banded["band"].isin(["elite", "high", "medium", "low", ""]).all()
    # the summary is the mean of the runs
    lead = res.runs.groupby("practice", sort=False)["lead_time_median_hours"].mean()
    summary = res.summary.set_index(["practice", "metric"])["mean"]
    for practice, value in lead.items():
        assert summary[(practice, "lead_time_median_hours")] == pytest.approx(value)


def test_replications_differ_and_seeds_reproduce(small):
    a = cdsim.simulate(small, "deployment", seed=1, replication=0).metrics()
    b = cdsim.simulate(small, "deployment", seed=1, replication=1).metrics()
    c = cdsim.simulate(small, "deployment", seed=1, replication=0).metrics()
    assert a["lead_time_mean_hours"] != b["lead_time_mean_hours"]
    pd.testing.assert_series_equal(a, c)


def test_confidence_interval_is_students_t():
    """mean +- t_{0.975, n-1} s / sqrt(n), checked against scipy."""
    for df in (1, 5, 29, 30, 31, 60, 200):
        assert t_quantile_975(df) == pytest.approx(stats.t.ppf(0.975, df), abs=2e-4)
    values = [1.0, 2.0, 4.0, 7.0]
    mean, low, high, n = mean_ci(values)
    half = stats.t.ppf(0.975, 3) * np.std(values, ddof=1) / math.sqrt(4)
    assert (mean, n) == (3.5, 4)
    assert (low, high) == pytest.approx((3.5 - half, 3.5 + half), abs=1e-3)
    assert mean_ci([2.0, np.nan]) == (2.0, 2.0, 2.0, 1)
    assert all(math.isnan(v) for v in mean_ci([])[:3])


def test_ci_covers_the_truth_about_95_percent_of_the_time():
    """Coverage of the t interval on normal data: 95% +- 3 binomial sd over 2000 trials."""
    rng = np.random.default_rng(0)
    covered = sum(
        low <= 10.0 <= high
        for low, high in (mean_ci(rng.normal(10.0, 2.0, 5))[1:3] for _ in range(2000))
    )
    assert abs(covered / 2000 - 0.95) < 3 * math.sqrt(0.95 * 0.05 / 2000)


def test_sweep_is_one_tidy_table(small):
    table = cdsim.sweep(
        small,
        {"build.runners": [1, 3]},
        replications=2,
        seed=1,
        jobs=1,
        practices=["deployment", "delivery"],
    )
    assert list(table.columns[:2]) == ["build.runners", "practice"]
    assert len(table) == 2 * 2 * len(cdsim.METRICS)
    queue = table[table["metric"] == "time_build_queue_hours"].set_index(
        ["build.runners", "practice"]
    )
    assert queue.loc[(1, "deployment"), "mean"] > queue.loc[(3, "deployment"), "mean"]


def test_bad_experiment_settings_are_refused(small):
    with pytest.raises(cdsim.ScenarioError, match="unknown practice 'ci'"):
        cdsim.compare(small, replications=1, practices=["ci"])
    with pytest.raises(cdsim.ScenarioError, match="replications must be at least 1"):
        cdsim.compare(small, replications=0)
    with pytest.raises(cdsim.ScenarioError, match=r"^default \(with build.runnerz\): unknown key"):
        cdsim.sweep(small, {"build.runnerz": [1, 2]})
    with pytest.raises(cdsim.ScenarioError, match="vary a single field"):
        cdsim.sweep(small, {"approval.delay": [{"dist": "fixed", "mean_hours": 1}]})
