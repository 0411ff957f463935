"""Loading scenarios: presets and files, merged onto their base, validated at the door.

A scenario file may set only what differs from the default scenario (or from the preset
it names with ``base = "..."``), so that it reads as a diff.
"""

from __future__ import annotations

import copy
import difflib
import numbers
import os
import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from cdsim.errors import ArgumentError, ScenarioError
from cdsim.i18n.core import Text
from cdsim.scenario.messages import describe, known_keys, short, shown, unknown_key
from cdsim.scenario.schema import Duration, ScenarioModel
from cdsim.scenario.toml_writer import dumps as toml_dumps

MAX_FILE_BYTES = 1024 * 1024
"""A scenario file larger than this (1 MB) is refused unread: a scenario is a few KB."""


def data_dir() -> Path:
    """The folder of shipped data: inside the installed package, or ``data/`` in a checkout."""
    packaged = resources.files("cdsim") / "data"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "data"


def scenarios_dir() -> Path:
    return data_dir() / "scenarios"


# Old preset names that still load, and the preset they now mean.
PRESET_ALIASES = {"struggling": "low"}


def preset_names() -> list[str]:
    """Names of the built-in scenarios, ``default`` first."""
    names = sorted(p.stem for p in scenarios_dir().glob("*.toml"))
    return sorted(names, key=lambda n: (n != "default", n))


class Scenario:
    """A validated scenario. Immutable: :meth:`with_values` returns a new one.

    Attributes
    ----------
    model : ScenarioModel
        Validated values (``scenario.model.build.runners``).
    source : str
        Where it came from (a preset name or a file path), used in error messages.
    """

    def __init__(
        self, values: dict[str, Any], source: str | Text, origin: str | None = None
    ) -> None:
        self._values = values
        self._source = source
        self.source = str(source)
        self.origin = origin or self.source  # the preset or file it was loaded from
        self.model = _validate(values, source)

    @property
    def name(self) -> str:
        return self.model.name

    @property
    def description(self) -> str:
        return self.model.description

    def description_in(self, lang: str) -> str:
        """The description in ``lang`` ("en" or "pt"): the Portuguese one when the scenario
        has it, else the one it has."""
        if lang.lower().startswith("pt") and self.model.description_pt:
            return self.model.description_pt
        return self.model.description

    def to_dict(self) -> dict[str, Any]:
        """The complete values, base merged in (a deep copy)."""
        return copy.deepcopy(self._values)

    def to_toml(self) -> str:
        """The complete scenario as TOML: reloading it gives the same scenario."""
        values = self.to_dict()
        values.pop("base", None)
        return toml_dumps(values)

    def get(self, dotted_key: str) -> Any:
        node: Any = self._values
        for part in str(dotted_key).split("."):
            if not isinstance(node, dict) or part not in node:
                raise ScenarioError(unknown_key(self._source, str(dotted_key)))
            node = node[part]
        return copy.deepcopy(node)

    def with_values(self, values: Mapping[str, Any]) -> Scenario:
        """A copy with dotted keys set, validated like a file: ``{"build.runners": 3}``.

        Setting ``approval.delay.mean_hours`` replaces the mean (whatever its unit) of that
        duration; setting a duration's ``dist`` to one without ``cv`` drops the ``cv``.
        numpy numbers are taken as the Python numbers they hold.
        """
        if not isinstance(values, Mapping):
            raise ArgumentError("error.argument.mapping", function="with_values", got=shown(values))
        keys = list(values)
        for key in keys:
            if not isinstance(key, str):
                raise ScenarioError("error.key.not_text", source=self._source, got=shown(key))
        merged = self.to_dict()
        source = _with_label(self.origin, keys) if keys else self._source
        for key in keys:
            _set_dotted(merged, key, plain_value(values[key]), source)
        if "description" not in values:
            note = _changes_note(self._values, merged, keys)
            if note:
                for field, word in (("description", "Changed"), ("description_pt", "Alterado")):
                    text = str(merged.get(field, ""))
                    if field == "description" or text:
                        merged[field] = f"{text} {word}: {note}.".strip()
        return Scenario(merged, source, self.origin)

    def __repr__(self) -> str:
        return f"Scenario({self.name!r}, source={self.source!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Scenario) and self._values == other._values


