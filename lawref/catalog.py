"""The catalogue: every record from every pack in use, by id, with the problems found.

`load_catalogue` is the one entry point commands use. It reads each pack (through the
compiled cache when it is fresh, see :mod:`lawref.cache`), keeps the first record for each
id, and records cross-file problems (duplicate ids, unknown references).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from .errors import UnknownRecord
from .load import Pack, resolve_packs
from .model import Case, Offence, Record
from .problems import Problem


@dataclass
class PackInfo:
    pack: Pack
    files: int = 0
    offences: int = 0
    cases: int = 0


@dataclass(frozen=True)
class Row:
    """What listings and search need about a record, without loading it."""

    id: str
    kind: str
    jurisdiction: str
    title: str
    path: str
    refs: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    keys: str = ""  # precomputed search text (see lawref.search.search_keys)


class PackIds(Mapping):
    """id -> path of the records one pack contributes, read from its store on demand.

    The first file defining an id wins within a pack; ids in `excluded` (defined by an
    earlier pack) are not contributed.
    """

    def __init__(self, store) -> None:
        self.store = store
        self.excluded: set[str] = set()
        self._len: int | None = None
        self._all: dict[str, str] | None = None

    def _dict(self) -> dict[str, str]:
        if self._all is None:
            out: dict[str, str] = {}
            for rid, path in self.store.ids_paths():
                if rid not in out and rid not in self.excluded:
                    out[rid] = path
            self._all = out
        return self._all

    def get(self, rid, default=None):
        if self._all is not None:
            return self._all.get(rid, default)
        if not isinstance(rid, str) or rid in self.excluded:
            return default
        path = self.store.path_of(rid)
        return default if path is None else path

    def __getitem__(self, rid: str) -> str:
        path = self.get(rid)
        if path is None:
            raise KeyError(rid)
        return path

    def __contains__(self, rid: object) -> bool:
        return self.get(rid) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._dict())

    def __len__(self) -> int:
        if self._len is None:
            if self._all is None and not self.excluded and not self.store.count("dups"):
                self._len = self.store.count("offences") + self.store.count("cases")
            else:
                self._len = len(self._dict())
        return self._len

    @property
    def simple(self) -> bool:
        """Every record row of the pack is in use (no duplicates, nothing shadowed)."""
        return not self.excluded and not self.store.count("dups")

    def live(self, rid: str, path: str) -> bool:
        """Whether the row (`rid`, `path`) is the one in use for `rid`."""
        return self.simple or self._dict().get(rid) == path


class LazyRecords(Mapping):
    """id -> record, loading each record from its pack cache only when asked for."""

    def __init__(self) -> None:
        self._packs: list[tuple[object, PackIds]] = []  # (store, id -> path)
        self._loaded: dict[str, Record] = {}

    def _locate(self, rid: str):
        for store, where in self._packs:
            path = where.get(rid)
            if path is not None:
                return store, path
        return None

    def __getitem__(self, rid: str) -> Record:
        rec = self._loaded.get(rid)
        if rec is None:
            loc = self._locate(rid)
            if loc is None:
                raise KeyError(rid)
            rec = loc[0].result(loc[1]).record
            if rec is None or rec.id != rid:  # the file changed under us: refuse stale data
                raise KeyError(rid)
            self._loaded[rid] = rec
        return rec

    def __contains__(self, rid: object) -> bool:
        return any(rid in where for _, where in self._packs)

    def __iter__(self) -> Iterator[str]:
        for _, where in self._packs:
            yield from where

    def __len__(self) -> int:
        return sum(len(w) for _, w in self._packs)


class Catalogue:
    """All records in use, in load order.

    `get` looks a record up by id; `rows` lists every record cheaply (from the cache's
    columns, without loading records); `offences`/`cases` load them all.
    """

    def __init__(self) -> None:
        self.records = LazyRecords()
        self.packs: list[PackInfo] = []
        self._file_problems: list[Problem] = []
        self._problems: list[Problem] | None = None
        self._rows: dict[str, Row] | None = None

    # ---------------------------------------------------------------- records
    def get(self, rid: str) -> Record:
        """The record with id `rid` (case-insensitive). Raises UnknownRecord, or
        BrokenRecord when its file is there but failed to load."""
        for key in (rid, rid.strip().lower()):
            if key in self.records:
                try:
                    return self.records[key]
                except KeyError:
                    break
        key = rid.strip().lower().replace("/", os.sep)
        for top in ("statutes", "cases"):
            tail = f"{os.sep}{top}{os.sep}{key}.yaml"
            broken = [p for p in self._file_problems if str(p.file).endswith(tail)]
            if broken:
                from .errors import BrokenRecord

                raise BrokenRecord(rid, broken[0])
        raise UnknownRecord(rid, self.suggest(rid))

    def suggest(self, text: str, n: int = 3) -> list[str]:
        """The `n` ids closest to `text` by id, title and alias (for "did you mean")."""
        from .search import suggest

        return suggest(self, text, n)

    @property
    def rows(self) -> dict[str, Row]:
        """id -> Row for every record in use (first pack wins on duplicate ids)."""
        if self._rows is None:
            rows: dict[str, Row] = {}
            for store, where in self.records._packs:
                for rid, kind, jur, title, path, refs, tags, keys in store.rows():
                    if rid in rows or not where.live(rid, path):
                        continue
                    rows[rid] = Row(rid, kind, jur, title, path, refs, tags, keys)
            self._rows = rows
        return self._rows

    def newest_check(self, pack: Pack | None = None):
        """The newest source `accessed` date over all records (of one pack): the data's age."""
        days = [store.newest_check() for store, _ in self.records._packs if pack is None or store.pack == pack]
        days = [d for d in days if d is not None]
        return max(days) if days else None

    @property
    def offences(self) -> list[Offence]:
        return [self.records[r.id] for r in self.rows.values() if r.kind == "offence"]

    @property
    def cases(self) -> list[Case]:
        return [self.records[r.id] for r in self.rows.values() if r.kind == "case"]

    def cases_citing(self, offence_id: str) -> list[Case]:
        """Cases whose `offences` include `offence_id` (from the cached references)."""
        out = []
        for store, where in self.records._packs:
            for rid, path in store.citing(offence_id):
                if where.live(rid, path):
                    case = self.records[rid]
                    if offence_id in case.offences:  # re-checked on the fresh record
                        out.append(case)
        return out

    # ---------------------------------------------------------------- problems
    @property
    def file_problems(self) -> list[Problem]:
        """Problems found in single files and in the pack layout (cheap: from the cache)."""
        return self._file_problems

    @property
    def problems(self) -> list[Problem]:
        """Every problem: per-file ones plus cross-file checks (references)."""
        if self._problems is None:
            allp = self._file_problems + cross_check(self)
            self._problems = [Problem(_shown(p.file), p.line, p.field, p.message) for p in allp]
        return self._problems


