"""What is wrong with a scenario, in words: pydantic's errors mapped by their TYPE (never
by their English wording) to texts of the translation table, one line per problem.

``greater_than_equal`` becomes ``error.value.at_least`` with its limit, ``literal_error``
lists the choices the schema allows, an error of cdsim's own checks (type
``cdsim.<name>``) becomes ``error.value.<name>``; a type not known here says only that the
value is not valid. At most :data:`MAX_SHOWN` problems are listed, then how many more.
"""

from __future__ import annotations

import difflib
from functools import cache
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, ValidationError

from cdsim.i18n.core import Text
from cdsim.scenario.schema import Duration, ScenarioModel

MAX_SHOWN = 10
"""The most problems one message lists (a file with 300,000 unknown keys says 10, and how
many more)."""
MAX_VALUE_CHARS = 60
"""A value shown back to the user is cut to this many characters."""

_SIMPLE = {
    "finite_number": "finite",
    "int_type": "whole_number",
    "int_parsing": "whole_number",
    "int_from_float": "whole_number",
    "float_type": "number",
    "float_parsing": "number",
    "string_type": "text",
    "bool_type": "bool",
    "bool_parsing": "bool",
    "list_type": "list",
    "too_short": "too_short",
}
_LIMITS = {
    "greater_than_equal": ("at_least", "ge"),
    "greater_than": ("more_than", "gt"),
    "less_than_equal": ("at_most", "le"),
    "less_than": ("less_than", "lt"),
    "too_long": ("too_long", "max_length"),
    "string_too_long": ("text_too_long", "max_length"),
}
_TABLE_TYPES = ("model_type", "model_attributes_type", "dict_type")


def short(text: str, limit: int = MAX_VALUE_CHARS) -> str:
    """A key or a name, cut to a readable length."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def shown(value: Any) -> str:
    """A value as the user would write it back (its repr), cut to a readable length."""
    text = repr(value)
    return text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 3] + "..."


def number(value: Any) -> str:
    """A limit as written in TOML: ``1``, ``0.001``, ``5256000``."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


@cache
def known_keys(model: type[BaseModel] = ScenarioModel, prefix: str = "") -> tuple[str, ...]:
    """Every dotted key of the schema: ``team``, ``team.developers``, ``build.duration.cv``..."""
    keys: list[str] = []
    for name, field in model.model_fields.items():
        dotted = f"{prefix}{name}"
        keys.append(dotted)
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            keys.extend(known_keys(annotation, dotted + "."))
    return tuple(keys)


def unknown_key(source: Text | str, key: str) -> Text:
    """``mine.toml: unknown key 'build.runerss'; did you mean 'build.runners'?``"""
    close = difflib.get_close_matches(key, known_keys(), n=2, cutoff=0.6)
    close = [c for c in close if c != key]
    hint = Text("error.hint.did_you_mean", {"suggestion": close[0]}) if close else ""
    return Text("error.key.unknown", {"source": source, "key": short(key), "hint": hint})


def _annotation_at(loc: tuple) -> Any:
    """The annotation of the schema's field at ``loc`` (list indexes skipped), or None."""
    model: type[BaseModel] | None = ScenarioModel
    annotation = None
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        field = model.model_fields.get(part)
        if field is None:
            continue  # a part pydantic adds (function-after[...], literal[...])
        annotation = field.annotation
        model = _model_in(annotation)
    return annotation


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _literals(annotation: Any) -> tuple | None:
    if get_origin(annotation) is Literal:
        return get_args(annotation)
    for arg in get_args(annotation):
        found = _literals(arg)
        if found:
            return found
    return None


def key_of(loc: tuple) -> str:
    """The dotted key of an error's location (list indexes and pydantic's parts dropped)."""
    parts = [str(p) for p in loc if not isinstance(p, int)]
    return ".".join(p for p in parts if not p.startswith(("function-", "literal[")))


def problem(item: dict[str, Any]) -> Text:
    """What is wrong, from the error's type and context."""
    kind = item["type"]
    ctx = item.get("ctx") or {}
    if kind.startswith("cdsim."):
        return Text(f"error.value.{kind.removeprefix('cdsim.')}", dict(ctx))
    if kind in _SIMPLE:
        return Text(f"error.value.{_SIMPLE[kind]}")
    if kind in _LIMITS:
        name, limit = _LIMITS[kind]
        return Text(f"error.value.{name}", {"limit": number(ctx.get(limit))})
    annotation = _annotation_at(item["loc"])
    if kind == "literal_error":
        choices = _literals(annotation)
        text = ", ".join(repr(c) for c in choices) if choices else str(ctx.get("expected", ""))
        return Text("error.value.one_of", {"choices": text})
    if kind in _TABLE_TYPES:
        model = _model_in(annotation)
        if model is Duration:
            return Text("error.value.duration")
        key = key_of(item["loc"])
        first = next(iter(model.model_fields)) if model is not None else "..."
        return Text("error.value.table", {"example": f"{key}.{first}" if key else first})
    return Text("error.value.invalid")


def describe(error: ValidationError, source: Text | str) -> list[Text]:
    """One line per problem (the same problem once), at most :data:`MAX_SHOWN`, then how
    many more."""
    seen: dict[tuple, dict[str, Any]] = {}
    for item in error.errors(include_url=False):
        seen.setdefault((item["type"], key_of(item["loc"])), item)
    lines = [_line(item, source) for item in list(seen.values())[:MAX_SHOWN]]
    if len(seen) > MAX_SHOWN:
        lines.append(Text("error.more_problems", {"n": len(seen) - MAX_SHOWN}))
    return lines


def _line(item: dict[str, Any], source: Text | str) -> Text:
    key = key_of(item["loc"])
    kind = item["type"]
    if kind == "extra_forbidden":
        return unknown_key(source, key)
    if kind == "missing":
        return Text("error.key.missing", {"source": source, "key": key})
    what = problem(item)
    if not key:
        return Text("error.scenario.problem", {"source": source, "problem": what})
    value = item.get("input")
    got = "" if isinstance(value, dict) else Text("error.got", {"value": shown(value)})
    return Text("error.key.problem", {"source": source, "key": key, "problem": what, "got": got})
