"""The ``cdsim`` command line: batch scenario runs, tables and charts out.

Subcommands: ``compare``, ``run``, ``sweep``, ``scenarios`` (and ``scenarios show``),
``figure``. Exit status: 0 success, 2 bad input (a bad scenario, key, value, practice,
option or output folder: one message on stderr naming it, no traceback), 1 an unexpected
error, 130 interrupted (Ctrl-C). Results are written atomically (see :mod:`cdsim.output`).
"""

from __future__ import annotations

import difflib
import math
import os
import shlex
import sys
import textwrap
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
import pandas as pd

import cdsim
from cdsim.experiments import default_jobs
from cdsim.i18n import band_name, format_ci, format_metric, normalize_lang, practice_name, t
from cdsim.metrics.bands import DEFAULT_SOURCE
from cdsim.metrics.bands import sources as band_sources
from cdsim.output import OutputError, OutputFolder, check_table_format
from cdsim.scenario import ScenarioError
from cdsim.scenario.loader import scenarios_dir

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130

DEFAULT_OUT = "cdsim-results"
IMAGE_FORMATS = ("png", "svg")
TABLES = ("summary", "runs", "changes", "deployments", "incidents")


class BadInput(click.ClickException):
    """Bad input from the user: one message, exit status 2, no traceback."""

    exit_code = EXIT_BAD_INPUT

    def show(self, file=None) -> None:
        click.echo(f"Error: {self.format_message()}", file=file or sys.stderr)


