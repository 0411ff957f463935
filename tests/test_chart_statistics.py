"""Each value a chart prints or draws is the statistic its title names.

The summary below is made by hand (through ``summarise``, as ``compare`` makes it) so that
every median differs from its mean, and the change failure rate from the release failure
rate, by far more than a chart's rounding: a chart that draws one for the other fails.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from cdsim import charts  # noqa: E402
from cdsim.change import TIME_CATEGORIES  # noqa: E402
from cdsim.experiments import summarise  # noqa: E402
from cdsim.i18n import t  # noqa: E402
from cdsim.metrics.definitions import METRICS  # noqa: E402
from cdsim.practices.names import PRACTICES  # noqa: E402
from cdsim.presentation import format_metric  # noqa: E402
from cdsim.presentation.tables import metric_label  # noqa: E402

# Two replications per practice: (replication 0, replication 1) of each metric that a chart
# shows. Medians are far below means (skewed times), failure rates of releases far above
# those of all deploys.
VALUES = {
    "integration": {
        "deploys_per_day": (0.10, 0.12),
        "lead_time_median_hours": (200.0, 220.0),
        "lead_time_mean_hours": (400.0, 420.0),
        "change_failure_rate": (0.50, 0.60),
        "release_failure_rate": (0.90, 0.95),
        "time_to_restore_median_hours": (10.0, 14.0),
        "time_to_restore_mean_hours": (40.0, 44.0),
    },
    "delivery": {
        "deploys_per_day": (1.5, 1.7),
        "lead_time_median_hours": (10.0, 12.0),
        "lead_time_mean_hours": (30.0, 34.0),
        "change_failure_rate": (0.15, 0.17),
        "release_failure_rate": (0.30, 0.32),
        "time_to_restore_median_hours": (2.0, 2.4),
        "time_to_restore_mean_hours": (6.0, 6.4),
    },
    "deployment": {
        "deploys_per_day": (10.0, 12.0),
        "lead_time_median_hours": (1.0, 1.2),
        "lead_time_mean_hours": (3.0, 3.4),
        "change_failure_rate": (0.03, 0.05),
        "release_failure_rate": (0.08, 0.10),
        "time_to_restore_median_hours": (0.5, 0.7),
        "time_to_restore_mean_hours": (2.0, 2.2),
    },
}
MEDIAN_AND_MEAN = {
    "lead_time_median_hours": "lead_time_mean_hours",
    "time_to_restore_median_hours": "time_to_restore_mean_hours",
    "change_failure_rate": "release_failure_rate",  # the other failure rate
}


def runs_table(extra_key: str | None = None, extra_values=(None,)) -> pd.DataFrame:
    """One row per (point,) practice and replication, every metric a distinct number."""
    rows = []
    for point, extra in enumerate(extra_values):
        for practice_index, practice in enumerate(PRACTICES):
            for replication in (0, 1):
                row = {"practice": practice, "replication": replication}
                if extra_key:
                    row[extra_key] = extra
                for metric_index, metric in enumerate(METRICS):
                    row[metric] = 1.0 + 0.1 * metric_index + practice_index + 0.01 * replication
                for metric, pair in VALUES[practice].items():
                    row[metric] = pair[replication] * (1 + point)
                for part_index, part in enumerate(TIME_CATEGORIES):
                    row[f"time_{part}_hours"] = (
                        (part_index + 1) * (practice_index + 1) * (1.0 + replication)
                    )
                rows.append(row)
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def summary() -> pd.DataFrame:
    return summarise(runs_table())


def mean_of(summary: pd.DataFrame, practice: str, metric: str) -> float:
    rows = summary[(summary["practice"] == practice) & (summary["metric"] == metric)]
    return float(rows["mean"].iloc[0])


def by_gid(fig, prefix: str) -> dict:
    return {a.get_gid(): a for a in fig.findobj(lambda a: (a.get_gid() or "").startswith(prefix))}


def test_the_summary_tells_the_statistics_apart(summary):
    """The premise of this file: each median and its mean print differently."""
    for practice in PRACTICES:
        for metric, other in MEDIAN_AND_MEAN.items():
            a, b = mean_of(summary, practice, metric), mean_of(summary, practice, other)
            assert format_metric(metric, a) != format_metric(other, b), (practice, metric)


@pytest.mark.parametrize("lang", ["en", "pt"])
def test_the_median_time_to_restore_chart_draws_the_median(summary, lang):
    """Titled "Median time to restore service": each bar is the mean over replications of
    each run's median time to restore, and its label prints that value, not the mean
    time to restore."""
    fig = charts.plot_time_to_restore(summary, lang=lang)
    text = "\n".join(x.get_text() for x in fig.findobj(matplotlib.text.Text))
    assert t("chart.restore.title", lang) in text
    bars, labels = by_gid(fig, "restore:"), by_gid(fig, "restore-label:")
    for practice in PRACTICES:
        median = mean_of(summary, practice, "time_to_restore_median_hours")
        assert bars[f"restore:{practice}"].get_height() == pytest.approx(median)
        label = labels[f"restore-label:{practice}"].get_text()
        assert label.startswith(format_metric("time_to_restore_median_hours", median, lang))


def test_the_deploy_frequency_chart_draws_deploys_per_day(summary):
    fig = charts.plot_deploy_frequency(summary)
    bars = by_gid(fig, "deploys:")
    for practice in PRACTICES:
        assert bars[f"deploys:{practice}"].get_height() == pytest.approx(
            mean_of(summary, practice, "deploys_per_day")
        )


def test_the_change_failure_rate_chart_draws_all_deploys_not_releases(summary):
    """ "Change failure rate": failed deploys / deploys, redeploys included; not the release
    failure rate (first deploys only), drawn in percent."""
    fig = charts.plot_change_failure_rate(summary)
    bars, labels = by_gid(fig, "cfr:"), by_gid(fig, "cfr-label:")
    for practice in PRACTICES:
        rate = mean_of(summary, practice, "change_failure_rate")
        assert bars[f"cfr:{practice}"].get_height() == pytest.approx(100 * rate)
        label = labels[f"cfr-label:{practice}"].get_text()
        assert label.startswith(format_metric("change_failure_rate", rate))


@pytest.mark.parametrize("draw", [charts.plot_comparison, charts.plot_scorecard])
@pytest.mark.parametrize("lang", ["en", "pt"])
def test_the_four_keys_are_printed_as_the_dora_keys(summary, draw, lang):
    """The comparison figure and the scorecard print the DORA four keys by name: the median
    lead time, the change failure rate (of all deploys), the median time to restore and the
    deploys per day; never the mean or the release failure rate in their place."""
    fig = draw(summary, lang=lang)
    values = by_gid(fig, "value:")
    for practice in PRACTICES:
        for metric in (
            "deploys_per_day",
            "lead_time_median_hours",
            "change_failure_rate",
            "time_to_restore_median_hours",
        ):
            printed = values[f"value:{practice}:{metric}"].get_text()
            assert printed == format_metric(metric, mean_of(summary, practice, metric), lang)
            if metric in MEDIAN_AND_MEAN:
                other = MEDIAN_AND_MEAN[metric]
                assert printed != format_metric(other, mean_of(summary, practice, other), lang)


def test_the_time_breakdown_draws_mean_hours_per_part(summary):
    """The breakdown of the lead time: each part's share is its mean hours per change over
    the sum of the parts' means, and the total bar ends at that sum."""
    shares = by_gid(charts.plot_time_breakdown(summary, share=True), "share:")
    totals = by_gid(charts.plot_time_breakdown(summary), "total-bar:")
    for practice in PRACTICES:
        parts = {p: mean_of(summary, practice, f"time_{p}_hours") for p in TIME_CATEGORIES}
        total = sum(parts.values())
        for part, hours in parts.items():
            width = shares[f"share:{practice}:{part}"].get_width()
            assert width == pytest.approx(100 * hours / total)
        bar = totals[f"total-bar:{practice}"]
        assert bar.get_x() + bar.get_width() == pytest.approx(total)


