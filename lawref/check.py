"""Fact-checking claims against the catalogue: a verdict per claim, with the record and sources.

:func:`check_text` splits a text into claims (:mod:`lawref.claims`), finds the record each
claim is about, and compares what it states with the record as it stood on the claim's date
(`as_of`) and, when that is not today, as it stands today.

Verdicts, from worst to best (a claim's verdict is the worst of its findings, a text's the
worst of its claims):

* ``inaccurate``: contradicts the records (the finding states the right figure);
* ``outdated``: was true for a stated period but not on the claim's date (the finding says
  when it changed and what it is now);
* ``unverifiable``: no record covers it (the finding says what is missing: jurisdiction,
  offence, case, or an exchange rate);
* ``accurate``: matches the record in force on the claim's date.

How a claim is matched:

* Offences: the jurisdictions named (or, failing that, the one named earlier in the same
  paragraph, or the jurisdiction of a case the claim names); among their offence records the
  one whose aliases, topic tags and title match the claim's words and whose conduct
  (making, sharing, possessing, threatening) matches the claim's. Ties go to the record
  whose figures match. A statutory figure is compared with the version in force on the date,
  its aggravated variants, then every other version (older -> outdated; later -> inaccurate,
  not yet law).
* Cases: the defendant's name, native name or a name-like alias, compared after
  romanisation and spelling folding (:func:`lawref.search.fold`), so "Jo Ju-bin", "Cho
  Joo-bin" and 조주빈 meet. A surname alone ("Cho") counts when the case was named earlier in
  the text, or when no other case shares it. Sentences are compared with the sentences
  standing on the date (an earlier, superseded sentence -> outdated, saying so); ages with the
  ages recorded (with their dates); "charged", "convicted" and the like with the proceedings.
* Converted amounts ("50 million won ($37,500)") are checked separately from the native
  amount, at the exchange rate of the date (or the latest before it), within `tolerance`.

This module imports neither typer nor rich.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field, replace
from enum import Enum
from functools import lru_cache
from typing import Iterable

from .claims import _MINOR as _MINOR_RE
from .claims import Claim, FineQty, Money, TermQty, conduct_of, extract_claims, mentions_minor, words_of
from .errors import UsageError
from .model import APPELLATE as _APPELLATE
from .model import Aggravated, Case, Fine, Offence, PenaltyVersion, Prison, Proceeding, Source, Status, Term

DEFAULT_TOLERANCE = 0.05  # converted amounts: ±5% of the amount at the dated rate
SAME_AMOUNT = 0.005  # a native amount within 0.5% of the record's is the same figure (rounding)
AT_THE_TIME_YEARS = 1  # "at the time" = up to a year before the first proceeding (arrest/charge)

_DOLLARS = frozenset({"USD", "AUD", "CAD", "NZD", "HKD", "SGD", "TWD"})
_CHILD_TAG = "child-sexual-abuse-material"
_CONDUCT_TAGS = frozenset({"production", "distribution", "possession", "sextortion", "illegal-filming"})
# Topic tags and the claim words that name them (stemmed, see claims.words_of).
_SUBJECTS: dict[str, tuple[tuple[str, ...], ...]] = {
    "deepfake": (("deepfake",), ("deep", "fake"), ("digital", "forgery"), ("hypertrucage",), ("face", "swap"), ("nudify",)),
    _CHILD_TAG: (("child", "porn"), ("child", "pornography"), ("child", "abuse"), ("child", "sexual"), ("csam",), ("indecent", "image", "child"),
                 ("indecent", "photograph", "child"), ("child", "exploitation"), ("pedopornograph",), ("minor", "sexual"), ("iioc",)),
    "intimate-image-abuse": (("intimate", "image"), ("intimate",), ("revenge", "porn"), ("nude",), ("naked",), ("ncii",), ("image", "based", "abuse"),
                             ("sexual", "deepfake"), ("sexual", "image"), ("sexual", "montage"), ("sexual", "video"), ("sexual", "photo"),
                             ("sexually", "explicit"), ("explicit", "image"), ("pornographic",), ("porn",), ("sexual", "material"),
                             # French: "à caractère sexuel", "images intimes", "vidéo sexuelle"
                             ("caractere", "sexuel"), ("intime",), ("image", "sexuelle"), ("video", "sexuelle"), ("pornographique",)),
    "illegal-filming": (("spy", "cam"), ("hidden", "camera"), ("molka",), ("illegal", "filming"), ("upskirt",), ("voyeur",),
                        ("illegal", "filmed"), ("secretly", "filmed"), ("secretly", "recorded"), ("covertly", "filmed"), ("filmed", "without", "consent"),
                        ("secretly", "film"), ("film", "without", "consent"), ("film", "body", "without")),
    "sextortion": (("sextortion",), ("blackmail",), ("extortion",)),
}  # fmt: skip


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

    aspect: str  # prison | fine | conversion | sentence | bail | age | status | place | judge | date | criminal | transposition | claim
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


# --------------------------------------------------------------------------- wording helpers


def _d(day: _dt.date | None) -> str:
    return day.isoformat() if day else "?"


def _prison_words(p: Prison | None, minimum_standard: bool = False) -> str:
    from .penalty import prison_words

    return prison_words(p, minimum_standard) or "no prison term"


def _fine_words(f: Fine | None) -> str:
    from .penalty import fine_words

    return fine_words(f) or "no fine"


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


def _version_span(v: PenaltyVersion) -> str:
    return f"from {_d(v.start)}" + (f" until {_d(v.end)}" if v.end else "")


def _jname(code: str) -> str:
    from .jurisdictions import name

    try:
        return name(code)
    except Exception:  # noqa: BLE001
        return code


# --------------------------------------------------------------------------- matching records


def _covers(named: str, rec_j: str) -> bool:
    """Whether a record of jurisdiction `rec_j` applies to the place `named` in a claim."""
    named, rec_j = named.upper(), rec_j.upper()
    if named == rec_j:
        return True
    if named in ("GB", "GB-UKM", "GB-GBN"):
        return rec_j in ("GB", "GB-UKM", "GB-GBN") or rec_j.startswith("GB-")
    if named in ("GB-ENG", "GB-WLS"):
        return rec_j in ("GB-EAW", "GB", "GB-UKM", "GB-GBN")
    if named == "GB-EAW":
        return rec_j in ("GB-ENG", "GB-WLS", "GB", "GB-UKM", "GB-GBN")
    if "-" not in named:
        return rec_j.startswith(named + "-")
    return rec_j == named.split("-")[0]  # a state named, a national record


def _state_of(named: str, rec_j: str) -> bool:
    """Whether `named` is a state or province of the federation `rec_j` (not one of the UK's
    nations, whose records lawref keys by their own codes)."""
    named, rec_j = named.upper(), rec_j.upper()
    return "-" in named and "-" not in rec_j and named.split("-")[0] == rec_j and rec_j != "GB"


def _seq_in(needle: list[str], hay: list[str]) -> bool:
    n = len(needle)
    if not n or n > len(hay):
        return False
    return any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))


@dataclass
class _OffenceKeys:
    aliases: list[list[str]]
    title: set[str]
    verbs: set[str]  # the title's conduct words by their first five letters ("coerc", "black")
    subjects: set[str]
    conduct: frozenset[str]
    child: bool
    adult: bool
    profit: bool


_PROFIT_TITLE = re.compile(r"\bfor (?:profit|gain|money)\b|\bcommercial|^\s*sell", re.I)
_PLACE_WORDS = frozenset("united state federal national commonwealth kingdom south korea france england wale australia".split())  # "United States" is not a variant's "state offence"
_GENERIC_LEGAL = frozenset("penalty penalti maximum minimum year month prison imprisonment fine offence offense law act section".split())
_STOPWORDS = frozenset(
    "a an the of in on at to for by with and or without from as is are his her their its against will person "
    "someone image images material photograph film video sexual sex content".split()
)


@lru_cache(maxsize=4096)
def _canon(word: str) -> str:
    """A word, or its conduct tag ("@distribution" for sharing, distributed, distribution)."""
    c = conduct_of(word)
    return "@" + sorted(c)[0] if len(c) == 1 else word


def _content(words: Iterable[str]) -> list[str]:
    """Content words in order, conduct words canonicalised (for alias matching)."""
    return [_canon(w) for w in words if w not in _STOPWORDS]


def _offence_keys(off: Offence, cache: dict) -> _OffenceKeys:
    k = cache.get(off.id)
    if k is None:
        title_words = set(_content(words_of(off.title)))
        verbs = {w[:5] for w in words_of(off.title) if _canon(w).startswith("@")}
        subjects = {t for t in off.tags if t in _SUBJECTS}
        conduct = frozenset((set(off.tags) & _CONDUCT_TAGS) | conduct_of(off.title))
        child = _CHILD_TAG in off.tags or mentions_minor(off.title)
        adult = bool(re.search(r"\badults?\b", off.title, re.I))
        profit = bool(_PROFIT_TITLE.search(off.title))
        k = _OffenceKeys([_content(words_of(a)) for a in off.aliases if a.strip()], title_words, verbs, subjects, conduct, child, adult, profit)
        cache[off.id] = k
    return k


def _claim_subjects(words: list[str]) -> set[str]:
    from .search import fold_accents

    out = set()
    words = [fold_accents(w) for w in words]
    for tag, phrases in _SUBJECTS.items():
        for ph in phrases:
            # One word names the subject as a prefix too: "pédopornographiques", "nudes".
            if (len(ph) == 1 and any(w == ph[0] or (len(ph[0]) >= 4 and w.startswith(ph[0])) for w in words)) or (len(ph) > 1 and all(w in words for w in ph)):
                out.add(tag)
                break
    if any(w.startswith("deepfake") for w in words):
        out.add("deepfake")
    return out


def _offence_score(off: Offence, claim: Claim, cache: dict) -> float:
    """How well `off` matches what the claim describes; 0 when the claim names no part of it."""
    k = _offence_keys(off, cache)
    words = list(claim.words) + list(claim.context_words)
    subjects = _claim_subjects(words)
    content = _content(words)
    named = 0.0
    # The claim names a conduct this offence does not cover ("distributing illegally filmed
    # videos" against the filming offence): an alias it shares names the object, not the offence.
    foreign = bool(claim.conduct - k.conduct)
    for a in k.aliases:
        if foreign and any(w.startswith("@") for w in a):
            continue
        if a and _seq_in(a, content):
            named = max(named, 2.0 + len(a))
        elif len(a) >= 2 and all(w in content for w in a):
            named = max(named, 1.0 + len(a) / 2)
    subj = len(subjects & k.subjects)
    # Title words shared, by their first five letters ("coerce" and "Coercing").
    overlap = len({w[:5] for w in k.title if not w.startswith("@")} & {w[:5] for w in content})
    # The conduct the title names counts towards describing the offence ("transmitting ...
    # without consent" for "Using a carriage service to transmit ... without consent").
    conduct_named = bool(claim.conduct & k.conduct & conduct_of(off.title))
    if not named and not subj and overlap + conduct_named < 2:
        return 0.0
    score = named + 2.5 * subj + 0.5 * overlap
    # Of offences sharing a conduct tag, the one whose title uses the claim's own verb
    # ("coercing" for Coercion through blackmail, not Blackmail).
    score += 0.5 * len(k.verbs & {w[:5] for w in words})
    if claim.conduct:
        both = claim.conduct & k.conduct
        if both:
            # Recall (the claim's conduct covered) counts most; precision breaks ties
            # between a specific offence and a catch-all one.
            score += 3.0 * len(both) / len(claim.conduct) + 1.0 * len(both) / len(k.conduct)
        elif k.conduct:
            score -= 3.0
    elif k.conduct and not (k.conduct & {"production", "distribution"}):
        score -= 1.0  # no conduct named: "deepfakes can result in" is about making/sharing
    if claim.minor and k.child:
        score += 2.0
    elif claim.minor and k.adult:
        score -= 2.0
    elif not claim.minor and k.child and _CHILD_TAG not in subjects:
        score -= 2.0
    adult_claim = bool(re.search(r"\badults?\b", claim.text, re.I))
    if adult_claim and k.adult:
        score += 2.0
    elif adult_claim and k.child:
        score -= 2.0
    if "sextortion" in k.conduct and "sextortion" not in claim.conduct:
        score -= 3.0  # threatening to share is its own offence: a claim about sharing is not about it
    profit_claim = bool(re.search(r"\bprofit|\bsell|\bsold|\bselling|\bfor money|\bcommercial", claim.text, re.I))
    if k.profit and not profit_claim:
        score -= 2.0
    elif k.profit and profit_claim:
        score += 2.0
    elif profit_claim:
        score -= 1.0  # "selling deepfakes": the for-profit offence, where there is one, first
    return max(score, 0.0001) if (named or subj) else max(score, 0.0)


def _directive_numbers(o: Offence) -> list[str]:
    """The numbers a directive is cited by ("2024/1385"), from its title and citation."""
    return re.findall(r"\b\d{4}/\d{1,4}\b", f"{o.instrument.title} {o.instrument.citation or ''}")


def _names_law(o: Offence, content: list[str]) -> bool:
    """True when the claim's content words name `o`'s law by its title, short title, citation
    or a capitalised alias ("the Take It Down Act"); lower-case aliases are topics."""
    for n in [o.instrument.title, o.instrument.short, o.instrument.citation] + list(o.aliases):
        if n and any(ch.isupper() for ch in n):
            seq = _content(words_of(n))
            if len(seq) >= 2 and _seq_in(seq, content):
                return True
    return False


def _alternatives_context(off: Offence, others: list[Offence], day: _dt.date) -> list[str]:
    """A note naming the other offences the claim could describe when their penalty differs:
    the verdict is for the one read, and a reader should know the reading was a choice."""
    mine = off.in_force(day)
    out = []
    for o in others[:3]:
        v = o.in_force(day)
        if v is None or (mine is not None and (v.prison, v.fine) == (mine.prison, mine.fine)):
            continue
        from .penalty import penalty_words

        out.append(f"Read as {off.id}; the claim could also describe {o.id} ({o.title}: {penalty_words(v, o.minimum_standard)}).")
    return out


# --------------------------------------------------------------------------- penalty comparison


def _prison_match(p: Prison | None, q: TermQty, minimum_standard: bool = False) -> bool:
    if p is None:
        return False
    if minimum_standard and q.qualifier == "min":
        # A directive's "maximum of at least N years" reads as "at least N years".
        return p.max is not None and p.max == q.term
    if q.qualifier == "min":
        return p.min is not None and p.min == q.term
    if q.qualifier == "max":
        return p.max is not None and p.max == q.term
    if p.max is not None and (p.max == q.term or not p.max_basis):
        return p.max == q.term
    # No stated maximum (or only a general cap): a bare figure is the article's own minimum.
    return p.min is not None and p.min == q.term


class _Rates:
    """Dated conversions: `table.convert` when a rate table is given, else lawref.money's
    `convert` when it exists; None (unverifiable) otherwise."""

    def __init__(self, table=None) -> None:
        self._convert = getattr(table, "convert", None)
        if self._convert is None:
            try:
                from . import money

                self._convert = getattr(money, "convert", None)
            except Exception:  # noqa: BLE001
                self._convert = None

    def convert(self, amount: float, a: str, b: str, day: _dt.date):
        if self._convert is None:
            return None
        try:
            return self._convert(amount, a, b, day)
        except Exception:  # noqa: BLE001 - a broken rate table must not crash a check
            return None


def _as_record_dollar(m: Money | None, currencies: list[str | None]) -> Money | None:
    """A bare "$" read as the record's own dollar (A$ for an Australian ruling), not USD."""
    dollars = {c for c in currencies if c in _DOLLARS}
    if m is None or not m.assumed or len(dollars) != 1:
        return m
    return replace(m, currency=dollars.pop(), assumed=False)


def _fine_match(f: Fine | None, q: FineQty, day: _dt.date, rates: _Rates, tol: float) -> tuple[bool | None, str | None]:
    """(matches, note): None when the amounts are in different currencies without a rate."""
    if f is None:
        return False, None
    if q.unlimited:
        return bool(f.unlimited), None
    if q.money is None:
        return False, None
    target = f.min if q.qualifier == "min" else f.max
    if target is None or target == "unlimited" or not f.currency:
        return False, None
    cur = q.money.currency
    if q.money.assumed and f.currency in _DOLLARS:
        cur = f.currency
    if cur == f.currency:
        return abs(q.money.amount - float(target)) <= SAME_AMOUNT * float(target), None
    conv = rates.convert(float(target), f.currency, cur, day)
    if not conv:
        why = getattr(conv, "reason", None) or "no dated exchange rates available"
        return None, f"cannot compare {cur} with the record's {f.currency}: {why}"
    ok = abs(q.money.amount - conv.amount) <= tol * conv.amount
    note = f"{_amount(float(target), f.currency)} is about {_amount(conv.amount, cur)} at the rate of {_d(conv.rate_date)}"
    return ok, note


def _hits_one(checker, off: Offence, a: Aggravated, q, day: _dt.date) -> bool:
    if isinstance(q, TermQty):
        return _prison_match(a.prison, q, off.minimum_standard)
    return bool(_fine_match(a.fine, q, day, checker.rates, checker.tol)[0])


def _options(v: PenaltyVersion) -> list[tuple[PenaltyVersion, Aggravated | None]]:
    return [(v, None)] + [(v, a) for a in v.aggravated]


_FIRST_TIME = re.compile(r"\bfirst[- ]time\b|\bfirst offen[cs]|\bno prior\b|\bwithout (?:a |any )?prior\b|\bfirst conviction\b", re.I)
_REPEAT = re.compile(r"\bprior\b|\bhabitual|\brepeat|\bprevious|\brecidiv", re.I)
_ADULT = re.compile(r"\badults?\b|\bgrown[- ]ups?\b", re.I)


def _variant_filter(off: Offence, claim_words: Iterable[str]):
    """Which (version, variant) readings a claim's own words allow: a variant for other
    conduct (possession when the claim says producing), for repeat offenders when it says
    first-time, for minors when it says adults; and not the base offence when the claim is
    about a minor and a variant is the one for minors."""
    from .claims import conduct_of, mentions_minor

    text = " ".join(claim_words)
    conduct, minor = conduct_of(text), mentions_minor(text)
    first_time, adult = bool(_FIRST_TIME.search(text)), bool(_ADULT.search(text))
    child_offence = _CHILD_TAG in off.tags or mentions_minor(off.title)

    def fits(opt) -> bool:
        v, a = opt
        if a is None:
            return not (minor and not child_offence and any(mentions_minor(x.label) for x in v.aggravated))
        lab_conduct = conduct_of(a.label)
        if lab_conduct and conduct and not (lab_conduct & conduct):
            return False
        if first_time and _REPEAT.search(a.label):
            return False
        if adult and mentions_minor(a.label):
            return False
        if minor and _ADULT.search(a.label) and not mentions_minor(a.label):
            return False
        return True

    return fits


