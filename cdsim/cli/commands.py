"""The simulating commands: ``compare`` (the main job), ``run``, ``sweep`` and ``figure``."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

import cdsim
from cdsim.cli import writing
from cdsim.cli.app import BadInput, cli
from cdsim.cli.assignments import vary_callback
from cdsim.cli.options import Options, charts_option, common_options, metric_callback, options_from
from cdsim.cli.progress import jobs_text, progress_bar, say
from cdsim.cli.scenarios import note_shadowed
from cdsim.experiments import check_work
from cdsim.i18n import count, practice_name, t
from cdsim.output import OutputFolder
from cdsim.presentation import summary_text, sweep_text
from cdsim.presentation.report import sweep_section


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
            jobs=jobs_text(opts.jobs, total, lang),
            seed=opts.seed,
        ),
    )
    with progress_bar(opts, "simulating") as progress:
        return cdsim.compare(
            scenario,
            replications=opts.replications,
            seed=opts.seed,
            jobs=opts.jobs,
            practices=practices,
            progress=progress,
            band_source=opts.bands,
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
    expected = writing.comparison_names(opts.fmt, charts, opts.lang)
    with OutputFolder(opts.out, expected=expected) as out:
        comparison = _run_comparison(sc, opts, practices, label)
        writing.write_comparison_tables(comparison, out, opts.fmt)
        if charts:
            writing.write_charts(comparison, out.folder, opts.lang)
        again = writing.reproduce_command(command[0], opts, command[1:])
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

Writes summary.csv, runs.csv, changes.csv, deployments.csv, incidents.csv, every chart
(PNG and SVG) and scenario.toml (the scenario as run, with the command to reproduce it).
"""
)
@click.argument("scenario", default="default")
@charts_option
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
@common_options(replications=5)
def sweep(
    scenario: str, vary: dict[str, list[Any]], metrics: tuple[str, ...], charts: bool, **kwargs
) -> None:
    """Run SCENARIO over a grid of values, under every practice, replicated."""
    opts = options_from(kwargs)
    sc = load(scenario, opts.settings, hint_option="--vary", opts=opts)
    for key, values in vary.items():  # fail on a bad key or value before simulating
        for value in values:
            sc.with_values({key: value})
    points = math.prod(len(v) for v in vary.values())
    total = points * len(cdsim.PRACTICES) * opts.replications
    check_work(sc, opts.replications, max_changes=opts.max_changes, vary=vary)
    expected = writing.sweep_names(opts.fmt, metrics, charts, opts.lang)
    with OutputFolder(opts.out, expected=expected) as out:
        lang = opts.lang
        say(
            opts,
            t(
                "cli.sweeping",
                lang,
                name=sc.name,
                points=count(points, "points", lang),
                practices=count(len(cdsim.PRACTICES), "practices", lang),
                replications=count(opts.replications, "replications", lang),
                runs=count(total, "runs", lang),
                jobs=jobs_text(opts.jobs, total, lang),
                seed=opts.seed,
            ),
        )
        with progress_bar(opts, "sweeping") as progress:
            table = cdsim.sweep(
                sc,
                vary=vary,
                replications=opts.replications,
                seed=opts.seed,
                jobs=opts.jobs,
                progress=progress,
                band_source=opts.bands,
                max_changes=opts.max_changes,
            )
        out.write_table(table, "sweep", opts.fmt)
        if charts:
            writing.write_sweep_charts(table, metrics, out.folder, opts.lang)
        extra = []
        for key, values in vary.items():
            extra += ["--vary", f"{key}={','.join(writing.toml_literal(v) for v in values)}"]
        for metric in metrics:
            extra += ["--metric", metric]
        again = writing.reproduce_command("sweep", opts, extra)
        out.write_text("scenario.toml", writing.scenario_file_text(sc, again, opts.lang))
        section = sweep_section(table, list(vary), metrics, opts.lang)
        writing.write_report(out, "sweep", sc, opts, again, None, sections=[section])
        written = out.commit()
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
