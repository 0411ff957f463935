"""The ``cdsim`` command group, its exit statuses and the one place errors become messages."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

import click

import cdsim
from cdsim.errors import CdsimError, ExecutionError
from cdsim.i18n import language_from_environment, normalize_lang, t

EXIT_OK = 0


EXIT_ERROR = 1


EXIT_BAD_INPUT = 2


EXIT_INTERRUPTED = 130


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
        message = t("cli.error", lang, message=self.format_message())
        click.echo(message, file=file or sys.stderr)


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
            lang = ctx.meta.get(LANG_KEY)
            raise RunFailed(error.message(lang or "en"), lang) from None
        except CdsimError as error:
            lang = ctx.meta.get(LANG_KEY)
            raise BadInput(error.message(lang or "en"), lang) from None


EXAMPLES_MAIN = """\b
Examples:
  cdsim compare                          # the default scenario, all three practices
  cdsim scenarios                        # the built-in scenarios
  cdsim scenarios show default > mine.toml
  cdsim compare mine.toml --set build.runners=4 --out results/
  cdsim sweep mine.toml --vary approval.delay.mean_hours=1,4,24
  cdsim run low --practice delivery --replications 5
  cdsim figure classroom --lang pt

Exit status: 0 success, 2 bad input, 1 unexpected error, 130 interrupted.
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


def message_language(argv: Sequence[str]) -> str:
    """The language of the messages, before the options are parsed: ``--lang`` if the
    command line gives it, else the terminal's locale."""
    for i, word in enumerate(argv):
        value = None
        if word == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif word.startswith("--lang="):
            value = word.split("=", 1)[1]
        if value is not None:
            try:
                return normalize_lang(value)
            except ValueError:
                break
    return language_from_environment(os.environ)


def main(argv: Sequence[str] | None = None) -> None:
    """The ``cdsim`` console script: exit status 0, 1 (unexpected), 2 (bad input), 130."""
    lang = message_language(sys.argv[1:] if argv is None else list(argv))
    try:
        cli.main(args=argv, prog_name="cdsim", standalone_mode=False)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except (KeyboardInterrupt, click.exceptions.Abort):
        click.echo(t("cli.interrupted", lang), err=True)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        # the reader went away (cdsim scenarios show default | head): not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_OK)
    except click.exceptions.Exit as error:
        sys.exit(error.exit_code)
    except Exception as error:  # noqa: BLE001 - the last line of defence
        if os.environ.get("CDSIM_DEBUG"):
            raise
        click.echo(t("cli.bug", lang, kind=type(error).__name__, message=error), err=True)
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_OK)
