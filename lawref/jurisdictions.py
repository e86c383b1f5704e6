"""Jurisdiction and currency codes (ISO 3166 / ISO 4217 via pycountry), and their names."""

from __future__ import annotations

from functools import lru_cache

# Codes outside ISO 3166 that legal data needs.
EXTRA = {
    "EU": "European Union",
    "GB-EAW": "England and Wales",
    "GB-GBN": "Great Britain",
    "GB-UKM": "United Kingdom",
}

# Shorter names than ISO's formal ones, for tables.
_SHORT = {"KR": "South Korea", "US": "United States", "GB": "United Kingdom", "KP": "North Korea"}


def within(code: str, wanted) -> bool:
    """True when `code` is one of `wanted` or a subdivision of one (`US` selects `US-CA`,
    `GB` selects `GB-EAW`). Codes are compared in upper case."""
    code = code.upper()
    return any(code == j or code.startswith(j + "-") for j in wanted)


def applies_in(code: str, wanted) -> bool:
    """True when a record of jurisdiction `code` is law in one of the places `wanted`: the
    place itself, a subdivision of it (`US` selects `US-CA`), or a level above it whose law
    reaches it (federal `US` law applies in `US-CA`, UK-wide `GB` law in `GB-EAW`)."""
    code = code.upper()
    return any(code == j or code.startswith(j + "-") or j.startswith(code + "-") for j in wanted)


@lru_cache(maxsize=None)
def name(code: str) -> str:
    """A readable English name for a jurisdiction code ("KR" -> "South Korea")."""
    code = code.upper()
    if code in EXTRA:
        return EXTRA[code]
    if code in _SHORT:
        return _SHORT[code]
    import pycountry

    if "-" in code:
        sub = pycountry.subdivisions.get(code=code)
        if sub is not None:
            parent = name(code.split("-")[0])
            return f"{sub.name} ({parent})"
        return code
    c = pycountry.countries.get(alpha_2=code)
    if c is None:
        return code
    return getattr(c, "common_name", None) or c.name


@lru_cache(maxsize=None)
def is_known(code: str) -> bool:
    """True for an ISO 3166-1 alpha-2 or ISO 3166-2 code, or one of EXTRA."""
    if code != code.upper():
        return False
    if code in EXTRA:
        return True
    import pycountry

    if "-" in code:
        return pycountry.subdivisions.get(code=code) is not None
    return len(code) == 2 and pycountry.countries.get(alpha_2=code) is not None


@lru_cache(maxsize=None)
def is_currency(code: str) -> bool:
    """True for an ISO 4217 alphabetic code."""
    if len(code) != 3 or code != code.upper():
        return False
    import pycountry

    return pycountry.currencies.get(alpha_3=code) is not None
