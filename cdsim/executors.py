"""Where the runs of an experiment go: an executor, and the stream of their results.

Any :class:`concurrent.futures.Executor` runs cdsim's runs: the local process pool (the
default), a Dask cluster (``client.get_executor(pure=False)``; :func:`open_executor` with
``scheduler=`` or ``dask=True``), a thread pool, or one of the user's own. :func:`stream`
sends the runs a few at a time (a chunk), keeps a bounded window of chunks in flight, and
yields each result with its task's index as it arrives: the tasks may come from a
generator, so a sweep of 10,000 runs never exists as 10,000 scenarios in memory, and a
cluster never holds more than the window. Results arrive in any order; the caller puts
them back in task order before any arithmetic, so the numbers never depend on the
executor (same seed, same bytes).

Dask is imported only here, and only when a Dask executor is asked for (``pip install
"cdsim[dask]"``). See docs/scaling.md.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from cdsim import workers
from cdsim.errors import ExecutionError, InputError
from cdsim.identity import fingerprint

POOL_CHUNK = 3
"""Runs sent to a local worker process at a time."""
DASK_CHUNK = 10
"""Runs sent to a Dask worker at a time: each task costs the scheduler about a millisecond
and a round trip, a run about 70 ms of work (docs/scaling.md)."""
WINDOW_PER_WORKER = 4
"""Chunks in flight per worker: enough to keep every worker busy, few enough that memory
stays flat."""
CONNECT_SECONDS = 10.0
"""How long to try to reach a Dask scheduler before giving up (the environment variable
``CDSIM_DASK_CONNECT_SECONDS`` changes it)."""
LEAN_DASK = {
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "1s",
}
"""Less background work in a local Dask cluster's processes (they share the cores with
the runs); see docs/scaling.md."""


def default_jobs() -> int:
    return os.cpu_count() or 1


def _run_chunk(fn: Callable[[Any], Any], chunk: list[tuple[int, Any]]) -> list[tuple[int, Any]]:
    """In a worker: run every task of a chunk, keeping each task's index (a local worker
    asked to stop ends at once inside a run, never while sending: cdsim/workers.py)."""
    return [(i, workers.guarded(fn, task)) for i, task in chunk]


def _chunks(tasks: Iterable[Any], size: int) -> Iterator[list[tuple[int, Any]]]:
    chunk: list[tuple[int, Any]] = []
    for item in enumerate(tasks):
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def is_dask(executor: cf.Executor | None) -> bool:
    """Whether ``executor`` is a Dask client's executor (told without importing Dask)."""
    return executor is not None and type(executor).__module__.startswith("distributed")


def worker_slots(executor: cf.Executor | None) -> int:
    """How many runs ``executor`` can run at once (1 for None: this process)."""
    if executor is None:
        return 1
    if is_dask(executor):
        client = getattr(executor, "_client", None)
        with contextlib.suppress(Exception):
            return max(1, sum(client.nthreads().values()))
        return default_jobs()
    return max(1, int(getattr(executor, "_max_workers", 0) or default_jobs()))


