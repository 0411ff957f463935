"""A sensitivity ranking as text (the terminal) and as HTML (report.html).

Both read the table of :func:`cdsim.sensitivity.sensitivity`: per practice and metric,
the keys from the one that moves the metric most (``rank`` 1) down, with the effect of
moving each across its range (Morris mu*) written in the metric's unit.
"""

from __future__ import annotations

import html
import math

import pandas as pd

from cdsim.i18n import format_number, practice_name, t
from cdsim.metrics.definitions import metric_kind
from cdsim.presentation.cells import format_metric
from cdsim.presentation.tables import key_label, layout, metric_label


def effect_text(metric: str, value: float, lang: str = "en") -> str:
    """An effect in the metric's unit; a change of a rate in percentage points."""
    if value is None or not math.isfinite(value):
        return t("na", lang)
    if metric_kind(metric) == "fraction":
        return t("chart.sensitivity.points", lang, value=format_number(100 * value, lang, 1))
    return format_metric(metric, value, lang)


def range_text(low: float, high: float, lang: str = "en") -> str:
    def one(v: float) -> str:
        if float(v).is_integer():
            return format_number(v, lang, 0)
        return format_number(v, lang, 3).rstrip("0").rstrip(",.")

    return f"{one(low)}–{one(high)}"


def direction_text(mu: float, lang: str = "en", metric: str | None = None) -> str:
    """Whether the metric mostly rises or falls as the key grows ("no change" when the
    mean effect is nought as written)."""
    if mu is None or not math.isfinite(mu) or mu == 0:
        return t("report.sensitivity.flat", lang)
    if metric is not None and effect_text(metric, abs(mu), lang) == effect_text(metric, 0.0, lang):
        return t("report.sensitivity.flat", lang)
    return t("report.sensitivity.up" if mu > 0 else "report.sensitivity.down", lang)


def _rows(table: pd.DataFrame, metric: str, practice: str, lang: str) -> list[list[str]]:
    mine = table[(table["metric"] == metric) & (table["practice"] == practice)]
    rows = []
    for row in mine.itertuples(index=False):
        rank = "" if pd.isna(row.rank) else str(int(row.rank))
        rows.append(
            [
                rank,
                key_label(row.key, lang),
                range_text(row.low, row.high, lang),
                effect_text(metric, row.mu_star, lang),
                direction_text(row.mu, lang, metric),
            ]
        )
    return rows


def _header(lang: str) -> list[str]:
    return [
        t(f"report.sensitivity.{word}", lang)
        for word in ("rank", "key", "range", "effect", "direction")
    ]


def sensitivity_text(table: pd.DataFrame, metric: str, lang: str = "en") -> str:
    """One metric: a block per practice, its keys from the one that matters most."""
    blocks = []
    for practice in dict.fromkeys(table["practice"]):
        rows = _rows(table, metric, practice, lang)
        blocks.append(f"{practice_name(practice, lang)}\n{layout(_header(lang), rows)}")
    title = t("chart.sensitivity.title", lang, metric=metric_label(metric, lang))
    return title + "\n" + "\n\n".join(blocks)


def sensitivity_section(table: pd.DataFrame, how: str, lang: str = "en") -> str:
    """The report's section: how it was made (``how``), then a table per metric and
    practice."""

    def e(text: object) -> str:
        return html.escape(str(text))

    out = [f"<h2>{e(t('report.sensitivity', lang))}</h2><p>{e(how)}</p>"]
    for metric in dict.fromkeys(table["metric"]):
        out.append(f"<h3>{e(metric_label(metric, lang))}</h3>")
        for practice in dict.fromkeys(table["practice"]):
            head = "".join(f"<th>{e(h)}</th>" for h in _header(lang))
            body = "".join(
                "<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>"
                for row in _rows(table, metric, practice, lang)
            )
            out.append(
                f"<h4>{e(practice_name(practice, lang))}</h4>"
                f'<table class="metrics" data-metric="{e(metric)}" data-practice="{e(practice)}">'
                f"<tr>{head}</tr>{body}</table>"
            )
    return "".join(out)


__all__ = ["direction_text", "effect_text", "range_text", "sensitivity_section", "sensitivity_text"]
