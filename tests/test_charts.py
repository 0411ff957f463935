"""Tests of cdsim.charts and cdsim.i18n: what each chart shows, in both languages."""

from __future__ import annotations

import math
import re
from itertools import combinations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from chart_data import make_comparison  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from cdsim import charts, i18n  # noqa: E402
from cdsim.change import TIME_CATEGORIES as TIME_COMPONENTS  # noqa: E402
from cdsim.charts import comparison_figure as cf  # noqa: E402
from cdsim.charts import style  # noqa: E402
from cdsim.i18n import t  # noqa: E402
from cdsim.metrics.definitions import FOUR_KEYS, metric_kind  # noqa: E402
from cdsim.practices.names import PRACTICES  # noqa: E402
from cdsim.presentation import format_ci, format_metric, summary_cell  # noqa: E402

LANGS = ("en", "pt")


# ------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def synthetic():
    """Two replications; Continuous Deployment has no incident (time to restore is NaN)."""
    return make_comparison(replications=2, no_incidents=("deployment",))


@pytest.fixture(scope="module")
def single():
    """One replication: no confidence intervals anywhere."""
    return make_comparison(replications=1, seed=3)


@pytest.fixture(scope="module")
def real():
    """The engine's own result for a short classroom scenario (skipped without the engine)."""
    cdsim = pytest.importorskip("cdsim")
    if not hasattr(cdsim, "compare"):
        pytest.skip("cdsim.compare is not available")
    scenario = cdsim.load_scenario("classroom").with_values({"days": 20})
    return cdsim.compare(scenario, replications=2, seed=1, jobs=1)


@pytest.fixture(params=["synthetic", "single", "real"])
def result(request):
    return request.getfixturevalue(request.param)


# -------------------------------------------------------------------------- helpers


def drawn_texts(fig: Figure) -> list[tuple[str, object]]:
    """(text, window extent) of every Text actually drawn when the figure is rendered."""
    canvas = FigureCanvasAgg(fig)
    seen: list[tuple[str, object]] = []
    original = Text.draw

    def recording_draw(self, renderer):
        original(self, renderer)
        if self.get_visible() and self.get_text().strip():
            seen.append((self.get_text(), self.get_window_extent(renderer)))

    Text.draw = recording_draw
    try:
        canvas.draw()
    finally:
        Text.draw = original
    return seen


def assert_readable(fig: Figure, tol_px: float = 1.0) -> str:
    """Render ``fig``; assert no two drawn texts overlap and none is cut by the figure's edge.

    Returns every drawn string, joined by newlines, for the tests to look into.
    """
    items = drawn_texts(fig)
    width, height = fig.canvas.get_width_height()
    for text, bb in items:
        assert bb.x0 >= -tol_px and bb.y0 >= -tol_px, f"clipped at left/bottom: {text!r}"
        assert bb.x1 <= width + tol_px and bb.y1 <= height + tol_px, f"clipped: {text!r}"
    for (ta, a), (tb, b) in combinations(items, 2):
        overlap_w = min(a.x1, b.x1) - max(a.x0, b.x0)
        overlap_h = min(a.y1, b.y1) - max(a.y0, b.y0)
        assert overlap_w <= tol_px or overlap_h <= tol_px, f"texts overlap: {ta!r} and {tb!r}"
    return "\n".join(s for s, _ in items)


def by_gid(fig: Figure, prefix: str) -> dict[str, object]:
    """Artists of the figure whose gid starts with ``prefix``, by gid."""
    found = {}
    for artist in fig.findobj(lambda a: (a.get_gid() or "").startswith(prefix)):
        found[artist.get_gid()] = artist
    return found


def summary_mean(res, practice: str, metric: str) -> float:
    s = res.summary
    return float(s[(s.practice == practice) & (s.metric == metric)]["mean"].iloc[0])


def summary_row(res, practice: str, metric: str):
    s = res.summary
    return s[(s.practice == practice) & (s.metric == metric)].iloc[0]


def number_in(text: str, lang: str) -> float:
    """The first number printed in ``text`` (language decimal separator)."""
    pattern = r"-?\d[\d.]*(?:,\d+)?" if lang == "pt" else r"-?\d[\d,]*(?:\.\d+)?"
    return i18n.parse_number(re.search(pattern, text).group(0), lang)


