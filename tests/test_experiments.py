"""Experiments: common random numbers, reproducibility, parallel runs, confidence intervals."""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import math
import os

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import cdsim
from cdsim.metrics.bands import classify
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


# ------------------------------------------------------------ how runs are dispatched


class FakePool(cf.Executor):
    """Stands in for the local process pool: runs each chunk in this process at once, and
    records how it was asked to (workers, chunk sizes)."""

    made: list[FakePool] = []

    def __init__(self, max_workers):
        self._max_workers = max_workers
        self.chunks: list[int] = []
        FakePool.made.append(self)

    def submit(self, function, fn, chunk):
        self.chunks.append(len(chunk))
        future = cf.Future()
        future.set_result(function(fn, chunk))
        return future


@contextlib.contextmanager
def fake_local_pool(processes):
    yield FakePool(processes)


def use_fake_pool(monkeypatch, cores):
    from cdsim import executors, experiments

    FakePool.made = []
    monkeypatch.setattr(executors, "local_pool", fake_local_pool)
    monkeypatch.setattr(executors, "default_jobs", lambda: cores)
    monkeypatch.setattr(experiments, "default_jobs", lambda: cores)
    return FakePool.made


@pytest.fixture
def fake_pool(monkeypatch):
    from cdsim import experiments

    monkeypatch.setattr(experiments, "_one_run", lambda task: ("ran", task))
    return use_fake_pool(monkeypatch, cores=16)  # a 16-core machine


@pytest.mark.parametrize(
    ("tasks", "jobs", "workers", "chunksize"),
    [
        # workers = min(jobs, tasks, cores); chunks of tasks // (2 workers), 1 to POOL_CHUNK
        (12, 2, 2, 3),
        (10, 2, 2, 2),
        (5, 2, 2, 1),
        (40, 4, 4, 3),
        (8, 16, 8, 1),
    ],
)
def test_parallel_runs_go_to_the_workers_in_chunks(fake_pool, tasks, jobs, workers, chunksize):
    from cdsim.experiments import run_tasks

    calls = []
    results = run_tasks(list(range(tasks)), jobs, progress=lambda *a: calls.append(a))
    assert results == [("ran", t) for t in range(tasks)]  # in the order of the tasks
    assert len(fake_pool) == 1 and fake_pool[0]._max_workers == workers
    assert max(fake_pool[0].chunks) == chunksize and sum(fake_pool[0].chunks) == tasks
    assert calls == [(done, tasks) for done in range(1, tasks + 1)]


@pytest.mark.parametrize(("tasks", "jobs"), [(6, 1), (1, 4)])
def test_one_job_or_one_task_runs_here(fake_pool, tasks, jobs):
    from cdsim.experiments import run_tasks

    calls = []
    results = run_tasks(list(range(tasks)), jobs, progress=lambda *a: calls.append(a))
    assert results == [("ran", t) for t in range(tasks)] and fake_pool == []
    assert calls == [(done, tasks) for done in range(1, tasks + 1)]


def test_runs_on_an_executor_keep_a_window_of_four_chunks_per_worker(fake_pool):
    """The memory bound of docs/scaling.md: no more than WINDOW_PER_WORKER chunks per
    worker in flight before the first result is taken (three workers: twelve)."""
    from cdsim import executors
    from cdsim.experiments import run_tasks

    pool = FakePool(3)
    sent = []  # chunks submitted when each result is taken
    run_tasks(list(range(60)), executor=pool, progress=lambda *_: sent.append(len(pool.chunks)))
    assert sent[0] == executors.WINDOW_PER_WORKER * 3 == 12


def test_a_comparison_runs_on_the_executor_it_is_given(small):
    """Its runs are submitted to ``executor`` (the local pool is never made), and give
    the same numbers as in this process."""
    pool = FakePool(2)
    on_pool = cdsim.compare(small, replications=2, seed=4, executor=pool)
    assert sum(pool.chunks) == 2 * len(cdsim.PRACTICES)
    here = cdsim.compare(small, replications=2, seed=4, jobs=1)
    pd.testing.assert_frame_equal(on_pool.runs, here.runs)


def test_no_jobs_given_means_every_core_and_never_more(fake_pool, monkeypatch):
    from cdsim import executors, experiments

    monkeypatch.undo()  # the real default_jobs
    assert executors.default_jobs() == (os.cpu_count() or 1)
    monkeypatch.setattr(os, "cpu_count", lambda: None)
    assert executors.default_jobs() == 1
    made = use_fake_pool(monkeypatch, cores=3)
    monkeypatch.setattr(experiments, "_one_run", lambda task: ("ran", task))
    experiments.run_tasks(list(range(12)), None)
    experiments.run_tasks(list(range(12)), 8)  # more jobs than cores: the cores
    assert [pool._max_workers for pool in made] == [3, 3]


