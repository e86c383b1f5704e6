"""`lawref show`: the penalty at a date, timeline, cases, sources, JSON, errors, safety."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import pytest
from conftest import ROOT
from factories import SOURCE, case_yaml, offence_yaml, write_pack

from lawref.commands.show import safe_url
from lawref.penalty import sentence_words
from lawref.penalty import penalty_words

DEEPFAKE_KR = "kr/sexual-crimes-act/14-2.1"
CHO = "kr/cho-ju-bin"


def _need(catalogue, rid):
    if rid not in catalogue.records:
        pytest.skip(f"{rid} is not in the bundled data yet")
    return catalogue.records[rid]


def _section(out: str, heading: str) -> str:
    """The lines under `heading` up to the next blank line."""
    lines = out.splitlines()
    i = next(i for i, line in enumerate(lines) if line.startswith(heading))
    block = []
    for line in lines[i + 1 :]:
        if not line.strip():
            break
        block.append(line)
    return "\n".join(block)


# ---------------------------------------------------------------- the penalty at a date


def test_korean_deepfake_before_and_after_the_2024_change(cli, catalogue):
    rec = _need(catalogue, DEEPFAKE_KR)
    days = [dt.date(2024, 1, 1), dt.date(2025, 1, 1)]
    versions = [rec.in_force(d) for d in days]
    assert versions[0] is not versions[1] and None not in versions
    for day, version in zip(days, versions):
        out = cli(["show", DEEPFAKE_KR, "--as-of", day.isoformat()]).out
        now = _section(out, f"Penalty on {day}")
        assert penalty_words(version) in now
        other = next(v for v in versions if v is not version)
        assert penalty_words(other) not in now.splitlines()[0]
        # The timeline lists both versions and marks the one in force.
        timeline = _section(out, "Timeline")
        marked = [line for line in timeline.splitlines() if line.startswith("*")]
        assert len(marked) == 1 and penalty_words(version) in marked[0] and "(in force)" in marked[0]
    # Before the change was passed (promulgated 2024-10-16, in force that day), it is not
    # announced: on 2024-01-01 nobody knew of it. The timeline still lists it.
    assert versions[1].promulgated and versions[1].promulgated > days[0]
    out = cli(["show", DEEPFAKE_KR, "--as-of", "2024-01-01"]).out
    assert f"From {versions[1].start}:" not in out
    assert str(versions[1].start) in _section(out, "Timeline")


def test_a_change_is_announced_once_enacted(cli, tmp_path):
    """Promulgated 2024-03-01, in force 2024-06-01: announced between the two dates only."""
    versions = (
        f"  - from: 2020-01-01\n    until: 2024-05-31\n    prison: {{max: 5y}}\n{SOURCE}"
        f"  - from: 2024-06-01\n    promulgated: 2024-03-01\n    prison: {{max: 7y}}\n{SOURCE}"
    )
    pack = write_pack(tmp_path / "p", {"statutes/kr/test-act/1.yaml": offence_yaml(versions=versions)})
    for day, announced in (("2024-02-01", False), ("2024-04-01", True)):
        r = cli(["--data", str(pack), "show", "kr/test-act/1", "--as-of", day])
        assert r.code == 0, r.err
        assert ("From 2024-06-01: up to 7 years' imprisonment" in r.out) is announced, r.out
        data = json.loads(cli(["--data", str(pack), "show", "kr/test-act/1", "--as-of", day, "--json"]).out)
        assert [u["from"] for u in data["upcoming"]] == (["2024-06-01"] if announced else [])


def test_json_in_force_follows_the_as_of_date(cli, catalogue):
    rec = _need(catalogue, DEEPFAKE_KR)
    change = next(v.start for v in rec.penalties[1:])
    for day in (change - dt.timedelta(days=1), change):
        data = json.loads(cli(["show", DEEPFAKE_KR, "--as-of", day.isoformat(), "--json"]).out)
        version = rec.in_force(day)
        assert data["as_of"] == day.isoformat()
        assert data["in_force"]["from"] == version.start.isoformat()
        assert data["in_force"] == data["penalties"][rec.penalties.index(version)]
    before = json.loads(cli(["show", DEEPFAKE_KR, "--as-of", "2024-01-01", "--json"]).out)
    assert before["upcoming"] == []  # promulgated only on 2024-10-16
    promulgated = rec.penalties[-1].promulgated
    on = json.loads(cli(["show", DEEPFAKE_KR, "--as-of", (promulgated - dt.timedelta(days=1)).isoformat(), "--json"]).out)
    assert on["upcoming"] == []


def test_json_uses_the_yaml_field_names(cli, catalogue):
    rec = _need(catalogue, DEEPFAKE_KR)
    data = json.loads(cli(["show", DEEPFAKE_KR, "--json"]).out)
    assert data["id"] == rec.id and data["kind"] == "offence"
    for key in ("jurisdiction", "instrument", "article", "title", "offence", "aliases", "tags", "penalties", "related", "sources"):
        assert key in data
    v = data["penalties"][0]
    assert "from" in v and "until" in v and "start" not in v and "end" not in v
    assert isinstance(v["prison"]["max"], str)  # the YAML form, e.g. "5y"
    for k in ("line", "file_lines", "field_lines"):
        assert k not in data
    assert data["pack"] == "bundled" and data["file"].endswith(".yaml")


def _penalty_section(out: str) -> str:
    return out.split("Penalty on ", 1)[1].split("\nTimeline", 1)[0]


def test_no_offence_before_it_was_created(cli, catalogue):
    """Art. 14-2 was promulgated 2020-03-24 and in force 2020-06-25: before either day, show
    says, as compare does, that there was no specific offence before it was created."""
    rec = _need(catalogue, DEEPFAKE_KR)
    first = rec.penalties[0]
    day = first.start - dt.timedelta(days=1)
    r = cli(["show", DEEPFAKE_KR, "--as-of", day.isoformat()])
    assert f"no specific offence before {first.start}" in _penalty_section(r.out)
    assert json.loads(cli(["show", DEEPFAKE_KR, "--as-of", day.isoformat(), "--json"]).out)["in_force"] is None
    before = first.promulgated - dt.timedelta(days=1)
    section = _penalty_section(cli(["show", DEEPFAKE_KR, "--as-of", before.isoformat()]).out)
    assert f"no specific offence before {rec.created or first.start}" in section and "not in force" not in section


def test_before_creation_show_says_what_compare_says(catalogue):
    """`show`/`search` and `compare` word the days before an offence's creation alike."""
    from lawref.commands.show import status_text
    from lawref.compare import offence_rows
    from lawref.money import RateTable

    rates = RateTable.for_packs([])
    checked = 0
    for o in catalogue.offences:
        if o.created is None or o.before_history(o.created - dt.timedelta(days=1)) != "not-created":
            continue
        first = min(o.penalties, key=lambda p: p.start)
        for day in (o.created - dt.timedelta(days=1), (first.promulgated or o.created) - dt.timedelta(days=1)):
            text = status_text(o, day)
            if first.status.value != "prospective":
                assert text == offence_rows(o, day, "USD", rates)[0].status_text, (o.id, day)
                checked += 1
            elif not first.enacted_by(day):
                assert text == "no specific offence yet" and str(first.start) not in text, (o.id, day)
    assert checked


