"""Mutation testing of cdsim's core, one module group at a time (not part of CI).

    pip install -e '.[mutation]'            # mutmut 3 (best in a virtual environment)
    python scripts/mutation.py               # every group, one mutant at a time
    python scripts/mutation.py metrics calendar --jobs 2
    python scripts/mutation.py --list        # the groups, their files and their tests

mutmut 3 changes one thing in the code (a ``<`` into ``<=``, a constant, an argument...)
and runs the tests that cover the changed function; a mutant that no test notices
*survives*. For each group this script lays a copy of the project in a scratch folder
(``--workdir``, default ``$TMPDIR/cdsim-mutation/<group>``), writes the group's
``[tool.mutmut]`` section into that copy's pyproject.toml (the files to mutate, and a
fast selection of tests: no notebooks, no browser, no subprocess), runs ``mutmut run``
there, and reports the killed and surviving mutants, with the diff of each survivor. The
work tree is never touched. mutmut needs fork (Linux, macOS, WSL).

The score is killed / (mutants - equivalent), where an *equivalent* mutant is one that
cannot change any behaviour (listed in EQUIVALENT below with the reason, after reading
it); a mutant that no selected test reaches counts as a survivor. docs/testing.md records
the last measured scores and the survivors examined.

Heavy: each mutant runs its tests once. Keep ``--jobs`` at 1 (the default) on a shared
machine; with ``--jobs 2`` a group took from one minute (output) to seven (stages) on a
2-core machine, and the experiments group, since issue 14, over half an hour with
``--jobs 1`` (docs/testing.md).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Group:
    files: tuple[str, ...]  # what to mutate, relative to the project
    tests: tuple[str, ...]  # the pytest selection that should kill them


# The fast tests that pin each module's behaviour. mutmut runs, for each mutant, only the
# tests of the selection that call the mutated function, so the selection bounds the cost.
SIMULATION_TESTS = (
    "tests/test_rates.py",
    "tests/test_model_paths.py",
    "tests/test_metrics.py::test_run_metrics_agree_with_the_definitions_on_a_simulated_run",
    "tests/test_calendar_weeks.py::test_people_work_only_in_the_scenarios_calendar",
    "tests/test_gates_theory.py::test_rework_time_is_only_fixing_time",
)
GROUPS: dict[str, Group] = {
    "metrics": Group(
        (
            "cdsim/metrics/dora.py",
            "cdsim/metrics/definitions.py",
            "cdsim/metrics/stats.py",
            "cdsim/metrics/bands.py",
        ),
        (
            "tests/test_metrics.py",
            "tests/test_bands.py",
            "tests/test_experiments.py::test_confidence_interval_is_students_t",
            "tests/test_experiments.py::test_ci_covers_the_truth_about_95_percent_of_the_time",
        ),
    ),
    "records": Group(("cdsim/records.py",), ("tests/test_metrics.py", "tests/test_records.py")),
    "calendar": Group(
        ("cdsim/calendar.py",), ("tests/test_calendar.py", "tests/test_calendar_weeks.py")
    ),
    "stages": Group(
        (
            "cdsim/stages/build.py",
            "cdsim/stages/commit.py",
            "cdsim/stages/detection.py",
            "cdsim/stages/incident.py",
            "cdsim/stages/production.py",
            "cdsim/stages/rework.py",
            "cdsim/stages/staging.py",
        ),
        SIMULATION_TESTS,
    ),
    "practices": Group(
        (
            "cdsim/practices/base.py",
            "cdsim/practices/delivery.py",
            "cdsim/practices/deployment.py",
            "cdsim/practices/integration.py",
            "cdsim/practices/names.py",
            "cdsim/practices/registry.py",
        ),
        (
            *SIMULATION_TESTS,
            "tests/test_scenario.py::test_simulate_refuses_an_unknown_practice",
            "tests/test_api_arguments.py",
        ),
    ),
    # experiments.py with what issue 14 moved out of it: the summary of a table of runs,
    # the streamed sweep, and the executors the runs go to (test_executors.py checks the
    # Dask scheduler's words with a fake client; tests/test_dask.py, which starts
    # clusters, is left out: open_executor's Dask branch has no test here)
    "experiments": Group(
        (
            "cdsim/experiments.py",
            "cdsim/metrics/summary.py",
            "cdsim/sweeping.py",
            "cdsim/executors.py",
        ),
        (
            "tests/test_experiments.py",
            "tests/test_executors.py",
            "tests/test_limits.py",
            "tests/test_api_arguments.py",
            "tests/test_empty_results.py::test_changes_that_never_reach_production",
            "tests/test_empty_results.py::test_a_sweep_whose_metric_has_no_value",
            *(
                f"tests/test_scaling.py::test_{name}"
                for name in (
                    "a_streamed_sweep_is_the_same_bytes_as_every_run_kept",
                    "any_executor_gives_the_same_sweep_and_comparison",
                    "an_interrupted_sweep_resumes_to_the_same_result",
                    "the_api_removes_its_checkpoint_when_the_sweep_completes",
                    "a_checkpoint_is_keyed_by_everything_that_makes_the_numbers",
                    "a_worker_that_dies_is_an_execution_error",
                    "a_sweep_that_loses_a_worker_exits_1_and_keeps_what_it_finished",
                    "a_sweep_with_every_table_streams_them_from_its_points",
                    "a_sweeps_streamed_tables_are_labelled_and_written_like_every_table",
                    "a_sweep_runs_on_the_executor_it_is_given",
                    "the_api_resumes_from_its_checkpoint_folder",
                )
            ),
        ),
    ),
    "output": Group(
        ("cdsim/output.py", "cdsim/files.py"),
        (
            "tests/test_output.py",
            "tests/test_output_safety.py",
            "tests/test_cli.py::test_output_folder_moves_in_only_on_commit",
            "tests/test_cli.py::test_output_folder_refuses_a_file",
            "tests/test_cli.py::test_output_folder_in_a_read_only_parent",
            "tests/test_cli.py::test_output_folder_that_cannot_be_written",
        ),
    ),
}

# Mutants read and judged unable to change behaviour, by name, with the reason. Names
# follow the code: re-examine them when the function changes (docs/testing.md).
_ZIP_STRICT = "zip's strict= only matters for rows of unequal length; rows are NamedTuples"
_POSIX_UTF8 = (
    "on POSIX with a UTF-8 locale (where mutmut runs) the default encoding and line end "
    "are UTF-8 and \\n, and 'UTF-8' names the same codec"
)
_INT64 = "array('l') is already int64 on the LP64 platforms mutmut runs on (it needs fork)"
_EMPTY_MEAN = "the mean of an empty column is NaN either way (the guard only avoids a warning)"
EQUIVALENT: dict[str, str] = {
    # metrics/dora.py
    **{
        f"cdsim.metrics.dora.x_run_metrics__mutmut_{n}": _EMPTY_MEAN
        for n in (41, 53, 59, 72, 76, 86, 94, 100)
    },
    "cdsim.metrics.dora.x_run_metrics__mutmut_126": "every value is float(...) already",
    "cdsim.metrics.dora.x_run_metrics__mutmut_129": "every value is float(...) already",
    # calendar.py
    "cdsim.calendar.xǁWorkCalendarǁadd_work_hours__mutmut_15": (
        "end == start with work > 0 only for work below the work clock's float resolution"
    ),
    **{
        f"cdsim.calendar.xǁWorkCalendarǁfrom_work_clock_array__mutmut_{n}": (
            "callers pass float arrays; integer days times 24.0 are floats anyway"
        )
        for n in (3, 5, 18, 20)
    },
    # stages/
    **{
        f"cdsim.stages.commit.x_defect_probability__mutmut_{n}": (
            "sizes are numbers: an int array divides to the same floats"
        )
        for n in (3, 5)
    },
    **{
        f"cdsim.stages.commit.x_defect_probability__mutmut_{n}": (
            "at p = 1 the formula gives the same 0 and 1 (0 ** 0 = 1); p > 1 is refused"
        )
        for n in (6, 7)
    },
    "cdsim.stages.commit.x_developers__mutmut_3": "Pipeline.committed ignores its argument",
    **{
        f"cdsim.stages.commit.x_generate_changes__mutmut_{n}": _ZIP_STRICT.replace(
            "rows are NamedTuples", "the columns all have n items"
        )
        for n in (101, 103, 104)
    },
    **{
        f"cdsim.stages.commit.x_generate_changes__mutmut_{n}": (
            "ties between uniform commit times have probability 0, so every sort is stable; "
            "numpy reads the kind case-insensitively"
        )
        for n in (35, 37, 39)
    },
    **{
        f"cdsim.stages.commit.x_generate_changes__mutmut_{n}": (
            "a lognormal of cv 0 is drawn as its mean, the same as fixed"
        )
        for n in (46, 49)
    },
    "cdsim.stages.commit.x_generate_changes__mutmut_79": "u <= p and u < p differ with probability 0",
    "cdsim.stages.detection.x_catches__mutmut_2": "u <= p and u < p differ with probability 0",
    **{
        f"cdsim.stages.incident.x_fix_forward__mutmut_{n}": (
            "has_defect of a change fixed forward is never read again: it is live for good"
        )
        for n in (24, 25)
    },
    "cdsim.stages.incident.x_incident__mutmut_52": "roll_back does not use deploy_id",
    "cdsim.stages.production.x_deploy__mutmut_12": "None is falsy, as False",
    "cdsim.stages.rework.x_rework__mutmut_17": "None is falsy, as False",
    # practices/
    "cdsim.practices.integration.x_release_train__mutmut_24": (
        "a timeout of 0 at a cut due this very instant changes nothing"
    ),
    # experiments.py, sweeping.py, metrics/summary.py, executors.py (re-keyed after the
    # merge of main: issue 14 moved summarise and the sweep out of experiments.py)
    **{
        f"cdsim.{f}__mutmut_{n}": "keep_events only saves memory: no event log is kept"
        for f in (
            "experiments.x__one_run",
            "experiments.x__one_run_metrics",
            "sweeping.x_run_metrics",
            "sweeping.x_run_with_tables",
        )
        for n in (7, 13)
    },
    **{
        f"cdsim.{f}__mutmut_{n}": (
            "columns= names the keys of the row dicts in their own order (never no rows)"
        )
        for f, n in (
            ("experiments.x_runs_table", 7),
            ("experiments.x_runs_table", 9),
            ("metrics.summary.x_summarise", 63),
            ("metrics.summary.x_summarise", 65),
        )
    },
    **{
        f"cdsim.experiments.x_{f}__mutmut_{n}": (
            "with an executor the jobs are not used (executors.using yields the executor)"
        )
        for f, n in (("sweep", 31), ("run_tasks", 10))
    },
    **{
        f"cdsim.sweeping.x__stack__mutmut_{n}": (
            "the stacked table's index is never read: it is written with index=False"
        )
        for n in (6, 8, 9)
    },
    **{
        f"cdsim.sweeping.x_{f}__mutmut_{n}": "_runs_frame does not use its plan"
        for f, n in (("write_runs", 3), ("_summary", 7))
    },
    **{
        f"cdsim.sweeping.x_{f}__mutmut_{n}": "index=None is falsy: no index, as False"
        for f, n in (("write_runs", 17), ("write_table", 17))
    },
    **{
        f"cdsim.sweeping.x_{f}__mutmut_{n}": _POSIX_UTF8
        for f in ("write_runs", "write_table")
        for n in (20, 25)  # lineterminator (the handle is opened with newline="")
    },
    **{
        f"cdsim.sweeping.xǁSweepPlanǁidentity__mutmut_{n}": (
            "the identity is only hashed into the checkpoint's name and compared with itself: "
            "another label for the kind is as distinct"
        )
        for n in (1, 2, 3, 4)
    },
    **{
        f"cdsim.sweeping.xǁSweepPlanǁscenario_at__mutmut_{n}": _ZIP_STRICT.replace(
            "rows are NamedTuples", "a point's values come from the grid of its keys"
        )
        for n in (5, 8, 9)
    },
    "cdsim.sweeping.x_run_sweep__mutmut_11": "None is falsy, as False",
    "cdsim.sweeping.x_run_sweep__mutmut_14": (
        "a checkpoint of the same identity holds only the plan's points (< plan.points)"
    ),
    "cdsim.sweeping.x__finish_point__mutmut_11": "checkpoint.save reads tables or {}",
    "cdsim.sweeping.x__summary__mutmut_5": "by=('practice',) is summarise's default",
    **{
        f"cdsim.sweeping.x__assemble__mutmut_{n}": (
            "pd.concat keeps the attrs its frames share: summarise sets band_source on each"
        )
        for n in (20, 21)
    },
    "cdsim.executors.x_chunking__mutmut_24": "4 chunks per slot, and slots >= 1: never under 3",
    "cdsim.executors.x_worker_slots__mutmut_9": "distributed's ClientExecutor has a _client",
    "cdsim.executors.x_worker_slots__mutmut_28": "None or default_jobs(), as 0 or default_jobs()",
    **{
        f"cdsim.sweeping.xǁSweepPlanǁidentity__mutmut_{n}": (
            "the identity is only hashed into the checkpoint's name and compared with itself: "
            "another label for a field is as distinct"
        )
        for n in (13, 14, 23, 24)  # "grid", "replications"
    },
    **{
        f"cdsim.{f}__mutmut_{n}": _ZIP_STRICT.replace(
            "rows are NamedTuples", "the keys and their values always pair up"
        )
        for f, ns in (
            ("sweeping.xǁSweepPlanǁidentity", (18, 21, 22)),
            ("experiments.x_plan_sweep", (52, 55, 56)),
            ("metrics.summary.x_summarise", (44, 47, 48)),
        )
        for n in ns
    },
    "cdsim.metrics.summary.x_summarise__mutmut_31": 'classify gives "" to a metric without a band',
    "cdsim.metrics.summary.x_summarise__mutmut_10": "grouping by a list gives tuple keys already",
    "cdsim.metrics.summary.x_summarise__mutmut_3": "groupby(sort=None) keeps the order, as False",
    # output.py, files.py (re-keyed after the merge of main, issue 11's rewrite of output.py)
    "cdsim.files.x_current_umask__mutmut_3": "the value set is only held until restored",
    **{
        f"cdsim.output.x_write_table__mutmut_{n}": _POSIX_UTF8
        for n in (12, 13, 17, 18, 22)  # lineterminator, encoding
    },
    "cdsim.output.x_write_table__mutmut_10": "index=None is falsy: no index, as False",
    **{
        f"cdsim.output.x_write_table__mutmut_{n}": (
            "parquet is written only once check_table_format found an engine: pandas picks it"
        )
        for n in (31, 33, 34, 35)
    },
    **{
        f"cdsim.output.xǁOutputFolderǁ__init____mutmut_{n}": "None is falsy, as False"
        for n in (13, 15)  # _made_target, _committed: only tested for truth
    },
    "cdsim.output.xǁOutputFolderǁ_probe__mutmut_2": "the probe file's name: deleted at once",
    "cdsim.output.xǁOutputFolderǁ_probe__mutmut_4": "the probe file's name: deleted at once",
    **{f"cdsim.output.xǁOutputFolderǁcommit__mutmut_{n}": _POSIX_UTF8 for n in (12, 14, 19)},
    "cdsim.output.xǁOutputFolderǁcommit__mutmut_23": (
        "the folder rename is a shortcut: skipped, the files move one by one to the same result"
    ),
    **{
        f"cdsim.output.xǁOutputFolderǁcommit__mutmut_{n}": (
            "_committed only spares the parents made for the target, which hold the target "
            "once committed, so removing them fails (silently) anyway"
        )
        for n in (29, 30, 36, 37)
    },
    "cdsim.output.xǁOutputFolderǁcommit__mutmut_28": "an empty scratch path is skipped too",
    **{
        f"cdsim.output.xǁOutputFolderǁdiscard__mutmut_{n}": (
            "the scratch folder is ours and whole: rmtree has no error to ignore"
        )
        for n in (3, 5, 6)
    },
    "cdsim.output.xǁOutputFolderǁdiscard__mutmut_7": "an empty scratch path is skipped too",
    **{
        f"cdsim.output.xǁOutputFolderǁwrite_text__mutmut_{n}": _POSIX_UTF8 for n in (4, 5, 7, 8, 10)
    },
    # records.py
    "cdsim.records.x__change_columns__mutmut_21": "np.fromiter's count= only preallocates",
    "cdsim.records.x__columns__mutmut_4": _ZIP_STRICT,
    "cdsim.records.x__columns__mutmut_6": _ZIP_STRICT,
    "cdsim.records.x__columns__mutmut_7": _ZIP_STRICT,
    "cdsim.records.x__columns__mutmut_22": _ZIP_STRICT,
    "cdsim.records.x__columns__mutmut_25": _ZIP_STRICT,
    "cdsim.records.x__columns__mutmut_26": _ZIP_STRICT,
    "cdsim.records.x__dtypes__mutmut_1": "called at import only, before any mutant is active",
    "cdsim.records.x_changes_table__mutmut_36": "a list of float lists is float64 anyway",
    "cdsim.records.x_changes_table__mutmut_38": "a list of float lists is float64 anyway",
    "cdsim.records.xǁRecorderǁ__init____mutmut_10": "event codes < 19 read the same signed",
    "cdsim.records.xǁRecorderǁevents_table__mutmut_3": "np.frombuffer of an empty array is empty",
    "cdsim.records.xǁRecorderǁevents_table__mutmut_9": "empty codes: from_codes takes any dtype",
    "cdsim.records.xǁRecorderǁevents_table__mutmut_11": "empty codes: from_codes takes any dtype",
    "cdsim.records.xǁRecorderǁevents_table__mutmut_16": "np.frombuffer of an empty array is empty",
    "cdsim.records.xǁRecorderǁevents_table__mutmut_18": "np.frombuffer reads float64 by default",
    "cdsim.records.xǁRecorderǁevents_table__mutmut_20": "np.frombuffer reads float64 by default",
    "cdsim.records.xǁRecorderǁevents_table__mutmut_31": _INT64,
    "cdsim.records.xǁRecorderǁevents_table__mutmut_33": _INT64,
    "cdsim.records.xǁRecorderǁevents_table__mutmut_37": _INT64,
    "cdsim.records.xǁRecorderǁevents_table__mutmut_39": _INT64,
    "cdsim.records.xǁWindowǁcontains__mutmut_3": "callers pass floats; ints compare the same",
    "cdsim.records.xǁWindowǁcontains__mutmut_5": "callers pass floats; ints compare the same",
}

STATUS_LINE = re.compile(r"^\s+(\S+): (.+)$")


def mutmut_section(group: Group) -> str:
    def toml_list(items) -> str:
        return "[" + ", ".join(json.dumps(i) for i in items) + "]"

    return (
        "\n[tool.mutmut]\n"
        'source_paths = ["cdsim"]\n'
        f"only_mutate = {toml_list(group.files)}\n"
        'also_copy = ["data"]\n'
        f"pytest_add_cli_args_test_selection = {toml_list(group.tests)}\n"
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "--hypothesis-seed=0"]\n'
    )


def lay_out(workdir: Path, group: Group) -> None:
    """A copy of the project to mutate, with the group's configuration."""
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", ".screenshots", ".hypothesis", "browser")
    for name in ("cdsim", "tests", "data"):
        shutil.copytree(ROOT / name, workdir / name, ignore=ignore)
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    text = re.sub(r"\n\[tool\.mutmut\]\n(?:[^\[].*\n|\n)*", "\n", text)
    (workdir / "pyproject.toml").write_text(text + mutmut_section(group), encoding="utf-8")


