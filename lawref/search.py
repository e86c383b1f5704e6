"""Finding records: normalised search keys, ranking, filters and "did you mean".

This is the one place that knows how records are found. Each record gets search keys
computed from the record alone (:func:`record_keys`; :func:`search_keys` is their string form,
which the cache precomputes and stores). :class:`SearchIndex` joins the strings of all
records into one text and answers a query with a few regular-expression scans over it (C
speed, no per-record Python work at start-up), loading only the records that are hits.

Normalisation (applied identically to keys and queries): NFKC, Hangul romanised
(Revised Romanisation, via ``korean_romanizer``), accents stripped, case folded, punctuation
and hyphens turned into spaces. A second *folded* form merges the spelling variants of
romanised names (``ch``/``j``, ``k``/``g``, ``eo``/``u``, ``oo``/``u``...) so that
"Jo Ju-bin", "Cho Joo-bin", "cho ju bin" and 조주빈 all meet.

Ranking, best first, ties broken by kind (offences before cases), then id (stable); given a
day, :func:`search` puts offences in force that day before other offences of equal score:

* 98.5-100, "exact": the whole query equals an id, alias, title, name or article number
  (100); a tag or instrument title, which many records share (99.5); 1 less when only the
  folded forms are equal. An article written inside a longer query counts as the article
  when the record holds the other words ("s 474.17A of the Criminal Code", "226-8-1 du
  code pénal", "성폭력처벌법 제14조의2 제4항": the Act by its title, short title or an alias)
* 90-98, "words": every query word starts a word of one key (more of the key covered
  scores higher), or the query is part of an article number ("14-2" of article 14-2(1));
  98.4: a key equal to the query without its filler words ("the deepfake")
* 85-89, "words": every query word starts a word somewhere in the record; an article
  written as one ("Art. 226-8-1 CP") whose record lacks the query's other words
* 63-85, "fuzzy" (rapidfuzz): the query with typos corrected to known words (keeping
  that query's order); when no record holds every word, those holding most of the query's
  letters (the share, scaled); or, when nothing else matches, a whole name or title similar
  word for word (a name merely containing one query word is not similar)
* below 63 (FUZZY_MIN: a similarity under 75), no match: such weak matches ("grooming" ~
  "nth room") are left out of results and serve only as suggestions

Query words are matched without filler: stop words ("the", "of", "what is", "du") and the
words every record is about ("penalty", "law", "illegal"; unless nothing else is left) are
not required, and a plural finds the singular ("images" finds "image"). Other forms of a
word count as the word (:func:`word_variants`): the same stem ("pornographic",
"pornographique" for "pornography"; "distribution" for "distributing") anywhere, a short
form ("porn" for "pornography") in names, titles, aliases and tags; only the letters they
share with the query word count towards the score, so the query's own form ranks first.

This module imports neither typer nor rich; rapidfuzz and the romaniser are imported lazily.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as _field
from typing import NamedTuple

from .jurisdictions import applies_in
from .model import Case, Offence, Record

EXACT, FOLD_EXACT = 100.0, 99.0
REDUCED_EXACT = 98.4  # a key equal to the query without its filler words ("the deepfake"): top of "words"
ID_TAIL = 98.0  # the query is the end of an id after a "/", as written ("14-2.1")
WORDS_MIN, WORDS_SPAN = 90.0, 8.0  # below every exact score (>= 98.5)
SPREAD_MIN, SPREAD_SPAN = 85.0, 4.0
FUZZY_SCALE = 0.84  # raw rapidfuzz similarity (0-100) -> below 85
FUZZY_CUTOFF = 75.0  # raw similarity needed for a fuzzy match
FUZZY_MIN = FUZZY_SCALE * FUZZY_CUTOFF  # 63: a weaker match is no match (suggestions may still use it)
SUGGEST_MIN = 65.0  # rapidfuzz WRatio a name, title or id needs to be suggested ("xyzzy" gets none)
SHORT_KEY = 80  # characters: longer keys (offence text, summaries) are matched word by word

_HANGUL = re.compile(r"[\uac00-\ud7a3]+(?:\s*[\uac00-\ud7a3]+)*")
_APOS = re.compile(r"['\u2019\u02bc`]")
_ABBREV_DOT = re.compile(r"(?<=[^\W\d_])\.(?=[^\W\d_])")
_NON_WORD = re.compile(r"[\W_]+")
_DESIGNATOR = re.compile(r"^\s*(?:sections?|secs?|ss?|articles?|arts?|paragraphs?|paras?|§+|no)(?:\.|\s)*(?=\d)", re.IGNORECASE)
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


def fold_accents(text: str) -> str:
    """`text` without accents ("pédopornographiques" → "pedopornographiques")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def normalise(text: str) -> str:
    """Lower-case words separated by single spaces: NFKC, Hangul romanised, no accents or punctuation."""
    t = _romanise(unicodedata.normalize("NFKC", text))
    t = fold_accents(t)
    t = t.casefold()
    t = _APOS.sub("", t)
    t = _ABBREV_DOT.sub("", t)
    return _NON_WORD.sub(" ", t).strip()


def fold(text: str) -> str:
    """Merge spelling variants of romanised names (applied to keys and queries alike).

    Words with digits (article numbers, "474.17AA") are left alone.
    """
    return " ".join(w if any(c.isdigit() for c in w) else _fold_word(w) for w in text.split(" "))


def _fold_word(word: str) -> str:
    if len(set(word)) == 1:
        return word  # "aaaa" is not a spelling of "a"
    for a, b in _FOLDS:
        word = word.replace(a, b)
    return _REPEATS.sub(r"\1", word)


# Article numbers as Korean and French write them, in the form the records use:
# 제14조의2 -> 14-2, 제14조 제1항 -> 14(1), 226-8 al. 2 / alinéa 2 -> 226-8(2).
_KO_ARTICLE = re.compile(r"(?:제\s*)?(\d+)\s*조(?:\s*의\s*(\d+))?((?:\s*(?:제\s*)?\d+\s*[항호])*)")
_KO_PART = re.compile(r"(?:제\s*)?(\d+)\s*[항호]")
# "al. 2", "alinéa 1er", "para. 1", "paragraph 2": a sub-paragraph, written (n).
_FR_ALINEA = re.compile(r"\s*,?\s*\b(?:al\.?|alin[ée]a|paras?\.?|paragraph)\s*(\d+)(?:er|e|st|nd|rd|th)?\b", re.IGNORECASE)


