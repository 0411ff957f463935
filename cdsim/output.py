"""Writing an output folder atomically: all or nothing, and never half a file.

Every file of a result is first written into a hidden temporary folder beside the target
(``.cdsim-tmp-<pid>-<host>-*`` in the target's parent, on the same file system; inside the
target itself when it is a mount point or when only the target is writable; a temporary
folder whose process is gone is removed by the next run, see :mod:`cdsim.tempfolders`). Only when everything has been written are the files moved into the target, one
``os.replace`` each, with Ctrl-C held back while they move. A run that fails or is
interrupted before that removes its temporary folder and leaves the target as it was: an
earlier result in it is not touched. A run that succeeds replaces the earlier result
whole (the files it listed in ``.cdsim-files``); other files in the folder are left alone,
and a file of a result's name that no earlier result wrote is never replaced. Nothing
outside the folder is ever written or removed: the manifest is trusted only for plain
file names, and a link inside the folder is replaced or removed, never followed.

>>> with OutputFolder("cdsim-results") as out:   # checks the folder can be written
...     results = simulate_something()            # slow work happens after the check
...     out.write_table(results, "summary")       # into the temporary folder
...     written = out.commit()                    # moved into cdsim-results/
"""

from __future__ import annotations

import contextlib
import errno
import importlib.util
import os
import shutil
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from cdsim.errors import OutputError
from cdsim.files import folder_mode
from cdsim.i18n.core import Text
from cdsim.manifest import MANIFEST as MANIFEST
from cdsim.manifest import entry as _entry
from cdsim.manifest import is_result_name as is_result_name
from cdsim.manifest import read_manifest as _read_manifest
from cdsim.tempfolders import TEMP_PREFIX as TEMP_PREFIX
from cdsim.tempfolders import owned_prefix, remove_stale

FLOAT_FORMAT = "%.10g"
"""Floats in CSV files: ten significant digits, the same bytes on every run."""
TABLE_FORMATS = ("csv", "parquet")
_BACKUP = ".cdsim-earlier"  # inside the temporary folder: the earlier files while they move


def parquet_engine() -> str | None:
    """The installed parquet engine (``"pyarrow"`` or ``"fastparquet"``), or None."""
    for name in ("pyarrow", "fastparquet"):
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def check_table_format(fmt: str) -> None:
    """Raise :class:`OutputError` when ``fmt`` cannot be written on this machine."""
    if fmt not in TABLE_FORMATS:
        raise OutputError("error.output.format", got=repr(fmt), allowed=", ".join(TABLE_FORMATS))
    if fmt == "parquet" and parquet_engine() is None:
        raise OutputError("error.output.parquet")


def write_table(table: pd.DataFrame, path: Path, fmt: str = "csv") -> Path:
    """Write ``table`` to ``path`` (suffix added), deterministically: same data, same bytes."""
    path = Path(path).with_suffix(f".{fmt}")
    if fmt == "csv":
        table.to_csv(
            path, index=False, float_format=FLOAT_FORMAT, lineterminator="\n", encoding="utf-8"
        )
    elif fmt == "parquet":
        table.to_parquet(path, index=False, engine=parquet_engine() or "auto")
    else:
        raise OutputError("error.output.format", got=repr(fmt), allowed=", ".join(TABLE_FORMATS))
    return path


def _describe(error: OSError) -> Text:
    return Text.of(error.strerror or str(error))


_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_DISK_FAULTS = _DISK_FULL | {errno.EROFS, errno.EIO, errno.ENAMETOOLONG, errno.EXDEV}


