"""One translation table for every user-facing text of cdsim, and locale-aware formatting.

Languages are ``"en"`` (English) and ``"pt"`` (Brazilian Portuguese; ``"pt-BR"`` is accepted
as an alias). Charts, the command line and the notebook explorer all take their texts from
:data:`TEXTS` through :func:`t`, and format numbers through :func:`format_metric` and friends,
so that a figure never mixes languages or decimal separators.

Examples
--------
>>> t("practice.delivery", "pt")
'Entrega Contínua'
>>> format_hours(98.4, "en")
'4.1 days'
>>> format_hours(98.4, "pt")
'4,1 dias'
"""

from __future__ import annotations

import math

LANGUAGES: tuple[str, ...] = ("en", "pt")
"""Supported language codes."""

_ALIASES = {"en": "en", "en-us": "en", "en-gb": "en", "pt": "pt", "pt-br": "pt", "pt_br": "pt"}

PRACTICES: tuple[str, ...] = ("integration", "delivery", "deployment")
"""The three practices, in the order every table and chart uses."""

FOUR_KEYS: tuple[str, ...] = (
    "deploys_per_day",
    "lead_time_median_hours",
    "change_failure_rate",
    "time_to_restore_median_hours",
)
"""The DORA four keys, as summary metric names."""

BANDS: tuple[str, ...] = ("elite", "high", "medium", "low")
"""DORA performance bands, best first."""

TIME_COMPONENTS: tuple[str, ...] = (
    "build_queue",
    "build",
    "rework",
    "staging_queue",
    "staging",
    "gate",
    "deploy_queue",
    "deploy",
    "incident",
)
"""Where a change's lead time goes; summary metric ``time_<name>_hours``."""

