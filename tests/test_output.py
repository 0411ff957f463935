"""Writing results: all or nothing, never half a file, the same bytes for the same data.

In-process and fast (the command line's own tests are in test_cli.py): these pin
cdsim/output.py and cdsim/files.py one behaviour at a time.
"""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

import pandas as pd
import pytest

from cdsim.files import atomic_write, file_mode, folder_mode
from cdsim.output import (
    MANIFEST,
    TEMP_PREFIX,
    OutputError,
    OutputFolder,
    _read_manifest,
    _signals_held,
    check_table_format,
    parquet_engine,
    write_table,
)


def leftovers(*folders: Path) -> list[Path]:
    return [p for f in folders if f.exists() for p in f.rglob(f"{TEMP_PREFIX}*")]


def umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_tables_are_written_with_ten_significant_digits_and_unix_lines(tmp_path):
    table = pd.DataFrame({"x": [1 / 3, 2.0, float("nan")], "name": ["a", "b", "c"]})
    path = write_table(table, tmp_path / "t")
    assert path == tmp_path / "t.csv"
    assert path.read_bytes() == b"x,name\n0.3333333333,a\n2,b\n,c\n"


@pytest.mark.skipif(parquet_engine() is None, reason="no parquet engine")
def test_parquet_tables_round_trip(tmp_path):
    table = pd.DataFrame({"x": [0.5, 1.5], "n": [1, 2]})
    path = write_table(table, tmp_path / "t", "parquet")
    assert path.suffix == ".parquet"
    pd.testing.assert_frame_equal(pd.read_parquet(path), table)
    assert parquet_engine() in ("pyarrow", "fastparquet")


def test_an_unknown_table_format_is_refused(tmp_path):
    with pytest.raises(OutputError, match="unknown table format 'xlsx'; use one of: csv, parquet"):
        check_table_format("xlsx")
    with pytest.raises(OutputError, match="unknown table format 'xlsx'"):
        write_table(pd.DataFrame({"x": [1]}), tmp_path / "t", "xlsx")
    check_table_format("csv")


def test_parquet_without_an_engine_says_what_to_install(monkeypatch):
    monkeypatch.setattr("cdsim.output.parquet_engine", lambda: None)
    with pytest.raises(OutputError, match="pip install pyarrow"):
        check_table_format("parquet")


def test_a_new_folder_is_moved_in_whole_with_the_usual_mode(tmp_path):
    target = tmp_path / "a" / "b" / "results"
    with OutputFolder(target) as out:
        scratch = out.folder
        assert scratch.name.startswith(TEMP_PREFIX)
        out.write_text("notes.txt", "héllo\n")
        out.write_text("chart.svg", "<svg/>")
        written = out.commit()
    assert written == [target / "chart.svg", target / "notes.txt"]
    assert (target / "notes.txt").read_bytes() == "héllo\n".encode()
    assert (target / MANIFEST).read_text() == "chart.svg\nnotes.txt\n"
    assert target.stat().st_mode & 0o777 == 0o777 & ~umask()
    assert not scratch.exists() and not leftovers(tmp_path)


def test_a_failed_result_leaves_no_trace_not_even_the_parents_it_made(tmp_path):
    target = tmp_path / "new" / "deeper" / "results"
    with pytest.raises(RuntimeError), OutputFolder(target) as out:
        out.write_text("a.txt", "A")
        raise RuntimeError("simulation failed")
    assert list(tmp_path.iterdir()) == []


def test_a_new_result_replaces_only_the_files_of_the_earlier_one(tmp_path):
    target = tmp_path / "results"
    with OutputFolder(target) as out:
        out.write_text("a.txt", "1")
        out.write_text("b.txt", "1")
        out.commit()
    (target / "mine.txt").write_text("the teacher's")
    with OutputFolder(target) as out:
        assert out.folder.parent == tmp_path  # staged beside the target, not in it
        out.write_text("b.txt", "2")
        out.write_text("c.txt", "2")
        written = out.commit()
    assert written == [target / "b.txt", target / "c.txt"]
    assert sorted(p.name for p in target.iterdir()) == [MANIFEST, "b.txt", "c.txt", "mine.txt"]
    assert (target / "b.txt").read_text() == "2" and (target / "mine.txt").read_text() != ""
    assert not leftovers(tmp_path)


