"""Experiments: replications, the three-practice comparison, and parameter sweeps.

Every run is identified by (scenario, practice, seed, replication) and nothing else, so
runs can go one after another or in parallel processes and give the same numbers.
Replication r of every practice uses the same random streams (common random numbers).
"""

from __future__ import annotations

import concurrent.futures as cf
import itertools
import math
import multiprocessing
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from cdsim import arguments, executors, workload
from cdsim.checkpoint import Checkpoint
from cdsim.errors import ArgumentError, ScenarioError
from cdsim.executors import default_jobs
from cdsim.metrics.bands import DEFAULT_SOURCE
from cdsim.metrics.definitions import BANDED_METRICS, METRICS
from cdsim.metrics.summary import summarise  # noqa: F401  (also cdsim.experiments.summarise)
from cdsim.practices.names import PRACTICES, check_practices
from cdsim.scenario import Scenario
from cdsim.simulation import Run, run_once
from cdsim.sweeping import SweepPlan, run_sweep

Progress = Callable[[int, int], None]


@dataclass
class RunSummary:
    """What an experiment keeps of one run: its metrics and its tables."""

    practice: str
    replication: int
    metrics: pd.Series
    changes: pd.DataFrame
    deployments: pd.DataFrame
    incidents: pd.DataFrame


@dataclass
class Comparison:
    """The result of :func:`compare` or :func:`replicate` (see docs/results.md)."""

    scenario: Scenario
    seed: int
    replications: int
    practices: tuple[str, ...]
    summary: pd.DataFrame
    runs: pd.DataFrame
    changes: pd.DataFrame
    deployments: pd.DataFrame
    incidents: pd.DataFrame

    def table(self, metrics: Sequence[str] = BANDED_METRICS) -> pd.DataFrame:
        """The summary of ``metrics`` as one row per practice (mean [low, high] band)."""
        rows = self.summary[self.summary["metric"].isin(metrics)]
        return rows.pivot(index="practice", columns="metric", values="mean").reindex(
            index=list(self.practices), columns=list(metrics)
        )


def _one_run(task: tuple[Scenario, str, int, int]) -> RunSummary:
    scenario, practice, seed, replication = task
    run: Run = run_once(scenario, practice, seed, replication, keep_events=False)
    return RunSummary(
        practice, replication, run.metrics(), run.changes, run.deployments, run.incidents
    )


def _one_run_metrics(task: tuple[Scenario, str, int, int]) -> RunSummary:
    """A run of a sweep: only its metrics travel back (a sweep keeps no tables)."""
    scenario, practice, seed, replication = task
    run: Run = run_once(scenario, practice, seed, replication, keep_events=False)
    empty = pd.DataFrame()
    return RunSummary(practice, replication, run.metrics(), empty, empty, empty)


def worker_count(jobs: int | None, tasks: int) -> int:
    """Processes that ``tasks`` runs get: ``jobs`` (None: every core), never more than
    the runs or the cores (more would only compete for them and for memory)."""
    if multiprocessing.current_process().daemon:
        return 1  # a pool's worker may not start processes of its own: run here
    wanted = default_jobs() if jobs is None else jobs
    return max(1, min(wanted, tasks, default_jobs()))


def run_tasks(
    tasks: Sequence[tuple[Scenario, str, int, int]],
    jobs: int | None = None,
    progress: Progress | None = None,
    executor: cf.Executor | None = None,
    *,
    tables: bool = True,
) -> list[RunSummary]:
    """Run every task and return the results in order of ``tasks``: on ``executor`` when
    given, else on ``jobs`` local processes (None: all cores; 1: in this process).

    With ``tables=False`` only the metrics of each run are kept.
    """
    jobs = arguments.jobs(jobs)
    one = _one_run if tables else _one_run_metrics
    results: list[RunSummary | None] = [None] * len(tasks)
    workers = len(tasks) if executor is not None else worker_count(jobs, len(tasks))
    with executors.using(executor, workers, len(tasks)) as ex:
        size, window = executors.chunking(ex, len(tasks))
        stream = executors.stream(ex, one, tasks, chunksize=size, window=window)
        for done, (index, result) in enumerate(stream, 1):
            results[index] = result
            if progress:
                progress(done, len(tasks))
    return results  # type: ignore[return-value]


