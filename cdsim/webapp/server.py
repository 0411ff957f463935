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

Modules: :mod:`.options` (defaults, checks, messages: the ``webapp.*`` texts),
:mod:`.network` (ports and URLs), :mod:`.files` (the notebook and ``voila.json``), this one
(the voila child process), :mod:`.command` (what ``cdsim explorer`` prints and returns).
"""

from __future__ import annotations

import contextlib
import ctypes
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
from typing import IO

from cdsim.scenario import Scenario, ScenarioError, load_scenario
from cdsim.webapp.files import TEMPLATE_ROOT, write_files
from cdsim.webapp.network import is_loopback, local_url, network_urls, pick_port, port_is_free
from cdsim.webapp.options import (
    DEFAULT_CULL_IDLE_SECONDS,
    DEFAULT_HOST,
    DEFAULT_SCENARIO,
    EXIT_ERROR,
    EXIT_OK,
    START_TIMEOUT_SECONDS,
    STOP_TIMEOUT_SECONDS,
    ServeError,
    check_cull,
    check_installed,
    check_lang,
    message,
    normalize_host,
)


def _scenario_label(scenario: str | os.PathLike | Scenario) -> str:
    return scenario.name if isinstance(scenario, Scenario) else str(scenario)


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
        return write_files(
            folder,
            self.scenario,
            self._preset,
            self.lang,
            message("page.title", self.lang),
            self.host,
            self.port,
            self.cull_idle_seconds,
        )

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
