"""Calibration: the presets land where the DORA research puts such teams (docs/model.md).

Ten replications each; the claims are about bands and orderings, far from the noise
(the confidence intervals are printed on failure).
"""

import pytest

import cdsim


def summary(name, practices=cdsim.PRACTICES):
    res = cdsim.compare(
        cdsim.load_scenario(name), replications=10, seed=1, jobs=2, practices=practices
    )
    return res.summary.set_index(["practice", "metric"])


@pytest.fixture(scope="module")
def default():
    return summary("default")


def test_default_orders_the_practices_as_dora_reports(default):
    lead = default["mean"].xs("lead_time_median_hours", level="metric")
    freq = default["mean"].xs("deploys_per_day", level="metric")
    cfr = default["mean"].xs("change_failure_rate", level="metric")
    assert lead["deployment"] < lead["delivery"] < lead["integration"], lead
    assert freq["deployment"] > freq["delivery"] > freq["integration"], freq
    assert cfr["integration"] > cfr["delivery"] > cfr["deployment"], cfr
    # the intervals do not overlap: the order is not luck
    assert (
        default.loc[("deployment", "lead_time_median_hours"), "ci_high"]
        < default.loc[("delivery", "lead_time_median_hours"), "ci_low"]
    )
    assert (
        default.loc[("integration", "change_failure_rate"), "ci_low"]
        > default.loc[("delivery", "change_failure_rate"), "ci_high"]
    )


def test_elite_preset_lands_in_the_elite_bands():
    bands = summary("elite", ["delivery", "deployment"])["band"]
    for practice in ("delivery", "deployment"):
        for metric in cdsim.BANDED_METRICS:
            assert bands[(practice, metric)] == "elite", (practice, metric)


def test_struggling_preset_lands_in_the_low_and_medium_bands():
    table = summary("struggling", ["integration", "delivery"])
    bands = table["band"]
    # monthly releases: every key medium or low
    for metric in cdsim.BANDED_METRICS:
        assert bands[("integration", metric)] in ("medium", "low"), (
            metric,
            table.loc["integration"],
        )
    # a weekly change board: nothing elite, and a low change failure rate band
    assert "elite" not in {bands[("delivery", m)] for m in cdsim.BANDED_METRICS}
    assert bands[("delivery", "change_failure_rate")] == "low"
