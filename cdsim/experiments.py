"""Experiments: replications, the three-practice comparison, and parameter sweeps.

Every run is identified by (scenario, practice, seed, replication) and nothing else, so
runs can go one after another or in parallel processes and give the same numbers.
Replication r of every practice uses the same random streams (common random numbers).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from cdsim.errors import ScenarioError
from cdsim.metrics.bands import DEFAULT_SOURCE, classify
from cdsim.metrics.definitions import BANDED_METRICS, METRICS, metric_kind
from cdsim.metrics.stats import mean_ci
from cdsim.practices.names import PRACTICES, check_practices
from cdsim.scenario import Scenario
from cdsim.simulation import Run, simulate

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
    run: Run = simulate(scenario, practice, seed, replication, keep_events=False)
    return RunSummary(
        practice, replication, run.metrics(), run.changes, run.deployments, run.incidents
    )


def default_jobs() -> int:
    return os.cpu_count() or 1


def run_tasks(
    tasks: Sequence[tuple[Scenario, str, int, int]],
    jobs: int | None = None,
    progress: Progress | None = None,
) -> list[RunSummary]:
    """Run every task, in order of ``tasks``, on ``jobs`` processes (None: all cores)."""
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    results: list[RunSummary] = []
    if jobs == 1 or len(tasks) == 1:
        for done, task in enumerate(tasks, 1):
            results.append(_one_run(task))
            if progress:
                progress(done, len(tasks))
        return results
    workers = min(jobs, len(tasks))
    # Runs go to the workers a few at a time (fewer round trips between processes), but
    # in at least two chunks per worker, so that the work left at the end stays shared.
    chunksize = max(1, min(MAX_CHUNK, len(tasks) // (2 * workers)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for done, result in enumerate(pool.map(_one_run, tasks, chunksize=chunksize), 1):
            results.append(result)
            if progress:
                progress(done, len(tasks))
    return results


def compare(
    scenario: Scenario,
    replications: int = 20,
    seed: int = 1,
    jobs: int | None = None,
    practices: Iterable[str] = PRACTICES,
    progress: Progress | None = None,
    band_source: str = DEFAULT_SOURCE,
) -> Comparison:
    """Run ``scenario`` under each practice, ``replications`` times, and summarise."""
    if replications < 1:
        raise ScenarioError(f"replications must be at least 1, got {replications}")
    chosen = check_practices(practices)
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
) -> pd.DataFrame:
    """Every combination of the ``vary`` values, under each practice, replicated.

    Returns one tidy table: the varied keys, ``practice``, ``metric``, ``mean``,
    ``ci_low``, ``ci_high``, ``n``, ``band``. Every point uses the same seed (common random
    numbers across the grid too).
    """
    if not vary:
        raise ScenarioError("give at least one key to vary")
    if replications < 1:
        raise ScenarioError(f"replications must be at least 1, got {replications}")
    chosen = check_practices(practices)
    keys = list(vary)
    for key in keys:
        for value in vary[key]:
            if isinstance(value, (dict, list)):
                raise ScenarioError(
                    f"vary one value at a time: {key!r} got {value!r}; vary a single field, "
                    f"such as '{key}.mean_hours'"
                )
    grid = list(itertools.product(*(list(vary[k]) for k in keys)))
    points = [scenario.with_values(dict(zip(keys, values, strict=True))) for values in grid]
    tasks = [
        (point, practice, seed, r)
        for point in points
        for practice in chosen
        for r in range(replications)
    ]
    results = run_tasks(tasks, jobs, progress)
    runs = runs_table(results)
    per_point = len(chosen) * replications
    for i, key in enumerate(keys):
        runs.insert(i, key, [values[i] for values in grid for _ in range(per_point)])
    return summarise(runs, by=(*keys, "practice"), band_source=band_source)
