"""The start-up helper that checks a pack's cache on another core (lawref.prefetch).

Its report is an optimisation only: it must never make lawref answer from a stale store.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from factories import offence_yaml, write_pack
from lawref import prefetch
from lawref.cache import PackCache, check_store
from lawref.load import Pack

F1 = "statutes/kr/test-act/1.yaml"
F2 = "statutes/kr/test-act/2.yaml"

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="the helper needs os.fork")


@pytest.fixture(autouse=True)
def _fresh_module_state():
    prefetch.reset()
    yield
    prefetch.reset()


def _bump(path):
    st = os.stat(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10_000_000))


def _pack(tmp_path, n=3):
    files = {f"statutes/kr/test-act/{i}.yaml": offence_yaml(rid=f"kr/test-act/{i}", title=f"Title {i}") for i in range(1, n + 1)}
    root = write_pack(tmp_path / "p", files)
    return root, Pack(str(root), "--data")


def _gen(store: PackCache) -> str:
    return store.meta["gen"]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["search", "x"], ([], False, "search")),
        (["--data", "a", "--data=b", "compare", "deepfake"], (["a", "b"], False, "compare")),
        (["--no-cache", "--data", "a", "search"], (["a"], True, "search")),
        (["--data"], ([], False, None)),
        (["--version"], ([], False, None)),
        (["--data", "a", "--help"], (["a"], False, None)),
        ([], ([], False, None)),
    ],
)
def test_global_options_are_read_before_the_command(argv, expected):
    assert prefetch.parse_globals(argv) == expected


def test_check_store_reports_a_fresh_store_with_its_generation(tmp_path):
    root, pack = _pack(tmp_path)
    assert check_store(pack) is None  # no store yet
    store = PackCache(pack)
    assert check_store(pack) == (str(store.db), _gen(store))


@pytest.mark.parametrize("change", ["edit", "delete", "add"])
def test_check_store_sees_any_change(tmp_path, change):
    root, pack = _pack(tmp_path)
    PackCache(pack)
    if change == "edit":
        (root / F1).write_text(offence_yaml(rid="kr/test-act/1", title="Edited"))
        _bump(root / F1)
    elif change == "delete":
        os.unlink(root / F2)
    else:
        write_pack(root, {"statutes/kr/test-act/9.yaml": offence_yaml(rid="kr/test-act/9")})
    assert check_store(pack) is None


def test_each_rebuild_writes_a_new_generation(tmp_path):
    root, pack = _pack(tmp_path)
    first = _gen(PackCache(pack))
    _bump(root / F1)
    second = _gen(PackCache(pack))
    assert first and second and first != second


def test_verdict_without_a_helper_is_no(tmp_path):
    root, pack = _pack(tmp_path)
    store = PackCache(pack)
    assert prefetch.verdict(pack.path, str(store.db), _gen(store)) is False


@needs_fork
@pytest.mark.parametrize("asked", ["checked generation", "another generation"])
def test_helper_report_holds_only_for_the_generation_it_checked(tmp_path, monkeypatch, asked):
    monkeypatch.setattr(prefetch, "_cores", lambda: 2)
    root, pack = _pack(tmp_path)
    store = PackCache(pack)
    assert prefetch.start(["--data", str(root), "search", "title"])
    gen = _gen(store) if asked == "checked generation" else "another-generation"
    assert prefetch.verdict(pack.path, str(store.db), gen) is (asked == "checked generation")
    # Each report is used once: asking again means checking for oneself.
    assert prefetch.verdict(pack.path, str(store.db), _gen(store)) is False


@needs_fork
def test_store_rebuilt_after_the_helper_looked_is_checked_again(tmp_path, monkeypatch):
    monkeypatch.setattr(prefetch, "_cores", lambda: 2)
    root, pack = _pack(tmp_path)
    PackCache(pack)
    assert prefetch.start(["--data", str(root), "search", "title"])
    prefetch._fresh = prefetch._collect()  # the helper has finished and found it fresh
    assert prefetch._fresh
    # Another process (no helper report of its own) edits a file and rebuilds the store.
    (root / F1).write_text(offence_yaml(rid="kr/test-act/1", title="Edited later"))
    _bump(root / F1)
    asked = prefetch._packs
    monkeypatch.setattr(prefetch, "_packs", frozenset())
    PackCache(pack)
    monkeypatch.setattr(prefetch, "_packs", asked)
    # Edited again without a rebuild: this load must look for itself, not trust the report.
    (root / F1).write_text(offence_yaml(rid="kr/test-act/1", title="Edited again"))
    _bump(root / F1)
    store = PackCache(pack)
    assert store.result(str(root / F1)).record.title == "Edited again"


@needs_fork
def test_no_helper_for_show_no_cache_or_without_a_user_pack(tmp_path, monkeypatch):
    monkeypatch.setattr(prefetch, "_cores", lambda: 2)
    root, _ = _pack(tmp_path)
    assert not prefetch.start(["--data", str(root), "show", "kr/test-act/1"])
    assert not prefetch.start(["--no-cache", "--data", str(root), "search", "x"])
    assert not prefetch.start(["search", "x"])  # bundled data only: small, checked in-process
    monkeypatch.setenv("LAWREF_PREFETCH", "0")
    assert not prefetch.start(["--data", str(root), "search", "x"])


def _run(args, env):
    return subprocess.run([sys.executable, "-m", "lawref", *args], capture_output=True, text=True, env=env, timeout=120)


@needs_fork
def test_real_process_with_helper_sees_edits_at_once(tmp_path):
    """End to end through the console entry point, helper on: every edit shows at once."""
    root, _ = _pack(tmp_path, n=30)
    env = dict(os.environ, LAWREF_CACHE_DIR=str(tmp_path / "cache"), LAWREF_PREFETCH="1")
    args = ["--data", str(root), "search", "kr/test-act/1", "--json", "--limit", "1"]
    for title in ("Alpha", "Bravo", "Charlie"):
        (root / F1).write_text(offence_yaml(rid="kr/test-act/1", title=f"{title} offence"))
        _bump(root / F1)
        first = _run(args, env)
        again = _run(args, env)  # warm: the helper's report is what lets this skip the stat walk
        for r in (first, again):
            assert r.returncode == 0, r.stderr
            assert f"{title} offence" in r.stdout


@needs_fork
def test_usage_error_returns_at_once_with_helper_running(tmp_path):
    """The helper lets go of stdout/stderr: a caller reading them to the end is not held up."""
    root, _ = _pack(tmp_path)
    env = dict(os.environ, LAWREF_CACHE_DIR=str(tmp_path / "cache"))
    r = _run(["--data", str(root), "search", "--no-such-option"], env)
    assert r.returncode == 2
    assert "no-such-option" in r.stderr


def test_check_store_with_a_relative_cache_dir(tmp_path, monkeypatch):
    root, pack = _pack(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LAWREF_CACHE_DIR", "relcache")
    store = PackCache(pack)
    assert check_store(pack) == (str(store.db), _gen(store))
