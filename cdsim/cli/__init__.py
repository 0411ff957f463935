"""The ``cdsim`` command line: batch scenario runs, tables and charts out.

Subcommands: ``compare``, ``run``, ``sweep``, ``figure`` (:mod:`cdsim.cli.commands`),
``sensitivity`` (:mod:`cdsim.cli.sensitivity`), ``scenarios`` (:mod:`cdsim.cli.scenarios`)
and ``explorer`` (:mod:`cdsim.cli.explorer`: the classroom explorer as a web page). Exit
status: 0 success, 2 bad input (a bad scenario, key, value, practice, option, range,
Dask scheduler, output folder, too much work, or a standard output that cannot be
written: one message on stderr naming it, no traceback, in the language of ``--lang``),
1 an unexpected error or runs that could not finish (a worker or cluster lost; a sweep
keeps its finished points), 130 interrupted (Ctrl-C), 143 stopped (SIGTERM). Results
are written atomically (see :mod:`cdsim.output`).

Where each part lives: the group, exit statuses and error messages in :mod:`.app`; the
KEY=VALUE mini-language of ``--set`` and ``--vary`` in :mod:`.assignments`; the shared
options in :mod:`.options`; progress and status lines in :mod:`.progress`; what goes into
a result folder in :mod:`.writing`. Tables are rendered by :mod:`cdsim.presentation`.
"""

from cdsim.cli import (  # noqa: F401  (they register the subcommands)
    commands,
    explorer,
    scenarios,
    sensitivity,
)
from cdsim.cli.app import (
    EXIT_BAD_INPUT,
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_TERMINATED,
    BadInput,
    cli,
    main,
)
from cdsim.cli.assignments import parse_assignment, parse_value, split_values
from cdsim.cli.progress import Progress

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_ERROR",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_TERMINATED",
    "BadInput",
    "Progress",
    "cli",
    "main",
    "parse_assignment",
    "parse_value",
    "split_values",
]
