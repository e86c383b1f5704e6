"""Claim parsing: split text into sentences and pull out what a fact-check can compare.

This is the one module that reads claim wording. It turns a sentence such as

    In South Korea, creating sexually explicit deepfakes can result in up to five years in
    prison and fines reaching 50 million won ($37,500 or £28,300).

into a :class:`Claim`: the places named (``KR``), the conduct (``production``), the prison
terms with their qualifier (``max 5y``), the fines with their currency and any converted
amounts given beside them (``max ₩50,000,000``, converted ``$37,500``, ``£28,300``), ages of a
defendant, legal-status words (``charged``, ``convicted``), names, and whether the wording is
about a statute ("can result in", "punishable by") or a court outcome ("was sentenced to").

Number words go through text2num's ``alpha2digit`` ("five years" -> "5 years"); the small
grammar below handles what it leaves alone: magnitudes after digits ("50 million"),
hyphenated compounds ("forty-two-year"), "a year", "two and a half years", "a decade",
money suffixes ("₩50m", "€1.5bn") and currency symbols and codes. Nothing here knows the
catalogue: matching claims to records is :mod:`lawref.check`'s job.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .model import Term
from .places import AMBIGUOUS_SUBDIVISIONS, SUBDIVISIONS
from .places import PLACE_TABLE as _PLACE_TABLE

# --------------------------------------------------------------------------- values


@dataclass(frozen=True)
class Place:
    """A jurisdiction named in a claim: its code and the words that named it."""

    code: str
    text: str
    weak: bool = False  # "federal", "European": used only when nothing stronger is named


@dataclass(frozen=True)
class Money:
    """An amount of money as written in a claim."""

    amount: float
    currency: str
    text: str
    assumed: bool = False  # a bare "$": read as USD unless the record's currency is another dollar


@dataclass(frozen=True)
class TermQty:
    """A prison term in a claim, with its qualifier: max ("up to"), min ("at least") or exact."""

    term: Term
    qualifier: str  # "max" | "min" | "exact"
    text: str
    kind: str  # "penalty" (statute wording), "sentence" (court outcome) or "unknown"
    start: int = field(default=0, compare=False)
    previous: bool = False  # the figure before a change: "up from five years", "raised from 5 to 7"
    negated: bool = False  # "is no longer punishable by two years", "does not carry"
    later: bool = False  # "40 years, a term later increased to 42": not as of the date stated
    delta: bool = False  # the size of a change, not a penalty: "raised by two years"

    def words(self) -> str:
        t = self.term.words()
        t = "life imprisonment" if self.term.life else t
        w = {"max": f"up to {t}", "min": f"at least {t}"}.get(self.qualifier, t)
        w = f"previously {w}" if self.previous else w
        return f"not {w}" if self.negated else w


@dataclass(frozen=True)
class FineQty:
    """A fine (or monetary penalty) in a claim, with amounts given as conversions of it."""

    money: Money | None  # None for "an unlimited fine"
    qualifier: str  # "max" | "min" | "exact"
    text: str
    kind: str  # "penalty" | "sentence" | "bail" | "unknown"
    converted: tuple[Money, ...] = ()
    unlimited: bool = False
    start: int = field(default=0, compare=False)
    previous: bool = False  # the amount before a change: "rose from 50 million won to 70 million won"

    def words(self) -> str:
        if self.unlimited or self.money is None:
            return "an unlimited fine"
        amt = _fmt(self.money)
        return {"max": f"a fine of up to {amt}", "min": f"a fine of at least {amt}"}.get(self.qualifier, f"a fine of {amt}")


@dataclass(frozen=True)
class AgeQty:
    """A defendant's age in a claim; `at_the_time` when it refers to the time of the offences."""

    age: int
    text: str
    at_the_time: bool = False


@dataclass(frozen=True)
class DateQty:
    """A date a claim states for an event ("in October 2024", "on 28 October 2024", "in 2024"):
    the first and last day it can mean."""

    first: _dt.date
    last: _dt.date
    text: str
    relation: str = "in"  # in | since | until | before | after (the word before the date)
    law_event: bool = False  # "passed in 2020", "amended in October 2024": dates a law, not a state
    aside: bool = False  # inside a relative clause or brackets: "Cho, who was arrested in March 2020, was ..."

    def covers(self, day: _dt.date) -> bool:
        if self.relation == "since":
            return day >= self.first
        if self.relation == "until":
            return day <= self.last
        if self.relation == "before":
            return day < self.first
        if self.relation == "after":
            return day > self.last
        return self.first <= day <= self.last


@dataclass(frozen=True)
class StatusQty:
    """A legal status claimed for a defendant: charged, convicted, acquitted, arrested, sentenced."""

    status: str
    text: str
    negated: bool = False
    formal: bool = False


# The jurisdictions whose law a statute sentence written in a language speaks of, when it names
# an alias of their records and no place ("Le fait de diffuser un hypertrucage ... est puni de").
LANGUAGE_JURISDICTIONS = {"fr": ("FR",), "ko": ("KR",)}


@dataclass(frozen=True)
class Claim:
    """One sentence and everything checkable found in it."""

    text: str
    index: int = 0
    paragraph: int = 0
    places: tuple[Place, ...] = ()
    terms: tuple[TermQty, ...] = ()
    fines: tuple[FineQty, ...] = ()
    ages: tuple[AgeQty, ...] = ()
    statuses: tuple[StatusQty, ...] = ()
    names: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    conduct: frozenset[str] = frozenset()
    minor: bool = False
    outcome: bool = False  # court-outcome wording ("was sentenced to", "received", "jailed for")
    statutory: bool = False  # statute wording ("can result in", "punishable by", "carries")
    context_words: tuple[str, ...] = ()  # subject words of earlier clauses of the same sentence
    dates: tuple[DateQty, ...] = ()  # dates stated for events ("in October 2024")
    bad_dates: tuple[str, ...] = ()  # dates no calendar has ("30 February 2021")
    no_prison: bool = False  # "does not carry a prison sentence", "is not punishable by imprisonment"
    enacted: bool = False  # dates a law's making or commencement: "became a criminal offence in February 2026"
    transposition: bool = False  # dates a directive's transposition deadline: "must transpose it by June 2027"
    criminal: str = ""  # "no": "was not a crime", "was legal"; "yes": "is a crime", "is illegal" (no penalty stated)
    ratio: tuple[float, str] | None = None  # a change as a factor: "doubled the maximum prison term" -> (2.0, "prison")
    gloss: str = ""  # the English reading of a French or Korean sentence ("" for English)

    @property
    def language(self) -> str:
        """"ko" or "fr" for a sentence read through its Korean or French gloss, else ""."""
        if not self.gloss:
            return ""
        return "ko" if re.search(r"[\uac00-\ud7a3]", self.text) else "fr"

    @property
    def english(self) -> str:
        """The text the English grammar reads: the gloss of a French or Korean sentence, else the text."""
        return self.gloss or self.text

    @property
    def checkable(self) -> bool:
        """True when the sentence states a penalty, sentence, fine, age or legal status."""
        return bool(self.terms or self.fines or self.ages or self.statuses or self.no_prison or self.enacted or self.transposition or self.criminal or self.ratio)

    def found(self) -> list[str]:
        """What the claim states, in plain words (for reports)."""
        out = [t.words() for t in self.terms]
        for f in self.fines:
            w = f.words()
            if f.converted:
                w += " (" + ", ".join(_fmt(m) for m in f.converted) + ")"
            out.append(w)
        out += [f"age {a.age}" + (" at the time" if a.at_the_time else "") for a in self.ages]
        out += [("not " if s.negated else "") + s.status for s in self.statuses]
        return out


def _fmt(m: Money) -> str:
    from .money import format_amount

    try:
        return format_amount(m.amount, m.currency)
    except Exception:  # noqa: BLE001 - babel rejects odd codes; show the raw figure
        return f"{m.amount:,.0f} {m.currency}"


# --------------------------------------------------------------------------- text clean-up

_TRANSLATE = {
    ord("\u2018"): "'",
    ord("\u2019"): "'",
    ord("\u201c"): '"',
    ord("\u201d"): '"',
    ord("\u00a0"): " ",
    ord("\u2009"): " ",
    ord("\u202f"): " ",
    ord("\u2212"): "-",
    ord("\u2011"): "-",
    ord("\u2010"): "-",
}


def clean_text(text: str) -> str:
    """Typographic quotes, dashes and spaces reduced to ASCII-like forms; ranges keep a hyphen."""
    t = text.translate(_TRANSLATE)
    t = re.sub(r"(\d)\s*[\u2013\u2014]\s*(\d)", r"\1-\2", t)  # 5–7 years
    t = re.sub(r"\s*[\u2013\u2014]\s*", " - ", t)  # parenthetical dashes
    return t


# --------------------------------------------------------------------------- sentences

_ABBREV = frozenset(
    "mr mrs ms dr st no nos art arts s ss sec secs para paras u.s u.k e.g i.e v vs jr sr inc ltd co cth "
    "approx cf gov ch pt reg al fig vol p pp op gen col lt sgt rep sen prof hon jan feb mar apr jun jul aug "
    "sep sept oct nov dec est min max etc u.s.c usc c.f.r cfr".split()
)
_BOUNDARY = re.compile(r"([.!?]+)([\"')\]]*)(\s+)")


def split_paragraphs(text: str) -> list[str]:
    """Blank-line-separated paragraphs, each with its lines joined (hard-wrapped text reads whole)."""
    paras = re.split(r"\n\s*\n", clean_text(text).replace("\r\n", "\n").replace("\r", "\n"))
    return [re.sub(r"\s+", " ", p).strip() for p in paras if p.strip()]


MAX_SENTENCE = 1000  # characters read as one claim; longer runs are cut at spaces


