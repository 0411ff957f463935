"""The manifest of a result folder: the files the result wrote there, one name a line.

It is data read from disk, so it is trusted only for plain file names
(:func:`is_result_name`): no entry can lead outside its folder.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MANIFEST = ".cdsim-files"
"""The files of the result in a folder, one per line (what the next result replaces)."""
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


def read_manifest(folder: Path) -> set[str]:
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


def entry(folder: Path, name: str) -> os.stat_result | None:
    """``lstat`` of ``folder/name`` (a link is not followed), or None when it is absent."""
    try:
        return os.lstat(folder / name)
    except FileNotFoundError:
        return None
