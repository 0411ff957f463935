"""The options every simulating command shares, checked as they are read."""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import click

from cdsim.cli.app import LANG_KEY
from cdsim.cli.assignments import set_callback
from cdsim.errors import OutputError
from cdsim.i18n import language_from_environment, normalize_lang, t
from cdsim.metrics.bands import DEFAULT_SOURCE
from cdsim.metrics.bands import sources as band_sources
from cdsim.metrics.definitions import BANDED_METRICS, METRICS
from cdsim.output import check_table_format

DEFAULT_OUT = "cdsim-results"


def _lang_callback(ctx, param, value: str | None) -> str:
    if value is None:  # not given: the terminal's locale (pt_BR... -> pt)
        lang = language_from_environment(os.environ)
    else:
        try:
            lang = normalize_lang(value)
        except ValueError as error:
            raise click.BadParameter(str(error)) from None
    ctx.meta[LANG_KEY] = lang  # the language of cdsim's error messages, too
    return lang


lang_option = click.option(
    "--lang",
    default=None,
    show_default="the terminal's locale: pt for pt_BR, else en",
    metavar="en|pt",
    callback=_lang_callback,
    help="Language of the messages, the tables, the charts and the report.",
)


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


def metric_callback(ctx, param, values: Sequence[str]) -> tuple[str, ...]:
    for value in values:
        if value not in METRICS:
            hint = difflib.get_close_matches(value, METRICS, n=1)
            raise click.BadParameter(
                f"unknown metric {value!r}"
                + (f"; did you mean {hint[0]!r}?" if hint else "")
                + f" Metrics: {', '.join(METRICS)}"
            )
    return tuple(dict.fromkeys(values)) or tuple(BANDED_METRICS)


def _scheduler_callback(ctx, param, value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if "://" not in value:
        value = f"tcp://{value}"  # host:8786, as dask's own tools accept it
    return value


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
    dask: bool = False
    scheduler: str | None = None
    tables: str = "standard"
    max_changes: int | None = None


def common_options(replications: int) -> Callable:
    """The options shared by compare, run, sweep and figure."""

    def decorate(command: Callable) -> Callable:
        options = [
            click.option(
                "--set",
                "settings",
                multiple=True,
                metavar="KEY=VALUE",
                callback=set_callback,
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
            lang_option,
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
            click.option(
                "--dask",
                is_flag=True,
                help="Run on a Dask cluster started on this machine (--jobs workers); "
                'needs pip install "cdsim[dask]". Same numbers as without it.',
            ),
            click.option(
                "--scheduler",
                default=None,
                metavar="ADDRESS",
                callback=_scheduler_callback,
                help="Run on the Dask cluster whose scheduler is at ADDRESS "
                "(tcp://host:8786); its workers need the same cdsim. See docs/scaling.md.",
            ),
            click.option(
                "--max-changes",
                type=click.IntRange(min=1),
                default=None,
                metavar="N",
                show_default="$CDSIM_MAX_CHANGES, else 5000000",
                help="Refuse a command whose estimated work is more than N simulated changes "
                "in all (one run: N/5). See docs/reliability.md.",
            ),
        ]
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


def options_from(kwargs: dict[str, Any]) -> Options:
    if kwargs.get("dask") and kwargs.get("scheduler"):
        raise click.UsageError(t("error.cli.dask_and_scheduler", kwargs.get("lang", "en")))
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
        dask=kwargs.pop("dask"),
        scheduler=kwargs.pop("scheduler"),
        tables=kwargs.pop("tables", "standard"),
        max_changes=kwargs.pop("max_changes"),
    )


charts_option = click.option(
    "--charts/--no-charts",
    default=True,
    show_default=True,
    help="Write the charts (--no-charts: tables only, much faster).",
)


TABLE_CHOICES = ("standard", "all")

tables_option = click.option(
    "--tables",
    type=click.Choice(TABLE_CHOICES),
    default="standard",
    show_default=True,
    help="Which tables to write. standard: the summary and the small tables; all: also "
    "every change of every run (changes.csv, about 13 MB for the default comparison; for a "
    "sweep, every run's metrics and tables). See docs/results.md.",
)