def _bounded(sentence: str) -> list[str]:
    """A run-on "sentence" (a pasted table, text without stops) cut into pieces of at most
    MAX_SENTENCE characters, so reading it stays linear."""
    out = []
    while len(sentence) > MAX_SENTENCE:
        cut = sentence.rfind(" ", 0, MAX_SENTENCE)
        cut = cut if cut > MAX_SENTENCE // 2 else MAX_SENTENCE
        out.append(sentence[:cut].strip())
        sentence = sentence[cut:].strip()
    out.append(sentence)
    return [x for x in out if x]


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph, not split after abbreviations (U.S., Art., Mr.) or initials."""
    out, start = [], 0
    for m in _BOUNDARY.finditer(paragraph):
        end = m.end(2)
        before = paragraph[start : m.start(1)]
        last = re.search(r"([A-Za-z.]+)$", before)
        word = last.group(1).lower().rstrip(".") if last else ""
        nxt = paragraph[m.end() : m.end() + 1]
        if m.group(1) == ".":
            if word in _ABBREV or (last and len(last.group(1)) == 1 and last.group(1).isupper()):
                continue
            if nxt and (nxt.islower() or nxt.isdigit() or nxt in "§("):
                continue
        out.append(paragraph[start:end].strip())
        start = m.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if s]


# --------------------------------------------------------------------------- numbers

_MAGNITUDE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "mn": 1e6, "mil": 1e6, "bn": 1e9, "b": 1e9}
_UNIT_WORDS = r"years?|yrs?|months?|weeks?|days?|decades?"


def _sub_magnitudes(t: str) -> str:
    """`50 million` -> `50000000` (digits followed by a magnitude word; text2num splits these)."""

    def rep(m: re.Match) -> str:
        val = float(m.group(1)) * _MAGNITUDE[m.group(2).lower()]
        return _num(val)

    return re.sub(r"(\d+(?:\.\d+)?)\s*(thousand|million|billion|trillion)\b", rep, t, flags=re.I)


def _num(val: float) -> str:
    return str(int(round(val))) if abs(val - round(val)) < 1e-6 else f"{val:g}"


# Thousands grouped with spaces or dots (European style) next to a currency: "€75 000",
# "75.000 euros", "30 000 000 KRW". Only beside money, so "in 2024 100 people" stays apart.
_GROUPED = r"\d{1,3}(?:[ .\u00a0\u202f\u2009]\d{3})+(?![\d])"
_CODES = r"(?:EUR|GBP|USD|KRW|AUD|JPY|CAD|CHF)"
_MONEY_GROUPS_BEFORE = re.compile(rf"(?P<pre>[€£$₩¥₹₽]\s?|\b{_CODES}\s?)(?P<num>{_GROUPED})")
_MONEY_GROUPS_AFTER = re.compile(rf"(?<![\d.,])(?P<num>{_GROUPED})(?=\s?(?:[€£$₩¥₹₽]|{_CODES}\b|(?i:euros?|pounds?|dollars?|won|yen|francs?)\b))")


def _ungroup(m: re.Match) -> str:
    return (m.groupdict().get("pre") or "") + re.sub(r"[ .\u00a0\u202f\u2009]", "", m.group("num"))


@lru_cache(maxsize=1024)
def normalise_numbers(text: str) -> str:
    """Number words and compounds as digits, keeping everything else (case included).

    `up to five years` -> `up to 5 years`; `a forty-two-year sentence` -> `a 42 year sentence`;
    `50 million won` -> `50000000 won`; `two and a half years` -> `2.5 years`;
    `a decade` -> `10 years`; `$37,500` -> `$37500`.
    """
    t = clean_text(text)
    t = re.sub(r"(?<![\w$])W(?=\s?\d)", "₩", t)  # "W50 million": the won, as Korean English-language press writes it
    t = re.sub(r"(\d),(\d{1,2})(?=\s*(?:years?|yrs?|months?)\b)", r"\1.\2", t, flags=re.I)  # decimal comma: 5,5 years
    t = _MONEY_GROUPS_AFTER.sub(_ungroup, _MONEY_GROUPS_BEFORE.sub(_ungroup, t))  # 75 000 €, 75.000 euros
    t = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", t)  # thousands separators
    t = re.sub(r"(\w)-(" + _UNIT_WORDS + r")\b", r"\1 \2", t, flags=re.I)  # five-year, 42-year
    t = re.sub(r"\b(year|month)s?-old\b", r"\1 old", t, flags=re.I)
    t = re.sub(r"\b(?:a\s+)?(quarter|half|third)(?:\s+(?:of\s+)?an?\s+|-|\s+)(million|billion)\b", lambda m: f"{ {'quarter': 0.25, 'half': 0.5, 'third': 1 / 3}[m.group(1).lower()]:g} {m.group(2)}", t, flags=re.I)
    t = _sub_magnitudes(t)
    t = re.sub(r"\bhalf an? (year|month)\b", lambda m: "6 months" if m.group(1).lower() == "year" else "15 days", t, flags=re.I)
    t = re.sub(r"\bhalf an? decade\b", "5 years", t, flags=re.I)
    t = re.sub(r"\b(?:a\s+)?quarter(?:\s+(?:of\s+)?an?\s+|-)(year|century)\b", lambda m: "3 months" if m.group(1).lower() == "year" else "25 years", t, flags=re.I)
    t = re.sub(r"\bhalf(?:\s+an?\s+|-)century\b", "50 years", t, flags=re.I)
    t = re.sub(r"\b(?:a|an|one) (year|month|week|day|decade)s? and a half\b", lambda m: f"1.5 {m.group(1)}s", t, flags=re.I)
    t = re.sub(r"\b(?:a|an|one) (year|month|week|day|decade)\b", r"1 \1", t, flags=re.I)
    # ... and in a range: "between one and 30 years", "from two to five years".
    t = re.sub(
        r"\b(between|from)\s+(one|two)(?=\s+(?:and|to)\s+\w)",
        lambda m: f"{m.group(1)} {'1' if m.group(2).lower() == 'one' else '2'}",
        t,
        flags=re.I,
    )
    # text2num leaves "one" and "two" alone (threshold 3): convert them before a unit.
    t = re.sub(
        r"(?<![\w-])(one|two)(?=[\s-]+(?:and a half\s+)?(?:years?|yrs?|months?|weeks?|days?|decades?)\b)",
        lambda m: "1" if m.group(1).lower() == "one" else "2",
        t,
        flags=re.I,
    )
    try:
        from text_to_num import alpha2digit

        t = alpha2digit(t, "en")
    except Exception:  # noqa: BLE001 - text2num is optional at run time; digits still work
        pass
    t = _sub_magnitudes(t)  # `fifty million` is done by text2num; `5 million` after it
    t = re.sub(r"(\d+) and a half (" + _UNIT_WORDS + r")\b", lambda m: f"{m.group(1)}.5 {m.group(2)}", t, flags=re.I)
    t = re.sub(r"(\d+(?:\.\d+)?) decades?\b", lambda m: f"{_num(float(m.group(1)) * 10)} years", t, flags=re.I)
    return t


def parse_number(text: str) -> float | None:
    """A number written in digits or words: `5`, `five`, `forty-two`, `50 million`, `1.5m`, `a`."""
    t = text.strip().lower()
    if t in ("a", "an", "one"):
        return 1.0
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(k|m|mn|mil|bn|b)", t)
    if m:
        return float(m.group(1)) * _MAGNITUDE[m.group(2)]
    n = normalise_numbers(t).replace(" ", "")
    try:
        return float(n)
    except ValueError:
        return None


def term_from(value: float, unit: str) -> Term:
    """A Term from a number and a unit word (years/months/weeks/days)."""
    u = unit.lower()
    if u.startswith(("year", "yr")):
        return Term(months=int(round(value * 12)))
    if u.startswith("month"):
        whole = int(value)
        return Term(months=whole, days=int(round((value - whole) * 30)))
    if u.startswith("week"):
        return Term(days=int(round(value * 7)))
    return Term(days=int(round(value)))


def parse_term(text: str) -> Term | None:
    """`five years`, `a 5-year term`, `18 months`, `2 years and 6 months`, `life` -> Term."""
    t = normalise_numbers(text)
    if re.search(r"\blife\b", t, re.I):
        return Term(life=True)
    m = _TERM.search(t)
    return _term_of(m) if m else None


# --------------------------------------------------------------------------- grammar

_NUM = r"\d+(?:\.\d+)?"
# Orders beside a sentence, never a prison term: "30 years of supervised release",
# "a 30-year electronic tag", "a 10-year ban on working with children".
_ORDER_NOUNS = (
    r"(?:supervised release|probation|parole|licen[cs]e|post-release|community service|disqualification|registration"
    r"|(?:electronic\s+|ankle\s+|gps\s+)?(?:tag|tagging|monitor\w*|bracelet|location[- ]tracking)"
    r"|(?:[\w-]+\s+)?(?:ban|bans)|disclosure|restriction\w*|(?:employment|travel|contact|internet)\s+\w+)"
)
_TERM = re.compile(
    rf"(?P<n>{_NUM})\s*(?P<u>years?|yrs?|months?|weeks?|days?)\b"
    rf"(?:,?\s*(?:and\s+)?(?P<n2>{_NUM})\s*(?P<u2>months?|weeks?|days?)\b)?"
    r"(?!\s*-?\s*old)(?!\s+(?:ago|later|earlier|of age)\b)(?!\s+since\b(?!\s+(?:the\s+)?(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)))"
    rf"(?!\s+(?:(?:of|on)\s+)?(?:(?:an?\s+)?extended\s+)?{_ORDER_NOUNS}\b)",
    re.I,
)
_RANGE = re.compile(
    rf"(?:\bbetween\s+(?P<a>{_NUM})(?:\s*(?P<u0>years?|yrs?|months?))?\s+and\s+|\bfrom\s+(?P<b>{_NUM})(?:\s*(?P<u1>years?|yrs?|months?))?\s+to\s+"
    rf"|(?P<c>{_NUM})(?:\s*(?P<u2>years?|yrs?|months?))?\s*(?:-|to)\s*)"
    rf"(?P<n>{_NUM})\s*(?P<u>years?|yrs?|months?)\b(?:,?\s*(?:and\s+)?(?P<n3>{_NUM})\s*(?P<u3>months?)\b)?",
    re.I,
)
_LIFE = re.compile(
    r"\blife(?:\s+(?:imprisonment|in prison|in jail|sentences?|terms?|behind bars))\b"
    r"|\b(?:imprisonment|imprisoned|jailed|prison|sentenced|locked up|behind bars)\s+for\s+life\b"
    r"|\b(?:to|or|up to|face|faces|facing|get|gets|got|receive|receives|received|serve|serves|serving)\s+life\b"
    r"|\bwhole[- ]life\b",
    re.I,
)
# A time span that is not a penalty: "in just 5 days", "within 2 weeks", "over the past 3 years".
_CHANGE_BEFORE = re.compile(r"\b(?:rais\w*|increas\w*|hik\w*|doubl\w*|tough\w*|strengthen\w*|lower\w*|reduc\w*|cut|cuts|extend\w*|amend\w*|chang\w*|went|goes|go|jump\w*|rose|rise\w*)\b[^.;]{0,50}$", re.I)
_PREVIOUS_BEFORE = re.compile(r"\b(?:up from|down from|previously|formerly|instead of|rather than|replacing|the old|the previous|the former)\s+(?:a\s+|the\s+|an?\s+)?(?:maximum\s+(?:of\s+)?|minimum\s+(?:of\s+)?)?$", re.I)
_NOT_TERM_BEFORE = re.compile(r"\b(?:in|within|after|over|since|during|every|per|each|last|past|next|first|for the past|for the last|in just|in only|once|twice|thrice|times)\s+(?:just\s+|only\s+|the\s+)?$", re.I)
_PRISON_CUE = re.compile(
    r"\b(?:prison|jail|gaol|imprison\w*|incarcerat\w*|custod\w*|behind bars|sentenc\w*|terms?|penalt\w*|punish\w*|"
    r"jailed|detention|locked up|years'|months'|maximum|minimum|up to|at least|faces?|facing|carr(?:y|ies))\b",
    re.I,
)
# Money set as a condition of release, not a penalty: "bail of $1m", "posted €5 million bail".
BAIL_WORDS = r"bail|surety|sureties|bond|cautionnement|caution"
_BAIL_BEFORE = re.compile(rf"\b(?:{BAIL_WORDS})\b(?:\s+(?:of|set\s+at|at|was\s+set\s+at|amounting\s+to|worth|de|d'un\s+montant\s+de))?\s*$", re.I)
_BAIL_AFTER = re.compile(r"\s*(?:in\s+)?(?:bail|surety|bond|cautionnement)\b", re.I)
# "The fine for possessing illegally filmed material went from ...": the sentence is about a fine.
_FINE_SUBJECT = re.compile(r"\b(?:the|a|its|their|maximum|max\.?)\s+(?:maximum\s+)?fines?\b[^.;!?]*$", re.I)
_FINE_CHANGE_GAP = re.compile(r"^\s*(?:to|into|and\s+then|,\s*now)\s+(?:about\s+|around\s+)?$", re.I)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:a\s+(?:maximum\s+)?(?:fine\s+)?of\s+)?(?:up\s+to\s+)?$", re.I)
_FINE_CUE = re.compile(r"\b(?:fine[sd]?|fining|penalt\w*|pay|paying|ordered to pay|amende|punishable|liable)\b", re.I)

_MAX_BEFORE = re.compile(
    r"(?:\bup to|\bupto|\bmaximum|\bmax\b\.?|\bas (?:much|many|long|high) as|\bno more than|\bnot more than|\bnot exceeding|"
    r"\bat most|\bcapped at|\bceiling of|\breaching|\breach|\btop(?:s|ping)? out at|\bof as much as)",
    re.I,
)
_MIN_BEFORE = re.compile(r"(?:\bat least|\bminimum|\bno less than|\bnot less than|\bfloor of|\bno fewer than|\bmandatory)", re.I)
_MAX_AFTER = re.compile(r"^\s*(?:or less|or fewer|at most|maximum|max\b|at the most|or under)", re.I)
_MIN_AFTER = re.compile(r"^\s*(?:(?:years?|months?)?\s*or (?:more|longer|above|over)|and (?:above|up|upwards|over)|at least|(?:mandatory\s+|statutory\s+)?minimum|at the least)", re.I)

_OUTCOME = re.compile(
    r"\b(?:sentenced|sentencing|jailed|jailing|imprisoned|imprisoning|received|receives|receiving|handed(?: down)?|was given|were given|got|gets|serving|"
    r"upheld|confirmed|locked up|fined|ordered to pay|ordered\s+(?:[\w'-]+\s+){1,3}to\s+pay|was ordered|court (?:gave|imposed)|imposed|increased|reduced|cut|"
    r"(?:hit|slapped|handed)\s+with|must\s+pay|(?:raised|extended|lengthened|shortened|commuted|changed)\s+(?:his|her|their|the|\w+'s)\s+(?:prison\s+|jail\s+)?(?:sentence|term)|"
    r"(?:sentence|term)\s+(?:was|were|has been)\s+(?:raised|increased|extended|lengthened|shortened|reduced|cut|changed|commuted)|"
    r"(?<!\d\s)(?:won|wins)\s+(?:a|an|the)|secured|obtained|awarded|penali[sz]ed|(?:penalty|penalties|fine|order) against)\b",
    re.I,
)
_STATUTORY = re.compile(
    r"\b(?:can|could|may|might|would|will)\s+(?:result|lead|be|face|get|carry|bring|mean|attract)\b|\bpunishable\b|\bcarr(?:y|ies|ying)\b|\bfaces?\b|\bfacing\b|"
    r"\bliable\b|\bpenalt(?:y|ies)\b|\bmaximum\b|\bminimum\b|\bup to\b|\bat least\b|\blaw\b|\blaws\b|\bstatut\w*\b|\boffen[cs]es?\b|"
    r"\bcrime\b|\billegal\b|\bcriminali[sz]\w*\b|\bprohibit\w*\b|\bpunish\w*\b",
    re.I,
)

# Money: a symbol or code before the number, or a currency word or code after it.
_SYMBOLS = {
    "US$": "USD", "U.S.$": "USD", "A$": "AUD", "AU$": "AUD", "AUD$": "AUD", "C$": "CAD", "CA$": "CAD", "NZ$": "NZD",
    "HK$": "HKD", "S$": "SGD", "$": "USD", "£": "GBP", "€": "EUR", "₩": "KRW", "¥": "JPY", "₹": "INR", "₽": "RUB", "₣": "CHF",
}
_WORDS = {
    "korean won": "KRW", "south korean won": "KRW", "won": "KRW", "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP", "pound sterling": "GBP",
    "pounds": "GBP", "pound": "GBP", "sterling": "GBP", "us dollars": "USD", "u.s. dollars": "USD", "american dollars": "USD",
    "australian dollars": "AUD", "canadian dollars": "CAD", "dollars": "USD", "dollar": "USD", "yen": "JPY", "yuan": "CNY",
    "renminbi": "CNY", "rupees": "INR", "swiss francs": "CHF", "francs": "CHF", "roubles": "RUB", "rubles": "RUB",
}
_DOLLAR_WORDS = {"dollars", "dollar"}
_SYM_RE = "|".join(re.escape(s) for s in sorted(_SYMBOLS, key=len, reverse=True))
_WORD_RE = "|".join(re.escape(w) for w in sorted(_WORDS, key=len, reverse=True))
_MONEY = re.compile(
    rf"(?P<sym>{_SYM_RE})\s?(?P<n1>{_NUM})(?:\s?(?P<m1>k|m|mn|mil|bn|b)\b)?(?:\s?(?P<c1>(?-i:[A-Z]{{3}}))\b)?"
    rf"|\b(?P<code>(?-i:[A-Z]{{3}}))\s?(?P<n2>{_NUM})(?:\s?(?P<m2>k|m|mn|mil|bn|b)\b)?"
    rf"|\b(?P<n3>{_NUM})(?:\s?(?P<m3>k|m|mn|mil|bn|b)\b)?(?:\s?|-)(?:(?P<word>{_WORD_RE})\b|(?P<code3>(?-i:[A-Z]{{3}}))\b)"
    rf"|\b(?P<n4>{_NUM})(?:\s?(?P<m4>k|m|mn|mil|bn|b)\b)?\s?(?P<sym4>[€£₩¥₹₽$])",
    re.I,
)
_APPROX = r"(?:about|around|roughly|approximately|approx\.?|some|nearly|almost|over|under|just over|just under|more than|less than|equivalent to|the equivalent of|worth|~|≈|c\.)"
_CONV_JOIN = re.compile(rf"^\s*(?:(?:in\s+)?(?:fines?|penalt(?:y|ies)|bail|damages)\s*)?(?:\(\s*|,\s*(?:or\s+)?|\s+or\s+|;\s*|/\s*|\s+and\s+|\s*-\s*)?(?:{_APPROX}\s*)?(?:or\s+)?(?:{_APPROX}\s*)?$", re.I)
_UNLIMITED = re.compile(r"\b(?:an? )?(?:unlimited|uncapped|unlimited amount of)\s+(?:fines?|financial penalt(?:y|ies))\b|\bfines? (?:is |are )?unlimited\b", re.I)

_AGE_PATTERNS = [
    re.compile(r"\bwho (?:was|is|were) (?:then |only |just |aged )?(?P<n>\d{1,3})\b(?!\s*(?:years?|months?|%|percent)\b(?!\s*old))", re.I),
    re.compile(r"\b(?P<n>\d{1,3}) at the time\b", re.I),
    re.compile(r"\b(?:was|is|were) (?:only |just )?(?P<n>\d{1,3}) (?:when|at the time|as|during)\b", re.I),
    re.compile(r"\baged (?P<n>\d{1,3})\b", re.I),
    re.compile(r"\bat (?:the )?age (?:of )?(?P<n>\d{1,3})\b", re.I),
    re.compile(r"\b(?:then[- ])?(?P<n>\d{1,3})[- ](?:years?[- ])?old\b", re.I),
    re.compile(r"\b(?P<n>\d{1,3}) years? old\b", re.I),
    re.compile(r"\bwhen (?:he|she|they) (?:was|were) (?:only |just )?(?P<n>\d{1,3})\b(?!\s*(?:years?|months?)\b(?!\s*old))", re.I),
    re.compile(r"[A-Z][\w'-]+\s*,\s*(?P<n>\d{1,2})\s*,"),
    # "The Russian-born billionaire, 39, ...": a described person with an appositive age.
    re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[\w'-]+\s+){0,3}?[a-z][\w'-]+\s*,\s*(?P<n>\d{1,2})\s*,"),
    re.compile(r"[A-Z][\w'-]+\s*\((?P<n>\d{1,2})\)"),
    # "He is 45.", "Nelson was 27.", "Nelson, now 45, ...": a bare number closing the clause.
    re.compile(r"\b(?:he|she)\s+(?:is|was)\s+(?:now\s+|then\s+|only\s+|just\s+)?(?P<n>\d{1,2})(?=\s*(?:[.;!?]|$|,|\s+(?:and|but|when)\b))", re.I),
    re.compile(r"\b[A-Z][a-z][\w'-]*\s+(?:is|was)\s+(?:now\s+|then\s+|only\s+|just\s+)?(?P<n>\d{1,2})(?=\s*(?:[.;!?]|$))"),
    re.compile(r",\s*now\s+(?P<n>\d{1,2})\s*,", re.I),
]
_AT_THE_TIME = re.compile(r"\bat the time\b|\bthen[- ]\d|\bwho was then\b|\bwhen (?:he|she|they) (?:committed|began|started|ran|was running|led|set up)\b|\bat the time of\b", re.I)

_STATUS_WORDS = {
    "charged": r"(?:formally\s+)?(?:charged|indicted|prosecuted|mis en examen|placed under formal investigation|under formal investigation)",
    "convicted": r"convicted|found guilty|pleaded guilty|pled guilty|plead guilty",
    "acquitted": r"acquitted|found not guilty|cleared",
    "arrested": r"arrested|taken into custody",
    "sentenced": r"sentenced",
    "jailed": r"jailed|imprisoned|sent to prison|put behind bars",
}
_BE = r"(?:(?:has|have|had)\s+(?:\w+\s+){0,2}?been|was|were|is|are|be|being|been|got|gets|get)"
_STATUS_RE = {
    # "was charged", "charged with", the active "judges charged Pavel Durov", and with an
    # object pronoun: "a jury convicted him", "judges placed him under formal investigation".
    k: re.compile(
        rf"\b{_BE}\s+(?:\w+\s+){{0,2}}?(?P<w>{v})\b|\b(?P<w2>{v})\s+(?:with|of|for|in|on|by|over|after|to)\b|\b(?P<w3>{v})\s+(?-i:[A-Z][a-z])"
        rf"|\b(?P<w4>{v.replace('placed under', 'placed (?:him |her |them )?under')})(?=\s+(?:him|her)\b|(?<=investigation)\b)"
        # "was arrested in January 2025 and indicted the following month": a second verb.
        rf"|\b(?<=\band\s)(?:(?:later|then|subsequently|eventually)\s+)?(?P<w5>{v})\b",
        re.I,
    )
    for k, v in _STATUS_WORDS.items()
}
# A higher court leaving a sentence or conviction as it was: "upheld that sentence", "his
# conviction was confirmed", "dismissed his appeal".
_STATUS_RE["upheld"] = re.compile(
    r"\b(?P<w>upheld|confirmed|affirmed)\s+(?:(?:his|her|their|the|that|this|a|an)\s+)?(?:[\w-]+\s+){0,2}?(?:sentences?|convictions?|verdicts?|rulings?|terms?)\b"
    r"|\b(?:sentences?|convictions?|verdicts?|terms?)\s+(?:was|were|has been|had been)\s+(?P<w2>upheld|confirmed|affirmed)\b"
    r"|\b(?P<w3>dismissed|rejected|threw out)\s+(?:his|her|their|the)\s+appeals?\b",
    re.I,
)
_GENERIC_SUBJECT = re.compile(
    r"\b(?:those|anyone|anybody|people|persons?|offenders?|perpetrators?|someone|whoever|individuals?|defendants|if|when|once|unless|upon|those who are|who are|can be|could be|may be|will be|would be|"
    + "|".join(re.escape(n) for n, _, _ in _PLACE_TABLE if n.endswith(("ans", "ons")))  # "Americans convicted of ..."
    + r")\s+(?:\w+\s+){0,1}$",
    re.I,
)
# A statement that a penalty does not apply: "is no longer punishable by", "does not carry".
# Not "not less than" / "no more than" (qualifiers).
_PENALTY_NEGATION = re.compile(
    r"(?:\b(?:is|are|was|were|does|do|did|will|would|can|could|has|have|had)\s+(?:not|never|no\s+longer)\b|"
    r"\b(?:isn't|aren't|wasn't|weren't|doesn't|don't|didn't|won't|can't|cannot|no\s+longer|never)\b)"
    r"(?![^.;]*\b(?:less|more|fewer|greater|higher|lower)\s+than\b)(?:(?!\b(?:and|but|yet)\b)[^.;,]){0,60}$",
    re.I,
)
_NEGATION = re.compile(r"\b(?:not|never|yet to be|no longer|neither|nor)\b|n't\b", re.I)

# Conduct: what the offender did, as the shared tags name it.
_CONDUCT = {
    "production": r"creat(?:e|es|ed|ing|ion|or|ors)|mak(?:e|es|ing)|made|produc(?:e|es|ed|er|ers|ing|tion)|edit(?:s|ed|ing)?|generat(?:e|es|ed|ing)|composit\w*|synthesi[sz]\w*|manufactur\w*|fabricat\w*|manipulat(?:e|es|ed|ing)|morph(?:s|ed|ing)?|alter(?:s|ed|ing)|forg(?:e|es|ed|ing|ery|eries)"
    # French: créer, fabriquer, produire, réaliser, fixer, enregistrer
    r"|cré(?:er|e|es|ent|é|ée|és|ées|ation)|fabriqu\w*|produi(?:re|t|ts|te|tes|sent)|réalis(?:er|e|é|ée|és|ées)|enregistr\w*",
    "distribution": r"shar(?:e|es|ed|ing)|distribut\w*|spread(?:s|ing)?|post(?:s|ed|ing)?|publish\w*|upload\w*|disseminat\w*|circulat(?:e|es|ed|ing)|transmit\w*|send(?:s|ing)?|sell(?:s|ing)?|sold|broadcast\w*|disclos(?:e|es|ed|ing)|leak(?:s|ed|ing)?|advertis\w*|supply(?:ing)?|showing"
    # French: diffuser, publier, partager, transmettre, mettre à disposition, vendre
    r"|diffus(?:er|e|es|ent|é|ée|és|ées|ion)|publi(?:er|e|es|ent|é|ée|és|ées|cation)|partag(?:er|e|es|ent|é|ée|és|ées)"
    r"|transm(?:ettre|et|ets|ettent|is|ise|ission)|mis(?:e|es)? à (?:la )?disposition|mettre à (?:la )?disposition|vend(?:re|u|ue|us|ent)|vente",
    "possession": r"possess\w*|view(?:s|ed|ing)?|watch(?:es|ed|ing)?|download\w*|stor(?:e|es|ed|ing)|sav(?:e|es|ed|ing)|buy(?:s|ing)?|bought|purchas\w*|accessing|kept|keep|keeps|keeping"
    # French: détenir, consulter, télécharger, acquérir
    r"|déten(?:ir|u|ue|us|ues|tion)|détien(?:t|nent)|consult(?:er|e|é|ée|és|ées|ation)|télécharg\w*|acqu(?:érir|iert)",
    "sextortion": r"threat\w*|blackmail\w*|extort\w*|sextortion|coerc\w*|intimidat\w*|menac(?:e|es|er|é|ée|ant)|chantage|extorsion",
    "illegal-filming": r"filming|filmed|recording|recorded|photographing|photographed|spycam\w*|spy[- ]cam\w*|upskirt\w*|voyeur\w*",
}
_CONDUCT_RE = {k: re.compile(rf"\b(?:{v})\b", re.I) for k, v in _CONDUCT.items()}
_MINOR = re.compile(r"\b(?:minors?|child(?:ren)?|kids?|under-?age|teen(?:ager)?s?|youths?|juveniles?|under (?:1[0-8])|pupils?|schoolchildren|students? under)\b|\bchild(?:-| )?(?:sex|porn|abuse)", re.I)

_STOP = frozenset(
    "a an the of in on at to for by with and or but from as is are was were be been being has have had can could may might "
    "will would shall should do does did it its this that these those who whom which what when where while than then up "
    "into onto over under about after before since through until also not no any all some such their his her they he she "
    "them him our your we you i result reach reaching prison jail year month term fine won euro pound dollar law under "
    "person people someone anyone offender offenders just only more most less least maximum minimum".split()
)


def words_of(text: str) -> list[str]:
    """Lower-case content tokens with a light stemming (plural, -ly), for matching aliases.

    Korean and other non-Latin words are kept whole.
    """
    out = []
    for w in re.findall(r"[^\W_]+(?:'[^\W_]+)?", clean_text(text).lower()):
        w = w.replace("'s", "")
        out.append(stem(w))
    return out


_IRREGULAR = {"children": "child", "women": "woman", "men": "man", "people": "person", "teeth": "tooth"}


def stem(w: str) -> str:
    if not w.isascii():
        return w
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) > 5 and w.endswith("ally"):
        w = w[:-2]
    elif len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith(("ches", "shes", "sses", "xes")):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    return w


# A legislature creating an offence is not the offender creating images: "France created a
# specific offence", "making it a crime to ...", "introduced a new law".
_LAW_MAKING = re.compile(
    r"\b(?:creat\w*|mak(?:e|es|ing)|made|introduc\w*|establish\w*|adopt\w*|pass\w*)\s+(?:it\s+)?(?:(?:a|an|the|its|their)\s+)?"
    r"(?:(?:new|specific|separate|standalone|dedicated|distinct|criminal|federal|national)\s+)*(?:offen[cs]es?|crimes?|laws?|penalt\w+|rules?|bans?|statutes?|legislation)\b"
    # "Federal law makes possessing ... punishable", "made it a crime to ..."
    r"|\b(?:makes?|making|made)\b(?=[^.;]{0,80}?\b(?:punishable|illegal|unlawful|a\s+crime|an?\s+(?:criminal\s+)?offen[cs]e)\b)"
    # "the revenge porn offence created in April 2015", "a law that was introduced in 2024"
    r"|\b(?:offen[cs]es?|crimes?|laws?|acts?|statutes?|legislation|provisions?)\s+(?:(?:that|which)\s+)?(?:(?:was|were|had been|has been)\s+)?(?:creat|introduc|establish|adopt|pass|enact)\w*",
    re.I,
)


def conduct_of(text: str) -> frozenset[str]:
    """The conduct words in `text` as shared tags: production, distribution, possession, ..."""
    t = _LAW_MAKING.sub(" ", clean_text(text))
    return frozenset(k for k, rx in _CONDUCT_RE.items() if rx.search(t))


def mentions_minor(text: str) -> bool:
    return bool(_MINOR.search(clean_text(text)))


# --------------------------------------------------------------------------- places



@lru_cache(maxsize=1)
def _place_regex() -> tuple[re.Pattern, dict[str, tuple[str, bool]]]:
    table: dict[str, tuple[str, bool]] = {}
    for name, code, weak in _PLACE_TABLE:
        table.setdefault(name, (code, weak))
    try:
        import pycountry

        for c in pycountry.countries:
            for n in (getattr(c, "common_name", None), getattr(c, "name", None), getattr(c, "official_name", None)):
                if n and "," not in n and n not in table:
                    table[n] = (c.alpha_2, False)
    except Exception:  # noqa: BLE001 - pycountry missing: the table above still works
        pass
    # States and provinces of federations, whose own criminal law lawref may not hold.
    for name, code in SUBDIVISIONS:
        if name not in AMBIGUOUS_SUBDIVISIONS:
            table.setdefault(name, (code, False))
    alts = "|".join(re.escape(n) for n in sorted(table, key=len, reverse=True))
    # Case-sensitive: "US" is a country, "us" a pronoun. Not part of a compound ("Russian-born").
    rx = re.compile(rf"(?<![\w.-])(?:the\s+)?(?P<p>{alts})(?![\w]|-[A-Za-z])")
    return rx, table


_DATELINE = re.compile(r"^\W*(?P<p>[A-Z][A-Z'.]+(?:[ -][A-Z][A-Z'.]+){0,2})(?:,\s*[A-Z][\w. ]{1,30})?\s*(?:\([^)]{1,40}\))?\s*[\u2014\u2013:-]+\s")


def dateline_place(text: str) -> str | None:
    """The jurisdiction of a news dateline ("SEOUL —", "BRISBANE (Reuters) -"), or None."""
    m = _DATELINE.match(clean_text(text))
    if m is None:
        return None
    name = " ".join(w.capitalize() if len(w) > 3 or w not in ("US", "UK", "EU") else w for w in m.group("p").split())
    _, table = _place_regex()
    hit = table.get(name) or table.get(m.group("p"))
    return hit[0] if hit else None


def find_places(text: str) -> list[Place]:
    """Jurisdictions named in `text` by name, adjective or demonym, in order of appearance."""
    rx, table = _place_regex()
    out: list[Place] = []
    for m in rx.finditer(clean_text(text)):
        name = m.group("p")
        code, weak = table[name]
        out.append(Place(code, name, weak))
    return out


# --------------------------------------------------------------------------- names

_NAME_RE = re.compile(r"(?:[A-Z][a-z]+(?:[-'][A-Za-z]+)*|[\uac00-\ud7a3]{2,})(?:\s+(?:[A-Z][a-z]+(?:[-'][A-Za-z]+)*|[\uac00-\ud7a3]{2,}))*")
_NOT_NAMES = frozenset(
    "In The A An On At For By With And Or But From As If When While After Before Since Under Over This That These Those He She They "
    "It His Her Their Its We You I Our Yes No Not Police Prosecutors Court Courts Judge Judges Supreme High District Act Law Laws "
    "Section Article President Prime Minister Government Parliament National Assembly Telegram Monday Tuesday Wednesday Thursday "
    "Friday Saturday Sunday January February March April May June July August September October November December Who What Why How "
    "Appeal Appeals Crown Prosecution Service University Federal Tribunal Chamber Division Magistrates Justice Justices "
    # sentence-initial words that are not names ("Four days later, ...", "Two years ago, ...")
    "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Several Many Some Last Next Earlier Later Then Days Weeks "
    "Months Years Today Yesterday Meanwhile However Also Both Each Every Another Other Such Jury Judges Officials Investigators "
    "Authorities Lawyers Lawyer Victims Prosecutor Defence Defense Appeals Ministry Department Office Commissioner "
    # French sentence-initial words
    "Il Elle Ils Elles Le La Les Un Une En Au Aux Selon Depuis Après Avant Lors Quatre Deux Trois Cinq".split()
)


_PLACE_PREP = re.compile(r"(?:\b(?:in|at|from|near|du|des|au|aux|à|en)\s+(?:the\s+|l')?|\bl'aéroport\s+du\s+)$", re.I)
_DESCRIPTIVE = re.compile(r"^[A-Z][a-z]+-(?:born|based|raised|educated|bred|owned|registered|founded)$")


def find_names(text: str) -> list[str]:
    """Capitalised word sequences (and Hangul words) that may name people or cases.

    Leading function words ("In", "The") and place words are dropped; `check` decides which
    names belong to case records.
    """
    rx, table = _place_regex()
    t = rx.sub(lambda m: " | " , clean_text(text))  # places are not names
    out = []
    for m in _NAME_RE.finditer(t):
        if _PLACE_PREP.search(t[max(0, m.start() - 12) : m.start()]):
            continue  # "near Bolton", "à l'aéroport du Bourget": a place, not a person
        parts = m.group(0).split()
        parts = [w for w in parts if not _DESCRIPTIVE.match(w)]  # "Russian-born", "Paris-based"
        while parts and (parts[0] in _NOT_NAMES or parts[0] in table):
            parts = parts[1:]
        while parts and (parts[-1] in _NOT_NAMES or parts[-1] in table):
            parts = parts[:-1]
        if parts:
            out.append(" ".join(parts))
    return out


# --------------------------------------------------------------------------- extraction


def _term_of(m: re.Match) -> Term:
    t = term_from(float(m.group("n")), m.group("u"))
    if m.groupdict().get("n2"):
        extra = term_from(float(m.group("n2")), m.group("u2"))
        t = Term(months=t.months + extra.months, days=t.days + extra.days)
    return t


def _window_before(t: str, start: int, floor: int) -> str:
    """The text just before `start`, back to a clause break or `floor` (previous quantity)."""
    lo = max(floor, start - 100)
    w = t[lo:start]
    cut = max(w.rfind(";"), w.rfind(" but "), w.rfind(" while "), w.rfind(" whereas "), w.rfind(" - "))
    # A qualifier before an earlier quantity is that quantity's ("at least 5 years and up to life").
    for m in _QUANTITY_IN_WINDOW.finditer(w):
        cut = max(cut, m.end() - 1)
    return w[cut + 1 :] if cut >= 0 else w


_UNIT_WORD = re.compile(rf"\b(?:{_UNIT_WORDS})\b", re.I)  # a figure with its unit, which the term grammar has read (or set aside)
_QUANTITY_IN_WINDOW = re.compile(r"\b\d+(?:\.\d+)?\s+(?:years?|yrs?|months?|weeks?|days?)\b", re.I)


def _qualifier(t: str, start: int, end: int, floor: int) -> str:
    before = _window_before(t, start, floor)
    after = t[end : end + 40]
    if _MIN_AFTER.search(after):
        return "min"
    if _MAX_AFTER.search(after):
        return "max"
    best, pos = "exact", -1
    for q, rx in (("max", _MAX_BEFORE), ("min", _MIN_BEFORE)):
        for m in rx.finditer(before):
            if m.start() > pos:
                best, pos = q, m.start()
    return best


def _kind(qualifier: str, statutory: bool, outcome: bool) -> str:
    if outcome and qualifier == "exact":
        return "sentence"
    if qualifier in ("max", "min") or statutory:
        return "penalty" if not outcome or qualifier != "exact" else "sentence"
    return "sentence" if outcome else "unknown"


_RAISES_TO = re.compile(r"\b(?:rais|increas|lift|push|bring|brings|brought|take|takes|took|bump)\w*\s+(?:that|it|this|them|the\s+(?:maximum|penalty|term|sentence|punishment))\s+(?:up\s+)?to\s*$", re.I)


def _term_context(t: str, start: int, end: int, statutory: bool, outcome: bool) -> bool:
    """Whether a span of time at `start` reads as a prison term, not a time span."""
    if _PRISON_CUE.search(t[max(0, start - 120) : end + 60]) or _RAISES_TO.search(t[max(0, start - 60) : start]):
        return True  # ("Posting them online raises that to three years": the penalty before)
    return statutory or outcome


# A term that is not the defendant's sentence nor the law's penalty: what prosecutors asked
# for ("prosecutors sought life"), what co-defendants got ("his accomplices received two to
# four years"), or an order beside the sentence ("a 30-year electronic tag").
_DEMANDED_BEFORE = re.compile(
    r"\b(?:sought|seek|seeks|seeking|demand\w*|asked (?:the court )?for|ask(?:s|ing)? (?:the court )?for|request\w*|call(?:ed|s|ing)? for|recommend\w*|push(?:ed|es|ing)? for|argued for|urg\w*|bid for|bids for|appeal(?:ed|ing)? for|should (?:serve|get|receive)|(?:wanted|wants) (?:him |her |them )?(?:to (?:serve|get) )?)\s+"
    r"(?:(?:a|an|the)\s+)?(?:(?:sentence|term|penalty)\s+of\s+)?(?:up to\s+|at least\s+)?$",
    re.I,
)
_OTHERS_SUBJECT = re.compile(
    r"^\W*(?:(?:his|her|their|the|its|\w+'s|\d+|two|three|four|five|six|seven|eight|nine|ten|several|other|many|most|some|all)\s+){0,2}"
    r"(?:other\s+)?(?:co-?defendants|accomplices|associates|accessories|co-?conspirators|members|others|operators|helpers|the rest|accused)\b",
    re.I,
)
ORDER_AFTER = re.compile(rf"\s*(?:(?:of|on)\s+)?(?:an?\s+)?(?:extended\s+)?{_ORDER_NOUNS}\b", re.I)


_SENTENCE_CHANGE = re.compile(r"(?:\b\w+'s|\bhis|\bher|\btheir)\s+(?:(?:prison|jail)\s+)?(?:sentence|term)s?\b|\bsentences?\s+(?:was|were|is)\b|\bon appeal\b|\bappeals?\s+court\b|\bappellate\b|\bhigh court\b", re.I)
_LAW_CHANGE = re.compile(r"\b(?:maximum|minimum|penalt\w*|punish\w*|law|act|offen[cs]e|statut\w*|legislat\w*|parliament|assembly|congress|carr(?:y|ies|ied))\b", re.I)


def _not_a_penalty(t: str, start: int, end: int) -> bool:
    """Whether the term at `start`..`end` is someone else's, a demand, or an ancillary order."""
    if ORDER_AFTER.match(t, end):
        return True
    if _DEMANDED_BEFORE.search(t[max(0, start - 60) : start]):
        return True
    clause = t[max(0, start - 120) : start]
    cut = max(clause.rfind(". "), clause.rfind(";"), clause.rfind(" but "), clause.rfind(" while "), clause.rfind(" whereas "))
    clause = clause[cut + 1 :] if cut >= 0 else clause
    return bool(_OTHERS_SUBJECT.search(clause.lstrip(" ,")))


