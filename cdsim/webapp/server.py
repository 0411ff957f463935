"""Serve the classroom explorer as a web page: what ``cdsim explorer`` runs.

>>> from cdsim.webapp.server import serve
>>> serve("classroom", lang="pt", ready=print)   # blocks; Ctrl-C stops it, kernels included

How it works (the measurements behind each choice are in the research notes of issue 12):

* The scenario is validated here, in the parent process: a bad one raises
  :class:`~cdsim.scenario.ScenarioError` before anything starts.
* A :class:`tempfile.TemporaryDirectory` gets a one-cell notebook that calls
  ``cdsim.explorer(...)`` with the scenario and the language, a ``voila.json`` with typed
  settings (address, port, no retries, no browser, kernel culling, the ``cdsim`` template)
  and voila's connection folder.
* ``python -m voila`` runs as a child in its own session, so that a Ctrl-C in the terminal
  reaches only this process, which then stops voila with SIGTERM (after 15 s, SIGKILL);
  voila shuts its kernels down, and the temporary folder is removed. Each browser page
  runs its own kernel (about 200 MB).
* Readiness is a TCP connect to the port, never a ``GET /``: every page view starts a
  kernel.
* A page that is closed or reloaded frees its kernel at once: voila's shutdown beacon
  carries no XSRF token (voila issue #1458), so ``disable_check_xsrf`` is set; voila
  exposes no endpoint that runs code or acts without a kernel's id. Kernels whose browser
  went away without a word (a laptop put to sleep, a killed browser) are culled after
  ``cull_idle_seconds`` without activity; a page that is open is never culled.
* The ``cdsim`` voila template (``share/jupyter/voila/templates/cdsim``) drops the lab
  template's two Font Awesome links to a CDN: voila's own bundle already carries those
  fonts, so the page makes no request off the server.

Every message a user sees is in :data:`MESSAGES`, in English and Brazilian Portuguese.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from cdsim.i18n import LANGUAGES, format_number, normalize_lang
from cdsim.scenario import Scenario, ScenarioError, load_scenario

DEFAULT_SCENARIO = "classroom"
DEFAULT_PORT = 8866
"""voila's own default; when it is busy the next free one of :data:`PORTS_TRIED` is used."""
PORTS_TRIED = 10
DEFAULT_HOST = "127.0.0.1"
ALL_INTERFACES = ("0.0.0.0", "::")
DEFAULT_CULL_IDLE_SECONDS = 600
MIN_CULL_IDLE_SECONDS = 60
"""Shorter would cull a kernel that is still waiting for its page to connect."""
CULL_INTERVAL_SECONDS = 60
START_TIMEOUT_SECONDS = 90.0
STOP_TIMEOUT_SECONDS = 15.0
TEMPLATE = "cdsim"
TEMPLATE_ROOT = Path(__file__).resolve().parent / "share" / "jupyter"
"""Prepended to JUPYTER_PATH, where voila looks for ``voila/templates/<name>``."""
NOTEBOOK_NAME = "cdsim-explorer.ipynb"
SCENARIO_FILE = "scenario.toml"
KERNEL_MEMORY_MB = 200
"""About what one page's kernel takes (measured: 204 MB resident)."""

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_BAD_INPUT = 2

# ------------------------------------------------------------------ texts

