"""``cdsim scenarios``: the built-in scenarios, listed and shown."""

from __future__ import annotations

import os
import textwrap

import click

import cdsim
from cdsim.cli.app import cli
from cdsim.cli.options import lang_option
from cdsim.i18n import language_from_environment, t
from cdsim.scenario.loader import preset_for, scenarios_dir, shadowed_file


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
    lang = language_from_environment(os.environ)
    preset = preset_for(name)  # the same rule as every command: presets first, unless a path
    if preset is not None:
        note_shadowed(name, lang=lang)
        click.echo((scenarios_dir() / f"{preset}.toml").read_text(encoding="utf-8"), nl=False)
        return
    scenario = cdsim.load_scenario(name)  # a file, or ScenarioError with a "did you mean"
    header = t("cli.scenarios.every_value", lang, name=name)
    click.echo(f"{header}\n" + scenario.to_toml(), nl=False)


def note_shadowed(name: str, quiet: bool = False, lang: str = "en") -> None:
    """Say which was meant when a built-in scenario and a file share a name."""
    if not quiet and shadowed_file(name) is not None:
        click.echo(t("note.preset_over_file", lang, name=name), err=True)
