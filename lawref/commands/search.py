"""`lawref search QUERY`: find offences and cases, with the penalty in force at a date."""

from __future__ import annotations

import sys

from typing import Annotated

import typer

from ._common import AsOfOpt, JsonOpt, JurisdictionOpt, as_of, catalogue, note_coverage


TagOpt = Annotated[
    list[str] | None,
    typer.Option("--tag", "-t", metavar="TAG", help="Only records carrying this tag (repeatable: all must match). See `lawref tags`."),
]
KindOpt = Annotated[str | None, typer.Option("--kind", "-k", metavar="offence|case", help="Only offences (also: offense) or only cases.")]
LimitOpt = Annotated[int, typer.Option("--limit", "-n", min=0, metavar="N", help="Show at most N results (0: all).")]


def search(
    ctx: typer.Context,
    query: Annotated[
        list[str] | None,
        typer.Argument(metavar="QUERY...", help="Words to look for: an id, article number, title, alias, name, tag (any script). Optional with a filter."),
    ] = None,
    jurisdiction: JurisdictionOpt = None,
    tag: TagOpt = None,
    kind: KindOpt = None,
    limit: LimitOpt = 10,
    as_of_: AsOfOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Search offences and cases by id, article, title, alias, name, tag or text.

    Typos, romanisation variants (Jo Ju-bin / Cho Joo-bin), native script (딥페이크, 조주빈),
    partial names, other forms of a word (pornography / porn) and any word order are found.
    Exact id, alias and article matches come first; among equals, offences in force on
    --as-of. Offences show the maximum penalty in force on --as-of (default today). A weak
    resemblance is not a match: nothing found exits 2 with the closest records, if any is
    close.

    Example: lawref search deepfake -j KR --as-of 2024-01-01

    Example: lawref search "Jo Ju-bin" --json
    """
    from .. import search as lib
    from ..errors import NoMatch, UsageError

    day = as_of(as_of_)
    from ..dates import future_note

    if (later := future_note(day)) is not None:
        sys.stderr.write(f"search: {later}\n")
    cat = catalogue(ctx)
    text = " ".join(query or []).strip()
    if len(text) > MAX_QUERY:
        raise UsageError(f"search: the query is {len(text):,} characters long; give at most {MAX_QUERY} (a few words, an article or a name)")
    if text and not jurisdiction:
        # "deepfake South Korea": the place filters, the other words search.
        text, codes, names = lib.places_in_query(cat, text)
        if codes:
            jurisdiction = sorted(codes)
            sys.stderr.write(f"search: reading {', '.join(repr(n) for n in names)} as --jurisdiction {','.join(jurisdiction)}\n")
    filters = lib.make_filters(cat, jurisdiction, tag, kind)
    note_coverage(cat, filters.jurisdictions)
    # One more than asked for, to tell the reader when there are more.
    if text:
        hits = lib.search(cat, text, filters, limit=limit + 1 if limit else None, day=day)
    elif filters != lib.Filters():
        hits = lib.listing(cat, filters, limit=limit + 1 if limit else None, day=day)
    else:
        raise UsageError("search: give a QUERY, or a filter (--jurisdiction, --tag, --kind) to list records")
    if not hits:
        ids, wider = _closest(cat, lib, text, filters)
        if as_json:
            from ..output import emit_json

            emit_json([])  # a script reading the JSON gets a list; the exit code says none
        if not text:
            raise NoMatch(_described(text, filters), message=_unmet(cat, lib, filters))
        raise NoMatch(_described(text, filters), ids, without_filters=wider)
    more = bool(limit) and len(hits) > limit
    hits = hits[:limit] if limit else hits
    if as_json:
        from ..output import emit_json

        emit_json([hit_json(h, day) for h in hits])
        return
    _table(hits, day)
    if more:
        sys.stderr.write(f"search: more than {limit} match{'es' if limit != 1 else ''}; --limit 0 shows them all, or narrow with -j, --tag or --kind\n")


MAX_QUERY = 500  # characters: far beyond any real query; fuzzy matching a book would take minutes


def register(app: typer.Typer) -> None:
    app.command(name="search")(search)


def hit_json(hit, day) -> dict:
    """{"id", "kind", "jurisdiction", "title", "score", "match"} plus "in_force" for offences."""
    from ..serialize import in_force_dict

    rec = hit.record
    out = {"id": rec.id, "kind": rec.kind, "jurisdiction": rec.jurisdiction, "title": rec.title, "score": hit.score, "match": hit.match}
    if rec.kind == "offence":
        out["in_force"] = in_force_dict(rec, day)
    return out


def _table(hits, day) -> None:
    from ..output import table
    from .show import case_brief, status_text

    rows = []
    for h in hits:
        rec = h.record
        info = status_text(rec, day) if rec.kind == "offence" else case_brief(rec, day)
        rows.append([rec.id, rec.jurisdiction, rec.title, info])
    table(["id", "jurisdiction", "title", f"penalty on {day}"], rows, widths={1: 8}, whole=(0,), labels={1: "jur."})


def _described(text: str, filters) -> str:
    bits = [text] if text else []
    if filters.jurisdictions:
        bits.append("-j " + ",".join(sorted(filters.jurisdictions)))
    if filters.tags:
        bits.append("--tag " + ",".join(sorted(filters.tags)))
    if filters.kind:
        bits.append(f"--kind {filters.kind}")
    return " ".join(bits)


def _unmet(cat, lib, filters) -> str:
    """Why a listing is empty: the filters, and how many records each one alone passes."""
    alone = []
    for name in ("jurisdictions", "tags", "kind"):
        if getattr(filters, name):
            one = lib.Filters(**{name: getattr(filters, name)})
            n = len(lib.listing(cat, one))
            alone.append(f"{_described('', one)} alone: {n} record{'s' if n != 1 else ''}")
    return f"no record passes all of {_described('', filters)} ({'; '.join(alone)})"


def _closest(cat, lib, text: str, filters) -> tuple[list[str], bool]:
    """Suggestions, and whether they are matches found without the filters (else the nearest
    ids, titles and aliases)."""
    if text and filters != lib.Filters():
        wider = lib.search(cat, text, limit=3)
        if wider:
            return [h.id for h in wider], True
    return (lib.suggest(cat, text or "", 3) if text else []), False
