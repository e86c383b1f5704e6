"""lawref.compare and `lawref compare`: dated rows, conversion at the as-of date, shapes, output."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from factories import SOURCE, case_yaml, offence_yaml, write_pack
from lawref import compare as cmp
from lawref.money import Conversion, NoConversion, RateTable

D = dt.date.fromisoformat
OLD, NEW = D("2023-01-01"), D("2025-06-01")


@pytest.fixture(scope="module")
def rates():
    return RateTable()


@pytest.fixture(scope="module")
def both(catalogue, rates):
    return {d: cmp.compare(catalogue, ["deepfake"], d, rates=rates) for d in (OLD, NEW)}


def _by_key(result):
    return {(r.id, r.variant): r for r in result.rows}


def _content(row):
    return (row.status, row.prison_max, row.prison_min, row.fine, row.combine, row.in_force_from)


# ------------------------------------------------------------------ dated rows


def test_topic_resolves_to_the_tag(both):
    assert both[NEW].matched_by == "tag" and both[NEW].tag == "deepfake"


def test_rows_differ_exactly_where_the_law_changed(catalogue, both):
    old, new = _by_key(both[OLD]), _by_key(both[NEW])
    for rid in {k[0] for k in old} | {k[0] for k in new}:
        o = catalogue.get(rid)
        changed = o.in_force(OLD) != o.in_force(NEW)
        same = _content(old[(rid, None)]) == _content(new[(rid, None)])
        assert same != changed, rid


def test_france_had_no_sexual_deepfake_offence_before_2024(both):
    old = _by_key(both[OLD])[("fr/code-penal/226-8-1", None)]
    assert old.status == cmp.NOT_YET and old.prison_max is None and old.fine is None
    assert old.status_text == "no specific offence before 2024-05-23"
    new = _by_key(both[NEW])[("fr/code-penal/226-8-1", None)]
    assert new.status == cmp.IN_FORCE and new.in_force_from == D("2024-05-23")


def test_korea_maximum_rose_in_2024(both):
    old = _by_key(both[OLD])[("kr/sexual-crimes-act/14-2.1", None)]
    new = _by_key(both[NEW])[("kr/sexual-crimes-act/14-2.1", None)]
    assert old.prison_max.months < new.prison_max.months
    assert new.in_force_from.year == 2024


def test_conversion_uses_the_rate_of_the_as_of_date(both):
    rates = {}
    for day, result in both.items():
        convs = [r.converted for r in result.rows if isinstance(r.converted, Conversion) and r.converted.source != "same currency"]
        assert convs, day
        for c in convs:
            assert c.rate_date <= day and (day - c.rate_date).days <= 4
            assert c.source == "ECB reference rate"
        rates[day] = {(c.from_currency, c.rate) for c in convs}
    assert rates[OLD].isdisjoint(rates[NEW])


def test_variants_follow_their_offence(both):
    rows = both[NEW].rows
    for i, r in enumerate(rows):
        if r.is_variant:
            assert i > 0 and rows[i - 1].id == r.id


def test_eu_minimum_standard_labelled(both):
    eu = [r for r in both[NEW].rows if r.minimum_standard and not r.is_variant]
    for r in eu:
        assert r.label.startswith(f"{r.jurisdiction} minimum standard")
        if r.transposition_deadline:
            assert f"transposition by {r.transposition_deadline.isoformat()}" in r.label
    if eu:
        assert any("minimum standard" in n for n in both[NEW].notes)


def test_statutory_basis_is_stated(both):
    assert both[NEW].notes[0] == cmp.BASIS and "not typical sentences" in cmp.BASIS


def test_jurisdiction_filter_matches_subdivisions(catalogue, rates):
    r = cmp.compare(catalogue, ["deepfake"], NEW, jurisdictions={"GB"}, rates=rates)
    assert r.rows and {x.jurisdiction for x in r.rows} == {"GB-EAW"}


def test_unlimited_fine(catalogue, rates):
    rows = [r for r in cmp.compare(catalogue, ["deepfake"], NEW, rates=rates).rows if r.fine and r.fine.unlimited]
    assert rows
    for r in rows:
        assert r.json()["fine_max"] == "unlimited" and r.json()["fine_converted"] is None


# ------------------------------------------------------------------ shapes, through a small pack


LIFE = f"""  - from: 2019-01-01
    prison: {{max: life, min: 5y}}
    fine: {{max: 1000000, currency: TWD}}
    combine: and
    aggravated:
      - label: victim a minor
        prison: {{min: 10y}}
      - label: for profit
        fine: {{max: 3000000, currency: TWD}}
{SOURCE}"""


@pytest.fixture
def pack(tmp_path):
    return write_pack(
        tmp_path / "pack",
        {
            "statutes/tw/test-act/1.yaml": offence_yaml("tw/test-act/1", "Making test images", versions=LIFE, extra="tags: [test-topic]\n"),
            "statutes/tw/test-act/2.yaml": offence_yaml("tw/test-act/2", "Sharing test images", extra="tags: [test-topic]\n").replace("currency: KRW", "currency: TWD"),
            "cases/tw/test-case.yaml": case_yaml("tw/test-case", "[tw/test-act/1]") + "tags: [test-saga]\n",
        },
    )


def _pack_cat(pack):
    from lawref.catalog import load_catalogue

    return load_catalogue([str(pack)], bundled=False, use_cache=False, env="")


def test_life_minimum_and_combination(pack):
    cat = _pack_cat(pack)
    res = cmp.compare(cat, ["test-topic"], D("2024-09-03"), currency="USD", rates=RateTable.for_packs([str(pack)]))
    rows = _by_key(res)
    base = rows[("tw/test-act/1", None)]
    assert base.prison_max.life and base.prison_min.months == 60 and base.combine.value == "and"
    j = base.json()
    assert j["prison_max_months"] == "life" and j["prison_min_months"] == 60
    assert j["fine_max"] == {"amount": 1000000, "currency": "TWD"}
    # No TWD rate anywhere: the native amount stays, and the row says why.
    assert j["fine_converted"] is None and "TWD" in j["conversion_note"]
    assert isinstance(base.converted, NoConversion)
    minor = rows[("tw/test-act/1", "victim a minor")]
    assert minor.prison_min.months == 120 and minor.prison_max is None and minor.combine is None
    # 2020-2024 version of test 2: a maximum, no minimum; dated as the factory says.
    two = rows[("tw/test-act/2", None)]
    assert two.prison_max.months == 60 and two.in_force_until == D("2024-12-31")
    assert [n.case_id for n in res.notable] == ["tw/test-case"]
    assert res.notable[0].sentence == "3 years' imprisonment"


def test_a_case_tag_stands_for_the_offences_cited(pack):
    res = cmp.compare(_pack_cat(pack), ["test", "saga"], D("2024-09-03"), rates=RateTable())
    assert res.matched_by == "tag" and res.tag == "test-saga"
    assert {r.id for r in res.rows} == {"tw/test-act/1"}


def test_pack_rates_yaml_fills_a_gap(pack):
    (pack / "rates.yaml").write_text(
        "rates:\n  - {currency: TWD, date: 2024-09-02, rate: 35.5, source: {publisher: Example central bank, url: https://example.org}}\n",
        encoding="utf-8",
    )
    cat = _pack_cat(pack)
    res = cmp.compare(cat, ["test-topic"], D("2024-09-03"), currency="EUR")
    base = _by_key(res)[("tw/test-act/1", None)]
    assert isinstance(base.converted, Conversion)
    assert base.converted.rate_date == D("2024-09-02") and "Example central bank" in base.converted.source


@pytest.mark.parametrize("by", ["prison", "fine"])
def test_sort_highest_first(catalogue, rates, by):
    rows = cmp.compare(catalogue, ["deepfake"], NEW, sort=by, rates=rates).rows
    base = [r for r in rows if not r.is_variant]
    live = [r for r in base if r.status == cmp.IN_FORCE]
    keys = [cmp._prison_key(r) if by == "prison" else cmp._fine_key(r) for r in live]
    assert keys == sorted(keys, reverse=True)
    assert all(r.status != cmp.IN_FORCE for r in base[len(live):])


# ------------------------------------------------------------------ resolution


def test_ids_and_case_ids(catalogue, rates):
    r = cmp.compare(catalogue, ["kr/sexual-crimes-act/14-2.1", "fr/code-penal/226-8-1"], NEW, rates=rates)
    assert r.matched_by == "ids" and {x.id for x in r.rows} == {"kr/sexual-crimes-act/14-2.1", "fr/code-penal/226-8-1"}
    case = next(c for c in catalogue.cases if any(o in catalogue.records for o in c.offences))
    r = cmp.compare(catalogue, [case.id], NEW, rates=rates)
    assert {x.id for x in r.rows} == {o for o in case.offences if o in catalogue.records}


def test_phrase_falls_back_to_search(catalogue, rates):
    r = cmp.compare(catalogue, ["sexual", "deepfake"], NEW, rates=rates)
    assert r.matched_by == "search" and "fr/code-penal/226-8-1" in {x.id for x in r.rows}


def test_minimal_fallback_search(catalogue):
    found = [o.id for o in cmp._fallback_search(catalogue.offences, "sexual deepfake montage")]
    assert "fr/code-penal/226-8-1" in found and all(i.startswith("fr/") for i in found)
    assert cmp._fallback_search(catalogue.offences, "zzqxv") == []


@pytest.mark.parametrize(
    "query,kw,error",
    [
        (["kr/no-such-act/1"], {}, "UnknownRecord"),
        (["zzqxv"], {}, "NoMatch"),
        (["deepfake"], {"sort": "colour"}, "UsageError"),
        (["deepfake"], {"currency": "DOLLARS"}, "UsageError"),
        (["deepfake"], {"jurisdictions": {"ZZ"}}, "UsageError"),  # a code no record has, as in search
        ([], {}, "UsageError"),
    ],
)
def test_errors(catalogue, rates, query, kw, error):
    with pytest.raises(Exception) as e:
        cmp.compare(catalogue, query, NEW, rates=rates, **kw)
    assert type(e.value).__name__ == error


# ------------------------------------------------------------------ the command


ROW_FIELDS = {"id", "jurisdiction", "prison_max_months", "prison_min_months", "fine_max", "fine_converted", "in_force_from", "sources"}


def test_cli_json(cli):
    r = cli(["compare", "deepfake", "--as-of", "2025-06-01", "--json"])
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    assert doc["as_of"] == "2025-06-01" and doc["currency"] == "USD" and doc["rows"]
    for row in doc["rows"]:
        assert ROW_FIELDS <= set(row)
        assert row["prison_max_months"] is None or row["prison_max_months"] == "life" or isinstance(row["prison_max_months"], int)
        fm = row["fine_max"]
        assert fm is None or fm == "unlimited" or set(fm) == {"amount", "currency"}
        fc = row["fine_converted"]
        assert fc is None or {"amount", "currency", "rate", "rate_date"} <= set(fc)
        assert all("url" in s and "accessed" in s for s in row["sources"])


def test_cli_plain_when_piped(cli):
    r = cli(["compare", "deepfake", "--as-of", "2023-01-01", "-j", "FR"])
    assert r.code == 0, r.err
    assert "\t" in r.out and "─" not in r.out and "\x1b" not in r.out
    assert "no specific offence before 2024-05-23" in r.out
    assert "not typical sentences" in r.out and "ECB reference rate" in r.out
    assert "Notable sentences" in r.out


def test_cli_csv(cli):
    r = cli(["compare", "deepfake", "--csv", "--currency", "EUR", "-j", "KR", "--as-of", "2024-09-03"])
    assert r.code == 0, r.err
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(r.out)))
    assert rows and all(x["jurisdiction"] == "KR" for x in rows)
    conv = [x for x in rows if x["fine_converted"]]
    assert conv and all(x["converted_currency"] == "EUR" and x["rate_date"] == "2024-09-03" for x in conv)


@pytest.mark.parametrize(
    "args,code,words",
    [
        (["compare", "kr/no-such-act/1"], 2, ["no record"]),
        (["compare", "zzqxv"], 2, ["nothing matches"]),
        (["compare", "deepfake", "--sort", "colour"], 2, ["--sort"]),
        (["compare", "deepfake", "--as-of", "yesterday-ish"], 2, ["--as-of"]),
    ],
)
def test_cli_errors_are_one_line(cli, args, code, words):
    r = cli(args)
    assert r.code == code
    assert r.err.count("\n") == 1 and "Traceback" not in r.err
    for w in words:
        assert w in r.err


def test_cli_help_has_example(cli):
    r = cli(["compare", "--help"])
    assert r.code == 0 and "Example: lawref compare" in r.out


def test_terminal_table_fits_100_columns(cli, monkeypatch):
    """On a 100-column terminal nothing is wider, and every value is still there."""
    from rich.cells import cell_len

    from lawref import output

    monkeypatch.setattr(output, "is_tty", lambda stream=None: True)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    r = cli(["compare", "deepfake", "--as-of", "2025-06-01"])
    assert r.code == 0, r.err
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", r.out)
    assert max(cell_len(line) for line in text.splitlines()) <= 100
    assert "─" in text  # the rich table, not the piped form
    flat = " ".join(text.split())
    from lawref.catalog import load_catalogue

    res = cmp.compare(load_catalogue(use_cache=False, env=""), ["deepfake"], D("2025-06-01"))
    for row in res.rows:
        assert row.jurisdiction in flat
        if isinstance(row.converted, Conversion):
            assert row.converted.text() in flat and row.converted.rate_date.isoformat() in flat
        shown = row.penalty_since if row.status == cmp.IN_FORCE else row.in_force_from
        if shown:
            assert shown.isoformat() in flat
        for word in row.conduct.split():
            assert word in text


def test_a_phrase_naming_a_case_compares_the_offences_it_cites(catalogue):
    from lawref.compare import resolve

    case = catalogue.get("kr/cho-ju-bin")
    _, _, offences, _ = resolve(catalogue, ["Jo Ju-bin"])  # a romanisation variant of the name
    assert offences and {o.id for o in offences} <= set(case.offences)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["compare", "deepfake", "--json", "--csv"], "one of --json and --csv"),
        (["compare", "deepfake", "--currency", "XXX"], "no exchange rates for XXX"),
        (["render", "deepfake", "-o", "handout.docx"], "cannot tell the format"),
    ],
)
def test_contradictory_or_unusable_options_are_refused(cli, args, says, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = cli(args)
    assert r.code == 2 and says in r.err and r.out == ""
    assert not list(tmp_path.iterdir())  # nothing written


def test_prison_sort_puts_at_least_n_above_up_to_n(tmp_path):
    """A law that states only a minimum ("at least 5 years") never sorts below a maximum of
    the same length. The bundled KR records name the general 30-year cap; a pack without it
    (the cap lines removed from the real files) has minimum-only offences."""
    import shutil

    from lawref.catalog import load_catalogue
    from lawref.compare import compare

    root = tmp_path / "pack"
    shutil.copytree(Path(__file__).parent.parent / "data", root)
    for f in (root / "statutes" / "kr").rglob("*.yaml"):
        text = f.read_text(encoding="utf-8")
        f.write_text(text.replace("    max: 30y\n    max_basis: Criminal Act Art. 42\n", ""), encoding="utf-8")
    cat = load_catalogue([str(root)], bundled=False, use_cache=False, env="")
    rows = [r for r in compare(cat, ["child-sexual-abuse-material"], dt.date(2025, 1, 1), sort="prison").rows if r.variant is None]
    key = [(r.prison_max or r.prison_min).sort_key() if (r.prison_max or r.prison_min) else -1 for r in rows]
    min_only = [i for i, r in enumerate(rows) if r.prison_max is None and r.prison_min is not None]
    assert min_only, "the pack has minimum-only offences (KR Youth Protection Act)"
    for i in min_only:
        assert all(key[j] >= key[i] for j in range(i)), "only longer terms come before it"
        assert all(not (key[j] == key[i] and rows[j].prison_max is not None) for j in range(i))


def test_general_cap_is_a_maximum_with_its_basis(catalogue):
    """KR articles that state only a minimum: the maximum is the 30-year general cap, named."""
    from lawref.compare import compare

    res = compare(catalogue, ["kr/sexual-crimes-act/14-3.2", "kr/sexual-crimes-act/14-2.1"], dt.date(2025, 1, 1))
    rows = {r.id: r.json() for r in res.rows if r.variant is None}
    capped, own = rows["kr/sexual-crimes-act/14-3.2"], rows["kr/sexual-crimes-act/14-2.1"]
    assert (capped["prison_max_months"], capped["prison_min_months"], capped["prison_max_basis"]) == (360, 36, "Criminal Act Art. 42")
    assert own["prison_max_basis"] is None and own["prison_max_months"] == 84
    assert any("Criminal Act Art. 42" in n for n in res.notes)


def test_before_the_recorded_history_is_not_recorded_not_no_offence(catalogue):
    """Art. 227-23 is far older than its first recorded version (2020-08-01): before that
    date the row says the penalty is not recorded, not that there was no offence. An offence
    whose first version created it (`created`) says there was none."""
    from lawref.compare import NOT_RECORDED, NOT_YET, compare

    old = catalogue.records["fr/code-penal/227-23"]
    new = catalogue.records["fr/code-penal/226-8-1"]
    assert old.created is None and new.created == new.penalties[0].start
    rows = {r.id: r for r in compare(catalogue, [old.id, new.id], dt.date(2019, 1, 1)).rows if r.variant is None}
    assert rows[old.id].status == NOT_RECORDED and "not recorded before 2020-08-01" in rows[old.id].status_text
    assert "no specific offence" not in rows[old.id].status_text
    assert rows[new.id].status == NOT_YET and rows[new.id].status_text == f"no specific offence before {new.created}"


def test_between_a_repeal_and_a_return_the_row_says_ended(tmp_path):
    from lawref.catalog import load_catalogue
    from lawref.compare import ENDED, compare

    versions = (
        f"  - from: 2010-01-01\n    until: 2012-12-31\n    prison: {{max: 2y}}\n{SOURCE}"
        f"  - from: 2015-01-01\n    prison: {{max: 3y}}\n{SOURCE}"
    )
    pack = write_pack(tmp_path / "p", {"statutes/kr/test-act/1.yaml": offence_yaml(versions=versions)})
    cat = load_catalogue([str(pack)], bundled=False, use_cache=False, env="")
    (row,) = compare(cat, ["kr/test-act/1"], dt.date(2014, 1, 1)).rows
    assert row.status == ENDED and "last day 2012-12-31" in row.status_text and "2015-01-01" in row.status_text


# ------------------------------------------------------------------ places and phrases in the topic


@pytest.mark.parametrize(
    "topic, code",
    [("deepfake korea", "KR"), ("deepfake in South Korea", "KR"), ("revenge porn uk", "GB"), ("French deepfake", "FR"), ("deepfake law in Australia", "AU"), ("child sexual abuse material US", "US")],
)
def test_a_place_in_the_topic_acts_as_a_jurisdiction_filter(catalogue, rates, topic, code):
    from lawref.jurisdictions import applies_in

    r = cmp.compare(catalogue, topic.split(), NEW, rates=rates)
    assert r.rows and all(applies_in(x.jurisdiction, (code,)) for x in r.rows), {x.jurisdiction for x in r.rows}
    assert r.jurisdictions == frozenset({code})
    # The same rows as the topic without the place, filtered by -j.
    rest = " ".join(w for w in topic.split() if w.lower() not in {"korea", "south", "in", "uk", "french", "law", "australia", "us"})
    rest = rest or "deepfake"
    same = cmp.compare(catalogue, rest.split(), NEW, rates=rates, jurisdictions={code})
    assert [(x.id, x.variant) for x in r.rows] == [(x.id, x.variant) for x in same.rows]


def test_the_whole_tag_set_of_that_place_is_compared(catalogue, rates):
    r = cmp.compare(catalogue, ["deepfake", "korea"], D("2019-01-01"), rates=rates)
    want = {o.id for o in catalogue.offences if "deepfake" in o.tags and o.jurisdiction == "KR"}
    assert {x.id for x in r.rows} == want and r.matched_by == "tag"


@pytest.mark.parametrize("topic", ["deepfake Germany", "revenge porn japan", "sextortion in Scotland"])
def test_a_place_without_records_is_a_usage_error(catalogue, rates, topic):
    from lawref.errors import UsageError

    with pytest.raises(UsageError, match="no records for"):
        cmp.compare(catalogue, topic.split(), NEW, rates=rates)


@pytest.mark.parametrize("args", [["compare", "deepfake korea"], ["compare", "deepfake", "korea"], ["render", "deepfake korea", "--format", "md"]])
def test_cli_says_it_read_a_place_as_a_filter(cli, args):
    r = cli([*args, "--as-of", "2024-12-01"])
    assert r.code == 0, r.err
    if args[0] == "compare":
        assert "--jurisdiction KR" in r.err
        assert all(line.split("\t")[0] in ("KR", "") for line in r.out.split("\n\n")[0].splitlines()[2:] if line)
    else:
        assert "GB-EAW" not in r.out and "Sexual Offences Act" not in r.out


def test_cli_a_place_without_records_exits_2(cli):
    r = cli(["compare", "deepfake germany"])
    assert r.code == 2 and "no records for" in r.err and r.out == ""


@pytest.mark.parametrize(
    "topic, tag",
    [("intimate images", "intimate-image-abuse"), ("intimate image", "intimate-image-abuse"), ("child abuse material", "child-sexual-abuse-material"), ("deepfakes", "deepfake"), ("filming", "illegal-filming")],
)
def test_a_phrase_that_nearly_names_a_tag_compares_the_whole_tag(catalogue, rates, topic, tag):
    r = cmp.compare(catalogue, topic.split(), NEW, rates=rates)
    assert r.matched_by == "tag" and r.tag == tag
    assert {x.id for x in r.rows} == {o.id for o in catalogue.offences if tag in o.tags}


@pytest.mark.parametrize("topic", ["image-based sexual abuse", "non-consensual intimate images", "sexual deepfake", "revenge pornography"])
def test_a_search_phrase_says_when_a_tag_holds_more(catalogue, rates, topic):
    r = cmp.compare(catalogue, topic.split(), NEW, rates=rates)
    if r.matched_by != "search":
        return
    found = {x.id for x in r.rows}
    bigger = {}
    for t in {t for o in catalogue.offences if o.id in found for t in o.tags}:
        tagged = {o.id for o in catalogue.offences if t in o.tags}
        if len(found & tagged) / len(found) > 0.5 and not tagged <= found:
            bigger[t] = len(tagged)
    if bigger:
        # Never a silent cut: a note names a tag most rows carry that has more offences.
        assert any(f"{t} ({n} offences)" in note for t, n in bigger.items() for note in r.notes), (bigger, r.notes)


def test_cli_a_cut_or_partial_topic_is_said_on_stderr(cli):
    r = cli(["compare", "image-based sexual abuse", "--as-of", "2025-06-01"])
    assert r.code == 0 and "intimate-image-abuse" in r.err
    r = cli(["compare", "intimate images", "--as-of", "2025-06-01", "--json"])
    data = json.loads(r.out)
    assert data["matched_by"] == "tag" and data["tag"] == "intimate-image-abuse"
    assert {"AU", "FR", "KR", "US", "GB-EAW", "EU"} <= {row["jurisdiction"] for row in data["rows"]}


@pytest.mark.parametrize("value", ["uk", "UK", "gb"])
def test_jurisdiction_option_accepts_uk(cli, value):
    r = cli(["compare", "deepfake", "-j", value, "--json", "--as-of", "2025-06-01"])
    assert r.code == 0, r.err
    assert {row["jurisdiction"] for row in json.loads(r.out)["rows"]} == {"GB-EAW"}


@pytest.mark.parametrize(
    "args, want",
    [
        (["14-2(1)"], {"kr/sexual-crimes-act/14-2.1"}),
        (["226-8-1"], {"fr/code-penal/226-8-1"}),
        (["14-2(1)", "226-8-1"], {"kr/sexual-crimes-act/14-2.1", "fr/code-penal/226-8-1"}),
        (["s.66E", "474.17A", "제14조의2 제4항"], {"gb-eaw/sexual-offences-act-2003/66e", "au/criminal-code/474-17a", "kr/sexual-crimes-act/14-2.4"}),
        (["14-2"], {f"kr/sexual-crimes-act/14-2.{n}" for n in (1, 2, 3, 4)}),
    ],
)
def test_articles_compare_one_row_per_named_article(catalogue, rates, args, want):
    r = cmp.compare(catalogue, args, NEW, rates=rates)
    assert {x.id for x in r.rows} == want


@pytest.mark.parametrize(
    "day, want",
    [
        ("2025-12-01", {"Park (principal offender)": "9 years", "Kang (accomplice)": "3 years 6 months", "Park (accomplice)": "4 years 6 months"}),
        ("2024-12-01", {"Park (principal offender)": "10 years", "Kang (accomplice)": "4 years", "Park (accomplice)": "5 years"}),
    ],
)
def test_notable_sentences_give_each_defendants_latest_sentence(catalogue, day, want):
    case = catalogue.get("kr/snu-deepfake")
    notable = {n.case_id: n for n in cmp.notable_sentences(catalogue, list(case.offences), D(day))}
    text = notable["kr/snu-deepfake"].sentence
    for who, term in want.items():
        part = next((p for p in text.split("; ") if p.startswith(who + ":")), None)
        assert part is not None and term in part, (who, text)


@pytest.mark.parametrize("topic, day", [(["deepfake"], "2024-12-01"), (["child-sexual-abuse-material"], "2025-06-01"), (["intimate-image-abuse"], "2026-11-26")])
def test_rows_of_one_instrument_are_in_article_order(catalogue, rates, topic, day):
    r = cmp.compare(catalogue, topic, D(day), rates=rates)
    seen: dict = {}
    for row in r.rows:
        if row.variant is None and row.status == cmp.IN_FORCE:
            seen.setdefault((row.jurisdiction, row.instrument), []).append(cmp.article_key(row.article))
    for key, arts in seen.items():
        assert arts == sorted(arts), key
    gb = [row.article for row in r.rows if row.variant is None and row.id.startswith("gb-eaw/sexual-offences-act-2003/66b")]
    assert gb == sorted(gb, key=cmp.article_key)
    assert cmp.article_key("11(5)") < cmp.article_key("11-2(1)") < cmp.article_key("11-2(2)")
    assert cmp.article_key("66B(1)") < cmp.article_key("66B(4)") < cmp.article_key("66E")


def test_a_civil_penalty_among_notable_sentences_is_named_so(pack):
    """A case citing a compared offence whose ruling is civil: a civil penalty, not a fine."""
    civil = case_yaml("tw/civil-case", "[tw/test-act/1]").replace("level: first-instance", "level: civil").replace(
        "sentence: {prison: {max: 3y}}", "sentence: {fine: {max: 5000, currency: TWD}}"
    )
    write_pack(pack, {"cases/tw/civil-case.yaml": civil})
    res = cmp.compare(_pack_cat(pack), ["tw/test-act/1"], D("2024-09-03"), rates=RateTable())
    n = next(n for n in res.notable if n.case_id == "tw/civil-case")
    assert n.sentence.startswith("a civil penalty of") and "fine" not in n.sentence


@pytest.mark.parametrize(
    "day, want",
    [
        (
            "2026-10-30",
            {
                "Park (accomplice)": ("4 years 6 months", "Criminal Appeal Division 1-2", "2025-03-20"),
                "Park (principal offender)": ("9 years", "Seoul High Court", "2025-04-18"),
                "Kang (accomplice)": ("3 years 6 months", "Seoul High Court", "2025-04-18"),
            },
        ),
        (
            "2024-11-01",
            {
                "Park (accomplice)": ("5 years", "14th criminal single-judge division", "2024-08-28"),
                "Park (principal offender)": ("10 years", "31st Criminal Division", "2024-10-30"),
                "Kang (accomplice)": ("4 years", "31st Criminal Division", "2024-10-30"),
            },
        ),
    ],
)
def test_notable_sentences_give_each_defendant_their_own_court_and_date(cli, day, want):
    """Co-defendants sentenced by other courts on other days keep their own court, date and
    finality, in --json and in the text."""
    data = json.loads(cli(["compare", "deepfake", "-j", "KR", "--as-of", day, "--json"]).out)
    snu = next(n for n in data["notable_sentences"] if n["case"] == "kr/snu-deepfake")
    got = {s["defendant"]: s for s in snu["sentences"]}
    assert set(got) == set(want)
    for who, (term, court, date) in want.items():
        assert term in got[who]["sentence"] and court in got[who]["court"] and got[who]["date"] == date, who
        assert got[who]["final"] is False
    assert snu["final"] is False and snu["date"] == max(d for _, _, d in want.values())
    text = cli(["compare", "deepfake", "-j", "KR", "--as-of", day]).out
    block = text[text.index("kr/snu-deepfake"):]
    for who, (term, court, date) in want.items():
        line = next(x for x in block.splitlines() if who + ":" in x)
        assert term in line and court in line and date in line, line


@pytest.mark.parametrize(
    "rid, variant, version_from, since",
    [
        ("fr/code-penal/226-8", None, "2024-05-23", "2002-01-01"),  # 2024 only added a variant
        ("fr/code-penal/226-8", "committed using an online public communication service (service de communication au public en ligne)", "2024-05-23", "2024-05-23"),
        ("kr/sexual-crimes-act/14-3.1", None, "2024-10-16", "2020-05-19"),  # 2024 widened the conduct only
        ("kr/sexual-crimes-act/14-2.1", None, "2024-10-16", "2024-10-16"),  # raised
        ("kr/sexual-crimes-act/14-2.1", "habitual offender", "2024-10-16", "2024-10-16"),  # a variant in words moves with its base
    ],
)
def test_penalty_since_is_when_the_figures_took_effect(catalogue, rates, rid, variant, version_from, since):
    rows = _by_key(cmp.compare(catalogue, [rid], D("2026-10-30"), rates=rates))
    row = rows[(rid, variant)]
    assert (row.in_force_from, row.penalty_since) == (D(version_from), D(since))
    assert row.json()["penalty_since"] == since


def test_a_date_after_today_gets_a_note_that_later_amendments_are_unknown(catalogue, rates):
    later = dt.date.today() + dt.timedelta(days=400)
    notes = cmp.compare(catalogue, ["deepfake"], later, rates=rates).notes
    assert any(n.startswith(f"{later.isoformat()} is after today") and "amendments made later are unknown" in n for n in notes)
    assert not any("is after today" in n for n in cmp.compare(catalogue, ["deepfake"], NEW, rates=rates).notes)
    assert cmp.future_note(dt.date(2030, 1, 1), dt.date(2029, 12, 31)) is not None
    assert cmp.future_note(dt.date(2030, 1, 1), dt.date(2030, 1, 1)) is None


# ------------------------------------------------------------------ arguments that match nothing


def test_an_article_that_matches_nothing_is_named_with_the_closest(catalogue, rates):
    r = cmp.compare(catalogue, ["14-2(1)", "2252Z"], NEW, rates=rates)
    assert {x.id for x in r.rows} == {"kr/sexual-crimes-act/14-2.1"}
    said = [n for n in r.remarks if "'2252Z'" in n]
    assert len(said) == 1 and "matches no offence" in said[0] and "closest: us/18-usc/2252a" in said[0]
    assert said[0] in r.notes
    assert not any("'14-2(1)'" in n for n in r.remarks)


def test_cli_warns_once_per_unmatched_argument(cli):
    r = cli(["compare", "14-2(1)", "2252Z", "9999", "--as-of", "2025-06-01"])
    assert r.code == 0, r.err
    assert r.err.count("compare: '2252Z' matches no offence") == 1 and r.err.count("compare: '9999' matches no offence") == 1


def test_ids_and_what_names_one_record_mix(catalogue, rates):
    r = cmp.compare(catalogue, ["kr/sexual-crimes-act/14-2.1", "226-8-1"], NEW, rates=rates)
    assert {x.id for x in r.rows} == {"kr/sexual-crimes-act/14-2.1", "fr/code-penal/226-8-1"}


@pytest.mark.parametrize("sort", ["prison", "fine"])
def test_equal_maxima_keep_the_laws_article_order(catalogue, rates, sort):
    """66B(1)-(4) all carry an unlimited fine: sorted by fine they stay 66B(1), (2), (3), (4)."""
    r = cmp.compare(catalogue, ["intimate-image-abuse"], NEW, rates=rates, sort=sort)
    base = [x for x in r.rows if x.variant is None]
    key = cmp._prison_key if sort == "prison" else cmp._fine_key
    for a, b in zip(base, base[1:]):
        if a.status == b.status and key(a) == key(b) and (a.jurisdiction, a.instrument) == (b.jurisdiction, b.instrument):
            assert cmp.article_key(a.article) <= cmp.article_key(b.article), (a.id, b.id)
    if sort == "fine":
        gb = [x.id.rsplit("/", 1)[1] for x in base if x.id.startswith("gb-eaw/sexual-offences-act-2003/66b")]
        assert gb == ["66b", "66b-2", "66b-3", "66b-4"]


def test_an_article_beside_an_unknown_word_is_not_a_fuzzy_topic(cli):
    """'14-2.1 xyz' is no topic: rather than every offence a little like it, nothing matches,
    with the article's record as the closest."""
    r = cli(["compare", "14-2.1", "xyz"])
    assert r.code == 2 and r.out == "" and "closest: kr/sexual-crimes-act/14-2.1" in r.err


