"""Streamed and resumable sweeps, any executor, lost workers (issue 14).

Runs are tiny (15 simulated days) so that the module stays quick; the Dask tests are in
tests/test_dask.py, the sensitivity analysis in tests/test_sensitivity.py.
"""

from __future__ import annotations

import concurrent.futures as cf
import glob
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import cdsim
from cdsim import executors, sweeping
from cdsim.checkpoint import PREFIX, Checkpoint, key_of
from cdsim.cli import cli
from cdsim.errors import ExecutionError
from cdsim.experiments import plan_sweep, run_tasks
from cdsim.metrics.summary import summarise
from cdsim.output import write_table

VARY = {"build.runners": [1, 2, 3], "approval.delay.mean_hours": [1, 8]}
ENGLISH = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}


@pytest.fixture(scope="module")
def small() -> cdsim.Scenario:
    return cdsim.load_scenario("classroom").with_values({"days": 15, "warmup_days": 2})


def csv_bytes(table: pd.DataFrame, tmp_path: Path, name: str) -> bytes:
    return write_table(table, tmp_path / name).read_bytes()


@pytest.fixture(scope="module")
def reference(small, tmp_path_factory) -> bytes:
    """The sweep as cdsim made it before streaming: every run, then one summary."""
    plan = plan_sweep(small, VARY, replications=2, seed=3)
    points = [plan.scenario_at(values) for values in plan.grid()]
    tasks = [(p, pr, 3, r) for p in points for pr in plan.practices for r in range(2)]
    runs = pd.DataFrame(
        [
            {"practice": t.practice, "replication": t.replication, **t.metrics}
            for t in run_tasks(tasks, 1)
        ]
    )
    per_point = len(plan.practices) * 2
    for i, key in enumerate(plan.keys):
        runs.insert(i, key, [values[i] for values in plan.grid() for _ in range(per_point)])
    table = summarise(runs, by=(*plan.keys, "practice"))
    return csv_bytes(table, tmp_path_factory.mktemp("ref"), "reference")


def test_a_streamed_sweep_is_the_same_bytes_as_every_run_kept(small, reference, tmp_path):
    table = cdsim.sweep(small, VARY, replications=2, seed=3, jobs=2)
    assert csv_bytes(table, tmp_path, "streamed") == reference


def test_any_executor_gives_the_same_sweep_and_comparison(small, reference, tmp_path):
    with cf.ThreadPoolExecutor(2) as threads:
        table = cdsim.sweep(small, VARY, replications=2, seed=3, executor=threads)
        threaded = cdsim.compare(small, replications=2, seed=3, executor=threads)
    assert csv_bytes(table, tmp_path, "threads") == reference
    alone = cdsim.compare(small, replications=2, seed=3, jobs=1)
    for name in ("summary", "runs", "changes", "deployments", "incidents"):
        pd.testing.assert_frame_equal(getattr(threaded, name), getattr(alone, name))


class Stop(Exception):
    pass


def test_an_interrupted_sweep_resumes_to_the_same_result(small, reference, tmp_path):
    plan = plan_sweep(small, VARY, replications=2, seed=3)
    store = Checkpoint(tmp_path / "progress", plan.identity())

    def stop_after(done, total):
        if done >= 14:  # a few points are complete by then, one is half done
            raise Stop

    with pytest.raises(Stop):
        sweeping.run_sweep(plan, jobs=1, progress=stop_after, checkpoint=store)
    finished = store.finished()
    assert 2 <= len(finished) < plan.points
    seen = []
    table = sweeping.run_sweep(plan, jobs=2, progress=lambda *dt: seen.append(dt), checkpoint=store)
    # the finished points were not run, and the progress counts them from the start
    assert seen[0] == (len(finished) * plan.runs_per_point, plan.runs)
    assert seen[-1] == (plan.runs, plan.runs)
    assert csv_bytes(table, tmp_path, "resumed") == reference


def test_the_api_removes_its_checkpoint_when_the_sweep_completes(small, reference, tmp_path):
    folder = tmp_path / "progress"
    table = cdsim.sweep(small, VARY, replications=2, seed=3, jobs=1, checkpoint=str(folder))
    assert csv_bytes(table, tmp_path, "api") == reference
    assert not folder.exists()


