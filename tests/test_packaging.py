"""The scenarios and band table ship inside the installed package, not only in a checkout."""

import subprocess
import sys
import zipfile

import pytest

ROOT = __import__("pathlib").Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
        ],
        check=True,
    )
    (path,) = out.glob("cdsim-*.whl")
    return path


def test_wheel_contains_data(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for preset in ("default", "classroom", "elite", "high", "medium", "low", "queueing"):
        assert f"cdsim/data/scenarios/{preset}.toml" in names
    assert "cdsim/data/dora_bands.csv" in names


def test_wheel_contains_the_explorer_web_template(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for name in ("conf.json", "index.html.j2"):
        assert f"cdsim/webapp/share/jupyter/voila/templates/cdsim/{name}" in names


def test_installed_package_finds_its_presets_away_from_the_checkout(wheel, tmp_path):
    zipfile.ZipFile(wheel).extractall(tmp_path / "site")
    code = (
        "import cdsim, cdsim.scenario.loader as l;"
        "print(l.data_dir()); print(cdsim.load_scenario('elite').name)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"},
    )
    data_dir, name = result.stdout.split()
    assert data_dir.startswith(str(tmp_path / "site"))
    assert name == "elite"
