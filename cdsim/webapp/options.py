"""What ``cdsim explorer`` accepts: its defaults, its checks, and its messages.

Every message a user sees is a ``webapp.*`` key of the one translation table
(:mod:`cdsim.i18n.texts`), in English and Brazilian Portuguese; :func:`message` reads one.
A :class:`ServeError` carries its key and values, so that the command says it in the
language asked for.
"""

from __future__ import annotations

import importlib.util

from cdsim.i18n import LANGUAGES, normalize_lang, t

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
KERNEL_MEMORY_MB = 200
"""About what one page's kernel takes (measured: 204 MB resident)."""

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_BAD_INPUT = 2

MESSAGE_PREFIX = "webapp."
"""The keys of the command's messages in :data:`cdsim.i18n.TEXTS`."""


def message(key: str, lang: str = "en", /, **values: object) -> str:
    """The message ``webapp.<key>`` in ``lang`` (English if ``lang`` is unknown)."""
    try:
        code = normalize_lang(lang)
    except ValueError:
        code = "en"
    text = t(MESSAGE_PREFIX + key, code)  # values filled here: one of them is "lang"
    return text.format(**values) if values else text


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
