"""What the explorer says about its numbers: the status line above the chart, and the
notice that takes the place of the chart and the scorecard when there is nothing to show.

A :class:`Status` keeps the text's key and values rather than the text, so that a switch
of language rewrites whatever is on screen (``Choose at least one practice.`` becomes
``Escolha ao menos uma prática.``).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from cdsim.i18n import format_number, t

RUNNING = "running"
DONE = "done"
BLOCKED = "blocked"
"""The kinds of status: simulating, numbers on screen, nothing to show (no practice
chosen, or values the model refuses)."""


@dataclass(frozen=True)
class Status:
    """One state of the explorer: its kind, the key of its text and the text's values."""

    kind: str
    key: str
    values: dict[str, object] = field(default_factory=dict)
    notice: str = ""
    """For a blocked status: the key of the notice shown in place of the results."""

    def text(self, lang: str) -> str:
        values = {
            name: format_number(value, lang, 2) if isinstance(value, float) else value
            for name, value in self.values.items()
        }
        return t(self.key, lang, **values)


def running() -> Status:
    return Status(RUNNING, "explorer.status.running")


def done(timings: dict[str, float], seconds: float) -> Status:
    return Status(
        DONE,
        "explorer.status.done",
        {
            "seconds": seconds,
            "sim": timings["simulate"],
            "card": timings["scorecard"],
            "chart": timings["chart"],
        },
    )


def no_practice() -> Status:
    return Status(BLOCKED, "explorer.status.no_practice", notice="explorer.notice.no_practice")


def refused(error: str) -> Status:
    return Status(BLOCKED, "explorer.status.error", {"error": error}, "explorer.notice.error")


def status_html(status: Status, lang: str) -> str:
    """The status line: a coloured bar (grey when done, amber while simulating, red when
    there is nothing to show); screen readers hear it change (``role=status``)."""
    return (
        f'<div class="cdsim-status cdsim-status-{status.kind}" role="status" '
        f'aria-live="polite">{html.escape(status.text(lang))}</div>'
    )


def notice_html(status: Status, lang: str) -> str:
    """The notice shown in place of the chart and the scorecard ("" when not blocked)."""
    if status.kind != BLOCKED or not status.notice:
        return ""
    return (
        '<div class="cdsim-notice" role="alert">'
        f"<b>{html.escape(status.text(lang))}</b>"
        f"<p>{html.escape(t(status.notice, lang))}</p></div>"
    )
