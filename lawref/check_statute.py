"""Checking claims against offence records, for :mod:`lawref.check`: which offence a claim
describes (its keys and score), whether a prison term or fine it states is the statutory one
in force on a date (or an aggravated variant's, or an older or later version's), converted
amounts at the dated exchange rate, and the dates a claim gives for a law's creation or change.

This module imports neither typer nor rich.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable

from .claims import _MINOR as _MINOR_RE
from .claims import Claim, FineQty, Money, TermQty, conduct_of, mentions_minor, words_of
from .model import Aggravated, Fine, Offence, PenaltyVersion, Prison, Source, Status, Term
from .verdicts import Finding, Verdict, _amount, _d, _first_sentence, _jname, _seq_in, _term_words

SAME_AMOUNT = 0.005  # a native amount within 0.5% of the record's is the same figure (rounding)

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


# --------------------------------------------------------------------------- wording helpers


def _version_span(v: PenaltyVersion) -> str:
    return f"from {_d(v.start)}" + (f" until {_d(v.end)}" if v.end else "")


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
        if n and _law_like(n):
            seq = _content(words_of(n))
            if len(seq) >= 2 and _seq_in(seq, content):
                return True
    return False


_LAW_WORD = re.compile(r"\b(?:Act|Law|Code|Directive|Regulation|Bill|Statute|U\.?S\.?C|loi|code|Gesetz)\b|\b[A-Z]{2,}\s+law\b|\d")


def _law_like(name: str) -> bool:
    """Whether an alias reads as the name of a law ("Take It Down Act", "loi SREN", "S. 146"),
    not a topic that happens to hold a capital ("AI-generated intimate image")."""
    if _LAW_WORD.search(name):
        return True
    words = [w for w in re.findall(r"[^\W\d_][\w'-]*", name)]
    return bool(words) and sum(w[0].isupper() for w in words) * 3 >= len(words) * 2


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


_AUTHENTIC = re.compile(r"\bauthentic\b|\bgenuine\b|\breal\s+(?:image|photo|video|picture)", re.I)
_FORGED = re.compile(r"\bdeep\s?fake|\bforger|\bfake\b|\bai[- ]generated\b|\bsynthetic\b|\bmanipulated\b|\bnudif", re.I)


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
        # An authentic image is not a deepfake, nor the other way round.
        if (_AUTHENTIC.search(a.label) and forged) or (_FORGED.search(a.label) and authentic):
            return False
        return True

    forged, authentic = bool(_FORGED.search(text)), bool(_AUTHENTIC.search(text))
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


def _prison_words(p: Prison | None, minimum_standard: bool = False) -> str:
    from .penalty import prison_words

    return prison_words(p, minimum_standard) or "no prison term"


def _fine_words(f: Fine | None) -> str:
    from .penalty import fine_words

    return fine_words(f) or "no fine"


def _change_at(off: Offence, day: _dt.date) -> tuple[PenaltyVersion | None, PenaltyVersion | None]:
    """The version in force on `day` and the one it replaced (None where there is none)."""
    now = off.in_force(day)
    if now is None:
        return None, None
    before = [v for v in off.penalties if v.status is not Status.PROSPECTIVE and v.end is not None and v.end < now.start]
    return (max(before, key=lambda v: v.start) if before else None), now


def _no_change_finding(off: Offence, day: _dt.date, aspect: str, found: str, now: PenaltyVersion | None) -> Finding:
    if now is None:
        return Finding(aspect, Verdict.UNVERIFIABLE, found, None, f"{off.citation} has no penalty in force on {_d(day)} (missing version).", off.id, [])
    if off.created == now.start:
        expl = f"{off.citation} records no change: the offence itself was created on {_d(now.start)} with {_penalty_text(now, off)}."
        return Finding(aspect, Verdict.INACCURATE, found, None, expl, off.id, list(now.sources))
    expl = f"{off.citation}'s penalty before {_d(now.start)} is not recorded, so the change cannot be measured (missing version)."
    return Finding(aspect, Verdict.UNVERIFIABLE, found, None, expl, off.id, list(now.sources))


def _assess_delta(off: Offence, day: _dt.date, q: TermQty) -> Finding:
    """ "raised by two years": the difference between the prison maximum (or minimum) in force on
    `day` and the one before it."""
    found = f"a change of {_term_words(q.term)}"
    before, now = _change_at(off, day)
    if before is None:
        return _no_change_finding(off, day, "prison", found, now)
    pairs = [(getattr(before.prison, k, None), getattr(now.prison, k, None), k) for k in ("max", "min")]
    pairs = [(a, b, k) for a, b, k in pairs if a is not None and b is not None and not a.life and not b.life and a != b]
    if not pairs:
        expl = f"{off.citation}'s prison term did not change on {_d(now.start)}: {_penalty_text(before, off)} before, {_penalty_text(now, off)} after."
        return Finding("prison", Verdict.INACCURATE, found, "no change in the prison term", expl, off.id, list(now.sources))
    a, b, k = pairs[0]
    diff = Term(months=abs(b.months - a.months), days=abs(b.days - a.days))
    way = "raised" if b.sort_key() > a.sort_key() else "lowered"
    said = f"the {'maximum' if k == 'max' else 'minimum'} was {way} from {_term_words(a)} to {_term_words(b)} on {_d(now.start)} ({off.citation})"
    if diff == q.term:
        return Finding("prison", Verdict.ACCURATE, found, f"{way} by {_term_words(diff)}", f"As stated: {said}.", off.id, list(now.sources))
    return Finding("prison", Verdict.INACCURATE, found, f"{way} by {_term_words(diff)}", f"Not by {_term_words(q.term)}: {said}, a change of {_term_words(diff)}.", off.id, list(now.sources))


def _assess_ratio(off: Offence, day: _dt.date, factor: float, what: str) -> Finding:
    """ "doubled the maximum prison term", "the fine was tripled": the new figure over the old."""
    word = {2.0: "doubled", 3.0: "tripled", 4.0: "quadrupled", 0.5: "halved"}.get(factor, f"multiplied by {factor:g}")
    found = f"{what} {word}"
    before, now = _change_at(off, day)
    if before is None:
        return _no_change_finding(off, day, what, found, now)
    if what == "fine":
        a = before.fine.max if before.fine else None
        b = now.fine.max if now.fine else None
        same = before.fine is not None and now.fine is not None and before.fine.currency == now.fine.currency
        old_w, new_w = _fine_words(before.fine), _fine_words(now.fine)
        if not same or not isinstance(a, (int, float)) or not isinstance(b, (int, float)) or not a:
            return Finding(what, Verdict.UNVERIFIABLE, found, None, f"{off.citation}'s fines before and after {_d(now.start)} cannot be compared ({old_w}; {new_w}).", off.id, list(now.sources))
        got = b / a
    else:
        a = before.prison.max if before.prison else None
        b = now.prison.max if now.prison else None
        old_w, new_w = _prison_words(before.prison), _prison_words(now.prison)
        if a is None or b is None or a.life or b.life or not a.sort_key():
            return Finding(what, Verdict.UNVERIFIABLE, found, None, f"{off.citation}'s prison maxima before and after {_d(now.start)} cannot be compared ({old_w}; {new_w}).", off.id, list(now.sources))
        got = b.sort_key() / a.sort_key()
    said = f"{old_w} until {_d(before.end)}, {new_w} from {_d(now.start)} ({off.citation})"
    if abs(got - factor) < 0.01:
        return Finding(what, Verdict.ACCURATE, found, word, f"As stated: {said}.", off.id, list(now.sources))
    return Finding(what, Verdict.INACCURATE, found, f"multiplied by {got:.2g}", f"Not {word}: {said}, a factor of {got:.2g}.", off.id, list(now.sources))


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


STALE_RATE_DAYS = 365  # a converted amount that matched a rate this recent is "outdated", an older one wrong


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
    if last is not None and (day - last).days <= STALE_RATE_DAYS:
        expl = (
            f"{_amount(conv_money.amount, conv_money.currency)} matched the exchange rate until about {_d(last)}; {where} "
            f"{_amount(native.amount, native.currency)} is {_amount(conv.amount, conv_money.currency)} ({diff:+.1%})."
        )
        return Finding("conversion", Verdict.OUTDATED, found, expected, expl, record, [], ctx)
    if last is not None:
        # A rate more than a year old is no excuse: wrong at the claim's date, and said why.
        ctx.append(f"{_amount(conv_money.amount, conv_money.currency)} last matched the exchange rate around {_d(last)}, more than a year before.")
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


# --------------------------------------------------------------------------- penalties in words


def _penalty_words_of(v: PenaltyVersion, a: Aggravated) -> str:
    """A variant's whole penalty in words, its missing parts taken from the base."""
    from .penalty import penalty_words

    return penalty_words(replace(v, prison=a.prison or v.prison, fine=a.fine or v.fine, combine=a.combine or v.combine, aggravated=()))


