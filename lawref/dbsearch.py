"""Search over the SQLite stores of the cache, for catalogues of any size.

:class:`lawref.search.SearchIndex` ranks records by scanning their joined search keys. That
is exact but costs time and memory in proportion to the catalogue. Here the cache's tables
(see :mod:`lawref.cache`) answer *which records could match and how well at best*, and the
same SearchIndex scores only those, best bound first, stopping as soon as no unscored record
could enter the page. Results are the ones a full scan gives (tests compare the two).

Upper bounds per record, from the ranking in :mod:`lawref.search`:

* an id, exact key or article hit: its exact score (100, 99.5, 99, 98.5; the end of an id
  after a "/", 98; an article prefix 90-98; an id prefix 90-98)
* every query word starting a word of one key: 90 + 8 x min(1, query letters / key letters),
  the key's letter count being stored in its FTS rowid
* every query word somewhere in the record: 89
* a key equal to the query without its filler words: 98.4
* fuzzy stages: their own formula applied to the bounds above, or to the best similarity of
  the corrected words the record holds; a partial match: the share of the query's letters
  in the query words the record's FTS rows hold

Ties rank offences before cases, then by id (:func:`lawref.search.tie_key`); every early
stop below compares in that order.

FTS rowids encode the key: ``row << 24 | min(letters, 4095) << 12 | key number`` (keys past
the 4096th of one record are scored but never found through the index).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence

from .search import (
    EXACT,
    REDUCED_EXACT,
    FOLD_EXACT,
    FUZZY_CUTOFF,
    FUZZY_MIN,
    FUZZY_SCALE,
    GROUP_FIELDS,
    ID_TAIL,
    SHORT_KEY,
    SPREAD_MIN,
    SPREAD_SPAN,
    SUGGEST_MIN,
    ENDINGS,
    STEM_MIN,
    WORDS_MIN,
    WORDS_SPAN,
    Entry,
    Filters,
    Hit,
    Key,
    SearchIndex,
    _band,
    _offer,
    article_refs,
    content_words,
    article_tokens,
    parent_score,
    partial_score,
    fold,
    normalise,
    query_words,
    stem,
    suggestion_text,
    word_variants,
)

_ART_SEP = "\x1d"
_SHORT_FIELDS = frozenset({"id", "title", "alias", "name"})
_MAX_KEYS = 4096
_IN = 500  # parameters per IN (...) query


def key_rows(row: int, keys: Sequence[Key], rid: str | None = None) -> tuple[list[tuple], list[tuple]]:
    """Rows of the `keys` table and of the FTS index for one record's keys (`rid`: its id,
    kept with exact keys so that ties among them are ordered from the index alone)."""
    krows, frows = [], []
    for i, k in enumerate(keys[:_MAX_KEYS]):
        flat = k.text.replace(" ", "")
        kid = (row << 24) | (min(len(flat), 4095) << 12) | i
        folded = "" if k.field == "text" else fold(k.text)
        short = k.text if k.field in _SHORT_FIELDS and 1 <= len(k.text) <= SHORT_KEY else None
        krows.append((
            kid, row, k.field, 1 if k.exact else 0,
            flat if k.exact else None, folded.replace(" ", "") if k.exact else None,
            _ART_SEP.join(k.article) + _ART_SEP if k.article else None,
            short, folded if short is not None else None, rid if k.exact else None,
        ))  # fmt: skip
        if k.text or folded:
            frows.append((kid, k.text, folded))
    return krows, frows


def _match(col: str, token: str, prefix: bool) -> str:
    return f'{col} : "{token}"' + ("*" if prefix else "")


def _word_match(col: str, token: str, variants: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())) -> str:
    """An FTS5 expression for keys holding `token` as SearchIndex matches it: a word it
    starts, or (in the plain text column) another form of it, as a whole word."""
    first = _match(col, token, _prefix_ok(token))
    others = [_match(col, w, False) for group in variants for w in group] if col == "t" else []
    return f"({' OR '.join([first, *others])})" if others else first


def _prefix_ok(token: str) -> bool:
    """Whether `token` matches words it starts (not only whole words), as in SearchIndex."""
    return not (len(token) < 3 or token.isdigit())


class DbSearch:
    """Search over every pack of a catalogue through the packs' SQLite stores."""

    def __init__(self, catalogue) -> None:
        self.source = catalogue.records
        self.parts = list(catalogue.records._packs)  # (store, where)
        self._dead: list[set[int] | None] = [None] * len(self.parts)
        self._vocab: list[str] | None = None
        self._variants: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._short: tuple | None = None
        self._nothing: set[str] = set()  # queries an unfiltered search found nothing for
        self._info: dict[tuple[int, int], tuple[str, str, str]] = {}
        self._limit: int | None = None  # of the search running (see _explicit)
        self._allowed_now: set | None = None

    # -------------------------------------------------------------- plumbing
    def _q(self, p: int, sql: str, args: Sequence = ()):
        return self.parts[p][0].conn.execute(sql, args)

    def _dead_rows(self, p: int) -> set[int]:
        """Rows of pack `p` not in use: duplicate ids, or ids an earlier pack defines."""
        if self._dead[p] is None:
            store, where = self.parts[p]
            dead: set[int] = set()
            if store.count("dups") or getattr(where, "excluded", None):
                from .cache import _s

                for row, rid, path in self._q(p, "SELECT row, id, path FROM files WHERE id IS NOT NULL"):
                    if where.get(rid) != _s(path):
                        dead.add(row)
            self._dead[p] = dead
        return self._dead[p]

    def _tie(self, g: tuple[int, int]) -> tuple[bool, str]:
        """The tie order of a record whose info is loaded (see search.tie_key)."""
        rid, kind, _ = self._info[g]
        return (kind != "offence", rid)

    def _live(self, g: tuple[int, int]) -> bool:
        return g[1] not in self._dead_rows(g[0])

    def _rows(self, p: int, rows: Iterable[int], cols: str):
        rows = list(rows)
        for i in range(0, len(rows), _IN):
            part = rows[i : i + _IN]
            yield from self._q(p, f"SELECT row, {cols} FROM files LEFT JOIN texts USING (row) WHERE row IN ({','.join('?' * len(part))})", part)  # noqa: S608

    def _fts(self, p: int, query: str) -> list[int]:
        return [r for (r,) in self._q(p, "SELECT rowid FROM fts WHERE fts MATCH ?", (query,))]

    # -------------------------------------------------------------- filters
    def jurisdictions(self) -> list[str]:
        return sorted({j for p in range(len(self.parts)) for (j,) in self._q(p, "SELECT DISTINCT jur FROM files WHERE jur IS NOT NULL")})

    def tags(self) -> list[str]:
        return sorted({t for p in range(len(self.parts)) for (t,) in self._q(p, "SELECT DISTINCT tag FROM tags")})

    def _allowed(self, filters: Filters) -> set[tuple[int, int]] | None:
        if not (filters.jurisdictions or filters.tags or filters.kind):
            return None
        from .jurisdictions import applies_in

        out: set[tuple[int, int]] = set()
        for p in range(len(self.parts)):
            sql, args = "SELECT row FROM files WHERE id IS NOT NULL", []
            if filters.kind:
                sql += " AND kind = ?"
                args.append(filters.kind)
            if filters.jurisdictions:
                jurs = [j for (j,) in self._q(p, "SELECT DISTINCT jur FROM files WHERE jur IS NOT NULL") if applies_in(j, filters.jurisdictions)]
                if not jurs:
                    continue
                sql += f" AND jur IN ({','.join('?' * len(jurs))})"
                args += jurs
            rows = {r for (r,) in self._q(p, sql, args)}
            if filters.tags:
                by_tag: dict[str, set[int]] = {}
                for tag, row in self._q(p, "SELECT tag, row FROM tags"):
                    by_tag.setdefault(normalise(tag), set()).add(row)
                for want in filters.tags:
                    rows &= by_tag.get(normalise(want), set())
            out.update((p, r) for r in rows if r not in self._dead_rows(p))
        return out

    # -------------------------------------------------------------- candidates
    def _strict_bounds(self, query: str) -> dict[tuple[int, int], float]:
        """Every record `SearchIndex._strict(query)` could score, with an upper bound."""
        bounds: dict[tuple[int, int], float] = {}
        saved, self._limit = self._limit, None  # every candidate, not one page's worth
        try:
            for _, part in self._strict_stream(query):
                for g, b in part().items():
                    if bounds.get(g, -1.0) < b:
                        bounds[g] = b
        finally:
            self._limit = saved
        return bounds

    def _strict_stream(self, query: str):
        """Candidates of `SearchIndex._strict(query)` as (ceiling, part) pairs, where part()
        gives {record: bound} (computed only when asked for); the parts are,
        ceilings falling: ids, exact keys and articles; then records whose keys hold every
        query word, shortest keys first (tiers of key length); then words spread over keys."""
        text = normalise(query)
        yield EXACT, lambda: self._explicit(query, text)
        if not text:
            return
        # Whole exact keys a little below 100: shared fields (tags...), then folded forms.
        for column, group, score in (("flat", True, EXACT - 0.5), ("ffold", False, FOLD_EXACT), ("ffold", True, FOLD_EXACT - 0.5)):
            yield score, (lambda c=column, g=group, s=score: {(p, r): s for p in range(len(self.parts)) for r in self._exact_rows(p, text, c, g)})
        reduced = " ".join(content_words(text))
        if reduced and reduced != text:
            yield REDUCED_EXACT, lambda: {(p, r): REDUCED_EXACT for p in range(len(self.parts)) for r in self._exact_rows(p, reduced, "flat", False)}
        words = query_words(text)
        if not words:
            return
        forms = [words]
        ftokens = list(dict.fromkeys(fold(" ".join(words)).split()))
        if ftokens != forms[0]:
            forms.append(ftokens)
        lo, hi = 0, max(1, min(sum(len(t) for t in f) for f in forms))
        while lo < 4095:
            ceiling = WORDS_MIN + WORDS_SPAN * min(1.0, max(len("".join(f)) for f in forms) / (lo + 1))
            yield ceiling, (lambda lo=lo, hi=hi: self._tier(forms, lo, hi))
            lo, hi = hi, min(4095, hi * 4)
        if len(forms[0]) > 1:
            yield SPREAD_MIN + SPREAD_SPAN, lambda: self._spread(forms)

    def _explicit(self, query: str, text: str) -> dict[tuple[int, int], float]:
        """Records matching by id, id prefix, a whole exact key or an article number."""
        raw = query.strip().lower()
        art = article_tokens(query)
        refs = [r.article for r in article_refs(query)] if not art else []
        bounds: dict[tuple[int, int], float] = {}

        def offer(g, b):
            if bounds.get(g, -1.0) < b:
                bounds[g] = b

        for p in range(len(self.parts)):
            for (row,) in self._q(p, "SELECT row FROM files WHERE id = ?", (raw,)):
                offer((p, row), EXACT)
            if raw and not any(c.isspace() for c in raw):
                for (row,) in self._q(p, "SELECT row FROM idtails WHERE tail = ?", (raw,)):
                    offer((p, row), ID_TAIL)
            if "/" in raw:
                for row, rid in self._q(p, "SELECT row, id FROM files WHERE id > ? AND id < ?", (raw, raw + "\U0010ffff")):
                    if rid.startswith(raw) and len(rid) > len(raw) and not rid[len(raw)].isalnum():
                        offer((p, row), WORDS_MIN + WORDS_SPAN * len(raw) / len(rid))
            if text:
                # These score exactly 100 and tie, ranked by id: without filters, the `limit`
                # smallest ids of each pack are all a page can use.
                cut = self._limit if self._allowed_now is None and not self._dead_rows(p) else None
                for row in self._exact_rows(p, text, "flat", False, cut):
                    offer((p, row), EXACT)
            for a in (art, *refs):
                if not a:
                    continue
                lo = _ART_SEP.join(a) + _ART_SEP
                for row, stored in self._q(p, "SELECT row, art FROM keys WHERE art >= ? AND art < ?", (lo, lo[:-1] + "\x1e")):
                    have = tuple(stored[:-1].split(_ART_SEP))
                    offer((p, row), EXACT if have == a else WORDS_MIN + WORDS_SPAN * len(a) / max(len(a), len(have)))
                # "227-23 al. 1": a record of the enclosing article, just below.
                for k in range(len(a) - 1, 0, -1):
                    for (row,) in self._q(p, "SELECT row FROM keys WHERE art = ?", (_ART_SEP.join(a[:k]) + _ART_SEP,)):
                        offer((p, row), parent_score(k, len(a)))
        return bounds

    def _exact_rows(self, p: int, text: str, column: str, group: bool, first: int | None = None) -> list[int]:
        """Rows of pack `p` with an exact key equal to `text` (`column` flat or folded) in
        a shared field (`group`: tag, instrument, jurisdiction) or in any other field; only
        the `first` by id when given."""
        value = text.replace(" ", "") if column == "flat" else fold(text).replace(" ", "")
        fields = ",".join(f"'{f}'" for f in sorted(GROUP_FIELDS))
        sql = f"SELECT DISTINCT row, rid FROM keys WHERE exact = 1 AND {column} = ? AND field {'' if group else 'NOT '}IN ({fields})"  # noqa: S608 - fixed names
        if not first:
            return [r for r, _ in self._q(p, sql, (value,))]
        # Ties rank offences first, then by id (see search.tie_key).
        order = " ORDER BY (SELECT kind FROM files WHERE files.row = keys.row) != 'offence', rid LIMIT ?"
        rows = [r for r, _ in self._q(p, sql + order, (value, first))]
        self._subset_info([(p, r) for r in rows])
        return rows

    def _tier(self, forms: list[list[str]], lo: int, hi: int) -> dict[tuple[int, int], float]:
        """Records whose shortest key holding every query word has lo < letters <= hi."""
        tier: dict[tuple[int, int], float] = {}
        q = "SELECT rowid >> 24, min((rowid >> 12) & 4095) FROM fts WHERE fts MATCH ? AND ((rowid >> 12) & 4095) > ? AND ((rowid >> 12) & 4095) <= ? GROUP BY 1"
        for col, tokens in zip("tf", forms):
            n = sum(len(t) for t in tokens)
            match = " AND ".join(_word_match(col, t, self.variants(t) if col == "t" else ((), ())) for t in tokens)
            for p in range(len(self.parts)):
                for row, letters in self._q(p, q, (match, lo, hi)):
                    b = WORDS_MIN + WORDS_SPAN * min(1.0, n / max(1, letters))
                    if tier.get((p, row), -1.0) < b:
                        tier[(p, row)] = b
        return tier

    def _spread(self, forms: list[list[str]]) -> dict[tuple[int, int], float]:
        """Records holding every query word somewhere (in any keys)."""
        spread: dict[tuple[int, int], float] = {}
        for col, tokens in zip("tf", forms):
            for p in range(len(self.parts)):
                rows: set[int] | None = None
                for t in tokens:
                    have = {r for (r,) in self._q(p, "SELECT DISTINCT rowid >> 24 FROM fts WHERE fts MATCH ?", (_word_match(col, t, self.variants(t) if col == "t" else ((), ())),))}
                    rows = have if rows is None else rows & have
                    if not rows:
                        break
                for row in rows or ():
                    spread[(p, row)] = SPREAD_MIN + SPREAD_SPAN
        return spread

    def _similar_bounds(self, tokens: list[str], similar: dict) -> dict[tuple[int, int], float]:
        """Records holding, for every token, the token or one of its `similar` words."""
        bounds: dict[tuple[int, int], float] = {}
        for p in range(len(self.parts)):
            per_token: list[dict[int, float]] = []
            for t in tokens:
                alts = [(_word_match("t", t, self.variants(t)), 100.0)] if t not in similar else [(_match("t", w, False), sim) for w, sim in similar[t]]
                best: dict[int, float] = {}
                for match, sim in alts:
                    for kid in self._fts(p, match):
                        row = kid >> 24
                        if best.get(row, -1.0) < sim:
                            best[row] = sim
                per_token.append(best)
            rows = set(per_token[0]) if per_token else set()
            for m in per_token[1:]:
                rows &= set(m)
            for row in rows:
                bounds[(p, row)] = FUZZY_SCALE * sum(m[row] for m in per_token) / len(per_token)
        return bounds

    def _partial_bounds(self, tokens: list[str]) -> dict[tuple[int, int], float]:
        """Records holding at least half of the query's letters as query words (as
        SearchIndex._score_partial), bound by the share they may hold."""
        total = sum(len(t) for t in tokens)
        bounds: dict[tuple[int, int], float] = {}
        for p in range(len(self.parts)):
            letters: dict[int, tuple[int, int]] = {}
            for t in tokens:
                for (row,) in self._q(p, "SELECT DISTINCT rowid >> 24 FROM fts WHERE fts MATCH ?", (_word_match("t", t, self.variants(t)),)):
                    n, k = letters.get(row, (0, 0))
                    letters[row] = (n + len(t), k + 1)
            for row, (n, k) in letters.items():
                # Every word found here may still be short of a match there (a short form in
                # long text): then any two or more of them may hold the share.
                score = partial_score(n, total, k) if n < total else (partial_score(total - min(map(len, tokens)), total, k - 1) if k > 2 else None)
                if score is not None:
                    bounds[(p, row)] = score
        return bounds

    # -------------------------------------------------------------- scoring
    def _subset(self, gs: list[tuple[int, int]]) -> tuple[SearchIndex, list[tuple[int, int]]]:
        """A SearchIndex over the records `gs`, and the record behind each of its rows."""
        by_pack: dict[int, list[int]] = {}
        for p, row in gs:
            by_pack.setdefault(p, []).append(row)
        got: dict[tuple[int, int], Entry] = {}
        for p, rows in by_pack.items():
            for row, rid, kind, jur, tags, keys in self._rows(p, rows, "id, kind, jur, tags, keys"):
                got[(p, row)] = Entry(rid, kind, jur, tuple(tags.split("\x1f")) if tags else (), keys or "")
                self._info[(p, row)] = (rid, kind, jur)
        kept = [g for g in gs if g in got]
        return SearchIndex([got[g] for g in kept], variants=self.variants), kept

    def _run(self, stream, score, best: dict, limit: int | None, allowed) -> None:
        """Score candidates best bound first until no unscored one could enter the page.

        `stream` yields (ceiling, {record: bound}) parts with falling ceilings (no record of
        a later part is bound above its ceiling); parts are read only while they could hold
        a record as good as the best unscored one. Candidates of equal bound are taken in
        id order (ties rank by id), so the page is complete once its last entry beats every
        unscored bound, or equals the next one with a smaller id.
        """
        done: set = set()
        bounds: dict = {}
        queue: list = []
        it = iter(stream)
        nxt = next(it, None)
        size = 64
        while True:
            pulled = False
            top = bounds[queue[0]] if queue else None
            while nxt is not None and (top is None or top <= nxt[0]):
                for g, b in nxt[1]().items():
                    if g in done or (allowed is not None and g not in allowed) or not self._live(g):
                        continue
                    if bounds.get(g, -1.0) < b:
                        bounds[g] = b
                        if top is None or b > top:
                            top = b
                nxt = next(it, None)
                pulled = True
            if pulled:
                queue = sorted((g for g in bounds if g not in done), key=lambda g: -bounds[g])
            if not queue:
                return
            j = 1
            while j < len(queue) and bounds[queue[j]] == bounds[queue[0]]:
                j += 1
            if j > 1:  # a run of equal bounds: by id
                self._subset_info(queue[:j])
                queue[:j] = sorted(queue[:j], key=self._tie)
            batch, queue = queue[: min(j, size)], queue[min(j, size) :]
            size = min(size * 4, 20000)
            done.update(batch)
            sub, lookup = self._subset(batch)
            local: dict[int, list] = {}
            score(sub, local)
            for ri, (s, fld) in local.items():
                _offer(best, lookup[ri], s, fld)
            if limit and len(best) >= limit:
                ceiling = nxt[0] if nxt is not None else float("-inf")
                top, tie = ceiling, None
                if queue:
                    top = max(bounds[queue[0]], ceiling)
                    if len(batch) < j and bounds[queue[0]] > ceiling:
                        tie = queue[0]  # inside the id-sorted run of equal bounds
                if self._complete(best, limit, top, tie):
                    return

    def _complete(self, best: dict, limit: int, bound: float, nxt) -> bool:
        """Whether the page in `best` can no longer change: its last entry beats `bound`."""
        kth = heapq.nsmallest(limit, best, key=lambda g: (-best[g][0], *self._tie(g)))[-1]
        score = best[kth][0]
        if score > bound:
            return True
        return nxt is not None and score == bound and self._tie(kth) < self._tie(nxt)

    # -------------------------------------------------------------- vocabulary
    @property
    def vocab(self) -> list[str]:
        """Every distinct word of the keys (typo correction only), kept by the store."""
        if self._vocab is None:
            words: set[str] = set()
            for p in range(len(self.parts)):
                words.update(w for (w,) in self._q(p, "SELECT word FROM vocab"))
            self._vocab = sorted(words)
        return self._vocab

    def _known(self, token: str) -> bool:
        q = _word_match("t", token, self.variants(token))
        return any(self._q(p, "SELECT rowid FROM fts WHERE fts MATCH ? LIMIT 1", (q,)).fetchone() for p in range(len(self.parts)))

    def _has_words(self, words: Sequence[str]) -> set[str]:
        """Those of `words` that are words of the keys (of any pack)."""
        words = list(dict.fromkeys(words))
        found: set[str] = set()
        for p in range(len(self.parts)):
            for i in range(0, len(words), _IN):
                part = words[i : i + _IN]
                found.update(w for (w,) in self._q(p, f"SELECT word FROM vocab WHERE word IN ({','.join('?' * len(part))})", part))  # noqa: S608
        return found

    def variants(self, token: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Other forms of a query word among the words of the keys (see search.word_variants)."""
        got = self._variants.get(token)
        if got is None:
            # Every word the rules could accept, looked up at once: the token's starts, its stem
            # with each ending.
            base = stem(token)
            cand = [token[:k] for k in range(STEM_MIN, len(token) + 1)] + [base + e for e in ENDINGS]
            have = self._has_words(cand) if token.isalpha() and len(token) >= STEM_MIN else set()
            got = self._variants[token] = word_variants(token, have.__contains__)
        return got

    _similar = SearchIndex._similar
    _corrected = SearchIndex._corrected

    def _short_texts(self) -> tuple[list[str], list[str]]:
        """Every distinct short key naming a record (id, title, alias, name), and every
        distinct folded form: each is scored once however many records share it."""
        if self._short is None:
            texts: dict[str, None] = {}
            folds: dict[str, None] = {}
            for p in range(len(self.parts)):
                texts.update(dict.fromkeys(t for (t,) in self._q(p, "SELECT DISTINCT short FROM keys WHERE short IS NOT NULL")))
                folds.update(dict.fromkeys(t for (t,) in self._q(p, "SELECT DISTINCT sfold FROM keys WHERE sfold IS NOT NULL")))
            self._short = (list(texts), list(folds))
        return self._short

    def _short_rows(self, col: str, values: Sequence[str]):
        """(record, field, key number, value) of the live short keys whose `col` is in `values`."""
        assert col in ("short", "sfold")
        for p in range(len(self.parts)):
            dead = self._dead_rows(p)
            for i in range(0, len(values), _IN):
                part = values[i : i + _IN]
                sql = f"SELECT row, field, kid, {col} FROM keys WHERE {col} IN ({','.join('?' * len(part))})"  # noqa: S608 - fixed names
                for row, fld, kid, value in self._q(p, sql, part):
                    if row not in dead:
                        yield (p, row), fld, kid & (_MAX_KEYS - 1), value

    def _score_phrase(self, query: str, allowed, best: dict) -> None:
        """As SearchIndex._score_phrase: per record its most similar short key (the first
        such key on a tie), the plain texts first, then the folded ones."""
        if not any(c.isalpha() for c in query):
            return
        from rapidfuzz import fuzz, process

        texts, folds = self._short_texts()
        for col, choices, q in (("short", texts, query), ("sfold", folds, fold(query))):
            if not q:
                continue
            sims = {t: float(sim) for t, sim, _ in process.extract(q, choices, scorer=fuzz.token_sort_ratio, score_cutoff=FUZZY_CUTOFF, limit=None)}
            pick: dict[tuple[int, int], tuple[float, int, str]] = {}
            for g, fld, kidx, value in self._short_rows(col, list(sims)):
                if allowed is not None and g not in allowed:
                    continue
                cand = (sims[value], -kidx, fld)
                cur = pick.get(g)
                if cur is None or cand[:2] > cur[:2]:
                    pick[g] = cand
            for g, (sim, _, fld) in pick.items():
                _offer(best, g, FUZZY_SCALE * sim, fld)

    # -------------------------------------------------------------- queries
    def search(self, query: str, filters: Filters | None = None, limit: int | None = 10, fuzzy: bool = True, weak: bool = False) -> list[Hit]:
        """As :meth:`SearchIndex.search`, reading only what can reach the page."""
        filters = filters or Filters()
        allowed = self._allowed(filters)
        self._limit, self._allowed_now = limit, allowed
        best: dict[tuple[int, int], list] = {}
        self._run(self._strict_stream(query), lambda sub, b: sub._strict(query, None, b), best, limit, allowed)
        text = normalise(query)
        found = sum(1 for v in best.values() if v[0] >= SPREAD_MIN)
        enough = bool(limit) and found >= limit
        if fuzzy and text and not enough:
            fixed = self._corrected(text)
            if fixed is not None:
                fq, sim = fixed

                def corrected(sub, b):
                    strict: dict[int, list] = {}
                    sub._strict(fq, None, strict)
                    for ri, (s, fld) in strict.items():
                        _offer(b, ri, FUZZY_SCALE * sim + (s - WORDS_MIN) / 5, fld)

                def scaled(b):
                    return FUZZY_SCALE * sim + (b - WORDS_MIN) / 5

                stream = ((scaled(c), lambda part=part: {g: scaled(b) for g, b in part().items()}) for c, part in self._strict_stream(fq))
                self._run(stream, corrected, best, limit, allowed)
            tokens = query_words(text)
            similar = {t: self._similar(t) for t in tokens if not self._known(t)}
            if similar:
                self._run([(FUZZY_SCALE * 100.0, lambda: self._similar_bounds(tokens, similar))], lambda sub, b: sub._score_words(tokens, None, b, similar=similar), best, limit, allowed)
            partial: dict[tuple[int, int], list] = {}
            if not found and len(tokens) > 1:
                self._run([(FUZZY_SCALE * 100.0, lambda: self._partial_bounds(tokens))], lambda sub, b: sub._score_partial(tokens, None, b), partial, limit, allowed)
            if not best and query_words(text):
                self._score_phrase(text, allowed, best)
            for g, (score, fld) in partial.items():
                _offer(best, g, score, fld)
        if not best and fuzzy and allowed is None:
            self._nothing.add(query)  # not even a weak match: suggest need not search again
        if not weak:
            best = {g: v for g, v in best.items() if v[0] >= FUZZY_MIN}
        self._subset_info(list(best))
        order = sorted(best, key=lambda g: (-best[g][0], *self._tie(g)))
        if limit:
            order = order[:limit]
        return [self._hit(g, best[g][0], _band(best[g][0]), best[g][1]) for g in order]

    def _hit(self, g, score: float, match: str, fld: str) -> Hit:
        rid, kind, jur = self._info[g]
        return Hit(rid, kind, jur, round(score, 1), match, fld, self.source)

    def listing(self, filters: Filters | None = None, limit: int | None = None) -> list[Hit]:
        """Every record passing `filters`, by id."""
        allowed = self._allowed(filters or Filters())
        if allowed is None:
            allowed = {(p, r) for p in range(len(self.parts)) for (r,) in self._q(p, "SELECT row FROM files WHERE id IS NOT NULL")}
            allowed = {g for g in allowed if self._live(g)}
        gs = list(allowed)
        self._subset_info(gs)
        order = sorted(gs, key=lambda g: self._info[g][0])
        if limit:
            order = order[:limit]
        return [self._hit(g, 0.0, "filter", "") for g in order]

    def _subset_info(self, gs: list[tuple[int, int]]) -> None:
        by_pack: dict[int, list[int]] = {}
        for p, row in gs:
            if (p, row) not in self._info:
                by_pack.setdefault(p, []).append(row)
        for p, rows in by_pack.items():
            for row, rid, kind, jur in self._rows(p, rows, "id, kind, jur"):
                self._info[(p, row)] = (rid, kind, jur)

    def suggest(self, text: str, n: int = 3) -> list[str]:
        """The `n` ids closest to `text`: the best search hits, else the nearest ids, titles and
        aliases (as SearchIndex.suggest: by similarity to 0.1, then id)."""
        ids = [] if text in self._nothing else [h.id for h in self.search(text, limit=n, weak=True)]
        if len(ids) >= n:
            return ids[:n]
        from rapidfuzz import fuzz, process

        q = suggestion_text(text)
        texts, _ = self._short_texts()
        ranked = process.extract(q, texts, scorer=fuzz.WRatio, score_cutoff=SUGGEST_MIN, limit=None)  # best first
        scored: dict[tuple[int, int], float] = {}
        need = n - len(ids)

        def order(gs):
            self._subset_info(gs)
            return sorted((g for g in gs if self._info[g][0] not in ids), key=lambda g: (-round(scored[g], 1), self._info[g][0]))

        # Texts best first, a batch at a time, until no later text can place a record on the
        # list: the n-th record's rounded score is above the next text's.
        for start in range(0, len(ranked), 256):
            batch = ranked[start : start + 256]
            if scored:
                top = order(list(scored))
                if len(top) >= need and round(float(batch[0][1]), 1) < round(scored[top[need - 1]], 1):
                    break
            sims = {t: float(sim) for t, sim, _ in batch}
            for g, _, _, value in self._short_rows("short", list(sims)):
                scored[g] = max(scored.get(g, 0.0), sims[value])
        for g in order(list(scored))[:need]:
            ids.append(self._info[g][0])
        return ids


def usable(catalogue) -> bool:
    """Whether every pack of `catalogue` has an FTS5-backed store."""
    parts = getattr(getattr(catalogue, "records", None), "_packs", None)
    return bool(parts) and all(getattr(store, "has_fts", False) for store, _ in parts)