def test_an_interrupted_rewrite_keeps_the_earlier_result_byte_for_byte(tmp_path):
    target = tmp_path / "results"
    with OutputFolder(target) as out:
        out.write_text("a.txt", "earlier")
        out.commit()
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    with pytest.raises(KeyboardInterrupt), OutputFolder(target) as out:
        out.write_text("a.txt", "later, different")
        out.write_text("b.txt", "later")
        raise KeyboardInterrupt
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before
    assert not leftovers(tmp_path)


def test_a_manifest_is_trusted_only_for_plain_file_names(tmp_path):
    manifest = tmp_path / MANIFEST
    manifest.write_text("a.csv\n\n  b.png  \n/etc/passwd\n../outside.txt\nc/d.txt\n.hidden\n")
    assert _read_manifest(tmp_path) == {"a.csv", "b.png"}
    assert _read_manifest(tmp_path / "absent") == set()
    manifest.write_bytes(b"\xff\xfe not text")
    assert _read_manifest(tmp_path) == set()


def test_a_manifest_cannot_make_a_result_delete_files_outside_it(tmp_path):
    target = tmp_path / "results"
    target.mkdir()
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me")
    (target / MANIFEST).write_text("../precious.txt\nold.txt\n")
    (target / "old.txt").write_text("stale")
    with OutputFolder(target) as out:
        out.write_text("new.txt", "x")
        out.commit()
    assert outside.read_text() == "keep me"
    assert not (target / "old.txt").exists()


def test_the_folder_is_not_used_before_it_is_opened(tmp_path):
    out = OutputFolder(tmp_path / "r")
    with pytest.raises(RuntimeError, match="before open"):
        _ = out.folder
    assert out.target == tmp_path / "r" and out.scratch is None


def test_a_target_under_a_file_is_refused_naming_it(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match=r"--out '.*file/sub/results': '.*file' is a file"):
        OutputFolder(tmp_path / "file" / "sub" / "results").open()
    with pytest.raises(OutputError, match="--into"):
        OutputFolder(tmp_path / "file", label="--into").open()


def test_ctrl_c_waits_until_the_files_have_moved():
    """While files move, Ctrl-C is held back, then delivered; the handler is restored."""
    previous = signal.getsignal(signal.SIGINT)
    moved = []
    with pytest.raises(KeyboardInterrupt), _signals_held():
        os.kill(os.getpid(), signal.SIGINT)
        moved.append("all files")  # not interrupted half way
    assert moved == ["all files"]
    assert signal.getsignal(signal.SIGINT) is previous
    with _signals_held():  # nothing received: nothing raised
        pass


def test_outside_the_main_thread_ctrl_c_is_not_touched():
    errors = []

    def worker():
        try:
            with _signals_held():
                pass
        except Exception as error:  # signal.signal would raise ValueError here
            errors.append(error)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert errors == []


def test_atomic_write_replaces_whole_or_not_at_all(tmp_path):
    path = tmp_path / "sub" / "chart.png"
    assert atomic_write(path, lambda f: f.write(b"first")) == path
    assert path.read_bytes() == b"first"
    assert path.stat().st_mode & 0o777 == file_mode() == 0o666 & ~umask()

    def half(handle):
        handle.write(b"half of a second")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        atomic_write(path, half)
    assert path.read_bytes() == b"first"
    assert sorted(p.name for p in path.parent.iterdir()) == ["chart.png"]
    assert folder_mode() == 0o777 & ~umask()


