"""Experiments: replications, the three-practice comparison, and parameter sweeps.

Every run is identified by (scenario, practice, seed, replication) and nothing else, so
runs can go one after another or in parallel processes and give the same numbers.
Replication r of every practice uses the same random streams (common random numbers).
"""

from __future__ import annotations

import functools
import itertools
import math
import multiprocessing
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from cdsim import arguments, workload
from cdsim import workers as workers_module
from cdsim.errors import ArgumentError, ScenarioError
from cdsim.metrics.bands import DEFAULT_SOURCE, classify
from cdsim.metrics.definitions import BANDED_METRICS, METRICS, metric_kind
from cdsim.metrics.stats import mean_ci
from cdsim.practices.names import PRACTICES, check_practices
from cdsim.scenario import Scenario
from cdsim.simulation import Run, run_once

Progress = Callable[[int, int], None]
MAX_CHUNK = 3  # runs sent to a worker process at a time


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


def default_jobs() -> int:
    return os.cpu_count() or 1


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
    *,
    tables: bool = True,
) -> list[RunSummary]:
    """Run every task, in order of ``tasks``, on ``jobs`` processes (None: all cores).

    With ``tables=False`` only the metrics of each run are kept.
    """
    jobs = arguments.jobs(jobs)
    one = _one_run if tables else _one_run_metrics
    results: list[RunSummary] = []
    workers = worker_count(jobs, len(tasks))
    if workers == 1:
        for done, task in enumerate(tasks, 1):
            results.append(one(task))
            if progress:
                progress(done, len(tasks))
        return results
    # Runs go to the workers a few at a time (fewer round trips between processes), but
    # in at least two chunks per worker, so that the work left at the end stays shared.
    chunksize = max(1, min(MAX_CHUNK, len(tasks) // (2 * workers)))
    # Workers die with this process and are stopped, not waited for, if it is interrupted
    # (Ctrl-C, SIGTERM) or fails: see cdsim/workers.py.
    pool = ProcessPoolExecutor(max_workers=workers, initializer=workers_module.init_worker)
    try:
        guarded = functools.partial(workers_module.guarded, one)
        for done, result in enumerate(pool.map(guarded, tasks, chunksize=chunksize), 1):
            results.append(result)
            if progress:
                progress(done, len(tasks))
    except BaseException:
        workers_module.stop(pool)
        raise
    pool.shutdown(wait=True)
    return results


def compare(
    scenario: Scenario,
    replications: int = 20,
    seed: int = 1,
    jobs: int | None = None,
    practices: Iterable[str] = PRACTICES,
    progress: Progress | None = None,
    band_source: str = DEFAULT_SOURCE,
    max_changes: int | None = None,
) -> Comparison:
    """Run ``scenario`` under each practice, ``replications`` times, and summarise.

    Every argument is checked before the first run (:class:`~cdsim.errors.ArgumentError`),
    and work beyond the limit of :mod:`cdsim.workload` is refused
    (:class:`~cdsim.errors.WorkloadError`; ``max_changes`` raises the limit).
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
    results = run_tasks(tasks, jobs, progress)
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


def summarise(
    runs: pd.DataFrame,
    by: Sequence[str] = ("practice",),
    band_source: str = DEFAULT_SOURCE,
) -> pd.DataFrame:
    """Mean and 95% CI of every metric per group; DORA band for the four keys."""
    rows = []
    for keys, group in runs.groupby(list(by), sort=False):
        keys = keys if isinstance(keys, tuple) else (keys,)
        for metric in METRICS:
            mean, low, high, n = mean_ci(group[metric])
            # every metric is >= 0, and rates are <= 1: the interval is clipped to that
            low = max(low, 0.0)
            if metric_kind(metric) == "fraction":
                high = min(high, 1.0)
            band = classify(metric, mean, band_source) if metric in BANDED_METRICS else ""
            rows.append(
                {
                    **dict(zip(by, keys, strict=True)),
                    "metric": metric,
                    "mean": mean,
                    "ci_low": low,
                    "ci_high": high,
                    "n": n,
                    "band": band,
                }
            )
    table = pd.DataFrame(rows, columns=[*by, "metric", "mean", "ci_low", "ci_high", "n", "band"])
    table.attrs["band_source"] = band_source  # which published table the bands come from
    return table


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
) -> pd.DataFrame:
    """Every combination of the ``vary`` values, under each practice, replicated.

    Returns one tidy table: the varied keys, ``practice``, ``metric``, ``mean``,
    ``ci_low``, ``ci_high``, ``n``, ``band``. Every point uses the same seed (common random
    numbers across the grid too). Arguments, every point of the grid and the work are
    checked before the first run, as in :func:`compare`.
    """
    scenario = arguments.scenario("sweep", scenario)
    seed = arguments.seed("seed", seed)
    jobs = arguments.jobs(jobs)
    progress = arguments.progress(progress)
    band_source = arguments.band_source(band_source)
    keys, grid, points, replications, chosen = _plan_sweep(
        scenario, vary, replications, practices, max_changes
    )
    tasks = [
        (point, practice, seed, r)
        for point in points
        for practice in chosen
        for r in range(replications)
    ]
    results = run_tasks(tasks, jobs, progress, tables=False)
    table = runs_table(results)
    per_point = len(chosen) * replications
    for i, key in enumerate(keys):
        table.insert(i, key, [values[i] for values in grid for _ in range(per_point)])
    return summarise(table, by=(*keys, "practice"), band_source=band_source)


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
        _, _, _, replications, chosen = _plan_sweep(
            scenario, vary, replications, practices, max_changes
        )
        return replications, chosen
    replications = arguments.count("replications", replications)
    chosen = check_practices(practices)
    limit = workload.max_changes(max_changes)
    runs = len(chosen) * replications
    workload.check([(scenario, p, replications) for p in chosen], limit, "compare", total_runs=runs)
    return replications, chosen


def _plan_sweep(scenario, vary, replications, practices, max_changes):
    """The grid of a sweep and its points, every value and the work checked."""
    replications = arguments.count("replications", replications)
    chosen = check_practices(practices)
    limit = workload.max_changes(max_changes)
    keys, lists = _grid_axes(scenario, vary)
    runs = math.prod(len(values) for values in lists) * len(chosen) * replications
    workload.check_minimum(runs, limit, "sweep")
    grid = list(itertools.product(*lists))
    points = [scenario.with_values(dict(zip(keys, values, strict=True))) for values in grid]
    workload.check(
        ((point, p, replications) for point in points for p in chosen),
        limit,
        "sweep",
        total_runs=runs,
    )
    return keys, grid, points, replications, chosen


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
