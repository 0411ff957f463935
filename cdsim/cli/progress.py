"""What the command line says while it works: a progress bar and status lines on stderr."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

import click

from cdsim.cli.options import Options
from cdsim.experiments import default_jobs, worker_count
from cdsim.i18n import count, t


class Progress:
    """A tqdm bar fed by the engine's ``progress(done, total)`` callback.

    Shown only when stderr is a terminal and ``--quiet`` is not given.
    """

    def __init__(self, quiet: bool, description: str, unit: str = "run") -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self.description = description
        self.unit = unit
        self.bar = None

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(
                total=total, desc=self.description, unit=self.unit, file=sys.stderr, leave=False
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


def jobs_text(jobs: int | None, tasks: int, lang: str = "en") -> str:
    """How many processes will run ``tasks`` runs: ``2 processes``."""
    return count(worker_count(jobs, tasks), "processes", lang)


def where_text(opts: Options, tasks: int) -> str:
    """Where the runs go: ``2 processes``, a local Dask cluster, or a Dask scheduler."""
    if opts.scheduler:
        return t("cli.on_scheduler", opts.lang, address=opts.scheduler)
    if opts.dask:
        workers = count(min(opts.jobs or default_jobs(), default_jobs()), "workers", opts.lang)
        return t("cli.on_local_dask", opts.lang, workers=workers)
    return jobs_text(opts.jobs, tasks, opts.lang)


@contextlib.contextmanager
def executor_for(opts: Options) -> Iterator:
    """The executor ``--dask`` / ``--scheduler`` ask for (None: the process pool), with a
    status line while a Dask cluster starts or is reached (it takes seconds)."""
    from cdsim.executors import open_executor

    if opts.dask:
        say(opts, t("cli.starting_dask", opts.lang))
    elif opts.scheduler:
        say(opts, t("cli.connecting", opts.lang, address=opts.scheduler))
    with open_executor(opts.jobs, opts.scheduler, opts.dask) as executor:
        yield executor


def progress_bar(opts: Options, what: str, unit: str = "unit") -> Progress:
    """The bar of a simulating (or writing) command, in the result's language."""
    return Progress(opts.quiet, t(f"progress.{what}", opts.lang), t(f"progress.{unit}", opts.lang))
