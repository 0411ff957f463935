"""Data collection: what the model records while it runs, turned into tidy tables after."""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, NamedTuple, get_type_hints

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
    "retest_start",
    "retest_end",
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
        self.deployments: list[DeploymentRow] = []
        self.incidents: list[IncidentRow] = []

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

    def add_deployment(self, row: DeploymentRow) -> None:
        self.deployments.append(row)

    def add_incident(self, row: IncidentRow) -> None:
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


# Columns taken straight from each Change, with their dtypes, in table order: the facts
# and instants of a change, then (after its lead time) how it went.
CHANGE_COLUMNS = {
    "change_id": np.int64,
    "author": np.int64,
    "size_lines": float,
    "defect": bool,
    "commit_hours": float,
    "build_start_hours": float,
    "build_end_hours": float,
    "staging_start_hours": float,
    "staging_end_hours": float,
    "gate_exit_hours": float,
    "production_hours": float,
}
OUTCOME_COLUMNS = {
    "deploy_id": np.int64,
    "deploys": np.int64,
    "rework_count": np.int64,
    "build_runs": np.int64,
    "caught_in": object,
    "escaped": bool,
}


class DeploymentRow(NamedTuple):
    """One production deploy, as the deployer records it (see docs/results.md)."""

    deploy_id: int
    start_hours: float
    end_hours: float
    batch_size: int
    culprits: int
    failed: bool
    cause: str
    manual: bool
    redeploy: bool


class IncidentRow(NamedTuple):
    """One incident (a failed deploy until service is restored)."""

    incident_id: int
    deploy_id: int
    start_hours: float
    detected_hours: float
    restored_hours: float
    batch_size: int
    action: str


_DTYPES = {int: np.int64, float: float, bool: bool, str: object}


def _dtypes(row: type[NamedTuple]) -> dict[str, type]:
    """Column dtypes of a row type, in field order, from its annotations."""
    return {name: _DTYPES[kind] for name, kind in get_type_hints(row).items()}


DEPLOYMENT_COLUMNS = _dtypes(DeploymentRow)
INCIDENT_COLUMNS = _dtypes(IncidentRow)


def _columns(rows: Iterable[tuple], dtypes: dict[str, type]) -> dict[str, Any]:
    """Rows of values (in the order of ``dtypes``) as one typed array per column.

    Building a frame once from typed columns is several times faster than building it from
    rows and converting its columns after.
    """
    values = list(zip(*rows, strict=True)) or [()] * len(dtypes)
    return {
        # text stays Python objects (pandas would otherwise infer its string dtype)
        name: pd.Series(column, dtype=object) if dtype is object else np.array(column, dtype)
        for (name, dtype), column in zip(dtypes.items(), values, strict=True)
    }


def _change_columns(changes: list[Change], dtypes: dict[str, type]) -> dict[str, Any]:
    """One typed array per attribute of the changes.

    Column by column, not row by row: a tuple per change would be as many objects again
    for the garbage collector to scan, which made long runs slower per change.
    """
    columns = {}
    for name, dtype in dtypes.items():
        values = map(attrgetter(name), changes)
        if dtype is object:
            columns[name] = pd.Series(list(values), dtype=object)
        else:
            columns[name] = np.fromiter(values, dtype=dtype, count=len(changes))
    return columns


def changes_table(changes: list[Change], window: Window) -> pd.DataFrame:
    """One row per change (see docs/results.md)."""
    columns = _change_columns(changes, CHANGE_COLUMNS)
    columns["lead_time_hours"] = columns["production_hours"] - columns["commit_hours"]
    columns.update(_change_columns(changes, OUTCOME_COLUMNS))
    columns["in_window"] = window.contains(columns["commit_hours"])
    deployed = ~np.isnan(columns["production_hours"])
    spent = np.array([c.spent_hours for c in changes], dtype=float).reshape(
        len(changes), len(TIME_CATEGORIES)
    )
    for index, name in enumerate(TIME_CATEGORIES):
        # a change not yet in production has no lead time to split
        columns[f"{name}_hours"] = np.where(deployed, spent[:, index], np.nan)
    return pd.DataFrame(columns)


def deployments_table(rows: list[tuple], window: Window) -> pd.DataFrame:
    columns = _columns(rows, DEPLOYMENT_COLUMNS)
    columns["in_window"] = window.contains(columns["start_hours"])
    return pd.DataFrame(columns)


def incidents_table(rows: list[tuple], window: Window) -> pd.DataFrame:
    columns = _columns(rows, INCIDENT_COLUMNS)
    columns["in_window"] = window.contains(columns["start_hours"])
    frame = pd.DataFrame(columns)
    frame.insert(5, "restore_hours", frame["restored_hours"] - frame["start_hours"])
    return frame
