"""The model reduces to textbook queues, and agrees with them.

With the ``queueing`` preset (24x7 calendar, Poisson commits, no defects, no flaky
tests, zero-time later stages) the CI runners are an M/M/c queue, or M/D/1 with a fixed
build time. Each test names the formula it checks.

Tolerance: replications are independent, so their means give a standard error (SE).
A test passes when theory lies within 4 SE of the simulated mean (a true model fails
such a check about 1 time in 300 per test for t with 7 degrees of freedom; the seeds are
fixed, so a pass is a pass). Each test also checks that SE is below 3% of the
theoretical value: the check is tight enough to catch a wrong model.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from replications import runs

import cdsim

REPLICATIONS = 8


def time_in_build(scenario, practice="deployment", replications=REPLICATIONS):
    """Per replication: mean waiting time in queue and mean time in Build (hours)."""
    waits, totals = [], []
    tables = runs(scenario, [practice], seed=11, replications=replications)
    for r in range(replications):
        changes = tables[practice, r].changes
        measured = changes[changes["in_window"]]
        waits.append(measured["build_queue_hours"].mean())
        totals.append((measured["build_queue_hours"] + measured["build_hours"]).mean())
    return np.array(waits), np.array(totals)


def assert_matches(simulated: np.ndarray, theory: float):
    mean = simulated.mean()
    se = simulated.std(ddof=1) / math.sqrt(len(simulated))
    assert se < 0.03 * theory, f"too noisy to test: SE {se:.4f} vs theory {theory:.4f}"
    assert abs(mean - theory) < 4 * se, f"simulated {mean:.4f} +- {se:.4f}, theory {theory:.4f}"


def erlang_c(servers: int, offered_load: float) -> float:
    """Erlang C: probability that an arrival waits in an M/M/c queue (a = lambda / mu)."""
    a, c = offered_load, servers
    top = a**c / math.factorial(c) * c / (c - a)
    return top / (sum(a**k / math.factorial(k) for k in range(c)) + top)


def arrival_rate_per_hour(scenario) -> float:
    team = scenario.model.team
    return team.developers * team.commits_per_day / 24.0


def test_mm1_waiting_time(queueing):
    """M/M/1: Wq = rho / (mu - lambda) and W = 1 / (mu - lambda)."""
    lam = arrival_rate_per_hour(queueing)
    mu = 1.0 / queueing.model.build.duration.mean_in_hours
    assert lam / mu == pytest.approx(0.7)
    waits, totals = time_in_build(queueing)
    assert_matches(waits, (lam / mu) / (mu - lam))
    assert_matches(totals, 1.0 / (mu - lam))


def test_mmc_waiting_time_erlang_c(queueing):
    """M/M/2: Wq = C(c, a) / (c mu - lambda), with C the Erlang C formula."""
    scenario = queueing.with_values({"build.runners": 2, "team.commits_per_day": 33.6})
    lam = arrival_rate_per_hour(scenario)  # 14 an hour; two runners at 10 an hour: rho 0.7
    mu = 1.0 / scenario.model.build.duration.mean_in_hours
    waits, _ = time_in_build(scenario)
    assert_matches(waits, erlang_c(2, lam / mu) / (2 * mu - lam))


def test_md1_waiting_time(queueing):
    """M/D/1 (Pollaczek-Khinchine with no service variance): Wq = rho / (2 mu (1 - rho))."""
    scenario = queueing.with_values({"build.duration.dist": "fixed"})
    lam = arrival_rate_per_hour(scenario)
    mu = 1.0 / scenario.model.build.duration.mean_in_hours
    rho = lam / mu
    waits, _ = time_in_build(scenario)
    assert_matches(waits, rho / (2 * mu * (1 - rho)))


def time_average_in_system(starts, ends, window_start, window_end) -> float:
    """Time-average count of intervals [start, end) open during the window."""
    overlap = np.clip(np.minimum(ends, window_end) - np.maximum(starts, window_start), 0, None)
    return overlap.sum() / (window_end - window_start)


def test_littles_law_in_build_from_the_event_log(queueing):
    """Little's law L = lambda W: the number in Build, counted from the event log, equals
    the arrival rate times the mean time in Build; and both match M/M/1's L = rho / (1 - rho)."""
    run = cdsim.simulate(queueing, "deployment", seed=5)
    events = run.events
    commits = events[events["event"] == "commit"].set_index("change_id")["time_hours"]
    greens = events[events["event"] == "build_green"].set_index("change_id")["time_hours"]
    a, b = run.window.start_hours, run.window.end_hours
    number_in_build = time_average_in_system(
        commits.to_numpy(), greens.reindex(commits.index).to_numpy(), a, b
    )
    arrivals = ((commits >= a) & (commits < b)).sum() / (b - a)
    changes = run.changes[run.changes["in_window"]]
    mean_time = (changes["build_queue_hours"] + changes["build_hours"]).mean()
    # edge effects are of order W / T = 0.33 h / 2640 h: 1% is ample
    assert number_in_build == pytest.approx(arrivals * mean_time, rel=0.01)
    assert number_in_build == pytest.approx(0.7 / 0.3, rel=0.1)  # one run: about 3 SE


def test_littles_law_for_work_in_progress(default_scenario):
    """Little's law for the whole pipeline, with a working calendar and every practice:
    changes in progress (committed, not yet in production) = throughput x lead time."""
    for practice in cdsim.PRACTICES:
        run = cdsim.simulate(default_scenario, practice, seed=3)
        changes = run.changes
        a, b = run.window.start_hours, run.window.end_hours
        wip = time_average_in_system(
            changes["commit_hours"].to_numpy(), changes["production_hours"].to_numpy(), a, b
        )
        arrivals = changes["in_window"].sum() / (b - a)
        lead = changes.loc[changes["in_window"], "lead_time_hours"].mean()
        # edge effects: changes straddling the window ends; W / T is up to 0.2 for releases
        assert wip == pytest.approx(arrivals * lead, rel=0.2 if practice == "integration" else 0.05)
