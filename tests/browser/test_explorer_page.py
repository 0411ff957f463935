"""The explorer as a student sees it: served by ``cdsim explorer``, driven in chromium.

One server and one page for the module (a page load costs about 10 s on two cores); the
tests run in file order and build on each other's state: the last two close the page and
stop the server.
"""

from __future__ import annotations

import signal
import time
import urllib.request
from urllib.parse import urlparse

import browser_kit as kit

FOUR_KEYS = (
    "deploys_per_day",
    "lead_time_median_hours",
    "change_failure_rate",
    "time_to_restore_median_hours",
)
PRACTICES = ("integration", "delivery", "deployment")


def test_the_page_asks_nothing_of_other_hosts_and_logs_no_error(page):
    assert page.load_requests, "chromium logged no request"
    hosts = sorted({urlparse(url).hostname for url in page.load_requests})
    assert hosts == ["127.0.0.1"], [u for u in page.load_requests if "127.0.0.1" not in u]
    assert kit.severe(page.load_console) == []


def test_the_explorer_renders_sliders_scorecard_and_a_chart(page, screenshots):
    from selenium.webdriver.common.by import By

    assert page.title == "cdsim explorer"
    for label in ("Developers", "CI runners", "Approval delay (h)", "Random seed"):
        assert kit.slider_handle(page, label).is_displayed(), label
    assert len(page.find_elements(By.CSS_SELECTOR, ".widget-slider .noUi-handle")) >= 10
    cells = kit.scorecard(page)
    for practice in PRACTICES:
        for metric in FOUR_KEYS:
            value, shown = cells[(practice, metric)]
            assert shown.strip(), (practice, metric)
    assert (
        page.execute_script(f"return document.querySelector('{kit.VISIBLE_CHART}').naturalWidth")
        >= 600
    )
    assert kit.status(page).startswith("Updated in")
    screenshots(page, "explorer-1366x768")
    # voila's page scrolls inside a container: the tallest scrollHeight is the page's height
    height = page.execute_script(
        "return Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))"
    )
    try:
        kit.set_viewport(page, 1920, 1080)
        screenshots(page, "explorer-1920x1080")
        kit.set_viewport(page, 1366, height)
        screenshots(page, "explorer-full-page-1366")
    finally:
        kit.set_viewport(page, 1366, 768)


def test_a_slider_changes_the_scorecard_and_reset_brings_it_back(page):
    from selenium.webdriver.common.keys import Keys

    before, chart = kit.scorecard(page), kit.chart_src(page)
    handle = kit.slider_handle(page, "Developers")
    developers = float(handle.get_attribute("aria-valuenow"))
    handle.send_keys(Keys.ARROW_RIGHT)  # one step: the value is sent, as on release
    kit.wait(page, lambda d: kit.scorecard(d) != before)
    after = kit.scorecard(page)
    assert float(handle.get_attribute("aria-valuenow")) == developers + 1
    changed = {k for k in before if before[k][0] != after[k][0]}
    assert ("deployment", "changes_committed") in changed  # one more developer, more changes
    assert any(k[1] in FOUR_KEYS for k in changed)
    kit.wait(page, lambda d: (src := kit.chart_src(d)) and src != chart)

    kit.button(page, "Reset").click()
    kit.wait(page, lambda d: kit.scorecard(d) == before)
    assert float(handle.get_attribute("aria-valuenow")) == developers


def test_the_portuguese_switch_changes_the_texts(page, screenshots):
    from selenium.webdriver.common.by import By

    chart = kit.chart_src(page)
    kit.button(page, "Português").click()
    kit.wait(page, lambda d: kit.status(d).startswith("Atualizado em"))
    kit.wait(page, lambda d: (src := kit.chart_src(d)) and src != chart)  # redrawn in pt
    text = page.find_element(By.TAG_NAME, "body").text
    for words in ("Explorador cdsim", "Desenvolvedores", "Restaurar", "Placar DORA", "Entrega"):
        assert words in text, words
    assert "Developers" not in text
    screenshots(page, "explorer-pt-1366x768")

    kit.button(page, "English").click()
    kit.wait(page, lambda d: kit.status(d).startswith("Updated in"))
    assert "Developers" in page.find_element(By.TAG_NAME, "body").text


def test_with_every_practice_off_a_message_says_to_choose_one(page, screenshots):
    for name in ("Integration", "Delivery", "Deployment"):
        kit.button(page, name).click()
    kit.wait(page, lambda d: kit.status(d) == "Choose at least one practice.")
    page.execute_script(
        "[...document.querySelectorAll('.widget-html-content')]"
        ".find(e => e.innerText.startsWith('Choose at least'))"
        ".scrollIntoView({block: 'center'})"
    )
    screenshots(page, "explorer-no-practice-1366x768")


def test_the_interactions_logged_no_console_error(page):
    assert kit.severe(page.get_log("browser")) == []


def test_closing_the_page_releases_its_kernel(page, server):
    kernels = server.kernels()
    assert len(kernels) == 1, "one page, one kernel"
    kit.close_page(page)
    deadline = time.monotonic() + 20
    while any(kit.alive(k) for k in kernels) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(kit.alive(k) for k in kernels), "the closed page's kernel still runs"


def test_sigterm_stops_voila_and_every_kernel_and_leaves_no_temp_folder(server):
    before = set(server.kernels())
    with urllib.request.urlopen(server.url, timeout=120) as response:  # a page view: a kernel
        assert response.status == 200
    kernels = set(server.kernels()) - before
    assert len(kernels) == 1
    voila = server.voila()
    assert voila and list(server.tmp.iterdir())  # the notebook folder is in the server's TMPDIR
    status = server.stop(signal.SIGTERM, timeout=30)
    assert status == 0, "".join(server.stderr)
    assert "Stopping the explorer and its kernels..." in "".join(server.stderr)
    time.sleep(0.2)
    assert [p for p in [*voila, *kernels, *before] if kit.alive(p)] == []
    assert list(server.tmp.iterdir()) == []
