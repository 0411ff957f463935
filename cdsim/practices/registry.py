"""Each practice's name and the class of its gate (what happens between Build and Production)."""

from __future__ import annotations

from cdsim.practices.base import Practice
from cdsim.practices.delivery import Delivery
from cdsim.practices.deployment import Deployment
from cdsim.practices.integration import Integration
from cdsim.practices.names import check_practice

_CLASSES: dict[str, type[Practice]] = {
    "integration": Integration,
    "delivery": Delivery,
    "deployment": Deployment,
}


def get_practice(name: str) -> Practice:
    """The practice called ``name``; :class:`~cdsim.errors.UnknownPracticeError` otherwise."""
    return _CLASSES[check_practice(name)]()


__all__ = ["Practice", "get_practice"]