def _native_article(t: str, mark: str = "") -> str:
    """Korean and French article notation rewritten as the records write articles; `mark`
    goes before each Korean one (so that "제14조" stays recognisably an article)."""

    def ko(m: re.Match) -> str:
        main = m.group(1) + (f"-{m.group(2)}" if m.group(2) else "")
        return mark + main + "".join(f"({n})" for n in _KO_PART.findall(m.group(3) or ""))

    t = _KO_ARTICLE.sub(ko, t)
    return _FR_ALINEA.sub(lambda m: f"({m.group(1)})", t)


# Words that say nothing about which record is meant. They are not required to match
# (the whole query is still compared with whole keys, so an alias that contains them is
# found as written): function words of English and French, and the words every record
# of a criminal-law catalogue is about ("penalty", "law", "illegal").
STOP_WORDS = frozenset(
    "a an the of for in on at to by from with about into under is are was were be been does do did "
    "what which who whom how when where why can could would should will there this that these those it its "
    "and or any some my your their i me we you they "
    "du de des la le les un une et en au aux pour par sur dans est ce cette"
    .split()
)  # fmt: skip
GENERIC_WORDS = frozenset(
    "penalty penalties punishment punishments punishable sentence sentences sentencing illegal unlawful legal "
    "law laws offence offences offense offenses crime crimes statute statutes legislation maximum max "
    "jail prison imprisonment federal peine peines loi infraction delit"
    .split()
)  # fmt: skip


def _singular(word: str) -> str:
    """A plural-looking word without its final "s" ("images" -> "image"): words match by
    their start, so the shorter form finds both."""
    if len(word) >= 5 and word.endswith("s") and not word.endswith(("ss", "us", "is")) and not any(c.isdigit() for c in word):
        return word[:-1]
    return word


# Endings taken off a word to find its stem (longest first), so that the forms of one word
# meet: "pornography", "pornographic", "pornographique"; "distribute", "distributing",
# "distribution"; "nude", "nudes". Agent and adjective endings ("-er", "-al", "-ation") are
# left on: "founder" is not "found", "general" is not "generation".
ENDINGS = tuple(sorted(set(
    "s es ies ied ed ing ings e y ie ic ics ical ly ion ions ity ities ive ives ique iques ment ments".split()
), key=lambda e: (-len(e), e)))  # fmt: skip
STEM_MIN = 4  # letters a stem keeps: "nudes" -> "nude", never "nud"


def stem(word: str) -> str:
    """`word` without one inflectional or derivational ending, keeping at least STEM_MIN
    letters: "pornography" -> "pornograph", "distributing" -> "distribut", "nudes" -> "nude".
    Words with digits are left alone."""
    if any(c.isdigit() for c in word):
        return word
    for end in ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= STEM_MIN:
            if end == "s" and word.endswith(("ss", "us", "is")):
                continue
            return word[: -len(end)]
    return word


def word_variants(token: str, has) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Other forms of the query word `token` among the words `has(word)` knows: words with
    the same stem ("pornographic" for "pornography"), and bare shorter words the token
    continues, its short forms ("porn" for "pornography", "photo" for "photographs"), when
    the keys hold the word itself in some form (a typo has none). Short forms also catch
    unrelated words ("sent" for "sentence"), so they are matched only in short keys
    (titles, aliases, names, tags), never in long text."""
    if len(token) < STEM_MIN or not token.isalpha():
        return (), ()
    base = stem(token)
    same = tuple(w for w in (base, *(base + e for e in ENDINGS)) if w != token and not w.startswith(token) and has(w) and stem(w) == base)
    # Short forms of a word the keys hold in some form, not of a typo ("pornograhy").
    known = has(token) or any(has(base + e) for e in ("", *ENDINGS))
    short = tuple(w for w in (base[:k] for k in range(STEM_MIN, len(base))) if has(w) and stem(w) == w) if known else ()
    return same, short


def content_words(text: str) -> list[str]:
    """The words of a normalised query that say which record is meant, as written: no
    stop words, no generic legal words while other words remain. Empty for a query of stop
    words only ("of the")."""
    words = text.split()
    content = [w for w in words if w not in STOP_WORDS]
    specific = [w for w in content if w not in GENERIC_WORDS]
    return specific or content


def query_words(text: str) -> list[str]:
    """The words of a normalised query that must each be found (once each, in order): its
    content words, plurals made singular."""
    return list(dict.fromkeys(_singular(w) for w in content_words(text)))


def article_tokens(text: str, whole: bool = True) -> tuple[str, ...]:
    """An article number as (number, subdivisions...): "s.66B(1)" -> ("66b", "1"), "14-2" -> ("14-2",).

    The number keeps its inner separators (normalised to "-"), so article 14-2 is not
    article 14(2). Returns () when `text` is not an article number; with `whole=False` it
    only has to start like one ("2252A(a)(1)-(4); penalty (b)(1)" -> ("2252a", "a", "1")).
    """
    t = _native_article(unicodedata.normalize("NFKC", text).strip())
    t = _DESIGNATOR.sub("", t).casefold()
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
    if whole and rest.strip(" .,;:"):
        return ()
    return tuple(out)


def parent_score(have: int, asked: int) -> float:
    """The score of a record whose article encloses the one asked for (`have` of `asked`
    tokens): below an article that continues the query by as much."""
    return WORDS_MIN + WORDS_SPAN * have / asked - 0.5


def article_variants(text: str) -> list[tuple[str, ...]]:
    """Every provision a multi-part article string names, as article tokens:
    "2252A(a)(1)-(4), (a)(6)" -> (2252a,a,1) (2252a,a,2) (2252a,a,3) (2252a,a,4) (2252a,a,6);
    "223(h)(2)(A), (3)(A)" -> (223,h,2,a) (223,h,3,a). A later part replaces the same number
    of trailing subdivisions; "(1)-(4)" is a numeric range. Text after ";" (e.g. a penalty
    subsection) is not part of the offence's article."""
    first = article_tokens(text, whole=False)
    if not first:
        return []
    out = [first]
    head = text.split(";", 1)[0]
    # What follows the first reference: the subdivisions it used, then the rest.
    m = re.search(r"((?:\s*\([0-9A-Za-z]+\))+)", head)
    rest = head[m.end() :] if m else ""
    last = first
    for part in re.finditer(r"(?P<range>\s*[-\u2010-\u2015]\s*\((?P<to>\d+)\))|(?P<more>\s*,\s*(?:and\s+)?(?P<subs>(?:\([0-9A-Za-z]+\))+))", rest):
        if part.group("range"):
            hi = int(part.group("to"))
            if not last[-1].isdigit() or not 0 < hi - int(last[-1]) <= 50:
                break
            for n in range(int(last[-1]) + 1, hi + 1):
                out.append(last[:-1] + (str(n),))
            last = out[-1]
        else:
            subs = tuple(x.casefold() for x in re.findall(r"\(([0-9A-Za-z]+)\)", part.group("subs")))
            if len(subs) >= len(last):
                break
            last = last[: len(last) - len(subs)] + subs
            out.append(last)
    return list(dict.fromkeys(out))


