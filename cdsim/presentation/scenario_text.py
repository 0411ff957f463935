"""A scenario in plain words, in English or Portuguese: for result pages and for the
context line under the comparison figure."""

from __future__ import annotations

from cdsim.calendar import WEEKDAYS, parse_weekly_time
from cdsim.i18n import count, format_hours, format_number, format_percent, format_plain, t
from cdsim.scenario import Scenario


def _join(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + t("list.and", lang) + items[-1]


def _days(days: float, lang: str) -> str:
    return format_hours(days * 24.0, lang, unit="days")


def _board_times(times: list[str], lang: str) -> str:
    words = []
    for text in times:
        day, hour = parse_weekly_time(text)
        words.append(f"{t('weekday.' + WEEKDAYS[day], lang)} {text.split()[1]}")
    return _join(words, lang)


def _approval(scenario: Scenario, lang: str) -> str:
    approval = scenario.model.approval
    if approval.mode == "board":
        return t("scenario.board", lang, times=_board_times(approval.board_times, lang))
    return t(
        "scenario.approval_after", lang, delay=format_hours(approval.delay.mean_in_hours, lang)
    )


def context_line(
    scenario: Scenario, replications: int, seed: int, band_source: str, lang: str = "en"
) -> str:
    """One line that says which team and which experiment a figure shows."""
    model = scenario.model
    runs = (
        t("scenario.replications", lang, n=replications)
        if replications > 1
        else t("scenario.one_run", lang)
    )
    return t(
        "scenario.context",
        lang,
        name=scenario.name,
        developers=count(model.team.developers, "developers", lang),
        commits=format_plain(model.team.commits_per_day, lang),
        runners=count(model.build.runners, "runners", lang),
        approval=_approval(scenario, lang),
        release=_days(model.release.every_days, lang),
        replications=runs[0].upper() + runs[1:],
        seed=seed,
        bands=t(f"scenario.bands.{band_source}", lang),
    )


def describe(scenario: Scenario, lang: str = "en") -> list[str]:
    """The scenario, one sentence per part of the pipeline."""
    m = scenario.model
    days = [t("weekday." + d, lang) for d in WEEKDAYS if d in m.calendar.work_days]
    calendar = (
        t("scenario.calendar_24x7", lang)
        if m.calendar.work_hours.strip().lower() == "24x7"
        else t("scenario.calendar", lang, days=_join(days, lang), hours=m.calendar.work_hours)
    )
    if m.approval.mode == "board":
        approval = t(
            "scenario.approval_board",
            lang,
            times=_board_times(m.approval.board_times, lang),
            detection=format_percent(m.approval.detection, lang),
        )
    else:
        approval = t(
            "scenario.approval_delay",
            lang,
            delay=format_hours(m.approval.delay.mean_in_hours, lang),
            detection=format_percent(m.approval.detection, lang),
        )
    incident_key = (
        "scenario.incident_on_call"
        if m.incident.response == "on_call"
        else "scenario.incident_working_hours"
    )
    return [
        t(
            "scenario.team",
            lang,
            developers=count(m.team.developers, "developers", lang),
            commits=format_plain(m.team.commits_per_day, lang),
            lines=format_number(m.team.size_mean_lines, lang, 0),
            defect=format_percent(m.team.defect_probability, lang),
        ),
        calendar,
        t(
            "scenario.build",
            lang,
            runners=count(m.build.runners, "runners", lang),
            duration=format_hours(m.build.duration.mean_in_hours, lang),
            detection=format_percent(m.build.detection, lang),
            flaky=format_percent(m.build.flaky_probability, lang),
        ),
        t(
            "scenario.staging",
            lang,
            environments=count(m.staging.environments, "environments", lang),
            duration=format_hours(m.staging.duration.mean_in_hours, lang),
            detection=format_percent(m.staging.detection, lang),
        ),
        approval,
        t(
            "scenario.release",
            lang,
            every=_days(m.release.every_days, lang),
            qa=format_hours(m.release.qa_duration.mean_in_hours, lang),
            detection=format_percent(m.release.qa_detection, lang),
            error=format_percent(m.release.manual_error_probability, lang),
        ),
        t(
            incident_key,
            lang,
            rollback=format_percent(1 - m.incident.fix_forward_probability, lang),
        ),
        t(
            "scenario.horizon",
            lang,
            days=format_number(m.days, lang, 0),
            warmup=format_number(m.warmup_days, lang, 0),
        ),
    ]


__all__ = ["context_line", "describe"]
