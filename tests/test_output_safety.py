"""Record text and user input can neither style nor hijack the terminal."""

from __future__ import annotations

import pytest

from lawref.output import clean, plain, strip_controls

NASTY = [
    ("\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\", "click"),  # OSC 8 hyperlink
    ("\x1b]52;c;ZWNobyBwd25lZA==\x07text", "text"),  # OSC 52 clipboard write
    ("\x1b]0;new title\x07after", "after"),  # set window title
    ("\x1b[31mred\x1b[0m", "red"),  # CSI colour
    ("a\x9b31mb", "a\ufffd31mb"),  # C1 CSI made visible
    ("bell\x07", "bell\ufffd"),
]


@pytest.mark.parametrize("raw,expected", NASTY)
def test_escape_sequences_removed(raw, expected):
    assert strip_controls(raw) == expected
    assert "\x1b" not in plain(raw) and "\x07" not in plain(raw)


@pytest.mark.parametrize("text", ["[red]x[/red]", "[/bold]", "[link=http://x]y[/link]", "\\[x]"])
def test_rich_markup_printed_literally(text):
    from rich.console import Console

    con = Console(record=True, width=200, color_system=None)
    con.print(clean(text))
    assert con.export_text().strip() == text


def test_newlines_and_tabs_kept():
    assert strip_controls("a\nb\tc") == "a\nb\tc"
