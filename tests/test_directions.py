"""Directions the model must get right, checked with common random numbers (same seed)."""

import cdsim


def mean_metric(scenario, practice, metric, replications=3):
    res = cdsim.compare(scenario, replications=replications, seed=21, jobs=1, practices=[practice])
    row = res.summary[(res.summary["metric"] == metric)]
    return float(row["mean"].iloc[0])


def test_more_runners_less_build_queueing(default_scenario):
    busy = default_scenario.with_values({"team.developers": 14, "build.runners": 1})
    queue = [
        mean_metric(busy.with_values({"build.runners": n}), "deployment", "time_build_queue_hours")
        for n in (1, 2, 4)
    ]
    assert queue[0] > queue[1] > queue[2]
    assert queue[0] > 5 * queue[2]


def test_slower_approval_longer_lead_time(default_scenario):
    lead = [
        mean_metric(
            default_scenario.with_values({"approval.delay.mean_hours": h}),
            "delivery",
            "lead_time_mean_hours",
        )
        for h in (1, 4, 24)
    ]
    assert lead[0] < lead[1] < lead[2]


def test_rarer_releases_longer_lead_time_and_bigger_batches(default_scenario):
    short = default_scenario.with_values({"release.every_days": 7})
    long = default_scenario.with_values({"release.every_days": 28})
    assert mean_metric(short, "integration", "lead_time_mean_hours") < mean_metric(
        long, "integration", "lead_time_mean_hours"
    )
    assert mean_metric(short, "integration", "batch_size_mean") < mean_metric(
        long, "integration", "batch_size_mean"
    )


def test_better_tests_fewer_failed_deploys(default_scenario):
    weak = default_scenario.with_values({"build.detection": 0.2, "staging.detection": 0.2})
    strong = default_scenario.with_values({"build.detection": 0.9, "staging.detection": 0.9})
    assert mean_metric(strong, "deployment", "change_failure_rate") < mean_metric(
        weak, "deployment", "change_failure_rate"
    )


def test_bigger_batches_longer_diagnosis(default_scenario):
    """Time to restore grows with the changes in a deploy (integration ships big releases)."""
    res = cdsim.compare(default_scenario, replications=3, seed=2, jobs=1)
    restore = res.table(["time_to_restore_mean_hours"])["time_to_restore_mean_hours"]
    assert restore["integration"] > restore["deployment"]