# What aggravated variants turn on, in the words claims and labels use for it.
_CONCEPT_RE = {
    "online": re.compile(r"\bonline\b|\binternet\b|\bnetworks?\b|\belectronic\b|\bweb\b|social media|public communication|\bcarriage service|\ben ligne\b|\bréseau", re.I),
    "minor": _MINOR_RE,
    "profit": re.compile(r"\bprofit|\bsell|\bsold\b|\bcommercial|\bfor money\b|\bgain\b|\bpaid\b|\blucrati", re.I),
    "repeat": re.compile(r"\bprior\b|\brepeat|\bprevious|\bhabitual|\brecidiv|\bagain\b|\bsecond offen", re.I),
    "gang": re.compile(r"\borgani[sz]ed\b|\bgang\b|\bbande\b", re.I),
    "young": re.compile(r"\bprepubescent|\bunder (?:the age of )?12\b|\byounger than 12\b|\btoddler|\binfant", re.I),
    "violence": re.compile(r"\bviolen|\bsadis|\bmasochis", re.I),
}


def _concepts(text: str) -> set[str]:
    return {k for k, rx in _CONCEPT_RE.items() if rx.search(text)}


def _label(a: Aggravated | None) -> str:
    return f" when {a.label}" if a else ""


def _penalty_sources(v: PenaltyVersion, a: Aggravated | None) -> list[Source]:
    return list((a.sources if a and a.sources else ()) + v.sources)


def _assess_penalty(
    off: Offence, day: _dt.date, aspect: str, found: str, match, words, claim_words: Iterable[str] = (), names_law: bool = False, variants_ok: bool = False
) -> Finding:
    """Compare one statutory figure with `off` at `day`, its variants and other versions.

    `match(version_or_variant) -> bool | None` (None: cannot tell); `words(x) -> str`.
    Among matching aggravated variants, the one whose label shares most words with the
    claim (`claim_words`) is named; a figure only a variant has is wrong when the claim says
    nothing of that variant's condition, unless `variants_ok` (the claim is about a case,
    whose facts may be the aggravated ones). `names_law`: the claim cites this law or
    article, so a day before it existed is wrong, not merely unknown.
    """
    now = off.in_force(day)
    if now is None and off.before_history(day) == "not-recorded":
        first = min(off.penalties, key=lambda v: v.start)
        expl = f"The record of {off.citation} starts on {_d(first.start)}; its penalty on {_d(day)} is not recorded (missing version)."
        return Finding(aspect, Verdict.UNVERIFIABLE, found, None, expl, off.id, list(first.sources))
    if now is None and off.before_history(day) == "not-created" and not names_law:
        # No specific offence yet: an older, more general law lawref does not hold may have
        # covered the conduct (data/README.md), so the claim is neither confirmed nor refuted.
        first = min(off.penalties, key=lambda v: v.start)
        expl = (
            f"{off.citation} ({off.title}) was created on {_d(off.created)}; lawref holds no offence for this conduct "
            f"on {_d(day)}, and an older law it does not hold may have covered it (missing offence)."
        )
        return Finding(aspect, Verdict.UNVERIFIABLE, found, f"no specific offence before {_d(off.created)}", expl, off.id, list(first.sources))
    expected = words(now) if now else f"no such offence in force on {_d(day)}"
    ctx: list[str] = []
    unknown = False
    cw = set(_content(claim_words))
    fits = _variant_filter(off, claim_words)

    def readings(v: PenaltyVersion) -> list[tuple[PenaltyVersion, Aggravated | None]]:
        """The version and those of its variants the claim's words allow."""
        every = _options(v)
        return [o for o in every if fits(o)] or every

    claim_concepts = _concepts(" ".join(claim_words))
    # Words naming the offence itself ("child pornography") say nothing of a variant.
    own_text = " ".join([off.title, *off.aliases])
    own_words, own_concepts = set(_content(words_of(own_text))), _concepts(off.title)

    def affinity(opt) -> int:
        a = opt[1]
        if a is None:
            return 1000
        shared = (set(_content(words_of(a.label))) & cw) - _GENERIC_LEGAL - own_words - _PLACE_WORDS
        return sum(2 if w.startswith("@") else 1 for w in shared) + 3 * len(_concepts(a.label) & claim_concepts - own_concepts)

    if now is not None:
        for v, a in sorted(readings(now), key=lambda o: -affinity(o)):
            m = match(a or v)
            if m is None:
                unknown = True
                continue
            if m and a is not None and not variants_ok and affinity((v, a)) == 0 and not match(now):
                # "Possessing child pornography carries up to 20 years": true only of a variant
                # (a prior conviction) the claim does not mention, so wrong as a general statement.
                expl = (
                    f"{off.citation} ({off.title}) provides {words(now)} on {_d(day)}, not {found}; "
                    f"{words(a)} applies only {_label(a).strip()}, which the claim does not say."
                )
                return Finding(aspect, Verdict.INACCURATE, found, f"{words(now)}; {words(a)}{_label(a)}", expl, off.id, _penalty_sources(v, a), ctx)
            if m:
                expl = f"Matches {off.citation} as in force on {_d(day)} ({_version_span(now)}){_label(a)}: {words(a or v)}."
                if a is not None:
                    ctx.append(f"That figure applies only {_label(a).strip()}; otherwise the penalty is {words(now)}.")
                    if a.unverified:
                        ctx.append(f"The record marks that figure unverified{': ' + _first_sentence(a.note).rstrip('.') if a.note else ''}; confirm it before citing.")
                return Finding(aspect, Verdict.ACCURATE, found, words(a or v), expl, off.id, _penalty_sources(v, a), ctx)
    versions = [v for v in off.penalties if v is not now]
    past = [v for v in versions if v.status is not Status.PROSPECTIVE and v.end is not None and v.end < day]
    for v in reversed(past):
        for vv, a in readings(v):
            if match(a or vv):
                later = [x for x in off.penalties if x.start > v.start and x.status is not Status.PROSPECTIVE]
                change = later[0].start if later else (v.end + _dt.timedelta(days=1) if v.end else None)
                now_text = f"since {_d(change)} it is {expected}" if now else f"the offence is no longer in force on {_d(day)}"
                expl = f"True {_version_span(v)}{_label(a)} ({words(a or vv)}); {now_text} ({off.citation})."
                return Finding(aspect, Verdict.OUTDATED, found, expected, expl, off.id, _penalty_sources(v, a) + (list(now.sources) if now else []), ctx)
    for v in versions:
        if v.start > day:
            for vv, a in readings(v):
                if match(a or vv):
                    when = "is expected to take effect" if v.status is Status.PROSPECTIVE else "took effect"
                    base = f"on {_d(day)} it was {expected}" if now else f"on {_d(day)} {off.citation} was not in force"
                    expl = f"Not yet law on {_d(day)}: {words(a or vv)}{_label(a)} {when} on {_d(v.start)}; {base}."
                    return Finding(aspect, Verdict.INACCURATE, found, expected, expl, off.id, list(v.sources) + (list(now.sources) if now else []), ctx)
    if unknown:
        return Finding(aspect, Verdict.UNVERIFIABLE, found, expected, f"Could not compare with {off.citation}: no exchange rate for the currencies involved.", off.id, list(now.sources) if now else [], ctx)
    if aspect == "fine" and now is not None and now.fine is None and not any(a.fine for a in now.aggravated):
        # The offence sets no fine of its own, but general law may let a court fine instead of or
        # as well as imprisonment (e.g. Crimes Act 1914 (Cth) s 4B): not recorded, so not refuted.
        expl = (
            f"{off.citation} states no fine of its own on {_d(day)}; a general provision may allow one, and lawref does not "
            f"record it (missing figure)."
        )
        return Finding(aspect, Verdict.UNVERIFIABLE, found, None, expl, off.id, list(now.sources), ctx)
    if aspect == "prison" and now is not None and now.prison is None and now.combine is not None:
        # "imprisonment and/or a fine" with no term recorded: the law has a prison term the
        # record could not state, so the claimed term can be neither confirmed nor refuted.
        see = "; see the record's note" if now.note else ""
        expl = f"{off.citation} provides imprisonment {now.combine.value} a fine, but the record gives no prison term{see} (missing figure)."
        return Finding(aspect, Verdict.UNVERIFIABLE, found, None, expl, off.id, list(now.sources), ctx)
    if now is None:
        first = next((v for v in off.penalties if v.status is not Status.PROSPECTIVE), None)
        if first and first.start > day:
            expl = f"{off.citation} ({off.title}) took effect on {_d(first.start)}, after {_d(day)}."
        else:
            expl = f"{off.citation} was not in force on {_d(day)}."
        return Finding(aspect, Verdict.INACCURATE, found, expected, expl, off.id, list(first.sources) if first else [], ctx)
    allowed = readings(now)
    if all(a is not None for _, a in allowed):
        # The claim's words point at variants ("of a minor"): those are what it is measured by.
        expected = "; ".join(f"{words(a)}{_label(a)}" for _, a in allowed)
    else:
        # "..., or 50 if the images involve a child under 12": name the variant the claim's
        # condition describes beside the base penalty.
        near = [a for _, a in allowed if a is not None and 0 < affinity((now, a)) < 1000]
        if near:
            a = max(near, key=lambda x: affinity((now, x)))
            expected = f"{expected}; {words(a)}{_label(a)}"
    expl = f"{off.citation} ({off.title}) provides {expected} on {_d(day)}, not {found}."
    return Finding(aspect, Verdict.INACCURATE, found, expected, expl, off.id, list(now.sources), ctx)


def _assess_previous(off: Offence, day: _dt.date, aspect: str, found: str, match, words) -> Finding:
    """Check a figure the claim gives as the one before a change ("up from five years")."""
    earlier = [v for v in off.penalties if v.status is not Status.PROSPECTIVE and v.end is not None and v.end < day]
    if not earlier:
        expl = f"{off.citation} records no earlier penalty before {_d(day)}, so no change from {found.replace('previously ', '')}."
        return Finding(aspect, Verdict.INACCURATE, found, None, expl, off.id, list(off.penalties[0].sources) if off.penalties else [])
    for i, v in enumerate(reversed(earlier)):
        for vv, a in _options(v):
            if match(a or vv):
                expl = f"Before the change it was {words(a or vv)}{_label(a)} ({_version_span(v)}, {off.citation})."
                ctx = [] if i == 0 else ["That was not the version just before the current one."]
                return Finding(aspect, Verdict.ACCURATE, found, words(a or vv), expl, off.id, _penalty_sources(v, a), ctx)
    last = earlier[-1]
    expl = f"Before the change it was {words(last)} ({_version_span(last)}, {off.citation}), not {found.replace('previously ', '')}."
    return Finding(aspect, Verdict.INACCURATE, found, words(last), expl, off.id, list(last.sources))


def _penalty_context(off: Offence, day: _dt.date, cat, claim: Claim, kinds: set[str], named: list[str]) -> list[str]:
    """What a reader should know beside the verdict on a statutory figure."""
    out: list[str] = []
    now = off.in_force(day)
    if "max" in kinds:
        out.append("A statutory maximum is the most a court may impose, not a typical sentence.")
    if "min" in kinds and not off.minimum_standard:
        out.append("A statutory minimum is the least a court must impose, before any reductions the law allows.")
    if off.minimum_standard:
        out.append("This is an EU minimum standard: Member States must provide at least this maximum in their own law.")
        if "min" in kinds:
            out.append("It sets no minimum sentence: \"at least\" is read as the floor for the maximum Member States must provide.")
    if now is not None:
        if kinds and now.prison is not None and now.prison.max_basis and now.prison.max is not None:
            out.append(
                f"The article itself sets only a minimum; its maximum of {now.prison.max.words()} is the general cap under "
                f"{now.prison.max_basis}."
            )
        if now.unverified:
            out.append(f"The record marks this penalty unverified{': ' + _first_sentence(now.note) if now.note else ''}.")
        for a in now.aggravated:
            if a.prison or a.fine:
                from .penalty import penalty_words

                out.append(f"A higher penalty applies when {a.label}: {penalty_words(a)}.")
            elif a.note:
                out.append(f"Aggravated ({a.label}): {_first_sentence(a.note)}")
    for v in off.upcoming(day):
        from .penalty import penalty_words

        state = "is expected to take effect" if v.status is Status.PROSPECTIVE else "took effect"
        out.append(f"A new penalty {state} on {_d(v.start)}: {penalty_words(v, off.minimum_standard)}.")
    for code in named:
        if _state_of(code, off.jurisdiction):
            out.append(
                f"lawref holds no records of {_jname(code)} law; this is the {_jname(off.jurisdiction)} offence, which applies "
                f"there too, and the state's own law may set a different penalty."
            )
        elif off.jurisdiction.upper() != code.upper():
            out.append(f"The record covers {_jname(off.jurisdiction)}, not all of {_jname(code)}.")
    # A higher penalty when the person depicted is a child: the jurisdiction's child-abuse
    # offence with the same conduct.
    # The closest in conduct wins: the same conduct exactly, then the most shared, then the
    # fewest other kinds of conduct.
    if _CHILD_TAG not in off.tags and not mentions_minor(off.title) and not claim.minor:
        conduct = (set(off.tags) & _CONDUCT_TAGS) | conduct_of(off.title)
        profit = bool(_PROFIT_TITLE.search(off.title))
        title = set(_content(words_of(off.title))) - _GENERIC_LEGAL
        best = None
        for o in sorted(cat.offences, key=lambda x: x.id):
            if o.jurisdiction != off.jurisdiction or o.id == off.id or not (_CHILD_TAG in o.tags or mentions_minor(o.title)):
                continue
            oc = (set(o.tags) & _CONDUCT_TAGS) | conduct_of(o.title)
            v = o.in_force(day)
            if v is None or not (oc & conduct) or "sextortion" in oc - conduct:
                continue
            # Then: for profit or not like this offence, and the most title words shared.
            shared = len(title & set(_content(words_of(o.title))))
            rank = (oc == conduct, bool(_PROFIT_TITLE.search(o.title)) == profit, shared, len(oc & conduct), -len(oc - conduct))
            if best is None or rank > best[0]:
                best = (rank, o, v)
        if best is not None:
            from .penalty import penalty_words

            _, o, v = best
            out.append(f"When the person depicted is a minor, {o.citation} ({o.title}) applies: {penalty_words(v, o.minimum_standard)}.")
    return out


# --------------------------------------------------------------------------- conversions


def _conversion_finding(native: Money, conv_money: Money, day: _dt.date, rates: _Rates, tol: float, record: str | None) -> Finding:
    found = f"{_amount(native.amount, native.currency)} ≈ {_amount(conv_money.amount, conv_money.currency)}"
    conv = rates.convert(native.amount, native.currency, conv_money.currency, day)
    if not conv:
        why = getattr(conv, "reason", None) or "no dated exchange rates are available"
        return Finding("conversion", Verdict.UNVERIFIABLE, found, None, f"Conversion not checked: {why}.", record)
    diff = (conv_money.amount - conv.amount) / conv.amount
    expected = f"{_amount(conv.amount, conv_money.currency)} (±{tol:.0%})"
    rate = conv.rate_text() if hasattr(conv, "rate_text") else f"{conv.rate:.6g}"
    source = getattr(conv, "source", None) or "reference rate"
    where = f"at the {source} of {_d(conv.rate_date)} ({rate})"
    ctx = [f"Converted amounts are checked at the exchange rate of the date (or the latest before it), within ±{tol:.0%}, separately from the native amount."]
    if conv.note:
        ctx.append(f"Rate note: {conv.note}.")
    if abs(diff) <= tol:
        expl = f"{_amount(native.amount, native.currency)} was {_amount(conv.amount, conv_money.currency)} {where}; {_amount(conv_money.amount, conv_money.currency)} is within ±{tol:.0%} ({diff:+.1%})."
        return Finding("conversion", Verdict.ACCURATE, found, expected, expl, record, [], ctx)
    last = _last_matching_rate_day(native, conv_money, day, rates, tol)
    if last is not None:
        expl = (
            f"{_amount(conv_money.amount, conv_money.currency)} matched the exchange rate until about {_d(last)}; {where} "
            f"{_amount(native.amount, native.currency)} is {_amount(conv.amount, conv_money.currency)} ({diff:+.1%})."
        )
        return Finding("conversion", Verdict.OUTDATED, found, expected, expl, record, [], ctx)
    expl = f"{_amount(native.amount, native.currency)} was {_amount(conv.amount, conv_money.currency)} {where}, not {_amount(conv_money.amount, conv_money.currency)} ({diff:+.1%})."
    return Finding("conversion", Verdict.INACCURATE, found, expected, expl, record, [], ctx)


def _last_matching_rate_day(native: Money, conv_money: Money, day: _dt.date, rates: _Rates, tol: float, years: int = 5) -> _dt.date | None:
    """The latest day within `years` before `day` when the conversion was within tolerance."""
    step = _dt.timedelta(days=7)
    d = day - step
    stop = day - _dt.timedelta(days=365 * years)
    while d >= stop:
        c = rates.convert(native.amount, native.currency, conv_money.currency, d)
        if not c:
            return None
        if abs(conv_money.amount - c.amount) <= tol * c.amount:
            return getattr(c, "rate_date", d)
        d -= step
    return None


# --------------------------------------------------------------------------- cases




def _sentence_total(p: Proceeding) -> Term | None:
    s = p.sentence
    if s is None or s.prison is None or s.prison.max is None:
        return None
    return s.prison.max


def _proc_words(p: Proceeding) -> str:
    bits = []
    t = _sentence_total(p)
    if t is not None:
        bits.append(_term_words(t))
        if p.sentence.extended_licence:
            bits[-1] += f" in custody plus {p.sentence.extended_licence.words()} on extended licence"
    if p.sentence and p.sentence.fine and p.sentence.fine.max not in (None, "unlimited"):
        bits.append(_amount(float(p.sentence.fine.max), p.sentence.fine.currency or ""))
    what = " and ".join(bits) if bits else (p.outcome if p.outcome and p.outcome != "other" else p.level)
    final = ", final" if p.final else ""
    who = getattr(p, "defendant", None)
    who = f"{who}; " if who else ""
    return f"{what} ({who}{p.court.split(',')[0]}, {p.level}, {_d(p.date)}{final})"


def _term_matches_proc(p: Proceeding, term: Term) -> str | None:
    """None, or how the term matches the proceeding's sentence ("custody", "total")."""
    t = _sentence_total(p)
    if t is None:
        return None
    if t == term:
        return "custody"
    lic = p.sentence.extended_licence
    if lic is not None and not t.life and Term(months=t.months + lic.months) == term:
        return "total"
    return None


_NOW_WORDS = re.compile(r"\b(?:now|currently|still|is serving|are serving|remains)\b", re.I)


_PAST_STATE = re.compile(r"\b(?:carried|was punishable|were punishable|was punished|were punished|could get|could result|provided|set)\b", re.I)


def _stated_days(claim: Claim, day: _dt.date) -> tuple[list[_dt.date], object | None]:
    """The days a claim speaks of by its own words, none after `day`, with the date phrase:
    "in April 2021" → the end of that period; "before October 2024" → the day before;
    "since 2022" → both its first day and `day`. ([day], None) for present-tense claims
    ("now", "currently"), claims that state no date or several, and dates of a law's own
    passage ("amended in 2024")."""
    dates = [d for d in claim.dates if not d.law_event and not d.aside]
    if not dates and _PAST_STATE.search(claim.english):
        # "the offence created in April 2015 carried two years": the law as it then stood.
        dates = [replace(d, relation="in") for d in claim.dates if d.law_event and not d.aside]
    if len(dates) != 1 or _NOW_WORDS.search(claim.english):
        return [day], None
    d = dates[0]
    if d.first > day:
        return [day], None
    if d.relation == "since":
        # Some day within the period named: "since October 2024" holds from its end at least.
        start = min(d.last, day)
        return ([start, day] if start < day else [day]), d
    if d.relation == "before" or (d.relation == "until" and d.first != d.last):
        # "until January 2024": up to some day of that month; the day before it surely.
        return [d.first - _dt.timedelta(days=1)], d
    if d.relation == "after":
        return [day], None
    return [min(d.last, day)], d


