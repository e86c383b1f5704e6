"""Penalty changes over time: new offences, raised or lowered penalties, repeals.

Each change is read from the dated penalty versions of an offence: every version is compared
with the one before it (:func:`lawref.penalty.change_kind`). The first recorded version
is a new offence when the record says it created the offence (`created`), else where the
record's history begins ("first-recorded"); a version that ends with no successor is a repeal the day after
its `until`. Versions that change nothing in the penalty are not changes.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Offence, PenaltyVersion, Status
from .penalty import change_kind

_DAY = _dt.timedelta(days=1)


@dataclass(frozen=True)
class Change:
    """One change to an offence's penalty, taking effect on `date`."""

    date: _dt.date
    offence: Offence
    kind: str  # new-offence | first-recorded | raised | lowered | changed | repealed
    before: PenaltyVersion | None
    after: PenaltyVersion | None

    @property
    def prospective(self) -> bool:
        """Enacted but not yet in force (the version says so)."""
        return self.after is not None and self.after.status is Status.PROSPECTIVE

    @property
    def unverified(self) -> bool:
        return any(v is not None and v.unverified for v in (self.before, self.after))


def offence_changes(offence: Offence) -> list[Change]:
    """Every change in `offence`'s penalty history, oldest first."""
    out: list[Change] = []
    prev: PenaltyVersion | None = None
    for v in offence.penalties:
        if prev is not None and prev.end is not None and v.start > prev.end + _DAY:
            # A gap: the offence lapsed and came back.
            out.append(Change(prev.end + _DAY, offence, "repealed", prev, None))
            prev = None
        if v.status is Status.REPEALED:
            out.append(Change(v.start, offence, "repealed", prev, v))
        else:
            kind = change_kind(prev, v)
            if kind == "new-offence" and offence.history_start(v):
                kind = "first-recorded"  # where the record's history begins, not known to be new
            if kind != "unchanged":
                out.append(Change(v.start, offence, kind, prev, v))
        prev = v
    last = offence.penalties[-1] if offence.penalties else None
    if last is not None and last.end is not None and last.status is not Status.REPEALED:
        out.append(Change(last.end + _DAY, offence, "repealed", last, None))
    return out


def changes(offences: Iterable[Offence], since: _dt.date | None = None, until: _dt.date | None = None) -> list[Change]:
    """Changes taking effect between `since` and `until` (inclusive), newest first, then by id."""
    found = [
        c
        for o in offences
        for c in offence_changes(o)
        if (since is None or c.date >= since) and (until is None or c.date <= until)
    ]
    found.sort(key=lambda c: c.offence.id)
    found.sort(key=lambda c: c.date, reverse=True)
    return found
