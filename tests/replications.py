"""The tables of several runs at once, for the theory tests.

``runs(scenario, practices, seed, replications)`` gives, for each (practice, replication),
the tables of ``cdsim.simulate(scenario, practice, seed=seed, replication=r)``, computed by
``cdsim.compare`` on two processes: the same numbers (test_experiments.py checks that run r
of compare is simulate with replication r), in half the wall time on a two-core machine.
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

import cdsim


class Tables(NamedTuple):
    changes: pd.DataFrame
    deployments: pd.DataFrame
    incidents: pd.DataFrame


def runs(
    scenario: cdsim.Scenario, practices: list[str], seed: int, replications: int
) -> dict[tuple[str, int], Tables]:
    result = cdsim.compare(
        scenario, replications=replications, seed=seed, jobs=2, practices=practices
    )

    def of(frame: pd.DataFrame, practice: str, r: int) -> pd.DataFrame:
        rows = frame[(frame["practice"] == practice) & (frame["replication"] == r)]
        return rows.drop(columns=["practice", "replication"]).reset_index(drop=True)

    return {
        (p, r): Tables(*(of(getattr(result, t), p, r) for t in Tables._fields))
        for p in practices
        for r in range(replications)
    }
