"""Scenarios are validated at the door with messages that name the file, the key and the fix."""

import re
import textwrap

import pytest

import cdsim
from cdsim.scenario import ScenarioError, load_scenario, preset_names


def write(tmp_path, text, name="mine.toml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text))
    return path


def test_presets_load_and_describe_themselves():
    names = preset_names()
    assert names[0] == "default"
    assert {"classroom", "elite", "high", "medium", "low", "queueing"} <= set(names)
    for name in names:
        scenario = load_scenario(name)
        assert scenario.name == name
        assert scenario.description


def test_a_file_is_a_diff_from_the_default(tmp_path):
    path = write(tmp_path, 'name = "mine"\n[build]\nrunners = 5\n')
    mine = load_scenario(path)
    default = load_scenario("default")
    assert mine.model.build.runners == 5
    assert mine.model.build.duration == default.model.build.duration
    assert mine.model.team == default.model.team


def test_a_file_can_start_from_a_preset(tmp_path):
    path = write(tmp_path, 'name = "mine"\nbase = "elite"\n[team]\ndevelopers = 3\n')
    mine = load_scenario(path)
    assert mine.model.team.developers == 3
    assert mine.model.build.runners == load_scenario("elite").model.build.runners


def test_a_duration_table_replaces_the_whole_duration(tmp_path):
    path = write(tmp_path, '[build]\nduration = { dist = "fixed", mean_minutes = 5 }\n')
    assert load_scenario(path).model.build.duration.cv is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "[build]\nrunerss = 3\n",
            ["mine.toml", "unknown key 'build.runerss'", "did you mean 'build.runners'"],
        ),
        ("[bild]\nrunners = 3\n", ["unknown key 'bild'", "did you mean 'build'"]),
        ("[build]\nrunners = -2\n", ["key 'build.runners'", "at least 1", "-2"]),
        ('[build]\nrunners = "two"\n', ["key 'build.runners'", "whole number"]),
        (
            "[team]\ndefect_probability = 1.5\n",
            ["key 'team.defect_probability'", "at most 1", "1.5"],
        ),
        (
            '[build]\nduration = { dist = "fixed", mean_minutes = -3 }\n',
            ["build.duration.mean_minutes", "at least 0"],
        ),
        (
            '[build]\nduration = { dist = "lognormal", mean_minutes = 3 }\n',
            ["build.duration", "needs cv"],
        ),
        (
            '[build]\nduration = { dist = "fixed", mean_minutes = 3, mean_hours = 1 }\n',
            ["exactly one of"],
        ),
        (
            '[build]\nduration = { dist = "weibull", mean_minutes = 3 }\n',
            ["build.duration.dist", "fixed"],
        ),
        ("days = 10\nwarmup_days = 20\n", ["warmup_days (20) must be shorter than days (10)"]),
        ('[calendar]\nwork_hours = "9 to 5"\n', ["calendar.work_hours", "HH:MM-HH:MM"]),
        ('[approval]\nboard_times = ["someday 10:00"]\n', ["approval.board_times", "tue 10:00"]),
        (
            '[approval]\nmode = "board"\nboard_times = ["sat 10:00"]\n',
            ["approval.board_times", "'sat 10:00' is outside the working calendar"],
        ),
        (
            '[approval]\nmode = "board"\nboard_times = ["tue 19:30"]\n',
            ["'tue 19:30' is outside the working calendar", "09:00-18:00"],
        ),
        ('practice = "continuous"\n', ["key 'practice'", "integration"]),
        ("[release]\nmax_redeploys = -1\n", ["release.max_redeploys", "at least 0"]),
        ("[staging]\nduration_per_change_minutes = -1\n", ["duration_per_change_minutes"]),
        ('[incident]\nresponse = "sometimes"\n', ["incident.response", "on_call"]),
        ('base = "nope"\n', ["key 'base'", "must name a preset"]),
        ("[build\nrunners = 3\n", ["mine.toml", "not valid TOML"]),
    ],
)
def test_bad_files_get_one_clear_message(tmp_path, text, expected):
    with pytest.raises(ScenarioError) as caught:
        load_scenario(write(tmp_path, text))
    message = str(caught.value)
    for part in expected:
        assert part in message, message
    assert "pydantic" not in message and "Traceback" not in message


