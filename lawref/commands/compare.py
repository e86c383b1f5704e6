"""`lawref compare`: offences side by side across jurisdictions, fines in one currency."""

from __future__ import annotations

import sys
from typing import Annotated, List

import typer

from ._common import AsOfOpt, CsvOpt, CurrencyOpt, JsonOpt, JurisdictionOpt, as_of, catalogue, jurisdictions, note_coverage, state

SortOpt = Annotated[
    str,
    typer.Option("--sort", metavar="KEY", help="Order rows by jurisdiction (grouped), prison (highest maximum first; a maximum that only a general cap sets, as Korea's 30 years under Criminal Act Art. 42 for \"at least 3 years\", counts as that maximum, and equal maxima put the higher minimum first) or fine (highest converted maximum first)."),
]

COMBINE_WORDS = {"or": "or", "and": "and", "and/or": "and/or"}
TABLE_HEADERS = ["Jur.", "Offence [source]", "Max prison", "Min prison", "", "Max fine", "Fine in {cur}", "Since"]
# Content widths on a terminal; the offence column takes the rest (fits 100 columns).
_WIDTHS = {0: 6, 2: 8, 3: 7, 4: 6, 5: 11, 6: 11, 7: 10}
CSV_HEADERS = [
    "id", "variant", "jurisdiction", "instrument", "article", "conduct", "status", "status_text",
    "prison_max_months", "prison_min_months", "prison_max_basis", "combine", "fine_max", "fine_currency",
    "fine_converted", "converted_currency", "rate", "rate_date", "rate_source", "conversion_note",
    "in_force_from", "in_force_until", "minimum_standard", "transposition_deadline", "unverified",
    "note", "sources", "penalty_since", "aggravates", "circumstances",
]  # fmt: skip