# key -> (English, Brazilian Portuguese)
TEXTS: dict[str, tuple[str, str]] = {
    # practices
    "practice.integration": ("Continuous Integration", "Integração Contínua"),
    "practice.delivery": ("Continuous Delivery", "Entrega Contínua"),
    "practice.deployment": ("Continuous Deployment", "Deploy Contínuo"),
    "practice.integration.short": ("Integration", "Integração"),
    "practice.delivery.short": ("Delivery", "Entrega"),
    "practice.deployment.short": ("Deployment", "Deploy"),
    "practice.integration.gate": ("manual release", "release manual"),
    # stations of the pipeline
    "station.source_control": ("Source Control", "Controle de Versão"),
    "station.source_control.detail": ("commit changes", "commit das alterações"),
    "station.build": ("Build", "Build"),
    "station.build.detail": ("run build and unit tests", "build e testes unitários"),
    "station.staging": ("Staging", "Homologação"),
    "station.staging.detail": (
        "deploy to test environment; run integration, load and other tests",
        "deploy no ambiente de testes; testes de integração, de carga e outros",
    ),
    "station.production": ("Production", "Produção"),
    "station.production.detail": (
        "deploy to production environment",
        "deploy no ambiente de produção",
    ),
    "flow.automated": ("automated", "automatizado"),
    "flow.commit": ("commit", "commit"),
    # gates
    "gate.approve": ("approve deploy", "aprovar deploy"),
    "gate.automatic": ("automatic deploy", "deploy automático"),
    "gate.release": ("manual release", "release manual"),
    # DORA bands
    "band.elite": ("Elite", "Elite"),
    "band.high": ("High", "Alto"),
    "band.medium": ("Medium", "Médio"),
    "band.low": ("Low", "Baixo"),
    "band.none": ("no band", "sem faixa"),
    "bands.source.dora-2023": (
        "Bands (elite, high, medium, low) follow the DORA State of DevOps 2023 report.",
        "As faixas (elite, alto, médio, baixo) seguem o relatório DORA State of DevOps 2023.",
    ),
    "bands.source.dora-2021": (
        "Bands (elite, high, medium, low) follow the DORA State of DevOps 2021 report.",
        "As faixas (elite, alto, médio, baixo) seguem o relatório DORA State of DevOps 2021.",
    ),
    "bands.source.four-keys": (
        "Bands (elite, high, medium, low) follow the cut-offs of the open-source Four Keys "
        "dashboard.",
        "As faixas (elite, alto, médio, baixo) seguem os limites do painel de código aberto "
        "Four Keys.",
    ),
    # metrics (long names)
    "metric.deploys_per_day": ("Deployment frequency", "Frequência de deploy"),
    "metric.lead_time_median_hours": ("Median lead time", "Lead time mediano"),
    "metric.lead_time_mean_hours": ("Mean lead time", "Lead time médio"),
    "metric.lead_time_p90_hours": ("Lead time, 90th percentile", "Lead time, percentil 90"),
    "metric.change_failure_rate": ("Change failure rate", "Taxa de falha de mudanças"),
    "metric.release_failure_rate": (
        "Failure rate of first deploys",
        "Taxa de falha dos primeiros deploys",
    ),
    "metric.redeploys": ("Redeploys after a rollback", "Redeploys após rollback"),
    "metric.time_to_restore_median_hours": (
        "Median time to restore",
        "Tempo mediano de restauração",
    ),
    "metric.time_to_restore_mean_hours": ("Mean time to restore", "Tempo médio de restauração"),
    "metric.batch_size_mean": ("Mean changes per deploy", "Média de mudanças por deploy"),
    "metric.throughput_per_day": ("Throughput", "Vazão"),
    "metric.rework_rate": ("Rework rate", "Taxa de retrabalho"),
    "metric.deploys": ("Deploys", "Deploys"),
    "metric.failed_deploys": ("Failed deploys", "Deploys com falha"),
    "metric.changes_committed": ("Changes committed", "Mudanças com commit"),
    "metric.changes_deployed": ("Changes deployed", "Mudanças em produção"),
    # metrics (short names, for tight spaces)
    "metric.deploys_per_day.short": ("deploys per day", "deploys por dia"),
    "metric.lead_time_median_hours.short": ("median lead time", "lead time mediano"),
    "metric.change_failure_rate.short": ("change failure rate", "taxa de falha"),
    "metric.time_to_restore_median_hours.short": ("time to restore", "tempo p/ restaurar"),
    # where time goes
    "time.build_queue": ("Build queue", "Fila de build"),
    "time.build": ("Build and unit tests", "Build e testes unitários"),
    "time.rework": ("Rework (fixing)", "Retrabalho (correção)"),
    "time.staging_queue": ("Staging queue", "Fila de homologação"),
    "time.staging": ("Staging tests / QA", "Testes em homologação / QA"),
    "time.gate": ("Waiting for approval or release", "Espera por aprovação ou release"),
    "time.deploy_queue": ("Deploy queue", "Fila de deploy"),
    "time.deploy": ("Deploying", "Deploy em andamento"),
    "time.incident": ("Failed deploy until restored", "Deploy com falha até restaurar"),
    "time.waiting": ("Hatched: waiting", "Hachurado: espera"),
    # cumulative flow states (changes that have reached at least ...)
    "flow.state.committed": ("Committed", "Commit feito"),
    "flow.state.built": ("Green build", "Build verde"),
    "flow.state.staged": ("Passed staging", "Aprovada em homologação"),
    "flow.state.promoted": ("Promoted (gate passed)", "Promovida (portão liberado)"),
    "flow.state.production": ("In production", "Em produção"),
    "flow.band.building": ("in build or rework", "em build ou retrabalho"),
    "flow.band.staging": ("waiting for or in staging", "aguardando ou em homologação"),
    "flow.band.gate": ("at the gate", "no portão"),
    "flow.band.deploying": ("deploying", "em deploy"),
    "flow.band.production": ("in production", "em produção"),
    "flow.segment.build": ("commit to green build", "commit até build verde"),
    "flow.segment.staging_wait": ("waiting for staging", "aguardando homologação"),
    "flow.segment.staging": ("staging", "homologação"),
    "flow.segment.gate": ("waiting at gate / release", "espera no portão / release"),
    "flow.segment.deploy": ("deploy queue and deploy", "fila de deploy e deploy"),
    "flow.segment.production": ("in production", "em produção"),
    # DORA limits on time axes
    "limit.hour": ("1 hour", "1 hora"),
    "limit.day": ("1 day", "1 dia"),
    "limit.week": ("1 week", "1 semana"),
    "limit.month": ("1 month", "1 mês"),
    "limit.six_months": ("6 months", "6 meses"),
    "limit.dora": ("DORA band limits", "limites das faixas DORA"),
    # units
    "unit.minutes": ("min", "min"),
    "unit.hours": ("h", "h"),
    "unit.days": ("days", "dias"),
    "unit.per_day": ("/day", "/dia"),
    # generic words
    "na": ("n/a", "s/d"),
    "ci95": ("95% CI", "IC 95%"),
    "median": ("median", "mediana"),
    "replications": ("replications", "replicações"),
    "replication": ("replication", "replicação"),
    "practice": ("Practice", "Prática"),
    "no_data": ("no data", "sem dados"),
    # chart titles and axis labels
    "chart.comparison.title": (
        "Continuous Integration, Delivery and Deployment: simulated",
        "Integração, Entrega e Deploy Contínuos: simulação",
    ),
    "chart.comparison.note_ci": (
        "Values: mean of {n} replications, 95% CI in brackets.",
        "Valores: média de {n} replicações, IC 95% entre colchetes.",
    ),
    "chart.comparison.note_single": (
        "Values from one simulated run.",
        "Valores de uma única execução simulada.",
    ),
    "chart.comparison.note_integration": (
        "Continuous Integration reaches production through a periodic manual release.",
        "Na Integração Contínua, a produção recebe as mudanças num release manual periódico.",
    ),
    "chart.lead_time.title": (
        "Lead time for changes: commit to production",
        "Lead time das mudanças: do commit à produção",
    ),
    "chart.lead_time.x": ("Lead time (hours, log scale)", "Lead time (horas, escala log)"),
    "chart.lead_time.y": (
        "Changes deployed within that time (%)",
        "Mudanças em produção dentro desse tempo (%)",
    ),
    "chart.cfr.title": (
        "Change failure rate, with 95% CI",
        "Taxa de falha de mudanças, com IC 95%",
    ),
    "chart.cfr.title_single": ("Change failure rate", "Taxa de falha de mudanças"),
    "chart.cfr.y": ("Failed deploys / deploys (%)", "Deploys com falha / deploys (%)"),
    "chart.batch.title": (
        "Bigger batches fail more often",
        "Lotes maiores falham mais",
    ),
    "chart.batch.x": ("Changes per deploy (log scale)", "Mudanças por deploy (escala log)"),
    "chart.batch.y": (
        "First deploys that failed on a defect (%)",
        "Primeiros deploys que falharam por defeito (%)",
    ),
    "chart.batch.legend": (
        "first deploys only (no redeploys)\npoints: size = number of deploys\n"
        "dashes: $1 - (1 - p)^k$, p = escaped defects per change",
        "só primeiros deploys (sem redeploys)\npontos: tamanho = nº de deploys\n"
        "tracejado: $1 - (1 - p)^k$, p = defeitos escapados por mudança",
    ),
    "chart.failure.title": (
        "Change failure rate and batch size",
        "Taxa de falha de mudanças e tamanho do lote",
    ),
    "chart.frequency.title": (
        "Deployment frequency and time to restore",
        "Frequência de deploy e tempo de restauração",
    ),
    "chart.deploys.title": ("Deployment frequency", "Frequência de deploy"),
    "chart.deploys.y": ("Deploys per day (1/day)", "Deploys por dia (1/dia)"),
    "chart.restore.title": ("Median time to restore service", "Tempo mediano de restauração"),
    "chart.restore.y": ("Time to restore (hours)", "Tempo de restauração (horas)"),
    "chart.breakdown.title": (
        "Where the lead time goes (mean per change)",
        "Para onde vai o lead time (média por mudança)",
    ),
    "chart.breakdown.hours.title": ("Mean hours per change", "Horas médias por mudança"),
    "chart.breakdown.share.title": ("Share of lead time", "Fração do lead time"),
    "chart.breakdown.x_hours": ("Mean time per change (hours)", "Tempo médio por mudança (horas)"),
    "chart.breakdown.x_share": ("Share of lead time (%)", "Fração do lead time (%)"),
    "chart.breakdown.total": ("total {value}", "total {value}"),
    "chart.flow.title": ("Flow of changes over time", "Fluxo das mudanças no tempo"),
    "chart.cfd.title": ("Cumulative flow", "Fluxo cumulativo"),
    "chart.cfd.x": ("Time (days)", "Tempo (dias)"),
    "chart.cfd.y": ("Changes (count)", "Mudanças (quantidade)"),
    "chart.timeline.title": ("First {n} changes", "Primeiras {n} mudanças"),
    "chart.timeline.x": ("Time (days)", "Tempo (dias)"),
    "chart.timeline.x_hours": ("Hours since first commit", "Horas desde o 1º commit"),
    "chart.timeline.y": ("Change (commit order)", "Mudança (ordem de commit)"),
    "chart.scorecard.title": ("DORA scorecard", "Placar DORA"),
    "chart.scorecard.note": (
        "Cell colour: DORA performance band.",
        "Cor da célula: faixa de desempenho DORA.",
    ),
}