def _range_top(m: re.Match) -> Term:
    """The upper figure of a range match, with its months ("to three years and six months")."""
    top = term_from(float(m.group("n")), m.group("u"))
    if m.group("n3"):
        extra = term_from(float(m.group("n3")), m.group("u3"))
        top = Term(months=top.months + extra.months, days=top.days + extra.days)
    return top


_SPAN_AFTER = re.compile(r"\s+(?:before|after)\b", re.I)
_TERM_VERB_BEFORE = re.compile(
    r"\b(?:sentenced\s+to|jailed\s+for|imprisoned\s+for|received|got|given|handed|serve|serving|carr(?:y|ies|ied)|punishable\s+by|up\s+to|faces?|facing)\s+(?:a\s+|an\s+)?(?:total\s+of\s+)?$",
    re.I,
)


def _find_terms(t: str, statutory: bool, outcome: bool, skip: list[tuple[int, int]]) -> list[TermQty]:
    out: list[TermQty] = []
    taken: list[tuple[int, int]] = [*skip]
    for rx in (_RANGE, _LIFE, _TERM):
        for m in rx.finditer(t):
            if _not_a_penalty(t, m.start(), m.end()):
                taken.append((m.start(), m.end()))

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for m in _RANGE.finditer(t):
        if not free(m.start(), m.end()):
            continue
        lo = m.group("a") or m.group("b") or m.group("c")
        if not _term_context(t, m.start(), m.end(), statutory, outcome):
            continue
        if not (m.group("u0") or m.group("u1") or m.group("u2")) and re.fullmatch(r"(?:19|20)\d\d", lo or ""):
            continue  # "sentenced on 8 April 2021 to 34 years": a year, then the term (read below)
        unit = m.group("u")
        lo_unit = m.group("u0") or m.group("u1") or m.group("u2") or unit
        kind = _kind("max", statutory, outcome)
        if (m.group("b") or (m.group("c") and re.search(r"\bto\b", m.group(0), re.I))) and _CHANGE_BEFORE.search(t[max(0, m.start() - 60) : m.start()]):
            # "raised from 5 to 7 years": the old and the new figure, not a range.
            q = _qualifier(t, m.start(), m.start(), 0)
            q = "max" if q == "exact" else q
            if _SENTENCE_CHANGE.search(t[max(0, m.start() - 60) : m.start()]) and not _LAW_CHANGE.search(t[max(0, m.start() - 60) : m.start()]):
                # "the court cut Park's sentence from 10 to nine years": a court's sentences.
                q, kind = "exact", "sentence"
            out.append(TermQty(term_from(float(lo), lo_unit), q, m.group(0), kind, m.start(), previous=True))
            out.append(TermQty(_range_top(m), q, m.group(0), kind, m.start() + 1))
        else:
            out.append(TermQty(term_from(float(lo), lo_unit), "min", m.group(0), kind, m.start()))
            out.append(TermQty(_range_top(m), "max", m.group(0), kind, m.start()))
        taken.append((m.start(), m.end()))
    for m in _LIFE.finditer(t):
        if not free(m.start(), m.end()):
            continue
        q = _qualifier(t, m.start(), m.end(), 0)
        q = "max" if q == "exact" and statutory and not outcome else q
        out.append(TermQty(Term(life=True), q, m.group(0), _kind(q, statutory, outcome), m.start()))
        taken.append((m.start(), m.end()))
    for m in _TERM.finditer(t):
        if not free(m.start(), m.end()):
            continue
        if _NOT_TERM_BEFORE.search(t[max(0, m.start() - 25) : m.start()]):
            continue
        if _SPAN_AFTER.match(t, m.end()) and not _TERM_VERB_BEFORE.search(t[max(0, m.start() - 30) : m.start()]):
            continue  # "two years after the amendment", not "sentenced to 34 years after prosecutors asked ..."
        if not _term_context(t, m.start(), m.end(), statutory, outcome):
            continue
        floor = max((e for s, e in taken if e <= m.start()), default=0)
        q = _qualifier(t, m.start(), m.end(), floor)
        previous = bool(_PREVIOUS_BEFORE.search(t[max(floor, m.start() - 40) : m.start()]))
        if previous and q == "exact" and out:
            q = out[-1].qualifier  # "up to seven years, up from five"
        negated = bool(_PENALTY_NEGATION.search(_window_before(t, m.start(), floor)))
        later = bool(_LATER_IN_CLAUSE.search(t[max(0, m.start() - 60) : m.start()]))
        out.append(TermQty(_term_of(m), q, m.group(0), _kind(q, statutory, outcome), m.start(), previous, negated, later))
        taken.append((m.start(), m.end()))
    out.sort(key=lambda x: x.start)
    return out


