"""Where the explorer's widgets go on the page, and how they look.

The explorer builds its widgets (:class:`cdsim.explorer_app.app.Explorer`); this module
only arranges and styles them. Designed for two screens: a student laptop (1366 x 768)
and a projector (1920 x 1080).

* A title line, then a toolbar: the practices, the language, reset and run.
* Below, two columns: the sliders in their groups and the guide on the left; on the right
  the status line, the chart tabs and the DORA scorecard. At 1366 x 768 the sliders, the status and
  the whole chart are on screen together, without scrolling.
* Sizes are in ``em`` of one font size that grows with the window
  (``clamp(13px, 0.9vw + 1px, 22px)``: 13 px on a laptop, 18 px on a 1920 px projector),
  so the controls and the scorecard grow with the chart; the browser's zoom works too.
* The chart image is scaled to its column (``max-width: 100%; height: auto``): no
  horizontal scrollbar. When the window (or a JupyterLab notebook) is too narrow for both
  columns, the results go under the sliders and keep the full width.

The look is a ``<style>`` block in an HTML widget, every rule scoped to the
``cdsim-explorer`` class of the explorer's root, so nothing else on the page changes.
"""

from __future__ import annotations

from typing import Protocol

import ipywidgets as widgets

from cdsim.explorer_app.controls import GROUPS, SLIDERS
from cdsim.practices.names import PRACTICES
from cdsim.presentation.colors import practice_color, text_color_on

ROOT_CLASS = "cdsim-explorer"
BUSY_CLASS = "cdsim-busy"
"""Added to the root while a simulation runs: the chart and the scorecard dim."""


class ExplorerWidgets(Protocol):
    """The widgets a layout arranges (an :class:`~cdsim.explorer_app.app.Explorer` has them)."""

    title: widgets.HTML
    group_titles: dict[str, widgets.HTML]
    labels: dict[str, widgets.HTML]
    sliders: dict[str, widgets.Widget]
    practices_label: widgets.HTML
    practice_buttons: dict[str, widgets.ToggleButton]
    language_label: widgets.HTML
    language: widgets.ToggleButtons
    reset_button: widgets.Button
    run_button: widgets.Button
    scorecard: widgets.HTML
    tabs: widgets.Tab
    chart_images: dict[str, widgets.Image]
    status: widgets.HTML
    notice: widgets.HTML
    guide: widgets.HTML
    guide_box: widgets.Accordion


def _box(kind, children, *classes: str):
    box = kind(children)
    for name in classes:
        box.add_class(name)
    return box


def classroom_layout(app: ExplorerWidgets) -> widgets.VBox:
    """The whole page of ``app``, as one widget."""
    groups = []
    for group in GROUPS:
        app.group_titles[group].add_class("cdsim-group")
        rows = [app.group_titles[group]]
        for spec in SLIDERS:
            if spec.group != group:
                continue
            app.labels[spec.name].add_class("cdsim-slider-label")
            rows.append(
                _box(widgets.HBox, [app.labels[spec.name], app.sliders[spec.name]], "cdsim-row")
            )
        groups.extend(rows)
    for practice, button in app.practice_buttons.items():
        button.add_class("cdsim-practice")
        button.add_class(f"cdsim-practice-{practice}")
    app.language.add_class("cdsim-language")
    for widget in (app.reset_button, app.run_button):
        widget.add_class("cdsim-action")
    for image in app.chart_images.values():
        image.add_class("cdsim-chart")
    app.title.add_class("cdsim-header")
    app.status.add_class("cdsim-status-line")
    app.scorecard.add_class("cdsim-scorecard-box")
    toolbar = _box(
        widgets.HBox,
        [
            app.practices_label,
            *app.practice_buttons.values(),
            _box(widgets.HBox, [app.language_label, app.language], "cdsim-tool"),
            _box(widgets.HBox, [app.reset_button, app.run_button], "cdsim-tool"),
        ],
        "cdsim-toolbar",
    )
    app.guide_box.add_class("cdsim-guide")
    controls = _box(widgets.VBox, [*groups, app.guide_box], "cdsim-controls")
    results = _box(widgets.VBox, [app.status, app.notice, app.tabs, app.scorecard], "cdsim-results")
    style = widgets.HTML(f"<style>{explorer_css()}</style>", layout={"display": "none"})
    return _box(
        widgets.VBox,
        [
            style,
            app.title,
            toolbar,
            _box(widgets.HBox, [controls, results], "cdsim-body"),
        ],
        ROOT_CLASS,
    )


def _practice_css() -> str:
    rules = []
    for practice in PRACTICES:
        color = practice_color(practice)
        rules.append(
            f".{ROOT_CLASS} .jupyter-button.cdsim-practice-{practice}.mod-active "
            f"{{background:{color};border-color:{color};color:{text_color_on(color)}}}"
        )
    return "\n".join(rules)


