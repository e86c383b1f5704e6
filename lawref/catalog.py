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


class LazyRecords(Mapping):
    """id -> record, loading each record from its pack cache only when asked for."""

    def __init__(self) -> None:
        self._packs: list[tuple[object, dict[str, str]]] = []  # (store, id -> path)
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
        """The record with id `rid` (case-insensitive). Raises UnknownRecord."""
        for key in (rid, rid.strip().lower()):
            if key in self.records:
                try:
                    return self.records[key]
                except KeyError:
                    break
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
                idx = store.columns()
                for i, rid in enumerate(idx["ids"]):
                    if rid is None or rid in rows or where.get(rid) != idx["paths"][i]:
                        continue
                    rows[rid] = Row(rid, idx["kinds"][i], idx["jurs"][i], idx["titles"][i], idx["paths"][i],
                                    idx["refs"].get(i, ()), idx["tags"].get(i, ()), idx["skeys"][i] or "")
            self._rows = rows
        return self._rows

    def search_columns(self):
        """Search columns for every record in use: ids, kinds, jurisdictions, tags (index ->
        tuple), joined search keys, and the keys joined into one text with record offsets.

        With one pack and no duplicates these come straight from the cache (the joined text
        included), so a search builds nothing per record; otherwise they are merged here.
        """
        from .search import Entry, TextKeys, joined_text

        packs = self.records._packs
        parts = []
        seen: set[str] = set()
        for store, where in packs:
            idx = store.columns()
            if len(where) != len(idx["ids"]) or not ("search_text" in idx or all(idx["skeys"])) or not seen.isdisjoint(where):
                parts = None  # a duplicate id or an unparsed file: merge record by record
                break
            seen.update(where)
            if "search_text" not in idx:
                idx["search_text"] = joined_text(idx["skeys"])
            parts.append(idx)
        if parts is not None:
            if len(parts) == 1:
                idx = parts[0]
                return idx["ids"], idx["kinds"], idx["jurs"], idx["tags"], idx["skeys"], *idx["search_text"]
            ids, kinds, jurs, tags, texts, starts = [], [], [], {}, [], [0]
            for idx in parts:
                base, offset = len(ids), starts[-1]
                text, st = idx["search_text"]
                texts.append(text[:-1])  # each text ends with the separator the next begins with
                starts.extend(offset + x for x in st[1:])
                tags.update((base + i, t) for i, t in idx["tags"].items())
                ids += idx["ids"]
                kinds += idx["kinds"]
                jurs += idx["jurs"]
            text = "".join(texts) + texts[-1][:1]
            return ids, kinds, jurs, tags, TextKeys(text, starts), text, starts
        ids, kinds, jurs, tags, keys = [], [], [], {}, []
        seen = set()
        for store, where in packs:
            idx = store.columns()
            for i, (rid, path) in enumerate(zip(idx["ids"], idx["paths"])):
                if rid is None or rid in seen or where.get(rid) != path:
                    continue
                seen.add(rid)
                if idx["tags"].get(i):
                    tags[len(ids)] = idx["tags"][i]
                ids.append(rid)
                kinds.append(idx["kinds"][i])
                jurs.append(idx["jurs"][i])
                keys.append(idx["skeys"][i] or Entry.of(self.records[rid]).keys)
        text, starts = joined_text(keys)
        return ids, kinds, jurs, tags, keys, text, starts

    def newest_check(self, pack: Pack | None = None):
        """The newest source `accessed` date over all records (of one pack): the data's age."""
        best = None
        for store, where in self.records._packs:
            if pack is not None and store.pack != pack:
                continue
            idx = store.columns()
            for rid, path, day in zip(idx["ids"], idx["paths"], idx["checked"]):
                if day is not None and where.get(rid) == path and (best is None or day > best):
                    best = day
        return best

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
            idx = store.idx
            for i in store.cited_by().get(offence_id, ()):
                rid = idx["ids"][i]
                if where.get(rid) == idx["paths"][i]:
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
    owner: dict[str, str] = {}
    for pack in resolve_packs(dirs, env=env, bundled=bundled):
        store = PackCache(pack, use_cache=use_cache, full=full)
        idx = store.idx
        info = PackInfo(pack, files=len(idx["paths"]))
        cat.packs.append(info)
        cat._file_problems.extend(idx["walk_problems"])
        for i in sorted(idx["problems"]):
            cat._file_problems.extend(idx["problems"][i])
        ids = idx["ids"]
        where = {rid: p for rid, p in zip(ids, idx["paths"]) if rid is not None}
        present = len(ids) - ids.count(None)
        clashes = present != len(where) or (bool(owner) and not owner.keys().isdisjoint(where))
        if clashes:
            where = {}
            for rid, p in zip(ids, idx["paths"]):
                if rid is None:
                    continue
                first = owner.get(rid) or where.get(rid)
                if first is not None:
                    cat._file_problems.append(Problem(p, _id_line(store, p), "id", f"duplicate id {rid!r}: also defined in {_shown(first)}"))
                    continue
                where[rid] = p
        owner.update(where)
        info.offences = sum(1 for rid, k in zip(ids, idx["kinds"]) if rid in where and k == "offence") if clashes else idx["kinds"].count("offence")
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
            if target is not None and target.kind == "offence":
                continue
            rec = cat.records[row.id]
            line = rec.line_of(f"{name}[{i}]")
            if target is None:
                import difflib

                hint = difflib.get_close_matches(ref, list(cat.rows), n=1, cutoff=0.75)
                extra = f" (did you mean {hint[0]!r}?)" if hint else ""
                out.append(Problem(rec.file, line, f"{name}[{i}]", f"unknown id {ref!r}{extra}"))
            else:
                out.append(Problem(rec.file, line, f"{name}[{i}]", f"{ref!r} is a case, not an offence"))
    return out