# key -> (English, Brazilian Portuguese). To move into cdsim.i18n.TEXTS.
MESSAGES: dict[str, tuple[str, str]] = {
    "error": ("Error: {message}", "Erro: {message}"),
    "warning": ("Warning: {message}", "Aviso: {message}"),
    "language.en": ("English", "inglês"),
    "language.pt": ("Portuguese", "português"),
    "page.title": ("cdsim explorer", "Explorador cdsim"),
    "starting": (
        "Starting the cdsim explorer: scenario {scenario}, in {language}...",
        "Iniciando o explorador cdsim: cenário {scenario}, em {language}...",
    ),
    "ready": (
        "The explorer is ready: open {url} in a browser.",
        "O explorador está pronto: abra {url} em um navegador.",
    ),
    "ready.network": (
        "On the other computers of this network, open: {urls}",
        "Nos outros computadores desta rede, abra: {urls}",
    ),
    "ready.stop": (
        "Each open page runs its own simulation. Press Ctrl-C to stop the server.",
        "Cada página aberta roda sua própria simulação. Tecle Ctrl-C para parar o servidor.",
    ),
    "network.warning": (
        "--host {host} puts the explorer on the network: anyone who can reach this computer "
        "can open it, with no password, and every open page runs its own Python kernel "
        "(about {memory} MB of memory) until it is closed{culling}. Use it on a classroom "
        "network you trust, and stop the server (Ctrl-C) after the class.",
        "--host {host} coloca o explorador na rede: qualquer pessoa que alcance este "
        "computador pode abri-lo, sem senha, e cada página aberta roda seu próprio kernel "
        "Python (cerca de {memory} MB de memória) até ser fechada{culling}. Use em uma rede "
        "de sala de aula confiável e pare o servidor (Ctrl-C) depois da aula.",
    ),
    "network.culling": (
        " or its browser has been gone for {minutes} min",
        " ou seu navegador sumir por {minutes} min",
    ),
    "stopping": (
        "Stopping the explorer and its kernels...",
        "Parando o explorador e seus kernels...",
    ),
    "stopped": ("Stopped.", "Parado."),
    "error.port_busy": (
        "port {port} is in use; choose another with --port, or leave --port out to use a free one",
        "a porta {port} está em uso; escolha outra com --port, ou omita --port para usar uma livre",
    ),
    "error.port_range": (
        "--port must be between 1 and 65535, got {port}",
        "--port deve estar entre 1 e 65535, veio {port}",
    ),
    "error.no_free_port": (
        "no free port on {host}; choose one with --port",
        "nenhuma porta livre em {host}; escolha uma com --port",
    ),
    "error.listen": (
        "cannot listen on {host} port {port}: {reason}",
        "não é possível escutar em {host} porta {port}: {reason}",
    ),
    "error.host": (
        "--host {host} is not an address of this computer ({reason}); use 127.0.0.1 (this "
        "computer only) or 0.0.0.0 (the classroom network)",
        "--host {host} não é um endereço deste computador ({reason}); use 127.0.0.1 (só este "
        "computador) ou 0.0.0.0 (a rede da sala)",
    ),
    "error.cull": (
        "--cull-idle-seconds must be 0 (never) or at least {minimum}, got {value}",
        "--cull-idle-seconds deve ser 0 (nunca) ou pelo menos {minimum}, veio {value}",
    ),
    "error.lang": (
        "unknown language {lang!r}; use one of {allowed}",
        "idioma desconhecido {lang!r}; use um de {allowed}",
    ),
    "error.missing": (
        "the explorer's web page needs {packages}; install them with: "
        'python3 -m pip install "cdsim[web]"',
        "a página web do explorador precisa de {packages}; instale com: "
        'python3 -m pip install "cdsim[web]"',
    ),
    "error.start_failed": (
        "the web server (voila) stopped while starting, with status {status}. Its last "
        "lines:\n{log}",
        "o servidor web (voila) parou durante a partida, com status {status}. Suas últimas "
        "linhas:\n{log}",
    ),
    "error.start_timeout": (
        "the web server (voila) did not start within {seconds} s. Its last lines:\n{log}",
        "o servidor web (voila) não iniciou em {seconds} s. Suas últimas linhas:\n{log}",
    ),
    "error.died": (
        "the web server (voila) stopped by itself, with status {status}. Its last lines:\n{log}",
        "o servidor web (voila) parou sozinho, com status {status}. Suas últimas linhas:\n{log}",
    ),
    # help texts for the click command
    "help.command": (
        "Serve the classroom explorer as a web page: sliders, the DORA scorecard and the "
        "charts, no code. SCENARIO is a built-in name or a .toml file (default: classroom). "
        "Stop it with Ctrl-C.",
        "Serve o explorador da sala de aula como página web: controles, o placar DORA e os "
        "gráficos, sem código. SCENARIO é um nome embutido ou um arquivo .toml (padrão: "
        "classroom). Pare com Ctrl-C.",
    ),
    "help.port": (
        "Port to listen on (default: 8866, or the next free one).",
        "Porta em que escutar (padrão: 8866, ou a próxima livre).",
    ),
    "help.lang": (
        "Language the page opens in (a button on the page switches it).",
        "Idioma em que a página abre (um botão na página o troca).",
    ),
    "help.host": (
        "Address to listen on: 127.0.0.1 (this computer only) or 0.0.0.0 (every computer "
        "of the network can open it; each page costs one kernel, about 200 MB).",
        "Endereço em que escutar: 127.0.0.1 (só este computador) ou 0.0.0.0 (todo "
        "computador da rede pode abrir; cada página custa um kernel, cerca de 200 MB).",
    ),
    "help.cull": (
        "Free the kernel of a page whose browser went away after this many seconds without "
        "activity (0: never). An open page is never stopped.",
        "Libera o kernel de uma página cujo navegador sumiu após tantos segundos sem "
        "atividade (0: nunca). Uma página aberta nunca é parada.",
    ),
}


