"""Flow of changes over time: cumulative flow diagrams and a timeline of the first changes.

Both show one run (the first replication) of each practice. In the cumulative flow diagram
the vertical gap between two bands is the work in progress at that stage; in the timeline
each row is a change, and changes that reach production together (one deploy, a batch) end
on the same vertical line.

Stages are taken in the order the run's changes actually reach them: usually Staging then
the gate, but in the ``integration`` practice a release is cut (the gate) before its manual
QA (the staging instants), and the charts follow that order.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from cdsim.i18n import normalize_lang, practice_name, t

from . import style
from ._common import (
    LocaleFormatter,
    first_replication,
    in_window,
    nothing_to_show,
    practices_of,
    target_axes,
)

STAGE_COLUMNS = (
    "commit_hours",
    "build_end_hours",
    "staging_end_hours",
    "gate_exit_hours",
    "production_hours",
)
"""Instants a change reaches each state, in the usual order (Staging, then the gate)."""

GATE_FIRST_COLUMNS = (
    "commit_hours",
    "build_end_hours",
    "gate_exit_hours",
    "staging_end_hours",
    "production_hours",
)
"""Stage order when the gate comes before Staging (a release is cut, then manual QA)."""

BAND_INTO = {
    "build_end_hours": "building",
    "staging_end_hours": "staging",
    "gate_exit_hours": "gate",
    "production_hours": "deploying",
}
"""Cumulative flow band of the changes on their way to each state."""

CFD_BANDS = ("building", "staging", "gate", "deploying", "production")
"""Every cumulative flow band, in legend order."""

CFD_COLORS = {
    "building": style.COMPONENT_COLORS["build"],
    "staging": style.COMPONENT_COLORS["staging"],
    "gate": style.COMPONENT_COLORS["gate"],
    "deploying": style.COMPONENT_COLORS["deploy"],
    "production": "#BBBBBB",
}

SEGMENT_STYLE = {
    "build": (style.COMPONENT_COLORS["build"], False),
    "staging_wait": (style.COMPONENT_COLORS["staging_queue"], True),
    "staging": (style.COMPONENT_COLORS["staging"], False),
    "gate": (style.COMPONENT_COLORS["gate"], True),
    "deploy": (style.COMPONENT_COLORS["deploy"], False),
}
"""Timeline segment -> (colour, is it waiting? then hatched)."""

SEGMENTS = (
    ("build", "commit_hours", "build_end_hours"),
    ("staging_wait", "build_end_hours", "staging_start_hours"),
    ("staging", "staging_start_hours", "staging_end_hours"),
    ("gate", "staging_end_hours", "gate_exit_hours"),
    ("deploy", "gate_exit_hours", "production_hours"),
)
"""Timeline segments ``(name, from column, to column)`` in the usual order."""

GATE_FIRST_SEGMENTS = (
    ("build", "commit_hours", "build_end_hours"),
    ("gate", "build_end_hours", "gate_exit_hours"),
    ("staging_wait", "gate_exit_hours", "staging_start_hours"),
    ("staging", "staging_start_hours", "staging_end_hours"),
    ("deploy", "staging_end_hours", "production_hours"),
)
"""Timeline segments when the gate comes before Staging."""

DEFAULT_TIMELINE_CHANGES = 15
SHORT_TIMELINE_HOURS = 48.0
"""Timelines shorter than this are drawn in hours since the first commit, not in days."""


def _one_run(changes: pd.DataFrame, practice: str, replication: int | None) -> pd.DataFrame:
    rows = changes[changes["practice"] == practice]
    if replication is None:
        return first_replication(rows)
    return rows[rows["replication"] == replication]


def _num(run: pd.DataFrame, col: str) -> pd.Series:
    if col not in run:
        return pd.Series(np.nan, index=run.index, dtype=float)
    return pd.to_numeric(run[col], errors="coerce").astype(float)


def gate_first(run: pd.DataFrame) -> bool:
    """True when most changes pass the gate before Staging starts (release cut, then QA)."""
    diff = (_num(run, "gate_exit_hours") - _num(run, "staging_start_hours")).dropna()
    return bool(len(diff)) and float(diff.median()) <= 0


def stage_columns(run: pd.DataFrame) -> tuple[str, ...]:
    """The columns of the instants this run's changes reach their states, in order."""
    return GATE_FIRST_COLUMNS if gate_first(run) else STAGE_COLUMNS


