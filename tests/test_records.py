"""Data collection: the rows the model records become the tables of docs/results.md."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from cdsim.change import TIME_CATEGORIES, Change
from cdsim.records import (
    EVENTS,
    DeploymentRow,
    IncidentRow,
    Recorder,
    Window,
    changes_table,
    deployments_table,
    incidents_table,
)

WINDOW = Window(10.0, 20.0)


def a_change(change_id: int, commit: float) -> Change:
    return Change(change_id, 3, 50.0, commit, True, (0.1, 0.2, 0.3, 0.4))


def test_the_event_log_keeps_every_event_in_order():
    recorder = Recorder()
    recorder.log(1.0, "commit", change_id=7)
    recorder.log(2.5, "deploy_start", deploy_id=3)
    recorder.log_changes(4.0, "staging_start", [a_change(1, 0.0), a_change(2, 0.5)], deploy_id=9)
    events = recorder.events_table()
    assert list(events.columns) == ["time_hours", "event", "change_id", "deploy_id"]
    assert events["time_hours"].tolist() == [1.0, 2.5, 4.0, 4.0]
    assert events["event"].astype(str).tolist() == [
        "commit",
        "deploy_start",
        "staging_start",
        "staging_start",
    ]
    assert list(events["event"].cat.categories) == list(EVENTS)
    assert events["change_id"].tolist() == [7, -1, 1, 2]
    assert events["deploy_id"].tolist() == [-1, 3, 9, 9]
    assert events["change_id"].dtype == np.int64 and events["time_hours"].dtype == float


def test_a_run_without_events_keeps_none_but_the_same_columns():
    recorder = Recorder(keep_events=False)
    recorder.log(1.0, "commit", change_id=7)
    recorder.log_changes(4.0, "caught", [a_change(1, 0.0)])
    events = recorder.events_table()
    assert len(events) == 0
    assert list(events.columns) == ["time_hours", "event", "change_id", "deploy_id"]
    assert Recorder().events_table().empty


def test_the_change_table_has_the_documented_columns_and_types():
    first, late = a_change(0, 12.0), a_change(1, 25.0)
    first.production_hours, first.deploy_id, first.deploys = 15.5, 4, 2
    first.caught_in, first.escaped, first.rework_count, first.build_runs = "qa", True, 1, 2
    first.spent_hours = [float(i) for i in range(len(TIME_CATEGORIES))]
    table = changes_table([first, late], WINDOW)
    documented = [
        "change_id", "author", "size_lines", "defect", "commit_hours", "build_start_hours",
        "build_end_hours", "staging_start_hours", "staging_end_hours", "gate_exit_hours",
        "production_hours", "lead_time_hours", "deploy_id", "deploys", "rework_count",
        "build_runs", "caught_in", "escaped", "in_window",
        *(f"{part}_hours" for part in TIME_CATEGORIES),
    ]  # fmt: skip
    assert list(table.columns) == documented
    row = table.iloc[0]
    assert (row["change_id"], row["author"], row["size_lines"], row["defect"]) == (0, 3, 50, True)
    assert (row["deploy_id"], row["deploys"], row["rework_count"], row["build_runs"]) == (
        4,
        2,
        1,
        2,
    )
    assert (row["caught_in"], row["escaped"], row["in_window"]) == ("qa", True, True)
    assert row["lead_time_hours"] == 3.5
    assert [row[f"{p}_hours"] for p in TIME_CATEGORIES] == list(range(len(TIME_CATEGORIES)))
    # the change not in production: no lead time, nothing to split, deploy -1
    second = table.iloc[1]
    assert math.isnan(second["lead_time_hours"]) and second["deploy_id"] == -1
    assert all(math.isnan(second[f"{p}_hours"]) for p in TIME_CATEGORIES)
    assert not second["in_window"]  # committed at 25, after the horizon 20
    assert table["caught_in"].dtype == object and table["defect"].dtype == bool
    assert table["change_id"].dtype == np.int64


def test_the_deploy_and_incident_tables_have_the_documented_columns():
    deploys = deployments_table(
        [
            DeploymentRow(0, 9.0, 9.5, 3, 1, True, "defect", False, False),
            DeploymentRow(1, 10.0, 11.0, 2, 0, False, "", True, True),
        ],
        WINDOW,
    )
    assert list(deploys.columns) == [
        "deploy_id", "start_hours", "end_hours", "batch_size", "culprits", "failed", "cause",
        "manual", "redeploy", "in_window",
    ]  # fmt: skip
    assert deploys["in_window"].tolist() == [False, True]
    assert deploys["cause"].tolist() == ["defect", ""] and deploys["cause"].dtype == object
    assert deploys["batch_size"].dtype == np.int64 and deploys["failed"].dtype == bool
    incidents = incidents_table([IncidentRow(0, 0, 9.5, 9.6, 12.0, 3, "rollback")], WINDOW)
    assert list(incidents.columns) == [
        "incident_id", "deploy_id", "start_hours", "detected_hours", "restored_hours",
        "restore_hours", "batch_size", "action", "in_window",
    ]  # fmt: skip
    assert incidents["restore_hours"].tolist() == [2.5]
    assert incidents["in_window"].tolist() == [False]


def test_empty_tables_keep_their_columns_and_types():
    deploys = deployments_table([], WINDOW)
    incidents = incidents_table([], WINDOW)
    changes = changes_table([], WINDOW)
    assert len(deploys) == len(incidents) == len(changes) == 0
    assert "in_window" in deploys and "restore_hours" in incidents and "lead_time_hours" in changes
    assert deploys["batch_size"].dtype == np.int64 and deploys["failed"].dtype == bool
    pd.testing.assert_frame_equal(deploys, deployments_table([], WINDOW))
