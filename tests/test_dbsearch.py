"""Search through the SQLite stores (lawref.dbsearch) ranks exactly as a full scan does.

The reference is lawref.search.SearchIndex over every record's keys; the store-backed search
reads only candidates and stops early, so any gap in its candidate bounds shows up here as a
different page. Queries are drawn from the records themselves (words, prefixes, typos, ids,
article numbers, names) of a generated pack plus the bundled data.
"""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import pytest

from lawref import dbsearch
from lawref.catalog import load_catalogue
from lawref.search import Entry, Filters, SearchIndex, index_for

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "benchmarks" / "generate.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    out = tmp_path_factory.mktemp("gen")
    gen.generate(300, str(out))
    cat = load_catalogue([str(out)], bundled=True, use_cache=True, env="")
    if not dbsearch.usable(cat):
        pytest.skip("this SQLite has no FTS5: search falls back to the full scan")
    full = SearchIndex([Entry(r.id, r.kind, r.jurisdiction, r.tags, r.keys) for r in cat.rows.values()], cat.records)
    return cat, full


def _queries(cat, n=160):
    rng = random.Random(7)
    rows = list(cat.rows.values())
    out = ["deepfake", "nth room", "jo ju bin", "14-2", "s.66B", "sexual crimes act 14-2", "defpake", "sexaul crimes", "zzzzqx", "kr/sexual-crimes-act", "226-8-1",
           # citations inside longer queries, filler words, plurals, partial matches
           "article 226-8-1 du code pénal", "Article 226-8-1 CP", "성폭력처벌법 제14조의2 제4항", "아청법 11조 5항",
           "s 474.17A of the Criminal Code", "Sexual Violence Punishment Act 14-2(4)", "the deepfake",
           "what is the penalty for sextortion", "deepfakes", "of the", "sharing nude images without consent",
           "penalty for watching deepfakes", "child pornography", "14-2(1) 226-8-1",
           # other forms of a word, weak matches cut off
           "revenge pornography", "pornographic deepfake", "distribution of deepfakes", "sexually explicit photographs",
           "grooming", "2252 a", "lee hyun woo judge"]
    for _ in range(n):
        r = rng.choice(rows)
        words = [w for w in r.title.replace("(", " ").replace(")", " ").split() if w.isalpha()]
        kind = rng.randrange(7)
        if kind == 0 and words:
            out.append(rng.choice(words))
        elif kind == 1 and len(words) > 1:
            out.append(" ".join(rng.sample(words, 2)))
        elif kind == 2 and words:
            w = rng.choice(words)
            out.append(w[: max(3, len(w) // 2)])
        elif kind == 3 and words:
            w = max(words, key=len)
            i = rng.randrange(1, len(w)) if len(w) > 2 else 0
            out.append(w[:i] + w[i + 1 :] if i else w)  # a typo: one letter dropped
        elif kind == 4:
            out.append(r.id if rng.random() < 0.5 else r.id.rsplit("/", 1)[0])
        elif kind == 5 and len(words) > 2:
            # Words of the title around filler words, one word missing or made plural.
            picked = rng.sample(words, 3)
            out.append(f"the {picked[0]}s of {picked[1]} {rng.choice(['penalty', 'xqzv', picked[2]])}")
        else:
            out.append(r.id.rsplit("/", 1)[-1].replace("-", "(", 1) + ")" if "-" in r.id.rsplit("/", 1)[-1] else r.id.rsplit("/", 1)[-1])
    for r in rng.sample(rows, 12):  # the ends of ids, as people copy them ("14-2.1")
        out.append(r.id.split("/", 1)[-1] if rng.random() < 0.5 else r.id.rsplit("/", 1)[-1])
    return out


def _page(hits):
    return [(h.id, h.score, h.match) for h in hits]


@pytest.mark.parametrize("limit", [3, 10, None])
def test_store_search_pages_equal_the_full_scan(big, limit):
    cat, full = big
    db = index_for(cat)
    assert isinstance(db, dbsearch.DbSearch)
    diffs = []
    for q in _queries(cat):
        a, b = _page(db.search(q, limit=limit)), _page(full.search(q, limit=limit))
        if a != b:
            diffs.append((q, a[:5], b[:5]))
    assert not diffs, diffs[:3]


def test_store_search_with_filters_equals_the_full_scan(big):
    cat, full = big
    db = index_for(cat)
    jurs = sorted({r.jurisdiction for r in cat.rows.values()})
    filters = [Filters(frozenset({jurs[0]}), None, None), Filters(None, None, "case"), Filters(frozenset({"KR", jurs[-1]}), None, "offence")]
    for f in filters:
        for q in _queries(cat, 40):
            assert _page(db.search(q, f, limit=10)) == _page(full.search(q, f, limit=10)), (q, f)
        assert _page(db.listing(f, limit=20)) == _page(full.listing(f, limit=20))


def test_store_suggestions_equal_the_full_scan(big):
    cat, full = big
    db = index_for(cat)
    for q in ["kr/sexual-crimes-act/14-9", "zzzz", "cho jubn", "deepfak"]:
        assert db.suggest(q) == full.suggest(q), q


def _mangled(cat, n=40):
    """Names and titles with letters swapped in every word: no word matches, so only the
    whole-phrase fuzzy stage (or nothing) can answer."""
    rng = random.Random(11)
    rows = list(cat.rows.values())
    out = ["jo ju bin", "hugh nelsen", "pavle durov", "qqqq zzzz", "a", "12"]
    for _ in range(n):
        words = rng.choice(rows).title.split()[:3]
        swapped = []
        for w in words:
            if len(w) > 3:
                i = rng.randrange(len(w) - 1)
                w = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
            swapped.append(w)
        out.append(" ".join(swapped))
    return out


def test_store_phrase_matches_equal_the_full_scan(big):
    cat, full = big
    db = index_for(cat)
    for q in _mangled(cat):
        assert _page(db.search(q, limit=10)) == _page(full.search(q, limit=10)), q
        assert db.suggest(q, 5) == full.suggest(q, 5), q


def test_suggestions_after_an_empty_search_equal_fresh_ones(big):
    """The command searches, finds nothing, then asks for suggestions: the second search is
    skipped, and the suggestions are those a fresh index gives."""
    cat, full = big
    db = index_for(cat)
    for q in ["zzzzqx", "qqqq zzzz", "xqxqxq vwvwvw", "2252 a", "grooming"]:
        assert db.search(q, limit=10) == [] and full.search(q, limit=10) == []
        assert db.suggest(q) == full.suggest(q) == SearchIndex(full.entries, cat.records).suggest(q), q
    assert db.suggest("zzzzqx") == []  # nothing is near it
    assert db.suggest("2252 a")[0] == "us/18-usc/2252a"  # near a name, though no match


def test_a_candidate_bound_is_never_below_the_score(big):
    """The early stop is only right if no record outscores its bound."""
    cat, full = big
    db = index_for(cat)
    for q in _queries(cat, 60):
        bounds = db._strict_bounds(q)
        best: dict = {}
        full._strict(q, None, best)
        for ri, (score, _) in best.items():
            rid = full.entries[ri].id
            g = next((g for g in bounds if db._info.get(g, (None,))[0] == rid), None)
            if g is None:
                db._subset_info(list(bounds))
                g = next((g for g in bounds if db._info[g][0] == rid), None)
            assert g is not None, (q, rid, "not a candidate")
            assert bounds[g] + 1e-9 >= score, (q, rid, bounds[g], score)
