"""The classroom explorer, driven headless: widgets changed in Python, results checked.

The numbers the explorer shows must be those of ``cdsim.simulate`` for the same scenario
values and seed; a change of a widget must re-simulate (or, for the language, redraw) and
change what is shown.
"""

from __future__ import annotations

import re

import pytest

pytest.importorskip("ipywidgets")

import cdsim  # noqa: E402
from cdsim import i18n  # noqa: E402
from cdsim.explorer_app import CHARTS, SLIDERS, Explorer  # noqa: E402
from cdsim.presentation import format_metric  # noqa: E402

FOUR_KEYS = cdsim.BANDED_METRICS
CELL = re.compile(r'data-practice="(\w+)" data-metric="(\w+)" data-value="([^"]+)"><b>([^<]*)</b>')


def shown(app: Explorer) -> dict[tuple[str, str], tuple[float, str]]:
    """(practice, metric) -> (raw value, formatted text) as written in the scorecard HTML."""
    return {(p, m): (float(v), txt) for p, m, v, txt in CELL.findall(app.scorecard.value)}


def chart_texts(figure) -> dict[str, str]:
    """gid -> text of every text artist of a figure that has a gid."""
    return {
        a.get_gid(): a.get_text() for ax in figure.axes for a in ax.texts if a.get_gid() is not None
    }


def assert_matches_simulate(app: Explorer) -> None:
    """Every number of the scorecard equals cdsim.simulate for the same values and seed."""
    cells = shown(app)
    assert cells, "the scorecard shows no number"
    for practice in app.practices:
        expected = cdsim.simulate(app.scenario, practice, app.seed).metrics()
        for metric in FOUR_KEYS:
            value, txt = cells[(practice, metric)]
            assert value == pytest.approx(expected[metric], rel=0, abs=0, nan_ok=True)
            assert txt == format_metric(metric, expected[metric], app.lang)
        row = app.metrics.loc[practice]
        for metric in cdsim.METRICS:
            assert row[metric] == pytest.approx(expected[metric], rel=0, abs=0, nan_ok=True)


@pytest.fixture
def app() -> Explorer:
    return cdsim.explorer("classroom")


def test_builds_runs_once_and_shows_the_simulated_numbers(app):
    assert app.updates == 1
    assert app.result is not None and app.error == ""
    assert app.practices == cdsim.PRACTICES
    assert app.scenario == cdsim.load_scenario("classroom")
    assert app.seed == 1
    assert_matches_simulate(app)
    assert app.last_update_seconds > 0
    assert set(app.timings) == {"simulate", "scorecard", "chart"}
    assert app.chart == "comparison"
    assert app.chart_images["comparison"].value[:4] == b"\x89PNG"


def test_every_control_is_exposed_and_updates_on_release(app):
    assert set(app.sliders) == {spec.name for spec in SLIDERS}
    for name, slider in app.sliders.items():
        assert slider.continuous_update is False, name
    assert set(app.practice_buttons) == set(cdsim.PRACTICES)
    assert app.language.value == "en"
    assert app.reset_button.description == "Reset"
    assert len(app.tabs.children) == len(CHARTS)


def test_slider_values_start_at_the_preset(app):
    sc = cdsim.load_scenario("classroom")
    assert app.sliders["developers"].value == sc.get("team.developers")
    assert app.sliders["commits_per_day"].value == sc.get("team.commits_per_day")
    assert app.sliders["runners"].value == sc.get("build.runners")
    assert app.sliders["approval_delay"].value == sc.model.approval.delay.mean_in_hours
    assert app.sliders["release_every"].value == sc.get("release.every_days")
    assert app.sliders["days"].value == sc.get("days")
    assert app.sliders["days"].min > sc.get("warmup_days")


def test_the_comparison_figure_shows_the_simulated_four_keys(app):
    texts = chart_texts(app.figures["comparison"])
    for practice in app.practices:
        expected = cdsim.simulate(app.scenario, practice, app.seed).metrics()
        for metric in FOUR_KEYS:
            assert texts[f"value:{practice}:{metric}"] == format_metric(
                metric, expected[metric], "en"
            )


