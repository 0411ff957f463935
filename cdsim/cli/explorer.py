"""``cdsim explorer``: the classroom explorer served as a web page (voila).

A thin command: it reads the options and calls
:func:`cdsim.webapp.run_explorer_command`, which checks them, prints every message itself
(in the ``--lang`` language), serves until Ctrl-C and returns the exit status: 0 after
Ctrl-C or SIGTERM, 2 for bad input (one message, no traceback), 1 when voila failed.
"""

from __future__ import annotations

import click

from cdsim.cli.app import cli
from cdsim.cli.options import _lang_callback
from cdsim.i18n import t
from cdsim.webapp.options import DEFAULT_CULL_IDLE_SECONDS, DEFAULT_HOST, DEFAULT_SCENARIO


def _help(key: str) -> str:
    return t(f"webapp.help.{key}", "en")


@cli.command(
    "explorer",
    help=_help("command"),
    epilog="""\b
Examples:
  cdsim explorer                          # the classroom scenario, http://127.0.0.1:8866/
  cdsim explorer low --lang pt            # another scenario, the page in Portuguese
  cdsim explorer mine.toml --port 9000    # your own scenario file, a port of your choice
  cdsim explorer --host 0.0.0.0           # the classroom network (no password: see README)

\b
Needs the web extra: python3 -m pip install "cdsim[web]"
Exit status: 0 stopped with Ctrl-C, 2 bad input, 1 the web server failed.
""",
)
@click.argument("scenario", default=DEFAULT_SCENARIO)
@click.option("--port", type=click.IntRange(1, 65535), default=None, help=_help("port"))
@click.option(
    "--lang",
    default="en",
    show_default=True,
    metavar="en|pt",
    callback=_lang_callback,
    help=_help("lang"),
)
@click.option("--host", default=DEFAULT_HOST, show_default=True, help=_help("host"))
@click.option(
    "--cull-idle-seconds",
    type=click.IntRange(min=0),
    default=DEFAULT_CULL_IDLE_SECONDS,
    show_default=True,
    help=_help("cull"),
)
def explorer(scenario: str, port: int | None, lang: str, host: str, cull_idle_seconds: int):
    from cdsim.webapp.command import run_explorer_command

    status = run_explorer_command(scenario, lang, port, host, cull_idle_seconds, click.echo)
    if status:
        # not ctx.exit(): main() runs click with standalone_mode=False, where ctx.exit(2)
        # only makes cli.main return 2 and the process would exit 0
        raise SystemExit(status)