def test_compare_and_sweep_pass_on_jobs_progress_and_bands(monkeypatch, default_scenario):

    use_fake_pool(monkeypatch, cores=16)
    tiny = default_scenario.with_values({"days": 3.0, "warmup_days": 1.0, "team.developers": 2})
    calls = []
    res = cdsim.compare(
        tiny, replications=2, seed=3, jobs=3, progress=lambda *a: calls.append(a),
        band_source="four-keys", practices=["deployment", "integration"],
    )  # fmt: skip
    assert FakePool.made[0]._max_workers == 3 and calls[-1] == (4, 4)  # 3: not every core
    assert res.practices == ("integration", "deployment")
    assert res.summary.attrs["band_source"] == "four-keys"
    for row in res.summary.itertuples():
        expected = (
            classify(row.metric, row.mean, "four-keys")
            if row.metric in cdsim.BANDED_METRICS
            else ""
        )
        assert row.band == expected, row
    assert res.changes.index.equals(pd.RangeIndex(len(res.changes)))
    table = res.table()
    assert list(table.index) == ["integration", "deployment"]
    assert list(table.columns) == list(cdsim.BANDED_METRICS)
    lead = res.summary.set_index(["practice", "metric"])["mean"]
    assert (
        table.loc["deployment", "lead_time_median_hours"]
        == lead[("deployment", "lead_time_median_hours")]
    )
    assert list(res.table(["rework_rate"]).columns) == ["rework_rate"]

    FakePool.made, calls[:] = [], []
    table = cdsim.sweep(
        tiny, {"build.runners": [1, 2]}, replications=2, jobs=3, band_source="dora-2021",
        progress=lambda *a: calls.append(a), practices=["deployment"],
    )  # fmt: skip
    assert FakePool.made[0]._max_workers == 3 and calls[-1] == (4, 4)
    assert table.attrs["band_source"] == "dora-2021"
    lead = table[table["metric"] == "lead_time_median_hours"]
    assert (
        lead["band"] == [classify("lead_time_median_hours", m, "dora-2021") for m in lead["mean"]]
    ).all()


def test_the_documented_defaults():
    """compare: 20 replications, seed 1 (the figures of docs/model.md); sweep: 5
    replications, seed 1; both on every core, in the DORA 2023 bands."""
    import inspect

    compare = inspect.signature(cdsim.compare).parameters
    sweep = inspect.signature(cdsim.sweep).parameters
    assert (compare["replications"].default, compare["seed"].default) == (20, 1)
    assert (sweep["replications"].default, sweep["seed"].default) == (5, 1)
    assert compare["jobs"].default is None and sweep["jobs"].default is None
    assert compare["band_source"].default == sweep["band_source"].default == "dora-2023"


class Planned(Exception):
    """Raised by a stand-in for the runs, once it has seen what would run."""


def test_a_call_without_the_defaults_runs_what_they_say(small, monkeypatch):
    """The defaults as the calls use them (not only as the signature shows them): compare
    makes 20 replications of every practice with seed 1, sweep 5 with seed 1; no run is
    made (the work is caught before it starts)."""
    from cdsim import experiments

    seen = {}

    def compare_runs(tasks, jobs, progress, executor):
        seen["compare"] = tasks
        raise Planned

    def sweep_runs(plan, **kwargs):
        seen["sweep"] = plan
        raise Planned

    monkeypatch.setattr(experiments, "run_tasks", compare_runs)
    monkeypatch.setattr(experiments, "run_sweep", sweep_runs)
    with pytest.raises(Planned):
        cdsim.compare(small)
    with pytest.raises(Planned):
        cdsim.sweep(small, {"build.runners": [1, 2]})
    tasks = seen["compare"]
    assert len(tasks) == 20 * len(cdsim.PRACTICES)
    assert {seed for _, _, seed, _ in tasks} == {1}
    assert sorted({r for _, _, _, r in tasks}) == list(range(20))
    assert (seen["sweep"].replications, seen["sweep"].seed) == (5, 1)


def test_a_sweep_without_keys_says_what_to_give(small):
    with pytest.raises(cdsim.ScenarioError, match="^give at least one key to vary$"):
        cdsim.sweep(small, {})


