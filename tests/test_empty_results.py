"""Results with nothing in them (issue 11, class 7): no change committed, or none deployed,
is a run cdsim allows; every chart then shows a readable "nothing to show" panel, in
English and Brazilian Portuguese, instead of failing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import matplotlib
import pytest
from matplotlib.figure import Figure

import cdsim
from cdsim.charts.gallery import CHARTS
from cdsim.charts.sweep import plot_sweep
from cdsim.i18n import t

matplotlib.use("Agg")

EXE = shutil.which("cdsim", path=os.path.dirname(sys.executable)) or shutil.which("cdsim")
EMPTY = {
    "zero commits": {"team.commits_per_day": 0},
    "tiny horizon": {"days": 0.001, "warmup_days": 0.0},
}


def texts_of(fig: Figure) -> list[str]:
    return [text.get_text() for text in fig.findobj(matplotlib.text.Text)]


def empty_panels(fig: Figure) -> list:
    return [a for a in fig.findobj(matplotlib.text.Text) if a.get_gid() == "nothing-to-show"]


@pytest.fixture(scope="module", params=list(EMPTY))
def empty(request):
    scenario = cdsim.load_scenario("default").with_values(EMPTY[request.param])
    result = cdsim.compare(scenario, replications=2, jobs=1)
    assert len(result.changes) == 0
    return result


@pytest.mark.parametrize("lang", ["en", "pt"])
@pytest.mark.parametrize("name", list(CHARTS))
def test_every_chart_says_there_is_nothing_to_show(empty, name, lang):
    fig = CHARTS[name](empty, lang)
    assert isinstance(fig, Figure)
    fig.canvas.draw()  # drawing, not only building, must work
    words = " ".join(texts_of(fig))
    assert t("chart.empty.title", lang) in words
    assert t("chart.empty.changes", lang) in words.replace("\n", " ")
    if name != "comparison":  # the figure itself still stands, its numbers all n/a
        assert empty_panels(fig)


def test_changes_that_never_reach_production(tmp_path):
    """Every change caught by the build, and fixed years later: changes, but no deploy."""
    scenario = cdsim.load_scenario("default").with_values(
        {"days": 5.0, "warmup_days": 1.0, "team.defect_probability": 1.0,
         "build.detection": 1.0, "team.fix_time": {"dist": "fixed", "mean_days": 3000}}
    )  # fmt: skip
    result = cdsim.compare(scenario, replications=1, jobs=1, practices=["delivery"])
    assert len(result.changes) > 0 and not result.deployments["in_window"].any()
    lead = CHARTS["lead_time"](result, "pt")
    assert t("chart.empty.deployed", "pt") in " ".join(texts_of(lead)).replace("\n", " ")
    failure = CHARTS["failure"](result, "en")
    assert t("chart.empty.deploys", "en") in " ".join(texts_of(failure))
    for name in CHARTS:
        CHARTS[name](result, "en").canvas.draw()


def test_a_sweep_whose_metric_has_no_value(tmp_path):
    scenario = cdsim.load_scenario("default").with_values({"team.commits_per_day": 0})
    table = cdsim.sweep(scenario, {"build.runners": [1, 2]}, replications=1, jobs=1)
    for lang in ("en", "pt"):
        fig = plot_sweep(table, "lead_time_median_hours", lang=lang)
        assert empty_panels(fig)
        assert t("chart.empty.values", lang) in " ".join(texts_of(fig)).replace("\n", " ")


@pytest.mark.parametrize(
    "args",
    [
        ["compare", "--set", "team.commits_per_day=0", "-r", "2"],
        ["compare", "--set", "days=0.001", "--set", "warmup_days=0", "--lang", "pt"],
        ["run", "default", "--set", "team.commits_per_day=0"],
        ["figure", "--set", "team.commits_per_day=0", "-r", "1"],
        ["sweep", "default", "--vary", "team.commits_per_day=0", "-r", "1"],
    ],
)
def test_the_commands_write_charts_of_an_empty_result(tmp_path, args):
    out = tmp_path / "out"
    result = subprocess.run(
        [EXE, *args, "--jobs", "1", "-q", "--out", str(out)],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "MPLBACKEND": "Agg", "CDSIM_DEBUG": ""},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert list(out.glob("*.png")) and "Traceback" not in result.stderr
