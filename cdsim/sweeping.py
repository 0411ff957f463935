"""A streamed sweep: points made one at a time, runs on any executor, each point
summarised as soon as its last run arrives, and (with a checkpoint) stored on disk.

Memory stays flat in the number of runs: only the runs in flight and the points not yet
complete are held, each as a few dozen floats (a sweep keeps each run's metrics, never
its tables, unless the tables are asked for, and then they go to disk point by point).
The final table is put together in grid order, so it is the same whatever the executor,
the order runs finish in, or an interruption and a resume in between (docs/scaling.md).
"""

from __future__ import annotations

import concurrent.futures as cf
import itertools
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from cdsim import executors
from cdsim.checkpoint import Checkpoint
from cdsim.identity import numbers_identity
from cdsim.metrics.definitions import METRICS
from cdsim.metrics.summary import summarise
from cdsim.scenario import Scenario
from cdsim.simulation import run_once

Progress = Callable[[int, int], None]
RUN_TABLES = ("changes", "deployments", "incidents")


@dataclass(frozen=True)
class SweepPlan:
    """What a sweep runs: the scenario, the grid (keys and their values), replications,
    seed, practices and the band table of its summary."""

    scenario: Scenario
    keys: tuple[str, ...]
    values: tuple[tuple[Any, ...], ...]
    replications: int
    seed: int
    practices: tuple[str, ...]
    band_source: str

    @property
    def points(self) -> int:
        return math.prod(len(v) for v in self.values)

    @property
    def runs_per_point(self) -> int:
        return len(self.practices) * self.replications

    @property
    def runs(self) -> int:
        return self.points * self.runs_per_point

    def grid(self) -> Iterator[tuple[Any, ...]]:
        """The points' values, in order (the first key varies slowest)."""
        return itertools.product(*self.values)

    def scenario_at(self, values: Sequence[Any]) -> Scenario:
        return self.scenario.with_values(dict(zip(self.keys, values, strict=True)))

    def identity(self) -> dict[str, Any]:
        """Everything that determines the sweep's numbers (the key of its checkpoint)."""
        return {
            "kind": "sweep",
            **numbers_identity(self.scenario, self.seed, self.practices, self.band_source),
            "grid": [
                [key, list(values)] for key, values in zip(self.keys, self.values, strict=True)
            ],
            "replications": self.replications,
        }


def run_metrics(task: tuple[Scenario, str, int, int]) -> dict[str, float]:
    """In a worker: one run, and only its metrics travel back (about 0.8 KB)."""
    scenario, practice, seed, replication = task
    run = run_once(scenario, practice, seed, replication, keep_events=False)
    return run.metrics().to_dict()


def run_with_tables(task: tuple[Scenario, str, int, int]) -> tuple[dict, dict[str, pd.DataFrame]]:
    """In a worker: one run, its metrics and its tables."""
    scenario, practice, seed, replication = task
    run = run_once(scenario, practice, seed, replication, keep_events=False)
    return run.metrics().to_dict(), {name: getattr(run, name) for name in RUN_TABLES}