def _shown(path: str) -> str:
    """A path as the user will recognise it: relative to the cwd when below it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return rel if not rel.startswith("..") else path


def load_catalogue(dirs: list[str] | None = None, *, bundled: bool = True, use_cache: bool = True, env: str | None = None, full: bool = True) -> Catalogue:
    """Load the bundled data plus user packs into one catalogue.

    Args:
        dirs: extra pack directories (`--data`), loaded after LAWREF_DATA.
        bundled: include the bundled data.
        use_cache: read/write the compiled cache.
        env: override for LAWREF_DATA (tests).
        full: stat every file now (listings, search). False checks directories now and each
            record's file when it is read (`show ID`).
    """
    from .cache import PackCache

    cat = Catalogue()
    for pack in resolve_packs(dirs, env=env, bundled=bundled):
        store = PackCache(pack, use_cache=use_cache, full=full)
        info = PackInfo(pack, files=store.count("files"))
        cat.packs.append(info)
        cat._file_problems.extend(store.walk_problems)
        cat._file_problems.extend(store.problems())
        where = PackIds(store)
        if store.count("dups"):
            first: dict[str, str] = {}
            for rid, p in store.ids_paths():
                if rid in first:
                    cat._file_problems.append(Problem(p, _id_line(store, p), "id", f"duplicate id {rid!r}: also defined in {_shown(first[rid])}"))
                else:
                    first[rid] = p
        for _, earlier in cat.records._packs:
            small, big = (where, earlier) if len(where) <= len(earlier) else (earlier, where)
            for rid in [r for r in small if r in big]:
                p = where[rid]
                cat._file_problems.append(Problem(p, _id_line(store, p), "id", f"duplicate id {rid!r}: also defined in {_shown(earlier[rid])}"))
                where.excluded.add(rid)
            where._all = None
            where._len = None
        if where.simple:
            info.offences, info.cases = store.count("offences"), store.count("cases")
        else:
            kinds = dict(store.conn.execute("SELECT id, kind FROM files WHERE id IS NOT NULL"))
            info.offences = sum(1 for rid in where if kinds.get(rid) == "offence")
            info.cases = len(where) - info.offences
        cat.records._packs.append((store, where))
    return cat


def _id_line(store, path: str) -> int:
    rec = store.result(path).record
    return rec.line_of("id") if rec is not None else 1


def cross_check(cat: Catalogue) -> list[Problem]:
    """References to unknown ids, and references of the wrong kind (from rows: no loading)."""
    out: list[Problem] = []
    for row in cat.rows.values():
        if not row.refs:
            continue
        name = "related" if row.kind == "offence" else "offences"
        for i, ref in enumerate(row.refs):
            target = cat.rows.get(ref)
            if ref != row.id and target is not None and target.kind == "offence":
                continue
            rec = cat.records[row.id]
            problem = ref_problem(cat, rec.file, rec.line_of(f"{name}[{i}]"), f"{name}[{i}]", ref, row.id)
            if problem is not None:
                out.append(problem)
    return out


def ref_problem(cat: Catalogue, file: str, line: int, field: str, ref: str, own_id: str | None) -> Problem | None:
    """What is wrong with a reference to the offence `ref` (from the record `own_id`), if anything."""
    if ref == own_id:
        return Problem(file, line, field, "the record refers to itself")
    target = cat.rows.get(ref)
    if target is not None and target.kind == "offence":
        return None
    if target is not None:
        return Problem(file, line, field, f"{ref!r} is a case, not an offence")
    broken = f"{os.sep}statutes{os.sep}{ref.replace('/', os.sep)}.yaml"
    if any(str(p.file).endswith(broken) for p in cat._file_problems):
        # Its file is there but failed to load: say so, not "did you mean".
        return Problem(file, line, field, f"{ref!r} is not loaded: its record has errors (see that file's problems)")
    import difflib

    offences = [rid for rid, r in cat.rows.items() if r.kind == "offence"]
    family = sorted(rid for rid in offences if rid.startswith((ref + ".", ref + "-", ref + "/")))
    if family:  # an article split into paragraphs (14-2 -> 14-2.1, 14-2.2): name them
        shown = ", ".join(repr(rid) for rid in family[:4]) + (", ..." if len(family) > 4 else "")
        return Problem(file, line, field, f"unknown id {ref!r} (its parts are recorded apart: {shown})")
    hint = difflib.get_close_matches(ref, offences, n=1, cutoff=0.75)
    extra = f" (did you mean {hint[0]!r}?)" if hint else ""
    return Problem(file, line, field, f"unknown id {ref!r}{extra}")
