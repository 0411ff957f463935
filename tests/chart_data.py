"""Synthetic comparison results shaped exactly like ``docs/results.md``, for chart tests.

This is not the engine: it is a small, plausible stand-in with the same tables and columns
(``summary``, ``runs``, ``changes``, ``deployments``, ``incidents``), so that charts can be
drawn and tested before, and independently of, ``cdsim.compare``.
"""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np
import pandas as pd

PRACTICES = ("integration", "delivery", "deployment")
WORK_START_H, WORK_END_H = 9.0, 18.0

CHANGE_COLUMNS = [
    "change_id", "author", "size_lines", "defect", "commit_hours", "build_start_hours",
    "build_end_hours", "staging_start_hours", "staging_end_hours", "gate_exit_hours",
    "production_hours", "lead_time_hours", "deploy_id", "rework_count", "build_runs",
    "caught_in", "escaped", "in_window", "build_queue_hours", "build_hours", "rework_hours",
    "staging_queue_hours", "staging_hours", "gate_hours", "deploy_queue_hours",
    "deploy_hours", "incident_hours",
]  # fmt: skip
DEPLOY_COLUMNS = [
    "deploy_id", "start_hours", "end_hours", "batch_size", "culprits", "failed", "cause",
    "manual", "redeploy", "in_window",
]  # fmt: skip
INCIDENT_COLUMNS = [
    "incident_id", "deploy_id", "start_hours", "detected_hours", "restored_hours",
    "restore_hours", "batch_size", "action", "in_window",
]  # fmt: skip
METRICS = [
    "deploys_per_day", "lead_time_median_hours", "lead_time_mean_hours",
    "lead_time_p90_hours", "change_failure_rate", "time_to_restore_median_hours",
    "time_to_restore_mean_hours", "batch_size_mean", "throughput_per_day", "rework_rate",
    "time_build_queue_hours", "time_build_hours", "time_rework_hours",
    "time_staging_queue_hours", "time_staging_hours", "time_gate_hours",
    "time_deploy_queue_hours", "time_deploy_hours", "time_incident_hours", "deploys",
    "failed_deploys", "changes_committed", "changes_deployed",
]  # fmt: skip
SPANS = [
    "build_queue", "build", "rework", "staging_queue", "staging", "gate", "deploy_queue",
    "deploy", "incident",
]  # fmt: skip


def _is_work_time(h: float) -> bool:
    day, hour = divmod(h, 24.0)
    return int(day) % 7 < 5 and WORK_START_H <= hour < WORK_END_H


def _next_work_time(h: float) -> float:
    """Earliest working instant at or after ``h``."""
    for _ in range(24 * 8):
        if _is_work_time(h):
            return h
        day, hour = divmod(h, 24.0)
        h = day * 24 + WORK_START_H if hour < WORK_START_H else (day + 1) * 24 + WORK_START_H
    return h


def _commit_times(rng: np.random.Generator, days: int, per_day: float) -> np.ndarray:
    times = []
    for d in range(days):
        if d % 7 >= 5:
            continue
        k = rng.poisson(per_day)
        times.extend(d * 24 + WORK_START_H + np.sort(rng.uniform(0, 9, k)))
    return np.asarray(sorted(times))


def _gate_exit(practice: str, staged: float, release_every_days: float) -> float:
    if practice == "deployment":  # the deployer picks up what passed staging every 45 min
        return math.ceil(staged / 0.75) * 0.75
    if practice == "delivery":  # a reviewer approves at 11:00 or 16:00 on working days
        h = staged
        for _ in range(40):
            day, hour = divmod(h, 24.0)
            for slot in (11.0, 16.0):
                cand = day * 24 + slot
                if cand >= staged and _is_work_time(cand):
                    return cand
            h = (day + 1) * 24
        return math.nan
    # integration: a release is cut every `release_every_days` at 10:00, then QA and deploy
    period = release_every_days * 24
    k = math.floor((staged - 10.0) / period) + 1
    return k * period + 10.0