def _get_dotted(values: dict[str, Any], key: str) -> Any:
    node: Any = values
    for part in key.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return node


def _changes_note(before: dict[str, Any], after: dict[str, Any], keys: list[str]) -> str:
    """The values that ``with_values`` changed (``build.runners = 3``), which the
    descriptions then mention, so that a scenario written after ``--set build.runners=3``
    does not still describe 2 runners alone."""
    return ", ".join(
        f"{key} = {_get_dotted(after, key)!r}"
        for key in keys
        if _get_dotted(before, key) != _get_dotted(after, key)
    )


def _with_label(origin: str, keys: list[str]) -> Text:
    """``default (with build.runners, days)``; a long list is cut after three keys."""
    listed = ", ".join(short(key, 40) for key in keys[:3])
    if len(keys) > 3:
        listed = Text("error.source.more_keys", {"keys": listed, "n": len(keys) - 3})
    return Text("error.source.with", {"origin": origin, "keys": listed})


def plain_value(value: Any) -> Any:
    """A value as TOML would give it: numpy scalars and other numbers become int or float,
    inside lists and tables too."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if type(value).__module__ == "numpy" and getattr(value, "ndim", None) == 0:
        return plain_value(value.item())
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    if isinstance(value, Mapping):
        return {k: plain_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain_value(v) for v in value]
    return value


def looks_like_path(text: str) -> bool:
    """The rule between a preset and a file: an argument with a folder separator, or that
    ends in ``.toml``, or starts with ``.`` or ``~``, is a path; anything else names a
    built-in scenario first (``classroom`` is the preset even beside a folder of that
    name; ``./classroom`` is the file)."""
    separators = {"/", os.sep} | ({os.altsep} if os.altsep else set())
    return (
        any(sep in text for sep in separators)
        or text.lower().endswith(".toml")
        or text.startswith((".", "~"))
    )


def _exists(path: Path) -> bool:
    try:
        return os.path.lexists(path)
    except (OSError, ValueError):
        return False


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):  # a name too long, a NUL byte
        return False


def preset_for(text: object) -> str | None:
    """The built-in scenario ``text`` names (an old alias too), or None: a path, or no
    preset of that name."""
    if not isinstance(text, str) or "\0" in text or looks_like_path(text):
        return None
    name = PRESET_ALIASES.get(text, text)
    return name if name in preset_names() else None


def shadowed_file(text: str) -> Path | None:
    """The file ``text`` would also name, when ``text`` loads a built-in scenario."""
    return Path(text) if preset_for(text) and _is_file(Path(text)) else None


def load_scenario(name_or_path: str | os.PathLike[str] = "default") -> Scenario:
    """A built-in scenario by name (``"default"``, ``"classroom"``...) or a file by path.

    A :class:`~pathlib.Path` is always a file. A text is a path when it looks like one
    (:func:`looks_like_path`: ``mine.toml``, ``./classroom``, ``runs/a``); otherwise it
    names a built-in scenario, or else a file of that name in the current folder.
    """
    if isinstance(name_or_path, os.PathLike):
        return _load_file(Path(name_or_path))
    if not isinstance(name_or_path, str):
        raise ArgumentError("error.scenario.not_a_name", got=shown(name_or_path))
    text = name_or_path
    if "\0" not in text and looks_like_path(text):
        path = Path(text).expanduser()
        preset = Path(text).stem
        if text == f"{preset}.toml" and preset in preset_names() and not _exists(path):
            raise ScenarioError("error.file.missing_preset", source=text, preset=preset)
        return _load_file(path, label=text)
    name = preset_for(text)
    if name is not None:
        return _load_file(scenarios_dir() / f"{name}.toml", label=name)
    if "\0" not in text and _is_file(Path(text)):
        return _load_file(Path(text), label=text)
    close = difflib.get_close_matches(text, preset_names(), n=1)
    hint = Text("error.hint.did_you_mean", {"suggestion": close[0]}) if close else ""
    raise ScenarioError(
        "error.scenario.unknown", name=shown(text)[1:-1], presets=", ".join(preset_names()),
        hint=hint,
    )  # fmt: skip


def _load_file(path: Path, label: str | None = None, _seen: tuple[str, ...] = ()) -> Scenario:
    source = label or str(path)
    raw = _read_toml(path, source)
    base_name = raw.get("base")
    if path.name == "default.toml" and path.parent == scenarios_dir():
        base: dict[str, Any] = {}
    else:
        base_name = base_name or "default"
        if isinstance(base_name, str):
            base_name = PRESET_ALIASES.get(base_name, base_name)
        if not isinstance(base_name, str) or base_name not in preset_names():
            raise ScenarioError(
                "error.scenario.base", source=source, presets=", ".join(preset_names()),
                got=shown(base_name),
            )  # fmt: skip
        if base_name in _seen:
            raise ScenarioError("error.scenario.base_loop", source=source)
        base = _load_file(
            scenarios_dir() / f"{base_name}.toml", base_name, (*_seen, source)
        ).to_dict()
    try:
        merged = _merge(base, raw)
    except RecursionError:
        raise ScenarioError("error.file.too_deep", source=source) from None
    if base_name is None:
        merged.pop("base", None)
    return Scenario(merged, source)


def _read_toml(path: Path, source: str) -> dict[str, Any]:
    """The TOML of ``path``, read up to :data:`MAX_FILE_BYTES` (so /dev/zero ends)."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ScenarioError("error.file.missing", source=source) from None
    except IsADirectoryError:
        raise ScenarioError("error.file.folder", source=source) from None
    except PermissionError:
        raise ScenarioError("error.file.permission", source=source) from None
    except OSError as error:
        reason = Text.of(error.strerror or type(error).__name__)
        raise ScenarioError("error.file.unreadable", source=source, reason=reason) from None
    except ValueError:  # a NUL byte in the name
        raise ScenarioError("error.file.missing", source=source) from None
    if len(data) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 1024
        raise ScenarioError("error.file.too_large", source=source, limit=limit)
    try:
        text = data.decode("utf-8-sig")  # a byte-order mark (Windows' Notepad) is no error
    except UnicodeDecodeError:
        raise ScenarioError("error.file.not_text", source=source) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ScenarioError("error.file.toml", source=source, detail=Text.of(str(error))) from None
    except RecursionError:
        raise ScenarioError("error.file.too_deep", source=source) from None


