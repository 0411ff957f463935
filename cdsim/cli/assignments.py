"""The KEY=VALUE mini-language of ``--set`` and ``--vary``.

A value is read as a TOML literal (``3``, ``0.5``, ``true``, ``{ dist = "fixed", mean_hours
= 1 }``, ``["mon", "tue"]``), or else as plain text (``board``, ``24x7``); ``--vary`` takes
several, split at top-level commas (``1,2,4``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from typing import Any

import click


def parse_value(text: str) -> Any:
    """A ``--set`` / ``--vary`` value: a TOML literal (``3``, ``0.5``, ``true``,
    ``{ dist = "fixed", mean_hours = 1 }``, ``["mon", "tue"]``), else the text itself
    (``board``, ``24x7``)."""
    text = text.strip()
    try:
        value = tomllib.loads(f"value = {text}")["value"]
    except (tomllib.TOMLDecodeError, RecursionError):  # not TOML, or nested too deeply
        return text
    if type(value).__module__ == "datetime":  # "09:00:00" is a time to TOML, text to us
        return text
    return value


def parse_assignment(text: str, option: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    key = key.strip()
    if not sep or not key:
        raise click.BadParameter(f"expected KEY=VALUE, got {text!r}", param_hint=option)
    if not value.strip():
        raise click.BadParameter(f"no value after '=' in {text!r}", param_hint=option)
    if any(c.isspace() for c in key):
        raise click.BadParameter(f"a key has no spaces, got {key!r}", param_hint=option)
    return key, value


def split_values(text: str) -> list[str]:
    """Split ``1,2,4`` at top-level commas (not inside ``[...]``, ``{...}`` or quotes)."""
    parts, depth, quote, current = [], 0, "", []
    for char in text:
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return [p.strip() for p in parts]


def set_callback(ctx, param, values: Sequence[str]) -> dict[str, Any]:
    settings: dict[str, Any] = {}
    for text in values:
        key, value = parse_assignment(text, "--set")
        settings[key] = parse_value(value)  # a later --set of the same key wins
    return settings


def vary_callback(ctx, param, values: Sequence[str]) -> dict[str, list[Any]]:
    vary: dict[str, list[Any]] = {}
    for text in values:
        key, raw = parse_assignment(text, "--vary")
        if key in vary:
            raise click.BadParameter(
                f"{key!r} is varied twice; give its values once", param_hint="--vary"
            )
        items = split_values(raw)
        if any(not item for item in items):
            raise click.BadParameter(
                f"empty value in {text!r}; write values like {key}=1,2,4", param_hint="--vary"
            )
        values = [parse_value(item) for item in items]
        for value in values:
            if isinstance(value, dict | list):
                raise click.BadParameter(
                    f"{key}: each value must be a number, true/false or text, not a table or "
                    f"a list; vary one field instead, e.g. {key}.dist=fixed,exponential or "
                    f"{key}.mean_hours=1,4",
                    param_hint="--vary",
                )
        vary[key] = values
    return vary
