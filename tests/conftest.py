"""Shared test helpers: run the CLI in-process and capture its output and exit code."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Property tests (hypothesis) are derandomized by default so that CI and every checkout run the
# same examples; `HYPOTHESIS_PROFILE=explore` draws new ones (and more of them) when hunting bugs.
try:
    import os as _os

    from hypothesis import settings as _hsettings

    _hsettings.register_profile("repeatable", derandomize=True, database=None)
    _hsettings.register_profile("explore", derandomize=False, max_examples=1000)
    _hsettings.load_profile(_os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))
except ImportError:  # hypothesis is a test extra; tests that need it import it themselves
    pass


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_cli(args: list[str], stdin: str | None = None, monkeypatch=None) -> Result:
    """Run `lawref ARGS` through cli.main (with its error mapping), capturing output."""
    from lawref import output
    from lawref.cli import main

    old = sys.stdout, sys.stderr, sys.stdin
    out, err = io.StringIO(), io.StringIO()
    sys.stdout, sys.stderr = out, err
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    output.reset_consoles()
    code = 0
    try:
        main(list(args))
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    finally:
        sys.stdout, sys.stderr, sys.stdin = old
        output.reset_consoles()
    return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    """Each test session uses its own cache directory, never the user's."""
    monkeypatch.setenv("LAWREF_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.delenv("LAWREF_DATA", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture(scope="session")
def catalogue():
    from lawref.catalog import load_catalogue

    return load_catalogue(use_cache=False, env="")
