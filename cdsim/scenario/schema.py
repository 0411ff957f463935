"""The shape of a scenario, validated at the door (pydantic models, one per TOML table).

Every field says its unit in its name and its allowed range in its type, so that a bad
value is refused with a message that names the key and what is allowed.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from cdsim.calendar import WEEKDAYS, parse_weekly_time, parse_work_hours
from cdsim.practices.names import PRACTICES

Probability = Annotated[float, Field(ge=0.0, le=1.0)]
Practice = Literal[PRACTICES]
NonNegative = Annotated[float, Field(ge=0.0)]

_UNIT_HOURS = {"mean_minutes": 1 / 60, "mean_hours": 1.0, "mean_days": 24.0}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Duration(_Strict):
    """A duration drawn from a distribution: ``{ dist = "lognormal", mean_minutes = 12, cv = 0.3 }``.

    Exactly one of ``mean_minutes``, ``mean_hours``, ``mean_days`` (a day is 24 hours);
    ``cv`` (coefficient of variation) for ``lognormal`` and ``gamma`` only.
    """

    dist: Literal["fixed", "exponential", "lognormal", "gamma"]
    mean_minutes: NonNegative | None = None
    mean_hours: NonNegative | None = None
    mean_days: NonNegative | None = None
    cv: NonNegative | None = None

    @model_validator(mode="after")
    def _one_mean_and_cv(self) -> Duration:
        given = [k for k in _UNIT_HOURS if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError(
                "give exactly one of mean_minutes, mean_hours, mean_days"
                + (f" (got {', '.join(given)})" if given else "")
            )
        if self.dist in ("lognormal", "gamma") and self.cv is None:
            raise ValueError(
                f"a {self.dist} duration needs cv (coefficient of variation, e.g. 0.5)"
            )
        if self.dist in ("fixed", "exponential") and self.cv is not None:
            raise ValueError(f"cv applies to lognormal and gamma only, not to {self.dist}")
        return self

    @property
    def mean_in_hours(self) -> float:
        for key, factor in _UNIT_HOURS.items():
            value = getattr(self, key)
            if value is not None:
                return value * factor
        raise AssertionError("validated duration without a mean")

    @property
    def cv_or_zero(self) -> float:
        return self.cv or 0.0


class Calendar(_Strict):
    work_hours: str = "09:00-18:00"
    work_days: list[Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]] = Field(
        default_factory=lambda: ["mon", "tue", "wed", "thu", "fri"], min_length=1
    )

    @field_validator("work_hours")
    @classmethod
    def _hours(cls, value: str) -> str:
        parse_work_hours(value)
        return value


class Team(_Strict):
    developers: int = Field(ge=1, le=10_000)
    commits_per_day: NonNegative
    size_mean_lines: float = Field(gt=0)
    size_cv: NonNegative
    defect_probability: Probability
    fix_time: Duration


class Build(_Strict):
    runners: int = Field(ge=1, le=10_000)
    duration: Duration
    detection: Probability
    flaky_probability: Probability


class Staging(_Strict):
    environments: int = Field(ge=1, le=1_000)
    duration: Duration
    duration_per_change_minutes: NonNegative = 0.0
    detection: Probability

    @property
    def duration_per_change_hours(self) -> float:
        return self.duration_per_change_minutes / 60.0


class Approval(_Strict):
    mode: Literal["delay", "board"]
    delay: Duration
    board_times: list[str] = Field(min_length=1)
    detection: Probability

    @field_validator("board_times")
    @classmethod
    def _times(cls, value: list[str]) -> list[str]:
        for text in value:
            parse_weekly_time(text)
        return value


class Release(_Strict):
    every_days: float = Field(gt=0)
    qa_duration: Duration
    qa_duration_per_change_minutes: NonNegative = 0.0
    qa_detection: Probability
    deploy_duration: Duration
    deploy_duration_per_change_minutes: NonNegative = 0.0
    manual_error_probability: Probability
    retest_duration: Duration
    max_redeploys: int = Field(default=1, ge=0, le=1_000)

    @property
    def qa_duration_per_change_hours(self) -> float:
        return self.qa_duration_per_change_minutes / 60.0

    @property
    def deploy_duration_per_change_hours(self) -> float:
        return self.deploy_duration_per_change_minutes / 60.0


class Production(_Strict):
    deploy_duration: Duration
    deploy_duration_per_change_minutes: NonNegative = 0.0

    @property
    def deploy_duration_per_change_hours(self) -> float:
        return self.deploy_duration_per_change_minutes / 60.0


class Incident(_Strict):
    response: Literal["on_call", "working_hours"] = "on_call"
    detection: Duration
    diagnosis: Duration
    diagnosis_growth_per_change: NonNegative
    rollback: Duration
    manual_rollback: Duration
    fix_forward_probability: Probability
    fix_forward: Duration


class ScenarioModel(_Strict):
    """A whole scenario file, after merging it onto its base."""

    name: str
    description: str = ""
    description_pt: str = ""  # the description in Brazilian Portuguese (optional)
    base: str | None = None
    practice: Practice = "delivery"
    days: float = Field(gt=0, le=3650)
    warmup_days: NonNegative
    calendar: Calendar
    team: Team
    build: Build
    staging: Staging
    approval: Approval
    release: Release
    production: Production
    incident: Incident

    @model_validator(mode="after")
    def _warmup_before_horizon(self) -> ScenarioModel:
        if self.warmup_days >= self.days:
            raise ValueError(
                f"warmup_days ({self.warmup_days:g}) must be shorter than days ({self.days:g})"
            )
        return self

    @model_validator(mode="after")
    def _board_meets_in_working_hours(self) -> ScenarioModel:
        """A change board is people: it meets on a working day, in working hours."""
        if self.approval.mode != "board":
            return self
        hours = parse_work_hours(self.calendar.work_hours)
        if hours is None:  # 24x7: every hour is a working hour
            return self
        for text in self.approval.board_times:
            day, hour = parse_weekly_time(text)
            if WEEKDAYS[day] not in self.calendar.work_days or not hours[0] <= hour < hours[1]:
                raise ValueError(
                    f"approval.board_times: {text!r} is outside the working calendar "
                    f"({', '.join(self.calendar.work_days)}, {self.calendar.work_hours}); "
                    "a change board is people and meets in working hours"
                )
        return self
