"""Invariants that hold for any scenario, checked on random scenarios (hypothesis)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cdsim
from cdsim.change import TIME_CATEGORIES

probability = st.sampled_from([0.0, 0.1, 0.5, 0.9, 1.0]) | st.floats(0, 1)
BASE = cdsim.load_scenario("default")


@st.composite
def scenarios(draw):
    def duration(unit):
        dist = draw(st.sampled_from(["fixed", "exponential", "lognormal", "gamma"]))
        value = {"dist": dist, unit: draw(st.sampled_from([0.0, 0.5, 3.0, 20.0]))}
        if dist in ("lognormal", "gamma"):
            value["cv"] = draw(st.sampled_from([0.0, 0.3, 1.5]))
        return value

    work_hours = draw(st.sampled_from(["09:00-18:00", "24x7", "22:00-23:30"]))
    # a change board meets in working hours (the scenario refuses other times)
    board = {"09:00-18:00": "tue 10:00", "24x7": "sun 03:00", "22:00-23:30": "wed 22:30"}
    values = {
        "days": draw(st.sampled_from([3.0, 6.0, 10.0])),
        "warmup_days": 1.0,
        "calendar.work_hours": work_hours,
        "approval.board_times": [board[work_hours]],
        "team.developers": draw(st.integers(1, 4)),
        "team.commits_per_day": draw(st.sampled_from([0.0, 0.5, 3.0])),
        "team.defect_probability": draw(probability),
        "team.size_cv": draw(st.sampled_from([0.0, 1.0])),
        "team.fix_time": duration("mean_hours"),
        "build.runners": draw(st.integers(1, 3)),
        "build.duration": duration("mean_minutes"),
        "build.detection": draw(probability),
        "build.flaky_probability": draw(st.sampled_from([0.0, 0.05, 0.5])),
        "staging.duration": duration("mean_minutes"),
        "staging.detection": draw(probability),
        "approval.mode": draw(st.sampled_from(["delay", "board"])),
        "approval.delay": duration("mean_hours"),
        "approval.detection": draw(probability),
        "release.every_days": draw(st.sampled_from([1.0, 2.5, 7.0])),
        "release.qa_detection": draw(probability),
        "release.manual_error_probability": draw(probability),
        "incident.fix_forward_probability": draw(probability),
        "incident.diagnosis": duration("mean_minutes"),
    }
    return (
        BASE.with_values(values),
        draw(st.sampled_from(cdsim.PRACTICES)),
        draw(st.integers(0, 99)),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_invariants_hold_for_any_scenario(case):
    scenario, practice, seed = case
    run = cdsim.simulate(scenario, practice, seed=seed)
    changes, deploys, incidents = run.changes, run.deployments, run.incidents

    # every committed change is accounted for: in production, or still on its way at the end
    assert changes["change_id"].tolist() == list(range(len(changes)))
    live = changes["production_hours"].notna()
    assert (changes.loc[~live, "deploy_id"] == -1).all()
    assert set(changes.loc[live, "deploy_id"]) <= set(deploys["deploy_id"])
    # no change reaches production before its commit, nor before its deploy ends
    assert (changes.loc[live, "production_hours"] >= changes.loc[live, "commit_hours"]).all()
    ends = deploys.set_index("deploy_id")["end_hours"]
    assert (
        changes.loc[live, "production_hours"].to_numpy()
        >= ends.reindex(changes.loc[live, "deploy_id"]).to_numpy() - 1e-9
    ).all()
    assert (changes.loc[live, "production_hours"] <= run.end_hours + 1e-9).all()
    # the time categories add up to the lead time
    spent = changes.loc[live, [f"{c}_hours" for c in TIME_CATEGORIES]]
    assert (spent.to_numpy() >= -1e-9).all()
    assert np.allclose(spent.sum(axis=1), changes.loc[live, "lead_time_hours"], atol=1e-6)
    # a deploy's failure has a cause, and a cause means failure; one incident per failure
    assert ((deploys["cause"] != "") == deploys["failed"]).all()
    assert len(incidents) <= deploys["failed"].sum() <= len(incidents) + 1
    assert (incidents["restored_hours"] >= incidents["detected_hours"]).all()
    assert (incidents["detected_hours"] >= incidents["start_hours"]).all()
    # practice-specific: only integration deploys by hand; deployment has no gate wait
    assert (deploys["manual"] == (practice == "integration")).all()
    if practice == "deployment":
        assert np.allclose(changes.loc[live, "gate_hours"], 0.0)

    metrics = run.metrics()
    for rate in ("change_failure_rate", "rework_rate", "completion"):
        value = metrics[rate]
        assert np.isnan(value) or 0.0 <= value <= 1.0
    assert metrics["deploys_per_day"] >= 0

    again = cdsim.simulate(scenario, practice, seed=seed)
    pd.testing.assert_frame_equal(changes, again.changes)
    pd.testing.assert_frame_equal(deploys, again.deployments)
    pd.testing.assert_frame_equal(run.events, again.events)
