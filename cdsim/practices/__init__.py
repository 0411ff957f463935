"""The three practices: what happens between Build and Production.

- ``integration`` (Continuous Integration only, the baseline): green builds pile up until a
  release is cut on a cadence, tested by hand (QA) and deployed by hand;
- ``delivery`` (Continuous Delivery): staging is automatic; a person approves each
  production deploy;
- ``deployment`` (Continuous Deployment): staging and production deploy are automatic.
"""

from cdsim.practices.names import PRACTICES, check_practice, check_practices

__all__ = ["PRACTICES", "check_practice", "check_practices"]
