"""Writing files so that a reader never sees half of one: the one atomic-write helper.

A file is written to a temporary file in the same folder, given the mode a plain new file
would have under the current umask, and moved over the target with one ``os.replace``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def file_mode() -> int:
    """Mode of a new file under the current umask (mkstemp alone would leave it 0600)."""
    return 0o666 & ~current_umask()


def folder_mode() -> int:
    """Mode of a new folder under the current umask (mkdtemp alone would leave it 0700)."""
    return 0o777 & ~current_umask()


def atomic_write(path: str | os.PathLike[str], write: Callable[[BinaryIO], None]) -> Path:
    """Call ``write(handle)`` on a temporary file beside ``path``, then move it over ``path``.

    On any error (Ctrl-C included) the temporary file is removed and ``path`` is left as
    it was.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(
        prefix=f".{path.stem}.", suffix=f"{path.suffix}.tmp", dir=path.parent
    )
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
        os.chmod(tmp, file_mode())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


__all__ = ["atomic_write", "current_umask", "file_mode", "folder_mode"]