# ------------------------------------------------------------------ a variant that is another row


def _cited_variants(catalogue, base_id, day):
    """The aggravated variants of `base_id` in force on `day` whose label cites another offence
    with the same penalty, as (label, that offence), read from the records."""
    base = catalogue.get(base_id)
    out = []
    for a in base.in_force(day).aggravated:
        for rid in base.related:
            other = catalogue.get(rid).in_force(day)
            art = catalogue.get(rid).article
            if re.search(rf"(?<![\w.]){re.escape(art)}(?![\w.])", a.label) and (a.prison, a.fine) == (other.prison, other.fine):
                out.append((a.label, rid))
    return out


def test_a_variant_that_is_another_row_shows_once(catalogue, rates):
    """AU s 474.17A's two aggravated forms (7 years) are the offence s 474.17AA, itself a row:
    the 7 years shows once, on s 474.17AA's row, which names both circumstances."""
    day = D("2025-06-01")
    cited = _cited_variants(catalogue, "au/criminal-code/474-17a", day)
    assert len(cited) == 2  # the data this test is about
    res = cmp.compare(catalogue, ["deepfake"], day, jurisdictions={"AU"}, rates=rates)
    assert not [r for r in res.rows if r.is_variant and r.id == "au/criminal-code/474-17a" and r.variant in {c[0] for c in cited}]
    (target,) = [r for r in res.rows if r.id == cited[0][1]]
    assert target.aggravates == "au/criminal-code/474-17a"
    for label, _ in cited:
        assert any(c in label for c in target.circumstances), label
    seven = [r for r in res.rows if r.prison_max == target.prison_max]
    assert seven == [target]
    words = cmp.aggravation_words(target, res.rows)
    assert words.startswith("aggravated form of Criminal Code (Cth) s 474.17A: ")


