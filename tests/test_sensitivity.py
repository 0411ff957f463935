"""cdsim sensitivity: Morris elementary effects rank the keys that move each metric.

The known answer: a practice never reads the keys of another practice's gate (Delivery
has no release cadence, Deployment no approval), and with common random numbers a key
that a practice never reads has an effect of exactly zero on it.
"""

from __future__ import annotations

import html

import matplotlib
import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

import cdsim
from cdsim.cli import cli
from cdsim.cli.sensitivity import parse_ranges
from cdsim.errors import InputError, ScenarioError
from cdsim.sensitivity import DEFAULT_RANGES, check_ranges, sensitivity

matplotlib.use("Agg")
pytest.importorskip("SALib")

RANGES = {
    "approval.delay.mean_hours": (1.0, 24.0),
    "release.every_days": (7.0, 28.0),
    "build.runners": (1, 4),
}
ENGLISH = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}


@pytest.fixture(scope="module")
def small() -> cdsim.Scenario:
    return cdsim.load_scenario("classroom").with_values({"days": 20, "warmup_days": 2})


@pytest.fixture(scope="module")
def result(small):
    return sensitivity(small, RANGES, trajectories=4, replications=1, seed=2, jobs=2)


def ranking(result, practice: str, metric: str) -> pd.DataFrame:
    table = result.table
    return table[(table["practice"] == practice) & (table["metric"] == metric)].set_index("key")


def test_the_ranking_recovers_which_gate_each_practice_has(result):
    delivery = ranking(result, "delivery", "lead_time_median_hours")
    assert delivery.index[0] == "approval.delay.mean_hours"  # ranked first
    assert delivery.loc["approval.delay.mean_hours", "rank"] == 1
    assert delivery.loc["approval.delay.mean_hours", "mu"] > 0  # a slower approver: longer
    assert delivery.loc["release.every_days", "mu_star"] == 0  # Delivery cuts no releases
    integration = ranking(result, "integration", "lead_time_median_hours")
    assert integration.index[0] == "release.every_days"
    assert integration.loc["approval.delay.mean_hours", "mu_star"] == 0
    deployment = ranking(result, "deployment", "lead_time_median_hours")
    assert deployment.loc["approval.delay.mean_hours", "mu_star"] == 0
    assert deployment.loc["release.every_days", "mu_star"] == 0
    assert set(result.table["metric"]) == set(cdsim.BANDED_METRICS)
    assert result.points <= 4 * (len(RANGES) + 1)


def test_whole_number_keys_take_whole_values_only(small):
    from cdsim.sensitivity import _design, _point_values

    checked = check_ranges(small, RANGES)
    design = _design(checked, 4, 4, seed=2)
    runners = design[:, 2]
    assert set(np.unique(runners)) <= {1.0, 2.0, 3.0, 4.0}
    assert all(isinstance(_point_values(checked, row)[2], int) for row in design)
    with pytest.raises(InputError, match="multiple of 3 .* 1:3 is not, 1:4 is"):
        check_ranges(small, {"build.runners": (1, 3)})
    with pytest.raises(InputError, match="give whole ends"):
        check_ranges(small, {"build.runners": (1.5, 4.5)})


def test_the_same_seed_gives_the_same_ranking_on_any_executor(small, result):
    again = sensitivity(small, RANGES, trajectories=4, replications=1, seed=2, jobs=1)
    pd.testing.assert_frame_equal(again.table, result.table)


@pytest.mark.parametrize(
    ("ranges", "kind", "message"),
    [
        ({"build.runners": (2, 2)}, InputError, "the range of build.runners is empty"),
        ({"approval.delay.mean_hours": (24, 1)}, InputError, "is upside down .*=1:24"),
        ({"approval.delay.mean_hour": (1, 24)}, ScenarioError, "mean_hours"),
        ({"approval.mode": (1, 2)}, InputError, "approval.mode is not a number"),
        ({"team.defect_probability": (0.1, 2.0)}, ScenarioError, "defect_probability"),
        ({}, InputError, "at least one range"),
    ],
)
def test_bad_ranges_are_refused_before_any_run(small, ranges, kind, message):
    with pytest.raises(kind, match=message):
        sensitivity(small, ranges, trajectories=2, replications=1)


def test_the_default_ranges_are_valid_for_every_preset():
    for name in cdsim.preset_names():
        assert len(check_ranges(cdsim.load_scenario(name), DEFAULT_RANGES)) == len(DEFAULT_RANGES)


