"""``cdsim explorer``: what the command prints and the exit status it returns.

The click command (:mod:`cdsim.cli.explorer`) only reads its options and calls
:func:`run_explorer_command`, which says everything itself (in the language asked for)
and never raises for bad input: one message, exit status 2.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from cdsim.i18n import format_number, normalize_lang
from cdsim.scenario import Scenario, ScenarioError
from cdsim.webapp.options import (
    DEFAULT_CULL_IDLE_SECONDS,
    DEFAULT_HOST,
    DEFAULT_SCENARIO,
    EXIT_BAD_INPUT,
    KERNEL_MEMORY_MB,
    ServeError,
    message,
)
from cdsim.webapp.server import ExplorerServer, run_server


def run_explorer_command(
    scenario: str | os.PathLike | Scenario = DEFAULT_SCENARIO,
    lang: str = "en",
    port: int | None = None,
    host: str = DEFAULT_HOST,
    cull_idle_seconds: int = DEFAULT_CULL_IDLE_SECONDS,
    echo: Callable[..., object] | None = None,
    *,
    open_browser: bool = False,
    log: str | os.PathLike | None = None,
) -> int:
    """The body of ``cdsim explorer``: messages through ``echo(text, err=False)`` (click.echo
    by default), in ``lang``; returns the exit status: 0 stopped by Ctrl-C or SIGTERM,
    2 bad input (scenario, port, option, voila missing: one message, no traceback),
    1 voila failed."""
    if echo is None:
        import click

        echo = click.echo
    try:
        say_lang = normalize_lang(lang)
    except ValueError:
        say_lang = "en"

    def fail(text: str, code: int) -> int:
        echo(message("error", say_lang, message=text), err=True)
        return code

    try:
        server = ExplorerServer(
            scenario,
            lang=lang,
            port=port,
            host=host,
            cull_idle_seconds=cull_idle_seconds,
            log=log,
        )
    except ScenarioError as error:
        return fail(str(error), EXIT_BAD_INPUT)
    except ServeError as error:
        return fail(error.text(say_lang), error.exit_code)
    lang = server.lang
    language = message(f"language.{lang}", lang)
    echo(message("starting", lang, scenario=server.label, language=language), err=True)
    if server.on_network:
        seconds = server.cull_idle_seconds
        culling = (
            message(
                "network.culling",
                lang,
                minutes=format_number(seconds / 60, lang, 0 if seconds % 60 == 0 else 1),
            )
            if seconds
            else ""
        )
        text = message(
            "network.warning", lang, host=server.host, memory=KERNEL_MEMORY_MB, culling=culling
        )
        echo(message("warning", lang, message=text), err=True)

    def ready(url: str) -> None:
        echo(message("ready", lang, url=url))
        if server.network_urls:
            echo(message("ready.network", lang, urls="  ".join(server.network_urls)))
        echo(message("ready.stop", lang))

    try:
        status = run_server(
            server,
            open_browser=open_browser,
            ready=ready,
            stopping=lambda: echo(message("stopping", lang), err=True),
        )
    except ServeError as error:
        return fail(error.text(lang), error.exit_code)
    echo(message("stopped", lang), err=True)
    return status
