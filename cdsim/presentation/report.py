"""The result page: ``report.html`` in a result folder, in the result's language.

One page that tells the whole result without the terminal: the scenario in plain words
and the command that reproduces it, the DORA scorecard, every chart with two lines on how
to read it, every metric, and links to the tables. It needs no network: the charts are
the PNG files beside it, the style is inline, and it prints to a readable PDF.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from cdsim.i18n import practice_name, t
from cdsim.metrics.definitions import METRICS
from cdsim.presentation.cells import summary_cell
from cdsim.presentation.html import scorecard_html
from cdsim.presentation.scenario_text import describe
from cdsim.presentation.tables import (
    key_label,
    metric_label,
    practices_of,
    replications_note,
    summary_rows,
)
from cdsim.scenario import Scenario
from cdsim.version import __version__

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2em auto;
       max-width: 72em; padding: 0 1.5em; color: #222; line-height: 1.45; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; } h2 { margin-top: 1.6em; font-size: 1.3em; }
figure { margin: 1.5em 0; } figure img { max-width: 100%; height: auto; border: 1px solid #ddd; }
figcaption { color: #444; margin-top: 0.4em; }
table.metrics { border-collapse: collapse; } table.metrics td, table.metrics th {
  border-bottom: 1px solid #e3e3e3; padding: 0.25em 0.8em; text-align: right; }
table.metrics th:first-child, table.metrics td:first-child { text-align: left; }
code, pre { background: #f4f4f4; padding: 0.15em 0.35em; border-radius: 3px; }
pre { padding: 0.6em; overflow-x: auto; white-space: pre-wrap; }
.band { color: #555; font-size: 0.85em; } .note { color: #555; font-size: 0.9em; }
@media print { body { max-width: none; margin: 0; } figure, table { break-inside: avoid; }
  a { color: inherit; text-decoration: none; } }
"""

TABLE_ORDER = ("summary", "runs", "changes", "deployments", "incidents", "sweep", "sensitivity")


@dataclass
class Page:
    """What a result folder holds, for its page."""

    lang: str
    title: str
    scenario: Scenario
    replications: int
    seed: int
    band_source: str
    command: str
    charts: Sequence[tuple[str, str]] = ()  # (chart name, file name beside the page)
    tables: Sequence[str] = ()  # file names of the tables beside the page
    sections: list[str] = field(default_factory=list)  # HTML between scorecard and charts


def _e(text: object) -> str:
    return html.escape(str(text))


def _scenario_section(page: Page) -> str:
    lang = page.lang
    runs = t("scenario.replications", lang, n=page.replications)
    if page.replications <= 1:
        runs = t("scenario.one_run", lang)
    experiment = t(
        "report.experiment",
        lang,
        runs=runs[0].upper() + runs[1:],
        seed=page.seed,
        bands=t(f"bands.source.{page.band_source}", lang),
    )
    items = "".join(f"<li>{_e(line)}</li>" for line in describe(page.scenario, lang))
    return (
        f"<h2>{_e(t('report.scenario', lang))}</h2>"
        f"<p><b>{_e(page.scenario.name)}</b>: {_e(page.scenario.description_in(lang))}</p>"
        f"<ul>{items}</ul><p>{_e(experiment)}</p>"
        f"<p>{_e(t('report.reproduce', lang))}</p><pre>{_e(page.command)}</pre>"
    )


def _charts_section(page: Page) -> str:
    lang = page.lang
    if not page.charts:
        return f"<h2>{_e(t('report.charts', lang))}</h2><p>{_e(t('report.no_charts', lang))}</p>"
    figures = []
    for name, file in page.charts:
        kind = next((k for k in ("sweep", "sensitivity") if name.startswith(f"{k}_")), name)
        how = t(f"report.chart.{kind}", lang)
        figures.append(
            f'<figure id="chart-{_e(name)}"><img src="{_e(file)}" alt="{_e(how)}">'
            f"<figcaption>{_e(how)}</figcaption></figure>"
        )
    return f"<h2>{_e(t('report.charts', lang))}</h2>{''.join(figures)}"