@pytest.mark.parametrize(
    "metric", ["lead_time_median_hours", "time_to_restore_median_hours", "change_failure_rate"]
)
def test_a_sweep_chart_draws_the_metric_of_its_title(metric):
    """plot_sweep(table, metric): titled with the metric's name, one line per practice
    through that metric's means at each point (the default metric is the median lead
    time)."""
    table = summarise(runs_table("build.runners", (1, 2)), by=("build.runners", "practice"))
    fig = charts.plot_sweep(table, metric)
    title = fig.axes[0].get_title(loc="left")
    assert title == metric_label(metric)
    lines = by_gid(fig, "line:")
    for practice in PRACTICES:
        rows = table[(table["metric"] == metric) & (table["practice"] == practice)]
        x, y = lines[f"line:{practice}"].get_data()
        assert list(x) == [1.0, 2.0]
        assert np.allclose(y, rows.sort_values("build.runners")["mean"])
    default = charts.plot_sweep(table)
    assert default.axes[0].get_title(loc="left") == metric_label("lead_time_median_hours")


def test_the_lead_time_chart_crosses_half_at_the_median():
    """The lead time chart is an empirical CDF with a line at 50% labelled "median": the
    curve reaches 50% at the median lead time (here 2 h; the mean is 41 h), counting only
    deployed changes in the window."""
    lead = [1.0, 1.5, 2.0, 100.0, 100.0]  # median 2, mean 40.9
    changes = pd.DataFrame(
        {
            "practice": "delivery",
            "replication": 0,
            "lead_time_hours": [*lead, np.nan, 0.2],
            "in_window": [True] * 6 + [False],  # 0.2 h is outside the window
        }
    )
    fig = charts.plot_lead_time(changes)
    x, y = by_gid(fig, "ecdf:")["ecdf:delivery"].get_data()
    first_half = int(np.argmax(np.asarray(y) >= 50))
    assert x[first_half] == pytest.approx(np.median(lead))
    assert y[-1] == pytest.approx(100) and len(x) == len(lead) + 1
