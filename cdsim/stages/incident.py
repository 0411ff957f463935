"""Incidents: a failed deploy is detected, diagnosed, then rolled back or fixed forward.

People respond on call, around the clock. Diagnosis takes longer the more changes the
deploy held: ``diagnosis * (1 + growth * (changes - 1))``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cdsim.change import INCIDENT, Change

if TYPE_CHECKING:
    from cdsim.pipeline import Pipeline


def incident(
    p: Pipeline, deploy_id: int, batch: list[Change], culprits: list[Change], manual: bool
):
    """From the failed deploy to restored service, then send each change where it goes.

    Rollback (the default): every change of the deploy is taken out; the culprits go back
    to their authors and the innocent changes wait for the next deploy. Fix forward: the
    innocent changes stay live; on-call fixes the culprits in place.
    """
    settings = p.model.incident
    incident_id = p.next_incident_id
    p.next_incident_id += 1
    start = p.env.now
    for change in culprits:
        change.escaped = True

    yield p.env.timeout(p.detect_hours())
    detected = p.env.now
    p.recorder.log(detected, "incident_detected", deploy_id=deploy_id)
    growth = 1.0 + settings.diagnosis_growth_per_change * (len(batch) - 1)
    diagnosis = p.diagnosis_hours() * growth

    fix_forward = p.incident_action.chance(settings.fix_forward_probability)
    if fix_forward:
        culprit_ids = {id(c) for c in culprits}
        for change in batch:
            if id(change) not in culprit_ids:
                # live since the deploy ended; its lead time stops there
                p.reached_production(change, deploy_id, at_hours=start)
        repair = p.fix_forward_hours()
    else:
        repair = p.manual_rollback_hours() if manual else p.rollback_hours()
    yield p.env.timeout(diagnosis + repair)
    p.recorder.log(p.env.now, "restored", deploy_id=deploy_id)
    p.recorder.add_incident(
        (
            incident_id,
            deploy_id,
            start,
            detected,
            p.env.now,
            len(batch),
            "fix_forward" if fix_forward else "rollback",
        )
    )

    if fix_forward:
        for change in culprits:
            change.spend(INCIDENT, p.env.now)
            change.rework_count += 1
            change.caught_in = "production"
            change.has_defect = False
            p.reached_production(change, deploy_id)
        return
    p.spend_all(batch, INCIDENT)
    for change in culprits:
        p.send_back(change, "production")
    culprit_ids = {id(c) for c in culprits}
    p.deploy_line.extend([c for c in batch if id(c) not in culprit_ids])