class CdsimGroup(click.Group):
    """Turns the engine's and the output folder's errors into bad-input messages."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ScenarioError as error:
            raise BadInput(str(error)) from None
        except OutputError as error:
            raise BadInput(str(error)) from None


# ------------------------------------------------------------------ option values


def parse_value(text: str) -> Any:
    """A ``--set`` / ``--vary`` value: a TOML literal (``3``, ``0.5``, ``true``,
    ``{ dist = "fixed", mean_hours = 1 }``, ``["mon", "tue"]``), else the text itself
    (``board``, ``24x7``)."""
    text = text.strip()
    try:
        value = tomllib.loads(f"value = {text}")["value"]
    except tomllib.TOMLDecodeError:
        return text
    if type(value).__module__ == "datetime":  # "09:00:00" is a time to TOML, text to us
        return text
    return value


def parse_assignment(text: str, option: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    key = key.strip()
    if not sep or not key:
        raise click.BadParameter(f"expected KEY=VALUE, got {text!r}", param_hint=option)
    if not value.strip():
        raise click.BadParameter(f"no value after '=' in {text!r}", param_hint=option)
    if any(c.isspace() for c in key):
        raise click.BadParameter(f"a key has no spaces, got {key!r}", param_hint=option)
    return key, value


def split_values(text: str) -> list[str]:
    """Split ``1,2,4`` at top-level commas (not inside ``[...]``, ``{...}`` or quotes)."""
    parts, depth, quote, current = [], 0, "", []
    for char in text:
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return [p.strip() for p in parts]


def _set_callback(ctx, param, values: Sequence[str]) -> dict[str, Any]:
    settings: dict[str, Any] = {}
    for text in values:
        key, value = parse_assignment(text, "--set")
        settings[key] = parse_value(value)  # a later --set of the same key wins
    return settings


def _vary_callback(ctx, param, values: Sequence[str]) -> dict[str, list[Any]]:
    vary: dict[str, list[Any]] = {}
    for text in values:
        key, raw = parse_assignment(text, "--vary")
        if key in vary:
            raise click.BadParameter(
                f"{key!r} is varied twice; give its values once", param_hint="--vary"
            )
        items = split_values(raw)
        if any(not item for item in items):
            raise click.BadParameter(
                f"empty value in {text!r}; write values like {key}=1,2,4", param_hint="--vary"
            )
        values = [parse_value(item) for item in items]
        for value in values:
            if isinstance(value, dict | list):
                raise click.BadParameter(
                    f"{key}: each value must be a number, true/false or text, not a table or "
                    f"a list; vary one field instead, e.g. {key}.dist=fixed,exponential or "
                    f"{key}.mean_hours=1,4",
                    param_hint="--vary",
                )
        vary[key] = values
    return vary


def _lang_callback(ctx, param, value: str) -> str:
    try:
        return normalize_lang(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def _format_callback(ctx, param, value: str) -> str:
    try:
        check_table_format(value)
    except OutputError as error:
        raise click.BadParameter(str(error)) from None
    return value


def _bands_callback(ctx, param, value: str) -> str:
    if value not in band_sources():
        raise click.BadParameter(f"{value!r} is not one of: {', '.join(band_sources())}")
    return value


def _metric_callback(ctx, param, values: Sequence[str]) -> tuple[str, ...]:
    for value in values:
        if value not in cdsim.METRICS:
            hint = difflib.get_close_matches(value, cdsim.METRICS, n=1)
            raise click.BadParameter(
                f"unknown metric {value!r}"
                + (f"; did you mean {hint[0]!r}?" if hint else "")
                + f" Metrics: {', '.join(cdsim.METRICS)}"
            )
    return tuple(dict.fromkeys(values)) or tuple(cdsim.BANDED_METRICS)


@dataclass
class Options:
    """The common options of every simulating command."""

    settings: dict[str, Any] = field(default_factory=dict)
    replications: int = 20
    seed: int = 1
    jobs: int | None = None
    out: str = DEFAULT_OUT
    lang: str = "en"
    quiet: bool = False
    fmt: str = "csv"
    bands: str = DEFAULT_SOURCE


def common_options(replications: int) -> Callable:
    """The options shared by compare, run, sweep and figure."""

    def decorate(command: Callable) -> Callable:
        options = [
            click.option(
                "--set",
                "settings",
                multiple=True,
                metavar="KEY=VALUE",
                callback=_set_callback,
                help="Change one scenario value (dotted key; repeatable). VALUE is read as "
                'TOML (3, 0.5, true, "text", {dist="fixed", mean_hours=1}) or else as '
                "plain text.",
            ),
            click.option(
                "-r",
                "--replications",
                type=click.IntRange(min=1),
                default=replications,
                show_default=True,
                help="Replications per practice (and per sweep point).",
            ),
            click.option(
                "--seed",
                type=click.IntRange(min=0),
                default=1,
                show_default=True,
                help="Seed of every random stream: same seed, same numbers.",
            ),
            click.option(
                "-j",
                "--jobs",
                type=click.IntRange(min=1),
                default=None,
                show_default="all cores",
                help="Parallel processes (results do not depend on it).",
            ),
            click.option(
                "-o",
                "--out",
                default=DEFAULT_OUT,
                show_default=True,
                metavar="FOLDER",
                help="Output folder. The new result replaces the earlier cdsim result in it, "
                "and only once the run has succeeded; other files are left alone.",
            ),
            click.option(
                "--lang",
                default="en",
                show_default=True,
                metavar="en|pt",
                callback=_lang_callback,
                help="Language of the charts and the summary table.",
            ),
            click.option(
                "-q",
                "--quiet",
                is_flag=True,
                help="No progress bar, no table, no messages (errors still go to stderr).",
            ),
            click.option(
                "--format",
                "fmt",
                type=click.Choice(["csv", "parquet"]),
                default="csv",
                show_default=True,
                callback=_format_callback,
                help="Table file format (parquet needs pyarrow or fastparquet).",
            ),
            click.option(
                "--bands",
                default=DEFAULT_SOURCE,
                show_default=True,
                metavar="SOURCE",
                callback=_bands_callback,
                help="DORA band limits: four-keys, dora-2021 or dora-2023.",
            ),
        ]
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


def _options(kwargs: dict[str, Any]) -> Options:
    return Options(
        settings=kwargs.pop("settings"),
        replications=kwargs.pop("replications"),
        seed=kwargs.pop("seed"),
        jobs=kwargs.pop("jobs"),
        out=kwargs.pop("out"),
        lang=kwargs.pop("lang"),
        quiet=kwargs.pop("quiet"),
        fmt=kwargs.pop("fmt"),
        bands=kwargs.pop("bands"),
    )


# ------------------------------------------------------------------ helpers


def load(name_or_path: str, settings: dict[str, Any], hint_option: str = "--set") -> cdsim.Scenario:
    """Load a scenario and apply ``--set`` values; a mistyped option gets a hint."""
    if "=" in name_or_path and not Path(name_or_path).exists():
        raise BadInput(
            f"no scenario called {name_or_path!r}; to change a value write "
            f"{hint_option} {name_or_path}"
        )
    scenario = cdsim.load_scenario(name_or_path)
    return scenario.with_values(settings) if settings else scenario


class Progress:
    """A tqdm bar fed by the engine's ``progress(done, total)`` callback.

    Shown only when stderr is a terminal and ``--quiet`` is not given.
    """

    def __init__(self, quiet: bool, description: str) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self.description = description
        self.bar = None

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(
                total=total, desc=self.description, unit="run", file=sys.stderr, leave=False
            )
        self.bar.update(done - self.bar.n)

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.close()


def say(opts: Options, message: str) -> None:
    """A status message on stderr, unless --quiet."""
    if not opts.quiet:
        click.echo(message, err=True)


def _jobs_text(jobs: int | None, tasks: int) -> str:
    n = min(default_jobs() if jobs is None else jobs, tasks)
    return "1 process" if n == 1 else f"{n} processes"


def reproduce_command(command: str, opts: Options, extra: Sequence[str] = ()) -> str:
    words = ["cdsim", command, "scenario.toml", *extra]
    words += ["--replications", str(opts.replications), "--seed", str(opts.seed)]
    if opts.bands != DEFAULT_SOURCE:
        words += ["--bands", opts.bands]
    return shlex.join(words)


def scenario_file_text(scenario: cdsim.Scenario, command: str) -> str:
    """The scenario as run, with the command that reproduces the result."""
    header = (
        f"# The scenario as run by cdsim {cdsim.__version__} (every value, --set applied).\n"
        f"# Reproduce this result with:\n#   {command}\n\n"
    )
    return header + scenario.to_toml()


def _save_figure(fig, folder: Path, name: str, lang: str) -> list[Path]:
    """Save ``fig`` as the gallery names its files: ``<name>_<lang>.png`` and ``.svg``."""
    from cdsim.charts.gallery import chart_path, save_figure

    return [save_figure(fig, chart_path(folder, name, lang, fmt), fmt) for fmt in IMAGE_FORMATS]


def _use_agg() -> None:
    import matplotlib

    matplotlib.use("Agg")  # files only: never open a window


def write_charts(comparison, folder: Path, lang: str) -> list[Path]:
    """Every chart of the gallery, into ``folder``."""
    _use_agg()
    from cdsim.charts.gallery import write_gallery

    return list(write_gallery(comparison, folder, lang=lang, formats=IMAGE_FORMATS))


def write_comparison_figure(comparison, folder: Path, lang: str) -> list[Path]:
    """Only the redrawn comparison figure, into ``folder``."""
    _use_agg()
    from cdsim.charts.comparison_figure import plot_comparison

    return _save_figure(plot_comparison(comparison.summary, lang=lang), folder, "comparison", lang)


def write_sweep_charts(table: pd.DataFrame, metrics: Sequence[str], folder: Path, lang: str):
    _use_agg()
    from cdsim.charts.sweep import plot_sweep

    paths = []
    for metric in metrics:
        paths += _save_figure(plot_sweep(table, metric, lang=lang), folder, f"sweep_{metric}", lang)
    return paths


def write_comparison_tables(comparison, out: OutputFolder, fmt: str) -> None:
    for name in TABLES:
        out.write_table(getattr(comparison, name), name, fmt)


# ------------------------------------------------------------------ printed tables


def _cell(metric: str, mean: float, low: float, high: float, n: int, lang: str) -> str:
    value = format_metric(metric, mean, lang)
    ci = format_ci(metric, mean, low, high, lang) if n > 1 and not _nan(mean) else ""
    return f"{value} {ci}".strip()


def _nan(x: Any) -> bool:
    try:
        return math.isnan(float(x))
    except (TypeError, ValueError):
        return True


def _layout(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
        for r in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def summary_text(
    comparison,
    lang: str,
    band_source: str = DEFAULT_SOURCE,
    metrics: Sequence[str] = (*cdsim.BANDED_METRICS, "release_failure_rate"),
) -> str:
    """The DORA keys per practice: mean [95% CI] and band, one column per practice; then
    the failure rate of first deploys (a release before any redeploy), unbanded."""
    summary = comparison.summary
    practices = list(comparison.practices)
    header = [""] + [practice_name(p, lang) for p in practices]
    rows = []
    for metric in metrics:
        key = f"metric.{metric}"
        label = t(key, lang) if key in cdsim.i18n.TEXTS else metric
        cells, bands = [label], [""]
        for practice in practices:
            row = summary[(summary["practice"] == practice) & (summary["metric"] == metric)]
            if row.empty:
                cells.append(t("na", lang))
                bands.append("")
                continue
            r = row.iloc[0]
            cells.append(_cell(metric, r["mean"], r["ci_low"], r["ci_high"], int(r["n"]), lang))
            bands.append(band_name(r["band"], lang) if r["band"] else "")
        rows += [cells, bands] if any(bands[1:]) else [cells]
    n = comparison.replications
    note = (
        t("chart.comparison.note_ci", lang, n=n)
        if n > 1
        else t("chart.comparison.note_single", lang)
    )
    limits = t("limit.dora", lang)
    return f"{_layout(header, rows)}\n{note} {limits[0].upper()}{limits[1:]}: {band_source}."


def sweep_text(table: pd.DataFrame, metric: str, keys: Sequence[str], lang: str) -> str:
    """One metric of a sweep: a row per grid point, a column per practice."""
    rows_of = table[table["metric"] == metric]
    practices = [p for p in cdsim.PRACTICES if p in set(rows_of["practice"])]
    key = f"metric.{metric}"
    title = t(key, lang) if key in cdsim.i18n.TEXTS else metric
    header = list(keys) + [practice_name(p, lang) for p in practices]
    rows = []
    for point, group in rows_of.groupby(list(keys), sort=False):
        point = point if isinstance(point, tuple) else (point,)
        cells = [str(v) for v in point]
        for practice in practices:
            r = group[group["practice"] == practice].iloc[0]
            cells.append(_cell(metric, r["mean"], r["ci_low"], r["ci_high"], int(r["n"]), lang))
        rows.append(cells)
    return f"{title}\n{_layout(header, rows)}"


# ------------------------------------------------------------------ the commands

EXAMPLES_MAIN = """\b
Examples:
  cdsim compare                          # the default scenario, all three practices
  cdsim scenarios                        # the built-in scenarios
  cdsim scenarios show default > mine.toml
  cdsim compare mine.toml --set build.runners=4 --out results/
  cdsim sweep mine.toml --vary approval.delay.mean_hours=1,4,24
  cdsim run low --practice delivery --replications 5
  cdsim figure classroom --lang pt