def _penalty_text(v: PenaltyVersion, off: Offence) -> str:
    from .penalty import penalty_words

    return penalty_words(v, off.minimum_standard)


# --------------------------------------------------------------------------- dates of the law


def _change_date_finding(off: Offence, stated, day: _dt.date) -> Finding:
    """Whether the date a claim gives for a change is when the penalty in force on `day` took effect."""
    from .penalty import penalty_since

    v = off.in_force(day)
    if v is None:
        return Finding("date", Verdict.UNVERIFIABLE, stated.text, None, f"No version of {off.citation} is in force on {_d(day)}.", off.id)
    # When the figures in force took effect: a later version that only reworded the article
    # (FR 227-23 possession: 5 years / €75,000 since August 2020, version of April 2021) does
    # not move the change.
    since = penalty_since(off, v)
    first = next((x for x in off.penalties if x.start == since), v)
    srcs = list(first.sources) + [s for s in v.sources if s not in first.sources]
    if stated.covers(since):
        expl = f"The current penalty of {off.citation} took effect on {_d(since)}, as stated."
        return Finding("date", Verdict.ACCURATE, stated.text, since.isoformat(), expl, off.id, srcs)
    said = re.sub(r"^(In|On|Since|Before|After|Until|By|During)\b", lambda m: m.group(1).lower(), stated.text)
    expl = f"The current penalty of {off.citation} took effect on {_d(since)}, not {said}"
    if first.promulgated and stated.covers(first.promulgated):
        expl += f" (it was promulgated then, on {_d(first.promulgated)})"
    elif since != v.start and stated.covers(v.start):
        expl += f" (the version of {_d(v.start)} kept the same figures)"
    return Finding("date", Verdict.INACCURATE, stated.text, since.isoformat(), expl + ".", off.id, srcs)


