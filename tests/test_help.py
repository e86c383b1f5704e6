"""Every command has help text with at least one example (sqlite-utils' test_docs)."""

from __future__ import annotations

import pytest
import typer

from lawref.cli import app

COMMANDS = sorted(typer.main.get_command(app).commands)


def test_the_feature_commands_are_registered():
    assert {"search", "show", "changes", "validate", "info"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_help_has_an_example(cli, name):
    r = cli([name, "--help"])
    assert r.code == 0, r.err
    assert "Example: lawref " in r.out, f"`lawref {name} --help` has no 'Example: lawref ...' line"
    summary = r.out.split("\n\n")[1].strip()
    assert summary and not summary.startswith("Example"), "help should say what the command does first"


def test_app_help_has_an_example(cli):
    r = cli(["--help"])
    assert r.code == 0 and "Example: lawref " in r.out


@pytest.mark.parametrize("name", ["search", "show", "changes"])
def test_examples_of_the_lookup_commands_run(cli, name):
    import shlex

    out = cli([name, "--help"]).out
    examples = [line.split("Example: ", 1)[1] for line in out.splitlines() if "Example: lawref " in line]
    assert examples
    for example in examples:
        argv = shlex.split(example)[1:]
        r = cli(argv)
        assert r.code == 0, (example, r.err)
