"""How cdsim reaches a Dask scheduler and checks its workers, with a fake client.

The real cluster is tested in tests/test_dask.py (slow: it starts one); these check the
words and the decisions of cdsim/executors.py without Dask.
"""

from __future__ import annotations

import concurrent.futures as cf

import pytest

from cdsim import executors
from cdsim.errors import ExecutionError, InputError
from cdsim.identity import fingerprint


class FakeClient:
    """What ``_check_workers`` asks of a Dask client: its workers' threads, and a
    function run on every worker (here: each worker's answer, given)."""

    def __init__(self, answers: dict[str, object], threads: int = 1) -> None:
        self.answers = answers
        self.threads = threads
        self.asked: list[tuple] = []

    def nthreads(self) -> dict[str, int]:
        return {worker: self.threads for worker in self.answers}

    def run(self, function, on_error):
        self.asked.append((function, on_error))
        return self.answers


ADDRESS = "tcp://cluster:8786"


def test_a_cluster_whose_workers_run_this_cdsim_is_accepted():
    mine = fingerprint()
    client = FakeClient({"tcp://w1:1": mine, "tcp://w2:1": list(mine)})
    executors._check_workers(client, ADDRESS)
    assert client.asked == [(fingerprint, "return")]  # errors come back, not raised


def test_a_cluster_without_workers_is_refused_saying_how_to_start_one():
    with pytest.raises(InputError) as refused:
        executors._check_workers(FakeClient({}), ADDRESS)
    assert str(refused.value) == (
        f"the Dask scheduler at {ADDRESS} has no workers; start some with: dask worker {ADDRESS}"
    )


def test_a_worker_with_another_cdsim_is_named_with_both_versions():
    version, digest = fingerprint()
    client = FakeClient({"tcp://w2:1": (version, "0123456789ab"), "tcp://w1:1": (version, digest)})
    with pytest.raises(InputError) as refused:
        executors._check_workers(client, ADDRESS)
    assert str(refused.value).startswith(
        f"the Dask worker tcp://w2:1 does not run this cdsim ({version}/0123456789ab; "
        f"here: {version}/{digest}); install the same cdsim"
    )


def test_a_worker_that_cannot_answer_is_named_with_its_error():
    client = FakeClient({"tcp://w1:1": fingerprint(), "tcp://w9:1": ImportError("no cdsim")})
    with pytest.raises(InputError, match=r"worker tcp://w9:1 does not run this cdsim \(no cdsim;"):
        executors._check_workers(client, ADDRESS)


def test_the_first_mismatching_worker_in_name_order_is_named():
    client = FakeClient({"tcp://b:1": ("0", "x"), "tcp://a:1": ("0", "y")})
    with pytest.raises(InputError, match=r"worker tcp://a:1 does not run this cdsim \(0/y;"):
        executors._check_workers(client, ADDRESS)


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (
            OSError("connection refused"),
            f"cannot reach the Dask scheduler at {ADDRESS} (tried for 2.5 s): is",
        ),
        (TimeoutError("timed out"), f"cannot reach the Dask scheduler at {ADDRESS} (tried"),
        (ValueError("unknown scheme"), f"{ADDRESS!r} is not a Dask scheduler's address "),
        (TypeError("bad port"), "(bad port); write it like tcp://host:8786"),
    ],
)
def test_a_scheduler_that_cannot_be_reached_is_one_message(error, message):
    calls = []

    def client_class(address, timeout):
        calls.append((address, timeout))
        raise error

    with pytest.raises(InputError) as refused:
        executors._connect(client_class, ADDRESS, 2.5)
    assert message in str(refused.value)
    assert calls == [(ADDRESS, 2.5)]


def test_a_reachable_scheduler_gives_its_client():
    made = executors._connect(lambda address, timeout: (address, timeout), ADDRESS, 3.0)
    assert made == (ADDRESS, 3.0)