def stage_instants(run: pd.DataFrame) -> np.ndarray:
    """Array (changes x stages) of the instants each change reached each state, in hours.

    Stages are in :func:`stage_columns` order. Missing instants are +inf (not reached);
    each row is made non-decreasing, so a change counts in a state only once it has
    reached every earlier one.
    """
    cols = stage_columns(run)
    if not len(run):
        return np.empty((0, len(cols)))
    arr = np.column_stack([_num(run, c).to_numpy() for c in cols])
    arr = np.where(np.isnan(arr), np.inf, arr)
    return np.maximum.accumulate(arr, axis=1)


def cumulative_counts(run: pd.DataFrame, times_hours: np.ndarray) -> np.ndarray:
    """Counts (stages x times) of changes that had reached each state at each instant."""
    inst = stage_instants(run)
    return np.vstack(
        [
            np.searchsorted(np.sort(inst[:, k]), times_hours, side="right")
            for k in range(inst.shape[1])
        ]
    )


def change_segments(change: pd.Series, gate_before_staging: bool) -> list[tuple[str, float, float]]:
    """Timeline segments ``(name, start_hours, end_hours)`` of one change; empty ones skipped."""
    out = []
    for name, a, b in GATE_FIRST_SEGMENTS if gate_before_staging else SEGMENTS:
        start, end = change.get(a, np.nan), change.get(b, np.nan)
        if pd.isna(start) or pd.isna(end) or end <= start:
            continue
        out.append((name, float(start), float(end)))
    return out


def _days_axis(ax: Axes, lang: str) -> None:
    ax.xaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 5, 7, 10]))
    ax.xaxis.set_major_formatter(LocaleFormatter(lang))


def cfd_legend_handles(lang: str) -> list[Patch]:
    """Legend patches for the cumulative flow bands, in pipeline order."""
    return [Patch(facecolor=CFD_COLORS[b], label=t(f"flow.band.{b}", lang)) for b in CFD_BANDS]


def timeline_legend_handles(lang: str) -> list:
    """Legend entries for the timeline segments (waiting ones hatched) and production."""
    handles: list = [
        Patch(
            facecolor=color,
            hatch=style.WAITING_HATCH if waiting else "",
            edgecolor="white",
            label=t(f"flow.segment.{name}", lang),
        )
        for name, (color, waiting) in SEGMENT_STYLE.items()
    ]
    handles.append(
        Line2D(
            [],
            [],
            ls="none",
            marker="D",
            color="black",
            markersize=9,
            label=t("flow.segment.production", lang),
        )
    )
    return handles


