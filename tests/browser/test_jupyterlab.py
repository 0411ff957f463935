"""The explorer in JupyterLab at 1366 x 768, file browser open: readable, nothing clipped.

Asked for with ``CDSIM_JUPYTERLAB_TEST=1`` (it starts JupyterLab and a kernel: about 50 s
on two cores) and JupyterLab installed (the ``notebooks`` extra). The served page
(test_explorer_page.py) is what the browser tests must cover; this one checks what issue
12 saw in JupyterLab (a 510 x 287 chart, tab titles cut to "Scorecarc") and saves a
screenshot of it.
"""

from __future__ import annotations

import importlib.util
import os

import browser_kit as kit
import pytest

pytestmark = [
    pytest.mark.skipif(
        os.environ.get("CDSIM_JUPYTERLAB_TEST", "") != "1",
        reason="the JupyterLab check runs with CDSIM_JUPYTERLAB_TEST=1 (about 50 s)",
    ),
    pytest.mark.skipif(
        importlib.util.find_spec("jupyterlab") is None, reason="JupyterLab is not installed"
    ),
]


@pytest.fixture(scope="module")
def lab(browser_ready, tmp_path_factory):
    process = kit.JupyterLabProcess(tmp_path_factory.mktemp("lab"))
    try:
        process.wait_ready()
        yield process
    finally:
        process.stop()


def test_in_jupyterlab_the_chart_is_wide_and_the_tab_titles_whole(lab, screenshots):
    driver = kit.make_driver(1366, 768)
    try:
        driver.get(lab.url)
        kit.run_first_cell(driver)
        driver.execute_script(  # the status line and the chart under it
            f"document.querySelector('{kit.STATUS}').scrollIntoView({{block: 'start'}})"
        )
        chart = driver.execute_script(
            "const b = document.querySelector('.cdsim-explorer img.widget-image')"
            ".getBoundingClientRect(); return [b.width, b.height];"
        )
        clipped = driver.execute_script(
            "return [...document.querySelectorAll('.cdsim-explorer .lm-TabBar-tabLabel')]"
            ".filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.innerText);"
        )
        screenshots(driver, "jupyterlab-1366x768")
        assert chart[0] >= 600, f"the chart is drawn {chart[0]:.0f} x {chart[1]:.0f} px"
        assert clipped == []
        assert kit.horizontal_scrollbars(driver) == []
        assert kit.severe(driver.get_log("browser")) == []
    finally:
        kit.quit_driver(driver)