def _is_duration(value: Any) -> bool:
    return isinstance(value, dict) and "dist" in value


def _merge(base: dict[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """Deep merge; a duration table replaces the base's one whole (it is one value)."""
    out = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict) and not _is_duration(value):
            out[key] = _merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def _set_dotted(values: dict[str, Any], key: str, value: Any, source: Text | str) -> None:
    """Set one dotted key. A key of the schema may be set even when the scenario does not
    spell it out (its default applies until then)."""
    if key == "base":
        raise ScenarioError("error.scenario.base_fixed", source=source)
    parts = key.split(".")
    if not all(parts):
        raise ScenarioError(unknown_key(source, key))
    known = known_keys()
    node = values
    for depth, part in enumerate(parts[:-1]):
        child = node.get(part)
        if child is None and ".".join(parts[: depth + 1]) in known:
            child = node[part] = {}
        if not isinstance(child, dict):
            raise ScenarioError(unknown_key(source, key))
        node = child
    leaf = parts[-1]
    in_duration = _is_duration(node) and leaf in Duration.model_fields
    if leaf not in node and key not in known and not in_duration:
        raise ScenarioError(unknown_key(source, key))
    if _is_duration(node):
        if leaf.startswith("mean_"):
            for unit in ("mean_minutes", "mean_hours", "mean_days"):
                node.pop(unit, None)
        if leaf == "dist" and value in ("fixed", "exponential"):
            node.pop("cv", None)
        if leaf == "dist" and value in ("lognormal", "gamma") and "cv" not in node:
            node["cv"] = 0.5
    try:
        if _is_duration(value) or not isinstance(value, dict):
            node[leaf] = copy.deepcopy(value)
        else:
            node[leaf] = _merge(
                node.get(leaf, {}) if isinstance(node.get(leaf), dict) else {}, value
            )
    except RecursionError:
        raise ScenarioError("error.file.too_deep", source=source) from None


def _validate(values: dict[str, Any], source: Text | str) -> ScenarioModel:
    try:
        return ScenarioModel.model_validate(values)
    except ValidationError as error:
        raise ScenarioError(describe(error, source)) from None
