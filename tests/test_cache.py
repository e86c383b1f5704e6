"""The compiled cache is never trusted over the files: edits, deletions, corruption."""

from __future__ import annotations

import os
import subprocess
import sys

from factories import offence_yaml, write_pack
from lawref.cache import pack_cache_dir
from lawref.catalog import load_catalogue
from lawref.load import Pack

F1 = "statutes/kr/test-act/1.yaml"
F2 = "statutes/kr/test-act/2.yaml"


def _load(pack):
    return load_catalogue([str(pack)], bundled=False, use_cache=True, env="")


def _bump(path):
    st = os.stat(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10_000_000))


def test_edited_file_is_seen_at_once(tmp_path):
    pack = write_pack(tmp_path / "p", {F1: offence_yaml(title="Before")})
    assert _load(pack).get("kr/test-act/1").title == "Before"
    (pack / F1).write_text(offence_yaml(title="After"))
    _bump(pack / F1)
    assert _load(pack).get("kr/test-act/1").title == "After"


def test_same_size_edit_with_new_mtime_is_seen(tmp_path):
    pack = write_pack(tmp_path / "p", {F1: offence_yaml(title="AAAA")})
    _load(pack)
    (pack / F1).write_text(offence_yaml(title="BBBB"))
    _bump(pack / F1)
    assert _load(pack).get("kr/test-act/1").title == "BBBB"


def test_deleted_file_disappears_and_added_file_appears(tmp_path):
    pack = write_pack(tmp_path / "p", {F1: offence_yaml(), F2: offence_yaml(rid="kr/test-act/2")})
    assert set(_load(pack).records) == {"kr/test-act/1", "kr/test-act/2"}
    os.unlink(pack / F2)
    assert set(_load(pack).records) == {"kr/test-act/1"}
    write_pack(pack, {"statutes/kr/test-act/3.yaml": offence_yaml(rid="kr/test-act/3")})
    assert set(_load(pack).records) == {"kr/test-act/1", "kr/test-act/3"}


def test_problems_survive_the_cache(tmp_path):
    pack = write_pack(tmp_path / "p", {F1: offence_yaml().replace("currency: KRW", "currency: XYZ")})
    first = [str(p) for p in _load(pack).problems]
    second = [str(p) for p in _load(pack).problems]
    assert first == second and any("currency" in p for p in first)


def _cache_files(pack):
    d = pack_cache_dir(Pack(str(pack), "--data"))
    return [p for p in d.rglob("*.pickle")]


def test_corrupt_and_truncated_cache_is_rebuilt(tmp_path):
    pack = write_pack(tmp_path / "p", {F1: offence_yaml(title="Real")})
    _load(pack)
    files = _cache_files(pack)
    assert files
    for i, p in enumerate(files):
        data = p.read_bytes()
        p.write_bytes(data[: len(data) // 2] if i % 2 == 0 else b"garbage" + data[7:])
    assert _load(pack).get("kr/test-act/1").title == "Real"
    # and the cache was rewritten in a readable state
    assert _load(pack).get("kr/test-act/1").title == "Real"


def test_cache_with_wrong_records_is_not_trusted(tmp_path):
    """A chunk whose key no longer matches the file is re-parsed, not served."""
    pack = write_pack(tmp_path / "p", {F1: offence_yaml(title="One")})
    _load(pack)
    saved = {p: p.read_bytes() for p in _cache_files(pack)}
    (pack / F1).write_text(offence_yaml(title="Two"))
    _bump(pack / F1)
    _load(pack)
    for p, data in saved.items():  # put the old chunk back behind the new index
        if "chunks" in str(p):
            p.write_bytes(data)
    assert _load(pack).get("kr/test-act/1").title == "Two"


def test_no_cache_writes_nothing(tmp_path):
    pack = write_pack(tmp_path / "p", {F1: offence_yaml()})
    load_catalogue([str(pack)], bundled=False, use_cache=False, env="")
    assert not _cache_files(pack)


def test_concurrent_builds_both_answer_correctly(tmp_path):
    files = {f"statutes/kr/test-act/{i}.yaml": offence_yaml(rid=f"kr/test-act/{i}", title=f"T{i}") for i in range(60)}
    pack = write_pack(tmp_path / "p", files)
    code = (
        "import sys; from lawref.catalog import load_catalogue;"
        "c = load_catalogue([sys.argv[1]], bundled=False, env='');"
        "print(len(c.records), c.get('kr/test-act/42').title)"
    )
    env = dict(os.environ)
    procs = [subprocess.Popen([sys.executable, "-c", code, str(pack)], stdout=subprocess.PIPE, env=env, text=True) for _ in range(3)]
    outs = [p.communicate(timeout=120)[0].strip() for p in procs]
    assert outs == ["60 T42"] * 3
    assert _load(pack).get("kr/test-act/42").title == "T42"
    leftovers = [p for p in pack_cache_dir(Pack(str(pack), "--data")).rglob("*.tmp")]
    assert not leftovers


def test_missing_or_stale_columns_are_recomputed(tmp_path):
    pack = write_pack(tmp_path / "p", {F1: offence_yaml(title="Listed")})
    _load(pack)
    cols = [p for p in _cache_files(pack) if p.name == "columns.pickle"]
    assert cols
    cols[0].write_bytes(b"LAWREFC4" + b"\0" * 40)
    cat = _load(pack)
    assert cat.rows["kr/test-act/1"].title == "Listed"


def test_search_columns_merge_of_packs_matches_record_by_record(tmp_path):
    """The fast concatenation of per-pack search text equals joining every record's keys."""
    from lawref.search import joined_text, search

    pack = write_pack(tmp_path / "p", {F1: offence_yaml(title="Zebra crossing misuse"), F2: offence_yaml(rid="kr/test-act/2", title="Yak herding")})
    cat = load_catalogue([str(pack)], use_cache=True, env="")
    ids, kinds, jurs, tags, keys, text, starts = cat.search_columns()
    assert (text, starts) == joined_text(keys)
    assert ids[-2:] == ["kr/test-act/1", "kr/test-act/2"] and len(ids) == len(cat.records)
    assert search(cat, "zebra crossing")[0].id == "kr/test-act/1"
    assert search(cat, "deepfake")[0].id in cat.records and not search(cat, "deepfake")[0].id.startswith("kr/test-act")  # bundled records still found


def test_killed_cache_build_leaves_a_working_cache_and_no_temp_files(tmp_path):
    """kill -9 in the middle of a cache build: the next run answers correctly and cleans up."""
    import signal
    import time

    files = {f"statutes/kr/test-act/{i}.yaml": offence_yaml(rid=f"kr/test-act/{i}", title=f"T{i}") for i in range(400)}
    pack = write_pack(tmp_path / "p", files)
    code = "import sys; from lawref.catalog import load_catalogue; load_catalogue([sys.argv[1]], bundled=False, env='')"
    d = pack_cache_dir(Pack(str(pack), "--data"))
    for delay in (0.3, 0.6, 0.9):
        proc = subprocess.Popen([sys.executable, "-c", code, str(pack)])
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    # a temp file as a killed writer leaves it (pid 999999 is not running)
    d.mkdir(parents=True, exist_ok=True)
    (d / ".index.pickle.999999-abcdef.tmp").write_bytes(b"partial")
    cat = _load(pack)
    assert len(cat.records) == 400 and cat.get("kr/test-act/399").title == "T399"
    assert not list(d.rglob("*.tmp"))
