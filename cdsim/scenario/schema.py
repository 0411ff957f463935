"""The shape of a scenario, validated at the door (pydantic models, one per TOML table).

Every field says its unit in its name and its allowed range in its type, so that a bad
value is refused with a message that names the key and what is allowed. Every number is
finite and within a workable range (docs/scenario.md, "Limits"): what passes here, the
engine can run. Errors of cdsim's own checks carry a type ``cdsim.<name>`` whose text is
``error.value.<name>`` in the translation table.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from cdsim.calendar import WEEKDAYS, parse_weekly_time, parse_work_hours
from cdsim.i18n.texts import TEXTS
from cdsim.practices.names import PRACTICES

MAX_DAYS = 3650
"""The longest horizon, and the longest mean of any duration: ten years."""
MAX_CV = 10.0
"""The largest coefficient of variation of a duration or of change sizes."""
MIN_CV = 0.001
"""The smallest coefficient of variation above 0 (below it a gamma draw breaks down; 0
means no spread at all)."""
MAX_PER_CHANGE_MINUTES = 7 * 24 * 60
"""The most minutes a step may add per change in its batch: a week."""

Probability = Annotated[float, Field(ge=0.0, le=1.0)]
Practice = Literal[PRACTICES]
NonNegative = Annotated[float, Field(ge=0.0)]
PerChangeMinutes = Annotated[float, Field(ge=0.0, le=MAX_PER_CHANGE_MINUTES)]
Spread = Annotated[float, Field(ge=0.0, le=MAX_CV)]

_UNIT_HOURS = {"mean_minutes": 1 / 60, "mean_hours": 1.0, "mean_days": 24.0}


def problem(name: str, **context: Any) -> PydanticCustomError:
    """A validation error of type ``cdsim.<name>``, worded by ``error.value.<name>``."""
    return PydanticCustomError(f"cdsim.{name}", TEXTS[f"error.value.{name}"][0], context)


def _check_cv(value: float | None) -> float | None:
    if value is not None and 0.0 < value < MIN_CV:
        raise problem("cv_tiny", limit=MIN_CV)
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False)


class Duration(_Strict):
    """A duration drawn from a distribution: ``{ dist = "lognormal", mean_minutes = 12, cv = 0.3 }``.

    Exactly one of ``mean_minutes``, ``mean_hours``, ``mean_days`` (a day is 24 hours);
    ``cv`` (coefficient of variation) for ``lognormal`` and ``gamma`` only.
    """

    dist: Literal["fixed", "exponential", "lognormal", "gamma"]
    mean_minutes: Annotated[float, Field(ge=0.0, le=MAX_DAYS * 24 * 60)] | None = None
    mean_hours: Annotated[float, Field(ge=0.0, le=MAX_DAYS * 24)] | None = None
    mean_days: Annotated[float, Field(ge=0.0, le=MAX_DAYS)] | None = None
    cv: Spread | None = None

    @field_validator("cv")
    @classmethod
    def _cv(cls, value: float | None) -> float | None:
        return _check_cv(value)

    @model_validator(mode="after")
    def _one_mean_and_cv(self) -> Duration:
        given = [k for k in _UNIT_HOURS if getattr(self, k) is not None]
        if not given:
            raise problem("one_mean")
        if len(given) > 1:
            raise problem("one_mean_several", given=", ".join(given))
        if self.dist in ("lognormal", "gamma") and self.cv is None:
            raise problem("needs_cv", dist=self.dist)
        if self.dist in ("fixed", "exponential") and self.cv is not None:
            raise problem("cv_not_used", dist=self.dist)
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
        try:
            parse_work_hours(value)
        except ValueError:
            raise problem("work_hours") from None
        return value


class Team(_Strict):
    developers: int = Field(ge=1, le=10_000)
    commits_per_day: float = Field(ge=0.0, le=1_000)
    size_mean_lines: float = Field(gt=0, le=1_000_000)
    size_cv: Spread
    defect_probability: Probability
    fix_time: Duration

    @field_validator("size_cv")
    @classmethod
    def _size_cv(cls, value: float) -> float:
        return _check_cv(value)


class Build(_Strict):
    runners: int = Field(ge=1, le=10_000)
    duration: Duration
    detection: Probability
    flaky_probability: float = Field(ge=0.0, lt=1.0)  # 1: no build would ever pass


class Staging(_Strict):
    environments: int = Field(ge=1, le=1_000)
    duration: Duration
    duration_per_change_minutes: PerChangeMinutes = 0.0
    detection: Probability

    @property
    def duration_per_change_hours(self) -> float:
        return self.duration_per_change_minutes / 60.0


class Approval(_Strict):
    mode: Literal["delay", "board"]
    delay: Duration
    board_times: list[str] = Field(min_length=1, max_length=100)
    detection: Probability

    @field_validator("board_times")
    @classmethod
    def _times(cls, value: list[str]) -> list[str]:
        for text in value:
            try:
                parse_weekly_time(text)
            except ValueError:
                raise problem("weekly_time", value=text[:40]) from None
        return value


class Release(_Strict):
    every_days: float = Field(gt=0, le=MAX_DAYS)
    qa_duration: Duration
    qa_duration_per_change_minutes: PerChangeMinutes = 0.0
    qa_detection: Probability
    deploy_duration: Duration
    deploy_duration_per_change_minutes: PerChangeMinutes = 0.0
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
    deploy_duration_per_change_minutes: PerChangeMinutes = 0.0

    @property
    def deploy_duration_per_change_hours(self) -> float:
        return self.deploy_duration_per_change_minutes / 60.0


class Incident(_Strict):
    response: Literal["on_call", "working_hours"] = "on_call"
    detection: Duration
    diagnosis: Duration
    diagnosis_growth_per_change: float = Field(ge=0.0, le=100.0)
    rollback: Duration
    manual_rollback: Duration
    fix_forward_probability: Probability
    fix_forward: Duration


class ScenarioModel(_Strict):
    """A whole scenario file, after merging it onto its base."""

    name: str = Field(max_length=200)
    description: str = Field(default="", max_length=5_000)
    description_pt: str = Field(default="", max_length=5_000)  # in Brazilian Portuguese
    base: str | None = None
    practice: Practice = "delivery"
    days: float = Field(gt=0, le=MAX_DAYS)
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
            raise problem("warmup", warmup=f"{self.warmup_days:g}", days=f"{self.days:g}")
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
                raise problem(
                    "board_outside",
                    time=text,
                    days=", ".join(self.calendar.work_days),
                    hours=self.calendar.work_hours,
                )
        return self
