"""Addresses and ports of ``cdsim explorer``: a free port, the URLs to open."""

from __future__ import annotations

import contextlib
import socket

from cdsim.webapp.options import (
    ALL_INTERFACES,
    DEFAULT_PORT,
    PORTS_TRIED,
    PortInUseError,
    ServeError,
)


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
