"""Compiled cache of parsed files: one SQLite database per pack.

Layout under the cache dir (LAWREF_CACHE_DIR or the platform user cache dir)::

    pack-<hash>/store-<fingerprint>.sqlite    (plus -wal/-shm while in use)

Tables: ``meta`` (fingerprint, pack path, walk problems, counts), ``dirs`` (every directory
walked, with its mtime), ``files`` (one row per record file: its key (size, mtime and ctime ns), the
listing columns, the search keys, problems and the parsed result), ``keys`` (one row per
search key: field, exact forms, article tokens), ``fts`` (a contentless FTS5 index of the
words of every key, when SQLite has FTS5) and ``refs`` (which rows cite which offence id).
See :mod:`lawref.dbsearch` for how search reads them.

Each file's row is keyed by its path, size, mtime and ctime (ns; the change time catches an
edit whose mtime was restored, as rsync -a and tar x do); the whole database by a
fingerprint of the lawref version and the modules that shape what is stored. Only changed
files are re-parsed. Writes are SQLite transactions in WAL mode: a killed run leaves the last
committed state, concurrent runs serialise on the write lock and re-check under it, and
readers never wait for a writer. A database that fails to open or read (truncated, garbage,
wrong schema) is deleted and rebuilt, never trusted; each stored result also carries a
CRC-32 that is checked when it is read.

Freshness: a *full* check stats every directory and every file (what listings and search
need). A *quick* check stats every directory, catching added, removed and renamed files, and
leaves per-file checks to the moment a record is read (`show ID`), so it never serves a stale
record.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
import zlib
from pathlib import Path

from . import __version__
from .files import atomic_write_bytes  # re-exported for callers of lawref.cache
from .load import FileResult, Pack, parse_file
from .problems import Problem

SCHEMA = 11
BUSY_TIMEOUT = 900.0  # seconds to wait for another process's build (a cold 100k build takes minutes)
_SEP = "\x1f"


def _code_fingerprint() -> str:
    """The lawref version, the schema, and a hash of the modules that shape stored data."""
    h = hashlib.blake2b(f"{__version__}/{SCHEMA}".encode(), digest_size=8)
    here = Path(__file__).resolve().parent
    for name in ("model.py", "schema.py", "load.py", "cache.py", "search.py", "dbsearch.py"):
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


def clean_stale_temps(directory: Path) -> None:
    """Remove temp files that killed writers left anywhere in the cache `directory`."""
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


def _key(path: str) -> tuple[int, int, int]:
    """(size, mtime ns, ctime ns): the change time catches a same-size edit whose mtime was
    restored (rsync -a, tar x, cp -p, touch -d), since no user call can set it."""
    try:
        st = os.stat(path)
        return (st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    except OSError:
        return (-1, -1, -1)


def _split(path: bytes) -> tuple[bytes, bytes]:
    d, _, name = path.rpartition(os.sep.encode())
    return d or os.sep.encode(), name


_DIR_FD = os.stat in os.supports_dir_fd and hasattr(os, "O_DIRECTORY")


def _dir_unchanged(d: bytes, names: list[bytes], sizes, mtimes, ctimes) -> bool:
    """Whether every file named in directory `d` still has its (size, mtime, ctime)."""
    stat = os.stat
    if _DIR_FD:
        # One open directory and a name each: the kernel resolves the directory once, not
        # once per file (about a third less time per stat on Linux).
        try:
            fd = os.open(d, os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            return False
        try:
            for name, size, mtime, ctime in zip(names, sizes, mtimes, ctimes):
                st = stat(name, dir_fd=fd)
                if st.st_mtime_ns != mtime or st.st_size != size or st.st_ctime_ns != ctime:
                    return False
        except OSError:
            return False
        finally:
            os.close(fd)
        return True
    join = os.path.join
    try:
        for name, size, mtime, ctime in zip(names, sizes, mtimes, ctimes):
            st = stat(join(d, name))
            if st.st_mtime_ns != mtime or st.st_size != size or st.st_ctime_ns != ctime:
                return False
    except OSError:
        return False
    return True


def _unchanged(groups, stop) -> bool:
    for d, names, sizes, mtimes, ctimes in groups:
        if stop:
            return False
        if not _dir_unchanged(d, names, sizes, mtimes, ctimes):
            stop.append(1)
            return False
    return True


def files_unchanged(groups: list, threads: int = 2) -> bool:
    """Whether every file still has its stored (size, mtime, ctime): one stat each.

    `groups` holds (directory, names, sizes, mtimes, ctimes) per directory (see `group_keys`). Large
    packs are checked by two threads when `threads` allows: `stat` releases the GIL, so on a
    machine with more than one core the system calls overlap.
    """
    stop: list = []
    total = sum(len(g[1]) for g in groups)
    if threads < 2 or total < 20000 or (os.cpu_count() or 1) < 2:
        return _unchanged(groups, stop)
    import threading

    acc, half = 0, len(groups)
    for i, g in enumerate(groups):
        acc += len(g[1])
        if acc >= total // 2:
            half = i + 1
            break
    other = threading.Thread(target=_unchanged, args=(groups[half:], stop))
    other.start()
    mine = _unchanged(groups[:half], stop)
    other.join()
    return mine and not stop


def group_keys(rows) -> list:
    """(path bytes, size, mtime, ctime) rows as (directory, names, sizes, mtimes, ctimes) per
    directory."""
    from array import array

    by_dir: dict[bytes, tuple[list, array, array, array]] = {}
    for path, size, mtime, ctime in rows:
        d, name = _split(bytes(path))
        g = by_dir.get(d)
        if g is None:
            g = by_dir[d] = ([], array("q"), array("q"), array("q"))
        g[0].append(name)
        g[1].append(size)
        g[2].append(mtime)
        g[3].append(ctime)
    return [(d, names, sizes, mtimes, ctimes) for d, (names, sizes, mtimes, ctimes) in by_dir.items()]


def _pack_keys(groups: list) -> bytes | None:
    """The grouped keys as one compressed blob (None when a name holds a NUL byte)."""
    if any(b"\0" in n for _, names, _, _, _ in groups for n in names):
        return None
    flat = [(d, b"\0".join(names), sizes, mtimes, ctimes) for d, names, sizes, mtimes, ctimes in groups]
    return zlib.compress(pickle.dumps(flat, protocol=pickle.HIGHEST_PROTOCOL), 1)


def _unpack_keys(blob: bytes) -> list | None:
    try:
        flat = pickle.loads(zlib.decompress(blob))
        out = []
        for d, names, sizes, mtimes, ctimes in flat:
            names = names.split(b"\0")
            if not (len(names) == len(sizes) == len(mtimes) == len(ctimes)):
                return None
            out.append((d, names, sizes, mtimes, ctimes))
        return out
    except Exception:  # noqa: BLE001 - fall back to the table
        return None


def _p(path: str) -> bytes:
    """A path as stored (bytes: file names need not be UTF-8)."""
    return path.encode("utf-8", "surrogateescape")


def _s(blob: bytes) -> str:
    return bytes(blob).decode("utf-8", "surrogateescape")


def _pack_result(res: FileResult) -> bytes:
    body = zlib.compress(pickle.dumps(res, protocol=pickle.HIGHEST_PROTOCOL), 1)
    return zlib.crc32(body).to_bytes(4, "little") + body


def _unpack_result(blob) -> FileResult | None:
    if not blob or len(blob) < 5:
        return None
    blob = bytes(blob)
    body = blob[4:]
    if zlib.crc32(body).to_bytes(4, "little") != blob[:4]:
        return None
    try:
        res = pickle.loads(zlib.decompress(body))
    except Exception:  # noqa: BLE001 - any failure means "re-parse"
        return None
    return res if isinstance(res, FileResult) else None


def _meta_current(meta: dict, fp: str, root: str) -> bool:
    """Whether a store's meta says it was completed by this code for this pack."""
    return meta.get("fp") == fp and meta.get("pack") == _p(root) and meta.get("complete") == 1


