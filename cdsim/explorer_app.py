"""The classroom explorer: sliders on the left, the three practices simulated live on the right.

>>> import cdsim
>>> app = cdsim.explorer()            # shows itself when it is the last line of a cell
>>> app.sliders["developers"].value = 12          # headless: change a value in Python...
>>> app.last_update_seconds                       # ...it re-simulated at once
>>> app.metrics.loc["delivery", "lead_time_median_hours"]

Each update runs **one replication per chosen practice** with the same seed (common random
numbers), so a difference between practices comes from the practice, and the numbers are
exactly those of ``cdsim.simulate(app.scenario, practice, app.seed)``. The DORA scorecard
(an HTML table) is rebuilt on every update; of the charts, only the tab on screen is drawn,
and the others are drawn when their tab is opened, so that an update stays under half a
second for the classroom preset.

Widget texts that are specific to the explorer (slider names, buttons, the guide) live in
:data:`TEXTS` below; everything else (metric, practice and band names, number formats,
chart texts) comes from :mod:`cdsim.i18n` and :mod:`cdsim.charts`.
"""

from __future__ import annotations

import contextlib
import html
import io
import math
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets
import pandas as pd

from cdsim import i18n
from cdsim.charts import style as style_module
from cdsim.experiments import Comparison, compare
from cdsim.practices import PRACTICES
from cdsim.scenario import Scenario, ScenarioError, load_scenario

DEFAULT_PRESET = "classroom"
DEFAULT_SEED = 1
DISPLAY_DPI = 60
"""Resolution of the chart images: the 16 x 9 inch figures become 960 x 540 pixels."""

# ------------------------------------------------------------------ explorer-only texts

