"""``cdsim explorer`` without a browser: validation, the generated files, the messages.

Nothing here starts voila (tests/browser/ does); each test takes milliseconds.
"""

from __future__ import annotations

import json
import re
import socket
import string
from pathlib import Path

import pytest

import cdsim
from cdsim.i18n import TEXTS
from cdsim.scenario import ScenarioError
from cdsim.webapp import (
    ExplorerServer,
    PortInUseError,
    ServeError,
    command,
    files,
    network,
    options,
    run_explorer_command,
)

needs_voila = pytest.mark.skipif(
    not all(options.importlib.util.find_spec(m) for m in ("voila", "ipykernel")),
    reason="needs the web extra (voila, ipykernel)",
)


@pytest.fixture
def busy_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        yield s.getsockname()[1]


class Echo:
    """Collects what run_explorer_command says: (text, to stderr)."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, bool]] = []

    def __call__(self, text: str, err: bool = False) -> None:
        self.lines.append((text, err))

    @property
    def out(self) -> str:
        return "\n".join(t for t, err in self.lines if not err)

    @property
    def err(self) -> str:
        return "\n".join(t for t, err in self.lines if err)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


# ------------------------------------------------------------------ messages


def test_every_message_is_in_english_and_portuguese_with_the_same_placeholders():
    keys = [key for key in TEXTS if key.startswith(options.MESSAGE_PREFIX)]
    assert len(keys) > 20
    for key in keys:
        pair = TEXTS[key]
        assert len(pair) == 2, key
        en, pt = pair
        assert en.strip() and pt.strip(), key
        assert placeholders(en) == placeholders(pt), key
        if key.removeprefix("webapp.") not in ("page.title", "error", "warning", "stopped"):
            assert en != pt, f"{key} is not translated"


def test_a_message_of_an_unknown_language_is_english():
    assert options.message("stopped", "fr") == "Stopped."
    assert options.message("error.port_busy", "pt-BR", port=1).startswith("a porta 1")


def test_a_serve_error_speaks_both_languages():
    error = PortInUseError("error.port_busy", port=8866)
    assert "port 8866 is in use" in str(error)
    assert "a porta 8866 está em uso" in error.text("pt")
    assert error.exit_code == 2


# ------------------------------------------------------------------ validation, nothing started


@needs_voila
def test_a_bad_scenario_is_refused_before_anything_starts():
    with pytest.raises(ScenarioError, match="no scenario called 'nope'"):
        ExplorerServer("nope")


@needs_voila
def test_a_busy_port_is_named(busy_port):
    with pytest.raises(PortInUseError, match=f"port {busy_port} is in use"):
        ExplorerServer("classroom", port=busy_port)


@needs_voila
@pytest.mark.parametrize(
    ("options", "match"),
    [
        ({"port": 0}, "between 1 and 65535"),
        ({"port": 70000}, "between 1 and 65535"),
        ({"lang": "fr"}, "unknown language 'fr'"),
        ({"cull_idle_seconds": 10}, "0 \\(never\\) or at least 60"),
        ({"host": "192.0.2.123"}, "not an address of this computer"),
    ],
)
def test_bad_options_are_refused_with_one_clear_message(options, match):
    with pytest.raises(ServeError, match=match):
        ExplorerServer("classroom", **options)


@needs_voila
def test_without_a_port_the_first_free_one_from_8866_is_used():
    server = ExplorerServer("classroom")
    assert server.port > 1024
    assert server.url == f"http://127.0.0.1:{server.port}/"
    assert server.network_urls == []
    assert server.process is None  # the constructor starts nothing


def test_missing_voila_is_a_bad_input_with_the_install_command(monkeypatch):
    monkeypatch.setattr(options.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ServeError, match=re.escape('pip install "cdsim[web]"')) as info:
        options.check_installed()
    assert info.value.exit_code == 2


# ------------------------------------------------------------------ the generated files


@needs_voila
def test_the_voila_config_is_typed_and_isolated(tmp_path):
    server = ExplorerServer("classroom", lang="pt", cull_idle_seconds=300)
    server.write_files(tmp_path)
    config = json.loads((tmp_path / "voila.json").read_text())
    assert config["Voila"]["ip"] == "127.0.0.1"
    assert config["Voila"]["port"] == server.port
    assert config["Voila"]["port_retries"] == 0
    assert config["Voila"]["open_browser"] is False
    assert config["Voila"]["tornado_settings"] == {"disable_check_xsrf": True}
    assert Path(config["Voila"]["connection_dir_root"]).parent == tmp_path
    assert config["VoilaConfiguration"] == {"template": "cdsim"}
    assert config["MappingKernelManager"] == {
        "cull_idle_timeout": 300,
        "cull_interval": 60,
        "cull_connected": False,
        "cull_busy": False,
    }


def run_cell(notebook: Path, monkeypatch) -> tuple[tuple, dict]:
    """Run the notebook's one cell with cdsim.explorer replaced; the arguments it got."""
    nb = json.loads(notebook.read_text())
    (cell,) = nb["cells"]
    calls = []
    monkeypatch.setattr(cdsim, "explorer", lambda *a, **k: calls.append((a, k)))
    exec(compile(cell["source"], str(notebook), "exec"), {})
    (call,) = calls
    return call


@needs_voila
def test_the_notebook_shows_the_preset_in_the_language(tmp_path, monkeypatch):
    server = ExplorerServer("classroom", lang="pt")
    notebook = server.write_files(tmp_path)
    nb = json.loads(notebook.read_text())
    assert nb["nbformat"] == 4
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert nb["metadata"]["title"] == "Explorador cdsim"
    assert run_cell(notebook, monkeypatch) == (("classroom",), {"lang": "pt"})


