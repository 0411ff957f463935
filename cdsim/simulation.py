"""One run: a scenario under one practice with one seed, from first commit to last deploy."""

from __future__ import annotations

import numbers
from dataclasses import dataclass, field

import pandas as pd

from cdsim.errors import ScenarioError
from cdsim.pipeline import Pipeline
from cdsim.practices.names import check_practice
from cdsim.practices.registry import get_practice
from cdsim.random_streams import RandomStreams
from cdsim.records import Recorder, Window, changes_table, deployments_table, incidents_table
from cdsim.scenario import Scenario
from cdsim.stages.build import build_run
from cdsim.stages.commit import developers, generate_changes
from cdsim.stages.rework import rework

MIN_DRAIN_DAYS = 30.0


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
    return max(MIN_DRAIN_DAYS, 3 * scenario.model.release.every_days)


def simulate(
    scenario: Scenario,
    practice: str = "delivery",
    seed: int = 1,
    replication: int = 0,
    *,
    keep_events: bool = True,
) -> Run:
    """Run ``scenario`` under ``practice`` ("integration", "delivery" or "deployment").

    Developers commit until ``scenario.days``; the run then goes on (at most
    :func:`drain_days` more) until every change is in production. The same ``seed`` and
    ``replication`` give the same tables, and give every practice the same commits.
    """
    if not isinstance(scenario, Scenario):
        raise TypeError("simulate() takes a Scenario; use cdsim.load_scenario(...) first")
    check_practice(practice)
    for label, value in (("seed", seed), ("replication", replication)):
        if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 0:
            raise ScenarioError(f"{label} must be a whole number >= 0, got {value!r}")
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
