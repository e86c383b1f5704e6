"""Finding records: normalised search keys, ranking, filters and "did you mean".

This is the one place that knows how records are found. Each record gets a tuple of search
keys computed from the record alone (:func:`record_keys`, so a cache can precompute and store
them); :class:`SearchIndex` indexes them once per catalogue and answers queries.

Normalisation (applied identically to keys and queries): NFKC, Hangul romanised
(Revised Romanisation, via ``korean_romanizer``), accents stripped, case folded, punctuation
and hyphens turned into spaces. A second *folded* form merges the spelling variants of
romanised names (``ch``/``j``, ``k``/``g``, ``eo``/``u``, ``oo``/``u``...) so that
"Jo Ju-bin", "Cho Joo-bin", "cho ju bin" and 조주빈 all meet.

Ranking, best first, ties broken by id (stable):

* 100: the whole query equals an id, alias, title, name or article number (99.5 for a field
  many records share: tag, instrument; 1 less on the folded form)
* 90-99: every query word starts a word of one key (more of the key covered scores higher),
  or the query is a prefix of an article number ("14-2" for article 14-2(1))
* 85-89: every query word starts a word somewhere in the record
* below 85: fuzzy (rapidfuzz): typos in words, or a similar whole name or title

This module imports neither typer nor rich; rapidfuzz and the romaniser are imported lazily.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field as _field
from typing import Iterable, Mapping, NamedTuple, Sequence

from .model import Case, Offence, Record

EXACT, FOLD_EXACT = 100.0, 98.5
WORDS_MIN, WORDS_SPAN = 90.0, 9.0
SPREAD_MIN, SPREAD_SPAN = 85.0, 4.0
FUZZY_SCALE = 0.84  # raw rapidfuzz similarity (0-100) -> below 85
FUZZY_CUTOFF = 75.0  # raw similarity needed for a fuzzy match
SHORT_KEY = 80  # characters: longer keys (offence text, summaries) are matched word by word

_HANGUL = re.compile(r"[\uac00-\ud7a3]+(?:\s*[\uac00-\ud7a3]+)*")
_APOS = re.compile(r"['\u2019\u02bc`]")
_ABBREV_DOT = re.compile(r"(?<=[^\W\d_])\.(?=[^\W\d_])")
_NON_WORD = re.compile(r"[\W_]+")
_DESIGNATOR = re.compile(r"^\s*(?:sections?|secs?|ss?|articles?|arts?|paragraphs?|paras?|§+|no)(?:\.|\s)*(?=\d)", re.I)
_FOLDS = (
    ("tch", "j"), ("ch", "j"), ("sh", "s"), ("ee", "i"), ("oo", "u"), ("eo", "u"),
    ("eu", "u"), ("ae", "e"), ("wu", "u"), ("k", "g"), ("t", "d"), ("p", "b"), ("r", "l"),
)  # fmt: skip
_REPEATS = re.compile(r"(.)\1+")
_ART_MAIN = re.compile(r"[0-9][0-9a-z]*(?:[-.\u2010-\u2015][0-9a-z]+)*")
_ART_SUB = re.compile(r"\s*\(([0-9a-z]+)\)")
GROUP_FIELDS = frozenset({"tag", "instrument", "jurisdiction"})  # fields many records share


# ---------------------------------------------------------------- normalisation


def _romanise(text: str) -> str:
    """Hangul runs in `text` romanised; other text unchanged."""
    if not _HANGUL.search(text):
        return text
    from korean_romanizer.romanizer import Romanizer

    return _HANGUL.sub(lambda m: f" {Romanizer(m.group()).romanize()} ", text)


def normalise(text: str) -> str:
    """Lower-case words separated by single spaces: NFKC, Hangul romanised, no accents or punctuation."""
    t = _romanise(unicodedata.normalize("NFKC", text))
    t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))
    t = t.casefold()
    t = _APOS.sub("", t)
    t = _ABBREV_DOT.sub("", t)
    return _NON_WORD.sub(" ", t).strip()


def fold(text: str) -> str:
    """Merge spelling variants of romanised names (applied to keys and queries alike)."""
    for a, b in _FOLDS:
        text = text.replace(a, b)
    return _REPEATS.sub(r"\1", text)


def article_tokens(text: str) -> tuple[str, ...]:
    """An article number as (number, subdivisions...): "s.66B(1)" -> ("66b", "1"), "14-2" -> ("14-2",).

    The number keeps its inner separators (normalised to "-"), so article 14-2 is not
    article 14(2). Returns () when `text` does not start like an article number.
    """
    t = _DESIGNATOR.sub("", unicodedata.normalize("NFKC", text).strip()).casefold()
    m = _ART_MAIN.match(t)
    if not m:
        return ()
    out = [re.sub(r"[-.‐-―]", "-", m.group())]
    rest = t[m.end() :]
    while True:
        sub = _ART_SUB.match(rest)
        if not sub:
            break
        out.append(sub.group(1))
        rest = rest[sub.end() :]
    return tuple(out)


# ---------------------------------------------------------------- keys


class Key(NamedTuple):
    """One searchable text of a record, normalised."""

    field: str  # id, article, alias, title, name, tag, instrument, citation, text, ...
    text: str  # normalised words separated by spaces
    exact: bool  # whether equality with the whole query counts as an exact match
    article: tuple[str, ...] = ()  # article tokens for article-like keys

    @property
    def compact(self) -> str:
        return self.text.replace(" ", "")

    def encode(self) -> str:
        """A one-line string form (no \\x1f, which joins keys in the cache)."""
        return f"{self.field}\x1e{'1' if self.exact else '0'}\x1e{self.text}\x1e{chr(0x1d).join(self.article)}"

    @classmethod
    def decode(cls, text: str) -> "Key":
        field, exact, words, art = text.split("\x1e")
        return cls(field, words, exact == "1", tuple(art.split("\x1d")) if art else ())


class Entry(NamedTuple):
    """What the index needs about one record: filter fields and search keys."""

    id: str
    kind: str
    jurisdiction: str
    tags: tuple[str, ...]
    keys: tuple[Key, ...]

    @classmethod
    def of(cls, record: Record) -> "Entry":
        return cls(record.id, record.kind, record.jurisdiction, tuple(record.tags), record_keys(record))


def _add(out: list[Key], seen: set, field: str, value: str | None, exact: bool = True, article: bool = False) -> None:
    if not value:
        return
    # An article number is matched only as a number ("14-2" is not "14(2)"), never as words.
    text = "" if field == "article" else normalise(value)
    art = article_tokens(value) if article else ()
    if not text and not art:
        return
    k = (field, text, art)
    if k in seen:
        return
    seen.add(k)
    out.append(Key(field, text, exact, art))


def record_keys(record: Record) -> tuple[Key, ...]:
    """Every search key of `record`, computed from the record alone (cacheable)."""
    out: list[Key] = []
    seen: set = set()
    _add(out, seen, "id", record.id, exact=False)  # the raw id is matched exactly apart
    _add(out, seen, "title", record.title)
    for a in record.aliases:
        _add(out, seen, "alias", a, article=True)
    for t in record.tags:
        _add(out, seen, "tag", t)
    _add(out, seen, "jurisdiction", record.jurisdiction, exact=False)
    if isinstance(record, Offence):
        ins = record.instrument
        _add(out, seen, "article", record.article, article=True)
        for name in (ins.title, ins.short, ins.native_title, ins.citation):
            _add(out, seen, "instrument", name)
        for name in {ins.short, ins.title}:
            _add(out, seen, "citation", f"{name} {record.article}" if name else None)
        _add(out, seen, "text", record.offence, exact=False)
        _add(out, seen, "text", record.native_offence, exact=False)
    elif isinstance(record, Case):
        d = record.defendant
        _add(out, seen, "name", d.name)
        _add(out, seen, "name", d.native_name)
        for p in record.proceedings:
            _add(out, seen, "case-number", p.case_number)
        _add(out, seen, "text", record.summary, exact=False)
    return tuple(out)


def search_keys(record: Record) -> list[str]:
    """:func:`record_keys` as strings, for a cache to store (read back with :func:`decode_keys`)."""
    return [k.encode() for k in record_keys(record)]


def decode_keys(joined: str) -> tuple[Key, ...]:
    """Keys stored by a cache as `"\\x1f".join(search_keys(record))`."""
    return tuple(Key.decode(k) for k in joined.split("\x1f")) if joined else ()


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class Hit:
    """A search result: its id, score (0-100) and how it matched; `record` loads the record."""

    id: str
    kind: str
    jurisdiction: str
    score: float
    match: str  # exact | words | fuzzy | filter
    field: str  # the field that matched best
    source: Mapping = _field(default_factory=dict, repr=False, compare=False)  # id -> record

    @property
    def record(self) -> Record:
        return self.source[self.id]


def _band(score: float) -> str:
    return "exact" if score >= FOLD_EXACT else ("words" if score >= SPREAD_MIN else "fuzzy")


@dataclass(frozen=True)
class Filters:
    """Restrictions on results. Jurisdiction codes match sub-divisions (US matches US-CA)."""

    jurisdictions: frozenset[str] | None = None
    tags: frozenset[str] | None = None  # every tag given must be carried
    kind: str | None = None  # offence | case

    def allows(self, record: Record | Entry) -> bool:
        if self.kind and record.kind != self.kind:
            return False
        if self.jurisdictions:
            code = record.jurisdiction.upper()
            if not any(code == j or code.startswith(j + "-") for j in self.jurisdictions):
                return False
        if self.tags:
            have = {normalise(t) for t in record.tags}
            if not all(normalise(t) in have for t in self.tags):
                return False
        return True


# ---------------------------------------------------------------- the index


class SearchIndex:
    """Search keys of a set of records, indexed for exact, word and fuzzy lookups."""

    def __init__(self, entries: Iterable[Entry], records: Mapping | None = None) -> None:
        """Index `entries`; `records` (id -> record) lets hits load their record."""
        self.entries: list[Entry] = list(entries)
        self.source: Mapping = records if records is not None else {}
        self.by_id: dict[str, int] = {r.id: i for i, r in enumerate(self.entries)}
        self.keys: list[Key] = []
        self.owner: list[int] = []
        self.exact: dict[str, list[tuple[int, int]]] = {}  # compact text -> (record, key)
        self.folded: dict[str, list[tuple[int, int]]] = {}
        self.articles: dict[tuple[str, ...], list[tuple[int, int]]] = {}  # every prefix of an article
        postings: dict[str, set[int]] = {}
        for ri, rec in enumerate(self.entries):
            for k in rec.keys:
                ki = len(self.keys)
                self.keys.append(k)
                self.owner.append(ri)
                if k.exact and k.text:
                    self.exact.setdefault(k.compact, []).append((ri, ki))
                    self.folded.setdefault(fold(k.compact), []).append((ri, ki))
                for n in range(1, len(k.article) + 1):
                    self.articles.setdefault(k.article[:n], []).append((ri, ki))
                for tok in set(k.text.split()) | set(fold(k.text).split()):
                    postings.setdefault(tok, set()).add(ki)
        self.vocab: list[str] = sorted(postings)
        self.postings = postings
        self._short: list[int] | None = None
        self._ids: list[tuple[str, int]] | None = None

    @classmethod
    def of_records(cls, records: Iterable[Record]) -> "SearchIndex":
        """An index over record objects (keys computed now)."""
        records = list(records)
        return cls([Entry.of(r) for r in records], {r.id: r for r in records})

    @property
    def short_keys(self) -> list[int]:
        """Indices of keys short enough for whole-phrase fuzzy matching."""
        if self._short is None:
            self._short = [i for i, k in enumerate(self.keys) if k.field not in ("text", "jurisdiction") and 4 <= len(k.text) <= SHORT_KEY]
        return self._short

    # -------------------------------------------------------------- matching

    def _prefixed(self, token: str) -> list[str]:
        """Vocabulary words starting with `token`."""
        lo = bisect.bisect_left(self.vocab, token)
        hi = bisect.bisect_left(self.vocab, token + "\uffff")
        return self.vocab[lo:hi]

    def _word_matches(self, token: str, fuzzy: bool) -> dict[int, tuple[float, float]]:
        """Keys containing a word matching `token`: key -> (similarity, share of the word covered)."""
        out: dict[int, tuple[float, float]] = {}

        def put(word: str, sim: float, share: float) -> None:
            for ki in self.postings[word]:
                if share < 0.5 and self.keys[ki].field == "text":
                    continue  # "ju" must not find "judicial" in a summary
                old = out.get(ki)
                if old is None or (sim * share) > (old[0] * old[1]):
                    out[ki] = (sim, share)

        # Numbers and very short words match whole words only ("14" is not "1488").
        words = self._prefixed(token) if len(token) >= 3 and not token.isdigit() else ([token] if token in self.postings else [])
        for word in words:
            put(word, 100.0, len(token) / len(word))
        if fuzzy and len(token) >= 4:
            from rapidfuzz import fuzz, process

            cutoff = 80.0 if len(token) == 4 else FUZZY_CUTOFF
            for word, sim, _ in process.extract(token, self.vocab, scorer=fuzz.ratio, score_cutoff=cutoff, limit=50):
                if sim < 100:
                    put(word, float(sim), 1.0)
        return out

    def _id_prefixed(self, prefix: str) -> list[int]:
        """Records whose id starts with `prefix` followed by a separator."""
        if self._ids is None:
            self._ids = sorted((r.id, i) for i, r in enumerate(self.entries))
        lo = bisect.bisect_left(self._ids, (prefix,))
        out = []
        for rid, ri in self._ids[lo:]:
            if not rid.startswith(prefix):
                break
            if len(rid) > len(prefix) and not rid[len(prefix)].isalnum():
                out.append(ri)
        return out

    def _score_words(self, tokens: Sequence[str], allowed, best: dict, fuzzy: bool, skip: Sequence[str] = ()) -> None:
        """Score records whose keys contain every query word (in any order)."""
        per_token = [self._word_matches(t, fuzzy) for t in tokens]
        if skip:
            per_token = [{ki: v for ki, v in m.items() if self.keys[ki].field not in skip} for m in per_token]
        if not per_token or any(not m for m in per_token):
            return
        qlen = sum(len(t) for t in tokens)
        # All words in one key.
        common = set(per_token[0])
        for m in per_token[1:]:
            common &= set(m)
        for ki in common:
            ri = self.owner[ki]
            if allowed is not None and ri not in allowed:
                continue
            sims = [m[ki] for m in per_token]
            key = self.keys[ki]
            if all(s == 100.0 for s, _ in sims):
                cover = min(1.0, qlen / max(1, len(key.compact)))
                score = WORDS_MIN + WORDS_SPAN * cover
            else:
                score = FUZZY_SCALE * sum(s * c for s, c in sims) / len(sims)
                if score < FUZZY_SCALE * FUZZY_CUTOFF:
                    continue
            _offer(best, ri, score, key.field)
        if len(tokens) < 2:
            return
        # Words spread over several keys of one record ("korea deepfake", "cho 2021").
        per_rec: list[dict[int, tuple[float, float]]] = []
        for m in per_token:
            r: dict[int, tuple[float, float]] = {}
            for ki, (s, c) in m.items():
                ri = self.owner[ki]
                old = r.get(ri)
                if old is None or s * c > old[0] * old[1]:
                    r[ri] = (s, c)
            per_rec.append(r)
        recs = set(per_rec[0])
        for r in per_rec[1:]:
            recs &= set(r)
        for ri in recs:
            if allowed is not None and ri not in allowed:
                continue
            sims = [r[ri] for r in per_rec]
            if all(s == 100.0 for s, _ in sims):
                score = SPREAD_MIN + SPREAD_SPAN * sum(c for _, c in sims) / len(sims)
            else:
                score = 0.95 * FUZZY_SCALE * sum(s * c for s, c in sims) / len(sims)
                if score < FUZZY_SCALE * FUZZY_CUTOFF:
                    continue
            _offer(best, ri, score, "words")

    def _score_phrase(self, query: str, allowed, best: dict) -> None:
        """Whole-phrase fuzzy similarity against short keys (names, titles, aliases)."""
        from rapidfuzz import fuzz, process

        if not any(c.isalpha() for c in query):
            return  # bare numbers: article matching already had its say
        idx = [i for i in self.short_keys if allowed is None or self.owner[i] in allowed]
        for view, q in ((lambda k: k.text, query), (lambda k: fold(k.text), fold(query))):
            choices = [view(self.keys[i]) for i in idx]
            for _, sim, pos in process.extract(q, choices, scorer=fuzz.WRatio, score_cutoff=FUZZY_CUTOFF, limit=None):
                ki = idx[pos]
                _offer(best, self.owner[ki], FUZZY_SCALE * float(sim), self.keys[ki].field)

    def _strict(self, query: str, allowed, best: dict) -> None:
        """Exact, article and whole-word matches of `query` (no typo tolerance)."""
        text = normalise(query)
        raw = query.strip().lower()
        ri = self.by_id.get(raw)
        if ri is not None and (allowed is None or ri in allowed):
            _offer(best, ri, EXACT, "id")
        id_like = "/" in raw
        if id_like:
            # Part of an id ("kr/sexual-crimes-act/14-2"): ids that continue it at a separator.
            for ri in self._id_prefixed(raw):
                if allowed is None or ri in allowed:
                    _offer(best, ri, WORDS_MIN + WORDS_SPAN * len(raw) / len(self.entries[ri].id), "id")
        if text:
            compact = text.replace(" ", "")
            for table, key, score in ((self.exact, compact, EXACT), (self.folded, fold(compact), FOLD_EXACT)):
                for ri, ki in table.get(key, ()):
                    if allowed is None or ri in allowed:
                        field = self.keys[ki].field
                        _offer(best, ri, score - (0.5 if field in GROUP_FIELDS else 0.0), field)
        art = article_tokens(query)
        for ri, ki in self.articles.get(art, ()) if art else ():
            if allowed is None or ri in allowed:
                k = self.keys[ki]
                score = EXACT if k.article == art else WORDS_MIN + WORDS_SPAN * len(art) / len(k.article)
                _offer(best, ri, score, k.field)
        if text:
            # An id-like query is not matched word by word against ids ("14-2" is not "14.2").
            skip = ("id",) if id_like else ()
            tokens = list(dict.fromkeys(text.split()))
            self._score_words(tokens, allowed, best, fuzzy=False, skip=skip)
            folded = list(dict.fromkeys(fold(text).split()))
            if folded != tokens:
                self._score_words(folded, allowed, best, fuzzy=False, skip=skip)

    def _corrected(self, text: str) -> tuple[str, float] | None:
        """`text` with each unknown word replaced by the closest known word, and the lowest similarity."""
        from rapidfuzz import fuzz, process

        out, worst, changed = [], 100.0, False
        for tok in text.split():
            if tok in self.postings or (len(tok) >= 3 and not tok.isdigit() and self._prefixed(tok)):
                out.append(tok)
                continue
            if len(tok) < 4 or tok.isdigit():
                return None
            cutoff = 80.0 if len(tok) == 4 else FUZZY_CUTOFF
            found = process.extractOne(tok, self.vocab, scorer=fuzz.ratio, score_cutoff=cutoff)
            if found is None:
                return None
            out.append(found[0])
            worst = min(worst, float(found[1]))
            changed = True
        return (" ".join(out), worst) if changed else None

    def search(self, query: str, filters: Filters | None = None, limit: int | None = 10, fuzzy: bool = True) -> list[Hit]:
        """Records matching `query`, best first (see the module docstring for the ranking)."""
        filters = filters or Filters()
        allowed = None
        if filters.jurisdictions or filters.tags or filters.kind:
            allowed = {i for i, r in enumerate(self.entries) if filters.allows(r)}
        best: dict[int, list] = {}  # record -> [score, field]
        self._strict(query, allowed, best)
        text = normalise(query)
        # Fuzzy matches rank below every strict one, so skip them when the page is full.
        enough = bool(limit) and sum(1 for v in best.values() if v[0] >= SPREAD_MIN) >= limit
        if fuzzy and text and not enough:
            fixed = self._corrected(text)
            if fixed is not None:
                # The query with its typos corrected keeps its own order, one band down.
                strict: dict[int, list] = {}
                self._strict(fixed[0], allowed, strict)
                for ri, (score, field) in strict.items():
                    _offer(best, ri, FUZZY_SCALE * fixed[1] + (score - WORDS_MIN) / 5, field)
            self._score_words(list(dict.fromkeys(text.split())), allowed, best, fuzzy=True)
            self._score_phrase(text, allowed, best)
        order = sorted(best, key=lambda ri: (-best[ri][0], self.entries[ri].id))
        if limit:
            order = order[:limit]
        return [self._hit(ri, best[ri][0], _band(best[ri][0]), best[ri][1]) for ri in order]

    def _hit(self, ri: int, score: float, match: str, fld: str) -> Hit:
        e = self.entries[ri]
        return Hit(e.id, e.kind, e.jurisdiction, round(score, 1), match, fld, self.source)

    def listing(self, filters: Filters | None = None, limit: int | None = None) -> list[Hit]:
        """Every record passing `filters`, by id (a search without a query)."""
        filters = filters or Filters()
        order = sorted((i for i, e in enumerate(self.entries) if filters.allows(e)), key=lambda i: self.entries[i].id)
        if limit:
            order = order[:limit]
        return [self._hit(ri, 0.0, "filter", "") for ri in order]

    def suggest(self, text: str, n: int = 3) -> list[str]:
        """The `n` ids closest to `text`: the best search hits, else the nearest ids, titles and aliases."""
        ids = [h.id for h in self.search(text, limit=n)]
        if len(ids) >= n:
            return ids[:n]
        from rapidfuzz import fuzz, process

        q = normalise(text) or text.lower()
        idx = [i for i, k in enumerate(self.keys) if k.field in ("id", "title", "alias", "name") and k.text]
        choices = [self.keys[i].text for i in idx]
        scored: dict[int, float] = {}
        for _, sim, pos in process.extract(q, choices, scorer=fuzz.WRatio, limit=None):
            ri = self.owner[idx[pos]]
            scored[ri] = max(scored.get(ri, 0.0), float(sim))
        for ri in sorted(scored, key=lambda r: (-round(scored[r], 1), self.entries[r].id)):
            rid = self.entries[ri].id
            if rid not in ids:
                ids.append(rid)
            if len(ids) >= n:
                break
        return ids


def _offer(best: dict, ri: int, score: float, field: str) -> None:
    """Keep the best score per record and the field it came from."""
    cur = best.get(ri)
    if cur is None or score > cur[0]:
        best[ri] = [score, field]


# ---------------------------------------------------------------- catalogue helpers


def index_for(catalogue) -> SearchIndex:
    """The search index of a catalogue, built once and kept on it.

    Uses the keys a cache precomputed (`catalogue.rows[id].keys`, see :func:`search_keys`)
    when there are any, so records are loaded only for the hits.
    """
    idx = getattr(catalogue, "_search_index", None)
    if idx is not None and len(idx.entries) == len(catalogue.records):
        return idx
    rows = getattr(catalogue, "rows", None)
    if rows is not None:
        entries = [
            Entry(r.id, r.kind, r.jurisdiction, tuple(r.tags), decode_keys(r.keys) if r.keys else record_keys(catalogue.records[r.id]))
            for r in rows.values()
        ]
    else:
        entries = [Entry.of(r) for r in catalogue.records.values()]
    idx = SearchIndex(entries, catalogue.records)
    try:
        catalogue._search_index = idx
    except AttributeError:  # a slotted or frozen catalogue: just don't keep it
        pass
    return idx


def search(catalogue, query: str, filters: Filters | None = None, limit: int | None = 10) -> list[Hit]:
    """Search a catalogue (see :meth:`SearchIndex.search`)."""
    return index_for(catalogue).search(query, filters, limit)


def suggest(catalogue, text: str, n: int = 3) -> list[str]:
    """The `n` ids closest to `text`, for "did you mean"."""
    if not len(catalogue.records):
        return []
    return index_for(catalogue).suggest(text, n)


def listing(catalogue, filters: Filters | None = None, limit: int | None = None) -> list[Hit]:
    """Every record passing `filters`, by id (a search without a query)."""
    return index_for(catalogue).listing(filters, limit)


def make_filters(catalogue, jurisdictions: Iterable[str] | None = None, tags: Iterable[str] | None = None, kind: str | None = None) -> Filters:
    """Filters checked against the catalogue. Raises UsageError for a code or tag no record has."""
    import difflib

    from .errors import UsageError

    juris = frozenset(j.strip().upper() for v in (jurisdictions or ()) for j in v.split(",") if j.strip()) or None
    if juris:
        entries = index_for(catalogue).entries
        known = sorted({e.jurisdiction.upper() for e in entries})
        for j in sorted(juris):
            if not any(k == j or k.startswith(j + "-") for k in known):
                raise UsageError(f"--jurisdiction: no records for {j!r}; the catalogue covers {', '.join(known)}")
    want = frozenset(t.strip() for v in (tags or ()) for t in v.split(",") if t.strip()) or None
    if want:
        known_tags = {normalise(t): t for e in index_for(catalogue).entries for t in e.tags}
        for t in sorted(want):
            if normalise(t) not in known_tags:
                close = difflib.get_close_matches(t.lower(), sorted(set(known_tags.values())), n=3, cutoff=0.5)
                hint = f"; did you mean: {', '.join(close)}?" if close else " (see `lawref tags`)"
                raise UsageError(f"--tag: no record has the tag {t!r}{hint}")
    if kind is not None and kind not in ("offence", "case"):
        raise UsageError(f"--kind: {kind!r} is not offence or case")
    return Filters(juris, want, kind)