@needs_voila
def test_a_scenario_file_is_served_as_validated_in_the_parent(tmp_path, monkeypatch):
    mine = tmp_path / "mine.toml"
    mine.write_text('base = "classroom"\n[team]\ndevelopers = 7\n')
    folder = tmp_path / "served"
    folder.mkdir()
    server = ExplorerServer(str(mine))
    notebook = server.write_files(folder)
    mine.write_text("broken = [")  # later edits do not reach the served page
    (scenario,), kwargs = run_cell(notebook, monkeypatch)
    expected = cdsim.load_scenario("classroom").with_values({"team.developers": 7})

    def values(sc):  # the same values; only with_values's description says what it changed
        return {k: v for k, v in sc.to_dict().items() if not k.startswith("description")}

    assert values(scenario) == values(expected)
    assert kwargs == {"lang": "en"}


# ------------------------------------------------------------------ the voila template


def test_the_template_ships_inside_the_package():
    folder = files.TEMPLATE_ROOT / "voila" / "templates" / files.TEMPLATE
    assert json.loads((folder / "conf.json").read_text()) == {"base_template": "lab"}
    assert "fontawesome-free@^5/css/" in (folder / "index.html.j2").read_text()


@needs_voila
def test_voilas_lab_template_still_has_the_cdn_link_our_template_removes():
    from jupyter_core.paths import jupyter_path

    lab = [Path(p) / "templates" / "lab" / "index.html.j2" for p in jupyter_path("voila")]
    text = next(p for p in lab if p.exists()).read_text()
    assert "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@^5/css/" in text
    assert "{%- block notebook_css -%}" in text


# ------------------------------------------------------------------ the command


@needs_voila
@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "Error: port {port} is in use"), ("pt", "Erro: a porta {port} está em uso")],
)
def test_the_command_says_a_busy_port_in_one_line_and_exits_2(busy_port, lang, expected):
    echo = Echo()
    assert run_explorer_command("classroom", lang, busy_port, echo=echo) == 2
    assert echo.out == ""
    assert echo.err.startswith(expected.format(port=busy_port))
    assert len(echo.lines) == 1


@needs_voila
def test_the_command_says_a_bad_scenario_and_exits_2():
    echo = Echo()
    assert run_explorer_command("nope", "en", echo=echo) == 2
    assert echo.lines == [(echo.err, True)]
    assert echo.err.startswith("Error: no scenario called 'nope'")


@needs_voila
@pytest.mark.parametrize("lang", ["en", "pt"])
def test_the_command_warns_about_the_classroom_network(monkeypatch, lang):
    def fake_run(server, *, open_browser, ready, stopping):
        ready(server.url)
        stopping()
        return 0

    monkeypatch.setattr(command, "run_server", fake_run)
    monkeypatch.setattr(network.socket, "gethostname", lambda: "teacher-pc")
    echo = Echo()
    assert run_explorer_command("classroom", lang, None, "0.0.0.0", 600, echo) == 0
    warning = {"en": "Warning: --host 0.0.0.0", "pt": "Aviso: --host 0.0.0.0"}[lang]
    assert warning in echo.err
    assert {"en": "no password", "pt": "sem senha"}[lang] in echo.err
    assert "10 min" in echo.err  # the culling time
    assert "http://127.0.0.1:" in echo.out
    assert "http://teacher-pc:" in echo.out


@needs_voila
def test_the_command_prints_no_warning_on_this_computer_only(monkeypatch):
    monkeypatch.setattr(command, "run_server", lambda server, **kw: kw["ready"](server.url) or 0)
    echo = Echo()
    assert run_explorer_command("classroom", "en", echo=echo) == 0
    assert "Warning" not in echo.err
    assert echo.out.startswith("The explorer is ready: open http://127.0.0.1:")
    assert "Ctrl-C" in echo.out


# ------------------------------------------------------------------ cdsim explorer (click)


def test_cdsim_explorer_is_a_subcommand_with_help_and_examples():
    from click.testing import CliRunner

    from cdsim.cli import cli

    result = CliRunner().invoke(cli, ["explorer", "--help"], prog_name="cdsim")
    assert result.exit_code == 0
    assert "Usage: cdsim explorer [OPTIONS] [SCENARIO]" in result.output
    for option in ("--port", "--lang", "--host", "--cull-idle-seconds", "Examples:"):
        assert option in result.output


@pytest.mark.parametrize("status", [0, 1, 2])
def test_cdsim_explorer_exits_with_the_status_of_the_command(monkeypatch, status):
    """main() runs click with standalone_mode=False: the status must still reach the shell."""
    from cdsim.cli import main

    calls = []

    def fake(*args):
        calls.append(args)
        return status

    monkeypatch.setattr(command, "run_explorer_command", fake)
    with pytest.raises(SystemExit) as info:
        main(["explorer", "low", "--lang", "pt-BR", "--port", "9000", "--cull-idle-seconds", "0"])
    assert info.value.code == status
    (args,) = calls
    assert args[:5] == ("low", "pt", 9000, "127.0.0.1", 0)


@needs_voila
def test_cdsim_explorer_says_a_bad_scenario_in_one_line_and_exits_2(capsys):
    from cdsim.cli import main

    with pytest.raises(SystemExit) as info:
        main(["explorer", "nope", "--lang", "pt"])
    assert info.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("Erro: no scenario called 'nope'")
    assert len(err.strip().splitlines()) == 1
