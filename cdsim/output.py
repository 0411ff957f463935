"""Writing an output folder atomically: all or nothing, and never half a file.

Every file of a result is first written into a hidden temporary folder beside the target
(``.cdsim-tmp-*`` in the target's parent; inside the target itself when only the target is
writable). Only when everything has been written are the files moved into the target, one
``os.replace`` each, with Ctrl-C held back while they move. A run that fails or is
interrupted before that removes its temporary folder and leaves the target as it was: an
earlier result in it is not touched. A run that succeeds replaces the earlier result
whole (the files it listed in ``.cdsim-files``); other files in the folder are left alone.

>>> with OutputFolder("cdsim-results") as out:   # checks the folder can be written
...     results = simulate_something()            # slow work happens after the check
...     out.write_table(results, "summary")       # into the temporary folder
...     written = out.commit()                    # moved into cdsim-results/
"""

from __future__ import annotations

import contextlib
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

TEMP_PREFIX = ".cdsim-tmp-"
MANIFEST = ".cdsim-files"
"""The files of the result in a folder, one per line (what the next result replaces)."""
FLOAT_FORMAT = "%.10g"
"""Floats in CSV files: ten significant digits, the same bytes on every run."""
TABLE_FORMATS = ("csv", "parquet")
_BACKUP = ".cdsim-earlier"  # inside the temporary folder: the earlier files while they move


MAX_MANIFEST_BYTES = 256 * 1024
"""A manifest longer than this is not one cdsim wrote: it is ignored."""


def is_result_name(name: str) -> bool:
    """A plain file name that a manifest may list: no folder, no ``..``, nothing hidden.

    A manifest is data read from disk; only such names are trusted, so that no entry can
    lead outside the folder (``../x``, ``/etc/x``, ``sub/x`` through a link...).
    """
    return (
        bool(name)
        and len(name) <= 255
        and not name.startswith(".")
        and "/" not in name
        and "\\" not in name
        and "\0" not in name
        and name.isprintable()
    )


def _read_manifest(folder: Path) -> set[str]:
    """Names listed in the manifest of ``folder``; only plain file names are trusted.

    The manifest is read only if it is a regular file (not a link, a pipe or a device) of
    at most :data:`MAX_MANIFEST_BYTES`; anything else counts as no earlier result.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(folder / MANIFEST, flags)
    except OSError:
        return set()
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return set()
        data = os.read(fd, MAX_MANIFEST_BYTES + 1)
    except OSError:
        return set()
    finally:
        os.close(fd)
    if len(data) > MAX_MANIFEST_BYTES:
        return set()
    try:
        lines = data.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return set()
    return {line.strip() for line in lines if is_result_name(line.strip())}


def _entry(folder: Path, name: str) -> os.stat_result | None:
    """``lstat`` of ``folder/name`` (a link is not followed), or None when it is absent."""
    try:
        return os.lstat(folder / name)
    except FileNotFoundError:
        return None


def parquet_engine() -> str | None:
    """The installed parquet engine (``"pyarrow"`` or ``"fastparquet"``), or None."""
    for name in ("pyarrow", "fastparquet"):
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def check_table_format(fmt: str) -> None:
    """Raise :class:`OutputError` when ``fmt`` cannot be written on this machine."""
    if fmt not in TABLE_FORMATS:
        raise OutputError(f"unknown table format {fmt!r}; use one of: {', '.join(TABLE_FORMATS)}")
    if fmt == "parquet" and parquet_engine() is None:
        raise OutputError(
            "--format parquet needs pyarrow or fastparquet, and neither is installed "
            "(pip install pyarrow); use --format csv"
        )


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
        raise OutputError(f"unknown table format {fmt!r}; use one of: {', '.join(TABLE_FORMATS)}")
    return path


def _describe(error: OSError) -> str:
    return error.strerror or str(error)


class OutputFolder:
    """A result folder written all at once. Use as a context manager (see module doc).

    Entering checks that ``target`` can be written and creates the temporary folder, so
    that a bad ``--out`` fails before any simulation. Leaving without :meth:`commit` (an
    error, Ctrl-C) removes the temporary folder and any parent folders created for it.
    """

    def __init__(
        self,
        target: str | os.PathLike[str],
        label: str = "--out",
        expected: tuple[str, ...] | list[str] = (),
    ) -> None:
        self.target = Path(target).expanduser()
        self.label = label
        self.expected = tuple(expected)  # names the result will hold, checked up front
        self.scratch: Path | None = None
        self._created: list[Path] = []
        self._committed = False

    # -- set up -------------------------------------------------------------------------
    def __enter__(self) -> OutputFolder:
        self.open()
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.discard()

    def _fail(self, reason: str) -> OutputError:
        return OutputError(f"{self.label} {str(self.target)!r}: {reason}")

    def open(self) -> Path:
        """Check the target and create the temporary folder; return the temporary folder."""
        target = self.target
        if target.exists() and not target.is_dir():
            raise self._fail("exists and is not a folder")
        parent = target.absolute().parent
        self._make_parents(parent)
        if target.is_dir():
            self._refuse_conflicts((*self.expected, MANIFEST))
            self._probe(target)
        try:
            self.scratch = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=parent))
        except OSError as error:
            if not target.is_dir():
                self._remove_created()
                raise self._fail(f"cannot write in {str(parent)!r} ({_describe(error)})") from None
            # the parent is read-only but the target is writable: write inside the target
            self.scratch = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=target))
        # mkdtemp makes it private (0700); it may become the result folder itself
        self.scratch.chmod(folder_mode())
        return self.scratch

    def _make_parents(self, parent: Path) -> None:
        missing = []
        for folder in (parent, *parent.parents):
            if folder.is_dir():
                break
            if folder.exists():
                raise self._fail(f"{str(folder)!r} is a file, not a folder")
            missing.append(folder)
        for folder in reversed(missing):
            try:
                folder.mkdir()
            except FileExistsError:
                continue
            except OSError as error:
                self._remove_created()
                raise self._fail(f"cannot create {str(folder)!r} ({_describe(error)})") from None
            self._created.append(folder)

    def _probe(self, folder: Path) -> None:
        """Prove that files can be created in ``folder`` (permissions alone can mislead)."""
        try:
            handle, name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=folder)
        except OSError as error:
            self._remove_created()
            raise self._fail(f"cannot write in this folder ({_describe(error)})") from None
        os.close(handle)
        os.unlink(name)

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
            shown = ", ".join(found[:5]) + (f" and {len(found) - 5} more" if len(found) > 5 else "")
            raise self._fail(
                f"holds {shown}, which no earlier cdsim result wrote there (your own "
                f"file{'s' if len(found) > 1 else ''}?); cdsim does not replace them: move "
                f"{'them' if len(found) > 1 else 'it'} away, or choose another {self.label}"
            )

    def _move_in(self, scratch: Path, names: list[str]) -> None:
        """Replace the earlier result by the new one, file by file, all or nothing.

        Every name is a plain file name (no folder part), so nothing outside the target is
        ever touched; an earlier file is moved aside first (a link is moved, never
        followed) and put back if a later move fails.
        """
        target = self.target
        target.mkdir(exist_ok=True)
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
            raise self._fail(
                f"the result could not be moved in ({_describe(error)}); "
                "the earlier result is as it was"
            ) from None
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
    """Hold Ctrl-C (and SIGTERM) back while files move, then deliver it: no result half
    moved in."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    held = [signal.SIGINT, *([signal.SIGTERM] if hasattr(signal, "SIGTERM") else [])]
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
