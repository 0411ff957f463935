"""Hostile scenario values (issue 11, classes 1 and 9): every value the schema accepts can
be simulated and written back, everything else is refused at the door with one message
per problem, built from the translation table by pydantic's error TYPE, in English and
Brazilian Portuguese."""

from __future__ import annotations

import math
import pickle
import re
import typing
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

import cdsim
from cdsim.errors import CdsimError, ScenarioError, WorkloadError
from cdsim.i18n import TEXTS
from cdsim.scenario.loader import MAX_FILE_BYTES
from cdsim.scenario.messages import MAX_SHOWN
from cdsim.scenario.schema import ScenarioModel

ROOT = Path(__file__).resolve().parents[1]
PYDANTIC_WORDING = ("Input should", "valid dictionary", "instance of", "after validation")
SMALL = {"days": 3.0, "warmup_days": 0.0}


@pytest.fixture(scope="module")
def default():
    return cdsim.load_scenario("default")


def numeric_keys(model: type[BaseModel] = ScenarioModel, prefix: str = "") -> list[str]:
    """Every dotted key whose value is a number (durations' means and cv included)."""
    keys = []
    for name, field in model.model_fields.items():
        annotation = field.annotation
        nested = [a for a in (annotation, *typing.get_args(annotation)) if isinstance(a, type)]
        models = [a for a in nested if issubclass(a, BaseModel)]
        if models:
            keys += numeric_keys(models[0], f"{prefix}{name}.")
        elif any(a in (int, float) for a in nested):
            keys.append(f"{prefix}{name}")
    return keys


NUMERIC = [k for k in numeric_keys() if ".mean_" not in k or k.endswith("mean_minutes")]


def assert_clear(error: CdsimError) -> None:
    for lang in ("en", "pt"):
        text = error.message(lang)
        assert text and not any(w in text for w in PYDANTIC_WORDING), text
        assert "Traceback" not in text and "pydantic" not in text


# ------------------------------------------------------------------ class 1: numbers


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("build.duration.mean_minutes", math.inf, "must be a finite number"),
        ("build.duration.mean_minutes", -math.inf, "must be a finite number"),
        ("build.duration.mean_minutes", math.nan, "must be a finite number"),
        ("build.duration.mean_minutes", 1e308, "must be at most 5256000"),
        ("build.duration.cv", 1e300, "must be at most 10"),
        ("build.duration.cv", 1e-200, "must be 0 (no spread) or at least 0.001"),
        ("team.size_cv", 1e-300, "must be 0 (no spread) or at least 0.001"),
        ("team.commits_per_day", 1e12, "must be at most 1000"),
        ("team.developers", 10**30, "must be at most 10000"),
        ("team.developers", 2.5, "must be a whole number"),
        ("team.size_mean_lines", 1e300, "must be at most 1000000"),
        ("release.every_days", math.inf, "must be a finite number"),
        ("release.every_days", 1e9, "must be at most 3650"),
        ("days", math.nan, "must be a finite number"),
        ("staging.duration_per_change_minutes", 1e200, "must be at most 10080"),
        ("incident.diagnosis_growth_per_change", 1e9, "must be at most 100"),
        ("build.flaky_probability", 1.0, "must be less than 1"),
        ("approval.board_times", ["tue 10:00"] * 101, "must list at most 100 values"),
        ("name", "x" * 1000, "must be at most 200 characters long"),
        ("team.defect_probability", 10**400, "must be a number"),
    ],
)
def test_values_that_used_to_crash_are_refused_at_the_door(default, key, value, expected):
    with pytest.raises(ScenarioError) as caught:
        default.with_values({key: value})
    message = str(caught.value)
    assert f"key {key!r}" in message and expected in message, message
    assert len(message) < 400  # a huge value is shown cut short
    assert_clear(caught.value)


def test_gamma_with_a_cv_near_zero_and_a_huge_cv_run(default):
    """The edges of the documented range simulate (they used to divide by zero or nan)."""
    for cv in (0.001, 10.0):
        duration = {"dist": "gamma", "mean_minutes": 12, "cv": cv}
        sc = default.with_values({**SMALL, "build.duration": duration, "team.size_cv": cv})
        run = cdsim.simulate(sc, "deployment", seed=1)
        assert np.isfinite(run.changes["commit_hours"]).all()