def compare(
    scenario: Scenario,
    replications: int = 20,
    seed: int = 1,
    jobs: int | None = None,
    practices: Iterable[str] = PRACTICES,
    progress: Progress | None = None,
    band_source: str = DEFAULT_SOURCE,
    max_changes: int | None = None,
    executor: cf.Executor | None = None,
) -> Comparison:
    """Run ``scenario`` under each practice, ``replications`` times, and summarise.

    Every argument is checked before the first run (:class:`~cdsim.errors.ArgumentError`),
    and work beyond the limit of :mod:`cdsim.workload` is refused
    (:class:`~cdsim.errors.WorkloadError`; ``max_changes`` raises the limit).
    ``executor``: any :class:`concurrent.futures.Executor` to run on (a Dask client's
    ``get_executor(pure=False)``...; never shut down here); default: ``jobs`` local
    processes.
    """
    scenario = arguments.scenario("compare", scenario)
    replications = arguments.count("replications", replications)
    seed = arguments.seed("seed", seed)
    jobs = arguments.jobs(jobs)
    chosen = check_practices(practices)
    progress = arguments.progress(progress)
    band_source = arguments.band_source(band_source)
    limit = workload.max_changes(max_changes)
    runs = len(chosen) * replications
    workload.check([(scenario, p, replications) for p in chosen], limit, "compare", total_runs=runs)
    tasks = [(scenario, practice, seed, r) for practice in chosen for r in range(replications)]
    results = run_tasks(tasks, jobs, progress, executor)
    return _assemble(scenario, seed, replications, chosen, results, band_source)


def _stack(results: list[RunSummary], attribute: str) -> pd.DataFrame:
    """The runs' tables one under the other, each row labelled with its run.

    One concat, then the two label columns: labelling each run's frame before stacking
    costs more than the stacking itself (it copies every frame twice).
    """
    frames = [getattr(result, attribute) for result in results]
    stacked = pd.concat(frames, ignore_index=True)
    rows = [len(frame) for frame in frames]
    stacked.insert(0, "practice", np.repeat([r.practice for r in results], rows))
    stacked.insert(1, "replication", np.repeat([r.replication for r in results], rows))
    return stacked


def runs_table(results: list[RunSummary]) -> pd.DataFrame:
    rows = [
        {"practice": r.practice, "replication": r.replication, **r.metrics.to_dict()}
        for r in results
    ]
    return pd.DataFrame(rows, columns=["practice", "replication", *METRICS])


def _assemble(scenario, seed, replications, chosen, results, band_source) -> Comparison:
    runs = runs_table(results)
    return Comparison(
        scenario=scenario,
        seed=seed,
        replications=replications,
        practices=chosen,
        summary=summarise(runs, band_source=band_source),
        runs=runs,
        changes=_stack(results, "changes"),
        deployments=_stack(results, "deployments"),
        incidents=_stack(results, "incidents"),
    )


def sweep(
    scenario: Scenario,
    vary: Mapping[str, Sequence[Any]],
    replications: int = 5,
    seed: int = 1,
    jobs: int | None = None,
    practices: Iterable[str] = PRACTICES,
    progress: Progress | None = None,
    band_source: str = DEFAULT_SOURCE,
    max_changes: int | None = None,
    executor: cf.Executor | None = None,
    checkpoint: str | None = None,
) -> pd.DataFrame:
    """Every combination of the ``vary`` values, under each practice, replicated.

    Returns one tidy table: the varied keys, ``practice``, ``metric``, ``mean``,
    ``ci_low``, ``ci_high``, ``n``, ``band``. Every point uses the same seed (common random
    numbers across the grid too). Arguments, every point of the grid and the work are
    checked before the first run, as in :func:`compare`. Runs are streamed
    (:mod:`cdsim.sweeping`): each keeps only its metrics, and memory stays flat in the
    number of runs. ``executor`` as in :func:`compare`. ``checkpoint``: a folder where
    finished points are kept, so that the same call after an interruption resumes (the
    folder is removed at the end).
    """
    jobs = arguments.jobs(jobs)
    progress = arguments.progress(progress)
    plan = plan_sweep(scenario, vary, replications, seed, practices, band_source, max_changes)
    store = Checkpoint(checkpoint, plan.identity()) if checkpoint is not None else None
    workers = None if executor is not None else worker_count(jobs, plan.runs)
    table = run_sweep(plan, executor=executor, jobs=workers, progress=progress, checkpoint=store)
    if store is not None:
        store.remove()
    return table


