"""What a command writes into its result folder: the tables, the charts (drawn off screen)
and the scenario as run, with the command that reproduces it."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

import cdsim
from cdsim.cli.options import Options
from cdsim.metrics.bands import DEFAULT_SOURCE
from cdsim.output import OutputFolder

IMAGE_FORMATS = ("png", "svg")
TABLES = ("summary", "runs", "changes", "deployments", "incidents")


def comparison_names(fmt: str, charts: bool, lang: str) -> list[str]:
    """The files ``compare`` and ``run`` write (checked against the folder up front)."""
    names = [f"{table}.{fmt}" for table in TABLES] + ["scenario.toml"]
    if charts:
        from cdsim.charts.gallery import CHARTS

        names += [f"{chart}_{lang}.{image}" for chart in CHARTS for image in IMAGE_FORMATS]
    return names


def sweep_names(fmt: str, metrics: Sequence[str], charts: bool, lang: str) -> list[str]:
    """The files ``sweep`` writes."""
    names = [f"sweep.{fmt}", "scenario.toml"]
    if charts:
        names += [f"sweep_{metric}_{lang}.{image}" for metric in metrics for image in IMAGE_FORMATS]
    return names


def figure_names(lang: str) -> list[str]:
    """The files ``figure`` writes."""
    return [f"comparison_{lang}.{image}" for image in IMAGE_FORMATS]


def reproduce_command(command: str, opts: Options, extra: Sequence[str] = ()) -> str:
    words = ["cdsim", command, "scenario.toml", *extra]
    words += ["--replications", str(opts.replications), "--seed", str(opts.seed)]
    if opts.bands != DEFAULT_SOURCE:
        words += ["--bands", opts.bands]
    if opts.max_changes is not None:
        words += ["--max-changes", str(opts.max_changes)]
    return shlex.join(words)


def toml_literal(value: Any) -> str:
    if isinstance(value, str):
        return value
    from cdsim.scenario.toml_writer import dumps

    return dumps({"v": value}).split("=", 1)[1].strip()


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
