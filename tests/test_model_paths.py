"""The durations and decisions of each station, to the minute, on scenarios whose every
duration is fixed.

With fixed durations and a 24x7 calendar each span of a run is known exactly: staging
takes its duration plus its per-change minutes, a deploy its duration plus its per-change
minutes, an incident detection + diagnosis x (1 + growth x (changes - 1)) + the repair,
a review its delay, a release train its cadence. These tests read the spans back from the
tables and the event log, to 1e-9 hours.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from test_rates import fast, fixed

import cdsim
from cdsim.calendar import WorkCalendar

EXACT = 1e-9


def spans(events: pd.DataFrame, start: str, end: str) -> np.ndarray:
    """Time from each ``start`` event to the next ``end`` event (one change's log)."""
    starts = events.loc[events["event"] == start, "time_hours"].to_numpy()
    ends = events.loc[events["event"] == end, "time_hours"].to_numpy()
    return np.array([ends[ends >= s][0] - s for s in starts])


def test_staging_takes_its_duration_plus_its_minutes_per_change(default_scenario):
    """staging.duration (30 min) + duration_per_change_minutes (6) x the batch's changes."""
    scenario = fast(
        default_scenario,
        days=2.0,
        staging__duration=fixed(30),
        staging__duration_per_change_minutes=6.0,
    )
    changes = cdsim.simulate(scenario, "deployment", seed=1).changes
    batches = changes.groupby("staging_start_hours")
    sizes = batches.size()
    took = batches["staging_end_hours"].first() - sizes.index
    assert sizes.max() > 1  # batches of several changes
    assert np.allclose(took, 0.5 + 0.1 * sizes, atol=EXACT)
    assert np.allclose(
        changes["staging_hours"], changes["staging_end_hours"] - changes["staging_start_hours"]
    )


@pytest.mark.parametrize("practice", ["delivery", "deployment"])
def test_an_automated_deploy_takes_its_duration_plus_per_change(default_scenario, practice):
    """production.deploy_duration (5 min) + deploy_duration_per_change_minutes (3) x k."""
    scenario = fast(default_scenario, days=2.0, production__deploy_duration_per_change_minutes=3.0)
    deploys = cdsim.simulate(scenario, practice, seed=2).deployments
    took = deploys["end_hours"] - deploys["start_hours"]
    assert deploys["batch_size"].max() > 1
    assert np.allclose(took, (5 + 3 * deploys["batch_size"]) / 60, atol=EXACT)
    assert not deploys["manual"].any()


def test_a_release_is_tested_and_deployed_by_hand_for_their_durations(default_scenario):
    """A release of k changes: manual QA of qa_duration (60 min) + qa_duration_per_change
    (2 min) x k, then a manual deploy of deploy_duration (30 min) + 1 min x k (24x7, so
    working hours are wall-clock hours)."""
    scenario = fast(
        default_scenario,
        days=4.0,
        release__qa_duration_per_change_minutes=2.0,
        release__deploy_duration_per_change_minutes=1.0,
    )
    run = cdsim.simulate(scenario, "integration", seed=3)
    changes, deploys = run.changes, run.deployments
    releases = changes.groupby("staging_start_hours")
    k = releases.size()
    assert len(k) >= 3 and k.min() > 10
    qa = releases["staging_end_hours"].first() - k.index
    assert np.allclose(qa, (60 + 2 * k) / 60, atol=EXACT)
    assert deploys["manual"].all()
    took = deploys["end_hours"] - deploys["start_hours"]
    assert np.allclose(took, (30 + deploys["batch_size"]) / 60, atol=EXACT)


def test_releases_are_cut_every_few_days_at_the_next_opening(default_scenario):
    """release.every_days = 2 on the office calendar: a cut on day 2k, at 09:00 of that day
    if it is a working day, else on Monday at 09:00 (a weekend's cut and Monday's are one).
    (A train whose QA outlasts the cadence cuts when QA ends: here QA takes an hour.)"""
    scenario = default_scenario.with_values(
        {
            "days": 21.0,
            "warmup_days": 1.0,
            "release.every_days": 2.0,
            "release.qa_duration": fixed(60),  # QA done long before the next cut
            "team.developers": 2,
        }
    )
    events = cdsim.simulate(scenario, "integration", seed=4).events
    cuts = np.unique(events.loc[events["event"] == "release_cut", "time_hours"])
    office = WorkCalendar()
    expected = sorted(
        {office.from_work_clock(office.to_work_clock(48.0 * k)) for k in range(1, 26)}
    )
    assert len(cuts) >= 8
    assert np.allclose(cuts, expected[: len(cuts)])
    assert all(t % 24 == 9 and office.is_working(t) for t in cuts)


def test_a_review_takes_the_approval_delay(default_scenario):
    """delivery, approval.delay fixed at 10 minutes (24x7): each review opens when changes
    wait and approves exactly 10 minutes later."""
    run = cdsim.simulate(fast(default_scenario, days=2.0), "delivery", seed=5)
    events = run.events
    took = spans(events, "review_open", "approved")
    assert len(took) > 20
    assert np.allclose(took, 10 / 60, atol=EXACT)


def test_a_change_board_meets_only_at_its_times(default_scenario):
    """approval.mode = board, Tuesdays and Thursdays at 10:00: every approval happens then."""
    scenario = default_scenario.with_values(
        {
            "days": 21.0,
            "warmup_days": 1.0,
            "approval.mode": "board",
            "approval.board_times": ["tue 10:00", "thu 10:00"],
        }
    )
    events = cdsim.simulate(scenario, "delivery", seed=6).events
    approved = np.unique(events.loc[events["event"] == "approved", "time_hours"])
    assert len(approved) >= 5
    assert set(np.round(approved % 168.0, 9)) <= {24 + 10.0, 3 * 24 + 10.0}


@pytest.mark.parametrize(
    ("practice", "action", "repair"),
    [
        ("deployment", "rollback", 1),  # incident.rollback, automated
        ("deployment", "fix_forward", 10),  # incident.fix_forward
        ("integration", "rollback", 10),  # incident.manual_rollback, a release
    ],
)
def test_time_to_restore_is_detection_diagnosis_and_repair(
    default_scenario, practice, action, repair
):
    """On call: restore = detection (1 min) + diagnosis (5 min) x (1 + 0.5 (k - 1)) for a
    deploy of k changes + the repair (a rollback, a manual rollback, or a fix forward)."""
    scenario = fast(
        default_scenario,
        days=3.0,
        team__defect_probability=0.3,
        incident__diagnosis_growth_per_change=0.5,
        incident__fix_forward_probability=1.0 if action == "fix_forward" else 0.0,
        release__max_redeploys=1000,  # a release is never fixed forward for want of redeploys
    )
    incidents = cdsim.simulate(scenario, practice, seed=7).incidents
    assert len(incidents) >= 3 and (incidents["action"] == action).all()
    k = incidents["batch_size"]
    expected = (1 + 5 * (1 + 0.5 * (k - 1)) + repair) / 60
    assert np.allclose(incidents["restore_hours"], expected, atol=EXACT)
    assert np.allclose(incidents["detected_hours"] - incidents["start_hours"], 1 / 60)


def test_without_on_call_incidents_wait_for_working_hours(default_scenario):
    """incident.response = working_hours on the office calendar: detection and repair are
    people's work, done in working hours, so restores end at working instants and take at
    least their on-call time; on call, the same incidents take exactly that time."""
    values = {
        "days": 15.0,
        "warmup_days": 1.0,
        "team.defect_probability": 0.3,
        "incident.detection": fixed(30),
        "incident.diagnosis": fixed(60),
        "incident.diagnosis_growth_per_change": 0.0,
        "incident.rollback": fixed(30),
        "incident.fix_forward_probability": 0.0,
    }
    office = WorkCalendar()
    on_call = cdsim.simulate(default_scenario.with_values(values), "deployment", seed=8)
    assert np.allclose(on_call.incidents["restore_hours"], 2.0, atol=EXACT)
    values["incident.response"] = "working_hours"
    late = cdsim.simulate(default_scenario.with_values(values), "deployment", seed=8).incidents
    assert len(late) >= 3 and (late["restore_hours"] >= 2.0 - EXACT).all()
    for t in [*late["detected_hours"], *late["restored_hours"]]:
        assert office.is_working(t) or office.is_working(t - 1e-6), t


@pytest.mark.parametrize("max_redeploys", [0, 1, 2])
def test_a_release_is_redeployed_at_most_max_redeploys_times(default_scenario, max_redeploys):
    """Every manual deploy fails (manual_error_probability = 1) and the team would always
    roll back: each release is rolled back and redeployed (after its retest, 30 min)
    max_redeploys times, then fixed forward. So each release goes out max_redeploys + 1
    times, and attempt a of a release is rolled back when a < max_redeploys, fixed forward
    otherwise. (The run ends when every change is live, which a fix forward makes them
    before its incident closes: the last incident may be cut off, as test_invariants.py
    allows.)"""
    scenario = fast(
        default_scenario,
        days=4.0,
        team__developers=2,
        release__manual_error_probability=1.0,
        release__max_redeploys=max_redeploys,
    )
    run = cdsim.simulate(scenario, "integration", seed=9)
    deploys, incidents = run.deployments, run.incidents
    assert deploys["failed"].all()
    attempts = []
    for redeploy in deploys["redeploy"]:
        attempts.append(attempts[-1] + 1 if redeploy else 0)
    attempts = pd.Series(attempts, index=deploys["deploy_id"])
    releases = int((attempts == 0).sum())
    assert releases >= 3 and len(deploys) == releases * (max_redeploys + 1)
    assert attempts.max() == max_redeploys
    for deploy_id, action in zip(incidents["deploy_id"], incidents["action"], strict=True):
        expected = "rollback" if attempts[deploy_id] < max_redeploys else "fix_forward"
        assert action == expected, (deploy_id, attempts[deploy_id])
    assert len(incidents) >= len(deploys) - 1
    if max_redeploys:
        assert np.allclose(spans(run.events, "retest_start", "retest_end"), 0.5, atol=EXACT)
    assert run.changes["production_hours"].notna().all()
    assert (run.changes["deploys"] == max_redeploys + 1).all()


def test_a_rolled_back_deploy_goes_out_again_as_a_redeploy(default_scenario):
    """Continuous deployment: a rollback sends the culprit back to its author and the rest
    of the deploy out again with the next one, which is a redeploy."""
    scenario = fast(default_scenario, days=2.0, team__defect_probability=0.3)
    run = cdsim.simulate(scenario, "deployment", seed=10)
    deploys, incidents = run.deployments, run.incidents
    rolled = incidents[(incidents["action"] == "rollback") & (incidents["batch_size"] > 1)]
    assert len(rolled) >= 3
    following = deploys.set_index("deploy_id")["redeploy"]
    for deploy_id in rolled["deploy_id"]:
        assert following[deploy_id + 1], deploy_id
    assert deploys["redeploy"].sum() <= len(incidents[incidents["action"] == "rollback"])
    # a culprit found in production went back to its author and was fixed
    caught = run.changes[run.changes["caught_in"] == "production"]
    assert len(caught) >= len(rolled) and (caught["rework_count"] >= 1).all()


# ------------------------------------------------------------- what a run records


CHANGE_EVENTS = {"commit", "build_start", "build_red", "build_green", "caught", "fix_done"}
DEPLOY_EVENTS = {"deploy_start", "deploy_ok", "deploy_failed", "incident_detected", "restored"}


@pytest.mark.parametrize("practice", cdsim.PRACTICES)
def test_the_event_log_names_the_change_or_deploy_of_each_event(default_scenario, practice):
    """Each event about a change carries its id, each event about a deploy the deploy's;
    and the log agrees with the tables: one commit per change at its commit time, one
    build_start per build, the first build's start and the last green build's end."""
    scenario = fast(
        default_scenario,
        days=2.0,
        team__defect_probability=0.3,
        build__detection=0.5,
        build__flaky_probability=0.2,
        incident__fix_forward_probability=0.5,
    )
    run = cdsim.simulate(scenario, practice, seed=11)
    events, changes, deploys = run.events, run.changes, run.deployments
    kinds = events["event"].astype(str)
    assert (events.loc[kinds.isin(CHANGE_EVENTS), "change_id"] >= 0).all()
    assert (events.loc[kinds.isin(DEPLOY_EVENTS), "deploy_id"] >= 0).all()
    assert set(events.loc[kinds == "deploy_failed", "deploy_id"]) == set(
        deploys.loc[deploys["failed"], "deploy_id"]
    )
    assert set(events.loc[kinds == "restored", "deploy_id"]) == set(run.incidents["deploy_id"])
    by_change = events[events["change_id"] >= 0].groupby("change_id")
    commits = events[kinds == "commit"].set_index("change_id")["time_hours"]
    assert np.allclose(commits.sort_index(), changes["commit_hours"])
    starts = events[kinds == "build_start"].groupby("change_id")["time_hours"]
    greens = events[kinds == "build_green"].groupby("change_id")["time_hours"]
    assert (starts.size() == changes["build_runs"]).all()
    assert np.allclose(starts.min(), changes["build_start_hours"])
    assert np.allclose(greens.max(), changes["build_end_hours"])
    reds = events[kinds == "build_red"].groupby("change_id").size()
    assert reds.sum() > 10 and len(by_change) == len(changes)


def test_a_flaky_red_build_catches_nothing(default_scenario):
    """A flaky failure sends the change back without a caught defect: caught_in stays
    empty, though the change was reworked."""
    run = cdsim.simulate(fast(default_scenario, build__flaky_probability=0.3), "deployment", seed=1)
    changes = run.changes
    assert (changes["rework_count"] > 0).sum() > 100
    assert (changes["caught_in"] == "").all()
    assert not (run.events["event"] == "caught").any()


def test_a_fix_forward_puts_the_innocent_live_at_once_and_the_culprits_when_fixed(
    default_scenario,
):
    """Fix forward: the deploy stays live, so its changes without a defect are in
    production from the deploy's end; its culprits from the restore, fixed once each
    (one more rework, caught in production). Incidents are numbered 0, 1, 2..."""
    scenario = fast(
        default_scenario,
        days=3.0,
        team__defect_probability=0.3,
        incident__fix_forward_probability=1.0,
    )
    run = cdsim.simulate(scenario, "deployment", seed=12)
    changes, deploys, incidents = run.changes, run.deployments, run.incidents
    assert changes["production_hours"].notna().all()  # the run ended with every change live
    assert run.end_hours == changes["production_hours"].max()  # and not before, nor later
    assert incidents["incident_id"].tolist() == list(range(len(incidents)))
    ends = deploys.set_index("deploy_id")["end_hours"]
    restored = incidents.set_index("deploy_id")["restored_hours"]
    failed = changes[changes["deploy_id"].isin(restored.index)]
    culprit = failed["caught_in"] == "production"
    assert culprit.sum() >= 3 and (~culprit).sum() >= 3
    innocent = failed[~culprit]
    assert np.allclose(innocent["production_hours"], ends[innocent["deploy_id"]].to_numpy())
    guilty = failed[culprit]
    assert np.allclose(guilty["production_hours"], restored[guilty["deploy_id"]].to_numpy())
    assert (guilty["rework_count"] == 1).all() and guilty["escaped"].all()
    # with flaky builds before it, the fix forward is one more rework, not the only one
    flaky = fast(
        default_scenario,
        days=3.0,
        team__defect_probability=0.3,
        build__flaky_probability=0.5,
        incident__fix_forward_probability=1.0,
    )
    again = cdsim.simulate(flaky, "deployment", seed=12)
    fixed_live = again.changes[again.changes["caught_in"] == "production"]
    red = again.events[again.events["event"] == "build_red"].groupby("change_id").size()
    expected = red.reindex(fixed_live["change_id"], fill_value=0).to_numpy() + 1
    assert (fixed_live["rework_count"].to_numpy() == expected).all()
    assert (expected > 1).any()


def test_a_deploy_names_its_causes(default_scenario):
    """cause is "defect", "manual_error", or both joined by "+"; "" for a good deploy."""
    scenario = fast(
        default_scenario,
        days=20.0,
        team__developers=1,
        team__commits_per_day=8.0,
        team__defect_probability=0.2,
        release__every_days=0.25,
        release__manual_error_probability=0.5,
        incident__fix_forward_probability=1.0,
    )
    deploys = cdsim.simulate(scenario, "integration", seed=13).deployments
    assert set(deploys["cause"]) == {"", "defect", "manual_error", "defect+manual_error"}
    assert ((deploys["cause"] != "") == deploys["failed"]).all()
    assert ((deploys["culprits"] > 0) == deploys["cause"].str.contains("defect")).all()


def test_sizes_vary_with_their_cv_and_commits_stop_at_the_horizon(default_scenario):
    """Sizes are lognormal with the scenario's mean and cv (here 0.5: a sample cv within
    0.1 of it over ~3,000 changes), or all the mean with cv 0; commits stop at `days`."""
    from cdsim.pipeline import calendar_for
    from cdsim.random_streams import RandomStreams
    from cdsim.stages.commit import generate_changes

    scenario = default_scenario.with_values(
        {"days": 28.0, "warmup_days": 0.0, "team.developers": 50, "team.size_cv": 0.5}
    )
    model = scenario.model
    changes = generate_changes(model, calendar_for(model), RandomStreams(2, 0))
    sizes = np.array([c.size_lines for c in changes])
    assert sizes.mean() == pytest.approx(model.team.size_mean_lines, rel=0.05)
    assert sizes.std() / sizes.mean() == pytest.approx(0.5, abs=0.1)
    commits = np.array([c.commit_hours for c in changes])
    assert commits.max() < 28 * 24 and commits.max() > 27 * 24 - 24 * 3  # to the last Friday
    fixed_size = scenario.with_values({"team.size_cv": 0.0}).model
    same = generate_changes(fixed_size, calendar_for(fixed_size), RandomStreams(2, 0))
    assert {c.size_lines for c in same} == {model.team.size_mean_lines}


def test_each_source_of_randomness_has_its_named_stream(default_scenario):
    """One stream per source (cdsim/random_streams.py): the commits' times, the sizes, the
    defects and the four detectors' draws come from the streams of those names, in that
    layout, so that changing one source leaves the others' numbers alone."""
    from cdsim.distributions import sample_array
    from cdsim.pipeline import calendar_for
    from cdsim.random_streams import RandomStreams
    from cdsim.stages.commit import defect_probability, generate_changes

    model = default_scenario.model
    changes = generate_changes(model, calendar_for(model), RandomStreams(7, 1))
    n = len(changes)
    fresh = RandomStreams(7, 1)
    team = model.team
    sizes = sample_array("lognormal", team.size_mean_lines, team.size_cv, fresh("sizes"), n)
    defects = fresh("defects").random(n) < defect_probability(
        sizes, team.defect_probability, team.size_mean_lines
    )
    draws = fresh("detection").random((n, 4))
    assert [c.size_lines for c in changes] == sizes.tolist()
    assert [c.defect for c in changes] == defects.tolist()
    assert [c.detection_draws for c in changes] == [tuple(row) for row in draws.tolist()]


def test_the_defect_probability_of_a_size():
    """1 - (1 - p)^(size / mean): p at the mean size, 1 - (1 - p)^2 at twice it, 0 for an
    empty change; exactly 0 or 1 when p is."""
    from cdsim.stages.commit import defect_probability

    sizes = [0, 50, 100, 200]
    assert defect_probability(sizes, 0.1, 100.0).tolist() == pytest.approx(
        [0.0, 1 - 0.9**0.5, 0.1, 1 - 0.9**2]
    )
    assert defect_probability(sizes, 1.0, 100.0).tolist() == [0.0, 1.0, 1.0, 1.0]
    assert defect_probability([0.5, 3], 1.0, 100.0).tolist() == [1.0, 1.0]
    assert defect_probability(sizes, 0.0, 100.0).tolist() == [0.0] * 4


# ---------------------------------------------------------------------- the gates


@pytest.mark.parametrize("practice", cdsim.PRACTICES)
def test_every_live_change_went_through_the_gate_in_order(default_scenario, practice):
    """commit <= first build <= last green build <= gate exit <= production; Continuous
    Deployment's gate opens as staging ends (it is automatic)."""
    run = cdsim.simulate(fast(default_scenario, days=2.0), practice, seed=14)
    live = run.changes[run.changes["production_hours"].notna()]
    assert len(live) > 50
    order = ["commit_hours", "build_start_hours", "build_end_hours", "gate_exit_hours"]
    for earlier, later in zip(order, [*order[1:], "production_hours"], strict=True):
        assert (live[earlier] <= live[later] + EXACT).all(), (earlier, later)
    if practice == "deployment":
        assert np.allclose(live["gate_exit_hours"], live["staging_end_hours"])


def test_a_train_whose_qa_outlasts_the_cadence_cuts_once_qa_is_over(default_scenario):
    """Releases every day (24x7) with QA of 48.5 hours: the train never cuts while a
    release is in QA; the cut that fell due meanwhile happens as QA ends, once (not one
    cut per missed day)."""
    scenario = fast(default_scenario, days=12.0, release__qa_duration=fixed(48.5 * 60))
    events = cdsim.simulate(scenario, "integration", seed=15).events
    cuts = np.unique(events.loc[events["event"] == "release_cut", "time_hours"])
    assert len(cuts) >= 3 and cuts[0] == 24.0
    assert np.allclose(np.diff(cuts), 48.5)


def test_a_change_board_meets_at_each_of_its_times_even_half_an_hour_apart(default_scenario):
    scenario = default_scenario.with_values(
        {
            "days": 15.0,
            "warmup_days": 1.0,
            "approval.mode": "board",
            "approval.board_times": ["tue 10:00", "tue 10:30"],
            "team.developers": 20,
        }
    )
    events = cdsim.simulate(scenario, "delivery", seed=16).events
    met = set(np.round(events.loc[events["event"] == "approved", "time_hours"] % 168.0, 9))
    assert met == {34.0, 34.5}


def test_the_practices_are_chosen_by_name_in_their_order():
    from cdsim.practices import check_practices

    assert check_practices(["deployment", "integration", "deployment"]) == (
        "integration",
        "deployment",
    )
    with pytest.raises(cdsim.UnknownPracticeError, match=r"^choose at least one practice$"):
        check_practices([])
    with pytest.raises(cdsim.UnknownPracticeError) as refused:
        check_practices("delivery")
    assert str(refused.value) == (
        "practices must be a list of names, like ['delivery'], not the text 'delivery'"
    )
    with pytest.raises(cdsim.UnknownPracticeError, match="unknown practice 'ci'"):
        check_practices(["delivery", "ci"])
