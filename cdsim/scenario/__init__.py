"""Scenarios: the team, the pipeline and the practice parameters, validated at the door."""

from cdsim.scenario.loader import Scenario, ScenarioError, load_scenario, preset_names

__all__ = ["Scenario", "ScenarioError", "load_scenario", "preset_names"]
