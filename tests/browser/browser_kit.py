"""Headless chromium (Debian's chromium + chromium-driver) driving the served explorer.

Shared by the browser tests and ``benchmarks/browser_update.py``. Selenium is imported
lazily, so that importing this module never fails; :func:`missing` says what is absent.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",  # no requests of chromium's own
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)

VISIBLE_CHART = ".widget-tab-contents > :not(.lm-mod-hidden) img.widget-image"
SCORECARD_JS = """
return [...document.querySelectorAll('.cdsim-scorecard td[data-metric]')]
    .map(td => [td.dataset.practice, td.dataset.metric, td.dataset.value, td.innerText]);
"""
STATUS = ".cdsim-explorer .cdsim-status"
STATUS_JS = f"""
const e = document.querySelector('{STATUS}');
return e ? e.innerText.trim() : '';
"""
RECT_JS = """
const e = arguments[0];
const r = e.getBoundingClientRect();
return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width,
        height: r.height, innerWidth: window.innerWidth, innerHeight: window.innerHeight};
"""
WATCH_STATUS_JS = f"""
window.cdsimStatuses = [];
const seen = () => {{
  const e = document.querySelector('{STATUS}');
  const text = e ? e.innerText.trim() : '';
  if (window.cdsimStatuses[window.cdsimStatuses.length - 1] !== text) window.cdsimStatuses.push(text);
}};
seen();
window.cdsimWatcher && window.cdsimWatcher.disconnect();
window.cdsimWatcher = new MutationObserver(seen);
window.cdsimWatcher.observe(document.body, {{subtree: true, childList: true, characterData: true}});
"""
SCROLLBARS_JS = """
return [...document.querySelectorAll('.cdsim-explorer, .cdsim-explorer *')]
    .filter(e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)
                 && e.scrollWidth > e.clientWidth + 1)
    .map(e => e.className);
"""


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def missing() -> list[str]:
    """What the browser tests need and this machine lacks."""
    out = [f"the Python package {m}" for m in ("selenium", "voila") if not _has(m)]
    out += [f"{exe} on PATH" for exe, path in [("chromium", CHROMIUM), ("chromedriver", CHROMEDRIVER)]
            if path is None]  # fmt: skip
    return out


def _has(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


# ------------------------------------------------------------------ the browser


def make_driver(width: int = 1366, height: int = 768):
    """Headless chromium with network and console logs; viewport exactly width x height."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="cdsim-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    try:  # an explicit driver path: Selenium Manager never downloads anything
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    except Exception:
        shutil.rmtree(profile, ignore_errors=True)
        raise
    driver.cdsim_profile = profile
    set_viewport(driver, width, height)
    driver.get_log("performance")  # drop chromium's own start-up events
    return driver


def quit_driver(driver) -> None:
    try:
        driver.quit()
    finally:
        shutil.rmtree(driver.cdsim_profile, ignore_errors=True)


def set_viewport(driver, width: int, height: int) -> None:
    """The exact CSS viewport (--window-size would leave room for browser chrome)."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


def wait(driver, condition, timeout: float = 60, poll: float = 0.05):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=poll).until(condition)


def chart_src(driver) -> str | None:
    """The ``blob:`` URL of the chart on screen once it is decoded, else None."""
    return driver.execute_script(
        f"const i = document.querySelector('{VISIBLE_CHART}');"
        "return i && i.complete && i.naturalWidth > 0 ? i.src : null;"
    )


def scorecard(driver) -> dict[tuple[str, str], tuple[str, str]]:
    """(practice, metric) -> (raw value, text shown) of every scorecard cell."""
    return {(p, m): (v, t) for p, m, v, t in driver.execute_script(SCORECARD_JS)}


def status(driver) -> str:
    """The status line above the chart."""
    return driver.execute_script(STATUS_JS)


def watch_status(driver) -> None:
    """Record every text the status line shows from now on (see :func:`statuses_seen`)."""
    driver.execute_script(WATCH_STATUS_JS)


def statuses_seen(driver) -> list[str]:
    return driver.execute_script("return window.cdsimStatuses || [];")


def rect(driver, element) -> dict[str, float]:
    """The element's bounding rectangle in the viewport, with the viewport's size."""
    return driver.execute_script(RECT_JS, element)


def on_screen(box: dict[str, float]) -> bool:
    """Whether the whole rectangle is inside the viewport (no scrolling needed)."""
    return (
        box["width"] > 0
        and box["height"] > 0
        and box["top"] >= 0
        and box["left"] >= 0
        and box["bottom"] <= box["innerHeight"]
        and box["right"] <= box["innerWidth"]
    )


def horizontal_scrollbars(driver) -> list[str]:
    """Classes of the explorer's elements that scroll sideways (should be none)."""
    return driver.execute_script(SCROLLBARS_JS)


