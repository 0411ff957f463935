"""Dask: one local cluster (2 workers) for the module; the pool and Dask give the same
CSV bytes; the command line reaches it with --scheduler; bad addresses and an unreachable
scheduler are one message and exit 2; a run that kills its workers is exit 1.

The workers are separate processes started with ``spawn``: they import cdsim the way a
worker on another machine would (PYTHONPATH is passed on to them).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import cdsim
from cdsim.cli import cli
from cdsim.errors import ExecutionError, InputError
from cdsim.executors import LEAN_DASK, open_executor, stream
from cdsim.output import write_table

distributed = pytest.importorskip("distributed")
dask = pytest.importorskip("dask")

SMALL = ["--set", "days=15", "--set", "warmup_days=2", "--replications", "2"]
ENV = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "MPLBACKEND": "Agg"}


def cdsim_cmd(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cdsim", *args],
        capture_output=True,
        text=True,
        env={**ENV, **(env or {})},
        timeout=300,
    )


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), env={k: ENV[k] for k in ("LANG", "LC_ALL")})


@pytest.fixture(scope="module")
def cluster():
    # a run that kills its worker is given up after 2 tries (Dask's default: 4)
    with dask.config.set({**LEAN_DASK, "distributed.scheduler.allowed-failures": 1}):
        local = distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            silence_logs=logging.ERROR,
        )
    yield local
    local.close()


@pytest.fixture(scope="module")
def client(cluster):
    with distributed.Client(cluster) as connected:
        yield connected


def test_the_pool_and_dask_write_the_same_csv_bytes(cluster, client, tmp_path):
    """The same comparison on the process pool and on the cluster (--scheduler) writes
    the same bytes in every table; so does a sweep through the API."""
    address = cluster.scheduler_address
    outs = []
    for where in (["--jobs", "2"], ["--scheduler", address]):
        out = tmp_path / f"compare{len(outs)}"
        result = cdsim_cmd("compare", *SMALL, *where, "--no-charts", "-o", str(out))
        assert result.returncode == 0, result.stderr
        outs.append(out)
    assert f"on the Dask cluster at {address}" in result.stderr
    tables = sorted(p.name for p in outs[0].glob("*.csv"))
    assert tables == sorted(p.name for p in outs[1].glob("*.csv")) and tables
    for name in tables:
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name
    small = cdsim.load_scenario("default").with_values({"days": 15, "warmup_days": 2})
    vary = {"build.runners": [1, 2], "approval.delay.mean_hours": [1, 8]}
    on_pool = cdsim.sweep(small, vary, replications=2, jobs=2)
    on_dask = cdsim.sweep(small, vary, replications=2, executor=client.get_executor(pure=False))
    assert write_table(on_pool, tmp_path / "pool").read_bytes() == (
        write_table(on_dask, tmp_path / "dask").read_bytes()
    )


def test_the_api_takes_a_dask_executor(client):
    small = cdsim.load_scenario("classroom").with_values({"days": 15})
    executor = client.get_executor(pure=False)
    on_dask = cdsim.compare(small, replications=2, seed=5, executor=executor)
    here = cdsim.compare(small, replications=2, seed=5, jobs=1)
    for name in ("summary", "runs", "deployments"):
        assert getattr(on_dask, name).equals(getattr(here, name)), name


def test_an_unreachable_scheduler_is_one_message_and_exit_2(monkeypatch):
    monkeypatch.setenv("CDSIM_DASK_CONNECT_SECONDS", "1")
    started = time.monotonic()
    result = invoke("compare", *SMALL, "--scheduler", "tcp://127.0.0.1:9", "-o", "never-written")
    assert result.exit_code == 2, result.output
    assert "Error: cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr
    assert "Traceback" not in result.stderr and not Path("never-written").exists()
    assert time.monotonic() - started < 30
    pt = invoke("compare", *SMALL, "--scheduler", "127.0.0.1:9", "--lang", "pt", "-o", "x")
    assert pt.exit_code == 2 and "não foi possível alcançar o scheduler" in pt.stderr


def test_bad_scheduler_options_are_refused_before_any_run():
    both = invoke("compare", *SMALL, "--dask", "--scheduler", "tcp://127.0.0.1:9")
    assert both.exit_code == 2 and "not both" in both.output
    with (
        pytest.raises(InputError, match="not a Dask scheduler's address"),
        open_executor(scheduler="nonsense://here"),
    ):
        pass


def _kill_my_worker(task):
    os._exit(3)


def test_a_run_that_kills_its_workers_is_an_execution_error(client):
    """Dask retries a task whose worker died (allowed-failures), then gives up: that is
    a lost run, not bad input. The nanny restarts the workers for the next test."""
    executor = client.get_executor(pure=False)
    with pytest.raises(ExecutionError, match="ended every Dask worker"):
        list(stream(executor, _kill_my_worker, [1], chunksize=1, window=1))
    client.wait_for_workers(2, timeout=60)


def test_dask_starts_a_local_cluster_and_closes_it(tmp_path):
    out = tmp_path / "local"
    result = invoke("compare", *SMALL, "--dask", "--jobs", "2", "--no-charts", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "a local Dask cluster of 2 workers" in result.stderr
    assert (out / "summary.csv").exists()
