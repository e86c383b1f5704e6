"""Side-by-side comparison of offences across jurisdictions, as the law stood on a date.

:func:`compare` resolves a topic (a tag, else a search) or a list of ids to offences, picks
the penalty version in force on the as-of date, converts each maximum fine to one currency
at the dated ECB reference rate (:mod:`lawref.money`), and returns a :class:`Comparison` of
:class:`Row` values: one per offence, plus one per aggravated variant (unless another row is
that variant: :func:`fold_variants`), plus a "no specific offence before ..." row for an
offence not yet in force. Cases citing a compared offence
become :class:`Notable` sentences, kept apart from the statutory ranges.

Nothing here prints or imports typer/rich; :mod:`lawref.commands.compare` formats.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from .dates import future_note
from .errors import NoMatch, UsageError
from .jurisdictions import applies_in
from .model import UNLIMITED, Combine, Fine, Offence, PenaltyVersion, Prison, Source, Status, Term
from .money import Conversion, NoConversion, RateTable, convert_fine
from .penalty import cites_article as _cites
from .penalty import penalty_since, ruling_words

BASIS = "Statutory maximum and minimum penalties as written in the law, not typical sentences."
SORTS = ("jurisdiction", "prison", "fine")

# Row status values (stable: they appear in --json).
IN_FORCE = "in-force"
NOT_YET = "not-yet-in-force"
ENDED = "no-longer-in-force"
NOT_RECORDED = "not-recorded"  # before the first recorded version of an offence that may be older


@dataclass(frozen=True)
class Row:
    """One line of the comparison: an offence as of a date, or one aggravated variant of it."""

    id: str
    jurisdiction: str
    instrument: str
    article: str
    citation: str
    conduct: str
    status: str
    variant: str | None = None
    prison_max: Term | None = None
    prison_min: Term | None = None
    prison_max_basis: str | None = None
    fine: Fine | None = None
    converted: Conversion | NoConversion | None = None
    combine: Combine | None = None
    in_force_from: _dt.date | None = None
    in_force_until: _dt.date | None = None
    # When the penalty shown took these figures: earlier than in_force_from when the versions
    # before it, back to then, changed only the wording or another variant.
    penalty_since: _dt.date | None = None
    minimum_standard: bool = False
    transposition_deadline: _dt.date | None = None
    unverified: bool = False
    note: str | None = None
    status_text: str | None = None
    sources: tuple[Source, ...] = ()
    # An offence that is another row's aggravated form ("s 474.17AA" for s 474.17A): that
    # row's id and the circumstances of its variants folded into this row (see fold_variants).
    aggravates: str | None = None
    circumstances: tuple[str, ...] = ()

    @property
    def is_variant(self) -> bool:
        return self.variant is not None

    @property
    def label(self) -> str | None:
        """`EU minimum standard (transposition by 2027-06-14)` for minimum-standard records."""
        if not self.minimum_standard:
            return None
        by = f" (transposition by {self.transposition_deadline.isoformat()})" if self.transposition_deadline else ""
        return f"{self.jurisdiction} minimum standard{by}"

    def fine_max_json(self):
        if self.fine is None or self.fine.max is None:
            return None
        if self.fine.max == UNLIMITED:
            return UNLIMITED
        return {"amount": self.fine.max, "currency": self.fine.currency}

    def json(self) -> dict:
        conv = self.converted
        return {
            "id": self.id,
            "variant": self.variant,
            "jurisdiction": self.jurisdiction,
            "instrument": self.instrument,
            "article": self.article,
            "conduct": self.conduct,
            "status": self.status,
            "status_text": self.status_text,
            "prison_max_months": self.prison_max.json() if self.prison_max else None,
            "prison_min_months": self.prison_min.json() if self.prison_min else None,
            "prison_max_basis": self.prison_max_basis,
            "combine": self.combine.value if self.combine else None,
            "fine_max": self.fine_max_json(),
            "fine_converted": conv.json() if isinstance(conv, Conversion) else None,
            "conversion_note": (conv.reason if isinstance(conv, NoConversion) else conv.note if conv else None),
            "in_force_from": self.in_force_from.isoformat() if self.in_force_from else None,
            "in_force_until": self.in_force_until.isoformat() if self.in_force_until else None,
            "penalty_since": self.penalty_since.isoformat() if self.penalty_since else None,
            "minimum_standard": self.minimum_standard,
            "transposition_deadline": self.transposition_deadline.isoformat() if self.transposition_deadline else None,
            "unverified": self.unverified,
            "note": self.note,
            "aggravates": self.aggravates,
            "circumstances": list(self.circumstances),
            "sources": [_source_json(s) for s in self.sources],
        }


@dataclass(frozen=True)
class DefendantSentence:
    """One defendant's latest sentence in a case, with the court, date and finality of the
    ruling that imposed it."""

    defendant: str | None  # None when the case names no defendant per proceeding
    sentence: str  # in words (a civil proceeding's amount is "a civil penalty of ...")
    date: _dt.date
    court: str
    final: bool
    civil: bool = False
    unverified: bool = False
    show_name: bool = False  # name the defendant when the case has several, or another one

    @property
    def words(self) -> str:
        """`Park (accomplice): 4 years 6 months' imprisonment`, or only the sentence."""
        return f"{self.defendant}: {self.sentence}" if self.defendant and self.show_name else self.sentence

    def json(self) -> dict:
        return {
            "defendant": self.defendant,
            "sentence": self.sentence,
            "date": self.date.isoformat(),
            "court": self.court,
            "final": self.final,
            "civil": self.civil,
            "unverified": self.unverified,
        }


def defendant_sentences(case, day: _dt.date) -> tuple[DefendantSentence, ...]:
    """Each defendant's latest sentence in `case` on or before `day`, in date order."""
    from .penalty import is_civil

    ps = case.latest_sentences(day)
    several = len(ps) > 1
    return tuple(
        DefendantSentence(
            defendant=p.defendant,
            sentence=ruling_words(p),
            date=p.date,
            court=p.court,
            final=p.final,
            civil=is_civil(p),
            unverified=p.unverified,
            show_name=several or (p.defendant is not None and p.defendant != case.defendant.name),
        )
        for p in ps
    )