def css(driver, element, prop: str) -> str:
    return driver.execute_script(
        "return getComputedStyle(arguments[0]).getPropertyValue(arguments[1]);", element, prop
    )


def slider_handle(driver, label: str):
    """The noUiSlider handle of the slider labelled ``label`` (label and slider share the
    innermost HBox)."""
    from selenium.webdriver.common.by import By

    return driver.find_element(
        By.XPATH,
        f"//span[normalize-space()='{label}']/ancestor::div[contains(@class,'widget-hbox')][1]"
        "//div[contains(@class,'noUi-handle')]",
    )


def button(driver, text: str):
    from selenium.webdriver.common.by import By

    return driver.find_element(By.XPATH, f"//button[normalize-space()='{text}']")


def open_explorer(driver, url: str, timeout: float = 120) -> float:
    """Load the page and wait for the first chart; seconds."""
    start = time.perf_counter()
    driver.get(url)
    wait(driver, chart_src, timeout)
    return time.perf_counter() - start


def requested_urls(performance_log: list[dict]) -> list[str]:
    """Every http(s)/ws(s) URL the page asked for, from chromium's performance log."""
    urls = []
    for entry in performance_log:
        msg = json.loads(entry["message"])["message"]
        params = msg.get("params", {})
        if msg["method"] == "Network.requestWillBeSent":
            urls.append(params["request"]["url"])
        elif msg["method"] == "Network.webSocketCreated":
            urls.append(params["url"])
    return [u for u in urls if urlparse(u).scheme in ("http", "https", "ws", "wss")]


def severe(console_log: list[dict]) -> list[str]:
    return [e["message"] for e in console_log if e["level"] == "SEVERE"]


def close_page(driver) -> None:
    """Close the current tab as a person does (CDP Page.close runs ``beforeunload``, which
    sends voila's kernel shutdown beacon; ``driver.close()`` would skip it). Another tab is
    opened first, so that the session lives on."""
    closing = driver.current_window_handle
    driver.switch_to.new_window("tab")
    keep = driver.current_window_handle
    driver.switch_to.window(closing)
    driver.execute_cdp_cmd("Page.close", {})
    driver.switch_to.window(keep)


# ------------------------------------------------------------------ processes (Linux /proc)


def children(pid: int) -> list[int]:
    out = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{name}/stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            out.append(int(name))
    return out


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class CommandProcess:
    """``cdsim explorer`` in a child process (``python -m cdsim explorer``), as a teacher
    runs it.

    ``TMPDIR`` points at ``tmp`` so that a test can check that nothing is left there.
    """

    def __init__(self, tmp: Path, scenario: str = "classroom", lang: str = "en"):
        self.port = free_port()
        self.tmp = tmp
        command = [sys.executable, "-m", "cdsim", "explorer", scenario]
        command += ["--port", str(self.port), "--lang", lang]
        self.stdout: list[str] = []
        self.stderr: list[str] = []
        self.process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "TMPDIR": str(tmp)},
        )
        for stream, lines in (
            (self.process.stdout, self.stdout),
            (self.process.stderr, self.stderr),
        ):
            threading.Thread(target=_drain, args=(stream, lines), daemon=True).start()  # fmt: skip
        self.url = ""

    def wait_ready(self, timeout: float = 120) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.stdout:
                found = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
                if found:
                    self.url = found.group(1)
                    return self.url
            if self.process.poll() is not None:
                raise RuntimeError(f"cdsim explorer exited: {''.join(self.stderr)}")
            time.sleep(0.05)
        raise TimeoutError(f"cdsim explorer not ready in {timeout} s: {''.join(self.stderr)}")

    def voila(self) -> list[int]:
        return [c for c in children(self.process.pid) if "voila" in cmdline(c)]

    def kernels(self) -> list[int]:
        return [k for v in self.voila() for k in children(v) if "ipykernel" in cmdline(k)]

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 30) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


