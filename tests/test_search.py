"""Search: normalisation, ranking on the bundled data, filters, and the `search` command."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from types import SimpleNamespace

import pytest
from conftest import ROOT

from lawref.search import (
    SPREAD_MIN,
    Entry,
    Filters,
    SearchIndex,
    article_tokens,
    decode_keys,
    fold,
    make_filters,
    normalise,
    record_keys,
    search,
    search_keys,
    suggest,
)

DEEPFAKE_KR = "kr/sexual-crimes-act/14-2.1"
CHO = "kr/cho-ju-bin"

# ---------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Jo Ju-bin", "jo ju bin"),
        ("조주빈", "jojubin"),
        ("Code pénal", "code penal"),
        ("Doctor's room", "doctors room"),
        ("18 U.S.C. § 2252A", "18 usc 2252a"),
        ("ＮＴＨ　Room", "nth room"),  # full-width letters and space (NFKC)
        ("  --  ", ""),
    ],
)
def test_normalise(text, expected):
    assert normalise(text) == expected


@pytest.mark.parametrize(
    "a, b",
    [
        ("jo ju bin", "cho joo bin"),
        (normalise("조주빈"), "chojubin"),
        (normalise("문형욱"), "moonhyungwook"),
        ("mun hyeong uk", "moon hyung wook"),
        ("baksa", "paksa"),
    ],
)
def test_fold_merges_romanisation_variants(a, b):
    assert fold(a).replace(" ", "") == fold(b).replace(" ", "")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("14-2(1)", ("14-2", "1")),
        ("14-2", ("14-2",)),
        ("14(2)", ("14", "2")),  # article 14 paragraph 2 is not article 14-2
        ("s.66B(1)", ("66b", "1")),
        ("section 66B", ("66b",)),
        ("474.17A", ("474-17a",)),
        ("Art. 226-8-1", ("226-8-1",)),
        ("§ 2252A(a)(5)", ("2252a", "a", "5")),
        ("deepfake", ()),
    ],
)
def test_article_tokens(text, expected):
    assert article_tokens(text) == expected


def test_keys_round_trip_through_their_string_form(catalogue):
    for rec in catalogue.records.values():
        assert decode_keys("\x1f".join(search_keys(rec))) == record_keys(rec)
        assert all("\x1f" not in k and "\x1c" not in k for k in search_keys(rec))


# ---------------------------------------------------------------- ranking on the bundled data

# (query, filters, expected first id): one row per kind of query the issue lists.
RANKED_FIRST = [
    # ids and article numbers
    (DEEPFAKE_KR, {}, DEEPFAKE_KR),
    ("fr/code-penal/226-8-1", {}, "fr/code-penal/226-8-1"),
    ("14-2", {}, DEEPFAKE_KR),
    ("14-2(1)", {}, DEEPFAKE_KR),
    ("14(2)", {}, "kr/sexual-crimes-act/14.2"),
    ("226-8-1", {}, "fr/code-penal/226-8-1"),
    ("s.66B", {}, "gb-eaw/sexual-offences-act-2003/66b"),
    ("s 66B(2)", {}, "gb-eaw/sexual-offences-act-2003/66b-2"),
    ("474.17A", {}, "au/criminal-code/474-17a"),
    # Each part of a multi-part article, and a sub-paragraph of a recorded article.
    ("2252A(a)(2)", {}, "us/18-usc/2252a"),
    ("2252A(a)(6)", {}, "us/18-usc/2252a"),
    ("223(h)(3)(B)", {}, "us/47-usc/223-h-minor"),
    ("227-23 al. 1", {}, "fr/code-penal/227-23"),
    ("226-8 al. 2", {}, "fr/code-penal/226-8"),
    ("14조의2 제1항", {}, DEEPFAKE_KR),
    ("Art. 14-2 para. 1", {}, DEEPFAKE_KR),
    ("article 227-23 alinéa 1er", {}, "fr/code-penal/227-23"),
    # instrument titles, short titles, native titles
    ("Criminal Justice Act 1988", {}, "gb-eaw/criminal-justice-act-1988/160"),
    ("PCA 1978", {}, "gb-eaw/protection-of-children-act-1978/1"),
    ("Sexual Crimes Act 14-2", {}, DEEPFAKE_KR),
    ("성폭력범죄의 처벌 등에 관한 특례법 14-2", {}, DEEPFAKE_KR),
    # aliases and tags
    ("hypertrucage", {}, "fr/code-penal/226-8"),
    ("Take It Down Act", {"jurisdictions": {"US"}, "kind": "offence"}, "us/47-usc/223-h-adult"),
    ("deepfake", {"jurisdictions": {"KR"}, "kind": "offence"}, DEEPFAKE_KR),
    ("nth-room", {"kind": "case"}, CHO),
    # offence text and case summaries
    ("carriage service", {}, "au/criminal-code/474-17a"),
    ("reasonable excuse defence", {}, "gb-eaw/sexual-offences-act-2003/66b"),
    ("cryptocurrency blackmail", {}, CHO),
    # case names and defendants
    ("Hugh Nelson", {}, "gb-eaw/hugh-nelson"),
    ("Pavel Durov", {}, "fr/durov"),
    ("Cho Ju-bin", {}, CHO),
    # typos
    ("defpake", {"jurisdictions": {"KR"}, "kind": "offence"}, DEEPFAKE_KR),
    ("Rotundo", {}, "au/esafety-v-rotondo"),
    ("hypertrucag", {}, "fr/code-penal/226-8"),
    ("Hugh Nelsen", {}, "gb-eaw/hugh-nelson"),
    # romanisation variants
    ("Jo Ju-bin", {}, CHO),
    ("Cho Joo-bin", {}, CHO),
    ("cho ju bin", {}, CHO),
    ("jojubin", {}, CHO),
    ("Mun Hyung-wook", {}, "kr/moon-hyeong-wook"),
    ("Dourov", {}, "fr/durov"),
    # native script
    ("조주빈", {}, CHO),
    ("문형욱", {}, "kr/moon-hyeong-wook"),
    ("딥페이크", {}, DEEPFAKE_KR),
    ("박사방", {}, CHO),
    # partial names
    ("nth room", {}, CHO),
    ("Ju-bin", {}, CHO),
    ("조주", {}, CHO),
    ("Rotondo", {}, "au/esafety-v-rotondo"),
    # word order
    ("room nth", {"kind": "case"}, CHO),
    ("bin ju cho", {}, CHO),
    ("esafety rotondo", {}, "au/esafety-v-rotondo"),
]


def _filters(spec: dict) -> Filters:
    j = spec.get("jurisdictions")
    return Filters(frozenset(j) if j else None, None, spec.get("kind"))


@pytest.mark.parametrize("query, spec, expected", RANKED_FIRST, ids=[r[0] for r in RANKED_FIRST])
def test_expected_record_ranks_first(catalogue, query, spec, expected):
    if expected not in catalogue.records:
        pytest.skip(f"{expected} is not in the bundled data yet")
    hits = search(catalogue, query, _filters(spec), limit=5)
    assert hits, f"nothing found for {query!r}"
    assert hits[0].id == expected, [(h.id, h.score, h.match) for h in hits]


def test_every_id_alias_and_title_is_an_exact_match_of_its_record(catalogue):
    for rec in catalogue.records.values():
        hits = search(catalogue, rec.id, limit=1)
        assert hits[0].id == rec.id and hits[0].match == "exact"
        for text in (rec.title, *rec.aliases):
            hits = search(catalogue, text, limit=None)
            top = hits[0].score
            assert top == 100.0, (text, hits[0])
            assert rec.id in [h.id for h in hits if h.score == top], text


def test_exact_matches_rank_above_word_and_fuzzy_ones(catalogue):
    hits = search(catalogue, "deepfake", limit=None)
    bands = [h.match for h in hits]
    assert bands == sorted(bands, key=["exact", "words", "fuzzy"].index)
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_typo_keeps_the_order_of_the_corrected_query(catalogue):
    right = [h.id for h in search(catalogue, "deepfake", limit=5)]
    typo = search(catalogue, "defpake", limit=5)
    assert [h.id for h in typo] == right
    assert {h.match for h in typo} == {"fuzzy"}


def test_ties_are_stable_whatever_the_load_order(catalogue):
    recs = list(catalogue.records.values())
    forward = SearchIndex.of_records(recs)
    backward = SearchIndex.of_records(reversed(recs))
    for q in ("deepfake", "nth room", "defpake", "child pornography", "14-2", "Sexual Crimes Act"):
        a = [(h.id, h.score) for h in forward.search(q, limit=None)]
        b = [(h.id, h.score) for h in backward.search(q, limit=None)]
        assert a == b, q
        tied = [(h.kind != "offence", h.id) for h in forward.search(q, limit=None) if h.score == a[0][1]]
        assert tied == sorted(tied), q  # offences first, then by id


def test_index_from_precomputed_keys_matches_index_from_records(catalogue):
    recs = list(catalogue.records.values())
    stored = [Entry(r.id, r.kind, r.jurisdiction, tuple(r.tags), "\x1f".join(search_keys(r))) for r in recs]
    a = SearchIndex(stored, {r.id: r for r in recs})
    b = SearchIndex.of_records(recs)
    for q in ("조주빈", "s.66B", "revnge porn", "carriage service"):
        assert [(h.id, h.score) for h in a.search(q)] == [(h.id, h.score) for h in b.search(q)]
    assert a.search("조주빈")[0].record is catalogue.records[CHO]


@pytest.mark.parametrize("query", ["xqzt wobble", "zzzzzzzz", "42424242"])
def test_nonsense_matches_nothing(catalogue, query):
    assert search(catalogue, query) == []


@pytest.mark.parametrize("query", ["(.*", "[", "\\", "a|b", "\x1f\x1c\x02", "\x1b[31mred", "?" * 50, "ab" * 300, ""])
def test_hostile_queries_do_not_crash(catalogue, query):
    search(catalogue, query, limit=None)
    q = query or "x"
    got = suggest(catalogue, q)
    assert len(got) <= 3 and all(rid in catalogue.records for rid in got)
    if not any(ch.isalnum() for ch in q):
        assert got == []  # no letter or digit: equally far from every record


def test_filters(catalogue):
    hits = search(catalogue, "deepfake", Filters(jurisdictions=frozenset({"KR"})), limit=None)
    assert hits and all(h.jurisdiction == "KR" for h in hits)
    hits = search(catalogue, "deepfake", Filters(kind="case"), limit=None)
    assert hits and all(h.kind == "case" for h in hits)
    hits = search(catalogue, "child", Filters(tags=frozenset({"possession", "child-sexual-abuse-material"})), limit=None)
    assert hits and all({"possession", "child-sexual-abuse-material"} <= set(h.record.tags) for h in hits)
    assert len(search(catalogue, "deepfake", limit=3)) == 3


def test_jurisdiction_filter_matches_subdivisions_and_any_case():
    f = Filters(jurisdictions=frozenset({"US"}))
    assert f.allows(SimpleNamespace(kind="offence", jurisdiction="US-CA", tags=()))
    assert f.allows(SimpleNamespace(kind="offence", jurisdiction="us", tags=()))
    assert not f.allows(SimpleNamespace(kind="offence", jurisdiction="USA", tags=()))


def test_make_filters_rejects_unknown_codes_and_tags(catalogue):
    from lawref.errors import UsageError

    assert make_filters(catalogue, ["kr", "gb-eaw"]).jurisdictions == frozenset({"KR", "GB-EAW"})
    with pytest.raises(UsageError, match="ZZ"):
        make_filters(catalogue, ["zz"])
    with pytest.raises(UsageError, match="did you mean: deepfake"):
        make_filters(catalogue, None, ["deepfak"])


def test_suggest_gives_three_close_ids(catalogue):
    assert suggest(catalogue, "kr/cho-joo-bin")[0] == CHO
    if DEEPFAKE_KR in catalogue.records:
        assert suggest(catalogue, "kr/sexual-crimes-act/14-2")[0] == DEEPFAKE_KR
    # Nothing is near nonsense: no arbitrary list.
    assert suggest(catalogue, "qqqq") == [] and suggest(catalogue, "xyzzy") == []


def test_words_band_is_what_compare_relies_on(catalogue):
    hits = search(catalogue, "intimate image abuse", limit=None)
    assert hits[0].score >= SPREAD_MIN


# ---------------------------------------------------------------- the command


def test_search_table_piped_is_plain_tab_separated(cli):
    r = cli(["search", "deepfake", "-n", "3"])
    assert r.code == 0
    lines = r.out.splitlines()
    assert lines[0].split("\t")[:3] == ["id", "jurisdiction", "title"]
    assert len(lines) == 4 and all(len(line.split("\t")) == 4 for line in lines)
    assert "\x1b" not in r.out


def test_search_piped_through_a_real_pipe_has_no_escape_codes(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "LAWREF_DATA")}
    env.update(LAWREF_CACHE_DIR=str(tmp_path), TERM="xterm-256color", COLUMNS="80")
    p = subprocess.run([sys.executable, "-m", "lawref", "search", "deepfake"], check=False, capture_output=True, env=env, cwd=ROOT, timeout=120)
    assert p.returncode == 0, p.stderr
    assert b"\x1b" not in p.stdout and b"deepfake" in p.stdout.lower()


def _forced_tty(monkeypatch):
    from lawref import output

    monkeypatch.setattr(output, "is_tty", lambda stream=None: True)


def test_search_on_a_terminal_uses_colour_and_respects_no_color(cli, monkeypatch):
    _forced_tty(monkeypatch)
    coloured = cli(["search", "deepfake", "-n", "2"]).out
    assert "\x1b[" in coloured  # a rich table with styles
    monkeypatch.setenv("NO_COLOR", "1")
    plain = cli(["search", "deepfake", "-n", "2"]).out
    for code in ("\x1b[3", "\x1b[9", "\x1b[38;"):  # foreground colours
        assert code not in plain


def test_search_json_schema_and_in_force_at_the_as_of_date(cli, catalogue):
    if DEEPFAKE_KR not in catalogue.records:
        pytest.skip("Korean deepfake record not in the bundled data yet")
    rec = catalogue.records[DEEPFAKE_KR]
    for day in ("2024-01-01", "2025-01-01"):
        r = cli(["search", "14-2(1)", "-j", "kr", "--as-of", day, "--json"])
        assert r.code == 0
        data = json.loads(r.out)
        first = data[0]
        assert set(first) == {"id", "kind", "jurisdiction", "title", "score", "match", "in_force"}
        assert first["id"] == DEEPFAKE_KR and first["match"] == "exact"
        version = rec.in_force(dt.date.fromisoformat(day))
        assert first["in_force"]["from"] == version.start.isoformat()
        assert first["in_force"]["prison"]["max"] == version.prison.max.code()
    before, after = (json.loads(cli(["search", DEEPFAKE_KR, "--as-of", d, "--json"]).out)[0]["in_force"] for d in ("2024-10-15", "2024-10-16"))
    assert before != after


def test_search_json_cases_have_no_in_force(cli):
    data = json.loads(cli(["search", "조주빈", "--json"]).out)
    assert data[0]["id"] == CHO and data[0]["kind"] == "case" and "in_force" not in data[0]


def test_search_table_shows_penalty_at_the_as_of_date(cli, catalogue):
    if DEEPFAKE_KR not in catalogue.records:
        pytest.skip("Korean deepfake record not in the bundled data yet")
    from lawref.penalty import penalty_words

    rec = catalogue.records[DEEPFAKE_KR]
    for day in ("2024-01-01", "2025-01-01"):
        out = cli(["search", DEEPFAKE_KR, "--as-of", day]).out
        assert penalty_words(rec.in_force(dt.date.fromisoformat(day))) in out
    first = rec.penalties[0].start
    out = cli(["search", DEEPFAKE_KR, "--as-of", (first - dt.timedelta(days=1)).isoformat()]).out
    assert f"no specific offence before {first}" in out  # promulgated by then: known to come


def test_before_an_offence_existed_search_says_so_with_its_date(cli):
    """14-2(4) was passed and took effect on 2024-10-16: on 2024-01-01 search says, as compare
    does, that there was no specific offence before then (not "not in force")."""
    out = cli(["search", "deepfake", "-j", "KR", "--as-of", "2024-01-01", "-n", "0"]).out
    row = next(line for line in out.splitlines() if line.startswith("kr/sexual-crimes-act/14-2.4\t"))
    assert row.endswith("no specific offence before 2024-10-16") and "not in force" not in row
    waiting = [line.split("\t")[-1] for line in out.splitlines() if "no proceedings yet" in line]
    assert waiting and not any(re.search(r"\d{4}-\d\d-\d\d", cell) for cell in waiting)


def test_no_match_exits_2_with_three_suggestions(cli):
    r = cli(["search", "2252", "A"])
    assert r.code == 2 and r.out == ""
    line = r.err.strip()
    assert "nothing matches" in line and "\n" not in line
    closest = line.split("closest: ")[1].split(", ")
    assert len(closest) == 3 and closest[0] == "us/18-usc/2252a"


@pytest.mark.parametrize("query", ["xqzt wobble", "xyzzy", "%", "*"])
def test_no_match_near_nothing_says_so_and_gives_a_next_step(cli, query):
    r = cli(["search", query])
    assert r.code == 2 and r.out == ""
    assert "no record is close" in r.err and "closest" not in r.err
    assert "`lawref tags`" in r.err and "`lawref search -j CODE`" in r.err


def test_filtered_out_match_suggests_the_matches_elsewhere(cli):
    r = cli(["search", "Hugh Nelson", "-j", "KR"])
    assert r.code == 2 and "gb-eaw/hugh-nelson" in r.err


@pytest.mark.parametrize(
    "args, message",
    [
        (["search", "deepfake", "-j", "ZZ"], "no records for 'ZZ'"),
        (["search", "deepfake", "--tag", "nope"], "no record has the tag"),
        (["search", "deepfake", "--kind", "statute"], ""),
        (["search", "deepfake", "--as-of", "2024-13-45"], "not a valid date"),
        (["search"], "give a QUERY"),
    ],
)
def test_usage_errors_exit_2(cli, args, message):
    r = cli(args)
    assert r.code == 2 and message in r.err


def test_listing_with_filters_only(cli):
    r = cli(["search", "--tag", "nth-room", "--kind", "case", "--json"])
    data = json.loads(r.out)
    assert r.code == 0 and CHO in [d["id"] for d in data]
    assert [d["id"] for d in data] == sorted(d["id"] for d in data)


def test_listing_puts_offences_in_force_first_then_others_then_cases(catalogue):
    """A listing orders as search ties do, so a short page shows the law of the day."""
    from lawref.search import Filters, listing

    day = dt.date(2024, 1, 1)
    every = listing(catalogue, Filters(tags=frozenset({"deepfake"})), day=day)
    kinds = [(h.kind != "offence", h.kind == "offence" and h.record.in_force(day) is None) for h in every]
    assert kinds == sorted(kinds)
    assert any(k == (False, True) for k in kinds) and any(k == (False, False) for k in kinds)
    # A short page is the head of the full order, however few offences are in force.
    for n in (1, 3, len(every) - 1):
        assert [h.id for h in listing(catalogue, Filters(tags=frozenset({"deepfake"})), limit=n, day=day)] == [h.id for h in every[:n]]


def test_an_empty_listing_names_the_filters_and_what_each_alone_finds(cli):
    r = cli(["search", "-j", "eu", "--kind", "case"])
    assert r.code == 2 and "no record passes all of -j EU --kind case" in r.err
    assert re.search(r"-j EU alone: \d+ records?; --kind case alone: \d+ records", r.err) and "nothing matches '-j" not in r.err


def test_query_words_may_be_given_unquoted(cli):
    a = json.loads(cli(["search", "nth", "room", "--json"]).out)
    b = json.loads(cli(["search", "nth room", "--json"]).out)
    assert a == b


def test_a_run_of_one_letter_is_not_folded_to_that_letter(catalogue):
    """Folding merges doubled letters (Jubbin ~ Jubin), but "aaaa" is not the word "a"."""
    assert search(catalogue, "aaaa") == []
    assert search(catalogue, "Cho Jubbin", limit=1)[0].id == "kr/cho-ju-bin"


def test_no_match_messages_say_where_suggestions_come_from(cli):
    r = cli(["search", "deepfake", "--kind", "case", "-j", "fr"])
    assert r.code == 2 and "matches without the filters:" in r.err
    r = cli(["search", "2252", "A"])
    assert r.code == 2 and "closest:" in r.err
    r = cli(["show", ""])
    assert r.code == 2 and "lawref search `" not in r.err and "try `lawref search" not in r.err
    r = cli(["show", "kr/no such thing"])
    assert "try `lawref search 'no such thing'`" in r.err


@pytest.mark.parametrize("rid", ["kr/sexual-crimes-act/14-2.1", "fr/code-penal/226-8-1", "kr/cho-ju-bin"])
def test_the_end_of_an_id_finds_its_record_first(catalogue, rid):
    for tail in (rid.split("/", 1)[1], rid.rsplit("/", 1)[1]):
        assert search(catalogue, tail, limit=1)[0].id == rid, tail
        assert search(catalogue, tail.upper(), limit=1)[0].id == rid, tail


def test_an_id_end_is_matched_as_written_not_as_an_article():
    """"14(2)" is not the id end "14-2": article 14-2 and article 14(2) are different."""
    from lawref.search import id_tails

    assert id_tails("kr/sexual-crimes-act/14-2.1") == ["sexual-crimes-act/14-2.1", "14-2.1"]
    assert "14(2)" not in id_tails("kr/x/14-2")


@pytest.mark.parametrize(
    ("query", "tokens"),
    [("제14조의2", ("14-2",)), ("제14조의2 제1항", ("14-2", "1")), ("제14조 제1항", ("14", "1")), ("226-8 al. 2", ("226-8", "2")), ("227-23 alinéa 5", ("227-23", "5"))],
)
def test_korean_and_french_article_notation(query, tokens):
    from lawref.search import article_tokens

    assert article_tokens(query) == tokens


def test_korean_article_notation_finds_the_article(catalogue):
    hits = search(catalogue, "제14조의2", limit=4)
    assert hits and all(h.id.startswith("kr/sexual-crimes-act/14-2") for h in hits)


@pytest.mark.parametrize("query, code", [("deepfake Korea", "KR"), ("South Korea deepfake", "KR"), ("UK revenge porn", "GB"), ("French deepfake", "FR")])
def test_a_country_in_the_query_filters(cli, catalogue, query, code):
    from lawref.jurisdictions import within

    r = cli(["search", query, "--json", "-n", "0"])
    assert r.code == 0, r.err
    hits = json.loads(r.out)
    assert hits and all(within(h["jurisdiction"], (code,)) for h in hits)
    assert "--jurisdiction" in r.err
    # Every offence of that jurisdiction the rest of the query finds alone is there.
    rest = " ".join(w for w in query.split() if w not in ("Korea", "South", "UK", "French"))
    alone = [h["id"] for h in json.loads(cli(["search", rest, "--json", "-n", "0", "-j", code]).out)]
    assert [h["id"] for h in hits] == alone


def test_a_country_without_records_is_an_error_not_other_laws(cli):
    r = cli(["search", "deepfake Germany"])
    assert r.code == 2 and "no records for Germany" in r.err and r.out == ""


def test_an_explicit_jurisdiction_leaves_the_query_alone(cli):
    r = cli(["search", "Korea", "-j", "KR", "--json"])
    assert "--jurisdiction" not in r.err


@pytest.mark.parametrize(
    "article, expected",
    [
        ("2252A(a)(1)-(4), (a)(6); penalty (b)(1)", [("2252a", "a", str(n)) for n in (1, 2, 3, 4, 6)]),
        ("223(h)(2)(A), (3)(A), (4)(A)", [("223", "h", str(n), "a") for n in (2, 3, 4)]),
        ("14-2(1)", [("14-2", "1")]),
        ("not an article", []),
    ],
)
def test_article_variants(article, expected):
    from lawref.search import article_variants

    assert article_variants(article) == expected


def test_an_absurdly_long_query_is_a_usage_error(cli):
    r = cli(["search", "a" * 100_000])
    assert r.code == 2 and "characters long" in r.err and r.out == ""


@pytest.mark.parametrize("query, code", [("deepfake in France", "FR"), ("deepfake law in Australia", "AU"), ("deepfakes in South Korea", "KR")])
def test_words_tying_a_place_to_the_query_go_with_it(cli, query, code):
    """'in', 'law' around the place are not search words: the same results as without them."""
    words = [w for w in query.split() if w not in ("in", "law", "France", "Australia", "South", "Korea")]
    with_filler = [h["id"] for h in json.loads(cli(["search", query, "--json", "-n", "0"]).out)]
    plain = [h["id"] for h in json.loads(cli(["search", " ".join(words), "-j", code, "--json", "-n", "0"]).out)]
    assert with_filler == plain and with_filler


def test_a_state_is_not_read_as_the_country_in_its_name(cli):
    r = cli(["search", "New South Wales deepfake", "--json"])
    assert "GB-EAW" not in r.err


@pytest.mark.parametrize("query, code, federal", [("New South Wales deepfake", "AU-NSW", "AU"), ("deepfake california", "US-CA", "US"), ("Texas child abuse images", "US-TX", "US")])
def test_a_state_filters_to_the_law_that_applies_there(cli, query, code, federal):
    """A state of a federation selects its own law and the federal law above it, and says
    when the catalogue holds only the federal level."""
    r = cli(["search", query, "--json", "-n", "0"])
    assert r.code == 0, r.err
    hits = json.loads(r.out)
    assert hits and {h["jurisdiction"] for h in hits} == {federal}
    assert f"--jurisdiction {code}" in r.err
    assert f"{code}: lawref holds no" in r.err and f"({federal}) law" in r.err
    rest = " ".join(w for w in query.split() if w.lower() not in ("new", "south", "wales", "california", "texas"))
    same = json.loads(cli(["search", rest, "-j", federal, "--json", "-n", "0"]).out)
    assert [h["id"] for h in hits] == [h["id"] for h in same]


def test_a_state_of_a_country_without_records_is_still_an_error(cli):
    r = cli(["search", "Ontario deepfake"])
    assert r.code == 2 and "no records for Ontario" in r.err


@pytest.mark.parametrize(
    "code, wanted, expected",
    [("US-CA", {"US"}, True), ("US", {"US-CA"}, True), ("GB", {"GB-EAW"}, True), ("US-TX", {"US-CA"}, False), ("AU", {"US-CA"}, False), ("EU", {"FR"}, False)],
)
def test_applies_in(code, wanted, expected):
    from lawref.jurisdictions import applies_in

    assert applies_in(code, wanted) is expected


def test_the_subdivision_table_is_pycountrys():
    """places.SUBDIVISIONS is a copy (pycountry is too slow to load on every search): it must
    not drift from the library it was taken from."""
    import pycountry

    from lawref.places import FEDERATIONS, SUBDIVISIONS

    theirs = {(s.name, s.code) for cc in FEDERATIONS for s in pycountry.subdivisions.get(country_code=cc) if "," not in s.name}
    assert set(SUBDIVISIONS) == theirs


def test_a_cut_off_list_says_there_is_more(cli):
    full = json.loads(cli(["search", "deepfake", "--json", "-n", "0"]).out)
    assert len(full) > 3
    r = cli(["search", "deepfake", "-n", "3"])
    assert r.code == 0 and "more than 3 matches" in r.err
    assert len([ln for ln in r.out.splitlines()[1:] if ln.strip()]) == 3
    r = cli(["search", "deepfake", "-n", str(len(full))])
    assert "more than" not in r.err
    assert len(json.loads(cli(["search", "deepfake", "--json", "-n", "3"]).out)) == 3


# ---------------------------------------------------------------- citations written as lawyers write them

SCA = "kr/sexual-crimes-act"
YPA = "kr/youth-protection-act"


@pytest.mark.parametrize(
    "query, expected",
    [
        # An Act by its everyday short name (an alias), native title or English alias, plus
        # the article in Korean or Western notation, in either order.
        ("성폭력처벌법 제14조의2 제4항", f"{SCA}/14-2.4"),
        ("성폭력처벌법 제14조 제2항", f"{SCA}/14.2"),
        ("성폭력특례법 14조의2 3항", f"{SCA}/14-2.3"),
        ("제14조의3 제2항 성폭력처벌법", f"{SCA}/14-3.2"),
        ("청소년성보호법 제11조 제5항", f"{YPA}/11.5"),
        ("아청법 11조 5항", f"{YPA}/11.5"),
        ("아청법 제11조의2 제2항", f"{YPA}/11-2.2"),
        ("Sexual Violence Punishment Act 14-2(4)", f"{SCA}/14-2.4"),
        ("Sexual Violence Punishment Act Art. 14(3)", f"{SCA}/14.3"),
        ("art. 14(4) of the Sexual Violence Punishment Act", f"{SCA}/14.4"),
        ("Youth Sex Protection Act article 11(2)", f"{YPA}/11.2"),
        ("성폭력범죄의 처벌 등에 관한 특례법 제14조 제2항", f"{SCA}/14.2"),
        ("성폭력범죄의 처벌 등에 관한 특례법 제14조의2 제4항", f"{SCA}/14-2.4"),
        ("아동ㆍ청소년의 성보호에 관한 법률 제11조 제5항", f"{YPA}/11.5"),
        ("아동·청소년의 성보호에 관한 법률 제11조 제3항", f"{YPA}/11.3"),
        # French: "article N du code pénal" and its abbreviations; alinéas.
        ("article 226-8-1 du code pénal", "fr/code-penal/226-8-1"),
        ("226-8-1 du Code pénal", "fr/code-penal/226-8-1"),
        ("226-8-1 loi SREN", "fr/code-penal/226-8-1"),
        ("Article 226-8-1 CP", "fr/code-penal/226-8-1"),
        ("art 226-8-1 c. pén.", "fr/code-penal/226-8-1"),
        ("l'article 226-8 du code pénal", "fr/code-penal/226-8"),
        ("art. 227-23 al. 5 du code pénal", "fr/code-penal/227-23-possession"),
        ("art 227-23 al 5 code penal", "fr/code-penal/227-23-possession"),
        ("article 227-23 alinéa 5 C. pén.", "fr/code-penal/227-23-possession"),
        # English: section, then "of the" and the Act.
        ("s 474.17A of the Criminal Code", "au/criminal-code/474-17a"),
        ("section 474.17AA of the Criminal Code (Cth)", "au/criminal-code/474-17aa"),
        ("section 66E of the Sexual Offences Act", "gb-eaw/sexual-offences-act-2003/66e"),
        ("section 160 of the Criminal Justice Act 1988", "gb-eaw/criminal-justice-act-1988/160"),
        ("s.1 of the Protection of Children Act 1978", "gb-eaw/protection-of-children-act-1978/1"),
        ("section 2252A(a)(5) of title 18", "us/18-usc/2252a-possession"),
    ],
)
def test_an_act_named_any_way_plus_an_article_finds_that_article(catalogue, query, expected):
    hits = search(catalogue, query, limit=5)
    assert hits and hits[0].id == expected, [(h.id, h.score, h.match) for h in hits]
    # The article's own record is ahead of every other: no tie decided by the id.
    assert len(hits) == 1 or hits[1].score < hits[0].score, [(h.id, h.score) for h in hits]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("article 226-8-1 du code pénal", "fr/code-penal/226-8-1"),
        ("226-8 du code pénal", "fr/code-penal/226-8"),
        ("art. 226-8-1 c. pén.", "fr/code-penal/226-8-1"),
    ],
)
def test_a_record_that_only_mentions_an_article_ranks_below_that_articles_record(catalogue, query, expected):
    hits = search(catalogue, query, limit=None)
    others = [h for h in hits if h.id != expected]
    assert hits[0].id == expected
    assert all(h.score < hits[0].score for h in others)


@pytest.mark.parametrize(
    "query, jur, expected",
    [
        ("penalty for sharing nude images without consent", "AU", "au/criminal-code/474-17a"),
        ("what is the penalty for sharing deepfakes", "FR", "fr/code-penal/226-8-1"),
        ("is watching deepfakes illegal", "KR", f"{SCA}/14-2.4"),
        ("what is the law on possessing deepfakes", "KR", f"{SCA}/14-2.4"),
        ("the penalty for hidden camera filming", "KR", f"{SCA}/14.1"),
        ("punishment for making deepfakes", "KR", f"{SCA}/14-2.1"),
        ("distribution of child pornography federal", "US", "us/18-usc/2252a"),
        ("AI generated CSAM federal law", "US", "us/18-usc/1466a"),
    ],
)
def test_filler_words_do_not_make_a_natural_query_fail(catalogue, query, jur, expected):
    hits = search(catalogue, query, Filters(jurisdictions=frozenset({jur})), limit=5)
    assert hits and hits[0].id == expected, [(h.id, h.score, h.match) for h in hits]


@pytest.mark.parametrize("word", ["the", "of", "penalty", "what is", "law"])
def test_a_filler_word_added_to_a_query_keeps_its_first_result(catalogue, word):
    for q in ("deepfake", "sextortion", "child pornography", "hidden camera", "Hugh Nelson", "s 66E"):
        base = search(catalogue, q, limit=1)[0].id
        for query in (f"{word} {q}", f"{q} {word}"):
            hits = search(catalogue, query, limit=3)
            assert hits and hits[0].id == base, (query, [(h.id, h.score) for h in hits])


@pytest.mark.parametrize("query", ["the", "of the", "what is the"])
def test_a_query_of_filler_words_alone_matches_nothing_by_its_words(catalogue, query):
    assert all(h.match != "words" for h in search(catalogue, query, limit=None))


@pytest.mark.parametrize("query", ["child pornography", "CSAM", "deepfake", "sextortion", "making indecent images of children"])
def test_offences_rank_above_cases_on_equal_scores(catalogue, query):
    hits = search(catalogue, query, limit=None)
    for a, b in zip(hits, hits[1:]):
        if a.score == b.score:
            assert (a.kind, b.kind) != ("case", "offence"), (query, a, b)


def test_plural_query_words_find_singular_keys(catalogue):
    one = {h.id for h in search(catalogue, "intimate image", Filters(kind="offence"), limit=None) if h.score >= SPREAD_MIN}
    many = {h.id for h in search(catalogue, "intimate images", Filters(kind="offence"), limit=None) if h.score >= SPREAD_MIN}
    assert one <= many and "au/criminal-code/474-17a" in many


@pytest.mark.parametrize("value, code", [("uk", "GB"), ("UK", "GB"), ("korea", "KR"), ("South Korea", "KR"), ("usa", "US"), ("fr", "FR"), ("gb-eaw", "GB-EAW")])
def test_jurisdiction_option_accepts_what_the_query_accepts(catalogue, value, code):
    assert make_filters(catalogue, [value]).jurisdictions == frozenset({code})


@pytest.mark.parametrize("query", ["s 66B of the Sexual Offences Act 2003", "section 66B of the SOA 2003", "Sexual Offences Act 2003, s. 66B"])
def test_a_section_of_an_act_puts_its_records_on_top(catalogue, query):
    hits = search(catalogue, query, limit=4)
    assert [h.id for h in hits] == [f"gb-eaw/sexual-offences-act-2003/{x}" for x in ("66b", "66b-2", "66b-3", "66b-4")]


@pytest.mark.parametrize(
    "query, code",
    [("deepfake 한국", "KR"), ("미국 deepfake", "US"), ("딥페이크 대한민국", "KR"), ("deepfake en France", "FR"), ("deepfake corée du sud", "KR"), ("deepfake royaume-uni", "GB"), ("deepfake aux états-unis", "US"), ("deepfake angleterre", "GB-EAW"), ("deepfake 영국", "GB")],
)
def test_a_country_named_in_korean_or_french_filters(cli, query, code):
    from lawref.jurisdictions import applies_in

    r = cli(["search", query, "--json", "-n", "0"])
    assert r.code == 0, r.err
    assert "--jurisdiction" in r.err
    assert all(applies_in(h["jurisdiction"], (code,)) for h in json.loads(r.out))


@pytest.mark.parametrize("value, code", [("GB-ENG", "GB-EAW"), ("gb-wls", "GB-EAW"), ("한국", "KR"), ("états-unis", "US")])
def test_jurisdiction_option_accepts_iso_parts_and_native_names(catalogue, value, code):
    assert make_filters(catalogue, [value]).jurisdictions == frozenset({code})


@pytest.mark.parametrize("args", [["xyzzy"], ["xqzt", "wobble", "-j", "KR"], ["--tag", "deepfake", "--kind", "case", "-j", "EU"]])
def test_json_with_no_match_prints_an_empty_list_and_exits_2(cli, args):
    r = cli(["search", *args, "--json"])
    assert r.code == 2 and json.loads(r.out) == []
    assert re.search("nothing matches|no record passes", r.err)


# ---------------------------------------------------------------- other forms of a word


@pytest.mark.parametrize(
    "a, b",
    [("pornography", "pornographic"), ("pornography", "pornographique"), ("distributing", "distribution"), ("nudes", "nude"), ("sexually", "sexual"), ("punishment", "punished"), ("images", "image")],
)
def test_forms_of_one_word_share_a_stem(a, b):
    from lawref.search import stem

    assert stem(a) == stem(b)


@pytest.mark.parametrize("a, b", [("founder", "found"), ("general", "generation"), ("sites", "sits"), ("intimidation", "intimate")])
def test_different_words_keep_different_stems(a, b):
    from lawref.search import stem

    assert stem(a) != stem(b)


@pytest.mark.parametrize(
    "query, usual",
    [
        ("revenge pornography", "revenge porn"),
        ("pornographic deepfake", "deepfake porn"),
        ("distribution of deepfakes", "distributing deepfakes"),
        ("child pornographic", "child pornography"),
    ],
)
def test_another_form_of_the_words_finds_the_same_records(catalogue, query, usual):
    """Every record the usual wording finds, another form of its words finds too (by its words)."""
    want = {h.id for h in search(catalogue, usual, limit=None) if h.score >= SPREAD_MIN}
    got = {h.id for h in search(catalogue, query, limit=None) if h.score >= SPREAD_MIN}
    assert want and want <= got, sorted(want - got)


def test_revenge_pornography_finds_every_jurisdictions_offence(catalogue):
    hits = search(catalogue, "revenge pornography", Filters(kind="offence"), limit=None)
    assert {h.jurisdiction for h in hits if h.score >= SPREAD_MIN} >= {"AU", "EU", "GB-EAW", "KR", "US"}


def test_the_exact_form_ranks_above_another_form():
    """A key with the query's own word beats one with a short form of it of the same length."""
    from lawref.search import Key

    own = Entry("x/own", "offence", "KR", (), Key("title", "pornography", True).encode())
    short = Entry("x/short", "offence", "KR", (), Key("title", "porn", True).encode())
    hits = SearchIndex([short, own]).search("pornography")
    assert [h.id for h in hits] == ["x/own", "x/short"] and hits[0].score > hits[1].score


