"""A bare SimPy pipeline with cdsim's stations: the floor the throughput benchmark compares to.

The same stations as the figure, wired the same way for each practice:

- a pool of CI runners (``simpy.Resource``) builds every change;
- one staging environment takes every green change not yet staged as one batch
  (``delivery`` and ``deployment``);
- the gate: automatic (``deployment``), a person approving everything staged after a delay
  (``delivery``), or a release cut on a cadence followed by manual QA (``integration``);
- one production deployer takes everything promoted so far as one batch.

What it leaves out is what cdsim adds on top of the queues: no working calendar, no
defects, flaky builds, rework or incidents, no random streams per source (durations are
exponential, drawn up front in one array each), and no bookkeeping (no time split, no
event log, no tables). A change is a bare integer. Fed the same number of changes over the
same horizon as a cdsim run, it gives the cost of the SimPy skeleton alone.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import simpy

from cdsim.scenario import Scenario


@dataclass(frozen=True)
class BareSettings:
    """The few numbers the bare pipeline takes from a scenario (hours)."""

    runners: int
    build_hours: float
    staging_hours: float
    approval_hours: float
    release_every_hours: float
    qa_hours: float
    manual_deploy_hours: float
    deploy_hours: float

    @classmethod
    def from_scenario(cls, scenario: Scenario) -> BareSettings:
        m = scenario.model
        return cls(
            runners=m.build.runners,
            build_hours=m.build.duration.mean_in_hours,
            staging_hours=m.staging.duration.mean_in_hours,
            approval_hours=m.approval.delay.mean_in_hours,
            release_every_hours=m.release.every_days * 24.0,
            qa_hours=m.release.qa_duration.mean_in_hours,
            manual_deploy_hours=m.release.deploy_duration.mean_in_hours,
            deploy_hours=m.production.deploy_duration.mean_in_hours,
        )


class Line:
    """Changes waiting for a station that takes them all at once."""

    __slots__ = ("env", "items", "waiter")

    def __init__(self, env: simpy.Environment) -> None:
        self.env = env
        self.items: list[int] = []
        self.waiter: simpy.Event | None = None

    def put(self, items: list[int]) -> None:
        self.items.extend(items)
        if self.waiter is not None:
            waiter, self.waiter = self.waiter, None
            waiter.succeed()

    def wait(self) -> simpy.Event:
        self.waiter = self.env.event()
        return self.waiter

    def take(self) -> list[int]:
        items, self.items = self.items, []
        return items


def run_bare(
    settings: BareSettings, practice: str, n_changes: int, horizon_hours: float, seed: int = 1
) -> float:
    """Push ``n_changes`` (committed at uniform instants over the horizon) through the
    stations under ``practice``; return the simulated hour the last one reached production."""
    rng = np.random.default_rng(seed)
    commits = np.sort(rng.uniform(0.0, horizon_hours, n_changes)).tolist()

    def draws(mean: float):
        return iter(rng.exponential(mean, n_changes).tolist())

    build_d = draws(settings.build_hours)
    staging_d = draws(settings.staging_hours)
    approval_d = draws(settings.approval_hours)
    qa_d = draws(settings.qa_hours)
    deploy_d = draws(
        settings.manual_deploy_hours if practice == "integration" else settings.deploy_hours
    )

    env = simpy.Environment()
    runners = simpy.Resource(env, capacity=settings.runners)
    staging_line, gate_line, deploy_line = Line(env), Line(env), Line(env)
    done = env.event()
    deployed = 0

    def source():
        for change, at in enumerate(commits):
            yield env.timeout(at - env.now)
            env.process(build(change))

    def build(change: int):
        with runners.request() as runner:
            yield runner
            yield env.timeout(next(build_d))
        if practice == "integration":
            gate_line.put([change])
        else:
            staging_line.put([change])

    def staging():
        while True:
            while not staging_line.items:
                yield staging_line.wait()
            batch = staging_line.take()
            yield env.timeout(next(staging_d))
            if practice == "deployment":
                deploy_line.put(batch)
            else:
                gate_line.put(batch)

    def approver():
        while True:
            while not gate_line.items:
                yield gate_line.wait()
            yield env.timeout(next(approval_d))
            deploy_line.put(gate_line.take())

    def release_train():
        every = settings.release_every_hours
        k = 1
        while True:
            cut_at = k * every
            k = max(k + 1, int(env.now // every) + 1)
            if cut_at > env.now:
                yield env.timeout(cut_at - env.now)
            if gate_line.items:
                batch = gate_line.take()
                yield env.timeout(next(qa_d))
                deploy_line.put(batch)

    def deployer():
        nonlocal deployed
        while True:
            while not deploy_line.items:
                yield deploy_line.wait()
            batch = deploy_line.take()
            yield env.timeout(next(deploy_d))
            deployed += len(batch)
            if deployed == n_changes:
                done.succeed()

    env.process(source())
    if practice == "integration":
        env.process(release_train())
    else:
        env.process(staging())
        if practice == "delivery":
            env.process(approver())
    env.process(deployer())
    env.run(until=done)
    return env.now