_ARTICLE_CITE = re.compile(
    r"(?:\b(?:articles?|art\.?|sections?|sec\.?|s\.|§+)\s*|\bU\.?\s?S\.?\s?C\.?\s*(?:§+\s*)?)"
    r"(?P<a>\d[0-9A-Za-z]*(?:[-.]\d+[0-9A-Za-z]*)*(?:\s*\([0-9A-Za-z]+\))*)",
    re.I,
)


# A claim that a penalty changed ("raised the maximum to", "became punishable by"): its date
# is the change's, checked against the day the penalty in force took effect.
_CHANGE_VERB = re.compile(
    r"\b(?:rais(?:ed|es|ing)|increas(?:ed|es|ing)|toughen(?:ed|s)|tighten(?:ed|s)|doubl(?:ed|es)|harshen(?:ed)|"
    r"became|become|becomes|made\s+(?:it\s+)?(?:a\s+)?(?:crime|punishable|illegal)|criminali[sz](?:ed|es)|introduc(?:ed|es))\b",
    re.I,
)
def _dates_a_change(claim: Claim) -> bool:
    """Whether the claim's date is that of a change in the law ("rose to seven years in March
    2024"), not of a state before it ("five years before the law was toughened in 2024")."""
    return bool(_CHANGE_VERB.search(claim.english) and claim.dates) and not any(d.relation in ("before", "until") for d in claim.dates)


def _respective_terms(claim: Claim, n: int):
    """The n figures of "... up to 10 and five years respectively", in order, or None."""
    if claim.fines or not re.search(r"\brespectively\b", claim.text, re.I) or not claim.terms:
        return None
    if len(claim.terms) == n:
        return claim.terms
    from .claims import TermQty, normalise_numbers, term_from

    m = re.search(r"((?:\d+(?:\.\d+)?\s*(?:,|and|or)\s*)+\d+(?:\.\d+)?)\s*(years?|months?)\b", normalise_numbers(claim.text), re.I)
    nums = re.findall(r"\d+(?:\.\d+)?", m.group(1)) if m else []
    if len(nums) != n:
        return None
    q = claim.terms[-1]
    return tuple(TermQty(term_from(float(x), m.group(2)), q.qualifier, f"{x} {m.group(2)}", q.kind, q.start) for x in nums)


_JOINED = re.compile(r"^\s*(?:,\s*)?(?:and|or|&|as well as|,)\s*(?:in\s+)?(?:the\s+)?$", re.I)


def _joint_places(claim: Claim) -> list[str]:
    """Jurisdictions a claim names together ("the UK and Australia", "France, Korea or the
    US") as the subject of one figure: each must hold. Empty when the places are not joined."""
    from .claims import _place_regex, clean_text

    rx, table = _place_regex()
    text = clean_text(claim.text)
    ms = [m for m in rx.finditer(text) if not table[m.group("p")][1]]
    if len(ms) < 2:
        return []
    for a, b in zip(ms, ms[1:]):
        if not _JOINED.match(text[a.end("p") : b.start()]):
            return []
    return list(dict.fromkeys(table[m.group("p")][0] for m in ms))


def _negated(f: Finding) -> Finding:
    """The finding for a claim that a penalty does NOT apply ("is no longer punishable by
    two years"): true where the figure is wrong or outdated, false where it is right."""
    if f.verdict is Verdict.ACCURATE:
        f.verdict, f.explanation = Verdict.INACCURATE, f"The claim says it is not, but it is: {f.explanation}"
    elif f.verdict in (Verdict.OUTDATED, Verdict.INACCURATE):
        f.verdict, f.explanation = Verdict.ACCURATE, f"Right, it is not: {f.explanation}"
    return f


def _penalty_words_of(v: PenaltyVersion, a: Aggravated) -> str:
    """A variant's whole penalty in words, its missing parts taken from the base."""
    from .penalty import penalty_words

    return penalty_words(replace(v, prison=a.prison or v.prison, fine=a.fine or v.fine, combine=a.combine or v.combine, aggravated=()))


def _penalty_text(v: PenaltyVersion, off: Offence) -> str:
    from .penalty import penalty_words

    return penalty_words(v, off.minimum_standard)


def _future_date(claim: Claim, day: _dt.date):
    """The one date a claim gives when it lies wholly after `day` ("in 2099"), else None."""
    dates = [d for d in claim.dates if not d.law_event]
    if len(dates) == 1 and dates[0].first > day and dates[0].relation in ("in", "since", "after"):
        return dates[0]
    return None


def _change_date_finding(off: Offence, stated, day: _dt.date) -> Finding:
    """Whether the date a claim gives for a change is when the penalty in force on `day` took effect."""
    v = off.in_force(day)
    if v is None:
        return Finding("date", Verdict.UNVERIFIABLE, stated.text, None, f"No version of {off.citation} is in force on {_d(day)}.", off.id)
    if stated.covers(v.start):
        expl = f"The current penalty of {off.citation} took effect on {_d(v.start)}, as stated."
        return Finding("date", Verdict.ACCURATE, stated.text, v.start.isoformat(), expl, off.id, list(v.sources))
    expl = f"The current penalty of {off.citation} took effect on {_d(v.start)}, not {stated.text}"
    if v.promulgated and stated.covers(v.promulgated):
        expl += f" (it was promulgated then, on {_d(v.promulgated)})"
    return Finding("date", Verdict.INACCURATE, stated.text, v.start.isoformat(), expl + ".", off.id, list(v.sources))


_SIGNING = re.compile(r"\b(?:signed|passed|enacted|adopted|approved|promulgated|voted|published)\b", re.I)


def _law_event_finding(off: Offence, stated, text: str, created: bool = False) -> Finding:
    """Whether a date the claim gives for the law itself ("signed in March 2025", "took effect in
    2024", "became a criminal offence in February 2026") is one the record holds: the day the
    offence was created, a version's commencement, or (for signing and passing) its promulgation."""
    versions = [v for v in off.penalties if v.status is not Status.PROSPECTIVE]
    first = min(versions, key=lambda v: v.start) if versions else None
    signing = bool(_SIGNING.search(text))
    if created:
        start = off.created or (first.start if first else None)
        days = [start] if start else []
        if signing and first is not None and first.promulgated:
            days.append(first.promulgated)
        what = f"{off.citation} took effect on {_d(start)}" + (f" (promulgated {_d(first.promulgated)})" if first and first.promulgated else "")
    else:
        days = [v.start for v in versions] + ([v.promulgated for v in versions if v.promulgated] if signing else [])
        shown = [f"{_d(v.start)}" + (f" (promulgated {_d(v.promulgated)})" if v.promulgated else "") for v in versions]
        what = f"the versions of {off.citation} on record took effect on " + ", ".join(shown)
    srcs = list(first.sources) if first else []
    if not days:
        return Finding("date", Verdict.UNVERIFIABLE, stated.text, None, f"The record of {off.citation} gives no such date (missing date).", off.id, srcs)
    if any(stated.covers(d) for d in days):
        return Finding("date", Verdict.ACCURATE, stated.text, ", ".join(_d(d) for d in days), f"As stated: {what}.", off.id, srcs)
    return Finding("date", Verdict.INACCURATE, stated.text, ", ".join(_d(d) for d in days), f"Not {stated.text}: {what}.", off.id, srcs)


def _stated_event_day(claim: Claim, day: _dt.date) -> _dt.date:
    """The one day a past event claim speaks of (see `_stated_days`)."""
    days, _ = _stated_days(claim, day)
    return days[0]


# Wording that puts the figure in prison ("jailed for 24 years", "will spend 24 years behind
# bars"), as against the sentence's length ("sentenced to 24 years").
_CUSTODY_WORDS = re.compile(
    r"\b(?:jailed|imprisoned|locked\s+up|incarcerated|put\s+away|serv(?:e|es|ed|ing)|spend(?:s|ing)?|spent)\b[^.;,]{0,25}$"
    r"|^[^.;,]{0,25}\b(?:behind\s+bars|in\s+custody)\b",
    re.I,
)


def _custody_wording(text: str, q: TermQty) -> bool:
    """True when the claim says the term is time in prison, not the sentence's length."""
    at = text.find(q.text, max(0, q.start - len(q.text)))
    at = q.start if at < 0 else at
    return bool(_CUSTODY_WORDS.search(text[max(0, at - 40) : at]) or _CUSTODY_WORDS.search(text[at + len(q.text) : at + len(q.text) + 40]))


def _case_sentence(case: Case, q: TermQty, day: _dt.date, custody: bool = False) -> Finding:
    found = f"a sentence of {_term_words(q.term)}"
    standing, superseded = case.standing(day)
    ctx: list[str] = []
    if q.qualifier != "exact":
        ctx.append(f"The claim qualifies the sentence ({q.words()}); court sentences are compared as exact terms.")
    if q.previous:
        # "cut from 10 years to nine": the figure before the change is an earlier ruling's.
        found = f"an earlier sentence of {_term_words(q.term)}"
        earlier = [p for p in superseded if p.sentence]
        hit = next((p for p in reversed(earlier) if _term_matches_proc(p, q.term)), None)
        if hit is not None:
            after = [x for x in case.proceedings if x.date > hit.date and x.sentence and getattr(x, "defendant", None) == getattr(hit, "defendant", None)]
            higher = [x for x in after if x.level in _LEVEL_ORDER and hit.level in _LEVEL_ORDER and _LEVEL_ORDER.index(x.level) > _LEVEL_ORDER.index(hit.level)]
            after = higher or after
            repl = f", replaced by {_proc_words(after[0])}" if after else ""
            expl = f"Matches the earlier {hit.level} sentence: {_proc_words(hit)}{repl}."
            return Finding("sentence", Verdict.ACCURATE, found, _proc_words(hit), expl, case.id, list(hit.sources) + [s for x in after[:1] for s in x.sources], ctx)
        expected = "; ".join(_proc_words(p) for p in earlier) or "no earlier sentence"
        expl = f"No earlier sentence of {_term_words(q.term)} is recorded for {case.defendant.name} before {_d(day)} (earlier: {expected})."
        return Finding("sentence", Verdict.INACCURATE, found, expected, expl, case.id, [s for p in earlier for s in p.sources], ctx)
    for p in standing:
        how = _term_matches_proc(p, q.term)
        if how:
            if how == "total":
                split = f"{_term_words(_sentence_total(p))} in custody plus {p.sentence.extended_licence.words()} on extended licence"
                if custody:
                    expl = (
                        f"{_term_words(q.term)} is the whole extended sentence, not time in prison: {split} ({p.court.split(',')[0]}, {_d(p.date)}); the"
                        f" licence period is served in the community under supervision. “Sentenced to {_term_words(q.term)}” or “jailed for"
                        f" {_term_words(_sentence_total(p))}” would be accurate."
                    )
                    return Finding("sentence", Verdict.INACCURATE, f"{_term_words(q.term)} in prison", _proc_words(p), expl, case.id, list(p.sources), ctx)
                ctx.append(f"{_term_words(q.term)} is the whole extended sentence: {split}.")
            expl = f"Matches the sentence standing on {_d(day)}: {_proc_words(p)}."
            return Finding("sentence", Verdict.ACCURATE, found, _proc_words(p), expl, case.id, list(p.sources), ctx)
    if len(standing) > 1:
        total = sum(_sentence_total(p).months for p in standing if _sentence_total(p) and not _sentence_total(p).life)
        if Term(months=total) == q.term:
            ctx.append("The figure is the combined total of separate sentences standing on that date.")
            expl = "Matches the combined sentences standing on " + _d(day) + ": " + "; ".join(_proc_words(p) for p in standing) + "."
            return Finding("sentence", Verdict.ACCURATE, found, _term_words(q.term), expl, case.id, [s for p in standing for s in p.sources], ctx)
    expected = "; ".join(_proc_words(p) for p in standing) or None
    for p in reversed(superseded):
        if _term_matches_proc(p, q.term):
            after = [x for x in standing if x.date > p.date and getattr(x, "defendant", None) == getattr(p, "defendant", None)]
            repl = f"; it was replaced by {_proc_words(after[0])}" if after else ""
            expl = f"That was the {p.level} sentence of {_d(p.date)} ({p.court.split(',')[0]}), not the one standing on {_d(day)}{repl}."
            return Finding("sentence", Verdict.OUTDATED, found, expected, expl, case.id, list(p.sources) + [s for x in after[:1] for s in x.sources], ctx)
    later = [p for p in case.proceedings if p.sentence and p.date > day and _term_matches_proc(p, q.term)]
    if later:
        p = later[0]
        expl = f"Not yet on {_d(day)}: {_proc_words(p)} came later."
        return Finding("sentence", Verdict.INACCURATE, found, expected, expl, case.id, list(p.sources), ctx)
    if not standing:
        last = case.latest(day)
        state = f"; latest: {_proc_words(last)}" if last else ""
        ctx += _pending_note(case, day)
        expl = f"No sentence is recorded for {case.defendant.name} as of {_d(day)}{state}."
        return Finding("sentence", Verdict.INACCURATE, found, "no sentence", expl, case.id, list(last.sources) if last else [], ctx)
    expl = f"The sentence standing on {_d(day)} is {expected}, not {_term_words(q.term)}."
    ctx += _pending_note(case, day)
    if case.notes:
        ctx.append(f"Record note: {_first_sentence(case.notes, 300)}")
    return Finding("sentence", Verdict.INACCURATE, found, expected, expl, case.id, [s for p in standing for s in p.sources], ctx)


# Court levels as news text names them, highest first: the first that matches is the claim's.
_LEVEL_WORDS = (
    ("supreme", re.compile(r"\b(?:supreme\s+court|top\s+court|highest\s+court|court\s+of\s+cassation|cour\s+de\s+cassation)\b", re.I)),
    ("appeal", re.compile(r"\b(?:appeals?\s+court|appellate\s+court|court\s+of\s+appeals?|cour\s+d'appel|on\s+appeal|high\s+court|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|d\.?\s?c\.?|federal|\d+(?:st|nd|rd|th))\s+circuit)\b", re.I)),
    ("first-instance", re.compile(r"\b(?:(?:at|in)\s+(?:the\s+)?first\s+instance|first-instance|trial\s+court|district\s+court|crown\s+court|lower\s+court|tribunal\s+correctionnel)\b", re.I)),
)
_CRIMINAL_WORDS = re.compile(r"\bcriminal\s+(?:trial|case|court|conviction|prosecution|charges?)\b|\bconvicted\b|\bprosecuted\b|\bfound guilty\b|\bpleaded guilty\b", re.I)
_LEVEL_NAMES = {"supreme": "supreme court", "appeal": "appeal", "first-instance": "first-instance"}
_LEVEL_ORDER = ("first-instance", "appeal", "supreme")


def _own_proceedings(case: Case, day: _dt.date) -> list[Proceeding]:
    """The proceedings up to `day` of the defendant a claim is about: the case's named
    defendant, or all of them when the case was narrowed to a co-defendant's."""
    upto = [p for p in case.proceedings if p.date <= day]
    return [p for p in upto if p.defendant in (None, case.defendant.name)] or upto


def _claimed_level(text: str) -> str | None:
    """The court level a case claim names ("the Supreme Court upheld", "on appeal", "at first
    instance"), or None."""
    for lvl, rx in _LEVEL_WORDS:
        for m in rx.finditer(text):
            lead, tail = text[max(0, m.start() - 40) : m.start()], _CLAUSE_END.split(text[m.end() :], 1)[0]
            if not (_NOT_A_RULING_BEFORE.search(lead) or _NOT_A_RULING_AFTER.match(tail)):
                return lvl
    return None


# A court named but no ruling of it claimed: "appealed to the Supreme Court", "the Supreme
# Court has yet to rule", "an appeal is pending before the High Court".
_NOT_A_RULING_BEFORE = re.compile(r"\b(?:appeal(?:ed|s|ing)?|petition(?:ed|s)?|turn(?:ed|s)?|went|go(?:es)?|head(?:ed|s)?|pending|lodged|filed)\s+(?:\w+\s+){0,3}?(?:to|before|at|with)\s+(?:the\s+|a\s+)?$", re.I)
_NOT_A_RULING_AFTER = re.compile(r"\s*(?:\w+\s+){0,2}?(?:has|have|is|are)\s+(?:yet|still)\s+to\b|\s*(?:\w+\s+){0,2}?(?:has|have|did|does|is|was)\s*(?:not|n't|never)\b|\s*(?:will|would|could|may|might|is expected to|is due to)\b", re.I)
_CLAUSE_END = re.compile(r"[.;,]|\b(?:and|but|while|whereas)\b", re.I)


def _court_finding(case: Case, level: str, terms: list[TermQty], day: _dt.date) -> Finding:
    """Whether a court at the level the claim names gave the sentence it states."""
    said = "; ".join(_term_words(q.term) for q in terms)
    found = f"{said} ({_LEVEL_NAMES[level]})"
    mine = _own_proceedings(case, day)
    at = [p for p in mine if p.level == level and p.sentence]
    if not at:
        last = mine[-1] if mine else None
        seen = f"; the latest recorded is {_proc_words(last)}" if last else ""
        final = next((p for p in reversed(mine) if p.final and p.sentence), None)
        if final is not None and final.level in _LEVEL_ORDER and _LEVEL_ORDER.index(final.level) < _LEVEL_ORDER.index(level):
            # The sentence became final below the court named: no such ruling was made.
            expl = f"The record marks the {final.level} ruling as the one that ended the case ({_proc_words(final)}): it records no {_LEVEL_NAMES[level]} ruling."
            return Finding("court", Verdict.INACCURATE, found, _proc_words(final), expl, case.id, list(final.sources))
        expl = f"The record of {case.defendant.name} holds no {_LEVEL_NAMES[level]} ruling with a sentence as of {_d(day)}{seen} (missing event)."
        return Finding("court", Verdict.UNVERIFIABLE, found, None, expl, case.id, list(last.sources) if last else [])
    hit = next((p for p in at for q in terms if _term_matches_proc(p, q.term)), None)
    if hit is not None:
        expl = f"The {_LEVEL_NAMES[level]} ruling gave that sentence: {_proc_words(hit)}."
        return Finding("court", Verdict.ACCURATE, found, _proc_words(hit), expl, case.id, list(hit.sources))
    expected = "; ".join(_proc_words(p) for p in at)
    other = next((p for p in case.proceedings if p.date <= day for q in terms if _term_matches_proc(p, q.term)), None)
    also = f"; {said} came from another court: {_proc_words(other)}" if other is not None else ""
    expl = f"The {_LEVEL_NAMES[level]} ruling was {expected}, not {said}{also}."
    return Finding("court", Verdict.INACCURATE, found, expected, expl, case.id, [x for p in at for x in p.sources])


