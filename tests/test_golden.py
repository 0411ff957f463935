"""Golden back-test: the default and classroom scenarios give the stored numbers.

It guards the model against changes nobody meant: a refactoring must leave every number
as it was, to the last bit. A change that should move them updates them on purpose
(``python3 tests/golden.py``; see that file). Numbers made under another numpy version are
not compared (numpy may change how it draws), and the skip says so.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from golden import PATH, compute


def test_the_golden_numbers_do_not_move():
    stored = json.loads(PATH.read_text(encoding="utf-8"))
    if stored["numpy"] != np.__version__:
        pytest.skip(f"golden numbers made with numpy {stored['numpy']}, this is {np.__version__}")
    now = compute()
    assert set(now) == set(stored["values"])
    moved = [
        (case, metric, was, now[case][metric])
        for case, metrics in stored["values"].items()
        for metric, was in metrics.items()
        if not (math.isnan(was) and math.isnan(now[case][metric])) and was != now[case][metric]
    ]
    assert not moved, moved