# ------------------------------------------------------ the streamed sweep, in detail
def test_a_sweeps_table_is_indexed_from_zero_and_keeps_its_band_table(small):
    table = cdsim.sweep(
        small,
        {"build.runners": [1, 3]},
        replications=2,
        jobs=1,
        practices=["delivery"],
        band_source="dora-2021",
    )
    assert table.index.equals(pd.RangeIndex(len(table)))
    assert table.attrs["band_source"] == "dora-2021"
    runs = cdsim.compare(
        small.with_values({"build.runners": 3}),
        replications=2,
        jobs=1,
        practices=["delivery"],
        band_source="dora-2021",
    )
    point = table[table["build.runners"] == 3].drop(columns="build.runners")
    pd.testing.assert_frame_equal(
        point.reset_index(drop=True), runs.summary, check_like=False, check_dtype=False
    )


def test_a_sweep_sends_its_runs_a_few_at_a_time_and_a_window_at_once(small, monkeypatch):
    """Chunks of at most POOL_CHUNK runs and WINDOW_PER_WORKER chunks per worker in flight
    (three workers: chunks of 3, twelve in flight), whatever the executor."""
    from cdsim import executors, sweeping
    from cdsim.experiments import plan_sweep

    monkeypatch.setattr(sweeping, "run_metrics", lambda task: {})
    plan = plan_sweep(small, {"build.runners": [1, 2, 3]}, 4, practices=["delivery", "deployment"])
    assert plan.runs == 24
    pool = FakePool(3)
    sent = []
    sweeping.run_sweep(plan, executor=pool, progress=lambda *_: sent.append(len(pool.chunks)))
    assert pool.chunks == [executors.POOL_CHUNK] * 8 and sent[0] == 8
    pool = FakePool(3)
    sent = []
    plan = plan_sweep(small, {"build.runners": list(range(1, 10))}, 4, practices=["delivery"])
    sweeping.run_sweep(plan, executor=pool, progress=lambda *_: sent.append(len(pool.chunks)))
    assert max(pool.chunks) == executors.POOL_CHUNK and sent[0] == 12


def test_run_sweep_keeps_tables_only_in_a_checkpoint(small):
    from cdsim import sweeping
    from cdsim.experiments import plan_sweep

    plan = plan_sweep(small, {"build.runners": [1]}, 1, practices=["delivery"])
    with pytest.raises(ValueError, match="^a sweep keeps its runs' tables only in a checkpoint"):
        sweeping.run_sweep(plan, tables=True)


@pytest.mark.parametrize(
    ("vary", "message"),
    [
        (5, r"like \{'build.runners': \[1, 2, 4\]\}; got 5$"),
        (
            {1: [2]},
            r"^default \(with days, warmup_days\): a key is dotted text like 'build.runners', got 1$",
        ),
        ({"days": 5}, "^vary 'days': give a list of values, like \\[1, 2, 4\\], not 5$"),
        ({"days": []}, "^vary 'days': give at least one value to try$"),
        ({"days": [5, [6]]}, "^vary one value at a time: 'days' got \\[6\\]; vary a single"),
    ],
)
def test_a_bad_grid_is_refused_naming_what_was_given(small, vary, message):
    with pytest.raises(cdsim.CdsimError, match=message):
        cdsim.sweep(small, vary)


def test_plan_sweep_checks_and_defaults_as_sweep(small):
    """The plan a sweep (and the command line's check of it) is made from: 5 replications
    and seed 1 by default, the grid's work checked against max_changes, and a refusal that
    names sweep()."""
    from cdsim.errors import WorkloadError
    from cdsim.experiments import check_work, plan_sweep
    from cdsim.workload import estimate_run

    plan = plan_sweep(small, {"build.runners": [1, 2]})
    assert (plan.replications, plan.seed) == (5, 1)
    with pytest.raises(cdsim.CdsimError, match=r"^sweep\(\) takes a Scenario"):
        plan_sweep("default", {"days": [5]})
    vary = {"build.runners": [1, 2]}
    assert check_work(small, 2, ["delivery"], max_changes=10**6, vary=vary)[0] == 2
    with pytest.raises(WorkloadError):
        check_work(small, 2, ["delivery"], max_changes=500, vary=vary)
    longer = small.with_values({"days": 30})
    work = estimate_run(longer, "delivery").work
    with pytest.raises(WorkloadError) as caught:  # each run fits, twenty do not
        check_work(longer, 10, ["delivery"], max_changes=int(6 * work), vary=vary)
    assert "this sweep would be worth about" in str(caught.value)
    assert "changes of work in 20 runs" in str(caught.value)