def _grouped_keys(conn) -> list:
    """The stored (size, mtime, ctime) of every file, grouped by directory."""
    got = conn.execute("SELECT v FROM meta WHERE k = 'file_keys'").fetchone()
    if got and got[0]:
        groups = _unpack_keys(got[0])
        if groups is not None:
            return groups
    return group_keys(conn.execute("SELECT path, size, mtime, ctime FROM files"))


def _dirs_unchanged(dirs: list) -> bool:
    """Whether every walked directory (path bytes, mtime) still has its mtime: no file was
    added, removed or renamed."""
    return bool(dirs) and all(_mtime(_s(d)) == m for d, m in dirs)


def _files_fresh(conn, full: bool, threads: int) -> bool:
    """Whether no directory changed and, when `full`, no file changed since the store was built."""
    if not _dirs_unchanged(conn.execute("SELECT path, mtime FROM dirs").fetchall()):
        return False
    return not full or files_unchanged(_grouped_keys(conn), threads)


def check_store(pack: Pack) -> tuple[str, str] | None:
    """(store path, generation) when `pack`'s store exists and is fresh (full check), else None.

    Reads the store in one snapshot without writing to it; used by the start-up helper in
    lawref.prefetch, which runs this while the parent process imports the CLI.
    """
    fp = _code_fingerprint()
    db = pack_cache_dir(pack) / f"store-{fp}.sqlite"
    if not db.is_file():
        return None
    conn = sqlite3.connect(f"{db.absolute().as_uri()}?mode=rw", uri=True, timeout=1.0, isolation_level=None)
    try:
        conn.execute("BEGIN")  # one consistent snapshot of meta, dirs and keys
        meta = {k: v for k, v in conn.execute("SELECT k, v FROM meta WHERE k IN ('fp', 'pack', 'complete', 'gen')")}
        if not _meta_current(meta, fp, pack.path) or not meta.get("gen"):
            return None
        dirs = conn.execute("SELECT path, mtime FROM dirs").fetchall()
        groups = _grouped_keys(conn)
        conn.execute("COMMIT")
    finally:
        conn.close()
    if not _dirs_unchanged(dirs):
        return None
    return (str(db), meta["gen"]) if files_unchanged(groups, threads=1) else None


