"""Charts drawn in a small process pool, while this process writes the tables.

Drawing and encoding the charts of a comparison (PNG and SVG) costs more than simulating
it, and each chart is independent: so each is drawn in its own task, the costliest first,
on a pool of up to ``jobs`` processes. Where the operating system can fork, the workers
inherit the result instead of receiving a pickled copy. A chart is written atomically by
the worker into the result's temporary folder, so that what is there is always whole.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from cdsim import workers
from cdsim.executors import default_jobs

COST = {"flow": 4.4, "time_breakdown": 2.2, "failure": 2.1, "lead_time": 1.6}
"""Seconds each chart took on a loaded 2-core machine (PNG and SVG; the others take 1-1.6
s): the order the charts go to the pool in (longest first keeps the two cores even)."""

_SOURCE: Any = None  # the result the workers draw (inherited when they are forked)


def _use_agg() -> None:
    import matplotlib

    matplotlib.use("Agg")  # files only: never open a window


def _set_source(source: Any) -> None:
    global _SOURCE
    _SOURCE = source
    _use_agg()


def _draw(name: str, folder: str, lang: str, formats: Sequence[str]) -> list[Path]:
    """In a worker (or here): one chart of the gallery, saved in every format."""
    import matplotlib.pyplot as plt

    from cdsim.charts.gallery import CHARTS, chart_path, save_figure

    fig = CHARTS[name](_SOURCE, lang)
    try:
        return [save_figure(fig, chart_path(folder, name, lang, fmt), fmt) for fmt in formats]
    finally:
        plt.close(fig)


def chart_workers(jobs: int | None, charts: int) -> int:
    return max(1, min(default_jobs() if jobs is None else jobs, charts))


def _start_worker(source: Any = None) -> None:
    workers.init_worker()  # dies with this process (cdsim/workers.py)
    if source is not None:
        _set_source(source)


def _pool(processes: int, source: Any) -> cf.ProcessPoolExecutor:
    if "fork" in multiprocessing.get_all_start_methods():
        _set_source(source)  # the forked workers see it as it is: nothing is pickled
        context = multiprocessing.get_context("fork")
        return cf.ProcessPoolExecutor(processes, mp_context=context, initializer=_start_worker)
    return cf.ProcessPoolExecutor(processes, initializer=_start_worker, initargs=(source,))


def draw_gallery(
    comparison: Any,
    folder: Path,
    lang: str,
    formats: Sequence[str],
    jobs: int | None = None,
    meanwhile: Callable[[], None] | None = None,
    drawn: Callable[[int], None] | None = None,
) -> list[Path]:
    """Every chart of the gallery into ``folder``; ``meanwhile()`` runs here while the
    pool draws, ``drawn(n)`` is told of each chart's ``n`` files as they are written."""
    from cdsim.charts.gallery import CHARTS

    names = sorted(CHARTS, key=lambda name: -COST.get(name, 1.0))
    processes = chart_workers(jobs, len(names))
    written: dict[str, list[Path]] = {}
    if processes == 1:
        if meanwhile:
            meanwhile()
        _set_source(comparison)
        try:
            for name in names:
                written[name] = _draw(name, str(folder), lang, formats)
                if drawn:
                    drawn(len(written[name]))
        finally:
            _set_source(None)
        return [path for name in CHARTS for path in written[name]]
    pool = _pool(processes, comparison)
    try:
        futures = {pool.submit(_draw, n, str(folder), lang, tuple(formats)): n for n in names}
        if meanwhile:
            meanwhile()
        for future in cf.as_completed(futures):
            written[futures[future]] = future.result()
            if drawn:
                drawn(len(written[futures[future]]))
    except BaseException:
        workers.stop(pool)
        raise
    finally:
        _set_source(None)
    pool.shutdown(wait=True)
    return [path for name in CHARTS for path in written[name]]


__all__ = ["COST", "chart_workers", "draw_gallery"]
