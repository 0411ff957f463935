"""A change: one commit travelling from a developer's machine to production."""

from __future__ import annotations

# Where a change's time goes. Its lead time is cut into these spans, which add up exactly.
TIME_CATEGORIES = (
    "build_queue",  # waiting for a CI runner
    "build",  # building and running unit tests
    "rework",  # its author fixing a red build or a caught defect
    "staging_queue",  # waiting for the staging environment
    "staging",  # deploy to staging and slower tests, or the manual QA of a release
    "gate",  # waiting for approval, or for the release to be cut
    "deploy_queue",  # waiting for the production deployer
    "deploy",  # being deployed
    "incident",  # in a failed deploy, until service is restored
)
(BUILD_QUEUE, BUILD, REWORK, STAGING_QUEUE, STAGING, GATE, DEPLOY_QUEUE, DEPLOY, INCIDENT) = range(
    len(TIME_CATEGORIES)
)

# What can catch a defect before production: the unit tests of the build, the staging
# tests, the reviewer who approves a deploy, the manual QA of a release.
DETECTORS = ("build", "staging", "review", "qa")
DETECTOR_INDEX = {name: index for index, name in enumerate(DETECTORS)}

NAN = float("nan")


class Change:
    """One change and its history. Instants are hours since t = 0."""

    __slots__ = (
        "change_id",
        "author",
        "size_lines",
        "defect",
        "has_defect",
        "detection_draws",
        "commit_hours",
        "build_start_hours",
        "build_end_hours",
        "staging_start_hours",
        "staging_end_hours",
        "gate_exit_hours",
        "production_hours",
        "deploy_id",
        "deploys",
        "rolled_back",
        "rework_count",
        "build_runs",
        "caught_in",
        "escaped",
        "spent_hours",
        "_mark",
    )

    def __init__(
        self,
        change_id: int,
        author: int,
        size_lines: float,
        commit_hours: float,
        defect: bool,
        detection_draws: tuple[float, float, float, float],
    ) -> None:
        self.change_id = change_id
        self.author = author
        self.size_lines = size_lines
        self.commit_hours = commit_hours
        self.defect = defect
        self.has_defect = defect
        # A test suite either catches a given defect or it does not: rerunning the same
        # tests on the same code gives the same answer. So each defect carries one uniform
        # draw per detector (in the order of DETECTORS), fixed when the change is made.
        self.detection_draws = detection_draws
        self.build_start_hours = NAN
        self.build_end_hours = NAN
        self.staging_start_hours = NAN
        self.staging_end_hours = NAN
        self.gate_exit_hours = NAN
        self.production_hours = NAN
        self.deploy_id = -1
        self.deploys = 0  # production deploys that carried it (more than 1 after a rollback)
        self.rolled_back = False  # taken out of production unchanged: its next deploy is a redeploy
        self.rework_count = 0
        self.build_runs = 0
        self.caught_in = ""
        self.escaped = False
        self.spent_hours = [0.0] * len(TIME_CATEGORIES)
        self._mark = commit_hours

    def spend(self, category: int, now_hours: float) -> None:
        """Book the time since the last booking to ``category``."""
        self.spent_hours[category] += now_hours - self._mark
        self._mark = now_hours
