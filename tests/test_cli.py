"""The command line: the installed ``cdsim`` through a subprocess for the main and error
paths, the rest in-process with click's CliRunner. Small scenarios keep it quick."""

from __future__ import annotations

import html
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import matplotlib
import pandas as pd
import pytest
from click.testing import CliRunner
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

import cdsim
from cdsim import cli as cli_module
from cdsim.charts.gallery import CHARTS
from cdsim.charts.sweep import plot_sweep, varied_keys
from cdsim.cli import cli, parse_value, split_values
from cdsim.output import (
    MANIFEST,
    TEMP_PREFIX,
    OutputError,
    OutputFolder,
    parquet_engine,
    write_table,
)
from cdsim.scenario.loader import scenarios_dir

matplotlib.use("Agg")

SMALL = ["--set", "days=15", "--set", "warmup_days=2", "--replications", "2"]
TABLE_FILES = ["summary.csv", "runs.csv", "deployments.csv", "incidents.csv"]  # --tables standard
# The installed command: the script beside this Python (a venv's or pyenv's bin folder).
_EXE = shutil.which("cdsim", path=os.path.dirname(sys.executable)) or shutil.which("cdsim")
if _EXE is None:
    raise RuntimeError("the cdsim command is not installed: pip install -e '.[test]' first")
COMMAND = [_EXE]
ENGLISH = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}  # whatever the tester's locale
ENV = {**os.environ, "MPLBACKEND": "Agg", "CDSIM_DEBUG": "", **ENGLISH}


