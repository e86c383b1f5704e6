"""Checking claims against case records, for :mod:`lawref.check`: sentences, fines and bail,
ages, statuses ("charged", "convicted", "upheld"), court levels, and the venue, city, facility
and judge a claim names; and how a claim names a case and which of its defendants.

This module imports neither typer nor rich.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, replace

from .check_statute import _fine_match, _Rates
from .claims import BAIL_WORDS, Claim, FineQty, TermQty, words_of
from .model import APPELLATE as _APPELLATE
from .model import Case, Fine, Proceeding, Term
from .verdicts import Finding, Verdict, _amount, _d, _first_sentence, _jname, _seq_in, _term_words

AT_THE_TIME_YEARS = 1  # "at the time" = up to a year before the first proceeding (arrest/charge)


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


# Wording that puts the figure in prison ("jailed for 24 years", "will spend 24 years behind
# bars"), as against the sentence's length ("sentenced to 24 years").
_CUSTODY_WORDS = re.compile(
    r"\b(?:jailed|imprisoned|locked\s+up|incarcerated|put\s+away|serv(?:e|es|ed|ing)|spend(?:s|ing)?|spent)\b[^.;,]{0,25}$"
    r"|^[^.;,]{0,25}\b(?:behind\s+bars|in\s+custody)\b",
    re.I,
)


def _custody_wording(text: str, q: TermQty) -> bool:
    """True when the claim says the term is time in prison, not the sentence's length
    ("jailed for 24 years", "handed 24 years in jail"; not "sentenced to 24 years in prison")."""
    at = text.find(q.text, max(0, q.start - len(q.text)))
    at = q.start if at < 0 else at
    before, after = text[max(0, at - 40) : at], text[at + len(q.text) : at + len(q.text) + 40]
    if _CUSTODY_WORDS.search(before) or _CUSTODY_WORDS.search(after):
        return True
    return bool(re.match(r"^[^.;,]{0,12}\bin\s+(?:jail|prison|gaol)\b", after, re.I)) and not re.search(r"\bsentenc\w*\b[^.;]*$", before, re.I)


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
        # "his combined 45-year term": the separate sentences standing together before a ruling.
        for p in [x for x in case.proceedings if x.sentence and x.date <= day]:
            before, _ = case.standing(p.date - _dt.timedelta(days=1))
            parts = [x for x in before if _sentence_total(x) and not _sentence_total(x).life and getattr(x, "defendant", None) == getattr(p, "defendant", None)]
            if len(parts) > 1 and Term(months=sum(_sentence_total(x).months for x in parts)) == q.term:
                said = "; ".join(_proc_words(x) for x in parts)
                expl = f"Matches the combined sentences standing before {_d(p.date)}: {said}, replaced by {_proc_words(p)}."
                return Finding("sentence", Verdict.ACCURATE, found, _term_words(q.term), expl, case.id, [s for x in parts for s in x.sources] + list(p.sources), ctx)
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


def _court_finding(case: Case, level: str, terms: list[TermQty], day: _dt.date, dates=()) -> Finding:
    """Whether a court at the level the claim names gave the sentence it states. `dates`: the
    dates the claim gives (a ruling at another level on that date gave the figure: wrong court)."""
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
        other = next((p for p in reversed(mine) if p.sentence and p.level != level for q in terms if _term_matches_proc(p, q.term)), None)
        if other is not None and any(d.first <= other.date <= d.last for d in dates):
            # The figure came from another court, and no ruling at the level named had been made.
            expl = f"{said.capitalize()} came from the {other.level} ruling ({_proc_words(other)}); no {_LEVEL_NAMES[level]} ruling is recorded by {_d(day)}."
            return Finding("court", Verdict.INACCURATE, found, _proc_words(other), expl, case.id, list(other.sources))
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
_FACILITY_FR = re.compile(r"\b(?P<f>aéroport)\s+(?:d['’]|de\s+|du\s+|de\s+la\s+)?(?P<p>[A-Z][\wÀ-ɏ'-]+(?:[- ](?:de\s+)?[A-Z][\wÀ-ɏ'-]+){0,3})")


def _facilities_in(text: str, kind: str) -> list[str]:
    """The names of the facilities of `kind` a record's text gives, each with the words just
    around it ("Le Bourget airport, near Paris")."""
    out = []
    for m in re.finditer(rf"((?:[A-Z][\wÀ-ɏ'-]*[\s-]+){{1,4}}){kind}\b", text, re.I):
        if m.group(1).strip()[:1].isupper():
            out.append(text[m.start() : m.end() + 20])
    return out


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
    for m in list(_FACILITY.finditer(text)) + list(_FACILITY_FR.finditer(text)):
        # A facility the record names one of its own kind for ("Le Bourget airport"): another
        # is wrong; one of a kind it does not name cannot be checked. The names compared are
        # the record's facilities, not any word of it ("arrived from Baku" names no airport).
        words = [w for w in m.group("p").split() if w.lower() not in ("de", "du", "des", "la", "le", "of", "d'")]
        kind = m.group("f").lower().replace("aéroport", "airport")
        recorded = [r for p in (events or case.proceedings) for r in _facilities_in(f"{p.court} {p.description or ''}", kind)]
        said = {t for w in words for t in _norm_tokens(w)}
        # The record's facility, or its name with the city given beside it ("Le Bourget airport,
        # near Paris": "Paris-Le Bourget", "a Paris airport").
        if any(said <= set(_norm_tokens(r)) for r in recorded) or (
            not recorded and all(t in known for t in said)
        ):
            continue
        place = f"{m.group('p')} {kind}"
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
_JUDGE = re.compile(r"\b(?i:judges?|justices?|recorder|magistrate)\s+(?!(?:Department|Ministry|Minister|Secretary|Committee|System|Act|Select|Reform|Council|Office|Board|Centre|Center|Commission|Court|Division)\b)(?P<n>(?:[A-Z]\.\s+|[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+)")


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
        if any(toks and toks <= _judge_tokens(k) for k in known):  # every name part the claim gives
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


_BAIL_ORDER = re.compile(rf"\b(?:{BAIL_WORDS})\b", re.I)


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
        # Cite the latest proceeding by then; before the first one, the first (which came later).
        cited = latest or (later if later is not None else (min(case.proceedings, key=lambda p: p.date) if case.proceedings else None))
        expl = f"No proceeding shows {name} {s.status} as of {_d(day)}" + (
            f"; latest: {_proc_words(latest)}." if latest else (f"; the record's first proceeding is of {_d(cited.date)}." if cited else ".")
        )
        return Finding("status", Verdict.ACCURATE, found, f"not {s.status}", expl, case.id, list(cited.sources) if cited else [], ctx)
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