def by_ruling(sentences: Sequence[DefendantSentence]) -> list[list[DefendantSentence]]:
    """`sentences` grouped by the ruling that imposed them (same date and court), in date
    order: co-defendants sentenced together are one group."""
    groups: dict[tuple, list[DefendantSentence]] = {}
    for s in sentences:
        groups.setdefault((s.date, s.court), []).append(s)
    return sorted(groups.values(), key=lambda g: g[0].date)


@dataclass(frozen=True)
class Notable:
    """A case citing a compared offence, with each defendant's latest sentence on or before
    the as-of date (`sentences`); `date`, `court` are those of the latest of those rulings,
    `final` whether every one of them is final."""

    case_id: str
    jurisdiction: str
    title: str
    offences: tuple[str, ...]
    date: _dt.date
    court: str
    sentence: str
    final: bool
    unverified: bool = False
    sources: tuple[Source, ...] = ()
    sentences: tuple[DefendantSentence, ...] = ()

    def json(self) -> dict:
        return {
            "case": self.case_id,
            "jurisdiction": self.jurisdiction,
            "title": self.title,
            "offences": list(self.offences),
            "date": self.date.isoformat(),
            "court": self.court,
            "sentence": self.sentence,
            "final": self.final,
            "unverified": self.unverified,
            "sentences": [s.json() for s in self.sentences],
            "sources": [_source_json(s) for s in self.sources],
        }


@dataclass
class Comparison:
    """The result of :func:`compare`."""

    query: tuple[str, ...]
    matched_by: str  # "ids", "tag" or "search"
    as_of: _dt.date
    currency: str
    rows: list[Row] = field(default_factory=list)
    notable: list[Notable] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    tag: str | None = None
    jurisdictions: frozenset[str] | None = None  # the filter applied: -j, or places named in the topic
    remarks: list[str] = field(default_factory=list)  # how the topic was read, for stderr

    def json(self) -> dict:
        return {
            "query": " ".join(self.query),
            "matched_by": self.matched_by,
            "tag": self.tag,
            "as_of": self.as_of.isoformat(),
            "currency": self.currency,
            "basis": BASIS,
            "rows": [r.json() for r in self.rows],
            "notable_sentences": [n.json() for n in self.notable],
            "notes": self.notes,
        }


def _source_json(s: Source) -> dict:
    return {
        "url": s.url,
        "title": s.title,
        "publisher": s.publisher,
        "kind": s.kind.value,
        "accessed": s.accessed.isoformat(),
    }


# --------------------------------------------------------------------------- topic resolution


def _norm_tag(text: str) -> str:
    return re.sub(r"[\s_]+", "-", text.strip().lower())


