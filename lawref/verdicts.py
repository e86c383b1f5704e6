"""The verdicts of `lawref check` and what it reports: the verdict scale, a finding (one
checked part of a claim), a claim's result at a date, and the report of a text with its JSON
and schema.org ClaimReview output. Also the small wording helpers (dates, amounts, terms,
jurisdiction names, word sequences) that :mod:`lawref.check_statute`,
:mod:`lawref.check_case` and :mod:`lawref.check` share.

This module imports neither typer nor rich.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Iterable

from .claims import Claim
from .model import Source, Term

DEFAULT_TOLERANCE = 0.05  # converted amounts: ±5% of the amount at the dated rate


class Verdict(str, Enum):
    """A claim's verdict. Severity order (worst first): inaccurate, outdated, unverifiable, accurate."""

    ACCURATE = "accurate"
    OUTDATED = "outdated"
    UNVERIFIABLE = "unverifiable"
    INACCURATE = "inaccurate"

    @property
    def severity(self) -> int:
        return _SEVERITY[self]

    @property
    def rating(self) -> int:
        """ClaimReview ratingValue on the fixed scale 1 (inaccurate) .. 4 (accurate)."""
        return 4 - _SEVERITY[self]

    @property
    def label(self) -> str:
        return self.value.capitalize()


_SEVERITY = {Verdict.ACCURATE: 0, Verdict.UNVERIFIABLE: 1, Verdict.OUTDATED: 2, Verdict.INACCURATE: 3}
RATING_SCALE = {v.value: v.rating for v in Verdict}


def worst(verdicts: Iterable[Verdict]) -> Verdict:
    """The worst verdict (inaccurate > outdated > unverifiable > accurate); accurate when none."""
    vs = list(verdicts)
    return max(vs, key=lambda v: v.severity) if vs else Verdict.ACCURATE


# --------------------------------------------------------------------------- results


@dataclass
class Finding:
    """One checked part of a claim: a prison term, fine, conversion, sentence, age or status."""

    aspect: str  # prison | fine | conversion | sentence | court | place | judge | bail | charge | age | status | date | criminal | transposition | penalty | case | claim
    verdict: Verdict
    found: str
    expected: str | None
    explanation: str
    record: str | None = None
    sources: list[Source] = field(default_factory=list)
    context: list[str] = field(default_factory=list)

    def json(self) -> dict:
        return {
            "aspect": self.aspect,
            "verdict": self.verdict.value,
            "found": self.found,
            "expected": self.expected,
            "explanation": self.explanation,
            "record": self.record,
        }


def _since_then(then: list[Finding], now: list[Finding], as_of: _dt.date, today: _dt.date) -> list[Finding]:
    """Today's findings, where a figure true on the claim's date (before today) and wrong
    today is outdated (it changed since), not inaccurate. A conversion is a statement about
    the rate of the claim's date: it is not checked again at today's rate."""
    now = [f for f in now if f.aspect != "conversion"] or now
    was_true = {(f.aspect, f.record, f.found) for f in then if f.verdict is Verdict.ACCURATE}
    for f in now:
        if f.verdict is Verdict.INACCURATE and (f.aspect, f.record, f.found) in was_true and as_of < today:
            f.verdict = Verdict.OUTDATED
            f.explanation = f"True on {_d(as_of)}, no longer: {f.explanation}"
    return now


@dataclass
class ClaimResult:
    """The verdict on one claim at one date."""

    claim: Claim
    date: _dt.date
    findings: list[Finding]
    today: "ClaimResult | None" = None

    @property
    def verdict(self) -> Verdict:
        return worst(f.verdict for f in self.findings)

    @property
    def record(self) -> str | None:
        recs = [f.record for f in self.findings if f.record]
        return recs[0] if recs else None

    @property
    def records(self) -> list[str]:
        return list(dict.fromkeys(f.record for f in self.findings if f.record))

    @property
    def expected(self) -> str | None:
        vals = list(dict.fromkeys(f.expected for f in self.findings if f.expected))
        return "; ".join(vals) if vals else None

    @property
    def found(self) -> str | None:
        vals = list(dict.fromkeys(f.found for f in self.findings if f.found))
        return "; ".join(vals) if vals else None

    @property
    def explanation(self) -> str:
        return " ".join(f.explanation for f in self.findings if f.explanation)

    @property
    def context(self) -> list[str]:
        return list(dict.fromkeys(c for f in self.findings for c in f.context))

    @property
    def sources(self) -> list[Source]:
        """The sources to cite, primary (legislation, courts) first, then the newest."""
        seen: dict[str, Source] = {}
        for f in self.findings:
            for s in f.sources:
                seen.setdefault(s.url, s)
        order = {url: i for i, url in enumerate(seen)}
        return sorted(seen.values(), key=lambda s: (s.kind.value != "primary", order[s.url]))

    def json(self) -> dict:
        out = {
            "text": self.claim.text,
            "verdict": self.verdict.value,
            "record": self.record,
            "records": self.records,
            "expected": self.expected,
            "found": self.found,
            "explanation": self.explanation,
            "context": self.context,
            "sources": [source_json(s) for s in self.sources],
            "checks": [f.json() for f in self.findings],
            "today": None,
        }
        if self.today is not None:
            out["today"] = {
                "date": self.today.date.isoformat(),
                "verdict": self.today.verdict.value,
                "expected": self.today.expected,
                "explanation": self.today.explanation,
            }
        return out