def test_a_checkpoint_is_keyed_by_everything_that_makes_the_numbers(small, tmp_path):
    base = plan_sweep(small, VARY, replications=2, seed=3)
    others = [
        plan_sweep(small, VARY, replications=3, seed=3),
        plan_sweep(small, VARY, replications=2, seed=4),
        plan_sweep(small, {**VARY, "build.runners": [1, 2]}, replications=2, seed=3),
        plan_sweep(small.with_values({"team.developers": 9}), VARY, replications=2, seed=3),
        plan_sweep(small, VARY, replications=2, seed=3, practices=["delivery"]),
        plan_sweep(small, VARY, replications=2, seed=3, band_source="dora-2021"),
    ]
    keys = {key_of(plan.identity()) for plan in [base, *others]}
    assert len(keys) == 1 + len(others)
    same = plan_sweep(small.with_values({"description": "words only"}), VARY, 2, 3)
    assert key_of(same.identity()) == key_of(base.identity())
    out = tmp_path / "results"
    place = Checkpoint.beside(out, base.identity()).folder
    assert place.parent == tmp_path and place.name.startswith(f"{PREFIX}results-")


def _die(task):
    os._exit(3)


def test_a_worker_that_dies_is_an_execution_error():
    with cf.ProcessPoolExecutor(2) as pool, pytest.raises(ExecutionError, match="worker process"):
        list(executors.stream(pool, _die, range(4), chunksize=1, window=2))


_run_metrics = sweeping.run_metrics


def _dies_on_three_runners(task):
    if task[0].model.build.runners == 3:
        os._exit(3)
    return _run_metrics(task)


def test_a_sweep_that_loses_a_worker_exits_1_and_keeps_what_it_finished(monkeypatch, tmp_path):
    monkeypatch.setattr(sweeping, "run_metrics", _dies_on_three_runners)  # forked workers see it
    out = tmp_path / "out"
    args = ["sweep", "classroom", "--vary", "build.runners=1,2,3", "--set", "days=15"]
    args += ["-r", "2", "-j", "2", "--no-charts", "-o", str(out)]
    result = CliRunner().invoke(cli, args, env=ENGLISH)
    assert result.exit_code == 1, result.output
    assert "Error: a worker process stopped before its runs were done" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()
    kept = glob.glob(str(tmp_path / f"{PREFIX}out-*"))
    if kept:  # what was finished is on disk, and the message says where
        assert "run the same command again" in result.stderr
    monkeypatch.undo()
    again = CliRunner().invoke(cli, args, env=ENGLISH)
    assert again.exit_code == 0, again.output
    assert not glob.glob(str(tmp_path / f"{PREFIX}*"))
    fresh = CliRunner().invoke(cli, [*args[:-1], str(tmp_path / "fresh")], env=ENGLISH)
    assert fresh.exit_code == 0, fresh.output
    assert (out / "sweep.csv").read_bytes() == (tmp_path / "fresh" / "sweep.csv").read_bytes()