def test_csv_only_needs_no_parquet_engine_and_fastparquet_will_do(monkeypatch):
    import importlib.util

    monkeypatch.setattr("cdsim.output.parquet_engine", lambda: None)
    check_table_format("csv")  # no engine needed
    monkeypatch.undo()
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name: None if name == "pyarrow" else real(name)
    )
    expected = "fastparquet" if real("fastparquet") else None
    assert parquet_engine() == expected
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: object())
    assert parquet_engine() == "pyarrow"
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name: object() if name == "fastparquet" else None
    )
    assert parquet_engine() == "fastparquet"


@pytest.mark.skipif(parquet_engine() is None, reason="no parquet engine")
def test_tables_keep_no_index_in_any_format(tmp_path):
    table = pd.DataFrame({"x": [0.5, 1.5]}, index=[10, 20])
    back = pd.read_parquet(write_table(table, tmp_path / "t", "parquet"))
    assert list(back.columns) == ["x"] and list(back.index) == [0, 1]
    assert write_table(table, tmp_path / "c").read_text() == "x\n0.5\n1.5\n"
    with OutputFolder(tmp_path / "r") as out:
        assert out.write_table(table, "t", "parquet").suffix == ".parquet"
        out.commit()
    with pytest.raises(OutputError, match=r"^unknown table format 'x'; use one of: csv, parquet$"):
        write_table(table, tmp_path / "t", "x")


def test_folders_that_cannot_be_made_are_named_with_the_reason(tmp_path, monkeypatch):
    real_mkdir = Path.mkdir

    def mkdir(self, *args, **kwargs):
        if self.name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", mkdir)
    target = tmp_path / "made" / "locked" / "results"
    with pytest.raises(OutputError) as refused:
        OutputFolder(target).open()
    locked = str(tmp_path / "made" / "locked")
    assert str(refused.value) == (
        f"--out {str(target)!r}: cannot create {locked!r} (Permission denied)"
    )
    assert not (tmp_path / "made").exists()  # the parent it had made is gone again


def test_a_reason_without_an_errno_is_its_text():
    from cdsim.output import _describe

    assert str(_describe(PermissionError(13, "Permission denied"))) == "Permission denied"
    assert str(_describe(OSError("disk quota exceeded"))) == "disk quota exceeded"


def test_discarding_twice_or_with_someone_elses_file_in_a_made_parent_is_harmless(tmp_path):
    target = tmp_path / "new" / "results"
    out = OutputFolder(target)
    out.open()
    (tmp_path / "new" / "someone-else.txt").write_text("not ours")
    out.discard()
    out.discard()
    assert (tmp_path / "new" / "someone-else.txt").exists() and not leftovers(tmp_path)


def test_a_stale_file_already_gone_does_not_stop_a_result(tmp_path):
    target = tmp_path / "results"
    with OutputFolder(target) as out:
        out.write_text("old.txt", "1")
        out.commit()
    (target / "old.txt").unlink()  # the user deleted it; the manifest still lists it
    with OutputFolder(target) as out:
        out.write_text("new.txt", "2")
        out.commit()
    assert sorted(p.name for p in target.iterdir()) == [MANIFEST, "new.txt"]
    assert (target / MANIFEST).read_text() == "new.txt\n"


def test_atomic_write_stages_a_hidden_file_beside_the_target(tmp_path):
    path = tmp_path / "x" / "y" / "chart.png"
    seen = []

    def write(handle):
        seen.extend(p.name for p in path.parent.iterdir())
        handle.write(b"png")

    atomic_write(path, write)
    assert len(seen) == 1 and seen[0].startswith(".chart.") and seen[0].endswith(".png.tmp")
    assert path.read_bytes() == b"png"