def _looks_like_id(text: str) -> bool:
    return "/" in text


def match_tag(records: Iterable, topic: str) -> tuple[str | None, list]:
    """The records carrying the tag `topic` (also tried without a plural `s`)."""
    records = list(records)
    want = _norm_tag(topic)
    tags = {t for r in records for t in r.tags}
    for cand in (want, want[:-1] if want.endswith("s") else None):
        if cand and cand in tags:
            return cand, [r for r in records if cand in r.tags]
    return None, []


def _fallback_search(offences: Sequence[Offence], phrase: str) -> list[Offence]:
    """Offences whose id, title, aliases, tags or instrument contain every word of `phrase`."""
    words = [w for w in re.split(r"\W+", phrase.casefold()) if w]
    if not words:
        return []
    out = []
    for o in offences:
        hay = " ".join([o.id, o.title, o.offence, o.native_offence or "", o.instrument.title, o.instrument.short or "", " ".join(o.aliases), " ".join(o.tags)]).casefold()
        if all(w in hay for w in words):
            out.append(o)
    return out


def near_tag(records: Iterable, phrase: str) -> tuple[str | None, list]:
    """The tag a phrase nearly names, and the records carrying it: every word of the phrase
    (filler words aside, plurals made singular) starts a word of the tag, at least half of
    that word, and the phrase names at least half of the tag's words ("intimate images" ->
    intimate-image-abuse, "child abuse material" -> child-sexual-abuse-material). None when
    no tag, or two equally, fit."""
    from .search import normalise, query_words

    records = list(records)
    words = query_words(normalise(phrase))
    if not words:
        return None, []

    def fits(w: str, x: str) -> bool:
        return x.startswith(w) and len(w) * 2 >= len(x)

    scored = []
    for t in sorted({t for r in records for t in r.tags}):
        tw = normalise(t).split()
        if tw and len(words) * 2 >= len(tw) and all(any(fits(w, x) for x in tw) for w in words):
            scored.append((sum(1 for x in tw if any(fits(w, x) for w in words)) / len(tw), t))
    scored.sort(key=lambda x: -x[0])
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None, []
    tag = scored[0][1]
    return tag, [r for r in records if tag in r.tags]


def _search(cat, phrase: str, jurisdictions=None) -> tuple[list[Offence], list[str]]:
    """Offences found by :mod:`lawref.search` (every one matching by words; else the closest
    fuzzy ones), and notes on what was left out.

    Falls back to a simple word match when that module is not available.
    """
    try:
        from .search import SPREAD_MIN, Filters, search
    except ImportError:  # pragma: no cover - search is an optional sibling module
        return _fallback_search(cat.offences, phrase), []
    hits = search(cat, phrase, Filters(frozenset(jurisdictions) if jurisdictions else None, kind="offence"), limit=None)
    good = [h for h in hits if h.score >= SPREAD_MIN]
    notes = []
    if not good and hits:
        # Only fuzzy matches (a typo): keep those about as close as the best one.
        good = [h for h in hits if h.score >= hits[0].score - 5]
        if len(good) < len(hits):
            notes.append(f"No offence matches every word of {phrase!r}: compared are the {len(good)} closest matches; {len(hits) - len(good)} weaker ones are left out (see `lawref search {phrase!r} --kind offence -n 0`).")
    return [h.record for h in good if isinstance(h.record, Offence)], notes


def _tag_note(cat, found: Sequence[Offence], jurisdictions, phrase: str = "") -> str | None:
    """A note when most offences a search found carry a tag that more offences carry: the
    search is not the whole topic. Tags sharing a word with the phrase are named if any
    are, else those the most found offences carry."""
    if not found:
        return None
    from .search import normalise, query_words

    words = query_words(normalise(phrase))
    ids = {o.id for o in found}
    pool = [o for o in cat.offences if not jurisdictions or applies_in(o.jurisdiction, jurisdictions)]
    more = []
    for t in sorted({t for o in found for t in o.tags}):
        tagged = [o for o in pool if t in o.tags]
        share = sum(1 for o in tagged if o.id in ids)
        if share * 2 > len(found) and len(tagged) > share:
            more.append((-share, t, len(tagged)))
    related = [m for m in more if any(x.startswith(w) for w in words for x in normalise(m[1]).split())]
    if related:
        more = related
    elif more:
        top = min(m[0] for m in more)
        more = [m for m in more if m[0] == top]
    if not more:
        return None
    tags = ", ".join(f"{t} ({n} offences)" for _, t, n in sorted(more))
    return f"Found by search: {len(found)} offence{'s' if len(found) != 1 else ''}. Most of them carry {'a tag' if len(more) == 1 else 'tags'} with more: {tags}; `lawref compare TAG` compares a whole tag."


