"""Continuous Deployment: every batch that passes staging is deployed automatically."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cdsim.practices.base import Practice, promote
from cdsim.stages.production import deployer
from cdsim.stages.staging import staging_environment

if TYPE_CHECKING:
    from cdsim.change import Change
    from cdsim.pipeline import Pipeline


class Deployment(Practice):
    """The gate is automatic: a gear, not a person."""

    name = "deployment"

    def start(self, p: Pipeline) -> None:
        for _ in range(p.model.staging.environments):
            p.env.process(staging_environment(p))
        p.env.process(deployer(p))

    def after_staging(self, p: Pipeline, batch: list[Change]) -> None:
        promote(p, batch, "approved")
