"""The names of the three practices: the one place they are declared.

Kept apart from the practices' processes so that the scenario schema, the metrics and
the texts can name the practices without importing the model.
"""

from __future__ import annotations

from collections.abc import Iterable

from cdsim.errors import UnknownPracticeError

PRACTICES: tuple[str, ...] = ("integration", "delivery", "deployment")
"""The three practices, in the order every table and chart uses: Continuous Integration
only (the baseline), Continuous Delivery, Continuous Deployment."""


def check_practice(name: object) -> str:
    """``name`` if it is a practice; :class:`UnknownPracticeError` naming the three otherwise."""
    if isinstance(name, str) and name in PRACTICES:
        return name
    raise UnknownPracticeError(
        f"unknown practice {name!r}; expected one of: {', '.join(PRACTICES)}"
    )


def check_practices(names: Iterable[str]) -> tuple[str, ...]:
    """The chosen practices in canonical order; refuses unknown names, a bare string
    (``"delivery"`` is not a list of practices) and an empty choice."""
    if isinstance(names, str):
        raise UnknownPracticeError(
            f"practices must be a list of names, like [{names!r}], not the text {names!r}"
        )
    chosen = {check_practice(name) for name in names}
    if not chosen:
        raise UnknownPracticeError("choose at least one practice")
    return tuple(p for p in PRACTICES if p in chosen)


__all__ = ["PRACTICES", "check_practice", "check_practices"]
