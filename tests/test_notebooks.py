"""Every classroom notebook, in English and in Brazilian Portuguese, runs top to bottom,
quickly, and is committed without outputs; each pair stays in step; and what the prose
states matches what the cells and the model compute.

The notebooks read ``CDSIM_QUICK=1`` (set here) and then use few replications and a short
horizon. Numbers that depend on the simulation are printed by the cells (and the claims
about them checked by ``assert`` lines in the cells); the tests below check the rest:
the arithmetic of the worked answers, the scenario values and colours the prose names,
and the explorer's labels.
"""

from __future__ import annotations

import ast
import colorsys
import csv
import difflib
import importlib
import inspect
import math
import os
import re
import time
from pathlib import Path

import pytest

import cdsim
from cdsim import charts

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
PAIRS = {  # English notebook -> its Brazilian Portuguese twin
    "01_three_practices.ipynb": "01_tres_praticas.ipynb",
    "02_same_team_three_practices.ipynb": "02_mesmo_time_tres_praticas.ipynb",
    "03_explorer.ipynb": "03_explorador.ipynb",
    "04_experiments.ipynb": "04_experimentos.ipynb",
}
EXPECTED = [*PAIRS, *PAIRS.values()]
LANG_OF = {**dict.fromkeys(PAIRS, "en"), **dict.fromkeys(PAIRS.values(), "pt")}
METADATA_LANGUAGE = {"en": "en", "pt": "pt-BR"}
LANG_LINE = re.compile(r'^LANG = "(en|pt)"$', re.MULTILINE)
"""The one line of code in which the two notebooks of a pair may differ."""
SECONDS_PER_NOTEBOOK = 90  # a generous ceiling; each takes well under a minute in quick mode


def read(name: str):
    return nbformat.read(NOTEBOOKS / name, as_version=4)


def code_cells(nb) -> list[str]:
    return [c.source for c in nb.cells if c.cell_type == "code"]


def markdown(nb) -> str:
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


# ----------------------------------------------------------------------- files and pairs


def test_the_notebooks_are_all_there():
    found = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))
    assert found == sorted(EXPECTED)


@pytest.mark.parametrize("name", EXPECTED)
def test_committed_without_outputs(name):
    nb = read(name)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{name}: a code cell has outputs; clear them"
            assert cell.execution_count is None, f"{name}: a code cell has an execution count"


@pytest.mark.parametrize("name", EXPECTED)
def test_the_language_is_set_once_in_the_first_code_cell(name):
    nb = read(name)
    lang = LANG_OF[name]
    assert nb.metadata.get("language") == METADATA_LANGUAGE[lang]
    code = code_cells(nb)
    found = [(i, m.group(1)) for i, src in enumerate(code) for m in LANG_LINE.finditer(src)]
    assert found == [(0, lang)], f'{name}: expected one line LANG = "{lang}" in the first code cell'


def _headings_and_answers(source: str) -> tuple:
    headings = tuple(len(m.group(1)) for m in re.finditer(r"^(#+) ", source, re.MULTILINE))
    return headings, source.count("<details>"), source.count("$$")


@pytest.mark.parametrize("en_name", PAIRS)
def test_a_pair_has_the_same_cells(en_name):
    en, pt = read(en_name), read(PAIRS[en_name])
    assert [c.cell_type for c in en.cells] == [c.cell_type for c in pt.cells], (
        f"{en_name} and {PAIRS[en_name]}: the cells differ in number or kind"
    )
    for k, (a, b) in enumerate(zip(en.cells, pt.cells, strict=True)):
        if a.cell_type != "markdown":
            continue
        assert _headings_and_answers(a.source) == _headings_and_answers(b.source), (
            f"markdown cell {k}: headings, answers (<details>) or formulas ($$) differ"
        )
        if len(a.source.split()) > 3:
            assert a.source != b.source, f"{PAIRS[en_name]}, markdown cell {k}: not translated"


