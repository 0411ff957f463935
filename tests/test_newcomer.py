"""A newcomer's first minutes (issue 11, class 10): the README's two quick-start commands
work where ``pip install`` outside a virtual environment is refused (PEP 668), CI runs the
README's test command word for word, and the README's Python example runs where worker
processes start by "spawn" (macOS, Windows), as the library does."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "MPLBACKEND": "Agg"}
SPAWN = "import multiprocessing\nmultiprocessing.set_start_method('spawn', force=True)\n"


def quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [line.strip() for line in section.splitlines() if line.startswith("    ")]


def python_example() -> str:
    section = README.split("## Use it from Python", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_the_quick_start_is_two_commands_in_a_virtual_environment():
    commands = quick_start_commands()
    assert commands == [
        "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/cdsim compare",
        'python3 -m venv .venv && .venv/bin/pip install -e ".[test]" && .venv/bin/python -m pytest',
    ]
    assert "externally-managed-environment" in README and "python3-venv" in README


def test_ci_runs_the_readmes_test_command_after_installing_chromium():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    lines = [line for line in script.splitlines() if line.strip() and not line.startswith("#")]
    assert lines[-1] == quick_start_commands()[1]
    assert script.index("apt-get install -y chromium chromium-driver") < script.index(lines[-1])


def test_a_virtual_environment_can_be_made_here(tmp_path):
    """What the quick start relies on: venv and ensurepip (Debian: python3-venv)."""
    subprocess.run([sys.executable, "-m", "venv", str(tmp_path / ".venv")], check=True)
    pip = tmp_path / ".venv" / ("Scripts" if os.name == "nt" else "bin") / "pip"
    result = subprocess.run([str(pip), "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and "pip" in result.stdout


def run_script(tmp_path: Path, code: str, name: str = "example.py"):
    script = tmp_path / name
    script.write_text(code, encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path,
        env=ENV, timeout=600,
    )  # fmt: skip


def test_the_readme_example_runs_as_a_script_under_spawn(tmp_path):
    example = python_example().replace("replications=20", "replications=2")
    assert 'if __name__ == "__main__":' in example and "jobs=2" in example
    result = run_script(tmp_path, SPAWN + example)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "deploys_per_day" in result.stdout and "rows x 7 columns" in result.stdout


def test_without_its_guard_the_example_fails_under_spawn(tmp_path):
    """What the guard is for: the same example, unguarded, fails where workers spawn."""
    body = python_example().replace("replications=20", "replications=2")
    body = body.split("def main():", 1)[1].split('if __name__ == "__main__":', 1)[0]
    unguarded = "import cdsim\n" + textwrap.dedent(body)
    result = run_script(tmp_path, SPAWN + unguarded)
    assert result.returncode != 0
    assert "bootstrapping phase" in result.stderr or "BrokenProcessPool" in result.stderr


@pytest.mark.parametrize("method", ["spawn", "forkserver"])
def test_the_library_gives_the_same_numbers_whatever_starts_its_workers(tmp_path, method):
    code = f"""
import multiprocessing
import cdsim


def main():
    multiprocessing.set_start_method({method!r}, force=True)
    sc = cdsim.load_scenario("classroom").with_values({{"days": 10, "warmup_days": 1}})
    one = cdsim.compare(sc, replications=2, jobs=1)
    two = cdsim.compare(sc, replications=2, jobs=2)
    assert one.summary.equals(two.summary), "compare differs"
    vary = {{"build.runners": [1, 2]}}
    a = cdsim.sweep(sc, vary, replications=1, jobs=1, practices=["delivery"])
    b = cdsim.sweep(sc, vary, replications=1, jobs=2, practices=["delivery"])
    assert a.equals(b), "sweep differs"
    print("same numbers")


if __name__ == "__main__":
    main()
"""
    result = run_script(tmp_path, code, f"{method}.py")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "same numbers" in result.stdout