# ---------------------------------------------------------------- keys

# Encoded key: FIELD \x1e FLAG \x02 TEXT \x03 FOLDED \x04 ARTICLE, keys joined by \x1f, records
# by \x1c. TEXT words are separated by spaces, FOLDED words by \x05, ARTICLE tokens by \x1d,
# so a pattern can tell which part of a key it is in. Normalised text holds no control chars.
_KEY_SEP, _REC_SEP, _FLD, _TXT, _FLD_END, _FOLD_END, _FWORD, _ART = "\x1f", "\x1c", "\x1e", "\x02", "\x03", "\x04", "\x05", "\x1d"


class Key(NamedTuple):
    """One searchable text of a record, normalised."""

    field: str  # id, article, alias, title, name, tag, instrument, citation, jurisdiction, text
    text: str  # normalised words separated by spaces
    exact: bool  # whether equality with the whole query counts as an exact match
    article: tuple[str, ...] = ()  # article tokens for article-like keys

    @property
    def compact(self) -> str:
        return self.text.replace(" ", "")

    def encode(self) -> str:
        """The string form (never contains the key separator \\x1f)."""
        # Long text is not folded: folding is for names and short phrases.
        folded = "" if self.field == "text" else fold(self.text).replace(" ", _FWORD)
        return f"{self.field}{_FLD}{'1' if self.exact else '0'}{_TXT}{self.text}{_FLD_END}{folded}{_FOLD_END}{_ART.join(self.article)}"

    @classmethod
    def decode(cls, text: str) -> Key:
        head, rest = text.split(_TXT, 1)
        name, flag = head.split(_FLD)
        words, rest = rest.split(_FLD_END, 1)
        art = rest.split(_FOLD_END, 1)[1]
        return cls(name, words, flag == "1", tuple(art.split(_ART)) if art else ())


def _add(out: list[Key], seen: set, field: str, value: str | None, exact: bool = True, article: bool = False) -> None:
    if not value:
        return
    # An article number is matched only as a number ("14-2" is not "14(2)"), never as words.
    text = "" if field == "article" else normalise(value)
    art = article_tokens(value, whole=field != "article") if article else ()
    if not text and not art:
        return
    k = (field, text, art)
    if k in seen:
        return
    seen.add(k)
    out.append(Key(field, text, exact, art))


def id_tails(rid: str) -> list[str]:
    """The ends of an id after each "/": kr/sexual-crimes-act/14-2.1 -> sexual-crimes-act/14-2.1, 14-2.1."""
    parts = rid.split("/")
    return ["/".join(parts[i:]) for i in range(1, len(parts)) if "/".join(parts[i:])]


def record_keys(record: Record) -> tuple[Key, ...]:
    """Every search key of `record`, computed from the record alone."""
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
        for art in article_variants(record.article)[1:]:  # "2252A(a)(1)-(4), (a)(6)": each part
            if ("article", "", art) not in seen:
                seen.add(("article", "", art))
                out.append(Key("article", "", True, art))
        for name in (ins.title, ins.short, ins.native_title, ins.citation):
            _add(out, seen, "instrument", name)
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
    """The search keys of `record` as strings; a cache stores `"\\x1f".join(...)` of them."""
    return [k.encode() for k in record_keys(record)]


def decode_keys(joined: str) -> tuple[Key, ...]:
    """Keys stored as `"\\x1f".join(search_keys(record))`, back as :class:`Key` values."""
    return tuple(Key.decode(k) for k in joined.split(_KEY_SEP)) if joined else ()


def key_words(keys: Iterable[Key]) -> set[str]:
    """The distinct words of the keys' texts: the vocabulary typos are corrected against."""
    return {w for k in keys for w in k.text.split()}


class Entry(NamedTuple):
    """What the index needs about one record: filter fields and its joined search keys."""

    id: str
    kind: str
    jurisdiction: str
    tags: tuple[str, ...]
    keys: str  # "\x1f".join(search_keys(record))

    @classmethod
    def of(cls, record: Record) -> Entry:
        return cls(record.id, record.kind, record.jurisdiction, tuple(record.tags), _KEY_SEP.join(search_keys(record)))


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
    return "exact" if score >= FOLD_EXACT - 0.5 else ("words" if score >= SPREAD_MIN else "fuzzy")


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
            if not applies_in(record.jurisdiction, self.jurisdictions):
                return False
        if self.tags:
            have = {normalise(t) for t in record.tags}
            if not all(normalise(t) in have for t in self.tags):
                return False
        return True


# ---------------------------------------------------------------- the index


class _KeyInfo(NamedTuple):
    field: str
    exact: bool
    length: int  # characters of the text without spaces
    article: tuple[str, ...]


def joined_text(keys: Sequence[str]) -> tuple[str, list[int]]:
    """The records' joined search keys as one text, and each record's start offset."""
    from itertools import accumulate

    return _REC_SEP + _REC_SEP.join(keys) + _REC_SEP, [0, *accumulate(len(k) + 1 for k in keys)]


