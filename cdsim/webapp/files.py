"""The files one explorer server runs from, written into its temporary folder: a one-cell
notebook that shows ``cdsim.explorer(...)``, the scenario (unless it is a preset) and
voila's ``voila.json``."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from cdsim.scenario import Scenario
from cdsim.webapp.options import CULL_INTERVAL_SECONDS

TEMPLATE = "cdsim"
TEMPLATE_ROOT = Path(__file__).resolve().parent / "share" / "jupyter"
"""Prepended to JUPYTER_PATH, where voila looks for ``voila/templates/<name>``."""
NOTEBOOK_NAME = "cdsim-explorer.ipynb"
SCENARIO_FILE = "scenario.toml"
CONFIG_FILE = "voila.json"
CONNECTIONS_FOLDER = "connections"


def notebook_json(scenario_code: str, lang: str, title: str) -> dict[str, Any]:
    """A one-cell nbformat-4 notebook whose cell shows the explorer."""
    source = (
        "# Written by cdsim explorer (cdsim/webapp/files.py).\n"
        "import cdsim\n\n"
        f"cdsim.explorer({scenario_code}, lang={lang!r})\n"
    )
    return {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": None,
                "id": "cdsim-explorer",
                "metadata": {},
                "outputs": [],
                "source": source,
            }
        ],
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
            "title": title,  # the page's <title>
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def voila_config(
    host: str, port: int, cull_idle_seconds: int, connection_dir: str | os.PathLike
) -> dict[str, Any]:
    """The ``voila.json`` of one server (JSON keeps the types; on the command line a Dict
    trait would turn ``true`` into the string ``"True"``)."""
    return {
        "Voila": {
            "ip": host,
            "port": port,
            "port_retries": 0,  # never drift to another (partly random) port
            "open_browser": False,
            "connection_dir_root": str(connection_dir),  # removed with the temp folder
            "tornado_settings": {"disable_check_xsrf": True},  # voila #1458: see server.py
        },
        "VoilaConfiguration": {"template": TEMPLATE},
        "MappingKernelManager": {
            "cull_idle_timeout": cull_idle_seconds,
            "cull_interval": CULL_INTERVAL_SECONDS,
            "cull_connected": False,  # a page that is open is never culled
            "cull_busy": False,
        },
    }


def write_files(
    folder: Path,
    scenario: Scenario,
    preset: str | None,
    lang: str,
    title: str,
    host: str,
    port: int,
    cull_idle_seconds: int,
) -> Path:
    """The notebook, the scenario (unless ``preset`` names it) and voila.json, in
    ``folder``; the notebook's path."""
    if preset is not None:
        code = repr(preset)
    else:
        scenario_path = folder / SCENARIO_FILE
        scenario_path.write_text(scenario.to_toml(), encoding="utf-8")
        code = f"cdsim.load_scenario({str(scenario_path)!r})"
    notebook = folder / NOTEBOOK_NAME
    notebook.write_text(json.dumps(notebook_json(code, lang, title), indent=1))
    connections = folder / CONNECTIONS_FOLDER
    connections.mkdir()
    config = voila_config(host, port, cull_idle_seconds, connections)
    (folder / CONFIG_FILE).write_text(json.dumps(config, indent=1))
    return notebook