def message(key: str, lang: str = "en", /, **values: object) -> str:
    """A message of :data:`MESSAGES` in ``lang`` (English if ``lang`` is unknown)."""
    try:
        code = normalize_lang(lang)
    except ValueError:
        code = "en"
    out = MESSAGES[key][LANGUAGES.index(code)]
    return out.format(**values) if values else out


class ServeError(Exception):
    """The explorer cannot be served; the message names what and how to fix it.

    ``exit_code`` is 2 for bad input (a busy port, a bad option, voila missing) and 1 when
    voila itself failed. :meth:`text` gives the message in another language.
    """

    def __init__(self, key: str, exit_code: int = EXIT_BAD_INPUT, /, **values: object) -> None:
        self.key = key
        self.values = values
        self.exit_code = exit_code
        super().__init__(message(key, "en", **values))

    def text(self, lang: str = "en") -> str:
        return message(self.key, lang, **self.values)


class PortInUseError(ServeError):
    """The port asked for is taken."""


# ------------------------------------------------------------------ the files


def notebook_json(scenario_code: str, lang: str, title: str) -> dict[str, Any]:
    """A one-cell nbformat-4 notebook whose cell shows the explorer."""
    source = (
        "# Written by cdsim explorer (cdsim/webapp/server.py).\n"
        "import cdsim\n\n"
        f"cdsim.explorer({scenario_code}, lang={lang!r})\n"
    )
    return {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": None,
                "id": "cdsim-explorer",
                "metadata": {},
                "outputs": [],
                "source": source,
            }
        ],
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
            "title": title,  # the page's <title>
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def voila_config(
    host: str, port: int, cull_idle_seconds: int, connection_dir: str | os.PathLike
) -> dict[str, Any]:
    """The ``voila.json`` of one server (JSON keeps the types; on the command line a Dict
    trait would turn ``true`` into the string ``"True"``)."""
    return {
        "Voila": {
            "ip": host,
            "port": port,
            "port_retries": 0,  # never drift to another (partly random) port
            "open_browser": False,
            "connection_dir_root": str(connection_dir),  # removed with the temp folder
            "tornado_settings": {"disable_check_xsrf": True},  # voila #1458, see above
        },
        "VoilaConfiguration": {"template": TEMPLATE},
        "MappingKernelManager": {
            "cull_idle_timeout": cull_idle_seconds,
            "cull_interval": CULL_INTERVAL_SECONDS,
            "cull_connected": False,  # a page that is open is never culled
            "cull_busy": False,
        },
    }


