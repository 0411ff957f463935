"""cdsim benchmarks: throughput, scaling, parallel replications, the explorer's update.

    python benchmarks/run.py            # the full run (a few minutes)
    python benchmarks/run.py --quick    # smaller sizes and fewer repeats (under a minute)
    python benchmarks/run.py --only throughput,parallel

Prints every figure next to its target (issue 6) and writes them all, with the machine,
to ``benchmarks/results.json`` (``--out`` to change). It asserts nothing about times: a
missed target is printed as MISSED, and ``docs/performance.md`` explains it.

Method, in short (details in docs/performance.md):

- single-process figures (throughput, scaling) are CPU seconds of the process
  (``time.process_time``), best of several repeats, so that other work on a shared
  machine disturbs them little; wall-clock best is printed beside them;
- the parallel and explorer figures are wall-clock (``time.perf_counter``), since waiting
  is what they are about; the load average is recorded with them;
- memory is measured in a fresh process per run size: peak resident set size
  (``resource.getrusage``) and peak traced Python allocations (``tracemalloc``).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from bare_pipeline import BareSettings, run_bare  # noqa: E402

import cdsim  # noqa: E402
import cdsim.simulation  # noqa: E402
from cdsim import load_scenario  # noqa: E402
from cdsim.records import Recorder  # noqa: E402

TARGETS = {
    "ratio": 0.5,  # cdsim changes/s over bare changes/s, at least
    "flat": 0.20,  # cost per change: (max - min) / min across sizes, at most
    "memory_mb": 500.0,  # peak RSS of a ~100k-change run, under
    "linear_r2": 0.99,  # peak traced memory against changes, straight line
    "speedup": 1.7,  # compare(jobs=2) over compare(jobs=1), at least
    "explorer_s": 0.5,  # one explorer update, classroom preset, under
}
RESULTS: list[dict] = []  # one row per figure: name, value, target, met


# -- reporting ---------------------------------------------------------------------------


def figure(name: str, value: float, target: str, met: bool | None, unit: str = "") -> None:
    verdict = "" if met is None else ("met" if met else "MISSED")
    RESULTS.append({"figure": name, "value": value, "unit": unit, "target": target, "met": met})
    shown = f"{value:,.3f}" if abs(value) < 100 else f"{value:,.0f}"
    print(f"  {name:<58} {shown:>12} {unit:<10} target {target:<12} {verdict}", flush=True)


def section(title: str) -> None:
    print(f"\n== {title} " + "=" * max(0, 80 - len(title)), flush=True)


def _proc_stat() -> tuple[int, int]:
    """(all jiffies, idle jiffies) of the whole machine, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return sum(values), values[3] + values[4]


