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


def _read_manifest(path: Path) -> set[str]:
    """Names listed in a result's manifest; only plain relative paths are trusted."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return set()
    names = set()
    for line in lines:
        rel = Path(line.strip())
        if line.strip() and not rel.is_absolute() and ".." not in rel.parts:
            names.add(rel.as_posix())
    return names


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

    def __init__(self, target: str | os.PathLike[str], label: str = "--out") -> None:
        self.target = Path(target).expanduser()
        self.label = label
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
        removed, so that the folder never mixes two results. Other files are left alone.
        """
        scratch = self.folder
        files = sorted(p for p in scratch.rglob("*") if p.is_file())
        relative = [p.relative_to(scratch) for p in files]
        manifest = scratch / MANIFEST
        manifest.write_text("".join(f"{r.as_posix()}\n" for r in relative), encoding="utf-8")
        with _sigint_held():
            if not self.target.exists() and scratch.parent == self.target.absolute().parent:
                try:
                    os.rename(scratch, self.target)  # the whole folder in one step
                except OSError:
                    pass  # someone created the target meanwhile: move file by file
                else:
                    self.scratch = None
                    self._committed = True
                    return [self.target / r for r in relative]
            self.target.mkdir(exist_ok=True)
            previous = _read_manifest(self.target / MANIFEST)
            for source, rel in zip([*files, manifest], [*relative, Path(MANIFEST)], strict=True):
                destination = self.target / rel
                destination.parent.mkdir(parents=True, exist_ok=True)
                os.replace(source, destination)
            for stale in sorted(previous - {r.as_posix() for r in relative}):
                with contextlib.suppress(OSError):
                    (self.target / stale).unlink()
            self._committed = True
        self.discard()
        return [self.target / r for r in relative]

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
def _sigint_held() -> Iterator[None]:
    """Hold Ctrl-C back while files move, then deliver it: no result half moved in."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[object] = []
    previous = signal.signal(signal.SIGINT, lambda *args: received.append(args))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received:
        raise KeyboardInterrupt
