"""Results as HTML: the DORA scorecard of the explorer (and of any page that shows one)."""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

import pandas as pd

from cdsim.i18n import practice_name, t
from cdsim.metrics.definitions import FOUR_KEYS
from cdsim.presentation.colors import band_color, text_color_on
from cdsim.presentation.tables import metric_label, practices_of, summary_rows

EXTRA_METRICS: tuple[str, ...] = (
    "release_failure_rate",
    "lead_time_p90_hours",
    "batch_size_mean",
    "throughput_per_day",
    "rework_rate",
    "deploys",
    "failed_deploys",
    "changes_committed",
)
"""The unbanded numbers shown under the four keys."""

_CELL = "padding:4px 10px;text-align:center"


def scorecard_html(
    summary: pd.DataFrame,
    lang: str = "en",
    title: str = "",
    practices: Sequence[str] | None = None,
    extras: Sequence[str] = EXTRA_METRICS,
) -> str:
    """A scorecard: one column per practice, the four keys (coloured by DORA band), then
    ``extras``.

    Every cell shows the value as :class:`~cdsim.presentation.cells.Cell` writes it and its
    band, and carries ``data-practice``, ``data-metric`` and ``data-value`` (the raw number)
    attributes so that tests and screen readers can read it.
    """
    chosen = list(practices) if practices is not None else practices_of(summary)
    head = "".join(
        f'<th style="{_CELL}">{html.escape(practice_name(p, lang))}</th>' for p in chosen
    )

    def rows(metrics: Sequence[str], banded: bool) -> str:
        out = []
        for row in summary_rows(summary, metrics, chosen):
            cells = []
            for practice in chosen:
                cell = row.cells[practice]
                css, label = _CELL, ""
                if banded:
                    color = band_color(cell.band)
                    css += f";background:{color};color:{text_color_on(color)}"
                    label = (
                        f'<br><small data-band="{cell.band}">'
                        f"{html.escape(t('band.none', lang) if not cell.band else cell.band_text(lang))}"
                        "</small>"
                    )
                raw = "nan" if math.isnan(cell.mean) else repr(cell.mean)
                cells.append(
                    f'<td style="{css}" data-practice="{practice}" data-metric="{row.metric}" '
                    f'data-value="{raw}"><b>{html.escape(cell.value_text(lang))}</b>{label}</td>'
                )
            out.append(
                '<tr><th style="padding:4px 10px;text-align:left;font-weight:normal">'
                f"{html.escape(metric_label(row.metric, lang))}</th>{''.join(cells)}</tr>"
            )
        return "".join(out)

    caption = f"<b>{html.escape(title)}</b>" if title else ""
    more = ""
    if extras:
        more = (
            f'<tr><th colspan="{len(chosen) + 1}" style="text-align:left;padding-top:8px">'
            f"{html.escape(t('explorer.scorecard.extras', lang))}</th></tr>{rows(extras, False)}"
        )
    return (
        f'<div class="cdsim-scorecard">{caption}'
        '<table style="border-collapse:separate;border-spacing:2px;margin-top:4px">'
        f"<tr><th></th>{head}</tr>{rows(FOUR_KEYS, True)}{more}</table></div>"
    )


__all__ = ["EXTRA_METRICS", "scorecard_html"]
