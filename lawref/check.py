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

The work is shared out: :mod:`lawref.verdicts` holds the verdicts, findings and report;
:mod:`lawref.check_statute` compares a claim with offence records, :mod:`lawref.check_case`
with case records; this module reads what each claim is about and which records it names
(:class:`Checker`), runs the check (:func:`check_text`), and re-exports the verdict names.

This module imports neither typer nor rich.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field, replace

from .check_case import (
    AT_THE_TIME_YEARS, _CRIMINAL_WORDS, _LEVEL_ORDER, _case_age, _case_bail, _case_fine, _case_keys, _case_sentence, _case_status,
    _claimed_city, _claimed_judge, _claimed_level, _claimed_venue, _court_finding, _custody_wording, _date_finding, _explicit_charge,
    _figure_patterns_money, _figure_patterns_term, _for_defendant, _from_summary, _has_status, _mentions, _norm_tokens, _own_proceedings,
    _proc_words, _sentence_total, _term_matches_proc,
)
from .check_statute import (
    SAME_AMOUNT, _CHILD_TAG, _CONDUCT_TAGS, _STOPWORDS, _Rates, _alternatives_context, _as_record_dollar, _assess_penalty, _assess_previous,
    _change_date_finding, _claim_subjects, _content, _conversion_finding, _covers, _directive_numbers, _fine_match, _hits_one, _label,
    _law_event_finding, _names_law, _offence_keys, _offence_score, _penalty_context, _penalty_text, _penalty_words_of, _prison_match,
    _state_of, _prison_words, _fine_words, _assess_delta, _assess_ratio, _concepts, _LAW_MADE,
)
from .claims import Claim, FineQty, TermQty, conduct_of, extract_claims
from .errors import UsageError
from .model import Aggravated, Case, Offence
from .verdicts import DEFAULT_TOLERANCE, RATING_SCALE, ClaimResult, Finding, Report, Verdict, source_json, worst
from .verdicts import _d, _first_sentence, _jname, _seq_in, _since_then

# The public names, the verdict model's (lawref.verdicts) and the tuning constants' included,
# as when they were all defined here.
__all__ = [
    "AT_THE_TIME_YEARS", "DEFAULT_TOLERANCE", "RATING_SCALE", "SAME_AMOUNT",
    "Checker", "ClaimResult", "Finding", "Report", "Verdict", "check_text", "source_json", "worst",
]  # fmt: skip


# --------------------------------------------------------------------------- reading claims


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
    text = claim.english
    verbs = [m.group(0).lower() for m in _CHANGE_VERB.finditer(text)]
    if verbs and all(v.startswith("introduc") for v in verbs) and _PAST_STATE.search(text):
        # "The offence introduced in 2015 was punishable by two years": the law as it then stood.
        return False
    return bool(verbs and claim.dates) and not any(d.relation in ("before", "until") for d in claim.dates)


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


def _future_date(claim: Claim, day: _dt.date):
    """The one date a claim gives when it lies wholly after `day` ("in 2099"), else None."""
    dates = [d for d in claim.dates if not d.law_event]
    if len(dates) == 1 and dates[0].first > day and dates[0].relation in ("in", "since", "after"):
        return dates[0]
    return None


def _stated_event_day(claim: Claim, day: _dt.date) -> _dt.date:
    """The one day a past event claim speaks of (see `_stated_days`)."""
    days, _ = _stated_days(claim, day)
    return days[0]