def compare(
    ctx: typer.Context,
    query: Annotated[List[str], typer.Argument(metavar="TOPIC|ID...", help="A tag or search phrase (e.g. deepfake), or offence/case ids.")],
    as_of_: AsOfOpt = None,
    currency: CurrencyOpt = "USD",
    jurisdiction: JurisdictionOpt = None,
    sort: SortOpt = "jurisdiction",
    as_csv: CsvOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Compare statutory penalties for a topic or for given offences across jurisdictions.

    One row per offence in force on the --as-of date (aggravated variants below it), with
    maximum and minimum prison, the maximum fine in its own currency and converted to
    --currency at the ECB reference rate of that date (or the latest before it). Offences
    not yet in force show "no specific offence before DATE". Cases citing the offences are
    listed apart as notable sentences: the table shows statutory ranges, not typical
    sentences.

    Example: lawref compare deepfake --as-of 2025-06-01 --currency EUR
    """
    from ..compare import compare as run
    from ..money import RateTable

    if as_json and as_csv:
        from ..errors import UsageError

        raise UsageError("compare: choose one of --json and --csv")
    day = as_of(as_of_)
    cat = catalogue(ctx)
    # rates.yaml of every pack in use; --no-cache also bypasses the parsed-rates cache.
    rates = RateTable.for_packs([p.pack.path for p in cat.packs], use_cache=not state(ctx).get("no_cache"))
    chosen = jurisdictions(jurisdiction)
    result = run(cat, query, day, currency=currency, jurisdictions=chosen, sort=sort.strip().lower(), rates=rates)
    from ..output import plain

    for remark in result.remarks:
        sys.stderr.write(f"compare: {plain(remark)}\n")
    note_coverage(cat, result.jurisdictions)
    if as_json:
        from ..output import emit_json

        emit_json(result.json())
    elif as_csv:
        from ..output import csv_out

        csv_out(CSV_HEADERS, [_csv_row(r) for r in result.rows])
    else:
        _print(result)


def register(app: typer.Typer) -> None:
    app.command(name="compare")(compare)


# --------------------------------------------------------------------------- cells


def _prison(term, minimum_standard: bool = False) -> str:
    if term is None:
        return ""
    text = "life" if term.life else term.words()
    return f"at least {text}" if minimum_standard else text


def _fine(row) -> str:
    from ..money import format_fine_max

    if row.fine is None:
        return ""
    if row.fine.max is None and row.fine.min:
        from ..money import format_amount

        return f"at least {format_amount(row.fine.min, row.fine.currency or '')}"
    return format_fine_max(row.fine) or ""


def _converted(row, notes: "_Notes") -> str:
    from ..money import Conversion, NoConversion

    c = row.converted
    if isinstance(c, Conversion):
        if c.source == "same currency":
            return c.text()
        src = "ECB" if c.source == "ECB reference rate" else c.source
        text = f"{c.text()}\n{c.rate_text()}\n{src} {c.rate_date.isoformat()}"
        if c.note:
            text += f" [{notes.add(c.note)}]"
        return text
    if isinstance(c, NoConversion):
        return f"not converted [{notes.add(c.reason)}]"
    if row.fine is not None and row.fine.unlimited:
        return "unlimited"
    return ""


def _prison_max(row) -> str:
    text = _prison(row.prison_max, row.minimum_standard)
    if text and row.prison_max_basis:
        return f"{text} (general cap)"
    return text or ("none stated" if row.prison_min else ("term not recorded" if row.combine and row.fine else ""))


def _offence(row, notes: "_Notes", ref: str, aggravation: str | None = None) -> str:
    if row.is_variant:
        text = f"+ aggravated: {row.variant}"
        if ref:
            text += f" [{ref}]"
        if row.prison_max is None and row.prison_min is None and row.fine is None and row.note:
            text += f"\n{row.note}"
    else:
        text = f"{row.citation}" + (f" [{ref}]" if ref else "") + f"\n{row.conduct}"
        if row.label:
            text += f"\n{row.label}"
        if aggravation:
            text += f"\n{aggravation}"
        if row.status_text:
            text += f"\n-> {row.status_text}"
    if row.unverified:
        text += "\n(unverified)"
    return text


class _Notes:
    """Numbered footnotes, each text once."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, text: str) -> int:
        if text not in self.items:
            self.items.append(text)
        return self.items.index(text) + 1


def _first_source(row):
    from ..model import SourceKind

    prim = [s for s in row.sources if s.kind is SourceKind.PRIMARY]
    return (prim or list(row.sources) or [None])[0]


def _cells(result) -> tuple[list[list[str]], list[str], list]:
    """Table rows, footnotes and the numbered sources they refer to."""
    from ..compare import aggravation_words

    notes, sources = _Notes(), []
    urls: dict[str, int] = {}
    out = []
    for r in result.rows:
        src = _first_source(r)
        ref = ""
        if src is not None:
            if src.url not in urls:
                sources.append(src)
                urls[src.url] = len(sources)
            ref = f"S{urls[src.url]}"
        since = ""
        if r.status == "in-force" and r.penalty_since:
            since = r.penalty_since.isoformat()  # when these figures took effect
        elif r.in_force_from and r.status == "not-recorded":
            since = f"recorded from {r.in_force_from.isoformat()}"
        elif r.in_force_from:
            since = f"not before {r.in_force_from.isoformat()}"
        elif r.in_force_until:
            since = f"ended {r.in_force_until.isoformat()}"
        out.append(
            [
                r.jurisdiction,
                _offence(r, notes, ref, aggravation_words(r, result.rows)),
                _prison_max(r),
                _prison(r.prison_min),
                COMBINE_WORDS.get(r.combine.value, r.combine.value) if r.combine else "",
                _fine(r),
                _converted(r, notes),
                since,
            ]
        )
    return out, notes.items, sources


def _source_line(n: int, s) -> str:
    kind = "" if s.kind.value == "primary" else f" ({s.kind.value})"
    return f"S{n}. {s.label()}{kind}, checked {s.accessed.isoformat()}: {s.url}"


def _print(result) -> None:
    from ..output import clean, console, is_tty, plain, table

    how = {"ids": "the given ids", "tag": f"tag {result.tag}", "search": "search"}[result.matched_by]
    title = f"{' '.join(result.query)}: statutory penalties as of {result.as_of.isoformat()} ({how}), fines in {result.currency}"
    rows, footnotes, sources = _cells(result)
    headers = [h.format(cur=result.currency) for h in TABLE_HEADERS]
    tty = is_tty()
    if tty:
        from rich import box
        from rich.table import Table

        # Drop columns empty in every row (often "Min prison"): width is scarce at 100.
        keep = [i for i in range(len(headers)) if i in (0, 1) or any(r[i] for r in rows)]
        t = Table(
            title=clean(title),
            box=box.SIMPLE_HEAD,
            header_style="bold",
            show_lines=True,
            pad_edge=False,
            padding=(0, 0),
            collapse_padding=True,
            title_justify="left",
        )
        # The offence column takes what the others leave (16 at least where there is room):
        # the table never runs past the terminal, where the right columns would be cut off.
        rest = console().width - sum(_WIDTHS.get(i, 0) for i in keep) - len(keep) - 1
        for i in keep:
            if i == 1:
                t.add_column(headers[i], overflow="fold", ratio=1, min_width=max(8, min(16, rest)))
            else:
                t.add_column(headers[i], overflow="fold", width=_WIDTHS.get(i))
        for r in rows:
            t.add_row(*[clean(r[i]) for i in keep], style="dim" if r[1].startswith("+ aggravated") else None)
        console().print(t)
    else:
        headers[4] = "Combine"
        table(headers, rows, title=title)

    w = sys.stdout.write
    if tty:
        con = console()

        def w(text: str) -> None:  # noqa: F811 - rich on a terminal, for wrapping
            con.print(clean(text.rstrip("\n")), soft_wrap=False)

    w("\n")
    for n in result.notes:
        w(f"* {plain(n)}\n")
    if any(r.status == "in-force" for r in result.rows):
        w("* Since: when the penalty shown took these figures (an amendment that changed only the wording or another form does not reset it).\n")
    if any(r[4] for r in rows):
        col = "The unnamed column between prison and fine" if tty else "Combine"
        w(f"* {col}: how prison and fine combine: or (one of them), and (both), and/or (either or both).\n")
    for i, text in enumerate(footnotes, 1):
        w(f"[{i}] {plain(text)}\n")
    if sources:
        w("\nSources (first primary source per row; all of them with --json or `lawref show ID`):\n")
        for i, s in enumerate(sources, 1):
            w(f"  {plain(_source_line(i, s))}\n")
    w("\nNotable sentences (actual cases, apart from the statutory ranges above):\n")
    if not result.notable:
        w("  none in the catalogue for these offences\n")
    from ..compare import by_ruling

    for n in result.notable:
        w(f"  {plain(n.jurisdiction)} {plain(n.case_id)}: {plain(n.title)}\n")
        # One line per ruling: co-defendants sentenced by other courts on other days apart.
        for group in by_ruling(n.sentences):
            state = "final" if all(s.final for s in group) else "not recorded as final"
            flag = " (unverified)" if any(s.unverified for s in group) else ""
            words = "; ".join(dict.fromkeys(s.words for s in group))
            w(f"    {plain(words)} ({plain(group[0].court)}, {group[0].date.isoformat()}, {state}){flag}\n")
        w(f"    cites {plain(', '.join(n.offences))}\n")


def _csv_row(r) -> list:
    from ..money import Conversion, NoConversion

    c = r.converted
    conv = c if isinstance(c, Conversion) else None
    note = c.reason if isinstance(c, NoConversion) else (c.note if c else None)
    fine_max = None
    if r.fine is not None and r.fine.max is not None:
        fine_max = r.fine.max
    return [
        r.id,
        r.variant or "",
        r.jurisdiction,
        r.instrument,
        r.article,
        r.conduct,
        r.status,
        r.status_text or "",
        r.prison_max.json() if r.prison_max else "",
        r.prison_min.json() if r.prison_min else "",
        r.prison_max_basis or "",
        r.combine.value if r.combine else "",
        fine_max if fine_max is not None else "",
        (r.fine.currency or "") if r.fine else "",
        conv.rounded() if conv else "",
        conv.currency if conv else "",
        conv.rate if conv else "",
        conv.rate_date.isoformat() if conv else "",
        conv.source if conv else "",
        note or "",
        r.in_force_from.isoformat() if r.in_force_from else "",
        r.in_force_until.isoformat() if r.in_force_until else "",
        "true" if r.minimum_standard else "false",
        r.transposition_deadline.isoformat() if r.transposition_deadline else "",
        "true" if r.unverified else "false",
        r.note or "",
        " ".join(s.url for s in r.sources),
        r.penalty_since.isoformat() if r.penalty_since else "",
        r.aggravates or "",
        "; ".join(r.circumstances),
    ]
