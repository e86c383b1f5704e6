"""`lawref validate`: every problem as FILE:LINE: field: message, exit 1, never a traceback."""

from __future__ import annotations

import re

import pytest

from factories import SOURCE, case_yaml, offence_yaml, write_pack

OK = "statutes/kr/test-act/1.yaml"


def _validate(cli, pack):
    return cli(["--no-cache", "validate", str(pack)])


def test_clean_pack_passes(cli, tmp_path):
    pack = write_pack(tmp_path / "p", {OK: offence_yaml(), "cases/kr/test-case.yaml": case_yaml()})
    r = _validate(cli, pack)
    assert r.code == 0, r.out
    assert "no problems" in r.out


def test_bundled_data_is_clean(cli):
    r = cli(["--no-cache", "validate"])
    assert r.code == 0, r.out


BROKEN = [
    # (name, file content, expected line, words the message must contain)
    ("tab indentation", offence_yaml().replace("  title: Test Act", "\ttitle: Test Act"), 4, ["tab"]),
    ("duplicate key", offence_yaml().replace("title: Test offence", "title: Test offence\ntitle: Again"), 7, ["duplicate key", "line 6"]),
    ("no read as boolean", offence_yaml().replace("title: Test offence", "title: no"), 6, ["boolean", "quote"]),
    ("unquoted date as text", offence_yaml().replace('article: "1"', "article: 2024-01-01"), 5, ["date", "quote"]),
    ("unknown field", offence_yaml(extra="penalty_note: x\n"), None, ["unknown field"]),
    ("missing field", offence_yaml().replace("offence: Doing the test thing.\n", ""), 1, ["offence", "missing"]),
    ("impossible date", offence_yaml().replace("from: 2025-01-01", "from: 2025-02-30"), None, ["impossible date"]),
    ("until before from", offence_yaml().replace("until: 2024-12-31", "until: 2019-12-31"), None, ["before"]),
    ("unknown currency", offence_yaml().replace("currency: KRW", "currency: XYZ"), None, ["currency"]),
    ("unknown jurisdiction", offence_yaml().replace("jurisdiction: KR", "jurisdiction: XX"), 2, ["jurisdiction"]),
    ("bad term", offence_yaml().replace("max: 7y", "max: seven"), None, ["term"]),
    ("fine min above max", offence_yaml().replace("fine: {max: 50000000, currency: KRW}", "fine: {max: 100, min: 1000, currency: KRW}"), None, ["min 1000", "above max"]),
    ("a maximum of zero", offence_yaml().replace("prison: {max: 7y}", "prison: {max: 0y}"), None, ["maximum of 0"]),
    ("life as a minimum", offence_yaml().replace("prison: {max: 7y}", "prison: {min: life}"), None, ["minimum cannot be life"]),
    ("combine without a fine", offence_yaml().replace("prison: {max: 7y}", "prison: {max: 7y}\n    combine: and"), None, ["combine", "no fine"]),
    ("combine without prison or note", offence_yaml().replace("    prison: {max: 5y}\n", ""), None, ["combine", "no prison"]),
    ("accessed in the future", offence_yaml().replace("accessed: 2026-11-26", "accessed: 2999-01-01", 1), None, ["accessed 2999-01-01", "future"]),
    ("published after accessed", offence_yaml().replace("accessed: 2026-11-26", "accessed: 2020-01-01\n        published: 2021-01-01", 1), None, ["published 2021-01-01", "after"]),
    ("a URL holding an escape", offence_yaml().replace("url: https://example.org/law", 'url: "https://example.org/law\\e]8;;x"', 1), None, ["url", "cannot carry"]),
    ("a URL breaking out of markup", offence_yaml().replace("url: https://example.org/law", "url: 'https://example.org/\"><script>'", 1), None, ["url", "cannot carry"]),
    ("a tag with markup", offence_yaml(extra="tags: ['<b>x</b>']\n"), None, ["tag", "lower-case words"]),
    ("a tag listed twice", offence_yaml(extra="tags: [deepfake, deepfake]\n"), None, ["listed twice"]),
    ("lower-case jurisdiction", offence_yaml().replace("jurisdiction: KR", "jurisdiction: kr"), 2, ["upper case", "'KR'"]),
    ("id and jurisdiction disagree", offence_yaml().replace("jurisdiction: KR", "jurisdiction: FR"), 2, ["jurisdiction", "does not match the id"]),
    ("a date far outside history", offence_yaml().replace("until: 2024-12-31", "until: 9999-12-31"), None, ["outside", "open-ended"]),
    ("created after the first version", offence_yaml(extra="created: 2021-01-01\n"), None, ["created", "after the first version"]),
    ("max_basis without max", offence_yaml().replace("prison: {max: 7y}", "prison: {min: 1y, max_basis: Criminal Act Art. 42}"), None, ["max_basis", "give max"]),
    (
        "versions out of order",
        offence_yaml(versions=f"  - from: 2025-01-01\n    prison: {{max: 7y}}\n{SOURCE}  - from: 2020-01-01\n    until: 2024-12-31\n    prison: {{max: 5y}}\n{SOURCE}"),
        None,
        ["order"],
    ),
    (
        "overlapping versions",
        offence_yaml(versions=f"  - from: 2020-01-01\n    until: 2025-06-30\n    prison: {{max: 5y}}\n{SOURCE}  - from: 2025-01-01\n    prison: {{max: 7y}}\n{SOURCE}"),
        None,
        ["overlap"],
    ),
    ("missing source", offence_yaml(versions="  - from: 2020-01-01\n    prison: {max: 5y}\n"), None, ["sources", "missing"]),
    ("source without url", offence_yaml().replace("      - url: https://example.org/law\n        title: Example Act", "      - title: Example Act", 1), None, ["url", "missing"]),
    ("not yaml at all", "<html><body>{{ not: yaml: at all }}</body></html>\n", None, ["mapping"]),
    ("yaml syntax error", 'id: "kr/test-act/1\ntitle: x\n', None, ["syntax"]),
    ("python tag", "!!python/object/apply:os.system ['echo hi']\n", 1, ["tag", "not allowed"]),
]