def test_a_short_form_counts_in_names_and_titles_not_in_long_text():
    """"sent" is a short form of "sentence" only by its letters: long text is not matched by it."""
    from lawref.search import Key

    titled = Entry("x/titled", "offence", "KR", (), Key("title", "revenge porn", True).encode())
    texted = Entry("x/texted", "case", "KR", (), Key("text", "the images were sent to a revenge porn site", False).encode())
    idx = SearchIndex([titled, texted])
    assert [h.id for h in idx.search("revenge pornography")] == ["x/titled"]
    assert {h.id for h in idx.search("revenge porn")} == {"x/titled", "x/texted"}


# ---------------------------------------------------------------- weak matches are no match


@pytest.mark.parametrize("query", ["grooming", "Lee Hyun-woo judge", "Act No. 20459", "2252 A", "xyzzy"])
def test_weak_fuzzy_matches_are_not_results(catalogue, query):
    """A name or title only a little like the query (a shared short word, a few letters) is
    not a match; the command then says nothing matches."""
    assert search(catalogue, query, limit=None) == []


def test_every_result_is_at_least_as_close_as_the_cut_off(catalogue):
    from lawref.search import FUZZY_MIN

    for q in ("defpake", "Rotundo", "sexaul crimes", "Hugh Nelsen", "revnge porn", "non consensual pornography", "nude images"):
        hits = search(catalogue, q, limit=None)
        assert hits and all(h.score >= FUZZY_MIN for h in hits), q