@st.composite
def extreme_number(draw):
    return draw(
        st.one_of(
            st.floats(allow_nan=True, allow_infinity=True),
            st.floats(min_value=-1e-300, max_value=1e-300),
            st.sampled_from([0, 0.0, 1e-9, 1e-3, 1.0, 1e6, 1e15, 2**63, -1, 10**30]),
            st.integers(min_value=-(2**70), max_value=2**70),
        )
    )


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(key=st.sampled_from(NUMERIC), value=extreme_number())
def test_any_number_is_refused_or_simulates_and_round_trips(default, tmp_path, key, value):
    """The property of class 1: what passes validation runs, and is written back as TOML."""
    base = default.with_values(SMALL)
    try:
        scenario = base.with_values({key: value})
    except ScenarioError as error:
        assert key in str(error) or "warmup_days" in str(error)
        assert_clear(error)
        return
    path = tmp_path / "again.toml"
    path.write_text(scenario.to_toml())  # `inf` used to fail only here, after simulating
    assert cdsim.load_scenario(path) == scenario
    for practice in cdsim.PRACTICES:
        try:
            run = cdsim.simulate(scenario, practice, seed=1, max_changes=20_000)
        except WorkloadError as error:
            assert_clear(error)
            continue
        metrics = run.metrics()
        assert not np.isinf(metrics.astype(float)).any(), metrics


@settings(max_examples=40, deadline=None)
@given(mean=st.floats(0, 5256000), cv=st.one_of(st.just(0.0), st.floats(0.001, 10.0)))
def test_every_distribution_draws_finite_values_over_the_documented_range(mean, cv):
    from cdsim.distributions import sample_array

    for dist in ("fixed", "exponential", "lognormal", "gamma"):
        draws = sample_array(dist, mean, cv, np.random.default_rng(1), 200)
        assert np.isfinite(draws).all() and (draws >= 0).all(), (dist, mean, cv)


def test_numpy_numbers_are_numbers(default):
    changed = default.with_values(
        {"build.runners": np.int64(3), "build.detection": np.float32(0.5), "days": np.int8(20)}
    )
    assert changed.model.build.runners == 3 and type(changed.model.build.runners) is int
    assert changed.model.days == 20
    assert "3" in changed.to_toml()


# ------------------------------------------------------------------ class 9: messages


def test_with_values_refuses_what_is_not_a_mapping_of_text(default):
    with pytest.raises(cdsim.ArgumentError, match="takes a mapping of dotted keys"):
        default.with_values(None)
    with pytest.raises(ScenarioError, match="a key is dotted text like 'build.runners', got 1"):
        default.with_values({1: 2})
    with pytest.raises(ScenarioError, match="unknown key 'build..runners'"):
        default.with_values({"build..runners": 2})


def test_base_is_explained_not_suggested_as_itself(default):
    with pytest.raises(ScenarioError) as caught:
        default.with_values({"base": "classroom"})
    message = str(caught.value)
    assert "did you mean 'base'" not in message
    assert "key 'base' names the scenario a file starts from" in message


def test_a_key_the_preset_leaves_to_its_default_can_be_set(default):
    assert "max_redeploys" not in default.to_dict()["release"] or True
    for key, value in (
        ("release.max_redeploys", 3),
        ("staging.duration_per_change_minutes", 2.0),
        ("description", "mine"),
    ):
        assert default.with_values({key: value}).get(key) == value


def test_no_did_you_mean_the_same_key():
    for key in ("base", "build", "build.runners", "release.max_redeploys"):
        hints = re.findall(r"did you mean '([^']+)'", str(ScenarioError(_unknown(key))))
        assert key not in hints


def _unknown(key: str):
    from cdsim.scenario.messages import unknown_key

    return unknown_key("mine.toml", key)


def test_got_is_shown_once(default):
    with pytest.raises(ScenarioError) as caught:
        default.with_values({"calendar.work_hours": "9 to 5"})
    message = str(caught.value)
    assert message.count("9 to 5") == 1 and message.count("(got") == 1, message
    with pytest.raises(ScenarioError) as caught:
        default.with_values({"approval.board_times": ["someday 10:00"]})
    assert str(caught.value).count("someday") == 1


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"team": 3}, "key 'team': must be a table of keys, such as team.developers"),
        ({"build.duration": 4}, "key 'build.duration': must be a duration, like"),
        ({"calendar.work_days": []}, "key 'calendar.work_days': must list at least one value"),
        ({"approval.board_times": []}, "must list at least one value"),
        ({"build.duration.dist": "weibull"}, "'fixed', 'exponential', 'lognormal', 'gamma'"),
        ({"calendar.work_days": ["mon", "someday"]}, "must be one of: 'mon', 'tue'"),
        ({"practice": 3}, "must be one of: 'integration', 'delivery', 'deployment'"),
        ({"calendar.work_days": "mon"}, 'must be a list like ["a", "b"]'),
        ({"build.runners": "two"}, "must be a whole number"),
        ({"build.runners": True}, "must be a whole number"),
        ({"name": 3}, "must be text in quotes"),
        ({"build.detection": "high"}, "must be a number"),
    ],
)
def test_pydantic_wording_never_leaks(default, values, expected):
    with pytest.raises(ScenarioError) as caught:
        default.with_values(values)
    assert expected in str(caught.value), str(caught.value)
    assert_clear(caught.value)


