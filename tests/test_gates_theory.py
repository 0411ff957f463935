"""The gates and the deploy agree with probability theory.

Each test names the formula it checks and why its tolerance is what it is.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from replications import runs
from scipy import stats

import cdsim


@pytest.fixture(scope="module")
def textbook(queueing):
    """Zero-time pipeline; defects only where a test puts them."""
    return queueing.with_values({"build.duration.mean_minutes": 0})


def test_deploy_failure_rate_is_one_minus_binomial(textbook):
    """P(deploy of k changes fails) = 1 - (1 - p)^k when each change independently carries
    an escaped defect with probability p (here no test detects anything, every change is
    the same size, and fix-forward keeps every change to a single deploy).

    Per batch size k with n_k deploys, the failures are Binomial(n_k, q_k): the check is
    |failures - n_k q_k| < 4 sd (a 1-in-15,000 event per k under the model), and the
    chi-square statistic over all k must have a p-value above 0.001.
    """
    p = 0.05
    scenario = textbook.with_values(
        {
            "team.defect_probability": p,
            "team.commits_per_day": 4.8,  # 2 an hour: batches of several changes
            "approval.delay": {"dist": "exponential", "mean_hours": 3},
            "incident.fix_forward_probability": 1.0,
        }
    )
    deploys = pd_concat(
        cdsim.simulate(scenario, "delivery", seed=2, replication=r).deployments for r in range(3)
    )
    assert (deploys["cause"].isin(["", "defect"])).all()
    chi2, tested = 0.0, 0
    for k, group in deploys.groupby("batch_size"):
        n = len(group)
        q = 1 - (1 - p) ** k
        if n < 30 or n * q < 5 or n * (1 - q) < 5:
            continue
        failures = group["failed"].sum()
        sd = math.sqrt(n * q * (1 - q))
        assert abs(failures - n * q) < 4 * sd, (k, n, failures, n * q)
        chi2 += (failures - n * q) ** 2 / (n * q * (1 - q))
        tested += 1
    assert tested >= 5, "too few batch sizes to test"
    assert stats.chi2.sf(chi2, tested) > 0.001


def pd_concat(frames):
    import pandas as pd

    return pd.concat(list(frames), ignore_index=True)


def test_release_wait_is_uniform_over_the_cycle(textbook):
    """Releases cut every D days: a change committed at a uniformly random instant waits
    U(0, 24 D) hours for the cut (Poisson arrivals are uniform within each cycle).
    Checked with a Kolmogorov-Smirnov test (p > 0.001) and the mean 12 D within 4 SE."""
    every_days = 7
    scenario = textbook.with_values({"release.every_days": every_days, "days": 120})
    changes = cdsim.simulate(scenario, "integration", seed=4).changes
    waits = changes.loc[changes["in_window"], "gate_hours"].to_numpy()
    cycle = 24.0 * every_days
    assert stats.kstest(waits, stats.uniform(0, cycle).cdf).pvalue > 0.001
    se = cycle / math.sqrt(12 * len(waits))
    assert abs(waits.mean() - cycle / 2) < 4 * se


def test_approval_delay_adds_its_mean_24x7(textbook):
    """Delivery waits at the gate for the approver: with an exponential delay of mean m,
    every change waits Exp(m) (a change that arrives during an open review waits the
    residual, which is Exp(m) again: memorylessness). So delivery's lead time exceeds
    deployment's by m on average, the same commits running under both. (Changes promoted by
    one approval share it, so they are not independent: the check uses replication means.)"""
    m = 4.0
    scenario = textbook.with_values({"approval.delay": {"dist": "exponential", "mean_hours": m}})
    extra = []
    tables = runs(scenario, ["delivery", "deployment"], seed=8, replications=6)
    for r in range(6):
        delivery = tables["delivery", r].changes
        deployment = tables["deployment", r].changes
        window = delivery["in_window"]
        extra.append((delivery["lead_time_hours"] - deployment["lead_time_hours"])[window].mean())
    extra = np.array(extra)
    se = extra.std(ddof=1) / math.sqrt(len(extra))
    assert abs(extra.mean() - m) < 4 * se and se < 0.05 * m


def test_approval_delay_counts_in_working_hours(default_scenario):
    """With an office calendar the approver's delay is counted in working hours: the gate
    wait, measured on the work clock, averages the mean delay (memorylessness again,
    now on the work clock), while on the wall clock it is much longer (nights, weekends)."""
    from cdsim.pipeline import calendar_for

    m = 3.0
    scenario = default_scenario.with_values(
        {
            "approval.delay.mean_hours": m,
            "team.defect_probability": 0.0,
            "build.flaky_probability": 0.0,
        }
    )
    calendar = calendar_for(scenario.model)
    work_waits, wall_waits = [], []
    for r in range(4):
        changes = cdsim.simulate(scenario, "delivery", seed=9, replication=r).changes
        changes = changes[changes["in_window"]]
        entered = changes["staging_end_hours"].to_numpy()
        left = changes["gate_exit_hours"].to_numpy()
        to_work = np.vectorize(calendar.to_work_clock)
        work_waits.append((to_work(left) - to_work(entered)).mean())
        wall_waits.append((left - entered).mean())
    work_waits = np.array(work_waits)
    se = work_waits.std(ddof=1) / math.sqrt(len(work_waits))
    assert abs(work_waits.mean() - m) < 4 * se + 0.02 * m
    assert np.mean(wall_waits) > 2 * m


@pytest.mark.parametrize("practice", cdsim.PRACTICES)
def test_rework_time_is_only_fixing_time(default_scenario, practice):
    """Where the time goes is booked to the right place: with a fixed fix time of f hours
    and a 24x7 calendar, each change's rework time is exactly (times sent back) x f,
    whichever detector sent it back (build, staging, review, QA or an incident)."""
    f = 1.5
    scenario = default_scenario.with_values(
        {
            "calendar.work_hours": "24x7",
            "calendar.work_days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
            "team.fix_time": {"dist": "fixed", "mean_hours": f},
            "team.defect_probability": 0.3,
            "approval.detection": 0.5,
            "incident.fix_forward_probability": 0.0,
            "release.max_redeploys": 1000,  # never fix a release forward either
            "days": 20,
        }
    )
    changes = cdsim.simulate(scenario, practice, seed=12).changes
    live = changes[changes["production_hours"].notna()]
    assert live["caught_in"].nunique() >= 3
    assert np.allclose(live["rework_hours"], live["rework_count"] * f)


@pytest.mark.parametrize(
    ("practice", "replications", "values"),
    [
        # releases every 3 days: batches of ~50 changes, whose q is far from 0 and 1
        ("integration", 4, {"release.every_days": 3}),
        ("delivery", 3, {}),
        ("deployment", 2, {}),
    ],
)
def test_first_deploys_fail_as_one_minus_binomial(default_scenario, practice, replications, values):
    """The batch-risk chart's claim on the default scenario: a first deploy (not a redeploy
    after a rollback) of k changes fails on a defect with probability q = 1 - (1 - p)^k,
    where p is the practice's escaped defects per change. Changes are independent, so the
    chance that none of k carries a defect is (1 - p)^k even though each change's own
    chance depends on its size.

    Deploys are binned by log2(k); in a bin the defect failures are a sum of Bernoulli(q_i),
    with mean sum q_i and variance sum q_i (1 - q_i): each bin within 4 sd, and the
    chi-square over the bins with a p-value above 0.001.
    """
    scenario = default_scenario.with_values(values)
    tables = runs(scenario, [practice], seed=3, replications=replications)
    frames = [tables[practice, r].deployments for r in range(replications)]
    d = pd_concat(frames)
    d = d[d["in_window"] & ~d["redeploy"]]
    p = d["culprits"].sum() / d["batch_size"].sum()
    q = 1 - (1 - p) ** d["batch_size"].to_numpy(float)
    on_defect = d["cause"].str.contains("defect").to_numpy()
    bins = np.floor(np.log2(d["batch_size"].to_numpy(float))).astype(int)
    chi2, tested = 0.0, 0
    for b in np.unique(bins):
        inside = bins == b
        mean, var = q[inside].sum(), (q[inside] * (1 - q[inside])).sum()
        if var < 2:
            continue
        failures = on_defect[inside].sum()
        assert abs(failures - mean) < 4 * math.sqrt(var), (b, inside.sum(), failures, mean)
        chi2 += (failures - mean) ** 2 / var
        tested += 1
    assert tested >= 1
    assert stats.chi2.sf(chi2, tested) > 0.001