# ------------------------------------------------------------------ checks


def check_lang(lang: str) -> str:
    try:
        return normalize_lang(lang)
    except ValueError:
        allowed = ", ".join(repr(x) for x in LANGUAGES)
        raise ServeError("error.lang", lang=lang, allowed=allowed) from None


def check_cull(seconds: int) -> int:
    value = int(seconds)
    if value != seconds or (value != 0 and value < MIN_CULL_IDLE_SECONDS):
        raise ServeError("error.cull", value=seconds, minimum=MIN_CULL_IDLE_SECONDS)
    return value


def check_installed() -> None:
    """voila and ipykernel come with the ``web`` extra (voila does not need ipykernel)."""
    missing = [name for name in ("voila", "ipykernel") if importlib.util.find_spec(name) is None]
    if missing:
        raise ServeError("error.missing", packages=" and ".join(missing))


def normalize_host(host: str) -> str:
    host = (host or "").strip()
    if host in ("", "*"):
        return "0.0.0.0"
    if host.lower() == "localhost":
        return DEFAULT_HOST
    return host


def is_loopback(host: str) -> bool:
    return host == "::1" or host.startswith("127.")


def _family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def port_is_free(host: str, port: int) -> bool:
    """Whether a server could listen on ``host``:``port`` now (as voila does: SO_REUSEADDR)."""
    with socket.socket(_family(host), socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError as error:
            if error.errno in _IN_USE:
                return False
            raise
        return True


_IN_USE = {98, 48, 10048}  # EADDRINUSE on Linux, macOS, Windows


def pick_port(host: str, wanted: int | None) -> int:
    """``wanted`` if it is free (else :class:`PortInUseError`), or the first free port from
    :data:`DEFAULT_PORT`, or one the system chooses."""
    try:
        if wanted is not None:
            if not 1 <= int(wanted) <= 65535:
                raise ServeError("error.port_range", port=wanted)
            if not port_is_free(host, int(wanted)):
                raise PortInUseError("error.port_busy", port=wanted)
            return int(wanted)
        for port in range(DEFAULT_PORT, DEFAULT_PORT + PORTS_TRIED):
            if port_is_free(host, port):
                return port
        with socket.socket(_family(host), socket.SOCK_STREAM) as s:
            s.bind((host, 0))
            return s.getsockname()[1]
    except ServeError:
        raise
    except socket.gaierror as error:
        raise ServeError("error.host", host=host, reason=error.strerror) from None
    except OSError as error:
        if error.errno == 99:  # EADDRNOTAVAIL: not an address of this machine
            raise ServeError("error.host", host=host, reason=error.strerror) from None
        port = wanted if wanted is not None else "0"
        raise ServeError("error.listen", host=host, port=port, reason=error.strerror) from None


def local_url(host: str, port: int) -> str:
    """The URL to open on this machine."""
    if host in ALL_INTERFACES or is_loopback(host):
        return f"http://127.0.0.1:{port}/"
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def network_urls(host: str, port: int) -> list[str]:
    """The URLs other machines of the network may use (empty for a loopback address)."""
    if is_loopback(host):
        return []
    if host not in ALL_INTERFACES:
        return [local_url(host, port)]
    names = [socket.gethostname()]
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.connect(("10.255.255.255", 1))  # UDP connect sends nothing; it picks the route
        address = s.getsockname()[0]
        if not is_loopback(address):
            names.append(address)
    return [f"http://{name}:{port}/" for name in dict.fromkeys(names)]


def _scenario_label(scenario: str | os.PathLike | Scenario) -> str:
    return scenario.name if isinstance(scenario, Scenario) else str(scenario)


# ------------------------------------------------------------------ the server


def _die_with_parent() -> None:  # pragma: no cover - runs in the child, before exec
    """Linux: voila gets SIGTERM if this process dies, even by SIGKILL (PR_SET_PDEATHSIG)."""
    with contextlib.suppress(Exception):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)