# key -> (English, Brazilian Portuguese). Texts that cdsim.i18n does not have.
TEXTS: dict[str, tuple[str, str]] = {
    "title": ("cdsim explorer", "Explorador cdsim"),
    "subtitle": (
        "One simulated team, three ways to reach production. Move a slider and watch.",
        "Um time simulado, três caminhos até a produção. Mova um controle e observe.",
    ),
    "group.team": ("Team", "Time"),
    "group.tests": ("Tests: chance to catch a defect", "Testes: chance de pegar um defeito"),
    "group.pipeline": ("Pipeline and gates", "Pipeline e portões"),
    "group.run": ("Simulation", "Simulação"),
    "slider.developers": ("Developers", "Desenvolvedores"),
    "slider.commits_per_day": ("Commits/dev/day", "Commits/dev/dia"),
    "slider.defect_probability": ("Defect chance", "Chance de defeito"),
    "slider.build_detection": ("Unit tests (build)", "Testes unitários (build)"),
    "slider.staging_detection": ("Staging tests", "Testes em homologação"),
    "slider.approval_detection": ("Human review", "Revisão humana"),
    "slider.runners": ("CI runners", "Runners de CI"),
    "slider.approval_delay": ("Approval delay (h)", "Espera p/ aprovar (h)"),
    "slider.release_every": ("Release every (days)", "Release a cada (dias)"),
    "slider.days": ("Horizon (days)", "Horizonte (dias)"),
    "slider.seed": ("Random seed", "Semente aleatória"),
    "help.developers": ("people committing changes", "pessoas fazendo commits"),
    "help.commits_per_day": (
        "changes each developer commits per working day",
        "mudanças que cada pessoa envia por dia útil",
    ),
    "help.defect_probability": (
        "chance that a change of average size carries a bug",
        "chance de uma mudança de tamanho médio ter um bug",
    ),
    "help.build_detection": (
        "chance that unit tests in the build catch a bug",
        "chance de os testes unitários do build pegarem um bug",
    ),
    "help.staging_detection": (
        "chance that integration and load tests in staging catch a bug the build missed",
        "chance de os testes de integração e carga pegarem um bug que o build deixou passar",
    ),
    "help.approval_detection": (
        "Continuous Delivery only: chance that the approver spots a bug",
        "só Entrega Contínua: chance de quem aprova perceber um bug",
    ),
    "help.runners": (
        "CI machines building in parallel",
        "máquinas de CI fazendo builds em paralelo",
    ),
    "help.approval_delay": (
        "Continuous Delivery only: mean working hours until someone approves",
        "só Entrega Contínua: horas úteis médias até alguém aprovar",
    ),
    "help.release_every": (
        "Continuous Integration only: a manual release is cut this often",
        "só Integração Contínua: um release manual é feito nesse intervalo",
    ),
    "help.days": ("days during which the team commits", "dias em que o time faz commits"),
    "help.seed": (
        "same seed, same numbers; change it to see another possible run",
        "mesma semente, mesmos números; mude para ver outra execução possível",
    ),
    "practices": ("Practices", "Práticas"),
    "language": ("Language", "Idioma"),
    "reset": ("Reset", "Restaurar"),
    "reset.tooltip": ("back to the preset's values", "voltar aos valores do cenário"),
    "run": ("Run again", "Rodar de novo"),
    "scorecard": (
        "DORA scorecard (one run per practice)",
        "Placar DORA (uma execução por prática)",
    ),
    "scorecard.extras": ("More numbers", "Outros números"),
    "status.done": (
        "Updated in {seconds} s: simulate {sim} s, scorecard {card} s, chart {chart} s.",
        "Atualizado em {seconds} s: simulação {sim} s, placar {card} s, gráfico {chart} s.",
    ),
    "status.running": ("Simulating...", "Simulando..."),
    "status.no_practice": ("Choose at least one practice.", "Escolha ao menos uma prática."),
    "status.error": (
        "Cannot run these values: {error}",
        "Não dá para rodar esses valores: {error}",
    ),
    "chart.missing": ("This chart is not available.", "Este gráfico não está disponível."),
    "chart.failed": (
        "This chart could not be drawn: {error}",
        "Não foi possível desenhar: {error}",
    ),
    "tab.comparison": ("The figure", "A figura"),
    "tab.scorecard": ("Scorecard", "Placar"),
    "tab.lead_time": ("Lead time", "Lead time"),
    "tab.failure": ("Failures", "Falhas"),
    "tab.frequency": ("Frequency & restore", "Frequência"),
    "tab.time_breakdown": ("Where time goes", "Onde vai o tempo"),
    "tab.flow": ("Flow", "Fluxo"),
    "guide.title": ("How to use", "Como usar"),
    "guide": (
        "<ol>"
        "<li><b>Predict first.</b> Before you release a slider, say out loud what you "
        "expect: which practice gets faster, which one fails more?</li>"
        "<li><b>Move one slider at a time.</b> The simulation runs again when you let go.</li>"
        "<li>The <b>scorecard</b> shows the DORA four keys of each practice; the colour is "
        "its DORA band (elite, high, medium, low).</li>"
        "<li>The <b>tabs</b> show the charts: the source figure redrawn with the numbers, "
        "lead time, failures, frequency, where the time goes and the flow of changes.</li>"
        "<li>Every number comes from <b>one</b> simulated run per practice. Change the "
        "<b>seed</b> to see how much luck moves it; the notebooks use many runs.</li>"
        "<li><b>Reset</b> puts every slider back to the preset.</li>"
        "</ol>",
        "<ol>"
        "<li><b>Preveja antes.</b> Antes de soltar um controle, diga o que espera: qual "
        "prática fica mais rápida, qual falha mais?</li>"
        "<li><b>Mova um controle por vez.</b> A simulação roda de novo quando você solta.</li>"
        "<li>O <b>placar</b> mostra as quatro métricas DORA de cada prática; a cor é a faixa "
        "DORA (elite, alto, médio, baixo).</li>"
        "<li>As <b>abas</b> mostram os gráficos: a figura da fonte redesenhada com os números, "
        "lead time, falhas, frequência, para onde vai o tempo e o fluxo das mudanças.</li>"
        "<li>Cada número vem de <b>uma</b> execução simulada por prática. Mude a "
        "<b>semente</b> para ver quanto a sorte pesa; os notebooks usam muitas execuções.</li>"
        "<li><b>Restaurar</b> volta todos os controles ao cenário.</li>"
        "</ol>",
    ),
}


