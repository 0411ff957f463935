"""Write every chart of a comparison to a folder (PNG and SVG), each file atomically."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

import matplotlib as mpl
from matplotlib.figure import Figure

from cdsim.files import atomic_write
from cdsim.i18n import normalize_lang
from cdsim.metrics.bands import DEFAULT_SOURCE
from cdsim.presentation.scenario_text import context_line

from . import style
from .comparison_figure import plot_comparison
from .failure import failure_figure
from .flow import flow_figure
from .frequency import frequency_figure
from .lead_time import plot_lead_time
from .scorecard import plot_scorecard
from .time_breakdown import time_breakdown_figure

CHARTS: dict[str, Callable[[object, str], Figure]] = {
    "comparison": lambda r, lang: plot_comparison(r.summary, lang, context=context_of(r, lang)),
    "lead_time": lambda r, lang: plot_lead_time(r.changes, lang, band_source=_bands_of(r)),
    "failure": lambda r, lang: failure_figure(r.summary, r.deployments, lang),
    "frequency": lambda r, lang: frequency_figure(r.summary, lang),
    "time_breakdown": lambda r, lang: time_breakdown_figure(r.summary, lang),
    "flow": lambda r, lang: flow_figure(r.changes, lang),
    "scorecard": lambda r, lang: plot_scorecard(r.summary, lang),
}
"""The seven gallery charts: file stem -> function of (comparison result, lang)."""

FORMATS = ("png", "svg", "pdf")


def _bands_of(result) -> str:
    return result.summary.attrs.get("band_source", DEFAULT_SOURCE)


def context_of(result, lang: str) -> str:
    """The context line of a comparison (scenario, replications, seed, band table), or ""
    for a result that does not say which scenario it ran."""
    scenario = getattr(result, "scenario", None)
    if scenario is None:
        return ""
    return context_line(scenario, result.replications, result.seed, _bands_of(result), lang)


def chart_path(folder: str | os.PathLike, name: str, lang: str, fmt: str) -> Path:
    """Where the gallery writes chart ``name``: ``<folder>/<name>_<lang>.<fmt>``."""
    return Path(folder) / f"{name}_{normalize_lang(lang)}.{fmt}"


def save_figure(fig: Figure, path: str | os.PathLike, fmt: str | None = None) -> Path:
    """Save ``fig`` atomically: to a temporary file in the same folder, then ``os.replace``.

    SVG output is made reproducible (fixed id salt, no date); PNG is written at
    :data:`style.DPI`.
    """
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    metadata = {"Date": None} if fmt in ("svg", "pdf") else {}

    def write(handle) -> None:
        with mpl.rc_context({"svg.hashsalt": "cdsim"}):
            fig.savefig(handle, format=fmt, dpi=style.DPI, metadata=metadata)

    return atomic_write(path, write)


def write_gallery(
    comparison_like,
    folder: str | os.PathLike,
    lang: str = "en",
    formats: Iterable[str] = ("png", "svg"),
) -> list[Path]:
    """Write the seven charts of a comparison to ``folder``, one file per chart and format.

    Parameters
    ----------
    comparison_like : object
        Anything with ``.summary .runs .changes .deployments .incidents`` DataFrames shaped
        as in ``docs/results.md`` (a ``cdsim.compare`` result).
    folder : path
        Created if missing. Files are named ``<chart>_<lang>.<format>``, e.g.
        ``comparison_en.png``; see :data:`CHARTS` for the chart names.
    lang : {"en", "pt"}
        Language of every text.
    formats : iterable of str
        Any of ``"png"``, ``"svg"``, ``"pdf"``.

    Returns
    -------
    list of Path
        The files written, chart by chart, in the order of :data:`CHARTS`.
    """
    lang = normalize_lang(lang)
    formats = tuple(f.lower().lstrip(".") for f in formats)
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ValueError(f"unknown format(s) {unknown}; use some of {FORMATS}")
    written: list[Path] = []
    for name, make in CHARTS.items():
        fig = make(comparison_like, lang)
        for fmt in formats:
            written.append(save_figure(fig, chart_path(folder, name, lang, fmt), fmt))
    return written


__all__ = ["write_gallery", "save_figure", "chart_path", "CHARTS"]