def in_display_unit(metric: str, value: float) -> tuple[float, float]:
    """Value in the unit the formatter printed it in, and half a unit of the last digit."""
    kind = metric_kind(metric)
    if kind == "hours":
        unit = i18n.hours_unit(value)
        v = value / {"minutes": 1 / 60, "hours": 1.0, "days": 24.0}[unit]
        return v, 0.5 * 10.0 ** -(i18n.unit_decimals(v, unit))
    if kind == "fraction":
        v = value * 100
        return v, 0.5 * 10.0 ** -(0 if v == 0 or abs(v) >= 10 else 1)
    return value, 0.5 * 10.0 ** -(i18n.auto_decimals(value))


# ---------------------------------------------------------------------------- i18n


def test_every_key_has_both_languages_and_the_same_placeholders():
    for key, pair in i18n.TEXTS.items():
        assert len(pair) == len(i18n.LANGUAGES), key
        assert all(s.strip() for s in pair), key
        fields = [set(re.findall(r"{(\w+)}", s)) for s in pair]
        assert fields[0] == fields[1], key


def test_unknown_language_is_rejected_naming_the_allowed_ones():
    with pytest.raises(ValueError, match="'en'.*'pt'"):
        t("practice.delivery", "fr")
    with pytest.raises(KeyError):
        t("no.such.key", "en")
    assert t("practice.delivery", "pt-BR") == t("practice.delivery", "pt") == "Entrega Contínua"


@pytest.mark.parametrize(
    ("hours", "en", "pt"),
    [
        (0.5, "30 min", "30 min"),
        (3.24, "3.2 h", "3,2 h"),
        (14.6, "15 h", "15 h"),
        (98.4, "4.1 days", "4,1 dias"),
        (300.0, "12 days", "12 dias"),
        (math.nan, "n/a", "s/d"),
    ],
)
def test_hours_are_formatted_readably(hours, en, pt):
    assert i18n.format_hours(hours, "en") == en
    assert i18n.format_hours(hours, "pt") == pt


def test_metric_and_ci_formatting():
    assert format_metric("change_failure_rate", 0.125, "en") == "12%"
    assert format_metric("change_failure_rate", 0.045, "pt") == "4,5%"
    assert format_metric("deploys_per_day", 0.071, "en") == "0.071/day"
    assert format_ci("lead_time_median_hours", 3.2, 2.9, 3.6, "pt") == "[2,9–3,6]"
    assert format_ci("change_failure_rate", 0.1, -0.2, 1.4, "en") == "[0–100%]"  # clipped
    assert format_ci("deploys_per_day", 1.0, math.nan, 2.0, "en") == ""
    assert i18n.parse_number("1.234,5", "pt") == 1234.5


def test_plot_functions_reject_unknown_language(synthetic):
    with pytest.raises(ValueError, match="'en'"):
        charts.plot_comparison(synthetic.summary, lang="de")
    with pytest.raises(ValueError, match="'en'"):
        charts.plot_lead_time(synthetic.changes, lang="es")


# -------------------------------------------------------------- comparison figure


@pytest.mark.parametrize("lang", LANGS)
def test_comparison_figure_shows_stations_bars_and_gates(synthetic, lang):
    fig = charts.plot_comparison(synthetic.summary, lang=lang)
    text = assert_readable(fig)
    for station in cf.STATIONS:
        assert t(f"station.{station}", lang).upper() in text
        assert t(f"station.{station}.detail", lang).split()[0] in text
    for practice in PRACTICES:
        assert i18n.practice_name(practice, lang).upper().split()[0] in text
    assert t("gate.approve", lang).upper() in text
    assert t("gate.automatic", lang).upper() in text
    assert text.count(t("flow.automated", lang).upper()) == 2
    assert t("chart.comparison.title", lang) in text
    # three bars: integration ends after Build, the other two reach Production
    bars = by_gid(fig, "bar:")
    assert sorted(bars) == [f"bar:{p}" for p in sorted(PRACTICES)]
    right_end = {g.split(":")[1]: a.get_xy()[:, 0].max() for g, a in bars.items()}
    assert cf.STATION_X["build"] < right_end["integration"] < cf.STATION_X["staging"]
    assert right_end["delivery"] > cf.STATION_X["production"]
    assert right_end["deployment"] > cf.STATION_X["production"]
    # four stations joined by three arrows; a person gate and a gear gate
    assert len(by_gid(fig, "station:")) == 4
    assert len(by_gid(fig, "arrow:")) == 3
    assert set(by_gid(fig, "gate-icon:")) == {"gate-icon:delivery", "gate-icon:deployment"}


