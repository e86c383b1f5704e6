"""Hostile data packs: each bad file is one clear FILE:LINE error; the rest still loads."""

from __future__ import annotations

import os

import pytest

from factories import offence_yaml, write_pack
from lawref.catalog import load_catalogue

GOOD = "statutes/kr/test-act/1.yaml"


def _load(pack):
    return load_catalogue([str(pack)], bundled=False, use_cache=False, env="")


def _messages(cat, name):
    return [str(p) for p in cat.problems if name in p.file]


def _alias_bomb_in_aliases() -> str:
    lines = ['x0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev = f"*a{i - 1}"
        lines.append(f"x{i}: &a{i} [{', '.join([prev] * 9)}]")
    body = offence_yaml().replace("title: Test offence", "title: Test offence\naliases: *a8")
    return "\n".join(lines) + "\n" + body


HOSTILE = [
    # (file name, content, words in the one-line error)
    ("python-tag.yaml", "id: !!python/object/apply:os.system ['touch /tmp/pwned']\n", ["tag", "not allowed"]),
    ("deep.yaml", "id: " + "[" * 50_000 + "]" * 50_000 + "\n", ["nested"]),
    ("binary.yaml", b"\x00\x01\x02\xff binary", ["binary"]),
    ("latin1.yaml", "title: caf\xe9\n".encode("latin-1"), ["not utf-8"]),
    ("empty.yaml", "", ["empty"]),
    ("whitespace.yaml", "  \n\n", ["empty"]),
    ("huge.yaml", "x: " + "a" * (2 << 20) + "\n", ["too large"]),
    ("two-docs.yaml", "id: a\n---\nid: b\n", ["more than one yaml document"]),
    ("complex-key.yaml", "? [a, b]\n: c\n", ["complex"]),
    ("zero-date.yaml", offence_yaml().replace("from: 2020-01-01", "from: 0000-00-00"), ["impossible date"]),
    ("sexagesimal.yaml", offence_yaml().replace('article: "1"', "article: 22:22"), None),
]


@pytest.mark.parametrize("name,content,words", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_file_is_one_clear_error_and_the_rest_loads(tmp_path, name, content, words):
    pack = write_pack(tmp_path / "p", {GOOD: offence_yaml(), f"statutes/kr/test-act/{name}": content})
    cat = _load(pack)
    assert "kr/test-act/1" in cat.records  # the good record still loads
    msgs = _messages(cat, name)
    if words is None:
        return
    assert msgs, cat.problems
    assert any(all(w in m.lower() for w in words) for m in msgs), msgs
    assert all(":" in m and "\n" not in m for m in msgs)


def test_alias_bomb_is_bounded(tmp_path):
    pack = write_pack(tmp_path / "p", {GOOD: offence_yaml(), "statutes/kr/test-act/bomb.yaml": _alias_bomb_in_aliases()})
    cat = _load(pack)
    msgs = _messages(cat, "bomb.yaml")
    assert any("alias" in m.lower() or "too many" in m.lower() for m in msgs), msgs


def test_many_aliases_refused(tmp_path):
    text = "a: &x 1\n" + "".join(f"k{i}: *x\n" for i in range(200))
    pack = write_pack(tmp_path / "p", {"statutes/kr/test-act/aliases.yaml": text})
    msgs = _messages(_load(pack), "aliases.yaml")
    assert any("alias" in m for m in msgs), msgs


def test_sexagesimal_and_octal_text_stay_strings(tmp_path):
    text = offence_yaml().replace('article: "1"', "article: 22:22").replace("title: Test offence", "title: 0123")
    pack = write_pack(tmp_path / "p", {GOOD: text})
    rec = _load(pack).records["kr/test-act/1"]
    assert rec.article == "22:22" and rec.title == "0123"


def test_duplicate_keys_rejected_not_last_wins(tmp_path):
    text = offence_yaml().replace("title: Test offence", "title: First\ntitle: Second")
    cat = _load(write_pack(tmp_path / "p", {GOOD: text}))
    assert "kr/test-act/1" not in cat.records
    assert any("duplicate key" in str(p) for p in cat.problems)


@pytest.mark.parametrize("prefix,ending,words", [(b"\xef\xbb\xbf", b"\n", "byte-order mark"), (b"", b"\r\n", "crlf")])
def test_bom_and_crlf_are_reported_but_load(tmp_path, prefix, ending, words):
    data = prefix + offence_yaml().encode().replace(b"\n", ending)
    cat = _load(write_pack(tmp_path / "p", {GOOD: data}))
    assert "kr/test-act/1" in cat.records
    assert any(words in str(p).lower() for p in cat.problems)


def test_unreadable_entries_and_symlink_loops(tmp_path):
    pack = write_pack(tmp_path / "p", {GOOD: offence_yaml()})
    os.symlink("/nonexistent/nowhere.yaml", pack / "statutes/kr/test-act/dangling.yaml")
    os.symlink("..", pack / "statutes/kr/loop")
    cat = _load(pack)
    assert "kr/test-act/1" in cat.records
    text = "\n".join(str(p) for p in cat.problems)
    assert "dangling.yaml:1: (file): cannot read file" in text
    assert "symlink loop" in text


def test_validate_lists_every_hostile_file(cli, tmp_path):
    files = {GOOD: offence_yaml()}
    files.update({f"statutes/kr/test-act/{n}": c for n, c, _ in HOSTILE if n != "sexagesimal.yaml"})
    pack = write_pack(tmp_path / "p", files)
    r = cli(["--no-cache", "validate", str(pack)])
    assert r.code == 1
    assert "Traceback" not in r.out + r.err
    for name, _, _ in HOSTILE:
        if name != "sexagesimal.yaml":
            assert name in r.out, name


def test_a_number_too_long_for_python_is_one_problem_not_a_crash(tmp_path):
    big = "9" * 5000
    pack = write_pack(tmp_path / "p", {
        GOOD: offence_yaml(),
        "statutes/kr/test-act/2.yaml": offence_yaml(rid="kr/test-act/2").replace("max: 50000000", f"max: {big}"),
        "statutes/kr/test-act/3.yaml": offence_yaml(rid="kr/test-act/3").replace("max: 5y", f"max: {big}y"),
    })
    cat = _load(pack)
    assert "kr/test-act/1" in cat.records
    assert any("too large" in m for m in _messages(cat, "2.yaml")), _messages(cat, "2.yaml")
    assert _messages(cat, "3.yaml") and all(len(m) < 300 for m in _messages(cat, "3.yaml"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_in_a_pack_is_refused_not_read(tmp_path):
    pack = write_pack(tmp_path / "p", {GOOD: offence_yaml()})
    os.mkfifo(pack / "statutes" / "kr" / "test-act" / "pipe.yaml")
    cat = _load(pack)  # would block forever if the pipe were opened
    assert "kr/test-act/1" in cat.records
    assert any("not a regular file" in m for m in _messages(cat, "pipe.yaml"))


def test_every_problem_of_a_record_is_reported_at_once(tmp_path):
    """An invalid version (a source without a title) does not hide an overlap between others."""
    versions = """
  - from: 2019-01-01
    until: 2021-12-31
    prison: {max: 1y}
    sources: [{url: "https://example.org/a", title: A, accessed: 2026-11-26}]
  - from: 2020-01-01
    prison: {max: 2y}
    sources: [{url: "https://example.org/b", title: B, accessed: 2026-11-26}]
  - from: 2022-01-01
    prison: {max: 3y}
    sources: [{url: "https://example.org/c", accessed: 2026-11-26}]
"""
    pack = write_pack(tmp_path / "p", {GOOD: offence_yaml(versions=versions)})
    msgs = " | ".join(_messages(_load(pack), "1.yaml"))
    assert "title or a publisher" in msgs and "overlap" in msgs, msgs


def test_rates_file_that_is_a_device_or_infinite_is_ignored_with_a_reason(tmp_path):
    from lawref.money import load_extra_rates

    dev = tmp_path / "rates.yaml"
    os.symlink("/dev/zero", dev)
    rates, problems = load_extra_rates(dev)
    assert rates == [] and "not a regular file" in problems[0]
    inf = tmp_path / "inf" / "rates.yaml"
    inf.parent.mkdir()
    inf.write_text("rates:\n  - {currency: TWD, date: 2024-09-03, rate: .inf, source: {url: 'https://example.org', title: x, accessed: 2026-11-26}}\n")
    rates, problems = load_extra_rates(inf)
    assert rates == [] and "positive number" in problems[0]


def test_a_pack_path_that_is_not_utf8_loads(tmp_path):
    import sys

    if sys.platform == "darwin":
        pytest.skip("macOS file names must be UTF-8")
    root = os.path.join(os.fsencode(tmp_path), b"nu\xe9")
    write_pack(tmp_path / os.fsdecode(b"nu\xe9"), {GOOD: offence_yaml()})
    pack = os.fsdecode(root)
    for use_cache in (True, True):  # build, then read the store
        cat = load_catalogue([pack], bundled=False, use_cache=use_cache, env="")
        assert "kr/test-act/1" in cat.records


def test_directory_symlinks_leaving_the_pack_are_not_followed(cli, tmp_path):
    """A link to /proc/self (endless) or to any directory outside the pack is reported, not
    walked: validate ends, and the records inside still load."""
    pack = write_pack(tmp_path / "p", {"statutes/kr/test-act/1.yaml": offence_yaml()})
    outside = write_pack(tmp_path / "elsewhere", {"statutes/kr/test-act/2.yaml": offence_yaml("kr/test-act/2")})
    os.symlink("/proc/self", pack / "statutes" / "proc")
    os.symlink(outside / "statutes", pack / "statutes" / "more")
    os.symlink(pack / "statutes" / "kr", pack / "statutes" / "inside")  # within the pack: followed
    r = cli(["validate", str(pack)])
    assert "leads outside the pack" in r.out and r.out.count("leads outside the pack") == 2
    assert "kr/test-act/2" not in r.out


def test_a_stray_cr_is_reported_at_its_own_line_and_later_lines_stay_right(tmp_path):
    text = offence_yaml().replace("title: Test offence", 'title: "Test\roffence"').replace("currency: KRW", "currency: KWR")
    cat = _load(write_pack(tmp_path / "p", {GOOD: text}))
    msgs = _messages(cat, "1.yaml")
    assert any(":6: (file):" in m and "CR" in m for m in msgs), msgs
    assert any(":12:" in m and "KWR" in m for m in msgs), msgs


def test_a_stray_cr_inside_folded_text_is_not_a_syntax_error(tmp_path):
    text = offence_yaml().replace("offence: Doing the test thing.", "offence: >-\n  Doing the\r test thing.")
    cat = _load(write_pack(tmp_path / "p", {GOOD: text}))
    msgs = _messages(cat, "1.yaml")
    assert any(":8: (file):" in m and "CR" in m for m in msgs), msgs
    assert not any("syntax" in m for m in msgs), msgs


def test_file_symlinks_leaving_the_pack_are_refused(tmp_path):
    outside = write_pack(tmp_path / "elsewhere", {"x.yaml": offence_yaml("kr/test-act/2")})
    pack = write_pack(tmp_path / "p", {GOOD: offence_yaml()})
    os.symlink(outside / "x.yaml", pack / "statutes/kr/test-act/2.yaml")
    os.symlink(pack / GOOD, pack / "statutes/kr/test-act/3.yaml")  # within the pack: read
    cat = _load(pack)
    assert "kr/test-act/2" not in cat.records
    assert any("leads outside the pack" in m for m in _messages(cat, "2.yaml")), cat.problems


@pytest.mark.parametrize("change,line,words", [
    (("title: Test offence", "title:Test offence"), 6, ["missing a space after ':'"]),
    (('article: "1"', "aliases: [a, b\narticle: \"1\""), 5, ["flow sequence", "starts here"]),
    (("title: Test offence", 'title: "Test offence'), 6, ["quoted scalar", "starts here"]),
])
def test_a_syntax_error_points_where_the_construct_began(tmp_path, change, line, words):
    cat = _load(write_pack(tmp_path / "p", {GOOD: offence_yaml().replace(*change, 1)}))
    msgs = _messages(cat, "1.yaml")
    assert any(f":{line}: (file): YAML syntax error" in m and all(w in m for w in words) for m in msgs), msgs


def test_a_merge_key_is_one_problem(tmp_path):
    text = offence_yaml().replace("      - url: https://example.org/law\n        title: Example Act\n", "      - <<: {url: https://example.org/law, title: Example Act}\n", 1)
    msgs = _messages(_load(write_pack(tmp_path / "p", {GOOD: text})), "1.yaml")
    assert len(msgs) == 1 and "merge keys" in msgs[0], msgs
