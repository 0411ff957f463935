"""cdsim's own temporary folders beside a result: named after their owner, and removed
when their owner is gone.

A result is written into a hidden folder ``.cdsim-tmp-<pid>-<host>-<random>`` first
(:mod:`cdsim.output`). A process killed outright (``kill -9``, a power cut) cannot remove
it; the next run in the same place does, safely: only an entry whose name is one of
cdsim's temporary names, that belongs to the current user, that is a real folder or file
(never a link), made on this computer (``<host>``) by a process that no longer runs
(``<pid>``). Temporary folders of an older cdsim, without an owner in their name, are
removed once they are a day old. Nothing else is touched.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import socket
import stat
import time
from pathlib import Path

TEMP_PREFIX = ".cdsim-tmp-"
LEGACY_AGE_SECONDS = 24 * 3600
_OWNED = re.compile(r"^\.cdsim-tmp-(\d+)-([0-9a-f]{8})-[A-Za-z0-9_]+$")
_LEGACY = re.compile(r"^\.cdsim-tmp-[A-Za-z0-9_]{8}$")


def host_tag() -> str:
    """Eight hex digits naming this computer (a shared folder may serve several)."""
    return hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]


def owned_prefix() -> str:
    """The prefix of a temporary name owned by this process: ``.cdsim-tmp-<pid>-<host>-``."""
    return f"{TEMP_PREFIX}{os.getpid()}-{host_tag()}-"


def _process_is_gone(pid: int) -> bool:
    if os.name != "posix":
        return False  # os.kill would end the process on Windows: never guess there
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OSError):
        return False
    return False


def is_stale(folder: Path, name: str, now: float | None = None) -> bool:
    """Whether ``folder/name`` is a temporary entry of cdsim whose owner is gone."""
    owned = _OWNED.match(name)
    legacy = _LEGACY.match(name)
    if not owned and not legacy:
        return False
    try:
        info = os.lstat(folder / name)
    except OSError:
        return False
    if stat.S_ISLNK(info.st_mode) or not (stat.S_ISDIR(info.st_mode) or stat.S_ISREG(info.st_mode)):
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    if owned:
        pid, host = int(owned.group(1)), owned.group(2)
        return host == host_tag() and pid != os.getpid() and _process_is_gone(pid)
    age = (time.time() if now is None else now) - info.st_mtime
    return age > LEGACY_AGE_SECONDS


def remove_stale(folder: Path) -> list[str]:
    """Remove the stale temporary entries of cdsim directly inside ``folder``; return
    their names. Never raises: cleaning is a courtesy."""
    removed = []
    try:
        names = [n for n in os.listdir(folder) if n.startswith(TEMP_PREFIX)]
    except OSError:
        return removed
    for name in names:
        if not is_stale(folder, name):
            continue
        path = folder / name
        with contextlib.suppress(OSError):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)  # does not follow links inside
            else:
                path.unlink()
            removed.append(name)
    return removed


__all__ = ["TEMP_PREFIX", "host_tag", "is_stale", "owned_prefix", "remove_stale"]
