"""The layout keeps its shape (docs/architecture.md): no import cycle, small modules, and
one declaration per name of the domain, which every translation refers to."""

from __future__ import annotations

import ast
from pathlib import Path

import cdsim
from cdsim.change import DETECTORS, TIME_CATEGORIES
from cdsim.i18n import TEXTS
from cdsim.metrics.bands import BANDS
from cdsim.metrics.definitions import METRICS

PACKAGE = Path(cdsim.__file__).parent
MAX_LINES = 450
DATA_TABLES = {"i18n/texts.py"}  # a table of texts, not logic


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every cdsim module ``path`` imports, at the top or anywhere (TYPE_CHECKING too),
    with the packages whose ``__init__`` such an import runs."""
    here = module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names = [base] + [f"{base}.{alias.name}" for alias in node.names]
        for name in names:
            parts = name.split(".")
            for i in range(1, len(parts) + 1):
                candidate = ".".join(parts[:i])
                # a package that contains this module is already importing: no new edge
                running = here == candidate or here.startswith(candidate + ".")
                if candidate in MODULES and not running:
                    found.add(candidate)
    return found


FILES = sorted(PACKAGE.rglob("*.py"))
MODULES = {module_name(path): path for path in FILES}


def test_the_import_graph_has_no_cycle():
    graph = {name: imports_of(path) for name, path in MODULES.items()}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt) :] + [nxt]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name)


def test_no_module_is_over_450_lines_except_data_tables():
    long = {
        path.relative_to(PACKAGE).as_posix(): n
        for path in FILES
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert set(long) <= DATA_TABLES, long


def test_every_name_of_the_domain_has_its_texts_in_both_languages():
    """Translations refer to the vocabulary; nothing is named that the texts lack."""
    keys = (
        [f"practice.{p}" for p in cdsim.PRACTICES]
        + [f"practice.{p}.short" for p in cdsim.PRACTICES]
        + [f"band.{b}" for b in BANDS]
        + [f"metric.{m}" for m in METRICS if not m.startswith("time_")]
        + [f"time.{part}" for part in TIME_CATEGORIES]
        + [f"metric.{m}.short" for m in cdsim.BANDED_METRICS]
    )
    missing = [key for key in keys if key not in TEXTS]
    assert not missing, missing
    assert len(DETECTORS) == len(set(DETECTORS))