def resolve(cat, query: Sequence[str], jurisdictions=None) -> tuple[str, str | None, list[Offence], list[str]]:
    """Offences for `query`: record ids, or a topic (a tag first, a phrase that nearly names
    a tag, else a search, limited to `jurisdictions` when given).

    A case id stands for the offences it cites. Returns (matched_by, tag, offences, notes),
    the notes saying how a phrase was read and what it left out.
    Raises UnknownRecord for an unknown id, NoMatch when a topic finds nothing.
    """
    query = [q for q in (q.strip() for q in query) if q]
    if not query:
        raise UsageError("compare: give a topic (a tag or a phrase, e.g. deepfake) or offence ids")
    if any(_looks_like_id(q) for q in query):
        from .errors import BrokenRecord, UnknownRecord
        from .search import find_record

        out: list[Offence] = []
        for q in query:
            try:
                rec = find_record(cat, q)[0]  # an id, or what names one record ("226-8-1")
            except BrokenRecord:
                raise
            except UnknownRecord:
                raise UnknownRecord(q, suggest_for_compare(cat, q)) from None
            recs = [rec] if isinstance(rec, Offence) else [cat.records[i] for i in rec.offences if isinstance(cat.records.get(i), Offence)]
            if not recs:
                raise UsageError(f"compare: case {rec.id!r} cites no offence in the catalogue")
            for r in recs:
                if r.id not in {x.id for x in out}:
                    out.append(r)
        return "ids", None, out, []
    found, unmatched = _articles(cat, query, jurisdictions)
    if found:
        return "search", None, found, unmatched
    phrase = " ".join(query)
    tag, found = match_tag(cat.offences, phrase)
    if found:
        return "tag", tag, found, []
    # A tag only cases carry (e.g. nth-room): the offences those cases cite.
    tag, cases = match_tag(cat.cases, phrase)
    if cases:
        ids = list(dict.fromkeys(i for c in cases for i in c.offences))
        found = [cat.records[i] for i in ids if isinstance(cat.records.get(i), Offence)]
        if found:
            return "tag", tag, found, []
    tag, found = near_tag(cat.offences, phrase)
    if found:
        return "tag", tag, found, [f"The topic {phrase!r} was read as the tag {tag}."]
    found, notes = _search(cat, phrase, jurisdictions)
    if found:
        note = _tag_note(cat, found, jurisdictions, phrase)
        if note:
            notes.append(note)
    if not found:
        # A case named by the phrase ("Jo Ju-bin") stands for the offences it cites, as its id does.
        from .search import SPREAD_MIN, Filters, search

        cases = [h.record for h in search(cat, phrase, Filters(kind="case"), limit=1) if h.score >= SPREAD_MIN]
        found = [cat.records[i] for c in cases for i in c.offences if isinstance(cat.records.get(i), Offence)]
        if found:
            return "search", None, list({o.id: o for o in found}.values()), []
    if not found:
        tags = sorted({t for o in cat.offences for t in o.tags})
        import difflib

        close = difflib.get_close_matches(_norm_tag(phrase), tags, n=3, cutoff=0.5)
        if not close:  # no tag is near: the nearest records compare can take
            close = suggest_for_compare(cat, phrase)
        raise NoMatch(phrase, close)
    return "search", None, found, notes


def suggest_for_compare(cat, text: str, n: int = 3) -> list[str]:
    """The `n` records closest to `text` that compare can take, for "did you mean": offences,
    and cases citing offences of the catalogue, said to be cases ("kr/snu-deepfake (a case:
    compares the 4 offences it cites)"). A case citing none is left out: compare cannot
    use it."""
    from .search import suggest

    out = []
    for rid in suggest(cat, text, n * 4):
        rec = cat.records.get(rid)
        if isinstance(rec, Offence):
            out.append(rid)
        elif rec is not None:
            cited = [i for i in dict.fromkeys(rec.offences) if isinstance(cat.records.get(i), Offence)]
            if cited:
                out.append(f"{rid} (a case: compares the {len(cited)} offence{'s' if len(cited) != 1 else ''} it cites)")
        if len(out) == n:
            break
    return out


