"""`lawref validate`: every problem in the data packs, as `FILE:LINE: field: message`.

Per-file checks (YAML safety, schema, dates, version order, sources) happen while loading
(:mod:`lawref.load`, :mod:`lawref.schema`); cross-file checks (duplicate ids, references)
in :mod:`lawref.catalog`. Checks that depend on today's date (a prospective version whose
date has passed, a version or ruling in the future) and on other records (a case dated
before an offence it cites existed) run here, on the facts each file's parse recorded, so
the cache never holds a verdict that changes with the calendar. This module chooses what to
report for the packs asked about.
"""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass

from .errors import UsageError
from .problems import Problem


@dataclass(frozen=True)
class Report:
    """The outcome of validating some packs."""

    problems: tuple[Problem, ...]
    records: int
    files: int

    @property
    def ok(self) -> bool:
        return not self.problems


def _under(path: str, roots: tuple[str, ...]) -> bool:
    full = os.path.abspath(path)
    return any(full == r.rstrip(os.sep) or full.startswith(r) for r in roots)


_TOPS = ("statutes", "cases")


def pack_root(d: str) -> str:
    """The pack a directory belongs to: `d` itself, or, for a directory inside a pack's
    statutes/ or cases/ (`data/statutes/kr`), the pack above it."""
    full = os.path.abspath(d)
    if any(os.path.isdir(os.path.join(full, t)) for t in _TOPS):
        return full
    head = full
    while True:
        parent, name = os.path.split(head)
        if name in _TOPS:
            return parent
        if not name or parent == head:
            return full
        head = parent


def validate(dirs: list[str] | None = None, data: list[str] | None = None, use_cache: bool = True) -> Report:
    """Validate the packs in `dirs`, or every pack in use (bundled, LAWREF_DATA, `data`).

    A pack named in `dirs` is loaded beside the bundled data, so id collisions with the
    bundled records and references to them are checked too; only its own problems are
    reported. A directory inside a pack (`data/statutes`) is checked as part of its pack,
    reporting the problems of its files only. Raises UsageError for a directory that does
    not exist.
    """
    from .catalog import load_catalogue
    from .load import bundled_data_dir

    if dirs:
        for d in dirs:
            if not os.path.isdir(d):
                raise UsageError(f"validate: {d!r} is not a directory")
        roots = list(dict.fromkeys(pack_root(d) for d in dirs))
        bundled = os.path.realpath(bundled_data_dir())
        extra = [r for r in roots if os.path.realpath(r) != bundled]
        cat = load_catalogue(extra, use_cache=use_cache, env="")
        wanted = {os.path.realpath(r) for r in roots}
        scope = tuple(os.path.join(os.path.abspath(d), "") for d in dirs)
        chosen = [(i, s) for i, s in zip(cat.packs, cat.records._packs) if os.path.realpath(i.pack.path) in wanted]
        problems = [p for p in cat.problems if _under(p.file, scope)]
    else:
        cat = load_catalogue(data or [], use_cache=use_cache)
        scope = ()
        chosen = list(zip(cat.packs, cat.records._packs))
        problems = list(cat.problems)
    packs = [i for i, _ in chosen]
    dated, records, files = _dated_problems(cat, chosen, scope)
    problems = list(problems) + dated + _rates_problems([i for i in packs if not scope or _under(i.pack.path, scope)])
    problems += [Problem(i.pack.path, 1, "(pack)", "no record files (*.yaml, *.yml) found") for i in packs if not i.files]
    ordered = tuple(sorted(set(problems), key=lambda p: (p.file, p.line, p.field, p.message)))
    return Report(ordered, records, files)


def _dated_problems(cat, chosen, scope: tuple[str, ...]) -> tuple[list[Problem], int, int]:
    """Problems judged against today's date and against other records, from the facts each
    file's parse recorded; and the records and files counted (those under `scope`, if any)."""
    from .catalog import _shown, ref_problem
    from .dates import today
    from .model import Case
    from .schema import _ID_RE

    now = today()
    out: list[Problem] = []
    records = files = 0
    for info, (store, where) in chosen:
        for path in store.paths():
            if scope and not _under(path, scope):
                continue
            files += 1
            res = store.result(path)
            rec = res.record
            if rec is not None and where.get(rec.id) == path:
                records += 1
            shown = _shown(path)
            for fact in res.facts:
                if fact[0] == "note":  # reported here only: the record still loads
                    out.append(Problem(shown, fact[2], fact[1], fact[3]))
                elif fact[0] == "accessed":
                    if fact[3] > now:
                        out.append(Problem(shown, fact[2], fact[1], f"accessed {fact[3]} is in the future (today is {now})"))
                elif fact[0] == "refs":  # of a record that failed to load: still checked
                    for field, ref, line in fact[2]:
                        if _ID_RE.match(ref):
                            problem = ref_problem(cat, shown, line, field, ref, fact[1])
                            if problem is not None:
                                out.append(problem)
                elif fact[0] == "version":
                    _, fpath, _, from_line, status_line, start, _, _, status, _ = fact
                    if status == "prospective" and start <= now:
                        out.append(Problem(shown, status_line, f"{fpath}.status", f"a prospective version from {start} is in the past (today is {now}): once it has taken effect, remove status: prospective (or correct the date if it did not)"))
                    elif status == "in-force" and start > now:
                        out.append(Problem(shown, from_line, f"{fpath}.from", f"{start} is in the future (today is {now}): a version not yet in force needs status: prospective (and promulgated, when known)"))
                elif fact[0] == "proceeding":
                    _, fpath, date_line, day, level, ruling, final, _ = fact
                    if day > now and final:
                        out.append(Problem(shown, date_line, f"{fpath}.final", f"a ruling of {day} (in the future) cannot be final yet"))
                    elif day > now and ruling:
                        out.append(Problem(shown, date_line, fpath, f"a ruling dated {day} is in the future (today is {now}); only a scheduled hearing (outcome: pending, no sentence) can be"))
                    if isinstance(rec, Case) and level not in ("arrest", "investigation", "other"):
                        out.extend(_before_offences(cat, rec, shown, fpath, date_line, day))
    return out, records, files


def _before_offences(cat, case, shown: str, fpath: str, line: int, day: _dt.date) -> list[Problem]:
    """A charge, trial or appeal dated before an offence the case cites existed."""
    from .model import Offence

    out = []
    for oid in case.offences:
        try:
            off = cat.records[oid]
        except KeyError:
            continue  # unknown or broken: reported as such
        if not isinstance(off, Offence) or not off.penalties:
            continue
        first = min(v.start for v in off.penalties)
        if off.created is not None:
            if day < off.created:
                out.append(Problem(shown, line, f"{fpath}.date", f"{day} is before {oid} existed (created {off.created}); check the date, or the offences the case cites"))
        elif day < first:
            out.append(Problem(shown, line, f"{fpath}.date", f"{day} is before the first recorded version of {oid} ({first}): check the date or the offences cited; if the offence is older, record its penalty then or give its 'created' date"))
    return out


def _rates_problems(packs) -> list:
    """Problems of each pack's rates.yaml (the extra exchange rates compare and check use)."""
    from .catalog import _shown
    from .money import load_extra_rates

    out = []
    for info in packs:
        path = os.path.join(info.pack.path, "rates.yaml")
        if not os.path.lexists(path):
            continue
        _, problems = load_extra_rates(path)
        for msg in problems:
            text = msg[len(path) + 2 :] if msg.startswith(path + ": ") else msg
            out.append(Problem(_shown(path), 1, "rates", text))
    return out
