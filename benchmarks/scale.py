"""Benchmarks of issue 14: a sweep's memory, Dask against the process pool, `cdsim compare`.

    python benchmarks/scale.py                  # everything (several minutes)
    python benchmarks/scale.py --only memory    # memory, dask, compare (comma-separated)
    python benchmarks/scale.py --quick          # smaller sizes, one round

Prints each figure beside its target and writes them, with the machine and its load, to
``benchmarks/scale_results.json``. Asserts nothing about times (benchmarks print, tests
assert), but does assert that every executor gives the same numbers.

- **memory**: peak resident memory (``ru_maxrss``) of a fresh process running a
  metrics-only sweep of 1,000, 3,000 and 10,000 runs through the whole streamed path (a
  scenario built per point, runs on a 2-process pool, metrics sent back, each point
  summarised and written to a checkpoint, the table assembled): with *stub runs*, which
  return 26 seeded random metrics instead of simulating, since 10,000 real runs are about
  800 CPU-seconds; one real-run sweep beside them shows that real runs do not change the
  parent's memory.
- **dask**: the same real sweep on ``ProcessPoolExecutor(2)`` and on a ``LocalCluster``
  of 2 workers x 1 thread, alternating, best of the rounds; wall time; the same table.
- **compare**: ``cdsim compare`` on the default scenario, end to end (a subprocess, wall
  time), and its phases in this process: simulate, tables, charts.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from run import _proc_stat, figure, machine, section, wait_for_quiet  # noqa: E402

import cdsim  # noqa: E402


def _tree_cpu() -> float:
    """CPU seconds of this process and of every live or ended descendant (pool workers,
    Dask's spawned workers and nannies)."""
    import psutil  # comes with dask[distributed]

    me = psutil.Process()
    total = sum(me.cpu_times()[:4])  # user, system, children's user, children's system
    for child in me.children(recursive=True):
        with contextlib.suppress(psutil.Error):
            total += sum(child.cpu_times()[:2])
    return total


class CpuShare:
    """Cores the machine kept busy during a block: ``ours`` (this process and all its
    descendants, alive or not) and ``others`` (everything else on the machine)."""

    def __enter__(self):
        self._stat, self._cpu, self._wall = _proc_stat(), _tree_cpu(), time.perf_counter()
        return self

    def __exit__(self, *exc) -> None:
        total, idle = (a - b for a, b in zip(_proc_stat(), self._stat, strict=True))
        wall = time.perf_counter() - self._wall
        busy = (total - idle) / total * (os.cpu_count() or 1) if total else 0.0
        self.ours = (_tree_cpu() - self._cpu) / wall if wall else 0.0
        self.others = max(0.0, busy - self.ours)


TARGETS = {"memory_mb": 500.0, "dask_ratio": 0.85, "compare_s": 4.0}
RESULTS: list = []


def stub_metrics(task) -> dict:
    """A stand-in for one run: 26 metrics drawn from the task's own seed, no simulation."""
    import numpy as np

    scenario, practice, seed, replication = task
    rng = np.random.default_rng([seed, replication, cdsim.PRACTICES.index(practice)])
    return {m: float(v) for m, v in zip(cdsim.METRICS, rng.random(len(cdsim.METRICS)), strict=True)}


def memory_point(runs: int, stub: bool, points: int | None = None) -> dict:
    """In a fresh process: a sweep of about ``runs`` runs (over ``points`` points, else
    15 runs a point); its peak memory."""
    import numpy as np

    from cdsim import sweeping

    if stub:
        sweeping.run_metrics = stub_metrics  # the forked workers inherit it
    scenario = cdsim.load_scenario("classroom")
    points = points or max(1, round(runs / 15))
    replications = max(1, round(runs / points / 3))
    vary = {"approval.delay.mean_hours": [float(x) for x in np.linspace(0.5, 48, points)]}
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        table = cdsim.sweep(
            scenario,
            vary,
            replications=replications,
            jobs=2,
            checkpoint=str(Path(folder) / "progress"),
            max_changes=10**9,  # 10,000 classroom runs are over the default work limit
        )
    return {
        "runs": points * 3 * replications,
        "points": points,
        "stub": stub,
        "rows": len(table),
        "seconds": time.perf_counter() - start,
        "rss_before_mb": before,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def memory(quick: bool) -> dict:
    section("Memory: a metrics-only sweep, peak RSS of the parent process")
    sizes = (300, 1000) if quick else (1000, 3000, 10000)
    rows = []
    specs = [{"runs": n, "stub": True} for n in sizes]  # more points, 5 replications each
    specs += [
        {"runs": n, "stub": True, "points": 67} for n in sizes
    ]  # 67 points, more replications
    specs.append({"runs": 90 if quick else 300, "stub": False})
    for spec in specs:
        stub = spec["stub"]
        spec = json.dumps(spec)
        out = subprocess.run(
            [sys.executable, __file__, "--memory-point", spec],
            capture_output=True,
            text=True,
            check=True,
        )
        row = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append(row)
        kind = "stub" if stub else "real"
        figure(
            f"{row['runs']:,} {kind} runs, {row['points']} points, peak RSS ({row['seconds']:.0f} s)",
            row["peak_rss_mb"],
            f"< {TARGETS['memory_mb']:.0f}",
            row["peak_rss_mb"] < TARGETS["memory_mb"],
            "MB",
        )
    growth = {}
    for label, series in (
        ("more points", rows[: len(sizes)]),
        ("more replications", rows[len(sizes) : 2 * len(sizes)]),
    ):
        slope = (series[-1]["peak_rss_mb"] - series[0]["peak_rss_mb"]) / (
            series[-1]["runs"] - series[0]["runs"]
        )
        growth[label] = slope * 1000
        figure(f"growth per 1,000 more runs, {label}", slope * 1000, "flat", None, "MB")
    return {"rows": rows, "mb_per_1000_runs": growth}


def _real_sweep(executor):
    scenario = cdsim.load_scenario("classroom")
    vary = {"build.runners": [1, 2], "approval.delay.mean_hours": [1, 4, 8, 16]}
    return cdsim.sweep(scenario, vary, replications=5, executor=executor)  # 120 runs


def dask_vs_pool(rounds: int) -> dict:
    import concurrent.futures as cf
    import logging

    import dask
    from distributed import Client, LocalCluster

    from cdsim.executors import LEAN_DASK

    section("Dask LocalCluster(2 x 1) against ProcessPoolExecutor(2), a 120-run sweep")
    times: dict[str, list] = {"pool": [], "dask": []}
    others: dict[str, list] = {"pool": [], "dask": []}
    tables = {}
    started = time.perf_counter()
    with dask.config.set(LEAN_DASK):
        cluster = LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=None,
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            silence_logs=logging.ERROR,
        )
    client = Client(cluster)
    start_s = time.perf_counter() - started
    executors = {"pool": cf.ProcessPoolExecutor(2), "dask": client.get_executor(pure=False)}
    try:
        for ex in executors.values():  # warm up: workers import cdsim
            _real_sweep(ex)
        for _ in range(rounds):
            for name, ex in executors.items():
                wait_for_quiet(30)
                with CpuShare() as share:
                    t0 = time.perf_counter()
                    tables[name] = _real_sweep(ex)
                    times[name].append(time.perf_counter() - t0)
                others[name].append(share.others)
    finally:
        executors["pool"].shutdown()
        client.close()
        cluster.close()
    assert tables["pool"].equals(tables["dask"]), "Dask and the pool disagree"
    print("  the same table on both (DataFrame.equals)")
    for name in times:
        print(
            f"  {name}: "
            + ", ".join(
                f"{t:.2f} s (others {o:.2f} cores)"
                for t, o in zip(times[name], others[name], strict=True)
            )
        )
    ratio = min(times["pool"]) / min(times["dask"])
    figure("pool, best", min(times["pool"]), "-", None, "s")
    figure("dask, best", min(times["dask"]), "-", None, "s")
    figure("dask throughput / pool throughput", ratio, ">= 0.85", ratio >= TARGETS["dask_ratio"])
    figure("LocalCluster start", start_s, "-", None, "s")
    return {"times": times, "others_cores": others, "ratio": ratio, "cluster_start_s": start_s}


def _compare_end_to_end(pythonpath: str | None) -> tuple[float, float]:
    """``cdsim compare -q`` in a subprocess (with ``pythonpath``: another cdsim's checkout),
    its wall time and the cores other processes used meanwhile."""
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    with tempfile.TemporaryDirectory() as folder:
        with CpuShare() as share:
            t0 = time.perf_counter()
            result = subprocess.run(
                [sys.executable, "-m", "cdsim", "compare", "-q", "-o", f"{folder}/out"],
                capture_output=True,
                text=True,
                env=env,
            )
            wall = time.perf_counter() - t0
        assert result.returncode == 0, result.stderr
    return wall, share.others


def compare_phases(rounds: int, baseline: str | None = None) -> dict:
    """The default comparison's phases in this process, as the command runs them."""
    import matplotlib

    matplotlib.use("Agg")
    from cdsim.cli.drawing import draw_gallery
    from cdsim.cli.writing import TABLES, comparison_tables
    from cdsim.output import write_table

    section("cdsim compare on the default scenario (20 replications, charts)")
    scenario = cdsim.load_scenario("default")
    phases: dict[str, list] = {}

    def timed(name, fn):
        t0 = time.perf_counter()
        value = fn()
        phases.setdefault(name, []).append(time.perf_counter() - t0)
        return value

    ends, before = [], []
    for _ in range(rounds):
        wait_for_quiet(30)
        ends.append(_compare_end_to_end(None))
        if baseline:
            wait_for_quiet(30)
            before.append(_compare_end_to_end(baseline))
        with tempfile.TemporaryDirectory() as folder:
            res = timed("simulate (jobs=2)", lambda: cdsim.compare(scenario, 20, seed=1, jobs=2))
            for label, names in (
                ("tables, standard", comparison_tables("standard")),
                ("tables, all (changes.csv too)", TABLES),
            ):
                timed(
                    label,
                    lambda n=names, r=res: [
                        write_table(getattr(r, t), Path(folder) / t) for t in n
                    ],
                )
            for jobs in (1, 2):
                timed(
                    f"charts, {jobs} process{'es' if jobs > 1 else ''}",
                    lambda j=jobs, r=res: draw_gallery(
                        r, Path(folder), "en", ("png", "svg"), jobs=j
                    ),
                )
    for wall, busy in ends:
        print(f"  cdsim compare end to end: {wall:.2f} s (others {busy:.2f} cores)")
    for wall, busy in before:
        print(f"  the same with {baseline}: {wall:.2f} s (others {busy:.2f} cores)")
    best = min(w for w, _ in ends)
    figure("cdsim compare end to end, best", best, "< 4", best < TARGETS["compare_s"], "s")
    for name, values in phases.items():
        figure(f"  {name}, best", min(values), "-", None, "s")
    if before:
        figure(
            f"cdsim compare end to end, best, {baseline}", min(w for w, _ in before), "-", None, "s"
        )
    return {
        "end_to_end": ends,
        "baseline": baseline,
        "baseline_end_to_end": before,
        "phases": phases,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", default="memory,dask,compare")
    parser.add_argument("--out", type=Path, default=HERE / "scale_results.json")
    parser.add_argument("--baseline", help="a checkout of another cdsim to time compare against")
    parser.add_argument("--memory-point", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_point:
        spec = json.loads(args.memory_point)
        print(json.dumps(memory_point(spec["runs"], spec["stub"], spec.get("points"))))
        return 0
    report = {"machine": machine(), "targets": TARGETS}
    only = set(args.only.split(","))
    rounds = 1 if args.quick else 3
    sections = {
        "memory": lambda: memory(args.quick),
        "dask": lambda: dask_vs_pool(rounds),
        "compare": lambda: compare_phases(rounds, args.baseline),
    }
    for name, measure in sections.items():
        if name in only:
            with CpuShare() as share:
                report[name] = measure()
            report[name]["others_cores_section"] = share.others
            print(f"  (other processes kept {share.others:.2f} cores busy during {name})")
    report["machine"]["load_average_at_end"] = os.getloadavg()
    args.out.write_text(json.dumps(report, indent=2, default=str) + "\n")
    print(f"\nwritten to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
