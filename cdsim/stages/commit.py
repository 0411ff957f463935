"""Source control: developers commit changes during working hours.

Each developer commits as a Poisson process on the *work clock* (the clock that only runs
in working hours), at ``commits_per_day`` per working day. A change has a size (lognormal,
lines) and carries a defect with a probability that rises with its size.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from cdsim.calendar import WorkCalendar
from cdsim.change import Change
from cdsim.distributions import sample_array
from cdsim.random_streams import RandomStreams
from cdsim.scenario.schema import ScenarioModel

if TYPE_CHECKING:
    from cdsim.pipeline import Pipeline


def defect_probability(size_lines, base_probability: float, mean_size_lines: float):
    """Probability that a change of ``size_lines`` carries a defect.

    ``1 - (1 - p0) ** (size / mean_size)``: a change of the mean size has probability
    ``p0``; one twice as large is as risky as two average changes. It rises with size,
    stays in [0, 1], and is exactly 0 or 1 when ``p0`` is.
    """
    size = np.asarray(size_lines, dtype=float)
    if base_probability >= 1.0:
        return np.where(size > 0, 1.0, 0.0)
    return 1.0 - (1.0 - base_probability) ** (size / mean_size_lines)


def generate_changes(
    model: ScenarioModel, calendar: WorkCalendar, streams: RandomStreams
) -> list[Change]:
    """Every change the team commits before the horizon, in commit order.

    Drawn up front from streams that do not depend on the practice, so that every practice
    sees the very same commits, sizes and defects (common random numbers).
    """
    team = model.team
    horizon_work_hours = calendar.to_work_clock(model.days * 24.0)
    per_work_hour = team.commits_per_day / calendar.day_hours
    commits_rng = streams("commits")
    counts = commits_rng.poisson(per_work_hour * horizon_work_hours, size=team.developers)
    # Given their number, Poisson arrival instants are independent uniforms over the span.
    work_times = commits_rng.uniform(0.0, horizon_work_hours, size=int(counts.sum()))
    authors = np.repeat(np.arange(team.developers), counts)
    order = np.argsort(work_times, kind="stable")
    commit_hours = calendar.from_work_clock_array(work_times[order])
    authors = authors[order]
    n = len(commit_hours)

    dist = "lognormal" if team.size_cv > 0 else "fixed"
    sizes = sample_array(dist, team.size_mean_lines, team.size_cv, streams("sizes"), n)
    p_defect = defect_probability(sizes, team.defect_probability, team.size_mean_lines)
    defects = streams("defects").random(n) < p_defect
    detection = streams("detection").random((n, 4))

    # As plain Python numbers (tolist), which are faster to make and to use than numpy's;
    # one list per detector, not one per change, so that the garbage collector has no
    # more objects to scan than the changes themselves.
    columns = (authors, sizes, commit_hours, defects, *detection.T)
    return [
        Change(i, a, s, t, d, tuple(u))
        for i, (a, s, t, d, *u) in enumerate(zip(*(c.tolist() for c in columns), strict=True))
    ]


def developers(p: Pipeline, changes: list[Change]):
    """The team commits each change at its time and pushes it to CI."""
    for change in changes:
        yield p.env.timeout(change.commit_hours - p.env.now)
        p.committed(change)
        p.recorder.log(p.env.now, "commit", change.change_id)
        p.push(change)
    p.commits_over()
