"""Formatting money amounts per currency (Babel / CLDR). Conversion is in lawref.money."""

from __future__ import annotations

import os

from .model import UNLIMITED, Fine

def format_amount(amount: float | int, currency: str, locale: str = "en") -> str:
    """`₩50,000,000`, `€60,000`, `A$343,500`: symbol and separators from CLDR.

    Whole amounts are shown without decimals; KRW and other zero-decimal currencies never
    show them. Results are remembered across runs (see :class:`_Memo`).
    """
    key = f"{locale}|{currency}|{amount!r}"
    got = _MEMO.get(key)
    if got is not None:
        return got
    from babel.numbers import format_currency

    whole = float(amount).is_integer()
    if whole:
        text = format_currency(amount, currency, locale=locale, format="¤#,##0", currency_digits=False)
    else:
        text = format_currency(amount, currency, locale=locale)
    _MEMO.put(key, text)
    return text


class _Memo:
    """Babel's formatted amounts, kept in the cache dir between runs.

    Loading Babel's locale data costs about 20 ms, more than the rest of `show`'s own work;
    the amounts a catalogue shows are few and repeat. The file is keyed by the installed Babel
    (path, size and mtime of its package), so an upgrade starts afresh; it is written once at
    exit when something was added, atomically; a damaged file, or a value that is not a short
    string free of control characters, is ignored. `--no-cache` turns it off (:func:`disable_memo`).
    """

    MAX = 2000
    NAME = "amounts-memo.json"

    def __init__(self) -> None:
        self.enabled = True
        self.entries: dict[str, str] | None = None
        self.stamp = ""
        self.dirty = False

    def _load(self) -> dict[str, str]:
        self.entries = {}
        try:
            import importlib.util
            import json

            from .cache import cache_dir

            spec = importlib.util.find_spec("babel")
            st = os.stat(spec.origin)
            self.stamp = f"{spec.origin}:{st.st_size}:{st.st_mtime_ns}"
            self.path = cache_dir() / self.NAME
            data = json.loads(self.path.read_bytes())
            if isinstance(data, dict) and data.get("babel") == self.stamp and isinstance(data.get("entries"), dict):
                self.entries = {k: v for k, v in data["entries"].items() if isinstance(k, str) and _printable(v)}
        except Exception:  # noqa: BLE001 - no memo: format with Babel
            pass
        return self.entries

    def get(self, key: str) -> str | None:
        if not self.enabled:
            return None
        entries = self.entries if self.entries is not None else self._load()
        return entries.get(key)

    def put(self, key: str, text: str) -> None:
        if not self.enabled or not self.stamp or self.entries is None:
            return
        if len(self.entries) >= self.MAX:
            self.entries.clear()
        self.entries[key] = text
        if not self.dirty:
            import atexit

            atexit.register(self.save)
            self.dirty = True

    def save(self) -> None:
        if not (self.dirty and self.enabled):
            return
        self.dirty = False
        try:
            import json

            from .files import atomic_write_bytes

            atomic_write_bytes(self.path, json.dumps({"babel": self.stamp, "entries": self.entries}, ensure_ascii=False).encode())
        except Exception:  # noqa: BLE001 - an unwritable cache dir only costs speed
            pass


def _printable(value) -> bool:
    """A short string without control characters (Babel's output may hold no-break spaces)."""
    return isinstance(value, str) and 0 < len(value) <= 64 and not any(c < " " or "\x7f" <= c <= "\x9f" for c in value)


_MEMO = _Memo()


def disable_memo() -> None:
    """Format every amount with Babel and keep nothing on disk (`--no-cache`)."""
    _MEMO.enabled = False


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
