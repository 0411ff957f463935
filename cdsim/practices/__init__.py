"""The three practices: what happens between Build and Production.

- ``integration`` (Continuous Integration only, the baseline): green builds pile up until a
  release is cut on a cadence, tested by hand (QA) and deployed by hand;
- ``delivery`` (Continuous Delivery): staging is automatic; a person approves each
  production deploy;
- ``deployment`` (Continuous Deployment): staging and production deploy are automatic.
"""

from __future__ import annotations

from cdsim.practices.base import Practice
from cdsim.practices.delivery import Delivery
from cdsim.practices.deployment import Deployment
from cdsim.practices.integration import Integration

PRACTICES = ("integration", "delivery", "deployment")
_CLASSES: dict[str, type[Practice]] = {
    "integration": Integration,
    "delivery": Delivery,
    "deployment": Deployment,
}


def get_practice(name: str) -> Practice:
    """The practice called ``name``; ValueError naming the allowed ones otherwise."""
    try:
        return _CLASSES[name]()
    except KeyError:
        raise ValueError(
            f"unknown practice {name!r}; expected one of: {', '.join(PRACTICES)}"
        ) from None


__all__ = ["PRACTICES", "Practice", "get_practice"]
