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
    ├── OutputError                  a result folder that cannot be written
    └── ExecutionError               runs that could not finish: a worker process or a
                                     cluster was lost (what was finished is kept)

A message built from the translation table (an ``error.*`` key of
:mod:`cdsim.i18n.texts` and the values of its placeholders) is English in ``str(error)``
and Brazilian Portuguese in ``error.message("pt")``.
"""

from __future__ import annotations

from cdsim.i18n.texts import TEXTS


class CdsimError(Exception):
    """Base of every error cdsim raises on purpose.

    ``CdsimError("error.some.key", **values)`` renders that text of the table;
    ``CdsimError(text)`` with a text that is no key shows it as it is in every language.
    """

    def __init__(self, message: str = "", /, **values: object) -> None:
        self.key = message if message.startswith("error.") and message in TEXTS else None
        self.values = values
        self._plain = message
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        """The message in ``lang`` (``"en"`` or ``"pt"``)."""
        if self.key is None:
            return self._plain
        text = TEXTS[self.key][1 if str(lang).lower().startswith("pt") else 0]
        return text.format(**self.values)

    def __reduce__(self):  # keeps the key and values across processes (pickle)
        return (_rebuild, (type(self), self._plain, self.values))


def _rebuild(cls: type[CdsimError], message: str, values: dict) -> CdsimError:
    return cls(message, **values)


class InputError(CdsimError, ValueError):
    """Something the user gave cannot be used; the message names it and what is allowed."""


class ScenarioError(InputError):
    """A scenario that cannot be used; the message names the file, the key and the fix."""


class UnknownPracticeError(ScenarioError):
    """A practice name that is not ``integration``, ``delivery`` or ``deployment``."""


class OutputError(CdsimError):
    """A result folder that cannot be written; the message names the folder and why."""


class ExecutionError(CdsimError):
    """Runs that could not finish although the input was good: a worker process died, a
    Dask worker was killed again and again, the Dask scheduler went away. The command
    line exits with status 1 and says what was kept (a sweep's finished points)."""


__all__ = [
    "CdsimError",
    "ExecutionError",
    "InputError",
    "OutputError",
    "ScenarioError",
    "UnknownPracticeError",
]
