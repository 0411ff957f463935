"""Continuous Delivery: a person approves each production deploy.

The approver acts in working hours, either after a review delay (``mode = "delay"``) or at
fixed review times, like a weekly change board (``mode = "board"``). One approval promotes
everything staged so far. The reviewer may catch a defect.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cdsim.calendar import parse_weekly_time
from cdsim.change import GATE
from cdsim.practices.base import Practice, promote
from cdsim.stages.detection import sift
from cdsim.stages.production import deployer
from cdsim.stages.staging import staging_environment

if TYPE_CHECKING:
    from cdsim.pipeline import Pipeline


class Delivery(Practice):
    """The gate is a person: APPROVE DEPLOY."""

    name = "delivery"

    def start(self, p: Pipeline) -> None:
        for _ in range(p.model.staging.environments):
            p.env.process(staging_environment(p))
        if p.model.approval.mode == "board":
            p.env.process(change_board(p))
        else:
            p.env.process(approver(p))
        p.env.process(deployer(p))


def approver(p: Pipeline):
    """A review opens when changes wait; after the review delay, in working hours, the
    approver promotes everything staged by then."""
    while True:
        while not p.gate_line:
            yield p.gate_line.signal()
        p.recorder.log(p.env.now, "review_open")
        yield p.env.timeout(p.after_work_hours(p.approval_hours()))
        review(p)


def change_board(p: Pipeline):
    """A change board meets at fixed weekly times and approves everything staged."""
    meetings = [parse_weekly_time(text) for text in p.model.approval.board_times]
    while True:
        now = p.env.now
        next_meeting = min(p.calendar.next_weekly(now, day, hour) for day, hour in meetings)
        if next_meeting <= now:  # already met at this instant
            next_meeting = min(
                p.calendar.next_weekly(now + 1e-9, day, hour) for day, hour in meetings
            )
        yield p.env.timeout(next_meeting - now)
        if p.gate_line:
            review(p)


def review(p: Pipeline) -> None:
    """Approve the staged changes; those whose defect the reviewer spots go back."""
    detection = p.model.approval.detection
    batch = p.gate_line.take_all()
    p.spend_all(batch, GATE)  # waiting for the review, whatever its outcome
    approved = sift(p, batch, "review", detection)
    if approved:
        promote(p, approved, "approved")
