"""Where the explorer's widgets go on the page.

The explorer builds its widgets (:class:`cdsim.explorer_app.app.Explorer`); this module
only arranges them: a title, a toolbar (practices, language, reset, run), the sliders in
their groups on the left, the scorecard and the chart tabs on the right, then the status
line and the guide.
"""

from __future__ import annotations

from typing import Protocol

import ipywidgets as widgets

from cdsim.explorer_app.controls import GROUPS, SLIDERS


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
    status: widgets.HTML
    guide_box: widgets.Accordion


def classroom_layout(app: ExplorerWidgets) -> widgets.VBox:
    """The whole page of ``app``, as one widget."""
    rows = {g: [app.group_titles[g]] for g in GROUPS}
    for spec in SLIDERS:
        label = app.labels[spec.name]
        label.layout = widgets.Layout(width="12.5em", min_width="12.5em")
        rows[spec.group].append(
            widgets.HBox([label, app.sliders[spec.name]], layout=widgets.Layout(width="100%"))
        )
    toolbar = widgets.HBox(
        [
            app.practices_label,
            *app.practice_buttons.values(),
            widgets.HTML("&emsp;"),
            app.language_label,
            app.language,
            widgets.HTML("&emsp;"),
            app.reset_button,
            app.run_button,
        ],
        layout=widgets.Layout(width="100%", flex_flow="row wrap", align_items="center"),
    )
    controls = widgets.VBox(
        [row for g in GROUPS for row in rows[g]],
        layout=widgets.Layout(width="28em", min_width="24em", flex="0 0 auto"),
    )
    results = widgets.VBox(
        [app.scorecard, app.tabs],
        layout=widgets.Layout(flex="1 1 30em", width="auto", margin="0 0 0 1em"),
    )
    return widgets.VBox(
        [
            app.title,
            toolbar,
            widgets.HBox(
                [controls, results],
                layout=widgets.Layout(width="100%", flex_flow="row wrap"),
            ),
            app.status,
            app.guide_box,
        ],
        layout=widgets.Layout(width="100%"),
    )