def test_variants_stay_when_the_offence_they_cite_is_not_a_row(catalogue, rates):
    day = D("2025-06-01")
    res = cmp.compare(catalogue, ["au/criminal-code/474-17a"], day, rates=rates)
    labels = [r.variant for r in res.rows if r.is_variant]
    assert labels == [c[0] for c in _cited_variants(catalogue, "au/criminal-code/474-17a", day)]
    assert not any(r.aggravates for r in res.rows)


def test_a_variant_shown_once_in_json_csv_and_table(cli):
    import csv
    import io

    args = ["compare", "deepfake", "-j", "AU", "--as-of", "2025-06-01"]
    rows = json.loads(cli(args + ["--json"]).out)["rows"]
    assert [(r["id"], r["variant"], r["prison_max_months"]) for r in rows] == [
        ("au/criminal-code/474-17a", None, 72),
        ("au/criminal-code/474-17aa", None, 84),
    ]
    assert rows[1]["aggravates"] == "au/criminal-code/474-17a" and len(rows[1]["circumstances"]) == 2
    assert rows[0]["aggravates"] is None and rows[0]["circumstances"] == []
    csv_rows = list(csv.DictReader(io.StringIO(cli(args + ["--csv"]).out)))
    assert [(r["id"], r["variant"]) for r in csv_rows] == [(r["id"], "") for r in rows]
    assert csv_rows[1]["aggravates"] == "au/criminal-code/474-17a"
    assert csv_rows[1]["circumstances"] == "; ".join(rows[1]["circumstances"])
    table = cli(args).out
    assert table.count("7 years") == 1 and "+ aggravated" not in table
    for c in rows[1]["circumstances"]:
        assert c in table