def _money_of(m: re.Match) -> Money | None:
    g = m.groupdict()
    num = g["n1"] or g["n2"] or g["n3"] or g["n4"]
    mag = g["m1"] or g["m2"] or g["m3"] or g["m4"]
    try:
        amount = float(num) * (_MAGNITUDE[mag.lower()] if mag else 1)
    except (TypeError, ValueError, KeyError):
        return None
    assumed = False
    if g["sym4"]:  # "90 000 €", "250 000 $" (French and other European usage)
        cur = _SYMBOLS.get(g["sym4"])
        assumed = g["sym4"] == "$"
    elif g["sym"]:
        cur = _SYMBOLS.get(g["sym"]) or _SYMBOLS.get(g["sym"].upper())
        if g["c1"] and _is_currency(g["c1"]):
            cur = g["c1"].upper()
        assumed = g["sym"] == "$" and not g["c1"]
    elif g["code"]:
        if not (g["code"].isupper() and _is_currency(g["code"])):
            return None
        cur = g["code"]
    elif g["word"]:
        w = g["word"].lower()
        cur = _WORDS[w]
        assumed = w in _DOLLAR_WORDS
        if w == "won" and amount < 1000 and not mag:
            return None  # "3 won" is more likely the verb
    else:
        if not (g["code3"].isupper() and _is_currency(g["code3"])):
            return None
        cur = g["code3"]
    if not cur:
        return None
    return Money(amount, cur, m.group(0).strip(), assumed)


@lru_cache(maxsize=256)
def _is_currency(code: str) -> bool:
    if len(code) != 3 or not code.isalpha():
        return False
    from .jurisdictions import is_currency

    try:
        return is_currency(code.upper())
    except Exception:  # noqa: BLE001
        return code.upper() in {"KRW", "EUR", "USD", "GBP", "AUD", "JPY", "CAD", "CHF", "CNY", "NZD"}


def money_in(text: str) -> list[Money]:
    """Every amount of money written in `text` ("EUR 5 million", "₩50m", "$1,000")."""
    t = normalise_numbers(text)
    return [m for m in (_money_of(x) for x in _MONEY.finditer(t)) if m is not None]


def _find_fines(t: str, statutory: bool, outcome: bool) -> tuple[list[FineQty], list[tuple[int, int]]]:
    """Fines with their qualifier and any converted amounts; also the spans used (not terms)."""
    found = []
    for m in _MONEY.finditer(t):
        money = _money_of(m)
        if money is not None:
            found.append((m.start(), m.end(), money))
    spans = [(s, e) for s, e, _ in found]
    fines: list[FineQty] = []
    i = 0
    prev_end = 0
    while i < len(found):
        s, e, money = found[i]
        conv: list[Money] = []
        j, last_end = i + 1, e
        # Amounts that follow as conversions: "(about $37,500 or £28,300)", ", or about $37,500".
        while j < len(found):
            gap = t[last_end : found[j][0]]
            if not _CONV_JOIN.match(gap) or not (conv or "(" in gap or re.search(_APPROX, gap, re.I)):
                break
            conv.append(found[j][2])
            last_end = found[j][1]
            j += 1
        ctx = t[max(0, s - 60) : e + 30]
        prior = fines[-1] if fines and fines[-1].kind != "bail" else None
        # "from 50 million won to 70 million won": the second amount is the fine now, the first before.
        follows = prior is not None and _FINE_CHANGE_GAP.match(t[prev_end:s]) is not None
        if _BAIL_BEFORE.search(t[max(0, s - 40) : s]) or _BAIL_AFTER.match(t[last_end : last_end + 20]):
            # "released on €5 million bail", "a surety of EUR 5 million": not a penalty.
            fines.append(FineQty(money, "exact", t[s:last_end].strip(" (),"), "bail", tuple(conv), False, s))
        elif _FINE_CUE.search(ctx) or statutory or outcome or follows or _FINE_SUBJECT.search(t[max(0, s - 200) : s]):
            q = _qualifier(t, s, e, prev_end)
            if follows and _FROM_BEFORE.search(t[max(0, prior.start - 30) : prior.start]):
                fines[-1] = replace(prior, previous=True)
                q = prior.qualifier if q == "exact" else q
            elif _PREVIOUS_BEFORE.search(t[max(0, s - 40) : s]):
                fines.append(FineQty(money, q, t[s:last_end].strip(" (),"), _kind(q, statutory, outcome), tuple(conv), False, s, previous=True))
                prev_end = last_end
                i = j
                continue
            fines.append(FineQty(money, q, t[s:last_end].strip(" (),"), _kind(q, statutory, outcome), tuple(conv), False, s))
        prev_end = last_end
        i = j
    for m in _UNLIMITED.finditer(t):
        fines.append(FineQty(None, "max", m.group(0), "penalty", (), True, m.start()))
    fines.sort(key=lambda f: f.start)
    return fines, spans


