"""Compiled cache of parsed files: a columnar index per pack plus record chunks per directory.

Layout under the cache dir (LAWREF_CACHE_DIR or the platform user cache dir)::

    pack-<hash>/index.pickle          directory mtimes, file keys, light columns, problems
    pack-<hash>/chunks/<hash>.pickle  {path: ((size, mtime_ns), FileResult)} for one directory

Each file's entry is keyed by its path, size and mtime (ns); the whole cache by a fingerprint
of the lawref version and the modules that shape cached objects. Only changed files are
re-parsed and only their directories' chunks rewritten. Everything read is checked (magic,
checksum, fingerprint, pack path, per-file key); anything corrupt, truncated or stale is
ignored and rebuilt, never trusted. Writes are atomic (unique temp file in the same directory,
then os.replace), so concurrent processes and killed runs leave an old or a new file, never a
torn one; a chunk that disagrees with the index is re-parsed from the source file.

Freshness: a *full* check stats every directory and every file (what listings and search
need). A *quick* check stats every directory — catching added, removed and renamed files —
and leaves per-file checks to the moment a record is read (`show ID`), so it never serves a
stale record. Directories whose mtime changed are listed again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from . import __version__
from .files import atomic_write_bytes  # the shared helper; re-exported for callers of lawref.cache
from .load import FileResult, Pack, parse_file
from .problems import Problem

_MAGIC = b"LAWREFC4"
# Listing/search columns live in their own file so `show ID` never reads them.
COLUMNS = ("jurs", "titles", "skeys", "checked", "tags")


def _code_fingerprint() -> str:
    """The lawref version plus a hash of the modules that shape cached objects."""
    h = hashlib.blake2b(__version__.encode(), digest_size=8)
    here = Path(__file__).resolve().parent
    for name in ("model.py", "schema.py", "load.py", "cache.py", "search.py"):
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


def _digest(body: bytes) -> bytes:
    """Integrity check (not security: the cache is the user's own): length + CRC-32."""
    import zlib

    return len(body).to_bytes(8, "little") + zlib.crc32(body).to_bytes(4, "little") + b"\0" * 4


def _seal(obj) -> bytes:
    body = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return _MAGIC + _digest(body) + body


def _unseal(path: Path):
    """The object stored at `path`, or None when missing, truncated or corrupt."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not data.startswith(_MAGIC) or len(data) < len(_MAGIC) + 16:
        return None
    digest, body = data[len(_MAGIC) : len(_MAGIC) + 16], data[len(_MAGIC) + 16 :]
    if _digest(body) != digest:
        return None
    try:
        return pickle.loads(body)
    except Exception:  # noqa: BLE001 - any unpickling failure means "rebuild"
        return None


def clean_stale_temps(directory: Path) -> None:
    """Remove temp files that killed writers left anywhere in the cache `directory`.

    Temp files are named after their target and writer (`.TARGET.PID-XXXX.tmp`, see
    lawref.files); those of writers still running (a concurrent build) are kept.
    """
    from .files import clean_stale_temps as clean_beside

    try:
        targets = {p.parent / p.name[1:].rsplit(".", 2)[0] for p in Path(directory).rglob(".*.tmp")}
    except OSError:
        return
    for target in targets:
        clean_beside(target)


def _mtime(path: str) -> int | None:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


def _key(path: str) -> tuple[int, int]:
    try:
        st = os.stat(path)
        return (st.st_size, st.st_mtime_ns)
    except OSError:
        return (-1, -1)


def _walk(root: str) -> tuple[dict[str, int], list[str], list[Problem]]:
    """Directories (with mtimes), record files and walk problems under `root`."""
    from .load import find_files

    dirs: dict[str, int] = {}
    files, problems = find_files(root, dirs)
    return dirs, files, problems


def search_keys_for(record) -> str:
    """Precomputed search text for a record (lawref.search owns the format)."""
    try:
        from .search import search_keys
    except ImportError:
        return ""
    return "\x1f".join(search_keys(record))


class PackCache:
    """The cached state of one pack: columns and problems now, records on demand."""

    def __init__(self, pack: Pack, use_cache: bool = True, full: bool = True) -> None:
        self.pack = pack
        self.dir = pack_cache_dir(pack)
        self.use_cache = use_cache
        self.full = full
        self._chunks: dict[str, dict] = {}
        self.results: dict[str, FileResult] = {}  # parsed this run (always fresh)
        self._columns_loaded = True
        self._sync()
        if use_cache:
            self._clean_top_temps()

    def _clean_top_temps(self) -> None:
        """Temp files a killed run left beside the index (cheap: one small directory).

        Chunk temp files are cleaned whenever chunks are written, which the run after a
        killed build always does (the index is written last, so it is out of date).
        """
        try:
            with os.scandir(self.dir) as it:
                if any(e.name.endswith(".tmp") for e in it):
                    from .files import clean_stale_temps as clean_beside

                    for name in ("index.pickle", "columns.pickle"):
                        clean_beside(self.dir / name)
        except OSError:
            pass

    # -------------------------------------------------------------- building
    def _load_index(self, fp: str) -> dict | None:
        if not self.use_cache:
            return None
        index = _unseal(self.dir / "index.pickle")
        if isinstance(index, dict) and index.get("fp") == fp and index.get("pack") == self.pack.path:
            self._columns_loaded = False
            return index
        return None

    def _sync(self) -> None:
        fp = _code_fingerprint()
        root = self.pack.path
        index = self._load_index(fp)
        if index is not None and all(_mtime(d) == m for d, m in index["dirs"].items()):
            # No file added, removed or renamed anywhere in the pack.
            self.idx = index
            if not self.full:
                return
            keys = [_key(p) for p in index["paths"]]
            if keys == index["keys"]:
                return
            dirs, files, walk_problems = index["dirs"], index["paths"], index["walk_problems"]
            self.columns()  # the rebuild reuses unchanged rows' columns
        else:
            if not os.path.isdir(root):
                self.idx = _empty_index(fp, root, [Problem(root, 1, "(pack)", "not a directory (check --data / LAWREF_DATA)")])
                return
            dirs, files, walk_problems = _walk(root)
            keys = [_key(p) for p in files]
        self._rebuild(index, fp, dirs, files, keys, walk_problems)

    def _rebuild(self, old: dict | None, fp: str, dirs, files, keys, walk_problems) -> None:
        if old is not None:
            self.idx = old
            self.columns()
        old_pos = {p: i for i, p in enumerate(old["paths"])} if old else {}
        idx = _empty_index(fp, self.pack.path, walk_problems)
        idx["dirs"], idx["paths"], idx["keys"] = dirs, list(files), list(keys)
        for col in _ROW_COLUMNS:
            idx[col] = [None] * len(files)
        # Directory by directory, so a large cold build holds one directory's records at a
        # time: parse what changed, write that directory's chunk, keep only the columns.
        by_dir: dict[str, list[int]] = {}
        for i, f in enumerate(files):
            by_dir.setdefault(os.path.dirname(f), []).append(i)
        gone = {os.path.dirname(p) for p in old["paths"]} - set(by_dir) if old else set()
        try:
            for d, members in by_dir.items():
                fresh: dict[str, FileResult] = {}
                for i in members:
                    j = old_pos.get(files[i])
                    if j is not None and old["keys"][j] == keys[i]:
                        for col in _ROW_COLUMNS:
                            idx[col][i] = old[col][j]
                        for col in ("refs", "tags", "problems"):
                            if j in old[col]:
                                idx[col][i] = old[col][j]
                        continue
                    res = fresh[files[i]] = parse_file(files[i], self.pack.path, pack_name=self.pack.name)
                    _set_columns(idx, i, res)
                if not self.use_cache:
                    self.results.update(fresh)  # nowhere else to read them from later
                elif fresh:  # entries of deleted files linger harmlessly until the next rewrite
                    self._write_chunk(d, [(files[i], keys[i]) for i in members], fresh)
            if self.use_cache:
                for d in gone:
                    self._write_chunk(d, [], {})
                self._write_index(idx)
        except OSError:
            pass  # a read-only or full cache dir only costs speed
        finally:
            self.idx = idx
            self._columns_loaded = True

    def _chunk_path(self, directory: str) -> Path:
        return self.dir / "chunks" / f"{_h(directory)}.pickle"

    def _read_chunk(self, directory: str) -> dict:
        if directory not in self._chunks:
            data = _unseal(self._chunk_path(directory)) if self.use_cache else None
            self._chunks[directory] = data if isinstance(data, dict) else {}
        return self._chunks[directory]

    def _write_chunk(self, directory: str, members: list[tuple[str, tuple[int, int]]], fresh: dict[str, FileResult]) -> None:
        """Write one directory's chunk: fresh results plus still-valid entries of the old one."""
        old = _unseal(self._chunk_path(directory)) if members and len(fresh) < len(members) else None
        old = old if isinstance(old, dict) else {}
        chunk = {}
        for f, key in members:
            res = fresh.get(f)
            if res is None:
                entry = old.get(f)
                if entry is not None and entry[0] == key:
                    chunk[f] = entry
                    continue
                res = parse_file(f, self.pack.path, pack_name=self.pack.name)
            chunk[f] = (key, res)
        self._chunks.pop(directory, None)
        p = self._chunk_path(directory)
        if chunk:
            atomic_write_bytes(p, _seal(chunk))
        else:
            try:
                p.unlink()
            except OSError:
                pass

    def _write_index(self, idx: dict) -> None:
        """Write the listing columns, then the index (the commit point)."""
        gen = os.urandom(8).hex()
        idx["gen"] = gen
        cols = {c: idx[c] for c in COLUMNS}
        cols["gen"] = gen
        if all(idx["skeys"]):  # precomputed so a search builds nothing per record
            from .search import joined_text

            cols["search_text"] = joined_text(idx["skeys"])
            cols["skeys"] = None  # read back out of the joined text (half the size)
        atomic_write_bytes(self.dir / "columns.pickle", _seal(cols))
        _cited_by(idx)  # precomputed, so `show ID` needs no scan of every reference
        core = {k: v for k, v in idx.items() if k not in COLUMNS and k != "search_text"}
        atomic_write_bytes(self.dir / "index.pickle", _seal(core))
        clean_stale_temps(self.dir)

    # -------------------------------------------------------------- reading
    def cited_by(self) -> dict[str, tuple[int, ...]]:
        """offence id -> rows of the cases citing it (kept in the index once built)."""
        return _cited_by(self.idx)

    def columns(self) -> dict:
        """The index with its listing columns (titles, search keys...) loaded."""
        if not self._columns_loaded:
            cols = _unseal(self.dir / "columns.pickle")
            if isinstance(cols, dict) and cols.get("gen") == self.idx.get("gen") and all(c in cols for c in COLUMNS):
                for c in COLUMNS:
                    self.idx[c] = cols[c]
                if "search_text" in cols:
                    from .search import TextKeys

                    self.idx["search_text"] = cols["search_text"]
                    self.idx["skeys"] = TextKeys(*cols["search_text"])
            else:  # written by another process or torn: recompute from the records
                fresh = _empty_index("", "", [])
                for col in _ROW_COLUMNS:
                    fresh[col] = [None] * len(self.idx["paths"])
                for i, path in enumerate(self.idx["paths"]):
                    _set_columns(fresh, i, self.result(path))
                for c in COLUMNS:
                    self.idx[c] = fresh[c]
            self._columns_loaded = True
        return self.idx

    def result(self, path: str) -> FileResult:
        """The parsed result for `path`, checked against the file itself."""
        res = self.results.get(path)
        if res is not None:
            return res
        key = _key(path)
        entry = self._read_chunk(os.path.dirname(path)).get(path)
        if entry is not None and entry[0] == key:
            res = entry[1]
        else:
            res = parse_file(path, self.pack.path, pack_name=self.pack.name)
        self.results[path] = res
        return res


def _cited_by(idx: dict) -> dict[str, tuple[int, ...]]:
    """offence id -> rows of the cases citing it, computed once and kept in `idx`."""
    if "cited_by" not in idx:
        out: dict[str, list[int]] = {}
        kinds = idx["kinds"]
        for i, refs in idx["refs"].items():
            if kinds[i] == "case":
                for r in refs:
                    out.setdefault(r, []).append(i)
        idx["cited_by"] = {k: tuple(v) for k, v in out.items()}
    return idx["cited_by"]


def _empty_index(fp: str, root: str, walk_problems: list) -> dict:
    return {
        "fp": fp,
        "pack": root,
        "dirs": {},
        "walk_problems": list(walk_problems),
        "paths": [],
        "keys": [],
        "ids": [],
        "kinds": [],
        "jurs": [],
        "titles": [],
        "skeys": [],
        "checked": [],
        "refs": {},
        "tags": {},
        "problems": {},
    }


_ROW_COLUMNS = ("ids", "kinds", "jurs", "titles", "skeys", "checked")


def _set_columns(idx: dict, i: int, res: FileResult) -> None:
    """Fill row `i` of the columns from a parsed file."""
    rec = res.record
    if res.problems:
        idx["problems"][i] = list(res.problems)
    if rec is None:
        return
    from .model import newest_check

    idx["ids"][i] = rec.id
    idx["kinds"][i] = rec.kind
    idx["jurs"][i] = rec.jurisdiction
    idx["titles"][i] = rec.title
    idx["skeys"][i] = search_keys_for(rec)
    idx["checked"][i] = newest_check([rec])
    refs = rec.related if rec.kind == "offence" else rec.offences
    if refs:
        idx["refs"][i] = tuple(refs)
    if rec.tags:
        idx["tags"][i] = tuple(rec.tags)


__all__ = ["PackCache", "atomic_write_bytes", "cache_dir", "pack_cache_dir", "clean_stale_temps"]
