"""`lawref changes` and lawref.changes: penalty changes in a period, newest first."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from factories import SOURCE, offence_yaml, write_pack

from lawref.changes import changes, offence_changes
from lawref.penalty import change_kind

DEEPFAKE_KR = "kr/sexual-crimes-act/14-2.1"


def _version(start: str, prison: str, until: str | None = None, extra: str = "") -> str:
    end = f"    until: {until}\n" if until else ""
    return f"  - from: {start}\n{end}    prison: {{max: {prison}}}\n{extra}{SOURCE}"


@pytest.fixture
def pack(tmp_path):
    history = (
        _version("2010-01-01", "5y", "2015-12-31")
        + _version("2016-01-01", "7y", "2019-12-31")  # raised
        + _version("2020-01-01", "3y", "2022-06-30")  # lowered
        + _version("2022-07-01", "3y", "2023-12-31", "    note: same penalty, new wording\n")  # unchanged: not a change
        + _version("2027-06-14", "10y", extra="    status: prospective\n")  # a gap, then an enacted change
    )
    repealed = _version("2012-03-01", "2y", "2021-02-28")
    return write_pack(
        tmp_path / "pack",
        {
            "statutes/kr/test-act/1.yaml": offence_yaml("kr/test-act/1", versions=history),
            "statutes/fr/test-act/2.yaml": offence_yaml("fr/test-act/2", versions=repealed),
        },
    )


@pytest.fixture
def pack_catalogue(pack):
    from lawref.catalog import load_catalogue

    return load_catalogue([str(pack)], bundled=False, use_cache=False, env="")


def test_every_kind_of_change(pack_catalogue):
    rec = pack_catalogue.get("kr/test-act/1")
    got = [(c.date.isoformat(), c.kind, c.prospective) for c in offence_changes(rec)]
    assert got == [
        ("2010-01-01", "first-recorded", False),  # no `created`: the offence may be older
        ("2016-01-01", "raised", False),
        ("2020-01-01", "lowered", False),
        ("2024-01-01", "repealed", False),  # the gap after 2023-12-31
        ("2027-06-14", "new-offence", True),
    ]
    repealed = offence_changes(pack_catalogue.get("fr/test-act/2"))
    assert [(c.date.isoformat(), c.kind) for c in repealed] == [("2012-03-01", "first-recorded"), ("2021-03-01", "repealed")]
    assert repealed[-1].after is None and repealed[-1].before is not None


def test_period_and_order(pack_catalogue):
    found = changes(pack_catalogue.offences, dt.date(2012, 1, 1), dt.date(2021, 12, 31))
    assert [(c.date.isoformat(), c.offence.id) for c in found] == [
        ("2021-03-01", "fr/test-act/2"),
        ("2020-01-01", "kr/test-act/1"),
        ("2016-01-01", "kr/test-act/1"),
        ("2012-03-01", "fr/test-act/2"),
    ]
    dates = [c.date for c in changes(pack_catalogue.offences)]
    assert dates == sorted(dates, reverse=True)


def test_bundled_changes_agree_with_change_kind(catalogue):
    for c in changes(catalogue.offences):
        if c.kind == "first-recorded":
            assert c.before is None and c.offence.created != c.date
        elif c.kind != "repealed":
            assert c.kind == change_kind(c.before, c.after)
            assert c.kind != "unchanged"


def test_a_created_offence_is_new_and_a_variant_change_counts(tmp_path):
    from lawref.catalog import load_catalogue

    agg = "    aggravated:\n      - label: online\n        prison: {max: 9y}\n"
    versions = _version("2010-01-01", "5y", "2015-12-31") + _version("2016-01-01", "5y", extra=agg)
    pack = write_pack(tmp_path / "p", {"statutes/kr/test-act/1.yaml": offence_yaml(versions=versions, extra="created: 2010-01-01\n")})
    rec = load_catalogue([str(pack)], bundled=False, use_cache=False, env="").get("kr/test-act/1")
    assert [(c.date.isoformat(), c.kind) for c in offence_changes(rec)] == [("2010-01-01", "new-offence"), ("2016-01-01", "raised")]


def test_korean_deepfake_change_in_october_2024(cli, catalogue):
    if DEEPFAKE_KR not in catalogue.records:
        pytest.skip("Korean deepfake record not in the bundled data yet")
    rec = catalogue.records[DEEPFAKE_KR]
    expected = [c for c in offence_changes(rec) if dt.date(2024, 10, 1) <= c.date <= dt.date(2024, 10, 31)]
    assert expected, "the bundled record should carry its October 2024 change"
    r = cli(["changes", "--since", "2024-10-01", "--until", "2024-10-31", "-j", "kr", "--json"])
    assert r.code == 0
    data = json.loads(r.out)
    mine = [d for d in data if d["id"] == DEEPFAKE_KR]
    assert [d["change"] for d in mine] == [c.kind for c in expected]
    assert mine[0]["before"]["until"] and mine[0]["after"]["from"] == expected[0].date.isoformat()
    assert all(d["jurisdiction"] == "KR" for d in data)
    assert set(mine[0]) == {"date", "id", "jurisdiction", "title", "change", "before", "after", "prospective", "unverified"}


def test_table_piped(cli, pack):
    r = cli(["--data", str(pack), "changes", "--since", "2015", "--until", "2020", "-j", "KR"])
    assert r.code == 0 and "\x1b" not in r.out
    lines = [line.split("\t") for line in r.out.splitlines()]
    assert lines[0] == ["date", "id", "jurisdiction", "change", "before", "after"]
    rows = [line[:4] for line in lines[1:] if line[1] == "kr/test-act/1"]
    assert rows == [["2020-01-01", "kr/test-act/1", "KR", "lowered"], ["2016-01-01", "kr/test-act/1", "KR", "raised"]]


def test_prospective_change_is_marked(cli, pack):
    r = cli(["--data", str(pack), "changes", "--since", "2027", "-j", "kr"])
    assert "new offence (not yet in force)" in r.out  # back after a gap (repeal)


def test_nothing_in_the_period(cli):
    r = cli(["changes", "--since", "1800-01-01", "--until", "1800-12-31"])
    assert r.code == 0 and r.out.startswith("No penalty changes")
    assert json.loads(cli(["changes", "--since", "1800", "--until", "1800", "--json"]).out) == []


@pytest.mark.parametrize(
    "args, message",
    [
        (["changes", "--since", "yesterday-ish"], "--since"),
        (["changes", "--until", "2024-02-30"], "--until"),
        (["changes", "--since", "2025", "--until", "2024"], "after --until"),
        (["changes", "-j", "ZZ"], "no records for 'ZZ'"),
    ],
)
def test_usage_errors(cli, args, message):
    r = cli(args)
    assert r.code == 2 and message in r.err and r.err.count("\n") == 1


def test_dropping_the_fine_alternative_for_a_minimum_term_is_a_raise():
    """"up to 7 years or a fine" -> "at least 3 years": the fine was an alternative; harsher."""
    import datetime as dt

    from lawref.model import Combine, Fine, PenaltyVersion, Prison, Term
    from lawref.penalty import change_kind

    old = PenaltyVersion(start=dt.date(2010, 1, 1), prison=Prison(max=Term(months=84)), fine=Fine(max=50_000_000, currency="KRW"), combine=Combine.OR)
    new = PenaltyVersion(start=dt.date(2020, 6, 2), prison=Prison(min=Term(months=36)))
    assert change_kind(old, new) == "raised"
    both = PenaltyVersion(start=dt.date(2010, 1, 1), prison=Prison(max=Term(months=84)), fine=Fine(max=50_000_000, currency="KRW"), combine=Combine.AND)
    assert change_kind(both, PenaltyVersion(start=dt.date(2020, 6, 2), prison=Prison(max=Term(months=60)))) == "lowered"