def _runs_frame(plan: SweepPlan, runs: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(runs, columns=["practice", "replication", *METRICS])


def _stack(plan: SweepPlan, tables: dict[tuple[str, int], dict[str, pd.DataFrame]], name: str):
    order = [(p, r) for p in plan.practices for r in range(plan.replications)]
    frames = [tables[k][name] for k in order]
    stacked = pd.concat(frames, ignore_index=True)
    rows = [len(frame) for frame in frames]
    stacked.insert(0, "practice", np.repeat([p for p, _ in order], rows))
    stacked.insert(1, "replication", np.repeat([r for _, r in order], rows))
    return stacked


def run_sweep(
    plan: SweepPlan,
    *,
    executor: cf.Executor | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
    checkpoint: Checkpoint | None = None,
    tables: bool = False,
    fresh: bool = False,
) -> pd.DataFrame:
    """Run ``plan`` and return its summary (see :func:`cdsim.sweep`).

    With a ``checkpoint``, points already finished there are read instead of run, and
    each point is stored as soon as it is complete (``fresh`` starts over); ``tables``
    keeps every run's tables there too (a checkpoint is then needed).
    """
    if tables and checkpoint is None:
        raise ValueError("a sweep keeps its runs' tables only in a checkpoint folder")
    finished = checkpoint.open(fresh=fresh) if checkpoint is not None else set()
    finished = {p for p in finished if p < plan.points}
    summaries: dict[int, pd.DataFrame] = {}
    for point in sorted(finished):
        summaries[point] = _summary(plan, checkpoint.load(point))
    done = len(finished) * plan.runs_per_point
    if progress and done:
        progress(done, plan.runs)
    ids: dict[int, tuple[int, str, int]] = {}

    def tasks() -> Iterator[tuple[Scenario, str, int, int]]:
        index = 0
        for point, values in enumerate(plan.grid()):
            if point in finished:
                continue
            scenario = plan.scenario_at(values)
            for practice in plan.practices:
                for replication in range(plan.replications):
                    ids[index] = (point, practice, replication)
                    index += 1
                    yield (scenario, practice, plan.seed, replication)

    pending: dict[int, dict[tuple[str, int], Any]] = {}
    remaining = plan.runs - done
    fn = run_with_tables if tables else run_metrics
    with executors.using(executor, jobs, remaining) as ex:
        size, window = executors.chunking(ex, remaining)
        for index, result in executors.stream(ex, fn, tasks(), chunksize=size, window=window):
            point, practice, replication = ids.pop(index)
            runs = pending.setdefault(point, {})
            runs[(practice, replication)] = result
            done += 1
            if len(runs) == plan.runs_per_point:
                del pending[point]
                summaries[point] = _finish_point(plan, point, runs, checkpoint, tables)
            if progress:
                progress(done, plan.runs)
    return _assemble(plan, summaries)


def _finish_point(plan, point, runs, checkpoint, tables) -> pd.DataFrame:
    ordered = [
        {"practice": p, "replication": r, **(runs[(p, r)][0] if tables else runs[(p, r)])}
        for p in plan.practices
        for r in range(plan.replications)
    ]
    if checkpoint is not None:
        stacked = {}
        if tables:
            per_run = {k: v[1] for k, v in runs.items()}
            stacked = {name: _stack(plan, per_run, name) for name in RUN_TABLES}
        checkpoint.save(point, ordered, stacked)
    return _summary(plan, ordered)


def _summary(plan: SweepPlan, runs: list[dict[str, Any]]) -> pd.DataFrame:
    return summarise(_runs_frame(plan, runs), by=("practice",), band_source=plan.band_source)


def _assemble(plan: SweepPlan, summaries: dict[int, pd.DataFrame]) -> pd.DataFrame:
    """The points' summaries in grid order, each row labelled with its point's values."""
    table = pd.concat([summaries[p] for p in range(plan.points)], ignore_index=True)
    per_point = len(plan.practices) * len(METRICS)
    for i, key in enumerate(plan.keys):
        column = [values[i] for values in plan.grid() for _ in range(per_point)]
        table.insert(i, key, column)
    table.attrs["band_source"] = plan.band_source
    return table


def write_runs(plan: SweepPlan, checkpoint: Checkpoint, handle, float_format: str) -> None:
    """Every run's metrics, one row per run with its point's values, point by point into
    an open text ``handle`` (CSV): memory stays that of one point."""
    for point, values in enumerate(plan.grid()):
        frame = _runs_frame(plan, checkpoint.load(point))
        for i, key in enumerate(plan.keys):
            frame.insert(i, key, [values[i]] * len(frame))
        frame.to_csv(
            handle, index=False, header=point == 0, float_format=float_format, lineterminator="\n"
        )


def write_table(
    plan: SweepPlan, checkpoint: Checkpoint, name: str, handle, float_format: str
) -> None:
    """One run table (``changes``...) of every run, point by point, into ``handle``."""
    for point, values in enumerate(plan.grid()):
        frame = pd.read_csv(checkpoint.table_path(point, name))
        for i, key in enumerate(plan.keys):
            frame.insert(i, key, [values[i]] * len(frame))
        frame.to_csv(
            handle, index=False, header=point == 0, float_format=float_format, lineterminator="\n"
        )


__all__ = ["RUN_TABLES", "SweepPlan", "run_metrics", "run_sweep", "write_runs", "write_table"]
