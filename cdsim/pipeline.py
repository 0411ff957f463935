"""The shared state of one simulated run: clock, calendar, random streams, stations.

Stages (``cdsim/stages``) and practices (``cdsim/practices``) are processes that act on a
:class:`Pipeline`. The pipeline knows none of them: :func:`cdsim.simulation.simulate`
hands it the practice and the two processes a change loops through (a build, and rework
by its author), and :meth:`Pipeline.push` and :meth:`Pipeline.send_back` start them. So
the stages depend on the pipeline, never the other way round.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import Any

import simpy

from cdsim.calendar import WORKDAY_INDEX, WorkCalendar, parse_work_hours
from cdsim.change import Change
from cdsim.distributions import Sampler, make_sampler, uniform_source
from cdsim.random_streams import RandomStreams
from cdsim.records import Recorder
from cdsim.scenario.schema import Duration, ScenarioModel
from cdsim.waiting_line import WaitingLine


def calendar_for(model: ScenarioModel) -> WorkCalendar:
    hours = parse_work_hours(model.calendar.work_hours)
    if hours is None:
        return WorkCalendar.always()
    days = tuple(sorted(WORKDAY_INDEX[d] for d in set(model.calendar.work_days)))
    return WorkCalendar(work_days=days, start_hour=hours[0], end_hour=hours[1])


MIN_DRAIN_DAYS = 30.0


def drain_days(model: ScenarioModel) -> float:
    """How long a run goes on after the horizon so that late changes can finish."""
    return max(MIN_DRAIN_DAYS, 3 * model.release.every_days)


class Pipeline:
    """Everything one run shares. Built by :func:`cdsim.simulation.simulate`."""

    def __init__(
        self,
        model: ScenarioModel,
        practice,
        streams: RandomStreams,
        recorder: Recorder,
        *,
        build: Callable[[Pipeline, Change], Generator[Any, Any, None]],
        rework: Callable[[Pipeline, Change, str | None], Generator[Any, Any, None]],
    ) -> None:
        self.model = model
        self._build = build  # the process of one push through CI
        self._rework = rework  # the process of an author fixing a change
        self.practice = practice
        self.streams = streams
        self.recorder = recorder
        self.env = simpy.Environment()
        self.calendar = calendar_for(model)

        # stations
        self.runners = simpy.Resource(self.env, capacity=model.build.runners)
        self.staging_line = WaitingLine(self.env)  # green changes not yet staged
        self.gate_line = WaitingLine(self.env)  # staged (or built) changes before the gate
        self.deploy_line = WaitingLine(self.env)  # promoted changes waiting for the deployer

        # one stream per source of randomness
        self.fix_hours = self._sampler(model.team.fix_time, "fix_time")
        self.build_hours = self._sampler(model.build.duration, "build_duration")
        self.staging_hours = self._sampler(model.staging.duration, "staging_duration")
        self.approval_hours = self._sampler(model.approval.delay, "approval_delay")
        self.qa_hours = self._sampler(model.release.qa_duration, "qa_duration")
        self.manual_deploy_hours = self._sampler(model.release.deploy_duration, "manual_deploy")
        self.deploy_hours = self._sampler(model.production.deploy_duration, "deploy_duration")
        self.detect_hours = self._sampler(model.incident.detection, "incident_detection")
        self.diagnosis_hours = self._sampler(model.incident.diagnosis, "diagnosis")
        self.rollback_hours = self._sampler(model.incident.rollback, "rollback")
        self.manual_rollback_hours = self._sampler(
            model.incident.manual_rollback, "manual_rollback"
        )
        self.fix_forward_hours = self._sampler(model.incident.fix_forward, "fix_forward")
        self.flaky = uniform_source(streams("flaky"))
        self.manual_error = uniform_source(streams("manual_error"))
        self.incident_action = uniform_source(streams("incident_action"))
        self._culprit_rng = streams("culprit")
        self.retest_hours = self._sampler(model.release.retest_duration, "retest_duration")

        # bookkeeping
        self.pending = 0  # committed, not yet in production for good
        self.all_committed = False
        self.done = self.env.event()
        self.next_deploy_id = 0
        self.next_incident_id = 0

    def _sampler(self, duration: Duration, stream: str) -> Sampler:
        return make_sampler(
            duration.dist, duration.mean_in_hours, duration.cv_or_zero, self.streams(stream)
        )

    @property
    def now(self) -> float:
        return self.env.now

    def after_work_hours(self, work_hours: float) -> float:
        """Delay until a person starting now has done ``work_hours`` of work."""
        return self.calendar.add_work_hours(self.env.now, work_hours) - self.env.now

    def responder_delay(self, hours: float) -> float:
        """Delay for incident work of ``hours``: on call around the clock, or in working hours."""
        if self.model.incident.response == "on_call":
            return hours
        return self.after_work_hours(hours)

    def first_to_show(self, culprits: int) -> int:
        """Which of a rolled-back deploy's ``culprits`` escaped defects showed first."""
        return int(self._culprit_rng.integers(culprits)) if culprits > 1 else 0

    # -- routing ---------------------------------------------------------------------------
    def push(self, change: Change) -> None:
        """The author pushes: the change enters CI."""
        self.env.process(self._build(self, change))

    def send_back(self, change: Change, caught_in: str | None) -> None:
        """The change goes back to its author (``caught_in`` None: a flaky build)."""
        self.env.process(self._rework(self, change, caught_in))

    def reached_production(
        self, change: Change, deploy_id: int, at_hours: float | None = None
    ) -> None:
        change.production_hours = self.env.now if at_hours is None else at_hours
        change.deploy_id = deploy_id
        self.pending -= 1
        self._check_done()

    def committed(self, change: Change) -> None:
        self.pending += 1

    def commits_over(self) -> None:
        self.all_committed = True
        self._check_done()

    def _check_done(self) -> None:
        if self.all_committed and self.pending == 0 and not self.done.triggered:
            self.done.succeed()

    def spend_all(self, changes: list[Change], category: int) -> None:
        now = self.env.now
        for change in changes:
            change.spend(category, now)
