"""Charts of cdsim results: pure functions, result tables in, matplotlib Figure (or Axes) out.

Every function takes DataFrames shaped as in ``docs/results.md`` and ``lang="en"`` or
``"pt"``; the single-panel ones also take ``ax=`` and then draw into it and return it.
None of them simulates, calls ``plt.show()`` or touches pyplot's global figure state.

``write_gallery(result, folder, lang)`` writes the seven charts of a comparison.
"""

from .comparison_figure import plot_comparison
from .failure import failure_figure, plot_change_failure_rate, plot_failure_vs_batch
from .flow import flow_figure, plot_change_timeline, plot_cumulative_flow
from .frequency import frequency_figure, plot_deploy_frequency, plot_time_to_restore
from .gallery import CHARTS, save_figure, write_gallery
from .lead_time import plot_lead_time
from .scorecard import plot_scorecard
from .sensitivity import plot_sensitivity
from .sweep import plot_sweep
from .time_breakdown import plot_time_breakdown, time_breakdown_figure

__all__ = [
    "CHARTS",
    "failure_figure",
    "flow_figure",
    "frequency_figure",
    "plot_change_failure_rate",
    "plot_change_timeline",
    "plot_comparison",
    "plot_cumulative_flow",
    "plot_deploy_frequency",
    "plot_failure_vs_batch",
    "plot_lead_time",
    "plot_scorecard",
    "plot_sensitivity",
    "plot_sweep",
    "plot_time_breakdown",
    "plot_time_to_restore",
    "save_figure",
    "time_breakdown_figure",
    "write_gallery",
]