def _files_section(page: Page) -> str:
    lang = page.lang

    def stem(name: str) -> str:
        return name.split(".")[0]

    ordered = sorted(page.tables, key=lambda f: (*TABLE_ORDER, stem(f)).index(stem(f)))
    items = "".join(
        f'<li><a href="{_e(f)}">{_e(f)}</a>: {_e(t("report.table." + stem(f), lang))}</li>'
        for f in ordered
    )
    return f"<h2>{_e(t('report.files', lang))}</h2><ul>{items}</ul>"


def metrics_table_html(summary: pd.DataFrame, lang: str, metrics: Sequence[str] = METRICS) -> str:
    """Every metric (rows) by practice (columns): value [interval], and the band below."""
    practices = practices_of(summary)
    head = "".join(f"<th>{_e(practice_name(p, lang))}</th>" for p in practices)
    rows = []
    for row in summary_rows(summary, metrics, practices):
        cells = []
        for practice in practices:
            cell = row.cells[practice]
            band = f'<br><span class="band">{_e(cell.band_text(lang))}</span>' if cell.band else ""
            shown = t("na", lang) if cell.missing else cell.text(lang)
            cells.append(
                f'<td data-practice="{_e(practice)}" data-metric="{_e(row.metric)}">'
                f"{_e(shown)}{band}</td>"
            )
        rows.append(f"<tr><td>{_e(metric_label(row.metric, lang))}</td>{''.join(cells)}</tr>")
    return f'<table class="metrics"><tr><th></th>{head}</tr>{"".join(rows)}</table>'


def render(page: Page, summary: pd.DataFrame | None) -> str:
    """The whole page as one HTML document."""
    lang = page.lang
    parts = [
        f"<h1>{_e(page.title)}</h1><p>{_e(t('report.intro', lang))}</p>",
        _scenario_section(page),
    ]
    if summary is not None:
        parts.append(f"<h2>{_e(t('report.scorecard', lang))}</h2>")
        parts.append(scorecard_html(summary, lang, extras=()))
        parts.append(f'<p class="note">{_e(replications_note(page.replications, lang))}</p>')
    parts += page.sections
    parts.append(_charts_section(page))
    if summary is not None:
        parts.append(f"<h2>{_e(t('report.summary', lang))}</h2>")
        parts.append(metrics_table_html(summary, lang))
    parts.append(_files_section(page))
    parts.append(f'<p class="note">{_e(t("report.footer", lang, version=__version__))}</p>')
    html_lang = "pt-BR" if lang == "pt" else "en"
    return (
        f'<!DOCTYPE html>\n<html lang="{html_lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(page.title)}</title><style>{STYLE}</style></head>"
        f"<body>{''.join(parts)}</body></html>\n"
    )


def sweep_section(
    table: pd.DataFrame, keys: Sequence[str], metrics: Sequence[str], lang: str
) -> str:
    """Each swept metric as a table: a row per grid point, a column per practice."""
    out = [f"<h2>{_e(t('report.sweep', lang))}</h2>"]
    practices = practices_of(table)
    for metric in metrics:
        rows_of = table[table["metric"] == metric]
        head = "".join(f"<th>{_e(key_label(k, lang))}</th>" for k in keys)
        head += "".join(f"<th>{_e(practice_name(p, lang))}</th>" for p in practices)
        body = []
        for point, _group in rows_of.groupby(list(keys), sort=False):
            point = point if isinstance(point, tuple) else (point,)
            at = dict(zip(keys, point, strict=True))
            cells = [summary_cell(rows_of, p, metric, **at) for p in practices]
            body.append(
                "<tr>"
                + "".join(f"<td>{_e(v)}</td>" for v in point)
                + "".join(f"<td>{_e(c.text(lang))}</td>" for c in cells)
                + "</tr>"
            )
        out.append(
            f"<h3>{_e(metric_label(metric, lang))}</h3>"
            f'<table class="metrics"><tr>{head}</tr>{"".join(body)}</table>'
        )
    return "".join(out)


__all__ = ["Page", "metrics_table_html", "render", "sweep_section"]
