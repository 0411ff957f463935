"""Production: one deployer puts promoted changes live, one deploy at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cdsim.change import DEPLOY, DEPLOY_QUEUE, Change
from cdsim.records import DeploymentRow
from cdsim.stages.incident import incident

if TYPE_CHECKING:
    from cdsim.pipeline import Pipeline


def deployer(p: Pipeline):
    """Take everything promoted so far and deploy it as one batch; repeat."""
    while True:
        while not p.deploy_line:
            yield p.deploy_line.signal()
        yield from deploy(p, p.deploy_line.take_all())


def deploy(p: Pipeline, batch: list[Change]):
    """One production deploy, and the incident if it fails.

    An automated deploy takes machine time. A manual one (the release of the
    ``integration`` practice) is done by a person in working hours and can itself go
    wrong. Either can take longer the more changes it carries (the ``_per_change_minutes``
    keys). The deploy fails when a change in it carries a defect that escaped every test,
    or the manual step goes wrong. A deploy that carries again a change that a rollback
    took out unchanged (not a culprit sent back and fixed) is a *redeploy*.
    """
    manual = p.practice.manual_deploys
    deploy_id = p.next_deploy_id
    p.next_deploy_id += 1
    start = p.env.now
    redeploy = any(change.rolled_back for change in batch)
    for change in batch:
        change.deploys += 1
        change.rolled_back = False
    p.spend_all(batch, DEPLOY_QUEUE)
    p.recorder.log(start, "deploy_start", deploy_id=deploy_id)
    if manual:
        release = p.model.release
        work_hours = p.manual_deploy_hours() + len(batch) * release.deploy_duration_per_change_hours
        yield p.env.timeout(p.after_work_hours(work_hours))
    else:
        per_change = p.model.production.deploy_duration_per_change_hours
        yield p.env.timeout(p.deploy_hours() + len(batch) * per_change)
    p.spend_all(batch, DEPLOY)

    culprits = [change for change in batch if change.has_defect]
    manual_error = manual and p.manual_error.chance(p.model.release.manual_error_probability)
    causes = (["defect"] if culprits else []) + (["manual_error"] if manual_error else [])
    failed = bool(causes)
    p.recorder.add_deployment(
        DeploymentRow(
            deploy_id=deploy_id,
            start_hours=start,
            end_hours=p.env.now,
            batch_size=len(batch),
            culprits=len(culprits),
            failed=failed,
            cause="+".join(causes),
            manual=manual,
            redeploy=redeploy,
        )
    )
    if not failed:
        p.recorder.log(p.env.now, "deploy_ok", deploy_id=deploy_id)
        for change in batch:
            p.reached_production(change, deploy_id)
        return
    p.recorder.log(p.env.now, "deploy_failed", deploy_id=deploy_id)
    # The deployer stays busy until service is restored: no deploys during an incident.
    yield from incident(p, deploy_id, batch, culprits, manual)