# Someone else's age: a victim's or relative's ("his 15-year-old cousin", "sent images to a
# 15-year-old boy", "victims, many aged 15 or 16"), never the defendant's.
_OTHER_PERSON = r"(?:girls?|boys?|cousins?|victims?|daughters?|sons?|nieces?|nephews?|child(?:ren)?|kids?|pupils?|school\w*|teens?|teenagers?|sisters?|brothers?|step\w+|friends?|classmates?|relatives?|minors?|babies|baby|toddlers?|infants?)"
_OTHER_AGE_AFTER = re.compile(rf"^(?:[- ](?:years?[- ])?old)?\s+(?:\w+\s+)?{_OTHER_PERSON}\b", re.I)
_OTHER_AGE_BEFORE = re.compile(
    rf"(?:\b(?:his|her|their|its)\s+(?:\w+\s+)?(?:then[- ])?$|\b(?:to|of|with|against|on|from|at|by|and|filmed|abused|blackmailed|targeted|groomed|assaulted|raped)\s+an?\s+(?:\w+\s+)?$"
    rf"|\b{_OTHER_PERSON}\W+(?:\w+\W+){{0,3}}$)",
    re.I,
)


def _someone_elses_age(t: str, m: re.Match) -> bool:
    after = t[m.end("n") : m.end("n") + 40]
    before = t[max(0, m.start() - 40) : m.start()] + t[m.start() : m.start("n")]
    if _OTHER_AGE_AFTER.match(after):
        return True
    return bool(_OTHER_AGE_BEFORE.search(before))


# A list of sentences announced as such: "received long prison terms: ...", "The sentences
# were: ...", "jail terms of: ...".
_LIST_OF_TERMS = re.compile(r"\b(?:terms|sentences)\b[^.;:()]{0,30}:", re.I)
_NAME_PAREN_NUMBER = re.compile(r"[A-Z][\w'-]+\s*\((?P<n>\d{1,2})\)")