class ExplorerServer:
    """One voila server of the explorer; ``with ExplorerServer(...) as server: server.url``.

    The constructor validates everything it can without starting anything (scenario,
    language, address, port, culling, voila installed) and picks the port; :meth:`start`
    writes the temporary folder, starts voila and waits until it accepts connections;
    :meth:`stop` stops voila and its kernels and removes the folder. :func:`serve` wraps it
    for the command line.
    """

    def __init__(
        self,
        scenario: str | os.PathLike | Scenario = DEFAULT_SCENARIO,
        *,
        lang: str = "en",
        port: int | None = None,
        host: str = DEFAULT_HOST,
        cull_idle_seconds: int = DEFAULT_CULL_IDLE_SECONDS,
        log: str | os.PathLike | None = None,
        start_timeout: float = START_TIMEOUT_SECONDS,
    ) -> None:
        self.lang = check_lang(lang)
        self.cull_idle_seconds = check_cull(cull_idle_seconds)
        self.host = normalize_host(host)
        if port is not None and not 1 <= int(port) <= 65535:
            raise ServeError("error.port_range", port=port)
        self.wanted_port = port
        self.label = _scenario_label(scenario)
        if isinstance(scenario, Scenario):
            self.scenario, self._preset = scenario, None
        elif isinstance(scenario, str | os.PathLike):
            self.scenario = load_scenario(scenario)  # ScenarioError on a bad one
            path = Path(scenario)
            is_file = path.suffix.lower() == ".toml" or path.exists()
            self._preset = None if is_file else str(scenario)
        else:
            raise ScenarioError(f"a scenario is a preset name or a .toml file, got {scenario!r}")
        check_installed()
        self.port: int = pick_port(self.host, port)  # checked again by start()
        self.log_path = Path(log) if log is not None else None
        self.start_timeout = float(start_timeout)
        self.folder: Path | None = None
        self.process: subprocess.Popen | None = None
        self._tmp: tempfile.TemporaryDirectory | None = None
        self._log: IO[bytes] | None = None

    # -------------------------------------------------------------- facts

    @property
    def url(self) -> str:
        """The URL to open on this machine."""
        return local_url(self.host, self.port)

    @property
    def network_urls(self) -> list[str]:
        """URLs for other machines when the server listens on the network, else []."""
        return network_urls(self.host, self.port)

    @property
    def pid(self) -> int | None:
        """voila's process id (its kernels are its children)."""
        return None if self.process is None else self.process.pid

    @property
    def on_network(self) -> bool:
        return not is_loopback(self.host)

    def log_tail(self, lines: int = 15) -> str:
        """The last lines voila wrote (for error messages)."""
        path = self._log_file()
        if path is None or not path.exists():
            return ""
        with contextlib.suppress(OSError):
            text = path.read_text(encoding="utf-8", errors="replace")
            return "\n".join(text.rstrip().splitlines()[-lines:])
        return ""

    def _log_file(self) -> Path | None:
        if self.log_path is not None:
            return self.log_path
        return None if self.folder is None else self.folder / "voila.log"

    # -------------------------------------------------------------- lifecycle

    def write_files(self, folder: Path) -> Path:
        """The notebook, the scenario (unless a preset) and voila.json; the notebook's path."""
        if self._preset is not None:
            code = repr(self._preset)
        else:
            scenario_path = folder / SCENARIO_FILE
            scenario_path.write_text(self.scenario.to_toml(), encoding="utf-8")
            code = f"cdsim.load_scenario({str(scenario_path)!r})"
        notebook = folder / NOTEBOOK_NAME
        title = message("page.title", self.lang)
        notebook.write_text(json.dumps(notebook_json(code, self.lang, title), indent=1))
        connections = folder / "connections"
        connections.mkdir()
        config = voila_config(self.host, self.port, self.cull_idle_seconds, connections)
        (folder / "voila.json").write_text(json.dumps(config, indent=1))
        return notebook

    def start(self) -> ExplorerServer:
        """Start voila; returns once it accepts connections (raises :class:`ServeError`)."""
        if self.process is not None:
            raise RuntimeError("the server is already started")
        if not port_is_free(self.host, self.port):  # taken since the constructor checked it
            self.port = pick_port(self.host, self.wanted_port)
        try:
            self._tmp = tempfile.TemporaryDirectory(
                prefix="cdsim-explorer-", ignore_cleanup_errors=True
            )
            self.folder = Path(self._tmp.name)
            notebook = self.write_files(self.folder)
            env = dict(os.environ)
            env["JUPYTER_PATH"] = os.pathsep.join(
                filter(None, [str(TEMPLATE_ROOT), env.get("JUPYTER_PATH")])
            )
            command = [
                sys.executable,
                "-m",
                "voila",
                str(notebook),
                f"--Voila.config_file_paths={self.folder}",  # only our voila.json
            ]
            self._log = open(self._log_file(), "ab")  # noqa: SIM115 - closed in stop()
            self.process = subprocess.Popen(
                command,
                cwd=self.folder,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=self._log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # a terminal Ctrl-C reaches us only; we stop voila
                preexec_fn=_die_with_parent if sys.platform == "linux" else None,
            )
            self._wait_until_listening()
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_until_listening(self) -> None:
        target = (
            "127.0.0.1" if self.host == "0.0.0.0" else "::1" if self.host == "::" else self.host
        )
        deadline = time.monotonic() + self.start_timeout
        while True:
            status = self.process.poll()
            if status is not None:
                raise ServeError(
                    "error.start_failed", EXIT_ERROR, status=status, log=self.log_tail()
                )
            with contextlib.suppress(OSError), socket.create_connection((target, self.port), 0.5):
                return
            if time.monotonic() > deadline:
                raise ServeError(
                    "error.start_timeout",
                    EXIT_ERROR,
                    seconds=round(self.start_timeout),
                    log=self.log_tail(),
                )
            time.sleep(0.1)

    def wait(self, timeout: float | None = None) -> int:
        """Wait until voila exits; its status."""
        if self.process is None:
            raise RuntimeError("the server has not started")
        return self.process.wait(timeout)

    def stop(self, timeout: float = STOP_TIMEOUT_SECONDS) -> int | None:
        """Stop voila (SIGTERM: it shuts its kernels down; SIGKILL after ``timeout`` s or a
        second Ctrl-C) and remove the temporary folder. Safe to call twice."""
        process, status = self.process, None
        if process is not None:
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout)
                except (subprocess.TimeoutExpired, KeyboardInterrupt):
                    process.kill()  # its kernels then exit by themselves (parent poller)
                    process.wait()
            status = process.returncode
        if self._log is not None:
            self._log.close()
            self._log = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None
        return status

    def __enter__(self) -> ExplorerServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = "running" if self.process and self.process.poll() is None else "stopped"
        return f"<ExplorerServer {self.label!r} {self.lang} {self.url} {state}>"


