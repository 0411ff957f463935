"""Every validated range, checked on both sides of each limit.

The limits are read from the scenario schema itself (each field's ``ge``, ``gt``, ``le``,
``lt``, ``min_length`` and ``max_length``, wherever pydantic keeps them), so that a limit
added to the schema is tested here the day it appears, without editing this file. For each
limit: the last allowed value passes and the first refused one (the next float, or the
next integer) is refused with a message that names the key. NaN is refused by every
number, infinity by every number that has an upper limit or is declared finite.

The ranges outside the schema (the window, replications, jobs, seeds) are checked below.
"""

from __future__ import annotations

import math
import typing
from dataclasses import dataclass

import annotated_types as at
import pytest
from pydantic import BaseModel

import cdsim
from cdsim.experiments import run_tasks
from cdsim.scenario.schema import ScenarioModel

BASE = cdsim.load_scenario("default").with_values({"warmup_days": 0.0})


@dataclass(frozen=True)
class Field:
    key: str  # dotted, as with_values takes it
    kind: type  # int, float or list
    constraints: tuple  # annotated_types objects: Ge, Gt, Le, Lt, MinLen, MaxLen
    finite: bool  # declared finite (allow_inf_nan=False)


def _constraints_of(annotation, metadata) -> tuple[list, bool]:
    """Constraints in a field's metadata and in any Annotated[...] inside its annotation
    (``NonNegative | None`` keeps them there)."""
    found, finite = [], False
    stack = [*metadata]
    pending = [annotation]
    while pending:
        ann = pending.pop()
        if typing.get_origin(ann) is typing.Annotated:
            stack.extend(ann.__metadata__)
            pending.append(typing.get_args(ann)[0])
        else:
            pending.extend(a for a in typing.get_args(ann) if a is not type(None))
    while stack:
        item = stack.pop()
        if isinstance(item, at.Interval):
            stack.extend(
                cls(value)
                for cls, value in (
                    (at.Gt, item.gt),
                    (at.Ge, item.ge),
                    (at.Lt, item.lt),
                    (at.Le, item.le),
                )
                if value is not None
            )
        elif isinstance(item, at.Len):
            stack.append(at.MinLen(item.min_length))
            if item.max_length is not None:
                stack.append(at.MaxLen(item.max_length))
        elif isinstance(item, at.Gt | at.Ge | at.Lt | at.Le | at.MinLen | at.MaxLen):
            found.append(item)
        elif getattr(item, "allow_inf_nan", None) is False:
            finite = True
        elif hasattr(item, "metadata"):  # a FieldInfo inside Annotated
            stack.extend(item.metadata)
    return found, finite


def _base_kind(annotation) -> type | None:
    for candidate in (annotation, *typing.get_args(annotation)):
        inner = candidate
        while typing.get_origin(inner) is typing.Annotated:
            inner = typing.get_args(inner)[0]
        origin = typing.get_origin(inner) or inner
        if origin in (int, float, list):
            return origin
    return None


def schema_fields(model: type[BaseModel] = ScenarioModel, prefix: str = "") -> list[Field]:
    fields = []
    model_finite = model.model_config.get("allow_inf_nan") is False
    for name, info in model.model_fields.items():
        annotation = info.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            fields.extend(schema_fields(annotation, f"{prefix}{name}."))
            continue
        kind = _base_kind(annotation)
        if kind is None:
            continue
        constraints, finite = _constraints_of(annotation, info.metadata)
        fields.append(Field(prefix + name, kind, tuple(constraints), finite or model_finite))
    return fields


FIELDS = schema_fields()
NUMBERS = [f for f in FIELDS if f.kind in (int, float)]


