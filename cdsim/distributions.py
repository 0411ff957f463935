"""Durations as distributions: fixed, exponential, lognormal and gamma.

A right-skewed distribution is given by its mean and coefficient of variation (cv =
standard deviation / mean), the two numbers a team can estimate from its CI history.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator

import numpy as np

Sampler = Callable[[], float]

DISTRIBUTIONS = ("fixed", "exponential", "lognormal", "gamma")


def make_sampler(dist: str, mean: float, cv: float, rng: np.random.Generator) -> Sampler:
    """A function that draws one value (same unit as ``mean``) from ``rng`` per call.

    Draws are taken in blocks from ``rng`` for speed; the sequence is still fully
    determined by the stream. A mean of zero gives zero, whatever the distribution.
    """
    if mean < 0 or cv < 0:
        raise ValueError("mean and cv must be >= 0")
    if mean == 0 or dist == "fixed" or (dist in ("lognormal", "gamma") and cv == 0):
        return lambda: mean
    return BlockDraws(_block_drawer(dist, mean, cv, rng))


def sample_array(dist: str, mean: float, cv: float, rng: np.random.Generator, n: int) -> np.ndarray:
    """``n`` draws at once."""
    if mean == 0 or dist == "fixed" or (dist in ("lognormal", "gamma") and cv == 0):
        return np.full(n, float(mean))
    return _block_drawer(dist, mean, cv, rng)(n)


def _block_drawer(dist: str, mean: float, cv: float, rng: np.random.Generator):
    if dist == "exponential":
        return lambda n: rng.exponential(mean, n)
    if dist == "lognormal":
        sigma2 = math.log1p(cv * cv)
        mu = math.log(mean) - sigma2 / 2.0
        sigma = math.sqrt(sigma2)
        return lambda n: rng.lognormal(mu, sigma, n)
    if dist == "gamma":
        shape = 1.0 / (cv * cv)
        scale = mean * cv * cv
        return lambda n: rng.gamma(shape, scale, n)
    raise ValueError(f"unknown distribution {dist!r}; expected one of {DISTRIBUTIONS}")


class BlockDraws:
    """Serves scalar draws from blocks of 256 numpy draws (numpy scalar calls are slow)."""

    __slots__ = ("_draw", "_values")
    BLOCK = 256

    def __init__(self, draw_block) -> None:
        self._draw = draw_block
        self._values: Iterator[float] = iter(())

    def __call__(self) -> float:
        value = next(self._values, None)
        if value is None:  # the block is used up: draw the next one
            self._values = iter(self._draw(self.BLOCK).tolist())
            value = next(self._values)
        return value

    def chance(self, probability: float) -> bool:
        """For uniform draws: True with ``probability`` (never for 0, always for 1)."""
        return self() < probability


def uniform_source(rng: np.random.Generator) -> BlockDraws:
    """Uniform(0, 1) draws from one stream; ``.chance(p)`` is True with probability p."""
    return BlockDraws(lambda n: rng.random(n))
