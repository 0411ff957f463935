"""Every user-facing text of cdsim in English and Brazilian Portuguese, and numbers written
the way each language writes them.

Languages are ``"en"`` (English) and ``"pt"`` (Brazilian Portuguese; ``"pt-BR"`` is accepted
as an alias). Charts, the command line and the explorer all take their texts from the one
table :data:`TEXTS` (:mod:`cdsim.i18n.texts`) through :func:`t`, and write numbers through
:mod:`cdsim.i18n.numbers`, so that a figure never mixes languages or decimal separators.
How a *metric* is written (its unit, its interval) is the presentation layer's job:
:mod:`cdsim.presentation`.

Examples
--------
>>> t("practice.delivery", "pt")
'Entrega Contínua'
>>> format_hours(98.4, "en")
'4.1 days'
>>> format_hours(98.4, "pt")
'4,1 dias'
"""

from cdsim.i18n.core import (
    LANGUAGES,
    Text,
    band_name,
    count,
    language_from_environment,
    normalize_lang,
    practice_label,
    practice_name,
    t,
)
from cdsim.i18n.numbers import (
    UNIT_DIVISOR,
    auto_decimals,
    format_hours,
    format_number,
    format_percent,
    format_plain,
    format_rate,
    hours_unit,
    is_missing,
    parse_number,
    percent_decimals,
    unit_decimals,
)
from cdsim.i18n.texts import TEXTS

__all__ = [
    "LANGUAGES",
    "TEXTS",
    "Text",
    "UNIT_DIVISOR",
    "auto_decimals",
    "band_name",
    "count",
    "language_from_environment",
    "format_hours",
    "format_number",
    "format_plain",
    "format_percent",
    "format_rate",
    "hours_unit",
    "is_missing",
    "normalize_lang",
    "parse_number",
    "percent_decimals",
    "practice_label",
    "practice_name",
    "t",
    "unit_decimals",
]
