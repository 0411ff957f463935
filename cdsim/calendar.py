"""Working calendar: when people work. Machines ignore it and run around the clock.

Time is measured in hours from t = 0, a Monday at 00:00. A calendar maps between that
clock and a *work clock* that only advances while people are at work, so that "three
working hours from now" and "a Poisson process during working hours" are one subtraction
or one addition away.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

HOURS_PER_DAY = 24.0
HOURS_PER_WEEK = 168.0
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WORKDAY_INDEX = {name: index for index, name in enumerate(WEEKDAYS)}


@dataclass(frozen=True)
class WorkCalendar:
    """Working days of the week and daily working hours.

    Parameters
    ----------
    work_days : tuple of int
        Days of the week people work, 0 = Monday ... 6 = Sunday.
    start_hour, end_hour : float
        Daily working hours, e.g. 9.0 and 18.0. ``0`` and ``24`` with all seven days
        is a 24x7 calendar.
    """

    work_days: tuple[int, ...] = (0, 1, 2, 3, 4)
    start_hour: float = 9.0
    end_hour: float = 18.0

    @classmethod
    def always(cls) -> WorkCalendar:
        """The 24x7 calendar: every hour is a working hour."""
        return cls(work_days=tuple(range(7)), start_hour=0.0, end_hour=24.0)

    @property
    def is_always(self) -> bool:
        return len(self.work_days) == 7 and self.start_hour == 0.0 and self.end_hour == 24.0

    @property
    def day_hours(self) -> float:
        """Working hours in one working day (9 for 09:00-18:00)."""
        return self.end_hour - self.start_hour

    @property
    def week_hours(self) -> float:
        return self.day_hours * len(self.work_days)

    # -- calendar time -> work clock ---------------------------------------------------
    def to_work_clock(self, t_hours: float) -> float:
        """Working hours elapsed between t = 0 and ``t_hours``."""
        if self.is_always:
            return t_hours
        week, in_week = divmod(t_hours, HOURS_PER_WEEK)
        day, in_day = divmod(in_week, HOURS_PER_DAY)
        day = int(day)
        done = sum(1 for d in self.work_days if d < day) * self.day_hours
        if day in self.work_days:
            done += min(max(in_day - self.start_hour, 0.0), self.day_hours)
        return week * self.week_hours + done

    # -- work clock -> calendar time -----------------------------------------------------
    def from_work_clock(self, w_hours: float, *, at_end: bool = False) -> float:
        """The calendar instant at which the work clock reads ``w_hours``.

        An instant that falls exactly on the boundary between two working days maps to the
        start of the next day, or with ``at_end=True`` to the end of the previous one (so
        that a task finishing at the last working minute finishes at 18:00, not next
        morning).
        """
        if self.is_always:
            return w_hours
        if at_end and w_hours > 0:
            # step back to the left limit: a task ending on a day boundary ends that day
            w = w_hours
            week, in_week = divmod(w, self.week_hours)
            k, in_day = divmod(in_week, self.day_hours)
            if in_day == 0.0:
                k -= 1
                in_day = self.day_hours
                if k < 0:
                    week -= 1
                    k = len(self.work_days) - 1
            day = self.work_days[int(k)]
            return week * HOURS_PER_WEEK + day * HOURS_PER_DAY + self.start_hour + in_day
        week, in_week = divmod(w_hours, self.week_hours)
        k, in_day = divmod(in_week, self.day_hours)
        day = self.work_days[int(k)]
        return week * HOURS_PER_WEEK + day * HOURS_PER_DAY + self.start_hour + in_day

    def from_work_clock_array(self, w_hours: np.ndarray) -> np.ndarray:
        """Vectorised :meth:`from_work_clock` (boundaries map to the next day's start)."""
        w = np.asarray(w_hours, dtype=float)
        if self.is_always:
            return w.copy()
        week, in_week = np.divmod(w, self.week_hours)
        k, in_day = np.divmod(in_week, self.day_hours)
        days = np.asarray(self.work_days, dtype=float)[k.astype(int)]
        return week * HOURS_PER_WEEK + days * HOURS_PER_DAY + self.start_hour + in_day

    # -- what people need ------------------------------------------------------------------
    def add_work_hours(self, t_hours: float, work_hours: float) -> float:
        """The instant a person who starts at ``t_hours`` finishes ``work_hours`` of work.

        Work only progresses during working hours: starting on Friday at 17:00, two
        working hours end on Monday at 10:00.
        """
        if work_hours <= 0.0:
            return t_hours
        if self.is_always:
            return t_hours + work_hours
        work_clock = self.to_work_clock(t_hours) + work_hours
        end = self.from_work_clock(work_clock, at_end=True)
        # a start outside working hours that rounds onto a boundary keeps the next start
        return end if end >= t_hours else self.from_work_clock(work_clock)

    def is_working(self, t_hours: float) -> bool:
        if self.is_always:
            return True
        in_week = t_hours % HOURS_PER_WEEK
        day, in_day = divmod(in_week, HOURS_PER_DAY)
        return int(day) in self.work_days and self.start_hour <= in_day < self.end_hour

    def next_weekly(self, t_hours: float, weekday: int, hour: float) -> float:
        """The first instant at or after ``t_hours`` that is ``weekday`` at ``hour``."""
        offset = weekday * HOURS_PER_DAY + hour
        week = math.floor((t_hours - offset) / HOURS_PER_WEEK)
        candidate = week * HOURS_PER_WEEK + offset
        while candidate < t_hours:
            candidate += HOURS_PER_WEEK
        return candidate


def parse_work_hours(text: str) -> tuple[float, float] | None:
    """``"09:00-18:00"`` -> ``(9.0, 18.0)``; ``"24x7"`` -> ``None``. Raises ValueError."""
    text = text.strip().lower()
    if text == "24x7":
        return None
    try:
        start, end = (part.strip() for part in text.split("-"))
        start_h, end_h = parse_clock(start), parse_clock(end)
    except ValueError:
        raise ValueError(f"expected 'HH:MM-HH:MM' or '24x7', got {text!r}") from None
    if not start_h < end_h:
        raise ValueError(f"working hours must end after they start, got {text!r}")
    return start_h, end_h


def parse_clock(text: str) -> float:
    """``"09:30"`` -> ``9.5``. Raises ValueError."""
    hh, mm = text.split(":")
    hours, minutes = int(hh), int(mm)
    if not (0 <= hours <= 24 and 0 <= minutes < 60) or (hours == 24 and minutes):
        raise ValueError(f"not a time of day: {text!r}")
    return hours + minutes / 60.0


def parse_weekly_time(text: str) -> tuple[int, float]:
    """``"tue 10:00"`` -> ``(1, 10.0)``. Raises ValueError."""
    try:
        day, clock = text.strip().lower().split()
        return WEEKDAYS.index(day[:3]), parse_clock(clock)
    except ValueError:
        raise ValueError(f"expected a weekday and a time like 'tue 10:00', got {text!r}") from None
