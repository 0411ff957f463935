"""The working calendar on other weeks than Monday to Friday: properties, for any instant.

The office week (Monday-Friday) hides bugs that mix up "the k-th working day" and "weekday
k", or that assume the working days are contiguous; these calendars do not:
Tuesday-Saturday, a four-day week, non-contiguous days, a week that runs Sunday to
Thursday (its last working day is the last day of the clock's week), a night shift, a day
of 24 hours that is not 24x7, and 24x7 itself.

Times are floats of hours: equalities hold to 1e-6 h (a few milliseconds), far below any
duration of the model and far above the rounding of a few additions on numbers < 1e4.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cdsim
from cdsim.calendar import (
    HOURS_PER_DAY,
    HOURS_PER_WEEK,
    WorkCalendar,
    parse_clock,
    parse_weekly_time,
    parse_work_hours,
)
from cdsim.pipeline import calendar_for

TOL = 1e-6

CALENDARS = {
    "tue-sat": WorkCalendar(work_days=(1, 2, 3, 4, 5), start_hour=9.0, end_hour=18.0),
    "four-day": WorkCalendar(work_days=(0, 1, 2, 3), start_hour=8.0, end_hour=18.0),
    "mon-wed-fri": WorkCalendar(work_days=(0, 2, 4), start_hour=10.0, end_hour=16.0),
    "sun-thu": WorkCalendar(work_days=(0, 1, 2, 3, 6), start_hour=8.5, end_hour=17.5),
    "night": WorkCalendar(work_days=(0, 1, 2, 3, 4), start_hour=22.0, end_hour=23.5),
    "whole-days": WorkCalendar(work_days=(1, 3), start_hour=0.0, end_hour=24.0),
    "office": WorkCalendar(),
    "24x7": WorkCalendar.always(),
}
names = st.sampled_from(sorted(CALENDARS))
instants = st.floats(0.0, 12 * HOURS_PER_WEEK, allow_nan=False)
work = st.floats(0.0, 400.0, allow_nan=False)


def working_or_closing(calendar: WorkCalendar, t: float) -> bool:
    """``t`` is a working instant, or the closing instant of a working day (a task that
    ends at the last working minute ends then)."""
    return calendar.is_working(t) or calendar.is_working(t - TOL)


# ------------------------------------------------------------------ worked examples


def test_the_first_working_instant_is_the_first_working_day_at_opening():
    """Work clock 0 is the first working instant of the week: Tuesday 09:00 for a
    Tuesday-Saturday week (not Monday, which is weekday 0), Monday 10:00 for
    Monday-Wednesday-Friday."""
    assert CALENDARS["tue-sat"].from_work_clock(0.0) == 24 + 9
    assert CALENDARS["mon-wed-fri"].from_work_clock(0.0) == 10
    assert CALENDARS["whole-days"].from_work_clock(0.0) == 24


@pytest.mark.parametrize(
    ("name", "work_hours", "start", "end"),
    [
        # the second working day of a Tuesday-Saturday week is Wednesday
        ("tue-sat", 9.0, 2 * 24 + 9, 24 + 18),
        # the third of Monday-Wednesday-Friday is Friday (not Wednesday, weekday 2)
        ("mon-wed-fri", 12.0, 4 * 24 + 10, 2 * 24 + 16),
        # the fifth of Sunday-Thursday is Sunday; the next starts Monday of week 2
        ("sun-thu", 4 * 9.0, 6 * 24 + 8.5, 3 * 24 + 17.5),
        ("sun-thu", 5 * 9.0, HOURS_PER_WEEK + 8.5, 6 * 24 + 17.5),
    ],
)
def test_a_day_boundary_maps_to_the_next_opening_or_the_last_closing(name, work_hours, start, end):
    calendar = CALENDARS[name]
    assert calendar.from_work_clock(work_hours) == pytest.approx(start)
    assert calendar.from_work_clock(work_hours, at_end=True) == pytest.approx(end)
    assert calendar.from_work_clock_array(np.array([work_hours]))[0] == pytest.approx(start)


@pytest.mark.parametrize(
    ("name", "week_hours"),
    [("tue-sat", 45), ("four-day", 40), ("mon-wed-fri", 18), ("sun-thu", 45), ("night", 7.5)],
)
def test_a_week_holds_its_working_hours(name, week_hours):
    calendar = CALENDARS[name]
    assert calendar.week_hours == week_hours
    assert calendar.to_work_clock(HOURS_PER_WEEK) == pytest.approx(week_hours)


def test_friday_evening_work_ends_on_the_next_working_day():
    """Two working hours from Friday 15:00: Monday-Wednesday-Friday 10-16 ends Monday
    11:00; Tuesday-Saturday ends the same Friday at 17:00; a four-day week (no Friday)
    starts Monday 08:00 and ends 10:00."""
    friday = 4 * 24 + 15
    assert CALENDARS["mon-wed-fri"].add_work_hours(friday, 2) == pytest.approx(168 + 11)
    assert CALENDARS["tue-sat"].add_work_hours(friday, 2) == pytest.approx(4 * 24 + 17)
    assert CALENDARS["four-day"].add_work_hours(friday, 2) == pytest.approx(168 + 10)
    # a Saturday is a working day of the Tuesday-Saturday week: 17:00 + 2 h = Tuesday 10:00
    assert CALENDARS["tue-sat"].add_work_hours(5 * 24 + 17, 2) == pytest.approx(168 + 24 + 10)


# ------------------------------------------------------------------------ properties


@settings(max_examples=150, deadline=None)
@given(names, st.floats(0.0, 2000.0, allow_nan=False))
def test_every_work_clock_reading_is_a_working_instant(name, w):
    """from_work_clock(w) is an instant at which people work, and reading the work clock
    there gives w back (the round trip work clock -> calendar -> work clock)."""
    calendar = CALENDARS[name]
    t = calendar.from_work_clock(w)
    assert working_or_closing(calendar, t), (name, w, t)
    assert calendar.to_work_clock(t) == pytest.approx(w, abs=TOL)
    assert calendar.from_work_clock_array(np.array([w]))[0] == pytest.approx(t, abs=TOL)


@settings(max_examples=150, deadline=None)
@given(names, st.floats(0.0, 2000.0, allow_nan=False).filter(lambda w: w > TOL))
def test_at_end_is_the_close_of_the_same_work(name, w):
    """With at_end the same work-clock reading maps to the end of a working span: work was
    being done just before it, and no later than the plain mapping."""
    calendar = CALENDARS[name]
    end = calendar.from_work_clock(w, at_end=True)
    assert calendar.to_work_clock(end) == pytest.approx(w, abs=TOL)
    assert calendar.is_working(end - TOL), (name, w, end)
    assert end <= calendar.from_work_clock(w) + TOL


@settings(max_examples=150, deadline=None)
@given(names, instants)
def test_a_working_instant_round_trips_through_the_work_clock(name, t):
    calendar = CALENDARS[name]
    w = calendar.to_work_clock(t)
    if calendar.is_working(t):
        assert calendar.from_work_clock(w) == pytest.approx(t, abs=TOL)
    else:  # outside working hours the work clock stands still until the next opening
        later = calendar.from_work_clock(w)
        assert later >= t - TOL
        assert calendar.to_work_clock(later) == pytest.approx(w, abs=TOL)


@settings(max_examples=150, deadline=None)
@given(names, instants, st.floats(0.0, 48.0, allow_nan=False))
def test_the_work_clock_runs_only_in_working_hours(name, t, dt):
    """The work clock never runs backwards, never faster than the wall clock, a week later
    it has gained exactly the week's working hours, and inside working hours it runs at the
    wall clock's speed."""
    calendar = CALENDARS[name]
    a, b = calendar.to_work_clock(t), calendar.to_work_clock(t + dt)
    assert a - TOL <= b <= a + dt + TOL
    assert calendar.to_work_clock(t + HOURS_PER_WEEK) == pytest.approx(
        a + calendar.week_hours, abs=TOL
    )
    step = 1e-3
    if calendar.is_working(t) and calendar.is_working(t + step):
        assert calendar.to_work_clock(t + step) - a == pytest.approx(step, abs=TOL)