# ---------------------------------------------------------------- offences: related, cases, sources


def test_offence_lists_related_offences_and_citing_cases(cli, catalogue):
    rec = _need(catalogue, DEEPFAKE_KR)
    out = cli(["show", DEEPFAKE_KR]).out
    if rec.related:
        related = _section(out, "Related offences")
        assert all(rid in related for rid in rec.related)
    cases = catalogue.cases_citing(rec.id)
    if cases:
        block = _section(out, "Cases citing this offence")
        assert all(c.id in block for c in cases)


def test_sources_are_numbered_with_urls_check_date_and_pack(cli, catalogue):
    rec = _need(catalogue, DEEPFAKE_KR)
    out = cli(["show", DEEPFAKE_KR]).out
    newest = max(s.accessed for s in rec.all_sources())
    assert f"Sources (last checked {newest}" in out
    for i, src in enumerate(rec.all_sources(), 1):
        assert f"[{i}]" in out
        assert src.url in out
    assert "From the bundled data: statutes/" in out


def test_unverified_facts_are_flagged(cli, catalogue):
    for rec in catalogue.offences:
        flagged = [v for v in rec.penalties if v.unverified] + [a for v in rec.penalties for a in v.aggravated if a.unverified]
        if flagged:
            out = cli(["show", rec.id]).out
            assert out.count("(unverified)") >= len(flagged), rec.id
            return
    pytest.skip("no unverified offence fact in the bundled data")


