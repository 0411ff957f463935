"""Numbers, durations, percentages and rates written the way each language writes them
(``3.2`` / ``3,2``; ``4.1 days`` / ``4,1 dias``)."""

from __future__ import annotations

import math

from cdsim.i18n.core import normalize_lang, t


def is_missing(x: object) -> bool:
    try:
        return x is None or math.isnan(float(x))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return True


def format_number(x: float, lang: str = "en", decimals: int = 1) -> str:
    """Format a number with the language's decimal separator (``3.2`` / ``3,2``).

    NaN -> ``"n/a"`` / ``"s/d"``.
    """
    code = normalize_lang(lang)
    if is_missing(x):
        return t("na", code)
    text = f"{float(x):,.{decimals}f}"
    if code == "pt":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def format_plain(x: float, lang: str = "en", decimals: int = 2) -> str:
    """A number with at most ``decimals`` decimals and no trailing zeros: ``3``, ``2.5``."""
    text = format_number(x, lang, decimals)
    sep = "," if normalize_lang(lang) == "pt" else "."
    return text.rstrip("0").rstrip(sep) if sep in text else text


def auto_decimals(x: float) -> int:
    """Decimals so that a value shows two to three significant digits."""
    ax = abs(x)
    if ax == 0 or ax >= 10:
        return 0
    if ax >= 1:
        return 1
    if ax >= 0.1:
        return 2
    return 3


def hours_unit(hours: float) -> str:
    """Readable unit for a duration in hours: ``"minutes"``, ``"hours"`` or ``"days"``."""
    if is_missing(hours):
        return "hours"
    if abs(hours) < 1:
        return "minutes"
    if abs(hours) < 48:
        return "hours"
    return "days"


UNIT_DIVISOR = {"minutes": 1 / 60, "hours": 1.0, "days": 24.0}
UNIT_KEY = {"minutes": "unit.minutes", "hours": "unit.hours", "days": "unit.days"}


def unit_decimals(value: float, unit: str) -> int:
    if unit == "minutes":
        return 0 if value == 0 or abs(value) >= 10 else 1
    return auto_decimals(value)


def format_hours(hours: float, lang: str = "en", unit: str | None = None) -> str:
    """Format a duration given in hours readably: ``"35 min"``, ``"3.2 h"``, ``"4.1 days"``.

    Parameters
    ----------
    hours : float
        Duration in hours; NaN -> "n/a" / "s/d".
    lang : str
        ``"en"`` or ``"pt"``.
    unit : str, optional
        Force ``"minutes"``, ``"hours"`` or ``"days"``; default: chosen from the value
        (under 1 h in minutes, under 48 h in hours, else in days).
    """
    if is_missing(hours):
        return t("na", lang)
    unit = unit or hours_unit(hours)
    value = float(hours) / UNIT_DIVISOR[unit]
    number = format_number(value, lang, unit_decimals(value, unit))
    return f"{number} {t(UNIT_KEY[unit], lang)}"


def percent_decimals(percent: float) -> int:
    """Decimals of a percentage: none from 10% up (and for 0%), one below."""
    return 0 if percent == 0 or abs(percent) >= 10 else 1


def format_percent(fraction: float, lang: str = "en") -> str:
    """Format a fraction as a percentage: ``0.125`` -> ``"12%"``, ``0.045`` -> ``"4.5%"``."""
    if is_missing(fraction):
        return t("na", lang)
    pct = float(fraction) * 100
    return f"{format_number(pct, lang, percent_decimals(pct))}%"


def format_rate(per_day: float, lang: str = "en", with_unit: bool = True) -> str:
    """Format a rate per day: ``4.1/day``, ``0.071/day``, ``12/day``."""
    if is_missing(per_day):
        return t("na", lang)
    text = format_number(per_day, lang, auto_decimals(per_day))
    return f"{text}{t('unit.per_day', lang)}" if with_unit else text


def parse_number(text: str, lang: str = "en") -> float:
    """Inverse of :func:`format_number` for one number (used by tests and widgets)."""
    code = normalize_lang(lang)
    s = text.strip()
    s = s.replace(".", "").replace(",", ".") if code == "pt" else s.replace(",", "")
    return float(s)