_ANAPHOR = re.compile(r"\b(?:them|they|these|those|it|such\s+(?:images?|videos?|material|content|fakes?|(?:an?\s+)?(?:image|video|offen[cs]e|crime)))\b|\b\w+ing\s+(?:one|ones)\b", re.I)
# A sentence about "the penalty" of what the paragraph spoke of: "The maximum is now seven years".
_PENALTY_SUBJECT = re.compile(r"^\W*(?:\w+\s+){0,3}?(?:the\s+)?(?:penalt(?:y|ies)|maximum|minimum|sentences?|punishment|fines?|peines?)\b", re.I)
_ADULT_VICTIMS = re.compile(r"\b(?:of|against|depicting|showing|targeting|victimi[sz]ing)\s+(?:\w+\s+){0,2}?(?:adults?|(?:adult\s+)?women|(?:adult\s+)?men)\b", re.I)


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
# The nouns a news sentence describes a defendant by ("the billionaire", "a Bolton man").
_PERSON_NOUNS = (
    "defendant|accused|suspect|offender|convict|ringleader|mastermind|billionaire|businessman|businesswoman|founder|entrepreneur|"
    "executive|psychiatrist|doctor|teacher|student|graduate|teenager|soldier|pastor|father|mother|person|man|woman"
)
_DESCRIBED = re.compile(
    r"^\W*The\s+(?:[\w'-]+\s+){0,3}?[a-z][\w'-]+\s*,\s*\d{1,2}\s*,"
    rf"|^\W*The\s+(?:[\w'-]+\s+){{0,2}}?(?:{_PERSON_NOUNS})\b"
)
# An associate of the named defendant is another person: "Cho Ju-bin's accomplice Kang Hoon",
# "Kang Hoon, Cho Ju-bin's right-hand man".
_ASSOCIATE_WORDS = r"(?:accomplices?|co-?defendants?|associates?|partners?|right-hand\s+man|deputy|aides?|assistants?|henchm[ae]n|collaborators?|co-?conspirators?|lieutenants?|sidekick)"
_ASSOCIATE = re.compile(
    rf"^\W*[A-Z][\w'-]+(?:[- ][A-Z][\w'-]+)*['’]s\s+(?:[\w-]+\s+){{0,3}}?{_ASSOCIATE_WORDS}\s*,?\s+(?P<who>[A-Z][a-z]+(?:-[a-z]+|[- ][A-Z][a-z]+)+)"
    rf"|^\W*(?P<who2>[A-Z][a-z]+(?:-[a-z]+|[- ][A-Z][a-z]+)+)\s*,\s*(?:[\w-]+\s+){{0,1}}?[A-Z][\w'-]+(?:[- ][A-Z][\w'-]+)*['’]s\s+(?:[\w-]+\s+){{0,3}}?{_ASSOCIATE_WORDS}\b"
)
# "A Bolton man", "A 27-year-old former student", "An Australian man": a person the lead
# describes and the next sentence names.
_INDEFINITE_PERSON = re.compile(rf"^\W*An?\s+(?:[\w'-]+\s+){{0,4}}?(?:{_PERSON_NOUNS})\b", re.I)
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
        if len(strong) > 1 and (m := _ASSOCIATE.search(claim.text)) is not None:
            # "Moon Hyeong-wook's accomplice Cho Ju-bin received ...": the claim is about Cho.
            who = _norm_tokens(m.group("who") or m.group("who2") or "")
            mine = [c for c in strong if who and set(who) <= set(_norm_tokens(c.defendant.name))]
            if len(mine) == 1:
                return mine[0], "name", []
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
        if lead is not None and all(n in lead.group(0) for n in claim.names) and (claim.statuses or claim.ages or claim.outcome) and self._describes(lead.group(0), self.upcoming):
            # "A Bolton man has been jailed for 18 years. Hugh Nelson, 27, ...": news leads
            # name the person in the next sentence.
            return self.upcoming, "named in the next sentence", []
        return None, "", []

    def _describes(self, description: str, case: Case) -> bool:
        """False when a lead's description ("A Charlotte child psychiatrist") has a word the
        case's record lacks but another case's record has: it describes someone else."""
        def words(c: Case) -> set[str]:
            text = " ".join([c.summary or "", c.defendant.name, *(f"{p.court} {p.description or ''}" for p in c.proceedings)])
            return set(_norm_tokens(text))

        plain = [w for w in re.findall(r"[^\W\d_]+", description.lower()) if len(w) > 3 and w not in {"year", "years", "old", "former", "person", "woman", "young"}]
        desc = {t for w in plain for t in _norm_tokens(w)}
        mine = words(case)
        missing = desc - mine
        return not missing or not any(missing & words(c) for c in self.cat.cases if c is not case)

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
        each = self._respectively(claim, [at for at, _ in found])
        if each is not None:
            if case is not None and case not in self.mentioned_cases:
                self.mentioned_cases.append(case)
            return each
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

    def _respectively(self, claim: Claim, spans: list[tuple[int, int]]) -> list[Claim] | None:
        """ "Cho Ju-bin and Moon Hyeong-wook were sentenced to 42 and 34 years respectively": one
        claim per defendant with its own figure and what follows "respectively"."""
        from .claims import parse_claim

        text = claim.text
        m = re.search(r"\brespectively\b", text, re.I)
        terms = _respective_terms(claim, len(spans)) if m else None
        if not terms or spans[-1][1] > m.start():
            return None
        verb = re.search(r"\b(sentenced\s+to|jailed\s+for|given|handed)\b", text[spans[-1][1] : m.start()], re.I)
        said = verb.group(1) if verb else "sentenced to"  # ("received", "got": reads as a sentence too)
        tail = text[m.end() :].strip(" ,")
        parts = [parse_claim(f"{text[a:b]} was {said} {q.text}" + (f" {tail}" if tail and tail not in ".!?" else "."), claim.index, claim.paragraph) for (a, b), q in zip(spans, terms)]
        return parts if all(p.checkable for p in parts) else None

    def _coordinated(self, claim: Claim, spans: list[tuple[int, int]]) -> list[Claim] | None:
        """ "Both Cho Ju-bin and Moon Hyeong-wook were convicted", "Neither X nor Y was
        acquitted": one claim per defendant with the shared predicate (negated after
        "neither"); None when the names are not a coordinated subject."""
        from .claims import parse_claim

        text = claim.text
        lead = text[: spans[0][0]].strip()
        if not re.fullmatch(r"(?:both|neither|either)?", lead, re.I) or re.search(r"\brespectively\b", text, re.I):
            return None  # ("42 and 34 years respectively": one figure each, split elsewhere)
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
            # The case's own offences first: "Durov faces up to 10 years"; and firmly so when
            # the claim tells of the charge or conviction ("was charged with producing ..., which
            # carries ..."): the figure is that of the offence the record says it was.
            bonus = 10.0 if claim.statuses else 3.0
            scored = [(s + (bonus if o.id in case.offences else 0.0), o) for s, o in scored]
            own = [o for o in pool if o.id in case.offences and all(o is not x for _, x in scored)]
            scored += [(1.0, o) for o in own]
        # Prefer exact-jurisdiction records over sub-divisions.
        scored = [(s + (0.5 if o.jurisdiction in codes else 0.0), o) for s, o in scored]
        scored.sort(key=lambda so: (-so[0], so[1].id))
        return scored

    def _matches_any(self, off: Offence, claim: Claim, day: _dt.date) -> tuple[int, int, int]:
        """How many of the claim's figures `off` matches: (in force on `day`, counting
        variants), (base penalty in force on `day`), (any version)."""
        terms = [q for q in claim.terms if q.kind != "sentence" and not q.previous and not q.delta]
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

    def _aggravated_form_unnamed(self, x: Offence, base: Offence, claim: Claim, day: _dt.date) -> bool:
        """True when `x` is a separate record for an aggravated form of `base` (one of base's
        aggravated variants cites x's article: AU s 474.17AA for s 474.17A) and the claim
        names none of those variants' circumstances."""
        from .penalty import cites_article as _cites

        v = base.in_force(day) or (base.penalties[-1] if base.penalties else None)
        forms = [a for a in (v.aggravated if v else ()) if x.jurisdiction == base.jurisdiction and _cites(a.label, x.article)]
        if not forms:
            return False
        said = _concepts(claim.english)
        own = _offence_keys(base, self._okeys).conduct
        return not any(said & _concepts(a.label) or (conduct_of(a.label) & (claim.conduct - own)) for a in forms)

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
        if not statutory and not ((claim.no_prison or claim.enacted or claim.criminal or claim.ratio) and r.case is None):
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
        # Among offences that describe the claim about as well, the one whose figures match:
        # of those covering as much of the claim's conduct ("threatening to share" is the
        # threat offence, not the sharing one), and not a separate record for an aggravated
        # form of another when the claim does not name what aggravates it.
        tier = [(s, o) for s, o in cands if s >= top - 2.0]
        if claim.conduct and len(tier) > 1:
            cover = {o.id: len(claim.conduct & _offence_keys(o, self._okeys).conduct) for _, o in tier}
            most = max(cover.values())
            tier = [(s, o) for s, o in tier if cover[o.id] == most]
        if len(tier) > 1:
            # ... and whose title uses the claim's own verb, when one does ("threatening" is
            # the threat offence, not the coercion one, whatever the figure).
            stems = {w[:5] for w in claim.words}
            verb = {o.id: len(_offence_keys(o, self._okeys).verbs & stems) for _, o in tier}
            tier = [(s, o) for s, o in tier if verb[o.id] == max(verb.values())]
        if len(tier) > 1:
            plain = [(s, o) for s, o in tier if not any(self._aggravated_form_unnamed(o, b, claim, day) for _, b in tier if b is not o)]
            tier = plain or tier
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
                court = _court_finding(case, level, now_terms, day, [d for d in claim.dates if not d.aside])
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
        change = any(q.previous for q in [*stat_terms, *stat_fines]) or _dates_a_change(claim)
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
        if claim.ratio and r.case is None and r.offence is not None:
            # "doubled the maximum prison term": the change in force on the claim's date.
            out.append(_assess_ratio(r.offence, _stated_event_day(claim, day), *claim.ratio))
        if claim.criminal and r.case is None and not (stat_terms or stat_fines):
            made = bool(_LAW_MADE.search(claim.english))
            # (A date of the law's making dates the law, not the state of the conduct.)
            out.append(self._criminality(replace(claim, dates=()) if made else claim, r, day))
            if r.offence is not None and made:
                # "lawmakers passed the ban ... in November 2024": the law's own date too.
                out += [_law_event_finding(r.offence, d, claim.english, created=True) for d in claim.dates if not d.aside]
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
        """The name the claim opens with, when it is a person the case record does not know;
        or the associate a claim is about ("Cho Ju-bin's accomplice Kang Hoon was ...", "Kang
        Hoon, Cho Ju-bin's right-hand man, ...")."""
        m = _ASSOCIATE.search(claim.text)
        if m is not None:
            who = m.group("who") or m.group("who2")
            own = set(_norm_tokens(case.defendant.name))
            if who and not set(_norm_tokens(who)) <= own:
                return who
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
            if q.delta:
                out.append(_assess_delta(off, day, q))  # "raised by two years"
                continue
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
            if q.previous:
                # "rose from 50 million won to ...": the amount before the change.
                out.append(_assess_previous(off, day, "fine", q.words(), lambda x, q=q: bool(_fine_match(x.fine, replace(q, qualifier="max"), day, self.rates, self.tol)[0]), lambda x: _fine_words(x.fine)))
                continue

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
        want = len([q for q in claim.terms if q.kind != "sentence" and not q.previous and not q.delta]) + len([q for q in claim.fines if q.kind != "sentence"])
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