def check_work(
    scenario: Scenario,
    replications: Any,
    practices: Iterable[str] = PRACTICES,
    max_changes: int | None = None,
    vary: Mapping[str, Sequence[Any]] | None = None,
) -> tuple[int, tuple[str, ...]]:
    """Check the runs a :func:`compare` (or, with ``vary``, a :func:`sweep`) would make,
    without running them: :class:`~cdsim.errors.ArgumentError` for a bad argument,
    :class:`~cdsim.errors.WorkloadError` beyond the limit. Returns the replications and
    the practices, checked."""
    scenario = arguments.scenario("compare" if vary is None else "sweep", scenario)
    if vary is not None:
        plan = plan_sweep(
            scenario, vary, replications, practices=practices, max_changes=max_changes
        )
        return plan.replications, plan.practices
    replications = arguments.count("replications", replications)
    chosen = check_practices(practices)
    limit = workload.max_changes(max_changes)
    runs = len(chosen) * replications
    workload.check([(scenario, p, replications) for p in chosen], limit, "compare", total_runs=runs)
    return replications, chosen


def plan_sweep(
    scenario: Scenario,
    vary: Mapping[str, Sequence[Any]],
    replications: int = 5,
    seed: int = 1,
    practices: Iterable[str] = PRACTICES,
    band_source: str = DEFAULT_SOURCE,
    max_changes: int | None = None,
) -> SweepPlan:
    """The plan of a :func:`sweep`: every argument, every point of the grid and the work
    checked, before any run. The points are made one at a time (and again when they
    run): a big grid is never held as scenarios in memory."""
    scenario = arguments.scenario("sweep", scenario)
    seed = arguments.seed("seed", seed)
    band_source = arguments.band_source(band_source)
    replications = arguments.count("replications", replications)
    chosen = check_practices(practices)
    limit = workload.max_changes(max_changes)
    keys, lists = _grid_axes(scenario, vary)
    runs = math.prod(len(values) for values in lists) * len(chosen) * replications
    workload.check_minimum(runs, limit, "sweep")
    points = (
        scenario.with_values(dict(zip(keys, values, strict=True)))
        for values in itertools.product(*lists)
    )
    workload.check(
        ((point, p, replications) for point in points for p in chosen),
        limit,
        "sweep",
        total_runs=runs,
    )
    return SweepPlan(
        scenario=scenario,
        keys=tuple(keys),
        values=tuple(tuple(values) for values in lists),
        replications=replications,
        seed=seed,
        practices=chosen,
        band_source=band_source,
    )


def _grid_axes(scenario: Scenario, vary: Any) -> tuple[list[str], list[list[Any]]]:
    """The keys to vary and their values, checked: a mapping of dotted keys to non-empty
    lists of single values."""
    if not isinstance(vary, Mapping):
        raise ArgumentError("error.sweep.vary_type", got=arguments.shown(vary))
    if not vary:
        raise ArgumentError("error.sweep.no_key")
    keys, lists = [], []
    for key, values in vary.items():
        if not isinstance(key, str):
            raise ScenarioError(
                "error.key.not_text", source=scenario.source, got=arguments.shown(key)
            )
        if isinstance(values, str | bytes | Mapping) or not isinstance(values, Iterable):
            raise ArgumentError("error.sweep.values_type", key=key, got=arguments.shown(values))
        values = list(values)
        if not values:
            raise ArgumentError("error.sweep.no_values", key=key)
        for value in values:
            if isinstance(value, dict | list | tuple):
                raise ArgumentError("error.sweep.one_field", key=key, got=arguments.shown(value))
        keys.append(key)
        lists.append(values)
    return keys, lists
