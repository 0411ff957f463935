"""The arguments of :func:`cdsim.simulate`, :func:`cdsim.compare` and :func:`cdsim.sweep`,
checked before any simulation starts: each bad one is an :class:`~cdsim.errors.ArgumentError`
(or an :class:`~cdsim.errors.UnknownPracticeError`) that names it and what is allowed.

numpy integers count as whole numbers; ``True`` and ``1.5`` do not.
"""

from __future__ import annotations

import inspect
import numbers
from typing import Any

from cdsim.errors import ArgumentError
from cdsim.metrics.bands import sources as band_sources
from cdsim.scenario import Scenario

MAX_SHOWN = 60


def shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 3] + "..."


def _is_whole(value: Any) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def scenario(function: str, value: Any) -> Scenario:
    if not isinstance(value, Scenario):
        got = f"{type(value).__name__} {shown(value)}"
        raise ArgumentError("error.argument.scenario", function=function, got=got)
    return value


def count(name: str, value: Any, minimum: int = 1) -> int:
    """A whole number of at least ``minimum`` (replications)."""
    if not _is_whole(value) or value < minimum:
        raise ArgumentError("error.argument.count", name=name, minimum=minimum, got=shown(value))
    return int(value)


def seed(name: str, value: Any) -> int:
    """A whole number >= 0 (a seed, a replication's number)."""
    if not _is_whole(value) or value < 0:
        raise ArgumentError("error.argument.seed", name=name, got=shown(value))
    return int(value)


def jobs(value: Any) -> int | None:
    """None (every core) or a whole number of at least 1."""
    if value is None:
        return None
    if not _is_whole(value) or value < 1:
        raise ArgumentError("error.argument.jobs", got=shown(value))
    return int(value)


def band_source(value: Any) -> str:
    allowed = band_sources()
    if not isinstance(value, str) or value not in allowed:
        raise ArgumentError(
            "error.argument.band_source", allowed=", ".join(allowed), got=shown(value)
        )
    return value


def progress(value: Any):
    """None, or a function that takes (done, total)."""
    if value is None:
        return value
    if not callable(value):
        raise ArgumentError("error.argument.progress", got=shown(value))
    try:
        signature = inspect.signature(value)
    except (TypeError, ValueError):  # a builtin without a signature: trust it
        return value
    try:
        signature.bind(0, 1)
    except TypeError:
        raise ArgumentError("error.argument.progress", got=shown(value)) from None
    return value
