"""A built-in scenario's name against a file or folder of the same name (issue 11, class 6).

The rule (docs/scenario.md): an argument that looks like a path (a folder separator, a
.toml ending, a leading . or ~) is a file; anything else names a built-in scenario first,
then a file of that name. When both exist, the command says which one it used.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

import cdsim
from cdsim.cli import cli
from cdsim.scenario.loader import looks_like_path, preset_for

SMALL = ["--set", "days=5", "--set", "warmup_days=1", "-r", "1", "--jobs", "1", "--no-charts"]
EXE = shutil.which("cdsim", path=os.path.dirname(sys.executable)) or shutil.which("cdsim")


@pytest.mark.parametrize(
    ("text", "is_path"),
    [
        ("classroom", False),
        ("low", False),
        ("struggling", False),
        ("mine.toml", True),
        ("MINE.TOML", True),
        ("./classroom", True),
        ("runs/classroom", True),
        ("~/classroom", True),
        (".hidden", True),
        ("", False),
    ],
)
def test_what_looks_like_a_path(text, is_path):
    assert looks_like_path(text) is is_path


def test_a_folder_named_like_a_preset_does_not_hide_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "classroom").mkdir()
    assert cdsim.load_scenario("classroom").name == "classroom"
    with pytest.raises(cdsim.ScenarioError, match="is a folder"):
        cdsim.load_scenario("./classroom")


def test_a_file_named_like_a_preset_is_reached_by_its_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "low").write_text('name = "mine"\n[build]\nrunners = 7\n')
    assert cdsim.load_scenario("low").name == "low"
    assert cdsim.load_scenario("./low").model.build.runners == 7
    assert cdsim.load_scenario(tmp_path / "low").model.build.runners == 7  # a Path is a file
    (tmp_path / "mine").write_text('name = "plain"\n')
    assert cdsim.load_scenario("mine").name == "plain"  # no preset: the file of that name
    assert preset_for("struggling") == "low" and preset_for("./low") is None


def test_a_preset_name_with_toml_that_is_no_file_gets_a_hint(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(cdsim.ScenarioError) as caught:
        cdsim.load_scenario("classroom.toml")
    assert "the built-in scenario 'classroom' is named without .toml" in str(caught.value)


def test_the_command_says_which_one_it_used(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "low").write_text('name = "mine"\n')
    runner = CliRunner()
    result = runner.invoke(cli, ["scenarios", "show", "low"], prog_name="cdsim")
    assert result.exit_code == 0 and "DORA" in result.stdout
    assert "Using the built-in scenario 'low'; for the file 'low' in this folder" in result.stderr
    result = runner.invoke(cli, ["scenarios", "show", "struggling"], prog_name="cdsim")
    assert result.exit_code == 0 and result.stdout.startswith("#")  # an alias prints too
    result = runner.invoke(cli, ["scenarios", "show", "./low"], prog_name="cdsim")
    assert result.exit_code == 0 and 'name = "mine"' in result.stdout
    result = runner.invoke(cli, ["run", "low", *SMALL, "-q", "--out", "o"], prog_name="cdsim")
    assert result.exit_code == 0 and result.stderr == ""  # --quiet: no note either


def test_compare_classroom_out_classroom_twice(tmp_path):
    """The reported failure: the second run read the output folder as the scenario."""
    for _ in range(2):
        result = subprocess.run(
            [EXE, "compare", "classroom", "--out", "classroom", *SMALL, "-q"],
            cwd=tmp_path, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
    assert (tmp_path / "classroom" / "summary.csv").exists()
