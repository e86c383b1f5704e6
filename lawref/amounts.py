"""Formatting money amounts per currency (Babel / CLDR). Conversion is in lawref.money."""

from __future__ import annotations

from .model import UNLIMITED, Fine

def format_amount(amount: float | int, currency: str, locale: str = "en") -> str:
    """`₩50,000,000`, `€60,000`, `A$343,500`: symbol and separators from CLDR.

    Whole amounts are shown without decimals; KRW and other zero-decimal currencies never
    show them.
    """
    from babel.numbers import format_currency

    whole = float(amount).is_integer()
    if whole:
        return format_currency(amount, currency, locale=locale, format="¤#,##0", currency_digits=False)
    return format_currency(amount, currency, locale=locale)


def format_fine_max(fine: Fine | None) -> str | None:
    """The maximum of a fine as text: an amount, "unlimited", or None."""
    if fine is None or fine.max is None:
        return None
    if fine.max == UNLIMITED:
        return "unlimited"
    return format_amount(fine.max, fine.currency or "")


def currency_precision(currency: str) -> int:
    """Decimal digits of `currency` in CLDR (KRW 0, USD 2); 2 when unknown."""
    from babel.numbers import get_currency_precision

    try:
        return get_currency_precision(currency)
    except Exception:  # noqa: BLE001 - babel raises various errors for unknown codes
        return 2


def format_rounded(amount: float, currency: str, locale: str = "en") -> str:
    """A converted (approximate) amount, rounded to whole units: `$37,249`."""
    return format_amount(round(amount), currency, locale)


def format_rate(rate: float, from_currency: str, to_currency: str, locale: str = "en") -> str:
    """`1 EUR = 1.0815 USD`, `1 USD = 1,342.3 KRW`: the direction whose number is >= 1.

    Five significant digits, grouped per locale (Babel).
    """
    from math import floor, log10

    from babel.numbers import format_decimal

    if rate <= 0:
        return f"1 {from_currency} = {rate} {to_currency}"
    a, b, x = (from_currency, to_currency, rate) if rate >= 1 else (to_currency, from_currency, 1 / rate)
    digits = max(0, 4 - int(floor(log10(x))))
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return f"1 {a} = {format_decimal(x, format=pattern, locale=locale)} {b}"