# ---------------------------------------------------- an executor that fails, in words
class FailingExecutor(cf.Executor):
    """Raises ``on_submit`` when a chunk is submitted, or gives a future that raises
    ``on_result``."""

    def __init__(self, on_submit=None, on_result=None) -> None:
        self.on_submit = on_submit
        self.on_result = on_result

    def submit(self, fn, *args, **kwargs):
        if self.on_submit is not None:
            raise self.on_submit
        future = cf.Future()
        if isinstance(self.on_result, cf.CancelledError):
            future.cancel()  # as a scheduler that went away does to every future
            future.set_running_or_notify_cancel()
        else:
            future.set_exception(self.on_result)
        return future


class KilledWorker(Exception):
    """Named as distributed's (told by name, without importing Dask)."""


@pytest.mark.parametrize(
    ("executor", "message"),
    [
        (
            FailingExecutor(on_submit=cf.BrokenExecutor("gone")),
            "^a worker process stopped before its runs were done",
        ),
        (
            FailingExecutor(on_submit=RuntimeError("cannot schedule new futures")),
            r"^the executor takes no more runs \(cannot schedule new futures\)$",
        ),
        (
            FailingExecutor(on_result=cf.BrokenExecutor("gone")),
            "^a worker process stopped before its runs were done",
        ),
        (
            FailingExecutor(on_result=cf.CancelledError()),
            "^the Dask scheduler went away before the runs were done$",
        ),
        (
            FailingExecutor(on_result=KilledWorker("task")),
            "^a run ended every Dask worker that tried it",
        ),
    ],
)
def test_an_executor_that_fails_is_an_execution_error_in_words(executor, message):
    with pytest.raises(ExecutionError, match=message) as caught:
        list(executors.stream(executor, str, range(3), chunksize=1, window=2))
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_an_error_inside_a_run_is_raised_as_it_is():
    with pytest.raises(ZeroDivisionError):
        list(executors.stream(FailingExecutor(on_result=ZeroDivisionError()), str, range(2)))


# ------------------------------------------- a Dask executor, told without importing Dask
class DaskLike(cf.Executor):
    """Stands in for distributed's ClientExecutor: told by its module, and it reports its
    cluster's threads through its client."""

    def __init__(self, threads: dict[str, int] | None) -> None:
        self._client = None if threads is None else FakeClient(dict.fromkeys(threads))
        if threads is not None:
            self._client.nthreads = lambda: threads


DaskLike.__module__ = "distributed.client"


def test_a_dask_executor_is_told_by_its_module_and_counts_its_clusters_threads():
    assert not executors.is_dask(None)
    assert not executors.is_dask(cf.ThreadPoolExecutor(1))
    dask_like = DaskLike({"tcp://w1:1": 2, "tcp://w2:1": 3})
    assert executors.is_dask(dask_like)
    assert executors.worker_slots(dask_like) == 5
    assert executors.worker_slots(None) == 1
    assert executors.worker_slots(cf.ThreadPoolExecutor(3)) == 3
    # a client that cannot say: one slot per core here
    assert executors.worker_slots(DaskLike(None)) == executors.default_jobs()
    # a user's own executor, that does not say how many workers it has: one per core
    assert executors.worker_slots(FailingExecutor()) == executors.default_jobs()


@pytest.mark.parametrize(
    ("slots", "tasks", "dask", "expected"),
    [
        # chunks: tasks // (2 slots), at least 1, at most 3 (pool) or 10 (Dask);
        # window: 4 chunks per slot, at least 2
        (1, 100, False, (3, 4)),
        (2, 10, False, (2, 8)),
        (4, 4, False, (1, 16)),
        (2, 1000, True, (10, 8)),
        (2, 20, True, (5, 8)),
    ],
)
def test_runs_are_chunked_by_slots_and_executor_kind(slots, tasks, dask, expected):
    executor = DaskLike({"w": slots}) if dask else cf.ThreadPoolExecutor(slots)
    assert executors.chunking(executor, tasks) == expected
    assert executors.chunking(None, 100) == (3, 4)
