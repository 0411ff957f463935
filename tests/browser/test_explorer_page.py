"""The explorer as a student sees it: served by ``cdsim explorer``, driven in chromium.

One server and one page for the module (a page load costs about 10 s on two cores); the
tests run in file order and build on each other's state: the last two close the page and
stop the server. The page starts at 1366 x 768, a student laptop; one test looks at it at
1920 x 1080, a projector. Screenshots go to the folder the run reports at its end.
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
BUTTONS = {"integration": "Integration", "delivery": "Delivery", "deployment": "Deployment"}


def visible_chart(page):
    from selenium.webdriver.common.by import By

    found = page.find_elements(By.CSS_SELECTOR, kit.VISIBLE_CHART)
    return found[0] if found and found[0].is_displayed() else None


def status_line(page):
    from selenium.webdriver.common.by import By

    return page.find_element(By.CSS_SELECTOR, kit.STATUS)


def tab_labels(page) -> list[tuple[str, bool]]:
    """(text, clipped) of every chart tab's title."""
    return page.execute_script(
        "return [...document.querySelectorAll('.cdsim-explorer .lm-TabBar-tabLabel')]"
        ".map(e => [e.innerText, e.scrollWidth > e.clientWidth + 1]);"
    )


def notice(page):
    """The notice in place of the results, if one is on screen (looked up afresh: the
    widget rewrites its HTML)."""
    from selenium.webdriver.common.by import By

    shown = [e for e in page.find_elements(By.CSS_SELECTOR, ".cdsim-notice") if e.is_displayed()]
    return shown[0] if shown else None


def font_px(page) -> float:
    return float(page.execute_script(
        "return getComputedStyle(document.querySelector('.cdsim-explorer')).fontSize"
    ).removesuffix("px"))  # fmt: skip


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
    assert kit.status(page).startswith("Updated in")
    screenshots(page, "explorer-1366x768")


def test_after_a_slider_move_the_status_and_the_whole_chart_are_on_screen(page, screenshots):
    """At 1366 x 768 a student sees the slider, the status and the new chart together."""
    from selenium.webdriver.common.keys import Keys

    before, chart = kit.scorecard(page), kit.chart_src(page)
    handle = kit.slider_handle(page, "Developers")
    developers = float(handle.get_attribute("aria-valuenow"))
    kit.watch_status(page)
    handle.send_keys(Keys.ARROW_RIGHT)  # one step: the value is sent, as on release
    kit.wait(page, lambda d: (src := kit.chart_src(d)) and src != chart)
    kit.wait(page, lambda d: kit.status(d).startswith("Updated in"))
    seen = kit.statuses_seen(page)
    assert "Simulating..." in seen, seen  # the student is told it is working
    assert seen[-1].startswith("Updated in")
    assert float(handle.get_attribute("aria-valuenow")) == developers + 1
    after = kit.scorecard(page)
    changed = {k for k in before if before[k][0] != after[k][0]}
    assert ("deployment", "changes_committed") in changed  # one more developer, more changes
    assert any(k[1] in FOUR_KEYS for k in changed)

    for name, element in [
        ("the slider", handle),
        ("the status line", status_line(page)),
        ("the chart", visible_chart(page)),
    ]:
        box = kit.rect(page, element)
        assert kit.on_screen(box), f"{name} is not on screen at 1366x768: {box}"
    assert kit.horizontal_scrollbars(page) == []
    screenshots(page, "explorer-1366x768-after-a-slider")

    page.before_slider = (before, developers)  # for the reset test below


def test_reset_brings_the_numbers_back(page):
    before, developers = page.before_slider
    kit.button(page, "Reset").click()
    kit.wait(page, lambda d: kit.scorecard(d) == before)
    kit.wait(page, lambda d: kit.status(d).startswith("Updated in"))  # the chart too
    assert float(kit.slider_handle(page, "Developers").get_attribute("aria-valuenow")) == developers


