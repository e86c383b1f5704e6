"""`lawref check`: fact-check penalty and case claims, with a verdict, the record and sources."""

from __future__ import annotations

import re

import sys
from typing import Annotated, Optional

import typer

from ._common import JsonOpt, as_of, catalogue, state

FORMATS = ("text", "json", "claimreview")
MAX_INPUT = 1 << 20  # 1 MiB of claim text is plenty; more is probably the wrong file

_STYLE = {"accurate": "green", "outdated": "yellow", "unverifiable": "blue", "inaccurate": "red"}
_MARK = {"accurate": "✓", "outdated": "~", "unverifiable": "?", "inaccurate": "✗"}


def check(
    ctx: typer.Context,
    text: Annotated[Optional[str], typer.Argument(metavar="[TEXT]", help='The claim(s) to check, quoted; "-" reads stdin.')] = None,
    file: Annotated[Optional[str], typer.Option("--file", "-f", metavar="FILE", help='Read the claims from FILE ("-" for stdin).')] = None,
    as_of_: Annotated[
        Optional[str],
        typer.Option("--as-of", metavar="DATE", help="The date the claim was made (YYYY-MM-DD); default today. Verdicts for today are added when they differ."),
    ] = None,
    as_json: JsonOpt = False,
    fmt: Annotated[str, typer.Option("--format", metavar="FORMAT", help="text (default), json, or claimreview (schema.org ClaimReview JSON-LD, one per claim).")] = "text",
    tolerance: Annotated[float, typer.Option("--tolerance", metavar="FRACTION", help="Tolerance for converted amounts, as a fraction (default 0.05 = ±5%).")] = 0.05,
    claim_url: Annotated[Optional[str], typer.Option("--claim-url", metavar="URL", help="Where the claim appeared (ClaimReview itemReviewed.appearance).")] = None,
    claim_author: Annotated[Optional[str], typer.Option("--claim-author", metavar="NAME", help="Who made the claim (ClaimReview itemReviewed.author).")] = None,
) -> None:
    """Fact-check claims about penalties, sentences, ages and charges against the records.

    Splits the text into sentences and checks each one that states a prison term, fine,
    court sentence, defendant's age or legal status (charged, convicted). Each gets a
    verdict: accurate (matches the record in force on the claim's date), outdated (true
    for an earlier period; says when it changed), inaccurate (says the right figure) or
    unverifiable (says what is missing: jurisdiction, offence or case). Converted amounts,
    e.g. "50 million won ($37,500)", are checked separately at the dated exchange rate.

    Exit 0 when every claim is accurate, 1 when any is not, 2 on usage errors. The worst
    verdict wins: inaccurate > outdated > unverifiable > accurate.

    Example: lawref check "In South Korea, making sexual deepfakes can get you up to five years in prison." --as-of 2024-09-04
    """
    from ..check import check_text
    from ..errors import UsageError

    fmt = (fmt or "text").strip().lower()
    if fmt not in FORMATS:
        raise UsageError(f"--format: unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if as_json:
        if fmt not in ("text", "json"):
            raise UsageError("--json and --format claimreview cannot be combined")
        fmt = "json"
    if claim_url is not None and not re.match(r"^https?://[^\s/]+\.[^\s\"<>]+$", claim_url.strip()):
        raise UsageError(f"--claim-url: give the http(s) address where the claim appeared, not {claim_url[:60]!r}")
    claim_text = _read_input(text, file)
    day = as_of(as_of_)
    from ..dates import today

    if day > today():
        sys.stderr.write(f"check: --as-of {day} is after today: claims are read against the law as recorded now, with changes already enacted for that date\n")
    cat = catalogue(ctx)
    report = check_text(cat, claim_text, day, tolerance=tolerance, rates=_rates(ctx, cat))
    if fmt == "json":
        from ..output import emit_json

        emit_json(report.json())
    elif fmt == "claimreview":
        from ..output import emit_json

        emit_json(report.claimreview(url=claim_url, author=claim_author))
    else:
        _print(report)
    raise typer.Exit(0 if report.all_accurate else 1)


def register(app: typer.Typer) -> None:
    app.command(name="check")(check)


# --------------------------------------------------------------------------- input


def _read_input(text: Optional[str], file: Optional[str]) -> str:
    from ..errors import UsageError

    if text is not None and file is not None:
        raise UsageError("check: give the claim as TEXT or with --file, not both")
    if text is None and file is None:
        raise UsageError('check: no claim given; pass TEXT, --file FILE, or "-" to read stdin')
    if text == "-" or file == "-":
        data = sys.stdin.read(MAX_INPUT + 1)
        where = "stdin"
    elif file is not None:
        try:
            with open(file, "rb") as fh:
                raw = fh.read(MAX_INPUT + 1)
        except OSError as e:
            raise UsageError(f"--file: cannot read {file!r}: {e.strerror or e}") from None
        try:
            data = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise UsageError(f"--file: {file!r} is not UTF-8 text") from None
        where = file
    else:
        data, where = text, "TEXT"
    if len(data) > MAX_INPUT:
        raise UsageError(f"check: {where} is larger than 1 MiB; check a smaller extract")
    if not data.strip():
        raise UsageError(f"check: {where} is empty; nothing to check")
    return data


def _rates(ctx: typer.Context, cat):
    """The rate table: ECB rates plus each pack's rates.yaml (as `compare` uses)."""
    try:
        from ..money import RateTable

        return RateTable.for_packs([p.pack.path for p in cat.packs], use_cache=not state(ctx).get("no_cache"))
    except Exception:  # noqa: BLE001 - no rate table: conversions are reported unverifiable
        return None


# --------------------------------------------------------------------------- text output


def _summary(report) -> str:
    from collections import Counter

    n = len(report.results)
    counts = Counter(r.verdict.value for r in report.results)
    parts = ", ".join(f"{counts[v]} {v}" for v in ("accurate", "outdated", "unverifiable", "inaccurate") if counts[v])
    line = f"{n} claim{'s' if n != 1 else ''} checked as of {report.as_of.isoformat()}: {parts}. Verdict: {report.verdict.value}."
    if report.verdict_today is not None and report.verdict_today is not report.verdict:
        line += f" Today ({report.today.isoformat()}): {report.verdict_today.value}."
    return line


def _source_line(s) -> str:
    bits = [b for b in (s.publisher, s.title) if b]
    label = " — ".join(bits)
    acc = f"accessed {s.accessed.isoformat()}"
    return f"{s.url}" + (f" ({label}; {acc})" if label else f" ({acc})")


def _today_line(r) -> str | None:
    t = r.today
    if t is None or t.verdict is r.verdict:
        return None
    return f"Today ({t.date.isoformat()}): {t.verdict.value.upper()}. {t.explanation}"


def _print(report) -> None:
    from ..output import is_tty

    if is_tty():
        _print_rich(report)
    else:
        _print_plain(report)


def _print_plain(report) -> None:
    from ..output import plain

    w = sys.stdout.write
    for i, r in enumerate(report.results, 1):
        w(f"{i}. {r.verdict.value.upper()}: {plain(r.claim.text)}\n")
        if r.record:
            w(f"   record:   {plain(', '.join(r.records))}\n")
        if r.found:
            w(f"   found:    {plain(r.found)}\n")
        if r.expected:
            w(f"   expected: {plain(r.expected)}\n")
        for f in r.findings:
            w(f"   - {f.aspect}: {f.verdict.value}. {plain(f.explanation)}\n")
        line = _today_line(r)
        if line:
            w(f"   {plain(line)}\n")
        for c in r.context:
            w(f"   context:  {plain(c)}\n")
        for s in r.sources:
            w(f"   source:   {plain(_source_line(s))}\n")
        w("\n")
    w(plain(_summary(report)) + "\n")


def _print_rich(report) -> None:
    from rich.panel import Panel
    from rich.text import Text

    from ..output import clean, console
    from .show import safe_url

    con = console()
    for i, r in enumerate(report.results, 1):
        v = r.verdict.value
        style = _STYLE[v]
        body: list[str] = [f"[bold]{clean(r.claim.text)}[/bold]", ""]
        if r.record:
            body.append(f"[dim]record[/dim]    {clean(', '.join(r.records))}")
        if r.found:
            body.append(f"[dim]found[/dim]     {clean(r.found)}")
        if r.expected:
            body.append(f"[dim]expected[/dim]  {clean(r.expected)}")
        body.append("")
        for f in r.findings:
            fv = f.verdict.value
            body.append(f"[{_STYLE[fv]}]{_MARK[fv]} {clean(f.aspect)}: {fv}[/{_STYLE[fv]}]  {clean(f.explanation)}")
        line = _today_line(r)
        if line:
            tv = r.today.verdict.value
            body.append(f"[{_STYLE[tv]}]{clean(line)}[/{_STYLE[tv]}]")
        if r.context:
            body.append("")
            body += [f"[dim]context[/dim]   {clean(c)}" for c in r.context]
        if r.sources:
            body.append("")
            for s in r.sources:
                url = safe_url(s.url)
                shown = clean(_source_line(s))
                body.append(f"[dim]source[/dim]    [link={url}]{shown}[/link]" if url else f"[dim]source[/dim]    {shown}")
        title = f"[bold {style}]{i}. {v.upper()}[/bold {style}]"
        con.print(Panel("\n".join(body), title=title, title_align="left", border_style=style, expand=True))
    con.print(Text(_summary(report)))
