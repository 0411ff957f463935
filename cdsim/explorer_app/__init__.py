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
second for the classroom preset on a quiet machine (docs/performance.md, sections 4-5).

Its texts (slider names, buttons, the guide) are the ``explorer.*`` keys of the one
translation table (:mod:`cdsim.i18n.texts`); the scorecard is
:func:`cdsim.presentation.scorecard_html`. Modules: :mod:`.controls` (the sliders),
:mod:`.panels` (the chart tabs), :mod:`.layout` (where the widgets go, and their style),
:mod:`.labels` (the texts on the widgets), :mod:`.status` (the status line, and the notice
shown when there are no numbers), :mod:`.app` (the Explorer and its updates).
"""

from cdsim.explorer_app.app import DEFAULT_PRESET, DEFAULT_SEED, Explorer, explorer, time_updates
from cdsim.explorer_app.controls import SLIDERS
from cdsim.explorer_app.panels import CHARTS

__all__ = [
    "CHARTS",
    "DEFAULT_PRESET",
    "DEFAULT_SEED",
    "SLIDERS",
    "Explorer",
    "explorer",
    "time_updates",
]