def test_missing_file_and_unknown_preset(tmp_path):
    with pytest.raises(ScenarioError, match="no such file"):
        load_scenario(tmp_path / "absent.toml")
    with pytest.raises(ScenarioError, match="did you mean 'elite'"):
        load_scenario("elit")


def test_with_values_sets_dotted_keys_and_validates():
    scenario = load_scenario("default")
    changed = scenario.with_values({"build.runners": 3, "approval.delay.mean_hours": 8})
    assert changed.model.build.runners == 3
    assert changed.model.approval.delay.mean_in_hours == 8
    assert scenario.model.build.runners == 2  # the original is untouched
    assert (
        changed.with_values({"approval.delay.mean_minutes": 30}).model.approval.delay.mean_in_hours
        == 0.5
    )
    fixed = changed.with_values({"build.duration.dist": "fixed"})
    assert fixed.model.build.duration.cv is None
    with pytest.raises(ScenarioError, match="did you mean 'build.runners'"):
        scenario.with_values({"build.runner": 3})
    with pytest.raises(ScenarioError, match="at most 1"):
        scenario.with_values({"build.detection": 2.0})
    with pytest.raises(ScenarioError, match="at least 0"):
        scenario.with_values({"build.duration.mean_minutes": -1})


def test_to_toml_round_trips(tmp_path):
    scenario = load_scenario("struggling").with_values({"team.developers": 4})
    path = tmp_path / "again.toml"
    path.write_text(scenario.to_toml())
    assert load_scenario(path) == scenario


def test_simulate_refuses_an_unknown_practice():
    with pytest.raises(ScenarioError, match="expected one of: integration, delivery, deployment"):
        cdsim.simulate(load_scenario("classroom"), practice="yolo")


def test_simulate_refuses_a_negative_seed():
    with pytest.raises(ScenarioError, match="seed must be a whole number >= 0"):
        cdsim.simulate(load_scenario("classroom"), practice="delivery", seed=-1)


def test_a_board_meets_in_working_hours_unless_people_work_24x7(tmp_path):
    """A board time is checked against the calendar only in board mode, and never on 24x7."""
    on_saturday = '[approval]\nboard_times = ["sat 10:00"]\n'
    assert load_scenario(write(tmp_path, on_saturday)).model.approval.mode == "delay"
    anytime = '[calendar]\nwork_hours = "24x7"\n[approval]\nmode = "board"\n'
    anytime += 'board_times = ["sun 03:00"]\n'
    assert load_scenario(write(tmp_path, anytime, "b.toml")).model.approval.board_times


WORDS = {"one": 1, "two": 2, "three": 3, "um": 1, "uma": 1, "dois": 2, "duas": 2}


@pytest.mark.parametrize("name", preset_names())
def test_a_preset_description_matches_its_numbers(name):
    """A description that names a count of developers or CI runners says the true one."""
    model = load_scenario(name).model
    text = model.description
    text_pt = model.description_pt
    assert text_pt, f"{name} has no description in Portuguese"
    for pattern, value, where in (
        (r"(\d+|one|two|three) developers?", model.team.developers, text),
        (r"(\d+|one|two|three) CI runners?", model.build.runners, text),
        (r"(\d+|one|two|three) staging environments?", model.staging.environments, text),
        (r"(\d+|um|uma|dois|duas) pessoas? desenvolvedoras?", model.team.developers, text_pt),
        (r"(\d+|um|dois) runners? de CI", model.build.runners, text_pt),
    ):
        for found in re.findall(pattern, where):
            assert WORDS.get(found, found) in (value, str(value)), (name, pattern, text)


def test_a_description_says_what_with_values_changed():
    scenario = load_scenario("default").with_values({"build.runners": 3, "team.developers": 8})
    assert scenario.description.endswith("Changed: build.runners = 3.")
    assert scenario.description_in("pt").endswith("Alterado: build.runners = 3.")
    assert "team.developers" not in scenario.description  # 8 already: not a change
