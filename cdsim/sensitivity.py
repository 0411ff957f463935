"""Which scenario key moves each metric most, per practice: Morris elementary effects.

A Morris design (SALib, ``pip install "cdsim[sensitivity]"``) walks ``trajectories``
paths through the ranges of ``k`` keys, changing one key at a time by a fixed step
(``levels`` values per range): ``trajectories * (k + 1)`` points. Each point is run under
every practice, ``replications`` times, on any executor, with the same seed everywhere
(common random numbers: a step's effect is not drowned in noise). For each practice and
metric, each key gets

* ``mu_star``: the mean absolute change of the metric when the key moves across its whole
  range (in the metric's unit: hours, a fraction, per day): the ranking;
* ``mu``: the same with signs (negative: the metric falls as the key grows);
* ``sigma``: the spread of those changes (large: the effect depends on the other keys);
* ``mu_star_conf``: a 95% bootstrap half-width of ``mu_star`` over the trajectories.

Whole-number keys (``build.runners``) take whole values only: their range must span a
multiple of ``levels - 1`` (1:4 with 4 levels), so that every level is a whole number.
"""

from __future__ import annotations

import concurrent.futures as cf
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from cdsim import arguments, executors, workload
from cdsim.errors import InputError
from cdsim.experiments import worker_count
from cdsim.metrics.definitions import FOUR_KEYS, METRICS
from cdsim.practices.names import PRACTICES, check_practices
from cdsim.scenario import Scenario
from cdsim.sweeping import run_metrics

LEVELS = 4
"""Values per range in the Morris grid (0, 1/3, 2/3, 1 of the way)."""

DEFAULT_RANGES: dict[str, tuple[float, float]] = {
    "team.commits_per_day": (1.0, 4.0),
    "team.defect_probability": (0.02, 0.2),
    "build.runners": (1, 4),
    "build.duration.mean_minutes": (5.0, 30.0),
    "build.detection": (0.3, 0.9),
    "staging.detection": (0.2, 0.8),
    "approval.delay.mean_hours": (1.0, 24.0),
    "release.every_days": (7.0, 28.0),
}
"""The keys and ranges of ``cdsim sensitivity`` when none are given (docs/sensitivity.md):
how often and how well a team commits, its CI, its tests, Delivery's approval and
Integration's release cadence, each over what teams commonly see."""

COLUMNS = (
    "practice",
    "metric",
    "key",
    "low",
    "high",
    "rank",
    "mu_star",
    "mu_star_conf",
    "mu",
    "sigma",
    "trajectories",
)
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Range:
    key: str
    low: float
    high: float
    integer: bool


@dataclass
class Sensitivity:
    """The result of :func:`sensitivity`: the ranking ``table`` (one row per practice,
    metric and key; ``rank`` 1 moves the metric most) and how it was made."""

    scenario: Scenario
    ranges: list[Range]
    trajectories: int
    replications: int
    seed: int
    practices: tuple[str, ...]
    metrics: tuple[str, ...]
    points: int
    table: pd.DataFrame = field(repr=False)

    @property
    def runs(self) -> int:
        return self.points * len(self.practices) * self.replications


MEAN_PARTS = ("mean_minutes", "mean_hours", "mean_days")
"""A duration's mean in any unit (whatever unit the scenario wrote it in)."""


