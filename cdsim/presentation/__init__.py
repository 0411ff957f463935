"""The presentation layer: results turned into cells, rows and text.

One summary cell is read one way (:func:`summary_cell`) and written one way
(:class:`Cell`), for the command line (:func:`summary_text`, :func:`sweep_text`), the
explorer (:func:`scorecard_html`) and the charts.

Layers below it: the metrics (:mod:`cdsim.metrics`) and the texts (:mod:`cdsim.i18n`).
"""

from cdsim.presentation.cells import Cell, clip_interval, format_ci, format_metric, summary_cell
from cdsim.presentation.html import scorecard_html
from cdsim.presentation.tables import (
    SUMMARY_METRICS,
    Row,
    metric_label,
    summary_rows,
    summary_text,
    sweep_text,
)

__all__ = [
    "SUMMARY_METRICS",
    "Cell",
    "Row",
    "clip_interval",
    "format_ci",
    "format_metric",
    "metric_label",
    "scorecard_html",
    "summary_cell",
    "summary_rows",
    "summary_text",
    "sweep_text",
]