def cases():
    """(key, value, allowed) on both sides of every limit."""
    for f in FIELDS:
        for c in f.constraints:
            if f.kind is list:
                if isinstance(c, at.MinLen):
                    yield f, c.min_length, True
                    if c.min_length > 0:
                        yield f, c.min_length - 1, False
                elif isinstance(c, at.MaxLen):
                    yield f, c.max_length, True
                    yield f, c.max_length + 1, False
                continue
            up, down = (
                (lambda v: v + 1, lambda v: v - 1)
                if f.kind is int
                else (lambda v: math.nextafter(v, math.inf), lambda v: math.nextafter(v, -math.inf))
            )
            limit = f.kind(getattr(c, type(c).__name__.lower()))  # Ge(ge=0) -> 0
            if isinstance(c, at.Ge):
                yield f, limit, True
                yield f, down(limit), False
            elif isinstance(c, at.Gt):
                yield f, limit, False
                yield f, up(limit), True
            elif isinstance(c, at.Le):
                yield f, limit, True
                yield f, up(limit), False
            elif isinstance(c, at.Lt):
                yield f, limit, False
                yield f, down(limit), True


CASES = list(cases())


def values_for(field: Field, value) -> dict:
    """The values that set ``field`` to ``value`` (a list field gets that many items; a
    duration's cv needs a distribution that has one)."""
    if field.kind is list:
        current = BASE.get(field.key)
        value = [current[i % len(current)] for i in range(value)]
    values = {}
    parent, _, leaf = field.key.rpartition(".")
    if leaf == "cv":
        values[f"{parent}.dist"] = "lognormal"
    values[field.key] = value
    return values


def test_the_schema_is_read():
    """The walk finds the limits we know of (if it found none, every test below would
    pass vacuously)."""
    keys = {f.key: f for f in FIELDS}
    assert at.Ge(1) in keys["team.developers"].constraints
    assert at.Le(1.0) in keys["team.defect_probability"].constraints
    assert at.Gt(0) in keys["days"].constraints
    assert at.Ge(0.0) in keys["build.duration.mean_minutes"].constraints
    assert at.MinLen(1) in keys["calendar.work_days"].constraints
    assert len(CASES) > 100


@pytest.mark.parametrize(
    ("field", "value", "allowed"),
    CASES,
    ids=[f"{f.key}={v!r}-{'ok' if ok else 'refused'}" for f, v, ok in CASES],
)
def test_each_limit_on_both_sides(field, value, allowed):
    values = values_for(field, value)
    if allowed:
        scenario = BASE.with_values(values)
        assert scenario.get(field.key) == values[field.key]
    else:
        with pytest.raises(cdsim.ScenarioError) as refused:
            BASE.with_values(values)
        assert field.key in str(refused.value), str(refused.value)


@pytest.mark.parametrize("field", NUMBERS, ids=[f.key for f in NUMBERS])
def test_nan_is_never_a_number_of_a_scenario(field):
    value = math.nan
    with pytest.raises(cdsim.ScenarioError) as refused:
        BASE.with_values(values_for(field, value))
    assert field.key in str(refused.value)


BOUNDED = [
    f
    for f in NUMBERS
    if f.kind is float and (f.finite or any(isinstance(c, at.Le | at.Lt) for c in f.constraints))
]


@pytest.mark.parametrize("field", BOUNDED, ids=[f.key for f in BOUNDED])
def test_infinity_is_refused_where_there_is_a_limit(field):
    for value in (math.inf, -math.inf):
        with pytest.raises(cdsim.ScenarioError):
            BASE.with_values(values_for(field, value))


PROBABILITIES = [
    "team.defect_probability",
    "build.detection",
    "staging.detection",
    "approval.detection",
    "release.qa_detection",
    "release.manual_error_probability",
    "incident.fix_forward_probability",
]
NEEDED = [
    # (key, a value the model cannot run with, the edge it must accept)
    *((key, v, edge) for key in PROBABILITIES for v, edge in ((-0.01, 0.0), (1.01, 1.0))),
    ("build.flaky_probability", -0.01, 0.0),
    ("build.flaky_probability", 1.0, 0.5),  # at 1 no build would ever pass
    ("team.developers", 0, 1),
    ("build.runners", 0, 1),
    ("staging.environments", 0, 1),
    ("team.size_mean_lines", 0.0, 1.0),  # sizes are divided by it
    ("team.size_cv", -0.1, 0.0),  # 0: every change the same size
    ("team.commits_per_day", -0.1, 0.0),  # 0: nobody commits
    ("release.every_days", 0.0, 0.5),  # a release every 0 days never ends
    ("days", 0.0, 1.0),
    ("warmup_days", -0.1, 0.0),
    ("release.max_redeploys", -1, 0),
    ("incident.diagnosis_growth_per_change", -0.1, 0.0),
    ("staging.duration_per_change_minutes", -0.1, 0.0),
    ("build.duration.mean_minutes", -0.1, 0.0),  # a duration of mean 0 is 0
    ("team.fix_time.cv", -0.1, 0.0),
]


