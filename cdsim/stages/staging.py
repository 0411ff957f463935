"""Staging: a test environment takes every green change not yet staged as one batch."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cdsim.change import STAGING, STAGING_QUEUE
from cdsim.stages.detection import sift

if TYPE_CHECKING:
    from cdsim.pipeline import Pipeline


def staging_environment(p: Pipeline):
    """Deploy the waiting batch to the test environment and run the slower tests.

    The run takes ``staging.duration``, plus ``duration_per_change_minutes`` for each
    change of the batch.

    Changes whose defect the tests catch go back to their authors; the rest of the batch
    goes on to the gate.
    """
    detection = p.model.staging.detection
    while True:
        while not p.staging_line:
            yield p.staging_line.signal()
        batch = p.staging_line.take_all()
        p.spend_all(batch, STAGING_QUEUE)
        for change in batch:
            change.staging_start_hours = p.env.now
        p.recorder.log_changes(p.env.now, "staging_start", batch)
        per_change = p.model.staging.duration_per_change_hours
        yield p.env.timeout(p.staging_hours() + len(batch) * per_change)
        p.spend_all(batch, STAGING)
        p.recorder.log_changes(p.env.now, "staging_end", batch)
        for change in batch:
            change.staging_end_hours = p.env.now
        passed = sift(p, batch, "staging", detection)
        if passed:
            p.practice.after_staging(p, passed)
