"""The catalogue: every record from every pack in use, by id, with the problems found.

`load_catalogue` is the one entry point commands use. It reads each pack (through the
compiled cache when it is fresh, see :mod:`lawref.cache`), keeps the first record for each
id, and records cross-file problems (duplicate ids, unknown references).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from .errors import UnknownRecord
from .load import Pack, find_files, resolve_packs
from .model import Case, Offence, Record
from .schema import Problem


@dataclass
class PackInfo:
    pack: Pack
    files: int = 0
    offences: int = 0
    cases: int = 0


class LazyRecords(Mapping):
    """id -> record, loading each record from the cache only when it is asked for."""

    def __init__(self) -> None:
        self._where: dict[str, tuple[object, str]] = {}
        self._loaded: dict[str, Record] = {}

    def add(self, rid: str, store, path: str) -> None:
        self._where[rid] = (store, path)

    def __getitem__(self, rid: str) -> Record:
        rec = self._loaded.get(rid)
        if rec is None:
            store, path = self._where[rid]
            rec = store.result(path).record
            if rec is None or rec.id != rid:  # the file changed under us: refuse stale data
                raise KeyError(rid)
            self._loaded[rid] = rec
        return rec

    def __contains__(self, rid: object) -> bool:
        return rid in self._where

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)


@dataclass
class Catalogue:
    """All records in use, in load order; `get` looks up by id, `rows` lists them cheaply."""

    records: Mapping = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    packs: list[PackInfo] = field(default_factory=list)
    rows: dict = field(default_factory=dict)  # id -> cache.Row

    def get(self, rid: str) -> Record:
        """The record with id `rid` (case-insensitive). Raises UnknownRecord."""
        for key in (rid, rid.strip().lower()):
            if key in self.records:
                return self.records[key]
        raise UnknownRecord(rid, self.suggest(rid))

    def suggest(self, text: str, n: int = 3) -> list[str]:
        """The `n` ids closest to `text` (for "did you mean")."""
        import difflib

        ids = list(self.records)
        out = difflib.get_close_matches(text.lower(), ids, n=n, cutoff=0.0)
        return out[:n]

    @property
    def offences(self) -> list[Offence]:
        return [self.records[r.id] for r in self.rows.values() if r.kind == "offence"]

    @property
    def cases(self) -> list[Case]:
        return [self.records[r.id] for r in self.rows.values() if r.kind == "case"]

    def cases_citing(self, offence_id: str) -> list[Case]:
        return [self.records[r.id] for r in self.rows.values() if r.kind == "case" and offence_id in r.refs]


def _shown(path: str) -> str:
    """A path as the user will recognise it: relative to the cwd when below it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return rel if not rel.startswith("..") else path


def load_catalogue(dirs: list[str] | None = None, *, bundled: bool = True, use_cache: bool = True, env: str | None = None) -> Catalogue:
    """Load the bundled data plus user packs into one catalogue.

    Args:
        dirs: extra pack directories (`--data`), loaded after LAWREF_DATA.
        bundled: include the bundled data.
        use_cache: read/write the compiled cache.
        env: override for LAWREF_DATA (tests).
    """
    from .cache import PackCache

    records = LazyRecords()
    cat = Catalogue(records=records)
    seen_file: dict[str, str] = {}
    for pack in resolve_packs(dirs, env=env, bundled=bundled):
        info = PackInfo(pack)
        cat.packs.append(info)
        files, problems = find_files(pack.path)
        cat.problems.extend(problems)
        store = PackCache(pack, files, use_cache=use_cache)
        for f in files:
            info.files += 1
            cat.problems.extend(store.problems.get(f, ()))
            row = store.rows.get(f)
            if row is None:
                continue
            if row.id in cat.rows:
                first = seen_file[row.id]
                cat.problems.append(Problem(f, _id_line(store, f), "id", f"duplicate id {row.id!r}: also defined in {_shown(first)}"))
                continue
            cat.rows[row.id] = row
            records.add(row.id, store, f)
            seen_file[row.id] = f
            if row.kind == "offence":
                info.offences += 1
            else:
                info.cases += 1
    cat.problems.extend(cross_check(cat))
    cat.problems = [Problem(_shown(p.file), p.line, p.field, p.message) for p in cat.problems]
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
