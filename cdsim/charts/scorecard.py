"""DORA scorecard: practices by the four keys, each cell coloured by its performance band."""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import FancyBboxPatch, Patch, Rectangle

from cdsim.i18n import band_name, normalize_lang, practice_name, t
from cdsim.metrics.bands import BANDS
from cdsim.metrics.definitions import FOUR_KEYS
from cdsim.presentation.cells import summary_cell

from . import style
from ._common import no_changes, nothing_to_show, practices_of, target_axes


def plot_scorecard(summary: pd.DataFrame, lang: str = "en", ax: Axes | None = None):
    """A table of practices (rows) by DORA keys (columns): value, 95% CI, band; band colours.

    Parameters
    ----------
    summary : DataFrame
        ``compare(...).summary``; the ``band`` column colours the cells (grey: no band).
    lang : {"en", "pt"}
        Language of every text.
    ax : Axes, optional
        Draw into this axes and return it.

    Returns
    -------
    Figure, or the given Axes.
    """
    lang = normalize_lang(lang)
    fig, ax, owned = target_axes(ax)
    if no_changes(summary):
        nothing_to_show(ax, lang, "changes")
        if owned:
            style.suptitle(fig, t("chart.scorecard.title", lang))
        return fig if owned else ax
    practices = practices_of(summary)
    n_rows, n_cols = len(practices), len(FOUR_KEYS)
    head_w, head_h = 3.2, 1.0  # header column width and header row height, in cell units
    ax.set_xlim(0, head_w + n_cols * 3.0)
    ax.set_ylim(-0.2, head_h + n_rows * 1.5 + 0.05)
    ax.invert_yaxis()
    ax.axis("off")
    cell_w, cell_h = 3.0, 1.5
    for j, metric in enumerate(FOUR_KEYS):
        cx = head_w + (j + 0.5) * cell_w
        ax.text(
            cx,
            head_h / 2,
            textwrap.fill(t(f"metric.{metric}", lang), 18),
            ha="center",
            va="center",
            fontsize=style.LABEL_SIZE,
            fontweight="bold",
            gid=f"header:{metric}",
        )
    for i, practice in enumerate(practices):
        top = head_h + i * cell_h
        ax.add_patch(
            Rectangle((0.05, top + 0.08), 0.18, cell_h - 0.16, color=style.practice_color(practice))
        )
        ax.text(
            0.4,
            top + cell_h / 2,
            practice_name(practice, lang).replace(" ", "\n", 1),
            ha="left",
            va="center",
            fontsize=style.LABEL_SIZE,
            fontweight="bold",
            gid=f"row:{practice}",
        )
        for j, metric in enumerate(FOUR_KEYS):
            cell_value = summary_cell(summary, practice, metric)
            color = style.BAND_COLORS.get(cell_value.band, style.NO_DATA_COLOR)
            ink = style.text_color_on(color)
            x0 = head_w + j * cell_w
            cell = FancyBboxPatch(
                (x0 + 0.06, top + 0.06),
                cell_w - 0.12,
                cell_h - 0.12,
                boxstyle="round,pad=0,rounding_size=0.12",
                facecolor=color,
                edgecolor="none",
            )
            cell.set_gid(f"cell:{practice}:{metric}")
            ax.add_patch(cell)
            value, ci = cell_value.value_text(lang), cell_value.ci_text(lang)
            cx = x0 + cell_w / 2
            ax.text(
                cx,
                top + (0.45 if ci else 0.58),
                value,
                ha="center",
                va="center",
                color=ink,
                fontsize=style.ANNOTATION_SIZE + 5,
                fontweight="bold",
                gid=f"value:{practice}:{metric}",
            )
            if ci:
                ax.text(
                    cx,
                    top + 0.8,
                    ci,
                    ha="center",
                    va="center",
                    color=ink,
                    fontsize=style.SMALL_SIZE,
                    gid=f"ci:{practice}:{metric}",
                )
            ax.text(
                cx,
                top + (1.13 if ci else 1.05),
                band_name(cell_value.band, lang).upper(),
                ha="center",
                va="center",
                color=ink,
                fontsize=style.SMALL_SIZE,
                fontweight="bold",
                gid=f"band:{practice}:{metric}",
            )
    if owned:
        handles = [Patch(color=style.BAND_COLORS[b], label=band_name(b, lang)) for b in BANDS]
        handles.append(Patch(color=style.NO_DATA_COLOR, label=band_name("", lang)))
        fig.legend(
            handles=handles,
            loc="outside lower center",
            ncols=len(handles),
            fontsize=style.LEGEND_SIZE,
            frameon=False,
            title=t("chart.scorecard.note", lang),
            title_fontsize=style.SMALL_SIZE,
        )
        style.suptitle(fig, t("chart.scorecard.title", lang))
        return fig
    return ax


__all__ = ["plot_scorecard"]
