"""``cdsim scenarios``: the built-in scenarios, listed and shown."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import click

import cdsim
from cdsim.cli.app import cli
from cdsim.cli.options import lang_option
from cdsim.i18n import language_from_environment, t
from cdsim.scenario.loader import scenarios_dir


@cli.group(
    invoke_without_command=True,
    epilog="""\b
Examples:
  cdsim scenarios
  cdsim scenarios show default > mine.toml    # then edit mine.toml
  cdsim scenarios show mine.toml              # every value, the preset merged in
""",
)
@lang_option
@click.pass_context
def scenarios(ctx: click.Context, lang: str) -> None:
    """List the built-in scenarios with their descriptions."""
    if ctx.invoked_subcommand is not None:
        return
    names = cdsim.preset_names()
    width = max(len(n) for n in names) + 2
    wrap = max(40, min(100, _terminal_width()) - width)
    for name in names:
        description = cdsim.load_scenario(name).description_in(lang)
        lines = textwrap.wrap(description, wrap) or [""]
        click.echo(name.ljust(width) + lines[0])
        for line in lines[1:]:
            click.echo(" " * width + line)
    click.echo("\n" + t("cli.scenarios.hint", lang))


def _terminal_width() -> int:
    try:
        return os.get_terminal_size().columns
    except OSError:
        return 100


@scenarios.command(
    "show",
    epilog="""\b
Examples:
  cdsim scenarios show default                # the default scenario, every key commented
  cdsim scenarios show default > mine.toml    # copy it, edit it, then:
  cdsim compare mine.toml
  cdsim scenarios show mine.toml              # every value of mine.toml, base merged in
""",
)
@click.argument("name")
def scenarios_show(name: str) -> None:
    """Print the built-in scenario NAME as TOML, with its comments; or, given a .toml
    file, every value of that scenario (its base merged in)."""
    path = scenarios_dir() / f"{name}.toml"
    if name in cdsim.preset_names():
        click.echo(path.read_text(encoding="utf-8"), nl=False)
        return
    if name.lower().endswith(".toml") or Path(name).exists():
        scenario = cdsim.load_scenario(name)
        header = t("cli.scenarios.every_value", language_from_environment(os.environ), name=name)
        click.echo(f"{header}\n" + scenario.to_toml(), nl=False)
        return
    cdsim.load_scenario(name)  # raises ScenarioError with a "did you mean"
