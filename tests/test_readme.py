"""The README's Quick start is what CI runs, and the documented commands exist."""

from __future__ import annotations

import re

from conftest import ROOT


def _readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def test_quick_start_has_exactly_two_commands():
    quick = _readme().split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = [c.strip() for c in re.findall(r"```sh\n(.+?)\n\s*```", quick, re.S)]
    assert len(commands) == 2, commands
    assert "pip install" in commands[0] and "lawref " in commands[0]
    assert "pip install" in commands[1] and "pytest" in commands[1]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "<!-- test-command -->" in ci and "README.md" in ci
    block = _readme().split("<!-- test-command -->", 1)[1].split("<!-- /test-command -->", 1)[0]
    assert "pytest" in block


def test_every_command_has_a_readme_section():
    from lawref.cli import app

    text = _readme()
    for c in app.registered_commands:
        name = c.name or c.callback.__name__
        assert f"lawref {name}" in text or f"`{name}`" in text, name


def test_every_check_finding_aspect_is_documented():
    """`check --json` readers rely on the documented list of "aspect" values."""
    documented = set(re.search(r'"aspect": "([a-z|]+)"', _readme()).group(1).split("|"))
    used = set()
    for path in (ROOT / "lawref").glob("*.py"):
        used |= set(re.findall(r'Finding\(\s*"([a-z]+)"', path.read_text(encoding="utf-8")))
    assert used and used <= documented, sorted(used - documented)