# ------------------------------------------------------------------ blocking entry points


@contextlib.contextmanager
def _signals_stop() -> Iterator[None]:
    """SIGTERM and SIGHUP (terminal closed) stop the server like Ctrl-C (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = {}
    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None:
            previous[sig] = signal.signal(sig, interrupt)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def run_server(
    server: ExplorerServer,
    *,
    open_browser: bool = False,
    ready: Callable[[str], object] | None = None,
    stopping: Callable[[], object] | None = None,
) -> int:
    """Start ``server``, call ``ready(url)``, serve until Ctrl-C, SIGTERM or SIGHUP, stop.

    Returns 0 after a stop asked for; raises :class:`ServeError` if voila fails to start
    or stops by itself. Nothing is left behind either way.
    """
    with _signals_stop():
        try:
            server.start()
            if ready is not None:
                ready(server.url)
            if open_browser:
                import webbrowser

                webbrowser.open(server.url)
            status = server.wait()
            tail = server.log_tail()
        except KeyboardInterrupt:
            if stopping is not None:
                stopping()
            return EXIT_OK
        finally:
            server.stop()
    raise ServeError("error.died", EXIT_ERROR, status=status, log=tail)


def serve(
    scenario: str | os.PathLike | Scenario = DEFAULT_SCENARIO,
    *,
    lang: str = "en",
    port: int | None = None,
    host: str = DEFAULT_HOST,
    cull_idle_seconds: int = DEFAULT_CULL_IDLE_SECONDS,
    open_browser: bool = False,
    ready: Callable[[str], object] | None = None,
    stopping: Callable[[], object] | None = None,
    log: str | os.PathLike | None = None,
) -> int:
    """Serve the explorer of ``scenario`` until Ctrl-C (or SIGTERM); blocks; returns 0.

    Raises :class:`~cdsim.scenario.ScenarioError` for a bad scenario and
    :class:`ServeError` (:class:`PortInUseError` for a busy ``port``) for anything else,
    before or while starting. ``ready(url)`` is called once the server accepts
    connections; ``log`` keeps voila's output in that file.
    """
    server = ExplorerServer(
        scenario, lang=lang, port=port, host=host, cull_idle_seconds=cull_idle_seconds, log=log
    )
    return run_server(server, open_browser=open_browser, ready=ready, stopping=stopping)


def run_explorer_command(
    scenario: str | os.PathLike | Scenario = DEFAULT_SCENARIO,
    lang: str = "en",
    port: int | None = None,
    host: str = DEFAULT_HOST,
    cull_idle_seconds: int = DEFAULT_CULL_IDLE_SECONDS,
    echo: Callable[..., object] | None = None,
    *,
    open_browser: bool = False,
    log: str | os.PathLike | None = None,
) -> int:
    """The body of ``cdsim explorer``: messages through ``echo(text, err=False)`` (click.echo
    by default), in ``lang``; returns the exit status: 0 stopped by Ctrl-C or SIGTERM,
    2 bad input (scenario, port, option, voila missing: one message, no traceback),
    1 voila failed."""
    if echo is None:
        import click

        echo = click.echo
    try:
        say_lang = normalize_lang(lang)
    except ValueError:
        say_lang = "en"

    def fail(text: str, code: int) -> int:
        echo(message("error", say_lang, message=text), err=True)
        return code

    try:
        server = ExplorerServer(
            scenario,
            lang=lang,
            port=port,
            host=host,
            cull_idle_seconds=cull_idle_seconds,
            log=log,
        )
    except ScenarioError as error:
        return fail(str(error), EXIT_BAD_INPUT)
    except ServeError as error:
        return fail(error.text(say_lang), error.exit_code)
    lang = server.lang
    language = message(f"language.{lang}", lang)
    echo(message("starting", lang, scenario=server.label, language=language), err=True)
    if server.on_network:
        seconds = server.cull_idle_seconds
        culling = (
            message(
                "network.culling",
                lang,
                minutes=format_number(seconds / 60, lang, 0 if seconds % 60 == 0 else 1),
            )
            if seconds
            else ""
        )
        text = message(
            "network.warning", lang, host=server.host, memory=KERNEL_MEMORY_MB, culling=culling
        )
        echo(message("warning", lang, message=text), err=True)

    def ready(url: str) -> None:
        echo(message("ready", lang, url=url))
        if server.network_urls:
            echo(message("ready.network", lang, urls="  ".join(server.network_urls)))
        echo(message("ready.stop", lang))

    try:
        status = run_server(
            server,
            open_browser=open_browser,
            ready=ready,
            stopping=lambda: echo(message("stopping", lang), err=True),
        )
    except ServeError as error:
        return fail(error.text(lang), error.exit_code)
    echo(message("stopped", lang), err=True)
    return status