class SearchIndex:
    """The search keys of many records in one text, scanned with regular expressions."""

    def __init__(self, entries: Iterable[Entry] | Sequence[Entry], records: Mapping | None = None, text: str | None = None, starts: Sequence[int] | None = None, variants=None) -> None:
        """Index `entries`; `records` (id -> record) lets hits load their record.

        `text` and `starts` may be given precomputed (see :func:`joined_text`); `variants`
        (query word -> its other forms, as :meth:`variants`) when the index is part of a
        larger vocabulary.
        """
        self.entries: Sequence[Entry] = entries if isinstance(entries, Sequence) else list(entries)
        self.source: Mapping = records if records is not None else {}
        self._by_id: dict[str, int] | None = None
        if text is None or starts is None:
            text, starts = joined_text([e.keys for e in self.entries])
        self.text = text
        # Offset of each record's separator; record i spans starts[i]+1 .. starts[i+1].
        self.starts = starts
        self._info: dict[int, _KeyInfo] = {}
        self._ids: list[tuple[str, int]] | None = None
        self._tails: dict[str, list[int]] | None = None
        self._vocab: list[str] | None = None
        self._vocab_set: frozenset[str] | None = None
        self._variants: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}  # query word -> its other forms
        self._variants_of = variants
        self._short: tuple[list[int], list[str], list[str]] | None = None
        self._nothing: set[str] = set()  # queries an unfiltered search found nothing for

    @property
    def by_id(self) -> dict[str, int]:
        if self._by_id is None:
            ids = [e.id for e in self.entries]
            self._by_id = dict(zip(ids, range(len(ids))))
        return self._by_id

    @classmethod
    def of_records(cls, records: Iterable[Record]) -> SearchIndex:
        """An index over record objects (keys computed now)."""
        records = list(records)
        return cls([Entry.of(r) for r in records], {r.id: r for r in records})

    # -------------------------------------------------------------- positions

    def _locate(self, pos: int) -> tuple[int, int]:
        """(record, key start) of a position in the text."""
        ri = bisect.bisect_right(self.starts, pos) - 1
        ks = self.text.rfind(_KEY_SEP, self.starts[ri], pos)
        return ri, (self.starts[ri] if ks < 0 else ks) + 1

    def _key(self, start: int) -> _KeyInfo:
        info = self._info.get(start)
        if info is None:
            t = self.text
            fld = t.index(_FLD, start)
            txt = t.index(_TXT, fld)
            fend = t.index(_FLD_END, txt)
            aend = t.index(_FOLD_END, fend)
            stop = min(x for x in (t.find(_KEY_SEP, aend), t.find(_REC_SEP, aend)) if x >= 0)
            art = t[aend + 1 : stop]
            words = t[txt + 1 : fend]
            info = _KeyInfo(t[start:fld], t[fld + 1 : txt] == "1", len(words) - words.count(" "), tuple(art.split(_ART)) if art else ())
            self._info[start] = info
        return info

    # -------------------------------------------------------------- matching

    def _scan(self, word: str, folded: bool, whole: bool):
        """Positions and rest-of-word of each word of the keys starting with `word`.

        Patterns start with the literal word so the scan runs at memchr speed; the word
        start (after \\x02 or a space in the text part, after \\x03 or \\x05 in the folded part)
        is checked here.
        """
        before = "\x03\x05" if folded else "\x02 "
        t = self.text
        pattern = re.escape(word) + ("(?=[ \x00-\x1f])" if whole else "([^ \x00-\x1f]*)")
        for m in re.finditer(pattern, t):
            if t[m.start() - 1] in before:
                yield m.start(), ("" if whole else m.group(1))

    def _word_matches(self, token: str, folded: bool = False, similar: Sequence[tuple[str, float]] = ()) -> dict[int, tuple[int, float, float, int]]:
        """Keys with a word matching `token`: key start -> (record, similarity, share of the
        word, letters of the query word matched).

        A word matches when it starts with `token` (whole words only for numbers and tokens
        under 3 letters; at least half a word in long text fields), is another form of it
        (:func:`word_variants`: the letters they have in common count), or is one of the
        `similar` words (whole word, with its similarity).
        """
        out: dict[int, tuple[int, float, float, int]] = {}
        whole = len(token) < 3 or token.isdigit()
        # (word, similarity, whole words only, share of the query word it stands for or None
        # for the share of the key word the query covers, short keys only)
        scans = [(token, 100.0, whole, None, False)] + [(w, sim, True, None, False) for w, sim in similar]
        if not folded:
            same, short = self.variants(token)
            scans += [(w, 100.0, True, _common(token, w) / max(len(token), len(w)), False) for w in same]
            scans += [(w, 100.0, True, len(w) / len(token), True) for w in short]
        for word, sim, exact_word, given, short_only in scans:
            for pos, rest in self._scan(word, folded, exact_word):
                share = given if given is not None else len(word) / (len(word) + len(rest))
                ri, ks = self._locate(pos)
                if (share < 0.5 or short_only) and self._key(ks).field == "text":
                    continue  # "ju" must not find "judicial" in a summary, nor "sentence" "sent"
                old = out.get(ks)
                if old is None or sim * share > old[1] * old[2]:
                    out[ks] = (ri, sim, share, min(len(token), _common(token, word)) if given is not None else len(token))
        return out

    def _score_words(self, tokens: Sequence[str], allowed, best: dict, folded: bool = False, similar: dict | None = None, skip: Sequence[str] = ()) -> None:
        """Score records whose keys contain every query word (in any order)."""
        per_token = []
        for t in tokens:
            m = self._word_matches(t, folded, (similar or {}).get(t, ()))
            if skip:
                m = {ks: v for ks, v in m.items() if self._key(ks).field not in skip}
            if not m:
                return
            per_token.append(m)
        if not per_token:
            return
        common = set(per_token[0])
        for m in per_token[1:]:
            common &= set(m)
        for ks in common:
            ri = per_token[0][ks][0]
            if allowed is not None and ri not in allowed:
                continue
            sims = [m[ks][1:3] for m in per_token]
            qlen = sum(m[ks][3] for m in per_token)  # another form counts the letters in common
            info = self._key(ks)
            if all(sim == 100.0 for sim, _ in sims):
                score = WORDS_MIN + WORDS_SPAN * min(1.0, qlen / max(1, info.length))
            else:
                score = FUZZY_SCALE * sum(sim * c for sim, c in sims) / len(sims)
            _offer(best, ri, score, info.field)
        if len(tokens) < 2:
            return
        # Words spread over several keys of one record ("cho doctor", "sexual crimes 14-2").
        per_rec: list[dict[int, tuple[float, float]]] = []
        for m in per_token:
            r: dict[int, tuple[float, float]] = {}
            for ri, sim, share, _ in m.values():
                old = r.get(ri)
                if old is None or sim * share > old[0] * old[1]:
                    r[ri] = (sim, share)
            per_rec.append(r)
        recs = set(per_rec[0])
        for r in per_rec[1:]:
            recs &= set(r)
        for ri in recs:
            if allowed is not None and ri not in allowed:
                continue
            sims = [r[ri] for r in per_rec]
            if all(sim == 100.0 for sim, _ in sims):
                score = SPREAD_MIN + SPREAD_SPAN * sum(c for _, c in sims) / len(sims)
            else:
                score = 0.95 * FUZZY_SCALE * sum(sim * c for sim, c in sims) / len(sims)
            _offer(best, ri, score, "words")

    def _score_partial(self, tokens: Sequence[str], allowed, best: dict) -> None:
        """Score records holding two or more query words (somewhere in the record) with more
        than half of the query's letters: the share of letters they hold, in the fuzzy band."""
        total = sum(len(t) for t in tokens)
        have: dict[int, set[str]] = {}
        for t in tokens:
            for ri, *_ in self._word_matches(t).values():
                if allowed is None or ri in allowed:
                    have.setdefault(ri, set()).add(t)
        for ri, got in have.items():
            score = partial_score(sum(len(t) for t in got), total, len(got))
            if score is not None:
                _offer(best, ri, score, "words")

    def _article_hits(self, art: tuple[str, ...], allowed) -> list[tuple[int, float, str]]:
        """(record, score, field) for article numbers equal to `art` (100) or continuing it."""
        if not art:
            return []
        out = []
        pattern = "\x04" + re.escape(_ART.join(art)) + f"(?=[{_ART}{_KEY_SEP}{_REC_SEP}])"
        for m in re.finditer(pattern, self.text):
            ri, ks = self._locate(m.start())
            if allowed is None or ri in allowed:
                info = self._key(ks)
                score = EXACT if info.article == art else WORDS_MIN + WORDS_SPAN * len(art) / max(len(art), len(info.article))
                out.append((ri, score, info.field))
        # "227-23 al. 1", "2252A(a)(5)(B)": a record of the enclosing article, just below.
        for k in range(len(art) - 1, 0, -1):
            parent = art[:k]
            pattern = "\x04" + re.escape(_ART.join(parent)) + f"(?=[{_KEY_SEP}{_REC_SEP}]|$)"
            for m in re.finditer(pattern, self.text):
                ri, ks = self._locate(m.start())
                if allowed is None or ri in allowed:
                    out.append((ri, parent_score(len(parent), len(art)), self._key(ks).field))
        return out

    def _records_with_words(self, tokens: Sequence[str], among: set[int], fields: Sequence[str] | None = None) -> set[int]:
        """The records of `among` with every one of `tokens` starting a word of a key (of a key in `fields`, if given)."""
        recs = set(among)
        for t in tokens:
            if not recs:
                break
            recs &= {v[0] for ks, v in self._word_matches(t).items() if fields is None or self._key(ks).field in fields}
        return recs

    def _id_prefixed(self, prefix: str) -> list[int]:
        """Records whose id starts with `prefix` followed by a separator."""
        if self._ids is None:
            self._ids = sorted(zip(self.by_id, self.by_id.values()))
        lo = bisect.bisect_left(self._ids, (prefix,))
        out = []
        for rid, ri in self._ids[lo:]:
            if not rid.startswith(prefix):
                break
            if len(rid) > len(prefix) and not rid[len(prefix)].isalnum():
                out.append(ri)
        return out

    def _id_tails(self, raw: str) -> list[int]:
        """Records whose id ends with `raw` after a "/" ("14-2.1" for kr/sexual-crimes-act/14-2.1)."""
        if self._tails is None:
            self._tails = {}
            for rid, ri in self.by_id.items():
                for tail in id_tails(rid.lower()):
                    self._tails.setdefault(tail, []).append(ri)
        return self._tails.get(raw, [])

    def _strict(self, query: str, allowed, best: dict) -> None:
        """Exact, article and whole-word matches of `query` (no typo tolerance)."""
        text = normalise(query)
        raw = query.strip().lower()
        ri = self.by_id.get(raw)
        if ri is not None and (allowed is None or ri in allowed):
            _offer(best, ri, EXACT, "id")
        for ri in self._id_tails(raw) if raw and not any(c.isspace() for c in raw) else ():
            if allowed is None or ri in allowed:
                _offer(best, ri, ID_TAIL, "id")
        id_like = "/" in raw
        if id_like:
            # Part of an id ("kr/sexual-crimes-act/14-2"): ids that continue it at a separator.
            for ri in self._id_prefixed(raw):
                if allowed is None or ri in allowed:
                    _offer(best, ri, WORDS_MIN + WORDS_SPAN * len(raw) / len(self.entries[ri].id), "id")
        if text:
            compact = text.replace(" ", "")
            folded = fold(text).replace(" ", "")
            plain = "\x1e1\x02" + " ?".join(map(re.escape, compact)) + "\x03"
            fpat = "\x1e1\x02[^\x03]*\x03" + "\x05?".join(map(re.escape, folded)) + "\x04"
            for pattern, score in ((plain, EXACT), (fpat, FOLD_EXACT)):
                for m in re.finditer(pattern, self.text):
                    ri, ks = self._locate(m.start() + 1)
                    if allowed is None or ri in allowed:
                        fld = self._key(ks).field
                        _offer(best, ri, score - (0.5 if fld in GROUP_FIELDS else 0.0), fld)
            reduced = "".join(content_words(text))
            if reduced and reduced != compact:
                # "the deepfake", "penalty for sextortion": an alias or name once the filler
                # words are gone (shared fields score as much by their words).
                for m in re.finditer("\x1e1\x02" + " ?".join(map(re.escape, reduced)) + "\x03", self.text):
                    ri, ks = self._locate(m.start() + 1)
                    fld = self._key(ks).field
                    if (allowed is None or ri in allowed) and fld not in GROUP_FIELDS:
                        _offer(best, ri, REDUCED_EXACT, fld)
        art = article_tokens(query)
        for ri, score, fld in self._article_hits(art, allowed):
            _offer(best, ri, score, fld)
        refs = article_refs(query) if not art else []
        for ref in refs:
            # "Sexual Crimes Act 14-2", "s 474.17A of the Criminal Code", "226-8-1 du code
            # pénal": that article, when the other words are found in its record (the Act's
            # name, short name or alias); a reference written as an article keeps its match
            # without them ("Article 226-8-1 CP"), a little lower.
            found = self._article_hits(ref.article, allowed)
            if not found:
                continue
            words = query_words(normalise(ref.rest))
            among = {ri for ri, _, _ in found}
            named = self._records_with_words(words, among) if words else among
            for ri, score, _ in found:
                if ri in named:
                    _offer(best, ri, score, "article")
                elif ref.strong:
                    _offer(best, ri, article_alone(score), "article")
        if text:
            # A query naming an id or an article is not matched word by word against ids:
            # their last segment loses its punctuation ("14-2" is not "14.2").
            skip = ("id",) if id_like or art or refs else ()
            tokens = query_words(text)
            if tokens:
                self._score_words(tokens, allowed, best, skip=skip)
                ftokens = list(dict.fromkeys(fold(" ".join(tokens)).split()))
                if ftokens != tokens:
                    self._score_words(ftokens, allowed, best, folded=True, skip=skip)

    # -------------------------------------------------------------- fuzzy

    @property
    def vocab(self) -> list[str]:
        """Every distinct word of the keys (built on first use: typo correction only)."""
        if self._vocab is None:
            texts = re.findall("\x02([^\x03]*)\x03", self.text)
            self._vocab = sorted(set(" ".join(texts).split()))
        return self._vocab

    def _similar(self, token: str) -> list[tuple[str, float]]:
        """Known words like `token` (a typo), best first."""
        if len(token) < 4 or token.isdigit():
            return []
        from rapidfuzz import fuzz, process

        cutoff = 80.0 if len(token) == 4 else FUZZY_CUTOFF
        found = process.extract(token, self.vocab, scorer=fuzz.ratio, score_cutoff=cutoff, limit=5)
        return [(w, float(sim)) for w, sim, _ in found if w != token]

    def _known(self, token: str) -> bool:
        """Whether some word of the keys starts with `token` (is `token`, for short ones), or
        is another form of it."""
        return next(self._scan(token, False, len(token) < 3 or token.isdigit()), None) is not None or any(self.variants(token))

    def has_word(self, word: str) -> bool:
        """Whether `word` is a word of the keys."""
        if self._vocab_set is None:
            self._vocab_set = frozenset(self.vocab)
        return word in self._vocab_set

    def variants(self, token: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Other forms of a query word found in the keys (see :func:`word_variants`)."""
        if self._variants_of is not None:
            return self._variants_of(token)
        got = self._variants.get(token)
        if got is None:
            got = self._variants[token] = word_variants(token, self.has_word)
        return got

    def _short_keys(self) -> tuple[list[int], list[str], list[str]]:
        """Start, text and folded text of short keys naming a record (id, title, alias, name)."""
        if self._short is None:
            starts, texts, folds = [], [], []
            t = self.text
            for m in re.finditer(f"(id|title|alias|name)\x1e[01]\x02([^\x03]{{1,{SHORT_KEY}}})\x03([^\x04]*)", t):
                if t[m.start() - 1] in "\x1c\x1f":
                    starts.append(m.start())
                    texts.append(m.group(2))
                    folds.append(m.group(3).replace(_FWORD, " "))
            self._short = (starts, texts, folds)
        return self._short

    def _score_phrase(self, query: str, allowed, best: dict) -> None:
        """Whole-phrase fuzzy similarity against short keys (names, titles, aliases)."""
        if not any(c.isalpha() for c in query):
            return  # bare numbers: article matching already had its say
        from rapidfuzz import fuzz, process

        starts, texts, folds = self._short_keys()
        for choices, q in ((texts, query), (folds, fold(query))):
            if not q:
                continue
            for _, sim, pos in process.extract(q, choices, scorer=fuzz.token_sort_ratio, score_cutoff=FUZZY_CUTOFF, limit=None):
                ri, ks = self._locate(starts[pos])
                if allowed is None or ri in allowed:
                    _offer(best, ri, FUZZY_SCALE * float(sim), self._key(ks).field)

    def _corrected(self, text: str) -> tuple[str, float] | None:
        """`text` with each unknown word replaced by the closest known word, and the lowest similarity."""
        out, worst, changed = [], 100.0, False
        for tok in text.split():
            if self._known(tok):
                out.append(tok)
                continue
            similar = self._similar(tok)
            if not similar:
                return None
            out.append(similar[0][0])
            worst = min(worst, similar[0][1])
            changed = True
        return (" ".join(out), worst) if changed else None

    # -------------------------------------------------------------- queries

    def search(self, query: str, filters: Filters | None = None, limit: int | None = 10, fuzzy: bool = True, weak: bool = False) -> list[Hit]:
        """Records matching `query`, best first (see the module docstring for the ranking);
        with `weak`, also those scoring below FUZZY_MIN (for suggestions)."""
        filters = filters or Filters()
        allowed = None
        if filters.jurisdictions or filters.tags or filters.kind:
            allowed = {i for i, e in enumerate(self.entries) if filters.allows(e)}
        best: dict[int, list] = {}  # record -> [score, field]
        self._strict(query, allowed, best)
        text = normalise(query)
        # Fuzzy matches rank below every strict one, so skip them when the page is full.
        found = sum(1 for v in best.values() if v[0] >= SPREAD_MIN)
        enough = bool(limit) and found >= limit
        if fuzzy and text and not enough:
            fixed = self._corrected(text)
            if fixed is not None:
                # The query with its typos corrected keeps its own order, one band down.
                strict: dict[int, list] = {}
                self._strict(fixed[0], allowed, strict)
                for ri, (score, fld) in strict.items():
                    _offer(best, ri, FUZZY_SCALE * fixed[1] + (score - WORDS_MIN) / 5, fld)
            tokens = query_words(text)
            similar = {t: self._similar(t) for t in tokens if not self._known(t)}
            if similar:
                self._score_words(tokens, allowed, best, similar=similar)
            partial: dict[int, list] = {}
            if not found and len(tokens) > 1:
                # No record holds every word: those holding most of them.
                self._score_partial(tokens, allowed, partial)
            if not best and query_words(text):
                # Last resort: the whole query against names and titles.
                self._score_phrase(text, allowed, best)
            for ri, (score, fld) in partial.items():
                _offer(best, ri, score, fld)
        if not best and fuzzy and allowed is None:
            self._nothing.add(query)  # not even a weak match: suggest need not search again
        if not weak:
            best = {ri: v for ri, v in best.items() if v[0] >= FUZZY_MIN}
        order = sorted(best, key=lambda ri: (-best[ri][0], *tie_key(self.entries[ri])))
        if limit:
            order = order[:limit]
        return [self._hit(ri, best[ri][0], _band(best[ri][0]), best[ri][1]) for ri in order]

    def jurisdictions(self) -> list[str]:
        """Every jurisdiction code of the records."""
        return sorted({e.jurisdiction for e in self.entries})

    def tags(self) -> list[str]:
        """Every tag of the records."""
        return sorted({t for e in self.entries for t in e.tags})

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
        """The `n` ids closest to `text`: the best search hits (weak ones too), else the
        nearest ids, titles and aliases, if any is near (SUGGEST_MIN)."""
        ids = [] if text in self._nothing else [h.id for h in self.search(text, limit=n, weak=True)]
        if len(ids) >= n:
            return ids[:n]
        from rapidfuzz import fuzz, process

        q = suggestion_text(text)
        starts, choices, _ = self._short_keys()
        scored: dict[int, float] = {}
        for _, sim, pos in process.extract(q, choices, scorer=fuzz.WRatio, score_cutoff=SUGGEST_MIN, limit=None):
            ri = self._locate(starts[pos])[0]
            scored[ri] = max(scored.get(ri, 0.0), float(sim))
        for ri in sorted(scored, key=lambda r: (-round(scored[r], 1), self.entries[r].id)):
            rid = self.entries[ri].id
            if rid not in ids:
                ids.append(rid)
            if len(ids) >= n:
                break
        return ids


# An article reference inside a longer query ("s 474.17A of the Criminal Code", "226-8-1 du
# code pénal", "아청법 제11조 제5항" once rewritten): an optional designator, the number, its
# subdivisions; not part of a longer token (a case number "3:22-cr-00157", a date).
_SPAN_DESIGNATOR = r"(?:sections?|secs?|ss?|articles?|arts?|paragraphs?|paras?|§+)"
_ART_SPAN = re.compile(
    r"(?<![\w.:/\-\u2010-\u2015])(?:(?P<des>" + _SPAN_DESIGNATOR + r")\.?\s*)?"
    r"(?P<num>\d[0-9a-z]*(?:[-.\u2010-\u2015][0-9a-z]+)*)(?P<subs>(?:\s*\([0-9a-z]+\))*)(?![\w:/\-\u2010-\u2015])",
    re.IGNORECASE,
)


class ArticleRef(NamedTuple):
    """An article number found in a query, and the rest of the query around it."""

    article: tuple[str, ...]  # as article_tokens gives it
    rest: str  # the query without the reference
    strong: bool  # written as an article (a designator, "14-2", "66B", "(2)"), not a bare number


def article_refs(query: str) -> list[ArticleRef]:
    """Every article reference in `query` with the words around it: "Sexual Crimes Act
    Art. 14-2(4)" -> ((14-2, 4), "Sexual Crimes Act", strong). A bare number ("Act 2003")
    is a weak reference: it counts only when the words around it name the record."""
    t = _native_article(unicodedata.normalize("NFKC", query), mark="art. ")
    out = []
    for m in _ART_SPAN.finditer(t):
        num = m.group("num")
        subs = tuple(x.casefold() for x in re.findall(r"\(([0-9A-Za-z]+)\)", m.group("subs")))
        strong = bool(m.group("des") or subs or not num.isdigit())
        art = (re.sub(r"[-.\u2010-\u2015]", "-", num.casefold()), *subs)
        out.append(ArticleRef(art, f"{t[: m.start()]} {t[m.end() :]}".strip(), strong))
    return out


def suggestion_text(text: str) -> str:
    """`text` as suggestions compare it with names: normalised, filler words dropped (a
    lone "a" would otherwise be found inside every title)."""
    t = normalise(text)
    return " ".join(content_words(t)) or t or text.lower()


def partial_score(letters: int, total: int, words: int) -> float | None:
    """The score of a record holding `words` of the query's words, with `letters` of its
    `total` letters (not all of them): None for fewer than two words or half the letters."""
    if words < 2 or letters * 2 <= total or letters >= total:
        return None
    return FUZZY_SCALE * 100.0 * letters / total


def tie_key(entry) -> tuple[bool, str]:
    """The order of records with equal scores: offences before cases, then by id."""
    return (entry.kind != "offence", entry.id)


def article_alone(score: float) -> float:
    """The score of an article match whose query's other words the record lacks ("Article
    226-8-1 CP"): in the words band, below the same article with the words found."""
    return SPREAD_MIN + SPREAD_SPAN * max(0.0, score - WORDS_MIN) / (EXACT - WORDS_MIN)


def _common(a: str, b: str) -> int:
    """The length of the common start of `a` and `b`."""
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _offer(best: dict, ri: int, score: float, field: str) -> None:
    """Keep the best score per record and the field it came from."""
    cur = best.get(ri)
    if cur is None or score > cur[0]:
        best[ri] = [score, field]


# ---------------------------------------------------------------- catalogue helpers


def index_for(catalogue):
    """The search index of a catalogue, built once and kept on it.

    A catalogue whose packs all have an FTS5 store is searched through the stores
    (:class:`lawref.dbsearch.DbSearch`: only candidate records are read); otherwise every
    record's precomputed keys (`catalogue.rows[id].keys`) are joined into a SearchIndex.
    """
    idx = getattr(catalogue, "_search_index", None)
    if idx is not None:
        return idx
    from .dbsearch import DbSearch, usable

    if usable(catalogue):
        idx = DbSearch(catalogue)
    elif hasattr(catalogue, "rows"):
        recs = catalogue.records
        idx = SearchIndex([Entry(r.id, r.kind, r.jurisdiction, r.tags, r.keys) if r.keys else Entry.of(recs[r.id]) for r in catalogue.rows.values()], recs)
    else:
        idx = SearchIndex([Entry.of(r) for r in catalogue.records.values()], catalogue.records)
    try:
        catalogue._search_index = idx
    except AttributeError:  # a slotted or frozen catalogue: just don't keep it
        pass
    return idx


def search(catalogue, query: str, filters: Filters | None = None, limit: int | None = 10, day=None) -> list[Hit]:
    """Search a catalogue (see :meth:`SearchIndex.search`). With `day`, records of equal score
    put offences in force on `day` before those that are not (a script taking the first hit
    gets the law of that day)."""
    idx = index_for(catalogue)
    if day is None:
        return idx.search(query, filters, limit)
    known: dict[str, bool] = {}

    def in_force(h: Hit) -> bool:
        if h.id not in known:
            known[h.id] = h.kind == "offence" and h.record.in_force(day) is not None
        return known[h.id]

    n = limit
    while True:
        hits = idx.search(query, filters, n)
        if not limit or len(hits) < n:
            break
        # The index ranks equal scores offences first, then by id. The page's last group of
        # equal offences needs as many in force as it has places on the page, from the
        # start of that group (in id order); read further only while it has fewer.
        edge = hits[limit - 1].score
        if hits[-1].score < edge or hits[-1].kind != "offence":
            break  # every offence of that score is here
        places = sum(1 for h in hits[:limit] if h.score == edge and h.kind == "offence")
        if sum(1 for h in hits if h.score == edge and in_force(h)) >= places:
            break
        n *= 2
    return sorted(hits, key=lambda h: (-h.score, h.kind != "offence", not in_force(h), h.id))[:limit]


def suggest(catalogue, text: str, n: int = 3) -> list[str]:
    """The `n` ids closest to `text`, for "did you mean" (none for text without a letter or
    digit: every record is equally far from it)."""
    if not len(catalogue.records) or not any(ch.isalnum() for ch in text):
        return []
    return index_for(catalogue).suggest(text, n)


def find_record(catalogue, text: str) -> tuple[Record, str | None]:
    """The record with id `text`, else the one record `text` names exactly (see
    :func:`named_record`); and the id `text` was read as in the second case, else None.
    Raises UnknownRecord (BrokenRecord for a record whose file failed to load)."""
    from .errors import BrokenRecord, UnknownRecord

    try:
        return catalogue.get(text), None
    except BrokenRecord:
        raise
    except UnknownRecord:
        rid = named_record(catalogue, text)
        if rid is None:
            raise
    return catalogue.get(rid), rid


def named_record(catalogue, text: str) -> str | None:
    """The id of the one record `text` names exactly when it is not an id: an article, alias,
    title, name or id end only that record has ("226-8-1", "s 474.17A", "Cho Ju-bin",
    "14-2.1"), or an id whose last part is its article written another way
    ("kr/sexual-crimes-act/14-2-1", "kr/sexual-crimes-act/14-2(1)"). None when no record or
    several do ("deepfake", "kr/sexual-crimes-act/14-2")."""
    text = text.strip()
    if not text:
        return None
    hits = search(catalogue, text, limit=2)
    if hits and (hits[0].match == "exact" or hits[0].score >= ID_TAIL) and (len(hits) == 1 or hits[1].score < hits[0].score):
        return hits[0].id
    return _id_by_article(catalogue, text) if "/" in text else None


def _id_by_article(catalogue, text: str) -> str | None:
    """The offence under the id prefix of `text` whose article its last part names: exactly,
    else as the same numbers ("14-2-1" for 14-2(1)) when no article begins as written."""
    prefix, last = text.strip().lower().rstrip("/").rsplit("/", 1)
    want = article_tokens(last)
    if not want:
        return None
    family: list[tuple[str, list[tuple[str, ...]]]] = []
    for h in search(catalogue, prefix, Filters(kind="offence"), limit=None):
        if h.id.startswith(prefix + "/"):
            rec = h.record
            family.append((h.id, [article_tokens(rec.article, whole=False), *article_variants(rec.article)]))
    same = {rid for rid, arts in family if want in arts}
    if len(same) == 1:
        return same.pop()
    if same or any(a[: len(want)] == want for _, arts in family for a in arts):
        return None  # several, or an article enclosing several ("14-2": 14-2(1), 14-2(2), ...)
    flat = {rid for rid, arts in family if "-".join(want) in {"-".join(a) for a in arts}}
    return flat.pop() if len(flat) == 1 else None


def listing(catalogue, filters: Filters | None = None, limit: int | None = None, day=None) -> list[Hit]:
    """Every record passing `filters` (a search without a query), by id; with `day`, as search
    ties go: offences in force on `day` first, then other offences, then cases. Only as many
    offences are read as the first `limit` places need."""
    idx = index_for(catalogue)
    if day is None:
        return idx.listing(filters, limit)
    hits = idx.listing(filters)
    offences = [h for h in hits if h.kind == "offence"]
    current: list[Hit] = []
    other: list[Hit] = []
    for h in offences:
        if limit and len(current) >= limit:
            return current
        (current if h.record.in_force(day) is not None else other).append(h)
    ordered = current + other + [h for h in hits if h.kind != "offence"]
    return ordered[:limit] if limit else ordered


def places_in_query(catalogue, text: str, command: str = "search") -> tuple[str, frozenset[str], list[str]]:
    """A jurisdiction named in a query ("deepfake South Korea", "UK revenge porn"): the
    query without it, the codes it names, and the words that named them. Only places the
    catalogue has records for count; UsageError for a place it has none for, so that
    "deepfake Germany" never answers with other countries' laws."""
    from .errors import UsageError
    from .places import query_places

    words = text.split()
    found = query_places(words)
    if not found or len(found) == len(words) == 0:
        return text, frozenset(), []
    known = sorted({j.upper() for j in index_for(catalogue).jurisdictions()})
    codes = [code for _, _, code, _ in found]
    missing = [(code, name) for _, _, code, name in found if not any(applies_in(k, (code,)) for k in known)]
    if missing:
        from .jurisdictions import name as jname

        named = ", ".join(f"{n} ({jname(c)}, {c})" if jname(c).lower() != n.lower() else f"{n} ({c})" for c, n in missing)
        raise UsageError(f"{command}: no records for {named}; the catalogue covers {', '.join(known)}")
    from .places import FILLER_AFTER, FILLER_BEFORE

    taken = {i for a, b, _, _ in found for i in range(a, b)}
    for a, b, _, _ in found:
        # "deepfake law in France": "in" and "law" go with the place.
        j = a - 1
        while j >= 0 and j not in taken and words[j].lower() in FILLER_BEFORE:
            taken.add(j)
            j -= 1
        j = b
        while j < len(words) and j not in taken and words[j].lower() in FILLER_AFTER:
            taken.add(j)
            j += 1
    rest = " ".join(w for i, w in enumerate(words) if i not in taken)
    return rest, frozenset(codes), [name for _, _, _, name in found]


def coverage_notes(catalogue, codes: Iterable[str]) -> list[str]:
    """Notes for places the catalogue holds no law of their own for, only law from a level
    above that applies there ("AU-NSW": Commonwealth "AU" law): the results are that law."""
    from .jurisdictions import name as jname
    from .jurisdictions import within

    known = sorted({j.upper() for j in index_for(catalogue).jurisdictions()})
    out = []
    for code in sorted({c.upper() for c in codes}):
        if any(within(k, (code,)) for k in known):
            continue
        above = [k for k in known if code.startswith(k + "-")]
        if above:
            levels = ", ".join(f"{jname(k)} ({k})" for k in above)
            out.append(f"{code}: lawref holds no {jname(code)} law of its own; showing {levels} law, which applies there")
    return out


def make_filters(catalogue, jurisdictions: Iterable[str] | None = None, tags: Iterable[str] | None = None, kind: str | None = None) -> Filters:
    """Filters checked against the catalogue. Raises UsageError for a code or tag no record has."""
    import difflib

    from .errors import UsageError

    from .places import option_codes

    kind_text = kind

    juris = option_codes(jurisdictions)
    if juris:
        known = sorted({j.upper() for j in index_for(catalogue).jurisdictions()})
        for j in sorted(juris):
            if not any(applies_in(k, (j,)) for k in known):
                raise UsageError(f"--jurisdiction: no records for {j!r}; the catalogue covers {', '.join(known)}")
    want = frozenset(t.strip() for v in (tags or ()) for t in v.split(",") if t.strip()) or None
    if want:
        known_tags = {normalise(t): t for t in index_for(catalogue).tags()}
        for t in sorted(want):
            if normalise(t) not in known_tags:
                close = difflib.get_close_matches(t.lower(), sorted(set(known_tags.values())), n=3, cutoff=0.5)
                hint = f"; did you mean: {', '.join(close)}?" if close else " (see `lawref tags`)"
                raise UsageError(f"--tag: no record has the tag {t!r}{hint}")
    if kind is not None:
        kind = KINDS.get(kind.strip().lower())
        if kind is None:
            raise UsageError(f"--kind: {kind_text!r} is not offence or case")
    return Filters(juris, want, kind)


KINDS = {"offence": "offence", "offense": "offence", "offences": "offence", "offenses": "offence", "case": "case", "cases": "case"}
