"""The explorer: its widgets, its state and its updates."""

from __future__ import annotations

import contextlib
import html
import math
import time
from collections.abc import Iterable, Iterator
from typing import Any

import ipywidgets as widgets
import pandas as pd

from cdsim.errors import ScenarioError
from cdsim.experiments import Comparison, compare
from cdsim.explorer_app import status as states
from cdsim.explorer_app.controls import GROUPS, SLIDERS, make_slider
from cdsim.explorer_app.labels import label_widgets, style_practice_buttons
from cdsim.explorer_app.layout import BUSY_CLASS, classroom_layout
from cdsim.explorer_app.panels import CHARTS, DISPLAY_DPI, chart_function, draw_chart, figure_png
from cdsim.i18n import normalize_lang, t
from cdsim.practices.names import PRACTICES, check_practice
from cdsim.presentation import scorecard_html
from cdsim.scenario import Scenario, load_scenario

DEFAULT_PRESET = "classroom"
DEFAULT_SEED = 1


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
        The DORA scorecard (see :func:`cdsim.presentation.scorecard_html`).
    status : ipywidgets.HTML
        What the last update did and how long it took (or why it could not run), above
        the chart.
    notice : ipywidgets.HTML
        Shown in place of the chart tabs when there are no numbers to show (no practice
        chosen, or values the model refuses); the scorecard is then empty.
    result : Comparison or None
        The simulation on screen: ``compare(scenario, 1, seed, jobs=1, practices)``;
        None when no practice is chosen or the values were refused.
    error : str
        Why there are no numbers on screen, in the language on screen ("" when there are).
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
        self._status: states.Status | None = None
        self.figures: dict[str, Any] = {}
        self.last_update_seconds: float = math.nan
        self.timings: dict[str, float] = {}
        self.updates = 0
        self._holding = 0
        self._pending = False
        self._drawn_for: dict[str, tuple[int, str]] = {}

        lang = normalize_lang(lang)
        self.defaults = self._preset_values(self.base)
        self.sliders = {
            spec.name: make_slider(
                spec,
                self.default_seed if spec.key is None else self.defaults[spec.name],
                self.base.model.warmup_days,
            )
            for spec in SLIDERS
        }
        self.labels = {name: widgets.HTML() for name in self.sliders}
        self.group_titles = {g: widgets.HTML() for g in GROUPS}
        chosen = {check_practice(p) for p in practices}  # none chosen: the app says so
        self.practice_buttons = {p: widgets.ToggleButton(value=p in chosen) for p in PRACTICES}
        self.practices_label = widgets.HTML()
        self.language = widgets.ToggleButtons(
            options=[("English", "en"), ("Português", "pt")], value=lang
        )
        self.language_label = widgets.HTML()
        self.reset_button = widgets.Button(icon="undo")
        self.run_button = widgets.Button(icon="play")
        self.status = widgets.HTML()
        self.notice = widgets.HTML(layout=widgets.Layout(display="none"))
        self.title = widgets.HTML()
        self.guide = widgets.HTML()
        self.guide_box = widgets.Accordion(children=[self.guide], selected_index=None)
        self.scorecard = widgets.HTML()
        self.chart_images = {name: widgets.Image(format="png") for name in CHARTS}
        self.chart_notes = {name: widgets.HTML() for name in CHARTS}
        self.tabs = widgets.Tab(
            children=[
                widgets.VBox([self.chart_notes[name], self.chart_images[name]]) for name in CHARTS
            ]
        )
        if chart not in CHARTS:
            raise ValueError(f"unknown chart {chart!r}; expected one of: {', '.join(CHARTS)}")
        self.tabs.selected_index = CHARTS.index(chart)
        self.widget = classroom_layout(self)

        label_widgets(self, lang)
        for slider in self.sliders.values():
            slider.observe(self._on_value, names="value")
        for button in self.practice_buttons.values():
            button.observe(lambda _c: style_practice_buttons(self, self.lang), names="value")
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

    # -------------------------------------------------------------- state

    @property
    def lang(self) -> str:
        """The language on screen, ``"en"`` or ``"pt"`` (setting it redraws)."""
        return self.language.value

    @lang.setter
    def lang(self, value: str) -> None:
        self.language.value = normalize_lang(value)

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
    def error(self) -> str:
        """Why there are no numbers on screen ("" when there are), in the language on screen."""
        if self._status is None or self._status.kind != states.BLOCKED:
            return ""
        return self._status.text(self.lang)

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
        screen. Returns the seconds it took (also in :attr:`last_update_seconds`).

        With no practice chosen, or values the model refuses, nothing is simulated: the
        scorecard and the charts are emptied (no stale numbers) and a notice says why.
        """
        start = time.perf_counter()
        self.timings = {"simulate": 0.0, "scorecard": 0.0, "chart": 0.0}
        practices = self.practices
        if not practices:
            self._show_nothing(states.no_practice())
            self.last_update_seconds = time.perf_counter() - start
            return self.last_update_seconds
        self._show(states.running())
        self.widget.add_class(BUSY_CLASS)  # the chart and the scorecard dim meanwhile
        try:
            try:
                scenario = self.scenario
                result = compare(
                    scenario, replications=1, seed=self.seed, jobs=1, practices=practices
                )
            except (ScenarioError, ValueError) as exc:
                self._show_nothing(states.refused(str(exc).splitlines()[0]))
                self.last_update_seconds = time.perf_counter() - start
                return self.last_update_seconds
            self.result = result
            self.updates += 1
            self.figures = {}
            self._drawn_for = {}
            self.timings["simulate"] = time.perf_counter() - start
            self.timings.update(self._redraw())
            self.last_update_seconds = time.perf_counter() - start
            self._show(states.done(self.timings, self.last_update_seconds))
        finally:
            self.widget.remove_class(BUSY_CLASS)
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
            note.value = f"<i>{html.escape(t('explorer.chart.missing', self.lang))}</i>"
            image.value = b""
            self.figures.pop(name, None)
            return None
        try:
            figure = draw_chart(name, self.result, self.lang)
            image.value = figure_png(figure, self.dpi)
        except Exception as exc:  # a chart failing must not take the whole app down
            note.value = html.escape(t("explorer.chart.failed", self.lang, error=exc))
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
        self.scorecard.value = scorecard_html(
            self.result.summary, self.lang, title=t("explorer.scorecard", self.lang)
        )
        t1 = time.perf_counter()
        self.draw()
        return {"scorecard": t1 - t0, "chart": time.perf_counter() - t1}

    def _show(self, status: states.Status) -> None:
        """Put ``status`` above the chart; a blocked one hides the chart tabs behind its
        notice."""
        self._status = status
        self.status.value = states.status_html(status, self.lang)
        notice = states.notice_html(status, self.lang)
        self.notice.value = notice
        self.notice.layout.display = None if notice else "none"
        self.tabs.layout.display = "none" if notice else None

    def _show_nothing(self, status: states.Status) -> None:
        """No numbers to show: empty the scorecard and the charts, say why."""
        self.result = None
        self.figures = {}
        self._drawn_for = {}
        self.scorecard.value = ""
        for name in CHARTS:
            self.chart_images[name].value = b""
            self.chart_notes[name].value = ""
        self._show(status)

    def _on_value(self, _change) -> None:
        if self._holding:
            self._pending = True
        elif self.auto_update:
            self.update()

    def _on_language(self, _change) -> None:
        label_widgets(self, self.lang)
        if self.result is not None:
            self._redraw()
        if self._status is not None:
            self._show(self._status)  # the status and the notice, in the new language

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
