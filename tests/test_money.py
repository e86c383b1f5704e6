"""lawref.money: CLDR formatting, dated ECB conversion ("latest before"), rates.yaml, the cache."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from lawref import money
from lawref.model import Fine
from lawref.money import Conversion, NoConversion, RateTable

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def table():
    return RateTable([str(money.bundled_rates_file())])


# ------------------------------------------------------------------ formatting


@pytest.mark.parametrize(
    "amount,currency,expected",
    [
        (50_000_000, "KRW", "₩50,000,000"),
        (60_000, "EUR", "€60,000"),
        (250_000, "USD", "$250,000"),
        (343_500, "AUD", "A$343,500"),
        (1234.6, "KRW", "₩1,235"),  # no decimals for KRW, even when not whole
        (1234.5, "USD", "$1,234.50"),
    ],
)
def test_format_amount(amount, currency, expected):
    assert money.format_amount(amount, currency) == expected


@pytest.mark.parametrize(
    "fine,expected",
    [(Fine(max="unlimited"), "unlimited"), (Fine(max=15000, currency="EUR"), "€15,000"), (None, None), (Fine(min=5), None)],
)
def test_format_fine_max(fine, expected):
    assert money.format_fine_max(fine) == expected


@pytest.mark.parametrize(
    "rate,a,b,expected",
    [
        (1.0815, "EUR", "USD", "1 EUR = 1.0815 USD"),
        (1 / 1342.27, "KRW", "USD", "1 USD = 1,342.3 KRW"),  # the direction whose number is >= 1
        (1.0, "EUR", "EUR", "1 EUR = 1.0000 EUR"),
    ],
)
def test_format_rate(rate, a, b, expected):
    assert money.format_rate(rate, a, b) == expected


# ------------------------------------------------------------------ conversion


@pytest.mark.parametrize(
    "amount,src,dst,day,expected",
    [
        # The dataset issue's worked example: 50,000,000 KRW on 2024-09-03.
        (50_000_000, "KRW", "USD", "2024-09-03", 37_249),
        (50_000_000, "KRW", "GBP", "2024-09-03", 28_384),
    ],
)
def test_convert_known_values(table, amount, src, dst, day, expected):
    c = table.convert(amount, src, dst, D(day))
    assert isinstance(c, Conversion)
    assert round(c.amount) == expected
    assert c.rate_date == D(day)
    assert c.source == money.ECB_SOURCE
    assert c.note is None


@pytest.mark.parametrize(
    "day,rate_day",
    [
        ("2024-09-01", "2024-08-30"),  # Sunday -> Friday
        ("2024-08-31", "2024-08-30"),  # Saturday -> Friday
        ("2024-12-25", "2024-12-24"),  # TARGET holiday
        ("2024-09-02", "2024-09-02"),  # a business day is its own rate
    ],
)
def test_latest_before_not_interpolated(table, day, rate_day):
    c = table.convert(100, "EUR", "USD", D(day))
    assert c.rate_date == D(rate_day)
    same = table.convert(100, "EUR", "USD", D(rate_day))
    assert c.rate == same.rate  # the earlier day's rate itself, not an interpolation


def test_rate_is_of_the_as_of_date_not_the_latest(table):
    old = table.convert(1_000_000, "KRW", "USD", D("2023-01-01"))
    new = table.convert(1_000_000, "KRW", "USD", D("2025-06-01"))
    assert old.rate_date <= D("2023-01-01") and (D("2023-01-01") - old.rate_date).days <= 4
    assert new.rate_date <= D("2025-06-01") and (D("2025-06-01") - new.rate_date).days <= 4
    assert old.rate != new.rate


def test_same_currency(table):
    c = table.convert(60_000, "EUR", "eur", D("2024-01-01"))
    assert c.amount == 60_000 and c.rate == 1.0


@pytest.mark.parametrize(
    "src,day,words",
    [
        ("XYZ", "2024-01-01", ["XYZ", "ECB", "rates.yaml"]),  # a currency nobody has
        ("KRW", "1998-06-01", ["1998-06-01", "1999-01-04"]),  # before the series starts
        ("RUB", "2025-06-01", ["RUB", "2022-03-01", "days"]),  # the ECB stopped publishing it
    ],
)
def test_no_conversion_says_why(table, src, day, words):
    c = table.convert(100, src, "USD", D(day))
    assert isinstance(c, NoConversion) and not c
    for w in words:
        assert w in c.reason


def test_after_the_bundled_series_ends(table):
    last = table.ecb_bounds("USD")[1]
    near = table.convert(100, "EUR", "USD", last + dt.timedelta(days=20))
    assert isinstance(near, Conversion) and near.rate_date == last
    assert last.isoformat() in near.note and "20 days" in near.note
    far = table.convert(100, "EUR", "USD", last + dt.timedelta(days=money.MAX_AGE_DAYS + 1))
    assert isinstance(far, NoConversion) and last.isoformat() in far.reason


def test_conversion_json(table):
    j = table.convert(50_000_000, "KRW", "USD", D("2024-09-03")).json()
    assert set(j) == {"amount", "currency", "rate", "rate_date", "source"}
    assert j["currency"] == "USD" and j["rate_date"] == "2024-09-03" and j["amount"] == 37249.45
    assert table.convert(50_000_000, "USD", "KRW", D("2024-09-03")).json()["amount"] == round(50_000_000 / j["rate"])


def test_convert_fine(table):
    assert money.convert_fine(Fine(max="unlimited"), "USD", D("2024-01-01"), table) is None
    assert money.convert_fine(None, "USD", D("2024-01-01"), table) is None
    c = money.convert_fine(Fine(max=15000, currency="EUR"), "GBP", D("2024-01-02"), table)
    assert c.currency == "GBP" and c.from_amount == 15000


def test_module_level_convert_uses_the_default_table():
    c = money.convert(50_000_000, "KRW", "USD", D("2024-09-03"))
    assert round(c.amount) == 37_249


# ------------------------------------------------------------------ the cache


def test_cache_matches_a_fresh_parse(tmp_path, monkeypatch):
    monkeypatch.setenv("LAWREF_CACHE_DIR", str(tmp_path))
    fresh = RateTable(use_cache=False).convert(1000, "AUD", "KRW", D("2019-03-15"))
    RateTable().convert(1, "EUR", "USD", D("2020-01-02"))  # parses and writes the cache
    d = money._ecb_cache_dir()
    assert (d / "KRW.bin").is_file() and (d / "currencies.txt").is_file()
    cached = RateTable().convert(1000, "AUD", "KRW", D("2019-03-15"))
    assert cached == fresh


@pytest.mark.parametrize("garbage", [b"", b"LAWREFR1\x05\x00\x00\x00short", b"not a cache file at all"])
def test_corrupt_cache_is_ignored(tmp_path, monkeypatch, garbage):
    monkeypatch.setenv("LAWREF_CACHE_DIR", str(tmp_path))
    RateTable().convert(1, "EUR", "USD", D("2020-01-02"))
    d = money._ecb_cache_dir()
    (d / "KRW.bin").write_bytes(garbage)
    c = RateTable().convert(50_000_000, "KRW", "USD", D("2024-09-03"))
    assert round(c.amount) == 37_249


def test_cache_key_names_the_package_version():
    ver, path = money.ecb_package()
    assert Path(path).is_file()
    assert f"-{ver}-" in money._ecb_cache_dir().name


# ------------------------------------------------------------------ rates.yaml


def test_bundled_rates_file_loads_cleanly():
    rates, problems = money.load_extra_rates(money.bundled_rates_file())
    assert problems == []


def test_missing_rates_file_is_fine(tmp_path):
    assert money.load_extra_rates(tmp_path / "rates.yaml") == ([], [])


RATES = """\
rates:
  - {currency: TWD, date: 2024-09-02, rate: 35.5, source: {publisher: Central Bank of the Republic of China (Taiwan), url: https://www.cbc.gov.tw/}}
  - {currency: TWD, date: 2024-10-01, rate: 32.0, base: USD, source: {title: Example USD rate, url: https://example.org/twd}}
  - {currency: USD, date: 2024-09-03, rate: 2.0, source: {title: A rival to the ECB}}
  - {currency: TWD, date: 2024-09-05, rate: -1, source: {title: bad}}
  - {currency: TWD, date: 2024-13-45, rate: 30, source: {title: bad date}}
  - {currency: TWD, date: 2024-09-06, rate: 30}
  - {currency: TAIWAN, date: 2024-09-06, rate: 30, source: {title: x}}
  - just a string
"""


@pytest.fixture
def extra(tmp_path):
    p = tmp_path / "rates.yaml"
    p.write_text(RATES, encoding="utf-8")
    return p


def test_rates_yaml_tolerant(extra):
    rates, problems = money.load_extra_rates(extra)
    assert [r.date.isoformat() for r in rates] == ["2024-09-02", "2024-10-01", "2024-09-03"]
    assert len(problems) == 5
    for words in (["rates[3]", "rate"], ["rates[4]", "date"], ["rates[5]", "source"], ["rates[6]", "currency"], ["rates[7]", "mapping"]):
        assert any(all(w in p for w in words) for p in problems), words


@pytest.mark.parametrize("text", ["rates: [\n", "rates: 5\n", "- a list\n", "", "# only a comment\n"])
def test_rates_yaml_never_raises(tmp_path, text):
    p = tmp_path / "rates.yaml"
    p.write_text(text, encoding="utf-8")
    rates, problems = money.load_extra_rates(p)
    assert rates == []


def test_extra_rate_for_a_currency_the_ecb_lacks(extra):
    t = RateTable([str(extra)])
    c = t.convert(1_000_000, "TWD", "EUR", D("2024-09-10"))
    assert isinstance(c, Conversion)
    assert c.rate_date == D("2024-09-02") and round(c.amount) == round(1_000_000 / 35.5)
    assert "Central Bank of the Republic of China" in c.source and "rates.yaml" in c.source
    # A USD-based rate is turned into a per-euro rate through the ECB's USD rate of its day.
    usd = t.convert(32_000, "TWD", "USD", D("2024-10-01"))
    assert round(usd.amount) == 1000 and usd.rate_date == D("2024-10-01")
    # Before any TWD rate: a reason, not a guess.
    assert isinstance(t.convert(1, "TWD", "EUR", D("2024-01-01")), NoConversion)


def test_ecb_wins_a_tie_with_rates_yaml(extra, table):
    t = RateTable([str(extra)])
    assert t.convert(100, "EUR", "USD", D("2024-09-03")).rate == table.convert(100, "EUR", "USD", D("2024-09-03")).rate


def test_pack_rates_file_problems_are_reported(tmp_path, extra):
    t = RateTable.for_packs([str(extra.parent), str(tmp_path / "nowhere")])
    assert len(t.problems) == 5


def test_rate_caches_of_other_installs_are_pruned(tmp_path):
    """Each CurrencyConverter install has its own rate cache; old ones don't pile up."""
    from lawref import money

    dirs = []
    for i in range(5):
        d = tmp_path / f"ecb-rates-0.0-{i}-{i}"
        d.mkdir()
        (d / "USD.bin").write_bytes(b"x")
        os.utime(d, (1_000_000 + i, 1_000_000 + i))
        dirs.append(d)
    keep = tmp_path / "ecb-rates-0.0-new-new"
    keep.mkdir()
    money._drop_other_ecb_dirs(keep)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([keep.name, dirs[4].name, dirs[3].name])


# ------------------------------------------------------------------ the formatted-amount memo

AMOUNTS = [(50_000_000, "KRW"), (75000, "EUR"), (28300, "GBP"), (1234.5, "USD"), (1000, "CHF"), (343500, "AUD")]


@pytest.fixture
def memo(tmp_path, monkeypatch):
    from lawref import amounts

    monkeypatch.setenv("LAWREF_CACHE_DIR", str(tmp_path / "cache"))
    fresh = amounts._Memo()
    monkeypatch.setattr(amounts, "_MEMO", fresh)
    return amounts, fresh


def _babel(amount, currency):
    from babel.numbers import format_currency

    if float(amount).is_integer():
        return format_currency(amount, currency, locale="en", format="¤#,##0", currency_digits=False)
    return format_currency(amount, currency, locale="en")


def test_memo_gives_what_babel_gives_in_the_next_run(memo, monkeypatch):
    amounts, first = memo
    assert [amounts.format_amount(a, c) for a, c in AMOUNTS] == [_babel(a, c) for a, c in AMOUNTS]
    first.save()  # what the exit handler does
    second = amounts._Memo()
    monkeypatch.setattr(amounts, "_MEMO", second)
    assert [second.get(f"en|{c}|{a!r}") for a, c in AMOUNTS] == [_babel(a, c) for a, c in AMOUNTS]
    assert [amounts.format_amount(a, c) for a, c in AMOUNTS] == [_babel(a, c) for a, c in AMOUNTS]


@pytest.mark.parametrize(
    "content",
    [
        b"not json {",
        b'{"babel": "another-babel", "entries": {"en|KRW|5": "WRONG"}}',
        b'["a", "list"]',
    ],
)
def test_a_damaged_or_foreign_memo_is_ignored(memo, content):
    amounts, fresh = memo
    from lawref.cache import cache_dir

    path = cache_dir() / amounts._Memo.NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    assert amounts.format_amount(5, "KRW") == _babel(5, "KRW") != "WRONG"


def test_memo_values_with_control_characters_are_not_trusted(memo):
    import json

    amounts, fresh = memo
    amounts.format_amount(5, "KRW")  # learns the stamp of the installed Babel
    fresh.save()
    data = json.loads(fresh.path.read_text())
    data["entries"]["en|KRW|5"] = "\x1b]52;c;ZXZpbA==\x07₩5"
    data["entries"]["en|EUR|7"] = "€7\x9b"
    fresh.path.write_text(json.dumps(data))
    again = amounts._Memo()
    assert again.get("en|KRW|5") is None and again.get("en|EUR|7") is None


def test_no_cache_formats_without_the_memo(tmp_path):
    import subprocess
    import sys

    env = dict(os.environ, LAWREF_CACHE_DIR=str(tmp_path / "cache"))
    run = subprocess.run([sys.executable, "-m", "lawref", "--no-cache", "show", "kr/sexual-crimes-act/14-2.1"], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "₩" in run.stdout
    assert not (tmp_path / "cache").exists()