def test_weak_matches_are_still_offered_as_suggestions(cli):
    r = cli(["search", "2252", "A", "--json"])
    assert r.code == 2 and json.loads(r.out) == [] and "closest: us/18-usc/2252a" in r.err


# ---------------------------------------------------------------- ties and the --as-of date


@pytest.mark.parametrize("day, first", [("2025-01-01", "gb-eaw/sexual-offences-act-2003/66b"), ("2020-01-01", "gb-eaw/criminal-justice-and-courts-act-2015/33")])
def test_a_tie_puts_the_offence_in_force_on_the_day_first(cli, day, first):
    """s.33 (repealed 2024) and s.66B (since 2024) are both "revenge porn": the first hit is
    the law of the --as-of day, whatever the ids."""
    r = cli(["search", "revenge porn", "-j", "GB", "-n", "1", "--json", "--as-of", day])
    data = json.loads(r.out)
    assert r.code == 0 and data[0]["id"] == first and data[0]["in_force"] is not None


@pytest.mark.parametrize("day", [dt.date(2020, 1, 1), dt.date(2024, 6, 1), dt.date(2026, 1, 1)])
def test_in_force_offences_lead_every_group_of_equal_scores(catalogue, day):
    for q in ("revenge porn", "deepfake", "child pornography", "intimate image abuse", "14-2"):
        for limit in (None, 1, 3):
            hits = search(catalogue, q, limit=limit, day=day)
            assert [h.id for h in hits] == [h.id for h in search(catalogue, q, limit=None, day=day)][: limit or None], (q, limit)
            for a, b in zip(hits, hits[1:]):
                if a.score == b.score and a.kind == b.kind == "offence":
                    assert a.record.in_force(day) is not None or b.record.in_force(day) is None, (q, a.id, b.id)


