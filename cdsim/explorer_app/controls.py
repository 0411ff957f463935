"""The explorer's sliders: which scenario key each one sets, its range and its group."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import ipywidgets as widgets

from cdsim.scenario import Scenario


@dataclass(frozen=True)
class SliderSpec:
    """One slider: its name, the scenario key it sets, its range and how to read the preset."""

    name: str
    key: str | None  # dotted scenario key; None for the seed (an argument of simulate)
    kind: str  # "int" or "float"
    min: float
    max: float
    step: float
    group: str
    read: Callable[[Scenario], float] | None = None

    def preset_value(self, scenario: Scenario) -> float:
        if self.read is not None:
            return self.read(scenario)
        return scenario.get(self.key)


def _approval_delay_hours(sc: Scenario) -> float:
    return sc.model.approval.delay.mean_in_hours


SLIDERS: tuple[SliderSpec, ...] = (
    SliderSpec("developers", "team.developers", "int", 1, 40, 1, "team"),
    SliderSpec("commits_per_day", "team.commits_per_day", "float", 0.25, 8, 0.25, "team"),
    SliderSpec("defect_probability", "team.defect_probability", "float", 0, 0.5, 0.01, "team"),
    SliderSpec("build_detection", "build.detection", "float", 0, 1, 0.05, "tests"),
    SliderSpec("staging_detection", "staging.detection", "float", 0, 1, 0.05, "tests"),
    SliderSpec("approval_detection", "approval.detection", "float", 0, 1, 0.05, "tests"),
    SliderSpec("runners", "build.runners", "int", 1, 8, 1, "pipeline"),
    SliderSpec(
        "approval_delay",
        "approval.delay.mean_hours",
        "float",
        0,
        40,
        0.5,
        "pipeline",
        _approval_delay_hours,
    ),
    SliderSpec("release_every", "release.every_days", "float", 1, 30, 1, "pipeline"),
    SliderSpec("days", "days", "float", 10, 180, 5, "run"),
    SliderSpec("seed", None, "int", 0, 99, 1, "run"),  # 100 runs: 2 px a value on screen
)
"""Every slider of the explorer, in screen order."""

GROUPS = ("team", "tests", "pipeline", "run")


def make_slider(spec: SliderSpec, value: float, warmup_days: float):
    """The widget of ``spec`` at ``value``; its range grows to hold a preset's value. The
    horizon slider stays longer than the warm-up."""
    low, high = min(spec.min, value), max(spec.max, value)
    if spec.name == "days":  # the horizon must stay longer than the warm-up
        low = max(low, math.floor(warmup_days) + spec.step)
    common = dict(
        min=low,
        max=high,
        step=spec.step,
        value=value,
        continuous_update=False,
        readout=True,
        layout=widgets.Layout(width="auto", flex="1 1 auto"),
    )
    if spec.kind == "int":
        whole = {
            k: int(v) if k in ("min", "max", "step", "value") else v for k, v in common.items()
        }
        return widgets.IntSlider(**whole)
    decimals = len(f"{spec.step:g}".partition(".")[2])
    return widgets.FloatSlider(readout_format=f".{decimals}f", **common)