def _one_run(practice: str, rep: int, days: int, seed: int, no_incidents: bool) -> dict:
    rng = np.random.default_rng([seed, rep])  # common random numbers across practices
    commits = _commit_times(rng, days, per_day=12.0)
    n = len(commits)
    size = rng.lognormal(3.5, 0.8, n)
    defect = rng.random(n) < np.clip(size / 600, 0.02, 0.5)
    u_build, u_stage = rng.random(n), rng.random(n)
    build_q = rng.exponential(0.15, n)
    build_d = rng.gamma(4, 0.06, n)
    fix_d = rng.exponential(2.0, n)
    stage_d = 0.6
    horizon, warmup = days * 24.0, 24.0 * 2
    prng = np.random.default_rng([seed, rep, PRACTICES.index(practice)])

    rows = []
    for i in range(n):
        c = commits[i]
        caught_build = bool(defect[i] and u_build[i] < 0.5)
        caught_stage = bool(defect[i] and not caught_build and u_stage[i] < 0.5)
        runs = 2 if caught_build else 1
        b_start = c + build_q[i]
        rework = _next_work_time(b_start + build_d[i]) - (b_start + build_d[i]) + fix_d[i]
        rework = rework if caught_build else 0.0
        b_end = b_start + build_d[i] * runs + rework
        s_queue = 0.3 * prng.random()
        if caught_stage:
            s_queue += stage_d + fix_d[i]
        s_start = b_end + s_queue
        s_end = s_start + stage_d
        g = _gate_exit(practice, s_end, release_every_days=7.0)
        if practice == "integration":
            g += 8.0  # manual QA of the release
        rows.append(
            dict(
                change_id=i, author=int(rng.integers(0, 6)), size_lines=float(size[i]),
                defect=bool(defect[i]), commit_hours=c, build_start_hours=b_start,
                build_end_hours=b_end, staging_start_hours=s_start, staging_end_hours=s_end,
                gate_exit_hours=g, rework_count=int(caught_build) + int(caught_stage),
                build_runs=runs, caught_in="build" if caught_build else
                ("staging" if caught_stage else ""),
                escaped=bool(defect[i] and not caught_build and not caught_stage),
                build_queue_hours=build_q[i], build_hours=build_d[i] * runs,
                rework_hours=rework + (fix_d[i] if caught_stage else 0.0),
                staging_queue_hours=s_queue - (fix_d[i] if caught_stage else 0.0),
                staging_hours=s_end - s_start, gate_hours=g - s_end,
            )
        )  # fmt: skip
    ch = pd.DataFrame(rows)
    # group by gate exit into deploys; one at a time
    deploys, incidents = [], []
    ch["production_hours"] = math.nan
    ch["deploy_id"] = -1
    ch["deploy_queue_hours"] = 0.0
    ch["deploy_hours"] = 0.0
    ch["incident_hours"] = 0.0
    free_at = 0.0
    manual = practice == "integration"
    dur = 2.0 if manual else 0.25
    for g, idx in ch.groupby("gate_exit_hours").groups.items():
        if g > horizon:
            continue
        start = max(g, free_at)
        end = start + dur
        culprits = int(ch.loc[idx, "escaped"].sum())
        manual_err = manual and prng.random() < 0.25
        failed = culprits > 0 or manual_err
        did = len(deploys)
        redeploy = bool(deploys) and bool(deploys[-1]["failed"])  # the deploy after a failure
        cause = "+".join(x for x, on in (("defect", culprits), ("manual_error", manual_err)) if on)
        deploys.append(
            dict(
                deploy_id=did, start_hours=start, end_hours=end, batch_size=len(idx),
                culprits=culprits, failed=failed, cause=cause, manual=manual,
                redeploy=redeploy, in_window=warmup <= start < horizon,
            )
        )  # fmt: skip
        restored = end
        if failed and not no_incidents:
            detected = end + prng.exponential(0.3)
            restored = detected + prng.exponential(0.5) * (1 + 0.1 * len(idx))
            incidents.append(
                dict(
                    incident_id=len(incidents), deploy_id=did, start_hours=end,
                    detected_hours=detected, restored_hours=restored,
                    restore_hours=restored - end, batch_size=len(idx),
                    action="rollback" if prng.random() < 0.7 else "fix_forward",
                    in_window=warmup <= end < horizon,
                )
            )  # fmt: skip
        free_at = restored
        prod = restored if failed else end
        ch.loc[idx, "production_hours"] = prod
        ch.loc[idx, "deploy_id"] = did
        ch.loc[idx, "deploy_queue_hours"] = start - g
        ch.loc[idx, "deploy_hours"] = dur
        ch.loc[idx, "incident_hours"] = prod - end
    late = ch["production_hours"] > horizon
    ch.loc[late, ["production_hours"]] = math.nan
    ch.loc[late, "deploy_id"] = -1
    ch["lead_time_hours"] = ch[[f"{s}_hours" for s in SPANS]].sum(axis=1)
    ch.loc[ch["production_hours"].isna(), "lead_time_hours"] = math.nan
    ch["production_hours"] = ch["commit_hours"] + ch["lead_time_hours"]
    ch["in_window"] = (ch["commit_hours"] >= warmup) & (ch["commit_hours"] < horizon)
    dep = pd.DataFrame(deploys, columns=DEPLOY_COLUMNS)
    inc = pd.DataFrame(incidents, columns=INCIDENT_COLUMNS)
    return dict(changes=ch[CHANGE_COLUMNS], deployments=dep, incidents=inc)


