"""The explorer's texts on its widgets, in the language on screen (the ``explorer.*`` keys
of :mod:`cdsim.i18n.texts`), and the look of the practice toggles."""

from __future__ import annotations

import html

from cdsim.explorer_app.layout import ExplorerWidgets
from cdsim.explorer_app.panels import CHARTS
from cdsim.i18n import practice_name, t

CHECK_ICON = "check"
"""Font Awesome icon of a practice that is switched on (voila and JupyterLab carry it)."""


def label_widgets(app: ExplorerWidgets, lang: str) -> None:
    """Write every text of ``app`` in ``lang``: title, sliders, buttons, tabs, guide."""
    app.title.value = (
        f"<span class='cdsim-h'>{html.escape(t('explorer.title', lang))}</span>"
        f"<span class='cdsim-sub'>{html.escape(t('explorer.subtitle', lang))}</span>"
    )
    for name, label in app.labels.items():
        label.value = (
            f"<span title='{html.escape(t('explorer.help.' + name, lang), quote=True)}'>"
            f"{html.escape(t('explorer.slider.' + name, lang))}</span>"
        )
        app.sliders[name].tooltip = t("explorer.help." + name, lang)
    for group, title in app.group_titles.items():
        title.value = html.escape(t("explorer.group." + group, lang))
    style_practice_buttons(app, lang)
    app.practices_label.value = f"<b>{html.escape(t('explorer.practices', lang))}</b>"
    app.language_label.value = f"<b>{html.escape(t('explorer.language', lang))}</b>"
    app.reset_button.description = t("explorer.reset", lang)
    app.reset_button.tooltip = t("explorer.reset.tooltip", lang)
    app.run_button.description = t("explorer.run", lang)
    app.guide_box.set_title(0, t("explorer.guide.title", lang))
    app.guide.value = t("explorer.guide", lang)
    for index, name in enumerate(CHARTS):
        app.tabs.set_title(index, t(f"explorer.tab.{name}", lang))


def style_practice_buttons(app: ExplorerWidgets, lang: str) -> None:
    """A practice that is on shows a check mark (and, by the style sheet, its colour); the
    tooltip says whether it is simulated and what a click does."""
    for practice, button in app.practice_buttons.items():
        button.description = practice_name(practice, lang, short=True)
        button.icon = CHECK_ICON if button.value else ""
        state = "explorer.practice.on" if button.value else "explorer.practice.off"
        button.tooltip = t(state, lang, name=practice_name(practice, lang))