# ---------------------------------------------------------------- option values


def test_kind_accepts_the_us_spelling(cli):
    a = json.loads(cli(["search", "deepfake", "--kind", "offense", "--json", "-n", "0"]).out)
    b = json.loads(cli(["search", "deepfake", "--kind", "offence", "--json", "-n", "0"]).out)
    assert a == b and {h["kind"] for h in a} == {"offence"}


@pytest.mark.parametrize(
    "args, said",
    [
        (["search", "deepfake", "-n", "abc"], "'abc' is not a whole number"),
        (["search", "deepfake", "-n", "-1"], "at least 0"),
        (["search", "deepfake", "--kind", "offens"], "'offens' is not offence or case"),
        (["check", "x", "--tolerance", "lots"], "'lots' is not a number"),
    ],
)
def test_option_errors_are_plain_words(cli, args, said):
    r = cli(args)
    assert r.code == 2 and said in r.err
    for jargon in ("Input should be", "Value error", "unable to parse"):
        assert jargon not in r.err


@pytest.mark.parametrize("command", ["search", "compare"])
def test_a_missing_option_value_points_to_the_commands_help(cli, command):
    r = cli([command, "deepfake", "-j"])
    assert r.code == 2 and f"(see `lawref {command} --help`)" in r.err


def test_jurisdiction_written_with_an_equals_sign(cli):
    for command in ("search", "compare"):
        r = cli([command, "deepfake", "-j=KR", "--json"])
        assert r.code == 0, r.err
        data = json.loads(r.out)
        rows = data if command == "search" else data["rows"]
        assert rows and {x["jurisdiction"] for x in rows} == {"KR"}


