"""Every probability the model draws shows in the tables at its own rate.

Each test builds a scenario in which one probability can be read straight off the tables:
its trials are counted exactly (every build, every defect that reaches a detector, every
manual deploy, every incident), and each trial is an independent Bernoulli(p) draw of
the model. The observed share must then lie within

    p +- 4 sqrt(p (1 - p) / n)

(four binomial standard deviations). Why 4: under the normal approximation a correct model
lands outside with probability 6e-5, so the bound is not tight enough to flake on another
seed or numpy version; and it is still narrow enough to catch the bugs that matter, which
each test states (p read as a percentage, a detector's probability applied to the wrong
stage, the complement taken). Seeds are fixed, so each test is deterministic anyway.

The scenarios are small and 24x7 with fixed, short durations, so that each run takes a
fraction of a second and nothing but the probability under test varies.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import cdsim
from cdsim.pipeline import calendar_for
from cdsim.random_streams import RandomStreams
from cdsim.stages.commit import generate_changes

SD = 4.0  # binomial standard deviations allowed (see the module's docstring)
ALL_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def fixed(minutes: float) -> dict:
    return {"dist": "fixed", "mean_minutes": minutes}


def fast(base: cdsim.Scenario, **values) -> cdsim.Scenario:
    """A 24x7 team committing ~100 changes a day whose every duration is short and fixed;
    ``values`` (dotted keys with ``__`` for dots) set the probability under test."""
    settings = {
        "days": 10.0,
        "warmup_days": 0.0,
        "calendar.work_hours": "24x7",
        "calendar.work_days": ALL_DAYS,
        "team.developers": 10,
        "team.commits_per_day": 10.0,
        "team.size_cv": 0.0,  # every change the mean size: its defect probability is p itself
        "team.defect_probability": 0.0,
        "team.fix_time": fixed(30),
        "build.runners": 20,
        "build.duration": fixed(5),
        "build.detection": 0.0,
        "build.flaky_probability": 0.0,
        "staging.duration": fixed(5),
        "staging.detection": 0.0,
        "approval.delay": fixed(10),
        "approval.detection": 0.0,
        "release.every_days": 1.0,
        "release.qa_duration": fixed(60),
        "release.qa_detection": 0.0,
        "release.deploy_duration": fixed(30),
        "release.retest_duration": fixed(30),
        "release.manual_error_probability": 0.0,
        "production.deploy_duration": fixed(5),
        "incident.detection": fixed(1),
        "incident.diagnosis": fixed(5),
        "incident.rollback": fixed(1),
        "incident.manual_rollback": fixed(10),
        "incident.fix_forward": fixed(10),
        "incident.fix_forward_probability": 0.0,
    }
    settings.update({key.replace("__", "."): value for key, value in values.items()})
    return base.with_values(settings)


def assert_binomial(successes: int, trials: int, p: float, what: str) -> None:
    """``successes`` of ``trials`` within SD binomial standard deviations of ``p``."""
    assert trials >= 100, f"{what}: only {trials} trials, too few to measure a rate"
    sd = math.sqrt(p * (1 - p) / trials)
    observed = successes / trials
    assert abs(observed - p) <= SD * sd, (
        f"{what}: {successes}/{trials} = {observed:.4f}, expected {p} +- {SD * sd:.4f}"
    )


def everything_deployed(run) -> None:
    """Rates are counted over every change, so every change must have finished."""
    assert run.changes["production_hours"].notna().all()


# ------------------------------------------------------------------------------ build


def test_flaky_builds_fail_at_the_flaky_probability(default_scenario):
    """build.flaky_probability = f: every build, of any change, turns red with probability
    f, drawn anew each time. Without defects every red build is a flaky one, so red builds
    / builds estimates f (a change rebuilds until green: the count of reds is negative
    binomial, whose estimate R / (R + N) has the binomial variance f (1 - f) / builds).

    f = 0.2 over ~1,250 builds: 0.2 +- 0.045. Reading f as a percentage (0.002) is off by
    0.198; taking the complement (0.8) by 0.6."""
    f = 0.2
    run = cdsim.simulate(fast(default_scenario, build__flaky_probability=f), "deployment", seed=1)
    everything_deployed(run)
    builds = int(run.changes["build_runs"].sum())
    red = int((run.events["event"] == "build_red").sum())
    assert red == int(run.changes["rework_count"].sum())  # every red build went back
    assert_binomial(red, builds, f, "flaky builds")


def test_no_build_is_flaky_at_zero(default_scenario):
    """flaky_probability = 0 is exact: without defects every change builds once."""
    never = cdsim.simulate(fast(default_scenario), "deployment", seed=1)
    everything_deployed(never)
    assert (never.changes["build_runs"] == 1).all() and (never.changes["rework_count"] == 0).all()


# ----------------------------------------------------------------- the four detectors


@pytest.fixture(scope="module")
def every_change_defective(default_scenario):
    """Every change carries a defect (p = 1 at the mean size, and every change is the mean
    size); each detector catches with its own probability; failed deploys are fixed
    forward at once, so that every change reaches production."""
    return fast(
        default_scenario,
        team__defect_probability=1.0,
        build__detection=0.3,
        staging__detection=0.4,
        approval__detection=0.5,
        release__qa_detection=0.6,
        incident__fix_forward_probability=1.0,
    )


@pytest.fixture  # per test, not per module: see tests/test_metrics.py on mutmut
def delivery_run(every_change_defective):
    run = cdsim.simulate(every_change_defective, "delivery", seed=3)
    everything_deployed(run)
    assert run.changes["defect"].all()
    return run


def test_unit_tests_catch_at_build_detection(delivery_run):
    """Each defect meets the unit tests once, in its first build, caught with probability
    build.detection = 0.3 (one fixed draw per defect and detector). Over ~1,000 changes:
    0.3 +- 0.058."""
    caught = delivery_run.changes["caught_in"]
    assert_binomial(int((caught == "build").sum()), len(caught), 0.3, "build detection")


def test_staging_tests_catch_at_staging_detection(delivery_run):
    """The defects that the unit tests missed meet the staging tests, which catch them
    with staging.detection = 0.4 (0.4 +- 0.07 over ~700). Applying build's 0.3 here, or
    the product 0.3 x 0.4, is caught."""
    caught = delivery_run.changes["caught_in"]
    reached = caught != "build"
    assert_binomial(int((caught == "staging").sum()), int(reached.sum()), 0.4, "staging")


def test_the_reviewer_catches_at_approval_detection(delivery_run):
    """The defects past build and staging meet the reviewer: approval.detection = 0.5
    (0.5 +- 0.1 over ~420); the rest escape to production."""
    caught = delivery_run.changes["caught_in"]
    reached = ~caught.isin(["build", "staging"])
    assert_binomial(int((caught == "review").sum()), int(reached.sum()), 0.5, "review")
    escaped = delivery_run.changes["escaped"]
    assert (escaped == (caught == "production")).all()


def test_deployment_has_no_reviewer(every_change_defective):
    """Continuous Deployment's gate is automatic: nobody reviews, whatever approval.detection."""
    run = cdsim.simulate(every_change_defective, "deployment", seed=3)
    everything_deployed(run)
    caught = run.changes["caught_in"]
    assert "review" not in set(caught)
    reached = caught != "build"
    assert_binomial(int((caught == "staging").sum()), int(reached.sum()), 0.4, "staging")


