"""Experiments: replications, the three-practice comparison, and parameter sweeps.

Every run is identified by (scenario, practice, seed, replication) and nothing else, so
runs can go one after another or in parallel processes and give the same numbers.
Replication r of every practice uses the same random streams (common random numbers).
"""

from __future__ import annotations

import concurrent.futures as cf
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from cdsim import executors
from cdsim.checkpoint import Checkpoint
from cdsim.errors import ScenarioError
from cdsim.executors import default_jobs  # noqa: F401  (cdsim.experiments.default_jobs)
from cdsim.metrics.bands import DEFAULT_SOURCE
from cdsim.metrics.definitions import BANDED_METRICS, METRICS
from cdsim.metrics.summary import summarise  # noqa: F401  (also cdsim.experiments.summarise)
from cdsim.practices.names import PRACTICES, check_practices
from cdsim.scenario import Scenario
from cdsim.simulation import Run, simulate
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
    run: Run = simulate(scenario, practice, seed, replication, keep_events=False)
    return RunSummary(
        practice, replication, run.metrics(), run.changes, run.deployments, run.incidents
    )


def run_tasks(
    tasks: Sequence[tuple[Scenario, str, int, int]],
    jobs: int | None = None,
    progress: Progress | None = None,
    executor: cf.Executor | None = None,
) -> list[RunSummary]:
    """Run every task and return the results in order of ``tasks``: on ``executor`` when
    given, else on ``jobs`` local processes (None: all cores; 1: in this process)."""
    results: list[RunSummary | None] = [None] * len(tasks)
    with executors.using(executor, jobs, len(tasks)) as ex:
        size, window = executors.chunking(ex, len(tasks))
        stream = executors.stream(ex, _one_run, tasks, chunksize=size, window=window)
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
    executor: cf.Executor | None = None,
) -> Comparison:
    """Run ``scenario`` under each practice, ``replications`` times, and summarise.

    ``executor``: any :class:`concurrent.futures.Executor` to run on (a Dask client's
    ``get_executor()``...; never shut down here); default: ``jobs`` local processes.
    """
    if replications < 1:
        raise ScenarioError(f"replications must be at least 1, got {replications}")
    chosen = check_practices(practices)
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
    executor: cf.Executor | None = None,
    checkpoint: str | None = None,
) -> pd.DataFrame:
    """Every combination of the ``vary`` values, under each practice, replicated.

    Returns one tidy table: the varied keys, ``practice``, ``metric``, ``mean``,
    ``ci_low``, ``ci_high``, ``n``, ``band``. Every point uses the same seed (common random
    numbers across the grid too). Runs are streamed (:mod:`cdsim.sweeping`): each keeps
    only its metrics, and memory stays flat in the number of runs. ``executor`` as in
    :func:`compare`. ``checkpoint``: a folder where finished points are kept, so that
    the same call after an interruption resumes (the folder is removed at the end).
    """
    plan = plan_sweep(scenario, vary, replications, seed, practices, band_source)
    store = Checkpoint(checkpoint, plan.identity()) if checkpoint is not None else None
    table = run_sweep(plan, executor=executor, jobs=jobs, progress=progress, checkpoint=store)
    if store is not None:
        store.remove()
    return table


def plan_sweep(
    scenario: Scenario,
    vary: Mapping[str, Sequence[Any]],
    replications: int = 5,
    seed: int = 1,
    practices: Iterable[str] = PRACTICES,
    band_source: str = DEFAULT_SOURCE,
) -> SweepPlan:
    """The plan of a :func:`sweep`, every key and value checked before any run."""
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
            scenario.with_values({key: value})  # a bad key or value fails here, not later
    return SweepPlan(
        scenario=scenario,
        keys=tuple(keys),
        values=tuple(tuple(vary[k]) for k in keys),
        replications=replications,
        seed=seed,
        practices=chosen,
        band_source=band_source,
    )