def test_thousands_of_unknown_keys_make_a_short_message(tmp_path):
    path = tmp_path / "many.toml"
    path.write_text("".join(f"k{i}=1\n" for i in range(100_000)))
    with pytest.raises(ScenarioError) as caught:
        cdsim.load_scenario(path)
    lines = str(caught.value).splitlines()
    assert len(lines) == MAX_SHOWN + 1
    assert lines[-1] == f"... and {100_000 - MAX_SHOWN} more problems"
    assert caught.value.message("pt").splitlines()[-1] == (
        f"... e mais {100_000 - MAX_SHOWN} problemas"
    )
    many = {f"k{i}": 1 for i in range(1000)}
    with pytest.raises(ScenarioError) as caught:
        cdsim.load_scenario("default").with_values(many)
    assert len(str(caught.value)) < 300  # the label lists three keys, then how many more


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x00\xff\xfe binary", "not a text file"),
        (b"x = " + b"{a = " * 5000 + b"1" + b"}" * 5000, "nested too deeply"),
        (b"x = " + b"[" * 5000 + b"]" * 5000, "nested too deeply"),
        (b"# " + b"a" * (MAX_FILE_BYTES + 10), "larger than 1024 KB"),
        (b"days = 10\nwarmup_days = 20\n", "warmup_days (20) must be shorter than days (10)"),
    ],
)
def test_files_that_are_not_scenarios(tmp_path, content, expected):
    path = tmp_path / "odd.toml"
    path.write_bytes(content)
    with pytest.raises(ScenarioError) as caught:
        cdsim.load_scenario(path)
    assert expected in str(caught.value) and str(path) in str(caught.value)
    assert_clear(caught.value)


def test_an_endless_input_file_is_refused_quickly():
    with pytest.raises(ScenarioError, match="larger than 1024 KB"):
        cdsim.load_scenario("/dev/zero")
    with pytest.raises(ScenarioError, match="larger than 1024 KB"):
        cdsim.load_scenario(Path("/dev/urandom"))


def test_paths_the_system_refuses(tmp_path):
    with pytest.raises(ScenarioError, match="is a folder"):
        cdsim.load_scenario(tmp_path)
    with pytest.raises(ScenarioError, match="cannot be read \\(File name too long\\)"):
        cdsim.load_scenario("x" * 5000 + ".toml")
    with pytest.raises(ScenarioError, match="no such file|no scenario"):
        cdsim.load_scenario("a\x00b.toml")
    with pytest.raises(ScenarioError, match="no scenario called"):
        cdsim.load_scenario("a\x00b")
    with pytest.raises(cdsim.ArgumentError, match="a built-in name or a path"):
        cdsim.load_scenario(42)


# ------------------------------------------------------------------ the texts themselves


def test_errors_render_in_both_languages_and_survive_pickling(default):
    with pytest.raises(ScenarioError) as caught:
        default.with_values({"build.runners": 0})
    error = caught.value
    assert error.key == "error.key.problem"
    assert error.message("pt") == (
        "default (com build.runners): chave 'build.runners': deve ser pelo menos 1 (veio 0)"
    )
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is ScenarioError and again.message("pt") == error.message("pt")
    assert str(again) == str(error)
    plain = ScenarioError("a text from elsewhere")
    assert plain.message("pt") == "a text from elsewhere" and plain.key is None


def _placeholders(text: str) -> set[str]:
    return {m.split("!")[0].split(":")[0] for m in re.findall(r"(?<!\{)\{([a-z_]*[^{}]*)\}", text)}


def test_every_error_text_has_both_languages_with_the_same_placeholders():
    errors = {k: v for k, v in TEXTS.items() if k.startswith("error.")}
    assert len(errors) > 60
    for key, (en, pt) in errors.items():
        assert en and pt and en != pt or "{" in en, key
        assert _placeholders(en) == _placeholders(pt), key


def test_every_error_key_the_code_names_is_in_the_table():
    used = set()
    for path in (ROOT / "cdsim").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"\"(error\.[a-z_]+(?:\.[a-z_]+)+)\"", text))
        used |= {f"error.value.{n}" for n in re.findall(r"\bproblem\(\s*\"([a-z_]+)\"", text)}
    missing = sorted(key for key in used if key not in TEXTS)
    assert not missing, missing


def test_a_byte_order_mark_and_an_old_preset_name_as_base(tmp_path):
    path = tmp_path / "notepad.toml"
    path.write_bytes(b'\xef\xbb\xbfbase = "struggling"\n[build]\nrunners = 3\n')
    scenario = cdsim.load_scenario(path)
    assert scenario.model.build.runners == 3
    assert scenario.model.team == cdsim.load_scenario("low").model.team
