"""Calibration: the presets land where the DORA research puts such teams (docs/model.md).

Every claim is about the default bands (the DORA State of DevOps 2023 clusters) and is
checked on the mean of ten replications with a fixed seed; the confidence intervals are
printed on failure so that a near miss shows as one.
"""

import pytest

import cdsim
from cdsim.metrics.bands import DEFAULT_SOURCE, classify

REPLICATIONS = 10

# The typical change failure rate of each 2023 cluster, and how far from it a preset may
# land: well inside the band around it (elite <= 7.5% < high <= 12.5% < medium <= 39.5%).
TYPICAL_CFR = {
    "elite": (0.05, 0.02),
    "high": (0.10, 0.02),
    "medium": (0.15, 0.05),
    "low": (0.64, 0.15),
}


def summary(name, practices=cdsim.PRACTICES):
    res = cdsim.compare(
        cdsim.load_scenario(name), replications=REPLICATIONS, seed=1, jobs=2, practices=practices
    )
    return res.summary.set_index(["practice", "metric"])


@pytest.fixture(scope="module")
def default():
    return summary("default")


def test_the_default_bands_are_the_dora_2023_clusters():
    assert DEFAULT_SOURCE == "dora-2023"


def test_default_orders_the_practices_as_dora_reports(default):
    lead = default["mean"].xs("lead_time_median_hours", level="metric")
    freq = default["mean"].xs("deploys_per_day", level="metric")
    cfr = default["mean"].xs("change_failure_rate", level="metric")
    restore = default["mean"].xs("time_to_restore_median_hours", level="metric")
    assert lead["deployment"] < lead["delivery"] < lead["integration"], lead
    assert freq["deployment"] > freq["delivery"] > freq["integration"], freq
    assert cfr["integration"] > cfr["delivery"] > cfr["deployment"], cfr
    assert restore["integration"] > restore["delivery"] > restore["deployment"], restore
    # the intervals do not overlap: the order is not luck
    assert (
        default.loc[("deployment", "lead_time_median_hours"), "ci_high"]
        < default.loc[("delivery", "lead_time_median_hours"), "ci_low"]
    )
    assert (
        default.loc[("integration", "change_failure_rate"), "ci_low"]
        > default.loc[("delivery", "change_failure_rate"), "ci_high"]
    )


def test_default_bands_tell_the_classroom_story(default):
    """Deployment elite on every key; a fortnightly release train is a medium deploy
    frequency and lead time, and a low change failure rate."""
    bands = default["band"]
    for metric in cdsim.BANDED_METRICS:
        assert bands[("deployment", metric)] == "elite", (metric, default.loc["deployment"])
    assert bands[("integration", "deploys_per_day")] == "medium", default.loc["integration"]
    assert bands[("integration", "lead_time_median_hours")] == "medium"
    assert bands[("integration", "change_failure_rate")] == "low"


def test_integration_fails_because_its_releases_fail(default):
    """The change failure rate of the release train is its releases' failure rate, give or
    take the recovery deploys of docs/model.md ("How a release train recovers")."""
    row = default.loc["integration"]
    first = row.loc["release_failure_rate", "mean"]
    cfr = row.loc["change_failure_rate", "mean"]
    assert classify("change_failure_rate", first) == "low", row
    assert abs(cfr - first) <= 0.15, row
    # The only deploys besides releases are the redeploys, at most max_redeploys per failed
    # release: failed deploys = failed releases + failed redeploys.
    deploys, redeploys = row.loc["deploys", "mean"], row.loc["redeploys", "mean"]
    releases = deploys - redeploys
    failed_releases = first * releases
    max_redeploys = cdsim.load_scenario("default").model.release.max_redeploys
    assert 0 < redeploys <= max_redeploys * failed_releases, row
    failed_redeploys = row.loc["failed_deploys", "mean"] - failed_releases
    assert 0 <= failed_redeploys <= redeploys + 1e-9, row


@pytest.mark.parametrize("cluster", ["elite", "high", "medium", "low"])
def test_each_preset_lands_in_its_own_dora_cluster(cluster):
    """All four keys in the preset's own band, under the practice the preset names."""
    scenario = cdsim.load_scenario(cluster)
    practice = scenario.model.practice
    table = summary(cluster, [practice]).loc[practice]
    for metric in cdsim.BANDED_METRICS:
        assert table.loc[metric, "band"] == cluster, (metric, table.loc[list(cdsim.BANDED_METRICS)])
    typical, tolerance = TYPICAL_CFR[cluster]
    assert abs(table.loc["change_failure_rate", "mean"] - typical) <= tolerance, table


def test_presets_name_their_practice():
    practices = {name: cdsim.load_scenario(name).model.practice for name in cdsim.preset_names()}
    assert practices["default"] == practices["classroom"] == "delivery"
    assert practices["elite"] == "deployment"
    assert practices["low"] == practices["medium"] == "integration"


def test_struggling_is_the_low_preset_under_its_old_name():
    assert cdsim.load_scenario("struggling") == cdsim.load_scenario("low")
