"""Options and helpers shared by every command (declared once, reused)."""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, List, Optional

import typer

JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON on stdout (documented in the README).")]
CsvOpt = Annotated[bool, typer.Option("--csv", help="CSV on stdout, for spreadsheets.")]
AsOfOpt = Annotated[
    Optional[str],
    typer.Option("--as-of", metavar="DATE", help="Answer as the law stood on DATE: YYYY-MM-DD (YYYY-MM or YYYY mean the last day of that month or year). Default: today."),
]
JurisdictionOpt = Annotated[
    Optional[List[str]],
    typer.Option("--jurisdiction", "-j", metavar="CODE", help="Only this jurisdiction (repeatable, case-insensitive): KR, FR, GB-EAW, US, AU, EU."),
]
CurrencyOpt = Annotated[str, typer.Option("--currency", metavar="CODE", help="Convert fines to this ISO 4217 currency.")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Overwrite an existing output file.")]


def state(ctx: typer.Context) -> dict:
    """The global options set by the app callback."""
    root = ctx.find_root()
    if root.obj is None:
        root.obj = {"data": [], "no_cache": False}
    return root.obj


def catalogue(ctx: typer.Context, full: bool = True):
    """Load the catalogue once per process, honouring --data and --no-cache.

    `full=False` (for `show ID`) checks directories now and each record's file when it is
    read, instead of stat-ing every file up front (see lawref.cache).
    """
    st = state(ctx)
    if "catalogue" not in st:
        import os

        from ..catalog import load_catalogue
        from ..errors import UsageError

        for d in st.get("data") or []:
            if not os.path.isdir(os.path.expanduser(d)):
                raise UsageError(f"--data {d}: not a directory (a data pack is a directory of YAML records)")

        cat = load_catalogue(st.get("data") or [], use_cache=not st.get("no_cache"), full=full)
        st["catalogue"] = cat
        if cat.file_problems and not st.get("quiet_problems"):
            from ..output import warn

            n = len(cat.file_problems)
            warn(f"{n} problem{'s' if n != 1 else ''} in the data packs; records with errors were skipped (run `lawref validate`)")
    return st["catalogue"]


def as_of(value: Optional[str]) -> _dt.date:
    from ..dates import parse_date

    return parse_date(value)


def note_coverage(cat, codes) -> None:
    """Warn (stderr) for each chosen place whose own law the catalogue does not hold."""
    if codes:
        import sys

        from ..output import plain
        from ..search import coverage_notes

        for n in coverage_notes(cat, codes):
            sys.stderr.write(f"lawref: note: {plain(n)}\n")


def jurisdictions(values: Optional[List[str]]) -> set[str] | None:
    """The codes -j values give (places read as codes), or None for all. UsageError for an
    empty value."""
    from ..places import option_codes

    codes = option_codes(values)
    return set(codes) if codes else None
