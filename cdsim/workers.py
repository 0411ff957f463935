"""Worker processes of a parallel experiment: they die with their parent, and an
interrupted experiment stops them at once instead of waiting for their runs.

* Each worker ignores Ctrl-C (SIGINT reaches the whole process group from a terminal):
  the parent decides, so a Ctrl-C prints no traceback from every worker.
* On Linux a worker asks the kernel for SIGKILL when its parent dies
  (``prctl(PR_SET_PDEATHSIG)``, even when the parent is killed with ``kill -9``); on every
  system a watchdog thread waits on the parent's sentinel (a pipe the parent holds open)
  and ends the worker when it closes. No orphan keeps a core busy.
* :func:`stop` terminates the workers of a pool (then kills those that linger), for the
  parent's Ctrl-C, SIGTERM or error. A worker ends on SIGTERM at once while it simulates,
  but never while it sends a result back: a result cut in half would leave the pool's
  manager thread waiting for its end forever (and the parent hanging at exit). A worker
  asked to stop while sending stops before its next run.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

PR_SET_PDEATHSIG = 1
STOP_SECONDS = 5.0
EXIT_STOPPED = 143

_busy = False  # this worker is inside a run (not sending a result)
_stopping = False  # asked to stop while not inside a run: stop before the next one


def _on_sigterm(signum, frame) -> None:
    global _stopping
    if _busy:
        os._exit(EXIT_STOPPED)
    _stopping = True


def guarded(function: Callable[[Any], Any], task: Any) -> Any:
    """Run ``function(task)`` in a worker, where SIGTERM may end it at once."""
    global _busy
    if _stopping:
        os._exit(EXIT_STOPPED)
    _busy = True
    try:
        if _stopping:
            os._exit(EXIT_STOPPED)
        return function(task)
    finally:
        _busy = False


def init_worker() -> None:
    """The initializer of every worker process (run before its first task)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, _on_sigterm)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    if not parent.is_alive():
        os._exit(1)  # the parent died before this worker started
    watchdog = threading.Thread(target=_exit_with, args=(parent,), daemon=True)
    watchdog.start()


def _exit_with(parent) -> None:
    parent.join()  # returns when the parent's sentinel closes: the parent is gone
    os._exit(1)


def stop(pool: ProcessPoolExecutor) -> None:
    """Stop every worker of ``pool`` now: pending runs are cancelled, running ones end."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(STOP_SECONDS)
            if process.is_alive():
                process.kill()
                process.join(STOP_SECONDS)
    # Let the pool's manager thread see its workers gone and end, before the interpreter's
    # exit wakes it through a pipe it may be closing ("Bad file descriptor" at exit).
    if manager is not None:
        manager.join(STOP_SECONDS)


__all__ = ["guarded", "init_worker", "stop"]