@pytest.mark.parametrize("lang", LANGS)
def test_comparison_figure_numbers_equal_the_metrics(result, lang):
    fig = charts.plot_comparison(result.summary, lang=lang)
    values, cis = by_gid(fig, "value:"), by_gid(fig, "ci:")
    assert len(values) == len(PRACTICES) * len(FOUR_KEYS)
    n = int(result.summary["n"].max())
    for practice in PRACTICES:
        for metric in FOUR_KEYS:
            row = summary_row(result, practice, metric)
            printed = values[f"value:{practice}:{metric}"].get_text()
            assert printed == format_metric(metric, row["mean"], lang)
            if math.isnan(row["mean"]):
                assert printed == t("na", lang)
                continue
            shown, half_digit = in_display_unit(metric, float(row["mean"]))
            assert number_in(printed, lang) == pytest.approx(shown, abs=half_digit + 1e-9)
            ci = cis.get(f"ci:{practice}:{metric}")
            interval = format_ci(metric, row["mean"], row["ci_low"], row["ci_high"], lang)
            low, _, high = interval.strip("[]%").partition("–")
            if n > 1 and low != high:
                assert ci is not None and ci.get_text() == interval
            else:  # one run, or an interval narrower than the last digit: left out
                assert ci is None
    assert_readable(fig)


def test_an_interval_narrower_than_its_rounding_is_left_out():
    """ "11/day [11–11]" says nothing: the interval is printed only when its ends differ
    once written with the value's digits (the figure's note says so)."""
    from cdsim.presentation import Cell

    narrow = Cell("deploys_per_day", 11.0, 10.8, 11.3, 20, "elite")
    wide = Cell("deploys_per_day", 11.0, 9.6, 12.4, 20, "elite")
    assert narrow.text("en") == "11/day" and narrow.ci_text("en") == ""
    assert wide.text("en") == "11/day [10–12]"
    assert Cell("lead_time_median_hours", 1.1, 1.08, 1.12, 20, "elite").ci_text("pt") == ""
    assert Cell("lead_time_median_hours", 1.1, 1.0, 1.2, 20, "elite").ci_text("pt") == "[1,0–1,2]"


def test_comparison_figure_says_which_scenario_and_greys_practices_not_run():
    import cdsim

    result = cdsim.compare(
        cdsim.load_scenario("classroom").with_values({"days": 12}),
        replications=2,
        seed=3,
        jobs=1,
        practices=["delivery"],
    )
    for lang in LANGS:
        fig = charts.CHARTS["comparison"](result, lang)
        assert set(by_gid(fig, "not-run:")) == {"not-run:integration", "not-run:deployment"}
        assert {g.split(":")[1] for g in by_gid(fig, "value:")} == {"delivery"}
        note = " ".join(by_gid(fig, "note")["note"].get_text().split())
        assert "'classroom'" in note and "10" in note  # the scenario and its 10 developers
        assert t("scenario.bands.dora-2023", lang) in note
        assert_readable(fig)


def test_comparison_figure_shows_missing_values_as_na(synthetic):
    for lang in LANGS:
        fig = charts.plot_comparison(synthetic.summary, lang=lang)
        cell = by_gid(fig, "value:deployment:time_to_restore_median_hours")
        assert next(iter(cell.values())).get_text() == t("na", lang)


def test_comparison_figure_draws_into_a_given_axes(synthetic):
    fig = Figure(figsize=style.FIGSIZE)
    ax = fig.add_subplot()
    assert charts.plot_comparison(synthetic.summary, ax=ax) is ax
    assert ax.get_aspect() == 1.0


# ------------------------------------------------------------------------ lead time