def text(key: str, lang: str = "en", **values: object) -> str:
    """An explorer text (see :data:`TEXTS`) in ``lang``, placeholders filled."""
    pair = TEXTS[key]
    out = pair[i18n.LANGUAGES.index(i18n.normalize_lang(lang))]
    return out.format(**values) if values else out


# ------------------------------------------------------------------ the sliders


@dataclass(frozen=True)
class SliderSpec:
    """One slider: its name, the scenario key it sets, its range and how to read the preset."""

    name: str
    key: str | None  # dotted scenario key; None for the seed (an argument of simulate)
    kind: str  # "int" or "float"
    min: float
    max: float
    step: float
    group: str
    read: Callable[[Scenario], float] | None = None

    def preset_value(self, scenario: Scenario) -> float:
        if self.read is not None:
            return self.read(scenario)
        return scenario.get(self.key)


def _approval_delay_hours(sc: Scenario) -> float:
    return sc.model.approval.delay.mean_in_hours


SLIDERS: tuple[SliderSpec, ...] = (
    SliderSpec("developers", "team.developers", "int", 1, 40, 1, "team"),
    SliderSpec("commits_per_day", "team.commits_per_day", "float", 0.25, 8, 0.25, "team"),
    SliderSpec("defect_probability", "team.defect_probability", "float", 0, 0.5, 0.01, "team"),
    SliderSpec("build_detection", "build.detection", "float", 0, 1, 0.05, "tests"),
    SliderSpec("staging_detection", "staging.detection", "float", 0, 1, 0.05, "tests"),
    SliderSpec("approval_detection", "approval.detection", "float", 0, 1, 0.05, "tests"),
    SliderSpec("runners", "build.runners", "int", 1, 8, 1, "pipeline"),
    SliderSpec(
        "approval_delay",
        "approval.delay.mean_hours",
        "float",
        0,
        40,
        0.5,
        "pipeline",
        _approval_delay_hours,
    ),
    SliderSpec("release_every", "release.every_days", "float", 1, 30, 1, "pipeline"),
    SliderSpec("days", "days", "float", 10, 180, 5, "run"),
    SliderSpec("seed", None, "int", 0, 999, 1, "run"),
)
"""Every slider of the explorer, in screen order."""

GROUPS = ("team", "tests", "pipeline", "run")

# ------------------------------------------------------------------ the charts


CHARTS: tuple[str, ...] = (
    "comparison",
    "scorecard",
    "lead_time",
    "failure",
    "frequency",
    "time_breakdown",
    "flow",
)
"""The chart tabs (names of ``cdsim.charts.CHARTS``) in screen order; the first is on
screen when the explorer opens."""


def chart_function(name: str) -> Callable[[Comparison, str], Any] | None:
    """The function ``(result, lang) -> Figure`` of chart ``name`` in cdsim.charts, or None."""
    try:
        from cdsim.charts import CHARTS as GALLERY
    except ImportError:
        return None
    return GALLERY.get(name)


def draw_chart(name: str, result: Comparison, lang: str):
    """Draw chart ``name`` of ``result`` in ``lang``; returns a matplotlib Figure."""
    function = chart_function(name)
    if function is None:
        raise LookupError(f"cdsim.charts has no chart called {name!r}")
    out = function(result, lang)
    return out if hasattr(out, "savefig") else out.figure


