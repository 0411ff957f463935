"""What makes two results the same: the cdsim that computes them and the inputs of a run.

:func:`fingerprint` names this cdsim (its version and a hash of its source): Dask workers
are checked against it before a sweep, since a worker with another cdsim would compute
other numbers. :func:`numbers_identity` is everything that determines an experiment's
numbers, the key of a sweep's checkpoint (:mod:`cdsim.checkpoint`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from cdsim.metrics.bands import band_table
from cdsim.scenario import Scenario
from cdsim.version import __version__

WORDS_ONLY = ("name", "description", "description_pt")
"""Scenario keys that change no number."""


@cache
def fingerprint() -> tuple[str, str]:
    """(version, hash of the source files) of this cdsim."""
    digest = hashlib.sha256()
    root = Path(__file__).parent
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return __version__, digest.hexdigest()[:12]


def numbers_identity(
    scenario: Scenario, seed: int, practices: Sequence[str], band_source: str
) -> dict[str, Any]:
    """The scenario's values (its words aside), the seed, the practices, the band table's
    rows and the cdsim that runs them, as plain data."""
    values = {k: v for k, v in scenario.to_dict().items() if k not in WORDS_ONLY}
    values.pop("base", None)
    bands = band_table()
    rows = bands[bands["source"] == band_source].astype(str).values.tolist()
    return {
        "cdsim": list(fingerprint()),
        "scenario": values,
        "seed": seed,
        "practices": list(practices),
        "bands": [band_source, rows],
    }


__all__ = ["fingerprint", "numbers_identity"]