def plot_cumulative_flow(
    changes: pd.DataFrame,
    practice: str,
    lang: str = "en",
    ax: Axes | None = None,
    replication: int | None = None,
):
    """Cumulative flow diagram of one practice's run: changes per state over time (days).

    Parameters
    ----------
    changes : DataFrame
        ``compare(...).changes``.
    practice : str
        ``integration``, ``delivery`` or ``deployment``.
    lang : {"en", "pt"}
        Language of every text.
    ax : Axes, optional
        Draw into this axes and return it.
    replication : int, optional
        Which run; default the first.

    Returns
    -------
    Figure, or the given Axes.
    """
    lang = normalize_lang(lang)
    fig, ax, owned = target_axes(ax)
    style.style_axes(ax, grid_axis="y")
    run = _one_run(changes, practice, replication)
    commits = _num(run, "commit_hours")
    end_h = float(commits.max()) if commits.notna().any() else 24.0
    grid = np.linspace(0.0, end_h, 600)
    cols = stage_columns(run)
    c = cumulative_counts(run, grid)  # committed first, production last
    last = len(cols) - 1
    bands = ["production"] + [BAND_INTO[cols[k]] for k in range(last, 0, -1)]
    layers = [c[last]] + [c[k - 1] - c[k] for k in range(last, 0, -1)]
    polys = ax.stackplot(
        grid / 24,
        layers,
        colors=[CFD_COLORS[b] for b in bands],
        labels=[t(f"flow.band.{b}", lang) for b in bands],
        edgecolor="white",
        linewidth=0.3,
    )
    for poly, band in zip(polys, bands, strict=True):
        poly.set_gid(f"cfd:{practice}:{band}")
    ax.set_xlim(0, end_h / 24)
    ax.set_ylim(0, max(1, int(c[0].max())) * 1.05)
    _days_axis(ax, lang)
    style.set_labels(ax, t("chart.cfd.x", lang), t("chart.cfd.y", lang))
    style.set_title(ax, practice_name(practice, lang), size=style.LABEL_SIZE)
    if owned:
        ax.legend(handles=cfd_legend_handles(lang), loc="upper left", fontsize=style.LEGEND_SIZE)
    return fig if owned else ax


def first_changes(run: pd.DataFrame, n_changes: int) -> pd.DataFrame:
    """The first ``n_changes`` changes of a run by commit order (in-window ones if any)."""
    rows = in_window(run) if "in_window" in run and run["in_window"].any() else run
    return rows.sort_values("commit_hours").head(n_changes)


def plot_change_timeline(
    changes: pd.DataFrame,
    practice: str,
    lang: str = "en",
    ax: Axes | None = None,
    n_changes: int = DEFAULT_TIMELINE_CHANGES,
    replication: int | None = None,
):
    """Timeline of the first changes of one practice's run through the stations (days).

    Each row is a change; coloured segments show build, waiting for Staging, Staging,
    waiting at the gate (or for the release), and deploy; a diamond marks production, and
    the changes of one deploy are joined by a vertical line (a batch). The time axis is in
    days since the start of the run, or, when the changes shown take under 48 hours, in
    hours since the first one's commit.

    Parameters
    ----------
    changes : DataFrame
        ``compare(...).changes``.
    practice : str
        ``integration``, ``delivery`` or ``deployment``.
    lang : {"en", "pt"}
        Language of every text.
    ax : Axes, optional
        Draw into this axes and return it.
    n_changes : int
        How many changes (rows) to show.
    replication : int, optional
        Which run; default the first.

    Returns
    -------
    Figure, or the given Axes.
    """
    lang = normalize_lang(lang)
    fig, ax, owned = target_axes(ax)
    style.style_axes(ax, grid_axis="x")
    run = _one_run(changes, practice, replication)
    rows = first_changes(run, n_changes).reset_index(drop=True)
    order_gate_first = gate_first(run)
    lo, hi = np.inf, -np.inf
    spans: dict[str, list[tuple[int, float, float]]] = {name: [] for name in SEGMENT_STYLE}
    for i, ch in rows.iterrows():
        for name, start, end in change_segments(ch, order_gate_first):
            spans[name].append((int(i), start, end))
            lo, hi = min(lo, start), max(hi, end)
        if not pd.isna(ch.get("commit_hours", np.nan)):
            lo = min(lo, float(ch["commit_hours"]))
    deployed = rows[_num(rows, "production_hours").notna()]
    if len(deployed):
        hi = max(hi, float(deployed["production_hours"].max()))
    # short timelines read in hours since the first commit, long ones in days (as the CFD)
    in_hours = bool(np.isfinite(lo) and np.isfinite(hi) and hi - lo < SHORT_TIMELINE_HOURS)
    origin = lo if in_hours else 0.0
    scale = 1.0 if in_hours else 24.0

    def x(hours):
        return (np.asarray(hours, dtype=float) - origin) / scale

    for name, items in spans.items():  # one barh call per kind of segment
        if not items:
            continue
        color, waiting = SEGMENT_STYLE[name]
        rows_i, starts, ends = (np.asarray(v, dtype=float) for v in zip(*items, strict=True))
        bars = ax.barh(
            rows_i,
            (ends - starts) / scale,
            left=x(starts),
            height=0.62,
            color=color,
            hatch=style.WAITING_HATCH if waiting else "",
            edgecolor="white",
            linewidth=0.6,
            zorder=2,
        )
        for patch, (row, _s, _e) in zip(bars.patches, items, strict=True):
            patch.set_gid(f"segment:{practice}:{row}:{name}")
    if len(deployed):
        ax.scatter(
            x(deployed["production_hours"]),
            deployed.index,
            marker="D",
            s=70,
            color="black",
            zorder=4,
            gid=f"production:{practice}",
        )
        if "deploy_id" in deployed:
            for did, grp in deployed.groupby("deploy_id"):
                if len(grp) > 1:
                    ax.plot(
                        x([grp["production_hours"].iloc[0]] * 2),
                        [grp.index.min(), grp.index.max()],
                        color="black",
                        lw=2.5,
                        zorder=3,
                        gid=f"batch:{practice}:{did}",
                    )
    if np.isfinite(lo) and np.isfinite(hi):
        pad = max((hi - lo) * 0.03, 0.05)
        ax.set_xlim(x(lo - pad), x(hi + pad))
    ax.set_ylim(max(len(rows), 1) - 0.5, -0.5)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{int(v) + 1}"))
    _days_axis(ax, lang)
    x_label = t("chart.timeline.x_hours" if in_hours else "chart.timeline.x", lang)
    style.set_labels(ax, x_label, t("chart.timeline.y", lang))
    style.set_title(ax, practice_name(practice, lang), size=style.LABEL_SIZE)
    if owned:
        ax.legend(
            handles=timeline_legend_handles(lang), loc="lower left", fontsize=style.LEGEND_SIZE
        )
    return fig if owned else ax