def normalize_lang(lang: str) -> str:
    """Return the canonical language code for ``lang``.

    Raises
    ------
    ValueError
        When ``lang`` is not a supported language; the message names the allowed codes.
    """
    code = _ALIASES.get(str(lang).strip().lower()) if isinstance(lang, str) else None
    if code is None:
        allowed = ", ".join(repr(x) for x in LANGUAGES)
        raise ValueError(f"unknown language {lang!r}; use one of {allowed} ('pt-BR' = 'pt')")
    return code


def t(key: str, lang: str = "en", **values: object) -> str:
    """Translate ``key`` into ``lang``, filling ``{placeholders}`` from ``values``.

    Raises
    ------
    ValueError
        Unknown language.
    KeyError
        Unknown key.
    """
    code = normalize_lang(lang)
    try:
        pair = TEXTS[key]
    except KeyError:
        raise KeyError(f"no translation for key {key!r}") from None
    text = pair[LANGUAGES.index(code)]
    return text.format(**values) if values else text


def practice_name(practice: str, lang: str = "en", short: bool = False) -> str:
    """Display name of a practice (``integration``, ``delivery`` or ``deployment``)."""
    return t(f"practice.{practice}" + (".short" if short else ""), lang)


def practice_label(practice: str, lang: str = "en") -> str:
    """Practice name on two lines (for axis ticks): ``"Continuous\nDelivery"``."""
    name = practice_name(practice, lang)
    return "\n".join(name.split(" ", 1))