def _articles(cat, query: Sequence[str], jurisdictions=None) -> tuple[list[Offence], list[str]]:
    """Offences for a topic of article numbers ("14-2(1)", "226-8-1" "s.66E"): each one's
    records (that article, or the articles it encloses), not the records that merely
    mention the number; and a note for each number no offence has, with the closest records.
    Empty unless every word of `query` is an article number."""
    from .search import Filters, article_tokens, article_variants, search

    if not query or not all(article_tokens(q) for q in query):
        return [], []
    filters = Filters(frozenset(jurisdictions) if jurisdictions else None, kind="offence")
    out: dict[str, Offence] = {}
    unmatched = []
    for q in query:
        before = len(out)
        want = article_tokens(q)
        for h in search(cat, q, filters, limit=None):
            o = h.record
            if not isinstance(o, Offence):
                continue
            have = article_variants(o.article) + [t for t in (article_tokens(a, whole=False) for a in o.aliases) if t]
            # That article, an article it encloses ("14-2" -> 14-2(1)...), or the one enclosing it.
            if any(v[: len(want)] == want or want[: len(v)] == v for v in have):
                out.setdefault(o.id, o)
        if len(out) == before and not any(article_tokens(q) == article_tokens(x) for x in query[: query.index(q)]):
            close = suggest_for_compare(cat, q)
            unmatched.append(f"{q!r} matches no offence and is left out" + (f"; closest: {', '.join(close)}" if close else ""))
    return list(out.values()), unmatched


def _is_tag(cat, phrase: str) -> bool:
    return bool(match_tag(cat.offences, phrase)[1] or match_tag(cat.cases, phrase)[1])


def _places(cat, query: list[str]) -> tuple[list[str], frozenset[str] | None, list[str]]:
    """A place named in a topic ("deepfake korea"), read as search reads it: the topic
    without it, the codes it names (None when none) and the words that named them."""
    if any(_looks_like_id(q) for q in query):
        return query, None, []
    phrase = " ".join(query)
    if _is_tag(cat, phrase):
        return query, None, []
    from .search import places_in_query

    rest, codes, names = places_in_query(cat, phrase, command="compare")
    if not codes:
        return query, None, []
    if not rest.strip():
        raise UsageError(f"compare: {phrase!r} names only a place; give a topic as well (e.g. `lawref compare deepfake {phrase}`)")
    return rest.split(), codes, names


# --------------------------------------------------------------------------- rows


def _first_version(o: Offence) -> PenaltyVersion | None:
    real = [v for v in o.penalties if v.status is not Status.PROSPECTIVE]
    return (real or list(o.penalties) or [None])[0]


def offence_rows(o: Offence, day: _dt.date, currency: str, rates: RateTable) -> list[Row]:
    """The rows for one offence on `day`: the version in force and its aggravated variants,
    or one row saying it is not (yet, or any longer) in force."""
    base = dict(
        id=o.id,
        jurisdiction=o.jurisdiction,
        instrument=o.instrument.name,
        article=o.article,
        citation=o.citation,
        conduct=o.title,
        minimum_standard=o.minimum_standard,
        transposition_deadline=o.transposition_deadline,
    )
    v = o.in_force(day)
    if v is None:
        later = [x for x in o.penalties if x.start > day]
        gap = [x for x in o.penalties if x.end is not None and x.end < day]
        if later and gap and not o.before_history(day):
            # Between a repeal and a return: ended, and back later.
            last = max(gap, key=lambda x: x.end)
            nxt = min(later, key=lambda x: x.start)
            text = f"no longer in force (last day {last.end.isoformat()}); again from {nxt.start.isoformat()}"
            return [Row(**base, status=ENDED, status_text=text, in_force_until=last.end, sources=last.sources or o.sources)]
        if later:
            first = min(later, key=lambda x: x.start)
            prospective = first.status is Status.PROSPECTIVE
            history = o.before_history(day)
            if history == "not-recorded" and not prospective:
                # The offence may well be older than its first recorded version.
                since = f"offence in force since {o.created.isoformat()}; " if o.created else ""
                text = f"{since}penalty not recorded before {first.start.isoformat()}"
                return [Row(**base, status=NOT_RECORDED, status_text=text, in_force_from=first.start, sources=first.sources or o.sources)]
            start = o.created if history == "not-created" and o.created else first.start
            text = f"not yet in force: expected from {first.start.isoformat()}" if prospective else f"no specific offence before {start.isoformat()}"
            return [Row(**base, status=NOT_YET, status_text=text, in_force_from=first.start, sources=first.sources or o.sources)]
        ended = [x for x in o.penalties if x.end is not None and x.end < day]
        last = max(ended, key=lambda x: x.end) if ended else _first_version(o)
        until = last.end if last else None
        text = f"no longer in force (last day {until.isoformat()})" if until else "not in force on this date"
        return [Row(**base, status=ENDED, status_text=text, in_force_until=until, sources=(last.sources if last else ()) or o.sources)]
    rows = [_row(base, v.prison, v.fine, v.combine, v, None, v.note, v.unverified, v.sources or o.sources, day, currency, rates, penalty_since(o, v))]
    for a in v.aggravated:
        since = penalty_since(o, v, a.label)
        rows.append(_row(base, a.prison, a.fine, a.combine or v.combine, v, a.label, a.note, a.unverified or v.unverified, a.sources or v.sources or o.sources, day, currency, rates, since))
    return rows


