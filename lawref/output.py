"""The one place that prints: safe text, rich on a terminal, plain when piped, JSON.

Everything from records or from the user goes through :func:`clean` before it reaches the
terminal, so data can neither style nor hijack it: escape sequences (CSI, OSC 8 links,
OSC 52 clipboard, title setting) and other C0/C1 control characters are removed, and rich
markup is escaped so `[red]` prints literally and `[/bold]` never raises.
"""

from __future__ import annotations

import json
import os
import re
import sys
from typing import Any, Iterable, Sequence

# ESC-introduced sequences: CSI ... final, OSC ... BEL/ST, other two-byte escapes.
_ESC_SEQ = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|.)", re.S)
_CTRL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def strip_controls(text: str) -> str:
    """Remove escape sequences and control characters (keeps newline and tab)."""
    text = _ESC_SEQ.sub("", text)
    return _CTRL.sub(lambda m: "\N{REPLACEMENT CHARACTER}" if m.group() not in "\r" else "", text)


def clean(text: Any) -> str:
    """Record or user text made safe for rich: controls stripped, markup escaped."""
    from rich.markup import escape

    return escape(strip_controls(str(text)))


def plain(text: Any) -> str:
    """Record or user text made safe for plain output (no markup processing)."""
    return strip_controls(str(text))


def is_tty(stream=None) -> bool:
    stream = stream or sys.stdout
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


_consoles: dict[bool, Any] = {}


def console(stderr: bool = False):
    """A rich Console on stdout/stderr. Colour only on a terminal; NO_COLOR respected."""
    if stderr not in _consoles:
        from rich.console import Console

        stream = sys.stderr if stderr else sys.stdout
        tty = is_tty(stream)
        _consoles[stderr] = Console(
            file=stream,
            stderr=stderr,
            highlight=False,
            soft_wrap=not tty,
            no_color=bool(os.environ.get("NO_COLOR")) or not tty,
            force_terminal=tty or None,
            emoji=False,
            width=None if tty else 10_000,
        )
        _consoles[stderr].on_broken_pipe = _reader_gone
    return _consoles[stderr]


def _reader_gone() -> None:
    """stdout's reader stopped reading (`lawref show ID | head`): stop quietly, exit 0.

    rich's default exits 1, which reads as a failure under `set -o pipefail`.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    raise SystemExit(0)


def reset_consoles() -> None:
    """Forget cached consoles (tests swap sys.stdout)."""
    _consoles.clear()


def error(message: str) -> None:
    """One line on stderr: `lawref: error: ...`."""
    sys.stderr.write(f"lawref: error: {plain(message)}\n")


def warn(message: str) -> None:
    sys.stderr.write(f"lawref: warning: {plain(message)}\n")


def _default(o: Any) -> Any:
    import dataclasses
    import datetime
    from enum import Enum

    if isinstance(o, (datetime.date, datetime.datetime)):
        return o.isoformat()
    if isinstance(o, Enum):
        return o.value
    if dataclasses.is_dataclass(o):
        return dataclasses.asdict(o)
    if isinstance(o, (set, frozenset, tuple)):
        return list(o)
    return str(o)


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2, default=_default)


def emit_json(obj: Any) -> None:
    sys.stdout.write(dumps(obj) + "\n")


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    title: str | None = None,
    widths: dict[int, int] | None = None,
    whole: Sequence[int] = (),
    labels: dict[int, str] | None = None,
) -> None:
    """A rich table on a terminal; tab-separated plain text when piped. Cells of the columns
    in `whole` (record ids, which users copy) are not wrapped while the terminal leaves the
    other columns 8 characters each: those wrap instead. `labels`: shorter headings for the
    terminal only ("jur." for a narrow "jurisdiction" column; piped output keeps `headers`)."""
    rows = [list(r) for r in rows]
    if not is_tty():
        out = sys.stdout
        if title:
            out.write(plain(title) + "\n")
        out.write("\t".join(headers) + "\n")
        for r in rows:
            out.write("\t".join(plain("" if c is None else c).replace("\t", " ").replace("\n", " ") for c in r) + "\n")
        return
    from rich.table import Table

    from rich.cells import cell_len

    from rich import box

    # As `compare` draws its table: one space between columns, so narrow terminals keep room.
    t = Table(title=clean(title) if title else None, show_lines=False, header_style="bold", box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 0), collapse_padding=True)
    longest = {i: max((cell_len(plain("" if r[i] is None else r[i])) for r in rows), default=0) for i in whole}
    room = console().width - (len(headers) + 1) - sum(longest.values())
    fits = room >= 8 * (len(headers) - len(longest))
    for i, h in enumerate(headers):
        h = (labels or {}).get(i, h)
        if i in longest and fits:
            t.add_column(h, no_wrap=True, overflow="fold", min_width=longest[i])
        else:
            t.add_column(h, overflow="fold", max_width=(widths or {}).get(i))
    for r in rows:
        t.add_row(*[clean("" if c is None else c) for c in r])
    console().print(t)


def csv_out(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    import csv

    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(headers)
    for r in rows:
        w.writerow([_cell(c) for c in r])


def _cell(value: Any) -> Any:
    """A CSV cell: text made plain, and text a spreadsheet would run as a formula ("=...",
    "+...", "-...", "@...") prefixed with an apostrophe (OWASP's advice). Numbers stay numbers."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    text = plain(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