def band_name(band: object, lang: str = "en") -> str:
    """Display name of a DORA band; empty or missing -> "no band"."""
    if isinstance(band, str) and band in BANDS:
        return t(f"band.{band}", lang)
    return t("band.none", lang)


# ---------------------------------------------------------------- number formatting


def _is_missing(x: object) -> bool:
    try:
        return x is None or math.isnan(float(x))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return True


def format_number(x: float, lang: str = "en", decimals: int = 1) -> str:
    """Format a number with the language's decimal separator (``3.2`` / ``3,2``).

    NaN -> ``"n/a"`` / ``"s/d"``.
    """
    code = normalize_lang(lang)
    if _is_missing(x):
        return t("na", code)
    text = f"{float(x):,.{decimals}f}"
    if code == "pt":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def _auto_decimals(x: float) -> int:
    """Decimals so that a value shows two to three significant digits."""
    ax = abs(x)
    if ax == 0 or ax >= 10:
        return 0
    if ax >= 1:
        return 1
    if ax >= 0.1:
        return 2
    return 3


def hours_unit(hours: float) -> str:
    """Readable unit for a duration in hours: ``"minutes"``, ``"hours"`` or ``"days"``."""
    if _is_missing(hours):
        return "hours"
    if abs(hours) < 1:
        return "minutes"
    if abs(hours) < 48:
        return "hours"
    return "days"


_UNIT_DIVISOR = {"minutes": 1 / 60, "hours": 1.0, "days": 24.0}
_UNIT_KEY = {"minutes": "unit.minutes", "hours": "unit.hours", "days": "unit.days"}


def _unit_decimals(value: float, unit: str) -> int:
    if unit == "minutes":
        return 0 if value == 0 or abs(value) >= 10 else 1
    return _auto_decimals(value)


def format_hours(hours: float, lang: str = "en", unit: str | None = None) -> str:
    """Format a duration given in hours readably: ``"35 min"``, ``"3.2 h"``, ``"4.1 days"``.

    Parameters
    ----------
    hours : float
        Duration in hours; NaN -> "n/a" / "s/d".
    lang : str
        ``"en"`` or ``"pt"``.
    unit : str, optional
        Force ``"minutes"``, ``"hours"`` or ``"days"``; default: chosen from the value
        (under 1 h in minutes, under 48 h in hours, else in days).
    """
    if _is_missing(hours):
        return t("na", lang)
    unit = unit or hours_unit(hours)
    value = float(hours) / _UNIT_DIVISOR[unit]
    number = format_number(value, lang, _unit_decimals(value, unit))
    return f"{number} {t(_UNIT_KEY[unit], lang)}"


