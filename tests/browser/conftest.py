"""Fixtures of the browser tests: one served explorer and one chromium page per module.

Outside CI the tests are skipped, with the reason, when chromium, chromium-driver,
selenium or voila is missing; under CI (``CI=true``) that is a failure, never a skip.
Screenshots go to ``$CDSIM_SCREENSHOTS`` or ``tests/.screenshots/`` (printed at the end).
"""

from __future__ import annotations

import os
from pathlib import Path

import browser_kit as kit
import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOTS: list[Path] = []


def pytest_terminal_summary(terminalreporter) -> None:
    if SHOTS:
        terminalreporter.write_sep("-", "browser screenshots")
        terminalreporter.write_line(f"{len(SHOTS)} screenshots in {SHOTS[0].parent}:")
        for path in SHOTS:
            terminalreporter.write_line(f"  {path.name}")


@pytest.fixture(scope="session")
def browser_ready() -> None:
    lacking = kit.missing()
    if lacking:
        reason = (
            f"the browser tests need {', '.join(lacking)} "
            "(apt-get install chromium chromium-driver; pip install -e '.[test]')"
        )
        if kit.in_ci():
            pytest.fail(f"CI=true, and {reason}", pytrace=False)
        pytest.skip(reason)


@pytest.fixture(scope="session")
def screenshots():
    """save(driver, name): a PNG of the viewport into the screenshot folder."""
    folder = Path(os.environ.get("CDSIM_SCREENSHOTS") or ROOT / "tests" / ".screenshots")
    folder.mkdir(parents=True, exist_ok=True)

    def save(driver, name: str) -> Path:
        path = folder / f"{name}.png"
        driver.save_screenshot(str(path))
        if path not in SHOTS:
            SHOTS.append(path)
        return path

    return save


@pytest.fixture(scope="module")
def server(browser_ready, tmp_path_factory):
    """``cdsim explorer`` on a free 127.0.0.1 port, in a child process."""
    tmp = tmp_path_factory.mktemp("tmpdir")  # the server's TMPDIR: must end empty
    command = kit.CommandProcess(tmp)
    try:
        command.wait_ready()
        yield command
    finally:
        command.stop()


@pytest.fixture(scope="module")
def page(server):
    """One chromium tab on the explorer at 1366x768; what it logged while loading."""
    driver = kit.make_driver(1366, 768)
    try:
        driver.load_seconds = kit.open_explorer(driver, server.url)
        driver.load_requests = kit.requested_urls(driver.get_log("performance"))
        driver.load_console = driver.get_log("browser")
        yield driver
    finally:
        kit.quit_driver(driver)