Exit status: 0 success, 2 bad input, 1 unexpected error, 130 interrupted.
"""


@click.group(
    cls=CdsimGroup,
    epilog=EXAMPLES_MAIN,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(cdsim.__version__, prog_name="cdsim")
def cli() -> None:
    """Simulate Continuous Integration, Delivery and Deployment, and compare them.

    A SCENARIO is a built-in name (see `cdsim scenarios`) or a .toml file. Results (CSV
    tables, charts, the scenario as run) go to an output folder, cdsim-results/ by
    default.
    """


charts_option = click.option(
    "--charts/--no-charts",
    default=True,
    show_default=True,
    help="Write the charts (--no-charts: tables only, much faster).",
)


def _run_comparison(scenario, opts: Options, practices: Sequence[str], label: str):
    total = len(practices) * opts.replications
    say(
        opts,
        f"Simulating {scenario.name!r}: {label}, {opts.replications} replication"
        f"{'s' if opts.replications != 1 else ''} each ({total} runs on "
        f"{_jobs_text(opts.jobs, total)}, seed {opts.seed})",
    )
    with Progress(opts.quiet, "simulating") as progress:
        return cdsim.compare(
            scenario,
            replications=opts.replications,
            seed=opts.seed,
            jobs=opts.jobs,
            practices=practices,
            progress=progress,
            band_source=opts.bands,
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
    with OutputFolder(opts.out) as out:
        comparison = _run_comparison(sc, opts, practices, label)
        write_comparison_tables(comparison, out, opts.fmt)
        if charts:
            write_charts(comparison, out.folder, opts.lang)
        text = scenario_file_text(sc, reproduce_command(command[0], opts, command[1:]))
        out.write_text("scenario.toml", text)
        written = out.commit()
    _finish(opts, written, summary_text(comparison, opts.lang, opts.bands))


def _finish(opts: Options, written: list[Path], text: str | None) -> None:
    if text is not None and not opts.quiet:
        click.echo(text)
    say(opts, f"Wrote {len(written)} files to {opts.out}")


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
    opts = _options(kwargs)
    sc = load(scenario, opts.settings)
    _compare_and_write(sc, opts, cdsim.PRACTICES, "3 practices", charts, ["compare"])


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
    opts = _options(kwargs)
    sc = load(scenario, opts.settings)
    practice = practice or sc.model.practice
    _compare_and_write(sc, opts, [practice], practice, charts, ["run", "--practice", practice])


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
    callback=_vary_callback,
    help="A scenario key and the values to try (repeatable: the grid of every combination). "
    "The first --vary goes on the charts' horizontal axis, the others make panels.",
)
@click.option(
    "-m",
    "--metric",
    "metrics",
    multiple=True,
    metavar="NAME",
    callback=_metric_callback,
    help="Metric to chart and print (repeatable; default: the four DORA keys).",
)
@charts_option
@common_options(replications=5)
def sweep(
    scenario: str, vary: dict[str, list[Any]], metrics: tuple[str, ...], charts: bool, **kwargs
) -> None:
    """Run SCENARIO over a grid of values, under every practice, replicated."""
    opts = _options(kwargs)
    sc = load(scenario, opts.settings, hint_option="--vary")
    for key, values in vary.items():  # fail on a bad key or value before simulating
        for value in values:
            sc.with_values({key: value})
    points = math.prod(len(v) for v in vary.values())
    total = points * len(cdsim.PRACTICES) * opts.replications
    with OutputFolder(opts.out) as out:
        say(
            opts,
            f"Sweeping {scenario!r}: {points} point{'s' if points != 1 else ''} x 3 practices x "
            f"{opts.replications} replications ({total} runs on {_jobs_text(opts.jobs, total)}, "
            f"seed {opts.seed})",
        )
        with Progress(opts.quiet, "sweeping") as progress:
            table = cdsim.sweep(
                sc,
                vary=vary,
                replications=opts.replications,
                seed=opts.seed,
                jobs=opts.jobs,
                progress=progress,
                band_source=opts.bands,
            )
        out.write_table(table, "sweep", opts.fmt)
        if charts:
            write_sweep_charts(table, metrics, out.folder, opts.lang)
        extra = []
        for key, values in vary.items():
            extra += ["--vary", f"{key}={','.join(_toml_literal(v) for v in values)}"]
        for metric in metrics:
            extra += ["--metric", metric]
        out.write_text(
            "scenario.toml", scenario_file_text(sc, reproduce_command("sweep", opts, extra))
        )
        written = out.commit()
    text = "\n\n".join(sweep_text(table, m, list(vary), opts.lang) for m in metrics)
    _finish(opts, written, text)


def _toml_literal(value: Any) -> str:
    if isinstance(value, str):
        return value
    from cdsim.scenario.toml_writer import dumps

    return dumps({"v": value}).split("=", 1)[1].strip()


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
    opts = _options(kwargs)
    sc = load(scenario, opts.settings)
    with OutputFolder(opts.out) as out:
        comparison = _run_comparison(sc, opts, cdsim.PRACTICES, "3 practices")
        write_comparison_figure(comparison, out.folder, opts.lang)
        written = out.commit()
    _finish(opts, written, summary_text(comparison, opts.lang, opts.bands))


@cli.group(
    invoke_without_command=True,
    epilog="""\b