def format_percent(fraction: float, lang: str = "en") -> str:
    """Format a fraction as a percentage: ``0.125`` -> ``"12%"``, ``0.045`` -> ``"4.5%"``."""
    if _is_missing(fraction):
        return t("na", lang)
    pct = float(fraction) * 100
    decimals = 0 if pct == 0 or abs(pct) >= 10 else 1
    return f"{format_number(pct, lang, decimals)}%"


def format_rate(per_day: float, lang: str = "en", with_unit: bool = True) -> str:
    """Format a rate per day: ``4.1/day``, ``0.071/day``, ``12/day``."""
    if _is_missing(per_day):
        return t("na", lang)
    text = format_number(per_day, lang, _auto_decimals(per_day))
    return f"{text}{t('unit.per_day', lang)}" if with_unit else text


_HOURS_METRICS_SUFFIX = "_hours"
_FRACTION_METRICS = {"change_failure_rate", "release_failure_rate", "rework_rate", "completion"}
_RATE_METRICS = {"deploys_per_day", "throughput_per_day"}


def metric_kind(metric: str) -> str:
    """How a summary metric is formatted: ``"hours"``, ``"fraction"``, ``"rate"`` or ``"number"``."""
    if metric.endswith(_HOURS_METRICS_SUFFIX):
        return "hours"
    if metric in _FRACTION_METRICS:
        return "fraction"
    if metric in _RATE_METRICS:
        return "rate"
    return "number"


def format_metric(metric: str, value: float, lang: str = "en") -> str:
    """Format a value of a summary metric with its unit (hours, %, per day, count)."""
    kind = metric_kind(metric)
    if kind == "hours":
        return format_hours(value, lang)
    if kind == "fraction":
        return format_percent(value, lang)
    if kind == "rate":
        return format_rate(value, lang)
    if _is_missing(value):
        return t("na", lang)
    return format_number(value, lang, _auto_decimals(value))


def clip_interval(metric: str, low: float, high: float) -> tuple[float, float]:
    """Clip a confidence interval to the values ``metric`` can take: never below 0, and
    never above 1 for rates such as the change failure rate (a t interval from few
    replications can reach past them)."""
    lo, hi = float(low), float(high)
    if not math.isnan(lo):
        lo = max(lo, 0.0)
    if not math.isnan(hi):
        hi = max(hi, 0.0)
        if metric_kind(metric) == "fraction":
            hi = min(hi, 1.0)
    if metric_kind(metric) == "fraction" and not math.isnan(lo):
        lo = min(lo, 1.0)
    return lo, hi


def format_ci(metric: str, value: float, low: float, high: float, lang: str = "en") -> str:
    """Format a 95% interval in the unit of ``value``: ``"[2.9–3.6]"``; empty if unknown.

    The numbers are written in the unit (minutes, hours, days, %, per day) and with the
    decimals that ``format_metric(metric, value, lang)`` uses; the unit is not repeated,
    except ``%``. The ends are clipped with :func:`clip_interval`.
    """
    if _is_missing(low) or _is_missing(high):
        return ""
    low, high = clip_interval(metric, low, high)
    ref = float(high) if _is_missing(value) else float(value)
    kind = metric_kind(metric)
    suffix = ""
    if kind == "hours":
        unit = hours_unit(ref)
        div = _UNIT_DIVISOR[unit]
        ref, lo, hi = ref / div, float(low) / div, float(high) / div
        decimals = _unit_decimals(ref, unit)
    elif kind == "fraction":
        ref, lo, hi = ref * 100, float(low) * 100, float(high) * 100
        decimals = 0 if ref == 0 or abs(ref) >= 10 else 1
        suffix = "%"
    else:
        lo, hi = float(low), float(high)
        decimals = _auto_decimals(ref if ref != 0 else hi)
    return f"[{format_number(lo, lang, decimals)}–{format_number(hi, lang, decimals)}{suffix}]"


def parse_number(text: str, lang: str = "en") -> float:
    """Inverse of :func:`format_number` for one number (used by tests and widgets)."""
    code = normalize_lang(lang)
    s = text.strip()
    s = s.replace(".", "").replace(",", ".") if code == "pt" else s.replace(",", "")
    return float(s)