# ---------------------------------------------------------------- cases


def test_case_proceedings_court_by_court_with_sentences_orders_and_ages(cli, catalogue):
    case = _need(catalogue, CHO)
    out = cli(["show", CHO]).out
    procs = _section(out, "Proceedings")
    for p in case.proceedings:
        assert f"{p.date}  {p.court}" in procs
        if p.sentence is not None:
            assert sentence_words(p.sentence) in procs
        for order in p.orders:
            assert order in procs
    ages = _section(out, "Reported ages")
    for a in case.defendant.ages:
        assert f"{a.age} on {a.date}" in ages
    unverified = [p for p in case.proceedings if p.unverified] + [a for a in case.defendant.ages if a.unverified]
    assert out.count("(unverified)") >= len(unverified)
    assert all(oid in out for oid in case.offences)


def test_case_json(cli, catalogue):
    case = _need(catalogue, CHO)
    data = json.loads(cli(["show", CHO, "--json"]).out)
    assert data["kind"] == "case" and "in_force" not in data
    assert [p["date"] for p in data["proceedings"]] == [p.date.isoformat() for p in case.proceedings]
    assert data["defendant"]["name"] == case.defendant.name


@pytest.mark.parametrize(
    "sentence, words",
    [
        ({"prison": {"max": "40y"}}, "40 years' imprisonment"),
        ({"prison": {"max": "life"}}, "life imprisonment"),
        ({"prison": {"max": "2y"}, "suspended": "true"}, "2 years' imprisonment (suspended)"),
        ({"fine": {"max": "343500", "currency": "AUD"}}, "a fine of A$343,500"),
        ({"prison": {"max": "18y"}, "extended_licence": "6y"}, "18 years' imprisonment and extended licence of 6 years"),
    ],
)
def test_sentence_words(sentence, words):
    from lawref.model import Fine, Prison, Sentence, Term

    p = sentence.get("prison")
    f = sentence.get("fine")
    s = Sentence(
        prison=Prison(max=Term.parse(p["max"])) if p else None,
        fine=Fine(max=int(f["max"]), currency=f["currency"]) if f else None,
        extended_licence=Term.parse(sentence["extended_licence"]) if "extended_licence" in sentence else None,
        suspended=sentence.get("suspended") == "true",
    )
    assert sentence_words(s) == words


# ---------------------------------------------------------------- a pack with an upcoming change and hostile text


# YAML double-quoted escapes: \e is ESC. The URL tries to smuggle its own OSC 8 link (a URL
# holding ESC itself is refused by validate, so this one carries only the rest of the sequence).
HOSTILE_URL_YAML = "https://evil.example/x]8;;https://phish.example"
HOSTILE_TITLE_YAML = "[red]x[/red] \\e[31mred"


@pytest.fixture
def pack(tmp_path):
    versions = (
        "  - from: 2020-01-01\n"
        "    until: 2027-06-13\n"
        "    prison: {max: 5y}\n"
        + SOURCE
        + "  - from: 2027-06-14\n"
        "    status: prospective\n"
        "    prison: {max: 10y}\n"
        "    unverified: true\n"
        "    sources:\n"
        f'      - url: "{HOSTILE_URL_YAML}"\n'
        f'        title: "{HOSTILE_TITLE_YAML}"\n'
        "        accessed: 2026-11-26\n"
    )
    title = '"[bold]Loud[/bold] \\e[2J title"'
    return write_pack(
        tmp_path / "pack",
        {
            "statutes/kr/test-act/1.yaml": offence_yaml("kr/test-act/1", title=title, versions=versions),
            "cases/kr/test-case.yaml": case_yaml(),
        },
    )


