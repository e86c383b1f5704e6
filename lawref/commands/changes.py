"""`lawref changes`: penalty changes in a period (new offences, raised or lowered penalties)."""

from __future__ import annotations

from typing import Annotated

import typer

from ._common import JsonOpt, JurisdictionOpt, catalogue, note_coverage

SinceOpt = Annotated[str | None, typer.Option("--since", metavar="DATE", help="Only changes taking effect on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY).")]
UntilOpt = Annotated[str | None, typer.Option("--until", metavar="DATE", help="Only changes taking effect on or before DATE. Default: no end (enacted future changes too).")]
TagOpt = Annotated[list[str] | None, typer.Option("--tag", "-t", metavar="TAG", help="Only offences carrying this tag (repeatable: all must match).")]

CHANGE_WORDS = {
    "new-offence": "new offence",  # the first version created the offence (`created`)
    "first-recorded": "first recorded",  # where the record's history begins; it may be older
    "raised": "raised",
    "lowered": "lowered",
    "changed": "changed",
    "repealed": "repealed",
}


def changes(
    ctx: typer.Context,
    since: SinceOpt = None,
    until: UntilOpt = None,
    jurisdiction: JurisdictionOpt = None,
    tag: TagOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List penalty changes in a period, newest first: new offences, raised or lowered
    maxima and minima, repeals.

    Each change compares a penalty version with the one before it. An offence's first
    version is a "new offence" when the record says it created the offence, else "first
    recorded" (where the record's history begins; the offence may be older). A change only
    to an aggravated variant counts too. Changes enacted but not yet in force are
    marked. --since 2024 means from 2024-01-01; --until 2024 means to 2024-12-31.

    Example: lawref changes --since 2024-01-01 -j KR
    """
    import datetime as _dt

    from .. import changes as lib
    from ..dates import parse_date
    from ..errors import UsageError
    from ..search import make_filters

    start = _period_start(since) if since else None
    end = parse_date(until, "--until") if until else None
    if start and end and start > end:
        raise UsageError(f"--since {start} is after --until {end}")
    cat = catalogue(ctx)
    filters = make_filters(cat, jurisdiction, tag, "offence")
    note_coverage(cat, filters.jurisdictions)
    found = lib.changes((o for o in cat.offences if filters.allows(o)), start, end)
    if as_json:
        from ..output import emit_json

        emit_json([change_json(c) for c in found])
        return
    if not found:
        from ..output import plain

        if start and end:
            span = f"between {start} and {end}"
        else:
            span = f"since {start}" if start else f"until {end}" if end else "in the catalogue"
        typer.echo(plain(f"No penalty changes {span}."))
        return
    _table(found, _dt.date.today())


def register(app: typer.Typer) -> None:
    app.command(name="changes")(changes)


def _period_start(text: str):
    """The first day of `text` (a year, a month or a date)."""
    import datetime as _dt

    from ..dates import parse_date

    t = text.strip()
    day = parse_date(t, "--since")
    if len(t) == 4 and t.isdigit():
        return _dt.date(day.year, 1, 1)
    if len(t) == 7 and t[4] == "-":
        return day.replace(day=1)
    return day


def change_json(c) -> dict:
    """{"date", "id", "jurisdiction", "title", "change", "before", "after", "prospective", "unverified"}."""
    from ..serialize import version_to_dict

    o = c.offence
    return {
        "date": c.date.isoformat(),
        "id": o.id,
        "jurisdiction": o.jurisdiction,
        "title": o.title,
        "change": c.kind,
        "before": version_to_dict(c.before),
        "after": version_to_dict(c.after),
        "prospective": c.prospective,
        "unverified": c.unverified,
    }


def _table(found, today) -> None:
    from ..output import table
    from ..penalty import penalty_words, with_variants
    from .show import version_words

    rows = []
    for c in found:
        o = c.offence
        kind = CHANGE_WORDS.get(c.kind, c.kind)
        if c.prospective or c.date > today:
            kind += " (not yet in force)"
        before = version_words(o, c.before) if c.before is not None else "-"
        after = version_words(o, c.after) if c.after is not None and c.kind != "repealed" else "-"
        if c.before is not None and c.after is not None and penalty_words(c.before) == penalty_words(c.after):
            # Only an aggravated variant changed: show the variants.
            before, after = with_variants(before, c.before), with_variants(after, c.after)
        rows.append([c.date.isoformat(), o.id, o.jurisdiction, kind, before, after])
    table(["date", "id", "jurisdiction", "change", "before", "after"], rows, widths={1: 30, 2: 8, 3: 12}, whole=(0, 1), labels={2: "jur."})

