"""How much work a run, a comparison or a sweep asks for, estimated before anything runs.

The unit is one simulated change (about a quarter of a millisecond of one core, and a
kilobyte and a half of memory while its run lasts). A run also pays for starting
(:data:`RUN_OVERHEAD`), for every rebuild of a flaky build, for every release cut of the
integration practice and for every change board meeting. Work beyond the limit is
refused with a :class:`~cdsim.errors.WorkloadError` that gives the estimate, its main
cause and how to raise the limit (docs/reliability.md):

* a call (``simulate``, ``compare``, ``sweep``, one command) may simulate at most
  ``max_changes`` change-equivalents in all, by default :data:`DEFAULT_MAX_CHANGES`;
* one run at most a fifth of that (:data:`RUN_SHARE`): a run keeps every change in memory.

``max_changes`` comes from the argument, else the environment variable
``CDSIM_MAX_CHANGES``, else the default.
"""

from __future__ import annotations

import math
import numbers
import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from cdsim.arguments import shown
from cdsim.errors import ArgumentError, WorkloadError
from cdsim.i18n.core import Text
from cdsim.pipeline import calendar_for, drain_days
from cdsim.scenario import Scenario

DEFAULT_MAX_CHANGES = 5_000_000
"""About 20 minutes of one core; a few minutes with every core of a laptop."""
RUN_SHARE = 5
"""One run may use at most 1/RUN_SHARE of the limit (1,000,000 changes, about 1.5 GB)."""
RUN_OVERHEAD = 100
"""Starting a run costs about as much as simulating 100 changes (measured: 20-30 ms)."""
TICK_COST = 0.1
"""A release cut in working hours costs about a tenth of a change."""
MEETING_COST = 1 / 250
"""Each change board meeting looks at every meeting time of the week."""
ENV_VAR = "CDSIM_MAX_CHANGES"
CHANGES_PER_SECOND = 4_000
"""One core, roughly (docs/performance.md): for the time a refused call would have taken."""


def count_text(value: float) -> str:
    """``26 400 000``: digits grouped by spaces, read the same in English and Portuguese."""
    return f"{round(value):,}".replace(",", " ") if math.isfinite(value) else "∞"


def max_changes(value: Any = None) -> int:
    """The limit: ``value`` if given, else ``CDSIM_MAX_CHANGES``, else the default."""
    if value is None:
        text = os.environ.get(ENV_VAR, "").strip()
        if not text:
            return DEFAULT_MAX_CHANGES
        try:
            value = int(text.replace("_", ""))
        except ValueError:
            raise ArgumentError("error.argument.env_max_changes", got=shown(text)) from None
        if value < 1:
            raise ArgumentError("error.argument.env_max_changes", got=shown(text))
        return value
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1:
        raise ArgumentError("error.argument.max_changes", got=shown(value))
    return int(value)


@dataclass(frozen=True)
class RunEstimate:
    """What one run of a scenario under a practice asks for."""

    changes: float  # expected commits
    work: float  # change-equivalents: changes x builds, release cuts, meetings, start
    cause: Text  # the main reason, in words
    fix: Text  # what to change about it


def estimate_run(scenario: Scenario, practice: str) -> RunEstimate:
    """The expected work of one run (commits are a Poisson process: the mean is close)."""
    model = scenario.model
    team = model.team
    calendar = calendar_for(model)
    work_hours = calendar.to_work_clock(model.days * 24.0)
    changes = team.developers * team.commits_per_day / calendar.day_hours * work_hours
    builds = 1.0 / (1.0 - model.build.flaky_probability)
    parts = {
        "changes": changes,
        "flaky": changes * (builds - 1.0),
        "release": 0.0,
        "board": 0.0,
    }
    span_days = model.days + drain_days(model)
    cuts = 0.0
    if practice == "integration":
        span_work_hours = calendar.to_work_clock(span_days * 24.0)
        cuts = span_work_hours / (model.release.every_days * 24.0) + span_days
        parts["release"] = cuts * TICK_COST
    times = len(model.approval.board_times)
    if practice == "delivery" and model.approval.mode == "board":
        parts["board"] = span_days / 7.0 * times * times * MEETING_COST
    work = RUN_OVERHEAD + sum(parts.values())
    main = max(parts, key=lambda k: parts[k])
    values: dict[str, object] = {
        "changes": Text("error.workload.why.changes", {
            "changes": count_text(changes), "developers": team.developers,
            "commits": f"{team.commits_per_day:g}", "days": f"{model.days:g}",
        }),
        "flaky": Text("error.workload.why.flaky", {
            "p": f"{model.build.flaky_probability:g}", "builds": count_text(builds),
        }),
        "release": Text("error.workload.why.release", {
            "every": f"{model.release.every_days:g}", "cuts": count_text(cuts),
        }),
        "board": Text("error.workload.why.board", {"times": times}),
    }  # fmt: skip
    return RunEstimate(
        changes=changes,
        work=work,
        cause=values[main],  # type: ignore[arg-type]
        fix=Text(f"error.workload.fix.{main}"),
    )


def check(
    runs: Iterable[tuple[Scenario, str, int]], limit: int, what: str, *, total_runs: int
) -> float:
    """Refuse the work of ``runs`` (scenario, practice, how many runs of it) beyond
    ``limit``; return the estimated work. ``what`` names the call (``compare``...)."""
    total = 0.0
    biggest: tuple[float, RunEstimate | None, Scenario | None, str] = (0.0, None, None, "")
    for scenario, practice, times in runs:
        estimate = estimate_run(scenario, practice)
        if estimate.work > biggest[0]:
            biggest = (estimate.work, estimate, scenario, practice)
        total += estimate.work * times
    _, estimate, scenario, practice = biggest
    run_limit = max(1, limit // RUN_SHARE)
    if estimate is not None and scenario is not None and estimate.work > run_limit:
        raise WorkloadError(
            "error.workload.run",
            source=scenario._source,  # noqa: SLF001 - the scenario's own label, as a text
            practice=practice,
            work=count_text(estimate.work),
            run_limit=count_text(run_limit),
            cause=estimate.cause,
            fix=estimate.fix,
            how=Text("error.workload.how"),
        )
    if total > limit:
        raise WorkloadError(
            "error.workload.total",
            what=what,
            runs=count_text(total_runs),
            work=count_text(total),
            limit=count_text(limit),
            minutes=count_text(total / CHANGES_PER_SECOND / 60),
            cause=estimate.cause if estimate is not None else "",
            fix=estimate.fix if estimate is not None else Text("error.workload.fix.changes"),
            how=Text("error.workload.how"),
        )
    return total


def check_minimum(runs: int, limit: int, what: str) -> None:
    """Refuse a number of runs whose start alone is over the limit (before building a
    sweep's grid)."""
    if runs * RUN_OVERHEAD > limit:
        raise WorkloadError(
            "error.workload.runs",
            what=what,
            runs=count_text(runs),
            work=count_text(runs * RUN_OVERHEAD),
            limit=count_text(limit),
            how=Text("error.workload.how"),
        )