def test_ctrl_c_keeps_the_finished_points_and_the_same_command_resumes(tmp_path):
    """The installed command, interrupted with SIGINT half way, then run again: the same
    sweep.csv as a sweep that was never interrupted, and no progress folder left."""
    exe = [sys.executable, "-m", "cdsim"]
    env = {**os.environ, **ENGLISH, "MPLBACKEND": "Agg"}
    args = ["sweep", "classroom", "--vary", "build.runners=1,2,3,4", "--vary"]
    args += ["approval.delay.mean_hours=1,8", "--set", "days=30", "-r", "3", "--no-charts"]
    # One process: the points finish one after another (about 0.7 s apart), so the signal
    # lands mid-sweep even when other tests load the machine (with worker processes, a
    # starved main process once found its first points only as the last ones finished).
    args += ["--jobs", "1"]
    out = tmp_path / "out"
    run = subprocess.Popen(
        [*exe, *args, "-o", str(out)], env=env, stderr=subprocess.PIPE, text=True
    )
    pattern = str(tmp_path / f"{PREFIX}out-*" / "points" / "*.json")
    deadline = time.monotonic() + 120
    while len(glob.glob(pattern)) < 2 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    run.send_signal(signal.SIGINT)
    _, stderr = run.communicate(timeout=120)
    if run.returncode == 0:
        pytest.skip("the sweep finished before it could be interrupted (a fast machine)")
    assert run.returncode == 130, stderr
    assert "are finished and kept in" in stderr and not out.exists()
    kept = len(glob.glob(pattern))
    again = subprocess.run([*exe, *args, "-o", str(out)], env=env, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert f"{kept} of 8 points were already finished" in again.stderr
    fresh = tmp_path / "fresh"
    once = subprocess.run([*exe, *args, "-o", str(fresh)], env=env, capture_output=True, text=True)
    assert once.returncode == 0, once.stderr
    assert (out / "sweep.csv").read_bytes() == (fresh / "sweep.csv").read_bytes()
    assert not glob.glob(str(tmp_path / f"{PREFIX}*"))


def test_a_sweep_with_every_table_streams_them_from_its_points(tmp_path):
    out = tmp_path / "out"
    args = ["sweep", "classroom", "--vary", "build.runners=1,2", "--set", "days=15", "-r", "2"]
    result = CliRunner().invoke(
        cli, [*args, "-j", "1", "--no-charts", "--tables", "all", "-o", str(out)], env=ENGLISH
    )
    assert result.exit_code == 0, result.output
    runs = pd.read_csv(out / "runs.csv")
    assert len(runs) == 2 * 3 * 2 and list(runs.columns[:3]) == [
        "build.runners",
        "practice",
        "replication",
    ]
    changes = pd.read_csv(out / "changes.csv")
    assert set(changes["build.runners"]) == {1, 2} and set(changes["practice"]) == set(
        cdsim.PRACTICES
    )
    sc = cdsim.load_scenario("classroom").with_values({"days": 15, "build.runners": 2})
    one = cdsim.simulate(sc, "delivery", seed=1, replication=1, keep_events=False)
    mine = changes[
        (changes["build.runners"] == 2)
        & (changes["practice"] == "delivery")
        & (changes["replication"] == 1)
    ]
    assert len(mine) == len(one.changes)
    assert '"changes.csv"' in (out / "report.html").read_text(encoding="utf-8")


def test_a_sweeps_streamed_tables_are_labelled_and_written_like_every_table(tmp_path):
    """runs.csv and changes.csv of a sweep come point by point from its checkpoint: each
    row carries its point's value, then practice and replication, no index column, and
    floats with ten significant digits (FLOAT_FORMAT), as every table of cdsim."""
    out = tmp_path / "out"
    args = ["sweep", "classroom", "--vary", "build.runners=1,2", "--set", "days=15", "-r", "2"]
    args += ["-j", "1", "--no-charts", "--tables", "all", "-o", str(out)]
    result = CliRunner().invoke(cli, args, env=ENGLISH)
    assert result.exit_code == 0, result.output
    for name in ("runs.csv", "changes.csv"):
        table = pd.read_csv(out / name)
        assert list(table.columns[:3]) == ["build.runners", "practice", "replication"], name
        assert table["build.runners"].tolist() == sorted(table["build.runners"]), name
        assert set(table["build.runners"]) == {1, 2}, name
        assert set(table["replication"]) == {0, 1}, name
        text = (out / name).read_text(encoding="utf-8")
        digits = [len(f.split("e")[0].replace(".", "").lstrip("-0")) for f in _floats(text)]
        assert digits and max(digits) <= 10, name
        assert max(digits) >= 8, name  # not all short: the format is what keeps them short


def _floats(text: str) -> list[str]:
    return [f for line in text.splitlines()[1:] for f in line.split(",") if "." in f]


class CountingThreads(cf.ThreadPoolExecutor):
    submitted = 0

    def submit(self, *args, **kwargs):
        self.submitted += 1
        return super().submit(*args, **kwargs)


def test_a_sweep_runs_on_the_executor_it_is_given(small):
    with CountingThreads(2) as threads:
        cdsim.sweep(small, {"build.runners": [1, 2]}, replications=1, executor=threads)
    assert threads.submitted > 0


def test_the_api_resumes_from_its_checkpoint_folder(small, reference, tmp_path, monkeypatch):
    """An interrupted sweep left its finished points in ``checkpoint``: the same call (here
    without a progress function) runs only the rest, to the same table, and removes the
    folder."""
    run = sweeping.run_metrics
    folder = tmp_path / "progress"
    plan = plan_sweep(small, VARY, replications=2, seed=3)
    store = Checkpoint(folder, plan.identity())

    def stop_after(done, total):
        if done >= 14:
            raise Stop

    with pytest.raises(Stop):
        sweeping.run_sweep(plan, jobs=1, progress=stop_after, checkpoint=store)
    finished = store.finished()
    assert finished
    made = []
    monkeypatch.setattr(sweeping, "run_metrics", lambda task: made.append(task) or run(task))
    table = cdsim.sweep(small, VARY, replications=2, seed=3, jobs=1, checkpoint=str(folder))
    assert len(made) == plan.runs - len(finished) * plan.runs_per_point  # only the rest
    assert csv_bytes(table, tmp_path, "resumed") == reference
    assert not folder.exists()
