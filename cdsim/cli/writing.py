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
    names = [f"{table}.{fmt}" for table in TABLES] + ["scenario.toml", "report.html"]
    if charts:
        from cdsim.charts.gallery import CHARTS

        names += [f"{chart}_{lang}.{image}" for chart in CHARTS for image in IMAGE_FORMATS]
    return names


def sweep_names(fmt: str, metrics: Sequence[str], charts: bool, lang: str) -> list[str]:
    """The files ``sweep`` writes."""
    names = [f"sweep.{fmt}", "scenario.toml", "report.html"]
    if charts:
        names += [f"sweep_{metric}_{lang}.{image}" for metric in metrics for image in IMAGE_FORMATS]
    return names


def figure_names(lang: str) -> list[str]:
    """The files ``figure`` writes."""
    return [f"comparison_{lang}.{image}" for image in IMAGE_FORMATS] + ["report.html"]


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


def scenario_file_text(scenario: cdsim.Scenario, command: str, lang: str = "en") -> str:
    """The scenario as run, with the command that reproduces the result."""
    header = cdsim.i18n.t("cli.scenario_file", lang, version=cdsim.__version__, command=command)
    return f"{header}\n\n{scenario.to_toml()}"


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
    from cdsim.charts.gallery import CHARTS

    return _save_figure(CHARTS["comparison"](comparison, lang), folder, "comparison", lang)


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


CHART_ORDER = ("comparison", "scorecard", "lead_time", "failure", "frequency", "time_breakdown")


def write_report(
    out: OutputFolder,
    kind: str,
    scenario: cdsim.Scenario,
    opts: Options,
    command: str,
    summary: pd.DataFrame | None,
    title_values: dict[str, str] | None = None,
    sections: Sequence[str] = (),
) -> Path:
    """``report.html``: one page for everything already written into ``out`` (so it goes
    last), in the result's language (:mod:`cdsim.presentation.report`)."""
    from cdsim.presentation.report import Page, render

    suffix = f"_{opts.lang}.png"
    pngs = sorted(p.name for p in out.folder.glob(f"*{suffix}"))
    names = [name.removesuffix(suffix) for name in pngs]
    rank = {name: i for i, name in enumerate(CHART_ORDER)}
    charts = sorted(zip(names, pngs, strict=True), key=lambda c: (rank.get(c[0], 99), c[0]))
    tables = sorted(
        p.name for p in out.folder.iterdir() if p.suffix in (".csv", ".parquet") and p.is_file()
    )
    page = Page(
        lang=opts.lang,
        title=cdsim.i18n.t(
            f"report.title.{kind}", opts.lang, name=scenario.name, **(title_values or {})
        ),
        scenario=scenario,
        replications=opts.replications,
        seed=opts.seed,
        band_source=opts.bands,
        command=command,
        charts=charts,
        tables=tables,
        sections=list(sections),
    )
    return out.write_text("report.html", render(page, summary))
