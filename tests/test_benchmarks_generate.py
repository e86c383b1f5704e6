"""The benchmark pack generator (benchmarks/generate.py): deterministic and valid. Not timed."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def generate():
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "benchmarks" / "generate.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def pack(generate, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pack50")
    generate.generate(50, str(out))
    return out


def test_same_n_gives_the_same_bytes(generate, pack, tmp_path):
    generate.generate(50, str(tmp_path))
    first, second = _files(pack), _files(tmp_path)
    assert sorted(first) == sorted(second)
    assert first == second


def test_different_n_gives_a_different_pack(generate, pack, tmp_path):
    generate.generate(60, str(tmp_path))
    assert _files(pack) != _files(tmp_path)


@pytest.mark.parametrize(
    "kind, top, expected",
    [("offences", "statutes", 40), ("cases", "cases", 10)],
)
def test_counts_and_layout(pack, kind, top, expected):
    files = list((pack / top).rglob("*.yaml"))
    assert len(files) == expected


def test_pack_validates_clean_through_the_library(pack):
    from lawref.catalog import load_catalogue

    cat = load_catalogue([str(pack)], bundled=False, use_cache=False, env="")
    assert cat.problems == []
    assert len(cat.records) == 50
    assert len(cat.offences) == 40 and len(cat.cases) == 10
    assert len({r.jurisdiction for r in cat.records.values()}) >= 3
    for case in cat.cases:
        assert 2 <= len(case.proceedings) <= 4
        assert case.offences and all(o in cat.records for o in case.offences)
    for off in cat.offences:
        assert 2 <= len(off.penalties) <= 4
        assert all(1 <= len(v.sources) <= 2 for v in off.penalties)


def test_ids_txt_names_records_that_exist(generate, pack):
    from lawref.catalog import load_catalogue

    cat = load_catalogue([str(pack)], bundled=False, use_cache=False, env="")
    ids = generate.read_ids(str(pack))
    assert {"offence-first", "offence-middle", "offence-last", "case-first", "case-last"} <= set(ids)
    for rid in ids.values():
        assert cat.get(rid).id == rid