def test_the_layout_fits_a_laptop_and_grows_on_a_projector(page, screenshots):
    from selenium.webdriver.common.by import By

    track = page.find_elements(By.CSS_SELECTOR, ".cdsim-row .slider-container")
    laptop = {
        "font": font_px(page),
        "chart": kit.rect(page, visible_chart(page))["width"],
        "track": min(kit.rect(page, t)["width"] for t in track),
    }
    assert 13 <= laptop["font"] <= 14.5
    assert laptop["track"] >= 180, "slider tracks too short to aim"
    assert laptop["chart"] >= 800
    natural = page.execute_script(
        f"return document.querySelector('{kit.VISIBLE_CHART}').naturalWidth"
    )
    assert natural >= laptop["chart"], "the chart image is stretched on a laptop"
    assert tab_labels(page) and not any(clipped for _text, clipped in tab_labels(page))
    height = page.execute_script(
        "return Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))"
    )
    try:
        kit.set_viewport(page, 1920, 1080)
        time.sleep(0.3)
        projector = {
            "font": font_px(page),
            "chart": kit.rect(page, visible_chart(page))["width"],
            "track": min(kit.rect(page, t)["width"] for t in track),
        }
        assert projector["font"] >= 17, "text does not grow on a projector"
        assert projector["chart"] >= 1.3 * laptop["chart"]
        assert projector["track"] >= 1.3 * laptop["track"]
        for element in (status_line(page), visible_chart(page)):
            assert kit.on_screen(kit.rect(page, element))
        assert not any(clipped for _text, clipped in tab_labels(page))
        assert kit.horizontal_scrollbars(page) == []
        screenshots(page, "explorer-1920x1080")
        kit.set_viewport(page, 1366, height)
        screenshots(page, "explorer-full-page-1366")
    finally:
        kit.set_viewport(page, 1366, 768)


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
    assert not any(clipped for _text, clipped in tab_labels(page))
    screenshots(page, "explorer-pt-1366x768")

    kit.button(page, "English").click()
    kit.wait(page, lambda d: kit.status(d).startswith("Updated in"))
    assert "Developers" in page.find_element(By.TAG_NAME, "body").text


def practice_look(page) -> dict[str, tuple[bool, str, str, bool]]:
    """practice -> (pressed, background, border style, check mark shown)."""
    from selenium.webdriver.common.by import By

    out = {}
    for practice, name in BUTTONS.items():
        button = kit.button(page, name)
        out[practice] = (
            "mod-active" in button.get_attribute("class"),
            kit.css(page, button, "background-color"),
            kit.css(page, button, "border-top-style"),
            bool(button.find_elements(By.CSS_SELECTOR, "i.fa-check")),
        )
    return out


def test_a_practice_toggle_shows_whether_it_is_on(page):
    look = practice_look(page)
    for practice in PRACTICES:
        pressed, background, border, check = look[practice]
        assert pressed and check and border == "solid", (practice, look[practice])
    assert len({background for _p, background, _b, _c in look.values()}) == 3  # its colour
    kit.button(page, "Delivery").click()
    kit.wait(page, lambda d: not practice_look(d)["delivery"][0])
    kit.wait(page, lambda d: kit.status(d).startswith("Updated in"))
    pressed, background, border, check = practice_look(page)["delivery"]
    assert (background, border, check) == ("rgb(255, 255, 255)", "dashed", False)
    assert {p for p, _m in kit.scorecard(page)} == {"integration", "deployment"}


def test_with_every_practice_off_a_notice_replaces_the_numbers(page, screenshots):
    for name in ("Integration", "Deployment"):  # Delivery is off already
        kit.button(page, name).click()
    kit.wait(page, lambda d: kit.status(d) == "Choose at least one practice.")
    shown = kit.wait(page, notice)
    assert "Switch on Integration, Delivery or Deployment" in shown.text
    assert kit.on_screen(kit.rect(page, shown))
    assert kit.on_screen(kit.rect(page, status_line(page)))
    # no stale numbers: no scorecard cell, no chart
    assert kit.scorecard(page) == {}
    assert visible_chart(page) is None
    screenshots(page, "explorer-no-practice-1366x768")

    kit.button(page, "Português").click()  # the message follows the language
    kit.wait(page, lambda d: kit.status(d) == "Escolha ao menos uma prática.")
    kit.wait(page, lambda d: "Ligue Integração, Entrega ou Deploy" in notice(d).text)
    screenshots(page, "explorer-no-practice-pt-1366x768")
    kit.button(page, "English").click()
    kit.wait(page, lambda d: kit.status(d) == "Choose at least one practice.")

    chart = kit.chart_src(page)
    kit.button(page, "Delivery").click()  # one practice back: numbers and a chart again
    kit.wait(page, lambda d: (src := kit.chart_src(d)) and src != chart)
    kit.wait(page, lambda d: kit.status(d).startswith("Updated in"))
    assert {p for p, _m in kit.scorecard(page)} == {"delivery"}
    assert notice(page) is None


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