def _row(base, prison: Prison | None, fine: Fine | None, combine, v: PenaltyVersion, variant, note, unverified, sources, day, currency, rates, since=None) -> Row:
    conv = convert_fine(fine, currency, day, rates)
    if fine is None:
        combine = None  # nothing to combine
    # A fine "and/or" imprisonment whose term is not recorded keeps its combine: the table
    # then says "term not recorded" rather than suggest there is no prison term.
    return Row(
        **base,
        status=IN_FORCE,
        variant=variant,
        prison_max=prison.max if prison else None,
        prison_min=prison.min if prison else None,
        prison_max_basis=prison.max_basis if prison else None,
        fine=fine,
        converted=conv,
        combine=combine,
        in_force_from=v.start,
        in_force_until=v.end,
        penalty_since=since or v.start,
        unverified=unverified,
        note=note,
        sources=tuple(sources),
    )


def _penalty_of(r: Row) -> tuple:
    return (r.prison_max, r.prison_min, r.prison_max_basis, r.fine, r.combine)


def _without_citation(label: str, article: str) -> str:
    """`label` without a closing "(s ARTICLE)": the row it is folded into says the article."""
    return re.sub(rf"\s*\((?:[^()]*\W)?{re.escape(article)}\)\s*$", "", label, flags=re.IGNORECASE) or label


def fold_variants(rows: list[Row]) -> list[Row]:
    """`rows` without aggravated variants that repeat another row: a variant whose label cites
    an offence of the same instrument that is itself a row, with the same penalty, is that
    offence (AU s 474.17A's two aggravated forms are s 474.17AA, 7 years). The variant row is
    dropped and its circumstance kept on the offence's row (`aggravates`, `circumstances`), so
    each penalty shows once and every circumstance stays visible."""
    offences = {j for j, r in enumerate(rows) if not r.is_variant and r.status == IN_FORCE}
    folded: dict[int, list[str]] = {}  # index of the offence row -> circumstances
    parent: dict[int, str] = {}
    drop = set()
    for i, r in enumerate(rows):
        if not r.is_variant or r.status != IN_FORCE:
            continue
        for j, o in enumerate(rows):
            if j in offences and o.id != r.id and o.jurisdiction == r.jurisdiction and o.instrument == r.instrument and _cites(r.variant, o.article) and _penalty_of(o) == _penalty_of(r):
                if parent.setdefault(j, r.id) != r.id:
                    continue  # variants of two offences: fold only the first one's
                folded.setdefault(j, []).append(_without_citation(r.variant, o.article))
                drop.add(i)
                break
    if not drop:
        return rows
    from dataclasses import replace

    return [replace(r, aggravates=parent[i], circumstances=tuple(folded[i])) if i in folded else r for i, r in enumerate(rows) if i not in drop]


def aggravation_words(row: Row, rows: Sequence[Row]) -> str | None:
    """"aggravated form of Criminal Code (Cth) s 474.17A: X; or Y" for a row that
    :func:`fold_variants` gave the circumstances of another row's variants, else None."""
    if not row.aggravates:
        return None
    base = next((r.citation for r in rows if r.id == row.aggravates and not r.is_variant), row.aggravates)
    return f"aggravated form of {base}: {'; or '.join(row.circumstances)}"


# --------------------------------------------------------------------------- notable sentences


