"""Results as tables of cells: the summary (a row per metric, a column per practice), a
sweep (a row per grid point), and how they are written as plain text for a terminal.

The explorer's HTML scorecard (:mod:`cdsim.presentation.html`) and the scorecard chart
read the same rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from cdsim.i18n import TEXTS, practice_name, t
from cdsim.metrics.bands import DEFAULT_SOURCE
from cdsim.metrics.definitions import FOUR_KEYS
from cdsim.practices.names import PRACTICES
from cdsim.presentation.cells import Cell, summary_cell

SUMMARY_METRICS: tuple[str, ...] = (*FOUR_KEYS, "release_failure_rate")
"""What the terminal summary shows: the four keys (banded), then the failure rate of
first deploys (a release before any redeploy)."""


def metric_label(metric: str, lang: str = "en") -> str:
    """The display name of a metric (its name itself when it has no translation); a time
    part ``time_<part>_hours`` is named by its part."""
    key = f"metric.{metric}"
    if key in TEXTS:
        return t(key, lang)
    part = metric.removeprefix("time_").removesuffix("_hours")
    if metric.startswith("time_") and f"time.{part}" in TEXTS:
        return t(f"time.{part}", lang)
    return metric


DURATION_PARTS = ("mean_minutes", "mean_hours", "mean_days", "cv", "dist")


def key_label(key: str, lang: str = "en") -> str:
    """A scenario key in words: ``approval.delay.mean_hours`` -> "approval delay, mean
    (hours)"; the key itself when it has no words."""
    if f"key.{key}" in TEXTS:
        return t(f"key.{key}", lang)
    parent, _, part = key.rpartition(".")
    if part in DURATION_PARTS and f"key.{parent}" in TEXTS:
        return f"{t(f'key.{parent}', lang)}, {t(f'key.part.{part}', lang)}"
    return key


def practices_of(table: pd.DataFrame) -> list[str]:
    """Practices present in ``table``, in the canonical order (unknown ones last)."""
    present = list(dict.fromkeys(table["practice"].astype(str))) if len(table) else []
    return [p for p in PRACTICES if p in present] + [p for p in present if p not in PRACTICES]


@dataclass(frozen=True)
class Row:
    """One metric across practices."""

    metric: str
    cells: dict[str, Cell]  # practice -> cell

    @property
    def banded(self) -> bool:
        return any(cell.band for cell in self.cells.values())


def summary_rows(
    summary: pd.DataFrame,
    metrics: Sequence[str] = SUMMARY_METRICS,
    practices: Sequence[str] | None = None,
) -> list[Row]:
    """One :class:`Row` per metric, one :class:`Cell` per practice."""
    chosen = list(practices) if practices is not None else practices_of(summary)
    return [Row(m, {p: summary_cell(summary, p, m) for p in chosen}) for m in metrics]


def replications_note(replications: int, lang: str = "en") -> str:
    """What the values are: a mean with its interval, or one run."""
    if replications > 1:
        return t("chart.comparison.note_ci", lang, n=replications)
    return t("chart.comparison.note_single", lang)


def bands_note(band_source: str, lang: str = "en") -> str:
    """Which published table the bands come from, in one sentence."""
    return t(f"bands.source.{band_source}", lang)


def layout(header: list[str], rows: list[list[str]]) -> str:
    """Fixed-width columns, a rule under the header."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
        for r in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def summary_text(
    summary: pd.DataFrame,
    replications: int,
    lang: str = "en",
    metrics: Sequence[str] = SUMMARY_METRICS,
    practices: Sequence[str] | None = None,
) -> str:
    """The summary for a terminal: value [interval] per practice, the band under it."""
    rows = summary_rows(summary, metrics, practices)
    chosen = list(practices) if practices is not None else practices_of(summary)
    header = [""] + [practice_name(p, lang) for p in chosen]
    lines = []
    for row in rows:
        cells = [row.cells[p] for p in chosen]
        lines.append(
            [metric_label(row.metric, lang)]
            + [t("na", lang) if c.missing else c.text(lang) for c in cells]
        )
        if row.banded:
            lines.append([""] + [c.band_text(lang) for c in cells])
    source = summary.attrs.get("band_source", DEFAULT_SOURCE)
    notes = f"{replications_note(replications, lang)} {bands_note(source, lang)}"
    return f"{layout(header, lines)}\n{notes}"


def sweep_text(table: pd.DataFrame, metric: str, keys: Sequence[str], lang: str = "en") -> str:
    """One metric of a sweep: a row per grid point, a column per practice."""
    rows_of = table[table["metric"] == metric]
    practices = practices_of(rows_of)
    header = [key_label(k, lang) for k in keys] + [practice_name(p, lang) for p in practices]
    lines = []
    for point, _group in rows_of.groupby(list(keys), sort=False):
        point = point if isinstance(point, tuple) else (point,)
        at = dict(zip(keys, point, strict=True))
        cells = [summary_cell(rows_of, p, metric, **at) for p in practices]
        lines.append([str(v) for v in point] + [c.text(lang) for c in cells])
    return f"{metric_label(metric, lang)}\n{layout(header, lines)}"


__all__ = [
    "SUMMARY_METRICS",
    "key_label",
    "Row",
    "bands_note",
    "layout",
    "metric_label",
    "practices_of",
    "replications_note",
    "summary_rows",
    "summary_text",
    "sweep_text",
]
