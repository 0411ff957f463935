"""Incidents: a failed deploy is detected, diagnosed, then rolled back or fixed forward.

People respond on call, around the clock (``incident.response = "on_call"``), or only in
working hours (``"working_hours"``, a team without on-call). Diagnosis takes longer the
more changes the deploy held: ``diagnosis * (1 + growth * (changes - 1))``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cdsim.change import INCIDENT, Change
from cdsim.records import IncidentRow

if TYPE_CHECKING:
    from cdsim.pipeline import Pipeline


def incident(
    p: Pipeline, deploy_id: int, batch: list[Change], culprits: list[Change], manual: bool
):
    """From the failed deploy to restored service: detect, diagnose, then repair.

    The repair is a rollback (the default) or, with ``fix_forward_probability``, a fix
    forward: see :func:`roll_back` and :func:`fix_forward`.
    """
    settings = p.model.incident
    incident_id = p.next_incident_id
    p.next_incident_id += 1
    start = p.env.now
    for change in culprits:
        change.escaped = True

    yield p.env.timeout(p.responder_delay(p.detect_hours()))
    detected = p.env.now
    p.recorder.log(detected, "incident_detected", deploy_id=deploy_id)
    growth = 1.0 + settings.diagnosis_growth_per_change * (len(batch) - 1)
    diagnosis_hours = p.diagnosis_hours() * growth

    if p.incident_action.chance(settings.fix_forward_probability) or _no_more_redeploys(
        p, batch, manual
    ):
        yield from fix_forward(p, deploy_id, batch, culprits, diagnosis_hours, live_since=start)
        action = "fix_forward"
    else:
        yield from roll_back(p, deploy_id, batch, culprits, diagnosis_hours, manual)
        action = "rollback"
    p.recorder.log(p.env.now, "restored", deploy_id=deploy_id)
    p.recorder.add_incident(
        IncidentRow(
            incident_id=incident_id,
            deploy_id=deploy_id,
            start_hours=start,
            detected_hours=detected,
            restored_hours=p.env.now,
            batch_size=len(batch),
            action=action,
        )
    )


def _no_more_redeploys(p: Pipeline, batch: list[Change], manual: bool) -> bool:
    """A release that has gone out ``release.max_redeploys`` times again is fixed forward."""
    if not manual:
        return False
    attempts = max(change.deploys for change in batch)
    return attempts > p.model.release.max_redeploys


def fix_forward(
    p: Pipeline,
    deploy_id: int,
    batch: list[Change],
    culprits: list[Change],
    diagnosis_hours: float,
    live_since: float,
):
    """The deploy stays live and on-call fixes it in place.

    Everything stays in production, so every defect in the deploy shows and is fixed in
    this one incident. The innocent changes have been live since the deploy ended
    (``live_since``); the culprits are live once fixed.
    """
    culprit_ids = {id(change) for change in culprits}
    for change in batch:
        if id(change) not in culprit_ids:
            p.reached_production(change, deploy_id, at_hours=live_since)
    yield p.env.timeout(p.responder_delay(diagnosis_hours + p.fix_forward_hours()))
    for change in culprits:
        change.spend(INCIDENT, p.env.now)
        change.rework_count += 1
        change.caught_in = "production"
        change.has_defect = False
        p.reached_production(change, deploy_id)


def roll_back(
    p: Pipeline,
    deploy_id: int,
    batch: list[Change],
    culprits: list[Change],
    diagnosis_hours,
    manual: bool,
):
    """The whole deploy is taken out of production.

    The rollback stops the deploy at its first defect to show: only that change (the
    culprit, one of the deploy's escaped defects at random) is known, and goes back to
    its author. The other changes, with any defect that had no time to show, are handed
    back to the practice, which decides how they go out again (:meth:`after_rollback`).
    """
    repair = p.manual_rollback_hours() if manual else p.rollback_hours()
    yield p.env.timeout(p.responder_delay(diagnosis_hours + repair))
    p.spend_all(batch, INCIDENT)
    shown = culprits[p.first_to_show(len(culprits))] if culprits else None
    if shown is not None:
        p.send_back(shown, "production")
    rest = [change for change in batch if change is not shown]
    for change in rest:
        change.rolled_back = True
    p.practice.after_rollback(p, rest)