def test_refusals_name_the_folder_and_the_reason_exactly(tmp_path, monkeypatch):
    import tempfile

    (tmp_path / "f").write_text("x")
    with pytest.raises(OutputError) as refused:
        OutputFolder(tmp_path / "f").open()
    assert str(refused.value) == f"--out {str(tmp_path / 'f')!r}: exists and is not a folder"
    monkeypatch.setattr("cdsim.output.parquet_engine", lambda: None)
    with pytest.raises(OutputError) as refused:
        check_table_format("parquet")
    assert str(refused.value) == (
        "--format parquet needs pyarrow or fastparquet, and neither is installed "
        "(pip install pyarrow); use --format csv"
    )
    real = tempfile.mkdtemp

    def denied(*args, **kwargs):
        if Path(kwargs.get("dir", "")) == tmp_path:
            raise PermissionError(13, "Permission denied")
        return real(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkdtemp", denied)
    with pytest.raises(OutputError) as refused:
        OutputFolder(tmp_path / "new").open()
    assert str(refused.value) == (
        f"--out {str(tmp_path / 'new')!r}: cannot write in {str(tmp_path)!r} (Permission denied)"
    )


# ------------------------------------------------ faults, in words (read from mutation)
def test_a_fault_of_the_results_own_files_is_an_output_error_in_words(tmp_path):
    """An OSError about a file in the temporary folder or the target, raised while the
    result is written, becomes the folder's error with the reason; another is left as it
    is. EACCES is no disk fault: only the file name makes it the folder's."""
    target = tmp_path / "results"
    for where in ("scratch", "target"):
        with pytest.raises(OutputError) as failed, OutputFolder(target) as out:
            folder = out.folder if where == "scratch" else target
            raise PermissionError(13, "Permission denied", str(folder / "a.csv"))
        assert str(failed.value) == (
            f"--out {str(target)!r}: the result cannot be written (Permission denied); "
            "an earlier result is as it was"
        )
    elsewhere = str(tmp_path / "input.toml")
    with pytest.raises(PermissionError), OutputFolder(target):
        raise PermissionError(13, "Permission denied", elsewhere)
    with pytest.raises(OutputError) as failed, OutputFolder(target) as out:
        raise OSError(36, "File name too long", str(out.folder / "a.csv"))
    assert str(failed.value) == (
        f"--out {str(target)!r}: the name is too long for this file system "
        "(File name too long); choose a shorter --out"
    )
    assert not leftovers(tmp_path)


@pytest.mark.parametrize(
    "number, strerror, message",
    [
        (28, "No space left on device", "the disk is full (No space left on device);"),
        (36, "File name too long", "the name is too long for this file system"),
        (22, "Invalid argument", "cannot write in {parent!r} (Invalid argument)"),
    ],
)
def test_a_target_the_file_system_refuses_is_named_before_any_run(
    tmp_path, monkeypatch, number, strerror, message
):
    """Opening makes the target and removes it again: each refusal of the file system
    gets its own words (a full disk, a name too long, anything else with the parent)."""
    real_mkdir = Path.mkdir

    def mkdir(self, *args, **kwargs):
        if self.name == "results":
            raise OSError(number, strerror)
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", mkdir)
    target = tmp_path / "results"
    with pytest.raises(OutputError) as refused:
        OutputFolder(target).open()
    assert str(refused.value).startswith(f"--out {str(target)!r}: ")
    assert message.format(parent=str(tmp_path)) in str(refused.value)
    assert not leftovers(tmp_path)


def test_a_target_in_a_read_only_parent_is_left_to_the_temporary_folder(tmp_path, monkeypatch):
    """EACCES (or EPERM) on making the target is no refusal yet: the temporary folder is
    tried next (here it can be made, so the folder opens)."""
    real_mkdir = Path.mkdir

    def mkdir(self, *args, **kwargs):
        if self.name == "results":
            raise PermissionError(13, "Permission denied")
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", mkdir)
    out = OutputFolder(tmp_path / "results")
    assert out.open().parent == tmp_path
    out.discard()


def test_a_target_folder_where_no_file_can_be_made_says_why(tmp_path, monkeypatch):
    import tempfile

    target = tmp_path / "results"
    target.mkdir()

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(OutputError) as refused:
        OutputFolder(target).open()
    assert str(refused.value) == (
        f"--out {str(target)!r}: cannot write in this folder (Permission denied)"
    )


def test_a_parent_folder_made_meanwhile_by_another_process_is_used(tmp_path, monkeypatch):
    """The first missing parent appears between the check and mkdir: the deeper ones are
    still made, and the folder opens."""
    real_mkdir = Path.mkdir

    def mkdir(self, *args, **kwargs):
        if self.name == "a" and not self.exists():
            real_mkdir(self)  # someone else was faster
            raise FileExistsError(17, "File exists", str(self))
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", mkdir)
    target = tmp_path / "a" / "b" / "c" / "results"
    with OutputFolder(target) as out:
        out.write_text("x.txt", "1")
        out.commit()
    assert (target / "x.txt").read_text() == "1"


def test_many_conflicting_files_are_named_five_and_counted(tmp_path):
    target = tmp_path / "results"
    target.mkdir()
    names = [f"t{i}.csv" for i in range(7)]
    for name in names:
        (target / name).write_text("mine")
    with pytest.raises(OutputError) as refused:
        OutputFolder(target, expected=names).open()
    assert str(refused.value) == (
        f"--out {str(target)!r}: holds t0.csv, t1.csv, t2.csv, t3.csv, t4.csv and 2 more, "
        "which no earlier cdsim result wrote there (your own files?); cdsim does not replace "
        "them: move them away, or choose another --out"
    )
    (target / names[6]).unlink()
    with pytest.raises(OutputError) as refused:
        OutputFolder(target, expected=names).open()
    assert "holds t0.csv, t1.csv, t2.csv, t3.csv, t4.csv and 1 more, which" in str(refused.value)
    (target / names[5]).unlink()
    with pytest.raises(OutputError) as refused:
        OutputFolder(target, expected=names).open()
    assert "holds t0.csv, t1.csv, t2.csv, t3.csv, t4.csv, which no" in str(refused.value)
    for name in names[2:5]:
        (target / name).unlink()
    with pytest.raises(OutputError) as refused:
        OutputFolder(target, expected=names).open()
    assert "holds t0.csv, t1.csv, which no earlier cdsim result wrote there (your own files?)" in (
        str(refused.value)
    )


@pytest.mark.parametrize("name", [".hidden.csv", "sub"])
def test_a_result_holds_plain_visible_files_only(tmp_path, name):
    with OutputFolder(tmp_path / "results") as out:
        if name == "sub":
            out.path(name).mkdir()
        else:
            out.write_text(name, "x")
        with pytest.raises(RuntimeError, match=f"a result holds plain files only, not '{name}'"):
            out.commit()
    assert not (tmp_path / "results").exists()


def test_an_existing_empty_folder_is_filled_not_replaced(tmp_path):
    """The user's own (empty) folder stays that folder, with its own mode."""
    target = tmp_path / "results"
    target.mkdir(mode=0o700)
    target.chmod(0o700)
    inode = target.stat().st_ino
    with OutputFolder(target) as out:
        out.write_text("x.txt", "1")
        out.commit()
    assert target.stat().st_ino == inode and (target.stat().st_mode & 0o777) == 0o700
    assert (target / "x.txt").read_text() == "1"


def test_a_failed_move_into_an_existing_empty_folder_keeps_the_folder(tmp_path, monkeypatch):
    target = tmp_path / "results"
    target.mkdir()
    real_replace = os.replace

    def replace(src, dst):
        if Path(dst).name == MANIFEST:
            raise OSError(5, "Input/output error")
        return real_replace(src, dst)

    with pytest.raises(OutputError, match="could not be moved in"), OutputFolder(target) as out:
        out.write_text("x.txt", "1")
        monkeypatch.setattr(os, "replace", replace)
        out.commit()
    monkeypatch.undo()
    assert target.is_dir() and list(target.iterdir()) == []
    assert not leftovers(tmp_path)


def _failing_replace(monkeypatch, fails):
    """os.replace that raises EIO for the moves ``fails(src, dst)`` picks."""
    real_replace = os.replace

    def replace(src, dst):
        if fails(Path(src), Path(dst)):
            raise OSError(5, "Input/output error")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)


