"""What a practice decides: where a green build goes, and how staged changes reach the deployer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cdsim.change import GATE, Change

if TYPE_CHECKING:
    from cdsim.pipeline import Pipeline


class Practice:
    """Base for the three practices. Subclasses start their gate process in :meth:`start`."""

    name = ""
    manual_deploys = False  # a person runs the production deploy

    def start(self, p: Pipeline) -> None:
        """Start the practice's own processes (staging, the gate)."""

    def after_build(self, p: Pipeline, change: Change) -> None:
        """A green build: by default, wait for the staging environment."""
        p.staging_line.put(change)

    def after_staging(self, p: Pipeline, batch: list[Change]) -> None:
        """A batch passed staging: by default, wait at the gate."""
        p.gate_line.extend(batch)

    def after_rollback(self, p: Pipeline, changes: list[Change]) -> None:
        """A deploy was rolled back: by default its other changes go out in the next deploy."""
        p.deploy_line.extend(changes)


def promote(p: Pipeline, batch: list[Change], event: str) -> None:
    """The gate opens for ``batch``: it goes to the production deployer."""
    p.spend_all(batch, GATE)
    for change in batch:
        change.gate_exit_hours = p.env.now
    p.recorder.log_changes(p.env.now, event, batch)
    p.deploy_line.extend(batch)
