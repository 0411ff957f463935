"""The golden numbers: a few metrics of the default and classroom scenarios for fixed seeds.

A change that moves them is a change of the model's behaviour: it must update them on
purpose, after checking that the new numbers are right, with

    python3 tests/golden.py

which rewrites ``tests/golden/metrics.json`` (with the numpy version it used: numpy may
change its random algorithms between versions, so the numbers are compared only under the
version that made them).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

import cdsim

PATH = Path(__file__).parent / "golden" / "metrics.json"
SCENARIOS = ("default", "classroom")
SEEDS = (1, 2)
METRICS = (
    *cdsim.BANDED_METRICS,
    "release_failure_rate",
    "lead_time_p90_hours",
    "batch_size_mean",
    "deploys",
    "redeploys",
    "changes_committed",
    "changes_deployed",
)


def compute() -> dict[str, dict[str, float]]:
    values = {}
    for name in SCENARIOS:
        scenario = cdsim.load_scenario(name)
        for practice in cdsim.PRACTICES:
            for seed in SEEDS:
                metrics = cdsim.simulate(scenario, practice, seed=seed, keep_events=False).metrics()
                values[f"{name}/{practice}/seed{seed}"] = {m: float(metrics[m]) for m in METRICS}
    return values


def write() -> None:
    PATH.parent.mkdir(exist_ok=True)
    document = {"numpy": np.__version__, "values": compute()}
    PATH.write_text(json.dumps(document, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write()
    print(f"wrote {PATH} with numpy {np.__version__}", file=sys.stderr)