@pytest.mark.parametrize("lang", LANGS)
def test_lead_time_chart_has_one_ecdf_per_practice_and_dora_limits(synthetic, lang):
    fig = charts.plot_lead_time(synthetic.changes, lang=lang)
    ax = fig.axes[0]
    lines = by_gid(fig, "ecdf:")
    assert sorted(lines) == [f"ecdf:{p}" for p in sorted(PRACTICES)]
    ch = synthetic.changes
    for practice in PRACTICES:
        x, y = lines[f"ecdf:{practice}"].get_data()
        deployed = ch[(ch.practice == practice) & ch.in_window & ch.lead_time_hours.notna()]
        assert len(x) == len(deployed) + 1
        assert y[-1] == pytest.approx(100)
        assert np.median(deployed.lead_time_hours) == pytest.approx(
            np.interp(50, y[1:], x[1:]), rel=0.2
        )
    assert ax.get_xscale() == "log"
    # the limits of the default bands (DORA 2023): a day, a week, a month; no hour
    limits = by_gid(fig, "limit:")
    assert sorted(a.get_xdata()[0] for a in limits.values()) == [24, 168, 730]
    text = assert_readable(fig)
    for key in ("limit.day", "limit.week", "limit.month"):
        assert t(key, lang) in text
    assert t("limit.hour", lang) not in text
    assert t("chart.lead_time.x", lang) in text and t("chart.lead_time.y", lang) in text


# -------------------------------------------------------------------------- failure


@pytest.mark.parametrize("lang", LANGS)
def test_failure_figure_bars_cis_and_batch_curve(synthetic, lang):
    fig = charts.failure_figure(synthetic.summary, synthetic.deployments, lang=lang)
    bars = by_gid(fig, "cfr:")
    assert len(bars) == 3
    for practice in PRACTICES:
        mean = summary_mean(synthetic, practice, "change_failure_rate")
        assert bars[f"cfr:{practice}"].get_height() == pytest.approx(mean * 100)
        label = by_gid(fig, f"cfr-label:{practice}")[f"cfr-label:{practice}"].get_text()
        assert label.startswith(format_metric("change_failure_rate", mean, lang))
        # n = 2: the 95% interval is printed, unless narrower than its last digit
        ci = summary_cell(synthetic.summary, practice, "change_failure_rate").ci_text(lang)
        assert ci in label and (ci != "") == ("[" in label)
    left = fig.axes[0]
    assert len(left.containers) == 1 + 3  # the bars and one CI whisker per practice
    points = by_gid(fig, "points:")
    assert len(points) == 3
    curves = by_gid(fig, "curve:")
    assert len(curves) == 3
    for practice in PRACTICES:
        d = synthetic.deployments
        d = d[d.in_window & ~d.redeploy & (d.practice == practice)]
        p = d.culprits.sum() / d.batch_size.sum()
        k, y = curves[f"curve:{practice}"].get_data()
        assert np.allclose(y, (1 - (1 - p) ** k) * 100)
    text = assert_readable(fig)
    assert t("chart.cfr.title", lang) in text and t("chart.batch.x", lang) in text


def test_failure_bars_without_replications_have_no_ci(single):
    fig = charts.plot_change_failure_rate(single.summary)
    assert len(fig.axes[0].containers) == 1
    text = assert_readable(fig)
    assert "[" not in text
    assert t("chart.cfr.title_single", "en") in text


# ------------------------------------------------------------------------ frequency


@pytest.mark.parametrize("lang", LANGS)
def test_frequency_figure_shows_deploys_per_day_and_restore(synthetic, lang):
    fig = charts.frequency_figure(synthetic.summary, lang=lang)
    deploys, restore = by_gid(fig, "deploys:"), by_gid(fig, "restore:")
    assert len(deploys) == 3 and len(restore) == 3
    for practice in PRACTICES:
        mean = summary_mean(synthetic, practice, "deploys_per_day")
        assert deploys[f"deploys:{practice}"].get_height() == pytest.approx(mean)
    assert restore["restore:deployment"].get_height() == 0
    na = by_gid(fig, "restore-label:deployment")["restore-label:deployment"].get_text()
    assert na == t("na", lang)
    text = assert_readable(fig)
    assert t("chart.deploys.y", lang) in text and t("chart.restore.y", lang) in text
    assert i18n.band_name("elite", lang) in text


# ------------------------------------------------------------------- time breakdown


