"""Record types: offences with dated penalty versions, and cases with proceedings.

Values here are plain frozen dataclasses so they pickle cheaply into the cache and import
nothing heavy. Construction from YAML lives in :mod:`lawref.schema`.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Union

Date = _dt.date

_TERM_RE = re.compile(r"^(?:(\d{1,4})y)?(?:(\d{1,5})m)?(?:(\d{1,6})d)?$")


APPELLATE = ("appeal", "supreme")  # court levels whose sentence replaces the one below


class Combine(str, Enum):
    """How a prison term and a fine combine."""

    OR = "or"
    AND = "and"
    AND_OR = "and/or"


class Status(str, Enum):
    """Whether a penalty version applies."""

    IN_FORCE = "in-force"
    PROSPECTIVE = "prospective"
    REPEALED = "repealed"


class SourceKind(str, Enum):
    PRIMARY = "primary"
    SECONDARY = "secondary"


@dataclass(frozen=True, order=True)
class Term:
    """A prison term: a number of months (days rounded in) or life."""

    months: int = 0
    life: bool = False
    days: int = 0

    @classmethod
    def parse(cls, text: str) -> "Term":
        """Parse `5y`, `6m`, `2y6m`, `30d`, `life`. Raises ValueError."""
        t = text.strip().lower().replace(" ", "")
        if t == "life":
            return cls(life=True)
        m = _TERM_RE.match(t)
        if not t or not m or not any(m.groups()):
            raise ValueError(f"not a term: {text[:40]!r}{'…' if len(text) > 40 else ''} (use 5y, 6m, 2y6m, 30d or life; at most 9999y)")
        y, mo, d = (int(g) if g else 0 for g in m.groups())
        return cls(months=y * 12 + mo, days=d)

    def sort_key(self) -> float:
        return float("inf") if self.life else self.months + self.days / 30.0

    def code(self) -> str:
        """The compact YAML form (`5y`, `18m`, `life`)."""
        if self.life:
            return "life"
        y, m = divmod(self.months, 12)
        out = (f"{y}y" if y else "") + (f"{m}m" if m else "") + (f"{self.days}d" if self.days else "")
        return out or "0m"

    def words(self) -> str:
        """Plain English: `7 years`, `6 months`, `2 years 6 months`, `life`."""
        if self.life:
            return "life"
        y, m = divmod(self.months, 12)
        if y == 1 and m:  # "18 months" reads better than "1 year 6 months"
            y, m = 0, self.months
        parts = []
        if y:
            parts.append(f"{y} year{'s' if y != 1 else ''}")
        if m:
            parts.append(f"{m} month{'s' if m != 1 else ''}")
        if self.days:
            parts.append(f"{self.days} day{'s' if self.days != 1 else ''}")
        return " ".join(parts) or "0 months"

    def possessive(self) -> str:
        """`1 year's`, `7 years'`, `6 months'` (as in "7 years' imprisonment")."""
        w = self.words()
        return w + ("'" if w.endswith("s") else "'s")

    def json(self) -> Union[int, str]:
        """Months as an integer, or "life"."""
        return "life" if self.life else self.months

    def __str__(self) -> str:
        return self.code()


UNLIMITED = "unlimited"


@dataclass(frozen=True)
class Source:
    url: str
    accessed: Date
    title: str | None = None
    publisher: str | None = None
    published: Date | None = None
    kind: SourceKind = SourceKind.PRIMARY
    quote: str | None = None
    note: str | None = None
    line: int = field(default=0, compare=False)

    def label(self) -> str:
        return " — ".join(p for p in (self.publisher, self.title) if p) or self.url


@dataclass(frozen=True)
class Prison:
    """A prison range. `max_basis` names the general provision a maximum comes from when
    the article states only a minimum (e.g. Korea's Criminal Act Art. 42: 30 years)."""

    max: Term | None = None
    min: Term | None = None
    max_basis: str | None = None


@dataclass(frozen=True)
class Fine:
    """A fine: `max` is an integer amount in `currency`, or "unlimited"."""

    max: int | str | None = None
    min: int | None = None
    currency: str | None = None

    @property
    def unlimited(self) -> bool:
        return self.max == UNLIMITED


@dataclass(frozen=True)
class Aggravated:
    label: str
    prison: Prison | None = None
    fine: Fine | None = None
    combine: Combine | None = None
    note: str | None = None
    unverified: bool = False
    sources: tuple[Source, ...] = ()
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class PenaltyVersion:
    start: Date
    end: Date | None = None
    promulgated: Date | None = None
    status: Status = Status.IN_FORCE
    prison: Prison | None = None
    fine: Fine | None = None
    combine: Combine | None = None
    note: str | None = None
    unverified: bool = False
    aggravated: tuple[Aggravated, ...] = ()
    sources: tuple[Source, ...] = ()
    line: int = field(default=0, compare=False)

    def enacted_by(self, day: Date) -> bool:
        """Whether this version was already law-to-come on `day`: promulgated by then, or
        (no promulgation date recorded) flagged prospective. What was passed later was not
        known on `day`."""
        return self.promulgated <= day if self.promulgated is not None else self.status is Status.PROSPECTIVE

    def covers(self, day: Date) -> bool:
        """True when this version is the law in force on `day`."""
        if self.status in (Status.PROSPECTIVE, Status.REPEALED):
            return False  # not yet law, or the entry marking a repeal: no penalty in force
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Instrument:
    title: str
    short: str | None = None
    native_title: str | None = None
    citation: str | None = None
    url: str | None = None

    @property
    def name(self) -> str:
        return self.short or self.title


@dataclass(frozen=True)
class Offence:
    id: str
    jurisdiction: str
    instrument: Instrument
    article: str
    title: str
    offence: str
    penalties: tuple[PenaltyVersion, ...]
    native_offence: str | None = None
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    minimum_standard: bool = False
    transposition_deadline: Date | None = None
    # When the offence itself first took effect, if known: the first version's `from` when
    # that version created it, or an earlier date when its older penalties are not recorded.
    # Without it, days before the first version are "not recorded", never "no offence".
    created: Date | None = None
    related: tuple[str, ...] = ()
    notes: str | None = None
    sources: tuple[Source, ...] = ()
    line: int = field(default=0, compare=False)
    file: str = field(default="", compare=False)
    pack: str = field(default="", compare=False)
    field_lines: dict = field(default_factory=dict, compare=False, repr=False)

    def history_start(self, v: PenaltyVersion) -> bool:
        """Whether `v` is the first recorded version of an offence the record does not say it
        created: where the record's history begins, not a dated event of the law."""
        return bool(self.penalties) and v is self.penalties[0] and self.created != v.start

    def before_history(self, day: Date) -> str | None:
        """Why no version covers `day` when it is before the first recorded version:
        "not-created" (the offence did not exist yet), "not-recorded" (it may have existed,
        but its penalty then is not recorded); None when `day` is not before the first."""
        first = min((v.start for v in self.penalties), default=None)
        if first is None or day >= first:
            return None
        return "not-created" if self.created is not None and day < self.created else "not-recorded"

    def line_of(self, key: str) -> int:
        """The line of a field (`related`, `offences[2]`) in the record's file."""
        return self.field_lines.get(key) or self.field_lines.get(key.split("[")[0]) or self.line or 1

    kind = "offence"

    def in_force(self, day: Date) -> PenaltyVersion | None:
        """The penalty version in force on `day`, or None (openfisca's value-at-instant)."""
        for v in reversed(self.penalties):
            if v.covers(day):
                return v
        return None

    def upcoming(self, day: Date) -> list[PenaltyVersion]:
        """Versions enacted but not in force on `day` that start after it."""
        return [v for v in self.penalties if v.start > day]

    def all_sources(self) -> list[Source]:
        seen: dict[str, Source] = {}
        for v in self.penalties:
            for s in v.sources + tuple(x for a in v.aggravated for x in a.sources):
                seen.setdefault(s.url, s)
        for s in self.sources:
            seen.setdefault(s.url, s)
        return list(seen.values())

    @property
    def citation(self) -> str:
        """`Sexual Crimes Act Art. 14-2(1)`, `SOA 2003 s 66B(1)`, `18 U.S.C. § 2252A`."""
        art = self.article.strip()
        head = art.split(" ")[0].lower().rstrip(".")
        if head in ("art", "article", "s", "ss", "section", "§", "sec", "r", "reg", "rule", "para", "l"):
            return f"{self.instrument.name} {art}"
        jur = self.jurisdiction.split("-")[0]
        if jur in _SECTION_JURISDICTIONS:
            designator = "s"
        elif jur == "US":
            designator = "§"
        else:
            designator = "Art."
        return f"{self.instrument.name} {designator} {art}"


# Common-law jurisdictions number their statutes by section.
_SECTION_JURISDICTIONS = {"GB", "AU", "NZ", "IE", "CA", "IN", "SG", "ZA", "HK"}


@dataclass(frozen=True)
class Age:
    age: int
    date: Date | None = None
    note: str | None = None
    unverified: bool = False
    sources: tuple[Source, ...] = ()
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Defendant:
    name: str
    native_name: str | None = None
    born: int | None = None
    ages: tuple[Age, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Sentence:
    prison: Prison | None = None
    fine: Fine | None = None
    extended_licence: Term | None = None
    suspended: bool = False
    note: str | None = None


@dataclass(frozen=True)
class Proceeding:
    date: Date
    court: str
    level: str
    defendant: str | None = None  # when a case has several defendants
    outcome: str | None = None
    case_number: str | None = None
    sentence: Sentence | None = None
    orders: tuple[str, ...] = ()
    final: bool = False
    description: str | None = None
    unverified: bool = False
    sources: tuple[Source, ...] = ()
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Case:
    id: str
    jurisdiction: str
    title: str
    defendant: Defendant
    summary: str
    proceedings: tuple[Proceeding, ...]
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    offences: tuple[str, ...] = ()
    status: str | None = None
    notes: str | None = None
    sources: tuple[Source, ...] = ()
    line: int = field(default=0, compare=False)
    file: str = field(default="", compare=False)
    pack: str = field(default="", compare=False)
    field_lines: dict = field(default_factory=dict, compare=False, repr=False)

    def line_of(self, key: str) -> int:
        """The line of a field (`related`, `offences[2]`) in the record's file."""
        return self.field_lines.get(key) or self.field_lines.get(key.split("[")[0]) or self.line or 1

    kind = "case"

    def latest(self, day: Date | None = None) -> Proceeding | None:
        """The latest proceeding on or before `day` (or overall)."""
        ps = [p for p in self.proceedings if day is None or p.date <= day]
        return ps[-1] if ps else None

    def status_on(self, day: Date | None = None) -> str | None:
        """The case's status on `day` (its recorded status when `day` is None).

        A case whose later proceedings were still to come was pending on `day`, unless a
        proceeding by then was marked final; before its first proceeding it had no status
        (None). From its last proceeding on, it has its recorded status.
        """
        if day is None:
            return self.status
        before = [p for p in self.proceedings if p.date <= day]
        if not before:
            return None
        if len(before) == len(self.proceedings):
            return self.status or ("final" if any(p.final for p in before) else None)
        return "final" if any(p.final for p in before) else "pending"

    def standing(self, day: Date) -> tuple[list[Proceeding], list[Proceeding]]:
        """(standing, superseded) sentenced proceedings on `day`.

        A sentence is superseded by a later appellate ruling with a sentence for the same
        defendant (both on or before `day`); separate first-instance cases after the last
        appellate ruling stand together.
        """
        ps = [p for p in self.proceedings if p.sentence and p.date <= day]
        standing, superseded = [], []
        for p in ps:
            later = [q for q in ps if q.date > p.date and q.level in APPELLATE and q.defendant == p.defendant]
            (superseded if later else standing).append(p)
        return standing, superseded

    def final_sentence(self, day: Date | None = None, main_only: bool = False) -> Proceeding | None:
        """The latest proceeding with a sentence on or before `day`; with `main_only`, of the
        case's named defendant (proceedings of co-defendants carry their own `defendant`)."""
        ps = [p for p in self.proceedings if p.sentence and (day is None or p.date <= day)]
        if main_only:
            ps = [p for p in ps if p.defendant in (None, self.defendant.name)] or ps
        return ps[-1] if ps else None

    def last_outcome(self, day: Date | None = None) -> Proceeding | None:
        """The latest proceeding on or before `day` (or overall) whose outcome says something
        (charged, convicted, dismissed ...): not `other` or `pending`, nor a step without one."""
        steps = [p for p in self.proceedings if (day is None or p.date <= day) and p.outcome and p.outcome not in ("other", "pending")]
        return steps[-1] if steps else None

    def latest_sentences(self, day: Date | None = None) -> list[Proceeding]:
        """Each defendant's latest proceeding with a sentence on or before `day` (or
        overall), in date order: co-defendants sentenced by other courts on other days keep
        their own court, date and finality."""
        latest: dict[str | None, Proceeding] = {}
        for p in self.proceedings:
            if p.sentence and (day is None or p.date <= day):
                latest.pop(p.defendant, None)
                latest[p.defendant] = p
        return sorted(latest.values(), key=lambda p: p.date)

    def all_sources(self) -> list[Source]:
        seen: dict[str, Source] = {}
        for p in self.proceedings:
            for s in p.sources:
                seen.setdefault(s.url, s)
        for a in self.defendant.ages:
            for s in a.sources:
                seen.setdefault(s.url, s)
        for s in self.defendant.sources + self.sources:
            seen.setdefault(s.url, s)
        return list(seen.values())


Record = Union[Offence, Case]


def newest_check(records) -> Date | None:
    """The newest `accessed` date over all sources of `records` (the data's age)."""
    best = None
    for r in records:
        for s in r.all_sources():
            if best is None or s.accessed > best:
                best = s.accessed
    return best