def figure_png(figure, dpi: int = DISPLAY_DPI) -> bytes:
    """The PNG bytes of a matplotlib Figure (no pyplot, no GUI)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


# ------------------------------------------------------------------ the scorecard

SCORECARD_METRICS: tuple[str, ...] = i18n.FOUR_KEYS
EXTRA_METRICS: tuple[str, ...] = (
    "lead_time_p90_hours",
    "batch_size_mean",
    "throughput_per_day",
    "rework_rate",
    "deploys",
    "failed_deploys",
    "changes_committed",
)
COUNT_METRICS = frozenset({"deploys", "failed_deploys", "changes_committed"})


def scorecard_html(result: Comparison, lang: str) -> str:
    """The DORA scorecard of ``result``: one column per practice, the four keys in rows.

    Every cell shows the formatted value (:func:`cdsim.i18n.format_metric`) and its DORA
    band; each cell carries ``data-practice``, ``data-metric`` and ``data-value`` (the raw
    number) attributes so that tests and screen readers can read it.
    """
    summary = result.summary.set_index(["practice", "metric"])
    practices = list(result.practices)
    head = "".join(
        f'<th style="padding:4px 10px;text-align:center">'
        f"{html.escape(i18n.practice_name(p, lang))}</th>"
        for p in practices
    )

    def cell(practice: str, metric: str, banded: bool) -> str:
        row = summary.loc[(practice, metric)]
        value = float(row["mean"])
        if metric in COUNT_METRICS:
            shown = html.escape(i18n.format_number(value, lang, 0))
        else:
            shown = html.escape(i18n.format_metric(metric, value, lang))
        band = row["band"] if banded and isinstance(row["band"], str) else ""
        style = "padding:4px 10px;text-align:center"
        label = ""
        if banded:
            color = style_module.BAND_COLORS.get(band, style_module.NO_DATA_COLOR)
            style += f";background:{color};color:{style_module.text_color_on(color)}"
            label = (
                f'<br><small data-band="{band}">{html.escape(i18n.band_name(band, lang))}</small>'
            )
        raw = "nan" if math.isnan(value) else repr(value)
        return (
            f'<td style="{style}" data-practice="{practice}" data-metric="{metric}" '
            f'data-value="{raw}"><b>{shown}</b>{label}</td>'
        )

    def rows(metrics: Iterable[str], banded: bool) -> str:
        return "".join(
            f'<tr><th style="padding:4px 10px;text-align:left;font-weight:normal">'
            f"{html.escape(i18n.t(f'metric.{m}', lang))}</th>"
            + "".join(cell(p, m, banded) for p in practices)
            + "</tr>"
            for m in metrics
        )

    extras = [m for m in EXTRA_METRICS if f"metric.{m}" in i18n.TEXTS]
    return (
        f'<div class="cdsim-scorecard"><b>{html.escape(text("scorecard", lang))}</b>'
        f'<table style="border-collapse:separate;border-spacing:2px;margin-top:4px">'
        f"<tr><th></th>{head}</tr>{rows(SCORECARD_METRICS, True)}"
        f'<tr><th colspan="{len(practices) + 1}" style="text-align:left;padding-top:8px">'
        f"{html.escape(text('scorecard.extras', lang))}</th></tr>"
        f"{rows(extras, False)}</table></div>"
    )


# ------------------------------------------------------------------ the explorer


class Explorer:
    """The interactive explorer; display it in Jupyter, or drive it from Python.

    Attributes
    ----------
    widget : ipywidgets.VBox
        The whole app (what Jupyter and voila display).
    sliders : dict[str, ipywidgets widget]
        One slider per :data:`SLIDERS` entry, by name (``"developers"``, ``"seed"``...).
    practice_buttons : dict[str, ipywidgets.ToggleButton]
        One toggle per practice; :attr:`practices` reads and sets them.
    language : ipywidgets.ToggleButtons
        ``"en"`` or ``"pt"``; :attr:`lang` reads and sets it.
    reset_button, run_button : ipywidgets.Button
    tabs : ipywidgets.Tab
        The chart tabs; ``chart_images[name]`` is the Image in each tab.
    scorecard : ipywidgets.HTML
        The DORA scorecard (see :func:`scorecard_html`).
    status : ipywidgets.HTML
        What the last update did and how long it took (or why it could not run).
    result : Comparison or None
        The latest simulation: ``compare(scenario, 1, seed, jobs=1, practices)``.
    figures : dict[str, Figure]
        The charts drawn for the latest result and language, by chart name.
    last_update_seconds : float
        Wall time of the last :meth:`update` (simulation, scorecard, chart on screen).
    timings : dict[str, float]
        That time split into ``simulate``, ``scorecard`` and ``chart``.
    updates : int
        How many simulations have run (tests use it to check that a change re-ran).
    """

    def __init__(
        self,
        scenario: str | Scenario = DEFAULT_PRESET,
        lang: str = "en",
        practices: Iterable[str] = PRACTICES,
        seed: int = DEFAULT_SEED,
        chart: str = "comparison",
        dpi: int = DISPLAY_DPI,
        auto_update: bool = True,
    ) -> None:
        self.base = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
        self.default_seed = int(seed)
        self.dpi = int(dpi)
        self.auto_update = auto_update
        self.result: Comparison | None = None
        self.error: str = ""
        self.figures: dict[str, Any] = {}
        self.last_update_seconds: float = math.nan
        self.timings: dict[str, float] = {}
        self.updates = 0
        self._holding = 0
        self._pending = False
        self._drawn_for: dict[str, tuple[int, str]] = {}

        lang = i18n.normalize_lang(lang)
        self.defaults = self._preset_values(self.base)
        self.sliders = {spec.name: self._make_slider(spec) for spec in SLIDERS}
        self.labels = {name: widgets.HTML() for name in self.sliders}
        self.group_titles = {g: widgets.HTML() for g in GROUPS}
        chosen = set(practices)
        unknown = chosen - set(PRACTICES)
        if unknown:
            raise ScenarioError(f"unknown practice(s): {', '.join(sorted(unknown))}")
        self.practice_buttons = {
            p: widgets.ToggleButton(
                value=p in chosen, layout=widgets.Layout(width="auto", min_width="9em")
            )
            for p in PRACTICES
        }
        self.practices_label = widgets.HTML()
        self.language = widgets.ToggleButtons(
            options=[("English", "en"), ("Português", "pt")],
            value=lang,
            style={"button_width": "7em"},
        )
        self.language_label = widgets.HTML()
        self.reset_button = widgets.Button(icon="undo", layout=widgets.Layout(width="auto"))
        self.run_button = widgets.Button(icon="play", layout=widgets.Layout(width="auto"))
        self.status = widgets.HTML(layout=widgets.Layout(min_height="1.5em"))
        self.title = widgets.HTML()
        self.guide = widgets.HTML()
        self.guide_box = widgets.Accordion(children=[self.guide], selected_index=None)
        self.scorecard = widgets.HTML(layout=widgets.Layout(width="100%"))
        self.chart_images = {
            name: widgets.Image(format="png", layout=widgets.Layout(width="100%"))
            for name in CHARTS
        }
        self.chart_notes = {name: widgets.HTML() for name in CHARTS}
        self.tabs = widgets.Tab(
            children=[
                widgets.VBox([self.chart_notes[name], self.chart_images[name]]) for name in CHARTS
            ],
            layout=widgets.Layout(width="100%"),
        )
        if chart not in CHARTS:
            raise ValueError(f"unknown chart {chart!r}; expected one of: {', '.join(CHARTS)}")
        self.tabs.selected_index = CHARTS.index(chart)
        self.widget = self._layout()

        self._label_widgets()
        for slider in self.sliders.values():
            slider.observe(self._on_value, names="value")
        for button in self.practice_buttons.values():
            button.observe(self._on_value, names="value")
        self.language.observe(self._on_language, names="value")
        self.tabs.observe(self._on_tab, names="selected_index")
        self.reset_button.on_click(lambda _b: self.reset())
        self.run_button.on_click(lambda _b: self.update())
        if auto_update:
            self.update()

    # -------------------------------------------------------------- building

    @staticmethod
    def _preset_values(scenario: Scenario) -> dict[str, float]:
        values = {}
        for spec in SLIDERS:
            if spec.key is None:
                continue
            values[spec.name] = spec.preset_value(scenario)
        return values

    def _make_slider(self, spec: SliderSpec):
        value = self.default_seed if spec.key is None else self.defaults[spec.name]
        low, high = min(spec.min, value), max(spec.max, value)
        if spec.name == "days":  # the horizon must stay longer than the warm-up
            low = max(low, math.floor(self.base.model.warmup_days) + spec.step)
        common = dict(
            min=low,
            max=high,
            step=spec.step,
            value=value,
            continuous_update=False,
            readout=True,
            layout=widgets.Layout(width="auto", flex="1 1 auto"),
        )
        if spec.kind == "int":
            return widgets.IntSlider(**{k: int(v) if k in ("min", "max", "step", "value") else v
                                        for k, v in common.items()})  # fmt: skip
        decimals = len(f"{spec.step:g}".partition(".")[2])
        return widgets.FloatSlider(readout_format=f".{decimals}f", **common)

    def _layout(self) -> widgets.VBox:
        rows = {g: [self.group_titles[g]] for g in GROUPS}
        for spec in SLIDERS:
            label = self.labels[spec.name]
            label.layout = widgets.Layout(width="12.5em", min_width="12.5em")
            rows[spec.group].append(
                widgets.HBox([label, self.sliders[spec.name]], layout=widgets.Layout(width="100%"))
            )
        toolbar = widgets.HBox(
            [
                self.practices_label,
                *self.practice_buttons.values(),
                widgets.HTML("&emsp;"),
                self.language_label,
                self.language,
                widgets.HTML("&emsp;"),
                self.reset_button,
                self.run_button,
            ],
            layout=widgets.Layout(width="100%", flex_flow="row wrap", align_items="center"),
        )
        controls = widgets.VBox(
            [row for g in GROUPS for row in rows[g]],
            layout=widgets.Layout(width="28em", min_width="24em", flex="0 0 auto"),
        )
        results = widgets.VBox(
            [self.scorecard, self.tabs],
            layout=widgets.Layout(flex="1 1 30em", width="auto", margin="0 0 0 1em"),
        )
        return widgets.VBox(
            [
                self.title,
                toolbar,
                widgets.HBox(
                    [controls, results],
                    layout=widgets.Layout(width="100%", flex_flow="row wrap"),
                ),
                self.status,
                self.guide_box,
            ],
            layout=widgets.Layout(width="100%"),
        )

    def _label_widgets(self) -> None:
        lang = self.lang
        self.title.value = (
            f"<h3 style='margin:0'>{html.escape(text('title', lang))}</h3>"
            f"<div>{html.escape(text('subtitle', lang))}</div>"
        )
        for name, label in self.labels.items():
            label.value = (
                f"<span title='{html.escape(text('help.' + name, lang), quote=True)}'>"
                f"{html.escape(text('slider.' + name, lang))}</span>"
            )
            self.sliders[name].tooltip = text("help." + name, lang)
        for group, title in self.group_titles.items():
            title.value = f"<b>{html.escape(text('group.' + group, lang))}</b>"
        for practice, button in self.practice_buttons.items():
            button.description = i18n.practice_name(practice, lang, short=True)
            button.tooltip = i18n.practice_name(practice, lang)
        self.practices_label.value = f"<b>{html.escape(text('practices', lang))}</b>&nbsp;"
        self.language_label.value = f"<b>{html.escape(text('language', lang))}</b>&nbsp;"
        self.reset_button.description = text("reset", lang)
        self.reset_button.tooltip = text("reset.tooltip", lang)
        self.run_button.description = text("run", lang)
        self.guide_box.set_title(0, text("guide.title", lang))
        self.guide.value = text("guide", lang)
        for index, name in enumerate(CHARTS):
            self.tabs.set_title(index, text(f"tab.{name}", lang))

    # -------------------------------------------------------------- state

    @property
    def lang(self) -> str:
        """The language on screen, ``"en"`` or ``"pt"`` (setting it redraws)."""
        return self.language.value

    @lang.setter
    def lang(self, value: str) -> None:
        self.language.value = i18n.normalize_lang(value)

    @property
    def practices(self) -> tuple[str, ...]:
        """The practices switched on, in the canonical order."""
        return tuple(p for p in PRACTICES if self.practice_buttons[p].value)

    @practices.setter
    def practices(self, chosen: Iterable[str]) -> None:
        chosen = set(chosen)
        with self.hold():
            for p, button in self.practice_buttons.items():
                button.value = p in chosen

    @property
    def seed(self) -> int:
        return int(self.sliders["seed"].value)

    @property
    def values(self) -> dict[str, float]:
        """The scenario keys the sliders set, as ``{dotted key: value}``."""
        return {spec.key: self.sliders[spec.name].value for spec in SLIDERS if spec.key}

    @property
    def scenario(self) -> Scenario:
        """The preset with the slider values applied (raises ScenarioError if invalid)."""
        return self.base.with_values(self.values)

    @property
    def chart(self) -> str:
        """The name of the chart tab on screen."""
        return CHARTS[self.tabs.selected_index or 0]

    @chart.setter
    def chart(self, name: str) -> None:
        if name not in CHARTS:
            raise ValueError(f"unknown chart {name!r}; expected one of: {', '.join(CHARTS)}")
        self.tabs.selected_index = CHARTS.index(name)

    @property
    def metrics(self) -> pd.DataFrame:
        """The latest metrics: one row per practice, one column per metric."""
        if self.result is None:
            return pd.DataFrame()
        return self.result.runs.set_index("practice").drop(columns="replication")

    # -------------------------------------------------------------- actions

    @contextlib.contextmanager
    def hold(self) -> Iterator[Explorer]:
        """Change several controls, then update once: ``with app.hold(): ...``."""
        self._holding += 1
        try:
            yield self
        finally:
            self._holding -= 1
            if not self._holding and self._pending:
                self._pending = False
                if self.auto_update:
                    self.update()

    def set(self, **values: float) -> float:
        """Set sliders by name (``app.set(developers=12, seed=3)``), update once; seconds."""
        unknown = set(values) - set(self.sliders)
        if unknown:
            raise KeyError(f"no slider called {', '.join(sorted(unknown))}")
        with self.hold():
            for name, value in values.items():
                self.sliders[name].value = value
        return self.last_update_seconds

    def reset(self) -> float:
        """Put every slider back to the preset (seed too) and update once; seconds."""
        with self.hold():
            for name, slider in self.sliders.items():
                slider.value = self.default_seed if name == "seed" else self.defaults[name]
            self._pending = True
        return self.last_update_seconds

    def update(self) -> float:
        """Simulate the chosen practices once each, rebuild the scorecard and the chart on
        screen. Returns the seconds it took (also in :attr:`last_update_seconds`)."""
        start = time.perf_counter()
        lang = self.lang
        practices = self.practices
        self.timings = {"simulate": 0.0, "scorecard": 0.0, "chart": 0.0}
        if not practices:
            self.error = text("status.no_practice", lang)
            self.status.value = f"<span style='color:#B2182B'>{self.error}</span>"
            self.last_update_seconds = time.perf_counter() - start
            return self.last_update_seconds
        self.status.value = f"<i>{text('status.running', lang)}</i>"
        try:
            scenario = self.scenario
            result = compare(scenario, replications=1, seed=self.seed, jobs=1, practices=practices)
        except (ScenarioError, ValueError) as exc:
            self.error = text("status.error", lang, error=str(exc).splitlines()[0])
            self.status.value = f"<span style='color:#B2182B'>{html.escape(self.error)}</span>"
            self.last_update_seconds = time.perf_counter() - start
            return self.last_update_seconds
        self.error = ""
        self.result = result
        self.updates += 1
        self.figures = {}
        self._drawn_for = {}
        self.timings["simulate"] = time.perf_counter() - start
        self.timings.update(self._redraw())
        self.last_update_seconds = time.perf_counter() - start
        self._show_status()
        return self.last_update_seconds

    def refresh(self) -> float:
        """Redraw the scorecard and the chart on screen without simulating; seconds."""
        start = time.perf_counter()
        self._redraw()
        return time.perf_counter() - start

    def draw(self, name: str | None = None):
        """Draw chart ``name`` (default: the tab on screen) for the latest result; Figure."""
        name = name or self.chart
        key = (self.updates, self.lang)
        if self.result is None:
            return None
        if self._drawn_for.get(name) == key:
            return self.figures.get(name)
        note = self.chart_notes[name]
        image = self.chart_images[name]
        self._drawn_for[name] = key
        if chart_function(name) is None:
            note.value = f"<i>{html.escape(text('chart.missing', self.lang))}</i>"
            image.value = b""
            self.figures.pop(name, None)
            return None
        try:
            figure = draw_chart(name, self.result, self.lang)
            image.value = figure_png(figure, self.dpi)
        except Exception as exc:  # a chart failing must not take the whole app down
            note.value = html.escape(text("chart.failed", self.lang, error=exc))
            image.value = b""
            self.figures.pop(name, None)
            return None
        note.value = ""
        self.figures[name] = figure
        return figure

    def draw_all(self) -> dict[str, Any]:
        """Draw every chart tab (slower than an update); returns :attr:`figures`."""
        for name in CHARTS:
            self.draw(name)
        return self.figures

    # -------------------------------------------------------------- internals

    def _redraw(self) -> dict[str, float]:
        """Rebuild the scorecard and the chart on screen; their seconds."""
        if self.result is None:
            return {}
        t0 = time.perf_counter()
        self.scorecard.value = scorecard_html(self.result, self.lang)
        t1 = time.perf_counter()
        self.draw()
        return {"scorecard": t1 - t0, "chart": time.perf_counter() - t1}

    def _show_status(self) -> None:
        def s(x: float) -> str:
            return i18n.format_number(x, self.lang, 2)

        self.status.value = html.escape(
            text(
                "status.done",
                self.lang,
                seconds=s(self.last_update_seconds),
                sim=s(self.timings["simulate"]),
                card=s(self.timings["scorecard"]),
                chart=s(self.timings["chart"]),
            )
        )

    def _on_value(self, _change) -> None:
        if self._holding:
            self._pending = True
        elif self.auto_update:
            self.update()

    def _on_language(self, _change) -> None:
        self._label_widgets()
        if self.result is None:
            return
        self._redraw()
        if not self.error:
            self._show_status()

    def _on_tab(self, _change) -> None:
        if self.result is not None:
            self.draw()

    # -------------------------------------------------------------- display

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

    def __repr__(self) -> str:
        practices = ", ".join(self.practices)
        return f"<cdsim Explorer: {self.base.name}, {practices}, seed {self.seed}, {self.lang}>"


def explorer(
    scenario: str | Scenario = DEFAULT_PRESET,
    lang: str = "en",
    practices: Iterable[str] = PRACTICES,
    seed: int = DEFAULT_SEED,
    chart: str = "comparison",
    **kwargs: Any,
) -> Explorer:
    """Build the explorer for ``scenario`` (a preset name or a Scenario) and run it once.

    The returned :class:`Explorer` displays itself when it ends a notebook cell.
    """
    return Explorer(scenario, lang=lang, practices=practices, seed=seed, chart=chart, **kwargs)


def time_updates(
    scenario: str | Scenario = DEFAULT_PRESET, repeats: int = 5, lang: str = "en"
) -> list[float]:
    """Seconds of ``repeats`` explorer updates (three practices, the figure on screen).

    One warm-up update runs first (imports, fonts); then each update uses the next seed,
    as a student moving the seed slider would. For the benchmarks and docs/performance.md.
    """
    app = Explorer(scenario, lang=lang, auto_update=False)
    app.update()
    seconds = []
    for k in range(repeats):
        with app.hold():
            app.sliders["seed"].value = app.default_seed + 1 + k
        seconds.append(app.update())
    return seconds


__all__ = [
    "CHARTS",
    "SLIDERS",
    "TEXTS",
    "Explorer",
    "explorer",
    "scorecard_html",
    "time_updates",
]