def _our_cpu() -> float:
    """CPU seconds of this process and of its children that have ended."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class CpuShare:
    """How many cores the whole machine kept busy during a block, and how many were ours.

    ``others`` (cores used by other processes) tells whether a wall-clock figure was
    disturbed: the machine is shared with other developers' tests and runs.
    """

    def __enter__(self) -> CpuShare:
        self._stat, self._cpu, self._wall = _proc_stat(), _our_cpu(), time.perf_counter()
        return self

    def __exit__(self, *exc) -> None:
        total, idle = (a - b for a, b in zip(_proc_stat(), self._stat, strict=True))
        wall = time.perf_counter() - self._wall
        cores = os.cpu_count() or 1
        self.busy = (total - idle) / total * cores if total else 0.0
        self.ours = (_our_cpu() - self._cpu) / wall if wall else 0.0
        self.others = max(0.0, self.busy - self.ours)


def wait_for_quiet(max_seconds: float, others_cores: float = 0.15) -> float:
    """Wait (up to ``max_seconds``) until other processes use under ``others_cores``
    cores over one second; returns what they used in the last second."""
    deadline = time.perf_counter() + max_seconds
    while True:
        with CpuShare() as share:
            time.sleep(1.0)
        if share.others < others_cores or time.perf_counter() > deadline:
            return share.others


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = {}
    for package in ("simpy", "numpy", "pandas", "matplotlib", "ipywidgets", "pydantic"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        commit = ""
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu_model": cpu,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cdsim": cdsim.__version__,
        "git_commit": commit,
        "versions": versions,
        "load_average_at_start": os.getloadavg(),
    }


# -- 1. throughput ------------------------------------------------------------------------


class PhaseClock:
    """CPU time spent in the table-building functions that ``simulate`` calls.

    Wraps the names in :mod:`cdsim.simulation` (and ``Recorder.events_table``) for the
    duration of a ``with`` block; ``simulate`` itself is the unmodified public function.
    """

    TABLES = ("changes_table", "deployments_table", "incidents_table")

    def __init__(self) -> None:
        self.seconds = {"generate": 0.0, "tables": 0.0}

    def _timed(self, phase: str, function):
        def wrapper(*args, **kwargs):
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[phase] += time.process_time() - start

        return wrapper

    def __enter__(self) -> PhaseClock:
        self._saved = {name: getattr(cdsim.simulation, name) for name in self.TABLES}
        self._saved["generate_changes"] = cdsim.simulation.generate_changes
        for name in self.TABLES:
            setattr(cdsim.simulation, name, self._timed("tables", self._saved[name]))
        cdsim.simulation.generate_changes = self._timed("generate", self._saved["generate_changes"])
        self._events_table = Recorder.events_table
        Recorder.events_table = self._timed("tables", self._events_table)
        return self

    def __exit__(self, *exc) -> None:
        for name, function in self._saved.items():
            setattr(cdsim.simulation, name, function)
        Recorder.events_table = self._events_table


def simpy_events(function, *args, **kwargs) -> int:
    """SimPy events processed by ``function(*args, **kwargs)`` (an extra, untimed run)."""
    import simpy

    original = simpy.Environment.step
    count = 0

    def counting_step(env):
        nonlocal count
        count += 1
        return original(env)

    simpy.Environment.step = counting_step
    try:
        function(*args, **kwargs)
    finally:
        simpy.Environment.step = original
    return count


def throughput(repeats: int) -> dict:
    section("1. Throughput: changes simulated per second, default scenario")
    scenario = load_scenario("default")
    settings = BareSettings.from_scenario(scenario)
    horizon = scenario.model.days * 24.0
    out = {}
    for practice in cdsim.PRACTICES:
        cdsim.simulate(scenario, practice, seed=1)  # warm up (imports, caches)
        best = {"cpu": float("inf"), "wall": float("inf"), "bare_cpu": float("inf")}
        best_bare_wall = float("inf")
        phases = {}
        n = 0
        for repeat in range(repeats):
            with PhaseClock() as clock:
                wall, cpu = time.perf_counter(), time.process_time()
                run = cdsim.simulate(scenario, practice, seed=1, keep_events=True)
                cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            n = len(run.changes)
            if cpu < best["cpu"]:
                best["cpu"], phases = cpu, dict(clock.seconds)
            best["wall"] = min(best["wall"], wall)
            del run
            wall, cpu = time.perf_counter(), time.process_time()
            run_bare(settings, practice, n, horizon, seed=1 + repeat)
            best["bare_cpu"] = min(best["bare_cpu"], time.process_time() - cpu)
            best_bare_wall = min(best_bare_wall, time.perf_counter() - wall)
        rate = n / best["cpu"]
        bare_rate = n / best["bare_cpu"]
        events = simpy_events(cdsim.simulate, scenario, practice, seed=1)
        bare_events = simpy_events(run_bare, settings, practice, n, horizon, seed=1)
        sim_only = best["cpu"] - phases["tables"]
        out[practice] = {
            "changes": n,
            "simulate_cpu_s": best["cpu"],
            "simulate_wall_s": best["wall"],
            "generate_cpu_s": phases["generate"],
            "tables_cpu_s": phases["tables"],
            "bare_cpu_s": best["bare_cpu"],
            "bare_wall_s": best_bare_wall,
            "changes_per_s": rate,
            "changes_per_s_without_tables": n / sim_only,
            "bare_changes_per_s": bare_rate,
            "ratio": rate / bare_rate,
            "ratio_without_tables": (n / sim_only) / bare_rate,
            "simpy_events": events,
            "bare_simpy_events": bare_events,
            "us_per_event": (best["cpu"] - phases["tables"] - phases["generate"]) / events * 1e6,
            "bare_us_per_event": best["bare_cpu"] / bare_events * 1e6,
        }
        print(
            f"  {practice}: {n} changes; simulate() {best['cpu'] * 1000:.1f} ms CPU"
            f" ({best['wall'] * 1000:.1f} ms wall), of which tables"
            f" {phases['tables'] * 1000:.1f} ms and drawing the changes"
            f" {phases['generate'] * 1000:.1f} ms; bare {best['bare_cpu'] * 1000:.1f} ms"
        )
        print(
            f"  SimPy events: cdsim {events:,} ({out[practice]['us_per_event']:.2f} us each,"
            f" tables and drawing left out), bare {bare_events:,}"
            f" ({out[practice]['bare_us_per_event']:.2f} us each)"
        )
        figure(f"cdsim {practice}: changes/s (simulate + tables)", rate, "-", None, "changes/s")
        figure(f"cdsim {practice}: changes/s (without the tables)", n / sim_only, "-", None, "ch/s")
        figure(f"bare pipeline {practice}: changes/s", bare_rate, "-", None, "changes/s")
        figure(
            f"ratio cdsim/bare, {practice}",
            rate / bare_rate,
            f">= {TARGETS['ratio']}",
            rate / bare_rate >= TARGETS["ratio"],
        )
    return out


# -- 2. scaling -----------------------------------------------------------------------------

# Two ways a run grows from ~1k to ~100k changes (the default scenario has ~1,040):
# - horizon: the default team (8 developers, 2 runners) over a longer run; the schema
#   allows days <= 3650, so this series stops at 3,600 days (~63k changes);
# - team: the default 60 days with a bigger team, CI runners in proportion (2 per 8
#   developers) so that each runner sees the default load and the queues stay alike.
# Both start from the default scenario itself (k = 1), measured once.
SERIES = {
    "horizon": lambda k: {"days": 60 * k, "developers": 8, "runners": 2},
    "team": lambda k: {"days": 60, "developers": 8 * k, "runners": 2 * k},
}
FULL_SCALES = {"horizon": (1, 3, 10, 30, 60), "team": (1, 3, 10, 30, 100)}
QUICK_SCALES = {"horizon": (1, 3, 10), "team": (1, 3, 10)}


def repeats_for(k: int) -> int:
    """Runs per size, best taken: more for the short runs, whose timing is noisier."""
    return 11 if k <= 3 else 5 if k <= 10 else 3


def scaling_point(spec: dict) -> dict:
    """One run size in this (fresh) process: CPU per change, peak RSS, peak traced memory."""
    import resource
    import tracemalloc

    practice = spec["practice"]
    base = load_scenario("default")
    scenario = base.with_values(
        {
            "days": spec["days"],
            "team.developers": spec["developers"],
            "build.runners": spec["runners"],
        }
    )
    cdsim.simulate(base, practice, seed=1)  # warm up: imports, caches
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    best_cpu, best_wall, n = float("inf"), float("inf"), 0
    for _ in range(spec["repeats"]):
        wall, cpu = time.perf_counter(), time.process_time()
        run = cdsim.simulate(scenario, practice, seed=1, keep_events=True)
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
        n = len(run.changes)
        events = len(run.events)
        del run
    rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    # an untimed run under tracemalloc, which also counts the SimPy events
    tracemalloc.start()
    simpy_steps = simpy_events(cdsim.simulate, scenario, practice, seed=1, keep_events=True)
    traced = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return {
        **spec,
        "changes": n,
        "events": events,
        "cpu_s": best_cpu,
        "wall_s": best_wall,
        "us_per_change": best_cpu / n * 1e6,
        "simpy_events": simpy_steps,
        "us_per_event": best_cpu / simpy_steps * 1e6,
        "rss_before_mb": rss_before,
        "rss_peak_mb": rss_peak,
        "traced_peak_mb": traced,
    }


def linear_fit(xs: list[float], ys: list[float]) -> tuple[float, float, float]:
    """Least squares y = a + b x: (a, b, r squared)."""
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    b = sxy / sxx
    a = my - b * mx
    ss_res = sum((y - a - b * x) ** 2 for x, y in zip(xs, ys, strict=True))
    ss_tot = sum((y - my) ** 2 for y in ys)
    return a, b, 1.0 - ss_res / ss_tot if ss_tot else 1.0


def scaling(scales: dict[str, tuple[int, ...]]) -> dict:
    section("2. Scaling: cost per change and memory, ~1k to ~100k changes")
    rows = []
    for practice in cdsim.PRACTICES:
        measured: dict[tuple, dict] = {}
        for series, ks in scales.items():
            for k in ks:
                size = SERIES[series](k)
                key = tuple(size.values())
                if key not in measured:
                    spec = {**size, "practice": practice, "repeats": repeats_for(k)}
                    done = subprocess.run(
                        [sys.executable, __file__, "--scaling-point", json.dumps(spec)],
                        capture_output=True,
                        text=True,
                        check=True,
                    )
                    measured[key] = json.loads(done.stdout.strip().splitlines()[-1])
                row = {**measured[key], "series": series, "k": k}
                rows.append(row)
                print(
                    f"  {practice:<11} {series:<7} x{k:<3} days {row['days']:>4}"
                    f" devs {row['developers']:>3} runners {row['runners']:>3}:"
                    f" {row['changes']:>7,} changes {row['us_per_change']:5.1f} us/change"
                    f" {row['simpy_events'] / row['changes']:4.1f} events/change"
                    f" {row['us_per_event']:4.2f} us/event"
                    f" ({row['cpu_s']:5.2f} s CPU) peak RSS {row['rss_peak_mb']:4.0f} MB,"
                    f" traced {row['traced_peak_mb']:6.1f} MB",
                    flush=True,
                )
    out = {"points": rows, "series": {}}
    for practice in cdsim.PRACTICES:
        for series in scales:
            points = [r for r in rows if r["practice"] == practice and r["series"] == series]
            costs = [r["us_per_change"] for r in points]
            spread = (max(costs) - min(costs)) / min(costs)
            per_event = [r["us_per_event"] for r in points]
            event_spread = (max(per_event) - min(per_event)) / min(per_event)
            xs = [float(r["changes"]) for r in points]
            _, slope, r2 = linear_fit(xs, [r["traced_peak_mb"] for r in points])
            out["series"][f"{practice}/{series}"] = {
                "changes": xs,
                "us_per_change": costs,
                "spread": spread,
                "us_per_event": per_event,
                "event_spread": event_spread,
                "traced_mb_per_1k_changes": slope * 1000,
                "traced_r2": r2,
            }
            label = f"{practice}, {series}, {int(min(xs)):,}-{int(max(xs)):,} changes"
            figure(
                f"cost/change (max-min)/min, {label}",
                spread * 100,
                f"<= {TARGETS['flat'] * 100:.0f}%",
                spread <= TARGETS["flat"],
                "%",
            )
            figure(
                f"  the same per SimPy event (diagnostic), {practice}, {series}",
                event_spread * 100,
                "-",
                None,
                "%",
            )
            figure(
                f"memory vs changes, R^2 of a line, {practice}, {series}",
                r2,
                f">= {TARGETS['linear_r2']}",
                r2 >= TARGETS["linear_r2"],
            )
            figure(
                f"memory per 1k changes (slope), {practice}, {series}",
                slope * 1000,
                "-",
                None,
                "MB",
            )
    for practice in cdsim.PRACTICES:
        big = max((r for r in rows if r["practice"] == practice), key=lambda r: r["changes"])
        full = big["changes"] >= 90_000
        figure(
            f"peak RSS, {practice}, {big['changes']:,} changes",
            big["rss_peak_mb"],
            f"< {TARGETS['memory_mb']:.0f} MB" if full else "(quick: no 100k run)",
            big["rss_peak_mb"] < TARGETS["memory_mb"] if full else None,
            "MB",
        )
    return out


# -- 3. parallel replications ---------------------------------------------------------------


def parallel(replications: int, rounds: int, quiet_wait: float) -> dict:
    import pandas.testing as pdt

    section(f"3. Parallel replications: compare(default, {replications} replications), jobs=2 vs 1")
    scenario = load_scenario("default")
    cdsim.compare(scenario, replications=1, seed=1, jobs=1)  # warm up
    times: dict[int, list[float]] = {1: [], 2: []}
    others: dict[int, list[float]] = {1: [], 2: []}
    results = {}
    for _ in range(rounds):
        for jobs in (1, 2):
            # two processes need both cores: wait for other work on the machine to pause
            wait_for_quiet(quiet_wait)
            with CpuShare() as share:
                start = time.perf_counter()
                results[jobs] = cdsim.compare(scenario, replications, seed=1, jobs=jobs)
                times[jobs].append(time.perf_counter() - start)
            others[jobs].append(share.others)
    for name in ("summary", "runs", "changes", "deployments", "incidents"):
        pdt.assert_frame_equal(getattr(results[1], name), getattr(results[2], name))
    print(
        "  results identical with jobs=1 and jobs=2 (summary, runs, changes, deployments, incidents)"
    )
    # the best of each, and the best of the rounds that other processes left alone
    serial, two = min(times[1]), min(times[2])
    speedup = serial / two
    for jobs in (1, 2):
        print(
            f"  jobs={jobs}: "
            + ", ".join(
                f"{t:.2f} s (others {o:.2f} cores)"
                for t, o in zip(times[jobs], others[jobs], strict=True)
            )
        )
    figure("compare(..., jobs=1), best", serial, "-", None, "s")
    figure("compare(..., jobs=2), best", two, "-", None, "s")
    figure(
        "speed-up jobs=2 over jobs=1",
        speedup,
        f">= {TARGETS['speedup']}",
        speedup >= TARGETS["speedup"],
        "x",
    )
    return {
        "replications": replications,
        "runs": replications * len(cdsim.PRACTICES),
        "jobs1_s": times[1],
        "jobs2_s": times[2],
        "others_cores_jobs1": others[1],
        "others_cores_jobs2": others[2],
        "speedup": speedup,
        "identical": True,
    }


# -- 4. the explorer --------------------------------------------------------------------------


def explorer(updates: int) -> dict:
    section("4. The explorer's update, classroom preset")
    import matplotlib

    matplotlib.use("Agg")
    try:
        explorer_module = importlib.import_module("cdsim.explorer_app")
    except ImportError as error:
        print(f"  cdsim.explorer_app not available ({error}); measuring compare + charts instead")
        return explorer_fallback(updates)
    with CpuShare() as share:
        # its own timing helper: a warm-up update, then one update per seed, as a student
        # moving the seed slider (each update simulates the three practices anew)
        seconds = explorer_module.time_updates("classroom", repeats=updates)
    # where an update's time goes (the app's own timings), over a few more updates
    app = explorer_module.Explorer("classroom")
    parts = []
    for _ in range(min(updates, 5)):
        app.update()
        parts.append(dict(app.timings))
    median = statistics.median(seconds)
    split = {k: statistics.median(p[k] for p in parts) for k in parts[0]}
    print(
        f"  measured: cdsim.explorer_app.time_updates('classroom', repeats={updates})"
        f" (Explorer.update with a new seed each time); median split (Explorer.timings): "
        + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in split.items())
        + f"; other processes used {share.others:.2f} cores meanwhile"
    )
    target = f"< {TARGETS['explorer_s']} s"
    figure("explorer update, median", median, target, median < TARGETS["explorer_s"], "s")
    figure(
        "explorer update, slowest", max(seconds), target, max(seconds) < TARGETS["explorer_s"], "s"
    )
    return {
        "measured": "Explorer.update",
        "seconds": seconds,
        "median_split_s": split,
        "others_cores": share.others,
    }


def explorer_fallback(updates: int) -> dict:
    import matplotlib.pyplot as plt

    from cdsim.charts.comparison_figure import plot_comparison
    from cdsim.charts.lead_time import plot_lead_time

    scenario = load_scenario("classroom")
    seconds = []
    for _ in range(updates + 1):
        start = time.perf_counter()
        result = cdsim.compare(scenario, replications=1, seed=1, jobs=1)
        for fig in (plot_comparison(result.summary), plot_lead_time(result.changes)):
            fig.canvas.draw()
            plt.close(fig)
        seconds.append(time.perf_counter() - start)
    seconds = seconds[1:]  # the first one warms up matplotlib
    median = statistics.median(seconds)
    print(
        "  measured: compare(classroom, replications=1, jobs=1) + plot_comparison + plot_lead_time"
    )
    figure(
        "explorer-equivalent update, median",
        median,
        f"< {TARGETS['explorer_s']} s",
        median < TARGETS["explorer_s"],
        "s",
    )
    return {"measured": "compare + charts", "seconds": seconds}


# -- main ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, fewer repeats")
    parser.add_argument("--only", default="throughput,scaling,parallel,explorer")
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    parser.add_argument("--scaling-point", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.scaling_point:
        print(json.dumps(scaling_point(json.loads(args.scaling_point))))
        return 0

    only = set(args.only.split(","))
    report = {"mode": "quick" if args.quick else "full", "machine": machine(), "targets": TARGETS}
    info = report["machine"]
    print(
        f"cdsim {info['cdsim']} ({info['git_commit']}) on {info['nproc']} x {info['cpu_model']},"
        f" Python {info['python']}, simpy {info['versions']['simpy']},"
        f" numpy {info['versions']['numpy']}, pandas {info['versions']['pandas']};"
        f" load average {info['load_average_at_start'][0]:.2f}"
    )
    started = time.perf_counter()
    sections = {
        "throughput": lambda: throughput(repeats=5 if args.quick else 15),
        "scaling": lambda: scaling(QUICK_SCALES if args.quick else FULL_SCALES),
        "parallel": lambda: parallel(
            10 if args.quick else 40,
            rounds=1 if args.quick else 3,
            quiet_wait=5 if args.quick else 60,
        ),
        "explorer": lambda: explorer(updates=3 if args.quick else 10),
    }
    disturbed = {}
    for name, measure in sections.items():
        if name in only:
            with CpuShare() as share:
                report[name] = measure()
            # cores that other processes kept busy while this section ran
            report[name]["others_cores_section"] = share.others
            disturbed[name] = share.others
    report["figures"] = RESULTS
    report["machine"]["load_average_at_end"] = os.getloadavg()
    report["seconds"] = time.perf_counter() - started
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    missed = [r["figure"] for r in RESULTS if r["met"] is False]
    section("Summary")
    print(f"  {sum(r['met'] is True for r in RESULTS)} targets met, {len(missed)} missed")
    for name in missed:
        print(f"  MISSED: {name}")
    for name, cores in disturbed.items():
        if cores > 0.25:
            print(f"  note: other processes kept {cores:.2f} cores busy during {name}")
    print(f"  written to {args.out} ({report['seconds']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