@pytest.mark.parametrize("command", ["search", "compare", "changes"])
def test_an_empty_jurisdiction_is_an_error_not_every_jurisdiction(cli, command):
    args = [command, "deepfake", "-j", ""] if command != "changes" else [command, "-j", ""]
    r = cli(args)
    assert r.code == 2 and "--jurisdiction: empty" in r.err and r.out == ""


@pytest.mark.parametrize("value, code", [("DE", "DE"), ("scotland", "GB-SCT")])
def test_compare_rejects_a_jurisdiction_without_records_as_search_does(cli, value, code):
    for command in ("search", "compare"):
        r = cli([command, "deepfake", "-j", value])
        assert r.code == 2 and f"no records for '{code}'" in r.err and "the catalogue covers" in r.err, (command, r.err)


@pytest.mark.parametrize("query, tag", [("fake nudes", "deepfake"), ("nude images", "intimate-image-abuse"), ("sharing nudes", "intimate-image-abuse")])
def test_everyday_words_for_intimate_images_find_those_offences(catalogue, query, tag):
    hits = search(catalogue, query, limit=5)
    assert len(hits) >= 3
    assert all(h.kind == "offence" and tag in h.record.tags for h in hits), [h.id for h in hits]
    assert len({h.jurisdiction for h in hits}) >= 3  # not one country's law only


