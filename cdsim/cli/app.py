"""The ``cdsim`` command group, its exit statuses and the one place errors become messages."""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
import threading
from collections.abc import Sequence

import click

import cdsim
from cdsim.errors import CdsimError, ExecutionError
from cdsim.i18n import language_from_environment, normalize_lang, t

EXIT_OK = 0


EXIT_ERROR = 1


EXIT_BAD_INPUT = 2


EXIT_INTERRUPTED = 130


EXIT_TERMINATED = 143  # 128 + SIGTERM, as a shell reports it (SIGHUP: 129)
STOP_SIGNALS = ("SIGTERM", "SIGHUP")
"""Signals handled like Ctrl-C: ``kill`` or a scheduler (SIGTERM), a closed terminal
(SIGHUP)."""


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP, handled like Ctrl-C: the temporary folder is removed, worker
    processes are stopped, the earlier result stays."""

    def __init__(self, signum: int = 15) -> None:
        super().__init__(signum)
        self.signum = signum


def _on_stop_signal(signum, frame) -> None:
    raise Terminated(signum)


def _terminated_by(error: BaseException | None) -> Terminated | None:
    for _ in range(20):  # an exception's chain of causes, never endless
        if error is None:
            return None
        if isinstance(error, Terminated):
            return error
        error = error.__cause__ or error.__context__
    return None


LANG_KEY = "cdsim.lang"
"""Where ``--lang`` leaves its value in click's context (shared by every subcommand)."""


class BadInput(click.ClickException):
    """Bad input from the user: one message, exit status 2, no traceback."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, message: str, lang: str | None = None) -> None:
        super().__init__(message)
        self.lang = lang

    def show(self, file=None) -> None:
        lang = self.lang or message_language(sys.argv[1:])
        text = t("cli.error", lang, message=self.format_message())
        click.echo(text, file=file or sys.stderr)


class RunFailed(BadInput):
    """Runs that could not finish (a worker or a cluster lost): one message, exit 1."""

    exit_code = EXIT_ERROR


class CdsimGroup(click.Group):
    """Turns the engine's and the output folder's errors into messages: bad input (exit
    2), or runs that could not finish (exit 1), in the language of ``--lang``."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ExecutionError as error:
            lang = ctx.meta.get(LANG_KEY) or message_language(sys.argv[1:])
            raise RunFailed(error.message(lang), lang) from None
        except CdsimError as error:
            lang = ctx.meta.get(LANG_KEY) or message_language(sys.argv[1:])
            raise BadInput(error.message(lang), lang) from None


EXAMPLES_MAIN = """\b
Examples:
  cdsim compare                          # the default scenario, all three practices
  cdsim scenarios                        # the built-in scenarios
  cdsim scenarios show default > mine.toml
  cdsim compare mine.toml --set build.runners=4 --out results/
  cdsim sweep mine.toml --vary approval.delay.mean_hours=1,4,24
  cdsim run low --practice delivery --replications 5
  cdsim figure classroom --lang pt

Exit status: 0 success, 2 bad input, 1 unexpected error or runs that could not finish
(a lost worker), 130 interrupted (Ctrl-C),
143 stopped (SIGTERM), 129 terminal closed (SIGHUP).
"""


@click.group(
    cls=CdsimGroup,
    epilog=EXAMPLES_MAIN,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(cdsim.__version__, prog_name="cdsim")
def cli() -> None:
    """Simulate Continuous Integration, Delivery and Deployment, and compare them.

    A SCENARIO is a built-in name (see `cdsim scenarios`) or a .toml file. Results (CSV
    tables, charts, the scenario as run) go to an output folder, cdsim-results/ by
    default.
    """


_STDOUT_FAULTS = {errno.ENOSPC, errno.EIO, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _silence_stdout() -> None:
    """Send what is left for stdout to /dev/null, so that the exit does not fail again."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _unexpected(error: Exception, lang: str):
    if os.environ.get("CDSIM_DEBUG"):
        raise error
    kind = type(error).__name__
    click.echo(t("cli.bug", lang, kind=kind, message=str(error)[:2000]), err=True)
    sys.exit(EXIT_ERROR)


def message_language(argv: Sequence[str]) -> str:
    """The language of the messages, before the options are parsed (so that even an error
    found early speaks it): the last valid ``--lang`` of the command line, else the
    terminal's locale."""
    lang = None
    for i, word in enumerate(argv):
        if word == "--":
            break
        value = argv[i + 1] if word == "--lang" and i + 1 < len(argv) else None
        if word.startswith("--lang="):
            value = word.split("=", 1)[1]
        if value is not None:
            with contextlib.suppress(ValueError):  # the option's own check says what is wrong
                lang = normalize_lang(value)
    return lang or language_from_environment(os.environ)


def main(argv: Sequence[str] | None = None) -> None:
    """The ``cdsim`` console script: exit status 0, 1 (unexpected), 2 (bad input), 130
    (Ctrl-C), 143 (SIGTERM)."""
    if threading.current_thread() is threading.main_thread():
        for name in STOP_SIGNALS:
            if hasattr(signal, name):
                signal.signal(getattr(signal, name), _on_stop_signal)
    lang = message_language(sys.argv[1:] if argv is None else list(argv))
    try:
        cli.main(args=argv, prog_name="cdsim", standalone_mode=False)
        sys.stdout.flush()  # a full disk behind '> file' shows here, not at exit
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except (KeyboardInterrupt, click.exceptions.Abort) as error:
        stopped = _terminated_by(error)
        if stopped is not None:
            name = signal.Signals(stopped.signum).name
            click.echo(t("cli.terminated", lang, signal=name), err=True)
            sys.exit(128 + stopped.signum)
        click.echo(t("cli.interrupted", lang), err=True)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        # the reader went away (cdsim scenarios show default | head): not an error
        _silence_stdout()
        sys.exit(EXIT_OK)
    except OSError as error:
        if error.errno not in _STDOUT_FAULTS or error.filename is not None:
            _unexpected(error, lang)
        # stdout redirected to a full disk (> /dev/full) or a failing device
        _silence_stdout()
        reason = error.strerror or str(error)
        click.echo(t("cli.stdout", lang, reason=reason), err=True)
        sys.exit(EXIT_BAD_INPUT)
    except click.exceptions.Exit as error:
        sys.exit(error.exit_code)
    except Exception as error:  # noqa: BLE001 - the last line of defence
        _unexpected(error, lang)
    sys.exit(EXIT_OK)