@settings(max_examples=150, deadline=None)
@given(names, instants, work)
def test_a_task_takes_exactly_its_working_hours(name, t, hours):
    """add_work_hours(t, h): the task ends no earlier than it starts, h working hours
    later on the work clock, at the first such instant, and people were at work just
    before it ended."""
    calendar = CALENDARS[name]
    end = calendar.add_work_hours(t, hours)
    assert end >= t
    start_clock = calendar.to_work_clock(t)
    assert calendar.to_work_clock(end) - start_clock == pytest.approx(hours, abs=TOL)
    if hours == 0.0:
        assert end == t
    elif hours > 1e-3:
        assert calendar.is_working(end - TOL), (name, t, hours, end)
        # the first instant: a moment earlier, the work was not done yet
        assert calendar.to_work_clock(end - 1e-4) < start_clock + hours


@settings(max_examples=200, deadline=None)
@given(names, instants)
def test_is_working_agrees_with_the_week_pattern(name, t):
    """is_working(t): t's weekday (Monday = 0, since t = 0 is a Monday) is a working day
    and its hour is in [start, end)."""
    calendar = CALENDARS[name]
    day, hour = divmod(t % HOURS_PER_WEEK, HOURS_PER_DAY)
    expected = int(day) in calendar.work_days and calendar.start_hour <= hour < calendar.end_hour
    assert calendar.is_working(t) == expected


