"""Loading scenarios: presets and files, merged onto their base, validated at the door.

A scenario file may set only what differs from the default scenario (or from the preset
it names with ``base = "..."``), so that it reads as a diff.
"""

from __future__ import annotations

import copy
import difflib
import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from cdsim.errors import ScenarioError
from cdsim.scenario.schema import Duration, ScenarioModel
from cdsim.scenario.toml_writer import dumps as toml_dumps


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

    def __init__(self, values: dict[str, Any], source: str, origin: str | None = None) -> None:
        self._values = values
        self.source = source
        self.origin = origin or source  # the preset or file it was loaded from
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
        for part in dotted_key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise ScenarioError(_unknown_key_message(self.source, dotted_key, self._values))
            node = node[part]
        return copy.deepcopy(node)

    def with_values(self, values: Mapping[str, Any]) -> Scenario:
        """A copy with dotted keys set, validated like a file: ``{"build.runners": 3}``.

        Setting ``approval.delay.mean_hours`` replaces the mean (whatever its unit) of that
        duration; setting a duration's ``dist`` to one without ``cv`` drops the ``cv``.
        """
        merged = self.to_dict()
        source = f"{self.origin} (with {', '.join(values)})" if values else self.source
        for key, value in values.items():
            _set_dotted(merged, key, value, source)
        if "description" not in values:
            note = _changes_note(self._values, merged, values)
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


def _changes_note(before: dict[str, Any], after: dict[str, Any], keys: Mapping[str, Any]) -> str:
    """The values that ``with_values`` changed (``build.runners = 3``), which the
    descriptions then mention, so that a scenario written after ``--set build.runners=3``
    does not still describe 2 runners alone."""
    return ", ".join(
        f"{key} = {_get_dotted(after, key)!r}"
        for key in keys
        if _get_dotted(before, key) != _get_dotted(after, key)
    )


def load_scenario(name_or_path: str | Path = "default") -> Scenario:
    """A preset by name (``"default"``, ``"classroom"``...) or a ``.toml`` file by path."""
    text = str(name_or_path)
    path = Path(text)
    if path.suffix.lower() == ".toml" or path.exists():
        return _load_file(path)
    text = PRESET_ALIASES.get(text, text) if not path.exists() else text
    if text in preset_names():
        return _load_file(scenarios_dir() / f"{text}.toml", label=text)
    hint = difflib.get_close_matches(text, preset_names(), n=1)
    raise ScenarioError(
        f"no scenario called {text!r}: not a preset ({', '.join(preset_names())})"
        + (f"; did you mean {hint[0]!r}?" if hint else "")
        + " and not a .toml file"
    )


def _load_file(path: Path, label: str | None = None, _seen: tuple[str, ...] = ()) -> Scenario:
    source = label or str(path)
    raw = _read_toml(path, source)
    base_name = raw.get("base")
    if path.name == "default.toml" and path.parent == scenarios_dir():
        base: dict[str, Any] = {}
    else:
        base_name = base_name or "default"
        if not isinstance(base_name, str) or base_name not in preset_names():
            raise ScenarioError(
                f"{source}: key 'base': must name a preset ({', '.join(preset_names())}), "
                f"got {base_name!r}"
            )
        if base_name in _seen:
            raise ScenarioError(f"{source}: key 'base': presets refer to each other in a loop")
        base = _load_file(
            scenarios_dir() / f"{base_name}.toml", base_name, (*_seen, source)
        ).to_dict()
    merged = _merge(base, raw)
    if base_name is None:
        merged.pop("base", None)
    return Scenario(merged, source)


def _read_toml(path: Path, source: str) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ScenarioError(f"{source}: no such file") from None
    except IsADirectoryError:
        raise ScenarioError(f"{source}: is a folder, not a scenario file") from None
    except PermissionError:
        raise ScenarioError(f"{source}: cannot be read (permission denied)") from None
    except tomllib.TOMLDecodeError as error:
        raise ScenarioError(f"{source}: not valid TOML: {error}") from None
    except UnicodeDecodeError:
        raise ScenarioError(f"{source}: not a text file") from None


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


def _set_dotted(values: dict[str, Any], key: str, value: Any, source: str) -> None:
    parts = key.split(".")
    node = values
    for depth, part in enumerate(parts[:-1]):
        child = node.get(part)
        if not isinstance(child, dict):
            raise ScenarioError(_unknown_key_message(source, key, values, depth))
        node = child
    leaf = parts[-1]
    if leaf not in node and not (_is_duration(node) and leaf in Duration.model_fields):
        raise ScenarioError(_unknown_key_message(source, key, values, len(parts) - 1))
    if _is_duration(node):
        if leaf.startswith("mean_"):
            for unit in ("mean_minutes", "mean_hours", "mean_days"):
                node.pop(unit, None)
        if leaf == "dist" and value in ("fixed", "exponential"):
            node.pop("cv", None)
        if leaf == "dist" and value in ("lognormal", "gamma") and "cv" not in node:
            node["cv"] = 0.5
    if _is_duration(value) or not isinstance(value, dict):
        node[leaf] = copy.deepcopy(value)
    else:
        node[leaf] = _merge(node.get(leaf, {}), value)


def _known_keys(model: type[BaseModel], prefix: str = "") -> list[str]:
    keys = []
    for name, field in model.model_fields.items():
        dotted = f"{prefix}{name}"
        keys.append(dotted)
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            keys.extend(_known_keys(annotation, dotted + "."))
    return keys


def _unknown_key_message(source: str, key: str, values: dict, depth: int | None = None) -> str:
    known = _known_keys(ScenarioModel)
    hint = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    return f"{source}: unknown key {key!r}" + (f"; did you mean {hint[0]!r}?" if hint else "")


def _validate(values: dict[str, Any], source: str) -> ScenarioModel:
    try:
        return ScenarioModel.model_validate(values)
    except ValidationError as error:
        raise ScenarioError(_format_errors(error, source, values)) from None


def _format_errors(error: ValidationError, source: str, values: dict[str, Any]) -> str:
    lines = []
    for item in error.errors():
        loc = [str(p) for p in item["loc"] if not isinstance(p, int)]
        # pydantic reports unions and literals with extra path parts; keep the key path
        key = ".".join(p for p in loc if not p.startswith(("function-", "literal[")))
        kind = item["type"]
        if kind == "extra_forbidden":
            lines.append(_unknown_key_message(source, key, values))
            continue
        if kind == "missing":
            lines.append(f"{source}: key {key!r} is missing")
            continue
        got = item.get("input")
        message = item["msg"]
        if message.startswith("Value error, "):
            message = message[len("Value error, ") :]
        shown = "" if isinstance(got, dict) else f" (got {got!r})"
        where = f"key {key!r}" if key else "scenario"
        lines.append(f"{source}: {where}: {_plain(message)}{shown}")
    unique = list(dict.fromkeys(lines))
    return unique[0] if len(unique) == 1 else "\n".join(unique)


def _plain(message: str) -> str:
    """pydantic's wording, made readable for a teacher."""
    replacements = {
        "Input should be greater than or equal to": "must be at least",
        "Input should be less than or equal to": "must be at most",
        "Input should be greater than": "must be more than",
        "Input should be less than": "must be less than",
        "Input should be a valid integer": "must be a whole number",
        "Input should be a valid number": "must be a number",
        "Input should be a valid string": "must be text in quotes",
        "Input should be a valid list": 'must be a list like ["a", "b"]',
        "Input should be": "must be",
    }
    for old, new in replacements.items():
        if message.startswith(old):
            return new + message[len(old) :]
    return message