def flow_figure(changes: pd.DataFrame, lang: str = "en", n_changes: int = DEFAULT_TIMELINE_CHANGES):
    """Cumulative flow (top row) and timeline of the first changes (bottom row) per practice.

    Returns
    -------
    Figure
    """
    lang = normalize_lang(lang)
    practices = practices_of(changes)
    if not practices:
        fig, ax = style.new_figure(figsize=style.FIGSIZE)
        nothing_to_show(ax, lang, "changes")
        style.suptitle(fig, t("chart.flow.title", lang))
        return fig
    fig = style.new_figure(figsize=style.FIGSIZE)[0]
    fig.clear()
    top, bottom = fig.subfigures(2, 1, hspace=0.04)
    cfd_axes = top.subplots(1, len(practices), sharey=True, squeeze=False)[0]
    tl_axes = bottom.subplots(1, len(practices), squeeze=False)[0]
    for k, practice in enumerate(practices):
        plot_cumulative_flow(changes, practice, lang, ax=cfd_axes[k])
        plot_change_timeline(changes, practice, lang, ax=tl_axes[k], n_changes=n_changes)
        if k:
            cfd_axes[k].set_ylabel("")
            tl_axes[k].set_ylabel("")
    for sub, title in (
        (top, t("chart.cfd.title", lang)),
        (bottom, t("chart.timeline.title", lang, n=n_changes)),
    ):
        sub.suptitle(title, fontsize=style.PANEL_TITLE_SIZE, fontweight="bold", x=0.01, ha="left")
    top.legend(
        handles=cfd_legend_handles(lang),
        loc="outside right upper",
        fontsize=style.LEGEND_SIZE,
        frameon=False,
    )
    bottom.legend(
        handles=timeline_legend_handles(lang),
        loc="outside right upper",
        fontsize=style.LEGEND_SIZE,
        frameon=False,
    )
    return fig


__all__ = [
    "plot_cumulative_flow",
    "plot_change_timeline",
    "flow_figure",
    "cumulative_counts",
    "stage_instants",
    "stage_columns",
    "first_changes",
    "change_segments",
]