def cdsim_cmd(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The installed command, as a user types it (stdout and stderr are pipes, not a tty)."""
    return subprocess.run(
        [*COMMAND, *args], capture_output=True, text=True, cwd=cwd, env=ENV, timeout=120
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def leftovers(*folders: Path) -> list[Path]:
    return [p for folder in folders if folder.exists() for p in folder.glob(f"{TEMP_PREFIX}*")]


def invoke(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, list(args), prog_name="cdsim", env={**ENGLISH, **(env or {})})


@pytest.fixture(scope="module")
def compared(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """One complete `cdsim compare` result (charts included), made through the command."""
    out = tmp_path_factory.mktemp("earlier") / "results"
    result = cdsim_cmd("compare", *SMALL, "--jobs", "1", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out, result


@pytest.fixture(scope="module")
def earlier(compared) -> Path:
    """The folder of that result: an earlier result that later runs must not damage."""
    return compared[0]


def copy_of(earlier: Path, tmp_path: Path) -> Path:
    target = tmp_path / "results"
    shutil.copytree(earlier, target)
    return target


# ---------------------------------------------------------------- the installed command


def test_compare_writes_tables_charts_and_the_scenario_as_run(compared):
    earlier, result = compared
    names = {p.name for p in earlier.iterdir()} - {MANIFEST}
    expected = {*TABLE_FILES, "scenario.toml", "report.html"}
    expected |= {f"{chart}_en.{fmt}" for chart in CHARTS for fmt in ("png", "svg")}
    assert names == expected
    assert not leftovers(earlier, earlier.parent)
    out = result.stdout
    assert f"Wrote {len(expected)} files to" in result.stderr
    for practice in ("Continuous Integration", "Continuous Delivery", "Continuous Deployment"):
        assert practice in out
    for metric in ("Deployment frequency", "Median lead time", "Change failure rate"):
        assert metric in out
    assert "Elite" in out and "95% confidence interval" in out
    assert f"Report: {earlier / 'report.html'}" in result.stderr
    summary = pd.read_csv(earlier / "summary.csv")
    assert list(summary.columns) == ["practice", "metric", "mean", "ci_low", "ci_high", "n", "band"]
    assert list(dict.fromkeys(summary["practice"])) == list(cdsim.PRACTICES)
    # the scenario as run reloads into the very scenario that was simulated
    as_run = cdsim.load_scenario(earlier / "scenario.toml")
    small = cdsim.load_scenario("default").with_values({"days": 15, "warmup_days": 2})
    assert as_run.model == small.model
    assert (
        "cdsim compare scenario.toml --replications 2 --seed 1"
        in (earlier / "scenario.toml").read_text()
    )


def test_the_report_links_every_chart_and_table_and_shows_the_summary(compared):
    """report.html: every PNG chart and every table of the folder linked, the scenario in
    words, and each number of its tables as the summary says (written the one way)."""
    from cdsim.presentation import summary_cell

    earlier, _ = compared
    page = (earlier / "report.html").read_text(encoding="utf-8")
    for path in earlier.iterdir():
        if path.suffix in (".png", ".csv"):
            assert f'"{path.name}"' in page, path.name
    assert page.count("<img") == len(CHARTS)
    assert "://" not in page  # self-contained: no address outside the folder
    summary = pd.read_csv(earlier / "summary.csv", keep_default_na=False, na_values=[""])
    cells = re.findall(r'data-practice="(\w+)" data-metric="(\w+)">([^<]*)<', page)
    assert len(cells) == len(cdsim.PRACTICES) * len(cdsim.METRICS)
    for practice, metric, shown in cells:
        cell = summary_cell(summary, practice, metric)
        assert html.unescape(shown) == ("n/a" if cell.missing else cell.text("en")), metric
    assert "8 developers" in page and "cdsim compare scenario.toml" in page


def test_tables_all_adds_changes_and_charts_drawn_in_parallel_are_the_same_bytes(earlier, tmp_path):
    """--tables all adds changes.csv (and the report links it); charts drawn by two
    processes (--jobs 2) are byte for byte those drawn by one (the fixture's --jobs 1)."""
    out = tmp_path / "all"
    result = cdsim_cmd("compare", *SMALL, "--jobs", "2", "--tables", "all", "--out", str(out))
    assert result.returncode == 0, result.stderr
    names = {p.name for p in out.iterdir()}
    assert names - {p.name for p in earlier.iterdir()} == {"changes.csv"}
    changes = pd.read_csv(out / "changes.csv")
    assert set(changes["practice"]) == set(cdsim.PRACTICES) and len(changes) > 100
    assert '"changes.csv"' in (out / "report.html").read_text(encoding="utf-8")
    assert "--tables all" in (out / "scenario.toml").read_text()
    for path in earlier.iterdir():
        if path.suffix in (".png", ".svg", ".csv"):
            assert path.read_bytes() == (out / path.name).read_bytes(), path.name


def test_same_seed_same_bytes_whether_one_or_two_processes(earlier, tmp_path):
    two = tmp_path / "two"
    result = cdsim_cmd("compare", *SMALL, "--jobs", "2", "--no-charts", "-q", "--out", str(two))
    assert result.returncode == 0, result.stderr
    for name in TABLE_FILES:
        assert (earlier / name).read_bytes() == (two / name).read_bytes(), name
    sweeps = []
    for jobs in ("1", "2"):
        out = tmp_path / f"sweep{jobs}"
        args = ["sweep", "default", "--vary", "build.runners=1,2", *SMALL, "--jobs", jobs]
        result = cdsim_cmd(*args, "--no-charts", "-q", "--out", str(out))
        assert result.returncode == 0, result.stderr
        sweeps.append((out / "sweep.csv").read_bytes())
    assert sweeps[0] == sweeps[1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["compare", "--set", "build.runnrs=3"], "did you mean 'build.runners'?"),
        (["compare", "--set", "build.runners=0"], "key 'build.runners': must be at least 1"),
        (["compare", "--set", "build.runners"], "expected KEY=VALUE"),
        (["compare", "nosuch"], "no scenario called 'nosuch'"),
        (["compare", "build.runners=3"], "--set build.runners=3"),
        (["run", "default", "--practice", "waterfall"], "'waterfall' is not one of"),
        (["sweep", "default", "--vary", "build.runners=1,,2"], "empty value"),
        (["sweep", "default", "--vary", "buld.runners=1,2"], "unknown key 'buld.runners'"),
        (["compare", "--replications", "0"], "--replications"),
        (["compare", "--lang", "fr"], "unknown language 'fr'"),
    ],
)
def test_bad_input_exits_2_with_one_clear_message(tmp_path, args, message):
    out = tmp_path / "out"
    result = cdsim_cmd(*args, "--out", str(out))
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() and not leftovers(tmp_path)