_TABLES = """
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v);
CREATE TABLE IF NOT EXISTS dirs (path BLOB PRIMARY KEY, mtime INTEGER);
CREATE TABLE IF NOT EXISTS files (
    row INTEGER PRIMARY KEY, ord INTEGER, path BLOB UNIQUE, size INTEGER, mtime INTEGER, ctime INTEGER,
    id TEXT, kind TEXT, jur TEXT, title TEXT, checked TEXT, tags TEXT, refs TEXT);
CREATE INDEX IF NOT EXISTS files_id ON files(id);
CREATE INDEX IF NOT EXISTS files_ord ON files(ord);
CREATE TABLE IF NOT EXISTS texts (row INTEGER PRIMARY KEY, keys TEXT);
CREATE TABLE IF NOT EXISTS results (row INTEGER PRIMARY KEY, result BLOB);
CREATE TABLE IF NOT EXISTS problems (row INTEGER PRIMARY KEY, problems BLOB);
CREATE TABLE IF NOT EXISTS keys (
    kid INTEGER PRIMARY KEY, row INTEGER, field TEXT, exact INTEGER, flat TEXT, ffold TEXT,
    art TEXT, short TEXT, sfold TEXT, rid TEXT);
CREATE INDEX IF NOT EXISTS keys_row ON keys(row);
CREATE INDEX IF NOT EXISTS keys_flat ON keys(flat, field, rid, row, exact) WHERE exact = 1;
CREATE INDEX IF NOT EXISTS keys_ffold ON keys(ffold, field, rid, row, exact) WHERE exact = 1;
CREATE INDEX IF NOT EXISTS keys_art ON keys(art) WHERE art IS NOT NULL;
CREATE INDEX IF NOT EXISTS keys_stext ON keys(short) WHERE short IS NOT NULL;
CREATE INDEX IF NOT EXISTS keys_sfold ON keys(sfold) WHERE sfold IS NOT NULL;
CREATE TABLE IF NOT EXISTS refs (target TEXT, row INTEGER);
CREATE INDEX IF NOT EXISTS refs_target ON refs(target);
CREATE INDEX IF NOT EXISTS refs_row ON refs(row);
CREATE TABLE IF NOT EXISTS idtails (tail TEXT, row INTEGER);
CREATE INDEX IF NOT EXISTS idtails_tail ON idtails(tail);
CREATE INDEX IF NOT EXISTS idtails_row ON idtails(row);
CREATE TABLE IF NOT EXISTS vocab (word TEXT PRIMARY KEY, n INTEGER) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tags (tag TEXT, row INTEGER);
CREATE INDEX IF NOT EXISTS tags_row ON tags(row);
"""
_FTS = "CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(t, f, content='', tokenize='ascii', detail='column')"


_OPEN: list["PackCache"] = []


def discard_open_stores() -> str:
    """Delete the stores this process opened (after a read found one damaged); their directory."""
    dirs = []
    for store in _OPEN:
        if store.use_cache:
            store._discard()
            dirs.append(str(store.dir.parent))
    _OPEN.clear()
    return dirs[0] if dirs else ""


