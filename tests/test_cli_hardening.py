"""The command line against hostile input (issue 11): each case ends with its documented
exit status and one message, never a traceback nor "a bug in cdsim", before any
simulation; ``--lang pt`` speaks Portuguese wherever on the line it is given.

Most cases go through ``cdsim.cli.main`` in this process (the console script's own
entry point, exit status and stderr included); a few through the installed command.
The table of docs/reliability.md lists the same cases."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from cdsim.cli import main
from cdsim.cli.app import message_language

EXE = shutil.which("cdsim", path=os.path.dirname(sys.executable)) or shutil.which("cdsim")
DEEP = "{a=" * 3000 + "1" + "}" * 3000
GRID = ",".join(str(d) for d in range(1, 2001))

CASES = [
    # class 1: numbers that used to pass validation and crash later
    (["--set", "build.duration.mean_minutes=inf"], "must be a finite number (not inf or nan)"),
    (["--set", "days=nan"], "key 'days': must be a finite number"),
    (["--set", "build.duration.cv=1e300"], "key 'build.duration.cv': must be at most 10"),
    (["--set", 'build.duration={dist="gamma", mean_minutes=10, cv=1e-200}'], "at least 0.001"),
    (["--set", "team.developers=100000000000000000000"], "must be at most 10000"),
    (["--set", "team.commits_per_day=1e300"], "must be at most 1000"),
    (["--set", "release.every_days=-inf"], "must be a finite number"),
    (["--set", "build.flaky_probability=1"], "must be less than 1"),
    # class 2: runaway work
    (["-r", "1000000000"], "this compare would be worth about"),
    (["--set", "team.developers=10000", "--set", "days=3650"], "more than one run may"),
    (["--set", "release.every_days=1e-9"], "release cuts"),
    (["--set", "build.flaky_probability=0.999999"], "each change is built about"),
    (["/dev/zero"], "larger than 1024 KB"),
    (["--max-changes", "10", "--set", "days=10"], "more than one run may (2:"),
    # class 9: messages by type, short, no pydantic wording
    (["--set", "team=3"], "key 'team': must be a table of keys, such as team.developers"),
    (["--set", "base=classroom"], "key 'base' names the scenario a file starts from"),
    (["--set", "calendar.work_days=[]"], "must list at least one value"),
    (["--set", "calendar.work_hours=9 to 5"], "'24x7' (got '9 to 5')"),
    (["--set", f"build.duration={DEEP}"], "must be a duration, like"),
    (["--set", "x" * 100_000 + "=1"], "unknown key"),
    # class 4: output folders
    (["--out", "x" * 300], "the name is too long"),
    (["--out", "/proc/cdsim-results"], "cannot write in '/proc'"),
]


def run_main(args: list[str], capsys) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    return exit_info.value.code, capsys.readouterr().err


@pytest.mark.parametrize(("args", "message"), CASES)
def test_hostile_input_is_one_message_and_exit_2(tmp_path, monkeypatch, capsys, args, message):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CDSIM_DEBUG", raising=False)
    code, err = run_main(["compare", "--no-charts", "--jobs", "1", *args], capsys)
    assert code == 2, err
    assert message in err, err
    assert err.startswith("Error: ") and "bug in cdsim" not in err and "Traceback" not in err
    assert len(err) < 2000 and "Simulating" not in err
    assert list(tmp_path.iterdir()) == []  # nothing written, not even a temporary folder


def test_a_huge_sweep_grid_is_refused_before_it_is_built(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    args = ["sweep", "default", "--vary", f"team.developers={GRID}", "--vary", "build.runners=1,2"]
    code, err = run_main(args, capsys)
    assert code == 2 and "this sweep asks for 60 000 runs" in err, err


@pytest.mark.parametrize(
    "args",
    [
        ["compare", "--lang", "pt", "--set", "build.runners=0"],
        ["compare", "--set", "build.runners=0", "--lang", "pt"],
        ["compare", "--set", "build.runners=0", "--lang=pt-BR"],
    ],
)
def test_lang_pt_speaks_portuguese_wherever_it_is_given(capsys, args):
    code, err = run_main(args, capsys)
    assert code == 2
    assert err.startswith("Erro: ") and "chave 'build.runners': deve ser pelo menos 1" in err


def test_the_last_lang_wins_and_a_bad_one_is_left_to_its_check(monkeypatch):
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert message_language(["--lang", "pt", "--lang", "en"]) == "en"
    assert message_language(["--lang", "en", "--lang", "pt"]) == "pt"
    assert message_language(["--lang", "fr"]) == "en"
    assert message_language(["--lang"]) == "en"
    assert message_language(["--", "--lang", "pt"]) == "en"
    monkeypatch.setenv("LC_ALL", "pt_BR.UTF-8")  # no --lang: the terminal's locale
    assert message_language(["compare"]) == "pt"


def test_the_installed_command_speaks_portuguese_and_exits_2(tmp_path):
    result = subprocess.run(
        [EXE, "compare", "--set", "days=inf", "--lang", "pt", "--out", str(tmp_path / "o")],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "CDSIM_DEBUG": ""},
    )  # fmt: skip
    assert result.returncode == 2
    assert "Erro: default (com days): chave 'days': deve ser um número finito" in result.stderr
    assert not (tmp_path / "o").exists()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["scenarios"], ["scenarios", "show", "default"], ["--help"]])
def test_a_full_standard_output_is_one_message(args):
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [EXE, *args], stdout=full, stderr=subprocess.PIPE, text=True, timeout=120,
            env={**os.environ, "CDSIM_DEBUG": ""},
        )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.startswith("Error: the output cannot be written (No space left")
    assert "bug in cdsim" not in result.stderr and "Traceback" not in result.stderr