def chunking(executor: cf.Executor | None, tasks: int) -> tuple[int, int]:
    """(runs per chunk, chunks in flight) for ``tasks`` runs on ``executor``.

    Chunks of a few runs mean fewer round trips; at least two chunks per worker keep the
    work left at the end shared. Chunking never changes a number, only the speed.
    """
    slots = worker_slots(executor)
    biggest = DASK_CHUNK if is_dask(executor) else POOL_CHUNK
    size = max(1, min(biggest, tasks // (2 * slots)))
    return size, max(2, WINDOW_PER_WORKER * slots)


def stream(
    executor: cf.Executor | None,
    fn: Callable[[Any], Any],
    tasks: Iterable[Any],
    *,
    chunksize: int = 1,
    window: int = 8,
) -> Iterator[tuple[int, Any]]:
    """Yield ``(index, fn(task))`` for every task, in the order they finish.

    ``executor`` None runs them here, one after another, in order. Otherwise at most
    ``window`` chunks of ``chunksize`` tasks are in flight; when the generator is closed or
    a run fails, the chunks not yet started are cancelled. A lost worker process or
    cluster becomes an :class:`~cdsim.errors.ExecutionError`; an error inside a run is
    raised as it is.
    """
    if executor is None:
        for i, task in enumerate(tasks):
            yield i, fn(task)
        return
    pending: set[cf.Future] = set()
    try:
        for chunk in _chunks(tasks, chunksize):
            pending.add(_submit(executor, fn, chunk))
            if len(pending) >= window:
                done, pending = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
                for future in done:
                    yield from _result(future)
        while pending:
            done, pending = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
            for future in done:
                yield from _result(future)
    finally:
        for future in pending:
            future.cancel()


def _submit(executor: cf.Executor, fn, chunk) -> cf.Future:
    try:
        return executor.submit(_run_chunk, fn, chunk)
    except cf.BrokenExecutor:
        raise ExecutionError("error.executor.pool_lost") from None
    except RuntimeError as error:  # a shut-down executor, a closed Dask client
        raise ExecutionError("error.executor.closed", reason=str(error)) from None


def _result(future: cf.Future) -> list[tuple[int, Any]]:
    try:
        return future.result()
    except cf.BrokenExecutor:
        raise ExecutionError("error.executor.pool_lost") from None
    except cf.CancelledError:  # not by us: a Dask scheduler that went away cancels all
        raise ExecutionError("error.executor.cluster_lost") from None
    except Exception as error:
        if type(error).__name__ == "KilledWorker":  # distributed.KilledWorker
            raise ExecutionError("error.executor.killed_worker") from None
        raise


@contextlib.contextmanager
def local_pool(processes: int) -> Iterator[cf.Executor]:
    """A process pool of ``processes`` workers that die with this process; on an error or
    an interruption they are stopped at once, not waited for (cdsim/workers.py)."""
    pool = cf.ProcessPoolExecutor(max_workers=processes, initializer=workers.init_worker)
    try:
        yield pool
    except BaseException:
        workers.stop(pool)
        raise
    pool.shutdown(wait=True)


@contextlib.contextmanager
def using(
    executor: cf.Executor | None, jobs: int | None, tasks: int
) -> Iterator[cf.Executor | None]:
    """The executor to run ``tasks`` runs on: ``executor`` when given (never shut down
    here), else None (this process) for one job or one run, else a local process pool of
    ``jobs`` processes (None: every core), no more than the runs."""
    if executor is not None:
        yield executor
        return
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    processes = min(jobs, tasks)
    if processes <= 1:
        yield None
        return
    with local_pool(processes) as pool:
        yield pool


@contextlib.contextmanager
def open_executor(
    jobs: int | None = None,
    scheduler: str | None = None,
    dask: bool = False,
    connect_seconds: float | None = None,
) -> Iterator[cf.Executor | None]:
    """The executor the command line asks for, closed afterwards.

    ``scheduler="tcp://host:8786"``: the Dask cluster there (its workers must run the same
    cdsim); ``dask=True``: a local Dask cluster of ``jobs`` workers (None, or more than
    the cores: one per core);
    otherwise None, for :func:`using` to choose this process or the process pool.
    """
    if not scheduler and not dask:
        yield None
        return
    try:
        import dask as dask_module
        from distributed import Client, LocalCluster
    except ImportError:
        raise InputError("error.dask.missing") from None
    cluster = None
    if scheduler:
        if connect_seconds is None:
            connect_seconds = float(os.environ.get("CDSIM_DASK_CONNECT_SECONDS", CONNECT_SECONDS))
        client = _connect(Client, scheduler, connect_seconds)
    else:
        with dask_module.config.set(LEAN_DASK):
            cluster = LocalCluster(
                n_workers=min(jobs or default_jobs(), default_jobs()),  # one per core at most
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                silence_logs=logging.ERROR,
            )
        client = Client(cluster)
    try:
        if scheduler:
            _check_workers(client, scheduler)
        yield client.get_executor(pure=False)
    finally:
        with contextlib.suppress(Exception):
            client.close()
        if cluster is not None:
            with contextlib.suppress(Exception):
                cluster.close()


def _connect(client_class, address: str, seconds: float):
    try:
        return client_class(address, timeout=seconds)
    except (OSError, TimeoutError):
        raise InputError("error.dask.unreachable", address=address, seconds=seconds) from None
    except (ValueError, TypeError) as error:
        raise InputError("error.dask.address", address=address, reason=str(error)) from None


def _check_workers(client, address: str) -> None:
    """Refuse a cluster without workers, or whose workers run another cdsim."""
    if not client.nthreads():
        raise InputError("error.dask.no_workers", address=address)
    mine = fingerprint()
    theirs = client.run(fingerprint, on_error="return")
    for worker, identity in sorted(theirs.items()):
        if isinstance(identity, BaseException) or tuple(identity) != mine:
            shown = identity if isinstance(identity, BaseException) else "/".join(identity)
            raise InputError(
                "error.dask.other_cdsim",
                worker=worker,
                theirs=str(shown),
                mine="/".join(mine),
            )


__all__ = [
    "chunking",
    "default_jobs",
    "is_dask",
    "local_pool",
    "open_executor",
    "stream",
    "using",
    "worker_slots",
]