class PackCache:
    """The cached state of one pack, in its SQLite store (in memory with `use_cache=False`)."""

    def __init__(self, pack: Pack, use_cache: bool = True, full: bool = True) -> None:
        self.pack = pack
        self.dir = pack_cache_dir(pack)
        self.use_cache = use_cache
        self.full = full
        self.results: dict[str, FileResult] = {}  # read or parsed this run
        self._meta: dict | None = None
        _OPEN.append(self)
        try:
            self._open()
            self._sync()
        except sqlite3.DatabaseError:
            # Corrupt, truncated or foreign: throw it away and build again.
            self._discard()
            try:
                self._open()
                self._sync()
            except sqlite3.DatabaseError:
                # Still failing (a full disk, a locked or read-only file): work in memory,
                # leaving the file to whoever holds it.
                try:
                    self.conn.close()
                except sqlite3.Error:
                    pass
                self.use_cache = False
                self._open()
                self._sync()

    # -------------------------------------------------------------- opening
    def _open(self) -> None:
        self.conn = None
        self.fp = _code_fingerprint()
        self.db = self.dir / f"store-{self.fp}.sqlite"
        if self.use_cache:
            try:
                self.dir.mkdir(parents=True, exist_ok=True)
                self._drop_old_stores()
                conn = sqlite3.connect(self.db, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
                self.conn = conn
            except OSError:
                pass  # an unwritable cache dir only costs speed
            except sqlite3.OperationalError:
                pass
        if self.conn is not None:
            self._clean_temps()
        if self.conn is None:
            self.conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        self.conn.execute("PRAGMA cache_size=-16000")
        self.conn.executescript(_TABLES)
        try:
            self.conn.execute(_FTS)
            self.fts = True
        except sqlite3.OperationalError:
            self.fts = False  # no FTS5 in this SQLite: search scans the keys instead
        self._meta = None

    def _clean_temps(self) -> None:
        """Temp files killed writers left in this pack's cache directory (one small scandir)."""
        try:
            with os.scandir(self.dir) as it:
                stale = any(e.name.endswith(".tmp") for e in it)
        except OSError:
            return
        if stale:
            clean_stale_temps(self.dir)

    def _drop_old_stores(self) -> None:
        """Stores written by other lawref versions (each version has its own file), and the
        files of the pickle-based cache that came before."""
        import shutil

        legacy = ("index.pickle", "columns.pickle", "chunks")  # the cache format before SQLite
        try:
            with os.scandir(self.dir) as it:
                old = [e.path for e in it if (e.name.startswith("store-") and not e.name.startswith(self.db.name)) or e.name in legacy]
        except OSError:
            return
        for path in old:
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path, ignore_errors=True)
                continue
            try:
                os.unlink(path)
            except OSError:
                pass

    def _discard(self) -> None:
        try:
            if self.conn is not None:
                self.conn.close()
        except sqlite3.Error:
            pass
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.unlink(str(self.db) + suffix)
            except OSError:
                pass

    @property
    def has_fts(self) -> bool:
        """Whether the store has its full-text index (SQLite built with FTS5)."""
        return self.fts

    @property
    def meta(self) -> dict:
        if self._meta is None:
            self._meta = {k: v for k, v in self.conn.execute("SELECT k, v FROM meta WHERE k <> 'file_keys'")}
        return self._meta

    # -------------------------------------------------------------- freshness
    def _sync(self) -> None:
        if not self._fresh():
            self._update(self.fp)

    def _fresh(self) -> bool:
        meta = self.meta
        if not _meta_current(meta, self.fp, self.pack.path):
            return False
        if self.full and self.use_cache:
            from . import prefetch

            if prefetch.verdict(self.pack.path, str(self.db), meta.get("gen")):
                return True  # a helper process found this very store fresh at start-up
        return _files_fresh(self.conn, self.full, threads=2)

    def _update(self, fp: str) -> None:
        """Bring the store up to date with the files, under the write lock."""
        from .load import find_files

        root = self.pack.path
        self.conn.execute("BEGIN IMMEDIATE")  # waits for a concurrent builder, then re-checks
        try:
            self._meta = None
            meta = self.meta
            if meta.get("fp") != fp or meta.get("pack") != _p(root):
                self._clear()
            dirs: dict[str, int] = {}
            if os.path.isdir(root):
                files, walk_problems = find_files(root, dirs)
            else:
                files, walk_problems = [], [Problem(root, 1, "(pack)", "not a directory (check --data / LAWREF_DATA)")]
            stored = {_s(p): (row, (s, m, c)) for row, p, s, m, c in self.conn.execute("SELECT row, path, size, mtime, ctime FROM files")}
            present = set(files)
            for path, (row, _) in stored.items():
                if path not in present:
                    self._delete_row(row)
            for i, path in enumerate(files):
                key = _key(path)
                old = stored.get(path)
                if old is not None and old[1] == key:
                    continue
                if old is not None:
                    self._delete_row(old[0])
                self._insert(i, path, key, parse_file(path, root, pack_name=self.pack.name))
            self._reorder(files)
            self.conn.execute("DELETE FROM dirs")
            self.conn.executemany("INSERT INTO dirs VALUES (?, ?)", ((_p(d), m) for d, m in dirs.items()))
            counts = dict(self.conn.execute("SELECT kind, count(*) FROM files WHERE id IS NOT NULL GROUP BY kind"))
            dups = self.conn.execute("SELECT count(*) FROM (SELECT id FROM files WHERE id IS NOT NULL GROUP BY id HAVING count(*) > 1)").fetchone()[0]
            new_meta = {
                "fp": fp, "pack": _p(root), "complete": 1,  # bytes: a path need not be UTF-8
                "walk_problems": pickle.dumps(list(walk_problems)), "files": len(files),
                "offences": counts.get("offence", 0), "cases": counts.get("case", 0), "dups": dups,
            }  # fmt: skip
            new_meta["gen"] = os.urandom(8).hex()  # names this state of the store (see lawref.prefetch)
            packed = _pack_keys(group_keys(self.conn.execute("SELECT path, size, mtime, ctime FROM files ORDER BY path")))
            if packed is not None:  # one blob: the freshness check reads it at once
                new_meta["file_keys"] = packed
            else:
                self.conn.execute("DELETE FROM meta WHERE k = 'file_keys'")
            self.conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", new_meta.items())
            self.conn.execute("COMMIT")
        except BaseException:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            raise
        self._meta = None

    def _clear(self) -> None:
        for table in ("meta", "dirs", "files", "texts", "results", "problems", "keys", "refs", "tags", "vocab", "idtails"):
            self.conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed names
        if self.fts:
            self.conn.execute("INSERT INTO fts(fts) VALUES ('delete-all')")

    def _reorder(self, files: list[str]) -> None:
        """Set each row's position in load order (only where it changed)."""
        have = {_s(p): (row, o) for row, p, o in self.conn.execute("SELECT row, path, ord FROM files")}
        changes = [(i, have[f][0]) for i, f in enumerate(files) if f in have and have[f][1] != i]
        self.conn.executemany("UPDATE files SET ord = ? WHERE row = ?", changes)

    def _insert(self, order: int, path: str, key: tuple[int, int, int], res: FileResult) -> None:
        from .dbsearch import key_rows
        from .model import newest_check

        rec = res.record
        if rec is None:
            cur = self.conn.execute("INSERT INTO files (ord, path, size, mtime, ctime) VALUES (?, ?, ?, ?, ?)", (order, _p(path), *key))
        else:
            checked = newest_check([rec])
            refs = rec.related if rec.kind == "offence" else rec.offences
            cur = self.conn.execute(
                "INSERT INTO files (ord, path, size, mtime, ctime, id, kind, jur, title, checked, tags, refs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (order, _p(path), *key, rec.id, rec.kind, rec.jurisdiction, rec.title,
                 checked.isoformat() if checked else None, _SEP.join(rec.tags), _SEP.join(refs)),
            )  # fmt: skip
        row = cur.lastrowid
        self.conn.execute("INSERT INTO results VALUES (?, ?)", (row, _pack_result(res)))
        if res.problems:
            self.conn.execute("INSERT INTO problems VALUES (?, ?)", (row, pickle.dumps(list(res.problems))))
        if rec is None:
            return
        from .search import id_tails, key_words, record_keys

        keys = record_keys(rec)
        self.conn.execute("INSERT INTO texts VALUES (?, ?)", (row, _SEP.join(k.encode() for k in keys)))
        if refs:
            self.conn.executemany("INSERT INTO refs VALUES (?, ?)", ((r, row) for r in refs))
        if rec.tags:
            self.conn.executemany("INSERT INTO tags VALUES (?, ?)", ((t, row) for t in rec.tags))
        self.conn.executemany("INSERT INTO idtails VALUES (?, ?)", ((t, row) for t in id_tails(rec.id.lower())))
        krows, frows = key_rows(row, keys, rec.id)
        self.conn.executemany("INSERT INTO keys VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", krows)
        self.conn.executemany("INSERT INTO vocab VALUES (?, 1) ON CONFLICT (word) DO UPDATE SET n = n + 1", ((w,) for w in key_words(keys)))
        if self.fts:
            self.conn.executemany("INSERT INTO fts (rowid, t, f) VALUES (?, ?, ?)", frows)

    def _delete_row(self, row: int) -> None:
        from .dbsearch import key_rows
        from .search import decode_keys, key_words

        got = self.conn.execute("SELECT keys FROM texts WHERE row = ?", (row,)).fetchone()
        if got and got[0]:
            keys = decode_keys(got[0])
            words = [(w,) for w in key_words(keys)]
            self.conn.executemany("UPDATE vocab SET n = n - 1 WHERE word = ?", words)
            self.conn.executemany("DELETE FROM vocab WHERE word = ? AND n <= 0", words)
            if self.fts:
                _, frows = key_rows(row, keys)
                self.conn.executemany("INSERT INTO fts (fts, rowid, t, f) VALUES ('delete', ?, ?, ?)", frows)
        for table in ("files", "texts", "results", "problems", "keys", "refs", "tags", "idtails"):
            self.conn.execute(f"DELETE FROM {table} WHERE row = ?", (row,))  # noqa: S608 - fixed names

    # -------------------------------------------------------------- reading
    @property
    def walk_problems(self) -> list[Problem]:
        blob = self.meta.get("walk_problems")
        return pickle.loads(blob) if blob else []

    def count(self, what: str) -> int:
        """files, offences, cases or dups (ids defined more than once in this pack)."""
        return int(self.meta.get(what) or 0)

    def problems(self) -> list[Problem]:
        """Per-file problems, in load order."""
        out: list[Problem] = []
        for (blob,) in self.conn.execute("SELECT p.problems FROM problems p JOIN files f ON f.row = p.row ORDER BY f.ord"):
            out.extend(pickle.loads(blob))
        return out

    def paths(self) -> list[str]:
        """Every record file of the pack (loaded or not), in load order."""
        return [_s(p) for (p,) in self.conn.execute("SELECT path FROM files ORDER BY ord")]

    def ids_paths(self) -> list[tuple[str, str]]:
        """(id, path) of every record, in load order."""
        return [(rid, _s(p)) for rid, p in self.conn.execute("SELECT id, path FROM files WHERE id IS NOT NULL ORDER BY ord")]

    def path_of(self, rid: str) -> str | None:
        """The path of the first file defining `rid`, or None."""
        got = self.conn.execute("SELECT path FROM files WHERE id = ? ORDER BY ord LIMIT 1", (rid,)).fetchone()
        return _s(got[0]) if got else None

    def rows(self) -> list[tuple]:
        """(id, kind, jurisdiction, title, path, refs, tags, keys) of every record, in load order."""
        out = []
        for rid, kind, jur, title, p, refs, tags, keys in self.conn.execute(
            "SELECT id, kind, jur, title, path, refs, tags, keys FROM files LEFT JOIN texts USING (row) WHERE id IS NOT NULL ORDER BY ord"
        ):
            out.append((rid, kind, jur, title, _s(p), tuple(refs.split(_SEP)) if refs else (), tuple(tags.split(_SEP)) if tags else (), keys or ""))
        return out

    def citing(self, offence_id: str) -> list[tuple[str, str]]:
        """(id, path) of the cases whose `offences` name `offence_id`."""
        q = "SELECT f.id, f.path FROM refs r JOIN files f ON f.row = r.row WHERE r.target = ? AND f.kind = 'case' ORDER BY f.ord"
        return [(rid, _s(p)) for rid, p in self.conn.execute(q, (offence_id,))]

    def newest_check(self):
        import datetime as dt

        got = self.conn.execute("SELECT max(checked) FROM files").fetchone()[0]
        return dt.date.fromisoformat(got) if got else None

    def result(self, path: str) -> FileResult:
        """The parsed result for `path`, checked against the file itself."""
        res = self.results.get(path)
        if res is not None:
            return res
        key = _key(path)
        got = self.conn.execute("SELECT size, mtime, ctime, result FROM files JOIN results USING (row) WHERE path = ?", (_p(path),)).fetchone()
        if got is not None and tuple(got[:3]) == key:
            res = _unpack_result(got[3])
        if res is None:
            res = parse_file(path, self.pack.path, pack_name=self.pack.name)
        self.results[path] = res
        return res


__all__ = ["PackCache", "atomic_write_bytes", "cache_dir", "pack_cache_dir", "clean_stale_temps"]
