"""Deployment frequency and time to restore service per practice, with 95% CIs and bands."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes

from cdsim.i18n import normalize_lang, t

from . import style
from ._common import LocaleFormatter, no_changes, nothing_to_show, summary_bars, target_axes


def _number_axis(ax: Axes, lang: str) -> None:
    ax.yaxis.set_major_formatter(LocaleFormatter(lang))


def plot_deploy_frequency(summary: pd.DataFrame, lang: str = "en", ax: Axes | None = None):
    """Bars of deploys per day per practice (CI whiskers when n > 1, DORA band in the label).

    Parameters
    ----------
    summary : DataFrame
        ``compare(...).summary``.
    lang : {"en", "pt"}
        Language of every text.
    ax : Axes, optional
        Draw into this axes and return it.

    Returns
    -------
    Figure, or the given Axes.
    """
    return _banded_bars(summary, "deploys_per_day", "deploys", lang, ax)


def plot_time_to_restore(summary: pd.DataFrame, lang: str = "en", ax: Axes | None = None):
    """Bars of median time to restore per practice; "n/a" where there was no incident.

    Same parameters as :func:`plot_deploy_frequency`.
    """
    return _banded_bars(summary, "time_to_restore_median_hours", "restore", lang, ax)


def _banded_bars(summary: pd.DataFrame, metric: str, texts: str, lang: str, ax: Axes | None):
    """One bar per practice for ``metric``, labelled with its band; ``texts`` names the
    ``chart.<texts>.title`` and ``chart.<texts>.y`` entries of the translation table."""
    lang = normalize_lang(lang)
    fig, ax, owned = target_axes(ax)
    if no_changes(summary):
        nothing_to_show(ax, lang, "changes")
        style.set_title(ax, t(f"chart.{texts}.title", lang))
        return fig if owned else ax
    style.style_axes(ax)
    summary_bars(ax, summary, metric, lang, 1.0, texts, show_band=True)
    _number_axis(ax, lang)
    style.set_labels(ax, None, t(f"chart.{texts}.y", lang))
    style.set_title(ax, t(f"chart.{texts}.title", lang))
    return fig if owned else ax


def frequency_figure(summary: pd.DataFrame, lang: str = "en"):
    """Deployment frequency and time to restore side by side.

    Returns
    -------
    Figure
    """
    lang = normalize_lang(lang)
    fig, (left, right) = style.new_figure(1, 2)
    plot_deploy_frequency(summary, lang, ax=left)
    plot_time_to_restore(summary, lang, ax=right)
    style.suptitle(fig, t("chart.frequency.title", lang))
    return fig


__all__ = ["plot_deploy_frequency", "plot_time_to_restore", "frequency_figure"]
