"""The explorer as a web page (``cdsim explorer``): voila serving ``cdsim.explorer()``.

Needs the ``web`` extra (voila, ipykernel); nothing here imports voila, so the command
line can say what is missing. Modules: :mod:`.options` (defaults, checks, messages),
:mod:`.network` (ports, URLs), :mod:`.files` (the generated notebook and voila.json),
:mod:`.server` (voila in a child process), :mod:`.command` (the body of the command).
"""

from cdsim.webapp.command import run_explorer_command
from cdsim.webapp.options import (
    DEFAULT_CULL_IDLE_SECONDS,
    DEFAULT_HOST,
    DEFAULT_SCENARIO,
    PortInUseError,
    ServeError,
    message,
)
from cdsim.webapp.server import ExplorerServer, serve

__all__ = [
    "DEFAULT_CULL_IDLE_SECONDS",
    "DEFAULT_HOST",
    "DEFAULT_SCENARIO",
    "ExplorerServer",
    "PortInUseError",
    "ServeError",
    "message",
    "run_explorer_command",
    "serve",
]