def notable_sentences(cat, offence_ids: Sequence[str], day: _dt.date) -> list[Notable]:
    """Cases citing any of `offence_ids`, with each defendant's latest sentence on or before
    `day` (co-defendants sentenced in proceedings of their own keep their own court, date
    and finality)."""
    out: dict[str, Notable] = {}
    for oid in offence_ids:
        for c in cat.cases_citing(oid):
            if c.id in out:
                n = out[c.id]
                if oid not in n.offences:
                    out[c.id] = _replace(n, offences=n.offences + (oid,))
                continue
            ps = c.latest_sentences(day)
            if not ps:
                continue
            each = defendant_sentences(c, day)
            last = ps[-1]
            out[c.id] = Notable(
                case_id=c.id,
                jurisdiction=c.jurisdiction,
                title=c.title,
                offences=(oid,),
                date=last.date,
                court=last.court,
                sentence="; ".join(dict.fromkeys(s.words for s in each)),
                final=all(p.final for p in ps),
                unverified=any(p.unverified for p in ps),
                sources=tuple({s.url: s for p in ps for s in p.sources}.values()),
                sentences=each,
            )
    return sorted(out.values(), key=lambda n: (n.jurisdiction, n.date, n.case_id))


def _replace(n: Notable, **kw) -> Notable:
    from dataclasses import replace

    return replace(n, **kw)


# --------------------------------------------------------------------------- sorting


def _prison_key(r: Row) -> tuple[float, int, float]:
    """The maximum, then the minimum. A maximum from a general cap counts as the maximum it
    is (KR "at least 3 years", up to 30 under Criminal Act Art. 42, is a 30-year maximum):
    among equal maxima the higher minimum ranks first. For a law that states only a minimum
    and no cap is recorded, that minimum, placed above a maximum of the same length ("at
    least 5 years" is never less than "up to 5 years")."""
    low = r.prison_min.sort_key() if r.prison_min else -1.0
    if r.prison_max:
        return (r.prison_max.sort_key(), 0, low)
    return (low, 1, low) if r.prison_min else (-1.0, 0, low)


def _fine_key(r: Row) -> tuple[int, float]:
    if r.fine is not None and r.fine.unlimited:
        return (3, 0.0)
    if isinstance(r.converted, Conversion):
        return (2, r.converted.amount)
    if r.fine is not None and r.fine.max is not None:
        return (1, float(r.fine.max))  # not comparable: kept after the converted ones
    return (0, 0.0)


def article_key(article: str) -> tuple:
    """A sort key putting articles in the law's order: 11(5) before 11-2(1), 66B(1) before
    66B(4) before 66E, 9 before 10."""
    from .search import article_tokens

    parts = article_tokens(article, whole=False) or (article.casefold(),)
    return tuple(tuple((0, int(x), "") if x.isdigit() else (1, 0, x) for x in re.findall(r"\d+|[^\W\d_]+", p)) for p in parts)


def _place(r: Row) -> tuple:
    """Where a row stands among equals: jurisdiction, instrument, then the law's article order."""
    return (r.jurisdiction, r.instrument, article_key(r.article))


def sort_rows(rows: list[Row], by: str = "jurisdiction") -> list[Row]:
    """Sort rows, keeping each offence's variants under it.

    `jurisdiction`: grouped by jurisdiction code, then by instrument, articles in order.
    `prison` / `fine`: highest maximum first (life and unlimited on top; a general cap counts
    as a maximum, and equal prison maxima put the higher minimum first), equal ones in
    jurisdiction and article order; rows not in force at the date go last. Variants follow
    their offence whatever the order.
    """
    if by not in SORTS:
        raise UsageError(f"--sort: use one of {', '.join(SORTS)} (not {by!r})")
    groups: list[list[Row]] = []
    for r in rows:
        if r.is_variant and groups and groups[-1][0].id == r.id:
            groups[-1].append(r)
        else:
            groups.append([r])
    order = {id(g): i for i, g in enumerate(groups)}
    if by == "jurisdiction":
        # Within a jurisdiction: in force first, then each instrument's articles in order.
        groups.sort(key=lambda g: (g[0].jurisdiction, g[0].status != IN_FORCE, g[0].instrument, article_key(g[0].article), order[id(g)]))
    elif by == "prison":
        groups.sort(key=lambda g: (g[0].status != IN_FORCE, tuple(-x for x in _prison_key(g[0])), *_place(g[0]), order[id(g)]))
    else:
        groups.sort(key=lambda g: (g[0].status != IN_FORCE, tuple(-x for x in _fine_key(g[0])), *_place(g[0]), order[id(g)]))
    return [r for g in groups for r in g]


