"""Money: formatting amounts per currency (Babel / CLDR) and dated conversion (ECB rates)."""

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
