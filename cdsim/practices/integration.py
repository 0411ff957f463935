"""Continuous Integration only (the baseline): releases are cut on a cadence.

Green builds pile up. Every ``release.every_days`` a release is cut (at the start of a
working day) with everything built so far; it goes through a manual QA phase (people, in
working hours) and a manual production deploy that can itself go wrong.

A release that fails and is rolled back is not abandoned: its culprit is taken out, and
the rest goes out again as a patched release, after a regression test by hand
(``release.retest_duration``). Each such redeploy can fail on a defect that had not shown
yet, which is how a team on a release train sees its releases fail again and again.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from cdsim.change import GATE, STAGING
from cdsim.practices.base import Practice
from cdsim.stages.detection import sift
from cdsim.stages.production import deployer

if TYPE_CHECKING:
    from cdsim.change import Change
    from cdsim.pipeline import Pipeline


class Integration(Practice):
    """No automated path to production: a release train."""

    name = "integration"
    manual_deploys = True

    def start(self, p: Pipeline) -> None:
        p.env.process(release_train(p))
        p.env.process(deployer(p))

    def after_build(self, p: Pipeline, change: Change) -> None:
        p.gate_line.put(change)

    def after_rollback(self, p: Pipeline, changes: list[Change]) -> None:
        if changes:
            p.env.process(patched_release(p, changes))


def release_cut_hours(p: Pipeline, k: int) -> float:
    """Instant of the k-th release cut: day ``k * every_days``, at the next working start."""
    day_start = k * p.model.release.every_days * 24.0
    return p.calendar.from_work_clock(p.calendar.to_work_clock(day_start))


def release_train(p: Pipeline):
    """Cut, test by hand, hand over to the deployer; wait for the next cut."""
    every_hours = p.model.release.every_days * 24.0
    detection = p.model.release.qa_detection
    k = 1
    while True:
        cut_at = release_cut_hours(p, k)
        k = max(k + 1, math.floor(p.env.now / every_hours) + 1)
        if cut_at > p.env.now:
            yield p.env.timeout(cut_at - p.env.now)
        if not p.gate_line:
            continue
        batch = p.gate_line.take_all()
        p.spend_all(batch, GATE)
        for change in batch:
            change.gate_exit_hours = p.env.now
            change.staging_start_hours = p.env.now
        p.recorder.log_changes(p.env.now, "release_cut", batch)
        release = p.model.release
        qa_hours = p.qa_hours() + len(batch) * release.qa_duration_per_change_hours
        yield p.env.timeout(p.after_work_hours(qa_hours))
        p.spend_all(batch, STAGING)
        p.recorder.log_changes(p.env.now, "qa_end", batch)
        for change in batch:
            change.staging_end_hours = p.env.now
        p.deploy_line.extend(sift(p, batch, "qa", detection))


def patched_release(p: Pipeline, changes: list[Change]):
    """A rolled-back release, less its culprit: tested again by hand, then redeployed."""
    p.recorder.log_changes(p.env.now, "retest_start", changes)
    yield p.env.timeout(p.after_work_hours(p.retest_hours()))
    p.spend_all(changes, STAGING)
    p.recorder.log_changes(p.env.now, "retest_end", changes)
    p.deploy_line.extend(changes)
