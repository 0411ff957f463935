"""The simulating commands: ``compare`` (the main job), ``run``, ``sweep`` and ``figure``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

import cdsim
from cdsim.checkpoint import Checkpoint
from cdsim.cli import writing
from cdsim.cli.app import BadInput, cli
from cdsim.cli.assignments import vary_callback
from cdsim.cli.options import (
    Options,
    charts_option,
    common_options,
    metric_callback,
    options_from,
    tables_option,
)
from cdsim.cli.progress import executor_for, progress_bar, say, where_text
from cdsim.cli.scenarios import note_shadowed
from cdsim.experiments import check_work, plan_sweep
from cdsim.i18n import count, practice_name, t
from cdsim.output import OutputFolder
from cdsim.presentation import summary_text, sweep_text
from cdsim.presentation.report import sweep_section
from cdsim.sweeping import run_sweep


def load(
    name_or_path: str, settings: dict[str, Any], hint_option: str = "--set", opts=None
) -> cdsim.Scenario:
    """Load a scenario and apply ``--set`` values; a mistyped option gets a hint. A
    built-in name wins over a file of that name (``./name`` is the file), and says so."""
    if "=" in name_or_path and not Path(name_or_path).exists():
        raise BadInput(
            f"no scenario called {name_or_path!r}; to change a value write "
            f"{hint_option} {name_or_path}"
        )
    if opts is not None:
        note_shadowed(name_or_path, opts.quiet, opts.lang)
    scenario = cdsim.load_scenario(name_or_path)
    return scenario.with_values(settings) if settings else scenario


def _run_comparison(scenario, opts: Options, practices: Sequence[str], label: str):
    check_work(scenario, opts.replications, practices, opts.max_changes)
    total = len(practices) * opts.replications
    lang = opts.lang
    say(
        opts,
        t(
            "cli.simulating",
            lang,
            name=scenario.name,
            practices=label,
            replications=count(opts.replications, "replications", lang),
            runs=count(total, "runs", lang),
            jobs=where_text(opts, total),
            seed=opts.seed,
        ),
    )
    with (
        executor_for(opts) as executor,
        progress_bar(opts, "simulating") as progress,
    ):
        return cdsim.compare(
            scenario,
            replications=opts.replications,
            seed=opts.seed,
            jobs=opts.jobs,
            practices=practices,
            progress=progress,
            band_source=opts.bands,
            executor=executor,
            max_changes=opts.max_changes,
        )


def _compare_and_write(
    sc: cdsim.Scenario,
    opts: Options,
    practices: Sequence[str],
    label: str,
    charts: bool,
    command: Sequence[str],
) -> None:
    """Simulate, write tables, charts and the scenario as run, print the summary."""
    expected = writing.comparison_names(opts.fmt, charts, opts.lang, opts.tables)
    with OutputFolder(opts.out, expected=expected) as out:
        comparison = _run_comparison(sc, opts, practices, label)
        with progress_bar(opts, "writing", "file") as progress:
            writing.write_comparison(comparison, out, opts, charts, progress)
        extra = [*command[1:], *(["--tables", opts.tables] if opts.tables != "standard" else [])]
        again = writing.reproduce_command(command[0], opts, extra)
        out.write_text("scenario.toml", writing.scenario_file_text(sc, again, opts.lang))
        kind = "run" if command[0] == "run" else "compare"
        title = {"practice": practice_name(practices[0], opts.lang)} if kind == "run" else None
        writing.write_report(out, kind, sc, opts, again, comparison.summary, title)
        written = out.commit()
    _finish(opts, written, _comparison_text(comparison, opts))


def _comparison_text(comparison: cdsim.Comparison, opts: Options) -> str:
    """The summary table of a comparison, as printed at the end of a command."""
    return summary_text(
        comparison.summary, comparison.replications, opts.lang, practices=comparison.practices
    )


def _finish(opts: Options, written: list[Path], text: str | None) -> None:
    if text is not None and not opts.quiet:
        click.echo(text)
    say(
        opts,
        t("cli.wrote", opts.lang, files=count(len(written), "files", opts.lang), folder=opts.out),
    )
    report = [path for path in written if path.name == "report.html"]
    if report:
        say(opts, t("report.written", opts.lang, path=report[0]))


@cli.command(
    epilog="""\b