# ------------------------------------------------------------------ suggestions compare can use


def _suggested_ids(err: str) -> list[str]:
    m = re.search(r"(?:did you mean|closest): (.+?)(?:\?|$)", err.splitlines()[0])
    return [re.sub(r" \(.*", "", s) for s in re.split(r", (?=[a-z-]+/)", m.group(1))] if m else []


@pytest.mark.parametrize("args", [["kr/snu"], ["kr/cho"], ["fr/code-penal/226-8-1", "esafety"], ["kr/sexual-crimes-act/14-2.1", "2252Z"]])
def test_did_you_mean_names_only_what_compare_can_take(cli, catalogue, args):
    """A suggestion is an offence, or a case that cites offences (said to be a case, with what
    compare does with it); never a case compare would refuse."""
    r = cli(["compare", *args])
    assert r.code == 2 and "Traceback" not in r.err and r.err.count("\n") == 1
    line = r.err.splitlines()[0]
    for rid in _suggested_ids(r.err):
        rec = catalogue.get(rid)
        if rec.kind == "case":
            cited = [i for i in dict.fromkeys(rec.offences) if i in catalogue.records and catalogue.get(i).kind == "offence"]
            assert cited, rid
            assert f"{rid} (a case: compares the {len(cited)} offence" in line
            ok = cli(["compare", rid])
            assert ok.code == 0, ok.err  # what the suggestion says compare does, it does
        else:
            assert rec.kind == "offence"