def test_manual_qa_catches_at_qa_detection(every_change_defective):
    """A release train has no staging and no reviewer: the defects past the unit tests meet
    manual QA, which catches them with release.qa_detection = 0.6 (0.6 +- 0.07 over ~700)."""
    run = cdsim.simulate(every_change_defective, "integration", seed=3)
    everything_deployed(run)
    caught = run.changes["caught_in"]
    assert not caught.isin(["staging", "review"]).any()
    reached = caught != "build"
    assert_binomial(int((caught == "qa").sum()), int(reached.sum()), 0.6, "manual QA")


# ---------------------------------------------------------- manual deploys, incidents


def test_manual_deploys_go_wrong_at_the_manual_error_probability(default_scenario):
    """Every manual deploy (the integration practice's) goes wrong with probability
    release.manual_error_probability = 0.3, whatever it carries. Without defects every
    failed deploy is a manual error. Releases every 6 hours for 60 days: ~200 deploys,
    0.3 +- 0.13; 0.003 (a percentage) or 0.7 (the complement) are far outside."""
    scenario = fast(
        default_scenario,
        days=60.0,
        team__developers=2,
        team__commits_per_day=4.0,
        release__every_days=0.25,
        release__manual_error_probability=0.3,
        incident__fix_forward_probability=1.0,
    )
    run = cdsim.simulate(scenario, "integration", seed=5)
    deploys = run.deployments
    assert deploys["manual"].all()
    assert (deploys["failed"] == (deploys["cause"] == "manual_error")).all()
    assert_binomial(int(deploys["failed"].sum()), len(deploys), 0.3, "manual errors")


