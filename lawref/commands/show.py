"""`lawref show ID`: one record in full, with the penalty in force at a date and its sources.

Also holds the small text helpers that `search` and `changes` reuse (penalty status at a
date, sentences in words, safe terminal links). Record text is always passed through
`output.clean`, so data can neither style nor hijack the terminal.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import sys
from typing import Annotated
from urllib.parse import quote, urlsplit

import typer

from ._common import AsOfOpt, JsonOpt, as_of, catalogue

_URL_CTRL = re.compile(r"[\x00-\x20\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


# --------------------------------------------------------------------------- text helpers


def safe_url(url: str | None) -> str | None:
    """`url` fit for a terminal hyperlink: http(s) only, no controls or spaces, percent-encoded
    so it cannot break out of rich markup or an OSC 8 sequence. None when unusable."""
    if not url or _URL_CTRL.search(url.strip()):
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    # Keep reserved characters that URLs need; encode the rest (non-ASCII, quotes, brackets).
    return quote(url, safe=":/?#@!$&'()*+,;=%~-._")


def version_words(offence, version, flag: bool = True) -> str:
    """The penalty of a version in plain words, flagged "(unverified)" unless `flag` is False."""
    from ..penalty import penalty_words

    text = penalty_words(version, offence.minimum_standard)
    return text + (" (unverified)" if flag and version.unverified else "")


def period(version) -> str:
    """`2020-06-25 to 2024-10-15`, `since 2024-10-16`, `from 2027-06-14 (not yet in force)`."""
    from ..model import Status

    if version.status is Status.PROSPECTIVE:
        return f"from {version.start} (enacted, not yet in force)"
    if version.end is None:
        return f"since {version.start}"
    return f"{version.start} to {version.end}"


def status_text(offence, day: _dt.date) -> str:
    """The penalty in force on `day` in words, or why there is none (before the offence was
    created, what `compare` says: see penalty.before_creation_words)."""
    from ..penalty import before_creation_words

    v = offence.in_force(day)
    if v is not None:
        return version_words(offence, v)
    before = before_creation_words(offence, day)
    if before is not None:
        return before
    ended = [p.end for p in offence.penalties if p.end is not None and p.end < day]
    if ended:
        return f"not in force (ended {max(ended)})"
    return "not in force"


def pending(offence, day: _dt.date) -> list:
    """Versions not in force on `day` that come after it, already enacted on `day` (promulgated
    by then; without a promulgation date, only versions recorded as enacted but not in force,
    `status: prospective`, even past their expected date). A law passed after `day` was not
    known then: the timeline still lists it."""
    from ..model import Status

    def superseded(v) -> bool:
        # A prospective version that never took effect: a later version has been in force since.
        return any(x.start > v.start and x.start <= day and x.status is not Status.PROSPECTIVE for x in offence.penalties)

    return [
        v for v in offence.penalties
        if (v.start > day or (v.status is Status.PROSPECTIVE and not v.covers(day) and not superseded(v))) and v.enacted_by(day)
    ]


def upcoming_text(offence, day: _dt.date) -> list[str]:
    """Announcements of enacted changes after `day`: `from 2027-06-14: ...`."""
    from ..penalty import penalty_words, with_variants

    out = []
    for v in pending(offence, day):
        if v.status.value != "prospective":
            tag = ""
        elif v.start > day:
            tag = " (enacted, not yet in force)"
        else:
            tag = " (expected date; recorded as enacted but not yet in force, check the current law)"
        words = version_words(offence, v)
        now = offence.in_force(day)
        if now is not None and penalty_words(now, offence.minimum_standard) == penalty_words(v, offence.minimum_standard):
            words = with_variants(words, v)  # only a variant changes: say which
        out.append(f"from {v.start}{tag}: {words}")
    return out


def case_brief(case, day: _dt.date | None = None) -> str:
    """One line on a case: its latest sentence or latest step on or before `day`."""
    st = case.status_on(day)
    status = f"case, {st}" if st else "case"
    if day is not None and case.latest(day) is None and case.proceedings:
        return "case: no proceedings yet"  # the date of the first would tell the future
    p = case.final_sentence(day, main_only=True)
    if p is not None:
        from ..penalty import ruling_words

        # The sentences standing then: separate cases of the same defendant stand together.
        mine = [q for q in case.standing(day or _dt.date.max)[0] if q.defendant == p.defendant] or [p]
        parts = []
        for q in mine:
            flag = " (unverified)" if q.unverified else ""
            parts.append(f"{ruling_words(q)}{flag} ({q.date})")
        who = f"{p.defendant}: " if p.defendant else ""
        return f"{status}: {who}{' + '.join(parts)}{_others_words(case, day, p.defendant)}"
    # The latest step with an outcome (a denied motion, "other", says less than a conviction).
    p = case.last_outcome(day) or case.latest(day)
    if p is not None:
        step = p.outcome if p.outcome and p.outcome not in ("other", "pending") else p.level
        return f"{status}: {step} ({p.date})"
    return status


def _others_words(case, day: _dt.date | None, shown: str | None) -> str:
    """`; +2 other defendants` when proceedings on or before `day` name defendants besides
    the one whose sentence a one-line summary gives (`shown`; None: the case's own)."""
    shown = shown or case.defendant.name
    named = dict.fromkeys(p.defendant or case.defendant.name for p in case.proceedings if day is None or p.date <= day)
    n = len([d for d in named if d != shown])
    return f"; +{n} other defendant{'s' if n != 1 else ''}" if n else ""


def co_defendants(case) -> list[str]:
    """Other defendants named in a case's proceedings than its main `defendant`, in order."""
    main = case.defendant.name
    return list(dict.fromkeys(p.defendant for p in case.proceedings if p.defendant and p.defendant != main))


# --------------------------------------------------------------------------- command


def show(
    ctx: typer.Context,
    record_id: Annotated[str, typer.Argument(metavar="ID", help="A record id, e.g. kr/sexual-crimes-act/14-2.1 (see `lawref search`).")],
    as_of_: AsOfOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show one offence or case in full, with the penalty in force on a date.

    For an offence: instrument and article, the penalty in force on --as-of in words, changes
    already enacted but not yet in force, the timeline of every version (the one in force
    marked), aggravated variants, related offences and cases citing it. For a case: the
    defendant and reported ages, and the proceedings court by court with sentences and
    orders. Then the numbered sources with the date they were last checked, and the data pack
    the record came from. Unverified facts are flagged. Text naming exactly one record (an
    article, alias or name only it has) shows that record; an unknown id exits 2 with the
    closest ids.

    Example: lawref show kr/sexual-crimes-act/14-2.1 --as-of 2024-01-01
    """
    day = as_of(as_of_)
    from ..dates import future_note

    if (later := future_note(day)) is not None:
        sys.stderr.write(f"show: {later}\n")
    if not record_id.strip():
        from ..errors import UsageError

        raise UsageError("show: give an ID, e.g. kr/sexual-crimes-act/14-2.1 (find one with `lawref search WORDS`)")
    cat = catalogue(ctx, full=False)  # check only this record's file, not every file
    rec = _record(cat, record_id)
    if as_json:
        from ..output import emit_json

        emit_json(show_json(cat, rec, day))
        return
    from ..model import Offence

    doc = _Doc()
    if isinstance(rec, Offence):
        _offence(doc, cat, rec, day)
    else:
        _case(doc, cat, rec, day, explicit=as_of_ is not None)
    _sources(doc, rec)
    _pack(doc, cat, rec)
    doc.print()


def register(app: typer.Typer) -> None:
    app.command(name="show")(show)


def _record(cat, text: str):
    """The record with id `text`, else the one record `text` names exactly (said on stderr).
    Raises UnknownRecord (exit 2, with suggestions) otherwise."""
    from ..search import find_record

    rec, read_as = find_record(cat, text)
    if read_as is not None:

        from ..output import plain

        sys.stderr.write(f"show: {plain(text)!r} is not an id; showing {read_as}, the one record it names\n")
    return rec


def show_json(cat, rec, day: _dt.date) -> dict:
    """The record with YAML field names, plus `pack` and `file`, and for offences `as_of`,
    `in_force` (the version in force, or None), `upcoming` (versions after the date, and
    prospective ones) and `cited_by` (ids of cases citing it)."""
    from ..model import Offence
    from ..serialize import record_to_dict, version_to_dict

    out = record_to_dict(rec)
    if isinstance(rec, Offence):
        out["as_of"] = day.isoformat()
        out["in_force"] = version_to_dict(rec.in_force(day))
        out["upcoming"] = [version_to_dict(v) for v in pending(rec, day)]
        out["cited_by"] = [c.id for c in cat.cases_citing(rec.id)]
    pack_name, rel = _pack_file(cat, rec)
    out["pack"] = pack_name
    out["file"] = rel
    return out


# --------------------------------------------------------------------------- layout


class _Doc:
    """Lines of rich markup; record text is escaped with `clean` before it gets here."""

    def __init__(self) -> None:
        from ..output import is_tty

        self.lines: list[str] = []
        self.tty = is_tty()
        self.refs: dict[str, int] = {}  # source url -> number
        self.sources: list = []

    def add(self, markup: str = "") -> None:
        self.lines.append(markup)

    def heading(self, text: str) -> None:
        if self.lines and self.lines[-1] != "":
            self.add()
        self.add(f"[bold]{text}[/bold]")

    def cite(self, sources) -> str:
        """`[1][2]` for these sources, numbering new ones in order of appearance."""
        nums = []
        for s in sources:
            if s.url not in self.refs:
                self.sources.append(s)
                self.refs[s.url] = len(self.sources)
            n = self.refs[s.url]
            if n not in nums:
                nums.append(n)
        return "".join(f"\\[{n}]" for n in nums)

    def flag(self, unverified: bool) -> str:
        return " [bold yellow](unverified)[/bold yellow]" if unverified else ""

    def link(self, url: str) -> str:
        from ..output import clean

        safe = safe_url(url)
        if safe and self.tty:
            return f"[link={safe}]{clean(url)}[/link]"
        return clean(url)

    def print(self) -> None:
        from ..output import console

        con = console()
        for line in self.lines:
            con.print(line.rstrip(), highlight=False)


def _c(text) -> str:
    from ..output import clean

    return clean(text)


def _indent(text: str, n: int = 4) -> str:
    pad = " " * n
    return "\n".join(pad + line for line in _c(text).splitlines())


def _offence(doc: _Doc, cat, o, day: _dt.date) -> None:
    from ..jurisdictions import name

    ins = o.instrument
    doc.add(f"[bold]{_c(o.title)}[/bold]")
    art = _c(o.citation)
    full = f" — {_c(ins.title)}" if ins.short and ins.short != ins.title else ""
    doc.add(f"{art}{full}")
    native = " · ".join(_c(x) for x in (ins.native_title, o.native_offence) if x and x != ins.title)
    if native:
        doc.add(native)
    doc.add(f"[dim]{_c(o.jurisdiction)} ({_c(name(o.jurisdiction))}) · offence · {_c(o.id)}[/dim]")
    if ins.citation:
        doc.add(f"[dim]{_c(ins.citation)}[/dim]")
    doc.add()
    doc.add(_c(o.offence))

    doc.heading(f"Penalty on {day}")
    v = o.in_force(day)
    if v is not None:
        doc.add(f"[green]{_c(version_words(o, v, flag=False))}[/green] {doc.cite(v.sources)}{doc.flag(v.unverified)}")
        doc.add(f"  in force {_c(period(v))}")
    else:
        doc.add(f"[red]{_c(status_text(o, day))}[/red]")
    for text in upcoming_text(o, day):
        doc.add(f"[yellow]{_c(text[:1].upper() + text[1:])}[/yellow]")
    if o.minimum_standard:
        deadline = f"; transposition deadline {o.transposition_deadline}" if o.transposition_deadline else ""
        doc.add(f"Minimum standard: the penalties are the least each member state must provide{_c(deadline)}.")

    doc.heading("Timeline")
    for pv in o.penalties:
        current = v is pv
        mark = "*" if current else " "
        label = " [green](in force)[/green]" if current else ""
        doc.add(f"{mark} {_c(period(pv))}: {_c(version_words(o, pv, flag=False))} {doc.cite(pv.sources)}{label}{doc.flag(pv.unverified)}")
        if pv.promulgated and pv.promulgated != pv.start:
            doc.add(f"    promulgated {pv.promulgated}")
        if pv.note:
            doc.add(f"[dim]{_indent(pv.note)}[/dim]")
        for a in pv.aggravated:
            from ..penalty import penalty_words

            words = penalty_words(a, o.minimum_standard) if (a.prison or a.fine) else "see the note below"
            doc.add(f"    aggravated, {_c(a.label)}: {_c(words)} {doc.cite(a.sources)}{doc.flag(a.unverified)}")
            if a.note:
                doc.add(f"[dim]{_indent(a.note, 6)}[/dim]")

    if o.related:
        doc.heading("Related offences")
        for rid in o.related:
            r = cat.records.get(rid)
            if r is None:
                doc.add(f"  {_c(rid)} [dim](not in the catalogue)[/dim]")
            elif hasattr(r, "in_force"):
                doc.add(f"  {_c(rid)}  {_c(r.title)} — {_c(status_text(r, day))}")
            else:
                doc.add(f"  {_c(rid)}  {_c(r.title)}")

    cases = cat.cases_citing(o.id)
    if cases:
        doc.heading("Cases citing this offence")
        for c in cases:
            doc.add(f"  {_c(c.id)}  {_c(c.title)} — {_c(case_brief(c, day))}")

    if o.notes:
        doc.heading("Notes")
        doc.add(_indent(o.notes, 2))


def _case(doc: _Doc, cat, c, day: _dt.date, explicit: bool) -> None:
    from ..jurisdictions import name
    from ..penalty import is_civil, ruling_words

    doc.add(f"[bold]{_c(c.title)}[/bold]")
    st = c.status_on(day)
    if st is None:
        status = " · no proceedings yet" if c.latest(day) is None else ""
    else:
        status = f" · {_c(st)}" + (f" on {day}" if st != c.status and day != _dt.date.today() else "")
    doc.add(f"[dim]{_c(c.jurisdiction)} ({_c(name(c.jurisdiction))}) · case{status} · {_c(c.id)}[/dim]")
    d = c.defendant
    who = _c(d.name) + (f" ({_c(d.native_name)})" if d.native_name else "") + (f", born {d.born}" if d.born else "")
    doc.add(f"Defendant: {who} {doc.cite(d.sources)}".rstrip())
    others = co_defendants(c)
    if others:
        doc.add(f"Co-defendants (each in the proceedings below): {_c(', '.join(others))}")
    if d.ages:
        doc.add("Reported ages:")
        for a in d.ages:
            when = f" on {a.date}" + (" (after the --as-of date)" if a.date > day else "") if a.date else ""
            doc.add(f"  {a.age}{when} {doc.cite(a.sources)}{doc.flag(a.unverified)}")
            if a.note:
                doc.add(f"[dim]{_indent(a.note)}[/dim]")
    doc.add()
    doc.add(_c(c.summary))
    if any(p.date > day for p in c.proceedings):
        doc.add(f"[dim](The summary tells the case as known today; the proceedings below are as of {day}.)[/dim]")

    if c.offences:
        doc.heading("Offences")
        for oid in c.offences:
            o = cat.records.get(oid)
            if o is None:
                doc.add(f"  {_c(oid)} [dim](not in the catalogue)[/dim]")
            else:
                doc.add(f"  {_c(oid)}  {_c(o.title)} ({_c(getattr(o, 'citation', ''))})")

    doc.heading("Proceedings")
    for p in c.proceedings:
        later = " [dim](after the --as-of date)[/dim]" if explicit and p.date > day else ""
        final = " [bold](final)[/bold]" if p.final else ""
        what = ", ".join(_c(x) for x in (p.level.replace("-", " "), p.outcome) if x)
        whose = f" — {_c(p.defendant)}" if others and p.defendant else ""
        doc.add(f"  {p.date}  {_c(p.court)} — {what}{whose}{final} {doc.cite(p.sources)}{later}{doc.flag(p.unverified)}")
        if p.case_number:
            doc.add(f"    case number {_c(p.case_number)}")
        if p.sentence is not None:
            label = "Ordered" if is_civil(p) else "Sentence"  # a civil penalty is no sentence
            doc.add(f"    {label}: [green]{_c(ruling_words(p))}[/green]")
            if p.sentence.note:
                doc.add(f"[dim]{_indent(p.sentence.note, 6)}[/dim]")
        if p.orders:
            doc.add("    Orders:")
            for order in p.orders:
                doc.add(f"      - {_c(order)}")
        if p.description:
            doc.add(f"[dim]{_indent(p.description)}[/dim]")

    if c.notes:
        doc.heading("Notes")
        doc.add(_indent(c.notes, 2))


def _sources(doc: _Doc, rec) -> None:
    doc.cite(rec.sources)  # record-level sources after the ones cited above
    for s in rec.all_sources():
        doc.cite([s])
    if not doc.sources:
        return
    checked = max(s.accessed for s in doc.sources)
    oldest = min(s.accessed for s in doc.sources)
    span = f"last checked {checked}" + (f", oldest check {oldest}" if oldest != checked else "")
    doc.heading(f"Sources ({span})")
    for i, s in enumerate(doc.sources, 1):
        bits = [s.publisher, s.title]
        label = " — ".join(_c(b) for b in bits if b) or _c(s.url)
        meta = [f"published {s.published}"] if s.published else []
        meta += [s.kind.value, f"checked {s.accessed}"]
        doc.add(f"  \\[{i}] {label} ({', '.join(meta)})")
        doc.add(f"      {doc.link(s.url)}")


def _pack_file(cat, rec) -> tuple[str, str]:
    """The pack name and the record's file relative to the pack directory."""
    for info in cat.packs:
        if info.pack.name == rec.pack:
            try:
                return rec.pack, os.path.relpath(rec.file, info.pack.path)
            except ValueError:
                break
    return rec.pack, rec.file


def _pack(doc: _Doc, cat, rec) -> None:
    pack, rel = _pack_file(cat, rec)
    where = "the bundled data" if pack == "bundled" else f"the pack {_c(pack)}"
    doc.add()
    doc.add(f"[dim]From {where}: {_c(rel)}[/dim]")