def explorer_css() -> str:
    """The explorer's style sheet (every selector starts with ``.cdsim-explorer``)."""
    r = f".{ROOT_CLASS}"
    return f"""
{r} {{
  --cdsim-font: clamp(13px, calc(0.9vw + 1px), 22px);
  --jp-widgets-font-size: var(--cdsim-font);
  --jp-widgets-inline-height: calc(var(--cdsim-font) * 2.05);
  --jp-widgets-slider-handle-size: calc(var(--cdsim-font) * 1.3);
  --jp-widgets-slider-track-thickness: calc(var(--cdsim-font) * 0.4);
  --jp-widgets-horizontal-tab-height: calc(var(--cdsim-font) * 1.9);
  font-size: var(--cdsim-font);
  line-height: 1.3;
  width: 100%;
  max-width: 100%;
  box-sizing: border-box;
}}
{r} .jupyter-widgets {{ box-sizing: border-box; }}
{r} .widget-html-content {{ font-size: var(--cdsim-font); line-height: 1.3; }}
{r} .cdsim-header .cdsim-h {{ font-size: 1.4em; font-weight: bold; margin-right: 0.7em; }}
{r} .cdsim-header .cdsim-sub {{ color: #555; }}
{r} .cdsim-toolbar {{ flex-wrap: wrap; align-items: center; width: 100%; margin: 0.15em 0 0.3em; }}
{r} .cdsim-toolbar > .widget-html {{ margin-right: 0.4em; }}
{r} .cdsim-tool .widget-html {{ margin-right: 0.4em; }}
{r} .cdsim-guide {{ margin: 0.8em 0 0; width: 100%; }}
{r} .cdsim-tool {{ align-items: center; margin-left: 1.2em; }}
{r} .jupyter-button {{ font-size: var(--cdsim-font); height: 2.1em; line-height: 2em;
  padding: 0 0.9em; width: auto; }}
{r} .jupyter-button.cdsim-practice {{ min-width: 8.2em; border: 2px dashed #8c8c8c;
  background: #fff; color: #555; border-radius: 1.05em; font-weight: normal; box-shadow: none; }}
{r} .jupyter-button.cdsim-practice.mod-active {{ border-style: solid; font-weight: bold; }}
{_practice_css()}
{r} .cdsim-language .widget-toggle-button {{ width: auto; min-width: 6.5em; background: #fff;
  border: 1px solid #8c8c8c; color: #444; box-shadow: none; }}
{r} .cdsim-language .widget-toggle-button.mod-active {{ background: #333; border-color: #333;
  color: #fff; font-weight: bold; }}
{r} .cdsim-body {{ flex-wrap: wrap; align-items: flex-start; width: 100%; }}
{r} .cdsim-controls {{ flex: 0 0 33.5em; width: 33.5em; max-width: 100%; margin: 0; padding-right: 0.8em; }}
{r} .cdsim-group .widget-html-content {{ font-weight: bold; margin-top: 0.35em; line-height: 1.5; }}
{r} .cdsim-row {{ align-items: center; width: 100%; margin: 0; }}
{r} .cdsim-slider-label {{ flex: 0 0 12.8em; width: 12.8em; margin: 0; }}
{r} .cdsim-slider-label .widget-html-content {{ line-height: 1.15; white-space: normal; }}
{r} .cdsim-row .widget-slider {{ flex: 1 1 auto; width: auto; min-width: 8em; margin: 0; }}
{r} .cdsim-row .widget-readout {{ min-width: 3.3em; max-width: 4.5em; }}
{r} .cdsim-results {{ flex: 1 1 45em; min-width: min(45em, 100%); width: auto; margin: 0; }}
{r} .cdsim-results > .jupyter-widgets {{ margin-left: 0; margin-right: 0; max-width: 100%; }}
{r} .cdsim-status {{ padding: 0.2em 0.7em; border-left: 0.35em solid #9a9a9a; background: #f2f2f2;
  color: #333; min-height: 1.35em; }}
{r} .cdsim-status-running {{ border-left-color: #E69F00; background: #fff3d6; }}
{r} .cdsim-status-running::before {{ content: ""; display: inline-block; width: 0.65em;
  height: 0.65em; margin-right: 0.5em; border-radius: 50%; background: #E69F00;
  animation: cdsim-pulse 0.8s ease-in-out infinite alternate; }}
@keyframes cdsim-pulse {{ from {{ opacity: 1; }} to {{ opacity: 0.2; }} }}
{r} .cdsim-status-blocked {{ border-left-color: #B2182B; background: #fbe7e9; color: #7a0e1c;
  font-weight: bold; }}
{r} .cdsim-notice {{ border: 2px dashed #B2182B; padding: 2.5em 1.5em; margin-top: 0.3em;
  text-align: center; font-size: 1.15em; color: #333; background: #fff; }}
{r} .jupyter-widget-tab {{ width: 100%; }}
{r} .jupyter-widgets.jupyter-widget-tab > .lm-TabBar .lm-TabBar-content {{ flex-wrap: wrap; }}
{r} .jupyter-widgets.jupyter-widget-tab > .lm-TabBar .lm-TabBar-tab {{ flex: 0 0 auto;
  min-width: 0; padding: 0 0.85em; font-size: var(--cdsim-font); }}
{r} .jupyter-widgets.jupyter-widget-tab > .lm-TabBar .lm-TabBar-tabLabel {{ overflow: visible; }}
{r} .jupyter-widgets.jupyter-widget-tab > .widget-tab-contents {{ padding: 0.25em; overflow: hidden; }}
{r} .widget-tab-contents .jupyter-widgets {{ margin: 0; max-width: 100%; }}
{r} img.cdsim-chart {{ display: block; width: 100%; max-width: 100%; height: auto; }}
{r} .cdsim-scorecard-box {{ overflow-x: auto; }}
{r}.{BUSY_CLASS} img.cdsim-chart, {r}.{BUSY_CLASS} .cdsim-scorecard {{ opacity: 0.55;
  transition: opacity 0.2s; }}
"""