def test_prospective_change_is_announced_never_current(cli, pack):
    r = cli(["--data", str(pack), "show", "kr/test-act/1", "--as-of", "2026-01-01"])
    assert r.code == 0, r.err
    out = r.out
    assert "From 2027-06-14 (enacted, not yet in force): up to 10 years' imprisonment" in out
    assert "up to 5 years' imprisonment" in _section(out, "Penalty on 2026-01-01")
    out = cli(["--data", str(pack), "show", "kr/test-act/1", "--as-of", "2028-01-01"]).out
    assert "not in force" in _section(out, "Penalty on 2028-01-01")
    data = json.loads(cli(["--data", str(pack), "show", "kr/test-act/1", "--as-of", "2028-01-01", "--json"]).out)
    assert data["in_force"] is None and data["upcoming"][0]["status"] == "prospective"
    assert data["pack"] == os.path.abspath(pack) and data["cited_by"] == ["kr/test-case"]


def test_hostile_text_and_urls_print_literally(cli, pack, monkeypatch):
    import re

    from lawref import output

    monkeypatch.setattr(output, "is_tty", lambda stream=None: True)
    r = cli(["--data", str(pack), "show", "kr/test-act/1"])
    assert r.code == 0, r.err
    out = r.out
    assert "[bold]Loud[/bold]" in out and "[red]x[/red]" in out
    assert "\x1b[2J" not in out and "\x1b[31m" not in out
    targets = re.findall("\x1b\\]8;[^;]*;([^\x1b\x07]*)", out)
    assert targets and all(t.startswith(("https://example.org", "https://evil.example/x%5D8")) for t in targets if t)
    assert not any("]8;;" in t for t in targets)


@pytest.mark.parametrize(
    "url, safe",
    [
        ("https://law.go.kr/법령/x", "https://law.go.kr/%EB%B2%95%EB%A0%B9/x"),
        ("http://example.org/a?b=1&c=[2]", "http://example.org/a?b=1&c=%5B2%5D"),
        ("javascript:alert(1)", None),
        ("file:///etc/passwd", None),
        ("https://x.example/\x1b]8;;evil", None),
        ("https://x.example/a b", None),
        ("https:///nohost", None),
        ("", None),
    ],
)
def test_safe_url(url, safe):
    assert safe_url(url) == safe


# ---------------------------------------------------------------- errors and start-up


@pytest.mark.parametrize(
    "text, rid",
    [
        ("226-8-1", "fr/code-penal/226-8-1"),  # an article only one record has
        ("s 474.17A", "au/criminal-code/474-17a"),  # an alias
        ("Cho Ju-bin", CHO),  # a defendant's name
        ("14-2.1", DEEPFAKE_KR),  # the end of an id
        ("kr/sexual-crimes-act/14-2-1", DEEPFAKE_KR),  # the id style of data/README.md
        ("kr/sexual-crimes-act/14-2(1)", DEEPFAKE_KR),  # the article as the law writes it
        ("KR/Sexual-Crimes-Act/14(2)", "kr/sexual-crimes-act/14.2"),  # article 14(2), not 14-2
        ("gb-eaw/sexual-offences-act-2003/66B(2)", "gb-eaw/sexual-offences-act-2003/66b-2"),
    ],
)
def test_what_names_one_record_exactly_shows_it(cli, catalogue, text, rid):
    r = cli(["show", text, "--json"])
    assert r.code == 0, r.err
    assert json.loads(r.out)["id"] == rid
    assert f"showing {rid}" in r.err and "not an id" in r.err


@pytest.mark.parametrize("text", ["kr/sexual-crimes-act/14-2", "deepfake", "revenge porn", "kr/sexual-crimes-act/99"])
def test_what_names_several_records_or_none_is_still_unknown(cli, text):
    """Article 14-2 has four paragraphs, each a record; a tag names many: suggestions, exit 2."""
    r = cli(["show", text])
    assert r.code == 2 and r.out == "" and "no record with id" in r.err


def test_an_empty_id_asks_for_one(cli):
    r = cli(["show", "  "])
    assert r.code == 2 and "give an ID" in r.err and "no record with id" not in r.err


def test_unknown_id_exits_2_with_three_suggestions(cli):
    r = cli(["show", "kr/cho-joo-bin"])
    assert r.code == 2 and r.out == ""
    assert r.err.count("\n") == 1
    hint = r.err.split("did you mean: ")[1].split("?")[0].split(", ")
    assert len(hint) == 3 and hint[0] == CHO