def test_automated_deploys_never_make_manual_errors(default_scenario):
    scenario = fast(default_scenario, release__manual_error_probability=1.0, days=2.0)
    for practice in ("delivery", "deployment"):
        deploys = cdsim.simulate(scenario, practice, seed=5).deployments
        assert len(deploys) > 10 and not deploys["failed"].any(), practice


def test_incidents_are_fixed_forward_at_the_fix_forward_probability(default_scenario):
    """An incident of an automated deploy is fixed forward with probability
    incident.fix_forward_probability = 0.25, rolled back otherwise (a manual release is
    also fixed forward once it has used up its redeploys; automated deploys never are).
    Half the changes carry a defect that only production finds: ~470 incidents in 10 days,
    0.25 +- 0.08; 0.0025 (a percentage) or 0.75 (the complement) are far outside."""
    scenario = fast(
        default_scenario,
        team__defect_probability=0.5,
        incident__fix_forward_probability=0.25,
    )
    run = cdsim.simulate(scenario, "deployment", seed=7)
    incidents = run.incidents
    assert set(incidents["action"]) <= {"rollback", "fix_forward"}
    fixed_forward = int((incidents["action"] == "fix_forward").sum())
    assert_binomial(fixed_forward, len(incidents), 0.25, "fix forward")
    # one incident per failed deploy
    assert len(incidents) == int(run.deployments["failed"].sum())


# ------------------------------------------------------------------- commits, defects


def test_defects_follow_the_size_law(default_scenario):
    """A change of s lines carries a defect with probability 1 - (1 - p)^(s / mean size).
    The defects of n changes of different sizes are independent Bernoulli(q_i): their count
    has mean sum q_i and variance sum q_i (1 - q_i); checked within 4 sd over ~4,000
    changes of lognormal sizes. Ignoring the size (p for every change) is caught too: the
    sizes are right-skewed, so the mean of q_i is well below p."""
    p = 0.2
    scenario = default_scenario.with_values(
        {
            "calendar.work_hours": "24x7",
            "calendar.work_days": ALL_DAYS,
            "days": 20.0,
            "warmup_days": 0.0,
            "team.developers": 20,
            "team.commits_per_day": 10.0,
            "team.size_cv": 1.5,
            "team.defect_probability": p,
        }
    )
    model = scenario.model
    changes = generate_changes(model, calendar_for(model), RandomStreams(11, 0))
    sizes = np.array([c.size_lines for c in changes])
    defects = np.array([c.defect for c in changes])
    q = 1 - (1 - p) ** (sizes / model.team.size_mean_lines)
    sd = math.sqrt((q * (1 - q)).sum())
    assert len(changes) > 3000
    assert abs(defects.sum() - q.sum()) <= SD * sd, (defects.sum(), q.sum(), sd)
    assert abs(defects.sum() - p * len(changes)) > SD * sd  # the size law is visible
    # bigger changes are riskier: the defective ones are larger on average
    assert sizes[defects].mean() > 1.5 * sizes[~defects].mean()


def test_commits_arrive_at_the_rate_per_working_day(default_scenario):
    """Each developer commits commits_per_day per *working* day: over 4 weeks of a
    Monday-Friday calendar (20 working days), 50 developers at 3 a day commit a
    Poisson(3,000) number of changes, 3,000 +- 4 sqrt(3,000) = 3,000 +- 219. Counting per
    calendar day (4,200) or per working hour as if the day had 24 (1,125) is caught."""
    scenario = default_scenario.with_values(
        {"days": 28.0, "warmup_days": 0.0, "team.developers": 50, "team.commits_per_day": 3.0}
    )
    model = scenario.model
    changes = generate_changes(model, calendar_for(model), RandomStreams(2, 0))
    expected = 50 * 3.0 * 20
    assert abs(len(changes) - expected) <= SD * math.sqrt(expected), len(changes)
    authors = np.bincount([c.author for c in changes], minlength=50)
    assert (authors > 0).all()  # every developer commits