def _find_ages(t: str, skip: set[int] = frozenset()) -> list[AgeQty]:
    at_time = bool(_AT_THE_TIME.search(t))
    out: list[AgeQty] = []
    seen: set[int] = set(skip)
    for rx in _AGE_PATTERNS:
        for m in rx.finditer(t):
            n = int(m.group("n"))
            if n < 1 or m.start("n") in seen:  # an impossible age is still a claim (and wrong)
                continue
            if _someone_elses_age(t, m):
                seen.add(m.start("n"))
                continue
            seen.add(m.start("n"))
            out.append(AgeQty(n, m.group(0).strip(), at_time))
    return out


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december")
_MONTH_RE = "|".join(_MONTHS) + "|" + "|".join(m[:3] + r"\.?" for m in _MONTHS if len(m) > 3) + "|sept\\.?"
_DATE_PATTERNS = [
    ("day", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH_RE})\s*,?\s+(?P<y>(?:19|20)\d\d)\b", re.I)),
    ("day", re.compile(rf"\b(?P<m>{_MONTH_RE})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I)),
    ("day", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mm>\d\d)-(?P<d>\d\d)\b")),
    ("month", re.compile(rf"\b(?:in|on|during|since|by|from|until|till|before|after|prior to|as of|last|early|late|mid-?)\s+(?P<m>{_MONTH_RE})\s+(?P<y>(?:19|20)\d\d)\b", re.I)),
    ("year", re.compile(r"\b(?:in|during|since|by|from|until|till|before|after|prior to|as of)\s+(?P<y>(?:1[6-9]|20)\d\d)\b(?!\s*(?:-|to)\s*\d)", re.I)),
    # "until the October 2024 amendment": the month of a change.
    ("month", re.compile(rf"\b(?:before|since|after|until|prior to)\s+the\s+(?P<m>{_MONTH_RE})\s+(?P<y>(?:19|20)\d\d)\s+(?:amendment|reform|change|law|act|revision)s?\b", re.I)),
    # "England's 2015 revenge porn law", "the 2020 act": the year that names a law.
    ("year", re.compile(r"(?:\b(?:the|its|their|this|that)|['’]s)\s+(?P<y>(?:19|20)\d\d)\s+(?:[\w-]+\s+){0,3}?(?P<law>laws?|act|offen[cs]es?|statute|legislation|rules?)\b", re.I)),
    # "before the 2024 amendment": the year of a change, as a period.
    ("year", re.compile(r"\b(?:before|since|after|until|prior to)\s+the\s+(?P<y>(?:19|20)\d\d)\s+(?:amendment|reform|change|law|act|revision)s?\b", re.I)),
]
_RELATIONS = {
    "since": "since", "from": "since", "as of": "since", "by": "until", "until": "until", "till": "until",
    "before": "before", "prior to": "before", "after": "after",
}  # fmt: skip
_RELATION_RE = re.compile(r"\b(since|from|as of|by|until|till|before|prior to|after|in|on|during)\s+(?:(?:early|late|mid-?)\s*)?(?:the\s+)?$", re.I)
_LAW_EVENT_RE = re.compile(
    r"\b(?:passed|enacted|adopted|introduced|amended|approved|signed|promulgated|created|made law|came into (?:force|effect)|took effect|"
    r"in force|commenced|voted|revised|tightened|strengthened|raised|changed|amendment|reform|law of|act of)\s*(?:,\s*)?$",
    re.I,
)


# "before the law was toughened in October 2024": the state before a change, not the change.
_BEFORE_CHANGE = re.compile(r"\b(before|until|till|prior to|since|after)\s+(?:the\s+|a\s+|its\s+)?(?:[\w-]+\s+){0,3}?(?:was|were|got|had been|has been)\s+\w+\s+(?:in|on)\s+(?:early\s+|late\s+|mid-?)?$", re.I)


def _relation(t: str, start: int) -> tuple[str, bool]:
    """The relation a date has from the words just before it, and whether it dates a law."""
    change = _BEFORE_CHANGE.search(t[max(0, start - 70) : start])
    if change:
        return _RELATIONS.get(" ".join(change.group(1).lower().split()), "in"), False
    lead = t[max(0, start - 40) : start]
    m = _RELATION_RE.search(lead)
    rel = _RELATIONS.get(" ".join(m.group(1).lower().split()), "in") if m else "in"
    before = lead[: m.start()] if m else lead
    return rel, bool(_LAW_EVENT_RE.search(before))


def _month(name: str) -> int:
    n = name.lower().rstrip(".")
    return next(i for i, m in enumerate(_MONTHS, 1) if m.startswith(n[:3]))


def _find_dates(t: str, bad: list[str] | None = None) -> list[DateQty]:
    """Dates stated for events: a day, a month or a year (no relative dates). Impossible
    dates ("30 February 2021") go to `bad` when given."""
    import calendar

    out: list[DateQty] = []
    taken: list[tuple[int, int]] = []
    asides = [(m.start(), m.end()) for m in _ASIDE.finditer(t)]
    for precision, rx in _DATE_PATTERNS:
        for m in rx.finditer(t):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue  # part of a more precise date already read
            try:
                y = int(m.group("y"))
                if precision == "year":
                    first, last = _dt.date(y, 1, 1), _dt.date(y, 12, 31)
                else:
                    mo = int(m.group("mm")) if "mm" in rx.groupindex else _month(m.group("m"))
                    if precision == "month":
                        first, last = _dt.date(y, mo, 1), _dt.date(y, mo, calendar.monthrange(y, mo)[1])
                    else:
                        first = last = _dt.date(y, mo, int(m.group("d")))
            except (ValueError, StopIteration):
                if bad is not None and precision == "day":
                    bad.append(m.group(0).strip())
                    taken.append((m.start(), m.end()))
                continue
            taken.append((m.start(), m.end()))
            # The relation word: inside the match (month and year patterns) or just before it.
            at = m.start("m") if "m" in rx.groupindex and precision == "month" else (m.start("y") if precision == "year" else m.start())
            rel, law = _relation(t, at)
            law = law or "law" in rx.groupindex  # "England's 2015 revenge porn law": the law's year
            aside = any(a <= m.start() < b for a, b in asides)
            said = m.group(0).strip()
            if "law" in rx.groupindex:
                said = said[m.start("y") - m.start() :]  # "2015 revenge porn law", not "'s 2015 ..."
            out.append(DateQty(first, last, said, rel, law, aside))
    return out


# A relative clause or a bracket set off from the main clause; a date inside dates only it.
_ASIDE = re.compile(r",\s*(?:who|whose|which|when)\b[^,;()]*(?=,)|\([^()]*\)")
_LATER_IN_CLAUSE = re.compile(r"\b(?:later|subsequently|eventually|afterwards|since then)\b[^,;]*$", re.I)


_RELATIVE = re.compile(rf"\b(?P<rel>in\s+|since\s+|before\s+|until\s+)?(?P<w>last|this|earlier this|late last|early last)\s+(?P<u>year|month|week|{_MONTH_RE})\b(?!\s+(?:19|20)\d\d)", re.I)


_MONTH_OF_YEAR = re.compile(rf"\b(?P<rel>in\s+|since\s+|before\s+|until\s+)?(?P<m>{_MONTH_RE})\s+(?:of\s+)?(?P<w>last|this)\s+year\b", re.I)


def relative_dates(text: str, day: _dt.date) -> list[DateQty]:
    """Dates a claim gives relative to the day it was made ("last March", "last year",
    "this month", "earlier this year"), as of `day`."""
    import calendar

    out = []
    text = clean_text(text)
    # "October last year", "in February this year": that month of the year before or this one.
    taken: list[tuple[int, int]] = []
    for m in _MONTH_OF_YEAR.finditer(text):
        rel = _RELATIONS.get((m.group("rel") or "").strip().lower(), "in")
        y = day.year - (1 if m.group("w").lower() == "last" else 0)
        mo = _month(m.group("m"))
        first, last = _dt.date(y, mo, 1), _dt.date(y, mo, calendar.monthrange(y, mo)[1])
        if first > day:
            continue
        taken.append((m.start(), m.end()))
        out.append(DateQty(first, min(last, day), f"{m.group(0).strip()} ({calendar.month_name[mo]} {y})", rel))
    for m in _RELATIVE.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        w, u = " ".join(m.group("w").lower().split()), m.group("u").lower()
        rel = _RELATIONS.get((m.group("rel") or "").strip().lower(), "in")
        if u == "year":
            y = day.year - (1 if "last" in w else 0)
            first, last = _dt.date(y, 1, 1), _dt.date(y, 12, 31)
        elif u == "month":
            y, mo = (day.year, day.month) if w.endswith("this") else ((day.year - 1, 12) if day.month == 1 else (day.year, day.month - 1))
            first, last = _dt.date(y, mo, 1), _dt.date(y, mo, calendar.monthrange(y, mo)[1])
        elif u == "week":
            continue
        else:
            mo = _month(u)
            # "last March": the most recent March before the month of `day`.
            y = day.year if mo < day.month else day.year - 1
            if w.endswith("this"):
                y = day.year
            first, last = _dt.date(y, mo, 1), _dt.date(y, mo, calendar.monthrange(y, mo)[1])
        when = str(first.year) if u == "year" else f"{calendar.month_name[first.month]} {first.year}"
        out.append(DateQty(first, min(last, day), f"{m.group(0).strip()} ({when})", rel))
    # "two weeks ago", "3 days ago", "six months ago": a window around that day.
    for m in _AGO.finditer(normalise_numbers(text)):
        n = 1 if m.group("n").lower() in ("a", "an", "one") else 2 if m.group("n").lower() == "two" else int(m.group("n"))
        u = m.group("u").lower()
        if u == "day":
            first = last = day - _dt.timedelta(days=n)
        elif u == "week":
            mid = day - _dt.timedelta(days=7 * n)
            first, last = mid - _dt.timedelta(days=3), mid + _dt.timedelta(days=3)
        elif u == "month":
            y, mo = day.year, day.month - n
            while mo < 1:
                y, mo = y - 1, mo + 12
            first, last = _dt.date(y, mo, 1), _dt.date(y, mo, calendar.monthrange(y, mo)[1])
        else:
            first, last = _dt.date(day.year - n, 1, 1), _dt.date(day.year - n, 12, 31)
        out.append(DateQty(first, min(last, day), f"{m.group(0).strip()} ({first} to {min(last, day)})"))
    return out


_AGO = re.compile(r"\b(?P<n>\d{1,3}|an?|one|two)\s+(?P<u>day|week|month|year)s?\s+ago\b", re.I)

# A date given from the event told just before: "four days later", "a week later", "the
# following month", "the next year", "the day after".
_LATER = re.compile(
    r"\b(?P<n>\d{1,3}|an?|one|a few|several)\s+(?P<u>day|week|month|year)s?\s+(?:later|after(?:wards?)?)\b"
    r"|\b(?:the\s+)?(?:following|next|subsequent)\s+(?P<u2>day|week|month|year)\b"
    r"|\bthe\s+(?P<u3>day|week|month|year)\s+after(?!\s+(?:the|his|her|their|a|an)\b)",
    re.I,
)
_THAT_MONTH = re.compile(rf"\b(?:that|the same|the following|the next)\s+(?P<m>{_MONTH_RE})\b(?!\s+\d)", re.I)
_SLACK = {"day": 0, "week": 3, "month": 0, "year": 0}  # days either side of "a week later"


def _shift(day: _dt.date, n: int, unit: str) -> _dt.date:
    import calendar

    if unit == "day":
        return day + _dt.timedelta(days=n)
    if unit == "week":
        return day + _dt.timedelta(days=7 * n)
    months = n * (12 if unit == "year" else 1)
    y, m = divmod(day.month - 1 + months, 12)
    y += day.year
    return _dt.date(y, m + 1, min(day.day, calendar.monthrange(y, m + 1)[1]))


def told_at(text: str, d: DateQty) -> int:
    """Where in `text` the date phrase of `d` stands (-1 when not found)."""
    return normalise_numbers(clean_text(text)).lower().find(normalise_numbers(d.text.split(" (")[0]).lower())


def later_dates(text: str, anchor: DateQty | None, own: tuple[DateQty, ...] = ()) -> list[DateQty]:
    """Dates a sentence gives from an earlier event ("four days later", "the following
    month", "that November"): from the last date stated before the phrase in the same sentence (`own`, in
    order), else from `anchor`, the last date of the sentence before. "A few"/"several" are
    read as up to a fortnight (days), two months (weeks), a season (months) or years."""
    import calendar

    t = normalise_numbers(clean_text(text))
    out: list[DateQty] = []

    def base_before(at: int) -> DateQty | None:
        """The last date told before position `at` of the sentence, else the sentence before's."""
        before = sorted((pos, i, d) for i, d in enumerate(own) if 0 <= (pos := told_at(text, d)) < at)
        return before[-1][2] if before else anchor

    for m in _THAT_MONTH.finditer(t):
        # "arrested in March 2020; that November, ...": that month of the year told before.
        base = base_before(m.start())
        if base is None:
            continue
        mo = _month(m.group("m"))
        y = base.first.year + (1 if mo < base.first.month else 0)
        first, last = _dt.date(y, mo, 1), _dt.date(y, mo, calendar.monthrange(y, mo)[1])
        out.append(DateQty(first, last, f"{m.group(0).strip()} ({calendar.month_name[mo]} {y})"))
    for m in _LATER.finditer(t):
        base = base_before(m.start())
        if base is None:
            continue
        unit = (m.group("u") or m.group("u2") or m.group("u3")).lower()
        n_word = (m.group("n") or "1").lower()
        vague = n_word in ("a few", "several")
        n = 1 if n_word in ("a", "an", "one") else 2 if vague else int(n_word) if n_word.isdigit() else 1
        first, last = _shift(base.first, n, unit), _shift(base.last, 7 if vague else n, unit)
        slack = _dt.timedelta(days=_SLACK[unit])
        first, last = first - slack, last + slack
        if unit in ("month", "year") and base.first.day == 1 and base.last == _dt.date(base.last.year, base.last.month, calendar.monthrange(base.last.year, base.last.month)[1]):
            # "in January 2025 ... the following month": all of February.
            last = _dt.date(last.year, last.month, calendar.monthrange(last.year, last.month)[1])
        out.append(DateQty(first, last, f"{m.group(0).strip()} (from {base.text}: {first} to {last})"))
    return out


# "sentenced to prison", "sentenced to a jail term under ...", not "sentenced to prison for 9 years"
# nor "sentenced to 9 years in prison" (terms, checked as such).
_TO_PRISON = re.compile(
    r"\s*to\s+(?:a\s+)?(?:prison|jail|gaol|imprisonment|custody|a\s+custodial\s+sentence|custodial)(?:\s+(?:term|sentence|time))?\b(?![^.;]{0,30}?\b(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|life)\b)",
    re.I,
)


def _find_statuses(t: str) -> list[StatusQty]:
    out: list[StatusQty] = []
    for kind, rx in _STATUS_RE.items():
        for m in rx.finditer(t):
            status = kind
            g = next(x for x in ("w", "w2", "w3", "w4", "w5") if x in rx.groupindex and m.group(x))
            word = m.group(g)
            if status == "sentenced" and re.search(r"sentenced\s+to\b", t[m.start() : m.end() + 12], re.I):
                after = t[m.end() : m.end() + 60]
                if not _TO_PRISON.match(after):
                    continue  # "sentenced to N years" is a sentence, checked as a term
                status = "jailed"  # "sentenced to prison" with no term: a custodial sentence
            lead = t[max(0, m.start() - 40) : m.start(g)]
            if _GENERIC_SUBJECT.search(lead):
                continue  # "those convicted of", "if convicted": a rule, not a claim about someone
            span = t[m.start() : m.end()]
            negated = bool(_NEGATION.search(span) or re.search(r"(?:\b(?:not|never|no|yet to be)|n't)\s+(?:\w+\s+)?$", lead, re.I))
            out.append(StatusQty(status, word, negated, "formal" in span.lower() or "mis en examen" in span.lower()))
    return out


_NO_PRISON = re.compile(
    r"\b(?:(?:does|do|did|will|would|can)\s*(?:not|n't)|cannot|no longer)\s+(?:carry|carries|lead to|result in|bring|attract|mean)\s+"
    r"(?:a\s+|any\s+)?(?:prison|jail|custodial)\s+(?:sentence|term|time)\b|"
    r"\b(?:is|are)\s+not\s+punishable\s+(?:by|with)\s+(?:imprisonment|prison|jail)\b|\bno\s+(?:prison|jail)\s+(?:sentence|term|time)\b",
    re.I,
)
_BARE_NUMBER = re.compile(r"(?<![\w.,$€£₩¥])(\d{1,3}(?:\.\d)?)(?![\d%]|[.,]\d)(?!\s*(?:per\s?cent|million|billion|thousand|people|persons|users|victims|cases|reports|images|times)\b)")


_BARE_QUALIFIED = re.compile(
    r"\b(?P<q>maximum|max\.?|minimum|min\.?|up to|at least|at most|no more than|no less than)\s+(?:of\s+)?(?P<n>\d{1,3}(?:\.\d+)?)\b"
    r"(?!\s*(?:years?|yrs?|months?|weeks?|days?|%|per\b|percent|million|billion|thousand|[€£$₩¥]|euros?|pounds?|dollars?|won\b))",
    re.I,
)


def _bare_qualified(t: str, terms: list[TermQty], skip: list[tuple[int, int]]) -> list[TermQty]:
    """A second qualified figure without its unit: "a minimum of five years and a maximum of
    50" reads the 50 in the unit of the figure before it."""
    out = list(terms)
    for m in _BARE_QUALIFIED.finditer(t):
        if any(a <= m.start("n") < b for a, b in skip) or any(q.start <= m.start("n") < q.start + len(q.text) for q in terms):
            continue
        model = max((q for q in terms if q.start < m.start()), key=lambda q: q.start, default=None)
        if model is None or model.term.life:
            continue
        unit = "months" if model.term.months % 12 or model.term.days else "years"
        word = m.group("q").lower()
        q = "min" if word.startswith(("min", "at least", "no less")) else "max"
        out.append(TermQty(term_from(float(m.group("n")), unit), q, m.group(0), model.kind, m.start("n"), model.previous, model.negated, model.later))
    out.sort(key=lambda x: x.start)
    return out


# A figure whose unit is left out ends its phrase: "... but in France just two.", "Moon 34 and
# ...", not "He admitted 12 offences".
_ELLIPSIS_END = re.compile(r"\s*(?:[.,;:!?)\]]|$|(?:and|or|but|while|whereas|in|for|if|when|where|under|at|on|respectively)\b)", re.I)


_APPOSITIVE_AGE = re.compile(r"[A-Z][\w'-]+\s*,\s*\d{1,2}\s*,\s?$|[A-Z][\w'-]+\s*\(\d{1,2}\)\s?$")


def _elliptic_term(t: str, model: TermQty) -> list[TermQty]:
    # text2num leaves "one" and "two" as words: "..., but in France just one".
    t = re.sub(r"\b(one|two)\b", lambda m: "1" if m.group(1).lower() == "one" else "2", t, flags=re.I)
    # A figure with its unit that the term grammar passed over ("France sets two years") comes
    # first; then one whose unit is left out.
    unit_m = re.search(rf"(?<![\w.,])(\d+(?:\.\d+)?)\s*({_UNIT_WORDS})\b", t, re.I)
    if unit_m is not None:
        return [TermQty(term_from(float(unit_m.group(1)), unit_m.group(2)), model.qualifier, unit_m.group(0), model.kind, unit_m.start())]
    # (Not an age in apposition: "Kang, 31, received four".)
    m = next((m for m in _BARE_NUMBER.finditer(t) if _ELLIPSIS_END.match(t, m.end()) and not _APPOSITIVE_AGE.search(t[: m.end() + 2])), None)
    if m is None:
        life = re.search(r"\b(?:for|to|got|gets|received?)\s+life\b", t, re.I)  # "..., and Kim for life"
        return [TermQty(Term(life=True), model.qualifier, life.group(0), model.kind, life.start())] if life else []
    unit = "months" if not model.term.life and model.term.months % 12 else "years"
    lead = t[max(0, m.start() - 25) : m.start()]
    # "..., and selling them at least three": the qualifier before the bare figure, if any.
    qualifier = "min" if _MIN_BEFORE.search(lead) else "max" if _MAX_BEFORE.search(lead) else model.qualifier
    return [TermQty(term_from(float(m.group(1)), unit), qualifier, m.group(0), model.kind, m.start())]


# French legal wording, as French press writes penalties ("puni de cinq ans d'emprisonnement et
# de 75 000 euros d'amende"): detected, then glossed into the English the grammar reads.
_FRENCH = re.compile(r"\bplacée?s?\s+en\s+garde\s+à\s+vue|\bcondamnée?s?\b|\bconfirmée?s?\s+(?:par|en)\b|\btribunal\s+correctionnel|\bperpétuité\b|\b(?:est|sont|être|était|étaient|sera|seront)\s+(?:puni|passible)|\b(?:arrêté|interpellé|inculpé|acquitté)(?:e|s|es)?\b|\breconnue?s?\s+coupable|\bd'emprisonnement\b|\bans?\s+de\s+(?:prison|réclusion)\b|\bd'amende\b|\bcondamnée?s?\s+à\b|\bmis(?:e|es)?\s+en\s+examen\b|\bcaution(?:nement)?\s+de\b|\bcontrôle\s+judiciaire\b|\btransposer\b|\bÉtats\s+membres\b", re.I)
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
_FR_MONTH_NAMES = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre")
_FR_MONTHS = "janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre"
_FR_RELATION = {"en": "in", "depuis": "since", "avant": "before", "après": "after", "jusqu'en": "until", "dès": "since"}


def _fr_month(name: str) -> str:
    n = name.lower().replace("é", "e").replace("û", "u")
    return next(_MONTH_NAMES[i] for i, m in enumerate(_FR_MONTH_NAMES) if m.replace("é", "e").replace("û", "u") == n)


_FRENCH_GLOSS = (
    (r"\b(?:un|une)\s+(?=an\b|ans\b|mois\b)", "1 "),
    (r"\bdeux\s+(?=ans\b|mois\b)", "2 "),
    # Dates: "le 28 août 2024", "en mars 2019", "en 2019", "depuis octobre 2024", "l'an dernier".
    (rf"\b(?:jusqu'au|avant\s+le|d'ici\s+au)\s+(1er|\d{{1,2}})\s+({_FR_MONTHS})\s+((?:19|20)\d\d)\b", lambda m: f"by {m.group(1).replace('er', '')} {_fr_month(m.group(2))} {m.group(3)}"),
    (rf"\ble\s+(1er|\d{{1,2}})\s+({_FR_MONTHS})\s+((?:19|20)\d\d)\b", lambda m: f"on {m.group(1).replace('er', '')} {_fr_month(m.group(2))} {m.group(3)}"),
    (rf"\b(?:(en|depuis|avant|après|jusqu'en|dès)\s+)?({_FR_MONTHS})\s+((?:19|20)\d\d)\b", lambda m: f"{_FR_RELATION.get((m.group(1) or 'en').lower(), 'in')} {_fr_month(m.group(2))} {m.group(3)}"),
    (r"\b(en|depuis|avant|après|jusqu'en|dès)\s+((?:19|20)\d\d)\b(?!\s*(?:ans?|mois)\b)", lambda m: f"{_FR_RELATION[m.group(1).lower()]} {m.group(2)}"),
    (rf"\b(?:en\s+)?({_FR_MONTHS})\s+dernier\b", lambda m: f"last {_fr_month(m.group(1))}"),
    (r"\bl'an\s+dernier\b|\bl'année\s+dernière\b", "last year"),
    (r"\bcette\s+année\b", "this year"),
    (r"\ble\s+mois\s+dernier\b", "last month"),
    # Dates told from the event before: "quatre jours plus tard", "le lendemain", "le mois suivant".
    (r"\b(\d+)\s+jours?\b", r"\1 days"),
    (r"\b(\d+)\s+semaines?\b", r"\1 weeks"),
    (r"\bplus\s+tard\b", "later"),
    (r"\ble\s+lendemain\b", "the next day"),
    (r"\b(?:le\s+)?mois\s+suivant\b", "the following month"),
    (r"\bl'année\s+suivante\b", "the following year"),
    # A subject pronoun opening the sentence.
    (r"^(\W*)Il\b", r"\1He"),
    (r"^(\W*)Elle\b", r"\1She"),
    # "a vu sa peine de 42 ans confirmée": his sentence of 42 years was upheld.
    (r"\ba\s+vu\s+sa\s+peine\s+(?:de\s+)?(.{1,40}?)\s+(confirmée|réduite|alourdie|portée\s+à)\b",
     lambda m: f"had his sentence of {m.group(1)} " + {"confirmée": "upheld", "réduite": "reduced", "alourdie": "increased"}.get(m.group(2), "raised to")),
    (r"\b(?:la\s+)?(?:réclusion\s+criminelle|réclusion|prison|emprisonnement)\s+à\s+perpétuité\b|\bla\s+perpétuité\b", "life imprisonment"),
    # Court levels and steps of a case.
    (r"\ben\s+première\s+instance\b", "at first instance"),
    (r"\b(?:en|devant\s+la\s+cour\s+d'|par\s+la\s+cour\s+d')appel\b", "on appeal"),
    (r"\b(?:la\s+)?cour\s+suprême\b", "the Supreme Court"),
    (r"\b(?:la\s+)?cour\s+de\s+cassation\b", "the Court of Cassation"),
    (r"\b(?:arrêté|interpellé|appréhendé)(?:e|s|es)?\b", "arrested"),
    (r"\bplacée?s?\s+en\s+garde\s+à\s+vue\b", "taken into custody"),
    (r"\binculpée?s?\b", "charged"),
    (r"\b(?:une\s+)?caution(?:nement)?\s+de\b", "bail of"),
    (r"\breconnue?s?\s+coupables?\b", "convicted"),
    (r"\bacquittée?s?\b|\brelaxée?s?\b", "acquitted"),
    # An age, not a term: "Hugh Nelson, 27 ans, ...", "(45 ans)", "âgé de 27 ans", "un homme de 27 ans".
    (r",\s*(\d{1,3})\s+ans\s*(?=,)", r", aged \1"),
    (r"\(\s*(\d{1,3})\s+ans\s*\)", r"(aged \1)"),
    (r"\bâgée?s?\s+de\s+(\d{1,3})\s+ans\b", r"aged \1"),
    (
        r"\b(homme|femme|garçon|fille|adolescente?|jeune|individu|suspecte?|prévenue?|accusée?|étudiante?|père|mère|ressortissante?)s?"
        r"\s+de\s+(\d{1,3})\s+ans\b",
        r"\1 aged \2",
    ),
    (r"\b(\d+(?:[.,]\d+)?)\s+ans?\b", r"\1 years"),
    (r"\b(\d+(?:[.,]\d+)?)\s+mois\b", r"\1 months"),
    (r"\bd'emprisonnement\b|\bde\s+prison(?:\s+ferme)?\b|\bde\s+réclusion(?:\s+criminelle)?\b|\bd'incarcération\b", "in prison"),
    (r"\bd'amende\b", "fine"),
    (r"\b(?:d'une\s+|une\s+)?amende\s+(?:de|d')\s*", "a fine of "),
    (r"\b(?:est|sont|être)\s+(?:puni(?:e|s|es)?|passibles?)\s+(?:de|d')\s*", "is punishable by "),
    (r"\b(?:était|étaient)\s+(?:puni(?:e|s|es)?|passibles?)\s+(?:de|d')\s*", "was punishable by "),
    (r"\b(?:sera|seront)\s+(?:puni(?:e|s|es)?|passibles?)\s+(?:de|d')\s*", "will be punishable by "),
    (r"\bjusqu'à\b", "up to"),
    (r"\b(?:au\s+moins|au\s+minimum)\b", "at least"),
    (r"\bcondamné(?:e|s|es)?\s+((?:at first instance|on appeal)\s+)?à\b", r"sentenced \1to"),
    (r"\bcondamné(?:e|s|es)?\b", "sentenced"),  # a French "condamnation" is the judgment with its sentence
    (r"\bconfirmée?s?\b", "upheld"),
    (r"\bpar\s+(?=the\s+(?:Supreme|Court)\b)", "by "),
    (r"\b(?:a|ont|avait|avaient)\s+été\b", "was"),
    (r"\b(?:la\s+)?diffusion\b|\bdiffuser\b|\bpartager\b|\ble\s+partage\b|\bpublier\b", "distributing"),
    (r"\b(?:la\s+)?(?:création|fabrication|réalisation|production)\b|\bcréer\b|\bfabriquer\b|\bréaliser\b", "making"),
    (r"\b(?:la\s+)?(?:détention|consultation)\b|\bdétenir\b|\bconsulter\b|\bposséder\b", "possessing"),
    (r"\b(?:mineurs?|enfants?)\b", "minors"),
    (r"\bet\s+(?:de\s+)?", "and "),
    (r"\bou\s+(?:de\s+)?", "or "),
)


def french_gloss(text: str) -> str | None:
    """An English gloss of a French penalty sentence for the claim grammar, or None when the
    text does not read as French legal wording. Names, places and record aliases
    ("deepfake sexuel", "hypertrucage") are kept."""
    if not _FRENCH.search(text):
        return None
    # "5 millions d'euros", "1,5 milliard": digits with a French magnitude (text2num would
    # turn the word alone into a second number).
    text = re.sub(
        r"(\d+(?:[.,]\d+)?)\s*(millions?|milliards?)\b(?:\s+d['’](?=euros?\b|dollars?\b|livres?\b|wons?\b))?",
        lambda m: f"{float(m.group(1).replace(',', '.')) * (1e6 if m.group(2).lower().startswith('million') else 1e9):.0f} ",
        text,
        flags=re.I,
    )
    try:
        from text_to_num import alpha2digit

        text = alpha2digit(text, "fr")
    except Exception:  # noqa: BLE001 - digits still work without text2num
        pass
    for rx, rep in _FRENCH_GLOSS:
        text = re.sub(rx, rep, text, flags=re.I)
    return text


# Korean legal wording ("7년 이하의 징역 또는 5천만원 이하의 벌금", "징역 42년을 선고받았다"):
# detected by Hangul and a penalty word, then glossed into English for the claim grammar.
_KO_LEGAL = r"(?:징역|금고|벌금|선고|처벌|처한다|구속|기소|체포|확정)"
_KOREAN = re.compile(rf"[\uac00-\ud7a3].*{_KO_LEGAL}|{_KO_LEGAL}.*[\uac00-\ud7a3]", re.S)
_KO_UNITS = {"억": 100_000_000, "천만": 10_000_000, "백만": 1_000_000, "만": 10_000}


def _ko_amount(m: re.Match) -> str:
    total = 0.0
    for n, unit in re.findall(r"(\d+(?:\.\d+)?)\s*(억|천만|백만|만)?", m.group(1)):
        total += float(n) * _KO_UNITS.get(unit, 1)
    return f" {total:.0f} won "


# Korean dates: "2021년 10월 14일", "2021년 10월", "2021년", "지난해 10월", "올해", with a following
# 부터/이후/이전/까지 (since/after/before/until). Read as English dates, never as terms.
_KO_DATE = re.compile(
    r"(?:(?P<y>(?:19|20)\d\d)\s*년|(?P<rel>지난해|작년|올해|금년))(?:\s*(?P<m>1[0-2]|0?[1-9])\s*월)?(?:\s*(?P<d>3[01]|[12]\d|0?[1-9])\s*일)?"
    r"(?:\s*(?:에|에는|의))?(?P<r>\s*(?:부터|이후|이전|까지))?"
)
_KO_RELATION = {"부터": "since", "이후": "after", "이전": "before", "까지": "until"}


def _ko_date(m: re.Match) -> str:
    rel = _KO_RELATION.get((m.group("r") or "").strip())
    month = _MONTH_NAMES[int(m.group("m")) - 1] if m.group("m") else None
    if m.group("rel"):
        when = "last year" if m.group("rel") in ("지난해", "작년") else "this year"
        return f" {rel or 'in'} {month} {when} " if month else f" {rel + ' ' if rel else ''}{when} "
    y = m.group("y")
    if month and m.group("d"):
        return f" {rel or 'on'} {int(m.group('d'))} {month} {y} "
    return f" {rel or 'in'} {month + ' ' if month else ''}{y} "


# Common Korean surnames as the English press romanises them: "박씨" (Mr or Ms Park) names a
# defendant the way an English report's "Park" does.
_KO_SURNAMES = {
    "김": "Kim", "이": "Lee", "박": "Park", "최": "Choi", "정": "Jung", "강": "Kang", "조": "Cho", "윤": "Yoon", "장": "Jang",
    "임": "Lim", "한": "Han", "오": "Oh", "서": "Seo", "신": "Shin", "권": "Kwon", "황": "Hwang", "안": "Ahn", "송": "Song",
    "전": "Jeon", "홍": "Hong", "유": "Yoo", "고": "Ko", "문": "Moon", "양": "Yang", "손": "Son", "배": "Bae", "백": "Baek",
    "허": "Heo", "남": "Nam", "심": "Shim", "노": "Noh", "하": "Ha", "곽": "Kwak", "성": "Sung", "차": "Cha", "주": "Joo",
    "우": "Woo", "구": "Koo", "민": "Min", "류": "Ryu", "나": "Na", "진": "Jin", "지": "Ji", "엄": "Eom", "채": "Chae",
    "원": "Won", "천": "Cheon", "방": "Bang", "공": "Kong", "현": "Hyun", "함": "Ham", "변": "Byun", "염": "Yeom", "여": "Yeo",
    "추": "Choo", "도": "Do", "석": "Seok", "선": "Sun", "설": "Seol", "마": "Ma", "길": "Gil", "연": "Yeon", "표": "Pyo",
    "명": "Myung", "기": "Ki", "반": "Ban", "왕": "Wang", "금": "Geum", "옥": "Ok", "육": "Yook", "인": "In", "맹": "Maeng",
    "제": "Je", "모": "Mo", "탁": "Tak", "국": "Kook", "어": "Eo", "은": "Eun", "편": "Pyeon", "용": "Yong",
}  # fmt: skip
_KO_PARTICLES = r"(?:에서는|에게서|에서|에게|으로|로서|로|은|는|이|가|을|를|의|와|과|도|만|상|에)"


def _ko_surname(m: re.Match) -> str:
    return f" {_KO_SURNAMES[m.group(1)]} " if m.group(1) in _KO_SURNAMES else m.group(0)


_KOREAN_GLOSS = (
    (r"(\d),(?=\d{3})", r"\1"),
    (_KO_DATE, _ko_date),
    (r"지난달", " last month "),
    (r"이번\s*달", " this month "),
    # An age: "조주빈(25)은", "조주빈(25·사진)씨", "25세", "40살".
    (r"([\uac00-\ud7a3]{2,4})\s*\(\s*(\d{1,3})\s*(?:[·ㆍ,/][^)]*)?\)\s*(?:씨)?" + _KO_PARTICLES + "?(?![\uac00-\ud7a3])", r" \1, aged \2, "),
    (r"(?:만\s*)?(\d{1,3})\s*(?:세|살)(?:의|인|로|에)?(?![\uac00-\ud7a3])", r" aged \1 "),
    # "박씨", "강씨는": a surname with the honorific; "조주빈씨": a full name with it.
    (r"(?<![\uac00-\ud7a3])([\uac00-\ud7a3])씨(?=" + _KO_PARTICLES + r"?(?![\uac00-\ud7a3]))", _ko_surname),
    (r"(?<![\uac00-\ud7a3])([\uac00-\ud7a3]{3})씨(?=" + _KO_PARTICLES + r"?(?![\uac00-\ud7a3]))", r"\1"),
    (r"((?:\d+(?:\.\d+)?\s*(?:억|천만|백만|만)\s*)+)\s*원", _ko_amount),
    (r"(\d+)\s*원", r" \1 won "),
    (r"(\d+(?:\.\d+)?)\s*년\s*이하의?\s*(?:징역|금고)", r" up to \1 years in prison "),
    (r"(\d+(?:\.\d+)?)\s*년\s*이상의?\s*(?:유기)?\s*(?:징역|금고)", r" at least \1 years in prison "),
    (r"(\d+)\s*won\s*이하의?\s*벌금", r" a fine of up to \1 won "),
    (r"(\d+)\s*won\s*의?\s*벌금", r" a fine of \1 won "),
    (r"무기\s*징역|무기\s*(?=또는)", " life imprisonment "),
    # Terms only where prison is named: "징역 4년 6개월", "금고 1년", "징역 8개월"; not "2021년",
    # "전자발찌 30년" (an order) or "5년간" (a duration).
    (r"(?:징역|금고)형?\s*(\d+(?:\.\d+)?)\s*년\s*(\d+)\s*개월", r" \1 years \2 months in prison "),
    (r"(?:징역|금고)형?\s*(\d+(?:\.\d+)?)\s*년", r" \1 years in prison "),
    (r"(?:징역|금고)형?\s*(\d+)\s*개월", r" \1 months in prison "),
    (r"(\d+(?:\.\d+)?)\s*년\s*이하", r" up to \1 years "),
    (r"(\d+(?:\.\d+)?)\s*년\s*이상", r" at least \1 years "),
    # Court levels, as the English grammar names them.
    (r"(?:제\s*)?1\s*심|일심", " at first instance "),
    (r"(?:제\s*)?2\s*심|항소심", " on appeal "),
    (r"대법원|대법(?!관)|상고심", " the Supreme Court "),
    (r"고등법원|고법", " High Court "),
    (r"지방법원|지법", " District Court "),
    (r"주범", " principal offender "),
    (r"공범", " accomplice "),
    # "2020년 3월 체포된 조주빈은 ...": the date is the arrest's, an aside to the main clause.
    (
        r"(?P<when>(?:\s+(?:in|on)\s+(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?(?:\d{4}|(?:last|this)\s+year)|\s+(?:last|this)\s+year)\s*)?"
        r"(?P<what>체포|구속\s*기소|구속|기소)(?:된|당한|됐던|되었던|당했던)\s+(?P<who>[\uac00-\ud7a3]{2,4}|[A-Z][a-z]+)" + _KO_PARTICLES + r"?(?![\uac00-\ud7a3])",
        lambda m: f" {m.group('who')}, who was {'indicted' if m.group('what').endswith('기소') else 'arrested'}{' ' + m.group('when').strip() if m.group('when') else ''}, ",
    ),
    (r"선고\s*(?:받았|받|했|됐|되었|하였)\w*", " was sentenced "),
    (r"확정\s*(?:받았|받|됐|되었|했|하였|된)\w*", " was confirmed "),
    (r"구속\s*기소\w*", " was indicted "),
    (r"체포\w*|구속\w*", " was arrested "),
    (r"기소\w*", " was indicted "),
    (r"처한다|처벌(?:받|된|될|하)\w*|처벌(?![\uac00-\ud7a3]*법)", " punishable "),
    (r"제작|편집|합성|가공", " making "),
    (r"유포|반포|배포|공유", " distributing "),
    (r"판매", " selling "),
    (r"소지|구입|저장|시청", " possessing "),
    (r"협박|강요", " threatening "),
    (r"불법\s*촬영물", " illegally filmed material "),
    (r"촬영물", " filmed material "),
    (r"촬영", " filming "),
    (r"아동\s*[·ㆍ]?\s*청소년(?![\uac00-\ud7a3]*법)|미성년자?|아동(?![\uac00-\ud7a3]*법)", " minors "),
    (r"한국|대한민국|국내", " South Korea "),
    (r"미국", " United States "),
    (r"영국", " United Kingdom "),
    (r"프랑스", " France "),
    (r"호주", " Australia "),
    (r"일본", " Japan "),
    (r"독일", " Germany "),
    # "제14조의2 제1항": Article 14-2(1), which names the record.
    (r"제\s*(\d+)\s*조(?:\s*의\s*(\d+))?(?:\s*제\s*(\d+)\s*항)?", lambda m: f" Article {m.group(1)}" + (f"-{m.group(2)}" if m.group(2) else "") + (f"({m.group(3)})" if m.group(3) else "") + " "),
    (r"\s또는\s", " or "),
    # A case particle after a word ("허위영상물을", "청소년성보호법상"): the word itself.
    (r"([\uac00-\ud7a3]{2,})" + _KO_PARTICLES + r"(?![\uac00-\ud7a3])", r"\1"),
    (r"(?<![\uac00-\ud7a3])" + _KO_PARTICLES + r"(?![\uac00-\ud7a3])", " "),
)


def korean_gloss(text: str) -> str | None:
    """An English gloss of a Korean penalty or sentencing sentence for the claim grammar, or
    None. Hangul names and record aliases ("딥페이크", "조주빈") are kept."""
    if not _KOREAN.search(text):
        return None
    for rx, rep in _KOREAN_GLOSS:
        text = re.sub(rx, rep, text)
    return " ".join(text.split())


# A directive's deadline for national law: "must transpose the directive by 14 June 2027",
# "have until June 2027 to implement the directive", "the transposition deadline".
_TRANSPOSITION = re.compile(
    r"\btranspos\w*|\btranscri(?:re|t|ption)\b|\bimplement\w*\s+(?:the\s+|this\s+|its\s+|these\s+)?(?:directive|eu\s+rules|new\s+rules)\b"
    r"|\b(?:directive|eu\s+rules)\b[^.;]{0,40}\binto\s+(?:their\s+|national\s+)+law\b",
    re.I,
)
# Whether conduct is a crime at all, with no penalty stated: "possessing deepfakes was not a
# crime", "is still legal", "there was no law against it"; "is now a crime", "is illegal".
_BE_WORDS = r"(?:is|are|was|were|remains?|remained|has\s+been|have\s+been|had\s+been|became|becomes)"
_NOT_CRIME = re.compile(
    rf"\b{_BE_WORDS}\s+(?:still\s+|yet\s+)?(?:not|never|no\s+longer)\s+(?:yet\s+|even\s+)?(?:a\s+)?(?:crime|criminal\s+offen[cs]e|(?:specific\s+)?offen[cs]e|illegal|unlawful|punishable|criminali[sz]ed|against\s+the\s+law)\b"
    rf"|\b(?:isn't|wasn't|aren't|weren't)\s+(?:yet\s+|even\s+)?(?:a\s+)?(?:crime|criminal\s+offen[cs]e|offen[cs]e|illegal|unlawful|punishable|criminali[sz]ed|against\s+the\s+law)\b"
    rf"|\b{_BE_WORDS}\s+(?:still\s+|perfectly\s+|entirely\s+|completely\s+)?legal\b"
    r"|\bno\s+(?:specific\s+)?(?:law|offen[cs]e|statute)\s+(?:against|banning|prohibiting|criminali[sz]ing|covering|punishing)\b"
    r"|\b(?:could|can|may)\s+(?:still\s+)?(?:legally|lawfully)\b|\bit\s+(?:is|was)\s+(?:still\s+)?legal\s+to\b",
    re.I,
)
_IS_CRIME = re.compile(
    rf"\b{_BE_WORDS}\s+(?:now\s+|also\s+|already\s+)?(?:an?\s+)?(?:(?:specific|separate|criminal)\s+)?(?:crime|offen[cs]e|illegal|unlawful|against\s+the\s+law)\b"
    r"|\b(?:makes?|made|making)\s+(?:it\s+)?(?:a\s+)?(?:crime|criminal\s+offen[cs]e|illegal)\s+to\b|\bcriminali[sz]es?\b|\bbans?\b|\bbanned\b|\boutlaw(?:s|ed)?\b",
    re.I,
)


# The size or factor of a change: "raised by two years", "increased the maximum by an extra year",
# "doubled the maximum prison term", "the fine was tripled".
_DELTA_BEFORE = re.compile(
    r"\b(?:rais|increas|extend|lengthen|toughen|hik|lift|boost|cut|reduc|lower|shorten|went\s+up|go(?:es)?\s+up|rose)\w*\b[^.;]{0,80}?\bby\s+(?:an?\s+(?:extra|additional|further)\s+)?$",
    re.I,
)
_RATIO = re.compile(r"\b(doubl|tripl|quadrupl|halv)(?:ed|es|ing|e)\b", re.I)
_RATIO_FACTOR = {"doubl": 2.0, "tripl": 3.0, "quadrupl": 4.0, "halv": 0.5}


def _ratio(t: str) -> tuple[float, str] | None:
    """(factor, "prison" | "fine") for "doubled the maximum prison term", "the fine was tripled"."""
    m = _RATIO.search(t)
    if m is None or re.search(r"\b(?:cases?|reports?|number|arrests?|convictions?|victims?|offen[cs]es)\b", t, re.I):
        return None  # "reports doubled": a count, not a penalty
    what = "fine" if re.search(r"\bfines?\b", t, re.I) and not re.search(r"\b(?:prison|jail|term|sentence|imprisonment)\b", t, re.I) else "prison"
    if what == "prison" and not re.search(r"\b(?:prison|jail|term|sentence|imprisonment|penalt\w*|punishment)\b", t, re.I):
        return None
    return _RATIO_FACTOR[m.group(1).lower()], what


def _criminality(t: str, terms, fines, enacted: bool) -> str:
    """ "no" or "yes" for a sentence saying whether conduct is a crime at all (no figure stated)."""
    if terms or fines or enacted:
        return ""
    m = _NOT_CRIME.search(t)
    if m and not (m.group(0).lower().endswith("punishable") and re.match(r"\s+(?:by|with)\b", t[m.end() :])):
        return "no"  # (not "was not punishable by prison": a statement about the penalty)
    if _IS_CRIME.search(t) and not _NEGATION.search(t):
        return "yes"
    return ""


_CHANGED_TO = re.compile(r"\b(?:reduc|cut|rais|increas|lower|commut|extend|shorten|lengthen|hik|toughen|chang)\w*\b", re.I)
_FIGURE_AT = re.compile(r"\d+(?:\.\d+)?\s*[- ]?(?:years?|yrs?|months?)\b")


def _before_change(t: str, terms: list[TermQty]) -> list[TermQty]:
    out = list(terms)
    for i, (a, b) in enumerate(zip(terms, terms[1:])):
        if a.previous or b.previous or a.start == b.start:
            continue
        m = _FIGURE_AT.match(t, a.start)
        if m is None or not re.fullmatch(r"[^.;]{0,40}?\bto\s+(?:(?:a|an)\s+)?", t[m.end() : b.start]):
            continue
        if _CHANGED_TO.search(t[max(0, a.start - 80) : a.start]):
            out[i] = replace(a, previous=True)
    return out


_UNIT_LEFT_OUT = re.compile(
    r"\b(?:from|between)\s+\d+(?:\.\d+)?\s*(?P<u>years?|months?)\s+(?:to|and)\s+\d+(?:\.\d+)?\b(?!\s*(?:years?|yrs?|months?|%|per\b|[.,]\d|-))",
    re.I,
)
_LAW_NAME = re.compile(r"\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+(?:Act|Code|Law|Directive|Regulation)\b|\b[A-Z]{2,}\s+(?:law|act)\b")
_ENACTED = re.compile(
    r"\b(?:became|become|becomes|was made|were made|has been made)\s+(?:an?\s+)?(?:(?:criminal|separate|specific|standalone|federal)\s+)*(?:offen[cs]e|crime)"
    r"|\bbecame\s+(?:illegal|punishable|unlawful)|\b(?:came|come|comes|coming)\s+into\s+(?:force|effect)|\b(?:took|takes|take)\s+effect"
    r"|\bsigned\s+into\s+law|\bcriminali[sz]ed\b|\bentered\s+into\s+force"
    # "The Take It Down Act was signed on 19 May 2025", "the Act received royal assent in ...".
    r"|\b(?:Act|Law|Directive|Bill|loi)\b(?:\s*,[^,.;]{0,90},)?\s+(?:was|were|has\s+been)\s+(?:signed|promulgated|enacted|published)\b|\breceived\s+royal\s+assent\b",
    re.I,
)


def parse_claim(text: str, index: int = 0, paragraph: int = 0, like: Claim | None = None) -> Claim:
    """Everything checkable in one sentence (or clause). `like`: the first clause of the
    same sentence, whose statute/outcome wording and conduct an elliptical later clause
    shares ("..., while France sets two years")."""
    raw = clean_text(text).strip()
    gloss = french_gloss(raw) or korean_gloss(raw)
    t = normalise_numbers(gloss or raw)
    # "from 10 years to 9": the second figure in the unit of the first.
    t = _UNIT_LEFT_OUT.sub(lambda m: f"{m.group(0)} {m.group('u')}", t)
    outcome = bool(_OUTCOME.search(t)) or bool(like and like.outcome)
    statutory = bool(_STATUTORY.search(t)) or bool(like and like.statutory)
    fines, money_spans = _find_fines(t, statutory, outcome)
    terms = _find_terms(t, statutory, outcome, money_spans)
    if like is not None and like.terms and not terms and not fines:
        # "..., while the US sets five": the bare number takes the first clause's unit.
        terms = _elliptic_term(t, like.terms[0])
    if not terms and not fines and outcome:
        # "Prosecutors said he should serve 10 years; the court gave him eight": the figure
        # set aside (a demand) gives the unit of the bare one after it.
        aside = list(_TERM.finditer(t))
        if aside:
            m0 = aside[-1]
            model = TermQty(_term_of(m0), "exact", m0.group(0), "sentence", m0.start())
            terms = [replace(q, start=q.start + m0.end()) for q in _elliptic_term(t[m0.end() :], model)]
    if not terms and not fines and _LIST_OF_TERMS.search(t):
        # "received long prison terms: Cho Ju-bin (42), Moon Hyeong-wook (34)": a list of
        # sentences in years, not of ages.
        terms = [TermQty(term_from(float(m.group("n")), "years"), "exact", m.group(0), "sentence", m.start("n")) for m in _NAME_PAREN_NUMBER.finditer(t)]
    if terms:
        terms = _bare_qualified(t, terms, money_spans)
        # "raised by two years": the size of the change.
        # ("raised by two years to seven years": the second figure is the new penalty. A court
        # cutting a sentence "by two years" is left alone: that is a case's outcome.)
        if not outcome:
            marked: list[TermQty] = []
            done: set[int] = set()
            for q in terms:
                if q.start in done or q.start - 1 in done:
                    # The other end of "by 2 years to 7 years": the penalty after the change.
                    marked.append(replace(q, previous=False, qualifier="max"))
                elif _DELTA_BEFORE.search(t[max(0, q.start - 120) : q.start]):
                    marked.append(replace(q, delta=True, previous=False, qualifier="exact", kind="penalty"))
                    done.add(q.start)
                else:
                    marked.append(q)
            terms = marked
    if len(terms) > 1:
        # "reduced his combined 45-year term to 42 years", "cut his 10-year sentence to nine":
        # the first figure is the one before the change.
        terms = _before_change(t, terms)
    # An age is not also a term ("20 years old" is excluded by the term grammar already; "Moon
    # (34)" after "Cho Ju-bin (42 years)" is read as a term, so not as an age).
    ages = _find_ages(t, skip={q.start for q in terms})
    statuses = _find_statuses(t)
    places = find_places(raw) or (find_places(gloss) if gloss else [])
    # Names the gloss gives ("박씨" is "Park") count beside the sentence's own.
    names = list(dict.fromkeys(find_names(raw) + (find_names(gloss) if gloss else [])))
    bad_dates: list[str] = []
    dates = tuple(_find_dates(gloss or raw, bad_dates))
    return Claim(
        text=raw,
        index=index,
        paragraph=paragraph,
        places=tuple(places),
        terms=tuple(terms),
        fines=tuple(fines),
        ages=tuple(ages),
        statuses=tuple(statuses),
        names=tuple(names),
        words=tuple(words_of(raw if gloss is None else f"{raw} {gloss}")),
        conduct=conduct_of(gloss or raw) or (like.conduct if like else frozenset()),
        context_words=_shared_subject(like) if like else (),
        minor=mentions_minor(gloss or raw),
        outcome=outcome,
        statutory=statutory,
        dates=dates,
        bad_dates=tuple(bad_dates),
        no_prison=bool(_NO_PRISON.search(t)),
        # "X became a criminal offence in England and Wales in February 2026": checkable when it
        # says what and when (a conduct or a place, and a date).
        enacted=bool(_ENACTED.search(t) and dates and (places or conduct_of(gloss or raw) or _LAW_NAME.search(raw))),
        transposition=bool(dates and _TRANSPOSITION.search(gloss or raw)),
        ratio=_ratio(gloss or raw) if (places or conduct_of(gloss or raw)) else None,
        criminal=_criminality(t, terms, fines, bool(_ENACTED.search(t) and dates)) if (places or conduct_of(gloss or raw)) else "",
        gloss=" ".join(gloss.split()) if gloss else "",
    )


# Where a sentence turns to another claim: "; ...", "while/whereas ...", ", but ...", ", and in
# France ...", and a later event ("arrested in March 2020 and later sentenced to ..."), whose
# date is not the first event's.
_NUMBER_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)"
_CLAUSE_BREAK = re.compile(
    r"\s*;\s*|,?\s+(?:while|whereas)\s+|,\s+but\s+|,\s+and\s+(?=in\s+[A-Z])|,?\s+and\s+(?=(?:was\s+|were\s+|is\s+)?(?:later|then|subsequently|afterwards|eventually)\b)"
    r"|,\s+and\s+(?=[a-z]+ing\b)"  # ", and coercing them at least five": another conduct
    # ", and that November a court ...", ", and four days later ...": another event, its own date.
    r"|,\s+and\s+(?=(?:that|the\s+following|the\s+next|the\s+same)\s+(?:day|week|month|year|january|february|march|april|may|june|july|august|september|october|november|december)\b|(?:\w+\s+){1,2}(?:later|afterwards)\b)"
    # A second figure for another case of the same conduct: ", rising to 15 if ...",
    # ", or two years if ...", ", and of a minor up to ten", "... seven years but possessing them three".
    r"|,\s+(?=(?:rising|increasing|going\s+up|climbing|jumping)\s+to\b)"
    rf"|,?\s+or\s+(?=(?:up\s+to\s+|as\s+much\s+as\s+)?(?:\d+(?:\.\d+)?|{_NUMBER_WORD}|life)\b[^,;.]{{0,40}}?\b(?:if|when|where|for|in\s+cases?)\b)"
    r"|,\s+and\s+(?=(?:of|for|against|where|if|when|involving)\s+)"
    # "... up to two years when the victim is an adult and up to three years when ...".
    rf"|\s+and\s+(?=(?:up\s+to\s+|at\s+least\s+|as\s+much\s+as\s+)?(?:\d+(?:\.\d+)?|{_NUMBER_WORD}|life)\s+(?:years?|months?)?\s*(?:in\s+prison\s+|of\s+imprisonment\s+)?(?:if|when|where|for)\b)"
    r"|,?\s+but\s+(?=[a-z]+ing\b)",
    re.I,
)