# --------------------------------------------------------------------------- entry point


def compare(
    cat,
    query: Sequence[str],
    as_of: _dt.date,
    currency: str = "USD",
    jurisdictions: set[str] | None = None,
    sort: str = "jurisdiction",
    rates: RateTable | None = None,
) -> Comparison:
    """Compare the offences matching `query` as the law stood on `as_of`.

    Args:
        cat: the catalogue (:func:`lawref.catalog.load_catalogue`).
        query: offence (or case) ids, or the words of a topic: a tag, else a search phrase.
        as_of: the date: picks the penalty versions in force and the exchange rate.
        currency: ISO 4217 code to convert maximum fines to.
        jurisdictions: keep only these codes (upper case); None for all.
        sort: one of SORTS.
        rates: the rate table (default: ECB plus each pack's rates.yaml).

    Raises:
        UsageError, UnknownRecord, NoMatch.
    """
    currency = currency.strip().upper()
    if sort not in SORTS:
        raise UsageError(f"--sort: use one of {', '.join(SORTS)} (not {sort!r})")
    from .jurisdictions import is_currency

    if not is_currency(currency):
        raise UsageError(f"--currency: {currency!r} is not an ISO 4217 currency code (e.g. USD, EUR, KRW)")
    query = [q for q in (q.strip() for q in query) if q]
    topic, places, named = list(query), None, []
    if jurisdictions:
        from .places import place_code
        from .search import make_filters

        jurisdictions = frozenset(place_code(j) for j in jurisdictions)
        make_filters(cat, jurisdictions)  # a code no record has is an error, as in search
    elif query:
        # "deepfake korea": the place filters, the other words are the topic (as in search).
        topic, places, named = _places(cat, query)
        jurisdictions = places
    matched_by, tag, offences, notes_in = resolve(cat, topic, jurisdictions)
    if jurisdictions:
        kept = [o for o in offences if applies_in(o.jurisdiction, jurisdictions)]
        if not kept:
            have = sorted({o.jurisdiction for o in offences})
            raise NoMatch(f"{' '.join(topic)} in {', '.join(sorted(jurisdictions))}", [f"-j {j}" for j in have])
        offences = kept
    if rates is None:
        rates = RateTable.for_packs([p.pack.path for p in getattr(cat, "packs", [])])
    if not rates.knows(currency):
        raise UsageError(f"--currency: no exchange rates for {currency}: the ECB reference rates (and any pack's rates.yaml) do not cover it; try USD, EUR, GBP, KRW, AUD or JPY")
    rows: list[Row] = []
    for o in offences:
        rows.extend(offence_rows(o, as_of, currency, rates))
    rows = sort_rows(fold_variants(rows), sort)
    in_force_ids = list(dict.fromkeys(r.id for r in rows if r.status == IN_FORCE))
    notable = notable_sentences(cat, list(dict.fromkeys(r.id for r in rows)), as_of)
    notes = [BASIS]
    remarks = []
    if places:
        words = ", ".join(repr(n) for n in named)
        codes = ",".join(sorted(places))
        notes.append(f"Only {codes}: {words} in the topic was read as --jurisdiction {codes}.")
        remarks.append(f"reading {words} as --jurisdiction {codes}")
    notes.extend(notes_in)
    remarks.extend(notes_in)
    if any(r.minimum_standard for r in rows):
        notes.append("A minimum standard (EU directive) sets the least maximum penalty member states must provide, not a penalty applied to anyone directly.")
    if any(isinstance(r.converted, Conversion) and r.converted.source != "same currency" for r in rows):
        notes.append(f"Fines converted to {currency} at the ECB reference rate of {as_of.isoformat()} or the latest before it (cross rates via EUR); the rate date is given per row.")
    for basis in dict.fromkeys(r.prison_max_basis for r in rows if r.prison_max_basis):
        notes.append(f"Where an article states only a minimum, the maximum shown is the general limit on fixed-term imprisonment under {basis} (\"general cap\" in tables).")
    notes.extend(f"rates: {p}" for p in rates.problems)
    future = future_note(as_of)
    if future:
        notes.append(future)
    if not in_force_ids:
        notes.append(f"None of the matching offences was in force on {as_of.isoformat()}.")
    return Comparison(tuple(query), matched_by, as_of, currency, rows, notable, notes, tag, frozenset(jurisdictions) if jurisdictions else None, remarks)