Examples:
  cdsim compare
  cdsim compare classroom --replications 50 --out class-results
  cdsim compare mine.toml --set build.runners=4 --set approval.mode=board
  cdsim compare --set days=30 --jobs 1 --seed 7 --lang pt
  cdsim compare --format parquet --quiet
  cdsim compare --tables all                 # changes.csv too (every change of every run)
  cdsim compare --dask                       # on a Dask cluster started here

Writes summary.csv, runs.csv, deployments.csv, incidents.csv (with --tables all also
changes.csv, about 13 MB for the default), every chart (PNG and SVG, drawn by --jobs
processes), scenario.toml (the scenario as run, with the command to reproduce it) and
report.html.
"""
)
@click.argument("scenario", default="default")
@charts_option
@tables_option
@common_options(replications=20)
def compare(scenario: str, charts: bool, **kwargs) -> None:
    """Run SCENARIO under the three practices and compare them (the main job).

    Prints the DORA four keys per practice (mean, 95% confidence interval, DORA band) and
    writes the tables, the charts and the scenario as run. SCENARIO defaults to the
    built-in `default`.
    """
    opts = options_from(kwargs)
    sc = load(scenario, opts.settings, opts=opts)
    label = count(len(cdsim.PRACTICES), "practices", opts.lang)
    _compare_and_write(sc, opts, cdsim.PRACTICES, label, charts, ["compare"])


@cli.command(
    epilog="""\b
Examples:
  cdsim run default --practice delivery
  cdsim run low --replications 10            # the practice the preset names
  cdsim run mine.toml --practice deployment --set team.developers=20 --out one-run
  cdsim run default --practice delivery --tables all     # changes.csv too

Practices: integration (CI only, releases on a cadence), delivery (a person approves
each deploy), deployment (automatic).
"""
)
@click.argument("scenario")
@click.option(
    "-p",
    "--practice",
    default=None,
    type=click.Choice(list(cdsim.PRACTICES)),
    help="The practice to simulate (default: the scenario's own `practice` key).",
)
@charts_option
@tables_option
@common_options(replications=1)
def run(scenario: str, practice: str | None, charts: bool, **kwargs) -> None:
    """Run SCENARIO under one practice (by default the one the scenario names); same
    files as `compare`."""
    opts = options_from(kwargs)
    sc = load(scenario, opts.settings, opts=opts)
    practice = practice or sc.model.practice
    label = practice_name(practice, opts.lang)
    _compare_and_write(sc, opts, [practice], label, charts, ["run", "--practice", practice])


@cli.command(
    epilog="""\b
Examples:
  cdsim sweep default --vary build.runners=1,2,4
  cdsim sweep mine.toml --vary approval.delay.mean_hours=1,4,24 --metric lead_time_median_hours
  cdsim sweep default --vary build.runners=1,2,4 --vary approval.delay.mean_hours=1,4,24
  cdsim sweep default --vary approval.mode=delay,board --replications 10

