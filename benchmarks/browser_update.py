"""How long a student waits in the browser: slider release -> new chart image on screen.

    python benchmarks/browser_update.py                 # 10 updates, classroom preset
    python benchmarks/browser_update.py --updates 20 --slider "Developers"

Serves the explorer as ``cdsim explorer`` does (:class:`cdsim.webapp.ExplorerServer`), opens
it in headless chromium (Debian's chromium and chromium-driver, see tests/browser/), drags
a slider handle and releases it N times (alternately right and left, so that the value
changes every time), and times each release until the new chart image is decoded in the
page. Prints the median and the 90th percentile next to the server's own update time
(the explorer's status line), plus server start and first page load. Wall-clock times:
chromium, voila and the kernel share the machine's cores, as they do in a classroom
laptop; the load average is printed with them. Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "browser"))

import browser_kit as kit  # noqa: E402

from cdsim.webapp import ExplorerServer  # noqa: E402

SERVER_SECONDS = re.compile(r"^(?:Updated in|Atualizado em) ([\d.,]+) s")


def p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10, method="inclusive")[-1]


def drag_and_time(driver, label: str, offset: int) -> tuple[float, float]:
    """Drag the handle by ``offset`` px, release; (release -> new chart s, server s)."""
    from selenium.webdriver.common.action_chains import ActionChains

    handle = kit.slider_handle(driver, label)
    before_value = handle.get_attribute("aria-valuenow")
    before_chart = kit.chart_src(driver)
    ActionChains(driver).click_and_hold(handle).move_by_offset(offset, 0).perform()
    start = time.perf_counter()
    ActionChains(driver).release().perform()
    kit.wait(driver, lambda d: (src := kit.chart_src(d)) and src != before_chart, 120, 0.01)
    seconds = time.perf_counter() - start
    assert handle.get_attribute("aria-valuenow") != before_value, "the drag moved nothing"
    status = kit.wait(driver, lambda d: SERVER_SECONDS.match(kit.status(d)), 60, 0.01)
    return seconds, float(status.group(1).replace(",", "."))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=10, help="timed updates (default 10)")
    parser.add_argument("--scenario", default="classroom")
    parser.add_argument("--slider", default="Random seed", help="the slider's English label")
    parser.add_argument("--offset", type=int, default=12, help="pixels per drag (default 12)")
    args = parser.parse_args(argv)
    lacking = kit.missing()
    if lacking:
        print(f"browser_update: needs {', '.join(lacking)}", file=sys.stderr)
        return 2

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="cdsim-bench-") as tmp:
        start = time.perf_counter()
        server = ExplorerServer(args.scenario, log=Path(tmp) / "voila.log")
        with server:
            ready = time.perf_counter() - start
            driver = kit.make_driver(1366, 768)
            try:
                load = kit.open_explorer(driver, server.url)
                drag_and_time(driver, args.slider, args.offset)  # warm-up, not counted
                browser, server_side = [], []
                for k in range(args.updates):
                    offset = -args.offset if k % 2 == 0 else args.offset
                    seconds, on_server = drag_and_time(driver, args.slider, offset)
                    browser.append(seconds)
                    server_side.append(on_server)
                    print(
                        f"  update {k + 1:2d}: {seconds:5.2f} s in the browser, "
                        f"{on_server:5.2f} s on the server",
                        flush=True,
                    )
            finally:
                kit.quit_driver(driver)

    print(
        f"\nscenario {args.scenario}, slider {args.slider!r}, {args.updates} updates, "
        f"{os.cpu_count()} cores, load average {load_before:.2f} before, "
        f"{os.getloadavg()[0]:.2f} after"
    )
    print(f"server ready (TCP accept)        {ready:6.2f} s")
    print(f"first page load (first chart)    {load:6.2f} s")
    for name, values in (
        ("release -> new chart (browser)", browser),
        ("update (server, status line)  ", server_side),
    ):
        print(
            f"{name}   median {statistics.median(values):5.2f} s   "
            f"p90 {p90(values):5.2f} s   min {min(values):5.2f}   max {max(values):5.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