Examples:
  cdsim scenarios
  cdsim scenarios show default > mine.toml    # then edit mine.toml
  cdsim scenarios show mine.toml              # every value, the preset merged in
""",
)
@click.pass_context
def scenarios(ctx: click.Context) -> None:
    """List the built-in scenarios with their descriptions."""
    if ctx.invoked_subcommand is not None:
        return
    names = cdsim.preset_names()
    width = max(len(n) for n in names) + 2
    wrap = max(40, min(100, _terminal_width()) - width)
    for name in names:
        description = cdsim.load_scenario(name).description
        lines = textwrap.wrap(description, wrap) or [""]
        click.echo(name.ljust(width) + lines[0])
        for line in lines[1:]:
            click.echo(" " * width + line)
    click.echo("\nShow one as TOML, ready to copy and edit: cdsim scenarios show NAME")


def _terminal_width() -> int:
    try:
        return os.get_terminal_size().columns
    except OSError:
        return 100


@scenarios.command(
    "show",
    epilog="""\b
Examples:
  cdsim scenarios show default                # the default scenario, every key commented
  cdsim scenarios show default > mine.toml    # copy it, edit it, then:
  cdsim compare mine.toml
  cdsim scenarios show mine.toml              # every value of mine.toml, base merged in
""",
)
@click.argument("name")
def scenarios_show(name: str) -> None:
    """Print the built-in scenario NAME as TOML, with its comments; or, given a .toml
    file, every value of that scenario (its base merged in)."""
    path = scenarios_dir() / f"{name}.toml"
    if name in cdsim.preset_names():
        click.echo(path.read_text(encoding="utf-8"), nl=False)
        return
    if name.lower().endswith(".toml") or Path(name).exists():
        scenario = cdsim.load_scenario(name)
        click.echo(f"# {name}: every value, its base merged in\n" + scenario.to_toml(), nl=False)
        return
    cdsim.load_scenario(name)  # raises ScenarioError with a "did you mean"


# ------------------------------------------------------------------ entry point


def main(argv: Sequence[str] | None = None) -> None:
    """The ``cdsim`` console script: exit status 0, 1 (unexpected), 2 (bad input), 130."""
    try:
        cli.main(args=argv, prog_name="cdsim", standalone_mode=False)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except (KeyboardInterrupt, click.exceptions.Abort):
        click.echo("Interrupted.", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        # the reader went away (cdsim scenarios show default | head): not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_OK)
    except click.exceptions.Exit as error:
        sys.exit(error.exit_code)
    except Exception as error:  # noqa: BLE001 - the last line of defence
        if os.environ.get("CDSIM_DEBUG"):
            raise
        click.echo(
            f"Error: unexpected {type(error).__name__}: {error}\n"
            "This is a bug in cdsim; please report it with the command you ran "
            "(set CDSIM_DEBUG=1 to see the traceback).",
            err=True,
        )
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    main()
