"""Looking for defects: the tests of a stage, a reviewer or manual QA.

A detector catches a change's defect with its probability ``detection``. The answer is
fixed per defect (:attr:`Change.detection_draws`): running the same tests on the same code
again gives the same answer. A caught change goes back to its author (rework).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cdsim.change import DETECTOR_INDEX, Change

if TYPE_CHECKING:
    from cdsim.pipeline import Pipeline


def catches(change: Change, detector: str, detection: float) -> bool:
    """Whether ``detector`` (``build``, ``staging``, ``review`` or ``qa``), which catches a
    defect with probability ``detection``, catches this change's defect."""
    return change.has_defect and change.detection_draws[DETECTOR_INDEX[detector]] < detection


def sift(p: Pipeline, batch: list[Change], detector: str, detection: float) -> list[Change]:
    """Run ``detector`` over ``batch``: the changes it catches go back to their authors;
    the others are returned, in order."""
    passed = []
    for change in batch:
        if catches(change, detector, detection):
            p.send_back(change, detector)
        else:
            passed.append(change)
    return passed
