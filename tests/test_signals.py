"""Signals and parallel workers (issue 11, class 3): SIGTERM is handled like Ctrl-C, worker
processes die with their parent, and cdsim's stale temporary folders are removed by the
next run, safely. The command runs in a subprocess, as a user or a scheduler runs it."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import cdsim
from cdsim.tempfolders import LEGACY_AGE_SECONDS, TEMP_PREFIX, host_tag, is_stale, remove_stale

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="signals and /proc: Linux")

EXE = shutil.which("cdsim", path=os.path.dirname(sys.executable)) or shutil.which("cdsim")
ENV = {**os.environ, "MPLBACKEND": "Agg", "CDSIM_DEBUG": ""}
LONG = ["compare", "--jobs", "2", "--no-charts", "-r", "60"]  # a minute or so, if let run


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        children_file = task / "children"
        if children_file.exists():
            found += [int(p) for p in children_file.read_text().split()]
    return found


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def leftovers(folder: Path) -> list[Path]:
    return list(folder.glob(f"{TEMP_PREFIX}*"))


def start(tmp_path: Path, out: Path) -> tuple[subprocess.Popen, list[int]]:
    """The command, with its two workers busy simulating."""
    process = subprocess.Popen(
        [EXE, *LONG, "--out", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV, cwd=tmp_path,
        start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if len(children(process.pid)) >= 2 and leftovers(out.parent):
            break
        time.sleep(0.1)
    time.sleep(1.0)  # the workers are simulating now
    workers = children(process.pid)
    assert len(workers) == 2 and process.poll() is None, process.stderr
    return process, workers


def wait_gone(pids: list[int], seconds: float = 10.0) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(running(p) for p in pids):
        time.sleep(0.1)
    return [p for p in pids if running(p)]


@pytest.fixture
def earlier(tmp_path) -> tuple[Path, dict[str, bytes]]:
    out = tmp_path / "results"
    result = subprocess.run(
        [EXE, "compare", "--set", "days=5", "--set", "warmup_days=1", "-r", "1", "--jobs", "1",
         "--no-charts", "-q", "--out", str(out)],
        capture_output=True, text=True, env=ENV, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return out, {p.name: p.read_bytes() for p in out.iterdir()}


@pytest.mark.parametrize("attempt", [1, 2, 3])  # a race between stop and exit shows rarely
def test_sigterm_is_handled_like_ctrl_c(tmp_path, earlier, attempt):
    out, before = earlier
    process, workers = start(tmp_path, out)
    os.kill(process.pid, signal.SIGTERM)  # the main process only, as `kill PID` does
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 143, stderr
    assert "Stopped (SIGTERM)." in stderr and "Traceback" not in stderr
    assert "Exception ignored" not in stderr
    assert not wait_gone(workers), "orphaned workers"
    assert not leftovers(tmp_path) and not leftovers(out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_closed_terminal_sighup_too(tmp_path, earlier):
    out, before = earlier
    process, workers = start(tmp_path, out)
    os.kill(process.pid, signal.SIGHUP)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 129 and "Stopped (SIGHUP)." in stderr, stderr
    assert not wait_gone(workers) and not leftovers(tmp_path)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_ctrl_c_with_workers_stops_them_without_tracebacks(tmp_path, earlier):
    out, before = earlier
    process, workers = start(tmp_path, out)
    os.killpg(process.pid, signal.SIGINT)  # a terminal's Ctrl-C reaches the whole group
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "Interrupted." in stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    assert not wait_gone(workers)
    assert not leftovers(tmp_path) and {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_workers_die_with_a_killed_parent_and_the_next_run_cleans_up(tmp_path, earlier):
    out, before = earlier
    process, workers = start(tmp_path, out)
    os.kill(process.pid, signal.SIGKILL)  # nothing can be cleaned by the process itself
    process.communicate(timeout=60)
    assert not wait_gone(workers), "workers outlived their parent"
    stale = leftovers(tmp_path)
    assert len(stale) == 1 and stale[0].name.startswith(f"{TEMP_PREFIX}{process.pid}-")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    result = subprocess.run(
        [EXE, "compare", "--set", "days=5", "--set", "warmup_days=1", "-r", "1", "--jobs", "1",
         "--no-charts", "-q", "--out", str(out)],
        capture_output=True, text=True, env=ENV, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert not leftovers(tmp_path)


def test_an_interrupted_parallel_compare_in_python_stops_its_workers(default_scenario):
    small = default_scenario.with_values({"days": 10.0, "warmup_days": 1.0})

    def interrupt(done, total):
        raise KeyboardInterrupt

    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        cdsim.compare(small, replications=20, jobs=2, progress=interrupt)
    assert time.monotonic() - started < 30
    assert not [c for c in multiprocessing.active_children() if c.is_alive()]


# ---------------------------------------------------------------- stale temporary folders


def dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def test_only_cdsims_own_stale_temporary_entries_are_removed(tmp_path):
    alive = subprocess.Popen(["sleep", "60"])
    try:
        host = host_tag()
        gone = dead_pid()
        names = {
            f"{TEMP_PREFIX}{gone}-{host}-abc123": True,  # its process is gone: stale
            f"{TEMP_PREFIX}{alive.pid}-{host}-abc123": False,  # still running
            f"{TEMP_PREFIX}{os.getpid()}-{host}-abc123": False,  # this very process
            f"{TEMP_PREFIX}{gone}-00000000-abc123": False,  # another computer's
            f"{TEMP_PREFIX}{gone}-{host}-../x": False,  # not one of cdsim's names
            f"{TEMP_PREFIX}notes": False,
            "results": False,
        }
        for name in names:
            if "/" not in name:
                (tmp_path / name).mkdir()
                (tmp_path / name / "inside.csv").write_text("x")
        link = f"{TEMP_PREFIX}{gone}-{host}-link"
        (tmp_path / "target").mkdir()
        (tmp_path / "target" / "keep.csv").write_text("keep")
        (tmp_path / link).symlink_to(tmp_path / "target")  # a link is never followed
        removed = remove_stale(tmp_path)
        assert sorted(removed) == sorted(n for n, stale in names.items() if stale)
        assert (tmp_path / "target" / "keep.csv").read_text() == "keep"
        assert (tmp_path / link).is_symlink()
    finally:
        alive.kill()
        alive.wait()


def test_an_older_cdsims_temporary_folder_goes_after_a_day(tmp_path):
    legacy = tmp_path / f"{TEMP_PREFIX}a1b2c3d4"
    legacy.mkdir()
    assert not is_stale(tmp_path, legacy.name)
    old = time.time() - LEGACY_AGE_SECONDS - 60
    os.utime(legacy, (old, old))
    assert is_stale(tmp_path, legacy.name)
    assert remove_stale(tmp_path) == [legacy.name] and not legacy.exists()


def test_ctrl_c_and_sigterm_are_held_while_files_move(tmp_path):
    from cdsim.output import _signals_held

    received = []
    previous = signal.signal(signal.SIGTERM, lambda *args: received.append("term"))
    try:
        with _signals_held():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.05)
            assert received == []  # not while the files move
        assert received == ["term"]  # delivered after
    finally:
        signal.signal(signal.SIGTERM, previous)