@settings(max_examples=100, deadline=None)
@given(names, instants, st.integers(0, 6), st.floats(0.0, 23.99))
def test_next_weekly_is_the_first_such_instant(name, t, weekday, hour):
    """The next ``weekday`` at ``hour``: at or after t, less than a week later."""
    calendar = CALENDARS[name]
    meeting = calendar.next_weekly(t, weekday, hour)
    assert 0.0 <= meeting - t < HOURS_PER_WEEK + TOL
    assert meeting % HOURS_PER_WEEK == pytest.approx(weekday * 24 + hour, abs=TOL)


# ------------------------------------------------------------------ through the model


@pytest.mark.parametrize(
    ("days", "hours"),
    [
        (["tue", "wed", "thu", "fri", "sat"], "09:00-18:00"),
        (["mon", "wed", "fri"], "10:00-16:00"),
        (["sun", "mon", "tue", "wed", "thu"], "08:30-17:30"),
    ],
)
def test_people_work_only_in_the_scenarios_calendar(default_scenario, days, hours):
    """A run on another week: every commit, every fix pushed back and every approval
    happens at a working instant of the scenario's own calendar (listed in any order)."""
    scenario = default_scenario.with_values(
        {
            "days": 14.0,
            "warmup_days": 1.0,
            "calendar.work_days": list(reversed(days)),
            "calendar.work_hours": hours,
            "team.developers": 3,
            "team.defect_probability": 0.3,
        }
    )
    calendar = calendar_for(scenario.model)
    assert calendar.work_days == tuple(sorted(calendar.work_days))
    run = cdsim.simulate(scenario, "delivery", seed=2)
    events = run.events
    people = events[events["event"].isin(["commit", "fix_done", "approved"])]
    assert len(people[people["event"] == "commit"]) > 50
    assert (people["event"] == "fix_done").sum() > 5
    off = [t for t in people["time_hours"] if not working_or_closing(calendar, t)]
    assert not off, off[:5]


# ---------------------------------------------------------------------------- edges


def test_opening_is_working_closing_is_not():
    """Working hours are [start, end): 09:00 is a working instant, 18:00 is not."""
    office = CALENDARS["office"]
    assert office.is_working(9.0) and not office.is_working(18.0)
    assert not office.is_working(9.0 - 1e-9) and office.is_working(18.0 - 1e-9)
    assert not office.is_working(5 * 24 + 10)  # Saturday


def test_a_weekly_meeting_at_this_very_instant_is_now():
    """next_weekly(t, ...) at exactly a meeting instant is that instant, not a week later."""
    office = CALENDARS["office"]
    assert office.next_weekly(24 + 10, 1, 10.0) == 24 + 10
    assert office.next_weekly(24 + 10.5, 1, 10.0) == HOURS_PER_WEEK + 24 + 10


def test_work_clock_zero_is_the_first_opening_even_at_end():
    """No instant before t = 0: the work clock's 0 maps to the first opening, with or
    without at_end; on a one-hour day, one working hour ends that day at closing."""
    for calendar in CALENDARS.values():
        first = calendar.from_work_clock(0.0)
        assert calendar.from_work_clock(0.0, at_end=True) == first >= 0.0
    one_hour = WorkCalendar(work_days=(0, 1, 2, 3, 4), start_hour=9.0, end_hour=10.0)
    assert one_hour.from_work_clock(1.0, at_end=True) == 10.0
    assert one_hour.from_work_clock(1.0) == 24 + 9.0
    assert one_hour.add_work_hours(9.5, 0.5) == 10.0


@pytest.mark.parametrize(
    ("text", "hour"),
    [("00:00", 0.0), ("09:30", 9.5), ("23:59", 23 + 59 / 60), ("24:00", 24.0)],
)
def test_a_clock_reads_from_midnight_to_midnight(text, hour):
    assert parse_clock(text) == pytest.approx(hour)


@pytest.mark.parametrize("text", ["24:01", "25:00", "10:60", "-1:00"])
def test_a_clock_outside_the_day_is_refused(text):
    with pytest.raises(ValueError, match=f"not a time of day: '{text}'"):
        parse_clock(text)


def test_working_hours_and_weekly_times_are_read_as_documented():
    assert parse_work_hours("00:00-24:00") == (0.0, 24.0)
    with pytest.raises(
        ValueError, match="working hours must end after they start, got '09:00-09:00'"
    ):
        parse_work_hours("09:00-09:00")
    with pytest.raises(ValueError, match=r"expected 'HH:MM-HH:MM' or '24x7', got '9 to 5'"):
        parse_work_hours("9 to 5")
    assert parse_weekly_time("Tuesday 10:00") == (1, 10.0)  # the first three letters count
    assert parse_weekly_time("sun 23:30") == (6, 23.5)
    with pytest.raises(ValueError, match="expected a weekday and a time like 'tue 10:00', got"):
        parse_weekly_time("tue")