_ANAPHOR = re.compile(r"\b(?:them|they|these|those|it|such\s+(?:images?|videos?|material|content|fakes?|(?:an?\s+)?(?:image|video|offen[cs]e|crime)))\b|\b\w+ing\s+(?:one|ones)\b", re.I)
# A sentence about "the penalty" of what the paragraph spoke of: "The maximum is now seven years".
_PENALTY_SUBJECT = re.compile(r"^\W*(?:\w+\s+){0,3}?(?:the\s+)?(?:penalt(?:y|ies)|maximum|minimum|sentences?|punishment|fines?|peines?)\b", re.I)
_ADULT_VICTIMS = re.compile(r"\b(?:of|against|depicting|showing|targeting|victimi[sz]ing)\s+(?:\w+\s+){0,2}?(?:adults?|(?:adult\s+)?women|(?:adult\s+)?men)\b", re.I)


# A place named as where a case was heard: "sentenced ... in France", "by a French court",
# "Australian prosecutors charged ...". A place that says where buyers, victims or evidence
# were ("sold images to buyers in France", "passed to French police") is not a venue.
_VENUE_AFTER = re.compile(r"\s*(?:court|courts|judge|judges|judiciary|prosecutors?|police|authorities|tribunal|jury)\b", re.I)
_VENUE_BEFORE = re.compile(r"\b(?:in|by)\s+(?:the\s+|an?\s+)?$", re.I)
_VENUE_BY = re.compile(r"\b(?:by|in|before|at)\s+(?:the\s+|an?\s+)?$", re.I)
_CASE_EVENT = re.compile(
    r"\b(?:sentenc\w*|jail\w*|imprison\w*|convict\w*|charg\w*|indict\w*|arrest\w*|tri(?:ed|al)|prosecut\w*|detain\w*"
    r"|investigat\w*|fined|ordered|acquitt\w*|cleared|upheld|uph[eo]ld\w*|handed|imposed|remanded|custody|court|placed under|mis en examen)\b",
    re.I,
)
_CLAUSE_EDGE = re.compile(r"[,;:()\u2013\u2014]|\b(?:who|whose|which|that|where|while|whereas)\b", re.I)
# Words that a following "in <place>" describes rather than the proceedings.
_NOT_VENUE_HEAD = re.compile(
    r"\b(?:buyers?|victims?|users?|people|persons?|men|women|girls?|boys?|children|members?|customers?|subscribers?|viewers?"
    r"|residents?|citizens?|nationals?|evidence|servers?|offices?|accounts?|platforms?|groups?|chats?|channels?|sites?|images?"
    r"|videos?|material|content|schools?|universit\w*|students?|alumn\w*|families|relatives|others|abroad|countries)\s+(?:\w+\s+){0,1}?$",
    re.I,
)