def _named_defendants(case, day):
    return list(dict.fromkeys(p.defendant or case.defendant.name for p in case.proceedings if p.date <= day))


@pytest.mark.parametrize("as_of", ["2024-11-01", "2025-06-01"])
def test_a_case_line_says_how_many_defendants_it_has(cli, catalogue, as_of):
    """The SNU deepfake case has several defendants: its one-line summary in search names the
    principal one's sentence and how many others there are, not one sentence alone."""
    day = dt.date.fromisoformat(as_of)
    case = catalogue.records["kr/snu-deepfake"]
    names = _named_defendants(case, day)
    assert len(names) > 1  # the data this test is about
    main = case.final_sentence(day, main_only=True)
    assert main.defendant == case.defendant.name
    r = cli(["search", "snu", "--as-of", as_of])
    assert r.code == 0, r.err
    (line,) = [x for x in r.out.splitlines() if x.startswith("kr/snu-deepfake\t")]
    n = len(names) - 1
    assert f"{main.defendant}: " in line and f"({main.date})" in line
    assert line.endswith(f"; +{n} other defendant{'s' if n != 1 else ''}")


def test_a_case_line_of_one_defendant_counts_no_others(cli, catalogue):
    case = catalogue.records[CHO]
    assert len(_named_defendants(case, dt.date.max)) == 1
    r = cli(["search", CHO])
    (line,) = [x for x in r.out.splitlines() if x.startswith(CHO + "\t")]
    assert "other defendant" not in line


