"""The exceptions cdsim raises on purpose, one family.

Everything cdsim refuses is a :class:`CdsimError`. A mistake in what the user gave (a
scenario, an argument, a practice's name) is an :class:`InputError`, raised before any
simulation starts; the command line turns every ``CdsimError`` into one message and a
non-zero exit status, without a traceback.

::

    CdsimError
    ├── InputError (also a ValueError)
    │   └── ScenarioError            a scenario, or a run's input, that cannot be used
    │       ├── UnknownPracticeError a practice name that is not one of the three
    │       ├── ArgumentError        an argument of simulate, compare or sweep
    │       └── WorkloadError        more work than cdsim's limit (docs/reliability.md)
    ├── OutputError                  a result folder that cannot be written
    └── ExecutionError               runs that could not finish: a worker process or a
                                     cluster was lost (a sweep keeps what it finished)

Every message is built from the translation table (``error.*`` keys of
:mod:`cdsim.i18n.texts`): ``str(error)`` is English, ``error.message("pt")`` Brazilian
Portuguese, and ``error.key`` / ``error.values`` say what went wrong to a program.

>>> try:
...     cdsim.compare(scenario, replications=0)
... except cdsim.CdsimError as error:
...     print(error.message("pt"))
replications deve ser pelo menos 1, como número inteiro; veio 0
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from cdsim.i18n.core import Text
from cdsim.i18n.texts import TEXTS


class CdsimError(Exception):
    """Base of every error cdsim raises on purpose.

    ``CdsimError(key, **values)`` renders the text of that key of the table;
    ``CdsimError(text)`` with a text that is no key shows it as it is in every language;
    a :class:`~cdsim.i18n.Text`, or several (one line each), may be given too.
    """

    def __init__(self, message: str | Text | Iterable[Text] = "", /, **values: object) -> None:
        if isinstance(message, Text):
            parts: tuple[Text, ...] = (message,)
        elif isinstance(message, str):
            is_key = message.startswith("error.") and message in TEXTS
            parts = (Text(message, values) if is_key else Text.of(message),)
        else:
            parts = tuple(message)
        self.parts = parts
        super().__init__(self.message("en"))

    @property
    def key(self) -> str | None:
        """The text's key (of the first line), e.g. ``"error.argument.count"``."""
        return self.parts[0].key if self.parts else None

    @property
    def values(self) -> Mapping[str, object]:
        """The values of the first line's placeholders."""
        return self.parts[0].values if self.parts else {}

    def message(self, lang: str = "en") -> str:
        """The message in ``lang`` (``"en"`` or ``"pt"``), one line per problem."""
        return "\n".join(part.render(lang) for part in self.parts)

    def __str__(self) -> str:
        return self.message("en")

    def __reduce__(self):  # keeps the key and values across processes (pickle)
        return (_rebuild, (type(self), self.parts))


def _rebuild(cls: type[CdsimError], parts: tuple[Text, ...]) -> CdsimError:
    error = cls.__new__(cls)
    CdsimError.__init__(error, parts)
    return error


class InputError(CdsimError, ValueError):
    """Something the user gave cannot be used; the message names it and what is allowed."""


class ScenarioError(InputError):
    """A scenario that cannot be used; the message names the file, the key and the fix."""


class UnknownPracticeError(ScenarioError):
    """A practice name that is not ``integration``, ``delivery`` or ``deployment``."""


class ArgumentError(ScenarioError):
    """An argument of :func:`cdsim.simulate`, :func:`cdsim.compare` or :func:`cdsim.sweep`
    that cannot be used (``replications=0``, ``jobs=1.5``, ``band_source="nope"``...),
    raised before any simulation starts."""


class WorkloadError(ScenarioError):
    """More work than cdsim's limit: the message gives the estimate, the limit and how to
    raise it (``max_changes=``, ``--max-changes``, ``CDSIM_MAX_CHANGES``)."""


class OutputError(CdsimError):
    """A result folder that cannot be written; the message names the folder and why."""


class ExecutionError(CdsimError):
    """Runs that could not finish although the input was good: a worker process died, a
    Dask worker was killed again and again, the Dask scheduler went away. The command
    line exits with status 1 and says what was kept (a sweep's finished points)."""


__all__ = [
    "ArgumentError",
    "CdsimError",
    "ExecutionError",
    "InputError",
    "OutputError",
    "ScenarioError",
    "UnknownPracticeError",
    "WorkloadError",
]
