"""A result folder never reaches outside itself (issue 11, class 5) and fails cleanly on
the faults a disk can throw (class 4): its manifest is data from disk, a link inside it is
never followed, a user's own file is never replaced, and every failure leaves the earlier
result as it was, with one message naming the folder."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cdsim.errors import OutputError
from cdsim.output import MANIFEST, TEMP_PREFIX, OutputFolder, is_result_name

EXE = shutil.which("cdsim", path=os.path.dirname(sys.executable)) or shutil.which("cdsim")


def write_result(target: Path, files: dict[str, str], expected=()) -> list[Path]:
    with OutputFolder(target, expected=expected) as out:
        for name, text in files.items():
            out.write_text(name, text)
        return out.commit()


def tree(folder: Path) -> dict[str, bytes | str]:
    """Every entry under ``folder``: file bytes, or where a link points."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[rel] = f"-> {os.readlink(path)}"
        elif path.is_file():
            found[rel] = path.read_bytes()
    return found


@pytest.fixture
def outside(tmp_path) -> Path:
    """A folder beside the result, with files that no result may touch."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "keep.csv").write_text("precious")
    (folder / "summary.csv").write_text("the user's own summary")
    return folder


@pytest.mark.parametrize(
    "entry",
    [
        "../outside/keep.csv",
        "{outside}/keep.csv",
        "sub/keep.csv",  # through a link to the outside folder
        "sub/../../outside/keep.csv",
        "./../outside/keep.csv",
        "..",
        ".",
        "",
        "sub",
        "keep.csv\x00.png",
        "~/keep.csv",
    ],
)
def test_no_manifest_entry_deletes_outside_the_folder(tmp_path, outside, entry):
    target = tmp_path / "results"
    write_result(target, {"summary.csv": "1", "runs.csv": "2"})
    (target / "sub").symlink_to(outside, target_is_directory=True)
    with (target / MANIFEST).open("a", encoding="utf-8") as handle:
        handle.write(entry.format(outside=outside) + "\n")
    before = tree(outside)
    write_result(target, {"summary.csv": "3"})
    assert tree(outside) == before
    if entry != "sub":  # a link the manifest names is removed: the link, not its target
        assert (target / "sub").is_symlink()
    assert (target / "summary.csv").read_text() == "3" and not (target / "runs.csv").exists()


def test_a_link_inside_the_folder_is_replaced_or_removed_never_followed(tmp_path, outside):
    target = tmp_path / "results"
    write_result(target, {"summary.csv": "1", "runs.csv": "2"})
    # an earlier result's files replaced by links to the user's files elsewhere
    for name in ("summary.csv", "runs.csv"):
        (target / name).unlink()
    (target / "summary.csv").symlink_to(outside / "summary.csv")
    (target / "runs.csv").symlink_to(outside / "keep.csv")
    before = tree(outside)
    write_result(target, {"summary.csv": "new"})
    assert tree(outside) == before  # written beside the link's target? never
    assert not (target / "summary.csv").is_symlink()
    assert (target / "summary.csv").read_text() == "new"
    assert not os.path.lexists(target / "runs.csv")  # the stale link, not its target


def test_a_manifest_that_is_a_link_a_pipe_or_huge_is_no_manifest(tmp_path, outside):
    target = tmp_path / "results"
    write_result(target, {"summary.csv": "1", "runs.csv": "2"})
    (target / MANIFEST).unlink()
    (target / MANIFEST).symlink_to(outside / "keep.csv")
    with pytest.raises(OutputError, match="no earlier cdsim result wrote"):
        write_result(target, {"summary.csv": "3"})  # nothing proves summary.csv is ours
    assert (outside / "keep.csv").read_text() == "precious"
    (target / MANIFEST).unlink()
    os.mkfifo(target / MANIFEST)  # reading a pipe would block forever
    with pytest.raises(OutputError, match="no earlier cdsim result wrote"):
        write_result(target, {"summary.csv": "3"})
    (target / MANIFEST).unlink()
    (target / MANIFEST).write_text("summary.csv\n" * 100_000)  # not a manifest cdsim wrote
    with pytest.raises(OutputError, match="no earlier cdsim result wrote"):
        write_result(target, {"summary.csv": "3"})
    assert (target / "summary.csv").read_text() == "1"


def test_the_users_own_file_of_a_results_name_is_refused_before_any_work(tmp_path):
    target = tmp_path / "mine"
    target.mkdir()
    (target / "scenario.toml").write_text("# my scenario, by hand")
    (target / "notes.txt").write_text("my notes")
    folder = OutputFolder(target, expected=("summary.csv", "scenario.toml"))
    with pytest.raises(OutputError) as caught:
        folder.open()  # before any simulation
    message = str(caught.value)
    assert "--out" in message and str(target) in message and "scenario.toml" in message
    assert "move it away, or choose another --out" in message
    assert (target / "scenario.toml").read_text() == "# my scenario, by hand"
    assert not list(target.glob(f"{TEMP_PREFIX}*")) and not list(tmp_path.glob(f"{TEMP_PREFIX}*"))
    # without the list up front, the commit itself refuses, and moves nothing
    with pytest.raises(OutputError, match="scenario.toml"):
        write_result(target, {"summary.csv": "1", "scenario.toml": "x"})
    assert sorted(p.name for p in target.iterdir()) == ["notes.txt", "scenario.toml"]
    assert (target / "scenario.toml").read_text() == "# my scenario, by hand"


def test_a_folder_where_a_result_file_goes_is_refused(tmp_path):
    target = tmp_path / "results"
    write_result(target, {"summary.csv": "1"})
    (target / "summary.csv").unlink()
    (target / "summary.csv").mkdir()
    with pytest.raises(OutputError, match="summary.csv/"):
        write_result(target, {"summary.csv": "2"})
    assert (target / "summary.csv").is_dir()


def test_a_move_that_fails_half_way_puts_the_earlier_result_back(tmp_path, monkeypatch):
    target = tmp_path / "results"
    write_result(target, {"a.csv": "old a", "b.csv": "old b", "c.csv": "old c"})
    (target / "notes.txt").write_text("mine")
    before = tree(target)
    real = os.replace
    calls = []

    def failing(src, dst):
        calls.append(dst)
        if len(calls) == 4:  # the earlier a moved aside, the new a in, the earlier b aside
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(OutputError) as caught:
        write_result(target, {"a.csv": "new a", "b.csv": "new b"})
    monkeypatch.setattr(os, "replace", real)
    assert "Invalid cross-device link" in str(caught.value)
    assert "the earlier result is as it was" in str(caught.value)
    assert tree(target) == before
    assert not list(tmp_path.glob(f"{TEMP_PREFIX}*"))


def test_result_names_are_plain_file_names():
    for good in ("summary.csv", "comparison_en.png", "sweep_lead_time_median_hours_pt.svg"):
        assert is_result_name(good)
    for bad in ("", ".", "..", ".cdsim-files", "a/b", "../a", "/etc/passwd", "a\\b", "a\x00b"):
        assert not is_result_name(bad), bad


def test_the_command_refuses_to_replace_a_users_scenario_file(tmp_path):
    """`cdsim compare mine.toml --out .` beside the user's own scenario.toml."""
    from click.testing import CliRunner

    from cdsim.cli import cli

    (tmp_path / "scenario.toml").write_text('name = "mine"\n')
    result = CliRunner().invoke(
        cli, ["compare", "--out", str(tmp_path), "--no-charts", "-r", "1"], prog_name="cdsim"
    )
    assert result.exit_code == 2, result.output
    assert "scenario.toml" in result.stderr and "Simulating" not in result.stderr
    assert (tmp_path / "scenario.toml").read_text() == 'name = "mine"\n'


