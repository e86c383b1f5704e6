"""User dates (`--as-of`, `--since`, `--until`): full dates, months, years; nothing impossible."""

from __future__ import annotations

import datetime as dt

import pytest

from lawref.dates import parse_date
from lawref.errors import UsageError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-10-16", dt.date(2024, 10, 16)),
        ("2024-02", dt.date(2024, 2, 29)),
        ("2023-02", dt.date(2023, 2, 28)),
        ("2024-12", dt.date(2024, 12, 31)),
        ("2024-01", dt.date(2024, 1, 31)),
        ("2024", dt.date(2024, 12, 31)),
        (" 2025-06-01 ", dt.date(2025, 6, 1)),
    ],
)
def test_valid_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2024-13", "2024-00", "2024--1", "2024-+1", "+202-01", "2024-02-30", "2024-13-01", "0000-00-00", "yesterday", "2024-1", "20245"])
def test_impossible_or_malformed_dates_are_refused(text):
    with pytest.raises(UsageError, match="not a valid date"):
        parse_date(text, "--as-of")


def test_cli_refuses_a_month_that_does_not_exist(cli):
    r = cli(["search", "deepfake", "--as-of", "2024-13"])
    assert r.code == 2 and "not a valid date" in r.err and r.out == ""


def test_an_empty_date_is_an_error_not_today():
    """`--as-of "$D"` with D unset must not silently answer for today."""
    from lawref.errors import UsageError

    with pytest.raises(UsageError, match="empty"):
        parse_date("  ")
