"""The Python API refuses every bad argument with the documented exception family, before
any simulation starts (issue 11, class 8), and refuses runaway work up front with the
estimate and the key to change (class 2)."""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest

import cdsim
from cdsim import experiments
from cdsim.errors import ArgumentError, CdsimError, UnknownPracticeError, WorkloadError
from cdsim.workload import (
    DEFAULT_MAX_CHANGES,
    RUN_SHARE,
    count_text,
    estimate_run,
    max_changes,
)


@pytest.fixture(scope="module")
def small():
    return cdsim.load_scenario("default").with_values({"days": 5.0, "warmup_days": 1.0})


@pytest.fixture
def no_runs(monkeypatch):
    """Fail the test if any run starts: every refusal must come before the first run."""

    def forbidden(*args, **kwargs):
        raise AssertionError("a run started before the arguments were checked")

    monkeypatch.setattr(experiments, "run_once", forbidden)
    monkeypatch.setattr("cdsim.simulation.run_once", forbidden)


BAD_COMPARE = [
    ({"replications": 0}, ArgumentError, "replications must be at least 1"),
    ({"replications": -3}, ArgumentError, "replications must be at least 1"),
    ({"replications": 2.5}, ArgumentError, "as a whole number; got 2.5"),
    ({"replications": True}, ArgumentError, "got True"),
    ({"replications": "20"}, ArgumentError, "got '20'"),
    ({"replications": np.int64(0)}, ArgumentError, "got np.int64(0)"),
    ({"jobs": 1.5}, ArgumentError, "jobs must be None (every core) or a whole number"),
    ({"jobs": 0}, ArgumentError, "jobs must be None"),
    ({"jobs": "2"}, ArgumentError, "jobs must be None"),
    ({"seed": -1}, ArgumentError, "seed must be a whole number >= 0"),
    ({"seed": 1.5}, ArgumentError, "seed must be a whole number >= 0"),
    ({"band_source": "nope"}, ArgumentError, "band_source must be one of: four-keys"),
    ({"practices": "delivery"}, UnknownPracticeError, "not the text 'delivery'"),
    ({"practices": ["delivery", "ci"]}, UnknownPracticeError, "unknown practice 'ci'"),
    ({"practices": []}, UnknownPracticeError, "choose at least one practice"),
    ({"practices": 5}, UnknownPracticeError, "a list of practice names, got 5"),
    ({"practices": None}, UnknownPracticeError, "got None"),
    ({"progress": "yes"}, ArgumentError, "progress must be None or a function"),
    ({"max_changes": 0}, ArgumentError, "max_changes must be None"),
    ({"max_changes": 1.5}, ArgumentError, "max_changes must be None"),
    ({"replications": 10**12}, WorkloadError, "this compare would be worth about"),
]


@pytest.mark.parametrize(("kwargs", "kind", "message"), BAD_COMPARE)
def test_compare_refuses_bad_arguments_before_any_run(small, no_runs, kwargs, kind, message):
    with pytest.raises(kind) as caught:
        cdsim.compare(small, **kwargs)
    assert message in str(caught.value)
    assert isinstance(caught.value, CdsimError) and isinstance(caught.value, ValueError)
    assert caught.value.message("pt") != str(caught.value)


@pytest.mark.parametrize(
    ("kwargs", "kind", "message"),
    [
        *[case for case in BAD_COMPARE if "compare would" not in case[2]],
        ({"vary": None}, ArgumentError, "vary must be a mapping"),
        ({"vary": {}}, ArgumentError, "give at least one key to vary"),
        ({"vary": {"build.runners": []}}, ArgumentError, "give at least one value"),
        ({"vary": {"build.runners": "123"}}, ArgumentError, "give a list of values"),
        ({"vary": {"build.runners": 3}}, ArgumentError, "give a list of values"),
        ({"vary": {"approval.delay": [{"dist": "fixed"}]}}, ArgumentError, "a single field"),
        ({"vary": {1: [1]}}, cdsim.ScenarioError, "a key is dotted text"),
        ({"vary": {"build.runnerz": [1]}}, cdsim.ScenarioError, "unknown key 'build.runnerz'"),
        ({"vary": {"build.runners": [1, 0]}}, cdsim.ScenarioError, "must be at least 1"),
        ({"vary": {"days": list(range(1, 10**4)), "build.runners": list(range(1, 100))}},
         WorkloadError, "this sweep asks for"),
        ({"vary": {"team.developers": [1, 10_000]}, "replications": 50},
         WorkloadError, "the biggest run: 150 000 commits: 10000 developers"),
    ],
)  # fmt: skip
def test_sweep_refuses_bad_arguments_before_any_run(small, no_runs, kwargs, kind, message):
    kwargs = {"vary": {"build.runners": [1, 2]}, **kwargs}
    vary = kwargs.pop("vary")
    started = time.perf_counter()
    with pytest.raises(kind) as caught:
        cdsim.sweep(small, vary, **kwargs)
    assert message in str(caught.value), str(caught.value)
    assert time.perf_counter() - started < 30  # refused by estimate, not by running