@pytest.mark.parametrize("columns", ["80", "100"])
def test_ids_stay_whole_in_a_terminal_table(cli, monkeypatch, columns):
    """Ids are what users copy: at 80 columns each stays on one line (the title wraps)."""
    from rich.cells import cell_len

    _forced_tty(monkeypatch)
    monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.setenv("NO_COLOR", "1")
    ids = [h["id"] for h in json.loads(cli(["search", "deepfake", "-n", "0", "--json"]).out)]
    assert max(len(i) for i in ids) > 30  # long ids, the case this is about
    r = cli(["search", "deepfake", "-n", "0"])
    assert r.code == 0, r.err
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", r.out)
    assert max(cell_len(line) for line in text.splitlines()) <= int(columns)
    lines = text.splitlines()
    for rid in ids:
        assert any(re.search(rf"(?<![\w/-]){re.escape(rid)}(?![\w/-])", line) for line in lines), rid
    # The narrow jurisdiction column is headed "jur." on a terminal, not "jurisdic"/"tion".
    assert re.search(r"\bjur\.\s", text) and "jurisdic" not in text


def test_piped_tables_keep_the_full_column_names(cli):
    r = cli(["search", "deepfake", "-n", "1"])
    assert r.out.splitlines()[0].split("\t")[:2] == ["id", "jurisdiction"]
