"""Parsing user-supplied dates (`--as-of`, `--since`)."""

from __future__ import annotations

import datetime as _dt

from .errors import UsageError


def today() -> _dt.date:
    return _dt.date.today()


def parse_date(text: str | None, option: str = "--as-of") -> _dt.date:
    """`YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `today` -> a date. Raises UsageError."""
    if text is None or text.strip().lower() in ("today", "now"):
        return today()
    if not text.strip():
        # An empty value is a script's unset variable, not a request for today.
        raise UsageError(f"{option}: empty; give a date (YYYY-MM-DD, YYYY-MM or YYYY) or 'today'")
    t = text.strip()
    try:
        if len(t) == 4 and t.isdigit():
            return _dt.date(int(t), 12, 31)
        if len(t) == 7 and t[4] == "-" and t[:4].isdigit() and t[5:].isdigit():
            y, m = int(t[:4]), int(t[5:])
            _dt.date(y, m, 1)  # raises for a month outside 1-12
            nxt = _dt.date(y + (m == 12), m % 12 + 1, 1)
            return nxt - _dt.timedelta(days=1)
        return _dt.date.fromisoformat(t)
    except (ValueError, OverflowError):
        raise UsageError(f"{option}: not a valid date {text!r}; use YYYY-MM-DD (e.g. 2024-10-16), YYYY-MM or YYYY") from None


def future_note(as_of: _dt.date, today_: _dt.date | None = None) -> str | None:
    """A caveat for a date after today: the law is as recorded now, and what is passed
    later is unknown. None for today or earlier."""
    now = today_ or today()
    if as_of <= now:
        return None
    return (
        f"{as_of.isoformat()} is after today ({now.isoformat()}): this is the law as recorded today, "
        "with changes already enacted; amendments made later are unknown."
    )