Writes sweep.csv (one row per point, practice and metric: mean, 95% CI, n, band), one
chart per metric (sweep_METRIC_LANG.png and .svg) and scenario.toml.
"""
)
@click.argument("scenario")
@click.option(
    "--vary",
    "vary",
    multiple=True,
    required=True,
    metavar="KEY=V1,V2,...",
    callback=vary_callback,
    help="A scenario key and the values to try (repeatable: the grid of every combination). "
    "The first --vary goes on the charts' horizontal axis, the others make panels.",
)
@click.option(
    "-m",
    "--metric",
    "metrics",
    multiple=True,
    metavar="NAME",
    callback=metric_callback,
    help="Metric to chart and print (repeatable; default: the four DORA keys).",
)
@charts_option
@tables_option
@click.option(
    "--resume/--no-resume",
    default=True,
    show_default=True,
    help="Go on with an interrupted sweep of the same scenario, grid, replications, seed "
    "and bands into the same --out (its finished points are kept beside --out); "
    "--no-resume starts over.",
)
@common_options(replications=5)
def sweep(
    scenario: str,
    vary: dict[str, list[Any]],
    metrics: tuple[str, ...],
    charts: bool,
    resume: bool,
    **kwargs,
) -> None:
    """Run SCENARIO over a grid of values, under every practice, replicated.

    Each point is kept on disk as soon as its runs are done: an interrupted sweep resumes
    where it stopped when the same command runs again.
    """
    opts = options_from(kwargs)
    sc = load(scenario, opts.settings, hint_option="--vary", opts=opts)
    plan = plan_sweep(
        sc, vary, opts.replications, opts.seed, cdsim.PRACTICES, opts.bands, opts.max_changes
    )
    checkpoint = Checkpoint.beside(opts.out, plan.identity())
    lang = opts.lang
    expected = writing.sweep_names(opts.fmt, metrics, charts, opts.lang, opts.tables)
    with OutputFolder(opts.out, expected=expected) as out:
        finished = len(checkpoint.open(fresh=not resume))
        if finished:
            say(opts, t("cli.resuming", lang, done=finished, points=plan.points))
        say(
            opts,
            t(
                "cli.sweeping",
                lang,
                name=sc.name,
                points=count(plan.points, "points", lang),
                practices=count(len(plan.practices), "practices", lang),
                replications=count(opts.replications, "replications", lang),
                runs=count(plan.runs, "runs", lang),
                jobs=where_text(opts, plan.runs),
                seed=opts.seed,
            ),
        )
        try:
            with (
                executor_for(opts) as executor,
                progress_bar(opts, "sweeping") as progress,
            ):
                table = run_sweep(
                    plan,
                    executor=executor,
                    jobs=opts.jobs,
                    progress=progress,
                    checkpoint=checkpoint,
                    tables=opts.tables == "all",
                )
        except (Exception, KeyboardInterrupt):
            kept = len(checkpoint.finished())
            if kept:
                folder = checkpoint.folder
                say(opts, t("cli.kept", lang, done=kept, points=plan.points, folder=folder))
            else:
                checkpoint.remove()
            raise
        with progress_bar(opts, "writing", "file") as progress:
            writing.write_sweep_tables(table, plan, checkpoint, out, opts)
            if charts:
                writing.write_sweep_charts(table, metrics, out.folder, opts.lang, progress)
        extra = []
        for key, values in vary.items():
            extra += ["--vary", f"{key}={','.join(writing.toml_literal(v) for v in values)}"]
        for metric in metrics:
            extra += ["--metric", metric]
        if opts.tables != "standard":
            extra += ["--tables", opts.tables]
        again = writing.reproduce_command("sweep", opts, extra)
        out.write_text("scenario.toml", writing.scenario_file_text(sc, again, opts.lang))
        section = sweep_section(table, list(vary), metrics, opts.lang)
        writing.write_report(out, "sweep", sc, opts, again, None, sections=[section])
        written = out.commit()
    checkpoint.remove()
    text = "\n\n".join(sweep_text(table, m, list(vary), opts.lang) for m in metrics)
    _finish(opts, written, text)


@cli.command(
    epilog="""\b
Examples:
  cdsim figure
  cdsim figure low --lang pt --out figure-pt
  cdsim figure --replications 50 --set approval.mode=board
"""
)
@click.argument("scenario", default="default")
@common_options(replications=20)
def figure(scenario: str, **kwargs) -> None:
    """Only the comparison figure (CI / Continuous Delivery / Continuous Deployment with
    the simulated DORA keys on it), as comparison_LANG.png and .svg."""
    opts = options_from(kwargs)
    sc = load(scenario, opts.settings, opts=opts)
    with OutputFolder(opts.out, expected=writing.figure_names(opts.lang)) as out:
        label = count(len(cdsim.PRACTICES), "practices", opts.lang)
        comparison = _run_comparison(sc, opts, cdsim.PRACTICES, label)
        writing.write_comparison_figure(comparison, out.folder, opts.lang)
        again = writing.reproduce_command("figure", opts)
        writing.write_report(out, "figure", sc, opts, again, comparison.summary)
        written = out.commit()
    _finish(opts, written, _comparison_text(comparison, opts))
