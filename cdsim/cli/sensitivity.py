"""``cdsim sensitivity``: which scenario key moves each DORA key most, per practice."""

from __future__ import annotations

from collections.abc import Sequence

import click

import cdsim
from cdsim.cli import writing
from cdsim.cli.app import cli
from cdsim.cli.assignments import parse_value
from cdsim.cli.commands import _finish, load
from cdsim.cli.options import charts_option, common_options, metric_callback, options_from
from cdsim.cli.progress import executor_for, progress_bar, say, where_text
from cdsim.errors import InputError
from cdsim.i18n import count, t
from cdsim.output import OutputFolder
from cdsim.presentation.sensitivity import range_text, sensitivity_section, sensitivity_text
from cdsim.sensitivity import DEFAULT_RANGES, LEVELS, check_ranges, sensitivity

DEFAULTS_HELP = ", ".join(f"{k}={lo:g}:{hi:g}" for k, (lo, hi) in DEFAULT_RANGES.items())


def parse_ranges(texts: Sequence[str]) -> dict[str, tuple[float, float]] | None:
    """``KEY=LOW:HIGH`` texts as ``{key: (low, high)}``; None when none was given."""
    if not texts:
        return None
    ranges: dict[str, tuple[float, float]] = {}
    for text in texts:
        key, sep, rest = text.partition("=")
        key = key.strip()
        low, colon, high = rest.partition(":")
        values = [parse_value(low), parse_value(high)] if colon else []
        numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
        if not sep or not key or len(numbers) != 2:
            raise InputError("error.sensitivity.range_format", text=text)
        if key in ranges:
            raise InputError("error.sensitivity.twice", key=key)
        ranges[key] = (float(numbers[0]), float(numbers[1]))
    return ranges


@cli.command(
    "sensitivity",
    epilog=f"""\b
Examples:
  cdsim sensitivity
  cdsim sensitivity classroom --range build.runners=1:4 --range approval.delay.mean_hours=1:24
  cdsim sensitivity --metric lead_time_median_hours --trajectories 10 --lang pt
  cdsim sensitivity default --dask --jobs 2

Without --range, these keys and ranges: {DEFAULTS_HELP}.
A whole-number key (build.runners, team.developers) needs a range whose width is a
multiple of {LEVELS - 1} (1:4, 2:8). Writes sensitivity.csv, one chart per metric
(sensitivity_METRIC_LANG.png and .svg), scenario.toml and report.html. See
docs/sensitivity.md.
""",
)
@click.argument("scenario", default="default")
@click.option(
    "--range",
    "ranges",
    multiple=True,
    metavar="KEY=LOW:HIGH",
    help="A numeric scenario key and the range to explore (repeatable; default: the keys "
    "listed below).",
)
@click.option(
    "-t",
    "--trajectories",
    type=click.IntRange(min=2),
    default=6,
    show_default=True,
    help="Morris paths through the ranges: (keys + 1) points each.",
)
@click.option(
    "-m",
    "--metric",
    "metrics",
    multiple=True,
    metavar="NAME",
    callback=metric_callback,
    help="Metric to rank the keys for (repeatable; default: the four DORA keys).",
)
@charts_option
@common_options(replications=3)
def sensitivity_command(
    scenario: str, ranges: tuple[str, ...], trajectories: int, metrics, charts: bool, **kwargs
) -> None:
    """Which scenario keys move each DORA key most, for each practice (Morris elementary
    effects over the ranges given with --range, or sensible defaults)."""
    opts = options_from(kwargs)
    lang = opts.lang
    sc = load(scenario, opts.settings, opts=opts)
    wanted = parse_ranges(ranges)
    checked = check_ranges(sc, DEFAULT_RANGES if wanted is None else wanted)  # before any run
    points = trajectories * (len(checked) + 1)
    runs = points * len(cdsim.PRACTICES) * opts.replications
    expected = writing.sensitivity_names(opts.fmt, metrics, charts, lang)
    with OutputFolder(opts.out, expected=expected) as out:
        say(
            opts,
            t(
                "cli.sensitivity",
                lang,
                name=sc.name,
                keys=count(len(checked), "keys", lang),
                points=count(points, "points", lang),
                practices=count(len(cdsim.PRACTICES), "practices", lang),
                replications=count(opts.replications, "replications", lang),
                runs=count(runs, "runs", lang),
                jobs=where_text(opts, runs),
                seed=opts.seed,
            ),
        )
        with (
            executor_for(opts) as executor,
            progress_bar(opts, "sensitivity") as progress,
        ):
            result = sensitivity(
                sc,
                {r.key: (r.low, r.high) for r in checked},
                trajectories=trajectories,
                replications=opts.replications,
                seed=opts.seed,
                jobs=opts.jobs,
                metrics=metrics,
                progress=progress,
                executor=executor,
                max_changes=opts.max_changes,
            )
        table = result.table
        out.write_table(table, "sensitivity", opts.fmt)
        if charts:
            with progress_bar(opts, "writing", "file") as bar:
                writing.write_sensitivity_charts(table, metrics, out.folder, lang, bar)
        extra = ["--trajectories", str(trajectories)]
        for r in result.ranges:
            extra += ["--range", f"{r.key}={r.low:g}:{r.high:g}"]
        for metric in metrics:
            extra += ["--metric", metric]
        again = writing.reproduce_command("sensitivity", opts, extra)
        out.write_text("scenario.toml", writing.scenario_file_text(sc, again, lang))
        how = t(
            "report.sensitivity.how",
            lang,
            trajectories=trajectories,
            points=count(result.points, "points", lang),
            replications=count(opts.replications, "replications", lang),
        )
        ranges_line = "; ".join(f"{r.key} {range_text(r.low, r.high, lang)}" for r in checked)
        section = sensitivity_section(table, f"{how} {ranges_line}.", lang)
        writing.write_report(out, "sensitivity", sc, opts, again, None, sections=[section])
        written = out.commit()
    text = "\n\n".join(sensitivity_text(table, m, lang) for m in metrics)
    _finish(opts, written, text)


__all__ = ["parse_ranges", "sensitivity_command"]
