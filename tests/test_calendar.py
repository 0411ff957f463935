"""The working calendar: people's time advances only in working hours."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cdsim.calendar import WorkCalendar, parse_weekly_time, parse_work_hours

OFFICE = WorkCalendar()  # Monday-Friday 09:00-18:00
MONDAY, FRIDAY, SATURDAY = 0.0, 4 * 24.0, 5 * 24.0


def test_work_inside_one_day():
    assert OFFICE.add_work_hours(MONDAY + 10, 3) == pytest.approx(MONDAY + 13)


def test_work_crosses_the_night():
    # 17:00 + 2 working hours = next day 10:00
    assert OFFICE.add_work_hours(MONDAY + 17, 2) == pytest.approx(24 + 10)


def test_work_crosses_the_weekend():
    # Friday 17:00 + 2 working hours = Monday 10:00 of the next week
    assert OFFICE.add_work_hours(FRIDAY + 17, 2) == pytest.approx(168 + 10)


def test_work_started_on_saturday_begins_on_monday():
    assert OFFICE.add_work_hours(SATURDAY + 12, 1) == pytest.approx(168 + 10)


def test_task_ending_at_closing_time_ends_that_day():
    assert OFFICE.add_work_hours(MONDAY + 17, 1) == pytest.approx(MONDAY + 18)


def test_always_calendar_is_plain_addition():
    always = WorkCalendar.always()
    assert always.add_work_hours(123.4, 5.5) == pytest.approx(128.9)
    assert always.is_always and always.day_hours == 24


@given(st.floats(0, 24 * 7 * 10), st.floats(0, 200))
def test_work_clock_round_trip(t, work):
    end = OFFICE.add_work_hours(t, work)
    assert end >= t
    # the work done between start and end is exactly what was asked
    assert OFFICE.to_work_clock(end) - OFFICE.to_work_clock(t) == pytest.approx(work, abs=1e-6)
    if work > 1e-3:
        assert OFFICE.is_working(end - 1e-6)  # work ends during working hours


def test_parsers():
    assert parse_work_hours("09:00-18:00") == (9.0, 18.0)
    assert parse_work_hours("24x7") is None
    assert parse_weekly_time("Tue 10:30") == (1, 10.5)
    for bad in ("9-18", "18:00-09:00", "25:00-26:00"):
        with pytest.raises(ValueError):
            parse_work_hours(bad)
    with pytest.raises(ValueError):
        parse_weekly_time("someday 10:00")