def mutmut(workdir: Path, *args: str, capture: bool = False) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MUTANT_UNDER_TEST")}
    env["MPLBACKEND"] = "Agg"
    return subprocess.run(
        [sys.executable, "-m", "mutmut", *args],
        cwd=workdir,
        env=env,
        text=True,
        capture_output=capture,
        check=False,
    )


def results(workdir: Path) -> dict[str, str]:
    out = mutmut(workdir, "results", "--all", "true", capture=True).stdout
    return {m.group(1): m.group(2) for m in map(STATUS_LINE.match, out.splitlines()) if m}


def run_group(name: str, group: Group, workdir: Path, jobs: int) -> dict:
    lay_out(workdir, group)
    start = time.monotonic()
    done = mutmut(workdir, "run", "--max-children", str(jobs))
    seconds = time.monotonic() - start
    if done.returncode != 0:
        raise SystemExit(f"{name}: mutmut run failed (exit {done.returncode}); see above")
    statuses = results(workdir)
    equivalent = {m for m in statuses if m in EQUIVALENT}
    killed = [m for m, s in statuses.items() if s in ("killed", "timeout") and m not in equivalent]
    others = {m: s for m, s in statuses.items() if m not in killed and m not in equivalent}
    counted = len(statuses) - len(equivalent)
    survivors = {
        m: {"status": s, "diff": mutmut(workdir, "show", m, capture=True).stdout}
        for m, s in sorted(others.items())
    }
    return {
        "group": name,
        "files": list(group.files),
        "mutants": len(statuses),
        "killed": len(killed),
        "equivalent": sorted(equivalent),
        "score": len(killed) / counted if counted else float("nan"),
        "seconds": round(seconds),
        "survivors": survivors,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("groups", nargs="*", help=f"default: all of {', '.join(GROUPS)}")
    parser.add_argument("--jobs", type=int, default=1, help="mutants run at once (default 1)")
    parser.add_argument("--workdir", type=Path, help="scratch folder (default: in $TMPDIR)")
    parser.add_argument("--json", type=Path, help="write the full report here")
    parser.add_argument("--list", action="store_true", help="show the groups and stop")
    args = parser.parse_args(argv)
    if args.list:
        for name, group in GROUPS.items():
            print(f"{name}:\n  mutate: {' '.join(group.files)}\n  tests:  {' '.join(group.tests)}")
        return 0
    unknown = [g for g in args.groups if g not in GROUPS]
    if unknown:
        parser.error(f"unknown group(s) {', '.join(unknown)}; choose from {', '.join(GROUPS)}")
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    if importlib.util.find_spec("mutmut") is None:
        parser.error("mutmut is not installed here: pip install -e '.[mutation]'")
    base = args.workdir or Path(tempfile.gettempdir()) / "cdsim-mutation"
    reports = []
    for name in args.groups or list(GROUPS):
        print(f"== {name}: mutating {', '.join(GROUPS[name].files)}", flush=True)
        report = run_group(name, GROUPS[name], base / name, args.jobs)
        reports.append(report)
        print(
            f"== {name}: {report['killed']} killed of {report['mutants']} mutants "
            f"({len(report['equivalent'])} equivalent): score {report['score']:.1%} "
            f"in {report['seconds']} s",
            flush=True,
        )
        for mutant, survivor in report["survivors"].items():
            print(f"-- {survivor['status']}: {mutant}\n{survivor['diff']}")
    if args.json:
        args.json.write_text(json.dumps(reports, indent=2), encoding="utf-8")
    print("\ngroup        mutants  killed  equivalent  score")
    for r in reports:
        print(
            f"{r['group']:<12} {r['mutants']:>7} {r['killed']:>7} {len(r['equivalent']):>11}"
            f"  {r['score']:.1%}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