def test_a_case_compare_cannot_use_is_never_suggested(cli, catalogue):
    rot = catalogue.get("au/esafety-v-rotondo")
    assert not [i for i in rot.offences if i in catalogue.records]  # the data this test is about
    assert cli(["compare", "au/esafety-v-rotondo"]).code == 2
    r = cli(["compare", "au/rotondo"])
    assert r.code == 2 and "au/esafety-v-rotondo" not in r.err
    notes = cmp.compare(catalogue, ["14-2(1)", "2252Z"], D("2025-06-01")).notes
    (note,) = [n for n in notes if "'2252Z'" in n]
    assert _suggested_ids(note)
    for rid in _suggested_ids(note):
        assert catalogue.get(rid).kind == "offence" or f"{rid} (a case: compares" in note


def test_terminal_table_at_80_columns_keeps_every_date_and_id_whole(cli, monkeypatch):
    """At 80 columns the table still fits: the offence column narrows rather than the Since
    column running off the edge; ids in the notable sentences stay whole."""
    from rich.cells import cell_len

    from lawref import output

    monkeypatch.setattr(output, "is_tty", lambda stream=None: True)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    r = cli(["compare", "deepfake", "--as-of", "2025-06-01"])
    assert r.code == 0, r.err
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", r.out)
    lines = text.splitlines()
    assert max(cell_len(line) for line in lines) <= 80 and "─" in text
    data = json.loads(cli(["compare", "deepfake", "--as-of", "2025-06-01", "--json"]).out)
    for row in data["rows"]:
        day = row["penalty_since"] if row["status"] == cmp.IN_FORCE else None
        if day:
            assert any(day in line for line in lines), (row["id"], day)
    for n in data["notable_sentences"]:
        for rid in [n["case"], *n["offences"]]:
            assert any(re.search(rf"(?<![\w/-]){re.escape(rid)}(?![\w/-])", line) for line in lines), rid