def test_moving_a_slider_re_simulates_and_changes_charts_and_scorecard(app):
    before_card = app.scorecard.value
    before_png = app.chart_images["comparison"].value
    before = app.metrics.copy()
    app.sliders["developers"].value = 16
    assert app.updates == 2
    assert app.scenario.get("team.developers") == 16
    assert app.metrics["changes_committed"].gt(before["changes_committed"]).all()
    assert app.scorecard.value != before_card
    assert app.chart_images["comparison"].value != before_png
    assert_matches_simulate(app)


def test_set_changes_several_sliders_with_one_update(app):
    seconds = app.set(developers=12, commits_per_day=3.0, runners=2, seed=7)
    assert app.updates == 2
    assert seconds == app.last_update_seconds > 0
    assert app.values["team.developers"] == 12
    assert app.values["build.runners"] == 2
    assert app.seed == 7
    assert_matches_simulate(app)
    with pytest.raises(KeyError):
        app.set(no_such_slider=1)


def test_approval_delay_moves_delivery_only_and_release_cadence_integration_only(app):
    before = app.metrics.copy()
    app.sliders["approval_delay"].value = 24.0
    after = app.metrics
    assert (
        after.loc["delivery", "lead_time_median_hours"]
        > before.loc["delivery", "lead_time_median_hours"]
    )
    # common random numbers: the other practices see the very same run
    assert after.loc["deployment"].equals(before.loc["deployment"])
    assert after.loc["integration"].equals(before.loc["integration"])

    before = app.metrics.copy()
    app.sliders["release_every"].value = 5.0
    after = app.metrics
    assert (
        after.loc["integration", "deploys_per_day"] > before.loc["integration", "deploys_per_day"]
    )
    assert after.loc["deployment"].equals(before.loc["deployment"])
    assert after.loc["delivery"].equals(before.loc["delivery"])
    assert_matches_simulate(app)


def test_perfect_tests_mean_no_failed_automated_deploys(app):
    app.set(build_detection=1.0, staging_detection=1.0)
    assert app.metrics.loc["deployment", "change_failure_rate"] == 0
    assert app.metrics.loc["delivery", "change_failure_rate"] == 0
    cells = shown(app)
    assert cells[("deployment", "change_failure_rate")][1] == "0%"


def test_more_defects_raise_the_failure_rate(app):
    low = app.metrics["change_failure_rate"].copy()
    app.set(defect_probability=0.4)
    high = app.metrics["change_failure_rate"]
    assert high["delivery"] > low["delivery"]
    assert high["deployment"] > low["deployment"]
    assert high["integration"] >= low["integration"]  # few big releases: near saturation
    assert_matches_simulate(app)


def test_the_seed_changes_the_numbers_and_gives_them_back(app):
    first = app.metrics.copy()
    app.sliders["seed"].value = 2
    assert not app.metrics.equals(first)
    app.sliders["seed"].value = 1
    assert app.metrics.equals(first)


def test_practice_chooser(app):
    app.practice_buttons["integration"].value = False
    assert app.practices == ("delivery", "deployment")
    assert app.result.practices == ("delivery", "deployment")
    assert "integration" not in {p for p, _m in shown(app)}
    assert_matches_simulate(app)
    updates = app.updates
    app.practices = []
    assert app.error == "Choose at least one practice."
    assert app.updates == updates  # nothing re-ran
    # no stale numbers: the scorecard and every chart are emptied, a notice says why
    assert app.result is None and app.metrics.empty and app.figures == {}
    assert app.scorecard.value == ""
    assert all(image.value == b"" for image in app.chart_images.values())
    assert app.tabs.layout.display == "none" and app.notice.layout.display is None
    assert "Integration, Delivery or Deployment" in app.notice.value
    assert "cdsim-status-blocked" in app.status.value
    app.practices = ["integration"]
    assert app.result.practices == ("integration",)
    assert app.error == "" and app.notice.layout.display == "none"
    assert app.tabs.layout.display is None
    assert app.chart_images["comparison"].value[:4] == b"\x89PNG"
    assert_matches_simulate(app)


def test_the_no_practice_message_follows_the_language(app):
    app.practices = []
    app.lang = "pt"
    assert app.error == "Escolha ao menos uma prática."
    assert "Escolha ao menos uma prática." in app.status.value
    assert "Ligue Integração, Entrega ou Deploy" in app.notice.value
    app.lang = "en"
    assert "Choose at least one practice." in app.status.value