@pytest.mark.parametrize("en_name", PAIRS)
def test_a_pair_has_the_same_code(en_name):
    """Code cells are identical but for the line LANG = "en" / LANG = "pt"."""
    pt_name = PAIRS[en_name]
    en, pt = code_cells(read(en_name)), code_cells(read(pt_name))
    assert len(en) == len(pt)
    for k, (a, b) in enumerate(zip(en, pt, strict=True)):
        a, b = LANG_LINE.sub("LANG = ...", a), LANG_LINE.sub("LANG = ...", b)
        diff = "\n".join(
            difflib.unified_diff(a.splitlines(), b.splitlines(), en_name, pt_name, lineterm="", n=1)
        )
        assert a == b, f"code cell {k} differs:\n{diff}"


def _python(source: str) -> ast.Module:
    """A code cell as Python: IPython magics (``%matplotlib inline``) left out."""
    lines = [line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))]
    return ast.parse("\n".join(lines))


def _takes_lang(function) -> bool:
    try:
        return "lang" in inspect.signature(function).parameters
    except (TypeError, ValueError):
        return False


@pytest.mark.parametrize("name", EXPECTED)
def test_every_function_that_takes_a_language_gets_LANG(name):
    """Charts and formatters are called with lang=LANG, so a Portuguese notebook draws and
    writes in Portuguese (its LANG line says "pt": see the test above)."""
    cells = [_python(source) for source in code_cells(read(name))]
    modules = {"cdsim": cdsim, "charts": charts}
    names = {}
    for node in (node for cell in cells for node in ast.walk(cell)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("cdsim"):
            module = importlib.import_module(node.module)
            for alias in node.names:
                names[alias.asname or alias.name] = getattr(module, alias.name)
    calls = 0
    for k, node in ((k, node) for k, cell in enumerate(cells) for node in ast.walk(cell)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            target = getattr(modules.get(func.value.id), func.attr, None)
        elif isinstance(func, ast.Name):
            target = names.get(func.id)
        else:
            target = None
        if target is None or not _takes_lang(target):
            continue
        calls += 1
        langs = [k.value for k in node.keywords if k.arg == "lang"]
        position = list(inspect.signature(target).parameters).index("lang")
        if len(node.args) > position:
            langs.append(node.args[position])
        assert len(langs) == 1 and isinstance(langs[0], ast.Name) and langs[0].id == "LANG", (
            f"{name}, code cell {k}: {ast.unparse(node)} needs lang=LANG"
        )
    if not name.startswith("03_"):
        assert calls, f"{name} draws no chart in LANG"


@pytest.mark.parametrize("name", ["03_explorer.ipynb", "03_explorador.ipynb"])
def test_the_explorer_notebook_shows_the_app_in_one_line(name):
    code = code_cells(read(name))
    assert len(code) == 1
    assert code[0].strip().splitlines()[-1] == "cdsim.explorer(lang=LANG)"


# ----------------------------------------------------------------------- running them


def execute(name: str, monkeypatch):
    monkeypatch.setenv("CDSIM_QUICK", "1")
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = read(name)
    client = nbclient.NotebookClient(
        nb,
        timeout=SECONDS_PER_NOTEBOOK,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    start = time.perf_counter()
    client.execute()
    return nb, time.perf_counter() - start


def outputs_of(nb, output_type: str | None = None, mime: str | None = None):
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if output_type and out.output_type != output_type:
                continue
            if mime and mime not in out.get("data", {}):
                continue
            yield out


@pytest.mark.parametrize("name", EXPECTED)
def test_runs_top_to_bottom_in_quick_mode(name, monkeypatch):
    nb, seconds = execute(name, monkeypatch)
    errors = list(outputs_of(nb, "error"))
    assert not errors, errors
    assert seconds < SECONDS_PER_NOTEBOOK
    if name.startswith("03_"):
        widgets = list(outputs_of(nb, mime="application/vnd.jupyter.widget-view+json"))
        assert len(widgets) == 1, "the explorer did not display"
    else:
        assert list(outputs_of(nb, mime="image/png")), f"{name} drew no chart"
    # executing must not have touched the file on disk
    assert all(not c.get("outputs") for c in read(name).cells if c.cell_type == "code")
    assert os.environ.get("CDSIM_QUICK") == "1"


# ----------------------------------------------------------------------- what the prose says


def prose(name: str) -> str:
    """The markdown of notebook ``name``, every run of white space made one space."""
    return " ".join(markdown(read(name)).split())


def in_both(en_name: str, english: str, portuguese: str | None = None) -> None:
    """``english`` is in the prose of ``en_name``; ``portuguese`` (default: the same text
    with a decimal comma) is in the prose of its twin."""
    if portuguese is None:
        portuguese = english.replace(".", ",")
    assert english in prose(en_name), f"{en_name} no longer says {english!r}"
    assert portuguese in prose(PAIRS[en_name]), f"{PAIRS[en_name]} no longer says {portuguese!r}"


def test_the_dora_limits_notebook_1_quotes():
    with open(ROOT / "data" / "dora_bands.csv", newline="") as f:
        rows = {(r["source"], r["metric"], r["band"]): r for r in csv.DictReader(f)}
    lead = "lead_time_median_hours"
    assert float(rows["dora-2023", lead, "elite"]["threshold"]) == 24  # under one day
    assert float(rows["dora-2023", lead, "high"]["threshold"]) == 168  # under a week
    in_both("01_three_practices.ipynb", "under one day is elite, under a week is high",
            "abaixo de um dia é elite; abaixo de uma semana, alto")  # fmt: skip


def test_the_worked_answers_of_notebook_2():
    stats = pytest.importorskip("scipy.stats")
    nb = "02_same_team_three_practices.ipynb"
    # a quarter of the width: 4^2 = 16 times the replications, 5 x 16 = 80
    assert 4**2 == 16 and 5 * 16 == 80
    in_both(nb, "**80**")
    # with the Student-t factor: the smallest n whose interval is a quarter as wide

    def t(n):
        return stats.t.ppf(0.975, n - 1)

    target = t(5) / math.sqrt(5) / 4
    n = next(n for n in range(5, 200) if t(n) / math.sqrt(n) <= target)
    assert n == 43
    in_both(nb, f"**{n}**")
    in_both(nb, f"{t(5):.2f} at $n = 5$", f"{t(5):.2f} com $n = 5$".replace(".", ","))
    in_both(nb, f"{t(n):.2f} at $n = {n}$", f"{t(n):.2f} com $n = {n}$".replace(".", ","))
    # the night between the end and the start of the working day
    start, end = cdsim.load_scenario("classroom").get("calendar.work_hours").split("-")
    night = 24 - (int(end[:2]) - int(start[:2]))
    assert (start, end, night) == ("09:00", "18:00", 15)
    in_both(nb, "09:00 to 18:00", "09:00 às 18:00")
    in_both(nb, f"after {night} hours of night", f"depois de {night} horas de noite")


def test_the_presets_notebook_2_describes():
    gates = {}
    for name in ("elite", "high", "medium", "low"):
        sc = cdsim.load_scenario(name)
        gates[name] = (sc.model.practice, sc.get("approval.mode"), sc.get("release.every_days"))
    assert gates["elite"][0] == "deployment"
    assert gates["high"][:2] == ("delivery", "board")
    assert len(cdsim.load_scenario("high").get("approval.board_times")) == 2  # twice a week
    assert gates["medium"][0::2] == ("integration", 14)  # every two weeks
    assert gates["low"][0::2] == ("integration", 42)  # every six weeks


def _hue_degrees(color) -> float:
    from matplotlib.colors import to_rgb

    return colorsys.rgb_to_hsv(*to_rgb(color))[0] * 360


@pytest.fixture(scope="module")
def short_comparison():
    sc = cdsim.load_scenario("classroom").with_values({"days": 20})
    return cdsim.compare(sc, replications=1, seed=1, jobs=1)


@pytest.mark.parametrize(("lang", "label"), [("en", "at the gate"), ("pt", "no portão")])
def test_the_band_notebook_2_calls_magenta_is_magenta(short_comparison, lang, label):
    """Notebook 2's answer names the band that grows between two releases "the magenta
    band, *at the gate* in the legend"; in-production is the grey area."""
    from matplotlib.colors import to_rgb
    from matplotlib.legend import Legend

    fig = charts.flow_figure(short_comparison.changes, lang=lang)
    bands = {a.get_gid(): a for a in fig.findobj(lambda o: str(o.get_gid()).startswith("cfd:"))}
    gate = bands["cfd:integration:gate"].get_facecolor()[0]
    assert 285 <= _hue_degrees(gate) <= 335  # magenta, between purple and pink
    grey = to_rgb(bands["cfd:integration:production"].get_facecolor()[0])
    assert max(grey) - min(grey) < 0.02
    legends = fig.findobj(Legend)
    patches = [h for legend in legends for h in legend.legend_handles if h.get_label() == label]
    assert patches and all(
        to_rgb(p.get_facecolor()) == pytest.approx(to_rgb(gate)) for p in patches
    )
    name = "02_same_team_three_practices.ipynb"
    text = prose(name if lang == "en" else PAIRS[name])
    assert re.search(rf"magenta( band)?, \*{re.escape(label)}\*", text)


# Slider, button and tab names notebook 3 quotes (in bold), as the explorer shows them.
EXPLORER_LABELS = {
    "en": [
        "Approval delay (h)", "Unit tests (build)", "Developers", "CI runners",
        "Where time goes", "Release every (days)", "Defect chance", "Reset", "Random seed",
    ],
    "pt": [
        "Espera p/ aprovar (h)", "Testes unitários (build)", "Desenvolvedores",
        "Runners de CI", "Onde vai o tempo", "Release a cada (dias)", "Chance de defeito",
        "Restaurar", "Semente aleatória",
    ],
}  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "pt"])
def test_notebook_3_names_what_the_explorer_shows(lang):
    app = cdsim.explorer(lang=lang, auto_update=False)
    shown = {re.sub(r"<[^>]+>", "", label.value) for label in app.labels.values()}
    shown |= {app.reset_button.description, *app.tabs.titles}
    shown |= {text for text, _ in app.language.options}
    name = "03_explorer.ipynb" if lang == "en" else "03_explorador.ipynb"
    nb = read(name)
    bold = set(re.findall(r"\*\*(.+?)\*\*", nb.cells[-1].source))
    assert bold <= set(EXPLORER_LABELS[lang]), bold - set(EXPLORER_LABELS[lang])
    prose = markdown(nb)
    for label in EXPLORER_LABELS[lang]:
        assert f"**{label}**" in prose, label
        assert label in shown, f"the explorer ({lang}) shows no {label!r}"
    assert "*English /" in prose and "Português*" in prose
    # the starting values of "things to try" are the classroom preset's, and every
    # value to move to is within the slider's range
    moves = {
        "approval_delay": (4, 16),
        "build_detection": (0.5, 0.9),
        "developers": (10, 30),
        "runners": (1, 3),
        "release_every": (14, 2),
        "defect_probability": (None, 0),
    }
    for slider, (start, goal) in moves.items():
        widget = app.sliders[slider]
        if start is not None:
            assert widget.value == start, slider
        assert widget.min <= goal <= widget.max, slider


def test_a_slower_approval_leaves_deployment_alone():
    """Notebook 3 asks why Deployment does not move with the approval delay (and notebook
    4 asserts it on its sweep): it has no approval, and draws the same random numbers."""
    sc = cdsim.load_scenario("classroom").with_values({"days": 20})
    fast, slow = (
        cdsim.simulate(
            sc.with_values({"approval.delay.mean_hours": h}), "deployment", seed=1
        ).metrics()
        for h in (4, 16)
    )
    assert fast.equals(slow)


def _calendar_span(work_hours: float, start: float) -> float:
    """Calendar hours that ``work_hours`` of work started at ``start`` take, on the
    classroom calendar (Monday to Friday, 09:00 to 18:00; t = 0 is Monday 00:00)."""
    t, left = start, work_hours
    step = 1 / 60
    while left > 1e-9:
        day, hour = divmod(t, 24)
        if int(day) % 7 < 5 and 9 <= hour < 18:
            left -= step
        t += step
    return t - start


def test_the_worked_answers_of_notebook_4():
    nb = "04_experiments.ipynb"
    # exercise 1
    k = math.log(0.85) / math.log(0.95)
    in_both(nb, f"= {k:.2f}$")
    in_both(nb, "**3 changes**", "**3 mudanças**")
    in_both(nb, f"four already give {100 * (1 - 0.95**4):.1f}%", "quatro já dão 18,5%")
    assert f"{100 * (1 - 0.95**4):.1f}" == "18.5"
    in_both(nb, f"= {100 * (1 - 0.95**20):.0f}\\%$")
    in_both(nb, "($20 \\times 0.05$)")
    assert 20 * 0.05 == 1
    # the elite range of change failure rate that exercise 1 quotes
    with open(ROOT / "data" / "dora_bands.csv", newline="") as f:
        rows = {(r["source"], r["metric"], r["band"]): r for r in csv.DictReader(f)}
    elite_2021 = rows["dora-2021", "change_failure_rate", "elite"]
    assert (elite_2021["threshold"], elite_2021["published"]) == ("0.15", "0-15%")
    in_both(nb, "DORA State of DevOps 2021 report (0-15%)", "DORA State of DevOps 2021 (0-15%)")
    # exercise 2: the board, and the working hours of section 2
    gaps = (48, 120)  # Tuesday 10:00 -> Thursday 10:00 -> Tuesday 10:00
    assert sum(gaps) == 168
    assert cdsim.load_scenario("classroom").with_values({"approval.mode": "board"}).get(
        "approval.board_times"
    ) == ["tue 10:00", "thu 10:00"]
    wait = sum(g * g for g in gaps) / (2 * 168)
    in_both(
        nb,
        f"\\approx {wait:.1f} \\text{{ hours}} \\approx {wait / 24:.1f}",
        f"\\approx {wait:.1f} \\text{{ horas}} \\approx {wait / 24:.1f}".replace(".", ","),
    )
    assert f"{wait:.1f} {wait / 24:.1f}" == "49.7 2.1"
    in_both(nb, "$168/4 = 42$")
    starts = range(7 * 24)  # every hour of the week
    spans12 = [_calendar_span(12, s) for s in starts]
    spans16 = [_calendar_span(16, s) for s in starts]
    assert min(spans12) > 24  # "more than a day of calendar time, with a night in it"
    assert 16 / 9 < 2 and 3 * 24 < max(spans16) <= 4 * 24  # "up to four calendar days"
    # exercise 3
    need = 0.98 ** (1 / 1.5)
    assert f"{need:.4f}" == "0.9866" and f"{1 - need:.4f}" == "0.0134"
    assert f"{(1 - need) / 0.05:.2f}" == "0.27" and f"{1 - (1 - need) / 0.05:.2f}" == "0.73"
    in_both(nb, "= 0.9866$")
    in_both(nb, "d_b \\ge 0.73")
    # exercise 4
    assert 50 / 10 == 5
    in_both(nb, "**5 days**", "**5 dias**")
    in_both(nb, "**25 open changes**", "**25 mudanças abertas**")
    # section 5: the textbook queue; its numbers come from the queueing scenario
    queue = cdsim.load_scenario("queueing")
    lam = queue.get("team.developers") * queue.get("team.commits_per_day") / 24
    mu = 1 / queue.model.build.duration.mean_in_hours
    assert (round(lam, 9), round(mu, 9)) == (7, 10)
    wq = (lam / mu) / (mu - lam)
    assert round(wq * 60, 6) == 14 and wq * 60 > 2 * 6  # more than two builds' worth
    in_both(nb, "**14 minutes**", "**14 minutos**")
    a, c = lam / mu, 2
    below = sum(a**n / math.factorial(n) for n in range(c))
    top = a**c / math.factorial(c) / (1 - a / c)
    assert top / (below + top) / (c * mu - lam) * 60 < 1  # "a second runner: under a minute"
    # exercise 5
    threshold = 50 / 6  # lambda / (10 (10 - lambda)) = 0.5
    assert f"{threshold:.2f}" == "8.33" and f"{threshold / 10:.2f}" == "0.83"
    in_both(nb, "\\lambda \\ge 8.33$")
    assert round(9 / (10 * (10 - 9)) * 60) == 54
    in_both(nb, "it is 54 minutes", "ela é de 54 minutos")
    classroom = cdsim.load_scenario("classroom")
    assert classroom.model.build.duration.mean_in_hours * 60 == 10  # "a 10-minute build"
    assert 20 * 3 == 60 and 60 * 10 / 60 == 10 and round(60 / 9) == 7 and 60 / 10 == 6
    assert classroom.get("calendar.work_hours") == "09:00-18:00"  # "the 9 working hours"