def split_clauses(sentence: str) -> list[str]:
    """A sentence cut where it turns to a separate claim ("..., while the UK ...", "; ...").

    Returns the sentence whole unless every part states something checkable.
    """
    parts = [p.strip(" ,") for p in _CLAUSE_BREAK.split(sentence) if p and p.strip(" ,")]
    if len(parts) < 2:
        return [sentence]
    first = parse_claim(parts[0])
    # A later clause shares the first one's wording ("...; in 2019 it was two years").
    if not first.checkable or not all(parse_claim(p, like=first).checkable for p in parts[1:]):
        return [sentence]
    return [p if p.endswith((".", "!", "?")) else p + "." for p in parts[:-1]] + [parts[-1]]


def _shared_subject(like: Claim) -> tuple[str, ...]:
    """The words of a sentence's first clause that say what is compared (not where, not how
    much), for a later clause that leaves them out."""
    place_words = {w.lower() for p in like.places for w in p.text.split()}
    return tuple(w for w in like.words if w.lower() not in place_words and not any(c.isdigit() for c in w))


_CONNECTOR = re.compile(r"\s*[,;]\s*(?:(?:while|whereas|and|but)\s+)?|\s+(?:while|whereas|and|but)\s+", re.I)


def split_places(sentence: str) -> list[str]:
    """A sentence comparing jurisdictions cut between them, each part one place with its
    figures: "South Korea punishes X with up to seven years, while France sets two years"
    and "X carries two years in France and six years in Australia". The sentence whole
    unless every part has a figure."""
    rx, table = _place_regex()
    text = clean_text(sentence)
    mentions = [(m.start("p"), m.end("p"), table[m.group("p")][0]) for m in rx.finditer(text) if not table[m.group("p")][1]]
    if len({c for _, _, c in mentions}) < 2:
        return [sentence]
    whole = parse_claim(text)

    def figures(part: str) -> bool:
        c = parse_claim(part, like=whole)
        return bool(c.terms or c.fines)

    cuts: list[tuple[int, int]] = []
    prev = 0
    for (a0, a1, ca), (b0, b1, cb) in zip(mentions, mentions[1:]):
        if ca == cb:
            continue
        nxt = next((m0 for m0, _, c in mentions if m0 > b0 and c != cb), len(text))
        for m in reversed(list(_CONNECTOR.finditer(text, a1, b0))):
            if figures(text[prev : m.start()]) and figures(text[m.end() : nxt]):
                cuts.append((m.start(), m.end()))
                prev = m.end()
                break
    if not cuts:
        return [sentence]
    parts, prev = [], 0
    for a, b in cuts:
        parts.append(text[prev:a].strip(" ,;"))
        prev = b
    parts.append(text[prev:].strip(" ,;"))
    return [p if p.endswith((".", "!", "?")) else p + "." for p in parts[:-1]] + [parts[-1]]


