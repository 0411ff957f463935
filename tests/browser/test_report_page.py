"""report.html as a teacher opens it: in headless chromium, straight from the folder.

No console error, every chart image loads, no request leaves the folder, and the page
prints to a PDF; screenshots at laptop and projector size go to the screenshot folder.
"""

from __future__ import annotations

import base64
import subprocess
import sys

import browser_kit as kit
import pytest

SIZES = {"laptop": (1366, 768), "projector": (1920, 1080)}


@pytest.fixture(scope="module")
def report(browser_ready, tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "result"
    subprocess.run(
        [sys.executable, "-m", "cdsim", "compare", "classroom", "--set", "days=20",
         "--replications", "2", "--jobs", "1", "--lang", "pt", "-q", "--out", str(out)],
        check=True,
    )  # fmt: skip
    return out / "report.html"


@pytest.fixture(scope="module")
def page(report):
    driver = kit.make_driver(*SIZES["laptop"])
    driver.get(report.as_uri())
    kit.wait(driver, lambda d: d.execute_script("return document.readyState") == "complete")
    yield driver
    kit.quit_driver(driver)


def test_every_image_loads_and_the_console_is_clean(page, report):
    images = page.execute_script(
        "return Array.from(document.images).map(i => [i.getAttribute('src'), i.complete,"
        " i.naturalWidth])"
    )
    assert len(images) == 7
    for src, complete, width in images:
        assert complete and width > 0, src
    assert not kit.severe(page.get_log("browser"))
    urls = [u for u in kit.requested_urls(page.get_log("performance")) if "://" in u]
    assert all(u.startswith("file://") for u in urls), urls


def test_it_reads_at_laptop_and_projector_size_and_prints(page, screenshots):
    for name, (width, height) in SIZES.items():
        kit.set_viewport(page, width, height)
        scroll_width = page.execute_script("return document.documentElement.scrollWidth")
        assert scroll_width <= width  # no sideways scrolling
        screenshots(page, f"report_{name}")
    pdf = page.execute_cdp_cmd("Page.printToPDF", {"printBackground": True})
    data = base64.b64decode(pdf["data"])
    assert data.startswith(b"%PDF") and len(data) > 50_000
    text = page.find_element("tag name", "body").text
    assert "O placar DORA" in text and "Entrega Contínua" in text
