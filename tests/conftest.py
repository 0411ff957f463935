"""Shared fixtures: small, fast scenarios built from the presets."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

import cdsim  # noqa: E402


@pytest.fixture(scope="session")
def default_scenario() -> cdsim.Scenario:
    return cdsim.load_scenario("default")


@pytest.fixture(scope="session")
def queueing() -> cdsim.Scenario:
    """The textbook queue preset: 24x7, Poisson commits, exponential builds, no defects."""
    return cdsim.load_scenario("queueing")
