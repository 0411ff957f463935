"""Languages and the lookup of a text in :data:`cdsim.i18n.texts.TEXTS`.

This package imports nothing else of cdsim, so that every layer, down to the errors of
:mod:`cdsim.errors`, can carry a text that is rendered later in either language
(:class:`Text`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from cdsim.i18n.texts import TEXTS

LANGUAGES: tuple[str, ...] = ("en", "pt")
"""Supported language codes."""

_ALIASES = {"en": "en", "en-us": "en", "en-gb": "en", "pt": "pt", "pt-br": "pt", "pt_br": "pt"}


def normalize_lang(lang: str) -> str:
    """Return the canonical language code for ``lang``.

    Raises
    ------
    ValueError
        When ``lang`` is not a supported language; the message names the allowed codes.
    """
    code = _ALIASES.get(str(lang).strip().lower()) if isinstance(lang, str) else None
    if code is None:
        allowed = ", ".join(repr(x) for x in LANGUAGES)
        raise ValueError(f"unknown language {lang!r}; use one of {allowed} ('pt-BR' = 'pt')")
    return code


def t(key: str, lang: str = "en", /, **values: object) -> str:
    """Translate ``key`` into ``lang``, filling ``{placeholders}`` from ``values``.

    Raises
    ------
    ValueError
        Unknown language.
    KeyError
        Unknown key.
    """
    code = normalize_lang(lang)
    try:
        pair = TEXTS[key]
    except KeyError:
        raise KeyError(f"no translation for key {key!r}") from None
    text = pair[LANGUAGES.index(code)]
    return text.format(**values) if values else text


def practice_name(practice: str, lang: str = "en", short: bool = False) -> str:
    """Display name of a practice (``integration``, ``delivery`` or ``deployment``)."""
    return t(f"practice.{practice}" + (".short" if short else ""), lang)


def practice_label(practice: str, lang: str = "en") -> str:
    """Practice name on two lines (for axis ticks): ``"Continuous\nDelivery"``."""
    name = practice_name(practice, lang)
    return "\n".join(name.split(" ", 1))


def band_name(band: object, lang: str = "en") -> str:
    """Display name of a DORA band; empty or missing -> "no band"."""
    if isinstance(band, str) and band and band != "none" and f"band.{band}" in TEXTS:
        return t(f"band.{band}", lang)
    return t("band.none", lang)


@dataclass(frozen=True)
class Text:
    """A text of the table and the values of its placeholders, rendered in any language
    when it is shown: ``Text("error.key.missing", {"source": "mine.toml", "key": "days"})``.

    A value may itself be a :class:`Text` (rendered in the same language). With ``key``
    None, ``plain`` is shown as it is, in every language (a text from outside cdsim, such
    as an operating system's reason).
    """

    key: str | None
    values: Mapping[str, object] = field(default_factory=dict)
    plain: str = ""

    @classmethod
    def of(cls, text: str) -> Text:
        """A text shown as it is, in every language."""
        return cls(None, {}, text)

    def render(self, lang: str = "en") -> str:
        if self.key is None:
            return self.plain
        values = {
            name: value.render(lang) if isinstance(value, Text) else value
            for name, value in self.values.items()
        }
        return t(self.key, lang, **values)

    def __str__(self) -> str:
        return self.render("en")


def count(n: int, what: str, lang: str = "en") -> str:
    """``1 developer`` / ``8 developers``: the singular or plural text of ``count.<what>``."""
    return t(f"count.{what}.{'one' if n == 1 else 'other'}", lang, n=n)


def language_from_environment(environ: dict[str, str]) -> str:
    """The language of a terminal: ``"pt"`` when its locale is Portuguese (``LC_ALL``,
    ``LC_MESSAGES`` or ``LANG``, the first one set, e.g. ``pt_BR.UTF-8``), else ``"en"``."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "pt" if value.lower().startswith("pt") else "en"
    return "en"
