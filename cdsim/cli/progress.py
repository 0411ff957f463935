"""What the command line says while it works: a progress bar and status lines on stderr."""

from __future__ import annotations

import sys

import click

from cdsim.cli.options import Options
from cdsim.experiments import worker_count


class Progress:
    """A tqdm bar fed by the engine's ``progress(done, total)`` callback.

    Shown only when stderr is a terminal and ``--quiet`` is not given.
    """

    def __init__(self, quiet: bool, description: str) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self.description = description
        self.bar = None

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(
                total=total, desc=self.description, unit="run", file=sys.stderr, leave=False
            )
        self.bar.update(done - self.bar.n)

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.close()


def say(opts: Options, message: str) -> None:
    """A status message on stderr, unless --quiet."""
    if not opts.quiet:
        click.echo(message, err=True)


def jobs_text(jobs: int | None, tasks: int) -> str:
    n = worker_count(jobs, tasks)
    return "1 process" if n == 1 else f"{n} processes"
