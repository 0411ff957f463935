"""One run: a scenario under one practice with one seed, from first commit to last deploy."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from cdsim import arguments, workload
from cdsim.pipeline import Pipeline
from cdsim.pipeline import drain_days as _drain_days
from cdsim.practices.names import check_practice
from cdsim.practices.registry import get_practice
from cdsim.random_streams import RandomStreams
from cdsim.records import Recorder, Window, changes_table, deployments_table, incidents_table
from cdsim.scenario import Scenario
from cdsim.stages.build import build_run
from cdsim.stages.commit import developers, generate_changes
from cdsim.stages.rework import rework


@dataclass
class Run:
    """The tables of one run (see docs/results.md) and its metrics."""

    scenario: Scenario
    practice: str
    seed: int
    replication: int
    window: Window
    end_hours: float
    changes: pd.DataFrame
    deployments: pd.DataFrame
    incidents: pd.DataFrame
    events: pd.DataFrame = field(repr=False)

    def metrics(self) -> pd.Series:
        """The DORA four keys and the extras, as a Series indexed by metric name."""
        from cdsim.metrics.dora import run_metrics

        return run_metrics(self.changes, self.deployments, self.incidents, self.window)


def drain_days(scenario: Scenario) -> float:
    """How long the run goes on after the horizon so that late changes can finish."""
    return _drain_days(scenario.model)


def simulate(
    scenario: Scenario,
    practice: str = "delivery",
    seed: int = 1,
    replication: int = 0,
    *,
    keep_events: bool = True,
    max_changes: int | None = None,
) -> Run:
    """Run ``scenario`` under ``practice`` ("integration", "delivery" or "deployment").

    Developers commit until ``scenario.days``; the run then goes on (at most
    :func:`drain_days` more) until every change is in production. The same ``seed`` and
    ``replication`` give the same tables, and give every practice the same commits.

    Every argument is checked first (:class:`~cdsim.errors.ArgumentError`), and a run
    bigger than the limit of :mod:`cdsim.workload` is refused
    (:class:`~cdsim.errors.WorkloadError`; ``max_changes`` raises the limit).
    """
    scenario = arguments.scenario("simulate", scenario)
    check_practice(practice)
    seed = arguments.seed("seed", seed)
    replication = arguments.seed("replication", replication)
    limit = workload.max_changes(max_changes)
    workload.check([(scenario, practice, 1)], limit, "simulate", total_runs=1)
    return run_once(scenario, practice, seed, replication, keep_events=bool(keep_events))


def run_once(
    scenario: Scenario, practice: str, seed: int, replication: int, *, keep_events: bool
) -> Run:
    """One run, its arguments already checked (by :func:`simulate` or an experiment)."""
    model = scenario.model
    streams = RandomStreams(seed, replication)
    recorder = Recorder(keep_events=keep_events)
    p = Pipeline(model, get_practice(practice), streams, recorder, build=build_run, rework=rework)
    changes = generate_changes(model, p.calendar, streams)
    p.env.process(developers(p, changes))
    p.practice.start(p)
    cap_hours = (model.days + drain_days(scenario)) * 24.0
    p.env.run(until=p.env.any_of([p.done, p.env.timeout(cap_hours)]))

    window = Window(model.warmup_days * 24.0, model.days * 24.0)
    return Run(
        scenario=scenario,
        practice=practice,
        seed=seed,
        replication=replication,
        window=window,
        end_hours=p.env.now,
        changes=changes_table(changes, window),
        deployments=deployments_table(recorder.deployments, window),
        incidents=incidents_table(recorder.incidents, window),
        events=recorder.events_table(),
    )