def extract_claims(text: str) -> list[Claim]:
    """Every sentence (or separate clause) of `text` parsed, in order.

    Check `.checkable` to keep the claims; the others still name cases and places that
    later sentences refer to.
    """
    out: list[Claim] = []

    for p, para in enumerate(split_paragraphs(text)):
        model: TermQty | None = None  # the paragraph's last term, for "... carries five."
        for s in (piece for whole in split_sentences(para) for piece in _bounded(whole)):
            parts = split_clauses(s)
            # A comparison of places is cut at each place, which may be finer than clauses.
            by_place = len(split := split_places(s)) > 1 and len(split) >= len(parts)
            if by_place:
                parts = split
            earlier: list[str] = []
            first: Claim | None = None
            for part in parts:
                c = parse_claim(part, len(out), p, like=first)
                if not c.checkable and model is not None and (c.statutory or c.outcome) and not _UNIT_WORD.search(c.english):
                    # "Possessing them carries five.": the unit of the figure before.
                    c = replace(c, terms=tuple(_elliptic_term(normalise_numbers(c.english), model)))
                model = c.terms[-1] if c.terms else model
                first = first or c
                if earlier and not by_place:
                    c = replace(c, context_words=tuple(earlier))
                out.append(c)
                # What later clauses may refer back to ("them"): subjects, not conduct.
                earlier += [w for w in c.words if not conduct_of(w)]
    return out
