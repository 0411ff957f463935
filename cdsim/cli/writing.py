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
STANDARD_TABLES = ("summary", "runs", "deployments", "incidents")
"""What ``--tables standard`` (the default) writes: every table but changes.csv, which is
most of the writing time and of the folder's size (``--tables all`` adds it)."""


def comparison_tables(tables: str) -> tuple[str, ...]:
    return TABLES if tables == "all" else STANDARD_TABLES


def comparison_names(fmt: str, charts: bool, lang: str, tables: str = "standard") -> list[str]:
    """The files ``compare`` and ``run`` write (checked against the folder up front)."""
    names = [f"{table}.{fmt}" for table in comparison_tables(tables)]
    names += ["scenario.toml", "report.html"]
    if charts:
        from cdsim.charts.gallery import CHARTS

        names += [f"{chart}_{lang}.{image}" for chart in CHARTS for image in IMAGE_FORMATS]
    return names


def sweep_names(
    fmt: str, metrics: Sequence[str], charts: bool, lang: str, tables: str = "standard"
) -> list[str]:
    """The files ``sweep`` writes."""
    names = [f"sweep.{fmt}", "scenario.toml", "report.html"]
    if tables == "all":
        names += [f"{table}.{fmt}" for table in ("runs", "changes", "deployments", "incidents")]
    if charts:
        names += [f"sweep_{metric}_{lang}.{image}" for metric in metrics for image in IMAGE_FORMATS]
    return names


def sensitivity_names(fmt: str, metrics: Sequence[str], charts: bool, lang: str) -> list[str]:
    """The files ``sensitivity`` writes."""
    names = [f"sensitivity.{fmt}", "scenario.toml", "report.html"]
    if charts:
        names += [f"sensitivity_{m}_{lang}.{image}" for m in metrics for image in IMAGE_FORMATS]
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


def write_charts(comparison, folder: Path, lang: str, jobs: int | None = None, **hooks):
    """Every chart of the gallery, into ``folder``, drawn by up to ``jobs`` processes
    (:mod:`cdsim.cli.drawing`)."""
    _use_agg()
    from cdsim.cli.drawing import draw_gallery

    return draw_gallery(comparison, folder, lang, IMAGE_FORMATS, jobs, **hooks)


def write_comparison(comparison, out: OutputFolder, opts: Options, charts: bool, progress):
    """The tables (``opts.tables``) and, with ``charts``, the charts of a comparison; the
    tables are written here while the chart processes draw. ``progress(done, total)``
    counts the files."""
    from cdsim.charts.gallery import CHARTS

    names = comparison_tables(opts.tables)
    total = len(names) + (len(CHARTS) * len(IMAGE_FORMATS) if charts else 0)
    done = 0

    def wrote(n: int = 1) -> None:
        nonlocal done
        done += n
        if progress:
            progress(done, total)

    def tables() -> None:
        for name in names:
            out.write_table(getattr(comparison, name), name, opts.fmt)
            wrote()

    if not charts:
        tables()
        return
    write_charts(comparison, out.folder, opts.lang, opts.jobs, meanwhile=tables, drawn=wrote)


def write_comparison_figure(comparison, folder: Path, lang: str) -> list[Path]:
    """Only the redrawn comparison figure, into ``folder``."""
    _use_agg()
    from cdsim.charts.gallery import CHARTS

    return _save_figure(CHARTS["comparison"](comparison, lang), folder, "comparison", lang)


def write_sweep_charts(
    table: pd.DataFrame, metrics: Sequence[str], folder: Path, lang: str, progress=None
):
    """One chart per metric: ``sweep_<metric>_<lang>.png`` and ``.svg``."""
    from cdsim.charts.sweep import plot_sweep

    return _write_metric_charts(plot_sweep, "sweep", table, metrics, folder, lang, progress)


def write_sensitivity_charts(
    table: pd.DataFrame, metrics: Sequence[str], folder: Path, lang: str, progress=None
):
    """One ranking chart per metric: ``sensitivity_<metric>_<lang>.png`` and ``.svg``."""
    from cdsim.charts.sensitivity import plot_sensitivity

    return _write_metric_charts(
        plot_sensitivity, "sensitivity", table, metrics, folder, lang, progress
    )


def _write_metric_charts(plot, prefix, table, metrics, folder, lang, progress):
    """``plot(table, metric, lang=lang)`` for each metric, saved as ``<prefix>_<metric>``;
    ``progress(done, total)`` after each chart."""
    _use_agg()
    import matplotlib.pyplot as plt

    paths = []
    for i, metric in enumerate(metrics, 1):
        fig = plot(table, metric, lang=lang)
        paths += _save_figure(fig, folder, f"{prefix}_{metric}", lang)
        plt.close(fig)
        if progress:
            progress(i, len(metrics))
    return paths


def write_sweep_tables(table: pd.DataFrame, plan, checkpoint, out: OutputFolder, opts: Options):
    """sweep.csv; with ``--tables all`` also every run's metrics (runs.csv) and tables,
    copied point by point from the sweep's checkpoint (memory stays that of one point)."""
    out.write_table(table, "sweep", opts.fmt)
    if opts.tables != "all":
        return
    from cdsim.output import FLOAT_FORMAT
    from cdsim.sweeping import RUN_TABLES, write_runs
    from cdsim.sweeping import write_table as write_run_table

    def stream(name: str, write) -> None:
        path = out.path(f"{name}.csv")
        with path.open("w", encoding="utf-8", newline="") as handle:
            write(handle)
        if opts.fmt != "csv":  # parquet: read back whole (a big sweep wants csv)
            out.write_table(pd.read_csv(path), name, opts.fmt)
            path.unlink()

    stream("runs", lambda h: write_runs(plan, checkpoint, h, FLOAT_FORMAT))
    for name in RUN_TABLES:
        stream(name, lambda h, n=name: write_run_table(plan, checkpoint, n, h, FLOAT_FORMAT))


def write_comparison_tables(comparison, out: OutputFolder, fmt: str, tables: str = "all") -> None:
    for name in comparison_tables(tables):
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