def test_a_bad_scenario_file_is_named_with_its_key(tmp_path):
    bad = tmp_path / "mine.toml"
    bad.write_text("[build]\nrunners = -2\n")
    result = cdsim_cmd("compare", str(bad), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert str(bad) in result.stderr and "build.runners" in result.stderr
    assert "Traceback" not in result.stderr
    bad.write_text("[build\nrunners = 2\n")
    result = cdsim_cmd("compare", str(bad), "--out", str(tmp_path / "out"))
    assert result.returncode == 2 and "not valid TOML" in result.stderr


def test_a_failing_run_leaves_the_earlier_result_untouched(earlier, tmp_path):
    target = copy_of(earlier, tmp_path)
    before = snapshot(target)
    result = cdsim_cmd("compare", "--set", "team.developers=-1", "--out", str(target))
    assert result.returncode == 2 and "team.developers" in result.stderr
    assert snapshot(target) == before and not leftovers(target, tmp_path)


def test_an_output_folder_that_cannot_be_written_fails_before_simulating(tmp_path):
    a_file = tmp_path / "a_file"
    a_file.write_text("not a folder")
    result = cdsim_cmd("compare", "--out", str(a_file))
    assert result.returncode == 2 and "exists and is not a folder" in result.stderr
    result = cdsim_cmd("compare", "--out", str(a_file / "results"))
    assert result.returncode == 2 and "is a file, not a folder" in result.stderr
    assert "Simulating" not in result.stderr and "Traceback" not in result.stderr
    assert a_file.read_text() == "not a folder"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_a_read_only_output_folder_is_refused(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = cdsim_cmd("compare", "--out", str(locked / "results"))
    finally:
        locked.chmod(0o700)
    assert result.returncode == 2 and "cannot" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_output_folder_even_root_cannot_write_is_refused():
    """/proc refuses new folders to everyone, root included (CI runs as root)."""
    result = cdsim_cmd("compare", "--out", "/proc/cdsim-results")
    assert result.returncode == 2 and "cannot write in '/proc'" in result.stderr
    assert "Simulating" not in result.stderr and "Traceback" not in result.stderr


def test_ctrl_c_leaves_no_partial_file_and_keeps_the_earlier_result(earlier, tmp_path):
    target = copy_of(earlier, tmp_path)
    before = snapshot(target)
    process = subprocess.Popen(
        [*COMMAND, "compare", "--jobs", "1", "--no-charts", "--out", str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
        start_new_session=True,  # its own process group, as a terminal's Ctrl-C reaches it
    )
    deadline = time.monotonic() + 30
    while not leftovers(tmp_path) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    time.sleep(0.3)  # simulating now
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "Interrupted" in stderr and "Traceback" not in stderr
    assert snapshot(target) == before and not leftovers(target, tmp_path)


def test_python_dash_m_and_help_with_examples():
    result = subprocess.run(
        [sys.executable, "-m", "cdsim", "--help"], capture_output=True, text=True, env=ENV
    )
    assert result.returncode == 0
    for command in ("compare", "run", "sweep", "scenarios", "figure"):
        assert command in result.stdout
    assert "Examples:" in result.stdout


# ---------------------------------------------------------------- in-process


@pytest.mark.parametrize(
    "command",
    [["compare"], ["run"], ["sweep"], ["scenarios"], ["scenarios", "show"], ["figure"]],
)
def test_every_subcommand_has_help_with_examples(command):
    result = invoke(*command, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.output
    assert f"Usage: cdsim {' '.join(command)}" in result.output


def test_scenarios_lists_every_preset_with_its_description():
    result = invoke("scenarios")
    assert result.exit_code == 0
    for name in cdsim.preset_names():
        assert name in result.output
    assert "mid-size product team" in result.output


def test_scenarios_show_prints_the_preset_file_with_its_comments():
    result = invoke("scenarios", "show", "default")
    assert result.exit_code == 0
    assert result.stdout == (scenarios_dir() / "default.toml").read_text(encoding="utf-8")
    result = invoke("scenarios", "show", "defualt")
    assert result.exit_code == 2 and "did you mean 'default'?" in result.stderr


def test_newcomer_path_show_edit_sweep(tmp_path, monkeypatch):
    """cdsim scenarios show default > mine.toml; edit it; cdsim sweep mine.toml --vary ..."""
    monkeypatch.chdir(tmp_path)
    text = invoke("scenarios", "show", "default").stdout
    text = text.replace("days = 60 ", "days = 15 ").replace("runners = 2 ", "runners = 3 ")
    Path("mine.toml").write_text(text)
    assert cdsim.load_scenario("mine.toml").model.build.runners == 3
    result = invoke(
        "sweep", "mine.toml", "--vary", "approval.delay.mean_hours=1,8",
        "--metric", "lead_time_median_hours", "--replications", "2", "--jobs", "1",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    out = Path("cdsim-results")
    assert {p.name for p in out.iterdir()} - {MANIFEST} == {
        "sweep.csv",
        "scenario.toml",
        "report.html",
        "sweep_lead_time_median_hours_en.png",
        "sweep_lead_time_median_hours_en.svg",
    }
    table = pd.read_csv(out / "sweep.csv")
    assert list(table.columns[:2]) == ["approval.delay.mean_hours", "practice"]
    assert sorted(set(table["approval.delay.mean_hours"])) == [1, 8]
    assert len(table) == 2 * 3 * len(cdsim.METRICS)
    assert "Median lead time" in result.stdout
    assert "--vary approval.delay.mean_hours=1,8" in (out / "scenario.toml").read_text()
    assert cdsim.load_scenario(out / "scenario.toml").model.build.runners == 3


def test_scenarios_show_of_a_file_prints_every_value(tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text('base = "classroom"\n[build]\nrunners = 5\n')
    result = invoke("scenarios", "show", str(mine))
    assert result.exit_code == 0
    full = tmp_path / "full.toml"
    full.write_text(result.stdout)
    shown, original = cdsim.load_scenario(full).to_dict(), cdsim.load_scenario(mine).to_dict()
    original.pop("base")
    assert shown == original


def test_run_one_practice_writes_the_same_files(tmp_path):
    out = tmp_path / "one"
    result = invoke(
        "run", "default", "--practice", "delivery", *SMALL, "--jobs", "1", "-o", str(out)
    )
    assert result.exit_code == 0, result.output
    assert "Continuous Delivery" in result.stdout and "Continuous Integration" not in result.stdout
    for name in TABLE_FILES:
        table = pd.read_csv(out / name)
        assert set(table["practice"]) <= {"delivery"}
    assert (out / "comparison_en.png").exists() and (out / "scenario.toml").exists()
    assert "--practice delivery" in (out / "scenario.toml").read_text()


def test_run_without_practice_uses_the_one_the_scenario_names(tmp_path):
    out = tmp_path / "low"
    result = invoke("run", "low", "--replications", "1", "--no-charts", "-q", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert set(pd.read_csv(out / "deployments.csv")["practice"]) == {"integration"}


def test_figure_writes_only_the_comparison_figure_in_the_language_asked(tmp_path):
    out = tmp_path / "fig"
    result = invoke("figure", *SMALL, "--jobs", "1", "--lang", "pt", "-o", str(out))
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == [MANIFEST, "comparison_pt.png", "comparison_pt.svg", "report.html"]
    assert "Entrega Contínua" in result.stdout


def test_set_values_are_toml_literals_or_plain_text(tmp_path):
    out = tmp_path / "o"
    result = invoke(
        "compare", *SMALL, "--jobs", "1", "--no-charts", "-q", "-o", str(out),
        "--set", "approval.mode=board", "--set", "build.runners=3",
        "--set", 'build.duration={dist="fixed", mean_minutes=5}',
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and result.stderr == ""  # --quiet
    model = cdsim.load_scenario(out / "scenario.toml").model
    assert model.approval.mode == "board" and model.build.runners == 3


def test_parse_value_and_split_values():
    assert parse_value("3") == 3 and parse_value("0.5") == 0.5 and parse_value("true") is True
    assert parse_value("board") == "board" and parse_value("24x7") == "24x7"
    assert parse_value("09:00:00") == "09:00:00"
    assert parse_value('{dist="fixed", mean_hours=1}') == {"dist": "fixed", "mean_hours": 1}
    assert parse_value('["mon", "tue"]') == ["mon", "tue"]
    assert split_values("1,2,4") == ["1", "2", "4"]
    assert split_values('["mon","tue"], ["wed"]') == ['["mon","tue"]', '["wed"]']
    assert split_values('"a,b",c') == ['"a,b"', "c"]


def test_vary_the_same_key_twice_or_a_table_is_bad_input():
    result = invoke("sweep", "default", "--vary", "days=10", "--vary", "days=20")
    assert result.exit_code == 2 and "varied twice" in result.stderr
    result = invoke("sweep", "default", "--vary", 'build.duration={dist="fixed"},{dist="gamma"}')
    assert result.exit_code == 2 and "build.duration.dist=fixed,exponential" in result.stderr


def test_parquet_without_an_engine_is_a_clear_bad_input(monkeypatch):
    monkeypatch.setattr("cdsim.output.parquet_engine", lambda: None)  # as on a machine without
    result = invoke("compare", "--format", "parquet")
    assert result.exit_code == 2 and "pyarrow or fastparquet" in result.stderr


@pytest.mark.skipif(parquet_engine() is None, reason="no parquet engine installed")
def test_parquet_tables(tmp_path):
    out = tmp_path / "pq"
    result = invoke(
        "compare", *SMALL, "-j", "1", "--no-charts", "--format", "parquet", "-o", str(out)
    )
    assert result.exit_code == 0, result.output
    assert len(pd.read_parquet(out / "summary.parquet")) == 3 * len(cdsim.METRICS)


def test_a_new_result_replaces_the_earlier_one_whole_but_not_other_files(earlier, tmp_path):
    target = copy_of(earlier, tmp_path)
    (target / "notes.txt").write_text("the teacher's own notes")
    args = ["sweep", "default", "--vary", "build.runners=1,2", *SMALL, "-j", "1", "--no-charts"]
    result = invoke(*args, "-o", str(target))
    assert result.exit_code == 0, result.output
    names = {p.name for p in target.iterdir()}
    assert names == {"sweep.csv", "scenario.toml", "report.html", "notes.txt", MANIFEST}
    assert "Wrote 3 files" in result.stderr


def test_a_crash_while_writing_keeps_the_earlier_result(earlier, tmp_path, monkeypatch):
    """The run crashes after its tables are written and while its charts are: the folder
    still holds the earlier result, byte for byte. The new run uses another seed, so that
    each of its tables differs from the earlier one: a table that went straight into the
    folder (a non-atomic write) would show, instead of overwriting identical bytes."""
    target = copy_of(earlier, tmp_path)
    before = snapshot(target)
    differs = {}

    def broken_charts(comparison, folder, lang, *args, **kwargs):
        for name in ("summary", "runs", "changes", "deployments", "incidents"):
            if f"{name}.csv" not in before:  # changes.csv is written only when asked
                continue
            fresh = write_table(getattr(comparison, name), tmp_path / f"fresh-{name}")
            differs[name] = fresh.read_bytes() != before[f"{name}.csv"]
        (Path(folder) / "comparison_en.png").write_bytes(b"half a chart")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(cli_module.writing, "write_charts", broken_charts)
    result = invoke("compare", *SMALL, "--seed", "2", "--jobs", "1", "-o", str(target))
    assert result.exit_code == 1 and isinstance(result.exception, RuntimeError)
    assert differs and all(differs.values()), differs  # a half-written result would show
    assert snapshot(target) == before and not leftovers(target, tmp_path)


def test_an_unexpected_error_exits_1_without_a_traceback(monkeypatch, capsys):
    def boom(*args, **kwargs):
        raise RuntimeError("engine exploded")

    monkeypatch.setattr(cdsim, "compare", boom)
    monkeypatch.delenv("CDSIM_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        cli_module.main(["compare", "-q", "--out", "unused-never-written"])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "unexpected RuntimeError: engine exploded" in err and "Traceback" not in err
    assert not Path("unused-never-written").exists()


def test_main_exit_codes(capsys):
    for argv, code in ([["--help"], 0], [["compare", "--jobs", "0"], 2], [["nosuch"], 2]):
        with pytest.raises(SystemExit) as exit_info:
            cli_module.main(argv)
        assert exit_info.value.code == code
    assert "Traceback" not in capsys.readouterr().err


def test_progress_bar_only_on_a_terminal(monkeypatch, capsys):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    with cli_module.Progress(quiet=False, description="x") as progress:
        progress(1, 2)
        assert progress.bar is None
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    with cli_module.Progress(quiet=True, description="x") as progress:
        progress(1, 2)
        assert progress.bar is None
    with cli_module.Progress(quiet=False, description="sim") as progress:
        progress(1, 2)
        progress(2, 2)
        assert progress.bar is not None and progress.bar.n == 2
    assert "sim" in capsys.readouterr().err


# ---------------------------------------------------------------- the output folder


def test_output_folder_moves_in_only_on_commit(tmp_path):
    target = tmp_path / "new" / "deeper"
    with pytest.raises(KeyboardInterrupt), OutputFolder(target) as out:
        out.write_text("a.txt", "A")
        raise KeyboardInterrupt
    assert not (tmp_path / "new").exists()  # the parents made for it are gone too
    with OutputFolder(target) as out:
        out.write_text("a.txt", "A")
        out.write_table(pd.DataFrame({"x": [0.1, 1 / 3]}), "t")
        written = out.commit()
    assert sorted(p.name for p in written) == ["a.txt", "t.csv"]
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o777 & ~umask  # not left private like a temp dir
    assert (target / "t.csv").read_text() == "x\n0.1\n0.3333333333\n"
    (target / "keep.txt").write_text("mine")
    with OutputFolder(target) as out:
        out.write_text("a.txt", "B")
        out.commit()
    assert (target / "a.txt").read_text() == "B" and (target / "keep.txt").read_text() == "mine"
    assert not (target / "t.csv").exists()  # the earlier result's file, replaced whole
    assert (target / MANIFEST).read_text() == "a.txt\n"
    assert not leftovers(tmp_path / "new", target)


def test_output_folder_refuses_a_file(tmp_path):
    (tmp_path / "f").write_text("x")
    with pytest.raises(OutputError, match="exists and is not a folder"):
        OutputFolder(tmp_path / "f").open()


def _deny_in(monkeypatch, folder: Path, function: str) -> None:
    """Make tempfile.<function> fail with EACCES in ``folder`` (root ignores chmod)."""
    import tempfile

    real = getattr(tempfile, function)

    def denied(*args, **kwargs):
        if Path(kwargs.get("dir", "")) == folder:
            raise PermissionError(13, "Permission denied")
        return real(*args, **kwargs)

    monkeypatch.setattr(tempfile, function, denied)


def test_output_folder_in_a_read_only_parent(tmp_path, monkeypatch):
    _deny_in(monkeypatch, tmp_path, "mkdtemp")
    with pytest.raises(OutputError, match="cannot write in .*Permission denied"):
        OutputFolder(tmp_path / "missing").open()
    existing = tmp_path / "existing"  # writable itself: staged inside, hidden, then moved
    existing.mkdir()
    with OutputFolder(existing) as out:
        assert out.folder.parent == existing and out.folder.name.startswith(TEMP_PREFIX)
        out.write_text("a.txt", "A")
        out.commit()
    assert sorted(p.name for p in existing.iterdir()) == [MANIFEST, "a.txt"]


def test_output_folder_that_cannot_be_written(tmp_path, monkeypatch):
    target = tmp_path / "results"
    target.mkdir()
    _deny_in(monkeypatch, target, "mkstemp")
    with pytest.raises(OutputError, match="cannot write in this folder"):
        OutputFolder(target).open()
    assert not leftovers(tmp_path, target)


# ---------------------------------------------------------------- the sweep chart


def _sweep_table() -> pd.DataFrame:
    rows = []
    for runners in (1, 2, 4):
        for mode in ("delay", "board"):
            for i, practice in enumerate(cdsim.PRACTICES):
                mean = 10.0 / runners * (i + 1) * (2 if mode == "board" else 1)
                rows.append(
                    {"build.runners": runners, "approval.mode": mode, "practice": practice,
                     "metric": "lead_time_median_hours", "mean": mean, "ci_low": mean * 0.8,
                     "ci_high": mean * 1.2, "n": 5, "band": "elite"}
                )  # fmt: skip
    return pd.DataFrame(rows)


def test_sweep_chart_is_a_pure_function_with_lines_and_ci_bands():
    table = _sweep_table()
    assert varied_keys(table) == ["build.runners", "approval.mode"]
    fig = plot_sweep(table, "lead_time_median_hours")
    assert isinstance(fig, Figure)
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert len(panels) == 2  # one per approval.mode
    gids = {artist.get_gid() for artist in panels[0].get_children()}
    for practice in cdsim.PRACTICES:
        assert f"line:{practice}" in gids and f"ci:{practice}" in gids
    assert panels[0].get_xlabel() == "CI runners"  # keys read as words
    assert panels[0].get_title(loc="left") == "approval mode = delay"
    assert "Median lead time" in fig.get_suptitle()
    one_key = table[table["approval.mode"] == "delay"].drop(columns="approval.mode")
    fig_pt = plot_sweep(one_key, "lead_time_median_hours", lang="pt")
    assert fig_pt.axes[0].get_title(loc="left") == "Lead time mediano"
    assert fig_pt.axes[0].get_xlabel() == "runners de CI"


def test_the_sweep_legend_never_covers_the_data():
    """The legend sits outside every panel: its box meets no axes' box."""
    table = _sweep_table()
    for fig in (
        plot_sweep(table, "lead_time_median_hours"),
        plot_sweep(table[table["approval.mode"] == "board"].drop(columns="approval.mode"),
                   "lead_time_median_hours"),
    ):  # fmt: skip
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        renderer = canvas.get_renderer()
        legend = next(a for a in fig.findobj() if a.get_gid() == "legend")
        box = legend.get_window_extent(renderer)
        for ax in fig.axes:
            if ax.get_visible():
                assert not box.overlaps(ax.get_window_extent(renderer))


def test_sweep_chart_rejects_what_it_cannot_draw():
    table = _sweep_table()
    with pytest.raises(ValueError, match="no rows for metric"):
        plot_sweep(table, "deploys_per_day")
    with pytest.raises(ValueError, match="not a varied key"):
        plot_sweep(table, "lead_time_median_hours", x="practice")
    fig = Figure()
    with pytest.raises(ValueError, match="several keys"):
        plot_sweep(table, "lead_time_median_hours", ax=fig.subplots())


def test_the_command_line_speaks_portuguese_with_lang_pt_or_a_pt_br_locale(tmp_path):
    """--lang pt, or a pt_BR locale when no --lang is given: messages, the summary and
    the result folder's page are in Portuguese (--help may stay English)."""
    out = tmp_path / "pt"
    args = ("compare", *SMALL, "--jobs", "1", "--no-charts", "-o", str(out))
    for extra, env in ((("--lang", "pt"), None), ((), {"LANG": "pt_BR.UTF-8"})):
        result = invoke(*args, *extra, env=env)
        assert result.exit_code == 0, result.output
        assert "Simulando 'default': 3 práticas, 2 replicações cada" in result.stderr
        assert "arquivos gravados em" in result.stderr and "Relatório:" in result.stderr
        assert "Frequência de deploy" in result.stdout and "Entrega Contínua" in result.stdout
        assert "Deployment frequency" not in result.stdout
        assert "O placar DORA" in (out / "report.html").read_text(encoding="utf-8")
        assert "# Para reproduzir este resultado:" in (out / "scenario.toml").read_text()
    listing = invoke("scenarios", env={"LANG": "pt_BR.UTF-8"})
    assert "Um time de produto de tamanho médio" in listing.stdout
    assert "cdsim scenarios show NOME" in listing.stdout
    english = invoke("scenarios", "--lang", "en", env={"LANG": "pt_BR.UTF-8"})
    assert "A mid-size product team" in english.stdout


def test_errors_and_interruptions_are_prefixed_in_the_language_of_the_command(monkeypatch):
    result = cdsim_cmd("compare", "nope", "--lang", "pt")
    assert result.returncode == 2 and result.stderr.startswith("Erro: ")
    for name, value in ENGLISH.items():
        monkeypatch.setenv(name, value)
    assert cli_module.app.message_language(["run", "--lang=pt"]) == "pt"
    assert cli_module.app.message_language(["run"]) == "en"
    monkeypatch.setenv("LANG", "pt_BR.UTF-8")
    assert cli_module.app.message_language(["run"]) == "pt"
    assert cli_module.app.message_language(["run", "--lang", "en"]) == "en"