def test_range_options_are_read_or_refused():
    assert parse_ranges(["build.runners=1:4", "team.defect_probability=0.05:0.2"]) == {
        "build.runners": (1.0, 4.0),
        "team.defect_probability": (0.05, 0.2),
    }
    assert parse_ranges([]) is None
    for bad in ("build.runners=1-4", "build.runners", "=1:4", "build.runners=a:b"):
        with pytest.raises(InputError, match="write KEY=LOW:HIGH"):
            parse_ranges([bad])
    with pytest.raises(InputError, match="twice"):
        parse_ranges(["build.runners=1:4", "build.runners=2:5"])


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), env=ENGLISH)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--range", "build.runners=4:1"], "Error: the range of build.runners is upside down"),
        (["--range", "build.runners=1-4"], "write KEY=LOW:HIGH"),
        (["--range", "build.runner=1:4"], "build.runners"),
        (
            ["--range", "build.runners=2:2", "--lang", "pt"],
            "Erro: a faixa de build.runners está vazia",
        ),
    ],
)
def test_the_command_says_what_is_wrong_with_a_range_and_exits_2(tmp_path, args, message):
    result = invoke("sensitivity", "classroom", *args, "-o", str(tmp_path / "never"))
    assert result.exit_code == 2, result.output
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "never").exists()


def test_the_command_writes_the_ranking_its_charts_and_a_report(tmp_path):
    out = tmp_path / "sens"
    args = ["sensitivity", "classroom", "--set", "days=15", "-r", "1", "-t", "2", "-j", "2"]
    args += ["--range", "approval.delay.mean_hours=1:24", "--range", "build.runners=1:4"]
    result = invoke(*args, "--metric", "lead_time_median_hours", "--lang", "pt", "-o", str(out))
    assert result.exit_code == 0, result.output
    names = {p.name for p in out.iterdir()}
    for name in ("sensitivity.csv", "report.html", "scenario.toml"):
        assert name in names
    assert {
        "sensitivity_lead_time_median_hours_pt.png",
        "sensitivity_lead_time_median_hours_pt.svg",
    } <= names
    table = pd.read_csv(out / "sensitivity.csv")
    assert set(table["key"]) == {"approval.delay.mean_hours", "build.runners"}
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "qual chave mais importa em 'classroom'" in html.unescape(page)
    assert '"sensitivity.csv"' in page and page.count("<img") == 1
    assert "espera pela aprovação" in page  # keys in words (key_label)
    again = (out / "scenario.toml").read_text()
    assert "cdsim sensitivity scenario.toml" in again and "--range build.runners=1:4" in again
    assert "Lead time mediano: qual chave do cenário mais importa?" in result.stdout


def test_the_chart_is_a_function_of_the_table(result):
    from cdsim.charts.sensitivity import plot_sensitivity

    for lang in ("en", "pt"):
        fig = plot_sensitivity(result.table, "lead_time_median_hours", lang)
        assert fig.get_gid() == "sensitivity:lead_time_median_hours"
        assert len(fig.axes) == len(cdsim.PRACTICES)
        top = fig.axes[1].get_yticklabels()[0].get_text()  # Delivery's first key, on top
        assert top.startswith("approval delay" if lang == "en" else "espera pela aprovação")
    with pytest.raises(ValueError, match="no rows for metric"):
        plot_sensitivity(result.table, "rework_rate")


@pytest.mark.parametrize(
    ("largest_hours", "lang", "expected"),
    [
        (110.0, "en", ["0", "2 days", "4 days", "6 days"]),
        (60.0, "en", ["0", "1 day", "2 days", "3 days"]),
        (60.0, "pt", ["0", "1 dia", "2 dias", "3 dias"]),
        (7.0, "pt", ["0", "2 h", "4 h", "6 h", "8 h"]),
    ],
)
def test_a_time_axis_has_round_ticks_in_one_unit(largest_hours, lang, expected):
    """An hours metric's axis reads 2 days, 4 days... (not 4.2 days, 8.3 days: ticks at
    round hours shown in days), in the unit of the axis' end, singular for one day."""
    from cdsim.charts.sensitivity import plot_sensitivity

    table = pd.DataFrame(
        {
            "practice": "delivery",
            "metric": "lead_time_median_hours",
            "key": ["approval.delay.mean_hours", "build.runners"],
            "low": [1.0, 1.0],
            "high": [24.0, 4.0],
            "rank": [1, 2],
            "mu_star": [largest_hours, largest_hours / 4],
            "mu_star_conf": [0.0, 0.0],
            "mu": [largest_hours, -largest_hours / 4],
            "sigma": [0.0, 0.0],
            "trajectories": [4, 4],
        }
    )
    fig = plot_sensitivity(table, "lead_time_median_hours", lang)
    fig.canvas.draw()
    (ax,) = [a for a in fig.axes if a.patches]  # the one practice panel
    assert [label.get_text() for label in ax.get_xticklabels()] == expected
    matplotlib.pyplot.close(fig)
