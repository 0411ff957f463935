"""A small TOML writer for scenario values (tables of scalars, lists and inline tables)."""

from __future__ import annotations

import json
import math
from typing import Any


def dumps(values: dict[str, Any]) -> str:
    """Top-level scalars first, then one ``[table]`` per section; durations inline."""
    lines = [f"{key} = {_value(v)}" for key, v in values.items() if not _is_table(v)]
    for key, table in values.items():
        if _is_table(table):
            lines.append("")
            lines.append(f"[{key}]")
            lines.extend(f"{k} = {_value(v)}" for k, v in table.items())
    return "\n".join(lines) + "\n"


def _is_table(value: Any) -> bool:
    return isinstance(value, dict) and "dist" not in value


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise ValueError("TOML scenario values must be finite numbers")
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")