def test_unknown_article_suggests_its_paragraphs(cli, catalogue):
    _need(catalogue, DEEPFAKE_KR)
    r = cli(["show", "kr/sexual-crimes-act/14-2"])
    assert r.code == 2 and f"did you mean: {DEEPFAKE_KR}," in r.err


def test_show_does_not_import_rapidfuzz_for_a_known_id(tmp_path):
    code = (
        "import sys\n"
        "from lawref.cli import main\n"
        "try:\n    main(['show', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write('RAPIDFUZZ=%s' % ('rapidfuzz' in sys.modules))\n"
    )
    env = dict(os.environ, LAWREF_CACHE_DIR=str(tmp_path))
    env.pop("LAWREF_DATA", None)
    p = subprocess.run([sys.executable, "-c", code, CHO], check=False, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert "RAPIDFUZZ=False" in p.stderr
    p = subprocess.run([sys.executable, "-c", code, "kr/no-such-id"], check=False, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert "did you mean" in p.stderr  # suggestions may use it


def test_show_piped_has_no_escape_codes(cli):
    r = cli(["show", CHO])
    assert r.code == 0 and "\x1b" not in r.out


def test_case_status_is_as_of_the_date(catalogue, cli):
    """On a past date a case later appealed was pending, whatever its status is today."""
    import datetime as dt

    cho = catalogue.get(CHO)
    first = cho.proceedings[0]
    sentenced = next(p for p in cho.proceedings if p.sentence and not p.final)
    closing = next(p for p in cho.proceedings if p.final)
    assert cho.status_on(first.date - dt.timedelta(days=1)) is None
    assert cho.status_on(sentenced.date) == "pending"
    assert cho.status_on(closing.date) == "final" == cho.status_on(None)

    r = cli(["search", "Cho Ju-bin", "-n", "1", "--as-of", str(sentenced.date)])
    assert r.code == 0 and "case, pending" in r.out and "case, final" not in r.out
    r = cli(["show", CHO, "--as-of", str(sentenced.date)])
    assert f"pending on {sentenced.date}" in r.out
    r = cli(["show", CHO, "--as-of", str(first.date - dt.timedelta(days=1))])
    assert "no proceedings yet" in r.out


def test_status_on_for_every_bundled_case(catalogue):
    """The recorded status holds from the last proceeding on; before it, only final or pending."""
    for case in (r for r in catalogue.records.values() if r.kind == "case"):
        if not case.proceedings:
            continue
        last = max(p.date for p in case.proceedings)
        assert case.status_on(last) in (case.status, "final")
        for p in case.proceedings:
            if p.date < last:
                assert case.status_on(p.date) in ("pending", "final"), (case.id, p.date)


def test_a_case_with_co_defendants_is_summed_up_by_its_named_defendant(catalogue):
    from lawref.commands.show import case_brief

    for case in (r for r in catalogue.records.values() if r.kind == "case"):
        others = [p for p in case.proceedings if p.sentence and p.defendant not in (None, case.defendant.name)]
        if not others:
            continue
        own = case.final_sentence(None, main_only=True)
        assert own.defendant in (None, case.defendant.name)
        brief = case_brief(case)
        assert str(own.date) in brief and (own.defendant or "") in brief


def test_show_marks_ages_reported_after_the_date(cli):
    r = cli(["show", CHO, "--as-of", "2019-01-01"])
    age_lines = [line for line in r.out.splitlines() if line.strip()[:2].isdigit() and " on 20" in line]
    assert age_lines and all("(after the --as-of date)" in line for line in age_lines)


def test_a_missing_data_directory_is_a_usage_error(cli, tmp_path):
    r = cli(["--data", str(tmp_path / "nowhere"), "search", "deepfake"])
    assert r.code == 2 and "not a directory" in r.err and r.out == ""


def test_a_case_line_shows_every_sentence_standing_then(catalogue):
    """Two first-instance sentences of the same defendant in separate cases both stand until
    an appeal replaces them: the one-line summary names both, not just the latest."""
    from lawref.commands.show import case_brief

    case = catalogue.records[CHO]
    for p in case.proceedings:
        standing, _ = case.standing(p.date)
        mine = [q for q in standing if q.defendant in (None, case.defendant.name)]
        brief = case_brief(case, p.date)
        assert all(str(q.date) in brief for q in mine), (p.date, brief)
    assert any(len([q for q in case.standing(p.date)[0]]) > 1 for p in case.proceedings), "Cho had two separate first-instance sentences"


def test_a_case_line_prefers_a_step_with_an_outcome(catalogue):
    from lawref.commands.show import case_brief

    case = catalogue.records["us/david-tatum"]
    denied = next(p for p in case.proceedings if p.outcome == "other")
    assert "convicted" in case_brief(case, denied.date)


def test_an_upcoming_change_to_a_variant_only_names_the_variant(cli, tmp_path):
    agg = "    aggravated:\n      - label: for profit\n        prison: {max: 5y}\n"
    versions = (
        f"  - from: 2020-01-01\n    until: 2026-12-31\n    prison: {{max: 2y}}\n    aggravated:\n      - label: for profit\n        prison: {{max: 3y}}\n{SOURCE}"
        f"  - from: 2027-01-01\n    promulgated: 2026-06-01\n    prison: {{max: 2y}}\n{agg}{SOURCE}"
    )
    pack = write_pack(tmp_path / "p", {"statutes/kr/test-act/1.yaml": offence_yaml(versions=versions)})
    r = cli(["--data", str(pack), "show", "kr/test-act/1", "--as-of", "2026-07-01"])
    assert r.code == 0, r.err
    line = next(x for x in r.out.splitlines() if x.startswith("From 2027-01-01"))
    assert "for profit: up to 5 years' imprisonment" in line


def test_show_of_a_record_with_errors_says_so(cli, tmp_path):
    broken = offence_yaml().replace("title: Test offence", "title: [not, text]")
    pack = write_pack(tmp_path / "p", {"statutes/kr/test-act/1.yaml": broken})
    r = cli(["--data", str(pack), "show", "kr/test-act/1"])
    assert r.code == 2 and "has errors and was not loaded" in r.err and "did you mean" not in r.err


def test_a_civil_penalty_is_called_a_civil_penalty_not_a_fine_or_sentence(cli):
    """eSafety v Rotondo ended in a civil pecuniary penalty (proceeding level `civil`): show
    and search name it so, never "a fine" or "Sentence"."""
    out = cli(["show", "au/esafety-v-rotondo"]).out
    assert "Ordered: a civil penalty of A$343,500" in out
    assert "a fine of A$343,500" not in out and "Sentence:" not in out
    found = cli(["search", "Rotondo", "-n", "1"]).out
    assert "a civil penalty of A$343,500" in found and "a fine of" not in found


def test_sentence_words_of_a_civil_proceeding():
    from lawref.model import Fine, Proceeding, Sentence
    from lawref.penalty import ruling_words

    s = Sentence(fine=Fine(max=1000, currency="AUD"))
    day = dt.date(2025, 1, 1)
    assert ruling_words(Proceeding(day, "Court", "civil", sentence=s)) == "a civil penalty of A$1,000"
    assert ruling_words(Proceeding(day, "Court", "first-instance", sentence=s)) == "a fine of A$1,000"


def test_a_case_names_every_defendant_of_its_proceedings(cli, catalogue):
    """The SNU case is recorded under its principal offender; the two others sentenced in it
    are named too, and each proceeding says whose it is."""
    case = catalogue.get("kr/snu-deepfake")
    others = {p.defendant for p in case.proceedings if p.defendant and p.defendant != case.defendant.name}
    assert others
    out = cli(["show", "kr/snu-deepfake"]).out
    line = next(x for x in out.splitlines() if x.startswith("Co-defendants"))
    assert all(name in line for name in others) and case.defendant.name not in line
    for p in case.proceedings:
        assert any(x.startswith(f"  {p.date}  ") and f"— {p.defendant}" in x for x in out.splitlines()), p.defendant


def test_a_case_with_one_defendant_lists_no_co_defendants(cli):
    out = cli(["show", "kr/cho-ju-bin"]).out
    assert "Co-defendants" not in out


def test_a_date_after_today_is_flagged_on_stderr(cli):
    for cmd in (["show", "fr/durov"], ["search", "deepfake", "-j", "EU"]):
        r = cli([*cmd, "--as-of", "2999-01-01"])
        assert r.code == 0 and "is after today" in r.err and "is after today" not in r.out, cmd
        assert "is after today" not in cli(cmd).err