def _drain(stream, lines: list[str]) -> None:
    for line in stream:
        lines.append(line)


class JupyterLabProcess:
    """JupyterLab on a free 127.0.0.1 port, in a temporary folder holding one notebook that
    shows ``cdsim.explorer()``; its own config and runtime folders, no token (tests only)."""

    NOTEBOOK = "explorer.ipynb"

    def __init__(self, folder: Path):
        self.folder = folder
        self.port = free_port()
        root = folder / "notebooks"  # what the file browser shows
        root.mkdir()
        cell = {"cell_type": "code", "execution_count": None, "id": "explorer", "metadata": {}}
        cell.update(outputs=[], source="import cdsim\ncdsim.explorer()")
        kernel = {"name": "python3", "display_name": "Python 3", "language": "python"}
        notebook = {"cells": [cell], "metadata": {"kernelspec": kernel}}
        notebook.update(nbformat=4, nbformat_minor=5)
        (root / self.NOTEBOOK).write_text(json.dumps(notebook))
        settings = folder / "settings" / "@jupyterlab" / "apputils-extension"
        settings.mkdir(parents=True)
        (settings / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
        env = {
            **os.environ,
            "JUPYTER_CONFIG_DIR": str(folder / "config"),
            "JUPYTER_RUNTIME_DIR": str(folder / "runtime"),
            "JUPYTERLAB_SETTINGS_DIR": str(folder / "settings"),
            "JUPYTERLAB_WORKSPACES_DIR": str(folder / "workspaces"),
        }
        command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root"]
        command += [f"--port={self.port}", "--ServerApp.ip=127.0.0.1", "--ServerApp.token="]
        command += ["--ServerApp.password=", f"--ServerApp.root_dir={root}"]
        command += ["--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
        self.log = open(folder / "lab.log", "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            command, cwd=root, env=env, stdout=self.log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        self.url = f"http://127.0.0.1:{self.port}/lab/tree/{self.NOTEBOOK}"

    def wait_ready(self, timeout: float = 120) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError((self.folder / "lab.log").read_text()[-2000:])
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.5).close()
                return self.url
            except OSError:
                time.sleep(0.2)
        raise TimeoutError(f"JupyterLab not ready in {timeout} s")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()  # the server shuts its kernels down
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def run_first_cell(driver, timeout: float = 180) -> None:
    """In JupyterLab: wait for the notebook, run its first cell (Shift-Enter), wait for the
    explorer's first chart."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    editor = ".jp-Notebook .jp-Cell .cm-content"
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, editor), timeout)
    idle = (  # the status bar says "Python 3 (ipykernel) | Idle" once the kernel is up
        "return [...document.querySelectorAll('.jp-StatusBar-TextItem')]"
        ".some(e => /\\bIdle\\b/.test(e.textContent));"
    )
    wait(driver, lambda d: d.execute_script(idle), timeout)
    driver.find_elements(By.CSS_SELECTOR, editor)[0].click()  # looked up again: lab re-renders
    ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.ENTER).key_up(Keys.SHIFT).perform()
    loaded = (
        "const i = document.querySelector('.cdsim-explorer img.widget-image');"
        "return !!i && i.naturalWidth > 0;"
    )
    wait(driver, lambda d: d.execute_script(loaded), timeout)