def test_prison_sort_ranks_a_general_cap_as_its_maximum_then_by_minimum(catalogue, rates, cli):
    """KR "at least N years" (up to 30 under Criminal Act Art. 42) ranks as a 30-year maximum,
    above stated lower maxima; among equal maxima the higher minimum comes first. --help and
    the README say so."""
    rows = [r for r in cmp.compare(catalogue, ["deepfake"], NEW, sort="prison", rates=rates).rows if not r.is_variant and r.status == cmp.IN_FORCE]
    capped = [r for r in rows if r.prison_max_basis]
    assert len({r.prison_min for r in capped}) > 1  # caps with different minima: the case in point
    for i, a in enumerate(rows):
        for b in rows[i + 1 :]:
            assert a.prison_max is None or b.prison_max is None or a.prison_max >= b.prison_max, (a.id, b.id)
            if a.prison_max == b.prison_max and a.prison_max is not None:
                assert (a.prison_min.sort_key() if a.prison_min else -1) >= (b.prison_min.sort_key() if b.prison_min else -1), (a.id, b.id)
    stated = [r for r in rows if r.prison_max is not None and not r.prison_max_basis]
    for c in capped:  # above every shorter stated maximum ("up to 7 years")
        assert all(rows.index(c) < rows.index(s) for s in stated if s.prison_max.sort_key() < c.prison_max.sort_key()), c.id
    help_text = " ".join(cli(["compare", "--help"]).out.split())
    assert "general cap" in help_text and "higher minimum first" in help_text
    readme = " ".join((Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8").split())
    assert "With `--sort prison` a maximum that only a general cap sets counts as the maximum it is" in readme