@pytest.mark.parametrize(
    ("args", "kwargs", "kind", "message"),
    [
        (("default",), {}, ArgumentError, "simulate() takes a Scenario"),
        ((None,), {}, ArgumentError, "simulate() takes a Scenario"),
        ((), {"practice": "yolo"}, UnknownPracticeError, "unknown practice 'yolo'"),
        ((), {"seed": -1}, ArgumentError, "seed must be a whole number >= 0"),
        ((), {"replication": 0.5}, ArgumentError, "replication must be a whole number"),
        ((), {"max_changes": -1}, ArgumentError, "max_changes"),
    ],
)
def test_simulate_refuses_bad_arguments(small, no_runs, args, kwargs, kind, message):
    with pytest.raises(kind) as caught:
        cdsim.simulate(*(args or (small,)), **kwargs)
    assert message in str(caught.value)


def test_compare_takes_numpy_integers(small):
    result = cdsim.compare(
        small, replications=np.int64(1), seed=np.uint8(3), jobs=np.int32(1), practices=("delivery",)
    )
    assert result.replications == 1 and result.seed == 3


@pytest.mark.parametrize(
    ("values", "practice", "cause"),
    [
        ({"team.developers": 10_000, "days": 3650}, "deployment", "10000 developers"),
        ({"release.every_days": 1e-6}, "integration", "release.every_days = 1e-06"),
        ({"build.flaky_probability": 0.99999}, "delivery", "each change is built"),
    ],
)
def test_runaway_runs_are_refused_with_the_estimate_and_the_key(no_runs, values, practice, cause):
    scenario = cdsim.load_scenario("default").with_values(values)
    started = time.perf_counter()
    with pytest.raises(WorkloadError) as caught:
        cdsim.simulate(scenario, practice)
    message = str(caught.value)
    assert time.perf_counter() - started < 5
    assert cause in message and "more than one run may" in message
    assert "--max-changes" in message and "CDSIM_MAX_CHANGES" in message
    assert "mudanças de trabalho" in caught.value.message("pt")


def test_the_limit_can_be_raised(small, monkeypatch):
    estimate = estimate_run(small, "deployment")
    assert 100 < estimate.changes < 400
    limit = int(estimate.work * RUN_SHARE) - 1  # one run just over a fifth of it
    with pytest.raises(WorkloadError):
        cdsim.simulate(small, "deployment", max_changes=limit)
    assert len(cdsim.simulate(small, "deployment", max_changes=limit + 10).changes) > 0
    monkeypatch.setenv("CDSIM_MAX_CHANGES", str(limit))
    assert max_changes() == limit
    with pytest.raises(WorkloadError):
        cdsim.simulate(small, "deployment")
    monkeypatch.setenv("CDSIM_MAX_CHANGES", "lots")
    with pytest.raises(ArgumentError, match="CDSIM_MAX_CHANGES must be a whole number"):
        cdsim.simulate(small, "deployment")
    monkeypatch.delenv("CDSIM_MAX_CHANGES")
    assert max_changes() == DEFAULT_MAX_CHANGES


def test_the_estimate_is_close_to_what_runs(small):
    for practice in cdsim.PRACTICES:
        estimate = estimate_run(small, practice)
        actual = len(cdsim.simulate(small, practice, seed=2).changes)
        assert 0.7 * estimate.changes < actual < 1.3 * estimate.changes


def test_more_jobs_than_cores_start_no_more_processes_than_cores():
    cores = experiments.default_jobs()
    assert experiments.worker_count(10_000, 10_000) == cores
    assert experiments.worker_count(None, 1) == 1
    assert experiments.worker_count(2, 60) == min(2, cores)