_SIGN_WORDS = r"signed|passed|enacted|adopted|approved|promulgated|voted|published"
_SIGNING = re.compile(rf"\b(?:{_SIGN_WORDS})\b", re.I)
_LAW_MADE = re.compile(rf"\b(?:{_SIGN_WORDS}|introduced|brought\s+in)\b", re.I)  # a date of the law's making
_PASSAGE = re.compile(r"\b(?:passed|adopted|approved|voted|vote)\b", re.I)  # the legislature's vote
_PROMULGATION = re.compile(r"\b(?:signed|enacted|promulgated|published|royal\s+assent|took\s+effect|came\s+into\s+(?:force|effect))\b", re.I)


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
    if _PASSAGE.search(text) and not _PROMULGATION.search(text):
        # "voted in September 2024", "passed in August 2024": the legislature's vote, which
        # comes before promulgation and commencement but is not itself recorded.
        last = max(days)
        if stated.first > last:
            expl = f"Not {stated.text}: a law is passed before it is promulgated and takes effect, and {what}."
            return Finding("date", Verdict.INACCURATE, stated.text, f"by {_d(last)}", expl, off.id, srcs)
        expl = f"The record gives no date for the vote (missing date); {what}, so a vote {stated.text} is consistent with it but not confirmed."
        return Finding("date", Verdict.UNVERIFIABLE, stated.text, f"by {_d(last)}", expl, off.id, srcs)
    if any(stated.covers(d) for d in days):
        return Finding("date", Verdict.ACCURATE, stated.text, ", ".join(_d(d) for d in days), f"As stated: {what}.", off.id, srcs)
    return Finding("date", Verdict.INACCURATE, stated.text, ", ".join(_d(d) for d in days), f"Not {stated.text}: {what}.", off.id, srcs)
