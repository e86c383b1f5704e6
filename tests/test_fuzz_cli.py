"""Property-based: random arguments never give a traceback, only documented exit codes,
and `--json` output parses whenever the exit code is 0."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import run_cli
from lawref.cli import app

EXIT_CODES = {0, 1, 2}

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
word = st.sampled_from(["deepfake", "14-2", "조주빈", "Jo Ju-bin", "nth room", "s.66B", "226-8-1", "csam", "", "[red]x[/red]", "\x1b]0;t\x07"]) | text
date = st.sampled_from(["2023-01-01", "2025-06-01", "today", "2024-02-30", "0000-00-00", "yesterday", "2024", "9999-12-31", "-1"]) | text
rid = st.sampled_from(["kr/sexual-crimes-act/14-2.1", "kr/cho-ju-bin", "fr/durov", "nope/x", "KR/CHO-JU-BIN", ""]) | text
jur = st.sampled_from(["KR", "kr", "fr", "GB-EAW", "XX", "eu", ""]) | text
claim = st.sampled_from(
    [
        "In South Korea, creating sexually explicit deepfakes can result in up to five years in prison and fines reaching 50 million won ($37,500 or £28,300).",
        "Cho, who was 20 at the time, received a 42-year prison sentence.",
        "Durov has since been formally charged.",
        "The sky is blue.",
        "up to 999999999999999999999 years",
    ]
) | text

OPTIONS = {
    "search": lambda: st.tuples(word, st.lists(st.sampled_from(["--json", "--kind=offence", "--kind=case", "--kind=x", "--limit=0", "--limit=-3", "--limit=2"]), max_size=2), date, jur).map(
        lambda t: [t[0], *t[1], "--as-of", t[2], "-j", t[3]]
    ),
    "show": lambda: st.tuples(rid, st.booleans(), date).map(lambda t: [t[0], "--as-of", t[2]] + (["--json"] if t[1] else [])),
    "compare": lambda: st.tuples(word, date, st.sampled_from(["USD", "KRW", "XXX", "eur", ""]), st.sampled_from([[], ["--json"], ["--csv"], ["--sort", "fine"], ["--sort", "bogus"]])).map(
        lambda t: [t[0], "--as-of", t[1], "--currency", t[2], *t[3]]
    ),
    "check": lambda: st.tuples(claim, date, st.sampled_from([[], ["--json"], ["--format", "claimreview"], ["--format", "bogus"]])).map(lambda t: [t[0], "--as-of", t[1], *t[2]]),
    "changes": lambda: st.tuples(date, date, jur, st.booleans()).map(lambda t: ["--since", t[0], "--until", t[1], "-j", t[2]] + (["--json"] if t[3] else [])),
    "render": lambda: st.tuples(word, st.sampled_from(["handout", "summary", "brief", "nope"]), st.sampled_from(["md", "html", "txt"]), date).map(
        lambda t: [t[0], "--template", t[1], "--format", t[2], "--as-of", t[3], "-o", "-"]
    ),
    "validate": lambda: st.sampled_from([["--json"], [], ["/nonexistent/dir"]]),
    "jurisdictions": lambda: st.sampled_from([["--json"], []]),
    "tags": lambda: st.sampled_from([["--json"], []]),
    "info": lambda: st.sampled_from([["--json"], []]),
}

COMMANDS = [c.name or c.callback.__name__ for c in app.registered_commands]


def test_every_command_is_fuzzed():
    missing = [c for c in COMMANDS if c not in OPTIONS]
    assert not missing, f"add argument strategies for: {missing}"


@pytest.mark.parametrize("command", [c for c in COMMANDS if c in OPTIONS])
def test_random_arguments_never_crash(command):
    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(OPTIONS[command]())
    def run(args):
        r = run_cli([command, *args])
        assert "Traceback" not in r.err + r.out, r.err
        assert r.code in EXIT_CODES, (args, r.code, r.err)
        if r.code == 0 and "--json" in args:
            json.loads(r.out)
        if r.code == 2:
            assert r.err.strip(), f"usage error without a message: {args}"

    run()