@pytest.mark.parametrize("lang", LANGS)
def test_time_breakdown_totals_on_a_log_axis_and_shares_of_every_component(synthetic, lang):
    """Left: the mean lead time (sum of the components) per practice, every bar readable
    on a log axis; right: each component's share, adding up to 100%."""
    fig = charts.time_breakdown_figure(synthetic.summary, lang=lang)
    hours_ax, share_ax = fig.axes[:2]
    assert hours_ax.get_xscale() == "log"
    assert len(by_gid(fig, "share:")) == len(PRACTICES) * len(TIME_COMPONENTS)
    low, high = hours_ax.get_xlim()
    for practice in PRACTICES:
        means = [summary_mean(synthetic, practice, f"time_{c}_hours") for c in TIME_COMPONENTS]
        total = sum(0 if math.isnan(m) else m for m in means)
        bar = by_gid(fig, f"total-bar:{practice}")[f"total-bar:{practice}"]
        assert bar.get_x() + bar.get_width() == pytest.approx(total)
        # readable: at least a tenth of the axis, on the log scale
        assert (math.log(total) - math.log(low)) / (math.log(high) - math.log(low)) > 0.1
        label = by_gid(fig, f"total:{practice}")[f"total:{practice}"].get_text()
        assert label == i18n.format_hours(total, lang)
        shares = {
            b.get_gid(): b.get_width()
            for b in share_ax.patches
            if (b.get_gid() or "").startswith(f"share:{practice}:")
        }
        assert sum(shares.values()) == pytest.approx(100)
        for comp, mean in zip(TIME_COMPONENTS, means, strict=True):
            expected = 0 if math.isnan(mean) else 100 * mean / total
            assert shares[f"share:{practice}:{comp}"] == pytest.approx(expected)
    text = assert_readable(fig)
    for comp in TIME_COMPONENTS:
        assert t(f"time.{comp}", lang) in text


# ----------------------------------------------------------------------------- flow


@pytest.mark.parametrize("lang", LANGS)
def test_flow_figure_cumulative_flow_and_timeline(synthetic, lang):
    fig = charts.flow_figure(synthetic.changes, lang=lang, n_changes=12)
    polys = by_gid(fig, "cfd:")
    assert len(polys) == 3 * 5
    for practice in PRACTICES:
        run = synthetic.changes[
            (synthetic.changes.practice == practice) & (synthetic.changes.replication == 0)
        ]
        # the top of the stack at the end is every change committed so far
        top = max(
            p.get_paths()[0].vertices[:, 1].max()
            for g, p in polys.items()
            if g.startswith(f"cfd:{practice}:")
        )
        assert top == len(run)
        markers = by_gid(fig, f"production:{practice}")[f"production:{practice}"]
        first = run[run.in_window].sort_values("commit_hours").head(12)
        assert len(markers.get_offsets()) == first.production_hours.notna().sum()
    # batching: several of the first changes share a deploy in Integration and Delivery
    assert by_gid(fig, "batch:integration:") and by_gid(fig, "batch:delivery:")
    text = assert_readable(fig)
    assert t("chart.cfd.title", lang) in text
    assert t("chart.timeline.title", lang, n=12) in text
    for band in ("building", "gate", "production"):
        assert t(f"flow.band.{band}", lang) in text
    units = {t("chart.timeline.x", lang), t("chart.timeline.x_hours", lang), t("chart.cfd.x", lang)}
    assert all(ax.get_xlabel() in units for ax in fig.axes)


def test_flow_follows_gate_before_staging_order(real):
    """In the engine's integration practice the release is cut before its manual QA."""
    from cdsim.charts.flow import GATE_FIRST_COLUMNS, stage_columns, stage_instants

    run = real.changes[(real.changes.practice == "integration") & (real.changes.replication == 0)]
    assert stage_columns(run) == GATE_FIRST_COLUMNS
    inst = stage_instants(run)
    assert (np.diff(inst, axis=1) >= 0).all()


# ------------------------------------------------------------------------ scorecard


