"""Means with 95% confidence intervals over replications (Student's t)."""

from __future__ import annotations

import math

import numpy as np

# Two-sided 95% quantiles of Student's t, t_{0.975, df}, for df = 1..30.
_T975 = (
    12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281,
    2.2010, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860,
    2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
)  # fmt: skip
_Z975 = 1.959964


def t_quantile_975(df: int) -> float:
    """t_{0.975, df}: tabulated up to 30, then the Cornish-Fisher expansion (error < 1e-4)."""
    if df < 1:
        return math.nan
    if df <= len(_T975):
        return _T975[df - 1]
    z = _Z975
    return z + (z**3 + z) / (4 * df) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)


def mean_ci(values) -> tuple[float, float, float, int]:
    """(mean, low, high, n) of the finite values; the interval is mean +- t * s / sqrt(n).

    With one value the interval is that value; with none, all NaN.
    """
    data = np.asarray(values, dtype=float)
    data = data[np.isfinite(data)]
    n = len(data)
    if n == 0:
        return math.nan, math.nan, math.nan, 0
    mean = float(data.mean())
    if n == 1:
        return mean, mean, mean, 1
    half = t_quantile_975(n - 1) * float(data.std(ddof=1)) / math.sqrt(n)
    return mean, mean - half, mean + half, n
