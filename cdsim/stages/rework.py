"""Rework: a change goes back to its author, who fixes it in working hours and pushes again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cdsim.change import REWORK, Change

if TYPE_CHECKING:
    from cdsim.pipeline import Pipeline


def rework(p: Pipeline, change: Change, caught_in: str | None):
    """The author fixes the change (a caught defect, or a flaky red build) and pushes.

    ``caught_in`` names the detector that caught a defect (``build``, ``staging``,
    ``review``, ``qa``, ``production``); None means a flaky test, which leaves any
    undetected defect in place.
    """
    change.rework_count += 1
    if caught_in is not None:
        change.caught_in = caught_in
        p.recorder.log(p.env.now, "caught", change.change_id)
    yield p.env.timeout(p.after_work_hours(p.fix_hours()))
    if caught_in is not None:
        change.has_defect = False
    change.spend(REWORK, p.env.now)
    p.recorder.log(p.env.now, "fix_done", change.change_id)
    p.push(change)
