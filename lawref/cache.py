"""Compiled cache of parsed files, one pickle per pack.

Each entry is keyed by the file's path, size and mtime (ns); the whole cache by the lawref
version and the pack path. Only changed files are re-parsed. A cache that is corrupt,
truncated, from another version or for another pack is ignored and rebuilt, never trusted.
Writes are atomic (unique temp file in the same directory, then os.replace), so concurrent
processes and interrupted runs leave either the old or the new cache, never a torn one.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from . import __version__
from .load import FileResult, Pack, parse_file

_MAGIC = b"LAWREFC1"


def _code_fingerprint() -> str:
    """The lawref version plus a hash of the modules that shape cached objects."""
    h = hashlib.blake2b(__version__.encode(), digest_size=8)
    here = Path(__file__).resolve().parent
    for name in ("model.py", "schema.py", "load.py"):
        try:
            h.update((here / name).read_bytes())
        except OSError:
            pass
    return h.hexdigest()


def cache_dir() -> Path:
    """LAWREF_CACHE_DIR, else the platform user cache dir."""
    env = os.environ.get("LAWREF_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("lawref", appauthor=False))


def cache_file(pack: Pack) -> Path:
    digest = hashlib.sha256(pack.path.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return cache_dir() / f"pack-{digest}.pickle"


def _read(path: Path, pack: Pack) -> dict:
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    if not data.startswith(_MAGIC):
        return {}
    digest, body = data[len(_MAGIC) : len(_MAGIC) + 32], data[len(_MAGIC) + 32 :]
    if hashlib.blake2b(body, digest_size=16).hexdigest().encode() != digest:
        return {}  # truncated or corrupt
    try:
        obj = pickle.loads(body)
    except Exception:  # noqa: BLE001 - any unpickling failure means "rebuild"
        return {}
    if not isinstance(obj, dict) or obj.get("version") != _code_fingerprint() or obj.get("pack") != pack.path:
        return {}
    entries = obj.get("entries")
    return entries if isinstance(entries, dict) else {}


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` via a unique temp file and os.replace."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _clean_stale_temps(directory: Path) -> None:
    """Remove temp files left by a killed process (older than a minute)."""
    import time

    try:
        for p in directory.glob(".pack-*.tmp"):
            try:
                if time.time() - p.stat().st_mtime > 60:
                    p.unlink()
            except OSError:
                pass
    except OSError:
        pass


def parse_with_cache(pack: Pack, files: list[str]) -> list[FileResult]:
    """Parse `files` of `pack`, reusing cached results for unchanged files."""
    path = cache_file(pack)
    old = _read(path, pack)
    new: dict = {}
    results: list[FileResult] = []
    changed = len(old) != len(files)
    for f in files:
        try:
            st = os.stat(f)
            key = (st.st_size, st.st_mtime_ns)
        except OSError:
            key = None
        hit = old.get(f)
        if key is not None and hit is not None and hit[0] == key:
            res = hit[1]
        else:
            res = parse_file(f, pack.path, pack_name=pack.name)
            changed = True
        if key is not None:
            new[f] = (key, res)
        results.append(res)
    if changed:
        body = pickle.dumps({"version": _code_fingerprint(), "pack": pack.path, "entries": new}, protocol=pickle.HIGHEST_PROTOCOL)
        digest = hashlib.blake2b(body, digest_size=16).hexdigest().encode()
        try:
            atomic_write_bytes(path, _MAGIC + digest + body)
            _clean_stale_temps(path.parent)
        except OSError:
            pass  # a read-only cache dir only costs speed
    return results
