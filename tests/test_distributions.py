"""Durations have the mean and coefficient of variation they are given."""

import numpy as np
import pytest

from cdsim.distributions import make_sampler, sample_array
from cdsim.random_streams import RandomStreams


@pytest.mark.parametrize(
    ("dist", "cv"), [("exponential", 1.0), ("lognormal", 0.3), ("lognormal", 1.5), ("gamma", 0.5)]
)
def test_mean_and_cv(dist, cv):
    rng = np.random.default_rng(3)
    draws = sample_array(dist, 2.0, cv, rng, 200_000)
    # standard error of the mean is 2 * cv / sqrt(n) < 0.007: 0.05 is > 7 standard errors
    assert draws.mean() == pytest.approx(2.0, abs=0.05)
    assert draws.std() / draws.mean() == pytest.approx(cv, rel=0.05)
    assert (draws >= 0).all()


def test_fixed_and_zero():
    rng = np.random.default_rng(0)
    assert make_sampler("fixed", 1.5, 0.0, rng)() == 1.5
    assert make_sampler("exponential", 0.0, 0.0, rng)() == 0.0
    assert make_sampler("lognormal", 2.0, 0.0, rng)() == 2.0


def test_scalar_sampler_matches_block_draws():
    a = make_sampler("gamma", 1.0, 0.5, np.random.default_rng(5))
    b = sample_array("gamma", 1.0, 0.5, np.random.default_rng(5), 300)
    assert [a() for _ in range(300)] == pytest.approx(b.tolist())


def test_streams_are_reproducible_and_independent():
    one, two = RandomStreams(42), RandomStreams(42)
    assert one("build").random() == two("build").random()
    assert RandomStreams(42)("build").random() != RandomStreams(42)("staging").random()
    assert RandomStreams(42, 0)("x").random() != RandomStreams(42, 1)("x").random()