def source_json(s: Source) -> dict:
    return {
        "url": s.url,
        "title": s.title,
        "publisher": s.publisher,
        "published": s.published.isoformat() if s.published else None,
        "accessed": s.accessed.isoformat(),
        "kind": s.kind.value,
    }


@dataclass
class Report:
    """Every claim of a text, checked at `as_of` (and at `today` when that differs)."""

    as_of: _dt.date
    today: _dt.date
    results: list[ClaimResult]
    tolerance: float = DEFAULT_TOLERANCE

    @property
    def verdict(self) -> Verdict:
        return worst(r.verdict for r in self.results)

    @property
    def verdict_today(self) -> Verdict | None:
        if self.as_of == self.today:
            return None
        return worst((r.today or r).verdict for r in self.results)

    @property
    def all_accurate(self) -> bool:
        return bool(self.results) and all(r.verdict is Verdict.ACCURATE for r in self.results)

    def json(self) -> dict:
        return {
            "as_of": self.as_of.isoformat(),
            "verdict": self.verdict.value,
            "today": None if self.as_of == self.today else {"date": self.today.isoformat(), "verdict": self.verdict_today.value},
            "tolerance": self.tolerance,
            "verdict_order": [v.value for v in sorted(Verdict, key=lambda v: -v.severity)],
            "claims": [r.json() for r in self.results],
        }

    def claimreview(self, url: str | None = None, author: str | None = None, reviewer: str = "lawref") -> list[dict]:
        """schema.org ClaimReview JSON-LD, one object per claim."""
        out = []
        for r in self.results:
            item: dict = {"@type": "Claim", "datePublished": self.as_of.isoformat()}
            if url:
                item["appearance"] = {"@type": "CreativeWork", "url": url}
            if author:
                item["author"] = {"@type": _author_type(author), "name": author}
            body = r.explanation
            if r.context:
                body += " Context: " + " ".join(r.context)
            review = {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "datePublished": self.today.isoformat(),
                "claimReviewed": r.claim.text,
                "itemReviewed": item,
                "author": {"@type": "Organization", "name": reviewer},
                "reviewRating": {
                    "@type": "Rating",
                    "ratingValue": r.verdict.rating,
                    "bestRating": Verdict.ACCURATE.rating,
                    "worstRating": Verdict.INACCURATE.rating,
                    "alternateName": r.verdict.label,
                },
                "reviewBody": body.strip(),
                "citation": [
                    {k: v for k, v in {"@type": "CreativeWork", "url": s.url, "name": s.title or s.label(), "publisher": s.publisher,
                                       "datePublished": s.published.isoformat() if s.published else None}.items() if v}
                    for s in r.sources
                ],
            }  # fmt: skip
            # The claim's address goes in itemReviewed.appearance only: a ClaimReview's own
            # `url` is the review's page, which lawref does not publish.
            out.append(review)
        return out


_ORG_WORDS = re.compile(
    r"\b(?:news|times|post|herald|daily|journal|press|agency|media|tv|radio|broadcast\w*|bbc|cnn|reuters|ap|afp|yonhap|"
    r"ministry|police|court|office|government|parliament|assembly|party|inc|ltd|llc|corp\w*|group|foundation|institute|"
    r"university|commission|council|committee|association|network|magazine|gazette|tribune|telegraph|guardian|online)\b",
    re.I,
)


def _author_type(name: str) -> str:
    """schema.org type for a claim's author: Organization for outlets and bodies, else Person."""
    n = name.strip()
    if _ORG_WORDS.search(n) or n.isupper() or len(n.split()) == 1:
        return "Organization"
    return "Person"


# --------------------------------------------------------------------------- wording helpers (shared by the check modules)


def _d(day: _dt.date | None) -> str:
    return day.isoformat() if day else "?"


def _amount(amount: float, currency: str) -> str:
    from .money import format_amount

    try:
        return format_amount(round(amount) if amount >= 100 else amount, currency)
    except Exception:  # noqa: BLE001 - odd codes: show plainly
        return f"{amount:,.0f} {currency}"


def _term_words(t: Term) -> str:
    return "life imprisonment" if t.life else t.words()


def _first_sentence(text: str | None, limit: int = 220) -> str:
    if not text:
        return ""
    from .claims import split_sentences

    t = " ".join(text.split())
    first = (split_sentences(t) or [t])[0]
    t = first if len(first) <= limit else t
    return t if len(t) <= limit else t[: limit - 1].rsplit(" ", 1)[0] + "…"


def _jname(code: str) -> str:
    from .jurisdictions import name

    try:
        return name(code)
    except Exception:  # noqa: BLE001
        return code


def _seq_in(needle: list[str], hay: list[str]) -> bool:
    n = len(needle)
    if not n or n > len(hay):
        return False
    return any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))
