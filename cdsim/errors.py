"""The exceptions cdsim raises on purpose, one family.

Everything cdsim refuses is a :class:`CdsimError`. A mistake in what the user gave (a
scenario, an argument, a practice's name) is an :class:`InputError`, raised before any
simulation starts; the command line turns every ``CdsimError`` into one message and a
non-zero exit status, without a traceback.

::

    CdsimError
    ├── InputError (also a ValueError)
    │   └── ScenarioError            a scenario, or a run's input, that cannot be used
    │       └── UnknownPracticeError a practice name that is not one of the three
    └── OutputError                  a result folder that cannot be written
"""

from __future__ import annotations


class CdsimError(Exception):
    """Base of every error cdsim raises on purpose."""


class InputError(CdsimError, ValueError):
    """Something the user gave cannot be used; the message names it and what is allowed."""


class ScenarioError(InputError):
    """A scenario that cannot be used; the message names the file, the key and the fix."""


class UnknownPracticeError(ScenarioError):
    """A practice name that is not ``integration``, ``delivery`` or ``deployment``."""


class OutputError(CdsimError):
    """A result folder that cannot be written; the message names the folder and why."""


__all__ = ["CdsimError", "InputError", "OutputError", "ScenarioError", "UnknownPracticeError"]
