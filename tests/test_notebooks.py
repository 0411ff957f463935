"""Every classroom notebook runs top to bottom, quickly, and is committed without outputs.

The notebooks read ``CDSIM_QUICK=1`` (set here) and then use few replications and a short
horizon, so that the whole file runs in well under three minutes on two cores.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
EXPECTED = [
    "01_three_practices.ipynb",
    "01_tres_praticas.ipynb",
    "02_same_team_three_practices.ipynb",
    "03_explorer.ipynb",
    "04_experiments.ipynb",
]
SECONDS_PER_NOTEBOOK = 90  # a generous ceiling; each takes a few seconds in quick mode


def read(name: str):
    return nbformat.read(NOTEBOOKS / name, as_version=4)


def test_the_notebooks_are_all_there():
    found = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))
    assert found == sorted(EXPECTED)


@pytest.mark.parametrize("name", EXPECTED)
def test_committed_without_outputs(name):
    nb = read(name)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{name}: a code cell has outputs; clear them"
            assert cell.execution_count is None, f"{name}: a code cell has an execution count"


def test_the_portuguese_notebook_mirrors_the_english_one():
    en, pt = read("01_three_practices.ipynb"), read("01_tres_praticas.ipynb")
    assert [c.cell_type for c in en.cells] == [c.cell_type for c in pt.cells]
    charts_pt = [c.source for c in pt.cells if "charts." in c.source]
    assert charts_pt and all('lang="pt"' in s for s in charts_pt)


def test_the_explorer_notebook_shows_the_app_in_one_line():
    nb = read("03_explorer.ipynb")
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    assert len(code) == 1
    assert code[0].strip().splitlines()[-1] == "cdsim.explorer()"


def execute(name: str, monkeypatch):
    monkeypatch.setenv("CDSIM_QUICK", "1")
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = read(name)
    client = nbclient.NotebookClient(
        nb,
        timeout=SECONDS_PER_NOTEBOOK,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    start = time.perf_counter()
    client.execute()
    return nb, time.perf_counter() - start


def outputs_of(nb, output_type: str | None = None, mime: str | None = None):
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if output_type and out.output_type != output_type:
                continue
            if mime and mime not in out.get("data", {}):
                continue
            yield out


@pytest.mark.parametrize("name", EXPECTED)
def test_runs_top_to_bottom_in_quick_mode(name, monkeypatch):
    nb, seconds = execute(name, monkeypatch)
    errors = list(outputs_of(nb, "error"))
    assert not errors, errors
    assert seconds < SECONDS_PER_NOTEBOOK
    if name == "03_explorer.ipynb":
        widgets = list(outputs_of(nb, mime="application/vnd.jupyter.widget-view+json"))
        assert len(widgets) == 1, "the explorer did not display"
    else:
        assert list(outputs_of(nb, mime="image/png")), f"{name} drew no chart"
    # executing must not have touched the file on disk
    assert all(not c.get("outputs") for c in read(name).cells if c.cell_type == "code")
    assert os.environ.get("CDSIM_QUICK") == "1"