def test_practice_toggles_show_their_state(app):
    button = app.practice_buttons["delivery"]
    assert button.icon == "check" and "in the simulation" in button.tooltip
    assert "cdsim-practice-delivery" in button._dom_classes
    button.value = False
    assert button.icon == "" and "left out" in button.tooltip
    app.lang = "pt"
    assert "fora da simulação" in button.tooltip


def test_the_status_sits_above_the_chart_and_titles_are_short(app):
    from cdsim.explorer_app.layout import ROOT_CLASS

    assert ROOT_CLASS in app.widget._dom_classes
    results = next(
        box for box in app.widget.children[3].children if "cdsim-results" in box._dom_classes
    )
    assert results.children[:3] == (app.status, app.notice, app.tabs)
    assert "cdsim-status-done" in app.status.value
    for lang in ("en", "pt"):
        app.lang = lang
        titles = [app.tabs.get_title(i) for i in range(len(CHARTS))]
        assert all(len(title) <= 16 for title in titles), titles


def test_language_switch_redraws_without_re_simulating(app):
    png = app.chart_images["comparison"].value
    updates, timings = app.updates, dict(app.timings)
    app.lang = "pt"
    assert app.updates == updates
    assert app.timings == timings  # the timings stay those of the last update
    assert app.reset_button.description == "Restaurar"
    assert app.practice_buttons["delivery"].description == "Entrega"
    assert "Entrega Contínua" in app.scorecard.value
    assert app.chart_images["comparison"].value != png
    texts = chart_texts(app.figures["comparison"])
    assert texts["bar-title:delivery"].startswith("ENTREGA")
    assert_matches_simulate(app)  # formatted with a decimal comma now
    with pytest.raises(ValueError):
        app.lang = "fr"


def test_reset_restores_the_preset_and_its_numbers(app):
    first = app.metrics.copy()
    app.set(developers=20, defect_probability=0.3, approval_delay=12.0, seed=5, days=30.0)
    assert not app.metrics.equals(first)
    app.reset_button.click()
    assert app.scenario == cdsim.load_scenario("classroom")
    assert app.seed == 1
    assert app.metrics.equals(first)


def test_every_chart_tab_draws(app):
    for name in CHARTS:
        app.chart = name
        assert app.chart_notes[name].value == "", name
        assert app.chart_images[name].value[:4] == b"\x89PNG", name
        assert name in app.figures
    with pytest.raises(ValueError):
        app.chart = "no_such_chart"
    png = app.chart_images["lead_time"].value
    app.sliders["commits_per_day"].value = 4.0
    app.chart = "lead_time"
    assert app.chart_images["lead_time"].value != png


def test_the_scorecard_bands_follow_the_summary(app):
    summary = app.result.summary.set_index(["practice", "metric"])
    bands = dict(
        ((p, m), b)
        for p, m, b in re.findall(
            r'data-practice="(\w+)" data-metric="(\w+)"[^>]*>.*?data-band="(\w*)"',
            app.scorecard.value,
        )
    )
    for practice in app.practices:
        for metric in FOUR_KEYS:
            assert bands[(practice, metric)] == summary.loc[(practice, metric), "band"]


def test_without_auto_update_nothing_runs_until_asked():
    app = Explorer("classroom", auto_update=False)
    assert app.result is None and app.updates == 0
    app.sliders["developers"].value = 5
    assert app.updates == 0
    seconds = app.update()
    assert seconds > 0 and app.updates == 1
    assert_matches_simulate(app)


def test_counts_are_shown_as_whole_numbers(app):
    cells = shown(app)
    for practice in app.practices:
        value, txt = cells[(practice, "deploys")]
        assert txt == i18n.format_number(value, "en", 0)
        assert "." not in txt


def test_time_updates_reports_one_time_per_update():
    from cdsim.explorer_app import time_updates

    seconds = time_updates("classroom", repeats=2)
    assert len(seconds) == 2 and all(0 < s < 30 for s in seconds)


def test_displays_as_a_widget(app):
    bundle = app._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "classroom" in repr(app)


def test_other_presets_and_options():
    app = cdsim.explorer("elite", lang="pt", practices=["deployment"], seed=3, chart="lead_time")
    assert app.lang == "pt" and app.practices == ("deployment",) and app.seed == 3
    assert app.chart == "lead_time" and "lead_time" in app.figures
    assert_matches_simulate(app)
