"""Compiled cache of parsed files: a small index per pack plus record chunks per directory.

Layout under the cache dir (LAWREF_CACHE_DIR or the platform user cache dir)::

    pack-<hash>/index.pickle         manifest {path: (size, mtime_ns)}, light rows, problems
    pack-<hash>/chunks/<hash>.pickle  {path: ((size, mtime_ns), FileResult)} for one directory

Each file's entry is keyed by its path, size and mtime (ns); the whole cache by a fingerprint
of the lawref version and the modules that shape cached objects. Only changed files are
re-parsed and only their directories' chunks rewritten. Everything read is checked (magic,
checksum, fingerprint, pack path, per-file key); anything corrupt, truncated or stale is
ignored and rebuilt, never trusted. Writes are atomic (unique temp file in the same directory,
then os.replace), so concurrent processes and killed runs leave an old or a new file, never a
torn one; a chunk that disagrees with the index is re-parsed from the source file.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .load import FileResult, Pack, parse_file

_MAGIC = b"LAWREFC2"


@dataclass(frozen=True)
class Row:
    """What search and listings need about a record, without loading it."""

    id: str
    kind: str
    jurisdiction: str
    title: str
    path: str
    refs: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


def row_for(res: FileResult) -> Row | None:
    rec = res.record
    if rec is None:
        return None
    refs = rec.related if rec.kind == "offence" else rec.offences
    return Row(rec.id, rec.kind, rec.jurisdiction, rec.title, res.path, tuple(refs), tuple(rec.tags))


def _code_fingerprint() -> str:
    """The lawref version plus a hash of the modules that shape cached objects."""
    h = hashlib.blake2b(__version__.encode(), digest_size=8)
    here = Path(__file__).resolve().parent
    for name in ("model.py", "schema.py", "load.py", "cache.py"):
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


def pack_cache_dir(pack: Pack) -> Path:
    digest = hashlib.sha256(pack.path.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return cache_dir() / f"pack-{digest}"


def _h(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` via a unique temp file in the same directory and os.replace."""
    path = Path(path)
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


def _seal(obj) -> bytes:
    body = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return _MAGIC + hashlib.blake2b(body, digest_size=16).digest() + body


def _unseal(path: Path):
    """The object stored at `path`, or None when missing, truncated or corrupt."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not data.startswith(_MAGIC) or len(data) < len(_MAGIC) + 16:
        return None
    digest, body = data[len(_MAGIC) : len(_MAGIC) + 16], data[len(_MAGIC) + 16 :]
    if hashlib.blake2b(body, digest_size=16).digest() != digest:
        return None
    try:
        return pickle.loads(body)
    except Exception:  # noqa: BLE001 - any unpickling failure means "rebuild"
        return None


def clean_stale_temps(directory: Path, age: float = 60.0) -> None:
    """Remove temp files a killed process left behind (older than `age` seconds)."""
    try:
        for p in directory.rglob(".*.tmp"):
            try:
                if time.time() - p.stat().st_mtime > age:
                    p.unlink()
            except OSError:
                pass
    except OSError:
        pass


class PackCache:
    """The cached state of one pack: rows and problems now, records on demand."""

    def __init__(self, pack: Pack, files: list[str], use_cache: bool = True) -> None:
        self.pack = pack
        self.dir = pack_cache_dir(pack)
        self.use_cache = use_cache
        self._chunks: dict[str, dict] = {}
        self.results: dict[str, FileResult] = {}  # parsed this run (always fresh)
        self.keys: dict[str, tuple[int, int]] = {}
        self.rows: dict[str, Row] = {}
        self.problems: dict[str, list] = {}
        self._sync(files)

    # -------------------------------------------------------------- building
    def _sync(self, files: list[str]) -> None:
        fp = _code_fingerprint()
        index = _unseal(self.dir / "index.pickle") if self.use_cache else None
        if not (isinstance(index, dict) and index.get("fp") == fp and index.get("pack") == self.pack.path):
            index = {"files": {}, "rows": {}, "problems": {}}
        old_files, old_rows, old_problems = index["files"], index["rows"], index["problems"]
        changed_dirs: set[str] = set()
        for f in files:
            try:
                st = os.stat(f)
                key = (st.st_size, st.st_mtime_ns)
            except OSError:
                key = (-1, -1)
            self.keys[f] = key
            if old_files.get(f) == key and f in old_problems:
                if f in old_rows:
                    self.rows[f] = old_rows[f]
                self.problems[f] = old_problems[f]
                continue
            res = parse_file(f, self.pack.path, pack_name=self.pack.name)
            self.results[f] = res
            row = row_for(res)
            if row is not None:
                self.rows[f] = row
            self.problems[f] = res.problems
            changed_dirs.add(os.path.dirname(f))
        removed = set(old_files) - set(self.keys)
        changed_dirs.update(os.path.dirname(f) for f in removed)
        if self.use_cache and (changed_dirs or len(old_files) != len(self.keys)):
            self._write(changed_dirs, fp)

    def _chunk_path(self, directory: str) -> Path:
        return self.dir / "chunks" / f"{_h(directory)}.pickle"

    def _read_chunk(self, directory: str) -> dict:
        if directory not in self._chunks:
            data = _unseal(self._chunk_path(directory)) if self.use_cache else None
            self._chunks[directory] = data if isinstance(data, dict) else {}
        return self._chunks[directory]

    def _write(self, changed_dirs: set[str], fp: str) -> None:
        try:
            for d in changed_dirs:
                mine = {f for f in self.keys if os.path.dirname(f) == d}
                chunk = {f: v for f, v in self._read_chunk(d).items() if f in mine}
                for f in mine:
                    res = self.results.get(f)
                    if res is None:
                        entry = chunk.get(f)
                        if entry is None or entry[0] != self.keys[f]:
                            res = self.results[f] = parse_file(f, self.pack.path, pack_name=self.pack.name)
                    if res is not None:
                        chunk[f] = (self.keys[f], res)
                self._chunks[d] = chunk
                p = self._chunk_path(d)
                if chunk:
                    atomic_write_bytes(p, _seal(chunk))
                else:
                    try:
                        p.unlink()
                    except OSError:
                        pass
            index = {"fp": fp, "pack": self.pack.path, "files": self.keys, "rows": self.rows, "problems": self.problems}
            atomic_write_bytes(self.dir / "index.pickle", _seal(index))
            clean_stale_temps(self.dir)
        except OSError:
            pass  # a read-only or full cache dir only costs speed

    # -------------------------------------------------------------- reading
    def result(self, path: str) -> FileResult:
        """The parsed result for `path`: from this run, a valid chunk, or a fresh parse."""
        res = self.results.get(path)
        if res is not None:
            return res
        entry = self._read_chunk(os.path.dirname(path)).get(path)
        if entry is not None and entry[0] == self.keys.get(path):
            res = entry[1]
        else:
            res = parse_file(path, self.pack.path, pack_name=self.pack.name)
        self.results[path] = res
        return res