@pytest.mark.parametrize("earlier", [False, True])
def test_a_fault_while_putting_files_back_still_ends_in_the_folders_error(
    tmp_path, monkeypatch, earlier
):
    """A move fails, and so does putting back what had moved (a failing disk): the error
    is still the folder's, in words (what is left is what the disk allowed). Without an
    earlier result the folder is made by the commit (the one-step rename having failed)
    and cannot be removed again, as it is not empty."""
    target = tmp_path / "results"
    if earlier:
        with OutputFolder(target) as out:
            out.write_text("x.txt", "old")
            out.commit()
    real_rename = os.rename

    def rename(src, dst):
        if Path(dst) == target:
            raise FileExistsError(17, "File exists")  # someone made it meanwhile
        return real_rename(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(OutputError, match="could not be moved in"), OutputFolder(target) as out:
        out.write_text("x.txt", "new")
        scratch = out.folder
        _failing_replace(
            monkeypatch,
            lambda src, dst: (
                dst == target / MANIFEST or (src == target / "x.txt" and dst.parent == scratch)
            ),
        )
        out.commit()
    assert target.is_dir()


def test_an_earlier_file_that_cannot_be_removed_does_not_fail_the_new_result(tmp_path, monkeypatch):
    target = tmp_path / "results"
    with OutputFolder(target) as out:
        out.write_text("old.txt", "1")
        out.commit()
    real_unlink = os.unlink

    def unlink(path, *args, **kwargs):
        if Path(path).name == "old.txt":
            raise PermissionError(13, "Permission denied")
        return real_unlink(path, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", unlink)
    with OutputFolder(target) as out:
        out.write_text("new.txt", "2")
        out.commit()
    assert (target / "new.txt").read_text() == "2"
    assert (target / MANIFEST).read_text() == "new.txt\n"


def _dead_runs_folder(folder: Path) -> Path:
    """A temporary folder as a run of cdsim on this host leaves it when killed."""
    import subprocess
    import sys

    from cdsim.tempfolders import host_tag

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    stale = folder / f"{TEMP_PREFIX}{gone.pid}-{host_tag()}-abc123"
    stale.mkdir(parents=True)
    (stale / "half.csv").write_text("1,2")
    return stale


def test_a_killed_runs_temporary_folders_are_removed_when_a_folder_opens(tmp_path):
    """Beside the target (where they are made) and inside it (a mount point's place)."""
    target = tmp_path / "results"
    beside = _dead_runs_folder(tmp_path)
    inside = _dead_runs_folder(target)
    with OutputFolder(target) as out:
        assert not beside.exists() and not inside.exists()
        out.write_text("x.txt", "1")
        out.commit()


def test_a_target_on_another_file_system_gets_its_temporary_folder_inside(tmp_path, monkeypatch):
    """A mount point: a folder cannot be renamed across file systems, so the temporary
    folder goes inside the target (files then move within one file system)."""
    target = tmp_path / "mounted"
    target.mkdir()
    real_stat = os.stat

    def stat(path, *args, **kwargs):
        info = real_stat(path, *args, **kwargs)
        if Path(path) == target:
            fields = list(info)
            fields[2] += 1  # st_dev: another device
            return os.stat_result(fields)
        return info

    monkeypatch.setattr(os, "stat", stat)
    with OutputFolder(target) as out:
        assert out.folder.parent == target
        out.write_text("x.txt", "1")
        out.commit()
    monkeypatch.undo()
    assert sorted(p.name for p in target.iterdir()) == [MANIFEST, "x.txt"]
