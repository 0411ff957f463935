"""DORA bands: published limits from data/dora_bands.csv, applied as documented."""

import math

import pytest

from cdsim.metrics.bands import band_table, classify, sources


def test_the_table_names_its_sources():
    table = band_table()
    assert set(sources()) == {"four-keys", "dora-2021", "dora-2023"}
    assert table["reference"].str.len().min() > 10
    for (source, metric), rows in table.groupby(["source", "metric"]):
        assert rows["band"].iloc[-1] == "low", (source, metric)


@pytest.mark.parametrize(
    ("metric", "value", "band"),
    [
        ("lead_time_median_hours", 0.5, "elite"),
        ("lead_time_median_hours", 23.9, "elite"),
        ("lead_time_median_hours", 24.0, "high"),
        ("lead_time_median_hours", 200.0, "medium"),
        ("lead_time_median_hours", 5000.0, "low"),
        ("time_to_restore_median_hours", 100.0, "high"),
        ("change_failure_rate", 0.15, "elite"),
        ("change_failure_rate", 0.30, "medium"),
        ("change_failure_rate", 0.46, "low"),
        ("deploys_per_day", 3.0, "elite"),
        ("deploys_per_day", 0.5, "high"),
        ("deploys_per_day", 0.05, "medium"),
        ("deploys_per_day", 0.01, "low"),
    ],
)
def test_four_keys_cut_offs(metric, value, band):
    assert classify(metric, value, "four-keys") == band


@pytest.mark.parametrize(
    ("metric", "value", "band"),
    [
        # the DORA 2023 clusters, the default (docs/model.md, "DORA bands")
        ("deploys_per_day", 1.0, "elite"),
        ("deploys_per_day", 0.99, "high"),
        ("deploys_per_day", 1 / 7, "high"),
        ("deploys_per_day", 0.14, "medium"),
        ("deploys_per_day", 1 / 30, "medium"),
        ("deploys_per_day", 0.033, "low"),
        ("lead_time_median_hours", 23.9, "elite"),
        ("lead_time_median_hours", 24.0, "high"),
        ("lead_time_median_hours", 168.0, "medium"),
        ("lead_time_median_hours", 729.0, "medium"),
        ("lead_time_median_hours", 730.0, "low"),
        ("change_failure_rate", 0.05, "elite"),
        ("change_failure_rate", 0.075, "elite"),
        ("change_failure_rate", 0.10, "high"),
        ("change_failure_rate", 0.15, "medium"),
        ("change_failure_rate", 0.395, "medium"),
        ("change_failure_rate", 0.64, "low"),
        ("time_to_restore_median_hours", 0.99, "elite"),
        ("time_to_restore_median_hours", 1.0, "high"),
        ("time_to_restore_median_hours", 23.9, "high"),
        ("time_to_restore_median_hours", 24.0, "medium"),
        ("time_to_restore_median_hours", 167.9, "medium"),
        ("time_to_restore_median_hours", 168.0, "low"),
    ],
)
def test_dora_2023_clusters_are_the_default(metric, value, band):
    assert classify(metric, value) == band == classify(metric, value, "dora-2023")


def test_other_sources_and_edge_cases():
    assert classify("lead_time_median_hours", 0.5, "dora-2021") == "elite"
    assert classify("lead_time_median_hours", 2.0, "dora-2021") == "high"
    assert classify("change_failure_rate", 0.10, "dora-2023") == "high"
    assert classify("change_failure_rate", math.nan) == ""
    assert classify("rework_rate", 0.3) == ""
    with pytest.raises(ValueError, match="unknown band source") as refused:
        classify("change_failure_rate", 0.1, "dora-1999")
    assert "expected one of: four-keys, dora-2021, dora-2023" in str(refused.value)


def test_a_value_that_passes_no_rule_is_low(monkeypatch):
    """The documented fallback: bands are tried from elite down, and a value that passes
    none of the rules is "low", even in a table whose low row has a rule of its own."""
    import pandas as pd

    from cdsim.metrics import bands

    table = pd.DataFrame(
        {
            "source": ["test"] * 3,
            "metric": ["lead_time_median_hours"] * 3,
            "band": ["elite", "high", "medium"],
            "rule": pd.array(["<", "<", "<="], dtype="string"),
            "threshold": [1.0, 24.0, 168.0],
        }
    )
    monkeypatch.setattr(bands, "band_table", lambda: table)
    for cached in (bands.sources, bands._rules):  # read once per source: read the test's
        monkeypatch.setattr(bands, cached.__name__, cached.__wrapped__)
    assert classify("lead_time_median_hours", 0.5, "test") == "elite"
    assert classify("lead_time_median_hours", 168.0, "test") == "medium"
    assert classify("lead_time_median_hours", 168.5, "test") == "low"


def test_the_cut_offs_between_bands_are_the_tables_thresholds():
    """cut_offs(metric, source): the thresholds between the bands, in increasing order,
    as the charts draw them (docs/model.md, "DORA bands")."""
    from cdsim.metrics.bands import cut_offs

    assert cut_offs("lead_time_median_hours") == [24.0, 168.0, 730.0]
    assert cut_offs("time_to_restore_median_hours", "dora-2023") == [1.0, 24.0, 168.0]
    assert cut_offs("change_failure_rate", "four-keys") == [0.15, 0.46]
    assert cut_offs("deploys_per_day", "dora-2021") == [0.005479, 0.033333, 1.0]
    assert cut_offs("rework_rate") == []