def _field_kind(scenario: Scenario, key: str) -> type:
    """int or float for a numeric key of ``scenario`` (refusing any other)."""
    parent, _, part = key.rpartition(".")
    if part in MEAN_PARTS and isinstance(scenario.get(parent), dict):
        duration = scenario.model
        for name in parent.split("."):
            duration = getattr(duration, name, None)
        if hasattr(duration, "mean_in_hours"):
            return float  # the mean of a duration, in the unit the key names
    value = scenario.get(key)  # an unknown key fails here, with a "did you mean"
    node = scenario.model
    *parents, last = key.split(".")
    for part in parents:
        node = getattr(node, part)
    fields = getattr(type(node), "model_fields", {})
    annotation = fields[last].annotation if last in fields else type(value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError("error.sensitivity.not_number", key=key, value=value)
    return int if annotation is int else float


def check_ranges(
    scenario: Scenario, ranges: Mapping[str, tuple[float, float]], levels: int = LEVELS
) -> list[Range]:
    """The ranges, checked before any run: known numeric keys, a low end below a high end,
    whole-number keys on a whole-number grid, and both ends valid scenario values."""
    if not ranges:
        raise InputError("error.sensitivity.no_keys")
    checked = []
    for key, (low, high) in ranges.items():
        kind = _field_kind(scenario, key)
        low, high = float(low), float(high)
        if not (math.isfinite(low) and math.isfinite(high)):
            raise InputError("error.sensitivity.not_finite", key=key, low=low, high=high)
        if low == high:
            raise InputError("error.sensitivity.empty", key=key, low=_show(low), high=_show(high))
        if low > high:
            raise InputError(
                "error.sensitivity.inverted", key=key, low=_show(low), high=_show(high)
            )
        integer = kind is int
        if integer:
            step = levels - 1
            if not (low.is_integer() and high.is_integer()):
                raise InputError(
                    "error.sensitivity.integer_ends", key=key, low=_show(low), high=_show(high)
                )
            if (high - low) % step:
                width = max(step, step * round((high - low) / step))
                raise InputError(
                    "error.sensitivity.integer_grid",
                    key=key,
                    step=step,
                    levels=levels,
                    low=_show(low),
                    high=_show(high),
                    suggest=_show(low + width),
                )
        for end in (low, high):
            scenario.with_values({key: int(end) if integer else end})  # a bad value fails here
        checked.append(Range(key, low, high, integer))
    return checked


def _show(value: float) -> str:
    return f"{value:g}"


def _design(ranges: list[Range], trajectories: int, levels: int, seed: int) -> np.ndarray:
    try:
        from SALib.sample import morris as morris_sample
    except ImportError:
        raise InputError("error.sensitivity.salib_missing") from None
    return morris_sample.sample(_problem(ranges), trajectories, num_levels=levels, seed=seed)


def _problem(ranges: list[Range]) -> dict:
    return {
        "num_vars": len(ranges),
        "names": [r.key for r in ranges],
        "bounds": [[r.low, r.high] for r in ranges],
    }


def _point_values(ranges: list[Range], row: np.ndarray) -> tuple:
    return tuple(int(round(x)) if r.integer else float(x) for r, x in zip(ranges, row, strict=True))


def sensitivity(
    scenario: Scenario,
    ranges: Mapping[str, tuple[float, float]] | None = None,
    trajectories: int = 6,
    replications: int = 3,
    seed: int = 1,
    jobs: int | None = None,
    practices: Iterable[str] = PRACTICES,
    metrics: Iterable[str] = FOUR_KEYS,
    progress: Progress | None = None,
    executor: cf.Executor | None = None,
    levels: int = LEVELS,
    max_changes: int | None = None,
) -> Sensitivity:
    """Rank the scenario keys of ``ranges`` (key -> (low, high); default
    :data:`DEFAULT_RANGES`) by how much they move each metric, per practice (module doc).

    Runs ``trajectories * (len(ranges) + 1)`` points (fewer when the design repeats one)
    x practices x replications, on ``executor`` or ``jobs`` local processes, as
    :func:`cdsim.compare` does. Raises :class:`~cdsim.errors.InputError` for a bad range
    or argument, and :class:`~cdsim.errors.WorkloadError` for more work than the limit of
    :mod:`cdsim.workload` (``max_changes`` raises it), before any run.
    """
    if isinstance(trajectories, bool) or not isinstance(trajectories, int) or trajectories < 2:
        raise InputError("error.sensitivity.trajectories", n=trajectories)
    scenario = arguments.scenario("sensitivity", scenario)
    replications = arguments.count("replications", replications)
    seed = arguments.seed("seed", seed)
    jobs = arguments.jobs(jobs)
    progress = arguments.progress(progress)
    chosen = check_practices(practices)
    metrics = tuple(dict.fromkeys(metrics))
    unknown = [m for m in metrics if m not in METRICS]
    if unknown:
        raise InputError(f"unknown metric {unknown[0]!r}; metrics: {', '.join(METRICS)}")
    checked = check_ranges(scenario, DEFAULT_RANGES if ranges is None else ranges, levels)
    limit = workload.max_changes(max_changes)
    most = trajectories * (len(checked) + 1) * len(chosen) * replications
    workload.check_minimum(most, limit, "sensitivity")
    design = _design(checked, trajectories, levels, seed)
    points = list(dict.fromkeys(_point_values(checked, row) for row in design))
    index = {values: i for i, values in enumerate(points)}
    keys = [r.key for r in checked]
    per_point = len(chosen) * replications
    workload.check(
        (
            (scenario.with_values(dict(zip(keys, values, strict=True))), p, replications)
            for values in points
            for p in chosen
        ),
        limit,
        "sensitivity",
        total_runs=len(points) * per_point,
    )

    def tasks():
        for values in points:
            point = scenario.with_values(dict(zip(keys, values, strict=True)))
            for practice in chosen:
                for r in range(replications):
                    yield (point, practice, seed, r)

    sums = np.zeros((len(points), len(chosen), len(metrics)))
    counts = np.zeros_like(sums)
    total = len(points) * per_point
    processes = None if executor is not None else worker_count(jobs, total)
    with executors.using(executor, processes, total) as ex:
        size, window = executors.chunking(ex, total)
        stream = executors.stream(ex, run_metrics, tasks(), chunksize=size, window=window)
        for done, (i, result) in enumerate(stream, 1):
            point, rest = divmod(i, per_point)
            practice = rest // replications
            values = np.array([result[m] for m in metrics], dtype=float)
            finite = np.isfinite(values)
            sums[point, practice, finite] += values[finite]
            counts[point, practice, finite] += 1
            if progress:
                progress(done, total)
    with np.errstate(invalid="ignore", divide="ignore"):
        means = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
    rows_of_design = np.array([index[_point_values(checked, row)] for row in design])
    table = _analyse(checked, design, means[rows_of_design], chosen, metrics, levels, seed)
    return Sensitivity(
        scenario=scenario,
        ranges=checked,
        trajectories=trajectories,
        replications=replications,
        seed=seed,
        practices=chosen,
        metrics=metrics,
        points=len(points),
        table=table,
    )


def _analyse(ranges, design, outputs, practices, metrics, levels, seed) -> pd.DataFrame:
    """Morris indices of every practice and metric: the ranking table."""
    from SALib.analyze import morris as morris_analyze

    problem = _problem(ranges)
    k = len(ranges)
    rows = []
    for p, practice in enumerate(practices):
        for m, metric in enumerate(metrics):
            y = outputs[:, p, m].reshape(-1, k + 1)
            x = design.reshape(-1, k + 1, k)
            keep = np.isfinite(y).all(axis=1)  # a path with a NaN metric is left out
            used = int(keep.sum())
            if used >= 2:
                result = morris_analyze.analyze(
                    problem,
                    x[keep].reshape(-1, k),
                    y[keep].reshape(-1),
                    num_levels=levels,
                    seed=seed,
                    print_to_console=False,
                )
                found = {
                    name: [float(result[name][i]) for i in range(k)]
                    for name in ("mu_star", "mu_star_conf", "mu", "sigma")
                }
            else:
                found = {
                    name: [math.nan] * k for name in ("mu_star", "mu_star_conf", "mu", "sigma")
                }
            ranks = pd.Series(found["mu_star"]).rank(ascending=False, method="min")
            for i, r in enumerate(ranges):
                rows.append(
                    {
                        "practice": practice,
                        "metric": metric,
                        "key": r.key,
                        "low": r.low,
                        "high": r.high,
                        "rank": ranks[i],
                        **{name: found[name][i] for name in found},
                        "trajectories": used,
                    }
                )
    table = pd.DataFrame(rows, columns=list(COLUMNS))
    table["rank"] = table["rank"].astype("Int64")
    order = {p: i for i, p in enumerate(practices)}, {m: i for i, m in enumerate(metrics)}
    table = table.sort_values(
        ["practice", "metric", "rank", "key"],
        key=lambda c: (
            c.map(order[0])
            if c.name == "practice"
            else (c.map(order[1]) if c.name == "metric" else c)
        ),
        na_position="last",
        kind="stable",
    )
    return table.reset_index(drop=True)


__all__ = ["DEFAULT_RANGES", "LEVELS", "Range", "Sensitivity", "check_ranges", "sensitivity"]