@pytest.mark.parametrize("name,content,line,words", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_record_reports_file_line(cli, tmp_path, name, content, line, words):
    pack = write_pack(tmp_path / "p", {OK: content})
    r = _validate(cli, pack)
    assert r.code == 1, r.out + r.err
    assert "Traceback" not in r.out + r.err
    lines = [ln for ln in r.out.splitlines() if re.match(r"^.+\.yaml:\d+: ", ln)]
    assert lines, r.out
    hit = [ln for ln in lines if all(w.lower() in ln.lower() for w in words)]
    assert hit, f"no line with {words}: {r.out}"
    assert hit[0].startswith(str(pack / OK)) or "1.yaml:" in hit[0]
    if line is not None:
        assert f"1.yaml:{line}:" in hit[0], hit[0]
    assert re.search(r"^\d+ problems? in \d+ files$", r.out.splitlines()[-1])


def test_every_problem_is_reported_not_just_the_first(cli, tmp_path):
    bad = offence_yaml().replace("title: Test offence", "title: no").replace("currency: KRW", "currency: XYZ")
    pack = write_pack(tmp_path / "p", {OK: bad, "statutes/kr/test-act/2.yaml": "- just a list\n"})
    r = _validate(cli, pack)
    assert r.code == 1
    assert "boolean" in r.out and "currency" in r.out and "2.yaml" in r.out
    assert r.out.splitlines()[-1].startswith("3 problems")


def test_id_collision_between_packs_names_both_files(cli, tmp_path):
    a = write_pack(tmp_path / "a", {OK: offence_yaml()})
    b = write_pack(tmp_path / "b", {OK: offence_yaml(title="Another")})
    r = cli(["--no-cache", "validate", str(a), str(b)])
    assert r.code == 1
    line = next(ln for ln in r.out.splitlines() if "duplicate id" in ln)
    assert str(b / OK) in line or "b/statutes" in line
    assert "a/statutes/kr/test-act/1.yaml" in line


def test_collision_with_bundled_record(cli, tmp_path, catalogue):
    rid = next(iter(catalogue.records))
    rec = catalogue.records[rid]
    kind = "statutes" if rec.kind == "offence" else "cases"
    text = offence_yaml(rid=rid) if rec.kind == "offence" else case_yaml(rid=rid, offences="[]")
    pack = write_pack(tmp_path / "p", {f"{kind}/{rid}.yaml": text})
    r = _validate(cli, pack)
    assert r.code == 1
    assert "duplicate id" in r.out and "data/" in r.out


def test_reference_to_unknown_id(cli, tmp_path):
    pack = write_pack(tmp_path / "p", {OK: offence_yaml(), "cases/kr/test-case.yaml": case_yaml(offences="[kr/test-act/9]")})
    r = _validate(cli, pack)
    assert r.code == 1
    assert re.search(r"test-case\.yaml:6: offences\[0\]: unknown id 'kr/test-act/9'", r.out), r.out


def test_id_must_mirror_path(cli, tmp_path):
    pack = write_pack(tmp_path / "p", {"statutes/kr/test-act/other.yaml": offence_yaml()})
    r = _validate(cli, pack)
    assert r.code == 1 and "does not match the file path" in r.out


def test_missing_directory_is_usage_error(cli, tmp_path):
    r = cli(["validate", str(tmp_path / "nope")])
    assert r.code == 2
    assert "not a directory" in r.err
    assert "Traceback" not in r.err


def test_json_output(cli, tmp_path):
    import json

    pack = write_pack(tmp_path / "p", {OK: offence_yaml().replace("currency: KRW", "currency: XYZ")})
    r = cli(["--no-cache", "validate", "--json", str(pack)])
    data = json.loads(r.out)
    assert r.code == 1 and data["ok"] is False
    assert data["problems"][0]["field"].endswith("currency")


def test_version_overlap_reported_even_when_another_field_is_wrong(cli, tmp_path):
    versions = f"  - from: 2020-01-01\n    until: 2025-06-30\n    prison: {{max: 5y}}\n{SOURCE}  - from: 2025-01-01\n    prison: {{max: 7y}}\n{SOURCE}"
    bad = offence_yaml(versions=versions).replace("title: Test offence", "title: no")
    r = _validate(cli, write_pack(tmp_path / "p", {OK: bad}))
    assert "boolean" in r.out and "overlap" in r.out
    assert r.out.splitlines()[-1].startswith("2 problems")


def test_library_report_counts_only_the_pack_asked_about(tmp_path):
    from lawref.validate import validate

    pack = write_pack(tmp_path / "p", {OK: offence_yaml(), "cases/kr/test-case.yaml": case_yaml()})
    report = validate([str(pack)], use_cache=False)
    assert report.ok and report.records == 2 and report.files == 2
    bad = write_pack(tmp_path / "q", {OK: offence_yaml().replace("currency: KRW", "currency: XYZ")})
    report = validate([str(bad)], use_cache=False)
    assert not report.ok and report.records == 0 and "currency" in str(report.problems[0])


def test_validate_reports_a_packs_rates_file(tmp_path, cli):
    from factories import offence_yaml, write_pack

    pack = write_pack(tmp_path / "p", {"statutes/kr/test-act/1.yaml": offence_yaml()})
    (pack / "rates.yaml").write_text("rates:\n  - {currency: TWD, date: 2024-09-03, rate: .inf}\n")
    r = cli(["validate", str(pack)])
    assert r.code == 1 and "rates.yaml:1: rates:" in r.out and "positive number" in r.out


def test_small_gaps_are_reported(tmp_path, cli):
    from factories import offence_yaml, write_pack

    pack = write_pack(tmp_path / "p", {
        "statutes/kr/test-act/1.yaml": offence_yaml(extra="related: [kr/test-act/1]\n"),
        "statutes/kr/test-act/2.YAML": offence_yaml(rid="kr/test-act/2"),
        "statutes/kr/test-act/3.yaml": offence_yaml(rid="kr/test-act/3").replace("\n", "\r"),
    })
    r = cli(["validate", str(pack)])
    assert r.code == 1
    assert "refers to itself" in r.out
    assert "(CR) line endings" in r.out
    assert "in 3 files" in r.out  # the upper-case extension is read too
    empty = tmp_path / "empty"
    empty.mkdir()
    r = cli(["validate", str(empty)])
    assert r.code == 1 and "no record files" in r.out


@pytest.mark.parametrize(
    "change, words",
    [
        (("    outcome: convicted\n", "    outcome: acquitted\n"), ["acquittal", "no sentence"]),
        (("proceedings:\n", "proceedings:\n  - date: 2020-01-01\n    court: Appeals\n    level: appeal\n    sources: [{url: https://example.org/t, title: T, accessed: 2026-11-26}]\n"), ["comes before the first-instance"]),
        (("defendant: {name: Test Person}", "defendant: {name: Test Person, born: 2020}"), ["born 2020"]),
        (("defendant: {name: Test Person}", "defendant: {name: Test Person, ages: [{age: 250, sources: [{url: https://example.org/a, title: A, accessed: 2026-11-26}]}]}"), ["age 250"]),
        (("defendant: {name: Test Person}", "defendant: {name: Test Person, born: 1990, ages: [{age: 10, date: 2021-01-01, sources: [{url: https://example.org/a, title: A, accessed: 2026-11-26}]}]}"), ["age 10", "does not fit born 1990"]),
    ],
    ids=["acquitted with a sentence", "appeal before trial", "born after", "age 250", "age against birth year"],
)
def test_impossible_case_facts_are_reported(cli, tmp_path, change, words):
    body = case_yaml().replace(*change)
    pack = write_pack(tmp_path / "p", {OK: offence_yaml(), "cases/kr/test-case.yaml": body})
    r = _validate(cli, pack)
    assert r.code == 1, r.out
    assert any(all(w in line for w in words) for line in r.out.splitlines()), r.out


def test_a_case_citing_a_broken_offence_says_so(cli, tmp_path):
    broken = offence_yaml().replace("title: Test offence", "title: [not, text]")
    pack = write_pack(tmp_path / "p", {OK: broken, "cases/kr/test-case.yaml": case_yaml()})
    r = _validate(cli, pack)
    assert "'kr/test-act/1' is not loaded: its record has errors" in r.out and "did you mean" not in r.out


# ---------------------------------------------------------------- dated facts, repeals, every problem at once

V1 = f"  - from: 2020-01-01\n    until: 2024-12-31\n    prison: {{max: 5y}}\n{SOURCE}"


def _lines(out, *words):
    return [ln for ln in out.splitlines() if all(w in ln for w in words)]


def test_a_prospective_version_whose_date_has_passed_is_reported_and_the_record_still_loads(cli, tmp_path):
    versions = V1 + f"  - from: 2025-01-01\n    promulgated: 2024-06-01\n    status: prospective\n    prison: {{max: 7y}}\n{SOURCE}"
    pack = write_pack(tmp_path / "p", {OK: offence_yaml(versions=versions)})
    r = _validate(cli, pack)
    assert r.code == 1, r.out
    hit = _lines(r.out, "1.yaml:18:", "penalties[1].status", "prospective", "2025-01-01", "past")
    assert hit, r.out
    from lawref.catalog import load_catalogue

    cat = load_catalogue([str(pack)], bundled=False, use_cache=False, env="")
    assert "kr/test-act/1" in cat.records  # stale, not malformed: still shown


def test_a_prospective_version_in_the_future_is_fine(cli, tmp_path):
    versions = f"  - from: 2020-01-01\n    until: 2989-12-31\n    prison: {{max: 5y}}\n{SOURCE}  - from: 2990-01-01\n    status: prospective\n    prison: {{max: 7y}}\n{SOURCE}"
    r = _validate(cli, write_pack(tmp_path / "p", {OK: offence_yaml(versions=versions)}))
    assert r.code == 0, r.out


def test_a_future_version_not_marked_prospective_is_reported(cli, tmp_path):
    versions = f"  - from: 2020-01-01\n    until: 2989-12-31\n    prison: {{max: 5y}}\n{SOURCE}  - from: 2990-01-01\n    prison: {{max: 7y}}\n{SOURCE}"
    r = _validate(cli, write_pack(tmp_path / "p", {OK: offence_yaml(versions=versions)}))
    assert r.code == 1
    assert _lines(r.out, "1.yaml:16:", "penalties[1].from", "2990-01-01", "future", "prospective"), r.out


def test_repealed_on_a_replaced_version_is_reported(cli, tmp_path):
    versions = f"  - from: 2020-01-01\n    until: 2024-12-31\n    status: repealed\n    prison: {{max: 5y}}\n{SOURCE}  - from: 2025-01-01\n    prison: {{max: 7y}}\n{SOURCE}"
    r = _validate(cli, write_pack(tmp_path / "p", {OK: offence_yaml(versions=versions)}))
    assert r.code == 1
    assert _lines(r.out, "1.yaml:11:", "penalties[0].status", "repealed", "until"), r.out


def test_a_repeal_entry_at_the_end_needs_no_penalty(cli, tmp_path):
    versions = V1 + f"  - from: 2025-01-01\n    status: repealed\n{SOURCE}"
    r = _validate(cli, write_pack(tmp_path / "p", {OK: offence_yaml(versions=versions)}))
    assert r.code == 0, r.out
    versions = V1 + f"  - from: 2025-01-01\n    status: repealed\n    prison: {{max: 7y}}\n{SOURCE}"
    r = _validate(cli, write_pack(tmp_path / "p2", {OK: offence_yaml(versions=versions)}))
    assert r.code == 1 and _lines(r.out, "penalties[1]", "repeal", "no penalty"), r.out


def test_every_problem_of_a_source_at_once(cli, tmp_path):
    bad = offence_yaml().replace("        title: Example Act\n        accessed: 2026-11-26\n", "        accessed: 2999-01-01\n", 1)
    r = _validate(cli, write_pack(tmp_path / "p", {OK: bad}))
    assert _lines(r.out, "title or a publisher") and _lines(r.out, "1.yaml:16:", "accessed 2999-01-01", "future"), r.out


def test_every_problem_of_a_version_at_once(cli, tmp_path):
    versions = (f"  - from: 2020-01-01\n    until: 2019-12-31\n    promulgated: 2020-06-01\n    prison: {{max: 5y}}\n{SOURCE}"
                f"  - from: 2019-06-01\n    prison: {{max: 7y}}\n{SOURCE}")
    r = _validate(cli, write_pack(tmp_path / "p", {OK: offence_yaml(versions=versions)}))
    assert _lines(r.out, "1.yaml:10:", "until 2019-12-31 is before from"), r.out
    assert _lines(r.out, "1.yaml:11:", "promulgated 2020-06-01"), r.out
    assert _lines(r.out, "out of order") or _lines(r.out, "overlap"), r.out


def test_a_field_error_does_not_hide_the_path_and_jurisdiction_checks(cli, tmp_path):
    bad = offence_yaml(rid="kr/test-act/1-1").replace("currency: KRW", "currency: XYZ").replace("jurisdiction: KR", "jurisdiction: JP")
    r = _validate(cli, write_pack(tmp_path / "p", {OK: bad}))
    assert _lines(r.out, "currency") and _lines(r.out, "does not match the file path") and _lines(r.out, "1.yaml:2:", "jurisdiction", "does not match the id"), r.out


def test_a_case_with_a_field_error_still_gets_its_references_checked(cli, tmp_path):
    bad = case_yaml(offences="[kr/test-act/9]").replace("date: 2021-01-01", "date: 2021-02-30")
    r = _validate(cli, write_pack(tmp_path / "p", {OK: offence_yaml(), "cases/kr/test-case.yaml": bad}))
    assert _lines(r.out, "impossible date") and _lines(r.out, "test-case.yaml:6:", "unknown id 'kr/test-act/9'"), r.out


def test_a_duplicate_penalties_block_is_checked_too(cli, tmp_path):
    second = "penalties:\n" + V1.replace("prison: {max: 5y}", "fine: {max: 100, currency: XYZ}")
    r = _validate(cli, write_pack(tmp_path / "p", {OK: offence_yaml(extra=second)}))
    assert _lines(r.out, "duplicate key") and _lines(r.out, "XYZ"), r.out


def test_a_case_before_its_offence_existed_is_reported(cli, tmp_path):
    off = offence_yaml(extra="created: 2022-01-01\n").replace("from: 2020-01-01", "from: 2022-01-01")
    r = _validate(cli, write_pack(tmp_path / "p", {OK: off, "cases/kr/test-case.yaml": case_yaml()}))
    assert r.code == 1
    assert _lines(r.out, "test-case.yaml:8:", "proceedings[0].date", "2021-01-01", "kr/test-act/1", "2022-01-01"), r.out


def test_a_ruling_in_the_future_is_reported_but_a_scheduled_hearing_is_not(cli, tmp_path):
    hearing = "  - date: 2990-01-01\n    court: Appeals\n    level: appeal\n    outcome: {o}\n    sources: [{{url: https://example.org/t, title: T, accessed: 2026-11-26}}]\n"
    ok = case_yaml() + hearing.format(o="pending")
    r = _validate(cli, write_pack(tmp_path / "p", {OK: offence_yaml(), "cases/kr/test-case.yaml": ok}))
    assert r.code == 0, r.out
    bad = case_yaml() + hearing.format(o="increased")
    r = _validate(cli, write_pack(tmp_path / "q", {OK: offence_yaml(), "cases/kr/test-case.yaml": bad}))
    assert r.code == 1 and _lines(r.out, "test-case.yaml:17:", "proceedings[1]", "2990-01-01", "future"), r.out


@pytest.mark.parametrize("change,where", [
    (("    fine: {max: 50000000, currency: KRW}\n", "    fine:\n"), ("1.yaml:12:", "penalties[0].fine", "empty")),
    (("    prison: {max: 5y}\n", "    prison:\n    max: 5y\n"), ("1.yaml:11:", "penalties[0].prison", "empty")),
])
def test_an_empty_field_is_reported(cli, tmp_path, change, where):
    r = _validate(cli, write_pack(tmp_path / "p", {OK: offence_yaml().replace(*change, 1)}))
    assert r.code == 1 and _lines(r.out, *where), r.out


def test_a_dedented_field_gets_an_indent_hint(cli, tmp_path):
    r = _validate(cli, write_pack(tmp_path / "p", {OK: offence_yaml().replace("    prison: {max: 5y}\n", "    prison:\n    max: 5y\n", 1)}))
    assert _lines(r.out, "penalties[0].max", "unknown field", "prison"), r.out


def test_an_empty_sentence_is_reported(cli, tmp_path):
    body = case_yaml().replace("    sentence: {prison: {max: 3y}}\n", "    sentence:\n")
    r = _validate(cli, write_pack(tmp_path / "p", {OK: offence_yaml(), "cases/kr/test-case.yaml": body}))
    assert r.code == 1 and _lines(r.out, "test-case.yaml:12:", "sentence", "empty"), r.out


@pytest.mark.parametrize("amount,ok,words", [
    ("2,0", False, ["misplaced thousands separator"]),
    ("3,0000,00", False, ["misplaced thousands separator"]),
    ("50,000,000", True, []),
    ("5,00,00,000", True, []),  # Indian grouping (lakh, crore)
    ('"50000000"', False, ["remove the quotes"]),
    ("-5", False, ["negative"]),
])
def test_thousands_separators(cli, tmp_path, amount, ok, words):
    block = f"    fine:\n      max: {amount}\n      currency: KRW\n"
    r = _validate(cli, write_pack(tmp_path / "p", {OK: offence_yaml().replace("    fine: {max: 50000000, currency: KRW}\n", block)}))
    assert (r.code == 0) == ok, r.out
    assert all(_lines(r.out, "1.yaml:13:", "penalties[0].fine.max", w) for w in words), r.out


def test_validating_a_subdirectory_of_a_pack_gives_no_false_path_problems(cli, tmp_path):
    pack = write_pack(tmp_path / "p", {OK: offence_yaml(), "cases/kr/test-case.yaml": case_yaml()})
    r = _validate(cli, pack / "statutes")
    assert "belongs at" not in r.out and "duplicate id" not in r.out, r.out
    assert r.code == 0, r.out


def test_validating_the_bundled_directory_counts_its_records(cli):
    from lawref.load import bundled_data_dir

    r = cli(["--no-cache", "validate", str(bundled_data_dir())])
    assert r.code == 0, r.out
    n = int(re.search(r"ok: (\d+) records", r.out).group(1))
    assert n > 10, r.out


def test_an_offence_under_cases_is_one_clear_problem(cli, tmp_path):
    r = _validate(cli, write_pack(tmp_path / "p", {"cases/kr/test-act/1.yaml": offence_yaml()}))
    lines = [ln for ln in r.out.splitlines() if ".yaml:" in ln]
    assert len(lines) == 1 and "offence" in lines[0] and "statutes/kr/test-act/1.yaml" in lines[0], r.out


def test_a_record_with_a_mismatched_jurisdiction_is_not_used(cli, tmp_path):
    pack = write_pack(tmp_path / "p", {OK: offence_yaml().replace("jurisdiction: KR", "jurisdiction: JP")})
    r = cli(["--no-cache", "--data", str(pack), "search", "test thing", "-j", "JP"])
    assert "kr/test-act/1" not in r.out, r.out
    from lawref.catalog import load_catalogue

    cat = load_catalogue([str(pack)], bundled=False, use_cache=False, env="")
    assert "kr/test-act/1" not in cat.records and "kr/test-act/1" not in cat.rows


HINTS = [
    # (name, (old, new) in the offence, words in the problem)
    ("look-alike letter in the jurisdiction", ("jurisdiction: KR", "jurisdiction: \u041aR"), ["U+041A", "CYRILLIC CAPITAL LETTER KA"]),
    ("look-alike letter in the id", ("id: kr/test-act/1", "id: kr/test-\u0430ct/1"), ["U+0430", "CYRILLIC"]),
    ("an invisible format character", ("title: Test offence", "title: Test\u202e offence"), ["U+202E", "invisible"]),
    ("full-width digits in a date", ("from: 2020-01-01", "from: \uff12\uff10\uff12\uff10-01-01"), ["ASCII digits"]),
    ("full-width digits in a term", ("max: 5y", "max: \uff15y"), ["ASCII digits"]),
    ("a merge key", ("instrument:\n  title: Test Act", "instrument:\n  <<: {short: T}\n  title: Test Act"), ["merge keys"]),
    ("lower-case currency", ("currency: KRW", "currency: krw"), ["upper case", "'KRW'"]),
    ("UK", ("jurisdiction: KR", "jurisdiction: UK"), ["England and Wales is GB-EAW"]),
    ("prison as a scalar", ("prison: {max: 5y}", "prison: 5y"), ["prison: {max: 5y}"]),
    ("an upper-case URL scheme", ("url: https://example.org/law", "url: HTTPS://example.org/law"), ["lower case"]),
    ("a URL with a space", ("url: https://example.org/law", "url: https://example.org/a law"), ["cannot carry"]),
    ("aliases as one comma text", ('article: "1"', 'article: "1"\naliases: deepfake, fake video'), ["write a list"]),
    ("a related id listed twice", ('article: "1"', 'article: "1"\nrelated: [kr/test-act/2, kr/test-act/2]'), ["listed twice"]),
    ("a long quote", ("title: Example Act\n", "title: Example Act\n        quote: " + "word " * 60 + "\n"), ["quote", "60 words"]),
    ("a very long title", ("title: Test offence", "title: " + "x" * 500), ["500 characters"]),
    ("kind contradicting the directory", ('article: "1"', 'article: "1"\nkind: case'), ["kind", "statutes/"]),
]


@pytest.mark.parametrize("name,change,words", HINTS, ids=[h[0] for h in HINTS])
def test_problems_name_the_cause(cli, tmp_path, name, change, words):
    body = offence_yaml().replace(*change, 1)
    assert body != offence_yaml()
    files = {OK: body, "statutes/kr/test-act/2.yaml": offence_yaml(rid="kr/test-act/2")}
    r = _validate(cli, write_pack(tmp_path / "p", files))
    assert r.code == 1, r.out
    assert any(all(w in ln for w in words) for ln in r.out.splitlines()), r.out
    assert all(len(ln) < 400 for ln in r.out.splitlines()), r.out


def test_case_hints(cli, tmp_path):
    body = (case_yaml(offences="kr/test-act/1, kr/test-act/2").replace("defendant: {name: Test Person}", "defendant: {name: Test Person, born: 1990-05-01}")
            .replace("summary: A test.", "summary: A test.\nstatus: final") + "  - date: 2021-06-01\n    court: Appeals\n    level: appeal\n    outcome: pending\n    sources: [{url: https://example.org/t, title: T, accessed: 2026-11-26}]\n")
    r = _validate(cli, write_pack(tmp_path / "p", {OK: offence_yaml(), "cases/kr/test-case.yaml": body}))
    assert _lines(r.out, "offences", "write a list"), r.out
    assert _lines(r.out, "born", "year only"), r.out
    assert _lines(r.out, "status", "final", "pending"), r.out


def test_a_list_as_a_record_says_remove_the_dash(cli, tmp_path):
    body = "- " + offence_yaml().replace("\n", "\n  ")
    r = _validate(cli, write_pack(tmp_path / "p", {OK: body}))
    assert _lines(r.out, "leading '- '"), r.out


def test_a_sibling_is_suggested_for_an_unknown_parent_id(cli, tmp_path):
    files = {OK: offence_yaml(), "statutes/kr/test-act/14-2.1.yaml": offence_yaml(rid="kr/test-act/14-2.1"),
             "cases/kr/test-case.yaml": case_yaml(offences="[kr/test-act/14-2]")}
    r = _validate(cli, write_pack(tmp_path / "p", files))
    assert _lines(r.out, "unknown id 'kr/test-act/14-2'", "parts are recorded apart", "kr/test-act/14-2.1"), r.out


def test_verdicts_against_today_are_never_cached(cli, tmp_path, monkeypatch):
    """A date in the future today is fine once that day has come: the cached parse must not
    keep the old verdict, and the record is used meanwhile."""
    import datetime as dt

    from lawref import dates
    from lawref.catalog import load_catalogue

    versions = V1 + f"  - from: 2027-01-01\n    status: prospective\n    prison: {{max: 7y}}\n{SOURCE}".replace("2026-11-26", "2026-12-15")
    body = offence_yaml(versions=versions)
    case = case_yaml().replace("accessed: 2026-11-26", "accessed: 2026-12-15") + "  - date: 2026-12-20\n    court: Appeals\n    level: appeal\n    outcome: upheld\n    final: true\n    sources: [{url: https://example.org/t, title: T, accessed: 2026-12-21}]\n"
    pack = write_pack(tmp_path / "p", {OK: body, "cases/kr/test-case.yaml": case})
    monkeypatch.setattr(dates, "today", lambda: dt.date(2026, 11, 26))
    r = cli(["validate", str(pack)])
    assert r.code == 1 and _lines(r.out, "accessed 2026-12-15", "future") and _lines(r.out, "2026-12-20", "future"), r.out
    assert "kr/test-case" in load_catalogue([str(pack)], bundled=False, env="").records
    monkeypatch.setattr(dates, "today", lambda: dt.date(2026, 12, 31))
    r = cli(["validate", str(pack)])
    assert r.code == 0, r.out
    monkeypatch.setattr(dates, "today", lambda: dt.date(2027, 2, 1))
    r = cli(["validate", str(pack)])
    assert r.code == 1 and _lines(r.out, "prospective", "past"), r.out


def test_a_fine_or_prison_problem_points_at_its_own_line(cli, tmp_path):
    block = "    fine:\n      max: 100\n      min: 1000\n      currency: KRW\n    prison:\n      max: 0y\n"
    body = offence_yaml().replace("    fine: {max: 50000000, currency: KRW}\n", block, 1).replace("    prison: {max: 5y}\n", "", 1)
    r = _validate(cli, write_pack(tmp_path / "p", {OK: body}))
    assert _lines(r.out, "1.yaml:13:", "fine.min", "above max") and _lines(r.out, "1.yaml:16:", "prison.max", "maximum of 0"), r.out


def test_a_version_indented_into_the_sources_above_is_named(cli, tmp_path):
    versions = ("  - from: 2020-01-01\n    until: 2024-12-31\n    prison: {max: 5y}\n    sources:\n    - url: https://example.org/law\n      title: Example Act\n      accessed: 2026-11-26\n"
                "    - from: 2025-01-01\n      prison: {max: 7y}\n")
    r = _validate(cli, write_pack(tmp_path / "p", {OK: offence_yaml(versions=versions)}))
    hits = [ln for ln in r.out.splitlines() if "sources[1]" in ln]
    assert len(hits) == 1 and "penalty version" in hits[0] and "1.yaml:16:" in hits[0], r.out


def test_validating_a_subdirectory_reports_its_own_files_problems_only(cli, tmp_path):
    pack = write_pack(tmp_path / "p", {OK: offence_yaml().replace("currency: KRW", "currency: XYZ"),
                                       "cases/kr/test-case.yaml": case_yaml().replace("level: first-instance", "level: trial")})
    r = _validate(cli, pack / "statutes" / "kr")
    assert r.code == 1 and "XYZ" in r.out and "trial" not in r.out and "test-case" not in r.out, r.out
    assert r.out.splitlines()[-1] == "1 problem in 1 files", r.out