def test_a_sweep_keeps_no_tables(small, monkeypatch):
    """A sweep's runs send back their metrics only (cdsim/sweeping.py): no table."""
    from cdsim import sweeping

    seen = []
    real = sweeping.run_metrics

    def spy(task):
        metrics = real(task)
        seen.append(type(metrics))
        return metrics

    monkeypatch.setattr(sweeping, "run_metrics", spy)
    cdsim.sweep(small, {"build.runners": [1, 2]}, replications=1, jobs=1, practices=["delivery"])
    assert seen == [dict, dict]


def test_a_progress_function_of_the_wrong_shape_is_refused_up_front(small, no_runs):
    with pytest.raises(ArgumentError, match="progress must be None or a function"):
        cdsim.compare(small, progress=lambda done: None)
    cdsim.arguments.progress(print)  # a builtin without a signature is trusted


def _compare_in_a_pool_worker(_):
    scenario = cdsim.load_scenario("default").with_values({"days": 5.0, "warmup_days": 1.0})
    return len(cdsim.compare(scenario, replications=2, jobs=2, practices=["delivery"]).runs)


def test_jobs_inside_a_pool_worker_run_in_that_worker():
    """A daemonic worker may not start processes: its compare runs there, one by one."""
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(1) as pool:
        assert pool.map(_compare_in_a_pool_worker, [0]) == [2]


def test_a_wrong_scenario_is_refused_naming_the_function_called(small, no_runs):
    with pytest.raises(ArgumentError, match=r"^compare\(\) takes a Scenario"):
        cdsim.compare("default")
    with pytest.raises(ArgumentError, match=r"^sweep\(\) takes a Scenario"):
        cdsim.sweep("default", {"days": [5]})
    with pytest.raises(ArgumentError, match=r"^compare\(\) takes a Scenario"):
        experiments.check_work("x", 2)
    with pytest.raises(ArgumentError, match=r"^sweep\(\) takes a Scenario"):
        experiments.check_work("x", 2, vary={"days": [5]})


def test_a_runaway_compare_states_how_many_runs_it_would_make(small, no_runs):
    with pytest.raises(WorkloadError) as caught:
        cdsim.compare(small, replications=10**9, practices=["delivery", "integration"])
    assert "this compare would be worth about" in str(caught.value)
    assert f"in {count_text(2 * 10**9)} runs" in str(caught.value)


def test_check_work_checks_a_compare_without_running_it(small, no_runs):
    """What the command line calls before it opens the result folder: the replications
    and practices checked, and runaway work refused, with no run made."""
    assert experiments.check_work(small, 3) == (3, tuple(cdsim.PRACTICES))
    assert experiments.check_work(small, np.int64(2), ["delivery"]) == (2, ("delivery",))
    with pytest.raises(ArgumentError, match="replications must be at least 1"):
        experiments.check_work(small, 0)
    with pytest.raises(UnknownPracticeError, match="unknown practice 'ci'"):
        experiments.check_work(small, 2, ["ci"])
    with pytest.raises(WorkloadError) as caught:
        experiments.check_work(small, 10**9, ["delivery"])
    assert "this compare would be worth about" in str(caught.value)
    assert f"in {count_text(10**9)} runs" in str(caught.value)
    work = estimate_run(small, "delivery").work
    limit = int(work * RUN_SHARE * 2) + 1  # one run is far below its share of the limit
    reps = int(limit // work)  # these fit, one more does not
    assert experiments.check_work(small, reps, ["delivery"], max_changes=limit)[0] == reps
    with pytest.raises(WorkloadError, match="this compare would be worth"):
        experiments.check_work(small, reps + 1, ["delivery"], max_changes=limit)


def test_check_work_checks_a_sweep_as_its_plan(small, no_runs):
    vary = {"build.runners": [1, 2]}
    assert experiments.check_work(small, 2, ["delivery"], vary=vary) == (2, ("delivery",))
    with pytest.raises(ArgumentError, match="replications must be at least 1"):
        experiments.check_work(small, 0, vary=vary)
    with pytest.raises(WorkloadError, match="this sweep asks for 6 000 000 runs"):
        experiments.check_work(small, 10**6, vary=vary)


def test_runs_asked_without_tables_keep_only_their_metrics(small):
    tasks = [(small, "delivery", 4, 0), (small, "deployment", 4, 1)]
    whole = experiments.run_tasks(tasks, 1)
    lean = experiments.run_tasks(tasks, 1, tables=False)
    for full, kept in zip(whole, lean, strict=True):
        assert (kept.practice, kept.replication) == (full.practice, full.replication)
        pd.testing.assert_series_equal(kept.metrics, full.metrics)
        assert len(full.changes) > 0
        assert kept.changes.empty and kept.deployments.empty and kept.incidents.empty