# ---------------------------------------------------------------- class 4: the disk's faults


@pytest.fixture
def tmpfs(tmp_path):
    """A small file system of its own (a mount point), where root can make one."""
    point = tmp_path / "mnt"
    point.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(point)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr!r}")
    yield point
    subprocess.run(["umount", "-l", str(point)], check=False)


def cdsim_cmd(*args: str, cwd=None) -> subprocess.CompletedProcess:
    env = {**os.environ, "MPLBACKEND": "Agg", "CDSIM_DEBUG": ""}
    return subprocess.run(
        [EXE, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300
    )


SMALL = ["--set", "days=5", "--set", "warmup_days=1", "-r", "1", "--jobs", "1"]


def test_a_mount_point_as_out_is_written_without_crossing_devices(tmpfs):
    """The temporary folder goes inside a mount point: a move across file systems used to
    fail after the whole simulation."""
    result = cdsim_cmd("compare", *SMALL, "--no-charts", "-q", "--out", str(tmpfs))
    assert result.returncode == 0, result.stderr
    assert (tmpfs / "summary.csv").exists() and not list(tmpfs.glob(f"{TEMP_PREFIX}*"))


def test_a_full_disk_is_one_message_and_the_earlier_result_stays(tmpfs):
    result = cdsim_cmd("compare", *SMALL, "--no-charts", "-q", "--out", str(tmpfs))
    assert result.returncode == 0, result.stderr
    before = tree(tmpfs)
    result = cdsim_cmd("compare", *SMALL[:-4], "--set", "days=30", "-r", "2", "--out", str(tmpfs))
    assert result.returncode == 2, result.stderr
    assert "the disk is full" in result.stderr and str(tmpfs) in result.stderr
    assert "bug in cdsim" not in result.stderr and "Traceback" not in result.stderr
    assert tree(tmpfs) == before and not list(tmpfs.glob(f"{TEMP_PREFIX}*"))


def test_a_full_disk_while_writing_is_an_output_error(tmp_path):
    target = tmp_path / "results"
    write_result(target, {"summary.csv": "earlier"})
    with pytest.raises(OutputError) as caught, OutputFolder(target) as out:
        out.write_text("summary.csv", "half")
        raise OSError(errno.ENOSPC, "No space left on device")
    message = str(caught.value)
    assert "the disk is full (No space left on device)" in message and str(target) in message
    assert "o disco está cheio" in caught.value.message("pt")
    assert (target / "summary.csv").read_text() == "earlier"
    assert not list(tmp_path.glob(f"{TEMP_PREFIX}*")) and not list(target.glob(f"{TEMP_PREFIX}*"))


def test_other_errors_are_not_taken_for_the_folders(tmp_path):
    with pytest.raises(FileNotFoundError), OutputFolder(tmp_path / "r"):
        (tmp_path / "elsewhere" / "x").read_text()  # not the folder's fault: left as it is


def test_a_move_across_devices_at_the_first_commit(tmp_path, monkeypatch):
    def cross(*args, **kwargs):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    target = tmp_path / "new"
    moved = pytest.raises(OutputError, match="could not be moved in .*cross-device")
    with moved, OutputFolder(target) as out:
        out.write_text("summary.csv", "x")
        monkeypatch.setattr(os, "rename", cross)
        monkeypatch.setattr(os, "replace", cross)
        out.commit()
    monkeypatch.undo()
    assert not target.exists() and not list(tmp_path.glob(f"{TEMP_PREFIX}*"))


def test_a_dangling_link_as_out(tmp_path):
    link = tmp_path / "results"
    link.symlink_to(tmp_path / "gone")
    with pytest.raises(OutputError) as caught:
        OutputFolder(link).open()
    assert f"is a link to {str(tmp_path / 'gone')!r}, which does not exist" in str(caught.value)
    assert link.is_symlink() and not (tmp_path / "gone").exists()
    result = cdsim_cmd("compare", "--out", str(link))
    assert result.returncode == 2 and "which does not exist" in result.stderr
    assert "Simulating" not in result.stderr


def test_a_link_to_a_folder_as_out_writes_into_that_folder(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    write_result(tmp_path / "link", {"summary.csv": "1"})
    assert (real / "summary.csv").read_text() == "1" and (tmp_path / "link").is_symlink()


@pytest.mark.parametrize("name", ["x" * 300, "a/" + "y" * 300 + "/b"])
def test_a_name_too_long_is_refused_before_simulating(tmp_path, name):
    with pytest.raises(OutputError, match="too long"):
        OutputFolder(tmp_path / name).open()
    assert list(tmp_path.iterdir()) == []
    result = cdsim_cmd("compare", "--out", str(tmp_path / name))
    assert result.returncode == 2 and "too long" in result.stderr, result.stderr
    assert "Simulating" not in result.stderr and "bug in cdsim" not in result.stderr


def test_an_empty_out_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(OutputError, match="--out is empty"):
        OutputFolder("").open()
    assert list(tmp_path.iterdir()) == []