def _metrics(run: dict, days: int) -> dict:
    ch, dep, inc = run["changes"], run["deployments"], run["incidents"]
    w = ch[ch["in_window"]]
    lt = w["lead_time_hours"].dropna()
    dw = dep[dep["in_window"]]
    iw = inc[inc["in_window"]]
    span_days = days - 2
    deployed = w[w["lead_time_hours"].notna()]
    m = {
        "deploys_per_day": len(dw) / span_days,
        "lead_time_median_hours": lt.median() if len(lt) else math.nan,
        "lead_time_mean_hours": lt.mean() if len(lt) else math.nan,
        "lead_time_p90_hours": lt.quantile(0.9) if len(lt) else math.nan,
        "change_failure_rate": dw["failed"].mean() if len(dw) else math.nan,
        "time_to_restore_median_hours": iw["restore_hours"].median() if len(iw) else math.nan,
        "time_to_restore_mean_hours": iw["restore_hours"].mean() if len(iw) else math.nan,
        "batch_size_mean": dw["batch_size"].mean() if len(dw) else math.nan,
        "throughput_per_day": len(deployed) / span_days,
        "rework_rate": (w["rework_count"] > 0).mean() if len(w) else math.nan,
        "deploys": float(len(dw)),
        "failed_deploys": float(dw["failed"].sum()),
        "changes_committed": float(len(w)),
        "changes_deployed": float(len(deployed)),
    }
    for s in SPANS:
        m[f"time_{s}_hours"] = deployed[f"{s}_hours"].mean() if len(deployed) else math.nan
    return m


_T975 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306,
         9: 2.262}  # fmt: skip


def _band(metric: str, v: float) -> str:
    if v is None or math.isnan(v):
        return ""
    if metric == "deploys_per_day":
        return "elite" if v >= 1 else "high" if v >= 1 / 7 else "medium" if v >= 1 / 30 else "low"
    if metric == "change_failure_rate":
        return "elite" if v <= 0.15 else "high" if v <= 0.30 else "medium" if v <= 0.46 else "low"
    cut = (24, 168, 730) if metric == "lead_time_median_hours" else (1, 24, 168)
    return "elite" if v < cut[0] else "high" if v < cut[1] else "medium" if v < cut[2] else "low"


def make_comparison(
    replications: int = 2, days: int = 20, seed: int = 1, no_incidents: tuple[str, ...] = ()
) -> SimpleNamespace:
    """Build a synthetic ``compare`` result with ``.summary .runs .changes .deployments .incidents``.

    Parameters
    ----------
    replications : int
        Runs per practice; ``summary.n``.
    days : int
        Simulated horizon in days (2 warm-up days).
    seed : int
        Random seed.
    no_incidents : tuple of str
        Practices whose incidents are dropped, so that their time to restore is NaN.
    """
    tables = {"changes": [], "deployments": [], "incidents": []}
    runs = []
    for practice in PRACTICES:
        for rep in range(replications):
            run = _one_run(practice, rep, days, seed, practice in no_incidents)
            for name in tables:
                df = run[name].copy()
                df.insert(0, "replication", rep)
                df.insert(0, "practice", practice)
                tables[name].append(df)
            runs.append({"practice": practice, "replication": rep, **_metrics(run, days)})
    runs_df = pd.DataFrame(runs, columns=["practice", "replication", *METRICS])
    rows = []
    for practice in PRACTICES:
        sub = runs_df[runs_df["practice"] == practice]
        for metric in METRICS:
            vals = sub[metric].dropna().to_numpy(dtype=float)
            n = len(vals)
            mean = vals.mean() if n else math.nan
            if n > 1:
                half = _T975.get(n - 1, 1.96) * vals.std(ddof=1) / math.sqrt(n)
                lo, hi = mean - half, mean + half
                if metric in ("change_failure_rate", "rework_rate"):
                    lo, hi = max(lo, 0.0), min(hi, 1.0)
                lo = max(lo, 0.0)
            else:
                lo = hi = math.nan
            band = _band(metric, mean) if metric in BAND_METRICS else ""
            rows.append(dict(practice=practice, metric=metric, mean=mean, ci_low=lo,
                             ci_high=hi, n=replications, band=band))  # fmt: skip
    summary = pd.DataFrame(rows, columns=["practice", "metric", "mean", "ci_low", "ci_high",
                                          "n", "band"])  # fmt: skip
    return SimpleNamespace(
        summary=summary,
        runs=runs_df,
        **{k: pd.concat(v, ignore_index=True) for k, v in tables.items()},
    )


BAND_METRICS = (
    "deploys_per_day",
    "lead_time_median_hours",
    "change_failure_rate",
    "time_to_restore_median_hours",
)
