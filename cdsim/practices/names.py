"""The names of the three practices: the one place they are declared.

Kept apart from the practices' processes so that the scenario schema, the metrics and
the texts can name the practices without importing the model.
"""

from __future__ import annotations

from collections.abc import Iterable

from cdsim.errors import UnknownPracticeError

_MAX_SHOWN = 60

PRACTICES: tuple[str, ...] = ("integration", "delivery", "deployment")
"""The three practices, in the order every table and chart uses: Continuous Integration
only (the baseline), Continuous Delivery, Continuous Deployment."""


def check_practice(name: object) -> str:
    """``name`` if it is a practice; :class:`UnknownPracticeError` naming the three otherwise."""
    if isinstance(name, str) and name in PRACTICES:
        return name
    raise UnknownPracticeError(
        "error.argument.practice_unknown", got=_shown(name), allowed=", ".join(PRACTICES)
    )


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 3] + "..."


def check_practices(names: Iterable[str]) -> tuple[str, ...]:
    """The chosen practices in canonical order; refuses unknown names, a bare string
    (``"delivery"`` is not a list of practices) and an empty choice."""
    if isinstance(names, str):
        raise UnknownPracticeError("error.argument.practices_text", got=_shown(names))
    if isinstance(names, bytes) or not isinstance(names, Iterable):
        raise UnknownPracticeError("error.argument.practices_type", got=_shown(names))
    chosen = {check_practice(name) for name in names}
    if not chosen:
        raise UnknownPracticeError("error.argument.no_practice")
    return tuple(p for p in PRACTICES if p in chosen)


__all__ = ["PRACTICES", "check_practice", "check_practices"]