def _clause_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of the clause before `start` and after `end`, cut at commas, semicolons and
    relative pronouns."""
    before = text[max(0, start - 80) : start]
    cuts = list(_CLAUSE_EDGE.finditer(before))
    if cuts:
        before = before[cuts[-1].end() :]
    after = text[end : end + 80]
    cut = _CLAUSE_EDGE.search(after)
    if cut:
        after = after[: cut.start()]
    return before, after


def _is_venue(text: str, m: re.Match) -> bool:
    """Whether the place matched at `m` names where the proceedings happened."""
    before, after = _clause_around(text, m.start(), m.end())
    if _VENUE_AFTER.match(text, m.end()):
        # "by a French court", "French prosecutors charged him"; not "passed to French police".
        return bool(_VENUE_BY.search(text[max(0, m.start() - 12) : m.start()]) or _CASE_EVENT.search(after))
    if not _VENUE_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
        return False
    prep = _VENUE_BEFORE.search(before)
    head = before[: prep.start()] if prep else before
    if _NOT_VENUE_HEAD.search(head):
        return False
    if head.strip(" \t\"'\u201c") == "" or head.strip().lower() in ("and", "but", "later", "then"):
        # "In France, Durov was charged ...": the rest of the sentence carries the event.
        rest = text[m.end() : m.end() + 120]
        return bool(_CASE_EVENT.search(rest))
    return bool(_CASE_EVENT.search(head))


def _claimed_venue(claim: Claim, case: Case) -> Finding | None:
    """An inaccurate finding when the claim places the case's proceedings in a jurisdiction
    whose law does not reach it ("Durov was indicted in the United States"); None when it
    names no venue, or a right one."""
    from .claims import _place_regex, clean_text
    from .jurisdictions import applies_in

    rx, table = _place_regex()
    text = clean_text(claim.text)
    venues = []
    for m in rx.finditer(text):
        code, weak = table[m.group("p")]
        if weak:
            continue
        if _is_venue(text, m):
            venues.append((m.group("p"), code))
    if not venues or any(applies_in(case.jurisdiction, (code,)) or applies_in(code, (case.jurisdiction,)) for _, code in venues):
        return None
    named = ", ".join(dict.fromkeys(n for n, _ in venues))
    said = ", ".join(dict.fromkeys(_jname(c) for _, c in venues))
    where = _jname(case.jurisdiction)
    last = case.latest()
    expl = f"The case of {case.defendant.name} is before the courts of {where} ({case.jurisdiction}), not {said} (“{named}”)."
    return Finding("place", Verdict.INACCURATE, named, f"{where} ({case.jurisdiction})", expl, case.id, list(last.sources) if last else [])


# A city or building the claim places a proceeding in: "by a Busan court", "arrested in Dubai".
_COURT_NAMED = re.compile(r"\b(?i:an?|the|by|before|at|in)\s+(?:(?i:an?|the)\s+)?(?P<p>(?:[A-Z][\wÀ-ɏ'-]+\s+){0,3}?[A-Z][\wÀ-ɏ'-]+)\s+(?i:court|judge|judges|prosecutors?|police|tribunal|jury)\b")
# A named facility: "at Charles de Gaulle airport", "at Paris-Le Bourget Airport".
_FACILITY = re.compile(
    r"\b(?:at|in|from|on\s+arrival\s+at)\s+(?:the\s+)?(?P<p>[A-Z][\wÀ-ɏ'-]+(?:\s+(?:(?:de|du|des|la|le|of|d')\s+)?[A-Z][\wÀ-ɏ'-]+){0,3})\s+(?P<f>(?i:airport|airfield|station|port|hotel|border\s+crossing))\b"
)
_IN_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?P<p>[A-Z][\wÀ-ɏ'-]+(?:\s+[A-Z][\wÀ-ɏ'-]+){0,2})")
_COURT_WORDS = frozenset(
    "supreme high district central crown federal criminal appeals appeal appellate magistrates magistrate county circuit "
    "court courts tribunal judicial metropolitan national state superior regional family youth juvenile civil "
    "commonwealth cassation grand division chamber".split()
)


def _claimed_city(claim: Claim, case: Case, events: list[Proceeding]) -> Finding | None:
    """A finding when the claim places the proceedings in a city or building the record does
    not name: inaccurate for a named court ("a Busan court" when every court sat in Seoul),
    unverifiable for "arrested in Dubai" (the record may not name every place)."""
    from .claims import _NOT_NAMES, _place_regex, clean_text

    rx_place, table = _place_regex()
    text = clean_text(claim.text)
    # The places the record gives for the events the claim tells of (all of them if none).
    told = " ".join(f"{p.court} {p.description or ''}" for p in (events or case.proceedings))
    known = _norm_tokens(told)
    # Whether the record itself names a city or state for those events ("Tribunal judiciaire de
    # Paris", "Western District of Wisconsin"): then another place is wrong, not unknown.
    places_named = any(table[m.group("p")][1] or "-" in table[m.group("p")][0] for m in rx_place.finditer(told))
    own = set(_norm_tokens(case.defendant.name))
    for m in _FACILITY.finditer(text):
        # A facility the record names one of its own kind for ("Le Bourget airport"): another
        # is wrong; one of a kind it does not name cannot be checked.
        words = [w for w in m.group("p").split() if w.lower() not in ("de", "du", "des", "la", "le", "of", "d'")]
        if all(t in known for w in words for t in _norm_tokens(w)):
            continue
        kind = m.group("f").lower()
        place = f"{m.group('p')} {m.group('f')}"
        hits = [p for p in (events or case.proceedings) if re.search(rf"\b{kind}\b", f"{p.court} {p.description or ''}", re.I)]
        if hits:
            said = "; ".join(dict.fromkeys(p.court for p in hits))
            expl = f"The record puts this at {said}, not {place}."
            return Finding("place", Verdict.INACCURATE, place, said, expl, case.id, [s for p in hits[:1] for s in p.sources])
        said = "; ".join(list(dict.fromkeys(p.court for p in (events or case.proceedings)))[:4])
        return Finding("place", Verdict.UNVERIFIABLE, place, said, f"The record does not mention {place}; it names {said}, so the place cannot be checked (missing place).", case.id, [])
    for strong, rx in ((True, _COURT_NAMED), (False, _IN_PLACE)):
        for m in rx.finditer(text):
            # Countries are the venue check's; cities (weak place entries) and states are here.
            country = {n for n, (code, weak) in table.items() if not weak and "-" not in code}
            words = [w for w in m.group("p").split() if w.lower() not in _COURT_WORDS and w not in _NOT_NAMES and w not in country]
            if not words or m.group("p") in country or any(t in own for w in words for t in _norm_tokens(w)):
                continue
            if not strong and not _is_venue(text, _Span(m.start("p"), m.end("p"))):
                continue
            if all(_seq_in(_norm_tokens(w), known) for w in words):
                continue
            place = " ".join(words)
            courts = list(dict.fromkeys(p.court for p in (events or case.proceedings)))
            said = "; ".join(courts[:4])
            if strong or places_named:
                expl = f"No proceeding of {case.defendant.name} is recorded in {place}: the record names {said}."
                return Finding("place", Verdict.INACCURATE, place, said, expl, case.id, [s for p in case.proceedings[-1:] for s in p.sources])
            expl = f"The record does not mention {place}; it names {said}, so the place cannot be checked (missing place)."
            return Finding("place", Verdict.UNVERIFIABLE, place, said, expl, case.id, [])
    return None


# A judge by name: "Judge Martin Walsh", "Justice Longbottom", "District Judge James D. Peterson".
_JUDGE = re.compile(r"\b(?:Judges?|Justices?|Recorder|Magistrate)\s+(?!(?:Department|Ministry|Minister|Secretary|Committee|System|Act|Select|Reform|Council|Office|Board|Centre|Center|Commission|Court|Division)\b)(?P<n>(?:[A-Z]\.\s+|[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+)")


def _judge_tokens(name: str) -> set[str]:
    return {t for t in _norm_tokens(name) if len(t) > 2}


def _claimed_judge(claim: Claim, case: Case, events: list[Proceeding]) -> Finding | None:
    """The judge the claim names against the judges the record names: for the events the
    claim tells of (any of the case's when the claim names none), else anywhere in the case."""
    said = [m.group("n") for m in _JUDGE.finditer(claim.english)]
    if not said:
        return None

    def text_of(ps) -> str:
        return " ".join(f"{p.court} {p.description or ''} {(p.sentence.note or '') if p.sentence else ''}" for p in ps)

    scope = events or case.proceedings
    known = [m.group("n") for m in _JUDGE.finditer(text_of(scope))] or [m.group("n") for m in _JUDGE.finditer(f"{text_of(case.proceedings)} {case.summary or ''}")]
    for name in said:
        toks = _judge_tokens(name)
        if any(toks & _judge_tokens(k) for k in known):
            continue
        if not known:
            expl = f"The record names no judge for {case.defendant.name}'s proceedings, so “{name}” cannot be checked (missing judge)."
            return Finding("judge", Verdict.UNVERIFIABLE, name, None, expl, case.id, [])
        names = ", ".join(dict.fromkeys(known))
        src = [p for p in scope if any(k in text_of([p]) for k in known)] or scope
        return Finding("judge", Verdict.INACCURATE, name, names, f"The record names {names} as the judge, not {name}.", case.id, [s for p in src[:1] for s in p.sources])
    return None


@dataclass
class _Span:
    """A match-like span for _is_venue."""

    a: int
    b: int

    def start(self) -> int:
        return self.a

    def end(self) -> int:
        return self.b


def _summary_mention(case: Case, patterns: list[str]) -> str | None:
    """The first sentence of the case's summary or notes that gives a figure the claim gives
    ("fined AUD 25,000 for contempt"): a fact the record states but does not date."""
    text = " ".join(x for x in (case.summary, case.notes) if x)
    for sent in re.split(r"(?<=[.!?])\s+", " ".join(text.split())):
        if any(re.search(p, sent, re.I) for p in patterns):
            return sent
    return None


def _figure_patterns_money(amount: float) -> list[str]:
    whole = int(round(amount))
    grouped = f"{whole:,}".replace(",", "[,\u00a0 ]?")
    return [rf"(?<![\d.,]){grouped}(?![\d,])"]


def _figure_patterns_term(term: Term) -> list[str]:
    if term.life:
        return [r"\blife\b"]
    if term.months % 12 == 0 and not term.days:
        n = term.months // 12
        unit = rf"(?<![\d.]){n}(?:[- ]years?\b|[- ]year-)(?!,?\s*(?:and\s+)?\d+\s*months?\b)"  # not "3 years 6 months"
    else:
        unit = rf"(?<![\d.]){term.months}[- ]months?\b"
    from .claims import ORDER_AFTER

    # not an order beside the sentence ("a 30-year electronic tag")
    return [unit + f"(?!{ORDER_AFTER.pattern})"]


_NOT_AN_OUTCOME = re.compile(r"\b(?:maxim\w*|minim\w*|carr(?:y|ies|ied)|fac(?:e|es|ed|ing)|sought|seek\w*|demand\w*|asked|request\w*|could|would|punishable)\b", re.I)


def _from_summary(f: Finding, case: Case, patterns: list[str]) -> Finding:
    """An inaccurate case finding whose figure the record's summary gives as an outcome (not
    a maximum or a demand): unverifiable."""
    if f.verdict is not Verdict.INACCURATE:
        return f
    said = _summary_mention(case, patterns)
    if said is None or _NOT_AN_OUTCOME.search(said):
        return f
    expl = f"The record's summary gives that figure but no dated proceeding for it: “{_first_sentence(said, 300)}” (missing event)."
    return replace(f, verdict=Verdict.UNVERIFIABLE, explanation=expl, context=[*f.context, f"Without the summary: {f.explanation}"])


def _case_fine(case: Case, q: FineQty, day: _dt.date, rates: _Rates, tol: float) -> Finding:
    found = q.words().replace("a fine of", "a monetary penalty of")
    standing, superseded = case.standing(day)

    def fine_of(p: Proceeding) -> Fine | None:
        return p.sentence.fine if p.sentence else None

    for p in standing:
        f = fine_of(p)
        if f is None:
            continue
        ok, note = _fine_match(f, FineQty(q.money, "max", q.text, q.kind, q.converted, q.unlimited), day, rates, tol)
        if ok:
            ctx = [note] if note else []
            if p.sentence and p.sentence.note:
                ctx.append(_first_sentence(p.sentence.note, 300))
            return Finding("fine", Verdict.ACCURATE, found, _proc_words(p), f"Matches {_proc_words(p)}.", case.id, list(p.sources), ctx)
    for p in reversed(superseded):
        f = fine_of(p)
        if f is not None and _fine_match(f, FineQty(q.money, "max", q.text, q.kind), day, rates, tol)[0]:
            return Finding("fine", Verdict.OUTDATED, found, None, f"That was the {p.level} ruling of {_d(p.date)}, later replaced on appeal.", case.id, list(p.sources))
    fines = [p for p in standing if fine_of(p) is not None]
    if not fines:
        return Finding("fine", Verdict.INACCURATE, found, "no fine", f"No fine or monetary penalty is recorded for {case.defendant.name} as of {_d(day)}.", case.id, [s for p in standing for s in p.sources])
    expected = "; ".join(_proc_words(p) for p in fines)
    return Finding("fine", Verdict.INACCURATE, found, expected, f"The recorded amount is {expected}.", case.id, [s for p in fines for s in p.sources])


_BAIL_ORDER = re.compile(r"\b(?:bail|surety|sureties|bond|cautionnement|caution)\b", re.I)


def _case_bail(case: Case, q: FineQty, day: _dt.date, rates: _Rates, tol: float) -> Finding:
    """Bail or a surety ("released on €5 million bail") against the amounts a proceeding's
    orders set as a condition of release up to `day`."""
    from .claims import money_in

    found = f"bail of {_amount(q.money.amount, q.money.currency)}" if q.money else "bail"
    set_ = [(p, m) for p in case.proceedings if p.date <= day for o in p.orders if _BAIL_ORDER.search(o) for m in money_in(o)]
    if not set_:
        expl = f"The record of {case.defendant.name} holds no bail or surety amount as of {_d(day)} (missing: a release condition in the case record)."
        return Finding("bail", Verdict.UNVERIFIABLE, found, None, expl, case.id, [s for p in case.proceedings[-1:] for s in p.sources])
    for p, m in set_:
        ok, note = _fine_match(Fine(max=m.amount, currency=m.currency), FineQty(q.money, "max", q.text, q.kind), day, rates, tol)
        if ok:
            expl = f"Matches the {_amount(m.amount, m.currency)} set on {_d(p.date)} ({p.court.split(',')[0].split('(')[0].strip()})."
            return Finding("bail", Verdict.ACCURATE, found, f"{_amount(m.amount, m.currency)} ({_d(p.date)})", expl, case.id, list(p.sources), [note] if note else [])
    expected = "; ".join(f"{_amount(m.amount, m.currency)} ({_d(p.date)})" for p, m in set_)
    return Finding("bail", Verdict.INACCURATE, found, expected, f"The recorded bail or surety is {expected}, not {found[8:]}.", case.id, [s for p, _ in set_ for s in p.sources])


def _full_years(a: _dt.date, b: _dt.date) -> int:
    """Completed years from `a` to `b` (a <= b)."""
    return b.year - a.year - ((b.month, b.day) < (a.month, a.day))


def _ages_at(age: int, known: _dt.date, day: _dt.date) -> list[int]:
    """The possible ages on `day` of someone `age` on `known` (birthday unknown)."""
    if day == known:
        return [age]
    if day > known:
        n = _full_years(known, day)
        return [age + n, age + n + 1] if (day.month, day.day) != (known.month, known.day) else [age + n]
    n = _full_years(day, known)
    return [age - n - 1, age - n] if (day.month, day.day) != (known.month, known.day) else [age - n]


def _age_range(case: Case, lo: _dt.date, hi: _dt.date) -> tuple[int, int] | None:
    """The ages the records support for the defendant between `lo` and `hi`."""
    vals: list[int] = []
    if lo == hi:
        # An age reported for that very day beats a range worked out from a birth year.
        exact = [a.age for a in case.defendant.ages if a.date == lo]
        if exact:
            return min(exact), max(exact)
    born = case.defendant.born
    if born:
        for d in (lo, hi):
            vals += [d.year - born - 1, d.year - born]
    for a in case.defendant.ages:
        if a.date is None:
            vals.append(a.age)
            continue
        for d in (lo, hi):
            vals += _ages_at(a.age, a.date, d)
    if not vals:
        return None
    return min(vals), max(vals)


_PRESENT = re.compile(r"\b(?:is|are|remains|serves|serving|lives|faces|has been|have been|now)\b", re.I)
_PAST = re.compile(r"\b(?:was|were|had|received|got|sentenced|jailed|convicted|charged|arrested|when)\b", re.I)


def _case_age(case: Case, q, day: _dt.date, sentence_proc: Proceeding | None, text: str = "", then=None) -> Finding:
    """A claimed age against the record's dated ages. `then`: the date of the event told in
    the sentence before, which "at the time" refers to when the claim tells no event itself."""
    found = f"age {q.age}" + (" at the time" if q.at_the_time else "")
    ages = case.defendant.ages
    if not ages and not case.defendant.born:
        return Finding("age", Verdict.UNVERIFIABLE, found, None, f"The record of {case.defendant.name} gives no age or birth year.", case.id)
    procs = [p for p in case.proceedings if p.date <= day] or list(case.proceedings)
    first = procs[0].date if procs else day
    ctx = []
    if q.at_the_time and then is not None:
        lo, hi = then.first, min(then.last, day)
        when = f"at the time told before ({then.text})"
        ctx.append(f"“At the time” is read as the time of the event told just before ({then.text}).")
    elif q.at_the_time:
        lo, hi = first - _dt.timedelta(days=int(365.25 * AT_THE_TIME_YEARS)), first
        when = "at the time of the offences"
        span = "year" if AT_THE_TIME_YEARS == 1 else f"{AT_THE_TIME_YEARS} years"
        ctx.append(f"“At the time” is taken as the {span} before the first recorded proceeding ({_d(first)}).")
    elif _PRESENT.search(text) and not _PAST.search(text):
        lo = hi = day
        when = f"on {_d(day)}"
    elif sentence_proc is not None:
        lo = hi = sentence_proc.date
        when = f"on {_d(sentence_proc.date)} ({sentence_proc.level})"
    else:
        lo, hi = first - _dt.timedelta(days=int(365.25 * AT_THE_TIME_YEARS)), day
        when = f"between {_d(lo)} and {_d(hi)}"
    rng = _age_range(case, lo, hi)
    reported = ", ".join(f"{a.age} ({_d(a.date)})" for a in ages)
    srcs = [s for a in ages for s in a.sources] + list(case.defendant.sources)
    if len({a.age for a in ages if a.date == (ages[0].date if ages else None)}) > 1:
        ctx.append("Reports differ by a year on the same day (Korean and international age counting, or reporting errors).")
    if any(a.unverified for a in ages):
        ctx.append("Some recorded ages are marked unverified.")
    if rng is None:
        return Finding("age", Verdict.UNVERIFIABLE, found, None, "No dated age is recorded.", case.id, srcs, ctx)
    lo_a, hi_a = rng
    expected = f"{lo_a}" if lo_a == hi_a else f"{lo_a}–{hi_a}"
    near = [a for a in ages if a.age == q.age]
    if lo_a <= q.age <= hi_a:
        used = [a for a in ages if lo_a <= a.age <= hi_a] or ages
        expl = f"The records support {expected} {when} (reported: {reported or 'born ' + str(case.defendant.born)})."
        return Finding("age", Verdict.ACCURATE, found, f"age {expected} {when}", expl, case.id, [s for a in used for s in a.sources] or srcs, ctx)
    from .claims import split_sentences

    notes = [x for a in ages if a.note for x in split_sentences(" ".join(a.note.split())) if re.search(rf"\b{q.age}\b", x)]
    if notes:
        ctx.append("Record note: " + notes[0])
    elif near:
        ctx.append(f"{q.age} is a reported age on {_d(near[0].date)}, not {when}.")
    expl = f"No recorded age supports {q.age} {when}: the records put {case.defendant.name} at {expected} then (reported: {reported or 'born ' + str(case.defendant.born)})."
    return Finding("age", Verdict.INACCURATE, found, f"age {expected} {when}", expl, case.id, srcs, ctx)


_CONVICTION_OUTCOMES = ("convicted", "upheld", "reduced", "increased")


def _has_status(case: Case, status: str, day: _dt.date, level: str | None = None) -> Proceeding | None:
    """The first proceeding on or before `day` that shows `status` (for "upheld", at the
    court `level` the claim names, if any), or None."""
    ps = [p for p in case.proceedings if p.date <= day]
    convicted_before = False
    for p in ps:
        lvl, out = (p.level or "").lower(), (p.outcome or "").lower()
        is_conv = out == "convicted" or (convicted_before and lvl in _APPELLATE and out in _CONVICTION_OUTCOMES)
        if lvl in ("first-instance", "appeal", "supreme") and p.sentence and p.sentence.prison:
            is_conv = True
        if is_conv:
            convicted_before = True
        if status == "charged" and (out == "charged" or lvl == "charge" or is_conv):
            return p
        if status == "convicted" and is_conv:
            return p
        if status == "acquitted" and out == "acquitted":
            return p
        if status == "arrested" and lvl == "arrest":
            return p
        if status == "upheld" and lvl in _APPELLATE and out == "upheld" and (level is None or lvl == level):
            return p
        if status == "sentenced" and p.sentence is not None:
            return p
        if status == "jailed" and p.sentence is not None and p.sentence.prison is not None:
            return p
    return None


def _date_finding(case: Case, dates, event: Proceeding) -> Finding:
    """Whether a date the claim states is the date of the proceeding it describes."""
    found = ", ".join(d.text for d in dates)
    level = {"first-instance": "first-instance judgment", "appeal": "appeal judgment", "supreme": "final appeal judgment", "civil": "civil ruling", "other": "event"}.get(event.level, event.level.replace("-", " "))
    what = f"{level} ({event.court.split(',')[0]})"
    expected = event.date.isoformat()
    if any(d.covers(event.date) for d in dates):
        expl = f"The {what} was on {_d(event.date)}, as stated."
        return Finding("date", Verdict.ACCURATE, found, expected, expl, case.id, list(event.sources))
    if len(dates) == 1:
        expl = f"The {what} was on {_d(event.date)}, not {dates[0].text}."
        return Finding("date", Verdict.INACCURATE, found, expected, expl, case.id, list(event.sources))
    expl = f"None of the dates stated ({found}) is that of the {what}, {_d(event.date)}; they may refer to other events."
    return Finding("date", Verdict.UNVERIFIABLE, found, expected, expl, case.id, list(event.sources))


def _explicit_charge(p: Proceeding) -> bool:
    """Whether a proceeding records a charge itself (not a later step that implies one)."""
    return (p.outcome or "").lower() == "charged" or (p.level or "").lower() == "charge"


def _case_status(case: Case, s, day: _dt.date, level: str | None = None) -> Finding:
    found = ("not " if s.negated else "") + ("formally " if s.formal and s.status == "charged" else "") + s.status
    if s.status == "upheld":
        return _upheld(case, s, day, level, found)
    hit = _has_status(case, s.status, day)
    latest = case.latest(day)
    ctx = []
    if hit is not None and hit.description:
        ctx.append(f"{hit.level.capitalize()} ({hit.court.split(',')[0]}, {_d(hit.date)}): {_first_sentence(hit.description, 300)}")
    if s.status == "charged" and hit is not None and not _has_status(case, "convicted", day):
        ctx.append(f"A charge is not a conviction; the case status is {case.status_on(day) or 'not recorded'} and no conviction is recorded as of {_d(day)}.")
    name = case.defendant.name
    if hit is not None and getattr(hit, "defendant", None):
        name = hit.defendant  # a case with several defendants: the one this proceeding is about
    if hit is not None and not s.negated:
        if s.status == "charged" and not _explicit_charge(hit):
            expl = f"{name} was convicted on {_d(hit.date)} ({hit.court.split(',')[0]}), so had been charged by then; the record gives no charge date."
            return Finding("status", Verdict.ACCURATE, found, f"charged (by {_d(hit.date)})", expl, case.id, list(hit.sources), ctx)
        expl = f"{name} was {s.status} on {_d(hit.date)} ({hit.court.split(',')[0]})."
        return Finding("status", Verdict.ACCURATE, found, f"{s.status} ({_d(hit.date)})", expl, case.id, list(hit.sources), ctx)
    later = _has_status(case, s.status, _dt.date.max) if hit is None else None
    if hit is None and later is not None and s.status == "charged" and not _explicit_charge(later):
        # Only a later conviction shows the charge: when it was brought is not recorded.
        expl = (
            f"The record gives no charge date for {name}: the first proceeding that implies a charge is the "
            f"conviction on {_d(later.date)}, after {_d(day)} (missing date)."
        )
        return Finding("status", Verdict.UNVERIFIABLE, found, None, expl, case.id, list(later.sources), ctx)
    if hit is None and s.negated and s.status == "arrested" and not _records_arrests(case):
        expl = f"The record of {name} lists no arrest at all, so this cannot be checked (missing event)."
        return Finding("status", Verdict.UNVERIFIABLE, found, None, expl, case.id, [], ctx)
    if hit is None and s.negated:
        expl = f"No proceeding shows {name} {s.status} as of {_d(day)}" + (f"; latest: {_proc_words(latest)}." if latest else ".")
        return Finding("status", Verdict.ACCURATE, found, f"not {s.status}", expl, case.id, list(latest.sources) if latest else [], ctx)
    if hit is not None and s.negated:
        expl = f"{name} was {s.status} on {_d(hit.date)} ({hit.court.split(',')[0]})."
        return Finding("status", Verdict.INACCURATE, found, f"{s.status} ({_d(hit.date)})", expl, case.id, list(hit.sources), ctx)
    if later is not None:
        expl = f"Not yet on {_d(day)}: {name} was {s.status} on {_d(later.date)}."
        return Finding("status", Verdict.INACCURATE, found, f"not yet {s.status}", expl, case.id, list(later.sources), ctx)
    state = f"; latest: {_proc_words(latest)}" if latest else ""
    if s.status == "arrested" and not _records_arrests(case) and latest is not None:
        # Many records start at the charge or the trial: a missing arrest is not a denial.
        expl = f"The record of {name} lists no arrest (it starts with the {case.proceedings[0].level} of {_d(case.proceedings[0].date)}), so this cannot be checked (missing event)."
        return Finding("status", Verdict.UNVERIFIABLE, found, None, expl, case.id, list(case.proceedings[0].sources), ctx)
    expl = f"No proceeding shows {name} {s.status} as of {_d(day)}{state} (case status: {case.status or 'not recorded'})."
    ctx += _pending_note(case, day)
    return Finding("status", Verdict.INACCURATE, found, f"not {s.status}", expl, case.id, list(latest.sources) if latest else [], ctx)


def _pending_note(case: Case, day: _dt.date) -> list[str]:
    """For a pending case checked on a day after its latest proceeding: how current the record is."""
    if (case.status or "").lower() != "pending" or not case.proceedings:
        return []
    last = max(case.proceedings, key=lambda p: p.date)
    if day <= last.date:
        return []
    checked = max((s.accessed for p in case.proceedings for s in p.sources if s.accessed), default=None)
    when = f", sources last checked {_d(checked)}" if checked else ""
    return [f"The case is pending: the record's latest proceeding is of {_d(last.date)}{when}. A later ruling would not be in it; check the court's docket before relying on this verdict."]


def _upheld(case: Case, s, day: _dt.date, level: str | None, found: str) -> Finding:
    """Whether a higher court (at the level named, if any) left the sentence as it was."""
    name = case.defendant.name
    hit = _has_status(case, "upheld", day, level)
    court = f"the {_LEVEL_NAMES[level]}" if level else "a higher court"
    if hit is not None:
        name = getattr(hit, "defendant", None) or name
        expl = f"The {hit.level.replace('-', ' ')} ruling ({hit.court.split(',')[0]}, {_d(hit.date)}) upheld the judgment against {name}: {_proc_words(hit)}."
        verdict = Verdict.INACCURATE if s.negated else Verdict.ACCURATE
        return Finding("status", verdict, found, f"upheld ({_d(hit.date)})", expl, case.id, list(hit.sources))
    higher = [p for p in _own_proceedings(case, day) if p.level in _APPELLATE and (level is None or p.level == level)]
    if higher:
        p = higher[-1]
        expl = f"{court.capitalize()} did not uphold the judgment against {name}: on {_d(p.date)} it {p.outcome or 'ruled'} ({_proc_words(p)})."
        verdict = Verdict.ACCURATE if s.negated else Verdict.INACCURATE
        return Finding("status", verdict, found, f"{p.outcome} ({_d(p.date)})", expl, case.id, list(p.sources))
    mine = _own_proceedings(case, day)
    final = next((p for p in mine if p.final), None)
    if final is not None and not s.negated:
        expl = f"No ruling of {court} on {name} is recorded: the judgment of {_d(final.date)} ({final.court.split(',')[0]}) was final."
        return Finding("status", Verdict.INACCURATE, found, "no such ruling", expl, case.id, list(final.sources))
    expl = f"No ruling of {court} on {name} is recorded as of {_d(day)}, and the record does not say the case ended below, so this cannot be checked (missing event)."
    return Finding("status", Verdict.UNVERIFIABLE, found, None, expl, case.id, list(mine[-1].sources) if mine else [])


def _records_arrests(case: Case) -> bool:
    return any((p.level or "").lower() == "arrest" for p in case.proceedings)


# --------------------------------------------------------------------------- case names


def _norm_tokens(text: str) -> list[str]:
    """Folded, normalised words; a possessive 's is dropped ("Nelson's" is Nelson)."""
    from .search import fold, normalise

    return fold(normalise(_KO_PARTICLE.sub(r"\1", _POSSESSIVE.sub(r"\1", text)))).split()


_POSSESSIVE = re.compile(r"(\w)['\u2019]s\b")
# A Korean case particle after a name ("조주빈은", "조주빈의"): the name itself.
_KO_PARTICLE = re.compile(r"([\uac00-\ud7a3]{2,})(?:은|는|이|가|을|를|의|에게|에서|와|과|도)(?![\uac00-\ud7a3])")


@dataclass
class _CaseKeys:
    strong: list[list[str]]  # full names, native names, multi-word or non-Latin aliases
    weak: list[str]  # surnames and single-word aliases


def _case_keys(case: Case, offence_aliases: set[str], cache: dict) -> _CaseKeys:
    k = cache.get(case.id)
    if k is not None:
        return k
    strong, weak = [], []
    name = re.sub(r"\([^)]*\)", " ", case.defendant.name)
    for n in re.split(r"\balso known as\b|\baka\b|/|;", name):
        toks = _norm_tokens(n)
        if len(toks) >= 2:
            strong.append(toks)
        # Surname or last name, one word as written ("Cho" of "Cho Ju-bin", "Durov").
        parts = n.split()
        for part in {parts[0], parts[-1]} if len(parts) >= 2 else set(parts[:1]):
            pt = _norm_tokens(part)
            if len(pt) == 1 and len(part.strip(".,")) >= 2:
                weak.append(pt[0])
    if case.defendant.native_name:
        strong.append(_norm_tokens(case.defendant.native_name))
    for a in case.aliases:
        key = " ".join(_norm_tokens(a))
        if not key or key in offence_aliases:
            continue
        if not (any(c.isupper() for c in a) or not a.isascii()):
            continue  # lower-case aliases are topics ("child pornography"), not names
        toks = key.split()
        if len(toks) >= 2 or not a.isascii():
            strong.append(toks)
        elif len(toks[0]) >= 4:
            weak.append(toks[0])
    for label in {getattr(p, "defendant", None) for p in case.proceedings} - {None}:
        first = re.sub(r"\([^)]*\)", " ", label).split()
        if first:
            pt = _norm_tokens(first[0])
            if len(pt) == 1 and len(first[0]) >= 2:
                weak.append(pt[0])
    k = _CaseKeys([s for s in strong if s], list(dict.fromkeys(weak)))
    cache[case.id] = k
    return k


# What news calls a defendant's role, by the role word a record's defendant label uses
# ("Park (principal offender)"), stemmed as claims.words_of stems.
_ROLE_WORDS = {
    "principal": ("ringleader", "mastermind", "leader", "organiser", "organizer", "chief", "main", "head"),
    "accomplice": ("accomplice", "co-defendant", "codefendant", "associate", "helper"),
}


def _for_defendant(case: Case, claim: Claim) -> tuple[Case, str | None]:
    """The case narrowed to the proceedings of the co-defendant the claim names, if any."""
    labels = sorted({getattr(p, "defendant", None) for p in case.proceedings} - {None})
    if len(labels) < 2:
        return case, None
    names = {t for n in claim.names for t in _norm_tokens(n)}
    words = set(claim.words)

    def name_of(label: str) -> str:
        first = re.sub(r"\([^)]*\)", " ", label).split()
        return _norm_tokens(first[0])[0] if first and _norm_tokens(first[0]) else ""

    def role_of(label: str) -> set[str]:
        said = set(words_of(" ".join(re.findall(r"\(([^)]*)\)", label))))
        return said | {w for k in said for w in _ROLE_WORDS.get(k, ())}

    hits = [lb for lb in labels if name_of(lb) in names]
    if len(hits) > 1:  # "Park": the principal or the accomplice? the role words decide
        roles = [lb for lb in hits if role_of(lb) & words]
        hits = roles if len(roles) == 1 else hits
    elif not hits:  # "the ringleader got nine years": the role alone
        hits = [lb for lb in labels if role_of(lb) & words]
    if len(hits) > 1:
        # Then the figures and dates the claim gives: "Park was convicted in October 2024"
        # is the defendant with a ruling that month.
        def fit(label: str) -> int:
            own = [p for p in case.proceedings if getattr(p, "defendant", None) == label]
            dated = any(d.covers(p.date) for d in claim.dates if not d.law_event for p in own)
            termed = any(_term_matches_proc(p, q.term) for q in claim.terms for p in own if p.sentence)
            return int(dated) + int(termed)

        best = max(fit(lb) for lb in hits)
        top = [lb for lb in hits if fit(lb) == best]
        hits = top if best > 0 and len(top) == 1 else hits
    if len(hits) != 1:
        return case, None
    label = hits[0]
    return replace(case, proceedings=tuple(p for p in case.proceedings if getattr(p, "defendant", None) in (None, label))), label


def _mentions(tokens: list[str], key: list[str]) -> bool:
    if _seq_in(key, tokens):
        return True
    compact = "".join(key)
    for n in (1, 2, 3):
        for i in range(len(tokens) - n + 1):
            if "".join(tokens[i : i + n]) == compact:
                return True
    return False


# --------------------------------------------------------------------------- the checker


# "A Paris court later convicted him", "ordered her to pay", "upheld his sentence".
_OBJECT_PRONOUN = re.compile(
    r"\b(?:sentenc\w*|convict\w*|jail\w*|charg\w*|indict\w*|arrest\w*|acquitt\w*|order\w*|fin(?:ed|es)|gave|give[sn]?|hand\w*|found|placed|put|detain\w*|releas\w*|imprison\w*|clear\w*|tried|prosecut\w*)\s+(?:him|her)\b"
    r"|\b(?:his|her)\s+(?:(?:prison|jail|life|[\w-]+-year|\w+)\s+)?(?:sentence|term|conviction|appeal|trial|indictment|charges?)\b"
    r"|\b(?:that|this|the)\s+(?:(?:prison|jail|life|[\w-]+-year)\s+)?(?:sentence|conviction|verdict|ruling)\b(?=[^.;]*\b(?:upheld|confirmed|affirmed)\b)"
    r"|\b(?:upheld|confirmed|affirmed)\s+(?:that|this|the)\s+(?:(?:prison|jail|life|[\w-]+-year)\s+)?(?:sentence|conviction|verdict|ruling)\b"
    r"|\bthe\s+(?:prison\s+|jail\s+)?(?:term|sentence)\s+(?:was|were|had been)\b",
    re.I,
)
_HANDLE = re.compile(r"\b([A-Z][\w-]{2,})(?:\s+(?:deepfake|sextortion|Telegram|AI|abuse|images?))?\s+(?:case|ring|trial|scandal|affair|prosecution|investigation)\b")
_PRONOUN_START = re.compile(r"^\W*(?:he|she|they|his|her|their|later|then|subsequently|afterwards|eventually)\b", re.I)  # or a later clause of the sentence
# "The Russian-born billionaire, 39, ...", "The defendant was ...": a person described, not named.
_DESCRIBED = re.compile(
    r"^\W*The\s+(?:[\w'-]+\s+){0,3}?[a-z][\w'-]+\s*,\s*\d{1,2}\s*,"
    r"|^\W*The\s+(?:[\w'-]+\s+){0,2}?(?:defendant|accused|suspect|offender|convict|ringleader|mastermind|billionaire|businessman|businesswoman|founder|entrepreneur|psychiatrist|doctor|teacher|student|graduate|soldier|man|woman)\b"
)
# "A Bolton man", "A 27-year-old former student", "An Australian man": a person the lead
# describes and the next sentence names.
_INDEFINITE_PERSON = re.compile(
    r"^\W*An?\s+(?:[\w'-]+\s+){0,4}?(?:man|woman|person|student|graduate|teenager|father|mother|psychiatrist|doctor|teacher|soldier|"
    r"businessman|businesswoman|founder|entrepreneur|billionaire|executive|defendant|offender|suspect|pastor|ringleader)\b",
    re.I,
)
# "Four days later, he was ...", "On appeal, she ...": a pronoun subject after an opening phrase.
_PRONOUN_AFTER_LEAD = re.compile(r"^[^.;:]{0,60}?,\s*(?:he|she)\b", re.I)


@dataclass
class _Resolved:
    case: Case | None = None
    case_how: str = ""
    case_ambiguous: list[str] = field(default_factory=list)
    offence: Offence | None = None
    jurisdictions: list[str] = field(default_factory=list)
    jurisdiction_note: str | None = None
    missing: str | None = None  # why no offence was found
    closest: Offence | None = None  # the nearest offence when its conduct differs from the claim's
    alternatives: list[Offence] = field(default_factory=list)  # others describing the claim about as well
    note: str | None = None  # how the offence was chosen, when a reader should know


class Checker:
    """Checks claims against one catalogue. Keeps what earlier sentences named (cases, places)."""

    def __init__(self, catalogue, tolerance: float = DEFAULT_TOLERANCE, rates=None) -> None:
        self.cat = catalogue
        self.tol = tolerance
        self.rates = _Rates(rates)
        self._okeys: dict = {}
        self._ckeys: dict = {}
        self._offence_aliases = {" ".join(_norm_tokens(a)) for o in catalogue.offences for a in o.aliases} | {
            " ".join(_norm_tokens(t)) for r in catalogue.records.values() for t in r.tags
        }
        self.covered = sorted({r.jurisdiction for r in catalogue.records.values()})
        self.mentioned_cases: list[Case] = []
        self.upcoming: Case | None = None  # the case the next sentence opens by naming
        self._para_places: dict[int, list[str]] = {}
        self._para_topic: dict[int, tuple[str, ...]] = {}  # the last subject named in each paragraph
        self._by_id: dict[str, Offence] | None = None  # offences by id, built on first use
        self._last_date = None  # the last event date told, for "four days later"
        self._clause_offence: Offence | None = None  # the offence the claim before was checked against
        self.dateline: str | None = None  # the jurisdiction of the article's dateline ("SEOUL —")
        self._handles: dict[str, str] | None = None  # alias words unique to one record, built on first use

    # ---------------------------------------------------------------- resolution

    def _find_case(self, claim: Claim) -> tuple[Case | None, str, list[str]]:
        tokens = _norm_tokens(claim.text)
        name_toks = [_norm_tokens(n) for n in claim.names]
        strong, weak = [], []
        for c in self.cat.cases:
            k = _case_keys(c, self._offence_aliases, self._ckeys)
            if any(_mentions(tokens, s) for s in k.strong):
                strong.append(c)
                continue
            # A surname alone ("Kang"), or with words the record knows; not another person of
            # that surname ("Kang Hoon" is not the record's Kang).
            known = set(k.weak) | {t for s in k.strong for t in s}
            if any(w in nt and (len(nt) == 1 or set(nt) <= known) for w in k.weak for nt in name_toks):
                weak.append(c)
        if len(strong) == 1:
            return strong[0], "name", []
        if len(strong) > 1:
            # Prefer the defendant's own name over a shared alias ("Nth room").
            by_name = [c for c in strong if any(_mentions(tokens, s) for s in _case_keys(c, self._offence_aliases, self._ckeys).strong[:2])]
            if len(by_name) == 1:
                return by_name[0], "name", []
            return None, "", [c.id for c in strong]
        if weak:
            earlier = [c for c in reversed(self.mentioned_cases) if c in weak]
            if earlier:
                return earlier[0], "surname named earlier", []
            if len(weak) == 1 and claim.checkable:
                return weak[0], "surname", []
            if len(weak) > 1:
                return None, "", [c.id for c in weak]
        handle = self._by_handle(claim)
        if handle is not None:
            return handle, "name", []
        # "He has not been convicted." right after a sentence about a case: that case, when
        # the sentence names nobody and opens with a personal pronoun.
        said = claim.english
        if self.mentioned_cases and not claim.names and (_PRONOUN_START.match(said) or _PRONOUN_AFTER_LEAD.match(said) or _OBJECT_PRONOUN.search(said) or _DESCRIBED.match(said)) and (
            claim.statuses or claim.ages or claim.outcome or ((claim.terms or claim.fines) and re.match(r"\W*(?:he|she)\b", said, re.I))
        ):
            # ("He faces up to 10 years": the penalty of the offences that person is charged with.)
            return self.mentioned_cases[-1], "pronoun, named earlier", []
        lead = _INDEFINITE_PERSON.match(said) if self.upcoming is not None else None
        if lead is not None and all(n in lead.group(0) for n in claim.names) and (claim.statuses or claim.ages or claim.outcome):
            # "A Bolton man has been jailed for 18 years. Hugh Nelson, 27, ...": news leads
            # name the person in the next sentence.
            return self.upcoming, "named in the next sentence", []
        return None, "", []

    def opening_case(self, claim: Claim) -> Case | None:
        """The case whose defendant the sentence opens with ("Hugh Nelson, 27, pleaded ...")."""
        case, how, _ = self._find_case(claim) if claim.names else (None, "", [])
        if case is None or how != "name":
            return None
        at = self._mention_at(case, claim.text)
        return case if at is not None and not claim.text[: at[0]].strip(" \"'“‘") else None

    def _by_handle(self, claim: Claim) -> Case | None:
        """The case a claim calls by a word of its aliases that no other record uses, before
        "case", "ring", "trial" ...: "the SNU case", "the Holmen case"."""
        if self._handles is None:
            seen: dict[str, set[str]] = {}
            for r in self.cat.records.values():
                for a in r.aliases:
                    for w in a.split():
                        if w[:1].isupper() and len(w) >= 3:
                            seen.setdefault(" ".join(_norm_tokens(w)), set()).add(r.id)
            self._handles = {w: next(iter(ids)) for w, ids in seen.items() if len(ids) == 1}
        for m in _HANDLE.finditer(claim.text):
            rid = self._handles.get(" ".join(_norm_tokens(m.group(1))))
            case = next((c for c in self.cat.cases if c.id == rid), None) if rid else None
            if case is not None:
                return case
        return None

    def _mention_at(self, case: Case, text: str) -> tuple[int, int] | None:
        """Where `text` first names `case` by a full name or alias, as (start, end)."""
        toks = [(t, m.start(), m.end()) for m in re.finditer(r"[\w'’]+", text) for t in _norm_tokens(m.group(0))]
        words = [t for t, _, _ in toks]
        spans = []
        for key in _case_keys(case, self._offence_aliases, self._ckeys).strong:
            n = len(key)
            spans += [(toks[i][1], toks[i + n - 1][2]) for i in range(len(words) - n + 1) if words[i : i + n] == key]
        return min(spans) if spans else None

    def split_by_case(self, claim: Claim) -> list[Claim]:
        """A sentence giving several defendants their figures, cut between them: "Cho Ju-bin
        got 42 years and Moon Hyeong-wook 34 years" is two claims, and so is "Kang got four
        years and Park ten in the SNU case" (co-defendants of one case). [claim] when the
        sentence names fewer than two defendants or a part would state nothing."""
        from .claims import _CONNECTOR, parse_claim

        text = claim.text
        found = sorted(((at, c.id) for c in self.cat.cases if (at := self._mention_at(c, text)) is not None))
        if len(found) < 2:
            # Co-defendants of one case: "Kang got four years and Park ten in the SNU case".
            case, _, _ = self._find_case(claim)
            labels = {_norm_tokens(re.sub(r"\([^)]*\)", " ", p.defendant))[0] for p in case.proceedings if p.defendant} if case else set()
            if len(labels) < 2:
                return [claim]
            toks = [(m.start(), m.end(), _norm_tokens(m.group(0))) for m in re.finditer(r"[\w'’]+", text)]
            firsts = {}
            for a, b, t in toks:
                if t and t[0] in labels and t[0] not in firsts:
                    firsts[t[0]] = (a, b)
            found = sorted((at, name) for name, at in firsts.items())
            if len(found) < 2:
                return [claim]
        else:
            case = None
            shared = self._coordinated(claim, [at for at, _ in found])
            if shared is not None:
                return shared
        cuts, prev = [], 0
        for (a, _), (b, _) in zip(found, found[1:]):
            joins = [m for m in _CONNECTOR.finditer(text, a[1], b[0])]
            if not joins:
                return [claim]
            cuts.append((prev, joins[-1].start()))
            prev = joins[-1].end()
        cuts.append((prev, len(text)))
        # What follows the last figure applies to every part: "... and Park ten at first
        # instance in the SNU case", "... are among those jailed".
        last = parse_claim(text[cuts[-1][0] :], claim.index, claim.paragraph, like=claim)
        ends = [m.end() for m in re.finditer(r"\d+(?:\.\d+)?\s*(?:years?|months?)|\blife\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\b", text[cuts[-1][0] :], re.I)]
        tail = text[cuts[-1][0] + ends[-1] :].strip(" ,;)") if ends and last.checkable else ""
        tail = tail if tail and not tail.startswith((".", "!", "?")) else ""
        first = parse_claim((text[: cuts[0][1]].rstrip(" ,;.") + (f" {tail}" if tail else "")).rstrip(".") + ".", claim.index, claim.paragraph, like=claim)
        middle = [parse_claim((text[a:b].strip(" ,;.") + (f" {tail}" if tail else "")), claim.index, claim.paragraph, like=first) for a, b in cuts[1:-1]]
        parts = [first, *middle, parse_claim(text[cuts[-1][0] :].strip(" ,;"), claim.index, claim.paragraph, like=first)]
        if not all(p.checkable for p in parts):
            return [claim]
        if case is not None and case not in self.mentioned_cases:
            self.mentioned_cases.append(case)  # the parts name the case only once
        return parts

    def _coordinated(self, claim: Claim, spans: list[tuple[int, int]]) -> list[Claim] | None:
        """ "Both Cho Ju-bin and Moon Hyeong-wook were convicted", "Neither X nor Y was
        acquitted": one claim per defendant with the shared predicate (negated after
        "neither"); None when the names are not a coordinated subject."""
        from .claims import parse_claim

        text = claim.text
        lead = text[: spans[0][0]].strip()
        if not re.fullmatch(r"(?:both|neither|either)?", lead, re.I):
            return None
        if any(not re.fullmatch(r"\s*,?\s*(?:and|nor|or|as well as|&)?\s*", text[a[1] : b[0]]) for a, b in zip(spans, spans[1:])):
            return None
        pred = text[spans[-1][1] :]
        if lead.lower() == "neither":
            pred, n = re.subn(r"^\s*(was|were|is|are|has|have|had)\b", r" \1 not", pred, count=1, flags=re.I)
            if not n:
                return None
        # One defendant each: "were convicted" -> "was convicted".
        pred = re.sub(r"^\s*(were|are|have)\b", lambda m: " " + {"were": "was", "are": "is", "have": "has"}[m.group(1).lower()], pred, count=1, flags=re.I)
        parts = [parse_claim(text[a:b] + pred, claim.index, claim.paragraph) for a, b in spans]
        return parts if all(p.checkable for p in parts) else None

    def _jurisdictions(self, claim: Claim) -> tuple[list[str], str | None]:
        places = list(claim.places)
        if any(p.text.lower() == "federal" for p in places):
            # "A Texas man faces ... in federal prison": the state is where he is from.
            places = [p for p in places if not p.code.upper().startswith("US-")]
        strong = [p.code for p in places if not p.weak]
        codes = strong or [p.code for p in places]
        codes = list(dict.fromkeys(codes))
        if codes:
            self._para_places[claim.paragraph] = codes
            return codes, None
        # A law the claim names ("the Take It Down Act") says whose law it is, over the
        # paragraph's place or the dateline.
        prev = self._para_places.get(claim.paragraph)
        if (prev or self.dateline) and self._named_instrument(claim):
            return [], None
        if prev:
            return prev, f"Jurisdiction taken from earlier in the paragraph ({', '.join(prev)})."
        if self.dateline:
            return [self.dateline], f"Jurisdiction taken from the dateline ({_jname(self.dateline)})."
        return [], None

    def _offence_candidates(self, claim: Claim, codes: list[str], case: Case | None) -> list[tuple[float, Offence]]:
        offs = self.cat.offences
        if case is not None and not codes:
            codes = [case.jurisdiction]
        pool = [o for o in offs if any(_covers(c, o.jurisdiction) for c in codes)]
        scored = [(s, o) for o in pool if (s := _offence_score(o, claim, self._okeys)) > 0]
        if case is not None and case.offences:
            # The case's own offences first: "Durov faces up to 10 years".
            scored = [(s + (3.0 if o.id in case.offences else 0.0), o) for s, o in scored]
            own = [o for o in pool if o.id in case.offences and all(o is not x for _, x in scored)]
            scored += [(1.0, o) for o in own]
        # Prefer exact-jurisdiction records over sub-divisions.
        scored = [(s + (0.5 if o.jurisdiction in codes else 0.0), o) for s, o in scored]
        scored.sort(key=lambda so: (-so[0], so[1].id))
        return scored

    def _matches_any(self, off: Offence, claim: Claim, day: _dt.date) -> tuple[int, int, int]:
        """How many of the claim's figures `off` matches: (in force on `day`, counting
        variants), (base penalty in force on `day`), (any version)."""
        terms = [q for q in claim.terms if q.kind != "sentence" and not q.previous]
        fines = [q for q in claim.fines if q.kind != "sentence"]

        def hits(x) -> int:
            return sum(1 for q in terms if _prison_match(x.prison, q, off.minimum_standard)) + sum(
                1 for q in fines if _fine_match(x.fine, q, day, self.rates, self.tol)[0]
            )

        now_hits = base_hits = any_hits = 0
        now = off.in_force(day)
        if now is not None:
            base_hits = hits(now)
            now_hits = base_hits + sum(1 for q in terms + fines if any(_hits_one(self, off, a, q, day) for a in now.aggravated))
        for v in off.penalties:
            any_hits = max(any_hits, hits(v))
        return min(now_hits, len(terms) + len(fines)), base_hits, any_hits

    def _named_instrument(self, claim: Claim) -> list[str]:
        """The one jurisdiction whose records the claim names by a distinctive alias or law
        title ("the Take It Down Act"), or [] when none or several."""
        content = _content(claim.words)
        found = {o.jurisdiction for o in self.cat.offences if _names_law(o, content)}
        if not found and claim.language:
            # French or Korean statute wording naming an alias of that country's own records
            # ("hypertrucage", "성폭력처벌법"): the law of the country whose language it is.
            from .claims import LANGUAGE_JURISDICTIONS

            home = LANGUAGE_JURISDICTIONS.get(claim.language, ())
            found = {o.jurisdiction for o in self.cat.offences if o.jurisdiction in home and any(a and _seq_in(a, content) for a in _offence_keys(o, self._okeys).aliases)}
        return sorted(found) if len(found) == 1 else []

    def _cited(self, claim: Claim, codes: list[str]) -> list[Offence]:
        """Offences whose article the claim cites ("Article 226-8-1", "section 474.17A",
        "18 U.S.C. 2252A"): the article itself, a part of it, or the article enclosing it;
        within the jurisdictions named, if any."""
        from .search import article_tokens, article_variants

        found: list[Offence] = []
        for m in _ARTICLE_CITE.finditer(claim.english):
            want = article_tokens(m.group("a"), whole=False)
            if not want:
                continue
            for o in self.cat.offences:
                if codes and not any(_covers(c, o.jurisdiction) for c in codes):
                    continue
                for have in article_variants(o.article):
                    n = min(len(have), len(want))
                    if have[:n] == want[:n] and o not in found:
                        found.append(o)
        return found

    def resolve(self, claim: Claim, day: _dt.date, only: list[str] | None = None) -> _Resolved:
        r = _Resolved()
        r.case, r.case_how, r.case_ambiguous = self._find_case(claim)
        r.jurisdictions, r.jurisdiction_note = self._jurisdictions(claim)
        if only:
            r.jurisdictions = only
        statutory = [q for q in claim.terms if q.kind == "penalty" or (q.kind == "unknown" and r.case is None)]
        statutory += [q for q in claim.fines if q.kind == "penalty" or (q.kind == "unknown" and r.case is None)]
        if not statutory and not ((claim.no_prison or claim.enacted or claim.criminal) and r.case is None):
            return r
        cited = self._cited(claim, r.jurisdictions) if r.case is None else []
        if cited and len({o.jurisdiction for o in cited}) == 1:
            # The claim names the article: that record (the best-matching one if several).
            cited.sort(key=lambda o: (-_offence_score(o, claim, self._okeys),) + tuple(-x for x in self._matches_any(o, claim, day)) + (o.id,))
            if not r.jurisdictions:
                r.jurisdictions = [cited[0].jurisdiction]
                r.jurisdiction_note = f"Jurisdiction taken from the article the claim cites ({_jname(cited[0].jurisdiction)})."
                self._para_places.setdefault(claim.paragraph, r.jurisdictions)
            r.offence, r.alternatives = cited[0], cited[1:]
            return r
        codes = r.jurisdictions
        if not codes and r.case is None:
            codes = self._named_instrument(claim)
            if not codes:
                r.missing = "jurisdiction"
                return r
            r.jurisdictions = codes
            r.jurisdiction_note = f"Jurisdiction taken from the law the claim names ({_jname(codes[0])})."
            # A later clause or sentence of the paragraph speaks of the same law.
            self._para_places.setdefault(claim.paragraph, codes)
        uncovered = [c for c in codes if not any(_covers(c, j) for j in self.covered)]
        if codes and len(uncovered) == len(codes):
            r.missing = "jurisdiction-not-covered"
            return r
        cands = self._offence_candidates(claim, codes, r.case)
        if not cands:
            r.missing = "offence"
            return r
        top = cands[0][0]
        first = cands[0][1]
        if first.in_force(day) is None and all(v.start > day for v in first.penalties):
            # The offence the claim describes best did not exist yet: the law that covered
            # the conduct before it (a general offence it was carved out of), if one is close.
            earlier = [(s, o) for s, o in cands[1:] if s >= top - 3.0 and o.in_force(day) is not None]
            if earlier:
                r.note = (
                    f"{first.citation} ({first.id}), the specific offence, took effect on {_d(min(v.start for v in first.penalties))}, "
                    f"after {_d(day)}; the claim is checked against the law in force then."
                )
                cands = earlier + [(s, o) for s, o in cands if (s, o) not in earlier]
                top = cands[0][0]
        # Among offences that describe the claim about as well, the one whose figures match.
        tier = [(s, o) for s, o in cands if s >= top - 2.0]
        if len(tier) > 1:
            # Among those whose figures fit as well, a later clause ("..., or 20 if the child is
            # under 12") stays with the offence of the clause before.
            prev = self._clause_offence if claim.context_words else None
            tier.sort(key=lambda so: tuple(-x for x in self._matches_any(so[1], claim, day)) + (so[1] is not prev, -so[0]))
        best = tier[0][1]
        r.alternatives = [o for _, o in tier[1:]]
        k = _offence_keys(best, self._okeys)
        own = r.case is not None and best.id in r.case.offences
        if claim.conduct and k.conduct and not (claim.conduct & k.conduct) and not own:
            # The records cover other conduct (sharing, not possessing): no record for this.
            r.missing, r.closest = "conduct", best
            return r
        r.offence = best
        return r

    # ---------------------------------------------------------------- evaluation

    def evaluate(self, claim: Claim, r: _Resolved, day: _dt.date) -> list[Finding]:
        out: list[Finding] = []
        case = r.case
        case_terms = [q for q in claim.terms if q.kind == "sentence" or (q.kind == "unknown" and case is not None)]
        case_fines = [q for q in claim.fines if q.kind == "sentence" or (q.kind == "unknown" and case is not None)]
        stat_terms = [q for q in claim.terms if q not in case_terms]
        bails = [q for q in claim.fines if q.kind == "bail"]
        stat_fines = [q for q in claim.fines if q not in case_fines and q.kind != "bail"]
        needs_case = bool(case_terms or case_fines or bails or claim.ages or claim.statuses)
        if needs_case and case is None:
            out.append(self._no_case(claim, r))
        elif case is not None:
            case, who = _for_defendant(case, claim)
            stranger = self._other_person(claim, case) if who is None else None
            if stranger is not None:
                # "Han, a co-defendant in the SNU deepfake case, was acquitted": the case is
                # named, but the person is not one whose proceedings the record holds.
                expl = f"The case record {case.id} holds no proceedings for “{stranger}” (missing defendant)."
                said = [x for x in re.split(r"(?<=[.!?])\s+", case.summary or "") if re.search(rf"\b{re.escape(stranger)}\b", x)]
                if said:
                    expl += " Its summary mentions them: " + _first_sentence(said[0], 300)
                return [Finding("case", Verdict.UNVERIFIABLE, stranger, None, expl, case.id, [s for p in case.proceedings[-1:] for s in p.sources])]
            sentence_proc = None
            # "was sentenced to 34 years in April 2021": the sentence standing then, not today.
            when = _stated_event_day(claim, day)
            for q in case_terms:
                f = _case_sentence(case, q, day if q.later else when, _custody_wording(claim.text, q))
                if not any(_term_matches_proc(p, q.term) for p in case.proceedings):
                    # A figure no dated ruling gave may still be one the summary tells of.
                    f = _from_summary(f, case, _figure_patterns_term(q.term))
                out.append(f)
                if f.verdict is Verdict.ACCURATE and not q.later:
                    standing, _ = case.standing(when)
                    sentence_proc = next((p for p in standing if _term_matches_proc(p, q.term)), None)
                    if when != day and sentence_proc is not None:
                        now, _ = case.standing(day)
                        if sentence_proc not in now:
                            cur = [p for p in now if getattr(p, "defendant", None) == getattr(sentence_proc, "defendant", None)]
                            if cur:
                                how = "upheld" if _sentence_total(cur[-1]) == _sentence_total(sentence_proc) else "replaced"
                                f.context.append(f"Checked on the date the claim gives ({_d(when)}); it was later {how}: {_proc_words(cur[-1])}.")
            for q in bails:
                f = _case_bail(case, q, when, self.rates, self.tol)
                out.append(f)
                if f.verdict is Verdict.ACCURATE and q.money:
                    out += [_conversion_finding(q.money, c, when, self.rates, self.tol, case.id) for c in q.converted]
            for q in case_fines:
                f = _case_fine(case, q, day, self.rates, self.tol)
                out.append(_from_summary(f, case, _figure_patterns_money(q.money.amount)) if q.money else f)
                # "ordered to pay A$343,500 (about US$225,000) in September 2025": that day's rate.
                native = _as_record_dollar(q.money, [p.sentence.fine.currency for p in case.proceedings if p.sentence and p.sentence.fine])
                out += [_conversion_finding(native, c, when, self.rates, self.tol, case.id) for c in q.converted if native]
            civil = [p for p in case.proceedings if p.level == "civil" and p.date <= day]
            if civil and (case_fines or claim.statuses) and _CRIMINAL_WORDS.search(claim.english) and not any(p.level in _LEVEL_ORDER for p in case.proceedings):
                # "fined A$343,500 in a criminal trial": the order was made in civil proceedings.
                p = civil[-1]
                from .penalty import ruling_words

                expl = f"The proceedings against {case.defendant.name} were civil ({p.court.split(',')[0]}, {_d(p.date)}), ending in {ruling_words(p)}; no criminal case is recorded."
                out.append(Finding("court", Verdict.INACCURATE, _CRIMINAL_WORDS.search(claim.english).group(0), "civil proceedings", expl, case.id, list(p.sources)))
            implied_charge = None
            level = _claimed_level(claim.english)
            mine = _own_proceedings(case, day)
            if sentence_proc is None and level is not None:
                # "was 30 when the Supreme Court confirmed his sentence": that ruling dates the claim.
                at = [p for p in mine if p.level == level]
                sentence_proc = next((p for p in reversed(at) if p.sentence), at[-1] if at else None)
            if sentence_proc is None and case_terms:
                # "Nelson, 26, was jailed for 20 years": a wrong term still names the sentencing.
                # "Moon was sentenced to 34 years in 2020": the first ruling that gave that term.
                ruled = [p for p in mine if p.sentence and p.level in _LEVEL_ORDER]
                sentence_proc = next((p for p in ruled if any(_term_matches_proc(p, q.term) for q in case_terms)), ruled[-1] if ruled else None)
            if sentence_proc is None and case_fines:
                # "ordered to pay A$343,500 in September 2025": the ruling that set the amount.
                sentence_proc = next((p for p in reversed(mine) if p.sentence and p.sentence.fine), None)
            if sentence_proc is None:
                hits = [(s.status, _has_status(case, s.status, day, level)) for s in claim.statuses if not s.negated]
                # A conviction implies a charge but does not date it.
                sentence_proc = next((p for st, p in hits if p is not None and (st != "charged" or _explicit_charge(p))), None)
                implied_charge = next((p for st, p in hits if p is not None and st == "charged" and not _explicit_charge(p)), None)
            for q in claim.ages:
                if who and who.lower() != case.defendant.name.lower():
                    out.append(Finding("age", Verdict.UNVERIFIABLE, f"age {q.age}", None, f"Ages are recorded for {case.defendant.name} only, not {who}.", case.id))
                    continue
                told_before = self._last_date if (r.case_how.startswith("pronoun") and not claim.dates and not case_terms and not claim.statuses) else None
                out.append(_case_age(case, q, day, sentence_proc, claim.english, told_before))
            for s in claim.statuses:
                if s.status in ("sentenced", "jailed") and case_terms:
                    continue
                out.append(_case_status(case, s, day, level))
            if level is not None and (now_terms := [q for q in case_terms if not q.previous]):
                court = _court_finding(case, level, now_terms, day)
                out.append(court)
                if court.verdict is Verdict.ACCURATE:
                    # "sentenced to 40 years at first instance": a true account of that ruling,
                    # though a higher court later replaced it.
                    for i, f in enumerate(out):
                        if f.aspect == "sentence" and f.verdict is Verdict.OUTDATED and f.record == case.id:
                            later = f.explanation.partition("; it was replaced by ")[2].rstrip(".")
                            expl = f"True of the {level.replace('-', ' ')} ruling the claim names: {court.expected}" + (f"; it was later replaced by {later}." if later else ".")
                            out[i] = replace(f, verdict=Verdict.ACCURATE, explanation=expl)
            # The rulings that gave the term stated, and the events of the statuses stated.
            gave = [p for p in case.proceedings if p.sentence and any(_term_matches_proc(p, q.term) for q in case_terms)]
            told = [p for p in [sentence_proc, *gave] + [_has_status(case, st.status, day, level) for st in claim.statuses if not st.negated] if p is not None]
            place = _claimed_venue(claim, case) or _claimed_city(claim, case, told)
            if place is not None:
                out.append(place)
            judge = _claimed_judge(claim, case, told)
            if judge is not None:
                out.append(judge)
            charge = self._claimed_victims(claim, case)
            if charge is not None:
                out.append(charge)
            main_dates = [d for d in claim.dates if not d.aside]
            aside_dates = [d for d in claim.dates if d.aside]
            if aside_dates and (main_dates or case_terms):
                # "Cho, who was arrested in March 2020, was sentenced to ...": the aside's date
                # is its own event's (a status named in the claim), not the sentence's.
                own = next((p for s in claim.statuses if s.status not in ("sentenced", "jailed") and not s.negated and (p := _has_status(case, s.status, day))), None)
                if own is not None:
                    out.append(_date_finding(case, aside_dates, own))
            elif aside_dates:
                main_dates = aside_dates
            if main_dates and level is not None and not any(p.level == level for p in mine):
                # "upheld by the Fourth Circuit in 2025": the date is that ruling's, which the
                # record does not hold; the court finding says so.
                main_dates = []
            if main_dates:
                event = sentence_proc or next((p for p in case.proceedings if any(_term_matches_proc(p, q.term) for q in case_terms)), None)
                if event is not None:
                    out.append(_date_finding(case, main_dates, event))
                elif implied_charge is not None:
                    expl = f"The record gives no charge date for {case.defendant.name}: it shows only the conviction on {_d(implied_charge.date)} (missing date)."
                    out.append(Finding("date", Verdict.UNVERIFIABLE, ", ".join(d.text for d in claim.dates), None, expl, case.id, list(implied_charge.sources)))
            if r.case_how.startswith("surname"):
                for f in out:
                    if f.record == case.id:
                        how = "named earlier in the text" if "earlier" in r.case_how else "the only case with that name"
                        said = claim.names[0] if claim.names else case.defendant.name
                        person = f"{who}, in the case of {case.defendant.name}" if who and who != case.defendant.name else case.defendant.name
                        f.context.append(f"“{said}” is read as {person} ({how}).")
                        break
        change = any(q.previous for q in stat_terms) or _dates_a_change(claim)
        if (stat_terms or stat_fines) and change and r.case is None and r.offence is not None:
            # "rose from five to seven years in March 2024": the date is the change's.
            out += self._statutory(claim, r, day, stat_terms, stat_fines)
            _, stated = _stated_days(claim, day)
            if stated is not None:
                out.append(_change_date_finding(r.offence, stated, day))
        elif (stat_terms or stat_fines) and (future := _future_date(claim, day)) is not None and r.case is None and r.offence is not None:
            # "In 2099, ... will carry": only a change already enacted can say what the law will be.
            off = r.offence
            now = off.in_force(day)
            current = _penalty_text(now, off) if now else "no penalty in force"
            enacted = [v for v in off.penalties if day < v.start <= future.last and v.enacted_by(day)]
            if enacted:
                v = enacted[-1]
                known = f"the change enacted for {_d(v.start)} provides {_penalty_text(v, off)}"
            else:
                known = "no change enacted by then is recorded"
            expl = (
                f"The claim speaks of the future (“{future.text}”, after {_d(day)}), which no record can confirm; "
                f"{known}. In force on {_d(day)}: {current} ({off.citation})."
            )
            srcs = list(enacted[-1].sources) if enacted else (list(now.sources) if now else [])
            out.append(Finding("penalty", Verdict.UNVERIFIABLE, "; ".join(q.words() for q in stat_terms + stat_fines), current, expl, off.id, srcs))
        elif stat_terms or stat_fines:
            days, stated = _stated_days(claim, day) if r.case is None else ([day], None)
            runs = [(d, self._statutory(claim, r, d, stat_terms, stat_fines)) for d in days]
            # "since 2022": wrong on either day is wrong; the worst run speaks.
            when, found = max(runs, key=lambda x: (worst(f.verdict for f in x[1]).severity, x[0]))
            if stated is not None and found and r.offence is not None:
                on = " and on ".join(_d(d) for d in days)
                found[0].context.insert(0, f"The claim dates itself (“{stated.text}”): checked against the law on {on}.")
            out += found
        if r.case is not None and r.case_how.startswith("pronoun") and out:
            lead = claim.text.split()[0]
            f = next((f for f in out if f.record == r.case.id), out[0])
            who = r.case.defendant.name
            if re.match(r"\W*(?:he|she|they|his|her|their)\b", lead, re.I):
                f.context.append(f"“{lead}” is read as {who}, named in the sentence before." + ("" if f.record == r.case.id else f" The penalty checked is that of an offence {who} is charged with or convicted of."))
            elif (desc := _DESCRIBED.match(claim.text)) is not None:
                f.context.append(f"“{desc.group(0).split(',')[0].strip()}” is read as {who}, named before.")
            else:
                f.context.append(f"Read as about {who}, named just before (“{lead} ...” names nobody).")
        if r.case is not None and r.case_how == "named in the next sentence" and out:
            f = next((f for f in out if f.record == r.case.id), out[0])
            desc = _INDEFINITE_PERSON.match(claim.english)
            f.context.append(f"“{desc.group(0).strip() if desc else claim.text.split()[0]}” is read as {r.case.defendant.name}, named in the next sentence.")
        if r.case is None and r.offence is not None and not (stat_terms or stat_fines) and claim.enacted:
            # "... became a criminal offence in February 2026": when the offence was created.
            out += [_law_event_finding(r.offence, d, claim.english, created=True) for d in claim.dates if not d.aside]
        elif r.case is None and r.offence is not None and (stat_terms or stat_fines) and not change:
            # "The Take It Down Act, signed in March 2025, punishes ...": the law's own dates.
            out += [_law_event_finding(r.offence, d, claim.english) for d in claim.dates if d.law_event]
        elif r.case is None and r.offence is None and claim.enacted and not (stat_terms or stat_fines):
            out += self._statutory(claim, r, day, [], [])
        if claim.criminal and r.case is None and not (stat_terms or stat_fines):
            out.append(self._criminality(claim, r, day))
        if claim.transposition:
            out += self._transposition(claim)
        for text in claim.bad_dates:
            out.append(Finding("date", Verdict.INACCURATE, text, None, f"There is no such date as {text}: the calendar has no such day."))
        if claim.no_prison and case is None and not (stat_terms or stat_fines):
            out += self._no_prison(claim, r, _stated_event_day(claim, day))
        if not out:
            out.append(Finding("claim", Verdict.UNVERIFIABLE, "", None, "Nothing to check: no penalty, sentence, fine, age or legal status was found in this sentence."))
        return out

    def _criminality(self, claim: Claim, r: _Resolved, day: _dt.date) -> Finding:
        """Whether the conduct was a crime on the claim's day ("was not a crime before October
        2024", "is now illegal in England"), by whether the specific offence was in force."""
        said = "a crime" if claim.criminal == "yes" else "not a crime"
        off = r.offence
        if off is None:
            where = ", ".join(_jname(c) for c in r.jurisdictions) or "any jurisdiction named"
            return Finding("criminal", Verdict.UNVERIFIABLE, said, None, f"No offence record covers that conduct in {where} ({r.missing or 'missing offence'}).")
        days, _ = _stated_days(claim, day)
        d = days[0]
        v = off.in_force(d)
        ctx: list[str] = []
        if v is None:
            # Before the specific offence, a more general one the claim also describes may
            # have covered the conduct ("sharing a montage" before "sharing a sexual montage").
            cands = self._offence_candidates(claim, r.jurisdictions or [off.jurisdiction], None)
            top = cands[0][0] if cands else 0.0
            subjects = _claim_subjects(list(claim.words))

            def covers(sc: float, o: Offence) -> bool:
                # Describes the claim about as well, or covers every subject it names and its conduct.
                k = _offence_keys(o, self._okeys)
                return sc >= top - 3.0 or (bool(subjects) and subjects <= k.subjects and bool(claim.conduct & k.conduct))

            older = [o for sc, o in cands if o is not off and o.in_force(d) is not None and covers(sc, o)]
            if older:
                ctx.append(f"{off.citation} ({off.id}), the specific offence, took effect on {_d(off.created or min(x.start for x in off.penalties))}; before it, {older[0].citation} applied.")
                off, v = older[0], older[0].in_force(d)
        srcs = list(v.sources) if v is not None else [s for x in off.penalties[:1] for s in x.sources]
        if v is not None:
            since = f"since {_d(off.created)}" if off.created else f"recorded since {_d(min(x.start for x in off.penalties))}"
            what = f"{off.citation} ({off.title}) makes it an offence on {_d(d)} ({since}): {_penalty_text(v, off)}"
            if claim.criminal == "yes":
                return Finding("criminal", Verdict.ACCURATE, said, "an offence", f"As stated: {what}.", off.id, srcs, ctx)
            return Finding("criminal", Verdict.INACCURATE, said, "an offence", f"Not so: {what}.", off.id, srcs, ctx)
        why = off.before_history(d)
        ctx.append("lawref holds the specific offence only: an older or more general law it does not hold may have covered some of this conduct.")
        if why == "not-created":
            words = f"No specific offence before {_d(off.created)}: {off.citation} ({off.title}) took effect then."
            if claim.criminal == "no":
                return Finding("criminal", Verdict.ACCURATE, said, f"no specific offence before {_d(off.created)}", words, off.id, srcs, ctx)
            return Finding("criminal", Verdict.UNVERIFIABLE, said, f"no specific offence before {_d(off.created)}", words + " Whether another law covered it is not recorded.", off.id, srcs, ctx)
        return Finding("criminal", Verdict.UNVERIFIABLE, said, None, f"{off.citation} has no version recorded for {_d(d)} (missing penalty history).", off.id, srcs)

    def _transposition(self, claim: Claim) -> list[Finding]:
        """A directive's transposition deadline as the claim dates it ("must transpose the
        directive by 14 June 2027")."""
        every = [o for o in self.cat.offences if o.transposition_deadline is not None]
        content = _content(claim.words)
        text = claim.english
        named = [o for o in every if _names_law(o, content) or any(n and n in text for n in _directive_numbers(o))]
        cited = re.search(r"\b\d{4}/\d{1,4}\b", text)  # a directive number none of the records has
        group = named or (every if not cited and re.search(r"\bdirective\b|\beu\b|\beuropean union\b", text, re.I) else [])
        deadlines = {o.transposition_deadline for o in group}
        if len(deadlines) != 1:
            what = "several directives with different deadlines match; name the directive" if deadlines else "no directive record with a transposition deadline matches"
            return [Finding("transposition", Verdict.UNVERIFIABLE, "", None, f"The deadline cannot be checked: {what}.")]
        deadline = deadlines.pop()
        o = group[0]
        law = o.instrument.short or o.instrument.title
        srcs = [s for v in o.penalties for s in v.sources if re.search(r"transpos|49", f"{s.note or ''} {s.quote or ''}", re.I)] or list(o.sources) or [s for v in o.penalties[:1] for s in v.sources]
        out = []
        for d in (d for d in claim.dates if not d.aside):
            found = d.text
            if d.first <= deadline <= d.last:
                out.append(Finding("transposition", Verdict.ACCURATE, found, _d(deadline), f"Member States must transpose the {law} by {_d(deadline)}, as stated.", o.id, srcs))
            else:
                out.append(Finding("transposition", Verdict.INACCURATE, found, _d(deadline), f"The {law}'s transposition deadline is {_d(deadline)} (the claim gives “{found}”).", o.id, srcs))
        return out

    def _other_person(self, claim: Claim, case: Case) -> str | None:
        """The name the claim opens with, when it is a person the case record does not know."""
        if not claim.names or not claim.text.lstrip(" \"'\u201c").startswith(claim.names[0]):
            return None
        if len({getattr(p, "defendant", None) for p in case.proceedings} - {None}) < 2:
            return None  # one defendant: an unknown opening word is not a co-defendant
        if not re.match(r"[A-Z][a-z]+(?:[- ][A-Z]?[a-z]+)*$", claim.names[0]) or claim.names[0].lower() in _STOPWORDS:
            return None
        toks = _norm_tokens(claim.names[0])
        k = _case_keys(case, self._offence_aliases, self._ckeys)
        known = set(k.weak) | {t for s in k.strong for t in s}
        if not toks or set(toks) & known or len(claim.names[0]) < 2:
            return None
        from .claims import find_places

        if find_places(claim.names[0]):
            return None
        return claim.names[0]

    def _no_prison(self, claim: Claim, r: _Resolved, day: _dt.date) -> list[Finding]:
        """ "does not carry a prison sentence": true where the law sets no prison term."""
        if r.offence is None:
            return self._statutory(claim, r, day, [], [])  # says what is missing
        off, now = r.offence, r.offence.in_force(day)
        if now is None:
            return [Finding("prison", Verdict.UNVERIFIABLE, "no prison term", None, f"{off.citation} is not in force on {_d(day)}.", off.id, list(off.sources))]
        words = _prison_words(now.prison, off.minimum_standard)
        if now.prison is None and now.combine is None:
            return [Finding("prison", Verdict.ACCURATE, "no prison term", "no prison term", f"{off.citation} sets no prison term on {_d(day)}: {_penalty_text(now, off)}.", off.id, list(now.sources))]
        if now.prison is None:
            words = _penalty_text(now, off)  # "imprisonment (term not recorded), ...": not "no prison term"
            expl = f"{off.citation} provides imprisonment (the term is not recorded) on {_d(day)}: {words}."
        else:
            expl = f"{off.citation} provides {words} on {_d(day)}."
        return [Finding("prison", Verdict.INACCURATE, "no prison term", words, expl, off.id, list(now.sources))]

    def _claimed_victims(self, claim: Claim, case: Case) -> Finding | None:
        """An inaccurate finding when the claim says the case concerned adults ("deepfakes of
        adult women") and every offence the record holds it for is a child-abuse offence."""
        if claim.minor or not _ADULT_VICTIMS.search(claim.text):
            return None
        if self._by_id is None:
            self._by_id = {o.id: o for o in self.cat.offences}
        offs = [self._by_id[i] for i in case.offences if i in self._by_id]
        if not offs or not all(_CHILD_TAG in o.tags for o in offs):
            return None
        titles = "; ".join(f"{o.citation} ({o.title})" for o in offs)
        expl = f"The record holds {case.defendant.name} for offences concerning children, not adults: {titles}."
        return Finding("charge", Verdict.INACCURATE, _ADULT_VICTIMS.search(claim.text).group(0), titles, expl, case.id, list(case.sources) or [s for p in case.proceedings[:1] for s in p.sources])

    def _no_case(self, claim: Claim, r: _Resolved) -> Finding:
        found = "; ".join(claim.found()) or ""
        if r.case_ambiguous:
            expl = f"Several case records match ({', '.join(r.case_ambiguous)}); name the defendant in full."
        else:
            first_word = claim.text.split()[0].strip(",.:;\"'") if claim.text.split() else ""
            who = next((n for n in claim.names if len(n.split()) >= 2), None) or next((n for n in claim.names if n == first_word), None)
            what = f"“{who}”" if who else "the person or case"
            expl = f"No case record covers {what}: missing case."
        return Finding("case", Verdict.UNVERIFIABLE, found, None, expl)

    def _statutory(self, claim: Claim, r: _Resolved, day: _dt.date, terms: list[TermQty], fines: list[FineQty]) -> list[Finding]:
        found = "; ".join([q.words() for q in terms] + [q.words() for q in fines])
        if r.offence is None:
            if r.missing == "jurisdiction":
                expl = f"The claim names no jurisdiction (missing jurisdiction); records cover {', '.join(self.covered)}."
            elif r.missing == "jurisdiction-not-covered":
                names = ", ".join(f"{_jname(c)} ({c})" for c in r.jurisdictions)
                expl = f"No records for {names} (missing jurisdiction); records cover {', '.join(self.covered)}."
            elif r.missing == "conduct" and r.closest is not None:
                where = ", ".join(_jname(c) for c in r.jurisdictions) or _jname(r.closest.jurisdiction)
                what = " or ".join(sorted(claim.conduct)).replace("-", " ")
                expl = (
                    f"No offence record in {where} covers {what} (missing offence); the closest, "
                    f"{r.closest.citation} ({r.closest.id}), covers: {r.closest.title}."
                )
            else:
                where = ", ".join(_jname(c) for c in (r.jurisdictions or ([r.case.jurisdiction] if r.case else [])))
                expl = f"No offence record in {where or 'the catalogue'} matches the conduct described (missing offence)."
            return [Finding("penalty", Verdict.UNVERIFIABLE, found, None, expl)]
        off = r.offence
        names_law = bool(self._cited(claim, [off.jurisdiction])) or _names_law(off, _content(claim.words))
        out: list[Finding] = []
        for q in terms:
            if q.previous:
                out.append(_assess_previous(off, day, "prison", q.words(), lambda x, q=q: _prison_match(x.prison, q, off.minimum_standard), lambda x: _prison_words(x.prison, off.minimum_standard)))
                continue
            said = q.words().removeprefix("not ")  # compared as stated, then the negation applies
            f = _assess_penalty(off, day, "prison", said, lambda x, q=q: _prison_match(x.prison, q, off.minimum_standard), lambda x: _prison_words(x.prison, off.minimum_standard), claim.words, names_law, r.case is not None)
            if q.negated:
                f = _negated(f)
                f.found = q.words()
            out.append(f)
        # "at least 5 years and up to life": one line when both parts match the same way.
        merged: list[Finding] = []
        for f in out:
            twin = next((g for g in merged if (g.aspect, g.verdict, g.explanation) == (f.aspect, f.verdict, f.explanation)), None)
            if twin is not None:
                twin.found = f"{twin.found}; {f.found}"
            else:
                merged.append(f)
        out = merged
        for q in fines:
            notes: list[str] = []

            def m(x, q=q, notes=notes):
                ok, note = _fine_match(x.fine, q, day, self.rates, self.tol)
                if ok and note:
                    notes.append(note)
                return ok

            f = _assess_penalty(off, day, "fine", q.words(), m, lambda x: _fine_words(x.fine), claim.words, names_law, r.case is not None)
            if notes and f.verdict is Verdict.ACCURATE:
                f.context.append(f"Compared after conversion: {notes[-1]} (±{self.tol:.0%}).")
            out.append(f)
            if q.money is not None:
                now = off.in_force(day)
                native = _as_record_dollar(q.money, [now.fine.currency] if now and now.fine else [])
                out += [_conversion_finding(native, c, day, self.rates, self.tol, off.id) for c in q.converted]
        out = self._paired(off, day, terms, fines, out)
        kinds = {q.qualifier for q in terms} | {"max" if q.qualifier == "exact" else q.qualifier for q in terms}
        if any(q.qualifier == "exact" for q in terms):
            now = off.in_force(day)
            p = now.prison if now is not None else None
            floor_only = p is not None and p.min is not None and (p.max is None or p.max_basis) and all(q.term != p.max for q in terms)
            what = "the minimum the article sets (it states no maximum of its own)" if floor_only else "the statutory maximum"
            out[0].context.append(f"The claim gives no qualifier (\"up to\", \"at least\"); it is read as {what}.")
        states = [c for c in r.jurisdictions if _state_of(c, off.jurisdiction) and not any(o.jurisdiction.upper() == c.upper() for o in self.cat.offences)]
        if states and len(states) == len(r.jurisdictions):
            # A state named, only the federal law held: a mismatch may be the state's own law.
            for f in out:
                if f.verdict in (Verdict.INACCURATE, Verdict.OUTDATED):
                    f.verdict = Verdict.UNVERIFIABLE
                    f.explanation = (
                        f"Not the {_jname(off.jurisdiction)} offence ({f.explanation.rstrip('.')}); the claim names "
                        f"{_jname(states[0])}, whose own law lawref does not hold (missing jurisdiction)."
                    )
        ctx = _penalty_context(off, day, self.cat, claim, kinds & {"max", "min"}, [c for c in r.jurisdictions if c.upper() != off.jurisdiction.upper()])
        if r.jurisdiction_note:
            ctx.insert(0, r.jurisdiction_note)
        if r.note:
            ctx.insert(0, r.note)
        ctx += _alternatives_context(off, r.alternatives, day)
        if any(f.verdict is Verdict.INACCURATE for f in out):
            ctx += self._sister_offences(off, claim, day, r.alternatives)
        if out:
            out[0].context.extend(ctx)
        return out

    def _paired(self, off: Offence, day: _dt.date, terms: list[TermQty], fines: list[FineQty], out: list[Finding]) -> list[Finding]:
        """A prison term and a fine that each match some reading of the offence, but no one
        reading together ("one year and €45,000" when it is one year and €15,000, or two
        years and €45,000 online): the fine is wrong for that term."""
        now = off.in_force(day)
        terms = [q for q in terms if not q.previous and not q.negated]
        fines = [q for q in fines if q.money is not None or q.unlimited] if fines else []
        if now is None or not terms or not fines:
            return out
        if any(f.verdict is not Verdict.ACCURATE for f in out if f.aspect in ("prison", "fine")):
            return out

        def together(a: Aggravated | None) -> bool:
            prison = (a.prison if a and a.prison else None) or now.prison
            fine = (a.fine if a and a.fine else None) or now.fine
            return all(_prison_match(prison, q, off.minimum_standard) for q in terms) and all(_fine_match(fine, q, day, self.rates, self.tol)[0] for q in fines)

        options = [None, *now.aggravated]
        if any(together(a) for a in options):
            return out
        pairs = "; ".join(f"{_penalty_text(now, off) if a is None else _penalty_words_of(now, a)}{_label(a)}" for a in options)
        for f in out:
            if f.aspect == "fine":
                f.verdict = Verdict.INACCURATE
                f.expected = pairs
                f.explanation = f"{f.found[:1].upper()}{f.found[1:]} does not go with the term stated: {off.citation} provides {pairs} on {_d(day)}."
        return out

    def _sister_offences(self, off: Offence, claim: Claim, day: _dt.date, named: list[Offence]) -> list[str]:
        """For a figure the offence does not carry: other offences of that jurisdiction for
        the same conduct whose penalty in force has it ("66B(2)-(4) carry two years")."""
        k = _offence_keys(off, self._okeys)
        want = len([q for q in claim.terms if q.kind != "sentence" and not q.previous]) + len([q for q in claim.fines if q.kind != "sentence"])
        sisters = [
            o for o in self.cat.offences
            if o is not off and o not in named and o.jurisdiction == off.jurisdiction and (_offence_keys(o, self._okeys).conduct & k.conduct)
            and set(o.tags) & set(off.tags) - _CONDUCT_TAGS and self._matches_any(o, claim, day)[1] == want > 0
        ]
        if not sisters:
            return []
        listed = "; ".join(f"{o.citation} ({o.title[:1].lower() + o.title[1:]}): {_penalty_text(o.in_force(day), o)}" for o in sisters[:3])
        return [f"The figure is that of related offences for the same conduct: {listed}."]

    def _with_topic(self, claim: Claim) -> Claim:
        """A sentence that refers back to the paragraph's subject ("Making them now carries
        ...") gets that subject's words; one that names a subject becomes the new topic."""
        from .claims import _shared_subject

        if _claim_subjects(list(claim.words) + list(claim.context_words)):
            self._para_topic[claim.paragraph] = (_shared_subject(claim), claim.conduct)
            return claim
        prev = self._para_topic.get(claim.paragraph)
        if prev is None and (_ANAPHOR.search(claim.english) or claim.context_words):
            # "such material" at the start of a paragraph: the subject of the one before, which
            # becomes this paragraph's too.
            earlier = [p for p in self._para_topic if p < claim.paragraph]
            prev = self._para_topic[max(earlier)] if earlier else None
            if prev is not None:
                self._para_topic[claim.paragraph] = prev
        if prev is None:
            return claim
        words, conduct = prev
        # A later clause of the sentence ("..., rising to three years when shared online")
        # speaks of what its first clause did.
        anaphoric = bool(_ANAPHOR.search(claim.english) or claim.context_words)
        if claim.conduct and anaphoric:
            # "Possessing them carries five years": the object carries over, not the conduct.
            return replace(claim, context_words=claim.context_words + tuple(w for w in words if not conduct_of(w)))
        if not claim.conduct and (claim.terms or claim.fines) and (anaphoric or claim.statutory or _PENALTY_SUBJECT.search(claim.english)):
            # "It now carries seven years", "Les peines sont portées à sept ans ...": the
            # whole subject, conduct included.
            return replace(claim, context_words=claim.context_words + words, conduct=conduct)
        return claim

    def check_claim(self, claim: Claim, as_of: _dt.date, today: _dt.date) -> ClaimResult:
        claim = self._dated(self._with_topic(claim), as_of)
        # The offence is chosen as the law stood on the day the claim speaks of ("In 2019, ..."),
        # except for a change's date ("rose to seven years in March 2024"), which dates the change.
        change = any(q.previous for q in claim.terms) or _dates_a_change(claim)
        r = self.resolve(claim, as_of if change else _stated_days(claim, as_of)[0][0])
        joint = _joint_places(claim) if r.case is None and (claim.terms or claim.fines) else []
        if len(joint) > 1 and all(any(_covers(c, j) for j in self.covered) for c in joint):
            # "In the UK and Australia, ... carries up to six months": true only if true in each.
            # "... up to 10 and five years respectively": the i-th figure for the i-th place.
            terms = _respective_terms(claim, len(joint))
            paired = terms is not None
            if paired:
                claim = replace(claim, terms=terms)
            claims = [replace(claim, terms=(claim.terms[i],)) if paired else claim for i in range(len(joint))]
            runs = [(c, cl, self.resolve(cl, as_of, only=[c])) for c, cl in zip(joint, claims)]

            def each(day):
                out = []
                for code, cl, rr in runs:
                    for f in self.evaluate(cl, rr, day):
                        f.explanation = f"{_jname(code)}: {f.explanation}"
                        out.append(f)
                return out

            res = ClaimResult(claim, as_of, each(as_of))
            if today != as_of:
                res.today = ClaimResult(claim, today, _since_then(res.findings, each(today), as_of, today))
            return res
        self._clause_offence = r.offence
        res = ClaimResult(claim, as_of, self.evaluate(claim, r, as_of))
        if today != as_of:
            res.today = ClaimResult(claim, today, _since_then(res.findings, self.evaluate(claim, r, today), as_of, today))
        if r.case is not None and r.case not in self.mentioned_cases:
            self.mentioned_cases.append(r.case)
        return res

    def _dated(self, claim: Claim, as_of: _dt.date) -> Claim:
        """The claim with the dates it gives relative to the day it was made ("last March")
        and to the event told before ("four days later"); that event's date is remembered
        for the next sentence."""
        from .claims import later_dates, relative_dates, told_at

        own = claim.dates + tuple(relative_dates(claim.english, as_of))
        own += tuple(later_dates(claim.english, self._last_date, own))
        if own != claim.dates:
            claim = replace(claim, dates=own)
        main = [d for d in own if not d.aside and not d.law_event]
        if main:
            # The one told last (dates of the relative kinds name their phrase, not found verbatim).
            self._last_date = max(main, key=lambda d: told_at(claim.english, d))
        return claim

    def note(self, claim: Claim, as_of: _dt.date) -> None:
        """Remember what a sentence that is not itself a claim names (cases, places, topic)."""
        self._dated(self._with_topic(claim), as_of)
        case, _, _ = self._find_case(claim)
        if case is not None and case not in self.mentioned_cases:
            self.mentioned_cases.append(case)
        self._jurisdictions(claim)


def check_text(
    catalogue,
    text: str,
    as_of: _dt.date | None = None,
    today: _dt.date | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
    rates=None,
) -> Report:
    """Split `text` into claims and check each at `as_of` (the claim's date) and today.

    Sentences with nothing checkable are skipped; when no sentence is checkable, each one is
    returned as an unverifiable claim (never accurate).

    Args:
        catalogue: the records (:class:`lawref.catalog.Catalogue`).
        text: one or more sentences.
        as_of: the date the claim was made (default today).
        today: the date "today" means (default the real today; tests pin it).
        tolerance: for converted amounts, as a fraction (0.05 = ±5%).
        rates: a rate table with `convert(amount, from, to, day)` (default lawref.money's).

    Raises:
        UsageError: when `text` is empty or `tolerance` is not between 0 and 1.
    """
    from .dates import today as _today

    if not text or not text.strip():
        raise UsageError("check: no claim text given (pass TEXT, --file FILE, or - for stdin)")
    if not 0 <= tolerance < 1:
        raise UsageError("check: --tolerance must be between 0 and 1 (e.g. 0.05 for ±5%)")
    today = today or _today()
    as_of = as_of or today
    claims = extract_claims(text)
    checker = Checker(catalogue, tolerance, rates)
    from .claims import dateline_place

    checker.dateline = dateline_place(text)
    keep = {c.index for c in claims if c.checkable} or {c.index for c in claims}
    results = []
    for i, c in enumerate(claims):
        nxt = claims[i + 1] if i + 1 < len(claims) and claims[i + 1].paragraph == c.paragraph else None
        checker.upcoming = checker.opening_case(nxt) if nxt is not None else None
        if c.index in keep:
            results += [checker.check_claim(part, as_of, today) for part in checker.split_by_case(c)]
        else:
            checker.note(c, as_of)
    return Report(as_of, today, results, tolerance)
