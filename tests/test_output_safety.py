"""Record text and user input can neither style nor hijack the terminal."""

from __future__ import annotations

import os

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


@pytest.mark.parametrize("args", [["search", "deepfake", "-n", "0"], ["show", "kr/cho-ju-bin"], ["compare", "deepfake"], ["changes"]])
def test_a_reader_that_stops_reading_is_not_a_failure(args, tmp_path):
    """`lawref ... | head -1` under `set -o pipefail`: exit 0, nothing on stderr."""
    import os
    import subprocess
    import sys

    r, w = os.pipe()
    os.close(r)  # the reader is gone before lawref writes
    env = dict(os.environ, LAWREF_CACHE_DIR=str(tmp_path / "cache"))
    try:
        run = subprocess.run([sys.executable, "-m", "lawref", *args], stdout=w, stderr=subprocess.PIPE, text=True, env=env, timeout=120)
    finally:
        os.close(w)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["search", "deepfake", "-n", "-1"], "--limit"),
        (["search", "deepfake", "--kind", "statute"], "--kind"),
        (["show", "a", "b"], "show --help"),
        (["nosuchcommand"], "lawref --help"),
        (["compare", "deepfake", "--sort", "size"], "--sort"),
    ],
)
def test_usage_errors_are_one_line(cli, args, names):
    r = cli(args)
    assert r.code == 2
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("lawref: error: ") and names in lines[0], r.err


def test_arguments_that_are_not_utf8_are_a_usage_error(tmp_path):
    import os
    import subprocess
    import sys

    env = dict(os.environ, LAWREF_CACHE_DIR=str(tmp_path / "cache"))
    for args in ([b"search", b"zz\xff"], [b"show", b"kr/\xff"], [b"compare", b"\xff"]):
        run = subprocess.run([sys.executable.encode(), b"-m", b"lawref", *args], capture_output=True, env=env, timeout=120)
        assert run.returncode == 2, run.stderr
        assert b"not valid UTF-8" in run.stderr and b"internal error" not in run.stderr


def test_lone_surrogates_never_reach_the_terminal():
    from lawref.output import clean, plain

    for f in (clean, plain):
        out = f("x\udc9b31mred")
        assert "\udc9b" not in out and "\ufffd" in out


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["show", "kr/cho-ju-bin"], ["validate"], ["compare", "deepfake"]])
def test_a_full_disk_is_a_write_error_not_a_bug(args, tmp_path):
    import subprocess
    import sys

    env = {**os.environ, "LAWREF_CACHE_DIR": str(tmp_path / "cache")}
    with open("/dev/full", "w") as full:
        r = subprocess.run([sys.executable, "-m", "lawref", *args], stdout=full, stderr=subprocess.PIPE, text=True, env=env, timeout=120)
    assert r.returncode == 1, r.stderr
    assert "cannot write the output" in r.stderr and "internal error" not in r.stderr and "Traceback" not in r.stderr


def test_csv_cells_never_run_as_spreadsheet_formulas(cli, tmp_path):
    import csv
    import io

    from factories import offence_yaml, write_pack

    rec = offence_yaml().replace("title: Test offence", "title: '=HYPERLINK(\"http://evil\",\"x\")'").replace('article: "1"', 'article: "+1"')
    pack = write_pack(tmp_path / "p", {"statutes/kr/test-act/1.yaml": rec})
    r = cli(["--data", str(pack), "compare", "kr/test-act/1", "--csv"])
    assert r.code == 0, r.err
    rows = list(csv.reader(io.StringIO(r.out)))
    cells = [c for row in rows[1:] for c in row]
    assert not any(c[:1] in "=+@" and c for c in cells), cells
    assert "'=HYPERLINK" in r.out or "'+1" in r.out
