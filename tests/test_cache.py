"""The compiled cache is never trusted over the files: edits, deletions, corruption."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from factories import offence_yaml, write_pack
from lawref.cache import pack_cache_dir
from lawref.catalog import load_catalogue
from lawref.load import Pack
from lawref.search import search

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
    return [p for p in d.rglob("*") if p.is_file()]


def _store(pack):
    return next(pack_cache_dir(Pack(str(pack), "--data")).glob("store-*.sqlite"))


@pytest.mark.parametrize("damage", ["truncate", "garbage", "zeros"])
def test_corrupt_and_truncated_cache_is_rebuilt(tmp_path, damage):
    files = {f"statutes/kr/test-act/{i}.yaml": offence_yaml(rid=f"kr/test-act/{i}", title=f"Real {i}") for i in range(40)}
    pack = write_pack(tmp_path / "p", files)
    _load(pack)
    db = _store(pack)
    for extra in ("-wal", "-shm"):  # leave one self-contained file to damage
        Path(str(db) + extra).unlink(missing_ok=True)
    data = db.read_bytes()
    if damage == "truncate":
        db.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        db.write_bytes(b"garbage!" * 8 + data[64:])
    else:
        db.write_bytes(data[:4096] + b"\0" * (len(data) - 4096))
    cat = _load(pack)
    assert len(cat.records) == 40 and cat.get("kr/test-act/7").title == "Real 7"
    assert [h.id for h in search(cat, "real 7")][:1] == ["kr/test-act/7"]
    # and the cache was rewritten in a readable state
    assert _load(pack).get("kr/test-act/39").title == "Real 39"


def test_a_stored_result_failing_its_checksum_is_reparsed(tmp_path):
    pack = write_pack(tmp_path / "p", {F1: offence_yaml(title="Real")})
    _load(pack)
    with sqlite3.connect(_store(pack)) as conn:
        (blob,) = conn.execute("SELECT result FROM results").fetchone()
        flipped = bytes(blob[:-1]) + bytes([blob[-1] ^ 0xFF])
        conn.execute("UPDATE results SET result = ?", (flipped,))
    assert _load(pack).get("kr/test-act/1").title == "Real"


def test_a_store_of_another_lawref_version_is_rebuilt(tmp_path):
    pack = write_pack(tmp_path / "p", {F1: offence_yaml(title="Now")})
    _load(pack)
    with sqlite3.connect(_store(pack)) as conn:
        conn.execute("UPDATE meta SET v = 'old' WHERE k = 'fp'")
        conn.execute("UPDATE files SET title = 'Stale'")
    assert _load(pack).rows["kr/test-act/1"].title == "Now"


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


def test_store_search_and_full_scan_agree_across_packs(tmp_path):
    """Two packs (bundled + one): the store-backed search finds records of both."""
    from lawref.search import search

    pack = write_pack(tmp_path / "p", {F1: offence_yaml(title="Zebra crossing misuse"), F2: offence_yaml(rid="kr/test-act/2", title="Yak herding")})
    cat = load_catalogue([str(pack)], use_cache=True, env="")
    assert list(cat.records)[-2:] == ["kr/test-act/1", "kr/test-act/2"]
    assert search(cat, "zebra crossing")[0].id == "kr/test-act/1"
    assert search(cat, "yak")[0].id == "kr/test-act/2"
    top = search(cat, "deepfake")[0].id
    assert top in cat.records and not top.startswith("kr/test-act")  # bundled records still found


def test_a_pack_redefining_a_bundled_id_is_shadowed_in_search(tmp_path):
    from lawref.search import search

    pack = write_pack(tmp_path / "p", {"statutes/kr/sexual-crimes-act/14-2.1.yaml": offence_yaml(rid="kr/sexual-crimes-act/14-2.1", title="Shadow deepfake copy")})
    cat = load_catalogue([str(pack)], use_cache=True, env="")
    assert any("duplicate id" in str(p) for p in cat.problems)
    hits = [h.id for h in search(cat, "kr/sexual-crimes-act/14-2.1", limit=0)]
    assert hits.count("kr/sexual-crimes-act/14-2.1") == 1
    assert cat.get("kr/sexual-crimes-act/14-2.1").title != "Shadow deepfake copy"
    assert not search(cat, "shadow copy", limit=0) or all(h.record.title != "Shadow deepfake copy" for h in search(cat, "shadow copy", limit=0))


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
    (d / ".store-x.sqlite.999999-abcdef12.tmp").write_bytes(b"partial")
    cat = _load(pack)
    assert len(cat.records) == 400 and cat.get("kr/test-act/399").title == "T399"
    assert not list(d.rglob("*.tmp"))


def test_stores_of_other_versions_and_the_old_format_are_removed(tmp_path):
    pack = write_pack(tmp_path / "p", {F1: offence_yaml()})
    d = pack_cache_dir(Pack(str(pack), "--data"))
    (d / "chunks").mkdir(parents=True)
    (d / "chunks" / "x.pickle").write_bytes(b"old")
    for name in ("index.pickle", "columns.pickle", "store-0123456789abcdef.sqlite", "store-0123456789abcdef.sqlite-wal"):
        (d / name).write_bytes(b"old")
    assert _load(pack).get("kr/test-act/1")
    left = sorted(p.name for p in d.iterdir())
    assert len([n for n in left if n.endswith(".sqlite")]) == 1 and not any(n.startswith(("index", "columns", "chunks", "store-0123")) for n in left)


def test_typo_vocabulary_follows_edits_and_deletions(tmp_path):
    """The store keeps the words typos are corrected against; an edit or a deletion updates
    them (the same words a full scan of the records would use)."""
    from lawref.search import Entry, SearchIndex, index_for

    pack = write_pack(tmp_path / "p", {F1: offence_yaml(title="Zebrafinch offence"), F2: offence_yaml(rid="kr/test-act/2", title="Zebrafinch rules")})

    def both(cat):
        full = SearchIndex([Entry(r.id, r.kind, r.jurisdiction, r.tags, r.keys) for r in cat.rows.values()], cat.records)
        return index_for(cat), full

    db, full = both(_load(pack))
    assert "zebrafinch" in db.vocab and set(db.vocab) == set(full.vocab)
    (pack / F1).write_text(offence_yaml(title="Quetzalbird offence"))
    _bump(pack / F1)
    db, full = both(_load(pack))
    assert "quetzalbird" in db.vocab and "zebrafinch" in db.vocab  # F2 still has it
    assert set(db.vocab) == set(full.vocab)
    assert [h.id for h in db.search("quetzalbrd", limit=1)] == ["kr/test-act/1"]
    os.unlink(pack / F2)
    db, full = both(_load(pack))
    assert "zebrafinch" not in db.vocab and set(db.vocab) == set(full.vocab)


def test_same_size_edit_with_the_mtime_restored_is_seen(tmp_path):
    """rsync -a, tar x and cp -p restore the mtime: the change time still tells."""
    import time

    pack = write_pack(tmp_path / "p", {F1: offence_yaml(title="AAAA")})
    st = os.stat(pack / F1)
    assert _load(pack).get("kr/test-act/1").title == "AAAA"
    time.sleep(0.05)
    (pack / F1).write_text(offence_yaml(title="BBBB"))
    os.utime(pack / F1, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert os.stat(pack / F1).st_mtime_ns == st.st_mtime_ns and os.stat(pack / F1).st_size == st.st_size
    cat = _load(pack)
    assert cat.get("kr/test-act/1").title == "BBBB"
    assert [r.title for r in cat.rows.values()] == ["BBBB"]