class OutputFolder:
    """A result folder written all at once. Use as a context manager (see module doc).

    Entering checks that ``target`` can be written and creates the temporary folder, so
    that a bad ``--out`` fails before any simulation. Leaving without :meth:`commit` (an
    error, Ctrl-C) removes the temporary folder and any parent folders created for it.
    A fault of the disk while the result is written (a full disk, a read-only or failing
    file system) becomes an :class:`~cdsim.errors.OutputError` naming the folder; the
    earlier result stays as it was.
    """

    def __init__(
        self,
        target: str | os.PathLike[str],
        label: str = "--out",
        expected: tuple[str, ...] | list[str] = (),
    ) -> None:
        self.empty = not str(target).strip()  # --out "" (an unset variable, most likely)
        self.target = Path(target).expanduser()
        self.label = label
        self.expected = tuple(expected)  # names the result will hold, checked up front
        self.scratch: Path | None = None
        self._created: list[Path] = []
        self._made_target = False
        self._committed = False

    # -- set up -------------------------------------------------------------------------
    def __enter__(self) -> OutputFolder:
        self.open()
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        scratch = self.scratch
        self.discard()
        if isinstance(exc, OSError) and self._is_ours(exc, scratch):
            raise self._os_error(exc) from None

    def _is_ours(self, error: OSError, scratch: Path | None) -> bool:
        """Whether ``error`` is a fault of the result folder (not of something else)."""
        if error.errno in _DISK_FAULTS:
            return True
        roots = [str(p) for p in (scratch, self.target.absolute()) if p is not None]
        names = [str(n) for n in (error.filename, error.filename2) if n]
        return any(name.startswith(root) for name in names for root in roots)

    def _fail(self, key: str, **values: object) -> OutputError:
        return OutputError(
            f"error.output.{key}", label=self.label, folder=str(self.target), **values
        )

    def _os_error(self, error: OSError) -> OutputError:
        """A fault of the file system, in words."""
        reason = _describe(error)
        if error.errno in _DISK_FULL:
            return self._fail("no_space", reason=reason)
        if error.errno == errno.ENAMETOOLONG:
            return self._fail("name_too_long", reason=reason)
        return self._fail("failed", reason=reason)

    def open(self) -> Path:
        """Check the target and create the temporary folder; return the temporary folder."""
        try:
            return self._open()
        except OSError as error:  # what the checks below did not foresee
            self.discard()
            raise self._os_error(error) from None

    def _open(self) -> Path:
        target = self.target
        if self.empty:
            raise self._fail("empty")
        if target.is_symlink() and not os.path.exists(target):
            raise self._fail("dangling_link", path=os.readlink(target))
        if target.exists() and not target.is_dir():
            raise self._fail("not_folder")
        parent = target.absolute().parent
        self._make_parents(parent)
        remove_stale(parent)
        if target.is_dir():
            remove_stale(target)
            self._refuse_conflicts((*self.expected, MANIFEST))
            self._probe(target)
        else:
            self._probe_name(target)
        self.scratch = self._make_scratch(target, parent)
        # mkdtemp makes it private (0700); it may become the result folder itself
        self.scratch.chmod(folder_mode())
        return self.scratch

    def _make_scratch(self, target: Path, parent: Path) -> Path:
        """Beside the target, on the same file system (a folder moves there in one step);
        inside the target when it is a mount point, or when only the target is writable."""
        inside = target.is_dir() and os.stat(target).st_dev != os.stat(parent).st_dev
        if not inside:
            try:
                return Path(tempfile.mkdtemp(prefix=owned_prefix(), dir=parent))
            except OSError as error:
                if not target.is_dir():
                    self._remove_created()
                    raise self._fail(
                        "cannot_write_in", path=str(parent), reason=_describe(error)
                    ) from None
        return Path(tempfile.mkdtemp(prefix=owned_prefix(), dir=target))

    def _make_parents(self, parent: Path) -> None:
        missing = []
        for folder in (parent, *parent.parents):
            if folder.is_dir():
                break
            if folder.exists() or folder.is_symlink():
                raise self._fail("parent_file", path=str(folder))
            missing.append(folder)
        for folder in reversed(missing):
            try:
                folder.mkdir()
            except FileExistsError:
                continue
            except OSError as error:
                self._remove_created()
                raise self._fail(
                    "cannot_create", path=str(folder), reason=_describe(error)
                ) from None
            self._created.append(folder)

    def _probe(self, folder: Path) -> None:
        """Prove that files can be created in ``folder`` (permissions alone can mislead)."""
        try:
            handle, name = tempfile.mkstemp(prefix=owned_prefix(), dir=folder)
        except OSError as error:
            self._remove_created()
            raise self._fail("cannot_write", reason=_describe(error)) from None
        os.close(handle)
        os.unlink(name)

    def _probe_name(self, target: Path) -> None:
        """Prove that the target can be made (a name too long, a read-only disk, a name the
        file system refuses), before any simulation: make it, and remove it again."""
        try:
            target.mkdir()
        except FileExistsError:
            return
        except OSError as error:
            if error.errno in (errno.EACCES, errno.EPERM):
                return  # a read-only parent: the temporary folder goes inside, or fails
            self._remove_created()
            if error.errno in _DISK_FULL or error.errno == errno.ENAMETOOLONG:
                raise self._os_error(error) from None
            parent = str(target.absolute().parent)
            raise self._fail("cannot_write_in", path=parent, reason=_describe(error)) from None
        target.rmdir()

    # -- writing ------------------------------------------------------------------------
    @property
    def folder(self) -> Path:
        """The temporary folder to write into (chart functions take it as their folder)."""
        if self.scratch is None:
            raise RuntimeError("OutputFolder used before open()")
        return self.scratch

    def path(self, name: str) -> Path:
        return self.folder / name

    def write_text(self, name: str, text: str) -> Path:
        path = self.path(name)
        path.write_text(text, encoding="utf-8", newline="\n")
        return path

    def write_table(self, table: pd.DataFrame, stem: str, fmt: str = "csv") -> Path:
        return write_table(table, self.path(stem), fmt)

    # -- finishing ----------------------------------------------------------------------
    def commit(self) -> list[Path]:
        """Move every written file into the target; return their final paths, sorted.

        The new result replaces the previous one: files that the previous cdsim result
        wrote there (listed in its :data:`MANIFEST`) and that this one did not write are
        removed, so that the folder never mixes two results. Other files are left alone,
        and a file of the same name as a new one that no earlier result wrote (the user's
        own ``scenario.toml``, say) stops the commit before anything moves.
        """
        scratch = self.folder
        names = sorted(p.name for p in scratch.iterdir() if p.name != _BACKUP)
        for name in names:
            if not is_result_name(name) or not (scratch / name).is_file():
                raise RuntimeError(f"a result holds plain files only, not {name!r}")
        (scratch / MANIFEST).write_text("".join(f"{n}\n" for n in names), encoding="utf-8")
        with _signals_held():
            if not os.path.lexists(self.target) and scratch.parent == self._parent():
                try:
                    os.rename(scratch, self.target)  # the whole folder in one step
                except OSError:
                    pass  # someone created the target meanwhile: move file by file
                else:
                    self.scratch = None
                    self._committed = True
                    return [self.target / n for n in names]
            self._move_in(scratch, names)
            self._committed = True
        self.discard()
        return [self.target / n for n in names]

    def _parent(self) -> Path:
        return self.target.absolute().parent

    def conflicts(self, names: list[str] | tuple[str, ...]) -> list[str]:
        """Which of ``names`` the target holds that no earlier cdsim result wrote there
        (or that are folders): a commit of them would replace the user's own files."""
        if not self.target.is_dir():
            return []
        previous = _read_manifest(self.target)
        found = []
        for name in names:
            entry = _entry(self.target, name)
            if entry is None:
                continue
            if stat.S_ISDIR(entry.st_mode):
                found.append(f"{name}/")
            elif name not in previous and name != MANIFEST:
                found.append(name)
        return found

    def _refuse_conflicts(self, names: list[str] | tuple[str, ...]) -> None:
        found = self.conflicts(names)
        if found:
            listed: str | Text = ", ".join(found[:5])
            if len(found) > 5:
                listed = Text("error.output.more_names", {"names": listed, "n": len(found) - 5})
            key = "conflict" if len(found) == 1 else "conflicts"
            raise self._fail(key, names=listed)

    def _move_in(self, scratch: Path, names: list[str]) -> None:
        """Replace the earlier result by the new one, file by file, all or nothing.

        Every name is a plain file name (no folder part), so nothing outside the target is
        ever touched; an earlier file is moved aside first (a link is moved, never
        followed) and put back if a later move fails.
        """
        target = self.target
        if not target.is_dir():
            target.mkdir()
            self._made_target = True
        previous = _read_manifest(target)
        every = [*names, MANIFEST]
        self._refuse_conflicts(every)
        backup = scratch / _BACKUP
        backup.mkdir()
        moved_old: list[str] = []
        moved_new: list[str] = []
        try:
            for name in every:
                if _entry(target, name) is not None:
                    os.replace(target / name, backup / name)
                    moved_old.append(name)
                os.replace(scratch / name, target / name)
                moved_new.append(name)
        except OSError as error:
            for name in reversed(moved_new):
                with contextlib.suppress(OSError):
                    os.replace(target / name, scratch / name)
            for name in reversed(moved_old):
                with contextlib.suppress(OSError):
                    os.replace(backup / name, target / name)
            if self._made_target:
                with contextlib.suppress(OSError):
                    target.rmdir()  # only if still empty
            raise self._fail("move_failed", reason=_describe(error)) from None
        for name in sorted(previous - set(every)):
            entry = _entry(target, name)
            if entry is not None and not stat.S_ISDIR(entry.st_mode):
                with contextlib.suppress(OSError):
                    os.unlink(target / name)  # a link is removed, not what it points to

    def discard(self) -> None:
        """Remove the temporary folder (and parents made for it, unless committed)."""
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)
            self.scratch = None
        if not self._committed:
            self._remove_created()

    def _remove_created(self) -> None:
        for folder in reversed(self._created):
            with contextlib.suppress(OSError):
                folder.rmdir()  # only if still empty
        self._created = []


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C (and SIGTERM, SIGHUP) back while files move, then deliver it: no result
    half moved in."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    held = [signal.SIGINT]
    held += [getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n)]
    previous = {number: signal.getsignal(number) for number in held}
    for number in held:
        signal.signal(number, lambda signum, frame: received.append(signum))
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    if received:
        handler = previous[received[0]]
        if callable(handler):
            handler(received[0], None)
        else:
            signal.raise_signal(received[0])  # the default action (or none, if ignored)
