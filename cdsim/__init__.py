"""cdsim: what Continuous Integration, Delivery and Deployment do to a team, simulated.

>>> import cdsim
>>> sc = cdsim.load_scenario("default")
>>> run = cdsim.simulate(sc, practice="delivery", seed=1)
>>> res = cdsim.compare(sc, replications=20, seed=1, jobs=2)
"""

from cdsim.change import TIME_CATEGORIES
from cdsim.errors import (
    ArgumentError,
    CdsimError,
    InputError,
    OutputError,
    ScenarioError,
    UnknownPracticeError,
    WorkloadError,
)
from cdsim.experiments import Comparison, compare, sweep
from cdsim.metrics import BANDED_METRICS, METRICS
from cdsim.practices import PRACTICES
from cdsim.presentation import format_ci, format_metric
from cdsim.scenario import Scenario, load_scenario, preset_names
from cdsim.simulation import Run, simulate
from cdsim.version import __version__


def explorer(*args, **kwargs):
    """The interactive classroom explorer (ipywidgets); see :mod:`cdsim.explorer_app`."""
    from cdsim.explorer_app import explorer as _explorer

    return _explorer(*args, **kwargs)


__all__ = [
    "ArgumentError",
    "__version__",
    "BANDED_METRICS",
    "METRICS",
    "PRACTICES",
    "TIME_CATEGORIES",
    "CdsimError",
    "Comparison",
    "InputError",
    "OutputError",
    "Run",
    "Scenario",
    "ScenarioError",
    "UnknownPracticeError",
    "WorkloadError",
    "compare",
    "explorer",
    "format_ci",
    "format_metric",
    "load_scenario",
    "preset_names",
    "simulate",
    "sweep",
]
