"""Data collection: what the model records while it runs, turned into tidy tables after."""

from __future__ import annotations

from array import array
from dataclasses import dataclass

import numpy as np
import pandas as pd

from cdsim.change import TIME_CATEGORIES, Change

EVENTS = (
    "commit",
    "build_start",
    "build_green",
    "build_red",
    "fix_done",
    "staging_start",
    "staging_end",
    "caught",
    "review_open",
    "approved",
    "release_cut",
    "qa_end",
    "deploy_start",
    "deploy_ok",
    "deploy_failed",
    "incident_detected",
    "restored",
)
EVENT_CODE = {name: code for code, name in enumerate(EVENTS)}


class Recorder:
    """Collects the event log (compact arrays), deploys and incidents during a run."""

    def __init__(self, keep_events: bool = True) -> None:
        self.keep_events = keep_events
        self._time = array("d")
        self._event = array("b")
        self._change = array("l")
        self._deploy = array("l")
        self.deployments: list[tuple] = []
        self.incidents: list[tuple] = []

    def log(self, time_hours: float, event: str, change_id: int = -1, deploy_id: int = -1) -> None:
        if self.keep_events:
            self._time.append(time_hours)
            self._event.append(EVENT_CODE[event])
            self._change.append(change_id)
            self._deploy.append(deploy_id)

    def log_changes(
        self, time_hours: float, event: str, changes: list[Change], deploy_id: int = -1
    ) -> None:
        if self.keep_events:
            code = EVENT_CODE[event]
            n = len(changes)
            self._time.extend([time_hours] * n)
            self._event.extend([code] * n)
            self._change.extend([c.change_id for c in changes])
            self._deploy.extend([deploy_id] * n)

    def add_deployment(self, row: tuple) -> None:
        self.deployments.append(row)

    def add_incident(self, row: tuple) -> None:
        self.incidents.append(row)

    # -- tables --------------------------------------------------------------------------
    def events_table(self) -> pd.DataFrame:
        codes = np.frombuffer(self._event, dtype=np.int8) if len(self._event) else np.array([], int)
        return pd.DataFrame(
            {
                "time_hours": np.frombuffer(self._time, dtype=float) if len(self._time) else [],
                "event": pd.Categorical.from_codes(codes, categories=list(EVENTS)),
                "change_id": np.asarray(self._change, dtype=np.int64),
                "deploy_id": np.asarray(self._deploy, dtype=np.int64),
            }
        )


@dataclass(frozen=True)
class Window:
    """The measured part of a run: from the end of the warm-up to the horizon."""

    start_hours: float
    end_hours: float

    @property
    def days(self) -> float:
        return (self.end_hours - self.start_hours) / 24.0

    def contains(self, values) -> np.ndarray:
        values = np.asarray(values, dtype=float)
        return (values >= self.start_hours) & (values < self.end_hours)


def changes_table(changes: list[Change], window: Window) -> pd.DataFrame:
    """One row per change (see docs/results.md)."""
    columns = {
        "change_id": [c.change_id for c in changes],
        "author": [c.author for c in changes],
        "size_lines": [c.size_lines for c in changes],
        "defect": [c.defect for c in changes],
        "commit_hours": [c.commit_hours for c in changes],
        "build_start_hours": [c.build_start_hours for c in changes],
        "build_end_hours": [c.build_end_hours for c in changes],
        "staging_start_hours": [c.staging_start_hours for c in changes],
        "staging_end_hours": [c.staging_end_hours for c in changes],
        "gate_exit_hours": [c.gate_exit_hours for c in changes],
        "production_hours": [c.production_hours for c in changes],
    }
    frame = pd.DataFrame(columns)
    frame = frame.astype(
        {"change_id": "int64", "author": "int64", "size_lines": "float64", "defect": "bool"}
    )
    frame["lead_time_hours"] = frame["production_hours"] - frame["commit_hours"]
    frame["deploy_id"] = np.array([c.deploy_id for c in changes], dtype=np.int64)
    frame["rework_count"] = np.array([c.rework_count for c in changes], dtype=np.int64)
    frame["build_runs"] = np.array([c.build_runs for c in changes], dtype=np.int64)
    frame["caught_in"] = pd.Series([c.caught_in for c in changes], dtype=object)
    frame["escaped"] = np.array([c.escaped for c in changes], dtype=bool)
    frame["in_window"] = window.contains(frame["commit_hours"])
    spent = np.array([c.spent_hours for c in changes], dtype=float).reshape(
        len(changes), len(TIME_CATEGORIES)
    )
    for index, name in enumerate(TIME_CATEGORIES):
        # a change not yet in production has no lead time to split
        frame[f"{name}_hours"] = np.where(
            frame["production_hours"].notna(), spent[:, index], np.nan
        )
    return frame


DEPLOYMENT_COLUMNS = [
    "deploy_id",
    "start_hours",
    "end_hours",
    "batch_size",
    "culprits",
    "failed",
    "cause",
    "manual",
]
INCIDENT_COLUMNS = [
    "incident_id",
    "deploy_id",
    "start_hours",
    "detected_hours",
    "restored_hours",
    "batch_size",
    "action",
]


def deployments_table(rows: list[tuple], window: Window) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=DEPLOYMENT_COLUMNS)
    frame = frame.astype(
        {
            "deploy_id": "int64",
            "start_hours": "float64",
            "end_hours": "float64",
            "batch_size": "int64",
            "culprits": "int64",
            "failed": "bool",
            "cause": object,
            "manual": "bool",
        }
    )
    frame["in_window"] = window.contains(frame["start_hours"])
    return frame


def incidents_table(rows: list[tuple], window: Window) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=INCIDENT_COLUMNS)
    frame = frame.astype(
        {
            "incident_id": "int64",
            "deploy_id": "int64",
            "start_hours": "float64",
            "detected_hours": "float64",
            "restored_hours": "float64",
            "batch_size": "int64",
            "action": object,
        }
    )
    frame.insert(5, "restore_hours", frame["restored_hours"] - frame["start_hours"])
    frame["in_window"] = window.contains(frame["start_hours"])
    return frame
