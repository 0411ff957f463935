"""The explorer as a web page (``cdsim explorer``): voila serving ``cdsim.explorer()``.

Needs the ``web`` extra (voila, ipykernel). See :mod:`cdsim.webapp.server`.
"""

from cdsim.webapp.server import (
    MESSAGES,
    ExplorerServer,
    PortInUseError,
    ServeError,
    message,
    run_explorer_command,
    serve,
)

__all__ = [
    "MESSAGES",
    "ExplorerServer",
    "PortInUseError",
    "ServeError",
    "message",
    "run_explorer_command",
    "serve",
]