@pytest.mark.parametrize(("key", "bad", "edge"), NEEDED, ids=[k for k, _, _ in NEEDED])
def test_the_limits_the_model_needs_stay_in_the_schema(key, bad, edge):
    """The tests above follow the schema, so a limit loosened in it would loosen them too.
    These limits are what the model needs to make sense (a probability in [0, 1], at
    least one developer and one runner, sizes and cadences above 0, nothing negative),
    and the edge values the presets and docs/model.md use (a probability of exactly 0 or
    1, a mean duration of 0): they are pinned here."""
    field = next(f for f in FIELDS if f.key == key)
    with pytest.raises(cdsim.ScenarioError):
        BASE.with_values(values_for(field, bad))
    assert BASE.with_values(values_for(field, edge)).get(key) == edge


# --------------------------------------------------------- ranges outside the schema


def test_the_window_must_not_be_empty():
    """warmup_days < days: the window [warmup, days) holds at least one instant. A warm-up
    as long as the horizon leaves nothing to measure, and is refused; a hair shorter
    passes."""
    days = BASE.model.days
    with pytest.raises(cdsim.ScenarioError, match="warmup_days .* must be shorter than days"):
        BASE.with_values({"warmup_days": days})
    with pytest.raises(cdsim.ScenarioError, match="must be shorter"):
        BASE.with_values({"warmup_days": days + 1})
    shortest = BASE.with_values({"warmup_days": math.nextafter(days, 0.0)})
    assert shortest.model.warmup_days < shortest.model.days


@pytest.fixture(scope="module")
def tiny():
    return BASE.with_values({"days": 2.0, "warmup_days": 1.0, "team.developers": 1})


def test_replications_start_at_one(tiny):
    with pytest.raises(cdsim.ScenarioError, match="replications must be at least 1"):
        cdsim.compare(tiny, replications=0, jobs=1)
    assert len(cdsim.compare(tiny, replications=1, jobs=1, practices=["deployment"]).runs) == 1


def test_a_sweep_needs_a_replication_too(tiny):
    """The same limit for a sweep: with none it would return an empty table, silently."""
    for bad in (0, -1):
        with pytest.raises(cdsim.ScenarioError, match="replications must be at least 1"):
            cdsim.sweep(tiny, {"build.runners": [1]}, replications=bad, jobs=1)
    table = cdsim.sweep(tiny, {"build.runners": [1]}, replications=1, jobs=1)
    assert (table["n"] <= 1).all() and len(table) == 3 * len(cdsim.METRICS)


def test_jobs_start_at_one(tiny):
    task = [(tiny, "deployment", 1, 0)]
    with pytest.raises(ValueError, match="jobs must be .*at least 1, got 0"):
        run_tasks(task, jobs=0)
    assert len(run_tasks(task, jobs=1)) == 1


@pytest.mark.parametrize("name", ["seed", "replication"])
def test_seeds_and_replications_are_whole_numbers_from_zero(tiny, name):
    for bad in (-1, 1.5, True):
        with pytest.raises(cdsim.ScenarioError, match=f"{name} must be a whole number >= 0"):
            cdsim.simulate(tiny, "deployment", **{name: bad})
    assert cdsim.simulate(tiny, "deployment", **{name: 0}).window.days == 1.0