@pytest.mark.parametrize("lang", LANGS)
def test_scorecard_cells_show_value_and_band_colour(result, lang):
    fig = charts.plot_scorecard(result.summary, lang=lang)
    cells = by_gid(fig, "cell:")
    assert len(cells) == 12
    for practice in PRACTICES:
        for metric in FOUR_KEYS:
            row = summary_row(result, practice, metric)
            band = row["band"] if isinstance(row["band"], str) else ""
            expected = style.BAND_COLORS.get(band, style.NO_DATA_COLOR)
            face = cells[f"cell:{practice}:{metric}"].get_facecolor()
            assert matplotlib.colors.to_hex(face) == expected.lower()
            value = by_gid(fig, f"value:{practice}:{metric}")[f"value:{practice}:{metric}"]
            assert value.get_text() == format_metric(metric, row["mean"], lang)
            band_text = by_gid(fig, f"band:{practice}:{metric}")[f"band:{practice}:{metric}"]
            assert band_text.get_text() == i18n.band_name(band, lang).upper()
    text = assert_readable(fig)
    assert t("chart.scorecard.title", lang) in text
    for metric in FOUR_KEYS:
        assert t(f"metric.{metric}", lang).split()[0] in text


# --------------------------------------------------------------- purity and gallery


def test_chart_functions_leave_no_pyplot_figures_and_honour_ax(synthetic):
    plt.close("all")
    for draw, table in (
        (charts.plot_lead_time, synthetic.changes),
        (charts.plot_change_failure_rate, synthetic.summary),
        (charts.plot_failure_vs_batch, synthetic.deployments),
        (charts.plot_deploy_frequency, synthetic.summary),
        (charts.plot_time_to_restore, synthetic.summary),
        (charts.plot_time_breakdown, synthetic.summary),
        (charts.plot_scorecard, synthetic.summary),
    ):
        assert isinstance(draw(table), Figure)
        fig = Figure()
        ax = fig.add_subplot()
        assert draw(table, ax=ax) is ax
    for practice in PRACTICES:
        fig = Figure()
        ax = fig.add_subplot()
        assert charts.plot_cumulative_flow(synthetic.changes, practice, ax=ax) is ax
        assert charts.plot_change_timeline(synthetic.changes, practice, ax=ax) is ax
    assert plt.get_fignums() == []


def test_gallery_writes_every_chart_as_png_and_svg(real, tmp_path):
    written = charts.write_gallery(real, tmp_path, lang="pt")
    assert len(written) == len(charts.CHARTS) * 2
    assert {p.name for p in written} == {
        f"{name}_pt.{fmt}" for name in charts.CHARTS for fmt in ("png", "svg")
    }
    for path in written:
        data = path.read_bytes()
        assert len(data) > 10_000, path
        if path.suffix == ".png":
            assert data.startswith(b"\x89PNG")
        else:
            assert b"<svg" in data[:1000]
    assert sorted(tmp_path.iterdir()) == sorted(written)  # no temporary files left behind
    with pytest.raises(ValueError):
        charts.write_gallery(real, tmp_path, formats=("bmp",))


@pytest.mark.parametrize("lang", LANGS)
def test_every_gallery_chart_of_the_engine_result_is_readable(real, lang):
    for name, make in charts.CHARTS.items():
        fig = make(real, lang)
        assert isinstance(fig, Figure), name
        assert_readable(fig)


def test_batch_risk_points_leave_redeploys_and_manual_errors_out():
    """Redeploys (after a rollback) and failures from a manual step are not the batch law."""
    deployments = pd.DataFrame(
        {
            "practice": "delivery",
            "batch_size": [1, 1, 4, 4, 64],
            "culprits": [0, 1, 0, 0, 0],
            "failed": [False, True, True, False, True],
            "cause": ["", "defect", "manual_error", "", "defect"],
            "redeploy": [False, False, False, False, True],
            "in_window": True,
        }
    )
    points = charts.failure.batch_failure_points(deployments, "delivery")
    assert points["batch_size"].tolist() == [1.0, 4.0]  # the redeploy of 64 is left out
    assert points["failure_rate"].tolist() == [0.5, 0.0]  # the manual error does not count
    assert charts.failure.escaped_defect_rate(deployments) == pytest.approx(1 / 10)


def test_lead_time_marks_the_limits_of_the_band_table_in_use(synthetic):
    """Four Keys cuts lead time at 24 h, 168 h, 4380 h; DORA 2021 at 1 h, 168 h, 4380 h."""
    for source, expected in (("four-keys", [24, 168, 4380]), ("dora-2021", [1, 168, 4380])):
        fig = charts.plot_lead_time(synthetic.changes, band_source=source)
        limits = by_gid(fig, "limit:")
        assert sorted(a.get_xdata()[0] for a in limits.values()) == expected
